//! Windows and conventions as values: how long a month is depends on whom you
//! ask, so every figure carries the [`Convention`] it was computed under.
//!
//! | window  | [`Convention::SreBook`] | [`Convention::GregorianMean`] (default) | [`Convention::Calendar365`] |
//! |---------|------------|---------------------------|------------|
//! | month   | 30 d       | 365.2425/12 = 30.436875 d | 365/12 d   |
//! | quarter | 90 d       | 365.2425/4 d              | 365/4 d    |
//! | year    | 365 d      | 365.2425 d                | 365 d      |
//!
//! Sources: docs/DOMAIN.md §1.4; the SRE book, Appendix A "Availability table"
//! (30-day month, 90-day quarter, 365-day year); uptime.is (Gregorian mean
//! year of 365.2425 days). Every length is a whole number of seconds, so
//! downtime products stay exact.
//!
//! Also here, a file each: [`ServiceHours`] (downtime counts only inside a
//! weekly schedule; `service_hours.rs`) and [`PlannedMaintenance`] (excluded
//! from the SLO or counted against it; `maintenance.rs`).

mod maintenance;
mod service_hours;

pub use maintenance::*;
pub use service_hours::*;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::choice::Choice;
use crate::parse_error::{Expected, ParseError, Problem};
use crate::ratio::Ratio;
use crate::target::{SECONDS_PER_DAY as DAY, SECONDS_PER_GREGORIAN_YEAR};

// ---------------------------------------------------------------------------
// Convention
// ---------------------------------------------------------------------------

/// How long months, quarters and years are.
///
/// ```
/// use nines_core::window::{Convention, Period};
/// assert_eq!(Convention::default(), Convention::GregorianMean);
/// assert_eq!(Period::Month.seconds(Convention::GregorianMean), 2_629_746);
/// assert_eq!(Period::Month.seconds(Convention::SreBook), 2_592_000);
/// assert_eq!("365d".parse::<Convention>().unwrap(), Convention::Calendar365);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Convention {
    /// Year = 365.2425 days (the mean Gregorian year), quarter = year/4,
    /// month = year/12, week = 7 days. The default: used by uptime.is and
    /// the most accurate long-run average.
    #[default]
    #[serde(rename = "gregorian")]
    GregorianMean,
    /// 30-day month, 90-day quarter, 365-day year: the SRE book's Appendix A
    /// "Availability table" and the SRE Workbook's 30-day SLO window.
    #[serde(rename = "sre-book")]
    SreBook,
    /// 365-day year, month = 365/12 days, quarter = 365/4 days: the common
    /// "8.76 hours a year, 43.8 minutes a month" tables.
    #[serde(rename = "365d")]
    Calendar365,
}

impl Convention {
    /// The stable identifier used in URLs, JSON and the CLI.
    ///
    /// ```
    /// use nines_core::window::Convention;
    /// assert_eq!(Convention::SreBook.id(), "sre-book");
    /// ```
    pub fn id(&self) -> &'static str {
        match self {
            Convention::GregorianMean => "gregorian",
            Convention::SreBook => "sre-book",
            Convention::Calendar365 => "365d",
        }
    }

    /// A human label that states the lengths in force.
    ///
    /// ```
    /// use nines_core::window::Convention;
    /// assert_eq!(
    ///     Convention::GregorianMean.label(),
    ///     "Gregorian mean (year 365.2425 days, month 30.436875 days)"
    /// );
    /// ```
    pub fn label(&self) -> &'static str {
        match self {
            Convention::GregorianMean => {
                "Gregorian mean (year 365.2425 days, month 30.436875 days)"
            }
            Convention::SreBook => "SRE book (year 365 days, quarter 90 days, month 30 days)",
            Convention::Calendar365 => "365-day year (month 30.416667 days, quarter 91.25 days)",
        }
    }

    /// Seconds in a year under this convention.
    ///
    /// ```
    /// use nines_core::window::Convention;
    /// assert_eq!(Convention::GregorianMean.year_seconds(), 31_556_952);
    /// ```
    pub fn year_seconds(&self) -> u64 {
        match self {
            Convention::GregorianMean => SECONDS_PER_GREGORIAN_YEAR,
            Convention::SreBook | Convention::Calendar365 => 365 * DAY,
        }
    }

    /// Seconds in a quarter under this convention.
    ///
    /// ```
    /// use nines_core::window::Convention;
    /// assert_eq!(Convention::SreBook.quarter_seconds(), 7_776_000);
    /// ```
    pub fn quarter_seconds(&self) -> u64 {
        match self {
            Convention::SreBook => 90 * DAY,
            // year / 4: 7 889 238 s (Gregorian), 7 884 000 s (365 d).
            _ => self.year_seconds() / 4,
        }
    }

    /// Seconds in a month under this convention.
    ///
    /// ```
    /// use nines_core::window::Convention;
    /// assert_eq!(Convention::Calendar365.month_seconds(), 2_628_000);
    /// ```
    pub fn month_seconds(&self) -> u64 {
        match self {
            Convention::SreBook => 30 * DAY,
            // year / 12: 2 629 746 s (Gregorian), 2 628 000 s (365 d).
            _ => self.year_seconds() / 12,
        }
    }
}

