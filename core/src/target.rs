//! The target the operational chapters are evaluated against, and the
//! vocabulary they share: the [`TargetContext`] (checked and repaired once),
//! the [`Limit`] answer for bounds that may be unlimited, the [`OpsError`]
//! their pure functions return, the checks and clamps of every `evaluate`,
//! the nines of an unavailability, and the lengths of a day and a year.
//!
//! These take plain numbers (unavailability as a fraction, durations in
//! seconds), so the chapters ([`crate::incident`], [`crate::delivery`],
//! [`crate::dependency`], [`crate::cost`], [`crate::support`]) do not depend
//! on the parsing types of [`crate::quantity`]. It imports nothing of the
//! crate.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Seconds in a day: every period of [`crate::window`] is a whole number
/// of them. The one definition of the day in the crate.
pub const SECONDS_PER_DAY: u64 = 86_400;
/// Seconds in the Gregorian mean year, 365.2425 d × 86 400 s = 31 556 952 s
/// exactly: the crate's default year (see `docs/DOMAIN.md` §1.4).
pub const SECONDS_PER_GREGORIAN_YEAR: u64 = 31_556_952;
/// [`SECONDS_PER_DAY`] for the operational models, which work in `f64`.
pub const DAY_SECONDS: f64 = SECONDS_PER_DAY as f64;
/// [`SECONDS_PER_GREGORIAN_YEAR`] in `f64` (exact).
pub const GREGORIAN_YEAR_SECONDS: f64 = SECONDS_PER_GREGORIAN_YEAR as f64;

/// Shortest window or year a [`TargetContext`] accepts: one second.
pub const MIN_PERIOD_SECONDS: f64 = 1.0;
/// Longest window or year a [`TargetContext`] accepts: 1e12 s (about 31 700
/// years), so that every derived figure stays finite.
pub const MAX_PERIOD_SECONDS: f64 = 1e12;

/// The availability target the operational modules are evaluated against.
///
/// * `unavailability`: the target's unavailability `U = 1 − A` as a fraction
///   (`0.0005` for 99.95%). Pass it from an exactly parsed target rather than
///   computing `1.0 - 0.9995`.
/// * `window_seconds`: the SLO window, e.g. a rolling 30 days.
/// * `year_seconds`: the length of a year in the convention in force (the
///   Gregorian mean year by default; the SRE book uses 365 days).
///
/// ```
/// use nines_core::target::TargetContext;
/// let ctx = TargetContext::default();
/// assert_eq!(ctx.unavailability, 0.0005);
/// assert_eq!(ctx.window_seconds, 30.0 * 86_400.0);
/// assert_eq!(ctx.year_seconds, 365.2425 * 86_400.0);
/// ```
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq)]
#[serde(default)]
pub struct TargetContext {
    /// Unavailability of the target, a fraction in `0..=1`.
    pub unavailability: f64,
    /// The SLO window in seconds.
    pub window_seconds: f64,
    /// The year in seconds under the convention in force.
    pub year_seconds: f64,
}

impl Default for TargetContext {
    /// 99.95% over a rolling 30-day window, Gregorian mean year: the checkout
    /// service of the default story.
    fn default() -> Self {
        TargetContext {
            unavailability: 0.0005,
            window_seconds: 30.0 * DAY_SECONDS,
            year_seconds: GREGORIAN_YEAR_SECONDS,
        }
    }
}

impl TargetContext {
    /// Builds a context, checking every field.
    ///
    /// `unavailability` must be a fraction in `0..=1`, both lengths within
    /// [`MIN_PERIOD_SECONDS`]`..=`[`MAX_PERIOD_SECONDS`].
    ///
    /// ```
    /// use nines_core::target::TargetContext;
    /// assert!(TargetContext::new(0.001, 2_592_000.0, 31_536_000.0).is_ok());
    /// assert!(TargetContext::new(1.5, 2_592_000.0, 31_536_000.0).is_err());
    /// assert!(TargetContext::new(0.001, 0.0, 31_536_000.0).is_err());
    /// ```
    pub fn new(
        unavailability: f64,
        window_seconds: f64,
        year_seconds: f64,
    ) -> Result<Self, OpsError> {
        Ok(TargetContext {
            unavailability: check_fraction("unavailability", unavailability)?,
            window_seconds: check_range(
                "window_seconds",
                window_seconds,
                MIN_PERIOD_SECONDS,
                MAX_PERIOD_SECONDS,
            )?,
            year_seconds: check_range(
                "year_seconds",
                year_seconds,
                MIN_PERIOD_SECONDS,
                MAX_PERIOD_SECONDS,
            )?,
        })
    }

