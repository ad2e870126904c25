//! The incident model: the formulas of "The Calculus of Service
//! Availability" (steady state, expected downtime, the incidents and the
//! time to restore a budget allows) and the model in force, typed or taken
//! from the log.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{IncidentInputs, LoggedPeriod, ModelSource};
use crate::display::format_fraction_percent;
use crate::duration::format_duration;
use crate::target::{Limit, OpsError, check_fraction, check_non_negative, check_result};

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
    let (mttf, _, total) = checked_cycle(mttf, mttr)?;
    Ok(mttf / total)
}

/// MTTF and MTTR checked, and their sum, the cycle both ratios divide by:
/// refused when either is negative or not finite, or the cycle is empty.
fn checked_cycle(mttf: f64, mttr: f64) -> Result<(f64, f64, f64), OpsError> {
    let mttf = check_non_negative("mttf", mttf)?;
    let mttr = check_non_negative("mttr", mttr)?;
    let total = check_result("mttf + mttr", mttf + mttr)?;
    if total == 0.0 {
        return Err(OpsError::NotPositive {
            field: "mttf + mttr",
        });
    }
    Ok((mttf, mttr, total))
}

/// Steady-state unavailability `U = MTTR / (MTTF + MTTR)`, computed
/// directly (not as `1 − A`) so that small values keep full precision.
///
/// ```
/// use nines_core::incident::unavailability_from_mttf_mttr;
/// assert_eq!(unavailability_from_mttf_mttr(999.0, 1.0).unwrap(), 0.001);
/// ```
pub fn unavailability_from_mttf_mttr(mttf: f64, mttr: f64) -> Result<f64, OpsError> {
    let (_, mttr, total) = checked_cycle(mttf, mttr)?;
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

/// The incident model in force: the typed figures, or the log's
/// ([`ModelSource::Log`]); every section that uses an incident rate, a
/// time to restore or a scope reads them from here.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct IncidentModel {
    /// Incidents a year.
    pub incidents_per_year: f64,
    /// Time to detect, seconds.
    pub time_to_detect_seconds: f64,
    /// Time from detection to restoration, seconds.
    pub time_to_recover_seconds: f64,
    /// Share of users an incident affects.
    pub scope: f64,
    /// True when the figures come from the log.
    pub from_log: bool,
    /// Where the figures come from, for people.
    pub source: String,
}

impl IncidentModel {
    /// The model `inputs` choose at `now`. From the log, the time to detect
    /// stays as typed (the log has only the time to restore), capped at the
    /// logged mean, and the rest of the mean is the time to recover. A log
    /// with no incident in its period leaves the typed figures, and says so.
    ///
    /// ```
    /// use nines_core::clock::parse_instant;
    /// use nines_core::incident::{IncidentInputs, IncidentModel, ModelSource, PastIncident};
    /// let mut i = IncidentInputs::default();
    /// i.model_source = ModelSource::Log;
    /// i.history = vec![PastIncident::parse("2026-05-11T00:00:00Z,1h,50%").unwrap()];
    /// i.logged_since = Some(parse_instant("2026-05-11").unwrap());
    /// // One incident in 184 days; 1 h to restore, 5 min of it to detect.
    /// let m = IncidentModel::of(&i, parse_instant("2026-11-11").unwrap(), 31_556_952.0);
    /// assert!((m.incidents_per_year - 365.2425 / 184.0).abs() < 1e-9);
    /// assert_eq!((m.time_to_detect_seconds, m.time_to_recover_seconds, m.scope), (300.0, 3_300.0, 0.5));
    /// assert!(m.from_log);
    /// ```
    pub fn of(inputs: &IncidentInputs, now: DateTime<Utc>, year_seconds: f64) -> IncidentModel {
        let p = LoggedPeriod::of(&inputs.history, inputs.logged_since, now, year_seconds);
        IncidentModel::over(inputs, &p)
    }

    /// [`IncidentModel::of`] with the period logged `p` already read (from
    /// the inputs' log, repaired, as [`evaluate`] reads it once for the
    /// model and the log's report alike).
    pub(super) fn over(inputs: &IncidentInputs, p: &LoggedPeriod) -> IncidentModel {
        let typed = IncidentModel {
            incidents_per_year: inputs.incidents_per_year,
            time_to_detect_seconds: inputs.time_to_detect_seconds,
            time_to_recover_seconds: inputs.time_to_recover_seconds,
            scope: inputs.scope,
            from_log: false,
            source: "as typed here".into(),
        };
        if inputs.model_source == ModelSource::Typed {
            return typed;
        }
        let (Some(per_year), Some(restore)) = (p.per_year, p.mean_restore_seconds) else {
            return IncidentModel {
                source: format!(
                    "as typed here: the log has no incident in its period ({}), so it gives no rate",
                    p.rate_text()
                ),
                ..typed
            };
        };
        let detect = inputs.time_to_detect_seconds.clamp(0.0, restore);
        let scope = p.scope.unwrap_or(inputs.scope);
        IncidentModel {
            incidents_per_year: per_year,
            time_to_detect_seconds: detect,
            time_to_recover_seconds: restore - detect,
            scope,
            from_log: true,
            source: format!(
                "from what happened: {}, {} mean time to restore, {} of users (weighted by duration)",
                p.rate_text(),
                format_duration(restore),
                format_fraction_percent(scope)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
