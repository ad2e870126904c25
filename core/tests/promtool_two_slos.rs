//! Exported rules are safe beside other services' rules: two services' rule
//! files (or two SLOs of one service) loaded into one Prometheus never page
//! each other. Each alert selects its own SLO's recorded series by the
//! `service` and `slo` labels its recording rules carry.
//!
//! Proven with Prometheus' own `promtool test rules` (scripts/setup installs
//! it; on a machine without it the test says so and checks the expressions
//! only). The series: 120 minutes of healthy traffic for every SLO (60
//! requests a minute), then every request of one SLO fails for 60 minutes
//! while the others stay healthy. At 100% errors a 99% SLO's page alert
//! (14.4× over 1h and 5m) fires once the last hour's ratio passes
//! 14.4 × 1% = 14.4%, within 9 minutes (0.144 × 60 min = 8.64 min of
//! errors): by minute 180 it fires; the healthy ones never do.

mod common;

use nines_core::export::prometheus_rules;
use nines_core::production::ProductionInputs;
use nines_core::scenario::{Scenario, evaluate};

/// The rules of one SLO: `target` for `service`'s `slo`, its requests
/// labelled `service` and `endpoint`.
fn rules_for(service: &str, slo: &str, endpoint: &str, target: &str) -> String {
    let s: Scenario =
        serde_json::from_str(&format!(r#"{{"target": "{target}", "slo_window": "30d"}}"#)).unwrap();
    let p = ProductionInputs {
        service: service.into(),
        slo: slo.into(),
        requests: format!(r#"http_requests_total{{service="{service}",endpoint="{endpoint}"}}"#),
        errors: format!(
            r#"http_requests_total{{service="{service}",endpoint="{endpoint}",code=~"5.."}}"#
        ),
        ..ProductionInputs::default()
    };
    prometheus_rules(&evaluate(&s, nines_core::budget::STORY_NOW), &p).unwrap()
}

/// Input series: `failing` (service, endpoint) fails every request from
/// minute 120 for 60 minutes; the others stay healthy.
fn series(all: &[(&str, &str)], failing: (&str, &str)) -> String {
    let mut out = String::new();
    for &(service, endpoint) in all {
        let bad = if (service, endpoint) == failing {
            "0+0x120 60+60x60"
        } else {
            "0+0x180"
        };
        let good = if (service, endpoint) == failing {
            "0+60x120 7200+0x60"
        } else {
            "0+60x180"
        };
        out.push_str(&format!(
            "      - series: 'http_requests_total{{service=\"{service}\",endpoint=\"{endpoint}\",code=\"200\"}}'\n        values: '{good}'\n      - series: 'http_requests_total{{service=\"{service}\",endpoint=\"{endpoint}\",code=\"500\"}}'\n        values: '{bad}'\n"
        ));
    }
    out
}

/// One promtool test: at minute 180 `failing`'s alerts fire and no other
/// SLO's alert does (at minutes 130, 150 and 180).
fn test_case(name: &str, all: &[(&str, &str, &str)], failing: (&str, &str)) -> String {
    let pairs: Vec<(&str, &str)> = all.iter().map(|&(s, _, e)| (s, e)).collect();
    let mut out = format!(
        "  - name: '{name}'\n    interval: 1m\n    input_series:\n{}    promql_expr_test:\n",
        series(&pairs, failing)
    );
    for &(service, slo, endpoint) in all {
        let selector = format!(r#"alertstate="firing",service="{service}",slo="{slo}""#);
        let firing = (service, endpoint) == failing;
        for minute in [130, 150, 180] {
            // The failing SLO fires by minute 180; the others never.
            let want = if firing && minute == 180 { 1 } else { 0 };
            if firing && minute != 180 {
                continue;
            }
            out.push_str(&format!(
                "      - expr: '(count(ALERTS{{{selector}}}) or vector(0)) > bool 0'\n        eval_time: {minute}m\n        exp_samples:\n          - labels: '{{}}'\n            value: {want}\n"
            ));
        }
    }
    // Sloth's metadata series stay one per SLO too: each file's rules
    // carry its own `sloth_id`, so the four files' constants and budgets
    // are four series each, none overwriting another.
    for metric in ["sloth_slo_info", "slo:period_error_budget_remaining:ratio"] {
        out.push_str(&format!(
            "      - expr: 'count(count by (sloth_id, sloth_service, sloth_slo) ({metric}))'\n        eval_time: 180m\n        exp_samples:\n          - labels: '{{}}'\n            value: {}\n",
            all.len()
        ));
    }
    out
}

#[test]
fn two_services_and_two_slos_never_page_each_other() {
    // (service, SLO, endpoint, target)
    let slos = [
        ("kubelet", "availability", "api", "99%"),
        ("coredns", "availability", "dns", "99.99%"),
        ("checkout", "login", "login", "99.9%"),
        ("checkout", "payment", "pay", "99.9%"),
    ];
    let files: Vec<String> = slos
        .iter()
        .map(|&(service, slo, endpoint, target)| rules_for(service, slo, endpoint, target))
        .collect();
    // Every alert expression selects its own SLO, whatever else is loaded.
    for (file, &(service, slo, ..)) in files.iter().zip(&slos) {
        let own = format!(r#"{{service="{service}",slo="{slo}"}} > ("#);
        let exprs = file.lines().filter(|l| l.contains(" > (")).count();
        assert!(exprs > 0);
        assert_eq!(
            file.lines().filter(|l| l.contains(&own)).count(),
            exprs,
            "{file}"
        );
    }
    let Some(promtool) = common::promtool() else {
        eprintln!("promtool not found (scripts/setup installs it): expressions checked, not run");
        return;
    };
    let dir = std::env::temp_dir().join(format!("nines-promtool-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut names = Vec::new();
    for (i, file) in files.iter().enumerate() {
        let name = format!("rules{i}.yml");
        std::fs::write(dir.join(&name), file).unwrap();
        names.push(name);
    }
    let all: Vec<(&str, &str, &str)> = slos.iter().map(|&(s, o, e, _)| (s, o, e)).collect();
    let mut tests = format!(
        "rule_files:\n{}evaluation_interval: 1m\ntests:\n",
        names
            .iter()
            .map(|n| format!("  - {n}\n"))
            .collect::<String>()
    );
    tests.push_str(&test_case(
        "kubelet fails, coredns and checkout stay silent",
        &all,
        ("kubelet", "api"),
    ));
    tests.push_str(&test_case(
        "coredns fails, kubelet stays silent",
        &all,
        ("coredns", "dns"),
    ));
    tests.push_str(&test_case(
        "the login SLO of checkout fails, its payment SLO stays silent",
        &all,
        ("checkout", "login"),
    ));
    std::fs::write(dir.join("tests.yml"), &tests).unwrap();
    common::assert_promtool(&promtool, &dir, &["test", "rules", "tests.yml"], &tests);
    let _ = std::fs::remove_dir_all(&dir);
}
