//! Property tests: round trips, monotonicity, and "never panics" on any
//! input, for availabilities, durations, windows and downtime.

use nines_core::clock::{MeasuredTime, UtcOffset, parse_instant};
use nines_core::window::PlannedMaintenance;
use nines_core::{
    Availability, Convention, Period, Ratio, ServiceHours, allowed_downtime,
    availability_from_downtime, format_duration, parse_duration,
};
use proptest::prelude::*;

fn periods() -> impl Strategy<Value = Period> {
    prop_oneof![
        Just(Period::Hour),
        Just(Period::Day),
        Just(Period::Week),
        Just(Period::Month),
        Just(Period::Quarter),
        Just(Period::Year),
        (1u32..=3_650).prop_map(Period::Days),
    ]
}

fn conventions() -> impl Strategy<Value = Convention> {
    prop_oneof![
        Just(Convention::GregorianMean),
        Just(Convention::SreBook),
        Just(Convention::Calendar365),
    ]
}

/// A percentage with up to `max_decimals` decimals, as an exact integer
/// count of 10^-max_decimals percent.
fn percent_units(max_decimals: u32) -> impl Strategy<Value = (u64, u32)> {
    let scale = 10u64.pow(max_decimals);
    (0..=100 * scale).prop_map(move |units| (units, max_decimals))
}

fn percent_string((units, decimals): (u64, u32)) -> String {
    let scale = 10u64.pow(decimals);
    format!(
        "{}.{:0width$}",
        units / scale,
        units % scale,
        width = decimals as usize
    )
}

