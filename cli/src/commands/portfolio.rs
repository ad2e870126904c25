//! `nines portfolio FILE`: the estate of a portfolio (a JSON or YAML document of
//! services, each a scenario's link, whose dependencies may be other
//! services, or the page's portfolio link; `- ` reads standard input), evaluated by the core's
//! `portfolio::evaluate`: a row a service, what needs attention first.

use nines_core::export::Table;
use nines_core::portfolio::{evaluate, link, Estate, Portfolio};

use crate::args::Args;

pub(super) fn run(args: &Args, json: bool) -> Result<String, String> {
    let file = match args.positionals() {
        [file] => file.as_str(),
        [] => return Err("missing FILE: the portfolio to read (- reads standard input)".into()),
        _ => return Err("portfolio reads one FILE (- reads standard input)".into()),
    };
    let portfolio = read_portfolio(file)?;
    let estate = evaluate(&portfolio, super::now(args)?).map_err(|e| format!("{file}: {e}"))?;
    Ok(if json {
        serde_json::to_string_pretty(&estate).unwrap_or_default()
    } else {
        table(&estate)
    })
}

/// The portfolio `file` names, or why not: the page's portfolio link
/// itself (an address with `#portfolio`), or a file (`-`: standard input)
/// holding such a link or a JSON or YAML document.
pub(super) fn read_portfolio(file: &str) -> Result<Portfolio, String> {
    if file.contains(link::VIEW) {
        return from_link(file, "the portfolio link");
    }
    let text = super::import::read_as(file, "a portfolio", "a JSON or YAML portfolio")?;
    if link::is_link(&text) {
        return from_link(&text, file);
    }
    nines_core::portfolio::read_document(&text).map_err(|e| format!("{file}: {e}"))
}

/// A portfolio link, refused at its first notice (a script should not
/// get a cut or partly read portfolio without knowing).
fn from_link(text: &str, source: &str) -> Result<Portfolio, String> {
    let d = link::decode(text);
    match d.notices.first() {
        Some(notice) => Err(format!("{source}: {notice}")),
        None => Ok(d.portfolio),
    }
}

/// The estate for people: its table, one row a service, then who runs it
/// (a row a support method) with the estate's sentences: the essays'
/// warnings, SRE Run It's condition, the rotas and the revenue insurance.
fn table(estate: &Estate) -> String {
    let mut out = String::new();
    if !estate.name.is_empty() {
        out.push_str(&format!(
            "Portfolio {}\n\n",
            nines_core::quote::one_line(&estate.name, 60)
        ));
    }
    out.push_str(&text_table(
        &nines_core::portfolio::table::table(estate),
        40,
    ));
    let support = &estate.support;
    out.push_str("\nWho runs the estate\n\n");
    out.push_str(&text_table(
        &nines_core::portfolio::table::support_table(support),
        120,
    ));
    out.push('\n');
    let warnings = support.groups.iter().flat_map(|g| {
        g.warnings
            .iter()
            .map(move |w| format!("{}: {w}", g.method_name))
    });
    let lines = warnings
        .chain([support.sre_condition.clone()])
        .chain(support.display.rotas_line.clone())
        .chain([support.display.insurance_line.clone()])
        .chain(support.display.currency_note.clone());
    for line in lines {
        out.push_str(&format!("- {line}\n"));
    }
    out
}

/// A table as aligned text, each cell on one line and cut at `cut`
/// characters.
fn text_table(t: &Table, cut: usize) -> String {
    let rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| nines_core::quote::one_line(c, cut))
                .collect()
        })
        .collect();
    let head = &t.headers;
    let widths: Vec<usize> = (0..head.len())
        .map(|c| {
            rows.iter()
                .map(|r| r[c].chars().count())
                .chain([head[c].chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[String]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        padded.join("  ").trim_end().to_string() + "\n"
    };
    let mut out = line(head);
    for r in &rows {
        out.push_str(&line(r));
    }
    out
}
