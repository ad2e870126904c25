//! `nines support`: who should run the service (the essays' production
//! support methods), the rule applied, the on-call cost of each method, and
//! each method as revenue insurance (what each costs against the revenue
//! its downtime loses): its time to restore with the handoff delay, downtime a year against the budget, lost revenue,
//! team investment and total.

use nines_core::amount::{Count, Money, Rate};
use nines_core::choice::Choice;
use nines_core::duration::parse_duration;
use nines_core::export::{support_cost_table, support_methods_table};
use nines_core::quantity::parse_fraction;
use nines_core::scenario::{evaluate, Report, Scenario};
use nines_core::support::{Culture, Organisation, TrafficCriticality};
use nines_core::window::Period;
use serde_json::json;

use super::{base_scenario, columns, money_currency, option, section, table, with};
use crate::args::Args;

/// Reads the service (its incident model, revenue and deployments) and the
/// support inputs, then compares the methods on them.
pub(super) fn run(args: &Args, json: bool) -> Result<String, String> {
    let mut scenario = base_scenario(args, false)?;
    // The whole answer in the currency the amounts were typed in.
    if let Some(c) = money_currency(
        args,
        &[
            "--standby-rate",
            "--callout-rate",
            "--revenue",
            "--investment",
        ],
    )? {
        scenario.currency = c;
    }
    set_service(args, &mut scenario)?;
    set_support(args, &mut scenario)?;
    // Incidents across all the teams: the incident model's rate is per
    // service, one service per team.
    if let Some(rate) = option(args, "--incidents", Rate::parse)? {
        let teams = f64::from(scenario.support.on_call.teams.max(1));
        scenario.incidents.incidents_per_year =
            rate.count_in_period(Period::Year, scenario.convention) / teams;
    }
    let report = evaluate(&scenario, nines_core::budget::STORY_NOW);
    Ok(if json {
        render_json(&report, &scenario)
    } else {
        render(&report)
    })
}

/// The service the methods are compared on: `--ttd`, `--ttr`, `--scope`,
/// `--revenue`, `--impact` and `--deploys`.
fn set_service(args: &Args, scenario: &mut Scenario) -> Result<(), String> {
    // The service the methods are compared on: its incident model and its
    // revenue, as `incidents` and `cost` take them.
    let i = &mut scenario.incidents;
    if let Some(ttd) = option(args, "--ttd", parse_duration)? {
        i.time_to_detect_seconds = ttd;
    }
    if let Some(ttr) = option(args, "--ttr", parse_duration)? {
        i.time_to_recover_seconds = ttr;
    }
    if let Some(scope) = option(args, "--scope", parse_fraction)? {
        i.scope = scope;
    }
    let m = &mut scenario.cost.model;
    if let Some(x) = option(args, "--revenue", Money::parse)? {
        m.revenue_per_year = x.amount_f64();
    }
    if let Some(x) = option(args, "--impact", parse_fraction)? {
        m.impact_fraction = x;
    }
    // Product demand is the delivery section's deployment frequency.
    if let Some(rate) = option(args, "--deploys", Rate::parse)? {
        scenario.delivery.deployment_frequency = rate;
    }
    Ok(())
}

/// The support inputs: criticality, the teams and their on-call pay, the
/// handoff delays, the investment, the organisation and its culture.
fn set_support(args: &Args, scenario: &mut Scenario) -> Result<(), String> {
    let support = &mut scenario.support;
    if let Some(c) = option(args, "--criticality", criticality)? {
        support.criticality = c;
    }
    if let Some(teams) = option(args, "--teams", teams)? {
        support.on_call.teams = teams;
    }
    if let Some(rate) = option(args, "--standby-rate", Money::parse)? {
        support.on_call.standby_rate_per_hour = rate.amount_f64();
    }
    if let Some(rate) = option(args, "--callout-rate", Money::parse)? {
        support.on_call.callout_rate = rate.amount_f64();
    }
    if let Some(d) = option(args, "--ops-handoff", parse_duration)? {
        support.on_call.ops_handoff_delay_seconds = d;
    }
    if let Some(d) = option(args, "--ops-sometimes-handoff", parse_duration)? {
        support.on_call.ops_sometimes_handoff_delay_seconds = d;
    }
    if let Some(d) = option(args, "--sre-handoff", parse_duration)? {
        support.on_call.sre_handoff_delay_seconds = d;
    }
    if let Some(x) = option(args, "--investment", Money::parse)? {
        support.investment_per_team_per_year = x.amount_f64();
    }
    if let Some(x) = option(args, "--sre-factor", Count::parse)? {
        support.sre_investment_factor = x.to_f64();
    }
    if let Some(o) = option(args, "--organisation", choice::<Organisation>)? {
        support.organisation = o;
    }
    if let Some(c) = option(args, "--culture", choice::<Culture>)? {
        support.culture = c;
    }
    Ok(())
}

