//! Chart geometry in plain Rust: scales, ticks and SVG paths.
//!
//! Charts are drawn as SVG in `html!` (crisp at any zoom and pixel ratio, and
//! each mark can carry a `<title>`, ARIA attributes and real event handlers —
//! the titanclass/yew-chart approach in STYLE.md). The arithmetic lives here,
//! free of the DOM, so it is tested natively; plotters is kept for rendered
//! images (downloads), where a bitmap is the product.

/// A linear map from a domain interval to a range interval (pixels).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinearScale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl LinearScale {
    /// A scale; a degenerate domain (`d0 == d1`) maps everything to the
    /// middle of the range instead of dividing by zero.
    ///
    /// ```
    /// use nines_app::geometry::LinearScale;
    /// let s = LinearScale::new((0.0, 10.0), (0.0, 100.0));
    /// assert_eq!(s.map(2.5), 25.0);
    /// assert_eq!(s.invert(25.0), 2.5);
    /// ```
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        Self { domain, range }
    }

    /// Domain value → range position.
    pub fn map(&self, x: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return (r0 + r1) / 2.0;
        }
        r0 + (x - d0) / (d1 - d0) * (r1 - r0)
    }

    /// Range position → domain value (for pointer events).
    pub fn invert(&self, y: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if r1 == r0 {
            return (d0 + d1) / 2.0;
        }
        d0 + (y - r0) / (r1 - r0) * (d1 - d0)
    }
}

/// A base-10 logarithmic map; non-positive values clamp to the domain's low end.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LogScale {
    inner: LinearScale,
}

impl LogScale {
    /// A log scale over a positive domain.
    ///
    /// ```
    /// use nines_app::geometry::LogScale;
    /// let s = LogScale::new((1.0, 1000.0), (0.0, 300.0));
    /// assert!((s.map(10.0) - 100.0).abs() < 1e-9);
    /// assert!((s.invert(200.0) - 100.0).abs() < 1e-9);
    /// ```
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        let lo = domain.0.max(f64::MIN_POSITIVE);
        let hi = domain.1.max(lo);
        Self {
            inner: LinearScale::new((lo.log10(), hi.log10()), range),
        }
    }

    /// Domain value → range position.
    pub fn map(&self, x: f64) -> f64 {
        let x = if x > 0.0 {
            x
        } else {
            10f64.powf(self.inner.domain.0)
        };
        self.inner.map(x.log10())
    }

    /// Range position → domain value.
    pub fn invert(&self, y: f64) -> f64 {
        10f64.powf(self.inner.invert(y))
    }
}

