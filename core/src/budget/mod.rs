//! Error budgets: how much unreliability a target allows, how much of it is
//! spent, how fast it is burning, when it runs out, and whether launches may
//! go ahead.
//!
//! The rules (docs/DOMAIN.md §2.1, §2.2, §2.8; SRE book ch. 3 "Embracing Risk"; SRE Workbook
//! ch. 2 "Implementing SLOs" and ch. 5 "Alerting on SLOs"):
//!
//! * budget fraction = `U = 1 − A`;
//! * time-based budget = `U × window` (computed by
//!   [`crate::downtime::allowed_downtime`], exactly);
//! * request-based budget = `U × requests in the window`: the bad events
//!   allowed ("The error budget gives the number of allowed bad events",
//!   Workbook ch. 5);
//! * consumed = bad / allowed; remaining = 1 − consumed, negative when
//!   overspent;
//! * burn rate = observed error ratio / `U` ("how fast, relative to the SLO,
//!   the service consumes the error budget", Workbook ch. 5). With `e` of
//!   the window's `W` seconds elapsed, the observed error ratio is
//!   bad / total over those `e` seconds, which makes the burn rate
//!   `consumed × W / e` in both modes (the share of the budget spent per
//!   share of the window elapsed). A burn rate of 1 spends the budget
//!   exactly at the end of the window;
//! * time to exhaustion (from now) = remaining × `W` / burn rate, so at a
//!   steady burn the budget runs out `e / consumed` seconds after the
//!   window started: within the window exactly when the burn rate is
//!   above 1;
//! * error-budget policy: the essays' "You Build It SRE Run It" rule, "The
//!   product team can launch new features if the service is within its
//!   error budget. If not, they cannot deploy until any errors are
//!   resolved."
//!
//! Note: the essays' own example says 99.9% "equates to an error budget of
//! 0.01%"; it is 0.1% (`1 − 0.999`). This module does the maths right and
//! a reference test records the slip.
//!
//! One file a job, every public item re-exported here:
//!
//! * `status.rs`: the maths: the [`ErrorBudget`] of a target over a window,
//!   what is spent ([`Spend`]), the [`BudgetStatus`] it leaves (consumed,
//!   burn rate, [`Exhaustion`]) and the report's steps that show them, with
//!   when a deployment freeze lifts;
//! * `policy.rs`: whether launches may go ahead ([`PolicyStatus`]) and the
//!   report's policy, dated when launches are at risk;
//! * `burn_down.rs`: the burn-down chart's points ([`burn_down`]);
//! * `count.rs`: what the window counts in measured (service) time, what is
//!   spent and where it comes from, and the notes on service time and
//!   planned maintenance;
//! * this file: the inputs and the choices they pick from, the
//!   [`BudgetReport`] and [`budget_report`], which counts the window once
//!   and joins the others' steps.

mod burn_down;
mod count;
mod policy;
mod status;

pub use burn_down::*;
pub use policy::*;
pub use status::*;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::amount::{Count, Rate};
use crate::choice::Choice;
use crate::clock::{Alignment, MeasuredTime, UtcOffset, WeekStart, WindowFrame, window_frame};
use crate::display::{ABSENT, format_instant, format_instant_iso};
use crate::duration::format_duration;
use crate::quantity::Availability;
use crate::window::{Convention, Period};

use count::{Counted, add_spent_and_notes, count_window, elapsed_percent, spent_of, spent_source};

/// Whether the budget is counted in time (bad minutes) or in requests (bad
/// events). Serializes as `"time"` / `"requests"`.
///
/// ```
/// use nines_core::budget::BudgetMode;
/// assert_eq!(serde_json::to_string(&BudgetMode::Requests).unwrap(), "\"requests\"");
/// ```
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum BudgetMode {
    /// Bad time: seconds during which the service missed its objective.
    Time,
    /// Bad events out of all requests (the Workbook's good/total SLIs).
    #[default]
    Requests,
}

impl Choice for BudgetMode {
    const OPTIONS: &'static [Self] = &[BudgetMode::Requests, BudgetMode::Time];

