//! Section 6, *Who runs it*: the essays' production support methods
//! (Steve Smith, "Who Runs It" series), a recommendation with the rule it
//! applied, and the on-call cost of each method.

use nines_core::export::support_cost_table;
use nines_core::support::TrafficCriticality;
use yew::prelude::*;

use super::cost::{use_on_currency, MoneyField};
use super::field::{Kind, NumberField};
use super::figure::{Figure, Notes};
use super::table::TableView;
use super::{use_on, SectionProps};
use crate::state::Action;

const CRITICALITY: [(TrafficCriticality, &str, &str); 3] = [
    (
        TrafficCriticality::Low,
        "low",
        "Low: an internal or occasional service",
    ),
    (
        TrafficCriticality::Normal,
        "normal",
        "Normal: customers notice an outage",
    ),
    (
        TrafficCriticality::Critical,
        "critical",
        "Critical: an outage could jeopardise the organisation",
    ),
];

#[function_component(SupportSection)]
pub fn support_section(props: &SectionProps) -> Html {
    let s = &props.state.scenario;
    let r = &props.state.report.support;
    let rec = &r.recommendation;
    let on_standby_rate = use_on(&props.state, Action::SetStandbyRate);
    let on_callout_rate = use_on(&props.state, Action::SetCalloutRate);
    let on_currency = use_on_currency(&props.state);
    let on_teams = use_on(&props.state, |v: f64| {
        Action::SetTeams(v.round().clamp(0.0, 10_000.0) as u32)
    });
    let on_criticality = super::on_select(&props.state, |v| {
        CRITICALITY
            .iter()
            .find(|(_, id, _)| *id == v)
            .map(|(c, _, _)| Action::SetCriticality(*c))
    });
    html! {
        <section class="card" id="support" aria-labelledby="support-heading">
            <h2 id="support-heading">{ "Who runs it" }</h2>
            <div class="fields">
                <div class="field">
                    <label for="criticality">{ "Traffic criticality" }</label>
                    <select id="criticality" onchange={on_criticality}>
                        { for CRITICALITY.iter().map(|(c, id, label)| html! {
                            <option value={*id} selected={*c == s.support.criticality}>{ *label }</option>
                        }) }
                    </select>
                </div>
                <NumberField id="teams" label="Delivery teams (one service each)" kind={Kind::Count}
                    value={f64::from(s.support.on_call.teams)} on_value={on_teams} />
                <MoneyField id="standby-rate" label="Standby pay per hour" currency={s.currency}
                    value={s.support.on_call.standby_rate_per_hour} on_value={on_standby_rate} on_currency={on_currency.clone()} />
                <MoneyField id="callout-rate" label="Pay per callout" currency={s.currency}
                    value={s.support.on_call.callout_rate} on_value={on_callout_rate} {on_currency} />
            </div>
            <p class="convention" id="oncall-incidents">
                { "Callouts: " }{ &r.display.callouts }{ " (Incidents per year in " }<a href="#incidents">{ "Incidents and delivery" }</a>{ ", for each service)." }
            </p>
            <p class="convention">
                { "Product demand: " }{ &r.display.deployments_per_week }{ " deployments a week (from Deployment frequency in " }
                <a href="#incidents">{ "Incidents and delivery" }</a>{ ")." }
            </p>
            <div class="status good" id="support-recommendation">
                { "Recommended: " }{ rec.method.name() }
            </div>
            <p id="support-reason">{ &rec.reason }</p>
            <div class="headline">
                <Figure id="support-cost" value={r.display.recommended_on_call_cost.clone()}
                    label="on-call cost a year of the recommended method"
                    why={format!("People on the rota × standby pay × hours, plus callouts × callout pay; {}.", r.display.standby_hours)} />
            </div>
            <TableView id="support-costs" table={support_cost_table(&props.state.report)} numeric={vec![2, 3, 4, 5]} />
            <h3>{ "Why not the others" }</h3>
            <ul id="support-alternatives">
                { for rec.alternatives.iter().map(|a| html! { <li><strong>{ a.method.name() }</strong>{ ": " }{ &a.reason }</li> }) }
            </ul>
            <Notes notes={rec.notes.clone()} />
        </section>
    }
}
