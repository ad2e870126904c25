//! Very large links: every list a scenario holds has a bound
//! (`nines_core::bounds`), a link holding more is cut to it with one notice
//! naming the list, how many it had and how many are kept, and a scenario
//! with every list at its bound evaluates quickly. The links here are
//! written by hand from the format documented in `link.rs` (a list is one
//! key holding compact JSON), not by `encode`.

mod common;

use std::time::Instant;

use nines_core::bounds::{
    Cut, List, MAX_COST_LEVELS, MAX_CURVE_SAMPLES, MAX_CUSTOM_ALERTS, MAX_DEPENDENCIES,
    MAX_DEPENDENCY_ENTRIES, MAX_INCIDENTS, MAX_MEMBERS, MAX_NESTING,
};
use nines_core::dependency::Composition;
use nines_core::incident::PastIncident;
use nines_core::link::{Notice, decode, encode, encode_component};
use nines_core::scenario::{PolicyChoice, Scenario, bound, evaluate, within_bounds};
use serde_json::{Value, json};

const NOW: chrono::DateTime<chrono::Utc> = nines_core::budget::STORY_NOW;

/// A link of the default scenario with `key` set to the JSON `value`.
fn link(pairs: &[(&str, Value)]) -> String {
    let mut out = String::from("v=4");
    for (key, value) in pairs {
        let text = match value {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        out.push('&');
        out.push_str(key);
        out.push('=');
        out.push_str(&encode_component(&text));
    }
    out
}

/// `{"Component":{"name":"dependency 7","unavailability":0.0001}}`
fn component(i: usize) -> Value {
    json!({ "Component": { "name": format!("dependency {i}"), "unavailability": 0.0001 } })
}

fn components(n: usize) -> Vec<Value> {
    (0..n).map(component).collect()
}

/// A custom alert row as the link carries it.
fn alert(i: usize) -> Value {
    json!({
        "severity": if i % 2 == 0 { "page" } else { "ticket" },
        "budget_fraction": 0.02,
        "long_window_seconds": 3600.0 + 60.0 * i as f64,
        "short_window_seconds": 300.0,
        "for_seconds": null,
        "fixed_burn_rate": null,
    })
}

/// The `i`th incident of a log, `i` hours before 2026-11-10T00:00:00Z
/// (the later the index, the earlier the incident).
fn incident_text(i: usize) -> String {
    let start = chrono::DateTime::parse_from_rfc3339("2026-11-10T00:00:00Z")
        .unwrap()
        .with_timezone(&chrono::Utc)
        - chrono::Duration::hours(i as i64);
    format!(
        "{},30m,50%,incident {i}",
        start.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    )
}

/// The one notice of a decoded link, which must be the cut `expected`;
/// its text names both numbers.
fn one_cut(query: &str, expected: Cut) -> Scenario {
    let d = decode(query);
    assert_eq!(d.notices, [Notice::Cut(expected.clone())]);
    let text = d.notices[0].to_string();
    let grouped = |n: usize| {
        let s = n.to_string();
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        out
    };
    assert!(text.contains(&grouped(expected.had)), "{text}");
    assert!(text.contains(&grouped(expected.kept)), "{text}");
    assert!(!text.contains('\n'));
    println!("{text}");
    d.scenario
}

#[test]
fn a_link_with_2000_dependencies_keeps_the_first_100_and_says_so() {
    let query = link(&[("dependencies.dependencies", Value::Array(components(2_000)))]);
    let s = one_cut(
        &query,
        Cut {
            list: List::Dependencies,
            had: 2_000,
            kept: 100,
        },
    );
    assert_eq!(
        decode(&query).notices[0].to_string(),
        "The link had 2,000 dependencies; the first 100 are kept (the most Nines holds)"
    );
    let deps = &s.dependencies.dependencies;
    assert_eq!(deps.len(), MAX_DEPENDENCIES);
    assert_eq!(deps[0].name(), "dependency 0");
    assert_eq!(deps[99].name(), "dependency 99");
    // What is kept reads back without a notice.
    let again = decode(&encode(&s));
    assert!(again.notices.is_empty(), "{:?}", again.notices);
    assert_eq!(again.scenario, s);
}

#[test]
fn one_beyond_each_bound_is_cut_with_one_notice() {
    // 101 dependencies, one too many.
    one_cut(
        &link(&[("dependencies.dependencies", Value::Array(components(101)))]),
        Cut {
            list: List::Dependencies,
            had: 101,
            kept: 100,
        },
    );
    // A group of 150 members keeps 100.
    let s = one_cut(
        &link(&[(
            "dependencies.dependencies",
            json!([{ "Parallel": components(150) }]),
        )]),
        Cut {
            list: List::Members,
            had: 150,
            kept: 100,
        },
    );
    assert!(
        matches!(&s.dependencies.dependencies[0], Composition::Parallel(of) if of.len() == MAX_MEMBERS)
    );
    // 100 groups of 10: 1,100 entries, the first 500 kept: 45 whole groups
    // (495 entries) and the 46th with its first 4 members.
    let groups: Vec<Value> = (0..100)
        .map(|_| json!({ "Serial": components(10) }))
        .collect();
    let s = one_cut(
        &link(&[("dependencies.dependencies", Value::Array(groups))]),
        Cut {
            list: List::DependencyEntries,
            had: 1_100,
            kept: 500,
        },
    );
    let deps = &s.dependencies.dependencies;
    assert_eq!(deps.len(), 46);
    assert!(matches!(&deps[45], Composition::Serial(of) if of.len() == 4));
    // 21 custom alerts keep 20.
    let s = one_cut(
        &link(&[
            ("alerts.policy", json!("custom")),
            ("alerts.custom", Value::Array((0..21).map(alert).collect())),
        ]),
        Cut {
            list: List::CustomAlerts,
            had: 21,
            kept: 20,
        },
    );
    assert_eq!(s.alerts.custom.len(), MAX_CUSTOM_ALERTS);
    assert_eq!(
        s.alerts.custom[19].long_window_seconds,
        3600.0 + 60.0 * 19.0
    );
    // 1,500 incidents keep the latest 1,000: the log lists the latest
    // first here, so the first 1,000 of it.
    let s = one_cut(
        &link(&[(
            "incidents.history",
            Value::Array((0..1_500).map(|i| json!(incident_text(i))).collect()),
        )]),
        Cut {
            list: List::Incidents,
            had: 1_500,
            kept: 1_000,
        },
    );
    assert_eq!(s.incidents.history.len(), MAX_INCIDENTS);
    assert_eq!(s.incidents.history[999].note, "incident 999");
    // The same log oldest first: still the latest 1,000, in the log's order.
    let s = one_cut(
        &link(&[(
            "incidents.history",
            Value::Array((0..1_500).rev().map(|i| json!(incident_text(i))).collect()),
        )]),
        Cut {
            list: List::Incidents,
            had: 1_500,
            kept: 1_000,
        },
    );
    assert_eq!(s.incidents.history[0].note, "incident 999");
    assert_eq!(s.incidents.history[999].note, "incident 0");
    // 200,000 cost levels (the 43-second link) keep 100.
    let s = one_cut(
        &link(&[(
            "cost.marginal_levels",
            Value::Array(
                (0..200_000)
                    .map(|i| json!(2.0 + (i % 40) as f64 / 10.0))
                    .collect(),
            ),
        )]),
        Cut {
            list: List::CostLevels,
            had: 200_000,
            kept: 100,
        },
    );
    assert_eq!(s.cost.marginal_levels.len(), MAX_COST_LEVELS);
    // 10,000 points on the cost chart: 1,000.
    let s = one_cut(
        &link(&[("cost.curve_samples", json!(10_000))]),
        Cut {
            list: List::CurveSamples,
            had: 10_000,
            kept: 1_000,
        },
    );
    assert_eq!(s.cost.curve_samples, MAX_CURVE_SAMPLES);
    // 101 outage scopes for the 4 default dependencies keep 100.
    one_cut(
        &link(&[("dependencies.scopes", json!(vec![0.5; 101]))]),
        Cut {
            list: List::Scopes,
            had: 101,
            kept: 100,
        },
    );
}

/// Groups nested 12 levels deep: each pair holds the next level and a side
/// of 50%, the deepest component is 10%. At level 8 the pair holding the
/// rest becomes one component of 0.1 × 0.5⁴ = 0.00625 (levels 8 to 11 each
/// add a side), so the figures do not change: 0.1 × 0.5¹¹.
#[test]
fn groups_nested_beyond_the_deepest_level_become_components() {
    let mut chain = json!({ "Component": { "name": "deepest", "unavailability": 0.1 } });
    for _ in 1..12 {
        chain = json!({ "Parallel": [chain, { "Component": { "name": "side", "unavailability": 0.5 } }] });
    }
    let s = one_cut(
        &link(&[("dependencies.dependencies", json!([chain]))]),
        Cut {
            list: List::Nesting,
            had: 12,
            kept: MAX_NESTING,
        },
    );
    let d = &s.dependencies;
    assert_eq!(d.shape().levels, MAX_NESTING);
    let Some(Composition::Component(c)) = d.at(&[0; 8]) else {
        panic!("{:?}", d.at(&[0; 8]));
    };
    assert!((c.unavailability - 0.00625).abs() < 1e-15, "{c:?}");
    let u = d.dependencies[0].unavailability().unwrap();
    assert!((u - 0.1 * 0.5_f64.powi(11)).abs() < 1e-18, "{u}");
}

/// Every list at its bound: 20 custom alerts, 1,000 incidents, 100
/// dependencies holding 500 entries (a chain 8 levels deep: 15 entries;
/// three 50-of-100 groups: 303; a serial group of 86: 87; 95 components),
/// 100 outage scopes, 100 cost levels and 1,000 points on the cost chart.
/// The same as `tests/e2e/bounds.test.mjs` opens in the browser.
fn maximal() -> Scenario {
    let mut s = Scenario::default();
    s.alerts.policy = PolicyChoice::Custom;
    s.alerts.custom = (0..MAX_CUSTOM_ALERTS)
        .map(|i| serde_json::from_value(alert(i)).unwrap())
        .collect();
    s.incidents.history = (0..MAX_INCIDENTS)
        .map(|i| PastIncident::parse(&incident_text(i)).unwrap())
        .collect();
    let c = |i: usize| Composition::component(format!("dependency {i}"), 0.0001);
    let mut chain = c(0);
    for level in (1..MAX_NESTING).rev() {
        chain = Composition::Parallel(vec![chain, c(level)]);
    }
    let mut deps = vec![chain];
    deps.extend((0..3).map(|_| Composition::KOfN {
        k: 50,
        of: (0..MAX_MEMBERS).map(c).collect(),
    }));
    deps.push(Composition::Serial((0..86).map(c).collect()));
    deps.extend((0..95).map(c));
    s.dependencies.dependencies = deps;
    s.dependencies.scopes = vec![0.5; MAX_DEPENDENCIES];
    s.cost.marginal_levels = (0..MAX_COST_LEVELS).map(|i| i as f64 / 10.0).collect();
    s.cost.curve_samples = MAX_CURVE_SAMPLES;
    s
}

#[test]
fn a_scenario_at_every_bound_is_kept_whole_and_evaluates_quickly() {
    let s = maximal();
    let shape = s.dependencies.shape();
    assert_eq!(
        (
            shape.dependencies,
            shape.widest,
            shape.levels,
            shape.entries
        ),
        (
            MAX_DEPENDENCIES,
            MAX_MEMBERS,
            MAX_NESTING,
            MAX_DEPENDENCY_ENTRIES
        )
    );
    assert!(within_bounds(&s));
    assert!(bound(&mut s.clone()).is_empty());
    let query = encode(&s);
    println!("the maximal link: {} characters", query.len());
    let t = Instant::now();
    let d = decode(&query);
    println!("decode: {:?}", t.elapsed());
    assert!(d.notices.is_empty(), "{:?}", d.notices);
    assert_eq!(d.scenario, s);

    let t = Instant::now();
    let r = evaluate(&s, NOW);
    println!("evaluate at every bound: {:?} (this build)", t.elapsed());
    for (what, x) in [
        ("dependencies", r.dependencies.dependencies_unavailability),
        ("own share", r.dependencies.own_unavailability),
        ("incidents", r.incidents.expected_unavailability),
        ("spend", r.spend.expected_unavailability),
        (
            "achieved",
            r.incidents.log.year.availability.unwrap_or(f64::NAN),
        ),
        ("cost", r.cost.at_target.total_cost_per_year),
    ] {
        assert!(x.is_finite(), "{what}: {x}");
    }
    assert_eq!(r.alerts.rows.len(), MAX_CUSTOM_ALERTS);
    assert_eq!(r.incidents.log.rows.len(), MAX_INCIDENTS);
    assert_eq!(r.cost.curve.len(), MAX_CURVE_SAMPLES);
    assert_eq!(r.cost.marginal.len(), MAX_COST_LEVELS - 1);
    // Every dependency evaluated: none left out with a note.
    assert!(
        r.dependencies.notes.is_empty(),
        "{:?}",
        r.dependencies.notes
    );
    let text = serde_json::to_string(&r).unwrap();
    assert!(!common::shows_non_finite(&text));
}

/// Built in code beyond every bound (no link to cut it), a scenario is
/// evaluated as `bound` cuts it: the same figures, and quickly.
#[test]
fn evaluate_cuts_a_scenario_built_beyond_the_bounds() {
    let mut huge = maximal();
    huge.alerts.custom = vec![huge.alerts.custom[0]; 10_000];
    huge.incidents.history = (0..50_000)
        .map(|i| PastIncident::parse(&incident_text(i % 2_000)).unwrap())
        .collect();
    huge.dependencies.dependencies = vec![
        Composition::KOfN {
            k: 900,
            of: vec![Composition::component("replica", 0.001); 1_000],
        };
        1_000
    ];
    huge.cost.marginal_levels = vec![3.0; 100_000];
    huge.cost.curve_samples = usize::MAX;
    assert!(!within_bounds(&huge));
    let t = Instant::now();
    let r = evaluate(&huge, NOW);
    println!(
        "evaluate beyond every bound: {:?} (this build)",
        t.elapsed()
    );
    let mut cut = huge.clone();
    let cuts = bound(&mut cut);
    let lists: Vec<List> = cuts.iter().map(|c| c.list).collect();
    assert_eq!(
        lists,
        [
            List::CustomAlerts,
            List::Incidents,
            List::Dependencies,
            List::Members,
            List::DependencyEntries,
            List::CostLevels,
            List::CurveSamples,
        ]
    );
    assert!(within_bounds(&cut));
    assert_eq!(r, evaluate(&cut, NOW));
    // 1,000 × 1,000 replicas cut to 100 groups of 100, then to 500
    // entries: 4 whole groups (404) and 95 members of the fifth, k 95;
    // the scopes of the dependencies cut go with them (no notice of their own).
    assert_eq!(cut.dependencies.dependencies.len(), 5);
    assert!(
        matches!(&cut.dependencies.dependencies[4], Composition::KOfN { k: 95, of } if of.len() == 95)
    );
    assert_eq!(cut.dependencies.scopes.len(), 5);
    assert!(r.dependencies.dependencies_unavailability.is_finite());
}

/// 50 unknown keys fill the notices; the cut is said first, not counted
/// among the rest.
#[test]
fn a_cut_is_never_hidden_by_other_notices() {
    let mut query = link(&[("cost.marginal_levels", json!(vec![3.0; 101]))]);
    for i in 0..50 {
        query.push_str(&format!("&unknown{i}=1"));
    }
    let d = decode(&query);
    assert_eq!(
        d.notices[0],
        Notice::Cut(Cut {
            list: List::CostLevels,
            had: 101,
            kept: 100
        })
    );
    assert_eq!(d.notices.len(), nines_core::link::MAX_NOTICES + 1);
}