    /// The context with every field made usable, and a note for each repair.
    ///
    /// Rule: an unavailability that is not a number becomes 0 (a 100%
    /// target) and one outside `0..=1` is clamped into it; a window or year
    /// outside [`MIN_PERIOD_SECONDS`]`..=`[`MAX_PERIOD_SECONDS`] (or not a
    /// number) is replaced by 30 days or the Gregorian mean year. `evaluate` functions call this, so that their
    /// reports never hold NaN or infinity.
    ///
    /// ```
    /// use nines_core::target::TargetContext;
    /// let mut notes = Vec::new();
    /// let ctx = TargetContext { unavailability: f64::NAN, window_seconds: -1.0, year_seconds: 1e9 }
    ///     .sanitised(&mut notes);
    /// assert_eq!(ctx.unavailability, 0.0);
    /// assert_eq!(ctx.window_seconds, 2_592_000.0);
    /// assert_eq!(notes.len(), 2);
    /// ```
    pub fn sanitised(&self, notes: &mut Vec<String>) -> TargetContext {
        let unavailability = clamp_fraction("target unavailability", self.unavailability, notes);
        let usable = |x: f64| (MIN_PERIOD_SECONDS..=MAX_PERIOD_SECONDS).contains(&x);
        let window_seconds = if usable(self.window_seconds) {
            self.window_seconds
        } else {
            notes.push(format!(
                "The SLO window ({} s) is not between 1 s and 1e12 s: 30 days is used instead.",
                echo(self.window_seconds)
            ));
            30.0 * DAY_SECONDS
        };
        let year_seconds = if usable(self.year_seconds) {
            self.year_seconds
        } else {
            notes.push(format!(
                "The year length ({} s) is not between 1 s and 1e12 s: the Gregorian mean year (365.2425 days) is used instead.",
                echo(self.year_seconds)
            ));
            GREGORIAN_YEAR_SECONDS
        };
        TargetContext {
            unavailability,
            window_seconds,
            year_seconds,
        }
    }

    /// The error budget of one SLO window in seconds, `U × window`.
    ///
    /// ```
    /// use nines_core::target::TargetContext;
    /// // 99.95% over 30 days: 0.0005 × 2 592 000 s = 1 296 s (21 min 36 s).
    /// assert!((TargetContext::default().budget_per_window_seconds() - 1296.0).abs() < 1e-9);
    /// ```
    pub fn budget_per_window_seconds(&self) -> f64 {
        self.unavailability * self.window_seconds
    }

    /// The error budget of one year in seconds, `U × year`.
    ///
    /// ```
    /// use nines_core::target::TargetContext;
    /// let ctx = TargetContext { unavailability: 0.001, window_seconds: 2_592_000.0, year_seconds: 31_536_000.0 };
    /// // 99.9% over a 365-day year: 31 536 s = 8 h 45 m 36 s.
    /// assert!((ctx.budget_per_year_seconds() - 31_536.0).abs() < 1e-9);
    /// ```
    pub fn budget_per_year_seconds(&self) -> f64 {
        self.unavailability * self.year_seconds
    }
}

/// An upper bound that may not exist: "at most x", or "unlimited" when the
/// thing being bounded costs nothing (an incident of zero length or zero
/// scope fits any budget any number of times).
///
/// ```
/// use nines_core::target::Limit;
/// assert_eq!(Limit::AtMost(2.5).value(), Some(2.5));
/// assert_eq!(Limit::Unlimited.value(), None);
/// assert_eq!(Limit::AtMost(2.5).whole(), Limit::AtMost(2.0));
/// ```
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq)]
pub enum Limit {
    /// No bound: any amount fits.
    Unlimited,
    /// At most this much (never NaN, never infinite, never negative).
    AtMost(f64),
}

impl Limit {
    /// The bound, or `None` when unlimited.
    ///
    /// ```
    /// use nines_core::target::Limit;
    /// assert_eq!(Limit::AtMost(3.0).value(), Some(3.0));
    /// ```
    pub fn value(self) -> Option<f64> {
        match self {
            Limit::Unlimited => None,
            Limit::AtMost(x) => Some(x),
        }
    }

