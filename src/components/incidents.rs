//! Section 3, *Incidents and delivery*: what outages and failed deployments
//! spend of the error budget (Treynor et al., "The Calculus of Service
//! Availability", ACM Queue 2017; DORA's four key measures).

use nines_core::amount::Rate;
use nines_core::delivery::RestoreBy;
use nines_core::display::count;
use yew::prelude::*;

use super::choice::choice_field;
use super::disclosure::Fold;
use super::field::{Kind, NumberField};
use super::figure::{Figure, Notes};
use super::{use_on, SectionProps};
use crate::state::{Action, DeliveryAction, IncidentsAction, State};

#[function_component(IncidentsSection)]
pub fn incidents_section(props: &SectionProps) -> Html {
    let s = &props.state.scenario;
    let r = &props.state.report;
    let inc = &r.incidents;
    let del = &r.delivery;
    let spend = &r.spend;
    let window = s.slo_window.name();
    // The rate as the scenario keeps it (`2 per month`), in its canonical form.
    let deploy_rate = s.delivery.deployment_frequency.to_string();
    let on_deploy_rate = super::field::use_commit(&props.state, Rate::parse, |x| {
        Action::Delivery(DeliveryAction::DeploymentRate(x))
    });
    let on_incidents = use_on(&props.state, |x| {
        Action::Incidents(IncidentsAction::PerYear(x))
    });
    let on_incident_detect = use_on(&props.state, |x| {
        Action::Incidents(IncidentsAction::Detect(x))
    });
    let on_incident_recover = use_on(&props.state, |x| {
        Action::Incidents(IncidentsAction::Recover(x))
    });
    let on_incident_scope = use_on(&props.state, |x| {
        Action::Incidents(IncidentsAction::Scope(x))
    });
    let on_lead_time = use_on(&props.state, |x| {
        Action::Delivery(DeliveryAction::LeadTime(x))
    });
    let on_change_failure_rate = use_on(&props.state, |x| {
        Action::Delivery(DeliveryAction::ChangeFailureRate(x))
    });
    let on_delivery_detect = use_on(&props.state, |x| {
        Action::Delivery(DeliveryAction::Detect(x))
    });
    let on_delivery_recover = use_on(&props.state, |x| {
        Action::Delivery(DeliveryAction::Recover(x))
    });
    let on_delivery_scope = use_on(&props.state, |x| Action::Delivery(DeliveryAction::Scope(x)));

    html! {
        <section class="card" id="incidents" aria-labelledby="incidents-heading">
            <h2 id="incidents-heading">{ "Incidents and delivery" }</h2>
            <p class="convention">
                { "Expected downtime = incidents × (time to detect + time to restore) × share of users affected \
                   (Treynor et al., The Calculus of Service Availability, 2017). Budget per " }
                { &window }{ ": " }{ inc.display.budget_per_window.clone() }{ "." }
            </p>
            <h3>{ "Incidents" }</h3>
            { incident_fields(&props.state, [on_incidents, on_incident_detect, on_incident_recover, on_incident_scope]) }
            { incident_figures(&props.state) }
            if inc.detection_alone_breaks_target {
                <p class="status bad" id="incident-detection-alone">
                    { "Longest recovery once detected: " }{ &inc.display.max_time_to_recover }{ "." }
                </p>
            }
            <Notes notes={inc.notes.clone()} />
            { incident_log_fold(&props.state) }

            <h3>{ "Delivery" }</h3>
            <div class="fields">
                <super::field::TextField id="deployment-frequency" label="Deployment frequency"
                    value={deploy_rate} on_commit={on_deploy_rate} hint="e.g. 10 per week, 2 per day" />
                <NumberField id="change-failure-rate" label="Change failure rate" kind={Kind::Fraction}
                    value={s.delivery.change_failure_rate} on_value={on_change_failure_rate}
                    hint="the share of deployments that hurt users" />
            </div>
            { delivery_more(&props.state, [on_delivery_detect, on_delivery_recover, on_delivery_scope, on_lead_time]) }
            { delivery_figures(&props.state) }
            <Notes notes={del.notes.clone()} />
            <p class={classes!("status", if spend.fits == Some(false) { "bad" } else { "good" })} id="budget-spend">
                { "Together with the dependencies: " }{ &spend.display }{ "." }
                if spend.fits == Some(false) {
                    { " More than the whole budget: the target will be missed unless something changes." }
                }
            </p>
        </section>
    }
}

