//! Property tests: budget arithmetic, alert detection, parse∘format round
//! trips for counts, rates and money, and no panics on any input.

use nines_core::alerts::{AlertPolicy, BurnAlert, Severity, analyse_alert, detection_series};
use nines_core::amount::{Count, Money, Per, Rate};
use nines_core::budget::{ErrorBudget, Spend, burn_down};
use nines_core::quantity::{Availability, Ratio};
use nines_core::scenario::{PolicyChoice, Scenario, evaluate};
use nines_core::window::{Convention, Period};
use proptest::prelude::*;

/// Targets with an exact decimal unavailability: 1 to 999 999 parts per
/// million of downtime, i.e. 0.0001% to 99.9999% availability.
fn target() -> impl Strategy<Value = Availability> {
    (1u32..1_000_000).prop_map(|ppm| {
        Availability::from_unavailability(f64::from(ppm) / 1e6).expect("valid unavailability")
    })
}

fn count() -> impl Strategy<Value = Count> {
    (0u64..=1_000_000_000_000_000, 0u32..7).prop_filter_map("fits", |(m, scale)| {
        Count::new(Ratio::new(u128::from(m), 10u128.pow(scale))?)
    })
}

fn per() -> impl Strategy<Value = Per> {
    prop_oneof![
        (1u64..10_000_000).prop_map(|s| Per::Seconds(Ratio::from_integer(u128::from(s)))),
        (1u64..100_000, 1u32..4).prop_map(|(m, scale)| {
            Per::Seconds(Ratio::new(u128::from(m), 10u128.pow(scale)).expect("non-zero"))
        }),
        prop_oneof![
            Just(Period::Month),
            Just(Period::Quarter),
            Just(Period::Year)
        ]
        .prop_map(Per::Period),
    ]
}

