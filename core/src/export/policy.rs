//! The error-budget policy as a document, in Markdown, Confluence wiki
//! markup and a printable HTML page.

use super::*;
use crate::budget::BudgetMode;
use crate::display::format_fraction_percent;
use crate::duration::format_duration;
use crate::production::BudgetPolicy;
use crate::scenario::Report;

/// A document for people: a title, paragraphs under it, and sections,
/// each a heading and its paragraphs; a paragraph that starts with `- ` is
/// a bullet.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// The title.
    pub title: String,
    /// Paragraphs under the title, before the first section (the policy's
    /// answer: achievable or not).
    pub preface: Vec<String>,
    /// `(heading, paragraphs)` in order.
    pub sections: Vec<(String, Vec<String>)>,
}

/// The error-budget policy for `service`, from the scenario's
/// figures and the team's `policy`: under the title, whether the target is
/// achievable ([`not_achievable`], or what the dependencies, incidents and
/// failed deployments are expected to spend when it is); the objective and
/// its budget, with where the window stands in words that hold when the
/// document is read later; the tiers of budget left and what changes in
/// each, with the budget left at the instant it was computed; who may
/// override a freeze, when an incident needs a postmortem, who is on call
/// and when on-call goes back to the delivery team, the alerts, and the
/// target measures.
///
/// Worked by hand for the default story (99.95% over 30 days, 1,300 bad
/// requests allowed, 60% left at Wed 11 Nov 2026, 00:00 UTC): caution at
/// 50% left; a postmortem for an incident that spends more than 20% = 260
/// bad requests; expected to spend 145.13% of the budget, not achievable.
///
/// ```
/// use nines_core::export::{document_markdown, policy_document};
/// use nines_core::production::BudgetPolicy;
/// use nines_core::scenario::{evaluate, Scenario};
/// let r = evaluate(&Scenario::default(), nines_core::budget::STORY_NOW);
/// let md = document_markdown(&policy_document(&r, &BudgetPolicy::default(), "checkout"));
/// assert!(md.starts_with(
///     "# Error-budget policy: checkout\n\n**Not achievable:** expected to spend 145.13% of the \
///      99.95% budget"
/// ));
/// assert!(md.contains("more than 20% of the budget (260 bad requests)"));
/// assert!(md.contains("Budget left: 60% (computed at Wed 11 Nov 2026, 00:00 UTC): **normal**."));
/// assert!(md.contains("The window rolls: at any instant it is the last 30 days."));
/// ```
pub fn policy_document(report: &Report, policy: &BudgetPolicy, service: &str) -> Document {
    let t = &report.target;
    let b = &report.budget;
    // The answer first, its verdict in bold.
    let preface = answer(report)
        .and_then(|(_, line)| {
            let (verdict, rest) = line.split_once(": ")?;
            Some(format!("**{verdict}:** {rest}"))
        })
        .into_iter()
        .collect();
    let objective = format!(
        "{} of requests succeed over {}. {} The error budget is {}: {} per window.",
        t.availability_percent,
        b.window_description,
        window_placement(b),
        t.unavailability_percent,
        b.allowed_display
    );
    let measures = measures_table(report)
        .rows
        .iter()
        .map(|row| format!("- {}: {}", row[0], row[1]))
        .collect();
    let sections = vec![
        ("The objective".to_string(), vec![objective]),
        ("Budget tiers".to_string(), budget_tiers(report, policy)),
        (
            "Overriding a freeze".to_string(),
            vec![policy.override_by.trim().to_string()],
        ),
        ("Postmortems".to_string(), vec![postmortems(report, policy)]),
        ("Who is on call".to_string(), on_call(report, policy)),
        ("Alerts".to_string(), alerts(report)),
        ("Target measures".to_string(), measures),
    ];
    Document {
        title: format!("Error-budget policy: {}", one_line(service)),
        preface,
        sections,
    }
}

