//! One multiwindow burn-rate alert: its severity, the line a person types
//! for it (by budget fraction or by time to exhaustion), its burn rate at
//! a period, and what it does when errors start and stop.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::digits::tidy;
use crate::quantity::Availability;

/// How an alert notifies: a page (someone acts now) or a ticket (the next
/// working day). Serializes as `"page"` / `"ticket"`.
///
/// ```
/// use nines_core::alerts::Severity;
/// assert_eq!(Severity::Page.label(), "Page");
/// ```
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Wake someone up.
    Page,
    /// Deal with it next working day.
    Ticket,
}

impl Severity {
    /// `Page` or `Ticket`.
    ///
    /// ```
    /// use nines_core::alerts::Severity;
    /// assert_eq!(Severity::Ticket.label(), "Ticket");
    /// ```
    pub fn label(&self) -> &'static str {
        match self {
            Severity::Page => "Page",
            Severity::Ticket => "Ticket",
        }
    }
}

/// One multiwindow burn-rate alert.
///
/// The threshold is normally the budget fraction consumed within the long
/// window, so the burn rate scales with the SLO period
/// (`b = budget_fraction × P / L`, as the Workbook and Sloth do). Pyrra
/// instead fixes the burn factor and scales the windows with the period;
/// such alerts set `fixed_burn_rate`, and their `budget_fraction` is the
/// derived `b × L / P`. A custom alert may instead be stated by the time in
/// which the alerting burn rate would exhaust the budget, `T`
/// (`exhaustion_seconds`): then `b = P / T`, and the budget fraction
/// consumed within the long window is `L / T` whatever the period.
///
/// ```
/// use nines_core::alerts::{BurnAlert, Severity};
/// let a = BurnAlert::new(Severity::Page, 0.02, 3_600.0, 300.0);
/// assert_eq!(a.burn_rate(30.0 * 86_400.0), 14.4);
/// assert!((a.burn_rate(28.0 * 86_400.0) - 13.44).abs() < 1e-12);
/// ```
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq)]
pub struct BurnAlert {
    /// Page or ticket.
    pub severity: Severity,
    /// The budget fraction consumed within the long window (0.02 = 2%).
    pub budget_fraction: f64,
    /// The long window, seconds.
    pub long_window_seconds: f64,
    /// The short window, seconds (the Workbook suggests 1/12 of the long).
    pub short_window_seconds: f64,
    /// How long the condition must hold before firing (Prometheus `for`).
    #[serde(default)]
    pub for_seconds: Option<f64>,
    /// A burn rate that does not scale with the period (Pyrra).
    #[serde(default)]
    pub fixed_burn_rate: Option<f64>,
    /// The alert as stated by time to exhaustion: the budget
    /// would run out in this many seconds at the alerting burn rate, so
    /// `b = P / T` and `budget_fraction` is `L / T`. `None` for an alert
    /// stated by budget fraction (and absent from links and JSON then, so
    /// earlier links read as before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exhaustion_seconds: Option<f64>,
}

/// One alert as a line a person types, in one of two forms:
///
/// * by budget fraction: severity, the budget fraction consumed within the
///   long window, long window, short window: `page 2% 1h 5m`,
///   `ticket 10% 3d 6h` (the Workbook's Table 5-8 rows);
/// * by time to exhaustion: severity, `exhausts`, the time in which the
///   alerting burn rate would spend the whole budget, long window, short
///   window: `page exhausts 50h 1h 5m` (the same alert as `page 2% 1h 5m`:
///   1h / 50h = 2%). The time must be at least the long window.
///
/// Each form reads back as itself.
///
/// ```
/// use nines_core::alerts::{BurnAlert, Severity};
/// let a: BurnAlert = "page 2% 1h 5m".parse().unwrap();
/// assert_eq!(a, BurnAlert::new(Severity::Page, 0.02, 3_600.0, 300.0));
/// assert_eq!(a.to_string(), "page 2% 1h 5m");
/// assert!("page 2% 5m 1h".parse::<BurnAlert>().unwrap_err().contains("shorter than the long"));
/// let b: BurnAlert = "page exhausts 2d 1h 5m".parse().unwrap();
/// assert_eq!(b.burn_rate(30.0 * 86_400.0), 15.0); // 30d / 2d
/// assert_eq!(b.to_string(), "page exhausts 2d 1h 5m");
/// ```
impl std::str::FromStr for BurnAlert {
    type Err = String;

