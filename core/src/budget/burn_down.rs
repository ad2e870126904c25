//! The burn-down chart: the budget remaining across the window, actual
//! then projected at the current burn rate.

use serde::Serialize;

use crate::digits::push_fixed;
use crate::display::{format_fraction_percent, push_fraction_percent};
use crate::target::DAY_SECONDS;

use super::BudgetStatus;
use super::status::finite;

/// Samples in the burn-down chart (daily for 30 days).
pub(super) const BURN_DOWN_POINTS: usize = 31;

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

#[cfg(test)]
mod tests {
    use super::super::Spend;
    use super::super::tests::budget;
    use super::*;

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
}
