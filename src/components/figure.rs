//! A labelled figure with its one-sentence explanation.

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
}

#[function_component(Figure)]
pub fn figure(props: &FigureProps) -> Html {
    html! {
        <div class="figure">
            <span class={classes!("value", props.tone)} id={props.id.clone()}>{ &props.value }</span>
            <span class="label">{ &props.label }</span>
            <span class="why">{ &props.why }</span>
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
