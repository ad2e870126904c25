//! The SLO window on the calendar (issue 14 §1): where a window starts and
//! ends relative to *now*, which the caller passes in (the core never reads
//! a clock: the page passes the browser's time, the CLI `--now` or the
//! system clock), and instants as people type them.
//!
//! Three alignments, as SLO tools name them (OpenSLO `timeWindow`:
//! `isRolling: true` or a `calendar` with a start time and a time zone):
//!
//! * **rolling**: the window is the last `W` up to now; the inputs say how
//!   much of it has been measured (`elapsed`), so start = now − elapsed. A
//!   link opened later stays relative to the reader's now.
//! * **calendar**: this day / week / month / quarter / year in a fixed UTC
//!   offset, the week starting on a chosen day; the window is the calendar
//!   period's real length (November: 30 days, a leap-year February: 29),
//!   elapsed = now − start. A link opened later follows the reader's
//!   calendar.
//! * **pinned**: the window starts at a given instant and lasts `W`; a link
//!   opened later keeps that start.
//!
//! Time zones are fixed UTC offsets (`+01:00`), not named zones: a named
//! zone needs the tz database, about 100 KB in the page. A calendar window
//! across a daylight-saving change is therefore off by that hour; the
//! report says which offset it used.

/// The instant type of every date here (chrono's), for callers that do not
/// depend on chrono themselves.
pub use chrono::{DateTime, Utc};
use chrono::{Datelike, Duration, NaiveDate, NaiveTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::choice::Choice;
use crate::display::{format_instant, format_instant_iso};
use crate::parse_error::{Expected, ParseError, Problem};
use crate::window::{Convention, Maintenance, Period, PlannedMaintenance, ServiceHours};

/// How the SLO window is placed on the calendar.
///
/// ```
/// use nines_core::choice::Choice;
/// use nines_core::clock::Alignment;
/// assert_eq!(Alignment::from_id("calendar"), Some(Alignment::Calendar));
/// assert_eq!(Alignment::ids(), "rolling, calendar, pinned");
/// ```
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Alignment {
    /// The last `W` up to now (start = now − elapsed).
    #[default]
    Rolling,
    /// This calendar day, week, month, quarter or year.
    Calendar,
    /// From a fixed start, for `W`.
    Pinned,
}

impl Choice for Alignment {
    const OPTIONS: &'static [Self] = &[Alignment::Rolling, Alignment::Calendar, Alignment::Pinned];

    fn choice_id(self) -> &'static str {
        match self {
            Alignment::Rolling => "rolling",
            Alignment::Calendar => "calendar",
            Alignment::Pinned => "pinned",
        }
    }

    fn choice_label(self) -> &'static str {
        match self {
            Alignment::Rolling => "rolling (the last window up to now)",
            Alignment::Calendar => "calendar (this week, month, quarter or year)",
            Alignment::Pinned => "pinned (from a fixed start date)",
        }
    }
}

/// The first day of a calendar week.
///
/// ```
/// use nines_core::choice::Choice;
/// use nines_core::clock::WeekStart;
/// assert_eq!(WeekStart::from_id("sunday"), Some(WeekStart::Sunday));
/// ```
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug, Default)]
#[serde(rename_all = "kebab-case")]
pub enum WeekStart {
    /// ISO 8601's first day.
    #[default]
    Monday,
    /// The first day in the Americas and much of Asia.
    Sunday,
    /// The first day in much of the Middle East.
    Saturday,
}

impl WeekStart {
    fn weekday(self) -> chrono::Weekday {
        match self {
            WeekStart::Monday => chrono::Weekday::Mon,
            WeekStart::Sunday => chrono::Weekday::Sun,
            WeekStart::Saturday => chrono::Weekday::Sat,
        }
    }
}

impl Choice for WeekStart {
    const OPTIONS: &'static [Self] = &[WeekStart::Monday, WeekStart::Sunday, WeekStart::Saturday];

    fn choice_id(self) -> &'static str {
        match self {
            WeekStart::Monday => "monday",
            WeekStart::Sunday => "sunday",
            WeekStart::Saturday => "saturday",
        }
    }

    fn choice_label(self) -> &'static str {
        match self {
            WeekStart::Monday => "Monday",
            WeekStart::Sunday => "Sunday",
            WeekStart::Saturday => "Saturday",
        }
    }
}

/// A fixed offset from UTC, whole minutes, −14:00 to +14:00 (the range of
/// the world's time zones). Written `+01:00`, `-05:30`, `UTC`; read also as
/// `+1`, `UTC+1`, `GMT-3`, `Z`.
///
/// ```
/// use nines_core::clock::UtcOffset;
/// let o: UtcOffset = "UTC+5:30".parse().unwrap();
/// assert_eq!(o.minutes(), 330);
/// assert_eq!(o.to_string(), "+05:30");
/// assert_eq!("Z".parse::<UtcOffset>().unwrap().to_string(), "UTC");
/// assert!("+15:00".parse::<UtcOffset>().is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct UtcOffset(i32);

/// The widest offset in use (Kiribati's +14:00), minutes.
const MAX_OFFSET_MINUTES: i32 = 14 * 60;

impl UtcOffset {
    /// UTC itself.
    pub const UTC: UtcOffset = UtcOffset(0);

    /// An offset of `minutes` east of UTC, if within ±14:00.
    ///
    /// ```
    /// use nines_core::clock::UtcOffset;
    /// assert_eq!(UtcOffset::from_minutes(-300).unwrap().to_string(), "-05:00");
    /// assert!(UtcOffset::from_minutes(900).is_none());
    /// ```
    pub fn from_minutes(minutes: i32) -> Option<UtcOffset> {
        (minutes.abs() <= MAX_OFFSET_MINUTES).then_some(UtcOffset(minutes))
    }

    /// Minutes east of UTC.
    pub fn minutes(self) -> i32 {
        self.0
    }

    fn duration(self) -> Duration {
        Duration::minutes(i64::from(self.0))
    }