    /// The bound rounded down to a whole count, tolerating a relative
    /// floating-point error of 1e-9 (so that `0.3 / 0.1` counts as 3).
    ///
    /// ```
    /// use nines_core::target::Limit;
    /// assert_eq!(Limit::AtMost(0.3 / 0.1).whole(), Limit::AtMost(3.0));
    /// assert_eq!(Limit::Unlimited.whole(), Limit::Unlimited);
    /// ```
    pub fn whole(self) -> Limit {
        match self {
            Limit::Unlimited => Limit::Unlimited,
            Limit::AtMost(x) => Limit::AtMost(whole_count(x)),
        }
    }

    /// `allowance / cost`, unlimited when the cost is zero. Both must be
    /// finite and non-negative (callers check); an overflow is reported as
    /// unlimited only when the cost is zero, otherwise capped at `f64::MAX`.
    pub(crate) fn ratio(allowance: f64, cost: f64) -> Limit {
        if cost <= 0.0 {
            Limit::Unlimited
        } else {
            let q = allowance / cost;
            Limit::AtMost(if q.is_finite() { q.max(0.0) } else { f64::MAX })
        }
    }
}

/// `a / b` when `b > 0` and the quotient is finite, else `None`.
pub(crate) fn checked_ratio(a: f64, b: f64) -> Option<f64> {
    if b > 0.0 {
        Some(a / b).filter(|q| q.is_finite())
    } else {
        None
    }
}

/// `x` rounded down, tolerating a relative error of 1e-9.
pub(crate) fn whole_count(x: f64) -> f64 {
    if !x.is_finite() || x <= 0.0 {
        return 0.0;
    }
    let y = x * (1.0 + 1e-9);
    if y.is_finite() { y.floor() } else { x.floor() }
}

/// Why an operational calculation refused its input.
///
/// ```
/// use nines_core::incident::availability_from_mttf_mttr;
/// use nines_core::target::OpsError;
/// assert_eq!(
///     availability_from_mttf_mttr(-1.0, 1.0),
///     Err(OpsError::Negative { field: "mttf" })
/// );
/// assert_eq!(
///     OpsError::Negative { field: "mttf" }.to_string(),
///     "mttf must not be negative"
/// );
/// ```
#[derive(Serialize, Clone, Copy, Debug, PartialEq)]
pub enum OpsError {
    /// The value is NaN or infinite.
    NotFinite {
        /// The input's name.
        field: &'static str,
    },
    /// The value is below zero.
    Negative {
        /// The input's name.
        field: &'static str,
    },
    /// The value must be greater than zero.
    NotPositive {
        /// The input's name.
        field: &'static str,
    },
    /// The value must be a fraction in `0..=1`.
    NotAFraction {
        /// The input's name.
        field: &'static str,
    },
    /// The value is outside the range the model supports.
    OutOfRange {
        /// The input's name.
        field: &'static str,
        /// Smallest value allowed.
        min: f64,
        /// Largest value allowed.
        max: f64,
    },
    /// The inputs are too large: the result is beyond `f64`.
    Overflow {
        /// The quantity that overflowed.
        quantity: &'static str,
    },
    /// A composition is invalid (too deep, too many components, k > n...).
    InvalidComposition {
        /// What is wrong.
        reason: &'static str,
    },
}

impl fmt::Display for OpsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpsError::NotFinite { field } => write!(f, "{field} must be a finite number"),
            OpsError::Negative { field } => write!(f, "{field} must not be negative"),
            OpsError::NotPositive { field } => write!(f, "{field} must be greater than zero"),
            OpsError::NotAFraction { field } => {
                write!(f, "{field} must be a fraction between 0 and 1")
            }
            OpsError::OutOfRange { field, min, max } => {
                write!(f, "{field} must be between {min} and {max}")
            }
            OpsError::Overflow { quantity } => {
                write!(f, "{quantity} is too large to compute")
            }
            OpsError::InvalidComposition { reason } => write!(f, "invalid composition: {reason}"),
        }
    }
}

impl std::error::Error for OpsError {}

/// Checks that `x` is finite and `>= 0`.
pub(crate) fn check_non_negative(field: &'static str, x: f64) -> Result<f64, OpsError> {
    if !x.is_finite() {
        Err(OpsError::NotFinite { field })
    } else if x < 0.0 {
        Err(OpsError::Negative { field })
    } else {
        Ok(x)
    }
}

