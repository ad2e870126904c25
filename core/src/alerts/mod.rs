//! Multiwindow, multi-burn-rate alerts on an error budget (SRE Workbook
//! ch. 5 "Alerting on SLOs", approach 6), the published catalogues
//! (Workbook, Sloth, Pyrra) and custom policies, and what each alert does
//! for a given error ratio.
//!
//! The rules (docs/DOMAIN.md §2.3–§2.7, all from Workbook ch. 5):
//!
//! * consuming a fraction `c` of the budget of period `P` within a long
//!   window `L` is a burn rate `b = c × P / L` (Workbook: "Five percent of
//!   a 30-day error budget spend over one hour requires a burn rate of
//!   36"). The threshold therefore depends on the SLO period: the Workbook's
//!   2%/1h page is 14.4 for 30 days but 13.44 for 28 days and 3.36 for 7;
//! * an alert fires when the error ratio over both its long and its short
//!   window exceeds `b × U`. For an error ratio `e` starting suddenly, the
//!   long window is the later to cross, after
//!   `t = L × b × U / e` (the Workbook's "(1 − SLO) / error ratio ×
//!   alerting window size × burn rate"), never if `e ≤ b × U`; a `for`
//!   duration (Pyrra) adds to it. The budget spent by then is
//!   `e × t / (U × P)` (Workbook: "burn rate × alerting window size /
//!   period" when there is no `for`);
//! * once the errors stop, the short window's average falls below the
//!   threshold after `S × (1 − b × U / e)`: the reset time (Workbook: the
//!   page "ceas\[es\] to fire five minutes later, rather than one hour
//!   later");
//! * an alert can never fire when `b × U ≥ 1` (Workbook, "Extreme
//!   Availability Goals": at 90% the 14.4 page "could never fire");
//! * low traffic: with `N` requests in the period one failure spends
//!   `1 / (U × N)` of the budget, and it trips an alert by itself when the
//!   long window holds fewer than `1 / (b × U)` requests (Workbook,
//!   "Low-Traffic Services and Error Budget Alerting").
//!
//! One file a job, every public item re-exported here:
//!
//! * `burn.rs`: one alert ([`BurnAlert`]), the line a person types for it,
//!   its burn rate, and what it does for an error ratio
//!   ([`analyse_alert`]: detection, budget spent, reset);
//! * `catalogue.rs`: the published policies ([`Preset`], [`AlertPolicy`]:
//!   the Workbook's, Sloth's, Pyrra's) and custom ones, and windows scaled
//!   to the period;
//! * `warnings.rs`: the reasons to distrust a policy for a target, a period
//!   and a traffic ([`policy_warnings`]);
//! * `detection.rs`: detection time against error ratio, for the chart
//!   ([`detection_series`]);
//! * this file: the inputs ([`AlertInput`]) and the section's report
//!   ([`alerts_report_measured`]), which joins the others.

mod burn;
mod catalogue;
mod detection;
mod warnings;

pub use burn::*;
pub use catalogue::*;
pub use detection::*;
pub use warnings::*;

use serde::{Deserialize, Serialize};

use crate::choice::Choice;
use crate::display::{format_burn_rate, format_fraction_percent, or_absent};
use crate::duration::format_duration;
use crate::quantity::Availability;
use crate::window::{Convention, Period};

/// Which alert policy to show.
///
/// ```
/// use nines_core::alerts::PolicyChoice;
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

impl Choice for PolicyChoice {
    /// The catalogues, then the user's own alerts.
    const OPTIONS: &'static [Self] = &[
        PolicyChoice::Workbook,
        PolicyChoice::Sloth,
        PolicyChoice::Pyrra,
        PolicyChoice::Custom,
    ];

    fn choice_id(self) -> &'static str {
        match self {
            PolicyChoice::Workbook => "workbook",
            PolicyChoice::Sloth => "sloth",
            PolicyChoice::Pyrra => "pyrra",
            PolicyChoice::Custom => "custom",
        }
    }

    fn choice_label(self) -> &'static str {
        match self {
            PolicyChoice::Workbook => "SRE Workbook (page 2%/1h, 5%/6h; ticket 10%/3d)",
            PolicyChoice::Sloth => "Sloth (page 2%/1h, 5%/6h; ticket 10%/1d, 10%/3d)",
            PolicyChoice::Pyrra => "Pyrra (burn 14, 7, 2, 1 from a 28-day base)",
            PolicyChoice::Custom => "Custom alerts (your own rows)",
        }
    }
}

