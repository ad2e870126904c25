//! An interactive SVG line chart.
//!
//! Why SVG in `html!` rather than plotters here: SVG stays crisp at any zoom
//! and pixel ratio, every mark can carry ARIA and real event handlers (hover,
//! drag, keyboard), and it costs no canvas plumbing. The geometry (scales,
//! ticks, paths) is plain Rust in [`crate::geometry`], tested natively.
//! plotters is kept for rendered images, where a bitmap is the product.
//!
//! Hover or focus shows an exact readout (strings formatted by the core);
//! clicking or dragging (or Enter on a focused point) emits the x value
//! through `on_pick`; arrow keys move between points; a data table below the
//! chart is the text alternative.

use std::rc::Rc;

use yew::prelude::*;

use crate::geometry::{nearest_index, svg_path, Axis};

/// A point with its exact readout, formatted by the core.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartPoint {
    pub x: f64,
    pub y: f64,
    pub readout: String,
}

/// One line: its name, a CSS class for its colour and dash, and its points.
/// All series of a chart share the same x values.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: AttrValue,
    pub class: &'static str,
    pub points: Rc<Vec<ChartPoint>>,
}

/// A vertical marker (the current target, the optimum, today).
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub x: f64,
    pub label: AttrValue,
    pub class: &'static str,
}

/// How an axis writes its tick labels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TickFormat {
    /// A plain number, to two decimals at most (`3`, `3.5`).
    Number,
    /// Seconds as a duration (`1m`, `1h`, `1d`).
    Duration,
    /// A percentage of a fraction (`0.25` → `25%`).
    Percent,
    /// Money, short (`$500k`, `$1.5M`): axis labels stay narrow.
    Money,
}

impl TickFormat {
    /// The formatter as a plain function, for the downloadable image.
    fn as_fn(self) -> fn(f64) -> String {
        match self {
            TickFormat::Number => |v| TickFormat::Number.format(v),
            TickFormat::Duration => |v| TickFormat::Duration.format(v),
            TickFormat::Percent => |v| TickFormat::Percent.format(v),
            TickFormat::Money => |v| TickFormat::Money.format(v),
        }
    }

