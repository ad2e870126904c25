//! The answers card: the verdict in one short sentence, then the five
//! answers a product manager comes for, one line each, each naming the
//! section that works it out. Every figure here is one the report already
//! holds (or, for the next nine, the cost chapter's own step), written
//! short: the sections keep the workings and the exact figures.

use serde::Serialize;

use crate::budget::{Exhaustion, PolicyStatus};
use crate::cost::marginal_table;
use crate::display::{at_nines, availability_near, format_fraction_percent, money_short_in};
use crate::quantity::Availability;
use crate::scenario::Report;

/// One answer: the question it answers, the answer, and the anchor of the
/// section that works it out.
#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct Answer {
    /// The section's anchor: `budget`, `support`.
    pub section: &'static str,
    /// The question, as a label: `Launches`.
    pub question: &'static str,
    /// The answer in one line.
    pub text: String,
}

/// The verdict and the five answers.
#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct Answers {
    /// Whether the target is achievable with what is expected to fail.
    pub achievable: bool,
    /// One short sentence: achievable or not, against the expected
    /// availability.
    pub verdict: String,
    /// What you can promise, launches and budget, who runs it, the next
    /// nine, the first thing to fix: in that order.
    pub lines: Vec<Answer>,
}

/// The answers of `report`, evaluated at `target`.
///
/// ```
/// use nines_core::answers::answers;
/// use nines_core::scenario::{evaluate, Scenario};
/// let s = Scenario::default();
/// let a = answers(&evaluate(&s, nines_core::budget::STORY_NOW), &s.target);
/// assert_eq!(a.lines.len(), 5);
/// assert!(a.verdict.starts_with("Not achievable"));
/// ```
pub fn answers(report: &Report, target: &Availability) -> Answers {
    let spend = &report.spend;
    let achievable = spend.fits == Some(true);
    let t = target.format_percent();
    let expected = availability_near(spend.expected_unavailability, target.unavailability());
    let verdict = if spend.expected_unavailability <= 0.0 {
        format!(
            "Achievable as far as entered: nothing entered is expected to spend the {t} target's budget."
        )
    } else if achievable {
        format!("Achievable: expected availability {expected}, against the {t} target.")
    } else {
        format!("Not achievable: expected availability {expected}, below the {t} target.")
    };
    Answers {
        achievable,
        verdict,
        lines: vec![
            Answer {
                section: "target",
                question: "You can promise",
                text: promise(report, target),
            },
            Answer {
                section: "budget",
                question: "Launches",
                text: launches(report),
            },
            Answer {
                section: "support",
                question: "Who runs it",
                text: runs_it(report),
            },
            Answer {
                section: "cost",
                question: "The next nine",
                text: next_nine(report),
            },
            Answer {
                section: largest(report).map_or("incidents", |l| l.section),
                question: "Fix first",
                text: fix_first(report),
            },
        ],
    }
}

fn promise(report: &Report, target: &Availability) -> String {
    let spend = &report.spend;
    match &spend.most_promisable {
        None => format!(
            "{}: nothing entered is expected to fail.",
            target.format_percent()
        ),
        Some(p) if p == target => format!(
            "{}, the target: it covers what is expected to fail.",
            spend.most_promisable_display
        ),
        Some(p) if p.unavailability() < target.unavailability() => format!(
            "up to {}: more than the {} target.",
            spend.most_promisable_display,
            target.format_percent()
        ),
        Some(_) => format!(
            "at most {}: the most whose budget covers what is expected to fail.",
            spend.most_promisable_display
        ),
    }
}

fn launches(report: &Report) -> String {
    let b = &report.budget;
    if b.error.is_some() {
        return "not worked out: the budget's inputs need fixing.".into();
    }
    match b.policy {
        PolicyStatus::LaunchesAllowed => match b.exhaustion {
            Exhaustion::At { .. } => format!(
                "may go ahead: {} of the budget left; at this rate it runs out {}.",
                b.remaining_display, b.exhaustion_display
            ),
            _ => format!("may go ahead: {} of the budget left.", b.remaining_display),
        },
        PolicyStatus::AtRisk => format!(
            "at risk: {} of the budget left; at this rate it runs out {}.",
            b.remaining_display, b.exhaustion_display
        ),
        PolicyStatus::Frozen => format!(
            "frozen: the budget is spent ({} left).",
            b.remaining_display
        ),
    }
}

fn runs_it(report: &Report) -> String {
    let s = &report.support;
    let mut out = format!(
        "{}, {} of on-call a year.",
        s.recommendation.method_name,
        money_short_in(s.recommended_on_call_cost_per_year, s.currency)
    );
    if s.cheapest_fitting.is_none() {
        out.push_str(" No method's downtime fits the budget.");
    }
    out
}

