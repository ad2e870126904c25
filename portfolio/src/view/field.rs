//! A text field that edits as the reader types: what is typed stays on
//! screen while the core refuses it (its reason beside it) and until the
//! field is left, so a canonical form never rewrites a half-typed value.

use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    /// Why the last edit was refused.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// What may be typed, under the field.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub on_edit: Callback<String>,
}

#[function_component(Field)]
pub fn field(p: &FieldProps) -> Html {
    let draft = use_state(|| None::<String>);
    let oninput = {
        let (draft, on_edit) = (draft.clone(), p.on_edit.clone());
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            draft.set(Some(text.clone()));
            on_edit.emit(text);
        })
    };
    let onblur = {
        let (draft, refused) = (draft.clone(), p.error.is_some());
        Callback::from(move |_: FocusEvent| {
            if !refused {
                draft.set(None);
            }
        })
    };
    let value = (*draft).clone().unwrap_or_else(|| p.value.to_string());
    let error_id = format!("{}-error", p.id);
    let hint_id = format!("{}-hint", p.id);
    let described = [
        p.error.as_ref().map(|_| error_id.clone()),
        p.hint.as_ref().map(|_| hint_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    html! {
        <div class="field">
            <label for={p.id.clone()}>{ p.label.clone() }</label>
            <input type="text" id={p.id.clone()} {value} {oninput} {onblur}
                aria-invalid={p.error.is_some().to_string()}
                aria-describedby={(!described.is_empty()).then_some(described)} />
            if let Some(hint) = &p.hint {
                <p class="hint" id={hint_id}>{ hint.clone() }</p>
            }
            if let Some(error) = &p.error {
                <p class="error" id={error_id} role="alert">{ error.clone() }</p>
            }
        </div>
    }
}