impl fmt::Display for Convention {
    /// The [`Convention::id`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl Choice for Convention {
    /// Every convention, default first.
    const OPTIONS: &'static [Self] = &[
        Convention::GregorianMean,
        Convention::SreBook,
        Convention::Calendar365,
    ];

    fn choice_id(self) -> &'static str {
        self.id()
    }

    fn choice_label(self) -> &'static str {
        self.label()
    }
}

impl FromStr for Convention {
    type Err = ParseError;

    /// Reads an id (`gregorian`, `sre-book`, `365d`) and a few spellings of
    /// them (`sre`, `google`, `365`, `calendar365`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim().to_ascii_lowercase();
        match t.as_str() {
            "gregorian" | "gregorian-mean" | "mean" | "uptime.is" => Ok(Convention::GregorianMean),
            "sre-book" | "sre" | "srebook" | "sre book" | "google" => Ok(Convention::SreBook),
            "365d" | "365" | "calendar365" | "365-day" => Ok(Convention::Calendar365),
            "" => Err(ParseError::new(s, Expected::Convention, Problem::Empty)),
            _ => Err(ParseError::new(
                s,
                Expected::Convention,
                Problem::Unrecognised,
            )),
        }
    }
}

// ---------------------------------------------------------------------------
// Period
// ---------------------------------------------------------------------------

/// The longest rolling window accepted, in days (a century).
///
/// ```
/// assert_eq!(nines_core::window::MAX_ROLLING_DAYS, 36_525);
/// ```
pub const MAX_ROLLING_DAYS: u32 = 36_525;

/// The rolling windows most SLO tools offer: 7, 28 (Sloth, Pyrra), 30 (SRE
/// Workbook) and 90 days.
///
/// ```
/// use nines_core::window::{Period, ROLLING_DAYS};
/// let windows: Vec<Period> = ROLLING_DAYS.iter().map(|&d| Period::Days(d)).collect();
/// assert_eq!(windows[1].to_string(), "28d");
/// ```
pub const ROLLING_DAYS: [u32; 4] = [7, 28, 30, 90];

/// A window over which an availability is measured: a calendar-like period
/// whose length depends on the [`Convention`], or a rolling N-day window.
///
/// Serializes as its id (`"month"`, `"28d"`).
///
/// ```
/// use nines_core::window::{Convention, Period};
/// let p: Period = "28d".parse().unwrap();
/// assert_eq!(p, Period::Days(28));
/// assert_eq!(p.seconds(Convention::SreBook), 2_419_200);
/// assert_eq!(Period::Quarter.seconds(Convention::GregorianMean), 7_889_238);
/// assert_eq!(Period::Year.label(), "per year");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    /// 3 600 s.
    Hour,
    /// 86 400 s.
    Day,
    /// 7 days.
    Week,
    /// [`Convention::month_seconds`].
    Month,
    /// [`Convention::quarter_seconds`].
    Quarter,
    /// [`Convention::year_seconds`].
    Year,
    /// A rolling window of whole days (1 to [`MAX_ROLLING_DAYS`] when
    /// parsed), the same under every convention.
    Days(u32),
}

impl Period {
    /// The rows of a downtime table: day, week, month, quarter, year.
    ///
    /// ```
    /// use nines_core::window::Period;
    /// assert_eq!(Period::STANDARD[2], Period::Month);
    /// ```
    pub const STANDARD: [Period; 5] = [
        Period::Day,
        Period::Week,
        Period::Month,
        Period::Quarter,
        Period::Year,
    ];