    fn choice_id(self) -> &'static str {
        match self {
            BudgetMode::Requests => "requests",
            BudgetMode::Time => "time",
        }
    }

    fn choice_label(self) -> &'static str {
        match self {
            BudgetMode::Requests => "requests (bad events)",
            BudgetMode::Time => "time (bad minutes)",
        }
    }
}

/// Where a time-based budget's bad time comes from: the incident log
/// (default: what happened is the source of truth) or a measured figure
/// typed by the user. Serializes as `"log"` / `"typed"`.
///
/// ```
/// use nines_core::budget::BadTimeSource;
/// use nines_core::choice::Choice;
/// assert_eq!(serde_json::to_string(&BadTimeSource::Log).unwrap(), "\"log\"");
/// assert_eq!(BadTimeSource::from_id("typed"), Some(BadTimeSource::Typed));
/// ```
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum BadTimeSource {
    /// The incidents of the log inside the window so far, each weighted by
    /// the share of users it affected and counted in service time.
    #[default]
    Log,
    /// A measured figure: [`BudgetInput::bad_seconds`].
    Typed,
}

impl Choice for BadTimeSource {
    const OPTIONS: &'static [Self] = &[BadTimeSource::Log, BadTimeSource::Typed];

    fn choice_id(self) -> &'static str {
        match self {
            BadTimeSource::Log => "log",
            BadTimeSource::Typed => "typed",
        }
    }

    fn choice_label(self) -> &'static str {
        match self {
            BadTimeSource::Log => "from the incident log",
            BadTimeSource::Typed => "measured (typed here)",
        }
    }
}

/// 2026-11-11T00:00:00Z: the instant the default story and the examples
/// and tests of this crate are evaluated at (ten days into the default
/// window). The core never reads a clock: the page passes the browser's
/// time and the CLI `--now` or the system clock.
pub const STORY_NOW: DateTime<Utc> = match DateTime::from_timestamp(1_794_355_200, 0) {
    Some(t) => t,
    None => DateTime::UNIX_EPOCH,
};

/// 2026-11-01T00:00:00Z: the default start of the SLO window. A fixed
/// instant, because the core never reads the clock.
fn default_start() -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(2026, 11, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map_or(DateTime::UNIX_EPOCH, |t| t.and_utc())
}

/// The error budget's inputs; the window is the scenario's shared
/// SLO window (`Scenario::slo_window`). The defaults tell a story: a checkout
/// service with 2.6M requests per 30 days (about one a second), ten days
/// into its window, with 520 bad requests so far: 40% of its 99.95% budget
/// spent in a third of the window (burn rate 1.2).
///
/// ```
/// use nines_core::budget::BudgetInput;
/// let b = BudgetInput::default();
/// assert_eq!(b.mode, nines_core::budget::BudgetMode::Requests);
/// assert_eq!(b.traffic.to_string(), "2,600,000 per 30d");
/// assert_eq!(b.start.to_rfc3339(), "2026-11-01T00:00:00+00:00");
/// ```
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Debug)]
#[serde(default)]
pub struct BudgetInput {
    /// Counted in requests (default) or in bad time.
    pub mode: BudgetMode,
    /// Traffic, e.g. `"2.6M per 30d"` or `"1000 rps"` (default 2.6M per 30d).
    pub traffic: Rate,
    /// Bad requests so far (request mode; default 520).
    pub bad_events: f64,
    /// Seconds of bad time so far, measured (time mode, when
    /// [`BudgetInput::bad_time_source`] is [`BadTimeSource::Typed`];
    /// default 0: nothing the user did not type).
    pub bad_seconds: f64,
    /// Where a time-based budget's bad time comes from (default the
    /// incident log).
    pub bad_time_source: BadTimeSource,
    /// Time elapsed since the window started, seconds (default 10 days):
    /// read by a rolling window, whose start is now − elapsed.
    pub elapsed_seconds: f64,
    /// When a pinned window started (default 2026-11-01T00:00:00Z).
    #[serde(deserialize_with = "crate::clock::read_instant")]
    pub start: DateTime<Utc>,
    /// How the window is placed on the calendar (default rolling).
    pub alignment: Alignment,
    /// The first day of a calendar week (default Monday).
    pub week_start: WeekStart,
    /// The UTC offset calendar windows are counted in (default UTC).
    pub utc_offset: UtcOffset,
}

