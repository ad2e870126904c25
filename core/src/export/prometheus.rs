//! The alert policy as Prometheus recording and alerting rules, with
//! Sloth's metadata recording rules.

use super::*;
use crate::duration::format_duration;
use crate::production::ProductionInputs;
use crate::scenario::{AlertRow, Report};

/// Why [`prometheus_rules`] would refuse these inputs, without writing the
/// rules: what a page shows on every edit while the rules themselves are
/// written only when asked for.
///
/// ```
/// use nines_core::export::check_prometheus_rules;
/// use nines_core::scenario::{evaluate, Scenario};
/// let report = evaluate(&Scenario::default(), nines_core::budget::STORY_NOW);
/// use nines_core::production::ProductionInputs;
/// assert!(check_prometheus_rules(&report, &ProductionInputs::default()).is_ok());
/// let p = ProductionInputs { recording: "9lives".into(), ..ProductionInputs::default() };
/// let err = check_prometheus_rules(&report, &p).unwrap_err();
/// assert!(err.to_string().contains("metric"));
/// ```
pub fn check_prometheus_rules(report: &Report, p: &ProductionInputs) -> Result<(), ExportError> {
    if !is_metric_name(&p.recording) {
        return Err(invalid("metric", &p.recording, METRIC_ALLOWED));
    }
    check_label_value("service", &p.service)?;
    check_label_value("slo", &p.slo)?;
    p.check()
        .map_err(|(field, why)| ExportError::Selector { field, why })?;
    if report.target.unavailability <= 0.0 {
        return Err(ExportError::NoErrorBudget);
    }
    let a = &report.alerts;
    // Alerts turned off leave a policy with nothing to alert on, which is
    // asked for; a policy with no alerts at all is not.
    if a.rows.is_empty() && a.off.is_empty() {
        return Err(ExportError::Policy(
            a.error
                .clone()
                .unwrap_or_else(|| "the policy has no alerts".into()),
        ));
    }
    Ok(())
}

