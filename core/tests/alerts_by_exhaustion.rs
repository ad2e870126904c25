//! Custom alert rows stated by time to exhaustion give the
//! figures, warnings and exports of the same alerts stated by budget
//! fraction.
//!
//! By hand, from the SRE Workbook's Table 5-8 (ch. 5, "Recommended
//! parameters for a 99.9% SLO alerting configuration"), over 30 days
//! (720 h): a burn rate `b` spends the whole budget in `720 h / b`, so
//! page 2% in 1h (burn 14.4) is `page exhausts 50h 1h 5m`, page 5% in 6h
//! (burn 6) is `page exhausts 120h 6h 30m` (5 days), ticket 10% in 3d
//! (burn 1) is `ticket exhausts 30d 3d 6h`. The budget fraction within the
//! long window comes back as long / time: 1h / 50h = 2%, 6h / 120h = 5%,
//! 3d / 30d = 10%.

use nines_core::alerts::PolicyChoice;
use nines_core::export::{openslo, prometheus_rules};
use nines_core::scenario::{Report, Scenario, evaluate};

fn report_at(target: &str, policy: PolicyChoice, lines: &[&str]) -> Report {
    let json = format!(r#"{{"target": "{target}", "slo_window": "30d"}}"#);
    let mut s: Scenario = serde_json::from_str(&json).unwrap();
    s.alerts.policy = policy;
    s.alerts.custom = lines.iter().map(|l| l.parse().unwrap()).collect();
    evaluate(&s, nines_core::budget::STORY_NOW)
}

fn report(policy: PolicyChoice, lines: &[&str]) -> Report {
    report_at("99.9%", policy, lines)
}

#[test]
fn the_workbook_table_stated_by_time_to_exhaustion() {
    let by_time = report(
        PolicyChoice::Custom,
        &[
            "page exhausts 50h 1h 5m",
            "page exhausts 5d 6h 30m",
            "ticket exhausts 30d 3d 6h",
        ],
    );
    let by_fraction = report(
        PolicyChoice::Custom,
        &["page 2% 1h 5m", "page 5% 6h 30m", "ticket 10% 3d 6h"],
    );
    let workbook = report(PolicyChoice::Workbook, &[]);
    assert_eq!(by_time.alerts.error, None);
    assert_eq!(by_time.alerts.rows, workbook.alerts.rows);
    assert_eq!(by_time.alerts.rows, by_fraction.alerts.rows);
    assert_eq!(by_time.alerts.warnings, by_fraction.alerts.warnings);
    let burns: Vec<&str> = by_time
        .alerts
        .rows
        .iter()
        .map(|r| r.burn_rate_display.as_str())
        .collect();
    assert_eq!(burns, ["14.4×", "6×", "1×"]);
    let spent: Vec<&str> = by_time
        .alerts
        .rows
        .iter()
        .map(|r| r.budget_consumed_display.as_str())
        .collect();
    assert_eq!(spent, ["2%", "5%", "10%"]);

    // The exports read the burn rate, so they follow: the Workbook's
    // thresholds 14.4, 6 and 1 × 0.1%.
    let m = "job:slo_errors_per_request:ratio_rate";
    let p = nines_core::production::ProductionInputs {
        recording: m.into(),
        ..Default::default()
    };
    let yaml = prometheus_rules(&by_time, &p).unwrap();
    assert_eq!(yaml, prometheus_rules(&by_fraction, &p).unwrap());
    for (burn, long, short) in [("14.4", "1h", "5m"), ("6", "6h", "30m"), ("1", "3d", "6h")] {
        let threshold = format!("({burn}*0.001)");
        let own = p.slo_matchers();
        let want = format!(
            "          ({m}{long}{own} > {threshold})\n          and\n          ({m}{short}{own} > {threshold})\n"
        );
        assert!(yaml.contains(&want), "missing {want}\nin\n{yaml}");
    }
    let q = |r: &Report| openslo(r, &p).unwrap();
    assert_eq!(q(&by_time), q(&by_fraction));
}

/// Warnings come from the burn rate too: at 90% a burn of 14.4 needs an
/// error ratio of 144%, so the page stated as "exhausts in 50h" can never
/// fire either (Workbook ch. 5, "Extreme Availability Goals").
#[test]
fn an_alert_stated_by_time_warns_as_the_same_alert_by_fraction() {
    let at_90 = |line: &str| report_at("90%", PolicyChoice::Custom, &[line]).alerts;
    let by_time = at_90("page exhausts 50h 1h 5m");
    assert_eq!(by_time.warnings, at_90("page 2% 1h 5m").warnings);
    assert!(
        by_time.warnings[0].starts_with("Page alert 1 can never fire"),
        "{:?}",
        by_time.warnings
    );
    assert_eq!(by_time.rows[0].detection_display, "never");
}
