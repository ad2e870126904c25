//! Counts, rates and money, parsed exactly.
//!
//! Traffic and money arrive as people write them: `2.6M`, `1,000,000`,
//! `1000 rps`, `3M per 28d`, `$20M`, `1.2M USD`. Every amount is parsed with
//! integer arithmetic into an exact [`Ratio`] (never through `f64`), so
//! `2.6M` is exactly 2 600 000 and `0.1k + 0.2k` problems cannot arise.
//! Formatting is the inverse: the `Display` of each type is a canonical
//! string that parses back to the same value (`parse(format(x)) == x`), and
//! `format_compact` gives the short form people read (`2.6M`), marked `≈`
//! when it had to round.
//!
//! Conventions used here (stated once, applied everywhere):
//! * suffixes are decimal (SI-style, as finance and traffic dashboards use
//!   them): `k` = 10^3, `M` = 10^6, `B`/`bn`/`G` = 10^9, `T` = 10^12; a
//!   lower-case `m` is refused in a count because it is ambiguous (milli
//!   or million), but in an amount of money it is a million (`$20m`, as
//!   finance writes it: there are no milli-dollars to confuse it with);
//! * a rate may say "a" for "per" (`10 a week`), and `hourly`, `daily`,
//!   `weekly`, `monthly`, `quarterly`, `yearly`/`annually` alone mean once
//!   per that period;
//! * commas are thousands separators only (`1,000,000`), never decimal
//!   commas, so `1,5` is refused rather than guessed;
//! * a rate is a count per period; per month, quarter and year depend on
//!   the [`Convention`] in force (see [`crate::window`]), every other
//!   period is a fixed number of seconds.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::duration::parse_duration_exact;
use crate::parse_error::{Expected, ParseError, Problem};
use crate::ratio::{DecimalError, Ratio};
use crate::target::SECONDS_PER_DAY;
use crate::window::{Convention, MAX_ROLLING_DAYS, Period};

/// A day in seconds, as the exact rates count it.
const DAY: u128 = SECONDS_PER_DAY as u128;

/// The largest count or amount accepted: 10^15 (a million requests a
/// second for 31 years). Below it every whole number is an exact `f64`.
///
/// ```
/// use nines_core::amount::{Count, MAX_COUNT};
/// assert_eq!(MAX_COUNT, 1_000_000_000_000_000);
/// assert!(Count::parse("1001T").is_err());
/// ```
pub const MAX_COUNT: u64 = 1_000_000_000_000_000;

const TOO_LARGE: Problem = Problem::TooLarge("10^15");

/// The most decimal places kept by [`Count`] (as for percentages).
const MAX_SCALE: u32 = 36;

// ---------------------------------------------------------------------------
// Counts
// ---------------------------------------------------------------------------

/// How a lower-case `m` after a number is read.
#[derive(Clone, Copy, PartialEq)]
enum LowerM {
    /// Refused: in a count it could be milli or million.
    Ambiguous,
    /// A million: in an amount of money (`$20m`), where there is no
    /// milli-unit to confuse it with.
    Million,
}

/// The multiplier of a count suffix, or the problem with it.
fn suffix_multiplier(suffix: &str, lower_m: LowerM) -> Result<u128, Problem> {
    if suffix == "m" && lower_m == LowerM::Ambiguous {
        return Err(Problem::Invalid(
            "a lower-case m is ambiguous (milli or million): write M for million",
        ));
    }
    match suffix.to_ascii_lowercase().as_str() {
        "" => Ok(1),
        "k" | "thousand" => Ok(1_000),
        "m" | "mn" | "mio" | "million" | "millions" => Ok(1_000_000),
        "b" | "bn" | "g" | "billion" | "billions" => Ok(1_000_000_000),
        "t" | "tn" | "trillion" | "trillions" => Ok(1_000_000_000_000),
        _ => Err(Problem::UnknownUnit(suffix.to_string())),
    }
}

/// Removes thousands separators, checking they sit between groups of three
/// digits (`1,000,000`); a decimal comma (`1,5`) is refused.
fn strip_thousands(mantissa: &str) -> Result<String, Problem> {
    if !mantissa.contains(',') {
        return Ok(mantissa.to_string());
    }
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut groups = int.split(',');
    let first = groups.next().unwrap_or("");
    let first_ok = (1..=3).contains(&first.len());
    if !first_ok || frac.contains(',') || groups.any(|g| g.len() != 3) {
        return Err(Problem::Invalid(
            "commas may only separate groups of three digits, as in 1,000,000 \
             (write decimals with a point)",
        ));
    }
    Ok(mantissa.replace(',', ""))
}

/// Parses the text of a count (no currency, no period) exactly.
fn count_exact(text: &str) -> Result<Ratio, Problem> {
    number_exact(text, LowerM::Ambiguous)
}

/// Parses the text of a count or an amount exactly, reading a lower-case
/// `m` suffix as `lower_m` says.
fn number_exact(text: &str, lower_m: LowerM) -> Result<Ratio, Problem> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Problem::Empty);
    }
    if t.starts_with('-') || t.starts_with('−') {
        return Err(Problem::Negative);
    }
    let lower = t.to_ascii_lowercase();
    if lower.contains("nan") || lower.contains("inf") {
        return Err(Problem::NotANumber);
    }
    let t = t.strip_prefix('+').unwrap_or(t).trim_start();
    // Mantissa: digits, commas and one decimal point.
    let end = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(t.len());
    if end == 0 {
        return Err(Problem::Unrecognised);
    }
    let (mantissa, rest) = t.split_at(end);
    let mantissa = strip_thousands(mantissa)?;
    let mut value = Ratio::parse_decimal(&mantissa).map_err(|e| match e {
        DecimalError::Invalid => Problem::Unrecognised,
        DecimalError::TooManyDigits => Problem::TooManyDigits,
    })?;
    // Optional exponent: e6, E+6, e-3.
    let mut rest = rest;
    if let Some(after) = rest.strip_prefix(['e', 'E']) {
        let digits_from = usize::from(after.starts_with(['+', '-']));
        let digits_end = after[digits_from..]
            .find(|c: char| !c.is_ascii_digit())
            .map_or(after.len(), |i| i + digits_from);
        if digits_end > digits_from {
            let exp: i32 = after[..digits_end]
                .parse()
                .map_err(|_| Problem::TooLarge("an exponent of 38"))?;
            if exp.unsigned_abs() > 38 {
                return Err(Problem::TooLarge("an exponent of 38"));
            }
            let scale = Ratio::from_integer(10u128.pow(exp.unsigned_abs()));
            value = if exp >= 0 {
                value.checked_mul(scale).ok_or(TOO_LARGE)?
            } else {
                value.checked_div(scale).ok_or(Problem::TooManyDigits)?
            };
            rest = &after[digits_end..];
        }
    }
    let multiplier = suffix_multiplier(rest.trim(), lower_m)?;
    let value = value
        .checked_mul(Ratio::from_integer(multiplier))
        .ok_or(TOO_LARGE)?;
    if value > Ratio::from_integer(u128::from(MAX_COUNT)) {
        return Err(TOO_LARGE);
    }
    if value
        .to_decimal()
        .is_none_or(|(_, scale)| scale > MAX_SCALE)
    {
        return Err(Problem::TooManyDigits);
    }
    Ok(value)
}

