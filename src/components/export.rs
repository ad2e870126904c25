//! *Export*: tables as CSV, Markdown or Confluence wiki markup, the target
//! measures card as Markdown, the error-budget policy, the Prometheus rules
//! and the SLO as OpenSLO, Sloth and Pyrra documents — all written by
//! `nines_core::export` from the scenario the page shows, in a second wasm
//! module (`nines-lazy`) that the page fetches the first time the section
//! is used, so a first visit does not carry the writers.
//! This component only picks, previews, copies and downloads; the texts are
//! written when asked for (a click, an open preview).

use std::rc::Rc;

use nines_core::display::format_fraction_percent;
use nines_core::download::ExportKind;
use nines_core::export::{check_openslo, check_prometheus_rules, sloth_needs_windows, TABLE_NAMES};
use nines_core::production::{check_selector, BudgetPolicy, Counted};
use nines_core::quantity::parse_fraction;
use nines_core::scenario::Scenario;
use yew::prelude::*;

use super::choice::choice_field;
use super::disclosure::{use_open, Fold};
use super::field::{non_empty, use_commit, Commit, TextField};
use super::SectionProps;
use crate::browser::{copy_text, download, export_text, preload_exports};
use crate::state::{Action, PolicyEdit, ProductionAction, State};

/// The table formats offered: the core's id and the label.
const FORMATS: [(&str, &str); 3] = [
    ("csv", "CSV"),
    ("md", "Markdown"),
    ("wiki", "Confluence wiki markup"),
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

/// What the user chose to export: the table and its format, the scenario
/// (its names for the rules and the policy included) and the
/// instant the page evaluated it at.
#[derive(Clone, PartialEq)]
struct Choice {
    table: usize,
    format: usize,
    scenario: Scenario,
    now: String,
}

/// One export, written by the second wasm module (`nines-lazy`, fetched on
/// first use, so a first visit does not carry the writers): what to write,
/// and the file it becomes (named by the core, as the commands in the
/// exports quote it).
#[derive(Clone, PartialEq)]
struct Job {
    kind: ExportKind,
    format: &'static str,
    name: String,
    mime: &'static str,
}

impl Choice {
    /// The export `kind` of this choice.
    fn job(&self, kind: ExportKind) -> Job {
        let format = FORMATS[self.format.min(FORMATS.len() - 1)].0;
        let service = &self.scenario.production.service;
        let (name, mime) = kind.file(service, self.table, format);
        Job {
            kind,
            format: if kind == ExportKind::Table {
                format
            } else {
                ""
            },
            name,
            mime,
        }
    }

    /// The export's text, from the second module.
    async fn run(&self, job: &Job) -> Result<String, String> {
        let query = nines_core::link::encode(&self.scenario);
        export_text(job.kind.name(), &query, &self.now, self.table, job.format).await
    }
}

#[derive(Properties, PartialEq)]
struct PreviewProps {
    id: &'static str,
    label: &'static str,
    choice: Rc<Choice>,
    job: Job,
}

/// A preview, written only while it is open (and again when the scenario
/// changes while it is).
#[function_component(Preview)]
fn preview(props: &PreviewProps) -> Html {
    let (open, ontoggle) = use_open();
    let text = use_state(|| None::<Result<String, String>>);
    {
        let text = text.clone();
        use_effect_with(
            (open, props.choice.clone(), props.job.clone()),
            move |(open, choice, job)| {
                if *open {
                    let (choice, job) = (choice.clone(), job.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        text.set(Some(choice.run(&job).await));
                    });
                }
            },
        );
    }
    let (id, label) = (props.id, props.label);
    html! {
        <details class="data-table preview" {open} {ontoggle}>
            <summary>{ label }</summary>
            if open {
                { match &*text {
                    Some(Ok(t)) => html! {
                        <textarea {id} class="preview" readonly=true rows="8" aria-label={label} value={t.clone()} />
                    },
                    Some(Err(e)) => html! { <p class="error" role="alert">{ e }</p> },
                    None => html! { <p class="hint" role="status">{ "Writing…" }</p> },
                } }
            }
        </details>
    }
}

