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
//! Also here: [`ServiceHours`] (downtime counts only inside a weekly
//! schedule) and [`PlannedMaintenance`] (excluded from the SLO or counted
//! against it).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::choice::Choice;
use crate::duration::format_seconds_plain;
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

// ---------------------------------------------------------------------------
// Service hours
// ---------------------------------------------------------------------------

const MINUTES_PER_DAY: u16 = 1_440;
const MINUTES_PER_WEEK: u32 = 7 * 1_440;
const DAY_NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// The most separate ranges a week a schedule holds: four ranges on every
/// day fit with room to spare, and the bound keeps [`ServiceHours`] a small
/// `Copy` value (more are refused when read).
///
/// ```
/// assert_eq!(nines_core::window::MAX_RANGES, 48);
/// ```
pub const MAX_RANGES: usize = 48;

/// A range of hours inside one calendar day, in minutes since midnight,
/// `start < end <= 1440`. A schedule's range across midnight is two of
/// them, one each side of it (see [`ServiceHours::day_ranges`]).
///
/// ```
/// use nines_core::window::DayHours;
/// let h = DayHours::new(8 * 60, 20 * 60).unwrap();
/// assert_eq!(h.minutes(), 720);
/// assert!(DayHours::new(600, 600).is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DayHours {
    start: u16,
    end: u16,
}

impl DayHours {
    /// Midnight to midnight.
    ///
    /// ```
    /// use nines_core::window::DayHours;
    /// assert_eq!(DayHours::ALL_DAY.minutes(), 1440);
    /// ```
    pub const ALL_DAY: DayHours = DayHours {
        start: 0,
        end: MINUTES_PER_DAY,
    };

    /// Hours from `start` to `end` minutes after midnight, the same day.
    ///
    /// ```
    /// use nines_core::window::DayHours;
    /// assert!(DayHours::new(0, 1441).is_err());
    /// ```
    pub fn new(start: u16, end: u16) -> Result<DayHours, ParseError> {
        if end > MINUTES_PER_DAY || start >= end {
            return Err(ParseError::new(
                &format!("{}-{}", hhmm(start), hhmm(end)),
                Expected::ServiceHours,
                Problem::Invalid("a day's hours must end after they start, by 24:00 at the latest"),
            ));
        }
        Ok(DayHours { start, end })
    }

    /// Opening time, minutes after midnight.
    ///
    /// ```
    /// use nines_core::window::DayHours;
    /// assert_eq!(DayHours::new(480, 1200).unwrap().start_minute(), 480);
    /// ```
    pub fn start_minute(&self) -> u16 {
        self.start
    }

    /// Closing time, minutes after midnight (1440 is midnight at the end).
    ///
    /// ```
    /// use nines_core::window::DayHours;
    /// assert_eq!(DayHours::new(480, 1200).unwrap().end_minute(), 1200);
    /// ```
    pub fn end_minute(&self) -> u16 {
        self.end
    }

    /// Minutes in service.
    ///
    /// ```
    /// use nines_core::window::DayHours;
    /// assert_eq!(DayHours::new(540, 1020).unwrap().minutes(), 480);
    /// ```
    pub fn minutes(&self) -> u16 {
        self.end - self.start
    }
}

impl fmt::Display for DayHours {
    /// `08:00-20:00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", hhmm(self.start), hhmm(self.end))
    }
}

fn hhmm(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// When the service is meant to be up, as a week of ranges of hours.
/// Downtime counts only inside them.
///
/// A day may hold several ranges (`Mon-Fri 09:00-12:00,13:00-17:00`), and a
/// range may cross midnight: `Mon-Fri 22:00-06:00` starts each listed day
/// at 22:00 and ends the next morning at 06:00, so Friday's night runs into
/// Saturday and Monday 00:00–06:00 is not service time (Sunday is not
/// listed). Stored as minute-of-week ranges, Monday 00:00 = 0, with a range
/// over Sunday midnight cut in two at the week's end; two schedules that
/// cover the same minutes are equal, however they were written.
///
/// Lengths of periods in service are the weekly fraction times the period
/// (a mean, since months do not hold whole weeks). Periods shorter than a
/// week are only defined when every calendar day (midnight to midnight)
/// holds as much service time: otherwise "per day is not defined", and the
/// API says so with `None` instead of printing a number.
///
/// Serializes as its string form (`"24/7"`, `"Mon-Fri 08:00-20:00"`).
///
/// ```
/// use nines_core::window::{Convention, Period, ServiceHours};
/// let office: ServiceHours = "Mon-Fri 08:00-20:00".parse().unwrap();
/// assert_eq!(office.weekly_minutes(), 5 * 12 * 60);
/// let week = office.in_service_seconds(Period::Week, Convention::GregorianMean).unwrap();
/// assert_eq!(week.to_f64(), 216_000.0);
/// assert_eq!(office.in_service_seconds(Period::Day, Convention::GregorianMean), None);
/// assert_eq!(office.to_string(), "Mon-Fri 08:00-20:00");
/// // Night shifts, 5 × 8 h; a split day, 5 × (3 h + 4 h).
/// let nights: ServiceHours = "Mon-Fri 22:00-06:00".parse().unwrap();
/// assert_eq!(nights.weekly_minutes(), 40 * 60);
/// let split: ServiceHours = "Mon-Fri 09:00-12:00,13:00-17:00".parse().unwrap();
/// assert_eq!(split.weekly_minutes(), 35 * 60);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ServiceHours {
    /// Minute-of-week ranges `[start, end)`, sorted, neither overlapping
    /// nor touching, `end <= 10 080`. Only the first `len` are used; the
    /// rest stay `(0, 0)` so that equal schedules compare equal.
    ranges: [(u16, u16); MAX_RANGES],
    len: u8,
}

impl Default for ServiceHours {
    /// [`ServiceHours::always`].
    fn default() -> Self {
        ServiceHours::always()
    }
}

impl fmt::Debug for ServiceHours {
    /// As it is written: `ServiceHours("Mon-Fri 09:00-17:00")`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ServiceHours({:?})", self.to_string())
    }
}

impl ServiceHours {
    /// 24/7: every figure is the plain calendar figure.
    ///
    /// ```
    /// use nines_core::window::ServiceHours;
    /// assert!(ServiceHours::always().is_always());
    /// ```
    pub const fn always() -> ServiceHours {
        let mut ranges = [(0, 0); MAX_RANGES];
        ranges[0] = (0, MINUTES_PER_WEEK as u16);
        ServiceHours { ranges, len: 1 }
    }

    /// Never in service.
    ///
    /// ```
    /// use nines_core::window::ServiceHours;
    /// assert_eq!(ServiceHours::closed().weekly_minutes(), 0);
    /// assert_eq!(ServiceHours::closed().to_string(), "closed");
    /// ```
    pub const fn closed() -> ServiceHours {
        ServiceHours {
            ranges: [(0, 0); MAX_RANGES],
            len: 0,
        }
    }