/// `x` rounded to three significant digits, trimmed (`1.23`, `12.3`, `123`).
fn three_significant(x: f64) -> String {
    let decimals = if x >= 100.0 {
        0
    } else if x >= 10.0 {
        1
    } else {
        2
    };
    let s = format!("{x:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// A non-negative count of events (requests, failures, deployments), held
/// exactly as a terminating decimal no larger than [`MAX_COUNT`].
///
/// Parsing accepts `1000`, `1,000,000`, `3M`, `2.5k`, `1e6`, `1.2 billion`;
/// the `Display` form is the canonical exact decimal with thousands
/// separators (`2,600,000`), which parses back to the same count.
///
/// ```
/// use nines_core::amount::Count;
/// let c = Count::parse("2.6M").unwrap();
/// assert_eq!(c.to_f64(), 2_600_000.0);
/// assert_eq!(c.to_string(), "2,600,000");
/// assert_eq!(c.format_compact(), "2.6M");
/// assert_eq!(Count::parse(&c.to_string()).unwrap(), c);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Count(Ratio);

impl Count {
    /// Zero events.
    ///
    /// ```
    /// use nines_core::amount::Count;
    /// assert_eq!(Count::ZERO.to_f64(), 0.0);
    /// ```
    pub const ZERO: Count = Count(Ratio::ZERO);

    /// Parses a count (see the type's documentation for the forms).
    ///
    /// ```
    /// use nines_core::amount::Count;
    /// assert_eq!(Count::parse("1e6").unwrap(), Count::parse("1,000,000").unwrap());
    /// let err = Count::parse("3m").unwrap_err().to_string();
    /// assert!(err.contains("ambiguous"), "{err}");
    /// ```
    pub fn parse(s: &str) -> Result<Count, ParseError> {
        count_exact(s)
            .map(Count)
            .map_err(|p| ParseError::new(s, Expected::Count, p))
    }

    /// Parses a count of things that happen one by one (requests, bad
    /// requests): as [`Count::parse`], and whole. `1.5k` is 1,500; `1.5`
    /// and `0.5` are refused, where a factor or a level may be fractional.
    ///
    /// ```
    /// use nines_core::amount::Count;
    /// assert_eq!(Count::parse_whole("1.5k").unwrap().to_f64(), 1_500.0);
    /// let err = Count::parse_whole("1.5").unwrap_err().to_string();
    /// assert!(err.contains("not a whole number"), "{err}");
    /// ```
    pub fn parse_whole(s: &str) -> Result<Count, ParseError> {
        let count = Count::parse(s)?;
        if count.0.denom() != 1 {
            return Err(ParseError::new(
                s,
                Expected::Count,
                Problem::Invalid(
                    "it is not a whole number, and requests are counted whole (1.5k is 1,500)",
                ),
            ));
        }
        Ok(count)
    }

    /// The count `r`, when it is a terminating decimal (at most 36 decimal
    /// places) no larger than [`MAX_COUNT`]; `None` otherwise.
    ///
    /// ```
    /// use nines_core::amount::Count;
    /// use nines_core::ratio::Ratio;
    /// assert!(Count::new(Ratio::new(5, 2).unwrap()).is_some());
    /// assert!(Count::new(Ratio::new(1, 3).unwrap()).is_none());
    /// ```
    pub fn new(r: Ratio) -> Option<Count> {
        let (_, scale) = r.to_decimal()?;
        (scale <= MAX_SCALE && r <= Ratio::from_integer(u128::from(MAX_COUNT))).then_some(Count(r))
    }

    /// The count nearest to `x` as written in shortest form (`0.1` is
    /// exactly 1/10); `None` for negative, non-finite or too large values.
    ///
    /// ```
    /// use nines_core::amount::Count;
    /// assert_eq!(Count::from_f64(2_600_000.0).unwrap().to_string(), "2,600,000");
    /// assert_eq!(Count::from_f64(f64::NAN), None);
    /// ```
    pub fn from_f64(x: f64) -> Option<Count> {
        Count::new(Ratio::from_f64(x)?)
    }

    /// The exact value.
    ///
    /// ```
    /// use nines_core::amount::Count;
    /// use nines_core::ratio::Ratio;
    /// assert_eq!(Count::parse("2.5k").unwrap().value(), Ratio::from_integer(2_500));
    /// ```
    pub fn value(&self) -> Ratio {
        self.0
    }

    /// The nearest `f64`.
    ///
    /// ```
    /// use nines_core::amount::Count;
    /// assert_eq!(Count::parse("1.5").unwrap().to_f64(), 1.5);
    /// ```
    pub fn to_f64(&self) -> f64 {
        self.0.to_f64()
    }

    /// The short form for people: `2.6M`, `950`, `1.5k`; rounded to three
    /// significant digits and marked `≈` when that changed the value
    /// (`≈1.23M`). Unmarked forms parse back exactly.
    ///
    /// ```
    /// use nines_core::amount::Count;
    /// let c = |s| Count::parse(s).unwrap().format_compact();
    /// assert_eq!(c("20,000,000"), "20M");
    /// assert_eq!(c("1,234,567"), "≈1.23M");
    /// assert_eq!(c("999"), "999");
    /// assert_eq!(c("0.25"), "0.25");
    /// ```
    pub fn format_compact(&self) -> String {
        const UNITS: [(u128, &str); 4] = [
            (1_000_000_000_000, "T"),
            (1_000_000_000, "B"),
            (1_000_000, "M"),
            (1_000, "k"),
        ];
        let (unit, suffix) = UNITS
            .iter()
            .find(|(u, _)| self.0 >= Ratio::from_integer(*u))
            .map_or((1, ""), |&(u, s)| (u, s));
        let scaled = self
            .0
            .checked_div(Ratio::from_integer(unit))
            .unwrap_or(self.0);
        // Exact when it needs at most three significant digits.
        if let Some((mantissa, _)) = scaled.to_decimal() {
            let digits = mantissa.to_string().trim_end_matches('0').len();
            if digits <= 3 {
                if let Some(s) = scaled.to_decimal_string() {
                    return format!("{s}{suffix}");
                }
            }
        }
        let rounded = three_significant(scaled.to_f64());
        // Rounding 999.7k up gives "1000k"; say 1M instead.
        if rounded == "1000" && !suffix.is_empty() {
            let next = UNITS
                .iter()
                .rev()
                .skip_while(|(_, s)| *s != suffix)
                .nth(1)
                .map_or(suffix, |(_, s)| s);
            if next != suffix {
                return format!("≈1{next}");
            }
        }
        format!("≈{rounded}{suffix}")
    }
}

impl Count {
    /// Appends the `Display` form to `out`, without an intermediate string.
    pub(crate) fn push_canonical(&self, out: &mut String) {
        match self.0.to_decimal() {
            Some((m, scale)) => crate::digits::push_decimal(out, m, scale, true),
            None => out.push('0'),
        }
    }
}

impl fmt::Display for Count {
    /// The canonical exact form with thousands separators, e.g. `2,600,000`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::new();
        self.push_canonical(&mut s);
        f.write_str(&s)
    }
}

impl FromStr for Count {
    type Err = ParseError;

    /// Same as [`Count::parse`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Count::parse(s)
    }
}

