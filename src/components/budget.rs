//! Section 2, *Error budget and alerts*: the budget over the SLO window,
//! what is spent, the burn rate and the exhaustion date, the error budget
//! policy, and the multiwindow, multi-burn-rate alert policy (SRE Workbook,
//! ch. 5 "Alerting on SLOs") with detection times and warnings.

use std::rc::Rc;

use nines_core::amount::Rate;
use nines_core::budget::{BadTimeSource, BudgetMode, PolicyStatus};
use nines_core::clock::{parse_instant, Alignment, UtcOffset};
use nines_core::window::Period;
use yew::prelude::*;

use super::chart::{ChartPoint, LineChart, Marker, Series, TickFormat};
use super::choice::choice_field;
use super::disclosure::Fold;
use super::field::{use_commit, Kind, NumberField, TextField};
use super::figure::Figure;
use super::use_on;
use super::SectionProps;
use crate::geometry::{extent, Axis};
use crate::state::{Action, AlertsAction, BudgetAction};

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

#[function_component(BudgetSection)]
pub fn budget_section(props: &SectionProps) -> Html {
    let s = &props.state.scenario;
    let b = &props.state.report.budget;
    let a = &props.state.report.alerts;
    let log = &props.state.report.incidents.log;
    let on_bad_events = use_on(&props.state, |x| Action::Budget(BudgetAction::BadEvents(x)));
    let on_bad_seconds = use_on(&props.state, |x| {
        Action::Budget(BudgetAction::BadSeconds(x))
    });
    let on_elapsed = use_on(&props.state, |x| Action::Budget(BudgetAction::Elapsed(x)));
    let on_error_ratio = use_on(&props.state, |x| {
        Action::Alerts(AlertsAction::ErrorRatio(x))
    });
    let on_window = super::on_select(&props.state, |v| {
        v.parse()
            .ok()
            .map(|x| Action::Budget(BudgetAction::SloWindow(x)))
    });
    let on_traffic = use_commit(&props.state, Rate::parse, |x| {
        Action::Budget(BudgetAction::Traffic(x))
    });
    let on_start = use_commit(&props.state, parse_instant, |x| {
        Action::Budget(BudgetAction::WindowStart(x))
    });
    let on_offset = use_commit(&props.state, str::parse::<UtcOffset>, |x| {
        Action::Budget(BudgetAction::UtcOffset(x))
    });

    // Burn-down: budget remaining across the window, actual then projected.
    let burn_down = use_memo(b.burn_down.clone(), |points| {
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
    });
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

    // Detection time against error ratio (log-log), one line per alert.
    let detection = use_memo(a.detection_chart.clone(), |curves| {
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
    });
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

    // The target table's month and this window are two periods: say so
    // beside the budget when their lengths differ.
    let month = props
        .state
        .report
        .target
        .downtime
        .iter()
        .find(|row| row.period == Period::Month && row.seconds != Some(b.budget_seconds));
    let window_why = match month {
        Some(row) => format!(
            "{} of the SLO window ({}): what the target lets go wrong. The target table's month is {} ({} allowed): the budget is counted over the SLO window, not the calendar month.",
            b.budget_percent, b.window_description, row.period_length, row.display
        ),
        None => format!("{} of the window: what the target lets go wrong.", b.budget_percent),
    };
    let tone = match b.policy {
        PolicyStatus::LaunchesAllowed => "good",
        PolicyStatus::AtRisk => "warn",
        PolicyStatus::Frozen => "bad",
    };
    html! {
        <section class="card" id="budget" aria-labelledby="budget-heading">
            <h2 id="budget-heading">{ "Error budget and alerts" }</h2>
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
                { choice_field(&props.state, "budget-mode", "Count the budget in", s.budget.mode, |x| Action::Budget(BudgetAction::Mode(x))) }
                if s.budget.mode == BudgetMode::Requests {
                    <TextField id="traffic" label="Traffic" value={s.budget.traffic.format_compact()}
                        on_commit={on_traffic} hint="e.g. 1000 rps, 2.6M per 30d" />
                    <NumberField id="bad-events" label="Bad events so far" kind={Kind::Count}
                        value={s.budget.bad_events} on_value={on_bad_events} />
                } else {
                    { choice_field(&props.state, "bad-time-source", "Bad time so far", s.budget.bad_time_source, |x| Action::Budget(BudgetAction::BadTimeSource(x))) }
                    if s.budget.bad_time_source == BadTimeSource::Typed {
                        <NumberField id="bad-seconds" label="Downtime so far (measured)" kind={Kind::Duration}
                            value={s.budget.bad_seconds} on_value={on_bad_seconds} />
                    }
                }
            </div>
            if let Some(error) = &b.error {
                <p class="error" role="alert" id="budget-error">{ error }</p>
            }
            <div class="headline">
                <Figure id="budget-allowed" value={b.allowed_display.clone()}
                    label={format!("error budget per {}", b.window_label)}
                    why={window_why} />
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
            <p class={classes!("status", tone)} id="budget-policy">
                { &b.policy_label }{ ": " }{ &b.policy_reason }
                if b.freeze_lift_iso.is_some() {
                    { " The freeze lifts " }<span id="freeze-lift">{ &b.freeze_lift_display }</span>{ "." }
                }
            </p>
            <Fold id="budget-workings" summary="How the budget is counted: dates, what is spent, the burn-down chart">
            <p class="convention">{ "Sources: the launch rules quote Steve Smith's Who Runs It essays (stevesmith.tech), the \"You Build It SRE Run It\" policy; the alerts are The Site Reliability Workbook's (2018), chapter 5, \"Alerting on SLOs\"." }</p>
            <div class="fields">
                { choice_field(&props.state, "window-alignment", "Window on the calendar", s.budget.alignment, |x| Action::Budget(BudgetAction::Alignment(x))) }
                if s.budget.alignment == Alignment::Rolling {
                    <NumberField id="elapsed" label="Time elapsed in the window" kind={Kind::Duration}
                        value={s.budget.elapsed_seconds} on_value={on_elapsed} />
                } else if s.budget.alignment == Alignment::Pinned {
                    <TextField id="window-start" label="Window starts (UTC)" value={b.start_iso.clone()}
                        on_commit={on_start} hint="a date like 2026-11-01, or 2026-11-01T09:00:00+01:00" />
                } else {
                    if s.slo_window == Period::Week {
                        { choice_field(&props.state, "week-start", "Weeks start on", s.budget.week_start, |x| Action::Budget(BudgetAction::WeekStart(x))) }
                    }
                    <TextField id="utc-offset" label="Time zone (offset from UTC)" value={s.budget.utc_offset.to_string()}
                        on_commit={on_offset} hint="e.g. +01:00, -05:00, UTC (fixed: no daylight saving)" />
                }
            </div>
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
            <LineChart
                id="burn-down-chart"
                title={format!("Error budget left over the {} window", b.window_label)}
                x_label="days into the window" y_label="budget left" x_heading="Day"
                x_axis={Axis::Linear(0.0, days.max(1.0))}
                y_axis={Axis::Linear(remaining_lo.min(0.0), 1.0)}
                series={(*burn_down).clone()}
                markers={markers}
                x_tick={TickFormat::Number}
                y_tick={TickFormat::Percent}
            />
            </Fold>
            <Fold id="budget-alerts" summary={match a.warnings.len() {
                0 => format!("Alerts: {}, and when each fires", a.policy_name),
                1 => format!("Alerts: {}, and when each fires (1 warning)", a.policy_name),
                n => format!("Alerts: {}, and when each fires ({n} warnings)", a.policy_name),
            }}>
            <p class="convention">{ "The burn rate is how fast the budget is spent: 1× spends it exactly over the window, 14.4× in about two days of a 30-day window." }</p>
            <div class="fields">
                { choice_field(&props.state, "alert-policy", "Alert policy", s.alerts.policy, |x| Action::Alerts(AlertsAction::Policy(x))) }
                { choice_field(&props.state, "alerts-written", "Alerts written", s.alerts.written(), |x| Action::Alerts(AlertsAction::Written(x))) }
                <NumberField id="error-ratio" label="Error ratio to test the alerts with" kind={Kind::Fraction}
                    value={s.alerts.error_ratio} on_value={on_error_ratio} hint="e.g. 1% of requests failing" />
            </div>
            if s.alerts.policy == nines_core::alerts::PolicyChoice::Custom {
                { super::custom_alerts::custom_alerts(&props.state) }
            }
            if let Some(error) = &a.error {
                <p class="error" role="alert" id="alerts-error">{ error }</p>
            }
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
            if let (Some(x), Some(y)) = (det_x, det_y) {
                <LineChart
                    id="detection-chart"
                    title="Time to fire against error ratio, per alert (log-log)"
                    x_label="error ratio" y_label="time to fire" x_heading="Error ratio"
                    x_axis={x} y_axis={y}
                    y_ticks_at={Some(vec![60.0, 3_600.0, 86_400.0, 604_800.0])}
                    series={(*detection).clone()}
                    x_tick={TickFormat::Percent}
                    y_tick={TickFormat::Duration}
                />
            }
            </Fold>
        </section>
    }
}