    /// A schedule from seven days, Monday first (`None` = closed), each
    /// day's hours inside that day.
    ///
    /// ```
    /// use nines_core::window::{DayHours, ServiceHours};
    /// let h = DayHours::new(540, 1020).unwrap();
    /// let s = ServiceHours::new([Some(h), Some(h), Some(h), Some(h), Some(h), None, None]);
    /// assert_eq!(s.to_string(), "Mon-Fri 09:00-17:00");
    /// ```
    pub fn new(days: [Option<DayHours>; 7]) -> ServiceHours {
        let pieces = days
            .iter()
            .zip(0u32..)
            .filter_map(|(h, d)| {
                h.map(|h| {
                    let midnight = d * u32::from(MINUTES_PER_DAY);
                    (midnight + u32::from(h.start), midnight + u32::from(h.end))
                })
            })
            .collect();
        // Seven ranges at most, well under the bound.
        ServiceHours::from_disjoint(pieces).unwrap_or(ServiceHours::closed())
    }

    /// The schedule covering `pieces` (minute-of-week ranges inside the
    /// week, not overlapping): sorted, with touching ranges joined; `None`
    /// when more than [`MAX_RANGES`] are left.
    fn from_disjoint(mut pieces: Vec<(u32, u32)>) -> Option<ServiceHours> {
        pieces.retain(|(s, e)| s < e);
        sort_pairs(&mut pieces);
        let mut out = ServiceHours::closed();
        for (s, e) in pieces {
            let (s, e) = (
                s.min(MINUTES_PER_WEEK) as u16,
                e.min(MINUTES_PER_WEEK) as u16,
            );
            let n = usize::from(out.len);
            match out.ranges[..n].last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ if n == MAX_RANGES => return None,
                _ => {
                    out.ranges[n] = (s, e);
                    out.len += 1;
                }
            }
        }
        Some(out)
    }

    /// The ranges in service, minutes since Monday 00:00 (`[start, end)`,
    /// sorted; a range over Sunday midnight is the last one and the first).
    ///
    /// ```
    /// use nines_core::window::ServiceHours;
    /// let s: ServiceHours = "Sun 22:00-06:00".parse().unwrap();
    /// // Sunday 22:00 is minute 6 × 1440 + 1320 = 9960; Monday 06:00 is 360.
    /// assert_eq!(s.week_ranges(), &[(0, 360), (9_960, 10_080)]);
    /// ```
    pub fn week_ranges(&self) -> &[(u16, u16)] {
        &self.ranges[..usize::from(self.len)]
    }

    /// The service hours of calendar day `index` (0 = Monday … 6 =
    /// Sunday), midnight to midnight, in order: a night shift shows as its
    /// evening on one day and its morning on the next. Nothing when closed
    /// or out of range.
    ///
    /// ```
    /// use nines_core::window::{DayHours, ServiceHours};
    /// let s: ServiceHours = "Mon 22:00-06:00".parse().unwrap();
    /// let mon: Vec<DayHours> = s.day_ranges(0).collect();
    /// let tue: Vec<DayHours> = s.day_ranges(1).collect();
    /// assert_eq!(mon, [DayHours::new(22 * 60, 24 * 60).unwrap()]);
    /// assert_eq!(tue, [DayHours::new(0, 6 * 60).unwrap()]);
    /// assert_eq!(s.day_ranges(7).count(), 0);
    /// ```
    pub fn day_ranges(&self, index: usize) -> impl Iterator<Item = DayHours> + '_ {
        let day = if index < 7 { index as u16 } else { 7 };
        let midnight = day * MINUTES_PER_DAY;
        let next = midnight + MINUTES_PER_DAY;
        self.week_ranges().iter().filter_map(move |&(s, e)| {
            let (s, e) = (s.max(midnight), e.min(next));
            (s < e).then(|| DayHours {
                start: s - midnight,
                end: e - midnight,
            })
        })
    }

    /// Whether the service runs around the clock.
    ///
    /// ```
    /// use nines_core::window::ServiceHours;
    /// let s: ServiceHours = "Mon-Sun 00:00-24:00".parse().unwrap();
    /// assert!(s.is_always());
    /// ```
    pub fn is_always(&self) -> bool {
        self.week_ranges() == [(0, MINUTES_PER_WEEK as u16)]
    }

    /// Minutes in service per week.
    ///
    /// ```
    /// use nines_core::window::ServiceHours;
    /// assert_eq!(ServiceHours::always().weekly_minutes(), 10_080);
    /// ```
    pub fn weekly_minutes(&self) -> u32 {
        self.week_ranges()
            .iter()
            .map(|(s, e)| u32::from(e - s))
            .sum()
    }

    /// The fraction of the week in service, exactly.
    ///
    /// ```
    /// use nines_core::window::ServiceHours;
    /// let s: ServiceHours = "Mon-Fri 08:00-20:00".parse().unwrap();
    /// assert_eq!(s.weekly_fraction().to_string(), "5/14");
    /// ```
    pub fn weekly_fraction(&self) -> Ratio {
        Ratio::new(
            u128::from(self.weekly_minutes()),
            u128::from(MINUTES_PER_WEEK),
        )
        .unwrap_or(Ratio::ZERO)
    }

    /// Seconds in service per calendar day, when every day (midnight to
    /// midnight) holds as many (at whatever time of day); `None` for a
    /// partial schedule (per day is not defined).
    ///
    /// ```
    /// use nines_core::window::ServiceHours;
    /// assert_eq!(ServiceHours::always().daily_seconds(), Some(86_400));
    /// let s: ServiceHours = "Mon-Fri 08:00-20:00".parse().unwrap();
    /// assert_eq!(s.daily_seconds(), None);
    /// // Every night 22:00-06:00: each day holds 00:00-06:00 and
    /// // 22:00-24:00, 8 h.
    /// let s: ServiceHours = "daily 22:00-06:00".parse().unwrap();
    /// assert_eq!(s.daily_seconds(), Some(8 * 3_600));
    /// ```
    pub fn daily_seconds(&self) -> Option<u32> {
        let minutes =
            |d: usize| -> u32 { self.day_ranges(d).map(|h| u32::from(h.minutes())).sum() };
        let first = minutes(0);
        (1..7).all(|d| minutes(d) == first).then_some(first * 60)
    }

    /// Seconds in service in `period` under `convention`, exactly: the
    /// weekly fraction × the period for periods of a week or more; for
    /// shorter periods, only when every day is alike (else `None`).
    ///
    /// ```
    /// use nines_core::window::{Convention, Period, ServiceHours};
    /// let s = ServiceHours::always();
    /// let m = s.in_service_seconds(Period::Month, Convention::SreBook).unwrap();
    /// assert_eq!(m.to_f64(), 2_592_000.0);
    /// ```
    pub fn in_service_seconds(&self, period: Period, convention: Convention) -> Option<Ratio> {
        let total = Ratio::from_integer(u128::from(period.seconds(convention)));
        if self.is_always() {
            return Some(total);
        }
        let short = match period {
            Period::Hour => return None,
            Period::Day => true,
            Period::Days(n) => n < 7,
            _ => false,
        };
        if short {
            let daily = self.daily_seconds()?;
            let days = period.seconds(convention) / DAY;
            return Some(Ratio::from_integer(u128::from(daily) * u128::from(days)));
        }
        total.checked_mul(self.weekly_fraction())
    }

    /// Each weekday's ranges as they are written, by the day they start on:
    /// `(start, end)` minutes after that midnight, `end` 1440 for midnight
    /// and below `start` for a range ending the next morning. A stretch
    /// shorter than a day is one range from the day it starts (a night
    /// shift stays `22:00-06:00`); a longer one is cut at each midnight,
    /// since one range never spans a whole day and more.
    fn written_days(&self) -> [Vec<(u16, u16)>; 7] {
        let week = MINUTES_PER_WEEK;
        let mut spans: Vec<(u32, u32)> = self
            .week_ranges()
            .iter()
            .map(|&(s, e)| (u32::from(s), u32::from(e)))
            .collect();
        // Sunday night into Monday morning is one stretch.
        if spans.len() > 1 && spans[0].0 == 0 && spans[spans.len() - 1].1 == week {
            let first = spans.remove(0);
            if let Some(last) = spans.last_mut() {
                last.1 = week + first.1;
            }
        }
        let day_len = u32::from(MINUTES_PER_DAY);
        let mut days: [Vec<(u16, u16)>; 7] = Default::default();
        for (s, e) in spans {
            let mut at = s;
            while at < e {
                let midnight = at / day_len * day_len;
                let stop = if e - s < day_len {
                    e
                } else {
                    e.min(midnight + day_len)
                };
                let end = stop - midnight;
                let end = if end > day_len { end - day_len } else { end };
                days[(midnight / day_len % 7) as usize].push(((at - midnight) as u16, end as u16));
                at = stop;
            }
        }
        for d in &mut days {
            let mut wide: Vec<(u32, u32)> = d
                .iter()
                .map(|&(a, b)| (u32::from(a), u32::from(b)))
                .collect();
            sort_pairs(&mut wide);
            for (slot, (a, b)) in d.iter_mut().zip(wide) {
                *slot = (a as u16, b as u16);
            }
        }
        days
    }
}

