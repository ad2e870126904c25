//! Availability, unavailability and nines, kept exact.
//!
//! The primary quantity is the **unavailability** `U = 1 - A` (docs/DOMAIN.md §1.1:
//! `U` (or `n`) is kept as the primary quantity, so nine nines stays exact).
//! A decimal input such as `99.95` is parsed with integer arithmetic into the
//! exact fraction `U = 5/10000`, never computed as `1 - 0.9995` in floating
//! point (which is how a well-known calculator ends up printing
//! `86.39999999999418 s`). Only fractional nines (`3.5 nines`, where
//! `U = 10^-3.5` is irrational) are kept as a floating-point number of nines.
//!
//! The exact fraction is [`crate::ratio::Ratio`]; the parse error is
//! [`crate::parse_error::ParseError`] (both re-exported here).

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use crate::parse_error::{Expected, ParseError, Problem};
pub use crate::ratio::{DecimalError, MAX_DECIMALS, Ratio};
use crate::ratio::{MAX_POW10, decimal_string, pow10};

// ---------------------------------------------------------------------------
// Availability
// ---------------------------------------------------------------------------

/// The most nines accepted. `10^-300` is still a normal `f64`, so the
/// unavailability never silently becomes zero.
const MAX_NINES: f64 = 300.0;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Repr {
    /// `U` exactly, `0 <= U <= 1`.
    Exact(Ratio),
    /// `U = 10^-n` for a finite `n > 0` that is not a whole number up to 38
    /// (those are exact).
    Nines(f64),
}

/// An availability target, stored as its unavailability `U = 1 - A`.
///
/// Parse it from `99.95`, `99.95%`, `3.5 nines`, `1/1000`, … with
/// [`Availability::parse`]. Decimal inputs stay exact:
///
/// ```
/// use nines_core::quantity::Availability;
/// let a = Availability::parse("99.95%").unwrap();
/// assert_eq!(a.unavailability(), 0.0005);
/// assert_eq!(a.unavailability_decimal(), Some((5, 4)));
/// assert_eq!(a.to_string(), "99.95%");
/// assert_eq!(a.format_nines(), "3.3 nines");
/// ```
///
/// It serializes as its canonical string (`"99.95%"`) so share links and
/// JSON stay readable, and deserializes by parsing (a JSON number is read
/// as a percentage).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Availability {
    repr: Repr,
}

impl Availability {
    /// The highest round target whose budget covers an expected
    /// unavailability: the budget is `expected` rounded up to the 1-2-5
    /// series (1, 2 or 5 × a power of ten), so the target reads 99.9%,
    /// 99.8%, 99.5%, 99.95%… `None` when nothing is expected to go wrong
    /// (any target holds), or everything is (no target does).
    ///
    /// ```
    /// use nines_core::quantity::Availability;
    /// // Expected 0.0725% unavailable: the next budget up is 0.1%.
    /// assert_eq!(Availability::round_target_covering(0.000725).unwrap().to_string(), "99.9%");
    /// assert_eq!(Availability::round_target_covering(0.0005).unwrap().to_string(), "99.95%");
    /// assert_eq!(Availability::round_target_covering(0.00019999).unwrap().to_string(), "99.98%");
    /// assert_eq!(Availability::round_target_covering(0.0021).unwrap().to_string(), "99.5%");
    /// assert!(Availability::round_target_covering(0.0).is_none());
    /// ```
    pub fn round_target_covering(expected: f64) -> Option<Availability> {
        if !(expected > 0.0 && expected < 1.0) {
            return None;
        }
        // The series' steps within a nine of the expected figure, the
        // highest target whose budget (with a relative tolerance: 0.0005 is
        // a budget of 5/10000, not more) covers it.
        let n = -expected.log10();
        round_targets(n - 1.0, n)
            .into_iter()
            .filter(|a| a.unavailability() >= expected * (1.0 - 1e-12))
            .max_by(|a, b| a.nines().total_cmp(&b.nines()))
    }

    /// 100%: no downtime allowed.
    ///
    /// ```
    /// use nines_core::quantity::Availability;
    /// assert_eq!(Availability::HUNDRED.to_string(), "100%");
    /// ```
    pub const HUNDRED: Availability = Availability {
        repr: Repr::Exact(Ratio::ZERO),
    };

    /// 0%: always down.
    ///
    /// ```
    /// use nines_core::quantity::Availability;
    /// assert_eq!(Availability::ZERO.unavailability(), 1.0);
    /// ```
    pub const ZERO: Availability = Availability {
        repr: Repr::Exact(Ratio::ONE),
    };

