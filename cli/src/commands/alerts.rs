//! `nines alerts`: a multiwindow, multi-burn-rate alert policy for an SLO,
//! scaled to its window, with each alert's detection time at an error ratio.

use std::str::FromStr;

use nines_core::alerts::{AlertInput, BurnAlert, Preset};
use nines_core::bounds::List;
use nines_core::budget::BudgetMode;
use nines_core::quantity::parse_fraction;
use nines_core::scenario::{evaluate, PolicyChoice, Report};
use serde_json::json;

use super::{base_scenario, option, requests_rate, section, table, text, with};
use crate::args::Args;

/// `--requests N` (in the window) only feeds the low-traffic warning.
pub(super) fn run(args: &Args, json: bool) -> Result<String, String> {
    let mut scenario = base_scenario(args, true)?;
    // `--alert "page 2% 1h 5m"`, repeatable: a custom policy, for a team
    // whose alerts are none of the published ones, of at most the rows
    // Nines holds (every input is bounded).
    let alerts = args.each("--alert");
    if !List::CustomAlerts.holds(alerts.len()) {
        return Err(List::CustomAlerts.refusal("--alert", alerts.len()));
    }
    let custom = alerts
        .into_iter()
        .map(|words| {
            let line = words.join(" ");
            line.parse::<BurnAlert>()
                .map_err(|e| format!("--alert: {e}"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    match text(args, "--policy")?.as_deref().map(str::trim) {
        Some("custom") | None if !custom.is_empty() => {
            scenario.alerts.policy = PolicyChoice::Custom;
            scenario.alerts.custom = custom;
        }
        Some("custom") => {
            return Err(
                "--policy custom needs its alerts: --alert \"page 2% 1h 5m\", once per alert"
                    .into(),
            )
        }
        Some(_) if !custom.is_empty() => {
            return Err(
                "--alert makes a custom policy: leave out --policy, or give --policy custom".into(),
            )
        }
        _ => {
            if let Some(preset) = option(args, "--policy", Preset::from_str)? {
                scenario.alerts.policy = match preset {
                    Preset::Workbook => PolicyChoice::Workbook,
                    Preset::Sloth => PolicyChoice::Sloth,
                    Preset::Pyrra => PolicyChoice::Pyrra,
                };
            }
        }
    }
    if let Some(off) = text(args, "--off")? {
        turn_off(&mut scenario.alerts, &off)?;
    }
    if let Some(ratio) = option(args, "--error-ratio", parse_fraction)? {
        scenario.alerts.error_ratio = ratio;
    }
    // The traffic warning reads the budget's traffic: without --requests
    // there is none (time mode), rather than the default story's.
    match requests_rate(args, scenario.slo_window)? {
        Some(rate) => {
            scenario.budget.mode = BudgetMode::Requests;
            scenario.budget.traffic = rate;
        }
        None => scenario.budget.mode = BudgetMode::Time,
    }
    let report = evaluate(&scenario, nines_core::budget::STORY_NOW);
    if let Some(error) = &report.alerts.error {
        return Err(format!("alerts: {error}"));
    }
    Ok(if json {
        render_json(&report)
    } else {
        render(&report)
    })
}

/// `--off page`, `--off ticket` or `--off page,ticket`: the alerts of
/// those severities are not written (as Sloth's `disable: true`).
fn turn_off(alerts: &mut AlertInput, off: &str) -> Result<(), String> {
    for word in off.split(',').map(str::trim) {
        match word {
            "page" => alerts.page_alerts = false,
            "ticket" => alerts.ticket_alerts = false,
            other => {
                return Err(format!(
                    "--off: {} is not a severity; use page, ticket or page,ticket",
                    nines_core::quote::quoted(other, 60)
                ))
            }
        }
    }
    Ok(())
}

/// The alerts section as JSON, with the names earlier versions wrote.
fn render_json(report: &Report) -> String {
    let a = &report.alerts;
    with(
        section(a),
        json!({
            "slo": report.target.canonical,
            "window": report.budget.window,
            "window_seconds": a.period_seconds,
            "convention": report.target.convention_id,
            "policy": a.policy_id,
            "alerts": a.rows,
        }),
        // Written once, under the names above; the chart's series and
        // an error (refused before) left out.
        &[
            "period_seconds",
            "policy_id",
            "rows",
            "detection_chart",
            "error",
        ],
    )
}

/// The alerts as a table, with the policy's source, notes, warnings and
/// an alternative when the policy does not fit the window.
fn render(report: &Report) -> String {
    let a = &report.alerts;
    let rows: Vec<[String; 7]> = a
        .rows
        .iter()
        .map(|r| {
            let windows = match &r.for_display {
                Some(f) => format!("{} for {f}", r.windows_display),
                None => r.windows_display.clone(),
            };
            [
                r.severity_label.clone(),
                windows,
                r.burn_rate_display.clone(),
                r.budget_consumed_display.clone(),
                r.threshold_display.clone(),
                r.detection_display.clone(),
                r.budget_spent_display.clone(),
            ]
        })
        .collect();
    let mut out = format!(
        "{} for {} over {} ({})\n{}\n{}",
        a.policy_name,
        report.target.availability_percent,
        a.period_label,
        report.target.convention_label,
        table(
            [
                "Severity",
                "Windows (long / short)",
                "Burn rate",
                "Budget consumed",
                "Error ratio",
                &format!("Detection at {}", a.error_ratio_display),
                "Budget spent by then",
            ],
            &rows
        ),
        a.policy_source
    );
    if let Some(note) = &a.policy_note {
        out.push_str(&format!("\n{note}"));
    }
    if !a.service_note.is_empty() {
        out.push_str(&format!("\n{}", a.service_note));
    }
    if !a.off_note.is_empty() {
        out.push_str(&format!("\n{}", a.off_note));
    }
    for w in &a.warnings {
        out.push_str(&format!("\nWarning: {w}"));
    }
    if let Some(alt) = &a.alternative {
        out.push_str(&format!(
            "\nAlternative ({}): {}\n{}",
            alt.policy_name, alt.summary, alt.note
        ));
    }
    out
}
