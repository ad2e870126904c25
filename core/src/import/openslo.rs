//! OpenSLO's `SLO`: `openslo/v1` (with an `SLI` it names) and
//! `openslo/v1alpha`, the version Sloth reads (`internal/storage/io/
//! openslo.go`: `timeWindows` of a `unit` and a `count`, `ratioMetrics` of
//! `good` or `bad` and `total` queries with a `source` and a `queryType`).

use std::collections::BTreeSet;

use super::calendar::place_window;
use super::read::{Out, Reader, Source, error, get, items, line_of, plain_text};
use super::values::{fraction, percent, series, service_of, slo_name};
use super::{Doc, ImportError, Kind};
use crate::budget::BudgetMode;
use crate::production::Counted;
use crate::scenario::Scenario;

/// An OpenSLO v1 `SLO`.
pub(super) fn openslo(
    docs: &[Doc<'_, '_>],
    main: usize,
    src: &Source<'_>,
    used_docs: &mut BTreeSet<usize>,
    out: &mut Out,
) -> Result<(Scenario, &'static str), ImportError> {
    let mut s = Scenario::default();
    let mut r = Reader::new(docs[main].node, String::new());
    r.take("apiVersion");
    r.take("kind");
    names(&mut r, &mut s, out);
    objective(&mut r, &mut s, src, out)?;
    budgeting(&mut r, &mut s, src, out);
    time_window(&mut r, &mut s, out)?;
    indicator(docs, &mut r, &mut s, used_docs, out);
    alert_policy_assumed(out);
    r.leftovers(out);
    Ok((s, "OpenSLO SLO (openslo/v1)"))
}

/// An OpenSLO v1alpha `SLO`, as Sloth reads it.
pub(super) fn openslo_v1alpha(
    doc: &Doc<'_, '_>,
    src: &Source<'_>,
    out: &mut Out,
) -> Result<(Scenario, &'static str), ImportError> {
    let mut s = Scenario::default();
    let mut r = Reader::new(doc.node, String::new());
    r.take("apiVersion");
    r.take("kind");
    names(&mut r, &mut s, out);
    objective(&mut r, &mut s, src, out)?;
    budgeting(&mut r, &mut s, src, out);
    time_windows_v1alpha(&mut r, &mut s, out)?;
    let ratio = ["ratioMetrics", "ratioMetric"]
        .map(|k| format!("spec.objectives[0].{k}"))
        .into_iter()
        .find(|p| r.peek(p).is_some());
    if let Some(m) = ratio {
        ratio_metrics_v1alpha(&mut r, &mut s, &m, out);
    }
    alert_policy_assumed(out);
    r.leftovers(out);
    Ok((s, "OpenSLO SLO (openslo/v1alpha)"))
}

fn alert_policy_assumed(out: &mut Out) {
    out.assumed.push(
        "the alert policy: the SRE Workbook's (an OpenSLO SLO names no burn-rate windows)"
            .to_string(),
    );
}

/// The service (`spec.service`, else the SLO's name less Nines'
/// `-availability`) and the SLO's name (`metadata.name`).
fn names(r: &mut Reader<'_, '_>, s: &mut Scenario, out: &mut Out) {
    let name = r.peek("metadata.name").and_then(plain_text);
    match r.take("spec.service").and_then(plain_text) {
        Some(service) => s.production.service = service.trim().to_string(),
        None => {
            if let Some(name) = &name {
                s.production.service = service_of(name);
            }
        }
    }
    if name.is_some() {
        slo_name(r, s, "metadata.name", out);
    }
    // What Nines' own export writes as the display name.
    let p = &s.production;
    r.take_if("metadata.displayName", &format!("{} {}", p.service, p.slo));
}

