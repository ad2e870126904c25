//! The scenario's answer in one line, written at the top of every export
//! that can be read apart from the page.

use super::*;
use crate::display::format_fraction_percent;
use crate::scenario::Report;

/// The scenario's answer when its target is not achievable, one line for
/// the top of every export: what
/// the dependencies, incidents and failed deployments are expected to
/// spend of the target's budget ([`crate::scenario::SpendReport::total`],
/// written by [`format_fraction_percent`] as the verdict writes it), that
/// the target freezes releases, and the most that can be promised
/// ([`crate::scenario::SpendReport::most_promisable_display`]). A 100%
/// target has no budget to spend: with anything expected to fail it is not
/// achievable either, said with the availability expected. `None` when the
/// target is achievable, or when the spend could not be worked out.
///
/// Worked by hand for the default story (the verdict's figures): the
/// dependencies spend 30.8% of the 99.95% budget, the incidents 39.93% and
/// the failed deployments 74.4%, 145.13% together; they leave ≈0.0726% of
/// the time unavailable, and the next budget up on the 1-2-5 series is
/// 0.1%: 99.9%.
///
/// ```
/// use nines_core::export::not_achievable;
/// use nines_core::scenario::{evaluate, Scenario};
/// let r = evaluate(&Scenario::default(), nines_core::budget::STORY_NOW);
/// assert_eq!(
///     not_achievable(&r).unwrap(),
///     "Not achievable: expected to spend 145.13% of the 99.95% budget (dependencies, \
///      incidents and failed deployments); this target freezes releases. The most you can \
///      promise is 99.9%."
/// );
/// let s: Scenario = serde_json::from_str(r#"{"target": "99.9%"}"#).unwrap();
/// assert_eq!(not_achievable(&evaluate(&s, nines_core::budget::STORY_NOW)), None);
/// ```
pub fn not_achievable(report: &Report) -> Option<String> {
    answer(report)
        .filter(|(achievable, _)| !achievable)
        .map(|(_, line)| line)
}

/// What the dependencies, incidents and failed deployments spend, as named
/// in the answer.
pub(super) const SPENT_BY: &str = "(dependencies, incidents and failed deployments)";

/// The answer as `(achievable, line)`: [`not_achievable`]'s line, or
/// `Achievable: expected to spend 72.57% of the 99.9% budget (…).`; `None`
/// when the spend is not known.
pub(super) fn answer(report: &Report) -> Option<(bool, String)> {
    let s = &report.spend;
    let t = &report.target.availability_percent;
    let mut line = match (s.total, s.fits) {
        (Some(total), Some(true)) => {
            let spend = format_fraction_percent(total);
            return Some((
                true,
                format!("Achievable: expected to spend {spend} of the {t} budget {SPENT_BY}."),
            ));
        }
        (Some(total), Some(false)) => format!(
            "Not achievable: expected to spend {} of the {t} budget {SPENT_BY}; this target \
             freezes releases.",
            format_fraction_percent(total)
        ),
        _ if report.target.unavailability <= 0.0 && s.expected_unavailability > 0.0 => format!(
            "Not achievable: a {t} target allows no downtime, and the dependencies, incidents and \
             failed deployments are expected to bring availability to {}; this target freezes \
             releases.",
            s.expected_availability_display
        ),
        _ => return None,
    };
    if s.most_promisable.is_some() {
        line.push_str(" The most you can promise is ");
        line.push_str(&s.most_promisable_display);
        line.push('.');
    }
    Some((false, line))
}

/// [`not_achievable`] as the first line of a YAML file (a `#` comment on
/// one line), or nothing.
pub(super) fn answer_comment(report: &Report) -> String {
    not_achievable(report)
        .map(|line| ["# ", &one_line(&line), "\n"].concat())
        .unwrap_or_default()
}

/// Where the SLO window stands on the calendar, in words for text read
/// later (a document, a table): the report's own
/// [`crate::budget::BudgetReport::time_note`] is written for the page (how
/// the window follows the reader's clock when a link is opened) and is not
/// copied. A rolling window is the same rule at any instant; a calendar or
/// pinned one is placed by its dates.
///
/// ```text
/// The window rolls: at any instant it is the last 30 days.
/// The window is the calendar month in UTC+01:00; these figures are for the one from Sat 31 Oct 2026, 23:00 UTC to Mon 30 Nov 2026, 23:00 UTC (30 days).
/// The window is pinned: 30 days from Thu 5 Nov 2026, 00:00 UTC to Sat 5 Dec 2026, 00:00 UTC.
/// ```
pub(super) fn window_placement(b: &crate::budget::BudgetReport) -> String {
    use crate::clock::Alignment;
    match b.alignment {
        Alignment::Rolling => [
            "The window rolls: at any instant it is the last ",
            &b.window_label,
            ".",
        ]
        .concat(),
        Alignment::Calendar => format!(
            "The window is the calendar {} in {}; these figures are for the one from {} to {} ({}).",
            b.slo_window.name(),
            b.utc_offset.label(),
            b.start_display,
            b.reset_display,
            b.window_label
        ),
        Alignment::Pinned => format!(
            "The window is pinned: {} from {} to {}.",
            b.window_label, b.start_display, b.reset_display
        ),
    }
}
