//! Import: an SLO spec a team already has, read into a [`Scenario`].
//! Three formats, each read as its project documents it,
//! one reader a file:
//!
//! * a **Sloth** spec (`sloth.rs`), `version: "prometheus/v1"`
//!   (github.com/slok/sloth, README "Getting started" and
//!   `pkg/prometheus/api/v1`: `service`, `slos[]` with a `name`, an
//!   `objective` as a percentage, an `events` SLI of `error_query` and
//!   `total_query` over `{{.window}}`, `alerting`), or the same spec as
//!   Sloth's Kubernetes resource (`apiVersion: sloth.slok.dev/v1`, `kind:
//!   PrometheusServiceLevel`, `pkg/kubernetes/api/sloth/v1`: the spec under
//!   `spec:`, `errorQuery`, `totalQuery`, `pageAlert`, `ticketAlert`), with
//!   Sloth's default SLO period of 30 days (its `--default-slo-period`) and
//!   Sloth's default alert windows; an optional `AlertWindows` document
//!   (`examples/windows/7d.yaml`: the `sloPeriod` and the page and ticket
//!   `quick` and `slow` windows with their `errorBudgetPercent`) gives the
//!   period and the alert rows. Every SLO is checked as Sloth checks it
//!   (`pkg/common/validation`): its objective, a service and name of
//!   Sloth's form, one SLI type, an alert name unless both alerts are off;
//! * a **Pyrra** `ServiceLevelObjective` (`pyrra.rs`, `apiVersion:
//!   pyrra.dev/v1alpha1`, github.com/pyrra-dev/pyrra README: `spec.target` a
//!   percentage string, `spec.window` a Prometheus duration, a `ratio`
//!   indicator of `errors` and `total` metric selectors), with Pyrra's own
//!   burn-rate alerts;
//! * an **OpenSLO** `SLO` (`openslo.rs`): v1 (`apiVersion: openslo/v1`,
//!   github.com/OpenSLO/OpenSLO README "SLO", "Objectives", "SLI": the
//!   `service`, `objectives[].target` a fraction or `targetPercent`, one
//!   `timeWindow` rolling or calendar-aligned with a `startTime` and an IANA
//!   `timeZone`, the `budgetingMethod`, an inline or referenced `ratioMetric`
//!   indicator of `bad` or `good` and `total` queries), or v1alpha, the
//!   version Sloth reads (`timeWindows` of a `unit` and a `count`,
//!   `ratioMetrics` whose `good` or `bad` and `total` are each a `source:
//!   prometheus`, `queryType: promql` and a `query`). A calendar day, week,
//!   month, quarter or year repeats from its `startTime` (`calendar.rs`).
//!
//! A file may hold several SLOs (a Sloth spec's `slos`, several YAML
//! documents, a document that is a list of documents) and other kinds
//! (SLI, AlertPolicy, Service…): [`import_slo`] reads the one named (the
//! first by default), an SLI it names by `indicatorRef` too, checks every
//! SLO, and lists the others. The SLO's name becomes the scenario's `slo`
//! label.
//!
//! Whatever the scenario cannot hold — another SLO, labels, annotations,
//! alert names, a latency indicator, a query of another shape than
//! `sum(rate(SELECTOR[{{.window}}]))` or a counter `sum(SELECTOR)`, a named
//! time zone, other documents —
//! is listed in [`Imported::not_carried`], never silently dropped: every
//! node of every document is either read or listed. What the format leaves
//! out and was assumed (Sloth's default period) is in
//! [`Imported::assumed`]. A document that cannot be read gets an
//! [`ImportError`] with its line and what was expected. Nothing panics.
//!
//! YAML is read with `saphyr` (saphyr-rs). Only this module uses it; the
//! page does not call [`import`], so it is not in the page's wasm.

use std::collections::BTreeSet;
use std::fmt;

use saphyr::{LoadableYamlNode, MarkedYaml, Scalar, YamlData};

use crate::clock::Alignment;
use crate::scenario::Scenario;

mod calendar;
mod openslo;
mod pyrra;
mod read;
mod sloth;
mod values;

