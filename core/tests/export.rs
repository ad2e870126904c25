//! Export contents checked: CSV parses back (RFC 4180), Markdown and
//! Confluence tables have the right shape, Prometheus rules carry the SRE
//! Workbook's thresholds and windows (ch. 5, Table 5-8) and Sloth's, and
//! the YAML documents parse (with PyYAML when this machine has it).

use std::io::Write;
use std::process::{Command, Stdio};

use nines_core::export::{
    ExportError, Table, measures_markdown, openslo, tables, to_confluence, to_csv, to_markdown,
};
use nines_core::scenario::{Report, Scenario, evaluate};

/// The Prometheus rules with the default series (the recording
/// rules read them) and the recording name and service given.
fn rules(report: &Report, recording: &str, service: &str) -> Result<String, ExportError> {
    nines_core::export::prometheus_rules(
        report,
        &nines_core::production::ProductionInputs {
            recording: recording.into(),
            service: service.into(),
            ..Default::default()
        },
    )
}

fn report(json: &str) -> Report {
    let s: Scenario = serde_json::from_str(json).unwrap();
    evaluate(&s, nines_core::budget::STORY_NOW)
}

/// A tiny RFC 4180 parser: records end with CRLF, fields are separated by
/// commas, a quoted field may hold commas, CR, LF and doubled quotes.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' => {
                assert!(field.is_empty(), "quote inside an unquoted field");
                quoted = true;
            }
            ',' => record.push(std::mem::take(&mut field)),
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            '\n' => panic!("bare LF outside quotes"),
            c => field.push(c),
        }
    }
    assert!(!quoted, "unterminated quoted field");
    assert!(
        field.is_empty() && record.is_empty(),
        "last record without CRLF"
    );
    records
}

fn tricky_table() -> Table {
    Table {
        title: "Tricky | title".into(),
        headers: vec!["Name".into(), "Note, with comma".into(), "Empty".into()],
        rows: vec![
            vec!["a, b".into(), "say \"hi\"".into(), "".into()],
            vec![
                "line\nbreak".into(),
                "cr\r\nlf".into(),
                "pipe | here".into(),
            ],
            vec!["\"".into(), ",".into(), "back\\slash".into()],
        ],
        warning: None,
    }
}

fn all_records(t: &Table) -> Vec<Vec<String>> {
    std::iter::once(t.headers.clone())
        .chain(t.rows.iter().cloned())
        .collect()
}

#[test]
fn csv_round_trips_tricky_fields() {
    let t = tricky_table();
    let csv = to_csv(&t);
    assert!(csv.ends_with("\r\n"));
    assert_eq!(parse_csv(&csv), all_records(&t));
}

#[test]
fn csv_round_trips_every_report_table() {
    for json in [
        "{}",
        r#"{"target": "3.5 nines", "alerts": {"policy": "pyrra"}}"#,
    ] {
        for t in tables(&report(json)) {
            assert!(!t.rows.is_empty(), "{}", t.title);
            assert_eq!(parse_csv(&to_csv(&t)), all_records(&t), "{}", t.title);
        }
    }
}

/// Cells of a Markdown table line, split on unescaped pipes.
fn markdown_cells(line: &str) -> Vec<String> {
    assert!(line.starts_with("| ") && line.ends_with(" |"), "{line}");
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = line[1..line.len() - 1].chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                cell.push(c);
                cell.extend(chars.next());
            }
            '|' => cells.push(std::mem::take(&mut cell)),
            c => cell.push(c),
        }
    }
    cells.push(cell);
    cells
}

#[test]
fn markdown_has_the_right_column_count_on_every_row() {
    let mut all = tables(&Report::clone(&report("{}")));
    all.push(tricky_table());
    for t in all {
        let md = to_markdown(&t);
        let lines: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
        assert_eq!(lines.len(), t.rows.len() + 2, "{md}");
        for line in &lines {
            assert_eq!(markdown_cells(line).len(), t.headers.len(), "{line}");
        }
        assert!(
            lines[1]
                .split('|')
                .all(|c| c.trim().is_empty() || c.trim() == "---")
        );
    }
    let md = to_markdown(&tricky_table());
    assert!(md.starts_with("**Tricky \\| title**\n\n"));
    assert!(md.contains("| line<br>break | cr<br>lf | pipe \\| here |"));
    assert!(md.contains("back\\\\slash"));
}