/// Which of the policy's alerts are written: what the page offers as one
/// choice over [`AlertInput::page_alerts`] and [`AlertInput::ticket_alerts`].
///
/// ```
/// use nines_core::alerts::{AlertInput, Written};
/// let mut a = AlertInput::default();
/// assert_eq!(a.written(), Written::All);
/// a.set_written(Written::PagesOnly);
/// assert!(a.page_alerts && !a.ticket_alerts);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    /// Pages and tickets.
    All,
    /// Pages; tickets off.
    PagesOnly,
    /// Tickets; pages off.
    TicketsOnly,
    /// No alert: the budget and the recording rules only.
    Neither,
}

impl Choice for Written {
    const OPTIONS: &'static [Self] = &[
        Written::All,
        Written::PagesOnly,
        Written::TicketsOnly,
        Written::Neither,
    ];

    fn choice_id(self) -> &'static str {
        match self {
            Written::All => "all",
            Written::PagesOnly => "pages",
            Written::TicketsOnly => "tickets",
            Written::Neither => "none",
        }
    }

    fn choice_label(self) -> &'static str {
        match self {
            Written::All => "Page and ticket alerts",
            Written::PagesOnly => "Page alerts only (tickets off)",
            Written::TicketsOnly => "Ticket alerts only (pages off)",
            Written::Neither => "No alerts (the recording rules only)",
        }
    }
}

/// The alerting inputs.
///
/// ```
/// use nines_core::alerts::{AlertInput, PolicyChoice};
/// let a = AlertInput::default();
/// assert_eq!((a.policy, a.error_ratio), (PolicyChoice::Workbook, 0.01));
/// ```
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
#[serde(default)]
pub struct AlertInput {
    /// The policy (default the Workbook's).
    pub policy: PolicyChoice,
    /// The alerts of a custom policy (at most
    /// [`crate::bounds::MAX_CUSTOM_ALERTS`]).
    pub custom: Vec<BurnAlert>,
    /// The error ratio (0 to 1) at which to compute detection times
    /// (default 1%).
    pub error_ratio: f64,
    /// Whether the policy's page alerts are written (default yes). Off, as
    /// Sloth's `page_alert: {disable: true}`: the recording rules stay,
    /// no page alert is exported.
    pub page_alerts: bool,
    /// Whether the policy's ticket alerts are written (default yes), as
    /// Sloth's `ticket_alert: {disable: true}` when off.
    pub ticket_alerts: bool,
}

impl AlertInput {
    /// Cuts the custom alerts to their first
    /// [`crate::bounds::MAX_CUSTOM_ALERTS`], saying so in `cuts`.
    ///
    /// ```
    /// use nines_core::alerts::AlertInput;
    /// let mut a = AlertInput::default();
    /// a.custom = vec!["page 2% 1h 5m".parse().unwrap(); 30];
    /// let mut cuts = Vec::new();
    /// a.bound(&mut cuts);
    /// assert_eq!(a.custom.len(), 20);
    /// assert_eq!(cuts.len(), 1);
    /// ```
    pub fn bound(&mut self, cuts: &mut Vec<crate::bounds::Cut>) {
        crate::bounds::cut_list(&mut self.custom, crate::bounds::List::CustomAlerts, cuts);
    }

    /// Whether the custom alerts are within their bound.
    pub fn within_bounds(&self) -> bool {
        crate::bounds::List::CustomAlerts.holds(self.custom.len())
    }

