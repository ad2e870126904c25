//! Export: the report as text people paste elsewhere, one file a job:
//!
//! * `tables.rs`: the page's tables ([`Table`], [`tables`], one writer a
//!   table, [`TABLE_WRITERS`]);
//! * `text.rs`: tables as CSV ([`to_csv`], RFC 4180), Markdown
//!   ([`to_markdown`], a GitHub pipe table) and Confluence wiki markup
//!   ([`to_confluence`]), and the target measures card as Markdown
//!   ([`measures_markdown`]);
//! * `policy.rs`: the error-budget policy ([`policy_document`]) as
//!   Markdown, Confluence and a printable HTML page;
//! * `prometheus.rs`: the alert policy as Prometheus recording and alerting
//!   rules ([`prometheus_rules`]), multiwindow, multi-burn-rate as the SRE
//!   Workbook (ch. 5 "Alerting on SLOs") and Sloth write them, with
//!   Sloth's metadata recording rules for its dashboards;
//! * `openslo.rs`, `sloth.rs`, `pyrra.rs`: the SLO as an OpenSLO v1 `SLO`
//!   ([`openslo`]), a Sloth spec ([`sloth`]) and a Pyrra
//!   `ServiceLevelObjective` ([`pyrra`]);
//! * `names.rs`: what the machine-read exports share: the names they
//!   accept ([`ExportError`]), YAML strings, durations, template literals,
//!   file names;
//! * `answer.rs`: the scenario's answer, written at the top of each.
//!
//! Every export carries the scenario's answer, so that a file read apart
//! from the page tells the same story: when the target is not achievable, the rules, the
//! specs, the Markdown and Confluence tables and the policy document say
//! so at the top ([`not_achievable`]).
//!
//! Every figure comes from the [`Report`](crate::scenario::Report) that [`crate::scenario::evaluate`]
//! computed: exports render it, they never recompute. YAML is written by
//! hand (no dependency): every string that comes from the user is written
//! double-quoted with escapes ([`yaml_quote`]); everything else is a number,
//! a validated name or a fixed word.
//!
//! Text from the user (a name from a shared link is anyone's) never becomes
//! code where it lands:
//!
//! * YAML: the service and the selectors are refused when they hold a
//!   character that would break a line or the file
//!   ([`crate::production::is_refused`]: line breaks, the Unicode ones too,
//!   control characters, noncharacters…), and comments carry them on one
//!   line;
//! * templates: where a consumer evaluates a value as a Go template
//!   (Prometheus alerting rules' labels and annotations, Sloth's queries),
//!   user text is written as literal template text ([`template_literal`]);
//! * spreadsheets: a CSV cell that would start a formula gets a `'`
//!   ([`to_csv`]);
//! * wiki and Markdown: markup characters are escaped ([`to_confluence`],
//!   [`to_markdown`]);
//! * file names: [`file_stem`].

mod answer;
mod names;
mod openslo;
mod policy;
mod prometheus;
mod pyrra;
mod sloth;
mod tables;
#[cfg(test)]
mod tests;
mod text;

pub use answer::*;
pub use names::*;
pub use openslo::*;
pub use policy::*;
pub use prometheus::*;
pub use pyrra::*;
pub use sloth::*;
pub use tables::*;
pub use text::*;
