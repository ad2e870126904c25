//! A `<details>` whose content is built only while it is open: closed, it
//! costs nothing when an edit re-renders its section. [`Fold`] is a
//! section's workings: closed at first, and kept open across reloads once
//! the reader opens it.

use yew::prelude::*;

/// Whether a `<details>` is open, and the `ontoggle` handler that keeps
/// that in step with the element.
#[hook]
pub fn use_open() -> (bool, Callback<Event>) {
    use_open_kept(None)
}

/// [`use_open`], its state kept under `kept` in the browser's storage when
/// there is one: read at first, written on every toggle.
#[hook]
fn use_open_kept(kept: Option<&'static str>) -> (bool, Callback<Event>) {
    let open = use_state(|| kept.is_some_and(crate::browser::kept_open));
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            if details.open() != *open {
                if let Some(id) = kept {
                    crate::browser::keep_open(id, details.open());
                }
                open.set(details.open());
            }
        })
    };
    (*open, ontoggle)
}

#[derive(Properties, PartialEq)]
pub struct FoldProps {
    /// The `<details>` id, also the name its open state is kept under.
    pub id: &'static str,
    /// What is inside, in a few words: `Chart and data`.
    pub summary: AttrValue,
    pub children: Html,
}

/// A section's workings, folded: the answer and the inputs stay above it.
#[function_component(Fold)]
pub fn fold(props: &FoldProps) -> Html {
    let (open, ontoggle) = use_open_kept(Some(props.id));
    html! {
        <details class="workings" id={props.id} {open} {ontoggle}>
            <summary>{ props.summary.clone() }</summary>
            if open {
                <div class="workings-body">{ props.children.clone() }</div>
            }
        </details>
    }
}