/// The alert policy as Prometheus rules (YAML) that stand alone: first the SLI's recording rules, then Sloth's metadata recording
/// rules, then one alerting rule per alert, as the SRE Workbook (ch. 5,
/// "Alerting on SLOs", approach 6 and Table 5-8) and Sloth write them.
///
/// **Recording rules** (group `<service>-slo-sli-recordings`), one per
/// window the alerts read (long and short) and one over the SLO period:
///
/// ```text
/// record: <recording><window>
/// expr: sum(rate(<errors>[<window>])) / sum(rate(<requests>[<window>]))
/// labels: {service: <service>, slo: <slo>, sloth_id: <service>-<slo>,
///          sloth_service: <service>, sloth_slo: <slo>}
/// ```
///
/// the ratio of bad to all requests over the window, from the two series
/// selectors of [`ProductionInputs`] (`recording = "slo:sli_error:ratio_rate"`
/// gives `slo:sli_error:ratio_rate5m`, `…1h`, Sloth's names). The period's
/// ratio is a plain `rate` over the period, as Sloth writes it with its
/// optimisation turned off (`disableOptimized`): exact, where Sloth's default
/// averages the 5-minute ratios.
///
/// **Metadata rules** (group `<service>-slo-meta-recordings`), the ones
/// Sloth's generator writes (github.com/slok/sloth,
/// `internal/plugin/slo/core/metadata_rules_v1`), with the same labels, so
/// that Sloth's Grafana dashboards read this SLO; `{id}` is
/// `{sloth_id="…", sloth_service="…", sloth_slo="…"}`:
///
/// ```text
/// slo:objective:ratio                     vector(<1 - U>)
/// slo:error_budget:ratio                  vector(1-<1 - U>)
/// slo:time_period:days                    vector(<period in days>)
/// slo:current_burn_rate:ratio             <recording><shortest window>{id}
///                                         / on(sloth_id, sloth_slo, sloth_service) group_left
///                                         slo:error_budget:ratio{id}
/// slo:period_burn_rate:ratio              the same over the period
/// slo:period_error_budget_remaining:ratio 1 - slo:period_burn_rate:ratio{id}
/// sloth_slo_info                          vector(1), also labelled sloth_version,
///                                         sloth_mode, sloth_spec (all naming Nines)
///                                         and sloth_objective (the SLO in percent)
/// ```
///
/// **Alerting rules**:
///
/// ```text
/// expr: (<recording><long>{service="<service>",slo="<slo>"} > (<burn>*<U>))
///       and (<recording><short>{…} > (<burn>*<U>))
/// ```
///
/// Each expression selects only this SLO's recorded series, by the
/// `service` and `slo` labels its recording rules carry, so that two
/// services' rule files (or two SLOs of one service) loaded into one
/// Prometheus never page each other. Each has `labels` (`severity:
/// page|ticket`, `service`, `slo`, and the windows,
/// so two alerts of one severity stay distinct), `for:` when the policy has
/// one (Pyrra), and `annotations` (a summary naming the service, burn rate
/// and windows; a description with the threshold, the budget share and
/// the SLO). Burn rates and `U` are written exactly, without floating-point
/// artefacts (`14.4*0.001`, never `14.400000000000002`). Warnings from the
/// report (alerts that can never fire, low traffic) are written as comments,
/// and when the target is not achievable the file's first line is a
/// comment saying so ([`not_achievable`]).
///
/// The service may be any name without the characters
/// [`crate::production::is_refused`] refuses (line breaks, the Unicode
/// ones too, control characters, noncharacters…); it is written as an
/// escaped YAML string everywhere, and as literal template text
/// ([`template_literal`]) where Prometheus evaluates templates: the
/// alerting rules' `service` label and their annotations. So a service
/// named `{{ $value }}` has the label `{{ "{{" }} $value }}` in the file,
/// which Prometheus renders as `{{ $value }}`; the recording rules, whose
/// labels are not templates, carry `{{ $value }}` as is, and the two
/// agree on every alert.
/// `tests/e2e/export.test.mjs` runs `promtool test rules` on the output:
/// with every request failing the page alert fires within the detection
/// time the page states, with errors at the SLO nothing fires, and at a
/// ticket-level error ratio only the ticket alert fires.
///
/// ```
/// use nines_core::export::prometheus_rules;
/// use nines_core::production::ProductionInputs;
/// use nines_core::scenario::{evaluate, Scenario};
/// let s: Scenario = serde_json::from_str(r#"{"target": "99.9%", "slo_window": "30d"}"#).unwrap();
/// let yaml = prometheus_rules(&evaluate(&s, nines_core::budget::STORY_NOW), &ProductionInputs::default()).unwrap();
/// assert!(yaml.contains("- record: slo:sli_error:ratio_rate5m"));
/// assert!(yaml.contains(r#"sum(rate(http_requests_total{service="checkout"}[5m]))"#));
/// let own = r#"{service="checkout",slo="availability"}"#;
/// assert!(yaml.contains(&format!("(slo:sli_error:ratio_rate1h{own} > (14.4*0.001))")));
/// assert!(yaml.contains(&format!("(slo:sli_error:ratio_rate5m{own} > (14.4*0.001))")));
/// assert!(yaml.contains("severity: page"));
/// assert!(yaml.contains("- record: slo:sli_error:ratio_rate30d"));
/// assert!(yaml.contains("- record: slo:objective:ratio\n        expr: vector(0.999)\n"));
/// ```
pub fn prometheus_rules(report: &Report, p: &ProductionInputs) -> Result<String, ExportError> {
    check_prometheus_rules(report, p)?;
    let (metric, service) = (p.recording.as_str(), p.service.as_str());
    let a = &report.alerts;
    let u = unavailability_text(report);
    let t = &report.target;
    let mut out = answer_comment(report);
    out.push_str(&format!(
        "# Prometheus rules for {}: availability SLO {} over {} \
         (error budget {}).\n\
         # Multiwindow, multi-burn-rate alerts (The Site Reliability Workbook, ch. 5 \
         \"Alerting on SLOs\").\n\
         # Policy: {} ({}).\n\
         # The recording rules {metric}<window> hold the ratio of bad to all requests \
         over each window the alerts read and over the SLO period.\n\
         # The metadata rules (slo:objective:ratio, slo:error_budget:ratio, \
         slo:time_period:days, slo:current_burn_rate:ratio, slo:period_burn_rate:ratio,\n\
         # slo:period_error_budget_remaining:ratio, sloth_slo_info) and the labels sloth_id, \
         sloth_service and sloth_slo on every recording rule\n\
         # follow Sloth's names and expressions (github.com/slok/sloth), so that Sloth's \
         Grafana dashboards read them.\n\
         # Generated by Nines; thresholds are burn rate * (1 - SLO).\n",
        one_line(service),
        t.availability_percent,
        a.period_label,
        t.unavailability_percent,
        one_line(&a.policy_name),
        one_line(&a.policy_source),
    ));
    for w in &a.warnings {
        out.push_str(&format!("# Warning: {}\n", one_line(w)));
    }
    if !a.off_note.is_empty() {
        out.push_str(&format!("# {}\n", one_line(&a.off_note)));
    }
    // Every window the alerts read, shortest first, once; an alert turned
    // off keeps its windows recorded, as Sloth's generator does.
    let mut windows: Vec<(f64, String)> = Vec::new();
    for row in a.rows.iter().chain(&a.off) {
        for seconds in [row.long_window_seconds, row.short_window_seconds] {
            if let Some(d) = prometheus_duration(seconds) {
                if !windows.iter().any(|(_, w)| *w == d) {
                    windows.push((seconds, d));
                }
            }
        }
    }
    windows.sort_by(|x, y| x.0.total_cmp(&y.0));
    let period = prometheus_duration(a.period_seconds).ok_or_else(|| {
        ExportError::Policy(format!(
            "an SLO window of {} cannot be written as a Prometheus duration",
            format_duration(a.period_seconds)
        ))
    })?;
    // Sloth's current burn rate reads its quickest page alert's short
    // window, the shortest it records; here the shortest any alert reads.
    let current = windows
        .first()
        .map_or_else(|| period.clone(), |(_, w)| w.clone());
    // The SLI over the whole SLO period, which the period burn rate reads
    // (Sloth records it too), unless an alert already reads that window.
    if !windows.iter().any(|(_, w)| *w == period) {
        windows.push((a.period_seconds, period.clone()));
        // Still shortest first, should an alert read more than the period.
        windows.sort_by(|x, y| x.0.total_cmp(&y.0));
    }
    out.push_str(&format!(
        "groups:\n  - name: {}\n    rules:\n",
        yaml_quote(&format!("{service}-slo-sli-recordings"))
    ));
    for (_, w) in &windows {
        let (bad, total) = p.window_queries(w);
        out.push_str(&format!(
            "      - record: {metric}{w}\n        expr: |\n          {bad}\n          /\n          \
             {total}\n{}",
            recording_labels(p, &[])
        ));
    }
    out.push_str(&sloth_metadata_rules(report, p, &current, &period));
    if a.rows.is_empty() {
        return Ok(out);
    }
    out.push_str(&format!(
        "  - name: {}\n    rules:\n",
        yaml_quote(&format!("{service}-slo-burn-rate"))
    ));
    for row in &a.rows {
        out.push_str(&rule(row, report, p, &u)?);
    }
    Ok(out)
}

