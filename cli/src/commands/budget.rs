//! `nines budget`: the error budget of an SLO over its window, what is spent,
//! the burn rate, when it runs out, and whether launches may go ahead.

use nines_core::amount::Count;
use nines_core::budget::{BadTimeSource, BudgetMode, Exhaustion};
use nines_core::choice::Choice;
use nines_core::clock::{parse_instant, Alignment, UtcOffset, WeekStart};
use nines_core::duration::parse_duration;
use nines_core::scenario::{evaluate, Report, Scenario};
use nines_core::window::Period;
use serde_json::{json, Value};

use super::{
    base_scenario, figures, logged_incidents, now, option, requests_rate, section, text, with,
};
use crate::args::Args;

/// Requests mode (`--requests N [--bad N]`, N the totals in the window) or
/// time mode: `--bad-time <duration>` as measured, else what the logged
/// incidents (`--incident`, `--incidents`) spent in the window so far. The window at `--now` (default:
/// the system clock) is rolling (`--elapsed`; without it the whole window
/// has elapsed), pinned (`--start`) or this calendar period (`--calendar
/// week|month|quarter|year` with `--week-start` and `--utc-offset`).
pub(super) fn run(args: &Args, json: bool) -> Result<String, String> {
    let mut scenario = base_scenario(args, true)?;
    let clock = read_clock(args)?;
    if let Some(unit) = clock.calendar {
        if text(args, "--window")?.is_some() {
            return Err("--calendar sets the window; leave out --window".into());
        }
        scenario.slo_window = unit;
    }
    let has_log = set_spent(args, &mut scenario)?;
    set_clock(args, &mut scenario, &clock)?;
    let report = evaluate(&scenario, now(args)?);
    if let Some(error) = &report.budget.error {
        return Err(format!("budget: {error}"));
    }
    Ok(if json {
        render_json(&report, has_log)
    } else {
        render(&report, has_log)
    })
}

/// How the window is placed: at most one of a rolling window's elapsed
/// time, a pinned start and a calendar period.
struct Clock {
    elapsed: Option<f64>,
    start: Option<chrono::DateTime<chrono::Utc>>,
    calendar: Option<Period>,
}

/// `--elapsed`, `--start` and `--calendar`, of which one at most is given.
fn read_clock(args: &Args) -> Result<Clock, String> {
    let clock = Clock {
        elapsed: option(args, "--elapsed", parse_duration)?,
        start: option(args, "--start", parse_instant)?,
        calendar: option(args, "--calendar", calendar_unit)?,
    };
    if [
        clock.elapsed.is_some(),
        clock.start.is_some(),
        clock.calendar.is_some(),
    ]
    .iter()
    .filter(|&&given| given)
    .count()
        > 1
    {
        return Err(
            "give one of --elapsed (a rolling window), --start (a pinned start) \
             or --calendar (this calendar period)"
                .into(),
        );
    }
    Ok(clock)
}

/// What is spent: the requests and bad requests, the bad time measured, or
/// the logged incidents (whether there are any is returned); combinations
/// that mix the two kinds of budget are refused.
fn set_spent(args: &Args, scenario: &mut Scenario) -> Result<bool, String> {
    let requests = requests_rate(args, scenario.slo_window)?;
    let bad = option(args, "--bad", Count::parse)?;
    let bad_time = option(args, "--bad-time", parse_duration)?;
    scenario.incidents.history = logged_incidents(args)?;
    let has_log = !scenario.incidents.history.is_empty();
    let budget = &mut scenario.budget;
    if has_log && bad_time.is_some() {
        return Err(
            "give the bad time measured (--bad-time) or the incidents that spent it \
             (--incident, --incidents), not both"
                .into(),
        );
    }
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
        (Some(rate), bad, None) => {
            budget.mode = BudgetMode::Requests;
            // A count N is the core's rate "N per <window>" (requests_rate).
            budget.traffic = rate;
            budget.bad_events = bad.map_or(0.0, |c| c.to_f64());
        }
        (None, None, Some(bad_time)) => {
            budget.mode = BudgetMode::Time;
            budget.bad_time_source = BadTimeSource::Typed;
            budget.bad_seconds = bad_time;
        }
        (None, None, None) => {
            // What the logged incidents spent (nothing without any).
            budget.mode = BudgetMode::Time;
            budget.bad_time_source = BadTimeSource::Log;
        }
    }
    Ok(has_log)
}

/// Places the window: rolling over `--elapsed` (the whole window without
/// it), pinned from `--start` or this calendar period, its weeks starting
/// on `--week-start`, in `--utc-offset`.
fn set_clock(args: &Args, scenario: &mut Scenario, clock: &Clock) -> Result<(), String> {
    let whole = scenario.slo_window.seconds(scenario.convention) as f64;
    let budget = &mut scenario.budget;
    budget.elapsed_seconds = clock.elapsed.unwrap_or(whole);
    if let Some(start) = clock.start {
        budget.alignment = Alignment::Pinned;
        budget.start = start;
    }
    if clock.calendar.is_some() {
        budget.alignment = Alignment::Calendar;
    }
    if let Some(day) = text(args, "--week-start")? {
        budget.week_start = WeekStart::from_id(&day.to_ascii_lowercase()).ok_or_else(|| {
            format!(
                "--week-start: {day:?} is not a day; use {}",
                WeekStart::ids()
            )
        })?;
    }
    if let Some(offset) = option(args, "--utc-offset", str::parse::<UtcOffset>)? {
        budget.utc_offset = offset;
    }
    Ok(())
}

