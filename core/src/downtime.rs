//! Allowed downtime from a target, and the target from a downtime, for any
//! window and convention (docs/DOMAIN.md §1.2: `D = U × W`, `U = D / W`).
//!
//! Precision: when `U` is exact (a decimal or ratio input) and the window is
//! a whole number of seconds (every [`Period`] is), the product is computed
//! exactly in integers and rounded to `f64` **once**, so 99.95% of a day is
//! `43.2` s, not `43.199999999999996`. Only fractional nines fall back to
//! floating point.

use std::cell::RefCell;
use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::clock::{MeasuredTime, UnevenDays, UtcOffset};
use crate::display::count;
use crate::duration::format_duration;
use crate::quantity::Availability;
use crate::ratio::Ratio;
use crate::window::{Convention, Maintenance, Period, PlannedMaintenance, ServiceHours};

/// `U × window`, exact when `U` is, rounded once.
fn downtime_over(target: &Availability, window: Ratio) -> f64 {
    exact_downtime_over(target, window)
        .map_or_else(|| target.unavailability() * window.to_f64(), Ratio::to_f64)
}

fn exact_downtime_over(target: &Availability, window: Ratio) -> Option<Ratio> {
    target.unavailability_exact()?.checked_mul(window)
}

fn period_ratio(period: Period, convention: Convention) -> Ratio {
    Ratio::from_integer(u128::from(period.seconds(convention)))
}

/// The exact allowed downtime in seconds, when the target is exact (not
/// fractional nines) and the product fits.
///
/// ```
/// use nines_core::downtime::allowed_downtime_exact;
/// use nines_core::quantity::Availability;
/// use nines_core::ratio::Ratio;
/// use nines_core::window::{Convention, Period};
/// let a = Availability::parse("99.95").unwrap();
/// let d = allowed_downtime_exact(&a, Period::Month, Convention::GregorianMean).unwrap();
/// assert_eq!(d.to_decimal_string().unwrap(), "1314.873");
/// ```
pub fn allowed_downtime_exact(
    target: &Availability,
    period: Period,
    convention: Convention,
) -> Option<Ratio> {
    exact_downtime_over(target, period_ratio(period, convention))
}

/// Allowed downtime in seconds for `target` over `period` under
/// `convention`: `U × W`, correctly rounded from the exact product.
///
/// ```
/// use nines_core::downtime::allowed_downtime;
/// use nines_core::quantity::Availability;
/// use nines_core::window::{Convention, Period};
/// let a = Availability::parse("99.9").unwrap();
/// // docs/DOMAIN.md §1.4: 43m 12s with a 30-day month, 43m 49.7s Gregorian.
/// assert_eq!(allowed_downtime(&a, Period::Month, Convention::SreBook), 2_592.0);
/// assert_eq!(allowed_downtime(&a, Period::Month, Convention::GregorianMean), 2_629.746);
/// ```
pub fn allowed_downtime(target: &Availability, period: Period, convention: Convention) -> f64 {
    downtime_over(target, period_ratio(period, convention))
}

/// Allowed downtime in seconds counting only the service hours in `period`;
/// `None` when the period is shorter than a week and the schedule differs
/// by day (per day is not defined: docs/DOMAIN.md §1.5).
///
/// ```
/// use nines_core::downtime::allowed_downtime_in_service;
/// use nines_core::quantity::Availability;
/// use nines_core::window::{Convention, Period, ServiceHours};
/// let a = Availability::parse("99.9").unwrap();
/// let office: ServiceHours = "Mon-Fri 08:00-20:00".parse().unwrap();
/// let week = allowed_downtime_in_service(&a, Period::Week, Convention::SreBook, &office);
/// assert_eq!(week, Some(216.0)); // 0.1% of 60 hours
/// assert_eq!(allowed_downtime_in_service(&a, Period::Day, Convention::SreBook, &office), None);
/// ```
pub fn allowed_downtime_in_service(
    target: &Availability,
    period: Period,
    convention: Convention,
    hours: &ServiceHours,
) -> Option<f64> {
    let window = hours.in_service_seconds(period, convention)?;
    Some(downtime_over(target, window))
}

/// Unplanned downtime allowed in `period` once planned maintenance is
/// accounted for, by the one rule of [`MeasuredTime`]: only the part of the
/// maintenance inside the service hours matters. Excluded, it leaves
/// `U × (W − M)`; counted, `U × W − M`, never below 0 (see
/// [`Allowance::exceeded_by`]). `W` is the in-service time, `M` the
/// maintenance inside it. `None` when the period is shorter than a week and
/// its days do not all measure the same time.
///
/// ```
/// use nines_core::downtime::unplanned_downtime_allowance;
/// use nines_core::quantity::Availability;
/// use nines_core::window::{Convention, Maintenance, Period, PlannedMaintenance, ServiceHours};
/// let a = Availability::parse("99.9").unwrap();
/// let always = ServiceHours::always();
/// let counted = PlannedMaintenance::new(Maintenance::Counted, 1_800.0).unwrap();
/// let d = unplanned_downtime_allowance(&a, Period::Month, Convention::SreBook, &always, &counted);
/// assert_eq!(d, Some(792.0)); // 43m 12s budget − 30m maintenance
/// let excluded = PlannedMaintenance::new(Maintenance::Excluded, 1_800.0).unwrap();
/// let d = unplanned_downtime_allowance(&a, Period::Month, Convention::SreBook, &always, &excluded);
/// assert_eq!(d, Some(2_590.2)); // 0.1% of (30 days − 30m)
/// // Sunday night is outside Mon–Fri 09:00–17:00: 0.1% of 40 h = 144 s.
/// let office: ServiceHours = "Mon-Fri 09:00-17:00".parse().unwrap();
/// let night: PlannedMaintenance = "Sun 02:00-04:00 counted".parse().unwrap();
/// let d = unplanned_downtime_allowance(&a, Period::Week, Convention::SreBook, &office, &night);
/// assert_eq!(d, Some(144.0));
/// ```
pub fn unplanned_downtime_allowance(
    target: &Availability,
    period: Period,
    convention: Convention,
    hours: &ServiceHours,
    maintenance: &PlannedMaintenance,
) -> Option<f64> {
    let measured = MeasuredTime::new(*hours, maintenance, UtcOffset::UTC, convention);
    allowance(target, period, &measured).ok().map(|a| a.seconds)
}