/// Sloth's metadata recording rules, as its generator writes them
/// (github.com/slok/sloth, `internal/plugin/slo/core/metadata_rules_v1`,
/// names from `pkg/common/conventions`): the group
/// `<service>-slo-meta-recordings` with the objective, the error budget and
/// the period in days as constants, the burn rate over the shortest window
/// (`current`) and over the SLO period, the budget left over the period and
/// an info series. Sloth's Grafana dashboards read these by the `sloth_*`
/// labels, so the names, expressions and labels are Sloth's; the info
/// series' `sloth_version`, `sloth_mode` and `sloth_spec` say that Nines
/// wrote the file, not Sloth.
pub(super) fn sloth_metadata_rules(
    report: &Report,
    p: &ProductionInputs,
    current: &str,
    period: &str,
) -> String {
    let metric = p.recording.as_str();
    // Sloth's filter is its id labels' PromQL text: in name order, `, `
    // between them, each value a PromQL string.
    let filter = format!(
        "{{{}}}",
        sloth_ids(p)
            .iter()
            .map(|(name, value)| format!("{name}={}", crate::production::promql_string(value)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let objective = target_fraction_text(report);
    let days = number(report.alerts.period_seconds / 86_400.0);
    let burn_rate = |window: &str| {
        format!(
            "|\n          {metric}{window}{filter}\n          / on(sloth_id, sloth_slo, \
             sloth_service) group_left\n          slo:error_budget:ratio{filter}\n"
        )
    };
    let rules = [
        ("slo:objective:ratio", format!("vector({objective})\n")),
        ("slo:error_budget:ratio", format!("vector(1-{objective})\n")),
        ("slo:time_period:days", format!("vector({days})\n")),
        ("slo:current_burn_rate:ratio", burn_rate(current)),
        ("slo:period_burn_rate:ratio", burn_rate(period)),
        (
            "slo:period_error_budget_remaining:ratio",
            format!("|\n          1 - slo:period_burn_rate:ratio{filter}\n"),
        ),
    ];
    let mut out = format!(
        "  - name: {}\n    rules:\n",
        yaml_quote(&format!("{}-slo-meta-recordings", p.service))
    );
    for (record, expr) in rules {
        out.push_str(&format!(
            "      - record: {record}\n        expr: {expr}{}",
            recording_labels(p, &[])
        ));
    }
    let version = concat!("nines-", env!("CARGO_PKG_VERSION"));
    out.push_str(&format!(
        "      - record: sloth_slo_info\n        expr: vector(1)\n{}",
        recording_labels(
            p,
            &[
                // Sloth writes its own version, how it was run (`cli-gen-prom`
                // for `sloth generate`) and the spec it read (`prometheus/v1`);
                // none of that is true of this file, so each names Nines.
                ("sloth_version", version),
                ("sloth_mode", "nines-gen-prom"),
                ("sloth_spec", "nines"),
                ("sloth_objective", &objective_percent(report)),
            ]
        )
    ));
    out
}

/// Sloth's SLO id labels (github.com/slok/sloth,
/// `pkg/common/conventions`: `sloth_id`, `sloth_service`, `sloth_slo`, the
/// id `<service>-<slo>` as Sloth makes it from a spec), in name order: its
/// dashboards and metadata rules find an SLO's series by them.
pub(super) fn sloth_ids(p: &ProductionInputs) -> [(&'static str, String); 3] {
    [
        ("sloth_id", format!("{}-{}", p.service, p.slo)),
        ("sloth_service", p.service.clone()),
        ("sloth_slo", p.slo.clone()),
    ]
}

/// A recording rule's `labels:` block: `service` and `slo`, which the
/// alerts select by, Sloth's id labels ([`sloth_ids`]) and `extra`, in
/// name order as Sloth writes them, each value YAML-quoted.
pub(super) fn recording_labels(p: &ProductionInputs, extra: &[(&str, &str)]) -> String {
    let ids = sloth_ids(p);
    let mut all: Vec<(&str, &str)> = vec![("service", &p.service), ("slo", &p.slo)];
    all.extend(ids.iter().map(|(name, value)| (*name, value.as_str())));
    all.extend(extra);
    all.sort_by_key(|(name, _)| *name);
    let mut text = String::from("        labels:\n");
    for (name, value) in all {
        text.push_str(&format!("          {name}: {}\n", yaml_quote(value)));
    }
    text
}

/// One alerting rule.
pub(super) fn rule(
    row: &AlertRow,
    report: &Report,
    p: &ProductionInputs,
    u: &str,
) -> Result<String, ExportError> {
    let (metric, service) = (p.recording.as_str(), p.service.as_str());
    // Only this SLO's recorded series: another service's (or another SLO's)
    // errors in the same Prometheus never page this one.
    let own = p.slo_matchers();
    let window = |seconds: f64| {
        prometheus_duration(seconds).ok_or_else(|| {
            ExportError::Policy(format!(
                "a window of {} cannot be written as a Prometheus duration",
                format_duration(seconds)
            ))
        })
    };
    let long = window(row.long_window_seconds)?;
    // A zero short window means a single-window alert.
    let short = prometheus_duration(row.short_window_seconds);
    let threshold = format!("({}*{u})", number(row.burn_rate));
    let mut expr = format!("          ({metric}{long}{own} > {threshold})\n");
    if let Some(short) = &short {
        expr.push_str(&format!(
            "          and\n          ({metric}{short}{own} > {threshold})\n"
        ));
    }
    let severity = match row.severity {
        crate::alerts::Severity::Page => "page",
        crate::alerts::Severity::Ticket => "ticket",
    };
    let a = &report.alerts;
    let windows = match &short {
        Some(s) => format!("{long} and {s}"),
        None => long.clone(),
    };
    let summary = format!(
        "{service}: error budget burning at {} over {windows}",
        row.burn_rate_display
    );
    let description = format!(
        "The error ratio over {} is above {} × {} = {}: at this rate {} of the \
         error budget for {} (SLO {}) is spent in {}.",
        match &short {
            Some(s) => format!("both the last {long} and the last {s}"),
            None => format!("the last {long}"),
        },
        row.burn_rate_display.trim_end_matches('×'),
        report.target.unavailability_percent,
        row.threshold_display,
        row.budget_consumed_display,
        a.period_label,
        report.target.availability_percent,
        row.long_window_display,
    );
    let mut out = String::new();
    if row.short_window_rounded_away {
        // Pyrra's short window rounded to nothing at this SLO window: the
        // page says the alert cannot fire, so no rule is written that could.
        out.push_str(&format!(
            "      # Not written: the {severity} alert over {long} cannot fire, its short window \
             rounds to 0s at this SLO window (Pyrra keeps one of 1/8064 of the window, to the \
             minute).\n"
        ));
        return Ok(out);
    }
    if !row.can_fire {
        out.push_str(&format!(
            "      # Never fires: the threshold {} is above 100% (SRE Workbook ch. 5, \
             \"Extreme Availability Goals\").\n",
            row.threshold_display
        ));
    }
    out.push_str("      - alert: ErrorBudgetBurn\n        expr: |\n");
    out.push_str(&expr);
    if let Some(f) = row
        .for_seconds
        .filter(|f| *f > 0.0)
        .and_then(prometheus_duration)
    {
        out.push_str(&format!("        for: {f}\n"));
    }
    // Prometheus evaluates an alerting rule's label values as templates:
    // the service is written as literal template text, as the annotations.
    out.push_str(&format!(
        "        labels:\n          severity: {severity}\n          service: {}\n          \
         slo: {}\n          long_window: {}\n",
        yaml_quote(&template_literal(service)),
        yaml_quote(&template_literal(&p.slo)),
        yaml_quote(&long)
    ));
    if let Some(s) = &short {
        out.push_str(&format!("          short_window: {}\n", yaml_quote(s)));
    }
    out.push_str(&format!(
        "        annotations:\n          summary: {}\n          description: {}\n",
        yaml_quote(&template_literal(&summary)),
        yaml_quote(&template_literal(&description)),
    ));
    Ok(out)
}
