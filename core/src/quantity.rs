//! Availability, unavailability and nines, kept exact.
//!
//! The primary quantity is the **unavailability** `U = 1 - A` (DOMAIN.md §1:
//! "keep `U` (or `n`) as the primary quantity so nine nines stays exact").
//! A decimal input such as `99.95` is parsed with integer arithmetic into the
//! exact fraction `U = 5/10000`, never computed as `1 - 0.9995` in floating
//! point (which is how a well-known calculator ends up printing
//! `86.39999999999418 s`). Only fractional nines (`3.5 nines`, where
//! `U = 10^-3.5` is irrational) are kept as a floating-point number of nines.
//!
//! This module also holds [`Ratio`], the exact fraction used by every other
//! module, and [`ParseError`], the one error type of every parser in the crate.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

// ---------------------------------------------------------------------------
// Ratio
// ---------------------------------------------------------------------------

/// The largest power of ten that fits in a `u128` is `10^38`.
const MAX_POW10: u32 = 38;

/// An exact, non-negative fraction `numer / denom`, always in lowest terms.
///
/// All arithmetic is checked: an operation whose result would not fit in
/// `u128` returns `None` instead of overflowing, so callers can fall back to
/// floating point or reject the input.
///
/// ```
/// use nines_core::quantity::Ratio;
/// let u = Ratio::new(5, 10_000).unwrap();
/// assert_eq!((u.numer(), u.denom()), (1, 2000));
/// let day = Ratio::from_integer(86_400);
/// let d = u.checked_mul(day).unwrap();
/// assert_eq!(d.to_f64(), 43.2); // not 43.199999999999996
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Ratio {
    num: u128,
    den: u128,
}

