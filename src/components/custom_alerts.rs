//! The rows of a custom alert policy: each alert a line a
//! person types, read by the core, stated by budget spent (`page 2% 1h 5m`:
//! severity, budget fraction consumed within the long window, long window,
//! short window) or by time to exhaustion (`page exhausts 50h 1h 5m`: the
//! budget would run out in 50h at the alerting burn rate); a select per row
//! restates it the other way; add and remove. The table, warnings and
//! exports are the presets' own.

use nines_core::alerts::BurnAlert;
use nines_core::bounds::List;
use yew::prelude::*;

use super::field::{commit, TextField};
use crate::state::{Action, AlertsAction, State};

#[derive(Properties, PartialEq)]
struct RowProps {
    dispatch: UseReducerDispatcher<State>,
    index: usize,
    alert: BurnAlert,
}

/// One alert's field and its remove button; its callbacks are made once, so
/// Yew skips the rows an edit leaves unchanged.
#[function_component(CustomAlertRow)]
fn custom_alert_row(props: &RowProps) -> Html {
    let deps = (props.dispatch.clone(), props.index);
    let on_commit = use_memo(deps.clone(), |(d, index)| {
        let (d, index) = (d.clone(), *index);
        commit(str::parse::<BurnAlert>, move |alert| {
            d.dispatch(Action::Alerts(AlertsAction::CustomRow { index, alert }))
        })
    });
    let by_time = props.alert.exhaustion_seconds.is_some();
    let restate = {
        let (d, index, alert) = (props.dispatch.clone(), props.index, props.alert);
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let restated = alert.restated(select.value() == "exhaustion");
            if restated == alert {
                // Not restatable (a fraction above 100%): the select shows the row's form.
                select.set_value(if by_time { "exhaustion" } else { "fraction" });
            } else {
                d.dispatch(Action::Alerts(AlertsAction::CustomRow {
                    index,
                    alert: restated,
                }))
            }
        })
    };
    let remove = use_memo(deps, |(d, index)| {
        let (d, index) = (d.clone(), *index);
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::Alerts(AlertsAction::RemoveCustomRow(index)))
        })
    });
    let n = props.index + 1;
    let form_id = format!("custom-alert-{}-form", props.index);
    let hint = if by_time {
        "severity, exhausts, time to exhaustion, long window, short window: page exhausts 50h 1h 5m"
    } else {
        "severity, budget fraction, long window, short window: page 2% 1h 5m"
    };
    html! {
        <li class="dep-row">
            <div class="field">
                <label for={form_id.clone()}>{ format!("Alert {n} threshold") }</label>
                <select id={form_id} onchange={restate}>
                    <option value="fraction" selected={!by_time}>{ "by budget spent" }</option>
                    <option value="exhaustion" selected={by_time}>{ "by time to exhaustion" }</option>
                </select>
            </div>
            <TextField id={format!("custom-alert-{}", props.index)} label={format!("Alert {n}")}
                value={AttrValue::from(props.alert.to_string())} on_commit={(*on_commit).clone()}
                {hint} />
            <div class="dep-actions">
                <button type="button" onclick={(*remove).clone()} aria-label={format!("Remove alert {n}")}>{ "Remove" }</button>
            </div>
        </li>
    }
}

/// The custom policy's rows, in their own list (a list whose length changes
/// must not share a parent with the fields above it: Yew would rebuild them).
/// At the bound the add button is disabled and says why.
pub fn custom_alerts(state: &UseReducerHandle<State>) -> Html {
    let d = state.dispatcher();
    let add = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Alerts(AlertsAction::AddCustomRow)))
    };
    let full = List::CustomAlerts.room(state.scenario.alerts.custom.len()) == 0;
    html! {
        <div class="custom-alerts">
            <ul class="dep-list" id="custom-alerts" aria-label="Custom alerts">
                { for state.scenario.alerts.custom.iter().enumerate().map(|(index, a)| html! {
                    <CustomAlertRow key={index} dispatch={d.clone()} {index} alert={*a} />
                }) }
            </ul>
            <button type="button" id="add-custom-alert" onclick={add} disabled={full}
                aria-describedby={full.then_some(AttrValue::Static("custom-alerts-limit"))}>{ "Add an alert" }</button>
            if full {
                <p class="hint" id="custom-alerts-limit">{ List::CustomAlerts.hint() }</p>
            }
        </div>
    }
}
