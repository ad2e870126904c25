//! The error budget's maths: the budget of a target over a window, what is
//! spent, where that leaves it (consumed, remaining, burn rate, when it runs
//! out) and the budget report's steps that show it, with when a deployment
//! freeze lifts.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::clock::{Alignment, MeasuredTime, WindowFrame, after, freeze_lifts_after};
use crate::digits::tidy;
use crate::display::{
    format_burn_rate, format_fraction_percent, format_instant, format_instant_iso, or_absent,
};
use crate::downtime::allowed_downtime;
use crate::duration::format_duration;
use crate::quantity::Availability;
use crate::ratio::Ratio;
use crate::window::{Convention, Period};

use super::count::Counted;
use super::{BudgetMode, BudgetReport, PolicyStatus, in_unit};

/// What has been spent so far.
///
/// ```
/// use nines_core::budget::Spend;
/// let s = Spend::BadRequests { bad: 520.0, requests_in_window: 2_600_000.0 };
/// assert_eq!(s.mode(), nines_core::budget::BudgetMode::Requests);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Spend {
    /// Seconds of bad time so far.
    BadSeconds(f64),
    /// Bad requests so far, out of the requests expected in the whole window.
    BadRequests {
        /// Bad events so far.
        bad: f64,
        /// Requests expected over the whole window.
        requests_in_window: f64,
    },
}

impl Spend {
    /// The mode this spend is counted in.
    ///
    /// ```
    /// use nines_core::budget::{BudgetMode, Spend};
    /// assert_eq!(Spend::BadSeconds(60.0).mode(), BudgetMode::Time);
    /// ```
    pub fn mode(&self) -> BudgetMode {
        match self {
            Spend::BadSeconds(_) => BudgetMode::Time,
            Spend::BadRequests { .. } => BudgetMode::Requests,
        }
    }
}

/// Why a budget status could not be computed.
///
/// ```
/// use nines_core::budget::BudgetError;
/// assert_eq!(
///     BudgetError::ElapsedBeyondWindow.to_string(),
///     "the time elapsed is longer than the SLO window"
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BudgetError {
    /// An input was negative, NaN or infinite; names the input.
    Invalid(&'static str),
    /// More time elapsed than the window holds.
    ElapsedBeyondWindow,
    /// More bad time than time elapsed.
    BadTimeBeyondElapsed,
    /// More bad requests than requests in the window.
    BadBeyondRequests,
    /// Budget spent while no time has elapsed.
    SpentBeforeStart,
    /// More bad requests than the traffic brings in the time elapsed
    /// (requests in the window × elapsed / window).
    BadBeyondRequestsSoFar,
}

impl fmt::Display for BudgetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BudgetError::Invalid(what) => {
                write!(f, "{what} must be a finite number, zero or more")
            }
            BudgetError::ElapsedBeyondWindow => {
                f.write_str("the time elapsed is longer than the SLO window")
            }
            BudgetError::BadTimeBeyondElapsed => {
                f.write_str("there is more bad time than time elapsed")
            }
            BudgetError::BadBeyondRequests => {
                f.write_str("there are more bad requests than requests in the window")
            }
            BudgetError::SpentBeforeStart => {
                f.write_str("bad events are counted but no time has elapsed")
            }
            BudgetError::BadBeyondRequestsSoFar => f.write_str(
                "there are more bad requests than requests so far (the traffic over the time elapsed): lower the bad requests, or raise the traffic or the time elapsed",
            ),
        }
    }
}

impl std::error::Error for BudgetError {}

/// When the budget runs out at the current burn rate, as an offset from
/// the start of the window.
///
/// ```
/// use nines_core::budget::Exhaustion;
/// let e = Exhaustion::At { after_seconds: 90.0, within_window: true };
/// assert_eq!(e.id(), "at");
/// ```
#[derive(Serialize, Clone, Copy, Debug, PartialEq)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum Exhaustion {
    /// No time has elapsed: no burn rate observed yet.
    NotStarted,
    /// Nothing spent: burn rate 0, the budget never runs out.
    Never,
    /// Already spent; `after_seconds` estimates when it ran out (steady
    /// spending since the start), `0` for a zero budget.
    Already {
        /// Seconds after the window start.
        after_seconds: f64,
    },
    /// Runs out in the future at the current burn rate.
    At {
        /// Seconds after the window start.
        after_seconds: f64,
        /// Whether that is before the window ends (burn rate above 1).
        within_window: bool,
    },
}

