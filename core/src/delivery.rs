//! Delivery throughput against the error budget.
//!
//! The essays ask a product manager to own four target measures (Steve
//! Smith, "Continuous Delivery target measures"): deployment frequency and
//! deployment lead time (from *Accelerate*, Forsgren, Humble, Kim, 2018),
//! availability rate and time to restore. This module puts them side by
//! side with the error budget:
//!
//! ```text
//! release downtime = deployments × change failure rate × time to restore × scope
//! ```
//!
//! (the Calculus article's `frequency × (detect + recover) × scope` with the
//! frequency of failed deployments), and answers "your budget allows N failed
//! deployments a month".
//!
//! The fix-forward bound: restoring by fixing forward goes through the
//! deployment pipeline, so it cannot be faster than detection plus the
//! deployment lead time. A rollback can be faster; the essays' point is that
//! "using the same deployment pipeline to restore lost availability … in
//! minutes, limits revenue losses" only when the lead time is short.

use crate::amount::{Count, Rate};
use crate::target::{
    DAY_SECONDS, Limit, MAX_PERIOD_SECONDS, MIN_PERIOD_SECONDS, OpsError, TargetContext,
    check_fraction, check_non_negative, check_result, checked_ratio, clamp_fraction,
    clamp_non_negative,
};
use crate::window::Convention;
use serde::{Deserialize, Serialize};

use crate::display::{format_fraction_percent, limit_count};
use crate::duration::format_duration;

/// User-weighted downtime caused by releases, seconds:
/// `deployments × change failure rate × time to restore × scope`.
///
/// `time_to_restore_seconds` runs from the failed deployment to restored
/// service (detection included).
///
/// ```
/// use nines_core::delivery::release_downtime_seconds;
/// // 40 deployments, 10% fail, 20 min to restore, a quarter of users:
/// // 4 × 1200 × 0.25 = 1200 s.
/// let d = release_downtime_seconds(40.0, 0.1, 1200.0, 0.25).unwrap();
/// assert!((d - 1200.0).abs() < 1e-9);
/// ```
pub fn release_downtime_seconds(
    deployments: f64,
    change_failure_rate: f64,
    time_to_restore_seconds: f64,
    scope: f64,
) -> Result<f64, OpsError> {
    let d = check_non_negative("deployments", deployments)?;
    let cfr = check_fraction("change_failure_rate", change_failure_rate)?;
    // Failed deployments are incidents whose detection is inside their time
    // to restore: one formula, the incidents' (Treynor et al.).
    crate::incident::expected_downtime_seconds(d * cfr, 0.0, time_to_restore_seconds, scope)
}

/// How many failed deployments a budget allows:
/// `budget / (time to restore × scope)`; unlimited when a failure costs
/// nothing.
///
/// ```
/// use nines_core::delivery::failed_deployments_allowed;
/// // 99.95% over 30 days is 1296 s; a failure costs 20 min × 0.25 = 300 s:
/// // 4.32 failed deployments, so 4 whole ones.
/// let n = failed_deployments_allowed(1296.0, 1200.0, 0.25).unwrap();
/// assert!((n.value().unwrap() - 4.32).abs() < 1e-12);
/// assert_eq!(n.whole().value(), Some(4.0));
/// ```
pub fn failed_deployments_allowed(
    budget_seconds: f64,
    time_to_restore_seconds: f64,
    scope: f64,
) -> Result<Limit, OpsError> {
    let b = check_non_negative("budget_seconds", budget_seconds)?;
    let ttr = check_non_negative("time_to_restore_seconds", time_to_restore_seconds)?;
    let s = check_fraction("scope", scope)?;
    Ok(Limit::ratio(b, ttr * s))
}

