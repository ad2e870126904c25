//! The OpenSLO export checked against the OpenSLO v1 specification as
//! published (github.com/OpenSLO/OpenSLO, README.md: "General Schema",
//! "duration-shorthand", "SLO", "Objectives", "SLI", "Ratio Metric"): every
//! key the document writes is one the specification defines at that place,
//! every required key is there, and every value has the type and range the
//! specification gives. Run over scenarios that reach each branch of the
//! writer (request and time budgets, rolling, calendar and pinned windows,
//! bad and good counting, fractional nines).

use nines_core::export::openslo;
use nines_core::production::{Counted, ProductionInputs};
use nines_core::scenario::{Scenario, evaluate};
use saphyr::{LoadableYamlNode, Yaml};

/// The keys the specification defines, by path (`[]` for a list's item).
const KEYS: [(&str, &[&str]); 13] = [
    ("", &["apiVersion", "kind", "metadata", "spec"]),
    (
        "metadata",
        &["name", "displayName", "labels", "annotations"],
    ),
    (
        "spec",
        &[
            "description",
            "service",
            "indicator",
            "indicatorRef",
            "timeWindow",
            "budgetingMethod",
            "objectives",
            "alertPolicies",
        ],
    ),
    ("spec.indicator", &["metadata", "spec"]),
    (
        "spec.indicator.metadata",
        &["name", "displayName", "labels", "annotations"],
    ),
    (
        "spec.indicator.spec",
        &["description", "thresholdMetric", "ratioMetric"],
    ),
    (
        "spec.indicator.spec.ratioMetric",
        &["counter", "good", "bad", "total", "rawType", "raw"],
    ),
    ("spec.indicator.spec.ratioMetric.good", &["metricSource"]),
    ("spec.indicator.spec.ratioMetric.bad", &["metricSource"]),
    ("spec.indicator.spec.ratioMetric.total", &["metricSource"]),
    ("spec.timeWindow[]", &["duration", "isRolling", "calendar"]),
    ("spec.timeWindow[].calendar", &["startTime", "timeZone"]),
    (
        "spec.objectives[]",
        &[
            "displayName",
            "op",
            "value",
            "target",
            "targetPercent",
            "timeSliceTarget",
            "timeSliceWindow",
            "indicator",
            "indicatorRef",
            "compositeWeight",
        ],
    ),
];

/// Paths whose value is free-form by the specification (a metric source's
/// `spec` holds "arbitrary chosen fields for every data source type").
const FREE: [&str; 1] = ["metricSource"];

/// Every key of `node` at `path` is one the specification defines there.
fn check_keys(node: &Yaml, path: &str, problems: &mut Vec<String>) {
    match node {
        Yaml::Mapping(map) => {
            let allowed = KEYS.iter().find(|(p, _)| *p == path).map(|(_, k)| *k);
            for (k, v) in map.iter() {
                let key = k.as_str().unwrap_or_default();
                if let Some(allowed) = allowed {
                    if !allowed.contains(&key) {
                        problems.push(format!("{path}: {key} is not an OpenSLO v1 key here"));
                    }
                }
                if FREE.contains(&key) {
                    continue;
                }
                let child = if path.is_empty() {
                    key.to_string()
                } else {
                    format!("{path}.{key}")
                };
                check_keys(v, &child, problems);
            }
        }
        Yaml::Sequence(items) => {
            for item in items {
                check_keys(item, &format!("{path}[]"), problems);
            }
        }
        _ => {}
    }
}

/// RFC 1123 label: at most 63 lowercase alphanumerics or `-`, starting and
/// ending alphanumeric ("General Schema", metadata.name).
fn is_rfc1123(s: &str) -> bool {
    let ok = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit();
    !s.is_empty()
        && s.len() <= 63
        && s.chars().all(|c| ok(c) || c == '-')
        && s.starts_with(ok)
        && s.ends_with(ok)
}

/// A duration shorthand: a positive integer and one of m, h, d, w, M, Q, Y.
fn is_shorthand(s: &str) -> bool {
    let (n, unit) = s.split_at(s.len().saturating_sub(1));
    !n.is_empty()
        && n.chars().all(|c| c.is_ascii_digit())
        && n.parse::<u64>().is_ok_and(|n| n > 0)
        && ["m", "h", "d", "w", "M", "Q", "Y"].contains(&unit)
}

/// The node at a dotted path (a number indexes a list), if there is one.
fn at<'a>(y: &'a Yaml<'a>, path: &str) -> Option<&'a Yaml<'a>> {
    path.split('.')
        .try_fold(y, |node, step| match step.parse::<usize>() {
            Ok(i) => node.as_sequence()?.get(i),
            Err(_) => node.as_mapping_get(step),
        })
}

fn text<'a>(y: &'a Yaml<'a>, path: &str) -> Option<&'a str> {
    at(y, path)?.as_str()
}

fn num(y: &Yaml, path: &str) -> Option<f64> {
    let v = at(y, path)?;
    v.as_floating_point()
        .or_else(|| v.as_integer().map(|i| i as f64))
}