    /// The label for `v`.
    pub fn format(self, v: f64) -> String {
        match self {
            TickFormat::Number => format!("{}", (v * 100.0).round() / 100.0),
            TickFormat::Duration => nines_core::duration::format_duration(v),
            TickFormat::Percent => format!("{}%", (v * 1000.0).round() / 10.0),
            TickFormat::Money => nines_core::display::money_short(v),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub id: AttrValue,
    /// What the chart shows, in one sentence (also its accessible name).
    pub title: AttrValue,
    pub x_label: AttrValue,
    pub y_label: AttrValue,
    pub x_axis: Axis,
    pub y_axis: Axis,
    pub series: Vec<Series>,
    #[prop_or_default]
    pub markers: Vec<Marker>,
    /// How tick labels (and the data table's x column) are written.
    pub x_tick: TickFormat,
    pub y_tick: TickFormat,
    /// Tick values for the y axis, instead of the axis's own (e.g. 1 s, 1 min, 1 h, 1 d).
    #[prop_or_default]
    pub y_ticks_at: Option<Vec<f64>>,
    /// Header of the x column in the data table.
    pub x_heading: AttrValue,
    /// Set the x value from the chart (click, drag, Enter). `None`: read-only.
    #[prop_or_default]
    pub on_pick: Option<Callback<f64>>,
}

const W: f64 = 640.0;
const H: f64 = 300.0;
const LEFT: f64 = 72.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 44.0;

#[function_component(LineChart)]
pub fn line_chart(props: &ChartProps) -> Html {
    // A chart is drawn one task after it is first mounted: the figures
    // beside it show first (and the page's first paint does not wait for
    // the curves); until then an empty frame of the same size holds its place.
    let drawn = use_state(|| false);
    {
        let drawn = drawn.clone();
        use_effect_with((), move |_| {
            gloo::timers::callback::Timeout::new(0, move || drawn.set(true)).forget();
        });
    }
    let cursor = use_state(|| None::<usize>);
    let dragging = use_mut_ref(|| false);
    // The data table's rows are built only while it is open: closed, they
    // would be most of the page's DOM and of every update's diff.
    let (table_open, ontoggle) = super::disclosure::use_open();
    let svg_ref = use_node_ref();
    let xr = (LEFT, W - RIGHT);
    let yr = (H - BOTTOM, TOP);
    // The x values the cursor steps through: those of the longest series
    // (series may cover different ranges, e.g. alerts that cannot fire below
    // their threshold).
    let xs: Vec<f64> = props
        .series
        .iter()
        .max_by_key(|s| s.points.len())
        .map(|s| s.points.iter().map(|p| p.x).collect())
        .unwrap_or_default();

    // Pointer → domain x, using the SVG's on-screen box (any zoom, any size).
    let to_x = {
        let svg_ref = svg_ref.clone();
        let x_axis = props.x_axis;
        move |e: &PointerEvent| -> Option<f64> {
            let el = svg_ref.cast::<web_sys::Element>()?;
            let rect = el.get_bounding_client_rect();
            if rect.width() <= 0.0 {
                return None;
            }
            let px = (e.client_x() as f64 - rect.left()) / rect.width() * W;
            let (a, b) = x_axis.bounds();
            Some(
                x_axis
                    .invert(px.clamp(xr.0, xr.1), xr)
                    .clamp(a.min(b), a.max(b)),
            )
        }
    };
    let onpointermove = {
        let cursor = cursor.clone();
        let dragging = dragging.clone();
        let xs = xs.clone();
        let on_pick = props.on_pick.clone();
        let to_x = to_x.clone();
        Callback::from(move |e: PointerEvent| {
            if let Some(x) = to_x(&e) {
                cursor.set(nearest_index(&xs, x));
                if *dragging.borrow() {
                    if let Some(pick) = &on_pick {
                        pick.emit(x);
                    }
                }
            }
        })
    };
    let onpointerdown = {
        let dragging = dragging.clone();
        let on_pick = props.on_pick.clone();
        Callback::from(move |e: PointerEvent| {
            if let (Some(pick), Some(x)) = (&on_pick, to_x(&e)) {
                *dragging.borrow_mut() = true;
                pick.emit(x);
            }
        })
    };
    let stop = {
        let dragging = dragging.clone();
        Callback::from(move |_: PointerEvent| *dragging.borrow_mut() = false)
    };
    let onpointerleave = {
        let cursor = cursor.clone();
        Callback::from(move |_: PointerEvent| {
            *dragging.borrow_mut() = false;
            cursor.set(None);
        })
    };
    let onkeydown = {
        let cursor = cursor.clone();
        let xs = xs.clone();
        let on_pick = props.on_pick.clone();
        Callback::from(move |e: KeyboardEvent| {
            let last = xs.len().saturating_sub(1);
            let at = (*cursor).unwrap_or(0);
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowUp" => Some((at + 1).min(last)),
                "ArrowLeft" | "ArrowDown" => Some(at.saturating_sub(1)),
                "Home" => Some(0),
                "End" => Some(last),
                "Enter" | " " => {
                    if let (Some(pick), Some(x)) = (&on_pick, xs.get(at)) {
                        pick.emit(*x);
                    }
                    None
                }
                _ => return,
            };
            e.prevent_default();
            if let Some(i) = next {
                if !xs.is_empty() {
                    cursor.set(Some(i));
                }
            }
        })
    };
    let onfocus = {
        let cursor = cursor.clone();
        let empty = xs.is_empty();
        Callback::from(move |_: FocusEvent| {
            if cursor.is_none() && !empty {
                cursor.set(Some(0));
            }
        })
    };

    let y_ticks = match &props.y_ticks_at {
        Some(at) => {
            let (a, b) = props.y_axis.bounds();
            at.iter()
                .copied()
                .filter(|t| *t >= a.min(b) && *t <= a.max(b))
                .collect()
        }
        None => props.y_axis.ticks(5),
    };
    let readout = (*cursor).map(|i| {
        props
            .series
            .iter()
            .filter_map(|s| {
                s.points
                    .get(i)
                    .map(|p| format!("{}: {}", s.name, p.readout))
            })
            .collect::<Vec<_>>()
            .join(" · ")
    });
    let interactive = props.on_pick.is_some();
    let hint = if interactive {
        "Hover or use the arrow keys to read values; click, drag or press Enter to set the target."
    } else {
        "Hover or use the arrow keys to read values."
    };
    let readout_id = format!("{}-readout", props.id);
    if !*drawn {
        return html! {
            <figure class="chart" id={props.id.clone()}>
                <figcaption>{ &props.title }</figcaption>
                <svg viewBox={format!("0 0 {W} {H}")} class="chart-svg chart-placeholder" aria-hidden="true" />
            </figure>
        };
    }

    html! {
        <figure class="chart" id={props.id.clone()}>
            <figcaption>{ &props.title }</figcaption>
            // The markers and the cursor are drawn in a second SVG laid over
            // the first: moving them (every change of target) then lays out
            // and repaints a few elements, not the grid and the curves.
            <div class="chart-frame">
            <svg
                ref={svg_ref}
                viewBox={format!("0 0 {W} {H}")}
                role="img"
                aria-label={format!("{} ({})", props.title, hint)}
                aria-describedby={readout_id.clone()}
                tabindex="0"
                class={classes!("chart-svg", interactive.then_some("pickable"))}
                {onpointermove}
                {onpointerdown}
                onpointerup={stop.clone()}
                onpointercancel={stop}
                {onpointerleave}
                {onkeydown}
                {onfocus}
            >
                <Plot x_axis={props.x_axis} y_axis={props.y_axis} {y_ticks}
                    x_tick={props.x_tick} y_tick={props.y_tick}
                    x_label={props.x_label.clone()} y_label={props.y_label.clone()}
                    series={props.series.clone()} />
            </svg>
            <svg viewBox={format!("0 0 {W} {H}")} class="chart-svg chart-overlay" aria-hidden="true">
                { for props.markers.iter().enumerate().map(|(i, m)| {
                    let x = props.x_axis.map(m.x, xr);
                    // Stack the labels so neighbouring markers stay legible.
                    let label_y = TOP + 12.0 + 16.0 * i as f64;
                    html! { <g class={classes!("marker", m.class)}>
                        <line x1={x.to_string()} x2={x.to_string()} y1={TOP.to_string()} y2={(H - BOTTOM).to_string()} />
                        <text x={(x + 4.0).to_string()} y={label_y.to_string()}>{ &m.label }</text>
                    </g> }
                }) }
                if let Some(i) = *cursor {
                    if let Some(x) = xs.get(i) {
                        <g class="cursor">
                            <line x1={props.x_axis.map(*x, xr).to_string()} x2={props.x_axis.map(*x, xr).to_string()} y1={TOP.to_string()} y2={(H - BOTTOM).to_string()} />
                            { for props.series.iter().filter_map(|s| point_at(s, *x).map(|p| (s.class, p))).map(|(class, p)| html! {
                                <circle class={class} cx={props.x_axis.map(p.x, xr).to_string()} cy={props.y_axis.map(p.y, yr).to_string()} r="4" />
                            }) }
                        </g>
                    }
                }
            </svg>
            </div>
            <p class="readout" id={readout_id} aria-live="polite">
                { readout.unwrap_or_else(|| hint.to_string()) }
            </p>
            <ul class="legend">
                { for props.series.iter().map(|s| html! { <li class={s.class}>{ &s.name }</li> }) }
            </ul>
            <div class="chart-downloads">
                <button type="button" class="download-svg" onclick={download(props, Image::Svg)}>{ "Download SVG" }</button>
                <button type="button" class="download-png" onclick={download(props, Image::Png)}>{ "Download PNG (2×)" }</button>
            </div>
            <details class="data-table" open={table_open} {ontoggle}>
                <summary>{ "Data table" }</summary>
                if table_open {
                <table>
                    <thead><tr>
                        <th scope="col">{ &props.x_heading }</th>
                        { for props.series.iter().map(|s| html! { <th scope="col">{ &s.name }</th> }) }
                    </tr></thead>
                    <tbody>
                        { for xs.iter().map(|x| html! { <tr>
                            <th scope="row">{ props.x_tick.format(*x) }</th>
                            { for props.series.iter().map(|s| html! {
                                <td class="num">{ point_at(s, *x).map(|p| p.readout.clone()).unwrap_or_else(|| "—".into()) }</td>
                            }) }
                        </tr> }) }
                    </tbody>
                </table>
                }
            </details>
        </figure>
    }
}

#[derive(Properties, PartialEq)]
struct PlotProps {
    x_axis: Axis,
    y_axis: Axis,
    y_ticks: Vec<f64>,
    x_tick: TickFormat,
    y_tick: TickFormat,
    x_label: AttrValue,
    y_label: AttrValue,
    series: Vec<Series>,
}

/// The chart's grid, axis labels and lines: everything but the markers and
/// the cursor. Its own component, so Yew skips it when its props are equal
/// (most edits move a marker; the curves stay).
#[function_component(Plot)]
fn plot(p: &PlotProps) -> Html {
    let xr = (LEFT, W - RIGHT);
    let yr = (H - BOTTOM, TOP);
    let x_ticks = p.x_axis.ticks(6);
    let y_ticks = &p.y_ticks;
    html! {
            <g class="plot">
                <g class="grid">
                    { for y_ticks.iter().map(|t| {
                        let y = p.y_axis.map(*t, yr);
                        html! { <g>
                            <line x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={y.to_string()} y2={y.to_string()} />
                            <text class="tick" x={(LEFT - 6.0).to_string()} y={(y + 4.0).to_string()} text-anchor="end">{ p.y_tick.format(*t) }</text>
                        </g> }
                    }) }
                    { for x_ticks.iter().map(|t| {
                        let x = p.x_axis.map(*t, xr);
                        html! { <g>
                            <line x1={x.to_string()} x2={x.to_string()} y1={TOP.to_string()} y2={(H - BOTTOM).to_string()} />
                            <text class="tick" x={x.to_string()} y={(H - BOTTOM + 16.0).to_string()} text-anchor="middle">{ p.x_tick.format(*t) }</text>
                        </g> }
                    }) }
                </g>
                <text class="axis-label" x={((LEFT + W - RIGHT) / 2.0).to_string()} y={(H - 6.0).to_string()} text-anchor="middle">{ &p.x_label }</text>
                <text class="axis-label" transform={format!("translate(14 {}) rotate(-90)", (TOP + H - BOTTOM) / 2.0)} text-anchor="middle">{ &p.y_label }</text>
                { for p.series.iter().map(|s| {
                    let pts: Vec<(f64, f64)> = s.points.iter()
                        .map(|pt| (p.x_axis.map(pt.x, xr), p.y_axis.map(pt.y, yr)))
                        .collect();
                    html! { <path class={classes!("series", s.class)} d={svg_path(&pts)} /> }
                }) }
            </g>
    }
}

/// The point of `s` at `x`: its nearest point, when `x` lies within the
/// series' range (otherwise the series has no value there).
fn point_at(s: &Series, x: f64) -> Option<&ChartPoint> {
    let xs: Vec<f64> = s.points.iter().map(|p| p.x).collect();
    let (lo, hi) = xs
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(*v), hi.max(*v))
        });
    if !(lo..=hi).contains(&x) {
        return None;
    }
    nearest_index(&xs, x).and_then(|i| s.points.get(i))
}

