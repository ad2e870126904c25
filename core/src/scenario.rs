//! One scenario in, one report out: the UI and the CLI parse a [`Scenario`],
//! call [`evaluate`], and render the strings of the [`Report`]. Every figure
//! a page shows is in the report already formatted, with its convention.
//!
//! Designed to grow (STYLE.md: "one reducer over one serde-able scenario"):
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

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::alerts::{
    AlertPolicy, BurnAlert, DetectionCurve, Preset, Severity, analyse_alert, detection_series,
    policy_warnings,
};
use crate::amount::{Count, Rate};
use crate::budget::{
    BudgetMode, BurnDownPoint, ErrorBudget, Exhaustion, PolicyStatus, Spend, burn_down,
    exhaustion_at,
};
use crate::cost::{CostInputs, CostReport};
use crate::delivery::{DeliveryInputs, DeliveryReport};
use crate::dependency::{DependencyInputs, DependencyReport};
use crate::display::{
    format_burn_rate, format_fraction_percent, format_instant, format_instant_iso,
};
use crate::downtime::{DowntimeRow, DowntimeTable, availability_from_downtime_in_service};
use crate::duration::format_duration;
use crate::incident::{IncidentInputs, IncidentReport};
use crate::quantity::Availability;
use crate::support::{SupportInputs, SupportReport};
use crate::target::TargetContext;
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
    /// The error budget so far (DOMAIN.md §2).
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
        }
    }
}

/// 99.95%: U = 5/10000 exactly.
fn default_target() -> Availability {
    Availability::from_unavailability(0.0005).unwrap_or(Availability::HUNDRED)
}

/// The reverse question's inputs: a downtime and the period it fell in.
///
/// ```
/// use nines_core::scenario::ReverseInput;
/// use nines_core::window::Period;
/// let r = ReverseInput::default();
/// assert_eq!((r.downtime_seconds, r.period), (14_400.0, Period::Month));
/// ```
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Debug)]
#[serde(default)]
pub struct ReverseInput {
    /// Downtime in seconds (default 4h).
    pub downtime_seconds: f64,
    /// The period it fell in (default a month).
    pub period: Period,
}

impl Default for ReverseInput {
    fn default() -> Self {
        ReverseInput {
            downtime_seconds: 4.0 * 3_600.0,
            period: Period::Month,
        }
    }
}

/// Every figure the page shows.
///
/// ```
/// use nines_core::scenario::{evaluate, Scenario};
/// let r = evaluate(&Scenario::default());
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
/// let r = evaluate(&Scenario::default());
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
}

fn spend_report(
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
        };
    }
    let mut display = String::with_capacity(96);
    let pct = |out: &mut String, x: Option<f64>| match x {
        Some(x) => crate::display::push_fraction_percent(out, x),
        None => out.push('—'),
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
    }
}

/// The target, its nines and its allowed downtime per period.
///
/// ```
/// use nines_core::scenario::{evaluate, Scenario};
/// let t = evaluate(&Scenario::default()).target;
/// assert_eq!(t.nines_display, "3.3 nines");
/// assert_eq!(t.convention_id, "gregorian");
/// ```
#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct TargetReport {
    /// For people: `99.95%` (exact), or `≈99.96838%` when rounded.
    pub availability_percent: String,
    /// The canonical string that parses back to the same target (for share
    /// links): `99.95%`, `3.5 nines`, `1/180`.
    pub canonical: String,
    /// Whether the target is held exactly (false only for fractional nines).
    pub exact: bool,
    /// `-log10(U)`; `None` for 100% (infinitely many nines).
    pub nines: Option<f64>,
    /// `3.3 nines`, or `100% (no downtime allowed)`.
    pub nines_display: String,
    /// `U` as a fraction, full precision.
    pub unavailability: f64,
    /// `U` in percent for people: `0.05%` (the error budget's share of time).
    pub unavailability_percent: String,
    /// The convention's id, e.g. `gregorian`.
    pub convention_id: String,
    /// The convention's label, stating the lengths in force.
    pub convention_label: String,
    /// The service hours, e.g. `24/7` or `Mon-Fri 08:00-20:00`.
    pub service_hours: String,
    /// The planned-maintenance setting in words.
    pub maintenance: String,
    /// How the durations were rounded (DOMAIN.md §1: "round deliberately
    /// for display … and say so").
    pub rounding_note: String,
    /// Allowed downtime per day, week, month, quarter and year.
    pub downtime: Vec<DowntimeRow>,
}

