//! Sloth's spec (`version: "prometheus/v1"`) and its `AlertWindows`.

use std::collections::BTreeSet;

use super::read::{Out, Reader, Source, error, get, items, line_of, plain_text};
use super::values::{percent, prometheus_ms, prometheus_window, series};
use super::{Doc, ImportError, Kind};
use crate::alerts::{AlertPolicy, BurnAlert, PolicyChoice};
use crate::budget::BudgetMode;
use crate::production::Counted;
use crate::scenario::Scenario;
use crate::window::Period;

/// Sloth's two forms of one spec: the plain one (`version:
/// "prometheus/v1"`, snake_case keys) and the Kubernetes resource
/// (`kind: PrometheusServiceLevel`, the spec under `spec:`, camelCase keys;
/// `pkg/kubernetes/api/sloth/v1/types.go`).
struct Form {
    base: &'static str,
    error_query: &'static str,
    total_query: &'static str,
    page_alert: &'static str,
    ticket_alert: &'static str,
    format: &'static str,
    with_windows: &'static str,
}

const PLAIN: Form = Form {
    base: "",
    error_query: "error_query",
    total_query: "total_query",
    page_alert: "page_alert",
    ticket_alert: "ticket_alert",
    format: "Sloth spec (prometheus/v1)",
    with_windows: "Sloth spec (prometheus/v1) with its AlertWindows",
};

const K8S: Form = Form {
    base: "spec.",
    error_query: "errorQuery",
    total_query: "totalQuery",
    page_alert: "pageAlert",
    ticket_alert: "ticketAlert",
    format: "Sloth PrometheusServiceLevel (sloth.slok.dev/v1)",
    with_windows: "Sloth PrometheusServiceLevel (sloth.slok.dev/v1) with its AlertWindows",
};

/// The SLO `k` of a Sloth spec (either form), checked as Sloth checks
/// every SLO (`pkg/common/validation/slo.go`): an objective in (0, 100], a
/// service and a name of Sloth's form, one SLI type, and an alert name
/// unless both alerts are disabled.
pub(super) fn sloth(
    docs: &[Doc<'_, '_>],
    main: usize,
    k: usize,
    src: &Source<'_>,
    used_docs: &mut BTreeSet<usize>,
    out: &mut Out,
) -> Result<(Scenario, &'static str), ImportError> {
    let form = if docs[main].kind == Kind::SlothK8s {
        &K8S
    } else {
        &PLAIN
    };
    let mut s = Scenario::default();
    let mut r = Reader::new(docs[main].node, String::new());
    for key in ["version", "apiVersion", "kind"] {
        r.take(key);
    }
    let at = |rest: &str| format!("{}{rest}", form.base);
    let slo = |rest: &str| format!("{}slos[{k}]{rest}", form.base);
    let slos = r.peek(&at("slos")).and_then(items).unwrap_or_default();
    if slos.is_empty() {
        return Err(error(
            r.line(&at("slos")).or(Some(line_of(docs[main].node))),
            format!(
                "expected {}slos: a list with at least one SLO and its objective (a percentage, \
                 like objective: 99.9)",
                form.base
            ),
        ));
    }
    let Some(objective) = r.peek(&slo(".objective")) else {
        return Err(error(
            r.line(&slo("")),
            "the SLO has no objective: expected objective: a percentage above 0 and at most 100, \
             like 99.9",
        ));
    };
    let text = src.text(objective).unwrap_or_default();
    s.target = percent(&text, "the objective", Some(line_of(objective)))?;
    r.take(&slo(".objective"));
    let line = r.line(&slo("")).or(Some(line_of(docs[main].node)));
    let service = sloth_name(&r, &at("service"), "the service", line)?;
    s.production.service = service;
    r.take(&at("service"));
    s.production.slo = sloth_name(&r, &slo(".name"), "the SLO's name", line)?;
    r.take(&slo(".name"));
    for i in (0..slos.len()).filter(|&i| i != k) {
        r.not_carried(
            &at(&format!("slos[{i}]")),
            "another SLO: one SLO is imported at a time, chosen by its name",
            out,
        );
    }
    sli_type(&r, &slo(".sli"), line)?;
    let events = slo(".sli.events");
    series(
        &mut r,
        &mut s,
        (&format!("{events}.{}", form.error_query), Counted::Bad),
        &format!("{events}.{}", form.total_query),
        false,
        out,
    );
    alerting(&mut r, &mut s, &slo(".alerting"), form, line)?;
    s.budget.mode = BudgetMode::Requests;

    let format = period(docs, src, form, &mut s, used_docs, out)?;
    r.leftovers(out);
    Ok((s, format))
}