    fn from_str(text: &str) -> Result<BurnAlert, String> {
        const FORM: &str = "write an alert as severity, budget fraction, long window, short \
                            window (page 2% 1h 5m), or as severity, exhausts, time to \
                            exhaustion, long window, short window (page exhausts 50h 1h 5m)";
        let words: Vec<&str> = text.split_whitespace().collect();
        let (severity, exhaustion, fraction, long, short) = match words[..] {
            [severity, word, time, long, short] if word.eq_ignore_ascii_case("exhausts") => {
                (severity, Some(time), None, long, short)
            }
            [severity, fraction, long, short] if !fraction.eq_ignore_ascii_case("exhausts") => {
                (severity, None, Some(fraction), long, short)
            }
            _ => return Err(format!("{:?} is not an alert: {FORM}", text.trim())),
        };
        let severity = match severity.to_ascii_lowercase().as_str() {
            "page" => Severity::Page,
            "ticket" => Severity::Ticket,
            other => return Err(format!("{other:?} is not a severity: use page or ticket")),
        };
        let duration = |what: &str, t: &str| {
            crate::duration::parse_duration(t).map_err(|e| format!("{what}: {e}"))
        };
        let fraction = match fraction {
            Some(f) => {
                let f = crate::quantity::parse_fraction(f)
                    .map_err(|e| format!("budget fraction: {e}"))?;
                if f <= 0.0 {
                    return Err("the budget fraction must be above 0%".into());
                }
                Some(f)
            }
            None => None,
        };
        let exhaustion = exhaustion
            .map(|t| duration("time to exhaustion", t))
            .transpose()?;
        let long = duration("long window", long)?;
        let short = duration("short window", short)?;
        if long <= 0.0 || short <= 0.0 {
            return Err("both windows must be longer than 0s".into());
        }
        if short >= long {
            return Err("the short window must be shorter than the long window".into());
        }
        match (fraction, exhaustion) {
            (_, Some(t)) if !(t.is_finite() && t >= long) => Err(
                "the time to exhaustion must be at least the long window (a faster burn \
                 would spend more than 100% of the budget in the long window)"
                    .into(),
            ),
            (_, Some(t)) => Ok(BurnAlert::exhausting(severity, t, long, short)),
            (Some(f), None) => Ok(BurnAlert::new(severity, f, long, short)),
            (None, None) => Err(format!("{:?} is not an alert: {FORM}", text.trim())),
        }
    }
}

impl fmt::Display for BurnAlert {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Page => "page",
            Severity::Ticket => "ticket",
        };
        let duration = |s: f64| crate::duration::format_duration(s).replace(' ', "");
        let threshold = match self.exhaustion_seconds {
            Some(t) => ["exhausts ", &duration(t)].concat(),
            None => crate::display::format_fraction_percent(self.budget_fraction),
        };
        write!(
            f,
            "{severity} {threshold} {} {}",
            duration(self.long_window_seconds),
            duration(self.short_window_seconds),
        )
    }
}

impl BurnAlert {
    /// An alert consuming `budget_fraction` within `long` seconds, checked
    /// over `short` seconds too.
    ///
    /// ```
    /// use nines_core::alerts::{BurnAlert, Severity};
    /// let a = BurnAlert::new(Severity::Ticket, 0.1, 259_200.0, 21_600.0);
    /// assert_eq!(a.burn_rate(2_592_000.0), 1.0);
    /// ```
    pub fn new(severity: Severity, budget_fraction: f64, long: f64, short: f64) -> BurnAlert {
        BurnAlert {
            severity,
            budget_fraction,
            long_window_seconds: long,
            short_window_seconds: short,
            for_seconds: None,
            fixed_burn_rate: None,
            exhaustion_seconds: None,
        }
    }

