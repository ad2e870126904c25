//! Chart geometry in plain Rust: scales, axes, ticks, clipping, SVG paths,
//! and the line chart's model ([`Plot`]: series and markers placed in the
//! chart's [`Frame`]).
//!
//! Charts are drawn as SVG in `html!` (crisp at any zoom and pixel ratio, and
//! each mark can carry a `<title>`, ARIA attributes and real event handlers —
//! the titanclass/yew-chart approach: docs/DOMAIN.md §9). The arithmetic lives here,
//! free of the DOM, so it is tested natively; plotters is kept for rendered
//! images (downloads, `render.rs`), where a bitmap is the product, and it
//! reads its axes' maths from here too.

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
    /// use nines_charts::geometry::LinearScale;
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
    /// use nines_charts::geometry::LogScale;
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
/// use nines_charts::geometry::nice_ticks;
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
/// use nines_charts::geometry::decade_ticks;
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
/// use nines_charts::geometry::svg_path;
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
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
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

    /// Whether the axis can be drawn: finite bounds, `lo < hi`, and `lo > 0`
    /// on a log axis.
    ///
    /// ```
    /// use nines_charts::geometry::Axis;
    /// assert!(Axis::Log(1.0, 10.0).is_drawable());
    /// assert!(!Axis::Log(0.0, 10.0).is_drawable());
    /// assert!(!Axis::Linear(3.0, 3.0).is_drawable());
    /// ```
    pub fn is_drawable(&self) -> bool {
        let (lo, hi) = self.bounds();
        lo.is_finite()
            && hi.is_finite()
            && (hi - lo).is_finite()
            && lo < hi
            && (matches!(self, Axis::Linear(..)) || lo > 0.0)
    }

    /// A value's position in units where the axis is linear (log10 on a log
    /// axis); `None` where the axis cannot show it (not finite; not positive
    /// on a log axis).
    pub fn to_linear(&self, v: f64) -> Option<f64> {
        match self {
            Axis::Linear(..) if v.is_finite() => Some(v),
            Axis::Log(..) if v.is_finite() && v > 0.0 => Some(v.log10()),
            _ => None,
        }
    }

    /// The value at a position in the axis's linear units
    /// (the inverse of [`Axis::to_linear`]).
    pub fn from_linear(&self, t: f64) -> f64 {
        match self {
            Axis::Linear(..) => t,
            Axis::Log(..) => 10f64.powf(t),
        }
    }

    /// Whether `v` lies on the axis, ends included.
    pub fn contains(&self, v: f64) -> bool {
        let (lo, hi) = self.bounds();
        self.to_linear(v).is_some() && lo <= v && v <= hi
    }

    /// About `count` ticks for a small drawing: [`Axis::ticks`] on a linear
    /// axis; on a log axis every k-th decade when there are more than about
    /// `count`, and 1-2-5 steps when the domain holds fewer than two decades.
    ///
    /// ```
    /// use nines_charts::geometry::Axis;
    /// assert_eq!(Axis::Log(2.0, 30.0).ticks_at_most(5), vec![2.0, 5.0, 10.0, 20.0]);
    /// ```
    pub fn ticks_at_most(&self, count: usize) -> Vec<f64> {
        let Axis::Log(lo, hi) = *self else {
            return self.ticks(count);
        };
        let decades = self.ticks(count);
        if decades.len() >= 2 {
            let every = decades.len().div_ceil(count.max(1) + 2);
            return decades.into_iter().step_by(every.max(1)).collect();
        }
        let (first, last) = (lo.log10().floor() as i32, hi.log10().ceil() as i32);
        let steps: Vec<f64> = (first..=last)
            .flat_map(|k| [1.0, 2.0, 5.0].map(|m| m * 10f64.powi(k)))
            .filter(|v| (lo..=hi).contains(v))
            .collect();
        if steps.len() >= 2 {
            steps
        } else {
            vec![lo, hi]
        }
    }
}

