//! Sloth's metadata recording rules in the exported Prometheus rules hold
//! what Sloth's Grafana dashboards expect: the objective, the period and
//! the error budget left, computed by Prometheus itself.
//!
//! Proven with Prometheus' own `promtool` (scripts/setup installs it; on a
//! machine without it the test says so and checks the text only): `promtool
//! check rules` loads the file, and `promtool test rules` runs it on a known
//! series. A 99.9% SLO over 7 days (a short period keeps the series small),
//! 60 requests a minute for the whole week, 0.05% of them failing (0.03 a
//! minute, 59.97 succeeding), counted every 2 minutes (0.06 and 119.94).
//! Worked by hand, at the end of the week:
//!
//! * error ratio over the week and over 5m: 0.03 / 60 = 0.0005;
//! * error budget: 1 − 0.999 = 0.001;
//! * period burn rate: 0.0005 / 0.001 = 0.5, and the current one (the
//!   shortest window the alerts read, 5m) the same, the traffic being
//!   constant;
//! * budget left: 1 − 0.5 = 0.5;
//! * objective 0.999, period 604,800 s / 86,400 = 7 days, and the info
//!   series 1, its `sloth_objective` 99.9.

mod common;

use nines_core::export::prometheus_rules;
use nines_core::production::ProductionInputs;
use nines_core::scenario::{Scenario, evaluate};

/// The labels every recording rule of the default service carries.
const LABELS: &str = r#"service="checkout", slo="availability", sloth_id="checkout-availability", sloth_service="checkout", sloth_slo="availability""#;

/// One `promql_expr_test` at the end of the week: `expr` has one sample,
/// `labels` and `value`.
fn expect(expr: &str, labels: &str, value: &str) -> String {
    format!(
        "      - expr: '{expr}'\n        eval_time: 7d\n        exp_samples:\n          \
         - labels: '{labels}'\n            value: {value}\n"
    )
}

#[test]
fn sloth_metadata_rules_hold_the_budget_left() {
    let s: Scenario = serde_json::from_str(r#"{"target": "99.9%", "slo_window": "7d"}"#).unwrap();
    let rules = prometheus_rules(
        &evaluate(&s, nines_core::budget::STORY_NOW),
        &ProductionInputs::default(),
    )
    .unwrap();
    // The text: the period recorded, and the metadata group between the
    // SLI group and the alerts.
    assert!(rules.contains("      - record: slo:sli_error:ratio_rate7d\n"));
    let sli = rules
        .find("  - name: \"checkout-slo-sli-recordings\"\n")
        .unwrap();
    let meta = rules
        .find("  - name: \"checkout-slo-meta-recordings\"\n")
        .unwrap();
    let alerts = rules
        .find("  - name: \"checkout-slo-burn-rate\"\n")
        .unwrap();
    assert!(sli < meta && meta < alerts);
    assert!(rules.contains("        expr: vector(7)\n"));

    let Some(promtool) = common::promtool() else {
        eprintln!("promtool not found (scripts/setup installs it): text checked, not run");
        return;
    };
    let dir = std::env::temp_dir().join(format!("nines-promtool-sloth-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("rules.yml"), &rules).unwrap();

    common::assert_promtool(&promtool, &dir, &["check", "rules", "rules.yml"], &rules);

    // promtool 2.42 (Debian's, what scripts/setup installs) compares
    // values exactly, and PromQL's floats are not: the counters add 0.06 in
    // binary 5,040 times and 1-0.999 is 0.0010000000000000009, so the
    // period burn rate comes out 0.5000000000000391. The computed ratios
    // are rounded (round(v, 0.001) is floor(v*1000+0.5)/1000, exactly 0.5
    // here); the constants are checked as they are.
    let sloth_info = format!(
        r#"sloth_slo_info{{{LABELS}, sloth_mode="nines-gen-prom", sloth_objective="99.9", sloth_spec="nines", sloth_version="nines-{}"}}"#,
        env!("CARGO_PKG_VERSION")
    );
    // The series are counted every 2 minutes, 5,041 samples a week:
    // promtool's test engine refuses a query that loads more than 10,000
    // samples (its `MaxSamples`), which a week at one a minute does, and a
    // 5m window still holds two or three samples. The rules are evaluated
    // hourly and the groups in file order, so each group reads the previous
    // one's results of the same instant: the values at the end of the week
    // are the same as at every minute (the rules read nothing older), and
    // promtool's work stays small.
    let mut tests = String::from(
        "rule_files:\n  - rules.yml\nevaluation_interval: 1h\n\
         group_eval_order:\n  - checkout-slo-sli-recordings\n  - checkout-slo-meta-recordings\n  \
         - checkout-slo-burn-rate\ntests:\n  - name: 'half the budget spent over the week'\n    \
         interval: 2m\n    input_series:\n      \
         - series: 'http_requests_total{service=\"checkout\",code=\"200\"}'\n        \
         values: '0+119.94x5040'\n      \
         - series: 'http_requests_total{service=\"checkout\",code=\"500\"}'\n        \
         values: '0+0.06x5040'\n    promql_expr_test:\n",
    );
    for (expr, labels, value) in [
        (
            "round(slo:sli_error:ratio_rate7d, 0.0001)".to_string(),
            format!("{{{LABELS}}}"),
            "0.0005",
        ),
        (
            "round(slo:period_burn_rate:ratio, 0.001)".into(),
            format!("{{{LABELS}}}"),
            "0.5",
        ),
        (
            "round(slo:current_burn_rate:ratio, 0.001)".into(),
            format!("{{{LABELS}}}"),
            "0.5",
        ),
        (
            "round(slo:period_error_budget_remaining:ratio, 0.001)".into(),
            format!("{{{LABELS}}}"),
            "0.5",
        ),
        (
            "round(slo:error_budget:ratio, 0.001)".into(),
            format!("{{{LABELS}}}"),
            "0.001",
        ),
        (
            "slo:objective:ratio".into(),
            format!("slo:objective:ratio{{{LABELS}}}"),
            "0.999",
        ),
        (
            "slo:time_period:days".into(),
            format!("slo:time_period:days{{{LABELS}}}"),
            "7",
        ),
        ("sloth_slo_info".into(), sloth_info, "1"),
    ] {
        tests.push_str(&expect(&expr, &labels, value));
    }
    std::fs::write(dir.join("tests.yml"), &tests).unwrap();
    common::assert_promtool(&promtool, &dir, &["test", "rules", "tests.yml"], &tests);
    let _ = std::fs::remove_dir_all(&dir);
}
