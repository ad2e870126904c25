//! A text field that people type naturally into, parsed by the core.

use yew::prelude::*;

/// What a field's commit callback returns: `Ok` when the core's parser
/// accepted the text (and the action was dispatched), or its message.
pub type Commit = Callback<String, Result<(), String>>;

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
    /// Commit when the user is done (Enter, or leaving the field), not on
    /// every key: for an edit that must happen once, such as renaming a
    /// saved scenario (one rename, one Undo).
    #[prop_or_default]
    pub settle: bool,
}

/// An input whose text is the user's: a bad value shows a message beside the
/// field (and `aria-invalid`), and the scenario keeps its last good value.
/// While the field has focus its text is never rewritten; when it loses
/// focus, or the scenario changes for another reason (a chart, a link),
/// it shows the canonical text of the scenario's value.
#[function_component(TextField)]
pub fn text_field(props: &TextFieldProps) -> Html {
    let text = use_state(|| props.value.to_string());
    let error = use_state(|| None::<String>);
    let focused = use_mut_ref(|| false);
    {
        let text = text.clone();
        let error = error.clone();
        let focused = focused.clone();
        use_effect_with(props.value.clone(), move |value| {
            if !*focused.borrow() {
                text.set(value.to_string());
                error.set(None);
            }
        });
    }
    let commit = {
        let error = error.clone();
        let on_commit = props.on_commit.clone();
        move |value: String| error.set(on_commit.emit(value).err())
    };
    let oninput = {
        let text = text.clone();
        let commit = commit.clone();
        let settle = props.settle;
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let value = input.value();
            if !settle {
                commit(value.clone());
            }
            text.set(value);
        })
    };
    let onchange = props.settle.then(|| {
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            commit(input.value());
        })
    });
    let onfocus = {
        let focused = focused.clone();
        Callback::from(move |_: FocusEvent| *focused.borrow_mut() = true)
    };
    let onblur = {
        let text = text.clone();
        let error = error.clone();
        let value = props.value.clone();
        Callback::from(move |_: FocusEvent| {
            *focused.borrow_mut() = false;
            // A valid entry is shown in canonical form; an invalid one stays
            // (with its message) so the user can correct it.
            if error.is_none() {
                text.set(value.to_string());
            }
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
                {onchange}
                {onfocus}
                {onblur}
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

/// A commit callback from a core parser and what to do with its value.
pub fn commit<T, E>(
    parse: impl Fn(&str) -> Result<T, E> + 'static,
    dispatch: impl Fn(T) + 'static,
) -> Commit
where
    E: std::fmt::Display,
{
    Callback::from(move |text: String| {
        let value = parse(&text).map_err(|e| e.to_string())?;
        dispatch(value);
        Ok(())
    })
}

/// A commit callback that parses with `parse` and dispatches `make(value)`,
/// the same on every render (see [`super::use_on`]).
#[hook]
pub fn use_commit<T, E, P>(
    state: &UseReducerHandle<crate::state::State>,
    parse: P,
    make: fn(T) -> crate::state::Action,
) -> Commit
where
    T: 'static,
    E: std::fmt::Display + 'static,
    P: Fn(&str) -> Result<T, E> + 'static,
{
    let made = use_memo(state.dispatcher(), move |d| {
        let d = d.clone();
        commit(parse, move |v| d.dispatch(make(v)))
    });
    (*made).clone()
}

/// A parser for free text that must not be empty: the trimmed text, or
/// `message` (for names and other labels people type).
pub fn non_empty(message: &'static str) -> impl Fn(&str) -> Result<String, &'static str> {
    move |t| {
        let t = t.trim();
        if t.is_empty() {
            Err(message)
        } else {
            Ok(t.to_string())
        }
    }
}

/// The kinds of number people type, each read by the core's parser and
/// written back in its canonical form.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// `4h 30m`, `90s`, `PT4H` → seconds.
    Duration,
    /// `25%`, `0.25` → a fraction.
    Fraction,
    /// `6`, `2.5k`, `1,000` → a count.
    Count,
}

impl Kind {
    /// Parse `text` with the core's parser for this kind.
    pub fn parse(self, text: &str) -> Result<f64, nines_core::quantity::ParseError> {
        use nines_core::amount::Count;
        match self {
            Kind::Duration => nines_core::duration::parse_duration(text),
            Kind::Fraction => nines_core::quantity::parse_fraction(text),
            Kind::Count => Count::parse(text).map(|c| c.to_f64()),
        }
    }

    /// The canonical text of a value of this kind (what the field shows).
    pub fn format(self, value: f64) -> String {
        use nines_core::display;
        match self {
            Kind::Duration => nines_core::duration::format_duration(value),
            Kind::Fraction => nines_core::display::format_fraction_percent(value),
            Kind::Count => display::count(value, 3),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub kind: Kind,
    /// The scenario's current value.
    pub value: f64,
    /// The action to dispatch with a parsed value.
    pub on_value: Callback<f64>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
}

/// A [`TextField`] for one number of a given [`Kind`].
#[function_component(NumberField)]
pub fn number_field(props: &NumberFieldProps) -> Html {
    let kind = props.kind;
    let on_value = props.on_value.clone();
    let on_commit = commit(move |t: &str| kind.parse(t), move |v| on_value.emit(v));
    html! {
        <TextField
            id={props.id.clone()}
            label={props.label.clone()}
            value={kind.format(props.value)}
            hint={props.hint.clone()}
            {on_commit}
        />
    }
}