/// The tiers of budget left, what changes in each, and the tier now (none
/// when the budget could not be computed).
fn budget_tiers(report: &Report, policy: &BudgetPolicy) -> Vec<String> {
    let b = &report.budget;
    let caution = policy.caution_below.clamp(0.0, 1.0);
    let pct = format_fraction_percent;
    let tier = match b.remaining {
        Some(r) if r > caution => "normal",
        Some(r) if r > 0.0 => "caution",
        _ => "exhausted",
    };
    vec![
        format!(
            "- Normal, more than {} of the budget left: {}",
            pct(caution),
            policy.normal.trim()
        ),
        format!(
            "- Caution, {} or less left: {}",
            pct(caution),
            policy.caution.trim()
        ),
        format!(
            "- Exhausted, nothing left: {} (\"If not, they cannot deploy until any errors are \
             resolved\", the essays' \"You Build It SRE Run It\".)",
            policy.exhausted.trim()
        ),
        match b.remaining {
            Some(_) => format!(
                "Budget left: {} (computed at {}): **{tier}**.",
                b.remaining_display, b.now_display
            ),
            // No figure, no tier: never "exhausted" for a budget that
            // could not be computed.
            None => format!(
                "Budget left: not known ({}), so no tier applies yet.",
                b.error
                    .as_deref()
                    .unwrap_or("the budget's inputs are incomplete")
            ),
        },
    ]
}

/// When an incident needs a postmortem, as a share of the budget and its
/// amount (time or bad requests).
fn postmortems(report: &Report, policy: &BudgetPolicy) -> String {
    let b = &report.budget;
    let share = policy.postmortem_share.clamp(0.0, 1.0);
    let amount = match b.mode {
        BudgetMode::Time => format_duration(share * b.budget_seconds),
        BudgetMode::Requests => {
            let n = share * b.allowed_bad;
            let unit = if n == 1.0 {
                " bad request"
            } else {
                " bad requests"
            };
            [crate::display::count(n, 2).as_str(), unit].concat()
        }
    };
    format!(
        "Any incident that spends more than {} of the budget ({amount}) in one window needs a \
         postmortem (SRE Workbook, Appendix B: 20% over four weeks).",
        format_fraction_percent(share),
    )
}

/// Who is on call, and when an SRE team hands the rota back.
fn on_call(report: &Report, policy: &BudgetPolicy) -> Vec<String> {
    let s = &report.support.recommendation;
    vec![
        format!("{} is recommended: {}", s.method_name, s.reason),
        format!(
            "If an SRE team runs the service and it is outside its error budget for {} windows \
             in a row, the SRE team hands the on-call rota back to the delivery team, and the \
             service reverts to You Build It You Run It (the essays, \"You Build It SRE Run It\", \
             step 8).",
            policy.handback_windows.max(1)
        ),
    ]
}

/// The alerts that page or open tickets, and those turned off.
fn alerts(report: &Report) -> Vec<String> {
    let a = &report.alerts;
    let mut lines = vec![format!("{} ({}).", a.policy_name, a.policy_source)];
    for r in &a.rows {
        lines.push(format!(
            "- {}: {} of the budget in {} (short window {}), a burn rate of {}.",
            r.severity_label,
            r.budget_consumed_display,
            r.long_window_display,
            r.short_window_display,
            r.burn_rate_display
        ));
    }
    if !a.off_note.is_empty() {
        lines.push(a.off_note.clone());
    }
    lines
}

impl Document {
    /// The preface (no heading), then each section with its heading.
    fn parts(&self) -> impl Iterator<Item = (Option<&str>, &[String])> {
        std::iter::once((None, self.preface.as_slice())).chain(
            self.sections
                .iter()
                .map(|(heading, paragraphs)| (Some(heading.as_str()), paragraphs.as_slice())),
        )
    }
}