/// The visible runs of a polyline: points the axes cannot show break it, and
/// each segment is clipped to the axes' box (Liang–Barsky, in the axes'
/// linear units, so a clipped segment stays straight on a log axis).
///
/// ```
/// use nines_charts::geometry::{clip, Axis};
/// let box10 = Axis::Linear(0.0, 10.0);
/// assert_eq!(clip(&[(5.0, 5.0), (15.0, 5.0)], box10, box10), vec![vec![(5.0, 5.0), (10.0, 5.0)]]);
/// ```
pub fn clip(points: &[(f64, f64)], x: Axis, y: Axis) -> Vec<Vec<(f64, f64)>> {
    let ends = |axis: Axis| {
        let (lo, hi) = axis.bounds();
        (
            axis.to_linear(lo).unwrap_or(lo),
            axis.to_linear(hi).unwrap_or(hi),
        )
    };
    let (bx, by) = (ends(x), ends(y));
    // A run ends where a point is unplottable or the line leaves the box.
    fn flush(runs: &mut Vec<Vec<(f64, f64)>>, run: &mut Vec<(f64, f64)>) {
        if run.len() > 1 {
            runs.push(std::mem::take(run));
        }
        run.clear();
    }
    let mut runs = Vec::new();
    let mut run: Vec<(f64, f64)> = Vec::new();
    let mut prev: Option<(f64, f64)> = None;
    for &(px, py) in points {
        let here = x.to_linear(px).zip(y.to_linear(py));
        let visible = prev.zip(here).and_then(|(a, b)| clip_segment(a, b, bx, by));
        match visible {
            Some(v) => {
                if v.start_cut || run.is_empty() {
                    flush(&mut runs, &mut run);
                    run.push(v.start);
                }
                run.push(v.end);
                if v.end_cut {
                    flush(&mut runs, &mut run);
                }
            }
            None => flush(&mut runs, &mut run),
        }
        prev = here;
    }
    flush(&mut runs, &mut run);
    runs.into_iter()
        .map(|r| {
            r.into_iter()
                .map(|(a, b)| (x.from_linear(a), y.from_linear(b)))
                .collect()
        })
        .collect()
}

/// The visible part of a segment, and whether clipping moved its ends.
struct Visible {
    start: (f64, f64),
    end: (f64, f64),
    start_cut: bool,
    end_cut: bool,
}

/// Clip segment `a`–`b` to the box `bx` × `by`.
fn clip_segment(a: (f64, f64), b: (f64, f64), bx: (f64, f64), by: (f64, f64)) -> Option<Visible> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a.0 - bx.0),
        (dx, bx.1 - a.0),
        (-dy, a.1 - by.0),
        (dy, by.1 - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let r = q / p;
            if p < 0.0 {
                t0 = t0.max(r);
            } else {
                t1 = t1.min(r);
            }
        }
    }
    if t0 > t1 {
        return None;
    }
    let at = |t: f64| (a.0 + t * dx, a.1 + t * dy);
    Some(Visible {
        start: if t0 > 0.0 { at(t0) } else { a },
        end: if t1 < 1.0 { at(t1) } else { b },
        start_cut: t0 > 0.0,
        end_cut: t1 < 1.0,
    })
}

/// The domain covering `values` (finite ones; positive ones for a log
/// axis), padded a little so marks don't sit on the frame. `None` when
/// nothing is plottable.
///
/// ```
/// use nines_charts::geometry::{extent, Axis};
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
/// use nines_charts::geometry::nearest_index;
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

/// The point of a series nearest `x`, when `x` lies within the series' x
/// range (outside it the series has no value there): its index in `xs`.
///
/// ```
/// use nines_charts::geometry::index_within;
/// assert_eq!(index_within(&[2.0, 3.0, 4.0], 3.4), Some(1));
/// assert_eq!(index_within(&[2.0, 3.0, 4.0], 4.5), None);
/// ```
pub fn index_within(xs: &[f64], x: f64) -> Option<usize> {
    let (lo, hi) = xs
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(*v), hi.max(*v))
        });
    if !(lo..=hi).contains(&x) {
        return None;
    }
    nearest_index(xs, x)
}

/// Where a chart is drawn, in SVG user units: the whole picture, and the
/// margins around the plot that hold the ticks and the axis labels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