/// The first objective's target (a fraction) or targetPercent; the other
/// objectives are listed.
fn objective(
    r: &mut Reader<'_, '_>,
    s: &mut Scenario,
    src: &Source<'_>,
    out: &mut Out,
) -> Result<(), ImportError> {
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
                .or(Some(line_of(r.root()))),
            missing,
        ));
    }
    s.target = match (
        r.peek("spec.objectives[0].target"),
        r.peek("spec.objectives[0].targetPercent"),
    ) {
        (Some(t), _) => {
            r.take("spec.objectives[0].target");
            let text = src.text(t).unwrap_or_default();
            fraction(&text, "the target", Some(line_of(t)))?
        }
        (None, Some(p)) => {
            r.take("spec.objectives[0].targetPercent");
            let text = src.text(p).unwrap_or_default();
            percent(&text, "the targetPercent", Some(line_of(p)))?
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
    Ok(())
}

/// The budgeting method: requests (Occurrences) or bad time (Timeslices).
fn budgeting(r: &mut Reader<'_, '_>, s: &mut Scenario, src: &Source<'_>, out: &mut Out) {
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
}

/// The indicator: inline, or an SLI document named by `indicatorRef`.
fn indicator(
    docs: &[Doc<'_, '_>],
    r: &mut Reader<'_, '_>,
    s: &mut Scenario,
    used_docs: &mut BTreeSet<usize>,
    out: &mut Out,
) {
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
            ratio_metric(r, s, &format!("{path}.spec"), out);
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
            let Some(i) = sli else {
                r.not_carried(path, "no SLI of that name in the file", out);
                return;
            };
            r.take(path);
            used_docs.insert(i);
            let label = format!("SLI {name:?} ({}): ", docs[i].place());
            let mut sr = Reader::new(docs[i].node, label);
            sr.take("apiVersion");
            sr.take("kind");
            sr.take("metadata.name");
            ratio_metric(&mut sr, s, "spec", out);
            sr.leftovers(out);
        }
        (None, None) => {}
    }
}

/// An OpenSLO v1 `ratioMetric` of `bad` (or `good`) and `total`
/// Prometheus queries.
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
    let Some((part, counted)) = counted_part(r, &m) else {
        return;
    };
    if prometheus(r, part) && prometheus(r, "total") {
        let first = format!("{m}.{part}.metricSource.spec.query");
        let total = format!("{m}.total.metricSource.spec.query");
        series(r, s, (&first, counted), &total, false, out);
        r.take(&format!("{m}.{part}.metricSource.type"));
        r.take(&format!("{m}.total.metricSource.type"));
    }
}

/// Which numerator a ratio metric gives: `bad`, else `good` (the bad are
/// then all less the good).
fn counted_part(r: &Reader<'_, '_>, m: &str) -> Option<(&'static str, Counted)> {
    [("bad", Counted::Bad), ("good", Counted::Good)]
        .into_iter()
        .find(|(part, _)| r.peek(&format!("{m}.{part}")).is_some())
}

/// A v1alpha `ratioMetrics` of `good` (or `bad`) and `total`, each a
/// `source: prometheus` (or Sloth's `sloth`), `queryType: promql` and a
/// `query`.
fn ratio_metrics_v1alpha(r: &mut Reader<'_, '_>, s: &mut Scenario, m: &str, out: &mut Out) {
    r.take_if(&format!("{m}.counter"), "true");
    r.take_if(&format!("{m}.incremental"), "true");
    let promql = |r: &Reader<'_, '_>, part: &str| {
        let field = |f: &str| r.peek(&format!("{m}.{part}.{f}")).and_then(plain_text);
        matches!(field("source").as_deref(), Some("prometheus" | "sloth"))
            && field("queryType").as_deref() == Some("promql")
    };
    let Some((part, counted)) = counted_part(r, m) else {
        return;
    };
    if promql(r, part) && promql(r, "total") {
        let first = format!("{m}.{part}.query");
        let total = format!("{m}.total.query");
        series(r, s, (&first, counted), &total, false, out);
        for p in [part, "total"] {
            r.take(&format!("{m}.{p}.source"));
            r.take(&format!("{m}.{p}.queryType"));
        }
    }
}