use openslo::{openslo, openslo_v1alpha};
use pyrra::pyrra;
pub use read::{MAX_LISTED, NAME_CHARS};
use read::{Out, Source, error, get, items, line_of, names_listed, plain_text, untag};
use sloth::sloth;

/// What [`import`] read: the scenario, the format it was in (for people),
/// and what it could not carry.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// [`Scenario::default`] with the target, the SLO window, the alert
    /// policy, the budget mode and the production names read.
    pub scenario: Scenario,
    /// The format, for people: `Sloth spec (prometheus/v1)`.
    pub format: &'static str,
    /// Everything in the documents the scenario cannot hold, one line each:
    /// where it was and what it said; the first [`MAX_LISTED`].
    pub not_carried: Vec<String>,
    /// How many more the scenario cannot hold, beyond those listed.
    pub not_carried_more: usize,
    /// What the documents left out and was taken from the format's
    /// defaults (Sloth's 30-day period, say).
    pub assumed: Vec<String>,
    /// The SLOs the file holds, by name, in order (a name that repeats in
    /// the file is written as Sloth's SLO ID, `<service>-<name>`).
    pub slos: Vec<String>,
    /// The one read: its place in [`Self::slos`].
    pub chosen: usize,
}

impl Imported {
    /// The policy's alerts, one line each (`page 2% 1h 5m`).
    pub fn alert_lines(&self) -> Vec<String> {
        let s = &self.scenario;
        s.alerts
            .alerts_of(s.alerts.policy, s.slo_window.seconds(s.convention))
            .iter()
            .map(|a| a.to_string())
            .collect()
    }

    /// The window in words: `rolling 30 days`, `each calendar month
    /// (UTC+01:00)`, `30 days from 2026-11-05T00:00:00Z`.
    pub fn window_words(&self) -> String {
        let s = &self.scenario;
        let b = &s.budget;
        match b.alignment {
            Alignment::Rolling => format!("rolling {}", s.slo_window.name()),
            Alignment::Calendar => format!(
                "each calendar {} ({})",
                s.slo_window.name(),
                b.utc_offset.label()
            ),
            Alignment::Pinned => format!(
                "{} from {}",
                s.slo_window.name(),
                crate::display::format_instant_iso(b.start)
            ),
        }
    }

    /// What was read, for people (the CLI's text and the page's summary,
    /// written once): the figures, then what was assumed and what was not
    /// carried.
    pub fn describe(&self) -> String {
        use crate::choice::Choice;
        use crate::quote::one_line;
        let s = &self.scenario;
        let mut out = String::new();
        let mut line = |label: &str, value: &str| out.push_str(&format!("{label:<10} {value}\n"));
        line("Target", &s.target.to_string());
        line("Window", &self.window_words());
        line("Budget", s.budget.mode.choice_label());
        line("Policy", s.alerts.policy.choice_label());
        for (n, a) in self.alert_lines().iter().enumerate() {
            line(if n == 0 { "Alerts" } else { "" }, a);
        }
        line("Service", &one_line(&s.production.service, NAME_CHARS));
        line("SLO", &one_line(&s.production.slo, NAME_CHARS));
        if self.slos.len() > 1 {
            let these = format!(
                "{} (read: {})",
                names_listed(self.slos.iter().map(String::as_str), one_line),
                one_line(
                    self.slos.get(self.chosen).map_or("", String::as_str),
                    NAME_CHARS
                )
            );
            line("In file", &these);
        }
        line("Requests", &s.production.requests);
        match s.production.counted {
            crate::production::Counted::Bad => line("Errors", &s.production.errors),
            crate::production::Counted::Good => line("Good", &s.production.good),
        }
        if !self.assumed.is_empty() {
            out.push_str("\nAssumed (the format's defaults):\n");
            for a in &self.assumed {
                out.push_str(&format!("  - {a}\n"));
            }
        }
        if self.not_carried.is_empty() {
            out.push_str("\nEverything in the file was carried.\n");
        } else {
            out.push_str(&format!(
                "\nNot carried ({}: the scenario cannot hold them):\n",
                self.not_carried.len() + self.not_carried_more
            ));
            for n in &self.not_carried {
                out.push_str(&format!("  - {n}\n"));
            }
            if self.not_carried_more > 0 {
                out.push_str(&format!(
                    "  … and {} more, not listed (the first {MAX_LISTED} are)\n",
                    self.not_carried_more
                ));
            }
        }
        out
    }
}

