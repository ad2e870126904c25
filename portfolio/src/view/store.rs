//! Where the portfolio is kept: the address (`#portfolio?` and its link,
//! so it can be shared and survives a reload) and this browser's storage
//! (so `#portfolio` alone reopens it). The storage key does not start
//! `nines.`: static/first.js reads such keys as a saved single-service
//! scenario, which a portfolio is not.

use nines_core::portfolio::{link, Portfolio};
use wasm_bindgen::JsValue;

/// The storage key of the portfolio last edited in this browser.
const KEY: &str = "nines-portfolio";

/// The storage key of the portfolios kept by name: one line each, the
/// name (escaped as a link escapes a value, so it holds no space or line
/// break), a space, and the portfolio's link.
const KEPT: &str = "nines-portfolios";

/// The most portfolios kept by name.
pub const MAX_KEPT: usize = 50;

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

/// The portfolios kept by name in this browser, in the order kept: each
/// name and its link.
pub fn kept() -> Vec<(String, String)> {
    let text = storage()
        .and_then(|s| s.get_item(KEPT).ok().flatten())
        .unwrap_or_default();
    text.lines()
        .filter_map(|line| {
            let (name, link) = line.split_once(' ')?;
            Some((
                nines_core::link::decode_component(name).ok()?,
                link.to_string(),
            ))
        })
        .take(MAX_KEPT)
        .collect()
}

/// Keep `p` under its name (replacing one of the same name), or say why
/// not.
pub fn keep_named(p: &Portfolio) -> Result<(), String> {
    let name = p.name.trim();
    if name.is_empty() {
        return Err("Give the portfolio a name to keep it under.".into());
    }
    let mut all = kept();
    let full = all.len() >= MAX_KEPT;
    match all.iter_mut().find(|(n, _)| n == name) {
        Some(entry) => entry.1 = link::encode(p),
        None if full => {
            return Err(format!(
                "This browser keeps at most {MAX_KEPT} portfolios: delete one to keep this one."
            ));
        }
        None => all.push((name.to_string(), link::encode(p))),
    }
    write_kept(&all)
}

/// Forget the portfolio kept as `name`.
pub fn forget(name: &str) -> Result<(), String> {
    let mut all = kept();
    all.retain(|(n, _)| n != name);
    write_kept(&all)
}

fn write_kept(all: &[(String, String)]) -> Result<(), String> {
    let text: String = all
        .iter()
        .map(|(name, link)| format!("{} {link}\n", nines_core::link::encode_component(name)))
        .collect();
    storage()
        .and_then(|s| s.set_item(KEPT, &text).ok())
        .ok_or_else(|| {
            "This browser refused to store it (its storage is full or blocked).".to_string()
        })
}