impl Exhaustion {
    /// The state's id: `not-started`, `never`, `already` or `at`.
    ///
    /// ```
    /// use nines_core::budget::Exhaustion;
    /// assert_eq!(Exhaustion::Never.id(), "never");
    /// ```
    pub fn id(&self) -> &'static str {
        match self {
            Exhaustion::NotStarted => "not-started",
            Exhaustion::Never => "never",
            Exhaustion::Already { .. } => "already",
            Exhaustion::At { .. } => "at",
        }
    }

    /// Seconds after the window start, when there is an instant.
    ///
    /// ```
    /// use nines_core::budget::Exhaustion;
    /// assert_eq!(Exhaustion::Already { after_seconds: 5.0 }.after_seconds(), Some(5.0));
    /// assert_eq!(Exhaustion::Never.after_seconds(), None);
    /// ```
    pub fn after_seconds(&self) -> Option<f64> {
        match self {
            Exhaustion::Already { after_seconds } | Exhaustion::At { after_seconds, .. } => {
                Some(*after_seconds)
            }
            _ => None,
        }
    }
}

/// The calendar instant the budget runs (or ran) out, given the window's
/// start instant (passed in: the core never reads the clock). `None` for
/// [`Exhaustion::Never`] and [`Exhaustion::NotStarted`], and when the
/// instant is beyond chrono's range. Rounded to the millisecond.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use nines_core::budget::{exhaustion_at, Exhaustion};
/// let start = Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap();
/// let e = Exhaustion::At { after_seconds: 25.0 * 86_400.0, within_window: true };
/// assert_eq!(exhaustion_at(start, &e).unwrap().to_rfc3339(), "2026-11-26T00:00:00+00:00");
/// assert_eq!(exhaustion_at(start, &Exhaustion::Never), None);
/// ```
pub fn exhaustion_at(start: DateTime<Utc>, exhaustion: &Exhaustion) -> Option<DateTime<Utc>> {
    after(start, exhaustion.after_seconds()?)
}

pub(super) fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

fn check(x: f64, what: &'static str) -> Result<f64, BudgetError> {
    if x.is_finite() && x >= 0.0 {
        Ok(x)
    } else {
        Err(BudgetError::Invalid(what))
    }
}

/// An error budget: a target over an SLO window under a convention.
///
/// ```
/// use nines_core::budget::ErrorBudget;
/// use nines_core::quantity::Availability;
/// use nines_core::window::{Convention, Period};
/// let b = ErrorBudget::new(Availability::parse("99.9").unwrap(), Period::Days(30), Convention::SreBook);
/// assert_eq!(b.fraction(), 0.001);
/// assert_eq!(b.seconds(), 2_592.0); // 43m 12s
/// assert_eq!(b.allowed_bad(1_000_000.0), Some(1_000.0));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ErrorBudget {
    target: Availability,
    window: Period,
    convention: Convention,
}

impl ErrorBudget {
    /// The budget of `target` over `window` under `convention`.
    ///
    /// ```
    /// use nines_core::budget::ErrorBudget;
    /// use nines_core::quantity::Availability;
    /// use nines_core::window::{Convention, Period};
    /// let b = ErrorBudget::new(Availability::HUNDRED, Period::Month, Convention::SreBook);
    /// assert_eq!(b.seconds(), 0.0);
    /// ```
    pub fn new(target: Availability, window: Period, convention: Convention) -> ErrorBudget {
        ErrorBudget {
            target,
            window,
            convention,
        }
    }

