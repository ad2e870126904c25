//! Chart images for download: a chart rendered with plotters to a
//! standalone SVG document.
//!
//! The page's charts are SVG in `html!` (see [`crate::geometry`]); this module
//! is the "plotters where a rendered image is wanted" half of docs/DOMAIN.md §9. The
//! PNG download is the same document drawn onto a canvas at 2× by the browser,
//! so one renderer serves both formats.
//!
//! Axes reuse [`Axis`] and the axis maths of [`crate::geometry`]: the image
//! maps values, picks ticks ([`Axis::ticks_at_most`]: nice 1-2-5 ticks,
//! decades on a log axis; fewer on a small image) and clips its lines
//! ([`clip`]) the way the interactive chart does, rather than with plotters'
//! own key points.
//!
//! Text needs no font files: without plotters' `ttf` feature the SVG backend
//! writes each label as a `<text>` element for the viewer to typeset. Label
//! widths (for layout only) are estimated natively; on wasm32 plotters
//! measures them with a hidden `<span>`, so call [`render_svg`] on the page's
//! main thread, not in a worker.

use std::ops::Range;

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::geometry::{clip, Axis};

/// The smallest image [`render_svg`] draws: below this the title, axes and
/// legend leave no room for the plot.
pub const MIN_SIZE: (u32, u32) = (240, 160);

/// The largest side [`render_svg`] accepts, so the 2× PNG (8192 px) stays
/// within every browser's canvas limit.
pub const MAX_SIDE: u32 = 4096;

/// One line of the chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ImageSeries<'a> {
    /// Shown in the legend.
    pub name: &'a str,
    /// `(x, y)` in data units. Non-finite points (and non-positive ones on a
    /// log axis) break the line; parts outside the axes' domains are clipped.
    pub points: &'a [(f64, f64)],
    /// Stroke colour, RGB.
    pub colour: (u8, u8, u8),
    /// Dashed rather than solid (a projection, a comparison).
    pub dashed: bool,
}

/// A vertical marker: a dashed line across the plot with a label at its top.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ImageMarker<'a> {
    /// Where, in x data units. Markers outside the x domain are left out.
    pub x: f64,
    pub label: &'a str,
}

/// Everything an image of a chart shows.
#[derive(Clone)]
pub struct ChartImage<'a> {
    /// Drawn above the plot, and the document's `<title>`.
    pub title: &'a str,
    pub x_label: &'a str,
    pub y_label: &'a str,
    pub x: Axis,
    pub y: Axis,
    pub series: Vec<ImageSeries<'a>>,
    pub markers: Vec<ImageMarker<'a>>,
    /// Tick label for an x value (the same formatter as the page's chart).
    pub x_tick: &'a dyn Fn(f64) -> String,
    /// Tick label for a y value.
    pub y_tick: &'a dyn Fn(f64) -> String,
    /// Where the y ticks go, when the page's chart sets them (1m, 1h, 1d,
    /// 7d on the downtime chart): the image shows the same ticks, those
    /// within the axis. `None`: the axis's own.
    pub y_ticks_at: Option<&'a [f64]>,
    /// Printed small under the legend, wrapped to the width (e.g. the
    /// convention used and the scenario link); empty for none.
    pub caption: &'a str,
}

/// Why [`render_svg`] drew nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum RenderError {
    /// Width or height below [`MIN_SIZE`] or above [`MAX_SIDE`].
    Size { width: u32, height: u32 },
    /// An axis whose domain cannot be drawn: a bound not finite, `lo >= hi`,
    /// or `lo <= 0` on a log axis. `axis` is `"x"` or `"y"`.
    Domain { axis: &'static str, domain: Axis },
    /// plotters failed while drawing (its message).
    Drawing(String),
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::Size { width, height } => write!(
                f,
                "image size {width}×{height} is outside {}×{} to {MAX_SIDE}×{MAX_SIDE}",
                MIN_SIZE.0, MIN_SIZE.1
            ),
            RenderError::Domain { axis, domain } => {
                write!(f, "the {axis} axis {domain:?} has nothing to draw")
            }
            RenderError::Drawing(msg) => write!(f, "drawing the chart failed: {msg}"),
        }
    }
}

impl std::error::Error for RenderError {}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for RenderError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        RenderError::Drawing(e.to_string())
    }
}

