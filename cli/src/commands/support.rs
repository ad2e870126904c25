//! `nines support`: who should run the service (the essays' production
//! support methods), the rule applied, and the on-call cost of each method.

use nines_core::amount::{Money, Rate};
use nines_core::display::money;
use nines_core::duration::format_duration;
use nines_core::scenario::{evaluate, Report};
use nines_core::support::TrafficCriticality;
use nines_core::window::Period;
use serde_json::json;

use super::{base_scenario, option, table};
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
    // Product demand is the delivery section's deployment frequency.
    if let Some(rate) = option(args, "--deploys", Rate::parse)? {
        scenario.delivery.deployments = rate.count().to_f64();
        scenario.delivery.deployment_period_seconds =
            rate.per().seconds(scenario.convention).to_f64();
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
    if let Some(rate) = option(args, "--incidents", Rate::parse)? {
        support.on_call.incidents_per_year =
            rate.count_in_period(Period::Year, scenario.convention);
    }
    let inputs = scenario.support.clone();
    let report = evaluate(&scenario);
    let s = &report.support;
    if json {
        let method = |m: nines_core::support::SupportMethod| json!(m);
        return Ok(json!({
            "slo": report.target.canonical,
            "target_nines": s.target_nines,
            "deployments_per_week": report.delivery.targets.deployments_per_week,
            "criticality": inputs.criticality,
            "teams": inputs.on_call.teams,
            "incidents_per_year": inputs.on_call.incidents_per_year,
            "recommendation": {
                "method": method(s.recommendation.method),
                "method_name": s.recommendation.method.name(),
                "reason": s.recommendation.reason,
                "alternatives": s.recommendation.alternatives.iter().map(|a| json!({
                    "method": method(a.method),
                    "method_name": a.method.name(),
                    "reason": a.reason,
                })).collect::<Vec<_>>(),
                "notes": s.recommendation.notes,
            },
            "on_call_costs": s.on_call_costs.iter().map(|c| json!({
                "method": method(c.method),
                "method_name": c.method.name(),
                "structure": c.structure,
                "paid_people_on_rota": c.paid_people_on_rota,
                "standby_cost_per_year": c.standby_cost_per_year,
                "paid_callouts_per_year": c.paid_callouts_per_year,
                "callout_cost_per_year": c.callout_cost_per_year,
                "total_cost_per_year": c.total_cost_per_year,
                "time_to_restore_penalty_seconds": c.time_to_restore_penalty_seconds,
            })).collect::<Vec<_>>(),
            "recommended_on_call_cost_per_year": s.recommended_on_call_cost_per_year,
        })
        .to_string());
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
    let rows: Vec<[String; 4]> = s
        .on_call_costs
        .iter()
        .map(|c| {
            [
                format!(
                    "{}{}",
                    c.method.name(),
                    if c.method == r.method {
                        " (recommended)"
                    } else {
                        ""
                    }
                ),
                money(c.standby_cost_per_year),
                money(c.callout_cost_per_year),
                money(c.total_cost_per_year),
            ]
        })
        .collect();
    let mut out = format!(
        "Recommended for {}: {}\nWhy: {}\n\nOn-call cost a year\n{}",
        report.target.availability_percent,
        r.method.name(),
        r.reason,
        table(["Method", "Standby", "Callouts", "Total"], &rows)
    );
    for c in &s.on_call_costs {
        if c.time_to_restore_penalty_seconds > 0.0 {
            out.push_str(&format!(
                "\n{} adds {} to each time to restore (ticket handoffs).",
                c.method.name(),
                format_duration(c.time_to_restore_penalty_seconds)
            ));
        }
    }
    for a in &r.alternatives {
        out.push_str(&format!("\nNot {}: {}", a.method.name(), a.reason));
    }
    for note in &r.notes {
        out.push_str(&format!("\nNote: {note}"));
    }
    out
}