    /// Parses an availability. Accepted forms (surrounding spaces ignored,
    /// words case-insensitive):
    ///
    /// * a percentage: `99.95`, `99.95%`, ` 99.95 % `, `100`, `0`; a bare
    ///   number strictly between 0 and 1 is refused as ambiguous (did the
    ///   user mean 0.999 = 99.9%?); write `0.5%` to mean half a percent;
    /// * nines: `3 nines`, `3.5 nines`, `1 nine` — `n` nines is
    ///   `U = 10^-n` (docs/DOMAIN.md §1.1), so whole nines are exact;
    /// * an **unavailability** ratio of whole numbers: `1/1000` is 1 bad
    ///   minute in 1000, i.e. 99.9%.
    ///
    /// ```
    /// use nines_core::quantity::Availability;
    /// let p = |s| Availability::parse(s).unwrap();
    /// assert_eq!(p(" 99.9 % "), p("3 nines"));
    /// assert_eq!(p("1/1000"), p("99.9"));
    /// assert!(Availability::parse("101").is_err());
    /// assert!(Availability::parse("0.999").is_err());
    /// ```
    pub fn parse(s: &str) -> Result<Availability, ParseError> {
        let err = |problem| ParseError::new(s, Expected::Availability, problem);
        let t = s.trim();
        if t.is_empty() {
            return Err(err(Problem::Empty));
        }
        let lower = t.to_ascii_lowercase();
        if let Some(n) = lower
            .strip_suffix("nines")
            .or_else(|| lower.strip_suffix("nine"))
        {
            return Self::parse_nines(n.trim()).map_err(err);
        }
        if let Some((a, b)) = lower.split_once('/') {
            let int = |x: &str| -> Result<u128, Problem> {
                let x = x.trim();
                if x.starts_with('-') {
                    Err(Problem::Negative)
                } else if !x.is_empty() && x.bytes().all(|c| c.is_ascii_digit()) {
                    x.parse().map_err(|_| Problem::TooManyDigits)
                } else {
                    Err(Problem::Unrecognised)
                }
            };
            let (num, den) = (int(a).map_err(err)?, int(b).map_err(err)?);
            let u = Ratio::new(num, den).ok_or_else(|| err(Problem::ZeroDenominator))?;
            if u > Ratio::ONE {
                return Err(err(Problem::RatioAboveOne));
            }
            return Ok(Availability {
                repr: Repr::Exact(u),
            });
        }
        let (number, has_percent) = match lower.strip_suffix('%') {
            Some(n) => (n.trim(), true),
            None => (lower.as_str(), false),
        };
        let percent = parse_number(number).map_err(err)?;
        let hundred = Ratio::from_integer(100);
        if percent > hundred {
            return Err(err(Problem::AboveHundred));
        }
        if !has_percent && !percent.is_zero() && percent < Ratio::ONE {
            return Err(err(Problem::AmbiguousFraction));
        }
        // U = (100 - p) / 100, exactly.
        let u = hundred
            .checked_sub(percent)
            .and_then(|d| d.checked_div(hundred))
            .ok_or_else(|| err(Problem::TooManyDigits))?;
        Ok(Availability {
            repr: Repr::Exact(u),
        })
    }

    fn parse_nines(n: &str) -> Result<Availability, Problem> {
        let nines = parse_number(n)?;
        if nines > Ratio::from_integer(MAX_NINES as u128) {
            return Err(Problem::TooLarge("300 nines"));
        }
        let as_f64 = nines.to_f64();
        Availability::from_nines(as_f64).map_err(|e| e.problem().clone())
    }

    /// The availability with unavailability `u` (a fraction in `[0, 1]`).
    /// The value is read as the shortest decimal that prints as `u`, so
    /// `from_unavailability(0.0005)` is exactly 99.95%.
    ///
    /// ```
    /// use nines_core::quantity::Availability;
    /// let a = Availability::from_unavailability(0.0005).unwrap();
    /// assert_eq!(a, Availability::parse("99.95").unwrap());
    /// assert!(Availability::from_unavailability(1.5).is_err());
    /// ```
    pub fn from_unavailability(u: f64) -> Result<Availability, ParseError> {
        let err = |p| ParseError::new(&format_seconds_like(u), Expected::Availability, p);
        if u.is_nan() || u.is_infinite() {
            return Err(err(Problem::NotANumber));
        }
        if u < 0.0 {
            return Err(err(Problem::Negative));
        }
        if u > 1.0 {
            return Err(err(Problem::RatioAboveOne));
        }
        match Ratio::from_f64(u) {
            Some(r) => Ok(Availability {
                repr: Repr::Exact(r),
            }),
            // Too small to keep as a u128 fraction: keep the nines instead.
            None => Availability::from_nines(-u.log10()),
        }
    }

