//! Import: an SLO spec a team already has, read into a [`Scenario`]
//! (issue 17 §4). Three formats, each read as its project documents it:
//!
//! * a **Sloth** spec, `version: "prometheus/v1"` (github.com/slok/sloth,
//!   README "Getting started" and `pkg/prometheus/api/v1`: `service`,
//!   `slos[]` with `objective` as a percentage, an `events` SLI of
//!   `error_query` and `total_query` over `{{.window}}`, `alerting`), with
//!   Sloth's default SLO period of 30 days (its `--default-slo-period`) and
//!   Sloth's default alert windows; an optional `AlertWindows` document
//!   (`apiVersion: sloth.slok.dev/v1`, `examples/windows/7d.yaml`: the
//!   `sloPeriod` and the page and ticket `quick` and `slow` windows with
//!   their `errorBudgetPercent`) gives the period and the alert rows;
//! * a **Pyrra** `ServiceLevelObjective` (`apiVersion: pyrra.dev/v1alpha1`,
//!   github.com/pyrra-dev/pyrra README: `spec.target` a percentage string,
//!   `spec.window` a Prometheus duration, a `ratio` indicator of `errors`
//!   and `total` metric selectors), with Pyrra's own burn-rate alerts;
//! * an **OpenSLO** v1 `SLO` (`apiVersion: openslo/v1`,
//!   github.com/OpenSLO/OpenSLO README "SLO", "Objectives", "SLI": the
//!   `service`, `objectives[].target` a fraction or `targetPercent`, one
//!   `timeWindow` rolling or calendar-aligned with a `startTime` and an IANA
//!   `timeZone`, the `budgetingMethod`, an inline or referenced `ratioMetric`
//!   indicator of `bad` and `total` queries). A file may hold several kinds
//!   (SLI, AlertPolicy, Service…): the first SLO is read, an SLI it names by
//!   `indicatorRef` too, and the others are listed.
//!
//! Whatever the scenario cannot hold — a second SLO, labels, annotations,
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

use crate::alerts::{AlertPolicy, BurnAlert, PolicyChoice};
use crate::budget::BudgetMode;
use crate::clock::{Alignment, UtcOffset, WeekStart};
use crate::production::check_selector;
use crate::quantity::Availability;
use crate::ratio::Ratio;
use crate::scenario::Scenario;
use crate::window::{Convention, Period};

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
    /// where it was and what it said.
    pub not_carried: Vec<String>,
    /// What the documents left out and was taken from the format's
    /// defaults (Sloth's 30-day period, say).
    pub assumed: Vec<String>,
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
        line("Service", &s.production.service);
        line("Requests", &s.production.requests);
        line("Errors", &s.production.errors);
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
                self.not_carried.len()
            ));
            for n in &self.not_carried {
                out.push_str(&format!("  - {n}\n"));
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
const UNDERSTOOD: &str = "a Sloth spec (version: \"prometheus/v1\"), a Pyrra \
                          ServiceLevelObjective (apiVersion: pyrra.dev/v1alpha1) or an OpenSLO \
                          SLO (apiVersion: openslo/v1, kind: SLO)";

/// What a Sloth or Pyrra query must look like to give a selector.
const QUERY_SHAPE: &str = "sum(rate(SELECTOR[{{.window}}])) or sum(SELECTOR)";

/// The largest input read, in bytes: far above any SLO spec, and it keeps
/// the parser's work and the tree's depth bounded.
pub const MAX_INPUT_BYTES: usize = 1 << 20;

/// Reads one or several YAML documents — a Sloth spec, a Pyrra
/// `ServiceLevelObjective` or an OpenSLO `SLO`, see the module's
/// documentation — into a scenario.
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
    if text.len() > MAX_INPUT_BYTES {
        return Err(ImportError {
            line: None,
            message: format!(
                "the input is {} bytes: an SLO spec is expected, at most {MAX_INPUT_BYTES} bytes",
                text.len()
            ),
        });
    }
    if let Some(line) = too_deep(text) {
        return Err(ImportError {
            line: Some(line),
            message: format!(
                "this line nests more than {MAX_DEPTH} levels deep: an SLO spec is expected"
            ),
        });
    }
    let docs = MarkedYaml::load_from_str(text).map_err(|e| ImportError {
        line: Some(e.marker().line()),
        message: format!("this is not valid YAML: {}", e.info()),
    })?;
    let src = Source { text };
    let docs: Vec<Doc<'_, '_>> = docs
        .iter()
        .enumerate()
        .filter(|(_, node)| !is_empty(node))
        .map(|(i, node)| Doc {
            number: i + 1,
            node,
            kind: kind_of(node),
        })
        .collect();
    let Some(main) = docs
        .iter()
        .position(|d| matches!(d.kind, Kind::Sloth | Kind::Pyrra | Kind::OpenSloSlo))
    else {
        let (line, what) = match docs.first() {
            Some(d) => (Some(line_of(d.node)), d.describe()),
            None => (None, "no document".to_string()),
        };
        return Err(ImportError {
            line,
            message: format!("expected {UNDERSTOOD}; found {what}"),
        });
    };
    let mut out = Out::default();
    let mut used_docs = BTreeSet::from([main]);
    let (scenario, format) = match docs[main].kind {
        Kind::Sloth => sloth(&docs, main, &src, &mut used_docs, &mut out)?,
        Kind::Pyrra => pyrra(&docs[main], &src, &mut out)?,
        _ => openslo(&docs, main, &src, &mut used_docs, &mut out)?,
    };
    if !out.series {
        out.assumed.push(format!(
            "the request and error series: the scenario's defaults, {} and {} (none could be read)",
            scenario.production.requests, scenario.production.errors
        ));
    }
    for (i, d) in docs.iter().enumerate() {
        if !used_docs.contains(&i) {
            let why = match d.kind {
                Kind::Sloth | Kind::Pyrra | Kind::OpenSloSlo => {
                    "another SLO: only the first is imported"
                }
                Kind::SlothWindows => "Sloth alert windows for another SLO period",
                _ => "not an SLO the scenario can hold",
            };
            out.not_carried
                .push(format!("document {} ({}): {why}", d.number, d.describe()));
        }
    }
    Ok(Imported {
        scenario,
        format,
        not_carried: out.not_carried,
        assumed: out.assumed,
    })
}

