//! The published alerting catalogues (the SRE Workbook's Table 5-8,
//! Sloth's default windows, Pyrra's burn-rate windows), custom policies,
//! and a policy's windows scaled to another SLO period.

use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::{AlertError, AlertInput, BurnAlert, Severity};
use crate::digits::tidy;
use crate::duration::format_duration;
use crate::parse_error::{Expected, ParseError, Problem};
use crate::target::DAY_SECONDS as DAY;

pub(super) const HOUR: f64 = 3_600.0;

/// The published alerting catalogues. Serializes as `"workbook"`,
/// `"sloth"`, `"pyrra"`.
///
/// ```
/// use nines_core::alerts::Preset;
/// assert_eq!("sloth".parse::<Preset>().unwrap(), Preset::Sloth);
/// assert_eq!(Preset::default(), Preset::Workbook);
/// ```
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Preset {
    /// SRE Workbook ch. 5, Table 5-8 (the default).
    #[default]
    Workbook,
    /// Sloth's default alert windows.
    Sloth,
    /// Pyrra's burn-rate windows.
    Pyrra,
}

impl Preset {
    /// Every preset, default first.
    ///
    /// ```
    /// assert_eq!(nines_core::alerts::Preset::all().len(), 3);
    /// ```
    pub fn all() -> [Preset; 3] {
        [Preset::Workbook, Preset::Sloth, Preset::Pyrra]
    }

    /// The id used in URLs, JSON and the CLI.
    ///
    /// ```
    /// assert_eq!(nines_core::alerts::Preset::Pyrra.id(), "pyrra");
    /// ```
    pub fn id(&self) -> &'static str {
        match self {
            Preset::Workbook => "workbook",
            Preset::Sloth => "sloth",
            Preset::Pyrra => "pyrra",
        }
    }

    /// The policy for an SLO period of `period_seconds`.
    ///
    /// ```
    /// use nines_core::alerts::Preset;
    /// assert_eq!(Preset::Sloth.policy(2_592_000).alerts.len(), 4);
    /// ```
    pub fn policy(&self, period_seconds: u64) -> AlertPolicy {
        match self {
            Preset::Workbook => AlertPolicy::workbook(),
            Preset::Sloth => AlertPolicy::sloth(period_seconds),
            Preset::Pyrra => AlertPolicy::pyrra(period_seconds),
        }
    }
}

impl FromStr for Preset {
    type Err = ParseError;

    /// `workbook` (also `google`, `sre`), `sloth` or `pyrra`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "workbook" | "google" | "sre" | "sre-workbook" => Ok(Preset::Workbook),
            "sloth" => Ok(Preset::Sloth),
            "pyrra" => Ok(Preset::Pyrra),
            "" => Err(ParseError::new(s, Expected::AlertPolicy, Problem::Empty)),
            _ => Err(ParseError::new(
                s,
                Expected::AlertPolicy,
                Problem::Unrecognised,
            )),
        }
    }
}

/// A named set of burn-rate alerts.
///
/// ```
/// use nines_core::alerts::AlertPolicy;
/// let p = AlertPolicy::workbook();
/// let burns: Vec<f64> = p.alerts.iter().map(|a| a.burn_rate(2_592_000.0)).collect();
/// assert_eq!(burns, [14.4, 6.0, 1.0]);
/// ```
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct AlertPolicy {
    /// `workbook`, `sloth`, `pyrra` or `custom`.
    pub id: String,
    /// For people.
    pub name: String,
    /// Where the numbers come from.
    pub source: String,
    /// How the policy adapts to the SLO period, or a caveat.
    pub note: Option<String>,
    /// The alerts, in the catalogue's order.
    pub alerts: Vec<BurnAlert>,
}

/// Go's `Duration.Round(time.Minute)` of `period / divisor` computed in
/// nanoseconds (integer division first), as Pyrra's `Windows` does.
fn pyrra_window(period_seconds: u64, divisor: u64) -> f64 {
    const NS: u128 = 1_000_000_000;
    const MINUTE: u128 = 60 * NS;
    let d = u128::from(period_seconds) * NS / u128::from(divisor.max(1));
    let r = d % MINUTE;
    // Halves round away from zero.
    let rounded = if r + r < MINUTE {
        d - r
    } else {
        d + (MINUTE - r)
    };
    (rounded / NS) as f64
}