    /// Which alerts are written, as one choice.
    pub fn written(&self) -> Written {
        match (self.page_alerts, self.ticket_alerts) {
            (true, true) => Written::All,
            (true, false) => Written::PagesOnly,
            (false, true) => Written::TicketsOnly,
            (false, false) => Written::Neither,
        }
    }

    /// Sets which alerts are written.
    pub fn set_written(&mut self, w: Written) {
        self.page_alerts = matches!(w, Written::All | Written::PagesOnly);
        self.ticket_alerts = matches!(w, Written::All | Written::TicketsOnly);
    }

    /// Whether alerts of `severity` are written.
    ///
    /// ```
    /// use nines_core::alerts::{AlertInput, Severity};
    /// let a = AlertInput { ticket_alerts: false, ..AlertInput::default() };
    /// assert!(a.writes(Severity::Page) && !a.writes(Severity::Ticket));
    /// ```
    pub fn writes(&self, severity: Severity) -> bool {
        match severity {
            Severity::Page => self.page_alerts,
            Severity::Ticket => self.ticket_alerts,
        }
    }

    /// The alerts of `choice` over an SLO period of `period_seconds`: a
    /// catalogue's rows, or the custom ones. What a custom policy starts
    /// from when a person switches to it.
    ///
    /// ```
    /// use nines_core::alerts::{AlertInput, PolicyChoice};
    /// let rows = AlertInput::default().alerts_of(PolicyChoice::Workbook, 2_592_000);
    /// assert_eq!(rows[0].to_string(), "page 2% 1h 5m");
    /// ```
    pub fn alerts_of(&self, choice: PolicyChoice, period_seconds: u64) -> Vec<BurnAlert> {
        match choice {
            PolicyChoice::Workbook => Preset::Workbook.policy(period_seconds).alerts,
            PolicyChoice::Sloth => Preset::Sloth.policy(period_seconds).alerts,
            PolicyChoice::Pyrra => Preset::Pyrra.policy(period_seconds).alerts,
            PolicyChoice::Custom => self.custom.clone(),
        }
    }
}

impl Default for AlertInput {
    fn default() -> Self {
        AlertInput {
            policy: PolicyChoice::Workbook,
            custom: Vec::new(),
            error_ratio: 0.01,
            page_alerts: true,
            ticket_alerts: true,
        }
    }
}

/// One row of the alerts table.
///
/// ```
/// use nines_core::scenario::{evaluate, Scenario};
/// let rows = evaluate(&Scenario::default(), nines_core::budget::STORY_NOW).alerts.rows;
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
    /// Whether a total outage can fire it: `b × U < 1`, and a short
    /// window not rounded away ([`short_window_rounded_away`]).
    pub can_fire: bool,
    /// Whether its short window was rounded away
    /// ([`short_window_rounded_away`]): why it cannot fire, when it
    /// cannot, for the exports' comment.
    pub short_window_rounded_away: bool,
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
/// let a = evaluate(&Scenario::default(), nines_core::budget::STORY_NOW).alerts;
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
    /// The part of it measured (service hours less excluded maintenance),
    /// seconds: what the burn rates are computed over.
    pub measured_seconds: f64,
    /// How service hours change the alerts, or `""` for 24/7.
    pub service_note: String,
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
    /// One row per alert written, in the policy's order.
    pub rows: Vec<AlertRow>,
    /// The policy's alerts of a severity turned off ([`AlertInput::page_alerts`],
    /// [`AlertInput::ticket_alerts`]): shown, never exported as alerts.
    /// Absent from JSON when every alert is on.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub off: Vec<AlertRow>,
    /// Which alerts are off, in words, or `""` when every alert is on.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub off_note: String,
    /// Warnings in words.
    pub warnings: Vec<String>,
    /// A sound alternative when the policy does not fit the SLO period
    /// (burn rates below 1×, windows longer than the period, a window
    /// rounded to 0 s): the same fractions with windows scaled to the
    /// period. Absent (and left out of JSON) when the policy fits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alternative: Option<AlertAlternative>,
    /// Detection time against error ratio per alert (log-log).
    pub detection_chart: Vec<DetectionCurve>,
    /// Why the policy or input is unusable, if so.
    pub error: Option<String>,
}