/// The callbacks of the series and names the rules and SLO documents use.
struct SeriesCommits {
    metric: Commit,
    service: Commit,
    slo_name: Commit,
    requests: Commit,
    errors: Commit,
    good: Commit,
}

/// The callbacks of the error-budget policy's fields.
struct PolicyCommits {
    caution: Commit,
    share: Commit,
    windows: Commit,
    normal: Commit,
    caution_text: Commit,
    exhausted: Commit,
    override_by: Commit,
}

/// The policy's shares: strictly between 0 and 1 (the caution tier) or up
/// to 1 (a postmortem).
fn share(t: &str, whole: bool) -> Result<f64, String> {
    let x = parse_fraction(t).map_err(|e| e.to_string())?;
    match (x > 0.0 && x < 1.0) || (whole && x == 1.0) {
        true => Ok(x),
        false if whole => Err("a share of the budget above 0% and at most 100%".into()),
        false => Err("a share of the budget above 0% and below 100%".into()),
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
    let series = SeriesCommits {
        metric: use_commit(&props.state, needed(), |x| {
            Action::Production(ProductionAction::Recording(x))
        }),
        service: use_commit(&props.state, needed(), |x| {
            Action::Production(ProductionAction::Service(x))
        }),
        slo_name: use_commit(&props.state, needed(), |x| {
            Action::Production(ProductionAction::SloName(x))
        }),
        requests: use_commit(&props.state, selector, |x| {
            Action::Production(ProductionAction::RequestsSeries(x))
        }),
        errors: use_commit(&props.state, selector, |x| {
            Action::Production(ProductionAction::ErrorsSeries(x))
        }),
        good: use_commit(&props.state, selector, |x| {
            Action::Production(ProductionAction::GoodSeries(x))
        }),
    };
    // The policy's fields: a share of the budget, a count of windows, and
    // sentences.
    let policy = PolicyCommits {
        caution: use_commit(
            &props.state,
            |t| share(t, false),
            |x| Action::Policy(PolicyEdit::CautionBelow(x)),
        ),
        share: use_commit(
            &props.state,
            |t| share(t, true),
            |x| Action::Policy(PolicyEdit::PostmortemShare(x)),
        ),
        windows: use_commit(
            &props.state,
            |t: &str| match t.trim().parse::<u32>() {
                Ok(n) if (1..=12).contains(&n) => Ok(n),
                _ => Err("a whole number of windows from 1 to 12"),
            },
            |n| Action::Policy(PolicyEdit::HandbackWindows(n)),
        ),
        normal: use_commit(&props.state, needed(), |x| {
            Action::Policy(PolicyEdit::Normal(x))
        }),
        caution_text: use_commit(&props.state, needed(), |x| {
            Action::Policy(PolicyEdit::Caution(x))
        }),
        exhausted: use_commit(&props.state, needed(), |x| {
            Action::Policy(PolicyEdit::Exhausted(x))
        }),
        override_by: use_commit(&props.state, needed(), |x| {
            Action::Policy(PolicyEdit::OverrideBy(x))
        }),
    };
    // Shared by every button and preview below (one copy of the scenario
    // per render, not one per button).
    let out = Exports {
        choice: Rc::new(Choice {
            table: *table,
            format: *format,
            scenario: props.state.scenario.clone(),
            now: report.budget.now_iso.clone().unwrap_or_default(),
        }),
        status: status.clone(),
    };
    // The first sign of use fetches the second module.
    let warm = Callback::from(|_: FocusEvent| preload_exports());
    let warm_pointer = Callback::from(|_: PointerEvent| preload_exports());

    html! {
        <section class="card" id="export" aria-labelledby="export-heading" onfocusin={warm} onpointerenter={warm_pointer}>
            <h2 id="export-heading">{ "Export" }</h2>
            <p class="convention">{ "Everything is produced in your browser from the figures above; downloads are local files." }</p>
            { tables(&out, &table, &format) }

            <h3>{ "Target measures card" }</h3>
            <div class="dep-actions">
                { out.button("copy-measures", "Copy as Markdown", ExportKind::Measures, true) }
                { out.button("download-measures", "Download .md", ExportKind::Measures, false) }
            </div>

            { policy_fold(&out, &props.state.scenario.policy, policy) }
            { sre_fold(&props.state, &out, series) }
            if let Some(s) = &*status {
                <p class="hint" role="status" id="export-status">{ s }</p>
            }
            <Fold id="export-import" summary="Import an SLO spec: Sloth, Pyrra or OpenSLO">
                <super::import::ImportSpec state={props.state.clone()} />
            </Fold>
        </section>
    }
}

/// The tables: which one, in which format, copied, downloaded or previewed.
fn tables(out: &Exports, table: &UseStateHandle<usize>, format: &UseStateHandle<usize>) -> Html {
    html! {
        <>
            <h3>{ "Tables" }</h3>
            <div class="fields">
                { select("export-table", "Table", TABLE_NAMES.iter().map(|t| t.to_string()).collect(), table) }
                { select("export-format", "Format", FORMATS.iter().map(|f| f.1.to_string()).collect(), format) }
            </div>
            <div class="dep-actions">
                { out.button("copy-table", "Copy", ExportKind::Table, true) }
                { out.button("download-table", "Download", ExportKind::Table, false) }
            </div>
            { out.preview("table-preview", "Preview", ExportKind::Table) }
        </>
    }
}

/// A choice among `options`, kept as its index in `state`.
fn select(
    id: &'static str,
    label: &'static str,
    options: Vec<String>,
    state: &UseStateHandle<usize>,
) -> Html {
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
                    <option value={i.to_string()} selected={**state == i}>{ o }</option>
                }) }
            </select>
        </div>
    }
}

