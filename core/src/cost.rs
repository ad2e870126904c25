//! Cost per nine: engineering cost against revenue at risk.
//!
//! Sources:
//! * Site Reliability Engineering (Beyer, Jones, Petoff, Murphy, O'Reilly
//!   2016), ch. 3 "Embracing Risk": extreme reliability comes at a cost, and
//!   the value of an availability improvement is the revenue it protects —
//!   going from 99.9% to 99.99% on $1M of revenue is worth
//!   `$1M × 0.0009 = $900`. The essays quote the same book: "an additional
//!   nine of reliability requires an order of magnitude improvement".
//! * Steve Smith, "Aim for Operability, not SRE as a Cult": availability
//!   targets should be chosen according to estimates of revenue loss on
//!   failure.
//!
//! The model, over fractional nines `n` (`U(n) = 10^−n`):
//!
//! ```text
//! engineering cost   C(n) = C0 · k^(n − n0)               (k = 10 by default)
//! revenue at risk    L(n) = revenue/year × impact × U(n)
//!                         = revenue/minute × impact × downtime minutes/year
//! total              T(n) = C(n) + L(n)
//! ```
//!
//! `T` is convex, and `T'(n) = C0 ln k · k^(n−n0) − R·I·ln 10 · 10^−n = 0`
//! gives the minimum in closed form:
//!
//! ```text
//! n* = (ln(R·I·ln 10) − ln(C0·ln k) + n0·ln k) / (ln k + ln 10)
//! ```
//!
//! Figures are per year, in the currency of the inputs.

use crate::target::{
    OpsError, TargetContext, check_fraction, check_range, clamp_fraction, clamp_non_negative, echo,
    nines_of,
};
use serde::{Deserialize, Serialize};
use std::f64::consts::LN_10;

use crate::amount::Currency;
use crate::bounds::{Cut, List, MAX_CURVE_SAMPLES, cut_list};
use crate::digits::{shortest, tidy};
use crate::display::{at_nines, availability, count, money_in, or_absent};
use crate::quantity::Availability;
use crate::target::DAY_SECONDS;

/// What the cost headlines at a 100% target say: no number of nines
/// reaches 100%, so it has no price (the figures are kept at
/// [`MAX_NINES`], the model's limit, and a note says so).
pub const NO_FINITE_COST: &str = "no finite cost";

/// Highest nines the cost model accepts (`U = 10^−12`); inputs beyond are
/// clamped to it.
pub const MAX_NINES: f64 = 12.0;
/// Largest money amount the model accepts (per year).
pub const MAX_MONEY: f64 = 1e15;
/// Largest cost factor per nine the model accepts.
pub const MAX_FACTOR: f64 = 1000.0;

/// The cost model's parameters.
///
/// ```
/// use nines_core::cost::CostModel;
/// let m = CostModel::default();
/// // 99.9% costs the reference cost; 99.99% ten times as much.
/// assert_eq!(m.engineering_cost(3.0), 20_000.0);
/// assert!((m.engineering_cost(4.0) - 200_000.0).abs() < 1e-6);
/// ```
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct CostModel {
    /// The reference level `n0`, in nines.
    pub reference_nines: f64,
    /// The engineering cost per year at the reference level, `C0`.
    pub reference_cost_per_year: f64,
    /// The factor `k` the cost grows by per additional nine (10: "each
    /// additional nine costs an order of magnitude").
    pub cost_factor_per_nine: f64,
    /// Revenue per year that flows through the service.
    pub revenue_per_year: f64,
    /// Fraction of that revenue lost while the service is down (`0..=1`):
    /// some users come back later.
    pub impact_fraction: f64,
}

impl Default for CostModel {
    /// The default story: a $20M-a-year checkout; 80% of a sale is lost
    /// when checkout is down (a fifth of shoppers come back); reliability
    /// work at 99.9% costs $20k a year (about a tenth of an engineer), and
    /// each further nine ten times as much.
    fn default() -> Self {
        CostModel {
            reference_nines: 3.0,
            reference_cost_per_year: 20_000.0,
            cost_factor_per_nine: 10.0,
            revenue_per_year: 20_000_000.0,
            impact_fraction: 0.8,
        }
    }
}

fn clamp_nines(n: f64) -> f64 {
    if n.is_nan() {
        0.0
    } else {
        n.clamp(0.0, MAX_NINES)
    }
}

/// Where the total cost is lowest.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq)]
pub enum Optimum {
    /// At this many nines (the closed form; may lie outside `0..=12`).
    At(f64),
    /// No revenue is at risk: every nine only adds cost, so fewer is
    /// cheaper.
    NoRevenueAtRisk,
    /// Engineering cost does not grow with nines (`C0 = 0` or `k = 1`):
    /// more nines are always cheaper, on this model.
    CostDoesNotGrow,
}

/// Where the cheapest level lies, as the report says it. Serializes as
/// `"at"`, `"at-edge"`, `"no-revenue-at-risk"`, `"cost-does-not-grow"`.
///
/// ```
/// use nines_core::cost::OptimumState;
/// assert_eq!(serde_json::to_string(&OptimumState::AtEdge).unwrap(), "\"at-edge\"");
/// ```
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum OptimumState {
    /// Within the searched range, `0..=12` nines.
    At,
    /// Beyond the searched range: the figures are those of its nearest end.
    AtEdge,
    /// See [`Optimum::NoRevenueAtRisk`].
    NoRevenueAtRisk,
    /// See [`Optimum::CostDoesNotGrow`].
    CostDoesNotGrow,
}

