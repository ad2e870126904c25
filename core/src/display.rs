//! Figures for people: money, counts, availability, bounds, percentages,
//! burn rates and instants, rounded deliberately, so the page, the CLI and
//! the exports write every figure the same way. Durations are
//! [`crate::duration::format_duration`].
//!
//! It stands above the vocabulary it formats ([`crate::quantity`],
//! [`crate::duration`], [`crate::target`]'s [`Limit`]) and on the digit
//! writers of [`crate::digits`]; the chapters stand above it.

use chrono::{DateTime, SecondsFormat, Utc};

use crate::amount::Currency;
use crate::digits::{
    group, push_decimal, push_fixed, push_power_of_ten, push_u64, tidy, trim, trim_decimal_in_place,
};
use crate::duration::format_duration;
use crate::quantity::Availability;
use crate::target::Limit;

/// Whole money with thousands separators: `$102,900`, `-$1,250`; from a
/// billion, billions (`$1.25B`) and from a trillion, trillions (`$20T`,
/// never `$20000B`), with at most two decimals. Not finite: `undefined`.
/// In US dollars: [`money_in`] writes any currency.
///
/// ```
/// use nines_core::display::money;
/// assert_eq!(money(102_900.0), "$102,900");
/// assert_eq!(money(899.6), "$900");
/// assert_eq!(money(-1_250.0), "-$1,250");
/// assert_eq!(money(2.5e9), "$2.5B");
/// assert_eq!(money(2e13), "$20T");
/// ```
pub fn money(x: f64) -> String {
    money_in(x, Currency::default())
}

/// Below this many major units an amount shows its minor units.
const SMALL_MONEY: f64 = 10.0;

/// Money in `currency`, by one rule: from ten major units up, whole
/// units with thousands separators (`£102,900`), billions as `B` and
/// trillions as `T` with at most two decimals (`£1.25B`, `£20T`); below
/// ten, the currency's minor units as ISO 4217 gives them (`£1.52`, but
/// `¥2`: the yen has none), a whole amount without them (`£5`). The
/// currency is marked by [`Currency::mark`]: its symbol before, or its
/// code after (`2,000,000 CHF`). Not finite: `undefined`.
///
/// ```
/// use nines_core::amount::Currency;
/// use nines_core::display::money_in;
/// let c = |s: &str| s.parse::<Currency>().unwrap();
/// assert_eq!(money_in(30.42, c("£")), "£30");
/// assert_eq!(money_in(1.521, c("£")), "£1.52");
/// assert_eq!(money_in(1.521, c("¥")), "¥2");
/// assert_eq!(money_in(2e6, c("CHF")), "2,000,000 CHF");
/// assert_eq!(money_in(-0.001, c("€")), "€0");
/// ```
pub fn money_in(x: f64, currency: Currency) -> String {
    if !x.is_finite() {
        return "undefined".into();
    }
    let a = x.abs();
    let minor = u32::from(currency.minor_units());
    let sign = money_sign(x, if a < SMALL_MONEY { minor } else { 0 });
    // 999.999B rounds to 1000B: write it as 1T.
    if a >= 1e12 - 5e6 {
        return currency.mark(sign, &format!("{}T", group_decimal(a / 1e12)));
    }
    if a >= 1e9 {
        return currency.mark(sign, &format!("{}B", trim(&format!("{:.2}", a / 1e9))));
    }
    if a < SMALL_MONEY && minor > 0 {
        let fixed = format!("{a:.prec$}", prec = minor as usize);
        let whole = fixed.trim_end_matches('0').ends_with('.');
        let digits = if whole {
            fixed.split('.').next().unwrap_or("0").to_string()
        } else {
            fixed
        };
        return currency.mark(sign, &digits);
    }
    currency.mark(sign, &group(a.round() as u64))
}

