//! Export: the report as text people paste elsewhere.
//!
//! * tables ([`Table`], [`tables`]) as CSV ([`to_csv`], RFC 4180), Markdown
//!   ([`to_markdown`], a GitHub pipe table) and Confluence wiki markup
//!   ([`to_confluence`]);
//! * the target measures card as Markdown ([`measures_markdown`]);
//! * the alert policy as Prometheus alerting rules ([`prometheus_rules`]),
//!   multiwindow, multi-burn-rate as the SRE Workbook (ch. 5 "Alerting on
//!   SLOs") and Sloth write them, with Sloth's metadata recording rules for
//!   its dashboards;
//! * the SLO as an OpenSLO v1 `SLO` document ([`openslo`]).
//!
//! Every export carries the scenario's answer, so that a file read apart
//! from the page tells the same story: when the target is not achievable, the rules, the
//! specs, the Markdown and Confluence tables and the policy document say
//! so at the top ([`not_achievable`]).
//!
//! Every figure comes from the [`Report`] that [`crate::scenario::evaluate`]
//! computed: exports render it, they never recompute. YAML is written by
//! hand (no dependency): every string that comes from the user is written
//! double-quoted with escapes ([`yaml_quote`]); everything else is a number,
//! a validated name or a fixed word.
//!
//! Text from the user (a name from a shared link is anyone's) never becomes
//! code where it lands (issue 20 §5, §9–§11):
//!
//! * YAML: the service and the selectors are refused when they hold a
//!   character that would break a line or the file
//!   ([`crate::production::is_refused`]: line breaks, the Unicode ones too,
//!   control characters, noncharacters…), and comments carry them on one
//!   line;
//! * templates: where a consumer evaluates a value as a Go template
//!   (Prometheus alerting rules' labels and annotations, Sloth's queries),
//!   user text is written as literal template text ([`template_literal`]);
//! * spreadsheets: a CSV cell that would start a formula gets a `'`
//!   ([`to_csv`]);
//! * wiki and Markdown: markup characters are escaped ([`to_confluence`],
//!   [`to_markdown`]);
//! * file names: [`file_stem`].

use std::fmt;

use crate::amount::Currency;
use crate::budget::BudgetMode;
use crate::digits::tidy;
use crate::display::{at_nines, availability, format_fraction_percent, money_in};
use crate::duration::{format_duration, format_seconds_plain};
use crate::production::{BudgetPolicy, ProductionInputs, is_refused, refused_characters};
use crate::quote::quoted;
use crate::scenario::{AlertRow, Report};
use crate::window::Period;

/// A table as the page shows it: a title, column headers and rows of
/// display strings (each row as long as `headers`), and the scenario's
/// answer when the target is not achievable (the page says it elsewhere;
/// the Markdown and Confluence exports write it under the title).
///
/// ```
/// use nines_core::export::{downtime_table, to_markdown};
/// use nines_core::scenario::{evaluate, Scenario};
/// let t = downtime_table(&evaluate(&Scenario::default(), nines_core::budget::STORY_NOW));
/// assert_eq!(t.headers, ["Period", "Allowed downtime", "Seconds"]);
/// assert_eq!(t.rows[2], ["per month", "21m 55s", "1314.873"]);
/// // The default story spends more than its budget (145.13%).
/// assert!(t.warning.as_deref().is_some_and(|w| w.starts_with("Not achievable: ")));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// What the table shows, for a caption or heading (not written to CSV).
    pub title: String,
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows of cells.
    pub rows: Vec<Vec<String>>,
    /// [`not_achievable`] of the report the table was written from:
    /// written under the title by [`to_markdown`] and [`to_confluence`]
    /// (not to CSV, which has no place for it); `None` when the target is
    /// achievable.
    pub warning: Option<String>,
}

impl Table {
    /// An empty table of `report` (its [`Table::warning`] set).
    fn new(report: &Report, title: impl Into<String>, headers: &[&str]) -> Table {
        Table {
            title: title.into(),
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
            warning: not_achievable(report),
        }
    }

    fn row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) {
        self.rows.push(cells.into_iter().map(Into::into).collect());
    }
}

/// Writes one table of a report.
pub type WriteTable = fn(&Report) -> Table;

/// The short name of every table of the report, in the page's order (its
/// full title names the scenario's figures), apart from the writers
/// ([`TABLE_WRITERS`], same order) so that a page can list the tables
/// without carrying the code that writes them.
pub const TABLE_NAMES: [&str; 11] = [
    "Allowed downtime per period",
    "Error budget and its dates",
    "Alert policy",
    "Incident log",
    "What the logged incidents achieved",
    "Dependencies' share of the error budget",
    "Cost of each extra level of availability",
    "On-call cost of each support method",
    "Support methods as revenue insurance",
    "Support comparison's assumptions",
    "Target measures",
];

/// The writer of each table of [`TABLE_NAMES`], in the same order. Writing
/// one table does not write the others.
///
/// ```
/// use nines_core::export::{TABLE_NAMES, TABLE_WRITERS};
/// use nines_core::scenario::{evaluate, Scenario};
/// let report = evaluate(&Scenario::default(), nines_core::budget::STORY_NOW);
/// assert_eq!(TABLE_NAMES[0], "Allowed downtime per period");
/// assert!(TABLE_WRITERS[0](&report).title.starts_with("Allowed downtime at 99.95%"));
/// ```
pub const TABLE_WRITERS: [WriteTable; 11] = [
    downtime_table,
    budget_table,
    alerts_table,
    incident_log_table,
    incident_figures_table,
    dependencies_table,
    marginal_cost_table,
    support_cost_table,
    support_methods_table,
    support_assumptions_table,
    measures_table,
];

/// Every table of the report ([`TABLE_WRITERS`]), written.
///
/// ```
/// use nines_core::export::tables;
/// use nines_core::scenario::{evaluate, Scenario};
/// let all = tables(&evaluate(&Scenario::default(), nines_core::budget::STORY_NOW));
/// assert_eq!(all.len(), 11);
/// assert!(all.iter().all(|t| t.rows.iter().all(|r| r.len() == t.headers.len())));
/// ```
pub fn tables(report: &Report) -> Vec<Table> {
    TABLE_WRITERS.iter().map(|write| write(report)).collect()
}

/// The scenario's answer when its target is not achievable, one line for
/// the top of every export: what
/// the dependencies, incidents and failed deployments are expected to
/// spend of the target's budget ([`crate::scenario::SpendReport::total`],
/// written by [`format_fraction_percent`] as the verdict writes it), that
/// the target freezes releases, and the most that can be promised
/// ([`crate::scenario::SpendReport::most_promisable_display`]). A 100%
/// target has no budget to spend: with anything expected to fail it is not
/// achievable either, said with the availability expected. `None` when the
/// target is achievable, or when the spend could not be worked out.
///
/// Worked by hand for the default story (the verdict's figures): the
/// dependencies spend 30.8% of the 99.95% budget, the incidents 39.93% and
/// the failed deployments 74.4%, 145.13% together; they leave ≈0.0726% of
/// the time unavailable, and the next budget up on the 1-2-5 series is
/// 0.1%: 99.9%.
///
/// ```
/// use nines_core::export::not_achievable;
/// use nines_core::scenario::{evaluate, Scenario};
/// let r = evaluate(&Scenario::default(), nines_core::budget::STORY_NOW);
/// assert_eq!(
///     not_achievable(&r).unwrap(),
///     "Not achievable: expected to spend 145.13% of the 99.95% budget (dependencies, \
///      incidents and failed deployments); this target freezes releases. The most you can \
///      promise is 99.9%."
/// );
/// let s: Scenario = serde_json::from_str(r#"{"target": "99.9%"}"#).unwrap();
/// assert_eq!(not_achievable(&evaluate(&s, nines_core::budget::STORY_NOW)), None);
/// ```
pub fn not_achievable(report: &Report) -> Option<String> {
    answer(report)
        .filter(|(achievable, _)| !achievable)
        .map(|(_, line)| line)
}

/// What the dependencies, incidents and failed deployments spend, as named
/// in the answer.
const SPENT_BY: &str = "(dependencies, incidents and failed deployments)";

/// The answer as `(achievable, line)`: [`not_achievable`]'s line, or
/// `Achievable: expected to spend 72.57% of the 99.9% budget (…).`; `None`
/// when the spend is not known.
fn answer(report: &Report) -> Option<(bool, String)> {
    let s = &report.spend;
    let t = &report.target.availability_percent;
    let mut line = match (s.total, s.fits) {
        (Some(total), Some(true)) => {
            let spend = format_fraction_percent(total);
            return Some((
                true,
                format!("Achievable: expected to spend {spend} of the {t} budget {SPENT_BY}."),
            ));
        }
        (Some(total), Some(false)) => format!(
            "Not achievable: expected to spend {} of the {t} budget {SPENT_BY}; this target \
             freezes releases.",
            format_fraction_percent(total)
        ),
        _ if report.target.unavailability <= 0.0 && s.expected_unavailability > 0.0 => format!(
            "Not achievable: a {t} target allows no downtime, and the dependencies, incidents and \
             failed deployments are expected to bring availability to {}; this target freezes \
             releases.",
            s.expected_availability_display
        ),
        _ => return None,
    };
    if s.most_promisable.is_some() {
        line.push_str(" The most you can promise is ");
        line.push_str(&s.most_promisable_display);
        line.push('.');
    }
    Some((false, line))
}

/// [`not_achievable`] as the first line of a YAML file (a `#` comment on
/// one line), or nothing.
fn answer_comment(report: &Report) -> String {
    not_achievable(report)
        .map(|line| ["# ", &one_line(&line), "\n"].concat())
        .unwrap_or_default()
}

/// Where the SLO window stands on the calendar, in words for text read
/// later (a document, a table): the report's own
/// [`crate::budget::BudgetReport::time_note`] is written for the page (how
/// the window follows the reader's clock when a link is opened) and is not
/// copied. A rolling window is the same rule at any instant; a calendar or
/// pinned one is placed by its dates.
///
/// ```text
/// The window rolls: at any instant it is the last 30 days.
/// The window is the calendar month in UTC+01:00; these figures are for the one from Sat 31 Oct 2026, 23:00 UTC to Mon 30 Nov 2026, 23:00 UTC (30 days).
/// The window is pinned: 30 days from Thu 5 Nov 2026, 00:00 UTC to Sat 5 Dec 2026, 00:00 UTC.
/// ```
fn window_placement(b: &crate::budget::BudgetReport) -> String {
    use crate::clock::Alignment;
    match b.alignment {
        Alignment::Rolling => [
            "The window rolls: at any instant it is the last ",
            &b.window_label,
            ".",
        ]
        .concat(),
        Alignment::Calendar => format!(
            "The window is the calendar {} in {}; these figures are for the one from {} to {} ({}).",
            b.slo_window.name(),
            b.utc_offset.label(),
            b.start_display,
            b.reset_display,
            b.window_label
        ),
        Alignment::Pinned => format!(
            "The window is pinned: {} from {} to {}.",
            b.window_label, b.start_display, b.reset_display
        ),
    }
}

/// Allowed downtime per day, week, month, quarter and year, with the exact
/// seconds (empty when not defined) for spreadsheets.
///
/// ```
/// use nines_core::export::downtime_table;
/// use nines_core::scenario::{evaluate, Scenario};
/// let t = downtime_table(&evaluate(&Scenario::default(), nines_core::budget::STORY_NOW));
/// assert!(t.title.starts_with("Allowed downtime at 99.95%, 24/7"));
/// assert_eq!(t.rows[0], ["per day", "43s", "43.2"]);
/// ```
pub fn downtime_table(report: &Report) -> Table {
    let t = &report.target;
    let mut table = Table::new(
        report,
        format!(
            "Allowed downtime at {}, {}; {}",
            t.availability_percent, t.service_hours, t.convention_label
        ),
        &["Period", "Allowed downtime", "Seconds"],
    );
    for row in &t.downtime {
        table.row([
            row.period_label.clone(),
            row.display.clone(),
            row.seconds.map(format_seconds_plain).unwrap_or_default(),
        ]);
    }
    table
}

/// The error budget at the instant evaluated: size, spend, burn rate, and
/// its dates for people and as ISO 8601 UTC instants (empty when there is
/// none: a rolling window never resets; no freeze, no lift). The title
/// says where the window stands in words that hold when the table is read
/// later.
///
/// ```
/// use nines_core::export::budget_table;
/// use nines_core::scenario::{evaluate, Scenario};
/// let t = budget_table(&evaluate(&Scenario::default(), nines_core::budget::STORY_NOW));
/// assert_eq!(
///     t.title,
///     "Error budget of 99.95% over 30 days at Wed 11 Nov 2026, 00:00 UTC. The window rolls: \
///      at any instant it is the last 30 days."
/// );
/// assert_eq!(t.rows[0], ["Window starts", "Sun 1 Nov 2026, 00:00 UTC", "2026-11-01T00:00:00Z"]);
/// assert_eq!(t.rows[5][2], "2026-11-26T00:00:00Z"); // runs out: 10 d / 40% = 25 days in
/// ```
pub fn budget_table(report: &Report) -> Table {
    let b = &report.budget;
    let mut table = Table::new(
        report,
        format!(
            "Error budget of {} over {} at {}. {}",
            report.target.availability_percent,
            b.window_description,
            b.now_display,
            window_placement(b)
        ),
        &["Figure", "Value", "ISO 8601 (UTC)"],
    );
    let iso = |x: &Option<String>| x.clone().unwrap_or_default();
    table.row(["Window starts", &b.start_display, &b.start_iso]);
    table.row(["Now", &b.now_display, &iso(&b.now_iso)]);
    table.row(["Budget", &b.allowed_display, ""]);
    table.row(["Spent", &b.consumed_display, ""]);
    table.row(["Burn rate", &b.burn_rate_display, ""]);
    table.row(["Runs out", &b.exhaustion_display, &iso(&b.exhaustion_iso)]);
    table.row(["Window resets", &b.reset_display, &iso(&b.reset_iso)]);
    table.row(["Policy", &b.policy_label, ""]);
    table.row([
        "Freeze lifts",
        &b.freeze_lift_display,
        &iso(&b.freeze_lift_iso),
    ]);
    // What the window's placement and the service hours change.
    for note in &b.notes {
        table.row(["Note", note, ""]);
    }
    table
}

/// The alert policy: one row per alert, as the page's alerts table, with
/// the windows in separate columns.
///
/// ```
/// use nines_core::export::alerts_table;
/// use nines_core::scenario::{evaluate, Scenario};
/// let t = alerts_table(&evaluate(&Scenario::default(), nines_core::budget::STORY_NOW));
/// assert_eq!(&t.rows[0][..5], ["Page", "1h", "5m", "—", "14.4×"]);
/// ```
pub fn alerts_table(report: &Report) -> Table {
    let a = &report.alerts;
    let mut table = Table::new(
        report,
        format!(
            "Alert policy: {}, SLO window {}; detection at an error ratio of {}{}{}",
            a.policy_name,
            a.period_label,
            a.error_ratio_display,
            if a.service_note.is_empty() { "" } else { ". " },
            a.service_note
        ),
        &[
            "Severity",
            "Long window",
            "Short window",
            "For",
            "Burn rate",
            "Error ratio threshold",
            "Budget consumed to fire",
            "Fires after",
            "Budget spent by then",
        ],
    );
    for r in &a.rows {
        table.row([
            r.severity_label.clone(),
            r.long_window_display.clone(),
            r.short_window_display.clone(),
            r.for_display.clone().unwrap_or_else(|| "—".into()),
            r.burn_rate_display.clone(),
            r.threshold_display.clone(),
            r.budget_consumed_display.clone(),
            r.detection_display.clone(),
            r.budget_spent_display.clone(),
        ]);
    }
    table
}

/// The incident log: one row per incident that happened, with how much of
/// it falls in the SLO window so far (issue 14 §2).
///
/// ```
/// use nines_core::export::incident_log_table;
/// use nines_core::scenario::{evaluate, Scenario};
/// let t = incident_log_table(&evaluate(&Scenario::default(), nines_core::budget::STORY_NOW));
/// assert_eq!(t.headers[..4], ["Started", "Duration", "Share of users", "Note"]);
/// assert_eq!(t.rows[1][..3], ["Thu 5 Nov 2026, 14:00 UTC", "20m", "25%"]);
/// assert_eq!(t.rows[1][4..], ["all", "2026-11-05T14:00:00Z"]);
/// ```
pub fn incident_log_table(report: &Report) -> Table {
    let log = &report.incidents.log;
    let mut table = Table::new(
        report,
        format!(
            "Incident log at {}: {}",
            log.window.to.display, log.display.counting_rule
        ),
        &[
            "Started",
            "Duration",
            "Share of users",
            "Note",
            "In the SLO window so far",
            "Started (ISO 8601, UTC)",
        ],
    );
    for r in &log.rows {
        table.row([
            r.start.display.as_str(),
            &r.display.duration,
            &r.display.scope,
            &r.note,
            &r.display.in_window,
            &r.start.iso,
        ]);
    }
    table
}

