//! The app state: one core `Scenario`, changed only through [`Action`]s,
//! the `Report` that `evaluate` computed from it, and the [`Page`] around
//! them (notices, the other tab's scenario, the copy status, the embed
//! section and the theme).
//!
//! Plain Rust (no DOM), so the reducer is tested natively. On wasm32 it is
//! also a Yew `Reducible` (the `function_todomvc` pattern: docs/DOMAIN.md §9).

use std::rc::Rc;

use nines_core::alerts::Written;
use nines_core::amount::Rate;
use nines_core::bounds::List;
use nines_core::budget::BudgetMode;
use nines_core::clock::{Alignment, DateTime, Utc, UtcOffset, WeekStart};
use nines_core::delivery::RestoreBy;
use nines_core::incident::PastIncident;
use nines_core::production::Counted;
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
    /// When downtime counts, and planned maintenance.
    SetServiceHours(nines_core::window::ServiceHours),
    SetMaintenance(nines_core::window::PlannedMaintenance),
    SetMaintenanceTreatment(nines_core::window::Maintenance),
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
    /// A time-based budget's bad time: from the incident log or typed.
    SetBadTimeSource(nines_core::budget::BadTimeSource),
    SetElapsed(f64),
    /// The budget's clock: how the window is placed (switching to pinned
    /// pins the window's current start; to calendar, turns a rolling
    /// length into the nearest calendar period and, in the browser, takes
    /// its UTC offset), a pinned start, a calendar week's first day and
    /// the UTC offset.
    SetAlignment(Alignment),
    SetWindowStart(DateTime<Utc>),
    SetWeekStart(WeekStart),
    SetUtcOffset(UtcOffset),
    /// The names the exported rules use: the service, the
    /// series of all and of bad requests, the recording rules' name.
    SetService(String),
    SetRequestsSeries(String),
    SetErrorsSeries(String),
    /// Whether the second series counts the bad or the good requests.
    SetCounted(Counted),
    SetGoodSeries(String),
    SetRecording(String),
    /// The SLO's name within the service, a label of every exported rule.
    SetSloName(String),
    /// One field of the error-budget policy.
    EditPolicy(PolicyEdit),
    /// Alerts: the policy, and the error ratio to evaluate it at.
    SetPolicy(PolicyChoice),
    /// Which of the policy's alerts are written (pages, tickets, both or
    /// neither).
    SetWritten(Written),
    /// A custom policy's rows: switching to custom with none
    /// starts from the policy in force.
    SetCustomAlert {
        index: usize,
        alert: nines_core::alerts::BurnAlert,
    },
    AddCustomAlert,
    RemoveCustomAlert(usize),
    SetErrorRatio(f64),
    /// Incidents: rate, times (seconds) and scope (fraction).
    SetIncidentsPerYear(f64),
    SetIncidentDetect(f64),
    SetIncidentRecover(f64),
    SetIncidentScope(f64),
    /// The incident model's figures: typed, or from the log; and when the
    /// log began (`None`: its first incident).
    SetModelSource(nines_core::incident::ModelSource),
    SetLoggedSince(Option<DateTime<Utc>>),
    /// The incident log: add incidents at its end (one, or the lines of a
    /// pasted CSV), edit one field of one, remove one (by position).
    AddIncidents(Vec<PastIncident>),
    EditIncident {
        index: usize,
        edit: IncidentEdit,
    },
    RemoveIncident(usize),
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
    /// Dependencies at any depth, by path: `[item]`, `[item,
    /// member]`, `[item, member, nested member]` (`DependencyInputs::at`).
    EditDependencyAt {
        path: Vec<usize>,
        edit: DependencyEdit,
    },
    RemoveDependencyAt(Vec<usize>),
    /// A group gets a copy of its last member; a component becomes a
    /// redundant pair (nested when it is a member of a group).
    AddRedundantCopyAt(Vec<usize>),
    /// What the group at `path` needs of its members.
    SetGroupKind {
        path: Vec<usize>,
        kind: nines_core::dependency::GroupKind,
    },
    /// The members a k-of-n group needs (the page checks `1..=n` first; an
    /// out-of-range `k` changes nothing).
    SetGroupK {
        path: Vec<usize>,
        k: usize,
    },
    /// The outage scope of the dependency at `item` (a fraction; outside
    /// `0..=1` changes nothing).
    SetDependencyScope {
        item: usize,
        scope: f64,
    },
    /// Cost per nine (money per year, fractions, nines).
    SetRevenue(f64),
    SetImpact(f64),
    SetReferenceCost(f64),
    SetReferenceNines(f64),
    SetCostFactor(f64),
    SetTolerableLoss(f64),
    /// The scenario's one currency.
    SetCurrency(nines_core::amount::Currency),
    /// An amount typed in another currency (its currency, the text): the
    /// scenario switches to it and a notice says so.
    CurrencyFromAmount(nines_core::amount::Currency, String),
    /// Who runs it.
    SetCriticality(TrafficCriticality),
    SetTeams(u32),
    SetStandbyRate(f64),
    SetCalloutRate(f64),
    /// Who runs it, as revenue insurance: handoff delays
    /// (seconds), team investment, organisation and culture.
    SetOpsHandoff(f64),
    SetOpsSometimesHandoff(f64),
    SetSreHandoff(f64),
    SetInvestmentPerTeam(f64),
    SetSreInvestmentFactor(f64),
    SetOrganisation(nines_core::support::Organisation),
    SetCulture(nines_core::support::Culture),
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
    SetEmbedSection(crate::sections::Section),
    /// The theme chosen with the toggle (`light` / `dark`).
    SetTheme(String),
    /// The link's scenario is now the reader's own (the saver wrote it).
    KeepVisit,
    /// Whether the browser kept the last write of the scenario.
    StorageKept(bool),
}