// ---------------------------------------------------------------------------
// Documents and nodes
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Sloth,
    SlothWindows,
    Pyrra,
    OpenSloSlo,
    OpenSloSli,
    Other,
}

struct Doc<'a, 'i> {
    /// From 1, counting empty documents too.
    number: usize,
    node: &'a MarkedYaml<'i>,
    kind: Kind,
}

impl Doc<'_, '_> {
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

/// The node under a tag, if tagged.
fn untag<'a, 'i>(node: &'a MarkedYaml<'i>) -> &'a MarkedYaml<'i> {
    match &node.data {
        YamlData::Tagged(_, inner) => inner,
        _ => node,
    }
}

fn get<'a, 'i>(node: &'a MarkedYaml<'i>, key: &str) -> Option<&'a MarkedYaml<'i>> {
    match &untag(node).data {
        YamlData::Mapping(map) => map
            .iter()
            .find(|(k, _)| plain_text(k).as_deref() == Some(key))
            .map(|(_, v)| v),
        _ => None,
    }
}

fn items<'a, 'i>(node: &'a MarkedYaml<'i>) -> Option<&'a [MarkedYaml<'i>]> {
    match &untag(node).data {
        YamlData::Sequence(seq) => Some(seq),
        _ => None,
    }
}

/// A scalar's text as parsed (numbers as Rust writes them).
fn plain_text(node: &MarkedYaml<'_>) -> Option<String> {
    match &untag(node).data {
        YamlData::Value(Scalar::String(s)) => Some(s.to_string()),
        YamlData::Value(Scalar::Integer(i)) => Some(i.to_string()),
        YamlData::Value(Scalar::FloatingPoint(f)) => Some(f.0.to_string()),
        YamlData::Value(Scalar::Boolean(b)) => Some(b.to_string()),
        YamlData::Representation(s, _, _) => Some(s.to_string()),
        _ => None,
    }
}

/// The line a node starts on, from 1.
fn line_of(node: &MarkedYaml<'_>) -> usize {
    node.span.start.line().max(1)
}

/// The input, to read numbers as they were written.
struct Source<'t> {
    text: &'t str,
}

impl Source<'_> {
    /// A scalar's text; a number as written in the source (`99.95`, not
    /// its nearest binary float) when its span reads back as the same
    /// number.
    fn text(&self, node: &MarkedYaml<'_>) -> Option<String> {
        let node = untag(node);
        let YamlData::Value(value) = &node.data else {
            return plain_text(node);
        };
        let number = match value {
            Scalar::Integer(i) => *i as f64,
            Scalar::FloatingPoint(f) => f.0,
            _ => return plain_text(node),
        };
        let (from, to) = (node.span.start.index(), node.span.end.index());
        let byte = |chars: usize| {
            self.text
                .char_indices()
                .nth(chars)
                .map_or(self.text.len(), |(b, _)| b)
        };
        let raw = (from < to)
            .then(|| self.text.get(byte(from)..byte(to)))
            .flatten()
            .map(str::trim);
        match raw {
            Some(raw)
                if Ratio::parse_decimal(raw).is_ok() && raw.parse::<f64>().ok() == Some(number) =>
            {
                Some(raw.to_string())
            }
            _ => plain_text(node),
        }
    }
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

// ---------------------------------------------------------------------------
// What was read, what was not
// ---------------------------------------------------------------------------

#[derive(Default)]
struct Out {
    not_carried: Vec<String>,
    assumed: Vec<String>,
    /// Whether the request and error series were read.
    series: bool,
}

/// One document being read: every path read is recorded, so that what is
/// left can be listed.
struct Reader<'a, 'i> {
    root: &'a MarkedYaml<'i>,
    /// Prefixed to the paths listed (`AlertWindows document 2: `).
    label: String,
    used: BTreeSet<String>,
}

impl<'a, 'i> Reader<'a, 'i> {
    fn new(root: &'a MarkedYaml<'i>, label: String) -> Self {
        Reader {
            root,
            label,
            used: BTreeSet::new(),
        }
    }

    /// The node at a path (`spec.objectives[0].target`), not marked read.
    fn peek(&self, path: &str) -> Option<&'a MarkedYaml<'i>> {
        let mut node = self.root;
        for part in path.split('.') {
            let (key, index) = match part.split_once('[') {
                Some((key, rest)) => (key, rest.trim_end_matches(']').parse::<usize>().ok()),
                None => (part, None),
            };
            if !key.is_empty() {
                node = get(node, key)?;
            }
            if let Some(i) = index {
                node = items(node)?.get(i)?;
            }
        }
        Some(node)
    }

    /// The node at a path, marked read.
    fn take(&mut self, path: &str) -> Option<&'a MarkedYaml<'i>> {
        let node = self.peek(path)?;
        self.used.insert(path.to_string());
        Some(node)
    }

    /// Marks a path read when its text is `expected` (what Nines' own
    /// export writes there, so nothing is lost).
    fn take_if(&mut self, path: &str, expected: &str) {
        if self.peek(path).and_then(plain_text).as_deref() == Some(expected) {
            self.used.insert(path.to_string());
        }
    }

    /// Marks a path read, with a line saying why it is not carried.
    fn not_carried(&mut self, path: &str, why: &str, out: &mut Out) {
        if let Some(node) = self.peek(path) {
            self.used.insert(path.to_string());
            out.not_carried
                .push(format!("{}{path}: {} ({why})", self.label, summary(node)));
        }
    }

    fn line(&self, path: &str) -> Option<usize> {
        self.peek(path).map(line_of)
    }

    /// Lists everything not read.
    fn leftovers(&self, out: &mut Out) {
        self.walk(self.root, String::new(), out);
    }

