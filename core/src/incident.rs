//! Incidents and time to restore.
//!
//! The maths of "The Calculus of Service Availability" (Ben Treynor, Mike
//! Dahlin, Vivek Rau, Betsy Beyer, ACM Queue 15(2), 2017,
//! <https://queue.acm.org/detail.cfm?id=3096459>): the downtime a service
//! expects is
//!
//! ```text
//! expected downtime = frequency × (time to detect + time to recover) × scope
//! ```
//!
//! where scope is the fraction of users an outage affects. The article's three
//! levers follow from it: fewer outages, a smaller blast radius, faster
//! detection and recovery. The classic steady-state availability
//! `A = MTTF / (MTTF + MTTR)` is here too.
//!
//! The vocabulary it shares with the other operational chapters (the
//! [`TargetContext`], [`Limit`], [`OpsError`], checks and clamps) is in
//! [`crate::target`].

use serde::{Deserialize, Serialize};

use crate::display::{availability, format_fraction_percent, limit_count, limit_duration};
use crate::duration::format_duration;

use crate::target::{
    DAY_SECONDS, Limit, OpsError, TargetContext, check_fraction, check_non_negative,
    check_positive, check_result, checked_ratio, clamp_fraction, clamp_non_negative, echo,
};

/// Steady-state availability `A = MTTF / (MTTF + MTTR)`.
///
/// Both durations in the same unit, finite, non-negative, and not both zero.
/// See [`unavailability_from_mttf_mttr`] for the unavailability, which keeps
/// full precision at many nines.
///
/// Source: the classic renewal-process formula, restated in "The Calculus of
/// Service Availability" (ACM Queue 15(2), 2017).
///
/// ```
/// use nines_core::incident::availability_from_mttf_mttr;
/// // MTTF 999 h, MTTR 1 h → 999/1000 = 99.9%.
/// assert!((availability_from_mttf_mttr(999.0, 1.0).unwrap() - 0.999).abs() < 1e-15);
/// assert!(availability_from_mttf_mttr(0.0, 0.0).is_err());
/// ```
pub fn availability_from_mttf_mttr(mttf: f64, mttr: f64) -> Result<f64, OpsError> {
    let mttf = check_non_negative("mttf", mttf)?;
    let mttr = check_non_negative("mttr", mttr)?;
    let total = check_result("mttf + mttr", mttf + mttr)?;
    if total == 0.0 {
        return Err(OpsError::NotPositive {
            field: "mttf + mttr",
        });
    }
    Ok(mttf / total)
}

/// Steady-state unavailability `U = MTTR / (MTTF + MTTR)`, computed
/// directly (not as `1 − A`) so that small values keep full precision.
///
/// ```
/// use nines_core::incident::unavailability_from_mttf_mttr;
/// assert_eq!(unavailability_from_mttf_mttr(999.0, 1.0).unwrap(), 0.001);
/// ```
pub fn unavailability_from_mttf_mttr(mttf: f64, mttr: f64) -> Result<f64, OpsError> {
    let mttf = check_non_negative("mttf", mttf)?;
    let mttr = check_non_negative("mttr", mttr)?;
    let total = check_result("mttf + mttr", mttf + mttr)?;
    if total == 0.0 {
        return Err(OpsError::NotPositive {
            field: "mttf + mttr",
        });
    }
    Ok(mttr / total)
}

/// Expected user-weighted downtime in seconds:
/// `incidents × (time to detect + time to recover) × scope`.
///
/// `incidents` is a count in the period of interest (a year, a window);
/// durations in seconds; `scope` the fraction of users affected (`0..=1`).
///
/// Source: Treynor, Dahlin, Rau, Beyer, "The Calculus of Service
/// Availability", ACM Queue 15(2), 2017.
///
/// ```
/// use nines_core::incident::expected_downtime_seconds;
/// // 6 incidents a year, 5 min to detect, 30 min to recover, half the users:
/// // 6 × 2100 s × 0.5 = 6300 s (1 h 45 m).
/// assert_eq!(expected_downtime_seconds(6.0, 300.0, 1800.0, 0.5).unwrap(), 6300.0);
/// ```
pub fn expected_downtime_seconds(
    incidents: f64,
    time_to_detect_seconds: f64,
    time_to_recover_seconds: f64,
    scope: f64,
) -> Result<f64, OpsError> {
    let n = check_non_negative("incidents", incidents)?;
    let ttd = check_non_negative("time_to_detect_seconds", time_to_detect_seconds)?;
    let ttr = check_non_negative("time_to_recover_seconds", time_to_recover_seconds)?;
    let scope = check_fraction("scope", scope)?;
    check_result("expected downtime", n * (ttd + ttr) * scope)
}

