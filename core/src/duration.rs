//! Durations: parsing `4h 30m`, `43.2 min`, `PT4H30M` exactly, and
//! formatting seconds for people (`21m 55s`) and for machines (`43.2`).
//!
//! Durations are plain `f64` seconds at the API surface (the scenario and the
//! JSON output carry them that way), but parsing goes through the exact
//! [`Ratio`] so that `43.2 min` is the correctly rounded 2592 s and
//! `0.1h + 0.2h` is not summed in floating point. The parser and formatter
//! follow the shape of humantime's `src/duration.rs` (docs/DOMAIN.md §9): std only,
//! every error documented, checked arithmetic, round-trip tests.

use crate::parse_error::{Expected, ParseError, Problem};
use crate::ratio::{DecimalError, Ratio};

/// The longest duration accepted, in seconds: 10^15 s (about 31.7 million
/// years). Anything longer is a typo, and below this every whole number of
/// seconds is an exact `f64` (2^53 ≈ 9.007 × 10^15).
///
/// ```
/// use nines_core::duration::{parse_duration, MAX_SECONDS};
/// assert_eq!(MAX_SECONDS, 1_000_000_000_000_000);
/// assert!(parse_duration("1000000000000001s").is_err());
/// ```
pub const MAX_SECONDS: u64 = 1_000_000_000_000_000;

const TOO_LARGE: Problem = Problem::TooLarge("10^15 seconds");

/// Seconds per unit, exact. Months, quarters and years are deliberately
/// absent: their length depends on the [`crate::window::Convention`].
fn unit_seconds(unit: &str) -> Result<Ratio, Problem> {
    let secs = |n| Ok(Ratio::from_integer(n));
    match unit {
        "ns" | "nsec" | "nsecs" | "nanosecond" | "nanoseconds" => {
            Ok(Ratio::new(1, 1_000_000_000).unwrap_or(Ratio::ZERO))
        }
        // The micro sign (U+00B5) and the Greek mu (U+03BC) look alike.
        "us" | "µs" | "μs" | "usec" | "usecs" | "microsecond" | "microseconds" => {
            Ok(Ratio::new(1, 1_000_000).unwrap_or(Ratio::ZERO))
        }
        "ms" | "msec" | "msecs" | "millisecond" | "milliseconds" => {
            Ok(Ratio::new(1, 1000).unwrap_or(Ratio::ZERO))
        }
        "s" | "sec" | "secs" | "second" | "seconds" => secs(1),
        "m" | "min" | "mins" | "minute" | "minutes" => secs(60),
        "h" | "hr" | "hrs" | "hour" | "hours" => secs(3_600),
        "d" | "day" | "days" => secs(86_400),
        "w" | "wk" | "wks" | "week" | "weeks" => secs(604_800),
        "mo" | "mon" | "month" | "months" | "q" | "quarter" | "quarters" | "y" | "yr" | "yrs"
        | "year" | "years" => Err(Problem::CalendarUnit(unit.to_string())),
        _ => Err(Problem::UnknownUnit(unit.to_string())),
    }
}

fn number(digits: &str) -> Result<Ratio, Problem> {
    Ratio::parse_decimal(digits).map_err(|e| match e {
        DecimalError::Invalid => Problem::Unrecognised,
        DecimalError::TooManyDigits => Problem::TooManyDigits,
    })
}

fn add_checked(total: Ratio, amount: Ratio, per_unit: Ratio) -> Result<Ratio, Problem> {
    let sum = amount
        .checked_mul(per_unit)
        .and_then(|x| total.checked_add(x))
        .ok_or(TOO_LARGE)?;
    if sum > Ratio::from_integer(u128::from(MAX_SECONDS)) {
        return Err(TOO_LARGE);
    }
    Ok(sum)
}