    fn walk(&self, node: &MarkedYaml<'_>, path: String, out: &mut Out) {
        if self.used.contains(&path) {
            return;
        }
        let below = path.is_empty()
            || self.used.iter().any(|u| {
                u.starts_with(&path) && matches!(u.as_bytes().get(path.len()), Some(b'.' | b'['))
            });
        // A node not read is one line when its children are scalars or
        // when it has too many leaves to list; otherwise each leaf is
        // listed, so that nothing (`page_alert.disable: true`) hides under a
        // key's name.
        let scalar = |v: &MarkedYaml<'_>| plain_text(v).is_some();
        let open = match &untag(node).data {
            YamlData::Mapping(map) => {
                map.len() == 1 || (!map.values().all(scalar) && leaves(node) <= 6)
            }
            YamlData::Sequence(seq) => !seq.iter().all(scalar) && leaves(node) <= 6,
            _ => false,
        };
        match &untag(node).data {
            YamlData::Mapping(map) if below || open => {
                for (k, v) in map {
                    let key = plain_text(k).unwrap_or_else(|| "?".into());
                    let child = if path.is_empty() {
                        key
                    } else {
                        format!("{path}.{key}")
                    };
                    self.walk(v, child, out);
                }
            }
            YamlData::Sequence(seq) if below || open => {
                for (i, v) in seq.iter().enumerate() {
                    self.walk(v, format!("{path}[{i}]"), out);
                }
            }
            _ if path.is_empty() => {}
            _ => out
                .not_carried
                .push(format!("{}{path}: {}", self.label, summary(node))),
        }
    }
}

/// The scalars under a node, counted up to 7.
fn leaves(node: &MarkedYaml<'_>) -> usize {
    fn count(node: &MarkedYaml<'_>, n: &mut usize) {
        if *n > 6 {
            return;
        }
        match &untag(node).data {
            YamlData::Mapping(map) => map.values().for_each(|v| count(v, n)),
            YamlData::Sequence(seq) => seq.iter().for_each(|v| count(v, n)),
            _ => *n += 1,
        }
    }
    let mut n = 0;
    count(node, &mut n);
    n
}

/// A node in a few words: a scalar's text, a mapping's keys (with their
/// values when all are scalars), a list's items or their number.
fn summary(node: &MarkedYaml<'_>) -> String {
    fn short(s: &str) -> String {
        let one: String = s
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .take(81)
            .collect();
        if one.chars().count() > 80 {
            [one.chars().take(79).collect::<String>().as_str(), "…"].concat()
        } else {
            one
        }
    }
    match &untag(node).data {
        YamlData::Mapping(map) => {
            let pairs: Option<Vec<String>> = map
                .iter()
                .map(|(k, v)| Some(format!("{}: {}", plain_text(k)?, plain_text(v)?)))
                .collect();
            let keys = pairs.unwrap_or_else(|| {
                map.keys()
                    .map(|k| plain_text(k).unwrap_or_default())
                    .collect()
            });
            short(&["{", &keys.join(", "), "}"].concat())
        }
        YamlData::Sequence(seq) => {
            let texts: Option<Vec<String>> = seq.iter().map(plain_text).collect();
            match texts {
                Some(t) if !t.is_empty() => short(&["[", &t.join(", "), "]"].concat()),
                _ if seq.len() == 1 => "1 item".into(),
                _ => format!("{} items", seq.len()),
            }
        }
        _ => short(&plain_text(node).unwrap_or_else(|| "null".into())),
    }
}

fn error(line: Option<usize>, message: impl Into<String>) -> ImportError {
    ImportError {
        line,
        message: message.into(),
    }
}

// ---------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------

/// An objective as a percentage (`99.9`, `"99"`, `99.95%`): above 0, at
/// most 100, exact.
fn percent(text: &str, what: &str, line: Option<usize>) -> Result<Availability, ImportError> {
    let t = text.trim();
    let number = t.strip_suffix('%').unwrap_or(t);
    let expect = "expected a percentage above 0 and at most 100, like 99.9";
    objective(number, 100, "over 100%", what, line, expect)
}

/// An objective as a fraction (`0.995`): above 0, at most 1, exact.
fn fraction(text: &str, what: &str, line: Option<usize>) -> Result<Availability, ImportError> {
    let expect = "expected a fraction above 0 and at most 1, like 0.999 (or targetPercent: 99.9)";
    objective(text, 1, "over 1, i.e. over 100%", what, line, expect)
}

/// An objective written out of `whole` (100 for a percentage, 1 for a
/// fraction): above 0, at most `whole`, read exactly; the availability
/// with unavailability `(whole − x) / whole`.
fn objective(
    text: &str,
    whole: u128,
    over: &str,
    what: &str,
    line: Option<usize>,
    expect: &str,
) -> Result<Availability, ImportError> {
    let t = text.trim();
    let below = || error(line, format!("{what} {t} is at or below 0: {expect}"));
    if t.starts_with('-') {
        return Err(below());
    }
    let x = Ratio::parse_decimal(t)
        .map_err(|_| error(line, format!("{what} {t:?} is not a number: {expect}")))?;
    let whole = Ratio::from_integer(whole);
    if x > whole {
        return Err(error(line, format!("{what} {t} is {over}: {expect}")));
    }
    if x.is_zero() {
        return Err(below());
    }
    whole
        .checked_sub(x)
        .and_then(|u| u.checked_div(whole))
        .and_then(|u| Availability::from_unavailability_ratio(u).ok())
        .ok_or_else(|| error(line, format!("{what} {t}: {expect}")))
}

/// A Prometheus duration (`30d`, `2w`, `1h30m`, `1y` = 365 days) in
/// milliseconds (Prometheus documentation, "Configuration": `<duration>`).
fn prometheus_ms(text: &str) -> Option<u128> {
    let t = text.trim();
    let b = t.as_bytes();
    let (mut i, mut total) = (0, 0u128);
    if b.is_empty() {
        return None;
    }
    while i < b.len() {
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let n: u128 = t.get(start..i)?.parse().ok()?;
        let unit_start = i;
        while i < b.len() && b[i].is_ascii_alphabetic() {
            i += 1;
        }
        let unit: u128 = match t.get(unit_start..i)? {
            "ms" => 1,
            "s" => 1_000,
            "m" => 60_000,
            "h" => 3_600_000,
            "d" => 86_400_000,
            "w" => 7 * 86_400_000,
            "y" => 365 * 86_400_000,
            _ => return None,
        };
        total = total.checked_add(n.checked_mul(unit)?)?;
    }
    (total > 0).then_some(total)
}

