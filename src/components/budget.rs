//! Section 2, *Error budget and alerts*: the budget over the SLO window,
//! what is spent, the burn rate and the exhaustion date, the error budget
//! policy, and the multiwindow, multi-burn-rate alert policy (SRE Workbook,
//! ch. 5 "Alerting on SLOs") with detection times and warnings.

use std::rc::Rc;

use nines_core::alerts::{AlertsReport, DetectionCurve};
use nines_core::amount::Rate;
use nines_core::budget::{BadTimeSource, BudgetMode, BudgetReport, BurnDownPoint, PolicyStatus};
use nines_core::clock::{parse_instant, Alignment, UtcOffset};
use nines_core::downtime::TargetReport;
use nines_core::window::Period;
use yew::prelude::*;

use super::chart::{ChartPoint, LineChart, Marker, Series, TickFormat};
use super::choice::choice_field;
use super::disclosure::Fold;
use super::field::{use_commit, Commit, Kind, NumberField, TextField};
use super::figure::Figure;
use super::use_on;
use super::SectionProps;
use crate::geometry::{extent, Axis};
use crate::state::{Action, AlertsAction, BudgetAction, State};

/// SLO windows on offer: rolling windows and calendar periods.
const WINDOWS: [Period; 7] = [
    Period::Days(7),
    Period::Days(28),
    Period::Days(30),
    Period::Days(90),
    Period::Month,
    Period::Quarter,
    Period::Year,
];

/// The section, in the order it reads: the window and what is counted, the
/// figures and the launch policy, then the two folds (how the budget is
/// counted; the alerts). The hooks stay here, in one fixed order, and the
/// parts below get their handles.
#[function_component(BudgetSection)]
pub fn budget_section(props: &SectionProps) -> Html {
    let state = &props.state;
    let b = &state.report.budget;
    let a = &state.report.alerts;
    let on_bad_events = use_on(state, |x| Action::Budget(BudgetAction::BadEvents(x)));
    let on_bad_seconds = use_on(state, |x| Action::Budget(BudgetAction::BadSeconds(x)));
    let on_elapsed = use_on(state, |x| Action::Budget(BudgetAction::Elapsed(x)));
    let on_error_ratio = use_on(state, |x| Action::Alerts(AlertsAction::ErrorRatio(x)));
    let on_traffic = use_commit(state, Rate::parse, |x| {
        Action::Budget(BudgetAction::Traffic(x))
    });
    let on_start = use_commit(state, parse_instant, |x| {
        Action::Budget(BudgetAction::WindowStart(x))
    });
    let on_offset = use_commit(state, str::parse::<UtcOffset>, |x| {
        Action::Budget(BudgetAction::UtcOffset(x))
    });
    let burn_down = use_memo(b.burn_down.clone(), |points| burn_down_series(points));
    let detection = use_memo(a.detection_chart.clone(), |curves| detection_series(curves));
    html! {
        <section class="card" id="budget" aria-labelledby="budget-heading">
            <h2 id="budget-heading">{ "Error budget and alerts" }</h2>
            { window_and_mode_fields(state, on_traffic, on_bad_events, on_bad_seconds) }
            if let Some(error) = &b.error {
                <p class="error" role="alert" id="budget-error">{ error }</p>
            }
            { budget_figures(b, &state.report.target) }
            { policy_status(b) }
            <Fold id="budget-workings" summary="How the budget is counted: dates, what is spent, the burn-down chart">
                <p class="convention">{ "Sources: the launch rules quote Steve Smith's Who Runs It essays (stevesmith.tech), the \"You Build It SRE Run It\" policy; the alerts are The Site Reliability Workbook's (2018), chapter 5, \"Alerting on SLOs\"." }</p>
                { calendar_fields(state, on_elapsed, on_start, on_offset) }
                { budget_dates(state) }
                { burn_down_chart(b, (*burn_down).clone()) }
            </Fold>
            <Fold id="budget-alerts" summary={alerts_summary(a)}>
                <p class="convention">{ "The burn rate is how fast the budget is spent: 1× spends it exactly over the window, 14.4× in about two days of a 30-day window." }</p>
                { alert_fields(state, on_error_ratio) }
                if let Some(error) = &a.error {
                    <p class="error" role="alert" id="alerts-error">{ error }</p>
                }
                { alerts_table(a) }
                { alert_notes(a) }
                { detection_chart(a, (*detection).clone()) }
            </Fold>
        </section>
    }
}

