//! The SLO window on the calendar: where a window starts and
//! ends relative to *now*, which the caller passes in (the core never reads
//! a clock: the page passes the browser's time, the CLI `--now` or the
//! system clock), and instants as people type them.
//!
//! Three alignments, as SLO tools name them (OpenSLO `timeWindow`:
//! `isRolling: true` or a `calendar` with a start time and a time zone):
//!
//! * **rolling**: the window is the last `W` up to now; the inputs say how
//!   much of it has been measured (`elapsed`), so start = now − elapsed. A
//!   link opened later stays relative to the reader's now.
//! * **calendar**: this day / week / month / quarter / year in a fixed UTC
//!   offset, the week starting on a chosen day; the window is the calendar
//!   period's real length (November: 30 days, a leap-year February: 29),
//!   elapsed = now − start. A link opened later follows the reader's
//!   calendar.
//! * **pinned**: the window starts at a given instant and lasts `W`; a link
//!   opened later keeps that start.
//!
//! Time zones are fixed UTC offsets (`+01:00`), not named zones: a named
//! zone needs the tz database, about 100 KB in the page. A calendar window
//! across a daylight-saving change is therefore off by that hour; the
//! report says which offset it used.
//!
//! One file a job: instants and offsets as people type them (`instant.rs`),
//! the window's place at a given now (`frame.rs`), and the time the budget's
//! clock runs over ([`MeasuredTime`], `measured.rs`).

mod frame;
mod instant;
mod measured;

pub use frame::*;
pub use instant::*;
pub use measured::*;

/// The instant type of every date here (chrono's), for callers that do not
/// depend on chrono themselves.
pub use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::choice::Choice;

/// How the SLO window is placed on the calendar.
///
/// ```
/// use nines_core::choice::Choice;
/// use nines_core::clock::Alignment;
/// assert_eq!(Alignment::from_id("calendar"), Some(Alignment::Calendar));
/// assert_eq!(Alignment::ids(), "rolling, calendar, pinned");
/// ```
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Alignment {
    /// The last `W` up to now (start = now − elapsed).
    #[default]
    Rolling,
    /// This calendar day, week, month, quarter or year.
    Calendar,
    /// From a fixed start, for `W`.
    Pinned,
}

impl Choice for Alignment {
    const OPTIONS: &'static [Self] = &[Alignment::Rolling, Alignment::Calendar, Alignment::Pinned];

    fn choice_id(self) -> &'static str {
        match self {
            Alignment::Rolling => "rolling",
            Alignment::Calendar => "calendar",
            Alignment::Pinned => "pinned",
        }
    }

    fn choice_label(self) -> &'static str {
        match self {
            Alignment::Rolling => "rolling (the last window up to now)",
            Alignment::Calendar => "calendar (this week, month, quarter or year)",
            Alignment::Pinned => "pinned (from a fixed start date)",
        }
    }
}

/// The first day of a calendar week.
///
/// ```
/// use nines_core::choice::Choice;
/// use nines_core::clock::WeekStart;
/// assert_eq!(WeekStart::from_id("sunday"), Some(WeekStart::Sunday));
/// ```
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug, Default)]
#[serde(rename_all = "kebab-case")]
pub enum WeekStart {
    /// ISO 8601's first day.
    #[default]
    Monday,
    /// The first day in the Americas and much of Asia.
    Sunday,
    /// The first day in much of the Middle East.
    Saturday,
}

impl WeekStart {
    fn weekday(self) -> chrono::Weekday {
        match self {
            WeekStart::Monday => chrono::Weekday::Mon,
            WeekStart::Sunday => chrono::Weekday::Sun,
            WeekStart::Saturday => chrono::Weekday::Sat,
        }
    }
}

impl Choice for WeekStart {
    const OPTIONS: &'static [Self] = &[WeekStart::Monday, WeekStart::Sunday, WeekStart::Saturday];

    fn choice_id(self) -> &'static str {
        match self {
            WeekStart::Monday => "monday",
            WeekStart::Sunday => "sunday",
            WeekStart::Saturday => "saturday",
        }
    }

    fn choice_label(self) -> &'static str {
        match self {
            WeekStart::Monday => "Monday",
            WeekStart::Sunday => "Sunday",
            WeekStart::Saturday => "Saturday",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn at(s: &str) -> DateTime<Utc> {
        parse_instant(s).unwrap()
    }
}
