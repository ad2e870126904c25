//! Error budgets: how much unreliability a target allows, how much of it is
//! spent, how fast it is burning, when it runs out, and whether launches may
//! go ahead.
//!
//! The rules (docs/DOMAIN.md §2.1, §2.2, §2.8; SRE book ch. 3 "Embracing Risk"; SRE Workbook
//! ch. 2 "Implementing SLOs" and ch. 5 "Alerting on SLOs"):
//!
//! * budget fraction = `U = 1 − A`;
//! * time-based budget = `U × window` (computed by
//!   [`crate::downtime::allowed_downtime`], exactly);
//! * request-based budget = `U × requests in the window`: the bad events
//!   allowed ("The error budget gives the number of allowed bad events",
//!   Workbook ch. 5);
//! * consumed = bad / allowed; remaining = 1 − consumed, negative when
//!   overspent;
//! * burn rate = observed error ratio / `U` ("how fast, relative to the SLO,
//!   the service consumes the error budget", Workbook ch. 5). With `e` of
//!   the window's `W` seconds elapsed, the observed error ratio is
//!   bad / total over those `e` seconds, which makes the burn rate
//!   `consumed × W / e` in both modes (the share of the budget spent per
//!   share of the window elapsed). A burn rate of 1 spends the budget
//!   exactly at the end of the window;
//! * time to exhaustion (from now) = remaining × `W` / burn rate, so at a
//!   steady burn the budget runs out `e / consumed` seconds after the
//!   window started: within the window exactly when the burn rate is
//!   above 1;
//! * error-budget policy: the essays' "You Build It SRE Run It" rule, "The
//!   product team can launch new features if the service is within its
//!   error budget. If not, they cannot deploy until any errors are
//!   resolved."
//!
//! Note: the essays' own example says 99.9% "equates to an error budget of
//! 0.01%"; it is 0.1% (`1 − 0.999`). This module does the maths right and
//! a reference test records the slip.

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::amount::{Count, Rate};
use crate::choice::Choice;
use crate::clock::{
    Alignment, MeasuredTime, UtcOffset, WeekStart, WindowFrame, after, freeze_lifts_after,
    window_frame,
};
use crate::digits::{push_fixed, tidy};
use crate::display::{
    ABSENT, format_burn_rate, format_fraction_percent, format_instant, format_instant_iso,
    or_absent, push_fraction_percent,
};
use crate::downtime::allowed_downtime;
use crate::duration::format_duration;
use crate::quantity::Availability;
use crate::ratio::Ratio;
use crate::target::DAY_SECONDS;
use crate::window::{Convention, Period};

/// Whether the budget is counted in time (bad minutes) or in requests (bad
/// events). Serializes as `"time"` / `"requests"`.
///
/// ```
/// use nines_core::budget::BudgetMode;
/// assert_eq!(serde_json::to_string(&BudgetMode::Requests).unwrap(), "\"requests\"");
/// ```
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum BudgetMode {
    /// Bad time: seconds during which the service missed its objective.
    Time,
    /// Bad events out of all requests (the Workbook's good/total SLIs).
    #[default]
    Requests,
}

impl Choice for BudgetMode {
    const OPTIONS: &'static [Self] = &[BudgetMode::Requests, BudgetMode::Time];

    fn choice_id(self) -> &'static str {
        match self {
            BudgetMode::Requests => "requests",
            BudgetMode::Time => "time",
        }
    }

    fn choice_label(self) -> &'static str {
        match self {
            BudgetMode::Requests => "requests (bad events)",
            BudgetMode::Time => "time (bad minutes)",
        }
    }
}

/// Where a time-based budget's bad time comes from: the incident log
/// (default: what happened is the source of truth) or a measured figure
/// typed by the user. Serializes as `"log"` / `"typed"`.
///
/// ```
/// use nines_core::budget::BadTimeSource;
/// use nines_core::choice::Choice;
/// assert_eq!(serde_json::to_string(&BadTimeSource::Log).unwrap(), "\"log\"");
/// assert_eq!(BadTimeSource::from_id("typed"), Some(BadTimeSource::Typed));
/// ```
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum BadTimeSource {
    /// The incidents of the log inside the window so far, each weighted by
    /// the share of users it affected and counted in service time.
    #[default]
    Log,
    /// A measured figure: [`BudgetInput::bad_seconds`].
    Typed,
}

impl Choice for BadTimeSource {
    const OPTIONS: &'static [Self] = &[BadTimeSource::Log, BadTimeSource::Typed];

    fn choice_id(self) -> &'static str {
        match self {
            BadTimeSource::Log => "log",
            BadTimeSource::Typed => "typed",
        }
    }

    fn choice_label(self) -> &'static str {
        match self {
            BadTimeSource::Log => "from the incident log",
            BadTimeSource::Typed => "measured (typed here)",
        }
    }
}

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