/// The availability a given downtime in a given period amounts to.
///
/// ```
/// use nines_core::scenario::{evaluate, Scenario};
/// let r = evaluate(&Scenario::default()).reverse;
/// assert_eq!(r.downtime_display, "4h");
/// assert_eq!(r.period_label, "per month");
/// assert_eq!(r.availability_percent.as_deref(), Some("≈99.4524%"));
/// assert_eq!(r.meets_target, Some(false));
/// ```
#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct ReverseReport {
    /// The downtime, seconds.
    pub downtime_seconds: f64,
    /// The downtime for people: `4h`.
    pub downtime_display: String,
    /// The period (`"month"` in JSON).
    pub period: Period,
    /// `per month`.
    pub period_label: String,
    /// The period with its length: `month (30.436875 days, gregorian)`.
    pub period_description: String,
    /// The availability for people, `None` when there is an error.
    pub availability_percent: Option<String>,
    /// The canonical availability string (parses back exactly).
    pub canonical: Option<String>,
    /// Nines, `None` for 100% or on error.
    pub nines: Option<f64>,
    /// `2.26 nines`.
    pub nines_display: Option<String>,
    /// `U` as a fraction.
    pub unavailability: Option<f64>,
    /// Whether this downtime stays within the target.
    pub meets_target: Option<bool>,
    /// Why there is no answer (e.g. more downtime than the period).
    pub error: Option<String>,
}

fn finite_nines(a: &Availability) -> Option<f64> {
    Some(a.nines()).filter(|n| n.is_finite())
}

fn target_report(s: &Scenario) -> TargetReport {
    let t = &s.target;
    let table = DowntimeTable::with_schedule(
        t,
        s.convention,
        &Period::STANDARD,
        &s.service_hours,
        &s.maintenance,
    );
    let (availability_percent, canonical) = t.percent_and_canonical();
    TargetReport {
        availability_percent,
        canonical,
        exact: t.is_exact(),
        nines: finite_nines(t),
        nines_display: t.format_nines(),
        unavailability: t.unavailability(),
        unavailability_percent: t.format_unavailability_percent(),
        convention_id: s.convention.id().to_string(),
        convention_label: s.convention.label().to_string(),
        service_hours: s.service_hours.to_string(),
        maintenance: s.maintenance.describe(),
        rounding_note: "durations rounded to the nearest second (three significant digits in \
                        ms, µs or ns below one second); \
                        seconds are exact"
            .to_string(),
        downtime: table.rows,
    }
}

fn reverse_report(s: &Scenario) -> ReverseReport {
    let r = &s.reverse;
    let result = availability_from_downtime_in_service(
        r.downtime_seconds,
        r.period,
        s.convention,
        &s.service_hours,
    );
    let mut report = ReverseReport {
        downtime_seconds: r.downtime_seconds,
        downtime_display: format_duration(r.downtime_seconds),
        period: r.period,
        period_label: r.period.label(),
        period_description: r.period.describe(s.convention),
        availability_percent: None,
        canonical: None,
        nines: None,
        nines_display: None,
        unavailability: None,
        meets_target: None,
        error: None,
    };
    match result {
        Ok(a) => {
            let (percent, canonical) = a.percent_and_canonical();
            report.availability_percent = Some(percent);
            report.canonical = Some(canonical);
            report.nines = finite_nines(&a);
            report.nines_display = Some(a.format_nines());
            report.unavailability = Some(a.unavailability());
            report.meets_target = a.partial_cmp(&s.target).map(|o| o.is_ge());
        }
        Err(e) => report.error = Some(e.to_string()),
    }
    report
}

/// 2026-11-01T00:00:00Z: the default start of the SLO window. A fixed
/// instant, because the core never reads the clock.
fn default_start() -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(2026, 11, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map_or(DateTime::UNIX_EPOCH, |t| t.and_utc())
}

/// The error budget's inputs; the window is the scenario's shared
/// [`Scenario::slo_window`]. The defaults tell a story: a checkout
/// service with 2.6M requests per 30 days (about one a second), ten days
/// into its window, with 520 bad requests so far: 40% of its 99.95% budget
/// spent in a third of the window (burn rate 1.2).
///
/// ```
/// use nines_core::scenario::BudgetInput;
/// let b = BudgetInput::default();
/// assert_eq!(b.mode, nines_core::budget::BudgetMode::Requests);
/// assert_eq!(b.traffic.to_string(), "2,600,000 per 30d");
/// assert_eq!(b.start.to_rfc3339(), "2026-11-01T00:00:00+00:00");
/// ```
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Debug)]
#[serde(default)]
pub struct BudgetInput {
    /// Counted in requests (default) or in bad time.
    pub mode: BudgetMode,
    /// Traffic, e.g. `"2.6M per 30d"` or `"1000 rps"` (default 2.6M per 30d).
    pub traffic: Rate,
    /// Bad requests so far (request mode; default 520).
    pub bad_events: f64,
    /// Seconds of bad time so far (time mode; default 10 minutes).
    pub bad_seconds: f64,
    /// Time elapsed since the window started, seconds (default 10 days).
    pub elapsed_seconds: f64,
    /// When the window started (default 2026-11-01T00:00:00Z).
    pub start: DateTime<Utc>,
}