/// Parses a duration into seconds (see [`parse_duration_exact`] for the
/// accepted forms). The result is the correctly rounded `f64` of the exact
/// value.
///
/// ```
/// use nines_core::duration::parse_duration;
/// assert_eq!(parse_duration("4h 30m").unwrap(), 16_200.0);
/// assert_eq!(parse_duration("43.2 min").unwrap(), 2_592.0);
/// assert_eq!(parse_duration("P1DT2H").unwrap(), 93_600.0);
/// assert!(parse_duration("90").unwrap_err().to_string().contains("needs a unit"));
/// ```
pub fn parse_duration(s: &str) -> Result<f64, ParseError> {
    parse_duration_exact(s).map(Ratio::to_f64)
}

/// Parses a duration into an exact number of seconds.
///
/// Accepted forms (surrounding spaces ignored, case-insensitive):
///
/// * amounts with units, in any order, separated by nothing, spaces or
///   commas: `4h 30m`, `4h30m`, `1d 2h`, `90s`, `43.2 min`, `1.5 hours`,
///   `2w`, `500ms`, `2.59µs`. Units: `ns`; `µs` (also `us`); `ms`; `s`,
///   `sec`, `second(s)`; `m`, `min`, `minute(s)`; `h`, `hr`, `hour(s)`;
///   `d`, `day(s)`; `w`, `week(s)`.
/// * ISO 8601 durations: `P1DT2H`, `PT4H30M`, `P1W`, `PT0.5S` (a decimal
///   comma is allowed, as ISO 8601 permits).
///
/// Refused: a bare number (add a unit), months and years (their length
/// depends on the convention: use a period), negatives, NaN, and anything
/// longer than [`MAX_SECONDS`].
///
/// ```
/// use nines_core::duration::parse_duration_exact;
/// use nines_core::ratio::Ratio;
/// assert_eq!(parse_duration_exact("500ms").unwrap(), Ratio::new(1, 2).unwrap());
/// assert!(parse_duration_exact("P1M").is_err());
/// ```
pub fn parse_duration_exact(s: &str) -> Result<Ratio, ParseError> {
    let err = |p| ParseError::new(s, Expected::Duration, p);
    let t = s.trim().to_ascii_lowercase();
    if t.is_empty() {
        return Err(err(Problem::Empty));
    }
    if t.contains('-') {
        return Err(err(Problem::Negative));
    }
    if t.contains("nan") || t.contains("inf") {
        return Err(err(Problem::NotANumber));
    }
    let result = match t.strip_prefix('p') {
        Some(iso) => parse_iso(iso),
        None => parse_units(&t),
    };
    result.map_err(err)
}

/// `4h 30m`-style amounts.
fn parse_units(t: &str) -> Result<Ratio, Problem> {
    let mut total = Ratio::ZERO;
    let mut rest = t;
    let mut any = false;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
        if let Some(r) = rest.strip_prefix("and ") {
            rest = r;
            continue;
        }
        if rest.is_empty() {
            break;
        }
        let digits_end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        if digits_end == 0 {
            return Err(Problem::Unrecognised);
        }
        let amount = number(&rest[..digits_end])?;
        rest = rest[digits_end..].trim_start();
        let unit_end = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        if unit_end == 0 {
            return Err(Problem::MissingUnit);
        }
        let per_unit = unit_seconds(&rest[..unit_end])?;
        total = add_checked(total, amount, per_unit)?;
        rest = &rest[unit_end..];
        any = true;
    }
    if !any {
        return Err(Problem::Unrecognised);
    }
    Ok(total)
}

