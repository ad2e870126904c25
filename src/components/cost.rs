//! Section 5, *Cost per nine*: engineering cost against revenue at risk, the
//! cheapest target, the marginal view, and the target a tolerable loss implies.
//! Each extra nine costs about an order of magnitude more (SRE book, ch. 3
//! "Embracing Risk"); clicking or dragging the chart sets the target.

use std::rc::Rc;

use nines_core::amount::{Currency, Money};
use nines_core::cost::CostReport;
use nines_core::display::{money_at_nines_in, money_in, money_short_in};
use nines_core::export::marginal_cost_table;
use nines_core::scenario::Report;
use yew::prelude::*;

use super::chart::{ChartPoint, LineChart, Marker, Series, TickFormat};
use super::disclosure::Fold;
use super::field::{Kind, NumberField, TextField};
use super::figure::{Figure, Notes};
use super::table::TableView;
use super::{use_on, SectionProps};
use crate::geometry::{extent, Axis};
use crate::state::{Action, CostAction, State, TargetAction};

#[derive(Properties, PartialEq)]
pub struct MoneyFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    /// The scenario's amount, in its currency.
    pub value: f64,
    /// The scenario's currency: the field writes the amount in it.
    pub currency: Currency,
    pub on_value: Callback<f64>,
    /// An amount typed in a currency (it and the text): the section
    /// switches the scenario to it when it differs.
    pub on_currency: Callback<(Currency, String)>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
}

/// A field for an amount of money in the scenario's currency: `£20M`, `20M`, `CHF 2M`; an amount typed in another currency
/// switches the scenario's (the notice says so), a mark that is no
/// currency is refused with the list of those known.
#[function_component(MoneyField)]
pub fn money_field(props: &MoneyFieldProps) -> Html {
    let on_commit = use_memo(
        (props.on_value.clone(), props.on_currency.clone()),
        |(on_value, on_currency)| {
            let (on_value, on_currency) = (on_value.clone(), on_currency.clone());
            Callback::from(move |text: String| {
                let money = Money::parse(&text).map_err(|e| e.to_string())?;
                if let Some(c) = Currency::of(&money)? {
                    on_currency.emit((c, text.clone()));
                }
                on_value.emit(money.amount_f64());
                Ok(())
            })
        },
    );
    html! {
        <TextField
            id={props.id.clone()}
            label={props.label.clone()}
            value={money_in(props.value, props.currency)}
            hint={props.hint.clone()}
            on_commit={(*on_commit).clone()}
        />
    }
}

/// The callback [`MoneyField`] reports a typed currency to.
#[hook]
pub fn use_on_currency(
    state: &UseReducerHandle<crate::state::State>,
) -> Callback<(Currency, String)> {
    let made = use_memo(state.dispatcher(), |d| {
        let d = d.clone();
        Callback::from(move |(c, text)| {
            d.dispatch(Action::Cost(CostAction::CurrencyFromAmount(c, text)))
        })
    });
    (*made).clone()
}

