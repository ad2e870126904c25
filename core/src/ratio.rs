//! [`Ratio`], the exact non-negative fraction every exact figure is kept
//! in (an unavailability, a downtime in seconds, a percentage), and
//! [`DecimalError`], why a plain decimal could not be read exactly.

use std::cmp::Ordering;
use std::fmt;

// ---------------------------------------------------------------------------
// Ratio
// ---------------------------------------------------------------------------

/// The largest power of ten that fits in a `u128` is `10^38`.
pub(crate) const MAX_POW10: u32 = 38;

/// An exact, non-negative fraction `numer / denom`, always in lowest terms.
///
/// All arithmetic is checked: an operation whose result would not fit in
/// `u128` returns `None` instead of overflowing, so callers can fall back to
/// floating point or reject the input.
///
/// ```
/// use nines_core::ratio::Ratio;
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

pub(crate) fn pow10(exp: u32) -> Option<u128> {
    10u128.checked_pow(exp)
}

impl Ratio {
    /// Zero.
    ///
    /// ```
    /// use nines_core::ratio::Ratio;
    /// assert_eq!(Ratio::ZERO.to_f64(), 0.0);
    /// ```
    pub const ZERO: Ratio = Ratio { num: 0, den: 1 };

    /// One.
    ///
    /// ```
    /// use nines_core::ratio::Ratio;
    /// assert_eq!(Ratio::ONE.to_f64(), 1.0);
    /// ```
    pub const ONE: Ratio = Ratio { num: 1, den: 1 };

    /// `numer / denom` in lowest terms; `None` when `denom` is zero.
    ///
    /// ```
    /// use nines_core::ratio::Ratio;
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
    /// use nines_core::ratio::Ratio;
    /// assert_eq!(Ratio::from_integer(7).denom(), 1);
    /// ```
    pub const fn from_integer(n: u128) -> Ratio {
        Ratio { num: n, den: 1 }
    }

    /// The numerator (lowest terms).
    ///
    /// ```
    /// use nines_core::ratio::Ratio;
    /// assert_eq!(Ratio::new(6, 4).unwrap().numer(), 3);
    /// ```
    pub fn numer(&self) -> u128 {
        self.num
    }

    /// The denominator (lowest terms, never zero).
    ///
    /// ```
    /// use nines_core::ratio::Ratio;
    /// assert_eq!(Ratio::new(6, 4).unwrap().denom(), 2);
    /// ```
    pub fn denom(&self) -> u128 {
        self.den
    }

    /// Whether the fraction is zero.
    ///
    /// ```
    /// use nines_core::ratio::Ratio;
    /// assert!(Ratio::ZERO.is_zero());
    /// ```
    pub fn is_zero(&self) -> bool {
        self.num == 0
    }

    /// `self + other`, or `None` on overflow.
    ///
    /// ```
    /// use nines_core::ratio::Ratio;
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
    /// use nines_core::ratio::Ratio;
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
    /// use nines_core::ratio::Ratio;
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
    /// use nines_core::ratio::Ratio;
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
    /// use nines_core::ratio::Ratio;
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
    /// use nines_core::ratio::Ratio;
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
    /// use nines_core::ratio::Ratio;
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
    /// use nines_core::ratio::Ratio;
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
    /// use nines_core::ratio::Ratio;
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
pub(crate) fn decimal_string(m: u128, scale: u32) -> String {
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
/// use nines_core::ratio::{DecimalError, Ratio};
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
    /// use nines_core::ratio::Ratio;
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
/// assert_eq!(nines_core::ratio::MAX_DECIMALS, 36);
/// ```
pub const MAX_DECIMALS: u32 = 36;

#[cfg(test)]
mod tests {
    use super::*;

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