impl fmt::Display for ServiceHours {
    /// `24/7`, `closed`, or runs of days with their hours:
    /// `Mon-Fri 08:00-20:00, Sat 10:00-14:00`, `Mon-Fri 22:00-06:00`,
    /// `Mon-Fri 09:00-12:00,13:00-17:00`. It reads back to the same
    /// schedule.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_always() {
            return f.write_str("24/7");
        }
        let days = self.written_days();
        let mut any = false;
        let mut i = 0;
        while i < 7 {
            if days[i].is_empty() {
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < 7 && days[j + 1] == days[i] {
                j += 1;
            }
            f.write_str(if any { ", " } else { "" })?;
            f.write_str(DAY_NAMES[i])?;
            if j > i {
                write!(f, "-{}", DAY_NAMES[j])?;
            }
            for (k, &(s, e)) in days[i].iter().enumerate() {
                write!(
                    f,
                    "{}{}-{}",
                    if k == 0 { " " } else { "," },
                    hhmm(s),
                    hhmm(e)
                )?;
            }
            any = true;
            i = j + 1;
        }
        if !any {
            f.write_str("closed")?;
        }
        Ok(())
    }
}

fn parse_day(s: &str) -> Option<usize> {
    let s = s.trim().to_ascii_lowercase();
    let prefix: String = s.chars().take(3).collect();
    let index = DAY_NAMES
        .iter()
        .position(|d| d.to_ascii_lowercase() == prefix)?;
    let full = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ][index];
    (full.starts_with(s.as_str()) || s == prefix).then_some(index)
}

/// The days an entry names: `Mon`, `Monday`, `Mon-Fri`, `daily`,
/// `weekdays`, `weekends`.
fn parse_days(spec: &str) -> Result<std::ops::RangeInclusive<usize>, Problem> {
    match spec {
        "daily" | "everyday" => return Ok(0..=6),
        "weekdays" => return Ok(0..=4),
        "weekends" | "weekend" => return Ok(5..=6),
        _ => {}
    }
    let Some((a, b)) = spec.split_once(['-', '–']) else {
        let d = parse_day(spec).ok_or(Problem::Unrecognised)?;
        return Ok(d..=d);
    };
    match (parse_day(a), parse_day(b)) {
        (Some(a), Some(b)) if a <= b => Ok(a..=b),
        (Some(_), Some(_)) => Err(Problem::Invalid(
            "day ranges run Monday to Sunday (write Sat-Sun, Mon)",
        )),
        _ => Err(Problem::Unrecognised),
    }
}

fn parse_time(s: &str) -> Result<u16, Problem> {
    let s = s.trim();
    let (h, m) = match s.split_once([':', '.', 'h']) {
        Some((h, m)) => (h, if m.is_empty() { "0" } else { m }),
        None => (s, "0"),
    };
    if h.is_empty() || h.len() > 2 || m.len() > 2 {
        return Err(Problem::Unrecognised);
    }
    let (Ok(h), Ok(m)) = (h.parse::<u16>(), m.parse::<u16>()) else {
        return Err(Problem::Unrecognised);
    };
    if m >= 60 || h > 24 || (h == 24 && m != 0) {
        return Err(Problem::Invalid(
            "a time of day runs from 00:00 to 24:00, with minutes 00 to 59",
        ));
    }
    Ok(h * 60 + m)
}

/// One range of hours as typed, on one day: from `start` to `end` minutes
/// after that day's midnight, `end` 1440 for midnight and below `start`
/// when the range ends the next morning.
#[derive(Clone, Copy)]
struct Typed {
    day: usize,
    start: u16,
    end: u16,
}

impl Typed {
    /// Its length in minutes: less than a day, or the whole day.
    fn minutes(&self) -> u32 {
        if self.end > self.start {
            u32::from(self.end - self.start)
        } else {
            u32::from(MINUTES_PER_DAY - self.start + self.end)
        }
    }
}

impl fmt::Display for Typed {
    /// `Mon 22:00-06:00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let day = DAY_NAMES.get(self.day).copied().unwrap_or("?");
        write!(f, "{day} {}-{}", hhmm(self.start), hhmm(self.end))
    }
}

