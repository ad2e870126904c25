//! Everything out at once: an export of every service of a portfolio in
//! one file, each service's part written by the one dispatch of the
//! exports ([`crate::download::write`]) from its scenario as the estate
//! evaluates it (its dependencies on other services at their figures), so
//! each is what that service's own export from its row's link would be. The SLO documents (Sloth, OpenSLO, Pyrra) are one
//! YAML document a service, separated by `---` as their tools read
//! several; the error-budget policies one Markdown document a service,
//! separated by a rule; the Prometheus rules one file of groups
//! ([`super::estate_rules`]).
//!
//! Each service must have its own production names: two services with the
//! same `service` and `slo` would write rules and SLOs of the same name
//! that select the same series, so they are refused, naming both.

use super::{Portfolio, evaluated};
use crate::clock::{DateTime, Utc};
use crate::import::NAME_CHARS;
use crate::quote::quoted;
use crate::scenario::{Report, Scenario};

/// The exports written for a whole portfolio, by name, with what each is.
pub const ESTATE_EXPORTS: [(&str, &str); 5] = [
    ("rules", "Prometheus rules"),
    ("sloth", "Sloth specs"),
    ("openslo", "OpenSLO SLOs"),
    ("pyrra", "Pyrra ServiceLevelObjectives"),
    ("policy-md", "error-budget policies (Markdown)"),
];

/// The export `what` of every service of `p` at `now`, or why not.
///
/// ```
/// use nines_core::portfolio::{example, exports::estate_export};
/// let sloth = estate_export("sloth", &example(), nines_core::budget::STORY_NOW).unwrap();
/// assert_eq!(sloth.matches("\n---\n").count(), 4);
/// assert!(estate_export("table", &example(), nines_core::budget::STORY_NOW).is_err());
/// ```
pub fn estate_export(what: &str, p: &Portfolio, now: DateTime<Utc>) -> Result<String, String> {
    let Some((_, title)) = ESTATE_EXPORTS.iter().find(|(name, _)| *name == what) else {
        return Err(format!(
            "{} is written one service at a time; for the whole portfolio: {}",
            quoted(what, NAME_CHARS),
            ESTATE_EXPORTS.map(|(name, _)| name).join(", ")
        ));
    };
    if what == "rules" {
        return super::estate_rules(p, now);
    }
    let evaluated = evaluated(p, now)?;
    distinct_production_names(p, &evaluated)?;
    let markdown = what == "policy-md";
    let mut out = if markdown {
        String::new()
    } else {
        format!(
            "# The {title} of the portfolio {}: {} services, one document each.\n",
            quoted(&p.name, NAME_CHARS),
            p.services.len()
        )
    };
    for (i, (service, (s, r))) in p.services.iter().zip(&evaluated).enumerate() {
        let document = crate::download::write(what, s, r, 0, "")
            .map_err(|e| format!("{}: {e}", quoted(&service.name, NAME_CHARS)))?;
        if markdown {
            if i > 0 {
                out.push_str("\n---\n\n");
            }
        } else {
            out.push_str("---\n");
        }
        out.push_str(&document);
        if !document.ends_with('\n') {
            out.push('\n');
        }
    }
    Ok(out)
}

/// The file the estate's export `what` downloads as, and its media type:
/// the portfolio's name made safe for a file name, then what it holds
/// (`shop-sloth.yaml`, `shop-policies.md`).
///
/// ```
/// use nines_core::portfolio::exports::estate_file;
/// assert_eq!(estate_file("rules", "my shop"), ("my-shop-rules.yaml".to_string(), "application/yaml"));
/// assert_eq!(estate_file("policy-md", ""), ("nines-policies.md".to_string(), "text/markdown"));
/// ```
pub fn estate_file(what: &str, portfolio: &str) -> (String, &'static str) {
    let stem = crate::export::file_stem(portfolio);
    match what {
        "policy-md" => (format!("{stem}-policies.md"), "text/markdown"),
        _ => (format!("{stem}-{what}.yaml"), "application/yaml"),
    }
}

/// Refuse two services with the same production `service` and `slo`.
pub(super) fn distinct_production_names(
    p: &Portfolio,
    evaluated: &[(Scenario, Report)],
) -> Result<(), String> {
    for (i, (s, _)) in evaluated.iter().enumerate() {
        let labels = (&s.production.service, &s.production.slo);
        if let Some(other) = evaluated[..i]
            .iter()
            .position(|(t, _)| (&t.production.service, &t.production.slo) == labels)
        {
            return Err(format!(
                "{} and {} both write rules for the service {}'s SLO {}: give each its own production names",
                quoted(&p.services[other].name, NAME_CHARS),
                quoted(&p.services[i].name, NAME_CHARS),
                quoted(labels.0, NAME_CHARS),
                quoted(labels.1, NAME_CHARS)
            ));
        }
    }
    Ok(())
}
