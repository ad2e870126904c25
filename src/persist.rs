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

/// Where the page starts: the scenario, what to tell the user about it, and
/// the embedded section (`?embed=cost`), if any.
pub struct Start {
    pub scenario: Scenario,
    pub notices: Vec<String>,
    pub embed: Option<String>,
}

thread_local! {
    /// The embedded section, kept in the address when the scenario changes.
    static EMBED: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Split `embed=<section>` off a query (it is the page's mode, not part of
/// the scenario), giving the rest and the section.
fn split_embed(query: &str) -> (String, Option<String>) {
    let mut embed = None;
    let rest: Vec<&str> = query
        .split('&')
        .filter(|pair| match pair.strip_prefix("embed=") {
            Some(section) => {
                embed = Some(section.to_string());
                false
            }
            None => true,
        })
        .collect();
    (rest.join("&"), embed)
}

/// The scenario to start with, what to tell the user about it, and the
/// embed mode: the link's scenario when the address has one, else (outside
/// an embed) the saved one, else the defaults.
pub fn initial() -> Start {
    let search = gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default();
    let (query, embed) = split_embed(search.trim_start_matches('?'));
    EMBED.with(|e| e.replace(embed.clone()));
    let saved = if query.is_empty() && embed.is_none() {
        stored()
    } else {
        None
    };
    let (scenario, notices) = match saved {
        Some(saved) => {
            let decoded = link::decode(&saved);
            let notices = decoded
                .notices
                .iter()
                .map(|n| format!("Your saved scenario: {n}"))
                .collect();
            (decoded.scenario, notices)
        }
        None => {
            let decoded = link::decode(&query);
            let notices = decoded.notices.iter().map(|n| n.to_string()).collect();
            (decoded.scenario, notices)
        }
    };
    Start {
        scenario,
        notices,
        embed,
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

/// The iframe and the two-line resize script that embed one section of
/// this scenario in a wiki page (the snippet documented in the README).
pub fn embed_snippet(s: &Scenario, section: &str) -> String {
    let src = format!("{}&embed={section}", share_url(s));
    format!(
        "<iframe id=\"nines-{section}\" src=\"{src}\" title=\"Nines: {section}\" width=\"100%\" height=\"600\" \
         sandbox=\"allow-scripts allow-same-origin\"></iframe>\n<script>addEventListener(\"message\", (e) => {{ \
         const f = document.getElementById(\"nines-{section}\"); \
         if (e.source === f.contentWindow && e.data && e.data.type === \"nines:height\") f.height = e.data.height; }});</script>"
    )
}

/// Write the scenario to the address bar (replacing, not pushing: no
/// history flood while a slider moves) and to localStorage. An embedded
/// calculator keeps its mode in the address and leaves the reader's own
/// saved scenario alone.
pub fn save(s: &Scenario) {
    let query = link::encode(s);
    let embed = EMBED.with(|e| e.borrow().clone());
    let address = match &embed {
        Some(section) => format!("?{query}&embed={section}"),
        None => format!("?{query}"),
    };
    if let Ok(history) = gloo::utils::window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address));
    }
    if embed.is_none() {
        if let Some(storage) = storage() {
            let _ = storage.set_item(STORAGE_KEY, &query);
        }
    }
}

/// Tell the host page how tall the page is whenever its size changes (the
/// host's two-line snippet in the README resizes the iframe). Does nothing
/// outside an iframe.
pub fn report_height() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let window = gloo::utils::window();
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    // The body's height is the content's; the root's is at least the frame's,
    // so measuring the root would let the iframe grow but never shrink.
    let Some(root) = gloo::utils::document().body() else {
        return;
    };
    let measured = root.clone();
    let post = Closure::<dyn Fn()>::new(move || {
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"nines:height".into());
        let height = f64::from(measured.scroll_height());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(post.as_ref().unchecked_ref()) {
        observer.observe(&root);
    }
    // The observer and its callback live as long as the page.
    post.forget();
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
