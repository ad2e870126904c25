//! Helpers shared by the integration tests (`mod common;`): detectors for
//! numbers that must never reach the screen, a walk over a scenario's JSON
//! by dotted key, and link keys a decoder must survive.

// Each test crate compiles this module and uses only some of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// Whether text shows a non-finite number: `NaN` anywhere, or `inf` as a
/// word of its own (`-inf`, `inf%`; "information" is fine).
pub fn shows_non_finite(text: &str) -> bool {
    text.contains("NaN")
        || text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case("inf") || w.eq_ignore_ascii_case("infinity"))
}

/// Whether text shows a negative zero (`-0`, `-0s`, `-0.00%`): a minus
/// sign, not a hyphen after a word or a date, before a number whose digits
/// are all zero.
pub fn shows_negative_zero(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().any(|(i, &c)| {
        if !(c == '-' || c == '−') || (i > 0 && chars[i - 1].is_alphanumeric()) {
            return false;
        }
        let number: Vec<char> = chars[i + 1..]
            .iter()
            .copied()
            .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
            .collect();
        number.first().is_some_and(char::is_ascii_digit)
            && number.iter().all(|&d| d == '0' || d == '.' || d == ',')
    })
}

/// Calls `visit` with every node under `value` and its dotted key (`""` for
/// the root, `incidents.scope` for a leaf), objects before what they hold.
pub fn walk_json(value: &Value, key: &str, visit: &mut dyn FnMut(&str, &Value)) {
    visit(key, value);
    if let Value::Object(map) = value {
        for (k, child) in map {
            let child_key = if key.is_empty() {
                k.clone()
            } else {
                format!("{key}.{k}")
            };
            walk_json(child, &child_key, visit);
        }
    }
}

/// Link keys that are not the scenario's: near misses of real keys (wrong
/// case, truncated, one level too deep) and hostile ones (empty, dots only,
/// bad percent escapes, JavaScript's prototype names).
pub const ODD_KEYS: &[&str] = &[
    "v",
    "",
    ".",
    "..",
    "a..b",
    "target.",
    ".target",
    "reverse..period",
    "reverse.period.x",
    "__proto__",
    "constructor",
    "prototype",
    "%",
    "%zz",
    "%FF",
    "+",
    "v.v",
    "target%00",
    "TARGET",
    "slo",
    "conv",
    "budget.traffic.count",
    "dependencies.dependencies.0",
    "cost.model.x",
    // Link version 1's deployment count and period (migrated to a rate).
    "delivery.deployments",
    "delivery.deployment_period_seconds",
];

/// promtool on PATH, or where scripts/setup puts it.
pub fn promtool() -> Option<PathBuf> {
    let ok = |p: &PathBuf| {
        Command::new(p)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let on_path = PathBuf::from("promtool");
    if ok(&on_path) {
        return Some(on_path);
    }
    let home = std::env::var_os("HOME")?;
    let cached = PathBuf::from(home).join(".cache/nines/tools/bin/promtool");
    ok(&cached).then_some(cached)
}

/// Runs `promtool args…` in `dir`; the test fails with promtool's output
/// and `shown` (the file it read) unless it succeeds.
pub fn assert_promtool(promtool: &Path, dir: &Path, args: &[&str], shown: &str) {
    let out = Command::new(promtool)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "promtool {} failed:\n{}{}\n{shown}",
        args.join(" "),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