impl BudgetInput {
    /// The window at `now`: `slo_window` placed as [`BudgetInput::alignment`]
    /// says (see [`crate::clock`]).
    ///
    /// ```
    /// use nines_core::budget::{BudgetInput, STORY_NOW};
    /// use nines_core::window::{Convention, Period};
    /// let f = BudgetInput::default().frame(Period::Days(30), Convention::GregorianMean, STORY_NOW);
    /// assert_eq!(f.start.to_rfc3339(), "2026-11-01T00:00:00+00:00");
    /// ```
    pub fn frame(
        &self,
        slo_window: Period,
        convention: Convention,
        now: DateTime<Utc>,
    ) -> WindowFrame {
        window_frame(
            self.alignment,
            slo_window,
            convention,
            self.elapsed_seconds,
            self.start,
            self.week_start,
            self.utc_offset,
            now,
        )
    }
}

impl Default for BudgetInput {
    fn default() -> Self {
        BudgetInput {
            mode: BudgetMode::Requests,
            traffic: Rate::per_days(Count::from_f64(2_600_000.0).unwrap_or(Count::ZERO), 30),
            bad_events: 520.0,
            bad_seconds: 0.0,
            bad_time_source: BadTimeSource::Log,
            elapsed_seconds: 10.0 * 86_400.0,
            start: default_start(),
            alignment: Alignment::Rolling,
            week_start: WeekStart::Monday,
            utc_offset: UtcOffset::UTC,
        }
    }
}

