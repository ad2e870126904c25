//! The app state: one core `Scenario`, changed only through [`Action`]s,
//! the `Report` that `evaluate` computed from it, and the [`Page`] around
//! them (notices, the other tab's scenario, the copy status, the embed
//! section and the theme).
//!
//! Plain Rust (no DOM), so the reducer is tested natively. On wasm32 it is
//! also a Yew `Reducible` (the `function_todomvc` pattern in STYLE.md).

use nines_core::amount::{Count, Per, Rate};
use nines_core::budget::BudgetMode;
use nines_core::delivery::{DeliveryInputs, RestoreBy};
use nines_core::quantity::{Availability, Ratio};
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
    /// The page around the scenario (none of it is in the link): dismiss
    /// the notices about the link or the saved scenario.
    DismissNotices,
    /// Another tab saved a different scenario (its link query): ask which
    /// one to keep.
    OtherTabSaved(String),
    /// Take the other tab's scenario.
    AdoptOtherTab,
    /// Keep this tab's scenario (the page writes it over the other's).
    KeepThisTab,
    /// What the last copy to the clipboard did, for the user.
    Copied(String),
    /// The section the embed code is for.
    SetEmbedSection(String),
    /// The theme chosen with the toggle (`light` / `dark`).
    SetTheme(String),
}

/// A change to one dependency.
#[derive(Debug, Clone, PartialEq)]
pub enum DependencyEdit {
    Name(String),
    Availability(Availability),
}

/// The scenario and its report, always consistent with each other, and the
/// page around them.
#[derive(Debug, Clone)]
pub struct State {
    pub scenario: Scenario,
    /// The deployment frequency as a rate (`2 per month`), as typed. The
    /// scenario's delivery inputs hold it as a count and a period in
    /// seconds, read with the scenario's convention; the reducer is the one
    /// place that converts, and it reads a calendar period again when the
    /// convention changes. A scenario from a link or a saved scenario has
    /// its rate rebuilt from those two numbers (a period in seconds); `None`
    /// when they make no rate (a hand-edited link).
    pub deployment_rate: Option<Rate>,
    pub report: Report,
    pub page: Page,
}

/// What the page shows around the scenario: it is not part of the scenario
/// (not in the link, not saved with it), and only the app shell reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// What to tell the user about the link or the saved scenario the page
    /// started from, until dismissed.
    pub notices: Vec<String>,
    /// Another tab saved a different scenario: its link query, until the
    /// user chooses which to keep (this tab does not write over it meanwhile).
    pub other_tab: Option<String>,
    /// What the last "Copy link" or "Copy embed code" did.
    pub copied: Option<String>,
    /// The section the embed code is for (an anchor of `app::SECTIONS`).
    pub embed_section: String,
    /// The theme chosen with the toggle; `None` follows the system.
    pub theme: Option<String>,
}

impl Default for Page {
    fn default() -> Self {
        Page {
            notices: Vec::new(),
            other_tab: None,
            copied: None,
            embed_section: "target".to_string(),
            theme: None,
        }
    }
}

/// States are equal when their scenarios and deployment rates are. The
/// report is evaluated from the scenario ([`State::new`], [`State::apply`]),
/// so comparing it too would only cost time (Yew compares every section's
/// state on every render) and code size. The rate counts because `2 per 30d`
/// and `2 per month` are one scenario in the SRE book's convention, written
/// two ways. The page part is read by the app shell alone, which renders on
/// every new state, so a copy status or a theme never re-renders a section.
impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        self.scenario == other.scenario && self.deployment_rate == other.deployment_rate
    }
}

impl State {
    /// The state for a scenario: the report is evaluated once here.
    pub fn new(scenario: Scenario) -> Self {
        Self::with_page(scenario, Page::default())
    }

    /// The state for a scenario shown on `page`.
    pub fn with_page(scenario: Scenario, page: Page) -> Self {
        let deployment_rate = rate_of(&scenario.delivery);
        Self::evaluated(scenario, deployment_rate, page)
    }

    fn evaluated(scenario: Scenario, deployment_rate: Option<Rate>, page: Page) -> Self {
        let report = evaluate(&scenario, nines_core::budget::STORY_NOW);
        Self {
            scenario,
            deployment_rate,
            report,
            page,
        }
    }

