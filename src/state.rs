//! The app state: one core `Scenario`, changed only through [`Action`]s,
//! and the `Report` that `evaluate` computed from it.
//!
//! Plain Rust (no DOM), so the reducer is tested natively. On wasm32 it is
//! also a Yew `Reducible` (the `function_todomvc` pattern in STYLE.md).

use nines_core::amount::Rate;
use nines_core::budget::BudgetMode;
use nines_core::delivery::RestoreBy;
use nines_core::dependency::Composition;
use nines_core::quantity::Availability;
use nines_core::scenario::{evaluate, PolicyChoice, Report, Scenario};
use nines_core::support::TrafficCriticality;
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
    /// The SLO window every budget is measured over.
    SetSloWindow(Period),
    /// Error budget: how it is counted, traffic, what is spent so far.
    SetBudgetMode(BudgetMode),
    SetTraffic(Rate),
    SetBadEvents(f64),
    SetBadSeconds(f64),
    SetElapsed(f64),
    /// Alerts: the policy, and the error ratio to evaluate it at.
    SetPolicy(PolicyChoice),
    SetErrorRatio(f64),
    /// Incidents: rate, times (seconds) and scope (fraction).
    SetIncidentsPerYear(f64),
    SetIncidentDetect(f64),
    SetIncidentRecover(f64),
    SetIncidentScope(f64),
    /// Delivery: deployments per period (a month or a year is read with
    /// the scenario's calendar convention).
    SetDeploymentRate(Rate),
    SetLeadTime(f64),
    SetChangeFailureRate(f64),
    SetDeliveryDetect(f64),
    SetDeliveryRecover(f64),
    SetDeliveryScope(f64),
    SetRestoreBy(RestoreBy),
    /// Dependencies: edit, add, remove; `member` addresses a component
    /// inside a redundant group.
    EditDependency {
        item: usize,
        member: Option<usize>,
        edit: DependencyEdit,
    },
    AddDependency,
    RemoveDependency {
        item: usize,
        member: Option<usize>,
    },
    AddRedundantCopy {
        item: usize,
    },
    SetOutagesPerYear(f64),
    /// Cost per nine (money per year, fractions, nines).
    SetRevenue(f64),
    SetImpact(f64),
    SetReferenceCost(f64),
    SetReferenceNines(f64),
    SetCostFactor(f64),
    SetTolerableLoss(f64),
    /// Who runs it.
    SetCriticality(TrafficCriticality),
    SetTeams(u32),
    SetStandbyRate(f64),
    SetCalloutRate(f64),
    SetOnCallIncidents(f64),
    /// Replace the whole scenario (a shared link, a saved scenario).
    Replace(Box<Scenario>),
}

/// A change to one dependency.
#[derive(Debug, Clone, PartialEq)]
pub enum DependencyEdit {
    Name(String),
    Availability(Availability),
}

/// The scenario and its report, always consistent with each other.
#[derive(Debug, Clone)]
pub struct State {
    pub scenario: Scenario,
    pub report: Report,
}

/// States are equal when their scenarios are: the report is evaluated from
/// the scenario ([`State::new`], [`State::apply`]), so comparing it too would
/// only cost time (Yew compares every section's state on every render) and
/// code size.
impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        self.scenario == other.scenario
    }
}

impl State {
    /// The state for a scenario: the report is evaluated once here.
    pub fn new(scenario: Scenario) -> Self {
        let report = evaluate(&scenario);
        Self { scenario, report }
    }