/// An SLO window of `ms` milliseconds: whole days, an hour, or a month,
/// quarter or year under one of the conventions (with that convention).
fn window_of(ms: u128) -> Option<(Period, Option<Convention>)> {
    const DAY: u128 = 86_400_000;
    if ms % DAY == 0 {
        let days = u32::try_from(ms / DAY).ok()?;
        return Period::rolling(days).ok().map(|p| (p, None));
    }
    if ms == 3_600_000 {
        return Some((Period::Hour, None));
    }
    for convention in [
        Convention::GregorianMean,
        Convention::SreBook,
        Convention::Calendar365,
    ] {
        for p in [Period::Month, Period::Quarter, Period::Year] {
            if u128::from(p.seconds(convention)) * 1_000 == ms {
                return Some((p, Some(convention)));
            }
        }
    }
    None
}

/// Sets the SLO window from a Prometheus duration.
fn prometheus_window(
    scenario: &mut Scenario,
    text: &str,
    what: &str,
    line: Option<usize>,
) -> Result<(), ImportError> {
    let (period, convention) = prometheus_ms(text).and_then(window_of).ok_or_else(|| {
        error(
            line,
            format!(
                "{what} {text:?} is not a window the scenario can hold: expected a Prometheus \
                 duration of whole days, like 30d, 28d or 2w"
            ),
        )
    })?;
    scenario.slo_window = period;
    if let Some(c) = convention {
        scenario.convention = c;
    }
    Ok(())
}

/// The selector of a query `sum(rate(SELECTOR[{{.window}}]))` (spaces
/// allowed between the parts, `{{ .window }}` too), or of a counter summed,
/// `sum(SELECTOR)`, as an OpenSLO ratio metric with `counter: true` reads
/// it (and Nines writes it); checked.
fn query_selector(query: &str) -> Option<String> {
    let q = query.trim();
    let inner = q
        .strip_prefix("sum")?
        .trim_start()
        .strip_prefix('(')?
        .trim_start();
    rate_selector(inner).or_else(|| {
        let selector = inner.trim_end().strip_suffix(')')?.trim();
        check_selector(selector).ok()?;
        Some(selector.to_string())
    })
}

/// [`query_selector`]'s `rate(SELECTOR[{{.window}}]))`, after `sum(`.
fn rate_selector(rest: &str) -> Option<String> {
    let compact = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let rest = rest.strip_prefix("rate")?.trim_start().strip_prefix('(')?;
    let rest = rest
        .trim_end()
        .strip_suffix(')')?
        .trim_end()
        .strip_suffix(')')?;
    let rest = rest.trim_end().strip_suffix(']')?;
    let (selector, range) = rest.rsplit_once('[')?;
    if compact(range) != "{{.window}}" {
        return None;
    }
    let selector = selector.trim();
    check_selector(selector).ok()?;
    Some(selector.to_string())
}

/// Sets the request and error series from two queries when both have the
/// shape [`query_selector`] reads; otherwise lists them.
fn series(
    r: &mut Reader<'_, '_>,
    scenario: &mut Scenario,
    errors_path: &str,
    total_path: &str,
    selectors: bool,
    out: &mut Out,
) {
    let read = |r: &Reader<'_, '_>, path: &str| {
        r.peek(path).and_then(plain_text).and_then(|q| {
            if selectors {
                let q = q.trim().to_string();
                check_selector(&q).ok().map(|_| q)
            } else {
                query_selector(&q)
            }
        })
    };
    let shape = if selectors {
        "not a plain series selector".to_string()
    } else {
        format!("a query not of the form {QUERY_SHAPE}")
    };
    match (read(r, errors_path), read(r, total_path)) {
        (Some(errors), Some(requests)) => {
            r.take(errors_path);
            r.take(total_path);
            out.series = true;
            scenario.production.errors = errors;
            scenario.production.requests = requests;
        }
        (e, t) => {
            for (path, ok) in [(errors_path, e.is_some()), (total_path, t.is_some())] {
                let why = if ok {
                    "its pair cannot be read, so neither is carried"
                } else {
                    &shape
                };
                r.not_carried(path, why, out);
            }
        }
    }
}

/// The service name from an SLO's name: Nines names its SLOs
/// `<service>-availability`.
fn service_of(name: &str) -> String {
    let name = name.trim();
    name.strip_suffix("-availability")
        .filter(|s| !s.is_empty())
        .unwrap_or(name)
        .to_string()
}

// ---------------------------------------------------------------------------
// Sloth
// ---------------------------------------------------------------------------