/// What the section's buttons and previews export, and where a button says
/// what happened.
struct Exports {
    choice: Rc<Choice>,
    status: UseStateHandle<Option<String>>,
}

impl Exports {
    /// A button asking the second module for its export at the click, to
    /// copy or download it.
    fn button(
        &self,
        id: &'static str,
        label: &'static str,
        kind: ExportKind,
        copy_it: bool,
    ) -> Html {
        let choice = Rc::clone(&self.choice);
        let status = self.status.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let (choice, status) = (Rc::clone(&choice), status.clone());
            let job = choice.job(kind);
            wasm_bindgen_futures::spawn_local(async move {
                match choice.run(&job).await {
                    Ok(text) if copy_it => copy(text, status),
                    Ok(text) => download(&job.name, job.mime, &text),
                    Err(e) => status.set(Some(e)),
                }
            });
        });
        html! { <button type="button" {id} {onclick}>{ label }</button> }
    }

    fn preview(&self, id: &'static str, label: &'static str, kind: ExportKind) -> Html {
        let choice = &self.choice;
        html! { <Preview {id} {label} choice={Rc::clone(choice)} job={choice.job(kind)} /> }
    }
}

/// The error-budget policy: its fields, its downloads and a preview.
fn policy_fold(out: &Exports, policy: &BudgetPolicy, on: PolicyCommits) -> Html {
    html! {
        <Fold id="export-policy" summary="For the team: the error-budget policy (Markdown, Confluence, a printable page)">
        <div class="fields">
            <TextField id="policy-caution" label="Caution tier starts at (budget left)" value={format_fraction_percent(policy.caution_below)}
                on_commit={on.caution} hint="e.g. 50%" />
            <TextField id="policy-normal" label="Normal tier: what the team does" value={policy.normal.clone()} on_commit={on.normal} />
            <TextField id="policy-caution-text" label="Caution tier: what changes" value={policy.caution.clone()} on_commit={on.caution_text} />
            <TextField id="policy-exhausted" label="Budget spent: what changes" value={policy.exhausted.clone()} on_commit={on.exhausted} />
            <TextField id="policy-override" label="Who may override a freeze, and how" value={policy.override_by.clone()} on_commit={on.override_by} />
            <TextField id="policy-postmortem" label="Postmortem for an incident spending more than" value={format_fraction_percent(policy.postmortem_share)}
                on_commit={on.share} hint="a share of the window's budget, e.g. 20%" />
            <TextField id="policy-handback" label="On-call goes back after this many windows outside the budget" value={policy.handback_windows.to_string()}
                on_commit={on.windows} hint="1 to 12" />
        </div>
        <div class="dep-actions">
            { out.button("copy-policy", "Copy as Markdown", ExportKind::PolicyMarkdown, true) }
            { out.button("download-policy-md", "Download .md", ExportKind::PolicyMarkdown, false) }
            { out.button("download-policy-wiki", "Download Confluence", ExportKind::PolicyWiki, false) }
            { out.button("download-policy-html", "Download printable page", ExportKind::PolicyHtml, false) }
        </div>
        { out.preview("policy-preview", "Error-budget policy (Markdown)", ExportKind::PolicyMarkdown) }
        </Fold>
    }
}

