//! Component tests: the real app rendered in headless Chromium
//! (wasm-bindgen-test through chromedriver; see scripts/test).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn mount() -> Element {
    mount_open("").await
}

/// The page with the folds `open` (comma-separated ids) kept open, as a
/// reader who opened them finds it.
async fn mount_open(open: &str) -> Element {
    // Each test starts from the defaults, not from what the last one saved.
    if let Ok(Some(storage)) = gloo::utils::window().local_storage() {
        storage.clear().unwrap();
        storage.set_item("nines.open", open).unwrap();
    }
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    gloo::utils::body().append_child(&root).unwrap();
    yew::Renderer::<nines_app::App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    // The first render holds the first section; the rest follow a task
    // later, and each chart is drawn a task after its section.
    for _ in 0..2 {
        next_task().await;
        yew::scheduler::flush().await;
    }
    root
}

/// Wait for the browser's next task (a zero-delay timeout).
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} is on the page"))
        .text_content()
        .unwrap_or_default()
}

async fn type_into(root: &Element, selector: &str, value: &str) {
    let input: HtmlInputElement = root
        .query_selector(selector)
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value(value);
    let event = web_sys::InputEvent::new("input").unwrap();
    input.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn typing_a_target_updates_the_headline_and_the_table() {
    let root = mount().await;
    type_into(&root, "#target-input", "99.9%").await;
    assert_eq!(text(&root, "#availability-percent"), "99.9%");
    // uptime.is, 99.9%: daily downtime 1m 26.4s, shown to the nearest second.
    assert_eq!(text(&root, "tr[data-period=day] td"), "1m 26s");
    assert!(root
        .query_selector("#target-input-error")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn a_bad_target_shows_a_message_and_keeps_the_last_good_figures() {
    let root = mount().await;
    type_into(&root, "#target-input", "99.9").await;
    let before = text(&root, "#downtime-table");
    type_into(&root, "#target-input", "99.9x").await;
    let message = text(&root, "#target-input-error");
    assert!(
        message.contains("99.9x"),
        "the message names the input: {message}"
    );
    assert_eq!(text(&root, "#downtime-table"), before);
    let input = root.query_selector("#target-input").unwrap().unwrap();
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn arrow_keys_on_a_chart_show_an_exact_readout() {
    let root = mount_open("target-chart").await;
    let svg = root.query_selector("#downtime-chart svg").unwrap().unwrap();
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("End");
    let end = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    svg.dispatch_event(&end).unwrap();
    yew::scheduler::flush().await;
    let readout = text(&root, "#downtime-chart-readout");
    // The last point of the curve is 6 nines: 99.9999% allows 31.6 s a year
    // (Gregorian year of 31 556 952 s × 10⁻⁶), shown to the nearest second.
    assert!(readout.contains("99.9999%"), "{readout}");
    assert!(readout.contains("32s a year"), "{readout}");
}

#[wasm_bindgen_test]
async fn adding_a_dependency_adds_a_row() {
    let root = mount_open("deps-edit").await;
    let count = |root: &Element| {
        root.query_selector_all("#dependency-list > li")
            .unwrap()
            .length()
    };
    let before = count(&root);
    let add: web_sys::HtmlElement = root
        .query_selector("#add-dependency")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    add.click();
    yew::scheduler::flush().await;
    assert_eq!(count(&root), before + 1);
}

fn click(root: &Element, selector: &str) {
    let element: web_sys::HtmlElement = root
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} is on the page"))
        .dyn_into()
        .unwrap();
    element.click();
}

/// Another tab of this origin saved `query` as the current scenario: what
/// the browser tells this tab (the `storage` event fires in the others).
async fn other_tab_saves(query: &str) {
    js_sys::eval(&format!(
        "window.dispatchEvent(new StorageEvent('storage', {{ key: 'nines.scenario', newValue: '{query}' }}))"
    ))
    .unwrap();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn the_other_tabs_scenario_can_be_opened() {
    let root = mount().await;
    assert!(root.query_selector("#other-tab").unwrap().is_none());
    other_tab_saves("target=99.9").await;
    assert!(text(&root, "#other-tab").contains("Another tab saved a different scenario"));
    click(&root, "#other-tab button");
    yew::scheduler::flush().await;
    assert!(root.query_selector("#other-tab").unwrap().is_none());
    assert_eq!(text(&root, "#availability-percent"), "99.9%");
}

#[wasm_bindgen_test]
async fn keeping_this_tabs_scenario_writes_it_over_the_others() {
    let root = mount().await;
    let before = text(&root, "#availability-percent");
    other_tab_saves("target=99.9").await;
    click(&root, "#other-tab button:last-of-type");
    yew::scheduler::flush().await;
    assert!(root.query_selector("#other-tab").unwrap().is_none());
    assert_eq!(text(&root, "#availability-percent"), before);
    // Storage was cleared at mount and this tab held its writes since the
    // other tab's: only "keep" can have written it, at once.
    let saved = gloo::utils::window()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("nines.scenario")
        .unwrap();
    assert!(
        saved.is_some() && saved.as_deref() != Some("target=99.9"),
        "this tab's scenario is saved: {saved:?}"
    );
}

#[wasm_bindgen_test]
async fn the_theme_toggle_is_applied_and_remembered() {
    let root = mount().await;
    // The button says what a press does: in the dark theme
    // "Switch to light theme", in the light one "Switch to dark theme".
    let pressed = |root: &Element| {
        let label = root
            .query_selector("#theme-toggle")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap_or_default();
        match label.as_str() {
            "Switch to light theme" => Some("true".to_string()),
            "Switch to dark theme" => Some("false".to_string()),
            _ => None,
        }
    };
    let theme = || {
        gloo::utils::document()
            .document_element()
            .unwrap()
            .get_attribute("data-theme")
    };
    let was_dark = pressed(&root).as_deref() == Some("true");
    click(&root, "#theme-toggle");
    yew::scheduler::flush().await;
    let (now, pressed_now) = if was_dark {
        ("light", "false")
    } else {
        ("dark", "true")
    };
    assert_eq!(pressed(&root).as_deref(), Some(pressed_now));
    assert_eq!(theme().as_deref(), Some(now));
    let stored = gloo::utils::window()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("nines.theme")
        .unwrap();
    assert_eq!(stored.as_deref(), Some(now));
    click(&root, "#theme-toggle");
    yew::scheduler::flush().await;
    assert_eq!(
        pressed(&root).as_deref(),
        Some(if was_dark { "true" } else { "false" })
    );
}

#[wasm_bindgen_test]
async fn copying_the_link_says_what_happened() {
    let root = mount().await;
    click(&root, "#copy-link");
    // The clipboard answers asynchronously (or refuses, in a headless page).
    for _ in 0..20 {
        next_task().await;
        yew::scheduler::flush().await;
        if root.query_selector("#copy-status").unwrap().is_some() {
            break;
        }
    }
    let status = text(&root, "#copy-status");
    assert!(
        status == "Link copied: it opens this exact scenario."
            || (status.starts_with("Copy this link: http") && status.contains("?")),
        "{status}"
    );
}
