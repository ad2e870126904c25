//! What the CLI's test files share: running the `nines` binary (with
//! standard input, or none), its JSON, its text and its refusals, and
//! reading numbers out of the JSON.

// Each test file is a crate of its own and uses only some of these.
#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// `nines ARGS` with `stdin` written to its standard input (nothing when
/// `None`), run to its end.
pub fn nines(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nines"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the nines binary runs");
    if let Some(mut input) = child.stdin.take() {
        input
            .write_all(stdin.unwrap_or("").as_bytes())
            .expect("stdin written");
    }
    child.wait_with_output().expect("the nines binary ends")
}

/// `nines ARGS` with `stdin` ([`nines`]); its standard output, and a
/// panic naming its error unless it succeeded.
pub fn succeeded(args: &[&str], stdin: Option<&str>) -> String {
    let out = nines(args, stdin);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The command's JSON (`--json` appended); panics unless it succeeded.
pub fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    serde_json::from_str(&succeeded(&all, None)).expect("valid JSON")
}

/// The human output; panics unless it succeeded.
pub fn text(args: &[&str]) -> String {
    let out = nines(args, None);
    assert!(out.status.success(), "{args:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// Exit code 2, nothing on stdout, one line on stderr; returns that line.
pub fn refused(args: &[&str]) -> String {
    let out = nines(args, None);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty(), "{args:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    assert!(err.starts_with("nines: "), "{err}");
    err
}

/// A JSON number; panics on anything else.
pub fn f(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("{v} is not a number"))
}

/// Whether `a` is within `tolerance` of `b`.
pub fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance
}

/// The numbers under `key` in each row of a JSON array.
pub fn column(rows: &Value, key: &str) -> Vec<f64> {
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| f(&r[key]))
        .collect()
}