/// The downtime a target allows in a period once the schedule is read.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Allowance {
    /// Unplanned downtime allowed, seconds: never negative.
    pub seconds: f64,
    /// By how much counted maintenance alone exceeds the budget, seconds (0
    /// when it does not).
    pub exceeded_by: f64,
}

/// `U ×` the measured time of `period`, less the counted maintenance in it
/// (see [`MeasuredTime::in_period`]), exact when `U` is.
pub fn allowance(
    target: &Availability,
    period: Period,
    measured: &MeasuredTime,
) -> Result<Allowance, UnevenDays> {
    let time = measured.in_period(period)?;
    let ok = |seconds: f64, exceeded_by: f64| Allowance {
        seconds,
        exceeded_by,
    };
    if time.counted.is_zero() {
        return Ok(ok(downtime_over(target, time.measured), 0.0));
    }
    Ok(match exact_downtime_over(target, time.measured) {
        Some(budget) => match budget.checked_sub(time.counted) {
            Some(left) => ok(left.to_f64(), 0.0),
            None => ok(
                0.0,
                time.counted
                    .checked_sub(budget)
                    .map_or(time.counted.to_f64() - budget.to_f64(), Ratio::to_f64),
            ),
        },
        None => {
            let left = downtime_over(target, time.measured) - time.counted.to_f64();
            if left >= 0.0 {
                ok(left, 0.0)
            } else {
                ok(0.0, -left)
            }
        }
    })
}

/// Why a downtime could not be turned into an availability.
///
/// ```
/// use nines_core::downtime::{availability_from_downtime, DowntimeError};
/// use nines_core::window::{Convention, Period};
/// let e = availability_from_downtime(2.0 * 86_400.0, Period::Day, Convention::SreBook);
/// assert!(matches!(e, Err(DowntimeError::ExceedsWindow { .. })));
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum DowntimeError {
    /// NaN or infinite downtime.
    NotANumber,
    /// Negative downtime.
    Negative,
    /// The window holds no service time (closed schedule).
    EmptyWindow,
    /// More downtime than the window is long.
    ExceedsWindow {
        /// The downtime given, seconds.
        downtime_seconds: f64,
        /// The window's (in-service) length, seconds.
        window_seconds: f64,
    },
    /// A period shorter than a week with a schedule that differs by day.
    NotDefined {
        /// The period asked for.
        period: Period,
    },
}

impl fmt::Display for DowntimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DowntimeError::NotANumber => f.write_str("the downtime is not a finite number"),
            DowntimeError::Negative => f.write_str("the downtime is negative"),
            DowntimeError::EmptyWindow => f.write_str("the window holds no service hours"),
            DowntimeError::ExceedsWindow {
                downtime_seconds,
                window_seconds,
            } => write!(
                f,
                "{} of downtime is more than the whole window ({})",
                format_duration(*downtime_seconds),
                format_duration(*window_seconds)
            ),
            DowntimeError::NotDefined { period } => write!(
                f,
                "{} is not defined when the service hours differ from day to day",
                period.label()
            ),
        }
    }
}

impl std::error::Error for DowntimeError {}

/// The availability achieved when `downtime_seconds` of downtime fall in
/// `period`: `U = D / W`, exact (the downtime is read as the shortest
/// decimal that prints as it). A repeating result such as 4h in a 30-day
/// month (`U = 1/180`, 99.444…%) stays an exact fraction; show it with
/// [`Availability::format_percent`] (`≈99.4444%`).
///
/// ```
/// use nines_core::downtime::availability_from_downtime;
/// use nines_core::window::{Convention, Period};
/// let a = availability_from_downtime(2_629.746, Period::Month, Convention::GregorianMean).unwrap();
/// assert_eq!(a.to_string(), "99.9%");
/// let b = availability_from_downtime(14_400.0, Period::Month, Convention::SreBook).unwrap();
/// assert_eq!(b.format_percent(), "≈99.4444%");
/// ```
pub fn availability_from_downtime(
    downtime_seconds: f64,
    period: Period,
    convention: Convention,
) -> Result<Availability, DowntimeError> {
    availability_from_downtime_in_service(
        downtime_seconds,
        period,
        convention,
        &ServiceHours::always(),
    )
}

/// As [`availability_from_downtime`], with the window restricted to the
/// service hours.
///
/// ```
/// use nines_core::downtime::availability_from_downtime_in_service;
/// use nines_core::window::{Convention, Period, ServiceHours};
/// let office: ServiceHours = "Mon-Fri 08:00-20:00".parse().unwrap();
/// let a = availability_from_downtime_in_service(216.0, Period::Week, Convention::SreBook, &office);
/// assert_eq!(a.unwrap().to_string(), "99.9%");
/// ```
pub fn availability_from_downtime_in_service(
    downtime_seconds: f64,
    period: Period,
    convention: Convention,
    hours: &ServiceHours,
) -> Result<Availability, DowntimeError> {
    if !downtime_seconds.is_finite() {
        return Err(DowntimeError::NotANumber);
    }
    if downtime_seconds < 0.0 {
        return Err(DowntimeError::Negative);
    }
    let window = hours
        .in_service_seconds(period, convention)
        .ok_or(DowntimeError::NotDefined { period })?;
    if window.is_zero() {
        return Err(DowntimeError::EmptyWindow);
    }
    let exceeds = || DowntimeError::ExceedsWindow {
        downtime_seconds,
        window_seconds: window.to_f64(),
    };
    match Ratio::from_f64(downtime_seconds).and_then(|d| d.checked_div(window)) {
        Some(u) if u > Ratio::ONE => Err(exceeds()),
        Some(u) => Availability::from_unavailability_ratio(u).map_err(|_| exceeds()),
        None => {
            let u = downtime_seconds / window.to_f64();
            if u > 1.0 {
                return Err(exceeds());
            }
            // Only a vanishing downtime (U below 10^-300) can fail here:
            // clamp it to the most nines the crate represents.
            Availability::from_unavailability(u)
                .or_else(|_| Availability::from_nines(300.0))
                .map_err(|_| exceeds())
        }
    }
}