impl OptimumState {
    /// The state of `optimum`: `AtEdge` when it lies outside `0..=12`.
    ///
    /// ```
    /// use nines_core::cost::{Optimum, OptimumState};
    /// assert_eq!(OptimumState::of(Optimum::At(2.95)), OptimumState::At);
    /// assert_eq!(OptimumState::of(Optimum::At(13.5)), OptimumState::AtEdge);
    /// ```
    pub fn of(optimum: Optimum) -> OptimumState {
        match optimum {
            Optimum::At(n) if (0.0..=MAX_NINES).contains(&n) => OptimumState::At,
            Optimum::At(_) => OptimumState::AtEdge,
            Optimum::NoRevenueAtRisk => OptimumState::NoRevenueAtRisk,
            Optimum::CostDoesNotGrow => OptimumState::CostDoesNotGrow,
        }
    }
}

impl CostModel {
    /// The model, if every parameter is within range: `reference_nines` in
    /// `0..=12`, money in `0..=1e15`, `cost_factor_per_nine` in `1..=1000`,
    /// `impact_fraction` in `0..=1`. Within these ranges every figure is
    /// finite.
    ///
    /// ```
    /// use nines_core::cost::CostModel;
    /// assert!(CostModel::default().checked().is_ok());
    /// let bad = CostModel { cost_factor_per_nine: 0.5, ..CostModel::default() };
    /// assert!(bad.checked().is_err());
    /// ```
    pub fn checked(&self) -> Result<CostModel, OpsError> {
        Ok(CostModel {
            reference_nines: check_range("reference_nines", self.reference_nines, 0.0, MAX_NINES)?,
            reference_cost_per_year: check_range(
                "reference_cost_per_year",
                self.reference_cost_per_year,
                0.0,
                MAX_MONEY,
            )?,
            cost_factor_per_nine: check_range(
                "cost_factor_per_nine",
                self.cost_factor_per_nine,
                1.0,
                MAX_FACTOR,
            )?,
            revenue_per_year: check_range(
                "revenue_per_year",
                self.revenue_per_year,
                0.0,
                MAX_MONEY,
            )?,
            impact_fraction: check_fraction("impact_fraction", self.impact_fraction)?,
        })
    }

    /// The model with every parameter clamped into range, and a note per
    /// repair (NaN becomes the default value's neighbour: 0, or 1 for `k`).
    pub(crate) fn sanitised(&self, notes: &mut Vec<String>) -> CostModel {
        let n0 = if self.reference_nines.is_nan() {
            notes.push("Reference nines is not a number: 3 is used instead.".into());
            3.0
        } else {
            let c = self.reference_nines.clamp(0.0, MAX_NINES);
            if c != self.reference_nines {
                notes.push(format!(
                    "Reference nines ({}) is outside 0..=12: {c} is used instead.",
                    echo(self.reference_nines)
                ));
            }
            c
        };
        let k = if self.cost_factor_per_nine.is_nan() {
            notes.push("Cost factor per nine is not a number: 10 is used instead.".into());
            10.0
        } else {
            let c = self.cost_factor_per_nine.clamp(1.0, MAX_FACTOR);
            if c != self.cost_factor_per_nine {
                notes.push(format!(
                    "Cost factor per nine ({}) is outside 1..=1000: {c} is used instead.",
                    echo(self.cost_factor_per_nine)
                ));
            }
            c
        };
        CostModel {
            reference_nines: n0,
            reference_cost_per_year: clamp_non_negative(
                "Reference cost per year",
                self.reference_cost_per_year,
                notes,
            ),
            cost_factor_per_nine: k,
            revenue_per_year: clamp_non_negative("Revenue per year", self.revenue_per_year, notes),
            impact_fraction: clamp_fraction("Impact fraction", self.impact_fraction, notes),
        }
    }

    /// Engineering cost per year at `nines`: `C0 · k^(n − n0)`. `nines` is
    /// clamped into `0..=12` (NaN counts as 0).
    ///
    /// ```
    /// use nines_core::cost::CostModel;
    /// let m = CostModel::default();
    /// // Half a nine above the reference: × √10.
    /// assert!((m.engineering_cost(3.5) - 20_000.0 * 10f64.sqrt()).abs() < 1e-6);
    /// ```
    pub fn engineering_cost(&self, nines: f64) -> f64 {
        let n = clamp_nines(nines);
        self.reference_cost_per_year * self.cost_factor_per_nine.powf(n - self.reference_nines)
    }

    /// Revenue at risk per year at `nines`: `revenue × impact × 10^−n`.
    /// `nines` is clamped into `0..=12` (NaN counts as 0).
    ///
    /// ```
    /// use nines_core::cost::CostModel;
    /// let m = CostModel::default();
    /// // 99.9%: $20M × 0.8 × 0.001 = $16 000.
    /// assert!((m.revenue_at_risk(3.0) - 16_000.0).abs() < 1e-6);
    /// ```
    pub fn revenue_at_risk(&self, nines: f64) -> f64 {
        let n = clamp_nines(nines);
        self.revenue_per_year * self.impact_fraction * 10f64.powf(-n)
    }

    /// Total cost per year, engineering plus revenue at risk.
    ///
    /// ```
    /// use nines_core::cost::CostModel;
    /// let m = CostModel::default();
    /// assert!((m.total_cost(3.0) - 36_000.0).abs() < 1e-6);
    /// ```
    pub fn total_cost(&self, nines: f64) -> f64 {
        self.engineering_cost(nines) + self.revenue_at_risk(nines)
    }

    /// The minimum-cost target in closed form (see the module notes).
    ///
    /// ```
    /// use nines_core::cost::{CostModel, Optimum};
    /// // R·I = $16M, C0 = $20k at 3 nines, k = 10:
    /// // n* = (log10(16e6 / 20e3) + 3) / 2 = (log10 800 + 3) / 2 ≈ 2.9515.
    /// match CostModel::default().optimum() {
    ///     Optimum::At(n) => assert!((n - (800f64.log10() + 3.0) / 2.0).abs() < 1e-12),
    ///     other => panic!("{other:?}"),
    /// }
    /// ```
    pub fn optimum(&self) -> Optimum {
        let ri = self.revenue_per_year * self.impact_fraction;
        let k = self.cost_factor_per_nine;
        let c0 = self.reference_cost_per_year;
        if ri.is_nan() || ri <= 0.0 {
            return Optimum::NoRevenueAtRisk;
        }
        if k.is_nan() || k <= 1.0 || c0.is_nan() || c0 <= 0.0 {
            return Optimum::CostDoesNotGrow;
        }
        let ln_k = k.ln();
        Optimum::At(
            ((ri * LN_10).ln() - (c0 * ln_k).ln() + self.reference_nines * ln_k) / (ln_k + LN_10),
        )
    }
}

