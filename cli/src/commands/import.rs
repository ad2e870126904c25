//! `nines import FILE`: a Sloth spec, a Pyrra `ServiceLevelObjective` or an
//! OpenSLO `SLO` read into a scenario by the core's `import` (issue 17 §4):
//! what it read, what it could not carry, and the scenario's link. `-`
//! reads standard input.

use std::io::Read;

use nines_core::choice::Choice;
use nines_core::import::{import, Imported};
use serde_json::json;

use crate::args::Args;

pub(super) fn run(args: &Args, json: bool) -> Result<String, String> {
    args.only(&["--link"])?;
    let link = match args.values("--link") {
        None => false,
        Some([]) => true,
        Some(_) => return Err("--link takes no value".into()),
    };
    let file = match args.positionals() {
        [file] => file.as_str(),
        [] => return Err("missing FILE: the spec to import (- reads standard input)".into()),
        _ => return Err("import reads one FILE (- reads standard input)".into()),
    };
    let text = read(file)?;
    let imported = import(&text).map_err(|e| match e.line {
        Some(line) => format!("{file}:{line}: {}", e.message),
        None => format!("{file}: {}", e.message),
    })?;
    let encoded = nines_core::link::encode(&imported.scenario);
    if link {
        return Ok(encoded);
    }
    Ok(if json {
        render_json(&imported, &encoded)
    } else {
        render_text(&imported, file, &encoded)
    })
}

fn read(file: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    let result = if file == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(file).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
    };
    let name = if file == "-" { "standard input" } else { file };
    result.map_err(|e| format!("cannot read {name}: {e}"))?;
    String::from_utf8(bytes).map_err(|_| format!("{name}: not UTF-8 text; a YAML spec is expected"))
}

fn render_json(i: &Imported, link: &str) -> String {
    let s = &i.scenario;
    let value = json!({
        "format": i.format,
        "target": s.target.to_string(),
        "window": s.slo_window.id(),
        "alignment": s.budget.alignment.choice_id(),
        "utc_offset": s.budget.utc_offset.to_string(),
        "convention": s.convention.id(),
        "budget_mode": s.budget.mode.choice_id(),
        "policy": s.alerts.policy.choice_id(),
        "alerts": i.alert_lines(),
        "service": s.production.service,
        "requests": s.production.requests,
        "errors": s.production.errors,
        "assumed": i.assumed,
        "not_carried": i.not_carried,
        "link": link,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

fn render_text(i: &Imported, file: &str, link: &str) -> String {
    format!(
        "Imported {} from {file}\n{}\nLink: ?{link}",
        i.format,
        i.describe()
    )
}
