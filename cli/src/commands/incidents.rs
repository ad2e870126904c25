//! `nines incidents`: what an incident rate spends of the budget ("The
//! Calculus of Service Availability": frequency × (detect + recover) ×
//! scope), how many incidents fit, and the longest time to restore.

use nines_core::amount::Rate;
use nines_core::duration::parse_duration;
use nines_core::quantity::parse_fraction;
use nines_core::scenario::{evaluate, Report};
use nines_core::window::Period;
use serde_json::json;

use super::{base_scenario, figures, limit_json, option, section, with};
use crate::args::Args;

pub(super) fn run(args: &Args, json: bool) -> Result<String, String> {
    args.only(&[
        "--slo",
        "--rate",
        "--ttd",
        "--ttr",
        "--scope",
        "--window",
        "--convention",
    ])?;
    let mut scenario = base_scenario(args, false)?;
    let i = &mut scenario.incidents;
    // Only the model's inputs: no incident history from the default story.
    i.history.clear();
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
    let report = evaluate(&scenario, nines_core::budget::STORY_NOW);
    if json {
        let r = &report.incidents;
        return Ok(with(
            section(r),
            json!({
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
            }),
            // No incident history is given: nothing was achieved.
            &[
                "achieved_unavailability",
                "achieved_availability",
                "achieved_meets_target",
            ],
        ));
    }
    Ok(render(&report))
}

fn render(report: &Report) -> String {
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
    for note in &r.notes {
        out.push_str(&format!("\nNote: {note}"));
    }
    out
}
