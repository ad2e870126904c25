//! `nines import` end to end: specs written as Sloth's,
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
            ":1: expected a Sloth spec (version: \"prometheus/v1\", or apiVersion: \
             sloth.slok.dev/v1, kind: PrometheusServiceLevel), a Pyrra ServiceLevelObjective",
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
    assert!(text.contains("nines import <FILE|-> [--slo NAME] [--json | --link]"));
}

/// A copied Sloth file (core/tests/data/sloth, see its NOTICE).
fn sloth_data(name: &str) -> String {
    format!(
        "{}/../core/tests/data/sloth/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// Sloth's examples/kubernetes-apiserver.yml holds two SLOs,
/// requests-availability (99.9) and requests-latency (99); without --slo
/// the first is read, and both are named, in the JSON and in the text.
#[test]
fn several_slos_named_and_chosen() {
    let path = sloth_data("kubernetes-apiserver.yml");
    let v = json(&["import", &path, "--json"], None);
    assert_eq!(
        v["slos"],
        serde_json::json!(["requests-availability", "requests-latency"])
    );
    assert_eq!(v["read"], "requests-availability");
    assert_eq!(v["slo"], "requests-availability");
    assert_eq!(v["target"], "99.9%");
    let v = json(
        &["import", &path, "--slo", "requests-latency", "--json"],
        None,
    );
    assert_eq!(v["read"], "requests-latency");
    assert_eq!(v["slo"], "requests-latency");
    assert_eq!(v["target"], "99%");
    assert_eq!(v["service"], "k8s-apiserver");
    let out = nines(&["import", &path, "--slo", "requests-latency"], None);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "In file    requests-availability, requests-latency (read: requests-latency)\n"
        ),
        "{text}"
    );
    assert!(text.contains("SLO        requests-latency\n"), "{text}");
    // An unknown name: exit 2, one line naming the SLOs the file holds.
    assert_eq!(
        refused(&["import", &path, "--slo", "latency"]),
        format!(
            "nines: {path}: no SLO named \"latency\" in the file; it holds \
             \"requests-availability\", \"requests-latency\""
        )
    );
    assert!(refused(&["import", &path, "--slo"]).contains("--slo takes one NAME"));
}

/// Sloth's own validation files (test/integration/prometheus/testdata/
/// validate/bad): each is refused at the line marked `# BAD!` in it, naming
/// the SLO; a repeated name is Sloth's ID, <service>-<name>.
#[test]
fn sloth_bad_files_refused_at_the_bad_slo() {
    for (name, line, slo, other) in [
        ("validate-bad-bad-aa.yaml", 28, "slo02", "slo1"),
        ("validate-bad-bad-k8s.yaml", 7, "slo1", "slo02"),
        (
            "validate-bad-bad-multi-k8s.yaml",
            22,
            "svc01-slo1",
            "svc02-slo1",
        ),
        (
            "validate-bad-bad-multi.yaml",
            77,
            "svc02-slo02",
            "svc01-slo1",
        ),
    ] {
        let path = sloth_data(name);
        let err = refused(&["import", &path]);
        let want = format!("nines: {path}:{line}: the SLO \"{slo}\": ");
        assert!(err.starts_with(&want), "{name}: {err}");
        // Choosing another, good SLO of the file does not hide it.
        let err = refused(&["import", &path, "--slo", other]);
        assert!(err.contains(&format!(":{line}: ")), "{name}: {err}");
    }
}

