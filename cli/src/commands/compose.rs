//! `nines compose`: the availability of components in series, in parallel
//! or k-of-n, and (with `--service`) what they leave to the service.

use nines_core::amount::Count;
use nines_core::dependency::Composition;
use nines_core::quantity::Availability;
use nines_core::scenario::{evaluate, Report, Scenario};
use serde_json::{json, Value};

use super::{availability_text, convention, limit_json, option, slo_named, window};
use crate::args::Args;

const SHAPES: &str = "--serial <a> <b> …, --parallel <a> <b> … or --k-of-n K <a> <b> …";

/// The composition is the scenario's single critical dependency, so every
/// figure is the core's dependency section.
pub(super) fn run(args: &Args, json: bool) -> Result<String, String> {
    args.only(&[
        "--serial",
        "--parallel",
        "--k-of-n",
        "--service",
        "--window",
        "--outages",
        "--convention",
    ])?;
    let given: Vec<&str> = ["--serial", "--parallel", "--k-of-n"]
        .into_iter()
        .filter(|name| args.values(name).is_some())
        .collect();
    let composition = match given.as_slice() {
        ["--serial"] => Composition::Serial(components(args, "--serial", 0)?),
        ["--parallel"] => Composition::Parallel(components(args, "--parallel", 0)?),
        ["--k-of-n"] => {
            let values = args.values("--k-of-n").unwrap_or_default();
            let k = values
                .first()
                .and_then(|k| k.parse::<usize>().ok())
                .ok_or_else(|| {
                    "--k-of-n: K must come first, a whole number: --k-of-n 2 99.9 99.9 99.9"
                        .to_string()
                })?;
            Composition::KOfN {
                k,
                of: components(args, "--k-of-n", 1)?,
            }
        }
        [] => return Err(format!("missing the components: {SHAPES}")),
        _ => return Err(format!("give one of {SHAPES}, not several")),
    };
    let service = slo_named(args, "--service")?;
    let mut scenario = Scenario {
        convention: convention(args)?,
        slo_window: window(args)?,
        ..Scenario::default()
    };
    if let Some(target) = service {
        scenario.target = target;
    }
    scenario.dependencies.dependencies = vec![composition];
    if let Some(outages) = option(args, "--outages", Count::parse)? {
        scenario.dependencies.outages_per_year = outages.to_f64();
    }
    let report = evaluate(&scenario, nines_core::budget::STORY_NOW);
    if let Some(note) = report.dependencies.notes.first() {
        return Err(format!("compose: {note}"));
    }
    let outages = service.map(|_| scenario.dependencies.outages_per_year);
    Ok(render(&report, outages, json))
}

/// The availabilities after the option's first `skip` values, each a
/// component named by what was typed.
fn components(args: &Args, name: &str, skip: usize) -> Result<Vec<Composition>, String> {
    let values = args.values(name).unwrap_or_default();
    let values = values.get(skip..).unwrap_or_default();
    if values.is_empty() {
        return Err(format!(
            "{name} needs at least one availability, e.g. {name} {}99.9 99.9",
            if skip > 0 { "2 " } else { "" }
        ));
    }
    values
        .iter()
        .map(|v| {
            Availability::parse(v)
                .map(|a| Composition::component(v.as_str(), a.unavailability()))
                .map_err(|e| format!("{name}: {e}"))
        })
        .collect()
}

/// `outages`: the own outages a year the detect-and-recover bound assumes,
/// when a service target was given.
fn render(report: &Report, outages: Option<f64>, json: bool) -> String {
    let d = &report.dependencies;
    let whole = Availability::from_unavailability(d.dependencies_unavailability).ok();
    let name = d
        .extra_nine
        .first()
        .map_or_else(String::new, |c| c.name.clone());
    if json {
        let service = outages.map(|outages| {
            json!({
                "target": report.target.canonical,
                "unavailability": report.target.unavailability,
                "own_unavailability": d.own_unavailability,
                "own_unavailability_exact": d.own_unavailability_exact,
                "dependencies_budget_share": d.dependencies_budget_share,
                "own_budget_per_window_seconds": d.own_budget_per_window_seconds,
                "own_budget_per_year_seconds": d.own_budget_per_year_seconds,
                "window": report.budget.window,
                "convention": report.target.convention_id,
                "dependencies_break_target": d.dependencies_break_target,
                "outages_per_year": outages,
                "max_detect_and_recover_seconds": limit_json(d.max_detect_and_recover_seconds),
                "meets_extra_nine": d.extra_nine.first().map(|c| c.meets_rule),
                "required_nines": d.extra_nine.first().and_then(|c| c.required_nines),
                "summary": d.summary,
            })
        });
        return json!({
            "composition": name,
            "availability": whole.map(|a| a.percent()),
            "availability_display": availability_text(d.dependencies_unavailability),
            "unavailability": d.dependencies_unavailability,
            "availability_fraction": d.dependencies_availability,
            "nines": d.dependencies_nines,
            "service": service.unwrap_or(Value::Null),
            "correlation_warning": d.correlation_warning,
        })
        .to_string();
    }
    let mut out = format!(
        "{name}\nAvailability {} ({})",
        availability_text(d.dependencies_unavailability),
        whole.map_or_else(|| "—".into(), |a| a.format_nines()),
    );
    if outages.is_some() {
        out.push_str(&format!(
            "\nService target {}: {}",
            report.target.availability_percent, d.summary
        ));
    }
    out.push_str(&format!("\n{}", d.correlation_warning));
    out
}
