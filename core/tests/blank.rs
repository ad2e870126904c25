//! "Start from scratch": the blank
//! scenario has no incident, dependency or example amount, its link is the
//! few inputs it clears, and every section evaluates it without inventing a
//! figure (no NaN, no infinity, nothing spent, nothing expected to fail).

use nines_core::budget::BudgetMode;
use nines_core::link::{decode, encode};
use nines_core::scenario::{Scenario, evaluate};
use serde_json::Value;

/// The link's keys, after `v=`.
fn keys(link: &str) -> Vec<&str> {
    link.split('&')
        .filter_map(|pair| pair.split_once('=').map(|(k, _)| k))
        .filter(|k| *k != "v")
        .collect()
}

/// Every string in a report's JSON.
fn strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

/// The inputs `Scenario::blank` clears, as link keys: each must be in its
/// link (it differs from the example), and nothing else may be (the
/// target, the conventions and the stated assumptions are the default's).
/// `budget.bad_seconds` is cleared too; it is in the link only while the
/// default's bad time is not 0.
const CLEARED: [&str; 8] = [
    "budget.bad_events",
    "incidents.incidents_per_year",
    "incidents.history",
    "delivery.deployment_frequency",
    "dependencies.dependencies",
    "cost.model.reference_cost_per_year",
    "cost.model.revenue_per_year",
    "cost.tolerable_loss_per_year",
];

#[test]
fn the_blank_link_holds_only_what_it_clears() {
    let blank = Scenario::blank();
    let link = encode(&blank);
    let found = keys(&link);
    for key in CLEARED {
        assert!(found.contains(&key), "{key} missing from {link}");
    }
    for key in &found {
        assert!(
            CLEARED.contains(key) || *key == "budget.bad_seconds",
            "{key} should keep its default: {link}"
        );
    }
    let back = decode(&link);
    assert_eq!(back.scenario, blank);
    assert!(back.notices.is_empty(), "{:?}", back.notices);
}

/// The most characters the blank link may take (the doctest of
/// `Scenario::blank` holds it to the same): nine keys of 20 to 45
/// characters fit, and one logged incident does not.
const LINK_BOUND: usize = 300;

/// The bound catches a blank scenario that kept some of the example: one
/// of its logged incidents, written in the link, takes it past 300.
#[test]
fn one_logged_incident_would_break_the_bound() {
    let blank = Scenario::blank();
    let link = encode(&blank);
    assert!(link.len() < LINK_BOUND, "{} characters: {link}", link.len());
    let mut one = blank;
    one.incidents.history = Scenario::default().incidents.history[..1].to_vec();
    let longer = encode(&one);
    assert!(
        longer.len() >= LINK_BOUND,
        "{} characters: {longer}",
        longer.len()
    );
}

#[test]
fn the_blank_report_invents_nothing_in_either_budget_mode() {
    for mode in [BudgetMode::Requests, BudgetMode::Time] {
        let mut s = Scenario::blank();
        s.budget.mode = mode;
        let r = evaluate(&s, nines_core::budget::STORY_NOW);
        // Nothing logged, listed, expected or spent.
        assert!(r.incidents.log.rows.is_empty());
        assert!(r.dependencies.extra_nine.is_empty());
        assert_eq!(r.dependencies.dependencies_unavailability, 0.0);
        assert_eq!(r.incidents.expected_unavailability, 0.0);
        assert_eq!(r.delivery.release_downtime_per_window_seconds, 0.0);
        assert_eq!(r.spend.total, Some(0.0));
        assert_eq!(r.spend.fits, Some(true));
        assert_eq!(r.budget.spent, 0.0, "{mode:?}");
        assert_eq!(r.budget.consumed, Some(0.0), "{mode:?}");
        // No money: no engineering cost, no revenue at risk, no cheapest
        // target to name (the model says why), no target a loss implies.
        assert_eq!(r.cost.at_target.engineering_cost_per_year, 0.0);
        assert_eq!(r.cost.at_target.revenue_at_risk_per_year, 0.0);
        assert!(r.cost.at_optimum.is_none());
        assert!(r.cost.tolerable_loss_target.is_none());
        assert_eq!(r.support.revenue_per_day, 0.0);
        assert!(
            r.support
                .methods
                .iter()
                .all(|m| m.revenue_lost_per_year == 0.0)
        );
        // Every figure written for people is a figure.
        let mut all = Vec::new();
        strings(&serde_json::to_value(&r).unwrap(), &mut all);
        for text in &all {
            assert!(
                !text.contains("NaN") && !text.contains("inf"),
                "{mode:?}: {text}"
            );
        }
    }
}