fn finite(x: f64) -> Option<f64> {
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

/// One point of a burn-down chart.
///
/// ```
/// use nines_core::budget::BurnDownPoint;
/// let p = BurnDownPoint::new(86_400.0, 0.96, 0.9, false);
/// assert_eq!(p.readout, "day 1.0: 96% of the budget left");
/// assert_eq!(p.ideal_readout, "90% left at an even burn");
/// ```
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct BurnDownPoint {
    /// Seconds since the window start.
    pub seconds: f64,
    /// Budget remaining (1 = all, negative = overspent).
    pub remaining: f64,
    /// What a burn rate of exactly 1 would leave: `1 − t / W`.
    pub ideal: f64,
    /// Whether the point is a projection (after the time elapsed).
    pub projected: bool,
    /// The point in words: `day 10.0: 60% of the budget left`, with
    /// ` (projected)` after the time elapsed.
    pub readout: String,
    /// The even burn's point in words: `67% left at an even burn`.
    pub ideal_readout: String,
}

impl BurnDownPoint {
    /// The point `seconds` into the window, with its readouts.
    pub fn new(seconds: f64, remaining: f64, ideal: f64, projected: bool) -> BurnDownPoint {
        let mut readout = String::with_capacity(48);
        readout.push_str("day ");
        push_fixed(&mut readout, seconds / DAY_SECONDS, 1);
        readout.push_str(": ");
        push_fraction_percent(&mut readout, remaining);
        readout.push_str(" of the budget left");
        if projected {
            readout.push_str(" (projected)");
        }
        let mut ideal_readout = format_fraction_percent(ideal);
        ideal_readout.push_str(" left at an even burn");
        BurnDownPoint {
            seconds,
            remaining,
            ideal,
            projected,
            readout,
            ideal_readout,
        }
    }
}

/// The budget remaining across the window for a chart: `points` evenly
/// spaced samples (clamped to 2..=1000) plus the current instant, the
/// actual part assuming steady spending so far and the projection
/// continuing at the current burn rate (`remaining(t) = 1 − burn × t / W`).
/// Before any time has elapsed the projection is flat. Empty for an
/// unbounded overspend.
///
/// ```
/// use nines_core::budget::{burn_down, ErrorBudget, Spend};
/// use nines_core::quantity::Availability;
/// use nines_core::window::{Convention, Period};
/// let b = ErrorBudget::new(Availability::parse("99.9").unwrap(), Period::Days(30), Convention::SreBook);
/// let s = b.status(Spend::BadSeconds(1_296.0), 15.0 * 86_400.0).unwrap(); // half spent at half time
/// let pts = burn_down(&s, 3);
/// let shown: Vec<(f64, f64, bool)> = pts.iter().map(|p| (p.seconds / 86_400.0, p.remaining, p.projected)).collect();
/// assert_eq!(shown, [(0.0, 1.0, false), (15.0, 0.5, false), (30.0, 0.0, true)]);
/// ```
pub fn burn_down(status: &BudgetStatus, points: usize) -> Vec<BurnDownPoint> {
    let Some(consumed) = status.consumed else {
        return Vec::new();
    };
    let window = status.window_seconds;
    let elapsed = status.elapsed_seconds;
    let n = points.clamp(2, 1000);
    let mut times: Vec<f64> = (0..n).map(|i| window * i as f64 / (n - 1) as f64).collect();
    if let Some(pos) = times.iter().position(|&t| t >= elapsed) {
        if times[pos] != elapsed {
            times.insert(pos, elapsed);
        }
    }
    times
        .into_iter()
        .map(|t| {
            let remaining = if elapsed > 0.0 {
                1.0 - consumed * (t / elapsed)
            } else {
                1.0
            };
            BurnDownPoint::new(
                t,
                // Chart geometry: plain floating point is enough here.
                finite(remaining).unwrap_or(0.0),
                if window > 0.0 { 1.0 - t / window } else { 0.0 },
                t > elapsed,
            )
        })
        .collect()
}

/// 2026-11-11T00:00:00Z: the instant the default story and the examples
/// and tests of this crate are evaluated at (ten days into the default
/// window). The core never reads a clock: the page passes the browser's
/// time and the CLI `--now` or the system clock.
pub const STORY_NOW: DateTime<Utc> = match DateTime::from_timestamp(1_794_355_200, 0) {
    Some(t) => t,
    None => DateTime::UNIX_EPOCH,
};

/// 2026-11-01T00:00:00Z: the default start of the SLO window. A fixed
/// instant, because the core never reads the clock.
fn default_start() -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(2026, 11, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map_or(DateTime::UNIX_EPOCH, |t| t.and_utc())
}

/// The error budget's inputs; the window is the scenario's shared
/// SLO window (`Scenario::slo_window`). The defaults tell a story: a checkout
/// service with 2.6M requests per 30 days (about one a second), ten days
/// into its window, with 520 bad requests so far: 40% of its 99.95% budget
/// spent in a third of the window (burn rate 1.2).
///
/// ```
/// use nines_core::budget::BudgetInput;
/// let b = BudgetInput::default();
/// assert_eq!(b.mode, nines_core::budget::BudgetMode::Requests);
/// assert_eq!(b.traffic.to_string(), "2,600,000 per 30d");
/// assert_eq!(b.start.to_rfc3339(), "2026-11-01T00:00:00+00:00");
/// ```
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Debug)]
#[serde(default)]
pub struct BudgetInput {
    /// Counted in requests (default) or in bad time.
    pub mode: BudgetMode,
    /// Traffic, e.g. `"2.6M per 30d"` or `"1000 rps"` (default 2.6M per 30d).
    pub traffic: Rate,
    /// Bad requests so far (request mode; default 520).
    pub bad_events: f64,
    /// Seconds of bad time so far, measured (time mode, when
    /// [`BudgetInput::bad_time_source`] is [`BadTimeSource::Typed`];
    /// default 0: nothing the user did not type).
    pub bad_seconds: f64,
    /// Where a time-based budget's bad time comes from (default the
    /// incident log).
    pub bad_time_source: BadTimeSource,
    /// Time elapsed since the window started, seconds (default 10 days):
    /// read by a rolling window, whose start is now − elapsed.
    pub elapsed_seconds: f64,
    /// When a pinned window started (default 2026-11-01T00:00:00Z).
    #[serde(deserialize_with = "crate::clock::read_instant")]
    pub start: DateTime<Utc>,
    /// How the window is placed on the calendar (default rolling).
    pub alignment: Alignment,
    /// The first day of a calendar week (default Monday).
    pub week_start: WeekStart,
    /// The UTC offset calendar windows are counted in (default UTC).
    pub utc_offset: UtcOffset,
}