    /// The availability with unavailability exactly `u`.
    ///
    /// ```
    /// use nines_core::quantity::{Availability, Ratio};
    /// let a = Availability::from_unavailability_ratio(Ratio::new(1, 180).unwrap()).unwrap();
    /// assert_eq!(a.format_percent(), "≈99.4444%");
    /// ```
    pub fn from_unavailability_ratio(u: Ratio) -> Result<Availability, ParseError> {
        if u > Ratio::ONE {
            return Err(ParseError::new(
                &u.to_string(),
                Expected::Availability,
                Problem::RatioAboveOne,
            ));
        }
        Ok(Availability {
            repr: Repr::Exact(u),
        })
    }

    /// The availability `p` percent, read as the shortest decimal that
    /// prints as `p` (so `from_percent(99.95)` is exact).
    ///
    /// ```
    /// use nines_core::quantity::Availability;
    /// assert_eq!(Availability::from_percent(99.95).unwrap().unavailability(), 0.0005);
    /// ```
    pub fn from_percent(p: f64) -> Result<Availability, ParseError> {
        let err = |pr| ParseError::new(&format_seconds_like(p), Expected::Availability, pr);
        if !p.is_finite() {
            return Err(err(Problem::NotANumber));
        }
        if p < 0.0 {
            return Err(err(Problem::Negative));
        }
        if p > 100.0 {
            return Err(err(Problem::AboveHundred));
        }
        let hundred = Ratio::from_integer(100);
        let exact = Ratio::from_f64(p)
            .and_then(|r| hundred.checked_sub(r))
            .and_then(|d| d.checked_div(hundred));
        match exact {
            Some(u) => Ok(Availability {
                repr: Repr::Exact(u),
            }),
            None => Availability::from_unavailability(1.0 - p / 100.0),
        }
    }

    /// The availability with `n` nines, `U = 10^-n` (docs/DOMAIN.md §1.1). Whole
    /// numbers of nines up to 38 are exact; `f64::INFINITY` is 100%.
    ///
    /// ```
    /// use nines_core::quantity::Availability;
    /// assert_eq!(Availability::from_nines(3.0).unwrap().to_string(), "99.9%");
    /// assert_eq!(Availability::from_nines(3.5).unwrap().format_percent(), "≈99.96838%");
    /// assert!(Availability::from_nines(-1.0).is_err());
    /// ```
    pub fn from_nines(n: f64) -> Result<Availability, ParseError> {
        // The messages' text is written only on an error (it was written
        // on every call, and this is called for each point of a curve).
        let err = |p| {
            let shown = format!("{} nines", format_seconds_like(n));
            ParseError::new(&shown, Expected::Availability, p)
        };
        if n.is_nan() {
            return Err(err(Problem::NotANumber));
        }
        if n < 0.0 {
            return Err(err(Problem::Negative));
        }
        if n == f64::INFINITY {
            return Ok(Availability::HUNDRED);
        }
        if n > 0.0 && n < 1e-17 {
            // 10^-n rounds to exactly 1.0 in f64 below this: it is 0%.
            return Ok(Availability::ZERO);
        }
        if n > MAX_NINES {
            return Err(err(Problem::TooLarge("300 nines")));
        }
        if n.fract() == 0.0 && n <= f64::from(MAX_POW10) {
            let u = pow10(n as u32)
                .and_then(|den| Ratio::new(1, den))
                .ok_or_else(|| err(Problem::TooManyDigits))?;
            return Ok(Availability {
                repr: Repr::Exact(u),
            });
        }
        Ok(Availability {
            repr: Repr::Nines(n),
        })
    }

    /// The unavailability `U = 1 - A` as a fraction in `[0, 1]`, correctly
    /// rounded from the exact value.
    ///
    /// ```
    /// use nines_core::quantity::Availability;
    /// assert_eq!(Availability::parse("99.999").unwrap().unavailability(), 0.00001);
    /// ```
    pub fn unavailability(&self) -> f64 {
        match self.repr {
            Repr::Exact(u) => u.to_f64(),
            Repr::Nines(n) => 10f64.powf(-n),
        }
    }

    /// The availability `A` as a fraction in `[0, 1]`.
    ///
    /// ```
    /// use nines_core::quantity::Availability;
    /// assert_eq!(Availability::parse("99.95").unwrap().availability_ratio(), 0.9995);
    /// ```
    pub fn availability_ratio(&self) -> f64 {
        match self.repr {
            Repr::Exact(u) => Ratio::ONE.checked_sub(u).map_or(f64::NAN, Ratio::to_f64),
            Repr::Nines(n) => 1.0 - 10f64.powf(-n),
        }
    }

