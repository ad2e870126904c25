//! Never a blank page: a panic replaces the app with a readable message.
//!
//! The page itself is drawn by `static/crash.js`, which also catches what
//! no Rust code can: the release build aborts on a panic without formatting
//! it (`panic=immediate-abort`, which keeps the formatting code out of the page), so the wasm traps and the script
//! shows the crash page from the browser's error event. A build that still
//! formats panics hands the message over first, so it is shown too.

/// Install the hook (Yew would otherwise install its console-only one).
/// Nothing to install where panics are not formatted.
#[cfg(not(panic = "immediate-abort"))]
pub fn install() {
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen]
    extern "C" {
        /// `window.ninesCrash(detail)`, from `static/crash.js`.
        #[wasm_bindgen(catch, js_namespace = window, js_name = ninesCrash)]
        fn nines_crash(detail: &str) -> Result<(), wasm_bindgen::JsValue>;
    }

    yew::set_custom_panic_hook(Box::new(|info| {
        // Keep the developer's trace in the console as well.
        web_sys::console::error_1(&format!("Nines crashed: {info}").into());
        let _ = nines_crash(&info.to_string());
    }));
}

#[cfg(panic = "immediate-abort")]
pub fn install() {}
