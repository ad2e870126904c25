//! The help texts, written from the list of commands ([`COMMANDS`]): the
//! general `nines --help` and each `nines <command> --help`.

use super::list::{Command, COMMANDS};

/// The first line of the general help.
const TITLE: &str =
    "nines — availability targets, downtime, error budgets and more (the Nines calculator's CLI twin)";

/// The forms of a target and of a duration.
const TARGETS: &str = "\
Targets: 99.95, 99.95%, 3.5 nines, 1/1000. Durations: 4h 30m, 90s, 43.2 min, PT4H.";

/// The forms of a request count.
const REQUESTS: &str = "\
Requests: a count in the window (1M) or a rate over any period (2.6M per 30d, 100/s).";

/// The forms of an amount of money and its currency.
const MONEY: &str = "\
Money: $20M, £20M, €1.5M, ¥300M, CHF 2M, 20M USD: the answer is in the currency typed
(one currency per command; no conversion), US dollars when none is given. --currency (a
symbol or an ISO 4217 code: GBP, £, CHF) sets it: amounts typed without one are in it,
and so are the default story's.";

/// The forms of an SLO window.
const WINDOWS: &str = "\
Windows: day, week, month, quarter, year or a rolling Nd or Nw (default 30d, the SRE Workbook's).";

/// The forms of service hours, for the commands that take `--service-hours`.
const SERVICE_HOURS: &str = "\
Service hours: Mon-Fri 09:00-17:00, Sat 10:00-14:00; across midnight Mon-Fri 22:00-06:00 (each
night to the next morning); several a day Mon-Fri 09:00-12:00,13:00-17:00; no overlaps; 24/7.";

/// What some commands' inputs mean, beyond their usage lines.
const NOTES: &str = "\
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
calculator's default story (99.95%, a $20M checkout, three teams).";

/// The calendar convention every figure states.
const CONVENTIONS: &str = "\
Every figure states its calendar convention (default: Gregorian mean, year 365.2425 days).";

/// What bad input gets.
const EXIT: &str = "\
Exit code 2 and a one-line message on bad input.";

/// The general help: every command's usage lines, the options every
/// command takes, then the forms of the inputs and what they mean.
pub(super) fn general() -> String {
    let usage: Vec<&str> = COMMANDS.iter().flat_map(|c| c.usage).copied().collect();
    let more: Vec<String> = COMMANDS
        .iter()
        .filter_map(|c| c.more)
        .map(|f| f())
        .collect();
    format!(
        "{TITLE}\n\nUsage:\n{}\n{}\n\n{TARGETS}\n{REQUESTS}\n{MONEY}\n{WINDOWS}\n\
         {SERVICE_HOURS}\n{NOTES}\n{}\n{CONVENTIONS}\n{EXIT}",
        usage.join("\n"),
        common_options(),
        more.join("\n"),
    )
}

/// The line on the options of every command: `--json` and `--help`, and
/// `--convention` for the commands that take it (all but the two that
/// read and write specs, which carry no calendar convention of their own).
fn common_options() -> String {
    let without: Vec<&str> = COMMANDS
        .iter()
        .filter(|c| !c.options.contains(&"--convention"))
        .map(|c| c.name)
        .collect();
    if without.is_empty() {
        "Every command takes --convention, --json (plain numbers, float noise removed) and --help."
            .to_string()
    } else {
        format!(
            "Every command takes --json (plain numbers, float noise removed) and --help; all but \
             {} take --convention.",
            without.join(" and ")
        )
    }
}

/// `command`'s own help: what it does, its usage lines, the options every
/// command takes (`--convention` where it does) and the forms of the
/// inputs (service hours for the commands that take them).
pub(super) fn of(command: &Command) -> String {
    let convention = if command.options.contains(&"--convention") {
        "--convention gregorian|sre-book|365d, "
    } else {
        ""
    };
    let hours = if command.options.contains(&"--service-hours") {
        format!("\n{SERVICE_HOURS}")
    } else {
        String::new()
    };
    let more = command
        .more
        .map(|f| format!("\n{}", f()))
        .unwrap_or_default();
    format!(
        "nines {}: {}\n\nUsage:\n{}{more}\n\nOptions of every command: {convention}--json (a \
         JSON object\ninstead of the table), --help.\n{TARGETS}\n{REQUESTS}\n{WINDOWS}\n\
         {CONVENTIONS}{hours}\n{EXIT} nines --help lists every command.",
        command.name,
        command.summary,
        command.usage.join("\n"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The options a command's usage lines name, besides the switches and
    /// `--convention` (every command's line names those).
    fn named(command: &Command) -> Vec<&str> {
        let mut names: Vec<&str> = command
            .usage
            .iter()
            .flat_map(|l| l.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')))
            .filter(|w| w.starts_with("--") && w.len() > 2)
            .filter(|w| !["--json", "--help", "--convention"].contains(w))
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    /// Each command's usage lines name exactly the options it accepts, so
    /// the help neither hides an option nor offers one that is refused.
    #[test]
    fn usage_names_every_option_accepted() {
        for command in COMMANDS {
            let mut accepted: Vec<&str> = command
                .options
                .iter()
                .copied()
                .filter(|o| *o != "--convention")
                .collect();
            accepted.sort_unstable();
            assert_eq!(named(command), accepted, "nines {}", command.name);
        }
    }

    /// Each command's usage starts with its name, the lines after it indented.
    #[test]
    fn usage_lines_start_with_the_command() {
        for command in COMMANDS {
            let (first, rest) = command.usage.split_first().expect("a usage line");
            assert!(first.starts_with(&format!("  nines {} ", command.name)));
            assert!(
                rest.iter().all(|l| l.starts_with("    ")),
                "{}",
                command.name
            );
        }
    }
}