    /// The availability in percent.
    ///
    /// ```
    /// use nines_core::quantity::Availability;
    /// assert_eq!(Availability::parse("99.95").unwrap().percent(), 99.95);
    /// ```
    pub fn percent(&self) -> f64 {
        match self.repr {
            Repr::Exact(_) => match self.percent_ratio() {
                Some(p) => p.to_f64(),
                None => 100.0 * self.availability_ratio(),
            },
            Repr::Nines(n) => 100.0 - 100.0 * 10f64.powf(-n),
        }
    }

    /// [`Availability::nines`] when finite; `None` for 100% (a JSON number
    /// cannot be infinite).
    ///
    /// ```
    /// use nines_core::quantity::Availability;
    /// assert_eq!(Availability::parse("99.9").unwrap().finite_nines(), Some(3.0));
    /// assert_eq!(Availability::parse("100").unwrap().finite_nines(), None);
    /// ```
    pub fn finite_nines(&self) -> Option<f64> {
        Some(self.nines()).filter(|n| n.is_finite())
    }

    /// The number of nines, `-log10(U)`: infinite for 100%, so render it with
    /// [`Availability::format_nines`], never directly.
    ///
    /// ```
    /// use nines_core::quantity::Availability;
    /// assert_eq!(Availability::parse("99.99").unwrap().nines(), 4.0);
    /// assert!(Availability::parse("100").unwrap().nines().is_infinite());
    /// ```
    pub fn nines(&self) -> f64 {
        match self.repr {
            Repr::Nines(n) => n,
            Repr::Exact(u) => {
                if u.numer() == 0 {
                    return f64::INFINITY;
                }
                // -log10(num/den) = log10(den) - log10(num): each logarithm is
                // accurate even when the fraction itself is tiny.
                let log10 = |x: u128| -> f64 {
                    let mut p = 0u32;
                    let mut y = x;
                    while y % 10 == 0 && y > 0 {
                        y /= 10;
                        p += 1;
                    }
                    f64::from(p) + (y as f64).log10()
                };
                log10(u.denom()) - log10(u.numer())
            }
        }
    }

    /// Whether the unavailability is held exactly (decimal and ratio inputs)
    /// rather than as fractional nines.
    ///
    /// ```
    /// use nines_core::quantity::Availability;
    /// assert!(Availability::parse("99.95").unwrap().is_exact());
    /// assert!(!Availability::parse("3.5 nines").unwrap().is_exact());
    /// ```
    pub fn is_exact(&self) -> bool {
        matches!(self.repr, Repr::Exact(_))
    }

    /// The exact unavailability, when it is held exactly.
    ///
    /// ```
    /// use nines_core::quantity::{Availability, Ratio};
    /// let u = Availability::parse("99.95").unwrap().unavailability_exact();
    /// assert_eq!(u, Ratio::new(1, 2000));
    /// ```
    pub fn unavailability_exact(&self) -> Option<Ratio> {
        match self.repr {
            Repr::Exact(u) => Some(u),
            Repr::Nines(_) => None,
        }
    }

    /// The exact unavailability as `(mantissa, scale)`, meaning
    /// `mantissa / 10^scale`, when it is a terminating decimal.
    ///
    /// ```
    /// use nines_core::quantity::Availability;
    /// assert_eq!(Availability::parse("99.9999999").unwrap().unavailability_decimal(), Some((1, 9)));
    /// ```
    pub fn unavailability_decimal(&self) -> Option<(u128, u32)> {
        self.unavailability_exact()?.to_decimal()
    }

    /// The availability in percent as an exact fraction, if it fits.
    fn percent_ratio(&self) -> Option<Ratio> {
        let u = self.unavailability_exact()?;
        Ratio::ONE
            .checked_sub(u)?
            .checked_mul(Ratio::from_integer(100))
    }

    /// The percentage for display: the exact shortest decimal when there is
    /// one (`"99.95%"`), otherwise prefixed with `≈` and rounded so that the
    /// unavailability keeps four significant digits (`"≈99.96838%"` for 3.5
    /// nines, matching docs/DOMAIN.md §1.1; `"≈99.4444%"` for 1/180).
    ///
    /// ```
    /// use nines_core::quantity::Availability;
    /// assert_eq!(Availability::parse("99.95").unwrap().format_percent(), "99.95%");
    /// assert_eq!(Availability::parse("1/3").unwrap().format_percent(), "≈66.67%");
    /// ```
    pub fn format_percent(&self) -> String {
        if let Some(mut s) = self.percent_ratio().and_then(|p| p.to_decimal_string()) {
            s.push('%');
            return s;
        }
        self.format_percent_rounded()
    }

