//! The SLO window on the calendar: where a window starts and
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
use crate::ratio::Ratio;
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
/// the page.
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

/// What an instant's offset may be, for [`parse_instant`]'s refusal.
const OFFSET_RANGE: &str =
    "its offset from UTC must be between -14:00 and +14:00, with minutes 00 to 59";

/// An instant as a person or a flag gives it: RFC 3339
/// (`2027-03-10T00:00:00Z`, `2027-03-10T09:30:00+01:00`), the same without
/// seconds or offset (read as UTC), or a date (`2027-03-10`, midnight UTC).
/// An offset is one of the world's time zones', as [`UtcOffset`] takes
/// them: −14:00 to +14:00, minutes 00 to 59 (`+25:00` is refused).
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
/// // Offsets as the world's time zones have them: ±14:00, minutes below 60.
/// assert!(parse_instant("2027-03-10T09:30:00+25:00").unwrap_err().to_string().contains("-14:00 and +14:00"));
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
            // The offsets of the world's time zones, as `--utc-offset`
            // takes them (`UtcOffset`): ±14:00 at most, minutes 00 to 59.
            // `+25:00` or `+00:60` would silently shift the instant.
            if m >= 60 {
                return Err(err(Problem::Invalid(OFFSET_RANGE)));
            }
            let minutes = sign * (h * 60 + m) as i32;
            if UtcOffset::from_minutes(minutes).is_none() {
                return Err(err(Problem::Invalid(OFFSET_RANGE)));
            }
            minutes
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

/// When the budget's clock runs: the service hours,
/// less planned maintenance excluded from the target, read in a fixed UTC
/// offset. Outside them nothing is measured: no budget accrues, no time
/// elapses and no budget runs out. 24/7 with nothing excluded is plain
/// time, and every figure is the one without service hours.
///
/// The one rule of planned maintenance, read here by every figure (the
/// downtime table, the error budget, the alerts): **only the part of the
/// maintenance inside the service hours is excluded or counted**.
///
/// * A weekly window is cut to the service hours: beside Mon–Fri
///   09:00–17:00, `Sun 02:00-04:00` touches nothing and `Wed 16:00-18:00`
///   takes its one hour before 17:00.
/// * An amount a month has no time of day: it is taken to fall inside the
///   service hours (it is the maintenance the service sees), spread evenly
///   over them, and never more than they hold.
/// * Excluded, that part is not measured. Counted, it is measured like any
///   time and spent from the budget as downtime
///   ([`MeasuredTime::counted_between`]): the downtime allowed is the
///   budget less it, never below zero.
///
/// A period shorter than a week has a figure only when every day measures
/// the same time and holds the same maintenance ([`MeasuredTime::in_period`]);
/// otherwise it is not defined, whichever of the two differs.
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
    /// The weekly maintenance window, excluded or counted.
    window: Option<ServiceHours>,
    /// Planned maintenance a month when there is no weekly window (0:
    /// none).
    monthly_seconds: f64,
    treatment: Maintenance,
    convention: Convention,
    offset: UtcOffset,
}

impl Default for MeasuredTime {
    /// 24/7, nothing excluded.
    fn default() -> Self {
        MeasuredTime::ALWAYS
    }
}

/// A week of the schedule, in exact seconds (see [`MeasuredTime::week`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ServiceWeek {
    /// Time in service.
    pub service: Ratio,
    /// Planned maintenance inside the service hours, whatever its
    /// treatment.
    pub maintenance: Ratio,
    /// The time measured: the service time less excluded maintenance.
    pub measured: Ratio,
    /// Maintenance counted against the budget: downtime spent from it.
    pub counted: Ratio,
}

/// The measured time of a period and the maintenance counted in it, exact
/// seconds (see [`MeasuredTime::in_period`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PeriodTime {
    /// Seconds measured (the budget is `U ×` them).
    pub measured: Ratio,
    /// Seconds of counted maintenance, spent from that budget.
    pub counted: Ratio,
}

/// Why a period shorter than a week has no figure: its days do not all
/// measure the same time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnevenDays {
    /// The service hours differ from day to day.
    ServiceHours,
    /// The service hours are alike but the planned maintenance inside them
    /// is not (a weekly window on some days only).
    Maintenance,
}

/// Which part of the schedule a walk over the calendar follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    /// The service hours less an excluded window.
    Measured,
    /// The service hours.
    Service,
    /// The weekly window inside the service hours.
    Window,
}

/// `r × num / den`, exactly when it fits, else through `f64`.
fn scaled(r: Ratio, num: u128, den: u128) -> Ratio {
    Ratio::new(num, den)
        .and_then(|s| r.checked_mul(s))
        .or_else(|| Ratio::from_f64(r.to_f64() * num as f64 / den as f64))
        .unwrap_or(Ratio::ZERO)
}

/// The parts of `a` inside `b`, both sorted and disjoint.
fn intersect(a: &[(u32, u32)], b: &[(u32, u32)]) -> Vec<(u32, u32)> {
    a.iter()
        .flat_map(|&(s, e)| {
            b.iter().filter_map(move |&(c, d)| {
                let (x, y) = (s.max(c), e.min(d));
                (x < y).then_some((x, y))
            })
        })
        .collect()
}

