//! `nines export NAME`: every export the page offers, written by the same
//! dispatch as the page's downloads (`nines_core::download`), so the same
//! scenario at the same `--now` gives the same bytes. The scenario comes
//! from a link (`--link`, the page's address or its query; `-` reads it
//! from standard input) or from an SLO spec (`--from FILE`, read as
//! `nines import` reads it); the text goes to standard output or
//! `--output FILE`.

use nines_core::download::{write, ExportKind, TABLE_FORMATS};
use nines_core::export::TABLE_NAMES;
use nines_core::link::decode;
use nines_core::scenario::{evaluate, Scenario};

use super::{now, text};
use crate::args::Args;

/// `nines export NAME`; `--json` changes nothing, as an export is written
/// in its own format.
pub(super) fn run(args: &Args, _json: bool) -> Result<String, String> {
    let what = match args.positionals() {
        [what] => what.as_str(),
        [] => return Err(format!("missing NAME: the export to write; {}", names())),
        _ => return Err(format!("export writes one NAME; {}", names())),
    };
    if let Some(file) = text(args, "--portfolio")? {
        return portfolio_export(args, what, &file);
    }
    let scenario = scenario(args)?;
    let (table, format) = if what == "table" {
        let n = text(args, "--table")?.ok_or_else(|| {
            format!(
                "table needs --table N, from 1 to {}: {}",
                TABLE_NAMES.len(),
                tables()
            )
        })?;
        let n = n
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=TABLE_NAMES.len()).contains(n))
            .ok_or_else(|| {
                format!(
                    "--table: {n:?} is not a table; give 1 to {}: {}",
                    TABLE_NAMES.len(),
                    tables()
                )
            })?;
        let format = text(args, "--format")?.unwrap_or_else(|| "csv".into());
        if !TABLE_FORMATS.contains(&format.as_str()) {
            return Err(format!(
                "--format: {format:?} is not a table format; use {}",
                TABLE_FORMATS.join(", ")
            ));
        }
        (n - 1, format)
    } else {
        for only in ["--table", "--format"] {
            if args.values(only).is_some() {
                return Err(format!("{only} is for `nines export table`"));
            }
        }
        (0, String::new())
    };
    let report = evaluate(&scenario, now(args)?);
    let out = write(what, &scenario, &report, table, &format)?;
    written(args, out)
}

/// `nines export NAME --portfolio FILE`: the export of every service in
/// one file (`portfolio::exports::estate_export`: the rules, the SLO
/// documents and the policies).
fn portfolio_export(args: &Args, what: &str, file: &str) -> Result<String, String> {
    for alone in ["--link", "--from", "--slo", "--table", "--format"] {
        if args.values(alone).is_some() {
            return Err(format!(
                "{alone} is not for --portfolio, which holds every service's scenario"
            ));
        }
    }
    let portfolio = super::portfolio::read_portfolio(file)?;
    let out = nines_core::portfolio::exports::estate_export(what, &portfolio, now(args)?)
        .map_err(|e| format!("--portfolio {file}: {e}"))?;
    written(args, out)
}

/// `out` to `--output FILE`, or to be printed.
fn written(args: &Args, out: String) -> Result<String, String> {
    match text(args, "--output")? {
        Some(path) => {
            std::fs::write(&path, &out)
                .map_err(|e| format!("--output: cannot write {path:?}: {e}"))?;
            Ok(String::new())
        }
        None => Ok(out),
    }
}

/// The scenario of `--link` or `--from`, exactly one of them.
fn scenario(args: &Args) -> Result<Scenario, String> {
    match (text(args, "--link")?, text(args, "--from")?) {
        (Some(_), Some(_)) => Err("give --link or --from, not both".into()),
        (None, None) => Err(
            "give the scenario: --link (the page's address or its query; - reads standard input) \
             or --from FILE (an SLO spec, as nines import reads it)"
                .into(),
        ),
        (Some(_), None) if args.values("--slo").is_some() => {
            Err("--slo picks an SLO of a --from file; a link holds one scenario".into())
        }
        (Some(link), None) => {
            let link = if link == "-" {
                super::import::read("-")?
            } else {
                link
            };
            let d = decode(query_of(&link));
            match d.notices.first() {
                Some(notice) => Err(format!("--link: {notice}")),
                None => Ok(d.scenario),
            }
        }
        (None, Some(file)) => {
            let spec = super::import::read(&file)?;
            let slo = text(args, "--slo")?;
            super::import::import_within_budget(spec, slo.as_deref(), &file).map(|i| i.scenario)
        }
    }
}

/// The query of a link as given: a whole address (what follows `?`, up to
/// a `#`), a query with its `?`, or the query alone; surrounding space and
/// a trailing line break (from standard input) aside.
fn query_of(link: &str) -> &str {
    let link = link.trim();
    let query = link.split_once('?').map_or(link, |(_, q)| q);
    query.split_once('#').map_or(query, |(q, _)| q)
}

fn names() -> String {
    format!("use {}", ExportKind::names())
}

/// The exports for the help, each name with what it writes, from the
/// core's one list of them.
pub(super) fn help_names() -> String {
    let lines: Vec<String> = ExportKind::ALL
        .into_iter()
        .map(|k| format!("  {:<15}{}", k.name(), k.summary()))
        .collect();
    format!("export NAME, one of:\n{}", lines.join("\n"))
}

fn tables() -> String {
    TABLE_NAMES
        .iter()
        .enumerate()
        .map(|(i, t)| format!("{} {t}", i + 1))
        .collect::<Vec<_>>()
        .join(", ")
}