/// How many incidents of a given length and scope fit the error budget of a
/// window: `U × window / ((TTD + TTR) × scope)`, fractional; use
/// [`Limit::whole`] for a whole count. Unlimited when an incident costs
/// nothing (zero length or zero scope).
///
/// ```
/// use nines_core::incident::incidents_fitting_budget;
/// use nines_core::target::Limit;
/// // 99.9% over 30 days is 2592 s; an incident of 10 + 20 min at full scope
/// // costs 1800 s: 1.44 of them fit, so 1 whole incident.
/// let fit = incidents_fitting_budget(0.001, 2_592_000.0, 600.0, 1200.0, 1.0).unwrap();
/// assert!((fit.value().unwrap() - 1.44).abs() < 1e-12);
/// assert_eq!(fit.whole(), Limit::AtMost(1.0));
/// ```
pub fn incidents_fitting_budget(
    unavailability: f64,
    window_seconds: f64,
    time_to_detect_seconds: f64,
    time_to_recover_seconds: f64,
    scope: f64,
) -> Result<Limit, OpsError> {
    let u = check_fraction("unavailability", unavailability)?;
    let w = check_non_negative("window_seconds", window_seconds)?;
    let cost =
        expected_downtime_seconds(1.0, time_to_detect_seconds, time_to_recover_seconds, scope)?;
    let budget = check_result("budget", u * w)?;
    Ok(Limit::ratio(budget, cost))
}

/// The longest time to restore (detect + recover) per incident that still
/// meets the target at a given incident rate:
/// `U × period / (incidents per period × scope)`. Unlimited when there are no
/// incidents or they affect nobody.
///
/// ```
/// use nines_core::incident::max_time_to_restore_seconds;
/// use nines_core::target::Limit;
/// // 99.95% over a 365-day year is 15 768 s; at 4 full-scope incidents a year
/// // each may last 3942 s (65.7 min).
/// let max = max_time_to_restore_seconds(0.0005, 31_536_000.0, 4.0, 1.0).unwrap();
/// assert!((max.value().unwrap() - 3942.0).abs() < 1e-9);
/// assert_eq!(max_time_to_restore_seconds(0.0005, 31_536_000.0, 0.0, 1.0).unwrap(), Limit::Unlimited);
/// ```
pub fn max_time_to_restore_seconds(
    unavailability: f64,
    period_seconds: f64,
    incidents_per_period: f64,
    scope: f64,
) -> Result<Limit, OpsError> {
    let u = check_fraction("unavailability", unavailability)?;
    let p = check_non_negative("period_seconds", period_seconds)?;
    let n = check_non_negative("incidents_per_period", incidents_per_period)?;
    let scope = check_fraction("scope", scope)?;
    let budget = check_result("budget", u * p)?;
    Ok(Limit::ratio(budget, n * scope))
}

/// One incident of an incident history.
///
/// ```
/// use nines_core::incident::PastIncident;
/// let i = PastIncident { downtime_seconds: 1200.0, scope: 0.5 };
/// assert_eq!(i.downtime_seconds * i.scope, 600.0);
/// ```
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct PastIncident {
    /// How long the incident lasted, from its start to restoration, seconds.
    pub downtime_seconds: f64,
    /// The fraction of users it affected, `0..=1`.
    pub scope: f64,
}

impl Default for PastIncident {
    fn default() -> Self {
        PastIncident {
            downtime_seconds: 0.0,
            scope: 1.0,
        }
    }
}