/// A range's times: `08:00-20:00`, `22:00-06:00` (to the next morning),
/// `22:00-24:00` or `22:00-00:00` (to midnight), `24h`, `all day`.
fn parse_range(times: &str) -> Result<(u16, u16), Problem> {
    if matches!(times, "24h" | "all day") {
        return Ok((0, MINUTES_PER_DAY));
    }
    let (a, b) = times.split_once(['-', '–']).ok_or(Problem::Unrecognised)?;
    let (a, b) = (parse_time(a)?, parse_time(b)?);
    if a == b {
        return Err(Problem::Invalid(
            "a range of hours cannot start and end at the same time (for a whole day write \
             00:00-24:00)",
        ));
    }
    if a == MINUTES_PER_DAY {
        return Err(Problem::Invalid(
            "a range cannot start at 24:00 (write 00:00 on the next day)",
        ));
    }
    Ok((a, if b == 0 { MINUTES_PER_DAY } else { b }))
}

/// Every range typed, day by day, in the order written. An entry is days
/// and a range (`Mon-Fri 09:00-12:00`); an entry that starts with a time
/// is one more range for the days named before it (`…, 13:00-17:00`).
fn typed_ranges(t: &str) -> Result<Vec<Typed>, Problem> {
    let mut out = Vec::new();
    let mut days = None;
    for entry in t.split([',', ';']).map(str::trim).filter(|e| !e.is_empty()) {
        let times = if entry.starts_with(|c: char| c.is_ascii_digit()) {
            entry
        } else {
            let (spec, times) = entry
                .split_once(char::is_whitespace)
                .ok_or(Problem::Unrecognised)?;
            days = Some(parse_days(spec)?);
            times.trim()
        };
        let range: std::ops::RangeInclusive<usize> = days.clone().ok_or(Problem::Unrecognised)?;
        let (start, end) = parse_range(times)?;
        out.extend(range.map(|day| Typed { day, start, end }));
        // Seven days of 48 ranges each is the most a schedule holds apart
        // (touching ranges join, so 48 a week is the real bound): past
        // that, stop reading rather than hold and compare a huge list.
        if out.len() > TYPED_MAX {
            return Err(Problem::TooLarge("48 separate ranges a week"));
        }
    }
    Ok(out)
}

/// Where two ranges overlap, `[s, e)` minutes of the week: `Tue
/// 05:00-06:00`.
fn overlap_at(s: u32, e: u32) -> String {
    let day_len = u32::from(MINUTES_PER_DAY);
    let midnight = s / day_len * day_len;
    let end = e - midnight;
    let end = if end > day_len { end - day_len } else { end };
    let day = DAY_NAMES[(s / day_len % 7) as usize];
    format!("{day} {}-{}", hhmm((s - midnight) as u16), hhmm(end as u16))
}

/// Sorts pairs of minutes in their order, start first ([`crate::sort`]:
/// the page's one small sort).
fn sort_pairs(v: &mut [(u32, u32)]) {
    crate::sort::sort_by(v, |a, b| a.cmp(b));
}

/// The most day ranges a schedule may be typed with (each day of a group
/// counts): seven days of [`MAX_RANGES`].
const TYPED_MAX: usize = 7 * MAX_RANGES;

/// The typed ranges as minute-of-week pieces (one over Sunday midnight
/// cut at the week's end), refused when two overlap: which minutes were
/// meant twice is a mistake to show, not to guess at.
fn week_pieces(typed: &[Typed]) -> Result<Vec<(u32, u32)>, Problem> {
    // (start, end × 2^16 + the typed range's index): minutes below 2^15
    // and at most [`TYPED_MAX`] + 7 typed ranges fit, and sort as (start,
    // end, index).
    let mut pieces: Vec<(u32, u32)> = Vec::with_capacity(typed.len() + 1);
    for (i, r) in typed.iter().enumerate() {
        let start = r.day as u32 * u32::from(MINUTES_PER_DAY) + u32::from(r.start);
        let end = start + r.minutes();
        let tag = |e: u32| (e << 16) | i as u32;
        if end > MINUTES_PER_WEEK {
            pieces.push((start, tag(MINUTES_PER_WEEK)));
            pieces.push((0, tag(end - MINUTES_PER_WEEK)));
        } else {
            pieces.push((start, tag(end)));
        }
    }
    sort_pairs(&mut pieces);
    let untag = |(s, t): (u32, u32)| (s, t >> 16, (t & 0xFFFF) as usize);
    for pair in pieces.windows(2) {
        let ((_, e1, i), (s2, e2, j)) = (untag(pair[0]), untag(pair[1]));
        if s2 < e1 {
            let (a, b) = if i < j { (i, j) } else { (j, i) };
            return Err(Problem::Overlap(format!(
                "{} and {} overlap at {}",
                typed[a],
                typed[b],
                overlap_at(s2, e1.min(e2))
            )));
        }
    }
    Ok(pieces.into_iter().map(|p| (p.0, p.1 >> 16)).collect())
}

impl FromStr for ServiceHours {
    type Err = ParseError;

    /// Reads `24/7` (also `always`), `closed`, or entries of days and a
    /// range of hours separated by commas or semicolons:
    /// `Mon-Fri 08:00-20:00, Sat 10:00-14:00`. Days: `Mon`…`Sun` (full
    /// names too), ranges like `Mon-Fri`, and `daily`, `weekdays`,
    /// `weekends`. Times: `08:00`, `8:30`, `8`, `24:00`. A range ending
    /// before it starts ends the next morning (`Mon-Fri 22:00-06:00`);
    /// one ending at `24:00` or `00:00` ends at midnight. An entry of only
    /// a range adds it to the days before it (`Mon-Fri 09:00-12:00,
    /// 13:00-17:00`). Ranges that overlap, on a day or after midnight, are
    /// refused, naming the two.
    ///
    /// ```
    /// use nines_core::window::ServiceHours;
    /// let e = "Mon-Fri 09:00-12:00,11:00-13:00".parse::<ServiceHours>().unwrap_err();
    /// assert!(e.to_string().contains("Mon 09:00-12:00 and Mon 11:00-13:00 overlap at Mon 11:00-12:00"), "{e}");
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = |p| ParseError::new(s, Expected::ServiceHours, p);
        let t = s.trim().to_ascii_lowercase();
        if t.is_empty() {
            return Err(err(Problem::Empty));
        }
        if matches!(t.as_str(), "24/7" | "always" | "24x7") {
            return Ok(ServiceHours::always());
        }
        if t == "closed" {
            return Ok(ServiceHours::closed());
        }
        let typed = typed_ranges(&t).map_err(err)?;
        let pieces = week_pieces(&typed).map_err(err)?;
        ServiceHours::from_disjoint(pieces)
            .ok_or_else(|| err(Problem::TooLarge("48 separate ranges a week")))
    }
}