/// Why a document could not be imported: where (the line, from 1, when
/// known) and what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// The line of the input the problem is on, from 1.
    pub line: Option<usize>,
    /// What was wrong and what was expected.
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ImportError {}

/// The three formats understood, for messages.
const UNDERSTOOD: &str = "a Sloth spec (version: \"prometheus/v1\", or apiVersion: \
                          sloth.slok.dev/v1, kind: PrometheusServiceLevel), a Pyrra \
                          ServiceLevelObjective (apiVersion: pyrra.dev/v1alpha1) or an OpenSLO \
                          SLO (apiVersion: openslo/v1 or openslo/v1alpha, kind: SLO)";

/// What a Sloth or Pyrra query must look like to give a selector.
const QUERY_SHAPE: &str = "sum(rate(SELECTOR[{{.window}}])) or sum(SELECTOR)";

/// The largest input read, in bytes: far above any SLO spec, and it keeps
/// the parser's work and the tree's depth bounded.
pub const MAX_INPUT_BYTES: usize = 1 << 20;

/// Reads one or several YAML documents — a Sloth spec, a Pyrra
/// `ServiceLevelObjective` or an OpenSLO `SLO`, see the module's
/// documentation — into a scenario: the first SLO of the file, as
/// [`import_slo`] with no name.
///
/// ```
/// use nines_core::import::import;
/// let yaml = r#"
/// apiVersion: pyrra.dev/v1alpha1
/// kind: ServiceLevelObjective
/// metadata:
///   name: checkout
/// spec:
///   target: "99.9"
///   window: 28d
///   indicator:
///     ratio:
///       errors:
///         metric: http_requests_total{job="checkout",code=~"5.."}
///       total:
///         metric: http_requests_total{job="checkout"}
/// "#;
/// let imported = import(yaml).unwrap();
/// assert_eq!(imported.scenario.target.to_string(), "99.9%");
/// assert_eq!(imported.scenario.slo_window.id(), "28d");
/// assert!(imported.not_carried.is_empty());
/// let err = import("kind: Deployment").unwrap_err();
/// assert_eq!(err.line, Some(1));
/// assert!(err.message.contains("Sloth spec"));
/// ```
pub fn import(text: &str) -> Result<Imported, ImportError> {
    import_slo(text, None)
}