impl BudgetInput {
    /// The window at `now`: `slo_window` placed as [`BudgetInput::alignment`]
    /// says (see [`crate::clock`]).
    ///
    /// ```
    /// use nines_core::budget::{BudgetInput, STORY_NOW};
    /// use nines_core::window::{Convention, Period};
    /// let f = BudgetInput::default().frame(Period::Days(30), Convention::GregorianMean, STORY_NOW);
    /// assert_eq!(f.start.to_rfc3339(), "2026-11-01T00:00:00+00:00");
    /// ```
    pub fn frame(
        &self,
        slo_window: Period,
        convention: Convention,
        now: DateTime<Utc>,
    ) -> WindowFrame {
        window_frame(
            self.alignment,
            slo_window,
            convention,
            self.elapsed_seconds,
            self.start,
            self.week_start,
            self.utc_offset,
            now,
        )
    }
}

impl Default for BudgetInput {
    fn default() -> Self {
        BudgetInput {
            mode: BudgetMode::Requests,
            traffic: Rate::per_days(Count::from_f64(2_600_000.0).unwrap_or(Count::ZERO), 30),
            bad_events: 520.0,
            bad_seconds: 0.0,
            bad_time_source: BadTimeSource::Log,
            elapsed_seconds: 10.0 * 86_400.0,
            start: default_start(),
            alignment: Alignment::Rolling,
            week_start: WeekStart::Monday,
            utc_offset: UtcOffset::UTC,
        }
    }
}

/// The error budget as the page shows it. Numbers are full precision;
/// `*_display` strings are rounded for people (durations to the second,
/// percentages to two decimals).
///
/// ```
/// use nines_core::scenario::{evaluate, Scenario};
/// let b = evaluate(&Scenario::default(), nines_core::budget::STORY_NOW).budget;
/// assert_eq!(b.budget_display, "21m 36s"); // 0.05% of 30 days
/// assert_eq!(b.allowed_bad_display, "1,300");
/// assert_eq!(b.consumed_display, "40%");
/// assert_eq!(b.burn_rate_display, "1.2×");
/// assert_eq!(b.exhaustion_iso.as_deref(), Some("2026-11-26T00:00:00Z"));
/// // 40% spent in a third of the window (burn rate 1.2): it runs out on
/// // day 25, five days before the window ends.
/// assert_eq!(b.policy_label, "Launches at risk");
/// assert!(b.policy_reason.starts_with("At this burn rate the budget runs out on Thu 26 Nov 2026, 00:00 UTC, 5d before the window ends."));
/// ```
#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct BudgetReport {
    /// Time or requests.
    pub mode: BudgetMode,
    /// The SLO window (`"30d"` in JSON).
    pub window: Period,
    /// `30 days`.
    pub window_label: String,
    /// The window with its length and convention when that matters.
    pub window_description: String,
    /// The window, seconds.
    pub window_seconds: f64,
    /// The convention's id.
    pub convention_id: String,
    /// `U`.
    pub budget_fraction: f64,
    /// `0.05%`.
    pub budget_percent: String,
    /// `U × window`, seconds.
    pub budget_seconds: f64,
    /// `21m 36s`.
    pub budget_display: String,
    /// The traffic, canonical (`2,600,000 per 30d`).
    pub traffic: String,
    /// `2.6M per 30d`.
    pub traffic_display: String,
    /// Requests expected in the window (the traffic input's; figures of a
    /// request-based budget only: a time-based one shows none).
    pub requests_in_window: f64,
    /// `2.6M`; empty for a time-based budget, which shows no request
    /// figures.
    pub requests_display: String,
    /// `U × requests`: bad requests allowed (request-based budget only, as
    /// [`BudgetReport::requests_in_window`]).
    pub allowed_bad: f64,
    /// `1,300`; empty for a time-based budget.
    pub allowed_bad_display: String,
    /// The budget in the mode's unit: `1,300 bad requests` or `21m 36s`.
    pub allowed_display: String,
    /// Planned maintenance counted against the budget inside the window's
    /// service time, seconds (0 when excluded or none), by the rule of
    /// [`MeasuredTime`]: the downtime table charges the same.
    pub maintenance_seconds: f64,
    /// Of it, the part so far: spent like any downtime by a time-based
    /// budget (it is in [`BudgetReport::spent`]).
    pub maintenance_spent_seconds: f64,
    /// The time-based budget less that maintenance: the unplanned downtime
    /// the window allows, never negative (the notes say when the
    /// maintenance alone exceeds the budget, and by how much).
    pub unplanned_seconds: f64,
    /// `24m`.
    pub unplanned_display: String,
    /// Spent so far in the mode's unit (bad requests or bad seconds).
    pub spent: f64,
    /// `520 bad requests` or `10m`.
    pub spent_display: String,
    /// Where the spend comes from: `counted from the incident log: …`, `as
    /// measured (typed)`, `bad requests as counted (typed)`.
    pub spent_source: String,
    /// Seconds elapsed.
    pub elapsed_seconds: f64,
    /// `10d`.
    pub elapsed_display: String,
    /// The same in two units, as the page's label reads it
    /// ([`crate::duration::format_duration_short`]): `6d 15h`.
    pub elapsed_short: String,
    /// Share of the window elapsed: `33.33%`.
    pub elapsed_percent: String,
    /// Spent / allowed; `None` when unbounded (a 100% target with failures).
    pub consumed: Option<f64>,
    /// `40%`.
    pub consumed_display: String,
    /// 1 − consumed, negative when overspent.
    pub remaining: Option<f64>,
    /// `60%`.
    pub remaining_display: String,
    /// What is left in the mode's unit: `780 bad requests`, `12m 58s`.
    pub remaining_amount_display: String,
    /// Observed error ratio / `U`.
    pub burn_rate: Option<f64>,
    /// `1.2×`.
    pub burn_rate_display: String,
    /// remaining × window / burn rate, from now.
    pub time_to_exhaustion_seconds: Option<f64>,
    /// `15d`, `never`, `already spent`.
    pub time_to_exhaustion_display: String,
    /// When the budget runs out (state and offset).
    pub exhaustion: Exhaustion,
    /// The instant, ISO 8601 UTC.
    pub exhaustion_iso: Option<String>,
    /// For people: `Thu 26 Nov 2026, 00:00 UTC (within the window)`.
    pub exhaustion_display: String,
    /// Rolling, calendar or pinned.
    pub alignment: Alignment,
    /// The SLO window as the scenario gives it (for a calendar alignment,
    /// its unit: `month`), where `window` is this window's real length.
    pub slo_window: Period,
    /// The UTC offset calendar windows and service hours are read in.
    pub utc_offset: UtcOffset,
    /// How the window follows the clock, for the page and a link opened
    /// later.
    pub time_note: String,
    /// What the window's placement adjusted (see [`WindowFrame::notes`]).
    pub notes: Vec<String>,
    /// The window start, ISO 8601 UTC.
    pub start_iso: String,
    /// `Sun 1 Nov 2026, 00:00 UTC`.
    pub start_display: String,
    /// The instant evaluated at, ISO 8601 UTC.
    pub now_iso: Option<String>,
    /// The instant evaluated at, for people.
    pub now_display: String,
    /// Start + window, ISO 8601 UTC.
    pub window_end_iso: Option<String>,
    /// When a calendar or pinned window resets (its end); `None` for a
    /// rolling window, which never resets.
    pub reset_iso: Option<String>,
    /// The reset for people, or why there is none.
    pub reset_display: String,
    /// When a deployment freeze would lift if no more failures happen
    /// ([`crate::clock::freeze_lifts_after`]); `None` when not frozen.
    pub freeze_lift_iso: Option<String>,
    /// The lift for people, with its rule.
    pub freeze_lift_display: String,
    /// Launches allowed or frozen.
    pub policy: PolicyStatus,
    /// `Launches allowed`.
    pub policy_label: String,
    /// The rule applied, quoting the essays.
    pub policy_reason: String,
    /// Budget remaining across the window, actual then projected.
    pub burn_down: Vec<BurnDownPoint>,
    /// Why the status could not be computed, if so.
    pub error: Option<String>,
}