impl AlertsReport {
    /// The policy's alerts of `severity`, on or off, in the policy's order.
    pub fn of_severity(&self, severity: Severity) -> impl Iterator<Item = &AlertRow> {
        self.rows
            .iter()
            .chain(&self.off)
            .filter(move |r| r.severity == severity)
    }

    /// Whether the alerts of `severity` are turned off.
    ///
    /// ```
    /// use nines_core::alerts::Severity;
    /// use nines_core::scenario::{evaluate, Scenario};
    /// let mut s = Scenario::default();
    /// s.alerts.ticket_alerts = false;
    /// let a = evaluate(&s, nines_core::budget::STORY_NOW).alerts;
    /// assert!(a.is_off(Severity::Ticket) && !a.is_off(Severity::Page));
    /// assert_eq!(a.of_severity(Severity::Page).count(), 2);
    /// ```
    pub fn is_off(&self, severity: Severity) -> bool {
        self.off.iter().any(|r| r.severity == severity)
    }
}

/// A policy offered instead of one that does not fit the SLO period.
///
/// ```
/// use nines_core::alerts::{alerts_report, AlertInput};
/// use nines_core::quantity::Availability;
/// use nines_core::window::{Convention, Period};
/// let t = Availability::parse("99.9").unwrap();
/// let r = alerts_report(&AlertInput::default(), &t, Period::Week, Convention::GregorianMean, None);
/// let alt = r.alternative.unwrap();
/// assert_eq!(alt.summary, "Page 2% in 14m (short 1m 10s) at 14.4×; Page 5% in 1h 24m (short 7m) at 6×; Ticket 10% in 16h 48m (short 1h 24m) at 1×");
/// ```
#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct AlertAlternative {
    /// `workbook-scaled`.
    pub policy_id: String,
    /// For people.
    pub policy_name: String,
    /// How it is derived.
    pub note: String,
    /// Its alerts, as the main table shows them.
    pub rows: Vec<AlertRow>,
    /// The alerts in one line: `Page 2% in 14m (short 1m 10s) at 14.4×; …`.
    pub summary: String,
}

/// The alerts turned off, in words: `""` when none is.
///
/// ```
/// use nines_core::alerts::{off_note, AlertInput};
/// assert_eq!(off_note(&AlertInput::default()), "");
/// let a = AlertInput { page_alerts: false, ..AlertInput::default() };
/// assert!(off_note(&a).starts_with("Page alerts are off"));
/// ```
pub fn off_note(input: &AlertInput) -> String {
    let (what, sloth, none) = match (input.page_alerts, input.ticket_alerts) {
        (true, true) => return String::new(),
        (false, true) => ("Page alerts are off", "page_alert", "no page alert"),
        (true, false) => ("Ticket alerts are off", "ticket_alert", "no ticket alert"),
        (false, false) => (
            "Page and ticket alerts are off",
            "page_alert and ticket_alert",
            "no alert",
        ),
    };
    [
        what,
        " (as Sloth's ",
        sloth,
        " with disable: true): the budget and the recording rules stay; ",
        none,
        " is written or exported.",
    ]
    .concat()
}

/// The period the fraction-based catalogues (Workbook Table 5-8, Sloth's
/// `google-30d`) were written for: 30 days.
const CATALOGUE_PERIOD: u64 = 30 * 86_400;

/// Samples per curve in the detection-time chart.
const DETECTION_POINTS: usize = 24;

/// The alerts section's report: `input`'s policy for `target` over the SLO
/// window `period`; `requests` in the period (request-based budgets) adds
/// the low-traffic warnings. Every second of the window is measured (see
/// [`alerts_report_measured`] for service hours).
pub fn alerts_report(
    input: &AlertInput,
    target: &Availability,
    period: Period,
    convention: Convention,
    requests: Option<f64>,
) -> AlertsReport {
    alerts_report_measured(input, target, period, convention, requests, 1.0)
}

