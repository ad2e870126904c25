//! Writing numbers: the ground floor of the crate. Fixed-point, decimal and
//! integer digit writers that format exactly without the float formatter,
//! and [`tidy`], which removes floating-point noise before a figure is
//! written. It imports nothing of the crate; every module that writes a
//! number stands on it, and [`crate::display`] builds the figures people
//! read from it.

/// Appends `format!("{x:.decimals$}")` to `out`, byte for byte, without the
/// formatting machinery: `|x| × 10^decimals` is computed exactly from the
/// float's bits and rounded half to even, as `core::fmt` rounds exact ties.
/// Values out of the integer range (or more than 20 decimals) take the
/// formatter itself.
///
/// ```
/// let mut out = String::new();
/// nines_core::digits::push_fixed(&mut out, 2.675, 2);
/// out.push(' ');
/// nines_core::digits::push_fixed(&mut out, -0.125, 2);
/// assert_eq!(out, format!("{:.2} {:.2}", 2.675, -0.125));
/// assert_eq!(out, "2.67 -0.12");
/// ```
pub fn push_fixed(out: &mut String, x: f64, decimals: u32) {
    match fixed_units(x, decimals) {
        Some((negative, units)) => {
            if negative {
                out.push('-');
            }
            let scale = POW10[decimals as usize];
            let (whole, frac) = match (u64::try_from(units), u64::try_from(scale)) {
                (Ok(u), Ok(s)) => (u128::from(u / s), u128::from(u % s)),
                _ => (units / scale, units % scale),
            };
            push_u128(out, whole);
            if decimals > 0 {
                out.push('.');
                let mut buf = [b'0'; 20];
                let digits = write_digits(&mut buf, frac);
                let width = decimals as usize;
                // Leading zeros of the fractional part.
                for _ in digits.len()..width {
                    out.push('0');
                }
                push_ascii(out, digits);
            }
        }
        None => {
            use std::fmt::Write;
            let _ = write!(out, "{x:.prec$}", prec = decimals as usize);
        }
    }
}

/// 10^0 to 10^20.
const POW10: [u128; 21] = {
    let mut table = [1u128; 21];
    let mut i = 1;
    while i < table.len() {
        table[i] = table[i - 1] * 10;
        i += 1;
    }
    table
};

/// The sign and `round_half_even(|x| × 10^decimals)` exactly, when `x` is
/// finite, `decimals <= 20` and the result fits in `u128`.
fn fixed_units(x: f64, decimals: u32) -> Option<(bool, u128)> {
    if !x.is_finite() || decimals > 20 {
        return None;
    }
    let bits = x.to_bits();
    let negative = bits >> 63 != 0;
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    // |x| = mantissa × 2^exponent exactly.
    let (mantissa, exponent) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), biased - 1075)
    };
    // mantissa < 2^53 and 10^20 < 2^67: the product fits in u128.
    let scaled = u128::from(mantissa) * POW10[decimals as usize];
    let units = if exponent >= 0 {
        let shift = exponent.unsigned_abs();
        if shift >= scaled.leading_zeros() {
            return None;
        }
        scaled << shift
    } else {
        let shift = exponent.unsigned_abs();
        if shift >= 128 {
            // scaled < 2^120, so the value is below 1/2^8: rounds to 0.
            0
        } else {
            let whole = scaled >> shift;
            let rest = scaled & ((1u128 << shift) - 1);
            let half = 1u128 << (shift - 1);
            if rest > half || (rest == half && whole & 1 == 1) {
                whole + 1
            } else {
                whole
            }
        }
    };
    Some((negative, units))
}

/// `format!("{x}")`: Rust's shortest round-trip form, with whole numbers
/// below 2^53 (their own shortest form) written without the float
/// formatter.
pub(crate) fn shortest(x: f64) -> String {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if x.fract() == 0.0 && x.abs() < EXACT && !(x == 0.0 && x.is_sign_negative()) {
        let mut s = String::with_capacity(20);
        if x < 0.0 {
            s.push('-');
        }
        push_u64(&mut s, x.abs() as u64);
        return s;
    }
    format!("{x}")
}

/// Appends `m / 10^scale` written out, trailing zeros of the fraction
/// trimmed (`43.2`, `0.0005`, `7`); with `grouped`, the integer part has
/// thousands separators (`2,600,000`).
pub(crate) fn push_decimal(out: &mut String, m: u128, scale: u32, grouped: bool) {
    let mut buf = [0u8; 40];
    let digits = write_digits(&mut buf, m);
    let scale = scale as usize;
    // The integer digits, the zeros after the point, the fraction's digits.
    let (int, zeros, frac) = if digits.len() > scale {
        let (i, f) = digits.split_at(digits.len() - scale);
        (i, 0, f)
    } else {
        (&b"0"[..], scale - digits.len(), digits)
    };
    let frac_len = frac.iter().rposition(|&b| b != b'0').map_or(0, |i| i + 1);
    out.reserve(int.len() + int.len() / 3 + 1 + zeros + frac_len);
    if grouped {
        for (i, &b) in int.iter().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(char::from(b));
        }
    } else {
        push_ascii(out, int);
    }
    if frac_len > 0 {
        out.push('.');
        for _ in 0..zeros {
            out.push('0');
        }
        push_ascii(out, &frac[..frac_len]);
    }
}

/// Appends the decimal digits of `n`.
pub(crate) fn push_u64(out: &mut String, n: u64) {
    let mut buf = [0u8; 20];
    push_ascii(out, write_digits(&mut buf, u128::from(n)));
}

fn push_u128(out: &mut String, n: u128) {
    let mut buf = [0u8; 40];
    push_ascii(out, write_digits(&mut buf, n));
}