/// The unavailability an incident history actually achieved over a period:
/// `Σ downtime_i × scope_i / period`.
///
/// Rule: the result is capped at 1 (overlapping incidents cannot make a
/// service more than fully unavailable). The achieved availability is
/// `1 − result`.
///
/// ```
/// use nines_core::incident::{achieved_unavailability, PastIncident};
/// // 90 days with a 40-minute full outage and a 20-minute outage for a
/// // quarter of users: (2400 + 300) s / 7 776 000 s = 0.000347...
/// let history = [
///     PastIncident { downtime_seconds: 2400.0, scope: 1.0 },
///     PastIncident { downtime_seconds: 1200.0, scope: 0.25 },
/// ];
/// let u = achieved_unavailability(&history, 7_776_000.0).unwrap();
/// assert!((u - 2700.0 / 7_776_000.0).abs() < 1e-18);
/// ```
pub fn achieved_unavailability(
    history: &[PastIncident],
    period_seconds: f64,
) -> Result<f64, OpsError> {
    let p = check_positive("period_seconds", period_seconds)?;
    let mut weighted = 0.0;
    for i in history {
        let d = check_non_negative("downtime_seconds", i.downtime_seconds)?;
        let s = check_fraction("scope", i.scope)?;
        weighted += d * s;
    }
    let weighted = check_result("total downtime", weighted)?;
    Ok((weighted / p).min(1.0))
}

/// The incident model of the service, with defaults for the checkout service
/// of an online shop (annual revenue $20M, target 99.95%).
///
/// Defaults, and the story they tell:
/// * `incidents_per_year: 6.0` — an incident about every two months.
/// * `time_to_detect_seconds: 300.0` — SLO alerts page within 5 minutes.
/// * `time_to_recover_seconds: 1800.0` — 30 minutes from page to restored.
/// * `scope: 0.5` — an incident usually hits half the shoppers (one of two
///   payment providers, or one of two regions).
/// * `history`: the last 90 days held a 40-minute full outage and a
///   20-minute outage for a quarter of shoppers; `history_period_seconds`
///   is those 90 days.
///
/// ```
/// use nines_core::incident::IncidentInputs;
/// let i: IncidentInputs = serde_json::from_str(r#"{"incidents_per_year": 12}"#).unwrap();
/// assert_eq!(i.incidents_per_year, 12.0);
/// assert_eq!(i.time_to_detect_seconds, 300.0);
/// ```
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct IncidentInputs {
    /// Expected incidents per year.
    pub incidents_per_year: f64,
    /// Mean time to detect an incident, seconds.
    pub time_to_detect_seconds: f64,
    /// Mean time from detection to restoration, seconds.
    pub time_to_recover_seconds: f64,
    /// Fraction of users an incident affects, `0..=1`.
    pub scope: f64,
    /// Past incidents, for the availability actually achieved.
    pub history: Vec<PastIncident>,
    /// The period the history covers, seconds.
    pub history_period_seconds: f64,
}

impl Default for IncidentInputs {
    fn default() -> Self {
        IncidentInputs {
            incidents_per_year: 6.0,
            time_to_detect_seconds: 300.0,
            time_to_recover_seconds: 1800.0,
            scope: 0.5,
            history: vec![
                PastIncident {
                    downtime_seconds: 2400.0,
                    scope: 1.0,
                },
                PastIncident {
                    downtime_seconds: 1200.0,
                    scope: 0.25,
                },
            ],
            history_period_seconds: 90.0 * DAY_SECONDS,
        }
    }
}