/// The size of the downloadable image, CSS pixels (the PNG doubles it).
const IMAGE_SIZE: (u32, u32) = (960, 540);

#[derive(Clone, Copy)]
enum Image {
    Svg,
    Png,
}

/// The series' colour in the image (the light theme's, on white).
fn image_colour(class: &str) -> (u8, u8, u8) {
    match class {
        "s2" => (0xb4, 0x53, 0x1b),
        "s3" => (0x2e, 0x7d, 0x4f),
        _ => (0x24, 0x56, 0xa6),
    }
}

/// What the downloadable image needs of a chart: a cheap snapshot (the
/// series are shared), drawn only when a download button is pressed.
#[derive(Clone)]
struct ImageSpec {
    title: AttrValue,
    x_label: AttrValue,
    y_label: AttrValue,
    x: Axis,
    y: Axis,
    series: Vec<Series>,
    markers: Vec<Marker>,
    x_tick: TickFormat,
    y_tick: TickFormat,
}

impl ImageSpec {
    fn of(props: &ChartProps) -> Self {
        ImageSpec {
            title: props.title.clone(),
            x_label: props.x_label.clone(),
            y_label: props.y_label.clone(),
            x: props.x_axis,
            y: props.y_axis,
            series: props.series.clone(),
            markers: props.markers.clone(),
            x_tick: props.x_tick,
            y_tick: props.y_tick,
        }
    }