/// Availabilities of every kind: decimal percentages, ratios, nines, and
/// arbitrary f64 unavailabilities.
fn availabilities() -> impl Strategy<Value = Availability> {
    prop_oneof![
        (0u32..=12)
            .prop_flat_map(percent_units)
            .prop_map(|p| Availability::parse(&format!("{}%", percent_string(p))).unwrap()),
        (1u64..=1_000_000_000_000)
            .prop_flat_map(|den| (0..=den, Just(den)))
            .prop_map(|(n, d)| Availability::parse(&format!("{n}/{d}")).unwrap()),
        (0.0f64..=290.0).prop_map(|n| Availability::from_nines(n).unwrap()),
        (0.0f64..=1.0).prop_map(|u| Availability::from_unavailability(u).unwrap()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// parse(format(a)) == a, for the canonical Display.
    #[test]
    fn availability_parse_format_identity(a in availabilities()) {
        let shown = a.to_string();
        let back = Availability::parse(&shown).unwrap();
        prop_assert_eq!(back, a, "{}", shown);
        // Serde goes through the same string.
        let json = serde_json::to_string(&a).unwrap();
        prop_assert_eq!(serde_json::from_str::<Availability>(&json).unwrap(), a);
    }

    /// Decimal percentages keep their exact digits, and U is the correctly
    /// rounded f64 of the exact decimal.
    #[test]
    fn decimal_percent_is_exact(p in (0u32..=12).prop_flat_map(percent_units)) {
        let s = percent_string(p);
        let a = Availability::parse(&format!("{s}%")).unwrap();
        let trimmed = s.trim_end_matches('0').trim_end_matches('.');
        prop_assert_eq!(a.to_string(), format!("{trimmed}%"));
        prop_assert_eq!(a.format_percent(), format!("{trimmed}%"));
        // U = (100·10^k − units) / 10^(k+2), rounded once by Rust's parser.
        let (units, k) = p;
        let u_units = 100 * 10u64.pow(k) - units;
        let expected: f64 = format!("{u_units}e-{}", k + 2).parse().unwrap();
        prop_assert_eq!(a.unavailability(), expected);
    }

    /// Formatting never says "inf" or "NaN", whatever the availability.
    #[test]
    fn formatting_is_always_readable(a in availabilities()) {
        for s in [a.format_percent(), a.format_nines(), a.format_unavailability_percent()] {
            prop_assert!(!s.contains("inf") && !s.contains("NaN"), "{}", s);
        }
    }

    /// parse_duration(format_duration(n)) == n for whole seconds.
    #[test]
    fn duration_round_trip_whole_seconds(n in 0u64..=1_000_000_000_000_000) {
        let s = format_duration(n as f64);
        prop_assert_eq!(parse_duration(&s).unwrap(), n as f64, "{}", s);
    }

    /// Sub-second values print as milliseconds that parse back to the value
    /// rounded to three significant digits.
    #[test]
    fn duration_round_trip_sub_second(ms in 1u32..1000) {
        let seconds = f64::from(ms) / 1000.0;
        let s = format_duration(seconds);
        prop_assert_eq!(&s, &format!("{ms}ms"));
        prop_assert_eq!(parse_duration(&s).unwrap(), seconds);
    }

    /// Units add up exactly, in either written form.
    #[test]
    fn duration_units_add_up(d in 0u64..1000, h in 0u64..24, m in 0u64..60, s in 0u64..60) {
        let total = (((d * 24 + h) * 60 + m) * 60 + s) as f64;
        prop_assert_eq!(parse_duration(&format!("{d}d {h}h {m}m {s}s")).unwrap(), total);
        prop_assert_eq!(parse_duration(&format!("P{d}DT{h}H{m}M{s}S")).unwrap(), total);
    }

    /// Allowed downtime never increases when the target rises.
    #[test]
    fn downtime_decreases_with_target(
        a in availabilities(),
        b in availabilities(),
        period in periods(),
        convention in conventions(),
    ) {
        let (low, high) = if a.partial_cmp(&b) == Some(std::cmp::Ordering::Greater) {
            (b, a)
        } else {
            (a, b)
        };
        let d_low = allowed_downtime(&low, period, convention);
        let d_high = allowed_downtime(&high, period, convention);
        prop_assert!(d_low >= d_high, "{} -> {}, {} -> {}", low, d_low, high, d_high);
    }

    /// downtime → availability → downtime gives the same figures; for
    /// percentages with up to four decimals the availability comes back
    /// exactly (U has at most 6 significant digits and a window at most 9,
    /// so the product has at most 15, which an f64 keeps).
    #[test]
    fn downtime_availability_round_trip(
        p in (0u32..=4).prop_flat_map(percent_units),
        period in periods(),
        convention in conventions(),
    ) {
        let a = Availability::parse(&format!("{}%", percent_string(p))).unwrap();
        let d = allowed_downtime(&a, period, convention);
        let back = availability_from_downtime(d, period, convention).unwrap();
        prop_assert_eq!(back, a);
        prop_assert_eq!(allowed_downtime(&back, period, convention), d);
    }

    /// The same round trip for any availability, to within float precision.
    #[test]
    fn downtime_availability_round_trip_any(
        a in availabilities(),
        period in periods(),
        convention in conventions(),
    ) {
        let d = allowed_downtime(&a, period, convention);
        let back = availability_from_downtime(d, period, convention).unwrap();
        let d2 = allowed_downtime(&back, period, convention);
        prop_assert!((d2 - d).abs() <= 1e-12 * d.max(1.0), "{} vs {}", d, d2);
    }

    /// Large fractions are rounded like Rust's correctly rounding parser
    /// rounds their exact decimal.
    #[test]
    fn ratio_to_f64_is_correctly_rounded(num in any::<u64>(), exp in 16u32..=38) {
        let r = Ratio::new(u128::from(num), 10u128.pow(exp)).unwrap();
        let expected: f64 = format!("{num}e-{exp}").parse().unwrap();
        prop_assert_eq!(r.to_f64(), expected);
    }

    /// Exact comparison agrees with cross-multiplication where that fits.
    #[test]
    fn ratio_order_matches_cross_multiplication(
        a in any::<u64>(), b in 1u64.., c in any::<u64>(), d in 1u64..,
    ) {
        let x = Ratio::new(u128::from(a), u128::from(b)).unwrap();
        let y = Ratio::new(u128::from(c), u128::from(d)).unwrap();
        let cross = (u128::from(a) * u128::from(d)).cmp(&(u128::from(c) * u128::from(b)));
        prop_assert_eq!(x.cmp(&y), cross);
    }

    /// No parser panics on any text.
    #[test]
    fn parsers_never_panic(s in "\\PC{0,40}") {
        let _ = Availability::parse(&s);
        let _ = parse_duration(&s);
        let _ = s.parse::<Period>();
        let _ = s.parse::<Convention>();
        let _ = s.parse::<ServiceHours>();
    }

    /// ...including text made of the characters they look for.
    #[test]
    fn parsers_never_panic_on_near_misses(s in "[0-9./%: ,PTDHMSWdhmsw-]{0,30}( ?nines)?") {
        if let Ok(a) = Availability::parse(&s) {
            prop_assert_eq!(Availability::parse(&a.to_string()).unwrap(), a);
        }
        if let Ok(d) = parse_duration(&s) {
            prop_assert!(d.is_finite() && d >= 0.0);
        }
        let _ = s.parse::<Period>();
        let _ = s.parse::<ServiceHours>();
    }

    /// Every service-hours schedule prints in a form that parses back.
    #[test]
    fn service_hours_round_trip(days in proptest::array::uniform7(
        proptest::option::of((0u16..1440).prop_flat_map(|s| (Just(s), s + 1..=1440)))
    )) {
        let mut text = Vec::new();
        let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        for (name, day) in names.iter().zip(days) {
            if let Some((s, e)) = day {
                text.push(format!("{name} {:02}:{:02}-{:02}:{:02}", s / 60, s % 60, e / 60, e % 60));
            }
        }
        let text = if text.is_empty() { "closed".to_string() } else { text.join(", ") };
        let hours: ServiceHours = text.parse().unwrap();
        let again: ServiceHours = hours.to_string().parse().unwrap();
        prop_assert_eq!(again, hours);
    }

    /// Ranges across midnight and several a day: whatever is accepted
    /// prints in a form that reads back to the same minutes, holds the
    /// minutes typed (each range's length: to the next morning when it
    /// ends before it starts), and a walk over a week from any Monday
    /// measures exactly that.
    #[test]
    fn night_and_split_hours_round_trip(ranges in proptest::collection::vec(
        (0usize..7, 0u16..1440, 0u16..1440), 1..6
    )) {
        let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        let hm = |m: u16| format!("{:02}:{:02}", m / 60, m % 60);
        let text = ranges
            .iter()
            .map(|&(d, s, e)| format!("{} {}-{}", names[d], hm(s), hm(e)))
            .collect::<Vec<_>>()
            .join(", ");
        let Ok(hours) = text.parse::<ServiceHours>() else {
            return Ok(());
        };
        let again: ServiceHours = hours.to_string().parse().unwrap();
        prop_assert_eq!(again, hours, "{} printed {}", text, hours);
        let typed: u32 = ranges
            .iter()
            .map(|&(_, s, e)| {
                let e = if e == 0 { 1440 } else { e };
                u32::from(if e > s { e - s } else { 1440 - s + e })
            })
            .sum();
        prop_assert_eq!(hours.weekly_minutes(), typed);
        let m = MeasuredTime::new(
            hours,
            &PlannedMaintenance::default(),
            UtcOffset::UTC,
            Convention::SreBook,
        );
        let monday = parse_instant("2026-11-16").unwrap();
        let next = parse_instant("2026-11-23").unwrap();
        prop_assert_eq!(m.between(monday, next), f64::from(typed) * 60.0);
    }
}
