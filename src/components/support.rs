//! Section 6, *Who runs it*: the essays' production support methods
//! (Steve Smith, "Who Runs It" series), a recommendation with the rule it
//! applied, the on-call cost of each method, and each method as revenue
//! insurance: downtime against the budget, lost revenue, team
//! investment and the total, with the organisation's conflicts.

use nines_core::amount::Currency;
use nines_core::export::{support_assumptions_table, support_cost_table, support_methods_table};
use nines_core::scenario::{Report, Scenario};
use nines_core::support::{SupportReport, CRITICALITY_CHOICES as CRITICALITY};
use yew::prelude::*;

use super::choice::choice_field;
use super::cost::{use_on_currency, MoneyField};
use super::disclosure::Fold;
use super::field::{Commit, Kind, NumberField};
use super::figure::{Figure, Notes};
use super::table::TableView;
use super::{use_on, SectionProps};
use crate::state::{Action, State, SupportAction};

/// The section, in the order it reads: criticality and teams, the
/// recommendation, then the folds (on-call pay, revenue insurance, the
/// other methods, the organisation, the rules). The hooks stay here, in one
/// fixed order, and the parts below get their handles.
#[function_component(SupportSection)]
pub fn support_section(props: &SectionProps) -> Html {
    let state = &props.state;
    let s = &state.scenario;
    let r = &state.report.support;
    let on_standby_rate = use_on(state, |x| Action::Support(SupportAction::StandbyRate(x)));
    let on_callout_rate = use_on(state, |x| Action::Support(SupportAction::CalloutRate(x)));
    let on_currency = use_on_currency(state);
    // At least this service's own team, as the CLI's --teams: 0 teams
    // would leave no one to page.
    let on_teams =
        super::field::use_commit(state, teams, |x| Action::Support(SupportAction::Teams(x)));
    let on_ops_handoff = use_on(state, |x| Action::Support(SupportAction::OpsHandoff(x)));
    let on_sometimes_handoff = use_on(state, |x| {
        Action::Support(SupportAction::OpsSometimesHandoff(x))
    });
    let on_sre_handoff = use_on(state, |x| Action::Support(SupportAction::SreHandoff(x)));
    let on_investment = use_on(state, |x| {
        Action::Support(SupportAction::InvestmentPerTeam(x))
    });
    let on_sre_factor = use_on(state, |x| {
        Action::Support(SupportAction::SreInvestmentFactor(x))
    });
    let report = &state.report;
    // Without an incident rate or a revenue (a blank scenario), every
    // method's downtime or lost revenue is 0: the section says what it
    // needs instead of letting the zeros read as an answer.
    let no_revenue = r.revenue_per_day <= 0.0;
    let no_incidents = report.incidents.incidents_per_window <= 0.0;
    html! {
        <section class="card" id="support" aria-labelledby="support-heading">
            <h2 id="support-heading">{ "Who runs it" }</h2>
            { support_fields(state, on_teams) }
            { recommendation(r, no_incidents) }
            { pay_fold(state, on_standby_rate, on_callout_rate, on_currency.clone(), no_revenue) }
            <Fold id="support-insurance" summary="Revenue insurance: each method's downtime, budget and full cost">
                if no_incidents || no_revenue {
                    { insurance_needs(no_incidents, no_revenue) }
                }
                <p class="convention" id="support-basis">{ &r.display.basis }{ " Budget: " }{ &r.display.budget_per_year }{ ". Lost revenue: " }{ &r.display.loss_per_hour }{ "." }</p>
                { insurance_fields(s, on_ops_handoff, on_sometimes_handoff, on_sre_handoff, on_investment, on_sre_factor, on_currency) }
                // With no incident every method fits the budget and no handoff
                // adds any downtime: "the cheapest that fits" would only restate
                // the cheapest pay, and the comparison would be of zeros.
                if !no_incidents {
                    { cheapest_fitting(r) }
                }
                { methods_chart(r) }
                <TableView id="support-methods" table={support_methods_table(report)} numeric={vec![1, 2, 3, 5, 6, 8, 9]} />
            </Fold>
            { others_fold(r) }
            { organisation_fold(state) }
            { rules_fold(report) }
            <Notes notes={r.recommendation.notes.clone()} />
        </section>
    }
}