/// The period and the alert windows: Sloth's --default-slo-period (Nines
/// writes it in the header comment), else the AlertWindows' sloPeriod,
/// else 30 days; the format's name, with its AlertWindows when read.
fn period(
    docs: &[Doc<'_, '_>],
    src: &Source<'_>,
    form: &Form,
    s: &mut Scenario,
    used_docs: &mut BTreeSet<usize>,
    out: &mut Out,
) -> Result<&'static str, ImportError> {
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
    let mut format = form.format;
    match (&flag, chosen) {
        (_, Some(w)) => {
            used_docs.insert(w);
            format = form.with_windows;
            alert_windows(&docs[w], s, out)?;
        }
        (Some(f), None) => {
            prometheus_window(s, f, "the --default-slo-period", None)?;
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
    Ok(format)
}

/// A name Sloth accepts (`pkg/common/conventions`, `NameRegexp`:
/// `^[A-Za-z0-9][-A-Za-z0-9_.]*[A-Za-z0-9]$`), read at `path`.
fn sloth_name(
    r: &Reader<'_, '_>,
    path: &str,
    what: &str,
    line: Option<usize>,
) -> Result<String, ImportError> {
    let name = r.peek(path).and_then(plain_text).unwrap_or_default();
    let b = name.as_bytes();
    let inner = |c: &u8| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.');
    let ok = b.len() >= 2
        && b[0].is_ascii_alphanumeric()
        && b[b.len() - 1].is_ascii_alphanumeric()
        && b.iter().all(inner);
    if ok {
        return Ok(name);
    }
    let found = if name.is_empty() {
        "is missing or empty".to_string()
    } else {
        format!("{name:?} is not a name Sloth accepts")
    };
    Err(error(
        r.line(path).or(line),
        format!(
            "{what} {found}: expected ASCII letters, digits, '-', '_' and '.', starting and \
             ending with a letter or digit, at least two characters"
        ),
    ))
}

/// Sloth's rule: an SLI is exactly one of `events`, `raw` or `plugin`.
fn sli_type(r: &Reader<'_, '_>, sli: &str, line: Option<usize>) -> Result<(), ImportError> {
    let given: Vec<&str> = ["events", "raw", "plugin"]
        .into_iter()
        .filter(|t| r.peek(&format!("{sli}.{t}")).is_some())
        .collect();
    if given.len() == 1 {
        return Ok(());
    }
    let found = if given.is_empty() {
        "has none".to_string()
    } else {
        format!("has {}", given.join(" and "))
    };
    Err(error(
        r.line(sli).or(line),
        format!(
            "the SLO's sli {found}: expected exactly one of events (error and total queries), \
             raw (an error ratio query) or plugin"
        ),
    ))
}

/// The SLO's `alerting`: Sloth needs its name unless both the page and
/// the ticket alert are disabled; a disabled alert (`disable: true`) turns
/// that severity off in the scenario, so no export writes it; the names
/// and labels Nines' own export writes are taken as read.
fn alerting(
    r: &mut Reader<'_, '_>,
    s: &mut Scenario,
    at: &str,
    form: &Form,
    line: Option<usize>,
) -> Result<(), ImportError> {
    let disabled = |r: &Reader<'_, '_>, alert: &str| {
        r.peek(&format!("{at}.{alert}.disable"))
            .and_then(plain_text)
            .as_deref()
            == Some("true")
    };
    let name = r.peek(&format!("{at}.name")).and_then(plain_text);
    let both_off = disabled(r, form.page_alert) && disabled(r, form.ticket_alert);
    if !both_off && name.as_deref().is_none_or(|n| n.trim().is_empty()) {
        return Err(error(
            r.line(&format!("{at}.name")).or(r.line(at)).or(line),
            format!(
                "the SLO's alerting has no name: Sloth needs alerting.name (like \
                 MyServiceHighErrorRate) unless both {} and {} are disabled (disable: true)",
                form.page_alert, form.ticket_alert
            ),
        ));
    }
    for (alert, on) in [
        (form.page_alert, &mut s.alerts.page_alerts),
        (form.ticket_alert, &mut s.alerts.ticket_alerts),
    ] {
        if disabled(r, alert) {
            *on = false;
            r.take(&format!("{at}.{alert}.disable"));
        }
    }
    r.take_if(&format!("{at}.name"), "ErrorBudgetBurn");
    r.take_if(&format!("{at}.labels.category"), "availability");
    r.take_if(&format!("{at}.{}.labels.severity", form.page_alert), "page");
    r.take_if(
        &format!("{at}.{}.labels.severity", form.ticket_alert),
        "ticket",
    );
    Ok(())
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
    let mut r = Reader::new(doc.node, format!("AlertWindows ({}): ", doc.place()));
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