/// A calendar period: week, month, quarter or year (or day).
fn calendar_unit(text: &str) -> Result<Period, String> {
    match text.parse::<Period>() {
        Ok(p @ (Period::Day | Period::Week | Period::Month | Period::Quarter | Period::Year)) => {
            Ok(p)
        }
        _ => Err(format!(
            "{text:?} is not a calendar period; use day, week, month, quarter or year"
        )),
    }
}

/// The budget section as JSON, with the names and forms earlier versions
/// wrote; a time-based budget has no request figures, and only a log has
/// what it spent.
fn render_json(report: &Report, has_log: bool) -> String {
    let b = &report.budget;
    let requests = b.mode == BudgetMode::Requests;
    let log = &report.incidents.log;
    with(
        section(b),
        json!({
            "log_budget_spent": if has_log { json!(log.window_budget_spent) } else { Value::Null },
            "slo": report.target.canonical,
            "convention": b.convention_id,
            "requests_in_window": if requests { json!(b.requests_in_window) } else { Value::Null },
            "allowed_bad": if requests { json!(b.allowed_bad) } else { Value::Null },
            // A time-based budget shows no request figures.
            "requests_display": if requests { json!(b.requests_display) } else { Value::Null },
            "allowed_bad_display": if requests { json!(b.allowed_bad_display) } else { Value::Null },
            "exhaustion": b.exhaustion.id(),
            "start": b.start_iso,
            "now": b.now_iso,
            "window_end": b.window_end_iso,
            "reset": b.reset_iso,
            "freeze_lift": b.freeze_lift_iso,
            "display": {
                "budget": b.budget_display,
                "budget_percent": b.budget_percent,
                "allowed": b.allowed_display,
                "unplanned": b.unplanned_display,
                "spent": b.spent_display,
                "log_budget_spent": if has_log { json!(log.display.window_budget_spent) } else { Value::Null },
                "elapsed": b.elapsed_display,
                "consumed": b.consumed_display,
                "remaining": b.remaining_display,
                "remaining_amount": b.remaining_amount_display,
                "burn_rate": b.burn_rate_display,
                "time_to_exhaustion": b.time_to_exhaustion_display,
                "exhaustion": b.exhaustion_display,
                "start": b.start_display,
                "now": b.now_display,
                "reset": b.reset_display,
                "freeze_lift": b.freeze_lift_display,
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
            "unplanned_display",
            "spent_display",
            "elapsed_display",
            "consumed_display",
            "remaining_display",
            "remaining_amount_display",
            "burn_rate_display",
            "time_to_exhaustion_display",
            "exhaustion_display",
            "start_display",
            "now_display",
            "reset_iso",
            "reset_display",
            "freeze_lift_iso",
            "freeze_lift_display",
            "burn_down",
            "error",
        ],
    )
}

/// The budget's figures, label and value: requests or the unplanned
/// allowance, what is spent, how fast and until when, the policy, and what
/// the log spent beside a request-based budget.
fn rows(report: &Report, has_log: bool) -> Vec<[String; 2]> {
    let b = &report.budget;
    let requests = b.mode == BudgetMode::Requests;
    let log = &report.incidents.log;
    let mut rows = vec![[
        "Budget".to_string(),
        format!("{} of the window = {}", b.budget_percent, b.budget_display),
    ]];
    if requests {
        rows.push(["Requests in the window".into(), b.requests_display.clone()]);
        rows.push(["Bad requests allowed".into(), b.allowed_bad_display.clone()]);
    } else if b.maintenance_seconds > 0.0 {
        // Counted maintenance: the downtime table's rule (the note says it).
        rows.push([
            "Unplanned allowed".into(),
            format!(
                "{} (the budget less the counted maintenance)",
                b.unplanned_display
            ),
        ]);
    }
    rows.extend([
        [
            "Spent".into(),
            format!("{} ({})", b.spent_display, b.spent_source),
        ],
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
        ["Window resets".into(), b.reset_display.clone()],
    ]);
    if has_log && requests {
        rows.push([
            "Logged incidents spent".into(),
            format!("{} (time-based)", log.display.window_budget_spent),
        ]);
    }
    if b.freeze_lift_iso.is_some() {
        rows.push(["Freeze lifts".into(), b.freeze_lift_display.clone()]);
    }
    rows
}

/// The budget as text: the window, the figures, the notes and why the
/// policy says what it says.
fn render(report: &Report, has_log: bool) -> String {
    let b = &report.budget;
    let rows = rows(report, has_log);
    let mut notes = b.notes.join("\n");
    if !notes.is_empty() {
        notes.insert(0, '\n');
    }
    format!(
        "Error budget of {}, window {} from {} to now, {}\n{}{notes}\n{}\n{}",
        report.target.availability_percent,
        b.window_description,
        b.start_display,
        b.now_display,
        b.time_note,
        figures(&rows),
        b.policy_reason
    )
}