impl Default for BudgetInput {
    fn default() -> Self {
        BudgetInput {
            mode: BudgetMode::Requests,
            traffic: Rate::per_days(Count::from_f64(2_600_000.0).unwrap_or(Count::ZERO), 30),
            bad_events: 520.0,
            bad_seconds: 600.0,
            elapsed_seconds: 10.0 * 86_400.0,
            start: default_start(),
        }
    }
}

/// Which alert policy to show.
///
/// ```
/// use nines_core::scenario::PolicyChoice;
/// assert_eq!(serde_json::to_string(&PolicyChoice::Pyrra).unwrap(), "\"pyrra\"");
/// ```
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum PolicyChoice {
    /// The SRE Workbook's Table 5-8 (default).
    #[default]
    Workbook,
    /// Sloth's catalogue.
    Sloth,
    /// Pyrra's catalogue.
    Pyrra,
    /// The alerts in [`AlertInput::custom`].
    Custom,
}

/// The alerting inputs.
///
/// ```
/// use nines_core::scenario::{AlertInput, PolicyChoice};
/// let a = AlertInput::default();
/// assert_eq!((a.policy, a.error_ratio), (PolicyChoice::Workbook, 0.01));
/// ```
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
#[serde(default)]
pub struct AlertInput {
    /// The policy (default the Workbook's).
    pub policy: PolicyChoice,
    /// The alerts of a custom policy.
    pub custom: Vec<BurnAlert>,
    /// The error ratio (0 to 1) at which to compute detection times
    /// (default 1%).
    pub error_ratio: f64,
}

impl Default for AlertInput {
    fn default() -> Self {
        AlertInput {
            policy: PolicyChoice::Workbook,
            custom: Vec::new(),
            error_ratio: 0.01,
        }
    }
}

/// The error budget as the page shows it. Numbers are full precision;
/// `*_display` strings are rounded for people (durations to the second,
/// percentages to two decimals).
///
/// ```
/// use nines_core::scenario::{evaluate, Scenario};
/// let b = evaluate(&Scenario::default()).budget;
/// assert_eq!(b.budget_display, "21m 36s"); // 0.05% of 30 days
/// assert_eq!(b.allowed_bad_display, "1,300");
/// assert_eq!(b.consumed_display, "40%");
/// assert_eq!(b.burn_rate_display, "1.2×");
/// assert_eq!(b.exhaustion_iso.as_deref(), Some("2026-11-26T00:00:00Z"));
/// assert_eq!(b.policy_label, "Launches allowed");
/// ```
#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct BudgetReport {
    /// Time or requests.
    pub mode: BudgetMode,
    /// The SLO window (`"30d"` in JSON).
    pub window: Period,
    /// `30 days`.
    pub window_label: String,
    /// The window with its length and convention when that matters.
    pub window_description: String,
    /// The window, seconds.
    pub window_seconds: f64,
    /// The convention's id.
    pub convention_id: String,
    /// `U`.
    pub budget_fraction: f64,
    /// `0.05%`.
    pub budget_percent: String,
    /// `U × window`, seconds.
    pub budget_seconds: f64,
    /// `21m 36s`.
    pub budget_display: String,
    /// The traffic, canonical (`2,600,000 per 30d`).
    pub traffic: String,
    /// `2.6M per 30d`.
    pub traffic_display: String,
    /// Requests expected in the window.
    pub requests_in_window: f64,
    /// `2.6M`.
    pub requests_display: String,
    /// `U × requests`: bad requests allowed.
    pub allowed_bad: f64,
    /// `1,300`.
    pub allowed_bad_display: String,
    /// The budget in the mode's unit: `1,300 bad requests` or `21m 36s`.
    pub allowed_display: String,
    /// Spent so far in the mode's unit (bad requests or bad seconds).
    pub spent: f64,
    /// `520 bad requests` or `10m`.
    pub spent_display: String,
    /// Seconds elapsed.
    pub elapsed_seconds: f64,
    /// `10d`.
    pub elapsed_display: String,
    /// Share of the window elapsed: `33.33%`.
    pub elapsed_percent: String,
    /// Spent / allowed; `None` when unbounded (a 100% target with failures).
    pub consumed: Option<f64>,
    /// `40%`.
    pub consumed_display: String,
    /// 1 − consumed, negative when overspent.
    pub remaining: Option<f64>,
    /// `60%`.
    pub remaining_display: String,
    /// What is left in the mode's unit: `780 bad requests`, `12m 58s`.
    pub remaining_amount_display: String,
    /// Observed error ratio / `U`.
    pub burn_rate: Option<f64>,
    /// `1.2×`.
    pub burn_rate_display: String,
    /// remaining × window / burn rate, from now.
    pub time_to_exhaustion_seconds: Option<f64>,
    /// `15d`, `never`, `already spent`.
    pub time_to_exhaustion_display: String,
    /// When the budget runs out (state and offset).
    pub exhaustion: Exhaustion,
    /// The instant, ISO 8601 UTC.
    pub exhaustion_iso: Option<String>,
    /// For people: `Thu 26 Nov 2026, 00:00 UTC (within the window)`.
    pub exhaustion_display: String,
    /// The window start, ISO 8601 UTC.
    pub start_iso: String,
    /// Start + elapsed, ISO 8601 UTC.
    pub now_iso: Option<String>,
    /// Start + window, ISO 8601 UTC.
    pub window_end_iso: Option<String>,
    /// Launches allowed or frozen.
    pub policy: PolicyStatus,
    /// `Launches allowed`.
    pub policy_label: String,
    /// The rule applied, quoting the essays.
    pub policy_reason: String,
    /// Budget remaining across the window, actual then projected.
    pub burn_down: Vec<BurnDownPoint>,
    /// Why the status could not be computed, if so.
    pub error: Option<String>,
}

