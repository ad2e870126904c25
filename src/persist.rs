//! Nothing lost: the scenario lives in the address bar (a readable,
//! versioned query string written by `nines_core::link`) and in
//! localStorage, so a reload, a shared link or a new tab restores it.
//!
//! Every browser call here may fail (a sandboxed iframe has no storage and
//! an opaque origin); failures are reported as notices, never panics.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use nines_core::link;
use nines_core::scenario::Scenario;

use crate::browser::{storage, tab_storage, LIBRARY_KEY, SCENARIO_KEY, TAB_ADDRESS_KEY};

/// Where the page starts: the scenario, what to tell the user about it, and
/// the embedded section (`?embed=cost`), if any.
pub struct Start {
    pub scenario: Scenario,
    pub notices: Vec<String>,
    pub embed: Option<String>,
    /// Opened from a link while this browser keeps a different scenario of
    /// the reader's own: that one, which the link must not overwrite until
    /// the reader edits the link's scenario or makes it theirs.
    pub own: Option<Scenario>,
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
    let search = address_to_open();
    let (query, embed) = split_embed(search.trim_start_matches('?'));
    let saved = if embed.is_none() { last_saved() } else { None };
    let own = if query.is_empty() {
        None
    } else {
        saved.as_deref().map(|q| link::decode(q).scenario)
    };
    let (scenario, notices) = match saved.filter(|_| query.is_empty()) {
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
    let own = own.filter(|own| *own != scenario);
    Start {
        scenario,
        notices,
        embed,
        own,
    }
}

/// The address's query, or on a reload the address this tab last wrote.
/// Edits reach the address bar 200 ms after the last one (a write per
/// keystroke would slow typing), so a reload right after an edit asks for
/// the address before it: the tab's own latest scenario, which `pagehide`
/// wrote, is opened instead (and put back in the address bar), not shown
/// as a link's. A link, a typed address or going back opens as it is.
fn address_to_open() -> String {
    let search = gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default();
    let written = tab_storage().and_then(|tab| tab.get_item(TAB_ADDRESS_KEY).ok().flatten());
    match written {
        Some(written) if written != search && crate::browser::reloaded() => {
            show_address(&written);
            written
        }
        _ => {
            // What this tab shows from now on (a reload before the first
            // edit reopens it, not what an earlier page of the tab wrote).
            remember_address(&search);
            search
        }
    }
}

/// Put `address` (a query, with its `?`) in the address bar, replacing the
/// entry rather than pushing one (no history flood while a slider moves),
/// and remember it as this tab's ([`address_to_open`]). The fragment stays:
/// it is the portfolio view's (`#portfolio?…`) or a section's.
fn show_address(address: &str) {
    let window = gloo::utils::window();
    if let Ok(history) = window.history() {
        let fragment = window.location().hash().unwrap_or_default();
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&(address.to_owned() + &fragment)),
        );
    }
    remember_address(address);
}

/// Remember `address` as the one this tab shows, for a reload.
fn remember_address(address: &str) {
    if let Some(tab) = tab_storage() {
        let _ = tab.set_item(TAB_ADDRESS_KEY, address);
    }
}

/// The scenario this browser last saved, as a link query (`static/crash.js`
/// offers it too, read from the same key: the work is never lost even when
/// the page is).
fn last_saved() -> Option<String> {
    storage()?.get_item(SCENARIO_KEY).ok().flatten()
}

/// The address of the current scenario (what "Copy link" copies).
pub fn share_url(s: &Scenario) -> String {
    format!("{}?{}", page_address(), link::encode(s))
}

