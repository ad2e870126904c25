//! One scenario in, one report out: the UI and the CLI parse a [`Scenario`],
//! call [`evaluate`], and render the strings of the [`Report`]. Every figure
//! a page shows is in the report already formatted, with its convention.
//!
//! Designed to grow (docs/DOMAIN.md §9: one reducer over one serde-able scenario):
//! each section of the product has its own input struct in [`Scenario`] and
//! its own report struct in [`Report`]. To add a section (error budgets,
//! alerts, incidents, delivery, dependencies, cost, support):
//!
//! 1. add `pub budget: BudgetInput` to [`Scenario`] (its `Default` gives the
//!    section's defaults; `#[serde(default)]` keeps old share links valid);
//! 2. add `pub budget: BudgetReport` to [`Report`];
//! 3. compute it in [`evaluate`] from the scenario (pure: no clock, no I/O;
//!    instants are inputs).
//!
//! Shared inputs live once, at the top: the SLO window is
//! [`Scenario::slo_window`] (budget, alerts, incidents, delivery and
//! dependencies all read it from there), and product demand (deployments per
//! week) is the delivery section's, passed to the support section.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use crate::alerts::{AlertInput, AlertRow, AlertsReport, PolicyChoice};
use crate::amount::Currency;
use crate::bounds::Cut;
pub use crate::budget::{BudgetInput, BudgetReport};
use crate::budget::{BudgetMode, LoggedBadTime};
use crate::clock::MeasuredTime;
use crate::cost::{CostInputs, CostReport};
use crate::delivery::{DeliveryInputs, DeliveryReport};
use crate::dependency::{DependencyInputs, DependencyReport};
pub use crate::downtime::{ReverseInput, ReverseReport, TargetReport};
use crate::incident::{IncidentInputs, IncidentReport};
use crate::production::{BudgetPolicy, ProductionInputs};
use crate::quantity::Availability;
use crate::support::{SupportInputs, SupportReport};
use crate::target::{Limit, TargetContext};
use crate::window::{Convention, Period, PlannedMaintenance, ServiceHours};

/// Everything the user entered. Missing fields take their defaults when
/// deserialized, so `{}` is the default scenario.
///
/// ```
/// use nines_core::scenario::Scenario;
/// let s: Scenario = serde_json::from_str(r#"{"target": "99.9%", "convention": "sre-book"}"#).unwrap();
/// assert_eq!(s.target.to_string(), "99.9%");
/// assert_eq!(s.reverse, Scenario::default().reverse);
/// ```
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
#[serde(default)]
pub struct Scenario {
    /// The availability target (default 99.95%).
    pub target: Availability,
    /// The window convention in force (default Gregorian mean).
    pub convention: Convention,
    /// The reverse question: what availability does this downtime give?
    pub reverse: ReverseInput,
    /// When downtime counts (default 24/7).
    pub service_hours: ServiceHours,
    /// Planned maintenance and how it is treated (default none).
    pub maintenance: PlannedMaintenance,
    /// The SLO window every budget is measured over (default 30 days, the
    /// SRE Workbook's).
    pub slo_window: Period,
    /// The error budget so far (docs/DOMAIN.md §2.1).
    pub budget: BudgetInput,
    /// The alert policy and the error ratio to test it with.
    pub alerts: AlertInput,
    /// Incident rate, time to detect and restore, scope.
    pub incidents: IncidentInputs,
    /// Deployment frequency, change failure rate, lead time.
    pub delivery: DeliveryInputs,
    /// Critical dependencies.
    pub dependencies: DependencyInputs,
    /// Cost per nine and revenue at risk.
    pub cost: CostInputs,
    /// Who runs it: criticality and the on-call model.
    pub support: SupportInputs,
    /// The one currency every amount of money is in (default US dollars;
    /// a link carries `currency=GBP`). Money is never converted: this
    /// labels the figures and sets their decimals.
    pub currency: Currency,
    /// The names the exported rules and SLO documents use.
    pub production: ProductionInputs,
    /// The error-budget policy the team agrees to.
    pub policy: BudgetPolicy,
}

impl Default for Scenario {
    /// 99.95% under the Gregorian mean, 24/7, no maintenance, and the
    /// reverse question "4h per month".
    fn default() -> Self {
        Scenario {
            target: default_target(),
            convention: Convention::default(),
            reverse: ReverseInput::default(),
            service_hours: ServiceHours::always(),
            maintenance: PlannedMaintenance::default(),
            slo_window: Period::Days(30),
            budget: BudgetInput::default(),
            alerts: AlertInput::default(),
            incidents: IncidentInputs::default(),
            delivery: DeliveryInputs::default(),
            dependencies: DependencyInputs::default(),
            cost: CostInputs::default(),
            support: SupportInputs::default(),
            currency: Currency::default(),
            production: ProductionInputs::default(),
            policy: BudgetPolicy::default(),
        }
    }
}

/// 99.95%: U = 5/10000 exactly.
fn default_target() -> Availability {
    Availability::from_unavailability(0.0005).unwrap_or(Availability::HUNDRED)
}