fn sloth(
    docs: &[Doc<'_, '_>],
    main: usize,
    src: &Source<'_>,
    used_docs: &mut BTreeSet<usize>,
    out: &mut Out,
) -> Result<(Scenario, &'static str), ImportError> {
    let mut s = Scenario::default();
    let mut r = Reader::new(docs[main].node, String::new());
    r.take("version");
    if let Some(service) = r.take("service").and_then(plain_text) {
        s.production.service = service.trim().to_string();
    }
    let slos = r.peek("slos").and_then(items).unwrap_or_default();
    if slos.is_empty() {
        return Err(error(
            r.line("slos").or(Some(line_of(docs[main].node))),
            "expected slos: a list with at least one SLO and its objective (a percentage, like \
             objective: 99.9)",
        ));
    }
    let Some(objective) = r.peek("slos[0].objective") else {
        return Err(error(
            r.line("slos[0]"),
            "the SLO has no objective: expected objective: a percentage above 0 and at most 100, \
             like 99.9",
        ));
    };
    let text = src.text(objective).unwrap_or_default();
    s.target = percent(&text, "the objective", Some(line_of(objective)))?;
    r.take("slos[0].objective");
    for i in 1..slos.len() {
        r.not_carried(
            &format!("slos[{i}]"),
            "another SLO: only the first is imported",
            out,
        );
    }
    // The SLO's name labels every rule (`sloth_slo`), so it travels.
    if let Some(name) = r.take("slos[0].name").and_then(plain_text) {
        s.production.slo = name.trim().to_string();
    }
    series(
        &mut r,
        &mut s,
        "slos[0].sli.events.error_query",
        "slos[0].sli.events.total_query",
        false,
        out,
    );
    r.take_if("slos[0].alerting.name", "ErrorBudgetBurn");
    r.take_if("slos[0].alerting.labels.category", "availability");
    r.take_if("slos[0].alerting.page_alert.labels.severity", "page");
    r.take_if("slos[0].alerting.ticket_alert.labels.severity", "ticket");
    s.budget.mode = BudgetMode::Requests;

    // The period: Sloth's --default-slo-period (Nines writes it in the
    // header comment), else the AlertWindows' sloPeriod, else 30 days.
    let flag = default_period_flag(src.text);
    let windows: Vec<usize> = (0..docs.len())
        .filter(|&i| docs[i].kind == Kind::SlothWindows)
        .collect();
    let period_of = |i: usize| {
        get(docs[i].node, "spec")
            .and_then(|s| get(s, "sloPeriod"))
            .and_then(plain_text)
    };
    let chosen = match &flag {
        Some(f) => windows
            .iter()
            .copied()
            .find(|&i| period_of(i).and_then(|p| prometheus_ms(&p)) == prometheus_ms(f)),
        None => windows.first().copied(),
    };
    let mut format = "Sloth spec (prometheus/v1)";
    match (&flag, chosen) {
        (_, Some(w)) => {
            used_docs.insert(w);
            format = "Sloth spec (prometheus/v1) with its AlertWindows";
            alert_windows(&docs[w], &mut s, out)?;
        }
        (Some(f), None) => {
            prometheus_window(&mut s, f, "the --default-slo-period", None)?;
            s.alerts.policy = PolicyChoice::Sloth;
        }
        (None, None) => {
            s.slo_window = Period::Days(30);
            s.alerts.policy = PolicyChoice::Sloth;
            out.assumed
                .push("the SLO window: Sloth's default period, 30 days".to_string());
        }
    }
    if s.alerts.policy == PolicyChoice::Sloth {
        out.assumed
            .push("the alert windows: Sloth's defaults for the period".to_string());
    }
    r.leftovers(out);
    Ok((s, format))
}

/// `--default-slo-period=28d` in a comment line, as Nines' Sloth export
/// writes the command to run.
fn default_period_flag(text: &str) -> Option<String> {
    text.lines()
        .filter(|l| l.trim_start().starts_with('#'))
        .find_map(|l| {
            let (_, rest) = l.split_once("--default-slo-period=")?;
            let p: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            (!p.is_empty()).then_some(p)
        })
}

/// A Sloth `AlertWindows` document: the period and a custom policy of its
/// four alerts (Sloth's own when they are Sloth's defaults).
fn alert_windows(doc: &Doc<'_, '_>, s: &mut Scenario, out: &mut Out) -> Result<(), ImportError> {
    let mut r = Reader::new(
        doc.node,
        format!("AlertWindows (document {}): ", doc.number),
    );
    r.take("apiVersion");
    r.take("kind");
    let period = r
        .peek("spec.sloPeriod")
        .and_then(plain_text)
        .ok_or_else(|| {
            error(
                r.line("spec").or(Some(line_of(doc.node))),
                "the AlertWindows has no spec.sloPeriod: expected a Prometheus duration, like 30d",
            )
        })?;
    prometheus_window(s, &period, "the sloPeriod", r.line("spec.sloPeriod"))?;
    r.take("spec.sloPeriod");
    let mut rows = Vec::new();
    for name in ["page", "ticket"] {
        for speed in ["quick", "slow"] {
            let base = format!("spec.{name}.{speed}");
            let field =
                |r: &Reader<'_, '_>, f: &str| r.peek(&format!("{base}.{f}")).and_then(plain_text);
            let line = r.line(&base).or(r.line("spec"));
            let expect = format!(
                "expected {base} with errorBudgetPercent (like 2), shortWindow and longWindow \
                 (Prometheus durations, like 5m and 1h)"
            );
            let (Some(pct), Some(short), Some(long)) = (
                field(&r, "errorBudgetPercent"),
                field(&r, "shortWindow"),
                field(&r, "longWindow"),
            ) else {
                return Err(error(line, expect));
            };
            let alert: BurnAlert = format!("{name} {}% {long} {short}", pct.trim())
                .parse()
                .map_err(|e: String| error(line, format!("{e}; {expect}")))?;
            for f in ["errorBudgetPercent", "shortWindow", "longWindow"] {
                r.take(&format!("{base}.{f}"));
            }
            rows.push(alert);
        }
    }
    let period = s.slo_window.seconds(s.convention);
    if rows == AlertPolicy::sloth(period).alerts {
        s.alerts.policy = PolicyChoice::Sloth;
    } else {
        s.alerts.policy = PolicyChoice::Custom;
        s.alerts.custom = rows;
    }
    r.leftovers(out);
    Ok(())
}

// ---------------------------------------------------------------------------
// Pyrra
// ---------------------------------------------------------------------------

fn pyrra(
    doc: &Doc<'_, '_>,
    src: &Source<'_>,
    out: &mut Out,
) -> Result<(Scenario, &'static str), ImportError> {
    let mut s = Scenario::default();
    let mut r = Reader::new(doc.node, String::new());
    r.take("apiVersion");
    r.take("kind");
    if let Some(name) = r.take("metadata.name").and_then(plain_text) {
        s.production.service = service_of(&name);
    }
    let Some(target) = r.peek("spec.target") else {
        return Err(error(
            r.line("spec").or(Some(line_of(doc.node))),
            "the ServiceLevelObjective has no spec.target: expected a percentage above 0 and at \
             most 100, like target: \"99.9\"",
        ));
    };
    s.target = percent(
        &src.text(target).unwrap_or_default(),
        "the target",
        Some(line_of(target)),
    )?;
    r.take("spec.target");
    let Some(window) = r.peek("spec.window").and_then(plain_text) else {
        return Err(error(
            r.line("spec"),
            "the ServiceLevelObjective has no spec.window: expected a Prometheus duration, like \
             window: 28d",
        ));
    };
    prometheus_window(&mut s, &window, "the window", r.line("spec.window"))?;
    r.take("spec.window");
    if r.peek("spec.indicator.ratio").is_some() {
        series(
            &mut r,
            &mut s,
            "spec.indicator.ratio.errors.metric",
            "spec.indicator.ratio.total.metric",
            true,
            out,
        );
    } else {
        r.not_carried(
            "spec.indicator",
            "not a ratio indicator: Nines' indicator is the ratio of bad to all requests",
            out,
        );
    }
    s.alerts.policy = PolicyChoice::Pyrra;
    s.budget.mode = BudgetMode::Requests;
    out.assumed
        .push("the alert windows: Pyrra's own, scaled to the window".to_string());
    r.leftovers(out);
    Ok((s, "Pyrra ServiceLevelObjective (pyrra.dev/v1alpha1)"))
}