/// The values the specification constrains.
fn check_values(doc: &Yaml, problems: &mut Vec<String>) {
    let mut need = |ok: bool, what: &str| {
        if !ok {
            problems.push(what.to_string());
        }
    };
    need(
        text(doc, "apiVersion") == Some("openslo/v1"),
        "apiVersion openslo/v1",
    );
    need(text(doc, "kind") == Some("SLO"), "kind SLO");
    need(
        text(doc, "metadata.name").is_some_and(is_rfc1123),
        "metadata.name: an RFC 1123 name",
    );
    need(
        text(doc, "spec.description").is_none_or(|d| d.chars().count() <= 1050),
        "spec.description: at most 1050 characters",
    );
    let method = text(doc, "spec.budgetingMethod");
    need(
        matches!(
            method,
            Some("Occurrences" | "Timeslices" | "RatioTimeslices")
        ),
        "spec.budgetingMethod",
    );
    let windows = at(doc, "spec.timeWindow")
        .and_then(|w| w.as_sequence())
        .map(Vec::len);
    need(windows == Some(1), "spec.timeWindow: exactly one item");
    need(
        text(doc, "spec.timeWindow.0.duration").is_some_and(is_shorthand),
        "timeWindow duration: a duration shorthand",
    );
    let rolling = at(doc, "spec.timeWindow.0.isRolling").and_then(|r| r.as_bool());
    let calendar = at(doc, "spec.timeWindow.0.calendar").is_some();
    need(
        rolling == Some(true) && !calendar || rolling != Some(true) && calendar,
        "timeWindow: rolling, or calendar-aligned with its calendar",
    );
    if calendar {
        let start = text(doc, "spec.timeWindow.0.calendar.startTime").unwrap_or_default();
        // "2020-01-21 12:30:00": date with time in 24 h format, no zone.
        let shape = start.len() == 19
            && start.char_indices().all(|(i, c)| match i {
                4 | 7 => c == '-',
                10 => c == ' ',
                13 | 16 => c == ':',
                _ => c.is_ascii_digit(),
            });
        need(shape, "calendar.startTime: YYYY-MM-DD HH:MM:SS");
        need(
            text(doc, "spec.timeWindow.0.calendar.timeZone").is_some(),
            "calendar.timeZone",
        );
    }
    let ratio = "spec.indicator.spec.ratioMetric";
    let has = |k: &str| at(doc, &format!("{ratio}.{k}")).is_some();
    need(
        at(doc, &format!("{ratio}.counter"))
            .and_then(|c| c.as_bool())
            .is_some(),
        "ratioMetric.counter: true or false",
    );
    need(
        has("good") != has("bad"),
        "ratioMetric: good or bad, not both",
    );
    need(has("total"), "ratioMetric.total");
    let count = at(doc, "spec.objectives")
        .and_then(|o| o.as_sequence())
        .map_or(0, Vec::len);
    need(count > 0, "spec.objectives: required");
    for i in 0..count {
        let o = |k: &str| format!("spec.objectives.{i}.{k}");
        let t = num(doc, &o("target"));
        need(
            t.is_some_and(|t| (0.0..1.0).contains(&t)),
            "objective target in [0, 1)",
        );
        if method == Some("Timeslices") {
            let st = num(doc, &o("timeSliceTarget"));
            need(
                st.is_some_and(|t| t > 0.0 && t <= 1.0),
                "timeSliceTarget in (0, 1]",
            );
            need(
                text(doc, &o("timeSliceWindow")).is_some_and(is_shorthand),
                "timeSliceWindow: a duration shorthand",
            );
        }
    }
}

fn problems_of(json: &str, p: &ProductionInputs) -> Vec<String> {
    let s: Scenario = serde_json::from_str(json).unwrap();
    let r = evaluate(&s, nines_core::budget::STORY_NOW);
    let yaml = openslo(&r, p).unwrap();
    let docs = Yaml::load_from_str(&yaml).unwrap();
    assert_eq!(docs.len(), 1, "{yaml}");
    let mut problems = Vec::new();
    check_keys(&docs[0], "", &mut problems);
    check_values(&docs[0], &mut problems);
    problems
}

#[test]
fn the_openslo_export_follows_the_published_specification() {
    let bad = ProductionInputs::default();
    let good = ProductionInputs {
        counted: Counted::Good,
        ..ProductionInputs::default()
    };
    for json in [
        "{}",
        r#"{"target": "3.5 nines", "slo_window": "28d"}"#,
        r#"{"budget": {"mode": "time"}}"#,
        r#"{"slo_window": "month", "budget": {"alignment": "calendar", "utc_offset": "+01:00"}}"#,
        r#"{"slo_window": "week", "budget": {"alignment": "calendar"}}"#,
        r#"{"budget": {"alignment": "pinned", "start": "2026-11-05T00:00:00Z"}}"#,
    ] {
        for p in [&bad, &good] {
            let problems = problems_of(json, p);
            assert!(problems.is_empty(), "{json} {:?}: {problems:?}", p.counted);
        }
    }
}

/// The checks can fail: a document with a key the specification does not
/// define, a window without its calendar, and both good and bad.
#[test]
fn the_checks_can_fail() {
    let doc = &Yaml::load_from_str(
        "apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: Bad_Name\nspec:\n  \
         budgetingMethod: Occurrences\n  timeWindow:\n    - duration: 30 days\n      \
         isRolling: false\n  indicator:\n    spec:\n      ratioMetric:\n        counter: true\n        \
         good: {metricSource: {}}\n        bad: {metricSource: {}}\n  objectives:\n    \
         - target: 99.9\n      colour: red\n",
    )
    .unwrap()[0];
    let mut problems = Vec::new();
    check_keys(doc, "", &mut problems);
    check_values(doc, &mut problems);
    for want in [
        "spec.objectives[]: colour is not an OpenSLO v1 key here",
        "metadata.name: an RFC 1123 name",
        "timeWindow duration: a duration shorthand",
        "timeWindow: rolling, or calendar-aligned with its calendar",
        "ratioMetric: good or bad, not both",
        "objective target in [0, 1)",
    ] {
        assert!(
            problems.iter().any(|p| p == want),
            "{want} not in {problems:?}"
        );
    }
}