/// The error budget as the page shows it. Numbers are full precision;
/// `*_display` strings are rounded for people (durations to the second,
/// percentages to two decimals).
///
/// ```
/// use nines_core::scenario::{evaluate, Scenario};
/// let b = evaluate(&Scenario::default(), nines_core::budget::STORY_NOW).budget;
/// assert_eq!(b.budget_display, "21m 36s"); // 0.05% of 30 days
/// assert_eq!(b.allowed_bad_display, "1,300");
/// assert_eq!(b.consumed_display, "40%");
/// assert_eq!(b.burn_rate_display, "1.2×");
/// assert_eq!(b.exhaustion_iso.as_deref(), Some("2026-11-26T00:00:00Z"));
/// // 40% spent in a third of the window (burn rate 1.2): it runs out on
/// // day 25, five days before the window ends.
/// assert_eq!(b.policy_label, "Launches at risk");
/// assert!(b.policy_reason.starts_with("At this burn rate the budget runs out on Thu 26 Nov 2026, 00:00 UTC, 5d before the window ends."));
/// ```
#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct BudgetReport {
    /// Time or requests.
    pub mode: BudgetMode,
    /// The SLO window (`"30d"` in JSON).
    pub window: Period,
    /// `30 days`.
    pub window_label: String,
    /// The window with its length and convention when that matters.
    pub window_description: String,
    /// The window, seconds.
    pub window_seconds: f64,
    /// The convention's id.
    pub convention_id: String,
    /// `U`.
    pub budget_fraction: f64,
    /// `0.05%`.
    pub budget_percent: String,
    /// `U × window`, seconds.
    pub budget_seconds: f64,
    /// `21m 36s`.
    pub budget_display: String,
    /// The traffic, canonical (`2,600,000 per 30d`).
    pub traffic: String,
    /// `2.6M per 30d`.
    pub traffic_display: String,
    /// Requests expected in the window (the traffic input's; figures of a
    /// request-based budget only: a time-based one shows none).
    pub requests_in_window: f64,
    /// `2.6M`; empty for a time-based budget, which shows no request
    /// figures.
    pub requests_display: String,
    /// `U × requests`: bad requests allowed (request-based budget only, as
    /// [`BudgetReport::requests_in_window`]).
    pub allowed_bad: f64,
    /// `1,300`; empty for a time-based budget.
    pub allowed_bad_display: String,
    /// The budget in the mode's unit: `1,300 bad requests` or `21m 36s`.
    pub allowed_display: String,
    /// Planned maintenance counted against the budget inside the window's
    /// service time, seconds (0 when excluded or none), by the rule of
    /// [`MeasuredTime`]: the downtime table charges the same.
    pub maintenance_seconds: f64,
    /// Of it, the part so far: spent like any downtime by a time-based
    /// budget (it is in [`BudgetReport::spent`]).
    pub maintenance_spent_seconds: f64,
    /// The time-based budget less that maintenance: the unplanned downtime
    /// the window allows, never negative (the notes say when the
    /// maintenance alone exceeds the budget, and by how much).
    pub unplanned_seconds: f64,
    /// `24m`.
    pub unplanned_display: String,
    /// Spent so far in the mode's unit (bad requests or bad seconds).
    pub spent: f64,
    /// `520 bad requests` or `10m`.
    pub spent_display: String,
    /// Where the spend comes from: `counted from the incident log: …`, `as
    /// measured (typed)`, `bad requests as counted (typed)`.
    pub spent_source: String,
    /// Seconds elapsed.
    pub elapsed_seconds: f64,
    /// `10d`.
    pub elapsed_display: String,
    /// The same in two units, as the page's label reads it
    /// ([`crate::duration::format_duration_short`]): `6d 15h`.
    pub elapsed_short: String,
    /// Share of the window elapsed: `33.33%`.
    pub elapsed_percent: String,
    /// Spent / allowed; `None` when unbounded (a 100% target with failures).
    pub consumed: Option<f64>,
    /// `40%`.
    pub consumed_display: String,
    /// 1 − consumed, negative when overspent.
    pub remaining: Option<f64>,
    /// `60%`.
    pub remaining_display: String,
    /// What is left in the mode's unit: `780 bad requests`, `12m 58s`.
    pub remaining_amount_display: String,
    /// Observed error ratio / `U`.
    pub burn_rate: Option<f64>,
    /// `1.2×`.
    pub burn_rate_display: String,
    /// remaining × window / burn rate, from now.
    pub time_to_exhaustion_seconds: Option<f64>,
    /// `15d`, `never`, `already spent`.
    pub time_to_exhaustion_display: String,
    /// When the budget runs out (state and offset).
    pub exhaustion: Exhaustion,
    /// The instant, ISO 8601 UTC.
    pub exhaustion_iso: Option<String>,
    /// For people: `Thu 26 Nov 2026, 00:00 UTC (within the window)`.
    pub exhaustion_display: String,
    /// Rolling, calendar or pinned.
    pub alignment: Alignment,
    /// The SLO window as the scenario gives it (for a calendar alignment,
    /// its unit: `month`), where `window` is this window's real length.
    pub slo_window: Period,
    /// The UTC offset calendar windows and service hours are read in.
    pub utc_offset: UtcOffset,
    /// How the window follows the clock, for the page and a link opened
    /// later.
    pub time_note: String,
    /// What the window's placement adjusted (see [`WindowFrame::notes`]).
    pub notes: Vec<String>,
    /// The window start, ISO 8601 UTC.
    pub start_iso: String,
    /// `Sun 1 Nov 2026, 00:00 UTC`.
    pub start_display: String,
    /// The instant evaluated at, ISO 8601 UTC.
    pub now_iso: Option<String>,
    /// The instant evaluated at, for people.
    pub now_display: String,
    /// Start + window, ISO 8601 UTC.
    pub window_end_iso: Option<String>,
    /// When a calendar or pinned window resets (its end); `None` for a
    /// rolling window, which never resets.
    pub reset_iso: Option<String>,
    /// The reset for people, or why there is none.
    pub reset_display: String,
    /// When a deployment freeze would lift if no more failures happen
    /// ([`crate::clock::freeze_lifts_after`]); `None` when not frozen.
    pub freeze_lift_iso: Option<String>,
    /// The lift for people, with its rule.
    pub freeze_lift_display: String,
    /// Launches allowed or frozen.
    pub policy: PolicyStatus,
    /// `Launches allowed`.
    pub policy_label: String,
    /// The rule applied, quoting the essays.
    pub policy_reason: String,
    /// Budget remaining across the window, actual then projected.
    pub burn_down: Vec<BurnDownPoint>,
    /// Why the status could not be computed, if so.
    pub error: Option<String>,
}

/// The incident log's bad time in the SLO window so far, as
/// [`crate::incident`] counts it (user-weighted, in service time), and how
/// many logged incidents it comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LoggedBadTime {
    /// User-weighted bad seconds.
    pub seconds: f64,
    /// Logged incidents with some of their time in the window so far.
    pub incidents: usize,
}