    /// `UTC` or `UTC+01:00`, for sentences.
    ///
    /// ```
    /// use nines_core::clock::UtcOffset;
    /// assert_eq!(UtcOffset::from_minutes(60).unwrap().label(), "UTC+01:00");
    /// assert_eq!(UtcOffset::UTC.label(), "UTC");
    /// ```
    pub fn label(self) -> String {
        if self.0 == 0 {
            "UTC".into()
        } else {
            ["UTC", &self.to_string()].concat()
        }
    }
}

impl std::fmt::Display for UtcOffset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0 == 0 {
            return f.write_str("UTC");
        }
        let sign = if self.0 < 0 { '-' } else { '+' };
        let m = self.0.abs();
        write!(f, "{sign}{:02}:{:02}", m / 60, m % 60)
    }
}

impl std::str::FromStr for UtcOffset {
    type Err = ParseError;

    fn from_str(text: &str) -> Result<UtcOffset, ParseError> {
        let err = |p| ParseError::new(text, Expected::UtcOffset, p);
        let t = text.trim();
        if t.is_empty() {
            return Err(err(Problem::Empty));
        }
        let upper = t.to_ascii_uppercase();
        let rest = upper
            .strip_prefix("UTC")
            .or_else(|| upper.strip_prefix("GMT"))
            .unwrap_or(&upper)
            .trim();
        if rest.is_empty() || rest == "Z" {
            return Ok(UtcOffset::UTC);
        }
        let (sign, digits) = if let Some(d) = rest.strip_prefix('+') {
            (1, d)
        } else if let Some(d) = rest.strip_prefix(['-', '−']) {
            (-1, d)
        } else {
            return Err(err(Problem::Unrecognised));
        };
        if !digits.bytes().all(|b| b.is_ascii_digit() || b == b':') {
            return Err(err(Problem::Unrecognised));
        }
        let (h, m) = match digits.split_once(':') {
            Some((h, m)) => (h, m),
            None if digits.len() == 4 => digits.split_at(2),
            None => (digits, "0"),
        };
        let number = |s: &str, max: i32| {
            (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<i32>().ok())
                .flatten()
                .filter(|&x| x <= max)
        };
        let (Some(h), Some(m)) = (number(h, 99), number(m, 59)) else {
            return Err(err(Problem::Unrecognised));
        };
        UtcOffset::from_minutes(sign * (h * 60 + m)).ok_or_else(|| err(Problem::TooLarge("±14:00")))
    }
}

impl Serialize for UtcOffset {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for UtcOffset {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<UtcOffset, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// Read an instant in a scenario (serde `deserialize_with`) with
/// [`parse_instant`], which takes every RFC 3339 instant chrono's own
/// reader does that a scenario holds (chrono writes them: `2026-11-01T00:00:00Z`,
/// with a fraction when there is one), without chrono's format parser in
/// the page (issue 18).
pub fn read_instant<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    let text = String::deserialize(d)?;
    parse_instant(&text).map_err(serde::de::Error::custom)
}

/// [`read_instant`] of an optional instant: `null` (or a missing field,
/// with `#[serde(default)]`) is `None`.
pub fn read_optional_instant<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<DateTime<Utc>>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(text) => parse_instant(&text)
            .map(Some)
            .map_err(serde::de::Error::custom),
    }
}

/// An instant as a person or a flag gives it: RFC 3339
/// (`2027-03-10T00:00:00Z`, `2027-03-10T09:30:00+01:00`), the same without
/// seconds or offset (read as UTC), or a date (`2027-03-10`, midnight UTC).
///
/// ```
/// use nines_core::clock::parse_instant;
/// assert_eq!(parse_instant("2027-03-10").unwrap().to_rfc3339(), "2027-03-10T00:00:00+00:00");
/// assert_eq!(
///     parse_instant("2027-03-01T10:00:00+01:00").unwrap().to_rfc3339(),
///     "2027-03-01T09:00:00+00:00"
/// );
/// assert_eq!(parse_instant("2027-03-01 10:00").unwrap().to_rfc3339(), "2027-03-01T10:00:00+00:00");
/// assert!(parse_instant("next tuesday").unwrap_err().to_string().contains("2027-03-10"));
/// assert!(parse_instant("2027-02-30").unwrap_err().to_string().contains("no such day"));
/// ```
pub fn parse_instant(text: &str) -> Result<DateTime<Utc>, ParseError> {
    let t = text.trim();
    let err = |p| ParseError::new(text, Expected::Instant, p);
    if t.is_empty() {
        return Err(err(Problem::Empty));
    }
    // Read by hand rather than with chrono's format parser, which costs
    // about 20 KB in the page: `YYYY-MM-DD`, then optionally `T` or a space
    // and `HH:MM[:SS[.fraction]]`, then optionally `Z` or `±HH:MM`.
    let b = t.as_bytes();
    let digits = |from: usize, n: usize| -> Option<u32> {
        let part = b.get(from..from + n)?;
        part.iter().all(u8::is_ascii_digit).then(|| {
            part.iter()
                .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'))
        })
    };
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    let (Some(year), true, Some(month), true, Some(day)) = (
        digits(0, 4),
        at(4, b'-'),
        digits(5, 2),
        at(7, b'-'),
        digits(8, 2),
    ) else {
        return Err(err(Problem::Unrecognised));
    };
    let date = NaiveDate::from_ymd_opt(year as i32, month, day)
        .ok_or_else(|| err(Problem::Invalid("there is no such day")))?;
    let mut i = 10;
    let mut time = NaiveTime::MIN;
    if i < b.len() && (at(i, b'T') || at(i, b't') || at(i, b' ')) {
        let (Some(h), true, Some(m)) = (digits(i + 1, 2), at(i + 3, b':'), digits(i + 4, 2)) else {
            return Err(err(Problem::Unrecognised));
        };
        i += 6;
        let mut sec = 0;
        let mut milli = 0;
        if at(i, b':') {
            sec = digits(i + 1, 2).ok_or_else(|| err(Problem::Unrecognised))?;
            i += 3;
            if at(i, b'.') || at(i, b',') {
                i += 1;
                let from = i;
                while b.get(i).is_some_and(u8::is_ascii_digit) {
                    i += 1;
                }
                if i == from {
                    return Err(err(Problem::Unrecognised));
                }
                // Milliseconds: the first three digits, padded.
                milli = (0..3).fold(0, |acc, k| {
                    acc * 10
                        + b.get(from + k)
                            .filter(|_| from + k < i)
                            .map_or(0, |d| u32::from(d - b'0'))
                });
            }
        }
        time = NaiveTime::from_hms_milli_opt(h, m, sec, milli)
            .ok_or_else(|| err(Problem::Invalid("there is no such time of day")))?;
    }
    let local = date.and_time(time);
    let offset_minutes = match &t[i..] {
        "" | "Z" | "z" => 0,
        rest => {
            let sign = match rest.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return Err(err(Problem::Unrecognised)),
            };
            let (Some(h), true, Some(m), 6) = (
                digits(i + 1, 2),
                at(i + 3, b':'),
                digits(i + 4, 2),
                rest.len(),
            ) else {
                return Err(err(Problem::Unrecognised));
            };
            sign * (h * 60 + m) as i32
        }
    };
    local
        .checked_sub_signed(Duration::minutes(i64::from(offset_minutes)))
        .map(|x| x.and_utc())
        .ok_or_else(|| err(Problem::TooLarge("a date between years 0 and 9999")))
}

