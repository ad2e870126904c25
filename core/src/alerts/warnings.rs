//! The reasons to distrust a policy for a target, an SLO period and a
//! traffic: alerts that can never fire, or fire while the SLO is met,
//! windows longer than the period or of no length, and low traffic.

use serde::Serialize;

use super::{AlertPolicy, Severity, finite};
use crate::digits::tidy;
use crate::display::{format_burn_rate, format_fraction_percent};
use crate::duration::format_duration;
use crate::quantity::Availability;

/// A reason to distrust a policy for this target and traffic.
///
/// ```
/// use nines_core::alerts::{AlertWarning, Severity};
/// let w = AlertWarning::NeverFires { alert: 0, severity: Severity::Page, burn_rate: 14.4, threshold_error_ratio: 1.44 };
/// assert!(w.message().contains("can never fire"));
/// ```
#[derive(Serialize, Clone, Copy, Debug, PartialEq)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum AlertWarning {
    /// `b × U ≥ 1`: even a total outage does not reach the threshold.
    NeverFires {
        /// Index of the alert in the policy.
        alert: usize,
        /// Its severity.
        severity: Severity,
        /// Its burn-rate threshold.
        burn_rate: f64,
        /// `b × U`.
        threshold_error_ratio: f64,
    },
    /// One failed request in the long window trips this page by itself.
    SingleFailurePages {
        /// Index of the alert in the policy.
        alert: usize,
        /// Requests expected in the long window.
        requests_in_long_window: f64,
        /// Share of the whole budget one failure spends: `1 / (U × N)`.
        budget_per_failure: f64,
    },
    /// A 100% target has no budget: every error fires every alert at once.
    NoBudget,
    /// A request-based budget with no requests expected: it allows no failed
    /// request at all.
    NoTraffic,
    /// A burn-rate threshold below 1×: the alert fires on an error ratio
    /// the SLO allows, so while the SLO is being met (a fraction-based
    /// policy at a period shorter than the one it was written for, e.g.
    /// the Workbook's ticket at 7 days: 10% × 7d / 3d = 0.23×).
    FiresWhileMet {
        /// Index of the alert in the policy.
        alert: usize,
        /// Its severity.
        severity: Severity,
        /// Its burn-rate threshold (below 1).
        burn_rate: f64,
        /// Its long window, seconds.
        long_window_seconds: f64,
        /// The SLO period, seconds.
        period_seconds: f64,
    },
    /// A long window longer than the SLO period itself.
    WindowLongerThanPeriod {
        /// Index of the alert in the policy.
        alert: usize,
        /// Its severity.
        severity: Severity,
        /// Its long window, seconds.
        long_window_seconds: f64,
        /// The SLO period, seconds.
        period_seconds: f64,
    },
    /// A short window rounded to 0 s (Pyrra rounds `period / 8064` to the
    /// minute: 0 below a 2.8-day period).
    ZeroShortWindow {
        /// Index of the alert in the policy.
        alert: usize,
        /// Its severity.
        severity: Severity,
        /// The SLO period, seconds.
        period_seconds: f64,
        /// Whether Pyrra's rounding made it 0 (rather than a custom alert).
        pyrra: bool,
    },
}

