//! Handing the target to production: the names the exported
//! rules and SLO documents use — the service, the request-count and
//! error-count series the SLI is read from, and the recording rules that
//! hold the error ratio — kept in the scenario, so they travel in the link
//! and survive a reload like every other input.
//!
//! The SLI is the Workbook's request-based one (SRE Workbook ch. 2,
//! "Implementing SLOs"; ch. 5, "Alerting on SLOs"): the ratio of bad to all
//! requests over a window, `sum(rate(errors[w])) / sum(rate(requests[w]))`.

use serde::{Deserialize, Serialize};

use crate::choice::Choice;

/// The production names, as typed.
///
/// ```
/// use nines_core::production::ProductionInputs;
/// let p = ProductionInputs::default();
/// assert_eq!(p.requests, r#"http_requests_total{service="checkout"}"#);
/// assert!(p.check().is_ok());
/// ```
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(default)]
pub struct ProductionInputs {
    /// The service's name: a label on every rule, the SLO's name.
    pub service: String,
    /// The series counting every request: a PromQL selector.
    pub requests: String,
    /// The series counting the bad requests: a PromQL selector, read when
    /// [`Self::counted`] is [`Counted::Bad`].
    pub errors: String,
    /// Which requests a series counts besides all of them: the bad ones
    /// (`errors`), or the good ones (`good`; the bad are then all less the
    /// good, as an OpenSLO ratio metric given as `good` and `total` means).
    pub counted: Counted,
    /// The series counting the good requests: a PromQL selector, read when
    /// [`Self::counted`] is [`Counted::Good`].
    pub good: String,
    /// The recording rules' name; each window is appended
    /// (`slo:sli_error:ratio_rate` → `slo:sli_error:ratio_rate5m`, Sloth's
    /// names).
    pub recording: String,
    /// The SLO's name within the service (default `availability`): with
    /// the service, the labels that tell this SLO's recorded series from
    /// every other's in one Prometheus, so that each alert selects its own
    /// (two services, or two SLOs of one service, never page each other).
    pub slo: String,
}

/// Which requests the second series counts: the bad ones, or the good
/// ones (the bad are then all requests less the good).
///
/// ```
/// use nines_core::choice::Choice;
/// use nines_core::production::Counted;
/// assert_eq!(Counted::from_id("good"), Some(Counted::Good));
/// assert_eq!(Counted::ids(), "bad, good");
/// ```
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Counted {
    /// A series counts the bad requests.
    #[default]
    Bad,
    /// A series counts the good requests.
    Good,
}

impl Choice for Counted {
    const OPTIONS: &'static [Self] = &[Counted::Bad, Counted::Good];

    fn choice_id(self) -> &'static str {
        match self {
            Counted::Bad => "bad",
            Counted::Good => "good",
        }
    }

    fn choice_label(self) -> &'static str {
        match self {
            Counted::Bad => "a series of the bad requests",
            Counted::Good => "a series of the good requests (bad = all − good)",
        }
    }
}

impl ProductionInputs {
    /// The label matchers that select this SLO's recorded series:
    /// `{service="checkout",slo="availability"}`, each value a PromQL
    /// string (a backslash and a double quote escaped).
    ///
    /// ```
    /// use nines_core::production::ProductionInputs;
    /// let p = ProductionInputs { service: r#"a"b\c"#.into(), ..ProductionInputs::default() };
    /// assert_eq!(p.slo_matchers(), r#"{service="a\"b\\c",slo="availability"}"#);
    /// ```
    pub fn slo_matchers(&self) -> String {
        [
            "{service=",
            &promql_string(&self.service),
            ",slo=",
            &promql_string(&self.slo),
            "}",
        ]
        .concat()
    }
}

