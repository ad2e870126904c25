//! What every machine-read export shares: the names and selectors it
//! accepts ([`ExportError`] when not), YAML strings, Prometheus durations,
//! numbers, Go-template literals and file names.

use crate::digits::tidy;
use crate::production::{ProductionInputs, is_refused, refused_characters};
use crate::quote::quoted;
use crate::scenario::Report;
use std::fmt;

/// Why an export could not be written.
///
/// ```
/// use nines_core::export::prometheus_rules;
/// use nines_core::scenario::{evaluate, Scenario};
/// let p = nines_core::production::ProductionInputs { recording: "9lives".into(), ..Default::default() };
/// let err = prometheus_rules(&evaluate(&Scenario::default(), nines_core::budget::STORY_NOW), &p).unwrap_err();
/// assert!(err.to_string().starts_with("metric \"9lives\" is not allowed"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportError {
    /// A name the user typed is not allowed where it goes.
    Invalid {
        /// The parameter: `metric`, `service`, `slo`.
        field: &'static str,
        /// What was given.
        value: String,
        /// What is allowed, in words.
        allowed: &'static str,
    },
    /// A series selector the SLI is read from is not one (`requests`,
    /// `errors`), and why.
    Selector {
        /// `requests`, `errors` or `good`.
        field: &'static str,
        /// Why, with what is allowed.
        why: String,
    },
    /// The alert policy cannot be written (the report's reason).
    Policy(String),
    /// A 100% target has no error budget: nothing to burn, and OpenSLO
    /// targets must be below 1.
    NoErrorBudget,
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::Invalid {
                field,
                value,
                allowed,
            } => {
                write!(f, "{field} {} is not allowed", quoted(value, QUOTED_MAX))?;
                if let Some(c) = value.chars().find(|&c| is_refused(c)) {
                    write!(f, " (it contains U+{:04X})", u32::from(c))?;
                }
                write!(f, ": {allowed}")
            }
            ExportError::Selector { field, why } => write!(f, "{field}: {why}"),
            ExportError::Policy(why) => write!(f, "the alert policy cannot be exported: {why}"),
            ExportError::NoErrorBudget => f.write_str(
                "a 100% target has no error budget: there are no burn-rate alerts or SLO \
                 objective to write",
            ),
        }
    }
}

impl std::error::Error for ExportError {}

/// At most this many characters of a value are quoted in an error.
pub(super) const QUOTED_MAX: usize = 60;

pub(super) const METRIC_ALLOWED: &str = "a Prometheus metric name: letters, digits, '_' and ':', not \
                              starting with a digit (e.g. slo:sli_error:ratio_rate)";

pub(super) const SERVICE_LABEL_ALLOWED: &str = concat!(
    "a non-empty name without line breaks or the other characters a YAML file cannot carry \
     safely: no ",
    refused_characters!()
);

pub(super) const SLOTH_NAME_ALLOWED: &str = "a Sloth name: ASCII letters, digits, '-', '_' and '.', \
                                  starting and ending with a letter or digit, at least two \
                                  characters (Sloth refuses any other service name)";

pub(super) const SERVICE_NAME_ALLOWED: &str = "an OpenSLO name: lowercase letters, digits and '-', \
                                    starting and ending with a letter or digit, at most 50 \
                                    characters (the SLO is named <service>-<SLO name>, at most \
                                    63)";

pub(super) fn invalid(field: &'static str, value: &str, allowed: &'static str) -> ExportError {
    ExportError::Invalid {
        field,
        value: value.to_string(),
        allowed,
    }
}

/// Prometheus's metric name rule, `[a-zA-Z_:][a-zA-Z0-9_:]*`.
pub(super) fn is_metric_name(s: &str) -> bool {
    let mut bytes = s.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_' || b == b':')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b':')
}

