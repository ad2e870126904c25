//! The error budget chapter: the SLO window, how the budget is counted,
//! what is spent so far, and the window's clock.

use nines_core::amount::Rate;
use nines_core::budget::{BadTimeSource, BudgetMode};
use nines_core::clock::{Alignment, DateTime, Utc, UtcOffset, WeekStart};
use nines_core::scenario::Scenario;
use nines_core::window::Period;

/// A change to the error budget chapter.
#[derive(Debug, Clone, PartialEq)]
pub enum BudgetAction {
    /// The SLO window every budget is measured over.
    SloWindow(Period),
    /// How it is counted, traffic, what is spent so far.
    Mode(BudgetMode),
    Traffic(Rate),
    BadEvents(f64),
    BadSeconds(f64),
    /// A time-based budget's bad time: from the incident log or typed.
    BadTimeSource(BadTimeSource),
    Elapsed(f64),
    /// The budget's clock: how the window is placed (switching to pinned
    /// pins the window's current start; to calendar, turns a rolling
    /// length into the nearest calendar period and, in the browser, takes
    /// its UTC offset), a pinned start, a calendar week's first day and
    /// the UTC offset.
    Alignment(Alignment),
    WindowStart(DateTime<Utc>),
    WeekStart(WeekStart),
    UtcOffset(UtcOffset),
}

impl BudgetAction {
    /// Apply the change to the scenario. `start_iso` is where the window
    /// starts now (the report's), which pinning keeps; a calendar placement
    /// changes the SLO window too, so this takes the whole scenario.
    pub fn apply(self, s: &mut Scenario, start_iso: &str) {
        let b = &mut s.budget;
        match self {
            Self::SloWindow(p) => s.slo_window = p,
            Self::Mode(m) => b.mode = m,
            Self::Traffic(r) => b.traffic = r,
            Self::BadEvents(x) => b.bad_events = x,
            Self::BadSeconds(x) => b.bad_seconds = x,
            Self::BadTimeSource(x) => b.bad_time_source = x,
            Self::Elapsed(x) => b.elapsed_seconds = x,
            Self::Alignment(a) => {
                if a == Alignment::Pinned && b.alignment != Alignment::Pinned {
                    if let Ok(start) = nines_core::clock::parse_instant(start_iso) {
                        b.start = start;
                    }
                }
                if a == Alignment::Calendar {
                    s.slo_window = calendar_period_near(s.slo_window);
                    if b.alignment != Alignment::Calendar && b.utc_offset == UtcOffset::UTC {
                        b.utc_offset = super::local_offset();
                    }
                }
                b.alignment = a;
            }
            Self::WindowStart(t) => b.start = t,
            Self::WeekStart(d) => b.week_start = d,
            Self::UtcOffset(o) => b.utc_offset = o,
        }
    }
}

/// The calendar period nearest a window: a calendar period stays, a
/// rolling length becomes the shortest period at least as long (28 or 30
/// days: a month), an hour a day.
fn calendar_period_near(window: Period) -> Period {
    match window {
        Period::Days(n) if n <= 1 => Period::Day,
        Period::Days(n) if n <= 7 => Period::Week,
        Period::Days(n) if n <= 31 => Period::Month,
        Period::Days(n) if n <= 92 => Period::Quarter,
        Period::Days(_) => Period::Year,
        Period::Hour => Period::Day,
        calendar => calendar,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::*;

    #[test]
    fn placing_the_window_keeps_its_figures_where_it_can() {
        // The default story: rolling, 10 days into a 30-day window at
        // 2026-11-11, so the window started on 1 November.
        let pinned =
            State::default().apply(Action::Budget(BudgetAction::Alignment(Alignment::Pinned)));
        assert_eq!(pinned.scenario.budget.alignment, Alignment::Pinned);
        assert_eq!(pinned.report.budget.start_iso, "2026-11-01T00:00:00Z");
        assert_eq!(pinned.report.budget.consumed_display, "40%");
        // A 30-day rolling length becomes a calendar month: November 2026,
        // 30 days, of which 10 have elapsed on the 11th.
        let calendar =
            State::default().apply(Action::Budget(BudgetAction::Alignment(Alignment::Calendar)));
        assert_eq!(calendar.scenario.slo_window, Period::Month);
        assert_eq!(calendar.report.budget.window_seconds, 30.0 * 86_400.0);
        assert_eq!(
            calendar.report.budget.reset_iso.as_deref(),
            Some("2026-12-01T00:00:00Z")
        );
        let later = pinned.apply(Action::Budget(BudgetAction::WindowStart(
            nines_core::clock::parse_instant("2026-11-06").unwrap(),
        )));
        assert_eq!(later.report.budget.elapsed_seconds, 5.0 * 86_400.0);
    }
}
