//! The app state: one core `Scenario`, changed only through [`Action`]s,
//! the `Report` that `evaluate` computed from it, and the [`Page`] around
//! them (notices, the other tab's scenario, the copy status, the embed
//! section and the theme).
//!
//! An action is its chapter's: each chapter's actions, and the `apply` that
//! changes the scenario's part for them, are in a file of their own (named
//! after the chapter); [`State::apply`] hands an action to its chapter and
//! evaluates the report again.
//!
//! Plain Rust (no DOM), so the reducer is tested natively. On wasm32 it is
//! also a Yew `Reducible` (the `function_todomvc` pattern: docs/DOMAIN.md §9).

mod alerts;
mod budget;
mod cost;
mod delivery;
mod dependencies;
mod incidents;
mod page;
mod production;
mod support;
mod target;

pub use alerts::AlertsAction;
pub use budget::BudgetAction;
pub use cost::CostAction;
pub use delivery::DeliveryAction;
pub use dependencies::{DependenciesAction, DependencyEdit};
pub use incidents::{IncidentEdit, IncidentsAction};
pub use page::{Page, PageAction};
pub use production::{PolicyEdit, ProductionAction};
pub use support::SupportAction;
pub use target::TargetAction;

use nines_core::clock::{DateTime, Utc, UtcOffset};
use nines_core::scenario::{evaluate, Report, Scenario};

/// Every change the UI can make: to one chapter of the scenario, to the
/// page around it, or the whole scenario at once.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Target(TargetAction),
    Budget(BudgetAction),
    Alerts(AlertsAction),
    Incidents(IncidentsAction),
    Delivery(DeliveryAction),
    Dependencies(DependenciesAction),
    Cost(CostAction),
    Support(SupportAction),
    Production(ProductionAction),
    /// One field of the error-budget policy (written with the production
    /// rules).
    Policy(PolicyEdit),
    /// Replace the whole scenario (a shared link, a saved scenario).
    Replace(Box<Scenario>),
    /// Take the other tab's scenario (the page's `other_tab`).
    AdoptOtherTab,
    /// The page around the scenario (none of it is in the link).
    Page(PageAction),
}

/// The scenario and its report, always consistent with each other, and the
/// page around them.
#[derive(Debug, Clone)]
pub struct State {
    pub scenario: Scenario,
    pub report: Report,
    pub page: Page,
}

/// States are equal when their scenarios are. The report is evaluated from
/// the scenario ([`State::new`], [`State::apply`]), so comparing it too would
/// only cost time (Yew compares every section's state on every render) and
/// code size. The page part is read by the app shell alone, which renders on
/// every new state, so a copy status or a theme never re-renders a section.
impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        self.scenario == other.scenario
    }
}

impl State {
    /// The state for a scenario: the report is evaluated once here.
    pub fn new(scenario: Scenario) -> Self {
        Self::with_page(scenario, Page::default())
    }

    /// The state for a scenario shown on `page`, evaluated [`now`].
    pub fn with_page(scenario: Scenario, page: Page) -> Self {
        let report = evaluate(&scenario, now());
        Self {
            scenario,
            report,
            page,
        }
    }

    /// Apply an action, giving the next state.
    pub fn apply(&self, action: Action) -> Self {
        let mut page = self.page.clone();
        let mut s = self.scenario.clone();
        // The page's own actions leave the scenario as it is. Its report is
        // evaluated again all the same (about 50 µs in the browser, on a
        // click): a copy of the report would cost more code in the bundle.
        match action {
            Action::Page(a) => a.apply(&mut page),
            Action::AdoptOtherTab => {
                if let Some(theirs) = page.other_tab.take() {
                    s = nines_core::link::decode(&theirs).scenario;
                }
            }
            Action::Replace(scenario) => s = *scenario,
            Action::Target(a) => a.apply(&mut s),
            Action::Budget(a) => a.apply(&mut s, &self.report.budget.start_iso),
            Action::Alerts(a) => a.apply(&mut s),
            Action::Incidents(a) => a.apply(&mut s.incidents),
            Action::Delivery(a) => a.apply(&mut s.delivery),
            Action::Dependencies(a) => a.apply(&mut s.dependencies),
            Action::Cost(a) => a.apply(&mut s, &mut page.notices),
            Action::Support(a) => a.apply(&mut s.support),
            Action::Production(a) => a.apply(&mut s.production),
            Action::Policy(edit) => edit.apply(&mut s.policy),
        }
        // Any change to the link's scenario makes it the reader's own.
        if page.visit.is_some() && s != self.scenario {
            page.visit = None;
        }
        Self::with_page(s, page)
    }
}

/// The instant the page evaluates at: the browser's clock at each
/// evaluation (chrono's `wasmbind` reads `Date.now()`); natively, where the
/// reducer is tested, the default story's instant.
pub fn now() -> DateTime<Utc> {
    #[cfg(target_arch = "wasm32")]
    return chrono::Utc::now();
    #[cfg(not(target_arch = "wasm32"))]
    nines_core::budget::STORY_NOW
}

/// The browser's UTC offset now, for service hours and a calendar window
/// (UTC natively).
fn local_offset() -> UtcOffset {
    #[cfg(target_arch = "wasm32")]
    // `Date.getTimezoneOffset()` is minutes *behind* UTC.
    let minutes = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    #[cfg(not(target_arch = "wasm32"))]
    let minutes = 0;
    UtcOffset::from_minutes(minutes).unwrap_or(UtcOffset::UTC)
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
    use nines_core::incident::PastIncident;
    use std::rc::Rc;

    /// A link's scenario is the reader's own from its first
    /// edit (the saver then writes it), or when kept; until then the page
    /// remembers the reader's own scenario to go back to.
    #[test]
    fn a_visited_link_becomes_yours_when_edited_or_kept() {
        let own = State::default().scenario;
        let visited =
            State::default().apply(Action::Target(TargetAction::Target("90%".parse().unwrap())));
        let page = Page {
            visit: Some(Rc::new((visited.scenario.clone(), own.clone()))),
            ..Page::default()
        };
        let looking = State::with_page(visited.scenario.clone(), page);
        // The page's own actions leave the visit as it is.
        let copied = looking.apply(Action::Page(PageAction::Copied("Link copied".into())));
        assert!(copied.page.visit.is_some());
        let edited = looking.apply(Action::Target(TargetAction::Target(
            "99.5%".parse().unwrap(),
        )));
        assert!(edited.page.visit.is_none());
        let kept = looking.apply(Action::Page(PageAction::KeepVisit));
        assert!(kept.page.visit.is_none());
        assert_eq!(kept.scenario, visited.scenario);
        let back = looking.apply(Action::Replace(Box::new(own.clone())));
        assert!(back.page.visit.is_none());
        assert_eq!(back.scenario, own);
    }

    /// Adding stops at a list's bound, whatever dispatches it.
    #[test]
    fn adding_stops_at_the_bounds() {
        let mut alerts = State::default();
        for _ in 0..25 {
            alerts = alerts.apply(Action::Alerts(AlertsAction::AddCustomRow));
        }
        assert_eq!(alerts.scenario.alerts.custom.len(), 20);
        let one = PastIncident::parse("2026-11-01,1h,100%").unwrap();
        let full = State::default().apply(Action::Incidents(IncidentsAction::Add(vec![
            one.clone();
            999
        ])));
        let more = full.apply(Action::Incidents(IncidentsAction::Add(vec![one; 3])));
        assert_eq!(more.scenario.incidents.history.len(), 1_000);
    }
}