/// The section, in the order it reads: the revenue, the cost model's fold,
/// what is missing, the figures and the chart's fold, then the target a
/// tolerable loss implies. The hooks stay here, in one fixed order, and
/// the parts below get their handles.
#[function_component(CostSection)]
pub fn cost_section(props: &SectionProps) -> Html {
    let state = &props.state;
    let c = &state.report.cost;
    let on_currency = use_on_currency(state);
    let on_revenue = use_on(state, |x| Action::Cost(CostAction::Revenue(x)));
    let on_impact = use_on(state, |x| Action::Cost(CostAction::Impact(x)));
    let on_reference_cost = use_on(state, |x| Action::Cost(CostAction::ReferenceCost(x)));
    let on_reference_nines = use_on(state, |x| Action::Cost(CostAction::ReferenceNines(x)));
    let on_cost_factor = use_on(state, |x| Action::Cost(CostAction::CostFactor(x)));
    let on_tolerable_loss = use_on(state, |x| Action::Cost(CostAction::TolerableLoss(x)));
    let series = use_memo((c.curve.clone(), c.currency), |(curve, currency)| {
        cost_series(curve, *currency)
    });
    // What the model lacks, from a blank scenario or typed zeros: the
    // section says so instead of showing $0 figures that look like
    // answers. A service that earns nothing may keep its revenue at 0; the
    // figures then show.
    let no_revenue = c.model.revenue_per_year <= 0.0;
    let no_cost = c.model.reference_cost_per_year <= 0.0;

    html! {
        <section class="card" id="cost" aria-labelledby="cost-heading">
            <h2 id="cost-heading">{ "Cost per nine" }</h2>
            { revenue_fields(state, on_revenue, on_impact, on_currency.clone()) }
            { cost_model_fold(state, on_reference_cost, on_reference_nines, on_cost_factor, on_currency.clone()) }
            if let Some(needs) = cost_needs(no_revenue, no_cost) {
                <p class="needs" id="cost-needs">{ needs }</p>
            }
            // With neither side there is nothing to weigh: no $0 figures,
            // chart or table (down to the marginal table's closing brace).
            if !(no_revenue && no_cost) {
                { cost_figures(&state.report) }
                { cost_chart_fold(&state.report, (*series).clone(), super::on_pick_target(props)) }
            }
            { tolerable_fold(state, on_tolerable_loss, on_currency) }
            <Notes notes={c.notes.clone()} />
        </section>
    }
}

/// The revenue and the share of it an outage loses.
fn revenue_fields(
    state: &State,
    on_revenue: Callback<f64>,
    on_impact: Callback<f64>,
    on_currency: Callback<(Currency, String)>,
) -> Html {
    let s = &state.scenario;
    let currency = s.currency;
    html! {
        <div class="fields">
            <MoneyField id="revenue" label="Revenue per year" currency={currency}
                value={s.cost.model.revenue_per_year} on_value={on_revenue} on_currency={on_currency}
                hint={format!("e.g. {}", money_short_in(20e6, currency))} />
            <NumberField id="impact" label="Revenue lost during an outage" kind={Kind::Fraction}
                value={s.cost.model.impact_fraction} on_value={on_impact} hint="share of revenue, e.g. 80%" />
        </div>
    }
}

/// The engineering cost model's fold: the currency, and the reference
/// cost, its level and the factor per nine.
fn cost_model_fold(
    state: &UseReducerHandle<State>,
    on_reference_cost: Callback<f64>,
    on_reference_nines: Callback<f64>,
    on_cost_factor: Callback<f64>,
    on_currency: Callback<(Currency, String)>,
) -> Html {
    let s = &state.scenario;
    let currency = s.currency;
    let on_currency_select = super::on_select(state, |v| {
        v.parse::<Currency>()
            .ok()
            .map(|x| Action::Cost(CostAction::Currency(x)))
    });
    html! {
        <Fold id="cost-model" summary={format!("The engineering cost model and the currency ({})", currency.code())}>
            <p class="convention">
                { "Engineering cost C(n) = C₀ · k^(n − n₀); revenue at risk = revenue × impact × unavailability; \
                   each extra nine costs about k = 10 times more (SRE book, \"Embracing Risk\")." }
            </p>
            <div class="fields">
                <div class="field">
                    <label for="currency">{ "Currency" }</label>
                    <select id="currency" onchange={on_currency_select}>
                        { for Currency::ALL.iter().map(|x| html! {
                            <option value={x.code()} selected={*x == currency}>{ x.label() }</option>
                        }) }
                    </select>
                    <span class="hint">{ "Every amount of money in this scenario is in it; none is converted." }</span>
                </div>
                <MoneyField id="reference-cost" label="Engineering cost per year at the reference level" currency={currency}
                    value={s.cost.model.reference_cost_per_year} on_value={on_reference_cost} on_currency={on_currency} />
                <NumberField id="reference-nines" label="Reference level (nines)" kind={Kind::Count}
                    value={s.cost.model.reference_nines} on_value={on_reference_nines} hint="e.g. 3 for 99.9%" />
                <NumberField id="cost-factor" label="Cost factor per nine" kind={Kind::Count}
                    value={s.cost.model.cost_factor_per_nine} on_value={on_cost_factor} hint="10: each nine costs ten times more" />
            </div>
        </Fold>
    }
}