/// One row of a downtime table.
///
/// ```
/// use nines_core::downtime::DowntimeTable;
/// use nines_core::quantity::Availability;
/// use nines_core::window::Convention;
/// let t = DowntimeTable::new(&Availability::parse("99.95").unwrap(), Convention::GregorianMean);
/// let month = &t.rows[2];
/// assert_eq!(month.period_label, "per month");
/// // 365.2425 / 12 = 30.436875 days, shown to two decimals.
/// assert_eq!(month.period_length, "30.44 days");
/// assert_eq!(t.rows[0].period_length, "1 day");
/// assert_eq!(month.seconds, Some(1_314.873));
/// assert_eq!(month.display, "21m 55s");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DowntimeRow {
    /// The period (`"month"`, `"28d"` in JSON).
    pub period: Period,
    /// `per month`.
    pub period_label: String,
    /// The period's length under the convention, so that figures over a
    /// month here and over a 30-day window elsewhere say why they differ:
    /// `30.44 days` (Gregorian mean), `30 days` (SRE book), `7 days`.
    pub period_length: String,
    /// Allowed downtime in seconds at full precision; `None` when not
    /// defined (a day when the days do not all measure the same time); never
    /// negative: 0 when counted maintenance takes the whole budget, and the
    /// display says by how much it exceeds it.
    pub seconds: Option<f64>,
    /// For people, rounded to the nearest second (`21m 55s`), or the reason
    /// there is no figure.
    pub display: String,
}

impl DowntimeRow {
    fn new(
        period: Period,
        convention: Convention,
        allowed: Result<Allowance, UnevenDays>,
    ) -> DowntimeRow {
        let (seconds, display) = match allowed {
            Err(UnevenDays::ServiceHours) => {
                (None, "not defined: service hours differ by day".to_string())
            }
            Err(UnevenDays::Maintenance) => (
                None,
                "not defined: planned maintenance differs by day".to_string(),
            ),
            Ok(a) if a.exceeded_by > 0.0 => (
                Some(0.0),
                [
                    "none: planned maintenance exceeds the budget by ",
                    &format_duration(a.exceeded_by),
                ]
                .concat(),
            ),
            Ok(a) => (Some(a.seconds), format_duration(a.seconds)),
        };
        let days = period.seconds(convention) as f64 / crate::target::DAY_SECONDS;
        let mut period_length = count(days, 2);
        period_length.push_str(if days == 1.0 { " day" } else { " days" });
        DowntimeRow {
            period,
            period_label: period.label(),
            period_length,
            seconds,
            display,
        }
    }
}

/// Allowed downtime per day, week, month, quarter and year (or any periods)
/// under one convention.
///
/// ```
/// use nines_core::downtime::DowntimeTable;
/// use nines_core::quantity::Availability;
/// use nines_core::window::Convention;
/// let t = DowntimeTable::new(&Availability::parse("99.9").unwrap(), Convention::SreBook);
/// let shown: Vec<&str> = t.rows.iter().map(|r| r.display.as_str()).collect();
/// assert_eq!(shown, ["1m 26s", "10m 5s", "43m 12s", "2h 9m 36s", "8h 45m 36s"]);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DowntimeTable {
    /// The convention every row was computed under.
    pub convention: Convention,
    /// One row per period.
    pub rows: Vec<DowntimeRow>,
}

impl DowntimeTable {
    /// The standard rows ([`Period::STANDARD`]) for a 24/7 service without
    /// planned maintenance.
    ///
    /// ```
    /// use nines_core::downtime::DowntimeTable;
    /// use nines_core::quantity::Availability;
    /// use nines_core::window::Convention;
    /// let t = DowntimeTable::new(&Availability::HUNDRED, Convention::GregorianMean);
    /// assert!(t.rows.iter().all(|r| r.display == "0s"));
    /// ```
    pub fn new(target: &Availability, convention: Convention) -> DowntimeTable {
        DowntimeTable::with_schedule(
            target,
            convention,
            &Period::STANDARD,
            &ServiceHours::always(),
            &PlannedMaintenance::default(),
        )
    }

    /// Rows for `periods`, counting only service hours and accounting for
    /// planned maintenance (see [`unplanned_downtime_allowance`]).
    ///
    /// ```
    /// use nines_core::downtime::DowntimeTable;
    /// use nines_core::quantity::Availability;
    /// use nines_core::window::{Convention, Period, PlannedMaintenance, ServiceHours};
    /// let office: ServiceHours = "Mon-Fri 08:00-20:00".parse().unwrap();
    /// let t = DowntimeTable::with_schedule(
    ///     &Availability::parse("99.9").unwrap(),
    ///     Convention::SreBook,
    ///     &[Period::Day, Period::Week],
    ///     &office,
    ///     &PlannedMaintenance::default(),
    /// );
    /// assert_eq!(t.rows[0].seconds, None);
    /// assert_eq!(t.rows[1].display, "3m 36s");
    /// ```
    pub fn with_schedule(
        target: &Availability,
        convention: Convention,
        periods: &[Period],
        hours: &ServiceHours,
        maintenance: &PlannedMaintenance,
    ) -> DowntimeTable {
        let measured = MeasuredTime::new(*hours, maintenance, UtcOffset::UTC, convention);
        DowntimeTable::measured(target, convention, periods, &measured)
    }

