//! Service hours: a weekly schedule, its grammar and the time it holds.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Convention, Period};
use crate::parse_error::{Expected, ParseError, Problem};
use crate::ratio::Ratio;
use crate::target::SECONDS_PER_DAY as DAY;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
