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

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::choice::Choice;
use crate::digits::tidy;
use crate::display::{format_burn_rate, format_fraction_percent, or_absent};
use crate::duration::{format_duration, push_duration};
use crate::parse_error::{Expected, ParseError, Problem};
use crate::quantity::Availability;

use crate::target::DAY_SECONDS as DAY;
use crate::window::{Convention, Period};

const HOUR: f64 = 3_600.0;

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

fn finite(x: f64) -> Option<f64> {
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

/// Time to fire in floating point: `L × b × U / e + for`.
fn detection_f64(alert: &BurnAlert, u: f64, period: f64, e: f64) -> Option<f64> {
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

/// One point of a detection-time chart.
///
/// ```
/// use nines_core::alerts::DetectionPoint;
/// let p = DetectionPoint::new(0.01, 2_592.0);
/// assert_eq!(p.readout, "fires after 43m 12s at 1% errors");
/// ```
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct DetectionPoint {
    /// The error ratio (0 to 1).
    pub error_ratio: f64,
    /// Time to fire, seconds.
    pub detection_seconds: f64,
    /// The point in words: `fires after 43m 12s at 1% errors`.
    pub readout: String,
}

impl DetectionPoint {
    /// The point, with its readout.
    pub fn new(error_ratio: f64, detection_seconds: f64) -> DetectionPoint {
        let mut readout = String::with_capacity(40);
        readout.push_str("fires after ");
        push_duration(&mut readout, detection_seconds);
        readout.push_str(" at ");
        readout.push_str(&format_fraction_percent(error_ratio));
        readout.push_str(" errors");
        DetectionPoint {
            error_ratio,
            detection_seconds,
            readout,
        }
    }
}

/// Detection time against error ratio for one alert (plot log-log).
///
/// ```
/// use nines_core::alerts::DetectionCurve;
/// let c = DetectionCurve { alert: 0, label: "Page 1h/5m".into(), points: vec![] };
/// assert!(c.points.is_empty());
/// ```
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct DetectionCurve {
    /// Index of the alert in the policy.
    pub alert: usize,
    /// `Page 1h/5m`.
    pub label: String,
    /// Points where the alert fires, by increasing error ratio.
    pub points: Vec<DetectionPoint>,
}

/// The detection-time curves of every alert that can fire: `points`
/// error ratios (clamped to 2..=500), spaced evenly on a log scale from
/// just above the lowest threshold `b × U` to 100%. Empty for a 100%
/// target.
///
/// ```
/// use nines_core::alerts::{detection_series, AlertPolicy};
/// use nines_core::quantity::Availability;
/// let curves = detection_series(&AlertPolicy::workbook(), &Availability::parse("99.9").unwrap(), 2_592_000.0, 20);
/// assert_eq!(curves.len(), 3);
/// let last = curves[0].points.last().unwrap();
/// assert_eq!((last.error_ratio, last.detection_seconds), (1.0, 51.84));
/// ```
pub fn detection_series(
    policy: &AlertPolicy,
    target: &Availability,
    period_seconds: f64,
    points: usize,
) -> Vec<DetectionCurve> {
    let u = target.unavailability();
    // An alert whose short window was rounded away never fires: no curve.
    let thresholds: Vec<f64> = policy
        .alerts
        .iter()
        .map(|a| {
            if short_window_rounded_away(policy, a) {
                f64::INFINITY
            } else {
                a.burn_rate(period_seconds) * u
            }
        })
        .collect();
    let lowest = thresholds
        .iter()
        .copied()
        .filter(|t| t.is_finite() && *t > 0.0 && *t < 1.0)
        .fold(f64::INFINITY, f64::min);
    if !lowest.is_finite() {
        return Vec::new();
    }
    let n = points.clamp(2, 500);
    let from = (lowest * 1.01).min(1.0).ln();
    let ratios: Vec<f64> = (0..n)
        .map(|i| {
            if i + 1 == n {
                1.0
            } else {
                (from * (1.0 - i as f64 / (n - 1) as f64)).exp()
            }
        })
        .collect();
    policy
        .alerts
        .iter()
        .enumerate()
        .filter(|(i, _)| thresholds[*i] < 1.0)
        .map(|(i, alert)| DetectionCurve {
            alert: i,
            label: {
                // `{severity} {long}/{short}`
                let mut label = String::with_capacity(24);
                label.push_str(alert.severity.label());
                label.push(' ');
                push_duration(&mut label, alert.long_window_seconds);
                label.push('/');
                push_duration(&mut label, alert.short_window_seconds);
                label
            },
            points: {
                // Sized up front: `filter_map` gives no lower bound.
                let mut points = Vec::with_capacity(ratios.len());
                points.extend(ratios.iter().filter_map(|&e| {
                    // Floating point here: a chart needs speed, not exactness.
                    let t = detection_f64(alert, u, period_seconds, e)?;
                    Some(DetectionPoint::new(e, t))
                }));
                points
            },
        })
        .collect()
}

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

    const MONTH: f64 = 2_592_000.0;

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

    fn a(s: &str) -> Availability {
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

    #[test]
    fn detection_series_is_finite_and_decreasing() {
        let curves = detection_series(&AlertPolicy::sloth(30 * 86_400), &a("99.95"), MONTH, 50);
        assert_eq!(curves.len(), 4);
        for c in &curves {
            assert!(!c.points.is_empty());
            for w in c.points.windows(2) {
                assert!(w[0].error_ratio < w[1].error_ratio);
                assert!(w[0].detection_seconds > w[1].detection_seconds);
            }
        }
        assert!(
            detection_series(&AlertPolicy::workbook(), &Availability::HUNDRED, MONTH, 5).is_empty()
        );
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