/// `document` as Markdown: `#` title, `##` headings, paragraphs and
/// bullets, the text escaped (`**…**` marks are the document's own), and a
/// paragraph or bullet that would start a block of its own (`#` heading,
/// `>` quote, `-`, `+` or `1.` list, `=` underline) escaped at its start.
pub fn document_markdown(document: &Document) -> String {
    let text =
        |p: &str| markdown_block_start(&markdown_escape(p.trim_start())).replace("\\*\\*", "**");
    let mut out = format!("# {}\n", markdown_escape(&document.title));
    for (heading, paragraphs) in document.parts() {
        match heading {
            Some(heading) => out.push_str(&format!("\n## {}\n\n", markdown_escape(heading))),
            None if paragraphs.is_empty() => continue,
            None => out.push('\n'),
        }
        let mut bullets = false;
        for p in paragraphs {
            match p.strip_prefix("- ") {
                Some(item) => {
                    out.push_str(&format!("- {}\n", text(item)));
                    bullets = true;
                }
                None => {
                    if bullets {
                        out.push('\n');
                        bullets = false;
                    }
                    out.push_str(&format!("{}\n\n", text(p)));
                }
            }
        }
    }
    out
}

/// `document` in Confluence wiki markup: `h1.` and `h2.` headings,
/// paragraphs, `*` bullets, the text escaped (`**…**` becomes `*…*`).
pub fn document_confluence(document: &Document) -> String {
    let text = |p: &str| {
        let parts: Vec<String> = p.split("**").map(confluence_escape).collect();
        parts.join("*")
    };
    let mut out = format!("h1. {}\n", confluence_escape(&document.title));
    for (heading, paragraphs) in document.parts() {
        match heading {
            Some(heading) => out.push_str(&format!("\nh2. {}\n\n", confluence_escape(heading))),
            None if paragraphs.is_empty() => continue,
            None => out.push('\n'),
        }
        for p in paragraphs {
            match p.strip_prefix("- ") {
                Some(item) => out.push_str(&format!("* {}\n", text(item))),
                None => out.push_str(&format!("{}\n\n", text(p))),
            }
        }
    }
    out
}

/// `document` as a printable HTML page of its own, to print or save as PDF: the text escaped (`&`, `<`, `>`, `"`), `**…**` as
/// bold, a print-friendly style, no scripts.
pub fn document_html(document: &Document) -> String {
    let escape = |p: &str| {
        let e = p
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;");
        let mut out = String::with_capacity(e.len());
        for (i, part) in e.split("**").enumerate() {
            if i > 0 {
                out.push_str(if i % 2 == 1 { "<strong>" } else { "</strong>" });
            }
            out.push_str(part);
        }
        if e.split("**").count() % 2 == 0 {
            out.push_str("</strong>");
        }
        out
    };
    let mut out = format!(
        "<!doctype html>\n<html lang=\"en\">\n<meta charset=\"utf-8\">\n<title>{0}</title>\n\
         <style>body{{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;\
         padding:0 1rem;color:#111}}h2{{margin-top:1.5rem}}@media print{{body{{margin:0}}}}</style>\n\
         <h1>{0}</h1>\n",
        escape(&document.title)
    );
    for (heading, paragraphs) in document.parts() {
        if let Some(heading) = heading {
            out.push_str(&format!("<h2>{}</h2>\n", escape(heading)));
        }
        let mut list = false;
        for p in paragraphs {
            match p.strip_prefix("- ") {
                Some(item) => {
                    if !list {
                        out.push_str("<ul>\n");
                        list = true;
                    }
                    out.push_str(&format!("<li>{}</li>\n", escape(item)));
                }
                None => {
                    if list {
                        out.push_str("</ul>\n");
                        list = false;
                    }
                    out.push_str(&format!("<p>{}</p>\n", escape(p)));
                }
            }
        }
        if list {
            out.push_str("</ul>\n");
        }
    }
    out.push_str("<p><small>Generated by Nines.</small></p>\n</html>\n");
    out
}

pub(super) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