/// An edit of one field of the error-budget policy, already read.
#[derive(Clone, Debug, PartialEq)]
pub enum PolicyEdit {
    CautionBelow(f64),
    Normal(String),
    Caution(String),
    Exhausted(String),
    OverrideBy(String),
    PostmortemShare(f64),
    HandbackWindows(u32),
}

/// A change to one logged incident.
#[derive(Debug, Clone, PartialEq)]
pub enum IncidentEdit {
    Start(DateTime<Utc>),
    /// Seconds.
    Duration(f64),
    /// A fraction of users.
    Scope(f64),
    Note(String),
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
    /// The section the embed code is for.
    pub embed_section: crate::sections::Section,
    /// The theme chosen with the toggle; `None` follows the system.
    pub theme: Option<String>,
    /// Opened from a link while the reader keeps a scenario of their own:
    /// (the link's scenario, the reader's own), until the reader edits,
    /// makes the link's theirs, or goes back to their own.
    pub visit: Option<Rc<(Scenario, Scenario)>>,
    /// The browser refused the last write of the scenario (storage full or
    /// blocked): edits are not being kept, until a write works again.
    pub unkept: bool,
}

impl Default for Page {
    fn default() -> Self {
        Page {
            notices: Vec::new(),
            other_tab: None,
            copied: None,
            embed_section: crate::sections::Section::Target,
            theme: None,
            visit: None,
            unkept: false,
        }
    }
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
            Action::DismissNotices => page.notices.clear(),
            Action::OtherTabSaved(theirs) => page.other_tab = Some(theirs),
            Action::KeepThisTab => page.other_tab = None,
            Action::Copied(message) => page.copied = Some(message),
            Action::SetEmbedSection(section) => page.embed_section = section,
            Action::SetTheme(theme) => page.theme = Some(theme),
            Action::KeepVisit => page.visit = None,
            Action::StorageKept(kept) => page.unkept = !kept,
            Action::AdoptOtherTab => {
                if let Some(theirs) = page.other_tab.take() {
                    s = nines_core::link::decode(&theirs).scenario;
                }
            }
            Action::SetTarget(a) => s.target = a,
            Action::SetConvention(c) => s.convention = c,
            Action::SetServiceHours(h) => {
                // Hours are meant in the reader's zone unless one was set.
                if s.service_hours.is_always()
                    && !h.is_always()
                    && s.budget.utc_offset == UtcOffset::UTC
                {
                    s.budget.utc_offset = local_offset();
                }
                s.service_hours = h;
            }
            Action::SetMaintenance(m) => s.maintenance = m,
            Action::SetMaintenanceTreatment(t) => s.maintenance.treatment = t,
            Action::SetReverseDowntime(x) => s.reverse.downtime_seconds = x,
            Action::SetReversePeriod(p) => s.reverse.period = p,
            Action::SetSloWindow(p) => s.slo_window = p,
            Action::SetBudgetMode(m) => s.budget.mode = m,
            Action::SetTraffic(r) => s.budget.traffic = r,
            Action::SetBadEvents(x) => s.budget.bad_events = x,
            Action::SetBadSeconds(x) => s.budget.bad_seconds = x,
            Action::SetBadTimeSource(x) => s.budget.bad_time_source = x,
            Action::SetElapsed(x) => s.budget.elapsed_seconds = x,
            Action::SetAlignment(a) => {
                if a == Alignment::Pinned && s.budget.alignment != Alignment::Pinned {
                    if let Ok(start) =
                        nines_core::clock::parse_instant(&self.report.budget.start_iso)
                    {
                        s.budget.start = start;
                    }
                }
                if a == Alignment::Calendar {
                    s.slo_window = calendar_period_near(s.slo_window);
                    if s.budget.alignment != Alignment::Calendar
                        && s.budget.utc_offset == UtcOffset::UTC
                    {
                        s.budget.utc_offset = local_offset();
                    }
                }
                s.budget.alignment = a;
            }
            Action::SetWindowStart(t) => s.budget.start = t,
            Action::SetWeekStart(d) => s.budget.week_start = d,
            Action::SetUtcOffset(o) => s.budget.utc_offset = o,
            Action::SetService(x) => s.production.service = x,
            Action::SetRequestsSeries(x) => s.production.requests = x,
            Action::SetErrorsSeries(x) => s.production.errors = x,
            Action::SetCounted(c) => s.production.counted = c,
            Action::SetGoodSeries(x) => s.production.good = x,
            Action::SetRecording(x) => s.production.recording = x,
            Action::SetSloName(x) => s.production.slo = x,
            Action::EditPolicy(edit) => {
                let p = &mut s.policy;
                match edit {
                    PolicyEdit::CautionBelow(x) => p.caution_below = x,
                    PolicyEdit::Normal(x) => p.normal = x,
                    PolicyEdit::Caution(x) => p.caution = x,
                    PolicyEdit::Exhausted(x) => p.exhausted = x,
                    PolicyEdit::OverrideBy(x) => p.override_by = x,
                    PolicyEdit::PostmortemShare(x) => p.postmortem_share = x,
                    PolicyEdit::HandbackWindows(x) => p.handback_windows = x,
                }
            }
            Action::SetWritten(w) => s.alerts.set_written(w),
            Action::SetPolicy(p) => {
                if p == PolicyChoice::Custom && s.alerts.custom.is_empty() {
                    let period = s.slo_window.seconds(s.convention);
                    s.alerts.custom = s.alerts.alerts_of(s.alerts.policy, period);
                }
                s.alerts.policy = p;
            }
            Action::SetCustomAlert { index, alert } => {
                if let Some(row) = s.alerts.custom.get_mut(index) {
                    *row = alert;
                }
            }
            // The editors stop at a list's bound; the reducer holds it too.
            Action::AddCustomAlert if List::CustomAlerts.room(s.alerts.custom.len()) == 0 => {}
            Action::AddCustomAlert => {
                let next = s.alerts.custom.last().cloned().unwrap_or_else(|| {
                    nines_core::alerts::BurnAlert::new(
                        nines_core::alerts::Severity::Page,
                        0.02,
                        3_600.0,
                        300.0,
                    )
                });
                s.alerts.custom.push(next);
            }
            Action::RemoveCustomAlert(index) => {
                if index < s.alerts.custom.len() {
                    s.alerts.custom.remove(index);
                }
            }
            Action::SetErrorRatio(x) => s.alerts.error_ratio = x,
            Action::SetIncidentsPerYear(x) => s.incidents.incidents_per_year = x,
            Action::SetIncidentDetect(x) => s.incidents.time_to_detect_seconds = x,
            Action::SetIncidentRecover(x) => s.incidents.time_to_recover_seconds = x,
            Action::SetIncidentScope(x) => s.incidents.scope = x,
            Action::SetModelSource(x) => s.incidents.model_source = x,
            Action::SetLoggedSince(x) => s.incidents.logged_since = x,
            Action::AddIncidents(mut added) => {
                added.truncate(List::Incidents.room(s.incidents.history.len()));
                s.incidents.history.append(&mut added);
            }
            Action::EditIncident { index, edit } => {
                if let Some(i) = s.incidents.history.get_mut(index) {
                    match edit {
                        IncidentEdit::Start(t) => i.start = t,
                        IncidentEdit::Duration(d) => i.duration_seconds = d,
                        IncidentEdit::Scope(x) => i.scope = x,
                        IncidentEdit::Note(n) => i.note = n,
                    }
                }
            }
            Action::RemoveIncident(index) => {
                if index < s.incidents.history.len() {
                    s.incidents.history.remove(index);
                }
            }
            Action::SetDeploymentRate(r) => s.delivery.deployment_frequency = r,
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
            Action::EditDependencyAt { path, edit } => {
                if let Some(c) = s.dependencies.component_at_mut(&path) {
                    match edit {
                        DependencyEdit::Name(n) => c.name = n,
                        DependencyEdit::Availability(a) => c.unavailability = a.unavailability(),
                    }
                }
            }
            Action::RemoveDependencyAt(path) => s.dependencies.remove_at(&path),
            Action::AddRedundantCopyAt(path) => s.dependencies.add_redundant_copy_at(&path),
            Action::SetGroupKind { path, kind } => s.dependencies.set_group_kind(&path, kind),
            Action::SetGroupK { path, k } => {
                // Refused (unchanged) outside 1..=n; the page said why.
                let _ = s.dependencies.set_k(&path, k);
            }
            Action::SetDependencyScope { item, scope } => {
                let _ = s.dependencies.set_scope(item, scope);
            }
            Action::SetRevenue(x) => s.cost.model.revenue_per_year = x,
            Action::SetImpact(x) => s.cost.model.impact_fraction = x,
            Action::SetReferenceCost(x) => s.cost.model.reference_cost_per_year = x,
            Action::SetReferenceNines(x) => s.cost.model.reference_nines = x,
            Action::SetCostFactor(x) => s.cost.model.cost_factor_per_nine = x,
            Action::SetTolerableLoss(x) => s.cost.tolerable_loss_per_year = x,
            Action::SetCurrency(c) => s.currency = c,
            Action::CurrencyFromAmount(c, typed) => {
                if c != s.currency {
                    page.notices.push(format!(
                        "Money is now in {} (Currency, in Cost per nine): \"{}\" was typed in it. \
                         Every amount is labelled in it; none is converted.",
                        c.label(),
                        typed.trim()
                    ));
                    s.currency = c;
                }
            }
            Action::SetCriticality(c) => s.support.criticality = c,
            Action::SetTeams(n) => s.support.on_call.teams = n,
            Action::SetStandbyRate(x) => s.support.on_call.standby_rate_per_hour = x,
            Action::SetCalloutRate(x) => s.support.on_call.callout_rate = x,
            Action::SetOpsHandoff(x) => s.support.on_call.ops_handoff_delay_seconds = x,
            Action::SetOpsSometimesHandoff(x) => {
                s.support.on_call.ops_sometimes_handoff_delay_seconds = x
            }
            Action::SetSreHandoff(x) => s.support.on_call.sre_handoff_delay_seconds = x,
            Action::SetInvestmentPerTeam(x) => s.support.investment_per_team_per_year = x,
            Action::SetSreInvestmentFactor(x) => s.support.sre_investment_factor = x,
            Action::SetOrganisation(o) => s.support.organisation = o,
            Action::SetCulture(c) => s.support.culture = c,
            Action::Replace(scenario) => s = *scenario,
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

/// The browser's UTC offset now, for a calendar window (UTC natively).
fn local_offset() -> UtcOffset {
    #[cfg(target_arch = "wasm32")]
    // `Date.getTimezoneOffset()` is minutes *behind* UTC.
    let minutes = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    #[cfg(not(target_arch = "wasm32"))]
    let minutes = 0;
    UtcOffset::from_minutes(minutes).unwrap_or(UtcOffset::UTC)
}

/// The calendar period nearest a window: a calendar period stays, a
/// rolling length becomes the shortest period at least as long (28 or 30
/// days: a month), an hour a day.
fn calendar_period_near(window: Period) -> Period {
    match window {
        Period::Days(n) if n <= 1 => Period::Day,
        Period::Days(n) if n <= 7 => Period::Week,
        Period::Days(n) if n <= 31 => Period::Month,
        Period::Days(n) if n <= 92 => Period::Quarter,
        Period::Days(_) => Period::Year,
        Period::Hour => Period::Day,
        calendar => calendar,
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
    use nines_core::dependency::Composition;

    #[test]
    fn the_pages_own_actions_leave_the_scenario_and_its_report() {
        let mut state = State::default();
        state.page.notices = vec!["Your saved scenario: target was not read".into()];
        let next = state
            .apply(Action::Copied("Link copied".into()))
            .apply(Action::SetEmbedSection(crate::sections::Section::Cost))
            .apply(Action::SetTheme("dark".into()))
            .apply(Action::DismissNotices);
        assert_eq!(
            next.page,
            Page {
                notices: Vec::new(),
                other_tab: None,
                copied: Some("Link copied".into()),
                embed_section: crate::sections::Section::Cost,
                theme: Some("dark".into()),
                visit: None,
                unkept: false,
            }
        );
        assert_eq!(next.scenario, state.scenario);
        assert_eq!(next.report, state.report);
        // What the sections compare: a page change is no change to them.
        assert!(next == state);
    }

    #[test]
    fn placing_the_window_keeps_its_figures_where_it_can() {
        // The default story: rolling, 10 days into a 30-day window at
        // 2026-11-11, so the window started on 1 November.
        let pinned = State::default().apply(Action::SetAlignment(Alignment::Pinned));
        assert_eq!(pinned.scenario.budget.alignment, Alignment::Pinned);
        assert_eq!(pinned.report.budget.start_iso, "2026-11-01T00:00:00Z");
        assert_eq!(pinned.report.budget.consumed_display, "40%");
        // A 30-day rolling length becomes a calendar month: November 2026,
        // 30 days, of which 10 have elapsed on the 11th.
        let calendar = State::default().apply(Action::SetAlignment(Alignment::Calendar));
        assert_eq!(calendar.scenario.slo_window, Period::Month);
        assert_eq!(calendar.report.budget.window_seconds, 30.0 * 86_400.0);
        assert_eq!(
            calendar.report.budget.reset_iso.as_deref(),
            Some("2026-12-01T00:00:00Z")
        );
        let later = pinned.apply(Action::SetWindowStart(
            nines_core::clock::parse_instant("2026-11-06").unwrap(),
        ));
        assert_eq!(later.report.budget.elapsed_seconds, 5.0 * 86_400.0);
    }

    /// A link's scenario is the reader's own from its first
    /// edit (the saver then writes it), or when kept; until then the page
    /// remembers the reader's own scenario to go back to.
    #[test]
    fn a_visited_link_becomes_yours_when_edited_or_kept() {
        let own = State::default().scenario;
        let visited = State::default().apply(Action::SetTarget("90%".parse().unwrap()));
        let page = Page {
            visit: Some(Rc::new((visited.scenario.clone(), own.clone()))),
            ..Page::default()
        };
        let looking = State::with_page(visited.scenario.clone(), page);
        // The page's own actions leave the visit as it is.
        let copied = looking.apply(Action::Copied("Link copied".into()));
        assert!(copied.page.visit.is_some());
        let edited = looking.apply(Action::SetTarget("99.5%".parse().unwrap()));
        assert!(edited.page.visit.is_none());
        let kept = looking.apply(Action::KeepVisit);
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
            alerts = alerts.apply(Action::AddCustomAlert);
        }
        assert_eq!(alerts.scenario.alerts.custom.len(), 20);
        let one = PastIncident::parse("2026-11-01,1h,100%").unwrap();
        let full = State::default().apply(Action::AddIncidents(vec![one.clone(); 999]));
        let more = full.apply(Action::AddIncidents(vec![one; 3]));
        assert_eq!(more.scenario.incidents.history.len(), 1_000);
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
        assert_eq!(next.page.embed_section, crate::sections::Section::Target);
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
    fn a_deployment_rate_is_kept_as_typed_and_read_with_the_convention() {
        // A month is 30 days in the SRE book's convention and 365.2425 / 12
        // = 30.436875 days in the Gregorian mean (uptime.is): 2 a month is
        // 2 × 7 / 30 = 0.4667 or 2 × 7 / 30.436875 = 0.45997 a week.
        let rate = Rate::parse("2 per month").unwrap();
        let state = State::default()
            .apply(Action::SetConvention(Convention::SreBook))
            .apply(Action::SetDeploymentRate(rate));
        assert_eq!(state.scenario.delivery.deployment_frequency, rate);
        let week = |s: &State| s.report.delivery.targets.deployments_per_week;
        assert!((week(&state) - 14.0 / 30.0).abs() < 1e-12);
        // A change of convention keeps the rate and reads its month again.
        let next = state.apply(Action::SetConvention(Convention::GregorianMean));
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
        let state = State::default().apply(Action::SetDeploymentRate(rate));
        let next = state.apply(Action::SetConvention(Convention::SreBook));
        assert_eq!(next.scenario.delivery.deployment_frequency, rate);
        assert_eq!(next.report.delivery.targets.deployments_per_week, 0.75);
        // `2 per 30d` and `2 per month` are two scenarios: a change of
        // convention would tell them apart.
        let days = next.apply(Action::SetDeploymentRate(Rate::parse("2 per 30d").unwrap()));
        let month = next.apply(Action::SetDeploymentRate(
            Rate::parse("2 per month").unwrap(),
        ));
        assert!(days != month);
    }

    #[test]
    fn the_incident_log_can_be_added_to_edited_and_removed_from() {
        use nines_core::incident::PastIncident;
        // The default log at 2026-11-11: 300 s in the window (see
        // nines_core::incident's tests). A 30-minute full outage on 9 Nov
        // adds 1 800 s: 2 100 s, then at half scope 900 + 300 = 1 200 s.
        let state = State::default();
        let window = |s: &State| s.report.incidents.log.window.downtime_seconds;
        assert_eq!(window(&state), 300.0);
        let added = PastIncident::parse("2026-11-09T12:00:00Z,30m,100%,new").unwrap();
        let next = state.apply(Action::AddIncidents(vec![added]));
        assert_eq!(next.scenario.incidents.history.len(), 3);
        assert_eq!(window(&next), 2100.0);
        let next = next.apply(Action::EditIncident {
            index: 2,
            edit: IncidentEdit::Scope(0.5),
        });
        assert_eq!(window(&next), 1200.0);
        let next = next.apply(Action::EditIncident {
            index: 2,
            edit: IncidentEdit::Note("edited".into()),
        });
        assert_eq!(next.scenario.incidents.history[2].note, "edited");
        let next = next.apply(Action::RemoveIncident(1));
        assert_eq!(window(&next), 900.0);
        // Out of range: nothing changes.
        let same = next
            .apply(Action::RemoveIncident(9))
            .apply(Action::EditIncident {
                index: 9,
                edit: IncidentEdit::Duration(1.0),
            });
        assert!(same == next);
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

    #[test]
    fn groups_are_made_k_of_n_nested_and_scoped() {
        use nines_core::dependency::GroupKind;
        // The default's "orders database" (99.99%) made a 2-of-3 group of
        // copies: 3 × 1e-4² × 0.9999 + 1e-4³ = 2.9998e-8.
        let mut state = State::default();
        for action in [
            Action::AddRedundantCopyAt(vec![1]),
            Action::AddRedundantCopyAt(vec![1]),
            Action::SetGroupKind {
                path: vec![1],
                kind: GroupKind::KOfN,
            },
            Action::SetGroupK {
                path: vec![1],
                k: 2,
            },
        ] {
            state = state.apply(action);
        }
        let u = state.scenario.dependencies.dependencies[1]
            .unavailability()
            .unwrap();
        assert!((u - 2.9998e-8).abs() < 1e-20, "{u:e}");
        // k = 4 of 3 changes nothing.
        let same = state.apply(Action::SetGroupK {
            path: vec![1],
            k: 4,
        });
        assert_eq!(same.scenario, state.scenario);
        // A group inside the group, and its member edited.
        let state =
            state
                .apply(Action::AddRedundantCopyAt(vec![1, 0]))
                .apply(Action::EditDependencyAt {
                    path: vec![1, 0, 1],
                    edit: DependencyEdit::Name("standby".into()),
                });
        assert_eq!(
            state
                .scenario
                .dependencies
                .at(&[1, 0, 1])
                .map(Composition::name),
            Some("standby".to_string())
        );
        // Half the users behind the inventory service (5e-5): it counts
        // 2.5e-5 in the report.
        let state = state.apply(Action::SetDependencyScope {
            item: 3,
            scope: 0.5,
        });
        let check = &state.report.dependencies.extra_nine[3];
        assert_eq!((check.scope, check.unavailability), (0.5, 2.5e-5));
        // k, the nested group and the scope travel in a link (a list key
        // of their own; no link version bump: old links lack it, 100%).
        let link = nines_core::link::encode(&state.scenario);
        assert!(link.contains("&dependencies.scopes="), "{link}");
        let back = nines_core::link::decode(&link);
        assert!(back.notices.is_empty(), "{:?}", back.notices);
        assert_eq!(back.scenario.dependencies, state.scenario.dependencies);
        let state = state.apply(Action::RemoveDependencyAt(vec![1, 0, 1]));
        assert!(matches!(
            state.scenario.dependencies.at(&[1, 0]),
            Some(Composition::Component(_))
        ));
    }
}