/// Reads the SLO named `slo` (the first when `None`) of a file that may
/// hold several: a Sloth spec's `slos`, several YAML documents, a list of
/// documents. Every SLO in the file is checked, not only the one read, so
/// a file Sloth or an OpenSLO tool would refuse is refused here too, with
/// the SLO's name and line. [`Imported::slos`] names them all, in order.
///
/// ```
/// use nines_core::import::import_slo;
/// let yaml = r#"
/// version: "prometheus/v1"
/// service: "checkout"
/// slos:
///   - name: "requests-availability"
///     objective: 99.9
///     sli: {events: {error_query: "sum(rate(e[{{.window}}]))", total_query: "sum(rate(t[{{.window}}]))"}}
///     alerting: {name: CheckoutErrors}
///   - name: "requests-latency"
///     objective: 99
///     sli: {events: {error_query: "sum(rate(slow[{{.window}}]))", total_query: "sum(rate(t[{{.window}}]))"}}
///     alerting: {name: CheckoutLatency}
/// "#;
/// let i = import_slo(yaml, Some("requests-latency")).unwrap();
/// assert_eq!(i.slos, ["requests-availability", "requests-latency"]);
/// assert_eq!(i.chosen, 1);
/// assert_eq!(i.scenario.target.to_string(), "99%");
/// assert_eq!(i.scenario.production.slo, "requests-latency");
/// let err = import_slo(yaml, Some("latency")).unwrap_err();
/// assert_eq!(err.message, r#"no SLO named "latency" in the file; it holds "requests-availability", "requests-latency""#);
/// ```
pub fn import_slo(text: &str, slo: Option<&str>) -> Result<Imported, ImportError> {
    let nodes = parse(text)?;
    let src = Source { text };
    let docs = documents(&nodes);
    let entries = slo_entries(&docs);
    if entries.is_empty() {
        let (line, what) = match docs.first() {
            Some(d) => (Some(line_of(d.node)), d.describe()),
            None => (None, "no document".to_string()),
        };
        return Err(error(line, format!("expected {UNDERSTOOD}; found {what}")));
    }
    let names: Vec<String> = entries.iter().map(|e| e.name.clone()).collect();
    let chosen = match slo {
        None => 0,
        Some(name) => names.iter().position(|n| n == name.trim()).ok_or_else(|| {
            error(
                None,
                format!(
                    "no SLO named {} in the file; it holds {}",
                    crate::quote::quoted(name, NAME_CHARS),
                    names_listed(names.iter().map(String::as_str), crate::quote::quoted)
                ),
            )
        })?,
    };
    let mut read = None;
    for (n, entry) in entries.iter().enumerate() {
        let result = read_entry(&docs, entry, &src).map_err(|mut e| {
            if entries.len() > 1 {
                e.message = format!(
                    "the SLO {}: {}",
                    crate::quote::quoted(&entry.name, NAME_CHARS),
                    e.message
                );
            }
            e
        })?;
        if n == chosen {
            read = Some(result);
        }
    }
    let Some((scenario, format, mut out, used_docs)) = read else {
        return Err(error(None, "no SLO was read"));
    };
    list_other_documents(&docs, &entries, chosen, &used_docs, &mut out);
    Ok(Imported {
        scenario,
        format,
        not_carried: out.not_carried,
        not_carried_more: out.not_carried_more,
        assumed: out.assumed,
        slos: names,
        chosen,
    })
}

/// The YAML documents of a text, refused when too large, too deep or not
/// YAML.
fn parse(text: &str) -> Result<Vec<MarkedYaml<'_>>, ImportError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(error(
            None,
            format!(
                "the input is {} bytes: an SLO spec is expected, at most {MAX_INPUT_BYTES} bytes",
                text.len()
            ),
        ));
    }
    if let Some(line) = too_deep(text) {
        return Err(error(
            Some(line),
            format!("this line nests more than {MAX_DEPTH} levels deep: an SLO spec is expected"),
        ));
    }
    let nodes = MarkedYaml::load_from_str(text).map_err(|e| {
        // The YAML library stops expanding aliases past its own budget of
        // 100,000 nodes: the document is valid, only too costly to read.
        let message = if e.info().contains("alias expansion") {
            format!(
                "this document needs more than {} nodes to read: its aliases (*name) repeat \
                 what their anchors hold that many times; an SLO spec is expected",
                crate::display::count(ALIAS_NODES as f64, 0)
            )
        } else {
            format!("this is not valid YAML: {}", e.info())
        };
        error(Some(e.marker().line()), message)
    })?;
    if let Some(line) = past_node_budget(&nodes) {
        return Err(error(
            Some(line),
            format!(
                "this document needs more than {} nodes to read (keys, values and list items, \
                 this line the first past them): an SLO spec is expected",
                crate::display::count(MAX_NODES as f64, 0)
            ),
        ));
    }
    Ok(nodes)
}

/// The longest a reader of specs (the page's worker, `nines import`) lets
/// one document take, in seconds: an SLO spec within the budgets above
/// reads in well under one. The core reads no clock; its callers keep
/// this budget and refuse with [`too_slow`].
pub const MAX_READ_SECONDS: u64 = 10;

/// Why a document that took longer than [`MAX_READ_SECONDS`] was not read.
///
/// ```
/// assert!(nines_core::import::too_slow().starts_with("reading this document took more than 10 s"));
/// ```
pub fn too_slow() -> String {
    format!(
        "reading this document took more than {MAX_READ_SECONDS} s, and was stopped: an SLO spec \
         reads in well under a second"
    )
}

/// The most YAML nodes (keys, values, list items, aliases expanded) a
/// document may hold: a Sloth file of a hundred SLOs holds a few thousand,
/// and what is read is listed, so a document far past it is not a spec
/// (a file of 70,000 keys took seconds to read and its list of what was not
/// carried ran to 1.24 MB).
pub const MAX_NODES: usize = 20_000;