// ---------------------------------------------------------------------------
// OpenSLO
// ---------------------------------------------------------------------------

fn openslo(
    docs: &[Doc<'_, '_>],
    main: usize,
    src: &Source<'_>,
    used_docs: &mut BTreeSet<usize>,
    out: &mut Out,
) -> Result<(Scenario, &'static str), ImportError> {
    let doc = &docs[main];
    let mut s = Scenario::default();
    let mut r = Reader::new(doc.node, String::new());
    r.take("apiVersion");
    r.take("kind");
    let service = r.take("spec.service").and_then(plain_text);
    if let Some(service) = &service {
        s.production.service = service.trim().to_string();
        r.take_if("metadata.name", &format!("{}-availability", service.trim()));
        r.take_if(
            "metadata.displayName",
            &format!("{} availability", service.trim()),
        );
    } else if let Some(name) = r.take("metadata.name").and_then(plain_text) {
        s.production.service = service_of(&name);
    }

    // The objective: the first; target (a fraction) or targetPercent.
    let objectives = r
        .peek("spec.objectives")
        .and_then(items)
        .unwrap_or_default();
    let missing = "the SLO has no objective: expected spec.objectives with a target (a fraction \
                   like 0.999) or a targetPercent (like 99.9)";
    if objectives.is_empty() {
        return Err(error(
            r.line("spec.objectives")
                .or(r.line("spec"))
                .or(Some(line_of(doc.node))),
            missing,
        ));
    }
    s.target = match (
        r.peek("spec.objectives[0].target"),
        r.peek("spec.objectives[0].targetPercent"),
    ) {
        (Some(t), _) => {
            r.take("spec.objectives[0].target");
            fraction(
                &src.text(t).unwrap_or_default(),
                "the target",
                Some(line_of(t)),
            )?
        }
        (None, Some(p)) => {
            r.take("spec.objectives[0].targetPercent");
            percent(
                &src.text(p).unwrap_or_default(),
                "the targetPercent",
                Some(line_of(p)),
            )?
        }
        (None, None) => return Err(error(r.line("spec.objectives[0]"), missing)),
    };
    for i in 1..objectives.len() {
        r.not_carried(
            &format!("spec.objectives[{i}]"),
            "another objective: only the first is imported",
            out,
        );
    }
    r.take_if(
        "spec.objectives[0].displayName",
        &format!("Availability {}", s.target.format_percent()),
    );

    // The budgeting method.
    match r
        .peek("spec.budgetingMethod")
        .and_then(plain_text)
        .as_deref()
    {
        Some("Occurrences") => {
            s.budget.mode = BudgetMode::Requests;
            r.take("spec.budgetingMethod");
        }
        Some("Timeslices") => {
            s.budget.mode = BudgetMode::Time;
            r.take("spec.budgetingMethod");
            // What Nines' export writes: slices good when their own ratio
            // meets the target, one minute long.
            let target = r
                .peek("spec.objectives[0].timeSliceTarget")
                .and_then(|n| src.text(n))
                .and_then(|t| fraction(&t, "", None).ok());
            if target == Some(s.target) {
                r.take("spec.objectives[0].timeSliceTarget");
            }
            r.take_if("spec.objectives[0].timeSliceWindow", "1m");
        }
        Some(_) => {
            s.budget.mode = BudgetMode::Time;
            r.not_carried(
                "spec.budgetingMethod",
                "Nines counts requests (Occurrences) or bad time (Timeslices); bad time is used",
                out,
            );
        }
        None => out
            .assumed
            .push("the budget: counted in requests (no budgetingMethod)".to_string()),
    }

    time_window(&mut r, &mut s, out)?;

    // The indicator: inline, or an SLI document named by indicatorRef.
    let service_name = s.production.service.clone();
    let inline = ["spec.indicator", "spec.objectives[0].indicator"]
        .into_iter()
        .find(|p| r.peek(p).is_some());
    let reference = ["spec.indicatorRef", "spec.objectives[0].indicatorRef"]
        .into_iter()
        .find(|p| r.peek(p).is_some());
    match (inline, reference) {
        (Some(path), _) => {
            r.take_if(
                &format!("{path}.metadata.name"),
                &format!("{service_name}-error-ratio"),
            );
            r.take_if(
                &format!("{path}.metadata.displayName"),
                "Requests that fail",
            );
            ratio_metric(&mut r, &mut s, &format!("{path}.spec"), out);
        }
        (None, Some(path)) => {
            let name = r.peek(path).and_then(plain_text).unwrap_or_default();
            let sli = docs.iter().position(|d| {
                d.kind == Kind::OpenSloSli
                    && get(d.node, "metadata")
                        .and_then(|m| get(m, "name"))
                        .and_then(plain_text)
                        .as_deref()
                        == Some(name.as_str())
            });
            match sli {
                Some(i) => {
                    r.take(path);
                    used_docs.insert(i);
                    let mut sr = Reader::new(
                        docs[i].node,
                        format!("SLI {name:?} (document {}): ", docs[i].number),
                    );
                    sr.take("apiVersion");
                    sr.take("kind");
                    sr.take("metadata.name");
                    ratio_metric(&mut sr, &mut s, "spec", out);
                    sr.leftovers(out);
                }
                None => r.not_carried(path, "no SLI of that name in the file", out),
            }
        }
        (None, None) => {}
    }
    out.assumed.push(
        "the alert policy: the SRE Workbook's (an OpenSLO SLO names no burn-rate windows)"
            .to_string(),
    );
    r.leftovers(out);
    Ok((s, "OpenSLO SLO (openslo/v1)"))
}