impl Serialize for ServiceHours {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ServiceHours {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

// ---------------------------------------------------------------------------
// Planned maintenance
// ---------------------------------------------------------------------------

/// How planned maintenance is treated (docs/DOMAIN.md §1.6: excluded from the SLO
/// or counted, by choice).
///
/// * `Excluded` (the default, as most SLAs write it): maintenance time is
///   removed from the measured window, so the budget is `U × (window −
///   maintenance)`: slightly smaller, and maintenance itself costs nothing.
/// * `Counted`: maintenance is downtime like any other, so it is spent out
///   of the budget: the downtime allowed is `U × window − maintenance`,
///   never below zero (when the maintenance alone exceeds the budget, the
///   reports say so and by how much).
///
/// Either way only the part of the maintenance inside the service hours
/// matters: see [`crate::clock::MeasuredTime`], where the rule is kept.
///
/// The SRE book's Appendix A table assumes no planned downtime at all.
///
/// ```
/// use nines_core::window::Maintenance;
/// assert_eq!(Maintenance::default(), Maintenance::Excluded);
/// assert_eq!(serde_json::to_string(&Maintenance::Counted).unwrap(), "\"counted\"");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Maintenance {
    /// Planned maintenance does not count against the SLO.
    #[default]
    Excluded,
    /// Planned maintenance counts as downtime.
    Counted,
}

impl Choice for Maintenance {
    const OPTIONS: &'static [Self] = &[Maintenance::Excluded, Maintenance::Counted];

    fn choice_id(self) -> &'static str {
        match self {
            Maintenance::Excluded => "excluded",
            Maintenance::Counted => "counted",
        }
    }

    fn choice_label(self) -> &'static str {
        match self {
            Maintenance::Excluded => "excluded from the target (not downtime)",
            Maintenance::Counted => "counted against the budget",
        }
    }
}

/// Planned maintenance: how it is treated and how much there is per month
/// (scaled in proportion to other periods under the convention in force).
///
/// ```
/// use nines_core::window::{Convention, Maintenance, Period, PlannedMaintenance};
/// let m = PlannedMaintenance::new(Maintenance::Counted, 3_600.0).unwrap();
/// assert_eq!(m.seconds_in(Period::Month, Convention::SreBook), 3_600.0);
/// assert_eq!(m.seconds_in(Period::Days(90), Convention::SreBook), 10_800.0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlannedMaintenance {
    /// Excluded or counted.
    pub treatment: Maintenance,
    /// Planned maintenance per month, in seconds (read when there is no
    /// weekly window).
    pub seconds_per_month: f64,
    /// A window every week, e.g. `Sun 02:00-04:00`: when set,
    /// the maintenance is its hours every week and `seconds_per_month` is
    /// not read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekly: Option<ServiceHours>,
}

impl Default for PlannedMaintenance {
    /// No planned maintenance, excluded.
    fn default() -> Self {
        PlannedMaintenance {
            treatment: Maintenance::Excluded,
            seconds_per_month: 0.0,
            weekly: None,
        }
    }
}

impl PlannedMaintenance {
    /// Checked constructor: the monthly time must be finite, not negative
    /// and no longer than a month under any convention (the Gregorian mean
    /// month, 730h 29m 6s, the longest; [`PlannedMaintenance::check`] holds
    /// it to the convention in force).
    ///
    /// ```
    /// use nines_core::window::{Maintenance, PlannedMaintenance};
    /// assert!(PlannedMaintenance::new(Maintenance::Excluded, -1.0).is_err());
    /// // 800 h is more than any month (at most 730.485 h).
    /// let e = PlannedMaintenance::new(Maintenance::Excluded, 800.0 * 3_600.0).unwrap_err();
    /// assert!(e.to_string().contains("at most a month"), "{e}");
    /// ```
    pub fn new(treatment: Maintenance, seconds_per_month: f64) -> Result<Self, ParseError> {
        let shown = format_seconds_plain(seconds_per_month);
        if seconds_per_month.is_nan() || seconds_per_month.is_infinite() {
            return Err(ParseError::new(
                &shown,
                Expected::Maintenance,
                Problem::NotANumber,
            ));
        }
        if seconds_per_month < 0.0 {
            return Err(ParseError::new(
                &shown,
                Expected::Maintenance,
                Problem::Negative,
            ));
        }
        let m = PlannedMaintenance {
            treatment,
            seconds_per_month,
            weekly: None,
        };
        m.check(Convention::GregorianMean)?;
        Ok(m)
    }

    /// Refuses maintenance longer than its period under `convention`: an
    /// amount a month longer than the month (720h under the SRE book, 730h
    /// under a 365-day year, 730h 29m 6s under the Gregorian mean). A weekly
    /// window is never longer than its week (the whole week is refused
    /// when read).
    ///
    /// ```
    /// use nines_core::window::{Convention, PlannedMaintenance};
    /// let m: PlannedMaintenance = "725h per month excluded".parse().unwrap();
    /// assert!(m.check(Convention::GregorianMean).is_ok());
    /// let e = m.check(Convention::SreBook).unwrap_err().to_string();
    /// assert!(e.contains("at most a month, 720h under the SRE book"), "{e}");
    /// ```
    pub fn check(&self, convention: Convention) -> Result<(), ParseError> {
        let month = convention.month_seconds() as f64;
        if self.weekly.is_none() && self.seconds_per_month > month {
            let limit = match convention {
                Convention::GregorianMean => "a month, 730h 29m 6s under the Gregorian mean",
                Convention::SreBook => "a month, 720h under the SRE book",
                Convention::Calendar365 => "a month, 730h under a 365-day year",
            };
            return Err(ParseError::new(
                &self.to_string(),
                Expected::Maintenance,
                Problem::TooLarge(limit),
            ));
        }
        Ok(())
    }

    /// A window every week, e.g. `Sun 02:00-04:00`, excluded or counted.
    ///
    /// ```
    /// use nines_core::window::{Convention, Maintenance, Period, PlannedMaintenance};
    /// let m = PlannedMaintenance::weekly(Maintenance::Counted, "Sun 02:00-04:00".parse().unwrap());
    /// // 2 h a week: 2 × 3 600 × 30 / 7 s in a 30-day month.
    /// assert_eq!(m.seconds_in(Period::Week, Convention::SreBook), 7_200.0);
    /// assert!((m.seconds_in(Period::Month, Convention::SreBook) - 30_857.142857).abs() < 1e-6);
    /// ```
    pub fn weekly(treatment: Maintenance, window: ServiceHours) -> PlannedMaintenance {
        PlannedMaintenance {
            treatment,
            seconds_per_month: 0.0,
            weekly: Some(window),
        }
    }

