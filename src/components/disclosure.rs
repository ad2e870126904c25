//! A `<details>` whose content is built only while it is open: closed, it
//! costs nothing when an edit re-renders its section.

use yew::prelude::*;

/// Whether a `<details>` is open, and the `ontoggle` handler that keeps
/// that in step with the element.
#[hook]
pub fn use_open() -> (bool, Callback<Event>) {
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            open.set(details.open());
        })
    };
    (*open, ontoggle)
}