/// `--teams`: a whole number, at least 1 (each team runs one service, this
/// one included).
fn teams(t: &str) -> Result<u32, String> {
    match t.trim().parse::<u32>() {
        Ok(0) => Err("0 teams: at least 1 (each team runs a service, this one \
             included), e.g. 3"
            .to_string()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("{t:?} is not a whole number of teams, e.g. 3")),
    }
}

/// The support section as JSON, with the inputs it was compared on: the
/// incidents a year across all the teams.
fn render_json(report: &Report, scenario: &Scenario) -> String {
    let inputs = &scenario.support;
    with(
        section(&report.support),
        json!({
            "slo": report.target.canonical,
            "criticality": inputs.criticality,
            "teams": inputs.on_call.teams,
            "incidents_per_year": f64::from(inputs.on_call.teams) * scenario.incidents.incidents_per_year,
        }),
        &[],
    )
}

/// One of `T`'s ids (`cost-centre`, `generative`).
fn choice<T: Choice>(text: &str) -> Result<T, String> {
    T::from_id(&text.trim().to_ascii_lowercase())
        .ok_or_else(|| format!("{text:?} is not one of {}", T::ids()))
}

/// `low`, `normal` or `critical`.
fn criticality(text: &str) -> Result<TrafficCriticality, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "low" => Ok(TrafficCriticality::Low),
        "normal" => Ok(TrafficCriticality::Normal),
        "critical" => Ok(TrafficCriticality::Critical),
        _ => Err(format!(
            "{text:?} is not a criticality (allowed: low, normal, critical)"
        )),
    }
}

fn render(report: &Report) -> String {
    let s = &report.support;
    let r = &s.recommendation;
    // The export's on-call table: method, standby, callouts, total, and the
    // time each method adds to restoring.
    let (_, costs) = columns(&support_cost_table(report), [0, 2, 3, 4, 5]);
    let rows: Vec<[String; 4]> = s
        .on_call_costs
        .iter()
        .zip(&costs)
        .map(|(c, [method, standby, callouts, total, _])| {
            let marker = if c.method == r.method {
                " (recommended)"
            } else {
                ""
            };
            [
                format!("{method}{marker}"),
                standby.clone(),
                callouts.clone(),
                total.clone(),
            ]
        })
        .collect();
    let mut out = format!(
        "Recommended for {}: {}\nWhy: {}\n\nOn-call cost a year\n{}",
        report.target.availability_percent,
        r.method_name,
        r.reason,
        table(["Method", "Standby", "Callouts", "Total"], &rows)
    );
    out.push_str(&format!("\nStandby: {}.", s.display.standby_hours));
    for (c, [method, .., added]) in s.on_call_costs.iter().zip(&costs) {
        if c.time_to_restore_penalty_seconds > 0.0 {
            out.push_str(&format!(
                "\n{method} adds {added} to each time to restore (ticket handoffs)."
            ));
        }
    }
    for a in &r.alternatives {
        out.push_str(&format!("\nNot {}: {}", a.method_name, a.reason));
    }
    out.push_str(&revenue_insurance(report));
    for note in &r.notes {
        out.push_str(&format!("\nNote: {note}"));
    }
    out
}

/// The methods as revenue insurance: the core's table and sentences.
fn revenue_insurance(report: &Report) -> String {
    let s = &report.support;
    let d = &s.display;
    let (_, rows) = columns(&support_methods_table(report), [0, 2, 3, 4, 5, 6, 8, 9]);
    let mut out = format!(
        "\n\nEach method as revenue insurance, a year\n{}",
        table(
            [
                "Method",
                "Restore",
                "Downtime",
                "Fits the budget",
                "Lost revenue",
                "On-call",
                "Investment",
                "Total",
            ],
            &rows,
        )
    );
    out.push_str(&format!(
        "\nBudget: {}.\nLost revenue: {}.\n{}\nCheapest that fits: {}\n{}",
        d.budget_per_year, d.loss_per_hour, d.basis, d.cheapest_fitting, d.revenue_insurance
    ));
    for m in &s.methods {
        out.push_str(&format!(
            "\n{} on-call: {}.",
            m.method_name, m.display.on_call_split
        ));
    }
    out.push_str(&format!(
        "\nCriticality suggested: {}\nOrganisation: {}",
        d.suggested_criticality, d.organisation
    ));
    for g in s.conflicts.iter().filter(|g| g.applies_to_recommended) {
        out.push_str(&format!(
            "\nConflicts over {} ({}; here {}):",
            g.topic, g.condition, g.culture_trait
        ));
        for item in g.items {
            out.push_str(&format!("\n  - {item}"));
        }
    }
    for w in &s.warnings {
        out.push_str(&format!("\nWarning: {w}"));
    }
    for c in &s.product_conditions {
        out.push_str(&format!("\n{c}"));
    }
    for a in &s.assumptions {
        out.push_str(&format!(
            "\nAssumed: {} = {} (default {}: {})",
            a.input, a.value, a.default, a.source
        ));
    }
    out
}
