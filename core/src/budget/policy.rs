//! The error-budget policy: whether launches may go ahead, and the budget
//! report's policy, dated when launches are at risk.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::clock::WindowFrame;
use crate::display::format_instant;
use crate::duration::format_duration;

use super::{BudgetReport, BudgetStatus, Exhaustion};

/// Whether launches may go ahead under the error-budget policy.
///
/// The rule is the essays' "You Build It SRE Run It": "The product team can
/// launch new features if the service is within its error budget. If not,
/// they cannot deploy until any errors are resolved." "Within" means some
/// budget remains (remaining > 0).
///
/// ```
/// use nines_core::budget::PolicyStatus;
/// assert_eq!(PolicyStatus::from_remaining(Some(0.4)), PolicyStatus::LaunchesAllowed);
/// assert_eq!(PolicyStatus::from_remaining(Some(0.0)), PolicyStatus::Frozen);
/// assert!(PolicyStatus::Frozen.reason().contains("cannot deploy"));
/// ```
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum PolicyStatus {
    /// Budget remains and lasts the window at this burn: launches may go
    /// ahead.
    LaunchesAllowed,
    /// Budget remains, but at this burn rate it runs out before the window
    /// ends: launches may go ahead, with care (a verdict that ignored the
    /// projection allowed launches days before the budget ran out).
    AtRisk,
    /// Budget spent: no launches until the errors are resolved.
    Frozen,
}

impl PolicyStatus {
    /// `LaunchesAllowed` when budget remains (`Some(r)` with `r > 0`),
    /// `Frozen` otherwise (`None` means an unbounded overspend).
    ///
    /// ```
    /// use nines_core::budget::PolicyStatus;
    /// assert_eq!(PolicyStatus::from_remaining(None), PolicyStatus::Frozen);
    /// ```
    pub fn from_remaining(remaining: Option<f64>) -> PolicyStatus {
        match remaining {
            Some(r) if r > 0.0 => PolicyStatus::LaunchesAllowed,
            _ => PolicyStatus::Frozen,
        }
    }

    /// [`PolicyStatus::from_remaining`], then the projection: budget that
    /// remains but runs out strictly before the window ends at the current
    /// burn rate (a burn rate above 1) is at risk.
    ///
    /// ```
    /// use nines_core::budget::{Exhaustion, PolicyStatus};
    /// let soon = Exhaustion::At { after_seconds: 25.0, within_window: true };
    /// assert_eq!(PolicyStatus::projected(Some(0.6), &soon, 30.0), PolicyStatus::AtRisk);
    /// // A burn rate of exactly 1 spends the budget at the window's end: allowed.
    /// let end = Exhaustion::At { after_seconds: 30.0, within_window: true };
    /// assert_eq!(PolicyStatus::projected(Some(0.6), &end, 30.0), PolicyStatus::LaunchesAllowed);
    /// ```
    pub fn projected(
        remaining: Option<f64>,
        exhaustion: &Exhaustion,
        window_seconds: f64,
    ) -> PolicyStatus {
        match (PolicyStatus::from_remaining(remaining), exhaustion) {
            (PolicyStatus::LaunchesAllowed, Exhaustion::At { after_seconds, .. })
                if *after_seconds < window_seconds =>
            {
                PolicyStatus::AtRisk
            }
            (status, _) => status,
        }
    }

    /// A short label for the page.
    ///
    /// ```
    /// use nines_core::budget::PolicyStatus;
    /// assert_eq!(PolicyStatus::LaunchesAllowed.label(), "Launches allowed");
    /// ```
    pub fn label(&self) -> &'static str {
        match self {
            PolicyStatus::LaunchesAllowed => "Launches allowed",
            PolicyStatus::AtRisk => "Launches at risk",
            PolicyStatus::Frozen => "Launches frozen",
        }
    }

    /// The rule applied, quoting the essays' "You Build It SRE Run It".
    ///
    /// ```
    /// use nines_core::budget::PolicyStatus;
    /// assert!(PolicyStatus::LaunchesAllowed.reason().contains("within its error budget"));
    /// ```
    pub fn reason(&self) -> &'static str {
        match self {
            PolicyStatus::LaunchesAllowed => {
                "Budget remains, so new features may launch: \"The product team can launch new \
                 features if the service is within its error budget.\" (You Build It SRE Run It)"
            }
            PolicyStatus::AtRisk => {
                "Budget remains, so new features may still launch (\"The product team can launch \
                 new features if the service is within its error budget.\"), but at this burn rate \
                 it runs out before the window ends, and then \"they cannot deploy until any errors \
                 are resolved.\" (You Build It SRE Run It): slow risky launches and fix what burns \
                 the budget now"
            }
            PolicyStatus::Frozen => {
                "The budget is spent, so deployments stop: \"If not, they cannot deploy until any \
                 errors are resolved.\" (You Build It SRE Run It)"
            }
        }
    }
}

/// The budget report's last step: the policy, with the date the budget
/// runs out (`instant`) when launches are at risk.
pub(super) fn add_policy(
    report: &mut BudgetReport,
    status: &BudgetStatus,
    frame: &WindowFrame,
    instant: Option<DateTime<Utc>>,
) {
    report.policy = status.policy;
    report.policy_label = status.policy.label().into();
    report.policy_reason = status.policy.reason().into();
    if status.policy == PolicyStatus::AtRisk {
        // The date, and how long before the window ends.
        if let (Some(t), Exhaustion::At { .. }) = (instant, status.exhaustion) {
            let before_end = (frame.end - t).num_milliseconds() as f64 / 1000.0;
            report.policy_reason = [
                "At this burn rate the budget runs out on ",
                &format_instant(t),
                ", ",
                &format_duration(before_end),
                " before the window ends. ",
                &report.policy_reason,
                ".",
            ]
            .concat();
        }
    }
}