/// An RFC 1123 label of at most `max` characters (OpenSLO `metadata.name`).
pub(super) fn is_dns_label(s: &str, max: usize) -> bool {
    let ok = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    let bytes = s.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= max
        && ok(bytes[0])
        && ok(bytes[bytes.len() - 1])
        && bytes.iter().all(|&b| ok(b) || b == b'-')
}

/// The one check of the service name as text (every export that writes it
/// runs it, through [`check_prometheus_rules`]; OpenSLO and Pyrra then
/// narrow it to an RFC 1123 name, Sloth to its own name rule): not blank,
/// and none of the characters [`is_refused`] refuses. Template syntax is
/// allowed: it is written escaped where a template reads it.
pub(super) fn check_label_value(field: &'static str, value: &str) -> Result<(), ExportError> {
    if value.trim().is_empty() || value.chars().any(is_refused) {
        return Err(invalid(field, value, SERVICE_LABEL_ALLOWED));
    }
    Ok(())
}

/// Sloth's rule for names (github.com/slok/sloth,
/// `internal/prometheus/model.go`, `nameRegexp`):
/// `^[A-Za-z0-9][-A-Za-z0-9_.]*[A-Za-z0-9]$`.
pub(super) fn is_sloth_name(s: &str) -> bool {
    let b = s.as_bytes();
    let inner = |c: &u8| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.');
    b.len() >= 2
        && b[0].is_ascii_alphanumeric()
        && b[b.len() - 1].is_ascii_alphanumeric()
        && b.iter().all(inner)
}

/// A YAML double-quoted scalar: `\` and `"` escaped, and every character
/// [`is_refused`] names (control characters, the Unicode line breaks, the
/// byte-order mark, bidirectional controls, noncharacters) written as an
/// escape (YAML 1.2 §5.7: `\N`, `\L`, `\P`, `\uXXXX`, `\UXXXXXXXX`), so
/// that the file stays one printable line per line; everything else as is.
///
/// ```
/// use nines_core::export::yaml_quote;
/// assert_eq!(yaml_quote("say \"hi\"\n"), r#""say \"hi\"\n""#);
/// assert_eq!(yaml_quote("99.95% — ok"), "\"99.95% — ok\"");
/// assert_eq!(yaml_quote("a\u{2028}b\u{fffe}\u{1fffe}"), r#""a\Lb\ufffe\U0001fffe""#);
/// ```
pub fn yaml_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c if is_refused(c) && u32::from(c) > 0xFFFF => {
                out.push_str(&format!("\\U{:08x}", u32::from(c)));
            }
            c if is_refused(c) => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A duration in Prometheus's format, in the largest unit that divides it
/// exactly: `5m`, `1h`, `6h`, `3d`, `30m`, `64m`, `90s`, `1500ms`
/// (rounded to the millisecond). `None` when it is not positive.
///
/// ```
/// use nines_core::export::prometheus_duration;
/// assert_eq!(prometheus_duration(300.0).as_deref(), Some("5m"));
/// assert_eq!(prometheus_duration(259_200.0).as_deref(), Some("3d"));
/// assert_eq!(prometheus_duration(3_840.0).as_deref(), Some("64m"));
/// assert_eq!(prometheus_duration(1.5).as_deref(), Some("1500ms"));
/// assert_eq!(prometheus_duration(0.0), None);
/// ```
pub fn prometheus_duration(seconds: f64) -> Option<String> {
    const UNITS: [(u64, &str); 5] = [
        (86_400_000, "d"),
        (3_600_000, "h"),
        (60_000, "m"),
        (1_000, "s"),
        (1, "ms"),
    ];
    let ms = (seconds * 1_000.0).round();
    if !(1.0..1e18).contains(&ms) {
        return None;
    }
    let ms = ms as u64;
    UNITS
        .iter()
        .find(|(unit, _)| ms % unit == 0)
        .map(|(unit, name)| format!("{}{name}", ms / unit))
}