/// What the section asks for when the revenue, the reference cost or both
/// are missing.
fn cost_needs(no_revenue: bool, no_cost: bool) -> Option<&'static str> {
    match (no_revenue, no_cost) {
        (true, true) => Some(
            "Enter the revenue per year and the engineering cost per year at the reference level: \
             this section weighs one against the other, and with neither there is nothing to weigh.",
        ),
        (true, false) => Some(
            "Enter the revenue per year to see the revenue at risk and the cheapest target \
             (a service that earns nothing can leave it at 0: every nine then only adds cost).",
        ),
        (false, true) => Some(
            "Enter the engineering cost per year at the reference level to see what each nine \
             costs and the cheapest target.",
        ),
        (false, false) => None,
    }
}

/// The headline: the total at the target, with on-call, the revenue at
/// risk, the cheapest target and what the target costs beyond it.
fn cost_figures(report: &Report) -> Html {
    let c = &report.cost;
    let optimum_text = c.optimum_display.clone();
    html! {
        <div class="headline">
            <Figure id="cost-total-at-target" value={c.display.total_cost_at_target.clone()}
                label="total cost a year at the target"
                why="Engineering cost plus the revenue the allowed downtime puts at risk." />
            <Figure id="cost-with-on-call" value={c.display.total_with_on_call_at_target.clone()}
                label="with on-call, a year at the target"
                why={format!("The total plus {}: the same at every level, so it does not move the cheapest target.", c.display.on_call_cost)} />
            <Figure id="cost-revenue-at-risk" value={c.display.revenue_at_risk_at_target.clone()}
                label="revenue at risk a year at the target, if its whole budget is spent"
                why={expected_loss(report)} />
            <Figure id="cost-optimum" value={c.optimum_short.clone()} exact={Some(AttrValue::from(optimum_text))}
                label="cheapest target on revenue alone"
                why={format!("Where one more nine would cost more than the revenue it protects. Money alone: the most you can promise with these dependencies, incidents and failed deployments is {}.", report.spend.most_promisable_display)} />
            <Figure id="cost-premium" value={c.display.target_premium.clone()}
                label="what the target costs beyond the cheapest"
                why="A premium paid for reasons beyond revenue (reputation, contracts), or a saving if negative." />
        </div>
    }
}

/// One revenue-loss model (revenue × share lost in an outage × downtime)
/// behind both figures: here the downtime the target allows, in "Who runs
/// it" the downtime the incidents are expected to cause.
fn expected_loss(report: &Report) -> String {
    let lost = report
        .support
        .methods
        .iter()
        .find(|m| m.recommended)
        .map(|m| format!(
            " What the incidents are expected to cost instead, with {}'s time to restore: {} a year (Who runs it).",
            m.method_name, m.display.revenue_lost
        ))
        .unwrap_or_default();
    format!("Revenue × share lost in an outage × the fraction of the year the target allows down.{lost}")
}

/// The three lines of the chart (`curve` in `currency`).
fn cost_series(curve: &[nines_core::cost::CostPoint], currency: Currency) -> Vec<Series> {
    let line =
        |class: &'static str, name: &str, y: fn(&nines_core::cost::CostPoint) -> f64| Series {
            name: name.to_string().into(),
            class,
            points: Rc::new(
                curve
                    .iter()
                    .map(|p| ChartPoint {
                        x: p.nines,
                        y: y(p),
                        readout: money_at_nines_in(y(p), p.nines, currency),
                    })
                    .collect(),
            ),
        };
    // The total first, drawn wide and pale under the two it adds up,
    // so where it runs along one of them both still show.
    vec![
        line("sum", "Total", |p| p.total_cost_per_year),
        line("s1", "Engineering cost", |p| p.engineering_cost_per_year),
        line("s2", "Revenue at risk", |p| p.revenue_at_risk_per_year),
    ]
}