    /// [`Availability::format_percent`] when the percentage is not a short
    /// exact decimal: `≈`, rounded.
    fn format_percent_rounded(&self) -> String {
        let u_percent = 100.0 * self.unavailability();
        if u_percent <= 0.0 || !u_percent.is_finite() {
            return "≈100%".into();
        }
        // Decimals so that U keeps four significant digits.
        let first = (-u_percent.log10()).floor() as i64 + 1;
        let decimals = (first + 3).clamp(1, 36) as u32;
        let Some(scale) = pow10(decimals) else {
            return "≈100%".into();
        };
        let u_units = (u_percent * scale as f64).round() as u128;
        let Some(a_units) = (100 * scale).checked_sub(u_units) else {
            return "≈0%".into();
        };
        format!("≈{}%", decimal_string(a_units, decimals))
    }

    /// [`Availability::format_percent`] and the canonical `Display` form
    /// together: when the percentage is an exact decimal both are `{p}%`,
    /// computed once.
    pub(crate) fn percent_and_canonical(&self) -> (String, String) {
        if let Some(mut s) = self.percent_ratio().and_then(|p| p.to_decimal_string()) {
            s.push('%');
            return (s.clone(), s);
        }
        let canonical = match self.repr {
            // What `Display` writes when the percentage is no exact decimal.
            Repr::Exact(u) => {
                let mut s = String::with_capacity(40);
                crate::digits::push_decimal(&mut s, u.numer(), 0, false);
                s.push('/');
                crate::digits::push_decimal(&mut s, u.denom(), 0, false);
                s
            }
            Repr::Nines(_) => self.to_string(),
        };
        (self.format_percent_rounded(), canonical)
    }

    /// The unavailability in percent for display, e.g. `"0.05%"` (the error
    /// budget as a fraction of the window).
    ///
    /// ```
    /// use nines_core::quantity::Availability;
    /// assert_eq!(Availability::parse("99.95").unwrap().format_unavailability_percent(), "0.05%");
    /// ```
    pub fn format_unavailability_percent(&self) -> String {
        let exact = self
            .unavailability_exact()
            .and_then(|u| u.checked_mul(Ratio::from_integer(100)))
            .and_then(|p| p.to_decimal_string());
        match exact {
            Some(mut s) => {
                s.push('%');
                s
            }
            None => {
                let p = 100.0 * self.unavailability();
                format!("≈{}%", format_significant(p, 4))
            }
        }
    }

    /// The number of nines for display, by [`format_nines_count`]'s rule
    /// (`"3.3 nines"`, `"4 nines"`, `"1 nine"`, `"2.9996 nines"` for
    /// 99.8999%, never `"3 nines"`), and `"100% (no downtime allowed)"`
    /// instead of infinitely many nines.
    ///
    /// ```
    /// use nines_core::quantity::Availability;
    /// let p = |s| Availability::parse(s).unwrap().format_nines();
    /// assert_eq!(p("99.95"), "3.3 nines");
    /// assert_eq!(p("90"), "1 nine");
    /// assert_eq!(p("99.8999"), "2.9996 nines");
    /// assert_eq!(p("100"), "100% (no downtime allowed)");
    /// ```
    pub fn format_nines(&self) -> String {
        let n = self.nines();
        if n.is_infinite() {
            return "100% (no downtime allowed)".into();
        }
        let mut s = format_nines_count(n);
        let unit = if s == "1" { " nine" } else { " nines" };
        s.push_str(unit);
        s
    }
}

/// A count of nines for display, by one rule: two decimals, trailing zeros
/// trimmed (`3.3`, `4`); but a count that is not a whole number never shows
/// as one (a whole number of nines is a claim: "3 nines" is 99.9%). When
/// two decimals would round it onto a whole number, as many more decimals
/// as it takes to show that it is not (99.8999% is 2.99957 nines: `2.9996`,
/// not `3`), up to 6; if it still reads whole, it is marked `≈`. Counts
/// within 10^-9 of a whole number are that number (exact powers of ten).
///
/// ```
/// use nines_core::quantity::format_nines_count;
/// assert_eq!(format_nines_count(3.0), "3");
/// assert_eq!(format_nines_count(2000f64.log10()), "3.3");
/// assert_eq!(format_nines_count(-(0.001001f64.log10())), "2.9996");
/// assert_eq!(format_nines_count(1.004), "1.004");
/// assert_eq!(format_nines_count(3.0000001), "≈3");
/// ```
pub fn format_nines_count(n: f64) -> String {
    let whole = (n - n.round()).abs() < 1e-9;
    let mut s = String::with_capacity(16);
    for decimals in 2..=6 {
        s.clear();
        crate::digits::push_fixed(&mut s, n, decimals);
        let len = s.trim_end_matches('0').trim_end_matches('.').len();
        s.truncate(len);
        if whole || s.contains('.') {
            return s;
        }
    }
    s.insert(0, '≈');
    s
}

