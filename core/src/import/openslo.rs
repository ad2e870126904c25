//! OpenSLO's `SLO` (`openslo/v1`), with an `SLI` it names.

use std::collections::BTreeSet;

use super::read::{Out, Reader, Source, error, get, items, line_of, plain_text};
use super::values::{fraction, percent, series, service_of};
use super::{Doc, ImportError, Kind};
use crate::budget::BudgetMode;
use crate::clock::{Alignment, UtcOffset, WeekStart};
use crate::scenario::Scenario;
use crate::window::Period;

pub(super) fn openslo(
    docs: &[Doc<'_, '_>],
    main: usize,
    src: &Source<'_>,
    used_docs: &mut BTreeSet<usize>,
    out: &mut Out,
) -> Result<(Scenario, &'static str), ImportError> {
    let doc = &docs[main];
    let mut s = Scenario::default();
    let mut r = Reader::new(doc.node, String::new());
    r.take("apiVersion");
    r.take("kind");
    let service = r.take("spec.service").and_then(plain_text);
    if let Some(service) = &service {
        s.production.service = service.trim().to_string();
        r.take_if("metadata.name", &format!("{}-availability", service.trim()));
        r.take_if(
            "metadata.displayName",
            &format!("{} availability", service.trim()),
        );
    } else if let Some(name) = r.take("metadata.name").and_then(plain_text) {
        s.production.service = service_of(&name);
    }

    // The objective: the first; target (a fraction) or targetPercent.
    let objectives = r
        .peek("spec.objectives")
        .and_then(items)
        .unwrap_or_default();
    let missing = "the SLO has no objective: expected spec.objectives with a target (a fraction \
                   like 0.999) or a targetPercent (like 99.9)";
    if objectives.is_empty() {
        return Err(error(
            r.line("spec.objectives")
                .or(r.line("spec"))
                .or(Some(line_of(doc.node))),
            missing,
        ));
    }
    s.target = match (
        r.peek("spec.objectives[0].target"),
        r.peek("spec.objectives[0].targetPercent"),
    ) {
        (Some(t), _) => {
            r.take("spec.objectives[0].target");
            fraction(
                &src.text(t).unwrap_or_default(),
                "the target",
                Some(line_of(t)),
            )?
        }
        (None, Some(p)) => {
            r.take("spec.objectives[0].targetPercent");
            percent(
                &src.text(p).unwrap_or_default(),
                "the targetPercent",
                Some(line_of(p)),
            )?
        }
        (None, None) => return Err(error(r.line("spec.objectives[0]"), missing)),
    };
    for i in 1..objectives.len() {
        r.not_carried(
            &format!("spec.objectives[{i}]"),
            "another objective: only the first is imported",
            out,
        );
    }
    r.take_if(
        "spec.objectives[0].displayName",
        &format!("Availability {}", s.target.format_percent()),
    );

    // The budgeting method.
    match r
        .peek("spec.budgetingMethod")
        .and_then(plain_text)
        .as_deref()
    {
        Some("Occurrences") => {
            s.budget.mode = BudgetMode::Requests;
            r.take("spec.budgetingMethod");
        }
        Some("Timeslices") => {
            s.budget.mode = BudgetMode::Time;
            r.take("spec.budgetingMethod");
            // What Nines' export writes: slices good when their own ratio
            // meets the target, one minute long.
            let target = r
                .peek("spec.objectives[0].timeSliceTarget")
                .and_then(|n| src.text(n))
                .and_then(|t| fraction(&t, "", None).ok());
            if target == Some(s.target) {
                r.take("spec.objectives[0].timeSliceTarget");
            }
            r.take_if("spec.objectives[0].timeSliceWindow", "1m");
        }
        Some(_) => {
            s.budget.mode = BudgetMode::Time;
            r.not_carried(
                "spec.budgetingMethod",
                "Nines counts requests (Occurrences) or bad time (Timeslices); bad time is used",
                out,
            );
        }
        None => out
            .assumed
            .push("the budget: counted in requests (no budgetingMethod)".to_string()),
    }

    time_window(&mut r, &mut s, out)?;

    // The indicator: inline, or an SLI document named by indicatorRef.
    let service_name = s.production.service.clone();
    let inline = ["spec.indicator", "spec.objectives[0].indicator"]
        .into_iter()
        .find(|p| r.peek(p).is_some());
    let reference = ["spec.indicatorRef", "spec.objectives[0].indicatorRef"]
        .into_iter()
        .find(|p| r.peek(p).is_some());
    match (inline, reference) {
        (Some(path), _) => {
            r.take_if(
                &format!("{path}.metadata.name"),
                &format!("{service_name}-error-ratio"),
            );
            r.take_if(
                &format!("{path}.metadata.displayName"),
                "Requests that fail",
            );
            ratio_metric(&mut r, &mut s, &format!("{path}.spec"), out);
        }
        (None, Some(path)) => {
            let name = r.peek(path).and_then(plain_text).unwrap_or_default();
            let sli = docs.iter().position(|d| {
                d.kind == Kind::OpenSloSli
                    && get(d.node, "metadata")
                        .and_then(|m| get(m, "name"))
                        .and_then(plain_text)
                        .as_deref()
                        == Some(name.as_str())
            });
            match sli {
                Some(i) => {
                    r.take(path);
                    used_docs.insert(i);
                    let mut sr = Reader::new(
                        docs[i].node,
                        format!("SLI {name:?} (document {}): ", docs[i].number),
                    );
                    sr.take("apiVersion");
                    sr.take("kind");
                    sr.take("metadata.name");
                    ratio_metric(&mut sr, &mut s, "spec", out);
                    sr.leftovers(out);
                }
                None => r.not_carried(path, "no SLI of that name in the file", out),
            }
        }
        (None, None) => {}
    }
    out.assumed.push(
        "the alert policy: the SRE Workbook's (an OpenSLO SLO names no burn-rate windows)"
            .to_string(),
    );
    r.leftovers(out);
    Ok((s, "OpenSLO SLO (openslo/v1)"))
}