impl Frame {
    /// The page's line charts: 640 × 300, room on the left for the y ticks
    /// and the y label, below for the x ticks and the x label.
    pub const CHART: Frame = Frame {
        width: 640.0,
        height: 300.0,
        left: 72.0,
        right: 16.0,
        top: 16.0,
        bottom: 44.0,
    };

    /// The page's chart for an SVG drawn `width` CSS pixels wide: as wide
    /// as that (rounded down to 20 px, at least 280), so that the SVG is
    /// never scaled down and its 12 px tick labels stay 12 px on a phone
    /// (a 640-wide chart drawn 332 px wide, as on a 390 px screen, shrank
    /// them to 6 px); [`Frame::CHART`] from its width up, or when the width
    /// is unknown.
    pub fn fitted(width: f64) -> Frame {
        if !width.is_finite() || width >= Frame::CHART.width || width <= 0.0 {
            return Frame::CHART;
        }
        Frame {
            width: ((width / 20.0).floor() * 20.0).max(280.0),
            left: 60.0,
            right: 12.0,
            ..Frame::CHART
        }
    }

    /// The plot's horizontal extent, left to right.
    pub fn x_range(&self) -> (f64, f64) {
        (self.left, self.width - self.right)
    }

    /// The plot's vertical extent, bottom to top (SVG's y grows downwards).
    pub fn y_range(&self) -> (f64, f64) {
        (self.height - self.bottom, self.top)
    }
}

/// A tick: its value, and where along its axis it is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tick {
    pub value: f64,
    pub at: f64,
}

/// A line chart's model: two axes in a frame. It places values, ticks,
/// lines and marker labels, and reads a pointer back into a value, so the
/// chart's SVG only writes elements.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plot {
    pub frame: Frame,
    pub x: Axis,
    pub y: Axis,
}

impl Plot {
    /// How many x and y intervals the ticks aim at.
    const X_TICKS: usize = 6;
    const Y_TICKS: usize = 5;

    /// The horizontal position of the value `v`.
    pub fn x_at(&self, v: f64) -> f64 {
        self.x.map(v, self.frame.x_range())
    }

    /// The vertical position of the value `v`.
    pub fn y_at(&self, v: f64) -> f64 {
        self.y.map(v, self.frame.y_range())
    }

    /// The x axis's ticks.
    pub fn x_ticks(&self) -> Vec<Tick> {
        self.x
            .ticks(Self::X_TICKS)
            .into_iter()
            .map(|value| Tick {
                value,
                at: self.x_at(value),
            })
            .collect()
    }

    /// The y axis's ticks: its own, or those of `at` that lie on it (e.g.
    /// 1 s, 1 min, 1 h, 1 d on a duration axis).
    pub fn y_ticks(&self, at: Option<&[f64]>) -> Vec<Tick> {
        let values = match at {
            Some(at) => {
                let (a, b) = self.y.bounds();
                at.iter()
                    .copied()
                    .filter(|t| *t >= a.min(b) && *t <= a.max(b))
                    .collect()
            }
            None => self.y.ticks(Self::Y_TICKS),
        };
        values
            .into_iter()
            .map(|value| Tick {
                value,
                at: self.y_at(value),
            })
            .collect()
    }

    /// A series' line, `(x, y)` in data units, as an SVG path.
    pub fn line(&self, points: impl IntoIterator<Item = (f64, f64)>) -> String {
        let placed: Vec<(f64, f64)> = points
            .into_iter()
            .map(|(x, y)| (self.x_at(x), self.y_at(y)))
            .collect();
        svg_path(&placed)
    }

    /// Where the label of the `i`-th marker sits: stacked from the top, so
    /// neighbouring markers stay legible.
    pub fn marker_label_y(&self, i: usize) -> f64 {
        self.frame.top + 12.0 + 16.0 * i as f64
    }

    /// Where a marker's label goes beside its line at `x`: to the right
    /// (`start` anchor) when a label of `chars` characters of 12 px text
    /// fits before the frame's right edge, else to the left (`end`).
    pub fn marker_label_x(&self, x: f64, chars: usize) -> (f64, &'static str) {
        // An average glyph of a 12 px sans-serif font is about 7 px wide.
        let width = 7.0 * chars as f64;
        if x + 4.0 + width <= self.frame.width {
            (x + 4.0, "start")
        } else {
            (x - 4.0, "end")
        }
    }