/// The fastest a fix forward can restore service: detection plus the
/// deployment lead time (the fix must go through the pipeline).
///
/// ```
/// use nines_core::delivery::fix_forward_min_restore_seconds;
/// assert_eq!(fix_forward_min_restore_seconds(300.0, 3600.0).unwrap(), 3900.0);
/// ```
pub fn fix_forward_min_restore_seconds(
    time_to_detect_seconds: f64,
    deployment_lead_time_seconds: f64,
) -> Result<f64, OpsError> {
    let d = check_non_negative("time_to_detect_seconds", time_to_detect_seconds)?;
    let l = check_non_negative("deployment_lead_time_seconds", deployment_lead_time_seconds)?;
    check_result("fix-forward restore time", d + l)
}

/// How a failed deployment is undone.
///
/// ```
/// use nines_core::delivery::RestoreBy;
/// assert_eq!(RestoreBy::default(), RestoreBy::Rollback);
/// ```
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum RestoreBy {
    /// Roll back to the previous version: as fast as the stated time to
    /// recover.
    #[default]
    Rollback,
    /// Fix forward through the pipeline: never faster than detection plus
    /// deployment lead time.
    FixForward,
}

/// The delivery model, the DORA four target measures among it.
///
/// Defaults for the checkout service of the default story:
/// * `deployment_frequency: 10 per week` — about two a working day (the
///   essays: more than weekly deployments call for You Build It You Run It);
/// * `deployment_lead_time_seconds: 3600` — an hour from commit to
///   production;
/// * `change_failure_rate: 0.1` — one deployment in ten needs remediation;
/// * `time_to_detect_seconds: 300` — deployment health checks and SLO alerts
///   catch a bad release in 5 minutes;
/// * `time_to_recover_seconds: 600` — 10 minutes to roll back;
/// * `scope: 0.25` — a rolling deployment exposes a quarter of shoppers
///   before it is caught;
/// * `restore_by: Rollback`.
///
/// The availability measure is the target in the [`TargetContext`].
///
/// ```
/// use nines_core::delivery::DeliveryInputs;
/// let d: DeliveryInputs = serde_json::from_str(r#"{"change_failure_rate": 0.2}"#).unwrap();
/// assert_eq!(d.change_failure_rate, 0.2);
/// assert_eq!(d.deployment_frequency.to_string(), "10 per week");
/// // The rate is kept as written: a month stays a month of the convention.
/// let d: DeliveryInputs = serde_json::from_str(r#"{"deployment_frequency": "2 per month"}"#).unwrap();
/// assert_eq!(serde_json::to_value(&d).unwrap()["deployment_frequency"], "2 per month");
/// ```
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct DeliveryInputs {
    /// Deployments per period (deployment frequency), as written: `10 per
    /// week`, `2 per month` (a month, quarter or year is read with the
    /// scenario's calendar convention when evaluated).
    pub deployment_frequency: Rate,
    /// Commit-to-production time, seconds (deployment lead time).
    pub deployment_lead_time_seconds: f64,
    /// Fraction of deployments that fail, `0..=1`.
    pub change_failure_rate: f64,
    /// Time to detect a failed deployment, seconds.
    pub time_to_detect_seconds: f64,
    /// Time from detection to restored service, seconds (by rollback).
    pub time_to_recover_seconds: f64,
    /// Fraction of users a failed deployment affects, `0..=1`.
    pub scope: f64,
    /// How failures are undone.
    pub restore_by: RestoreBy,
}

impl Default for DeliveryInputs {
    fn default() -> Self {
        DeliveryInputs {
            deployment_frequency: Rate::per_days(Count::from_f64(10.0).unwrap_or(Count::ZERO), 7),
            deployment_lead_time_seconds: 3600.0,
            change_failure_rate: 0.1,
            time_to_detect_seconds: 300.0,
            time_to_recover_seconds: 600.0,
            scope: 0.25,
            restore_by: RestoreBy::Rollback,
        }
    }
}

