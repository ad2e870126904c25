use super::*;
use crate::production::{BudgetPolicy, ProductionInputs};
use crate::scenario::Report;
use crate::scenario::{Scenario, evaluate};

/// The exports say the budget and alerts count service
/// time. Mon–Fri 09:00–17:00 over the default story's 30 days from Sun
/// 1 Nov 2026: 56 of 168 service hours measured, 40% spent (burn rate
/// 1.2×), 140 h of service in: Wed 25 Nov 2026, 13:00 UTC (worked in
/// tests/e2e/service-hours.test.mjs); the first Workbook alert's burn
/// rate 0.02 × 720 h × 40/168 = 3.43×.
#[test]
fn exports_count_service_time() {
    let s = Scenario {
        service_hours: "Mon-Fri 09:00-17:00".parse().unwrap(),
        ..Scenario::default()
    };
    let r = evaluate(&s, crate::budget::STORY_NOW);
    let b = budget_table(&r);
    assert_eq!(b.rows[5][2], "2026-11-25T13:00:00Z");
    assert!(
        b.rows
            .iter()
            .any(|row| row[0] == "Note" && row[1].starts_with("Counted in service time only")),
        "{:?}",
        b.rows
    );
    let m = measures_table(&r);
    assert_eq!(m.rows[3][..2], ["Service hours", "Mon-Fri 09:00-17:00"]);
    let a = alerts_table(&r);
    assert_eq!(a.rows[0][4], "3.43×");
    assert!(a.title.contains("Counted in service time"), "{}", a.title);
}