/// The YAML library's own budget of nodes produced by aliases
/// (saphyr's `DEFAULT_ALIAS_LIMIT`).
const ALIAS_NODES: usize = 100_000;

/// The line of the first node past [`MAX_NODES`], counting in document
/// order, keys included.
fn past_node_budget(nodes: &[MarkedYaml<'_>]) -> Option<usize> {
    fn walk(node: &MarkedYaml<'_>, count: &mut usize) -> Option<usize> {
        *count += 1;
        if *count > MAX_NODES {
            return Some(line_of(node));
        }
        match &untag(node).data {
            YamlData::Mapping(map) => map
                .iter()
                .find_map(|(k, v)| walk(k, count).or_else(|| walk(v, count))),
            YamlData::Sequence(seq) => seq.iter().find_map(|v| walk(v, count)),
            _ => None,
        }
    }
    let mut count = 0;
    nodes.iter().find_map(|n| walk(n, &mut count))
}

/// The documents of a file; a document that is a list of mappings (as
/// OpenSLO's tools accept) gives each item as a document of its own.
fn documents<'a, 'i>(nodes: &'a [MarkedYaml<'i>]) -> Vec<Doc<'a, 'i>> {
    let mut docs = Vec::new();
    for (i, node) in nodes.iter().enumerate().filter(|(_, n)| !is_empty(n)) {
        match items(node) {
            Some(list) if !list.is_empty() && list.iter().all(|n| untag(n).data.is_mapping()) => {
                for (k, item) in list.iter().enumerate() {
                    docs.push(Doc {
                        number: i + 1,
                        item: Some(k + 1),
                        node: item,
                        kind: kind_of(item),
                    });
                }
            }
            _ => docs.push(Doc {
                number: i + 1,
                item: None,
                node,
                kind: kind_of(node),
            }),
        }
    }
    docs
}

/// Reads one SLO: the scenario, the format, what was not carried or
/// assumed, and the documents it read.
fn read_entry(
    docs: &[Doc<'_, '_>],
    entry: &Entry,
    src: &Source<'_>,
) -> Result<(Scenario, &'static str, Out, BTreeSet<usize>), ImportError> {
    let mut out = Out::default();
    let mut used_docs = BTreeSet::from([entry.doc]);
    let (scenario, format) = match docs[entry.doc].kind {
        Kind::Sloth | Kind::SlothK8s => {
            sloth(docs, entry.doc, entry.slo, src, &mut used_docs, &mut out)?
        }
        Kind::Pyrra => pyrra(&docs[entry.doc], src, &mut out)?,
        Kind::OpenSloAlpha => openslo_v1alpha(&docs[entry.doc], src, &mut out)?,
        _ => openslo(docs, entry.doc, src, &mut used_docs, &mut out)?,
    };
    if !out.series {
        let p = &scenario.production;
        out.assumed.push(format!(
            "the request and error series: the scenario's defaults, {} and {} (none could be read)",
            p.requests, p.errors
        ));
    }
    Ok((scenario, format, out, used_docs))
}

/// Lists the documents the SLO read did not use: the other SLOs by name,
/// alert windows for another period, and what is not an SLO.
fn list_other_documents(
    docs: &[Doc<'_, '_>],
    entries: &[Entry],
    chosen: usize,
    used_docs: &BTreeSet<usize>,
    out: &mut Out,
) {
    for (i, d) in docs.iter().enumerate() {
        if used_docs.contains(&i) {
            continue;
        }
        let others: Vec<&str> = entries
            .iter()
            .enumerate()
            .filter(|(n, e)| e.doc == i && *n != chosen)
            .map(|(_, e)| e.name.as_str())
            .collect();
        let why = match d.kind {
            _ if !others.is_empty() => format!(
                "another SLO ({}): one SLO is imported at a time, chosen by its name",
                names_listed(others.iter().copied(), crate::quote::quoted)
            ),
            Kind::SlothWindows => "Sloth alert windows for another SLO period".to_string(),
            _ => "not an SLO the scenario can hold".to_string(),
        };
        out.not_carry(|| format!("{} ({}): {why}", d.place(), d.describe()));
    }
}