/// Samples in the burn-down chart (daily for 30 days).
const BURN_DOWN_POINTS: usize = 31;

/// A count for display: two decimals at most (two significant digits below
/// 0.005), thousands separators.
fn format_count(x: f64) -> String {
    let mut out = String::with_capacity(24);
    push_count(&mut out, x);
    out
}

/// [`format_count`], appended to `out`.
fn push_count(out: &mut String, x: f64) {
    if !x.is_finite() {
        out.push_str("undefined");
        return;
    }
    let hundredths = (x * 100.0).round();
    let rounded = if hundredths == 0.0 && x != 0.0 {
        // Too small for two decimals (2.6 millionths of a bad request at
        // twelve nines): two significant digits rather than a bare "0".
        let decimals = (1 - x.abs().log10().floor() as i32).clamp(2, 300) as usize;
        format!("{x:.decimals$}").parse().unwrap_or(x)
    } else if hundredths.is_finite() {
        hundredths / 100.0
    } else {
        x.round()
    };
    match Count::from_f64(rounded.abs()) {
        Some(c) => {
            if rounded < 0.0 {
                out.push('-');
            }
            c.push_canonical(out);
        }
        None => {
            use std::fmt::Write;
            let _ = write!(out, "{rounded}");
        }
    }
}

/// The incident log's bad time in the SLO window so far, as
/// [`crate::incident`] counts it (user-weighted, in service time), and how
/// many logged incidents it comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LoggedBadTime {
    /// User-weighted bad seconds.
    pub seconds: f64,
    /// Logged incidents with some of their time in the window so far.
    pub incidents: usize,
}

/// The note of maintenance counted against the budget: how much falls in
/// the window's service time and what it leaves (the downtime table's
/// rule: the budget less the maintenance, never below zero).
fn maintenance_note(report: &BudgetReport, time_based: bool, budget_seconds: f64) -> String {
    let inside = format_duration(report.maintenance_seconds);
    if !time_based {
        return [
            "Planned maintenance is counted against the budget: the requests that fail in its ",
            &inside,
            " inside this window's service time are bad requests like any other; count them \
             among the bad requests.",
        ]
        .concat();
    }
    let mut note = [
        "Planned maintenance is counted against the budget: ",
        &inside,
        " of it falls inside this window's service time (",
        &format_duration(report.maintenance_spent_seconds),
        " so far, spent like any downtime), so the unplanned downtime allowed is ",
        &report.budget_display,
        " less it",
    ]
    .concat();
    let excess = report.maintenance_seconds - budget_seconds;
    if excess > 0.0 {
        note.push_str(": none, the maintenance alone exceeds the budget by ");
        note.push_str(&format_duration(excess));
        note.push('.');
    } else {
        note.push_str(": ");
        note.push_str(&report.unplanned_display);
        note.push('.');
    }
    note
}

/// [`BudgetReport::spent_source`].
fn spent_source(input: &BudgetInput, logged: LoggedBadTime) -> String {
    match (input.mode, input.bad_time_source) {
        (BudgetMode::Requests, _) => "as counted (typed here)".into(),
        (BudgetMode::Time, BadTimeSource::Typed) => {
            "as measured (typed here; the incident log is not counted)".into()
        }
        (BudgetMode::Time, BadTimeSource::Log) => match logged.incidents {
            0 => "from the incident log: no logged incident falls in the window so far".into(),
            n => format!(
                "from the incident log: {n} logged incident{} in the window so far, each weighted by the share of users it affected",
                if n == 1 { "" } else { "s" }
            ),
        },
    }
}

