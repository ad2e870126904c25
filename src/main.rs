//! The Nines web app's entry point: everything lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    nines_app::start();
}

/// Natively there is nothing to run: the app is built for wasm32 by Trunk.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("nines-app runs in the browser: use scripts/serve, or the `nines` CLI natively");
}
