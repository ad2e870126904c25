//! Section 1, *Target*: the availability target, its downtime per period
//! under the chosen convention, and the reverse calculation.

use std::rc::Rc;
use std::str::FromStr;

use nines_core::clock::UtcOffset;
use nines_core::downtime::{TargetReport, CURVE_NINES};
use nines_core::duration::{format_duration, parse_duration};
use nines_core::quantity::round_targets;
use nines_core::quantity::Availability;
use nines_core::window::{Period, PlannedMaintenance, ServiceHours};
use yew::prelude::*;

use super::chart::{ChartPoint, LineChart, Marker, Series, TickFormat};
use super::choice::choice_field;
use super::disclosure::Fold;
use super::field::{use_commit, Commit, TextField};
use super::SectionProps;
use crate::geometry::Axis;
use crate::state::{Action, BudgetAction, State, TargetAction};

/// Service-hour presets: always, business hours, extended hours. Any
/// other schedule is typed in the field beside them.
const SERVICE_HOURS: [(&str, &str); 4] = [
    ("24/7", "24/7 (always)"),
    ("Mon-Fri 09:00-17:00", "business hours, Mon-Fri 09:00-17:00"),
    (
        "Mon-Fri 08:00-20:00",
        "extended weekdays, Mon-Fri 08:00-20:00",
    ),
    ("Mon-Sat 07:00-22:00", "extended hours, Mon-Sat 07:00-22:00"),
];

/// Duration ticks a reader recognises: a second, a minute, an hour, a day, a week.
const DURATION_TICKS: [f64; 5] = [1.0, 60.0, 3_600.0, 86_400.0, 604_800.0];

/// The periods offered for the reverse calculation.
const REVERSE_PERIODS: [Period; 9] = [
    Period::Day,
    Period::Week,
    Period::Month,
    Period::Quarter,
    Period::Year,
    Period::Days(7),
    Period::Days(28),
    Period::Days(30),
    Period::Days(90),
];

/// The section, in the order it reads: the target and its slider, the
/// figures, the downtime table, then the three folds (calendar and hours,
/// the chart, the reverse question). The hooks stay here, in one fixed
/// order, and the parts below get their handles.
#[function_component(TargetSection)]
pub fn target_section(props: &SectionProps) -> Html {
    let state = &props.state;
    let scenario = &state.scenario;
    let report = &state.report.target;

    let on_target = use_commit(state, Availability::parse, |x| {
        Action::Target(TargetAction::Target(x))
    });
    let on_hours = use_commit(state, str::parse::<ServiceHours>, |x| {
        Action::Target(TargetAction::ServiceHours(x))
    });
    let on_maintenance = use_commit(state, str::parse::<PlannedMaintenance>, |x| {
        Action::Target(TargetAction::Maintenance(x))
    });
    // The scenario's one time zone: service hours and calendar windows.
    let on_offset = use_commit(state, str::parse::<UtcOffset>, |x| {
        Action::Budget(BudgetAction::UtcOffset(x))
    });
    let on_reverse_downtime = use_commit(state, parse_duration, |x| {
        Action::Target(TargetAction::ReverseDowntime(x))
    });
    // The curve depends on the convention only: rebuild the chart's points
    // when it changes, not on every edit.
    let curve = use_memo(scenario.convention, |_| {
        let points: Vec<ChartPoint> = report
            .curve
            .iter()
            .map(|p| ChartPoint {
                x: p.nines,
                y: p.seconds,
                readout: p.readout.clone(),
            })
            .collect();
        Rc::new(points)
    });
    // The slider steps through the round targets of the chart's range
    // (90%, 95%, 98%, 99%, 99.5%, …, 99.9999%): its value is their index.
    let steps = use_memo((), |_| round_targets(CURVE_NINES.0, CURVE_NINES.1));

    html! {
        <section class="card" id="target" aria-labelledby="target-heading">
            <h2 id="target-heading">{ "Target" }</h2>
            <div class="fields">
                <TextField
                    id="target-input"
                    label="Availability target"
                    value={scenario.target.to_string()}
                    hint="e.g. 99.95, 99.95%, 3.5 nines or 1/1000"
                    on_commit={on_target}
                />
            </div>
            { target_slider(state, steps) }
            { target_figures(report) }
            { downtime_table(report) }
            <div class="service-hours-note">
                { for report.notes.iter().map(|n| html! { <p class="note" role="status">{ n }</p> }) }
            </div>
            { calendar_fold(state, on_hours, on_offset, on_maintenance) }
            { downtime_chart_fold(report, (*curve).clone(), super::on_pick_target(props)) }
            { reverse_fold(state, on_reverse_downtime) }
        </section>
    }
}

