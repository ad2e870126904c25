//! `nines support` end to end: the rule that picks the production support
//! method, its on-call cost, and each method as revenue insurance (the
//! `methods` list of its JSON, the flags of its inputs and the text),
//! against hand-worked figures (each in a comment; none copied from the
//! program's output).

use std::process::Output;

use serde_json::Value;

mod common;
use common::{f, text};

/// The arguments with `support` in front unless they start with it: the
/// revenue-insurance tests give only the options (`json(&["--teams", "3"])`
/// is `nines support --teams 3 --json`).
fn support<'a>(args: &[&'a str]) -> Vec<&'a str> {
    if args.first() == Some(&"support") {
        args.to_vec()
    } else {
        [&["support"], args].concat()
    }
}

/// `nines ARGS` with nothing on standard input.
fn nines(args: &[&str]) -> Output {
    common::nines(args, None)
}

/// `nines support …`'s JSON; panics unless it succeeded.
fn json(args: &[&str]) -> Value {
    common::json(&support(args))
}

/// `nines support …` refused: exit code 2 and one line, which is returned.
fn refused(args: &[&str]) -> String {
    common::refused(&support(args))
}

// ---------------------------------------------------------------------------
// support
// ---------------------------------------------------------------------------

/// Steve Smith, "Aim for Operability, not SRE as a Cult": You Build It SRE
/// Run It "is only warranted when multiple services exist with critical
/// user traffic, and at an availability level of four nines or more".
#[test]
fn support_sre_run_it_rule() {
    let j = json(&[
        "support",
        "--slo",
        "99.99",
        "--deploys",
        "10 per week",
        "--criticality",
        "critical",
        "--teams",
        "3",
    ]);
    let r = &j["recommendation"];
    assert_eq!(r["method_name"], "You Build It SRE Run It");
    assert!(r["reason"].as_str().unwrap().contains("four nines or more"));
    assert_eq!(j["on_call_costs"].as_array().unwrap().len(), 4);
    assert_eq!(f(&j["deployments_per_week"]), 10.0);
}

/// "You Build It Ops Run It": it "can only lead to Discontinuous Delivery"
/// when demand calls for more than weekly deployments; with low demand
/// (one a month) and a low target it remains the recommendation.
#[test]
fn support_demand_decides_ops_run_it() {
    let base = [
        "support",
        "--slo",
        "98",
        "--criticality",
        "low",
        "--teams",
        "1",
    ];
    let low = json(&[&base[..], &["--deploys", "1 per month"]].concat());
    assert_eq!(
        low["recommendation"]["method_name"],
        "You Build It Ops Run It"
    );
    let high = json(&[&base[..], &["--deploys", "2 per day"]].concat());
    assert_eq!(
        high["recommendation"]["method_name"],
        "You Build It You Run It"
    );
    assert_eq!(f(&high["deployments_per_week"]), 14.0);
}