fn next_nine(report: &Report) -> String {
    let c = &report.cost;
    let Some(n) = c.target_nines else {
        return "none: 100% is the most there is.".into();
    };
    let Some(step) = marginal_table(&c.model, &[n, n + 1.0]).pop() else {
        return "not worked out.".into();
    };
    if step.extra_engineering_cost_per_year == 0.0 && step.revenue_protected_per_year == 0.0 {
        return format!(
            "{}: enter the revenue and the engineering cost to price it.",
            at_nines(n + 1.0)
        );
    }
    let verdict = if step.worth_it {
        "worth it"
    } else {
        "not worth it on revenue"
    };
    format!(
        "{} costs {} more a year and protects {} of revenue: {verdict}.",
        at_nines(n + 1.0),
        money_short_in(step.extra_engineering_cost_per_year, c.currency),
        money_short_in(step.revenue_protected_per_year, c.currency),
    )
}

/// One source of the budget's expected spending: its name, the section
/// that works it out, its share of the budget.
struct Spender {
    name: &'static str,
    section: &'static str,
    share: f64,
    /// The incidents: their answer is a time to restore.
    incidents: bool,
}

/// What spends the most of the budget: the dependencies, the incidents or
/// the failed deployments.
fn largest(report: &Report) -> Option<Spender> {
    let s = &report.spend;
    [
        ("the dependencies", "dependencies", s.dependencies, false),
        ("the incidents", "incidents", s.incidents, true),
        ("failed deployments", "incidents", s.releases, false),
    ]
    .into_iter()
    .filter_map(|(name, section, x, incidents)| {
        x.filter(|x| *x > 0.0).map(|share| Spender {
            name,
            section,
            share,
            incidents,
        })
    })
    .max_by(|a, b| a.share.total_cmp(&b.share))
}

fn fix_first(report: &Report) -> String {
    match largest(report) {
        None => "nothing entered spends the budget.".into(),
        Some(Spender {
            name,
            share,
            incidents,
            ..
        }) => {
            let mut out = format!("{name}, {} of the budget", format_fraction_percent(share));
            if incidents {
                out.push_str(&format!(
                    ": restore within {} each",
                    report.spend.max_time_to_restore_display
                ));
            }
            out.push('.');
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Scenario, evaluate};

    fn lines(s: &Scenario) -> Answers {
        answers(&evaluate(s, crate::budget::STORY_NOW), &s.target)
    }

    /// The default story at 99.95%, worked by hand.
    #[test]
    fn the_default_story() {
        let a = lines(&Scenario::default());
        // The dependencies, incidents and failed deployments leave
        // 99.92743…%: two decimals, as the target has, tell it from 99.95%.
        assert_eq!(
            a.verdict,
            "Not achievable: expected availability ≈99.93%, below the 99.95% target."
        );
        assert!(!a.achievable);
        let sections: Vec<&str> = a.lines.iter().map(|l| l.section).collect();
        assert_eq!(
            sections,
            ["target", "budget", "support", "cost", "incidents"]
        );
        // 99.95% is log10(2000) = 3.30103 nines; the next nine is 4.30103,
        // 99.995%. Engineering: $20k × 10^(n − 3), so $40k → $400k, $360k
        // more. Revenue at risk: $20M × 80% × unavailability, 0.05% →
        // 0.005%: $8,000 → $800, $7,200 protected. Not worth it.
        assert_eq!(
            a.lines[3].text,
            "99.995% costs $360k more a year and protects $7.2k of revenue: not worth it on revenue."
        );
        // Failed deployments spend the most (74.4%, the Incidents
        // section's figure), so they are the first thing to fix, there.
        assert_eq!(a.lines[4].text, "failed deployments, 74.4% of the budget.");
        // 520 of 1,300 bad requests spent: 60% left; the budget runs
        // out before the window ends, so launches are at risk.
        assert!(
            a.lines[1]
                .text
                .starts_with("at risk: 60% of the budget left;"),
            "{}",
            a.lines[1].text
        );
    }

    /// A blank scenario: nothing is expected to fail, nothing is priced.
    #[test]
    fn a_blank_scenario() {
        let a = lines(&Scenario::blank());
        assert!(a.verdict.starts_with("Achievable as far as entered"));
        assert_eq!(
            a.lines[0].text,
            "99.95%: nothing entered is expected to fail."
        );
        assert_eq!(a.lines[1].text, "may go ahead: 100% of the budget left.");
        assert_eq!(
            a.lines[3].text,
            "99.995%: enter the revenue and the engineering cost to price it."
        );
        assert_eq!(a.lines[4].text, "nothing entered spends the budget.");
    }

    /// An achievable target: 99% with the default story's failures
    /// (≈99.93% expected) is met, and 99.9% is the most promisable.
    #[test]
    fn an_achievable_target() {
        let s = Scenario {
            target: "99%".parse().unwrap(),
            ..Scenario::default()
        };
        let a = lines(&s);
        assert!(a.achievable);
        assert!(
            a.verdict
                .starts_with("Achievable: expected availability ≈99.9"),
            "{}",
            a.verdict
        );
        assert_eq!(a.lines[0].text, "up to 99.9%: more than the 99% target.");
    }
}