/// Revenue protected per year by moving from one level to another:
/// `revenue × impact × (U(from) − U(to))`, with `U` given directly so that
/// decimal targets stay exact.
///
/// Source: SRE book ch. 3, "Embracing Risk": 99.9% → 99.99% on $1M protects
/// `$1M × 0.0009 = $900`.
///
/// ```
/// use nines_core::cost::revenue_protected;
/// let v = revenue_protected(1_000_000.0, 1.0, 0.001, 0.0001).unwrap();
/// assert!((v - 900.0).abs() < 1e-9);
/// ```
pub fn revenue_protected(
    revenue_per_year: f64,
    impact_fraction: f64,
    from_unavailability: f64,
    to_unavailability: f64,
) -> Result<f64, OpsError> {
    let r = check_range("revenue_per_year", revenue_per_year, 0.0, MAX_MONEY)?;
    let i = check_fraction("impact_fraction", impact_fraction)?;
    let a = check_fraction("from_unavailability", from_unavailability)?;
    let b = check_fraction("to_unavailability", to_unavailability)?;
    Ok(r * i * (a - b))
}

/// The target implied by a tolerable revenue loss per year:
/// `U = loss / (revenue × impact)`, capped at 1. `None` when no revenue is
/// at risk (any target will do).
///
/// The essays' way for a product manager: start from the loss you can
/// tolerate, derive the availability from it.
///
/// ```
/// use nines_core::cost::target_for_tolerable_loss;
/// // Tolerating $8k of a $20M × 0.8 checkout: U = 0.0005, i.e. 99.95%.
/// let u = target_for_tolerable_loss(8_000.0, 20_000_000.0, 0.8).unwrap().unwrap();
/// assert!((u - 0.0005).abs() < 1e-18);
/// ```
pub fn target_for_tolerable_loss(
    tolerable_loss_per_year: f64,
    revenue_per_year: f64,
    impact_fraction: f64,
) -> Result<Option<f64>, OpsError> {
    let loss = check_range(
        "tolerable_loss_per_year",
        tolerable_loss_per_year,
        0.0,
        MAX_MONEY,
    )?;
    let r = check_range("revenue_per_year", revenue_per_year, 0.0, MAX_MONEY)?;
    let i = check_fraction("impact_fraction", impact_fraction)?;
    let at_risk = r * i;
    Ok((at_risk > 0.0).then(|| (loss / at_risk).min(1.0)))
}

/// One point of the cost curve.
#[derive(Serialize, Clone, Copy, Debug, PartialEq)]
pub struct CostPoint {
    /// Nines.
    pub nines: f64,
    /// Availability at those nines, `1 − 10^−n`.
    pub availability: f64,
    /// Engineering cost per year.
    pub engineering_cost_per_year: f64,
    /// Revenue at risk per year.
    pub revenue_at_risk_per_year: f64,
    /// Their sum.
    pub total_cost_per_year: f64,
}

/// The model at one level.
///
/// ```
/// use nines_core::cost::{cost_point, CostModel};
/// let p = cost_point(&CostModel::default(), 3.0);
/// assert!((p.availability - 0.999).abs() < 1e-15);
/// assert_eq!(p.total_cost_per_year, p.engineering_cost_per_year + p.revenue_at_risk_per_year);
/// ```
pub fn cost_point(model: &CostModel, nines: f64) -> CostPoint {
    let n = clamp_nines(nines);
    let e = model.engineering_cost(n);
    let l = model.revenue_at_risk(n);
    CostPoint {
        nines: n,
        availability: 1.0 - 10f64.powf(-n),
        engineering_cost_per_year: e,
        revenue_at_risk_per_year: l,
        total_cost_per_year: e + l,
    }
}

/// `samples` evenly spaced points from `from_nines` to `to_nines`
/// (inclusive, both clamped into `0..=12`, swapped if reversed), for charts.
/// `samples` is clamped into `2..=10000`.
///
/// ```
/// use nines_core::cost::{cost_curve, CostModel};
/// let c = cost_curve(&CostModel::default(), 2.0, 5.0, 7);
/// assert_eq!(c.len(), 7);
/// assert_eq!(c[0].nines, 2.0);
/// assert_eq!(c[6].nines, 5.0);
/// assert!((c[1].nines - 2.5).abs() < 1e-15);
/// ```
pub fn cost_curve(
    model: &CostModel,
    from_nines: f64,
    to_nines: f64,
    samples: usize,
) -> Vec<CostPoint> {
    let (a, b) = (clamp_nines(from_nines), clamp_nines(to_nines));
    let (a, b) = if a <= b { (a, b) } else { (b, a) };
    let samples = samples.clamp(2, MAX_CURVE_SAMPLES);
    let step = (b - a) / (samples - 1) as f64;
    (0..samples)
        .map(|i| {
            let n = if i == samples - 1 {
                b
            } else {
                a + step * i as f64
            };
            cost_point(model, n)
        })
        .collect()
}

/// One row of the marginal table: moving from one level to the next.
#[derive(Serialize, Clone, Copy, Debug, PartialEq)]
pub struct MarginalRow {
    /// The lower level, nines.
    pub from_nines: f64,
    /// The higher level, nines.
    pub to_nines: f64,
    /// Availability at the lower level.
    pub from_availability: f64,
    /// Availability at the higher level.
    pub to_availability: f64,
    /// Extra engineering cost per year, `C(to) − C(from)`.
    pub extra_engineering_cost_per_year: f64,
    /// Revenue protected per year, `L(from) − L(to)`.
    pub revenue_protected_per_year: f64,
    /// Protected minus extra cost (negative: not worth it on revenue alone).
    pub net_benefit_per_year: f64,
    /// Whether the step pays for itself.
    pub worth_it: bool,
}