fn in_unit(mode: BudgetMode, x: f64) -> String {
    match mode {
        BudgetMode::Time => format_duration(x),
        BudgetMode::Requests => {
            let noun = if x == 1.0 {
                " bad request"
            } else {
                " bad requests"
            };
            let mut out = String::with_capacity(32);
            push_count(&mut out, x);
            out.push_str(noun);
            out
        }
    }
}

/// The budget section's report: the budget of `target` over the window
/// `frame` places on the calendar ([`BudgetInput::frame`]), what `input`
/// says is spent, the burn rate, exhaustion, the dates and the policy.
///
/// Only `measured` time counts (a service is promised in its service hours
/// only, so the time outside them spends nothing): with service hours the
/// budget is `U ×` the service time in the window, the burn rate compares
/// the budget spent with the service time elapsed, and the budget runs out
/// at the instant enough service time has passed. Requests arrive in
/// service time, so the request budget (`U ×` the window's requests) does
/// not change.
///
/// A time-based budget's bad time is `logged` (the incident log's, in the
/// same window and service time) unless the user typed a measured figure
/// ([`BadTimeSource`]); [`BudgetReport::spent_source`] says which.
pub fn budget_report(
    input: &BudgetInput,
    target: Availability,
    frame: &WindowFrame,
    convention: Convention,
    measured: &MeasuredTime,
    logged: LoggedBadTime,
) -> BudgetReport {
    let budget = ErrorBudget::new(target, frame.window, convention);
    let c = count_window(input, &budget, frame, convention, measured, logged.seconds);
    let mut report = first_report(input, target, &budget, frame, convention, &c, logged);
    add_spent_and_notes(&mut report, measured, &c);
    let status = match budget.status_measured(
        c.spend,
        c.measured_elapsed,
        c.measured_window,
        c.budget_seconds,
    ) {
        Ok(status) => status,
        Err(e) => {
            report.error = Some(e.to_string());
            report.policy_label = "Unknown".into();
            report.policy_reason = "The budget status could not be computed.".into();
            return report;
        }
    };
    add_status(&mut report, &status, target, c.allowed);
    let instant = add_exhaustion(&mut report, &status, frame, measured, c.always);
    add_freeze_lift(&mut report, &status, frame, measured, &c);
    add_policy(&mut report, &status, frame, instant);
    report.burn_down = burn_down(&status, BURN_DOWN_POINTS);
    report
}

/// What the window counts, in measured (service) time.
struct Counted {
    /// Every second is measured (24/7, no maintenance).
    always: bool,
    /// The window's measured seconds.
    measured_window: f64,
    /// The measured seconds elapsed so far.
    measured_elapsed: f64,
    /// The window's requests.
    requests: f64,
    /// The bad requests the budget allows.
    allowed_bad: f64,
    /// Counted maintenance inside the window's service time, seconds.
    maintenance: f64,
    /// Of which spent so far.
    maintenance_spent: f64,
    /// What is spent, in the budget's unit.
    spend: Spend,
    /// The budget in seconds of measured time.
    budget_seconds: f64,
    /// The budget in the budget's unit (seconds or bad requests).
    allowed: f64,
}

/// The budget report's first step: what the window measures, allows and
/// has spent (`logged_seconds`, the incident log's bad time).
fn count_window(
    input: &BudgetInput,
    budget: &ErrorBudget,
    frame: &WindowFrame,
    convention: Convention,
    measured: &MeasuredTime,
    logged_seconds: f64,
) -> Counted {
    let always = measured.is_always();
    let (measured_window, measured_elapsed) = if always {
        (budget.window_seconds(), frame.elapsed_seconds)
    } else {
        (
            measured.between(frame.start, frame.end),
            measured.between(frame.start, frame.now),
        )
    };
    let requests = input.traffic.count_in_period(frame.window, convention);
    let allowed_bad = budget.allowed_bad(requests).unwrap_or(0.0);
    // Counted maintenance inside the service time (MeasuredTime's rule, as
    // the downtime table's): downtime, spent as it happens.
    let maintenance = measured.counted_between(frame.start, frame.end);
    let maintenance_spent = measured.counted_between(frame.start, frame.now.min(frame.end));
    let spend = match input.mode {
        BudgetMode::Time => Spend::BadSeconds(
            match input.bad_time_source {
                BadTimeSource::Log => logged_seconds,
                BadTimeSource::Typed => input.bad_seconds,
            } + maintenance_spent,
        ),
        BudgetMode::Requests => Spend::BadRequests {
            bad: input.bad_events,
            requests_in_window: requests,
        },
    };
    let budget_seconds = if always {
        budget.seconds()
    } else {
        // U × the service seconds, exactly as U × a count is.
        budget.allowed_bad(measured_window).unwrap_or(0.0)
    };
    Counted {
        always,
        measured_window,
        measured_elapsed,
        requests,
        allowed_bad,
        maintenance,
        maintenance_spent,
        spend,
        budget_seconds,
        allowed: match input.mode {
            BudgetMode::Time => budget_seconds,
            BudgetMode::Requests => allowed_bad,
        },
    }
}