/// Where the window stands at `now`: its start and end, the time measured,
/// and what the reader should know about how it follows the clock.
#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct WindowFrame {
    /// How the window is placed.
    pub alignment: Alignment,
    /// The window the budget is computed over: the scenario's SLO window,
    /// or, aligned to the calendar, the current period's real length in
    /// days.
    pub window: Period,
    /// Its length in seconds.
    pub window_seconds: f64,
    /// The SLO window as the scenario gives it: for a calendar alignment,
    /// the calendar unit (`Period::Month` while `window` is this month's
    /// real length in days).
    pub slo_window: Period,
    /// When the window started.
    pub start: DateTime<Utc>,
    /// The instant evaluated at.
    pub now: DateTime<Utc>,
    /// start + window: when a calendar or pinned window resets (a rolling
    /// window never resets: failures leave it one window after they happen).
    pub end: DateTime<Utc>,
    /// Time measured in the window, seconds: `elapsed` for a rolling
    /// window, `now − start` otherwise, within `0..=window`.
    pub elapsed_seconds: f64,
    /// One sentence on how the window follows the clock, for the page and a
    /// link opened later.
    pub time_note: String,
    /// What was adjusted (a pinned window not started or already over, a
    /// calendar alignment that needs a calendar period).
    pub notes: Vec<String>,
}

/// `t + seconds`, rounded to the millisecond; `None` when not a number or
/// off the calendar (chrono's range is about ±262 000 years: stay well
/// inside i64 milliseconds). Every "an instant this many seconds later" of
/// the core is this one.
///
/// ```
/// use nines_core::clock::{after, parse_instant};
/// let t = parse_instant("2026-11-01").unwrap();
/// assert_eq!(after(t, 86_400.0).unwrap().to_rfc3339(), "2026-11-02T00:00:00+00:00");
/// assert_eq!(after(t, f64::NAN), None);
/// ```
pub fn after(t: DateTime<Utc>, seconds: f64) -> Option<DateTime<Utc>> {
    if !seconds.is_finite() || seconds.abs() > 1e13 {
        return None;
    }
    t.checked_add_signed(Duration::try_milliseconds(
        (seconds * 1000.0).round() as i64
    )?)
}

/// Seconds from `a` to `b`.
fn seconds_between(a: DateTime<Utc>, b: DateTime<Utc>) -> f64 {
    (b - a).num_milliseconds() as f64 / 1000.0
}

/// The calendar period of kind `unit` (day, week, month, quarter, year)
/// that contains `now` in the offset `offset`, as UTC instants
/// `[start, end)`; `None` for a unit that is not a calendar period (an
/// hour, a rolling number of days).
///
/// ```
/// use nines_core::clock::{calendar_period, parse_instant, UtcOffset, WeekStart};
/// use nines_core::window::Period;
/// let now = parse_instant("2026-11-11T12:00:00Z").unwrap(); // a Wednesday
/// let (s, e) = calendar_period(Period::Week, now, WeekStart::Monday, UtcOffset::UTC).unwrap();
/// assert_eq!((s.to_rfc3339(), e.to_rfc3339()),
///     ("2026-11-09T00:00:00+00:00".into(), "2026-11-16T00:00:00+00:00".into()));
/// // In UTC+01:00 the month begins at 23:00 UTC the day before.
/// let plus1 = UtcOffset::from_minutes(60).unwrap();
/// let (s, _) = calendar_period(Period::Month, now, WeekStart::Monday, plus1).unwrap();
/// assert_eq!(s.to_rfc3339(), "2026-10-31T23:00:00+00:00");
/// assert!(calendar_period(Period::Days(30), now, WeekStart::Monday, plus1).is_none());
/// ```
pub fn calendar_period(
    unit: Period,
    now: DateTime<Utc>,
    week_start: WeekStart,
    offset: UtcOffset,
) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let local = now.naive_utc().checked_add_signed(offset.duration())?;
    let date = local.date();
    let first_of = |year: i32, month: u32| NaiveDate::from_ymd_opt(year, month, 1);
    let months_later = |d: NaiveDate, n: u32| d.checked_add_months(chrono::Months::new(n));
    let (start, end) = match unit {
        Period::Day => (date, date.succ_opt()?),
        Period::Week => {
            let back = date.weekday().days_since(week_start.weekday());
            let s = date.checked_sub_days(chrono::Days::new(u64::from(back)))?;
            (s, s.checked_add_days(chrono::Days::new(7))?)
        }
        Period::Month => {
            let s = first_of(date.year(), date.month())?;
            (s, months_later(s, 1)?)
        }
        Period::Quarter => {
            let s = first_of(date.year(), (date.month0() / 3) * 3 + 1)?;
            (s, months_later(s, 3)?)
        }
        Period::Year => {
            let s = first_of(date.year(), 1)?;
            (s, months_later(s, 12)?)
        }
        Period::Hour | Period::Days(_) => return None,
    };
    let utc = |d: NaiveDate| {
        d.and_time(NaiveTime::MIN)
            .checked_sub_signed(offset.duration())
            .map(|t| t.and_utc())
    };
    Some((utc(start)?, utc(end)?))
}