/// The sign an amount is written with: none for an amount that rounds to
/// zero at `decimals` places (never "-$0").
fn money_sign(x: f64, decimals: u32) -> &'static str {
    let scale = 10f64.powi(decimals as i32);
    if x < 0.0 && (x * scale).round() != 0.0 {
        "-"
    } else {
        ""
    }
}

/// `x` to two decimals, trimmed, its whole part grouped (`1,000.5`).
fn group_decimal(x: f64) -> String {
    let fixed = format!("{x:.2}");
    let s = trim(&fixed);
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let mut out = group(int.parse().unwrap_or(0));
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// An amount short enough for a chart's axis: thousands, millions and
/// billions as `k`, `M` and `B` with at most two decimals (`$500k`,
/// `$1.5M`); below a thousand, whole dollars. Readouts and tables use
/// [`money`], which writes every digit. In US dollars: [`money_short_in`]
/// writes any currency.
///
/// ```
/// use nines_core::display::money_short;
/// assert_eq!(money_short(0.0), "$0");
/// assert_eq!(money_short(500.0), "$500");
/// assert_eq!(money_short(500_000.0), "$500k");
/// assert_eq!(money_short(1_500_000.0), "$1.5M");
/// assert_eq!(money_short(2_000_000.0), "$2M");
/// assert_eq!(money_short(-20_000.0), "-$20k");
/// assert_eq!(money_short(2.5e9), "$2.5B");
/// // Rounding never writes 1000k: 999,999 is $1M.
/// assert_eq!(money_short(999_999.0), "$1M");
/// // Three significant digits.
/// assert_eq!(money_short(102_900.0), "$103k");
/// assert_eq!(money_short(10_540.0), "$10.5k");
/// assert_eq!(money_short(f64::NAN), "undefined");
/// ```
pub fn money_short(x: f64) -> String {
    money_short_in(x, Currency::default())
}

/// [`money_short`] in `currency`: `£1.5M`, `¥300M`, `2M CHF`.
///
/// ```
/// use nines_core::amount::Currency;
/// use nines_core::display::money_short_in;
/// let c = |s: &str| s.parse::<Currency>().unwrap();
/// assert_eq!(money_short_in(1_500_000.0, c("GBP")), "£1.5M");
/// assert_eq!(money_short_in(2e6, c("CHF")), "2M CHF");
/// ```
pub fn money_short_in(x: f64, currency: Currency) -> String {
    if !x.is_finite() {
        return "undefined".into();
    }
    let sign = money_sign(x, 0);
    let a = x.abs();
    let hundredths = |scale: f64| (a / scale * 100.0).round() / 100.0;
    // The largest unit in which the amount, rounded, is at least one.
    let unit = [(1e9, "B"), (1e6, "M"), (1e3, "k")]
        .into_iter()
        .find(|&(scale, _)| hundredths(scale) >= 1.0);
    match unit {
        Some((scale, unit)) => {
            // Three significant digits: $1.55M, $10.5k, $103k.
            let x = hundredths(scale);
            let decimals = if x >= 99.95 {
                0
            } else if x >= 9.995 {
                1
            } else {
                2
            };
            let text = format!("{:.*}", decimals, x);
            currency.mark(sign, &format!("{}{unit}", trim(&text)))
        }
        None => currency.mark(sign, &(a.round() as u64).to_string()),
    }
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
    let mut s = String::with_capacity(24);
    match u32::try_from(decimals) {
        Ok(d) => push_fixed(&mut s, x.abs(), d),
        Err(_) => s = format!("{:.decimals$}", x.abs()),
    }
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let int: u64 = int.parse().unwrap_or(0);
    let negative = x < 0.0 && s.bytes().any(|b| (b'1'..=b'9').contains(&b));
    let frac = frac.trim_end_matches('0');
    let mut out = String::with_capacity(s.len() + 8);
    if negative {
        out.push('-');
    }
    push_decimal(&mut out, u128::from(int), 0, true);
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
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

/// An availability beside a target, as a product manager reads it: to the
/// digits that tell it from the target and no more. It starts at the
/// target's own decimals and adds one while the rounded figure would read
/// as the target, as 100%, or on the target's other side; at most five
/// significant digits (or the target's own, if it has more), and there it
/// is rounded down, so that it never reads higher than it is. A figure
/// that is short and exact is written as it is; a rounded one carries `≈`.
/// The exact figure stays in [`availability`], the exports and the JSON.
///
/// ```
/// use nines_core::display::availability_near;
/// // The target as its unavailability: 99.95% is 0.0005.
/// let t = |x: &str| nines_core::quantity::Availability::parse(x).unwrap().unavailability();
/// // 1 − 0.0007257 = 99.92743%: two decimals, as the target has.
/// assert_eq!(availability_near(0.000_725_7, t("99.95")), "≈99.93%");
/// // Exact and short: as it is.
/// assert_eq!(availability_near(0.001, t("99.95")), "99.9%");
/// // 99.9496% reads 99.95% at two decimals and 99.950% at three: four
/// // would be six significant digits, so five, rounded down.
/// assert_eq!(availability_near(0.000_504, t("99.95")), "≈99.949%");
/// // A whole-number target: one decimal tells 98.666…% from 99%.
/// assert_eq!(availability_near(1.0 / 75.0, t("99")), "≈98.7%");
/// // Short and exact stays exact.
/// assert_eq!(availability_near(0.0127, t("99")), "98.73%");
/// // Never onto 100% when it is not: 99.927…% beside 99% is ≈99.9%.
/// assert_eq!(availability_near(0.000_725_7, t("99")), "≈99.9%");
/// // The target's own six digits are allowed.
/// assert_eq!(availability_near(0.000_004_9, t("99.9995")), "≈99.9995%");
/// assert_eq!(availability_near(2.0, t("99")), "—");
/// ```
pub fn availability_near(unavailability: f64, target_unavailability: f64) -> String {
    let exact = availability(unavailability);
    let p = (1.0 - tidy(unavailability)) * 100.0;
    let target_text = availability(target_unavailability).replace('≈', "");
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).count();
    let decimals = |s: &str| {
        s.split_once('.')
            .map_or(0, |(_, d)| d.trim_end_matches('%').len())
    };
    let most = digits(&target_text).max(5);
    if exact == "—" || (!exact.starts_with('≈') && digits(&exact) <= most) {
        return exact;
    }
    let whole = if p >= 100.0 {
        3
    } else if p >= 10.0 {
        2
    } else {
        1
    };
    let last = most.saturating_sub(whole).max(decimals(&target_text));
    let tp = 100.0 - target_unavailability * 100.0;
    let mut d = decimals(&target_text);
    loop {
        let mut out = String::from("≈");
        let scale = 10f64.powi(d as i32);
        let x = if d == last && p < 100.0 {
            // Rounded down: never higher than it is, so a miss never
            // reads as a hit, nor anything short of 100% as 100%.
            (p * scale).floor() / scale
        } else {
            p
        };
        push_fixed(&mut out, x, d as u32);
        trim_decimal_in_place(&mut out, 3);
        // Rounded, it must not read as the target, as 100% when it is not,
        // or on the other side of the target.
        let r: f64 = out[3..].parse().unwrap_or(p);
        let misleads = Some(&out[3..]) == target_text.strip_suffix('%')
            || (r >= 100.0 && p < 100.0)
            || ((r < tp) != (p < tp));
        if d >= last || !misleads {
            out.push('%');
            return out;
        }
        d += 1;
    }
}

/// The availability at `nines` nines, as the cost section and its exports
/// show it: `99.9%`, `99.968377%`; out of range: `—`.
///
/// ```
/// use nines_core::display::at_nines;
/// assert_eq!(at_nines(3.0), "99.9%");
/// assert_eq!(at_nines(-1.0), "—");
/// ```
pub fn at_nines(nines: f64) -> String {
    if nines.is_finite() && nines >= 0.0 {
        // A level worked out from an exact target (99.6875% is
        // log10(320) = 2.50514997… nines) shows exactly, without `≈`.
        let u = 10f64.powf(-nines);
        if u > 0.0 {
            return availability(u);
        }
    }
    Availability::from_nines(nines).map_or_else(|_| "—".into(), |a| a.format_percent())
}

/// A target with its nines, as the measures card writes it:
/// `99.95% (3.3 nines)` from the target's percentage and its nines as
/// displayed, and the nines alone at 100% (`None` nines), whose display
/// already says it: `100% (no downtime allowed)`, never
/// `100% (100% (no downtime allowed))`.
///
/// ```
/// use nines_core::display::target_with_nines;
/// assert_eq!(target_with_nines("99.95%", "3.3 nines", Some(3.3)), "99.95% (3.3 nines)");
/// assert_eq!(target_with_nines("100%", "100% (no downtime allowed)", None), "100% (no downtime allowed)");
/// ```
pub fn target_with_nines(percent: &str, nines_display: &str, nines: Option<f64>) -> String {
    match nines {
        Some(_) => format!("{percent} ({nines_display})"),
        None => nines_display.to_string(),
    }
}

/// An amount at a level, as the cost chart's readouts write it:
/// `$36,000 at 99.9%` ([`money`] at [`at_nines`]).
///
/// ```
/// use nines_core::display::money_at_nines;
/// assert_eq!(money_at_nines(36_000.0, 3.0), "$36,000 at 99.9%");
/// assert_eq!(money_at_nines(1_250.4, 2.0), "$1,250 at 99%");
/// ```
pub fn money_at_nines(amount: f64, nines: f64) -> String {
    money_at_nines_in(amount, nines, Currency::default())
}

/// [`money_at_nines`] in `currency`: `£36,000 at 99.9%`.
///
/// ```
/// use nines_core::display::money_at_nines_in;
/// let gbp = "GBP".parse().unwrap();
/// assert_eq!(money_at_nines_in(36_000.0, 3.0, gbp), "£36,000 at 99.9%");
/// ```
pub fn money_at_nines_in(amount: f64, nines: f64, currency: Currency) -> String {
    let mut s = money_in(amount, currency);
    s.push_str(" at ");
    s.push_str(&at_nines(nines));
    s
}

/// A bound on a count: `unlimited`, or the count.
///
/// ```
/// use nines_core::display::limit_count;
/// use nines_core::target::Limit;
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
/// use nines_core::target::Limit;
/// assert_eq!(limit_duration(Limit::Unlimited), "no limit");
/// assert_eq!(limit_duration(Limit::AtMost(90.0)), "1m 30s");
/// ```
pub fn limit_duration(l: Limit) -> String {
    match l {
        Limit::Unlimited => "no limit".into(),
        Limit::AtMost(s) => format_duration(s),
    }
}

/// An instant for machines: `2026-11-26T00:00:00Z`.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// let t = Utc.with_ymd_and_hms(2026, 11, 26, 0, 0, 0).unwrap();
/// assert_eq!(nines_core::display::format_instant_iso(t), "2026-11-26T00:00:00Z");
/// ```
pub fn format_instant_iso(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// An instant for people, to the minute: `Thu 26 Nov 2026, 00:00 UTC`.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// let t = Utc.with_ymd_and_hms(2026, 11, 26, 0, 0, 0).unwrap();
/// assert_eq!(nines_core::display::format_instant(t), "Thu 26 Nov 2026, 00:00 UTC");
/// ```
pub fn format_instant(t: DateTime<Utc>) -> String {
    use chrono::{Datelike, Timelike};
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let year = t.year();
    // A month is always one of twelve; the fallback only satisfies the types.
    let month = MONTHS.get(t.month0() as usize).copied().unwrap_or("?");
    // `%a %-d %b %Y, %H:%M UTC` without chrono's formatting machinery
    // (about 10 KB of the page). `%Y` writes years outside 0..=9999 with a
    // sign, at least four digits: `-0003`, `+10000`.
    let two = |out: &mut String, n: u32| {
        out.push(char::from(b'0' + (n / 10 % 10) as u8));
        out.push(char::from(b'0' + (n % 10) as u8));
    };
    // Room for the exhaustion display's suffix too.
    let mut s = String::with_capacity(64);
    s.push_str(DAYS[t.weekday().num_days_from_monday() as usize]);
    s.push(' ');
    push_u64(&mut s, u64::from(t.day()));
    s.push(' ');
    s.push_str(month);
    s.push(' ');
    let digits = year.unsigned_abs();
    if year < 0 {
        s.push('-');
    } else if year > 9_999 {
        s.push('+');
    }
    if digits > 9_999 {
        push_u64(&mut s, u64::from(digits));
    } else {
        two(&mut s, digits / 100);
        two(&mut s, digits % 100);
    }
    s.push_str(", ");
    two(&mut s, t.hour());
    s.push(':');
    two(&mut s, t.minute());
    s.push_str(" UTC");
    s
}

/// A fraction as a percentage for people, by one rule: at most two
/// decimals, trailing zeros trimmed (`"40%"`, `"13.89%"`, `"-20%"`,
/// `"145.13%"`); tiny non-zero values keep two significant digits
/// (`"0.0023%"`); from 1,000% three significant digits, grouped
/// (`"72,600,000%"`, never `"72565525.94%"`: a model's inputs do not know
/// eight digits); astronomical ones are written with a power of ten
/// (`"≈1.8e310%"`).
///
/// ```
/// use nines_core::display::format_fraction_percent;
/// assert_eq!(format_fraction_percent(0.4), "40%");
/// assert_eq!(format_fraction_percent(1.0 / 7.2), "13.89%");
/// assert_eq!(format_fraction_percent(-0.2), "-20%");
/// assert_eq!(format_fraction_percent(0.000_023_148), "0.0023%");
/// assert_eq!(format_fraction_percent(725_655.2594), "72,600,000%");
/// assert_eq!(format_fraction_percent(12.345), "1,230%");
/// // From 10^15 % up, a power of ten (never `inf%`).
/// assert_eq!(format_fraction_percent(f64::MAX), "≈1.8e310%");
/// ```
pub fn format_fraction_percent(fraction: f64) -> String {
    let mut s = String::with_capacity(16);
    push_fraction_percent(&mut s, fraction);
    s
}

/// [`format_fraction_percent`], appended to `out`.
pub(crate) fn push_fraction_percent(out: &mut String, fraction: f64) {
    if !fraction.is_finite() {
        out.push_str("undefined");
        return;
    }
    let p = fraction * 100.0;
    let magnitude = p.abs();
    if magnitude >= 1e15 {
        // Astronomically over budget (a 300-nines target with any failure):
        // `× 100` may even overflow to infinity.
        push_power_of_ten(out, fraction, 2, '%');
        return;
    }
    if magnitude >= 999.995 {
        // Three significant digits, grouped.
        let digits = magnitude.log10().floor() as i32;
        let step = 10f64.powi(digits - 2);
        let rounded = (magnitude / step).round() * step;
        if p < 0.0 {
            out.push('-');
        }
        out.push_str(&group(rounded.round() as u64));
        out.push('%');
        return;
    }
    let decimals = if magnitude == 0.0 || magnitude >= 0.01 {
        2
    } else {
        // Two significant digits.
        (1 - magnitude.log10().floor() as i32).clamp(2, 20) as usize
    };
    let start = out.len();
    push_fixed(out, p, decimals as u32);
    trim_decimal_in_place(out, start);
    out.push('%');
}

/// A burn rate for people: `"14.4×"`, `"13.44×"`, `"6×"`, `"0.93×"`,
/// `"1000×"` (two decimals below 1000, whole numbers above; trimmed); tiny
/// non-zero rates keep two significant digits (`"0.0000000016×"`, never a
/// misleading `"0×"`), astronomical ones a power of ten (`"≈1e300×"`).
///
/// ```
/// use nines_core::display::format_burn_rate;
/// assert_eq!(format_burn_rate(14.4), "14.4×");
/// assert_eq!(format_burn_rate(13.44), "13.44×");
/// assert_eq!(format_burn_rate(6.0), "6×");
/// assert_eq!(format_burn_rate(28.0 / 30.0), "0.93×");
/// assert_eq!(format_burn_rate(1000.0), "1000×");
/// assert_eq!(format_burn_rate(1.56e-9), "0.0000000016×");
/// assert_eq!(format_burn_rate(1e300), "≈1e300×");
/// ```
pub fn format_burn_rate(burn: f64) -> String {
    if !burn.is_finite() {
        return "undefined".into();
    }
    let magnitude = burn.abs();
    let decimals = if magnitude >= 1e15 {
        let mut s = String::with_capacity(16);
        push_power_of_ten(&mut s, burn, 0, '×');
        return s;
    } else if magnitude >= 1000.0 {
        0
    } else if magnitude == 0.0 || magnitude >= 0.01 {
        2
    } else {
        // Two significant digits.
        (1 - magnitude.log10().floor() as i32).clamp(2, 20) as u32
    };
    let mut s = String::with_capacity(16);
    push_fixed(&mut s, burn, decimals);
    trim_decimal_in_place(&mut s, 0);
    s.push('×');
    s
}

/// What a figure shows when it has no value: `—`.
pub const ABSENT: &str = "—";

/// `x` written by `write`, or [`ABSENT`] when there is none.
///
/// ```
/// use nines_core::display::{or_absent, format_fraction_percent};
/// assert_eq!(or_absent(Some(0.02), format_fraction_percent), "2%");
/// assert_eq!(or_absent(None, format_fraction_percent), "—");
/// ```
pub fn or_absent<T>(x: Option<T>, write: impl FnOnce(T) -> String) -> String {
    x.map_or_else(|| ABSENT.to_string(), write)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity::{nearest_round_target, round_targets};
    use chrono::{TimeDelta, TimeZone};

    #[test]
    fn grouping_and_edges() {
        assert_eq!(money(0.0), "$0");
        // Below ten dollars, cents: -$0.40 (and never "-$0").
        assert_eq!(money(-0.4), "-$0.40");
        assert_eq!(money(-0.004), "$0");
        assert_eq!(money(999_999_999.0), "$999,999,999");
        assert_eq!(money(f64::NAN), "undefined");
        assert_eq!(count(-0.001, 2), "0");
        assert_eq!(count(-2.5, 1), "-2.5");
        assert_eq!(count(1e6, 0), "1,000,000");
    }

    /// The `strftime` form of [`format_instant`].
    const INSTANT_FORMAT: &str = "%a %-d %b %Y, %H:%M UTC";

    #[test]
    fn format_instant_is_chronos_strftime() {
        let mut t = Utc.with_ymd_and_hms(-3, 1, 1, 0, 0, 0).unwrap();
        let end = Utc.with_ymd_and_hms(10_003, 1, 1, 0, 0, 0).unwrap();
        // Every 1 000 003 minutes (about 1.9 years): all weekdays, months,
        // hours and minutes, four-digit years, and both ends of them.
        while t < end {
            assert_eq!(format_instant(t), t.format(INSTANT_FORMAT).to_string());
            t += TimeDelta::minutes(1_000_003);
        }
        for (y, mo, d, h, mi) in [
            (0, 1, 1, 0, 0),
            (999, 12, 31, 23, 59),
            (9_999, 12, 31, 23, 59),
        ] {
            let t = Utc.with_ymd_and_hms(y, mo, d, h, mi, 59).unwrap();
            assert_eq!(format_instant(t), t.format(INSTANT_FORMAT).to_string());
        }
        let t = Utc.with_ymd_and_hms(10_000, 1, 1, 0, 0, 0).unwrap();
        assert_eq!(format_instant(t), "Sat 1 Jan +10000, 00:00 UTC");
        // Signed years, by hand (not chrono's formatter, which costs the page), to chrono's range.
        for y in [-262_143, -10_000, -1, 10_000, 262_142] {
            let t = Utc.with_ymd_and_hms(y, 6, 15, 12, 30, 0).unwrap();
            assert_eq!(format_instant(t), t.format(INSTANT_FORMAT).to_string());
        }
    }

    /// "≈" marks only what is not exact. 99.6875% is exactly
    /// U = 1/320 (100 − 99.6875 = 0.3125 = 100/320), i.e. log10(320) =
    /// 2.505149978319906 nines; 3.5 nines is U = 10^−3.5, irrational, so
    /// 99.96838% (docs/DOMAIN.md §1.1) is rounded and marked.
    #[test]
    fn only_rounded_levels_are_marked() {
        assert_eq!(at_nines(320f64.log10()), "99.6875%");
        assert_eq!(at_nines(2.505149978319906), "99.6875%");
        assert_eq!(at_nines(3.5), "≈99.96838%");
        assert_eq!(at_nines(4.0), "99.99%");
        assert_eq!(at_nines(12.0), "99.9999999999%");
        assert_eq!(
            money_at_nines(36_000.0, 320f64.log10()),
            "$36,000 at 99.6875%"
        );
    }

    /// At 100% the cost model shows costs at its 12-nine limit:
    /// $20,000 × 10^(12 − 3) = $2 × 10^13, twenty trillion dollars.
    #[test]
    fn trillions_are_trillions() {
        assert_eq!(money(20_000.0 * 1e9), "$20T");
        assert_eq!(money(1.5e15), "$1,500T");
        assert_eq!(money(-2.5e12), "-$2.5T");
        // $999.999B rounds to a thousand billions: one trillion.
        assert_eq!(money(999_999_000_000.0), "$1T");
        assert_eq!(money(999_990_000_000.0), "$999.99B");
    }

    /// One test per rule of `money_in`. Minor units from
    /// ISO 4217 (List One, SIX): GBP, EUR, USD, CHF 2; JPY 0; KWD 3.
    /// * a symbol goes before the amount, after the sign: -£1,250;
    /// * a currency without a symbol is written with its code after the
    ///   amount, as Money's canonical form writes it: 2,000,000 CHF;
    /// * from ten major units, whole units: £30.42 → £30;
    /// * below ten, the minor units: £1.521 → £1.52, but ¥1.521 → ¥2 (the
    ///   yen has no minor unit), 1.5 KWD → 1.500 KWD (three), and a whole
    ///   amount without them (£5);
    /// * billions and trillions keep at most two decimals in every
    ///   currency: ¥300M is ¥300,000,000, ¥2.5B is ¥2.5B.
    #[test]
    fn money_in_each_currency() {
        let c = |s: &str| s.parse::<Currency>().unwrap();
        // Placement.
        assert_eq!(money_in(-1_250.0, c("GBP")), "-£1,250");
        assert_eq!(money_in(2e6, c("CHF")), "2,000,000 CHF");
        assert_eq!(money_in(-2e6, c("CHF")), "-2,000,000 CHF");
        assert_eq!(money_in(1.5e6, c("€")), "€1,500,000");
        // Whole units from ten.
        assert_eq!(money_in(20e6 * 0.8 / 525_949.2, c("£")), "£30");
        // Minor units below ten, as ISO 4217 gives them.
        assert_eq!(money_in(1.521, c("£")), "£1.52");
        assert_eq!(money_in(1.521, c("¥")), "¥2");
        assert_eq!(money_in(1.5, c("KWD")), "1.500 KWD");
        assert_eq!(money_in(5.0, c("£")), "£5");
        assert_eq!(money_in(9.999, c("$")), "$10");
        // ¥300M: no decimals anywhere.
        assert_eq!(money_in(3e8, c("JPY")), "¥300,000,000");
        assert_eq!(money_short_in(3e8, c("JPY")), "¥300M");
        assert_eq!(money_in(300e6 * 0.8 / 525_949.2, c("JPY")), "¥456");
        assert_eq!(money_in(2.5e9, c("JPY")), "¥2.5B");
        // Short forms for an axis.
        assert_eq!(money_short_in(1.5e6, c("£")), "£1.5M");
        assert_eq!(money_short_in(-2e4, c("£")), "-£20k");
        assert_eq!(money_short_in(2e6, c("CHF")), "2M CHF");
        // A readout.
        assert_eq!(money_at_nines_in(36_000.0, 3.0, c("€")), "€36,000 at 99.9%");
        // The dollar, by default, as before.
        assert_eq!(money(30.42), money_in(30.42, Currency::default()));
        assert_eq!(money(30.42), "$30");
    }

    /// The measures card at 100% reads once what 100% means.
    #[test]
    fn target_with_its_nines() {
        let p = |s| {
            let a = Availability::parse(s).unwrap();
            target_with_nines(&a.format_percent(), &a.format_nines(), a.finite_nines())
        };
        assert_eq!(p("100"), "100% (no downtime allowed)");
        assert_eq!(p("99.9"), "99.9% (3 nines)");
        assert_eq!(p("3.5 nines"), "≈99.96838% (3.5 nines)");
    }

    /// The slider's and the charts' round targets, the 1-2-5
    /// series of unavailability: 10^-1 × (1, 0.5, 0.2) = 90%, 95%, 98%, …
    /// up to 10^-6 = 99.9999% (6 nines), 16 steps from 1 to 6 nines.
    #[test]
    fn round_targets_are_the_1_2_5_series() {
        let t: Vec<String> = round_targets(1.0, 6.0)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(t.len(), 16);
        assert_eq!(t[..4], ["90%", "95%", "98%", "99%"]);
        assert_eq!(t[13..], ["99.9995%", "99.9998%", "99.9999%"]);
        // Every one is exact: the field and the link get a percentage.
        assert!(round_targets(1.0, 6.0).iter().all(Availability::is_exact));
        // Nearest on the nines axis: 3.35 nines (what a 0.05-nine slider
        // gave) is 99.95% (3.301), not 99.98% (3.699).
        assert_eq!(
            nearest_round_target(3.35, 1.0, 6.0).unwrap().to_string(),
            "99.95%"
        );
        assert_eq!(
            nearest_round_target(9.0, 1.0, 6.0).unwrap().to_string(),
            "99.9999%"
        );
        assert!(nearest_round_target(f64::NAN, 1.0, 6.0).is_none());
        assert!(round_targets(f64::NAN, 6.0).is_empty());
    }

    #[test]
    fn formatting() {
        // Over-precise percentages. 725,655.2594 of a budget
        // is 72,565,525.94%: three significant digits, 72,600,000%.
        assert_eq!(format_fraction_percent(725_655.259_4), "72,600,000%");
        assert_eq!(format_fraction_percent(-12.345), "-1,230%");
        assert_eq!(format_fraction_percent(9.999_99), "1,000%");
        assert_eq!(format_fraction_percent(1.4513), "145.13%");
        assert_eq!(format_fraction_percent(0.0), "0%");
        assert_eq!(format_fraction_percent(1.0 / 3.0), "33.33%");
        assert_eq!(format_fraction_percent(f64::NAN), "undefined");
        assert_eq!(format_burn_rate(1.2), "1.2×");
        assert_eq!(format_burn_rate(0.0), "0×");
        assert_eq!(format_burn_rate(35.5), "35.5×");
    }
}