/// An OpenSLO `ratioMetric` of `bad` and `total` Prometheus queries.
pub(super) fn ratio_metric(r: &mut Reader<'_, '_>, s: &mut Scenario, spec: &str, out: &mut Out) {
    let m = format!("{spec}.ratioMetric");
    if r.peek(&m).is_none() {
        return;
    }
    r.take_if(&format!("{m}.counter"), "true");
    let prometheus = |r: &Reader<'_, '_>, part: &str| {
        r.peek(&format!("{m}.{part}.metricSource.type"))
            .and_then(plain_text)
            .as_deref()
            == Some("Prometheus")
    };
    if r.peek(&format!("{m}.bad")).is_some() && prometheus(r, "bad") && prometheus(r, "total") {
        let bad = format!("{m}.bad.metricSource.spec.query");
        let total = format!("{m}.total.metricSource.spec.query");
        series(r, s, &bad, &total, false, out);
        r.take(&format!("{m}.bad.metricSource.type"));
        r.take(&format!("{m}.total.metricSource.type"));
    }
}

/// OpenSLO's `timeWindow`: rolling (`isRolling: true`, a duration
/// shorthand), or calendar-aligned (`calendar` with `startTime` and an IANA
/// `timeZone`): a whole calendar day, week, month, quarter or year from
/// its boundary is a calendar window, any other a pinned one.
pub(super) fn time_window(
    r: &mut Reader<'_, '_>,
    s: &mut Scenario,
    out: &mut Out,
) -> Result<(), ImportError> {
    let Some(windows) = r.peek("spec.timeWindow") else {
        out.assumed
            .push("the SLO window: 30 days rolling (no timeWindow)".to_string());
        return Ok(());
    };
    let windows = items(windows).unwrap_or_default();
    for i in 1..windows.len() {
        r.not_carried(
            &format!("spec.timeWindow[{i}]"),
            "OpenSLO allows one time window; the first is imported",
            out,
        );
    }
    let w = "spec.timeWindow[0]";
    let line = r.line(w).or(r.line("spec.timeWindow"));
    let duration = r
        .peek(&format!("{w}.duration"))
        .and_then(plain_text)
        .ok_or_else(|| {
            error(
                line,
                "expected spec.timeWindow with one item with a duration, like - duration: 30d",
            )
        })?;
    let dline = r.line(&format!("{w}.duration"));
    let bad_window = |why: &str| {
        error(
            dline,
            format!(
                "the time window {duration:?} {why}: expected a duration shorthand the scenario \
                 can hold: days or weeks (30d, 4w), or 1d, 1w, 1M, 1Q, 1Y"
            ),
        )
    };
    let t = duration.trim();
    let unit = t.chars().last().unwrap_or(' ');
    let n: u32 = t
        .get(..t.len() - unit.len_utf8().min(t.len()))
        .and_then(|d| d.parse().ok())
        .filter(|&n| n > 0)
        .ok_or_else(|| bad_window("is not a number and a unit"))?;
    let rolling = match r
        .peek(&format!("{w}.isRolling"))
        .and_then(plain_text)
        .as_deref()
    {
        Some("true") => true,
        Some("false") => false,
        _ => r.peek(&format!("{w}.calendar")).is_none(),
    };
    r.take(&format!("{w}.duration"));
    r.take(&format!("{w}.isRolling"));
    let days = |d: u64| {
        u32::try_from(d)
            .ok()
            .and_then(|d| Period::rolling(d).ok())
            .ok_or_else(|| bad_window("is too long"))
    };
    let unit_period = match (unit, n) {
        ('d', 1) => Some(Period::Day),
        ('w', 1) => Some(Period::Week),
        ('M', 1) => Some(Period::Month),
        ('Q', 1) => Some(Period::Quarter),
        ('Y', 1) => Some(Period::Year),
        _ => None,
    };
    let period = match (unit, n) {
        ('m', 60) | ('h', 1) => Period::Hour,
        ('m', n) if n % 1_440 == 0 => days(u64::from(n / 1_440))?,
        ('h', n) if n % 24 == 0 => days(u64::from(n / 24))?,
        ('d', n) if rolling || n > 1 => days(u64::from(n))?,
        ('w', n) if n > 1 => days(7 * u64::from(n))?,
        _ => unit_period.ok_or_else(|| bad_window("has no period the scenario can hold"))?,
    };
    s.slo_window = period;
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
    // Calendar-aligned or pinned: the zone, then the start.
    let zone_path = format!("{w}.calendar.timeZone");
    let offset = match r.peek(&zone_path).and_then(plain_text) {
        Some(zone) => match fixed_zone(&zone) {
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
        },
        None => UtcOffset::UTC,
    };
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
    let boundary = start.and_then(|t| {
        use chrono::{Datelike, Timelike, Weekday};
        let midnight = t.hour() == 0 && t.minute() == 0 && t.second() == 0;
        let week_start = match t.weekday() {
            Weekday::Mon => Some(WeekStart::Monday),
            Weekday::Sun => Some(WeekStart::Sunday),
            Weekday::Sat => Some(WeekStart::Saturday),
            _ => None,
        };
        match (midnight, unit_period?) {
            (false, _) => None,
            (true, Period::Day) => Some(None),
            (true, Period::Week) => week_start.map(Some),
            (true, Period::Month) => (t.day() == 1).then_some(None),
            (true, Period::Quarter) => (t.day() == 1 && t.month() % 3 == 1).then_some(None),
            (true, Period::Year) => (t.day() == 1 && t.month() == 1).then_some(None),
            _ => None,
        }
    });
    let calendar = match (unit_period, start, boundary) {
        (Some(p), Some(_), Some(week)) => Some((p, week)),
        (Some(p), None, _) => Some((p, None)),
        _ => None,
    };
    match (calendar, start) {
        (Some((p, week)), _) => {
            s.slo_window = p;
            s.budget.alignment = Alignment::Calendar;
            if let Some(week) = week {
                s.budget.week_start = week;
            }
            if start.is_some() {
                r.take(&start_path);
            }
        }
        (None, Some(local)) => {
            s.budget.alignment = Alignment::Pinned;
            let minutes = i64::from(offset.minutes());
            s.budget.start = local
                .checked_sub_signed(chrono::Duration::minutes(minutes))
                .unwrap_or(local);
            r.take(&start_path);
        }
        (None, None) => {
            return Err(error(
                line,
                format!(
                    "the time window {duration:?} does not roll and has no calendar startTime: \
                     expected isRolling: true, or a calendar with a startTime"
                ),
            ));
        }
    }
    Ok(())
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
