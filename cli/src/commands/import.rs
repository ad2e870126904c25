//! `nines import FILE [--slo NAME]`: a Sloth spec, a Pyrra
//! `ServiceLevelObjective` or an OpenSLO `SLO` read into a scenario by the
//! core's `import_slo`: what it read, what it could not carry, which SLOs
//! the file holds and which was read (`--slo NAME` picks one; the first
//! without it), and the scenario's link. `-` reads standard input.

use std::io::Read;

use nines_core::choice::Choice;
use nines_core::import::{import_slo, too_slow, Imported, MAX_INPUT_BYTES, MAX_READ_SECONDS};
use serde_json::json;

use crate::args::Args;

pub(super) fn run(args: &Args, json: bool) -> Result<String, String> {
    let slo = match args.values("--slo") {
        None => None,
        Some([name]) => Some(name.as_str()),
        Some(_) => return Err("--slo takes one NAME: the SLO of the file to read".into()),
    };
    let link = match args.values("--link") {
        None => false,
        Some([]) => true,
        Some(_) => return Err("--link takes no value".into()),
    };
    let file = match args.positionals() {
        [file] => file.as_str(),
        [] => return Err("missing FILE: the spec to import (- reads standard input)".into()),
        _ => return Err("import reads one FILE (- reads standard input)".into()),
    };
    let text = read(file)?;
    if args.values("--portfolio").is_some() {
        return portfolio_of(args, text, file);
    }
    let imported = import_within_budget(text, slo, file)?;
    let encoded = nines_core::link::encode(&imported.scenario);
    if link {
        return Ok(encoded);
    }
    Ok(if json {
        render_json(&imported, &encoded)
    } else {
        render_text(&imported, file, &encoded)
    })
}

/// `nines import FILE --portfolio`: the portfolio document of the file's
/// SLOs, one service each (`portfolio::from_spec`), for `nines portfolio`,
/// within the reader's time budget.
fn portfolio_of(args: &Args, text: String, file: &str) -> Result<String, String> {
    for alone in ["--slo", "--link"] {
        if args.values(alone).is_some() {
            return Err(format!(
                "{alone} is not for --portfolio, which reads every SLO of the file"
            ));
        }
    }
    let name = std::path::Path::new(file)
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let portfolio = within_read_budget(move || nines_core::portfolio::from_spec(&text, &name))
        .ok_or_else(|| format!("{file}: {}", too_slow()))?
        .map_err(|e| format!("{file}: {e}"))?;
    serde_json::to_string_pretty(&portfolio).map_err(|e| e.to_string())
}

/// The core's `import_slo` of `text`, given at most
/// [`MAX_READ_SECONDS`] ([`within_read_budget`]). A refusal names `file`
/// and the line.
pub(super) fn import_within_budget(
    text: String,
    slo: Option<&str>,
    file: &str,
) -> Result<Imported, String> {
    let slo = slo.map(str::to_string);
    within_read_budget(move || import_slo(&text, slo.as_deref()))
        .ok_or_else(|| format!("{file}: {}", too_slow()))?
        .map_err(|e| match e.line {
            Some(line) => format!("{file}:{line}: {}", e.message),
            None => format!("{file}: {}", e.message),
        })
}

/// What `read` gives, on a thread of its own, if it ends within
/// [`MAX_READ_SECONDS`]; `None` past it (the reading is left behind, and
/// the process exits soon after, which stops it).
fn within_read_budget<T: Send + 'static>(read: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    let (done, answer) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(read());
    });
    answer
        .recv_timeout(std::time::Duration::from_secs(MAX_READ_SECONDS))
        .ok()
}

/// The text of the spec `file` (`-`: standard input), at most 1 MiB.
pub(super) fn read(file: &str) -> Result<String, String> {
    read_as(file, "an SLO spec", "a YAML spec")
}

/// The text of `file` (`-`: standard input), at most the core's
/// `MAX_INPUT_BYTES`, or why not: `kind` is what a too large input should
/// have been, `text_kind` what a binary one.
pub(super) fn read_as(file: &str, kind: &str, text_kind: &str) -> Result<String, String> {
    let name = if file == "-" { "standard input" } else { file };
    let text = if file == "-" {
        read_bounded(std::io::stdin().lock(), MAX_INPUT_BYTES as u64)
    } else {
        std::fs::File::open(file)
            .map_err(ReadError::Io)
            .and_then(|f| read_bounded(f, MAX_INPUT_BYTES as u64))
    };
    text.map_err(|e| match e {
        ReadError::Io(e) => format!("cannot read {name}: {e}"),
        ReadError::TooLarge => format!(
            "{name}: more than {MAX_INPUT_BYTES} bytes: {kind} of at most 1 MiB is expected"
        ),
        ReadError::NotUtf8 => format!("{name}: not UTF-8 text; {text_kind} is expected"),
    })
}

/// Why [`read_bounded`] gave no text.
pub(super) enum ReadError {
    /// The input could not be opened or read.
    Io(std::io::Error),
    /// It holds more than the limit (only the limit and one byte were read).
    TooLarge,
    /// It is not UTF-8.
    NotUtf8,
}

/// The text of `input`, at most `limit` bytes. Only `limit + 1` bytes are
/// ever read, the one more to know the limit was passed, so an endless or
/// huge input (`/dev/zero`, `yes | nines …`, a FIFO, a 200 MB file) is
/// refused at once, never read whole. The one reader of every file the
/// CLI takes: `import`'s spec and `--incidents`'s CSV.
pub(super) fn read_bounded(input: impl Read, limit: u64) -> Result<String, ReadError> {
    let mut bytes = Vec::new();
    input
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge);
    }
    String::from_utf8(bytes).map_err(|_| ReadError::NotUtf8)
}

fn render_json(i: &Imported, link: &str) -> String {
    let s = &i.scenario;
    let value = json!({
        "format": i.format,
        "target": s.target.to_string(),
        "window": s.slo_window.id(),
        "alignment": s.budget.alignment.choice_id(),
        "utc_offset": s.budget.utc_offset.to_string(),
        "convention": s.convention.id(),
        "budget_mode": s.budget.mode.choice_id(),
        "policy": s.alerts.policy.choice_id(),
        "alerts": i.alert_lines(),
        "service": s.production.service,
        "slo": s.production.slo,
        "requests": s.production.requests,
        "counted": s.production.counted.choice_id(),
        "errors": s.production.errors,
        "good": s.production.good,
        "slos": i.slos,
        "read": i.slos.get(i.chosen),
        "assumed": i.assumed,
        "not_carried": i.not_carried,
        "not_carried_more": i.not_carried_more,
        "link": link,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

fn render_text(i: &Imported, file: &str, link: &str) -> String {
    format!(
        "Imported {} from {file}\n{}\nLink: ?{link}",
        i.format,
        i.describe()
    )
}
