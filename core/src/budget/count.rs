//! What the budget's window counts: its measured (service) time and the
//! part elapsed, the requests and the budget in them, what is spent and
//! where it comes from, and the notes on service time and planned
//! maintenance.

use crate::clock::{MeasuredTime, WindowFrame};
use crate::display::{ABSENT, format_fraction_percent};
use crate::duration::format_duration;
use crate::window::Convention;

use super::{
    BadTimeSource, BudgetInput, BudgetMode, BudgetReport, ErrorBudget, LoggedBadTime, Spend,
    in_unit,
};

/// What the window counts, in measured (service) time.
pub(super) struct Counted {
    /// Every second is measured (24/7, no maintenance).
    pub(super) always: bool,
    /// The window's measured seconds.
    pub(super) measured_window: f64,
    /// The measured seconds elapsed so far.
    pub(super) measured_elapsed: f64,
    /// The window's requests.
    pub(super) requests: f64,
    /// The bad requests the budget allows.
    pub(super) allowed_bad: f64,
    /// Counted maintenance inside the window's service time, seconds.
    pub(super) maintenance: f64,
    /// Of which spent so far.
    pub(super) maintenance_spent: f64,
    /// What is spent, in the budget's unit.
    pub(super) spend: Spend,
    /// The budget in seconds of measured time.
    pub(super) budget_seconds: f64,
    /// The budget in the budget's unit (seconds or bad requests).
    pub(super) allowed: f64,
}

/// The budget report's first step: what the window measures, allows and
/// has spent (`logged_seconds`, the incident log's bad time).
pub(super) fn count_window(
    input: &BudgetInput,
    budget: &ErrorBudget,
    frame: &WindowFrame,
    convention: Convention,
    measured: &MeasuredTime,
    logged_seconds: f64,
) -> Counted {
    let always = measured.is_always();
    let (measured_window, measured_elapsed) = if always {
        (budget.window_seconds(), frame.elapsed_seconds)
    } else {
        (
            measured.between(frame.start, frame.end),
            measured.between(frame.start, frame.now),
        )
    };
    let requests = input.traffic.count_in_period(frame.window, convention);
    let allowed_bad = budget.allowed_bad(requests).unwrap_or(0.0);
    // Counted maintenance inside the service time (MeasuredTime's rule, as
    // the downtime table's): downtime, spent as it happens.
    let maintenance = measured.counted_between(frame.start, frame.end);
    let maintenance_spent = measured.counted_between(frame.start, frame.now.min(frame.end));
    let spend = match input.mode {
        BudgetMode::Time => Spend::BadSeconds(
            match input.bad_time_source {
                BadTimeSource::Log => logged_seconds,
                BadTimeSource::Typed => input.bad_seconds,
            } + maintenance_spent,
        ),
        BudgetMode::Requests => Spend::BadRequests {
            bad: input.bad_events,
            requests_in_window: requests,
        },
    };
    let budget_seconds = if always {
        budget.seconds()
    } else {
        // U × the service seconds, exactly as U × a count is.
        budget.allowed_bad(measured_window).unwrap_or(0.0)
    };
    Counted {
        always,
        measured_window,
        measured_elapsed,
        requests,
        allowed_bad,
        maintenance,
        maintenance_spent,
        spend,
        budget_seconds,
        allowed: match input.mode {
            BudgetMode::Time => budget_seconds,
            BudgetMode::Requests => allowed_bad,
        },
    }
}

/// The share of the window's measured time elapsed, for people.
pub(super) fn elapsed_percent(c: &Counted) -> String {
    if c.measured_window > 0.0 {
        format_fraction_percent(c.measured_elapsed / c.measured_window)
    } else {
        ABSENT.into()
    }
}

/// What is spent, as the report shows it: invalid inputs are reported in
/// `error`, so nothing is shown spent (and never a negative zero).
pub(super) fn spent_of(spend: Spend) -> f64 {
    match spend {
        Spend::BadSeconds(x) | Spend::BadRequests { bad: x, .. } => {
            if x.is_finite() && x > 0.0 {
                x
            } else {
                0.0
            }
        }
    }
}

/// [`BudgetReport::spent_source`].
pub(super) fn spent_source(input: &BudgetInput, logged: LoggedBadTime) -> String {
    match (input.mode, input.bad_time_source) {
        (BudgetMode::Requests, _) => "as counted (typed here)".into(),
        (BudgetMode::Time, BadTimeSource::Typed) => {
            "as measured (typed here; the incident log is not counted)".into()
        }
        (BudgetMode::Time, BadTimeSource::Log) => match logged.incidents {
            0 => "from the incident log: no logged incident falls in the window so far".into(),
            n => format!(
                "from the incident log: {n} logged incident{} in the window so far, each weighted by the share of users it affected",
                if n == 1 { "" } else { "s" }
            ),
        },
    }
}

