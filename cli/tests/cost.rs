//! `nines cost` end to end: engineering cost per nine against revenue at
//! risk (SRE book, "Embracing Risk"; each figure worked by hand), the
//! cheapest target at the edge of the range, the on-call cost included, and
//! the refusals naming the option.

use serde_json::Value;

mod common;
use common::{close, f, json, refused, text};

// ---------------------------------------------------------------------------
// cost
// ---------------------------------------------------------------------------

/// SRE book ch. 3 "Embracing Risk": going from 99.9% to 99.99% on $1M of
/// revenue is worth $1M × 0.0009 = $900; at 99.9% $1,000 a year is at risk.
#[test]
fn cost_embracing_risk_900_dollars() {
    let j = json(&[
        "cost",
        "--slo",
        "99.9",
        "--revenue",
        "$1M",
        "--impact",
        "100%",
        "--levels",
        "3",
        "4",
    ]);
    let step = &j["marginal"][0];
    assert_eq!((f(&step["from_nines"]), f(&step["to_nines"])), (3.0, 4.0));
    assert!(close(f(&step["revenue_protected_per_year"]), 900.0, 1e-9));
    assert!(close(
        f(&j["at_target"]["revenue_at_risk_per_year"]),
        1_000.0,
        1e-9
    ));
    for key in [
        "optimum",
        "tolerable_loss_availability",
        "target_premium_per_year",
    ] {
        assert!(j.get(key).is_some(), "{key}");
    }
}

/// The cost model (SRE book, "Embracing Risk") by hand: with C(n) = $1k × 10^(n − 3) and $1M × 100%
/// × 10^−n at risk, the total is lowest where both are equal, at 3 nines.
#[test]
fn cost_optimum_where_cost_meets_risk() {
    let j = json(&[
        "cost",
        "--revenue",
        "$1M",
        "--impact",
        "100%",
        "--reference-cost",
        "$1k",
        "--reference-nines",
        "3",
    ]);
    assert_eq!(j["optimum_state"], "at");
    assert!(close(f(&j["optimum"]["nines"]), 3.0, 1e-12));
    assert!(close(f(&j["optimum"]["availability"]), 0.999, 1e-12));
}

// ---------------------------------------------------------------------------
// extreme but legal inputs
// ---------------------------------------------------------------------------

/// No revenue: nothing at risk, so no cheapest target and no tolerable-loss
/// target, said in words in the table.
#[test]
fn extreme_revenue() {
    let j = json(&["cost", "--revenue", "0"]);
    assert_eq!(j["optimum_state"], "no-revenue-at-risk");
    assert_eq!(j["optimum"], Value::Null);
    assert_eq!(f(&j["loss_per_downtime_minute"]), 0.0);
    let out = text(&["cost", "--revenue", "$0"]);
    assert!(out.contains("none: no revenue is at risk"), "{out}");
}

// ---------------------------------------------------------------------------
// the figures people read
// ---------------------------------------------------------------------------

/// The cost figures the page and the CLI show, formatted once in the core.
/// The default story by hand: 99.95% is log10(2000) ≈ 3.301 nines, so the
/// engineering cost is $20k × 10^0.30103 = $40,000 and $20M × 80% × 0.0005
/// = $8,000 is at risk: $48,000 in all. A tolerable $8,000 of the $16M at
/// risk is U = 0.0005, exactly 99.95%.
#[test]
fn cost_figures_for_people() {
    let j = json(&["cost"]);
    let d = &j["display"];
    assert_eq!(d["engineering_cost_at_target"], "$40,000");
    assert_eq!(d["revenue_at_risk_at_target"], "$8,000");
    assert_eq!(d["total_cost_at_target"], "$48,000");
    assert_eq!(d["tolerable_loss"], "$8,000");
    assert_eq!(d["tolerable_loss_target"], "99.95%");
    assert_eq!(j["tolerable_loss_target"], "99.95%");
    // $16M a year over 525,949.2 minutes (365.2425 days): $30.42.
    assert_eq!(d["loss_per_downtime_minute"], "$30");
    let out = text(&["cost"]);
    assert!(
        out.contains("Total cost a year                        $48,000\n"),
        "{out}"
    );
    assert!(
        out.contains("Target that loses at most $8,000 a year  99.95%\n"),
        "{out}"
    );
    // Nothing at risk: any target loses nothing; no cheapest level.
    let j = json(&["cost", "--revenue", "$0"]);
    assert_eq!(
        j["display"]["tolerable_loss_target"],
        "any: no revenue at risk"
    );
    assert_eq!(j["display"]["target_premium"], "—");
    assert_eq!(j["tolerable_loss_target"], Value::Null);
    // Tolerating nothing asks for 100%.
    let j = json(&["cost", "--tolerable-loss", "$0"]);
    assert_eq!(j["display"]["tolerable_loss_target"], "100%");
}