/// The budget section's report: the budget of `target` over the window
/// `frame` places on the calendar ([`BudgetInput::frame`]), what `input`
/// says is spent, the burn rate, exhaustion, the dates and the policy.
///
/// Only `measured` time counts (a service is promised in its service hours
/// only, so the time outside them spends nothing): with service hours the
/// budget is `U ×` the service time in the window, the burn rate compares
/// the budget spent with the service time elapsed, and the budget runs out
/// at the instant enough service time has passed. Requests arrive in
/// service time, so the request budget (`U ×` the window's requests) does
/// not change.
///
/// A time-based budget's bad time is `logged` (the incident log's, in the
/// same window and service time) unless the user typed a measured figure
/// ([`BadTimeSource`]); [`BudgetReport::spent_source`] says which.
pub fn budget_report(
    input: &BudgetInput,
    target: Availability,
    frame: &WindowFrame,
    convention: Convention,
    measured: &MeasuredTime,
    logged: LoggedBadTime,
) -> BudgetReport {
    let budget = ErrorBudget::new(target, frame.window, convention);
    let c = count_window(input, &budget, frame, convention, measured, logged.seconds);
    let mut report = first_report(input, target, &budget, frame, convention, &c, logged);
    add_spent_and_notes(&mut report, measured, &c);
    let status = match budget.status_measured(
        c.spend,
        c.measured_elapsed,
        c.measured_window,
        c.budget_seconds,
    ) {
        Ok(status) => status,
        Err(e) => {
            report.error = Some(e.to_string());
            report.policy_label = "Unknown".into();
            report.policy_reason = "The budget status could not be computed.".into();
            return report;
        }
    };
    add_status(&mut report, &status, target, c.allowed);
    let instant = add_exhaustion(&mut report, &status, frame, measured, c.always);
    add_freeze_lift(&mut report, &status, frame, measured, &c);
    add_policy(&mut report, &status, frame, instant);
    report.burn_down = burn_down(&status, BURN_DOWN_POINTS);
    report
}

/// The budget report's second step: the window's figures and dates, the
/// status's figures not yet known.
fn first_report(
    input: &BudgetInput,
    target: Availability,
    budget: &ErrorBudget,
    frame: &WindowFrame,
    convention: Convention,
    c: &Counted,
    logged: LoggedBadTime,
) -> BudgetReport {
    let (mode, window, elapsed) = (input.mode, frame.window, frame.elapsed_seconds);
    let time_based = mode == BudgetMode::Time;
    let unplanned = (c.budget_seconds - c.maintenance).max(0.0);
    let (requests_display, allowed_bad_display) = request_displays(time_based, c);
    BudgetReport {
        mode,
        window,
        window_label: window.name(),
        window_description: window.describe(convention),
        window_seconds: budget.window_seconds(),
        convention_id: convention.id().to_string(),
        budget_fraction: budget.fraction(),
        budget_percent: target.format_unavailability_percent(),
        budget_seconds: c.budget_seconds,
        budget_display: format_duration(c.budget_seconds),
        traffic: input.traffic.to_string(),
        traffic_display: input.traffic.format_compact(),
        requests_in_window: c.requests,
        requests_display,
        allowed_bad: c.allowed_bad,
        allowed_bad_display,
        allowed_display: in_unit(mode, c.allowed),
        maintenance_seconds: c.maintenance,
        maintenance_spent_seconds: c.maintenance_spent,
        unplanned_seconds: unplanned,
        unplanned_display: format_duration(unplanned),
        spent: spent_of(c.spend),
        spent_display: String::new(),
        spent_source: spent_source(input, logged),
        elapsed_seconds: if elapsed.is_finite() && elapsed >= 0.0 {
            elapsed
        } else {
            0.0
        },
        elapsed_display: format_duration(elapsed),
        elapsed_short: crate::duration::format_duration_short(elapsed),
        elapsed_percent: elapsed_percent(c),
        consumed: None,
        consumed_display: ABSENT.into(),
        remaining: None,
        remaining_display: ABSENT.into(),
        remaining_amount_display: ABSENT.into(),
        burn_rate: None,
        burn_rate_display: ABSENT.into(),
        time_to_exhaustion_seconds: None,
        time_to_exhaustion_display: ABSENT.into(),
        exhaustion: Exhaustion::NotStarted,
        exhaustion_iso: None,
        exhaustion_display: ABSENT.into(),
        alignment: frame.alignment,
        slo_window: frame.slo_window,
        utc_offset: input.utc_offset,
        time_note: frame.time_note.clone(),
        notes: frame.notes.clone(),
        start_iso: format_instant_iso(frame.start),
        start_display: format_instant(frame.start),
        now_iso: Some(format_instant_iso(frame.now)),
        now_display: format_instant(frame.now),
        window_end_iso: Some(format_instant_iso(frame.end)),
        reset_iso: (frame.alignment != Alignment::Rolling).then(|| format_instant_iso(frame.end)),
        reset_display: reset_display(frame),
        freeze_lift_iso: None,
        freeze_lift_display: ABSENT.into(),
        policy: PolicyStatus::Frozen,
        policy_label: String::new(),
        policy_reason: String::new(),
        burn_down: Vec::new(),
        error: None,
    }
}

