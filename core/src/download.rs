//! Every export a person can take away, by name: the one dispatch the
//! page's second module (`lazy/`) and the CLI's `nines export` share, so
//! that the same scenario at the same instant gives the same bytes in both.

use crate::export::{
    TABLE_NAMES, TABLE_WRITERS, document_confluence, document_html, document_markdown,
    measures_markdown, openslo, policy_document, prometheus_rules, pyrra, sloth, sloth_windows,
    to_confluence, to_csv, to_markdown,
};
use crate::scenario::{Report, Scenario};

/// Every export a person can take away: the one list the page's buttons,
/// the second module and `nines export` name them from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    /// Prometheus recording and alerting rules.
    Rules,
    /// A Sloth spec.
    Sloth,
    /// The Sloth alert windows the spec needs, when it needs them.
    SlothWindows,
    /// A Pyrra `ServiceLevelObjective`.
    Pyrra,
    /// An OpenSLO v1 SLO.
    OpenSlo,
    /// The error-budget policy in Markdown.
    PolicyMarkdown,
    /// The error-budget policy in Confluence wiki markup.
    PolicyWiki,
    /// The error-budget policy as a printable page.
    PolicyHtml,
    /// The target measures card in Markdown.
    Measures,
    /// One table, in a format of [`TABLE_FORMATS`].
    Table,
}

impl ExportKind {
    /// Every export, in the order the CLI lists them.
    pub const ALL: [ExportKind; 10] = [
        ExportKind::Rules,
        ExportKind::Sloth,
        ExportKind::SlothWindows,
        ExportKind::Pyrra,
        ExportKind::OpenSlo,
        ExportKind::PolicyMarkdown,
        ExportKind::PolicyWiki,
        ExportKind::PolicyHtml,
        ExportKind::Measures,
        ExportKind::Table,
    ];