    /// The target.
    ///
    /// ```
    /// use nines_core::budget::ErrorBudget;
    /// use nines_core::quantity::Availability;
    /// use nines_core::window::{Convention, Period};
    /// let b = ErrorBudget::new(Availability::HUNDRED, Period::Month, Convention::SreBook);
    /// assert_eq!(b.target(), &Availability::HUNDRED);
    /// ```
    pub fn target(&self) -> &Availability {
        &self.target
    }

    /// The SLO window.
    ///
    /// ```
    /// use nines_core::budget::ErrorBudget;
    /// use nines_core::quantity::Availability;
    /// use nines_core::window::{Convention, Period};
    /// let b = ErrorBudget::new(Availability::HUNDRED, Period::Days(28), Convention::SreBook);
    /// assert_eq!(b.window(), Period::Days(28));
    /// ```
    pub fn window(&self) -> Period {
        self.window
    }

    /// The budget fraction `U`.
    ///
    /// ```
    /// use nines_core::budget::ErrorBudget;
    /// use nines_core::quantity::Availability;
    /// use nines_core::window::{Convention, Period};
    /// let b = ErrorBudget::new(Availability::parse("99.95").unwrap(), Period::Month, Convention::SreBook);
    /// assert_eq!(b.fraction(), 0.0005);
    /// ```
    pub fn fraction(&self) -> f64 {
        self.target.unavailability()
    }

    /// The window's length in seconds.
    ///
    /// ```
    /// use nines_core::budget::ErrorBudget;
    /// use nines_core::quantity::Availability;
    /// use nines_core::window::{Convention, Period};
    /// let b = ErrorBudget::new(Availability::HUNDRED, Period::Days(28), Convention::SreBook);
    /// assert_eq!(b.window_seconds(), 2_419_200.0);
    /// ```
    pub fn window_seconds(&self) -> f64 {
        self.window.seconds(self.convention) as f64
    }

    /// The time-based budget `U × window` in seconds, exact when `U` is.
    ///
    /// ```
    /// use nines_core::budget::ErrorBudget;
    /// use nines_core::quantity::Availability;
    /// use nines_core::window::{Convention, Period};
    /// let b = ErrorBudget::new(Availability::parse("99.95").unwrap(), Period::Month, Convention::GregorianMean);
    /// assert_eq!(b.seconds(), 1_314.873); // 21m 55s
    /// ```
    pub fn seconds(&self) -> f64 {
        allowed_downtime(&self.target, self.window, self.convention)
    }

    /// The request-based budget `U × requests` (bad events allowed), exact
    /// when `U` is; `None` for negative or non-finite `requests`.
    ///
    /// ```
    /// use nines_core::budget::ErrorBudget;
    /// use nines_core::quantity::Availability;
    /// use nines_core::window::{Convention, Period};
    /// let b = ErrorBudget::new(Availability::parse("99.9").unwrap(), Period::Days(30), Convention::SreBook);
    /// // Workbook ch. 5: 10 requests an hour for 30 days allow 7.2 failures.
    /// assert_eq!(b.allowed_bad(7_200.0), Some(7.2));
    /// ```
    pub fn allowed_bad(&self, requests: f64) -> Option<f64> {
        if !requests.is_finite() || requests < 0.0 {
            return None;
        }
        let exact = self
            .target
            .unavailability_exact()
            .zip(Ratio::from_f64(requests))
            .and_then(|(u, n)| u.checked_mul(n));
        Some(exact.map_or_else(|| self.fraction() * requests, Ratio::to_f64))
    }

