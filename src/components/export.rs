//! *Export*: tables as CSV, Markdown or Confluence wiki markup, the target
//! measures card as Markdown, the alert policy as Prometheus alerting rules
//! and the SLO as an OpenSLO document — all rendered by `nines_core::export`
//! from the same report the page shows; this component only picks, previews,
//! copies and downloads. The texts are written when asked for (a click, an
//! open preview), not on every edit of the scenario.

use nines_core::export::{
    check_openslo, check_prometheus_rules, measures_markdown, openslo, prometheus_rules, pyrra,
    sloth, to_confluence, to_csv, to_markdown, TABLES,
};
use nines_core::production::{check_selector, ProductionInputs};
use nines_core::scenario::Report;
use yew::prelude::*;

use super::disclosure::use_open;
use super::field::{non_empty, use_commit, TextField};
use super::SectionProps;
use crate::browser::{copy_text, download};
use crate::state::Action;

const FORMATS: [(&str, &str, &str); 3] = [
    ("csv", "CSV", "text/csv"),
    ("md", "Markdown", "text/markdown"),
    ("confluence", "Confluence wiki markup", "text/plain"),
];

fn copy(text: String, status: UseStateHandle<Option<String>>) {
    copy_text(text, move |copied| {
        status.set(Some(if copied {
            "Copied.".into()
        } else {
            "The browser refused the clipboard: select the preview and copy it.".into()
        }));
    });
}

/// What the user chose to export: the table and its format, and the names
/// the rules and the SLO document use (the scenario's, issue 17).
#[derive(Clone, PartialEq)]
struct Choice {
    table: usize,
    format: usize,
    production: ProductionInputs,
}

/// One export: its file name, media type and text.
struct File {
    name: String,
    mime: &'static str,
    text: String,
}

/// Writes one export from a report; `None` when the choice cannot be
/// exported (the section shows why).
type Write = fn(&Choice, &Report) -> Option<File>;

impl Choice {
    /// The OpenSLO queries for the service: bad and all requests.
    fn queries(&self) -> (String, String) {
        self.production.window_queries("{{.window}}")
    }

    fn table(&self, report: &Report) -> Option<File> {
        let (_, write) = TABLES.get(self.table).or(TABLES.first())?;
        let t = &write(report);
        let (ext, _, mime) = FORMATS[self.format.min(FORMATS.len() - 1)];
        let text = match ext {
            "csv" => to_csv(t),
            "md" => to_markdown(t),
            _ => to_confluence(t),
        };
        let stem = t
            .title
            .to_lowercase()
            .replace(|c: char| !c.is_ascii_alphanumeric(), "-");
        let ext = if ext == "confluence" { "txt" } else { ext };
        let name = format!("nines-{stem}.{ext}");
        Some(File { name, mime, text })
    }

    fn measures(&self, report: &Report) -> Option<File> {
        let text = measures_markdown(report);
        let name = "nines-target-measures.md".into();
        Some(File {
            name,
            mime: "text/markdown",
            text,
        })
    }

    fn rules(&self, report: &Report) -> Option<File> {
        let text = prometheus_rules(report, &self.production).ok()?;
        let name = format!("{}-slo-rules.yaml", self.production.service);
        Some(File {
            name,
            mime: "application/yaml",
            text,
        })
    }

    fn sloth(&self, report: &Report) -> Option<File> {
        let text = sloth(report, &self.production).ok()?;
        let name = format!("{}-slo.sloth.yaml", self.production.service);
        Some(File {
            name,
            mime: "application/yaml",
            text,
        })
    }

    fn pyrra(&self, report: &Report) -> Option<File> {
        let text = pyrra(report, &self.production).ok()?;
        let name = format!("{}-slo.pyrra.yaml", self.production.service);
        Some(File {
            name,
            mime: "application/yaml",
            text,
        })
    }

    fn openslo(&self, report: &Report) -> Option<File> {
        let (bad, total) = self.queries();
        let text = openslo(report, &self.production.service, &bad, &total).ok()?;
        let name = format!("{}-slo.openslo.yaml", self.production.service);
        Some(File {
            name,
            mime: "application/yaml",
            text,
        })
    }
}