/// Render `chart` as a standalone SVG document (`xmlns` set, white
/// background) of `width` × `height` pixels.
///
/// Bad data never panics: non-finite points are skipped, an empty series
/// still gets its legend entry, and an axis with nothing to draw is a
/// [`RenderError::Domain`].
///
/// ```
/// use nines_charts::geometry::Axis;
/// use nines_charts::render::{render_svg, ChartImage, ImageMarker, ImageSeries};
///
/// let cost = [(2.0, 100.0), (3.0, 1_000.0), (4.0, 10_000.0)];
/// let chart = ChartImage {
///     title: "Cost of each nine",
///     x_label: "nines",
///     y_label: "cost",
///     x: Axis::Linear(2.0, 4.0),
///     y: Axis::Log(10.0, 100_000.0),
///     series: vec![ImageSeries { name: "cost", points: &cost, colour: (37, 99, 235), dashed: false }],
///     markers: vec![ImageMarker { x: 3.5, label: "target" }],
///     x_tick: &|v| format!("{v}"),
///     y_tick: &|v| format!("${v}"),
///     y_ticks_at: None,
///     caption: "",
/// };
/// let svg = render_svg(&chart, 640, 400).unwrap();
/// assert!(svg.starts_with("<svg") && svg.contains("$1000"));
/// ```
pub fn render_svg(chart: &ChartImage, width: u32, height: u32) -> Result<String, RenderError> {
    let fits = |side: u32, min: u32| (min..=MAX_SIDE).contains(&side);
    if !(fits(width, MIN_SIZE.0) && fits(height, MIN_SIZE.1)) {
        return Err(RenderError::Size { width, height });
    }
    check_axis("x", chart.x)?;
    check_axis("y", chart.y)?;

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        draw(&root, chart)?;
        root.present()?;
    }
    Ok(with_title(svg, &clean(chart.title)))
}

const TEXT: RGBColor = RGBColor(17, 17, 17);
const MUTED: RGBColor = RGBColor(85, 85, 85);
const GRID: RGBColor = RGBColor(226, 226, 226);
const FRAME: RGBColor = RGBColor(136, 136, 136);
const FONT: &str = "sans-serif";
const PAD: i32 = 12;
const LEGEND_ROW: i32 = 20;
const CAPTION_ROW: i32 = 15;
const MAX_CAPTION_LINES: usize = 4;

/// The image's drawing area, and its plot's coordinates.
type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;
type Plot2d<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<AxisCoord, AxisCoord>>;

/// The whole image: the plot (title, axes, lines, markers) above a footer
/// (legend, caption).
fn draw(root: &Area, chart: &ChartImage) -> Result<(), RenderError> {
    root.fill(&WHITE)?;
    let (width, height) = root.dim_in_pixel();
    let (width, height) = (width as i32, height as i32);

    let legend_style = font(13).color(&TEXT);
    let caption_style = font(11).color(&MUTED);
    let legend = legend_layout(chart, &legend_style, width);
    let legend_h = legend.last().map_or(0, |entry| entry.1 + LEGEND_ROW);
    // The caption gets what is left of the bottom half after the legend.
    let room = ((height / 2 - legend_h - PAD) / CAPTION_ROW).max(0) as usize;
    let caption = wrap(
        &clean(chart.caption),
        &caption_style,
        width - 2 * PAD,
        room.min(MAX_CAPTION_LINES),
    );
    // The plot keeps at least half the image; a legend too long for the
    // rest (dozens of series) runs off the bottom rather than over the plot.
    let footer_h = (legend_h + CAPTION_ROW * caption.len() as i32 + PAD).min(height / 2);
    let (plot_area, footer) = root.split_vertically(height - footer_h);
    let plot_area = titled(plot_area, chart)?;
    let mut ctx = axes(&plot_area, chart, width, height - footer_h)?;
    lines(&mut ctx, chart)?;
    markers(&mut ctx, chart)?;
    draw_legend(&footer, chart, &legend, &legend_style)?;
    let caption_top = legend_h + PAD / 2;
    for (i, line) in caption.iter().enumerate() {
        let at = (PAD, caption_top + CAPTION_ROW * i as i32);
        footer.draw_text(line, &caption_style, at)?;
    }
    Ok(())
}