/// The greatest common divisor (`gcd(0, 0) = 0`), by Euclid's algorithm,
/// in 64 bits when both fit.
fn gcd(a: u128, b: u128) -> u128 {
    if let (Ok(a), Ok(b)) = (u64::try_from(a), u64::try_from(b)) {
        return u128::from(gcd_u64(a, b));
    }
    let (mut a, mut b) = (a, b);
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

#[cfg(test)]
mod gcd_tests {
    use super::gcd;

    fn euclid(mut a: u128, mut b: u128) -> u128 {
        while b != 0 {
            (a, b) = (b, a % b);
        }
        a
    }

    #[test]
    fn gcd_is_euclids() {
        let mut state = 0x853C_49E6_748F_EA9Bu128 | 1;
        let mut next = || {
            state = state.wrapping_mul(0x2360_ED05_1FC6_5DA4_4385_DF64_9FCC_F645) ^ (state >> 61);
            state
        };
        let edges = [
            0,
            1,
            2,
            3,
            5,
            u128::from(u64::MAX),
            1 << 64,
            u128::MAX,
            u128::MAX - 1,
        ];
        for a in edges {
            for b in edges {
                assert_eq!(gcd(a, b), euclid(a, b), "{a} {b}");
            }
        }
        for i in 0..20_000u32 {
            let common = next() >> (64 + i % 64);
            let (a, b) = (next() >> (i % 128), next() >> (i / 7 % 128));
            for (x, y) in [(a, b), (a.wrapping_mul(common), b.wrapping_mul(common))] {
                assert_eq!(gcd(x, y), euclid(x, y), "{x} {y}");
            }
        }
    }
}

/// [`gcd`] in 64 bits.
fn gcd_u64(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

fn pow10(exp: u32) -> Option<u128> {
    10u128.checked_pow(exp)
}

impl Ratio {
    /// Zero.
    ///
    /// ```
    /// use nines_core::quantity::Ratio;
    /// assert_eq!(Ratio::ZERO.to_f64(), 0.0);
    /// ```
    pub const ZERO: Ratio = Ratio { num: 0, den: 1 };

    /// One.
    ///
    /// ```
    /// use nines_core::quantity::Ratio;
    /// assert_eq!(Ratio::ONE.to_f64(), 1.0);
    /// ```
    pub const ONE: Ratio = Ratio { num: 1, den: 1 };

    /// `numer / denom` in lowest terms; `None` when `denom` is zero.
    ///
    /// ```
    /// use nines_core::quantity::Ratio;
    /// assert_eq!(Ratio::new(2, 4), Ratio::new(1, 2));
    /// assert_eq!(Ratio::new(1, 0), None);
    /// ```
    pub fn new(numer: u128, denom: u128) -> Option<Ratio> {
        if denom == 0 {
            return None;
        }
        let g = gcd(numer, denom);
        if g == 0 {
            return Some(Ratio::ZERO);
        }
        Some(Ratio {
            num: numer / g,
            den: denom / g,
        })
    }

    /// The whole number `n`.
    ///
    /// ```
    /// use nines_core::quantity::Ratio;
    /// assert_eq!(Ratio::from_integer(7).denom(), 1);
    /// ```
    pub const fn from_integer(n: u128) -> Ratio {
        Ratio { num: n, den: 1 }
    }

    /// The numerator (lowest terms).
    ///
    /// ```
    /// use nines_core::quantity::Ratio;
    /// assert_eq!(Ratio::new(6, 4).unwrap().numer(), 3);
    /// ```
    pub fn numer(&self) -> u128 {
        self.num
    }

    /// The denominator (lowest terms, never zero).
    ///
    /// ```
    /// use nines_core::quantity::Ratio;
    /// assert_eq!(Ratio::new(6, 4).unwrap().denom(), 2);
    /// ```
    pub fn denom(&self) -> u128 {
        self.den
    }

    /// Whether the fraction is zero.
    ///
    /// ```
    /// use nines_core::quantity::Ratio;
    /// assert!(Ratio::ZERO.is_zero());
    /// ```
    pub fn is_zero(&self) -> bool {
        self.num == 0
    }

    /// `self + other`, or `None` on overflow.
    ///
    /// ```
    /// use nines_core::quantity::Ratio;
    /// let third = Ratio::new(1, 3).unwrap();
    /// assert_eq!(third.checked_add(third), Ratio::new(2, 3));
    /// ```
    pub fn checked_add(self, other: Ratio) -> Option<Ratio> {
        let g = gcd(self.den, other.den);
        let den = (self.den / g).checked_mul(other.den)?;
        let a = self.num.checked_mul(other.den / g)?;
        let b = other.num.checked_mul(self.den / g)?;
        Ratio::new(a.checked_add(b)?, den)
    }

    /// `self - other`, or `None` on overflow or when the result would be
    /// negative.
    ///
    /// ```
    /// use nines_core::quantity::Ratio;
    /// assert_eq!(Ratio::ONE.checked_sub(Ratio::new(1, 4).unwrap()), Ratio::new(3, 4));
    /// assert_eq!(Ratio::ZERO.checked_sub(Ratio::ONE), None);
    /// ```
    pub fn checked_sub(self, other: Ratio) -> Option<Ratio> {
        let g = gcd(self.den, other.den);
        let den = (self.den / g).checked_mul(other.den)?;
        let a = self.num.checked_mul(other.den / g)?;
        let b = other.num.checked_mul(self.den / g)?;
        Ratio::new(a.checked_sub(b)?, den)
    }

    /// `self * other`, or `None` on overflow. Factors are cancelled before
    /// multiplying, so results that fit are always found.
    ///
    /// ```
    /// use nines_core::quantity::Ratio;
    /// let a = Ratio::new(1, 2000).unwrap();
    /// assert_eq!(a.checked_mul(Ratio::from_integer(2_629_746)), Ratio::new(1_314_873, 1000));
    /// ```
    pub fn checked_mul(self, other: Ratio) -> Option<Ratio> {
        let g1 = gcd(self.num, other.den).max(1);
        let g2 = gcd(other.num, self.den).max(1);
        let num = (self.num / g1).checked_mul(other.num / g2)?;
        let den = (self.den / g2).checked_mul(other.den / g1)?;
        Ratio::new(num, den)
    }

    /// `self / other`, or `None` on overflow or division by zero.
    ///
    /// ```
    /// use nines_core::quantity::Ratio;
    /// let four_hours = Ratio::from_integer(14_400);
    /// let month = Ratio::from_integer(2_592_000);
    /// assert_eq!(four_hours.checked_div(month), Ratio::new(1, 180));
    /// ```
    pub fn checked_div(self, other: Ratio) -> Option<Ratio> {
        if other.num == 0 {
            return None;
        }
        self.checked_mul(Ratio {
            num: other.den,
            den: other.num,
        })
    }

    /// The nearest `f64`.
    ///
    /// When numerator and denominator are both below 2^53 they are exact
    /// `f64`s and one IEEE 754 division gives the correctly rounded quotient.
    /// Larger fractions are expanded to 40 significant decimal digits (plus a
    /// sticky digit when the expansion is inexact) and handed to the standard
    /// library's correctly rounding decimal parser.
    ///
    /// ```
    /// use nines_core::quantity::Ratio;
    /// assert_eq!(Ratio::new(1, 2000).unwrap().to_f64(), 0.0005);
    /// ```
    pub fn to_f64(self) -> f64 {
        const EXACT: u128 = 1 << 53;
        if self.num < EXACT && self.den < EXACT {
            return self.num as f64 / self.den as f64;
        }
        let int = self.num / self.den;
        let mut rem = self.num % self.den;
        let mut s = int.to_string();
        let mut significant = if int == 0 { 0 } else { s.len() };
        s.push('.');
        let mut frac_digits = 0;
        while rem != 0 && significant < 40 && frac_digits < 400 {
            // rem < den <= u128::MAX, so rem * 10 may overflow: split it.
            let (digit, next) = times_ten_divmod(rem, self.den);
            rem = next;
            s.push(char::from(b'0' + digit));
            frac_digits += 1;
            if significant > 0 || digit != 0 {
                significant += 1;
            }
        }
        if rem != 0 {
            s.push('1'); // sticky digit: the true value is above the prefix
        }
        s.parse().unwrap_or(f64::NAN)
    }

    /// The exact value of the shortest decimal that rounds to `x` (the same
    /// digits `format!("{x}")` prints), so `from_f64(0.1)` is exactly 1/10.
    /// `None` for negative, non-finite, or values that do not fit.
    ///
    /// ```
    /// use nines_core::quantity::Ratio;
    /// assert_eq!(Ratio::from_f64(43.2), Ratio::new(216, 5));
    /// assert_eq!(Ratio::from_f64(-1.0), None);
    /// ```
    pub fn from_f64(x: f64) -> Option<Ratio> {
        if !x.is_finite() || x < 0.0 {
            return None;
        }
        if x == 0.0 {
            return Some(Ratio::ZERO);
        }
        // A whole number below 2^53 is its own shortest decimal: no other
        // decimal lies within half an ulp (at most 1/2) of it.
        if x < 9_007_199_254_740_992.0 && x.fract() == 0.0 {
            return Some(Ratio::from_integer(x as u128));
        }
        // `{:e}` is Rust's shortest round-trip representation in scientific
        // form, e.g. "4.32e1" or "5e-4" (at most 24 bytes).
        let mut buf = AsciiBuf::default();
        fmt::Write::write_fmt(&mut buf, format_args!("{x:e}")).ok()?;
        let s = buf.as_str();
        let (mantissa, exp) = s.split_once('e')?;
        let exp: i32 = exp.parse().ok()?;
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let mut digits: u128 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            if !b.is_ascii_digit() {
                return None;
            }
            digits = digits.checked_mul(10)?.checked_add(u128::from(b - b'0'))?;
        }
        let exp = exp - i32::try_from(frac.len()).ok()?;
        if exp >= 0 {
            let scale = pow10(u32::try_from(exp).ok()?)?;
            Some(Ratio::from_integer(digits.checked_mul(scale)?))
        } else {
            Ratio::new(digits, pow10(exp.unsigned_abs())?)
        }
    }

    /// Parses a plain non-negative decimal (`"99.95"`, `"0.5"`, `"7"`)
    /// exactly, with integer arithmetic.
    ///
    /// ```
    /// use nines_core::quantity::Ratio;
    /// assert_eq!(Ratio::parse_decimal("99.95").unwrap(), Ratio::new(1999, 20).unwrap());
    /// assert!(Ratio::parse_decimal("1e3").is_err());
    /// ```
    pub fn parse_decimal(s: &str) -> Result<Ratio, DecimalError> {
        let (int, frac) = match s.split_once(['.', ',']) {
            Some((i, f)) => (i, f),
            None => (s, ""),
        };
        if (int.is_empty() && frac.is_empty())
            || !int.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(DecimalError::Invalid);
        }
        let int = int.trim_start_matches('0');
        let frac = frac.trim_end_matches('0');
        let digits = format!("{int}{frac}");
        let digits = digits.trim_start_matches('0');
        if digits.len() > MAX_POW10 as usize || frac.len() > MAX_DECIMALS as usize {
            return Err(DecimalError::TooManyDigits);
        }
        let mantissa: u128 = if digits.is_empty() {
            0
        } else {
            digits.parse().map_err(|_| DecimalError::TooManyDigits)?
        };
        let scale = u32::try_from(frac.len()).map_err(|_| DecimalError::TooManyDigits)?;
        Ratio::new(mantissa, pow10(scale).ok_or(DecimalError::TooManyDigits)?)
            .ok_or(DecimalError::Invalid)
    }

    /// The exact decimal expansion as `(mantissa, scale)`, meaning
    /// `mantissa / 10^scale`, when the fraction terminates and fits; `None`
    /// for fractions such as 1/3.
    ///
    /// ```
    /// use nines_core::quantity::Ratio;
    /// assert_eq!(Ratio::new(1, 2000).unwrap().to_decimal(), Some((5, 4)));
    /// assert_eq!(Ratio::new(1, 3).unwrap().to_decimal(), None);
    /// ```
    pub fn to_decimal(&self) -> Option<(u128, u32)> {
        if self.den == 0 {
            return None;
        }
        let twos = self.den.trailing_zeros();
        let mut fives = 0u32;
        match u64::try_from(self.den >> twos) {
            // 64-bit divisions in the common case.
            Ok(mut d) => {
                while d % 5 == 0 {
                    d /= 5;
                    fives += 1;
                }
                if d != 1 {
                    return None;
                }
            }
            Err(_) => {
                let mut d = self.den >> twos;
                while d % 5 == 0 {
                    d /= 5;
                    fives += 1;
                }
                if d != 1 {
                    return None;
                }
            }
        }
        let scale = twos.max(fives);
        let factor = pow10(scale)? / self.den;
        Some((self.num.checked_mul(factor)?, scale))
    }

    /// The exact decimal string (`"43.2"`, `"0.0005"`), trimmed of trailing
    /// zeros, when the fraction terminates; `None` otherwise.
    ///
    /// ```
    /// use nines_core::quantity::Ratio;
    /// assert_eq!(Ratio::new(216, 5).unwrap().to_decimal_string().unwrap(), "43.2");
    /// ```
    pub fn to_decimal_string(&self) -> Option<String> {
        let (m, scale) = self.to_decimal()?;
        Some(decimal_string(m, scale))
    }
}