    /// Apply an action, giving the next state.
    pub fn apply(&self, action: Action) -> Self {
        let mut s = self.scenario.clone();
        match action {
            Action::SetTarget(a) => s.target = a,
            Action::SetConvention(c) => s.convention = c,
            Action::SetReverseDowntime(x) => s.reverse.downtime_seconds = x,
            Action::SetReversePeriod(p) => s.reverse.period = p,
            Action::SetSloWindow(p) => s.slo_window = p,
            Action::SetBudgetMode(m) => s.budget.mode = m,
            Action::SetTraffic(r) => s.budget.traffic = r,
            Action::SetBadEvents(x) => s.budget.bad_events = x,
            Action::SetBadSeconds(x) => s.budget.bad_seconds = x,
            Action::SetElapsed(x) => s.budget.elapsed_seconds = x,
            Action::SetPolicy(p) => s.alerts.policy = p,
            Action::SetErrorRatio(x) => s.alerts.error_ratio = x,
            Action::SetIncidentsPerYear(x) => s.incidents.incidents_per_year = x,
            Action::SetIncidentDetect(x) => s.incidents.time_to_detect_seconds = x,
            Action::SetIncidentRecover(x) => s.incidents.time_to_recover_seconds = x,
            Action::SetIncidentScope(x) => s.incidents.scope = x,
            Action::SetDeploymentRate(r) => {
                s.delivery.deployments = r.count().to_f64();
                s.delivery.deployment_period_seconds = r.per().seconds(s.convention).to_f64();
            }
            Action::SetLeadTime(x) => s.delivery.deployment_lead_time_seconds = x,
            Action::SetChangeFailureRate(x) => s.delivery.change_failure_rate = x,
            Action::SetDeliveryDetect(x) => s.delivery.time_to_detect_seconds = x,
            Action::SetDeliveryRecover(x) => s.delivery.time_to_recover_seconds = x,
            Action::SetDeliveryScope(x) => s.delivery.scope = x,
            Action::SetRestoreBy(r) => s.delivery.restore_by = r,
            Action::EditDependency { item, member, edit } => {
                if let Some(Composition::Component(c)) =
                    dependency_mut(&mut s.dependencies.dependencies, item, member)
                {
                    match edit {
                        DependencyEdit::Name(n) => c.name = n,
                        DependencyEdit::Availability(a) => c.unavailability = a.unavailability(),
                    }
                }
            }
            Action::AddDependency => {
                let n = s.dependencies.dependencies.len() + 1;
                s.dependencies
                    .dependencies
                    .push(Composition::component(format!("dependency {n}"), 0.0001));
            }
            Action::RemoveDependency { item, member } => {
                let deps = &mut s.dependencies.dependencies;
                match (member, deps.get_mut(item)) {
                    (None, Some(_)) => {
                        deps.remove(item);
                    }
                    (Some(m), Some(group)) => {
                        if let Some(members) = members_mut(group) {
                            if m < members.len() {
                                members.remove(m);
                            }
                            // A group of one is just that component.
                            if members.len() == 1 {
                                let only = members.remove(0);
                                *group = only;
                            } else if let Composition::KOfN { k, of } = group {
                                *k = (*k).min(of.len()).max(1);
                            }
                        }
                    }
                    _ => {}
                }
            }
            Action::AddRedundantCopy { item } => {
                if let Some(dep) = s.dependencies.dependencies.get_mut(item) {
                    match dep {
                        Composition::Parallel(of) | Composition::KOfN { of, .. } => {
                            if let Some(copy) = of.last().cloned() {
                                of.push(copy);
                            }
                        }
                        other => {
                            let copy = other.clone();
                            *other = Composition::Parallel(vec![copy.clone(), copy]);
                        }
                    }
                }
            }
            Action::SetOutagesPerYear(x) => s.dependencies.outages_per_year = x,
            Action::SetRevenue(x) => s.cost.model.revenue_per_year = x,
            Action::SetImpact(x) => s.cost.model.impact_fraction = x,
            Action::SetReferenceCost(x) => s.cost.model.reference_cost_per_year = x,
            Action::SetReferenceNines(x) => s.cost.model.reference_nines = x,
            Action::SetCostFactor(x) => s.cost.model.cost_factor_per_nine = x,
            Action::SetTolerableLoss(x) => s.cost.tolerable_loss_per_year = x,
            Action::SetCriticality(c) => s.support.criticality = c,
            Action::SetTeams(n) => s.support.on_call.teams = n,
            Action::SetStandbyRate(x) => s.support.on_call.standby_rate_per_hour = x,
            Action::SetCalloutRate(x) => s.support.on_call.callout_rate = x,
            Action::SetOnCallIncidents(x) => s.support.on_call.incidents_per_year = x,
            Action::Replace(scenario) => s = *scenario,
        }
        Self::new(s)
    }
}

/// The members of a redundant group.
fn members_mut(c: &mut Composition) -> Option<&mut Vec<Composition>> {
    match c {
        Composition::Parallel(of) | Composition::KOfN { of, .. } | Composition::Serial(of) => {
            Some(of)
        }
        Composition::Component(_) => None,
    }
}

/// The dependency at `item`, or the member `member` of the group at `item`.
fn dependency_mut(
    deps: &mut [Composition],
    item: usize,
    member: Option<usize>,
) -> Option<&mut Composition> {
    let top = deps.get_mut(item)?;
    match member {
        None => Some(top),
        Some(m) => members_mut(top)?.get_mut(m),
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

    #[test]
    fn a_deployment_rate_per_month_is_read_with_the_scenarios_convention() {
        // A month is 30 days in the SRE book's convention and 365.2425 / 12
        // = 30.436875 days in the Gregorian mean (uptime.is).
        let rate = Rate::parse("2 per month").unwrap();
        for (convention, month_days) in [
            (Convention::SreBook, 30.0),
            (Convention::GregorianMean, 30.436875),
        ] {
            let state = State::default().apply(Action::SetConvention(convention));
            let next = state.apply(Action::SetDeploymentRate(rate));
            assert_eq!(next.scenario.delivery.deployments, 2.0);
            let seconds = next.scenario.delivery.deployment_period_seconds;
            assert!((seconds - month_days * 86_400.0).abs() < 1e-6, "{seconds}");
        }
    }

    #[test]
    fn dependencies_can_be_edited_grouped_and_removed() {
        let state = State::default();
        let before = state.scenario.dependencies.dependencies.len();
        let next = state.apply(Action::AddDependency);
        assert_eq!(next.scenario.dependencies.dependencies.len(), before + 1);
        let last = before;
        let a: Availability = "99.9".parse().unwrap();
        let next = next.apply(Action::EditDependency {
            item: last,
            member: None,
            edit: DependencyEdit::Availability(a),
        });
        let next = next.apply(Action::AddRedundantCopy { item: last });
        match &next.scenario.dependencies.dependencies[last] {
            Composition::Parallel(of) => {
                assert_eq!(of.len(), 2);
                assert_eq!(of[1].unavailability().unwrap(), a.unavailability());
            }
            other => panic!("expected a redundant pair, got {other:?}"),
        }
        // Removing one member of a pair leaves the plain component.
        let next = next.apply(Action::RemoveDependency {
            item: last,
            member: Some(0),
        });
        assert!(matches!(
            next.scenario.dependencies.dependencies[last],
            Composition::Component(_)
        ));
        let next = next.apply(Action::RemoveDependency {
            item: last,
            member: None,
        });
        assert_eq!(next.scenario.dependencies.dependencies.len(), before);
        // Out-of-range edits change nothing.
        let same = next.apply(Action::RemoveDependency {
            item: 99,
            member: Some(3),
        });
        assert_eq!(same.scenario, next.scenario);
    }
}
