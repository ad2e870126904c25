//! Components render a slice of the core's `Report` and emit actions; none
//! of them computes a figure.

pub mod answers;
pub mod budget;
pub mod chart;
pub mod choice;
pub mod cost;
pub mod custom_alerts;
pub mod dependencies;
pub mod disclosure;
pub mod export;
pub mod field;
pub mod figure;
pub mod import;
pub mod incident_log;
pub mod incidents;
pub mod library;
pub mod measures;
pub mod support;
pub mod table;
pub mod target;

use nines_core::quantity::nearest_round_target;
use yew::prelude::*;

use crate::state::{Action, State, TargetAction};

/// What every section gets: the state (scenario and report) and its dispatcher.
///
/// The derived equality is the one to keep: Yew 0.23's handle compares the
/// states each handle was rendered with, while reading through a handle
/// (`props.state.scenario`) gives the newest state, so a hand-written
/// comparison of `props.state.…` would find every render equal.
#[derive(Properties, PartialEq)]
pub struct SectionProps {
    /// The scenario, its report, and the way to change it.
    pub state: UseReducerHandle<State>,
}

/// A callback that dispatches `make(value)`: what a field gives its parsed
/// value to. It is the same callback on every render, so a field whose value
/// did not change has equal properties and Yew skips it.
#[hook]
pub fn use_on<T: 'static>(state: &UseReducerHandle<State>, make: fn(T) -> Action) -> Callback<T> {
    let made = use_memo(state.dispatcher(), move |d| {
        let d = d.clone();
        Callback::from(move |v| d.dispatch(make(v)))
    });
    (*made).clone()
}

/// A `<select>`'s change handler: its value read by `parse`, dispatched
/// when it names an option (anything else is ignored).
pub fn on_select(
    state: &UseReducerHandle<State>,
    parse: fn(&str) -> Option<Action>,
) -> Callback<Event> {
    let d = state.dispatcher();
    Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        if let Some(action) = parse(&select.value()) {
            d.dispatch(action);
        }
    })
}

/// The range of nines a target picked on a chart snaps within.
pub const PICK_RANGE: (f64, f64) = (0.0, 12.0);

/// Set the target from a number of nines (a chart click, drag or Enter),
/// snapped to the nearest round target (the core's 1-2-5 series: 99%,
/// 99.5%, 99.8%, 99.9%, 99.95%…), so the field and the link get an exact
/// percentage, never `2.505149978319906 nines`.
pub fn on_pick_target(props: &SectionProps) -> Callback<f64> {
    let d = props.state.dispatcher();
    Callback::from(move |nines: f64| {
        let (from, to) = PICK_RANGE;
        if let Some(a) = nearest_round_target(nines, from, to) {
            d.dispatch(Action::Target(TargetAction::Target(a)));
        }
    })
}