#[function_component(ExportSection)]
pub fn export_section(props: &SectionProps) -> Html {
    let report = &props.state.report;
    let table = use_state(|| 0usize);
    let format = use_state(|| 0usize);
    let status = use_state(|| None::<String>);
    let needed = || non_empty("this field is needed for the export");
    let selector = |t: &str| check_selector(t).map(|()| t.trim().to_string());
    let on_metric = use_commit(&props.state, needed(), Action::SetRecording);
    let on_service = use_commit(&props.state, needed(), Action::SetService);
    let on_requests = use_commit(&props.state, selector, Action::SetRequestsSeries);
    let on_errors = use_commit(&props.state, selector, Action::SetErrorsSeries);
    let previews = [use_open(), use_open(), use_open(), use_open(), use_open()];
    let p = &props.state.scenario.production;
    let choice = Choice {
        table: *table,
        format: *format,
        production: p.clone(),
    };
    // Shown on every edit: why an export is refused.
    let rules_error = check_prometheus_rules(report, p).err();
    let (bad, total) = choice.queries();
    let openslo_error = check_openslo(report, &p.service, &bad, &total).err();

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
    // The buttons write their export from the report at the click.
    let button = |id: &'static str, label: &'static str, write: Write, copy_it: bool| {
        let state = props.state.clone();
        let choice = choice.clone();
        let status = status.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            if let Some(file) = write(&choice, &state.report) {
                if copy_it {
                    copy(file.text, status.clone());
                } else {
                    download(&file.name, file.mime, &file.text);
                }
            }
        });
        html! { <button type="button" {id} {onclick}>{ label }</button> }
    };

    // A preview is written only while it is open.
    let preview = |which: usize, id: &'static str, label: &'static str, write: Write| {
        let (open, ontoggle) = previews[which].clone();
        html! {
            <details class="data-table preview" {open} {ontoggle}>
                <summary>{ label }</summary>
                if open {
                    <textarea {id} class="preview" readonly=true rows="8" aria-label={label}
                        value={write(&choice, report).map(|f| f.text).unwrap_or_default()} />
                }
            </details>
        }
    };

    html! {
        <section class="card" id="export" aria-labelledby="export-heading">
            <h2 id="export-heading">{ "Export" }</h2>
            <p class="convention">{ "Everything is produced in your browser from the figures above; downloads are local files." }</p>
            <h3>{ "Tables" }</h3>
            <div class="fields">
                { select("export-table", "Table", TABLES.iter().map(|t| t.0.to_string()).collect(), table.clone()) }
                { select("export-format", "Format", FORMATS.iter().map(|f| f.1.to_string()).collect(), format.clone()) }
            </div>
            <div class="dep-actions">
                { button("copy-table", "Copy", Choice::table, true) }
                { button("download-table", "Download", Choice::table, false) }
            </div>
            { preview(0, "table-preview", "Preview", Choice::table) }

            <h3>{ "Target measures card" }</h3>
            <div class="dep-actions">
                { button("copy-measures", "Copy as Markdown", Choice::measures, true) }
                { button("download-measures", "Download .md", Choice::measures, false) }
            </div>

            <h3>{ "For the SREs: alerting rules and the SLO" }</h3>
            <div class="fields">
                <TextField id="export-service" label="Service name" value={p.service.clone()}
                    on_commit={on_service} hint="lowercase, e.g. checkout" />
                <TextField id="export-requests" label="Series counting all requests" value={p.requests.clone()}
                    on_commit={on_requests} hint="a PromQL selector, e.g. http_requests_total{job=\"checkout\"}" />
                <TextField id="export-errors" label="Series counting bad requests" value={p.errors.clone()}
                    on_commit={on_errors} hint="e.g. http_requests_total{job=\"checkout\",code=~\"5..\"}" />
                <TextField id="export-metric" label="Error-ratio recording rule (window appended)" value={p.recording.clone()}
                    on_commit={on_metric} hint="e.g. slo:sli_error:ratio_rate → slo:sli_error:ratio_rate5m" />
            </div>
            { match &rules_error {
                None => html! { <>
                    <div class="dep-actions">
                        { button("download-rules", "Download Prometheus rules", Choice::rules, false) }
                        { button("copy-rules", "Copy", Choice::rules, true) }
                    </div>
                    { preview(1, "rules-preview", "Prometheus alerting rules (multiwindow, multi-burn-rate)", Choice::rules) }
                </> },
                Some(e) => html! { <p class="error" role="alert" id="rules-error">{ e.to_string() }</p> },
            } }
            { match &openslo_error {
                None => html! { <>
                    <div class="dep-actions">
                        { button("download-openslo", "Download OpenSLO", Choice::openslo, false) }
                        { button("download-sloth", "Download Sloth spec", Choice::sloth, false) }
                        { button("download-pyrra", "Download Pyrra SLO", Choice::pyrra, false) }
                    </div>
                    { preview(2, "openslo-preview", "OpenSLO v1 document", Choice::openslo) }
                    { preview(3, "sloth-preview", "Sloth spec (prometheus/v1)", Choice::sloth) }
                    { preview(4, "pyrra-preview", "Pyrra ServiceLevelObjective", Choice::pyrra) }
                </> },
                Some(e) => html! { <p class="error" role="alert" id="openslo-error">{ e.to_string() }</p> },
            } }
            if let Some(s) = &*status {
                <p class="hint" role="status" id="export-status">{ s }</p>
            }
        </section>
    }
}