/// Every figure the page shows.
///
/// ```
/// use nines_core::scenario::{evaluate, Scenario};
/// let r = evaluate(&Scenario::default(), nines_core::budget::STORY_NOW);
/// assert_eq!(r.target.availability_percent, "99.95%");
/// assert_eq!(r.target.downtime[2].display, "21m 55s");
/// ```
#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct Report {
    /// The target and its allowed downtime.
    pub target: TargetReport,
    /// The reverse question's answer.
    pub reverse: ReverseReport,
    /// The error budget: size, spend, burn rate, exhaustion, policy.
    pub budget: BudgetReport,
    /// The alert policy's table, warnings and detection chart.
    pub alerts: AlertsReport,
    /// What the incident rate spends of the budget.
    pub incidents: IncidentReport,
    /// What failed deployments spend of the budget.
    pub delivery: DeliveryReport,
    /// What the dependencies leave to the service.
    pub dependencies: DependencyReport,
    /// Cost per nine, revenue at risk, the cheapest target.
    pub cost: CostReport,
    /// Who should run it, and the on-call cost of each method.
    pub support: SupportReport,
    /// What dependencies, incidents and failed deployments spend together.
    pub spend: SpendReport,
}

/// The error budget's expected spending, all sources together: the critical
/// dependencies' share, the incidents' and the failed deployments'. Each
/// section compares its own source with the budget; a product manager needs
/// the sum (it assumes the three are separate events: an incident caused by
/// a dependency or a deployment would be counted twice).
///
/// ```
/// use nines_core::scenario::{evaluate, Scenario};
/// let r = evaluate(&Scenario::default(), nines_core::budget::STORY_NOW);
/// let s = &r.spend;
/// let sum = s.dependencies.unwrap() + s.incidents.unwrap() + s.releases.unwrap();
/// assert!((s.total.unwrap() - sum).abs() < 1e-12);
/// assert_eq!(s.fits, Some(s.total.unwrap() <= 1.0));
/// ```
#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct SpendReport {
    /// The dependencies' share of the budget (fraction).
    pub dependencies: Option<f64>,
    /// The expected incidents' share of the budget per SLO window.
    pub incidents: Option<f64>,
    /// The expected failed deployments' share per SLO window.
    pub releases: Option<f64>,
    /// The three together; `None` when the target allows no downtime.
    pub total: Option<f64>,
    /// Whether the total fits the budget.
    pub fits: Option<bool>,
    /// `145% of the budget (dependencies 20%, incidents 39.93%, releases 74.4%)`.
    pub display: String,
    /// The unavailability the three are expected to cause together
    /// (dependencies + incidents + failed deployments, capped at 1).
    pub expected_unavailability: f64,
    /// The availability they leave: `≈99.9275%`.
    pub expected_availability_display: String,
    /// The one "most you can promise" ([`most_promisable`]): the highest
    /// round target whose budget covers them, or the target itself when it
    /// is achievable and higher; `None` when nothing is expected to fail,
    /// or everything.
    pub most_promisable: Option<Availability>,
    /// `99.9%`, or `—`.
    pub most_promisable_display: String,
    /// The verdict in one line: achievable or not, what spends the budget
    /// (largest first), the most that can be promised.
    pub verdict: String,
    /// The one longest time to restore per incident (detect + recover)
    /// that still meets the target once the dependencies and the failed
    /// deployments have taken their expected share of the budget:
    /// `(U − U_dependencies − U_releases) × year ÷ (incidents a year ×
    /// scope)`, at the incident model in force. The incidents, the
    /// dependencies and the target measures all show this figure.
    pub max_time_to_restore: Limit,
    /// `1h 2m`, `no limit`, or `none` when the others spend it all.
    pub max_time_to_restore_display: String,
}

/// [`SpendReport::max_time_to_restore`] and its display; `left` is the
/// unavailability left to the service's own incidents.
fn max_time_to_restore(
    left: f64,
    incidents: &IncidentReport,
    year_seconds: f64,
) -> (Limit, String) {
    let m = &incidents.model;
    if left <= 0.0 {
        return (Limit::AtMost(0.0), "none".into());
    }
    let limit = Limit::ratio(left * year_seconds, m.incidents_per_year * m.scope);
    (limit, crate::display::limit_duration(limit))
}

fn spend_report(
    dependencies: &DependencyReport,
    incidents: &IncidentReport,
    delivery: &DeliveryReport,
    target: &Availability,
    window_seconds: f64,
    year_seconds: f64,
) -> SpendReport {
    let releases_u = if window_seconds > 0.0 {
        delivery.release_downtime_per_window_seconds / window_seconds
    } else {
        0.0
    };
    let expected = [
        dependencies.dependencies_unavailability,
        incidents.expected_unavailability,
        releases_u,
    ]
    .into_iter()
    .filter(|u| u.is_finite() && *u > 0.0)
    .sum::<f64>()
    .min(1.0);
    let mut report = spend_shares(dependencies, incidents, delivery, target);
    let promise = most_promisable(expected, target, report.fits);
    report.expected_unavailability = expected;
    report.expected_availability_display = crate::display::availability(expected);
    report.most_promisable_display = promise.as_ref().map_or_else(
        || crate::display::ABSENT.into(),
        Availability::format_percent,
    );
    report.most_promisable = promise;
    let left = target.unavailability() - dependencies.dependencies_unavailability - releases_u;
    (
        report.max_time_to_restore,
        report.max_time_to_restore_display,
    ) = max_time_to_restore(left, incidents, year_seconds);
    report.verdict = verdict(
        &report,
        target,
        [
            ("dependencies", dependencies.dependencies_unavailability),
            ("incidents", incidents.expected_unavailability),
            ("failed deployments", releases_u),
        ],
    );
    report
}

