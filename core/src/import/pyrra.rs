//! Pyrra's `ServiceLevelObjective` (`pyrra.dev/v1alpha1`).

use super::read::{Out, Reader, Source, error, line_of, plain_text};
use super::values::{percent, prometheus_window, series, service_of, slo_name};
use super::{Doc, ImportError};
use crate::alerts::PolicyChoice;
use crate::budget::BudgetMode;
use crate::production::Counted;
use crate::scenario::Scenario;

pub(super) fn pyrra(
    doc: &Doc<'_, '_>,
    src: &Source<'_>,
    out: &mut Out,
) -> Result<(Scenario, &'static str), ImportError> {
    let mut s = Scenario::default();
    let mut r = Reader::new(doc.node, String::new());
    r.take("apiVersion");
    r.take("kind");
    if let Some(name) = r.peek("metadata.name").and_then(plain_text) {
        s.production.service = service_of(&name);
        slo_name(&mut r, &mut s, "metadata.name", out);
    }
    let Some(target) = r.peek("spec.target") else {
        return Err(error(
            r.line("spec").or(Some(line_of(doc.node))),
            "the ServiceLevelObjective has no spec.target: expected a percentage above 0 and at \
             most 100, like target: \"99.9\"",
        ));
    };
    s.target = percent(
        &src.text(target).unwrap_or_default(),
        "the target",
        Some(line_of(target)),
    )?;
    r.take("spec.target");
    let Some(window) = r.peek("spec.window").and_then(plain_text) else {
        return Err(error(
            r.line("spec"),
            "the ServiceLevelObjective has no spec.window: expected a Prometheus duration, like \
             window: 28d",
        ));
    };
    prometheus_window(&mut s, &window, "the window", r.line("spec.window"))?;
    r.take("spec.window");
    if r.peek("spec.indicator.ratio").is_some() {
        series(
            &mut r,
            &mut s,
            ("spec.indicator.ratio.errors.metric", Counted::Bad),
            "spec.indicator.ratio.total.metric",
            true,
            out,
        );
    } else {
        r.not_carried(
            "spec.indicator",
            "not a ratio indicator: Nines' indicator is the ratio of bad to all requests",
            out,
        );
    }
    s.alerts.policy = PolicyChoice::Pyrra;
    s.budget.mode = BudgetMode::Requests;
    out.assumed
        .push("the alert windows: Pyrra's own, scaled to the window".to_string());
    r.leftovers(out);
    Ok((s, "Pyrra ServiceLevelObjective (pyrra.dev/v1alpha1)"))
}
