//! `nines reverse`: the availability a downtime per period gives.

use std::str::FromStr;

use nines_core::duration::parse_duration;
use nines_core::scenario::{evaluate, Report, Scenario};
use nines_core::window::Period;
use serde_json::json;

use super::{convention, positional, section, with};
use crate::args::Args;

/// `nines reverse <duration> --per <period>`.
pub(super) fn run(args: &Args, json: bool) -> Result<String, String> {
    Ok(render(&report(args)?, json))
}

/// The downtime (the positional) per `--per` period; what the core cannot
/// turn into an availability is refused with its reason.
fn report(args: &Args) -> Result<Report, String> {
    let downtime = parse_duration(&positional(args, "<duration>, e.g. 4h")?)
        .map_err(|e| format!("duration: {e}"))?;
    let period = match args.value("--per")? {
        Some(p) => Period::from_str(p).map_err(|e| format!("--per: {e}"))?,
        None => return Err("missing --per <day|week|month|quarter|year|Nd>".into()),
    };
    let mut scenario = Scenario {
        convention: convention(args)?,
        ..Scenario::default()
    };
    scenario.reverse.downtime_seconds = downtime;
    scenario.reverse.period = period;
    let report = evaluate(&scenario, nines_core::budget::STORY_NOW);
    if let Some(error) = &report.reverse.error {
        return Err(format!("reverse: {error}"));
    }
    Ok(report)
}

/// The availability the downtime gives, in words or JSON.
fn render(report: &Report, json: bool) -> String {
    let r = &report.reverse;
    if json {
        return with(
            section(r),
            json!({
                "per": r.period,
                // The availability (as `nines downtime` writes it).
                "availability": r.availability_percent,
                "availability_display": r.availability_percent,
                "convention": report.target.convention_id,
            }),
            // `meets_target` compares with a target this command does not
            // take; `error` is refused before.
            &["period", "availability_percent", "meets_target", "error"],
        );
    }
    format!(
        "{} {} → availability {} ({})\n{}",
        r.downtime_display,
        r.period_label,
        r.availability_percent.as_deref().unwrap_or("—"),
        r.nines_display.as_deref().unwrap_or("—"),
        r.period_description
    )
}