/// `(rem * 10) / den` and `(rem * 10) % den` for `rem < den`, without
/// overflowing `u128`.
fn times_ten_divmod(rem: u128, den: u128) -> (u8, u128) {
    let mut digit = 0u8;
    let mut acc = 0u128; // acc < den throughout
    for _ in 0..10 {
        // acc + rem, reduced mod den, counting wraps.
        if acc >= den - rem {
            acc -= den - rem;
            digit += 1;
        } else {
            acc += rem;
        }
    }
    (digit, acc)
}

/// `m / 10^scale` written out, trailing zeros trimmed.
fn decimal_string(m: u128, scale: u32) -> String {
    let mut out = String::new();
    crate::digits::push_decimal(&mut out, m, scale, false);
    out
}

/// A small stack buffer for formatting short ASCII text (a float in `{:e}`
/// form) without allocating.
struct AsciiBuf {
    bytes: [u8; 40],
    len: usize,
}

impl Default for AsciiBuf {
    fn default() -> Self {
        AsciiBuf {
            bytes: [0; 40],
            len: 0,
        }
    }
}

impl AsciiBuf {
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
    }
}

impl fmt::Write for AsciiBuf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        let dest = self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?;
        dest.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Compares `a/b` with `c/d` exactly, without multiplying (which could
/// overflow): compare integer parts, then the reciprocals of the remainders.
fn cmp_fraction(mut a: u128, mut b: u128, mut c: u128, mut d: u128) -> Ordering {
    let mut flipped = false;
    loop {
        let (q1, r1, q2, r2) = (a / b, a % b, c / d, c % d);
        let order = match (q1.cmp(&q2), r1 == 0, r2 == 0) {
            (Ordering::Equal, true, true) => Ordering::Equal,
            (Ordering::Equal, true, false) => Ordering::Less,
            (Ordering::Equal, false, true) => Ordering::Greater,
            (Ordering::Equal, false, false) => {
                // r1/b vs r2/d  is the reverse of  b/r1 vs d/r2.
                (a, b, c, d) = (b, r1, d, r2);
                flipped = !flipped;
                continue;
            }
            (o, _, _) => o,
        };
        return if flipped { order.reverse() } else { order };
    }
}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ratio {
    fn cmp(&self, other: &Self) -> Ordering {
        cmp_fraction(self.num, self.den, other.num, other.den)
    }
}

impl fmt::Display for Ratio {
    /// The exact decimal when it terminates, otherwise `numer/denom`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.to_decimal_string() {
            Some(s) => f.write_str(&s),
            None => write!(f, "{}/{}", self.num, self.den),
        }
    }
}