/// "Nice" ticks (steps of 1, 2 or 5 × 10^k) covering `[lo, hi]` with about
/// `count` intervals.
///
/// ```
/// use nines_app::geometry::nice_ticks;
/// assert_eq!(nice_ticks(0.0, 10.0, 5), vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
/// ```
pub fn nice_ticks(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || count == 0 {
        return Vec::new();
    }
    let (lo, hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
    if lo == hi {
        return vec![lo];
    }
    let raw = (hi - lo) / count as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    // Multiply an integer index rather than accumulate, so ticks print cleanly.
    (first..=last)
        .map(|i| {
            let t = i as f64 * step;
            if t == 0.0 {
                0.0
            } else {
                t
            }
        })
        .collect()
}

/// Decade ticks (powers of ten) within `[lo, hi]`, both positive.
///
/// ```
/// use nines_app::geometry::decade_ticks;
/// assert_eq!(decade_ticks(0.5, 2000.0), vec![1.0, 10.0, 100.0, 1000.0]);
/// ```
pub fn decade_ticks(lo: f64, hi: f64) -> Vec<f64> {
    if !(lo > 0.0 && hi >= lo && hi.is_finite()) {
        return Vec::new();
    }
    let first = lo.log10().ceil() as i32;
    let last = hi.log10().floor() as i32;
    (first..=last).map(|k| 10f64.powi(k)).collect()
}

/// An SVG path through `points` (`M x y L x y …`), two decimals per
/// coordinate; non-finite points break the line instead of corrupting it.
///
/// ```
/// use nines_app::geometry::svg_path;
/// assert_eq!(svg_path(&[(0.0, 1.0), (2.5, 3.25)]), "M0.00 1.00 L2.50 3.25");
/// ```
pub fn svg_path(points: &[(f64, f64)]) -> String {
    let mut out = String::new();
    let mut pen_down = false;
    for &(x, y) in points {
        if !(x.is_finite() && y.is_finite()) {
            pen_down = false;
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push(if pen_down { 'L' } else { 'M' });
        // As `format!("{x:.2} {y:.2}")`, without the formatting machinery
        // (a chart's path has hundreds of coordinates).
        nines_core::digits::push_fixed(&mut out, x, 2);
        out.push(' ');
        nines_core::digits::push_fixed(&mut out, y, 2);
        pen_down = true;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_scale_maps_ends_and_inverts() {
        // An inverted range, as SVG's y axis needs.
        let s = LinearScale::new((2.0, 5.0), (300.0, 0.0));
        assert_eq!(s.map(2.0), 300.0);
        assert_eq!(s.map(5.0), 0.0);
        assert_eq!(s.invert(150.0), 3.5);
        assert_eq!(LinearScale::new((1.0, 1.0), (0.0, 10.0)).map(7.0), 5.0);
    }

    #[test]
    fn log_scale_spaces_decades_equally() {
        let s = LogScale::new((0.01, 100.0), (0.0, 400.0));
        assert!((s.map(0.1) - 100.0).abs() < 1e-9);
        assert!((s.map(1.0) - 200.0).abs() < 1e-9);
        assert_eq!(
            s.map(0.0),
            s.map(0.01),
            "non-positive clamps to the low end"
        );
    }

    #[test]
    fn nice_ticks_use_one_two_five_steps() {
        assert_eq!(nice_ticks(0.0, 1.0, 4), vec![0.0, 0.5, 1.0]);
        assert_eq!(
            nice_ticks(2.0, 5.0, 6),
            vec![2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0]
        );
        assert_eq!(nice_ticks(-3.0, 3.0, 3), vec![-2.0, 0.0, 2.0]);
        assert!(nice_ticks(f64::NAN, 1.0, 4).is_empty());
    }

    #[test]
    fn path_breaks_on_non_finite_points() {
        let p = svg_path(&[(0.0, 0.0), (1.0, f64::INFINITY), (2.0, 2.0), (3.0, 3.0)]);
        assert_eq!(p, "M0.00 0.00 M2.00 2.00 L3.00 3.00");
    }
}

/// An axis: its scale kind and domain.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Axis {
    Linear(f64, f64),
    Log(f64, f64),
}

impl Axis {
    /// Map a domain value to the pixel `range`.
    pub fn map(&self, v: f64, range: (f64, f64)) -> f64 {
        match *self {
            Axis::Linear(a, b) => LinearScale::new((a, b), range).map(v),
            Axis::Log(a, b) => LogScale::new((a, b), range).map(v),
        }
    }

    /// Map a pixel position back to the domain.
    pub fn invert(&self, px: f64, range: (f64, f64)) -> f64 {
        match *self {
            Axis::Linear(a, b) => LinearScale::new((a, b), range).invert(px),
            Axis::Log(a, b) => LogScale::new((a, b), range).invert(px),
        }
    }

    /// Tick values for this axis: nice linear ticks or decades.
    pub fn ticks(&self, count: usize) -> Vec<f64> {
        match *self {
            Axis::Linear(a, b) => nice_ticks(a, b, count),
            Axis::Log(a, b) => decade_ticks(a, b),
        }
    }

    /// The domain's ends.
    pub fn bounds(&self) -> (f64, f64) {
        match *self {
            Axis::Linear(a, b) | Axis::Log(a, b) => (a, b),
        }
    }
}

/// The domain covering `values` (finite ones; positive ones for a log
/// axis), padded a little so marks don't sit on the frame. `None` when
/// nothing is plottable.
///
/// ```
/// use nines_app::geometry::{extent, Axis};
/// assert_eq!(extent([1.0, 3.0], false), Some(Axis::Linear(0.9, 3.1)));
/// assert_eq!(extent([10.0, 1000.0], true), Some(Axis::Log(10.0, 1000.0)));
/// ```
pub fn extent(values: impl IntoIterator<Item = f64>, log: bool) -> Option<Axis> {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values {
        if v.is_finite() && (!log || v > 0.0) {
            lo = lo.min(v);
            hi = hi.max(v);
        }
    }
    if lo > hi {
        return None;
    }
    if log {
        if lo == hi {
            return Some(Axis::Log(lo / 10.0, hi * 10.0));
        }
        return Some(Axis::Log(lo, hi));
    }
    let pad = if hi > lo {
        (hi - lo) * 0.05
    } else {
        lo.abs().max(1.0) * 0.5
    };
    Some(Axis::Linear(lo - pad, hi + pad))
}

/// The index of the point whose x is nearest `x` (for hover and keyboard readouts).
///
/// ```
/// use nines_app::geometry::nearest_index;
/// assert_eq!(nearest_index(&[1.0, 2.0, 4.0], 2.9), Some(1));
/// assert_eq!(nearest_index(&[], 1.0), None);
/// ```
pub fn nearest_index(xs: &[f64], x: f64) -> Option<usize> {
    xs.iter()
        .enumerate()
        .filter(|(_, v)| v.is_finite())
        .min_by(|(_, a), (_, b)| (*a - x).abs().total_cmp(&(*b - x).abs()))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod axis_tests {
    use super::*;

    #[test]
    fn extent_ignores_non_finite_and_non_positive_for_log() {
        assert_eq!(
            extent([0.0, -1.0, 5.0, f64::NAN, 50.0], true),
            Some(Axis::Log(5.0, 50.0))
        );
        assert_eq!(extent([f64::NAN], false), None);
        assert_eq!(extent([2.0, 2.0], false), Some(Axis::Linear(1.0, 3.0)));
    }

    #[test]
    fn axis_maps_and_inverts_both_kinds() {
        for axis in [Axis::Linear(2.0, 6.0), Axis::Log(1.0, 10_000.0)] {
            let (a, b) = axis.bounds();
            let mid = if matches!(axis, Axis::Log(..)) {
                100.0
            } else {
                4.0
            };
            let px = axis.map(mid, (0.0, 200.0));
            assert!(
                (px - 100.0).abs() < 1e-9,
                "{axis:?} puts the middle in the middle"
            );
            assert!((axis.invert(px, (0.0, 200.0)) - mid).abs() < 1e-9);
            assert_eq!(axis.map(a, (0.0, 200.0)), 0.0);
            assert!((axis.map(b, (0.0, 200.0)) - 200.0).abs() < 1e-9);
        }
    }
}