/// The parts of `a` outside `b`, both sorted and disjoint.
fn subtract(a: &[(u32, u32)], b: &[(u32, u32)]) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    for &(s, e) in a {
        let mut from = s;
        for &(c, d) in b.iter().filter(|(c, d)| *d > s && *c < e) {
            if c > from {
                out.push((from, c));
            }
            from = from.max(d);
        }
        if from < e {
            out.push((from, e));
        }
    }
    out
}

/// `a − b`, zero when `b` is larger.
fn less(a: Ratio, b: Ratio) -> Ratio {
    a.checked_sub(b).unwrap_or(Ratio::ZERO)
}

impl MeasuredTime {
    /// Every second counts.
    pub const ALWAYS: MeasuredTime = MeasuredTime {
        hours: ServiceHours::always(),
        window: None,
        monthly_seconds: 0.0,
        treatment: Maintenance::Excluded,
        convention: Convention::GregorianMean,
        offset: UtcOffset::UTC,
    };

    /// `hours` in `offset` with `maintenance`, months as `convention` has
    /// them.
    pub fn new(
        hours: ServiceHours,
        maintenance: &PlannedMaintenance,
        offset: UtcOffset,
        convention: Convention,
    ) -> MeasuredTime {
        let monthly = maintenance.seconds_per_month;
        MeasuredTime {
            hours,
            window: maintenance.weekly,
            monthly_seconds: if maintenance.weekly.is_none() && monthly.is_finite() && monthly > 0.0
            {
                monthly
            } else {
                0.0
            },
            treatment: maintenance.treatment,
            convention,
            offset,
        }
    }

    /// Whether every second is measured (24/7, nothing excluded).
    pub fn is_always(&self) -> bool {
        self.hours.is_always()
            && (self.treatment == Maintenance::Counted
                || (self.window.is_none() && self.monthly_seconds == 0.0))
    }

    /// The offset the hours are read in.
    pub fn offset(&self) -> UtcOffset {
        self.offset
    }

    /// Whether the planned maintenance is excluded or counted.
    pub fn treatment(&self) -> Maintenance {
        self.treatment
    }

    /// The pieces of weekday `day` (0 = Monday) that `part` follows,
    /// seconds after local midnight, in order. A range across midnight is
    /// its evening on one day and its morning on the next, and a weekly
    /// maintenance window is cut the same way, so the part of it inside the
    /// service hours is found day by day.
    fn pieces(&self, day: usize, part: Part) -> Vec<(u32, u32)> {
        let seconds = |h: &ServiceHours| -> Vec<(u32, u32)> {
            h.day_ranges(day)
                .map(|r| {
                    (
                        u32::from(r.start_minute()) * 60,
                        u32::from(r.end_minute()) * 60,
                    )
                })
                .collect()
        };
        let service = seconds(&self.hours);
        let window = match (&self.window, part) {
            (_, Part::Service) | (None, _) => return service,
            (Some(w), _) => seconds(w),
        };
        match part {
            Part::Window => intersect(&service, &window),
            Part::Measured if self.treatment == Maintenance::Excluded => {
                subtract(&service, &window)
            }
            _ => service,
        }
    }

    /// Seconds of `part` on weekday `day`.
    fn day_seconds(&self, day: usize, part: Part) -> u64 {
        self.pieces(day, part)
            .iter()
            .map(|(a, b)| u64::from(b.saturating_sub(*a)))
            .sum()
    }

    /// Seconds of `part` a week.
    fn weekly(&self, part: Part) -> u64 {
        (0..7).map(|d| self.day_seconds(d, part)).sum()
    }

    /// The planned maintenance inside the service hours, seconds a week:
    /// the window's part inside them, or the monthly amount's weekly share
    /// (× 7 days / the month), at most the service time.
    fn maintenance_week(&self) -> Ratio {
        if self.window.is_some() {
            return Ratio::from_integer(u128::from(self.weekly(Part::Window)));
        }
        if self.monthly_seconds <= 0.0 {
            return Ratio::ZERO;
        }
        let service = Ratio::from_integer(u128::from(self.weekly(Part::Service)));
        let month = u128::from(self.convention.month_seconds());
        let share = Ratio::from_f64(self.monthly_seconds)
            .map(|m| scaled(m, 604_800, month))
            .unwrap_or(service);
        if share < service { share } else { service }
    }

