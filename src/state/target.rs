//! The target chapter: the availability target, the calendar, when
//! downtime counts, and the reverse calculation.

use nines_core::clock::UtcOffset;
use nines_core::quantity::Availability;
use nines_core::scenario::Scenario;
use nines_core::window::{Convention, Maintenance, Period, PlannedMaintenance, ServiceHours};

/// A change to the target chapter.
#[derive(Debug, Clone, PartialEq)]
pub enum TargetAction {
    /// The availability target.
    Target(Availability),
    /// The calendar convention for months, quarters and years.
    Convention(Convention),
    /// When downtime counts, and planned maintenance.
    ServiceHours(ServiceHours),
    Maintenance(PlannedMaintenance),
    MaintenanceTreatment(Maintenance),
    /// Reverse calculation: the downtime, in seconds.
    ReverseDowntime(f64),
    /// Reverse calculation: the period that downtime is allowed in.
    ReversePeriod(Period),
}

impl TargetAction {
    /// Apply the change to the scenario: service hours reach into the
    /// budget's UTC offset, so this takes the whole scenario.
    pub fn apply(self, s: &mut Scenario) {
        match self {
            Self::Target(a) => s.target = a,
            Self::Convention(c) => s.convention = c,
            Self::ServiceHours(h) => {
                // Hours are meant in the reader's zone unless one was set.
                if s.service_hours.is_always()
                    && !h.is_always()
                    && s.budget.utc_offset == UtcOffset::UTC
                {
                    s.budget.utc_offset = super::local_offset();
                }
                s.service_hours = h;
            }
            Self::Maintenance(m) => s.maintenance = m,
            Self::MaintenanceTreatment(t) => s.maintenance.treatment = t,
            Self::ReverseDowntime(x) => s.reverse.downtime_seconds = x,
            Self::ReversePeriod(p) => s.reverse.period = p,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::*;

    #[test]
    fn setting_the_target_re_evaluates_the_report() {
        let state = State::default();
        let target: Availability = "99.9".parse().unwrap();
        let next = state.apply(Action::Target(TargetAction::Target(target)));
        assert_eq!(next.scenario.target, target);
        assert_eq!(
            next.report,
            evaluate(&next.scenario, nines_core::budget::STORY_NOW)
        );
        assert_ne!(
            next.report, state.report,
            "a new target changes the figures"
        );
    }

    #[test]
    fn every_action_changes_only_its_own_field() {
        let state = State::default();
        let next = state.apply(Action::Target(TargetAction::Convention(
            Convention::SreBook,
        )));
        assert_eq!(next.scenario.convention, Convention::SreBook);
        assert_eq!(next.scenario.target, state.scenario.target);
        let next = next.apply(Action::Target(TargetAction::ReverseDowntime(3600.0)));
        assert_eq!(next.scenario.reverse.downtime_seconds, 3600.0);
        let next = next.apply(Action::Target(TargetAction::ReversePeriod(Period::Week)));
        assert_eq!(next.scenario.reverse.period, Period::Week);
        assert_eq!(next.scenario.convention, Convention::SreBook);
        assert_eq!(
            next.report,
            evaluate(&next.scenario, nines_core::budget::STORY_NOW)
        );
    }
}
