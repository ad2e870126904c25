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

use serde::{Deserialize, Serialize};

use crate::cost::{CostInputs, CostReport};
use crate::delivery::{DeliveryInputs, DeliveryReport};
use crate::dependency::{DependencyInputs, DependencyReport};
use crate::downtime::{availability_from_downtime_in_service, DowntimeRow, DowntimeTable};
use crate::duration::format_duration;
use crate::incident::{IncidentInputs, IncidentReport, TargetContext};
use crate::quantity::Availability;
use crate::support::{SupportInputs, SupportReport};
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
    TargetReport {
        availability_percent: t.format_percent(),
        canonical: t.to_string(),
        exact: t.is_exact(),
        nines: finite_nines(t),
        nines_display: t.format_nines(),
        unavailability: t.unavailability(),
        unavailability_percent: t.format_unavailability_percent(),
        convention_id: s.convention.id().to_string(),
        convention_label: s.convention.label().to_string(),
        service_hours: s.service_hours.to_string(),
        maintenance: s.maintenance.describe(),
        rounding_note: "durations rounded to the nearest second (milliseconds below one second); \
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
            report.availability_percent = Some(a.format_percent());
            report.canonical = Some(a.to_string());
            report.nines = finite_nines(&a);
            report.nines_display = Some(a.format_nines());
            report.unavailability = Some(a.unavailability());
            report.meets_target = a.partial_cmp(&s.target).map(|o| o.is_ge());
        }
        Err(e) => report.error = Some(e.to_string()),
    }
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
    Report {
        target: target_report(s),
        reverse: reverse_report(s),
        incidents: crate::incident::evaluate(&s.incidents, &ctx),
        dependencies: crate::dependency::evaluate(&s.dependencies, &ctx),
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
}