    /// Planned maintenance in `period`: the monthly time × period / month
    /// under `convention`. Invalid stored values (negative, NaN) count as 0.
    ///
    /// ```
    /// use nines_core::window::{Convention, Period, PlannedMaintenance};
    /// assert_eq!(PlannedMaintenance::default().seconds_in(Period::Year, Convention::GregorianMean), 0.0);
    /// ```
    pub fn seconds_in(&self, period: Period, convention: Convention) -> f64 {
        if let Some(w) = &self.weekly {
            // Its weekly minutes × period / week, exactly.
            let weekly = u128::from(w.weekly_minutes()) * 60;
            return Ratio::new(weekly * u128::from(period.seconds(convention)), 604_800)
                .map_or(0.0, Ratio::to_f64);
        }
        let per_month = if self.seconds_per_month.is_finite() && self.seconds_per_month > 0.0 {
            self.seconds_per_month
        } else {
            return 0.0;
        };
        let fraction = Ratio::new(
            u128::from(period.seconds(convention)),
            u128::from(convention.month_seconds()),
        );
        let exact = Ratio::from_f64(per_month)
            .zip(fraction)
            .and_then(|(m, f)| m.checked_mul(f));
        match exact {
            Some(r) => r.to_f64(),
            None => {
                per_month * period.seconds(convention) as f64 / convention.month_seconds() as f64
            }
        }
    }

    /// A one-line description for reports.
    ///
    /// ```
    /// use nines_core::window::PlannedMaintenance;
    /// assert_eq!(PlannedMaintenance::default().describe(), "no planned maintenance");
    /// ```
    pub fn describe(&self) -> String {
        let amount = match &self.weekly {
            Some(w) => format!(
                "{w} every week ({} a week)",
                crate::duration::format_duration(f64::from(w.weekly_minutes()) * 60.0)
            ),
            None if self.seconds_per_month.is_nan() || self.seconds_per_month <= 0.0 => {
                return "no planned maintenance".into();
            }
            None => format!(
                "{} a month",
                crate::duration::format_duration(self.seconds_per_month)
            ),
        };
        match self.treatment {
            Maintenance::Excluded => format!(
                "{amount} of planned maintenance, excluded from the SLO: it is not downtime, and the budget is the target's share of the time left"
            ),
            Maintenance::Counted => format!(
                "{amount} of planned maintenance, counted against the budget: the unplanned downtime allowed is the budget less the maintenance"
            ),
        }
    }
}

/// Written as it is read: `Sun 02:00-04:00 excluded`, `4h per month
/// counted`, `none`.
///
/// ```
/// use nines_core::window::PlannedMaintenance;
/// for text in ["Sun 02:00-04:00 excluded", "4h per month counted", "none"] {
///     assert_eq!(text.parse::<PlannedMaintenance>().unwrap().to_string(), text);
/// }
/// ```
impl fmt::Display for PlannedMaintenance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let treatment = self.treatment.choice_id();
        match &self.weekly {
            Some(w) => write!(f, "{w} {treatment}"),
            None if self.seconds_per_month.is_finite() && self.seconds_per_month > 0.0 => write!(
                f,
                "{} per month {treatment}",
                crate::duration::format_duration(self.seconds_per_month)
            ),
            None => f.write_str("none"),
        }
    }
}

/// Read as `<when> [excluded|counted]`: `<when>` a weekly window in the
/// service-hours grammar (`Sun 02:00-04:00`, `Sat-Sun 01:00-03:00`) or an
/// amount a month (`4h per month`, `30m a month`); `none` for no
/// maintenance. Without a treatment, excluded.
///
/// ```
/// use nines_core::window::{Maintenance, PlannedMaintenance};
/// let m: PlannedMaintenance = "Sun 02:00-04:00 excluded".parse().unwrap();
/// assert_eq!(m.weekly.unwrap().to_string(), "Sun 02:00-04:00");
/// let m: PlannedMaintenance = "4h per month counted".parse().unwrap();
/// assert_eq!((m.treatment, m.seconds_per_month), (Maintenance::Counted, 14_400.0));
/// assert!("always".parse::<PlannedMaintenance>().is_err());
/// ```
impl std::str::FromStr for PlannedMaintenance {
    type Err = ParseError;