/// How critical the traffic is, and how many teams share the rota.
fn support_fields(state: &UseReducerHandle<State>, on_teams: Commit) -> Html {
    let s = &state.scenario;
    let on_criticality = super::on_select(state, |v| {
        CRITICALITY
            .iter()
            .find(|(_, id, _)| *id == v)
            .map(|(c, _, _)| Action::Support(SupportAction::Criticality(*c)))
    });
    html! {
        <div class="fields">
            <div class="field">
                <label for="criticality">{ "Traffic criticality" }</label>
                <select id="criticality" onchange={on_criticality}>
                    { for CRITICALITY.iter().map(|(c, id, label)| html! {
                        <option value={*id} selected={*c == s.support.criticality}>{ *label }</option>
                    }) }
                </select>
            </div>
            <super::field::TextField id="teams" label="Delivery teams (one service each)"
                value={s.support.on_call.teams.to_string()} on_commit={on_teams}
                hint="teams, not engineers: this service's team and the others sharing its on-call rota (1 to 10,000)" />
        </div>
    }
}

/// The method recommended, the rule that chose it, its on-call cost, and
/// a warning when no method fits the budget (only with incidents to count).
fn recommendation(r: &SupportReport, no_incidents: bool) -> Html {
    let rec = &r.recommendation;
    html! { <>
        <div class="status good" id="support-recommendation">
            { "Recommended: " }{ rec.method.name() }
        </div>
        <p id="support-reason">{ &rec.reason }</p>
        <div class="headline">
            <Figure id="support-cost" value={r.display.recommended_on_call_cost.clone()}
                label="on-call cost a year of the recommended method"
                why={format!("People on the rota × standby pay × hours, plus callouts × callout pay; {}.", r.display.standby_hours)} />
        </div>
        if !no_incidents && r.cheapest_fitting.is_none() {
            <p class="status bad" id="support-none-fits">{ &r.display.cheapest_fitting }</p>
        }
    </> }
}

/// The on-call pay fold: standby and callout pay, where the criticality,
/// callouts and deployments come from, and each method's on-call cost.
fn pay_fold(
    state: &UseReducerHandle<State>,
    on_standby_rate: Callback<f64>,
    on_callout_rate: Callback<f64>,
    on_currency: Callback<(Currency, String)>,
    no_revenue: bool,
) -> Html {
    let s = &state.scenario;
    let r = &state.report.support;
    html! {
        <Fold id="support-pay" summary="On-call pay: standby, callouts, and each method's cost">
            <div class="fields">
                <MoneyField id="standby-rate" label="Standby pay per hour" currency={s.currency}
                    value={s.support.on_call.standby_rate_per_hour} on_value={on_standby_rate} on_currency={on_currency.clone()} />
                <MoneyField id="callout-rate" label="Pay per callout" currency={s.currency}
                    value={s.support.on_call.callout_rate} on_value={on_callout_rate} on_currency={on_currency} />
            </div>
            <p class="convention" id="support-suggested-criticality">
                if no_revenue {
                    { "Suggested criticality: none yet. Enter the revenue per year in " }<a href="#cost">{ "Cost per nine" }</a>{ " to get one." }
                } else {
                    { "Suggested criticality: " }{ &r.display.suggested_criticality }{ " (Revenue per year in " }<a href="#cost">{ "Cost per nine" }</a>{ ")." }
                }
            </p>
            <p class="convention" id="oncall-incidents">
                { "Callouts: " }{ &r.display.callouts }{ " (Incidents per year in " }<a href="#incidents">{ "Incidents and delivery" }</a>{ ", for each service)." }
            </p>
            <p class="convention">
                { "Product demand: " }{ &r.display.deployments_per_week }{ " deployments a week (from Deployment frequency in " }
                <a href="#incidents">{ "Incidents and delivery" }</a>{ ")." }
            </p>
            <TableView id="support-costs" table={support_cost_table(&state.report)} numeric={vec![2, 3, 4, 5]} />
        </Fold>
    }
}

