//! Nines, the web app: a thin Yew shell over `nines_core`.
//!
//! Every number comes from [`nines_core::scenario::evaluate`]; this crate only
//! parses what people type (with the core's parsers), dispatches [`state::Action`]s
//! and renders the core's `Report`. The state module is plain Rust and tested
//! natively; everything that touches the DOM is compiled for wasm32 only.

pub mod geometry;
pub mod render;
pub mod state;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
mod library;
#[cfg(target_arch = "wasm32")]
mod panic;
#[cfg(target_arch = "wasm32")]
mod persist;

#[cfg(target_arch = "wasm32")]
pub use app::App;

/// Mount the app on `#app` (or `<body>`), after installing the panic hook
/// that replaces a crashed page with a readable message.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    panic::install();
    let document = gloo::utils::document();
    let root = document
        .get_element_by_id("app")
        .unwrap_or_else(|| gloo::utils::body().into());
    root.set_inner_html("");
    yew::Renderer::<App>::with_root(root).render();
}

/// Crash on purpose: the end-to-end tests call this (Trunk exposes it as
/// `window.wasmBindings.nines_selftest_panic`) to check that a panic shows a
/// readable message with a reset link, never a blank page.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn nines_selftest_panic() {
    panic!("self-test: a panic requested by the end-to-end tests");
}
