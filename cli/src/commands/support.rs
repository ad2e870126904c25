//! `nines support`: who should run the service (the essays' production
//! support methods), the rule applied, and the on-call cost of each method.

use nines_core::amount::{Money, Rate};
use nines_core::export::support_cost_table;
use nines_core::scenario::{evaluate, Report};
use nines_core::support::TrafficCriticality;
use nines_core::window::Period;
use serde_json::json;

use super::{base_scenario, columns, money_currency, option, section, table, with};
use crate::args::Args;

pub(super) fn run(args: &Args, json: bool) -> Result<String, String> {
    args.only(&[
        "--slo",
        "--deploys",
        "--criticality",
        "--teams",
        "--standby-rate",
        "--callout-rate",
        "--incidents",
        "--convention",
    ])?;
    let mut scenario = base_scenario(args, false)?;
    // The whole answer in the currency the rates were typed in.
    if let Some(c) = money_currency(args, &["--standby-rate", "--callout-rate"])? {
        scenario.currency = c;
    }
    // Product demand is the delivery section's deployment frequency.
    if let Some(rate) = option(args, "--deploys", Rate::parse)? {
        scenario.delivery.deployment_frequency = rate;
    }
    let support = &mut scenario.support;
    if let Some(c) = option(args, "--criticality", criticality)? {
        support.criticality = c;
    }
    if let Some(teams) = option(args, "--teams", |t: &str| {
        t.trim()
            .parse::<u32>()
            .map_err(|_| format!("{t:?} is not a whole number of teams, e.g. 3"))
    })? {
        support.on_call.teams = teams;
    }
    if let Some(rate) = option(args, "--standby-rate", Money::parse)? {
        support.on_call.standby_rate_per_hour = rate.amount_f64();
    }
    if let Some(rate) = option(args, "--callout-rate", Money::parse)? {
        support.on_call.callout_rate = rate.amount_f64();
    }
    // Incidents across all the teams: the incident model's rate is per
    // service, one service per team.
    if let Some(rate) = option(args, "--incidents", Rate::parse)? {
        let teams = f64::from(support.on_call.teams.max(1));
        scenario.incidents.incidents_per_year =
            rate.count_in_period(Period::Year, scenario.convention) / teams;
    }
    let inputs = scenario.support.clone();
    let report = evaluate(&scenario, nines_core::budget::STORY_NOW);
    if json {
        return Ok(with(
            section(&report.support),
            json!({
                "slo": report.target.canonical,
                "criticality": inputs.criticality,
                "teams": inputs.on_call.teams,
                "incidents_per_year": f64::from(inputs.on_call.teams) * scenario.incidents.incidents_per_year,
            }),
            &[],
        ));
    }
    Ok(render(&report))
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
    for note in &r.notes {
        out.push_str(&format!("\nNote: {note}"));
    }
    out
}