/// What the logged incidents achieved over the SLO window so far and the
/// last year against the target, the budget they spent, and how the log
/// compares with the incident model's rate and time to restore.
///
/// ```
/// use nines_core::export::incident_figures_table;
/// use nines_core::scenario::{evaluate, Scenario};
/// let t = incident_figures_table(&evaluate(&Scenario::default(), nines_core::budget::STORY_NOW));
/// assert_eq!(t.rows[0][..3], ["Achieved availability, SLO window so far", "≈99.96528%", "meets the 99.95% target"]);
/// assert_eq!(t.rows[2][1], "23.15% of the budget of the 30 days window (5m of 21m 36s)");
/// ```
pub fn incident_figures_table(report: &Report) -> Table {
    let log = &report.incidents.log;
    let mut table = Table::new(
        report,
        format!(
            "What the logged incidents achieved against {} ({})",
            report.target.availability_percent, report.target.convention_label
        ),
        &["Figure", "Value", "Verdict", "Period"],
    );
    for (name, a) in [
        ("Achieved availability, SLO window so far", &log.window),
        ("Achieved availability, period logged", &log.period),
    ] {
        table.row([
            name,
            &a.display.availability,
            &a.display.verdict,
            &a.display.period,
        ]);
    }
    table.row([
        "Budget spent by logged incidents",
        &log.display.window_budget_spent,
        "",
        &log.window.display.period,
    ]);
    table.row([
        "Incidents a year",
        &log.display.rate,
        "",
        &log.period.display.period,
    ]);
    table.row([
        "Time to restore",
        &log.display.time_to_restore,
        "",
        &log.period.display.period,
    ]);
    if let Some(warning) = &log.display.optimistic {
        table.row(["Assumptions", warning.as_str(), "optimistic", ""]);
    }
    table
}

/// Who spends the error budget: each critical dependency against the rule
/// of the extra nine, then the service's own share.
///
/// ```
/// use nines_core::export::dependencies_table;
/// use nines_core::scenario::{evaluate, Scenario};
/// let t = dependencies_table(&evaluate(&Scenario::default(), nines_core::budget::STORY_NOW));
/// assert_eq!(t.rows.last().unwrap()[0], "the service itself");
/// ```
pub fn dependencies_table(report: &Report) -> Table {
    dependencies_table_in(report, &availability)
}

/// [`dependencies_table`] as the page shows it: each availability to the
/// digits that tell it from the target
/// ([`crate::display::availability_near`]); the exports keep it exact.
///
/// ```
/// use nines_core::export::{dependencies_table, dependencies_table_near};
/// use nines_core::scenario::{evaluate, Scenario};
/// let r = evaluate(&Scenario::default(), nines_core::budget::STORY_NOW);
/// // The session cache, 2 of 3 replicas at 99.9%: 1 − 2.998e-6 exactly.
/// assert_eq!(dependencies_table(&r).rows[2][1], "99.9997002%");
/// // Beside 99.95%, five significant digits: rounded down, ≈99.999%.
/// assert_eq!(dependencies_table_near(&r).rows[2][1], "≈99.999%");
/// ```
pub fn dependencies_table_near(report: &Report) -> Table {
    let target = report.target.unavailability;
    dependencies_table_in(report, &|u| crate::display::availability_near(u, target))
}

fn dependencies_table_in(report: &Report, availability: &dyn Fn(f64) -> String) -> Table {
    let d = &report.dependencies;
    let service_u = report.target.unavailability;
    let share = |u: f64| {
        if service_u > 0.0 {
            format_fraction_percent(u / service_u)
        } else {
            "—".into()
        }
    };
    let mut table = Table::new(
        report,
        format!(
            "Share of the error budget of {} (dependencies assumed independent)",
            report.target.availability_percent
        ),
        &[
            "Who",
            "Availability",
            "Share of the budget",
            "Meets the extra nine?",
        ],
    );
    for c in &d.extra_nine {
        table.row([
            c.name.clone(),
            availability(c.unavailability),
            share(c.unavailability),
            yes_no(c.meets_rule).into(),
        ]);
    }
    let own = d.own_unavailability.max(0.0);
    table.row([
        "the service itself".to_string(),
        availability(own),
        share(own),
        String::new(),
    ]);
    table
}

/// Going up a level: extra engineering cost against the revenue it
/// protects, per year.
///
/// ```
/// use nines_core::export::marginal_cost_table;
/// use nines_core::scenario::{evaluate, Scenario};
/// let t = marginal_cost_table(&evaluate(&Scenario::default(), nines_core::budget::STORY_NOW));
/// assert_eq!(t.headers[2], "Extra cost per year");
/// assert!(t.rows[0][2].starts_with('$'));
/// ```
pub fn marginal_cost_table(report: &Report) -> Table {
    let mut table = Table::new(
        report,
        "Going up a level: extra engineering cost against the revenue it protects, per year",
        &[
            "From",
            "To",
            "Extra cost per year",
            "Revenue protected per year",
            "Net benefit per year",
            "Worth it on revenue?",
        ],
    );
    let money = |x: f64| money_in(x, report.cost.currency);
    for m in &report.cost.marginal {
        table.row([
            at_nines(m.from_nines),
            at_nines(m.to_nines),
            money(m.extra_engineering_cost_per_year),
            money(m.revenue_protected_per_year),
            money(m.net_benefit_per_year),
            yes_no(m.worth_it).into(),
        ]);
    }
    table
}

/// The on-call cost of each production support method, per year, with the
/// recommended one marked.
///
/// ```
/// use nines_core::export::support_cost_table;
/// use nines_core::scenario::{evaluate, Scenario};
/// let t = support_cost_table(&evaluate(&Scenario::default(), nines_core::budget::STORY_NOW));
/// assert_eq!(t.rows.len(), 4);
/// assert_eq!(t.rows.iter().filter(|r| r[6] == "yes").count(), 1);
/// ```
pub fn support_cost_table(report: &Report) -> Table {
    let s = &report.support;
    let mut table = Table::new(
        report,
        "On-call cost of each production support method, per year",
        &[
            "Method",
            "Who is on call",
            "Standby",
            "Callouts",
            "Total",
            "Added to time to restore",
            "Recommended",
        ],
    );
    let money = |x: f64| money_in(x, s.currency);
    for c in &s.on_call_costs {
        table.row([
            c.method.name().to_string(),
            c.structure.clone(),
            money(c.standby_cost_per_year),
            money(c.callout_cost_per_year),
            money(c.total_cost_per_year),
            format_duration(c.time_to_restore_penalty_seconds),
            if c.method == s.recommendation.method {
                "yes"
            } else {
                ""
            }
            .to_string(),
        ]);
    }
    table
}

/// Each production support method as revenue insurance (issue 16): its
/// time to restore with the handoff delay, the downtime a year, whether it
/// fits the budget, the revenue lost, on-call pay (OpEx and CapEx), team
/// investment and the total, as the core writes them, and what the essays
/// say it does to deployment lead time.
///
/// ```
/// use nines_core::export::support_methods_table;
/// use nines_core::scenario::{evaluate, Scenario};
/// let t = support_methods_table(&evaluate(&Scenario::default(), nines_core::budget::STORY_NOW));
/// assert_eq!(t.rows[0][3], "7h 45m"); // Ops Run It: 6 × (35m + 2h) × 50%
/// assert_eq!(t.rows[1][10], "recommended, cheapest that fits");
/// ```
pub fn support_methods_table(report: &Report) -> Table {
    let s = &report.support;
    let mut table = Table::new(
        report,
        format!(
            "Support methods as revenue insurance, per year; budget {}",
            s.display.budget_per_year
        ),
        &[
            "Method",
            "Handoff delay",
            "Time to restore",
            "Downtime a year",
            "Fits the budget",
            "Revenue lost",
            "On-call pay",
            "OpEx and CapEx",
            "Team investment",
            "Total",
            "Standing",
            "Deployment lead time",
        ],
    );
    for m in &s.methods {
        let d = &m.display;
        let standing = match (m.recommended, m.cheapest_fitting) {
            (true, true) => "recommended, cheapest that fits",
            (true, false) => "recommended",
            (false, true) => "cheapest that fits",
            (false, false) => "",
        };
        table.row([
            m.method_name.to_string(),
            d.handoff_delay.clone(),
            d.time_to_restore.clone(),
            d.expected_downtime.clone(),
            d.fits_budget.clone(),
            d.revenue_lost.clone(),
            d.on_call_cost.clone(),
            d.on_call_split.clone(),
            d.investment.clone(),
            d.total_cost.clone(),
            standing.to_string(),
            m.lead_time.to_string(),
        ]);
    }
    table
}

/// The inputs the support comparison rests on, their defaults and where
/// each default comes from (an essay, or the product's own assumption).
///
/// ```
/// use nines_core::export::support_assumptions_table;
/// use nines_core::scenario::{evaluate, Scenario};
/// let t = support_assumptions_table(&evaluate(&Scenario::default(), nines_core::budget::STORY_NOW));
/// assert_eq!(t.rows[0][..3], ["Ops Run It handoff delay", "2h", "2h"]);
/// ```
pub fn support_assumptions_table(report: &Report) -> Table {
    let mut table = Table::new(
        report,
        "Who runs it: the comparison's assumptions and their sources",
        &["Input", "Value", "Default", "Source of the default"],
    );
    for a in &report.support.assumptions {
        table.row([
            a.input.to_string(),
            a.value.clone(),
            a.default.clone(),
            a.source.to_string(),
        ]);
    }
    table
}

/// The target measures card (Steve Smith, "Continuous Delivery target
/// measures", plus the error budget): the same rows as the page's card.
///
/// ```
/// use nines_core::export::measures_table;
/// use nines_core::scenario::{evaluate, Scenario};
/// let t = measures_table(&evaluate(&Scenario::default(), nines_core::budget::STORY_NOW));
/// assert_eq!(t.rows[2][..2], ["Availability", "99.95% (3.3 nines)"]);
/// assert_eq!(t.rows[4][1], "21m 36s per 30 days (0.05%)");
/// ```
pub fn measures_table(report: &Report) -> Table {
    let dora = &report.delivery.targets;
    let t = &report.target;
    let b = &report.budget;
    let mut table = Table::new(report, "Target measures", &["Measure", "Target", "Meaning"]);
    table.row([
        "Deployment frequency".to_string(),
        format!(
            "{} deployments a week",
            crate::support::deployments_per_week(dora.deployments_per_week)
        ),
        "How often the team ships to production.".into(),
    ]);
    table.row([
        "Deployment lead time".to_string(),
        format_duration(dora.deployment_lead_time_seconds),
        "From commit to production.".into(),
    ]);
    table.row([
        "Availability".to_string(),
        crate::display::target_with_nines(&t.availability_percent, &t.nines_display, t.nines),
        "The target, measured over the SLO window.".into(),
    ]);
    if !t.service_hours_note.is_empty() {
        // Issue 15 §1: the measures say when the target is measured.
        table.row([
            "Service hours".to_string(),
            t.service_hours.clone(),
            [
                "Only these hours count; planned maintenance: ",
                &t.maintenance,
                ".",
            ]
            .concat(),
        ]);
    }
    table.row([
        "Time to restore".to_string(),
        report.spend.max_time_to_restore_display.clone(),
        [
            "At most, detect plus recover, per incident, for the target to hold once the \
             dependencies and failed deployments take their share; the incident model \
             assumes ",
            &format_duration(report.incidents.time_to_restore_seconds),
            ".",
        ]
        .concat(),
    ]);
    table.row([
        "Error budget".to_string(),
        format!(
            "{} per {} ({})",
            b.budget_display, b.window_label, t.unavailability_percent
        ),
        "Unplanned downtime the target tolerates; while it is spent, launches stop.".into(),
    ]);
    table.row([
        "Expected budget spend".to_string(),
        report.spend.display.clone(),
        "Dependencies, incidents and failed deployments together, per SLO window.".into(),
    ]);
    table
}

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// The table as CSV (RFC 4180): a header record then one record per row,
/// each ended by CRLF; a field containing a comma, a double quote, CR or LF
/// is enclosed in double quotes, with its quotes doubled. Neither the title
/// nor the [`Table::warning`] is written: CSV has no place for them (a
/// record above the header would be read as the header).
///
/// Spreadsheets read a cell that starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return as a formula, and a name from a shared link could be
/// one (`=HYPERLINK(…)`, `+cmd|' /C calc'!A0`): such a cell is written
/// with a `'` in front, the guard of OWASP's "CSV Injection" page, which
/// spreadsheets show as text; so is a cell starting with NUL, which the
/// OWASP ASVS 5.0 adds (requirement 1.2.10). One exception keeps the
/// report's figures usable: a cell that is a negative figure as Nines
/// writes them, and nothing else ([`is_negative_figure`]: `-5`, `-0.1%`,
/// `-1,250`, `-£1.80`, `-$1.2B`, `-2,000,000 CHF`), is written as is: a
/// `-`, a currency symbol, digits and an ISO code hold no formula. So a
/// dependency named `-strike-` or `-1+2` is guarded, and `-5` is not.
///
/// ```
/// use nines_core::export::{to_csv, Table};
/// let t = Table {
///     title: "t".into(),
///     headers: vec!["Name".into(), "Note".into()],
///     rows: vec![
///         vec!["a, b".into(), "say \"hi\"".into()],
///         vec!["=1+2".into(), "-$165,600".into()],
///         vec!["@SUM(1)".into(), "-1h".into()],
///     ],
///     warning: Some("Not achievable: …".into()),
/// };
/// assert_eq!(
///     to_csv(&t),
///     "Name,Note\r\n\"a, b\",\"say \"\"hi\"\"\"\r\n'=1+2,\"-$165,600\"\r\n'@SUM(1),'-1h\r\n"
/// );
/// ```
pub fn to_csv(table: &Table) -> String {
    let mut out = String::new();
    for record in std::iter::once(&table.headers).chain(&table.rows) {
        for (i, field) in record.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let guarded;
            let field = if field.starts_with(FORMULA_STARTS) && !is_negative_figure(field) {
                guarded = ["'", field].concat();
                &guarded
            } else {
                field
            };
            if field.contains([',', '"', '\r', '\n']) {
                out.push('"');
                out.push_str(&field.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(field);
            }
        }
        out.push_str("\r\n");
    }
    out
}

/// The first characters that make a spreadsheet read a cell as a formula
/// (OWASP, "CSV Injection"), and NUL (OWASP ASVS 5.0, 1.2.10).
const FORMULA_STARTS: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\0'];

/// Whether `cell` is a negative figure as Nines writes them, and nothing
/// else: `-`, an optional currency symbol of [`Currency::ALL`], digits
/// (the first a digit) with `,` separators, an optional `.` and fraction
/// digits, then optionally one of `%`, `B` (billions) or `T` (trillions),
/// and optionally a space and an ISO 4217 code of [`Currency::ALL`]. No
/// letter but the suffix, no parenthesis, quote, `!`, `|`, `&` or operator
/// after the sign: nothing a spreadsheet could run. [`to_csv`] writes such a
/// cell without the `'` guard.
///
/// ```
/// use nines_core::export::is_negative_figure;
/// for ok in ["-5", "-0.1%", "-1,250", "-£1.80", "-$1.2B", "-$20T", "-2,000,000 CHF", "-1.500 KWD"] {
///     assert!(is_negative_figure(ok), "{ok}");
/// }
/// for bad in ["-", "-.5", "-5.", "-1h", "-A1", "-1+2", "-$", "-5 usd", "-5 XYZ", "-2-1", "5", "--5", "-5%%"] {
///     assert!(!is_negative_figure(bad), "{bad}");
/// }
/// ```
pub fn is_negative_figure(cell: &str) -> bool {
    let Some(rest) = cell.strip_prefix('-') else {
        return false;
    };
    let rest = match rest.chars().next() {
        Some(c) if Currency::ALL.iter().any(|k| k.symbol() == Some(c)) => &rest[c.len_utf8()..],
        _ => rest,
    };
    let rest = match rest.rsplit_once(' ') {
        Some((amount, code)) if Currency::ALL.iter().any(|k| k.code() == code) => amount,
        _ => rest,
    };
    let rest = rest.strip_suffix(['%', 'B', 'T']).unwrap_or(rest);
    let (whole, fraction) = match rest.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (rest, None),
    };
    whole.starts_with(|c: char| c.is_ascii_digit())
        && whole.bytes().all(|b| b.is_ascii_digit() || b == b',')
        && fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// The table as a GitHub-flavoured Markdown pipe table, preceded by its
