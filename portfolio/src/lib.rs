//! The page's `#portfolio` view: several services, each a whole scenario,
//! whose dependencies may be each other, shown as one estate. It is a wasm
//! module of its own (`lazy-portfolio-view.js` beside the page, started by
//! `static/lazy-portfolio.js`), which `static/first.js` fetches the first
//! time the address names the view, so
//! the single-service page and its first visit do not carry it. The core
//! computes everything (`nines_core::portfolio`); this module keeps the
//! state ([`state`], native), and draws it and keeps it in the address and
//! this browser (`view`, wasm only).

pub mod state;

#[cfg(target_arch = "wasm32")]
mod view;

use nines_core::clock::{DateTime, Utc};

/// The instant every figure is evaluated at: the browser's clock (the
/// view's one clock read), the example's instant natively.
pub fn now() -> DateTime<Utc> {
    #[cfg(target_arch = "wasm32")]
    return chrono::Utc::now();
    #[cfg(not(target_arch = "wasm32"))]
    nines_core::budget::STORY_NOW
}

/// Draw the view into `#portfolio` (static/lazy-portfolio.js calls this once the
/// module has loaded). A panic replaces it with a message, never a blank
/// view.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let root = gloo::utils::document().get_element_by_id("portfolio");
        if let Some(root) = root {
            root.set_text_content(Some(&format!(
                "The portfolio view stopped: {info}. Reload the page to start it again \
                 (your portfolio is kept in the address)."
            )));
        }
    }));
    let document = gloo::utils::document();
    let Some(root) = document.get_element_by_id("portfolio") else {
        return;
    };
    root.set_text_content(None);
    yew::Renderer::<view::View>::with_root(root).render();
}