/// The one "most you can promise" of the page: the highest round target
/// whose budget covers the `expected` unavailability
/// ([`Availability::round_target_covering`]), or the target itself when it
/// is achievable (`fits`) and higher: an achievable target is never
/// answered with a lower one. `None` when nothing is expected to fail.
///
/// ```
/// use nines_core::quantity::Availability;
/// use nines_core::scenario::most_promisable;
/// let t = |x: &str| Availability::parse(x).unwrap();
/// // 0.12% expected: 99.85% is achievable and stays the answer; the
/// // round 99.8% below it is not offered.
/// assert_eq!(most_promisable(0.0012, &t("99.85"), Some(true)), Some(t("99.85")));
/// // 99.5% is achievable, and 99.8% is too: the higher one.
/// assert_eq!(most_promisable(0.0012, &t("99.5"), Some(true)), Some(t("99.8")));
/// // 99.95% is not: the round target that covers it.
/// assert_eq!(most_promisable(0.0012, &t("99.95"), Some(false)), Some(t("99.8")));
/// ```
pub fn most_promisable(
    expected: f64,
    target: &Availability,
    fits: Option<bool>,
) -> Option<Availability> {
    let round = Availability::round_target_covering(expected);
    match (fits, round) {
        (Some(true), Some(r)) if r.unavailability() >= target.unavailability() => Some(*target),
        (_, round) => round,
    }
}

/// The verdict line of [`SpendReport::verdict`]; `sources` are each
/// source's expected unavailability.
fn verdict(r: &SpendReport, target: &Availability, mut sources: [(&str, f64); 3]) -> String {
    let t = target.format_percent();
    let u = target.unavailability();
    if r.expected_unavailability <= 0.0 {
        return [
            "Achievable as far as entered: no dependency, incident or failed deployment is expected to cost any of the ",
            &t,
            " target's budget. Enter the incidents a year (or take them from the incident log), the deployment frequency and the dependencies for a real answer.",
        ]
        .concat();
    }
    crate::sort::sort_by(&mut sources, |a, b| b.1.total_cmp(&a.1));
    let mut list = String::with_capacity(80);
    for (i, (name, x)) in sources.iter().filter(|(_, x)| *x > 0.0).enumerate() {
        if i > 0 {
            list.push_str(", ");
        }
        list.push_str(name);
        list.push(' ');
        if u > 0.0 {
            crate::display::push_fraction_percent(&mut list, x / u);
        } else {
            list.push_str(&crate::display::availability(*x));
            list.push_str(" available");
        }
    }
    let largest = sources[0].0;
    let promise = &r.most_promisable_display;
    // The page's sentence: to the digits that tell it from the target (the
    // exports keep `expected_availability_display`, exact).
    let exp = &crate::display::availability_near(r.expected_unavailability, u);
    match (r.total, r.fits) {
        (Some(total), Some(true)) => {
            let mut out = format!(
                "Achievable: these dependencies, incidents and failed deployments are expected to spend {} of the {t} budget ({list}), leaving {} for everything else; expected availability {exp}.",
                crate::display::format_fraction_percent(total),
                crate::display::format_fraction_percent(1.0 - total),
            );
            if r.most_promisable
                .as_ref()
                .is_some_and(|p| p.unavailability() < u)
            {
                out.push_str(&format!(" You could promise up to {promise}."));
            }
            out
        }
        (Some(total), _) => format!(
            "Not achievable: these dependencies, incidents and failed deployments are expected to spend {} of the {t} budget ({list}); expected availability {exp}. The most you can promise is {promise}, or cut what spends the budget, starting with the {largest}.",
            crate::display::format_fraction_percent(total),
        ),
        (None, _) => format!(
            "Not achievable: a {t} target allows no downtime, and these dependencies, incidents and failed deployments are expected to leave {exp} ({list}). The most you can promise is {promise}."
        ),
    }
}

fn spend_shares(
    dependencies: &DependencyReport,
    incidents: &IncidentReport,
    delivery: &DeliveryReport,
    target: &Availability,
) -> SpendReport {
    let (d, i, r) = (
        dependencies.dependencies_budget_share,
        incidents.expected_budget_consumed,
        delivery.budget_consumed_by_releases,
    );
    let total = match (d, i, r) {
        // Each share is finite, but with a tiny budget (300 nines) their sum
        // can overflow: saturate rather than report infinity.
        (Some(d), Some(i), Some(r)) => Some((d + i + r).min(f64::MAX)),
        _ => None,
    };
    if target.unavailability() == 0.0 {
        // Say so in words rather than "— of the budget (…—…)".
        return SpendReport {
            dependencies: d,
            incidents: i,
            releases: r,
            total,
            fits: total.map(|t| t <= 1.0),
            display: "no budget to spend: a 100% target allows no downtime at all".into(),
            ..SpendReport::empty()
        };
    }
    let mut display = String::with_capacity(96);
    let pct = |out: &mut String, x: Option<f64>| match x {
        Some(x) => crate::display::push_fraction_percent(out, x),
        None => out.push_str(crate::display::ABSENT),
    };
    // `{total} of the budget (dependencies {d}, incidents {i}, failed deployments {r})`
    pct(&mut display, total);
    display.push_str(" of the budget (dependencies ");
    pct(&mut display, d);
    display.push_str(", incidents ");
    pct(&mut display, i);
    display.push_str(", failed deployments ");
    pct(&mut display, r);
    display.push(')');
    SpendReport {
        dependencies: d,
        incidents: i,
        releases: r,
        total,
        fits: total.map(|t| t <= 1.0),
        display,
        ..SpendReport::empty()
    }
}

impl SpendReport {
    fn empty() -> SpendReport {
        SpendReport {
            dependencies: None,
            incidents: None,
            releases: None,
            total: None,
            fits: None,
            display: String::new(),
            expected_unavailability: 0.0,
            expected_availability_display: String::new(),
            most_promisable: None,
            most_promisable_display: String::new(),
            verdict: String::new(),
            max_time_to_restore: Limit::Unlimited,
            max_time_to_restore_display: String::new(),
        }
    }
}