/// The budget report's third step: what is spent, for people, and the
/// notes on service time and planned maintenance.
pub(super) fn add_spent_and_notes(report: &mut BudgetReport, measured: &MeasuredTime, c: &Counted) {
    let time_based = report.mode == BudgetMode::Time;
    report.spent_display = in_unit(report.mode, report.spent);
    if time_based && c.maintenance_spent > 0.0 {
        report.spent_source.push_str("; plus ");
        report
            .spent_source
            .push_str(&format_duration(c.maintenance_spent));
        report
            .spent_source
            .push_str(" of planned maintenance counted against the budget");
    }
    let service_note = measured.describe();
    if !service_note.is_empty() {
        report.notes.push(service_note);
    }
    report.notes.extend(measured.nothing_measured_note());
    if c.maintenance > 0.0 {
        let note = maintenance_note(report, time_based, c.budget_seconds);
        report.notes.push(note);
    }
}

/// The note of maintenance counted against the budget: how much falls in
/// the window's service time and what it leaves (the downtime table's
/// rule: the budget less the maintenance, never below zero).
fn maintenance_note(report: &BudgetReport, time_based: bool, budget_seconds: f64) -> String {
    let inside = format_duration(report.maintenance_seconds);
    if !time_based {
        return [
            "Planned maintenance is counted against the budget: the requests that fail in its ",
            &inside,
            " inside this window's service time are bad requests like any other; count them \
             among the bad requests.",
        ]
        .concat();
    }
    let mut note = [
        "Planned maintenance is counted against the budget: ",
        &inside,
        " of it falls inside this window's service time (",
        &format_duration(report.maintenance_spent_seconds),
        " so far, spent like any downtime), so the unplanned downtime allowed is ",
        &report.budget_display,
        " less it",
    ]
    .concat();
    let excess = report.maintenance_seconds - budget_seconds;
    if excess > 0.0 {
        note.push_str(": none, the maintenance alone exceeds the budget by ");
        note.push_str(&format_duration(excess));
        note.push('.');
    } else {
        note.push_str(": ");
        note.push_str(&report.unplanned_display);
        note.push('.');
    }
    note
}

#[cfg(test)]
mod tests {
    use super::super::tests::office_week;
    use super::super::{PolicyStatus, STORY_NOW, budget_report};
    use super::*;
    use crate::clock::UtcOffset;
    use crate::quantity::Availability;
    use crate::window::Period;

    /// With service hours only service time counts. Worked by
    /// hand: 99.9% over a 7-day window of Mon–Fri 09:00–17:00 allows
    /// 0.001 × 40 h = 2m 24s. Rolling, 2 days elapsed at Wed 11 Nov 2026
    /// 00:00 UTC: the window started Mon 9 Nov 00:00 and has measured
    /// Monday and Tuesday, 16 h (40% of 40 h). 1m 12s of bad time is 50%
    /// of the budget: burn rate 0.5 / 0.4 = 1.25×. At that rate the budget
    /// lasts 16 h / 0.5 = 32 h of service from the start: Monday to
    /// Thursday, 8 h a day, so Thu 12 Nov 17:00, 3d 7h before the window
    /// ends (Mon 16 Nov 00:00); 0.5 × 40 h / 1.25 = 16 h of service time
    /// from now.
    #[test]
    fn budget_counts_service_time_only() {
        let input = BudgetInput {
            mode: BudgetMode::Time,
            bad_seconds: 72.0,
            bad_time_source: BadTimeSource::Typed,
            elapsed_seconds: 2.0 * 86_400.0,
            ..BudgetInput::default()
        };
        let target = Availability::parse("99.9").unwrap();
        let report = |offset: i32| {
            let measured = MeasuredTime::new(
                "Mon-Fri 09:00-17:00".parse().unwrap(),
                &crate::window::PlannedMaintenance::default(),
                UtcOffset::from_minutes(offset).unwrap(),
                Convention::GregorianMean,
            );
            let frame = input.frame(Period::Week, Convention::GregorianMean, STORY_NOW);
            budget_report(
                &input,
                target,
                &frame,
                Convention::GregorianMean,
                &measured,
                LoggedBadTime::default(),
            )
        };
        let b = report(0);
        assert_eq!(b.budget_seconds, 144.0);
        assert_eq!(b.budget_display, "2m 24s");
        assert_eq!(b.elapsed_percent, "40%");
        assert_eq!(b.consumed_display, "50%");
        assert_eq!(b.burn_rate_display, "1.25×");
        assert_eq!(b.exhaustion_iso.as_deref(), Some("2026-11-12T17:00:00Z"));
        assert_eq!(b.time_to_exhaustion_display, "16h of service time");
        assert_eq!(b.policy, PolicyStatus::AtRisk);
        assert!(
            b.policy_reason.starts_with(
                "At this burn rate the budget runs out on Thu 12 Nov 2026, 17:00 UTC, 3d 7h \
                 before the window ends."
            ),
            "{}",
            b.policy_reason
        );
        assert!(b.notes.iter().any(|n| n.starts_with(
            "Counted in service time only: Mon-Fri 09:00-17:00 (UTC), 40 hours a week."
        )));
        // The same hours in UTC+01:00 are 08:00-16:00 UTC: Monday and
        // Tuesday still measured 16 h, and it runs out an hour earlier.
        let paris = report(60);
        assert_eq!(paris.burn_rate_display, "1.25×");
        assert_eq!(
            paris.exhaustion_iso.as_deref(),
            Some("2026-11-12T16:00:00Z")
        );
        // 24/7: 0.001 × 7 d = 10m 4.8s, and the plain figures.
        let frame = input.frame(Period::Week, Convention::GregorianMean, STORY_NOW);
        let plain = budget_report(
            &input,
            target,
            &frame,
            Convention::GregorianMean,
            &MeasuredTime::ALWAYS,
            LoggedBadTime::default(),
        );
        assert_eq!(plain.budget_seconds, 604.8);
        assert!(plain.notes.is_empty());
    }

