//! The alerts chapter: the burn-rate policy, which alerts are written, a
//! custom policy's rows, and the error ratio to evaluate them at.

use nines_core::alerts::{BurnAlert, Severity, Written};
use nines_core::bounds::List;
use nines_core::scenario::{PolicyChoice, Scenario};

/// A change to the alerts chapter.
#[derive(Debug, Clone, PartialEq)]
pub enum AlertsAction {
    /// The policy.
    Policy(PolicyChoice),
    /// Which of the policy's alerts are written (pages, tickets, both or
    /// neither).
    Written(Written),
    /// A custom policy's rows: switching to custom with none
    /// starts from the policy in force.
    CustomRow {
        index: usize,
        alert: BurnAlert,
    },
    AddCustomRow,
    RemoveCustomRow(usize),
    /// The error ratio to evaluate the policy at.
    ErrorRatio(f64),
}

impl AlertsAction {
    /// Apply the change to the scenario's alerts (a custom policy's first
    /// rows are read over the scenario's SLO window, so this takes it all).
    pub fn apply(self, s: &mut Scenario) {
        let alerts = &mut s.alerts;
        match self {
            Self::Written(w) => alerts.set_written(w),
            Self::Policy(p) => {
                if p == PolicyChoice::Custom && alerts.custom.is_empty() {
                    let period = s.slo_window.seconds(s.convention);
                    alerts.custom = alerts.alerts_of(alerts.policy, period);
                }
                alerts.policy = p;
            }
            Self::CustomRow { index, alert } => {
                if let Some(row) = alerts.custom.get_mut(index) {
                    *row = alert;
                }
            }
            // The editors stop at a list's bound; the reducer holds it too.
            Self::AddCustomRow if List::CustomAlerts.room(alerts.custom.len()) == 0 => {}
            Self::AddCustomRow => {
                let next = alerts
                    .custom
                    .last()
                    .cloned()
                    .unwrap_or_else(|| BurnAlert::new(Severity::Page, 0.02, 3_600.0, 300.0));
                alerts.custom.push(next);
            }
            Self::RemoveCustomRow(index) => {
                if index < alerts.custom.len() {
                    alerts.custom.remove(index);
                }
            }
            Self::ErrorRatio(x) => alerts.error_ratio = x,
        }
    }
}
