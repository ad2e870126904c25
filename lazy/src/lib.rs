//! The second wasm module: what a first visit does not need, fetched by
//! the page the first time someone uses the Export section or downloads a
//! chart image. It takes the scenario as its link and the instant the page
//! evaluated it at, evaluates it with the same core, and writes one export;
//! or it draws a chart image from the page's description of it.
//! The page itself never links the writers, so they are not in its first
//! module (docs/PERFORMANCE.md).

use nines_core::clock::parse_instant;
use nines_core::link::decode;
use nines_core::scenario::evaluate;

/// One export of the scenario `query` (a link's query string) evaluated at
/// `now` (RFC 3339): `what` is the name of an
/// `nines_core::download::ExportKind` (a table is the one at `table` in
/// `format` `csv`, `md`, else Confluence). The error is the export's
/// reason, for people.
///
/// ```
/// let q = nines_core::link::encode(&nines_core::scenario::Scenario::default());
/// let rules = nines_lazy::export_text("rules", &q, "2026-11-11T00:00:00Z", 0, "").unwrap();
/// assert!(rules.contains("- record: slo:sli_error:ratio_rate5m"));
/// assert!(nines_lazy::export_text("nothing", &q, "2026-11-11T00:00:00Z", 0, "").is_err());
/// ```
pub fn export_text(
    what: &str,
    query: &str,
    now: &str,
    table: usize,
    format: &str,
) -> Result<String, String> {
    let now = parse_instant(now).map_err(|e| e.to_string())?;
    let scenario = decode(query).scenario;
    let report = evaluate(&scenario, now);
    // The page's table formats: CSV, Markdown, else Confluence.
    let format = match format {
        "csv" | "md" => format,
        _ => "wiki",
    };
    nines_core::download::write(what, &scenario, &report, table, format)
}

/// An SLO spec (Sloth, Pyrra, OpenSLO) read into a scenario
/// (`nines_core::import`): the SLO named `slo` (the first when empty). One
/// line each: the scenario's link, the format, the SLOs the file holds
/// (the place of the one read, how many, then the names of the first
/// `MAX_LISTED` and of the one read, tab-separated, each on one line),
/// then what was read for people
/// ([`nines_core::import::Imported::describe`]); or where and why it
/// could not be read.
///
/// ```
/// let spec = "version: \"prometheus/v1\"\nservice: xy\nslos:\n  - name: aa\n    objective: 99.9\n    sli:\n      events:\n        error_query: sum(rate(e[{{.window}}]))\n        total_query: sum(rate(t[{{.window}}]))\n    alerting:\n      name: A\n  - name: bb\n    objective: 99\n    sli:\n      events:\n        error_query: sum(rate(e[{{.window}}]))\n        total_query: sum(rate(t[{{.window}}]))\n    alerting:\n      name: B\n";
/// let read = nines_lazy::import_text(spec, "").unwrap();
/// assert!(read.starts_with("v=5&target=99.9%25"));
/// assert_eq!(read.lines().nth(2), Some("0\t2\taa\tbb"));
/// let read = nines_lazy::import_text(spec, "bb").unwrap();
/// assert!(read.starts_with("v=5&target=99%25"));
/// assert_eq!(read.lines().nth(2), Some("1\t2\taa\tbb"));
/// assert!(nines_lazy::import_text("kind: Foo", "").unwrap_err().starts_with("line 1: "));
/// ```
pub fn import_text(text: &str, slo: &str) -> Result<String, String> {
    let chosen = (!slo.is_empty()).then_some(slo);
    let i = nines_core::import::import_slo(text, chosen).map_err(|e| match e.line {
        Some(line) => format!("line {line}: {}", e.message),
        None => e.message,
    })?;
    // The index read, how many SLOs the file holds, then the names of the
    // first `MAX_LISTED` (and the one read, when it is not among them).
    let mut names = format!("{}\t{}", i.chosen, i.slos.len());
    let listed = i
        .slos
        .iter()
        .enumerate()
        .filter(|(n, _)| *n < nines_core::import::MAX_LISTED || *n == i.chosen);
    for (_, name) in listed {
        names.push('\t');
        names.extend(name.chars().map(|c| if c.is_control() { ' ' } else { c }));
    }
    Ok([
        nines_core::link::encode(&i.scenario).as_str(),
        "\n",
        i.format,
        "\n",
        &names,
        "\n",
        &i.describe(),
    ]
    .concat())
}

