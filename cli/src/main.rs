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
    let argv = match utf8(std::env::args_os().skip(1)) {
        Ok(argv) => argv,
        Err(message) => return usage(&message),
    };
    match commands::run(&argv) {
        Ok(output) => print(&output),
        Err(commands::Failure::Usage(message)) => usage(&message),
        Err(commands::Failure::Help(text)) => print(&text),
    }
}

/// The longest message a bad input gets (characters; the rest is counted).
const MESSAGE_MAX: usize = 400;

/// Bad input: one printable line of bounded length on stderr, exit code 2,
/// whatever the input held (escape sequences, newlines, 20,000 values).
fn usage(message: &str) -> ExitCode {
    eprintln!(
        "nines: {}",
        nines_core::quote::one_line(message, MESSAGE_MAX)
    );
    ExitCode::from(2)
}

/// The arguments as text; one that is not UTF-8 is refused by position
/// (`std::env::args` would panic on it).
fn utf8(args: impl Iterator<Item = std::ffi::OsString>) -> Result<Vec<String>, String> {
    args.enumerate()
        .map(|(i, a)| {
            a.into_string().map_err(|raw| {
                format!(
                    "argument {} is not valid UTF-8 ({}); give every value as UTF-8 text",
                    i + 1,
                    nines_core::quote::quoted(&raw.to_string_lossy(), 40)
                )
            })
        })
        .collect()
}

/// Prints to stdout; a reader that stops early (`nines … | head -1`) is not
/// an error, where `println!` would panic on the closed pipe.
/// `text` and a line break, unless it ends with one already (an export
/// is written byte for byte as the page downloads it) or is empty (an
/// export written to `--output`).
fn print(text: &str) -> ExitCode {
    let end = if text.is_empty() || text.ends_with('\n') {
        ""
    } else {
        "\n"
    };
    match write!(std::io::stdout().lock(), "{text}{end}") {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("nines: cannot write the output: {e}");
            ExitCode::FAILURE
        }
    }
}