    /// A week of the schedule, exactly: its service time, the maintenance
    /// inside it, what is measured and what counted maintenance spends.
    ///
    /// ```
    /// use nines_core::clock::{MeasuredTime, UtcOffset};
    /// use nines_core::ratio::Ratio;
    /// use nines_core::window::{Convention, PlannedMaintenance};
    /// // Mon–Fri 09:00–17:00 (40 h) and Wed 16:00–18:00 excluded: only
    /// // 16:00–17:00 is inside the service hours, so 39 h are measured.
    /// let m = MeasuredTime::new(
    ///     "Mon-Fri 09:00-17:00".parse().unwrap(),
    ///     &"Wed 16:00-18:00 excluded".parse::<PlannedMaintenance>().unwrap(),
    ///     UtcOffset::UTC,
    ///     Convention::GregorianMean,
    /// );
    /// let w = m.week();
    /// assert_eq!(w.maintenance, Ratio::from_integer(3_600));
    /// assert_eq!(w.measured, Ratio::from_integer(39 * 3_600));
    /// assert_eq!(w.counted, Ratio::ZERO);
    /// ```
    pub fn week(&self) -> ServiceWeek {
        let service = Ratio::from_integer(u128::from(self.weekly(Part::Service)));
        let maintenance = self.maintenance_week();
        let (measured, counted) = match self.treatment {
            Maintenance::Excluded => (less(service, maintenance), Ratio::ZERO),
            Maintenance::Counted => (service, maintenance),
        };
        ServiceWeek {
            service,
            maintenance,
            measured,
            counted,
        }
    }

    /// Whether nothing at all is measured: closed service hours, or
    /// excluded maintenance that takes every service hour.
    pub fn is_empty(&self) -> bool {
        self.week().measured.is_zero()
    }

    /// The warning when nothing is measured, naming why and what to
    /// change; `None` when some time is measured.
    ///
    /// ```
    /// use nines_core::clock::{MeasuredTime, UtcOffset};
    /// use nines_core::window::{Convention, PlannedMaintenance};
    /// let m = MeasuredTime::new(
    ///     "Mon-Fri 09:00-17:00".parse().unwrap(),
    ///     &"Mon-Fri 08:00-18:00 excluded".parse::<PlannedMaintenance>().unwrap(),
    ///     UtcOffset::UTC,
    ///     Convention::GregorianMean,
    /// );
    /// assert!(m.nothing_measured_note().unwrap().starts_with("Nothing is left to measure"));
    /// ```
    pub fn nothing_measured_note(&self) -> Option<String> {
        let week = self.week();
        if week.service.is_zero() {
            return Some(
                "Nothing is left to measure: the service hours are closed, so no downtime is \
                 allowed and no error budget accrues; give the hours the service is meant to \
                 be up."
                    .to_string(),
            );
        }
        if !week.measured.is_zero() {
            return None;
        }
        let what = match self.window {
            Some(w) => w.to_string(),
            None => [
                &crate::duration::format_duration(self.monthly_seconds),
                " a month",
            ]
            .concat(),
        };
        Some(
            [
                "Nothing is left to measure: the planned maintenance excluded (",
                &what,
                ") takes every service hour (",
                &self.hours.to_string(),
                "), so no downtime is allowed and no error budget accrues; shorten the \
                 maintenance, or count it against the budget.",
            ]
            .concat(),
        )
    }

    /// The measured seconds of `period` and the counted maintenance in it,
    /// exactly. A week or longer: the week's figures × period / week (a
    /// mean, since months do not hold whole weeks). A day (or a rolling
    /// window under a week): only when every day measures the same time
    /// with the same maintenance; an hour: only around the clock without a
    /// weekly window. Otherwise which of the two differs by day.
    ///
    /// ```
    /// use nines_core::clock::{MeasuredTime, UnevenDays, UtcOffset};
    /// use nines_core::ratio::Ratio;
    /// use nines_core::window::{Convention, Period, PlannedMaintenance, ServiceHours};
    /// let sunday: PlannedMaintenance = "Sun 02:00-04:00 excluded".parse().unwrap();
    /// let m = MeasuredTime::new(ServiceHours::always(), &sunday, UtcOffset::UTC, Convention::SreBook);
    /// // Sunday measures 22 h, the other days 24 h: a day is not defined.
    /// assert_eq!(m.in_period(Period::Day), Err(UnevenDays::Maintenance));
    /// // 30 days: (604 800 − 7 200) × 30 / 7 s.
    /// let month = m.in_period(Period::Month).unwrap();
    /// assert_eq!(month.measured, Ratio::new(597_600 * 30, 7).unwrap());
    /// ```
    pub fn in_period(&self, period: Period) -> Result<PeriodTime, UnevenDays> {
        let seconds = u128::from(period.seconds(self.convention));
        let week = self.week();
        let whole_weeks = |week: &ServiceWeek| PeriodTime {
            measured: scaled(week.measured, seconds, 604_800),
            counted: scaled(week.counted, seconds, 604_800),
        };
        match period {
            Period::Hour if !self.hours.is_always() => return Err(UnevenDays::ServiceHours),
            Period::Hour if self.window.is_some() => return Err(UnevenDays::Maintenance),
            // Around the clock with nothing or an even share cut: every
            // hour alike.
            Period::Hour => return Ok(whole_weeks(&week)),
            Period::Day => {}
            Period::Days(n) if n < 7 => {}
            _ => return Ok(whole_weeks(&week)),
        }
        // Every day alike: its service time and its maintenance.
        let service: Vec<u64> = (0..7).map(|d| self.day_seconds(d, Part::Service)).collect();
        if service.iter().any(|s| *s != service[0]) {
            return Err(UnevenDays::ServiceHours);
        }
        let window: Vec<u64> = (0..7).map(|d| self.day_seconds(d, Part::Window)).collect();
        if window.iter().any(|w| *w != window[0]) {
            return Err(UnevenDays::Maintenance);
        }
        // Then a day is a seventh of the week, exactly.
        let days = seconds / 86_400;
        Ok(PeriodTime {
            measured: scaled(week.measured, days, 7),
            counted: scaled(week.counted, days, 7),
        })
    }