#[test]
fn confluence_header_uses_double_pipes() {
    let t = tricky_table();
    let wiki = to_confluence(&t);
    let lines: Vec<&str> = wiki.lines().collect();
    assert_eq!(lines[0], "*Tricky \\| title*");
    assert_eq!(lines[1], "||Name||Note, with comma||Empty||");
    // An empty cell is a space: `||` inside a row would start a header cell.
    assert_eq!(lines[2], "|a, b|say \"hi\"| |");
    assert_eq!(lines[3], "|line break|cr  lf|pipe \\| here|");
    for line in &lines[2..] {
        assert!(!line.contains("||"), "{line}");
        let unescaped = line.replace("\\|", "");
        assert_eq!(
            unescaped.matches('|').count(),
            t.headers.len() + 1,
            "{line}"
        );
    }
    for t in tables(&report("{}")) {
        let wiki = to_confluence(&t);
        // The title, the answer (the default story is not achievable),
        // then the header.
        assert!(t.warning.is_some(), "{}", t.title);
        let header = wiki.lines().nth(2).unwrap();
        assert!(
            header.starts_with("||") && header.ends_with("||"),
            "{header}"
        );
        assert_eq!(header.matches("||").count(), t.headers.len() + 1);
    }
}

#[test]
fn measures_card_as_markdown() {
    let md = measures_markdown(&report("{}"));
    for want in [
        "## Target measures\n",
        "| Measure | Target | Meaning |",
        "| Deployment frequency |",
        "| Deployment lead time |",
        "| Availability | 99.95% (3.3 nines) |",
        "| Time to restore |",
        "| Error budget | 21m 36s per 30 days (0.05%) |",
        "The error budget is 0.05% per 30 days: 1,300 bad requests.",
        "Convention: Gregorian mean (year 365.2425 days, month 30.436875 days).",
    ] {
        assert!(md.contains(want), "missing {want:?} in\n{md}");
    }
}