/// A number as PromQL and YAML read it: floating-point noise removed
/// ([`tidy`]), then the shortest decimal that reads back to the same `f64`.
pub(super) fn number(x: f64) -> String {
    let t = tidy(x);
    if t == 0.0 { "0".into() } else { format!("{t}") }
}

/// `U` written exactly when it is a terminating decimal (`0.0005`),
/// otherwise in full precision.
pub(super) fn unavailability_text(report: &Report) -> String {
    (report.target.unavailability_decimal.clone())
        .unwrap_or_else(|| number(report.target.unavailability))
}

/// `1 − U` written exactly when it is a terminating decimal (`0.9995`),
/// otherwise in full precision.
pub(super) fn target_fraction_text(report: &Report) -> String {
    (report.target.availability_decimal.clone())
        .unwrap_or_else(|| number(1.0 - report.target.unavailability))
}

/// Text that a Go template (`text/template`) renders as itself: each `{{`
/// is written as the action `{{ "{{" }}`, which outputs `{{`. Go's lexer
/// reads text up to the next `{{` and nothing else (`}}`, `$` and quotes
/// outside an action are plain text), so no action is left: `{{ $value }}`
/// becomes `{{ "{{" }} $value }}`, which renders `{{ $value }}`. Used
/// wherever a consumer evaluates a value as a template: a Prometheus
/// alerting rule's labels and annotations (Prometheus documentation,
/// "Alerting rules", Templating: both are expanded for each alert; a
/// recording rule's labels are not) and the SLI queries of a Sloth spec,
/// which Sloth executes to put the window in.
///
/// ```
/// use nines_core::export::template_literal;
/// assert_eq!(template_literal("{{ $value }}"), r#"{{ "{{" }} $value }}"#);
/// assert_eq!(template_literal("{{{"), r#"{{ "{{" }}{"#);
/// assert_eq!(template_literal("a }} b"), "a }} b");
/// ```
pub fn template_literal(s: &str) -> String {
    s.replace("{{", "{{ \"{{\" }}")
}

/// The SLI's two queries over the window written as Go-template
/// `{{.window}}` (Sloth's placeholder, which the page also writes into
/// OpenSLO's queries), bad then total, with each selector's own `{{`
/// written as literal template text ([`template_literal`]): a label value
/// such as `{{ .window }}` in a selector stays that text when the queries
/// are rendered.
///
/// ```
/// use nines_core::export::templated_queries;
/// use nines_core::production::ProductionInputs;
/// let p = ProductionInputs { requests: r#"up{job="{{x"}"#.into(), ..Default::default() };
/// let (_, total) = templated_queries(&p);
/// assert_eq!(total, r#"sum(rate(up{job="{{ "{{" }}x"}[{{.window}}]))"#);
/// ```
pub fn templated_queries(p: &ProductionInputs) -> (String, String) {
    let literal = ProductionInputs {
        requests: template_literal(&p.requests),
        errors: template_literal(&p.errors),
        ..p.clone()
    };
    literal.window_queries("{{.window}}")
}

/// Text for one line of a comment or a title: every character
/// [`is_refused`] names (line breaks, the Unicode ones too) as a space, so
/// that nothing after a `#` can start a line of YAML of its own.
pub(super) fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if is_refused(c) { ' ' } else { c })
        .collect()
}

/// The objective as a percentage, exactly when it is a terminating decimal
/// (`99.9`, `99.95`), otherwise in full precision.
pub(super) fn objective_percent(report: &Report) -> String {
    let p = &report.target.availability_percent;
    match p.strip_suffix('%') {
        Some(exact) if !exact.starts_with('≈') => exact.to_string(),
        _ => number((1.0 - report.target.unavailability) * 100.0),
    }
}

