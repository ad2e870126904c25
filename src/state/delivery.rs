//! The delivery chapter: deployments and what a failed change costs.

use nines_core::amount::Rate;
use nines_core::delivery::{DeliveryInputs, RestoreBy};

/// A change to the delivery chapter.
#[derive(Debug, Clone, PartialEq)]
pub enum DeliveryAction {
    /// Deployments per period (a month or a year is read with the
    /// scenario's calendar convention).
    DeploymentRate(Rate),
    LeadTime(f64),
    ChangeFailureRate(f64),
    Detect(f64),
    Recover(f64),
    Scope(f64),
    RestoreBy(RestoreBy),
}

impl DeliveryAction {
    /// Apply the change to the scenario's delivery.
    pub fn apply(self, d: &mut DeliveryInputs) {
        match self {
            Self::DeploymentRate(r) => d.deployment_frequency = r,
            Self::LeadTime(x) => d.deployment_lead_time_seconds = x,
            Self::ChangeFailureRate(x) => d.change_failure_rate = x,
            Self::Detect(x) => d.time_to_detect_seconds = x,
            Self::Recover(x) => d.time_to_recover_seconds = x,
            Self::Scope(x) => d.scope = x,
            Self::RestoreBy(r) => d.restore_by = r,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::*;
    use nines_core::window::Convention;

    #[test]
    fn a_deployment_rate_is_kept_as_typed_and_read_with_the_convention() {
        // A month is 30 days in the SRE book's convention and 365.2425 / 12
        // = 30.436875 days in the Gregorian mean (uptime.is): 2 a month is
        // 2 × 7 / 30 = 0.4667 or 2 × 7 / 30.436875 = 0.45997 a week.
        let rate = Rate::parse("2 per month").unwrap();
        let state = State::default()
            .apply(Action::Target(TargetAction::Convention(
                Convention::SreBook,
            )))
            .apply(Action::Delivery(DeliveryAction::DeploymentRate(rate)));
        assert_eq!(state.scenario.delivery.deployment_frequency, rate);
        let week = |s: &State| s.report.delivery.targets.deployments_per_week;
        assert!((week(&state) - 14.0 / 30.0).abs() < 1e-12);
        // A change of convention keeps the rate and reads its month again.
        let next = state.apply(Action::Target(TargetAction::Convention(
            Convention::GregorianMean,
        )));
        assert_eq!(next.scenario.delivery.deployment_frequency, rate);
        assert!((week(&next) - 14.0 / 30.436875).abs() < 1e-12);
        assert_eq!(
            next.report,
            evaluate(&next.scenario, nines_core::budget::STORY_NOW)
        );
        // So does a reload: the link keeps "2 per month", not its seconds.
        let back = State::new(
            nines_core::link::decode(&nines_core::link::encode(&next.scenario)).scenario,
        );
        assert_eq!(back.scenario.delivery.deployment_frequency, rate);
        assert!(back == next);
    }

    #[test]
    fn a_fixed_rate_is_left_alone_by_the_convention() {
        // 3 per 28 days: 3 × 7 / 28 = 0.75 a week in every convention.
        let rate = Rate::parse("3 per 28d").unwrap();
        let state = State::default().apply(Action::Delivery(DeliveryAction::DeploymentRate(rate)));
        let next = state.apply(Action::Target(TargetAction::Convention(
            Convention::SreBook,
        )));
        assert_eq!(next.scenario.delivery.deployment_frequency, rate);
        assert_eq!(next.report.delivery.targets.deployments_per_week, 0.75);
        // `2 per 30d` and `2 per month` are two scenarios: a change of
        // convention would tell them apart.
        let days = next.apply(Action::Delivery(DeliveryAction::DeploymentRate(
            Rate::parse("2 per 30d").unwrap(),
        )));
        let month = next.apply(Action::Delivery(DeliveryAction::DeploymentRate(
            Rate::parse("2 per month").unwrap(),
        )));
        assert!(days != month);
    }
}