/// An OpenSLO `ratioMetric` of `bad` and `total` Prometheus queries.
fn ratio_metric(r: &mut Reader<'_, '_>, s: &mut Scenario, spec: &str, out: &mut Out) {
    let m = format!("{spec}.ratioMetric");
    if r.peek(&m).is_none() {
        return;
    }
    r.take_if(&format!("{m}.counter"), "true");
    let prometheus = |r: &Reader<'_, '_>, part: &str| {
        r.peek(&format!("{m}.{part}.metricSource.type"))
            .and_then(plain_text)
            .as_deref()
            == Some("Prometheus")
    };
    if r.peek(&format!("{m}.bad")).is_some() && prometheus(r, "bad") && prometheus(r, "total") {
        let bad = format!("{m}.bad.metricSource.spec.query");
        let total = format!("{m}.total.metricSource.spec.query");
        series(r, s, &bad, &total, false, out);
        r.take(&format!("{m}.bad.metricSource.type"));
        r.take(&format!("{m}.total.metricSource.type"));
    }
}

/// OpenSLO's `timeWindow`: rolling (`isRolling: true`, a duration
/// shorthand), or calendar-aligned (`calendar` with `startTime` and an IANA
/// `timeZone`): a whole calendar day, week, month, quarter or year from
/// its boundary is a calendar window, any other a pinned one.
fn time_window(r: &mut Reader<'_, '_>, s: &mut Scenario, out: &mut Out) -> Result<(), ImportError> {
    let Some(windows) = r.peek("spec.timeWindow") else {
        out.assumed
            .push("the SLO window: 30 days rolling (no timeWindow)".to_string());
        return Ok(());
    };
    let windows = items(windows).unwrap_or_default();
    for i in 1..windows.len() {
        r.not_carried(
            &format!("spec.timeWindow[{i}]"),
            "OpenSLO allows one time window; the first is imported",
            out,
        );
    }
    let w = "spec.timeWindow[0]";
    let line = r.line(w).or(r.line("spec.timeWindow"));
    let duration = r
        .peek(&format!("{w}.duration"))
        .and_then(plain_text)
        .ok_or_else(|| {
            error(
                line,
                "expected spec.timeWindow with one item with a duration, like - duration: 30d",
            )
        })?;
    let dline = r.line(&format!("{w}.duration"));
    let bad_window = |why: &str| {
        error(
            dline,
            format!(
                "the time window {duration:?} {why}: expected a duration shorthand the scenario \
                 can hold: days or weeks (30d, 4w), or 1d, 1w, 1M, 1Q, 1Y"
            ),
        )
    };
    let t = duration.trim();
    let unit = t.chars().last().unwrap_or(' ');
    let n: u32 = t
        .get(..t.len() - unit.len_utf8().min(t.len()))
        .and_then(|d| d.parse().ok())
        .filter(|&n| n > 0)
        .ok_or_else(|| bad_window("is not a number and a unit"))?;
    let rolling = match r
        .peek(&format!("{w}.isRolling"))
        .and_then(plain_text)
        .as_deref()
    {
        Some("true") => true,
        Some("false") => false,
        _ => r.peek(&format!("{w}.calendar")).is_none(),
    };
    r.take(&format!("{w}.duration"));
    r.take(&format!("{w}.isRolling"));
    let days = |d: u64| {
        u32::try_from(d)
            .ok()
            .and_then(|d| Period::rolling(d).ok())
            .ok_or_else(|| bad_window("is too long"))
    };
    let unit_period = match (unit, n) {
        ('d', 1) => Some(Period::Day),
        ('w', 1) => Some(Period::Week),
        ('M', 1) => Some(Period::Month),
        ('Q', 1) => Some(Period::Quarter),
        ('Y', 1) => Some(Period::Year),
        _ => None,
    };
    let period = match (unit, n) {
        ('m', 60) | ('h', 1) => Period::Hour,
        ('m', n) if n % 1_440 == 0 => days(u64::from(n / 1_440))?,
        ('h', n) if n % 24 == 0 => days(u64::from(n / 24))?,
        ('d', n) if rolling || n > 1 => days(u64::from(n))?,
        ('w', n) if n > 1 => days(7 * u64::from(n))?,
        _ => unit_period.ok_or_else(|| bad_window("has no period the scenario can hold"))?,
    };
    s.slo_window = period;
    s.budget.alignment = Alignment::Rolling;
    if rolling {
        if r.peek(&format!("{w}.calendar")).is_some() {
            r.not_carried(
                &format!("{w}.calendar"),
                "a rolling window has no calendar",
                out,
            );
        }
        return Ok(());
    }
    // Calendar-aligned or pinned: the zone, then the start.
    let zone_path = format!("{w}.calendar.timeZone");
    let offset = match r.peek(&zone_path).and_then(plain_text) {
        Some(zone) => match fixed_zone(&zone) {
            Some(o) => {
                r.take(&zone_path);
                o
            }
            None => {
                r.not_carried(
                    &zone_path,
                    "a named time zone follows daylight saving; the scenario counts calendar \
                     windows in a fixed offset from UTC, so UTC is used",
                    out,
                );
                UtcOffset::UTC
            }
        },
        None => UtcOffset::UTC,
    };
    s.budget.utc_offset = offset;
    let start_path = format!("{w}.calendar.startTime");
    let start = match r.peek(&start_path).and_then(plain_text) {
        Some(text) => Some(crate::clock::parse_instant(&text).map_err(|e| {
            error(
                r.line(&start_path),
                format!(
                    "the calendar startTime: {e}; expected a date and time like 2026-11-01 00:00:00"
                ),
            )
        })?),
        None => None,
    };
    let boundary = start.and_then(|t| {
        use chrono::{Datelike, Timelike, Weekday};
        let midnight = t.hour() == 0 && t.minute() == 0 && t.second() == 0;
        let week_start = match t.weekday() {
            Weekday::Mon => Some(WeekStart::Monday),
            Weekday::Sun => Some(WeekStart::Sunday),
            Weekday::Sat => Some(WeekStart::Saturday),
            _ => None,
        };
        match (midnight, unit_period?) {
            (false, _) => None,
            (true, Period::Day) => Some(None),
            (true, Period::Week) => week_start.map(Some),
            (true, Period::Month) => (t.day() == 1).then_some(None),
            (true, Period::Quarter) => (t.day() == 1 && t.month() % 3 == 1).then_some(None),
            (true, Period::Year) => (t.day() == 1 && t.month() == 1).then_some(None),
            _ => None,
        }
    });
    let calendar = match (unit_period, start, boundary) {
        (Some(p), Some(_), Some(week)) => Some((p, week)),
        (Some(p), None, _) => Some((p, None)),
        _ => None,
    };
    match (calendar, start) {
        (Some((p, week)), _) => {
            s.slo_window = p;
            s.budget.alignment = Alignment::Calendar;
            if let Some(week) = week {
                s.budget.week_start = week;
            }
            if start.is_some() {
                r.take(&start_path);
            }
        }
        (None, Some(local)) => {
            s.budget.alignment = Alignment::Pinned;
            let minutes = i64::from(offset.minutes());
            s.budget.start = local
                .checked_sub_signed(chrono::Duration::minutes(minutes))
                .unwrap_or(local);
            r.take(&start_path);
        }
        (None, None) => {
            return Err(error(
                line,
                format!(
                    "the time window {duration:?} does not roll and has no calendar startTime: \
                     expected isRolling: true, or a calendar with a startTime"
                ),
            ));
        }
    }
    Ok(())
}

