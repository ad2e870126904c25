//! The commands: parse → `Scenario` → `evaluate` → render.

use std::fmt::Display;
use std::str::FromStr;

use nines_core::amount::{Count, Rate};
use nines_core::bounds::List;
use nines_core::export::Table;
use nines_core::incident::{read_incident_csv, PastIncident, INCIDENT_FORM};
use nines_core::quantity::Availability;
use nines_core::scenario::Scenario;
use nines_core::target::Limit;
use nines_core::window::{Convention, Period, PlannedMaintenance, ServiceHours};
use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::args::Args;

mod alerts;
mod budget;
mod compose;
mod cost;
mod downtime;
mod export;
mod help;
mod import;
mod incidents;
mod list;
mod portfolio;
mod reverse;
mod support;

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

/// Run a command line (without the program name), giving what to print.
pub fn run(argv: &[String]) -> Result<String, Failure> {
    let Some((name, rest)) = argv.split_first() else {
        return Err(Failure::Help(help::general()));
    };
    let args = Args::new(rest);
    if args.switch("--help") || name == "help" || name == "--help" {
        // `nines budget --help`, `nines help budget`, `nines --help budget`:
        // that command's help; otherwise the general one.
        let topic = if name == "help" || name == "--help" {
            args.positionals().first().map(String::as_str)
        } else {
            Some(name.as_str())
        };
        return Err(Failure::Help(
            topic
                .and_then(list::find)
                .map_or_else(help::general, help::of),
        ));
    }
    let Some(command) = list::find(name) else {
        let names: Vec<&str> = list::COMMANDS.iter().map(|c| c.name).collect();
        return Err(Failure::Usage(format!(
            "unknown command {name:?} (allowed: {}; try nines --help)",
            names.join(", ")
        )));
    };
    args.only(command.options)?;
    Ok((command.run)(&args, args.switch("--json"))?)
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

/// An option's text, its values joined by spaces so that `--slo 3.5 nines`
/// and `--deploys 10 per week` need no quotes.
fn text(args: &Args, name: &str) -> Result<Option<String>, String> {
    match args.values(name) {
        None => Ok(None),
        Some([]) => Err(format!("{name} needs a value")),
        Some(values) => Ok(Some(values.join(" "))),
    }
}

/// `--requests`: the requests in the SLO window, as a count (`1M`: that
/// many in the window, whole) or a rate over any period (`2.6M per 30d`,
/// `100 per second`, read by the core's `Rate`), as the budget's traffic
/// rate. The bad requests among them (`--bad`, budget's) are whole too.
fn requests_rate(args: &Args, window: Period) -> Result<Option<Rate>, String> {
    if let Some(bad) = text(args, "--bad")? {
        Count::parse_whole(&bad).map_err(|e| format!("--bad: {e}"))?;
    }
    let Some(t) = text(args, "--requests")? else {
        return Ok(None);
    };
    let rate = match Count::parse(&t) {
        Ok(_) => match Count::parse_whole(&t) {
            Ok(n) => Rate::parse(&format!("{n} per {}", window.id())),
            Err(e) => return Err(format!("--requests: {e}")),
        },
        Err(count) if !t.contains(" per ") && !t.contains('/') => {
            return Err(format!(
                "--requests: {count}; or a rate such as 2.6M per 30d"
            ))
        }
        Err(_) => Rate::parse(&t),
    };
    rate.map(Some).map_err(|e| {
        format!(
            "--requests: {e} (a count in the window such as 1M, or a rate such as 2.6M per 30d)"
        )
    })
}

/// An option read with one of the core's parsers; an error names the option.
fn option<T, E: Display>(
    args: &Args,
    name: &str,
    parse: impl FnOnce(&str) -> Result<T, E>,
) -> Result<Option<T>, String> {
    text(args, name)?
        .map(|t| parse(&t).map_err(|e| format!("{name}: {e}")))
        .transpose()
}

/// The one currency of a money command (amounts are never converted, so
/// they must agree): `--currency` (a symbol or an ISO 4217 code) when given, else the currency of the
/// amounts of the money flags `names` (`--revenue '£20M'` is in pounds),
/// `None` when none carries one. An amount in another currency than
/// `--currency` or than an earlier flag's is refused, naming both flags.
/// A flag that does not parse is left to its own reader.
pub(super) fn money_currency(
    args: &Args,
    names: &[&str],
) -> Result<Option<nines_core::amount::Currency>, String> {
    use nines_core::amount::{Currency, Money};
    let chosen = text(args, "--currency")?
        .map(|t| {
            t.parse::<Currency>().map_err(|e| {
                let why = e.strip_prefix("currency: ").unwrap_or(&e);
                format!("--currency: {why}")
            })
        })
        .transpose()?;
    let mut found = chosen.map(|c| ("--currency", c));
    for &name in names {
        let Some(Ok(money)) = text(args, name)?.map(|t| Money::parse(&t)) else {
            continue;
        };
        let Some(currency) = Currency::of(&money).map_err(|e| format!("{name}: {e}"))? else {
            continue;
        };
        match found {
            Some(("--currency", c)) if c != currency => {
                return Err(format!(
                    "--currency is {} but {name} is in {}: give {name} in {} (or with no \
                     currency), or leave out --currency (no conversion is made)",
                    c.code(),
                    currency.code(),
                    c.code()
                ));
            }
            Some((first, c)) if c != currency => {
                return Err(format!(
                    "{first} is in {} but {name} is in {}: give every amount in one currency \
                     (no conversion is made)",
                    c.code(),
                    currency.code()
                ));
            }
            Some(_) => {}
            None => found = Some((name, currency)),
        }
    }
    Ok(found.map(|(_, c)| c))
}

/// The instant to evaluate at: `--now` (a date or an RFC 3339 instant, read
/// by the core's `parse_instant`), or the system clock. Every command that
/// shows a date takes it, so its output can be reproduced.
pub(super) fn now(args: &Args) -> Result<chrono::DateTime<chrono::Utc>, String> {
    match option(args, "--now", nines_core::clock::parse_instant)? {
        Some(t) => Ok(t),
        None => {
            let since = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_err(|_| "--now: the system clock is before 1970; give --now".to_string())?;
            i64::try_from(since.as_secs())
                .ok()
                .and_then(|s| chrono::DateTime::from_timestamp(s, since.subsec_nanos()))
                .ok_or_else(|| "--now: the system clock is out of range; give --now".into())
        }
    }
}

/// A required value, or a message naming the option and an example.
fn required<T>(value: Option<T>, name: &str, example: &str) -> Result<T, String> {
    value.ok_or_else(|| format!("missing {name} <{example}>"))
}

/// `--slo <target>`, when given.
fn slo(args: &Args) -> Result<Option<Availability>, String> {
    slo_named(args, "--slo")
}

/// A target option such as `--service <target>`, when given.
fn slo_named(args: &Args, name: &str) -> Result<Option<Availability>, String> {
    option(args, name, Availability::parse)
}

/// `--window <Nd|month|…>`, or the scenario's default SLO window (30 days,
/// the SRE Workbook's).
/// The scenario every command starts from: the defaults with the common
/// options applied (`--convention`, `--window`, and `--slo`, which some
/// commands require and others default to the story's 99.95%).
fn base_scenario(args: &Args, slo_required: bool) -> Result<Scenario, String> {
    let mut scenario = Scenario {
        convention: convention(args)?,
        slo_window: window(args)?,
        // Service hours and planned maintenance, where a command takes them:
        // a target is promised over service time only, so the budget and
        // alerts count nothing outside it.
        service_hours: option(args, "--service-hours", str::parse::<ServiceHours>)?
            .unwrap_or_default(),
        maintenance: option(args, "--maintenance", str::parse::<PlannedMaintenance>)?
            .unwrap_or_default(),
        ..Scenario::default()
    };
    // Only what is given: no incident log from the default story (a
    // time-based budget counts the log's incidents).
    scenario.incidents.history.clear();
    check_maintenance(&scenario)?;
    match slo(args)? {
        Some(target) => scenario.target = target,
        None if slo_required => {
            required(None::<Availability>, "--slo", "target, e.g. 99.9")?;
        }
        None => {}
    }
    Ok(scenario)
}

/// The incident log of the command line: the incidents of `--incident WHEN,DURATION,SCOPE[,NOTE]` (each
/// occurrence, its words joined so a note needs no quotes) then of
/// `--incidents FILE.csv`; every bad one is an error naming it, and more
/// than the log holds are refused (every input is bounded, so no command
/// line can make the work unbounded).
fn logged_incidents(args: &Args) -> Result<Vec<PastIncident>, String> {
    let given = args.each("--incident");
    if !List::Incidents.holds(given.len()) {
        return Err(List::Incidents.refusal("--incident", given.len()));
    }
    let mut log = Vec::new();
    for values in given {
        if values.is_empty() {
            return Err(format!("--incident needs a value: {INCIDENT_FORM}"));
        }
        let text = values.join(" ");
        log.push(PastIncident::parse(&text).map_err(|e| format!("--incident {text:?}: {e}"))?);
    }
    if let Some(path) = text(args, "--incidents")? {
        // Read as `import` reads its spec, never past the limit
        // (`/dev/zero`, `yes … | nines incidents --incidents /dev/stdin`):
        // 4 MiB holds the log's 1,000
        // incidents with notes of 4,000 bytes each.
        const MAX_CSV_BYTES: u64 = 4 << 20;
        let csv = std::fs::File::open(&path)
            .map_err(import::ReadError::Io)
            .and_then(|f| import::read_bounded(f, MAX_CSV_BYTES))
            .map_err(|e| match e {
                import::ReadError::Io(e) => format!("--incidents: cannot read {path:?}: {e}"),
                import::ReadError::TooLarge => format!(
                    "--incidents {path:?}: more than {MAX_CSV_BYTES} bytes: an incident log of \
                     at most 4 MiB ({} incidents) is expected",
                    nines_core::bounds::MAX_INCIDENTS
                ),
                import::ReadError::NotUtf8 => {
                    format!("--incidents {path:?}: not UTF-8 text; a CSV is expected")
                }
            })?;
        let read = read_incident_csv(&csv);
        if !read.errors.is_empty() {
            // How many, then the first three: a file of a million bad lines
            // gives one short line of message, not a million.
            let shown: Vec<String> = read
                .errors
                .iter()
                .take(3)
                .map(ToString::to_string)
                .collect();
            return Err(match read.errors.len() {
                1 => format!("--incidents {path:?}: {}", shown[0]),
                n => format!(
                    "--incidents {path:?}: {n} lines do not read: {}{}",
                    shown.join("; "),
                    if n > 3 { "; …" } else { "" }
                ),
            });
        }
        if read.incidents.is_empty() {
            return Err(format!(
                "--incidents {path:?}: no incidents in it (only blank lines, # comments or a \
                 header); write one a line as {INCIDENT_FORM}"
            ));
        }
        if !List::Incidents.holds(log.len() + read.incidents.len()) {
            let source = if log.is_empty() {
                "--incidents"
            } else {
                "--incident and --incidents"
            };
            return Err(List::Incidents.refusal(source, log.len() + read.incidents.len()));
        }
        log.extend(read.incidents);
    }
    Ok(log)
}

fn window(args: &Args) -> Result<Period, String> {
    Ok(option(args, "--window", Period::from_str)?.unwrap_or(Scenario::default().slo_window))
}

/// A bound for JSON: the number, or `null` when unlimited.
fn limit_json(limit: Limit) -> Value {
    limit.value().map_or(Value::Null, |x| json!(x))
}

/// A report section's fields for `--json`, as the core serialises them (its
/// own names, seconds and fractions as plain numbers, its `*_display`
/// strings). Each command then sets the fields earlier versions wrote under
/// other names or forms (scripts read them), and drops what the command's
/// inputs do not set: the page's chart series, an `error` it has already
/// refused, figures against inputs it does not take.
fn section<T: Serialize>(section: &T) -> Map<String, Value> {
    // The report types serialise to objects with string keys, so this never
    // fails; an empty object would only lose the added fields.
    match serde_json::to_value(section) {
        Ok(Value::Object(fields)) => fields,
        _ => Map::new(),
    }
}

/// Sets `fields` (the command's own) over a section's, then removes `drop`.
fn with(mut section: Map<String, Value>, fields: Value, drop: &[&str]) -> String {
    if let Value::Object(fields) = fields {
        section.extend(fields);
    }
    for key in drop {
        section.remove(*key);
    }
    write_json(Value::Object(section))
}

/// The JSON text of a command's answer, every number tidied
/// ([`tidy_numbers`]): all JSON a command prints goes through here.
pub(super) fn write_json(mut value: Value) -> String {
    tidy_numbers(&mut value);
    value.to_string()
}

/// Writes every non-integer number without floating-point noise
/// ([`nines_core::digits::tidy`]: a value within four ulps of a decimal of
/// at most 12 significant digits is written as that decimal, so
/// 0.0001 × 604 800 s is `60.48`, not `60.480000000000004`); other values
/// (`1/3`, fractional nines) are left as the floats they are.
fn tidy_numbers(value: &mut Value) {
    match value {
        Value::Number(n) if n.is_f64() => {
            if let Some(t) = n
                .as_f64()
                .map(nines_core::digits::tidy)
                .and_then(serde_json::Number::from_f64)
            {
                *n = t;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(tidy_numbers),
        Value::Object(fields) => fields.values_mut().for_each(tidy_numbers),
        _ => {}
    }
}

/// Label and value lines, the labels padded to one width.
fn figures(rows: &[[String; 2]]) -> String {
    let width = rows
        .iter()
        .map(|[l, _]| l.chars().count())
        .max()
        .unwrap_or(0);
    rows.iter()
        .map(|[label, value]| format!("{label:<width$}  {value}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Planned maintenance no longer than its period under the convention in
/// force, for every command that takes `--maintenance`.
fn check_maintenance(scenario: &Scenario) -> Result<(), String> {
    scenario
        .maintenance
        .check(scenario.convention)
        .map_err(|e| format!("--maintenance: {e}"))
}

/// Some columns of one of the core's export tables: their headers and
/// cells (an empty cell where a row is short).
fn columns<const N: usize>(table: &Table, pick: [usize; N]) -> ([String; N], Vec<[String; N]>) {
    let cells = |row: &[String]| pick.map(|i| row.get(i).cloned().unwrap_or_default());
    (
        cells(&table.headers),
        table.rows.iter().map(|row| cells(row)).collect(),
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

#[cfg(test)]
mod tests {
    use super::*;
    // What `compose` shows: the core's display rule for an availability.
    use nines_core::display::availability as availability_text;

    #[test]
    fn availability_text_hides_float_noise_and_rounds_long_decimals() {
        // 2 of 3 at 90%: 0.028 computed in floating point.
        assert_eq!(availability_text(0.028_000_000_000_000_004), "97.2%");
        assert_eq!(availability_text(0.001999), "99.8001%");
        // Five 99.999% in series: four significant digits of U, marked.
        assert_eq!(availability_text(4.999_900_001e-5), "≈99.995%");
        assert_eq!(availability_text(f64::NAN), "—");
    }

    #[test]
    fn text_options_join_their_values() {
        let argv: Vec<String> = ["--slo", "3.5", "nines", "--window"]
            .map(String::from)
            .to_vec();
        let args = Args::new(&argv);
        assert_eq!(text(&args, "--slo").unwrap().as_deref(), Some("3.5 nines"));
        assert!(text(&args, "--window").is_err());
        assert_eq!(text(&args, "--json").unwrap(), None);
        assert_eq!(slo(&args).unwrap().unwrap().to_string(), "3.5 nines");
        assert_eq!(window(&args).unwrap_err(), "--window needs a value");
    }
}