// ---------------------------------------------------------------------------
// the optimum at the edge, and the on-call cost included
// ---------------------------------------------------------------------------

/// The cost model's closed form (SRE book, "Embracing Risk": cost per nine
/// against revenue at risk) with k = 10: n* = (log10(R·I / C0) + n0) / 2 = (log10(10^15
/// / 1) + 10) / 2 = 12.5 nines, beyond the 0..=12 the model searches; the
/// figures are 12 nines': $1 × 10^2 + $10^15 × 10^-12 = $1,100 a year.
#[test]
fn a_clamped_cost_optimum_is_at_the_edge() {
    let args = [
        "cost",
        "--revenue",
        "$1000T",
        "--impact",
        "100%",
        "--reference-cost",
        "$1",
        "--reference-nines",
        "10",
    ];
    let j = json(&args);
    assert_eq!(j["optimum_state"], "at-edge");
    assert_eq!(f(&j["optimum"]["nines"]), 12.0);
    let out = text(&args);
    assert!(
        out.contains(
            "($1,100 a year in all), at the edge: 12 nines is the most this model searches"
        ),
        "{out}"
    );
    // The default story's optimum, (log10 800 + 3) / 2 = 2.95, is inside.
    assert_eq!(json(&["cost"])["optimum_state"], "at");
}

/// The cost of a target includes the on-call cost the "Who
/// runs it" section works out for the recommended method. Default story:
/// You Build It You Run It, 3 engineers on standby × $5 × 6 680 h =
/// $100,200, plus 3 teams × 6 incidents × $150 a callout = $2,700:
/// $102,900 a year (worked by hand, the essays' pay figures).
#[test]
fn cost_includes_the_recommended_on_call() {
    let j = json(&["cost"]);
    assert_eq!(f(&j["on_call_cost_per_year"]), 102_900.0);
    let total = f(&j["at_target"]["total_cost_per_year"]);
    assert!(close(
        f(&j["total_with_on_call_at_target"]),
        total + 102_900.0,
        1e-6
    ));
    assert_eq!(
        j["display"]["on_call_cost"],
        "$102,900 a year: You Build It You Run It's on-call (Who runs it)"
    );
}

// ---------------------------------------------------------------------------
// bad input refused
// ---------------------------------------------------------------------------

/// `cost --levels 2 3 400` showed 400 nines as 12, unsaid. The
/// searched range, 0 to 12 nines, is accepted to its end: 3 → 12 nines
/// costs $20k × 10^9 − $20k = $19,999,999,980,000 more and protects
/// $16M × (10^−3 − 10^−12) = $15,999.999984.
#[test]
fn edge_cost_levels_beyond_the_searched_range_are_refused() {
    let e = refused(&["cost", "--levels", "2", "3", "400"]);
    assert!(e.starts_with("nines: --levels: \"400\""), "{e}");
    assert!(e.contains("from 0 to 12 nines"), "{e}");
    let e = refused(&["cost", "--levels", "3", "12.5"]);
    assert!(e.contains("\"12.5\""), "{e}");
    let j = json(&["cost", "--levels", "2", "3", "12"]);
    let last = &j["marginal"][1];
    assert_eq!(f(&last["to_nines"]), 12.0);
    assert_eq!(
        f(&last["extra_engineering_cost_per_year"]),
        19_999_999_980_000.0
    );
    assert!(close(
        f(&last["revenue_protected_per_year"]),
        15_999.999_984,
        1e-6
    ));
}

/// The cost model's refusals name the option, not the core's
/// field (`cost_factor_per_nine`), and say what is allowed.
#[test]
fn edge_cost_model_refusals_name_the_option() {
    for (args, start) in [
        (
            &["cost", "--factor", "0"][..],
            "nines: --factor: must be from 1 to 1000",
        ),
        (
            &["cost", "--factor", "1001"],
            "nines: --factor: must be from 1 to 1000",
        ),
        (
            &["cost", "--reference-nines", "13"],
            "nines: --reference-nines: must be from 0 to 12",
        ),
    ] {
        let e = refused(args);
        assert!(e.starts_with(start), "{e}");
        assert!(!e.contains('_'), "{e}");
    }
}