/// `x` in Rust's shortest round-trip form, for messages.
fn format_seconds_like(x: f64) -> String {
    format!("{x}")
}

/// `x` rounded to `sig` significant digits, trimmed.
fn format_significant(x: f64, sig: i32) -> String {
    if x == 0.0 || !x.is_finite() {
        return format!("{x}");
    }
    let decimals = (sig - 1 - x.abs().log10().floor() as i32).clamp(0, 40) as usize;
    let s = format!("{x:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// A non-negative decimal number, exactly; distinguishes the problems.
fn parse_number(s: &str) -> Result<Ratio, Problem> {
    let s = s.trim();
    if s.is_empty() {
        return Err(Problem::Unrecognised);
    }
    if let Some(rest) = s.strip_prefix('-') {
        return if Ratio::parse_decimal(rest.trim()).is_ok() {
            Err(Problem::Negative)
        } else {
            Err(Problem::Unrecognised)
        };
    }
    let lower = s.trim_start_matches('+').to_ascii_lowercase();
    if matches!(lower.as_str(), "nan" | "inf" | "infinity") {
        return Err(Problem::NotANumber);
    }
    Ratio::parse_decimal(&lower).map_err(|e| match e {
        DecimalError::Invalid => Problem::Unrecognised,
        DecimalError::TooManyDigits => Problem::TooManyDigits,
    })
}

impl FromStr for Availability {
    type Err = ParseError;

    /// Same as [`Availability::parse`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Availability::parse(s)
    }
}

impl fmt::Display for Availability {
    /// The canonical string, which [`Availability::parse`] reads back to the
    /// same value: the exact percentage when `U` is a terminating decimal
    /// (`99.95%`), the unavailability ratio otherwise (`1/180`), and
    /// `3.5 nines` for fractional nines. For display to people prefer
    /// [`Availability::format_percent`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.repr {
            Repr::Nines(n) => write!(f, "{n} nines"),
            Repr::Exact(u) => match self.percent_ratio().and_then(|p| p.to_decimal_string()) {
                Some(p) => write!(f, "{p}%"),
                None => write!(f, "{}/{}", u.numer(), u.denom()),
            },
        }
    }
}

impl PartialOrd for Availability {
    /// Higher availability is greater.
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        match (self.repr, other.repr) {
            (Repr::Exact(a), Repr::Exact(b)) => Some(b.cmp(&a)),
            _ => other.unavailability().partial_cmp(&self.unavailability()),
        }
    }
}