/// Cuts every list of the scenario to its bound ([`crate::bounds`]: the
/// custom alerts, the incident log, the dependencies with their groups,
/// levels, entries and scopes, the cost levels and the cost chart's
/// points) and returns what was cut, in that order; nothing when all are
/// within. [`crate::link::decode`] calls it on every link and saved
/// scenario, and says what was cut.
///
/// ```
/// use nines_core::bounds::{Cut, List};
/// use nines_core::dependency::Composition;
/// use nines_core::scenario::{bound, Scenario};
/// let mut s = Scenario::default();
/// assert!(bound(&mut s).is_empty());
/// s.dependencies.dependencies = vec![Composition::component("db", 0.001); 2_000];
/// assert_eq!(bound(&mut s), [Cut { list: List::Dependencies, had: 2_000, kept: 100 }]);
/// assert_eq!(s.dependencies.dependencies.len(), 100);
/// ```
pub fn bound(s: &mut Scenario) -> Vec<Cut> {
    let mut cuts = Vec::new();
    s.alerts.bound(&mut cuts);
    s.incidents.bound(&mut cuts);
    s.dependencies.bound(&mut cuts);
    s.cost.bound(&mut cuts);
    cuts
}

/// Whether every list of the scenario is within its bound: [`bound`]
/// would cut nothing.
///
/// ```
/// use nines_core::scenario::{within_bounds, Scenario};
/// let mut s = Scenario::default();
/// assert!(within_bounds(&s));
/// s.cost.marginal_levels = vec![3.0; 101];
/// assert!(!within_bounds(&s));
/// ```
pub fn within_bounds(s: &Scenario) -> bool {
    s.alerts.within_bounds()
        && s.incidents.within_bounds()
        && s.dependencies.within_bounds()
        && s.cost.within_bounds()
}

/// Computes every figure of the report. Pure: no clock, no I/O, never
/// panics. A scenario beyond the bounds (built in code: links are cut when
/// read) is evaluated as [`bound`] cuts it, so no list makes it slow.
///
/// ```
/// use nines_core::scenario::{evaluate, Scenario};
/// use nines_core::window::Convention;
/// let s = Scenario { convention: Convention::SreBook, ..Scenario::default() };
/// let r = evaluate(&s, nines_core::budget::STORY_NOW);
/// assert_eq!(r.target.downtime[2].seconds, Some(1_296.0)); // 0.05% of 30 days
/// ```
pub fn evaluate(s: &Scenario, now: DateTime<Utc>) -> Report {
    if within_bounds(s) {
        evaluate_bounded(s, now)
    } else {
        let mut cut = s.clone();
        bound(&mut cut);
        evaluate_bounded(&cut, now)
    }
}

/// [`evaluate`] of a scenario within the bounds.
fn evaluate_bounded(s: &Scenario, now: DateTime<Utc>) -> Report {
    let ctx = target_context(s);
    let frame = s.budget.frame(s.slo_window, s.convention, now);
    // The service hours (in the scenario's time zone, the budget's UTC
    // offset) less excluded maintenance: the only time the budget and the
    // alerts count.
    let measured = MeasuredTime::new(
        s.service_hours,
        &s.maintenance,
        s.budget.utc_offset,
        s.convention,
    );
    // What happened, counted once: the incident log over the window and
    // the period logged, and the incident model in force (typed, or taken
    // from the log), which every other section reads.
    let incidents = crate::incident::evaluate(&s.incidents, &ctx, &frame, &measured);
    let model = &incidents.model;
    // One source for the incident rate: the service's own outages (the
    // dependencies' detect-and-recover bound) and the on-call callouts of
    // `teams` services like this one are the incident model's.
    let mut dependency_inputs = s.dependencies.clone();
    dependency_inputs.outages_per_year = model.incidents_per_year;
    dependency_inputs.outage_scope = model.scope;
    let mut support_inputs = s.support.clone();
    // Saturated: a huge rate times the teams stays finite, for the
    // support section's own "too large" note.
    support_inputs.on_call.incidents_per_year =
        (f64::from(s.support.on_call.teams) * model.incidents_per_year).clamp(f64::MIN, f64::MAX);
    let delivery = crate::delivery::evaluate(&s.delivery, &ctx, s.convention);
    // The methods compared as revenue insurance: this service's incident
    // model and its revenue.
    let support = crate::support::evaluate_in(
        &support_inputs,
        &ctx,
        delivery.targets.deployments_per_week,
        s.currency,
        &crate::support::ServiceModel {
            incidents_per_year: model.incidents_per_year,
            time_to_restore_seconds: model.time_to_detect_seconds + model.time_to_recover_seconds,
            scope: model.scope,
            revenue_per_year: s.cost.model.revenue_per_year,
            impact_fraction: s.cost.model.impact_fraction,
        },
    );
    let dependencies = crate::dependency::evaluate(&dependency_inputs, &ctx);
    let requests = (s.budget.mode == BudgetMode::Requests)
        .then(|| s.budget.traffic.count_in_period(s.slo_window, s.convention));
    Report {
        target: crate::downtime::target_report(
            &s.target,
            s.convention,
            &s.service_hours,
            &s.maintenance,
        ),
        reverse: crate::downtime::reverse_report(
            &s.reverse,
            &s.target,
            s.convention,
            &s.service_hours,
        ),
        budget: crate::budget::budget_report(
            &s.budget,
            s.target,
            &frame,
            s.convention,
            &measured,
            LoggedBadTime {
                seconds: incidents.log.window.downtime_seconds,
                incidents: incidents.log.incidents_in_window,
            },
        ),
        alerts: crate::alerts::alerts_report_measured(
            &s.alerts,
            &s.target,
            s.slo_window,
            s.convention,
            requests,
            measured.fraction(),
        ),
        spend: spend_report(
            &dependencies,
            &incidents,
            &delivery,
            &s.target,
            s.slo_window.seconds(s.convention) as f64,
            ctx.year_seconds,
        ),
        incidents,
        dependencies,
        cost: {
            // One story: the on-call cost the "Who runs it" section works
            // out for the recommended method is part of what a target costs.
            let mut cost = crate::cost::evaluate_in(&s.cost, &ctx, s.currency);
            cost.with_on_call(
                support.recommended_on_call_cost_per_year,
                support.recommendation.method.name(),
            );
            cost
        },
        delivery,
        support,
    }
}

