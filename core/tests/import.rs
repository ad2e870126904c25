//! Import: specs exported by Nines read back as the same
//! target, window and alert windows; specs written as each project's
//! documentation writes them read as expected, with what the scenario
//! cannot hold listed; bad documents refused with their line.

use nines_core::alerts::PolicyChoice;
use nines_core::budget::{BudgetMode, STORY_NOW};
use nines_core::clock::{Alignment, WeekStart};
use nines_core::export;
use nines_core::import::{Imported, import};
use nines_core::production::ProductionInputs;
use nines_core::scenario::{Report, Scenario, evaluate};
use nines_core::window::Period;

fn scenario(json: &str) -> Scenario {
    serde_json::from_str(json).unwrap()
}

fn report(s: &Scenario) -> Report {
    evaluate(s, STORY_NOW)
}

/// The OpenSLO document exactly as the page and `nines export openslo`
/// write it (the counters summed, as a `counter: true` ratio reads them).
fn openslo_of(s: &Scenario) -> String {
    nines_core::download::write("openslo", s, &report(s), 0, "csv").unwrap()
}

fn ok(yaml: &str) -> Imported {
    match import(yaml) {
        Ok(i) => i,
        Err(e) => panic!("{e}\n{}", nines_core::quote::one_line(yaml, 2_000)),
    }
}

/// The default production names with the SLO's name `slo`.
fn named(slo: &str) -> ProductionInputs {
    ProductionInputs {
        slo: slo.into(),
        ..ProductionInputs::default()
    }
}

fn rows(i: &Imported) -> Vec<String> {
    i.scenario
        .alerts
        .custom
        .iter()
        .map(|a| a.to_string())
        .collect()
}

/// Sloth's own 7-day windows (github.com/slok/sloth,
/// examples/windows/7d.yaml): page 8% 1h/5m and 12.5% 6h/30m, ticket 20%
/// 1d/2h and 42% 3d/6h, as a custom policy over 7 days at 99.9%.
const SEVEN_DAY_ROWS: [&str; 4] = [
    "page 8% 1h 5m",
    "page 12.5% 6h 30m",
    "ticket 20% 1d 2h",
    "ticket 42% 3d 6h",
];

