//! What the CLI's test files share: running the `nines` binary with
//! standard input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

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
