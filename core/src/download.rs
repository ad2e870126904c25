//! Every export a person can take away, by name: the one dispatch the
//! page's second module (`lazy/`) and the CLI's `nines export` share, so
//! that the same scenario at the same instant gives the same bytes in both.

use crate::export::{
    TABLE_NAMES, TABLE_WRITERS, document_confluence, document_html, document_markdown,
    measures_markdown, openslo, policy_document, prometheus_rules, pyrra, sloth, sloth_windows,
    to_confluence, to_csv, to_markdown,
};
use crate::scenario::{Report, Scenario};

/// The exports by name, as the CLI lists them, each with what it writes.
pub const EXPORTS: [(&str, &str); 10] = [
    ("rules", "Prometheus recording and alerting rules (YAML)"),
    ("sloth", "a Sloth spec (prometheus/v1)"),
    (
        "sloth-windows",
        "the Sloth alert windows the spec needs (AlertWindows), when it needs them",
    ),
    ("pyrra", "a Pyrra ServiceLevelObjective"),
    ("openslo", "an OpenSLO v1 SLO"),
    ("policy-md", "the error-budget policy in Markdown"),
    (
        "policy-wiki",
        "the error-budget policy in Confluence wiki markup",
    ),
    ("policy-html", "the error-budget policy as a printable page"),
    ("measures", "the target measures card in Markdown"),
    ("table", "one table (`table`, with its number and a format)"),
];

/// How a table is written: `csv`, `md` (Markdown) or `wiki` (Confluence).
pub const TABLE_FORMATS: [&str; 3] = ["csv", "md", "wiki"];

/// The export `what` of `scenario`, whose report is `report`; a table is
/// [`TABLE_WRITERS`]`[table]` in `format` ([`TABLE_FORMATS`]). An error
/// names what is wrong (an unknown export, a table or format that does not
/// exist, or the writer's own refusal, such as a service name a rules file
/// cannot carry).
///
/// ```
/// use nines_core::download::write;
/// use nines_core::scenario::{evaluate, Scenario};
/// let s = Scenario::default();
/// let r = evaluate(&s, nines_core::budget::STORY_NOW);
/// assert!(write("rules", &s, &r, 0, "").unwrap().contains("- alert: ErrorBudgetBurn"));
/// assert!(write("table", &s, &r, 0, "csv").unwrap().starts_with("Period,"));
/// assert!(write("table", &s, &r, 99, "csv").unwrap_err().contains("11 tables"));
/// assert!(write("tables", &s, &r, 0, "").unwrap_err().contains("rules, sloth"));
/// ```
pub fn write(
    what: &str,
    scenario: &Scenario,
    report: &Report,
    table: usize,
    format: &str,
) -> Result<String, String> {
    let p = &scenario.production;
    let policy = || policy_document(report, &scenario.policy, &p.service);
    Ok(match what {
        "table" => {
            let Some(writer) = TABLE_WRITERS.get(table) else {
                return Err(format!(
                    "there are {} tables, numbered 1 to {}",
                    TABLE_NAMES.len(),
                    TABLE_NAMES.len()
                ));
            };
            let t = writer(report);
            match format {
                "csv" => to_csv(&t),
                "md" => to_markdown(&t),
                "wiki" => to_confluence(&t),
                other => {
                    return Err(format!(
                        "{other:?} is not a table format; use {}",
                        TABLE_FORMATS.join(", ")
                    ));
                }
            }
        }
        "measures" => measures_markdown(report),
        "rules" => prometheus_rules(report, p).map_err(|e| e.to_string())?,
        "openslo" => openslo(report, p).map_err(|e| e.to_string())?,
        "sloth" => sloth(report, p).map_err(|e| e.to_string())?,
        "sloth-windows" => sloth_windows(report).map_err(|e| e.to_string())?,
        "pyrra" => pyrra(report, p).map_err(|e| e.to_string())?,
        "policy-md" => document_markdown(&policy()),
        "policy-wiki" => document_confluence(&policy()),
        "policy-html" => document_html(&policy()),
        other => {
            let names: Vec<&str> = EXPORTS.iter().map(|(n, _)| *n).collect();
            return Err(format!(
                "{} is not an export; use {}",
                crate::quote::quoted(other, 60),
                names.join(", ")
            ));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::evaluate;

    /// The OpenSLO download's ratio metric is `counter: true`, so its
    /// queries are the two counters themselves, summed (the OpenSLO
    /// README's Prometheus example), never a rate over Sloth's
    /// `{{.window}}`, which no OpenSLO tool fills in.
    #[test]
    fn the_openslo_download_reads_the_counters() {
        let s = Scenario::default();
        let r = evaluate(&s, crate::budget::STORY_NOW);
        let yaml = write("openslo", &s, &r, 0, "csv").unwrap();
        assert!(yaml.contains("counter: true"), "{yaml}");
        assert!(
            yaml.contains(r#"query: "sum(http_requests_total{service=\"checkout\"})""#),
            "{yaml}"
        );
        assert!(
            yaml.contains(
                r#"query: "sum(http_requests_total{service=\"checkout\",code=~\"5..\"})""#
            ),
            "{yaml}"
        );
        assert!(
            !yaml.contains("{{.window}}") && !yaml.contains("rate("),
            "{yaml}"
        );
    }
}