/// The window at `now`: see the module's documentation for the three
/// alignments. `elapsed_seconds` is read by a rolling window (negative or
/// non-finite values are left for the budget to report), `pinned_start` by
/// a pinned one, `week_start` and `offset` by a calendar one.
///
/// Rules: a calendar alignment needs a window that is a calendar period
/// (day, week, month, quarter, year): with any other it falls back to
/// rolling and says so. A pinned window not yet started has nothing
/// elapsed; one already over is shown whole (elapsed = window), and both
/// are noted.
///
/// ```
/// use nines_core::clock::{window_frame, parse_instant, Alignment, UtcOffset, WeekStart};
/// use nines_core::window::{Convention, Period};
/// let now = parse_instant("2027-02-10T12:00:00Z").unwrap();
/// let f = window_frame(Alignment::Calendar, Period::Month, Convention::GregorianMean,
///     0.0, now, WeekStart::Monday, UtcOffset::UTC, now);
/// assert_eq!(f.window, Period::Days(28)); // February 2027
/// assert_eq!(f.start.to_rfc3339(), "2027-02-01T00:00:00+00:00");
/// assert_eq!(f.elapsed_seconds, 9.5 * 86_400.0);
/// ```
#[allow(clippy::too_many_arguments)]
pub fn window_frame(
    alignment: Alignment,
    slo_window: Period,
    convention: Convention,
    elapsed_seconds: f64,
    pinned_start: DateTime<Utc>,
    week_start: WeekStart,
    offset: UtcOffset,
    now: DateTime<Utc>,
) -> WindowFrame {
    let nominal = slo_window.seconds(convention) as f64;
    let mut notes = Vec::new();
    let window_name = slo_window.name();
    let rolling = |notes: Vec<String>| {
        let start = after(now, -elapsed_seconds.clamp(0.0, nominal)).unwrap_or(now);
        WindowFrame {
            alignment: Alignment::Rolling,
            window: slo_window,
            slo_window,
            window_seconds: nominal,
            start,
            now,
            end: after(start, nominal).unwrap_or(now),
            elapsed_seconds,
            time_note: [
                "Rolling window: the last ",
                &window_name,
                " up to now; opened later (from a link too), it stays relative to the reader's now.",
            ]
            .concat(),
            notes,
        }
    };
    match alignment {
        Alignment::Rolling => rolling(notes),
        Alignment::Calendar => match calendar_period(slo_window, now, week_start, offset) {
            Some((start, end)) => {
                let seconds = seconds_between(start, end);
                let days = (seconds / 86_400.0).round() as u32;
                let unit = match slo_window {
                    Period::Day => "day",
                    Period::Week => "week",
                    Period::Month => "month",
                    Period::Quarter => "quarter",
                    _ => "year",
                };
                let week = if slo_window == Period::Week {
                    [", weeks start on ", week_start.choice_label()].concat()
                } else {
                    String::new()
                };
                WindowFrame {
                    alignment,
                    slo_window,
                    window: Period::Days(days),
                    window_seconds: seconds,
                    start,
                    now,
                    end,
                    elapsed_seconds: seconds_between(start, now).clamp(0.0, seconds),
                    time_note: format!(
                        "Calendar {unit} in {}{week}: this one runs from {} to {} ({days} days); opened later (from a link too), it follows the reader's calendar.",
                        offset.label(),
                        format_instant(start),
                        format_instant(end),
                    ),
                    notes,
                }
            }
            None => {
                notes.push(format!(
                    "A calendar window must be a day, week, month, quarter or year; {window_name} is a rolling length, so the window rolls."
                ));
                rolling(notes)
            }
        },
        Alignment::Pinned => {
            let end = after(pinned_start, nominal).unwrap_or(pinned_start);
            let measured = seconds_between(pinned_start, now);
            if measured < 0.0 {
                notes.push(format!(
                    "The window starts on {}, after now: nothing has elapsed yet.",
                    format_instant(pinned_start)
                ));
            } else if measured > nominal {
                notes.push(format!(
                    "The pinned window ended on {}: the figures are for the whole window; pin a later start or roll the window.",
                    format_instant(end)
                ));
            }
            WindowFrame {
                alignment,
                window: slo_window,
                slo_window,
                window_seconds: nominal,
                start: pinned_start,
                now,
                end,
                elapsed_seconds: measured.clamp(0.0, nominal),
                time_note: format!(
                    "Pinned start: the window runs from {} for {window_name}; opened later (from a link too), the start stays pinned.",
                    format_instant(pinned_start)
                ),
                notes,
            }
        }
    }
}

/// When a deployment freeze lifts, if no more failures happen: a calendar
/// or pinned window resets at its end; in a rolling window the oldest
/// failures leave it first.
///
/// Rolling rule: with `spent` (> `allowed`) spread evenly over the
/// `elapsed` seconds before now, at `t` seconds after now the window still
/// holds `spent × (W − t) / elapsed` once `t ≥ W − elapsed`; that is at
/// most `allowed` from `t = W − elapsed × allowed / spent`. Example: a
/// 30-day window fully measured with twice its budget spent lifts 15 days
/// from now, when half the failures have left it.
///
/// `None` when the budget is not overspent, or unbounded (nothing allowed).
///
/// ```
/// use nines_core::clock::{freeze_lifts_after, Alignment};
/// let w = 30.0 * 86_400.0;
/// assert_eq!(freeze_lifts_after(Alignment::Rolling, w, w, 2.0, 1.0), Some(15.0 * 86_400.0));
/// // Calendar: at the reset, 20 days after 10 days elapsed.
/// assert_eq!(freeze_lifts_after(Alignment::Calendar, w, 10.0 * 86_400.0, 2.0, 1.0), Some(20.0 * 86_400.0));
/// assert_eq!(freeze_lifts_after(Alignment::Rolling, w, w, 0.5, 1.0), None);
/// ```
pub fn freeze_lifts_after(
    alignment: Alignment,
    window_seconds: f64,
    elapsed_seconds: f64,
    spent: f64,
    allowed: f64,
) -> Option<f64> {
    if spent.is_nan() || spent <= allowed || !spent.is_finite() {
        return None;
    }
    match alignment {
        Alignment::Rolling if allowed > 0.0 => {
            Some((window_seconds - elapsed_seconds * allowed / spent).max(0.0))
        }
        Alignment::Rolling => Some(window_seconds),
        Alignment::Calendar | Alignment::Pinned => {
            Some((window_seconds - elapsed_seconds).max(0.0))
        }
    }
}