/// A PromQL string literal: `"`, with a backslash and a double quote
/// escaped (the label values of [`ProductionInputs::slo_matchers`] and of
/// the exported rules' filters).
///
/// ```
/// assert_eq!(nines_core::production::promql_string(r#"a"b\c"#), r#""a\"b\\c""#);
/// ```
pub fn promql_string(v: &str) -> String {
    let mut out = String::with_capacity(v.len() + 2);
    out.push('"');
    for c in v.chars() {
        if matches!(c, '"' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

impl Default for ProductionInputs {
    fn default() -> Self {
        ProductionInputs {
            service: "checkout".into(),
            requests: r#"http_requests_total{service="checkout"}"#.into(),
            errors: r#"http_requests_total{service="checkout",code=~"5.."}"#.into(),
            counted: Counted::Bad,
            good: r#"http_requests_total{service="checkout",code!~"5.."}"#.into(),
            recording: "slo:sli_error:ratio_rate".into(),
            slo: "availability".into(),
        }
    }
}

/// The error-budget policy the team agrees to: the tiers of
/// budget left and what changes in each, who may override a freeze, when
/// an incident needs a postmortem and when on-call goes back to the
/// delivery team. The defaults follow the SRE Workbook's Appendix B
/// ("Example Error Budget Policy": releases halt "other than P0 issues or
/// security fixes until the service is back within its SLO"; a postmortem
/// for "a single incident \[that\] consumes more than 20% of error budget over
/// four weeks"; disagreements escalate) and the essays ("You Build It SRE
/// Run It": "If the service is consistently outside its error budget, the
/// SRE team hands the on-call rota back to the development team"). The
/// caution tier at half the budget and the two windows of "consistently"
/// are the product's own readings.
///
/// ```
/// use nines_core::production::BudgetPolicy;
/// let p = BudgetPolicy::default();
/// assert_eq!((p.caution_below, p.postmortem_share, p.handback_windows), (0.5, 0.2, 2));
/// ```
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct BudgetPolicy {
    /// Budget left at or below which the caution tier starts, `0..1`.
    pub caution_below: f64,
    /// What the team does while more than that is left.
    pub normal: String,
    /// What changes in the caution tier.
    pub caution: String,
    /// What changes once the budget is spent.
    pub exhausted: String,
    /// Who may override a freeze, and how.
    pub override_by: String,
    /// The share of a window's budget one incident must spend to need a
    /// postmortem, `0..=1`.
    pub postmortem_share: f64,
    /// Windows in a row outside the budget after which an SRE team hands
    /// on-call back to the delivery team.
    pub handback_windows: u32,
}

impl Default for BudgetPolicy {
    fn default() -> Self {
        BudgetPolicy {
            caution_below: 0.5,
            normal: "Releases go ahead as planned; reliability work is planned like any other."
                .into(),
            caution: "Releases go ahead in small steps, each with a rollback plan; reliability \
                      work comes before new features."
                .into(),
            exhausted: "Releases stop, except fixes for the errors and security fixes, until the \
                        service is back within its objective; the team works on reliability first."
                .into(),
            override_by: "The heads of product and delivery together, in writing, naming the \
                          release and the risk they accept."
                .into(),
            postmortem_share: 0.2,
            handback_windows: 2,
        }
    }
}

/// What a selector may be, in words.
pub const SELECTOR_ALLOWED: &str = "a PromQL series selector: a metric name, label \
                                    matchers in braces, or both, e.g. \
                                    http_requests_total{job=\"checkout\",code=~\"5..\"}";

/// [`REFUSED_CHARACTERS`] as a literal, for `concat!` in the exports'
/// `&'static str` messages.
macro_rules! refused_characters {
    () => {
        "control characters (U+0000–U+001F, U+007F–U+009F, so also tab and \
         U+0085), the line and paragraph separators U+2028 and U+2029, the \
         byte-order mark U+FEFF, the bidirectional embeddings, overrides and \
         isolates (U+202A–U+202E, U+2066–U+2069) and Unicode noncharacters \
         (U+FDD0–U+FDEF, U+FFFE, U+FFFF and the last two of every plane)"
    };
}
pub(crate) use refused_characters;

/// The characters [`is_refused`] refuses, in words, for error messages.
pub const REFUSED_CHARACTERS: &str = refused_characters!();

/// Whether `c` is refused in a name or selector the exports write into
/// YAML (the service, the two series selectors): the text is checked once,
/// here, and refused with the field's name rather than written escaped,
/// because each of these turns a rules file into something else:
///
/// * control characters, and U+2028, U+2029 and U+0085 (NEL): YAML 1.1,
///   and libyaml with its ports (go-yaml, which Prometheus and promtool
///   read rules with; PyYAML), treat the last three as line breaks, so a
///   name written in a comment or a block scalar would start a line of
///   YAML of its own (a service name that replaced every
///   burn-rate alert);
/// * U+FEFF, U+FFFE, U+FFFF: outside YAML's printable set (YAML 1.2
///   §5.1, `c-printable`; `nb-char` excludes the byte-order mark), so the
///   file does not parse; the other noncharacters (U+FDD0–U+FDEF and the
///   last two code points of every plane, Unicode §23.7) are meant for a
///   program's internal use, never for interchange;
/// * the bidirectional embeddings, overrides and isolates: they make a
///   rules file read differently from what it does ("Trojan Source",
///   CVE-2021-42574).
///
/// Unpaired surrogates cannot reach here: the text is a Rust `str`, valid
/// UTF-8 (the link decoder refuses an encoded surrogate as invalid UTF-8;
/// text from the page's fields is encoded to UTF-8 by the browser, which
/// writes a lone surrogate as U+FFFD).
///
/// ```
/// use nines_core::production::is_refused;
/// for c in ['\n', '\t', '\u{85}', '\u{2028}', '\u{2029}', '\u{feff}', '\u{fffe}', '\u{ffff}',
///           '\u{fdd0}', '\u{1fffe}', '\u{10ffff}', '\u{202e}', '\u{2066}'] {
///     assert!(is_refused(c), "{c:?}");
/// }
/// for c in ['a', ' ', '{', '\u{e9}', '\u{2014}', '\u{fffd}', '\u{200f}', '\u{1f600}'] {
///     assert!(!is_refused(c), "{c:?}");
/// }
/// ```
pub fn is_refused(c: char) -> bool {
    let u = u32::from(c);
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        || (0xFDD0..=0xFDEF).contains(&u)
        || u & 0xFFFE == 0xFFFE
}

impl ProductionInputs {
    /// Whether every name is usable, or the first problem: `(field, why)`.
    ///
    /// ```
    /// use nines_core::production::ProductionInputs;
    /// let p = ProductionInputs { errors: "rate(x[5m])".into(), ..ProductionInputs::default() };
    /// assert_eq!(p.check().unwrap_err().0, "errors");
    /// ```
    pub fn check(&self) -> Result<(), (&'static str, String)> {
        check_selector(&self.requests).map_err(|e| ("requests", e))?;
        match self.counted {
            Counted::Bad => check_selector(&self.errors).map_err(|e| ("errors", e)),
            Counted::Good => check_selector(&self.good).map_err(|e| ("good", e)),
        }
    }

    /// The error ratio over a window, e.g. Go-template `{{.window}}` (Sloth's
    /// placeholder): the bad and the total queries.
    ///
    /// ```
    /// use nines_core::production::ProductionInputs;
    /// let (bad, total) = ProductionInputs::default().window_queries("{{.window}}");
    /// assert_eq!(total, r#"sum(rate(http_requests_total{service="checkout"}[{{.window}}]))"#);
    /// assert!(bad.contains(r#"code=~"5..""#));
    /// // Counting the good requests, the bad are all less the good.
    /// use nines_core::production::Counted;
    /// let p = ProductionInputs {
    ///     requests: "all".into(), counted: Counted::Good, good: "ok".into(), ..Default::default()
    /// };
    /// assert_eq!(p.window_queries("5m").0, "(sum(rate(all[5m])) - sum(rate(ok[5m])))");
    /// assert_eq!(p.check(), Ok(()));
    /// let p = ProductionInputs { good: "sum(ok)".into(), ..p };
    /// assert_eq!(p.check().unwrap_err().0, "good");
    /// ```
    pub fn window_queries(&self, window: &str) -> (String, String) {
        let q = |selector: &str| ["sum(rate(", selector.trim(), "[", window, "]))"].concat();
        self.bad_and_total(q)
    }

    /// The bad and the total queries, each series read with `q`: the bad
    /// one is `q(errors)`, or all less the good, `(q(requests) - q(good))`.
    fn bad_and_total(&self, q: impl Fn(&str) -> String) -> (String, String) {
        let total = q(&self.requests);
        let bad = match self.counted {
            Counted::Bad => q(&self.errors),
            Counted::Good => ["(", &total, " - ", &q(&self.good), ")"].concat(),
        };
        (bad, total)
    }

    /// The two counters themselves, summed, as an OpenSLO ratio metric with
    /// `counter: true` reads them (the OpenSLO README's Prometheus example:
    /// `query: sum(localhost_server_requests{…})`): the tool that evaluates
    /// the SLO takes the rate over its own windows, so no window is written.
    ///
    /// The counter read beside all requests is the one the scenario
    /// counts, bad or good (an OpenSLO ratio metric names it `bad` or
    /// `good`): `(which, its sum, the sum of all)`.
    ///
    /// ```
    /// use nines_core::production::{Counted, ProductionInputs};
    /// let (counted, bad, total) = ProductionInputs::default().counter_queries();
    /// assert_eq!(counted, Counted::Bad);
    /// assert_eq!(total, r#"sum(http_requests_total{service="checkout"})"#);
    /// assert_eq!(bad, r#"sum(http_requests_total{service="checkout",code=~"5.."})"#);
    /// let good = ProductionInputs { counted: Counted::Good, good: "ok".into(), ..Default::default() };
    /// assert_eq!(good.counter_queries().1, "sum(ok)");
    /// ```
    pub fn counter_queries(&self) -> (Counted, String, String) {
        let q = |selector: &str| ["sum(", selector.trim(), ")"].concat();
        let counted = match self.counted {
            Counted::Bad => &self.errors,
            Counted::Good => &self.good,
        };
        (self.counted, q(counted), q(&self.requests))
    }
}

/// Checks a PromQL series selector as typed: an optional metric name
/// (`[a-zA-Z_:][a-zA-Z0-9_:]*`), then optional label matchers in braces
/// (`name op "value"`, op one of `=`, `!=`, `=~`, `!~`, the value quoted
/// with `"`, `'` or `` ` ``), at least one of the two, and nothing else: no
/// functions, no ranges (Prometheus documentation, "Querying basics": time
/// series selectors), and none of the characters [`is_refused`] refuses
/// (line breaks among them), since the selector is written into YAML.
///
/// ```
/// use nines_core::production::check_selector;
/// assert!(check_selector(r#"http_requests_total{code=~"5..", job!="x"}"#).is_ok());
/// assert!(check_selector(r#"{__name__="up"}"#).is_ok());
/// assert!(check_selector("up").is_ok());
/// assert!(check_selector("sum(up)").is_err());
/// assert!(check_selector(r#"up{job="a"}[5m]"#).is_err());
/// assert!(check_selector("").is_err());
/// assert!(check_selector("up{job=\"a\u{2028}b\"}").unwrap_err().contains("U+2028"));
/// ```
pub fn check_selector(s: &str) -> Result<(), String> {
    let fail = |why: &str| Err(format!("{why}; {SELECTOR_ALLOWED}"));
    if let Some(c) = s.chars().find(|&c| is_refused(c)) {
        return fail(&format!(
            "it contains U+{:04X}: line breaks and the other characters a rules file cannot \
             carry are not allowed ({REFUSED_CHARACTERS})",
            u32::from(c)
        ));
    }
    let t = s.trim();
    if t.is_empty() {
        return fail("it is empty");
    }
    let b = t.as_bytes();
    let mut i = 0;
    let name_start = |c: u8| c.is_ascii_alphabetic() || c == b'_' || c == b':';
    let name_char = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b':';
    if name_start(b[0]) {
        while i < b.len() && name_char(b[i]) {
            i += 1;
        }
    }
    let named = i > 0;
    let skip_space = |i: &mut usize| {
        while *i < b.len() && b[*i].is_ascii_whitespace() {
            *i += 1;
        }
    };
    skip_space(&mut i);
    if i == b.len() {
        return if named {
            Ok(())
        } else {
            fail("no metric name")
        };
    }
    if b[i] != b'{' {
        return fail("only a metric name and {label matchers} may be given");
    }
    i += 1;
    let mut matchers = 0;
    loop {
        skip_space(&mut i);
        if i < b.len() && b[i] == b'}' {
            i += 1;
            break;
        }
        // A label name.
        let start = i;
        if i < b.len() && (b[i].is_ascii_alphabetic() || b[i] == b'_') {
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
        }
        if i == start {
            return fail("a label matcher needs a label name");
        }
        skip_space(&mut i);
        let op = &t[i..];
        let len = ["=~", "!=", "!~", "="]
            .iter()
            .find(|o| op.starts_with(**o))
            .map(|o| o.len());
        let Some(len) = len else {
            return fail("a label matcher needs =, !=, =~ or !~");
        };
        i += len;
        skip_space(&mut i);
        let Some(&quote) = b.get(i).filter(|q| matches!(q, b'"' | b'\'' | b'`')) else {
            return fail("a label value must be quoted");
        };
        i += 1;
        loop {
            match b.get(i) {
                None => return fail("a quoted label value is not closed"),
                Some(b'\\') if quote != b'`' => i += 2,
                Some(&c) if c == quote => {
                    i += 1;
                    break;
                }
                Some(_) => i += 1,
            }
        }
        matchers += 1;
        skip_space(&mut i);
        match b.get(i) {
            Some(b',') => i += 1,
            Some(b'}') => {}
            _ => return fail("label matchers are separated by commas and closed by }"),
        }
    }
    skip_space(&mut i);
    if i != b.len() {
        return fail("nothing may follow the closing }");
    }
    if !named && matchers == 0 {
        return fail("an empty selector matches nothing");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Selectors from the Prometheus documentation ("Querying basics":
    /// `http_requests_total{environment=~"staging|testing|development",
    /// method!="GET"}`, `{__name__=~"job:.*"}`) read; what is not a plain
    /// selector is refused with the reason.
    #[test]
    fn selectors_as_the_prometheus_documentation_writes_them() {
        for ok in [
            r#"http_requests_total{environment=~"staging|testing|development",method!="GET"}"#,
            r#"{__name__=~"job:.*"}"#,
            r#"http_requests_total{job="prometheus",group="canary"}"#,
            "http_requests_total{}",
            r#"x{a="}\"{",}"#,
            "x{a=`raw\\`}",
        ] {
            assert_eq!(check_selector(ok), Ok(()), "{ok}");
        }
        for (bad, why) in [
            ("rate(x[5m])", "only a metric name"),
            (r#"x{a="1"} or y"#, "nothing may follow"),
            (r#"x{a=1}"#, "must be quoted"),
            (r#"x{a="1"#, "not closed"),
            (r#"x{a="1""#, "closed by }"),
            (r#"x{="1"}"#, "label name"),
            (r#"x{a<"1"}"#, "=, !=, =~ or !~"),
            (r#"x{a="1" b="2"}"#, "separated by commas"),
            ("{}", "matches nothing"),
            ("x\n{}", "line breaks"),
            ("x{a=\"\u{2028}\"}", "contains U+2028"),
            ("x{a=\"\u{85}\"}", "contains U+0085"),
            ("x{a=\"\u{fffe}\"}", "contains U+FFFE"),
            ("x{a=\"\u{202e}\"}", "contains U+202E"),
            ("9x", "only a metric name"),
            ("  ", "empty"),
        ] {
            let e = check_selector(bad).unwrap_err();
            assert!(e.contains(why), "{bad}: {e}");
        }
    }
}