/// OpenSLO's `timeWindow` follows the window's alignment
/// (OpenSLO v1 spec, SLO `timeWindow`: `isRolling: false` with a
/// `calendar` of `startTime` and `timeZone`). Worked by hand: at Wed 11
/// Nov 2026 the calendar month in UTC+01:00 started on 1 Nov 00:00
/// local, IANA Etc/GMT-1; in UTC+05:30, which has no IANA zone, that
/// start is 31 Oct 18:30 UTC.
#[test]
fn openslo_windows_follow_the_alignment() {
    let yaml = |json: &str| {
        let s: Scenario = serde_json::from_str(json).unwrap();
        let r = evaluate(&s, crate::budget::STORY_NOW);
        openslo(&r, &counters("bad", "all")).unwrap()
    };
    let rolling = yaml("{}");
    assert!(rolling.contains("  timeWindow:\n    - duration: 30d\n      isRolling: true\n"));
    assert!(rolling.contains("over a rolling 30 days"));
    let paris = yaml(
        r#"{"slo_window": "month", "budget": {"alignment": "calendar", "utc_offset": "+01:00"}}"#,
    );
    assert!(
        paris.contains(
            "  timeWindow:\n    - duration: 1M\n      isRolling: false\n      calendar:\n        \
             startTime: \"2026-11-01 00:00:00\"\n        timeZone: Etc/GMT-1\n"
        ),
        "{paris}"
    );
    assert!(
        paris.contains("over each calendar month (UTC+01:00)"),
        "{paris}"
    );
    let india = yaml(
        r#"{"slo_window": "month", "budget": {"alignment": "calendar", "utc_offset": "+05:30"}}"#,
    );
    assert!(india.contains("# UTC+05:30 has no IANA zone"), "{india}");
    assert!(
        india.contains("startTime: \"2026-10-31 18:30:00\"\n        timeZone: UTC"),
        "{india}"
    );
    let pinned = yaml(r#"{"budget": {"alignment": "pinned", "start": "2026-11-05T00:00:00Z"}}"#);
    assert!(
        pinned.contains("duration: 30d\n      isRolling: false\n      calendar:\n        startTime: \"2026-11-05 00:00:00\""),
        "{pinned}"
    );
}

/// Sloth and Pyrra. A custom policy of Sloth's own 7-day windows
/// (github.com/slok/sloth, examples/windows/7d.yaml: page 8% 1h/5m and
/// 12.5% 6h/30m, ticket 20% 1d/2h and 42% 3d/6h) is written back as that
/// `AlertWindows` spec, in a file of its own (`sloth generate -i` reads
/// every document of its input as an SLO), and the spec's header gives the
/// command that loads it; the Workbook's two pages and one ticket cannot
/// be, and a comment says so; Sloth's own policy at 30 days needs none.
#[test]
fn sloth_and_pyrra_specs() {
    let p = ProductionInputs::default();
    let at = |json: &str| {
        evaluate(
            &serde_json::from_str(json).unwrap(),
            crate::budget::STORY_NOW,
        )
    };
    let mut s: Scenario =
        serde_json::from_str(r#"{"target": "99.9%", "slo_window": "7d"}"#).unwrap();
    s.alerts.policy = crate::alerts::PolicyChoice::Custom;
    s.alerts.custom = [
        "page 8% 1h 5m",
        "page 12.5% 6h 30m",
        "ticket 20% 1d 2h",
        "ticket 42% 3d 6h",
    ]
    .map(|a| a.parse().unwrap())
    .to_vec();
    let seven = evaluate(&s, crate::budget::STORY_NOW);
    let yaml = sloth(&seven, &p).unwrap();
    assert!(!yaml.contains("AlertWindows\n"), "{yaml}");
    assert_eq!(
        yaml.matches("\nversion:").count() + yaml.matches("---").count(),
        1
    );
    let windows = sloth_windows(&seven).unwrap();
    assert!(
        windows.contains(
            "apiVersion: sloth.slok.dev/v1\nkind: AlertWindows\nspec:\n  sloPeriod: 7d\n  \
             page:\n    quick:\n      errorBudgetPercent: 8\n      shortWindow: 5m\n      \
             longWindow: 1h\n    slow:\n      errorBudgetPercent: 12.5\n      shortWindow: 30m\n      \
             longWindow: 6h\n  ticket:\n    quick:\n      errorBudgetPercent: 20\n      \
             shortWindow: 2h\n      longWindow: 1d\n    slow:\n      errorBudgetPercent: 42\n      \
             shortWindow: 6h\n      longWindow: 3d\n"
        ),
        "{windows}"
    );
    assert!(yaml.contains("objective: 99.9\n"));
    assert!(
        yaml.contains(
            "`mkdir -p sloth-windows && mv checkout-slo.sloth-windows.yaml sloth-windows/ && \
             sloth generate -i checkout-slo.sloth.yaml -o checkout-slo-rules.yaml \
             --default-slo-period=7d --slo-period-windows-path=sloth-windows`"
        ),
        "{yaml}"
    );
    // Ticket alerts off: Sloth's `disable: true`, and the windows file
    // still has the ticket windows Sloth's catalogue needs.
    s.alerts.ticket_alerts = false;
    let off = evaluate(&s, crate::budget::STORY_NOW);
    let yaml = sloth(&off, &p).unwrap();
    assert!(
        yaml.contains("      page_alert:\n        labels:\n          severity: \"page\"\n      ticket_alert:\n        disable: true\n"),
        "{yaml}"
    );
    assert!(
        sloth_windows(&off)
            .unwrap()
            .contains("  ticket:\n    quick:\n")
    );
    let workbook = sloth(&at(r#"{"target": "99.9%"}"#), &p).unwrap();
    assert!(
        workbook.contains("this policy (SRE Workbook) has 2 page and 1 ticket, so no windows file"),
        "{workbook}"
    );
    assert!(sloth_windows(&at(r#"{"target": "99.9%"}"#)).is_err());
    let own = sloth(&at(r#"{"alerts": {"policy": "sloth"}}"#), &p).unwrap();
    assert!(
        own.contains("Generate the rules with `sloth generate -i checkout-slo.sloth.yaml -o checkout-slo-rules.yaml --default-slo-period=30d`."),
        "{own}"
    );
    // Pyrra: the target as a percentage string, the window, the two
    // selectors; its own alerts, said when the policy is another.
    let py = pyrra(&at(r#"{"target": "99.9%", "slo_window": "28d"}"#), &p).unwrap();
    assert!(py.contains("  target: \"99.9\"\n  window: 28d\n"), "{py}");
    assert!(py.contains("metadata:\n  name: checkout-availability\n"));
    assert!(
        py.contains(r#"metric: "http_requests_total{service=\"checkout\",code=~\"5..\"}""#),
        "{py}"
    );
    assert!(py.contains("is not carried"));
    let bad = ProductionInputs {
        service: "Check Out".into(),
        ..ProductionInputs::default()
    };
    assert!(
        pyrra(&at("{}"), &bad)
            .unwrap_err()
            .to_string()
            .starts_with("service")
    );
}

/// The policy document. Time mode, the default story's
/// 99.95% over 30 days: a budget of 21m 36s (1 296 s); 20% of it is
/// 259.2 s = 4m 19s. With 1 944 s spent (150%, measured and typed) the
/// budget is exhausted. A caution tier at 70% puts 60% left in
/// caution. Text is escaped in each format; the policy's own emphasis
/// is kept.
#[test]
fn policy_document_in_three_formats() {
    let s: Scenario = serde_json::from_str(
        r#"{"budget": {"mode": "time", "bad_seconds": 1944, "bad_time_source": "typed"}}"#,
    )
    .unwrap();
    let r = evaluate(&s, crate::budget::STORY_NOW);
    let mut policy = BudgetPolicy {
        override_by: "The CTO <only> | *in writing*".into(),
        ..BudgetPolicy::default()
    };
    let doc = policy_document(&r, &policy, "checkout");
    let md = document_markdown(&doc);
    assert!(
        md.contains("more than 20% of the budget (4m 19s) in one window"),
        "{md}"
    );
    assert!(
        md.contains("Budget left: -50% (computed at Wed 11 Nov 2026, 00:00 UTC): **exhausted**."),
        "{md}"
    );
    assert!(md.contains("The CTO \\<only> \\| \\*in writing\\*"), "{md}");
    assert!(
        md.contains("## Who is on call\n\nYou Build It You Run It is recommended"),
        "{md}"
    );
    assert!(md.contains("- Page: 2% of the budget in 1h (short window 5m), a burn rate of 14.4×."));
    let wiki = document_confluence(&doc);
    assert!(wiki.starts_with("h1. Error-budget policy: checkout\n"));
    assert!(wiki.contains("\\| \\*in writing\\*"), "{wiki}");
    assert!(wiki.contains("*exhausted*"), "{wiki}");
    let html = document_html(&doc);
    assert!(html.contains("<li>Normal, more than 50% of the budget left: Releases go ahead"));
    assert!(
        html.contains("The CTO &lt;only&gt; | *in writing*"),
        "{html}"
    );
    assert!(html.contains("<strong>exhausted</strong>"));
    assert!(!html.contains("<script"));
    // The default story in request mode: 60% left; caution at 70%.
    policy.caution_below = 0.7;
    let r = evaluate(&Scenario::default(), crate::budget::STORY_NOW);
    let md = document_markdown(&policy_document(&r, &policy, "checkout"));
    assert!(
        md.contains("Budget left: 60% (computed at Wed 11 Nov 2026, 00:00 UTC): **caution**."),
        "{md}"
    );
    assert!(md.contains("- Caution, 70% or less left:"), "{md}");
}

#[test]
fn durations_in_prometheus_format() {
    let cases = [
        (300.0, "5m"),
        (3_600.0, "1h"),
        (21_600.0, "6h"),
        (259_200.0, "3d"),
        (1_800.0, "30m"),
        (86_400.0, "1d"),
        (7_200.0, "2h"),
        (90.0, "90s"),
        (0.25, "250ms"),
    ];
    for (s, want) in cases {
        assert_eq!(prometheus_duration(s).as_deref(), Some(want), "{s}");
    }
    for bad in [0.0, -1.0, 0.0004, f64::NAN, f64::INFINITY] {
        assert_eq!(prometheus_duration(bad), None, "{bad}");
    }
}

#[test]
fn metric_names_follow_prometheus() {
    for ok in [
        "slo:sli_error:ratio_rate",
        "_x",
        ":a1",
        "job:slo_errors_per_request:ratio_rate",
    ] {
        assert!(is_metric_name(ok), "{ok}");
    }
    for bad in ["", "1x", "a-b", "a b", "a{b}", "é"] {
        assert!(!is_metric_name(bad), "{bad}");
    }
}

#[test]
fn dns_labels() {
    assert!(is_dns_label("checkout-api2", 50));
    for bad in ["", "-a", "a-", "Checkout", "a_b", &"a".repeat(51)] {
        assert!(!is_dns_label(bad, 50), "{bad}");
    }
}

#[test]
fn yaml_quoting_escapes_everything_needed() {
    assert_eq!(yaml_quote(""), "\"\"");
    assert_eq!(yaml_quote("a\\b"), r#""a\\b""#);
    assert_eq!(yaml_quote("\u{7}\u{2028}"), r#""\u0007\L""#);
}

#[test]
fn numbers_without_artefacts() {
    assert_eq!(number(0.02 * 2_592_000.0 / 3_600.0), "14.4");
    assert_eq!(number(0.02 * 2_419_200.0 / 3_600.0), "13.44");
    assert_eq!(number(6.0), "6");
    assert_eq!(number(1e-9), "0.000000001");
}

#[test]
fn exact_target_and_budget_text() {
    let s: Scenario = serde_json::from_str(r#"{"target": "99.95%"}"#).unwrap();
    let r = evaluate(&s, crate::budget::STORY_NOW);
    assert_eq!(target_fraction_text(&r), "0.9995");
    assert_eq!(unavailability_text(&r), "0.0005");
    let s: Scenario = serde_json::from_str(r#"{"target": "99.99999999999999%"}"#).unwrap();
    let r = evaluate(&s, crate::budget::STORY_NOW);
    assert_eq!(target_fraction_text(&r), "0.9999999999999999");
    assert_eq!(unavailability_text(&r), "0.0000000000000001");
}

#[test]
fn annotations_escape_templates() {
    assert_eq!(template_literal("a{{b"), "a{{ \"{{\" }}b");
    // Go's `{{-` trims space before an action: escaped like any `{{`.
    assert_eq!(template_literal("a {{- x }}"), "a {{ \"{{\" }}- x }}");
    assert_eq!(template_literal("{{{{"), "{{ \"{{\" }}{{ \"{{\" }}");
}

#[test]
fn markup_escapes() {
    assert_eq!(markdown_escape("a|b\\c\nd"), "a\\|b\\\\c<br>d");
    assert_eq!(markdown_escape("~~gone~~"), "\\~\\~gone\\~\\~");
    assert_eq!(confluence_escape("a|b\\c\r\n{x}"), "a\\|b&#92;c  \\{x\\}");
}

/// Worked by hand from the rules of `confluence_escape`.
#[test]
fn confluence_markup_renders_as_text() {
    for (text, wiki) in [
        ("!http://x/t.png!", r"\!http://x/t.png\!"),
        ("-strike- a-b", r"\-strike\- a-b"),
        ("??cite??", r"\?\?cite\?\?"),
        (
            "(!) (i) (/) (x) (y) (on)",
            r"\(\!\) \(i\) \(/\) \(x\) \(y\) \(on\)",
        ),
        ("*b* _e_ +i+ ^s^ ~t~", r"\*b\* \_e\_ \+i\+ \^s\^ \~t\~"),
        ("{{mono}} {code} [x|y]", r"\{\{mono\}\} \{code\} \[x\|y\]"),
        ("h1. Big", "h1&#46; Big"),
        ("  H6.Big", "  H6&#46;Big"),
        ("h7. Big", "h7. Big"),
        ("bq. Quote", "bq&#46; Quote"),
        ("say h1. here", "say h1. here"),
        ("# one", r"\# one"),
        ("---- rule", r"\-\-\-\- rule"),
        ("a--b", r"a\-\-b"),
        (
            ":) ;) :P :D :p x:Dy",
            r":\) ;\) &#58;P &#58;D &#58;p x&#58;Dy",
        ),
        ("50% @all", r"50\% \@all"),
        ("a\u{2028}h1. b\u{85}c", "a h1. b c"),
    ] {
        assert_eq!(confluence_escape(text), wiki, "{text}");
    }
}

#[test]
fn markdown_block_starts() {
    for (escaped, want) in [
        ("# x", r"\# x"),
        ("> x", r"\> x"),
        ("- x", r"\- x"),
        ("+ x", r"\+ x"),
        ("=== x", r"\=== x"),
        ("12. x", r"12\. x"),
        ("3) x", r"3\) x"),
        ("12 x.", "12 x."),
        ("x # y", "x # y"),
        ("", ""),
    ] {
        assert_eq!(markdown_block_start(escaped), want, "{escaped}");
    }
}

/// A comment line stays one line whatever the name.
#[test]
fn comments_stay_on_one_line() {
    assert_eq!(
        one_line("a\nb\u{2028}c\u{2029}d\u{85}e\u{fffe}f\u{202e}g"),
        "a b c d e f g"
    );
    assert_eq!(one_line("{{ $value }} — ok"), "{{ $value }} — ok");
}

/// Sloth's `nameRegexp`, `^[A-Za-z0-9][-A-Za-z0-9_.]*[A-Za-z0-9]$`.
#[test]
fn sloth_names() {
    for ok in ["checkout", "a1", "Check.out_v2-x"] {
        assert!(is_sloth_name(ok), "{ok}");
    }
    for bad in ["", "a", "-a", "a.", "a b", "a/b", "é1", "{{ $value }}"] {
        assert!(!is_sloth_name(bad), "{bad}");
    }
}

/// An error quotes at most 60 characters of the value, escaped.
#[test]
fn errors_quote_values_shortly() {
    let e = invalid("service", &"é".repeat(61), SERVICE_LABEL_ALLOWED).to_string();
    assert!(
        e.starts_with(&format!(
            "service \"{}\"… (1 more characters) is not",
            "é".repeat(60)
        )),
        "{e}"
    );
    let e = invalid("service", "a\u{fffe}", SERVICE_LABEL_ALLOWED).to_string();
    assert!(
        e.starts_with(
            "service \"a\\u{fffe}\" is not allowed (it contains U+FFFE): a non-empty name"
        ),
        "{e}"
    );
}

/// YAML documents of an export, read by saphyr (the parser `import`
/// reads specs with): panics when the text is not YAML.
fn yaml_docs(yaml: &str) -> Vec<saphyr::Yaml<'_>> {
    use saphyr::LoadableYamlNode;
    saphyr::Yaml::load_from_str(yaml).unwrap_or_else(|e| panic!("not YAML: {e}\n{yaml}"))
}

/// A scenario whose incidents alone spend more than the budget: the
/// default story without dependencies or failed deployments, and 36
/// incidents a year instead of 6. Worked by hand: each incident is 5m
/// to detect plus 30m to recover over half the users, 36 × 2,100 s ×
/// 0.5 = 37,800 s of downtime a year, against a budget of 0.05% of a
/// Gregorian year (365.2425 d × 86,400 s = 31,556,952 s), 15,778.476 s:
/// 37,800 / 15,778.476 = 2.395669, 239.57% of the budget. The
/// incidents leave 37,800 / 31,556,952 = 0.11978% unavailable; the next
/// budget up on the 1-2-5 series is 0.2%, so the most that can be
/// promised is 99.8%.
fn incidents_overspend() -> Report {
    let mut s = Scenario::default();
    s.dependencies.dependencies.clear();
    s.delivery.change_failure_rate = 0.0;
    s.incidents.incidents_per_year = 36.0;
    evaluate(&s, crate::budget::STORY_NOW)
}

const OVERSPENT: &str = "Not achievable: expected to spend 239.57% of the 99.95% budget \
                         (dependencies, incidents and failed deployments); this target \
                         freezes releases. The most you can promise is 99.8%.";

/// Issue "One service, one answer", item 5: a target the incidents
/// alone overspend says so on the first line of the rules and of every
/// spec, each still YAML of the same shape, and under the title of every
/// Markdown and Confluence table, of the measures card and of the
/// policy in its three formats; CSV stays a header and rows.
#[test]
fn a_target_not_achievable_says_so_at_the_top_of_every_export() {
    let r = incidents_overspend();
    assert_eq!(r.spend.fits, Some(false));
    assert_eq!(not_achievable(&r).as_deref(), Some(OVERSPENT));
    let comment = format!("# {OVERSPENT}\n");
    let p = ProductionInputs::default();

    let rules = prometheus_rules(&r, &p).unwrap();
    assert!(rules.starts_with(&comment), "{rules}");
    assert!(rules[comment.len()..].starts_with("# Prometheus rules for checkout: "));
    let docs = yaml_docs(&rules);
    let groups = docs[0]["groups"].as_sequence().unwrap();
    let counts: Vec<usize> = groups
        .iter()
        .map(|g| g["rules"].as_sequence().unwrap().len())
        .collect();
    // The Workbook's five windows and the 30-day period, Sloth's seven
    // metadata rules, the three alerts.
    assert_eq!(counts, [6, 7, 3], "{rules}");

    let spec = sloth(&r, &p).unwrap();
    assert!(spec.starts_with(&comment), "{spec}");
    let docs = yaml_docs(&spec);
    assert_eq!(docs[0]["version"].as_str(), Some("prometheus/v1"));
    assert_eq!(
        docs[0]["slos"][0]["objective"].as_floating_point(),
        Some(99.95)
    );

    let spec = pyrra(&r, &p).unwrap();
    assert!(spec.starts_with(&comment), "{spec}");
    let docs = yaml_docs(&spec);
    assert_eq!(docs[0]["kind"].as_str(), Some("ServiceLevelObjective"));
    assert_eq!(docs[0]["spec"]["target"].as_str(), Some("99.95"));

    let spec = openslo(&r, &counters("bad", "all")).unwrap();
    assert!(spec.starts_with(&comment), "{spec}");
    let docs = yaml_docs(&spec);
    assert_eq!(docs[0]["kind"].as_str(), Some("SLO"));
    assert_eq!(
        docs[0]["spec"]["objectives"][0]["target"].as_floating_point(),
        Some(0.9995)
    );

    // Confluence escapes `%`, `(` and `)`, worked by hand.
    let wiki_line = "Not achievable: expected to spend 239.57\\% of the 99.95\\% budget \
                     \\(dependencies, incidents and failed deployments\\); this target \
                     freezes releases. The most you can promise is 99.8\\%.";
    for t in tables(&r) {
        assert_eq!(t.warning.as_deref(), Some(OVERSPENT), "{}", t.title);
        let md = to_markdown(&t);
        let paragraphs: Vec<&str> = md.split("\n\n").collect();
        assert_eq!(paragraphs[1], OVERSPENT, "{md}");
        assert!(paragraphs[2].starts_with("| "), "{md}");
        let wiki = to_confluence(&t);
        let lines: Vec<&str> = wiki.lines().collect();
        assert_eq!(lines[1], wiki_line, "{wiki}");
        assert!(lines[2].starts_with("||"), "{wiki}");
        let csv = to_csv(&t);
        assert!(!csv.contains("achievable"), "{csv}");
        assert!(csv.starts_with(&t.headers[0]), "{csv}");
    }
    let card = measures_markdown(&r);
    assert!(
        card.starts_with(&format!(
            "## Target measures\n\n{OVERSPENT}\n\nThe measures"
        )),
        "{card}"
    );
    assert_eq!(card.matches("Not achievable").count(), 1, "{card}");

    let doc = policy_document(&r, &BudgetPolicy::default(), "checkout");
    let rest = OVERSPENT.strip_prefix("Not achievable: ").unwrap();
    let md = document_markdown(&doc);
    assert!(
        md.starts_with(&format!(
            "# Error-budget policy: checkout\n\n**Not achievable:** {rest}\n\n\n## The objective\n"
        )),
        "{md}"
    );
    let wiki = document_confluence(&doc);
    let wiki_rest = wiki_line.strip_prefix("Not achievable: ").unwrap();
    assert!(
        wiki.starts_with(&format!(
            "h1. Error-budget policy: checkout\n\n*Not achievable:* {wiki_rest}\n\n\nh2. The objective\n"
        )),
        "{wiki}"
    );
    let html = document_html(&doc);
    assert!(
        html.contains(&format!(
            "<h1>Error-budget policy: checkout</h1>\n<p><strong>Not achievable:</strong> {rest}</p>\n<h2>The objective</h2>"
        )),
        "{html}"
    );
}

/// An achievable target adds nothing to the rules, the specs and the
/// tables; the policy says what it is expected to spend. At 99.9% the
/// default story's expected downtime is set against twice the budget
/// of 99.95%: half of its 145.13% (dependencies 30.8%, incidents
/// 39.93%, failed deployments 74.4%), 72.57%.
#[test]
fn an_achievable_target_adds_nothing_but_a_line_in_the_policy() {
    let s: Scenario = serde_json::from_str(r#"{"target": "99.9%"}"#).unwrap();
    let r = evaluate(&s, crate::budget::STORY_NOW);
    assert_eq!(r.spend.fits, Some(true));
    assert_eq!(not_achievable(&r), None);
    let p = ProductionInputs::default();
    for yaml in [
        prometheus_rules(&r, &p).unwrap(),
        sloth(&r, &p).unwrap(),
        pyrra(&r, &p).unwrap(),
        openslo(&r, &counters("bad", "all")).unwrap(),
    ] {
        assert!(!yaml.contains("chievable"), "{yaml}");
        assert!(
            yaml.starts_with("# Prometheus rules for checkout: ")
                || yaml.starts_with("# Sloth SLO spec for checkout: ")
                || yaml.starts_with("# Pyrra ServiceLevelObjective for checkout: ")
                || yaml.starts_with("# OpenSLO v1 SLO for checkout: "),
            "{yaml}"
        );
        assert!(!yaml_docs(&yaml).is_empty());
    }
    for t in tables(&r) {
        assert_eq!(t.warning, None, "{}", t.title);
        assert!(!to_markdown(&t).contains("chievable"));
        assert!(!to_confluence(&t).contains("chievable"));
    }
    assert!(!measures_markdown(&r).contains("chievable"));
    let md = document_markdown(&policy_document(&r, &BudgetPolicy::default(), "checkout"));
    assert!(
        md.starts_with(
            "# Error-budget policy: checkout\n\n**Achievable:** expected to spend 72.57% of \
             the 99.9% budget (dependencies, incidents and failed deployments).\n\n"
        ),
        "{md}"
    );
    assert_eq!(md.matches("chievable").count(), 1, "{md}");
}

/// A 100% target has no budget: the rules and specs are refused
/// (`NoErrorBudget`), and the tables and the policy say it cannot be
/// met with what the default story expects to fail (≈0.0726% of the
/// time, the 145.13% of a 0.05% budget: the most to promise is 99.9%).
#[test]
fn a_hundred_percent_target_with_failures_is_not_achievable() {
    let s: Scenario = serde_json::from_str(r#"{"target": "100%"}"#).unwrap();
    let r = evaluate(&s, crate::budget::STORY_NOW);
    assert_eq!(r.spend.total, None);
    let line = not_achievable(&r).unwrap();
    assert!(
        line.starts_with(
            "Not achievable: a 100% target allows no downtime, and the dependencies, \
             incidents and failed deployments are expected to bring availability to ≈99.92"
        ),
        "{line}"
    );
    assert!(
        line.ends_with("; this target freezes releases. The most you can promise is 99.9%."),
        "{line}"
    );
    assert_eq!(
        prometheus_rules(&r, &ProductionInputs::default()),
        Err(ExportError::NoErrorBudget)
    );
    assert_eq!(measures_table(&r).warning.as_deref(), Some(line.as_str()));
    let md = document_markdown(&policy_document(&r, &BudgetPolicy::default(), "checkout"));
    assert!(
        md.contains("**Not achievable:** a 100% target allows no downtime"),
        "{md}"
    );
}

/// The policy is read later than it is written: it says when its
/// "budget left" was computed, and where the window stands in words
/// that hold then, never the page's "opened later (from a link too)…"
/// that the report's `time_note` carries. Worked by hand at Wed 11 Nov
/// 2026, 00:00 UTC: the calendar month in UTC+01:00 runs from 1 Nov
/// 00:00 local (Sat 31 Oct 2026, 23:00 UTC) to 1 Dec 00:00 local (Mon 30
/// Nov, 23:00 UTC), 30 days; a window pinned at Thu 5 Nov 2026 runs 30
/// days to Sat 5 Dec 2026.
#[test]
fn the_policy_dates_its_budget_left_and_holds_no_page_text() {
    for (json, placement) in [
        (
            "{}",
            "The window rolls: at any instant it is the last 30 days.",
        ),
        (
            r#"{"slo_window": "month", "budget": {"alignment": "calendar", "utc_offset": "+01:00"}}"#,
            "The window is the calendar month in UTC+01:00; these figures are for the one \
             from Sat 31 Oct 2026, 23:00 UTC to Mon 30 Nov 2026, 23:00 UTC (30 days).",
        ),
        (
            r#"{"budget": {"alignment": "pinned", "start": "2026-11-05T00:00:00Z"}}"#,
            "The window is pinned: 30 days from Thu 5 Nov 2026, 00:00 UTC to Sat 5 Dec \
             2026, 00:00 UTC.",
        ),
    ] {
        let s: Scenario = serde_json::from_str(json).unwrap();
        let r = evaluate(&s, crate::budget::STORY_NOW);
        let doc = policy_document(&r, &BudgetPolicy::default(), "checkout");
        let left = format!(
            "Budget left: {} (computed at Wed 11 Nov 2026, 00:00 UTC): **",
            r.budget.remaining_display
        );
        let md = document_markdown(&doc);
        assert!(md.contains(&left), "{json}: {md}");
        assert!(md.contains(placement), "{json}: {md}");
        let html = document_html(&doc);
        assert!(html.contains("(computed at Wed 11 Nov 2026, 00:00 UTC)"));
        for text in [md, document_confluence(&doc), html] {
            for page in ["opened later", "from a link", "reader"] {
                assert!(!text.contains(page), "{json}: {page:?} in {text}");
            }
        }
        let title = budget_table(&r).title;
        assert!(title.ends_with(placement), "{title}");
        assert!(!title.contains("opened later"), "{title}");
    }
}

/// The cells that start a formula, and the figures that do
/// not, worked by hand.
#[test]
fn csv_guards_formula_starts() {
    let t = Table {
        title: String::new(),
        headers: vec!["h".into()],
        rows: [
            "=1", "+1", "-x", "@x", "\tx", "\rx", "\0x", "-1.5%", "-£2", "x=1", "'=1",
        ]
        .iter()
        .map(|c| vec![c.to_string()])
        .collect(),
        warning: None,
    };
    assert_eq!(
        to_csv(&t),
        "h\r\n'=1\r\n'+1\r\n'-x\r\n'@x\r\n'\tx\r\n\"'\rx\"\r\n'\0x\r\n-1.5%\r\n-£2\r\nx=1\r\n'=1\r\n"
    );
}

/// Sloth's metadata rules for the default story: 99.95% over a rolling
/// 30 days, the Workbook's windows 5m, 30m, 1h, 6h and 3d. Worked by
/// hand from Sloth's generator (`metadata_rules_v1/plugin.go`):
/// objective 1 − 0.0005 = 0.9995, budget `1-0.9995`, 30 days; the
/// current burn rate over the shortest window the alerts read (5m), the
/// period's over 30d, which the SLI group now records too; the id
/// `<service>-<slo>` = `checkout-availability`; `sloth_objective` the
/// SLO in percent, 99.95.
#[test]
fn sloth_metadata_rules_for_the_default_story() {
    let r = evaluate(&Scenario::default(), crate::budget::STORY_NOW);
    let yaml = prometheus_rules(&r, &ProductionInputs::default()).unwrap();
    let ids =
        r#"{sloth_id="checkout-availability", sloth_service="checkout", sloth_slo="availability"}"#;
    let labels = "        labels:\n          service: \"checkout\"\n          \
                  slo: \"availability\"\n          sloth_id: \"checkout-availability\"\n          \
                  sloth_service: \"checkout\"\n          sloth_slo: \"availability\"\n";
    let burn = |window: &str| {
        format!(
            "|\n          slo:sli_error:ratio_rate{window}{ids}\n          \
             / on(sloth_id, sloth_slo, sloth_service) group_left\n          \
             slo:error_budget:ratio{ids}\n"
        )
    };
    let mut want = String::from("  - name: \"checkout-slo-meta-recordings\"\n    rules:\n");
    for (record, expr) in [
        ("slo:objective:ratio", "vector(0.9995)\n".to_string()),
        ("slo:error_budget:ratio", "vector(1-0.9995)\n".to_string()),
        ("slo:time_period:days", "vector(30)\n".to_string()),
        ("slo:current_burn_rate:ratio", burn("5m")),
        ("slo:period_burn_rate:ratio", burn("30d")),
        (
            "slo:period_error_budget_remaining:ratio",
            format!("|\n          1 - slo:period_burn_rate:ratio{ids}\n"),
        ),
    ] {
        want.push_str(&format!(
            "      - record: {record}\n        expr: {expr}{labels}"
        ));
    }
    // Sloth's info labels in name order: the version, mode and spec
    // name Nines, which wrote the file.
    want.push_str(&format!(
        "      - record: sloth_slo_info\n        expr: vector(1)\n        labels:\n          \
         service: \"checkout\"\n          slo: \"availability\"\n          \
         sloth_id: \"checkout-availability\"\n          sloth_mode: \"nines-gen-prom\"\n          \
         sloth_objective: \"99.95\"\n          sloth_service: \"checkout\"\n          \
         sloth_slo: \"availability\"\n          sloth_spec: \"nines\"\n          \
         sloth_version: \"nines-{}\"\n",
        env!("CARGO_PKG_VERSION")
    ));
    want.push_str("  - name: \"checkout-slo-burn-rate\"\n");
    assert!(yaml.contains(&want), "missing\n{want}\nin\n{yaml}");

    // The SLI group: the five windows the alerts read, then the period.
    let records: Vec<&str> = yaml
        .lines()
        .filter_map(|l| l.strip_prefix("      - record: slo:sli_error:ratio_rate"))
        .collect();
    assert_eq!(records, ["5m", "30m", "1h", "6h", "3d", "30d"]);
    assert!(yaml.contains(
        "      - record: slo:sli_error:ratio_rate30d\n        expr: |\n          \
         sum(rate(http_requests_total{service=\"checkout\",code=~\"5..\"}[30d]))\n          /\n          \
         sum(rate(http_requests_total{service=\"checkout\"}[30d]))\n"
    ));

    // Every recording rule, SLI and metadata, carries Sloth's three id
    // labels (6 SLI + 7 metadata = 13 rules); each alert still selects
    // by `service` and `slo`.
    let rules: Vec<&str> = yaml.split("      - ").skip(1).collect();
    let recorded: Vec<&&str> = rules.iter().filter(|r| r.starts_with("record: ")).collect();
    assert_eq!(recorded.len(), 13);
    for rule in recorded {
        for label in [
            "          sloth_id: \"checkout-availability\"\n",
            "          sloth_service: \"checkout\"\n",
            "          sloth_slo: \"availability\"\n",
            "          service: \"checkout\"\n",
            "          slo: \"availability\"\n",
        ] {
            assert!(rule.contains(label), "{label} missing in {rule}");
        }
    }
    assert_eq!(
        yaml.matches(r#"{service="checkout",slo="availability"} > ("#)
            .count(),
        6
    );

    // A period an alert already reads is recorded once: a 3-day SLO
    // keeps the Workbook's windows (the ticket alert reads 3d/6h), so
    // its 3d window is also the period, and 3 days long.
    let short = evaluate(
        &serde_json::from_str(r#"{"target": "99.9%", "slo_window": "3d"}"#).unwrap(),
        crate::budget::STORY_NOW,
    );
    let yaml3 = prometheus_rules(&short, &ProductionInputs::default()).unwrap();
    let period_rules = yaml3
        .lines()
        .filter(|l| *l == "      - record: slo:sli_error:ratio_rate3d")
        .count();
    assert_eq!(period_rules, 1, "{yaml3}");
    assert!(yaml3.contains("          long_window: \"3d\"\n"), "{yaml3}");
    assert!(
        yaml3.contains("slo:sli_error:ratio_rate3d{sloth_id="),
        "{yaml3}"
    );
    assert!(yaml3.contains("        expr: vector(3)\n"), "{yaml3}");
}

/// A name with `"` and `\` is escaped in the metadata rules' filter as
/// in the alerts' matchers (`\"`, `\\`), and YAML-quoted in the labels.
/// Worked by hand for the service `a"b\c`: id `a"b\c-availability`.
#[test]
fn sloth_metadata_rules_escape_names() {
    let r = evaluate(&Scenario::default(), crate::budget::STORY_NOW);
    let p = ProductionInputs {
        service: r#"a"b\c"#.into(),
        ..ProductionInputs::default()
    };
    let yaml = prometheus_rules(&r, &p).unwrap();
    assert!(yaml.contains(
        r#"1 - slo:period_burn_rate:ratio{sloth_id="a\"b\\c-availability", sloth_service="a\"b\\c", sloth_slo="availability"}"#
    ), "{yaml}");
    assert!(yaml.contains(r#"          sloth_id: "a\"b\\c-availability""#));
    assert!(yaml.contains(r#"  - name: "a\"b\\c-slo-meta-recordings""#));
}

/// The production names whose summed counters are `sum(bad)` and
/// `sum(total)`.
fn counters(bad: &str, total: &str) -> ProductionInputs {
    ProductionInputs {
        errors: bad.into(),
        requests: total.into(),
        ..ProductionInputs::default()
    }
}

/// Alerts turned off, as Sloth's `page_alert: {disable: true}`: the rules
/// keep every recording rule (the windows of the alerts turned off too, as
/// Sloth records them) and write only the alerts that are on; with both
/// off there is no alerting group at all. Pyrra turns its burn-rate alerts
/// off only all together (`alerting: {burnrates: false}`).
#[test]
fn alerts_turned_off() {
    let p = ProductionInputs::default();
    let at = |page: bool, ticket: bool| {
        let mut s = Scenario::default();
        s.alerts.page_alerts = page;
        s.alerts.ticket_alerts = ticket;
        evaluate(&s, crate::budget::STORY_NOW)
    };
    // The Workbook's policy: pages 1h/5m and 6h/30m, a ticket 3d/6h.
    let no_ticket = prometheus_rules(&at(true, false), &p).unwrap();
    assert_eq!(no_ticket.matches("- alert: ").count(), 2, "{no_ticket}");
    assert!(!no_ticket.contains("severity: ticket"));
    assert!(no_ticket.contains("- record: slo:sli_error:ratio_rate3d"));
    assert!(no_ticket.contains("# Ticket alerts are off"));
    // The policy document tells the same story.
    let doc = policy_document(&at(true, false), &BudgetPolicy::default(), "checkout");
    assert!(document_markdown(&doc).contains("\nTicket alerts are off (as Sloth"));
    let none = prometheus_rules(&at(false, false), &p).unwrap();
    assert_eq!(none.matches("- alert: ").count(), 0);
    assert!(!none.contains("-slo-burn-rate"), "{none}");
    assert!(none.contains("- record: slo:sli_error:ratio_rate6h"));
    assert_eq!(at(false, false).alerts.off.len(), 3);
    let py = pyrra(&at(false, false), &p).unwrap();
    assert!(py.ends_with("  alerting:\n    burnrates: false\n"), "{py}");
    let py = pyrra(&at(false, true), &p).unwrap();
    assert!(!py.contains("burnrates"));
    assert!(
        py.contains("so it will write its critical (page) alerts too"),
        "{py}"
    );
}

/// Counting the good requests: the rules read all less the good, OpenSLO
/// writes a `good` metric, Pyrra (whose ratio reads the errors) refuses.
#[test]
fn good_requests_counted() {
    let r = evaluate(&Scenario::default(), crate::budget::STORY_NOW);
    let p = ProductionInputs {
        counted: crate::production::Counted::Good,
        good: "ok_total".into(),
        requests: "all_total".into(),
        ..ProductionInputs::default()
    };
    let rules = prometheus_rules(&r, &p).unwrap();
    assert!(
        rules.contains("(sum(rate(all_total[5m])) - sum(rate(ok_total[5m])))\n          /\n          sum(rate(all_total[5m]))"),
        "{rules}"
    );
    let o = openslo(&r, &p).unwrap();
    assert!(o.contains("        good:\n"), "{o}");
    assert!(!o.contains("        bad:\n"));
    assert!(o.contains(r#"query: "sum(ok_total)""#));
    let err = pyrra(&r, &p).unwrap_err();
    assert!(err.to_string().contains("Pyrra's ratio indicator"), "{err}");
}

/// A budget that cannot be computed (the default story's 12 days elapsed
/// in a 7-day window) has no tier: the policy document says so rather than
/// "exhausted".
#[test]
fn policy_document_without_a_budget_figure() {
    let s: Scenario = serde_json::from_str(r#"{"target": "99.9%", "slo_window": "7d"}"#).unwrap();
    let r = evaluate(&s, crate::budget::STORY_NOW);
    assert!(r.budget.remaining.is_none());
    let md = document_markdown(&policy_document(&r, &BudgetPolicy::default(), "checkout"));
    assert!(
        md.contains(
            "Budget left: not known (the time elapsed is longer than the SLO window), so no tier \
             applies yet."
        ),
        "{md}"
    );
    assert!(!md.contains("**exhausted**"));
}