/// The part of an ISO 8601 duration after `P`: `[nW][nD][T[nH][nM][nS]]`.
fn parse_iso(iso: &str) -> Result<Ratio, Problem> {
    let (date, time) = match iso.split_once('t') {
        Some((d, "")) => return Err(bad_iso(d)),
        Some((d, t)) => (d, Some(t)),
        None => (iso, None),
    };
    let mut total = Ratio::ZERO;
    let mut any = false;
    for (part, in_time) in [(Some(date), false), (time, true)] {
        let Some(mut rest) = part else { continue };
        while !rest.is_empty() {
            let end = rest
                .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
                .ok_or(Problem::MissingUnit)?;
            if end == 0 {
                return Err(Problem::Unrecognised);
            }
            let amount = number(&rest[..end])?;
            let designator = rest[end..].chars().next().ok_or(Problem::MissingUnit)?;
            let per_unit = match (in_time, designator) {
                (false, 'w') => Ratio::from_integer(604_800),
                (false, 'd') => Ratio::from_integer(86_400),
                (false, 'y') => return Err(Problem::CalendarUnit("Y".into())),
                (false, 'm') => return Err(Problem::CalendarUnit("M (months)".into())),
                (true, 'h') => Ratio::from_integer(3_600),
                (true, 'm') => Ratio::from_integer(60),
                (true, 's') => Ratio::ONE,
                (_, other) => return Err(Problem::UnknownUnit(other.to_string())),
            };
            total = add_checked(total, amount, per_unit)?;
            rest = &rest[end + designator.len_utf8()..];
            any = true;
        }
    }
    if !any {
        return Err(Problem::Unrecognised);
    }
    Ok(total)
}

fn bad_iso(_: &str) -> Problem {
    Problem::Invalid("an ISO 8601 duration needs a time component after T")
}

/// Formats seconds for people, rounded **to the nearest second** (halves
/// away from zero), as uptime.is does (`3d 15h 39m 30s`).
///
/// Rules:
/// * units are `d`, `h`, `m`, `s`; the largest and smallest non-zero units
///   bound the output and every unit between them is shown, zeros included
///   (`1h 0m 5s`), so columns stay comparable; `3600` is `1h`;
/// * below one second the value is shown to three significant digits in
///   milliseconds (`864ms`, `86.4ms`), below a millisecond in microseconds
///   (`2.59µs`: twelve nines of 30 days) and below a microsecond in
///   nanoseconds (`86.4ns`), because high targets have sub-second budgets;
/// * `0` is `0s`; negative values (an overspent budget) get a leading `-`;
///   infinity is `unlimited` and NaN is `undefined`, never `inf`/`NaN`.
///
/// [`crate::duration::parse_duration`] reads every output back; for whole
/// seconds it gives the same number.
///
/// ```
/// use nines_core::duration::format_duration;
/// assert_eq!(format_duration(1_314.873), "21m 55s");
/// assert_eq!(format_duration(15_768.0), "4h 22m 48s");
/// assert_eq!(format_duration(3_600.0), "1h");
/// assert_eq!(format_duration(3_605.0), "1h 0m 5s");
/// assert_eq!(format_duration(0.864), "864ms");
/// assert_eq!(format_duration(30.0 * 86_400.0 * 1e-12), "2.59µs");
/// assert_eq!(format_duration(86_400.0 * 1e-12), "86.4ns");
/// assert_eq!(format_duration(0.0), "0s");
/// ```
pub fn format_duration(seconds: f64) -> String {
    let mut out = String::with_capacity(16);
    push_duration(&mut out, seconds);
    out
}

/// A duration as prose reads it: the two largest units, the second
/// rounded (halves up): `6d 15h` for 6d 14h 56m 21s, `21m 36s` as it is,
/// `4h 23m` for 4h 22m 58s. Below a minute, or in two units already, it is
/// [`format_duration`]'s. The tables, the CLI and the exports keep
/// [`format_duration`]'s exact seconds.
///
/// ```
/// use nines_core::duration::format_duration_short;
/// assert_eq!(format_duration_short(6.0 * 86_400.0 + 14.0 * 3_600.0 + 56.0 * 60.0 + 21.0), "6d 15h");
/// assert_eq!(format_duration_short(21.0 * 60.0 + 36.0), "21m 36s");
/// assert_eq!(format_duration_short(15_778.0), "4h 23m");
/// // Rounding carries: 23h 59m 40s is 1d.
/// assert_eq!(format_duration_short(86_380.0), "1d");
/// assert_eq!(format_duration_short(0.864), "864ms");
/// ```
pub fn format_duration_short(seconds: f64) -> String {
    if !seconds.is_finite() || seconds.abs() < 60.0 {
        return format_duration(seconds);
    }
    let a = seconds.abs();
    // The second unit of the largest: a day's hours, an hour's minutes, a
    // minute's seconds.
    let step = if a >= 86_400.0 {
        3_600.0
    } else if a >= 3_600.0 {
        60.0
    } else {
        1.0
    };
    format_duration(((a / step).round() * step).copysign(seconds))
}

