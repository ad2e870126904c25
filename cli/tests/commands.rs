//! What every command shares, end to end: the help, exit code 2 with one
//! bounded printable line on bad input, the JSON interface scripts read
//! (every field earlier versions wrote, no float noise), money in the one
//! currency typed, conventions named, and a closed pipe.

use serde_json::Value;
use std::process::{Command, Output};

mod common;
use common::{f, json, refused, text};

/// `nines ARGS` with nothing on standard input.
fn nines(args: &[&str]) -> Output {
    common::nines(args, None)
}

// ---------------------------------------------------------------------------
// bad input and help
// ---------------------------------------------------------------------------

#[test]
fn bad_input_exits_2_with_one_line() {
    assert!(refused(&["downtime", "101"]).contains("above 100%"));
    assert!(refused(&["reverse", "4h"]).contains("--per"));
    let e = refused(&["budget", "--slo", "99.9", "--frobnicate", "3"]);
    assert!(
        e.contains("--frobnicate") && e.contains("--requests"),
        "{e}"
    );
    assert!(refused(&["frob"]).contains("allowed: downtime"));
    assert!(refused(&["budget"]).contains("--slo"));
    assert!(refused(&["budget", "--slo", "99.9", "--bad", "3"]).contains("--requests"));
    assert!(refused(&["alerts", "--slo", "99.9", "--error-ratio", "25"]).contains("--error-ratio"));
    assert!(refused(&["alerts", "--slo", "99.9", "--policy", "nagios"]).contains("--policy"));
    assert!(
        refused(&["compose", "--serial", "99.9", "--parallel", "99.9"]).contains("not several")
    );
    assert!(refused(&["compose", "--serial", "abc"]).contains("--serial"));
    assert!(refused(&["compose"]).contains("--serial"));
    assert!(refused(&["cost", "--factor", "0.5"]).starts_with("nines: --factor:"));
    assert!(refused(&["support", "--criticality", "high"]).contains("low, normal, critical"));
    assert!(refused(&["budget", "--slo", "99.9", "--elapsed", "40d"]).contains("longer"));
    assert!(refused(&["budget", "--slo", "99.9", "--start", "soon"]).contains("--start"));
}

#[test]
fn help_lists_every_command() {
    // `nines budget --help` is the budget's own help, not this one.
    for args in [&["--help"][..], &[], &["help"]] {
        let out = nines(args);
        assert!(out.status.success());
        let usage = String::from_utf8(out.stdout).unwrap();
        for c in [
            "downtime",
            "reverse",
            "budget",
            "alerts",
            "compose",
            "incidents",
            "cost",
            "support",
        ] {
            assert!(usage.contains(&format!("nines {c}")), "{c}");
        }
    }
}

// ---------------------------------------------------------------------------
// a closed pipe
// ---------------------------------------------------------------------------