/// Appends ASCII bytes (digits) to `out`.
pub(crate) fn push_ascii(out: &mut String, bytes: &[u8]) {
    out.reserve(bytes.len());
    for &b in bytes {
        out.push(char::from(b));
    }
}

/// Writes the decimal digits of `n` at the end of `buf` (at least 39 bytes
/// for any `u128`, 20 for a `u64`); returns them.
pub(crate) fn write_digits(buf: &mut [u8], n: u128) -> &[u8] {
    let mut i = buf.len();
    match u64::try_from(n) {
        // The common case, without 128-bit divisions.
        Ok(mut n) => loop {
            i -= 1;
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        },
        Err(_) => {
            let mut n = n;
            loop {
                i -= 1;
                buf[i] = b'0' + (n % 10) as u8;
                n /= 10;
                if n == 0 {
                    break;
                }
            }
        }
    }
    &buf[i..]
}

pub(crate) fn group(n: u64) -> String {
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

pub(crate) fn trim(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

/// Trims the decimal written at `s[start..]` of its trailing zeros (and the
/// point), and `-0` to `0`.
pub(crate) fn trim_decimal_in_place(s: &mut String, start: usize) {
    if s[start..].contains('.') {
        let len = s.trim_end_matches('0').trim_end_matches('.').len();
        s.truncate(len);
    }
    if &s[start..] == "-0" {
        s.remove(start);
    }
}

/// `x × 10^shift` with three significant digits and a power of ten, then
/// `unit`: `≈1.8e310%` for the fraction `f64::MAX` as a percentage. For
/// figures beyond 10^15, where 300 digits would say nothing more (and
/// scaling may overflow).
pub(crate) fn push_power_of_ten(out: &mut String, x: f64, shift: i32, unit: char) {
    let scientific = format!("{x:.2e}");
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent = exponent.parse::<i32>().unwrap_or(0) + shift;
    out.push('≈');
    out.push_str(mantissa.trim_end_matches('0').trim_end_matches('.'));
    out.push('e');
    out.push_str(&exponent.to_string());
    out.push(unit);
}

/// Removes floating-point noise: when `x` lies within four ulps of a
/// decimal with at most 12 significant digits, returns the `f64` nearest
/// that decimal (so `0.1 × 3` gives `0.3` and `14.4 × 0.0005` gives
/// `0.0072`); otherwise returns `x` unchanged. Cheap (no strings), so
/// figures derived by a chain of float operations print as people expect.
///
/// ```
/// use nines_core::digits::tidy;
/// assert_eq!(tidy(0.1 * 3.0), 0.3);
/// assert_eq!(tidy(14.4 * 0.0005), 0.0072);
/// assert_eq!(tidy(1.0 / 3.0), 1.0 / 3.0);
/// assert_eq!(tidy(-0.7 + 0.1), -0.6);
/// ```
pub fn tidy(x: f64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    let magnitude = x.abs().log10().floor() as i32;
    let k = 11 - magnitude; // 12 significant digits
    if !(-22..=22).contains(&k) {
        return x;
    }
    let pow = 10f64.powi(k.abs());
    let y = if k >= 0 {
        let m = (x * pow).round();
        if m.abs() >= 9_007_199_254_740_992.0 {
            return x;
        }
        m / pow
    } else {
        (x / pow).round() * pow
    };
    let ulp = f64::EPSILON * x.abs();
    if (y - x).abs() <= 4.0 * ulp { y } else { x }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortest_matches_display() {
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut xs = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            10.0,
            0.5,
            1e15,
            9_007_199_254_740_991.0,
            9_007_199_254_740_992.0,
            1e16,
            1e300,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            f64::MIN_POSITIVE,
        ];
        for i in 0..20_000u64 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            xs.push(match i % 3 {
                0 => f64::from_bits(state),
                1 => (state >> (i % 64)) as f64,
                _ => -((state % 1_000_000) as f64),
            });
        }
        for x in xs {
            assert_eq!(shortest(x), format!("{x}"), "{x:e}");
        }
    }

    /// `push_fixed` writes exactly what `format!("{x:.d$}")` writes: exact
    /// ties (0.125, 2.5), negative zero, subnormals, huge values, and a
    /// deterministic spread of random bit patterns and decimals.
    #[test]
    fn push_fixed_matches_the_formatter() {
        let check = |x: f64, d: u32| {
            let mut s = String::new();
            push_fixed(&mut s, x, d);
            assert_eq!(s, format!("{x:.p$}", p = d as usize), "{x:e} .{d}");
        };
        let special = [
            0.0,
            -0.0,
            0.5,
            1.5,
            2.5,
            -0.5,
            0.125,
            0.375,
            0.625,
            2.675,
            1.005,
            -0.001,
            1e22,
            1e38,
            3.4e38,
            1e300,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            9_007_199_254_740_993.0,
            18_446_744_073_709_551_615.0,
            1.0 / 3.0,
            99.995,
            0.045,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        for x in special {
            for d in 0..=22 {
                check(x, d);
                check(-x, d);
            }
        }
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for i in 0..20_000 {
            let r = next();
            // Half random bit patterns, half ordinary magnitudes and halves.
            let x = if i % 2 == 0 {
                f64::from_bits(r)
            } else {
                let e = (r % 40) as i32 - 20;
                let m = (r >> 8) as f64 / (1u64 << 56) as f64;
                let x = m * 10f64.powi(e);
                if i % 4 == 1 {
                    ((x * 1e3).floor() + 0.5) / 1e3
                } else {
                    x
                }
            };
            check(x, (next() % 21) as u32);
        }
    }
}