/// The four target measures the essays ask a product manager to own.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct DoraTargets {
    /// Deployment frequency, per week.
    pub deployments_per_week: f64,
    /// Deployment lead time, seconds.
    pub deployment_lead_time_seconds: f64,
    /// Availability target, a fraction.
    pub availability: f64,
    /// Time to restore in force (detect + recover, or the fix-forward bound),
    /// seconds.
    pub time_to_restore_seconds: f64,
}

/// Every delivery figure the UI shows.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct DeliveryReport {
    /// The four target measures.
    pub targets: DoraTargets,
    /// Deployments in one SLO window.
    pub deployments_per_window: f64,
    /// Failed deployments expected in one SLO window.
    pub failed_deployments_per_window: f64,
    /// User-weighted downtime of one failed deployment, seconds.
    pub downtime_per_failed_deployment_seconds: f64,
    /// Expected release downtime per SLO window, seconds.
    pub release_downtime_per_window_seconds: f64,
    /// Error budget per SLO window, seconds.
    pub budget_per_window_seconds: f64,
    /// Release downtime / budget; `None` for a 100% target.
    pub budget_consumed_by_releases: Option<f64>,
    /// Whether release downtime alone fits the budget.
    pub releases_fit_budget: bool,
    /// "Your budget allows N failed deployments a window" (fractional).
    pub failed_deployments_allowed_per_window: Limit,
    /// The same, whole failed deployments.
    pub whole_failed_deployments_allowed_per_window: Limit,
    /// Deployments per window the budget allows at this change failure rate.
    pub deployments_allowed_per_window: Limit,
    /// The fix-forward bound: detection + lead time, seconds.
    pub fix_forward_min_restore_seconds: f64,
    /// Failed deployments allowed per window if every one is fixed forward.
    pub failed_deployments_allowed_fixing_forward: Limit,
    /// Whether rolling back (detect + recover) is faster than fixing forward.
    pub rollback_faster_than_fix_forward: bool,
    /// Inputs that were repaired, and advice, in words.
    pub notes: Vec<String>,
    /// The figures above as people read them, formatted here once.
    pub display: DeliveryDisplay,
}

/// The delivery figures for people.
#[derive(Serialize, Clone, Debug, PartialEq, Default)]
pub struct DeliveryDisplay {
    /// Downtime failed deployments cause per SLO window.
    pub release_downtime_per_window: String,
    /// Share of the budget they use (`—` without a budget).
    pub budget_consumed_by_releases: String,
    /// Whole failed deployments one window's budget absorbs.
    pub whole_failed_deployments_allowed_per_window: String,
    /// The shortest fix-forward time that would break the budget.
    pub fix_forward_min_restore: String,
}

impl DeliveryDisplay {
    fn of(r: &DeliveryReport) -> DeliveryDisplay {
        DeliveryDisplay {
            release_downtime_per_window: format_duration(r.release_downtime_per_window_seconds),
            budget_consumed_by_releases: r
                .budget_consumed_by_releases
                .map_or_else(|| "—".into(), format_fraction_percent),
            whole_failed_deployments_allowed_per_window: limit_count(
                r.whole_failed_deployments_allowed_per_window,
                0,
            ),
            fix_forward_min_restore: format_duration(r.fix_forward_min_restore_seconds),
        }
    }
}

