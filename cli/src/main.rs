//! `nines`: the command-line twin of the Nines calculator.
//!
//! Every figure comes from `nines_core::scenario::evaluate`: each command
//! parses its arguments into a `Scenario`, evaluates it, and renders part of
//! the `Report` as a table (default) or JSON (`--json`, plain numbers with
//! float noise removed: `60.48`, not `60.480000000000004`). `nines <command>
//! --help` prints that command's help. Bad input: a one-line message and
//! exit code 2.

mod args;
mod commands;

use std::io::{ErrorKind, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match commands::run(&argv) {
        Ok(output) => print(&output),
        Err(commands::Failure::Usage(message)) => {
            eprintln!("nines: {message}");
            ExitCode::from(2)
        }
        Err(commands::Failure::Help(text)) => print(&text),
    }
}

/// Prints to stdout; a reader that stops early (`nines … | head -1`) is not
/// an error, where `println!` would panic on the closed pipe.
fn print(text: &str) -> ExitCode {
    match writeln!(std::io::stdout().lock(), "{text}") {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("nines: cannot write the output: {e}");
            ExitCode::FAILURE
        }
    }
}