/// When the budget's clock runs (issue 15 §1 and §2): the service hours,
/// less planned maintenance excluded from the target, read in a fixed UTC
/// offset. Outside them nothing is measured: no budget accrues, no time
/// elapses and no budget runs out. 24/7 with nothing excluded is plain
/// time, and every figure is the one without service hours.
///
/// Planned maintenance given as a weekly window is cut out of the service
/// hours it overlaps; given as time per month, it is spread evenly (the
/// measured time is the service time × (1 − maintenance / month)).
/// Maintenance counted against the budget is measured like any time.
///
/// Worked by hand: Mon–Fri 09:00–17:00 holds 40 h a week; from Friday
/// 16:00 to Monday 10:00 it measures 1 h + 1 h = 2 h.
///
/// ```
/// use nines_core::clock::{parse_instant, MeasuredTime, UtcOffset};
/// use nines_core::window::{Convention, PlannedMaintenance};
/// let office = MeasuredTime::new(
///     "Mon-Fri 09:00-17:00".parse().unwrap(),
///     &PlannedMaintenance::default(),
///     UtcOffset::UTC,
///     Convention::GregorianMean,
/// );
/// let fri = parse_instant("2026-11-13T16:00Z").unwrap();
/// let mon = parse_instant("2026-11-16T10:00Z").unwrap();
/// assert_eq!(office.between(fri, mon), 7_200.0);
/// assert_eq!(office.after(fri, 7_200.0), Some(mon));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MeasuredTime {
    hours: ServiceHours,
    excluded_weekly: Option<ServiceHours>,
    /// 1 − excluded monthly maintenance / month (1 when none).
    monthly_factor: f64,
    offset: UtcOffset,
}

impl Default for MeasuredTime {
    /// 24/7, nothing excluded.
    fn default() -> Self {
        MeasuredTime::ALWAYS
    }
}

impl MeasuredTime {
    /// Every second counts.
    pub const ALWAYS: MeasuredTime = MeasuredTime {
        hours: ServiceHours::always(),
        excluded_weekly: None,
        monthly_factor: 1.0,
        offset: UtcOffset::UTC,
    };

    /// `hours` in `offset`, less `maintenance` when it is excluded.
    pub fn new(
        hours: ServiceHours,
        maintenance: &PlannedMaintenance,
        offset: UtcOffset,
        convention: Convention,
    ) -> MeasuredTime {
        let (excluded_weekly, monthly_factor) = match (maintenance.treatment, maintenance.weekly) {
            (Maintenance::Counted, _) => (None, 1.0),
            (Maintenance::Excluded, Some(w)) => (Some(w), 1.0),
            (Maintenance::Excluded, None) => {
                let month = Period::Month.seconds(convention) as f64;
                let share = maintenance.seconds_in(Period::Month, convention) / month;
                (None, (1.0 - share).clamp(0.0, 1.0))
            }
        };
        MeasuredTime {
            hours,
            excluded_weekly,
            monthly_factor,
            offset,
        }
    }

    /// Whether every second is measured (24/7, nothing excluded).
    pub fn is_always(&self) -> bool {
        self.hours.is_always() && self.excluded_weekly.is_none() && self.monthly_factor == 1.0
    }

    /// The offset the hours are read in.
    pub fn offset(&self) -> UtcOffset {
        self.offset
    }

    /// The measured parts of weekday `day` (0 = Monday), seconds after
    /// local midnight: the service hours less an excluded window (at most
    /// two pieces; an empty piece has start = end).
    fn day_intervals(&self, day: usize) -> [(u32, u32); 2] {
        let Some(h) = self.hours.day(day) else {
            return [(0, 0); 2];
        };
        let (a, b) = (
            u32::from(h.start_minute()) * 60,
            u32::from(h.end_minute()) * 60,
        );
        match self.excluded_weekly.and_then(|m| m.day(day)) {
            None => [(a, b), (b, b)],
            Some(m) => {
                let (c, d) = (
                    u32::from(m.start_minute()) * 60,
                    u32::from(m.end_minute()) * 60,
                );
                // [a, b) less [c, d): before c, and from d.
                [(a, c.min(b).max(a)), (d.max(a).min(b), b)]
            }
        }
    }

    /// Seconds measured per week (before monthly maintenance).
    fn weekly_seconds(&self) -> u64 {
        (0..7)
            .flat_map(|d| self.day_intervals(d))
            .map(|(a, b)| u64::from(b.saturating_sub(a)))
            .sum()
    }

    /// The share of all time that is measured: 1 for 24/7; 5/21 for Mon–Fri
    /// 09:00–17:00 (40 h of 168).
    ///
    /// ```
    /// use nines_core::clock::{MeasuredTime, UtcOffset};
    /// use nines_core::window::{Convention, PlannedMaintenance};
    /// let m = MeasuredTime::new("Mon-Fri 09:00-17:00".parse().unwrap(), &PlannedMaintenance::default(), UtcOffset::UTC, Convention::GregorianMean);
    /// assert_eq!(m.fraction(), 40.0 / 168.0);
    /// ```
    pub fn fraction(&self) -> f64 {
        if self.is_always() {
            return 1.0;
        }
        self.weekly_seconds() as f64 / 604_800.0 * self.monthly_factor
    }