/// For the SREs: the series and names, then the rules and the SLO
/// documents, or why they are refused (shown on every edit).
fn sre_fold(state: &UseReducerHandle<State>, out: &Exports, on: SeriesCommits) -> Html {
    let report = &state.report;
    let p = &state.scenario.production;
    html! {
        <Fold id="export-sre" summary="For the SREs: alerting rules and the SLO (Prometheus, OpenSLO, Sloth, Pyrra)">
        <div class="fields">
            <TextField id="export-service" label="Service name" value={p.service.clone()}
                on_commit={on.service} hint="lowercase, e.g. checkout" />
            <TextField id="export-slo-name" label="SLO name" value={p.slo.clone()}
                on_commit={on.slo_name} hint="one per SLO of the service, e.g. availability, login; every rule is labelled with it and the service, and each alert reads only its own" />
            <TextField id="export-requests" label="Series counting all requests" value={p.requests.clone()}
                on_commit={on.requests} hint="a PromQL selector, e.g. http_requests_total{job=\"checkout\"}" />
            { choice_field(state, "export-counted", "The second series counts", p.counted, |x| Action::Production(ProductionAction::Counted(x))) }
            if p.counted == Counted::Bad {
                <TextField id="export-errors" label="Series counting bad requests" value={p.errors.clone()}
                    on_commit={on.errors} hint="e.g. http_requests_total{job=\"checkout\",code=~\"5..\"}" />
            } else {
                <TextField id="export-good" label="Series counting good requests" value={p.good.clone()}
                    on_commit={on.good} hint="e.g. http_requests_total{job=\"checkout\",code!~\"5..\"}; the bad are all less these" />
            }
            <TextField id="export-metric" label="Error-ratio recording rule (window appended)" value={p.recording.clone()}
                on_commit={on.metric} hint="e.g. slo:sli_error:ratio_rate → slo:sli_error:ratio_rate5m" />
        </div>
        { match check_prometheus_rules(report, p).err() {
            None => html! { <>
                <div class="dep-actions">
                    { out.button("download-rules", "Download Prometheus rules", ExportKind::Rules, false) }
                    { out.button("copy-rules", "Copy", ExportKind::Rules, true) }
                </div>
                { out.preview("rules-preview", "Prometheus alerting rules (multiwindow, multi-burn-rate)", ExportKind::Rules) }
            </> },
            Some(e) => html! { <p class="error" role="alert" id="rules-error">{ e.to_string() }</p> },
        } }
        { match check_openslo(report, p).err() {
            None => html! { <>
                <div class="dep-actions">
                    { out.button("download-openslo", "Download OpenSLO", ExportKind::OpenSlo, false) }
                    { out.button("download-sloth", "Download Sloth spec", ExportKind::Sloth, false) }
                    if sloth_needs_windows(report) {
                        { out.button("download-sloth-windows", "Download Sloth alert windows", ExportKind::SlothWindows, false) }
                    }
                    { out.button("download-pyrra", "Download Pyrra SLO", ExportKind::Pyrra, false) }
                </div>
                { out.preview("openslo-preview", "OpenSLO v1 document", ExportKind::OpenSlo) }
                { out.preview("sloth-preview", "Sloth spec (prometheus/v1)", ExportKind::Sloth) }
                { out.preview("pyrra-preview", "Pyrra ServiceLevelObjective", ExportKind::Pyrra) }
            </> },
            Some(e) => html! { <p class="error" role="alert" id="openslo-error">{ e.to_string() }</p> },
        } }
        </Fold>
    }
}