// ---------------------------------------------------------------------------
// Rates
// ---------------------------------------------------------------------------

/// What a rate is "per": a fixed number of seconds (second, minute, 5m,
/// 28d, …) or a calendar period whose length depends on the convention
/// (month, quarter, year).
///
/// ```
/// use nines_core::amount::Per;
/// use nines_core::ratio::Ratio;
/// use nines_core::window::{Convention, Period};
/// assert_eq!(Per::Seconds(Ratio::from_integer(60)).seconds(Convention::SreBook), Ratio::from_integer(60));
/// assert_eq!(Per::Period(Period::Month).seconds(Convention::SreBook), Ratio::from_integer(2_592_000));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Per {
    /// A fixed length in seconds (positive).
    Seconds(Ratio),
    /// [`Period::Month`], [`Period::Quarter`] or [`Period::Year`].
    Period(Period),
}

impl Per {
    /// The length in seconds under `convention`.
    ///
    /// ```
    /// use nines_core::amount::Per;
    /// use nines_core::window::{Convention, Period};
    /// assert_eq!(Per::Period(Period::Year).seconds(Convention::Calendar365).to_f64(), 31_536_000.0);
    /// ```
    pub fn seconds(&self, convention: Convention) -> Ratio {
        match self {
            Per::Seconds(s) => *s,
            Per::Period(p) => Ratio::from_integer(u128::from(p.seconds(convention))),
        }
    }
}

impl fmt::Display for Per {
    /// `second`, `minute`, `hour`, `day`, `week`, `28d`, `90s`, `month`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secs = match self {
            Per::Period(p) => return f.write_str(&p.id()),
            Per::Seconds(s) => *s,
        };
        let named = [
            (1, "second"),
            (60, "minute"),
            (3_600, "hour"),
            (DAY, "day"),
            (604_800, "week"),
        ];
        if let Some((_, name)) = named.iter().find(|(n, _)| secs == Ratio::from_integer(*n)) {
            return f.write_str(name);
        }
        if secs.denom() == 1
            && secs.numer() % DAY == 0
            && secs.numer() / DAY <= u128::from(MAX_ROLLING_DAYS)
        {
            return write!(f, "{}d", secs.numer() / DAY);
        }
        match secs.to_decimal_string() {
            Some(d) => write!(f, "{d}s"),
            None => write!(f, "{}s", secs.to_f64()),
        }
    }
}

/// Words allowed between a count and its period: `1000 requests per second`.
const NOUNS: [&str; 22] = [
    "requests",
    "request",
    "reqs",
    "req",
    "queries",
    "query",
    "events",
    "event",
    "errors",
    "error",
    "calls",
    "call",
    "failures",
    "failure",
    "deployments",
    "deploys",
    "incidents",
    "times",
    "hits",
    "ops",
    "transactions",
    "users",
];

fn strip_noun(count: &str) -> &str {
    let t = count.trim_end();
    let lower = t.to_ascii_lowercase();
    for noun in NOUNS {
        if lower.ends_with(noun) {
            let head = &t[..t.len() - noun.len()];
            // Only a whole word: "3M requests", not "3Mrequests"-like typos
            // of suffixes.
            if head.ends_with(|c: char| c.is_whitespace()) {
                return head.trim_end();
            }
        }
    }
    t
}

fn parse_per(text: &str) -> Result<Per, Problem> {
    let t = text.trim().to_ascii_lowercase();
    let t = t.strip_prefix("a ").unwrap_or(&t).trim();
    if t.is_empty() {
        return Err(Problem::Invalid("a rate needs a period after per or /"));
    }
    if let Ok(p) = t.parse::<Period>() {
        return Ok(match p {
            Period::Month | Period::Quarter | Period::Year => Per::Period(p),
            fixed => Per::Seconds(Ratio::from_integer(u128::from(
                fixed.seconds(Convention::default()),
            ))),
        });
    }
    let seconds = parse_duration_exact(t)
        .or_else(|_| parse_duration_exact(&format!("1 {t}")))
        .map_err(|_| {
            Problem::Invalid(
                "after per or / give a period like second, minute, hour, day, week, month, \
                 year, 28d or 5m",
            )
        })?;
    if seconds.is_zero() {
        return Err(Problem::Invalid("a rate's period must be longer than zero"));
    }
    if !per_reads_back(seconds) {
        // e.g. `per 20.000000000000000000000000000000001w`: in seconds it has
        // more digits than a decimal may have, so the rate's canonical form
        // (`… per 12096000.0000000000000000000000000006048s`) would not
        // read back.
        return Err(Problem::TooManyDigits);
    }
    Ok(Per::Seconds(seconds))
}

/// Whether a period in seconds is written (`Display` of [`Per`]) as a
/// decimal that parses back.
fn per_reads_back(seconds: Ratio) -> bool {
    seconds
        .to_decimal_string()
        .is_some_and(|d| Ratio::parse_decimal(&d).is_ok())
}

/// `hourly`, `daily`, `weekly`, `monthly`, `quarterly`, `yearly` or
/// `annually` alone: once per that period.
fn once_per(t: &str) -> Option<Per> {
    let lower = t.to_ascii_lowercase();
    if !matches!(
        lower.as_str(),
        "hourly" | "daily" | "weekly" | "monthly" | "quarterly" | "yearly" | "annually"
    ) {
        return None;
    }
    parse_per(&lower).ok()
}

