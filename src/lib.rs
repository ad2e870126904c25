//! Nines, the web app: a thin Yew shell over `nines_core`.
//!
//! Every number comes from [`nines_core::scenario::evaluate`]; this crate only
//! parses what people type (with the core's parsers), dispatches [`state::Action`]s
//! and renders the core's `Report`. The state module is plain Rust and tested
//! natively; everything that touches the DOM is compiled for wasm32 only.

/// The charts' axis maths, from `nines-charts` (shared with the images
/// the second module draws).
pub use nines_charts::geometry;
pub mod state;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
mod library;
#[cfg(target_arch = "wasm32")]
mod panic;
#[cfg(target_arch = "wasm32")]
mod persist;
pub mod sections;

#[cfg(target_arch = "wasm32")]
pub use app::App;

/// Mount the app on `#app` (or `<body>`), after installing the panic hook
/// that replaces a crashed page with a readable message.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    // The wasm is compiled and instantiated: scripts/bench reads this mark
    // to split the first figures into loading and rendering.
    mark("nines:start");
    panic::install();
    let document = gloo::utils::document();
    let root = document
        .get_element_by_id("app")
        .unwrap_or_else(|| gloo::utils::body().into());
    root.set_inner_html("");
    // The first figures on screen are marked by static/first.js, which
    // watches the page for them.
    yew::Renderer::<App>::with_root(root).render();
}

/// Crash on purpose: the end-to-end tests call this (Trunk exposes it as
/// `window.wasmBindings.nines_selftest_panic`) to check that a panic shows a
/// readable message with a reset link, never a blank page. Only with the
/// test hooks on ([`test_hooks_on`]).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn nines_selftest_panic() {
    if test_hooks_on() {
        panic!("self-test: a panic requested by the end-to-end tests");
    }
}

/// The test hooks on `window.wasmBindings` act only when the page's own
/// scripts set `window.ninesTestHooks = true` (the end-to-end tests and
/// `scripts/bench` do): in the release bundle anyone else who finds them,
/// a host page included, gets nothing.
#[cfg(target_arch = "wasm32")]
fn test_hooks_on() -> bool {
    js_sys::Reflect::get(&gloo::utils::window(), &"ninesTestHooks".into())
        .is_ok_and(|on| on.as_bool() == Some(true))
}

/// Add a `performance.mark` (read by `scripts/bench`); silently nothing
/// where the browser has no Performance API.
#[cfg(target_arch = "wasm32")]
pub fn mark(name: &str) {
    if let Some(performance) = gloo::utils::window().performance() {
        let _ = performance.mark(name);
    }
}

/// Benchmark hook for `scripts/bench` (exposed as
/// `window.wasmBindings.nines_bench_evaluate`): evaluate the default
/// scenario `iterations` times inside wasm and return the mean in
/// microseconds, to compare with the native criterion figure.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn nines_bench_evaluate(iterations: u32) -> f64 {
    use nines_core::scenario::{evaluate, Scenario};
    if !test_hooks_on() {
        return f64::NAN;
    }
    let scenario = Scenario::default();
    let Some(performance) = gloo::utils::window().performance() else {
        return f64::NAN;
    };
    let start = performance.now();
    for _ in 0..iterations {
        std::hint::black_box(evaluate(
            std::hint::black_box(&scenario),
            nines_core::budget::STORY_NOW,
        ));
    }
    (performance.now() - start) * 1000.0 / f64::from(iterations.max(1))
}

/// The wasm linear memory in bytes (`scripts/bench` checks it does not grow).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn nines_wasm_memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65536) as f64
}