    /// The status after `elapsed_seconds` of the window with `spend` so far.
    ///
    /// ```
    /// use nines_core::budget::{ErrorBudget, Exhaustion, PolicyStatus, Spend};
    /// use nines_core::quantity::Availability;
    /// use nines_core::window::{Convention, Period};
    /// let b = ErrorBudget::new(Availability::parse("99.95").unwrap(), Period::Days(30), Convention::SreBook);
    /// let spend = Spend::BadRequests { bad: 520.0, requests_in_window: 2_600_000.0 };
    /// let s = b.status(spend, 10.0 * 86_400.0).unwrap();
    /// assert_eq!(s.allowed, 1_300.0);
    /// assert_eq!(s.consumed, Some(0.4));
    /// assert_eq!(s.remaining, Some(0.6));
    /// assert!((s.burn_rate.unwrap() - 1.2).abs() < 1e-12);
    /// assert!(matches!(s.exhaustion, Exhaustion::At { within_window: true, .. }));
    /// // It runs out on day 25, before the window ends.
    /// assert_eq!(s.policy, PolicyStatus::AtRisk);
    /// ```
    pub fn status(&self, spend: Spend, elapsed_seconds: f64) -> Result<BudgetStatus, BudgetError> {
        self.status_measured(
            spend,
            elapsed_seconds,
            self.window_seconds(),
            self.seconds(),
        )
    }

    /// [`ErrorBudget::status`] when only part of the window is measured
    /// (service hours, excluded maintenance: [`crate::clock::MeasuredTime`]):
    /// `window` and `elapsed_seconds` are measured seconds and
    /// `budget_seconds` the time-based budget over them.
    ///
    /// ```
    /// use nines_core::budget::{ErrorBudget, Spend};
    /// use nines_core::quantity::Availability;
    /// use nines_core::window::{Convention, Period};
    /// let b = ErrorBudget::new(Availability::parse("99.9").unwrap(), Period::Week, Convention::SreBook);
    /// // 40 service hours a week, 2m 24s allowed; 1m 12s spent in 10 h.
    /// let s = b.status_measured(Spend::BadSeconds(72.0), 36_000.0, 144_000.0, 144.0).unwrap();
    /// assert_eq!(s.consumed, Some(0.5));
    /// assert_eq!(s.burn_rate, Some(2.0));
    /// ```
    pub fn status_measured(
        &self,
        spend: Spend,
        elapsed_seconds: f64,
        window: f64,
        budget_seconds: f64,
    ) -> Result<BudgetStatus, BudgetError> {
        let elapsed = check(elapsed_seconds, "the time elapsed")?;
        if elapsed > window {
            return Err(BudgetError::ElapsedBeyondWindow);
        }
        let (allowed, spent) = match spend {
            Spend::BadSeconds(bad) => {
                let bad = check(bad, "the bad time")?;
                if bad > elapsed {
                    return Err(BudgetError::BadTimeBeyondElapsed);
                }
                (budget_seconds, bad)
            }
            Spend::BadRequests {
                bad,
                requests_in_window,
            } => {
                let bad = check(bad, "the number of bad requests")?;
                let n = check(requests_in_window, "the number of requests")?;
                if bad > n {
                    return Err(BudgetError::BadBeyondRequests);
                }
                (self.allowed_bad(n).unwrap_or(0.0), bad)
            }
        };
        if spent > 0.0 && elapsed == 0.0 {
            return Err(BudgetError::SpentBeforeStart);
        }
        if let Spend::BadRequests {
            requests_in_window, ..
        } = spend
        {
            // Requests so far = requests in the window × e / W; a relative
            // tolerance keeps "all of them bad" (bad = so far) allowed.
            let so_far = requests_in_window * elapsed / window;
            if spent > so_far * (1.0 + 1e-12) {
                return Err(BudgetError::BadBeyondRequestsSoFar);
            }
        }
        // consumed = bad / allowed; None when nothing was allowed yet some
        // was spent (or the ratio overflows): an unbounded overspend.
        let consumed = if spent == 0.0 {
            Some(0.0)
        } else if allowed > 0.0 {
            finite(tidy(spent / allowed))
        } else {
            None
        };
        let remaining = consumed.map(|c| tidy(1.0 - c));
        // burn = (bad / total over e) / U = consumed × W / e.
        let burn_rate = match consumed {
            Some(c) if elapsed > 0.0 => finite(tidy(c * window / elapsed)),
            _ => None,
        };
        let exhaustion = match (consumed, burn_rate) {
            (None, _) => Exhaustion::Already { after_seconds: 0.0 },
            (Some(_), None) => Exhaustion::NotStarted,
            (Some(c), Some(b)) if b <= 0.0 || c <= 0.0 => Exhaustion::Never,
            (Some(c), Some(_)) => {
                // Steady spending since the start reaches 1 at e / c.
                let after = finite(tidy(elapsed / c)).unwrap_or(0.0);
                if c >= 1.0 {
                    Exhaustion::Already {
                        after_seconds: after,
                    }
                } else {
                    Exhaustion::At {
                        after_seconds: after,
                        within_window: after <= window,
                    }
                }
            }
        };
        // remaining × W / burn, from now.
        let time_to_exhaustion = match (remaining, burn_rate) {
            (Some(r), Some(b)) if b > 0.0 => finite(tidy((r * window / b).max(0.0))),
            _ => None,
        };
        Ok(BudgetStatus {
            mode: spend.mode(),
            window_seconds: window,
            elapsed_seconds: elapsed,
            allowed,
            spent,
            consumed,
            remaining,
            burn_rate,
            time_to_exhaustion_seconds: time_to_exhaustion,
            exhaustion,
            policy: PolicyStatus::projected(remaining, &exhaustion, window),
        })
    }
}

