//! Where the portfolio is kept: the address (`#portfolio?` and its link,
//! so it can be shared and survives a reload) and this browser's storage
//! (so `#portfolio` alone reopens it). The storage key does not start
//! `nines.`: static/first.js reads such keys as a saved single-service
//! scenario, which a portfolio is not.

use nines_core::portfolio::{link, Portfolio};
use wasm_bindgen::JsValue;

/// The storage key of the portfolio last edited in this browser.
const KEY: &str = "nines-portfolio";

/// The portfolio to open, with what reading it noticed: the address's
/// link, else the one stored, else none.
pub fn to_open() -> (Portfolio, Vec<String>) {
    let hash = address();
    let stored = || storage().and_then(|s| s.get_item(KEY).ok().flatten());
    let text = if hash.starts_with(&format!("{}?", link::VIEW)) {
        Some(hash)
    } else {
        stored()
    };
    match text {
        Some(text) => {
            let d = link::decode(&text);
            (d.portfolio, d.notices)
        }
        None => (
            Portfolio {
                name: String::new(),
                services: Vec::new(),
            },
            Vec::new(),
        ),
    }
}

/// The address's fragment (`#portfolio?…`).
pub fn address() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// The fragment that holds `p`.
pub fn fragment(p: &Portfolio) -> String {
    format!("{}?{}", link::VIEW, link::encode(p))
}

/// Keep `p` in the address (replacing the entry, or as a new one the Back
/// button returns from) and in this browser; false when the browser
/// refused to store it.
pub fn keep(p: &Portfolio, new_entry: bool) -> bool {
    let fragment = fragment(p);
    if address() != fragment {
        if let Ok(history) = gloo::utils::window().history() {
            let _ = if new_entry {
                history.push_state_with_url(&JsValue::NULL, "", Some(&fragment))
            } else {
                history.replace_state_with_url(&JsValue::NULL, "", Some(&fragment))
            };
        }
    }
    storage().is_some_and(|s| s.set_item(KEY, &link::encode(p)).is_ok())
}

fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}
