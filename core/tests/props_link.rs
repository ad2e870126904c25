//! Property tests for scenario links: `scenario → link → scenario` is the
//! identity, and no query string at all can panic the decoder.
//!
//! Random scenarios are built generically, so the tests keep covering the
//! scenario as sections add fields: every leaf of the default scenario's
//! JSON is a key, each gets candidate values by its JSON type, and the
//! scenario is whatever `decode` makes of a random set of such edits (an
//! invalid candidate is simply dropped by the decoder).
//!
//! Cases by default: 10 000 for the panic test, 2 000 for the round trip of
//! random scenarios, 1 000 for the round trip of whatever a random query
//! decodes to; `PROPTEST_CASES` overrides all three.

use std::sync::OnceLock;

use nines_core::link::{Notice, decode, encode, encode_component};
use nines_core::scenario::Scenario;
use proptest::prelude::*;
use serde_json::Value;

mod common;
use common::{ODD_KEYS, walk_json};

fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(default)
}

/// Texts that are valid for some string input somewhere in the scenario.
const STRINGS: &[&str] = &[
    // Targets.
    "99.9%",
    "99.99%",
    "99.999%",
    "99",
    "90%",
    "100%",
    "3.5 nines",
    "4 nines",
    "1/1000",
    "1/180",
    // Conventions.
    "gregorian",
    "sre-book",
    "365d",
    // Periods.
    "day",
    "week",
    "month",
    "quarter",
    "year",
    "7d",
    "28d",
    "90d",
    // Service hours.
    "24/7",
    "Mon-Fri 08:00-20:00",
    "Mon-Sun 09:00-17:00",
    // Amounts, rates, money.
    "500",
    "2.6M",
    "3M per 28d",
    "1,000 per 1d",
    "2 per month",
    "$20M",
    "$1,500",
    // Instants.
    "2026-01-15T12:00:00Z",
    "2025-06-01T00:00:00Z",
    // Free text.
    "",
    "checkout",
    "a b&c=d+e%f#g?h",
    "日本語 ✓",
    "null",
    "true",
    "[1]",
];

/// One input of the scenario: its dotted key and its default.
struct Leaf {
    key: String,
    default: Value,
    /// For string inputs: the candidate texts the input accepts.
    strings: Vec<String>,
}

/// The enum variants a serde error lists: "unknown variant `x`, expected
/// `Rollback` or `FixForward`" gives `Rollback` and `FixForward`.
fn listed_variants(message: &str) -> Vec<String> {
    message
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// Every input, with the string candidates it accepts (checked once).
fn leaves() -> &'static [Leaf] {
    static LEAVES: OnceLock<Vec<Leaf>> = OnceLock::new();
    LEAVES.get_or_init(|| {
        let default = serde_json::to_value(Scenario::default()).unwrap();
        // Leaves: values, and objects with nothing in them.
        let mut flat = Vec::new();
        walk_json(&default, "", &mut |key, value| {
            if !matches!(value, Value::Object(map) if !map.is_empty()) {
                flat.push((key.to_owned(), value.clone()));
            }
        });
        flat.into_iter()
            .map(|(key, default)| {
                let mut strings = Vec::new();
                if default.is_string() {
                    let mut pool: Vec<String> = STRINGS.iter().map(|s| s.to_string()).collect();
                    let probe = decode(&format!("{key}=%01not-a-value"));
                    for n in &probe.notices {
                        if let Notice::InvalidValue { message, .. } = n {
                            pool.extend(listed_variants(message));
                        }
                    }
                    for text in pool {
                        let link =
                            format!("{}={}", encode_component(&key), encode_component(&text));
                        if decode(&link).notices.is_empty() && !strings.contains(&text) {
                            strings.push(text);
                        }
                    }
                }
                Leaf {
                    key,
                    default,
                    strings,
                }
            })
            .collect()
    })
}