/// Splits `1000 rps`, `50 per minute`, `1000/s`, `10 a week` into count
/// and period.
fn split_rate(t: &str) -> Result<(&str, Per), Problem> {
    let lower = t.to_ascii_lowercase();
    if let Some(i) = lower.find(" per ") {
        return Ok((&t[..i], parse_per(&t[i + 5..])?));
    }
    if let Some(i) = t.find('/') {
        return Ok((&t[..i], parse_per(&t[i + 1..])?));
    }
    // `10 a week`, `2 an hour`: "a" and "an" mean "per".
    for word in [" a ", " an "] {
        if let Some(i) = lower.find(word) {
            return Ok((&t[..i], parse_per(&t[i + word.len()..])?));
        }
    }
    let shorthands = [
        ("rps", 1),
        ("qps", 1),
        ("tps", 1),
        ("rpm", 60),
        ("qpm", 60),
        ("rph", 3_600),
    ];
    for (suffix, secs) in shorthands {
        if lower.ends_with(suffix) {
            let count = &t[..t.len() - suffix.len()];
            return Ok((count, Per::Seconds(Ratio::from_integer(secs))));
        }
    }
    Err(Problem::Invalid(
        "a rate needs a period: write 10 per week, 10 a week, 5/s, 3M per 28d or daily",
    ))
}

/// A rate of events: an exact [`Count`] per a period ([`Per`]).
///
/// Accepted forms: `1000 rps` (also `qps`, `tps`; `rpm`, `rph`),
/// `1000/s`, `1000 req/s`, `50 per minute`, `3M per 28d`,
/// `2 per week`, `12 per year`, `5 deployments per day`, `100 per 5m`.
/// The canonical `Display` (`3,000,000 per 28d`) parses back to the same
/// rate.
///
/// ```
/// use nines_core::amount::Rate;
/// use nines_core::window::{Convention, Period};
/// let r = Rate::parse("3M per 28d").unwrap();
/// assert_eq!(r.to_string(), "3,000,000 per 28d");
/// assert_eq!(r.count_in_period(Period::Days(7), Convention::SreBook), 750_000.0);
/// assert_eq!(Rate::parse("1000 rps").unwrap(), Rate::parse("1000/s").unwrap());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rate {
    count: Count,
    per: Per,
}

impl Rate {
    /// `count` per `per`; `None` when `per` is not positive, has more
    /// digits in seconds than a decimal may have, or is not a calendar
    /// period.
    ///
    /// ```
    /// use nines_core::amount::{Count, Per, Rate};
    /// use nines_core::ratio::Ratio;
    /// let r = Rate::new(Count::parse("50").unwrap(), Per::Seconds(Ratio::from_integer(60))).unwrap();
    /// assert_eq!(r.to_string(), "50 per minute");
    /// assert!(Rate::new(Count::ZERO, Per::Seconds(Ratio::ZERO)).is_none());
    /// ```
    pub fn new(count: Count, per: Per) -> Option<Rate> {
        let ok = match per {
            Per::Seconds(s) => !s.is_zero() && per_reads_back(s),
            Per::Period(p) => matches!(p, Period::Month | Period::Quarter | Period::Year),
        };
        ok.then_some(Rate { count, per })
    }

    /// `count` per `days` whole days (a rolling window), for defaults.
    ///
    /// ```
    /// use nines_core::amount::{Count, Rate};
    /// let r = Rate::per_days(Count::parse("2.6M").unwrap(), 30);
    /// assert_eq!(r.to_string(), "2,600,000 per 30d");
    /// ```
    pub fn per_days(count: Count, days: u32) -> Rate {
        Rate {
            count,
            per: Per::Seconds(Ratio::from_integer(u128::from(days.max(1)) * DAY)),
        }
    }

    /// Parses a rate (see the type's documentation for the forms).
    ///
    /// ```
    /// use nines_core::amount::Rate;
    /// let err = Rate::parse("1000").unwrap_err().to_string();
    /// assert!(err.contains("needs a period"), "{err}");
    /// ```
    pub fn parse(s: &str) -> Result<Rate, ParseError> {
        let err = |p| ParseError::new(s, Expected::Rate, p);
        let t = s.trim();
        if t.is_empty() {
            return Err(err(Problem::Empty));
        }
        if let Some(per) = once_per(t) {
            return Ok(Rate {
                count: Count(Ratio::ONE),
                per,
            });
        }
        let (count_text, per) = split_rate(t).map_err(err)?;
        let count = count_exact(strip_noun(count_text)).map_err(err)?;
        Ok(Rate {
            count: Count(count),
            per,
        })
    }

    /// The count.
    ///
    /// ```
    /// use nines_core::amount::Rate;
    /// assert_eq!(Rate::parse("2 per week").unwrap().count().to_f64(), 2.0);
    /// ```
    pub fn count(&self) -> Count {
        self.count
    }

    /// The period.
    ///
    /// ```
    /// use nines_core::amount::{Per, Rate};
    /// use nines_core::window::Period;
    /// assert_eq!(Rate::parse("12 per year").unwrap().per(), Per::Period(Period::Year));
    /// ```
    pub fn per(&self) -> Per {
        self.per
    }

    /// Events per second under `convention`.
    ///
    /// ```
    /// use nines_core::amount::Rate;
    /// use nines_core::window::Convention;
    /// assert_eq!(Rate::parse("50 per minute").unwrap().per_second(Convention::SreBook), 50.0 / 60.0);
    /// ```
    pub fn per_second(&self, convention: Convention) -> f64 {
        self.count.to_f64() / self.per.seconds(convention).to_f64()
    }

    /// The expected number of events in `seconds` at this rate:
    /// `count × seconds / per`, exact (rounded once) when the product fits,
    /// `0` for non-finite or negative `seconds`.
    ///
    /// ```
    /// use nines_core::amount::Rate;
    /// use nines_core::window::Convention;
    /// let r = Rate::parse("1000 rps").unwrap();
    /// assert_eq!(r.count_in(0.1, Convention::SreBook), 100.0);
    /// ```
    pub fn count_in(&self, seconds: f64, convention: Convention) -> f64 {
        if !seconds.is_finite() || seconds <= 0.0 {
            return 0.0;
        }
        let per = self.per.seconds(convention);
        let exact = Ratio::from_f64(seconds)
            .and_then(|s| self.count.0.checked_mul(s))
            .and_then(|x| x.checked_div(per));
        match exact {
            Some(x) => x.to_f64(),
            None => self.count.to_f64() * seconds / per.to_f64(),
        }
    }

    /// The expected number of events in `period` under `convention`.
    ///
    /// ```
    /// use nines_core::amount::Rate;
    /// use nines_core::window::{Convention, Period};
    /// let r = Rate::parse("12 per year").unwrap();
    /// assert_eq!(r.count_in_period(Period::Month, Convention::GregorianMean), 1.0);
    /// ```
    pub fn count_in_period(&self, period: Period, convention: Convention) -> f64 {
        self.count_in(period.seconds(convention) as f64, convention)
    }

