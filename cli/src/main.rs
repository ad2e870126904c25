//! `nines`: the command-line twin of the Nines calculator.
//!
//! Every figure comes from `nines_core::scenario::evaluate`: each command
//! parses its arguments into a `Scenario`, evaluates it, and renders part of
//! the `Report` as a table (default) or JSON (`--json`, seconds as plain
//! numbers at full precision). Bad input: a one-line message and exit code 2.

mod args;
mod commands;

use std::process::ExitCode;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match commands::run(&argv) {
        Ok(output) => {
            println!("{output}");
            ExitCode::SUCCESS
        }
        Err(commands::Failure::Usage(message)) => {
            eprintln!("nines: {message}");
            ExitCode::from(2)
        }
        Err(commands::Failure::Help(text)) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
    }
}