/// Why [`Ratio::parse_decimal`] refused its input.
///
/// ```
/// use nines_core::quantity::{DecimalError, Ratio};
/// assert_eq!(Ratio::parse_decimal("x"), Err(DecimalError::Invalid));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecimalError {
    /// Not digits with at most one decimal point.
    Invalid,
    /// More digits than fit exactly (at most 38 significant digits and
    /// [`MAX_DECIMALS`] decimal places).
    TooManyDigits,
}

impl fmt::Display for DecimalError {
    /// One line naming what is allowed.
    ///
    /// ```
    /// use nines_core::quantity::Ratio;
    /// let e = Ratio::parse_decimal("1e3").unwrap_err();
    /// assert_eq!(e.to_string(), "not a plain decimal number: use digits with at most one \
    ///     decimal point or comma, like 99.95");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecimalError::Invalid => f.write_str(
                "not a plain decimal number: use digits with at most one decimal point or \
                 comma, like 99.95",
            ),
            DecimalError::TooManyDigits => write!(
                f,
                "too many digits to keep exact: use at most {MAX_POW10} significant digits \
                 and {MAX_DECIMALS} decimal places"
            ),
        }
    }
}

impl std::error::Error for DecimalError {}

/// The most decimal places a percentage may have: `100 * 10^36` is the
/// largest denominator that still fits `u128` after the percent is turned
/// into an unavailability.
///
/// ```
/// assert_eq!(nines_core::quantity::MAX_DECIMALS, 36);
/// ```
pub const MAX_DECIMALS: u32 = 36;