/// title in bold and its [`Table::warning`], if any, as a paragraph. Cells
/// escape `\`, `|` and the inline markup characters (`*`, `_`, `` ` ``,
/// `[`, `]`, `<`, and `~`: GitHub's `~~strike~~`), and line breaks become
/// `<br>`.
///
/// ```
/// use nines_core::export::{to_markdown, Table};
/// let mut t = Table {
///     title: "Downtime".into(),
///     headers: vec!["Period".into(), "Allowed".into()],
///     rows: vec![vec!["per day".into(), "43s | rounded".into()]],
///     warning: None,
/// };
/// assert_eq!(
///     to_markdown(&t),
///     "**Downtime**\n\n| Period | Allowed |\n| --- | --- |\n| per day | 43s \\| rounded |\n"
/// );
/// t.warning = Some("Not achievable: expected to spend 145.13% of the budget".into());
/// assert!(to_markdown(&t).starts_with(
///     "**Downtime**\n\nNot achievable: expected to spend 145.13% of the budget\n\n| Period |"
/// ));
/// ```
pub fn to_markdown(table: &Table) -> String {
    let mut out = String::new();
    if !table.title.is_empty() {
        out.push_str(&format!("**{}**\n\n", markdown_escape(&table.title)));
    }
    if let Some(warning) = &table.warning {
        out.push_str(&markdown_block_start(&markdown_escape(warning)));
        out.push_str("\n\n");
    }
    let line = |cells: &mut dyn Iterator<Item = String>| {
        let cells: Vec<String> = cells.collect();
        format!("| {} |\n", cells.join(" | "))
    };
    out.push_str(&line(&mut table.headers.iter().map(|h| markdown_escape(h))));
    out.push_str(&line(&mut table.headers.iter().map(|_| "---".to_string())));
    for row in &table.rows {
        out.push_str(&line(&mut row.iter().map(|c| markdown_escape(c))));
    }
    out
}

fn markdown_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("<br>");
            }
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

/// Escaped Markdown text, made unable to start a block: a leading `#`, `>`,
/// `-`, `+` or `=` gets a backslash, and the `.` or `)` after leading
/// digits (an ordered list item) is escaped (CommonMark 0.31, "Backslash
/// escapes": any ASCII punctuation may be escaped). `*`, `_`, `` ` ``, `<`,
/// `[`, `|` and `~` are escaped everywhere already.
fn markdown_block_start(escaped: &str) -> String {
    if escaped.starts_with(['#', '>', '-', '+', '=']) {
        return ["\\", escaped].concat();
    }
    let digits = escaped.bytes().take_while(u8::is_ascii_digit).count();
    match escaped[digits..].chars().next() {
        Some('.' | ')') if digits > 0 => [&escaped[..digits], "\\", &escaped[digits..]].concat(),
        _ => escaped.to_string(),
    }
}

/// The table in Confluence wiki markup: the title as a bold line, the
/// [`Table::warning`], if any, as a line of text, a header row
/// `||h1||h2||` and rows `|a|b|`. Cells are escaped so that nothing in
/// them renders as markup ([`confluence_escape`]), and an empty cell is
/// written as one space (`||` would start a header cell).
///
/// ```
/// use nines_core::export::{to_confluence, Table};
/// let mut t = Table {
///     title: "Downtime".into(),
///     headers: vec!["Period".into(), "Allowed".into()],
///     rows: vec![vec!["per day".into(), "".into()]],
///     warning: None,
/// };
/// assert_eq!(to_confluence(&t), "*Downtime*\n||Period||Allowed||\n|per day| |\n");
/// t.warning = Some("Not achievable: 145.13% (x)".into());
/// assert!(to_confluence(&t).starts_with("*Downtime*\nNot achievable: 145.13\\% \\(x\\)\n||Period||"));
/// ```
pub fn to_confluence(table: &Table) -> String {
    let mut out = String::new();
    if !table.title.is_empty() {
        out.push_str(&format!("*{}*\n", confluence_escape(&table.title)));
    }
    if let Some(warning) = &table.warning {
        out.push_str(&confluence_escape(warning));
        out.push('\n');
    }
    let line = |cells: &[String], sep: &str| {
        let mut s = String::from(sep);
        for c in cells {
            let e = confluence_escape(c);
            s.push_str(if e.trim().is_empty() { " " } else { &e });
            s.push_str(sep);
        }
        s.push('\n');
        s
    };
    out.push_str(&line(&table.headers, "||"));
    for row in &table.rows {
        out.push_str(&line(row, "|"));
    }
    out
}

/// The characters Confluence's renderer reads a backslash escape of
/// (Atlassian renderer, `BackslashEscapeRendererComponent`: `escapeWiki`'s
/// list and `#`): each renders as itself once escaped.
const CONFLUENCE_ESCAPED: [char; 18] = [
    '!', '[', ']', '^', '~', '+', '?', '%', '{', '}', '(', ')', '*', '_', '-', '|', '@', '#',
];

/// Text for Confluence wiki markup that renders as the text itself, never
/// as markup:
///
/// * a backslash before each of `! [ ] ^ ~ + ? % { } ( ) * _ - | @ #`, the
///   characters the renderer unescapes: no image (`!http://x/t.png!`),
///   link (`[x]`), macro (`{x}`), monospace (`{{x}}`), phrase (`*b*`,
///   `_em_`, `-del-`, `+ins+`, `^sup^`, `~sub~`, `??cite??`), emoticon
///   (`(!)`, `(i)`, `(/)`, `(x)`, `;)`), table cell (`|`), list (`*`, `#`,
///   `-`), horizontal rule or dash (`----`, `--`). A `-` between two ASCII
///   letters or digits is left as is (`Error-budget`, `2026-11-01`): the
///   renderer's phrases only open after, and close before, a character
///   that is not a letter or digit, so it can be neither;
/// * `:` before `P`, `D`, `p` or `d` as `&#58;` (the `:P` and `:D`
///   emoticons);
/// * at the start, a `h1.`–`h6.` heading or `bq.` quote marker with its
///   dot as `&#46;`;
/// * a backslash as `&#92;` (`\\` is a forced line break), and line
///   breaks as spaces, the Unicode ones too (Java's regular expressions,
///   which the renderer uses, end lines at U+0085, U+2028 and U+2029).
fn confluence_escape(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let ascii_alnum = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(char::is_ascii_alphanumeric)
    };
    // The dot of a leading block marker: `h1.`–`h6.` or `bq.`.
    let start = chars.iter().take_while(|c| c.is_whitespace()).count();
    let block_dot = match &chars[start..] {
        ['h' | 'H', '1'..='6', '.', ..] | ['b' | 'B', 'q' | 'Q', '.', ..] => Some(start + 2),
        _ => None,
    };
    let mut out = String::with_capacity(s.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '-' if ascii_alnum(i.checked_sub(1)) && ascii_alnum(Some(i + 1)) => out.push(c),
            c if CONFLUENCE_ESCAPED.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            ':' if matches!(chars.get(i + 1), Some('P' | 'D' | 'p' | 'd')) => {
                out.push_str("&#58;");
            }
            '.' if block_dot == Some(i) => out.push_str("&#46;"),
            // `\\` is a forced line break in wiki markup.
            '\\' => out.push_str("&#92;"),
            '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The target measures card as Markdown a product manager can paste: a
/// heading, the five measures (deployment frequency, deployment lead time,
/// availability with its nines, time to restore, error budget per SLO
/// window) and the convention they were computed under; under the heading,
/// the [`not_achievable`] line when the target is not achievable.
///
/// ```
/// use nines_core::export::measures_markdown;
/// use nines_core::scenario::{evaluate, Scenario};
/// let md = measures_markdown(&evaluate(&Scenario::default(), nines_core::budget::STORY_NOW));
/// assert!(md.starts_with("## Target measures\n\nNot achievable: expected to spend 145.13% of"));
/// assert!(md.contains("| Availability | 99.95% (3.3 nines) |"));
/// assert!(md.contains("Convention: Gregorian mean (year 365.2425 days, month 30.436875 days)"));
/// ```
pub fn measures_markdown(report: &Report) -> String {
    let t = &report.target;
    let b = &report.budget;
    let mut table = measures_table(report);
    table.title.clear();
    let warning = table
        .warning
        .take()
        .map(|w| [markdown_block_start(&markdown_escape(&w)), "\n\n".into()].concat())
        .unwrap_or_default();
    format!(
        "## Target measures\n\n{warning}\
         The measures a product manager owns for this service, to hand to the team.\n\n\
         {}\n\
         The error budget is {} per {}: {}.\n\n\
         Convention: {}. {}.\n",
        to_markdown(&table),
        t.unavailability_percent,
        markdown_escape(&b.window_label),
        markdown_escape(&b.allowed_display),
        markdown_escape(&t.convention_label),
        markdown_escape(&capitalise(&t.rounding_note)),
    )
}

/// A document for people: a title, paragraphs under it, and sections,
/// each a heading and its paragraphs; a paragraph that starts with `- ` is
/// a bullet.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// The title.
    pub title: String,
    /// Paragraphs under the title, before the first section (the policy's
    /// answer: achievable or not).
    pub preface: Vec<String>,
    /// `(heading, paragraphs)` in order.
    pub sections: Vec<(String, Vec<String>)>,
}

/// The error-budget policy (issue 17 §1) for `service`, from the scenario's
/// figures and the team's `policy`: under the title, whether the target is
/// achievable ([`not_achievable`], or what the dependencies, incidents and
/// failed deployments are expected to spend when it is); the objective and
/// its budget, with where the window stands in words that hold when the
/// document is read later; the tiers of budget left and what changes in
/// each, with the budget left at the instant it was computed; who may
/// override a freeze, when an incident needs a postmortem, who is on call
/// and when on-call goes back to the delivery team, the alerts, and the
/// target measures.
///
/// Worked by hand for the default story (99.95% over 30 days, 1,300 bad
/// requests allowed, 60% left at Wed 11 Nov 2026, 00:00 UTC): caution at
/// 50% left; a postmortem for an incident that spends more than 20% = 260
/// bad requests; expected to spend 145.13% of the budget, not achievable.
///
/// ```
/// use nines_core::export::{document_markdown, policy_document};
/// use nines_core::production::BudgetPolicy;
/// use nines_core::scenario::{evaluate, Scenario};
/// let r = evaluate(&Scenario::default(), nines_core::budget::STORY_NOW);
/// let md = document_markdown(&policy_document(&r, &BudgetPolicy::default(), "checkout"));
/// assert!(md.starts_with(
///     "# Error-budget policy: checkout\n\n**Not achievable:** expected to spend 145.13% of the \
///      99.95% budget"
/// ));
/// assert!(md.contains("more than 20% of the budget (260 bad requests)"));
/// assert!(md.contains("Budget left: 60% (computed at Wed 11 Nov 2026, 00:00 UTC): **normal**."));
/// assert!(md.contains("The window rolls: at any instant it is the last 30 days."));
/// ```
pub fn policy_document(report: &Report, policy: &BudgetPolicy, service: &str) -> Document {
    let t = &report.target;
    let b = &report.budget;
    let pct = format_fraction_percent;
    let caution = policy.caution_below.clamp(0.0, 1.0);
    let share = policy.postmortem_share.clamp(0.0, 1.0);
    let amount = |x: f64| match b.mode {
        BudgetMode::Time => format_duration(x * b.budget_seconds),
        BudgetMode::Requests => {
            let n = x * b.allowed_bad;
            [
                crate::display::count(n, 2).as_str(),
                if n == 1.0 {
                    " bad request"
                } else {
                    " bad requests"
                },
            ]
            .concat()
        }
    };
    let tier = match b.remaining {
        Some(r) if r > caution => "normal",
        Some(r) if r > 0.0 => "caution",
        _ => "exhausted",
    };
    // The answer first, its verdict in bold.
    let preface = answer(report)
        .and_then(|(_, line)| {
            let (verdict, rest) = line.split_once(": ")?;
            Some(format!("**{verdict}:** {rest}"))
        })
        .into_iter()
        .collect();
    let mut sections = vec![
        (
            "The objective".to_string(),
            vec![format!(
                "{} of requests succeed over {}. {} The error budget is {}: {} per window.",
                t.availability_percent,
                b.window_description,
                window_placement(b),
                t.unavailability_percent,
                b.allowed_display
            )],
        ),
        (
            "Budget tiers".to_string(),
            vec![
                format!(
                    "- Normal, more than {} of the budget left: {}",
                    pct(caution),
                    policy.normal.trim()
                ),
                format!(
                    "- Caution, {} or less left: {}",
                    pct(caution),
                    policy.caution.trim()
                ),
                format!(
                    "- Exhausted, nothing left: {} (\"If not, they cannot deploy until any errors are \
                     resolved\", the essays' \"You Build It SRE Run It\".)",
                    policy.exhausted.trim()
                ),
                format!(
                    "Budget left: {} (computed at {}): **{tier}**.",
                    b.remaining_display, b.now_display
                ),
            ],
        ),
        (
            "Overriding a freeze".to_string(),
            vec![policy.override_by.trim().to_string()],
        ),
        (
            "Postmortems".to_string(),
            vec![format!(
                "Any incident that spends more than {} of the budget ({}) in one window needs a \
                 postmortem (SRE Workbook, Appendix B: 20% over four weeks).",
                pct(share),
                amount(share)
            )],
        ),
    ];
    let s = &report.support.recommendation;
    let mut on_call = vec![format!("{} is recommended: {}", s.method_name, s.reason)];
    on_call.push(format!(
        "If an SRE team runs the service and it is outside its error budget for {} windows in a \
         row, the SRE team hands the on-call rota back to the delivery team, and the service \
         reverts to You Build It You Run It (the essays, \"You Build It SRE Run It\", step 8).",
        policy.handback_windows.max(1)
    ));
    sections.push(("Who is on call".to_string(), on_call));
    let a = &report.alerts;
    let mut alerts = vec![format!("{} ({}).", a.policy_name, a.policy_source)];
    for r in &a.rows {
        alerts.push(format!(
            "- {}: {} of the budget in {} (short window {}), a burn rate of {}.",
            r.severity_label,
            r.budget_consumed_display,
            r.long_window_display,
            r.short_window_display,
            r.burn_rate_display
        ));
    }
    sections.push(("Alerts".to_string(), alerts));
    let measures = measures_table(report)
        .rows
        .iter()
        .map(|row| format!("- {}: {}", row[0], row[1]))
        .collect();
    sections.push(("Target measures".to_string(), measures));
    Document {
        title: format!("Error-budget policy: {}", one_line(service)),
        preface,
        sections,
    }
}

impl Document {
    /// The preface (no heading), then each section with its heading.
    fn parts(&self) -> impl Iterator<Item = (Option<&str>, &[String])> {
        std::iter::once((None, self.preface.as_slice())).chain(
            self.sections
                .iter()
                .map(|(heading, paragraphs)| (Some(heading.as_str()), paragraphs.as_slice())),
        )
    }
}

/// `document` as Markdown: `#` title, `##` headings, paragraphs and
/// bullets, the text escaped (`**…**` marks are the document's own), and a
/// paragraph or bullet that would start a block of its own (`#` heading,
/// `>` quote, `-`, `+` or `1.` list, `=` underline) escaped at its start.
pub fn document_markdown(document: &Document) -> String {
    let text =
        |p: &str| markdown_block_start(&markdown_escape(p.trim_start())).replace("\\*\\*", "**");
    let mut out = format!("# {}\n", markdown_escape(&document.title));
    for (heading, paragraphs) in document.parts() {
        match heading {
            Some(heading) => out.push_str(&format!("\n## {}\n\n", markdown_escape(heading))),
            None if paragraphs.is_empty() => continue,
            None => out.push('\n'),
        }
        let mut bullets = false;
        for p in paragraphs {
            match p.strip_prefix("- ") {
                Some(item) => {
                    out.push_str(&format!("- {}\n", text(item)));
                    bullets = true;
                }
                None => {
                    if bullets {
                        out.push('\n');
                        bullets = false;
                    }
                    out.push_str(&format!("{}\n\n", text(p)));
                }
            }
        }
    }
    out
}

/// `document` in Confluence wiki markup: `h1.` and `h2.` headings,
/// paragraphs, `*` bullets, the text escaped (`**…**` becomes `*…*`).
pub fn document_confluence(document: &Document) -> String {
    let text = |p: &str| {
        let parts: Vec<String> = p.split("**").map(confluence_escape).collect();
        parts.join("*")
    };
    let mut out = format!("h1. {}\n", confluence_escape(&document.title));
    for (heading, paragraphs) in document.parts() {
        match heading {
            Some(heading) => out.push_str(&format!("\nh2. {}\n\n", confluence_escape(heading))),
            None if paragraphs.is_empty() => continue,
            None => out.push('\n'),
        }
        for p in paragraphs {
            match p.strip_prefix("- ") {
                Some(item) => out.push_str(&format!("* {}\n", text(item))),
                None => out.push_str(&format!("{}\n\n", text(p))),
            }
        }
    }
    out
}