/// The incident model's inputs; only the time to detect when the log gives
/// the rest.
fn incident_fields(
    state: &UseReducerHandle<State>,
    [on_incidents, on_incident_detect, on_incident_recover, on_incident_scope]: [Callback<f64>; 4],
) -> Html {
    let s = &state.scenario;
    let inc = &state.report.incidents;
    let on_incident_slider = {
        let d = state.dispatcher();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Ok(n) = input.value().parse::<f64>() {
                d.dispatch(Action::Incidents(IncidentsAction::PerYear(n)));
            }
        })
    };
    html! {
        if !inc.model.from_log {
        <div class="fields">
            <NumberField id="incidents-per-year" label="Incidents per year" kind={Kind::Count}
                value={s.incidents.incidents_per_year} on_value={on_incidents} />
            <div class="field slider">
                <label for="incidents-slider">{ "Drag: incidents per year" }</label>
                <input type="range" id="incidents-slider" min="0" max="52" step="1"
                    value={s.incidents.incidents_per_year.clamp(0.0, 52.0).to_string()}
                    aria-valuetext={format!("{} incidents a year", count(s.incidents.incidents_per_year, 2))}
                    oninput={on_incident_slider} />
            </div>
            <NumberField id="incident-detect" label="Time to detect" kind={Kind::Duration}
                value={s.incidents.time_to_detect_seconds} on_value={on_incident_detect}
                hint="from the start of the outage until someone is on it" />
            <NumberField id="incident-recover" label="Time to restore after detection" kind={Kind::Duration}
                value={s.incidents.time_to_recover_seconds} on_value={on_incident_recover}
                hint="from then until users are served again" />
            <NumberField id="incident-scope" label="Users affected per incident" kind={Kind::Fraction}
                value={s.incidents.scope} on_value={on_incident_scope} hint="e.g. 50% or 0.5" />
        </div>
        } else {
        <div class="fields">
            <NumberField id="incident-detect" label="Time to detect (part of the logged time to restore)" kind={Kind::Duration}
                value={s.incidents.time_to_detect_seconds} on_value={on_incident_detect} />
        </div>
        }
    }
}

/// What the incident model spends of the budget.
fn incident_figures(state: &UseReducerHandle<State>) -> Html {
    let inc = &state.report.incidents;
    let spend = &state.report.spend;
    let window = state.scenario.slo_window.name();
    html! {
        <div class="headline">
            <Figure id="incident-downtime-year" value={inc.display.expected_downtime_per_year.clone()}
                label="expected downtime a year"
                why="Incidents a year × (detect + restore) × share of users affected." />
            <Figure id="incident-budget-used" value={inc.display.expected_budget_consumed.clone()}
                label={format!("of the error budget (per {window})")}
                why="Above 100% the incident rate alone breaks the target."
                tone={Some(if inc.meets_target { "good" } else { "bad" })} />
            <Figure id="incidents-affordable" value={inc.display.incidents_fitting_year_budget.clone()}
                label="incidents of this length the yearly budget allows"
                why="How many outages like these fit before the target is missed." />
            <Figure id="incident-max-restore" value={spend.max_time_to_restore_display.clone()}
                label="longest time to restore (detect + recover) per incident that meets the target"
                why={format!("The budget left once the dependencies and failed deployments take their expected share, a year, ÷ (incidents a year × share of users); the same figure in Dependencies and the target measures. Incidents alone (nothing else spending): {}.", inc.display.max_time_to_restore)} />
        </div>
    }
}