/// The marginal table between neighbouring levels (in the order given;
/// levels are clamped into `0..=12`).
///
/// ```
/// use nines_core::cost::{marginal_table, CostModel};
/// let t = marginal_table(&CostModel::default(), &[3.0, 4.0]);
/// // 99.9 → 99.99%: costs $180k more, protects $16M × 0.0009 = $14 400.
/// assert!((t[0].extra_engineering_cost_per_year - 180_000.0).abs() < 1e-6);
/// assert!((t[0].revenue_protected_per_year - 14_400.0).abs() < 1e-6);
/// assert!(!t[0].worth_it);
/// ```
pub fn marginal_table(model: &CostModel, levels: &[f64]) -> Vec<MarginalRow> {
    levels
        .windows(2)
        .map(|w| {
            let (p, q) = (cost_point(model, w[0]), cost_point(model, w[1]));
            let extra = q.engineering_cost_per_year - p.engineering_cost_per_year;
            let protected = p.revenue_at_risk_per_year - q.revenue_at_risk_per_year;
            MarginalRow {
                from_nines: p.nines,
                to_nines: q.nines,
                from_availability: p.availability,
                to_availability: q.availability,
                extra_engineering_cost_per_year: extra,
                revenue_protected_per_year: protected,
                net_benefit_per_year: protected - extra,
                worth_it: protected >= extra,
            }
        })
        .collect()
}

/// The cost inputs: the model plus what the UI asks for.
///
/// Defaults: the [`CostModel`] default story; curve from 2 to 5 nines in 61
/// points (every 0.05 nines); marginal levels every whole nine from 2 to 5 (so the SRE book's 99.9% → 99.99% step is a row);
/// a tolerable loss of $8 000 a year (0.05% of the $16M at risk), which
/// implies exactly the target of the story, 99.95%.
///
/// ```
/// use nines_core::cost::CostInputs;
/// let c: CostInputs = serde_json::from_str(r#"{"model": {"revenue_per_year": 1e6}}"#).unwrap();
/// assert_eq!(c.model.revenue_per_year, 1e6);
/// assert_eq!(c.model.cost_factor_per_nine, 10.0);
/// ```
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct CostInputs {
    /// The cost model.
    pub model: CostModel,
    /// Chart range start, nines.
    pub curve_from_nines: f64,
    /// Chart range end, nines.
    pub curve_to_nines: f64,
    /// Points on the chart (at most [`MAX_CURVE_SAMPLES`]).
    pub curve_samples: usize,
    /// Levels for the marginal table (at most
    /// [`crate::bounds::MAX_COST_LEVELS`]).
    pub marginal_levels: Vec<f64>,
    /// Revenue loss per year the product manager can tolerate.
    pub tolerable_loss_per_year: f64,
}

impl CostInputs {
    /// Cuts the marginal levels to their first [`crate::bounds::MAX_COST_LEVELS`]
    /// and the chart to [`MAX_CURVE_SAMPLES`] points, saying so in `cuts`
    /// (every list is bounded, so a hand-made link cannot stall the page).
    ///
    /// ```
    /// use nines_core::cost::CostInputs;
    /// let mut c = CostInputs { curve_samples: 5_000, ..CostInputs::default() };
    /// let mut cuts = Vec::new();
    /// c.bound(&mut cuts);
    /// assert_eq!(c.curve_samples, 1_000);
    /// assert_eq!(cuts[0].to_string(), "The link asked for 5,000 points on the cost chart; 1,000 are drawn (the most Nines draws)");
    /// ```
    pub fn bound(&mut self, cuts: &mut Vec<Cut>) {
        cut_list(&mut self.marginal_levels, List::CostLevels, cuts);
        if !List::CurveSamples.holds(self.curve_samples) {
            cuts.push(Cut {
                list: List::CurveSamples,
                had: self.curve_samples,
                kept: MAX_CURVE_SAMPLES,
            });
            self.curve_samples = MAX_CURVE_SAMPLES;
        }
    }

    /// Whether its lists are within their bounds.
    pub fn within_bounds(&self) -> bool {
        List::CostLevels.holds(self.marginal_levels.len())
            && List::CurveSamples.holds(self.curve_samples)
    }
}

impl Default for CostInputs {
    fn default() -> Self {
        CostInputs {
            model: CostModel::default(),
            curve_from_nines: 2.0,
            curve_to_nines: 5.0,
            curve_samples: 61,
            marginal_levels: vec![2.0, 3.0, 4.0, 5.0],
            tolerable_loss_per_year: 8_000.0,
        }
    }
}