    /// The share of the service time that is measured after excluding a
    /// monthly amount (1 when there is none, or a weekly window instead).
    fn monthly_factor(&self) -> f64 {
        if self.treatment == Maintenance::Counted || self.window.is_some() {
            return 1.0;
        }
        let week = self.week();
        if week.service.is_zero() {
            return 0.0;
        }
        (week.measured.to_f64() / week.service.to_f64()).clamp(0.0, 1.0)
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
        self.weekly(Part::Measured) as f64 / 604_800.0 * self.monthly_factor()
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
        self.walk_between(from, to, Part::Measured) * self.monthly_factor()
    }

    /// Seconds of maintenance counted against the budget in `[from, to)`,
    /// inside the service hours: a weekly window's part inside them, or the
    /// monthly amount spread evenly over the service time; 0 when the
    /// maintenance is excluded (or none).
    ///
    /// ```
    /// use nines_core::clock::{parse_instant, MeasuredTime, UtcOffset};
    /// use nines_core::window::{Convention, PlannedMaintenance};
    /// let m = MeasuredTime::new(
    ///     "Mon-Fri 09:00-17:00".parse().unwrap(),
    ///     &"Wed 16:00-18:00 counted".parse::<PlannedMaintenance>().unwrap(),
    ///     UtcOffset::UTC,
    ///     Convention::GregorianMean,
    /// );
    /// let mon = parse_instant("2026-11-09").unwrap();
    /// // Wednesday 11 November, 16:00–17:00: one hour a week.
    /// assert_eq!(m.counted_between(mon, parse_instant("2026-11-16").unwrap()), 3_600.0);
    /// assert_eq!(m.counted_between(mon, parse_instant("2026-11-11T16:30Z").unwrap()), 1_800.0);
    /// ```
    pub fn counted_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> f64 {
        if self.treatment != Maintenance::Counted || to <= from {
            return 0.0;
        }
        if self.window.is_some() {
            return self.walk_between(from, to, Part::Window);
        }
        let week = self.week();
        if week.service.is_zero() || week.counted.is_zero() {
            return 0.0;
        }
        let share = week.counted.to_f64() / week.service.to_f64();
        let service = if self.hours.is_always() {
            seconds_between(from, to)
        } else {
            self.walk_between(from, to, Part::Service)
        };
        service * share
    }

    /// Seconds of `part` in `[from, to)`: whole weeks, then the rest day
    /// by day.
    fn walk_between(&self, from: DateTime<Utc>, to: DateTime<Utc>, part: Part) -> f64 {
        if to <= from {
            return 0.0;
        }
        let weeks = (to - from).num_weeks();
        let whole = weeks as f64 * self.weekly(part) as f64;
        let rest = Duration::try_weeks(weeks)
            .and_then(|w| from.checked_add_signed(w))
            .map_or(0.0, |start| self.within_week(start, to, part));
        whole + rest
    }