/// Checks that `x` is finite and `> 0`.
pub(crate) fn check_positive(field: &'static str, x: f64) -> Result<f64, OpsError> {
    if !x.is_finite() {
        Err(OpsError::NotFinite { field })
    } else if x <= 0.0 {
        Err(OpsError::NotPositive { field })
    } else {
        Ok(x)
    }
}

/// Checks that `x` is a fraction in `0..=1`.
pub(crate) fn check_fraction(field: &'static str, x: f64) -> Result<f64, OpsError> {
    if !x.is_finite() {
        Err(OpsError::NotFinite { field })
    } else if !(0.0..=1.0).contains(&x) {
        Err(OpsError::NotAFraction { field })
    } else {
        Ok(x)
    }
}

/// Checks that `x` is finite and within `min..=max`.
pub(crate) fn check_range(
    field: &'static str,
    x: f64,
    min: f64,
    max: f64,
) -> Result<f64, OpsError> {
    if !x.is_finite() {
        Err(OpsError::NotFinite { field })
    } else if x < min || x > max {
        Err(OpsError::OutOfRange { field, min, max })
    } else {
        Ok(x)
    }
}

/// Checks that a result is finite.
pub(crate) fn check_result(quantity: &'static str, x: f64) -> Result<f64, OpsError> {
    if x.is_finite() {
        Ok(x)
    } else {
        Err(OpsError::Overflow { quantity })
    }
}

/// An input number quoted in a note: Rust's shortest form, but `0` for
/// `-0` and words for NaN and the infinities, so that no note shows `-0`,
/// `NaN` or `inf` (`echo(-0.0)` is `0`, `echo(f64::INFINITY)` is
/// `infinity`).
pub(crate) fn echo(x: f64) -> String {
    if x.is_nan() {
        "not a number".into()
    } else if x == f64::INFINITY {
        "infinity".into()
    } else if x == f64::NEG_INFINITY {
        "minus infinity".into()
    } else {
        // `+ 0.0` turns -0 into 0.
        format!("{}", x + 0.0)
    }
}

/// The clamping rule of every `evaluate`: NaN becomes 0, infinities and
/// values above `1e15` become `1e15`, negatives become 0 (and -0 becomes 0);
/// each repair but the last adds a note naming the input.
pub(crate) fn clamp_non_negative(field: &str, x: f64, notes: &mut Vec<String>) -> f64 {
    const MAX: f64 = 1e15;
    if x.is_nan() {
        notes.push(format!("{field} is not a number: 0 is used instead."));
        0.0
    } else if x < 0.0 {
        notes.push(format!(
            "{field} ({}) is negative: 0 is used instead.",
            echo(x)
        ));
        0.0
    } else if x > MAX {
        notes.push(format!(
            "{field} ({}) is too large: {MAX:e} is used instead.",
            echo(x)
        ));
        MAX
    } else {
        // `+ 0.0` turns -0 into 0, so no figure derived from it shows "-0".
        x + 0.0
    }
}

/// The clamping rule for fractions: NaN becomes 0, values outside `0..=1`
/// are clamped into it; each repair adds a note naming the input.
pub(crate) fn clamp_fraction(field: &str, x: f64, notes: &mut Vec<String>) -> f64 {
    if x.is_nan() {
        notes.push(format!("{field} is not a number: 0 is used instead."));
        0.0
    } else if !(0.0..=1.0).contains(&x) {
        let c = x.clamp(0.0, 1.0);
        notes.push(format!(
            "{field} ({}) is not a fraction between 0 and 1: {c} is used instead.",
            echo(x)
        ));
        c
    } else {
        x + 0.0
    }
}

/// Nines of an unavailability, `−log10(U)`; `None` for `U = 0` (a perfect
/// record has unbounded nines) or an invalid `U`.
///
/// ```
/// use nines_core::target::nines_of;
/// assert!((nines_of(0.001).unwrap() - 3.0).abs() < 1e-12);
/// assert_eq!(nines_of(0.0), None);
/// assert_eq!(nines_of(1.0), Some(0.0));
/// ```
pub fn nines_of(unavailability: f64) -> Option<f64> {
    if unavailability.is_finite() && unavailability > 0.0 && unavailability <= 1.0 {
        Some(-unavailability.log10() + 0.0)
    } else {
        None
    }
}