/// Samples in the burn-down chart (daily for 30 days).
const BURN_DOWN_POINTS: usize = 31;
/// Samples per curve in the detection-time chart.
const DETECTION_POINTS: usize = 24;

/// A count for display: two decimals at most (two significant digits below
/// 0.005), thousands separators.
fn format_count(x: f64) -> String {
    let mut out = String::with_capacity(24);
    push_count(&mut out, x);
    out
}

/// [`format_count`], appended to `out`.
fn push_count(out: &mut String, x: f64) {
    if !x.is_finite() {
        out.push_str("undefined");
        return;
    }
    let hundredths = (x * 100.0).round();
    let rounded = if hundredths == 0.0 && x != 0.0 {
        // Too small for two decimals (2.6 millionths of a bad request at
        // twelve nines): two significant digits rather than a bare "0".
        let decimals = (1 - x.abs().log10().floor() as i32).clamp(2, 300) as usize;
        format!("{x:.decimals$}").parse().unwrap_or(x)
    } else if hundredths.is_finite() {
        hundredths / 100.0
    } else {
        x.round()
    };
    match Count::from_f64(rounded.abs()) {
        Some(c) => {
            if rounded < 0.0 {
                out.push('-');
            }
            c.push_canonical(out);
        }
        None => {
            use std::fmt::Write;
            let _ = write!(out, "{rounded}");
        }
    }
}

fn in_unit(mode: BudgetMode, x: f64) -> String {
    match mode {
        BudgetMode::Time => format_duration(x),
        BudgetMode::Requests => {
            let noun = if x == 1.0 {
                " bad request"
            } else {
                " bad requests"
            };
            let mut out = String::with_capacity(32);
            push_count(&mut out, x);
            out.push_str(noun);
            out
        }
    }
}