// ---------------------------------------------------------------------------
// ParseError
// ---------------------------------------------------------------------------

/// What a parser was asked to read; names the value in error messages and
/// supplies the "what is allowed" part.
///
/// ```
/// use nines_core::quantity::Expected;
/// assert!(Expected::Duration.help().contains("4h 30m"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Expected {
    /// An availability target.
    Availability,
    /// A duration.
    Duration,
    /// A period or rolling window.
    Period,
    /// A window convention.
    Convention,
    /// A service-hours schedule.
    ServiceHours,
    /// A planned-maintenance setting.
    Maintenance,
    /// A count of events, e.g. requests (see `crate::amount`).
    Count,
    /// A rate: a count per period (see `crate::amount`).
    Rate,
    /// An amount of money (see `crate::amount`).
    Money,
    /// An alert policy preset (see `crate::alerts`).
    AlertPolicy,
    /// A fraction of a whole, e.g. a scope or a change failure rate.
    Fraction,
}

impl Expected {
    /// The value's name with its article, e.g. "an availability".
    ///
    /// ```
    /// use nines_core::quantity::Expected;
    /// assert_eq!(Expected::Period.noun(), "a period");
    /// ```
    pub fn noun(&self) -> &'static str {
        match self {
            Expected::Availability => "an availability",
            Expected::Duration => "a duration",
            Expected::Period => "a period",
            Expected::Convention => "a convention",
            Expected::ServiceHours => "a service-hours schedule",
            Expected::Maintenance => "a maintenance setting",
            Expected::Count => "a count",
            Expected::Rate => "a rate",
            Expected::Money => "an amount of money",
            Expected::AlertPolicy => "an alert policy",
            Expected::Fraction => "a fraction",
        }
    }

    /// What is allowed, phrased as advice.
    ///
    /// ```
    /// use nines_core::quantity::Expected;
    /// assert!(Expected::Convention.help().contains("sre-book"));
    /// ```
    pub fn help(&self) -> &'static str {
        match self {
            Expected::Availability => {
                "use a percentage like 99.95 or 99.95%, nines like 3.5 nines, \
                 or an unavailability ratio like 1/1000"
            }
            Expected::Duration => {
                "use amounts with units like 4h 30m, 43.2 min, 1.5 hours, 500ms, \
                 or ISO 8601 like PT4H30M (units: ns, µs, ms, s, m, h, d, w)"
            }
            Expected::Period => {
                "use hour, day, week, month, quarter, year, or a rolling window like 28d"
            }
            Expected::Convention => "use gregorian, sre-book or 365d",
            Expected::ServiceHours => {
                "use 24/7, or days and hours like Mon-Fri 08:00-20:00, Sat 10:00-14:00"
            }
            Expected::Maintenance => "use excluded or counted, and a non-negative duration",
            Expected::Fraction => {
                "use a percentage from 0% to 100% like 25%, or a decimal from 0 to 1 like 0.25"
            }
            Expected::Count => {
                "use a whole or decimal number like 1000, 1,000,000, 2.5k, 3M, 1.2B or 1e6 \
                 (suffixes k, M, B, T; commas only between groups of three digits)"
            }
            Expected::Rate => {
                "use a count per period like 1000 rps, 1000/s, 50 per minute, 3M per 28d, \
                 2 per week or 12 per year"
            }
            Expected::Money => {
                "use an amount with an optional currency like $20M, 20,000,000, €1.5k \
                 or 1.2M USD (suffixes k, M, B, T)"
            }
            Expected::AlertPolicy => "use workbook, sloth or pyrra",
        }
    }
}