/// What the insurance comparison needs, when the incidents, the revenue
/// or both are missing.
fn insurance_needs(no_incidents: bool, no_revenue: bool) -> Html {
    html! {
        <p class="needs" id="support-needs">
            if no_incidents {
                { "Enter the incidents per year in " }<a href="#incidents">{ "Incidents and delivery" }</a>
                if no_revenue {
                    { " and the revenue per year in " }<a href="#cost">{ "Cost per nine" }</a>
                }
            } else {
                { "Enter the revenue per year in " }<a href="#cost">{ "Cost per nine" }</a>
            }
            { " to weigh the methods as revenue insurance: until then no method's downtime costs any revenue, and only their pay and investment are compared." }
        </p>
    }
}

/// Each method's handoff delay and the team investment the methods cost.
fn insurance_fields(
    s: &Scenario,
    on_ops_handoff: Callback<f64>,
    on_sometimes_handoff: Callback<f64>,
    on_sre_handoff: Callback<f64>,
    on_investment: Callback<f64>,
    on_sre_factor: Callback<f64>,
    on_currency: Callback<(Currency, String)>,
) -> Html {
    html! {
        <div class="fields">
            <NumberField id="ops-handoff" label="Ops Run It: handoff delay per incident" kind={Kind::Duration}
                value={s.support.on_call.ops_handoff_delay_seconds} on_value={on_ops_handoff} hint="the essays: \"hours, days, or even weeks\"" />
            <NumberField id="ops-sometimes-handoff" label="Ops Sometimes Run It: handoff delay per incident" kind={Kind::Duration}
                value={s.support.on_call.ops_sometimes_handoff_delay_seconds} on_value={on_sometimes_handoff} />
            <NumberField id="sre-handoff" label="SRE Run It: handoff delay per incident" kind={Kind::Duration}
                value={s.support.on_call.sre_handoff_delay_seconds} on_value={on_sre_handoff} hint="the essays: none" />
            <MoneyField id="investment" label="You Run It: team investment a year per team" currency={s.currency}
                value={s.support.investment_per_team_per_year} on_value={on_investment} {on_currency} />
            <NumberField id="sre-factor" label="SRE Run It: investment, times You Run It's" kind={Kind::Count}
                value={s.support.sre_investment_factor} on_value={on_sre_factor} hint="10: \"an order of magnitude more\"" />
        </div>
    }
}

/// The cheapest method that fits the budget, and the methods as revenue
/// insurance.
fn cheapest_fitting(r: &SupportReport) -> Html {
    html! { <>
        <div class="headline">
            <Figure id="support-cheapest-fitting" value={r.cheapest_fitting.map_or("none", |m| m.name())}
                label="cheapest method that fits the error budget"
                why={r.display.cheapest_fitting.clone()} />
        </div>
        <p id="support-revenue-insurance">{ &r.display.revenue_insurance }</p>
    </> }
}

/// Why not the other methods, and what to watch.
fn others_fold(r: &SupportReport) -> Html {
    html! {
        <Fold id="support-others" summary="Why not the others, and what to watch">
            <ul id="support-warnings">
                { for r.warnings.iter().map(|w| html! { <li>{ w }</li> }) }
            </ul>
            <ul id="support-alternatives">
                { for r.recommendation.alternatives.iter().map(|a| html! { <li><strong>{ a.method.name() }</strong>{ ": " }{ &a.reason }</li> }) }
            </ul>
        </Fold>
    }
}

/// The organisation's fold: how it is funded, its culture, and where
/// either conflicts with a method.
fn organisation_fold(state: &UseReducerHandle<State>) -> Html {
    let s = &state.scenario;
    let r = &state.report.support;
    html! {
        <Fold id="support-organisation-fold" summary="The organisation around the service: how it is funded, how it treats failure">
            <div class="fields">
                { choice_field(state, "organisation", "Organisation", s.support.organisation, |x| Action::Support(SupportAction::Organisation(x))) }
                { choice_field(state, "culture", "Culture (Westrum: how failure and news are treated)", s.support.culture, |x| Action::Support(SupportAction::Culture(x))) }
            </div>
            <p id="support-organisation">{ &r.display.organisation }</p>
            <div id="support-conflicts">
                { for r.conflicts.iter().map(|g| html! { <>
                    <h3>{ format!("Over {} ({}; here {}){}", g.topic, g.condition, g.culture_trait,
                        if g.applies_to_recommended { "" } else { ", if you choose it" }) }</h3>
                    <ul>{ for g.items.iter().map(|i| html! { <li>{ *i }</li> }) }</ul>
                </> }) }
            </div>
        </Fold>
    }
}