/// Scales every float inside a JSON value by `factor` (in `0..=1`, so
/// fractions stay fractions).
fn scaled(value: &Value, factor: f64) -> Value {
    match value {
        Value::Number(n) if n.is_f64() => n
            .as_f64()
            .and_then(|x| serde_json::Number::from_f64(x * factor))
            .map_or(Value::Null, Value::Number),
        Value::Array(items) => Value::Array(items.iter().map(|v| scaled(v, factor)).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), scaled(v, factor)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// A raw random edit; [`edit_text`] turns it into a value for its leaf.
#[derive(Debug, Clone)]
struct Edit {
    leaf: usize,
    pick: usize,
    number: f64,
    factor: f64,
    free_text: String,
}

fn edit() -> impl Strategy<Value = Edit> {
    let number = prop_oneof![
        0.0f64..=1.0,
        0.0f64..1e7,
        (0u32..1_000).prop_map(f64::from),
        (0.0f64..12.0).prop_map(|n| 10f64.powf(-n)),
    ];
    (
        any::<usize>(),
        any::<usize>(),
        number,
        0.0f64..=1.0,
        "\\PC{0,12}",
    )
        .prop_map(|(leaf, pick, number, factor, free_text)| Edit {
            leaf,
            pick,
            number,
            factor,
            free_text,
        })
}

/// The edit as `key=value` text for its leaf, chosen by the default's type.
fn edit_text(e: &Edit) -> (String, String) {
    let leaves = leaves();
    let leaf = &leaves[e.leaf % leaves.len()];
    let text = match &leaf.default {
        Value::String(_) if leaf.strings.is_empty() || e.pick % 8 == 0 => e.free_text.clone(),
        Value::String(_) => leaf.strings[e.pick % leaf.strings.len()].clone(),
        Value::Number(n) if n.is_f64() => e.number.to_string(),
        Value::Number(_) => (e.pick % 200).to_string(),
        Value::Bool(b) => (!b).to_string(),
        Value::Array(items) if !items.is_empty() => {
            // A random selection (with repeats) of the default's elements,
            // their numbers scaled.
            let n = e.pick % (items.len() + 2);
            let chosen: Vec<Value> = (0..n)
                .map(|i| scaled(&items[(e.pick / 7 + i * 3) % items.len()], e.factor))
                .collect();
            Value::Array(chosen).to_string()
        }
        Value::Array(_) => "[]".to_owned(),
        Value::Null => e.number.to_string(),
        Value::Object(_) => "{}".to_owned(),
    };
    (leaf.key.clone(), text)
}

/// A random scenario: the default with a random set of edits applied.
fn scenario() -> impl Strategy<Value = Scenario> {
    prop::collection::vec(edit(), 0..16).prop_map(|edits| {
        let mut link = String::from("v=4");
        for e in &edits {
            let (key, text) = edit_text(e);
            link.push('&');
            link.push_str(&encode_component(&key));
            link.push('=');
            link.push_str(&encode_component(&text));
        }
        decode(&link).scenario
    })
}

#[test]
fn the_generator_reaches_the_inputs() {
    let leaves = leaves();
    let keys: Vec<&str> = leaves.iter().map(|l| l.key.as_str()).collect();
    for key in ["target", "convention", "reverse.period", "slo_window"] {
        assert!(keys.contains(&key), "{key} missing from {keys:?}");
    }
    let stuck: Vec<&str> = leaves
        .iter()
        .filter(|l| l.default.is_string() && l.strings.len() < 2)
        .map(|l| l.key.as_str())
        .collect();
    // Free-text inputs take any string; the others should find valid
    // alternatives in the pool or in the variants their errors list.
    assert!(
        stuck.len() * 4 <= keys.len(),
        "string inputs without alternatives: {stuck:?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(2_000), ..ProptestConfig::default() })]

    #[test]
    fn scenario_to_link_to_scenario_is_the_identity(s in scenario()) {
        let link = encode(&s);
        prop_assert!(link.starts_with("v=5"), "{}", link);
        let back = decode(&link);
        prop_assert!(back.notices.is_empty(), "{}: {:?}", link, back.notices);
        prop_assert_eq!(&back.scenario, &s, "{}", link);
        prop_assert_eq!(encode(&back.scenario), link);
    }
}

/// Any text, hostile characters included (cheaper to generate than the
/// regex `.*`).
fn junk(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..max).prop_map(String::from_iter)
}

/// Text over a small alphabet.
fn text_of(alphabet: &'static str, max: usize) -> impl Strategy<Value = String> {
    let chars: Vec<char> = alphabet.chars().collect();
    prop::collection::vec(prop::sample::select(chars), 0..max).prop_map(String::from_iter)
}

/// Keys: real ones, near misses and hostile ones.
fn any_key() -> impl Strategy<Value = String> {
    let leaves = leaves();
    prop_oneof![
        (0..leaves.len()).prop_map(move |i| leaves[i].key.clone()),
        prop::sample::select(ODD_KEYS).prop_map(str::to_owned),
        text_of("abcdefghijklmnopqrstuvwxyz_.", 16),
        junk(24),
    ]
}

/// Values: plausible ones and hostile ones.
fn any_value() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(STRINGS.to_vec()).prop_map(encode_component),
        prop::sample::select(vec![
            "NaN",
            "nan",
            "inf",
            "-inf",
            "Infinity",
            "1e999",
            "-1e999",
            "1e-999",
            "-0",
            "99999999999999999999999999999",
            "-99999999999999999999",
            "0x10",
            "1_000",
            "+1",
            "%",
            "%%",
            "%zz",
            "%4",
            "%FF",
            "%C3",
            "%C3%28",
            "%00",
            "+",
            "null",
            "true",
            "[",
            "{}",
            "[]",
            "{\"a\":1}",
            "[null]",
            "0",
            "1",
            "2",
            "99.9%25",
            "250%25",
        ])
        .prop_map(str::to_owned),
        (1usize..2_000).prop_map(|n| "[".repeat(n)),
        (1usize..200).prop_map(|n| format!("{}{}", "%5B".repeat(n), "%5D".repeat(n))),
        text_of("0123456789.eE+-", 24),
        junk(24),
    ]
}

/// A whole query string made of such pairs, sometimes with `?`, `&&` and
/// pairs without `=`.
fn any_query() -> impl Strategy<Value = String> {
    prop_oneof![
        junk(64),
        (
            any::<bool>(),
            prop::collection::vec((any_key(), any_value(), 0u8..4), 0..20)
        )
            .prop_map(|(question, pairs)| {
                let mut q = String::from(if question { "?" } else { "" });
                for (key, value, shape) in pairs {
                    match shape {
                        0 => q.push_str(&key),
                        1 => q.push_str(&format!("{key}={value}&")),
                        _ => q.push_str(&format!("&{key}={value}")),
                    }
                }
                q
            }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(10_000), ..ProptestConfig::default() })]

    /// Whatever the query, decoding returns, with one-line notices.
    #[test]
    fn no_query_panics_the_decoder(q in any_query()) {
        let d = decode(&q);
        for n in &d.notices {
            let line = n.to_string();
            prop_assert!(!line.contains('\n'), "{}", line);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(1_000), ..ProptestConfig::default() })]

    /// Whatever a link decodes to, links round-trip it: nothing a decoder
    /// accepts is lost when the app rewrites the link.
    #[test]
    fn whatever_is_decoded_round_trips(q in any_query()) {
        let d = decode(&q);
        let link = encode(&d.scenario);
        let back = decode(&link);
        prop_assert!(back.notices.is_empty(), "{}: {:?}", link, back.notices);
        prop_assert_eq!(back.scenario, d.scenario);
    }
}