    /// An alert stated by time to exhaustion: a burn that would spend the
    /// whole budget in `exhaustion` seconds, over `long` seconds, checked
    /// over `short` seconds too. Its budget fraction within the long window
    /// is `long / exhaustion`.
    ///
    /// ```
    /// use nines_core::alerts::{BurnAlert, Severity};
    /// // The Workbook's 2% in 1h over 30 days is a burn of 14.4: the budget
    /// // is gone in 720h / 14.4 = 50h.
    /// let a = BurnAlert::exhausting(Severity::Page, 180_000.0, 3_600.0, 300.0);
    /// assert_eq!((a.burn_rate(2_592_000.0), a.budget_consumed(2_592_000.0)), (14.4, 0.02));
    /// ```
    pub fn exhausting(severity: Severity, exhaustion: f64, long: f64, short: f64) -> BurnAlert {
        BurnAlert {
            exhaustion_seconds: Some(exhaustion),
            ..BurnAlert::new(severity, long / exhaustion, long, short)
        }
    }

    /// The same alert stated the other way (`by_exhaustion`: by time to
    /// exhaustion `T = L / c`, otherwise by budget fraction `c = L / T`),
    /// with the same burn rate at every period: its figures do not move,
    /// and restating it back gives it again (its line may show the value
    /// rounded, `2.08%`, as the table does). An alert already in that form,
    /// or whose fraction is not in (0, 100%], comes back as it is.
    ///
    /// ```
    /// use nines_core::alerts::BurnAlert;
    /// let a: BurnAlert = "ticket 10% 3d 6h".parse().unwrap();
    /// assert_eq!(a.restated(true).to_string(), "ticket exhausts 30d 3d 6h");
    /// let b: BurnAlert = "page exhausts 2d 1h 5m".parse().unwrap();
    /// assert_eq!(b.restated(false).to_string(), "page 2.08% 1h 5m");
    /// assert_eq!(b.restated(false).burn_rate(2_592_000.0), 15.0);
    /// assert_eq!(b.restated(false).restated(true), b);
    /// ```
    pub fn restated(&self, by_exhaustion: bool) -> BurnAlert {
        let c = self.budget_fraction;
        if by_exhaustion == self.exhaustion_seconds.is_some() || !(c > 0.0 && c <= 1.0) {
            return *self;
        }
        let exhaustion = by_exhaustion.then(|| tidy(self.long_window_seconds / c));
        BurnAlert {
            budget_fraction: exhaustion.map_or(c, |t| self.long_window_seconds / t),
            fixed_burn_rate: None,
            exhaustion_seconds: exhaustion,
            ..*self
        }
    }

    /// The burn-rate threshold for an SLO period of `period_seconds`:
    /// `budget_fraction × P / L`, or the fixed burn rate.
    ///
    /// ```
    /// use nines_core::alerts::{BurnAlert, Severity};
    /// let a = BurnAlert::new(Severity::Page, 0.05, 21_600.0, 1_800.0);
    /// assert_eq!(a.burn_rate(2_592_000.0), 6.0);
    /// ```
    pub fn burn_rate(&self, period_seconds: f64) -> f64 {
        match (self.fixed_burn_rate, self.exhaustion_seconds) {
            (Some(b), _) => b,
            (None, Some(t)) => period_seconds / t,
            (None, None) => self.budget_fraction * period_seconds / self.long_window_seconds,
        }
    }

    /// The budget fraction a burn at the threshold spends within the long
    /// window: `b × L / P`.
    ///
    /// ```
    /// use nines_core::alerts::{BurnAlert, Severity};
    /// let a = BurnAlert::new(Severity::Page, 0.02, 3_600.0, 300.0);
    /// assert_eq!(a.budget_consumed(2_592_000.0), 0.02);
    /// ```
    pub fn budget_consumed(&self, period_seconds: f64) -> f64 {
        match (self.fixed_burn_rate, self.exhaustion_seconds) {
            (Some(b), _) => b * self.long_window_seconds / period_seconds,
            (None, Some(t)) => self.long_window_seconds / t,
            (None, None) => self.budget_fraction,
        }
    }

