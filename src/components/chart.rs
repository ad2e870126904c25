//! An interactive SVG line chart, in three parts:
//!
//! * **the model**: what a chart shows ([`Series`] of [`ChartPoint`]s with
//!   their readouts, [`Marker`]s, [`TickFormat`]s), placed in the chart's
//!   frame by [`crate::geometry::Plot`] (scales, ticks, lines, the pointer
//!   read back: plain Rust, tested natively);
//! * **the interactive SVG** ([`LineChart`]): hover or focus shows an exact
//!   readout (strings formatted by the core); clicking or dragging (or Enter
//!   on a focused point) emits the x value through `on_pick`; arrow keys
//!   move between points; a data table below the chart is the text
//!   alternative;
//! * **the image download**: the same series, described to the second
//!   module, which draws them with plotters (`nines_charts::render`) as an
//!   SVG document; a PNG is that document rasterised by the browser.
//!
//! Why SVG in `html!` rather than plotters on the page: SVG stays crisp at
//! any zoom and pixel ratio, every mark can carry ARIA and real event
//! handlers (hover, drag, keyboard), and it costs no canvas plumbing.
//! plotters is kept for rendered images, where a bitmap is the product.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::geometry::{index_within, nearest_index, Axis, Frame, Plot};

// The model ---------------------------------------------------------------

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

/// How an axis writes its tick labels (shared with the image).
pub use nines_charts::image::TickFormat;

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

impl ChartProps {
    /// The chart's axes in `frame`.
    fn plot(&self, frame: Frame) -> Plot {
        Plot {
            frame,
            x: self.x_axis,
            y: self.y_axis,
        }
    }

    /// Where the keyboard's cursor starts: at the target's marker when the
    /// chart has one (so ArrowRight then Enter moves from the target, not
    /// from the chart's left end), else at the first point.
    fn start_index(&self, xs: &[f64]) -> usize {
        self.markers
            .iter()
            .find(|m| m.class == "target")
            .and_then(|m| nearest_index(xs, m.x))
            .unwrap_or(0)
    }

    /// The x values the cursor steps through: those of the longest series
    /// (series may cover different ranges, e.g. alerts that cannot fire
    /// below their threshold).
    fn cursor_xs(&self) -> Vec<f64> {
        self.series
            .iter()
            .max_by_key(|s| s.points.len())
            .map(|s| s.points.iter().map(|p| p.x).collect())
            .unwrap_or_default()
    }