    /// The budget reads
    /// maintenance as the downtime table does. 1% of 40 h = 1,440 s with
    /// Sunday night maintenance (outside the hours), excluded or counted;
    /// 1% of 39 h = 1,404 s with Wed 16:00–18:00 excluded (one hour
    /// inside). Counted, that hour is spent like downtime: over the week
    /// from Wed 4 Nov 00:00 (Wed 4 Nov 16:00–17:00 is in it) 3,600 s are
    /// spent of 1,440 s, 250%, and the maintenance alone exceeds the budget
    /// by 3,600 − 1,440 = 2,160 s = 36m.
    #[test]
    fn counted_maintenance_is_spent_as_the_table_charges_it() {
        let week = 7.0 * 86_400.0;
        for text in ["Sun 02:00-04:00 excluded", "Sun 02:00-04:00 counted"] {
            let b = office_week(text, week);
            assert_eq!(b.budget_seconds, 1_440.0, "{text}");
            assert_eq!(b.spent, 0.0, "{text}");
            assert_eq!(b.maintenance_seconds, 0.0, "{text}");
        }
        assert_eq!(
            office_week("Wed 16:00-18:00 excluded", week).budget_seconds,
            1_404.0
        );
        let b = office_week("Wed 16:00-18:00 counted", week);
        assert_eq!(b.budget_seconds, 1_440.0);
        assert_eq!(b.maintenance_seconds, 3_600.0);
        assert_eq!(b.spent, 3_600.0);
        assert_eq!(b.consumed_display, "250%");
        assert_eq!(b.unplanned_seconds, 0.0);
        assert_eq!(b.policy, PolicyStatus::Frozen);
        assert!(
            b.spent_source
                .ends_with("; plus 1h of planned maintenance counted against the budget"),
            "{}",
            b.spent_source
        );
        assert!(
            b.notes.iter().any(|n| n.ends_with(
                "the unplanned downtime allowed is 24m less it: none, the maintenance alone \
                 exceeds the budget by 36m."
            )),
            "{:?}",
            b.notes
        );
        // Wed 16:45–17:15 puts 15 min inside: 1,440 − 900 = 540 s = 9m
        // unplanned. Two days in (from Mon 9 Nov 00:00 to Wed 11 Nov 00:00)
        // none of it has happened yet: nothing spent.
        let b = office_week("Wed 16:45-17:15 counted", 2.0 * 86_400.0);
        assert_eq!(b.maintenance_seconds, 900.0);
        assert_eq!(b.maintenance_spent_seconds, 0.0);
        assert_eq!(b.spent, 0.0);
        assert_eq!(b.unplanned_display, "9m");
        assert!(
            b.notes.iter().any(|n| n.ends_with("is 24m less it: 9m.")),
            "{:?}",
            b.notes
        );
    }

    /// Nothing left to measure is said, and no percentage of an
    /// empty window is printed.
    #[test]
    fn an_empty_window_says_so() {
        let b = office_week("Mon-Fri 08:00-18:00 excluded", 7.0 * 86_400.0);
        assert_eq!(b.budget_seconds, 0.0);
        assert_eq!(b.elapsed_percent, ABSENT);
        assert!(
            b.notes
                .iter()
                .any(|n| n.starts_with("Nothing is left to measure")),
            "{:?}",
            b.notes
        );
        assert!(
            !office_week("none", 86_400.0)
                .notes
                .iter()
                .any(|n| n.starts_with("Nothing"))
        );
    }
}
