//! `nines downtime`: the downtime a target allows per day, week, month,
//! quarter and year, inside the service hours and with planned maintenance.

use nines_core::export::downtime_table;
use nines_core::quantity::Availability;
use nines_core::scenario::{evaluate, Report, Scenario};
use nines_core::window::{PlannedMaintenance, ServiceHours};
use serde_json::{json, Map, Value};

use super::{check_maintenance, columns, convention, option, positional, section, table, with};
use crate::args::Args;

/// `nines downtime <target>`.
pub(super) fn run(args: &Args, json: bool) -> Result<String, String> {
    Ok(render(&report(args)?, json))
}

/// The target (the one positional) and its service hours and maintenance,
/// evaluated at the story's instant: downtime needs no clock.
fn report(args: &Args) -> Result<Report, String> {
    let target = Availability::parse(&positional(args, "<target>, e.g. 99.95")?)
        .map_err(|e| format!("target: {e}"))?;
    let scenario = Scenario {
        target,
        convention: convention(args)?,
        // Downtime counts only inside the service hours.
        service_hours: option(args, "--service-hours", str::parse::<ServiceHours>)?
            .unwrap_or_default(),
        // Planned maintenance, excluded from the target or counted in it.
        maintenance: option(args, "--maintenance", str::parse::<PlannedMaintenance>)?
            .unwrap_or_default(),
        ..Scenario::default()
    };
    check_maintenance(&scenario)?;
    Ok(evaluate(&scenario, nines_core::budget::STORY_NOW))
}

/// The downtime table (or its JSON) with the notes on service hours and
/// maintenance.
fn render(report: &Report, json: bool) -> String {
    let t = &report.target;
    if json {
        let seconds: Map<String, Value> = t
            .downtime
            .iter()
            .map(|row| (row.period.id(), json!(row.seconds)))
            .collect();
        let display: Map<String, Value> = t
            .downtime
            .iter()
            .map(|row| (row.period.id(), json!(row.display)))
            .collect();
        return with(
            section(t),
            json!({
                // The availability itself. The canonical text (`canonical`)
                // is the unavailability ratio (`1/3`) or the nines
                // (`3.5 nines`) when the percentage has no finite decimal
                // form.
                "availability": t.availability_percent,
                "availability_display": t.availability_percent,
                "convention": t.convention_id,
                "downtime_seconds": seconds,
                "downtime_display": display,
            }),
            // Written once, as `availability_display`, `convention` and the
            // two maps above; the chart's curve is the page's.
            &["availability_percent", "convention_id", "downtime", "curve"],
        );
    }
    // "100% (no downtime allowed)" already names the percentage.
    let nines = t
        .nines_display
        .strip_prefix(&format!("{} ", t.availability_percent))
        .map_or(format!("({})", t.nines_display), str::to_string);
    // The export's table without its seconds column.
    let (header, rows) = columns(&downtime_table(report), [0, 1]);
    // Service hours other than 24/7: downtime counts only inside them.
    let hours = if t.service_hours == "24/7" {
        String::new()
    } else {
        format!(
            "\nService hours: {}; downtime counts only inside them.",
            t.service_hours
        )
    };
    let maintenance = if t.maintenance == "no planned maintenance" {
        String::new()
    } else {
        format!("\nMaintenance: {}.", t.maintenance)
    };
    // Nothing left to measure, maintenance over the budget, per day.
    let notes: String = t.notes.iter().map(|n| format!("\n{n}")).collect();
    format!(
        "Availability {} {nines}\n{}\nConvention: {}. {}{hours}{maintenance}{notes}",
        t.availability_percent,
        table(header.each_ref().map(String::as_str), &rows),
        t.convention_label,
        t.rounding_note
    )
}
