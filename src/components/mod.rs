//! Components render a slice of the core's `Report` and emit actions; none
//! of them computes a figure.

pub mod budget;
pub mod chart;
pub mod cost;
pub mod dependencies;
pub mod export;
pub mod field;
pub mod figure;
pub mod incidents;
pub mod library;
pub mod measures;
pub mod support;
pub mod target;

use yew::prelude::*;

use crate::state::State;

/// What every section gets: the state (scenario and report) and its dispatcher.
#[derive(Properties, PartialEq)]
pub struct SectionProps {
    /// The scenario, its report, and the way to change it.
    pub state: UseReducerHandle<State>,
}