/// The incident log, and which of the model's figures it gives.
fn incident_log_fold(state: &UseReducerHandle<State>) -> Html {
    let s = &state.scenario;
    let inc = &state.report.incidents;
    html! {
        <Fold id="incident-log-fold" summary={format!("The incident log: what actually happened ({} logged)", s.incidents.history.len())}>
        <div class="fields">
            { choice_field(state, "model-source", "Incident rate, time to restore and scope", s.incidents.model_source, |x| Action::Incidents(IncidentsAction::ModelSource(x))) }
        </div>
        <p class="convention" id="incident-model-source">
            { "The model's figures: " }{ &inc.model.source }{ "." }
        </p>
            <super::incident_log::IncidentLog state={state.clone()} />
        </Fold>
    }
}

/// How a failed deployment is undone.
fn delivery_more(
    state: &UseReducerHandle<State>,
    [on_delivery_detect, on_delivery_recover, on_delivery_scope, on_lead_time]: [Callback<f64>; 4],
) -> Html {
    let s = &state.scenario;
    let on_restore_by = super::on_select(state, |v| {
        Some(Action::Delivery(DeliveryAction::RestoreBy(
            if v == "fix-forward" {
                RestoreBy::FixForward
            } else {
                RestoreBy::Rollback
            },
        )))
    });
    html! {
        <Fold id="delivery-more" summary="How a failed deployment is undone: detect, roll back, users affected, lead time">
        <div class="fields">
            <NumberField id="deploy-detect" label="Time to detect a failed deployment" kind={Kind::Duration}
                value={s.delivery.time_to_detect_seconds} on_value={on_delivery_detect}
                hint="from the deployment until someone sees it fail" />
            <NumberField id="deploy-recover" label="Time to roll back after detection" kind={Kind::Duration}
                value={s.delivery.time_to_recover_seconds} on_value={on_delivery_recover}
                hint="from then until users are served again" />
            <NumberField id="deploy-scope" label="Users affected by a failed deployment" kind={Kind::Fraction}
                value={s.delivery.scope} on_value={on_delivery_scope}
                hint="all, or only those a canary reaches, e.g. 5%" />
            <NumberField id="lead-time" label="Deployment lead time" kind={Kind::Duration}
                value={s.delivery.deployment_lead_time_seconds} on_value={on_lead_time}
                hint="commit to production: the fastest a fix can ship" />
            <div class="field">
                <label for="restore-by">{ "Failed deployments are undone by" }</label>
                <select id="restore-by" onchange={on_restore_by}>
                    <option value="rollback" selected={s.delivery.restore_by == RestoreBy::Rollback}>{ "rolling back" }</option>
                    <option value="fix-forward" selected={s.delivery.restore_by == RestoreBy::FixForward}>{ "fixing forward" }</option>
                </select>
            </div>
        </div>
        </Fold>
    }
}

/// What failed deployments spend of the budget.
fn delivery_figures(state: &UseReducerHandle<State>) -> Html {
    let del = &state.report.delivery;
    let window = state.scenario.slo_window.name();
    html! {
        <div class="headline">
            <Figure id="release-downtime" value={del.display.release_downtime_per_window.clone()}
                label={format!("expected downtime from releases per {window}")}
                why="Deployments × change failure rate × time to restore × share of users affected." />
            <Figure id="release-budget-used" value={del.display.budget_consumed_by_releases.clone()}
                label="of the error budget"
                why="What failed deployments alone spend of the budget."
                tone={Some(if del.releases_fit_budget { "good" } else { "bad" })} />
            <Figure id="failed-deploys-allowed" value={del.display.whole_failed_deployments_allowed_per_window.clone()}
                label={format!("failed deployments the budget allows per {window}")}
                why="Each one costs its time to restore × share of users." />
            <Figure id="fix-forward-bound" value={del.display.fix_forward_min_restore.clone()}
                label="fastest fix forward (detect + lead time)"
                why="Fixing forward through the pipeline can never restore faster than this." />
        </div>
    }
}