    /// `t` as a local date and time in the offset.
    fn local(&self, t: DateTime<Utc>) -> chrono::NaiveDateTime {
        t.naive_utc() + self.offset.duration()
    }

    /// Measured seconds in `[from, to)` (0 when `to` is not after `from`).
    pub fn between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> f64 {
        if to <= from {
            return 0.0;
        }
        if self.is_always() {
            return seconds_between(from, to);
        }
        let weeks = (to - from).num_weeks();
        let whole = weeks as f64 * self.weekly_seconds() as f64;
        let rest = Duration::try_weeks(weeks)
            .and_then(|w| from.checked_add_signed(w))
            .map_or(0.0, |start| self.within_week(start, to));
        (whole + rest) * self.monthly_factor
    }

    /// The measured intervals from `from` on, in local time, in order, the
    /// first clipped to start at `from`: `days` days of them (the one walk
    /// of [`MeasuredTime::between`] and [`MeasuredTime::after`]).
    fn intervals(
        &self,
        from: chrono::NaiveDateTime,
        days: usize,
    ) -> impl Iterator<Item = (chrono::NaiveDateTime, chrono::NaiveDateTime)> + '_ {
        std::iter::successors(Some(from.date()), |d| d.succ_opt())
            .take(days)
            .flat_map(move |day| {
                let midnight = day.and_time(NaiveTime::MIN);
                let weekday = day.weekday().num_days_from_monday() as usize;
                self.day_intervals(weekday).map(move |(a, b)| {
                    (
                        (midnight + Duration::seconds(i64::from(a))).max(from),
                        midnight + Duration::seconds(i64::from(b)),
                    )
                })
            })
            .filter(|(s, e)| e > s)
    }

    /// Measured seconds in `[from, to)`, less than a week apart.
    fn within_week(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> f64 {
        let (lf, lt) = (self.local(from), self.local(to));
        self.intervals(lf, 8)
            .take_while(|(s, _)| *s < lt)
            .map(|(s, e)| (e.min(lt) - s).num_milliseconds() as f64 / 1000.0)
            .sum()
    }

    /// The instant at which `seconds` of measured time have passed since
    /// `from`; `None` when nothing is ever measured (closed), `seconds` is
    /// negative or not a number, or the instant is off the calendar.
    pub fn after(&self, from: DateTime<Utc>, seconds: f64) -> Option<DateTime<Utc>> {
        if self.is_always() {
            return after(from, seconds);
        }
        let weekly = self.weekly_seconds() as f64;
        if !(seconds.is_finite() && (0.0..=1e13).contains(&seconds))
            || weekly == 0.0
            || self.monthly_factor <= 0.0
        {
            return None;
        }
        let raw = seconds / self.monthly_factor;
        if raw == 0.0 {
            return Some(from);
        }
        // Whole weeks first, leaving (0, one week] to walk day by day.
        let weeks = ((raw / weekly).ceil() - 1.0).max(0.0);
        let mut left = raw - weeks * weekly;
        let start = from.checked_add_signed(Duration::try_weeks(weeks as i64)?)?;
        for (s, e) in self.intervals(self.local(start), 9) {
            let length = (e - s).num_milliseconds() as f64 / 1000.0;
            if left <= length {
                let at = s + Duration::try_milliseconds((left * 1000.0).round() as i64)?;
                return Some(DateTime::from_naive_utc_and_offset(
                    at - self.offset.duration(),
                    Utc,
                ));
            }
            left -= length;
        }
        None
    }

    /// One sentence for reports, or `""` for plain time: `Counted in service
    /// time only: Mon-Fri 09:00-17:00 (UTC+01:00), 40 hours a week.`
    pub fn describe(&self) -> String {
        if self.is_always() {
            return String::new();
        }
        let hours = if self.hours.is_always() {
            "around the clock".to_string()
        } else {
            [&self.hours.to_string(), " (", &self.offset.label(), ")"].concat()
        };
        let less = match self.excluded_weekly {
            Some(w) => [", less the planned maintenance ", &w.to_string()].concat(),
            None if self.monthly_factor < 1.0 => {
                ", less the planned maintenance (spread evenly)".to_string()
            }
            None => String::new(),
        };
        let week = self.weekly_seconds() as f64 * self.monthly_factor / 3_600.0;
        [
            "Counted in service time only: ",
            &hours,
            &less,
            ", ",
            &crate::display::count(week, 2),
            " hours a week. Outside it no budget accrues and no time elapses.",
        ]
        .concat()
    }
}

/// An instant for JSON (`2026-11-22T14:24:00Z`) and for people
/// (`Sun 22 Nov 2026, 14:24 UTC`).
///
/// ```
/// use nines_core::clock::{parse_instant, Instant};
/// let i = Instant::of(parse_instant("2026-11-22T14:24:00Z").unwrap());
/// assert_eq!(i.iso, "2026-11-22T14:24:00Z");
/// assert_eq!(i.display, "Sun 22 Nov 2026, 14:24 UTC");
/// ```
#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct Instant {
    /// ISO 8601 UTC, to the second.
    pub iso: String,
    /// For people.
    pub display: String,
}