/// Every SLO of a spec read as a portfolio named `name`, one service an
/// SLO (`nines_core::portfolio::from_spec`): the portfolio's link (the
/// pairs after `#portfolio?`), each service with what it could not carry;
/// or why it could not be read.
///
/// ```
/// let spec = "version: \"prometheus/v1\"\nservice: xy\nslos:\n  - name: aa\n    objective: 99.9\n    sli:\n      events:\n        error_query: sum(rate(e[{{.window}}]))\n        total_query: sum(rate(t[{{.window}}]))\n    alerting:\n      name: A\n  - name: bb\n    objective: 99\n    sli:\n      events:\n        error_query: sum(rate(e[{{.window}}]))\n        total_query: sum(rate(t[{{.window}}]))\n    alerting:\n      name: B\n";
/// let link = nines_lazy::portfolio_text(spec, "xy").unwrap();
/// let p = nines_core::portfolio::link::decode(&link).portfolio;
/// assert_eq!(p.services.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["aa", "bb"]);
/// assert!(nines_lazy::portfolio_text("kind: Foo", "xy").is_err());
/// ```
pub fn portfolio_text(text: &str, name: &str) -> Result<String, String> {
    nines_core::portfolio::from_spec(text, name).map(|p| nines_core::portfolio::link::encode(&p))
}

/// A chart image: the page's description (`nines_charts::image::ImageSpec`
/// as JSON) drawn as an SVG document.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn draw_chart(spec: &str) -> Result<String, String> {
    nines_charts::image::ImageSpec::svg_of_json(spec)
}

/// [`import_text`] for the page.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn read_spec(text: &str, slo: &str) -> Result<String, String> {
    import_text(text, slo)
}

/// [`portfolio_text`] for the portfolio view.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn read_portfolio_spec(text: &str, name: &str) -> Result<String, String> {
    portfolio_text(text, name)
}

/// [`export_text`] for the page.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn write_export(
    what: &str,
    query: &str,
    now: &str,
    table: usize,
    format: &str,
) -> Result<String, String> {
    export_text(what, query, now, table, format)
}

#[cfg(test)]
mod tests {
    use super::*;
    use nines_core::export::{
        document_html, policy_document, prometheus_rules, to_csv, TABLE_WRITERS,
    };
    use nines_core::scenario::Scenario;

    /// The module writes what the core's writers write for the scenario
    /// the link carries, at the instant given: the same bytes.
    #[test]
    fn exports_are_the_core_writers_over_the_link() {
        let mut s = Scenario {
            target: "99.9%".parse().unwrap(),
            ..Scenario::default()
        };
        s.production.service = "payments".into();
        let q = nines_core::link::encode(&s);
        let now = "2026-11-11T00:00:00Z";
        let report = evaluate(&s, parse_instant(now).unwrap());
        assert_eq!(
            export_text("rules", &q, now, 0, "").unwrap(),
            prometheus_rules(&report, &s.production).unwrap()
        );
        assert_eq!(
            export_text("table", &q, now, 1, "csv").unwrap(),
            to_csv(&TABLE_WRITERS[1](&report))
        );
        assert_eq!(
            export_text("policy-html", &q, now, 0, "").unwrap(),
            document_html(&policy_document(&report, &s.policy, "payments"))
        );
        assert!(export_text("table", &q, now, 99, "csv").is_err());
        assert!(export_text("rules", &q, "yesterday-ish", 0, "").is_err());
    }
}