/// Every cost figure the UI shows (money per year, in the inputs' currency).
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct CostReport {
    /// The currency every money figure is written in (the scenario's).
    pub currency: Currency,
    /// The model actually used (after repairs).
    pub model: CostModel,
    /// The target's nines, `None` for 100%.
    pub target_nines: Option<f64>,
    /// The model at the target (nines clamped into `0..=12`).
    pub at_target: CostPoint,
    /// Revenue per minute of the service.
    pub revenue_per_minute: f64,
    /// Revenue lost per minute of full downtime (`× impact`).
    pub loss_per_downtime_minute: f64,
    /// The closed-form optimum.
    pub optimum: Optimum,
    /// Whether it lies within the searched range (`at`), beyond it
    /// (`at-edge`: the figures are the nearest end's), or there is none.
    pub optimum_state: OptimumState,
    /// Minutes in the year `revenue_per_minute` and
    /// `loss_per_downtime_minute` divide by (525,949.2 for the mean
    /// Gregorian year of 365.2425 days, 525,600 for 365 days).
    pub minutes_per_year: f64,
    /// The model at the optimum, when there is one (clamped into `0..=12`).
    pub at_optimum: Option<CostPoint>,
    /// The optimum for people: `99.9% ($52,000 a year in all)`, or why there
    /// is none.
    pub optimum_display: String,
    /// The optimum's availability alone, to the digits that tell it from
    /// the target ([`crate::display::availability_near`]), as the page's
    /// figure shows it; or why there is none, as [`Self::optimum_display`].
    pub optimum_short: String,
    /// `total(target) − total(optimum)`: what the target costs beyond the
    /// cheapest level on revenue alone.
    pub target_premium_per_year: Option<f64>,
    /// The unavailability implied by the tolerable loss, `None` when no
    /// revenue is at risk.
    pub tolerable_loss_unavailability: Option<f64>,
    /// Its availability.
    pub tolerable_loss_availability: Option<f64>,
    /// Its nines, `None` for a zero tolerable loss (100%) or no revenue.
    pub tolerable_loss_nines: Option<f64>,
    /// The target it implies, held exactly when the unavailability is a
    /// short decimal (a $8 000 loss of $16M at risk is exactly 99.95%), for
    /// "use this as the target"; `None` when no revenue is at risk. JSON:
    /// its canonical string.
    pub tolerable_loss_target: Option<Availability>,
    /// The on-call cost a year of the support method recommended for the
    /// target (the "Who runs it" section's figure; 0 until
    /// [`CostReport::with_on_call`] sets it). The same at every level of
    /// nines here, so it raises the total without moving the cheapest level.
    pub on_call_cost_per_year: f64,
    /// `total_cost_per_year` at the target plus the on-call cost.
    pub total_with_on_call_at_target: f64,
    /// The marginal table.
    pub marginal: Vec<MarginalRow>,
    /// The curve for charts.
    pub curve: Vec<CostPoint>,
    /// Inputs repaired, and caveats, in words.
    pub notes: Vec<String>,
    /// The figures above as people read them: the page and the CLI show
    /// these, so each is formatted here once.
    pub display: CostDisplay,
}

/// The cost figures for people: money per year as `$40,000` ([`crate::display::money`]).
/// The marginal table's cells are written by `export::marginal_cost_table`,
/// and the chart's readouts, one per point, by
/// [`crate::display::money_at_nines`] when a point is drawn (not here:
/// `evaluate` stays cheap).
#[derive(Serialize, Clone, Debug, PartialEq, Default)]
pub struct CostDisplay {
    /// Engineering cost a year at the target.
    pub engineering_cost_at_target: String,
    /// Revenue at risk a year at the target.
    pub revenue_at_risk_at_target: String,
    /// Total cost a year at the target.
    pub total_cost_at_target: String,
    /// Revenue lost per minute of full downtime: `$30`.
    pub loss_per_downtime_minute: String,
    /// The same with the year it is computed from: `$30 a minute, from a
    /// 365.2425-day year (525,949.2 minutes)`.
    pub loss_per_downtime_minute_stated: String,
    /// What the target costs beyond the cheapest level, `—` without one.
    pub target_premium: String,
    /// The tolerable loss a year the implied target is worked from (after
    /// repair).
    pub tolerable_loss: String,
    /// The target it implies (`99.95%`; [`availability`]'s rounding for a
    /// long decimal), or `any: no revenue at risk`.
    pub tolerable_loss_target: String,
    /// The on-call cost a year and where it comes from.
    pub on_call_cost: String,
    /// The total at the target with the on-call cost.
    pub total_with_on_call_at_target: String,
}

impl CostReport {
    /// Adds the on-call cost a year of `method`, the support method
    /// recommended for the target (the scenario passes the "Who runs it"
    /// section's figure: one source for it), to the cost at the target.
    ///
    /// ```
    /// use nines_core::cost::{evaluate, CostInputs};
    /// use nines_core::target::TargetContext;
    /// let mut r = evaluate(&CostInputs::default(), &TargetContext::default());
    /// let before = r.at_target.total_cost_per_year;
    /// r.with_on_call(30_000.0, "You Build It You Run It");
    /// assert_eq!(r.total_with_on_call_at_target, before + 30_000.0);
    /// assert_eq!(r.display.on_call_cost, "$30,000 a year: You Build It You Run It's on-call (Who runs it)");
    /// ```
    pub fn with_on_call(&mut self, per_year: f64, method: &str) {
        let per_year = if per_year.is_finite() && per_year > 0.0 {
            per_year.min(MAX_MONEY)
        } else {
            0.0
        };
        self.on_call_cost_per_year = per_year;
        self.total_with_on_call_at_target = self.at_target.total_cost_per_year + per_year;
        self.display.on_call_cost = [
            money_in(per_year, self.currency).as_str(),
            " a year: ",
            method,
            "'s on-call (Who runs it)",
        ]
        .concat();
        self.display.total_with_on_call_at_target = if self.target_nines.is_none() {
            NO_FINITE_COST.to_string()
        } else {
            money_in(self.total_with_on_call_at_target, self.currency)
        };
    }
}

/// The cheapest level in words: its availability and total cost a year, or
/// why there is none.
fn optimum_display(optimum: Optimum, at: Option<&CostPoint>, currency: Currency) -> String {
    let money = |x: f64| money_in(x, currency);
    match (optimum, at) {
        (Optimum::At(n), Some(p)) if !(0.0..=MAX_NINES).contains(&n) => {
            let edge = if n > MAX_NINES {
                format!("{MAX_NINES} nines is the most")
            } else {
                "0 nines is the least".to_string()
            };
            format!(
                "{} ({} a year in all), at the edge: {edge} this model searches, and the \
                 cheapest level lies beyond it",
                at_nines(p.nines),
                money(p.total_cost_per_year)
            )
        }
        (Optimum::At(_), Some(p)) => format!(
            "{} ({} a year in all)",
            at_nines(p.nines),
            money(p.total_cost_per_year)
        ),
        (Optimum::NoRevenueAtRisk, _) => {
            "none: no revenue is at risk, so every nine only adds cost".into()
        }
        (Optimum::CostDoesNotGrow, _) => "none: on this model more nines never cost more".into(),
        (Optimum::At(_), None) => "—".into(),
    }
}