/// The target as the operational sections see it: its unavailability, the
/// SLO window and the convention's year.
fn target_context(s: &Scenario) -> TargetContext {
    TargetContext {
        unavailability: s.target.unavailability(),
        window_seconds: s.slo_window.seconds(s.convention) as f64,
        year_seconds: Period::Year.seconds(s.convention) as f64,
    }
}

impl Scenario {
    /// "Start from scratch": the
    /// default scenario without the example's data, so that no figure
    /// comes from a value the user did not type. Cleared: the incident log
    /// and the incidents expected a year, every dependency, the
    /// deployments a week, the money (revenue, engineering cost at the
    /// reference level, tolerable loss) and what the budget has spent (bad
    /// requests, bad time). Kept: the target, the conventions and windows,
    /// and the models' stated assumptions (times to detect and recover,
    /// scopes, cost factor, rates of pay), which the sections label with
    /// their sources.
    ///
    /// A link writes only the inputs that differ from [`Scenario::default`]
    /// ([`crate::link`]), so the blank scenario's link is one short key per
    /// input cleared, an empty list written `[]`:
    ///
    /// ```
    /// use nines_core::link::{decode, encode};
    /// use nines_core::scenario::{evaluate, Scenario};
    /// let blank = Scenario::blank();
    /// let r = evaluate(&blank, nines_core::budget::STORY_NOW);
    /// assert!(r.incidents.log.rows.is_empty());
    /// assert!(r.dependencies.extra_nine.is_empty());
    /// // Nothing is expected to spend the budget (the example's incidents,
    /// // dependencies and failed deployments spend 145% of it) and nothing
    /// // costs anything.
    /// assert_eq!(r.spend.expected_unavailability, 0.0);
    /// assert_eq!(r.cost.at_target.total_cost_per_year, 0.0);
    /// // Nine keys of 20 to 45 characters fit in 300; one of the example's
    /// // logged incidents, written in the link, would not.
    /// let link = encode(&blank);
    /// assert!(link.len() < 300, "{} characters: {link}", link.len());
    /// assert!(link.contains("&incidents.history=%5B%5D"), "{link}");
    /// assert!(link.contains("&dependencies.dependencies=%5B%5D"), "{link}");
    /// assert_eq!(decode(&link).scenario, blank);
    /// ```
    pub fn blank() -> Scenario {
        let mut s = Scenario::default();
        s.incidents.history.clear();
        s.incidents.incidents_per_year = 0.0;
        s.dependencies.dependencies.clear();
        s.dependencies.scopes.clear();
        s.delivery.deployment_frequency =
            crate::amount::Rate::per_days(crate::amount::Count::ZERO, 7);
        s.cost.model.revenue_per_year = 0.0;
        s.cost.model.reference_cost_per_year = 0.0;
        s.cost.tolerable_loss_per_year = 0.0;
        s.budget.bad_events = 0.0;
        s.budget.bad_seconds = 0.0;
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A product manager's case, worked by hand: checkout at 99.95% over a
    /// rolling 30-day window, wholly elapsed at now = 7 Dec 2026 00:00 UTC,
    /// counted in bad time; a payment provider at 99.99% and a database of
    /// two replicas, either enough, at 99.9% each; incidents on 3 Oct 2026
    /// (45 min, all users), 20 Oct (2 h, 20%) and 15 Nov (20 min, all); 10
    /// deploys a week, 1 in 20 fails, 5 + 25 min to restore, all users.
    ///
    /// * The budget is 0.0005 × 2 592 000 = 1 296 s (21m 36s); the window
    ///   (7 Nov – 7 Dec) holds the 15 Nov incident, 1 200 s: 92.59% spent,
    ///   by the budget section and by the log alike.
    /// * The period logged runs from the first incident, 3 Oct 00:00, to
    ///   now: 65 days = 5 616 000 s. Downtime 2 700 + 7 200 × 0.2 + 1 200
    ///   = 5 340 s: 1 − 5 340 / 5 616 000 = 99.904915%, which misses
    ///   99.95%. 3 incidents in 65 days are 3 × 365.2425 / 65 = 16.86 a
    ///   year; mean time to restore (45 + 120 + 20) / 3 = 61m 40s; scope
    ///   weighted by duration 5 340 / 11 100 = 48.11%.
    /// * Taken from the log, the model expects 5 340 s per 65 days, an
    ///   unavailability of 5 340 / 5 616 000 = 9.50855e-4; the dependencies
    ///   1 − 0.9999 × (1 − 0.001²) = 1.009999e-4; releases 10 × 30 / 7 ×
    ///   0.05 × 1 800 = 3 857.14 s per 30 days = 1.488095e-3. In all
    ///   2.53995e-3: more than 99.95%'s budget (508%); the highest round
    ///   target covering it is 99.5% (0.5%; 99.8% allows only 0.2%), the
    ///   one "most you can promise" of the page.
    #[test]
    fn what_happened_feeds_every_figure_worked_by_hand() {
        use crate::budget::BadTimeSource;
        use crate::dependency::Composition;
        use crate::incident::{ModelSource, PastIncident};
        let now = crate::clock::parse_instant("2026-12-07").unwrap();
        let mut s = Scenario {
            target: "99.95%".parse().unwrap(),
            ..Scenario::default()
        };
        s.budget.mode = BudgetMode::Time;
        s.budget.elapsed_seconds = 30.0 * 86_400.0;
        s.incidents.history = [
            "2026-10-03,45m,100%",
            "2026-10-20,2h,20%",
            "2026-11-15,20m,100%",
        ]
        .iter()
        .map(|l| PastIncident::parse(l).unwrap())
        .collect();
        s.dependencies.dependencies = vec![
            Composition::component("payment provider", 0.0001),
            Composition::Parallel(vec![Composition::component("database", 0.001); 2]),
        ];
        s.delivery.deployment_frequency = "10 per week".parse().unwrap();
        s.delivery.change_failure_rate = 0.05;
        s.delivery.time_to_detect_seconds = 300.0;
        s.delivery.time_to_recover_seconds = 1500.0;
        s.delivery.scope = 1.0;
        assert_eq!(s.budget.bad_time_source, BadTimeSource::Log);

        let r = evaluate(&s, now);
        // The budget's spend is the log's.
        assert_eq!(r.budget.spent, 1200.0);
        assert_eq!(r.budget.budget_display, "21m 36s");
        assert_eq!(r.budget.consumed_display, "92.59%");
        assert_eq!(r.incidents.log.window_budget_spent, r.budget.consumed);
        assert!(
            r.budget
                .spent_source
                .starts_with("from the incident log: 1 logged incident")
        );
        // Over the period logged, not a year.
        let period = &r.incidents.log.period;
        assert_eq!(period.seconds, 5_616_000.0);
        assert_eq!(period.downtime_seconds, 5340.0);
        assert_eq!(period.meets_target, Some(false));
        assert!((period.availability.unwrap() - (1.0 - 5340.0 / 5_616_000.0)).abs() < 1e-15);
        assert_eq!(
            r.incidents.log.display.rate,
            "3 incidents logged in 65d (16.86 a year); the model assumes 6 a year"
        );

        // The model taken from what happened.
        s.incidents.model_source = ModelSource::Log;
        let r = evaluate(&s, now);
        let m = &r.incidents.model;
        assert!((m.incidents_per_year - 3.0 * 365.2425 / 65.0).abs() < 1e-9);
        assert_eq!(m.time_to_detect_seconds + m.time_to_recover_seconds, 3700.0);
        assert!((m.scope - 5340.0 / 11_100.0).abs() < 1e-15);
        assert!((r.incidents.expected_unavailability - 5340.0 / 5_616_000.0).abs() < 1e-15);
        // The dependencies and the on-call read the same model.
        assert_eq!(
            r.dependencies.display.own_outages,
            "16.86 a year, each reaching 48.11% of users"
        );
        let expected = 1.009_999e-4 + 5340.0 / 5_616_000.0 + 3_857.142_857_142_857 / 2_592_000.0;
        assert!((r.spend.expected_unavailability - expected).abs() < 1e-12);
        assert_eq!(r.spend.fits, Some(false));
        // One "most you can promise": the verdict's, nowhere contradicted.
        assert_eq!(r.spend.most_promisable_display, "99.5%");
        assert!(
            r.spend
                .verdict
                .contains("The most you can promise is 99.5%"),
            "{}",
            r.spend.verdict
        );
        // The dependencies' own figure is named for what it is.
        let deps = &r.dependencies.display.most_promisable_sentence;
        assert!(
            deps.contains("alone leave room for a target of at most 99.98%"),
            "{deps}"
        );
        assert!(!deps.contains("can promise is"), "{deps}");
    }

    /// An achievable target is never answered with a lower one: the default
    /// story at 99.85% expects 0.072565% (145.13% of 99.95%'s 0.05%), so it
    /// is achievable, and the round 99.9% above it is what could be
    /// promised; at 99.95% the answer is 99.9%, lower.
    #[test]
    fn an_achievable_target_is_not_offered_a_lower_one() {
        let mut s = Scenario {
            target: "99.85%".parse().unwrap(),
            ..Scenario::default()
        };
        let r = evaluate(&s, crate::budget::STORY_NOW).spend;
        assert!(r.verdict.starts_with("Achievable"), "{}", r.verdict);
        assert_eq!(r.most_promisable_display, "99.9%");
        s.target = "99.9%".parse().unwrap();
        let r = evaluate(&s, crate::budget::STORY_NOW).spend;
        assert_eq!(r.most_promisable, Some(s.target));
        assert!(!r.verdict.contains("You could promise"), "{}", r.verdict);
        // The one longest time to restore at 99.9%: the dependencies take
        // 1.539924e-4 (worked in the verdict test below), failed
        // deployments 10 × 30 / 7 × 0.1 × (5 + 10 min) × 25% = 964.29 s of
        // 2 592 000 per window; the rest of 0.001, a Gregorian year of it,
        // over 6 incidents × 50% of users: ≈ 4 985.8 s, 1h 23m 6s.
        let releases = 10.0 * 30.0 / 7.0 * 0.1 * 900.0 * 0.25 / 2_592_000.0;
        let want = (0.001 - 1.539_924e-4 - releases) * 31_556_952.0 / 3.0;
        let got = r.max_time_to_restore.value().unwrap();
        assert!((got - want).abs() < 0.01, "{got} against {want}");
        assert_eq!(r.max_time_to_restore_display, "1h 23m 6s");
        // At 99.95% the others spend it all.
        s.target = "99.95%".parse().unwrap();
        let r = evaluate(&s, crate::budget::STORY_NOW).spend;
        assert_eq!(r.max_time_to_restore, Limit::AtMost(0.0));
        assert_eq!(r.max_time_to_restore_display, "none");
    }

    /// Alerts count service time. Worked by hand: 99.9% over
    /// 30 days of Mon–Fri 09:00–17:00 (40 of 168 hours) measures
    /// 2 592 000 × 40/168 = 617 142.86 s; the Workbook's "2% of the budget
    /// in 1 h" is then a burn rate of 0.02 × 617 142.86 / 3 600 = 3.43×
    /// (14.4× around the clock), and at 100% errors it fires after
    /// 3 600 × 3.4286 × 0.001 = 12.34 s (12s) of service, 2% of the budget.
    #[test]
    fn alerts_count_service_time() {
        let s = Scenario {
            target: "99.9%".parse().unwrap(),
            service_hours: "Mon-Fri 09:00-17:00".parse().unwrap(),
            ..Scenario::default()
        };
        let mut s = s;
        s.alerts.error_ratio = 1.0;
        let a = evaluate(&s, crate::budget::STORY_NOW).alerts;
        assert!((a.measured_seconds - 2_592_000.0 * 40.0 / 168.0).abs() < 1e-6);
        assert_eq!(a.rows[0].burn_rate_display, "3.43×");
        assert_eq!(a.rows[0].detection_display, "12s"); // to the second
        assert_eq!(a.rows[0].budget_spent_display, "2%");
        assert!(
            a.service_note
                .starts_with("Counted in service time: the budget is 23.81% of")
        );
        let plain = evaluate(
            &Scenario {
                service_hours: ServiceHours::always(),
                ..s
            },
            crate::budget::STORY_NOW,
        )
        .alerts;
        assert_eq!(plain.rows[0].burn_rate_display, "14.4×");
        assert_eq!(plain.service_note, "");
    }

    #[test]
    fn verdict_of_the_default_story_worked_by_hand() {
        // Dependencies in series: payment providers A‖B 0.001² = 1e-6,
        // orders database 1e-4, session cache 2 of 3 at 0.001 each
        // 3 × 0.001² × 0.999 + 0.001³ = 2.998e-6, inventory 5e-5:
        // 1 − Π(1 − uᵢ) = 1.539924e-4 (30.8% of a 0.05% budget).
        // Incidents: 6 × (5 + 30) min × 50% = 6 300 s a year of
        // 31 556 952 s = 1.996391e-4 (39.93%). Failed deployments: 10 a
        // week × 30/7 weeks × 10% = 4.2857 a window, each (5 + 10) min ×
        // 25% = 225 s: 964.29 s of 2 592 000 s = 3.720238e-4 (74.4%).
        // Together 7.25655e-4 = 145.13% of the budget: not achievable;
        // 99.92743% expected; the next 1-2-5 budget up is 0.1%: 99.9%.
        let r = evaluate(&Scenario::default(), crate::budget::STORY_NOW);
        let s = &r.spend;
        assert!((s.expected_unavailability - 7.25655e-4).abs() < 1e-9);
        assert_eq!(s.most_promisable_display, "99.9%");
        assert_eq!(
            s.verdict,
            "Not achievable: these dependencies, incidents and failed deployments are expected \
             to spend 145.13% of the 99.95% budget (failed deployments 74.4%, incidents 39.93%, \
             dependencies 30.8%); expected availability ≈99.93%. The most you can promise is \
             99.9%, or cut what spends the budget, starting with the failed deployments."
        );
        // At 99.9% the same spend is 72.57% of a 0.1% budget: achievable.
        let mut at = Scenario {
            target: "99.9".parse().unwrap(),
            ..Scenario::default()
        };
        let v = evaluate(&at, crate::budget::STORY_NOW).spend.verdict;
        assert!(
            v.starts_with("Achievable: ") && v.contains("spend 72.57% of the 99.9% budget"),
            "{v}"
        );
        assert!(
            v.contains("leaving 27.43% for everything else") && !v.contains("could promise"),
            "{v}"
        );
        // At 99.5% there is room for more: up to 99.9%.
        at.target = "99.5".parse().unwrap();
        let v = evaluate(&at, crate::budget::STORY_NOW).spend.verdict;
        assert!(v.ends_with("You could promise up to 99.9%."), "{v}");
        // 100%: no budget, and still the most that can be promised.
        at.target = Availability::HUNDRED;
        let v = evaluate(&at, crate::budget::STORY_NOW).spend.verdict;
        assert!(
            v.starts_with("Not achievable: a 100% target allows no downtime"),
            "{v}"
        );
        assert!(v.ends_with("The most you can promise is 99.9%."), "{v}");
    }

    #[test]
    fn spend_adds_only_the_sources_present() {
        // No dependencies and no incidents: everything spent is the
        // failed deployments' share, and the display names all three.
        let mut s = Scenario::default();
        s.dependencies.dependencies.clear();
        s.incidents.incidents_per_year = 0.0;
        let r = evaluate(&s, crate::budget::STORY_NOW);
        assert_eq!(r.spend.dependencies, Some(0.0));
        assert_eq!(r.spend.incidents, Some(0.0));
        assert_eq!(r.spend.total, r.delivery.budget_consumed_by_releases);
        assert!(r.spend.display.contains("failed deployments"));
        // A 100% target has no budget to spend: no total, no verdict.
        s.target = Availability::HUNDRED;
        let r = evaluate(&s, crate::budget::STORY_NOW);
        assert_eq!((r.spend.total, r.spend.fits), (None, None));
    }
    use crate::window::Maintenance;

    #[test]
    fn default_scenario_round_trips_through_json() {
        let s = Scenario::default();
        let json = serde_json::to_string(&s).unwrap();
        // The target section's fields are readable strings in the JSON.
        assert!(
            json.starts_with(
                r#"{"target":"99.95%","convention":"gregorian","reverse":{"downtime_seconds":14400.0,"period":"month"},"service_hours":"24/7","maintenance":{"treatment":"excluded","seconds_per_month":0.0},"slo_window":"30d","#
            ),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<Scenario>(&json).unwrap(), s);
        assert_eq!(serde_json::from_str::<Scenario>("{}").unwrap(), s);
        assert!(serde_json::from_str::<Scenario>(r#"{"target":"250%"}"#).is_err());
    }

    #[test]
    fn default_report() {
        let r = evaluate(&Scenario::default(), crate::budget::STORY_NOW);
        let t = &r.target;
        assert_eq!(t.availability_percent, "99.95%");
        assert_eq!(t.canonical, "99.95%");
        assert_eq!(t.unavailability, 0.0005);
        assert_eq!(t.unavailability_percent, "0.05%");
        assert_eq!(t.nines_display, "3.3 nines");
        assert_eq!(
            t.convention_label,
            "Gregorian mean (year 365.2425 days, month 30.436875 days)"
        );
        let shown: Vec<(&str, &str)> = t
            .downtime
            .iter()
            .map(|d| (d.period_label.as_str(), d.display.as_str()))
            .collect();
        // 0.0005 × (86 400; 604 800; 2 629 746; 7 889 238; 31 556 952) s.
        assert_eq!(
            shown,
            [
                ("per day", "43s"),
                ("per week", "5m 2s"),
                ("per month", "21m 55s"),
                ("per quarter", "1h 5m 45s"),
                ("per year", "4h 22m 58s"),
            ]
        );
        assert_eq!(t.downtime[0].seconds, Some(43.2));
        assert_eq!(r.reverse.error, None);
        assert_eq!(r.reverse.nines_display.as_deref(), Some("2.26 nines"));
    }

    #[test]
    fn reverse_errors_are_reported_not_panicked() {
        let mut s = Scenario {
            reverse: ReverseInput {
                downtime_seconds: 2.0 * 86_400.0,
                period: Period::Day,
            },
            ..Scenario::default()
        };
        let r = evaluate(&s, crate::budget::STORY_NOW).reverse;
        assert_eq!(r.availability_percent, None);
        assert_eq!(
            r.error.as_deref(),
            Some("2d of downtime is more than the whole window (1d)")
        );
        s.reverse.downtime_seconds = f64::NAN;
        assert!(
            evaluate(&s, crate::budget::STORY_NOW)
                .reverse
                .error
                .is_some()
        );
    }

    #[test]
    fn partial_schedule_says_per_day_is_undefined() {
        let s = Scenario {
            service_hours: "Mon-Fri 08:00-20:00".parse().unwrap(),
            maintenance: PlannedMaintenance::new(Maintenance::Counted, 60.0).unwrap(),
            target: Availability::parse("99.9").unwrap(),
            ..Scenario::default()
        };
        let r = evaluate(&s, crate::budget::STORY_NOW);
        assert_eq!(r.target.downtime[0].seconds, None);
        assert_eq!(
            r.target.downtime[0].display,
            "not defined: service hours differ by day"
        );
        assert_eq!(r.target.service_hours, "Mon-Fri 08:00-20:00");
        assert_eq!(
            r.target.maintenance,
            "1m a month of planned maintenance, counted against the budget: the unplanned \
             downtime allowed is the budget less the maintenance"
        );
        // Week: 0.1% of 60 h = 216 s, minus 60 s × 7 / 30.436875 days.
        let week = r.target.downtime[1].seconds.unwrap();
        assert!((week - (216.0 - 60.0 * 604_800.0 / 2_629_746.0)).abs() < 1e-9);
    }

    #[test]
    fn hundred_percent_never_prints_inf() {
        let s = Scenario {
            target: Availability::HUNDRED,
            ..Scenario::default()
        };
        let r = evaluate(&s, crate::budget::STORY_NOW);
        let json = serde_json::to_string(&r).unwrap();
        assert!(!json.contains("inf"), "{json}");
        assert_eq!(r.target.nines, None);
        assert_eq!(r.target.nines_display, "100% (no downtime allowed)");
        assert!(r.target.downtime.iter().all(|d| d.display == "0s"));
    }

    #[test]
    fn budget_and_alerts_round_trip_through_json() {
        let json = r#"{"budget":{"mode":"time","traffic":"1000 rps","start":"2026-01-01T00:00:00Z"},
                       "alerts":{"policy":"sloth","error_ratio":0.5}}"#;
        let s: Scenario = serde_json::from_str(json).unwrap();
        assert_eq!(s.budget.mode, BudgetMode::Time);
        assert_eq!(s.alerts.policy, PolicyChoice::Sloth);
        let back: Scenario = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(back, s);
        assert!(serde_json::from_str::<Scenario>(r#"{"budget":{"traffic":"1000"}}"#).is_err());
    }
}