    /// The intervals of `part` from `from` on, in local time, in order, the
    /// first clipped to start at `from`: `days` days of them (the one walk
    /// of [`MeasuredTime::between`] and [`MeasuredTime::after`]).
    fn intervals(
        &self,
        from: chrono::NaiveDateTime,
        days: usize,
        part: Part,
    ) -> impl Iterator<Item = (chrono::NaiveDateTime, chrono::NaiveDateTime)> + '_ {
        std::iter::successors(Some(from.date()), |d| d.succ_opt())
            .take(days)
            .flat_map(move |day| {
                let midnight = day.and_time(NaiveTime::MIN);
                let weekday = day.weekday().num_days_from_monday() as usize;
                self.pieces(weekday, part).into_iter().map(move |(a, b)| {
                    (
                        (midnight + Duration::seconds(i64::from(a))).max(from),
                        midnight + Duration::seconds(i64::from(b)),
                    )
                })
            })
            .filter(|(s, e)| e > s)
    }

    /// Seconds of `part` in `[from, to)`, less than a week apart.
    fn within_week(&self, from: DateTime<Utc>, to: DateTime<Utc>, part: Part) -> f64 {
        let (lf, lt) = (self.local(from), self.local(to));
        self.intervals(lf, 8, part)
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
        let weekly = self.weekly(Part::Measured) as f64;
        let factor = self.monthly_factor();
        if !(seconds.is_finite() && (0.0..=1e13).contains(&seconds))
            || weekly == 0.0
            || factor <= 0.0
        {
            return None;
        }
        let raw = seconds / factor;
        if raw == 0.0 {
            return Some(from);
        }
        // Whole weeks first, leaving (0, one week] to walk day by day.
        let weeks = ((raw / weekly).ceil() - 1.0).max(0.0);
        let mut left = raw - weeks * weekly;
        let start = from.checked_add_signed(Duration::try_weeks(weeks as i64)?)?;
        for (s, e) in self.intervals(self.local(start), 9, Part::Measured) {
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
    /// time only: Mon-Fri 09:00-17:00 (UTC+01:00), 40 hours a week.`; the
    /// maintenance it excludes is the part inside the service hours.
    pub fn describe(&self) -> String {
        if self.is_always() {
            return String::new();
        }
        let hours = if self.hours.is_always() {
            "around the clock".to_string()
        } else {
            [&self.hours.to_string(), " (", &self.offset.label(), ")"].concat()
        };
        let week = self.week();
        let excluded = self.treatment == Maintenance::Excluded;
        let (less, aside) = match self.window {
            Some(w) if excluded && week.maintenance.is_zero() => (
                String::new(),
                [
                    " (the planned maintenance ",
                    &w.to_string(),
                    " falls outside them, so it excludes nothing)",
                ]
                .concat(),
            ),
            Some(w)
                if excluded && week.maintenance.to_f64() < f64::from(w.weekly_minutes()) * 60.0 =>
            {
                (
                    [
                        ", less the part of the planned maintenance ",
                        &w.to_string(),
                        " inside them (",
                        &crate::duration::format_duration(week.maintenance.to_f64()),
                        " a week)",
                    ]
                    .concat(),
                    String::new(),
                )
            }
            Some(w) if excluded => (
                [", less the planned maintenance ", &w.to_string()].concat(),
                String::new(),
            ),
            None if excluded && !week.maintenance.is_zero() => (
                ", less the planned maintenance (spread evenly over them)".to_string(),
                String::new(),
            ),
            _ => (String::new(), String::new()),
        };
        let hours_a_week = week.measured.to_f64() / 3_600.0;
        [
            "Counted in service time only: ",
            &hours,
            &less,
            ", ",
            &crate::display::count(hours_a_week, 2),
            " hours a week",
            &aside,
            ". Outside it no budget accrues and no time elapses.",
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

    /// The one rule: only
    /// the maintenance inside the service hours is excluded or counted.
    /// Mon–Fri 09:00–17:00 holds 40 h = 144,000 s a week.
    #[test]
    fn maintenance_counts_only_inside_the_service_hours() {
        let weekly = |text: &str| office(0, text.parse().unwrap());
        // Sunday night: outside, nothing excluded or counted.
        for text in ["Sun 02:00-04:00 excluded", "Sun 02:00-04:00 counted"] {
            let w = weekly(text).week();
            assert_eq!(w.maintenance, Ratio::ZERO, "{text}");
            assert_eq!(w.measured, Ratio::from_integer(144_000), "{text}");
            assert_eq!(w.counted, Ratio::ZERO, "{text}");
        }
        // Wed 16:00–18:00: 16:00–17:00 inside, 3,600 s.
        let ex = weekly("Wed 16:00-18:00 excluded");
        assert_eq!(ex.week().measured, Ratio::from_integer(140_400));
        assert_eq!(
            ex.describe(),
            "Counted in service time only: Mon-Fri 09:00-17:00 (UTC), less the part of the \
             planned maintenance Wed 16:00-18:00 inside them (1h a week), 39 hours a week. \
             Outside it no budget accrues and no time elapses."
        );
        // Wed 11 Nov 2026: 16:00 + 1 h of service would be 17:00, but
        // 16:00–17:00 is excluded, so Thu 10:00.
        assert_eq!(
            ex.after(at("2026-11-11T16:00Z"), 3_600.0),
            Some(at("2026-11-12T10:00Z"))
        );
        let co = weekly("Wed 16:00-18:00 counted");
        assert_eq!(co.week().measured, Ratio::from_integer(144_000));
        assert_eq!(co.week().counted, Ratio::from_integer(3_600));
        // From Mon 9 Nov: by Wed 16:30, 30 min of it; over two weeks 2 h.
        assert_eq!(
            co.counted_between(at("2026-11-09"), at("2026-11-11T16:30Z")),
            1_800.0
        );
        assert_eq!(
            co.counted_between(at("2026-11-09"), at("2026-11-23")),
            7_200.0
        );
        assert_eq!(ex.counted_between(at("2026-11-09"), at("2026-11-23")), 0.0);
        let outside = weekly("Sun 02:00-04:00 excluded");
        assert!(outside.describe().contains(
            "40 hours a week (the planned maintenance Sun 02:00-04:00 falls outside them, so it \
             excludes nothing)"
        ));
    }

    /// An amount a month falls inside the service hours, spread evenly over
    /// them: 4 h a Gregorian month (2,629,746 s) is 4 × 3,600 × 604,800 /
    /// 2,629,746 = 3,311.766… s a week; beside 40 h, 144,000 − 3,311.766 =
    /// 140,688.23 s measured. Counted over 24/7 for 30 days: 14,400 × 30 ×
    /// 86,400 / 2,629,746 = 14,193.28 s.
    #[test]
    fn a_monthly_amount_falls_inside_the_service_hours() {
        let four_hours = |t| PlannedMaintenance::new(t, 14_400.0).unwrap();
        let m = office(0, four_hours(Maintenance::Excluded));
        let week = m.week();
        let inside = 14_400.0 * 604_800.0 / 2_629_746.0;
        assert!((week.maintenance.to_f64() - inside).abs() < 1e-9);
        assert!((week.measured.to_f64() - (144_000.0 - inside)).abs() < 1e-9);
        let measured = m.between(at("2026-11-09"), at("2026-11-16"));
        assert!((measured - (144_000.0 - inside)).abs() < 1e-6, "{measured}");
        let counted = MeasuredTime::new(
            ServiceHours::always(),
            &four_hours(Maintenance::Counted),
            UtcOffset::UTC,
            Convention::GregorianMean,
        );
        assert!(counted.is_always());
        let c = counted.counted_between(at("2026-11-01"), at("2026-12-01"));
        assert!(
            (c - 14_400.0 * 30.0 * 86_400.0 / 2_629_746.0).abs() < 1e-6,
            "{c}"
        );
        // More than the service hours hold (200 h a month ≈ 46 h a week
        // against 40 h): all of them, and nothing is left.
        let all = office(
            0,
            PlannedMaintenance::new(Maintenance::Excluded, 720_000.0).unwrap(),
        );
        assert!(all.is_empty());
        assert_eq!(all.between(at("2026-11-09"), at("2026-11-16")), 0.0);
        assert_eq!(all.after(at("2026-11-09"), 1.0), None);
        assert!(all.nothing_measured_note().is_some());
        assert!(m.nothing_measured_note().is_none());
    }

    /// Short periods: a day only when every day measures the same time; an
    /// hour only around the clock without a weekly window.
    #[test]
    fn short_periods_need_even_days() {
        let always = |m: &str| {
            MeasuredTime::new(
                ServiceHours::always(),
                &m.parse().unwrap(),
                UtcOffset::UTC,
                Convention::SreBook,
            )
        };
        let sunday = always("Sun 02:00-04:00 excluded");
        assert_eq!(sunday.in_period(Period::Day), Err(UnevenDays::Maintenance));
        assert_eq!(
            sunday.in_period(Period::Days(3)),
            Err(UnevenDays::Maintenance)
        );
        assert_eq!(sunday.in_period(Period::Hour), Err(UnevenDays::Maintenance));
        // 7 days is a week: 604,800 − 7,200 = 597,600 s.
        assert_eq!(
            sunday.in_period(Period::Days(7)).unwrap().measured,
            Ratio::from_integer(597_600)
        );
        // 2 h of maintenance every day, counted: 3 days measure 3 × 24 h
        // (counted time is measured) and charge 3 × 2 h.
        let daily = always("daily 02:00-04:00 counted");
        let three = daily.in_period(Period::Days(3)).unwrap();
        assert_eq!(three.measured, Ratio::from_integer(3 * 86_400));
        assert_eq!(three.counted, Ratio::from_integer(3 * 7_200));
        // 30 minutes a month (SRE book: 2,592,000 s) spread evenly: an
        // hour measures 3,600 × (1 − 1,800 / 2,592,000) = 3,597.5 s.
        let monthly = always("30m per month excluded");
        assert_eq!(
            monthly.in_period(Period::Hour).unwrap().measured,
            Ratio::new(7_195, 2).unwrap()
        );
        // Eight hours every day, at different times: a day is 8 h.
        let shifted = MeasuredTime::new(
            "Mon 09:00-17:00, Tue-Sun 10:00-18:00".parse().unwrap(),
            &PlannedMaintenance::default(),
            UtcOffset::UTC,
            Convention::SreBook,
        );
        assert_eq!(
            shifted.in_period(Period::Day).unwrap().measured,
            Ratio::from_integer(28_800)
        );
        let office = office(0, PlannedMaintenance::default());
        assert_eq!(office.in_period(Period::Day), Err(UnevenDays::ServiceHours));
        assert_eq!(
            office.in_period(Period::Hour),
            Err(UnevenDays::ServiceHours)
        );
    }

    /// `hours` read at `offset` minutes from UTC with `maintenance`, SRE
    /// book months.
    fn schedule(hours: &str, maintenance: &str, offset: i32) -> MeasuredTime {
        MeasuredTime::new(
            hours.parse().unwrap(),
            &maintenance.parse().unwrap(),
            UtcOffset::from_minutes(offset).unwrap(),
            Convention::SreBook,
        )
    }

    /// Night shifts, Mon–Fri 22:00–06:00 in UTC: 5 × 8 h = 40 h = 144,000 s
    /// a week. Mon 16 Nov 2026 is a Monday. Its morning is not in service
    /// (Sunday is not listed); the first hour is Mon 22:00–23:00, three
    /// hours end Tue 01:00, all 40 end Sat 21 Nov 06:00, and the 41st is
    /// the next Monday's 22:00–23:00.
    #[test]
    fn night_shifts_are_walked_across_midnight() {
        let m = schedule("Mon-Fri 22:00-06:00", "none", 0);
        assert_eq!(m.between(at("2026-11-16"), at("2026-11-23")), 144_000.0);
        assert_eq!(m.between(at("2026-11-16"), at("2026-11-16T22:00Z")), 0.0);
        // Fri 23:00 to Sat 07:00: Fri 23:00 to Sat 06:00, 7 h.
        assert_eq!(
            m.between(at("2026-11-20T23:00Z"), at("2026-11-21T07:00Z")),
            25_200.0
        );
        assert_eq!(m.fraction(), 40.0 / 168.0);
        for (hours, when) in [
            (1.0, "2026-11-16T23:00Z"),
            (3.0, "2026-11-17T01:00Z"),
            (40.0, "2026-11-21T06:00Z"),
            (41.0, "2026-11-23T23:00Z"),
        ] {
            assert_eq!(
                m.after(at("2026-11-16"), hours * 3_600.0),
                Some(at(when)),
                "{hours} h"
            );
        }
    }

    /// The same night shifts at UTC+05:30: local 22:00 is 16:30 UTC and
    /// local 06:00 is 00:30 UTC. From Mon 16 Nov 18:00 to Tue 00:00 UTC is
    /// local Mon 23:30 to Tue 05:30, all of it in service: 6 h = 21,600 s
    /// (in UTC the same instants hold Mon 22:00–24:00 only, 7,200 s). 8 h
    /// from Mon 00:00 UTC end at local Tue 06:00, Tue 00:30 UTC; 40 h at
    /// local Sat 06:00, Sat 21 Nov 00:30 UTC. Sun 22 Nov 18:00 UTC to Mon
    /// 00:00 UTC is local Sun 23:30 to Mon 05:30: no service at all.
    #[test]
    fn night_shifts_in_a_utc_offset() {
        let m = schedule("Mon-Fri 22:00-06:00", "none", 330);
        let (from, to) = (at("2026-11-16T18:00Z"), at("2026-11-17"));
        assert_eq!(m.between(from, to), 21_600.0);
        assert_eq!(
            schedule("Mon-Fri 22:00-06:00", "none", 0).between(from, to),
            7_200.0
        );
        assert_eq!(
            m.after(at("2026-11-16"), 8.0 * 3_600.0),
            Some(at("2026-11-17T00:30Z"))
        );
        assert_eq!(
            m.after(at("2026-11-16"), 40.0 * 3_600.0),
            Some(at("2026-11-21T00:30Z"))
        );
        assert_eq!(m.between(at("2026-11-22T18:00Z"), at("2026-11-23")), 0.0);
        assert_eq!(m.between(at("2026-11-16"), at("2026-11-23")), 144_000.0);
    }

    /// A maintenance window across midnight inside a night shift: Tue
    /// 23:00–Wed 01:00 lies wholly inside Tuesday's night (22:00–06:00), so
    /// 2 h = 7,200 s a week; excluded, 144,000 − 7,200 = 136,800 s (38 h)
    /// are measured, and 2 h of service from Tue 17 Nov 22:00 are 22:00–23:00
    /// then 01:00–02:00, ending Wed 02:00. Counted, from Tue 22:00 to Wed
    /// 00:30 it charges 23:00–00:30, 5,400 s. Sun 23:00–Mon 01:00 is
    /// outside (no Sunday night, no Monday morning): nothing. Sat
    /// 05:00–07:00 has 05:00–06:00 inside Friday's night: 3,600 s.
    #[test]
    fn maintenance_across_midnight_inside_a_night_shift() {
        let ex = schedule("Mon-Fri 22:00-06:00", "Tue 23:00-01:00 excluded", 0);
        assert_eq!(ex.week().maintenance, Ratio::from_integer(7_200));
        assert_eq!(ex.week().measured, Ratio::from_integer(136_800));
        assert_eq!(ex.between(at("2026-11-16"), at("2026-11-23")), 136_800.0);
        assert_eq!(
            ex.after(at("2026-11-17T22:00Z"), 7_200.0),
            Some(at("2026-11-18T02:00Z"))
        );
        let co = schedule("Mon-Fri 22:00-06:00", "Tue 23:00-01:00 counted", 0);
        assert_eq!(co.week().measured, Ratio::from_integer(144_000));
        assert_eq!(co.week().counted, Ratio::from_integer(7_200));
        assert_eq!(
            co.counted_between(at("2026-11-17T22:00Z"), at("2026-11-18T00:30Z")),
            5_400.0
        );
        let sunday = schedule("Mon-Fri 22:00-06:00", "Sun 23:00-01:00 excluded", 0);
        assert_eq!(sunday.week().maintenance, Ratio::ZERO);
        assert!(
            sunday.describe().contains(
                "(the planned maintenance Sun 23:00-01:00 falls outside them, so it excludes \
                 nothing)"
            ),
            "{}",
            sunday.describe()
        );
        let saturday = schedule("Mon-Fri 22:00-06:00", "Sat 05:00-07:00 counted", 0);
        assert_eq!(saturday.week().counted, Ratio::from_integer(3_600));
    }

    /// A split shift, Mon–Fri 09:00–12:00 and 13:00–17:00: 35 h = 126,000 s
    /// a week. Maintenance over the lunch gap (12:00–13:00) excludes
    /// nothing; 2 h of service from Mon 16 Nov 11:00 are 11:00–12:00 and
    /// 13:00–14:00. Wed 11:30–13:30 has 11:30–12:00 and 13:00–13:30 inside,
    /// 1 h: 122,400 s are measured.
    #[test]
    fn split_shifts_skip_the_gap() {
        let lunch = schedule(
            "Mon-Fri 09:00-12:00,13:00-17:00",
            "Mon-Fri 12:00-13:00 excluded",
            0,
        );
        assert_eq!(lunch.week().maintenance, Ratio::ZERO);
        assert_eq!(lunch.week().measured, Ratio::from_integer(126_000));
        assert_eq!(
            lunch.after(at("2026-11-16T11:00Z"), 7_200.0),
            Some(at("2026-11-16T14:00Z"))
        );
        let wed = schedule(
            "Mon-Fri 09:00-12:00,13:00-17:00",
            "Wed 11:30-13:30 excluded",
            0,
        );
        assert_eq!(wed.week().maintenance, Ratio::from_integer(3_600));
        assert_eq!(wed.week().measured, Ratio::from_integer(122_400));
        assert_eq!(wed.between(at("2026-11-16"), at("2026-11-23")), 122_400.0);
    }

    /// Weekend nights, Fri–Sun 22:00–06:00: 3 × 8 h = 24 h = 86,400 s a
    /// week. A week from Monday 00:00 starts inside Sunday's night: it
    /// holds Mon 00:00–06:00 (6 h), Fri 22–24 (2 h), Sat 00–06 and 22–24
    /// (8 h), Sun 00–06 and 22–24 (8 h) = 24 h. Across the boundary, Sun
    /// 23:00 to Mon 01:00 is 2 h; the new week's first 3 h are Mon
    /// 00:00–03:00.
    #[test]
    fn a_week_boundary_inside_a_night_shift() {
        let m = schedule("Fri-Sun 22:00-06:00", "none", 0);
        assert_eq!(m.between(at("2026-11-16"), at("2026-11-23")), 86_400.0);
        assert_eq!(
            m.between(at("2026-11-22T23:00Z"), at("2026-11-23T01:00Z")),
            7_200.0
        );
        assert_eq!(
            m.between(at("2026-11-23"), at("2026-11-23T03:00Z")),
            10_800.0
        );
        assert_eq!(
            m.after(at("2026-11-23"), 10_800.0),
            Some(at("2026-11-23T03:00Z"))
        );
    }

    /// A 30-day window from Sun 1 Nov 2026 00:00 UTC to Tue 1 Dec over
    /// Mon–Fri 22:00–06:00: the nights of Mon 2–Fri 6, 9–13, 16–20 and
    /// 23–27 Nov, 20 × 8 h = 160 h, and Mon 30 Nov's night up to Dec 1
    /// 00:00, 2 h: 162 h = 583,200 s. Oct 30's night ended Sat 31 Oct
    /// 06:00, before the window.
    #[test]
    fn thirty_days_of_night_shifts_counted_by_hand() {
        let m = schedule("Mon-Fri 22:00-06:00", "none", 0);
        assert_eq!(m.between(at("2026-11-01"), at("2026-12-01")), 583_200.0);
    }

    /// Per day with night shifts: Mon–Fri nights make Monday 2 h, Tuesday
    /// to Friday 8 h, Saturday 6 h and Sunday 0: a day is not defined.
    /// Every night: each day holds 00:00–06:00 and 22:00–24:00, 8 h =
    /// 28,800 s. Every night with Wed 23:00–Thu 01:00 excluded: Wednesday
    /// and Thursday lose an hour each, the other days none: not defined,
    /// because of the maintenance.
    #[test]
    fn per_day_with_night_shifts() {
        let weekdays = schedule("Mon-Fri 22:00-06:00", "none", 0);
        assert_eq!(
            weekdays.in_period(Period::Day),
            Err(UnevenDays::ServiceHours)
        );
        assert_eq!(
            weekdays.in_period(Period::Week).unwrap().measured,
            Ratio::from_integer(144_000)
        );
        let nightly = schedule("daily 22:00-06:00", "none", 0);
        assert_eq!(
            nightly.in_period(Period::Day).unwrap().measured,
            Ratio::from_integer(28_800)
        );
        let cut = schedule("daily 22:00-06:00", "Wed 23:00-01:00 excluded", 0);
        assert_eq!(cut.in_period(Period::Day), Err(UnevenDays::Maintenance));
    }
}