fn budget_report(s: &Scenario) -> BudgetReport {
    let input = &s.budget;
    let budget = ErrorBudget::new(s.target, s.slo_window, s.convention);
    let window_seconds = budget.window_seconds();
    let requests = input.traffic.count_in_period(s.slo_window, s.convention);
    let allowed_bad = budget.allowed_bad(requests).unwrap_or(0.0);
    let spend = match input.mode {
        BudgetMode::Time => Spend::BadSeconds(input.bad_seconds),
        BudgetMode::Requests => Spend::BadRequests {
            bad: input.bad_events,
            requests_in_window: requests,
        },
    };
    let mode = input.mode;
    let budget_seconds = budget.seconds();
    let allowed = match mode {
        BudgetMode::Time => budget_seconds,
        BudgetMode::Requests => allowed_bad,
    };
    let elapsed = input.elapsed_seconds;
    let iso_after = |secs: f64| {
        secs.is_finite()
            .then(|| {
                exhaustion_at(
                    input.start,
                    &Exhaustion::Already {
                        after_seconds: secs,
                    },
                )
            })
            .flatten()
            .map(format_instant_iso)
    };
    let mut report = BudgetReport {
        mode,
        window: s.slo_window,
        window_label: s.slo_window.name(),
        window_description: s.slo_window.describe(s.convention),
        window_seconds,
        convention_id: s.convention.id().to_string(),
        budget_fraction: budget.fraction(),
        budget_percent: s.target.format_unavailability_percent(),
        budget_seconds,
        budget_display: format_duration(budget_seconds),
        traffic: input.traffic.to_string(),
        traffic_display: input.traffic.format_compact(),
        requests_in_window: requests,
        requests_display: Count::from_f64(requests.round())
            .map_or_else(|| format_count(requests), |c| c.format_compact()),
        allowed_bad,
        allowed_bad_display: format_count(allowed_bad),
        allowed_display: in_unit(mode, allowed),
        spent: match spend {
            // Invalid inputs are reported in `error`; show nothing spent.
            Spend::BadSeconds(x) | Spend::BadRequests { bad: x, .. } => {
                if x.is_finite() && x >= 0.0 { x } else { 0.0 }
            }
        },
        spent_display: String::new(),
        elapsed_seconds: if elapsed.is_finite() && elapsed >= 0.0 {
            elapsed
        } else {
            0.0
        },
        elapsed_display: format_duration(elapsed),
        elapsed_percent: format_fraction_percent(elapsed / window_seconds),
        consumed: None,
        consumed_display: "—".into(),
        remaining: None,
        remaining_display: "—".into(),
        remaining_amount_display: "—".into(),
        burn_rate: None,
        burn_rate_display: "—".into(),
        time_to_exhaustion_seconds: None,
        time_to_exhaustion_display: "—".into(),
        exhaustion: Exhaustion::NotStarted,
        exhaustion_iso: None,
        exhaustion_display: "—".into(),
        start_iso: format_instant_iso(input.start),
        now_iso: iso_after(elapsed),
        window_end_iso: iso_after(window_seconds),
        policy: PolicyStatus::Frozen,
        policy_label: String::new(),
        policy_reason: String::new(),
        burn_down: Vec::new(),
        error: None,
    };
    report.spent_display = in_unit(mode, report.spent);
    let status = match budget.status(spend, elapsed) {
        Ok(status) => status,
        Err(e) => {
            report.error = Some(e.to_string());
            report.policy_label = "Unknown".into();
            report.policy_reason = "The budget status could not be computed.".into();
            return report;
        }
    };
    report.consumed = status.consumed;
    report.consumed_display = status.consumed.map_or_else(
        || "unbounded (a 100% target allows no failures)".into(),
        format_fraction_percent,
    );
    report.remaining = status.remaining;
    if let Some(r) = status.remaining {
        report.remaining_display = format_fraction_percent(r);
        report.remaining_amount_display = in_unit(mode, r * allowed);
    }
    report.burn_rate = status.burn_rate;
    report.burn_rate_display = status
        .burn_rate
        .map_or_else(|| "not measured yet".into(), format_burn_rate);
    report.time_to_exhaustion_seconds = status.time_to_exhaustion_seconds;
    report.exhaustion = status.exhaustion;
    let instant = exhaustion_at(input.start, &status.exhaustion);
    report.exhaustion_iso = instant.map(format_instant_iso);
    let when = instant.map_or_else(|| "beyond the calendar".into(), format_instant);
    (report.time_to_exhaustion_display, report.exhaustion_display) = match status.exhaustion {
        Exhaustion::NotStarted => (
            "not measured yet".into(),
            "no time has elapsed in the window yet".into(),
        ),
        Exhaustion::Never => ("never".into(), "never: nothing has been spent".into()),
        Exhaustion::Already { .. } => (
            "already spent".into(),
            ["already spent (", when.as_str(), ")"].concat(),
        ),
        Exhaustion::At { within_window, .. } => (
            status
                .time_to_exhaustion_seconds
                .map_or_else(|| "—".into(), format_duration),
            if within_window {
                when + " (before the window ends)"
            } else {
                when + " (after the window ends: the budget lasts)"
            },
        ),
    };
    report.policy = status.policy;
    report.policy_label = status.policy.label().into();
    report.policy_reason = status.policy.reason().into();
    report.burn_down = burn_down(&status, BURN_DOWN_POINTS);
    report
}