    fn from_str(text: &str) -> Result<PlannedMaintenance, ParseError> {
        let t = text.trim();
        let err = |p| ParseError::new(text, Expected::Maintenance, p);
        if t.is_empty() {
            return Err(err(Problem::Empty));
        }
        if t.eq_ignore_ascii_case("none") {
            return Ok(PlannedMaintenance::default());
        }
        let lower = t.to_ascii_lowercase();
        let (when, treatment) = if let Some(w) = lower.strip_suffix("counted") {
            (&t[..w.len()], Maintenance::Counted)
        } else if let Some(w) = lower.strip_suffix("excluded") {
            (&t[..w.len()], Maintenance::Excluded)
        } else {
            (t, Maintenance::Excluded)
        };
        let when = when.trim();
        let lower_when = when.to_ascii_lowercase();
        for suffix in ["per month", "a month"] {
            if let Some(amount) = lower_when.strip_suffix(suffix) {
                let seconds = crate::duration::parse_duration(&when[..amount.len()])
                    .map_err(|_| err(Problem::Unrecognised))?;
                // Refused as typed: `"800h per month excluded"`.
                return PlannedMaintenance::new(treatment, seconds)
                    .map_err(|e| err(e.problem().clone()));
            }
        }
        // The hours' own reason (an overlap, a time past 24:00) says more
        // than "not recognised".
        let window: ServiceHours = when
            .parse()
            .map_err(|e: ParseError| err(e.problem().clone()))?;
        if window.is_always() {
            return Err(err(Problem::Invalid(
                "maintenance cannot take the whole week",
            )));
        }
        Ok(PlannedMaintenance::weekly(treatment, window))
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

    #[test]
    fn service_hours() {
        let s: ServiceHours = "Mon-Fri 08:00-20:00, Sat 10:00-14:00".parse().unwrap();
        assert_eq!(s.to_string(), "Mon-Fri 08:00-20:00, Sat 10:00-14:00");
        assert_eq!(s.weekly_minutes(), 5 * 720 + 240);
        assert_eq!(s.daily_seconds(), None);
        assert_eq!(
            s.in_service_seconds(Period::Days(3), Convention::SreBook),
            None
        );
        let week = s
            .in_service_seconds(Period::Week, Convention::SreBook)
            .unwrap();
        assert_eq!(
            week,
            Ratio::from_integer(u128::from(s.weekly_minutes()) * 60)
        );
        let daily: ServiceHours = "daily 8-20".parse().unwrap();
        assert_eq!(daily.daily_seconds(), Some(43_200));
        assert_eq!(daily.to_string(), "Mon-Sun 08:00-20:00");
        assert_eq!(
            daily.in_service_seconds(Period::Day, Convention::SreBook),
            Some(Ratio::from_integer(43_200))
        );
        assert_eq!(
            daily.in_service_seconds(Period::Hour, Convention::SreBook),
            None
        );
        let always: ServiceHours = "24/7".parse().unwrap();
        assert_eq!(always, ServiceHours::default());
        assert_eq!(
            "closed".parse::<ServiceHours>().unwrap().weekly_minutes(),
            0
        );
        assert_eq!(
            "Saturday 9:30-12"
                .parse::<ServiceHours>()
                .unwrap()
                .weekly_minutes(),
            150
        );
        for bad in [
            "",
            "Mon",
            "Mon 08:00-25:00",
            "Fri-Mon 08:00-20:00",
            "Mon 08:00-20:00, Mon 09:00-10:00",
            "Funday 08:00-20:00",
            "Mon 8:60-9",
        ] {
            assert!(bad.parse::<ServiceHours>().is_err(), "{bad}");
        }
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(serde_json::from_str::<ServiceHours>(&json).unwrap(), s);
    }

    /// A named day's ranges, minutes after its midnight, for the checks.
    fn day(s: &ServiceHours, d: usize) -> Vec<(u16, u16)> {
        s.day_ranges(d)
            .map(|h| (h.start_minute(), h.end_minute()))
            .collect()
    }

    /// Night shifts: `Mon-Fri 22:00-06:00` is five nights from Monday 22:00
    /// to Saturday 06:00, 5 × 8 h = 40 h = 2,400 min = 144,000 s a week.
    /// Calendar days hold Mon 2 h (22–24), Tue–Fri 8 h (00–06 and 22–24),
    /// Sat 6 h (00–06), Sun nothing: Monday 00:00–06:00 is not in service,
    /// since Sunday is not listed. The days differ, so a day is not defined.
    #[test]
    fn night_shifts_cross_midnight() {
        let s: ServiceHours = "Mon-Fri 22:00-06:00".parse().unwrap();
        assert_eq!(s.weekly_minutes(), 2_400);
        assert_eq!(
            s.in_service_seconds(Period::Week, Convention::SreBook),
            Some(Ratio::from_integer(144_000))
        );
        assert_eq!(day(&s, 0), [(1_320, 1_440)]);
        for d in 1..=4 {
            assert_eq!(day(&s, d), [(0, 360), (1_320, 1_440)], "day {d}");
        }
        assert_eq!(day(&s, 5), [(0, 360)]);
        assert_eq!(day(&s, 6), []);
        assert_eq!(s.daily_seconds(), None);
        assert_eq!(s.in_service_seconds(Period::Day, Convention::SreBook), None);
        assert_eq!(s.to_string(), "Mon-Fri 22:00-06:00");
        // Ending at 24:00 or 00:00 is ending at midnight: 2 h.
        let a: ServiceHours = "Mon 22:00-24:00".parse().unwrap();
        let b: ServiceHours = "Mon 22:00-00:00".parse().unwrap();
        assert_eq!((a, a.weekly_minutes()), (b, 120));
        assert_eq!(b.to_string(), "Mon 22:00-24:00");
        // Every night, Sunday's into Monday too: each calendar day holds
        // 00:00–06:00 and 22:00–24:00, 8 h = 28,800 s; 7 × 8 h = 56 h a week.
        let every: ServiceHours = "daily 22:00-06:00".parse().unwrap();
        assert_eq!(every.weekly_minutes(), 56 * 60);
        assert_eq!(every.daily_seconds(), Some(28_800));
        assert_eq!(every.to_string(), "Mon-Sun 22:00-06:00");
        // Sunday 22:00 is minute 6 × 1,440 + 1,320 = 9,960 of the week; its
        // night ends Monday 06:00, minute 360.
        let sunday: ServiceHours = "Sun 22:00-06:00".parse().unwrap();
        assert_eq!(sunday.week_ranges(), &[(0, 360), (9_960, 10_080)]);
        assert_eq!(sunday.to_string(), "Sun 22:00-06:00");
    }

    /// Several ranges a day: 09:00–12:00 and 13:00–17:00 are 3 h + 4 h =
    /// 7 h, × 5 days = 35 h = 2,100 min; with Sat 10:00–14:00, 39 h. The
    /// same hours written as two entries are the same schedule.
    #[test]
    fn several_ranges_a_day() {
        let s: ServiceHours = "Mon-Fri 09:00-12:00,13:00-17:00".parse().unwrap();
        assert_eq!(s.weekly_minutes(), 2_100);
        assert_eq!(day(&s, 2), [(540, 720), (780, 1_020)]);
        assert_eq!(s.to_string(), "Mon-Fri 09:00-12:00,13:00-17:00");
        for same in [
            "Mon-Fri 09:00-12:00; Mon-Fri 13:00-17:00",
            "weekdays 13:00-17:00, 9-12",
            "Mon-Fri 9:00-12:00 , 13-17",
        ] {
            assert_eq!(same.parse::<ServiceHours>().unwrap(), s, "{same}");
        }
        let mixed: ServiceHours = "Mon-Fri 09:00-12:00,13:00-17:00, Sat 10:00-14:00"
            .parse()
            .unwrap();
        assert_eq!(mixed.weekly_minutes(), 39 * 60);
        assert_eq!(
            mixed.to_string(),
            "Mon-Fri 09:00-12:00,13:00-17:00, Sat 10:00-14:00"
        );
        // A day may be named again for hours that do not overlap.
        let again: ServiceHours = "Mon-Fri 09:00-17:00, Mon 20:00-22:00".parse().unwrap();
        assert_eq!(again.weekly_minutes(), 40 * 60 + 120);
        assert_eq!(
            again.to_string(),
            "Mon 09:00-17:00,20:00-22:00, Tue-Fri 09:00-17:00"
        );
    }

    /// Written forms read back to the same minutes: hours that touch
    /// become one range, a stretch of a day or more is cut at midnights,
    /// and every form accepted before prints as it did.
    #[test]
    fn service_hours_print_and_read_back() {
        for (typed, shown) in [
            ("Mon 20:00-24:00, Tue 00:00-06:00", "Mon 20:00-06:00"),
            ("Mon 22:00-06:00, Tue 06:00-10:00", "Mon 22:00-10:00"),
            ("Mon 06:00-06:00", ""),
            (
                "Fri 20:00-24:00, Sat 00:00-24:00, Sun 00:00-04:00",
                "Fri 20:00-24:00, Sat 00:00-24:00, Sun 00:00-04:00",
            ),
            (
                "Mon 06:00-24:00, Tue 0-6",
                "Mon 06:00-24:00, Tue 00:00-06:00",
            ),
            ("Sat-Sun 00:00-24:00", "Sat-Sun 00:00-24:00"),
            (
                "Mon 00:00-24:00, Sun 00:00-24:00",
                "Mon 00:00-24:00, Sun 00:00-24:00",
            ),
            ("Mon-Sat 00:00-24:00", "Mon-Sat 00:00-24:00"),
            (
                "Mon-Fri 08:00-20:00, Sat 10:00-14:00",
                "Mon-Fri 08:00-20:00, Sat 10:00-14:00",
            ),
            ("saturday 9:30-12", "Sat 09:30-12:00"),
            ("closed", "closed"),
            ("Mon-Sun 00:00-24:00", "24/7"),
            ("daily 18:00-06:00, 6-18", "24/7"),
        ] {
            let Ok(h) = typed.parse::<ServiceHours>() else {
                assert_eq!(shown, "", "{typed} refused");
                continue;
            };
            assert_eq!(h.to_string(), shown, "{typed}");
            assert_eq!(shown.parse::<ServiceHours>().unwrap(), h, "{shown}");
            let json = serde_json::to_string(&h).unwrap();
            assert_eq!(serde_json::from_str::<ServiceHours>(&json).unwrap(), h);
        }
    }

    /// Refusals name the field's rule and, for overlaps, the two ranges
    /// and where they meet.
    #[test]
    fn service_hours_refused_with_reasons() {
        let refused = |s: &str| s.parse::<ServiceHours>().unwrap_err().to_string();
        for (typed, reason) in [
            (
                "Mon-Fri 09:00-12:00,11:00-13:00",
                "Mon 09:00-12:00 and Mon 11:00-13:00 overlap at Mon 11:00-12:00",
            ),
            // Monday's night runs to Tuesday 06:00.
            (
                "Mon 22:00-06:00, Tue 05:00-09:00",
                "Mon 22:00-06:00 and Tue 05:00-09:00 overlap at Tue 05:00-06:00",
            ),
            // Sunday's night runs into Monday morning, over the week's end.
            (
                "Sun 22:00-06:00, Mon 05:00-09:00",
                "Sun 22:00-06:00 and Mon 05:00-09:00 overlap at Mon 05:00-06:00",
            ),
            (
                "Mon-Fri 08:00-20:00, Mon 09:00-10:00",
                "Mon 08:00-20:00 and Mon 09:00-10:00 overlap at Mon 09:00-10:00",
            ),
            (
                "Mon 08:00-25:00",
                "a time of day runs from 00:00 to 24:00, with minutes 00 to 59",
            ),
            (
                "Mon 10:00-10:00",
                "a range of hours cannot start and end at the same time",
            ),
            ("Mon 00:00-00:00", "cannot start and end at the same time"),
            ("Mon 24:00-06:00", "a range cannot start at 24:00"),
            ("13:00-17:00", "use 24/7, or days and hours"),
        ] {
            let e = refused(typed);
            assert!(e.contains(reason), "{typed}: {e}");
            assert!(e.contains("not a service-hours schedule"), "{e}");
            assert!(e.ends_with(Expected::ServiceHours.help()), "{e}");
        }
        // 49 separate ranges: every day 00:00-00:10, 01:00-01:10, … seven a
        // day is 49 > 48.
        let many = (0..7)
            .map(|h| format!("{h}:00-{h}:10"))
            .collect::<Vec<_>>()
            .join(",");
        let e = refused(&format!("daily {many}"));
        assert!(e.contains("at most 48 separate ranges a week"), "{e}");
        assert_eq!(MAX_RANGES, 48);
        // 1,500 × 7 = 10,500 ranges typed: more than seven days of 48,
        // refused before they are compared.
        let e = refused(&"daily 0-1,".repeat(1_500));
        assert!(e.contains("at most 48 separate ranges a week"), "{e}");
        let six = (0..6).map(|h| format!("{h}:00-{h}:10")).collect::<Vec<_>>();
        let ok: ServiceHours = format!("daily {}", six.join(",")).parse().unwrap();
        assert_eq!(ok.weekly_minutes(), 7 * 6 * 10);
    }

    /// A maintenance window reads the same grammar: across midnight and in
    /// several pieces.
    #[test]
    fn maintenance_windows_cross_midnight() {
        let m: PlannedMaintenance = "Tue 23:00-01:00 excluded".parse().unwrap();
        assert_eq!(m.to_string(), "Tue 23:00-01:00 excluded");
        assert_eq!(m.weekly.unwrap().weekly_minutes(), 120);
        let e = "Sun 01:00-03:00,02:00-04:00 counted"
            .parse::<PlannedMaintenance>()
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("Sun 01:00-03:00 and Sun 02:00-04:00 overlap at Sun 02:00-03:00"),
            "{e}"
        );
    }