/// Where a budget stands. Every `f64` is finite; `None` marks a figure that
/// does not exist (see each field).
///
/// ```
/// use nines_core::budget::{ErrorBudget, Spend};
/// use nines_core::quantity::Availability;
/// use nines_core::window::{Convention, Period};
/// let b = ErrorBudget::new(Availability::HUNDRED, Period::Days(30), Convention::SreBook);
/// let s = b.status(Spend::BadSeconds(1.0), 60.0).unwrap();
/// assert_eq!(s.consumed, None); // a 100% target allows nothing
/// ```
#[derive(Serialize, Clone, Copy, Debug, PartialEq)]
pub struct BudgetStatus {
    /// Time or requests.
    pub mode: BudgetMode,
    /// The window, seconds.
    pub window_seconds: f64,
    /// Time elapsed in the window, seconds.
    pub elapsed_seconds: f64,
    /// The budget: seconds (time) or bad events (requests).
    pub allowed: f64,
    /// Spent so far, in the same unit.
    pub spent: f64,
    /// spent / allowed; `None` when nothing is allowed yet something was
    /// spent (an unbounded overspend).
    pub consumed: Option<f64>,
    /// 1 − consumed, negative when overspent.
    pub remaining: Option<f64>,
    /// consumed × window / elapsed; `None` before any time has elapsed or
    /// when unbounded.
    pub burn_rate: Option<f64>,
    /// remaining × window / burn rate, from now; `None` when the burn rate
    /// is zero or unknown.
    pub time_to_exhaustion_seconds: Option<f64>,
    /// When the budget runs (ran) out.
    pub exhaustion: Exhaustion,
    /// Whether launches may go ahead.
    pub policy: PolicyStatus,
}

/// The budget report's fourth step: the status's figures (consumed,
/// remaining, burn rate); `allowed`, the budget in its unit.
pub(super) fn add_status(
    report: &mut BudgetReport,
    status: &BudgetStatus,
    target: Availability,
    allowed: f64,
) {
    let mode = report.mode;
    report.consumed = status.consumed;
    report.consumed_display = status.consumed.map_or_else(
        || {
            if target.unavailability() == 0.0 || mode != BudgetMode::Time {
                "unbounded (a 100% target allows no failures)".into()
            } else {
                "unbounded (the budget is 0s: no time is measured)".into()
            }
        },
        format_fraction_percent,
    );
    report.remaining = status.remaining;
    if let Some(r) = status.remaining {
        report.remaining_display = format_fraction_percent(r);
        report.remaining_amount_display = in_unit(mode, r * allowed);
    }
    report.burn_rate = status.burn_rate;
    report.burn_rate_display = status
        .burn_rate
        .map_or_else(|| "not measured yet".into(), format_burn_rate);
    report.time_to_exhaustion_seconds = status.time_to_exhaustion_seconds;
    report.exhaustion = status.exhaustion;
}

