//! The commands: parse → `Scenario` → `evaluate` → render.

use std::fmt::Display;
use std::str::FromStr;

use nines_core::amount::{Count, Rate};
use nines_core::bounds::List;
use nines_core::duration::parse_duration;
use nines_core::export::{downtime_table, Table};
use nines_core::incident::{read_incident_csv, PastIncident, INCIDENT_FORM};
use nines_core::quantity::Availability;
use nines_core::scenario::{evaluate, Report, Scenario};
use nines_core::target::Limit;
use nines_core::window::{Convention, Period, PlannedMaintenance, ServiceHours};
use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::args::Args;

mod alerts;
mod budget;
mod compose;
mod cost;
mod export;
mod import;
mod incidents;
mod support;

/// The commands, in the order `--help` lists them.
const COMMANDS: [&str; 10] = [
    "downtime",
    "reverse",
    "budget",
    "alerts",
    "compose",
    "incidents",
    "cost",
    "support",
    "import",
    "export",
];

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
  nines downtime <target> [--convention gregorian|sre-book|365d] [--service-hours \"Mon-Fri 09:00-17:00\"]
               [--maintenance \"Sun 02:00-04:00 excluded\" | \"4h per month counted\"]
  nines reverse <duration> --per <day|week|month|quarter|year|Nd>
  nines budget --slo <target> [--window 30d] [--requests N [--bad N] | --bad-time <duration>
               | --incident WHEN,DURATION,SCOPE[,NOTE] … | --incidents FILE.csv]
               [--elapsed <duration> | --start 2026-11-01 | --calendar week|month|quarter|year
               [--week-start monday|sunday|saturday] [--utc-offset +01:00]] [--now 2027-03-10T00:00:00Z]
               [--service-hours \"Mon-Fri 09:00-17:00\" (read in --utc-offset)] [--maintenance …]
  nines alerts --slo <target> [--window 30d] [--policy workbook|sloth|pyrra | --alert \"page 2% 1h 5m\" …]
               [--off page|ticket|page,ticket] [--error-ratio 1%] [--requests N | --requests \"2.6M per 30d\"]
               [--service-hours \"Mon-Fri 09:00-17:00\"] [--maintenance …]
  nines compose (--serial <a> <b> … | --parallel <a> <b> … | --k-of-n K <a> <b> …)
               [--service <target> [--outages N] [--outage-scope 100%] [--window 30d]]
  nines incidents [--slo <target>] [--rate \"6 per year\"] [--ttd 5m] [--ttr 30m] [--scope 50%]
               [--window 30d] [--now <instant>]
               [--incident WHEN,DURATION,SCOPE[,NOTE] …] [--incidents FILE.csv]
               [--logged-since <instant>] [--model typed|log]
  nines cost [--slo <target>] [--revenue $20M] [--impact 80%] [--reference-cost $20k]
             [--reference-nines 3] [--factor 10] [--tolerable-loss $8k] [--levels 2 3 4 5]
             [--currency GBP]
  nines support [--slo <target>] [--deploys \"10 per week\"] [--criticality low|normal|critical]
                [--teams 3] [--standby-rate $5] [--callout-rate $150] [--incidents \"18 per year\"]
                [--ttd 5m] [--ttr 30m] [--scope 50%] [--revenue $20M] [--impact 80%]
                [--ops-handoff 2h] [--ops-sometimes-handoff 2h] [--sre-handoff 0s]
                [--investment $10k] [--sre-factor 10] [--organisation cost-centre|business-differentiator]
                [--culture pathological|bureaucratic|generative]
                [--currency GBP]
  nines import <FILE|-> [--slo NAME] [--json | --link]
  nines export <rules|sloth|sloth-windows|pyrra|openslo|policy-md|policy-wiki|policy-html|measures|table>
               (--link <address or query|-> | --from <FILE|-> [--slo NAME]) [--now <instant>]
               [--table N [--format csv|md|wiki]] [--output FILE | -o FILE]
Every command takes --convention, --json (plain numbers, float noise removed) and --help.

Targets: 99.95, 99.95%, 3.5 nines, 1/1000. Durations: 4h 30m, 90s, 43.2 min, PT4H.
Requests: a count in the window (1M) or a rate over any period (2.6M per 30d, 100/s).
Money: $20M, £20M, €1.5M, ¥300M, CHF 2M, 20M USD: the answer is in the currency typed
(one currency per command; no conversion), US dollars when none is given. --currency (a
symbol or an ISO 4217 code: GBP, £, CHF) sets it: amounts typed without one are in it,
and so are the default story's.
Windows: day, week, month, quarter, year or a rolling Nd (default 30d, the SRE Workbook's).
Service hours: Mon-Fri 09:00-17:00, Sat 10:00-14:00; across midnight Mon-Fri 22:00-06:00 (each
night to the next morning); several a day Mon-Fri 09:00-12:00,13:00-17:00; no overlaps; 24/7.
budget: N is the total in the window; without --requests the budget is bad time: --bad-time
as measured, else what the logged incidents (--incident, --incidents, as for incidents) spent
in the window, each weighted by its share of users; with --requests they are shown beside. The window
ends at --now (a date or an RFC 3339 instant; default: the system clock): rolling over the last
--elapsed (default: the whole window), pinned from --start, or this --calendar period in a fixed
--utc-offset (default UTC). --service-hours (read in --utc-offset) and --maintenance (excluded)
make downtime, budget and alerts count service time only.
incidents: --incident (repeatable; WHEN a date or an RFC 3339 instant, SCOPE 100% or 0.5) and
--incidents (a CSV, one date,duration,scope[,note] a line, header optional) log incidents that
happened: their achieved availability is over the window ending at --now and over the period
logged (from --logged-since, else the first incident, to --now: never extrapolated unsaid).
Only a first line naming the columns is a header (a line that does not read is refused); a
moment counts once (overlapping incidents' shares of users add up to at most 100%, noted), and a
period counts the incidents with some of their time in it.
--model log takes the incident rate, time to restore and scope from them (time to detect
stays --ttd, at most the mean time to restore).
alerts: each --alert is severity, budget fraction spent in the long window, long window, short
window (page 2% 1h 5m), or severity, exhausts, the time in which that burn would spend the whole
budget, long window, short window (page exhausts 50h 1h 5m: burn rate = SLO window / 50h).
Omitted inputs of incidents, cost and support take the
calculator's default story (99.95%, a $20M checkout, three teams).
Every figure states its calendar convention (default: Gregorian mean, year 365.2425 days).
Exit code 2 and a one-line message on bad input.";

/// What each command does, for its own `--help`.
const ABOUT: [(&str, &str); 10] = [
    (
        "downtime",
        "the downtime a target allows per day, week, month, quarter and year.",
    ),
    ("reverse", "the availability a downtime per period gives."),
    (
        "budget",
        "the error budget of an SLO window: spent, left, burn rate, and when it runs out.",
    ),
    (
        "alerts",
        "multiwindow, multi-burn-rate alerts for an SLO (SRE Workbook, Sloth, Pyrra, or your \
         own: each --alert by budget spent, \"page 2% 1h 5m\", or by time to exhaustion, \
         \"page exhausts 50h 1h 5m\") scaled to its window, with detection times, warnings, \
         and an alternative when the policy does not fit the window.",
    ),
    (
        "compose",
        "the availability of dependencies in series, in parallel or k-of-n, what they leave \
         a service, and the rule of the extra nine.",
    ),
    (
        "incidents",
        "what incidents of a given rate, time to detect, time to recover once detected (--ttr; the two make the time to restore) and scope do to the \
         target; with --incident or --incidents, what the incidents that happened achieved over \
         the window ending at --now and the last year, against the model.",
    ),
    (
        "cost",
        "engineering cost per nine against revenue at risk: the cheapest target, the marginal \
         table, and the target a tolerable loss implies.",
    ),
    (
        "support",
        "who should run the service (the production support methods), the rule applied, the \
         on-call cost of each method, and each method as revenue insurance: time to restore \
         with its handoff delay, downtime a year against the budget, lost revenue, team \
         investment (--investment a team a year for You Build It You Run It, --sre-factor \
         times that for SRE Run It) and the total; --incidents counts all the teams' \
         incidents, --ttd/--ttr/--scope the service's incident model.",
    ),
    (
        "import",
        "a Sloth spec, a Pyrra ServiceLevelObjective or an OpenSLO SLO (YAML; - reads standard \
         input) read into a scenario: its target, window, alert policy and series, what it \
         could not carry, and its link (--link prints only the link). A file of several SLOs \
         (a Sloth spec's slos, several documents, a list): the first, or the one --slo NAME \
         names; the output names them all. Every SLO is checked. A bad document: FILE:LINE and \
         what was expected.",
    ),
    (
        "export",
        "every export the page offers (Prometheus rules, Sloth, Pyrra and OpenSLO documents, \
         the error-budget policy, the measures card, each table), of the scenario of a link \
         (--link, as the page's address or its query; - reads standard input) or of an SLO \
         spec (--from), byte for byte as the page downloads it at the same --now; \
         nines import slo.yaml --link | nines export rules --link - writes its rules.",
    ),
];

/// `command`'s own help: what it does, its usage lines (taken from
/// [`USAGE`], so the two cannot disagree) and the input forms; `None` for
/// an unknown command.
fn command_help(command: &str) -> Option<String> {
    let about = ABOUT.iter().find(|(c, _)| *c == command)?.1;
    let head = format!("  nines {command} ");
    let mut usage = Vec::new();
    let mut inside = false;
    for line in USAGE.lines() {
        if line.starts_with("  nines ") {
            inside = line.starts_with(&head);
        } else if !line.starts_with("    ") {
            inside = false;
        }
        if inside {
            usage.push(line);
        }
    }
    let forms: Vec<&str> = USAGE
        .lines()
        .filter(|l| {
            ["Targets:", "Requests:", "Windows:", "Every figure"]
                .iter()
                .any(|p| l.starts_with(p))
        })
        .collect();
    // The service-hours forms, for the commands that take them.
    let hours = usage
        .iter()
        .any(|l| l.contains("--service-hours"))
        .then(|| {
            USAGE
                .lines()
                .skip_while(|l| !l.starts_with("Service hours:"))
                .take(2)
        })
        .into_iter()
        .flatten();
    let forms: Vec<&str> = forms.into_iter().chain(hours).collect();
    Some(format!(
        "nines {command}: {about}\n\nUsage:\n{}\n\nOptions of every command: --convention \
         gregorian|sre-book|365d, --json (a JSON object\ninstead of the table), --help.\n{}\n\
         Exit code 2 and a one-line message on bad input. nines --help lists every command.",
        usage.join("\n"),
        forms.join("\n"),
    ))
}

/// Run a command line (without the program name), giving what to print.
pub fn run(argv: &[String]) -> Result<String, Failure> {
    let Some((command, rest)) = argv.split_first() else {
        return Err(Failure::Help(USAGE.to_string()));
    };
    let args = Args::new(rest);
    if args.switch("--help") || command == "help" || command == "--help" {
        // `nines budget --help`, `nines help budget`, `nines --help budget`:
        // that command's help; otherwise the global one.
        let topic = if command == "help" || command == "--help" {
            args.positionals().first().map(String::as_str)
        } else {
            Some(command.as_str())
        };
        return Err(Failure::Help(
            topic
                .and_then(command_help)
                .unwrap_or_else(|| USAGE.to_string()),
        ));
    }
    let json = args.switch("--json");
    let output = match command.as_str() {
        "downtime" => render_downtime(&downtime(&args)?, json),
        "reverse" => render_reverse(&reverse(&args)?, json),
        "budget" => budget::run(&args, json)?,
        "alerts" => alerts::run(&args, json)?,
        "compose" => compose::run(&args, json)?,
        "incidents" => incidents::run(&args, json)?,
        "cost" => cost::run(&args, json)?,
        "support" => support::run(&args, json)?,
        "import" => import::run(&args, json)?,
        "export" => export::run(&args)?,
        other => {
            return Err(Failure::Usage(format!(
                "unknown command {other:?} (allowed: {}; try nines --help)",
                COMMANDS.join(", ")
            )))
        }
    };
    Ok(output)
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

/// The one currency of a money command (issue 15 §5): `--currency` (a
/// symbol or an ISO 4217 code) when given, else the currency of the
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
        // Service hours and planned maintenance, where a command takes them
        // (issue 15 §1, §2): the budget and alerts count service time only.
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
/// than the log holds (issue 20 §6) are refused.
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

fn downtime(args: &Args) -> Result<Report, String> {
    args.only(&["--convention", "--service-hours", "--maintenance"])?;
    let target = Availability::parse(&positional(args, "<target>, e.g. 99.95")?)
        .map_err(|e| format!("target: {e}"))?;
    let scenario = Scenario {
        target,
        convention: convention(args)?,
        // Downtime counts only inside the service hours (issue 15 §1).
        service_hours: option(args, "--service-hours", str::parse::<ServiceHours>)?
            .unwrap_or_default(),
        // Planned maintenance, excluded from the target or counted (§2).
        maintenance: option(args, "--maintenance", str::parse::<PlannedMaintenance>)?
            .unwrap_or_default(),
        ..Scenario::default()
    };
    check_maintenance(&scenario)?;
    Ok(evaluate(&scenario, nines_core::budget::STORY_NOW))
}

/// Planned maintenance no longer than its period under the convention in
/// force, for every command that takes `--maintenance`.
fn check_maintenance(scenario: &Scenario) -> Result<(), String> {
    scenario
        .maintenance
        .check(scenario.convention)
        .map_err(|e| format!("--maintenance: {e}"))
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
    let report = evaluate(&scenario, nines_core::budget::STORY_NOW);
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
        let display: Map<String, Value> = t
            .downtime
            .iter()
            .map(|row| (row.period.id(), json!(row.display)))
            .collect();
        return with(
            section(t),
            json!({
                // The availability itself. The canonical text (`canonical`)
                // is the unavailability ratio (`1/3`) or the nines
                // (`3.5 nines`) when the percentage has no finite decimal
                // form.
                "availability": t.availability_percent,
                "availability_display": t.availability_percent,
                "convention": t.convention_id,
                "downtime_seconds": seconds,
                "downtime_display": display,
            }),
            // Written once, as `availability_display`, `convention` and the
            // two maps above; the chart's curve is the page's.
            &["availability_percent", "convention_id", "downtime", "curve"],
        );
    }
    // "100% (no downtime allowed)" already names the percentage.
    let nines = t
        .nines_display
        .strip_prefix(&format!("{} ", t.availability_percent))
        .map_or(format!("({})", t.nines_display), str::to_string);
    // The export's table without its seconds column.
    let (header, rows) = columns(&downtime_table(report), [0, 1]);
    // Service hours other than 24/7: downtime counts only inside them.
    let hours = if t.service_hours == "24/7" {
        String::new()
    } else {
        format!(
            "\nService hours: {}; downtime counts only inside them.",
            t.service_hours
        )
    };
    let maintenance = if t.maintenance == "no planned maintenance" {
        String::new()
    } else {
        format!("\nMaintenance: {}.", t.maintenance)
    };
    // Nothing left to measure, maintenance over the budget, per day.
    let notes: String = t.notes.iter().map(|n| format!("\n{n}")).collect();
    format!(
        "Availability {} {nines}\n{}\nConvention: {}. {}{hours}{maintenance}{notes}",
        t.availability_percent,
        table(header.each_ref().map(String::as_str), &rows),
        t.convention_label,
        t.rounding_note
    )
}

fn render_reverse(report: &Report, json: bool) -> String {
    let r = &report.reverse;
    if json {
        return with(
            section(r),
            json!({
                "per": r.period,
                // The availability (see `render_downtime`).
                "availability": r.availability_percent,
                "availability_display": r.availability_percent,
                "convention": report.target.convention_id,
            }),
            // `meets_target` compares with a target this command does not
            // take; `error` is refused before.
            &["period", "availability_percent", "meets_target", "error"],
        );
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