/// The SLO window, how the budget is counted, and what is spent so far in
/// that count (requests, or bad time typed or taken from the log).
fn window_and_mode_fields(
    state: &UseReducerHandle<State>,
    on_traffic: Commit,
    on_bad_events: Callback<f64>,
    on_bad_seconds: Callback<f64>,
) -> Html {
    let s = &state.scenario;
    let on_window = super::on_select(state, |v| {
        v.parse()
            .ok()
            .map(|x| Action::Budget(BudgetAction::SloWindow(x)))
    });
    html! {
        <div class="fields">
            <div class="field">
                <label for="slo-window">{ "SLO window" }</label>
                <select id="slo-window" onchange={on_window}>
                    { for WINDOWS.iter().map(|p| html! {
                        <option value={p.id()} selected={*p == s.slo_window}>{ p.describe(s.convention) }</option>
                    }) }
                    // A window from a link that the list does not offer (e.g. 3650d).
                    if !WINDOWS.contains(&s.slo_window) {
                        <option value={s.slo_window.id()} selected=true>{ s.slo_window.describe(s.convention) }</option>
                    }
                </select>
            </div>
            { choice_field(state, "budget-mode", "Count the budget in", s.budget.mode, |x| Action::Budget(BudgetAction::Mode(x))) }
            if s.budget.mode == BudgetMode::Requests {
                <TextField id="traffic" label="Traffic" value={s.budget.traffic.format_compact()}
                    on_commit={on_traffic} hint="e.g. 1000 rps, 2.6M per 30d" />
                <NumberField id="bad-events" label="Bad events so far" kind={Kind::Count}
                    value={s.budget.bad_events} on_value={on_bad_events} />
            } else {
                { choice_field(state, "bad-time-source", "Bad time so far", s.budget.bad_time_source, |x| Action::Budget(BudgetAction::BadTimeSource(x))) }
                if s.budget.bad_time_source == BadTimeSource::Typed {
                    <NumberField id="bad-seconds" label="Downtime so far (measured)" kind={Kind::Duration}
                        value={s.budget.bad_seconds} on_value={on_bad_seconds} />
                }
            }
        </div>
    }
}

/// The headline: the budget, what is spent and left, the burn rate, and
/// when the budget runs out.
fn budget_figures(b: &BudgetReport, target: &TargetReport) -> Html {
    html! {
        <div class="headline">
            <Figure id="budget-allowed" value={b.allowed_display.clone()}
                label={format!("error budget per {}", b.window_label)}
                why={window_why(b, target)} />
            <Figure id="budget-consumed" value={b.consumed_display.clone()}
                label={format!("spent after {}", b.elapsed_short)}
                why="Bad events (or bad minutes) so far, divided by the budget." />
            <Figure id="budget-remaining" value={b.remaining_display.clone()}
                label={format!("left ({})", b.remaining_amount_display)}
                why="Negative when the budget is overspent."
                tone={Some(if b.remaining.unwrap_or(0.0) < 0.0 { "bad" } else { "good" })} />
            <Figure id="budget-burn-rate" value={b.burn_rate_display.clone()}
                label="burn rate"
                why="Observed error ratio ÷ budget fraction; 1× spends the budget exactly by the window's end." />
            <Figure id="budget-exhaustion" value={b.exhaustion_display.clone()}
                label="budget runs out"
                why={format!("At this burn rate, {} from now (window started {}).", b.time_to_exhaustion_display, b.start_display)} />
        </div>
    }
}

