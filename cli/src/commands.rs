//! The commands: parse → `Scenario` → `evaluate` → render.

use std::str::FromStr;

use nines_core::duration::parse_duration;
use nines_core::quantity::Availability;
use nines_core::scenario::{evaluate, Report, Scenario};
use nines_core::window::{Convention, Period};
use serde_json::{json, Map, Value};

use crate::args::Args;

/// Why a command produced no figures.
#[derive(Debug)]
pub enum Failure {
    /// Bad input: a one-line message, exit code 2.
    Usage(String),
    /// `--help` or no command: the usage text, exit code 0.
    Help(String),
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Failure::Usage(message)
    }
}

const USAGE: &str = "\
nines — availability targets, downtime, error budgets and more (the Nines calculator's CLI twin)

Usage:
  nines downtime <target> [--convention gregorian|sre-book|365d] [--json]
  nines reverse <duration> --per <day|week|month|quarter|year|Nd> [--convention …] [--json]

Targets: 99.95, 99.95%, 3.5 nines, 1/1000. Durations: 4h 30m, 90s, 43.2 min, PT4H.
Every figure states its calendar convention (default: Gregorian mean, year 365.2425 days).
Exit code 2 and a one-line message on bad input.";

/// Run a command line (without the program name), giving what to print.
pub fn run(argv: &[String]) -> Result<String, Failure> {
    let Some((command, rest)) = argv.split_first() else {
        return Err(Failure::Help(USAGE.to_string()));
    };
    let args = Args::new(rest);
    if args.switch("--help") || command == "help" || command == "--help" {
        return Err(Failure::Help(USAGE.to_string()));
    }
    let json = args.switch("--json");
    let (report, render): (Report, fn(&Report, bool) -> String) = match command.as_str() {
        "downtime" => (downtime(&args)?, render_downtime),
        "reverse" => (reverse(&args)?, render_reverse),
        other => {
            return Err(Failure::Usage(format!(
                "unknown command {other:?} (allowed: downtime, reverse; try nines --help)"
            )))
        }
    };
    Ok(render(&report, json))
}

/// The one positional a command takes, joined so `3.5 nines` needs no quotes.
fn positional(args: &Args, what: &str) -> Result<String, String> {
    if args.positionals().is_empty() {
        return Err(format!("missing {what}"));
    }
    Ok(args.positionals().join(" "))
}

fn convention(args: &Args) -> Result<Convention, String> {
    match args.value("--convention")? {
        None => Ok(Convention::default()),
        Some(v) => Convention::from_str(v).map_err(|e| format!("--convention: {e}")),
    }
}

fn downtime(args: &Args) -> Result<Report, String> {
    args.only(&["--convention"])?;
    let target = Availability::parse(&positional(args, "<target>, e.g. 99.95")?)
        .map_err(|e| format!("target: {e}"))?;
    let scenario = Scenario {
        target,
        convention: convention(args)?,
        ..Scenario::default()
    };
    Ok(evaluate(&scenario))
}

fn reverse(args: &Args) -> Result<Report, String> {
    args.only(&["--per", "--convention"])?;
    let downtime = parse_duration(&positional(args, "<duration>, e.g. 4h")?)
        .map_err(|e| format!("duration: {e}"))?;
    let period = match args.value("--per")? {
        Some(p) => Period::from_str(p).map_err(|e| format!("--per: {e}"))?,
        None => return Err("missing --per <day|week|month|quarter|year|Nd>".into()),
    };
    let mut scenario = Scenario {
        convention: convention(args)?,
        ..Scenario::default()
    };
    scenario.reverse.downtime_seconds = downtime;
    scenario.reverse.period = period;
    let report = evaluate(&scenario);
    if let Some(error) = &report.reverse.error {
        return Err(format!("reverse: {error}"));
    }
    Ok(report)
}

fn render_downtime(report: &Report, json: bool) -> String {
    let t = &report.target;
    if json {
        let seconds: Map<String, Value> = t
            .downtime
            .iter()
            .map(|row| (row.period.id(), json!(row.seconds)))
            .collect();
        return json!({
            "availability": t.canonical,
            "availability_display": t.availability_percent,
            "unavailability": t.unavailability,
            "nines": t.nines,
            "nines_display": t.nines_display,
            "convention": t.convention_id,
            "convention_label": t.convention_label,
            "downtime_seconds": seconds,
            "downtime_display": t.downtime.iter().map(|r| (r.period.id(), json!(r.display))).collect::<Map<_, _>>(),
        })
        .to_string();
    }
    let rows: Vec<[String; 2]> = t
        .downtime
        .iter()
        .map(|r| [r.period_label.clone(), r.display.clone()])
        .collect();
    format!(
        "Availability {} ({})\n{}\nConvention: {}. {}",
        t.availability_percent,
        t.nines_display,
        table(["Period", "Allowed downtime"], &rows),
        t.convention_label,
        t.rounding_note
    )
}

fn render_reverse(report: &Report, json: bool) -> String {
    let r = &report.reverse;
    if json {
        return json!({
            "downtime_seconds": r.downtime_seconds,
            "per": r.period.id(),
            "period_description": r.period_description,
            "availability": r.canonical,
            "availability_display": r.availability_percent,
            "unavailability": r.unavailability,
            "nines": r.nines,
            "nines_display": r.nines_display,
            "convention": report.target.convention_id,
        })
        .to_string();
    }
    format!(
        "{} {} → availability {} ({})\n{}",
        r.downtime_display,
        r.period_label,
        r.availability_percent.as_deref().unwrap_or("—"),
        r.nines_display.as_deref().unwrap_or("—"),
        r.period_description
    )
}

/// A plain text table: the first column left-aligned, the others right-aligned.
fn table<const N: usize>(header: [&str; N], rows: &[[String; N]]) -> String {
    let mut widths = header.map(|h| h.chars().count());
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| -> String {
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i == 0 {
                    format!("{c:<w$}", w = widths[i])
                } else {
                    format!("{c:>w$}", w = widths[i])
                }
            })
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    let mut out = vec![line(header.to_vec())];
    out.push(
        widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .join("  "),
    );
    out.extend(
        rows.iter()
            .map(|r| line(r.iter().map(String::as_str).collect())),
    );
    out.join("\n")
}