    /// Checks the alert is usable: positive finite windows with the short
    /// one no longer than the long one, a fraction in (0, 1] (a time to
    /// exhaustion at least the long window), a non-negative `for`, a
    /// positive fixed burn rate.
    ///
    /// ```
    /// use nines_core::alerts::{BurnAlert, Severity};
    /// assert!(BurnAlert::new(Severity::Page, 0.02, 3_600.0, 300.0).validate().is_ok());
    /// assert!(BurnAlert::new(Severity::Page, 0.02, 300.0, 3_600.0).validate().is_err());
    /// ```
    pub fn validate(&self) -> Result<(), AlertError> {
        let positive = |x: f64| x.is_finite() && x > 0.0;
        if !positive(self.long_window_seconds) {
            return Err(AlertError::Window(
                "the long window must be longer than zero",
            ));
        }
        if !(self.short_window_seconds.is_finite()
            && self.short_window_seconds >= 0.0
            && self.short_window_seconds <= self.long_window_seconds)
        {
            return Err(AlertError::Window(
                "the short window must be between zero and the long window",
            ));
        }
        if self
            .for_seconds
            .is_some_and(|f| !(f.is_finite() && f >= 0.0))
        {
            return Err(AlertError::Window("the for duration must be zero or more"));
        }
        if self
            .exhaustion_seconds
            .is_some_and(|t| !(t.is_finite() && t >= self.long_window_seconds))
        {
            return Err(AlertError::Window(
                "the time to exhaustion must be at least the long window",
            ));
        }
        match self.fixed_burn_rate {
            Some(b) if !positive(b) => Err(AlertError::BurnRate),
            Some(_) => Ok(()),
            None if self.exhaustion_seconds.is_some() => Ok(()),
            None if !(positive(self.budget_fraction) && self.budget_fraction <= 1.0) => {
                Err(AlertError::BudgetFraction)
            }
            None => Ok(()),
        }
    }
}

/// Why an alert or policy is unusable.
///
/// ```
/// use nines_core::alerts::AlertError;
/// assert_eq!(AlertError::Empty.to_string(), "a custom policy needs at least one alert");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AlertError {
    /// A window or duration is out of range (the rule is in the message).
    Window(&'static str),
    /// The budget fraction is not in (0, 1].
    BudgetFraction,
    /// A fixed burn rate is not positive.
    BurnRate,
    /// A policy without alerts.
    Empty,
    /// The SLO period is not positive.
    Period,
}

impl fmt::Display for AlertError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AlertError::Window(why) => f.write_str(why),
            AlertError::BudgetFraction => {
                f.write_str("the budget fraction must be more than 0% and at most 100%")
            }
            AlertError::BurnRate => f.write_str("a fixed burn rate must be more than zero"),
            AlertError::Empty => f.write_str("a custom policy needs at least one alert"),
            AlertError::Period => f.write_str("the SLO period must be longer than zero"),
        }
    }
}

impl std::error::Error for AlertError {}

/// What one alert does for a given target, period and error ratio.
///
/// ```
/// use nines_core::alerts::{analyse_alert, BurnAlert, Severity};
/// use nines_core::quantity::Availability;
/// let a = BurnAlert::new(Severity::Page, 0.02, 3_600.0, 300.0);
/// let u = Availability::parse("99.9").unwrap();
/// let r = analyse_alert(&a, &u, 2_592_000.0, 1.0);
/// // 1h × 14.4 × 0.001 / 100% errors = 51.84 s, having spent 2%.
/// assert_eq!(r.detection_seconds, Some(51.84));
/// assert_eq!(r.budget_spent, Some(0.02));
/// ```
#[derive(Serialize, Clone, Copy, Debug, PartialEq)]
pub struct AlertAnalysis {
    /// Page or ticket.
    pub severity: Severity,
    /// Long window, seconds.
    pub long_window_seconds: f64,
    /// Short window, seconds.
    pub short_window_seconds: f64,
    /// `for` duration, seconds.
    pub for_seconds: Option<f64>,
    /// Burn-rate threshold `b` for this period.
    pub burn_rate: f64,
    /// Budget consumed by a burn at the threshold over the long window.
    pub budget_consumed: f64,
    /// The error ratio the windows must exceed: `b × U`.
    pub threshold_error_ratio: f64,
    /// Whether any error ratio (at most 100%) can fire it: `b × U < 1`.
    pub can_fire: bool,
    /// Time from a sudden error ratio `e` to firing: `L × b × U / e`
    /// (+ `for`); `None` when `e ≤ b × U`.
    pub detection_seconds: Option<f64>,
    /// Budget spent by then: `e × t / (U × P)`; `None` when it never
    /// fires or `U = 0`.
    pub budget_spent: Option<f64>,
    /// Time the alert keeps firing after the errors stop:
    /// `S × (1 − b × U / e)`.
    pub reset_seconds: Option<f64>,
}