/// What the budget is, beside its figure. The target table's month and
/// this window are two periods: say so when their lengths differ.
fn window_why(b: &BudgetReport, target: &TargetReport) -> String {
    let month = target
        .downtime
        .iter()
        .find(|row| row.period == Period::Month && row.seconds != Some(b.budget_seconds));
    match month {
        Some(row) => format!(
            "{} of the SLO window ({}): what the target lets go wrong. The target table's month is {} ({} allowed): the budget is counted over the SLO window, not the calendar month.",
            b.budget_percent, b.window_description, row.period_length, row.display
        ),
        None => format!("{} of the window: what the target lets go wrong.", b.budget_percent),
    }
}

/// The launch policy the spend gives, and when a freeze lifts.
fn policy_status(b: &BudgetReport) -> Html {
    let tone = match b.policy {
        PolicyStatus::LaunchesAllowed => "good",
        PolicyStatus::AtRisk => "warn",
        PolicyStatus::Frozen => "bad",
    };
    html! {
        <p class={classes!("status", tone)} id="budget-policy">
            { &b.policy_label }{ ": " }{ &b.policy_reason }
            if b.freeze_lift_iso.is_some() {
                { " The freeze lifts " }<span id="freeze-lift">{ &b.freeze_lift_display }</span>{ "." }
            }
        </p>
    }
}

/// Where the window sits on the calendar: rolling (time elapsed), pinned
/// (its start) or calendar-aligned (the week's first day, the time zone).
fn calendar_fields(
    state: &UseReducerHandle<State>,
    on_elapsed: Callback<f64>,
    on_start: Commit,
    on_offset: Commit,
) -> Html {
    let s = &state.scenario;
    let b = &state.report.budget;
    html! {
        <div class="fields">
            { choice_field(state, "window-alignment", "Window on the calendar", s.budget.alignment, |x| Action::Budget(BudgetAction::Alignment(x))) }
            if s.budget.alignment == Alignment::Rolling {
                <NumberField id="elapsed" label="Time elapsed in the window" kind={Kind::Duration}
                    value={s.budget.elapsed_seconds} on_value={on_elapsed} />
            } else if s.budget.alignment == Alignment::Pinned {
                <TextField id="window-start" label="Window starts (UTC)" value={b.start_iso.clone()}
                    on_commit={on_start} hint="a date like 2026-11-01, or 2026-11-01T09:00:00+01:00" />
            } else {
                if s.slo_window == Period::Week {
                    { choice_field(state, "week-start", "Weeks start on", s.budget.week_start, |x| Action::Budget(BudgetAction::WeekStart(x))) }
                }
                <TextField id="utc-offset" label="Time zone (offset from UTC)" value={s.budget.utc_offset.to_string()}
                    on_commit={on_offset} hint="e.g. +01:00, -05:00, UTC (fixed: no daylight saving)" />
            }
        </div>
    }
}

/// The window's dates and resets, its notes, and where the spend so far
/// comes from.
fn budget_dates(state: &State) -> Html {
    let s = &state.scenario;
    let b = &state.report.budget;
    let log = &state.report.incidents.log;
    html! { <>
        <p class="convention" id="budget-dates">
            { "From " }<time datetime={b.start_iso.clone()}>{ &b.start_display }</time>
            { " to now, " }<time datetime={b.now_iso.clone().unwrap_or_default()}>{ &b.now_display }</time>
            { "; resets: " }{ &b.reset_display }{ ". " }{ &b.time_note }
        </p>
        // In a wrapper, so that a note appearing does not rebuild the
        // fields above it (`for` children are flattened into the parent).
        <div class="budget-notes">
            { for b.notes.iter().map(|n| html! { <p class="note" role="status">{ n }</p> }) }
        </div>
        <p class="convention" id="budget-spent-source">
            { "Spent so far: " }{ &b.spent_display }{ ", " }{ &b.spent_source }{ "." }
            if s.budget.mode == BudgetMode::Requests && !log.rows.is_empty() {
                { " The incident log beside it (time-based): " }{ &log.display.window_budget_spent }{ "." }
            }
        </p>
    </> }
}

