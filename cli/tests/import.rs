//! `nines import` end to end (issue 17 §4): specs written as Sloth's,
//! Pyrra's and OpenSLO's documentation write them, read into the scenario
//! (`--json`), its link (`--link`), standard input, and exit code 2 with
//! `FILE:LINE: message` on a bad document.

use std::path::PathBuf;

use serde_json::Value;

mod common;
use common::nines;

/// A file holding `text`, named for the test so tests do not collide.
fn file(name: &str, text: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("nines-import-{}-{name}", std::process::id()));
    std::fs::write(&path, text).expect("temporary file written");
    path
}

fn json(args: &[&str], stdin: Option<&str>) -> Value {
    let out = nines(args, stdin);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

/// Exit code 2, nothing on stdout, one line on stderr; returns that line.
fn refused(args: &[&str]) -> String {
    let out = nines(args, None);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty(), "{args:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    err.trim_end().to_string()
}

/// Sloth's README "Getting started" spec (github.com/slok/sloth,
/// examples/getting-started.yml), shortened: 99.9% over Sloth's default
/// 30 days with Sloth's default windows (page 2% 1h/5m, 5% 6h/30m; ticket
/// 10% 1d/2h, 10% 3d/6h).
const SLOTH: &str = r#"version: "prometheus/v1"
service: "myservice"
labels:
  owner: "myteam"
slos:
  - name: "requests-availability"
    objective: 99.9
    description: "Common SLO based on availability for HTTP request responses."
    sli:
      events:
        error_query: sum(rate(http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}[{{.window}}]))
        total_query: sum(rate(http_request_duration_seconds_count{job="myservice"}[{{.window}}]))
    alerting:
      name: MyServiceHighErrorRate
"#;

/// Sloth's 7-day windows (examples/windows/7d.yaml) after a spec.
const SEVEN_DAYS: &str = "---
apiVersion: sloth.slok.dev/v1
kind: AlertWindows
spec:
  sloPeriod: 7d
  page:
    quick:
      errorBudgetPercent: 8
      shortWindow: 5m
      longWindow: 1h
    slow:
      errorBudgetPercent: 12.5
      shortWindow: 30m
      longWindow: 6h
  ticket:
    quick:
      errorBudgetPercent: 20
      shortWindow: 2h
      longWindow: 1d
    slow:
      errorBudgetPercent: 42
      shortWindow: 6h
      longWindow: 3d
";

#[test]
fn sloth_spec_as_json() {
    let path = file("sloth.yaml", SLOTH);
    let v = json(&["import", path.to_str().unwrap(), "--json"], None);
    assert_eq!(v["format"], "Sloth spec (prometheus/v1)");
    assert_eq!(v["target"], "99.9%");
    assert_eq!(v["window"], "30d");
    assert_eq!(v["alignment"], "rolling");
    assert_eq!(v["policy"], "sloth");
    assert_eq!(
        v["alerts"],
        serde_json::json!([
            "page 2% 1h 5m",
            "page 5% 6h 30m",
            "ticket 10% 1d 2h",
            "ticket 10% 3d 6h"
        ])
    );
    assert_eq!(v["service"], "myservice");
    assert_eq!(
        v["errors"],
        r#"http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}"#
    );
    assert_eq!(
        v["not_carried"],
        serde_json::json!([
            "labels.owner: myteam",
            "slos[0].description: Common SLO based on availability for HTTP request responses.",
            "slos[0].alerting.name: MyServiceHighErrorRate"
        ])
    );
    // The link reads back as the scenario printed.
    let link = v["link"].as_str().unwrap();
    let s = nines_core::link::decode(link).scenario;
    assert_eq!(s.target.to_string(), "99.9%");
    assert_eq!(s.production.service, "myservice");
    assert_eq!(s.alerts.policy, nines_core::alerts::PolicyChoice::Sloth);
    let _ = std::fs::remove_file(path);
}

#[test]
fn alert_windows_give_a_custom_policy_and_link() {
    let spec = [SLOTH, SEVEN_DAYS].concat();
    let path = file("sloth-7d.yaml", &spec);
    let v = json(&["import", path.to_str().unwrap(), "--json"], None);
    assert_eq!(v["window"], "7d");
    assert_eq!(v["policy"], "custom");
    assert_eq!(
        v["alerts"],
        serde_json::json!([
            "page 8% 1h 5m",
            "page 12.5% 6h 30m",
            "ticket 20% 1d 2h",
            "ticket 42% 3d 6h"
        ])
    );
    // --link: the link alone, the same as in the JSON.
    let out = nines(&["import", path.to_str().unwrap(), "--link"], None);
    assert!(out.status.success());
    let link = String::from_utf8(out.stdout).unwrap();
    assert_eq!(link.trim_end(), v["link"].as_str().unwrap());
    assert_eq!(link.lines().count(), 1);
    assert!(link.starts_with("v="), "{link}");
    let _ = std::fs::remove_file(path);
}