/// The budget report's second step: the window's figures and dates, the
/// status's figures not yet known.
fn first_report(
    input: &BudgetInput,
    target: Availability,
    budget: &ErrorBudget,
    frame: &WindowFrame,
    convention: Convention,
    c: &Counted,
    logged: LoggedBadTime,
) -> BudgetReport {
    let (mode, window, elapsed) = (input.mode, frame.window, frame.elapsed_seconds);
    let time_based = mode == BudgetMode::Time;
    let unplanned = (c.budget_seconds - c.maintenance).max(0.0);
    let (requests_display, allowed_bad_display) = request_displays(time_based, c);
    BudgetReport {
        mode,
        window,
        window_label: window.name(),
        window_description: window.describe(convention),
        window_seconds: budget.window_seconds(),
        convention_id: convention.id().to_string(),
        budget_fraction: budget.fraction(),
        budget_percent: target.format_unavailability_percent(),
        budget_seconds: c.budget_seconds,
        budget_display: format_duration(c.budget_seconds),
        traffic: input.traffic.to_string(),
        traffic_display: input.traffic.format_compact(),
        requests_in_window: c.requests,
        requests_display,
        allowed_bad: c.allowed_bad,
        allowed_bad_display,
        allowed_display: in_unit(mode, c.allowed),
        maintenance_seconds: c.maintenance,
        maintenance_spent_seconds: c.maintenance_spent,
        unplanned_seconds: unplanned,
        unplanned_display: format_duration(unplanned),
        spent: spent_of(c.spend),
        spent_display: String::new(),
        spent_source: spent_source(input, logged),
        elapsed_seconds: if elapsed.is_finite() && elapsed >= 0.0 {
            elapsed
        } else {
            0.0
        },
        elapsed_display: format_duration(elapsed),
        elapsed_short: crate::duration::format_duration_short(elapsed),
        elapsed_percent: elapsed_percent(c),
        consumed: None,
        consumed_display: ABSENT.into(),
        remaining: None,
        remaining_display: ABSENT.into(),
        remaining_amount_display: ABSENT.into(),
        burn_rate: None,
        burn_rate_display: ABSENT.into(),
        time_to_exhaustion_seconds: None,
        time_to_exhaustion_display: ABSENT.into(),
        exhaustion: Exhaustion::NotStarted,
        exhaustion_iso: None,
        exhaustion_display: ABSENT.into(),
        alignment: frame.alignment,
        slo_window: frame.slo_window,
        utc_offset: input.utc_offset,
        time_note: frame.time_note.clone(),
        notes: frame.notes.clone(),
        start_iso: format_instant_iso(frame.start),
        start_display: format_instant(frame.start),
        now_iso: Some(format_instant_iso(frame.now)),
        now_display: format_instant(frame.now),
        window_end_iso: Some(format_instant_iso(frame.end)),
        reset_iso: (frame.alignment != Alignment::Rolling).then(|| format_instant_iso(frame.end)),
        reset_display: reset_display(frame),
        freeze_lift_iso: None,
        freeze_lift_display: ABSENT.into(),
        policy: PolicyStatus::Frozen,
        policy_label: String::new(),
        policy_reason: String::new(),
        burn_down: Vec::new(),
        error: None,
    }
}

/// The window's requests and the bad requests allowed, for people; none
/// for a time-based budget.
fn request_displays(time_based: bool, c: &Counted) -> (String, String) {
    if time_based {
        return (String::new(), String::new());
    }
    (
        Count::from_f64(c.requests.round())
            .map_or_else(|| format_count(c.requests), |n| n.format_compact()),
        format_count(c.allowed_bad),
    )
}

/// The share of the window's measured time elapsed, for people.
fn elapsed_percent(c: &Counted) -> String {
    if c.measured_window > 0.0 {
        format_fraction_percent(c.measured_elapsed / c.measured_window)
    } else {
        ABSENT.into()
    }
}

/// What is spent, as the report shows it: invalid inputs are reported in
/// `error`, so nothing is shown spent (and never a negative zero).
fn spent_of(spend: Spend) -> f64 {
    match spend {
        Spend::BadSeconds(x) | Spend::BadRequests { bad: x, .. } => {
            if x.is_finite() && x > 0.0 {
                x
            } else {
                0.0
            }
        }
    }
}

/// When the window resets, for people: never for a rolling one.
fn reset_display(frame: &WindowFrame) -> String {
    if frame.alignment == Alignment::Rolling {
        [
            "never: the window rolls, each failure leaves it ",
            &frame.window.name(),
            " after it happened",
        ]
        .concat()
    } else {
        format_instant(frame.end)
    }
}

/// The budget report's third step: what is spent, for people, and the
/// notes on service time and planned maintenance.
fn add_spent_and_notes(report: &mut BudgetReport, measured: &MeasuredTime, c: &Counted) {
    let time_based = report.mode == BudgetMode::Time;
    report.spent_display = in_unit(report.mode, report.spent);
    if time_based && c.maintenance_spent > 0.0 {
        report.spent_source.push_str("; plus ");
        report
            .spent_source
            .push_str(&format_duration(c.maintenance_spent));
        report
            .spent_source
            .push_str(" of planned maintenance counted against the budget");
    }
    let service_note = measured.describe();
    if !service_note.is_empty() {
        report.notes.push(service_note);
    }
    report.notes.extend(measured.nothing_measured_note());
    if c.maintenance > 0.0 {
        let note = maintenance_note(report, time_based, c.budget_seconds);
        report.notes.push(note);
    }
}