/// `document` as a printable HTML page of its own (issue 17 §1: "a
/// printable page"): the text escaped (`&`, `<`, `>`, `"`), `**…**` as
/// bold, a print-friendly style, no scripts.
pub fn document_html(document: &Document) -> String {
    let escape = |p: &str| {
        let e = p
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;");
        let mut out = String::with_capacity(e.len());
        for (i, part) in e.split("**").enumerate() {
            if i > 0 {
                out.push_str(if i % 2 == 1 { "<strong>" } else { "</strong>" });
            }
            out.push_str(part);
        }
        if e.split("**").count() % 2 == 0 {
            out.push_str("</strong>");
        }
        out
    };
    let mut out = format!(
        "<!doctype html>\n<html lang=\"en\">\n<meta charset=\"utf-8\">\n<title>{0}</title>\n\
         <style>body{{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;\
         padding:0 1rem;color:#111}}h2{{margin-top:1.5rem}}@media print{{body{{margin:0}}}}</style>\n\
         <h1>{0}</h1>\n",
        escape(&document.title)
    );
    for (heading, paragraphs) in document.parts() {
        if let Some(heading) = heading {
            out.push_str(&format!("<h2>{}</h2>\n", escape(heading)));
        }
        let mut list = false;
        for p in paragraphs {
            match p.strip_prefix("- ") {
                Some(item) => {
                    if !list {
                        out.push_str("<ul>\n");
                        list = true;
                    }
                    out.push_str(&format!("<li>{}</li>\n", escape(item)));
                }
                None => {
                    if list {
                        out.push_str("</ul>\n");
                        list = false;
                    }
                    out.push_str(&format!("<p>{}</p>\n", escape(p)));
                }
            }
        }
        if list {
            out.push_str("</ul>\n");
        }
    }
    out.push_str("<p><small>Generated by Nines.</small></p>\n</html>\n");
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Why an export could not be written.
///
/// ```
/// use nines_core::export::prometheus_rules;
/// use nines_core::scenario::{evaluate, Scenario};
/// let p = nines_core::production::ProductionInputs { recording: "9lives".into(), ..Default::default() };
/// let err = prometheus_rules(&evaluate(&Scenario::default(), nines_core::budget::STORY_NOW), &p).unwrap_err();
/// assert!(err.to_string().starts_with("metric \"9lives\" is not allowed"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportError {
    /// A name the user typed is not allowed where it goes.
    Invalid {
        /// The parameter: `metric`, `service`, `bad_query`, `total_query`.
        field: &'static str,
        /// What was given.
        value: String,
        /// What is allowed, in words.
        allowed: &'static str,
    },
    /// A series selector the SLI is read from is not one (`requests`,
    /// `errors`), and why.
    Selector {
        /// `requests` or `errors`.
        field: &'static str,
        /// Why, with what is allowed.
        why: String,
    },
    /// The alert policy cannot be written (the report's reason).
    Policy(String),
    /// A 100% target has no error budget: nothing to burn, and OpenSLO
    /// targets must be below 1.
    NoErrorBudget,
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::Invalid {
                field,
                value,
                allowed,
            } => {
                write!(f, "{field} {} is not allowed", quoted(value, QUOTED_MAX))?;
                if let Some(c) = value.chars().find(|&c| is_refused(c)) {
                    write!(f, " (it contains U+{:04X})", u32::from(c))?;
                }
                write!(f, ": {allowed}")
            }
            ExportError::Selector { field, why } => write!(f, "{field}: {why}"),
            ExportError::Policy(why) => write!(f, "the alert policy cannot be exported: {why}"),
            ExportError::NoErrorBudget => f.write_str(
                "a 100% target has no error budget: there are no burn-rate alerts or SLO \
                 objective to write",
            ),
        }
    }
}

impl std::error::Error for ExportError {}

/// At most this many characters of a value are quoted in an error.
const QUOTED_MAX: usize = 60;

const METRIC_ALLOWED: &str = "a Prometheus metric name: letters, digits, '_' and ':', not \
                              starting with a digit (e.g. slo:sli_error:ratio_rate)";
const SERVICE_LABEL_ALLOWED: &str = concat!(
    "a non-empty name without line breaks or the other characters a YAML file cannot carry \
     safely: no ",
    refused_characters!()
);
const SLOTH_NAME_ALLOWED: &str = "a Sloth name: ASCII letters, digits, '-', '_' and '.', \
                                  starting and ending with a letter or digit, at least two \
                                  characters (Sloth refuses any other service name)";
const SERVICE_NAME_ALLOWED: &str = "an OpenSLO name: lowercase letters, digits and '-', \
                                    starting and ending with a letter or digit, at most 50 \
                                    characters (the SLO is named <service>-availability, at most \
                                    63)";
const QUERY_ALLOWED: &str = concat!(
    "a non-empty query without line breaks or the other characters a YAML file cannot carry \
     safely: no ",
    refused_characters!()
);

fn invalid(field: &'static str, value: &str, allowed: &'static str) -> ExportError {
    ExportError::Invalid {
        field,
        value: value.to_string(),
        allowed,
    }
}

/// Prometheus's metric name rule, `[a-zA-Z_:][a-zA-Z0-9_:]*`.
fn is_metric_name(s: &str) -> bool {
    let mut bytes = s.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_' || b == b':')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b':')
}

/// An RFC 1123 label of at most `max` characters (OpenSLO `metadata.name`).
fn is_dns_label(s: &str, max: usize) -> bool {
    let ok = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    let bytes = s.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= max
        && ok(bytes[0])
        && ok(bytes[bytes.len() - 1])
        && bytes.iter().all(|&b| ok(b) || b == b'-')
}

/// The one check of the service name as text (every export that writes it
/// runs it, through [`check_prometheus_rules`]; OpenSLO and Pyrra then
/// narrow it to an RFC 1123 name, Sloth to its own name rule): not blank,
/// and none of the characters [`is_refused`] refuses. Template syntax is
/// allowed: it is written escaped where a template reads it.
fn check_label_value(field: &'static str, value: &str) -> Result<(), ExportError> {
    if value.trim().is_empty() || value.chars().any(is_refused) {
        return Err(invalid(field, value, SERVICE_LABEL_ALLOWED));
    }
    Ok(())
}

/// Sloth's rule for names (github.com/slok/sloth,
/// `internal/prometheus/model.go`, `nameRegexp`):
/// `^[A-Za-z0-9][-A-Za-z0-9_.]*[A-Za-z0-9]$`.
fn is_sloth_name(s: &str) -> bool {
    let b = s.as_bytes();
    let inner = |c: &u8| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.');
    b.len() >= 2
        && b[0].is_ascii_alphanumeric()
        && b[b.len() - 1].is_ascii_alphanumeric()
        && b.iter().all(inner)
}

/// A YAML double-quoted scalar: `\` and `"` escaped, and every character
/// [`is_refused`] names (control characters, the Unicode line breaks, the
/// byte-order mark, bidirectional controls, noncharacters) written as an
/// escape (YAML 1.2 §5.7: `\N`, `\L`, `\P`, `\uXXXX`, `\UXXXXXXXX`), so
/// that the file stays one printable line per line; everything else as is.
///
/// ```
/// use nines_core::export::yaml_quote;
/// assert_eq!(yaml_quote("say \"hi\"\n"), r#""say \"hi\"\n""#);
/// assert_eq!(yaml_quote("99.95% — ok"), "\"99.95% — ok\"");
/// assert_eq!(yaml_quote("a\u{2028}b\u{fffe}\u{1fffe}"), r#""a\Lb\ufffe\U0001fffe""#);
/// ```
pub fn yaml_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c if is_refused(c) && u32::from(c) > 0xFFFF => {
                out.push_str(&format!("\\U{:08x}", u32::from(c)));
            }
            c if is_refused(c) => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A duration in Prometheus's format, in the largest unit that divides it
/// exactly: `5m`, `1h`, `6h`, `3d`, `30m`, `64m`, `90s`, `1500ms`
/// (rounded to the millisecond). `None` when it is not positive.
///
/// ```
/// use nines_core::export::prometheus_duration;
/// assert_eq!(prometheus_duration(300.0).as_deref(), Some("5m"));
/// assert_eq!(prometheus_duration(259_200.0).as_deref(), Some("3d"));
/// assert_eq!(prometheus_duration(3_840.0).as_deref(), Some("64m"));
/// assert_eq!(prometheus_duration(1.5).as_deref(), Some("1500ms"));
/// assert_eq!(prometheus_duration(0.0), None);
/// ```
pub fn prometheus_duration(seconds: f64) -> Option<String> {
    const UNITS: [(u64, &str); 5] = [
        (86_400_000, "d"),
        (3_600_000, "h"),
        (60_000, "m"),
        (1_000, "s"),
        (1, "ms"),
    ];
    let ms = (seconds * 1_000.0).round();
    if !(1.0..1e18).contains(&ms) {
        return None;
    }
    let ms = ms as u64;
    UNITS
        .iter()
        .find(|(unit, _)| ms % unit == 0)
        .map(|(unit, name)| format!("{}{name}", ms / unit))
}

/// A number as PromQL and YAML read it: floating-point noise removed
/// ([`tidy`]), then the shortest decimal that reads back to the same `f64`.
fn number(x: f64) -> String {
    let t = tidy(x);
    if t == 0.0 { "0".into() } else { format!("{t}") }
}

/// `U` written exactly when it is a terminating decimal (`0.0005`),
/// otherwise in full precision.
fn unavailability_text(report: &Report) -> String {
    (report.target.unavailability_decimal.clone())
        .unwrap_or_else(|| number(report.target.unavailability))
}

/// `1 − U` written exactly when it is a terminating decimal (`0.9995`),
/// otherwise in full precision.
fn target_fraction_text(report: &Report) -> String {
    (report.target.availability_decimal.clone())
        .unwrap_or_else(|| number(1.0 - report.target.unavailability))
}

/// Text that a Go template (`text/template`) renders as itself: each `{{`
/// is written as the action `{{ "{{" }}`, which outputs `{{`. Go's lexer
/// reads text up to the next `{{` and nothing else (`}}`, `$` and quotes
/// outside an action are plain text), so no action is left: `{{ $value }}`
/// becomes `{{ "{{" }} $value }}`, which renders `{{ $value }}`. Used
/// wherever a consumer evaluates a value as a template: a Prometheus
/// alerting rule's labels and annotations (Prometheus documentation,
/// "Alerting rules", Templating: both are expanded for each alert; a
/// recording rule's labels are not) and the SLI queries of a Sloth spec,
/// which Sloth executes to put the window in.
///
/// ```
/// use nines_core::export::template_literal;
/// assert_eq!(template_literal("{{ $value }}"), r#"{{ "{{" }} $value }}"#);
/// assert_eq!(template_literal("{{{"), r#"{{ "{{" }}{"#);
/// assert_eq!(template_literal("a }} b"), "a }} b");
/// ```
pub fn template_literal(s: &str) -> String {
    s.replace("{{", "{{ \"{{\" }}")
}

/// The SLI's two queries over the window written as Go-template
/// `{{.window}}` (Sloth's placeholder, which the page also writes into
/// OpenSLO's queries), bad then total, with each selector's own `{{`
/// written as literal template text ([`template_literal`]): a label value
/// such as `{{ .window }}` in a selector stays that text when the queries
/// are rendered.
///
/// ```
/// use nines_core::export::templated_queries;
/// use nines_core::production::ProductionInputs;
/// let p = ProductionInputs { requests: r#"up{job="{{x"}"#.into(), ..Default::default() };
/// let (_, total) = templated_queries(&p);
/// assert_eq!(total, r#"sum(rate(up{job="{{ "{{" }}x"}[{{.window}}]))"#);
/// ```
pub fn templated_queries(p: &ProductionInputs) -> (String, String) {
    let literal = ProductionInputs {
        requests: template_literal(&p.requests),
        errors: template_literal(&p.errors),
        ..p.clone()
    };
    literal.window_queries("{{.window}}")
}

/// Why [`prometheus_rules`] would refuse these inputs, without writing the
/// rules: what a page shows on every edit while the rules themselves are
/// written only when asked for.
///
/// ```
/// use nines_core::export::check_prometheus_rules;
/// use nines_core::scenario::{evaluate, Scenario};
/// let report = evaluate(&Scenario::default(), nines_core::budget::STORY_NOW);
/// use nines_core::production::ProductionInputs;
/// assert!(check_prometheus_rules(&report, &ProductionInputs::default()).is_ok());
/// let p = ProductionInputs { recording: "9lives".into(), ..ProductionInputs::default() };
/// let err = check_prometheus_rules(&report, &p).unwrap_err();
/// assert!(err.to_string().contains("metric"));
/// ```
pub fn check_prometheus_rules(report: &Report, p: &ProductionInputs) -> Result<(), ExportError> {
    if !is_metric_name(&p.recording) {
        return Err(invalid("metric", &p.recording, METRIC_ALLOWED));
    }
    check_label_value("service", &p.service)?;
    check_label_value("slo", &p.slo)?;
    p.check()
        .map_err(|(field, why)| ExportError::Selector { field, why })?;
    if report.target.unavailability <= 0.0 {
        return Err(ExportError::NoErrorBudget);
    }
    let a = &report.alerts;
    if a.rows.is_empty() {
        return Err(ExportError::Policy(
            a.error
                .clone()
                .unwrap_or_else(|| "the policy has no alerts".into()),
        ));
    }
    Ok(())
}

/// The alert policy as Prometheus rules (YAML) that stand alone (issue 17
/// §2): first the SLI's recording rules, then Sloth's metadata recording
/// rules, then one alerting rule per alert, as the SRE Workbook (ch. 5,
/// "Alerting on SLOs", approach 6 and Table 5-8) and Sloth write them.
///
/// **Recording rules** (group `<service>-slo-sli-recordings`), one per
/// window the alerts read (long and short) and one over the SLO period:
///
/// ```text
/// record: <recording><window>
/// expr: sum(rate(<errors>[<window>])) / sum(rate(<requests>[<window>]))
/// labels: {service: <service>, slo: <slo>, sloth_id: <service>-<slo>,
///          sloth_service: <service>, sloth_slo: <slo>}
/// ```
///
/// the ratio of bad to all requests over the window, from the two series
/// selectors of [`ProductionInputs`] (`recording = "slo:sli_error:ratio_rate"`
/// gives `slo:sli_error:ratio_rate5m`, `…1h`, Sloth's names). The period's
/// ratio is a plain `rate` over the period, as Sloth writes it with its
/// optimisation turned off (`disableOptimized`): exact, where Sloth's default
/// averages the 5-minute ratios.
///
/// **Metadata rules** (group `<service>-slo-meta-recordings`), the ones
/// Sloth's generator writes (github.com/slok/sloth,
/// `internal/plugin/slo/core/metadata_rules_v1`), with the same labels, so
/// that Sloth's Grafana dashboards read this SLO; `{id}` is
/// `{sloth_id="…", sloth_service="…", sloth_slo="…"}`:
///
/// ```text
/// slo:objective:ratio                     vector(<1 - U>)
/// slo:error_budget:ratio                  vector(1-<1 - U>)
/// slo:time_period:days                    vector(<period in days>)
/// slo:current_burn_rate:ratio             <recording><shortest window>{id}
///                                         / on(sloth_id, sloth_slo, sloth_service) group_left
///                                         slo:error_budget:ratio{id}
/// slo:period_burn_rate:ratio              the same over the period
/// slo:period_error_budget_remaining:ratio 1 - slo:period_burn_rate:ratio{id}
/// sloth_slo_info                          vector(1), also labelled sloth_version,
///                                         sloth_mode, sloth_spec (all naming Nines)
///                                         and sloth_objective (the SLO in percent)
/// ```
///
/// **Alerting rules**:
///
/// ```text
/// expr: (<recording><long>{service="<service>",slo="<slo>"} > (<burn>*<U>))
///       and (<recording><short>{…} > (<burn>*<U>))
/// ```
///
/// Each expression selects only this SLO's recorded series, by the
/// `service` and `slo` labels its recording rules carry, so that two
/// services' rule files (or two SLOs of one service) loaded into one
/// Prometheus never page each other. Each has `labels` (`severity:
/// page|ticket`, `service`, `slo`, and the windows,
/// so two alerts of one severity stay distinct), `for:` when the policy has
/// one (Pyrra), and `annotations` (a summary naming the service, burn rate
/// and windows; a description with the threshold, the budget share and
/// the SLO). Burn rates and `U` are written exactly, without floating-point
/// artefacts (`14.4*0.001`, never `14.400000000000002`). Warnings from the
/// report (alerts that can never fire, low traffic) are written as comments,
/// and when the target is not achievable the file's first line is a
/// comment saying so ([`not_achievable`]).
///
/// The service may be any name without the characters
/// [`crate::production::is_refused`] refuses (line breaks, the Unicode
/// ones too, control characters, noncharacters…); it is written as an
/// escaped YAML string everywhere, and as literal template text
/// ([`template_literal`]) where Prometheus evaluates templates: the
/// alerting rules' `service` label and their annotations. So a service
/// named `{{ $value }}` has the label `{{ "{{" }} $value }}` in the file,
/// which Prometheus renders as `{{ $value }}`; the recording rules, whose
/// labels are not templates, carry `{{ $value }}` as is, and the two
/// agree on every alert.
/// `tests/e2e/export.test.mjs` runs `promtool test rules` on the output:
/// with every request failing the page alert fires within the detection
/// time the page states, with errors at the SLO nothing fires, and at a
/// ticket-level error ratio only the ticket alert fires.
///
/// ```
/// use nines_core::export::prometheus_rules;
/// use nines_core::production::ProductionInputs;
/// use nines_core::scenario::{evaluate, Scenario};
/// let s: Scenario = serde_json::from_str(r#"{"target": "99.9%", "slo_window": "30d"}"#).unwrap();
/// let yaml = prometheus_rules(&evaluate(&s, nines_core::budget::STORY_NOW), &ProductionInputs::default()).unwrap();
/// assert!(yaml.contains("- record: slo:sli_error:ratio_rate5m"));
/// assert!(yaml.contains(r#"sum(rate(http_requests_total{service="checkout"}[5m]))"#));
/// let own = r#"{service="checkout",slo="availability"}"#;
/// assert!(yaml.contains(&format!("(slo:sli_error:ratio_rate1h{own} > (14.4*0.001))")));
/// assert!(yaml.contains(&format!("(slo:sli_error:ratio_rate5m{own} > (14.4*0.001))")));
/// assert!(yaml.contains("severity: page"));
/// assert!(yaml.contains("- record: slo:sli_error:ratio_rate30d"));
/// assert!(yaml.contains("- record: slo:objective:ratio\n        expr: vector(0.999)\n"));
/// ```
pub fn prometheus_rules(report: &Report, p: &ProductionInputs) -> Result<String, ExportError> {
    check_prometheus_rules(report, p)?;
    let (metric, service) = (p.recording.as_str(), p.service.as_str());
    let a = &report.alerts;
    let u = unavailability_text(report);
    let t = &report.target;
    let mut out = answer_comment(report);
    out.push_str(&format!(
        "# Prometheus rules for {}: availability SLO {} over {} \
         (error budget {}).\n\
         # Multiwindow, multi-burn-rate alerts (The Site Reliability Workbook, ch. 5 \
         \"Alerting on SLOs\").\n\
         # Policy: {} ({}).\n\
         # The recording rules {metric}<window> hold the ratio of bad to all requests \
         over each window the alerts read and over the SLO period.\n\
         # The metadata rules (slo:objective:ratio, slo:error_budget:ratio, \
         slo:time_period:days, slo:current_burn_rate:ratio, slo:period_burn_rate:ratio,\n\
         # slo:period_error_budget_remaining:ratio, sloth_slo_info) and the labels sloth_id, \
         sloth_service and sloth_slo on every recording rule\n\
         # follow Sloth's names and expressions (github.com/slok/sloth), so that Sloth's \
         Grafana dashboards read them.\n\
         # Generated by Nines; thresholds are burn rate * (1 - SLO).\n",
        one_line(service),
        t.availability_percent,
        a.period_label,
        t.unavailability_percent,
        one_line(&a.policy_name),
        one_line(&a.policy_source),
    ));
    for w in &a.warnings {
        out.push_str(&format!("# Warning: {}\n", one_line(w)));
    }
    // Every window the alerts read, shortest first, once.
    let mut windows: Vec<(f64, String)> = Vec::new();
    for row in &a.rows {
        for seconds in [row.long_window_seconds, row.short_window_seconds] {
            if let Some(d) = prometheus_duration(seconds) {
                if !windows.iter().any(|(_, w)| *w == d) {
                    windows.push((seconds, d));
                }
            }
        }
    }
    windows.sort_by(|x, y| x.0.total_cmp(&y.0));
    let period = prometheus_duration(a.period_seconds).ok_or_else(|| {
        ExportError::Policy(format!(
            "an SLO window of {} cannot be written as a Prometheus duration",
            format_duration(a.period_seconds)
        ))
    })?;
    // Sloth's current burn rate reads its quickest page alert's short
    // window, the shortest it records; here the shortest any alert reads.
    let current = windows
        .first()
        .map_or_else(|| period.clone(), |(_, w)| w.clone());
    // The SLI over the whole SLO period, which the period burn rate reads
    // (Sloth records it too), unless an alert already reads that window.
    if !windows.iter().any(|(_, w)| *w == period) {
        windows.push((a.period_seconds, period.clone()));
        // Still shortest first, should an alert read more than the period.
        windows.sort_by(|x, y| x.0.total_cmp(&y.0));
    }
    out.push_str(&format!(
        "groups:\n  - name: {}\n    rules:\n",
        yaml_quote(&format!("{service}-slo-sli-recordings"))
    ));
    for (_, w) in &windows {
        let (bad, total) = p.window_queries(w);
        out.push_str(&format!(
            "      - record: {metric}{w}\n        expr: |\n          {bad}\n          /\n          \
             {total}\n{}",
            recording_labels(p, &[])
        ));
    }
    out.push_str(&sloth_metadata_rules(report, p, &current, &period));
    out.push_str(&format!(
        "  - name: {}\n    rules:\n",
        yaml_quote(&format!("{service}-slo-burn-rate"))
    ));
    for row in &a.rows {
        out.push_str(&rule(row, report, p, &u)?);
    }
    Ok(out)
}

