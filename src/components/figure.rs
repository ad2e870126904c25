//! A labelled figure with its one-sentence explanation, shown on request.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FigureProps {
    pub id: AttrValue,
    /// The figure, already formatted by the core.
    pub value: AttrValue,
    pub label: AttrValue,
    /// What this means, in one sentence.
    pub why: AttrValue,
    /// `good` / `bad` tints the value (never the only signal: the label says it too).
    #[prop_or_default]
    pub tone: Option<&'static str>,
    /// The exact figure, when the value is rounded to what matters: said
    /// first in the explanation (on focus), as the value's tooltip, and in
    /// its `data-exact`.
    #[prop_or_default]
    pub exact: Option<AttrValue>,
}

/// The figure and its label show; the sentence saying how it is worked
/// out is a workings of its own: it opens on focus (Tab, or a tap) and,
/// with the mouse, as the figure's tooltip, and a screen reader reads it as
/// the figure's description.
#[function_component(Figure)]
pub fn figure(props: &FigureProps) -> Html {
    let why_id = format!("{}-why", props.id);
    let exact = props.exact.as_ref().filter(|e| **e != props.value);
    let why = match exact {
        Some(e) => AttrValue::from(format!("In full: {e}. {}", props.why)),
        None => props.why.clone(),
    };
    html! {
        <div class="figure" tabindex="0" title={why.clone()} aria-describedby={why_id.clone()}>
            <span class={classes!("value", props.tone)} id={props.id.clone()} data-exact={exact.cloned()}>{ &props.value }</span>
            <span class="label">{ &props.label }</span>
            <span class="why" id={why_id}>{ why }</span>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct NotesProps {
    pub notes: Vec<String>,
}

/// Notes from the core (inputs it repaired, caveats), if any.
#[function_component(Notes)]
pub fn notes(props: &NotesProps) -> Html {
    if props.notes.is_empty() {
        return html! {};
    }
    html! {
        <ul class="notes">
            { for props.notes.iter().map(|n| html! { <li>{ n }</li> }) }
        </ul>
    }
}