/// A time zone with a fixed offset: `UTC`, `Etc/UTC`, `GMT`, or the IANA
/// `Etc/GMT±h` zones, whose signs are POSIX's (`Etc/GMT-1` is UTC+01:00).
fn fixed_zone(zone: &str) -> Option<UtcOffset> {
    let z = zone.trim();
    if matches!(
        z,
        "UTC" | "Etc/UTC" | "GMT" | "Etc/GMT" | "Etc/UCT" | "UCT" | "Etc/Zulu" | "Zulu"
    ) {
        return Some(UtcOffset::UTC);
    }
    let rest = z.strip_prefix("Etc/GMT")?;
    let (sign, hours) = match rest.split_at_checked(1)? {
        ("+", h) => (-1, h),
        ("-", h) => (1, h),
        _ => return None,
    };
    if hours.is_empty() || hours.len() > 2 || !hours.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let h: i32 = hours.parse().ok()?;
    UtcOffset::from_minutes(sign * h * 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_of_the_window_shape() {
        assert_eq!(
            query_selector(r#"sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))"#)
                .as_deref(),
            Some(r#"http_requests_total{code=~"5.."}"#)
        );
        assert_eq!(
            query_selector("\n sum( rate( x{a=\"[1]\"} [ {{ .window }} ] ) )\n").as_deref(),
            Some("x{a=\"[1]\"}")
        );
        // A counter summed, as an OpenSLO `counter: true` ratio reads it.
        assert_eq!(
            query_selector(r#"sum(http_requests_total{code=~"5.."})"#).as_deref(),
            Some(r#"http_requests_total{code=~"5.."}"#)
        );
        for other in [
            "sum(rate(x[5m]))",
            "rate(x[{{.window}}])",
            "sum by (job) (rate(x[{{.window}}]))",
            "sum(rate(x[{{.window}}])) / 2",
            "sum(rate([{{.window}}]))",
            "sum(x) / 2",
            "sum(rate(x))",
            "",
        ] {
            assert_eq!(query_selector(other), None, "{other}");
        }
    }

    #[test]
    fn prometheus_durations_and_windows() {
        assert_eq!(prometheus_ms("2w"), Some(14 * 86_400_000));
        assert_eq!(prometheus_ms("1h30m"), Some(5_400_000));
        assert_eq!(prometheus_ms("1y"), Some(365 * 86_400_000));
        for bad in [
            "",
            "30",
            "d",
            "3x",
            "-1d",
            "0d",
            "99999999999999999999999999999999999999999d",
        ] {
            assert_eq!(prometheus_ms(bad), None, "{bad}");
        }
        assert_eq!(window_of(28 * 86_400_000), Some((Period::Days(28), None)));
        // A Gregorian mean month, 30.436875 days, as Nines' Sloth export
        // writes it: 2629746s.
        assert_eq!(
            window_of(2_629_746_000),
            Some((Period::Month, Some(Convention::GregorianMean)))
        );
        assert_eq!(window_of(5_400_000), None);
    }

    #[test]
    fn fixed_zones_with_posix_signs() {
        let minutes = |z: &str| fixed_zone(z).map(UtcOffset::minutes);
        assert_eq!(minutes("UTC"), Some(0));
        assert_eq!(minutes("Etc/GMT-1"), Some(60));
        assert_eq!(minutes("Etc/GMT+5"), Some(-300));
        assert_eq!(minutes("Etc/GMT-14"), Some(840));
        for named in [
            "Europe/Paris",
            "Etc/GMT-15",
            "Etc/GMT+",
            "Etc/GMT1",
            "Asia/Kolkata",
        ] {
            assert_eq!(minutes(named), None, "{named}");
        }
    }

    #[test]
    fn objectives_exact_and_checked() {
        assert_eq!(percent("99.95", "x", None).unwrap().to_string(), "99.95%");
        assert_eq!(fraction("0.995", "x", None).unwrap().to_string(), "99.5%");
        assert_eq!(percent("100", "x", None).unwrap(), Availability::HUNDRED);
        for (bad, why) in [
            ("101", "over 100%"),
            ("0", "at or below 0"),
            ("-1", "at or below 0"),
            ("abc", "not a number"),
        ] {
            assert!(
                percent(bad, "x", None).unwrap_err().message.contains(why),
                "{bad}"
            );
        }
        assert!(
            fraction("99.9", "x", None)
                .unwrap_err()
                .message
                .contains("over 1")
        );
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
