//! `nines cost`: engineering cost per nine against revenue at risk (SRE book,
//! "Embracing Risk"), the cheapest target, the marginal table, and the target
//! a tolerable loss implies.

use nines_core::amount::{Count, Money};
use nines_core::bounds::List;
use nines_core::cost::MAX_NINES;
use nines_core::export::marginal_cost_table;
use nines_core::quantity::parse_fraction;
use nines_core::quote::quoted;
use nines_core::scenario::{evaluate, Report};
use nines_core::target::OpsError;
use serde_json::{json, Value};

use super::{base_scenario, columns, figures, money_currency, option, section, table, with};
use crate::args::Args;

pub(super) fn run(args: &Args, json: bool) -> Result<String, String> {
    let mut scenario = base_scenario(args, false)?;
    // The whole answer in the currency the amounts were typed in.
    if let Some(c) = money_currency(args, &["--revenue", "--reference-cost", "--tolerable-loss"])? {
        scenario.currency = c;
    }
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
    m.checked().map_err(|e| model_refusal(&e))?;
    if let Some(x) = option(args, "--tolerable-loss", Money::parse)? {
        cost.tolerable_loss_per_year = x.amount_f64();
    }
    if let Some(levels) = args.values("--levels") {
        if levels.len() < 2 {
            return Err("--levels needs two or more levels in nines, e.g. --levels 3 4".into());
        }
        if !List::CostLevels.holds(levels.len()) {
            return Err(List::CostLevels.refusal("--levels", levels.len()));
        }
        cost.marginal_levels = levels
            .iter()
            .map(|l| {
                let nines = Count::parse(l)
                    .map(|c| c.to_f64())
                    .map_err(|e| format!("--levels: {e}"))?;
                // Beyond the searched range the core would show the
                // nearest end's figures: refused rather than clamped.
                if nines > MAX_NINES {
                    return Err(format!(
                        "--levels: {} is beyond the 0 to {MAX_NINES} nines the model \
                         searches: give each level from 0 to {MAX_NINES} nines",
                        quoted(l, 40)
                    ));
                }
                Ok(nines)
            })
            .collect::<Result<_, _>>()?;
    }
    let tolerable_loss = cost.tolerable_loss_per_year;
    let report = evaluate(&scenario, nines_core::budget::STORY_NOW);
    Ok(render(&report, tolerable_loss, json))
}

/// The model's refusal (`CostModel::checked`) naming the option that set
/// the field, not the core's field (`--factor`, not `cost_factor_per_nine`).
fn model_refusal(e: &OpsError) -> String {
    let flag = |field: &str| {
        match field {
            "reference_nines" => "--reference-nines",
            "reference_cost_per_year" => "--reference-cost",
            "cost_factor_per_nine" => "--factor",
            "revenue_per_year" => "--revenue",
            "impact_fraction" => "--impact",
            other => other,
        }
        .to_string()
    };
    match e {
        OpsError::OutOfRange { field, min, max } => format!(
            "{}: must be from {min} to {max}{}",
            flag(field),
            if *field == "cost_factor_per_nine" {
                " (each nine costs this many times the one before)"
            } else {
                ""
            }
        ),
        OpsError::NotFinite { field } => format!("{}: must be a finite number", flag(field)),
        OpsError::NotAFraction { field } => {
            format!("{}: must be a fraction from 0 to 1", flag(field))
        }
        other => format!("cost: {other}"),
    }
}

fn render(report: &Report, tolerable_loss: f64, json: bool) -> String {
    let c = &report.cost;
    if json {
        let optimum = c.at_optimum.map_or(
            Value::Null,
            |p| json!({ "nines": p.nines, "availability": p.availability }),
        );
        return with(
            section(c),
            json!({
                "slo": report.target.canonical,
                // `at`, `at-edge` (beyond the searched 0..=12 nines: the
                // figures are the nearest end's), or why there is none.
                "optimum_state": c.optimum_state,
                "optimum": optimum,
                // As given (the report's display states the amount used).
                "tolerable_loss_per_year": tolerable_loss,
            }),
            &["curve"],
        );
    }
    let d = &c.display;
    let rows = [
        [
            "Engineering cost a year".to_string(),
            d.engineering_cost_at_target.clone(),
        ],
        [
            "Revenue at risk a year".into(),
            d.revenue_at_risk_at_target.clone(),
        ],
        ["Total cost a year".into(), d.total_cost_at_target.clone()],
        [
            "With on-call".into(),
            format!(
                "{} (plus {})",
                d.total_with_on_call_at_target, d.on_call_cost
            ),
        ],
        [
            "Lost per minute of downtime".into(),
            d.loss_per_downtime_minute_stated.clone(),
        ],
        [
            "Cheapest target on revenue alone".into(),
            c.optimum_display.clone(),
        ],
        [
            "Premium of the target over the cheapest".into(),
            d.target_premium.clone(),
        ],
        [
            format!("Target that loses at most {} a year", d.tolerable_loss),
            d.tolerable_loss_target.clone(),
        ],
    ];
    // The export's marginal table, its two levels in one column.
    let (_, steps) = columns(&marginal_cost_table(report), [0, 1, 2, 3, 4, 5]);
    let marginal: Vec<[String; 5]> = steps
        .into_iter()
        .map(|[from, to, extra, protected, net, worth]| {
            [format!("{from} → {to}"), extra, protected, net, worth]
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