/// The budget report's fourth step: the status's figures (consumed,
/// remaining, burn rate); `allowed`, the budget in its unit.
fn add_status(
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
fn add_exhaustion(
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
fn add_freeze_lift(
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

/// The budget report's last step: the policy, with the date the budget
/// runs out (`instant`) when launches are at risk.
fn add_policy(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::display::format_instant_iso;
    use chrono::TimeZone;

    /// The budget section of the default scenario's target, window and
    /// convention (99.95%, 30 days, Gregorian mean).
    fn section(input: &BudgetInput) -> BudgetReport {
        let target = Availability::parse("99.95").unwrap();
        let frame = input.frame(Period::Days(30), Convention::GregorianMean, STORY_NOW);
        budget_report(
            input,
            target,
            &frame,
            Convention::GregorianMean,
            &MeasuredTime::ALWAYS,
            LoggedBadTime::default(),
        )
    }

    #[test]
    fn budget_section_default_story() {
        let b = section(&BudgetInput::default());
        // 0.05% of 2.6M requests = 1300; 520 bad = 40% in a third of 30 days.
        assert_eq!(b.allowed_bad, 1_300.0);
        assert_eq!(b.consumed, Some(0.4));
        assert_eq!(b.remaining_display, "60%");
        assert_eq!(b.remaining_amount_display, "780 bad requests");
        assert_eq!(b.burn_rate, Some(1.2));
        // remaining × W / burn = 0.6 × 30 d / 1.2 = 15 days from day 10.
        assert_eq!(b.time_to_exhaustion_display, "15d");
        assert_eq!(
            b.exhaustion_display,
            "Thu 26 Nov 2026, 00:00 UTC (before the window ends)"
        );
        assert_eq!(b.now_iso.as_deref(), Some("2026-11-11T00:00:00Z"));
        assert_eq!(b.window_end_iso.as_deref(), Some("2026-12-01T00:00:00Z"));
        assert_eq!(b.burn_down.len(), 31);
        // The chart's readouts: at day 10 (now) 60% is left; an even burn
        // would leave 1 − 10/30 = 66.67%; after now the line is projected.
        let now = b.burn_down.iter().find(|p| p.seconds == 864_000.0).unwrap();
        assert_eq!(now.readout, "day 10.0: 60% of the budget left");
        assert_eq!(now.ideal_readout, "66.67% left at an even burn");
        let end = b.burn_down.last().unwrap();
        // 1 − 1.2 × 30/30 = −20% at the window's end.
        assert_eq!(end.readout, "day 30.0: -20% of the budget left (projected)");
    }

    /// With service hours only service time counts. Worked by
    /// hand: 99.9% over a 7-day window of Mon–Fri 09:00–17:00 allows
    /// 0.001 × 40 h = 2m 24s. Rolling, 2 days elapsed at Wed 11 Nov 2026
    /// 00:00 UTC: the window started Mon 9 Nov 00:00 and has measured
    /// Monday and Tuesday, 16 h (40% of 40 h). 1m 12s of bad time is 50%
    /// of the budget: burn rate 0.5 / 0.4 = 1.25×. At that rate the budget
    /// lasts 16 h / 0.5 = 32 h of service from the start: Monday to
    /// Thursday, 8 h a day, so Thu 12 Nov 17:00, 3d 7h before the window
    /// ends (Mon 16 Nov 00:00); 0.5 × 40 h / 1.25 = 16 h of service time
    /// from now.
    #[test]
    fn budget_counts_service_time_only() {
        let input = BudgetInput {
            mode: BudgetMode::Time,
            bad_seconds: 72.0,
            bad_time_source: BadTimeSource::Typed,
            elapsed_seconds: 2.0 * 86_400.0,
            ..BudgetInput::default()
        };
        let target = Availability::parse("99.9").unwrap();
        let report = |offset: i32| {
            let measured = MeasuredTime::new(
                "Mon-Fri 09:00-17:00".parse().unwrap(),
                &crate::window::PlannedMaintenance::default(),
                UtcOffset::from_minutes(offset).unwrap(),
                Convention::GregorianMean,
            );
            let frame = input.frame(Period::Week, Convention::GregorianMean, STORY_NOW);
            budget_report(
                &input,
                target,
                &frame,
                Convention::GregorianMean,
                &measured,
                LoggedBadTime::default(),
            )
        };
        let b = report(0);
        assert_eq!(b.budget_seconds, 144.0);
        assert_eq!(b.budget_display, "2m 24s");
        assert_eq!(b.elapsed_percent, "40%");
        assert_eq!(b.consumed_display, "50%");
        assert_eq!(b.burn_rate_display, "1.25×");
        assert_eq!(b.exhaustion_iso.as_deref(), Some("2026-11-12T17:00:00Z"));
        assert_eq!(b.time_to_exhaustion_display, "16h of service time");
        assert_eq!(b.policy, PolicyStatus::AtRisk);
        assert!(
            b.policy_reason.starts_with(
                "At this burn rate the budget runs out on Thu 12 Nov 2026, 17:00 UTC, 3d 7h \
                 before the window ends."
            ),
            "{}",
            b.policy_reason
        );
        assert!(b.notes.iter().any(|n| n.starts_with(
            "Counted in service time only: Mon-Fri 09:00-17:00 (UTC), 40 hours a week."
        )));
        // The same hours in UTC+01:00 are 08:00-16:00 UTC: Monday and
        // Tuesday still measured 16 h, and it runs out an hour earlier.
        let paris = report(60);
        assert_eq!(paris.burn_rate_display, "1.25×");
        assert_eq!(
            paris.exhaustion_iso.as_deref(),
            Some("2026-11-12T16:00:00Z")
        );
        // 24/7: 0.001 × 7 d = 10m 4.8s, and the plain figures.
        let frame = input.frame(Period::Week, Convention::GregorianMean, STORY_NOW);
        let plain = budget_report(
            &input,
            target,
            &frame,
            Convention::GregorianMean,
            &MeasuredTime::ALWAYS,
            LoggedBadTime::default(),
        );
        assert_eq!(plain.budget_seconds, 604.8);
        assert!(plain.notes.is_empty());
    }

    #[test]
    fn budget_section_time_mode_and_errors() {
        let mut input = BudgetInput {
            mode: BudgetMode::Time,
            bad_seconds: 1_944.0, // 150% of 21m 36s
            bad_time_source: BadTimeSource::Typed,
            ..BudgetInput::default()
        };
        let b = section(&input);
        assert_eq!(b.spent_display, "32m 24s");
        assert_eq!(b.remaining_display, "-50%");
        assert_eq!(b.policy, PolicyStatus::Frozen);
        assert!(b.policy_reason.contains("cannot deploy"));
        assert!(b.exhaustion_display.starts_with("already spent"));
        input.elapsed_seconds = 40.0 * 86_400.0;
        let b = section(&input);
        assert_eq!(
            b.error.as_deref(),
            Some("the time elapsed is longer than the SLO window")
        );
        assert_eq!(b.consumed_display, "—");
    }

    fn budget(target: &str, days: u32) -> ErrorBudget {
        ErrorBudget::new(
            Availability::parse(target).unwrap(),
            Period::Days(days),
            Convention::SreBook,
        )
    }

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

    #[test]
    fn burn_down_inserts_now() {
        let b = budget("99.9", 30);
        let s = b.status(Spend::BadSeconds(864.0), 864_000.0).unwrap();
        let pts = burn_down(&s, 4); // 0, 10, 20, 30 days: 10 is already there
        assert_eq!(pts.len(), 4);
        let s = b.status(Spend::BadSeconds(864.0), 432_000.0).unwrap();
        let pts = burn_down(&s, 4);
        assert_eq!(pts.len(), 5);
        assert_eq!(pts[1].seconds, 432_000.0);
        assert!(!pts[1].projected && pts[2].projected);
        assert!(pts.iter().all(|p| p.remaining.is_finite()));
    }

    /// A 99% time-based budget over a rolling week ending at STORY_NOW (Wed
    /// 11 Nov 2026 00:00 UTC), Mon–Fri 09:00–17:00 with `maintenance`,
    /// `elapsed` seconds of the week elapsed and nothing else spent.
    fn office_week(maintenance: &str, elapsed: f64) -> BudgetReport {
        let input = BudgetInput {
            mode: BudgetMode::Time,
            bad_seconds: 0.0,
            bad_time_source: BadTimeSource::Typed,
            elapsed_seconds: elapsed,
            ..BudgetInput::default()
        };
        let measured = MeasuredTime::new(
            "Mon-Fri 09:00-17:00".parse().unwrap(),
            &maintenance.parse().unwrap(),
            UtcOffset::UTC,
            Convention::GregorianMean,
        );
        let frame = input.frame(Period::Week, Convention::GregorianMean, STORY_NOW);
        budget_report(
            &input,
            Availability::parse("99").unwrap(),
            &frame,
            Convention::GregorianMean,
            &measured,
            LoggedBadTime::default(),
        )
    }

    /// The budget reads
    /// maintenance as the downtime table does. 1% of 40 h = 1,440 s with
    /// Sunday night maintenance (outside the hours), excluded or counted;
    /// 1% of 39 h = 1,404 s with Wed 16:00–18:00 excluded (one hour
    /// inside). Counted, that hour is spent like downtime: over the week
    /// from Wed 4 Nov 00:00 (Wed 4 Nov 16:00–17:00 is in it) 3,600 s are
    /// spent of 1,440 s, 250%, and the maintenance alone exceeds the budget
    /// by 3,600 − 1,440 = 2,160 s = 36m.
    #[test]
    fn counted_maintenance_is_spent_as_the_table_charges_it() {
        let week = 7.0 * 86_400.0;
        for text in ["Sun 02:00-04:00 excluded", "Sun 02:00-04:00 counted"] {
            let b = office_week(text, week);
            assert_eq!(b.budget_seconds, 1_440.0, "{text}");
            assert_eq!(b.spent, 0.0, "{text}");
            assert_eq!(b.maintenance_seconds, 0.0, "{text}");
        }
        assert_eq!(
            office_week("Wed 16:00-18:00 excluded", week).budget_seconds,
            1_404.0
        );
        let b = office_week("Wed 16:00-18:00 counted", week);
        assert_eq!(b.budget_seconds, 1_440.0);
        assert_eq!(b.maintenance_seconds, 3_600.0);
        assert_eq!(b.spent, 3_600.0);
        assert_eq!(b.consumed_display, "250%");
        assert_eq!(b.unplanned_seconds, 0.0);
        assert_eq!(b.policy, PolicyStatus::Frozen);
        assert!(
            b.spent_source
                .ends_with("; plus 1h of planned maintenance counted against the budget"),
            "{}",
            b.spent_source
        );
        assert!(
            b.notes.iter().any(|n| n.ends_with(
                "the unplanned downtime allowed is 24m less it: none, the maintenance alone \
                 exceeds the budget by 36m."
            )),
            "{:?}",
            b.notes
        );
        // Wed 16:45–17:15 puts 15 min inside: 1,440 − 900 = 540 s = 9m
        // unplanned. Two days in (from Mon 9 Nov 00:00 to Wed 11 Nov 00:00)
        // none of it has happened yet: nothing spent.
        let b = office_week("Wed 16:45-17:15 counted", 2.0 * 86_400.0);
        assert_eq!(b.maintenance_seconds, 900.0);
        assert_eq!(b.maintenance_spent_seconds, 0.0);
        assert_eq!(b.spent, 0.0);
        assert_eq!(b.unplanned_display, "9m");
        assert!(
            b.notes.iter().any(|n| n.ends_with("is 24m less it: 9m.")),
            "{:?}",
            b.notes
        );
    }

    /// A time-based budget shows no request figures (the default
    /// traffic, 2.6M per 30 days, would have given "≈607k" and "6,066.67").
    #[test]
    fn a_time_based_budget_shows_no_request_figures() {
        let b = office_week("none", 7.0 * 86_400.0);
        assert_eq!(b.requests_display, "");
        assert_eq!(b.allowed_bad_display, "");
        let r = section(&BudgetInput::default());
        assert_eq!(r.requests_display, "2.6M");
        assert_eq!(r.allowed_bad_display, "1,300");
    }

    /// Nothing left to measure is said, and no percentage of an
    /// empty window is printed.
    #[test]
    fn an_empty_window_says_so() {
        let b = office_week("Mon-Fri 08:00-18:00 excluded", 7.0 * 86_400.0);
        assert_eq!(b.budget_seconds, 0.0);
        assert_eq!(b.elapsed_percent, ABSENT);
        assert!(
            b.notes
                .iter()
                .any(|n| n.starts_with("Nothing is left to measure")),
            "{:?}",
            b.notes
        );
        assert!(
            !office_week("none", 86_400.0)
                .notes
                .iter()
                .any(|n| n.starts_with("Nothing"))
        );
    }
}