    /// Its name, as `nines export` and the second module take it.
    ///
    /// ```
    /// use nines_core::download::ExportKind;
    /// assert_eq!(ExportKind::SlothWindows.name(), "sloth-windows");
    /// assert_eq!(ExportKind::from_name("policy-md"), Some(ExportKind::PolicyMarkdown));
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            ExportKind::Rules => "rules",
            ExportKind::Sloth => "sloth",
            ExportKind::SlothWindows => "sloth-windows",
            ExportKind::Pyrra => "pyrra",
            ExportKind::OpenSlo => "openslo",
            ExportKind::PolicyMarkdown => "policy-md",
            ExportKind::PolicyWiki => "policy-wiki",
            ExportKind::PolicyHtml => "policy-html",
            ExportKind::Measures => "measures",
            ExportKind::Table => "table",
        }
    }

    /// What it writes, for the CLI's help.
    pub fn summary(self) -> &'static str {
        match self {
            ExportKind::Rules => "Prometheus recording and alerting rules (YAML)",
            ExportKind::Sloth => "a Sloth spec (prometheus/v1)",
            ExportKind::SlothWindows => {
                "the Sloth alert windows the spec needs (AlertWindows), when it needs them"
            }
            ExportKind::Pyrra => "a Pyrra ServiceLevelObjective",
            ExportKind::OpenSlo => "an OpenSLO v1 SLO",
            ExportKind::PolicyMarkdown => "the error-budget policy in Markdown",
            ExportKind::PolicyWiki => "the error-budget policy in Confluence wiki markup",
            ExportKind::PolicyHtml => "the error-budget policy as a printable page",
            ExportKind::Measures => "the target measures card in Markdown",
            ExportKind::Table => "one table (`table`, with its number and a format)",
        }
    }

    /// The export with this name.
    pub fn from_name(name: &str) -> Option<ExportKind> {
        ExportKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Every name, for "use …" messages: `rules, sloth, …`.
    pub fn names() -> String {
        let names: Vec<&str> = ExportKind::ALL.into_iter().map(ExportKind::name).collect();
        names.join(", ")
    }

    /// The file it downloads as and its media type, for the service
    /// `service` (the SLO documents carry its name) and, for a table, the
    /// table `table` in `format`.
    ///
    /// ```
    /// use nines_core::download::ExportKind;
    /// assert_eq!(ExportKind::Rules.file("checkout", 0, "").0, "checkout-slo-rules.yaml");
    /// // "Allowed downtime per period", every character but a letter or a
    /// // digit a hyphen; Confluence markup is plain text.
    /// let wiki = ExportKind::Table.file("x", 0, "wiki");
    /// assert_eq!(wiki, ("nines-allowed-downtime-per-period.txt".into(), "text/plain"));
    /// assert_eq!(ExportKind::Table.file("x", 2, "csv").0, "nines-alert-policy.csv");
    /// ```
    pub fn file(self, service: &str, table: usize, format: &str) -> (String, &'static str) {
        const YAML: &str = "application/yaml";
        let fixed = |name: &str, mime| (name.to_string(), mime);
        match self {
            ExportKind::Rules
            | ExportKind::Sloth
            | ExportKind::SlothWindows
            | ExportKind::Pyrra
            | ExportKind::OpenSlo => (crate::export::file_name(self.name(), service), YAML),
            ExportKind::PolicyMarkdown => fixed("nines-error-budget-policy.md", "text/markdown"),
            ExportKind::PolicyWiki => fixed("nines-error-budget-policy.txt", "text/plain"),
            ExportKind::PolicyHtml => fixed("nines-error-budget-policy.html", "text/html"),
            ExportKind::Measures => fixed("nines-target-measures.md", "text/markdown"),
            ExportKind::Table => {
                let title = TABLE_NAMES.get(table).unwrap_or(&TABLE_NAMES[0]);
                let stem = title
                    .to_lowercase()
                    .replace(|c: char| !c.is_ascii_alphanumeric(), "-");
                let (ext, mime) = match format {
                    "csv" => ("csv", "text/csv"),
                    "md" => ("md", "text/markdown"),
                    _ => ("txt", "text/plain"),
                };
                (format!("nines-{stem}.{ext}"), mime)
            }
        }
    }
}

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
    let Some(kind) = ExportKind::from_name(what) else {
        return Err(format!(
            "{} is not an export; use {}",
            crate::quote::quoted(what, 60),
            ExportKind::names()
        ));
    };
    write_kind(kind, scenario, report, table, format)
}

/// [`write()`] of an export known by its kind.
pub fn write_kind(
    kind: ExportKind,
    scenario: &Scenario,
    report: &Report,
    table: usize,
    format: &str,
) -> Result<String, String> {
    let p = &scenario.production;
    let policy = || policy_document(report, &scenario.policy, &p.service);
    let error = |e: crate::export::ExportError| e.to_string();
    Ok(match kind {
        ExportKind::Table => write_table(report, table, format)?,
        ExportKind::Measures => measures_markdown(report),
        ExportKind::Rules => prometheus_rules(report, p).map_err(error)?,
        ExportKind::OpenSlo => openslo(report, p).map_err(error)?,
        ExportKind::Sloth => sloth(report, p).map_err(error)?,
        ExportKind::SlothWindows => sloth_windows(report).map_err(error)?,
        ExportKind::Pyrra => pyrra(report, p).map_err(error)?,
        ExportKind::PolicyMarkdown => document_markdown(&policy()),
        ExportKind::PolicyWiki => document_confluence(&policy()),
        ExportKind::PolicyHtml => document_html(&policy()),
    })
}

/// The table at `table` in `format`, or why there is none.
fn write_table(report: &Report, table: usize, format: &str) -> Result<String, String> {
    let Some(writer) = TABLE_WRITERS.get(table) else {
        return Err(format!(
            "there are {} tables, numbered 1 to {}",
            TABLE_NAMES.len(),
            TABLE_NAMES.len()
        ));
    };
    let t = writer(report);
    Ok(match format {
        "csv" => to_csv(&t),
        "md" => to_markdown(&t),
        "wiki" => to_confluence(&t),
        other => {
            return Err(format!(
                "{other:?} is not a table format; use {}",
                TABLE_FORMATS.join(", ")
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
