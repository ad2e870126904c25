//! One labelled `<select>` for every input picked from a list (the core's
//! [`Choice`]): the calendar convention, how the budget is counted, the
//! alert policy, how failed deployments are undone, traffic criticality.

use nines_core::choice::Choice;
use yew::prelude::*;

use crate::state::{Action, State};

/// The field: `label`, then a select of `T`'s options in the core's order
/// with `value` selected; picking one dispatches `action(option)`.
///
/// Only the option list and the id-to-action step depend on `T`; the
/// markup is built once, by [`select_field`], not once per choice type
/// (each copy of it costs the page's module several kilobytes).
pub fn choice_field<T: Choice>(
    state: &UseReducerHandle<State>,
    id: &'static str,
    label: &'static str,
    value: T,
    action: fn(T) -> Action,
) -> Html {
    let d = state.dispatcher();
    let pick = Callback::from(move |choice: String| {
        if let Some(choice) = T::from_id(&choice) {
            d.dispatch(action(choice));
        }
    });
    let options: Vec<(&'static str, &'static str)> = T::OPTIONS
        .iter()
        .map(|c| (c.choice_id(), c.choice_label()))
        .collect();
    select_field(id, label, &options, value.choice_id(), pick)
}

/// A labelled select of `options` (id, label) with `selected` chosen;
/// `pick` gets the id picked.
fn select_field(
    id: &'static str,
    label: &'static str,
    options: &[(&'static str, &'static str)],
    selected: &'static str,
    pick: Callback<String>,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        pick.emit(select.value());
    });
    html! {
        <div class="field">
            <label for={id}>{ label }</label>
            <select {id} {onchange}>
                { for options.iter().map(|(value, text)| html! {
                    <option value={*value} selected={*value == selected}>{ *text }</option>
                }) }
            </select>
        </div>
    }
}