/// The title, centred on the image (ChartBuilder's caption centres between
/// margins); what is below it is the plot's.
fn titled<'a>(plot_area: Area<'a>, chart: &ChartImage) -> Result<Area<'a>, RenderError> {
    let title = clean(chart.title);
    if title.is_empty() {
        return Ok(plot_area);
    }
    // What `DrawingArea::titled` does, without its text measurement
    // (in the browser plotters measures with a styled <span>, which the
    // page's CSP forbids): the title centred at the top, 5 px down.
    let style = font(18).color(&TEXT).pos(Pos::new(HPos::Center, VPos::Top));
    let (w, _) = plot_area.dim_in_pixel();
    plot_area.draw_text(&title, &style, (w as i32 / 2, 5))?;
    Ok(plot_area
        .split_vertically(5 + text_size(&title, &style).1 as i32 + 5)
        .1)
}

/// The axes, their ticks, labels and grid, in a plot `plot_h` high.
fn axes<'a, 'b>(
    plot_area: &'a Area<'b>,
    chart: &ChartImage,
    width: i32,
    plot_h: i32,
) -> Result<Plot2d<'a, 'b>, RenderError> {
    // About as many ticks as the page's chart (x 6, y 5), fewer when small.
    let x = AxisCoord::new(chart.x, (width as usize / 110).clamp(2, 6));
    let mut y = AxisCoord::new(chart.y, (plot_h as usize / 60).clamp(2, 5));
    if let Some(at) = chart.y_ticks_at {
        // The page's ticks, those on the axis (as `Plot::y_ticks` keeps them).
        y.ticks = at
            .iter()
            .copied()
            .filter(|t| chart.y.contains(*t))
            .collect();
    }
    let tick_style = font(12).color(&MUTED);
    let tick_width = |ticks: &[f64], format: &dyn Fn(f64) -> String| {
        ticks
            .iter()
            .map(|&v| text_size(&clean(&format(v)), &tick_style).0)
            .max()
            .unwrap_or(0)
    };
    let y_tick_width = tick_width(&y.ticks, chart.y_tick);
    let y_desc_width = if chart.y_label.is_empty() { 0 } else { 22 };
    // The last x tick label is centred on the frame's right edge.
    let x_last = x
        .ticks
        .last()
        .map_or(0, |&v| tick_width(&[v], chart.x_tick));

    let mut builder = ChartBuilder::on(plot_area);
    builder
        .margin(PAD as u32)
        .margin_right(PAD as u32 + x_last / 2)
        .x_label_area_size(if chart.x_label.is_empty() { 24 } else { 44 })
        .y_label_area_size((y_tick_width + 12 + y_desc_width).min(width as u32 / 3));
    let mut ctx = builder.build_cartesian_2d(x, y)?;

    let x_label = clean(chart.x_label);
    let y_label = clean(chart.y_label);
    let x_tick = |v: &f64| clean(&(chart.x_tick)(*v));
    let y_tick = |v: &f64| clean(&(chart.y_tick)(*v));
    ctx.configure_mesh()
        .x_desc(x_label)
        .y_desc(y_label)
        .x_label_formatter(&x_tick)
        .y_label_formatter(&y_tick)
        .label_style(tick_style)
        .axis_desc_style(font(13).color(&TEXT))
        .bold_line_style(GRID)
        .light_line_style(TRANSPARENT)
        .axis_style(FRAME)
        .draw()?;
    Ok(ctx)
}

/// Each series' line, clipped to the plot, solid or dashed.
fn lines(ctx: &mut Plot2d, chart: &ChartImage) -> Result<(), RenderError> {
    for s in &chart.series {
        let style = colour(s).stroke_width(2);
        let runs = clip(s.points, chart.x, chart.y);
        if s.dashed {
            ctx.draw_series(
                runs.into_iter()
                    .map(|run| DashedPathElement::new(run, 8, 5, style)),
            )?;
        } else {
            ctx.draw_series(runs.into_iter().map(|run| PathElement::new(run, style)))?;
        }
    }
    Ok(())
}