/// This page's address without its query: origin and path.
fn page_address() -> String {
    let location = gloo::utils::window().location();
    format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

/// The iframe and the two-line resize script that embed one section of
/// this scenario in a wiki page (the snippet documented in the README).
/// It points at embed.html, which runs with `sandbox="allow-scripts"` alone
/// (no `allow-same-origin`); popups may leave the sandbox so the "Open the
/// full calculator" link works.
pub fn embed_snippet(s: &Scenario, section: &str) -> String {
    let page = page_address();
    let dir = &page[..page.rfind('/').map_or(0, |i| i + 1)];
    let src = format!("{dir}embed.html?{}&embed={section}", link::encode(s));
    format!(
        "<iframe id=\"nines-{section}\" src=\"{src}\" title=\"Nines: {section}\" width=\"100%\" height=\"600\" \
         sandbox=\"allow-scripts allow-popups allow-popups-to-escape-sandbox\"></iframe>\n<script>addEventListener(\"message\", (e) => {{ \
         const f = document.getElementById(\"nines-{section}\"); \
         if (e.source === f.contentWindow && e.data && e.data.type === \"nines:height\") f.height = e.data.height; }});</script>"
    )
}

/// How long edits must pause before the address and localStorage are
/// written: both are slow browser calls (about 1–2 ms each in Chromium), so
/// a slider drag writes once when it rests, not on every step.
const SAVE_AFTER_MS: u32 = 200;

/// What this tab keeps between its writes of the scenario. One per page:
/// the app makes it once and shares it (`Rc`) with the save timer and the
/// listeners. It stays outside the reducer because it holds the browser's
/// timer handle and answers the `storage` listener at once, before the page
/// re-renders: a save already pending must not write over another tab's
/// scenario in between.
pub struct Saver {
    /// The embedded section (`?embed=cost`), kept in the address when the
    /// scenario changes; an embed leaves localStorage alone.
    embed: Option<String>,
    /// The scenario waiting to be written, and the timer that writes it
    /// (dropping the timer cancels it).
    pending: RefCell<Option<(Scenario, gloo::timers::callback::Timeout)>>,
    /// What this tab last wrote, to tell its own writes from another tab's.
    written: RefCell<Option<String>>,
    /// Set when another tab changed the saved scenario: this tab stops
    /// writing over it until the user chooses which one to keep.
    held: Cell<bool>,
    /// A scenario opened from a link and not yet edited: it stays in the
    /// address but is not written over the reader's own ([`Start::own`]).
    visit: RefCell<Option<Scenario>>,
    /// Whether the last write to storage failed (storage full or blocked),
    /// and whom to tell when that changes.
    failing: Cell<bool>,
    on_kept: Box<dyn Fn(bool)>,
}

impl Saver {
    /// The saver of a page in `embed` mode (`None`: the full page), that
    /// leaves `visit` (a link's scenario) unwritten until it changes, and
    /// tells `on_kept` whether edits are being kept each time that changes
    /// (`false`: the browser refused the write).
    pub fn new(
        embed: Option<String>,
        visit: Option<Scenario>,
        on_kept: impl Fn(bool) + 'static,
    ) -> Self {
        Saver {
            embed,
            pending: RefCell::new(None),
            written: RefCell::new(None),
            held: Cell::new(false),
            visit: RefCell::new(visit),
            failing: Cell::new(false),
            on_kept: Box::new(on_kept),
        }
    }

    /// Save the scenario once edits pause ([`SAVE_AFTER_MS`]); a page that
    /// is hidden or closed first writes it at once ([`Saver::flush_on_leave`]).
    pub fn save_soon(self: &Rc<Self>, s: &Scenario) {
        // The timer holds the saver until it fires or is replaced.
        let me = Rc::clone(self);
        let timer = gloo::timers::callback::Timeout::new(SAVE_AFTER_MS, move || me.flush());
        // Replacing the pending entry drops (cancels) the previous timer.
        self.pending.replace(Some((s.clone(), timer)));
    }

    /// Write the pending scenario now, if there is one.
    pub fn flush(&self) {
        let pending = self.pending.borrow_mut().take();
        if let Some((s, _timer)) = pending {
            self.save(&s);
        }
    }

    /// Nothing lost on reload or close: write the pending scenario when the
    /// page is hidden (`visibilitychange`) or left (`pagehide`). Call once.
    pub fn flush_on_leave(self: &Rc<Self>) {
        let window = gloo::utils::window();
        for event in ["pagehide", "visibilitychange"] {
            let me = Rc::clone(self);
            gloo::events::EventListener::new(&window, event, move |_| me.flush()).forget();
        }
    }

    /// Write the scenario to the address bar (replacing, not pushing: no
    /// history flood while a slider moves) and to localStorage. An embedded
    /// calculator keeps its mode in the address and leaves the reader's own
    /// saved scenario alone.
    fn save(&self, s: &Scenario) {
        let query = link::encode(s);
        let address = match &self.embed {
            Some(section) => format!("?{query}&embed={section}"),
            None => format!("?{query}"),
        };
        show_address(&address);
        let visiting = {
            let mut visit = self.visit.borrow_mut();
            if visit.as_ref() != Some(s) {
                *visit = None;
            }
            visit.is_some()
        };
        if self.embed.is_none() && !self.held.get() && !visiting {
            self.write_saved(&query);
        }
    }

    /// Make the link's scenario the reader's own: write it now.
    pub fn adopt(&self, s: &Scenario) {
        self.visit.replace(None);
        if self.embed.is_none() && !self.held.get() {
            self.write_saved(&link::encode(s));
        }
    }

    fn write_saved(&self, query: &str) {
        self.written.replace(Some(query.to_string()));
        // No storage at all (a frame, storage switched off) is said where
        // scenarios are saved by name; a refused write is said at once.
        if let Some(storage) = storage() {
            let kept = storage.set_item(SCENARIO_KEY, query).is_ok();
            if kept == self.failing.get() {
                self.failing.set(!kept);
                (self.on_kept)(kept);
            }
        }
    }

    /// Another tab saved `theirs` as the current scenario: whether this tab
    /// must ask the user which to keep. When it must, it holds its own
    /// writes from now on, until [`Saver::resolve`]. An embed never asks (it
    /// does not save), nor does this tab's own write echoed back.
    pub fn hold_for(&self, theirs: &str) -> bool {
        if self.embed.is_some() || self.written.borrow().as_deref() == Some(theirs) {
            return false;
        }
        self.held.set(true);
        true
    }

    /// End a conflict with another tab: `Some(scenario)` saves this tab's
    /// scenario over the other's; `None` adopts the other tab's (already saved).
    pub fn resolve(&self, keep: Option<&Scenario>) {
        self.held.set(false);
        if let Some(s) = keep {
            self.write_saved(&link::encode(s));
        }
    }
}

/// What another tab changed in this browser's storage.
pub enum OtherTab {
    /// It saved a current scenario (its link query): [`Saver::hold_for`]
    /// tells whether it differs from what this tab wrote.
    Scenario(String),
    /// It changed the named scenarios (the library).
    Library,
}

/// Watch the `storage` event, which the browser fires in every *other* tab
/// of this origin when one writes: two tabs editing the same saved scenario
/// never silently overwrite each other. The listener lives as long as the
/// returned guard.
pub fn watch_other_tabs(on_change: impl Fn(OtherTab) + 'static) -> gloo::events::EventListener {
    use wasm_bindgen::JsCast;
    gloo::events::EventListener::new(&gloo::utils::window(), "storage", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
            return;
        };
        let key = event.key();
        if key.as_deref() == Some(LIBRARY_KEY) {
            on_change(OtherTab::Library);
            return;
        }
        if key.as_deref() != Some(SCENARIO_KEY) {
            return;
        }
        if let Some(theirs) = event.new_value() {
            on_change(OtherTab::Scenario(theirs));
        }
    })
}

/// Tell the host page how tall the page is whenever its size changes (the
/// host's two-line snippet in the README resizes the iframe). Does nothing
/// outside an iframe.
pub fn report_height() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(parent) = crate::browser::host_window() else {
        return;
    };
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
