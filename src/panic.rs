//! Never a blank page: a panic replaces the app with a readable message.

use wasm_bindgen::JsCast;

/// Install the hook (Yew would otherwise install its console-only one).
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        // Keep the developer's trace in the console as well.
        web_sys::console::error_1(&format!("Nines crashed: {info}").into());
        show(&info.to_string());
    }));
}

/// Replace the app with the message. Built with DOM calls rather than
/// innerHTML so the panic text cannot inject markup.
fn show(detail: &str) -> Option<()> {
    let document = gloo::utils::document();
    let root: web_sys::Element = match document.get_element_by_id("app") {
        Some(el) => el,
        None => document.body()?.unchecked_into(),
    };
    let panel = document.create_element("div").ok()?;
    panel.set_class_name("fatal");
    panel.set_attribute("role", "alert").ok()?;
    let add = |tag: &str, text: &str| -> Option<web_sys::Element> {
        let el = document.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        panel.append_child(&el).ok()?;
        Some(el)
    };
    add("h1", "Nines hit an internal error")?;
    add(
        "p",
        "Nothing was sent anywhere. Reload to try again, or start from the defaults:",
    )?;
    let reset = add("a", "Reset to the default scenario")?;
    reset.set_attribute("href", "./").ok()?;
    if let Some(saved) = crate::persist::last_saved().filter(|q| !q.is_empty()) {
        add("p", "Your last saved scenario is kept in this browser:")?;
        let reopen = add("a", "Reopen your last saved scenario")?;
        reopen.set_attribute("href", &format!("./?{saved}")).ok()?;
        add("pre", &saved)?;
    }
    add("pre", detail)?;
    root.set_inner_html("");
    root.append_child(&panel).ok()?;
    Some(())
}
