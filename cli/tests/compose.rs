//! `nines compose` end to end: dependencies in series, in parallel and
//! k-of-n against published figures (each test cites its source), what
//! they leave a service, the rule of the extra nine, and an outage's scope.

use serde_json::Value;
use std::process::Command;

mod common;
use common::{close, f, json, refused, text};

// ---------------------------------------------------------------------------
// compose
// ---------------------------------------------------------------------------

/// System Design Primer, "Availability in numbers": two 99.9% components in
/// sequence give 99.9% × 99.9% = 99.8001%; in parallel
/// 1 − (1 − 99.9%)² = 99.9999%.
#[test]
fn compose_system_design_primer() {
    let j = json(&["compose", "--serial", "99.9", "99.9"]);
    assert!(close(f(&j["availability"]), 99.8001, 1e-9), "{j}");
    assert_eq!(j["availability_display"], "99.8001%");
    assert!(close(f(&j["unavailability"]), 0.001999, 1e-18));
    let j = json(&["compose", "--parallel", "99.9", "99.9"]);
    assert!(close(f(&j["availability"]), 99.9999, 1e-9), "{j}");
    assert_eq!(j["availability_display"], "99.9999%");
}

/// Triple modular redundancy (von Neumann; any reliability textbook): 2 of
/// 3 units of reliability R gives 3R² − 2R³; for R = 0.9, 0.972.
#[test]
fn compose_two_of_three() {
    let j = json(&["compose", "--k-of-n", "2", "90", "90", "90"]);
    assert!(close(f(&j["availability"]), 97.2, 1e-9), "{j}");
    assert_eq!(j["availability_display"], "97.2%");
}

/// "The Calculus of Service Availability" (ACM Queue 2017), its method by
/// hand: a 99.99% service with five critical dependencies at 99.999% has
/// dependencies unavailable 1 − (1 − 1e-5)⁵ ≈ 5e-5, leaving its own share
/// 1e-4 − 5e-5 ≈ 5e-5: ≈ 1576.8 s in a 365-day year, ≈ 394.2 s to detect
/// and recover each of 4 outages.
#[test]
fn compose_budget_left_to_the_service() {
    let j = json(&[
        "compose",
        "--serial",
        "99.999",
        "99.999",
        "99.999",
        "99.999",
        "99.999",
        "--service",
        "99.99",
        "--outages",
        "4",
        "--convention",
        "365d",
    ]);
    let s = &j["service"];
    assert!(close(f(&s["own_unavailability"]), 5e-5, 1e-8));
    assert!(close(f(&s["own_budget_per_year_seconds"]), 1_576.8, 0.05));
    assert!(close(f(&s["max_detect_and_recover_seconds"]), 394.2, 0.01));
    assert_eq!(s["dependencies_break_target"], false);
    // Outages that reach half the users may each last twice as long:
    // own U = 1e-4 − (1 − (1 − 1e-5)⁵) = 5.000099999e-5, × 31 536 000 s =
    // 1 576.8315 s, / (4 × 50%) = 788.4158 s (the incident
    // model's scope: the share of users each outage reaches).
    let j = json(&[
        "compose",
        "--serial",
        "99.999",
        "99.999",
        "99.999",
        "99.999",
        "99.999",
        "--service",
        "99.99",
        "--outages",
        "4",
        "--outage-scope",
        "50%",
        "--convention",
        "365d",
    ]);
    assert!(
        close(
            f(&j["service"]["max_detect_and_recover_seconds"]),
            788.4158,
            1e-3
        ),
        "{j}"
    );
    assert_eq!(
        json(&["compose", "--serial", "99.9"])["service"],
        Value::Null
    );
}

/// Treynor, Dahlin, Rau, Beyer, "The Calculus of Service Availability"
/// (ACM Queue 15(2), 2017), "Rule of the extra 9": its example, a 99.99%
/// service with five critical dependencies at 99.999%, meets the rule,
/// because the rule is checked on each critical dependency (5 nines each,
/// one more than the service's 4), not on their product (≈99.995%).
/// `compose --serial` checked the product, said the example broke
/// the rule, and its text never mentioned the rule.
#[test]
fn compose_extra_nine_is_checked_per_dependency() {
    let args = [
        "compose",
        "--serial",
        "99.999",
        "99.999",
        "99.999",
        "99.999",
        "99.999",
        "--service",
        "99.99",
    ];
    let s = &json(&args)["service"];
    assert_eq!(s["meets_extra_nine"], true, "{s}");
    assert_eq!(s["required_nines"], 5.0);
    assert_eq!(s["extra_nine"].as_array().map(Vec::len), Some(5));
    let out = text(&args);
    assert!(
        out.contains(
            "Rule of the extra nine: each critical dependency should offer 99.999% or more, \
             one nine more than the service; met by all 5."
        ),
        "{out}"
    );
    // One of them at 99.99% (4 nines) breaks it, and is named.
    let out = text(&[
        "compose",
        "--serial",
        "99.999",
        "99.99",
        "--service",
        "99.99",
    ]);
    assert!(out.contains("not met by 1 of 2: 99.99 (99.99%)."), "{out}");
}