    /// The short form for people: `2.6M per 30d`, `≈1.23k per second`.
    ///
    /// ```
    /// use nines_core::amount::Rate;
    /// assert_eq!(Rate::parse("2,600,000 per 30 days").unwrap().format_compact(), "2.6M per 30d");
    /// ```
    pub fn format_compact(&self) -> String {
        format!("{} per {}", self.count.format_compact(), self.per)
    }
}

impl fmt::Display for Rate {
    /// The canonical form, e.g. `3,000,000 per 28d`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} per {}", self.count, self.per)
    }
}

impl FromStr for Rate {
    type Err = ParseError;

    /// Same as [`Rate::parse`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Rate::parse(s)
    }
}

// ---------------------------------------------------------------------------
// Money
// ---------------------------------------------------------------------------

/// Currency symbols recognised before (`$20M`) or after (`20€`) an amount.
const SYMBOLS: [char; 12] = ['$', '€', '£', '¥', '₹', '₩', '₽', '₺', '₪', '₦', '₱', '฿'];

/// An amount of money: an exact non-negative amount (a [`Count`], so the
/// same suffixes and separators apply) and the currency exactly as the
/// user marked it: a symbol (`$`, `€`, `£`, …), an upper-cased ISO
/// 4217-style three-letter code (`USD`), or nothing. No conversion between
/// currencies is attempted: the string only labels the figures.
///
/// ```
/// use nines_core::amount::Money;
/// let m = Money::parse("$20M").unwrap();
/// assert_eq!((m.currency(), m.amount_f64()), ("$", 20_000_000.0));
/// assert_eq!(m.to_string(), "$20,000,000");
/// assert_eq!(m.format_compact(), "$20M");
/// assert_eq!(Money::parse("1.2M usd").unwrap().to_string(), "1,200,000 USD");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Money {
    currency: String,
    amount: Count,
}

fn is_code(word: &str) -> bool {
    word.len() == 3
        && word.bytes().all(|b| b.is_ascii_alphabetic())
        && suffix_multiplier(word, LowerM::Million).is_err()
        // `5 nan` is not five of a currency called NAN.
        && !word.eq_ignore_ascii_case("nan")
        && !word.eq_ignore_ascii_case("inf")
}

impl Money {
    /// `amount` in `currency` (a symbol, a three-letter code, or empty).
    ///
    /// ```
    /// use nines_core::amount::{Count, Money};
    /// let m = Money::new("€", Count::parse("1.5k").unwrap());
    /// assert_eq!(m.format_compact(), "€1.5k");
    /// ```
    pub fn new(currency: &str, amount: Count) -> Money {
        Money {
            currency: currency.to_string(),
            amount,
        }
    }

    /// Parses `$20M`, `20,000,000`, `€1.5k`, `1.2M USD`, `USD 1.2M`, `20€`.
    ///
    /// ```
    /// use nines_core::amount::Money;
    /// assert_eq!(Money::parse("€1.5k").unwrap().amount_f64(), 1_500.0);
    /// let err = Money::parse("-$5").unwrap_err().to_string();
    /// assert!(err.contains("negative"), "{err}");
    /// ```
    pub fn parse(s: &str) -> Result<Money, ParseError> {
        let err = |p| ParseError::new(s, Expected::Money, p);
        let t = s.trim();
        if t.is_empty() {
            return Err(err(Problem::Empty));
        }
        if t.starts_with('-') || t.starts_with('−') {
            return Err(err(Problem::Negative));
        }
        // A leading symbol or code, then a trailing one; at most one in all.
        let mut marks: Vec<String> = Vec::new();
        let mut rest = t;
        let mut chars = rest.chars();
        if let Some(c) = chars.next().filter(|c| SYMBOLS.contains(c)) {
            marks.push(c.to_string());
            rest = chars.as_str().trim();
        } else if let Some((word, after)) = rest.split_once(' ').filter(|(w, _)| is_code(w)) {
            marks.push(word.to_ascii_uppercase());
            rest = after.trim();
        }
        if let Some(c) = rest.chars().last().filter(|c| SYMBOLS.contains(c)) {
            marks.push(c.to_string());
            rest = rest[..rest.len() - c.len_utf8()].trim();
        } else if let Some((before, word)) = rest.rsplit_once(' ').filter(|(_, w)| is_code(w)) {
            marks.push(word.to_ascii_uppercase());
            rest = before.trim();
        }
        if marks.len() > 1 {
            return Err(err(Problem::Invalid(
                "give one currency, either a symbol or a code, not both",
            )));
        }
        let currency = marks.pop().unwrap_or_default();
        let amount = number_exact(rest, LowerM::Million).map_err(err)?;
        Ok(Money {
            currency,
            amount: Count(amount),
        })
    }

    /// The currency as marked: `$`, `USD`, or empty.
    ///
    /// ```
    /// use nines_core::amount::Money;
    /// assert_eq!(Money::parse("20,000").unwrap().currency(), "");
    /// ```
    pub fn currency(&self) -> &str {
        &self.currency
    }

    /// The exact amount.
    ///
    /// ```
    /// use nines_core::amount::Money;
    /// use nines_core::ratio::Ratio;
    /// assert_eq!(Money::parse("$0.10").unwrap().amount(), Ratio::new(1, 10).unwrap());
    /// ```
    pub fn amount(&self) -> Ratio {
        self.amount.value()
    }

    /// The amount as the nearest `f64`.
    ///
    /// ```
    /// use nines_core::amount::Money;
    /// assert_eq!(Money::parse("£2.5k").unwrap().amount_f64(), 2_500.0);
    /// ```
    pub fn amount_f64(&self) -> f64 {
        self.amount.to_f64()
    }

    fn with_currency(&self, amount: &str) -> String {
        let is_symbol = self.currency.chars().count() == 1;
        match (self.currency.is_empty(), is_symbol) {
            (true, _) => amount.to_string(),
            (false, true) => match amount.strip_prefix('≈') {
                Some(a) => format!("≈{}{a}", self.currency),
                None => format!("{}{amount}", self.currency),
            },
            (false, false) => format!("{amount} {}", self.currency),
        }
    }

    /// The short form for people: `$20M`, `€1.5k`, `1.2M USD`, `≈$1.23M`.
    ///
    /// ```
    /// use nines_core::amount::Money;
    /// assert_eq!(Money::parse("$1,234,567").unwrap().format_compact(), "≈$1.23M");
    /// ```
    pub fn format_compact(&self) -> String {
        self.with_currency(&self.amount.format_compact())
    }
}