fn any_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(-1.0),
        0.0..1e7,
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn consumed_plus_remaining_is_one(
        t in target(),
        requests in 1.0f64..1e12,
        bad_share in 0.0f64..=1.0,
        elapsed_share in 0.001f64..=1.0,
    ) {
        let b = ErrorBudget::new(t, Period::Days(30), Convention::SreBook);
        // At most every request so far is bad (requests × elapsed share).
        let spend = Spend::BadRequests { bad: (requests * elapsed_share * bad_share).floor(), requests_in_window: requests };
        let s = b.status(spend, elapsed_share * b.window_seconds()).unwrap();
        let (c, r) = (s.consumed.unwrap(), s.remaining.unwrap());
        prop_assert!((c + r - 1.0).abs() <= 1e-9 * c.max(1.0), "{c} + {r}");
        // Burn rate is the share of budget per share of window.
        let burn = s.burn_rate.unwrap();
        prop_assert!((burn * elapsed_share - c).abs() <= 1e-9 * c.max(1.0));
        prop_assert_eq!(s.policy == nines_core::budget::PolicyStatus::Frozen, r <= 0.0);
        for p in burn_down(&s, 31) {
            prop_assert!(p.remaining.is_finite() && p.ideal.is_finite());
        }
    }

    #[test]
    fn allowed_bad_is_monotone_in_the_target(a in target(), b in target(), requests in 0.0f64..1e12) {
        let window = Period::Days(30);
        let ba = ErrorBudget::new(a, window, Convention::SreBook).allowed_bad(requests).unwrap();
        let bb = ErrorBudget::new(b, window, Convention::SreBook).allowed_bad(requests).unwrap();
        // Higher availability allows fewer bad requests.
        if a > b {
            prop_assert!(ba <= bb, "{a} allows {ba}, {b} allows {bb}");
        }
    }

    #[test]
    fn detection_time_decreases_with_the_error_ratio(
        t in target(),
        fraction in 0.001f64..0.5,
        long_hours in 1u32..100,
        e1 in 0.0f64..=1.0,
        e2 in 0.0f64..=1.0,
    ) {
        let long = f64::from(long_hours) * 3_600.0;
        let alert = BurnAlert::new(Severity::Page, fraction, long, long / 12.0);
        let period = 30.0 * 86_400.0;
        let (lo, hi) = if e1 < e2 { (e1, e2) } else { (e2, e1) };
        let a_lo = analyse_alert(&alert, &t, period, lo);
        let a_hi = analyse_alert(&alert, &t, period, hi);
        if let Some(t_lo) = a_lo.detection_seconds {
            let t_hi = a_hi.detection_seconds.expect("a higher error ratio fires too");
            prop_assert!(t_hi <= t_lo, "{t_hi} > {t_lo}");
        }
        // Without a `for`, an alert fires having spent exactly its fraction.
        if let Some(spent) = a_hi.budget_spent {
            prop_assert!((spent - fraction).abs() <= 1e-9, "{spent} vs {fraction}");
        }
    }

    #[test]
    fn budget_spent_with_for_is_bounded(
        t in target(),
        days in 1u64..400,
        e in 0.0f64..=1.0,
    ) {
        // Pyrra's `for` adds e × for / (U × P) to the alert's share.
        let period = days * 86_400;
        let p = period as f64;
        let u = t.unavailability();
        for alert in AlertPolicy::pyrra(period).alerts {
            let r = analyse_alert(&alert, &t, p, e);
            if let Some(spent) = r.budget_spent {
                let bound = r.budget_consumed + e * alert.for_seconds.unwrap_or(0.0) / (u * p);
                prop_assert!(spent <= bound * (1.0 + 1e-9) + 1e-12, "{spent} > {bound}");
                prop_assert!(spent.is_finite());
            }
        }
    }

    #[test]
    fn detection_chart_is_finite(t in target(), preset in 0usize..3, days in 1u64..400) {
        let period = days * 86_400;
        let policy = vec![AlertPolicy::workbook(), AlertPolicy::sloth(period), AlertPolicy::pyrra(period)]
            .swap_remove(preset);
        for curve in detection_series(&policy, &t, period as f64, 24) {
            for p in curve.points {
                prop_assert!(p.detection_seconds.is_finite() && p.detection_seconds >= 0.0);
            }
        }
    }

    #[test]
    fn counts_round_trip(c in count()) {
        prop_assert_eq!(Count::parse(&c.to_string()).unwrap(), c);
        let compact = c.format_compact();
        if !compact.starts_with('≈') {
            prop_assert_eq!(Count::parse(&compact).unwrap(), c, "{}", compact);
        }
    }

    #[test]
    fn rates_round_trip(c in count(), p in per()) {
        let r = Rate::new(c, p).unwrap();
        prop_assert_eq!(Rate::parse(&r.to_string()).unwrap(), r, "{}", r);
    }

    #[test]
    fn money_round_trips(c in count(), currency in prop::sample::select(vec!["", "$", "€", "£", "USD", "EUR"])) {
        let m = Money::new(currency, c);
        prop_assert_eq!(Money::parse(&m.to_string()).unwrap(), m.clone(), "{}", m);
        let compact = m.format_compact();
        if !compact.contains('≈') {
            prop_assert_eq!(Money::parse(&compact).unwrap(), m, "{}", compact);
        }
    }

    #[test]
    fn parsers_never_panic(s in "\\PC{0,24}") {
        let _ = Count::parse(&s);
        let _ = Rate::parse(&s);
        let _ = Money::parse(&s);
        let _ = s.parse::<nines_core::alerts::Preset>();
    }

    #[test]
    fn parsers_never_panic_on_near_misses(
        n in "[0-9.,eE+-]{0,12}",
        suffix in prop::sample::select(vec!["", "k", "M", "m", "B", "bn", "T", "x", " per s", "/", " per ", "rps", " USD", "€"]),
        prefix in prop::sample::select(vec!["", "$", "-", "+", "USD "]),
    ) {
        let s = format!("{prefix}{n}{suffix}");
        let _ = Count::parse(&s);
        let _ = Rate::parse(&s);
        let _ = Money::parse(&s);
    }

    #[test]
    fn evaluate_never_panics_and_stays_finite(
        t in target(),
        bad in any_f64(),
        bad_seconds in any_f64(),
        elapsed in any_f64(),
        error_ratio in any_f64(),
        days in 1u32..1000,
        policy in 0usize..4,
        time_mode in any::<bool>(),
        typed in any::<bool>(),
        logged_since in any::<i64>(),
    ) {
        let mut s = Scenario {
            target: t,
            slo_window: Period::Days(days),
            ..Scenario::default()
        };
        s.budget.bad_events = bad;
        s.budget.bad_seconds = bad_seconds;
        s.budget.elapsed_seconds = elapsed;
        if time_mode {
            s.budget.mode = nines_core::budget::BudgetMode::Time;
        }
        // Typed bad time, or the log's (with any "logged since", and the
        // model taken from it).
        if typed {
            s.budget.bad_time_source = nines_core::budget::BadTimeSource::Typed;
        } else {
            s.incidents.model_source = nines_core::incident::ModelSource::Log;
            s.incidents.logged_since = chrono::DateTime::from_timestamp_millis(logged_since);
        }
        s.alerts.error_ratio = error_ratio;
        s.alerts.policy = [PolicyChoice::Workbook, PolicyChoice::Sloth, PolicyChoice::Pyrra, PolicyChoice::Custom][policy];
        s.alerts.custom = vec![BurnAlert::new(Severity::Page, 0.02, 3_600.0, 300.0)];
        let r = evaluate(&s, nines_core::budget::STORY_NOW);
        let b = &r.budget;
        for x in [b.budget_fraction, b.budget_seconds, b.requests_in_window, b.allowed_bad, b.spent, b.elapsed_seconds, b.window_seconds] {
            prop_assert!(x.is_finite());
        }
        for x in [b.consumed, b.remaining, b.burn_rate, b.time_to_exhaustion_seconds].into_iter().flatten() {
            prop_assert!(x.is_finite());
        }
        for row in &r.alerts.rows {
            for x in [row.burn_rate, row.budget_consumed, row.threshold_error_ratio] {
                prop_assert!(x.is_finite());
            }
            for x in [row.detection_seconds, row.budget_spent, row.reset_seconds].into_iter().flatten() {
                prop_assert!(x.is_finite());
            }
        }
        let json = serde_json::to_string(&r).unwrap();
        prop_assert!(!json.contains("inf") && !json.contains("NaN"), "{}", json);
    }
}