/// A log scale: each nine multiplies the engineering cost by k and
/// divides the revenue at risk by 10, so both are straight lines and the
/// total's minimum is the visible bottom of a V. On the default scenario
/// a linear $0–2M scale put that minimum ($35,777) 1.8% up the plot, a
/// few pixels off the axis. The scale starts at most two decades below
/// the minimum, so a tiny revenue does not flatten it again.
fn cost_y_axis(c: &CostReport) -> Axis {
    let totals = c.curve.iter().map(|p| p.total_cost_per_year);
    let least_total = totals
        .clone()
        .filter(|v| *v > 0.0)
        .fold(f64::INFINITY, f64::min);
    let floor = least_total / 100.0;
    let values = c.curve.iter().flat_map(|p| {
        [
            p.engineering_cost_per_year,
            p.revenue_at_risk_per_year,
            p.total_cost_per_year,
        ]
    });
    extent(values.map(|v| v.max(floor)), true).unwrap_or(Axis::Log(1.0, 1e6))
}

/// The chart's marks: the target, and the cheapest level.
fn cost_markers(report: &Report) -> Vec<Marker> {
    let c = &report.cost;
    let mut markers = Vec::new();
    if let Some(n) = c.target_nines {
        markers.push(Marker {
            x: n,
            label: format!("target {}", report.target.availability_percent).into(),
            class: "target",
        });
    }
    if let Some(p) = &c.at_optimum {
        markers.push(Marker {
            x: p.nines,
            label: "cheapest".into(),
            class: "good",
        });
    }
    markers
}

/// The chart's fold: cost against nines (`series` from [`cost_series`];
/// a click or drag picks the target), then the cost of each step up.
fn cost_chart_fold(report: &Report, series: Vec<Series>, on_pick: Callback<f64>) -> Html {
    let c = &report.cost;
    let x_axis = extent(c.curve.iter().map(|p| p.nines), false).unwrap_or(Axis::Linear(2.0, 5.0));
    html! {
        <Fold id="cost-chart-fold" summary="Chart, and the cost of each step up a nine">
            <LineChart
                id="cost-chart"
                title="Cost per year against nines (log scale): engineering, revenue at risk and total"
                x_label="nines of availability"
                y_label="cost per year (log scale)"
                x_heading="Nines"
                x_axis={x_axis}
                y_axis={cost_y_axis(c)}
                series={series}
                markers={cost_markers(report)}
                x_tick={TickFormat::Number}
                y_tick={TickFormat::Money(c.currency)}
                on_pick={on_pick}
            />
            <h3>{ "One step at a time" }</h3>
            <TableView id="marginal-table" table={marginal_cost_table(report)} numeric={vec![2, 3, 4]} />
        </Fold>
    }
}

/// From a revenue loss one can afford to the target it implies, and a
/// button that makes it the target.
fn tolerable_fold(
    state: &UseReducerHandle<State>,
    on_tolerable_loss: Callback<f64>,
    on_currency: Callback<(Currency, String)>,
) -> Html {
    let s = &state.scenario;
    let c = &state.report.cost;
    // A loss of 0 implies 100%: a target nobody asked for, so it is asked for.
    let tolerable_needs = if c.model.revenue_per_year <= 0.0 {
        Some("The target a tolerable loss implies needs the revenue per year above.")
    } else if s.cost.tolerable_loss_per_year <= 0.0 {
        Some("Enter the revenue you can afford to lose per year to see the target it implies.")
    } else {
        None
    };
    let implied = c.tolerable_loss_target;
    let use_implied = {
        let d = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            if let Some(a) = implied {
                d.dispatch(Action::Target(TargetAction::Target(a)));
            }
        })
    };
    html! {
        <Fold id="cost-tolerable" summary="From a revenue loss you can afford to a target">
            <div class="fields">
                <MoneyField id="tolerable-loss" label="Revenue you can afford to lose per year" currency={s.currency}
                    value={s.cost.tolerable_loss_per_year} on_value={on_tolerable_loss} on_currency={on_currency} />
            </div>
            if let Some(needs) = tolerable_needs {
                <p class="needs" id="tolerable-needs">{ needs }</p>
            } else {
                <div class="headline">
                    <Figure id="tolerable-target" value={c.display.tolerable_loss_target.clone()}
                        label="the availability that loses at most that"
                        why="Unavailability = tolerable loss ÷ (revenue × share lost in an outage)." />
                </div>
                if implied.is_some() {
                    <button type="button" id="use-tolerable-target" onclick={use_implied}>{ "Use this as the target" }</button>
                }
            }
        </Fold>
    }
}