/// Burn-down: budget remaining across the window, actual then projected.
fn burn_down_series(points: &[BurnDownPoint]) -> Vec<Series> {
    let left = Rc::new(
        points
            .iter()
            .map(|p| ChartPoint {
                x: p.seconds / 86_400.0,
                y: p.remaining,
                readout: p.readout.clone(),
            })
            .collect(),
    );
    let ideal = Rc::new(
        points
            .iter()
            .map(|p| ChartPoint {
                x: p.seconds / 86_400.0,
                y: p.ideal,
                readout: p.ideal_readout.clone(),
            })
            .collect(),
    );
    vec![
        Series {
            name: "Budget left (actual, then projected)".into(),
            class: "s1",
            points: left,
        },
        Series {
            name: "Even burn (burn rate 1)".into(),
            class: "s2",
            points: ideal,
        },
    ]
}

/// The burn-down chart (`series` from [`burn_down_series`]), marked at now
/// and where the budget runs out when that is inside the window.
fn burn_down_chart(b: &BudgetReport, series: Vec<Series>) -> Html {
    let days = b.window_seconds / 86_400.0;
    let remaining_lo = b
        .burn_down
        .iter()
        .map(|p| p.remaining)
        .fold(0.0_f64, f64::min);
    let mut markers = vec![Marker {
        x: b.elapsed_seconds / 86_400.0,
        label: "now".into(),
        class: "target",
    }];
    if let Some(t) = b.time_to_exhaustion_seconds {
        let x = (b.elapsed_seconds + t) / 86_400.0;
        if x <= days {
            markers.push(Marker {
                x,
                label: "runs out".into(),
                class: "bad",
            });
        }
    }
    html! {
        <LineChart
            id="burn-down-chart"
            title={format!("Error budget left over the {} window", b.window_label)}
            x_label="days into the window" y_label="budget left" x_heading="Day"
            x_axis={Axis::Linear(0.0, days.max(1.0))}
            y_axis={Axis::Linear(remaining_lo.min(0.0), 1.0)}
            series={series}
            markers={markers}
            x_tick={TickFormat::Number}
            y_tick={TickFormat::Percent}
        />
    }
}

/// The alerts fold's summary: the policy, and how many warnings it has.
fn alerts_summary(a: &AlertsReport) -> String {
    match a.warnings.len() {
        0 => format!("Alerts: {}, and when each fires", a.policy_name),
        1 => format!("Alerts: {}, and when each fires (1 warning)", a.policy_name),
        n => format!(
            "Alerts: {}, and when each fires ({n} warnings)",
            a.policy_name
        ),
    }
}

/// The alert policy, which alerts are written, the error ratio to test
/// them with, and the custom policy's rows when it is the one chosen.
fn alert_fields(state: &UseReducerHandle<State>, on_error_ratio: Callback<f64>) -> Html {
    let s = &state.scenario;
    html! { <>
        <div class="fields">
            { choice_field(state, "alert-policy", "Alert policy", s.alerts.policy, |x| Action::Alerts(AlertsAction::Policy(x))) }
            { choice_field(state, "alerts-written", "Alerts written", s.alerts.written(), |x| Action::Alerts(AlertsAction::Written(x))) }
            <NumberField id="error-ratio" label="Error ratio to test the alerts with" kind={Kind::Fraction}
                value={s.alerts.error_ratio} on_value={on_error_ratio} hint="e.g. 1% of requests failing" />
        </div>
        if s.alerts.policy == nines_core::alerts::PolicyChoice::Custom {
            { super::custom_alerts::custom_alerts(state) }
        }
    </> }
}

