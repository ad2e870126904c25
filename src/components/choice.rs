//! One labelled `<select>` for every input picked from a list (the core's
//! [`Choice`]): the calendar convention, how the budget is counted, the
//! alert policy, how failed deployments are undone, traffic criticality.

use nines_core::choice::Choice;
use yew::prelude::*;

use crate::state::{Action, State};

/// The field: `label`, then a select of `T`'s options in the core's order
/// with `value` selected; picking one dispatches `action(option)`.
pub fn choice_field<T: Choice>(
    state: &UseReducerHandle<State>,
    id: &'static str,
    label: &'static str,
    value: T,
    action: fn(T) -> Action,
) -> Html {
    let d = state.dispatcher();
    let onchange = Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        if let Some(choice) = T::from_id(&select.value()) {
            d.dispatch(action(choice));
        }
    });
    html! {
        <div class="field">
            <label for={id}>{ label }</label>
            <select {id} {onchange}>
                { for T::OPTIONS.iter().map(|c| html! {
                    <option value={c.choice_id()} selected={*c == value}>{ c.choice_label() }</option>
                }) }
            </select>
        </div>
    }
}
