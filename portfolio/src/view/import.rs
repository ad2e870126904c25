//! In from what teams have: an SLO spec that holds several SLOs (Sloth,
//! OpenSLO, Pyrra) opened as a portfolio, one service an SLO, each with
//! what it could not carry. The spec is read off the page's thread by the
//! page's own reader (`static/lazy-import.js` and its worker, running the
//! second module's `read_portfolio_spec`), within the reader's time
//! budget, so a large or hostile file never freezes the view.

use nines_core::portfolio::link;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::state::Action;
use crate::view::dispatch::Dispatch;

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = "
function reader() {
  return import(new URL('lazy-import.js', document.baseURI).href).catch(() => { throw 'unloaded\\n'; });
}
export function read_portfolio(text, name, seconds) {
  return reader().then((m) => m.read(text, '', seconds, name));
}
export function cancel_read() {
  reader().then((m) => m.cancel(), () => {});
}
")]
extern "C" {
    fn read_portfolio(text: &str, name: &str, seconds: f64) -> js_sys::Promise;
    fn cancel_read();
}

/// What stopping the reader on a document says.
const STOPPED: &str = "The spec reader stopped on this file (an internal error, or more memory \
                       than the page has): nothing was read, and your portfolio is unchanged.";

/// The portfolio's link read from `text`, or why not, in words.
async fn read(text: &str, name: &str) -> Result<String, String> {
    let seconds = nines_core::import::MAX_READ_SECONDS as f64;
    let refusal = match JsFuture::from(read_portfolio(text, name, seconds)).await {
        Ok(v) => return v.as_string().ok_or_else(|| STOPPED.to_string()),
        Err(e) => e.as_string().unwrap_or_default(),
    };
    let (kind, message) = refusal.split_once('\n').unwrap_or(("stopped", ""));
    Err(match kind {
        "refused" => message.to_string(),
        "slow" => nines_core::import::too_slow(),
        "cancelled" => "Reading stopped: nothing was read, and your portfolio is unchanged.".into(),
        "unloaded" => {
            "The spec reader could not be loaded: check the connection, then try again.".into()
        }
        _ => STOPPED.into(),
    })
}

#[derive(Properties, PartialEq)]
pub struct SpecImportProps {
    pub dispatch: Dispatch,
}

#[function_component(SpecImport)]
pub fn spec_import(p: &SpecImportProps) -> Html {
    let text = use_state(String::new);
    let name = use_state(|| "imported".to_string());
    let reading = use_state(|| false);
    let error = use_state(|| None::<String>);
    let on_text = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let on_file = {
        let (text, name, error) = (text.clone(), name.clone(), error.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let stem = file.name();
            let stem = stem
                .rsplit_once('.')
                .map_or(stem.as_str(), |(s, _)| s)
                .to_string();
            let (text, name, error) = (text.clone(), name.clone(), error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|v| v.as_string())
                {
                    Some(t) => {
                        text.set(t);
                        name.set(stem);
                        error.set(None);
                    }
                    None => error.set(Some("The file could not be read as text.".into())),
                }
            });
        })
    };
    let on_open = {
        let (text, name, reading, error, dispatch) = (
            text.clone(),
            name.clone(),
            reading.clone(),
            error.clone(),
            p.dispatch.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let (spec, file) = ((*text).clone(), (*name).clone());
            let (reading, error, dispatch) = (reading.clone(), error.clone(), dispatch.clone());
            reading.set(true);
            error.set(None);
            wasm_bindgen_futures::spawn_local(async move {
                let read = read(&spec, &file).await;
                reading.set(false);
                match read {
                    Ok(pairs) => {
                        let d = link::decode(&pairs);
                        // A new entry in the history: Back returns to what was here.
                        crate::view::store::keep(&d.portfolio, true);
                        dispatch.dispatch(Action::Open(d.portfolio, d.notices));
                    }
                    Err(why) => error.set(Some(why)),
                }
            });
        })
    };
    let on_cancel = Callback::from(|_: MouseEvent| cancel_read());
    html! {
        <details class="workings" id="portfolio-import">
            <summary>{ "Open an SLO spec as a portfolio (Sloth, OpenSLO, Pyrra)" }</summary>
            <p class="convention">
                { "Every SLO of the file becomes a service, with what Nines could not carry listed \
                   under it; link the services to each other below. This replaces the portfolio here \
                   (Back returns to it)." }
            </p>
            <div class="field">
                <label for="portfolio-spec-file">{ "A spec file" }</label>
                <input type="file" id="portfolio-spec-file" accept=".yaml,.yml,.json" onchange={on_file} />
            </div>
            <div class="field">
                <label for="portfolio-spec">{ "Or paste it" }</label>
                <textarea id="portfolio-spec" class="preview" rows="6" value={(*text).clone()} oninput={on_text} />
            </div>
            <div class="toolbar">
                <button type="button" id="portfolio-spec-open" onclick={on_open}
                    disabled={*reading || text.trim().is_empty()}>
                    { "Open as a portfolio" }
                </button>
                if *reading {
                    <span role="status">{ "Reading the spec (the page stays usable meanwhile)…" }</span>
                    <button type="button" id="portfolio-spec-cancel" onclick={on_cancel}>{ "Cancel" }</button>
                }
            </div>
            if let Some(why) = &*error {
                <p class="error" id="portfolio-spec-error" role="alert">{ why }</p>
            }
        </details>
    }
}