    /// The x value under a pointer at `fraction` of the chart's width on
    /// screen (0 at its left edge, 1 at its right), held within the plot
    /// and the axis.
    pub fn x_under(&self, fraction: f64) -> f64 {
        let range = self.frame.x_range();
        let px = (fraction * self.frame.width).clamp(range.0, range.1);
        let (a, b) = self.x.bounds();
        self.x.invert(px, range).clamp(a.min(b), a.max(b))
    }
}

#[cfg(test)]
mod plot_tests {
    use super::*;

    /// 0..10 across, 0..100 up, in the page chart's frame: the plot runs
    /// from x = 72 to 624 (552 wide) and from y = 256 up to 16 (240 high).
    fn plot() -> Plot {
        Plot {
            frame: Frame::CHART,
            x: Axis::Linear(0.0, 10.0),
            y: Axis::Linear(0.0, 100.0),
        }
    }

    /// On a 390 px phone the chart is drawn 332 px wide
    /// (390 − 2 × 16 px of page padding − 2 × 12 px of card padding − 2 px
    /// of border). A 640-unit viewBox there scales 12 px labels to
    /// 12 × 332 / 640 = 6.2 px; the fitted frame is 320 wide, drawn at
    /// 332 / 320 ≥ 1, so they stay at least 12 px (≥ 11 px asked).
    #[test]
    fn the_frame_fits_a_phone() {
        let f = Frame::fitted(332.0);
        assert_eq!(f.width, 320.0);
        assert!(12.0 * 332.0 / f.width >= 11.0);
        let unfitted = Frame::CHART;
        assert!(12.0 * 332.0 / unfitted.width < 11.0, "{unfitted:?}");
        assert_eq!(Frame::fitted(1_000.0), Frame::CHART);
        assert_eq!(Frame::fitted(f64::NAN), Frame::CHART);
        assert_eq!(Frame::fitted(0.0), Frame::CHART);
        assert_eq!(Frame::fitted(200.0).width, 280.0);
        // The plot keeps room: 320 − 60 − 12 = 248 px across.
        let (l, r) = f.x_range();
        assert_eq!(r - l, 248.0);
    }

    /// A label that would run past the right edge hangs left of its line.
    #[test]
    fn marker_labels_stay_inside() {
        let p = Plot {
            frame: Frame::fitted(332.0),
            ..plot()
        };
        // "target 99.95%": 13 characters ≈ 91 px.
        assert_eq!(p.marker_label_x(100.0, 13), (104.0, "start"));
        assert_eq!(p.marker_label_x(300.0, 13), (296.0, "end"));
    }

    #[test]
    fn values_are_placed_inside_the_margins() {
        let p = plot();
        assert_eq!(Frame::CHART.x_range(), (72.0, 624.0));
        assert_eq!(Frame::CHART.y_range(), (256.0, 16.0));
        // Half-way across: 72 + 552 / 2; a quarter up: 256 − 240 / 4.
        assert_eq!(p.x_at(5.0), 348.0);
        assert_eq!(p.y_at(25.0), 196.0);
        assert_eq!(
            p.line([(0.0, 0.0), (5.0, 25.0), (10.0, 100.0)]),
            "M72.00 256.00 L348.00 196.00 L624.00 16.00"
        );
    }

    #[test]
    fn ticks_carry_their_positions() {
        let p = plot();
        // 10 / 6 intervals ≈ 1.67, rounded up to a step of 2; 552 / 5 = 110.4 apart.
        let x: Vec<(f64, f64)> = p.x_ticks().iter().map(|t| (t.value, t.at)).collect();
        assert_eq!(x.len(), 6);
        assert_eq!(x[0], (0.0, 72.0));
        assert_eq!(x[5], (10.0, 624.0));
        assert!((x[1].1 - 182.4).abs() < 1e-9, "{x:?}");
        // Four decades over 240 px: 60 px each; ticks off the axis are dropped.
        let log = Plot {
            y: Axis::Log(1.0, 10_000.0),
            ..plot()
        };
        let y = log.y_ticks(Some(&[0.5, 100.0, 1000.0, 20_000.0]));
        assert_eq!(
            y,
            vec![
                Tick {
                    value: 100.0,
                    at: 136.0
                },
                Tick {
                    value: 1000.0,
                    at: 76.0
                }
            ]
        );
        // Its own: the five decades 1 … 10 000.
        assert_eq!(log.y_ticks(None).len(), 5);
    }