/// OpenSLO's calendar week (README "SLO": a duration shorthand with a
/// calendar startTime) from Sunday 2 January 2022 repeats every week: the
/// scenario's calendar week from Sunday, so at Wednesday 10 March 2027 the
/// window began on Sunday 7 March 2027 (worked by hand), not in 2022. The
/// README's ratioMetric example counts the good requests.
#[test]
fn a_repeating_calendar_week_through_the_link() {
    let spec = r#"apiVersion: openslo/v1
kind: SLO
metadata:
  name: web-availability
spec:
  service: web
  timeWindow:
    - duration: 1w
      calendar:
        startTime: 2022-01-02 00:00:00
        timeZone: UTC
      isRolling: false
  budgetingMethod: Occurrences
  objectives:
    - target: 0.999
      indicator:
        spec:
          ratioMetric:
            counter: true
            good:
              metricSource:
                type: Prometheus
                spec:
                  query: sum(localhost_server_requests{code=~"2xx|3xx",host="*",instance="127.0.0.1:9090"})
            total:
              metricSource:
                type: Prometheus
                spec:
                  query: sum(localhost_server_requests{code="total",host="*",instance="127.0.0.1:9090"})
"#;
    let path = file("week.yaml", spec);
    let p = path.to_str().unwrap();
    let v = json(&["import", p, "--json"], None);
    assert_eq!(v["window"], "week");
    assert_eq!(v["alignment"], "calendar");
    assert_eq!(v["counted"], "good");
    assert_eq!(
        v["good"],
        r#"localhost_server_requests{code=~"2xx|3xx",host="*",instance="127.0.0.1:9090"}"#
    );
    assert_eq!(
        v["requests"],
        r#"localhost_server_requests{code="total",host="*",instance="127.0.0.1:9090"}"#
    );
    let this_week = |p: &str| {
        let link = nines(&["import", p, "--link"], None);
        assert!(link.status.success());
        let out = nines(
            &[
                "export",
                "openslo",
                "--link",
                "-",
                "--now",
                "2027-03-10T12:00:00Z",
            ],
            Some(&String::from_utf8(link.stdout).unwrap()),
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let text = this_week(p);
    assert!(
        text.contains("startTime: \"2027-03-07 00:00:00\""),
        "{text}"
    );
    assert!(!text.contains("2022"), "{text}");
    let _ = std::fs::remove_file(path);

    // From Wednesday 5 January 2022: the scenario's weeks start on Monday,
    // Sunday or Saturday, so it is read as each calendar week from Monday
    // (the week of Wednesday 10 March 2027 began on Monday 8 March), and
    // the start it cannot follow is listed — never one week pinned in 2022.
    let path = file("week-wed.yaml", &spec.replace("2022-01-02", "2022-01-05"));
    let p = path.to_str().unwrap();
    let v = json(&["import", p, "--json"], None);
    assert_eq!(v["alignment"], "calendar");
    assert_eq!(
        v["not_carried"][0],
        "spec.timeWindow[0].calendar.startTime: 2022-01-05 00:00:00 (the window repeats each \
         calendar week (from Monday), but the scenario's calendar cannot start it then: a week \
         starts on Monday, Sunday or Saturday, not Wed; Monday is used)"
    );
    let text = this_week(p);
    assert!(
        text.contains("startTime: \"2027-03-08 00:00:00\""),
        "{text}"
    );
    assert!(!text.contains("2022"), "{text}");
    let _ = std::fs::remove_file(path);
}

/// A hostile document is refused within the reader's budgets, exit 2 and
/// one line naming the limit (the same budgets as the page's): 10,000 keys
/// are 20,001 nodes, past the 20,000 (the last value, on line 10,000); ten
/// levels of ten aliases would expand to 10^10 nodes, past the YAML
/// library's 100,000; 121 things not carried list 50 and count the rest.
#[test]
fn hostile_documents_within_budgets() {
    let keys: String = (1..=10_000).map(|i| format!("k{i}: {i}\n")).collect();
    let path = file("keys.yaml", &keys);
    let path = path.to_str().unwrap();
    assert_eq!(
        refused(&["import", path]),
        format!(
            "nines: {path}:10000: this document needs more than 20,000 nodes to read (keys, \
             values and list items, this line the first past them): an SLO spec is expected"
        )
    );
    let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let p = i - 1;
        bomb.push_str(&format!(
            "a{i}: &a{i} [{}]\n",
            vec![format!("*a{p}"); 10].join(", ")
        ));
    }
    let path = file("bomb.yaml", &bomb);
    let path = path.to_str().unwrap();
    let err = refused(&["import", path]);
    assert!(
        err.contains("needs more than 100,000 nodes to read: its aliases"),
        "{err}"
    );
    assert!(refused(&["export", "rules", "--from", path]).contains("needs more than 100,000 nodes"));

    let mut many = String::from(
        "version: \"prometheus/v1\"\nservice: \"checkout\"\nslos:\n  - name: \"availability\"\n    objective: 99.9\n    sli: {events: {error_query: \"sum(rate(e[{{.window}}]))\", total_query: \"sum(rate(t[{{.window}}]))\"}}\n    alerting: {name: CheckoutErrors}\n",
    );
    // The alert's name (not carried: the scenario names its own) and 120 keys.
    for i in 0..120 {
        many.push_str(&format!("extra{i}: {i}\n"));
    }
    let path = file("many.yaml", &many);
    let path = path.to_str().unwrap();
    let v = json(&["import", path, "--json"], None);
    assert_eq!(v["not_carried"].as_array().unwrap().len(), 50);
    assert_eq!(v["not_carried_more"], 71);
    let out = nines(&["import", path], None);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("  … and 71 more, not listed (the first 50 are)\n"),
        "{text}"
    );
}