/// The slider over `steps`, the round targets: set at the one nearest the
/// target, and moving it sets the target to the one it is on.
fn target_slider(state: &UseReducerHandle<State>, steps: Rc<Vec<Availability>>) -> Html {
    let report = &state.report.target;
    let step_at = steps
        .iter()
        .enumerate()
        .min_by(|(_, a), (_, b)| {
            let n = report.nines.unwrap_or(f64::INFINITY);
            let gap = |x: &Availability| (x.nines() - n).abs();
            gap(a).total_cmp(&gap(b))
        })
        .map_or(0, |(i, _)| i);
    let max = steps.len().saturating_sub(1).to_string();
    let on_slider = {
        let d = state.dispatcher();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let picked = input
                .value()
                .parse::<usize>()
                .ok()
                .and_then(|i| steps.get(i));
            if let Some(a) = picked {
                d.dispatch(Action::Target(TargetAction::Target(*a)));
            }
        })
    };
    html! {
        <div class="field slider">
            <label for="target-slider">{ "Drag to explore nines" }</label>
            <input type="range" id="target-slider" min="0" max={max}
                step="1"
                value={step_at.to_string()}
                aria-valuetext={format!("{} ({})", report.availability_percent, report.nines_display)}
                oninput={on_slider} />
        </div>
    }
}

/// The headline: the target as a percentage and in nines.
fn target_figures(report: &TargetReport) -> Html {
    html! {
        <div class="headline">
            <div class="figure">
                <span class="value" id="availability-percent">{ &report.availability_percent }</span>
                <span class="label">{ "availability" }</span>
            </div>
            <div class="figure">
                <span class="value" id="availability-nines">{ &report.nines_display }</span>
                <span class="label">{ "nines: how many 9s, 99.9% is three" }</span>
            </div>
        </div>
    }
}