/// Reading only the first lines of the output is not an error (the output
/// used to panic on the closed pipe).
#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_nines"))
        .args([
            "cost", "--levels", "1", "2", "3", "4", "5", "6", "7", "8", "9",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close our end before the program writes.
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(status.success(), "{status}: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

// ---------------------------------------------------------------------------
// the JSON interface: every field earlier versions wrote
// ---------------------------------------------------------------------------

/// Whether `path` (`a/b`, `rows[]/c`: every element of `rows` has `c`) is
/// in `v`.
fn has_path(v: &Value, path: &str) -> bool {
    let Some((head, rest)) = path.split_once('/') else {
        return match path.strip_suffix("[]") {
            Some(key) => v.get(key).is_some_and(Value::is_array),
            None => v.get(path).is_some(),
        };
    };
    match head.strip_suffix("[]") {
        Some(key) => v
            .get(key)
            .and_then(Value::as_array)
            .is_some_and(|rows| !rows.is_empty() && rows.iter().all(|r| has_path(r, rest))),
        None => v.get(head).is_some_and(|inner| has_path(inner, rest)),
    }
}

/// The JSON is an interface scripts use: each command keeps every field it
/// wrote before its JSON was read from the report's sections (the list is
/// that earlier output's, by name and place).
#[test]
fn json_keeps_every_field_of_earlier_versions() {
    let cases: [(&[&str], &[&str]); 8] = [
        (
            &["downtime", "99.95"],
            &[
                "availability",
                "availability_display",
                "convention",
                "convention_label",
                "downtime_display/day",
                "downtime_display/week",
                "downtime_display/month",
                "downtime_display/quarter",
                "downtime_display/year",
                "downtime_seconds/day",
                "downtime_seconds/week",
                "downtime_seconds/month",
                "downtime_seconds/quarter",
                "downtime_seconds/year",
                "nines",
                "nines_display",
                "unavailability",
            ],
        ),
        (
            &["reverse", "4h", "--per", "month"],
            &[
                "availability",
                "availability_display",
                "convention",
                "downtime_seconds",
                "nines",
                "nines_display",
                "per",
                "period_description",
                "unavailability",
            ],
        ),
        (
            &[
                "budget",
                "--slo",
                "99.9",
                "--requests",
                "1M",
                "--bad",
                "250",
            ],
            &[
                "allowed_bad",
                "budget_fraction",
                "budget_seconds",
                "burn_rate",
                "consumed",
                "convention",
                "display/allowed",
                "display/budget",
                "display/budget_percent",
                "display/burn_rate",
                "display/consumed",
                "display/elapsed",
                "display/exhaustion",
                "display/remaining",
                "display/remaining_amount",
                "display/spent",
                "display/time_to_exhaustion",
                "elapsed_seconds",
                "exhaustion",
                "exhaustion_iso",
                "mode",
                "now",
                "policy",
                "policy_label",
                "policy_reason",
                "remaining",
                "requests_in_window",
                "slo",
                "spent",
                "start",
                "time_to_exhaustion_seconds",
                "window",
                "window_end",
                "window_seconds",
            ],
        ),
        (
            &["alerts", "--slo", "99.9"],
            &[
                "alerts[]/budget_consumed",
                "alerts[]/budget_spent",
                "alerts[]/burn_rate",
                "alerts[]/can_fire",
                "alerts[]/detection_seconds",
                "alerts[]/for_seconds",
                "alerts[]/long_window_seconds",
                "alerts[]/reset_seconds",
                "alerts[]/severity",
                "alerts[]/short_window_seconds",
                "alerts[]/threshold_error_ratio",
                "burn_rate_at_error_ratio",
                "convention",
                "error_ratio",
                "policy",
                "policy_name",
                "policy_note",
                "policy_source",
                "slo",
                "warnings",
                "window",
                "window_seconds",
            ],
        ),
        (
            &["compose", "--serial", "99.9", "99.9", "--service", "99.5"],
            &[
                "availability",
                "availability_display",
                "availability_fraction",
                "composition",
                "correlation_warning",
                "nines",
                "service/convention",
                "service/dependencies_break_target",
                "service/dependencies_budget_share",
                "service/max_detect_and_recover_seconds",
                "service/meets_extra_nine",
                "service/outages_per_year",
                "service/own_budget_per_window_seconds",
                "service/own_budget_per_year_seconds",
                "service/own_unavailability",
                "service/own_unavailability_exact",
                "service/required_nines",
                "service/summary",
                "service/target",
                "service/unavailability",
                "service/window",
                "unavailability",
            ],
        ),
        (
            &["incidents"],
            &[
                "budget_per_window_seconds",
                "budget_per_year_seconds",
                "convention",
                "detection_alone_breaks_target",
                "downtime_per_incident_seconds",
                "expected_availability",
                "expected_budget_consumed",
                "expected_downtime_per_window_seconds",
                "expected_downtime_per_year_seconds",
                "expected_unavailability",
                "incidents_fitting_window_budget",
                "incidents_fitting_year_budget",
                "incidents_per_window",
                "incidents_per_year",
                "max_time_to_recover_seconds",
                "max_time_to_restore_seconds",
                "meets_target",
                "notes",
                "scope",
                "slo",
                "time_to_detect_seconds",
                "time_to_recover_seconds",
                "time_to_restore_seconds",
                "whole_incidents_fitting_window_budget",
                "window",
            ],
        ),
        (
            &["cost"],
            &[
                "at_optimum/availability",
                "at_optimum/engineering_cost_per_year",
                "at_optimum/nines",
                "at_optimum/revenue_at_risk_per_year",
                "at_optimum/total_cost_per_year",
                "at_target/availability",
                "at_target/engineering_cost_per_year",
                "at_target/nines",
                "at_target/revenue_at_risk_per_year",
                "at_target/total_cost_per_year",
                "loss_per_downtime_minute",
                "marginal[]/extra_engineering_cost_per_year",
                "marginal[]/from_availability",
                "marginal[]/from_nines",
                "marginal[]/net_benefit_per_year",
                "marginal[]/revenue_protected_per_year",
                "marginal[]/to_availability",
                "marginal[]/to_nines",
                "marginal[]/worth_it",
                "model/cost_factor_per_nine",
                "model/impact_fraction",
                "model/reference_cost_per_year",
                "model/reference_nines",
                "model/revenue_per_year",
                "notes",
                "optimum/availability",
                "optimum/nines",
                "optimum_state",
                "revenue_per_minute",
                "slo",
                "target_nines",
                "target_premium_per_year",
                "tolerable_loss_availability",
                "tolerable_loss_nines",
                "tolerable_loss_per_year",
                "tolerable_loss_unavailability",
            ],
        ),
        (
            &["support"],
            &[
                "criticality",
                "deployments_per_week",
                "incidents_per_year",
                "on_call_costs[]/callout_cost_per_year",
                "on_call_costs[]/method",
                "on_call_costs[]/method_name",
                "on_call_costs[]/paid_callouts_per_year",
                "on_call_costs[]/paid_people_on_rota",
                "on_call_costs[]/standby_cost_per_year",
                "on_call_costs[]/structure",
                "on_call_costs[]/time_to_restore_penalty_seconds",
                "on_call_costs[]/total_cost_per_year",
                "recommendation/alternatives[]/method",
                "recommendation/alternatives[]/method_name",
                "recommendation/alternatives[]/reason",
                "recommendation/method",
                "recommendation/method_name",
                "recommendation/notes",
                "recommendation/reason",
                "recommended_on_call_cost_per_year",
                "slo",
                "target_nines",
                "teams",
            ],
        ),
    ];
    for (args, paths) in cases {
        let j = json(args);
        for path in paths {
            assert!(has_path(&j, path), "{args:?}: no {path} in {j}");
        }
    }
    // A bound that is unlimited is `null`, not an object.
    let unlimited = json(&["incidents", "--rate", "0 per year"]);
    assert_eq!(unlimited["max_time_to_restore_seconds"], Value::Null);
    assert_eq!(
        json(&["budget", "--slo", "99.9", "--bad-time", "1h"])["requests_in_window"],
        Value::Null
    );
    assert_eq!(json(&["cost", "--revenue", "$0"])["optimum"], Value::Null);
    assert_eq!(json(&["reverse", "1h", "--per", "day"])["per"], "day");
}

// ---------------------------------------------------------------------------
// conventions named, no float noise, each command's help, money in one
// currency, hostile arguments
// ---------------------------------------------------------------------------

/// Conventions named. Cost: $20M × 80% = $16M a year over the Gregorian
/// mean year's 365.2425 × 1440 = 525,949.2 minutes is $30.42 a minute;
/// over a 365-day year, 525,600 minutes, $30.44. Support: standby is
/// 365 × 24 − 52 × 40 = 6,680 h whatever the convention (out of hours:
/// a year of 52 working weeks of 40 hours).
#[test]
fn per_minute_loss_and_standby_hours_name_their_convention() {
    let j = json(&["cost"]);
    assert_eq!(f(&j["minutes_per_year"]), 525_949.2);
    assert_eq!(
        j["display"]["loss_per_downtime_minute_stated"],
        "$30 a minute, from a 365.2425-day year (525,949.2 minutes)"
    );
    let j = json(&["cost", "--convention", "365d"]);
    assert_eq!(f(&j["minutes_per_year"]), 525_600.0);
    let out = text(&["cost", "--convention", "365d"]);
    assert!(
        out.contains("$30 a minute, from a 365-day year (525,600 minutes)"),
        "{out}"
    );
    for convention in ["gregorian", "sre-book", "365d"] {
        let out = text(&["support", "--convention", convention]);
        assert!(
            out.contains(
                "\nStandby: 6,680 standby hours a person a year: a 365-day year (8,760 h) \
                 less 52 working weeks of 40 h."
            ),
            "{out}"
        );
    }
}

/// Float artefacts. 52 deployments a year are 52 × 7 / 365.2425 =
/// 0.99660 a week: one decimal would read "1" (weekly) for less than
/// weekly, so three show; 53 a year are 1.01577, "1.02", more than weekly.
/// One a month is 7 / 30.436875 = 0.22998…, "0.2" (not
/// 0.22998418858703465). 99.8999% is 3 − log10(1.001) = 2.99957 nines,
/// "2.9996 nines", not "3 nines". 99.99% over 7 days is 0.0001 × 604,800
/// = 60.48 s exactly, written 60.48 (not 60.480000000000004).
#[test]
fn float_artefacts_are_gone() {
    let out = text(&["support", "--slo", "98", "--deploys", "52 per year"]);
    assert!(
        out.contains("Demand is low (0.997 deployments a week"),
        "{out}"
    );
    let out = text(&["support", "--slo", "99.9", "--deploys", "53 per year"]);
    assert!(
        out.contains("Why: 1.02 deployments a week is more than weekly"),
        "{out}"
    );
    let out = text(&["support", "--slo", "98", "--deploys", "1 per month"]);
    assert!(
        out.contains("Demand is low (0.2 deployments a week"),
        "{out}"
    );
    let j = json(&["downtime", "99.8999"]);
    assert_eq!(j["nines_display"], "2.9996 nines");
    let out = nines(&["incidents", "--slo", "99.99", "--window", "7d", "--json"]);
    let raw = String::from_utf8(out.stdout).unwrap();
    assert!(
        raw.contains("\"budget_per_window_seconds\":60.48,"),
        "{raw}"
    );
    // What is exact is said: fractional nines have no exact downtime.
    let j = json(&["downtime", "3.5", "nines"]);
    assert!(j["rounding_note"]
        .as_str()
        .unwrap()
        .contains("no exact downtime"));
}

/// `nines <command> --help` prints that command's help, not the global one.
#[test]
fn each_command_has_its_own_help() {
    let commands = [
        "downtime",
        "reverse",
        "budget",
        "alerts",
        "compose",
        "incidents",
        "cost",
        "support",
    ];
    for command in commands {
        for args in [vec![command, "--help"], vec!["help", command]] {
            let out = text(&args);
            assert!(
                out.starts_with(&format!("nines {command}: ")),
                "{args:?}: {out}"
            );
            assert!(out.contains(&format!("\n  nines {command} ")), "{out}");
            for other in commands.iter().filter(|c| **c != command) {
                assert!(
                    !out.contains(&format!("  nines {other} ")),
                    "{args:?}: {out}"
                );
            }
        }
    }
    assert!(text(&["budget", "--help"]).contains("--requests"));
    assert!(text(&["--help"]).contains("  nines support "));
}

/// Money flags keep their currency. By hand: £20M a year ×
/// 80% lost over a Gregorian 365.2425-day year (525,949.2 minutes) is
/// 16,000,000 / 525,949.2 = £30.42 a minute, written in whole pounds from
/// ten up. Standby pay of ¥2,000 an hour shows no decimals (the yen has no
/// minor unit, ISO 4217); CHF keeps its code. Two currencies are refused,
/// naming both flags.
#[test]
fn money_flags_keep_their_currency() {
    let t = text(&["cost", "--revenue", "£20M", "--impact", "80%"]);
    assert!(
        t.contains("£30 a minute, from a 365.2425-day year (525,949.2 minutes)"),
        "{t}"
    );
    assert!(!t.contains('$'), "{t}");
    let j = json(&["cost", "--revenue", "£20M", "--impact", "80%"]);
    assert_eq!(j["currency"], "GBP", "{j}");
    assert!(
        j["display"]["total_cost_at_target"]
            .as_str()
            .unwrap()
            .starts_with('£'),
        "{j}"
    );
    let t = text(&["cost", "--revenue", "CHF 2M"]);
    assert!(t.contains(" CHF") && !t.contains('$'), "{t}");
    let t = text(&[
        "support",
        "--standby-rate",
        "¥2000",
        "--callout-rate",
        "¥15000",
    ]);
    assert!(t.contains('¥') && !t.contains('$'), "{t}");
    assert!(
        !t.contains("¥.") && !t.lines().any(|l| l.contains('¥') && l.contains(".00")),
        "{t}"
    );
    let e = refused(&["cost", "--revenue", "£20M", "--reference-cost", "$20k"]);
    assert!(
        e.contains("--revenue is in GBP but --reference-cost is in USD"),
        "{e}"
    );
    let e = refused(&["cost", "--revenue", "20M XYZ"]);
    assert!(e.contains("--revenue") && e.contains("XYZ"), "{e}");
}

/// `--currency` sets the currency of a money command. By
/// hand, as above: 20M a year × 80% over 525,949.2 minutes = 30.42 a
/// minute, here in pounds because `--currency GBP` says so, though the
/// revenue is typed without a mark. An amount in another currency, an
/// unknown code and a missing value are refused, naming the flag.
#[test]
fn currency_flag_sets_the_answers_currency() {
    for currency in ["GBP", "gbp", "£"] {
        let t = text(&[
            "cost",
            "--revenue",
            "20M",
            "--impact",
            "80%",
            "--currency",
            currency,
        ]);
        assert!(
            t.contains("£30 a minute, from a 365.2425-day year (525,949.2 minutes)"),
            "{currency}: {t}"
        );
        assert!(!t.contains('$'), "{t}");
    }
    let j = json(&["cost", "--revenue", "£20M", "--currency", "GBP"]);
    assert_eq!(j["currency"], "GBP", "{j}");
    // The default story's amounts follow it too.
    let j = json(&["cost", "--currency", "CHF"]);
    assert_eq!(j["currency"], "CHF", "{j}");
    // Standby pay of 2,000 an hour in yen: no minor unit (ISO 4217).
    let t = text(&[
        "support",
        "--standby-rate",
        "2000",
        "--callout-rate",
        "15000",
        "--currency",
        "JPY",
    ]);
    assert!(t.contains('¥') && !t.contains('$'), "{t}");
    assert!(
        !t.lines().any(|l| l.contains('¥') && l.contains(".00")),
        "{t}"
    );

    let e = refused(&["cost", "--currency", "EUR", "--revenue", "£20M"]);
    assert!(
        e.contains("--currency is EUR but --revenue is in GBP"),
        "{e}"
    );
    let e = refused(&["support", "--callout-rate", "$150", "--currency", "EUR"]);
    assert!(
        e.contains("--currency is EUR but --callout-rate is in USD"),
        "{e}"
    );
    let e = refused(&["cost", "--currency", "XYZ"]);
    assert!(
        e.contains("--currency: \"XYZ\" is not a currency") && e.contains("ISO 4217 code"),
        "{e}"
    );
    assert!(refused(&["cost", "--currency"]).contains("--currency needs a value"));
    assert!(refused(&["alerts", "--slo", "99.9", "--currency", "GBP"])
        .contains("unknown option --currency"));
}

/// Hostile arguments. Each gets exit code 2 and one
/// printable line of bounded length, never a panic (exit 101) or raw
/// escape sequences.
#[test]
fn hostile_arguments_get_one_bounded_printable_line() {
    use std::os::unix::ffi::OsStrExt;
    // Not UTF-8: std::env::args panicked on it.
    let out = Command::new(env!("CARGO_BIN_EXE_nines"))
        .arg("downtime")
        .arg(std::ffi::OsStr::from_bytes(b"\xff"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let line = String::from_utf8(out.stderr).unwrap();
    assert!(line.contains("argument 2 is not valid UTF-8"), "{line}");

    // An unknown option carrying an escape sequence and a newline.
    let line = refused(&["downtime", "99.9", "--x\u{1b}[31mred\nsecond line"]);
    assert!(!line.contains('\u{1b}'), "{line:?}");
    assert!(
        line.contains("unknown option --x\\u{1b}[31mred\\nsecond line"),
        "{line}"
    );

    // 20,001 values: the message is cut, the rest counted.
    let mut many = vec!["compose", "--serial"];
    many.extend(std::iter::repeat_n("99.9x", 20_001));
    let line = refused(&many);
    assert!(
        line.chars().count() < 520,
        "{} characters",
        line.chars().count()
    );

    // A repeated option is refused, not silently one of the two.
    let line = refused(&["budget", "99.9", "--window", "30d", "--window", "7d"]);
    assert!(line.contains("--window is given twice"), "{line}");
}