/// Every incident figure the UI shows. Durations in seconds, fractions as
/// fractions (format them at the edge).
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct IncidentReport {
    /// Incidents expected in one SLO window (`per year × window / year`).
    pub incidents_per_window: f64,
    /// Time to restore per incident, detect + recover, seconds.
    pub time_to_restore_seconds: f64,
    /// User-weighted downtime of one incident, `(TTD + TTR) × scope`.
    pub downtime_per_incident_seconds: f64,
    /// Expected user-weighted downtime per year.
    pub expected_downtime_per_year_seconds: f64,
    /// Expected user-weighted downtime per SLO window.
    pub expected_downtime_per_window_seconds: f64,
    /// The unavailability the incident model implies (capped at 1).
    pub expected_unavailability: f64,
    /// The availability the incident model implies.
    pub expected_availability: f64,
    /// Error budget per SLO window, seconds.
    pub budget_per_window_seconds: f64,
    /// Error budget per year, seconds.
    pub budget_per_year_seconds: f64,
    /// Expected downtime / budget; `None` when the budget is zero (100%) or
    /// the ratio is beyond `f64`.
    pub expected_budget_consumed: Option<f64>,
    /// Whether the expected downtime fits the budget.
    pub meets_target: bool,
    /// Incidents of this length and scope that fit one window's budget
    /// (fractional).
    pub incidents_fitting_window_budget: Limit,
    /// The same, rounded down to whole incidents.
    pub whole_incidents_fitting_window_budget: Limit,
    /// Incidents of this length and scope that fit one year's budget.
    pub incidents_fitting_year_budget: Limit,
    /// The longest detect + recover per incident that meets the target at
    /// this incident rate and scope.
    pub max_time_to_restore_seconds: Limit,
    /// That bound minus the time to detect: the longest recovery once
    /// paged (0 when detection alone uses it up).
    pub max_time_to_recover_seconds: Limit,
    /// True when the time to detect alone exceeds the longest time to
    /// restore: faster detection is the first lever.
    pub detection_alone_breaks_target: bool,
    /// The unavailability the incident history achieved, `None` without a
    /// history period.
    pub achieved_unavailability: Option<f64>,
    /// The availability the history achieved.
    pub achieved_availability: Option<f64>,
    /// Whether the history met the target.
    pub achieved_meets_target: Option<bool>,
    /// Inputs that were repaired, in words.
    pub notes: Vec<String>,
    /// The figures above as people read them: the page, the CLI and the
    /// library show these, so each is formatted here once.
    pub display: IncidentDisplay,
}

/// The incident figures for people (durations as `1h 45m`, bounds as
/// `unlimited` / `no limit`, shares as percentages).
#[derive(Serialize, Clone, Debug, PartialEq, Default)]
pub struct IncidentDisplay {
    /// User-weighted downtime of one incident.
    pub downtime_per_incident: String,
    /// Expected downtime a year.
    pub expected_downtime_per_year: String,
    /// Expected downtime per SLO window.
    pub expected_downtime_per_window: String,
    /// Error budget per SLO window.
    pub budget_per_window: String,
    /// The availability the incidents imply.
    pub expected_availability: String,
    /// Share of the budget the incidents use (`—` without a budget).
    pub expected_budget_consumed: String,
    /// Incidents that fit a year's budget, one decimal.
    pub incidents_fitting_year_budget: String,
    /// Whole incidents that fit one window's budget.
    pub whole_incidents_fitting_window_budget: String,
    /// The longest time to restore that meets the target.
    pub max_time_to_restore: String,
    /// The longest recovery once paged.
    pub max_time_to_recover: String,
}

impl IncidentDisplay {
    fn of(r: &IncidentReport) -> IncidentDisplay {
        IncidentDisplay {
            downtime_per_incident: format_duration(r.downtime_per_incident_seconds),
            expected_downtime_per_year: format_duration(r.expected_downtime_per_year_seconds),
            expected_downtime_per_window: format_duration(r.expected_downtime_per_window_seconds),
            budget_per_window: format_duration(r.budget_per_window_seconds),
            expected_availability: availability(r.expected_unavailability),
            expected_budget_consumed: r
                .expected_budget_consumed
                .map_or_else(|| "—".into(), format_fraction_percent),
            incidents_fitting_year_budget: limit_count(r.incidents_fitting_year_budget, 1),
            whole_incidents_fitting_window_budget: limit_count(
                r.whole_incidents_fitting_window_budget,
                0,
            ),
            max_time_to_restore: limit_duration(r.max_time_to_restore_seconds),
            max_time_to_recover: limit_duration(r.max_time_to_recover_seconds),
        }
    }
}

