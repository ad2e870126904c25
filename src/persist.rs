//! Nothing lost: the scenario lives in the address bar (a readable,
//! versioned query string written by `nines_core::link`) and in
//! localStorage, so a reload, a shared link or a new tab restores it.
//!
//! Every browser call here may fail (a sandboxed iframe has no storage and
//! an opaque origin); failures are reported as notices, never panics.

use nines_core::link;
use nines_core::scenario::Scenario;

/// The localStorage key; the value is a link query string, so it carries its
/// own version and goes through the same migrations as links.
const STORAGE_KEY: &str = "nines.scenario";

/// The scenario to start with, and what to tell the user about it: the
/// link's scenario when the address has one, else the saved one, else the
/// defaults.
pub fn initial() -> (Scenario, Vec<String>) {
    let search = gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default();
    let query = search.trim_start_matches('?');
    if !query.is_empty() {
        let decoded = link::decode(query);
        let notices = decoded.notices.iter().map(|n| n.to_string()).collect();
        return (decoded.scenario, notices);
    }
    match stored() {
        Some(saved) => {
            let decoded = link::decode(&saved);
            let notices = decoded
                .notices
                .iter()
                .map(|n| format!("Your saved scenario: {n}"))
                .collect();
            (decoded.scenario, notices)
        }
        None => (Scenario::default(), Vec::new()),
    }
}

fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

fn stored() -> Option<String> {
    storage()?.get_item(STORAGE_KEY).ok().flatten()
}

/// The address of the current scenario (what "Copy link" copies).
pub fn share_url(s: &Scenario) -> String {
    let location = gloo::utils::window().location();
    let base = format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    );
    format!("{base}?{}", link::encode(s))
}

/// Write the scenario to the address bar (replacing, not pushing: no
/// history flood while a slider moves) and to localStorage.
pub fn save(s: &Scenario) {
    let query = link::encode(s);
    if let Ok(history) = gloo::utils::window().history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("?{query}")),
        );
    }
    if let Some(storage) = storage() {
        let _ = storage.set_item(STORAGE_KEY, &query);
    }
}

const THEME_KEY: &str = "nines.theme";

/// The theme chosen with the toggle (`light` / `dark`), applied to the
/// document; `None` follows the system (`prefers-color-scheme`).
pub fn theme() -> Option<String> {
    let chosen = storage()?.get_item(THEME_KEY).ok().flatten()?;
    apply_theme(&chosen);
    Some(chosen)
}

/// Whether the page is dark: the chosen theme, else the system's.
pub fn is_dark(chosen: Option<&str>) -> bool {
    match chosen {
        Some(t) => t == "dark",
        None => gloo::utils::window()
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches()),
    }
}

/// Choose a theme: applied now and remembered.
pub fn set_theme(theme: &str) {
    apply_theme(theme);
    if let Some(storage) = storage() {
        let _ = storage.set_item(THEME_KEY, theme);
    }
}

fn apply_theme(theme: &str) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("data-theme", theme);
    }
}
