//! *Import an SLO spec*: paste or open a Sloth spec, a Pyrra
//! `ServiceLevelObjective` or an OpenSLO `SLO`; the second wasm module reads
//! it (`nines_core::import`) and the section shows what it read and what it
//! could not carry. The current scenario is replaced only when the user
//! says so.

use nines_core::link::decode;
use yew::prelude::*;

use super::SectionProps;
use crate::browser::import_spec;
use crate::state::Action;

/// What the reader read from a spec.
#[derive(Clone, PartialEq)]
struct Spec {
    /// The scenario, as a link.
    link: String,
    /// The format, in words.
    format: String,
    /// The SLOs the file holds, and which was read.
    slos: Vec<String>,
    chosen: usize,
    /// What was read and what was not carried, for people.
    summary: String,
}

impl Spec {
    /// The second module's answer: link, format, SLOs, summary, a line
    /// each (the SLOs line: the index read, then the names, tab-separated).
    fn parse(out: &str) -> Spec {
        let mut lines = out.splitn(4, '\n');
        let mut next = || lines.next().unwrap_or_default().to_string();
        let (link, format, slos, summary) = (next(), next(), next(), next());
        let mut slos = slos.split('\t').map(String::from);
        let chosen = slos.next().and_then(|c| c.parse().ok()).unwrap_or(0);
        Spec {
            link,
            format,
            slos: slos.collect(),
            chosen,
            summary,
        }
    }
}

/// What the reader gave, or why not.
type Read = Option<Result<Spec, String>>;

/// Reads `text` (the SLO named `slo`, the first when empty) into `read`.
fn read_into(text: String, slo: String, read: UseStateHandle<Read>) {
    if text.trim().is_empty() {
        read.set(Some(Err(
            "Paste a spec above, or open a file, then read it.".into(),
        )));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        read.set(Some(
            import_spec(&text, &slo).await.map(|out| Spec::parse(&out)),
        ));
    });
}

#[function_component(ImportSpec)]
pub fn import_spec_section(props: &SectionProps) -> Html {
    let text = use_state(String::new);
    let read = use_state(|| None as Read);
    let done = use_state(|| false);
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            text.set(area.value());
        })
    };
    let onfile = {
        let text = text.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let text = text.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(v) = wasm_bindgen_futures::JsFuture::from(file.text()).await {
                    if let Some(s) = v.as_string() {
                        text.set(s);
                    }
                }
            });
        })
    };
    let onread = {
        let (text, read, done) = (text.clone(), read.clone(), done.clone());
        Callback::from(move |_: MouseEvent| {
            done.set(false);
            read_into((*text).clone(), String::new(), read.clone());
        })
    };
    // Another SLO of the same file: read it instead.
    let onpick = {
        let (text, read) = (text.clone(), read.clone());
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            read_into((*text).clone(), select.value(), read.clone());
        })
    };
    let onuse = {
        let (read, done, state) = (read.clone(), done.clone(), props.state.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(Ok(spec)) = &*read {
                state.dispatch(Action::Replace(Box::new(decode(&spec.link).scenario)));
                read.set(None);
                done.set(true);
            }
        })
    };
    html! {
        <div class="import">
            <h3>{ "Import an SLO spec" }</h3>
            <div class="field">
                <label for="import-text">{ "SLO spec (YAML): Sloth, Pyrra or OpenSLO" }</label>
                <textarea id="import-text" rows="6" value={(*text).clone()} {oninput} />
            </div>
            <div class="field">
                <label for="import-file">{ "Or open a file" }</label>
                <input id="import-file" type="file" accept=".yaml,.yml,text/yaml" onchange={onfile} />
            </div>
            <div class="dep-actions">
                <button type="button" id="import-read" onclick={onread}>{ "Read it" }</button>
            </div>
            { match &*read {
                Some(Ok(spec)) => html! { <>
                    <p class="note" role="status" id="import-format">{ format!("Read a {}. Your scenario is unchanged until you use this one.", spec.format) }</p>
                    if spec.slos.len() > 1 {
                        <div class="field">
                            <label for="import-slo">{ format!("The file holds {} SLOs: the one to import", spec.slos.len()) }</label>
                            <select id="import-slo" onchange={onpick}>
                                { for spec.slos.iter().enumerate().map(|(i, name)| html! {
                                    <option value={name.clone()} selected={i == spec.chosen}>{ name }</option>
                                }) }
                            </select>
                        </div>
                    }
                    <pre id="import-summary">{ &spec.summary }</pre>
                    <div class="dep-actions">
                        <button type="button" id="import-use" onclick={onuse}>{ "Replace my scenario with this one" }</button>
                    </div>
                </> },
                Some(Err(e)) => html! { <p class="error" role="alert" id="import-error">{ e }</p> },
                None if *done => html! { <p class="note" role="status" id="import-done">{ "Imported: the figures above are the spec's." }</p> },
                None => html! {},
            } }
        </div>
    }
}
