//! Where the SLO window stands at a given now (rolling, calendar, pinned)
//! and when a freeze lifts.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use serde::Serialize;

use super::{Alignment, UtcOffset, WeekStart};
use crate::choice::Choice;
use crate::display::format_instant;
use crate::window::{Convention, Period};

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
pub(super) fn seconds_between(a: DateTime<Utc>, b: DateTime<Utc>) -> f64 {
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

#[cfg(test)]
mod tests {
    use super::super::tests::at;
    use super::*;

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
}