/// The budget report's fifth step: when the budget runs out (the instant,
/// returned, and for people; `always`: every second is measured).
pub(super) fn add_exhaustion(
    report: &mut BudgetReport,
    status: &BudgetStatus,
    frame: &WindowFrame,
    measured: &MeasuredTime,
    always: bool,
) -> Option<DateTime<Utc>> {
    let instant = status
        .exhaustion
        .after_seconds()
        .and_then(|t| measured.after(frame.start, t));
    report.exhaustion_iso = instant.map(format_instant_iso);
    let when = instant.map_or_else(|| "beyond the calendar".into(), format_instant);
    (report.time_to_exhaustion_display, report.exhaustion_display) = match status.exhaustion {
        Exhaustion::NotStarted => (
            "not measured yet".into(),
            "no time has elapsed in the window yet".into(),
        ),
        Exhaustion::Never => ("never".into(), "never: nothing has been spent".into()),
        Exhaustion::Already { .. } => (
            "already spent".into(),
            ["already spent (", when.as_str(), ")"].concat(),
        ),
        Exhaustion::At { within_window, .. } => (
            or_absent(status.time_to_exhaustion_seconds, |t| {
                if always {
                    format_duration(t)
                } else {
                    format_duration(t) + " of service time"
                }
            }),
            if within_window {
                when + " (before the window ends)"
            } else {
                when + " (after the window ends: the budget lasts)"
            },
        ),
    };
    instant
}

/// The budget report's sixth step: when a deployment freeze lifts.
pub(super) fn add_freeze_lift(
    report: &mut BudgetReport,
    status: &BudgetStatus,
    frame: &WindowFrame,
    measured: &MeasuredTime,
    c: &Counted,
) {
    let rolling = frame.alignment == Alignment::Rolling;
    let lift = freeze_lifts_after(
        frame.alignment,
        c.measured_window,
        c.measured_elapsed,
        status.spent,
        status.allowed,
    )
    .and_then(|t| {
        if rolling {
            measured.after(frame.now, t)
        } else {
            // At the reset, whatever the service hours.
            Some(frame.end)
        }
    });
    report.freeze_lift_iso = lift.map(format_instant_iso);
    report.freeze_lift_display = match lift {
        Some(t) if rolling => {
            format_instant(t)
                + " (when enough failures have left the rolling window, if no more happen)"
        }
        Some(t) => format_instant(t) + " (when the window resets)",
        None if status.consumed.is_none() => "not while the target allows no failures".into(),
        None => "no freeze: budget left".into(),
    };
}

#[cfg(test)]
mod tests {
    use super::super::burn_down;
    use super::super::tests::budget;
    use super::*;
    use crate::display::format_instant_iso;
    use chrono::TimeZone;

    #[test]
    fn time_based_status() {
        let b = budget("99.9", 30);
        // 43m 12s budget; 21m 36s bad in the first 10 days.
        let s = b.status(Spend::BadSeconds(1_296.0), 864_000.0).unwrap();
        assert_eq!(s.consumed, Some(0.5));
        assert_eq!(s.remaining, Some(0.5));
        assert_eq!(s.burn_rate, Some(1.5));
        // remaining × W / burn = 0.5 × 30d / 1.5 = 10 days from now.
        assert_eq!(s.time_to_exhaustion_seconds, Some(864_000.0));
        assert_eq!(
            s.exhaustion,
            Exhaustion::At {
                after_seconds: 1_728_000.0,
                within_window: true
            }
        );
        let start = Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap();
        let at = exhaustion_at(start, &s.exhaustion).unwrap();
        assert_eq!(format_instant_iso(at), "2026-11-21T00:00:00Z");
    }