/// Pyrra's README example (github.com/pyrra-dev/pyrra), from standard
/// input: 99% over 2 weeks, Pyrra's alerts.
#[test]
fn pyrra_from_standard_input() {
    let yaml = r#"apiVersion: pyrra.dev/v1alpha1
kind: ServiceLevelObjective
metadata:
  name: pyrra-api-errors
  namespace: monitoring
spec:
  target: "99"
  window: 2w
  indicator:
    ratio:
      errors:
        metric: http_requests_total{job="pyrra",code=~"5.."}
      total:
        metric: http_requests_total{job="pyrra"}
      grouping:
        - route
"#;
    let v = json(&["import", "-", "--json"], Some(yaml));
    assert_eq!(
        v["format"],
        "Pyrra ServiceLevelObjective (pyrra.dev/v1alpha1)"
    );
    assert_eq!((&v["target"], &v["window"]), (&"99%".into(), &"14d".into()));
    assert_eq!(v["policy"], "pyrra");
    assert_eq!(v["service"], "pyrra-api-errors");
    assert_eq!(
        v["not_carried"],
        serde_json::json!([
            "metadata.namespace: monitoring",
            "spec.indicator.ratio.grouping: [route]"
        ])
    );
}

/// An OpenSLO v1 SLO (github.com/OpenSLO/OpenSLO README, "SLO"): 0.995
/// each calendar month in UTC+01:00 (IANA Etc/GMT-1), as plain text.
#[test]
fn openslo_calendar_as_text() {
    let yaml = r#"apiVersion: openslo/v1
kind: SLO
metadata:
  name: web-availability
spec:
  service: web
  timeWindow:
    - duration: 1M
      isRolling: false
      calendar:
        startTime: 2026-11-01 00:00:00
        timeZone: Etc/GMT-1
  budgetingMethod: Occurrences
  objectives:
    - target: 0.995
"#;
    let path = file("openslo.yaml", yaml);
    let out = nines(&["import", path.to_str().unwrap()], None);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("Imported OpenSLO SLO (openslo/v1) from "),
        "{text}"
    );
    assert!(text.contains("\nTarget     99.5%\n"), "{text}");
    assert!(
        text.contains("\nWindow     each calendar month (UTC+01:00)\n"),
        "{text}"
    );
    assert!(text.contains("\nService    web\n"), "{text}");
    assert!(
        text.contains("Everything in the file was carried."),
        "{text}"
    );
    assert!(text.contains("\nLink: ?v="), "{text}");
    let v = json(&["import", path.to_str().unwrap(), "--json"], None);
    assert_eq!(
        (&v["alignment"], &v["utc_offset"], &v["window"]),
        (&"calendar".into(), &"+01:00".into(), &"month".into())
    );
    let _ = std::fs::remove_file(path);
}

#[test]
fn bad_documents_exit_2_with_file_and_line() {
    let cases = [
        (
            "over.yaml",
            "version: \"prometheus/v1\"\nservice: a\nslos:\n  - name: x\n    objective: 101\n",
            ":5: the objective 101 is over 100%: expected a percentage above 0 and at most 100, \
             like 99.9",
        ),
        (
            "missing.yaml",
            "version: \"prometheus/v1\"\nservice: a\nslos:\n  - name: x\n",
            ":4: the SLO has no objective",
        ),
        (
            "kind.yaml",
            "apiVersion: v1\nkind: ConfigMap\n",
            ":1: expected a Sloth spec (version: \"prometheus/v1\"), a Pyrra ServiceLevelObjective",
        ),
        (
            "broken.yaml",
            "version: \"prometheus/v1\"\nservice: a: b\n",
            ":2: this is not valid YAML",
        ),
    ];
    for (name, yaml, want) in cases {
        let path = file(name, yaml);
        let p = path.to_str().unwrap();
        let err = refused(&["import", p]);
        assert!(
            err.starts_with(&format!("nines: {p}{want}")),
            "{name}: {err}"
        );
        let _ = std::fs::remove_file(path);
    }
    assert!(refused(&["import"]).contains("missing FILE"));
    assert!(refused(&["import", "/nonexistent/nines.yaml"]).contains("cannot read"));
    assert!(refused(&["import", "a.yaml", "--link", "x"]).contains("--link takes no value"));
    let out = nines(&["import", "-"], Some("kind: Deployment\n"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("nines: -:1: expected"));
}

#[test]
fn help_names_the_formats() {
    let out = nines(&["import", "--help"], None);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("nines import: a Sloth spec"), "{text}");
    assert!(text.contains("nines import <FILE|-> [--json | --link]"));
}