/// What was wrong with an input.
///
/// ```
/// use nines_core::quantity::Problem;
/// assert_eq!(Problem::Negative.describe(), "it is negative");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// Nothing was given.
    Empty,
    /// The text does not match any accepted form.
    Unrecognised,
    /// A negative number where only non-negative ones make sense.
    Negative,
    /// NaN or infinity.
    NotANumber,
    /// An availability above 100%.
    AboveHundred,
    /// A bare number between 0 and 1, which is ambiguous between a ratio
    /// (0.999 = 99.9%) and a tiny percentage (0.999%).
    AmbiguousFraction,
    /// A ratio with a zero denominator.
    ZeroDenominator,
    /// An unavailability ratio above 1.
    RatioAboveOne,
    /// More digits than can be kept exact.
    TooManyDigits,
    /// A number too large to be meaningful (the limit is in the message).
    TooLarge(&'static str),
    /// A number without a unit.
    MissingUnit,
    /// A unit that is not known.
    UnknownUnit(String),
    /// A month or year unit inside a duration: their length depends on the
    /// convention.
    CalendarUnit(String),
    /// Any other specific rule, stated in words.
    Invalid(&'static str),
}

impl Problem {
    /// A short clause describing the problem (empty for
    /// [`Problem::Unrecognised`] and [`Problem::Empty`], where the help says it
    /// all).
    ///
    /// ```
    /// use nines_core::quantity::Problem;
    /// assert_eq!(Problem::UnknownUnit("parsecs".into()).describe(), "\"parsecs\" is not a unit");
    /// ```
    pub fn describe(&self) -> String {
        match self {
            Problem::Empty | Problem::Unrecognised => String::new(),
            Problem::Negative => "it is negative".into(),
            Problem::NotANumber => "it is not a finite number".into(),
            Problem::AboveHundred => "it is above 100%".into(),
            Problem::AmbiguousFraction => "a bare number below 1 is ambiguous \
                (write 99.9 for 99.9%, or add % if you really mean under 1%)"
                .into(),
            Problem::ZeroDenominator => "the ratio divides by zero".into(),
            Problem::RatioAboveOne => "an unavailability ratio cannot exceed 1".into(),
            Problem::TooManyDigits => {
                format!(
                    "it has more digits than can be kept exact (at most {MAX_DECIMALS} decimal places)"
                )
            }
            Problem::TooLarge(limit) => format!("it is too large (at most {limit})"),
            Problem::MissingUnit => "a number needs a unit".into(),
            Problem::UnknownUnit(u) => format!("{u:?} is not a unit"),
            Problem::CalendarUnit(u) => format!(
                "{u:?} has no fixed length (it depends on the convention); use days or weeks"
            ),
            Problem::Invalid(why) => (*why).into(),
        }
    }
}

/// A typed parse error whose `Display` is one line naming what was wrong
/// and what is allowed, e.g.
/// `"99.9x" is not an availability: use a percentage like 99.95 or 99.95%, …`.
///
/// ```
/// use nines_core::quantity::Availability;
/// let err = Availability::parse("99.9x").unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "\"99.9x\" is not an availability: use a percentage like 99.95 or 99.95%, \
///      nines like 3.5 nines, or an unavailability ratio like 1/1000"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    input: String,
    expected: Expected,
    problem: Problem,
}