impl AlertWarning {
    /// The warning in words.
    ///
    /// ```
    /// use nines_core::alerts::AlertWarning;
    /// assert!(AlertWarning::NoBudget.message().contains("100%"));
    /// ```
    pub fn message(&self) -> String {
        match self {
            AlertWarning::NeverFires {
                alert,
                severity,
                burn_rate,
                threshold_error_ratio,
            } => format!(
                "{} alert {} can never fire: a burn rate of {} needs an error ratio above {}, \
                 more than every request failing (SRE Workbook ch. 5, \"Extreme Availability \
                 Goals\").",
                severity.label(),
                alert + 1,
                format_burn_rate(*burn_rate),
                format_fraction_percent(*threshold_error_ratio),
            ),
            AlertWarning::SingleFailurePages {
                alert,
                requests_in_long_window,
                budget_per_failure,
            } => format!(
                "Low traffic: about {} requests fall in page alert {}'s long window, so a single \
                 failed request trips it; each failure spends {} of the budget (SRE Workbook \
                 ch. 5, \"Low-Traffic Services\": consider synthetic traffic, combining \
                 services, or a lower SLO).",
                format_requests(*requests_in_long_window),
                alert + 1,
                format_fraction_percent(*budget_per_failure),
            ),
            AlertWarning::NoBudget => "A 100% target leaves no error budget: any error at all \
                fires every alert immediately, and burn rates are undefined."
                .into(),
            AlertWarning::NoTraffic => "No requests are expected in the SLO window, so a \
                request-based budget allows no failed request at all: the first one spends all \
                of it (count the budget in bad time instead, or add synthetic traffic)."
                .into(),
            AlertWarning::FiresWhileMet {
                alert,
                severity,
                burn_rate,
                long_window_seconds,
                period_seconds,
            } => {
                let mut m = format!(
                    "{} alert {} has a burn-rate threshold of {} over a {} SLO period: below 1×, \
                     it fires on an error ratio the SLO allows, so while the SLO is being met \
                     (burn = budget fraction × period / long window, SRE Workbook ch. 5).",
                    severity.label(),
                    alert + 1,
                    format_burn_rate(*burn_rate),
                    format_duration(*period_seconds),
                );
                let least = long_window_seconds / period_seconds;
                if least <= 1.0 {
                    m.push_str(&format!(
                        " Consume at least {} of the budget in its {} window for 1×,",
                        format_fraction_percent(tidy(least)),
                        format_duration(*long_window_seconds),
                    ));
                } else {
                    m.push_str(" No budget fraction gives it 1× with this window;");
                }
                m.push_str(" or scale the windows with the period.");
                m
            }
            AlertWarning::WindowLongerThanPeriod {
                alert,
                severity,
                long_window_seconds,
                period_seconds,
            } => format!(
                "{} alert {}'s long window ({}) is longer than the SLO period ({}): it averages \
                 errors from before the period the SLO is judged over, and spending its budget \
                 fraction over it says nothing about this period's budget. Scale the windows \
                 with the period.",
                severity.label(),
                alert + 1,
                format_duration(*long_window_seconds),
                format_duration(*period_seconds),
            ),
            AlertWarning::ZeroShortWindow {
                alert,
                severity,
                period_seconds,
                pyrra,
            } => {
                let mut m = format!(
                    "{} alert {}'s short window is 0s at a {} SLO period",
                    severity.label(),
                    alert + 1,
                    format_duration(*period_seconds),
                );
                if *pyrra {
                    m.push_str(
                        " (Pyrra scales it as period / 8064 and rounds it to the minute, which \
                         gives 0 below a 2.8-day period): a window of no length holds no \
                         samples, so the short-window check is never met and the alert can \
                         never fire.",
                    );
                } else {
                    m.push_str(
                        ": a window of no length holds no samples, so the short-window check \
                         cannot work.",
                    );
                }
                m.push_str(
                    " Use a short window of about 1/12 of the long one (SRE Workbook ch. 5), \
                     or windows scaled with the period without rounding.",
                );
                m
            }
        }
    }

    /// Whether the warning is about a policy used over a period it was not
    /// written for (an alternative with scaled windows then helps).
    ///
    /// ```
    /// use nines_core::alerts::AlertWarning;
    /// assert!(!AlertWarning::NoBudget.is_period_mismatch());
    /// ```
    pub fn is_period_mismatch(&self) -> bool {
        matches!(
            self,
            AlertWarning::FiresWhileMet { .. }
                | AlertWarning::WindowLongerThanPeriod { .. }
                | AlertWarning::ZeroShortWindow { .. }
        )
    }
}

