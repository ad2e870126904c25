//! Sloth's spec (`version: "prometheus/v1"`) and its `AlertWindows`.

use std::collections::BTreeSet;

use super::read::{Out, Reader, Source, error, get, items, line_of, plain_text};
use super::values::{percent, prometheus_ms, prometheus_window, series};
use super::{Doc, ImportError, Kind};
use crate::alerts::{AlertPolicy, BurnAlert, PolicyChoice};
use crate::budget::BudgetMode;
use crate::scenario::Scenario;
use crate::window::Period;

pub(super) fn sloth(
    docs: &[Doc<'_, '_>],
    main: usize,
    src: &Source<'_>,
    used_docs: &mut BTreeSet<usize>,
    out: &mut Out,
) -> Result<(Scenario, &'static str), ImportError> {
    let mut s = Scenario::default();
    let mut r = Reader::new(docs[main].node, String::new());
    r.take("version");
    if let Some(service) = r.take("service").and_then(plain_text) {
        s.production.service = service.trim().to_string();
    }
    let slos = r.peek("slos").and_then(items).unwrap_or_default();
    if slos.is_empty() {
        return Err(error(
            r.line("slos").or(Some(line_of(docs[main].node))),
            "expected slos: a list with at least one SLO and its objective (a percentage, like \
             objective: 99.9)",
        ));
    }
    let Some(objective) = r.peek("slos[0].objective") else {
        return Err(error(
            r.line("slos[0]"),
            "the SLO has no objective: expected objective: a percentage above 0 and at most 100, \
             like 99.9",
        ));
    };
    let text = src.text(objective).unwrap_or_default();
    s.target = percent(&text, "the objective", Some(line_of(objective)))?;
    r.take("slos[0].objective");
    for i in 1..slos.len() {
        r.not_carried(
            &format!("slos[{i}]"),
            "another SLO: only the first is imported",
            out,
        );
    }
    r.take_if("slos[0].name", "requests-availability");
    series(
        &mut r,
        &mut s,
        "slos[0].sli.events.error_query",
        "slos[0].sli.events.total_query",
        false,
        out,
    );
    r.take_if("slos[0].alerting.name", "ErrorBudgetBurn");
    r.take_if("slos[0].alerting.labels.category", "availability");
    r.take_if("slos[0].alerting.page_alert.labels.severity", "page");
    r.take_if("slos[0].alerting.ticket_alert.labels.severity", "ticket");
    s.budget.mode = BudgetMode::Requests;

    // The period: Sloth's --default-slo-period (Nines writes it in the
    // header comment), else the AlertWindows' sloPeriod, else 30 days.
    let flag = default_period_flag(src.text);
    let windows: Vec<usize> = (0..docs.len())
        .filter(|&i| docs[i].kind == Kind::SlothWindows)
        .collect();
    let period_of = |i: usize| {
        get(docs[i].node, "spec")
            .and_then(|s| get(s, "sloPeriod"))
            .and_then(plain_text)
    };
    let chosen = match &flag {
        Some(f) => windows
            .iter()
            .copied()
            .find(|&i| period_of(i).and_then(|p| prometheus_ms(&p)) == prometheus_ms(f)),
        None => windows.first().copied(),
    };
    let mut format = "Sloth spec (prometheus/v1)";
    match (&flag, chosen) {
        (_, Some(w)) => {
            used_docs.insert(w);
            format = "Sloth spec (prometheus/v1) with its AlertWindows";
            alert_windows(&docs[w], &mut s, out)?;
        }
        (Some(f), None) => {
            prometheus_window(&mut s, f, "the --default-slo-period", None)?;
            s.alerts.policy = PolicyChoice::Sloth;
        }
        (None, None) => {
            s.slo_window = Period::Days(30);
            s.alerts.policy = PolicyChoice::Sloth;
            out.assumed
                .push("the SLO window: Sloth's default period, 30 days".to_string());
        }
    }
    if s.alerts.policy == PolicyChoice::Sloth {
        out.assumed
            .push("the alert windows: Sloth's defaults for the period".to_string());
    }
    r.leftovers(out);
    Ok((s, format))
}

/// `--default-slo-period=28d` in a comment line, as Nines' Sloth export
/// writes the command to run.
pub(super) fn default_period_flag(text: &str) -> Option<String> {
    text.lines()
        .filter(|l| l.trim_start().starts_with('#'))
        .find_map(|l| {
            let (_, rest) = l.split_once("--default-slo-period=")?;
            let p: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            (!p.is_empty()).then_some(p)
        })
}

/// A Sloth `AlertWindows` document: the period and a custom policy of its
/// four alerts (Sloth's own when they are Sloth's defaults).
pub(super) fn alert_windows(
    doc: &Doc<'_, '_>,
    s: &mut Scenario,
    out: &mut Out,
) -> Result<(), ImportError> {
    let mut r = Reader::new(
        doc.node,
        format!("AlertWindows (document {}): ", doc.number),
    );
    r.take("apiVersion");
    r.take("kind");
    let period = r
        .peek("spec.sloPeriod")
        .and_then(plain_text)
        .ok_or_else(|| {
            error(
                r.line("spec").or(Some(line_of(doc.node))),
                "the AlertWindows has no spec.sloPeriod: expected a Prometheus duration, like 30d",
            )
        })?;
    prometheus_window(s, &period, "the sloPeriod", r.line("spec.sloPeriod"))?;
    r.take("spec.sloPeriod");
    let mut rows = Vec::new();
    for name in ["page", "ticket"] {
        for speed in ["quick", "slow"] {
            let base = format!("spec.{name}.{speed}");
            let field =
                |r: &Reader<'_, '_>, f: &str| r.peek(&format!("{base}.{f}")).and_then(plain_text);
            let line = r.line(&base).or(r.line("spec"));
            let expect = format!(
                "expected {base} with errorBudgetPercent (like 2), shortWindow and longWindow \
                 (Prometheus durations, like 5m and 1h)"
            );
            let (Some(pct), Some(short), Some(long)) = (
                field(&r, "errorBudgetPercent"),
                field(&r, "shortWindow"),
                field(&r, "longWindow"),
            ) else {
                return Err(error(line, expect));
            };
            let alert: BurnAlert = format!("{name} {}% {long} {short}", pct.trim())
                .parse()
                .map_err(|e: String| error(line, format!("{e}; {expect}")))?;
            for f in ["errorBudgetPercent", "shortWindow", "longWindow"] {
                r.take(&format!("{base}.{f}"));
            }
            rows.push(alert);
        }
    }
    let period = s.slo_window.seconds(s.convention);
    if rows == AlertPolicy::sloth(period).alerts {
        s.alerts.policy = PolicyChoice::Sloth;
    } else {
        s.alerts.policy = PolicyChoice::Custom;
        s.alerts.custom = rows;
    }
    r.leftovers(out);
    Ok(())
}