impl fmt::Display for Money {
    /// The canonical exact form: `$20,000,000`, `1,200,000 USD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.with_currency(&self.amount.to_string()))
    }
}

impl FromStr for Money {
    type Err = ParseError;

    /// Same as [`Money::parse`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Money::parse(s)
    }
}

// ---------------------------------------------------------------------------
// Currency
// ---------------------------------------------------------------------------

/// The currencies a scenario can be priced in: ISO 4217 code, the symbol
/// written before an amount (if one is unambiguous enough to use), and the
/// number of minor units (decimal places) ISO 4217 gives the currency
/// (ISO 4217 "List One", maintained by SIX: JPY, KRW, ISK, VND and CLP have
/// none; KWD, BHD, JOD, OMR and TND have three; the others two). A `$` is
/// read as the US dollar and a `¥` as the Japanese yen; other dollars and
/// the yuan are chosen by their codes (`CAD`, `CNY`).
const CURRENCIES: [(&str, Option<char>, u8); 38] = [
    ("USD", Some('$'), 2),
    ("EUR", Some('€'), 2),
    ("GBP", Some('£'), 2),
    ("JPY", Some('¥'), 0),
    ("INR", Some('₹'), 2),
    ("KRW", Some('₩'), 0),
    ("RUB", Some('₽'), 2),
    ("TRY", Some('₺'), 2),
    ("ILS", Some('₪'), 2),
    ("NGN", Some('₦'), 2),
    ("PHP", Some('₱'), 2),
    ("THB", Some('฿'), 2),
    ("CHF", None, 2),
    ("CAD", None, 2),
    ("AUD", None, 2),
    ("NZD", None, 2),
    ("CNY", None, 2),
    ("HKD", None, 2),
    ("SGD", None, 2),
    ("SEK", None, 2),
    ("NOK", None, 2),
    ("DKK", None, 2),
    ("PLN", None, 2),
    ("CZK", None, 2),
    ("HUF", None, 2),
    ("MXN", None, 2),
    ("BRL", None, 2),
    ("ZAR", None, 2),
    ("AED", None, 2),
    ("SAR", None, 2),
    ("ISK", None, 0),
    ("VND", None, 0),
    ("CLP", None, 0),
    ("KWD", None, 3),
    ("BHD", None, 3),
    ("JOD", None, 3),
    ("OMR", None, 3),
    ("TND", None, 3),
];

/// The currency a scenario's money is in: one per scenario (US dollars by
/// default). It labels the figures and sets their decimals; no amount is
/// ever converted between currencies.
///
/// Written as its symbol before the amount where it has one (`£30`,
/// `¥456`), otherwise as its ISO 4217 code after the amount, as
/// [`Money`]'s canonical form writes a code (`2,000,000 CHF`). Parsed from
/// a symbol or a code; serialised (links, saved scenarios) as the code.
///
/// ```
/// use nines_core::amount::Currency;
/// let gbp: Currency = "£".parse().unwrap();
/// assert_eq!((gbp.code(), gbp.symbol(), gbp.minor_units()), ("GBP", Some('£'), 2));
/// assert_eq!("jpy".parse::<Currency>().unwrap().minor_units(), 0);
/// assert_eq!(Currency::default().code(), "USD");
/// assert!("XYZ".parse::<Currency>().unwrap_err().contains("XYZ"));
/// // A link carries it as its code, and only when it is not the dollar.
/// use nines_core::scenario::Scenario;
/// let s = Scenario { currency: "£".parse().unwrap(), ..Scenario::default() };
/// let link = nines_core::link::encode(&s);
/// assert!(link.contains("currency=GBP"), "{link}");
/// assert_eq!(nines_core::link::decode(&link).scenario.currency, gbp);
/// assert!(!nines_core::link::encode(&Scenario::default()).contains("currency"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Currency {
    code: &'static str,
    symbol: Option<char>,
    minor_units: u8,
}

impl Default for Currency {
    /// The US dollar.
    fn default() -> Self {
        Currency::ALL[0]
    }
}

impl Currency {
    /// Every currency offered, the US dollar first.
    pub const ALL: [Currency; 38] = {
        let mut all = [Currency {
            code: "USD",
            symbol: Some('$'),
            minor_units: 2,
        }; 38];
        let mut i = 0;
        while i < 38 {
            let (code, symbol, minor_units) = CURRENCIES[i];
            all[i] = Currency {
                code,
                symbol,
                minor_units,
            };
            i += 1;
        }
        all
    };

    /// The ISO 4217 code: `USD`, `GBP`, `CHF`.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The symbol written before an amount, if the currency has one.
    pub fn symbol(&self) -> Option<char> {
        self.symbol
    }

    /// The decimal places of the minor unit (ISO 4217): 2 for the pound,
    /// 0 for the yen.
    pub fn minor_units(&self) -> u8 {
        self.minor_units
    }

    /// What a select shows: `£ GBP`, `CHF`.
    ///
    /// ```
    /// use nines_core::amount::Currency;
    /// assert_eq!(Currency::default().label(), "$ USD");
    /// assert_eq!("CHF".parse::<Currency>().unwrap().label(), "CHF");
    /// ```
    pub fn label(&self) -> String {
        match self.symbol {
            Some(c) => format!("{c} {}", self.code),
            None => self.code.to_string(),
        }
    }

    /// `amount` (digits already written, unsigned) marked with the
    /// currency and preceded by `sign`: `-£1,250`, `2,000,000 CHF`,
    /// `≈£1.2M` (a leading `≈` stays in front).
    ///
    /// ```
    /// use nines_core::amount::Currency;
    /// let c = |s: &str| s.parse::<Currency>().unwrap();
    /// assert_eq!(c("GBP").mark("-", "1,250"), "-£1,250");
    /// assert_eq!(c("CHF").mark("", "2M"), "2M CHF");
    /// ```
    pub fn mark(&self, sign: &str, amount: &str) -> String {
        let (approx, digits) = match amount.strip_prefix('≈') {
            Some(rest) => ("≈", rest),
            None => ("", amount),
        };
        match self.symbol {
            Some(c) => format!("{approx}{sign}{c}{digits}"),
            None => format!("{approx}{sign}{digits} {}", self.code),
        }
    }

    /// The currency of an amount as typed (`£20M` is in pounds), `None`
    /// when it carries none (`20M`), or a message when its mark is not a
    /// currency this calculator knows.
    ///
    /// ```
    /// use nines_core::amount::{Currency, Money};
    /// let of = |s: &str| Currency::of(&Money::parse(s).unwrap());
    /// assert_eq!(of("CHF 2M").unwrap().unwrap().code(), "CHF");
    /// assert_eq!(of("20M USD").unwrap().unwrap().symbol(), Some('$'));
    /// assert_eq!(of("20M").unwrap(), None);
    /// ```
    pub fn of(money: &Money) -> Result<Option<Currency>, String> {
        match money.currency() {
            "" => Ok(None),
            mark => mark.parse().map(Some),
        }
    }
}