/// [`alerts_report`] when only `measured` (0 to 1) of the time counts
/// ([`crate::clock::MeasuredTime::fraction`]: service hours, excluded
/// maintenance). The budget is then `U ×` the measured part of the window
/// and alert windows are read in service time, so "2% of the budget in
/// 1 h" is a burn rate of 2% × measured window / 1 h: for 99.9% over a
/// 30-day window of Mon–Fri 09:00–17:00 (40 h of 168), 0.02 × 720 h ×
/// 40/168 / 1 h = 3.43×, not 14.4×. The presets keep their windows.
pub fn alerts_report_measured(
    input: &AlertInput,
    target: &Availability,
    period: Period,
    convention: Convention,
    requests: Option<f64>,
    measured: f64,
) -> AlertsReport {
    let period_whole = period.seconds(convention);
    let measured = if measured.is_finite() {
        measured.clamp(0.0, 1.0)
    } else {
        1.0
    };
    // The budget's window in measured (service) seconds.
    let period_seconds = period_whole as f64 * measured;
    let policy = match input.policy {
        PolicyChoice::Workbook => Preset::Workbook.policy(period_whole),
        PolicyChoice::Sloth => Preset::Sloth.policy(period_whole),
        PolicyChoice::Pyrra => Preset::Pyrra.policy(period_whole),
        PolicyChoice::Custom => {
            AlertPolicy::custom(input.alerts_of(PolicyChoice::Custom, period_whole))
        }
    };
    let mut error = policy.validate().err().map(|e| e.to_string());
    let e = input.error_ratio;
    if !(e.is_finite() && (0.0..=1.0).contains(&e)) {
        error.get_or_insert_with(|| "the error ratio must be between 0% and 100%".into());
    }
    let e = if e.is_nan() { 0.0 } else { e.clamp(0.0, 1.0) };
    let u = target.unavailability();
    let burn = (u > 0.0).then(|| e / u).filter(|b| b.is_finite());
    let mut report = AlertsReport {
        policy_id: policy.id.clone(),
        policy_name: policy.name.clone(),
        policy_source: policy.source.clone(),
        policy_note: policy.note.clone(),
        period_seconds: period_whole as f64,
        measured_seconds: period_seconds,
        service_note: if measured < 1.0 {
            [
                "Counted in service time: the budget is ",
                &format_fraction_percent(measured),
                " of the window, and each alert window means that much service time \
                 (outside service hours, with no traffic, Prometheus' windows reach \
                 further back). Burn rates follow.",
            ]
            .concat()
        } else {
            String::new()
        },
        period_label: period.name(),
        error_ratio: e,
        error_ratio_display: format_fraction_percent(e),
        burn_rate_at_error_ratio: burn,
        burn_rate_at_error_ratio_display: burn.map_or_else(
            || {
                if u > 0.0 {
                    "undefined".into()
                } else {
                    // Said in words, not "undefined".
                    "none: a 100% target has no budget to burn".into()
                }
            },
            format_burn_rate,
        ),
        rows: Vec::new(),
        off: Vec::new(),
        off_note: off_note(input),
        warnings: Vec::new(),
        alternative: None,
        detection_chart: Vec::new(),
        error,
    };
    if report.error.is_some() && policy.validate().is_err() {
        return report;
    }
    let (policy, off) = policy.split_off(input);
    report.off = alert_rows(&off, target, period_seconds, e);
    report.rows = alert_rows(&policy, target, period_seconds, e);
    let warnings = policy_warnings(&policy, target, period_seconds, requests);
    report.warnings = warnings.iter().map(|w| w.message()).collect();
    let fraction_based = matches!(input.policy, PolicyChoice::Workbook | PolicyChoice::Sloth);
    if fraction_based && warnings.iter().any(AlertWarning::is_period_mismatch) {
        let scaled = policy.scaled_windows(CATALOGUE_PERIOD, period_whole);
        let rows = alert_rows(&scaled, target, period_seconds, e);
        let summary = rows
            .iter()
            .map(|r| {
                format!(
                    "{} {} in {} (short {}) at {}",
                    r.severity_label,
                    r.budget_consumed_display,
                    r.long_window_display,
                    r.short_window_display,
                    r.burn_rate_display
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        report.alternative = Some(AlertAlternative {
            policy_id: scaled.id,
            policy_name: scaled.name,
            note: scaled.note.unwrap_or_default(),
            rows,
            summary,
        });
    }
    report.detection_chart = detection_series(&policy, target, period_seconds, DETECTION_POINTS);
    report
}

/// The table rows of `policy`'s alerts at error ratio `e`.
fn alert_rows(
    policy: &AlertPolicy,
    target: &Availability,
    period_seconds: f64,
    e: f64,
) -> Vec<AlertRow> {
    policy
        .alerts
        .iter()
        .map(|alert| {
            let mut a = analyse_alert(alert, target, period_seconds, e);
            let rounded_away = short_window_rounded_away(policy, alert);
            if rounded_away {
                a.can_fire = false;
                a.detection_seconds = None;
                a.budget_spent = None;
                a.reset_seconds = None;
            }
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
                short_window_rounded_away: rounded_away,
                detection_seconds: a.detection_seconds,
                detection_display: a
                    .detection_seconds
                    .map_or_else(|| "never".into(), format_duration),
                budget_spent: a.budget_spent,
                budget_spent_display: or_absent(a.budget_spent, format_fraction_percent),
                reset_seconds: a.reset_seconds,
                reset_display: or_absent(a.reset_seconds, format_duration),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::target::DAY_SECONDS as DAY;

    pub(super) const MONTH: f64 = 2_592_000.0;

    pub(super) fn a(s: &str) -> Availability {
        Availability::parse(s).unwrap()
    }

    #[test]
    fn alerts_section_follows_the_slo_window_and_policy() {
        let target = a("99.95");
        let days = Period::Days(28);
        let mut input = AlertInput::default();
        let section = |input: &AlertInput, target: &Availability| {
            alerts_report(input, target, days, Convention::GregorianMean, None)
        };
        let r = section(&input, &target);
        assert_eq!(r.rows[0].burn_rate_display, "13.44×");
        input.policy = PolicyChoice::Pyrra;
        let r = section(&input, &target);
        assert_eq!(r.rows.len(), 4);
        assert_eq!(r.rows[0].for_display.as_deref(), Some("2m"));
        assert_eq!(r.rows[0].burn_rate_display, "14×");
        input.policy = PolicyChoice::Custom;
        let r = section(&input, &target);
        assert_eq!(
            r.error.as_deref(),
            Some("a custom policy needs at least one alert")
        );
        assert!(r.rows.is_empty());
        // A 90% target cannot page at 14.4 (Workbook ch. 5).
        let r = section(&AlertInput::default(), &Availability::parse("90").unwrap());
        assert_eq!(r.rows[0].detection_display, "never");
        assert!(r.warnings[0].starts_with("Page alert 1 can never fire"));
    }

    /// The alternative keeps the Workbook's burn rates by scaling the
    /// windows: at 7 days 1h × 7/30 = 14m, 5m → 70 s, 6h → 1h 24m,
    /// 30m → 7m, 3d → 16h 48m, 6h → 1h 24m; burns 0.02 × 168h / 14m = 14.4,
    /// 0.05 × 168h / 1.4h = 6, 0.1 × 168h / 16.8h = 1.
    #[test]
    fn short_periods_offer_scaled_windows() {
        let t = a("99.9");
        let r = alerts_report(
            &AlertInput::default(),
            &t,
            Period::Week,
            Convention::GregorianMean,
            None,
        );
        let alt = r.alternative.expect("an alternative at 7 days");
        let windows: Vec<(f64, f64)> = alt
            .rows
            .iter()
            .map(|r| (r.long_window_seconds, r.short_window_seconds))
            .collect();
        assert_eq!(
            windows,
            [(840.0, 70.0), (5_040.0, 420.0), (60_480.0, 5_040.0)]
        );
        let burns: Vec<&str> = alt
            .rows
            .iter()
            .map(|r| r.burn_rate_display.as_str())
            .collect();
        assert_eq!(burns, ["14.4×", "6×", "1×"]);
        // The alternative itself raises no warning.
        let scaled = AlertPolicy::workbook().scaled_windows(30 * 86_400, 7 * 86_400);
        assert!(policy_warnings(&scaled, &t, 7.0 * DAY, None).is_empty());
        // At 30 days there is nothing to replace; Pyrra gets words only.
        let r = alerts_report(
            &AlertInput::default(),
            &t,
            Period::Days(30),
            Convention::GregorianMean,
            None,
        );
        assert_eq!(r.alternative, None);
        let pyrra = AlertInput {
            policy: PolicyChoice::Pyrra,
            ..AlertInput::default()
        };
        let r = alerts_report(&pyrra, &t, Period::Day, Convention::GregorianMean, None);
        assert_eq!(r.warnings.len(), 1);
        assert_eq!(r.alternative, None);
    }

    /// Worked by hand. At a
    /// 2-day period (172 800 s) Pyrra's first page has a long window of
    /// 172 800 / 672 = 257.1 s, rounded to the minute 4m (240 s), and a
    /// short window of 172 800 / 8 064 = 21.4 s, rounded to 0 s. A window
    /// of no length holds no samples: the row cannot fire, and has no
    /// detection time (before: "can fire", after 240 × 14 × 0.001 / 100% =
    /// 3.36 s), no budget spent and no reset. Its second page (26m / 2m,
    /// `for` 1m) fires at 100% errors after 1 560 × 7 × 0.001 + 60 =
    /// 70.92 s.
    #[test]
    fn a_pyrra_row_with_a_short_window_of_0s_cannot_fire() {
        let input = AlertInput {
            policy: PolicyChoice::Pyrra,
            error_ratio: 1.0,
            ..AlertInput::default()
        };
        let r = alerts_report(
            &input,
            &a("99.9"),
            Period::Days(2),
            Convention::GregorianMean,
            None,
        );
        let row = &r.rows[0];
        assert_eq!(
            (row.long_window_seconds, row.short_window_seconds),
            (240.0, 0.0)
        );
        assert!(!row.can_fire);
        assert_eq!(row.detection_seconds, None);
        assert_eq!(row.detection_display, "never");
        assert_eq!(row.budget_spent, None);
        assert_eq!(row.reset_seconds, None);
        assert!(r.rows[1].can_fire);
        assert!((r.rows[1].detection_seconds.unwrap() - 70.92).abs() < 1e-9);
        // The detection chart has no curve for it, and the others.
        let curves: Vec<usize> = r.detection_chart.iter().map(|c| c.alert).collect();
        assert_eq!(curves, [1, 2, 3]);
        // The warning says the same.
        assert!(
            r.warnings[0].contains("short window is 0s") && r.warnings[0].contains("never fire"),
            "{:?}",
            r.warnings
        );
        // At 28 days the same alert has its 5m short window and fires.
        let p = AlertPolicy::pyrra(28 * 86_400);
        assert!(!short_window_rounded_away(&p, &p.alerts[0]));
        let p = AlertPolicy::pyrra(2 * 86_400);
        assert!(short_window_rounded_away(&p, &p.alerts[0]));
        // A custom alert with a short window of 0 s is a single-window
        // alert (the export writes its long window only): 5% of 30 days in
        // 90 minutes is a burn of 24, at 100% errors it fires after
        // 5 400 × 24 × 0.001 = 129.6 s.
        let custom = AlertInput {
            policy: PolicyChoice::Custom,
            custom: vec![BurnAlert::new(Severity::Ticket, 0.05, 5_400.0, 0.0)],
            error_ratio: 1.0,
            ..AlertInput::default()
        };
        let r = alerts_report(
            &custom,
            &a("99.9"),
            Period::Days(30),
            Convention::GregorianMean,
            None,
        );
        assert!(r.rows[0].can_fire);
        assert!((r.rows[0].detection_seconds.unwrap() - 129.6).abs() < 1e-9);
    }
}