/// The window's requests and the bad requests allowed, for people; none
/// for a time-based budget.
fn request_displays(time_based: bool, c: &Counted) -> (String, String) {
    if time_based {
        return (String::new(), String::new());
    }
    (
        Count::from_f64(c.requests.round())
            .map_or_else(|| format_count(c.requests), |n| n.format_compact()),
        format_count(c.allowed_bad),
    )
}

/// When the window resets, for people: never for a rolling one.
fn reset_display(frame: &WindowFrame) -> String {
    if frame.alignment == Alignment::Rolling {
        [
            "never: the window rolls, each failure leaves it ",
            &frame.window.name(),
            " after it happened",
        ]
        .concat()
    } else {
        format_instant(frame.end)
    }
}

/// A count for display: two decimals at most (two significant digits below
/// 0.005), thousands separators.
fn format_count(x: f64) -> String {
    let mut out = String::with_capacity(24);
    push_count(&mut out, x);
    out
}

/// [`format_count`], appended to `out`.
fn push_count(out: &mut String, x: f64) {
    if !x.is_finite() {
        out.push_str("undefined");
        return;
    }
    let hundredths = (x * 100.0).round();
    let rounded = if hundredths == 0.0 && x != 0.0 {
        // Too small for two decimals (2.6 millionths of a bad request at
        // twelve nines): two significant digits rather than a bare "0".
        let decimals = (1 - x.abs().log10().floor() as i32).clamp(2, 300) as usize;
        format!("{x:.decimals$}").parse().unwrap_or(x)
    } else if hundredths.is_finite() {
        hundredths / 100.0
    } else {
        x.round()
    };
    match Count::from_f64(rounded.abs()) {
        Some(c) => {
            if rounded < 0.0 {
                out.push('-');
            }
            c.push_canonical(out);
        }
        None => {
            use std::fmt::Write;
            let _ = write!(out, "{rounded}");
        }
    }
}

