//! OpenSLO's time windows placed on the scenario's calendar: rolling, a
//! calendar day, week, month, quarter or year that repeats from its
//! `startTime`, or a window pinned at its start.

use chrono::{DateTime, Datelike, Timelike, Utc, Weekday};

use super::ImportError;
use super::read::{Out, Reader, error, plain_text};
use crate::clock::{Alignment, UtcOffset, WeekStart};
use crate::scenario::Scenario;
use crate::window::Period;

/// Sets the SLO window from a time window of `n` `unit`s (`d`, `w`, `M`,
/// `Q`, `Y`, `h`, `m`; `shown` as the document wrote it) at path `w`.
///
/// One day, week, month, quarter or year that does not roll is a calendar
/// window that repeats (OpenSLO: "calendar aligned"): each such period
/// from the `startTime`, which gives the week's first day. What the
/// scenario's calendar cannot follow (a week from a Wednesday, a month
/// from the 15th, a start at 12:30, a named zone) is listed, and the
/// nearest calendar period is used. Any other length that does not roll
/// (30 days) cannot repeat in the scenario: it is pinned at its start.
pub(super) fn place_window(
    r: &mut Reader<'_, '_>,
    s: &mut Scenario,
    out: &mut Out,
    w: &str,
    (unit, n, shown): (char, u32, &str),
    rolling: bool,
    line: Option<usize>,
) -> Result<(), ImportError> {
    let unit_period = match (unit, n) {
        ('d', 1) => Some(Period::Day),
        ('w', 1) => Some(Period::Week),
        ('M', 1) => Some(Period::Month),
        ('Q', 1) => Some(Period::Quarter),
        ('Y', 1) => Some(Period::Year),
        _ => None,
    };
    s.slo_window = length(unit, n, rolling, unit_period).ok_or_else(|| {
        error(
            line,
            format!(
                "the time window {shown:?} has no period the scenario can hold: expected days \
                 or weeks (30d, 4w), or one day, week, month, quarter or year (1d, 1w, 1M, 1Q, \
                 1Y)"
            ),
        )
    })?;
    s.budget.alignment = Alignment::Rolling;
    if rolling {
        if r.peek(&format!("{w}.calendar")).is_some() {
            r.not_carried(
                &format!("{w}.calendar"),
                "a rolling window has no calendar",
                out,
            );
        }
        return Ok(());
    }
    let offset = zone(r, w, out);
    s.budget.utc_offset = offset;
    let start_path = format!("{w}.calendar.startTime");
    let start = match r.peek(&start_path).and_then(plain_text) {
        Some(text) => Some(crate::clock::parse_instant(&text).map_err(|e| {
            error(
                r.line(&start_path),
                format!(
                    "the calendar startTime: {e}; expected a date and time like 2026-11-01 00:00:00"
                ),
            )
        })?),
        None => None,
    };
    match (unit_period, start) {
        (Some(p), start) => {
            s.slo_window = p;
            s.budget.alignment = Alignment::Calendar;
            repeating(r, s, out, &start_path, p, start);
        }
        (None, Some(local)) => {
            s.budget.alignment = Alignment::Pinned;
            let minutes = i64::from(offset.minutes());
            s.budget.start = local
                .checked_sub_signed(chrono::Duration::minutes(minutes))
                .unwrap_or(local);
            r.take(&start_path);
            out.assumed.push(format!(
                "the time window {shown}: pinned at its startTime (the scenario repeats only a \
                 calendar day, week, month, quarter or year)"
            ));
        }
        (None, None) => {
            return Err(error(
                line,
                format!(
                    "the time window {shown:?} does not roll and has no calendar startTime: \
                     expected isRolling: true, or a calendar with a startTime"
                ),
            ));
        }
    }
    Ok(())
}

/// The window's length: whole days, an hour, or a calendar period.
fn length(unit: char, n: u32, rolling: bool, unit_period: Option<Period>) -> Option<Period> {
    let days = |d: u64| u32::try_from(d).ok().and_then(|d| Period::rolling(d).ok());
    match (unit, n) {
        ('m', 60) | ('h', 1) => Some(Period::Hour),
        ('m', n) if n % 1_440 == 0 => days(u64::from(n / 1_440)),
        ('h', n) if n % 24 == 0 => days(u64::from(n / 24)),
        ('d', n) if rolling || n > 1 => days(u64::from(n)),
        ('w', n) if n > 1 => days(7 * u64::from(n)),
        _ => unit_period,
    }
}

