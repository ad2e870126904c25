//! A text field that people type naturally into, parsed by the core.

use yew::prelude::*;

/// What a field's commit callback returns: the canonical text of the value it
/// accepted, or the parser's message naming the problem.
pub type Commit = Callback<String, Result<AttrValue, String>>;

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// The input's id; the error message gets `{id}-error`.
    pub id: AttrValue,
    pub label: AttrValue,
    /// The canonical text of the scenario's current value.
    pub value: AttrValue,
    /// Parse and dispatch; `Err` shows the message and keeps the last good figures.
    pub on_commit: Commit,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
}

/// An input whose text is the user's: a bad value shows a message beside the
/// field (and `aria-invalid`), and the scenario keeps its last good value.
#[function_component(TextField)]
pub fn text_field(props: &TextFieldProps) -> Html {
    let text = use_state(|| props.value.to_string());
    let error = use_state(|| None::<String>);
    // The canonical text of what this field last committed: when the scenario
    // changes for another reason (a chart, a link), the field follows it;
    // while the user types, it does not rewrite their text.
    let committed = use_mut_ref(|| props.value.clone());
    {
        let text = text.clone();
        let error = error.clone();
        let committed = committed.clone();
        use_effect_with(props.value.clone(), move |value| {
            if *committed.borrow() != *value {
                *committed.borrow_mut() = value.clone();
                text.set(value.to_string());
                error.set(None);
            }
        });
    }
    let oninput = {
        let text = text.clone();
        let error = error.clone();
        let on_commit = props.on_commit.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let value = input.value();
            match on_commit.emit(value.clone()) {
                Ok(canonical) => {
                    *committed.borrow_mut() = canonical;
                    error.set(None);
                }
                Err(message) => error.set(Some(message)),
            }
            text.set(value);
        })
    };
    let error_id = format!("{}-error", props.id);
    let hint_id = format!("{}-hint", props.id);
    let described = match (&*error, &props.hint) {
        (Some(_), _) => Some(error_id.clone()),
        (None, Some(_)) => Some(hint_id.clone()),
        (None, None) => None,
    };
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ &props.label }</label>
            <input
                type="text"
                id={props.id.clone()}
                value={(*text).clone()}
                placeholder={props.placeholder.clone()}
                spellcheck="false"
                autocomplete="off"
                aria-invalid={if error.is_some() { "true" } else { "false" }}
                aria-describedby={described}
                {oninput}
            />
            if let Some(hint) = &props.hint {
                <span class="hint" id={hint_id}>{ hint }</span>
            }
            if let Some(message) = &*error {
                <p class="error" id={error_id} role="alert">{ message }</p>
            }
        </div>
    }
}

/// A commit callback from a core parser and the action to dispatch.
pub fn commit<T, E>(
    parse: impl Fn(&str) -> Result<T, E> + 'static,
    canonical: impl Fn(&T) -> String + 'static,
    dispatch: impl Fn(T) + 'static,
) -> Commit
where
    E: std::fmt::Display,
{
    Callback::from(move |text: String| {
        let value = parse(&text).map_err(|e| e.to_string())?;
        let canon = canonical(&value);
        dispatch(value);
        Ok(AttrValue::from(canon))
    })
}