/// The markers on the x axis: a dashed line each, and its label.
fn markers(ctx: &mut Plot2d, chart: &ChartImage) -> Result<(), RenderError> {
    let (y_lo, y_hi) = chart.y.bounds();
    let (plot_width, _) = ctx.plotting_area().dim_in_pixel();
    let marker_style = font(12).color(&TEXT);
    let visible = chart.markers.iter().filter(|m| chart.x.contains(m.x));
    for (i, m) in visible.enumerate() {
        let line = vec![(m.x, y_lo), (m.x, y_hi)];
        ctx.draw_series(std::iter::once(DashedPathElement::new(
            line,
            6,
            4,
            MUTED.stroke_width(1),
        )))?;
        // A label that would run past the frame hangs to the left of its
        // line instead; a three-row stagger keeps neighbours apart.
        let label_width = text_size(&clean(m.label), &marker_style).0;
        let at = chart.x.map(m.x, (0.0, f64::from(plot_width)));
        let right = at + 4.0 + f64::from(label_width) > f64::from(plot_width);
        let (dx, h) = if right {
            (-4, HPos::Right)
        } else {
            (4, HPos::Left)
        };
        let label = Text::new(
            clean(m.label),
            (dx, 4 + 15 * (i % 3) as i32),
            marker_style.pos(Pos::new(h, VPos::Top)),
        );
        ctx.draw_series(std::iter::once(EmptyElement::at((m.x, y_hi)) + label))?;
    }
    Ok(())
}

/// The legend in the footer: a sample of each line and its series' name,
/// at the places `legend_layout` gave them.
fn draw_legend(
    footer: &Area,
    chart: &ChartImage,
    legend: &[(i32, i32)],
    legend_style: &TextStyle,
) -> Result<(), RenderError> {
    for (s, &(left, top)) in chart.series.iter().zip(legend) {
        let mid = top + LEGEND_ROW / 2;
        let sample = vec![(left, mid), (left + 24, mid)];
        let style = colour(s).stroke_width(2);
        if s.dashed {
            footer.draw(&DashedPathElement::new(sample, 6, 4, style))?;
        } else {
            footer.draw(&PathElement::new(sample, style))?;
        }
        let name = legend_style.pos(Pos::new(HPos::Left, VPos::Center));
        footer.draw_text(&clean(s.name), &name, (left + 30, mid))?;
    }
    Ok(())
}

/// A `size`-pixel font: plotters' SVG backend writes `font-size` as the
/// requested size divided by 1.24, so ask for that much more.
fn font(size: u32) -> FontDesc<'static> {
    (FONT, f64::from(size) * 1.24).into_font()
}

fn colour(s: &ImageSeries) -> RGBColor {
    RGBColor(s.colour.0, s.colour.1, s.colour.2)
}

fn check_axis(name: &'static str, axis: Axis) -> Result<(), RenderError> {
    if axis.is_drawable() {
        Ok(())
    } else {
        Err(RenderError::Domain {
            axis: name,
            domain: axis,
        })
    }
}

/// Where each legend entry starts, `(left, top)` in the footer: entries run
/// left to right and wrap to a new row at the image's width.
fn legend_layout(chart: &ChartImage, style: &TextStyle, width: i32) -> Vec<(i32, i32)> {
    let mut at = Vec::with_capacity(chart.series.len());
    let (mut left, mut top) = (PAD, 0);
    for s in &chart.series {
        let (text_w, _) = text_size(&clean(s.name), style);
        let entry = 30 + text_w as i32 + 20;
        if left > PAD && left + entry > width - PAD {
            left = PAD;
            top += LEGEND_ROW;
        }
        at.push((left, top));
        left += entry;
    }
    at
}