/// Sloth's metadata recording rules, as its generator writes them
/// (github.com/slok/sloth, `internal/plugin/slo/core/metadata_rules_v1`,
/// names from `pkg/common/conventions`): the group
/// `<service>-slo-meta-recordings` with the objective, the error budget and
/// the period in days as constants, the burn rate over the shortest window
/// (`current`) and over the SLO period, the budget left over the period and
/// an info series. Sloth's Grafana dashboards read these by the `sloth_*`
/// labels, so the names, expressions and labels are Sloth's; the info
/// series' `sloth_version`, `sloth_mode` and `sloth_spec` say that Nines
/// wrote the file, not Sloth.
fn sloth_metadata_rules(
    report: &Report,
    p: &ProductionInputs,
    current: &str,
    period: &str,
) -> String {
    let metric = p.recording.as_str();
    // Sloth's filter is its id labels' PromQL text: in name order, `, `
    // between them, each value a PromQL string.
    let filter = format!(
        "{{{}}}",
        sloth_ids(p)
            .iter()
            .map(|(name, value)| format!("{name}={}", crate::production::promql_string(value)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let objective = target_fraction_text(report);
    let days = number(report.alerts.period_seconds / 86_400.0);
    let burn_rate = |window: &str| {
        format!(
            "|\n          {metric}{window}{filter}\n          / on(sloth_id, sloth_slo, \
             sloth_service) group_left\n          slo:error_budget:ratio{filter}\n"
        )
    };
    let rules = [
        ("slo:objective:ratio", format!("vector({objective})\n")),
        ("slo:error_budget:ratio", format!("vector(1-{objective})\n")),
        ("slo:time_period:days", format!("vector({days})\n")),
        ("slo:current_burn_rate:ratio", burn_rate(current)),
        ("slo:period_burn_rate:ratio", burn_rate(period)),
        (
            "slo:period_error_budget_remaining:ratio",
            format!("|\n          1 - slo:period_burn_rate:ratio{filter}\n"),
        ),
    ];
    let mut out = format!(
        "  - name: {}\n    rules:\n",
        yaml_quote(&format!("{}-slo-meta-recordings", p.service))
    );
    for (record, expr) in rules {
        out.push_str(&format!(
            "      - record: {record}\n        expr: {expr}{}",
            recording_labels(p, &[])
        ));
    }
    let version = concat!("nines-", env!("CARGO_PKG_VERSION"));
    out.push_str(&format!(
        "      - record: sloth_slo_info\n        expr: vector(1)\n{}",
        recording_labels(
            p,
            &[
                // Sloth writes its own version, how it was run (`cli-gen-prom`
                // for `sloth generate`) and the spec it read (`prometheus/v1`);
                // none of that is true of this file, so each names Nines.
                ("sloth_version", version),
                ("sloth_mode", "nines-gen-prom"),
                ("sloth_spec", "nines"),
                ("sloth_objective", &objective_percent(report)),
            ]
        )
    ));
    out
}

/// Sloth's SLO id labels (github.com/slok/sloth,
/// `pkg/common/conventions`: `sloth_id`, `sloth_service`, `sloth_slo`, the
/// id `<service>-<slo>` as Sloth makes it from a spec), in name order: its
/// dashboards and metadata rules find an SLO's series by them.
fn sloth_ids(p: &ProductionInputs) -> [(&'static str, String); 3] {
    [
        ("sloth_id", format!("{}-{}", p.service, p.slo)),
        ("sloth_service", p.service.clone()),
        ("sloth_slo", p.slo.clone()),
    ]
}

/// A recording rule's `labels:` block: `service` and `slo`, which the
/// alerts select by, Sloth's id labels ([`sloth_ids`]) and `extra`, in
/// name order as Sloth writes them, each value YAML-quoted.
fn recording_labels(p: &ProductionInputs, extra: &[(&str, &str)]) -> String {
    let ids = sloth_ids(p);
    let mut all: Vec<(&str, &str)> = vec![("service", &p.service), ("slo", &p.slo)];
    all.extend(ids.iter().map(|(name, value)| (*name, value.as_str())));
    all.extend(extra);
    all.sort_by_key(|(name, _)| *name);
    let mut text = String::from("        labels:\n");
    for (name, value) in all {
        text.push_str(&format!("          {name}: {}\n", yaml_quote(value)));
    }
    text
}

/// Text for one line of a comment or a title: every character
/// [`is_refused`] names (line breaks, the Unicode ones too) as a space, so
/// that nothing after a `#` can start a line of YAML of its own.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if is_refused(c) { ' ' } else { c })
        .collect()
}

/// One alerting rule.
fn rule(
    row: &AlertRow,
    report: &Report,
    p: &ProductionInputs,
    u: &str,
) -> Result<String, ExportError> {
    let (metric, service) = (p.recording.as_str(), p.service.as_str());
    // Only this SLO's recorded series: another service's (or another SLO's)
    // errors in the same Prometheus never page this one.
    let own = p.slo_matchers();
    let window = |seconds: f64| {
        prometheus_duration(seconds).ok_or_else(|| {
            ExportError::Policy(format!(
                "a window of {} cannot be written as a Prometheus duration",
                format_duration(seconds)
            ))
        })
    };
    let long = window(row.long_window_seconds)?;
    // A zero short window means a single-window alert.
    let short = prometheus_duration(row.short_window_seconds);
    let threshold = format!("({}*{u})", number(row.burn_rate));
    let mut expr = format!("          ({metric}{long}{own} > {threshold})\n");
    if let Some(short) = &short {
        expr.push_str(&format!(
            "          and\n          ({metric}{short}{own} > {threshold})\n"
        ));
    }
    let severity = match row.severity {
        crate::alerts::Severity::Page => "page",
        crate::alerts::Severity::Ticket => "ticket",
    };
    let a = &report.alerts;
    let windows = match &short {
        Some(s) => format!("{long} and {s}"),
        None => long.clone(),
    };
    let summary = format!(
        "{service}: error budget burning at {} over {windows}",
        row.burn_rate_display
    );
    let description = format!(
        "The error ratio over {} is above {} × {} = {}: at this rate {} of the \
         error budget for {} (SLO {}) is spent in {}.",
        match &short {
            Some(s) => format!("both the last {long} and the last {s}"),
            None => format!("the last {long}"),
        },
        row.burn_rate_display.trim_end_matches('×'),
        report.target.unavailability_percent,
        row.threshold_display,
        row.budget_consumed_display,
        a.period_label,
        report.target.availability_percent,
        row.long_window_display,
    );
    let mut out = String::new();
    if row.short_window_rounded_away {
        // Pyrra's short window rounded to nothing at this SLO window: the
        // page says the alert cannot fire, so no rule is written that could.
        out.push_str(&format!(
            "      # Not written: the {severity} alert over {long} cannot fire, its short window \
             rounds to 0s at this SLO window (Pyrra keeps one of 1/8064 of the window, to the \
             minute).\n"
        ));
        return Ok(out);
    }
    if !row.can_fire {
        out.push_str(&format!(
            "      # Never fires: the threshold {} is above 100% (SRE Workbook ch. 5, \
             \"Extreme Availability Goals\").\n",
            row.threshold_display
        ));
    }
    out.push_str("      - alert: ErrorBudgetBurn\n        expr: |\n");
    out.push_str(&expr);
    if let Some(f) = row
        .for_seconds
        .filter(|f| *f > 0.0)
        .and_then(prometheus_duration)
    {
        out.push_str(&format!("        for: {f}\n"));
    }
    // Prometheus evaluates an alerting rule's label values as templates:
    // the service is written as literal template text, as the annotations.
    out.push_str(&format!(
        "        labels:\n          severity: {severity}\n          service: {}\n          \
         slo: {}\n          long_window: {}\n",
        yaml_quote(&template_literal(service)),
        yaml_quote(&template_literal(&p.slo)),
        yaml_quote(&long)
    ));
    if let Some(s) = &short {
        out.push_str(&format!("          short_window: {}\n", yaml_quote(s)));
    }
    out.push_str(&format!(
        "        annotations:\n          summary: {}\n          description: {}\n",
        yaml_quote(&template_literal(&summary)),
        yaml_quote(&template_literal(&description)),
    ));
    Ok(out)
}

/// OpenSLO's `timeWindow` (issue 17 §5) and the window in words: rolling
/// (`isRolling: true`); calendar-aligned (`isRolling: false`, the unit as
/// `1d`, `1w`, `1M`, `1Q`, `1Y`, and a `calendar` with the current
/// period's start and its time zone); pinned (`isRolling: false`, the
/// window's length from its start). Nines' zones are fixed UTC offsets:
/// whole hours are written as the IANA `Etc/GMT∓h` zones (POSIX signs:
/// UTC+01:00 is `Etc/GMT-1`); an offset with minutes has no IANA zone, so
/// the start is written in UTC and a comment says so.
fn openslo_time_window(b: &crate::budget::BudgetReport) -> (String, String) {
    use crate::clock::Alignment;
    let rolling = |b: &crate::budget::BudgetReport| {
        (
            format!(
                "  timeWindow:\n    - duration: {}\n      isRolling: true\n",
                openslo_duration(b.window)
            ),
            ["a rolling ", &b.window_label].concat(),
        )
    };
    let unit = match (b.alignment, b.slo_window) {
        (Alignment::Rolling, _) => return rolling(b),
        (Alignment::Calendar, Period::Day) => "1d".to_string(),
        (Alignment::Calendar, Period::Week) => "1w".to_string(),
        (Alignment::Calendar, Period::Month) => "1M".to_string(),
        (Alignment::Calendar, Period::Quarter) => "1Q".to_string(),
        (Alignment::Calendar, Period::Year) => "1Y".to_string(),
        (Alignment::Calendar, _) => return rolling(b),
        (Alignment::Pinned, _) => openslo_duration(b.window),
    };
    let Ok(start) = crate::clock::parse_instant(&b.start_iso) else {
        return rolling(b);
    };
    let minutes = b.utc_offset.minutes();
    let (zone, shift, note) = if minutes == 0 {
        ("UTC".to_string(), 0, String::new())
    } else if minutes % 60 == 0 {
        // POSIX zone names count west of Greenwich: UTC+01:00 is Etc/GMT-1.
        (
            format!("Etc/GMT{:+}", -minutes / 60),
            minutes,
            String::new(),
        )
    } else {
        (
            "UTC".to_string(),
            0,
            format!(
                "      # {} has no IANA zone: the start is written in UTC.\n",
                b.utc_offset.label()
            ),
        )
    };
    let local = crate::clock::after(start, f64::from(shift) * 60.0).unwrap_or(start);
    let how = if b.alignment == Alignment::Calendar {
        [
            "each calendar ",
            &b.slo_window.name(),
            " (",
            &b.utc_offset.label(),
            ")",
        ]
        .concat()
    } else {
        ["a ", &b.window_label, " window from ", &b.start_display].concat()
    };
    (
        format!(
            "  timeWindow:\n    - duration: {unit}\n      isRolling: false\n{note}      calendar:\n        \
             startTime: \"{}\"\n        timeZone: {zone}\n",
            {
                // By hand: chrono's formatter would add to the page's wasm.
                use chrono::{Datelike, Timelike};
                format!(
                    "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
                    local.year(),
                    local.month(),
                    local.day(),
                    local.hour(),
                    local.minute(),
                    local.second()
                )
            }
        ),
        how,
    )
}

/// The SLO window as an OpenSLO duration shorthand (`30d`, `1w`, `1M`).
fn openslo_duration(p: Period) -> String {
    match p {
        Period::Hour => "60m".into(),
        Period::Day => "1d".into(),
        Period::Week => "1w".into(),
        Period::Month => "1M".into(),
        Period::Quarter => "1Q".into(),
        Period::Year => "1Y".into(),
        Period::Days(n) => format!("{n}d"),
    }
}

/// Why [`openslo`] would refuse these inputs, without writing the document.
///
/// ```
/// use nines_core::export::check_openslo;
/// use nines_core::scenario::{evaluate, Scenario};
/// let report = evaluate(&Scenario::default(), nines_core::budget::STORY_NOW);
/// assert!(check_openslo(&report, "checkout", "bad", "total").is_ok());
/// let err = check_openslo(&report, "Check Out!", "bad", "total").unwrap_err();
/// assert!(err.to_string().contains("service"));
/// ```
pub fn check_openslo(
    report: &Report,
    service: &str,
    bad_query: &str,
    total_query: &str,
) -> Result<(), ExportError> {
    if !is_dns_label(service, 50) {
        return Err(invalid("service", service, SERVICE_NAME_ALLOWED));
    }
    for (field, q) in [("bad_query", bad_query), ("total_query", total_query)] {
        if q.trim().is_empty() || q.chars().any(is_refused) {
            return Err(invalid(field, q, QUERY_ALLOWED));
        }
    }
    if report.target.unavailability <= 0.0 {
        return Err(ExportError::NoErrorBudget);
    }
    Ok(())
}

/// The SLO as an OpenSLO v1 `SLO` document (YAML), following the spec
/// (github.com/OpenSLO/OpenSLO, README "SLO", "SLI", "Objectives"):
///
/// * `metadata.name` is `<service>-availability`, so `service` must be an
///   RFC 1123 name of at most 50 characters (lowercase letters, digits,
///   `-`);
/// * `spec.indicator` is inline: a `ratioMetric` with `counter: true` and
///   `bad` / `total` Prometheus queries (`bad_query`, `total_query`, any
///   non-empty PromQL, written escaped), so the indicator is
///   `(total − bad) / total`;
/// * `spec.timeWindow` is the SLO window as a rolling duration shorthand
///   (`30d`, `4w` as `28d`, a month as `1M`), `isRolling: true`;
/// * `spec.budgetingMethod` is `Occurrences` in request mode (good events
///   over all events) and `Timeslices` in time mode, with one-minute slices
///   (`timeSliceWindow: 1m`) that count as good when their own ratio meets
///   the target (`timeSliceTarget` = `target`; adjust it to your
///   definition of a bad minute);
/// * `spec.objectives` has one objective whose `target` is the availability
///   as a fraction, written exactly (`0.9995`, never `0.9994999999`).
///
/// When the target is not achievable, the first line is a comment saying
/// so ([`not_achievable`]).
///
/// ```
/// use nines_core::export::openslo;
/// use nines_core::scenario::{evaluate, Scenario};
/// let yaml = openslo(
///     &evaluate(&Scenario::default(), nines_core::budget::STORY_NOW),
///     "checkout",
///     r#"sum(http_requests_total{job="checkout",code=~"5.."})"#,
///     r#"sum(http_requests_total{job="checkout"})"#,
/// )
/// .unwrap();
/// assert!(yaml.contains("\n      target: 0.9995\n"));
/// assert!(yaml.contains("budgetingMethod: Occurrences"));
/// assert!(yaml.contains(r#"query: "sum(http_requests_total{job=\"checkout\"})""#));
/// ```
pub fn openslo(
    report: &Report,
    service: &str,
    bad_query: &str,
    total_query: &str,
) -> Result<String, ExportError> {
    check_openslo(report, service, bad_query, total_query)?;
    let t = &report.target;
    let b = &report.budget;
    let target = target_fraction_text(report);
    let (time_window, how) = openslo_time_window(b);
    let (method, slices) = match b.mode {
        BudgetMode::Requests => ("Occurrences", String::new()),
        BudgetMode::Time => (
            "Timeslices",
            format!("      timeSliceTarget: {target}\n      timeSliceWindow: 1m\n"),
        ),
    };
    let unit = match b.mode {
        BudgetMode::Requests => "of requests succeed",
        BudgetMode::Time => "of one-minute slices are good",
    };
    let description = format!(
        "{} {unit} over {how}: an error budget of {} ({} per {}). While the budget is \
         spent, launches stop. Convention: {}.",
        t.availability_percent,
        t.unavailability_percent,
        b.allowed_display,
        b.window_label,
        t.convention_label,
    );
    let source = |q: &str| {
        format!(
            "          metricSource:\n            type: Prometheus\n            spec:\n              \
             query: {}\n",
            yaml_quote(q)
        )
    };
    Ok(format!(
        "{}# OpenSLO v1 SLO for {}: {} over {how} ({}).\n\
         # Generated by Nines.\n\
         apiVersion: openslo/v1\n\
         kind: SLO\n\
         metadata:\n  name: {service}-availability\n  displayName: {}\n\
         spec:\n  description: {}\n  service: {service}\n\
         \x20 indicator:\n    metadata:\n      name: {service}-error-ratio\n      \
         displayName: \"Requests that fail\"\n    spec:\n      ratioMetric:\n        \
         counter: true\n        bad:\n{}        total:\n{}\
         {time_window}\
         \x20 budgetingMethod: {method}\n\
         \x20 objectives:\n    - displayName: {}\n      target: {target}\n{slices}",
        answer_comment(report),
        one_line(service),
        t.availability_percent,
        t.nines_display,
        yaml_quote(&format!("{service} availability")),
        yaml_quote(&description),
        source(bad_query),
        source(total_query),
        yaml_quote(&format!("Availability {}", t.availability_percent)),
    ))
}

/// The objective as a percentage, exactly when it is a terminating decimal
/// (`99.9`, `99.95`), otherwise in full precision.
fn objective_percent(report: &Report) -> String {
    let p = &report.target.availability_percent;
    match p.strip_suffix('%') {
        Some(exact) if !exact.starts_with('≈') => exact.to_string(),
        _ => number((1.0 - report.target.unavailability) * 100.0),
    }
}

/// The SLO as a Sloth spec (`prometheus/v1`, github.com/slok/sloth,
/// `pkg/prometheus/api/v1`: `version`, `service`, `slos[]` with `name`,
/// `objective` as a percentage, an `events` SLI of `error_query` and
/// `total_query` over `{{.window}}`, and `alerting` with `page_alert` and
/// `ticket_alert`), issue 17 §3.
///
/// Sloth writes its own multiwindow alerts from a catalogue of SLO periods
/// (30 and 28 days built in: page 2% in 1h/5m and 5% in 6h/30m, ticket 10%
/// in 1d/2h and 10% in 3d/6h). When the scenario's policy is not that, a
/// second document gives Sloth the scenario's windows: an `AlertWindows`
/// spec (`sloth.slok.dev/v1`, `sloPeriod` and the page and ticket `quick`
/// and `slow` windows with their `errorBudgetPercent`), to load with
/// `--slo-period-windows-path`. Sloth's windows are two pages and two
/// tickets; a policy of another shape is said in a comment, not forced.
///
/// What reaches the rules Sloth generates: the service, as the
/// `sloth_service` and `sloth_id` labels of every rule (label values, read
/// by Sloth's own annotations as `{{$labels.sloth_service}}`: data, never
/// parsed as a template again), so it must be a Sloth name (Sloth refuses
/// others; so does this export, with the reason); the two queries, which
/// Sloth executes as templates, with the selectors' own `{{` written as
/// literal template text ([`templated_queries`]); and the alert's name,
/// labels and annotations, which are fixed words here (`ErrorBudgetBurn`,
/// `category`, `severity`; no annotations). When the target is not
/// achievable, the first line is a comment saying so ([`not_achievable`]).
///
/// ```
/// use nines_core::export::sloth;
/// use nines_core::production::ProductionInputs;
/// use nines_core::scenario::{evaluate, Scenario};
/// let r = evaluate(&Scenario::default(), nines_core::budget::STORY_NOW);
/// let yaml = sloth(&r, &ProductionInputs::default()).unwrap();
/// assert!(yaml.contains("objective: 99.95\n"));
/// assert!(yaml.contains(r#"total_query: "sum(rate(http_requests_total{service=\"checkout\"}[{{.window}}]))""#));
/// ```
pub fn sloth(report: &Report, p: &ProductionInputs) -> Result<String, ExportError> {
    check_prometheus_rules(report, p)?;
    if !is_sloth_name(&p.service) {
        return Err(invalid("service", &p.service, SLOTH_NAME_ALLOWED));
    }
    let a = &report.alerts;
    let t = &report.target;
    let b = &report.budget;
    // Sloth executes the queries as Go templates to put the window in.
    let (bad, total) = templated_queries(p);
    let period = prometheus_duration(a.period_seconds).unwrap_or_else(|| "30d".into());
    let mut out = answer_comment(report);
    out.push_str(&format!(
        "# Sloth SLO spec for {}: {} over {}.\n# Generated by Nines. Generate the rules with \
         `sloth generate -i <this file> --default-slo-period={period}`.\n",
        one_line(&p.service),
        t.availability_percent,
        a.period_label,
    ));
    if b.alignment != crate::clock::Alignment::Rolling {
        out.push_str(
            "# Sloth's SLO periods roll: this scenario's calendar or pinned window is written \
             as a rolling one.\n",
        );
    }
    out.push_str(&format!(
        "version: \"prometheus/v1\"\nservice: {}\nslos:\n  - name: \"requests-availability\"\n    \
         objective: {}\n    description: {}\n    sli:\n      events:\n        error_query: {}\n        \
         total_query: {}\n    alerting:\n      name: {}\n      labels:\n        category: \
         \"availability\"\n      page_alert:\n        labels:\n          severity: \"page\"\n      \
         ticket_alert:\n        labels:\n          severity: \"ticket\"\n",
        yaml_quote(&p.service),
        objective_percent(report),
        yaml_quote(&format!(
            "{} of requests succeed over {} (error budget {}).",
            t.availability_percent, a.period_label, t.unavailability_percent
        )),
        yaml_quote(&bad),
        yaml_quote(&total),
        yaml_quote("ErrorBudgetBurn"),
    ));
    let sloth_default = a.policy_id == "sloth"
        && (a.period_seconds == 2_592_000.0 || a.period_seconds == 2_419_200.0);
    if sloth_default {
        return Ok(out);
    }
    let of = |severity| {
        let mut rows: Vec<&AlertRow> = a.rows.iter().filter(|r| r.severity == severity).collect();
        rows.sort_by(|x, y| x.long_window_seconds.total_cmp(&y.long_window_seconds));
        rows
    };
    let (pages, tickets) = (
        of(crate::alerts::Severity::Page),
        of(crate::alerts::Severity::Ticket),
    );
    let windows = |r: &AlertRow| {
        Some(format!(
            "errorBudgetPercent: {}\n      shortWindow: {}\n      longWindow: {}\n",
            number(r.budget_consumed * 100.0),
            prometheus_duration(r.short_window_seconds)?,
            prometheus_duration(r.long_window_seconds)?,
        ))
    };
    let pair = |rows: &[&AlertRow]| -> Option<String> {
        Some(format!(
            "    quick:\n      {}    slow:\n      {}",
            windows(rows[0])?,
            windows(rows[1])?,
        ))
    };
    match (pages.len(), tickets.len()) {
        (2, 2) => match (pair(&pages), pair(&tickets)) {
            (Some(page), Some(ticket)) => out.push_str(&format!(
                "---\n# The scenario's alert windows ({}), for --slo-period-windows-path.\n\
                 apiVersion: sloth.slok.dev/v1\nkind: AlertWindows\nspec:\n  sloPeriod: {period}\n  \
                 page:\n{page}  ticket:\n{ticket}",
                one_line(&a.policy_name)
            )),
            _ => out.push_str(
                "# Sloth's alert windows need a short window on every alert; Sloth will use its \
                 own for this period.\n",
            ),
        },
        (np, nt) => out.push_str(&format!(
            "# Sloth's alert windows are two page and two ticket alerts; this policy ({}) has {np} \
             and {nt}, so Sloth will use its own windows for this period.\n",
            one_line(&a.policy_name)
        )),
    }
    Ok(out)
}

/// The SLO as a Pyrra `ServiceLevelObjective` (`pyrra.dev/v1alpha1`,
/// github.com/pyrra-dev/pyrra, README "ServiceLevelObjective": `target` as
/// a percentage string, `window` a Prometheus duration, a `ratio` indicator
/// of `errors` and `total` metric selectors), issue 17 §3. Pyrra writes its
/// own multiwindow alerts from the window; when the scenario's policy is
/// another, a comment says so.
///
/// What reaches the rules Pyrra generates: the SLO's name
/// `<service>-availability`, as their `slo` label (so the service must be
/// an RFC 1123 name, which holds no template syntax), and the two selectors,
/// which Pyrra parses as PromQL, never as templates. No labels or
/// annotations are written for Pyrra to copy onto its alerts. When the
/// target is not achievable, the first line is a comment saying so
/// ([`not_achievable`]).
///
/// ```
/// use nines_core::export::pyrra;
/// use nines_core::production::ProductionInputs;
/// use nines_core::scenario::{evaluate, Scenario};
/// let r = evaluate(&Scenario::default(), nines_core::budget::STORY_NOW);
/// let yaml = pyrra(&r, &ProductionInputs::default()).unwrap();
/// assert!(yaml.contains("  target: \"99.95\"\n  window: 30d\n"));
/// assert!(yaml.contains("kind: ServiceLevelObjective"));
/// ```
pub fn pyrra(report: &Report, p: &ProductionInputs) -> Result<String, ExportError> {
    check_prometheus_rules(report, p)?;
    if !is_dns_label(&p.service, 50) {
        return Err(invalid("service", &p.service, SERVICE_NAME_ALLOWED));
    }
    let a = &report.alerts;
    let t = &report.target;
    let window = prometheus_duration(a.period_seconds).unwrap_or_else(|| "30d".into());
    let mut out = answer_comment(report);
    out.push_str(&format!(
        "# Pyrra ServiceLevelObjective for {}: {} over {}.\n# Generated by Nines.\n",
        one_line(&p.service),
        t.availability_percent,
        a.period_label
    ));
    if a.policy_id != "pyrra" {
        out.push_str(&format!(
            "# Pyrra writes its own burn-rate alerts from the window; this scenario's policy ({}) \
             is not carried.\n",
            one_line(&a.policy_name)
        ));
    }
    out.push_str(&format!(
        "apiVersion: pyrra.dev/v1alpha1\nkind: ServiceLevelObjective\nmetadata:\n  name: \
         {}-availability\nspec:\n  target: \"{}\"\n  window: {window}\n  description: {}\n  \
         indicator:\n    ratio:\n      errors:\n        metric: {}\n      total:\n        metric: \
         {}\n",
        p.service,
        objective_percent(report),
        yaml_quote(&format!(
            "{} of requests succeed over {}.",
            t.availability_percent, a.period_label
        )),
        yaml_quote(p.errors.trim()),
        yaml_quote(p.requests.trim()),
    ));
    Ok(out)
}

/// A download file's stem from a service name, safe on every file system
/// and in a `Content-Disposition` header: ASCII letters, digits, `-`, `_`
/// and `.` kept; every other character (spaces, `/`, `\`, `:`, quotes,
/// braces, non-ASCII letters…) becomes `-`; runs of `-` collapse to one;
/// `-` and `.` are trimmed from both ends (no hidden file, no `..`
/// alone); at most 64 characters; `nines` when nothing is left. The page
/// names its downloads `{stem}-slo-rules.yaml` and the like.
///
/// ```
/// use nines_core::export::file_stem;
/// assert_eq!(file_stem("checkout"), "checkout");
/// assert_eq!(file_stem("{{ $value }}"), "value");
/// assert_eq!(file_stem("../../etc/passwd"), "etc-passwd");
/// assert_eq!(file_stem("Café au lait v2.1"), "Caf-au-lait-v2.1");
/// assert_eq!(file_stem("{{ }}"), "nines");
/// assert_eq!(file_stem(&"a".repeat(100)).len(), 64);
/// ```
pub fn file_stem(service: &str) -> String {
    const MAX: usize = 64;
    const FALLBACK: &str = "nines";
    let mut stem = String::with_capacity(service.len().min(4 * MAX));
    for c in service.chars() {
        let c = if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
            c
        } else {
            '-'
        };
        if !(c == '-' && stem.ends_with('-')) {
            stem.push(c);
        }
    }
    let trimmed = stem.trim_matches(['-', '.']);
    // All ASCII now: a byte index is a character index.
    let capped = trimmed[..trimmed.len().min(MAX)].trim_matches(['-', '.']);
    if capped.is_empty() {
        FALLBACK.to_string()
    } else {
        capped.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Scenario, evaluate};

    /// Issue 15 §1: the exports say the budget and alerts count service
    /// time. Mon–Fri 09:00–17:00 over the default story's 30 days from Sun
    /// 1 Nov 2026: 56 of 168 service hours measured, 40% spent (burn rate
    /// 1.2×), 140 h of service in: Wed 25 Nov 2026, 13:00 UTC (worked in
    /// tests/e2e/service-hours.test.mjs); the first Workbook alert's burn
    /// rate 0.02 × 720 h × 40/168 = 3.43×.
    #[test]
    fn exports_count_service_time() {
        let s = Scenario {
            service_hours: "Mon-Fri 09:00-17:00".parse().unwrap(),
            ..Scenario::default()
        };
        let r = evaluate(&s, crate::budget::STORY_NOW);
        let b = budget_table(&r);
        assert_eq!(b.rows[5][2], "2026-11-25T13:00:00Z");
        assert!(
            b.rows
                .iter()
                .any(|row| row[0] == "Note" && row[1].starts_with("Counted in service time only")),
            "{:?}",
            b.rows
        );
        let m = measures_table(&r);
        assert_eq!(m.rows[3][..2], ["Service hours", "Mon-Fri 09:00-17:00"]);
        let a = alerts_table(&r);
        assert_eq!(a.rows[0][4], "3.43×");
        assert!(a.title.contains("Counted in service time"), "{}", a.title);
    }

    /// Issue 17 §5: OpenSLO's `timeWindow` follows the window's alignment
    /// (OpenSLO v1 spec, SLO `timeWindow`: `isRolling: false` with a
    /// `calendar` of `startTime` and `timeZone`). Worked by hand: at Wed 11
    /// Nov 2026 the calendar month in UTC+01:00 started on 1 Nov 00:00
    /// local, IANA Etc/GMT-1; in UTC+05:30, which has no IANA zone, that
    /// start is 31 Oct 18:30 UTC.
    #[test]
    fn openslo_windows_follow_the_alignment() {
        let yaml = |json: &str| {
            let s: Scenario = serde_json::from_str(json).unwrap();
            let r = evaluate(&s, crate::budget::STORY_NOW);
            openslo(&r, "checkout", "sum(bad)", "sum(all)").unwrap()
        };
        let rolling = yaml("{}");
        assert!(rolling.contains("  timeWindow:\n    - duration: 30d\n      isRolling: true\n"));
        assert!(rolling.contains("over a rolling 30 days"));
        let paris = yaml(
            r#"{"slo_window": "month", "budget": {"alignment": "calendar", "utc_offset": "+01:00"}}"#,
        );
        assert!(
            paris.contains(
                "  timeWindow:\n    - duration: 1M\n      isRolling: false\n      calendar:\n        \
                 startTime: \"2026-11-01 00:00:00\"\n        timeZone: Etc/GMT-1\n"
            ),
            "{paris}"
        );
        assert!(
            paris.contains("over each calendar month (UTC+01:00)"),
            "{paris}"
        );
        let india = yaml(
            r#"{"slo_window": "month", "budget": {"alignment": "calendar", "utc_offset": "+05:30"}}"#,
        );
        assert!(india.contains("# UTC+05:30 has no IANA zone"), "{india}");
        assert!(
            india.contains("startTime: \"2026-10-31 18:30:00\"\n        timeZone: UTC"),
            "{india}"
        );
        let pinned =
            yaml(r#"{"budget": {"alignment": "pinned", "start": "2026-11-05T00:00:00Z"}}"#);
        assert!(
            pinned.contains("duration: 30d\n      isRolling: false\n      calendar:\n        startTime: \"2026-11-05 00:00:00\""),
            "{pinned}"
        );
    }

    /// Issue 17 §3: Sloth and Pyrra. A custom policy of Sloth's own 7-day
    /// windows (github.com/slok/sloth, examples/windows/7d.yaml: page 8%
    /// 1h/5m and 12.5% 6h/30m, ticket 20% 1d/2h and 42% 3d/6h) is written
    /// back as that `AlertWindows` spec; the Workbook's two pages and one
    /// ticket cannot be, and a comment says so; Sloth's own policy at 30
    /// days needs none.
    #[test]
    fn sloth_and_pyrra_specs() {
        let p = ProductionInputs::default();
        let at = |json: &str| {
            evaluate(
                &serde_json::from_str(json).unwrap(),
                crate::budget::STORY_NOW,
            )
        };
        let mut s: Scenario =
            serde_json::from_str(r#"{"target": "99.9%", "slo_window": "7d"}"#).unwrap();
        s.alerts.policy = crate::alerts::PolicyChoice::Custom;
        s.alerts.custom = [
            "page 8% 1h 5m",
            "page 12.5% 6h 30m",
            "ticket 20% 1d 2h",
            "ticket 42% 3d 6h",
        ]
        .map(|a| a.parse().unwrap())
        .to_vec();
        let seven = evaluate(&s, crate::budget::STORY_NOW);
        let yaml = sloth(&seven, &p).unwrap();
        assert!(
            yaml.contains(
                "apiVersion: sloth.slok.dev/v1\nkind: AlertWindows\nspec:\n  sloPeriod: 7d\n  \
                 page:\n    quick:\n      errorBudgetPercent: 8\n      shortWindow: 5m\n      \
                 longWindow: 1h\n    slow:\n      errorBudgetPercent: 12.5\n      shortWindow: 30m\n      \
                 longWindow: 6h\n  ticket:\n    quick:\n      errorBudgetPercent: 20\n      \
                 shortWindow: 2h\n      longWindow: 1d\n    slow:\n      errorBudgetPercent: 42\n      \
                 shortWindow: 6h\n      longWindow: 3d\n"
            ),
            "{yaml}"
        );
        assert!(yaml.contains("objective: 99.9\n"));
        assert!(yaml.contains("--default-slo-period=7d"));
        let workbook = sloth(&at(r#"{"target": "99.9%"}"#), &p).unwrap();
        assert!(!workbook.contains("AlertWindows"));
        assert!(
            workbook.contains("has 2 and 1, so Sloth will use its own windows"),
            "{workbook}"
        );
        let own = sloth(&at(r#"{"alerts": {"policy": "sloth"}}"#), &p).unwrap();
        assert!(
            !own.contains("AlertWindows") && !own.contains("its own windows"),
            "{own}"
        );
        // Pyrra: the target as a percentage string, the window, the two
        // selectors; its own alerts, said when the policy is another.
        let py = pyrra(&at(r#"{"target": "99.9%", "slo_window": "28d"}"#), &p).unwrap();
        assert!(py.contains("  target: \"99.9\"\n  window: 28d\n"), "{py}");
        assert!(py.contains("metadata:\n  name: checkout-availability\n"));
        assert!(
            py.contains(r#"metric: "http_requests_total{service=\"checkout\",code=~\"5..\"}""#),
            "{py}"
        );
        assert!(py.contains("is not carried"));
        let bad = ProductionInputs {
            service: "Check Out".into(),
            ..ProductionInputs::default()
        };
        assert!(
            pyrra(&at("{}"), &bad)
                .unwrap_err()
                .to_string()
                .starts_with("service")
        );
    }

    /// Issue 17 §1: the policy document. Time mode, the default story's
    /// 99.95% over 30 days: a budget of 21m 36s (1 296 s); 20% of it is
    /// 259.2 s = 4m 19s. With 1 944 s spent (150%, measured and typed) the
    /// budget is exhausted. A caution tier at 70% puts 60% left in
    /// caution. Text is escaped in each format; the policy's own emphasis
    /// is kept.
    #[test]
    fn policy_document_in_three_formats() {
        let s: Scenario = serde_json::from_str(
            r#"{"budget": {"mode": "time", "bad_seconds": 1944, "bad_time_source": "typed"}}"#,
        )
        .unwrap();
        let r = evaluate(&s, crate::budget::STORY_NOW);
        let mut policy = BudgetPolicy {
            override_by: "The CTO <only> | *in writing*".into(),
            ..BudgetPolicy::default()
        };
        let doc = policy_document(&r, &policy, "checkout");
        let md = document_markdown(&doc);
        assert!(
            md.contains("more than 20% of the budget (4m 19s) in one window"),
            "{md}"
        );
        assert!(
            md.contains(
                "Budget left: -50% (computed at Wed 11 Nov 2026, 00:00 UTC): **exhausted**."
            ),
            "{md}"
        );
        assert!(md.contains("The CTO \\<only> \\| \\*in writing\\*"), "{md}");
        assert!(
            md.contains("## Who is on call\n\nYou Build It You Run It is recommended"),
            "{md}"
        );
        assert!(
            md.contains("- Page: 2% of the budget in 1h (short window 5m), a burn rate of 14.4×.")
        );
        let wiki = document_confluence(&doc);
        assert!(wiki.starts_with("h1. Error-budget policy: checkout\n"));
        assert!(wiki.contains("\\| \\*in writing\\*"), "{wiki}");
        assert!(wiki.contains("*exhausted*"), "{wiki}");
        let html = document_html(&doc);
        assert!(html.contains("<li>Normal, more than 50% of the budget left: Releases go ahead"));
        assert!(
            html.contains("The CTO &lt;only&gt; | *in writing*"),
            "{html}"
        );
        assert!(html.contains("<strong>exhausted</strong>"));
        assert!(!html.contains("<script"));
        // The default story in request mode: 60% left; caution at 70%.
        policy.caution_below = 0.7;
        let r = evaluate(&Scenario::default(), crate::budget::STORY_NOW);
        let md = document_markdown(&policy_document(&r, &policy, "checkout"));
        assert!(
            md.contains("Budget left: 60% (computed at Wed 11 Nov 2026, 00:00 UTC): **caution**."),
            "{md}"
        );
        assert!(md.contains("- Caution, 70% or less left:"), "{md}");
    }

    #[test]
    fn durations_in_prometheus_format() {
        let cases = [
            (300.0, "5m"),
            (3_600.0, "1h"),
            (21_600.0, "6h"),
            (259_200.0, "3d"),
            (1_800.0, "30m"),
            (86_400.0, "1d"),
            (7_200.0, "2h"),
            (90.0, "90s"),
            (0.25, "250ms"),
        ];
        for (s, want) in cases {
            assert_eq!(prometheus_duration(s).as_deref(), Some(want), "{s}");
        }
        for bad in [0.0, -1.0, 0.0004, f64::NAN, f64::INFINITY] {
            assert_eq!(prometheus_duration(bad), None, "{bad}");
        }
    }

    #[test]
    fn metric_names_follow_prometheus() {
        for ok in [
            "slo:sli_error:ratio_rate",
            "_x",
            ":a1",
            "job:slo_errors_per_request:ratio_rate",
        ] {
            assert!(is_metric_name(ok), "{ok}");
        }
        for bad in ["", "1x", "a-b", "a b", "a{b}", "é"] {
            assert!(!is_metric_name(bad), "{bad}");
        }
    }

    #[test]
    fn dns_labels() {
        assert!(is_dns_label("checkout-api2", 50));
        for bad in ["", "-a", "a-", "Checkout", "a_b", &"a".repeat(51)] {
            assert!(!is_dns_label(bad, 50), "{bad}");
        }
    }

    #[test]
    fn yaml_quoting_escapes_everything_needed() {
        assert_eq!(yaml_quote(""), "\"\"");
        assert_eq!(yaml_quote("a\\b"), r#""a\\b""#);
        assert_eq!(yaml_quote("\u{7}\u{2028}"), r#""\u0007\L""#);
    }

    #[test]
    fn numbers_without_artefacts() {
        assert_eq!(number(0.02 * 2_592_000.0 / 3_600.0), "14.4");
        assert_eq!(number(0.02 * 2_419_200.0 / 3_600.0), "13.44");
        assert_eq!(number(6.0), "6");
        assert_eq!(number(1e-9), "0.000000001");
    }

    #[test]
    fn exact_target_and_budget_text() {
        let s: Scenario = serde_json::from_str(r#"{"target": "99.95%"}"#).unwrap();
        let r = evaluate(&s, crate::budget::STORY_NOW);
        assert_eq!(target_fraction_text(&r), "0.9995");
        assert_eq!(unavailability_text(&r), "0.0005");
        let s: Scenario = serde_json::from_str(r#"{"target": "99.99999999999999%"}"#).unwrap();
        let r = evaluate(&s, crate::budget::STORY_NOW);
        assert_eq!(target_fraction_text(&r), "0.9999999999999999");
        assert_eq!(unavailability_text(&r), "0.0000000000000001");
    }

    #[test]
    fn annotations_escape_templates() {
        assert_eq!(template_literal("a{{b"), "a{{ \"{{\" }}b");
        // Go's `{{-` trims space before an action: escaped like any `{{`.
        assert_eq!(template_literal("a {{- x }}"), "a {{ \"{{\" }}- x }}");
        assert_eq!(template_literal("{{{{"), "{{ \"{{\" }}{{ \"{{\" }}");
    }

    #[test]
    fn markup_escapes() {
        assert_eq!(markdown_escape("a|b\\c\nd"), "a\\|b\\\\c<br>d");
        assert_eq!(markdown_escape("~~gone~~"), "\\~\\~gone\\~\\~");
        assert_eq!(confluence_escape("a|b\\c\r\n{x}"), "a\\|b&#92;c  \\{x\\}");
    }

    /// Issue 20 §11, worked by hand from the rules of `confluence_escape`.
    #[test]
    fn confluence_markup_renders_as_text() {
        for (text, wiki) in [
            ("!http://x/t.png!", r"\!http://x/t.png\!"),
            ("-strike- a-b", r"\-strike\- a-b"),
            ("??cite??", r"\?\?cite\?\?"),
            (
                "(!) (i) (/) (x) (y) (on)",
                r"\(\!\) \(i\) \(/\) \(x\) \(y\) \(on\)",
            ),
            ("*b* _e_ +i+ ^s^ ~t~", r"\*b\* \_e\_ \+i\+ \^s\^ \~t\~"),
            ("{{mono}} {code} [x|y]", r"\{\{mono\}\} \{code\} \[x\|y\]"),
            ("h1. Big", "h1&#46; Big"),
            ("  H6.Big", "  H6&#46;Big"),
            ("h7. Big", "h7. Big"),
            ("bq. Quote", "bq&#46; Quote"),
            ("say h1. here", "say h1. here"),
            ("# one", r"\# one"),
            ("---- rule", r"\-\-\-\- rule"),
            ("a--b", r"a\-\-b"),
            (
                ":) ;) :P :D :p x:Dy",
                r":\) ;\) &#58;P &#58;D &#58;p x&#58;Dy",
            ),
            ("50% @all", r"50\% \@all"),
            ("a\u{2028}h1. b\u{85}c", "a h1. b c"),
        ] {
            assert_eq!(confluence_escape(text), wiki, "{text}");
        }
    }

    #[test]
    fn markdown_block_starts() {
        for (escaped, want) in [
            ("# x", r"\# x"),
            ("> x", r"\> x"),
            ("- x", r"\- x"),
            ("+ x", r"\+ x"),
            ("=== x", r"\=== x"),
            ("12. x", r"12\. x"),
            ("3) x", r"3\) x"),
            ("12 x.", "12 x."),
            ("x # y", "x # y"),
            ("", ""),
        ] {
            assert_eq!(markdown_block_start(escaped), want, "{escaped}");
        }
    }

    /// Issue 20 §10: a comment line stays one line whatever the name.
    #[test]
    fn comments_stay_on_one_line() {
        assert_eq!(
            one_line("a\nb\u{2028}c\u{2029}d\u{85}e\u{fffe}f\u{202e}g"),
            "a b c d e f g"
        );
        assert_eq!(one_line("{{ $value }} — ok"), "{{ $value }} — ok");
    }

    /// Sloth's `nameRegexp`, `^[A-Za-z0-9][-A-Za-z0-9_.]*[A-Za-z0-9]$`.
    #[test]
    fn sloth_names() {
        for ok in ["checkout", "a1", "Check.out_v2-x"] {
            assert!(is_sloth_name(ok), "{ok}");
        }
        for bad in ["", "a", "-a", "a.", "a b", "a/b", "é1", "{{ $value }}"] {
            assert!(!is_sloth_name(bad), "{bad}");
        }
    }

    /// An error quotes at most 60 characters of the value, escaped.
    #[test]
    fn errors_quote_values_shortly() {
        let e = invalid("service", &"é".repeat(61), SERVICE_LABEL_ALLOWED).to_string();
        assert!(
            e.starts_with(&format!(
                "service \"{}\"… (1 more characters) is not",
                "é".repeat(60)
            )),
            "{e}"
        );
        let e = invalid("service", "a\u{fffe}", SERVICE_LABEL_ALLOWED).to_string();
        assert!(
            e.starts_with(
                "service \"a\\u{fffe}\" is not allowed (it contains U+FFFE): a non-empty name"
            ),
            "{e}"
        );
    }

    /// YAML documents of an export, read by saphyr (the parser `import`
    /// reads specs with): panics when the text is not YAML.
    fn yaml_docs(yaml: &str) -> Vec<saphyr::Yaml<'_>> {
        use saphyr::LoadableYamlNode;
        saphyr::Yaml::load_from_str(yaml).unwrap_or_else(|e| panic!("not YAML: {e}\n{yaml}"))
    }

    /// A scenario whose incidents alone spend more than the budget: the
    /// default story without dependencies or failed deployments, and 36
    /// incidents a year instead of 6. Worked by hand: each incident is 5m
    /// to detect plus 30m to recover over half the users, 36 × 2,100 s ×
    /// 0.5 = 37,800 s of downtime a year, against a budget of 0.05% of a
    /// Gregorian year (365.2425 d × 86,400 s = 31,556,952 s), 15,778.476 s:
    /// 37,800 / 15,778.476 = 2.395669, 239.57% of the budget. The
    /// incidents leave 37,800 / 31,556,952 = 0.11978% unavailable; the next
    /// budget up on the 1-2-5 series is 0.2%, so the most that can be
    /// promised is 99.8%.
    fn incidents_overspend() -> Report {
        let mut s = Scenario::default();
        s.dependencies.dependencies.clear();
        s.delivery.change_failure_rate = 0.0;
        s.incidents.incidents_per_year = 36.0;
        evaluate(&s, crate::budget::STORY_NOW)
    }

    const OVERSPENT: &str = "Not achievable: expected to spend 239.57% of the 99.95% budget \
                             (dependencies, incidents and failed deployments); this target \
                             freezes releases. The most you can promise is 99.8%.";

    /// Issue "One service, one answer", item 5: a target the incidents
    /// alone overspend says so on the first line of the rules and of every
    /// spec, each still YAML of the same shape, and under the title of every
    /// Markdown and Confluence table, of the measures card and of the
    /// policy in its three formats; CSV stays a header and rows.
    #[test]
    fn a_target_not_achievable_says_so_at_the_top_of_every_export() {
        let r = incidents_overspend();
        assert_eq!(r.spend.fits, Some(false));
        assert_eq!(not_achievable(&r).as_deref(), Some(OVERSPENT));
        let comment = format!("# {OVERSPENT}\n");
        let p = ProductionInputs::default();

        let rules = prometheus_rules(&r, &p).unwrap();
        assert!(rules.starts_with(&comment), "{rules}");
        assert!(rules[comment.len()..].starts_with("# Prometheus rules for checkout: "));
        let docs = yaml_docs(&rules);
        let groups = docs[0]["groups"].as_sequence().unwrap();
        let counts: Vec<usize> = groups
            .iter()
            .map(|g| g["rules"].as_sequence().unwrap().len())
            .collect();
        // The Workbook's five windows and the 30-day period, Sloth's seven
        // metadata rules, the three alerts.
        assert_eq!(counts, [6, 7, 3], "{rules}");

        let spec = sloth(&r, &p).unwrap();
        assert!(spec.starts_with(&comment), "{spec}");
        let docs = yaml_docs(&spec);
        assert_eq!(docs[0]["version"].as_str(), Some("prometheus/v1"));
        assert_eq!(
            docs[0]["slos"][0]["objective"].as_floating_point(),
            Some(99.95)
        );

        let spec = pyrra(&r, &p).unwrap();
        assert!(spec.starts_with(&comment), "{spec}");
        let docs = yaml_docs(&spec);
        assert_eq!(docs[0]["kind"].as_str(), Some("ServiceLevelObjective"));
        assert_eq!(docs[0]["spec"]["target"].as_str(), Some("99.95"));

        let spec = openslo(&r, "checkout", "sum(bad)", "sum(all)").unwrap();
        assert!(spec.starts_with(&comment), "{spec}");
        let docs = yaml_docs(&spec);
        assert_eq!(docs[0]["kind"].as_str(), Some("SLO"));
        assert_eq!(
            docs[0]["spec"]["objectives"][0]["target"].as_floating_point(),
            Some(0.9995)
        );

        // Confluence escapes `%`, `(` and `)`, worked by hand.
        let wiki_line = "Not achievable: expected to spend 239.57\\% of the 99.95\\% budget \
                         \\(dependencies, incidents and failed deployments\\); this target \
                         freezes releases. The most you can promise is 99.8\\%.";
        for t in tables(&r) {
            assert_eq!(t.warning.as_deref(), Some(OVERSPENT), "{}", t.title);
            let md = to_markdown(&t);
            let paragraphs: Vec<&str> = md.split("\n\n").collect();
            assert_eq!(paragraphs[1], OVERSPENT, "{md}");
            assert!(paragraphs[2].starts_with("| "), "{md}");
            let wiki = to_confluence(&t);
            let lines: Vec<&str> = wiki.lines().collect();
            assert_eq!(lines[1], wiki_line, "{wiki}");
            assert!(lines[2].starts_with("||"), "{wiki}");
            let csv = to_csv(&t);
            assert!(!csv.contains("achievable"), "{csv}");
            assert!(csv.starts_with(&t.headers[0]), "{csv}");
        }
        let card = measures_markdown(&r);
        assert!(
            card.starts_with(&format!(
                "## Target measures\n\n{OVERSPENT}\n\nThe measures"
            )),
            "{card}"
        );
        assert_eq!(card.matches("Not achievable").count(), 1, "{card}");

        let doc = policy_document(&r, &BudgetPolicy::default(), "checkout");
        let rest = OVERSPENT.strip_prefix("Not achievable: ").unwrap();
        let md = document_markdown(&doc);
        assert!(
            md.starts_with(&format!(
                "# Error-budget policy: checkout\n\n**Not achievable:** {rest}\n\n\n## The objective\n"
            )),
            "{md}"
        );
        let wiki = document_confluence(&doc);
        let wiki_rest = wiki_line.strip_prefix("Not achievable: ").unwrap();
        assert!(
            wiki.starts_with(&format!(
                "h1. Error-budget policy: checkout\n\n*Not achievable:* {wiki_rest}\n\n\nh2. The objective\n"
            )),
            "{wiki}"
        );
        let html = document_html(&doc);
        assert!(
            html.contains(&format!(
                "<h1>Error-budget policy: checkout</h1>\n<p><strong>Not achievable:</strong> {rest}</p>\n<h2>The objective</h2>"
            )),
            "{html}"
        );
    }

    /// An achievable target adds nothing to the rules, the specs and the
    /// tables; the policy says what it is expected to spend. At 99.9% the
    /// default story's expected downtime is set against twice the budget
    /// of 99.95%: half of its 145.13% (dependencies 30.8%, incidents
    /// 39.93%, failed deployments 74.4%), 72.57%.
    #[test]
    fn an_achievable_target_adds_nothing_but_a_line_in_the_policy() {
        let s: Scenario = serde_json::from_str(r#"{"target": "99.9%"}"#).unwrap();
        let r = evaluate(&s, crate::budget::STORY_NOW);
        assert_eq!(r.spend.fits, Some(true));
        assert_eq!(not_achievable(&r), None);
        let p = ProductionInputs::default();
        for yaml in [
            prometheus_rules(&r, &p).unwrap(),
            sloth(&r, &p).unwrap(),
            pyrra(&r, &p).unwrap(),
            openslo(&r, "checkout", "sum(bad)", "sum(all)").unwrap(),
        ] {
            assert!(!yaml.contains("chievable"), "{yaml}");
            assert!(
                yaml.starts_with("# Prometheus rules for checkout: ")
                    || yaml.starts_with("# Sloth SLO spec for checkout: ")
                    || yaml.starts_with("# Pyrra ServiceLevelObjective for checkout: ")
                    || yaml.starts_with("# OpenSLO v1 SLO for checkout: "),
                "{yaml}"
            );
            assert!(!yaml_docs(&yaml).is_empty());
        }
        for t in tables(&r) {
            assert_eq!(t.warning, None, "{}", t.title);
            assert!(!to_markdown(&t).contains("chievable"));
            assert!(!to_confluence(&t).contains("chievable"));
        }
        assert!(!measures_markdown(&r).contains("chievable"));
        let md = document_markdown(&policy_document(&r, &BudgetPolicy::default(), "checkout"));
        assert!(
            md.starts_with(
                "# Error-budget policy: checkout\n\n**Achievable:** expected to spend 72.57% of \
                 the 99.9% budget (dependencies, incidents and failed deployments).\n\n"
            ),
            "{md}"
        );
        assert_eq!(md.matches("chievable").count(), 1, "{md}");
    }

    /// A 100% target has no budget: the rules and specs are refused
    /// (`NoErrorBudget`), and the tables and the policy say it cannot be
    /// met with what the default story expects to fail (≈0.0726% of the
    /// time, the 145.13% of a 0.05% budget: the most to promise is 99.9%).
    #[test]
    fn a_hundred_percent_target_with_failures_is_not_achievable() {
        let s: Scenario = serde_json::from_str(r#"{"target": "100%"}"#).unwrap();
        let r = evaluate(&s, crate::budget::STORY_NOW);
        assert_eq!(r.spend.total, None);
        let line = not_achievable(&r).unwrap();
        assert!(
            line.starts_with(
                "Not achievable: a 100% target allows no downtime, and the dependencies, \
                 incidents and failed deployments are expected to bring availability to ≈99.92"
            ),
            "{line}"
        );
        assert!(
            line.ends_with("; this target freezes releases. The most you can promise is 99.9%."),
            "{line}"
        );
        assert_eq!(
            prometheus_rules(&r, &ProductionInputs::default()),
            Err(ExportError::NoErrorBudget)
        );
        assert_eq!(measures_table(&r).warning.as_deref(), Some(line.as_str()));
        let md = document_markdown(&policy_document(&r, &BudgetPolicy::default(), "checkout"));
        assert!(
            md.contains("**Not achievable:** a 100% target allows no downtime"),
            "{md}"
        );
    }

    /// The policy is read later than it is written: it says when its
    /// "budget left" was computed, and where the window stands in words
    /// that hold then, never the page's "opened later (from a link too)…"
    /// that the report's `time_note` carries. Worked by hand at Wed 11 Nov
    /// 2026, 00:00 UTC: the calendar month in UTC+01:00 runs from 1 Nov
    /// 00:00 local (Sat 31 Oct 2026, 23:00 UTC) to 1 Dec 00:00 local (Mon 30
    /// Nov, 23:00 UTC), 30 days; a window pinned at Thu 5 Nov 2026 runs 30
    /// days to Sat 5 Dec 2026.
    #[test]
    fn the_policy_dates_its_budget_left_and_holds_no_page_text() {
        for (json, placement) in [
            (
                "{}",
                "The window rolls: at any instant it is the last 30 days.",
            ),
            (
                r#"{"slo_window": "month", "budget": {"alignment": "calendar", "utc_offset": "+01:00"}}"#,
                "The window is the calendar month in UTC+01:00; these figures are for the one \
                 from Sat 31 Oct 2026, 23:00 UTC to Mon 30 Nov 2026, 23:00 UTC (30 days).",
            ),
            (
                r#"{"budget": {"alignment": "pinned", "start": "2026-11-05T00:00:00Z"}}"#,
                "The window is pinned: 30 days from Thu 5 Nov 2026, 00:00 UTC to Sat 5 Dec \
                 2026, 00:00 UTC.",
            ),
        ] {
            let s: Scenario = serde_json::from_str(json).unwrap();
            let r = evaluate(&s, crate::budget::STORY_NOW);
            let doc = policy_document(&r, &BudgetPolicy::default(), "checkout");
            let left = format!(
                "Budget left: {} (computed at Wed 11 Nov 2026, 00:00 UTC): **",
                r.budget.remaining_display
            );
            let md = document_markdown(&doc);
            assert!(md.contains(&left), "{json}: {md}");
            assert!(md.contains(placement), "{json}: {md}");
            let html = document_html(&doc);
            assert!(html.contains("(computed at Wed 11 Nov 2026, 00:00 UTC)"));
            for text in [md, document_confluence(&doc), html] {
                for page in ["opened later", "from a link", "reader"] {
                    assert!(!text.contains(page), "{json}: {page:?} in {text}");
                }
            }
            let title = budget_table(&r).title;
            assert!(title.ends_with(placement), "{title}");
            assert!(!title.contains("opened later"), "{title}");
        }
    }

    /// Issue 20 §9: the cells that start a formula, and the figures that do
    /// not, worked by hand.
    #[test]
    fn csv_guards_formula_starts() {
        let t = Table {
            title: String::new(),
            headers: vec!["h".into()],
            rows: [
                "=1", "+1", "-x", "@x", "\tx", "\rx", "\0x", "-1.5%", "-£2", "x=1", "'=1",
            ]
            .iter()
            .map(|c| vec![c.to_string()])
            .collect(),
            warning: None,
        };
        assert_eq!(
            to_csv(&t),
            "h\r\n'=1\r\n'+1\r\n'-x\r\n'@x\r\n'\tx\r\n\"'\rx\"\r\n'\0x\r\n-1.5%\r\n-£2\r\nx=1\r\n'=1\r\n"
        );
    }

    /// Sloth's metadata rules for the default story: 99.95% over a rolling
    /// 30 days, the Workbook's windows 5m, 30m, 1h, 6h and 3d. Worked by
    /// hand from Sloth's generator (`metadata_rules_v1/plugin.go`):
    /// objective 1 − 0.0005 = 0.9995, budget `1-0.9995`, 30 days; the
    /// current burn rate over the shortest window the alerts read (5m), the
    /// period's over 30d, which the SLI group now records too; the id
    /// `<service>-<slo>` = `checkout-availability`; `sloth_objective` the
    /// SLO in percent, 99.95.
    #[test]
    fn sloth_metadata_rules_for_the_default_story() {
        let r = evaluate(&Scenario::default(), crate::budget::STORY_NOW);
        let yaml = prometheus_rules(&r, &ProductionInputs::default()).unwrap();
        let ids = r#"{sloth_id="checkout-availability", sloth_service="checkout", sloth_slo="availability"}"#;
        let labels = "        labels:\n          service: \"checkout\"\n          \
                      slo: \"availability\"\n          sloth_id: \"checkout-availability\"\n          \
                      sloth_service: \"checkout\"\n          sloth_slo: \"availability\"\n";
        let burn = |window: &str| {
            format!(
                "|\n          slo:sli_error:ratio_rate{window}{ids}\n          \
                 / on(sloth_id, sloth_slo, sloth_service) group_left\n          \
                 slo:error_budget:ratio{ids}\n"
            )
        };
        let mut want = String::from("  - name: \"checkout-slo-meta-recordings\"\n    rules:\n");
        for (record, expr) in [
            ("slo:objective:ratio", "vector(0.9995)\n".to_string()),
            ("slo:error_budget:ratio", "vector(1-0.9995)\n".to_string()),
            ("slo:time_period:days", "vector(30)\n".to_string()),
            ("slo:current_burn_rate:ratio", burn("5m")),
            ("slo:period_burn_rate:ratio", burn("30d")),
            (
                "slo:period_error_budget_remaining:ratio",
                format!("|\n          1 - slo:period_burn_rate:ratio{ids}\n"),
            ),
        ] {
            want.push_str(&format!(
                "      - record: {record}\n        expr: {expr}{labels}"
            ));
        }
        // Sloth's info labels in name order: the version, mode and spec
        // name Nines, which wrote the file.
        want.push_str(&format!(
            "      - record: sloth_slo_info\n        expr: vector(1)\n        labels:\n          \
             service: \"checkout\"\n          slo: \"availability\"\n          \
             sloth_id: \"checkout-availability\"\n          sloth_mode: \"nines-gen-prom\"\n          \
             sloth_objective: \"99.95\"\n          sloth_service: \"checkout\"\n          \
             sloth_slo: \"availability\"\n          sloth_spec: \"nines\"\n          \
             sloth_version: \"nines-{}\"\n",
            env!("CARGO_PKG_VERSION")
        ));
        want.push_str("  - name: \"checkout-slo-burn-rate\"\n");
        assert!(yaml.contains(&want), "missing\n{want}\nin\n{yaml}");

        // The SLI group: the five windows the alerts read, then the period.
        let records: Vec<&str> = yaml
            .lines()
            .filter_map(|l| l.strip_prefix("      - record: slo:sli_error:ratio_rate"))
            .collect();
        assert_eq!(records, ["5m", "30m", "1h", "6h", "3d", "30d"]);
        assert!(yaml.contains(
            "      - record: slo:sli_error:ratio_rate30d\n        expr: |\n          \
             sum(rate(http_requests_total{service=\"checkout\",code=~\"5..\"}[30d]))\n          /\n          \
             sum(rate(http_requests_total{service=\"checkout\"}[30d]))\n"
        ));

        // Every recording rule, SLI and metadata, carries Sloth's three id
        // labels (6 SLI + 7 metadata = 13 rules); each alert still selects
        // by `service` and `slo`.
        let rules: Vec<&str> = yaml.split("      - ").skip(1).collect();
        let recorded: Vec<&&str> = rules.iter().filter(|r| r.starts_with("record: ")).collect();
        assert_eq!(recorded.len(), 13);
        for rule in recorded {
            for label in [
                "          sloth_id: \"checkout-availability\"\n",
                "          sloth_service: \"checkout\"\n",
                "          sloth_slo: \"availability\"\n",
                "          service: \"checkout\"\n",
                "          slo: \"availability\"\n",
            ] {
                assert!(rule.contains(label), "{label} missing in {rule}");
            }
        }
        assert_eq!(
            yaml.matches(r#"{service="checkout",slo="availability"} > ("#)
                .count(),
            6
        );

        // A period an alert already reads is recorded once: a 3-day SLO
        // keeps the Workbook's windows (the ticket alert reads 3d/6h), so
        // its 3d window is also the period, and 3 days long.
        let short = evaluate(
            &serde_json::from_str(r#"{"target": "99.9%", "slo_window": "3d"}"#).unwrap(),
            crate::budget::STORY_NOW,
        );
        let yaml3 = prometheus_rules(&short, &ProductionInputs::default()).unwrap();
        let period_rules = yaml3
            .lines()
            .filter(|l| *l == "      - record: slo:sli_error:ratio_rate3d")
            .count();
        assert_eq!(period_rules, 1, "{yaml3}");
        assert!(yaml3.contains("          long_window: \"3d\"\n"), "{yaml3}");
        assert!(
            yaml3.contains("slo:sli_error:ratio_rate3d{sloth_id="),
            "{yaml3}"
        );
        assert!(yaml3.contains("        expr: vector(3)\n"), "{yaml3}");
    }

    /// A name with `"` and `\` is escaped in the metadata rules' filter as
    /// in the alerts' matchers (`\"`, `\\`), and YAML-quoted in the labels.
    /// Worked by hand for the service `a"b\c`: id `a"b\c-availability`.
    #[test]
    fn sloth_metadata_rules_escape_names() {
        let r = evaluate(&Scenario::default(), crate::budget::STORY_NOW);
        let p = ProductionInputs {
            service: r#"a"b\c"#.into(),
            ..ProductionInputs::default()
        };
        let yaml = prometheus_rules(&r, &p).unwrap();
        assert!(yaml.contains(
            r#"1 - slo:period_burn_rate:ratio{sloth_id="a\"b\\c-availability", sloth_service="a\"b\\c", sloth_slo="availability"}"#
        ), "{yaml}");
        assert!(yaml.contains(r#"          sloth_id: "a\"b\\c-availability""#));
        assert!(yaml.contains(r#"  - name: "a\"b\\c-slo-meta-recordings""#));
    }
}