/// [`format_duration`], appended to `out` (one allocation for the caller's
/// whole string).
pub(crate) fn push_duration(out: &mut String, seconds: f64) {
    if seconds.is_nan() {
        out.push_str("undefined");
        return;
    }
    if seconds < 0.0 {
        let sign = out.len();
        out.push('-');
        push_duration(out, -seconds);
        // A magnitude that rounds to nothing is shown without a sign,
        // never as "-0ns".
        if !out[sign + 1..].bytes().any(|b| (b'1'..=b'9').contains(&b)) {
            out.remove(sign);
        }
        return;
    }
    if seconds.is_infinite() {
        out.push_str("unlimited");
        return;
    }
    if seconds == 0.0 {
        out.push_str("0s");
        return;
    }
    if seconds < 1.0 {
        // Three significant digits in the largest of ms, µs and ns that
        // shows the value as 1 or more (twelve nines of a month is 2.63µs,
        // not 0.00263ms); rounding up to 1000 moves to the next unit.
        for (scale, unit, next) in [(1e3, "ms", "1s"), (1e6, "µs", "1ms"), (1e9, "ns", "1µs")] {
            let v = round_significant(seconds * scale, 3);
            if v >= 1.0 || unit == "ns" {
                if v < 1000.0 {
                    out.push_str(&format_seconds_plain(v));
                    out.push_str(unit);
                } else {
                    out.push_str(next);
                }
                return;
            }
        }
    }
    if seconds >= 1e18 {
        // Beyond u64 range of whole seconds and far beyond any real budget.
        out.push_str(&format_seconds_plain(seconds.round()));
        out.push('s');
        return;
    }
    let total = seconds.round() as u64;
    let parts = [
        (total / 86_400, 'd'),
        ((total / 3_600) % 24, 'h'),
        ((total / 60) % 60, 'm'),
        (total % 60, 's'),
    ];
    let first = parts.iter().position(|(v, _)| *v != 0).unwrap_or(3);
    let last = parts.iter().rposition(|(v, _)| *v != 0).unwrap_or(3);
    for (i, &(v, unit)) in parts[first..=last].iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        crate::digits::push_u64(out, v);
        out.push(unit);
    }
}

/// `x` rounded to `sig` significant digits.
fn round_significant(x: f64, sig: i32) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let decimals = (sig - 1 - x.abs().log10().floor() as i32).clamp(0, 300) as usize;
    format!("{x:.decimals$}").parse().unwrap_or(x)
}