    /// [`DowntimeTable::with_schedule`] of a schedule already read.
    fn measured(
        target: &Availability,
        convention: Convention,
        periods: &[Period],
        measured: &MeasuredTime,
    ) -> DowntimeTable {
        let rows = periods
            .iter()
            .map(|&p| DowntimeRow::new(p, convention, allowance(target, p, measured)))
            .collect();
        DowntimeTable { convention, rows }
    }
}

/// The reverse question's inputs: a downtime and the period it fell in.
///
/// ```
/// use nines_core::downtime::ReverseInput;
/// use nines_core::window::Period;
/// let r = ReverseInput::default();
/// assert_eq!((r.downtime_seconds, r.period), (14_400.0, Period::Month));
/// ```
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Debug)]
#[serde(default)]
pub struct ReverseInput {
    /// Downtime in seconds (default 4h).
    pub downtime_seconds: f64,
    /// The period it fell in (default a month).
    pub period: Period,
}

impl Default for ReverseInput {
    fn default() -> Self {
        ReverseInput {
            downtime_seconds: 4.0 * 3_600.0,
            period: Period::Month,
        }
    }
}

/// The target, its nines and its allowed downtime per period.
///
/// ```
/// use nines_core::scenario::{evaluate, Scenario};
/// let t = evaluate(&Scenario::default(), nines_core::budget::STORY_NOW).target;
/// assert_eq!(t.nines_display, "3.3 nines");
/// assert_eq!(t.convention_id, "gregorian");
/// ```
#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct TargetReport {
    /// For people: `99.95%` (exact), or `≈99.96838%` when rounded.
    pub availability_percent: String,
    /// The canonical string that parses back to the same target (for share
    /// links): `99.95%`, `3.5 nines`, `1/180`.
    pub canonical: String,
    /// Whether the target is held exactly (false only for fractional nines).
    pub exact: bool,
    /// `-log10(U)`; `None` for 100% (infinitely many nines).
    pub nines: Option<f64>,
    /// `3.3 nines`, or `100% (no downtime allowed)`.
    pub nines_display: String,
    /// `U` as a fraction, full precision.
    pub unavailability: f64,
    /// `U` in percent for people: `0.05%` (the error budget's share of time).
    pub unavailability_percent: String,
    /// `U` as an exact decimal (`0.0005`), when it has one (not for
    /// fractional nines or ratios such as 1/3): what exports write.
    pub unavailability_decimal: Option<String>,
    /// `1 − U` as an exact decimal (`0.9995`), when it has one.
    pub availability_decimal: Option<String>,
    /// The convention's id, e.g. `gregorian`.
    pub convention_id: String,
    /// The convention's label, stating the lengths in force.
    pub convention_label: String,
    /// The service hours, e.g. `24/7` or `Mon-Fri 08:00-20:00`.
    pub service_hours: String,
    /// What the service hours mean for the figures, in a sentence (empty
    /// for 24/7).
    pub service_hours_note: String,
    /// The planned-maintenance setting in words.
    pub maintenance: String,
    /// What the schedule does to the figures, when it matters: the part of
    /// the maintenance inside the service hours (the only part excluded or
    /// counted), nothing left to measure, counted maintenance that exceeds
    /// the budget (and by how much), why "per day" is not defined.
    pub notes: Vec<String>,
    /// How the durations were rounded (docs/DOMAIN.md §1.7: round deliberately
    /// for display, and say so).
    pub rounding_note: String,
    /// Allowed downtime per day, week, month, quarter and year.
    pub downtime: Vec<DowntimeRow>,
    /// Allowed downtime a year against nines, from [`CURVE_NINES`]`.0` to
    /// `.1` in [`CURVE_STEPS`] steps: the data of the target chart.
    pub curve: Arc<[CurvePoint]>,
}

/// The nines the target chart spans: 90% to 99.9999%.
pub const CURVE_NINES: (f64, f64) = (1.0, 6.0);
/// Steps of the target chart's curve (101 points).
pub const CURVE_STEPS: usize = 100;

/// The availability a given downtime in a given period amounts to.
///
/// ```
/// use nines_core::scenario::{evaluate, Scenario};
/// let r = evaluate(&Scenario::default(), nines_core::budget::STORY_NOW).reverse;
/// assert_eq!(r.downtime_display, "4h");
/// assert_eq!(r.period_label, "per month");
/// assert_eq!(r.availability_percent.as_deref(), Some("≈99.4524%"));
/// assert_eq!(r.meets_target, Some(false));
/// ```
#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct ReverseReport {
    /// The downtime, seconds.
    pub downtime_seconds: f64,
    /// The downtime for people: `4h`.
    pub downtime_display: String,
    /// The period (`"month"` in JSON).
    pub period: Period,
    /// `per month`.
    pub period_label: String,
    /// The period with its length: `month (30.436875 days, gregorian)`.
    pub period_description: String,
    /// The availability for people, `None` when there is an error.
    pub availability_percent: Option<String>,
    /// The same to the digits that tell it from the target
    /// ([`crate::display::availability_near`]), as the page shows it.
    pub availability_short: Option<String>,
    /// The canonical availability string (parses back exactly).
    pub canonical: Option<String>,
    /// Nines, `None` for 100% or on error.
    pub nines: Option<f64>,
    /// `2.26 nines`.
    pub nines_display: Option<String>,
    /// `U` as a fraction.
    pub unavailability: Option<f64>,
    /// Whether this downtime stays within the target.
    pub meets_target: Option<bool>,
    /// Why there is no answer (e.g. more downtime than the period).
    pub error: Option<String>,
}