impl fmt::Display for Currency {
    /// The ISO 4217 code.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code)
    }
}

impl FromStr for Currency {
    type Err = String;

    /// A symbol (`£`) or an ISO 4217 code in any case (`gbp`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let mut chars = t.chars();
        let found = match (chars.next(), chars.next()) {
            (Some(c), None) => Currency::ALL.iter().find(|x| x.symbol == Some(c)),
            _ => Currency::ALL
                .iter()
                .find(|x| x.code.eq_ignore_ascii_case(t)),
        };
        found.copied().ok_or_else(|| {
            let codes: Vec<&str> = Currency::ALL.iter().map(|c| c.code).collect();
            format!(
                "currency: \"{t}\" is not a currency this calculator knows: give a symbol \
                 ($ € £ ¥ ₹ ₩ ₽ ₺ ₪ ₦ ₱ ฿) or an ISO 4217 code ({})",
                codes.join(", ")
            )
        })
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code)
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(de::Error::custom)
    }
}

// ---------------------------------------------------------------------------
// Serde: canonical strings, as for `Availability`.
// ---------------------------------------------------------------------------

macro_rules! string_serde {
    ($ty:ty, $what:literal) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct V;
                impl Visitor<'_> for V {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($what)
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<$ty, E> {
                        v.parse().map_err(E::custom)
                    }
                    fn visit_u64<E: de::Error>(self, v: u64) -> Result<$ty, E> {
                        v.to_string().parse().map_err(E::custom)
                    }
                    fn visit_i64<E: de::Error>(self, v: i64) -> Result<$ty, E> {
                        v.to_string().parse().map_err(E::custom)
                    }
                    fn visit_f64<E: de::Error>(self, v: f64) -> Result<$ty, E> {
                        v.to_string().parse().map_err(E::custom)
                    }
                }
                deserializer.deserialize_any(V)
            }
        }
    };
}

string_serde!(Count, "a count such as \"2.6M\"");
string_serde!(Rate, "a rate such as \"3M per 28d\"");
string_serde!(Money, "an amount of money such as \"$20M\"");

#[cfg(test)]
mod tests {
    use super::*;

    /// Rates and money as people write them. Reference values
    /// worked by hand: "10 a week" is 10 per 7 × 86,400 s = 604,800 s;
    /// "daily" is 1 per 86,400 s; "monthly" is 1 per calendar month (its
    /// length set by the convention: 30 days in the SRE book's); "$20m" is
    /// 20 × 10^6 dollars; a count keeps refusing "3m" (milli or million?).
    #[test]
    fn rates_and_money_as_people_write_them() {
        let per_second = |s: &str| {
            let r = Rate::parse(s).unwrap();
            r.count().to_f64() / r.per().seconds(Convention::SreBook).to_f64()
        };
        assert_eq!(
            Rate::parse("10 a week").unwrap(),
            Rate::parse("10 per week").unwrap()
        );
        assert_eq!(per_second("10 a week"), 10.0 / 604_800.0);
        assert_eq!(per_second("2 an hour"), 2.0 / 3_600.0);
        assert_eq!(per_second("10 deployments a day"), 10.0 / 86_400.0);
        assert_eq!(per_second("daily"), 1.0 / 86_400.0);
        assert_eq!(per_second("Weekly"), 1.0 / 604_800.0);
        assert_eq!(per_second("hourly"), 1.0 / 3_600.0);
        assert_eq!(
            Rate::parse("monthly").unwrap().per(),
            Per::Period(Period::Month)
        );
        assert_eq!(per_second("monthly"), 1.0 / 2_592_000.0);
        assert_eq!(Rate::parse("daily").unwrap().to_string(), "1 per day");
        // Refused still, with what to type.
        let err = Rate::parse("10").unwrap_err().to_string();
        assert!(err.contains("10 a week") && err.contains("daily"), "{err}");
        assert!(Rate::parse("10 a fortnight").is_err());
        assert!(Rate::parse("fortnightly").is_err());
        // Money: a lower-case m is a million.
        assert_eq!(Money::parse("$20m").unwrap().amount_f64(), 20_000_000.0);
        assert_eq!(Money::parse("1.5m").unwrap().amount_f64(), 1_500_000.0);
        assert_eq!(Money::parse("€2.5m").unwrap().currency(), "€");
        assert_eq!(Money::parse("$20m").unwrap(), Money::parse("$20M").unwrap());
        // A count does not guess.
        assert!(Count::parse("3m").is_err());
    }

    fn count(s: &str) -> f64 {
        Count::parse(s).unwrap().to_f64()
    }

    #[test]
    fn counts_in_every_form() {
        assert_eq!(count("1000"), 1_000.0);
        assert_eq!(count("1,000,000"), 1e6);
        assert_eq!(count("3M"), 3e6);
        assert_eq!(count("2.5k"), 2_500.0);
        assert_eq!(count("2.5K"), 2_500.0);
        assert_eq!(count("1e6"), 1e6);
        assert_eq!(count("1.5E+3"), 1_500.0);
        assert_eq!(count("25e-1"), 2.5);
        assert_eq!(count("1.2 billion"), 1.2e9);
        assert_eq!(count("1.2bn"), 1.2e9);
        assert_eq!(count(" +7 "), 7.0);
        assert_eq!(count("1,234.5"), 1_234.5);
        assert_eq!(count("0"), 0.0);
        assert_eq!(count("1T"), 1e12);
    }

    #[test]
    fn count_errors_name_the_problem() {
        let e = |s: &str| Count::parse(s).unwrap_err();
        assert_eq!(e("").problem(), &Problem::Empty);
        assert_eq!(e("-5").problem(), &Problem::Negative);
        assert_eq!(e("NaN").problem(), &Problem::NotANumber);
        assert_eq!(e("abc").problem(), &Problem::Unrecognised);
        assert_eq!(
            e("3 parsecs").problem(),
            &Problem::UnknownUnit("parsecs".into())
        );
        assert!(matches!(e("3m").problem(), Problem::Invalid(_)));
        assert!(matches!(e("1,5").problem(), Problem::Invalid(_)));
        assert!(matches!(e("1,0000").problem(), Problem::Invalid(_)));
        assert_eq!(e("2000T").problem(), &TOO_LARGE);
        assert_eq!(e("1e99").problem(), &Problem::TooLarge("an exponent of 38"));
        assert_eq!(e("1.2.3").problem(), &Problem::Unrecognised);
        let msg = e("3m").to_string();
        assert!(
            msg.starts_with("\"3m\" is not a count: a lower-case m"),
            "{msg}"
        );
        assert!(msg.contains("suffixes k, M, B, T"), "{msg}");
    }

