//! *Export*: tables as CSV, Markdown or Confluence wiki markup, the target
//! measures card as Markdown, the alert policy as Prometheus alerting rules
//! and the SLO as an OpenSLO document — all rendered by `nines_core::export`
//! from the same report the page shows; this component only picks, previews,
//! copies and downloads.

use nines_core::export::{
    measures_markdown, openslo, prometheus_rules, tables, to_confluence, to_csv, to_markdown,
};
use yew::prelude::*;

use super::field::{commit, non_empty, TextField};
use super::SectionProps;

const FORMATS: [(&str, &str, &str); 3] = [
    ("csv", "CSV", "text/csv"),
    ("md", "Markdown", "text/markdown"),
    ("confluence", "Confluence wiki markup", "text/plain"),
];

/// Offer `text` as a file download (a same-origin blob: URL; nothing leaves the browser).
pub(crate) fn download(name: &str, mime: &str, text: &str) {
    let blob = gloo::file::Blob::new_with_options(text, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    click_download(&url, name);
    // `url` is revoked when dropped, after the click has started the download.
}

/// Start the download of `url` under `name`.
pub(crate) fn click_download(url: &str, name: &str) {
    use wasm_bindgen::JsCast;
    if let Ok(a) = gloo::utils::document().create_element("a") {
        let a: web_sys::HtmlElement = a.unchecked_into();
        let _ = a.set_attribute("href", url);
        let _ = a.set_attribute("download", name);
        a.click();
    }
}

fn copy(text: String, status: UseStateHandle<Option<String>>) {
    let clipboard = gloo::utils::window().navigator().clipboard();
    wasm_bindgen_futures::spawn_local(async move {
        let done = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await;
        status.set(Some(match done {
            Ok(_) => "Copied.".into(),
            Err(_) => "The browser refused the clipboard: select the preview and copy it.".into(),
        }));
    });
}

#[function_component(ExportSection)]
pub fn export_section(props: &SectionProps) -> Html {
    let report = &props.state.report;
    let all = tables(report);
    let table = use_state(|| 0usize);
    let format = use_state(|| 0usize);
    let metric = use_state(|| "slo:sli_error:ratio_rate".to_string());
    let service = use_state(|| "checkout".to_string());
    let status = use_state(|| None::<String>);

    let chosen = all.get(*table).or(all.first());
    let (ext, _, mime) = FORMATS[(*format).min(FORMATS.len() - 1)];
    let table_text = chosen
        .map(|t| match ext {
            "csv" => to_csv(t),
            "md" => to_markdown(t),
            _ => to_confluence(t),
        })
        .unwrap_or_default();
    let file_stem = chosen
        .map(|t| {
            t.title
                .to_lowercase()
                .replace(|c: char| !c.is_ascii_alphanumeric(), "-")
        })
        .unwrap_or_else(|| "table".into());
    let measures = measures_markdown(report);
    let rules = prometheus_rules(report, &metric, &service);
    let slo = openslo(
        report,
        &service,
        &format!(
            "sum(rate(http_requests_total{{service=\"{}\",code=~\"5..\"}}[{{{{.window}}}}]))",
            *service
        ),
        &format!(
            "sum(rate(http_requests_total{{service=\"{}\"}}[{{{{.window}}}}]))",
            *service
        ),
    );

    let select = |id: &'static str,
                  label: &'static str,
                  options: Vec<String>,
                  state: UseStateHandle<usize>| {
        let onchange = {
            let state = state.clone();
            Callback::from(move |e: Event| {
                let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
                state.set(s.value().parse().unwrap_or(0));
            })
        };
        html! {
            <div class="field">
                <label for={id}>{ label }</label>
                <select {id} {onchange}>
                    { for options.iter().enumerate().map(|(i, o)| html! {
                        <option value={i.to_string()} selected={*state == i}>{ o }</option>
                    }) }
                </select>
            </div>
        }
    };
    let button = |id: &'static str, label: &'static str, action: Callback<MouseEvent>| {
        html! { <button type="button" {id} onclick={action}>{ label }</button> }
    };
    let on_copy = |text: String| {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| copy(text.clone(), status.clone()))
    };
    let on_download = |name: String, mime: &'static str, text: String| {
        Callback::from(move |_: MouseEvent| download(&name, mime, &text))
    };
    let on_text = |state: UseStateHandle<String>| {
        commit(non_empty("this field is needed for the export"), move |v| {
            state.set(v)
        })
    };
    let preview = |id: &'static str, label: String, text: &str| {
        html! {
            <>
                <label class="preview-label" for={id}>{ label }</label>
                <textarea {id} class="preview" readonly=true rows="8" value={text.to_string()} />
            </>
        }
    };

    html! {
        <section class="card" id="export" aria-labelledby="export-heading">
            <h2 id="export-heading">{ "Export" }</h2>
            <p class="convention">{ "Everything is produced in your browser from the figures above; downloads are local files." }</p>
            <h3>{ "Tables" }</h3>
            <div class="fields">
                { select("export-table", "Table", all.iter().map(|t| t.title.clone()).collect(), table.clone()) }
                { select("export-format", "Format", FORMATS.iter().map(|f| f.1.to_string()).collect(), format.clone()) }
            </div>
            <div class="dep-actions">
                { button("copy-table", "Copy", on_copy(table_text.clone())) }
                { button("download-table", "Download", on_download(format!("nines-{file_stem}.{}", if ext == "confluence" { "txt" } else { ext }), mime, table_text.clone())) }
            </div>
            { preview("table-preview", "Preview".into(), &table_text) }

            <h3>{ "Target measures card" }</h3>
            <div class="dep-actions">
                { button("copy-measures", "Copy as Markdown", on_copy(measures.clone())) }
                { button("download-measures", "Download .md", on_download("nines-target-measures.md".into(), "text/markdown", measures.clone())) }
            </div>

            <h3>{ "For the SREs: alerting rules and the SLO" }</h3>
            <div class="fields">
                <TextField id="export-metric" label="Error-ratio recording rule (window appended)" value={(*metric).clone()}
                    on_commit={on_text(metric.clone())} hint="e.g. slo:sli_error:ratio_rate → slo:sli_error:ratio_rate5m" />
                <TextField id="export-service" label="Service name" value={(*service).clone()}
                    on_commit={on_text(service.clone())} hint="lowercase, e.g. checkout" />
            </div>
            { match &rules {
                Ok(yaml) => html! { <>
                    <div class="dep-actions">
                        { button("download-rules", "Download Prometheus rules", on_download(format!("{}-slo-rules.yaml", *service), "application/yaml", yaml.clone())) }
                        { button("copy-rules", "Copy", on_copy(yaml.clone())) }
                    </div>
                    { preview("rules-preview", "Prometheus alerting rules (multiwindow, multi-burn-rate)".into(), yaml) }
                </> },
                Err(e) => html! { <p class="error" role="alert" id="rules-error">{ e.to_string() }</p> },
            } }
            { match &slo {
                Ok(yaml) => html! { <>
                    <div class="dep-actions">
                        { button("download-openslo", "Download OpenSLO", on_download(format!("{}-slo.openslo.yaml", *service), "application/yaml", yaml.clone())) }
                    </div>
                    { preview("openslo-preview", "OpenSLO v1 document".into(), yaml) }
                </> },
                Err(e) => html! { <p class="error" role="alert" id="openslo-error">{ e.to_string() }</p> },
            } }
            if let Some(s) = &*status {
                <p class="hint" role="status" id="export-status">{ s }</p>
            }
        </section>
    }
}