impl ParseError {
    /// A new error about `input`.
    ///
    /// ```
    /// use nines_core::quantity::{Expected, ParseError, Problem};
    /// let e = ParseError::new("-3h", Expected::Duration, Problem::Negative);
    /// assert!(e.to_string().starts_with("\"-3h\" is not a duration: it is negative; use"));
    /// ```
    pub fn new(input: &str, expected: Expected, problem: Problem) -> ParseError {
        ParseError {
            input: input.to_string(),
            expected,
            problem,
        }
    }

    /// The text that was refused.
    ///
    /// ```
    /// use nines_core::quantity::Availability;
    /// assert_eq!(Availability::parse("abc").unwrap_err().input(), "abc");
    /// ```
    pub fn input(&self) -> &str {
        &self.input
    }

    /// What kind of value was expected.
    ///
    /// ```
    /// use nines_core::quantity::{Availability, Expected};
    /// assert_eq!(Availability::parse("abc").unwrap_err().expected(), Expected::Availability);
    /// ```
    pub fn expected(&self) -> Expected {
        self.expected
    }

    /// What was wrong.
    ///
    /// ```
    /// use nines_core::quantity::{Availability, Problem};
    /// assert_eq!(Availability::parse("101").unwrap_err().problem(), &Problem::AboveHundred);
    /// ```
    pub fn problem(&self) -> &Problem {
        &self.problem
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = self.input.trim();
        if shown.is_empty() {
            write!(f, "an empty value is not {}", self.expected.noun())?;
        } else {
            // Debug formatting quotes and escapes control characters, so the
            // message stays on one line whatever the input.
            let short: String = shown.chars().take(40).collect();
            let ellipsis = if shown.chars().count() > 40 {
                "…"
            } else {
                ""
            };
            write!(f, "{short:?}{ellipsis} is not {}", self.expected.noun())?;
        }
        let reason = self.problem.describe();
        if reason.is_empty() {
            write!(f, ": {}", self.expected.help())
        } else {
            write!(f, ": {reason}; {}", self.expected.help())
        }
    }
}