#[test]
fn sloth_round_trip_with_custom_windows() {
    let mut s = scenario(r#"{"target": "99.9%", "slo_window": "7d"}"#);
    s.alerts.policy = PolicyChoice::Custom;
    s.alerts.custom = SEVEN_DAY_ROWS.map(|a| a.parse().unwrap()).to_vec();
    // The spec and its windows file, which Sloth loads apart, read as one.
    let yaml = [
        export::sloth(&report(&s), &s.production).unwrap(),
        export::sloth_windows(&report(&s)).unwrap(),
    ]
    .join("---\n");
    let i = ok(&yaml);
    assert_eq!(i.format, "Sloth spec (prometheus/v1) with its AlertWindows");
    assert_eq!(i.scenario.target, s.target);
    assert_eq!(i.scenario.target.to_string(), "99.9%");
    assert_eq!(i.scenario.slo_window, Period::Days(7));
    assert_eq!(i.scenario.alerts.policy, PolicyChoice::Custom);
    assert_eq!(rows(&i), SEVEN_DAY_ROWS);
    assert_eq!(i.scenario.alerts.custom, s.alerts.custom);
    // The SLO's name is read into the rules' slo label: the export wrote
    // the scenario's own (availability), so it comes back unchanged.
    assert_eq!(i.scenario.production, named("availability"));
    // Only the description, which the export writes from the figures.
    assert_eq!(i.not_carried.len(), 1, "{:?}", i.not_carried);
    assert!(
        i.not_carried[0].starts_with("slos[0].description: 99.9% of requests succeed over 7 days"),
        "{:?}",
        i.not_carried
    );
    // The same report: the alert table's windows and burn rates.
    let (a, b) = (report(&s).alerts, report(&i.scenario).alerts);
    assert_eq!(a.rows, b.rows);
}

/// Sloth's own policy needs no AlertWindows at 30 or 28 days; the period
/// is the `--default-slo-period` Nines writes in the header comment.
#[test]
fn sloth_round_trip_with_its_own_windows() {
    for (json, days) in [
        (r#"{"alerts": {"policy": "sloth"}}"#, 30),
        (
            r#"{"target": "99.5%", "slo_window": "28d", "alerts": {"policy": "sloth"}}"#,
            28,
        ),
    ] {
        let s = scenario(json);
        let yaml = export::sloth(&report(&s), &s.production).unwrap();
        assert!(!yaml.contains("AlertWindows"));
        let i = ok(&yaml);
        assert_eq!(i.format, "Sloth spec (prometheus/v1)");
        assert_eq!(i.scenario.target, s.target, "{json}");
        assert_eq!(i.scenario.slo_window, Period::Days(days), "{json}");
        assert_eq!(i.scenario.alerts.policy, PolicyChoice::Sloth);
        assert_eq!(report(&i.scenario).alerts.rows, report(&s).alerts.rows);
    }
}

#[test]
fn pyrra_round_trip() {
    let s = scenario(r#"{"target": "99.9%", "slo_window": "28d", "alerts": {"policy": "pyrra"}}"#);
    let yaml = export::pyrra(&report(&s), &s.production).unwrap();
    let i = ok(&yaml);
    assert_eq!(i.format, "Pyrra ServiceLevelObjective (pyrra.dev/v1alpha1)");
    assert_eq!(i.scenario.target, s.target);
    assert_eq!(i.scenario.slo_window, Period::Days(28));
    assert_eq!(i.scenario.alerts.policy, PolicyChoice::Pyrra);
    // metadata.name checkout-availability is the service checkout's SLO
    // availability: the export names it <service>-<slo>, and the import
    // reads the name less the service.
    assert_eq!(i.scenario.production, named("availability"));
    assert_eq!(report(&i.scenario).alerts.rows, report(&s).alerts.rows);
    assert_eq!(i.not_carried.len(), 1, "{:?}", i.not_carried);
    assert!(i.not_carried[0].starts_with("spec.description: "));
}

#[test]
fn openslo_round_trip_rolling_and_timeslices() {
    for json in [
        "{}",
        r#"{"target": "99.9%", "slo_window": "28d", "budget": {"mode": "time"}}"#,
        r#"{"target": "3 nines", "slo_window": "quarter"}"#,
    ] {
        let s = scenario(json);
        let i = ok(&openslo_of(&s));
        assert_eq!(i.format, "OpenSLO SLO (openslo/v1)");
        assert_eq!(i.scenario.target, s.target, "{json}");
        assert_eq!(i.scenario.slo_window, s.slo_window, "{json}");
        assert_eq!(i.scenario.budget.alignment, Alignment::Rolling);
        assert_eq!(i.scenario.budget.mode, s.budget.mode, "{json}");
        // The export names the SLO <service>-<slo>, read back as the SLO
        // availability of the service checkout.
        assert_eq!(i.scenario.production, named("availability"));
        // The description is written from the figures; everything else
        // (names, display names, time slices, counter, types) is what the
        // export writes from the scenario.
        assert_eq!(i.not_carried.len(), 1, "{json}: {:?}", i.not_carried);
        assert!(i.not_carried[0].starts_with("spec.description: "));
    }
}

/// Calendar windows come back calendar-aligned in their
/// offset: the month in UTC+01:00 is written `1M`, `isRolling: false`,
/// startTime `2026-11-01 00:00:00`, `Etc/GMT-1`; a week from Sunday as the
/// Sunday before Wed 11 Nov 2026, `2026-11-08 00:00:00`; a pinned 30 days
/// from 5 Nov 2026 00:00 UTC in UTC+01:00 as `2026-11-05 01:00:00`.
#[test]
fn openslo_round_trip_calendar_and_pinned() {
    let month = scenario(
        r#"{"slo_window": "month", "budget": {"alignment": "calendar", "utc_offset": "+01:00"}}"#,
    );
    let yaml = openslo_of(&month);
    assert!(yaml.contains("timeZone: Etc/GMT-1"));
    let i = ok(&yaml);
    assert_eq!(i.scenario.slo_window, Period::Month);
    assert_eq!(i.scenario.budget.alignment, Alignment::Calendar);
    assert_eq!(i.scenario.budget.utc_offset.minutes(), 60);
    assert_eq!(i.scenario.target, month.target);
    assert_eq!(report(&i.scenario).budget.start_iso, "2026-10-31T23:00:00Z");

    let week = scenario(
        r#"{"slo_window": "week", "budget": {"alignment": "calendar", "week_start": "sunday"}}"#,
    );
    let yaml = openslo_of(&week);
    assert!(
        yaml.contains("startTime: \"2026-11-08 00:00:00\""),
        "{yaml}"
    );
    let i = ok(&yaml);
    assert_eq!(i.scenario.slo_window, Period::Week);
    assert_eq!(i.scenario.budget.alignment, Alignment::Calendar);
    assert_eq!(i.scenario.budget.week_start, WeekStart::Sunday);

    let pinned = scenario(
        r#"{"budget": {"alignment": "pinned", "start": "2026-11-05T00:00:00Z", "utc_offset": "+01:00"}}"#,
    );
    let yaml = openslo_of(&pinned);
    assert!(
        yaml.contains("startTime: \"2026-11-05 01:00:00\""),
        "{yaml}"
    );
    let i = ok(&yaml);
    assert_eq!(i.scenario.slo_window, Period::Days(30));
    assert_eq!(i.scenario.budget.alignment, Alignment::Pinned);
    assert_eq!(i.scenario.budget.start, pinned.budget.start);
    assert_eq!(i.scenario.budget.utc_offset.minutes(), 60);
    assert_eq!(i.not_carried.len(), 1, "{:?}", i.not_carried);
}

/// Sloth's README "Getting started" spec (github.com/slok/sloth,
/// examples/getting-started.yml): 99.9% of `myservice`'s requests, the
/// `{{.window}}` queries, labels, an SLO plugin and alert settings of its
/// own; plus a second SLO, as in Sloth's `kubernetes-apiserver` example
/// (with its alert's name, which Sloth requires of every SLO whose alerts
/// are not disabled).
#[test]
fn sloth_getting_started() {
    let yaml = r##"version: "prometheus/v1"
service: "myservice"
labels:
  owner: "myteam"
  repo: "myorg/myservice"
  tier: "2"
slo_plugins:
  chain:
    - id: "sloth.dev/contrib/alert_for/v1"
slos:
  # We allow failing (5xx and 429) 1 request every 1000 requests (99.9%).
  - name: "requests-availability"
    objective: 99.9
    description: "Common SLO based on availability for HTTP request responses."
    sli:
      events:
        error_query: sum(rate(http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}[{{.window}}]))
        total_query: sum(rate(http_request_duration_seconds_count{job="myservice"}[{{.window}}]))
    alerting:
      name: MyServiceHighErrorRate
      labels:
        category: "availability"
      annotations:
        summary: "High error rate on 'myservice' requests responses"
      page_alert:
        for: 5m
        labels:
          severity: pageteam
          routing_key: myteam
      ticket_alert:
        for: 10m
        labels:
          severity: "slack"
          slack_channel: "#alerts-myteam"
  - name: "requests-latency"
    objective: 99
    sli:
      events:
        error_query: |
          (
            sum(rate(http_request_duration_seconds_count{job="myservice"}[{{.window}}]))
            -
            sum(rate(http_request_duration_seconds_bucket{job="myservice",le="0.25"}[{{.window}}]))
          )
        total_query: sum(rate(http_request_duration_seconds_count{job="myservice"}[{{.window}}]))
    alerting:
      name: K8sApiserverLatencyAlert
"##;
    let i = ok(yaml);
    let s = &i.scenario;
    assert_eq!(s.target.to_string(), "99.9%");
    assert_eq!(s.slo_window, Period::Days(30));
    assert_eq!(s.alerts.policy, PolicyChoice::Sloth);
    assert_eq!(s.production.service, "myservice");
    assert_eq!(s.production.slo, "requests-availability");
    assert_eq!(i.slos, ["requests-availability", "requests-latency"]);
    assert_eq!(i.chosen, 0);
    assert_eq!(
        s.production.errors,
        r#"http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}"#
    );
    assert_eq!(
        s.production.requests,
        r#"http_request_duration_seconds_count{job="myservice"}"#
    );
    assert_eq!(
        i.assumed,
        [
            "the SLO window: Sloth's default period, 30 days",
            "the alert windows: Sloth's defaults for the period"
        ]
    );
    assert_eq!(
        i.not_carried,
        [
            "slos[1]: {name, objective, sli, alerting} (another SLO: one SLO is imported at a \
             time, chosen by its name)",
            "labels: {owner: myteam, repo: myorg/myservice, tier: 2}",
            "slo_plugins.chain[0].id: sloth.dev/contrib/alert_for/v1",
            "slos[0].description: Common SLO based on availability for HTTP request responses.",
            "slos[0].alerting.name: MyServiceHighErrorRate",
            "slos[0].alerting.annotations.summary: High error rate on 'myservice' requests responses",
            "slos[0].alerting.page_alert.for: 5m",
            "slos[0].alerting.page_alert.labels: {severity: pageteam, routing_key: myteam}",
            "slos[0].alerting.ticket_alert.for: 10m",
            "slos[0].alerting.ticket_alert.labels: {severity: slack, slack_channel: #alerts-myteam}",
        ]
    );
}

/// Pyrra's README `ServiceLevelObjective` (github.com/pyrra-dev/pyrra,
/// README "How It Works"): 99% over two weeks, a ratio of two selectors,
/// grouped by route.
#[test]
fn pyrra_readme_example() {
    let yaml = r#"apiVersion: pyrra.dev/v1alpha1
kind: ServiceLevelObjective
metadata:
  name: pyrra-api-errors
  namespace: monitoring
  labels:
    prometheus: k8s
    role: alert-rules
    pyrra.dev/team: operations # Any labels prefixed with 'pyrra.dev/' will be propagated as Prometheus labels, while stripping the prefix.
spec:
  target: "99"
  window: 2w
  description: Pyrra's API requests and response errors over time grouped by route.
  indicator:
    ratio:
      errors:
        metric: http_requests_total{job="pyrra",code=~"5.."}
      total:
        metric: http_requests_total{job="pyrra"}
      grouping:
        - route
"#;
    let i = ok(yaml);
    let s = &i.scenario;
    assert_eq!(s.target.to_string(), "99%");
    assert_eq!(s.slo_window, Period::Days(14));
    assert_eq!(s.alerts.policy, PolicyChoice::Pyrra);
    assert_eq!(s.production.service, "pyrra-api-errors");
    assert_eq!(
        s.production.errors,
        r#"http_requests_total{job="pyrra",code=~"5.."}"#
    );
    assert_eq!(s.production.requests, r#"http_requests_total{job="pyrra"}"#);
    assert_eq!(
        i.not_carried,
        [
            "metadata.namespace: monitoring",
            "metadata.labels: {prometheus: k8s, role: alert-rules, pyrra.dev/team: operations}",
            "spec.description: Pyrra's API requests and response errors over time grouped by route.",
            "spec.indicator.ratio.grouping: [route]",
        ]
    );

    // Pyrra's latency example (examples/pyrra-connect-latency.yaml): a
    // latency indicator is not the scenario's, and is said to be.
    let latency = r#"apiVersion: pyrra.dev/v1alpha1
kind: ServiceLevelObjective
metadata:
  name: pyrra-connect-latency
spec:
  target: '99'
  window: 2w
  indicator:
    latencyNative:
      latency: 200ms
      total:
        metric: connect_server_requests_duration_seconds{job="pyrra",code="ok"}
"#;
    let i = ok(latency);
    assert_eq!(
        i.scenario.production.requests,
        ProductionInputs::default().requests
    );
    assert!(
        i.assumed.iter().any(|a| a.starts_with(
            "the request and error series: the scenario's defaults, http_requests_total{service=\"checkout\"}"
        )),
        "{:?}",
        i.assumed
    );
    assert_eq!(
        i.not_carried,
        [
            "spec.indicator: {latencyNative} (not a ratio indicator: Nines' indicator is the ratio \
          of bad to all requests)"
        ]
    );
}

/// An OpenSLO v1 SLO as the spec's README writes one (github.com/OpenSLO/
/// OpenSLO, "SLO", "Objectives", "SLI", "AlertPolicy"): 0.995 over each
/// calendar month in UTC, its indicator a separate SLI referenced by
/// name, and an alert policy the scenario cannot hold.
#[test]
fn openslo_calendar_slo_with_its_sli() {
    let yaml = r#"apiVersion: openslo/v1
kind: SLO
metadata:
  name: web-availability
  displayName: Web availability
spec:
  description: 99.5% of web requests succeed each calendar month
  service: web
  indicatorRef: web-errors
  timeWindow:
    - duration: 1M
      calendar:
        startTime: 2022-01-01 00:00:00
        timeZone: UTC
      isRolling: false
  budgetingMethod: Occurrences
  objectives:
    - displayName: Good
      target: 0.995
  alertPolicies:
    - alertPolicyRef: web-burn
---
apiVersion: openslo/v1
kind: SLI
metadata:
  name: web-errors
spec:
  ratioMetric:
    counter: true
    bad:
      metricSource:
        type: Prometheus
        spec:
          query: sum(rate(http_requests_total{service="web",code=~"5.."}[{{.window}}]))
    total:
      metricSource:
        type: Prometheus
        spec:
          query: sum(rate(http_requests_total{service="web"}[{{.window}}]))
---
apiVersion: openslo/v1
kind: AlertPolicy
metadata:
  name: web-burn
spec:
  conditions:
    - conditionRef: fast-burn
"#;
    let i = ok(yaml);
    let s = &i.scenario;
    assert_eq!(s.target.to_string(), "99.5%");
    assert_eq!(s.slo_window, Period::Month);
    assert_eq!(s.budget.alignment, Alignment::Calendar);
    assert_eq!(s.budget.utc_offset.minutes(), 0);
    assert_eq!(s.budget.mode, BudgetMode::Requests);
    assert_eq!(s.production.service, "web");
    assert_eq!(s.alerts.policy, PolicyChoice::Workbook);
    // A month from 1 January 2022 00:00 in UTC repeats: each calendar month.
    assert_eq!(
        i.assumed,
        [
            "the time window: each calendar month in UTC, repeating from its startTime",
            "the alert policy: the SRE Workbook's (an OpenSLO SLO names no burn-rate windows)"
        ]
    );
    // metadata.name web-availability of spec.service web: the SLO's name
    // is what follows the service.
    assert_eq!(s.production.slo, "availability");
    assert_eq!(
        s.production.errors,
        r#"http_requests_total{service="web",code=~"5.."}"#
    );
    assert_eq!(
        s.production.requests,
        r#"http_requests_total{service="web"}"#
    );
    assert_eq!(
        i.not_carried,
        [
            "metadata.displayName: Web availability",
            "spec.description: 99.5% of web requests succeed each calendar month",
            "spec.objectives[0].displayName: Good",
            "spec.alertPolicies[0].alertPolicyRef: web-burn",
            "document 3 (openslo/v1 kind AlertPolicy \"web-burn\"): not an SLO the scenario can hold",
        ]
    );

    // The README's own window: a month from 21 Jan 2020 12:30 in New York.
    // A calendar month repeats: each calendar month, in UTC (a named zone
    // is not held); the start on the 21st at 12:30 is not a month's
    // boundary the scenario can follow, and is listed with the zone.
    let new_york = yaml
        .replace("2022-01-01 00:00:00", "2020-01-21 12:30:00")
        .replace("timeZone: UTC", "timeZone: America/New_York");
    let i = ok(&new_york);
    assert_eq!(i.scenario.slo_window, Period::Month);
    assert_eq!(i.scenario.budget.alignment, Alignment::Calendar);
    assert!(
        i.not_carried.contains(
            &"spec.timeWindow[0].calendar.startTime: 2020-01-21 12:30:00 (the window repeats \
              each calendar month, but the scenario's calendar cannot start it then: it starts \
              at midnight; a month starts on its 1st)"
                .to_string()
        ),
        "{:?}",
        i.not_carried
    );
    assert!(
        i.not_carried.iter().any(|n| n.starts_with(
            "spec.timeWindow[0].calendar.timeZone: America/New_York (a named time zone"
        )),
        "{:?}",
        i.not_carried
    );

    // targetPercent (the README's other form), a rolling 4 weeks.
    let percent = yaml
        .replace("target: 0.995", "targetPercent: 99.99")
        .replace(
            "    - duration: 1M\n      calendar:\n        startTime: 2022-01-01 00:00:00\n        \
             timeZone: UTC\n      isRolling: false\n",
            "    - duration: 4w\n      isRolling: true\n",
        );
    let i = ok(&percent);
    assert_eq!(i.scenario.target.to_string(), "99.99%");
    assert_eq!(i.scenario.slo_window, Period::Days(28));
    assert_eq!(i.scenario.budget.alignment, Alignment::Rolling);
}

#[test]
fn bad_documents_name_their_line() {
    let err = |yaml: &str| import(yaml).unwrap_err();

    let e = err("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n");
    assert_eq!(e.line, Some(1));
    assert_eq!(
        e.message,
        "expected a Sloth spec (version: \"prometheus/v1\", or apiVersion: sloth.slok.dev/v1, \
         kind: PrometheusServiceLevel), a Pyrra ServiceLevelObjective (apiVersion: \
         pyrra.dev/v1alpha1) or an OpenSLO SLO (apiVersion: openslo/v1 or openslo/v1alpha, kind: \
         SLO); found apps/v1 kind Deployment \"web\""
    );

    let e = err("version: \"prometheus/v1\"\nservice: a\nslos:\n  - name: x\n    sli: {}\n");
    assert_eq!(e.line, Some(4));
    assert!(e.message.starts_with("the SLO has no objective"), "{e}");

    let e = err("version: \"prometheus/v1\"\nservice: a\nslos:\n  - name: x\n    objective: 101\n");
    assert_eq!(e.line, Some(5));
    assert_eq!(
        e.message,
        "the objective 101 is over 100%: expected a percentage above 0 and at most 100, like 99.9"
    );

    let e = err(
        "apiVersion: pyrra.dev/v1alpha1\nkind: ServiceLevelObjective\nspec:\n  target: \"0\"\n  window: 2w\n",
    );
    assert_eq!(
        (e.line, e.message.contains("at or below 0")),
        (Some(4), true),
        "{e}"
    );

    let e = err("apiVersion: openslo/v1\nkind: SLO\nspec:\n  objectives:\n    - target: 1.5\n");
    assert_eq!(e.line, Some(5));
    assert!(e.message.contains("over 1, i.e. over 100%"), "{e}");

    let e = err(
        "apiVersion: pyrra.dev/v1alpha1\nkind: ServiceLevelObjective\nspec:\n  target: \"99\"\n  window: 90m\n",
    );
    assert_eq!(e.line, Some(5));
    assert!(e.message.contains("whole days"), "{e}");

    // Malformed YAML: the scanner's line.
    let e = err("version: \"prometheus/v1\"\nservice: a: b\nslos: []\n");
    assert_eq!(e.line, Some(2));
    assert!(e.message.starts_with("this is not valid YAML"), "{e}");
    let e = err("slos:\n  - objective: [99.9\n");
    assert!(e.message.starts_with("this is not valid YAML"), "{e}");
    assert!(e.line.is_some());

    assert!(err("").message.contains("found no document"));
    assert!(err("- 1\n- 2\n").message.ends_with("found not a mapping"));
}

/// Nothing panics: every prefix of each export, every line dropped, and
/// hostile shapes (deep nesting, alias bombs, huge numbers) give a result
/// or an error.
#[test]
fn nothing_panics() {
    let mut s = scenario(r#"{"target": "99.9%", "slo_window": "7d"}"#);
    s.alerts.policy = PolicyChoice::Custom;
    s.alerts.custom = SEVEN_DAY_ROWS.map(|a| a.parse().unwrap()).to_vec();
    let r = report(&s);
    let docs = [
        export::sloth(&r, &s.production).unwrap(),
        export::pyrra(&r, &s.production).unwrap(),
        openslo_of(&scenario(
            r#"{"slo_window": "month", "budget": {"alignment": "calendar", "utc_offset": "+01:00", "mode": "time"}}"#,
        )),
    ];
    for doc in &docs {
        for (i, _) in doc.char_indices() {
            let _ = import(&doc[..i]);
        }
        let lines: Vec<&str> = doc.lines().collect();
        for skip in 0..lines.len() {
            let text: Vec<&str> = lines
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, l)| *l)
                .collect();
            let _ = import(&text.join("\n"));
        }
    }
    let hostile = [
        "[".repeat(100_000),
        "- ".repeat(100_000),
        "{a: ".repeat(50_000),
        (0..5_000).map(|i| format!("{}a:\n", " ".repeat(i))).collect(),
        "a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n".into(),
        "version: \"prometheus/v1\"\nslos:\n  - objective: 1e400\n".into(),
        "version: \"prometheus/v1\"\nslos:\n  - objective: 99.99999999999999999999999999999999999999999\n".into(),
        "apiVersion: openslo/v1\nkind: SLO\nspec:\n  objectives: [{target: .nan}]\n".into(),
        "apiVersion: openslo/v1\nkind: SLO\nspec:\n  objectives: [{target: 0.9}]\n  timeWindow: [{duration: 99999999999d, isRolling: true}]\n".into(),
        "apiVersion: openslo/v1\nkind: SLO\nspec:\n  objectives: [{target: 0.9}]\n  timeWindow: [{duration: é, isRolling: true}]\n".into(),
        "apiVersion: openslo/v1\nkind: SLO\nspec:\n  objectives: [{target: 0.9}]\n  timeWindow: [{duration: 1M, calendar: {startTime: 2026-02-30 00:00:00}}]\n".into(),
        "\u{feff}version: \"prometheus/v1\"\n".into(),
        "x".repeat(nines_core::import::MAX_INPUT_BYTES + 1),
    ];
    for text in &hostile {
        let _ = import(text);
    }
    // Each export with a few characters swapped for YAML's own (a fixed
    // xorshift sequence, so a failure reproduces).
    let marks: Vec<char> = ":-[]{}#&*!|>'\"%@` \n\t,?0.".chars().collect();
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    for round in 0..6_000 {
        let mut chars: Vec<char> = docs[round % docs.len()].chars().collect();
        for _ in 0..1 + next(3) {
            let at = next(chars.len());
            chars[at] = marks[next(marks.len())];
        }
        let text: String = chars.into_iter().collect();
        if let Ok(i) = import(&text) {
            assert!(
                i.scenario.target.unavailability() > 0.0 || i.scenario.target.percent() == 100.0
            );
        }
    }
    // Just under the nesting limit: read (and refused as no SLO), no
    // overflow on a test thread's stack.
    let nested = ["[".repeat(199), "]".repeat(199)].concat();
    assert!(
        import(&nested)
            .unwrap_err()
            .message
            .ends_with("found not a mapping")
    );
    let indented: String = (0..199)
        .map(|i| format!("{}a{i}:\n", " ".repeat(i)))
        .collect();
    assert_eq!(import(&indented).unwrap_err().line, Some(1));
    // A scenario made of any of them links.
    for doc in &docs {
        if let Ok(i) = import(doc) {
            let decoded = nines_core::link::decode(&nines_core::link::encode(&i.scenario));
            assert_eq!(decoded.scenario, i.scenario);
        }
    }
}

/// A copied Sloth file (core/tests/data/sloth, see its NOTICE).
fn sloth_data(name: &str) -> String {
    let path = format!("{}/tests/data/sloth/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap()
}

/// Sloth's examples/k8s-getting-started.yml: the getting-started SLO as a
/// PrometheusServiceLevel — 99.9% over Sloth's default 30 days, service
/// myservice, SLO requests-availability, the camelCase errorQuery and
/// totalQuery read as the plain form's queries.
#[test]
fn sloth_kubernetes_getting_started() {
    let i = ok(&sloth_data("k8s-getting-started.yml"));
    let s = &i.scenario;
    assert_eq!(i.format, "Sloth PrometheusServiceLevel (sloth.slok.dev/v1)");
    assert_eq!(s.target.to_string(), "99.9%");
    assert_eq!(s.slo_window, Period::Days(30));
    assert_eq!(s.alerts.policy, PolicyChoice::Sloth);
    assert_eq!(s.production.service, "myservice");
    assert_eq!(s.production.slo, "requests-availability");
    assert_eq!(
        s.production.errors,
        r#"http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}"#
    );
    assert_eq!(
        s.production.requests,
        r#"http_request_duration_seconds_count{job="myservice"}"#
    );
    assert!(
        i.not_carried.contains(
            &"spec.slos[0].alerting.pageAlert.labels: {severity: pageteam, routing_key: myteam}"
                .to_string()
        ),
        "{:?}",
        i.not_carried
    );

    // examples/k8s-home-wifi.yml: two SLOs, 95 and 99.9; their
    // sum_over_time queries are not the scenario's shape, and are listed.
    let wifi = sloth_data("k8s-home-wifi.yml");
    let i = ok(&wifi);
    assert_eq!(
        i.slos,
        [
            "good-wifi-client-satisfaction",
            "risk-wifi-client-satisfaction"
        ]
    );
    assert_eq!(i.scenario.target.to_string(), "95%");
    assert_eq!(i.scenario.production.service, "home-wifi");
    assert!(
        i.not_carried
            .iter()
            .any(|n| n.starts_with("spec.slos[0].sli.events.errorQuery: sum_over_time("))
    );
    let i = nines_core::import::import_slo(&wifi, Some("risk-wifi-client-satisfaction")).unwrap();
    assert_eq!(i.chosen, 1);
    assert_eq!(i.scenario.target.to_string(), "99.9%");

    // examples/k8s-multifile.yml: two documents whose SLOs share the name
    // requests-availability, told apart by Sloth's ID <service>-<name>.
    let multi = sloth_data("k8s-multifile.yml");
    let i = ok(&multi);
    assert_eq!(
        i.slos,
        [
            "myservice-requests-availability",
            "myservice2-requests-availability"
        ]
    );
    let i =
        nines_core::import::import_slo(&multi, Some("myservice2-requests-availability")).unwrap();
    assert_eq!(i.scenario.target.to_string(), "99.99%");
    assert_eq!(i.scenario.production.service, "myservice2");
}

/// Sloth's OpenSLO v1alpha examples (examples/openslo-getting-started.yml,
/// examples/openslo-kubernetes-apiserver.yml): target 0.999 over
/// `count: 30, unit: Day` (rolling, as Sloth reads it), a good and total
/// ratio: the good requests counted, the bad being all less the good.
#[test]
fn openslo_v1alpha_as_sloth_reads_it() {
    let i = ok(&sloth_data("openslo-getting-started.yml"));
    let s = &i.scenario;
    assert_eq!(i.format, "OpenSLO SLO (openslo/v1alpha)");
    assert_eq!(s.target.to_string(), "99.9%");
    assert_eq!(s.slo_window, Period::Days(30));
    assert_eq!(s.budget.alignment, Alignment::Rolling);
    assert_eq!(s.budget.mode, BudgetMode::Requests);
    assert_eq!(s.production.service, "my-service");
    assert_eq!(s.production.slo, "sloth-slo-my-service");
    assert_eq!(s.production.counted, nines_core::production::Counted::Good);
    assert_eq!(
        s.production.good,
        r#"http_request_duration_seconds_count{job="myservice",code!~"(5..|429)"}"#
    );
    assert_eq!(
        s.production.requests,
        r#"http_request_duration_seconds_count{job="myservice"}"#
    );
    assert_eq!(
        i.not_carried,
        [
            "metadata.displayName: Requests Availability",
            "spec.description: Common SLO based on availability for HTTP request responses."
        ]
    );

    // Two SLO documents; the second has two objectives, 0.99 and 0.999:
    // the first read, the other listed.
    let yaml = sloth_data("openslo-kubernetes-apiserver.yml");
    let i = nines_core::import::import_slo(&yaml, Some("requests-latency-openslo")).unwrap();
    assert_eq!(
        i.slos,
        ["requests-availability-openslo", "requests-latency-openslo"]
    );
    assert_eq!(i.scenario.target.to_string(), "99%");
    assert_eq!(
        i.scenario.production.good,
        r#"apiserver_request_duration_seconds_bucket{le="0.4",verb!="WATCH"}"#
    );
    assert!(
        i.not_carried
            .iter()
            .any(|n| n.starts_with("spec.objectives[1]: "))
    );
    assert!(i.not_carried.iter().any(|n| n.starts_with(
        "document 1 (openslo/v1alpha kind SLO \"requests-availability-openslo\"): another SLO"
    )));

    // The same two documents as one YAML list (as OpenSLO's oslo and
    // go-sdk read them): the same SLOs, the items named as such.
    let docs: Vec<&str> = yaml.split("\n---\n").collect();
    let list: String = docs
        .iter()
        .map(|d| {
            let body: Vec<String> = d
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .enumerate()
                .map(|(n, l)| format!("{}{l}", if n == 0 { "- " } else { "  " }))
                .collect();
            body.join("\n") + "\n"
        })
        .collect();
    let i = nines_core::import::import_slo(&list, Some("requests-latency-openslo")).unwrap();
    assert_eq!(
        i.slos,
        ["requests-availability-openslo", "requests-latency-openslo"]
    );
    assert_eq!(i.scenario.target.to_string(), "99%");
    assert!(
        i.not_carried
            .iter()
            .any(|n| n.starts_with("document 1 item 1 (openslo/v1alpha"))
    );

    // Sloth's validate/bad/bad-openslo.yaml is bad for Sloth only for its
    // 28-day window; 28 days is a window the scenario holds.
    let i = ok(&sloth_data("validate-bad-bad-openslo.yaml"));
    assert_eq!(i.scenario.slo_window, Period::Days(28));
}

/// An SLO name the exports cannot write as a label (a line break) is
/// listed, and the default kept; Sloth's own good file with four SLOs
/// names them by Sloth's IDs (validate/good/good-multi-k8s.yaml).
#[test]
fn slo_names_checked_and_listed() {
    let yaml = "apiVersion: pyrra.dev/v1alpha1\nkind: ServiceLevelObjective\nmetadata:\n  \
                name: \"web\\u2028x\"\nspec:\n  target: \"99\"\n  window: 2w\n";
    let i = ok(yaml);
    assert_eq!(i.scenario.production.slo, "availability");
    assert!(
        i.not_carried[0].starts_with("metadata.name: "),
        "{:?}",
        i.not_carried
    );
    let i = ok(&sloth_data("validate-good-good-multi-k8s.yaml"));
    assert_eq!(
        i.slos,
        ["svc01-slo1", "svc01-slo02", "svc02-slo1", "svc02-slo02"]
    );
}

/// Sloth's examples/no-alerts.yml disables both alerts (`page_alert:
/// {disable: true}`, `ticket_alert: {disable: true}`), and Sloth's own
/// generated file for it (examples/_gen/no-alerts.yml) has recording rules
/// and no alert: the scenario turns both severities off, the import lists
/// neither as not carried, and the rules written from it hold no alert.
#[test]
fn sloth_no_alerts_example() {
    let i = ok(&sloth_data("no-alerts.yml"));
    let a = &i.scenario.alerts;
    assert!(!a.page_alerts && !a.ticket_alerts);
    assert!(
        !i.not_carried.iter().any(|n| n.contains("disable")),
        "{:?}",
        i.not_carried
    );
    assert_eq!(i.scenario.target.to_string(), "99.99%");
    let rules = export::prometheus_rules(&report(&i.scenario), &i.scenario.production).unwrap();
    assert_eq!(rules.matches("- alert: ").count(), 0, "{rules}");
    assert!(rules.contains("- record: "));
    // And back out as Sloth: both alerts disabled again.
    let spec = export::sloth(&report(&i.scenario), &i.scenario.production).unwrap();
    assert!(spec.contains(
        "      page_alert:\n        disable: true\n      ticket_alert:\n        disable: true\n"
    ));
}

/// What was not carried is listed up to 50 lines and counted beyond, and a
/// key is quoted to its first 60 characters: a hostile file's leftovers
/// stay a few KB. Hand-made: a Sloth spec whose alert's name the scenario
/// cannot hold, with 120 keys Sloth does not define beside its own, one of
/// them 10,000 characters long: 121 not carried, 50 listed, 71 counted.
#[test]
fn leftovers_are_bounded_and_keys_cut() {
    let mut yaml = String::from(
        "version: \"prometheus/v1\"\nservice: \"checkout\"\nslos:\n  - name: \"availability\"\n    objective: 99.9\n    sli: {events: {error_query: \"sum(rate(e[{{.window}}]))\", total_query: \"sum(rate(t[{{.window}}]))\"}}\n    alerting: {name: CheckoutErrors}\n",
    );
    // An explicit key (`? …`): YAML holds implicit keys to 1,024 characters.
    yaml.push_str(&format!("? {}\n: 1\n", "k".repeat(10_000)));
    for i in 0..119 {
        yaml.push_str(&format!("extra{i}: {i}\n"));
    }
    let i = ok(&yaml);
    assert_eq!(i.not_carried.len(), 50);
    assert_eq!(i.not_carried_more, 71);
    assert_eq!(i.not_carried[0], "slos[0].alerting.name: CheckoutErrors");
    // The long key next: 60 of its characters, the rest counted.
    assert!(
        i.not_carried[1].starts_with(&format!("{}… (9940 more characters): 1", "k".repeat(60))),
        "{}",
        &i.not_carried[1][..100]
    );
    let text = i.describe();
    assert!(
        text.contains("Not carried (121: the scenario cannot hold them):"),
        "{text}"
    );
    assert!(
        text.contains("  … and 71 more, not listed (the first 50 are)\n"),
        "{text}"
    );
    assert!(text.len() < 4_000, "{} bytes", text.len());
}