pub(super) fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

/// Analyses one alert for `target` over an SLO period of `period_seconds`
/// when the error ratio suddenly becomes `error_ratio` (0 to 1; other
/// values are clamped).
///
/// ```
/// use nines_core::alerts::{analyse_alert, BurnAlert, Severity};
/// use nines_core::quantity::Availability;
/// let a = BurnAlert::new(Severity::Page, 0.02, 3_600.0, 300.0);
/// let ninety = Availability::parse("90").unwrap();
/// let r = analyse_alert(&a, &ninety, 2_592_000.0, 1.0);
/// assert!(!r.can_fire); // 14.4 × 10% > 100%
/// assert_eq!(r.detection_seconds, None);
/// ```
pub fn analyse_alert(
    alert: &BurnAlert,
    target: &Availability,
    period_seconds: f64,
    error_ratio: f64,
) -> AlertAnalysis {
    let e = if error_ratio.is_nan() {
        0.0
    } else {
        error_ratio.clamp(0.0, 1.0)
    };
    let figures = float_figures(alert, target.unavailability(), period_seconds, e);
    AlertAnalysis {
        severity: alert.severity,
        long_window_seconds: alert.long_window_seconds,
        short_window_seconds: alert.short_window_seconds,
        for_seconds: alert.for_seconds,
        burn_rate: figures.burn_rate,
        budget_consumed: figures.budget_consumed,
        threshold_error_ratio: figures.threshold,
        can_fire: figures.threshold < 1.0,
        detection_seconds: figures.detection,
        budget_spent: figures.budget_spent,
        reset_seconds: figures.reset,
    }
}

/// The computed figures of one alert.
struct Figures {
    burn_rate: f64,
    budget_consumed: f64,
    threshold: f64,
    detection: Option<f64>,
    budget_spent: Option<f64>,
    reset: Option<f64>,
}

/// Time to fire in floating point: `L × b × U / e + for`.
pub(super) fn detection_f64(alert: &BurnAlert, u: f64, period: f64, e: f64) -> Option<f64> {
    let threshold = finite(alert.burn_rate(period)).unwrap_or(0.0) * u;
    (e > threshold)
        .then(|| {
            finite(alert.long_window_seconds * threshold / e + alert.for_seconds.unwrap_or(0.0))
        })
        .flatten()
}