/// One row of the alerts table.
///
/// ```
/// use nines_core::scenario::{evaluate, Scenario};
/// let rows = evaluate(&Scenario::default()).alerts.rows;
/// assert_eq!(rows[0].windows_display, "1h / 5m");
/// assert_eq!(rows[0].burn_rate_display, "14.4×");
/// assert_eq!(rows[0].detection_display, "43m 12s"); // 1h × 14.4 × 0.05% / 1%
/// ```
#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct AlertRow {
    /// Page or ticket.
    pub severity: Severity,
    /// `Page`.
    pub severity_label: String,
    /// Long window, seconds.
    pub long_window_seconds: f64,
    /// `1h`.
    pub long_window_display: String,
    /// Short window, seconds.
    pub short_window_seconds: f64,
    /// `5m`.
    pub short_window_display: String,
    /// `1h / 5m`.
    pub windows_display: String,
    /// `for` duration, seconds (Pyrra).
    pub for_seconds: Option<f64>,
    /// `2m`.
    pub for_display: Option<String>,
    /// The burn-rate threshold for this SLO period.
    pub burn_rate: f64,
    /// `14.4×`.
    pub burn_rate_display: String,
    /// Budget consumed within the long window at the threshold.
    pub budget_consumed: f64,
    /// `2%`.
    pub budget_consumed_display: String,
    /// `b × U`.
    pub threshold_error_ratio: f64,
    /// `0.72%`.
    pub threshold_display: String,
    /// Whether a total outage can fire it.
    pub can_fire: bool,
    /// Time to fire at the scenario's error ratio.
    pub detection_seconds: Option<f64>,
    /// `43m 12s` or `never`.
    pub detection_display: String,
    /// Budget spent by then.
    pub budget_spent: Option<f64>,
    /// `2%` or `—`.
    pub budget_spent_display: String,
    /// Time it keeps firing after the errors stop.
    pub reset_seconds: Option<f64>,
    /// `4m 35s` or `—`.
    pub reset_display: String,
}

/// The alert policy as the page shows it.
///
/// ```
/// use nines_core::scenario::{evaluate, Scenario};
/// let a = evaluate(&Scenario::default()).alerts;
/// assert_eq!(a.policy_id, "workbook");
/// assert_eq!(a.rows.len(), 3);
/// assert_eq!(a.burn_rate_at_error_ratio_display, "20×"); // 1% / 0.05%
/// assert!(a.warnings.is_empty());
/// ```
#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct AlertsReport {
    /// `workbook`, `sloth`, `pyrra`, `custom`.
    pub policy_id: String,
    /// For people.
    pub policy_name: String,
    /// Where the numbers come from.
    pub policy_source: String,
    /// How the policy adapts to the period.
    pub policy_note: Option<String>,
    /// The SLO period, seconds (the budget's window).
    pub period_seconds: f64,
    /// `30 days`.
    pub period_label: String,
    /// The error ratio evaluated (clamped to 0..=1).
    pub error_ratio: f64,
    /// `1%`.
    pub error_ratio_display: String,
    /// error ratio / `U`; `None` for a 100% target.
    pub burn_rate_at_error_ratio: Option<f64>,
    /// `20×`.
    pub burn_rate_at_error_ratio_display: String,
    /// One row per alert, in the policy's order.
    pub rows: Vec<AlertRow>,
    /// Warnings in words.
    pub warnings: Vec<String>,
    /// Detection time against error ratio per alert (log-log).
    pub detection_chart: Vec<DetectionCurve>,
    /// Why the policy or input is unusable, if so.
    pub error: Option<String>,
}