impl AlertPolicy {
    /// The SRE Workbook's recommendation (ch. 5, Table 5-8, "Recommended
    /// parameters for a 99.9% SLO alerting configuration"): page at 2% of
    /// the budget in 1h (short window 5m) and 5% in 6h (30m), ticket at 10%
    /// in 3d (6h): burn rates 14.4, 6 and 1 for a 30-day period. The
    /// fractions and windows stay fixed for other periods, so the burn
    /// rates scale (`c × P / L`).
    ///
    /// ```
    /// use nines_core::alerts::AlertPolicy;
    /// let p = AlertPolicy::workbook();
    /// assert_eq!(p.alerts[2].long_window_seconds, 3.0 * 86_400.0);
    /// ```
    pub fn workbook() -> AlertPolicy {
        use Severity::{Page, Ticket};
        AlertPolicy {
            id: "workbook".into(),
            name: "SRE Workbook".into(),
            source: "The Site Reliability Workbook, ch. 5 \"Alerting on SLOs\", Table 5-8".into(),
            note: Some(
                "Budget fractions and windows are fixed; burn rates scale with the SLO period \
                 (burn = fraction × period / long window)."
                    .into(),
            ),
            alerts: vec![
                BurnAlert::new(Page, 0.02, HOUR, 5.0 * 60.0),
                BurnAlert::new(Page, 0.05, 6.0 * HOUR, 30.0 * 60.0),
                BurnAlert::new(Ticket, 0.10, 3.0 * DAY, 6.0 * HOUR),
            ],
        }
    }

    /// Sloth's default alert windows (`internal/alert/windows/google-30d.yaml`
    /// and `google-28d.yaml`, "Numbers obtained from" the Workbook): page
    /// quick 2%/1h (5m), page slow 5%/6h (30m), ticket quick 10%/1d (2h),
    /// ticket slow 10%/3d (6h). Sloth computes the burn rate as
    /// `fraction × period / long window` (its `getBurnRateFactor`): 14.4, 6,
    /// 3, 1 for 30 days. Sloth ships catalogues only for 28- and 30-day
    /// periods; for others the same fractions and windows are applied and
    /// the policy's note says so.
    ///
    /// ```
    /// use nines_core::alerts::AlertPolicy;
    /// let p = AlertPolicy::sloth(30 * 86_400);
    /// let burns: Vec<f64> = p.alerts.iter().map(|a| a.burn_rate(2_592_000.0)).collect();
    /// assert_eq!(burns, [14.4, 6.0, 3.0, 1.0]);
    /// ```
    pub fn sloth(period_seconds: u64) -> AlertPolicy {
        use Severity::{Page, Ticket};
        let shipped = period_seconds == 28 * 86_400 || period_seconds == 30 * 86_400;
        let note = if shipped {
            "Sloth's catalogue for this period: fixed fractions and windows, burn = fraction × \
             period / long window."
        } else {
            "Sloth ships windows for 28- and 30-day periods only, and refuses others without a \
             windows file; the same fractions and windows are applied here (burn = fraction × \
             period / long window), and the Sloth export writes them as that file."
        };
        // Said wherever the policy is named (page, CLI, every export), so
        // that nobody reads these rows as a window Sloth defines.
        let name = if shipped {
            "Sloth".to_string()
        } else if period_seconds % 86_400 == 0 {
            format!(
                "Sloth's budget fractions over {} days (not a Sloth window)",
                period_seconds / 86_400
            )
        } else {
            format!(
                "Sloth's budget fractions over {} (not a Sloth window)",
                format_duration(period_seconds as f64)
            )
        };
        AlertPolicy {
            id: "sloth".into(),
            name,
            source: "Sloth default SLO period windows (slok/sloth, internal/alert/windows)".into(),
            note: Some(note.into()),
            alerts: vec![
                BurnAlert::new(Page, 0.02, HOUR, 5.0 * 60.0),
                BurnAlert::new(Page, 0.05, 6.0 * HOUR, 30.0 * 60.0),
                BurnAlert::new(Ticket, 0.10, DAY, 2.0 * HOUR),
                BurnAlert::new(Ticket, 0.10, 3.0 * DAY, 6.0 * HOUR),
            ],
        }
    }

