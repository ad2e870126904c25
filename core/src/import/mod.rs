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

use crate::clock::Alignment;
use crate::scenario::Scenario;

mod openslo;
mod pyrra;
mod read;
mod sloth;
mod values;

use openslo::openslo;
use pyrra::pyrra;
use read::{Out, Source, get, line_of, plain_text};
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
// Documents
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

    #[test]
    fn depth_is_bounded_before_parsing() {
        assert_eq!(too_deep("a:\n  b: [1, [2]]\n"), None);
        let deep = "[".repeat(MAX_DEPTH + 1);
        assert_eq!(too_deep(&deep), Some(1));
        let dashes = "- ".repeat(2 * MAX_DEPTH + 1);
        assert_eq!(too_deep(&format!("a: 1\n{dashes}x")), Some(2));
    }
}