    #[test]
    fn overspent_and_never() {
        let b = budget("99.9", 30);
        let s = b
            .status(Spend::BadSeconds(2_592.0 * 1.5), 864_000.0)
            .unwrap();
        assert_eq!(s.remaining, Some(-0.5));
        assert_eq!(s.policy, PolicyStatus::Frozen);
        assert_eq!(
            s.exhaustion,
            Exhaustion::Already {
                after_seconds: 576_000.0
            }
        );
        assert_eq!(s.time_to_exhaustion_seconds, Some(0.0));
        let s = b.status(Spend::BadSeconds(0.0), 864_000.0).unwrap();
        assert_eq!(s.exhaustion, Exhaustion::Never);
        assert_eq!(s.burn_rate, Some(0.0));
        assert_eq!(s.time_to_exhaustion_seconds, None);
        let s = b.status(Spend::BadSeconds(0.0), 0.0).unwrap();
        assert_eq!(s.exhaustion, Exhaustion::NotStarted);
        assert_eq!(s.burn_rate, None);
    }

    #[test]
    fn slow_burn_runs_out_after_the_window() {
        let b = budget("99.9", 30);
        let s = b
            .status(
                Spend::BadRequests {
                    bad: 100.0,
                    requests_in_window: 1_000_000.0,
                },
                864_000.0,
            )
            .unwrap();
        // 10% spent in a third of the window: burn 0.3.
        assert!((s.burn_rate.unwrap() - 0.3).abs() < 1e-12);
        assert!(matches!(
            s.exhaustion,
            Exhaustion::At {
                within_window: false,
                ..
            }
        ));
    }

    #[test]
    fn refusals() {
        let b = budget("99.9", 30);
        let e = |spend, elapsed| b.status(spend, elapsed).unwrap_err();
        assert_eq!(
            e(Spend::BadSeconds(1.0), 31.0 * 86_400.0),
            BudgetError::ElapsedBeyondWindow
        );
        assert_eq!(
            e(Spend::BadSeconds(10.0), 5.0),
            BudgetError::BadTimeBeyondElapsed
        );
        assert_eq!(
            e(
                Spend::BadRequests {
                    bad: 11.0,
                    requests_in_window: 10.0
                },
                5.0
            ),
            BudgetError::BadBeyondRequests
        );
        assert_eq!(
            e(
                Spend::BadRequests {
                    bad: 1.0,
                    requests_in_window: 10.0
                },
                0.0
            ),
            BudgetError::SpentBeforeStart
        );
        // 2.6M requests per 30 days, 10 days in: 2.6M × 10 / 30 =
        // 866,666.7 requests so far (worked by hand); 866,666 bad is
        // possible, 900,000 is not (more bad requests than requests so far
        // is refused, not answered).
        let b = budget("99.95", 30);
        let so_far = |bad| {
            b.status(
                Spend::BadRequests {
                    bad,
                    requests_in_window: 2_600_000.0,
                },
                10.0 * 86_400.0,
            )
        };
        assert!(so_far(866_666.0).is_ok());
        assert_eq!(
            so_far(900_000.0).unwrap_err(),
            BudgetError::BadBeyondRequestsSoFar
        );
        assert_eq!(
            e(Spend::BadSeconds(f64::NAN), 5.0),
            BudgetError::Invalid("the bad time")
        );
        assert_eq!(
            e(Spend::BadSeconds(1.0), -5.0).to_string(),
            "the time elapsed must be a finite number, zero or more"
        );
    }

    #[test]
    fn tiny_budgets_stay_finite() {
        let b = ErrorBudget::new(
            Availability::parse("300 nines").unwrap(),
            Period::Days(30),
            Convention::SreBook,
        );
        let s = b
            .status(
                Spend::BadRequests {
                    bad: 1e15,
                    requests_in_window: 1e15,
                },
                // The whole window: every request so far was bad.
                30.0 * 86_400.0,
            )
            .unwrap();
        assert!(s.consumed.unwrap() > 1e299);
        assert_eq!(s.policy, PolicyStatus::Frozen);
        assert!(s.burn_rate.is_none_or(f64::is_finite));
        let json = serde_json::to_string(&s).unwrap();
        assert!(!json.contains("inf") && !json.contains("NaN") && !json.contains("null,\"spent"));
        assert!(burn_down(&s, 10).iter().all(|p| p.remaining.is_finite()));
    }
}