    /// Pyrra's burn-rate windows (pyrra-dev/pyrra, `slo/rules.go`,
    /// `Windows`): fixed burn factors 14, 7, 2 and 1 with windows defined
    /// on a 28-day base — 1h/5m (for 2m), 6h/30m (for 15m), 1d/2h (for 1h),
    /// 4d/6h (for 3h) — and scaled linearly for other periods
    /// (`period / (28 × 24)` for the 1h window and so on), each rounded to
    /// the minute as Go's `Duration.Round(time.Minute)` does. The first
    /// two are Pyrra's `critical` alerts (pages here), the others its
    /// `warning` alerts (tickets). As the windows scale with the period,
    /// each alert consumes a fixed share of the budget: 1/48, 1/16, 1/14,
    /// 1/7.
    ///
    /// ```
    /// use nines_core::alerts::AlertPolicy;
    /// let p = AlertPolicy::pyrra(28 * 86_400);
    /// assert_eq!(p.alerts[0].long_window_seconds, 3_600.0);
    /// assert_eq!(p.alerts[0].for_seconds, Some(120.0));
    /// let p = AlertPolicy::pyrra(30 * 86_400);
    /// assert_eq!(p.alerts[0].long_window_seconds, 3_840.0); // 1h 4m 17s rounds to 1h 4m
    /// ```
    pub fn pyrra(period_seconds: u64) -> AlertPolicy {
        use Severity::{Page, Ticket};
        // (severity, for divisor, long divisor, short divisor, factor)
        let table: [(Severity, u64, u64, u64, f64); 4] = [
            (Page, 28 * 24 * 30, 28 * 24, 28 * 24 * 12, 14.0),
            (Page, 28 * 24 * 4, 28 * 4, 28 * 24 * 2, 7.0),
            (Ticket, 28 * 24, 28, 28 * 12, 2.0),
            (Ticket, 28 * 8, 7, 28 * 4, 1.0),
        ];
        let p = period_seconds as f64;
        let alerts = table
            .iter()
            .map(|&(severity, for_div, long_div, short_div, factor)| {
                let long = pyrra_window(period_seconds, long_div);
                let for_seconds = pyrra_window(period_seconds, for_div);
                BurnAlert {
                    severity,
                    budget_fraction: if p > 0.0 { factor * long / p } else { 0.0 },
                    long_window_seconds: long,
                    short_window_seconds: pyrra_window(period_seconds, short_div),
                    for_seconds: (for_seconds > 0.0).then_some(for_seconds),
                    fixed_burn_rate: Some(factor),
                    exhaustion_seconds: None,
                }
            })
            .collect();
        AlertPolicy {
            id: "pyrra".into(),
            name: "Pyrra".into(),
            source: "Pyrra burn-rate windows (pyrra-dev/pyrra, slo/rules.go)".into(),
            note: Some(
                "Burn factors are fixed (14, 7, 2, 1); windows are defined for 28 days and scale \
                 with the SLO period, rounded to the minute."
                    .into(),
            ),
            alerts,
        }
    }

    /// The same budget fractions with every window scaled by
    /// `period / base_period`, so each burn rate stays what it is over the
    /// base period (`b = c × P / L` with `L ∝ P`): the Workbook's 14.4, 6
    /// and 1 at any SLO period, each window shorter than the period. This
    /// is how Pyrra adapts its catalogue to the period (windows scaled from
    /// a 28-day base); it is offered as the alternative when a
    /// fraction-based policy is used over a period it was not written for.
    /// Windows are whole seconds for whole-day periods on a 30-day base
    /// (every Workbook and Sloth window is a multiple of 5 minutes).
    ///
    /// ```
    /// use nines_core::alerts::AlertPolicy;
    /// let week = AlertPolicy::workbook().scaled_windows(30 * 86_400, 7 * 86_400);
    /// // 3d × 7/30 = 16h 48m; 10% × 7d / 16.8h = 1×.
    /// assert_eq!(week.alerts[2].long_window_seconds, 60_480.0);
    /// assert_eq!(week.alerts[2].burn_rate(604_800.0), 1.0);
    /// ```
    pub fn scaled_windows(&self, base_period_seconds: u64, period_seconds: u64) -> AlertPolicy {
        let scale = |w: f64| tidy(w * period_seconds as f64 / base_period_seconds.max(1) as f64);
        AlertPolicy {
            id: [self.id.as_str(), "-scaled"].concat(),
            name: [self.name.as_str(), ", windows scaled to the period"].concat(),
            source: self.source.clone(),
            note: Some(
                "The same budget fractions with every window scaled by the SLO period over 30 \
                 days, so the burn rates stay those of a 30-day period (as Pyrra scales its \
                 windows from a 28-day base)."
                    .into(),
            ),
            alerts: self
                .alerts
                .iter()
                .map(|a| BurnAlert {
                    long_window_seconds: scale(a.long_window_seconds),
                    short_window_seconds: scale(a.short_window_seconds),
                    for_seconds: a.for_seconds.map(scale),
                    exhaustion_seconds: a.exhaustion_seconds.map(scale),
                    ..*a
                })
                .collect(),
        }
    }