/// The downtime the target allows per period.
fn downtime_table(report: &TargetReport) -> Html {
    html! {
        <table id="downtime-table">
            <caption>
                { "Allowed downtime at " }{ &report.availability_percent }
                { " — " }{ &report.rounding_note }
            </caption>
            <thead><tr><th scope="col">{ "Period" }</th><th scope="col" class="num">{ "Allowed downtime" }</th></tr></thead>
            <tbody>
                { for report.downtime.iter().map(|row| html! {
                    <tr data-period={row.period.id()}>
                        <th scope="row">{ &row.period_label }<span class="period-length">{ " (" }{ &row.period_length }{ ")" }</span></th>
                        <td class="num" data-seconds={row.seconds.map(|s| s.to_string())}>{ &row.display }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

/// The calendar fold: the convention, the service hours (a preset or
/// typed, with their time zone) and planned maintenance.
fn calendar_fold(
    state: &UseReducerHandle<State>,
    on_hours: Commit,
    on_offset: Commit,
    on_maintenance: Commit,
) -> Html {
    let scenario = &state.scenario;
    let report = &state.report.target;
    let on_hours_preset = super::on_select(state, |v| {
        v.parse()
            .ok()
            .map(|x| Action::Target(TargetAction::ServiceHours(x)))
    });
    let hours = scenario.service_hours.to_string();
    html! {
        <Fold id="target-calendar" summary={format!("Calendar, service hours and maintenance: {}", report.convention_label)}>
            <div class="fields">
                { choice_field(state, "convention", "Calendar convention", scenario.convention, |x| Action::Target(TargetAction::Convention(x))) }
                <div class="field">
                    <label for="service-hours-preset">{ "Service hours" }</label>
                    <select id="service-hours-preset" onchange={on_hours_preset}>
                        { for SERVICE_HOURS.iter().map(|(value, label)| html! {
                            <option value={*value} selected={*value == hours}>{ *label }</option>
                        }) }
                        if !SERVICE_HOURS.iter().any(|(v, _)| *v == hours) {
                            <option value={hours.clone()} selected=true>{ "your hours: " }{ &hours }</option>
                        }
                    </select>
                </div>
                <TextField id="service-hours" label="Hours, day by day" value={hours.clone()}
                    hint="e.g. Mon-Fri 09:00-17:00, Sat 10:00-14:00; nights to the next morning: Mon-Fri 22:00-06:00; several ranges a day: Mon-Fri 09:00-12:00,13:00-17:00 (24/7 for always)" on_commit={on_hours} />
                if !scenario.service_hours.is_always() {
                    <TextField id="service-hours-offset" label="Service hours' time zone (offset from UTC)"
                        value={scenario.budget.utc_offset.to_string()} on_commit={on_offset}
                        hint="e.g. +01:00, -05:00, UTC (fixed: no daylight saving); calendar windows use it too" />
                }
                <TextField id="maintenance" label="Planned maintenance"
                    value={scenario.maintenance.to_string()}
                    hint="a weekly window like Sun 02:00-04:00 excluded, or 4h per month counted; none" on_commit={on_maintenance} />
                { choice_field(state, "maintenance-treatment", "Maintenance is", scenario.maintenance.treatment, |x| Action::Target(TargetAction::MaintenanceTreatment(x))) }
            </div>
            <div class="service-hours-note">
                if !report.service_hours_note.is_empty() {
                    <p class="convention" id="service-hours-note">{ &report.service_hours_note }</p>
                }
                <p class="convention" id="maintenance-note">{ "Planned maintenance: " }{ &report.maintenance }{ "." }</p>
            </div>
            <p class="convention" id="convention-note">
                { "Convention: " }{ &report.convention_label }
                { ". The Gregorian mean is the calendar's average over 400 years, leap days included." }
            </p>
        </Fold>
    }
}

/// The chart's fold: allowed downtime at every level of nines (`curve`),
/// marked at the target when it is on the chart; a click or drag picks
/// the target.
fn downtime_chart_fold(
    report: &TargetReport,
    curve: Rc<Vec<ChartPoint>>,
    on_pick: Callback<f64>,
) -> Html {
    let y_axis = {
        let ys = curve.iter().map(|p| p.y);
        crate::geometry::extent(ys, true).unwrap_or(Axis::Log(1.0, 1e6))
    };
    let markers: Vec<Marker> = report
        .nines
        .filter(|n| (CURVE_NINES.0..=CURVE_NINES.1).contains(n))
        .map(|n| Marker {
            x: n,
            label: format!("target {}", report.availability_percent).into(),
            class: "target",
        })
        .into_iter()
        .collect();
    html! {
        <Fold id="target-chart" summary="Chart: downtime at every level of nines">
            <p class="convention">{ "Nines count the 9s of the availability: 99.9% is three, 99.95% about 3.3 (−log₁₀ of the share of time down)." }</p>
            <LineChart
                id="downtime-chart"
                title="Allowed downtime per year against nines (log scale)"
                x_label="nines of availability"
                y_label="downtime per year"
                x_heading="Nines"
                x_axis={Axis::Linear(CURVE_NINES.0, CURVE_NINES.1)}
                y_axis={y_axis}
                y_ticks_at={Some(DURATION_TICKS.to_vec())}
                series={vec![Series { name: "Allowed downtime per year".into(), class: "s1", points: curve }]}
                markers={markers}
                x_tick={TickFormat::Number}
                y_tick={TickFormat::Duration}
                on_pick={on_pick}
            />
        </Fold>
    }
}

/// The reverse question's fold: from a downtime per period to the
/// availability it leaves.
fn reverse_fold(state: &UseReducerHandle<State>, on_reverse_downtime: Commit) -> Html {
    let scenario = &state.scenario;
    let reverse = &state.report.reverse;
    let on_reverse_period = super::on_select(state, |v| {
        Period::from_str(v)
            .ok()
            .map(|x| Action::Target(TargetAction::ReversePeriod(x)))
    });
    html! {
        <Fold id="target-reverse" summary="A separate question: from downtime to availability">
            <div class="fields">
                <TextField
                    id="reverse-downtime"
                    label="Downtime"
                    value={format_duration(scenario.reverse.downtime_seconds)}
                    hint="e.g. 4h, 43m 12s, 1d 2h or PT4H"
                    on_commit={on_reverse_downtime}
                />
                <div class="field">
                    <label for="reverse-period">{ "Per" }</label>
                    <select id="reverse-period" onchange={on_reverse_period}>
                        { for REVERSE_PERIODS.iter().map(|p| html! {
                            <option value={p.id()} selected={*p == scenario.reverse.period}>{ p.name() }</option>
                        }) }
                    </select>
                </div>
            </div>
            <div class="headline">
                <div class="figure">
                    <span class="value" id="reverse-availability" title={reverse.availability_percent.clone()}
                        data-exact={reverse.availability_percent.clone()}>{ reverse.availability_short.as_deref().unwrap_or("—") }</span>
                    <span class="label">{ "availability" }</span>
                </div>
                <div class="figure">
                    <span class="value" id="reverse-nines">{ reverse.nines_display.as_deref().unwrap_or("—") }</span>
                    <span class="label">{ "nines" }</span>
                </div>
            </div>
            if let Some(error) = &reverse.error {
                <p class="error" id="reverse-error" role="alert">{ error }</p>
            }
            <p class="convention">{ &reverse.period_description }</p>
        </Fold>
    }
}