/// The target section's report: the target in its forms and its allowed
/// downtime per standard period under the schedule.
pub fn target_report(
    t: &Availability,
    convention: Convention,
    service_hours: &ServiceHours,
    maintenance: &PlannedMaintenance,
) -> TargetReport {
    // The one reading of the schedule (the budget and the alerts read the
    // same rule): the offset moves hours and maintenance alike, so a week's
    // figures do not depend on it.
    let measured = MeasuredTime::new(*service_hours, maintenance, UtcOffset::UTC, convention);
    let table = DowntimeTable::measured(t, convention, &Period::STANDARD, &measured);
    let mut notes = Vec::new();
    notes.extend(maintenance_in_service(
        maintenance,
        &measured,
        service_hours,
    ));
    notes.extend(schedule_notes(t, &measured, &table));
    let (availability_percent, canonical) = t.percent_and_canonical();
    TargetReport {
        availability_percent,
        canonical,
        exact: t.is_exact(),
        nines: t.finite_nines(),
        nines_display: t.format_nines(),
        unavailability: t.unavailability(),
        unavailability_percent: t.format_unavailability_percent(),
        unavailability_decimal: t.unavailability_exact().and_then(|u| u.to_decimal_string()),
        availability_decimal: t
            .unavailability_exact()
            .and_then(|u| Ratio::ONE.checked_sub(u))
            .and_then(|a| a.to_decimal_string()),
        convention_id: convention.id().to_string(),
        convention_label: convention.label().to_string(),
        service_hours: service_hours.to_string(),
        service_hours_note: if service_hours.is_always() {
            String::new()
        } else {
            format!(
                "Downtime counts only inside the service hours ({}: {} of the week's 168 hours), so the table and the chart allow that share of each period; the error budget, its dates and the alerts count service time too.",
                service_hours,
                crate::display::count(f64::from(service_hours.weekly_minutes()) / 60.0, 2)
                    + " hours",
            )
        },
        maintenance: maintenance.describe(),
        notes,
        rounding_note: if t.is_exact() {
            "durations rounded to the nearest second (three significant digits in ms, µs or ns \
             below one second) from the exact downtime"
        } else {
            "durations rounded to the nearest second (three significant digits in ms, µs or ns \
             below one second); a fractional count of nines has no exact downtime"
        }
        .to_string(),
        downtime: table.rows,
        curve: year_curve(convention),
    }
}

/// With service hours, the part of the planned maintenance inside them
/// (the only part excluded or counted), when it is not all of it.
fn maintenance_in_service(
    maintenance: &PlannedMaintenance,
    measured: &MeasuredTime,
    hours: &ServiceHours,
) -> Option<String> {
    let amount = maintenance.seconds_per_month;
    let none = maintenance.weekly.is_none() && !(amount.is_finite() && amount > 0.0);
    if none || hours.is_always() {
        return None;
    }
    let verb = match maintenance.treatment {
        Maintenance::Excluded => "excluded",
        Maintenance::Counted => "counted",
    };
    let inside_seconds = measured.week().maintenance.to_f64();
    let inside = format_duration(inside_seconds);
    let part = |w: &ServiceHours| {
        [
            "Only the part of the planned maintenance inside the service hours is ",
            verb,
            ": ",
            &w.to_string(),
        ]
        .concat()
    };
    Some(match maintenance.weekly {
        Some(w) if inside_seconds == 0.0 => part(&w) + " falls outside them, so none of it is.",
        Some(w) if inside_seconds < f64::from(w.weekly_minutes()) * 60.0 => {
            [part(&w).as_str(), " puts ", &inside, " a week inside them."].concat()
        }
        Some(_) => return None,
        None => [
            "Planned maintenance given as an amount a month is taken to fall inside the \
             service hours, spread evenly over them: ",
            &inside,
            " a week, ",
            verb,
            ".",
        ]
        .concat(),
    })
}

/// [`TargetReport::notes`].
fn schedule_notes(
    target: &Availability,
    measured: &MeasuredTime,
    table: &DowntimeTable,
) -> Vec<String> {
    let mut notes = Vec::new();
    let week = measured.week();
    notes.extend(measured.nothing_measured_note());
    if let Ok(a) = allowance(target, Period::Week, measured) {
        if a.exceeded_by > 0.0 {
            notes.push(
                [
                    "Planned maintenance counted against the budget takes ",
                    &format_duration(week.counted.to_f64()),
                    " a week inside the service hours, more than the ",
                    &format_duration(downtime_over(target, week.measured)),
                    " a week the target allows: the maintenance alone exceeds the budget by ",
                    &format_duration(a.exceeded_by),
                    " a week, so no unplanned downtime is allowed.",
                ]
                .concat(),
            );
        }
    }
    let uneven = table
        .rows
        .iter()
        .find(|r| r.period == Period::Day && r.seconds.is_none());
    if uneven.is_some() {
        let why = match measured.in_period(Period::Day) {
            Err(UnevenDays::Maintenance) => "the planned maintenance inside the service hours",
            _ => "the service hours",
        };
        notes.push(
            [
                "Per day is given only when every day measures the same time (the same service \
                 hours, with the same maintenance inside them); here ",
                why,
                " differ from day to day, so it is not defined: read the week and longer \
                 periods.",
            ]
            .concat(),
        );
    }
    notes
}

