//! Exports carry the answer (issue "One service, one answer", item 5):
//! the Sloth, Pyrra and OpenSLO specs of a target that is not achievable
//! start with a comment saying so, and `import` still reads each back as
//! the same SLO, exactly as it reads the spec without that line.

use nines_core::export::{self, not_achievable};
use nines_core::import::import;
use nines_core::scenario::{Report, Scenario, evaluate};

/// The default story without dependencies or failed deployments, with 36
/// incidents a year: 36 × (5m + 30m) × 50% = 37,800 s of downtime a year
/// against 0.05% of 31,556,952 s = 15,778.476 s, 239.57% of the budget
/// (worked in `core/src/export/tests.rs`, `incidents_overspend`).
fn overspent() -> (Scenario, Report) {
    let mut s = Scenario::default();
    s.dependencies.dependencies.clear();
    s.delivery.change_failure_rate = 0.0;
    s.incidents.incidents_per_year = 36.0;
    let r = evaluate(&s, nines_core::budget::STORY_NOW);
    (s, r)
}

#[test]
fn specs_of_a_target_not_achievable_read_back_the_same() {
    let (s, r) = overspent();
    let line = not_achievable(&r).expect("not achievable");
    assert!(
        line.starts_with("Not achievable: expected to spend 239.57% of the 99.95% budget"),
        "{line}"
    );
    for (spec, format) in [
        (
            export::sloth(&r, &s.production).unwrap(),
            "Sloth spec (prometheus/v1)",
        ),
        (
            export::pyrra(&r, &s.production).unwrap(),
            "Pyrra ServiceLevelObjective (pyrra.dev/v1alpha1)",
        ),
        (
            export::openslo(&r, &s.production).unwrap(),
            "OpenSLO SLO (openslo/v1)",
        ),
    ] {
        assert_eq!(spec.lines().next(), Some(format!("# {line}").as_str()));
        let read = import(&spec).unwrap_or_else(|e| panic!("{e}\n{spec}"));
        assert_eq!(read.format, format);
        assert_eq!(read.scenario.target, s.target, "{format}");
        assert_eq!(read.scenario.slo_window, s.slo_window, "{format}");
        assert_eq!(read.scenario.production.service, s.production.service);
        // The comment is no part of the document: the spec without its
        // first line reads back exactly the same.
        let rest = &spec[spec.find('\n').unwrap() + 1..];
        assert_eq!(import(rest).unwrap(), read, "{format}");
    }
}
