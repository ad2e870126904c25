//! `nines cost`: engineering cost per nine against revenue at risk (SRE book,
//! "Embracing Risk"), the cheapest target, the marginal table, and the target
//! a tolerable loss implies.

use nines_core::amount::{Count, Money};
use nines_core::cost::Optimum;
use nines_core::display::{at_nines, money};
use nines_core::quantity::parse_fraction;
use nines_core::scenario::{evaluate, Report};
use serde_json::{json, Value};

use super::{availability_text, base_scenario, figures, option, table};
use crate::args::Args;

pub(super) fn run(args: &Args, json: bool) -> Result<String, String> {
    args.only(&[
        "--slo",
        "--revenue",
        "--impact",
        "--reference-cost",
        "--reference-nines",
        "--factor",
        "--tolerable-loss",
        "--levels",
        "--convention",
    ])?;
    let mut scenario = base_scenario(args, false)?;
    let cost = &mut scenario.cost;
    let m = &mut cost.model;
    if let Some(x) = option(args, "--revenue", Money::parse)? {
        m.revenue_per_year = x.amount_f64();
    }
    if let Some(x) = option(args, "--impact", parse_fraction)? {
        m.impact_fraction = x;
    }
    if let Some(x) = option(args, "--reference-cost", Money::parse)? {
        m.reference_cost_per_year = x.amount_f64();
    }
    if let Some(x) = option(args, "--reference-nines", Count::parse)? {
        m.reference_nines = x.to_f64();
    }
    if let Some(x) = option(args, "--factor", Count::parse)? {
        m.cost_factor_per_nine = x.to_f64();
    }
    m.checked().map_err(|e| format!("cost: {e}"))?;
    if let Some(x) = option(args, "--tolerable-loss", Money::parse)? {
        cost.tolerable_loss_per_year = x.amount_f64();
    }
    if let Some(levels) = args.values("--levels") {
        if levels.len() < 2 {
            return Err("--levels needs two or more levels in nines, e.g. --levels 3 4".into());
        }
        cost.marginal_levels = levels
            .iter()
            .map(|l| {
                Count::parse(l)
                    .map(|c| c.to_f64())
                    .map_err(|e| format!("--levels: {e}"))
            })
            .collect::<Result<_, _>>()?;
    }
    let tolerable_loss = cost.tolerable_loss_per_year;
    let report = evaluate(&scenario);
    Ok(render(&report, tolerable_loss, json))
}

fn render(report: &Report, tolerable_loss: f64, json: bool) -> String {
    let c = &report.cost;
    let state = match c.optimum {
        Optimum::At(_) => "at",
        Optimum::NoRevenueAtRisk => "no-revenue-at-risk",
        Optimum::CostDoesNotGrow => "cost-does-not-grow",
    };
    if json {
        let optimum = c.at_optimum.map_or(
            Value::Null,
            |p| json!({ "nines": p.nines, "availability": p.availability }),
        );
        return json!({
            "slo": report.target.canonical,
            "target_nines": c.target_nines,
            "model": c.model,
            "at_target": c.at_target,
            "revenue_per_minute": c.revenue_per_minute,
            "loss_per_downtime_minute": c.loss_per_downtime_minute,
            "optimum_state": state,
            "optimum": optimum,
            "at_optimum": c.at_optimum,
            "target_premium_per_year": c.target_premium_per_year,
            "tolerable_loss_per_year": tolerable_loss,
            "tolerable_loss_unavailability": c.tolerable_loss_unavailability,
            "tolerable_loss_availability": c.tolerable_loss_availability,
            "tolerable_loss_nines": c.tolerable_loss_nines,
            "marginal": c.marginal,
            "notes": c.notes,
        })
        .to_string();
    }
    let optimum = c.optimum_display.clone();
    let rows = [
        [
            "Engineering cost a year".to_string(),
            money(c.at_target.engineering_cost_per_year),
        ],
        [
            "Revenue at risk a year".into(),
            money(c.at_target.revenue_at_risk_per_year),
        ],
        [
            "Total cost a year".into(),
            money(c.at_target.total_cost_per_year),
        ],
        [
            "Lost per minute of downtime".into(),
            money(c.loss_per_downtime_minute),
        ],
        ["Cheapest target on revenue alone".into(), optimum],
        [
            "Premium of the target over the cheapest".into(),
            c.target_premium_per_year.map_or_else(|| "—".into(), money),
        ],
        [
            format!("Target that loses at most {} a year", money(tolerable_loss)),
            c.tolerable_loss_unavailability
                .map_or_else(|| "any: no revenue at risk".into(), availability_text),
        ],
    ];
    let marginal: Vec<[String; 5]> = c
        .marginal
        .iter()
        .map(|m| {
            [
                format!("{} → {}", at_nines(m.from_nines), at_nines(m.to_nines)),
                money(m.extra_engineering_cost_per_year),
                money(m.revenue_protected_per_year),
                money(m.net_benefit_per_year),
                if m.worth_it { "yes" } else { "no" }.into(),
            ]
        })
        .collect();
    let mut out = format!(
        "Cost per nine at {} (money per year)\n{}\n\n{}",
        report.target.availability_percent,
        figures(&rows),
        table(
            ["Step", "Extra cost", "Revenue protected", "Net", "Worth it"],
            &marginal
        )
    );
    for note in &c.notes {
        out.push_str(&format!("\nNote: {note}"));
    }
    out
}
