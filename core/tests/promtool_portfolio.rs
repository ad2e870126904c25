//! The estate's rules in one file (`portfolio::estate_rules`): loaded into
//! one Prometheus, a failing service pages alone. Proven with Prometheus'
//! own `promtool test rules` (scripts/setup installs it; without it the
//! test says so and checks the expressions only), on the example estate
//! (database, ledger, payments, checkout, each with its requests labelled
//! `service="<name>"`). The series: 120 minutes of healthy traffic for
//! every service (60 requests a minute), then every request of one service
//! fails for 60 minutes. At 100% errors a 99.95% or 99.9% SLO's page alert
//! (14.4× over 1h and 5m) fires once the last hour's ratio passes
//! 14.4 × 0.1% = 1.44%, within a minute: by minute 180 it fires; the
//! healthy services' alerts never do.

mod common;

use nines_core::budget::STORY_NOW;
use nines_core::portfolio::{estate_rules, example};

const SERVICES: [&str; 4] = ["database", "ledger", "payments", "checkout"];

fn series(failing: &str) -> String {
    let mut out = String::new();
    for service in SERVICES {
        let (good, bad) = if service == failing {
            ("0+60x120 7200+0x60", "0+0x120 60+60x60")
        } else {
            ("0+60x180", "0+0x180")
        };
        out.push_str(&format!(
            "      - series: 'http_requests_total{{service=\"{service}\",code=\"200\"}}'\n        values: '{good}'\n      - series: 'http_requests_total{{service=\"{service}\",code=\"500\"}}'\n        values: '{bad}'\n"
        ));
    }
    out
}

fn test_case(failing: &str) -> String {
    let mut out = format!(
        "  - name: '{failing} fails, the rest of the estate stays silent'\n    interval: 1m\n    input_series:\n{}    promql_expr_test:\n",
        series(failing)
    );
    for service in SERVICES {
        let selector = format!(r#"alertstate="firing",service="{service}",slo="availability""#);
        for minute in [130, 150, 180] {
            let firing = service == failing;
            if firing && minute != 180 {
                continue;
            }
            out.push_str(&format!(
                "      - expr: '(count(ALERTS{{{selector}}}) or vector(0)) > bool 0'\n        eval_time: {minute}m\n        exp_samples:\n          - labels: '{{}}'\n            value: {}\n",
                u8::from(firing)
            ));
        }
    }
    out
}

#[test]
fn a_failing_service_of_the_estate_pages_alone() {
    let rules = estate_rules(&example(), STORY_NOW).unwrap();
    // Every service's groups are in the one file, each selecting its own.
    for service in SERVICES {
        assert!(
            rules.contains(&format!("  # The service \"{service}\":\n")),
            "{service}"
        );
        assert!(
            rules.contains(&format!(
                r#"{{service="{service}",slo="availability"}} > ("#
            )),
            "{service}"
        );
    }
    assert_eq!(rules.matches("\ngroups:\n").count(), 1);
    let Some(promtool) = common::promtool() else {
        eprintln!("promtool not found (scripts/setup installs it): expressions checked, not run");
        return;
    };
    let dir = std::env::temp_dir().join(format!("nines-promtool-estate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("estate.yml"), &rules).unwrap();
    let mut tests = "rule_files:\n  - estate.yml\nevaluation_interval: 1m\ntests:\n".to_string();
    tests.push_str(&test_case("payments"));
    tests.push_str(&test_case("database"));
    std::fs::write(dir.join("tests.yml"), &tests).unwrap();
    common::assert_promtool(&promtool, &dir, &["check", "rules", "estate.yml"], &rules);
    common::assert_promtool(&promtool, &dir, &["test", "rules", "tests.yml"], &tests);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Two services with the same service and SLO labels would page each
/// other: refused, naming both.
#[test]
fn two_services_with_the_same_labels_are_refused() {
    let mut p = example();
    let ledger = nines_core::link::decode(&p.services[1].link).scenario;
    let mut payments = nines_core::link::decode(&p.services[2].link).scenario;
    payments.production = ledger.production;
    p.services[2].link = nines_core::link::encode(&payments);
    assert_eq!(
        estate_rules(&p, STORY_NOW).unwrap_err(),
        r#""ledger" and "payments" both write rules for the service "ledger"'s SLO "availability": give each its own production names"#
    );
}