// ---------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Sloth,
    SlothK8s,
    SlothWindows,
    Pyrra,
    OpenSloSlo,
    OpenSloAlpha,
    OpenSloSli,
    Other,
}

struct Doc<'a, 'i> {
    /// From 1, counting empty documents too.
    number: usize,
    /// From 1, when the document is a list and this is one of its items.
    item: Option<usize>,
    node: &'a MarkedYaml<'i>,
    kind: Kind,
}

/// One SLO of the file: its document, its place in a Sloth spec's `slos`
/// (0 for the other formats), its name.
struct Entry {
    doc: usize,
    slo: usize,
    name: String,
}

/// The SLOs of the documents, in order, named: a Sloth spec's
/// `slos[].name`, a Pyrra or OpenSLO document's `metadata.name`. A name
/// that repeats is written `<service>-<name>` (Sloth's SLO ID), and if that
/// repeats too, followed by `#` and its place.
fn slo_entries(docs: &[Doc<'_, '_>]) -> Vec<Entry> {
    let text = |node: &MarkedYaml<'_>, path: &[&str]| {
        path.iter()
            .try_fold(node, |n, key| get(n, key))
            .and_then(plain_text)
            .map(|t| t.trim().to_string())
    };
    let mut found: Vec<(Entry, Option<String>)> = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        let base: &[&str] = match d.kind {
            Kind::Sloth => &[],
            Kind::SlothK8s => &["spec"],
            Kind::Pyrra | Kind::OpenSloSlo | Kind::OpenSloAlpha => {
                let name = text(d.node, &["metadata", "name"]).unwrap_or_else(|| d.place());
                let service = text(d.node, &["spec", "service"]);
                found.push((
                    Entry {
                        doc: i,
                        slo: 0,
                        name,
                    },
                    service,
                ));
                continue;
            }
            _ => continue,
        };
        let root = base.iter().try_fold(d.node, |n, key| get(n, key));
        let slos = root.and_then(|r| get(r, "slos")).and_then(items);
        let service = root.and_then(|r| text(r, &["service"]));
        // A spec without SLOs is still one, so that its reader says what
        // is missing.
        let count = slos.map_or(1, |s| s.len().max(1));
        for k in 0..count {
            let name = slos
                .and_then(|s| s.get(k))
                .and_then(|slo| text(slo, &["name"]))
                .unwrap_or_else(|| format!("{} SLO {}", d.place(), k + 1));
            found.push((
                Entry {
                    doc: i,
                    slo: k,
                    name,
                },
                service.clone(),
            ));
        }
    }
    let count = |names: &[String], name: &str| names.iter().filter(|n| *n == name).count();
    let plain: Vec<String> = found.iter().map(|(e, _)| e.name.clone()).collect();
    let ids: Vec<String> = found
        .iter()
        .map(|(e, service)| match service {
            Some(s) if count(&plain, &e.name) > 1 => format!("{s}-{}", e.name),
            _ => e.name.clone(),
        })
        .collect();
    found
        .into_iter()
        .zip(&ids)
        .enumerate()
        .map(|(n, ((mut e, _), id))| {
            e.name = if count(&ids, id) > 1 {
                format!("{id}#{}", n + 1)
            } else {
                id.clone()
            };
            e
        })
        .collect()
}

impl Doc<'_, '_> {
    /// `document 2`, or `document 1 item 3` in a list of documents.
    fn place(&self) -> String {
        match self.item {
            Some(k) => format!("document {} item {k}", self.number),
            None => format!("document {}", self.number),
        }
    }

    /// `kind SLI "name"`, `version prometheus/v1`, `a list`.
    fn describe(&self) -> String {
        let text = |key: &str| get(self.node, key).and_then(plain_text);
        let name = get(self.node, "metadata")
            .and_then(|m| get(m, "name"))
            .and_then(plain_text);
        let mut s = match (text("kind"), text("version"), text("apiVersion")) {
            (Some(kind), _, Some(api)) => format!("{api} kind {kind}"),
            (Some(kind), _, None) => format!("kind {kind}"),
            (None, Some(v), _) => format!("version {v}"),
            (None, None, Some(api)) => format!("apiVersion {api} without a kind"),
            (None, None, None) if self.node.data.is_mapping() => {
                "a mapping without apiVersion, kind or version".to_string()
            }
            _ => "not a mapping".to_string(),
        };
        if let Some(name) = name {
            s.push_str(&format!(" {name:?}"));
        }
        s
    }
}

