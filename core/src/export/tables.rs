//! The page's tables as [`Table`]s, one writer per table.

use super::*;
use crate::display::{at_nines, availability, format_fraction_percent, money_in};
use crate::duration::{format_duration, format_seconds_plain};
use crate::scenario::Report;

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
/// it falls in the SLO window so far.
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

pub(super) fn dependencies_table_in(
    report: &Report,
    availability: &dyn Fn(f64) -> String,
) -> Table {
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

/// Each production support method as revenue insurance: its
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
        // The measures say when the target is measured.
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

pub(super) fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}
