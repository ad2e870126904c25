//! `nines compose`: the availability of components in series, in parallel
//! or k-of-n, and (with `--service`) what they leave to the service.

use nines_core::amount::Count;
use nines_core::bounds::List;
use nines_core::dependency::{parse_scope, Composition};
use nines_core::quantity::Availability;
use nines_core::scenario::{evaluate, Report, Scenario};
use serde_json::{json, Value};

use super::{convention, limit_json, option, section, slo_named, window, write_json};
use crate::args::Args;

const SHAPES: &str = "--serial <a> <b> …, --parallel <a> <b> … or --k-of-n K <a> <b> …";

/// The composition is the scenario's single critical dependency, so every
/// figure is the core's dependency section.
pub(super) fn run(args: &Args, json: bool) -> Result<String, String> {
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
    // The core's rules for a group (K between 1 and the members, …), named
    // after the option that broke them.
    composition
        .unavailability()
        .map_err(|e| format!("{}: {e}", given[0]))?;
    let name = composition.name();
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
        // The service's own outages are the incident model's rate.
        scenario.incidents.incidents_per_year = outages.to_f64();
    }
    // The share of users each of those outages reaches: the incident
    // model's scope (one scope for all its incidents). Here 100% unless given, as
    // "The Calculus of Service Availability" counts full outages.
    scenario.incidents.scope = option(args, "--outage-scope", parse_scope)?.unwrap_or(1.0);
    // The share of the service's users an outage of the composition
    // reaches (most outages touch only some users): it counts × this share in the service's
    // figures; the composition's own availability is shown as it is.
    let scope = option(args, "--scope", parse_scope)?;
    if scope.is_some() && service.is_none() {
        return Err(
            "--scope: an outage scope only changes what the composition costs a service; give --service <target> too"
                .to_string(),
        );
    }
    let report = evaluate(&scenario, nines_core::budget::STORY_NOW);
    if let Some(note) = report.dependencies.notes.first() {
        return Err(format!("compose: {note}"));
    }
    let scoped = match scope {
        Some(x) => {
            scenario
                .dependencies
                .set_scope(0, x)
                .map_err(|e| format!("--scope: {e}"))?;
            Some(evaluate(&scenario, nines_core::budget::STORY_NOW))
        }
        None => None,
    };
    let outages = service.map(|_| scenario.incidents.incidents_per_year);
    Ok(render(&report, scoped.as_ref(), &name, outages, json))
}

/// The availabilities after the option's first `skip` values, each a
/// component named by what was typed.
fn components(args: &Args, name: &str, skip: usize) -> Result<Vec<Composition>, String> {
    let values = args.values(name).unwrap_or_default();
    let values = values.get(skip..).unwrap_or_default();
    // The members of one group: at most what Nines holds (every input is
    // bounded), counted before any is read.
    if !List::Members.holds(values.len()) {
        return Err(List::Members.refusal(name, values.len()));
    }
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

/// `name`: the composition as typed (`all of (99.9, 99.9)`); `outages`:
/// the own outages a year the detect-and-recover bound assumes, when a
/// service target was given; `scoped`: the report with the composition's
/// outage scope (`--scope`), whose dependency section the service's
/// figures come from. Every figure is the core's dependency section,
/// written for people there (`display`).
fn render(
    report: &Report,
    scoped: Option<&Report>,
    name: &str,
    outages: Option<f64>,
    json: bool,
) -> String {
    let d = &report.dependencies;
    let sd = &scoped.unwrap_or(report).dependencies;
    if json {
        // The service's figures: the core's section (its own names, the
        // checks of the rule of the extra nine, `display`), with the fields
        // earlier versions wrote set over it.
        let service = outages.map(|outages| {
            let mut fields = section(sd);
            fields.remove("correlation_warning");
            fields.extend(
                json!({
                    "target": report.target.canonical,
                    "unavailability": report.target.unavailability,
                    "window": report.budget.window,
                    "convention": report.target.convention_id,
                    "outages_per_year": outages,
                    "max_detect_and_recover_seconds": limit_json(sd.max_detect_and_recover_seconds),
                    "required_nines": sd.extra_nine.first().and_then(|c| c.required_nines),
                    "scope": sd.extra_nine.first().map_or(1.0, |c| c.scope),
                })
                .as_object()
                .cloned()
                .unwrap_or_default(),
            );
            Value::Object(fields)
        });
        let whole = Availability::from_unavailability(d.dependencies_unavailability).ok();
        return write_json(json!({
            "composition": name,
            "availability": whole.map(|a| a.percent()),
            "availability_display": d.display.dependencies_availability,
            "nines_display": d.display.dependencies_nines,
            "unavailability": d.dependencies_unavailability,
            "availability_fraction": d.dependencies_availability,
            "nines": d.dependencies_nines,
            "service": service.unwrap_or(Value::Null),
            "correlation_warning": d.correlation_warning,
        }));
    }
    let mut out = format!(
        "{name}\nAvailability {} ({})",
        d.display.dependencies_availability, d.display.dependencies_nines,
    );
    if outages.is_some() {
        if scoped.is_some() {
            out.push_str(&format!(
                "\n{} as the service's users see it (its outages reach only part of them)",
                sd.display.dependencies_availability
            ));
        }
        out.push_str(&format!(
            "\nService target {}: {}\n{}",
            report.target.availability_percent, sd.summary, sd.display.extra_nine
        ));
    }
    out.push_str(&format!("\n{}", d.correlation_warning));
    out
}