/// Greedy word wrap of `text` into at most `max_lines` lines of `width`
/// pixels; a word too long for a line (a URL) is cut, and text that does not
/// fit ends in "…".
fn wrap(text: &str, style: &TextStyle, width: i32, max_lines: usize) -> Vec<String> {
    let fits = |s: &str| text_size(s, style).0 as i32 <= width;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut words: Vec<String> = text.split_whitespace().rev().map(str::to_owned).collect();
    while let Some(word) = words.pop() {
        let candidate = if line.is_empty() {
            word.clone()
        } else {
            format!("{line} {word}")
        };
        if fits(&candidate) {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            words.push(word);
            continue;
        }
        // A single word wider than the line: keep the longest prefix that
        // fits (at least one character) and wrap the rest.
        let chars: Vec<char> = word.chars().collect();
        let mut n = chars.len() - 1;
        while n > 1 && !fits(&chars[..n].iter().collect::<String>()) {
            n -= 1;
        }
        let n = n.max(1);
        lines.push(chars[..n].iter().collect());
        words.push(chars[n..].iter().collect());
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    lines
}

/// Text safe for one SVG `<text>` line: XML 1.0 forbids most control
/// characters outright (plotters escapes only `<>&"'`), and line breaks
/// would be collapsed anyway.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// Add a `<title>` (the document's name for viewers and screen readers)
/// right after the opening `<svg …>` tag.
fn with_title(mut svg: String, title: &str) -> String {
    if title.is_empty() {
        return svg;
    }
    if let Some(end) = svg.find('>') {
        let mut escaped = String::with_capacity(title.len());
        for c in title.chars() {
            match c {
                '<' => escaped.push_str("&lt;"),
                '>' => escaped.push_str("&gt;"),
                '&' => escaped.push_str("&amp;"),
                other => escaped.push(other),
            }
        }
        svg.insert_str(end + 1, &format!("\n<title>{escaped}</title>"));
    }
    svg
}

/// An [`Axis`] as a plotters coordinate, with the page chart's ticks.
struct AxisCoord {
    axis: Axis,
    ticks: Vec<f64>,
}

impl AxisCoord {
    /// `count` is the page chart's tick count for this axis (x 6, y 5).
    fn new(axis: Axis, count: usize) -> Self {
        Self {
            axis,
            ticks: axis.ticks_at_most(count),
        }
    }
}

impl Ranged for AxisCoord {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        // `as` saturates (NaN → 0), so a wild value cannot panic.
        self.axis
            .map(*value, (limit.0 as f64, limit.1 as f64))
            .round() as i32
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        // Grid lines and labels only at the ticks; no light grid.
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> Range<f64> {
        let (lo, hi) = self.axis.bounds();
        lo..hi
    }
}

/// The size of `text` in `style`, estimated from the font size (an average
/// sans-serif glyph is about 0.55 em wide), the same natively and in the
/// browser. plotters' own browser measurement adds a `<span>` with a style
/// attribute to the page, which the page's Content-Security-Policy
/// (`style-src 'self'`) forbids, and it panics where there is no `<body>`.
fn text_size(text: &str, style: &TextStyle) -> (u32, u32) {
    let size = style.font.get_size();
    let width = text.chars().count() as f64 * size * 0.55;
    (width.ceil() as u32, size.ceil() as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The downtime chart's image has the page's y ticks, a
    /// minute, an hour, a day and a week (60 s, 3,600 s, 86,400 s,
    /// 604,800 s), not the log axis's own decades (10^6 s is 11d 13h 46m
    /// 40s).
    #[test]
    fn image_y_ticks_are_the_pages() {
        let curve = [(1.0, 3.0e6), (6.0, 31.0)];
        let ticks = [1.0, 60.0, 3_600.0, 86_400.0, 604_800.0];
        let chart = ChartImage {
            title: "Allowed downtime per year",
            x_label: "nines",
            y_label: "downtime per year",
            x: Axis::Linear(1.0, 6.0),
            y: Axis::Log(10.0, 1e7),
            series: vec![ImageSeries {
                name: "downtime",
                points: &curve,
                colour: (0, 0, 0),
                dashed: false,
            }],
            markers: vec![],
            x_tick: &|v| format!("{v}"),
            y_tick: &nines_core::duration::format_duration,
            y_ticks_at: Some(&ticks),
            caption: "",
        };
        let svg = render_svg(&chart, 960, 540).unwrap();
        // plotters writes each label on a line of its own.
        let has = |label: &str| svg.contains(&format!(">\n{label}\n</text>"));
        for label in ["1m", "1h", "1d", "7d"] {
            assert!(has(label), "{label} missing");
        }
        // 1 s lies below the axis (10 s): left out.
        assert!(!has("1s"));
        assert!(!svg.contains("11d 13h"));
    }

    #[test]
    fn clean_removes_characters_xml_forbids() {
        assert_eq!(clean("a\u{1}b\nc"), "a b c");
    }
}
