//! `nines export`: every export the page offers, from a link or a spec,
//! written by the core's one dispatch (`nines_core::download`), so the
//! bytes equal the page's download for the same scenario and instant (the
//! e2e export test compares the two for the Prometheus rules).

use nines_core::link::{decode, encode};
use nines_core::scenario::{evaluate, Scenario};

mod common;

const NOW: &str = "2026-11-11T00:00:00Z";

fn nines(args: &[&str], stdin: &str) -> std::process::Output {
    common::nines(args, Some(stdin))
}

fn ok(args: &[&str], stdin: &str) -> String {
    let out = nines(args, stdin);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn refused(args: &[&str]) -> String {
    let out = nines(args, "");
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    err
}

/// A scenario that differs from the default in what every export reads.
fn scenario() -> Scenario {
    let mut s = Scenario {
        target: "99.9%".parse().unwrap(),
        ..Scenario::default()
    };
    s.production.service = "payments".into();
    s.production.slo = "api".into();
    // Sloth's policy over 7 days: Sloth has no windows for it, so the
    // Sloth export needs its windows file too.
    s.alerts.policy = nines_core::alerts::PolicyChoice::Sloth;
    s.slo_window = "7d".parse().unwrap();
    s
}

#[test]
fn every_export_is_the_core_writer_byte_for_byte() {
    let s = scenario();
    let link = encode(&s);
    let report = evaluate(&s, nines_core::clock::parse_instant(NOW).unwrap());
    for kind in nines_core::download::ExportKind::ALL {
        let name = kind.name();
        if name == "table" {
            continue;
        }
        let want = nines_core::download::write(name, &s, &report, 0, "").unwrap();
        assert_eq!(
            ok(&["export", name, "--link", &link, "--now", NOW], ""),
            want,
            "{name}"
        );
    }
    for (n, format) in [(1, "csv"), (4, "md"), (11, "wiki")] {
        let want = nines_core::download::write("table", &s, &report, n - 1, format).unwrap();
        let got = ok(
            &[
                "export",
                "table",
                "--link",
                &link,
                "--now",
                NOW,
                "--table",
                &n.to_string(),
                "--format",
                format,
            ],
            "",
        );
        assert_eq!(got, want, "table {n} {format}");
    }
    // The rules select this SLO's own series, by its labels; Sloth's
    // quick page alert, 2% of a 7-day budget in 1 h, is a burn rate of
    // 0.02 × 168 h / 1 h = 3.36.
    let rules = ok(&["export", "rules", "--link", &link, "--now", NOW], "");
    assert!(
        rules.contains(r#"{service="payments",slo="api"} > (3.36*0.001)"#),
        "{rules}"
    );
    let windows = ok(
        &["export", "sloth-windows", "--link", &link, "--now", NOW],
        "",
    );
    assert!(
        windows.contains("kind: AlertWindows\nspec:\n  sloPeriod: 7d\n"),
        "{windows}"
    );
    // The Workbook's policy has no Sloth windows file: exit 2, one line.
    let workbook = encode(&Scenario::default());
    let err = refused(&["export", "sloth-windows", "--link", &workbook]);
    assert!(err.contains("two page and two ticket alerts"), "{err}");
}

#[test]
fn the_link_is_taken_as_the_page_gives_it() {
    let link = encode(&scenario());
    let want = ok(&["export", "rules", "--link", &link, "--now", NOW], "");
    // The whole address, with an anchor; the query with its "?"; from
    // standard input with a line break.
    let address = format!("http://127.0.0.1:8080/?{link}#export");
    assert_eq!(
        ok(&["export", "rules", "--link", &address, "--now", NOW], ""),
        want
    );
    assert_eq!(
        ok(
            &[
                "export",
                "rules",
                "--link",
                &format!("?{link}"),
                "--now",
                NOW
            ],
            ""
        ),
        want
    );
    assert_eq!(
        ok(
            &["export", "rules", "--link", "-", "--now", NOW],
            &format!("{link}\n")
        ),
        want
    );
    assert_eq!(decode(&link).scenario, scenario());
}

/// The pipeline: `nines import slo.yaml --link | nines export rules --link -`.
/// Sloth's example spec (99.9%, service myservice, the Sloth policy of
/// four alerts) gives four alerting rules for myservice.
#[test]
fn import_then_export_is_a_pipeline() {
    let spec = "version: \"prometheus/v1\"\nservice: \"myservice\"\nslos:\n  - name: \"requests-availability\"\n    objective: 99.9\n    sli:\n      events:\n        error_query: sum(rate(http_request_duration_seconds_count{job=\"myservice\",code=~\"(5..|429)\"}[{{.window}}]))\n        total_query: sum(rate(http_request_duration_seconds_count{job=\"myservice\"}[{{.window}}]))\n    alerting:\n      name: MyServiceHighErrorRate\n";
    let link = ok(&["import", "-", "--link"], spec);
    let rules = ok(&["export", "rules", "--link", "-", "--now", NOW], &link);
    assert_eq!(
        rules.matches("- alert: ErrorBudgetBurn").count(),
        4,
        "{rules}"
    );
    assert!(rules.contains("service: \"myservice\""), "{rules}");
    let from = ok(&["export", "rules", "--from", "-", "--now", NOW], spec);
    assert_eq!(from, rules);
}

#[test]
fn output_goes_to_a_file_when_asked() {
    let path = std::env::temp_dir().join(format!("nines-export-{}.yml", std::process::id()));
    let link = encode(&scenario());
    let out = ok(
        &[
            "export",
            "rules",
            "--link",
            &link,
            "--now",
            NOW,
            "--output",
            path.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(out, "");
    let written = std::fs::read_to_string(&path).unwrap();
    let _ = std::fs::remove_file(&path);
    assert_eq!(
        written,
        ok(&["export", "rules", "--link", &link, "--now", NOW], "")
    );
    // `-o` is the same.
    ok(
        &[
            "export",
            "rules",
            "-o",
            path.to_str().unwrap(),
            "--link",
            &link,
            "--now",
            NOW,
        ],
        "",
    );
    let again = std::fs::read_to_string(&path).unwrap();
    let _ = std::fs::remove_file(&path);
    assert_eq!(again, written);
}

#[test]
fn bad_input_is_refused_naming_what_is_wrong() {
    assert!(refused(&["export", "tables", "--link", "v=5"])
        .contains("is not an export; use rules, sloth"));
    assert!(refused(&["export", "rules"]).contains("give the scenario: --link"));
    assert!(
        refused(&["export", "rules", "--link", "v=5", "--from", "x.yaml"]).contains("not both")
    );
    assert!(refused(&["export", "rules", "--link", "v=5&hologram=1"]).contains("--link: "));
    assert!(refused(&["export", "table", "--link", "v=5"]).contains("table needs --table N"));
    assert!(
        refused(&["export", "table", "--link", "v=5", "--table", "12"]).contains("give 1 to 11")
    );
    assert!(
        refused(&["export", "table", "--link", "v=5", "--table", "1", "--format", "xls"])
            .contains("not a table format")
    );
    assert!(
        refused(&["export", "rules", "--link", "v=5", "--table", "1"]).contains("--table is for")
    );
    // A rules file cannot carry a service name with a line break.
    assert!(
        refused(&["export", "rules", "--link", "v=5&production.service=a%0Ab"]).contains("service")
    );
}

/// `--from FILE --slo NAME` exports the SLO of a multi-SLO file by name:
/// Sloth's examples/k8s-multifile.yml holds myservice's SLO at 99.9% and
/// myservice2's at 99.99% (both named requests-availability, told apart by
/// Sloth's ID <service>-<name>).
#[test]
fn a_named_slo_of_a_file() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../core/tests/data/sloth/k8s-multifile.yml"
    );
    let first = ok(&["export", "sloth", "--from", file, "--now", NOW], "");
    assert!(first.contains("objective: 99.9\n"), "{first}");
    let second = ok(
        &[
            "export",
            "sloth",
            "--from",
            file,
            "--slo",
            "myservice2-requests-availability",
            "--now",
            NOW,
        ],
        "",
    );
    assert!(second.contains("objective: 99.99\n"), "{second}");
    assert!(second.contains("service: \"myservice2\"\n"), "{second}");
    let err = refused(&["export", "rules", "--link", "v=5", "--slo", "x"]);
    assert!(err.contains("--slo picks an SLO of a --from file"), "{err}");
}

/// The help names every export from the core's one list of them, each
/// with what it writes: a new export needs no line of the CLI's own.
#[test]
fn the_help_lists_every_export() {
    for help in [ok(&["export", "--help"], ""), ok(&["--help"], "")] {
        for kind in nines_core::download::ExportKind::ALL {
            let line = format!("  {:<15}{}", kind.name(), kind.summary());
            assert!(help.contains(&line), "{line} not in\n{help}");
        }
    }
}
