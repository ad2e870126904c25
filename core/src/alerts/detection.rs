//! Detection time against error ratio, one curve per alert that can fire,
//! for the chart.

use serde::Serialize;

use super::{AlertPolicy, detection_f64, short_window_rounded_away};
use crate::display::format_fraction_percent;
use crate::duration::push_duration;
use crate::quantity::Availability;

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

#[cfg(test)]
mod tests {
    use super::super::tests::{MONTH, a};
    use super::*;

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
}