fn in_unit(mode: BudgetMode, x: f64) -> String {
    match mode {
        BudgetMode::Time => format_duration(x),
        BudgetMode::Requests => {
            let noun = if x == 1.0 {
                " bad request"
            } else {
                " bad requests"
            };
            let mut out = String::with_capacity(32);
            push_count(&mut out, x);
            out.push_str(noun);
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The budget section of the default scenario's target, window and
    /// convention (99.95%, 30 days, Gregorian mean).
    pub(super) fn section(input: &BudgetInput) -> BudgetReport {
        let target = Availability::parse("99.95").unwrap();
        let frame = input.frame(Period::Days(30), Convention::GregorianMean, STORY_NOW);
        budget_report(
            input,
            target,
            &frame,
            Convention::GregorianMean,
            &MeasuredTime::ALWAYS,
            LoggedBadTime::default(),
        )
    }

    #[test]
    fn budget_section_default_story() {
        let b = section(&BudgetInput::default());
        // 0.05% of 2.6M requests = 1300; 520 bad = 40% in a third of 30 days.
        assert_eq!(b.allowed_bad, 1_300.0);
        assert_eq!(b.consumed, Some(0.4));
        assert_eq!(b.remaining_display, "60%");
        assert_eq!(b.remaining_amount_display, "780 bad requests");
        assert_eq!(b.burn_rate, Some(1.2));
        // remaining × W / burn = 0.6 × 30 d / 1.2 = 15 days from day 10.
        assert_eq!(b.time_to_exhaustion_display, "15d");
        assert_eq!(
            b.exhaustion_display,
            "Thu 26 Nov 2026, 00:00 UTC (before the window ends)"
        );
        assert_eq!(b.now_iso.as_deref(), Some("2026-11-11T00:00:00Z"));
        assert_eq!(b.window_end_iso.as_deref(), Some("2026-12-01T00:00:00Z"));
        assert_eq!(b.burn_down.len(), 31);
        // The chart's readouts: at day 10 (now) 60% is left; an even burn
        // would leave 1 − 10/30 = 66.67%; after now the line is projected.
        let now = b.burn_down.iter().find(|p| p.seconds == 864_000.0).unwrap();
        assert_eq!(now.readout, "day 10.0: 60% of the budget left");
        assert_eq!(now.ideal_readout, "66.67% left at an even burn");
        let end = b.burn_down.last().unwrap();
        // 1 − 1.2 × 30/30 = −20% at the window's end.
        assert_eq!(end.readout, "day 30.0: -20% of the budget left (projected)");
    }

    #[test]
    fn budget_section_time_mode_and_errors() {
        let mut input = BudgetInput {
            mode: BudgetMode::Time,
            bad_seconds: 1_944.0, // 150% of 21m 36s
            bad_time_source: BadTimeSource::Typed,
            ..BudgetInput::default()
        };
        let b = section(&input);
        assert_eq!(b.spent_display, "32m 24s");
        assert_eq!(b.remaining_display, "-50%");
        assert_eq!(b.policy, PolicyStatus::Frozen);
        assert!(b.policy_reason.contains("cannot deploy"));
        assert!(b.exhaustion_display.starts_with("already spent"));
        input.elapsed_seconds = 40.0 * 86_400.0;
        let b = section(&input);
        assert_eq!(
            b.error.as_deref(),
            Some("the time elapsed is longer than the SLO window")
        );
        assert_eq!(b.consumed_display, "—");
    }

    pub(super) fn budget(target: &str, days: u32) -> ErrorBudget {
        ErrorBudget::new(
            Availability::parse(target).unwrap(),
            Period::Days(days),
            Convention::SreBook,
        )
    }

    /// A 99% time-based budget over a rolling week ending at STORY_NOW (Wed
    /// 11 Nov 2026 00:00 UTC), Mon–Fri 09:00–17:00 with `maintenance`,
    /// `elapsed` seconds of the week elapsed and nothing else spent.
    pub(super) fn office_week(maintenance: &str, elapsed: f64) -> BudgetReport {
        let input = BudgetInput {
            mode: BudgetMode::Time,
            bad_seconds: 0.0,
            bad_time_source: BadTimeSource::Typed,
            elapsed_seconds: elapsed,
            ..BudgetInput::default()
        };
        let measured = MeasuredTime::new(
            "Mon-Fri 09:00-17:00".parse().unwrap(),
            &maintenance.parse().unwrap(),
            UtcOffset::UTC,
            Convention::GregorianMean,
        );
        let frame = input.frame(Period::Week, Convention::GregorianMean, STORY_NOW);
        budget_report(
            &input,
            Availability::parse("99").unwrap(),
            &frame,
            Convention::GregorianMean,
            &measured,
            LoggedBadTime::default(),
        )
    }

    /// A time-based budget shows no request figures (the default
    /// traffic, 2.6M per 30 days, would have given "≈607k" and "6,066.67").
    #[test]
    fn a_time_based_budget_shows_no_request_figures() {
        let b = office_week("none", 7.0 * 86_400.0);
        assert_eq!(b.requests_display, "");
        assert_eq!(b.allowed_bad_display, "");
        let r = section(&BudgetInput::default());
        assert_eq!(r.requests_display, "2.6M");
        assert_eq!(r.allowed_bad_display, "1,300");
    }
}