    /// The chart as a standalone SVG document drawn by plotters
    /// ([`crate::render::render_svg`]), captioned with the scenario's link.
    fn svg(&self) -> Result<String, String> {
        let points: Vec<Vec<(f64, f64)>> = self
            .series
            .iter()
            .map(|s| s.points.iter().map(|p| (p.x, p.y)).collect())
            .collect();
        let href = gloo::utils::window().location().href().unwrap_or_default();
        let caption = format!("Nines — {href}");
        let chart = crate::render::ChartImage {
            title: &self.title,
            x_label: &self.x_label,
            y_label: &self.y_label,
            x: self.x,
            y: self.y,
            series: self
                .series
                .iter()
                .zip(&points)
                .map(|(s, pts)| crate::render::ImageSeries {
                    name: &s.name,
                    points: pts,
                    colour: image_colour(s.class),
                    dashed: s.class != "s1",
                })
                .collect(),
            markers: self
                .markers
                .iter()
                .map(|m| crate::render::ImageMarker {
                    x: m.x,
                    label: &m.label,
                })
                .collect(),
            x_tick: self.x_tick.as_fn(),
            y_tick: self.y_tick.as_fn(),
            caption: &caption,
        };
        crate::render::render_svg(&chart, IMAGE_SIZE.0, IMAGE_SIZE.1).map_err(|e| e.to_string())
    }
}