/// On-call cost = people on the rota × standby rate × hours +
/// callouts × callout rate. You Run It with 3 teams at $5 an hour over
/// 8760 − 52 × 40 = 6680 out-of-hours hours, 18 incidents at $150:
/// 3 × 5 × 6680 + 18 × 150 = $102,900.
#[test]
fn support_on_call_cost_by_hand() {
    let j = json(&[
        "support",
        "--teams",
        "3",
        "--standby-rate",
        "$5",
        "--callout-rate",
        "$150",
        "--incidents",
        "18 per year",
    ]);
    let you = j["on_call_costs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["method_name"] == "You Build It You Run It")
        .unwrap()
        .clone();
    assert_eq!(f(&you["total_cost_per_year"]), 102_900.0);
}

// ---------------------------------------------------------------------------
// the figures people read
// ---------------------------------------------------------------------------

/// The support figures the page and the CLI show, formatted once in the
/// core: one deployment a month (30.436875 days) is 7 / 30.436875 = 0.23 a
/// week; You Run It for 3 teams costs 3 × $5 × 6680 h + 18 × $150 = $102,900.
#[test]
fn support_figures_for_people() {
    let j = json(&["support", "--deploys", "1 per month"]);
    assert_eq!(j["display"]["deployments_per_week"], "0.2");
    assert_eq!(
        j["recommendation"]["method_name"],
        "You Build It You Run It"
    );
    assert_eq!(j["display"]["recommended_on_call_cost"], "$102,900");
    let out = text(&["support"]);
    assert!(
        out.contains("You Build It You Run It (recommended)  $100,200    $2,700  $102,900\n"),
        "{out}"
    );
    assert!(
        out.contains("You Build It Ops Run It adds 2h to each time to restore"),
        "{out}"
    );
}

// ---------------------------------------------------------------------------
// bad input refused
// ---------------------------------------------------------------------------

/// `support --teams 0` counted 6 incidents of downtime a year and
/// no one to restore them (You Build It You Run It at $0 on call, the
/// cheapest). At least one team: this service's.
#[test]
fn edge_support_needs_a_team() {
    let e = refused(&["support", "--teams", "0"]);
    assert!(e.starts_with("nines: --teams: "), "{e}");
    assert!(e.contains("at least 1"), "{e}");
    // One team: 1 × $5 × 6,680 h standby + 6 callouts × $150 = $34,300.
    let j = json(&["support", "--teams", "1"]);
    let yri = j["on_call_costs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["method"] == "YouBuildItYouRunIt")
        .unwrap()
        .clone();
    assert_eq!(f(&yri["total_cost_per_year"]), 34_300.0);
}

// ---------------------------------------------------------------------------
// each method as revenue insurance
// ---------------------------------------------------------------------------

/// The method's entry of `methods`, by the name `recommendation.method`
/// uses.
fn method<'a>(j: &'a Value, name: &str) -> &'a Value {
    j["methods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["method"] == name)
        .unwrap_or_else(|| panic!("no {name} in {j}"))
}

/// The default story, worked by hand: $20M × 80% ÷ 31,556,952 s a
/// year = $0.5070198 a second ($1,825 an hour). Ops Run It restores in
/// 5m + 30m + 2h = 9,300 s; 6 × 9,300 × 50% = 27,900 s a year, over the
/// 0.0005 × 31,556,952 = 15,778.476 s budget; it loses 27,900 × 0.5070198
/// × 3 services = $42,437.56, pays $72,200 on call, invests nothing:
/// $114,637.56. You Run It: 2,100 s, 6,300 s (fits), $9,582.67 lost,
/// $102,900 on call, 3 × $10,000 invested: $142,482.67, the cheapest that
/// fits.
#[test]
fn methods_list_of_the_default_story() {
    let j = json(&[]);
    let methods = j["methods"].as_array().unwrap();
    assert_eq!(methods.len(), 4);
    let ops = method(&j, "YouBuildItOpsRunIt");
    assert_eq!(f(&ops["time_to_restore_seconds"]), 9_300.0);
    assert_eq!(f(&ops["expected_downtime_per_year_seconds"]), 27_900.0);
    assert_eq!(ops["fits_budget"], false);
    assert!((f(&ops["revenue_lost_per_year"]) - 42_437.56).abs() < 0.01);
    assert_eq!(f(&ops["on_call_cost_per_year"]), 72_200.0);
    assert_eq!(f(&ops["investment_per_year"]), 0.0);
    assert!((f(&ops["total_cost_per_year"]) - 114_637.56).abs() < 0.01);
    let yri = method(&j, "YouBuildItYouRunIt");
    assert_eq!(yri["method"], j["recommendation"]["method"]);
    assert_eq!(f(&yri["time_to_restore_seconds"]), 2_100.0);
    assert_eq!(f(&yri["expected_downtime_per_year_seconds"]), 6_300.0);
    assert_eq!(yri["fits_budget"], true);
    assert!((f(&yri["revenue_lost_per_year"]) - 9_582.67).abs() < 0.01);
    assert_eq!(f(&yri["investment_per_year"]), 30_000.0);
    assert!((f(&yri["total_cost_per_year"]) - 142_482.67).abs() < 0.01);
    assert_eq!(j["cheapest_fitting"], "YouBuildItYouRunIt");
    // SRE Run It invests ten times You Run It's: $300,000.
    assert_eq!(
        f(&method(&j, "YouBuildItSreRunIt")["investment_per_year"]),
        300_000.0
    );
}

/// The flags move the figures as the arithmetic says.
#[test]
fn flags_move_the_comparison() {
    // --ops-handoff 30m: 6 × (2,100 + 1,800) × 50% = 11,700 s, within the
    // budget; Ops Run It is then the cheapest that fits.
    let j = json(&["--ops-handoff", "30m"]);
    let ops = method(&j, "YouBuildItOpsRunIt");
    assert_eq!(f(&ops["expected_downtime_per_year_seconds"]), 11_700.0);
    assert_eq!(ops["fits_budget"], true);
    assert_eq!(j["cheapest_fitting"], "YouBuildItOpsRunIt");
    // --slo 99.99: the budget is 3,155.6952 s; even You Run It's 6,300 s
    // is over it.
    let j = json(&["--slo", "99.99"]);
    assert!((f(&j["budget_per_year_seconds"]) - 3_155.695_2).abs() < 1e-6);
    assert_eq!(j["cheapest_fitting"], Value::Null);
    // --revenue $1M --impact 100%: $1M ÷ 31,556,952 s × 6,300 s × 3 =
    // $598.92 lost under You Run It.
    let j = json(&["--revenue", "$1M", "--impact", "100%"]);
    let lost = f(&method(&j, "YouBuildItYouRunIt")["revenue_lost_per_year"]);
    assert!((lost - 598.917).abs() < 1e-3, "{lost}");
    // --ttd 10m --ttr 50m --scope 100%: 6 × 3,600 × 1 = 21,600 s.
    let j = json(&["--ttd", "10m", "--ttr", "50m", "--scope", "100%"]);
    assert_eq!(
        f(&method(&j, "YouBuildItYouRunIt")["expected_downtime_per_year_seconds"]),
        21_600.0
    );
    // --investment $20k --sre-factor 5: You Run It 3 × $20,000 = $60,000,
    // SRE Run It 5 × $60,000 = $300,000.
    let j = json(&["--investment", "$20k", "--sre-factor", "5"]);
    assert_eq!(
        f(&method(&j, "YouBuildItYouRunIt")["investment_per_year"]),
        60_000.0
    );
    assert_eq!(
        f(&method(&j, "YouBuildItSreRunIt")["investment_per_year"]),
        300_000.0
    );
    // --sre-handoff 1h: SRE Run It restores in 2,100 + 3,600 = 5,700 s.
    let j = json(&["--sre-handoff", "1h"]);
    assert_eq!(
        f(&method(&j, "YouBuildItSreRunIt")["time_to_restore_seconds"]),
        5_700.0
    );
    // A generative business differentiator: no conflicts.
    let j = json(&[
        "--organisation",
        "business-differentiator",
        "--culture",
        "generative",
    ]);
    assert_eq!(j["conflicts"].as_array().unwrap().len(), 0);
    assert_eq!(j["organisation"], "business-differentiator");
    // In pounds: the totals are labelled £.
    let j = json(&["--revenue", "£20M"]);
    assert_eq!(
        method(&j, "YouBuildItYouRunIt")["display"]["total_cost"],
        "£142,483"
    );
}

#[test]
fn bad_new_inputs_name_the_field() {
    assert!(refused(&["--ops-handoff", "soon"]).contains("--ops-handoff"));
    assert!(refused(&["--culture", "toxic"]).contains("pathological, bureaucratic, generative"));
    assert!(refused(&["--organisation", "startup"]).contains("--organisation"));
    assert!(refused(&["--impact", "180%"]).contains("--impact"));
    assert!(refused(&["--investment", "lots"]).contains("--investment"));
}

/// The text shows the comparison and the sentence on what You Build It
/// You Run It saves and costs.
#[test]
fn text_shows_the_comparison() {
    let out = nines(&["support"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Each method as revenue insurance, a year"));
    assert!(text.contains("7h 45m"));
    assert!(text.contains("Budget: 4h 22m 58s a year at 99.95%"));
    // $30,700 saved against $32,855 more lost across the 3 services.
    assert!(text.contains("saves $30,700 of on-call pay a year"));
    assert!(text.contains("$32,855 across the 3 teams' services"));
    assert!(text.contains("doomed to fail at scale"));
}