/// Evaluates the cost model against a target.
///
/// ```
/// use nines_core::cost::{evaluate, CostInputs};
/// use nines_core::target::TargetContext;
/// let r = evaluate(&CostInputs::default(), &TargetContext::default());
/// assert_eq!(r.curve.len(), 61);
/// assert_eq!(r.marginal.len(), 3); // 2→3, 3→4, 4→5 nines
/// assert!((r.tolerable_loss_unavailability.unwrap() - 0.0005).abs() < 1e-18);
/// ```
pub fn evaluate(inputs: &CostInputs, ctx: &TargetContext) -> CostReport {
    evaluate_in(inputs, ctx, Currency::default())
}

/// [`evaluate`] with every money figure written in `currency`.
///
/// ```
/// use nines_core::cost::{evaluate_in, CostInputs};
/// use nines_core::target::TargetContext;
/// let r = evaluate_in(&CostInputs::default(), &TargetContext::default(), "GBP".parse().unwrap());
/// assert!(r.display.total_cost_at_target.starts_with('£'));
/// ```
pub fn evaluate_in(inputs: &CostInputs, ctx: &TargetContext, currency: Currency) -> CostReport {
    let mut notes = Vec::new();
    let ctx = ctx.sanitised(&mut notes);
    let model = inputs.model.sanitised(&mut notes);
    let target_nines = nines_of(ctx.unavailability);
    let at_target = cost_point(&model, target_level(target_nines, &mut notes));
    let optimum = model.optimum();
    let at_optimum = optimum_point(&model, optimum, &mut notes);
    let loss = clamp_non_negative("Tolerable loss", inputs.tolerable_loss_per_year, &mut notes)
        .min(MAX_MONEY);
    let tol_u = target_for_tolerable_loss(loss, model.revenue_per_year, model.impact_fraction)
        .ok()
        .flatten();
    let levels = marginal_levels(inputs, &mut notes);
    let minutes_per_year = ctx.year_seconds / 60.0;
    let loss_per_downtime_minute =
        model.revenue_per_year * model.impact_fraction / minutes_per_year;
    let optimum_text = optimum_display(optimum, at_optimum.as_ref(), currency);
    let mut report = CostReport {
        currency,
        target_nines,
        at_target,
        revenue_per_minute: model.revenue_per_year / minutes_per_year,
        loss_per_downtime_minute,
        optimum_short: match (&at_optimum, optimum) {
            (Some(p), Optimum::At(_)) => {
                crate::display::availability_near(10f64.powf(-p.nines), ctx.unavailability)
            }
            _ => optimum_text.clone(),
        },
        optimum_display: optimum_text,
        optimum_state: OptimumState::of(optimum),
        minutes_per_year,
        optimum,
        at_optimum,
        target_premium_per_year: at_optimum
            .map(|o| at_target.total_cost_per_year - o.total_cost_per_year),
        tolerable_loss_unavailability: tol_u,
        tolerable_loss_availability: tol_u.map(|u| 1.0 - u),
        tolerable_loss_nines: tol_u.and_then(nines_of),
        tolerable_loss_target: tol_u.and_then(|u| Availability::from_unavailability(tidy(u)).ok()),
        on_call_cost_per_year: 0.0,
        total_with_on_call_at_target: at_target.total_cost_per_year,
        marginal: marginal_table(&model, &levels),
        curve: cost_curve(
            &model,
            inputs.curve_from_nines,
            inputs.curve_to_nines,
            inputs.curve_samples,
        ),
        model,
        notes,
        display: CostDisplay::default(),
    };
    report.display = cost_display(&report, &ctx, loss);
    report
}

/// The evaluation's first step: the nines the target's costs are shown at
/// (the model's limit for 100% or beyond it, with a note).
fn target_level(target_nines: Option<f64>, notes: &mut Vec<String>) -> f64 {
    let target_n = target_nines.unwrap_or(MAX_NINES);
    if target_nines.is_none() {
        notes.push(format!(
            "A 100% target has no finite cost: every nine costs more and no number of them reaches \
             100%. Costs are shown at {MAX_NINES} nines, the model's limit."
        ));
    } else if target_n > MAX_NINES {
        notes.push(format!(
            "The target has more than {MAX_NINES} nines: costs are shown at {MAX_NINES}."
        ));
    }
    target_n
}

/// The evaluation's second step: the costs at the optimum, if there is
/// one (a note when it lies outside the range searched).
fn optimum_point(
    model: &CostModel,
    optimum: Optimum,
    notes: &mut Vec<String>,
) -> Option<CostPoint> {
    let Optimum::At(n) = optimum else {
        return None;
    };
    if !(0.0..=MAX_NINES).contains(&n) {
        // Two decimals, unless they would round onto the range's end
        // ("-0.00 nines lies outside" reads as nonsense).
        let shown = format!("{n:.2}");
        notes.push(if shown == "-0.00" || shown == "12.00" {
            "The cheapest level lies just outside 0..=12 nines: the nearest end is shown."
                .to_string()
        } else {
            format!(
                "The cheapest level ({shown} nines) lies outside 0..=12 nines: the nearest end is shown."
            )
        });
    }
    Some(cost_point(model, n))
}

/// The evaluation's third step: the marginal table's levels, each within
/// the range searched (a note for each one left out or moved).
fn marginal_levels(inputs: &CostInputs, notes: &mut Vec<String>) -> Vec<f64> {
    let mut levels = Vec::with_capacity(inputs.marginal_levels.len());
    for &n in &inputs.marginal_levels {
        if !n.is_finite() {
            notes.push("A marginal level that is not a number is left out.".into());
            continue;
        }
        // Said, never silently clamped (`--levels 2 3 400`): the table
        // shows the nearest end of the searched range.
        let c = clamp_nines(n);
        if c != n {
            notes.push(format!(
                "A marginal level of {} nines is outside the 0..=12 nines the model searches: \
                 {c} nines is used instead.",
                echo(n)
            ));
        }
        levels.push(c);
    }
    levels
}