impl Serialize for Availability {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Availability {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Availability;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an availability such as \"99.95%\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Availability, E> {
                Availability::parse(v).map_err(E::custom)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Availability, E> {
                Availability::from_percent(v).map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Availability, E> {
                Availability::parse(&v.to_string()).map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Availability, E> {
                Availability::parse(&v.to_string()).map_err(E::custom)
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// Parses a fraction of a whole: `25%`, `25 %`, `0.25`, `1`, decimal-exact.
/// A number above 1 without `%` is refused rather than guessed at.
///
/// ```
/// use nines_core::quantity::parse_fraction;
/// assert_eq!(parse_fraction("25%").unwrap(), 0.25);
/// assert_eq!(parse_fraction("0.1").unwrap(), 0.1);
/// assert!(parse_fraction("25").unwrap_err().to_string().contains("25%"));
/// assert!(parse_fraction("120%").is_err());
/// ```
pub fn parse_fraction(s: &str) -> Result<f64, ParseError> {
    let err = |p: Problem| ParseError::new(s, Expected::Fraction, p);
    let t = s.trim();
    if t.is_empty() {
        return Err(err(Problem::Empty));
    }
    let (number, percent) = match t.strip_suffix('%') {
        Some(n) => (n.trim_end(), true),
        None => (t, false),
    };
    if number.starts_with('-') {
        return Err(err(Problem::Negative));
    }
    let r = Ratio::parse_decimal(number).map_err(|e| match e {
        DecimalError::TooManyDigits => err(Problem::TooManyDigits),
        DecimalError::Invalid => err(Problem::Unrecognised),
    })?;
    let r = if percent {
        r.checked_div(Ratio::from_integer(100))
            .ok_or_else(|| err(Problem::Unrecognised))?
    } else {
        r
    };
    if r > Ratio::ONE {
        return Err(err(Problem::Invalid(if percent {
            "it is above 100%"
        } else {
            "it is above 1: write 25% for a quarter"
        })));
    }
    Ok(r.to_f64())
}

/// The round targets a chart or the slider picks from: each decade of
/// unavailability in the 1-2-5 series (10%, 5%, 2%, 1%, 0.5%, 0.2%,
/// 0.1%, …, i.e. 90%, 95%, 98%, 99%, 99.5%, 99.8%, 99.9%, 99.95%…).
///
/// Why this series: it is the one people write targets in (every step an
/// exact, short percentage, written into the field and the link as it is),
/// its steps are nearly even on the nines axis (log10 2 ≈ 0.30, log10 2.5 ≈
/// 0.40 of a nine), so a slider moves steadily, and it is the series the
/// "most you can promise" figures are rounded to
/// ([`Availability::round_target_covering`]). From `from` to `to` nines,
/// both included, highest unavailability first.
///
/// ```
/// use nines_core::quantity::round_targets;
/// let t: Vec<String> = round_targets(1.0, 3.0).iter().map(|a| a.to_string()).collect();
/// assert_eq!(t, ["90%", "95%", "98%", "99%", "99.5%", "99.8%", "99.9%"]);
/// ```
pub fn round_targets(from: f64, to: f64) -> Vec<Availability> {
    let mut out = Vec::new();
    if !(from.is_finite() && to.is_finite()) {
        return out;
    }
    let (lo, hi) = (from.min(to).max(0.0), from.max(to).min(30.0));
    let first = lo.floor() as u32;
    let last = hi.ceil() as u32;
    for d in first..=last {
        let Some(scale) = 10u128.checked_pow(d + 1) else {
            break;
        };
        for m in [10u128, 5, 2] {
            let Some(u) = Ratio::new(m, scale) else {
                continue;
            };
            let Ok(a) = Availability::from_unavailability_ratio(u) else {
                continue;
            };
            let n = a.nines();
            if n >= lo - 1e-9 && n <= hi + 1e-9 && u < Ratio::ONE {
                out.push(a);
            }
        }
    }
    out
}

/// The round target ([`round_targets`]) nearest to `nines` on the nines
/// axis, within `from..=to`: what a click or drag on a chart at `nines`
/// sets. `None` when there is none (not a number, or an empty range).
///
/// ```
/// use nines_core::quantity::nearest_round_target;
/// let at = |n| nearest_round_target(n, 1.0, 6.0).unwrap().to_string();
/// assert_eq!(at(2.505149978319906), "99.8%");
/// assert_eq!(at(3.1), "99.9%");
/// assert_eq!(at(3.2), "99.95%");
/// assert_eq!(at(0.2), "90%");
/// ```
pub fn nearest_round_target(nines: f64, from: f64, to: f64) -> Option<Availability> {
    if nines.is_nan() {
        return None;
    }
    round_targets(from, to).into_iter().min_by(|a, b| {
        (a.nines() - nines)
            .abs()
            .total_cmp(&(b.nines() - nines).abs())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Availability {
        Availability::parse(s).unwrap()
    }

    #[test]
    fn decimal_input_is_exact() {
        let a = p("99.95");
        assert_eq!(a.unavailability(), 0.0005_f64);
        assert_eq!(a.unavailability_decimal(), Some((5, 4)));
        assert_eq!(a.unavailability_exact(), Ratio::new(1, 2000));
        assert_eq!(p("99.9999999").unavailability_decimal(), Some((1, 9)));
        assert_eq!(p("99.9999999").nines(), 9.0);
    }

    #[test]
    fn accepted_forms() {
        for s in ["99.95", "99.95%", " 99.95 % ", "99,95", "+99.95"] {
            assert_eq!(p(s), p("99.95"), "{s}");
        }
        assert_eq!(p("3 nines"), p("99.9"));
        assert_eq!(p("3 NINES"), p("99.9"));
        assert_eq!(p("3nines"), p("99.9"));
        assert_eq!(p("1 nine"), p("90"));
        assert_eq!(p("1/1000"), p("99.9"));
        assert_eq!(p("0/7"), p("100"));
        assert_eq!(p("100"), Availability::HUNDRED);
        assert_eq!(p("0"), Availability::ZERO);
        assert_eq!(p("0.5%").to_string(), "0.5%");
        assert_eq!(p("0 nines"), Availability::ZERO);
    }

    #[test]
    fn rejected_forms_name_the_problem() {
        let e = |s: &str| Availability::parse(s).unwrap_err();
        assert_eq!(e("").problem(), &Problem::Empty);
        assert_eq!(
            e("  ").to_string().split(':').next().unwrap(),
            "an empty value is not an availability"
        );
        assert_eq!(e("100.01").problem(), &Problem::AboveHundred);
        assert_eq!(e("-1").problem(), &Problem::Negative);
        assert_eq!(e("NaN").problem(), &Problem::NotANumber);
        assert_eq!(e("inf%").problem(), &Problem::NotANumber);
        assert_eq!(e("99.9x").problem(), &Problem::Unrecognised);
        assert_eq!(e("1/0").problem(), &Problem::ZeroDenominator);
        assert_eq!(e("2/1").problem(), &Problem::RatioAboveOne);
        assert_eq!(e("0.999").problem(), &Problem::AmbiguousFraction);
        assert_eq!(e("-3 nines").problem(), &Problem::Negative);
        assert_eq!(e("1e3").problem(), &Problem::Unrecognised);
        assert_eq!(e("99.99.9").problem(), &Problem::Unrecognised);
        assert_eq!(e("301 nines").problem(), &Problem::TooLarge("300 nines"));
        let forty = format!("99.{}", "9".repeat(40));
        assert_eq!(e(&forty).problem(), &Problem::TooManyDigits);
        let huge = "9".repeat(50);
        assert_eq!(e(&format!("1/{huge}")).problem(), &Problem::TooManyDigits);
        // One line, whatever the input.
        assert!(!e("9\n9").to_string().contains('\n'));
    }

    #[test]
    fn long_zero_padding_is_fine() {
        let padded = format!("0099.95{}", "0".repeat(60));
        assert_eq!(p(&padded), p("99.95"));
    }

    #[test]
    fn thirty_six_decimals_stay_exact() {
        let s = format!("99.{}", "9".repeat(36));
        let a = p(&s);
        assert_eq!(a.unavailability_decimal(), Some((1, 38)));
        assert_eq!(a.to_string(), format!("{s}%"));
        assert_eq!(a.nines(), 38.0);
    }

    #[test]
    fn display_is_canonical() {
        assert_eq!(p("99.950").to_string(), "99.95%");
        assert_eq!(p("100.0").to_string(), "100%");
        assert_eq!(p("1/180").to_string(), "1/180");
        assert_eq!(p("3.5 nines").to_string(), "3.5 nines");
        for s in ["99.95%", "1/180", "3.5 nines", "0%", "100%", "12.5%"] {
            assert_eq!(p(s).to_string(), s);
        }
    }

    #[test]
    fn nines_formatting() {
        assert_eq!(p("99.95").format_nines(), "3.3 nines");
        assert_eq!(p("99.9").format_nines(), "3 nines");
        assert_eq!(p("3.5 nines").format_nines(), "3.5 nines");
        assert_eq!(p("0").format_nines(), "0 nines");
        assert_eq!(p("99.999").nines(), 5.0);
        assert_eq!(p("100").format_nines(), "100% (no downtime allowed)");
        assert!(!p("100").format_nines().contains("inf"));
    }

    #[test]
    fn percent_formatting() {
        assert_eq!(p("3.5 nines").format_percent(), "≈99.96838%");
        assert_eq!(p("1/180").format_percent(), "≈99.4444%");
        assert_eq!(p("99.95").format_unavailability_percent(), "0.05%");
        assert_eq!(p("1/3").format_unavailability_percent(), "≈33.33%");
        assert_eq!(p("50 nines").format_percent(), "≈100%");
        assert_eq!(p("99.95").percent(), 99.95);
    }

    #[test]
    fn constructors() {
        assert_eq!(Availability::from_unavailability(0.001).unwrap(), p("99.9"));
        assert_eq!(
            Availability::from_unavailability(0.0).unwrap(),
            Availability::HUNDRED
        );
        assert!(Availability::from_unavailability(f64::NAN).is_err());
        assert!(Availability::from_unavailability(-0.1).is_err());
        let tiny = Availability::from_unavailability(1e-60).unwrap();
        assert!((tiny.nines() - 60.0).abs() < 1e-9);
        assert_eq!(
            Availability::from_nines(f64::INFINITY).unwrap(),
            Availability::HUNDRED
        );
        assert!(Availability::from_nines(f64::NAN).is_err());
        assert_eq!(Availability::from_percent(99.95).unwrap(), p("99.95"));
        assert!(Availability::from_percent(100.5).is_err());
    }

    #[test]
    fn ordering() {
        assert!(p("99.99") > p("99.9"));
        assert!(p("3.5 nines") > p("99.95"));
        assert!(p("3.5 nines") < p("99.99"));
    }

    #[test]
    fn serde_uses_the_canonical_string() {
        let a = p("99.95");
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"99.95%\"");
        let back: Availability = serde_json::from_str("\"99.95%\"").unwrap();
        assert_eq!(back, a);
        let number: Availability = serde_json::from_str("99.95").unwrap();
        assert_eq!(number, a);
        let hundred: Availability = serde_json::from_str("100").unwrap();
        assert_eq!(hundred, Availability::HUNDRED);
        assert!(serde_json::from_str::<Availability>("\"101\"").is_err());
    }
}