    #[test]
    fn a_pointer_is_read_back_within_the_plot() {
        let p = plot();
        // 348 of 640 px is the middle of the plot: x = 5.
        assert!((p.x_under(348.0 / 640.0) - 5.0).abs() < 1e-9);
        // In the left margin or past the right edge: the axis's ends.
        assert_eq!(p.x_under(0.05), 0.0);
        assert_eq!(p.x_under(1.2), 10.0);
        assert_eq!(p.marker_label_y(2), 60.0);
    }

    #[test]
    fn a_series_has_a_point_only_within_its_range() {
        let xs = [1.0, 2.0, 4.0];
        assert_eq!(index_within(&xs, 2.9), Some(1));
        assert_eq!(index_within(&xs, 3.1), Some(2));
        assert_eq!(index_within(&xs, 0.9), None);
        assert_eq!(index_within(&[], 1.0), None);
    }

    #[test]
    fn log_axes_read_in_decades() {
        let axis = Axis::Log(1.0, 1000.0);
        assert_eq!(axis.to_linear(100.0), Some(2.0));
        assert_eq!(axis.to_linear(0.0), None);
        assert_eq!(axis.from_linear(3.0), 1000.0);
        assert!(axis.contains(1000.0) && !axis.contains(1000.1) && !axis.contains(-1.0));
        assert!(Axis::Linear(-1.0, 1.0).contains(0.0));
        assert!(!Axis::Linear(0.0, f64::INFINITY).is_drawable());
    }

    #[test]
    fn clip_cuts_segments_at_the_frame_and_breaks_on_bad_points() {
        let x = Axis::Linear(0.0, 10.0);
        let y = Axis::Linear(0.0, 10.0);
        let runs = clip(&[(-5.0, 5.0), (5.0, 5.0), (15.0, 5.0)], x, y);
        assert_eq!(runs, vec![vec![(0.0, 5.0), (5.0, 5.0), (10.0, 5.0)]]);
        let runs = clip(&[(1.0, 1.0), (2.0, f64::NAN), (3.0, 3.0), (4.0, 4.0)], x, y);
        assert_eq!(runs, vec![vec![(3.0, 3.0), (4.0, 4.0)]]);
        // Out and back in: two runs.
        let runs = clip(&[(1.0, 5.0), (2.0, 20.0), (3.0, 5.0)], x, y);
        assert_eq!(runs.len(), 2);
        assert!(clip(&[(20.0, 20.0), (30.0, 30.0)], x, y).is_empty());
    }

    #[test]
    fn clip_is_straight_on_a_log_axis_and_skips_non_positive() {
        let runs = clip(
            &[(0.0, 1.0), (1.0, 10_000.0), (2.0, 0.0), (3.0, 10.0)],
            Axis::Linear(0.0, 3.0),
            Axis::Log(1.0, 1000.0),
        );
        assert_eq!(runs.len(), 1);
        let (cx, cy) = runs[0][1];
        assert!(
            (cx - 0.75).abs() < 1e-9 && (cy - 1000.0).abs() < 1e-6,
            "{runs:?}"
        );
    }

    #[test]
    fn few_ticks_thin_decades_and_fill_short_domains() {
        let ticks = |lo, hi| Axis::Log(lo, hi).ticks_at_most(5);
        assert_eq!(ticks(1.0, 1000.0), vec![1.0, 10.0, 100.0, 1000.0]);
        assert!(ticks(1e-300, 1e300).len() <= 8);
        assert_eq!(ticks(2.0, 30.0), vec![2.0, 5.0, 10.0, 20.0]);
        assert_eq!(ticks(2.1, 2.2), vec![2.1, 2.2]);
        assert_eq!(Axis::Linear(0.0, 1.0).ticks_at_most(4), vec![0.0, 0.5, 1.0]);
    }
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