/// The evaluation's last step: the report's headlines as people read them
/// (`loss`, the tolerable loss a year as read).
fn cost_display(r: &CostReport, ctx: &TargetContext, loss: f64) -> CostDisplay {
    let money = |x: f64| money_in(x, r.currency);
    // At 100% the figures at the model's limit are no price of the target:
    // the headlines say so instead of showing a capped "$20T".
    let unbounded = |x: f64| {
        if r.target_nines.is_none() {
            NO_FINITE_COST.to_string()
        } else {
            money(x)
        }
    };
    CostDisplay {
        engineering_cost_at_target: unbounded(r.at_target.engineering_cost_per_year),
        revenue_at_risk_at_target: money(r.at_target.revenue_at_risk_per_year),
        total_cost_at_target: unbounded(r.at_target.total_cost_per_year),
        loss_per_downtime_minute: money(r.loss_per_downtime_minute),
        loss_per_downtime_minute_stated: [
            money(r.loss_per_downtime_minute).as_str(),
            " a minute, from a ",
            &shortest(ctx.year_seconds / DAY_SECONDS),
            "-day year (",
            &count(r.minutes_per_year, 1),
            " minutes)",
        ]
        .concat(),
        target_premium: or_absent(r.target_premium_per_year, unbounded),
        tolerable_loss: money(loss),
        tolerable_loss_target: r
            .tolerable_loss_unavailability
            .map_or_else(|| "any: no revenue at risk".into(), availability),
        on_call_cost: money(0.0),
        total_with_on_call_at_target: unbounded(r.at_target.total_cost_per_year),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn optimum_degenerate_cases() {
        let m = CostModel {
            revenue_per_year: 0.0,
            ..CostModel::default()
        };
        assert_eq!(m.optimum(), Optimum::NoRevenueAtRisk);
        let m = CostModel {
            cost_factor_per_nine: 1.0,
            ..CostModel::default()
        };
        assert_eq!(m.optimum(), Optimum::CostDoesNotGrow);
    }

    /// A clamped optimum says so (it was reported as "at"): with k = 10 the
    /// closed form is
    /// n* = (log10(R·I / C0) + n0) / 2 (module notes); R·I = $10^15, C0 = $1, n0 = 10 gives 12.5,
    /// beyond the 12 nines searched: the state says so, and the figures are
    /// 12 nines' ($1 × 10^2 + $10^15 × 10^-12 = $1,100). n0 = 0, C0 = $10^15,
    /// R·I = $1 gives (−15 + 0) / 2 = −7.5, below 0.
    #[test]
    fn optimum_beyond_the_searched_range_is_at_the_edge() {
        let inputs = |revenue: f64, c0: f64, n0: f64| CostInputs {
            model: CostModel {
                revenue_per_year: revenue,
                impact_fraction: 1.0,
                reference_cost_per_year: c0,
                reference_nines: n0,
                cost_factor_per_nine: 10.0,
            },
            ..CostInputs::default()
        };
        let r = evaluate(&inputs(1e15, 1.0, 10.0), &TargetContext::default());
        assert_eq!(r.optimum_state, OptimumState::AtEdge);
        assert!((r.at_optimum.unwrap().total_cost_per_year - 1_100.0).abs() < 1e-6);
        assert!(
            r.optimum_display
                .ends_with("($1,100 a year in all), at the edge: 12 nines is the most this model searches, and the cheapest level lies beyond it"),
            "{}",
            r.optimum_display
        );
        let r = evaluate(&inputs(1.0, 1e15, 0.0), &TargetContext::default());
        assert_eq!(r.optimum_state, OptimumState::AtEdge);
        assert!(r.optimum_display.contains("0 nines is the least"));
        let r = evaluate(&CostInputs::default(), &TargetContext::default());
        assert_eq!(r.optimum_state, OptimumState::At);
        // $16M over 365.2425 × 1440 = 525,949.2 minutes: $30.42 a minute.
        assert_eq!(
            r.display.loss_per_downtime_minute_stated,
            "$30 a minute, from a 365.2425-day year (525,949.2 minutes)"
        );
    }

    #[test]
    fn optimum_matches_golden_section() {
        let m = CostModel::default();
        let (mut a, mut b) = (0.0, MAX_NINES);
        let g = (5f64.sqrt() - 1.0) / 2.0;
        for _ in 0..200 {
            let c = b - g * (b - a);
            let d = a + g * (b - a);
            if m.total_cost(c) < m.total_cost(d) {
                b = d;
            } else {
                a = c;
            }
        }
        let Optimum::At(n) = m.optimum() else {
            panic!()
        };
        assert!((n - (a + b) / 2.0).abs() < 1e-6, "{n} vs {}", (a + b) / 2.0);
    }

    #[test]
    fn hostile_inputs_are_repaired() {
        let inputs = CostInputs {
            model: CostModel {
                reference_nines: f64::NAN,
                reference_cost_per_year: f64::INFINITY,
                cost_factor_per_nine: -3.0,
                revenue_per_year: f64::NAN,
                impact_fraction: 9.0,
            },
            curve_from_nines: f64::NAN,
            curve_to_nines: 1e300,
            curve_samples: usize::MAX,
            marginal_levels: vec![f64::NAN, 1.0, f64::INFINITY, 99.0],
            tolerable_loss_per_year: -5.0,
        };
        let r = evaluate(&inputs, &TargetContext::default());
        assert_eq!(r.curve.len(), MAX_CURVE_SAMPLES);
        assert!(r.curve.iter().all(|p| p.total_cost_per_year.is_finite()));
        assert!(
            r.marginal
                .iter()
                .all(|m| m.net_benefit_per_year.is_finite())
        );
        assert!(r.notes.len() >= 6, "{:?}", r.notes);
    }

    /// The whole cost section in the scenario's currency, as typed.
    /// By hand: £20M a year × 80% lost in an outage over a Gregorian
    /// 365.2425-day year of 365.2425 × 1440 = 525,949.2 minutes is
    /// 16,000,000 / 525,949.2 = £30.42 a minute, written in whole pounds
    /// (at ten or more, whole units: display::money_in). The default
    /// story's figures (figures_for_people: $40,000 of engineering cost,
    /// $8,000 at risk) keep their digits and change only their mark: no
    /// amount is converted.
    #[test]
    fn figures_in_the_scenarios_currency() {
        let inputs = CostInputs {
            model: CostModel {
                revenue_per_year: 20e6,
                impact_fraction: 0.8,
                ..CostModel::default()
            },
            ..CostInputs::default()
        };
        let gbp: Currency = "£".parse().unwrap();
        let r = evaluate_in(&inputs, &TargetContext::default(), gbp);
        assert_eq!(
            r.display.loss_per_downtime_minute_stated,
            "£30 a minute, from a 365.2425-day year (525,949.2 minutes)"
        );
        let r = evaluate_in(&CostInputs::default(), &TargetContext::default(), gbp);
        assert_eq!(r.display.engineering_cost_at_target, "£40,000");
        assert_eq!(r.display.revenue_at_risk_at_target, "£8,000");
        assert_eq!(r.optimum_display, "≈99.8882% (£35,777 a year in all)");
        let mut r = evaluate_in(
            &CostInputs::default(),
            &TargetContext::default(),
            "CHF".parse().unwrap(),
        );
        r.with_on_call(30_000.0, "You Build It You Run It");
        assert_eq!(r.display.total_cost_at_target, "48,000 CHF");
        assert!(
            r.display.on_call_cost.starts_with("30,000 CHF a year"),
            "{}",
            r.display.on_call_cost
        );
    }

    #[test]
    fn figures_for_people() {
        // The default story by hand: 99.95% is log10(2000) nines, so the
        // engineering cost is $20k × 2 = $40,000, and $16M × 0.0005 = $8,000
        // is at risk. The cheapest level n* = (log10 800 + 3) / 2 costs
        // $20k × √0.8 + $16M / √800 000 = 2 × $17,888.54 = $35,777.09, so
        // the target's premium is $12,222.91.
        let r = evaluate(&CostInputs::default(), &TargetContext::default());
        let d = &r.display;
        assert_eq!(d.engineering_cost_at_target, "$40,000");
        assert_eq!(d.revenue_at_risk_at_target, "$8,000");
        assert_eq!(d.total_cost_at_target, "$48,000");
        assert_eq!(d.target_premium, "$12,223");
        assert_eq!(r.optimum_display, "≈99.8882% ($35,777 a year in all)");
        // $16M over 365.2425 × 1440 = 525 949.2 minutes: $30.42 a minute.
        assert_eq!(d.loss_per_downtime_minute, "$30");
        // $8,000 of $16M is U = 0.0005: exactly the story's 99.95%.
        assert_eq!(d.tolerable_loss, "$8,000");
        assert_eq!(d.tolerable_loss_target, "99.95%");
        assert_eq!(r.tolerable_loss_target, Availability::parse("99.95%").ok());
        // $333 of $1M at risk: U = 0.000333, 99.9667%.
        let inputs = CostInputs {
            model: CostModel {
                revenue_per_year: 1e6,
                impact_fraction: 1.0,
                ..CostModel::default()
            },
            tolerable_loss_per_year: 333.0,
            ..CostInputs::default()
        };
        let r = evaluate(&inputs, &TargetContext::default());
        assert_eq!(r.display.tolerable_loss_target, "99.9667%");
        assert_eq!(
            r.tolerable_loss_target,
            Availability::parse("99.9667%").ok()
        );
        // Tolerating nothing asks for 100%.
        let inputs = CostInputs {
            tolerable_loss_per_year: 0.0,
            ..CostInputs::default()
        };
        let r = evaluate(&inputs, &TargetContext::default());
        assert_eq!(r.display.tolerable_loss_target, "100%");
        assert_eq!(r.tolerable_loss_target, Some(Availability::HUNDRED));
        // No revenue: any target will do, and no level is cheapest.
        let inputs = CostInputs {
            model: CostModel {
                revenue_per_year: 0.0,
                ..CostModel::default()
            },
            ..CostInputs::default()
        };
        let r = evaluate(&inputs, &TargetContext::default());
        assert_eq!(r.display.tolerable_loss_target, "any: no revenue at risk");
        assert_eq!(r.tolerable_loss_target, None);
        assert_eq!(r.display.target_premium, "—");
    }

    #[test]
    fn perfect_target_is_capped() {
        let ctx = TargetContext {
            unavailability: 0.0,
            ..TargetContext::default()
        };
        let r = evaluate(&CostInputs::default(), &ctx);
        assert_eq!(r.target_nines, None);
        assert_eq!(r.at_target.nines, MAX_NINES);
        assert!(r.at_target.engineering_cost_per_year.is_finite());
        // At 100% the headlines do not read "$20000B" (the default
        // $20,000 at 3 nines × 10^(12 − 3) at the 12-nine limit): 100% has
        // no finite cost, and nothing is at risk.
        assert_eq!(r.display.engineering_cost_at_target, "no finite cost");
        assert_eq!(r.display.total_cost_at_target, "no finite cost");
        assert_eq!(r.display.target_premium, "no finite cost");
        assert_eq!(r.display.revenue_at_risk_at_target, "$0");
        // The capped figure must not pass for a price of 100%.
        assert!(
            r.notes
                .iter()
                .any(|n| n.starts_with("A 100% target has no finite cost")),
            "{:?}",
            r.notes
        );
    }
}
