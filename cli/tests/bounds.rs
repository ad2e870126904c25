//! Every input is bounded: the options that build a list refuse more than Nines holds
//! (`nines_core::bounds`) with exit code 2 and one line naming the option
//! and the bound, and take exactly the bound.

use std::process::{Command, Output};

fn nines(args: &[String]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nines"))
        .args(args)
        .output()
        .expect("run nines")
}

fn words(text: &str) -> Vec<String> {
    text.split_whitespace().map(String::from).collect()
}

/// The one line of a refusal (exit code 2, nothing on stdout).
fn refused(args: &[String]) -> String {
    let out = nines(args);
    assert_eq!(out.status.code(), Some(2), "{:?}", &args[..3]);
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    err.trim_end().to_string()
}

fn accepted(args: &[String]) {
    let out = nines(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn list_options_refuse_more_than_the_bound() {
    // 21 custom alerts: one too many; 20 are fine.
    let mut args = words("alerts --slo 99.9");
    for _ in 0..20 {
        args.extend(words("--alert page 2% 1h 5m"));
    }
    accepted(&args);
    args.extend(words("--alert page 2% 1h 5m"));
    assert_eq!(
        refused(&args),
        "nines: --alert: 21 given; at most 20 custom alerts"
    );

    // A group of 101 members; 100 are fine.
    let mut args = words("compose --parallel");
    args.extend(std::iter::repeat_n("99.9".to_string(), 100));
    accepted(&args);
    args.push("99.9".into());
    assert_eq!(
        refused(&args),
        "nines: --parallel: 101 given; at most 100 members in a group"
    );
    let mut args = words("compose --k-of-n 2");
    args.extend(std::iter::repeat_n("99.9".to_string(), 101));
    assert_eq!(
        refused(&args),
        "nines: --k-of-n: 101 given; at most 100 members in a group"
    );

    // 101 cost levels.
    let mut args = words("cost --levels");
    args.extend((0..101).map(|i| format!("{}", 2.0 + f64::from(i) / 100.0)));
    assert_eq!(
        refused(&args),
        "nines: --levels: 101 given; at most 100 cost levels"
    );

    // 1,001 incidents.
    let mut args = words("incidents --slo 99.9");
    for _ in 0..1_001 {
        args.extend(words("--incident 2026-11-01,5m,100%"));
    }
    assert_eq!(
        refused(&args),
        "nines: --incident: 1,001 given; at most 1,000 incidents in the log"
    );
}