/// The calendar's fixed offset from its `timeZone` (UTC when none, or
/// when a named zone follows daylight saving, which is listed).
fn zone(r: &mut Reader<'_, '_>, w: &str, out: &mut Out) -> UtcOffset {
    let zone_path = format!("{w}.calendar.timeZone");
    let Some(zone) = r.peek(&zone_path).and_then(plain_text) else {
        return UtcOffset::UTC;
    };
    match fixed_zone(&zone) {
        Some(o) => {
            r.take(&zone_path);
            o
        }
        None => {
            r.not_carried(
                &zone_path,
                "a named time zone follows daylight saving; the scenario counts calendar \
                 windows in a fixed offset from UTC, so UTC is used",
                out,
            );
            UtcOffset::UTC
        }
    }
}

/// A calendar period that repeats from `start` (its local time): the
/// week's first day from the start's weekday; a start the scenario's
/// calendar cannot follow is listed, with the period used instead.
fn repeating(
    r: &mut Reader<'_, '_>,
    s: &mut Scenario,
    out: &mut Out,
    start_path: &str,
    p: Period,
    start: Option<DateTime<Utc>>,
) {
    let Some(t) = start else {
        return;
    };
    let midnight = t.hour() == 0 && t.minute() == 0 && t.second() == 0;
    let mut off = Vec::new();
    if !midnight {
        off.push("it starts at midnight".to_string());
    }
    let week_start = match t.weekday() {
        Weekday::Mon => Some(WeekStart::Monday),
        Weekday::Sun => Some(WeekStart::Sunday),
        Weekday::Sat => Some(WeekStart::Saturday),
        _ => None,
    };
    match p {
        Period::Week => match week_start {
            Some(ws) => s.budget.week_start = ws,
            None => off.push(format!(
                "a week starts on Monday, Sunday or Saturday, not {}; Monday is used",
                t.weekday()
            )),
        },
        Period::Month if t.day() != 1 => off.push("a month starts on its 1st".into()),
        Period::Quarter if t.day() != 1 || t.month() % 3 != 1 => {
            off.push("a quarter starts on the 1st of January, April, July or October".into())
        }
        Period::Year if t.day() != 1 || t.month() != 1 => {
            off.push("a year starts on 1 January".into())
        }
        _ => {}
    }
    let what = match (p, s.budget.week_start) {
        (Period::Week, ws) => format!("calendar week (from {})", {
            use crate::choice::Choice;
            ws.choice_label()
        }),
        (p, _) => format!("calendar {}", p.name()),
    };
    if off.is_empty() {
        r.take(start_path);
        out.assumed.push(format!(
            "the time window: each {what} in {}, repeating from its startTime",
            s.budget.utc_offset.label()
        ));
    } else {
        let why = format!(
            "the window repeats each {what}, but the scenario's calendar cannot start it then: {}",
            off.join("; ")
        );
        r.not_carried(start_path, &why, out);
    }
}

/// A time zone with a fixed offset: `UTC`, `Etc/UTC`, `GMT`, or the IANA
/// `Etc/GMT±h` zones, whose signs are POSIX's (`Etc/GMT-1` is UTC+01:00).
pub(super) fn fixed_zone(zone: &str) -> Option<UtcOffset> {
    let z = zone.trim();
    if matches!(
        z,
        "UTC" | "Etc/UTC" | "GMT" | "Etc/GMT" | "Etc/UCT" | "UCT" | "Etc/Zulu" | "Zulu"
    ) {
        return Some(UtcOffset::UTC);
    }
    let rest = z.strip_prefix("Etc/GMT")?;
    let (sign, hours) = match rest.split_at_checked(1)? {
        ("+", h) => (-1, h),
        ("-", h) => (1, h),
        _ => return None,
    };
    if hours.is_empty() || hours.len() > 2 || !hours.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let h: i32 = hours.parse().ok()?;
    UtcOffset::from_minutes(sign * h * 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_zones_with_posix_signs() {
        let minutes = |z: &str| fixed_zone(z).map(UtcOffset::minutes);
        assert_eq!(minutes("UTC"), Some(0));
        assert_eq!(minutes("Etc/GMT-1"), Some(60));
        assert_eq!(minutes("Etc/GMT+5"), Some(-300));
        assert_eq!(minutes("Etc/GMT-14"), Some(840));
        for named in [
            "Europe/Paris",
            "Etc/GMT-15",
            "Etc/GMT+",
            "Etc/GMT1",
            "Asia/Kolkata",
        ] {
            assert_eq!(minutes(named), None, "{named}");
        }
    }
}