/// Evaluates the delivery model against a target; a deployment frequency
/// per month, quarter or year is read with `convention`.
///
/// Invalid inputs are repaired (NaN and negatives become 0, fractions are
/// clamped, a deployment period outside 1 s..=1e12 s becomes 7 days) and
/// listed in `notes`.
///
/// ```
/// use nines_core::delivery::{evaluate, DeliveryInputs};
/// use nines_core::target::TargetContext;
/// use nines_core::window::Convention;
/// let r = evaluate(&DeliveryInputs::default(), &TargetContext::default(), Convention::default());
/// // 1296 s budget / (15 min × 0.25 = 225 s) = 5.76: 5 failed deployments a month.
/// assert_eq!(r.whole_failed_deployments_allowed_per_window.value(), Some(5.0));
/// ```
pub fn evaluate(
    inputs: &DeliveryInputs,
    ctx: &TargetContext,
    convention: Convention,
) -> DeliveryReport {
    let mut notes = Vec::new();
    let ctx = ctx.sanitised(&mut notes);
    let rate = inputs.deployment_frequency;
    let deployments = rate.count().to_f64();
    let period_seconds = rate.per().seconds(convention).to_f64();
    let period = if (MIN_PERIOD_SECONDS..=MAX_PERIOD_SECONDS).contains(&period_seconds) {
        period_seconds
    } else {
        notes.push(format!(
            "The deployment frequency's period ({} s) is not between 1 s and 1e12 s: 7 days is used instead.",
            crate::target::echo(period_seconds)
        ));
        7.0 * DAY_SECONDS
    };
    let lead = clamp_non_negative(
        "Deployment lead time",
        inputs.deployment_lead_time_seconds,
        &mut notes,
    );
    let cfr = clamp_fraction(
        "Change failure rate",
        inputs.change_failure_rate,
        &mut notes,
    );
    let ttd = clamp_non_negative("Time to detect", inputs.time_to_detect_seconds, &mut notes);
    let ttr = clamp_non_negative(
        "Time to recover",
        inputs.time_to_recover_seconds,
        &mut notes,
    );
    let scope = clamp_fraction("Scope", inputs.scope, &mut notes);

    let rollback = ttd + ttr;
    let fix_forward = ttd + lead;
    let restore = match inputs.restore_by {
        RestoreBy::Rollback => rollback,
        RestoreBy::FixForward => {
            if rollback < fix_forward {
                notes.push(format!(
                    "Fixing forward cannot restore faster than detection plus deployment lead time ({fix_forward} s): that bound is used instead of {rollback} s."
                ));
            }
            rollback.max(fix_forward)
        }
    };
    let per_window = deployments * ctx.window_seconds / period;
    let failed = per_window * cfr;
    let per_failure = restore * scope;
    let downtime = failed * per_failure;
    let budget = ctx.budget_per_window_seconds();
    let allowed_failed = Limit::ratio(budget, per_failure);
    let allowed_deploys = match allowed_failed {
        Limit::Unlimited => Limit::Unlimited,
        Limit::AtMost(n) => Limit::ratio(n, cfr),
    };
    if lead > 0.0 && lead >= period / deployments.max(f64::MIN_POSITIVE) {
        notes.push(
            "The deployment lead time is not shorter than the time between deployments: the pipeline cannot keep up with demand (Accelerate's lead time should be a unit of time less than deployment frequency)."
                .to_string(),
        );
    }
    let mut report = DeliveryReport {
        targets: DoraTargets {
            deployments_per_week: deployments * 7.0 * DAY_SECONDS / period,
            deployment_lead_time_seconds: lead,
            availability: 1.0 - ctx.unavailability,
            time_to_restore_seconds: restore,
        },
        deployments_per_window: per_window,
        failed_deployments_per_window: failed,
        downtime_per_failed_deployment_seconds: per_failure,
        release_downtime_per_window_seconds: downtime,
        budget_per_window_seconds: budget,
        budget_consumed_by_releases: checked_ratio(downtime, budget),
        releases_fit_budget: downtime <= budget * (1.0 + 1e-12),
        failed_deployments_allowed_per_window: allowed_failed,
        whole_failed_deployments_allowed_per_window: allowed_failed.whole(),
        deployments_allowed_per_window: allowed_deploys,
        fix_forward_min_restore_seconds: fix_forward,
        failed_deployments_allowed_fixing_forward: Limit::ratio(budget, fix_forward * scope),
        rollback_faster_than_fix_forward: rollback < fix_forward,
        notes,
        display: DeliveryDisplay::default(),
    };
    report.display = DeliveryDisplay::of(&report);
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_story() {
        let r = evaluate(
            &DeliveryInputs::default(),
            &TargetContext::default(),
            Convention::default(),
        );
        assert!(r.notes.is_empty(), "{:?}", r.notes);
        // 10 a week over 30 days = 300/7 ≈ 42.86 deployments, 4.286 failures,
        // each 900 s × 0.25 = 225 s: 964.3 s of 1296 s.
        assert!((r.deployments_per_window - 300.0 / 7.0).abs() < 1e-9);
        assert!((r.release_downtime_per_window_seconds - 30.0 / 7.0 * 225.0).abs() < 1e-9);
        assert!(r.releases_fit_budget);
        assert!(r.rollback_faster_than_fix_forward);
        // Fix forward: (300 + 3600) × 0.25 = 975 s per failure: 1 fits.
        assert_eq!(
            r.failed_deployments_allowed_fixing_forward.whole(),
            Limit::AtMost(1.0)
        );
    }

    #[test]
    fn a_rate_per_month_is_read_with_the_convention() {
        // 2 deployments a month: 2 × 7 / 30 = 0.4667 a week in the SRE
        // book's 30-day month, 2 × 7 / 30.436875 = 0.45997 a week in the
        // Gregorian mean month (365.2425 / 12 days).
        let inputs = DeliveryInputs {
            deployment_frequency: Rate::parse("2 per month").unwrap(),
            ..DeliveryInputs::default()
        };
        let week = |c| {
            evaluate(&inputs, &TargetContext::default(), c)
                .targets
                .deployments_per_week
        };
        assert!((week(Convention::SreBook) - 14.0 / 30.0).abs() < 1e-12);
        assert!((week(Convention::GregorianMean) - 14.0 / 30.436875).abs() < 1e-12);
        // A fixed period is the same in every convention: 3 per 28 days.
        let inputs = DeliveryInputs {
            deployment_frequency: Rate::parse("3 per 28d").unwrap(),
            ..inputs
        };
        let r = evaluate(&inputs, &TargetContext::default(), Convention::SreBook);
        assert!((r.targets.deployments_per_week - 0.75).abs() < 1e-12);
    }

    #[test]
    fn fix_forward_is_bounded_by_lead_time() {
        let inputs = DeliveryInputs {
            restore_by: RestoreBy::FixForward,
            ..DeliveryInputs::default()
        };
        let r = evaluate(&inputs, &TargetContext::default(), Convention::default());
        assert_eq!(r.targets.time_to_restore_seconds, 3900.0);
        assert_eq!(r.notes.len(), 1);
    }

    #[test]
    fn zero_change_failure_rate_allows_unlimited_deployments() {
        let inputs = DeliveryInputs {
            change_failure_rate: 0.0,
            ..DeliveryInputs::default()
        };
        let r = evaluate(&inputs, &TargetContext::default(), Convention::default());
        assert_eq!(r.deployments_allowed_per_window, Limit::Unlimited);
    }

    #[test]
    fn hostile_inputs_are_repaired() {
        let inputs = DeliveryInputs {
            // 10^15 deployments every half second: the period is repaired.
            deployment_frequency: Rate::parse("1000T per 0.5s").unwrap(),
            deployment_lead_time_seconds: f64::NAN,
            change_failure_rate: 2.0,
            time_to_detect_seconds: -1.0,
            time_to_recover_seconds: f64::MAX,
            scope: f64::NAN,
            restore_by: RestoreBy::FixForward,
        };
        let r = evaluate(&inputs, &TargetContext::default(), Convention::default());
        assert!(r.release_downtime_per_window_seconds.is_finite());
        assert!(r.deployments_per_window.is_finite());
        assert!(r.notes.len() >= 5, "{:?}", r.notes);
        assert!(r.notes[0].starts_with("The deployment frequency's period (0.5 s)"));
    }
}