    /// The alerts `input` writes, and those of a severity it turns off
    /// (each as this policy with only those alerts).
    ///
    /// ```
    /// use nines_core::alerts::{AlertInput, Preset};
    /// let p = Preset::Sloth.policy(2_592_000);
    /// let (on, off) = p.split_off(&AlertInput { ticket_alerts: false, ..AlertInput::default() });
    /// assert_eq!((on.alerts.len(), off.alerts.len()), (2, 2));
    /// ```
    pub fn split_off(self, input: &AlertInput) -> (AlertPolicy, AlertPolicy) {
        let (on, off) = self.alerts.iter().partition(|a| input.writes(a.severity));
        (
            AlertPolicy {
                alerts: on,
                ..self.clone()
            },
            AlertPolicy {
                alerts: off,
                ..self
            },
        )
    }

    /// A user-defined policy.
    ///
    /// ```
    /// use nines_core::alerts::{AlertPolicy, BurnAlert, Severity};
    /// let p = AlertPolicy::custom(vec![BurnAlert::new(Severity::Page, 0.1, 3_600.0, 300.0)]);
    /// assert_eq!(p.id, "custom");
    /// ```
    pub fn custom(alerts: Vec<BurnAlert>) -> AlertPolicy {
        AlertPolicy {
            id: "custom".into(),
            name: "Custom".into(),
            source: "Your own alerts".into(),
            note: None,
            alerts,
        }
    }

    /// Checks every alert and that there is at least one.
    ///
    /// ```
    /// use nines_core::alerts::{AlertError, AlertPolicy};
    /// assert_eq!(AlertPolicy::custom(vec![]).validate(), Err(AlertError::Empty));
    /// ```
    pub fn validate(&self) -> Result<(), AlertError> {
        if self.alerts.is_empty() {
            return Err(AlertError::Empty);
        }
        self.alerts.iter().try_for_each(BurnAlert::validate)
    }
}

/// Whether `policy`'s `alert` can never fire whatever the error ratio
/// because its short window was rounded away: Pyrra keeps a short window
/// at every period and rounds it to the minute, 0 s below a 2.8-day
/// period (`period / 8064`); a window of no length holds no samples, so
/// its condition is never met. Such an alert has no detection time, no
/// budget spent and no reset. (A custom alert's short window of 0 s is a
/// single-window alert, as the Prometheus export writes it: it fires on
/// its long window.)
pub fn short_window_rounded_away(policy: &AlertPolicy, alert: &BurnAlert) -> bool {
    policy.id == "pyrra" && alert.short_window_seconds == 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workbook_thresholds_scale_with_the_period() {
        let p = AlertPolicy::workbook();
        let burns =
            |days: f64| -> Vec<f64> { p.alerts.iter().map(|x| x.burn_rate(days * DAY)).collect() };
        assert_eq!(burns(30.0), [14.4, 6.0, 1.0]);
        // 0.02 × 672 = 13.44; 0.05 × 112 = 5.6; 0.1 × 28 / 3.
        let b28 = burns(28.0);
        assert!((b28[0] - 13.44).abs() < 1e-12);
        assert!((b28[1] - 5.6).abs() < 1e-12);
        assert!((b28[2] - 0.1 * 28.0 / 3.0).abs() < 1e-12);
        let b7 = burns(7.0);
        assert!((b7[0] - 3.36).abs() < 1e-12);
    }

    #[test]
    fn pyrra_rounds_like_go() {
        assert_eq!(pyrra_window(28 * 86_400, 28 * 24 * 12), 300.0);
        // 30 days: 1h × 30/28 = 3857.14 s → 64m 17s → 64m.
        assert_eq!(pyrra_window(30 * 86_400, 28 * 24), 3_840.0);
        // 7 days: 5m / 4 = 75 s → rounds half away from zero... 75 s is 1m 15s → 1m.
        assert_eq!(pyrra_window(7 * 86_400, 28 * 24 * 12), 60.0);
        // 90 s → 2m (a half rounds up).
        assert_eq!(pyrra_window(90, 1), 120.0);
        let p = AlertPolicy::pyrra(28 * 86_400);
        let fractions: Vec<f64> = p
            .alerts
            .iter()
            .map(|x| x.budget_consumed(28.0 * DAY))
            .collect();
        let expected = [1.0 / 48.0, 1.0 / 16.0, 1.0 / 14.0, 1.0 / 7.0];
        for (f, e) in fractions.iter().zip(expected) {
            assert!((f - e).abs() < 1e-15, "{f} vs {e}");
        }
    }
}