    #[test]
    fn maintenance() {
        let m = PlannedMaintenance::new(Maintenance::Excluded, 7_200.0).unwrap();
        assert_eq!(
            m.seconds_in(Period::Year, Convention::GregorianMean),
            86_400.0
        );
        assert_eq!(
            m.seconds_in(Period::Week, Convention::SreBook),
            7_200.0 * 7.0 / 30.0
        );
        assert!(PlannedMaintenance::new(Maintenance::Counted, f64::NAN).is_err());
        assert_eq!(
            m.describe(),
            "2h a month of planned maintenance, excluded from the SLO: it is not downtime, \
             and the budget is the target's share of the time left"
        );
        // A weekly window, 2 h every Sunday night.
        let w: PlannedMaintenance = "Sun 02:00-04:00 counted".parse().unwrap();
        assert_eq!(
            w.describe(),
            "Sun 02:00-04:00 every week (2h a week) of planned maintenance, counted against \
             the budget: the unplanned downtime allowed is the budget less the maintenance"
        );
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(
            json,
            r#"{"treatment":"excluded","seconds_per_month":7200.0}"#
        );
    }

    /// Maintenance longer than
    /// its period is refused, saying what is allowed. A month is 2,629,746 s
    /// = 730h 29m 6s (Gregorian mean), 2,592,000 s = 720h (SRE book),
    /// 2,628,000 s = 730h (365-day year); 800 h = 2,880,000 s is more than
    /// any of them.
    #[test]
    fn maintenance_longer_than_its_period_is_refused() {
        let e = "800h per month excluded"
            .parse::<PlannedMaintenance>()
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("\"800h per month excluded\" is not a maintenance setting: it is too large (at most a month, 730h 29m 6s under the Gregorian mean)"),
            "{e}"
        );
        // 725 h fits a Gregorian month and a 365-day one, not a 30-day one.
        let m: PlannedMaintenance = "725h per month counted".parse().unwrap();
        assert!(m.check(Convention::GregorianMean).is_ok());
        assert!(m.check(Convention::Calendar365).is_ok());
        let sre = m.check(Convention::SreBook).unwrap_err().to_string();
        assert!(
            sre.contains("(at most a month, 720h under the SRE book)"),
            "{sre}"
        );
        // 730h 20m = 2,629,200 s: within 2,629,746 s, beyond 2,628,000 s.
        let m: PlannedMaintenance = "730h 20m per month counted".parse().unwrap();
        assert!(m.check(Convention::GregorianMean).is_ok());
        let e = m.check(Convention::Calendar365).unwrap_err().to_string();
        assert!(
            e.contains("(at most a month, 730h under a 365-day year)"),
            "{e}"
        );
        // Exactly a month is allowed (it leaves nothing: the reports say
        // so); a weekly window is never checked against a month.
        let whole = PlannedMaintenance::new(Maintenance::Excluded, 2_592_000.0).unwrap();
        assert!(whole.check(Convention::SreBook).is_ok());
        let w: PlannedMaintenance = "Mon-Sat 00:00-24:00 excluded".parse().unwrap();
        assert!(w.check(Convention::SreBook).is_ok());
    }
}
