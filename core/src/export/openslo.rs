//! The SLO as an OpenSLO v1 `SLO` document.

use super::*;
use crate::budget::BudgetMode;
use crate::production::{Counted, ProductionInputs};
use crate::scenario::Report;
use crate::window::Period;

/// OpenSLO's `timeWindow` and the window in words: rolling
/// (`isRolling: true`); calendar-aligned (`isRolling: false`, the unit as
/// `1d`, `1w`, `1M`, `1Q`, `1Y`, and a `calendar` with the current
/// period's start and its time zone); pinned (`isRolling: false`, the
/// window's length from its start). Nines' zones are fixed UTC offsets:
/// whole hours are written as the IANA `Etc/GMT∓h` zones (POSIX signs:
/// UTC+01:00 is `Etc/GMT-1`); an offset with minutes has no IANA zone, so
/// the start is written in UTC and a comment says so.
pub(super) fn openslo_time_window(b: &crate::budget::BudgetReport) -> (String, String) {
    use crate::clock::Alignment;
    let rolling = |b: &crate::budget::BudgetReport| {
        (
            format!(
                "  timeWindow:\n    - duration: {}\n      isRolling: true\n",
                openslo_duration(b.window)
            ),
            ["a rolling ", &b.window_label].concat(),
        )
    };
    let unit = match (b.alignment, b.slo_window) {
        (Alignment::Rolling, _) => return rolling(b),
        (Alignment::Calendar, Period::Day) => "1d".to_string(),
        (Alignment::Calendar, Period::Week) => "1w".to_string(),
        (Alignment::Calendar, Period::Month) => "1M".to_string(),
        (Alignment::Calendar, Period::Quarter) => "1Q".to_string(),
        (Alignment::Calendar, Period::Year) => "1Y".to_string(),
        (Alignment::Calendar, _) => return rolling(b),
        (Alignment::Pinned, _) => openslo_duration(b.window),
    };
    let Ok(start) = crate::clock::parse_instant(&b.start_iso) else {
        return rolling(b);
    };
    let minutes = b.utc_offset.minutes();
    let (zone, shift, note) = if minutes == 0 {
        ("UTC".to_string(), 0, String::new())
    } else if minutes % 60 == 0 {
        // POSIX zone names count west of Greenwich: UTC+01:00 is Etc/GMT-1.
        (
            format!("Etc/GMT{:+}", -minutes / 60),
            minutes,
            String::new(),
        )
    } else {
        (
            "UTC".to_string(),
            0,
            format!(
                "      # {} has no IANA zone: the start is written in UTC.\n",
                b.utc_offset.label()
            ),
        )
    };
    let local = crate::clock::after(start, f64::from(shift) * 60.0).unwrap_or(start);
    let how = if b.alignment == Alignment::Calendar {
        [
            "each calendar ",
            &b.slo_window.name(),
            " (",
            &b.utc_offset.label(),
            ")",
        ]
        .concat()
    } else {
        ["a ", &b.window_label, " window from ", &b.start_display].concat()
    };
    (
        format!(
            "  timeWindow:\n    - duration: {unit}\n      isRolling: false\n{note}      calendar:\n        \
             startTime: \"{}\"\n        timeZone: {zone}\n",
            {
                // By hand: chrono's formatter would add to the page's wasm.
                use chrono::{Datelike, Timelike};
                format!(
                    "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
                    local.year(),
                    local.month(),
                    local.day(),
                    local.hour(),
                    local.minute(),
                    local.second()
                )
            }
        ),
        how,
    )
}

/// The SLO window as an OpenSLO duration shorthand (`30d`, `1w`, `1M`).
pub(super) fn openslo_duration(p: Period) -> String {
    match p {
        Period::Hour => "60m".into(),
        Period::Day => "1d".into(),
        Period::Week => "1w".into(),
        Period::Month => "1M".into(),
        Period::Quarter => "1Q".into(),
        Period::Year => "1Y".into(),
        Period::Days(n) => format!("{n}d"),
    }
}

/// Why [`openslo`] would refuse these inputs, without writing the document.
///
/// ```
/// use nines_core::export::check_openslo;
/// use nines_core::production::ProductionInputs;
/// use nines_core::scenario::{evaluate, Scenario};
/// let report = evaluate(&Scenario::default(), nines_core::budget::STORY_NOW);
/// assert!(check_openslo(&report, &ProductionInputs::default()).is_ok());
/// let p = ProductionInputs { service: "Check Out!".into(), ..Default::default() };
/// assert!(check_openslo(&report, &p).unwrap_err().to_string().contains("service"));
/// let p = ProductionInputs { slo: "a".repeat(20), service: "b".repeat(50), ..Default::default() };
/// assert!(check_openslo(&report, &p).unwrap_err().to_string().contains("slo"));
/// ```
pub fn check_openslo(report: &Report, p: &ProductionInputs) -> Result<(), ExportError> {
    check_slo_names(p)?;
    p.check()
        .map_err(|(field, why)| ExportError::Selector { field, why })?;
    if report.target.unavailability <= 0.0 {
        return Err(ExportError::NoErrorBudget);
    }
    Ok(())
}