/// OpenSLO v1's `timeWindow`: one item with a `duration` shorthand
/// (`30d`, `1w`, `1M`…), rolling (`isRolling: true`) or calendar-aligned
/// (`calendar` with `startTime` and an IANA `timeZone`).
fn time_window(r: &mut Reader<'_, '_>, s: &mut Scenario, out: &mut Out) -> Result<(), ImportError> {
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
    let t = duration.trim();
    let unit = t.chars().last().unwrap_or(' ');
    let n: Option<u32> = t
        .get(..t.len() - unit.len_utf8().min(t.len()))
        .and_then(|d| d.parse().ok())
        .filter(|&n| n > 0);
    let Some(n) = n else {
        return Err(error(
            dline,
            format!(
                "the time window {duration:?} is not a number and a unit: expected a duration \
                 shorthand, like 30d, 4w, 1M, 1Q or 1Y"
            ),
        ));
    };
    let unit = if unit == 'y' { 'Y' } else { unit };
    let rolling = rolling_flag(r, w);
    r.take(&format!("{w}.duration"));
    place_window(r, s, out, w, (unit, n, &duration), rolling, dline)
}

/// Whether a window rolls: `isRolling`, else whether it has no calendar.
fn rolling_flag(r: &mut Reader<'_, '_>, w: &str) -> bool {
    let flag = r.peek(&format!("{w}.isRolling")).and_then(plain_text);
    r.take(&format!("{w}.isRolling"));
    match flag.as_deref() {
        Some("true") => true,
        Some("false") => false,
        _ => r.peek(&format!("{w}.calendar")).is_none(),
    }
}

/// OpenSLO v1alpha's `timeWindows`: one item of a `unit` (Second, Minute,
/// Hour, Day, Week, Month, Quarter, Year) and a `count`, rolling or with a
/// `calendar` as in v1. Neither `isRolling` nor a calendar (Sloth's
/// examples) is read as Sloth reads it: a rolling window.
fn time_windows_v1alpha(
    r: &mut Reader<'_, '_>,
    s: &mut Scenario,
    out: &mut Out,
) -> Result<(), ImportError> {
    if r.peek("spec.timeWindows").is_none() {
        out.assumed
            .push("the SLO window: 30 days rolling (no timeWindows)".to_string());
        return Ok(());
    }
    let windows = r
        .peek("spec.timeWindows")
        .and_then(items)
        .unwrap_or_default();
    for i in 1..windows.len() {
        r.not_carried(
            &format!("spec.timeWindows[{i}]"),
            "OpenSLO allows one time window; the first is imported",
            out,
        );
    }
    let w = "spec.timeWindows[0]";
    let text = |r: &Reader<'_, '_>, f: &str| r.peek(&format!("{w}.{f}")).and_then(plain_text);
    let line = r.line(w).or(r.line("spec.timeWindows"));
    let (unit, count) = (text(r, "unit"), text(r, "count"));
    let n: Option<u32> = count
        .as_deref()
        .and_then(|c| c.trim().parse().ok())
        .filter(|&n| n > 0);
    let unit_char = match unit.as_deref().map(str::trim) {
        Some("Minute") => Some('m'),
        Some("Hour") => Some('h'),
        Some("Day") => Some('d'),
        Some("Week") => Some('w'),
        Some("Month") => Some('M'),
        Some("Quarter") => Some('Q'),
        Some("Year") => Some('Y'),
        _ => None,
    };
    let (Some(u), Some(n)) = (unit_char, n) else {
        return Err(error(
            line,
            format!(
                "the time window of unit {} and count {}: expected a unit of Minute, Hour, Day, \
                 Week, Month, Quarter or Year and a whole count above 0, like unit: Day, count: 30",
                unit.as_deref().unwrap_or("(none)"),
                count.as_deref().unwrap_or("(none)")
            ),
        ));
    };
    if r.peek(&format!("{w}.isRolling")).is_none() && r.peek(&format!("{w}.calendar")).is_none() {
        out.assumed.push(format!(
            "the time window {n} {}: rolling, as Sloth reads it (no isRolling, no calendar)",
            unit.as_deref().unwrap_or_default()
        ));
    }
    let rolling = rolling_flag(r, w);
    r.take(&format!("{w}.unit"));
    r.take(&format!("{w}.count"));
    let shown = format!("{n} {}", unit.unwrap_or_default());
    place_window(r, s, out, w, (u, n, &shown), rolling, line)
}