fn kind_of(node: &MarkedYaml<'_>) -> Kind {
    let text = |key: &str| get(node, key).and_then(plain_text);
    match (
        text("version").as_deref(),
        text("apiVersion").as_deref(),
        text("kind").as_deref(),
    ) {
        (Some("prometheus/v1"), None, None) => Kind::Sloth,
        (_, Some("sloth.slok.dev/v1"), Some("AlertWindows")) => Kind::SlothWindows,
        (_, Some("sloth.slok.dev/v1"), Some("PrometheusServiceLevel")) => Kind::SlothK8s,
        (_, Some("openslo/v1alpha"), Some("SLO")) => Kind::OpenSloAlpha,
        (_, Some("pyrra.dev/v1alpha1"), Some("ServiceLevelObjective")) => Kind::Pyrra,
        (_, Some("openslo/v1"), Some("SLO")) => Kind::OpenSloSlo,
        (_, Some("openslo/v1"), Some("SLI")) => Kind::OpenSloSli,
        _ => Kind::Other,
    }
}

fn is_empty(node: &MarkedYaml<'_>) -> bool {
    matches!(
        node.data,
        YamlData::BadValue | YamlData::Value(Scalar::Null)
    )
}

/// The most block or flow nesting read: far deeper than any SLO spec, and
/// the tree stays shallow enough for every stack it is dropped on.
const MAX_DEPTH: usize = 200;

/// The first line whose nesting could exceed [`MAX_DEPTH`]: a cheap upper
/// bound (each level of block nesting needs an indicator or a deeper
/// column; each level of flow nesting a bracket), checked before parsing.
fn too_deep(text: &str) -> Option<usize> {
    let mut flow = 0usize;
    for (i, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start().len();
        let indicators = line
            .split_whitespace()
            .filter(|w| matches!(*w, "-" | "?" | ":") || w.ends_with(':'))
            .count();
        for c in line.chars() {
            match c {
                '[' | '{' => flow += 1,
                ']' | '}' => flow = flow.saturating_sub(1),
                _ => {}
            }
        }
        if indent + indicators > 2 * MAX_DEPTH || flow > MAX_DEPTH {
            return Some(i + 1);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hand-made: a mapping of n keys is 2n + 1 nodes (itself, each key
    /// and each value), so 9,999 keys are 19,999 and 10,000 are 20,001,
    /// the node past the budget being the last value, on line 10,000.
    #[test]
    fn nodes_are_bounded() {
        let keys = |n: usize| (1..=n).map(|i| format!("k{i}: {i}\n")).collect::<String>();
        assert!(parse(&keys(9_999)).is_ok());
        let err = parse(&keys(10_000)).unwrap_err();
        assert_eq!(err.line, Some(10_000));
        assert!(
            err.message
                .starts_with("this document needs more than 20,000 nodes to read")
        );
        // An alias bomb: ten levels of ten aliases each would be 10^10 nodes.
        let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let p = i - 1;
            bomb.push_str(&format!("a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"));
        }
        let err = parse(&bomb).unwrap_err();
        assert!(
            err.message.contains("needs more than 100,000 nodes"),
            "{}",
            err.message
        );
        assert!(err.message.contains("aliases"), "{}", err.message);
    }

    #[test]
    fn depth_is_bounded_before_parsing() {
        assert_eq!(too_deep("a:\n  b: [1, [2]]\n"), None);
        let deep = "[".repeat(MAX_DEPTH + 1);
        assert_eq!(too_deep(&deep), Some(1));
        let dashes = "- ".repeat(2 * MAX_DEPTH + 1);
        assert_eq!(too_deep(&format!("a: 1\n{dashes}x")), Some(2));
    }
}
