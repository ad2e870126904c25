//! `nines incidents`: what an incident rate spends of the budget ("The
//! Calculus of Service Availability": frequency × (detect + recover) ×
//! scope), how many incidents fit, and the longest time to restore; with
//! `--incident` or `--incidents FILE.csv`, what the incidents that happened
//! achieved over the window that ends at `--now` and over the last year.

use nines_core::amount::Rate;
use nines_core::choice::Choice;
use nines_core::clock::parse_instant;
use nines_core::duration::parse_duration;
use nines_core::incident::{IncidentInputs, IncidentLogReport, ModelSource};
use nines_core::quantity::parse_fraction;
use nines_core::scenario::{evaluate, Report};
use nines_core::window::Period;
use serde_json::json;

use super::{
    base_scenario, figures, limit_json, logged_incidents, now, option, section, text, with,
};
use crate::args::Args;

pub(super) fn run(args: &Args, json: bool) -> Result<String, String> {
    let mut scenario = base_scenario(args, false)?;
    let now = now(args)?;
    // The window ends at --now and has wholly elapsed.
    scenario.budget.elapsed_seconds = scenario.slo_window.seconds(scenario.convention) as f64;
    let i = &mut scenario.incidents;
    i.history = logged_incidents(args)?;
    i.logged_since = option(args, "--logged-since", parse_instant)?;
    if let Some(id) = text(args, "--model")? {
        i.model_source = ModelSource::from_id(&id).ok_or_else(|| {
            format!(
                "--model: {id:?} is not a model source; use {}",
                ModelSource::ids()
            )
        })?;
    }
    if let Some(rate) = option(args, "--rate", Rate::parse)? {
        i.incidents_per_year = rate.count_in_period(Period::Year, scenario.convention);
    }
    if let Some(ttd) = option(args, "--ttd", parse_duration)? {
        i.time_to_detect_seconds = ttd;
    }
    if let Some(ttr) = option(args, "--ttr", parse_duration)? {
        i.time_to_recover_seconds = ttr;
    }
    if let Some(scope) = option(args, "--scope", parse_fraction)? {
        i.scope = scope;
    }
    let inputs = scenario.incidents.clone();
    let report = evaluate(&scenario, now);
    let has_log = !inputs.history.is_empty();
    Ok(if json {
        render_json(&report, &inputs, has_log)
    } else {
        render(&report, has_log)
    })
}

/// The incidents section as JSON, with the model's inputs under the names
/// earlier versions wrote and, with a log, what it achieved.
fn render_json(report: &Report, inputs: &IncidentInputs, has_log: bool) -> String {
    let r = &report.incidents;
    let log = &r.log;
    let mut fields = json!({
        "slo": report.target.canonical,
        "window": report.budget.window,
        "convention": report.target.convention_id,
        "incidents_per_year": inputs.incidents_per_year,
        "time_to_detect_seconds": inputs.time_to_detect_seconds,
        "time_to_recover_seconds": inputs.time_to_recover_seconds,
        "scope": inputs.scope,
        "incidents_fitting_window_budget": limit_json(r.incidents_fitting_window_budget),
        "whole_incidents_fitting_window_budget": limit_json(r.whole_incidents_fitting_window_budget),
        "incidents_fitting_year_budget": limit_json(r.incidents_fitting_year_budget),
        "max_time_to_restore_seconds": limit_json(r.max_time_to_restore_seconds),
        "max_time_to_recover_seconds": limit_json(r.max_time_to_recover_seconds),
    });
    if has_log {
        if let Some(f) = fields.as_object_mut() {
            f.extend(
                json!({
                    "now": log.window.to.iso,
                    "achieved_availability": log.window.availability,
                    "achieved_availability_display": log.window.display.availability,
                    "achieved_meets_target": log.window.meets_target,
                    "achieved_availability_last_year": log.year.availability,
                    "achieved_meets_target_last_year": log.year.meets_target,
                    "logged_since": log.period.from.iso,
                    "achieved_availability_logged": log.period.availability,
                    "achieved_meets_target_logged": log.period.meets_target,
                })
                .as_object()
                .cloned()
                .unwrap_or_default(),
            );
        }
    }
    // Without a log nothing was achieved: no log figures.
    let drop: &[&str] = if has_log { &[] } else { &["log"] };
    with(section(r), fields, drop)
}

/// The model's figures against the target, then the log's when there is one.
fn render(report: &Report, has_log: bool) -> String {
    let r = &report.incidents;
    let window = report.budget.window_label.as_str();
    let rows = [
        [
            "Downtime per incident (user-weighted)".to_string(),
            r.display.downtime_per_incident.clone(),
        ],
        [
            "Expected downtime a year".into(),
            r.display.expected_downtime_per_year.clone(),
        ],
        [
            format!("Expected downtime per {window}"),
            r.display.expected_downtime_per_window.clone(),
        ],
        [
            format!("Budget per {window}"),
            r.display.budget_per_window.clone(),
        ],
        [
            "Availability the incidents imply".into(),
            r.display.expected_availability.clone(),
        ],
        [
            format!("Incidents that fit the budget per {window}"),
            r.display.whole_incidents_fitting_window_budget.clone(),
        ],
        [
            "Longest time to restore that meets the target".into(),
            r.display.max_time_to_restore.clone(),
        ],
        [
            "Longest recovery once detected".into(),
            r.display.max_time_to_recover.clone(),
        ],
    ];
    let mut out = format!(
        "Incidents against {} ({})\n{}\n{}",
        report.target.availability_percent,
        report.target.convention_label,
        figures(&rows),
        if r.meets_target {
            "The expected downtime fits the budget."
        } else {
            "The expected downtime does not fit the budget."
        }
    );
    if has_log {
        out.push_str(&render_log(&r.log));
    }
    for note in &r.notes {
        out.push_str(&format!("\nNote: {note}"));
    }
    out
}

/// The incidents that happened, one a line, what they achieved over the
/// window and the period logged, and the counting rule.
fn render_log(log: &IncidentLogReport) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "\n\nIncidents that happened ({})\n",
        log.rows.len()
    ));
    let rows: Vec<[String; 2]> = log
        .rows
        .iter()
        .map(|i| {
            let note = if i.note.is_empty() {
                String::new()
            } else {
                format!(", {}", i.note)
            };
            [
                i.start.display.clone(),
                format!(
                    "{} for {} of users{note} (in the window: {})",
                    i.display.duration, i.display.scope, i.display.in_window
                ),
            ]
        })
        .collect();
    out.push_str(&figures(&rows));
    let achieved = |a: &nines_core::incident::Achieved| {
        format!(
            "{}: {} ({})",
            a.display.availability, a.display.verdict, a.display.period
        )
    };
    let figures_rows = [
        [
            "Achieved, SLO window so far".to_string(),
            achieved(&log.window),
        ],
        ["Achieved, period logged".into(), achieved(&log.period)],
        [
            "Budget spent".into(),
            log.display.window_budget_spent.clone(),
        ],
        ["Incidents a year".into(), log.display.rate.clone()],
        [
            "Time to restore".into(),
            log.display.time_to_restore.clone(),
        ],
    ];
    out.push('\n');
    out.push_str(&figures(&figures_rows));
    if let Some(warning) = &log.display.optimistic {
        out.push('\n');
        out.push_str(warning);
    }
    out.push('\n');
    out.push_str(&log.display.counting_rule);
    out
}
