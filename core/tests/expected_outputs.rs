//! Every export format's output for one scenario, stored beside this test
//! (`core/tests/expected/`), so that a change to a writer shows in review
//! as a diff of what people download. These files are change detectors,
//! read and checked by a person when they change; the figures in them are
//! proved by the hand-worked tests of each writer (`export/tests.rs`,
//! `export.rs`, `promtool_*.rs`, `openslo_schema.rs`).
//!
//! The scenario: payments' api SLO at 99.9% over a rolling 7 days, Sloth's
//! policy (so the Sloth export needs its windows file), ticket alerts off,
//! the good requests counted, at 2026-11-11T00:00:00Z.
//!
//! After a deliberate change, write the files again with
//! `NINES_BLESS=1 cargo test -p nines-core --test expected_outputs`, and
//! read the diff before committing it.

use std::path::PathBuf;

use nines_core::download::write;
use nines_core::scenario::{Scenario, evaluate};

fn scenario() -> Scenario {
    let mut s: Scenario =
        serde_json::from_str(r#"{"target": "99.9%", "slo_window": "7d"}"#).unwrap();
    s.alerts.policy = nines_core::alerts::PolicyChoice::Sloth;
    s.alerts.ticket_alerts = false;
    s.production.service = "payments".into();
    s.production.slo = "api".into();
    s.production.requests = r#"http_requests_total{job="payments"}"#.into();
    s.production.errors = r#"http_requests_total{job="payments",code=~"5.."}"#.into();
    s
}

/// The exports and the files they are stored in (an export refused is
/// stored as its refusal).
const FILES: [(&str, usize, &str, &str); 12] = [
    ("rules", 0, "", "rules.yaml"),
    ("sloth", 0, "", "sloth.yaml"),
    ("sloth-windows", 0, "", "sloth-windows.yaml"),
    ("pyrra", 0, "", "pyrra.yaml"),
    ("openslo", 0, "", "openslo.yaml"),
    ("policy-md", 0, "", "policy.md"),
    ("policy-wiki", 0, "", "policy.wiki.txt"),
    ("policy-html", 0, "", "policy.html"),
    ("measures", 0, "", "measures.md"),
    ("table", 0, "csv", "table-downtime.csv"),
    ("table", 1, "md", "table-budget.md"),
    ("table", 2, "wiki", "table-alerts.wiki.txt"),
];

#[test]
fn every_export_matches_its_stored_output() {
    let s = scenario();
    let now = nines_core::clock::parse_instant("2026-11-11T00:00:00Z").unwrap();
    let report = evaluate(&s, now);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/expected");
    let bless = std::env::var_os("NINES_BLESS").is_some();
    let mut changed = Vec::new();
    for (what, table, format, file) in FILES {
        let got = match write(what, &s, &report, table, format) {
            Ok(text) => text,
            Err(refusal) => format!("refused: {refusal}\n"),
        };
        let path = dir.join(file);
        if bless {
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if got != want {
            changed.push(file);
        }
    }
    assert!(
        changed.is_empty(),
        "these exports differ from core/tests/expected: {changed:?}; if the change is meant, \
         write them again with NINES_BLESS=1 and review the diff"
    );
}
