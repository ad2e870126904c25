//! `nines portfolio FILE`: the estate of a portfolio (a JSON or YAML document of
//! services, each a scenario's link, whose dependencies may be other
//! services, or the page's portfolio link; `- ` reads standard input), evaluated by the core's
//! `portfolio::evaluate`: a row a service, what needs attention first.

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

/// The estate as a table, one row a service.
fn table(estate: &Estate) -> String {
    let head = [
        "Service",
        "Target",
        "Expected",
        "Standing",
        "Budget spent",
        "Most to promise",
        "Who runs it",
        "On-call/yr",
        "Lost revenue/yr",
        "Depends on",
        "Without the extra nine",
    ];
    let rows: Vec<[String; 11]> = estate
        .rows
        .iter()
        .map(|r| {
            [
                nines_core::quote::one_line(&r.service, 40),
                r.target.clone(),
                r.expected.clone(),
                r.standing.label().to_string(),
                r.budget_spent.clone(),
                r.most_promisable.clone(),
                r.who_runs_it.to_string(),
                r.on_call_per_year.clone(),
                r.lost_revenue_per_year.clone(),
                r.depends_on.join(", "),
                r.extra_nine_missed.join(", "),
            ]
        })
        .collect();
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
    let mut out = String::new();
    if !estate.name.is_empty() {
        out.push_str(&format!(
            "Portfolio {}\n\n",
            nines_core::quote::one_line(&estate.name, 60)
        ));
    }
    out.push_str(&line(&head.map(String::from)));
    for r in &rows {
        out.push_str(&line(r));
    }
    out
}