fn format_requests(n: f64) -> String {
    if n >= 10.0 {
        format!("{}", n.round())
    } else {
        let s = format!("{n:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// The warnings for `policy` with `target` over `period_seconds`, given
/// the requests expected in the period (`None` for time-based budgets,
/// which have no per-request granularity).
///
/// ```
/// use nines_core::alerts::{policy_warnings, AlertPolicy, AlertWarning};
/// use nines_core::quantity::Availability;
/// // Workbook ch. 5: 10 requests an hour, 99.9%, 30 days.
/// let w = policy_warnings(&AlertPolicy::workbook(), &Availability::parse("99.9").unwrap(), 2_592_000.0, Some(7_200.0));
/// assert!(matches!(w[0], AlertWarning::SingleFailurePages { alert: 0, .. }));
/// ```
pub fn policy_warnings(
    policy: &AlertPolicy,
    target: &Availability,
    period_seconds: f64,
    requests_in_period: Option<f64>,
) -> Vec<AlertWarning> {
    let u = target.unavailability();
    if u <= 0.0 {
        return vec![AlertWarning::NoBudget];
    }
    let mut warnings = Vec::new();
    if requests_in_period == Some(0.0) {
        warnings.push(AlertWarning::NoTraffic);
    }
    for (i, alert) in policy.alerts.iter().enumerate() {
        let b = alert.burn_rate(period_seconds);
        if alert.long_window_seconds > period_seconds {
            warnings.push(AlertWarning::WindowLongerThanPeriod {
                alert: i,
                severity: alert.severity,
                long_window_seconds: alert.long_window_seconds,
                period_seconds,
            });
        }
        if b < 1.0 {
            warnings.push(AlertWarning::FiresWhileMet {
                alert: i,
                severity: alert.severity,
                burn_rate: b,
                long_window_seconds: alert.long_window_seconds,
                period_seconds,
            });
        }
        if alert.short_window_seconds == 0.0 {
            warnings.push(AlertWarning::ZeroShortWindow {
                alert: i,
                severity: alert.severity,
                period_seconds,
                pyrra: policy.id == "pyrra",
            });
        }
        if b * u >= 1.0 {
            warnings.push(AlertWarning::NeverFires {
                alert: i,
                severity: alert.severity,
                burn_rate: b,
                threshold_error_ratio: b * u,
            });
            continue;
        }
        let Some(n) = requests_in_period.filter(|n| n.is_finite() && *n > 0.0) else {
            continue;
        };
        let in_long = n * alert.long_window_seconds / period_seconds;
        // One failure among N_L requests exceeds b × U when N_L × b × U < 1.
        if alert.severity == Severity::Page && in_long * b * u < 1.0 {
            warnings.push(AlertWarning::SingleFailurePages {
                alert: i,
                requests_in_long_window: in_long,
                budget_per_failure: finite(1.0 / (u * n)).unwrap_or(f64::MAX),
            });
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::super::tests::{MONTH, a};
    use super::*;
    use crate::target::DAY_SECONDS as DAY;

    #[test]
    fn warnings() {
        let w = policy_warnings(&AlertPolicy::workbook(), &a("90"), MONTH, None);
        assert_eq!(w.len(), 1); // 14.4 × 10% > 1; 6 × 10% = 60% can fire
        assert!(w[0].message().starts_with("Page alert 1 can never fire"));
        let w = policy_warnings(&AlertPolicy::workbook(), &a("99.9"), MONTH, Some(1e9));
        assert!(w.is_empty());
        let w = policy_warnings(
            &AlertPolicy::workbook(),
            &Availability::HUNDRED,
            MONTH,
            None,
        );
        assert_eq!(w, [AlertWarning::NoBudget]);
    }

    /// Burn = fraction × period / long window (SRE Workbook
    /// ch. 5, Table 5-8; docs/DOMAIN.md §2.4), worked by hand:
    /// 7 days: ticket 0.1 × 168h / 72h = 0.2333… (shown 0.23×), pages
    /// 0.02 × 168 = 3.36 and 0.05 × 168 / 6 = 1.4; 1 day: page 1
    /// 0.02 × 24 = 0.48, page 2 0.05 × 24 / 6 = 0.2, ticket 0.1 × 1 / 3
    /// with a 3-day window over a 1-day period.
    #[test]
    fn policies_at_short_periods_are_flagged() {
        let t = a("99.9");
        let week = policy_warnings(&AlertPolicy::workbook(), &t, 7.0 * DAY, None);
        assert_eq!(week.len(), 1, "{week:?}");
        let AlertWarning::FiresWhileMet {
            alert, burn_rate, ..
        } = week[0]
        else {
            panic!("{week:?}")
        };
        assert_eq!(alert, 2);
        assert!((burn_rate - 0.1 * 7.0 / 3.0).abs() < 1e-12);
        let m = week[0].message();
        assert!(m.starts_with("Ticket alert 3 has a burn-rate threshold of 0.23× over a 7d"));
        assert!(m.contains("while the SLO is being met"), "{m}");
        // 1 = c × 7d / 3d needs c = 3/7 = 42.857…%.
        assert!(
            m.contains("at least 42.86% of the budget in its 3d window"),
            "{m}"
        );

        let day = policy_warnings(&AlertPolicy::workbook(), &t, DAY, None);
        let kinds: Vec<String> = day.iter().map(|w| w.message()).collect();
        assert_eq!(day.len(), 4, "{kinds:?}");
        assert!(kinds[0].starts_with("Page alert 1 has a burn-rate threshold of 0.48×"));
        assert!(kinds[1].starts_with("Page alert 2 has a burn-rate threshold of 0.2×"));
        assert!(
            kinds[2].starts_with(
                "Ticket alert 3's long window (3d) is longer than the SLO period (1d)"
            )
        );
        assert!(
            kinds[3].contains("No budget fraction gives it 1×"),
            "{}",
            kinds[3]
        );

        // Pyrra at 1 day: 86 400 s / 8064 = 10.7 s rounds to 0 (Go's
        // Duration.Round(time.Minute)); its other windows do not.
        let pyrra = policy_warnings(&AlertPolicy::pyrra(86_400), &t, DAY, None);
        assert_eq!(
            pyrra,
            [AlertWarning::ZeroShortWindow {
                alert: 0,
                severity: Severity::Page,
                period_seconds: DAY,
                pyrra: true
            }]
        );
        assert!(pyrra[0].message().contains("below a 2.8-day period"));
        // 30 days: the policy it was written for, nothing to say.
        assert!(policy_warnings(&AlertPolicy::workbook(), &t, MONTH, None).is_empty());
        assert!(policy_warnings(&AlertPolicy::pyrra(28 * 86_400), &t, 28.0 * DAY, None).is_empty());
    }
}