    /// Apply an action, giving the next state.
    pub fn apply(&self, action: Action) -> Self {
        let mut page = self.page.clone();
        let mut s = self.scenario.clone();
        let mut rate = self.deployment_rate;
        // The page's own actions leave the scenario as it is. Its report is
        // evaluated again all the same (about 50 µs in the browser, on a
        // click): a copy of the report would cost more code in the bundle.
        match action {
            Action::DismissNotices => page.notices.clear(),
            Action::OtherTabSaved(theirs) => page.other_tab = Some(theirs),
            Action::KeepThisTab => page.other_tab = None,
            Action::Copied(message) => page.copied = Some(message),
            Action::SetEmbedSection(section) => page.embed_section = section,
            Action::SetTheme(theme) => page.theme = Some(theme),
            Action::AdoptOtherTab => {
                if let Some(theirs) = page.other_tab.take() {
                    s = nines_core::link::decode(&theirs).scenario;
                    rate = rate_of(&s.delivery);
                }
            }
            Action::SetTarget(a) => s.target = a,
            Action::SetConvention(c) => {
                s.convention = c;
                // A month, a quarter or a year is as long as the convention says.
                if let Some(r) = rate.filter(|r| matches!(r.per(), Per::Period(_))) {
                    set_rate(&mut s, r);
                }
            }
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
                rate = Some(r);
                set_rate(&mut s, r);
            }
            Action::SetLeadTime(x) => s.delivery.deployment_lead_time_seconds = x,
            Action::SetChangeFailureRate(x) => s.delivery.change_failure_rate = x,
            Action::SetDeliveryDetect(x) => s.delivery.time_to_detect_seconds = x,
            Action::SetDeliveryRecover(x) => s.delivery.time_to_recover_seconds = x,
            Action::SetDeliveryScope(x) => s.delivery.scope = x,
            Action::SetRestoreBy(r) => s.delivery.restore_by = r,
            Action::EditDependency { item, member, edit } => {
                if let Some(c) = s.dependencies.component_mut(item, member) {
                    match edit {
                        DependencyEdit::Name(n) => c.name = n,
                        DependencyEdit::Availability(a) => c.unavailability = a.unavailability(),
                    }
                }
            }
            Action::AddDependency => s.dependencies.add(),
            Action::RemoveDependency { item, member } => s.dependencies.remove(item, member),
            Action::AddRedundantCopy { item } => s.dependencies.add_redundant_copy(item),
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
            Action::Replace(scenario) => {
                s = *scenario;
                rate = rate_of(&s.delivery);
            }
        }
        Self::evaluated(s, rate, page)
    }
}

/// The deployment rate a scenario's delivery inputs hold: their count per
/// their period in seconds; `None` when the two make no rate.
fn rate_of(d: &DeliveryInputs) -> Option<Rate> {
    Rate::new(
        Count::from_f64(d.deployments)?,
        Per::Seconds(Ratio::from_f64(d.deployment_period_seconds)?),
    )
}

