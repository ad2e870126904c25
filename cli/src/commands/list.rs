//! The commands of `nines`, one typed list: the general `--help`, each
//! command's own help, the message for an unknown command, the dispatch and
//! each command's check of its options are all read from [`COMMANDS`], so
//! none of them can name a command or an option the others do not.

use super::{
    alerts, budget, compose, cost, downtime, export, import, incidents, portfolio, reverse, support,
};
use crate::args::Args;

/// One command of `nines`.
pub(super) struct Command {
    /// What is typed after `nines`.
    pub name: &'static str,
    /// What it does, one sentence, for its own `--help`.
    pub summary: &'static str,
    /// Its usage lines as `--help` prints them: the first `  nines NAME …`,
    /// the rest indented under it.
    pub usage: &'static [&'static str],
    /// The options it accepts besides the switches `--json` and `--help`,
    /// in the order a message about an unknown option names them.
    pub options: &'static [&'static str],
    /// Runs it on its arguments (checked against [`Command::options`]
    /// before), `--json` or not, giving what to print.
    pub run: fn(&Args, bool) -> Result<String, String>,
    /// What its help adds, written from a list of its own (the exports'
    /// names), or `None`.
    pub more: Option<fn() -> String>,
}

/// The commands, in the order `--help` lists them.
pub(super) const COMMANDS: &[Command] = &[
    Command {
        name: "downtime",
        summary: "the downtime a target allows per day, week, month, quarter and year.",
        usage: &[
            "  nines downtime <target> [--convention gregorian|sre-book|365d] [--service-hours \"Mon-Fri 09:00-17:00\"]",
            "               [--maintenance \"Sun 02:00-04:00 excluded\" | \"4h per month counted\"]",
        ],
        options: &["--convention", "--service-hours", "--maintenance"],
        run: downtime::run,
        more: None,
    },
    Command {
        name: "reverse",
        summary: "the availability a downtime per period gives.",
        usage: &[
            "  nines reverse <duration> --per <day|week|month|quarter|year|Nd>",
        ],
        options: &["--per", "--convention"],
        run: reverse::run,
        more: None,
    },
    Command {
        name: "budget",
        summary: "the error budget of an SLO window: spent, left, burn rate, and when it runs out.",
        usage: &[
            "  nines budget --slo <target> [--window 30d] [--requests N [--bad N] | --bad-time <duration>",
            "               | --incident WHEN,DURATION,SCOPE[,NOTE] … | --incidents FILE.csv]",
            "               [--elapsed <duration> | --start 2026-11-01 | --calendar week|month|quarter|year",
            "               [--week-start monday|sunday|saturday] [--utc-offset +01:00]] [--now 2027-03-10T00:00:00Z]",
            "               [--service-hours \"Mon-Fri 09:00-17:00\" (read in --utc-offset)] [--maintenance …]",
        ],
        options: &["--slo", "--window", "--requests", "--bad", "--bad-time", "--elapsed", "--start", "--calendar", "--week-start", "--utc-offset", "--now", "--convention", "--service-hours", "--maintenance", "--incident", "--incidents"],
        run: budget::run,
        more: None,
    },
    Command {
        name: "alerts",
        summary: "multiwindow, multi-burn-rate alerts for an SLO (SRE Workbook, Sloth, Pyrra, or your \
         own: each --alert by budget spent, \"page 2% 1h 5m\", or by time to exhaustion, \
         \"page exhausts 50h 1h 5m\") scaled to its window, with detection times, warnings, \
         and an alternative when the policy does not fit the window.",
        usage: &[
            "  nines alerts --slo <target> [--window 30d] [--policy workbook|sloth|pyrra | --alert \"page 2% 1h 5m\" …]",
            "               [--off page|ticket|page,ticket] [--error-ratio 1%] [--requests N | --requests \"2.6M per 30d\"]",
            "               [--service-hours \"Mon-Fri 09:00-17:00\"] [--maintenance …]",
        ],
        options: &["--slo", "--window", "--policy", "--alert", "--error-ratio", "--requests", "--convention", "--service-hours", "--maintenance", "--off"],
        run: alerts::run,
        more: None,
    },
    Command {
        name: "compose",
        summary: "the availability of dependencies in series, in parallel or k-of-n, what they leave \
         a service, and the rule of the extra nine.",
        usage: &[
            "  nines compose (--serial <a> <b> … | --parallel <a> <b> … | --k-of-n K <a> <b> …)",
            "               [--service <target> [--outages N] [--outage-scope 100%] [--scope 50%] [--window 30d]]",
        ],
        options: &["--serial", "--parallel", "--k-of-n", "--service", "--window", "--outages", "--outage-scope", "--convention", "--scope"],
        run: compose::run,
        more: None,
    },
    Command {
        name: "incidents",
        summary: "what incidents of a given rate, time to detect, time to recover once detected (--ttr; the two make the time to restore) and scope do to the \
         target; with --incident or --incidents, what the incidents that happened achieved over \
         the window ending at --now and the last year, against the model.",
        usage: &[
            "  nines incidents [--slo <target>] [--rate \"6 per year\"] [--ttd 5m] [--ttr 30m] [--scope 50%]",
            "               [--window 30d] [--now <instant>]",
            "               [--incident WHEN,DURATION,SCOPE[,NOTE] …] [--incidents FILE.csv]",
            "               [--logged-since <instant>] [--model typed|log]",
        ],
        options: &["--slo", "--rate", "--ttd", "--ttr", "--scope", "--window", "--convention", "--incident", "--incidents", "--logged-since", "--model", "--now"],
        run: incidents::run,
        more: None,
    },
    Command {
        name: "cost",
        summary: "engineering cost per nine against revenue at risk: the cheapest target, the marginal \
         table, and the target a tolerable loss implies.",
        usage: &[
            "  nines cost [--slo <target>] [--revenue $20M] [--impact 80%] [--reference-cost $20k]",
            "             [--reference-nines 3] [--factor 10] [--tolerable-loss $8k] [--levels 2 3 4 5]",
            "             [--currency GBP]",
        ],
        options: &["--slo", "--revenue", "--impact", "--reference-cost", "--reference-nines", "--factor", "--tolerable-loss", "--levels", "--currency", "--convention"],
        run: cost::run,
        more: None,
    },
    Command {
        name: "support",
        summary: "who should run the service (the production support methods), the rule applied, the \
         on-call cost of each method, and each method as revenue insurance: time to restore \
         with its handoff delay, downtime a year against the budget, lost revenue, team \
         investment (--investment a team a year for You Build It You Run It, --sre-factor \
         times that for SRE Run It) and the total; --incidents counts all the teams' \
         incidents, --ttd/--ttr/--scope the service's incident model.",
        usage: &[
            "  nines support [--slo <target>] [--deploys \"10 per week\"] [--criticality low|normal|critical]",
            "                [--teams 3] [--standby-rate $5] [--callout-rate $150] [--incidents \"18 per year\"]",
            "                [--ttd 5m] [--ttr 30m] [--scope 50%] [--revenue $20M] [--impact 80%]",
            "                [--ops-handoff 2h] [--ops-sometimes-handoff 2h] [--sre-handoff 0s]",
            "                [--investment $10k] [--sre-factor 10] [--organisation cost-centre|business-differentiator]",
            "                [--culture pathological|bureaucratic|generative]",
            "                [--currency GBP]",
        ],
        options: &["--slo", "--deploys", "--criticality", "--teams", "--standby-rate", "--callout-rate", "--incidents", "--ttd", "--ttr", "--scope", "--revenue", "--impact", "--ops-handoff", "--ops-sometimes-handoff", "--sre-handoff", "--investment", "--sre-factor", "--organisation", "--culture", "--currency", "--convention"],
        run: support::run,
        more: None,
    },
    Command {
        name: "import",
        summary: "a Sloth spec, a Pyrra ServiceLevelObjective or an OpenSLO SLO (YAML; - reads standard \
         input) read into a scenario: its target, window, alert policy and series, what it \
         could not carry, and its link (--link prints only the link). A file of several SLOs \
         (a Sloth spec's slos, several documents, a list): the first, or the one --slo NAME \
         names; the output names them all. Every SLO is checked. A bad document: FILE:LINE and \
         what was expected.",
        usage: &[
            "  nines import <FILE|-> [--slo NAME] [--json | --link]",
            "               or, every SLO of the file as a portfolio document: nines import <FILE|-> --portfolio",
        ],
        options: &["--link", "--slo", "--portfolio"],
        run: import::run,
        more: None,
    },
    Command {
        name: "export",
        summary: "every export the page offers (Prometheus rules, Sloth, Pyrra and OpenSLO documents, \
         the error-budget policy, the measures card, each table), of the scenario of a link \
         (--link, as the page's address or its query; - reads standard input) or of an SLO \
         spec (--from), byte for byte as the page downloads it at the same --now; \
         nines import slo.yaml --link | nines export rules --link - writes its rules.",
        usage: &[
            "  nines export <NAME>",
            "               (--link <address or query|-> | --from <FILE|-> [--slo NAME]) [--now <instant>]",
            "               [--table N [--format csv|md|wiki]] [--output FILE | -o FILE]",
            "               or, every service of a portfolio: nines export <rules|sloth|openslo|pyrra|policy-md> --portfolio <FILE|-|LINK> [--now …] [--output FILE]",
        ],
        options: &["--link", "--from", "--slo", "--now", "--table", "--format", "--output", "--portfolio"],
        run: export::run,
        more: Some(export::help_names),
    },
    Command {
        name: "portfolio",
        summary: "the estate of a portfolio of services (a JSON or YAML document or the page's portfolio link; - reads standard input), \
         each a scenario's link whose dependencies may be other services, taking their expected \
         availability (or their target): a row a service, not achievable first, then at risk.",
        usage: &[
            "  nines portfolio <FILE|-|LINK> [--now <instant>] [--json]",
        ],
        options: &["--now"],
        run: portfolio::run,
        more: None,
    },
];

/// The command called `name`, if there is one.
pub(super) fn find(name: &str) -> Option<&'static Command> {
    COMMANDS.iter().find(|c| c.name == name)
}