/// The figures in floating point, each tidied (see [`crate::digits::tidy`])
/// so that 14.4 × 0.05% reads 0.0072, not 0.007200000000000001.
fn float_figures(alert: &BurnAlert, u: f64, period: f64, e: f64) -> Figures {
    let b = finite(alert.burn_rate(period)).unwrap_or(0.0);
    let threshold = b * u;
    let detection = detection_f64(alert, u, period, e);
    let budget_spent = match detection {
        Some(t) if u > 0.0 && period > 0.0 => finite(e * t / (u * period)),
        _ => None,
    };
    let reset = (e > threshold)
        .then(|| finite(alert.short_window_seconds * (1.0 - threshold / e)))
        .flatten();
    Figures {
        burn_rate: tidy(b),
        budget_consumed: tidy(finite(alert.budget_consumed(period)).unwrap_or(0.0)),
        threshold: tidy(threshold),
        detection: detection.map(tidy),
        budget_spent: budget_spent.map(tidy),
        reset: reset.map(tidy),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{MONTH, a};
    use super::super::*;
    use super::*;
    use crate::display::format_fraction_percent;
    use crate::target::DAY_SECONDS as DAY;

    /// A custom alert is a line a person types, and each
    /// catalogue row at 30 and 7 days reads back as itself (so a custom
    /// policy can start from a catalogue's rows).
    #[test]
    fn custom_alert_lines_round_trip() {
        for period in [2_592_000u64, 604_800] {
            for preset in [Preset::Workbook, Preset::Sloth] {
                for a in preset.policy(period).alerts {
                    let back: BurnAlert = a.to_string().parse().unwrap();
                    assert_eq!(back, a, "{a}");
                }
            }
        }
        let a: BurnAlert = "ticket 10% 1h30m 7m30s".parse().unwrap();
        assert_eq!(
            (a.long_window_seconds, a.short_window_seconds),
            (5_400.0, 450.0)
        );
        assert_eq!(a.to_string(), "ticket 10% 1h30m 7m30s");
        for bad in [
            "",
            "page",
            "warn 2% 1h 5m",
            "page 0% 1h 5m",
            "page 2% 1h",
            "page 2% 0s 0s",
        ] {
            assert!(bad.parse::<BurnAlert>().is_err(), "{bad}");
        }
        // A custom policy's report: the Workbook's first row alone at 30
        // days fires at burn rate 0.02 × 720 h / 1 h = 14.4.
        let input = AlertInput {
            policy: PolicyChoice::Custom,
            custom: vec!["page 2% 1h 5m".parse().unwrap()],
            ..AlertInput::default()
        };
        let r = alerts_report(
            &input,
            &"99.9".parse().unwrap(),
            Period::Days(30),
            Convention::SreBook,
            None,
        );
        assert_eq!(r.rows.len(), 1);
        assert_eq!(r.rows[0].burn_rate_display, "14.4×");
    }

    /// A custom alert stated by time to exhaustion. By hand,
    /// from the Workbook's Table 5-8 (ch. 5): 2% of a 30-day budget in 1 h
    /// is a burn rate of 0.02 × 720 h / 1 h = 14.4, at which the budget is
    /// gone in 720 h / 14.4 = 50 h; so `page exhausts 50h 1h 5m` is the
    /// same alert as `page 2% 1h 5m` (1 h / 50 h = 2%). At 99.9% and a 10%
    /// error ratio it fires after 1 h × 14.4 × 0.1% / 10% = 518.4 s
    /// (8m 38s), having spent 10% × 518.4 s / (0.1% × 30 d) = 2%, and
    /// resets 5 m × (1 − 1.44% / 10%) = 256.8 s after the errors stop.
    /// `page exhausts 2d 1h 5m`: burn 30 d / 2 d = 15, budget
    /// 1 h / 48 h = 2.08% in the long window; over 7 days 7 / 2 = 3.5.
    #[test]
    fn custom_alert_by_time_to_exhaustion() {
        let by_time: BurnAlert = "page exhausts 50h 1h 5m".parse().unwrap();
        let by_fraction: BurnAlert = "page 2% 1h 5m".parse().unwrap();
        assert_eq!(by_time.exhaustion_seconds, Some(180_000.0));
        assert_eq!(by_time.to_string(), "page exhausts 2d2h 1h 5m");
        assert_eq!(by_time.to_string().parse::<BurnAlert>(), Ok(by_time));
        assert_eq!(by_time.burn_rate(MONTH), 14.4);
        assert_eq!(by_time.budget_consumed(MONTH), 0.02);
        let target = a("99.9");
        let t = analyse_alert(&by_time, &target, MONTH, 0.1);
        assert_eq!(t, analyse_alert(&by_fraction, &target, MONTH, 0.1));
        assert!((t.detection_seconds.unwrap() - 518.4).abs() < 1e-9);
        assert!((t.budget_spent.unwrap() - 0.02).abs() < 1e-12);
        assert!((t.reset_seconds.unwrap() - 256.8).abs() < 1e-9);
        // The select on the page restates a row the other way.
        assert_eq!(by_fraction.restated(true), by_time);
        assert_eq!(by_time.restated(false), by_fraction);
        assert_eq!(by_time.restated(true), by_time);

        let brief: BurnAlert = "Ticket EXHAUSTS 2d 1h 5m".parse().unwrap();
        assert_eq!(brief.to_string(), "ticket exhausts 2d 1h 5m");
        assert_eq!(brief.burn_rate(MONTH), 15.0);
        assert_eq!(brief.burn_rate(7.0 * DAY), 3.5);
        assert_eq!(brief.budget_consumed(MONTH), 1.0 / 48.0);
        assert_eq!(
            format_fraction_percent(brief.budget_consumed(7.0 * DAY)),
            "2.08%"
        );
        assert_eq!(brief.validate(), Ok(()));
        // A budget gone within the long window cannot be watched over it;
        // each word's message names what it is about.
        for (bad, why) in [
            ("page exhausts 30m 1h 5m", "at least the long window"),
            ("page exhausts soon 1h 5m", "time to exhaustion"),
            ("page exhausts 2d 1h", "not an alert"),
            ("page exhausts 2d 1h 5m 1m", "not an alert"),
            ("page exhausts 2d 1h 2h", "shorter than the long"),
            ("page 2% 1x 5m", "long window"),
            ("page two 1h 5m", "budget fraction"),
        ] {
            let e = bad.parse::<BurnAlert>().unwrap_err();
            assert!(e.contains(why), "{bad}: {e}");
        }
        let mut x = by_time;
        x.exhaustion_seconds = Some(1_800.0);
        assert!(x.validate().is_err());
        x.exhaustion_seconds = Some(f64::INFINITY);
        assert!(x.validate().is_err());
    }

    #[test]
    fn detection_and_reset() {
        let alert = BurnAlert::new(Severity::Page, 0.02, HOUR, 300.0);
        let r = analyse_alert(&alert, &a("99.9"), MONTH, 1.0);
        assert!(r.can_fire);
        // Short window: 300 × (1 − 0.0144) = 295.68 s.
        assert_eq!(r.reset_seconds, Some(295.68));
        let r = analyse_alert(&alert, &a("99.9"), MONTH, 0.0144);
        assert_eq!(r.detection_seconds, None);
        let r = analyse_alert(&alert, &a("99.9"), MONTH, f64::NAN);
        assert_eq!(r.detection_seconds, None);
        let r = analyse_alert(&alert, &Availability::HUNDRED, MONTH, 0.5);
        assert_eq!(r.detection_seconds, Some(0.0));
        assert_eq!(r.budget_spent, None);
    }

    #[test]
    fn pyrra_for_adds_to_detection() {
        let p = AlertPolicy::pyrra(28 * 86_400);
        let r = analyse_alert(&p.alerts[0], &a("99.9"), 28.0 * DAY, 1.0);
        // 3600 × 14 × 0.001 + 120 = 170.4 s.
        assert!((r.detection_seconds.unwrap() - 170.4).abs() < 1e-9);
    }

    #[test]
    fn validation() {
        let mut x = BurnAlert::new(Severity::Page, 0.02, HOUR, 300.0);
        x.budget_fraction = 0.0;
        assert_eq!(x.validate(), Err(AlertError::BudgetFraction));
        x.budget_fraction = f64::NAN;
        assert_eq!(x.validate(), Err(AlertError::BudgetFraction));
        x.fixed_burn_rate = Some(-1.0);
        assert_eq!(x.validate(), Err(AlertError::BurnRate));
        let y = BurnAlert {
            for_seconds: Some(-1.0),
            ..BurnAlert::new(Severity::Page, 0.02, HOUR, 300.0)
        };
        assert!(y.validate().is_err());
        assert!(AlertPolicy::workbook().validate().is_ok());
        assert!(AlertPolicy::pyrra(86_400).validate().is_ok());
        assert!("nope".parse::<Preset>().is_err());
    }
}