/// A minimal structural check of the rules YAML, line by line: indentation
/// in steps of two spaces, no tabs, and every rule with `alert`, `expr`,
/// `labels` (with `severity`) and `annotations`.
fn check_rules_structure(yaml: &str) -> Vec<Vec<String>> {
    let mut rules: Vec<Vec<String>> = Vec::new();
    let mut in_block = false;
    for line in yaml.lines() {
        assert!(!line.contains('\t'), "tab in {line:?}");
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        assert_eq!(indent % 2, 0, "odd indentation: {line:?}");
        if in_block && indent >= 10 {
            continue; // the `expr: |` block
        }
        in_block = false;
        if let Some(rest) = trimmed.strip_prefix("- alert: ") {
            assert_eq!(indent, 6, "{line:?}");
            rules.push(vec![format!("alert={rest}")]);
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix("- record: ") {
            assert_eq!(indent, 6, "{line:?}");
            rules.push(vec![format!("record={rest}")]);
            continue;
        }
        if indent >= 8 {
            let key = trimmed.split(':').next().unwrap().to_string();
            rules.last_mut().expect("key outside a rule").push(key);
            in_block = trimmed == "expr: |";
        }
    }
    // The recording rules the alerts read come first.
    let (records, alerts): (Vec<_>, Vec<_>) =
        rules.into_iter().partition(|r| r[0].starts_with("record="));
    assert!(!records.is_empty() && !alerts.is_empty());
    for r in &records {
        for key in ["expr", "labels", "service"] {
            assert!(
                r.iter().any(|k| k == key),
                "recording rule without {key}: {r:?}"
            );
        }
    }
    for r in &alerts {
        for key in ["expr", "labels", "severity", "annotations", "summary"] {
            assert!(r.iter().any(|k| k == key), "rule without {key}: {r:?}");
        }
    }
    alerts
}

/// Parses YAML with PyYAML and returns it as JSON, or `None` (with a note)
/// when python3 or its `yaml` module is not available here.
fn python_yaml(yaml: &str) -> Option<serde_json::Value> {
    let probe = Command::new("python3").args(["-c", "import yaml"]).output();
    if !probe.is_ok_and(|o| o.status.success()) {
        println!("note: python3 with PyYAML not available; YAML parse check skipped");
        return None;
    }
    let mut child = Command::new("python3")
        .args([
            "-c",
            "import sys, json, yaml; json.dump(yaml.safe_load(sys.stdin.read()), sys.stdout)",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(yaml.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "PyYAML rejected:\n{yaml}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).unwrap())
}

const WORKBOOK_999: &str = r#"{"target": "99.9%", "slo_window": "30d"}"#;

#[test]
fn workbook_rules_at_999_over_30_days() {
    // SRE Workbook ch. 5, Table 5-8 ("Recommended parameters for a 99.9%
    // SLO alerting configuration"): page 14.4 over 1h/5m and 6 over 6h/30m,
    // ticket 1 over 3d/6h.
    let yaml = rules(
        &report(WORKBOOK_999),
        "job:slo_errors_per_request:ratio_rate",
        "checkout",
    )
    .unwrap();
    for (burn, long, short) in [("14.4", "1h", "5m"), ("6", "6h", "30m"), ("1", "3d", "6h")] {
        let m = "job:slo_errors_per_request:ratio_rate";
        let threshold = format!("({burn}*0.001)");
        let own = r#"{service="checkout",slo="availability"}"#;
        let want = format!(
            "          ({m}{long}{own} > {threshold})\n          and\n          ({m}{short}{own} > {threshold})\n"
        );
        assert!(yaml.contains(&want), "missing {want}\nin\n{yaml}");
    }
    let rules = check_rules_structure(&yaml);
    assert_eq!(rules.len(), 3);
    assert_eq!(yaml.matches("severity: page").count(), 2);
    assert_eq!(yaml.matches("severity: ticket").count(), 1);
    assert!(!yaml.contains("for:"), "the Workbook has no `for`");
    assert!(!yaml.contains("000000"), "float artefacts in\n{yaml}");

    if let Some(doc) = python_yaml(&yaml) {
        // First the recording rules of the five windows the
        // alerts read and of the 30-day period (which Sloth's metadata
        // rules read), each the error ratio over it.
        let records = doc["groups"][0]["rules"].as_array().unwrap();
        assert_eq!(doc["groups"][0]["name"], "checkout-slo-sli-recordings");
        let names: Vec<&str> = records
            .iter()
            .map(|r| r["record"].as_str().unwrap())
            .collect();
        let m = "job:slo_errors_per_request:ratio_rate";
        assert_eq!(
            names,
            ["5m", "30m", "1h", "6h", "3d", "30d"].map(|w| format!("{m}{w}"))
        );
        assert_eq!(
            records[0]["expr"].as_str().unwrap(),
            "sum(rate(http_requests_total{service=\"checkout\",code=~\"5..\"}[5m]))\n/\n\
             sum(rate(http_requests_total{service=\"checkout\"}[5m]))\n"
        );
        assert_eq!(records[0]["labels"]["service"], "checkout");
        assert_eq!(records[0]["labels"]["slo"], "availability");
        // Sloth's id labels too, and its metadata group before the alerts.
        assert_eq!(records[0]["labels"]["sloth_id"], "checkout-availability");
        assert_eq!(records[0]["labels"]["sloth_service"], "checkout");
        assert_eq!(records[0]["labels"]["sloth_slo"], "availability");
        assert_eq!(doc["groups"][1]["name"], "checkout-slo-meta-recordings");
        let rules = doc["groups"][2]["rules"].as_array().unwrap();
        assert_eq!(doc["groups"][2]["name"], "checkout-slo-burn-rate");
        assert_eq!(rules.len(), 3);
        let first = &rules[0];
        assert_eq!(first["alert"], "ErrorBudgetBurn");
        assert_eq!(first["labels"]["severity"], "page");
        assert_eq!(first["labels"]["service"], "checkout");
        assert_eq!(first["labels"]["long_window"], "1h");
        assert_eq!(first["labels"]["short_window"], "5m");
        assert_eq!(
            first["expr"].as_str().unwrap(),
            "(job:slo_errors_per_request:ratio_rate1h{service=\"checkout\",slo=\"availability\"} > (14.4*0.001))\nand\n\
             (job:slo_errors_per_request:ratio_rate5m{service=\"checkout\",slo=\"availability\"} > (14.4*0.001))\n"
        );
        assert_eq!(first["labels"]["slo"], "availability");
        let summary = first["annotations"]["summary"].as_str().unwrap();
        assert_eq!(
            summary,
            "checkout: error budget burning at 14.4× over 1h and 5m"
        );
        let description = first["annotations"]["description"].as_str().unwrap();
        assert!(
            description
                .contains("over both the last 1h and the last 5m is above 14.4 × 0.1% = 1.44%"),
            "{description}"
        );
        assert!(description.contains("SLO 99.9%"), "{description}");
    }
}

#[test]
fn sloth_preset_has_four_alerts() {
    let r = report(r#"{"target": "99.9%", "alerts": {"policy": "sloth"}}"#);
    let yaml = rules(&r, "slo:sli_error:ratio_rate", "checkout").unwrap();
    assert_eq!(check_rules_structure(&yaml).len(), 4);
    for (burn, long, short) in [
        ("14.4", "1h", "5m"),
        ("6", "6h", "30m"),
        ("3", "1d", "2h"),
        ("1", "3d", "6h"),
    ] {
        let t = format!("({burn}*0.001)");
        let own = r#"{service="checkout",slo="availability"}"#;
        assert!(yaml.contains(&format!("(slo:sli_error:ratio_rate{long}{own} > {t})")));
        assert!(yaml.contains(&format!("(slo:sli_error:ratio_rate{short}{own} > {t})")));
    }
    if let Some(doc) = python_yaml(&yaml) {
        assert_eq!(doc["groups"][2]["rules"].as_array().unwrap().len(), 4);
    }
}

#[test]
fn pyrra_preset_writes_for_and_scaled_windows() {
    let r = report(r#"{"slo_window": "28d", "alerts": {"policy": "pyrra"}}"#);
    let yaml = rules(&r, "slo:sli_error:ratio_rate", "checkout").unwrap();
    check_rules_structure(&yaml);
    for f in ["for: 2m", "for: 15m", "for: 1h", "for: 3h"] {
        assert!(yaml.contains(f), "missing {f}");
    }
    assert!(yaml.contains(
        r#"(slo:sli_error:ratio_rate4d{service="checkout",slo="availability"} > (1*0.0005))"#
    ));
    // 30 days: Pyrra's 1h window scales to 64m.
    let r = report(r#"{"alerts": {"policy": "pyrra"}}"#);
    let yaml = rules(&r, "slo:sli_error:ratio_rate", "checkout").unwrap();
    assert!(yaml.contains(
        r#"(slo:sli_error:ratio_rate64m{service="checkout",slo="availability"} > (14*0.0005))"#
    ));
    if let Some(doc) = python_yaml(&yaml) {
        assert_eq!(doc["groups"][2]["rules"][0]["for"], "2m");
    }
}

#[test]
fn a_28_day_window_changes_the_thresholds() {
    let r = report(r#"{"target": "99.9%", "slo_window": "28d"}"#);
    let yaml = rules(&r, "slo:sli_error:ratio_rate", "checkout").unwrap();
    assert!(yaml.contains("(13.44*0.001)"), "{yaml}");
    assert!(yaml.contains("(5.6*0.001)"), "{yaml}");
}

#[test]
fn user_text_is_escaped_or_refused() {
    let r = report("{}");
    let err = rules(&r, "error ratio", "checkout").unwrap_err();
    assert!(matches!(
        err,
        ExportError::Invalid {
            field: "metric",
            ..
        }
    ));
    assert!(err.to_string().contains("Prometheus metric name"), "{err}");
    let err = rules(&r, "slo:x", "check\nout").unwrap_err();
    assert!(matches!(
        err,
        ExportError::Invalid {
            field: "service",
            ..
        }
    ));
    assert!(rules(&r, "slo:x", " ").is_err());

    let service = r#"pay "v2" \ {{ .Labels }}"#;
    let yaml = rules(&r, "slo:x", service).unwrap();
    check_rules_structure(&yaml);
    assert!(
        yaml.contains(r#"service: "pay \"v2\" \\ {{ .Labels }}""#),
        "{yaml}"
    );
    if let Some(doc) = python_yaml(&yaml) {
        let rule = &doc["groups"][2]["rules"][0];
        // Alerting rules' labels are Go templates too: the
        // braces are escaped, and Prometheus renders the name back.
        assert_eq!(
            rule["labels"]["service"],
            r#"pay "v2" \ {{ "{{" }} .Labels }}"#
        );
        // The recording rules' labels are not templated: the name as is.
        assert_eq!(doc["groups"][0]["rules"][0]["labels"]["service"], service);
        // Annotations are Go templates: the braces stay literal text.
        let summary = rule["annotations"]["summary"].as_str().unwrap();
        assert!(
            summary.starts_with(r#"pay "v2" \ {{ "{{" }} .Labels }}:"#),
            "{summary}"
        );
    }
}

#[test]
fn policies_without_alerts_and_perfect_targets_are_refused() {
    let r = report(r#"{"alerts": {"policy": "custom"}}"#);
    let err = rules(&r, "slo:x", "checkout").unwrap_err();
    assert_eq!(
        err,
        ExportError::Policy("a custom policy needs at least one alert".into())
    );
    let r = report(r#"{"target": "100%"}"#);
    assert_eq!(
        rules(&r, "slo:x", "checkout").unwrap_err(),
        ExportError::NoErrorBudget
    );
    assert_eq!(
        openslo(&r, &counters("bad", "total")).unwrap_err(),
        ExportError::NoErrorBudget
    );
}

#[test]
fn alerts_that_cannot_fire_are_marked() {
    let r = report(r#"{"target": "90%"}"#);
    let yaml = rules(&r, "slo:x", "checkout").unwrap();
    assert!(yaml.contains("# Warning: Page alert 1 can never fire"));
    assert!(yaml.contains("      # Never fires: the threshold 144% is above 100%"));
    check_rules_structure(&yaml);
}

const BAD_SERIES: &str = r#"http_requests_total{job="checkout",code=~"5.."}"#;
const TOTAL_SERIES: &str = r#"http_requests_total{job="checkout"}"#;

/// The production names of the two series; OpenSLO's counter queries are
/// their sums.
fn counters(bad: &str, total: &str) -> nines_core::production::ProductionInputs {
    nines_core::production::ProductionInputs {
        errors: bad.into(),
        requests: total.into(),
        ..Default::default()
    }
}

#[test]
fn openslo_target_is_exact() {
    let yaml = openslo(
        &report(r#"{"target": "99.95%"}"#),
        &counters(BAD_SERIES, TOTAL_SERIES),
    )
    .unwrap();
    assert!(yaml.contains("\n      target: 0.9995\n"), "{yaml}");
    // The answer first: the default story is not achievable.
    assert!(yaml.starts_with("# Not achievable: expected to spend 145.13% of the 99.95% budget"));
    assert!(
        yaml.lines()
            .nth(1)
            .unwrap()
            .starts_with("# OpenSLO v1 SLO for checkout")
    );
    assert!(yaml.contains("\napiVersion: openslo/v1\nkind: SLO\n"));
    assert!(yaml.contains("\n    - duration: 30d\n      isRolling: true\n"));
    assert!(yaml.contains("\n  budgetingMethod: Occurrences\n"));
    assert!(!yaml.contains("timeSlice"));
    if let Some(doc) = python_yaml(&yaml) {
        assert_eq!(doc["apiVersion"], "openslo/v1");
        assert_eq!(doc["kind"], "SLO");
        assert_eq!(doc["metadata"]["name"], "checkout-availability");
        let spec = &doc["spec"];
        assert_eq!(spec["service"], "checkout");
        assert_eq!(spec["budgetingMethod"], "Occurrences");
        assert_eq!(spec["timeWindow"][0]["duration"], "30d");
        assert_eq!(spec["timeWindow"][0]["isRolling"], true);
        assert_eq!(spec["objectives"][0]["target"], 0.9995);
        let ratio = &spec["indicator"]["spec"]["ratioMetric"];
        assert_eq!(ratio["counter"], true);
        assert_eq!(ratio["bad"]["metricSource"]["type"], "Prometheus");
        // The counters themselves, summed: sum(<selector>).
        assert_eq!(
            ratio["bad"]["metricSource"]["spec"]["query"],
            format!("sum({BAD_SERIES})")
        );
        assert_eq!(
            ratio["total"]["metricSource"]["spec"]["query"],
            format!("sum({TOTAL_SERIES})")
        );
        assert!(spec["description"].as_str().unwrap().len() <= 1050);
    }
}

#[test]
fn openslo_time_mode_uses_timeslices() {
    let r = report(r#"{"target": "99.9%", "slo_window": "28d", "budget": {"mode": "time"}}"#);
    let yaml = openslo(&r, &counters(BAD_SERIES, TOTAL_SERIES)).unwrap();
    assert!(yaml.contains("budgetingMethod: Timeslices"));
    assert!(yaml.contains(
        "      target: 0.999\n      timeSliceTarget: 0.999\n      timeSliceWindow: 1m\n"
    ));
    assert!(yaml.contains("duration: 28d"));
    if let Some(doc) = python_yaml(&yaml) {
        assert_eq!(doc["spec"]["objectives"][0]["timeSliceWindow"], "1m");
    }
}

#[test]
fn openslo_fractional_nines_without_artefacts() {
    let r = report(r#"{"target": "3.5 nines"}"#);
    let yaml = openslo(&r, &counters(BAD_SERIES, TOTAL_SERIES)).unwrap();
    let line = yaml
        .lines()
        .find_map(|l| l.strip_prefix("      target: "))
        .unwrap();
    let target: f64 = line.parse().unwrap();
    assert!((target - (1.0 - 10f64.powf(-3.5))).abs() < 1e-15, "{line}");
}

#[test]
fn openslo_names_are_checked() {
    let r = report("{}");
    for bad in ["Checkout", "check out", "-checkout", "", &"a".repeat(51)] {
        let p = nines_core::production::ProductionInputs {
            service: bad.into(),
            ..counters(BAD_SERIES, TOTAL_SERIES)
        };
        let err = openslo(&r, &p).unwrap_err();
        assert!(
            matches!(
                err,
                ExportError::Invalid {
                    field: "service",
                    ..
                }
            ),
            "{bad}"
        );
        assert!(err.to_string().contains("OpenSLO name"));
    }
    let err = openslo(&r, &counters(" ", TOTAL_SERIES)).unwrap_err();
    assert!(matches!(
        err,
        ExportError::Selector {
            field: "errors",
            ..
        }
    ));
    // An SLO name that would make <service>-<slo> longer than 63.
    let p = nines_core::production::ProductionInputs {
        slo: "a".repeat(13),
        service: "b".repeat(50),
        ..counters(BAD_SERIES, TOTAL_SERIES)
    };
    let err = openslo(&r, &p).unwrap_err();
    assert!(matches!(err, ExportError::Invalid { field: "slo", .. }));
}

#[test]
fn a_custom_single_window_alert() {
    let r = report(
        r#"{"target": "99.9%", "alerts": {"policy": "custom", "custom": [
            {"severity": "ticket", "budget_fraction": 0.05, "long_window_seconds": 5400,
             "short_window_seconds": 0, "for_seconds": 90}]}}"#,
    );
    let yaml = rules(&r, "slo:x", "checkout").unwrap();
    check_rules_structure(&yaml);
    // 5% of 30 days in 90 minutes: burn 24.
    assert!(
        yaml.contains(
            "        expr: |\n          (slo:x90m{service=\"checkout\",slo=\"availability\"} > (24*0.001))\n        for: 90s\n"
        )
    );
    assert!(!yaml.contains("short_window"));
    assert!(
        yaml.contains("over the last 90m is above 24 × 0.1% = 2.4%"),
        "{yaml}"
    );
    if let Some(doc) = python_yaml(&yaml) {
        assert_eq!(doc["groups"][2]["rules"][0]["labels"]["severity"], "ticket");
    }
}

/// At a 2-day window Pyrra's first page has a 4-minute long window and a
/// short one of 172 800 / 8 064 = 21.4 s, rounded to the minute: 0 s. The
/// page says it cannot fire, so the rules say so and do not write it: the
/// other three alerts are written.
#[test]
fn a_pyrra_alert_whose_short_window_rounds_away_is_not_written() {
    let r = report(r#"{"slo_window": "2d", "alerts": {"policy": "pyrra"}}"#);
    assert!(r.alerts.rows[0].short_window_rounded_away);
    assert!(!r.alerts.rows[0].can_fire);
    let yaml = rules(&r, "slo:sli_error:ratio_rate", "checkout").unwrap();
    assert!(
        yaml.contains("# Not written: the page alert over 4m cannot fire"),
        "{yaml}"
    );
    assert_eq!(check_rules_structure(&yaml).len(), 3);
}