/// Evaluates the incident model against a target.
///
/// Invalid inputs are repaired by the documented clamping rule (NaN and
/// negatives become 0, fractions are clamped into `0..=1`) and each repair is
/// listed in `notes`; every figure is finite.
///
/// ```
/// use nines_core::incident::{evaluate, IncidentInputs};
/// use nines_core::target::TargetContext;
/// let r = evaluate(&IncidentInputs::default(), &TargetContext::default());
/// // 6 × (5 + 30 min) × 0.5 = 105 min a year, within 99.95%'s 4 h 23 m.
/// assert_eq!(r.expected_downtime_per_year_seconds, 6300.0);
/// assert!(r.meets_target);
/// ```
pub fn evaluate(inputs: &IncidentInputs, ctx: &TargetContext) -> IncidentReport {
    let mut notes = Vec::new();
    let ctx = ctx.sanitised(&mut notes);
    let per_year = clamp_non_negative("Incidents per year", inputs.incidents_per_year, &mut notes);
    let ttd = clamp_non_negative("Time to detect", inputs.time_to_detect_seconds, &mut notes);
    let ttr = clamp_non_negative(
        "Time to recover",
        inputs.time_to_recover_seconds,
        &mut notes,
    );
    let scope = clamp_fraction("Scope", inputs.scope, &mut notes);

    let u = ctx.unavailability;
    let restore = ttd + ttr;
    let per_incident = restore * scope;
    let per_window = per_year * ctx.window_seconds / ctx.year_seconds;
    let downtime_year = per_year * per_incident;
    let downtime_window = per_window * per_incident;
    let budget_window = ctx.budget_per_window_seconds();
    let budget_year = ctx.budget_per_year_seconds();
    let expected_u = (downtime_year / ctx.year_seconds).min(1.0);
    let max_restore = Limit::ratio(budget_year, per_year * scope);
    let (max_recover, detection_breaks) = match max_restore {
        Limit::Unlimited => (Limit::Unlimited, false),
        Limit::AtMost(m) => (Limit::AtMost((m - ttd).max(0.0)), ttd > m),
    };

    let history_period = inputs.history_period_seconds;
    let history: Vec<PastIncident> = inputs
        .history
        .iter()
        .map(|i| PastIncident {
            downtime_seconds: clamp_non_negative(
                "A past incident's downtime",
                i.downtime_seconds,
                &mut notes,
            ),
            scope: clamp_fraction("A past incident's scope", i.scope, &mut notes),
        })
        .collect();
    let achieved = achieved_unavailability(&history, history_period).ok();
    if achieved.is_none() {
        notes.push(format!(
            "The history period ({}) is not a positive duration: no achieved availability.",
            echo(history_period)
        ));
    }

    let mut report = IncidentReport {
        incidents_per_window: per_window,
        time_to_restore_seconds: restore,
        downtime_per_incident_seconds: per_incident,
        expected_downtime_per_year_seconds: downtime_year,
        expected_downtime_per_window_seconds: downtime_window,
        expected_unavailability: expected_u,
        expected_availability: 1.0 - expected_u,
        budget_per_window_seconds: budget_window,
        budget_per_year_seconds: budget_year,
        expected_budget_consumed: checked_ratio(downtime_year, budget_year),
        meets_target: downtime_year <= budget_year * (1.0 + 1e-12),
        incidents_fitting_window_budget: Limit::ratio(budget_window, per_incident),
        whole_incidents_fitting_window_budget: Limit::ratio(budget_window, per_incident).whole(),
        incidents_fitting_year_budget: Limit::ratio(budget_year, per_incident),
        max_time_to_restore_seconds: max_restore,
        max_time_to_recover_seconds: max_recover,
        detection_alone_breaks_target: detection_breaks,
        achieved_unavailability: achieved,
        achieved_availability: achieved.map(|a| 1.0 - a),
        achieved_meets_target: achieved.map(|a| a <= u * (1.0 + 1e-12)),
        notes,
        display: IncidentDisplay::default(),
    };
    report.display = IncidentDisplay::of(&report);
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The default story, worked by hand: 6 incidents a year × (5 + 30 min)
    /// × 50% of users = 6 300 s = 1h 45m a year; per 30-day window
    /// 6 300 × 30 / 365.2425 = 517.4 s; 99.95% over 30 days allows
    /// 0.0005 × 2 592 000 = 1 296 s; over a Gregorian year
    /// 0.0005 × 31 556 952 = 15 778.476 s, of which 6 300 s is 39.93%; it
    /// holds 15 778.476 / 1 050 = 15.03 incidents of 17.5 user-weighted
    /// minutes, and allows 15 778.476 / (6 × 0.5) = 5 259.5 s to restore
    /// each; minus 5 min to detect, 4 959.5 s to recover.
    #[test]
    fn the_default_story_for_people() {
        let d = evaluate(&IncidentInputs::default(), &TargetContext::default()).display;
        assert_eq!(d.downtime_per_incident, "17m 30s");
        assert_eq!(d.expected_downtime_per_year, "1h 45m");
        assert_eq!(d.expected_downtime_per_window, "8m 37s");
        assert_eq!(d.budget_per_window, "21m 36s");
        assert_eq!(d.expected_budget_consumed, "39.93%");
        assert_eq!(d.incidents_fitting_year_budget, "15");
        assert_eq!(d.whole_incidents_fitting_window_budget, "1");
        assert_eq!(d.max_time_to_restore, "1h 27m 39s");
        assert_eq!(d.max_time_to_recover, "1h 22m 39s");
    }

    #[test]
    fn mttf_mttr_rejects_bad_input() {
        assert!(availability_from_mttf_mttr(f64::NAN, 1.0).is_err());
        assert!(availability_from_mttf_mttr(1.0, f64::INFINITY).is_err());
        assert!(availability_from_mttf_mttr(f64::MAX, f64::MAX).is_err());
        assert_eq!(availability_from_mttf_mttr(0.0, 5.0), Ok(0.0));
        assert_eq!(availability_from_mttf_mttr(5.0, 0.0), Ok(1.0));
    }

    #[test]
    fn expected_downtime_rejects_bad_scope_and_overflow() {
        assert!(expected_downtime_seconds(1.0, 1.0, 1.0, 1.5).is_err());
        assert!(expected_downtime_seconds(f64::MAX, f64::MAX, 1.0, 1.0).is_err());
    }

    #[test]
    fn zero_cost_incidents_are_unlimited() {
        assert_eq!(
            incidents_fitting_budget(0.001, 100.0, 0.0, 0.0, 1.0),
            Ok(Limit::Unlimited)
        );
        assert_eq!(
            incidents_fitting_budget(0.001, 100.0, 10.0, 10.0, 0.0),
            Ok(Limit::Unlimited)
        );
    }

    #[test]
    fn default_story_figures() {
        let r = evaluate(&IncidentInputs::default(), &TargetContext::default());
        assert!(r.notes.is_empty(), "{:?}", r.notes);
        // Budget 1296 s per 30 days; one incident costs 2100 × 0.5 = 1050 s.
        assert!((r.budget_per_window_seconds - 1296.0).abs() < 1e-9);
        assert_eq!(r.downtime_per_incident_seconds, 1050.0);
        assert_eq!(r.whole_incidents_fitting_window_budget, Limit::AtMost(1.0));
        // History: 2700 s in 90 days = 0.000347 < 0.0005.
        assert_eq!(r.achieved_meets_target, Some(true));
        // Yearly budget 0.0005 × 31 556 952 = 15 778.476 s over 6 × 0.5.
        let max = r.max_time_to_restore_seconds.value().unwrap();
        assert!((max - 15_778.476 / 3.0).abs() < 1e-6);
    }

    #[test]
    fn hostile_inputs_give_finite_reports() {
        let inputs = IncidentInputs {
            incidents_per_year: f64::NAN,
            time_to_detect_seconds: f64::INFINITY,
            time_to_recover_seconds: -5.0,
            scope: 7.0,
            history: vec![PastIncident {
                downtime_seconds: f64::NEG_INFINITY,
                scope: f64::NAN,
            }],
            history_period_seconds: 0.0,
        };
        let ctx = TargetContext {
            unavailability: f64::INFINITY,
            window_seconds: f64::NAN,
            year_seconds: 0.0,
        };
        let r = evaluate(&inputs, &ctx);
        assert_eq!(r.achieved_unavailability, None);
        assert!(r.expected_downtime_per_year_seconds.is_finite());
        assert!(r.budget_per_year_seconds.is_finite());
        assert!(!r.notes.is_empty());
    }

    #[test]
    fn detection_alone_can_break_the_target() {
        let inputs = IncidentInputs {
            incidents_per_year: 100.0,
            time_to_detect_seconds: 3600.0,
            scope: 1.0,
            ..IncidentInputs::default()
        };
        let r = evaluate(&inputs, &TargetContext::default());
        assert!(r.detection_alone_breaks_target);
        assert_eq!(r.max_time_to_recover_seconds, Limit::AtMost(0.0));
        assert!(!r.meets_target);
    }
}