/// The target chart's curve: a year's downtime against nines. It depends on
/// the convention alone, so each convention's is computed once per thread
/// and shared (computing it was a third of `evaluate`'s time on the default
/// scenario, measured with perf).
fn year_curve(convention: Convention) -> Arc<[CurvePoint]> {
    thread_local! {
        static CURVES: RefCell<Vec<(Convention, Arc<[CurvePoint]>)>> =
            const { RefCell::new(Vec::new()) };
    }
    CURVES.with(|curves| {
        let mut curves = curves.borrow_mut();
        if let Some((_, curve)) = curves.iter().find(|(c, _)| *c == convention) {
            return Arc::clone(curve);
        }
        let curve: Arc<[CurvePoint]> = downtime_curve(
            Period::Year,
            convention,
            CURVE_NINES.0,
            CURVE_NINES.1,
            CURVE_STEPS,
        )
        .into();
        curves.push((convention, Arc::clone(&curve)));
        curve
    })
}

/// The reverse question's report: the availability `input`'s downtime
/// amounts to, and whether it meets `target`.
pub fn reverse_report(
    r: &ReverseInput,
    target: &Availability,
    convention: Convention,
    service_hours: &ServiceHours,
) -> ReverseReport {
    let result = availability_from_downtime_in_service(
        r.downtime_seconds,
        r.period,
        convention,
        service_hours,
    );
    let mut report = ReverseReport {
        downtime_seconds: r.downtime_seconds,
        downtime_display: format_duration(r.downtime_seconds),
        period: r.period,
        period_label: r.period.label(),
        period_description: r.period.describe(convention),
        availability_percent: None,
        availability_short: None,
        canonical: None,
        nines: None,
        nines_display: None,
        unavailability: None,
        meets_target: None,
        error: None,
    };
    match result {
        Ok(a) => {
            let (percent, canonical) = a.percent_and_canonical();
            report.availability_percent = Some(percent);
            report.availability_short = Some(crate::display::availability_near(
                a.unavailability(),
                target.unavailability(),
            ));
            report.canonical = Some(canonical);
            report.nines = a.finite_nines();
            report.nines_display = Some(a.format_nines());
            report.unavailability = Some(a.unavailability());
            report.meets_target = a.partial_cmp(target).map(|o| o.is_ge());
        }
        Err(e) => report.error = Some(e.to_string()),
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 99.9% over Mon–Fri 09:00–17:00 (5 × 8 = 40 of 168
    /// hours) allows 0.001 × 144 000 s = 144 s a week, and the report says
    /// that only service time counts; 24/7 needs no note.
    #[test]
    fn service_hours_are_counted_and_said() {
        let t: Availability = "99.9".parse().unwrap();
        let office: ServiceHours = "Mon-Fri 09:00-17:00".parse().unwrap();
        let r = target_report(
            &t,
            Convention::GregorianMean,
            &office,
            &PlannedMaintenance::default(),
        );
        assert_eq!(r.downtime[1].seconds, Some(144.0));
        assert!(
            r.service_hours_note
                .contains("(Mon-Fri 09:00-17:00: 40 hours of the week's 168 hours)"),
            "{}",
            r.service_hours_note
        );
        let always = target_report(
            &t,
            Convention::GregorianMean,
            &ServiceHours::always(),
            &PlannedMaintenance::default(),
        );
        assert_eq!(always.service_hours_note, "");
    }

    fn a(s: &str) -> Availability {
        Availability::parse(s).unwrap()
    }

    #[test]
    fn the_target_report_carries_the_chart_curve() {
        let r = target_report(
            &a("99.95"),
            Convention::GregorianMean,
            &ServiceHours::always(),
            &PlannedMaintenance::default(),
        );
        // 1 to 6 nines in steps of 0.05: 101 points.
        assert_eq!(r.curve.len(), 101);
        // Point 40 is 1 + 40 × 0.05 = 3 nines: 0.001 × 31 556 952 s =
        // 31 556.952 s = 8h 45m 56.952s, shown to the second.
        let p = &r.curve[40];
        assert_eq!(p.nines, 3.0);
        assert_eq!(p.readout, "99.9% (3 nines) allows 8h 45m 57s a year");
        // A rolling window is "per N days": 0.01 × 30 d = 7h 12m.
        let c = downtime_curve(Period::Days(30), Convention::SreBook, 2.0, 2.0, 1);
        assert_eq!(c[0].readout, "99% (2 nines) allows 7h 12m per 30 days");
    }

    #[test]
    fn exact_products_round_once() {
        let d = allowed_downtime(&a("99.95"), Period::Day, Convention::GregorianMean);
        assert_eq!(d, 43.2);
        assert_eq!(crate::duration::format_seconds_plain(d), "43.2");
        // The artefact docs/DOMAIN.md §1.3 warns about: (1 - 0.999) * 86400 in f64.
        assert_ne!((1.0 - 0.999) * 86_400.0, 86.4);
        assert_eq!(
            allowed_downtime(&a("99.9"), Period::Day, Convention::SreBook),
            86.4
        );
        assert_eq!(
            allowed_downtime(&a("99.95"), Period::Month, Convention::GregorianMean),
            1_314.873
        );
        let nine_nines = a("99.9999999");
        assert_eq!(
            allowed_downtime(&nine_nines, Period::Year, Convention::GregorianMean),
            0.031556952
        );
    }

    #[test]
    fn fractional_nines_use_floating_point() {
        let d = allowed_downtime(&a("3.5 nines"), Period::Day, Convention::SreBook);
        assert!((d - 86_400.0 * 10f64.powf(-3.5)).abs() < 1e-9);
    }

    #[test]
    fn reverse() {
        let b = availability_from_downtime(14_400.0, Period::Month, Convention::SreBook).unwrap();
        assert_eq!(b.unavailability_exact(), Ratio::new(1, 180));
        assert_eq!(
            availability_from_downtime(0.0, Period::Year, Convention::SreBook).unwrap(),
            Availability::HUNDRED
        );
        assert_eq!(
            availability_from_downtime(86_400.0, Period::Day, Convention::SreBook).unwrap(),
            Availability::ZERO
        );
        assert_eq!(
            availability_from_downtime(f64::NAN, Period::Day, Convention::SreBook),
            Err(DowntimeError::NotANumber)
        );
        assert_eq!(
            availability_from_downtime(-1.0, Period::Day, Convention::SreBook),
            Err(DowntimeError::Negative)
        );
        assert_eq!(
            availability_from_downtime(1.0, Period::Days(0), Convention::SreBook),
            Err(DowntimeError::EmptyWindow)
        );
        let closed: ServiceHours = "closed".parse().unwrap();
        assert_eq!(
            availability_from_downtime_in_service(1.0, Period::Week, Convention::SreBook, &closed),
            Err(DowntimeError::EmptyWindow)
        );
        let office: ServiceHours = "Mon-Fri 08:00-20:00".parse().unwrap();
        let e =
            availability_from_downtime_in_service(1.0, Period::Day, Convention::SreBook, &office)
                .unwrap_err();
        assert_eq!(
            e.to_string(),
            "per day is not defined when the service hours differ from day to day"
        );
        let e = availability_from_downtime(90_000.0, Period::Day, Convention::SreBook).unwrap_err();
        assert_eq!(
            e.to_string(),
            "1d 1h of downtime is more than the whole window (1d)"
        );
        assert!(availability_from_downtime(1e300, Period::Year, Convention::SreBook).is_err());
    }

    /// Counted maintenance over the budget allows no downtime, never a
    /// negative one, and says by how much: 0.1% of 30 days is 2,592 s; 2 h
    /// (7,200 s) of maintenance exceed it by 7,200 − 2,592 = 4,608 s =
    /// 1h 16m 48s (the old figure was −4,608 s).
    #[test]
    fn maintenance_overspend_is_none_and_said_plainly() {
        let counted = PlannedMaintenance::new(Maintenance::Counted, 7_200.0).unwrap();
        let t = DowntimeTable::with_schedule(
            &a("99.9"),
            Convention::SreBook,
            &[Period::Month],
            &ServiceHours::always(),
            &counted,
        );
        assert_eq!(t.rows[0].seconds, Some(0.0));
        assert_eq!(
            t.rows[0].display,
            "none: planned maintenance exceeds the budget by 1h 16m 48s"
        );
        // More maintenance than a month, as a link could carry it (the
        // parsers refuse it): nothing is measured, nothing allowed.
        let excluded = PlannedMaintenance {
            treatment: Maintenance::Excluded,
            seconds_per_month: 1e9,
            weekly: None,
        };
        let d = unplanned_downtime_allowance(
            &a("99.9"),
            Period::Month,
            Convention::SreBook,
            &ServiceHours::always(),
            &excluded,
        );
        assert_eq!(d, Some(0.0));
        let r = target_report(
            &a("99.9"),
            Convention::SreBook,
            &ServiceHours::always(),
            &excluded,
        );
        assert!(
            r.notes[0].starts_with("Nothing is left to measure"),
            "{:?}",
            r.notes
        );
    }

    fn office(maintenance: &str) -> TargetReport {
        target_report(
            &a("99"),
            Convention::GregorianMean,
            &"Mon-Fri 09:00-17:00".parse().unwrap(),
            &maintenance.parse().unwrap(),
        )
    }

    /// Only the part of a
    /// maintenance window inside the service hours is excluded or counted.
    /// Mon–Fri 09:00–17:00 is 5 × 8 h = 40 h = 144,000 s a week; 99% allows
    /// 1% of it, 1,440 s.
    #[test]
    fn only_maintenance_inside_the_service_hours_counts() {
        // Sunday 02:00–04:00 is outside the hours: 1% of 40 h = 1,440 s,
        // excluded or counted (was 1,368 s and −5,760 s).
        assert_eq!(
            office("Sun 02:00-04:00 excluded").downtime[1].seconds,
            Some(1_440.0)
        );
        let counted = office("Sun 02:00-04:00 counted");
        assert_eq!(counted.downtime[1].seconds, Some(1_440.0));
        assert_eq!(counted.downtime[1].display, "24m");
        assert!(
            counted.notes[0].contains("Sun 02:00-04:00 falls outside them, so none of it is"),
            "{:?}",
            counted.notes
        );
        // Wednesday 16:00–18:00: only 16:00–17:00 is in service, so 39 h
        // are measured: 1% of 140,400 s = 1,404 s.
        assert_eq!(
            office("Wed 16:00-18:00 excluded").downtime[1].seconds,
            Some(1_404.0)
        );
        // A month (30.436875 days = 2,629,746 s) is 2,629,746 / 604,800
        // weeks: 1,404 × 2,629,746 / 604,800 = 6,104.7675 s.
        assert_eq!(
            office("Wed 16:00-18:00 excluded").downtime[2].seconds,
            Some(6_104.767_5)
        );
        // Counted, that hour (3,600 s) is more than the 1,440 s budget:
        // nothing is allowed, and it exceeds it by 3,600 − 1,440 = 2,160 s
        // = 36m a week.
        let over = office("Wed 16:00-18:00 counted");
        assert_eq!(over.downtime[1].seconds, Some(0.0));
        assert_eq!(
            over.downtime[1].display,
            "none: planned maintenance exceeds the budget by 36m"
        );
        assert!(
            over.downtime
                .iter()
                .all(|r| r.seconds.is_none_or(|s| s == 0.0))
        );
        assert!(
            over.notes
                .iter()
                .any(|n| n.contains("exceeds the budget by 36m a week")),
            "{:?}",
            over.notes
        );
        // Counted, Wed 16:45–17:15 puts 15 min inside the hours: 1,440 −
        // 900 = 540 s = 9m.
        let under = office("Wed 16:45-17:15 counted");
        assert_eq!(under.downtime[1].seconds, Some(540.0));
    }

    /// "Per day" follows one rule, stated: it is given only when
    /// every day measures the same time. 24/7 with Sunday 02:00–04:00
    /// excluded measures 22 h on Sunday and 24 h on other days, so per day
    /// is not defined (it was an average, 85.37 s); the week is
    /// 0.1% × (604,800 − 7,200) = 597.6 s. The same maintenance every day
    /// (daily 02:00–04:00) leaves 22 h each day: 0.1% × 79,200 = 79.2 s.
    #[test]
    fn per_day_is_defined_only_when_every_day_measures_the_same() {
        let r = target_report(
            &a("99.9"),
            Convention::GregorianMean,
            &ServiceHours::always(),
            &"Sun 02:00-04:00 excluded".parse().unwrap(),
        );
        assert_eq!(r.downtime[0].seconds, None);
        assert_eq!(
            r.downtime[0].display,
            "not defined: planned maintenance differs by day"
        );
        assert_eq!(r.downtime[1].seconds, Some(597.6));
        assert!(
            r.notes
                .iter()
                .any(|n| n
                    .starts_with("Per day is given only when every day measures the same time")),
            "{:?}",
            r.notes
        );
        let daily = target_report(
            &a("99.9"),
            Convention::GregorianMean,
            &ServiceHours::always(),
            &"daily 02:00-04:00 excluded".parse().unwrap(),
        );
        assert_eq!(daily.downtime[0].seconds, Some(79.2));
        assert!(daily.notes.is_empty(), "{:?}", daily.notes);
        // Daily 08:00–20:00 with the Sunday night window outside them:
        // every day measures 12 h, 0.1% × 43,200 = 43.2 s.
        let outside = target_report(
            &a("99.9"),
            Convention::GregorianMean,
            &"daily 08:00-20:00".parse().unwrap(),
            &"Sun 02:00-04:00 excluded".parse().unwrap(),
        );
        assert_eq!(outside.downtime[0].seconds, Some(43.2));
    }

    /// Service hours and maintenance that leave nothing to
    /// measure say so; a closed schedule too.
    #[test]
    fn nothing_left_to_measure_is_said() {
        let r = office("Mon-Fri 08:00-18:00 excluded");
        assert!(
            r.downtime
                .iter()
                .all(|d| d.seconds.is_none_or(|s| s == 0.0))
        );
        assert!(
            r.notes.iter().any(|n| n.starts_with(
                "Nothing is left to measure: the planned maintenance excluded (Mon-Fri 08:00-18:00) \
                 takes every service hour"
            )),
            "{:?}",
            r.notes
        );
        let closed = target_report(
            &a("99"),
            Convention::GregorianMean,
            &"closed".parse().unwrap(),
            &PlannedMaintenance::default(),
        );
        assert!(closed.notes[0].contains("the service hours are closed"));
        // Plenty left: no such note.
        assert!(
            !office("Wed 16:00-18:00 excluded")
                .notes
                .iter()
                .any(|n| n.starts_with("Nothing"))
        );
    }

    #[test]
    fn table_serializes_with_period_ids() {
        let t = DowntimeTable::new(&a("99.95"), Convention::GregorianMean);
        let json = serde_json::to_value(&t).unwrap();
        assert_eq!(json["convention"], "gregorian");
        assert_eq!(json["rows"][0]["period"], "day");
        assert_eq!(json["rows"][0]["seconds"], 43.2);
        assert_eq!(json["rows"][2]["display"], "21m 55s");
    }
}

/// One point of the downtime-against-nines curve.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CurvePoint {
    /// Nines, `-log10(U)`.
    pub nines: f64,
    /// The availability for people (`≈99.968%`).
    pub availability_display: String,
    /// Allowed downtime in the period, seconds.
    pub seconds: f64,
    /// The same, rounded for display.
    pub display: String,
    /// The point in words, for the chart's readout:
    /// `99.9% (3 nines) allows 8h 45m 57s a year`.
    pub readout: String,
}

/// Allowed downtime per `period` for nines from `from` to `to` in `steps`
/// equal steps (the data of the "downtime against nines" chart). Empty when
/// the range is not finite or `steps` is zero.
///
/// ```
/// use nines_core::downtime::downtime_curve;
/// use nines_core::window::{Convention, Period};
/// let c = downtime_curve(Period::Year, Convention::SreBook, 2.0, 4.0, 2);
/// // SRE book Appendix A: 99% is 3.65 days a year, 99.99% is 52.56 minutes.
/// assert_eq!(c.len(), 3);
/// assert!((c[0].seconds - 3.65 * 86_400.0).abs() < 1e-6);
/// assert!((c[2].seconds - 52.56 * 60.0).abs() < 1e-6);
/// ```
pub fn downtime_curve(
    period: Period,
    convention: Convention,
    from: f64,
    to: f64,
    steps: usize,
) -> Vec<CurvePoint> {
    if !(from.is_finite() && to.is_finite()) || steps == 0 {
        return Vec::new();
    }
    // "a year", "a month"; a rolling window is "per 30 days".
    let per = match period {
        Period::Days(_) => period.label(),
        Period::Hour => "an hour".to_string(),
        _ => ["a ", period.name().as_str()].concat(),
    };
    (0..=steps)
        .filter_map(|i| {
            let nines = from + (to - from) * i as f64 / steps as f64;
            let a = Availability::from_nines(nines).ok()?;
            let seconds = allowed_downtime(&a, period, convention);
            let availability_display = a.format_percent();
            let display = format_duration(seconds);
            let mut readout = String::with_capacity(64);
            readout.push_str(&availability_display);
            readout.push_str(" (");
            readout.push_str(&count(nines, 2));
            readout.push_str(" nines) allows ");
            readout.push_str(&display);
            readout.push(' ');
            readout.push_str(&per);
            Some(CurvePoint {
                nines,
                availability_display,
                seconds,
                display,
                readout,
            })
        })
        .collect()
}