    /// Every series' readout at the cursor's point `i`, joined.
    fn readout(&self, i: usize) -> String {
        self.series
            .iter()
            .filter_map(|s| {
                s.points
                    .get(i)
                    .map(|p| format!("{}: {}", s.name, p.readout))
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// The point of `s` at `x`: its nearest point, when `x` lies within the
/// series' range (otherwise the series has no value there).
fn point_at(s: &Series, x: f64) -> Option<&ChartPoint> {
    let xs: Vec<f64> = s.points.iter().map(|p| p.x).collect();
    index_within(&xs, x).and_then(|i| s.points.get(i))
}

// The interactive SVG -----------------------------------------------------

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
    // The SVG's width on screen, CSS pixels: the frame is drawn that wide
    // (Frame::fitted), so text is never scaled below its size on a phone.
    let width = use_state_eq(|| None::<i32>);
    // The data table's rows are built only while it is open: closed, they
    // would be most of the page's DOM and of every update's diff.
    let (table_open, ontoggle) = super::disclosure::use_open();
    let svg_ref = use_node_ref();
    {
        // Measured once drawn and again whenever the window is resized.
        let (svg, width) = (svg_ref.clone(), width.clone());
        use_effect_with((), move |_| {
            let measure = move || {
                if let Some(el) = svg.cast::<web_sys::Element>() {
                    let w = el.get_bounding_client_rect().width();
                    if w > 0.0 {
                        width.set(Some(w.floor() as i32));
                    }
                }
            };
            let first = measure.clone();
            gloo::timers::callback::Timeout::new(0, first).forget();
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "resize", move |_| {
                    measure()
                });
            move || drop(listener)
        });
    }
    let frame = (*width).map_or(Frame::CHART, |w| Frame::fitted(f64::from(w)));
    let view_box = format!("0 0 {} {}", frame.width, frame.height);
    if !*drawn {
        return placeholder(props, svg_ref, view_box);
    }
    let plot = props.plot(frame);
    let xs = Rc::new(props.cursor_xs());
    let on = Handlers::new(Pointer {
        plot,
        svg: svg_ref.clone(),
        cursor: cursor.clone(),
        dragging,
        start: props.start_index(&xs),
        xs: xs.clone(),
        on_pick: props.on_pick.clone(),
    });
    let interactive = props.on_pick.is_some();
    let hint = if interactive {
        "Hover or use the arrow keys to read values; click, drag or press Enter to set the target."
    } else {
        "Hover or use the arrow keys to read values."
    };
    let readout_id = format!("{}-readout", props.id);
    let cursor_x = (*cursor).and_then(|i| xs.get(i).copied());

    html! {
        <figure class="chart" id={props.id.clone()}>
            <figcaption>{ &props.title }</figcaption>
            // The markers and the cursor are drawn in a second SVG laid over
            // the first: moving them (every change of target) then lays out
            // and repaints a few elements, not the grid and the curves.
            <div class="chart-frame">
            <svg
                ref={svg_ref}
                viewBox={view_box.clone()}
                role="img"
                aria-label={format!("{} ({})", props.title, hint)}
                aria-describedby={readout_id.clone()}
                tabindex="0"
                class={classes!("chart-svg", interactive.then_some("pickable"))}
                onpointermove={on.pointer_move}
                onpointerdown={on.pointer_down}
                onpointerup={on.stop.clone()}
                onpointercancel={on.stop}
                onpointerleave={on.pointer_leave}
                onkeydown={on.key_down}
                onfocus={on.focus}
            >
                <Drawing {plot} y_ticks_at={props.y_ticks_at.clone()}
                    x_tick={props.x_tick} y_tick={props.y_tick}
                    x_label={props.x_label.clone()} y_label={props.y_label.clone()}
                    series={props.series.clone()} />
            </svg>
            <svg viewBox={view_box} class="chart-svg chart-overlay" aria-hidden="true">
                { overlay(&plot, &props.markers, &props.series, cursor_x) }
            </svg>
            </div>
            <p class="readout" id={readout_id} aria-live="polite">
                { (*cursor).map_or_else(|| hint.to_string(), |i| props.readout(i)) }
            </p>
            { legend(&props.series) }
            { downloads(props) }
            { table_details(props, &xs, table_open, ontoggle) }
        </figure>
    }
}

/// An empty frame of the chart's size, holding its place until it is drawn.
fn placeholder(props: &ChartProps, svg_ref: NodeRef, view_box: String) -> Html {
    html! {
        <figure class="chart" id={props.id.clone()}>
            <figcaption>{ &props.title }</figcaption>
            <svg ref={svg_ref} viewBox={view_box} class="chart-svg chart-placeholder" aria-hidden="true" />
        </figure>
    }
}

/// Each series' name in its colour and dash.
fn legend(series: &[Series]) -> Html {
    html! {
        <ul class="legend">
            { for series.iter().map(|s| html! { <li class={s.class}>{ &s.name }</li> }) }
        </ul>
    }
}

/// The chart as an image to download.
fn downloads(props: &ChartProps) -> Html {
    html! {
        <div class="chart-downloads">
            <button type="button" class="download-svg" onclick={download(props, Image::Svg)}>{ "Download SVG" }</button>
            <button type="button" class="download-png" onclick={download(props, Image::Png)}>{ "Download PNG (2×)" }</button>
        </div>
    }
}

/// The data table, its rows built only while it is open.
fn table_details(props: &ChartProps, xs: &[f64], open: bool, ontoggle: Callback<Event>) -> Html {
    html! {
        <details class="data-table" {open} {ontoggle}>
            <summary>{ "Data table" }</summary>
            if open {
                { data_table(props, xs) }
            }
        </details>
    }
}

/// What the pointer and the keyboard act on.
struct Pointer {
    plot: Plot,
    svg: NodeRef,
    cursor: UseStateHandle<Option<usize>>,
    dragging: Rc<RefCell<bool>>,
    xs: Rc<Vec<f64>>,
    /// The cursor's index when the keyboard first moves it.
    start: usize,
    on_pick: Option<Callback<f64>>,
}

impl Pointer {
    /// The x value under the pointer, read with the SVG's on-screen box
    /// (any zoom, any size).
    fn x(&self, e: &PointerEvent) -> Option<f64> {
        let el = self.svg.cast::<web_sys::Element>()?;
        let rect = el.get_bounding_client_rect();
        if rect.width() <= 0.0 {
            return None;
        }
        Some(
            self.plot
                .x_under((e.client_x() as f64 - rect.left()) / rect.width()),
        )
    }

    fn pick(&self, x: f64) {
        if let Some(pick) = &self.on_pick {
            pick.emit(x);
        }
    }
}

/// The chart's event handlers: hover and drag, the keyboard, focus.
struct Handlers {
    pointer_move: Callback<PointerEvent>,
    pointer_down: Callback<PointerEvent>,
    stop: Callback<PointerEvent>,
    pointer_leave: Callback<PointerEvent>,
    key_down: Callback<KeyboardEvent>,
    focus: Callback<FocusEvent>,
}

impl Handlers {
    fn new(p: Pointer) -> Self {
        let p = Rc::new(p);
        let pointer_move = {
            let p = p.clone();
            Callback::from(move |e: PointerEvent| {
                if let Some(x) = p.x(&e) {
                    p.cursor.set(nearest_index(&p.xs, x));
                    if *p.dragging.borrow() {
                        p.pick(x);
                    }
                }
            })
        };
        let pointer_down = {
            let p = p.clone();
            Callback::from(move |e: PointerEvent| {
                if p.on_pick.is_none() {
                    return;
                }
                if let Some(x) = p.x(&e) {
                    *p.dragging.borrow_mut() = true;
                    p.pick(x);
                }
            })
        };
        let stop = {
            let p = p.clone();
            Callback::from(move |_: PointerEvent| *p.dragging.borrow_mut() = false)
        };
        let pointer_leave = {
            let p = p.clone();
            Callback::from(move |_: PointerEvent| {
                *p.dragging.borrow_mut() = false;
                p.cursor.set(None);
            })
        };
        let key_down = {
            let p = p.clone();
            Callback::from(move |e: KeyboardEvent| {
                let last = p.xs.len().saturating_sub(1);
                let at = (*p.cursor).unwrap_or(p.start);
                let next = match e.key().as_str() {
                    "ArrowRight" | "ArrowUp" => Some((at + 1).min(last)),
                    "ArrowLeft" | "ArrowDown" => Some(at.saturating_sub(1)),
                    "Home" => Some(0),
                    "End" => Some(last),
                    "Enter" | " " => {
                        if let Some(x) = p.xs.get(at) {
                            p.pick(*x);
                        }
                        None
                    }
                    _ => return,
                };
                e.prevent_default();
                if let Some(i) = next {
                    if !p.xs.is_empty() {
                        p.cursor.set(Some(i));
                    }
                }
            })
        };
        let focus = Callback::from(move |_: FocusEvent| {
            if p.cursor.is_none() && !p.xs.is_empty() {
                p.cursor.set(Some(p.start.min(p.xs.len() - 1)));
            }
        });
        Handlers {
            pointer_move,
            pointer_down,
            stop,
            pointer_leave,
            key_down,
            focus,
        }
    }
}

/// The markers, and the cursor's line and points at `cursor_x`.
fn overlay(plot: &Plot, markers: &[Marker], series: &[Series], cursor_x: Option<f64>) -> Html {
    let (top, bottom) = (plot.frame.top, plot.frame.height - plot.frame.bottom);
    let upright = |x: f64| {
        html! { <line x1={x.to_string()} x2={x.to_string()} y1={top.to_string()} y2={bottom.to_string()} /> }
    };
    html! { <>
        { for markers.iter().enumerate().map(|(i, m)| {
            let x = plot.x_at(m.x);
            let (label_x, anchor) = plot.marker_label_x(x, m.label.chars().count());
            html! { <g class={classes!("marker", m.class)}>
                { upright(x) }
                <text x={label_x.to_string()} y={plot.marker_label_y(i).to_string()} text-anchor={anchor}>{ &m.label }</text>
            </g> }
        }) }
        if let Some(x) = cursor_x {
            <g class="cursor">
                { upright(plot.x_at(x)) }
                { for series.iter().filter_map(|s| point_at(s, x).map(|p| (s.class, p))).map(|(class, p)| html! {
                    <circle class={class} cx={plot.x_at(p.x).to_string()} cy={plot.y_at(p.y).to_string()} r="4" />
                }) }
            </g>
        }
    </> }
}

/// The text alternative: one row per cursor position, one column per series.
fn data_table(props: &ChartProps, xs: &[f64]) -> Html {
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={format!("Data table: {}", props.title)}>
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
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct DrawingProps {
    plot: Plot,
    y_ticks_at: Option<Vec<f64>>,
    x_tick: TickFormat,
    y_tick: TickFormat,
    x_label: AttrValue,
    y_label: AttrValue,
    series: Vec<Series>,
}

/// The chart's grid, axis labels and lines: everything but the markers and
/// the cursor. Its own component, so Yew skips it when its props are equal
/// (most edits move a marker; the curves stay).
#[function_component(Drawing)]
fn drawing(p: &DrawingProps) -> Html {
    let f = p.plot.frame;
    let (left, right) = f.x_range();
    let (bottom, top) = f.y_range();
    html! {
            <g class="plot">
                <g class="grid">
                    { for p.plot.y_ticks(p.y_ticks_at.as_deref()).into_iter().map(|t| html! { <g>
                        <line x1={left.to_string()} x2={right.to_string()} y1={t.at.to_string()} y2={t.at.to_string()} />
                        <text class="tick" x={(left - 6.0).to_string()} y={(t.at + 4.0).to_string()} text-anchor="end">{ p.y_tick.format(t.value) }</text>
                    </g> }) }
                    { for p.plot.x_ticks().into_iter().map(|t| html! { <g>
                        <line x1={t.at.to_string()} x2={t.at.to_string()} y1={top.to_string()} y2={bottom.to_string()} />
                        <text class="tick" x={t.at.to_string()} y={(bottom + 16.0).to_string()} text-anchor="middle">{ p.x_tick.format(t.value) }</text>
                    </g> }) }
                </g>
                <text class="axis-label" x={((left + right) / 2.0).to_string()} y={(f.height - 6.0).to_string()} text-anchor="middle">{ &p.x_label }</text>
                <text class="axis-label" transform={format!("translate(14 {}) rotate(-90)", (top + bottom) / 2.0)} text-anchor="middle">{ &p.y_label }</text>
                { for p.series.iter().map(|s| html! {
                    <path class={classes!("series", s.class)} d={p.plot.line(s.points.iter().map(|pt| (pt.x, pt.y)))} />
                }) }
            </g>
    }
}

// The image download ------------------------------------------------------

/// The size of the downloadable image, CSS pixels (the PNG doubles it).
const IMAGE_SIZE: (u32, u32) = (960, 540);
/// How many PNG pixels a CSS pixel of the image becomes.
const PNG_SCALE: u32 = 2;

#[derive(Clone, Copy)]
enum Image {
    Svg,
    Png,
}

/// The series' colour in the image (the light theme's, on white).
fn image_colour(class: &str) -> (u8, u8, u8) {
    match class {
        "s2" => (0xb4, 0x53, 0x1b),
        "s3" | "sum" => (0x2e, 0x7d, 0x4f),
        _ => (0x24, 0x56, 0xa6),
    }
}

/// What the downloadable image needs of a chart: a cheap snapshot (the
/// series are shared), drawn only when a download button is pressed.
#[derive(Clone)]
struct ImageOf {
    title: AttrValue,
    x_label: AttrValue,
    y_label: AttrValue,
    x: Axis,
    y: Axis,
    series: Vec<Series>,
    markers: Vec<Marker>,
    x_tick: TickFormat,
    y_tick: TickFormat,
    y_ticks_at: Option<Vec<f64>>,
}

impl ImageOf {
    fn of(props: &ChartProps) -> Self {
        ImageOf {
            title: props.title.clone(),
            x_label: props.x_label.clone(),
            y_label: props.y_label.clone(),
            x: props.x_axis,
            y: props.y_axis,
            series: props.series.clone(),
            markers: props.markers.clone(),
            x_tick: props.x_tick,
            y_tick: props.y_tick,
            y_ticks_at: props.y_ticks_at.clone(),
        }
    }

    /// The image's description for the second module, which draws it with
    /// plotters, captioned with the scenario's link; as JSON.
    fn json(&self) -> String {
        let href = gloo::utils::window().location().href().unwrap_or_default();
        let spec = nines_charts::image::ImageSpec {
            title: self.title.to_string(),
            x_label: self.x_label.to_string(),
            y_label: self.y_label.to_string(),
            x: self.x,
            y: self.y,
            series: self
                .series
                .iter()
                .map(|s| nines_charts::image::SpecSeries {
                    name: s.name.to_string(),
                    points: s.points.iter().map(|p| (p.x, p.y)).collect(),
                    colour: image_colour(s.class),
                    dashed: s.class != "s1",
                })
                .collect(),
            markers: self
                .markers
                .iter()
                .map(|m| nines_charts::image::SpecMarker {
                    x: m.x,
                    label: m.label.to_string(),
                })
                .collect(),
            x_tick: self.x_tick,
            y_tick: self.y_tick,
            y_ticks_at: self.y_ticks_at.clone(),
            caption: format!("Nines — {href}"),
            width: IMAGE_SIZE.0,
            height: IMAGE_SIZE.1,
        };
        serde_json::to_string(&spec).unwrap_or_default()
    }
}

/// A click handler that downloads the chart as SVG, or as a PNG at twice
/// the pixels (the SVG drawn onto a canvas by the browser).
fn download(props: &ChartProps, kind: Image) -> Callback<MouseEvent> {
    let spec = ImageOf::of(props);
    let stem = props.id.to_string();
    Callback::from(move |_: MouseEvent| {
        let (json, stem) = (spec.json(), stem.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let svg = match crate::browser::chart_svg(&json).await {
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
                Image::Png => crate::browser::download_png(
                    &svg,
                    IMAGE_SIZE,
                    PNG_SCALE,
                    format!("nines-{stem}.png"),
                ),
            }
        });
    })
}