impl std::error::Error for ParseError {}

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
    ///   `U = 10^-n` (DOMAIN.md §1), so whole nines are exact;
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
        Availability::from_nines(as_f64).map_err(|e| e.problem)
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
        let shown = format_seconds_like(u);
        let err = |p| ParseError::new(&shown, Expected::Availability, p);
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
        let shown = format_seconds_like(p);
        let err = |pr| ParseError::new(&shown, Expected::Availability, pr);
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

    /// The availability with `n` nines, `U = 10^-n` (DOMAIN.md §1). Whole
    /// numbers of nines up to 38 are exact; `f64::INFINITY` is 100%.
    ///
    /// ```
    /// use nines_core::quantity::Availability;
    /// assert_eq!(Availability::from_nines(3.0).unwrap().to_string(), "99.9%");
    /// assert_eq!(Availability::from_nines(3.5).unwrap().format_percent(), "≈99.96838%");
    /// assert!(Availability::from_nines(-1.0).is_err());
    /// ```
    pub fn from_nines(n: f64) -> Result<Availability, ParseError> {
        let shown = format!("{} nines", format_seconds_like(n));
        let err = |p| ParseError::new(&shown, Expected::Availability, p);
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
            let den = pow10(n as u32).ok_or_else(|| err(Problem::TooManyDigits))?;
            return Ok(Availability {
                repr: Repr::Exact(Ratio { num: 1, den }),
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
                if u.num == 0 {
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
                log10(u.den) - log10(u.num)
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
    /// nines, matching DOMAIN.md §1; `"≈99.4444%"` for 1/180).
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
                crate::digits::push_decimal(&mut s, u.num, 0, false);
                s.push('/');
                crate::digits::push_decimal(&mut s, u.den, 0, false);
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

    /// The number of nines for display: at most two decimals, trailing zeros
    /// trimmed (`"3.3 nines"`, `"4 nines"`, `"1 nine"`), and
    /// `"100% (no downtime allowed)"` instead of infinitely many nines.
    ///
    /// ```
    /// use nines_core::quantity::Availability;
    /// let p = |s| Availability::parse(s).unwrap().format_nines();
    /// assert_eq!(p("99.95"), "3.3 nines");
    /// assert_eq!(p("90"), "1 nine");
    /// assert_eq!(p("100"), "100% (no downtime allowed)");
    /// ```
    pub fn format_nines(&self) -> String {
        let n = self.nines();
        if n.is_infinite() {
            return "100% (no downtime allowed)".into();
        }
        let mut s = String::with_capacity(16);
        crate::digits::push_fixed(&mut s, n, 2);
        let len = s.trim_end_matches('0').trim_end_matches('.').len();
        s.truncate(len);
        let unit = if s == "1" { " nine" } else { " nines" };
        s.push_str(unit);
        s
    }
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
                None => write!(f, "{}/{}", u.num, u.den),
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

    #[test]
    fn ratio_arithmetic() {
        let r = |a, b| Ratio::new(a, b).unwrap();
        assert_eq!(
            r(1, 2000)
                .checked_mul(Ratio::from_integer(86_400))
                .unwrap()
                .to_f64(),
            43.2
        );
        assert!(r(1, 3) < r(1, 2));
        assert_eq!(r(7, 3).cmp(&r(14, 6)), Ordering::Equal);
        assert_eq!(
            r(u128::MAX - 1, u128::MAX).cmp(&r(u128::MAX - 2, u128::MAX - 1)),
            Ordering::Greater
        );
        assert_eq!(Ratio::from_integer(u128::MAX).checked_add(Ratio::ONE), None);
        assert_eq!(
            Ratio::from_integer(u128::MAX).checked_mul(Ratio::from_integer(2)),
            None
        );
        assert_eq!(Ratio::ONE.checked_div(Ratio::ZERO), None);
        // Large fractions go through the decimal route and stay correct.
        let big = r(1, 10u128.pow(38));
        assert_eq!(big.to_f64(), 1e-38);
        let third = r(u128::MAX / 3, u128::MAX);
        assert_eq!(third.to_f64(), 1.0 / 3.0);
        assert_eq!(Ratio::from_f64(0.1), Some(r(1, 10)));
        assert_eq!(Ratio::from_f64(1e300), None);
        assert_eq!(r(1, 3).to_string(), "1/3");
        assert_eq!(r(5, 2).to_string(), "2.5");
    }
}