/// The terms, rules and assumptions, with their sources.
fn rules_fold(report: &Report) -> Html {
    html! {
        <Fold id="support-rules" summary="Terms, rules and assumptions, with their sources">
            <p class="convention">{ "Terms: L1 is first on call, L2 the team it escalates to; CapEx and OpEx are the capital and operating budgets a team is paid from; Discontinuous Delivery is deploying less often than the product needs." }</p>
            <p class="convention">{ "Sources: \"the essays\" are Steve Smith's Who Runs It series on production support (stevesmith.tech); the SRE book is Google's Site Reliability Engineering (2016), the Workbook its sequel, The Site Reliability Workbook (2018)." }</p>
            <ul id="support-product-conditions">
                { for report.support.product_conditions.iter().map(|c| html! { <li>{ c }</li> }) }
            </ul>
            <TableView id="support-assumptions" table={support_assumptions_table(report)} />
        </Fold>
    }
}

/// Each method's total cost a year and downtime a year, side by side, with
/// the year's error budget as a line across the downtime bars. The table
/// below the chart has every figure (its text alternative).
fn methods_chart(r: &SupportReport) -> Html {
    let most = |f: fn(&nines_core::support::MethodComparison) -> f64| {
        r.methods.iter().map(f).fold(0.0, f64::max)
    };
    let cost_max = most(|m| m.total_cost_per_year);
    let down_max = most(|m| m.expected_downtime_per_year_seconds).max(r.budget_per_year_seconds);
    // One column, 360 units wide so that its 12-unit labels stay 11 px or
    // more on a phone (drawn narrow: `.chart-svg.narrow`): per method its
    // name, a cost bar and a downtime bar, each bar at most 200 units,
    // leaving room for its label.
    let w = |x: f64, max: f64| {
        if max > 0.0 && x.is_finite() {
            (x / max * 200.0).clamp(0.5, 200.0)
        } else {
            0.5
        }
    };
    let row_h = 60.0;
    let top = 22.0;
    let height = top + row_h * r.methods.len() as f64;
    let budget_x = w(r.budget_per_year_seconds, down_max).to_string();
    html! {
        <figure class="chart" id="support-methods-chart">
            <figcaption>{ "Each method's total cost a year (on-call, investment, lost revenue) and its downtime a year against the error budget (the dashed mark)" }</figcaption>
            <svg viewBox={format!("0 0 360 {height}")} role="img" tabindex="0" class="chart-svg narrow"
                aria-label="Bars of each support method's total cost and downtime a year, with the budget marked; the table below has the figures">
                <text x="0" y="12" class="tick">{ "Cost a year, then downtime a year" }</text>
                { for r.methods.iter().enumerate().map(|(i, m)| {
                    let y = top + row_h * i as f64;
                    let cw = w(m.total_cost_per_year, cost_max);
                    let dw = w(m.expected_downtime_per_year_seconds, down_max);
                    html! { <g>
                        <text x="0" y={(y + 10.0).to_string()} class="tick">{ m.method_name }</text>
                        <rect x="0" y={(y + 14.0).to_string()} width={cw.to_string()} height="14" class="s1" />
                        <text x={(cw + 4.0).to_string()} y={(y + 25.0).to_string()} class="tick">{ &m.display.total_cost }</text>
                        <rect x="0" y={(y + 32.0).to_string()} width={dw.to_string()} height="14"
                            class={if m.fits_budget { "s3" } else { "s2" }} />
                        <text x={(dw + 4.0).to_string()} y={(y + 43.0).to_string()} class="tick">
                            { &m.display.expected_downtime }{ if m.fits_budget { "" } else { ", over budget" } }
                        </text>
                        <g class="marker">
                            <line x1={budget_x.clone()} x2={budget_x.clone()} y1={(y + 29.0).to_string()} y2={(y + 49.0).to_string()} />
                        </g>
                    </g> }
                }) }
            </svg>
        </figure>
    }
}

/// The number of delivery teams as typed: a whole number from 1 to 10,000.
fn teams(text: &str) -> Result<u32, String> {
    text.trim()
        .replace(',', "")
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=10_000).contains(n))
        .ok_or_else(|| {
            format!(
                "{} is not a number of teams: give a whole number from 1 (this service's own team) to 10,000",
                nines_core::quote::quoted(text, 40)
            )
        })
}