/// A download file's stem from a service name, safe on every file system
/// and in a `Content-Disposition` header: ASCII letters, digits, `-`, `_`
/// and `.` kept; every other character (spaces, `/`, `\`, `:`, quotes,
/// braces, non-ASCII letters…) becomes `-`; runs of `-` collapse to one;
/// `-` and `.` are trimmed from both ends (no hidden file, no `..`
/// alone); at most 64 characters; `nines` when nothing is left. The page
/// names its downloads `{stem}-slo-rules.yaml` and the like.
///
/// ```
/// use nines_core::export::file_stem;
/// assert_eq!(file_stem("checkout"), "checkout");
/// assert_eq!(file_stem("{{ $value }}"), "value");
/// assert_eq!(file_stem("../../etc/passwd"), "etc-passwd");
/// assert_eq!(file_stem("Café au lait v2.1"), "Caf-au-lait-v2.1");
/// assert_eq!(file_stem("{{ }}"), "nines");
/// assert_eq!(file_stem(&"a".repeat(100)).len(), 64);
/// ```
pub fn file_stem(service: &str) -> String {
    const MAX: usize = 64;
    const FALLBACK: &str = "nines";
    let mut stem = String::with_capacity(service.len().min(4 * MAX));
    for c in service.chars() {
        let c = if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
            c
        } else {
            '-'
        };
        if !(c == '-' && stem.ends_with('-')) {
            stem.push(c);
        }
    }
    let trimmed = stem.trim_matches(['-', '.']);
    // All ASCII now: a byte index is a character index.
    let capped = trimmed[..trimmed.len().min(MAX)].trim_matches(['-', '.']);
    if capped.is_empty() {
        FALLBACK.to_string()
    } else {
        capped.to_string()
    }
}

/// The file an export of `service` downloads as, by the export's name
/// (`rules`, `sloth`, `sloth-windows`, `pyrra`, `openslo`; any other is
/// the service's stem with the name): the page's downloads and the
/// commands the exports quote use the same names.
///
/// ```
/// use nines_core::export::file_name;
/// assert_eq!(file_name("rules", "checkout"), "checkout-slo-rules.yaml");
/// assert_eq!(file_name("sloth-windows", "Check out"), "Check-out-slo.sloth-windows.yaml");
/// ```
pub fn file_name(what: &str, service: &str) -> String {
    let stem = file_stem(service);
    match what {
        "rules" => format!("{stem}-slo-rules.yaml"),
        other => format!("{stem}-slo.{other}.yaml"),
    }
}

/// What an SLO's name may be where the exports name an object
/// `<service>-<slo>` (OpenSLO, Pyrra).
pub(super) const SLO_NAME_ALLOWED: &str = "lowercase letters, digits and '-', starting and \
                                           ending with a letter or digit, so that \
                                           <service>-<SLO name> is an RFC 1123 name of at most \
                                           63 characters";

/// The name OpenSLO and Pyrra give the SLO: `<service>-<slo>`
/// (`checkout-availability`), so that two SLOs of one service are two
/// objects.
///
/// ```
/// use nines_core::export::slo_object_name;
/// use nines_core::production::ProductionInputs;
/// assert_eq!(slo_object_name(&ProductionInputs::default()), "checkout-availability");
/// ```
pub fn slo_object_name(p: &ProductionInputs) -> String {
    [p.service.as_str(), "-", p.slo.as_str()].concat()
}

/// Checks the service and the SLO's name where the exports name an object
/// `<service>-<slo>` ([`slo_object_name`]): both RFC 1123 labels, the
/// service at most 50 characters, the whole at most 63.
pub(super) fn check_slo_names(p: &ProductionInputs) -> Result<(), ExportError> {
    if !is_dns_label(&p.service, 50) {
        return Err(invalid("service", &p.service, SERVICE_NAME_ALLOWED));
    }
    if !is_dns_label(&p.slo, 63) || !is_dns_label(&slo_object_name(p), 63) {
        return Err(invalid("slo", &p.slo, SLO_NAME_ALLOWED));
    }
    Ok(())
}