fn alerts_report(s: &Scenario) -> AlertsReport {
    let input = &s.alerts;
    let period = s.slo_window;
    let period_whole = period.seconds(s.convention);
    let period_seconds = period_whole as f64;
    let policy = match input.policy {
        PolicyChoice::Workbook => Preset::Workbook.policy(period_whole),
        PolicyChoice::Sloth => Preset::Sloth.policy(period_whole),
        PolicyChoice::Pyrra => Preset::Pyrra.policy(period_whole),
        PolicyChoice::Custom => AlertPolicy::custom(input.custom.clone()),
    };
    let mut error = policy.validate().err().map(|e| e.to_string());
    let e = input.error_ratio;
    if !(e.is_finite() && (0.0..=1.0).contains(&e)) {
        error.get_or_insert_with(|| "the error ratio must be between 0% and 100%".into());
    }
    let e = if e.is_nan() { 0.0 } else { e.clamp(0.0, 1.0) };
    let u = s.target.unavailability();
    let burn = (u > 0.0).then(|| e / u).filter(|b| b.is_finite());
    let mut report = AlertsReport {
        policy_id: policy.id.clone(),
        policy_name: policy.name.clone(),
        policy_source: policy.source.clone(),
        policy_note: policy.note.clone(),
        period_seconds,
        period_label: period.name(),
        error_ratio: e,
        error_ratio_display: format_fraction_percent(e),
        burn_rate_at_error_ratio: burn,
        burn_rate_at_error_ratio_display: burn.map_or_else(
            || {
                if u > 0.0 {
                    "undefined".into()
                } else {
                    // Said in words, not "undefined" (issue 7).
                    "none: a 100% target has no budget to burn".into()
                }
            },
            format_burn_rate,
        ),
        rows: Vec::new(),
        warnings: Vec::new(),
        detection_chart: Vec::new(),
        error,
    };
    if report.error.is_some() && policy.validate().is_err() {
        return report;
    }
    report.rows = policy
        .alerts
        .iter()
        .map(|alert| {
            let a = analyse_alert(alert, &s.target, period_seconds, e);
            let long = format_duration(a.long_window_seconds);
            let short = format_duration(a.short_window_seconds);
            AlertRow {
                severity: a.severity,
                severity_label: a.severity.label().into(),
                long_window_seconds: a.long_window_seconds,
                short_window_seconds: a.short_window_seconds,
                windows_display: [long.as_str(), " / ", short.as_str()].concat(),
                long_window_display: long,
                short_window_display: short,
                for_seconds: a.for_seconds,
                for_display: a.for_seconds.map(format_duration),
                burn_rate: a.burn_rate,
                burn_rate_display: format_burn_rate(a.burn_rate),
                budget_consumed: a.budget_consumed,
                budget_consumed_display: format_fraction_percent(a.budget_consumed),
                threshold_error_ratio: a.threshold_error_ratio,
                threshold_display: format_fraction_percent(a.threshold_error_ratio),
                can_fire: a.can_fire,
                detection_seconds: a.detection_seconds,
                detection_display: a
                    .detection_seconds
                    .map_or_else(|| "never".into(), format_duration),
                budget_spent: a.budget_spent,
                budget_spent_display: a
                    .budget_spent
                    .map_or_else(|| "—".into(), format_fraction_percent),
                reset_seconds: a.reset_seconds,
                reset_display: a.reset_seconds.map_or_else(|| "—".into(), format_duration),
            }
        })
        .collect();
    let requests = (s.budget.mode == BudgetMode::Requests)
        .then(|| s.budget.traffic.count_in_period(period, s.convention));
    report.warnings = policy_warnings(&policy, &s.target, period_seconds, requests)
        .iter()
        .map(|w| w.message())
        .collect();
    report.detection_chart = detection_series(&policy, &s.target, period_seconds, DETECTION_POINTS);
    report
}

