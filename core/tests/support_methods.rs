//! Who runs it, as revenue insurance, through the whole scenario:
//! the support section reads the incident model (*Incidents and delivery*)
//! and the revenue (*Cost per nine*), so editing either moves every
//! method's figures. Expected values are worked by hand in the comments.

use nines_core::scenario::{Scenario, evaluate};
use nines_core::support::{MethodComparison, SupportMethod, SupportReport};

fn support(s: &Scenario) -> SupportReport {
    evaluate(s, nines_core::budget::STORY_NOW).support
}

fn row(r: &SupportReport, method: SupportMethod) -> &MethodComparison {
    r.methods.iter().find(|m| m.method == method).unwrap()
}

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance
}

/// The default story: 6 incidents a year of 5m + 30m at 50% of users,
/// $20M at 80% impact, 99.95%, 3 teams. Budget 0.0005 × 31,556,952 s =
/// 15,778.476 s (4h 22m 58s). Ops Run It: 6 × (2,100 + 7,200) × 0.5 =
/// 27,900 s (7h 45m), over it; You Run It 6,300 s (1h 45m). The extra
/// 21,600 s × $20M × 0.8 ÷ 31,556,952 s = $10,951.63 for this service,
/// × 3 = $32,854.88, more than the $102,900 − $72,200 = $30,700 on-call
/// saving.
#[test]
fn default_scenario_comparison() {
    let r = support(&Scenario::default());
    let ops = row(&r, SupportMethod::YouBuildItOpsRunIt);
    let yri = row(&r, SupportMethod::YouBuildItYouRunIt);
    assert_eq!(ops.expected_downtime_per_year_seconds, 27_900.0);
    assert_eq!(yri.expected_downtime_per_year_seconds, 6_300.0);
    assert!(!ops.fits_budget && yri.fits_budget);
    assert!(close(
        ops.revenue_lost_per_service_per_year - yri.revenue_lost_per_service_per_year,
        10_951.628,
        1e-3
    ));
    assert!(close(
        ops.revenue_lost_per_year - yri.revenue_lost_per_year,
        32_854.884,
        1e-3
    ));
    assert_eq!(
        yri.on_call_cost_per_year - ops.on_call_cost_per_year,
        30_700.0
    );
    assert_eq!(r.cheapest_fitting, Some(SupportMethod::YouBuildItYouRunIt));
    // The JSON names the methods as the recommendation does.
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(
        json["methods"][1]["method"],
        json["recommendation"]["method"]
    );
}

/// Each input the issue names moves the figures.
#[test]
fn target_incidents_revenue_and_handoff_move_the_figures() {
    // Target 99.9%: budget 0.001 × 31,556,952 = 31,556.952 s (8h 45m 57s):
    // Ops Run It's 27,900 s now fits.
    let s = Scenario {
        target: "99.9%".parse().unwrap(),
        ..Scenario::default()
    };
    let r = support(&s);
    assert!(close(r.budget_per_year_seconds, 31_556.952, 1e-6));
    assert!(row(&r, SupportMethod::YouBuildItOpsRunIt).fits_budget);

    // 12 incidents a year: You Run It 12 × 2,100 × 0.5 = 12,600 s; the
    // callouts follow too, 3 teams × 12 = 36 at $150: $100,200 + $5,400.
    let mut s = Scenario::default();
    s.incidents.incidents_per_year = 12.0;
    let r = support(&s);
    let yri = row(&r, SupportMethod::YouBuildItYouRunIt);
    assert_eq!(yri.expected_downtime_per_year_seconds, 12_600.0);
    assert_eq!(yri.on_call_cost_per_year, 105_600.0);

    // Time to recover 1h: You Run It 6 × (300 + 3,600) × 0.5 = 11,700 s.
    let mut s = Scenario::default();
    s.incidents.time_to_recover_seconds = 3_600.0;
    assert_eq!(
        row(&support(&s), SupportMethod::YouBuildItYouRunIt).expected_downtime_per_year_seconds,
        11_700.0
    );

    // Revenue $10M at 50%: $5M ÷ 31,556,952 s × 6,300 s × 3 = $2,994.59.
    let mut s = Scenario::default();
    s.cost.model.revenue_per_year = 10e6;
    s.cost.model.impact_fraction = 0.5;
    let r = support(&s);
    assert!(close(
        row(&r, SupportMethod::YouBuildItYouRunIt).revenue_lost_per_year,
        2_994.585_789,
        1e-5
    ));

    // An 8-hour Ops Run It handoff: 6 × (2,100 + 28,800) × 0.5 = 92,700 s.
    let mut s = Scenario::default();
    s.support.on_call.ops_handoff_delay_seconds = 28_800.0;
    let r = support(&s);
    let ops = row(&r, SupportMethod::YouBuildItOpsRunIt);
    assert_eq!(ops.expected_downtime_per_year_seconds, 92_700.0);
    assert_eq!(ops.display.expected_downtime, "1d 1h 45m");
}

/// The new inputs travel in the link, and only when they differ.
#[test]
fn new_inputs_in_the_link() {
    use nines_core::link::{LINK_VERSION, decode, encode};
    use nines_core::support::{Culture, Organisation};
    assert_eq!(encode(&Scenario::default()), format!("v={LINK_VERSION}"));
    let mut s = Scenario::default();
    s.support.on_call.ops_handoff_delay_seconds = 3_600.0;
    s.support.on_call.sre_handoff_delay_seconds = 600.0;
    s.support.investment_per_team_per_year = 25_000.0;
    s.support.sre_investment_factor = 5.0;
    s.support.organisation = Organisation::BusinessDifferentiator;
    s.support.culture = Culture::Generative;
    let q = encode(&s);
    assert!(
        q.contains("support.on_call.ops_handoff_delay_seconds=3600"),
        "{q}"
    );
    assert!(
        q.contains("support.organisation=business-differentiator"),
        "{q}"
    );
    assert!(q.contains("support.culture=generative"), "{q}");
    assert!(!q.contains("ops_sometimes"), "{q}");
    let back = decode(&q);
    assert_eq!(back.scenario, s);
    assert!(back.notices.is_empty());
}