/// A year's figure names the year it is counted in
/// (99.9% with two 99.95% dependencies: 0.001 − (1 − 0.9995²) = 2.5e-7 of a
/// 365-day year is 7.884 s, shown 8s), and percentages carry no float
/// artefacts (two 99.9% in series are down 1 − 0.999² = 0.1999% of the
/// time, against a 0.1% budget; it said 0.199900% and 0.100000%).
#[test]
fn compose_names_its_year_and_writes_clean_percentages() {
    let out = text(&[
        "compose",
        "--serial",
        "99.95",
        "99.95",
        "--service",
        "99.9",
        "--convention",
        "365d",
    ]);
    assert!(out.contains("leaving 8s per 365-day year"), "{out}");
    let out = text(&["compose", "--serial", "99.9", "99.9", "--service", "99.9"]);
    assert!(
        out.contains(
            "unavailable 0.1999% of the time, more than the target's whole budget of 0.1%:"
        ),
        "{out}"
    );
    // The figures are the core's, as the page shows them.
    let j = json(&["compose", "--serial", "99.9", "99.9", "--service", "99.9"]);
    assert_eq!(j["nines_display"], "2.7 nines");
    assert_eq!(
        j["service"]["display"]["dependencies_availability"],
        "99.8001%"
    );
}

/// K of N with K above N (4 of 3 can never be met) or 0
/// (nothing needed) is a mistake, refused with the flag and what is
/// allowed, not answered 0% or 100%.
#[test]
fn compose_refuses_k_outside_one_to_n() {
    for k in ["4", "0"] {
        let err = refused(&["compose", "--k-of-n", k, "99", "99", "99"]);
        assert!(
            err.contains("--k-of-n: K (the members needed) must be between 1 and 3"),
            "{err}"
        );
    }
}

// ---------------------------------------------------------------------------
// extreme but legal inputs
// ---------------------------------------------------------------------------

/// A hundred dependencies at 99.99% in series: 0.9999^100 = 99.0049…%,
/// which breaks a 99.95% service; none at all is refused with an example.
#[test]
fn extreme_dependencies() {
    let mut args = vec!["compose", "--serial"];
    args.extend(["99.99"; 100]);
    args.extend(["--service", "99.95"]);
    let j = json(&args);
    assert!(close(
        f(&j["availability_fraction"]),
        0.9999f64.powi(100),
        1e-12
    ));
    assert_eq!(j["availability_display"], "≈99.0049%");
    assert_eq!(j["service"]["dependencies_break_target"], true);
    assert!(refused(&["compose", "--serial"]).contains("--serial 99.9 99.9"));
}

// ---------------------------------------------------------------------------
// no float noise, and an outage's scope
// ---------------------------------------------------------------------------

/// compose's JSON has no floating-point noise either: two
/// 99.99% dependencies in series leave 1 − 0.9999² = 0.00019999 exactly,
/// which f64 arithmetic gives as 0.00019999000000000001.
#[test]
fn compose_json_without_float_noise() {
    let out = Command::new(env!("CARGO_BIN_EXE_nines"))
        .args([
            "compose",
            "--serial",
            "99.99",
            "99.99",
            "--service",
            "99.9",
            "--json",
        ])
        .output()
        .unwrap();
    let raw = String::from_utf8(out.stdout).unwrap();
    assert!(!raw.contains("00000000001"), "{raw}");
    let j: Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(j["unavailability"].as_f64(), Some(0.00019999));
}

/// A dependency's outage scope. 2 of 3 copies at 99.9% are
/// unavailable 3 × 0.001² × 0.999 + 0.001³ = 2.998e-6 (binomial sum, by
/// hand); reaching 25% of the users they cost the service
/// 2.998e-6 × 0.25 = 7.495e-7. Under 99.95% that leaves
/// 0.0005 − 7.495e-7 = 4.992505e-4, i.e. × 31 536 000 s = 15 744.363768 s a
/// 365-day year, 3 936.090942 s for each of 4 own outages. The
/// composition's own availability is shown unscoped.
#[test]
fn compose_with_an_outage_scope() {
    let j = json(&[
        "compose",
        "--k-of-n",
        "2",
        "99.9",
        "99.9",
        "99.9",
        "--service",
        "99.95",
        "--outages",
        "4",
        "--convention",
        "365d",
        "--scope",
        "25%",
    ]);
    assert!(close(f(&j["unavailability"]), 2.998e-6, 1e-15), "{j}");
    let s = &j["service"];
    assert!(close(f(&s["scope"]), 0.25, 1e-15), "{j}");
    assert!(
        close(f(&s["dependencies_unavailability"]), 7.495e-7, 1e-15),
        "{j}"
    );
    assert!(
        close(f(&s["own_budget_per_year_seconds"]), 15_744.363768, 1e-4),
        "{j}"
    );
    assert!(
        close(f(&s["max_detect_and_recover_seconds"]), 3_936.090942, 1e-4),
        "{j}"
    );
    let e = refused(&[
        "compose",
        "--serial",
        "99.9",
        "--service",
        "99.9",
        "--scope",
        "120%",
    ]);
    assert!(e.contains("--scope") && e.contains("Outage scope"), "{e}");
    let e = refused(&["compose", "--serial", "99.9", "--scope", "50%"]);
    assert!(e.contains("--scope") && e.contains("--service"), "{e}");
    // k above n is refused with the field and what is allowed.
    let e = refused(&["compose", "--k-of-n", "4", "99.9", "99.9", "99.9"]);
    assert!(
        e.contains("K (the members needed) must be between 1 and 3"),
        "{e}"
    );
}
