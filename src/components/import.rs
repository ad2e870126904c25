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
    /// The SLOs the file holds (the first `MAX_LISTED`, and the one read),
    /// which was read, and how many the file holds.
    slos: Vec<String>,
    chosen: usize,
    count: usize,
    /// What was read and what was not carried, for people.
    summary: String,
}

impl Spec {
    /// The second module's answer: link, format, SLOs, summary, a line
    /// each (the SLOs line: the index read, how many, then the names listed,
    /// tab-separated).
    fn parse(out: &str) -> Spec {
        let mut lines = out.splitn(4, '\n');
        let mut next = || lines.next().unwrap_or_default().to_string();
        let (link, format, slos, summary) = (next(), next(), next(), next());
        let mut slos = slos.split('\t').map(String::from);
        let mut number = || slos.next().and_then(|c| c.parse().ok()).unwrap_or(0);
        let (chosen, count) = (number(), number());
        Spec {
            link,
            format,
            slos: slos.collect(),
            chosen,
            count,
            summary,
        }
    }
}

/// What the reader gave, or why not.
type Read = Option<Result<Spec, String>>;

/// A spec being read: its answer, whether one is being read, and how many
/// reads were started (an answer counts only from the latest: picking
/// another SLO while one is read stops that read, whose answer then says
/// so, after the next has begun).
#[derive(Clone)]
struct Reading {
    read: UseStateHandle<Read>,
    busy: UseStateHandle<bool>,
    started: std::rc::Rc<std::cell::Cell<u32>>,
}

impl Reading {
    /// Reads `text` (the SLO named `slo`, the first when empty), off the
    /// page's thread.
    fn start(&self, text: String, slo: String) {
        if text.trim().is_empty() {
            self.read.set(Some(Err(
                "Paste a spec above, or open a file, then read it.".into(),
            )));
            return;
        }
        let this = self.started.get().wrapping_add(1);
        self.started.set(this);
        // The last answer goes while this one is read.
        self.read.set(None);
        self.busy.set(true);
        let reading = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let answer = import_spec(&text, &slo).await.map(|out| Spec::parse(&out));
            if reading.started.get() == this {
                reading.busy.set(false);
                reading.read.set(Some(answer));
            }
        });
    }
}

/// The SLO chooser's label: how many SLOs the file holds, and how many
/// are listed when not all.
fn slo_choice_label(spec: &Spec) -> String {
    let listed = nines_core::import::MAX_LISTED;
    if spec.count > listed {
        format!(
            "The file holds {} SLOs (the first {listed} listed): the one to import",
            spec.count
        )
    } else {
        format!("The file holds {} SLOs: the one to import", spec.count)
    }
}

/// The place in the file of the `i`th SLO listed: the listed ones are the
/// file's first, then the one read when it comes later.
fn listed_place(spec: &Spec, i: usize) -> usize {
    if i < nines_core::import::MAX_LISTED {
        i
    } else {
        spec.chosen
    }
}

#[function_component(ImportSpec)]
pub fn import_spec_section(props: &SectionProps) -> Html {
    let text = use_state(String::new);
    let read = use_state(|| None as Read);
    let reading = Reading {
        read: read.clone(),
        busy: use_state(|| false),
        started: use_memo((), |_| std::cell::Cell::new(0u32)),
    };
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
        let (text, done, reading) = (text.clone(), done.clone(), reading.clone());
        Callback::from(move |_: MouseEvent| {
            done.set(false);
            reading.start((*text).clone(), String::new());
        })
    };
    // Another SLO of the same file: read it instead.
    let onpick = {
        let (text, reading) = (text.clone(), reading.clone());
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            reading.start((*text).clone(), select.value());
        })
    };
    let oncancel = Callback::from(|_: MouseEvent| crate::browser::cancel_import());
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
            if *reading.busy {
                <p class="note" role="status" id="import-reading">
                    { "Reading the spec (the page stays usable meanwhile)… " }
                    <button type="button" id="import-cancel" onclick={oncancel}>{ "Cancel" }</button>
                </p>
            }
            { match &*read {
                Some(Ok(spec)) => html! { <>
                    <p class="note" role="status" id="import-format">{ format!("Read a {}. Your scenario is unchanged until you use this one.", spec.format) }</p>
                    if spec.count > 1 {
                        <div class="field">
                            <label for="import-slo">{ slo_choice_label(spec) }</label>
                            <select id="import-slo" onchange={onpick}>
                                { for spec.slos.iter().enumerate().map(|(i, name)| html! {
                                    <option value={name.clone()} selected={listed_place(spec, i) == spec.chosen}>
                                        { nines_core::quote::one_line(name, nines_core::import::NAME_CHARS) }
                                    </option>
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
