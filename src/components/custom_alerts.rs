//! The rows of a custom alert policy (issue 15 §3): each alert a line a
//! person types (`page 2% 1h 5m`: severity, budget fraction consumed within
//! the long window, long window, short window), read by the core; add and
//! remove. The table, warnings and exports are the presets' own.

use nines_core::alerts::BurnAlert;
use yew::prelude::*;

use super::field::{commit, TextField};
use crate::state::{Action, State};

#[derive(Properties, PartialEq)]
struct RowProps {
    dispatch: UseReducerDispatcher<State>,
    index: usize,
    text: AttrValue,
}

/// One alert's field and its remove button; its callbacks are made once, so
/// Yew skips the rows an edit leaves unchanged.
#[function_component(CustomAlertRow)]
fn custom_alert_row(props: &RowProps) -> Html {
    let deps = (props.dispatch.clone(), props.index);
    let on_commit = use_memo(deps.clone(), |(d, index)| {
        let (d, index) = (d.clone(), *index);
        commit(str::parse::<BurnAlert>, move |alert| {
            d.dispatch(Action::SetCustomAlert { index, alert })
        })
    });
    let remove = use_memo(deps, |(d, index)| {
        let (d, index) = (d.clone(), *index);
        Callback::from(move |_: MouseEvent| d.dispatch(Action::RemoveCustomAlert(index)))
    });
    let n = props.index + 1;
    html! {
        <li class="dep-row">
            <TextField id={format!("custom-alert-{}", props.index)} label={format!("Alert {n}")}
                value={props.text.clone()} on_commit={(*on_commit).clone()}
                hint="severity, budget fraction, long window, short window: page 2% 1h 5m" />
            <div class="dep-actions">
                <button type="button" onclick={(*remove).clone()} aria-label={format!("Remove alert {n}")}>{ "Remove" }</button>
            </div>
        </li>
    }
}

/// The custom policy's rows, in their own list (a list whose length changes
/// must not share a parent with the fields above it: Yew would rebuild them).
pub fn custom_alerts(state: &UseReducerHandle<State>) -> Html {
    let d = state.dispatcher();
    let add = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::AddCustomAlert))
    };
    html! {
        <div class="custom-alerts">
            <ul class="dep-list" id="custom-alerts" aria-label="Custom alerts">
                { for state.scenario.alerts.custom.iter().enumerate().map(|(index, a)| html! {
                    <CustomAlertRow key={index} dispatch={d.clone()} {index} text={a.to_string()} />
                }) }
            </ul>
            <button type="button" id="add-custom-alert" onclick={add}>{ "Add an alert" }</button>
        </div>
    }
}