    #[test]
    fn count_formatting() {
        let c = |s: &str| Count::parse(s).unwrap();
        assert_eq!(c("2600000").to_string(), "2,600,000");
        assert_eq!(c("1234.5").to_string(), "1,234.5");
        assert_eq!(c("100").to_string(), "100");
        assert_eq!(c("0.001").to_string(), "0.001");
        assert_eq!(c("999999").format_compact(), "≈1M");
        assert_eq!(c("1500").format_compact(), "1.5k");
        assert_eq!(c("12.345").format_compact(), "≈12.3");
        assert_eq!(c("1T").format_compact(), "1T");
        assert_eq!(c("2.5e14").format_compact(), "250T");
    }

    #[test]
    fn rates_in_every_form() {
        let r = |s: &str| Rate::parse(s).unwrap();
        let sre = Convention::SreBook;
        assert_eq!(r("1000 rps").per_second(sre), 1_000.0);
        assert_eq!(r("1000/s"), r("1000 rps"));
        assert_eq!(r("1000 req/s"), r("1000 per second"));
        assert_eq!(r("1000 requests per second"), r("1000 qps"));
        assert_eq!(r("50 per minute"), r("50/min"));
        assert_eq!(r("50 rpm"), r("50 per m"));
        assert_eq!(r("3M per 28d").count_in_period(Period::Days(28), sre), 3e6);
        assert_eq!(r("3M per 28 days"), r("3M per 28d"));
        assert_eq!(r("2 per week").per_second(sre), 2.0 / 604_800.0);
        assert_eq!(r("12 per year").per(), Per::Period(Period::Year));
        assert_eq!(r("100 per 5m").per_second(sre), 100.0 / 300.0);
        assert_eq!(r("5 deployments per day").count().to_f64(), 5.0);
        assert_eq!(
            r("1 per month").count_in_period(Period::Month, Convention::GregorianMean),
            1.0
        );
        assert_eq!(r("10 per hour").to_string(), "10 per hour");
        assert_eq!(r("1 per 90s").to_string(), "1 per 90s");
        assert_eq!(r("1 per 0.5s").to_string(), "1 per 0.5s");
    }

    #[test]
    fn rate_errors() {
        let e = |s: &str| Rate::parse(s).unwrap_err();
        assert_eq!(e("").problem(), &Problem::Empty);
        assert!(matches!(e("1000").problem(), Problem::Invalid(_)));
        assert!(matches!(
            e("1000 per fortnight").problem(),
            Problem::Invalid(_)
        ));
        assert!(matches!(e("1000 per 0s").problem(), Problem::Invalid(_)));
        assert_eq!(e("-5/s").problem(), &Problem::Negative);
        assert!(
            e("x per s")
                .to_string()
                .starts_with("\"x per s\" is not a rate")
        );
    }

    #[test]
    fn money_in_every_form() {
        let m = |s: &str| Money::parse(s).unwrap();
        assert_eq!(m("$20M").amount_f64(), 2e7);
        assert_eq!(m("20,000,000").currency(), "");
        assert_eq!(m("€1.5k").currency(), "€");
        assert_eq!(m("1.2M USD").currency(), "USD");
        assert_eq!(m("USD 1.2M"), m("1.2M USD"));
        assert_eq!(m("20€").to_string(), "€20");
        assert_eq!(m("£0.5").to_string(), "£0.5");
        assert_eq!(m("$ 3B").format_compact(), "$3B");
        assert!(matches!(
            Money::parse("$5 USD").unwrap_err().problem(),
            Problem::Invalid(_)
        ));
        assert_eq!(Money::parse("$").unwrap_err().problem(), &Problem::Empty);
    }

    /// A currency from a symbol or a code, one rule for `$`
    /// and `¥` (the US dollar and the yen), minor units from ISO 4217
    /// (List One: GBP 2, JPY 0, KRW 0, KWD 3), saved as the code, and an
    /// unknown mark refused with what is allowed.
    #[test]
    fn currencies() {
        let c = |s: &str| s.parse::<Currency>().unwrap();
        assert_eq!(c("£"), c("GBP"));
        assert_eq!(c("gbp"), c(" GBP "));
        assert_eq!(c("$").code(), "USD");
        assert_eq!(c("¥").code(), "JPY");
        assert_eq!(c("£").minor_units(), 2);
        assert_eq!(c("¥").minor_units(), 0);
        assert_eq!(c("₩").minor_units(), 0);
        assert_eq!(c("KWD").minor_units(), 3);
        assert_eq!(c("CHF").symbol(), None);
        let m = |s: &str| Currency::of(&Money::parse(s).unwrap()).unwrap();
        assert_eq!(m("£20M"), Some(c("GBP")));
        assert_eq!(m("€1.5M"), Some(c("EUR")));
        assert_eq!(m("¥300M"), Some(c("JPY")));
        assert_eq!(m("CHF 2M"), Some(c("CHF")));
        assert_eq!(m("20M USD"), Some(c("USD")));
        assert_eq!(m("20M"), None);
        let err = Currency::of(&Money::parse("20M XYZ").unwrap()).unwrap_err();
        assert!(err.starts_with("currency: \"XYZ\""), "{err}");
        assert!(err.contains("GBP") && err.contains('£'), "{err}");
        assert!("pounds".parse::<Currency>().is_err());
        assert_eq!(serde_json::to_string(&c("£")).unwrap(), "\"GBP\"");
        assert_eq!(serde_json::from_str::<Currency>("\"£\"").unwrap(), c("GBP"));
        assert!(serde_json::from_str::<Currency>("\"XYZ\"").is_err());
        assert_eq!(Currency::ALL.len(), CURRENCIES.len());
        assert_eq!(Currency::default(), c("USD"));
    }

    #[test]
    fn serde_as_strings() {
        let r = Rate::parse("3M per 28d").unwrap();
        assert_eq!(serde_json::to_string(&r).unwrap(), "\"3,000,000 per 28d\"");
        let back: Rate = serde_json::from_str("\"3M per 28d\"").unwrap();
        assert_eq!(back, r);
        let c: Count = serde_json::from_str("2600000").unwrap();
        assert_eq!(c.to_f64(), 2.6e6);
        let m: Money = serde_json::from_str("\"$20M\"").unwrap();
        assert_eq!(serde_json::to_string(&m).unwrap(), "\"$20,000,000\"");
        assert!(serde_json::from_str::<Count>("\"-1\"").is_err());
    }
}