/// The SLO as an OpenSLO v1 `SLO` document (YAML), following the spec
/// (github.com/OpenSLO/OpenSLO, README "SLO", "SLI", "Objectives"):
///
/// * `metadata.name` is `<service>-<slo>` ([`slo_object_name`]), so the
///   service must be an RFC 1123 name of at most 50 characters (lowercase
///   letters, digits, `-`) and the whole at most 63;
/// * `spec.indicator` is inline: a `ratioMetric` with `counter: true` and
///   `bad` (or `good`, when the scenario counts the good requests) and
///   `total` Prometheus queries, the counters themselves summed
///   ([`ProductionInputs::counter_queries`], as the OpenSLO README's
///   Prometheus example): the tool that evaluates the SLO takes the rate
///   over its own windows;
/// * `spec.timeWindow` is the SLO window as a rolling duration shorthand
///   (`30d`, `4w` as `28d`, a month as `1M`), `isRolling: true`, or
///   calendar-aligned with its start and offset;
/// * `spec.budgetingMethod` is `Occurrences` in request mode (good events
///   over all events) and `Timeslices` in time mode, with one-minute slices
///   (`timeSliceWindow: 1m`) that count as good when their own ratio meets
///   the target (`timeSliceTarget` = `target`; adjust it to your
///   definition of a bad minute);
/// * `spec.objectives` has one objective whose `target` is the availability
///   as a fraction, written exactly (`0.9995`, never `0.9994999999`).
///
/// When the target is not achievable, the first line is a comment saying
/// so ([`not_achievable`]).
///
/// ```
/// use nines_core::export::openslo;
/// use nines_core::production::ProductionInputs;
/// use nines_core::scenario::{evaluate, Scenario};
/// let r = evaluate(&Scenario::default(), nines_core::budget::STORY_NOW);
/// let yaml = openslo(&r, &ProductionInputs::default()).unwrap();
/// assert!(yaml.contains("\n      target: 0.9995\n"));
/// assert!(yaml.contains("budgetingMethod: Occurrences"));
/// assert!(yaml.contains("  name: checkout-availability\n"));
/// assert!(yaml.contains(r#"query: "sum(http_requests_total{service=\"checkout\"})""#));
/// ```
pub fn openslo(report: &Report, p: &ProductionInputs) -> Result<String, ExportError> {
    check_openslo(report, p)?;
    let t = &report.target;
    let b = &report.budget;
    let service = p.service.as_str();
    let target = target_fraction_text(report);
    let (time_window, how) = openslo_time_window(b);
    let (method, slices) = match b.mode {
        BudgetMode::Requests => ("Occurrences", String::new()),
        BudgetMode::Time => (
            "Timeslices",
            format!("      timeSliceTarget: {target}\n      timeSliceWindow: 1m\n"),
        ),
    };
    let unit = match b.mode {
        BudgetMode::Requests => "of requests succeed",
        BudgetMode::Time => "of one-minute slices are good",
    };
    let description = format!(
        "{} {unit} over {how}: an error budget of {} ({} per {}). While the budget is \
         spent, launches stop. Convention: {}.",
        t.availability_percent,
        t.unavailability_percent,
        b.allowed_display,
        b.window_label,
        t.convention_label,
    );
    let source = |q: &str| {
        format!(
            "          metricSource:\n            type: Prometheus\n            spec:\n              \
             query: {}\n",
            yaml_quote(q)
        )
    };
    let (which, counter, total) = p.counter_queries();
    let counted = match which {
        Counted::Bad => ["        bad:\n", &source(&counter)].concat(),
        Counted::Good => ["        good:\n", &source(&counter)].concat(),
    };
    Ok(format!(
        "{}# OpenSLO v1 SLO for {}: {} over {how} ({}).\n\
         # Generated by Nines.\n\
         apiVersion: openslo/v1\n\
         kind: SLO\n\
         metadata:\n  name: {}\n  displayName: {}\n\
         spec:\n  description: {}\n  service: {service}\n\
         \x20 indicator:\n    metadata:\n      name: {service}-error-ratio\n      \
         displayName: \"Requests that fail\"\n    spec:\n      ratioMetric:\n        \
         counter: true\n{counted}        total:\n{}\
         {time_window}\
         \x20 budgetingMethod: {method}\n\
         \x20 objectives:\n    - displayName: {}\n      target: {target}\n{slices}",
        answer_comment(report),
        one_line(service),
        t.availability_percent,
        t.nines_display,
        slo_object_name(p),
        yaml_quote(&format!("{service} {}", p.slo)),
        yaml_quote(&description),
        source(&total),
        yaml_quote(&format!("Availability {}", t.availability_percent)),
    ))
}