    /// A rolling window of `days` days, checked.
    ///
    /// ```
    /// use nines_core::window::Period;
    /// assert_eq!(Period::rolling(28).unwrap(), Period::Days(28));
    /// assert!(Period::rolling(0).is_err());
    /// ```
    pub fn rolling(days: u32) -> Result<Period, ParseError> {
        if days == 0 {
            return Err(ParseError::new(
                "0d",
                Expected::Period,
                Problem::Invalid("a window must be at least one day"),
            ));
        }
        if days > MAX_ROLLING_DAYS {
            return Err(ParseError::new(
                &format!("{days}d"),
                Expected::Period,
                Problem::TooLarge("36525 days"),
            ));
        }
        Ok(Period::Days(days))
    }

    /// Exact length in seconds under `convention`.
    ///
    /// ```
    /// use nines_core::window::{Convention, Period};
    /// assert_eq!(Period::Year.seconds(Convention::Calendar365), 31_536_000);
    /// ```
    pub fn seconds(&self, convention: Convention) -> u64 {
        match self {
            Period::Hour => 3_600,
            Period::Day => DAY,
            Period::Week => 7 * DAY,
            Period::Month => convention.month_seconds(),
            Period::Quarter => convention.quarter_seconds(),
            Period::Year => convention.year_seconds(),
            Period::Days(n) => u64::from(*n) * DAY,
        }
    }

    /// The stable id: `hour`, `day`, `week`, `month`, `quarter`, `year`,
    /// or `Nd`.
    ///
    /// ```
    /// use nines_core::window::Period;
    /// assert_eq!(Period::Days(30).id(), "30d");
    /// ```
    pub fn id(&self) -> String {
        let mut s = String::with_capacity(8);
        match self {
            Period::Days(n) => {
                crate::digits::push_u64(&mut s, u64::from(*n));
                s.push('d');
            }
            other => other.push_name(&mut s),
        }
        s
    }

    /// The noun: `month`, `28 days`.
    ///
    /// ```
    /// use nines_core::window::Period;
    /// assert_eq!(Period::Days(1).name(), "1 day");
    /// ```
    pub fn name(&self) -> String {
        let mut s = String::with_capacity(12);
        self.push_name(&mut s);
        s
    }

    /// [`Period::name`], appended to `out`.
    fn push_name(&self, out: &mut String) {
        match self {
            Period::Hour => out.push_str("hour"),
            Period::Day => out.push_str("day"),
            Period::Week => out.push_str("week"),
            Period::Month => out.push_str("month"),
            Period::Quarter => out.push_str("quarter"),
            Period::Year => out.push_str("year"),
            Period::Days(1) => out.push_str("1 day"),
            Period::Days(n) => {
                crate::digits::push_u64(out, u64::from(*n));
                out.push_str(" days");
            }
        }
    }

    /// The label of a table row: `per month`, `per 28 days`.
    ///
    /// ```
    /// use nines_core::window::Period;
    /// assert_eq!(Period::Days(28).label(), "per 28 days");
    /// ```
    pub fn label(&self) -> String {
        let mut s = String::with_capacity(16);
        s.push_str("per ");
        self.push_name(&mut s);
        s
    }

    /// The period with its length under `convention`, for footnotes:
    /// `month (30.436875 days, gregorian)`.
    ///
    /// ```
    /// use nines_core::window::{Convention, Period};
    /// assert_eq!(Period::Month.describe(Convention::GregorianMean), "month (30.436875 days, gregorian)");
    /// assert_eq!(Period::Days(28).describe(Convention::SreBook), "28 days");
    /// ```
    pub fn describe(&self, convention: Convention) -> String {
        match self {
            Period::Month | Period::Quarter | Period::Year => {
                let mut s = String::with_capacity(40);
                self.push_name(&mut s);
                s.push_str(" (");
                if let Some(r) = Ratio::new(u128::from(self.seconds(convention)), u128::from(DAY)) {
                    match r.to_decimal() {
                        Some((m, scale)) => crate::digits::push_decimal(&mut s, m, scale, false),
                        // e.g. 365/12 days: six decimals, as in the labels.
                        None => crate::digits::push_fixed(&mut s, r.to_f64(), 6),
                    }
                }
                s.push_str(" days, ");
                s.push_str(convention.id());
                s.push(')');
                s
            }
            other => other.name(),
        }
    }
}

impl fmt::Display for Period {
    /// The [`Period::id`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.id())
    }
}

impl FromStr for Period {
    type Err = ParseError;

