//! `nines budget`: the error budget of an SLO over its window, what is spent,
//! the burn rate, when it runs out, and whether launches may go ahead.

use nines_core::amount::{Count, Rate};
use nines_core::budget::{BudgetMode, Exhaustion};
use nines_core::duration::parse_duration;
use nines_core::scenario::{evaluate, BudgetInput, Report};
use serde_json::{json, Value};

use super::{base_scenario, figures, option, section, text, with};
use crate::args::Args;

/// Requests mode (`--requests N [--bad N]`, N the totals in the window) or
/// time mode (`[--bad-time <duration>]`); without `--elapsed` the whole
/// window has elapsed.
pub(super) fn run(args: &Args, json: bool) -> Result<String, String> {
    args.only(&[
        "--slo",
        "--window",
        "--requests",
        "--bad",
        "--bad-time",
        "--elapsed",
        "--start",
        "--convention",
    ])?;
    let mut scenario = base_scenario(args, true)?;
    let requests = option(args, "--requests", Count::parse)?;
    let bad = option(args, "--bad", Count::parse)?;
    let bad_time = option(args, "--bad-time", parse_duration)?;
    let window = scenario.slo_window;
    let budget = &mut scenario.budget;
    match (requests, bad, bad_time) {
        (Some(_), _, Some(_)) => {
            return Err(
                "--bad-time is for a time-based budget; with --requests give --bad <bad requests>"
                    .into(),
            )
        }
        (None, Some(_), _) => {
            return Err(
                "--bad counts bad requests and needs --requests <requests in the window>; \
                        for bad time give --bad-time <duration>"
                    .into(),
            )
        }
        (Some(n), bad, None) => {
            budget.mode = BudgetMode::Requests;
            // N requests in the window, as the core's rate "N per <window>".
            budget.traffic = Rate::parse(&format!("{n} per {}", window.id()))
                .map_err(|e| format!("--requests: {e}"))?;
            budget.bad_events = bad.map_or(0.0, |c| c.to_f64());
        }
        (None, None, bad_time) => {
            budget.mode = BudgetMode::Time;
            budget.bad_seconds = bad_time.unwrap_or(0.0);
        }
    }
    budget.elapsed_seconds = match option(args, "--elapsed", parse_duration)? {
        Some(seconds) => seconds,
        None => window.seconds(scenario.convention) as f64,
    };
    if let Some(start) = text(args, "--start")? {
        budget.start = with_start(&start)?.start;
    }
    let report = evaluate(&scenario, nines_core::budget::STORY_NOW);
    if let Some(error) = &report.budget.error {
        return Err(format!("budget: {error}"));
    }
    Ok(render(&report, json))
}

/// A budget input carrying only the window's start, read by the core's own
/// serde form of [`BudgetInput`] (ISO 8601 UTC, e.g. `2026-11-01T00:00:00Z`).
fn with_start(text: &str) -> Result<BudgetInput, String> {
    serde_json::from_value(json!({ "start": text })).map_err(|_| {
        format!("--start: {text:?} is not an instant; give ISO 8601 UTC, e.g. 2026-11-01T00:00:00Z")
    })
}

fn render(report: &Report, json: bool) -> String {
    let b = &report.budget;
    let requests = b.mode == BudgetMode::Requests;
    if json {
        return with(
            section(b),
            json!({
                "slo": report.target.canonical,
                "convention": b.convention_id,
                "requests_in_window": if requests { json!(b.requests_in_window) } else { Value::Null },
                "allowed_bad": if requests { json!(b.allowed_bad) } else { Value::Null },
                "exhaustion": b.exhaustion.id(),
                "start": b.start_iso,
                "now": b.now_iso,
                "window_end": b.window_end_iso,
                "display": {
                    "budget": b.budget_display,
                    "budget_percent": b.budget_percent,
                    "allowed": b.allowed_display,
                    "spent": b.spent_display,
                    "elapsed": b.elapsed_display,
                    "consumed": b.consumed_display,
                    "remaining": b.remaining_display,
                    "remaining_amount": b.remaining_amount_display,
                    "burn_rate": b.burn_rate_display,
                    "time_to_exhaustion": b.time_to_exhaustion_display,
                    "exhaustion": b.exhaustion_display,
                },
            }),
            // Written once, under the names above; the burn-down chart and an
            // error (refused before) left out.
            &[
                "convention_id",
                "start_iso",
                "now_iso",
                "window_end_iso",
                "budget_display",
                "allowed_display",
                "spent_display",
                "elapsed_display",
                "consumed_display",
                "remaining_display",
                "remaining_amount_display",
                "burn_rate_display",
                "time_to_exhaustion_display",
                "exhaustion_display",
                "burn_down",
                "error",
            ],
        );
    }
    let mut rows = vec![[
        "Budget".to_string(),
        format!("{} of the window = {}", b.budget_percent, b.budget_display),
    ]];
    if requests {
        rows.push(["Requests in the window".into(), b.requests_display.clone()]);
        rows.push(["Bad requests allowed".into(), b.allowed_bad_display.clone()]);
    }
    rows.extend([
        ["Spent".into(), b.spent_display.clone()],
        [
            "Elapsed".into(),
            format!(
                "{} ({} of the window)",
                b.elapsed_display, b.elapsed_percent
            ),
        ],
        ["Consumed".into(), b.consumed_display.clone()],
        [
            "Remaining".into(),
            format!("{} ({})", b.remaining_display, b.remaining_amount_display),
        ],
        ["Burn rate".into(), b.burn_rate_display.clone()],
        [
            "Runs out".into(),
            match b.exhaustion {
                Exhaustion::At { .. } => {
                    format!(
                        "in {}: {}",
                        b.time_to_exhaustion_display, b.exhaustion_display
                    )
                }
                _ => b.exhaustion_display.clone(),
            },
        ],
        ["Policy".into(), b.policy_label.clone()],
    ]);
    format!(
        "Error budget of {}, window {} starting {}\n{}\n{}",
        report.target.availability_percent,
        b.window_description,
        b.start_iso,
        figures(&rows),
        b.policy_reason
    )
}