/// Formats seconds at full precision for machines (JSON, the CLI): Rust's
/// shortest round-trip decimal, never in exponent notation, with no float
/// artefacts as long as the value was computed correctly rounded (the core
/// computes exact products and rounds once). `-0` prints as `0`.
///
/// ```
/// use nines_core::duration::format_seconds_plain;
/// use nines_core::downtime::allowed_downtime;
/// use nines_core::quantity::Availability;
/// use nines_core::window::{Convention, Period};
/// let a = Availability::parse("99.95").unwrap();
/// let d = allowed_downtime(&a, Period::Day, Convention::GregorianMean);
/// assert_eq!(format_seconds_plain(d), "43.2");
/// assert_eq!(format_seconds_plain(-0.0), "0");
/// ```
pub fn format_seconds_plain(seconds: f64) -> String {
    if seconds == 0.0 {
        return "0".into();
    }
    format!("{seconds}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(s: &str) -> f64 {
        parse_duration(s).unwrap()
    }

    #[test]
    fn accepted_forms() {
        assert_eq!(secs("4h 30m"), 16_200.0);
        assert_eq!(secs("4h30m"), 16_200.0);
        assert_eq!(secs("1d 2h"), 93_600.0);
        assert_eq!(secs("90s"), 90.0);
        assert_eq!(secs("43.2 min"), 2_592.0);
        assert_eq!(secs("43.2 minutes"), 2_592.0);
        assert_eq!(secs("1.5 hours"), 5_400.0);
        assert_eq!(secs("2w"), 1_209_600.0);
        assert_eq!(secs("500ms"), 0.5);
        assert_eq!(secs("P1DT2H"), 93_600.0);
        assert_eq!(secs("PT4H30M"), 16_200.0);
        assert_eq!(secs("P1W"), 604_800.0);
        assert_eq!(secs("pt0,5s"), 0.5);
        assert_eq!(secs(" 1H, 2M and 3S "), 3_723.0);
        assert_eq!(secs("0s"), 0.0);
        assert_eq!(secs("1 day"), 86_400.0);
    }

    #[test]
    fn decimals_are_exact() {
        // 0.1h + 0.2h summed in f64 would be 1080.0000000000002.
        assert_eq!(secs("0.1h 0.2h"), 1_080.0);
        assert_eq!(secs("26.298 min"), 1_577.88);
    }

    #[test]
    fn refusals_name_the_problem() {
        let e = |s: &str| parse_duration(s).unwrap_err();
        assert_eq!(e("90").problem(), &Problem::MissingUnit);
        assert_eq!(e("4h30").problem(), &Problem::MissingUnit);
        assert_eq!(e("").problem(), &Problem::Empty);
        assert_eq!(e("-3h").problem(), &Problem::Negative);
        assert_eq!(e("NaN h").problem(), &Problem::NotANumber);
        assert_eq!(
            e("3 parsecs").problem(),
            &Problem::UnknownUnit("parsecs".into())
        );
        assert_eq!(
            e("1 month").problem(),
            &Problem::CalendarUnit("month".into())
        );
        assert_eq!(
            e("P1M").problem(),
            &Problem::CalendarUnit("M (months)".into())
        );
        assert_eq!(e("P1Y").problem(), &Problem::CalendarUnit("Y".into()));
        assert_eq!(e("P").problem(), &Problem::Unrecognised);
        assert!(matches!(e("P1DT").problem(), Problem::Invalid(_)));
        assert_eq!(e("P5").problem(), &Problem::MissingUnit);
        assert_eq!(e("h").problem(), &Problem::Unrecognised);
        assert_eq!(e("1.2.3h").problem(), &Problem::Unrecognised);
        assert_eq!(e("1000000000000000000000000000h").problem(), &TOO_LARGE);
        assert_eq!(
            e(&format!("{}h", "9".repeat(60))).problem(),
            &Problem::TooManyDigits
        );
        assert_eq!(e("20000000000000d").problem(), &TOO_LARGE);
        let msg = e("90").to_string();
        assert!(
            msg.starts_with("\"90\" is not a duration: a number needs a unit; use"),
            "{msg}"
        );
    }

    #[test]
    fn formatting() {
        assert_eq!(format_duration(1_314.873), "21m 55s");
        assert_eq!(format_duration(2_630.0), "43m 50s");
        assert_eq!(format_duration(31_556.952), "8h 45m 57s");
        assert_eq!(format_duration(93_605.0), "1d 2h 0m 5s");
        assert_eq!(format_duration(86_400.0), "1d");
        assert_eq!(format_duration(0.4), "400ms");
        assert_eq!(format_duration(0.0864), "86.4ms");
        assert_eq!(format_duration(0.9999), "1s");
        assert_eq!(format_duration(1.4), "1s");
        assert_eq!(format_duration(59.5), "1m");
        assert_eq!(format_duration(-90.0), "-1m 30s");
        assert_eq!(format_duration(f64::INFINITY), "unlimited");
        assert_eq!(format_duration(f64::NAN), "undefined");
        assert_eq!(format_duration(1e20), "100000000000000000000s");
    }

    #[test]
    fn formatted_values_parse_back() {
        for s in [0.0, 1.0, 59.0, 3_600.0, 93_605.0, 1e15] {
            assert_eq!(secs(&format_duration(s)), s);
        }
        assert_eq!(secs(&format_duration(0.864)), 0.864);
    }
}