    /// Reads `hour`, `day`, `week`, `month`, `quarter`, `year` (also
    /// `daily`, `monthly`, … and a leading `per`), or a rolling window `28d`,
    /// `28 days`, `28-day`, `rolling 28d`, or in weeks, `4w`, `2 weeks`
    /// (seven days each, as Prometheus durations count them).
    ///
    /// ```
    /// use nines_core::window::Period;
    /// assert_eq!("4w".parse::<Period>().unwrap(), Period::Days(28));
    /// assert_eq!("2 weeks".parse::<Period>().unwrap(), Period::Days(14));
    /// assert_eq!("w".parse::<Period>().unwrap(), Period::Week);
    /// assert!("9999999999w".parse::<Period>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = |p| ParseError::new(s, Expected::Period, p);
        let lower = s.trim().to_ascii_lowercase();
        if lower.is_empty() {
            return Err(err(Problem::Empty));
        }
        let t = lower.strip_prefix("per ").unwrap_or(&lower).trim();
        let t = t.strip_prefix("rolling ").unwrap_or(t).trim();
        let named = match t {
            "hour" | "hourly" | "h" => Some(Period::Hour),
            "day" | "daily" => Some(Period::Day),
            "week" | "weekly" | "w" => Some(Period::Week),
            "month" | "monthly" | "mo" => Some(Period::Month),
            "quarter" | "quarterly" | "q" => Some(Period::Quarter),
            "year" | "yearly" | "annual" | "annually" | "y" => Some(Period::Year),
            _ => None,
        };
        if let Some(p) = named {
            return Ok(p);
        }
        let digits_end = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
        let (digits, unit) = t.split_at(digits_end);
        let unit = unit.trim().trim_start_matches('-');
        // Weeks as Prometheus writes them (Pyrra's `2w`, `4w`): 7 days each.
        let days_per = match unit {
            "d" | "day" | "days" => 1,
            "w" | "week" | "weeks" => 7,
            _ => return Err(err(Problem::Unrecognised)),
        };
        if digits.is_empty() {
            return Err(err(Problem::Unrecognised));
        }
        let days = digits
            .parse::<u32>()
            .ok()
            .and_then(|n| n.checked_mul(days_per))
            .ok_or_else(|| err(Problem::TooLarge("36525 days")))?;
        Period::rolling(days).map_err(|e| err(e.problem().clone()))
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn convention_lengths() {
        use Convention::*;
        // docs/DOMAIN.md §1.4 table.
        assert_eq!(GregorianMean.month_seconds(), 2_629_746);
        assert_eq!(GregorianMean.quarter_seconds(), 7_889_238);
        assert_eq!(GregorianMean.year_seconds(), 31_556_952);
        assert_eq!(GregorianMean.year_seconds() % 12, 0);
        assert_eq!(SreBook.month_seconds(), 2_592_000);
        assert_eq!(SreBook.quarter_seconds(), 7_776_000);
        assert_eq!(SreBook.year_seconds(), 31_536_000);
        assert_eq!(Calendar365.month_seconds(), 2_628_000);
        assert_eq!(Calendar365.quarter_seconds(), 7_884_000);
        for &c in Convention::OPTIONS {
            assert_eq!(c.id().parse::<Convention>().unwrap(), c);
            assert_eq!(Period::Week.seconds(c), 604_800);
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.id()));
        }
        assert!("julian".parse::<Convention>().is_err());
    }

    #[test]
    fn periods_parse_and_print() {
        for (s, p) in [
            ("month", Period::Month),
            ("Monthly", Period::Month),
            ("per year", Period::Year),
            ("28d", Period::Days(28)),
            ("30 days", Period::Days(30)),
            ("7-day", Period::Days(7)),
            ("rolling 90d", Period::Days(90)),
            ("hour", Period::Hour),
        ] {
            assert_eq!(s.parse::<Period>().unwrap(), p, "{s}");
            assert_eq!(p.id().parse::<Period>().unwrap(), p);
        }
        for bad in ["", "0d", "fortnight", "99999999999d", "40000d", "d", "-3d"] {
            assert!(bad.parse::<Period>().is_err(), "{bad}");
        }
        assert_eq!(
            Period::Days(28).seconds(Convention::GregorianMean),
            2_419_200
        );
        assert_eq!(serde_json::to_string(&Period::Days(28)).unwrap(), "\"28d\"");
        let p: Period = serde_json::from_str("\"quarter\"").unwrap();
        assert_eq!(p, Period::Quarter);
        assert_eq!(
            Period::Year.describe(Convention::Calendar365),
            "year (365 days, 365d)"
        );
        assert_eq!(
            Period::Month.describe(Convention::Calendar365),
            "month (30.416667 days, 365d)"
        );
    }
}