/// Computes every figure of the report. Pure: no clock, no I/O, never
/// panics.
///
/// ```
/// use nines_core::scenario::{evaluate, Scenario};
/// use nines_core::window::Convention;
/// let s = Scenario { convention: Convention::SreBook, ..Scenario::default() };
/// let r = evaluate(&s);
/// assert_eq!(r.target.downtime[2].seconds, Some(1_296.0)); // 0.05% of 30 days
/// ```
pub fn evaluate(s: &Scenario) -> Report {
    let ctx = target_context(s);
    let delivery = crate::delivery::evaluate(&s.delivery, &ctx);
    let support = crate::support::evaluate(&s.support, &ctx, delivery.targets.deployments_per_week);
    let incidents = crate::incident::evaluate(&s.incidents, &ctx);
    let dependencies = crate::dependency::evaluate(&s.dependencies, &ctx);
    Report {
        target: target_report(s),
        reverse: reverse_report(s),
        budget: budget_report(s),
        alerts: alerts_report(s),
        spend: spend_report(&dependencies, &incidents, &delivery, &s.target),
        incidents,
        dependencies,
        cost: crate::cost::evaluate(&s.cost, &ctx),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spend_adds_only_the_sources_present() {
        // No dependencies and no incidents: everything spent is the
        // failed deployments' share, and the display names all three.
        let mut s = Scenario::default();
        s.dependencies.dependencies.clear();
        s.incidents.incidents_per_year = 0.0;
        let r = evaluate(&s);
        assert_eq!(r.spend.dependencies, Some(0.0));
        assert_eq!(r.spend.incidents, Some(0.0));
        assert_eq!(r.spend.total, r.delivery.budget_consumed_by_releases);
        assert!(r.spend.display.contains("failed deployments"));
        // A 100% target has no budget to spend: no total, no verdict.
        s.target = Availability::HUNDRED;
        let r = evaluate(&s);
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
        let r = evaluate(&Scenario::default());
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
        let r = evaluate(&s).reverse;
        assert_eq!(r.availability_percent, None);
        assert_eq!(
            r.error.as_deref(),
            Some("2d of downtime is more than the whole window (1d)")
        );
        s.reverse.downtime_seconds = f64::NAN;
        assert!(evaluate(&s).reverse.error.is_some());
    }

    #[test]
    fn partial_schedule_says_per_day_is_undefined() {
        let s = Scenario {
            service_hours: "Mon-Fri 08:00-20:00".parse().unwrap(),
            maintenance: PlannedMaintenance::new(Maintenance::Counted, 60.0).unwrap(),
            target: Availability::parse("99.9").unwrap(),
            ..Scenario::default()
        };
        let r = evaluate(&s);
        assert_eq!(r.target.downtime[0].seconds, None);
        assert_eq!(
            r.target.downtime[0].display,
            "not defined: service hours differ by day"
        );
        assert_eq!(r.target.service_hours, "Mon-Fri 08:00-20:00");
        assert_eq!(
            r.target.maintenance,
            "1m a month of planned maintenance, counted against the budget"
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
        let r = evaluate(&s);
        let json = serde_json::to_string(&r).unwrap();
        assert!(!json.contains("inf"), "{json}");
        assert_eq!(r.target.nines, None);
        assert_eq!(r.target.nines_display, "100% (no downtime allowed)");
        assert!(r.target.downtime.iter().all(|d| d.display == "0s"));
    }

    #[test]
    fn budget_section_default_story() {
        let b = evaluate(&Scenario::default()).budget;
        // 0.05% of 2.6M requests = 1300; 520 bad = 40% in a third of 30 days.
        assert_eq!(b.allowed_bad, 1_300.0);
        assert_eq!(b.consumed, Some(0.4));
        assert_eq!(b.remaining_display, "60%");
        assert_eq!(b.remaining_amount_display, "780 bad requests");
        assert_eq!(b.burn_rate, Some(1.2));
        // remaining × W / burn = 0.6 × 30 d / 1.2 = 15 days from day 10.
        assert_eq!(b.time_to_exhaustion_display, "15d");
        assert_eq!(
            b.exhaustion_display,
            "Thu 26 Nov 2026, 00:00 UTC (before the window ends)"
        );
        assert_eq!(b.now_iso.as_deref(), Some("2026-11-11T00:00:00Z"));
        assert_eq!(b.window_end_iso.as_deref(), Some("2026-12-01T00:00:00Z"));
        assert_eq!(b.burn_down.len(), 31);
    }

    #[test]
    fn budget_section_time_mode_and_errors() {
        let mut s = Scenario::default();
        s.budget.mode = BudgetMode::Time;
        s.budget.bad_seconds = 1_944.0; // 150% of 21m 36s
        let b = evaluate(&s).budget;
        assert_eq!(b.spent_display, "32m 24s");
        assert_eq!(b.remaining_display, "-50%");
        assert_eq!(b.policy, PolicyStatus::Frozen);
        assert!(b.policy_reason.contains("cannot deploy"));
        assert!(b.exhaustion_display.starts_with("already spent"));
        s.budget.elapsed_seconds = 40.0 * 86_400.0;
        let b = evaluate(&s).budget;
        assert_eq!(
            b.error.as_deref(),
            Some("the time elapsed is longer than the SLO window")
        );
        assert_eq!(b.consumed_display, "—");
    }

    #[test]
    fn alerts_section_follows_the_slo_window_and_policy() {
        let mut s = Scenario {
            slo_window: Period::Days(28),
            ..Scenario::default()
        };
        let a = evaluate(&s).alerts;
        assert_eq!(a.rows[0].burn_rate_display, "13.44×");
        s.alerts.policy = PolicyChoice::Pyrra;
        let a = evaluate(&s).alerts;
        assert_eq!(a.rows.len(), 4);
        assert_eq!(a.rows[0].for_display.as_deref(), Some("2m"));
        assert_eq!(a.rows[0].burn_rate_display, "14×");
        s.alerts.policy = PolicyChoice::Custom;
        let a = evaluate(&s).alerts;
        assert_eq!(
            a.error.as_deref(),
            Some("a custom policy needs at least one alert")
        );
        assert!(a.rows.is_empty());
        // A 90% target cannot page at 14.4 (Workbook ch. 5).
        let s = Scenario {
            target: Availability::parse("90").unwrap(),
            ..Scenario::default()
        };
        let a = evaluate(&s).alerts;
        assert_eq!(a.rows[0].detection_display, "never");
        assert!(a.warnings[0].starts_with("Page alert 1 can never fire"));
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
