//! The app state: one core `Scenario`, changed only through [`Action`]s,
//! and the `Report` that `evaluate` computed from it.
//!
//! Plain Rust (no DOM), so the reducer is tested natively. On wasm32 it is
//! also a Yew `Reducible` (the `function_todomvc` pattern in STYLE.md).

use nines_core::quantity::Availability;
use nines_core::scenario::{evaluate, Report, Scenario};
use nines_core::window::{Convention, Period};

/// Every change the UI can make to the scenario.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The availability target.
    SetTarget(Availability),
    /// The calendar convention for months, quarters and years.
    SetConvention(Convention),
    /// Reverse calculation: the downtime, in seconds.
    SetReverseDowntime(f64),
    /// Reverse calculation: the period that downtime is allowed in.
    SetReversePeriod(Period),
}

/// The scenario and its report, always consistent with each other.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub scenario: Scenario,
    pub report: Report,
}

impl State {
    /// The state for a scenario: the report is evaluated once here.
    pub fn new(scenario: Scenario) -> Self {
        let report = evaluate(&scenario);
        Self { scenario, report }
    }

    /// Apply an action, giving the next state.
    pub fn apply(&self, action: Action) -> Self {
        let mut scenario = self.scenario.clone();
        match action {
            Action::SetTarget(a) => scenario.target = a,
            Action::SetConvention(c) => scenario.convention = c,
            Action::SetReverseDowntime(s) => scenario.reverse.downtime_seconds = s,
            Action::SetReversePeriod(p) => scenario.reverse.period = p,
        }
        Self::new(scenario)
    }
}

impl Default for State {
    fn default() -> Self {
        Self::new(Scenario::default())
    }
}

#[cfg(target_arch = "wasm32")]
impl yew::Reducible for State {
    type Action = Action;

    fn reduce(self: std::rc::Rc<Self>, action: Action) -> std::rc::Rc<Self> {
        std::rc::Rc::new(self.apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn setting_the_target_re_evaluates_the_report() {
        let state = State::default();
        let target: Availability = "99.9".parse().unwrap();
        let next = state.apply(Action::SetTarget(target));
        assert_eq!(next.scenario.target, target);
        assert_eq!(next.report, evaluate(&next.scenario));
        assert_ne!(
            next.report, state.report,
            "a new target changes the figures"
        );
    }

    #[test]
    fn every_action_changes_only_its_own_field() {
        let state = State::default();
        let next = state.apply(Action::SetConvention(Convention::SreBook));
        assert_eq!(next.scenario.convention, Convention::SreBook);
        assert_eq!(next.scenario.target, state.scenario.target);
        let next = next.apply(Action::SetReverseDowntime(3600.0));
        assert_eq!(next.scenario.reverse.downtime_seconds, 3600.0);
        let next = next.apply(Action::SetReversePeriod(Period::Week));
        assert_eq!(next.scenario.reverse.period, Period::Week);
        assert_eq!(next.scenario.convention, Convention::SreBook);
        assert_eq!(next.report, evaluate(&next.scenario));
    }
}
