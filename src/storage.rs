//! The browser's localStorage and every key the page keeps in it: the one
//! accessor the scenario, the library of saved scenarios and the theme use.
//! It imports nothing of the app, so `persist` and `library` both stand on it.

/// The current scenario; the value is a link query string, so it carries its
/// own version and goes through the same migrations as links.
pub const SCENARIO_KEY: &str = "nines.scenario";
/// The saved scenarios, by name.
pub const LIBRARY_KEY: &str = "nines.library";
/// The theme chosen with the toggle (`light` / `dark`).
pub const THEME_KEY: &str = "nines.theme";

/// This page's localStorage, or `None` where there is none (a sandboxed
/// iframe, an opaque origin, storage switched off).
pub fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}