/// A click handler that downloads the chart as SVG, or as a PNG at twice
/// the pixels (the SVG drawn onto a canvas by the browser).
fn download(props: &ChartProps, kind: Image) -> Callback<MouseEvent> {
    let spec = ImageSpec::of(props);
    let stem = props.id.to_string();
    Callback::from(move |_: MouseEvent| {
        let svg = match spec.svg() {
            Ok(svg) => svg,
            Err(e) => {
                web_sys::console::warn_1(
                    &format!("Nines: this chart cannot be drawn as an image: {e}").into(),
                );
                return;
            }
        };
        match kind {
            Image::Svg => {
                crate::browser::download(&format!("nines-{stem}.svg"), "image/svg+xml", &svg)
            }
            Image::Png => png(svg, format!("nines-{stem}.png")),
        }
    })
}

/// Rasterise the SVG at 2× on a canvas and download it as a PNG.
fn png(svg: String, name: String) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let document = gloo::utils::document();
    let (Ok(img), Ok(canvas)) = (
        document.create_element("img"),
        document.create_element("canvas"),
    ) else {
        return;
    };
    let img: web_sys::HtmlImageElement = img.unchecked_into();
    let canvas: web_sys::HtmlCanvasElement = canvas.unchecked_into();
    canvas.set_width(IMAGE_SIZE.0 * 2);
    canvas.set_height(IMAGE_SIZE.1 * 2);
    let url = gloo::file::ObjectUrl::from(gloo::file::Blob::new_with_options(
        svg.as_str(),
        Some("image/svg+xml"),
    ));
    let src = url.to_string();
    let loaded = img.clone();
    let onload = Closure::once(move || {
        let _keep = url; // the blob: URL lives until the image has loaded
        let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let _ = ctx.scale(2.0, 2.0);
        let _ = ctx.draw_image_with_html_image_element(&loaded, 0.0, 0.0);
        let done = Closure::once(move |blob: Option<web_sys::Blob>| {
            if let Some(blob) = blob {
                let url = gloo::file::ObjectUrl::from(gloo::file::Blob::from(blob));
                crate::browser::download_blob(url, &name);
            }
        });
        let _ = canvas.to_blob_with_type(done.as_ref().unchecked_ref(), "image/png");
        done.forget();
    });
    img.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    img.set_src(&src);
}
