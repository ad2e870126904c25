//! Figures for people: money, counts and bounds, rounded deliberately.
//!
//! Durations are [`crate::duration::format_duration`], percentages of a
//! fraction [`crate::budget::format_fraction_percent`]; this module holds the
//! rest, so the UI and the CLI write every figure the same way.

use crate::budget::tidy;
use crate::duration::format_duration;
use crate::incident::Limit;
use crate::quantity::Availability;

/// Whole money with thousands separators: `$102,900`, `-$1,250`; above a
/// billion, three significant digits: `$1.25B`. Not finite: `undefined`.
///
/// ```
/// use nines_core::display::money;
/// assert_eq!(money(102_900.0), "$102,900");
/// assert_eq!(money(899.6), "$900");
/// assert_eq!(money(-1_250.0), "-$1,250");
/// assert_eq!(money(2.5e9), "$2.5B");
/// ```
pub fn money(x: f64) -> String {
    if !x.is_finite() {
        return "undefined".into();
    }
    let sign = if x < 0.0 && x.round() != 0.0 { "-" } else { "" };
    let a = x.abs();
    if a >= 1e9 {
        return format!("{sign}${}B", trim(&format!("{:.2}", a / 1e9)));
    }
    format!("{sign}${}", group(a.round() as u64))
}

/// A count with at most `decimals` decimals, trimmed, grouped: `4.2`, `12`, `1,000`.
///
/// ```
/// use nines_core::display::count;
/// assert_eq!(count(4.26, 1), "4.3");
/// assert_eq!(count(12.0, 2), "12");
/// assert_eq!(count(1234.6, 0), "1,235");
/// ```
pub fn count(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return "undefined".into();
    }
    let s = format!("{:.decimals$}", x.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let int: u64 = int.parse().unwrap_or(0);
    let sign = if x < 0.0 && s.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        "-"
    } else {
        ""
    };
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        format!("{sign}{}", group(int))
    } else {
        format!("{sign}{}.{frac}", group(int))
    }
}

/// An unavailability as an availability for people: `99.8001%` when the
/// figure is a short decimal once floating-point noise is removed
/// ([`tidy`]), otherwise rounded as the core shows fractional nines
/// (`≈97.2%` never `97.1999999999999996%`). Out of range: `—`.
///
/// ```
/// use nines_core::display::availability;
/// use nines_core::dependency::serial_unavailability;
/// assert_eq!(availability(serial_unavailability(&[0.001, 0.001])), "99.8001%");
/// assert_eq!(availability(0.001 * 0.001), "99.9999%");
/// assert!(!availability(0.028000000000000004).contains("999999"));
/// assert_eq!(availability(2.0), "—");
/// ```
pub fn availability(unavailability: f64) -> String {
    let Ok(a) = Availability::from_unavailability(tidy(unavailability)) else {
        return "—".into();
    };
    let exact = a.format_percent();
    if exact.chars().count() <= 12 {
        return exact;
    }
    Availability::from_nines(a.nines()).map_or(exact, |rounded| rounded.format_percent())
}

/// A bound on a count: `unlimited`, or the count.
///
/// ```
/// use nines_core::display::limit_count;
/// use nines_core::incident::Limit;
/// assert_eq!(limit_count(Limit::Unlimited, 1), "unlimited");
/// assert_eq!(limit_count(Limit::AtMost(2.46), 1), "2.5");
/// ```
pub fn limit_count(l: Limit, decimals: usize) -> String {
    match l {
        Limit::Unlimited => "unlimited".into(),
        Limit::AtMost(x) => count(x, decimals),
    }
}

/// A bound on a duration: `no limit`, or the duration.
///
/// ```
/// use nines_core::display::limit_duration;
/// use nines_core::incident::Limit;
/// assert_eq!(limit_duration(Limit::Unlimited), "no limit");
/// assert_eq!(limit_duration(Limit::AtMost(90.0)), "1m 30s");
/// ```
pub fn limit_duration(l: Limit) -> String {
    match l {
        Limit::Unlimited => "no limit".into(),
        Limit::AtMost(s) => format_duration(s),
    }
}

fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn trim(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouping_and_edges() {
        assert_eq!(money(0.0), "$0");
        assert_eq!(money(-0.4), "$0");
        assert_eq!(money(999_999_999.0), "$999,999,999");
        assert_eq!(money(f64::NAN), "undefined");
        assert_eq!(count(-0.001, 2), "0");
        assert_eq!(count(-2.5, 1), "-2.5");
        assert_eq!(count(1e6, 0), "1,000,000");
    }
}