impl Instant {
    /// `t` both ways.
    pub fn of(t: DateTime<Utc>) -> Instant {
        Instant {
            iso: format_instant_iso(t),
            display: format_instant(t),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        parse_instant(s).unwrap()
    }

    #[test]
    fn calendar_periods_worked_by_hand() {
        let mon = WeekStart::Monday;
        let utc = UtcOffset::UTC;
        // 2027-03-10 is a Wednesday (ISO week 10 of 2027 runs Mon 8 – Sun 14 March).
        let now = at("2027-03-10T00:00:00Z");
        let week = calendar_period(Period::Week, now, mon, utc).unwrap();
        assert_eq!(week, (at("2027-03-08"), at("2027-03-15")));
        let sunday = calendar_period(Period::Week, now, WeekStart::Sunday, utc).unwrap();
        assert_eq!(sunday, (at("2027-03-07"), at("2027-03-14")));
        let saturday = calendar_period(Period::Week, now, WeekStart::Saturday, utc).unwrap();
        assert_eq!(saturday, (at("2027-03-06"), at("2027-03-13")));
        // Q1 2027: 1 Jan to 1 Apr, 31 + 28 + 31 = 90 days.
        let q = calendar_period(Period::Quarter, now, mon, utc).unwrap();
        assert_eq!(q, (at("2027-01-01"), at("2027-04-01")));
        // 2028 is a leap year: 366 days; February 2028 has 29.
        let y = calendar_period(Period::Year, at("2028-06-01"), mon, utc).unwrap();
        assert_eq!(seconds_between(y.0, y.1), 366.0 * 86_400.0);
        let feb = calendar_period(Period::Month, at("2028-02-29T23:59:59Z"), mon, utc).unwrap();
        assert_eq!(seconds_between(feb.0, feb.1), 29.0 * 86_400.0);
        // At 23:30 UTC on 31 Dec, UTC+01:00 is already 00:30 on 1 Jan:
        // the new year began at 23:00 UTC.
        let plus1 = UtcOffset::from_minutes(60).unwrap();
        let y = calendar_period(Period::Year, at("2026-12-31T23:30:00Z"), mon, plus1).unwrap();
        assert_eq!(y.0, at("2026-12-31T23:00:00Z"));
        // UTC−05:00 at 02:00 UTC on 1 Dec is still 21:00 on 30 Nov.
        let minus5 = UtcOffset::from_minutes(-300).unwrap();
        let m = calendar_period(Period::Month, at("2026-12-01T02:00:00Z"), mon, minus5).unwrap();
        assert_eq!(m, (at("2026-11-01T05:00:00Z"), at("2026-12-01T05:00:00Z")));
    }

    #[test]
    fn rolling_frames_count_back_from_now() {
        // The default story: 10 days into a 30-day window on 11 Nov 2026.
        let now = at("2026-11-11");
        let f = window_frame(
            Alignment::Rolling,
            Period::Days(30),
            Convention::GregorianMean,
            864_000.0,
            at("2000-01-01"),
            WeekStart::Monday,
            UtcOffset::UTC,
            now,
        );
        assert_eq!(f.start, at("2026-11-01"));
        assert_eq!(f.end, at("2026-12-01"));
        // A month later the same inputs keep the last 10 days.
        let later = at("2026-12-11");
        let g = window_frame(
            Alignment::Rolling,
            Period::Days(30),
            Convention::GregorianMean,
            864_000.0,
            at("2000-01-01"),
            WeekStart::Monday,
            UtcOffset::UTC,
            later,
        );
        assert_eq!(g.start, at("2026-12-01"));
        assert!(g.time_note.contains("relative to the reader's now"));
    }

    #[test]
    fn pinned_frames_keep_their_start_and_say_when_over() {
        let start = at("2026-11-01");
        let frame = |now| {
            window_frame(
                Alignment::Pinned,
                Period::Days(30),
                Convention::GregorianMean,
                0.0,
                start,
                WeekStart::Monday,
                UtcOffset::UTC,
                now,
            )
        };
        let f = frame(at("2026-11-11"));
        assert_eq!(f.elapsed_seconds, 864_000.0);
        assert!(f.notes.is_empty());
        let over = frame(at("2026-12-11"));
        assert_eq!(over.elapsed_seconds, 30.0 * 86_400.0);
        assert!(
            over.notes[0].contains("ended on Tue 1 Dec 2026"),
            "{:?}",
            over.notes
        );
        let early = frame(at("2026-10-20"));
        assert_eq!(early.elapsed_seconds, 0.0);
        assert!(early.notes[0].contains("starts on Sun 1 Nov 2026"));
    }

    #[test]
    fn calendar_alignment_needs_a_calendar_period() {
        let f = window_frame(
            Alignment::Calendar,
            Period::Days(28),
            Convention::GregorianMean,
            86_400.0,
            at("2000-01-01"),
            WeekStart::Monday,
            UtcOffset::UTC,
            at("2026-11-11"),
        );
        assert_eq!(f.alignment, Alignment::Rolling);
        assert!(
            f.notes[0].contains("28 days is a rolling length"),
            "{:?}",
            f.notes
        );
    }

    #[test]
    fn instants_read_by_hand() {
        let ok = [
            ("2027-03-10", "2027-03-10T00:00:00+00:00"),
            ("2027-03-10T09:30", "2027-03-10T09:30:00+00:00"),
            ("2027-03-10 09:30:15", "2027-03-10T09:30:15+00:00"),
            ("2027-03-10T09:30:15Z", "2027-03-10T09:30:15+00:00"),
            ("2027-03-10T09:30:15.25Z", "2027-03-10T09:30:15.250+00:00"),
            ("2027-03-10T00:30:00+01:00", "2027-03-09T23:30:00+00:00"),
            ("2027-03-09T19:00:00-05:30", "2027-03-10T00:30:00+00:00"),
            (" 2028-02-29 ", "2028-02-29T00:00:00+00:00"),
        ];
        for (text, want) in ok {
            assert_eq!(parse_instant(text).unwrap().to_rfc3339(), want, "{text}");
        }
        for bad in [
            "2027-3-10",
            "2027-03-10T9:30",
            "2027-03-10T09:30+1",
            "2027-03-10X",
            "2027-13-01",
            "2027-03-10T24:00",
            "2027-03-10T09:30:15.",
            "20270310",
            "2027-03-10T09:30:15+01:00x",
            "é027-03-10",
            "2027-03-10T09:30:15+01:0é",
        ] {
            assert!(parse_instant(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn offsets_read_and_refused() {
        for (text, minutes) in [
            ("+01:00", 60),
            ("-0530", -330),
            ("UTC", 0),
            ("gmt-3", -180),
            ("+14", 840),
        ] {
            assert_eq!(
                text.parse::<UtcOffset>().unwrap().minutes(),
                minutes,
                "{text}"
            );
        }
        let e = "+14:30".parse::<UtcOffset>().unwrap_err().to_string();
        assert!(e.contains("±14:00"), "{e}");
        assert!("Europe/Paris".parse::<UtcOffset>().is_err());
        assert!("+1:75".parse::<UtcOffset>().is_err());
        // Not ASCII after the sign: refused, never split inside a character.
        for text in ["+é12", "−0130", "+1é", "-", "+", "UTC+"] {
            let _ = text.parse::<UtcOffset>();
        }
        assert_eq!("−01:30".parse::<UtcOffset>().unwrap().minutes(), -90);
        assert!("+é12".parse::<UtcOffset>().is_err());
    }

    fn office(offset: i32, maintenance: PlannedMaintenance) -> MeasuredTime {
        MeasuredTime::new(
            "Mon-Fri 09:00-17:00".parse().unwrap(),
            &maintenance,
            UtcOffset::from_minutes(offset).unwrap(),
            Convention::GregorianMean,
        )
    }

    #[test]
    fn service_time_counted_by_hand() {
        let m = office(0, PlannedMaintenance::default());
        // 2026-11-09 is a Monday. A week from any instant holds 40 h.
        assert_eq!(m.between(at("2026-11-09"), at("2026-11-16")), 144_000.0);
        assert_eq!(
            m.between(at("2026-11-11T13:30Z"), at("2026-11-18T13:30Z")),
            144_000.0
        );
        // 30 days from Sun 1 Nov 2026: 4 weeks (160 h) + Sun 29 and Mon 30
        // (8 h) = 168 h.
        assert_eq!(
            m.between(at("2026-11-01"), at("2026-12-01")),
            168.0 * 3_600.0
        );
        // Saturday to Sunday: nothing; backwards: nothing.
        assert_eq!(m.between(at("2026-11-14"), at("2026-11-16")), 0.0);
        assert_eq!(m.between(at("2026-11-16"), at("2026-11-14")), 0.0);
        // 32 h of service from Mon 00:00 is Thu 17:00 (8 h a day).
        assert_eq!(
            m.after(at("2026-11-09"), 32.0 * 3_600.0),
            Some(at("2026-11-12T17:00Z"))
        );
        // 40 h from Mon 00:00 ends Fri 17:00, and 41 h is next Mon 10:00.
        assert_eq!(
            m.after(at("2026-11-09"), 40.0 * 3_600.0),
            Some(at("2026-11-13T17:00Z"))
        );
        assert_eq!(
            m.after(at("2026-11-09"), 41.0 * 3_600.0),
            Some(at("2026-11-16T10:00Z"))
        );
        // 10 weeks and 1 h from Sat 14 Nov: Mon 25 Jan 2027, 10:00.
        assert_eq!(
            m.after(at("2026-11-14"), 401.0 * 3_600.0),
            Some(at("2027-01-25T10:00Z"))
        );
        // In UTC+01:00 the hours are 08:00-16:00 UTC.
        let paris = office(60, PlannedMaintenance::default());
        assert_eq!(
            paris.after(at("2026-11-09"), 32.0 * 3_600.0),
            Some(at("2026-11-12T16:00Z"))
        );
        assert_eq!(
            paris.between(at("2026-11-09T07:00Z"), at("2026-11-09T09:00Z")),
            3_600.0
        );
        // Closed: nothing is measured, nothing runs out.
        let closed = MeasuredTime::new(
            "closed".parse().unwrap(),
            &PlannedMaintenance::default(),
            UtcOffset::UTC,
            Convention::GregorianMean,
        );
        assert_eq!(closed.fraction(), 0.0);
        assert_eq!(closed.after(at("2026-11-09"), 1.0), None);
        assert_eq!(m.after(at("2026-11-09"), f64::NAN), None);
        assert_eq!(m.after(at("2026-11-09"), -1.0), None);
        assert!(MeasuredTime::ALWAYS.is_always());
        assert_eq!(MeasuredTime::ALWAYS.describe(), "");
    }

    #[test]
    fn excluded_maintenance_is_not_measured() {
        // Wednesday 12:00-13:00 excluded: 39 h a week.
        let weekly = |t| PlannedMaintenance::weekly(t, "Wed 12:00-13:00".parse().unwrap());
        let m = office(0, weekly(Maintenance::Excluded));
        assert_eq!(
            m.between(at("2026-11-09"), at("2026-11-16")),
            39.0 * 3_600.0
        );
        assert_eq!(m.fraction(), 39.0 / 168.0);
        // Wed 09:00 + 4 h of service: 12:00-13:00 is skipped, so 14:00.
        assert_eq!(
            m.after(at("2026-11-11T09:00Z"), 4.0 * 3_600.0),
            Some(at("2026-11-11T14:00Z"))
        );
        assert_eq!(
            m.describe(),
            "Counted in service time only: Mon-Fri 09:00-17:00 (UTC), less the planned \
             maintenance Wed 12:00-13:00, 39 hours a week. Outside it no budget accrues and \
             no time elapses."
        );
        // Counted maintenance is measured like any time.
        assert_eq!(
            office(0, weekly(Maintenance::Counted)).fraction(),
            40.0 / 168.0
        );
        // Outside the service hours an excluded window changes nothing.
        let night =
            PlannedMaintenance::weekly(Maintenance::Excluded, "Sun 02:00-04:00".parse().unwrap());
        assert_eq!(office(0, night).fraction(), 40.0 / 168.0);
        // 24/7 less 4 h a month spread evenly (Gregorian month 2 629 746 s):
        // a week measures 604 800 × (1 − 14 400 / 2 629 746).
        let monthly = MeasuredTime::new(
            ServiceHours::always(),
            &PlannedMaintenance::new(Maintenance::Excluded, 14_400.0).unwrap(),
            UtcOffset::UTC,
            Convention::GregorianMean,
        );
        let week = monthly.between(at("2026-11-09"), at("2026-11-16"));
        assert!((week - 604_800.0 * (1.0 - 14_400.0 / 2_629_746.0)).abs() < 1e-6);
        assert!(!monthly.is_always());
    }
}