/// Write a deployment rate into the scenario: its count, and its period in
/// seconds under the scenario's convention.
fn set_rate(s: &mut Scenario, rate: Rate) {
    s.delivery.deployments = rate.count().to_f64();
    s.delivery.deployment_period_seconds = rate.per().seconds(s.convention).to_f64();
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
    use nines_core::dependency::Composition;

    #[test]
    fn the_pages_own_actions_leave_the_scenario_and_its_report() {
        let mut state = State::default();
        state.page.notices = vec!["Your saved scenario: target was not read".into()];
        let next = state
            .apply(Action::Copied("Link copied".into()))
            .apply(Action::SetEmbedSection("cost".into()))
            .apply(Action::SetTheme("dark".into()))
            .apply(Action::DismissNotices);
        assert_eq!(
            next.page,
            Page {
                notices: Vec::new(),
                other_tab: None,
                copied: Some("Link copied".into()),
                embed_section: "cost".into(),
                theme: Some("dark".into()),
            }
        );
        assert_eq!(next.scenario, state.scenario);
        assert_eq!(next.report, state.report);
        // What the sections compare: a page change is no change to them.
        assert!(next == state);
    }

    #[test]
    fn the_other_tabs_scenario_is_adopted_or_set_aside() {
        // The other tab saved a 99.9% target (link key `target`).
        let asked = State::default().apply(Action::OtherTabSaved("target=99.9".into()));
        assert_eq!(asked.page.other_tab.as_deref(), Some("target=99.9"));
        assert_eq!(asked.scenario, State::default().scenario);

        let adopted = asked.apply(Action::AdoptOtherTab);
        let target: Availability = "99.9".parse().unwrap();
        assert_eq!(adopted.scenario.target, target);
        assert_eq!(adopted.page.other_tab, None);
        assert_eq!(
            adopted.report,
            evaluate(&adopted.scenario, nines_core::budget::STORY_NOW)
        );

        let kept = asked.apply(Action::KeepThisTab);
        assert_eq!(kept.page.other_tab, None);
        assert_eq!(kept.scenario, asked.scenario);
        // Nothing to adopt: nothing changes.
        let same = kept.apply(Action::AdoptOtherTab);
        assert_eq!(same.scenario, kept.scenario);
    }

    #[test]
    fn a_new_scenario_keeps_the_page() {
        let state = State::default().apply(Action::SetTheme("light".into()));
        let next = state.apply(Action::SetConvention(Convention::SreBook));
        assert_eq!(next.page.theme.as_deref(), Some("light"));
        assert_eq!(next.page.embed_section, "target");
    }

    #[test]
    fn setting_the_target_re_evaluates_the_report() {
        let state = State::default();
        let target: Availability = "99.9".parse().unwrap();
        let next = state.apply(Action::SetTarget(target));
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
        let next = state.apply(Action::SetConvention(Convention::SreBook));
        assert_eq!(next.scenario.convention, Convention::SreBook);
        assert_eq!(next.scenario.target, state.scenario.target);
        let next = next.apply(Action::SetReverseDowntime(3600.0));
        assert_eq!(next.scenario.reverse.downtime_seconds, 3600.0);
        let next = next.apply(Action::SetReversePeriod(Period::Week));
        assert_eq!(next.scenario.reverse.period, Period::Week);
        assert_eq!(next.scenario.convention, Convention::SreBook);
        assert_eq!(
            next.report,
            evaluate(&next.scenario, nines_core::budget::STORY_NOW)
        );
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
    fn a_calendar_rate_follows_a_change_of_convention() {
        let rate = Rate::parse("2 per month").unwrap();
        let state = State::default()
            .apply(Action::SetConvention(Convention::SreBook))
            .apply(Action::SetDeploymentRate(rate));
        assert_eq!(
            state.scenario.delivery.deployment_period_seconds,
            2_592_000.0
        );
        // The Gregorian mean month: 365.2425 × 86 400 / 12 = 2 629 746 s.
        let next = state.apply(Action::SetConvention(Convention::GregorianMean));
        assert_eq!(
            next.scenario.delivery.deployment_period_seconds,
            2_629_746.0
        );
        assert_eq!(next.scenario.delivery.deployments, 2.0);
        assert_eq!(next.deployment_rate, Some(rate));
        assert_eq!(
            next.report,
            evaluate(&next.scenario, nines_core::budget::STORY_NOW)
        );
    }

    #[test]
    fn a_fixed_rate_is_kept_as_typed_and_left_alone_by_the_convention() {
        // 3 per 28 days: 28 × 86 400 = 2 419 200 s in every convention.
        let rate = Rate::parse("3 per 28d").unwrap();
        let state = State::default().apply(Action::SetDeploymentRate(rate));
        let next = state.apply(Action::SetConvention(Convention::SreBook));
        assert_eq!(next.deployment_rate, Some(rate));
        assert_eq!(next.scenario.delivery.deployments, 3.0);
        assert_eq!(
            next.scenario.delivery.deployment_period_seconds,
            2_419_200.0
        );
    }

    #[test]
    fn a_scenario_from_a_link_has_its_rate_rebuilt_from_count_and_period() {
        // The default story: 10 deployments per 7 × 86 400 = 604 800 s, a week.
        let state = State::default();
        assert_eq!(state.deployment_rate, Rate::parse("10 per week").ok());
        let mut theirs = Scenario::default();
        theirs.delivery.deployments = 5.0;
        theirs.delivery.deployment_period_seconds = 86_400.0;
        let next = state.apply(Action::Replace(Box::new(theirs.clone())));
        assert_eq!(next.deployment_rate, Rate::parse("5 per day").ok());
        // A negative count makes no rate; the scenario keeps it as it is.
        theirs.delivery.deployments = -1.0;
        let odd = next.apply(Action::Replace(Box::new(theirs)));
        assert_eq!(odd.deployment_rate, None);
        assert_eq!(odd.scenario.delivery.deployments, -1.0);
        // Two ways to write one scenario are two states (the field differs).
        let sre = State::default().apply(Action::SetConvention(Convention::SreBook));
        let days = sre.apply(Action::SetDeploymentRate(Rate::parse("2 per 30d").unwrap()));
        let month = sre.apply(Action::SetDeploymentRate(
            Rate::parse("2 per month").unwrap(),
        ));
        assert_eq!(days.scenario, month.scenario);
        assert!(days != month);
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