/// The policy's source and scaling, then each alert's windows, burn rate
/// and time to fire.
fn alerts_table(a: &AlertsReport) -> Html {
    html! { <>
        <p class="convention">
            { &a.policy_name }{ " — " }{ &a.policy_source }{ ". Thresholds scaled to the " }{ &a.period_label }
            { " window. At " }{ &a.error_ratio_display }{ " errors the burn rate is " }{ &a.burn_rate_at_error_ratio_display }{ "." }
        </p>
        <div class="table-scroll" tabindex="0" role="region" aria-label="Alerts: when each fires">
        <table id="alerts-table" class="wide stack">
            <caption>{ "Multiwindow, multi-burn-rate alerts: when each fires for a sudden error ratio" }</caption>
            <thead><tr>
                <th scope="col">{ "Severity" }</th>
                <th scope="col">{ "Windows (long / short)" }</th>
                <th scope="col" class="num">{ "Burn rate" }</th>
                <th scope="col" class="num">{ "Budget consumed to fire" }</th>
                <th scope="col" class="num">{ "Fires after" }</th>
                <th scope="col" class="num">{ "Budget spent by then" }</th>
            </tr></thead>
            <tbody>
                { for a.rows.iter().map(|r| html! { <tr>
                    <th scope="row">{ &r.severity_label }</th>
                    <td data-label="Windows (long / short)">{ &r.windows_display }</td>
                    <td class="num" data-label="Burn rate">{ &r.burn_rate_display }</td>
                    <td class="num" data-label="Budget consumed to fire">{ &r.budget_consumed_display }</td>
                    <td class="num" data-label="Fires after">{ &r.detection_display }</td>
                    <td class="num" data-label="Budget spent by then">{ &r.budget_spent_display }</td>
                </tr> }) }
            </tbody>
        </table>
        </div>
    </> }
}

/// What the table leaves out: the note on the service, the policy's
/// warnings, and an alternative policy when there is one.
fn alert_notes(a: &AlertsReport) -> Html {
    html! { <>
        if !a.service_note.is_empty() {
            <p class="note" id="alert-service-note">{ &a.service_note }</p>
        }
        if !a.warnings.is_empty() {
            <ul class="notes" id="alert-warnings">
                { for a.warnings.iter().map(|w| html! { <li class="status bad">{ w }</li> }) }
            </ul>
        }
        if let Some(alt) = &a.alternative {
            <p class="note" id="alert-alternative">
                <strong>{ format!("Alternative ({}): ", alt.policy_name) }</strong>
                { &alt.summary }{ ". " }{ &alt.note }
            </p>
        }
    </> }
}

/// Detection time against error ratio (log-log), one line per alert.
fn detection_series(curves: &[DetectionCurve]) -> Vec<Series> {
    curves
        .iter()
        .enumerate()
        .map(|(i, c)| Series {
            name: c.label.clone().into(),
            class: ["s1", "s2", "s3", "s1"][i % 4],
            points: Rc::new(
                c.points
                    .iter()
                    .map(|p| ChartPoint {
                        x: p.error_ratio,
                        y: p.detection_seconds,
                        readout: p.readout.clone(),
                    })
                    .collect(),
            ),
        })
        .collect::<Vec<_>>()
}

/// The detection chart (`series` from [`detection_series`]), when the
/// curves have points to scale its axes by.
fn detection_chart(a: &AlertsReport, series: Vec<Series>) -> Html {
    let det_x = extent(
        a.detection_chart
            .iter()
            .flat_map(|c| c.points.iter().map(|p| p.error_ratio)),
        true,
    );
    let det_y = extent(
        a.detection_chart
            .iter()
            .flat_map(|c| c.points.iter().map(|p| p.detection_seconds)),
        true,
    );
    html! {
        if let (Some(x), Some(y)) = (det_x, det_y) {
            <LineChart
                id="detection-chart"
                title="Time to fire against error ratio, per alert (log-log)"
                x_label="error ratio" y_label="time to fire" x_heading="Error ratio"
                x_axis={x} y_axis={y}
                y_ticks_at={Some(vec![60.0, 3_600.0, 86_400.0, 604_800.0])}
                series={series}
                x_tick={TickFormat::Percent}
                y_tick={TickFormat::Duration}
            />
        }
    }
}
