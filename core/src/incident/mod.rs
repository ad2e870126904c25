//! Incidents and time to restore.
//!
//! The maths of "The Calculus of Service Availability" (Ben Treynor, Mike
//! Dahlin, Vivek Rau, Betsy Beyer, ACM Queue 15(2), 2017,
//! <https://queue.acm.org/detail.cfm?id=3096459>): the downtime a service
//! expects is
//!
//! ```text
//! expected downtime = frequency × (time to detect + time to recover) × scope
//! ```
//!
//! where scope is the fraction of users an outage affects. The article's three
//! levers follow from it: fewer outages, a smaller blast radius, faster
//! detection and recovery. The classic steady-state availability
//! `A = MTTF / (MTTF + MTTR)` is here too.
//!
//! The incident log (targets are "verified by actual production
//! incidents") holds the incidents that happened, each
//! with its start, duration, share of users and a note; what they achieved
//! over the SLO window and the last year is compared with the target and
//! with the model above, so that optimistic assumptions show.
//!
//! The vocabulary it shares with the other operational chapters (the
//! [`TargetContext`], [`Limit`], [`OpsError`](crate::target::OpsError),
//! checks and clamps) is in [`crate::target`].
//!
//! One file a job, every public item re-exported here:
//!
//! * `model.rs`: the article's formulas (steady state, expected downtime,
//!   the incidents and the time to restore a budget allows) and the
//!   [`IncidentModel`] in force, typed or taken from the log;
//! * `log.rs`: the dated log: [`PastIncident`] and its one-line form, the
//!   rule of which incidents count in a period ([`counts_in`]), the
//!   [`LoggedPeriod`], the sweep that counts a moment once
//!   ([`logged_downtime_seconds`]) and the check for overlaps;
//! * `csv.rs`: a log read from CSV ([`read_incident_csv`]);
//! * `log_report.rs`: what the log achieved in the SLO window, over the
//!   period logged and the last year, set against the model
//!   ([`IncidentLogReport`]);
//! * this file: the inputs and their bound, the report and [`evaluate`],
//!   which reads the inputs once and joins the others.

mod csv;
mod log;
mod log_report;
mod model;

pub use csv::*;
pub use log::*;
pub use log_report::*;
pub use model::*;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::clock::{MeasuredTime, WindowFrame, parse_instant};
use crate::display::{availability, format_fraction_percent, limit_count, limit_duration};
use crate::duration::{MAX_SECONDS, format_duration};
use crate::target::{Limit, TargetContext, checked_ratio, clamp_fraction, clamp_non_negative};

/// The incident model of the service, with defaults for the checkout service
/// of an online shop (annual revenue $20M, target 99.95%).
///
/// Defaults, and the story they tell:
/// * `incidents_per_year: 6.0` — an incident about every two months.
/// * `time_to_detect_seconds: 300.0` — SLO alerts page within 5 minutes.
/// * `time_to_recover_seconds: 1800.0` — 30 minutes from page to restored.
/// * `scope: 0.5` — an incident usually hits half the shoppers (one of two
///   payment providers, or one of two regions).
/// * `history`: the incident log. The last 90 days held a 40-minute full
///   outage on 14 October 2026 and a 20-minute outage for a quarter of
///   shoppers on 5 November 2026 (before the story's now, 11 November).
///
/// ```
/// use nines_core::incident::IncidentInputs;
/// let i: IncidentInputs = serde_json::from_str(r#"{"incidents_per_year": 12}"#).unwrap();
/// assert_eq!(i.incidents_per_year, 12.0);
/// assert_eq!(i.time_to_detect_seconds, 300.0);
/// assert_eq!(i.history[1].to_string(), "2026-11-05T14:00:00Z,20m,25%,card payments failing at one of four providers");
/// ```
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct IncidentInputs {
    /// Expected incidents per year.
    pub incidents_per_year: f64,
    /// Mean time to detect an incident, seconds.
    pub time_to_detect_seconds: f64,
    /// Mean time from detection to restoration, seconds.
    pub time_to_recover_seconds: f64,
    /// Fraction of users an incident affects, `0..=1`.
    pub scope: f64,
    /// The incident log: incidents that happened, for the availability
    /// actually achieved (at most [`crate::bounds::MAX_INCIDENTS`]).
    pub history: Vec<PastIncident>,
    /// When logging began: the period logged runs from it to now (default
    /// `None`: the first logged incident's start).
    #[serde(deserialize_with = "crate::clock::read_optional_instant")]
    pub logged_since: Option<DateTime<Utc>>,
    /// Where the model's rate, time to restore and scope come from
    /// (default typed; [`ModelSource::Log`] takes them from the log).
    pub model_source: ModelSource,
}

/// Where the incident model's rate, time to restore and scope come from.
/// Serializes as `"typed"` / `"log"`.
///
/// ```
/// use nines_core::choice::Choice;
/// use nines_core::incident::ModelSource;
/// assert_eq!(ModelSource::from_id("log"), Some(ModelSource::Log));
/// assert_eq!(serde_json::to_string(&ModelSource::Typed).unwrap(), "\"typed\"");
/// ```
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum ModelSource {
    /// The figures typed in the incident model.
    #[default]
    Typed,
    /// What happened: the log's rate over the period logged, its mean time
    /// to restore and its duration-weighted share of users.
    Log,
}

impl crate::choice::Choice for ModelSource {
    const OPTIONS: &'static [Self] = &[ModelSource::Typed, ModelSource::Log];

    fn choice_id(self) -> &'static str {
        match self {
            ModelSource::Typed => "typed",
            ModelSource::Log => "log",
        }
    }

    fn choice_label(self) -> &'static str {
        match self {
            ModelSource::Typed => "as typed here",
            ModelSource::Log => "from what happened (the incident log)",
        }
    }
}

impl IncidentInputs {
    /// Cuts the incident log to its latest
    /// [`crate::bounds::MAX_INCIDENTS`] incidents (by start; of two that
    /// start together, the one listed first), kept in the log's order, and
    /// says so in `cuts` (every list is bounded, so a hand-made link cannot
    /// stall the page, and a cut is named). The latest, not the first: they
    /// are the ones the SLO window and the last year count.
    ///
    /// ```
    /// use nines_core::incident::{IncidentInputs, PastIncident};
    /// let mut i = IncidentInputs::default();
    /// let old = PastIncident::parse("2020-01-01,1h,100%").unwrap();
    /// i.history = vec![old; 1_000];
    /// i.history.insert(500, PastIncident::parse("2026-11-01,1h,100%,recent").unwrap());
    /// let mut cuts = Vec::new();
    /// i.bound(&mut cuts);
    /// assert_eq!(i.history.len(), 1_000);
    /// assert_eq!(i.history[500].note, "recent");
    /// assert_eq!(cuts[0].to_string(), "The link's incident log had 1,001 incidents; the latest 1,000 are kept (the most Nines holds)");
    /// ```
    pub fn bound(&mut self, cuts: &mut Vec<crate::bounds::Cut>) {
        use crate::bounds::{Cut, List, MAX_INCIDENTS};
        let had = self.history.len();
        if List::Incidents.holds(had) {
            return;
        }
        let keep = latest(&self.history, MAX_INCIDENTS);
        let mut at = 0;
        self.history.retain(|_| {
            at += 1;
            keep[at - 1]
        });
        cuts.push(Cut {
            list: List::Incidents,
            had,
            kept: MAX_INCIDENTS,
        });
    }

    /// Whether the incident log is within its bound.
    pub fn within_bounds(&self) -> bool {
        crate::bounds::List::Incidents.holds(self.history.len())
    }
}

/// An instant of the default story's log.
fn story_instant(text: &str) -> DateTime<Utc> {
    parse_instant(text).unwrap_or(DateTime::UNIX_EPOCH)
}

impl Default for IncidentInputs {
    fn default() -> Self {
        IncidentInputs {
            incidents_per_year: 6.0,
            time_to_detect_seconds: 300.0,
            time_to_recover_seconds: 1800.0,
            scope: 0.5,
            history: vec![
                PastIncident {
                    start: story_instant("2026-10-14T09:00:00Z"),
                    duration_seconds: 2400.0,
                    scope: 1.0,
                    note: "checkout down: expired TLS certificate".into(),
                },
                PastIncident {
                    start: story_instant("2026-11-05T14:00:00Z"),
                    duration_seconds: 1200.0,
                    scope: 0.25,
                    note: "card payments failing at one of four providers".into(),
                },
            ],
            logged_since: None,
            model_source: ModelSource::Typed,
        }
    }
}

/// Every incident figure the UI shows. Durations in seconds, fractions as
/// fractions (format them at the edge).
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct IncidentReport {
    /// Incidents expected in one SLO window (`per year × window / year`).
    pub incidents_per_window: f64,
    /// Time to restore per incident, detect + recover, seconds.
    pub time_to_restore_seconds: f64,
    /// User-weighted downtime of one incident, `(TTD + TTR) × scope`.
    pub downtime_per_incident_seconds: f64,
    /// Expected user-weighted downtime per year.
    pub expected_downtime_per_year_seconds: f64,
    /// Expected user-weighted downtime per SLO window.
    pub expected_downtime_per_window_seconds: f64,
    /// The unavailability the incident model implies (capped at 1).
    pub expected_unavailability: f64,
    /// The availability the incident model implies.
    pub expected_availability: f64,
    /// Error budget per SLO window, seconds.
    pub budget_per_window_seconds: f64,
    /// Error budget per year, seconds.
    pub budget_per_year_seconds: f64,
    /// Expected downtime / budget; `None` when the budget is zero (100%) or
    /// the ratio is beyond `f64`.
    pub expected_budget_consumed: Option<f64>,
    /// Whether the expected downtime fits the budget.
    pub meets_target: bool,
    /// Incidents of this length and scope that fit one window's budget
    /// (fractional).
    pub incidents_fitting_window_budget: Limit,
    /// The same, rounded down to whole incidents.
    pub whole_incidents_fitting_window_budget: Limit,
    /// Incidents of this length and scope that fit one year's budget.
    pub incidents_fitting_year_budget: Limit,
    /// The longest detect + recover per incident that meets the target at
    /// this incident rate and scope.
    pub max_time_to_restore_seconds: Limit,
    /// That bound minus the time to detect: the longest recovery once
    /// paged (0 when detection alone uses it up).
    pub max_time_to_recover_seconds: Limit,
    /// True when the time to detect alone exceeds the longest time to
    /// restore: faster detection is the first lever.
    pub detection_alone_breaks_target: bool,
    /// The model in force (typed or from the log), as every other section
    /// reads it: its rate, time to detect and recover, and scope (clamped).
    pub model: IncidentModel,
    /// The incidents that happened (the log) and what they achieved.
    pub log: IncidentLogReport,
    /// Inputs that were repaired, in words.
    pub notes: Vec<String>,
    /// The figures above as people read them: the page, the CLI and the
    /// library show these, so each is formatted here once.
    pub display: IncidentDisplay,
}

/// The incident figures for people (durations as `1h 45m`, bounds as
/// `unlimited` / `no limit`, shares as percentages).
#[derive(Serialize, Clone, Debug, PartialEq, Default)]
pub struct IncidentDisplay {
    /// User-weighted downtime of one incident.
    pub downtime_per_incident: String,
    /// Expected downtime a year.
    pub expected_downtime_per_year: String,
    /// Expected downtime per SLO window.
    pub expected_downtime_per_window: String,
    /// Error budget per SLO window.
    pub budget_per_window: String,
    /// The availability the incidents imply.
    pub expected_availability: String,
    /// Share of the budget the incidents use (`—` without a budget).
    pub expected_budget_consumed: String,
    /// Incidents that fit a year's budget, one decimal.
    pub incidents_fitting_year_budget: String,
    /// Whole incidents that fit one window's budget.
    pub whole_incidents_fitting_window_budget: String,
    /// The longest time to restore that meets the target.
    pub max_time_to_restore: String,
    /// The longest recovery once paged; when detection alone uses up the
    /// time to restore, says so and names faster detection as the lever.
    pub max_time_to_recover: String,
}

impl IncidentDisplay {
    fn of(r: &IncidentReport, time_to_detect: f64) -> IncidentDisplay {
        let max_time_to_recover = if r.detection_alone_breaks_target {
            format!(
                "none: detection alone ({}) uses up the budget of {} per incident; faster detection is the first lever",
                format_duration(time_to_detect),
                limit_duration(r.max_time_to_restore_seconds),
            )
        } else {
            limit_duration(r.max_time_to_recover_seconds)
        };
        IncidentDisplay {
            downtime_per_incident: format_duration(r.downtime_per_incident_seconds),
            expected_downtime_per_year: format_duration(r.expected_downtime_per_year_seconds),
            expected_downtime_per_window: format_duration(r.expected_downtime_per_window_seconds),
            budget_per_window: format_duration(r.budget_per_window_seconds),
            expected_availability: availability(r.expected_unavailability),
            expected_budget_consumed: r
                .expected_budget_consumed
                .map_or_else(|| "—".into(), format_fraction_percent),
            incidents_fitting_year_budget: limit_count(r.incidents_fitting_year_budget, 1),
            whole_incidents_fitting_window_budget: limit_count(
                r.whole_incidents_fitting_window_budget,
                0,
            ),
            max_time_to_restore: limit_duration(r.max_time_to_restore_seconds),
            max_time_to_recover,
        }
    }
}

/// Evaluates the incident model against a target, and the incident log
/// over the SLO window placed by `frame` (its start to its now) and the
/// period logged, both counted in `measured` time.
///
/// The model's figures are [`IncidentModel::of`] the inputs: typed, or
/// taken from the log. Invalid inputs are repaired by the documented
/// clamping rule (NaN and negatives become 0, fractions are clamped into
/// `0..=1`) and each repair is listed in `notes`; every figure is finite.
///
/// ```
/// use nines_core::budget::{BudgetInput, STORY_NOW};
/// use nines_core::clock::MeasuredTime;
/// use nines_core::incident::{evaluate, IncidentInputs};
/// use nines_core::target::TargetContext;
/// use nines_core::window::{Convention, Period};
/// let frame = BudgetInput::default().frame(Period::Days(30), Convention::GregorianMean, STORY_NOW);
/// let r = evaluate(&IncidentInputs::default(), &TargetContext::default(), &frame, &MeasuredTime::ALWAYS);
/// // 6 × (5 + 30 min) × 0.5 = 105 min a year, within 99.95%'s 4 h 23 m.
/// assert_eq!(r.expected_downtime_per_year_seconds, 6300.0);
/// assert!(r.meets_target);
/// // The log: 20 min for a quarter of users on 5 Nov, in the 10 days so far.
/// assert_eq!(r.log.window.downtime_seconds, 300.0);
/// ```
pub fn evaluate(
    inputs: &IncidentInputs,
    ctx: &TargetContext,
    frame: &WindowFrame,
    measured: &MeasuredTime,
) -> IncidentReport {
    let mut notes = Vec::new();
    let ctx = ctx.sanitised(&mut notes);
    let log: Vec<PastIncident> = inputs
        .history
        .iter()
        .map(|i| PastIncident {
            start: i.start,
            duration_seconds: clamp_non_negative(
                "A logged incident's duration",
                i.duration_seconds,
                &mut notes,
            )
            .min(MAX_SECONDS as f64),
            scope: clamp_fraction("A logged incident's scope", i.scope, &mut notes),
            note: i.note.clone(),
        })
        .collect();
    let period = LoggedPeriod::of(&log, inputs.logged_since, frame.now, ctx.year_seconds);
    let model_in = IncidentModel::over(inputs, &period);
    let per_year = clamp_non_negative(
        "Incidents per year",
        model_in.incidents_per_year,
        &mut notes,
    );
    let ttd = clamp_non_negative(
        "Time to detect",
        model_in.time_to_detect_seconds,
        &mut notes,
    );
    let ttr = clamp_non_negative(
        "Time to recover",
        model_in.time_to_recover_seconds,
        &mut notes,
    );
    let scope = clamp_fraction("Scope", model_in.scope, &mut notes);

    let u = ctx.unavailability;
    let restore = ttd + ttr;
    let per_incident = restore * scope;
    let per_window = per_year * ctx.window_seconds / ctx.year_seconds;
    let downtime_year = per_year * per_incident;
    let downtime_window = per_window * per_incident;
    let budget_window = ctx.budget_per_window_seconds();
    let budget_year = ctx.budget_per_year_seconds();
    let expected_u = (downtime_year / ctx.year_seconds).min(1.0);
    let max_restore = Limit::ratio(budget_year, per_year * scope);
    let (max_recover, detection_breaks) = match max_restore {
        Limit::Unlimited => (Limit::Unlimited, false),
        Limit::AtMost(m) => (Limit::AtMost((m - ttd).max(0.0)), ttd > m),
    };

    let model = Model {
        unavailability: u,
        incidents_per_year: per_year,
        time_to_detect: ttd,
        time_to_recover: ttr,
        from_log: model_in.from_log,
        year_seconds: ctx.year_seconds,
    };
    let log = log_report(&log, frame, &model, &period, measured, &mut notes);

    let mut report = IncidentReport {
        incidents_per_window: per_window,
        time_to_restore_seconds: restore,
        downtime_per_incident_seconds: per_incident,
        expected_downtime_per_year_seconds: downtime_year,
        expected_downtime_per_window_seconds: downtime_window,
        expected_unavailability: expected_u,
        expected_availability: 1.0 - expected_u,
        budget_per_window_seconds: budget_window,
        budget_per_year_seconds: budget_year,
        expected_budget_consumed: checked_ratio(downtime_year, budget_year),
        meets_target: downtime_year <= budget_year * (1.0 + 1e-12),
        incidents_fitting_window_budget: Limit::ratio(budget_window, per_incident),
        whole_incidents_fitting_window_budget: Limit::ratio(budget_window, per_incident).whole(),
        incidents_fitting_year_budget: Limit::ratio(budget_year, per_incident),
        max_time_to_restore_seconds: max_restore,
        max_time_to_recover_seconds: max_recover,
        detection_alone_breaks_target: detection_breaks,
        model: IncidentModel {
            incidents_per_year: per_year,
            time_to_detect_seconds: ttd,
            time_to_recover_seconds: ttr,
            scope,
            ..model_in
        },
        log,
        notes,
        display: IncidentDisplay::default(),
    };
    report.display = IncidentDisplay::of(&report, ttd);
    report
}

/// Which of `log` to keep to hold its latest `k` (`k ≤ log.len()`): the
/// `k` latest starts, the earlier place in the log first among equal
/// starts. Found without sorting (a sort of the indices cost the page's
/// module 4 KB): the latest instant `t` that at least `k` incidents start
/// at or after, by bisection over the starts in nanoseconds (at most about
/// 90 passes over the log, whatever it holds), then every incident after
/// `t` and the first of those at `t`.
fn latest(log: &[PastIncident], k: usize) -> Vec<bool> {
    let nanos = |t: &DateTime<Utc>| {
        i128::from(t.timestamp()) * 1_000_000_000 + i128::from(t.timestamp_subsec_nanos())
    };
    let keys: Vec<i128> = log.iter().map(|i| nanos(&i.start)).collect();
    let at_or_after = |t: i128| keys.iter().filter(|&&x| x >= t).count();
    // The answer lies between the earliest start (every incident counts)
    // and the latest; `lo` always has at least `k`, `hi` fewer.
    let mut lo = keys.iter().copied().min().unwrap_or(0);
    let mut hi = keys.iter().copied().max().unwrap_or(0) + 1;
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if at_or_after(mid) >= k {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let mut room = k - keys.iter().filter(|&&x| x > lo).count();
    keys.iter()
        .map(|&x| {
            let take = x > lo || (x == lo && room > 0);
            if x == lo && take {
                room -= 1;
            }
            take
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::{Alignment, UtcOffset, WeekStart, window_frame};
    use crate::target::DAY_SECONDS;
    use crate::window::{Convention, Period};

    /// The latest `k` of a log, ties kept in log order, as a sort by start
    /// (latest first, then the earlier place) and a cut at `k` gives them.
    /// By hand: starts (days) 5, 1, 5, 3, 5, 2 and k = 3 keep the three
    /// 5s; k = 2 keeps the first two 5s (places 0 and 2); k = 4 adds the 3.
    #[test]
    fn the_latest_of_a_log() {
        let day = |d: u32, note: &str| PastIncident {
            note: note.into(),
            ..PastIncident::parse(&format!("2027-01-{d:02},1h,100%")).unwrap()
        };
        let log: Vec<PastIncident> = [5, 1, 5, 3, 5, 2].iter().map(|&d| day(d, "")).collect();
        let kept = |k| {
            latest(&log, k)
                .iter()
                .enumerate()
                .filter(|(_, t)| **t)
                .map(|(i, _)| i)
                .collect::<Vec<_>>()
        };
        assert_eq!(kept(3), [0, 2, 4]);
        assert_eq!(kept(2), [0, 2]);
        assert_eq!(kept(4), [0, 2, 3, 4]);
        assert_eq!(kept(6), [0, 1, 2, 3, 4, 5]);
        // Against the sort, on logs with many ties and sub-second starts.
        for seed in 1u64..40 {
            let mut x = seed;
            let log: Vec<PastIncident> = (0..200)
                .map(|_| {
                    x = x
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    let mut i = day(1 + (x >> 60) as u32, "");
                    i.start += chrono::Duration::milliseconds(((x >> 40) % 3) as i64 * 250);
                    i
                })
                .collect();
            let k = 1 + (seed as usize * 7) % 200;
            let mut order: Vec<usize> = (0..log.len()).collect();
            order.sort_by(|&a, &b| log[b].start.cmp(&log[a].start).then(a.cmp(&b)));
            let mut want = vec![false; log.len()];
            for &i in &order[..k] {
                want[i] = true;
            }
            assert_eq!(latest(&log, k), want, "seed {seed}");
        }
    }

    pub(super) fn at(text: &str) -> DateTime<Utc> {
        parse_instant(text).unwrap()
    }

    /// A rolling 30-day window (Gregorian mean) `elapsed_days` into it at `now`.
    pub(super) fn frame(now: &str, elapsed_days: f64) -> WindowFrame {
        window_frame(
            Alignment::Rolling,
            Period::Days(30),
            Convention::GregorianMean,
            elapsed_days * DAY_SECONDS,
            at("2000-01-01"),
            WeekStart::Monday,
            UtcOffset::UTC,
            at(now),
        )
    }

    /// The default story at its now, 2026-11-11, ten days into the window.
    pub(super) fn story() -> WindowFrame {
        frame("2026-11-11", 10.0)
    }

    pub(super) fn with_log(log: &[&str]) -> IncidentInputs {
        IncidentInputs {
            history: log
                .iter()
                .map(|l| PastIncident::parse(l).unwrap())
                .collect(),
            ..IncidentInputs::default()
        }
    }

    /// The default story, worked by hand: 6 incidents a year × (5 + 30 min)
    /// × 50% of users = 6 300 s = 1h 45m a year; per 30-day window
    /// 6 300 × 30 / 365.2425 = 517.4 s; 99.95% over 30 days allows
    /// 0.0005 × 2 592 000 = 1 296 s; over a Gregorian year
    /// 0.0005 × 31 556 952 = 15 778.476 s, of which 6 300 s is 39.93%; it
    /// holds 15 778.476 / 1 050 = 15.03 incidents of 17.5 user-weighted
    /// minutes, and allows 15 778.476 / (6 × 0.5) = 5 259.5 s to restore
    /// each; minus 5 min to detect, 4 959.5 s to recover.
    #[test]
    fn the_default_story_for_people() {
        let d = evaluate(
            &IncidentInputs::default(),
            &TargetContext::default(),
            &story(),
            &MeasuredTime::ALWAYS,
        )
        .display;
        assert_eq!(d.downtime_per_incident, "17m 30s");
        assert_eq!(d.expected_downtime_per_year, "1h 45m");
        assert_eq!(d.expected_downtime_per_window, "8m 37s");
        assert_eq!(d.budget_per_window, "21m 36s");
        assert_eq!(d.expected_budget_consumed, "39.93%");
        assert_eq!(d.incidents_fitting_year_budget, "15");
        assert_eq!(d.whole_incidents_fitting_window_budget, "1");
        assert_eq!(d.max_time_to_restore, "1h 27m 39s");
        assert_eq!(d.max_time_to_recover, "1h 22m 39s");
    }

    #[test]
    fn default_story_figures() {
        let r = evaluate(
            &IncidentInputs::default(),
            &TargetContext::default(),
            &story(),
            &MeasuredTime::ALWAYS,
        );
        assert!(r.notes.is_empty(), "{:?}", r.notes);
        // Budget 1296 s per 30 days; one incident costs 2100 × 0.5 = 1050 s.
        assert!((r.budget_per_window_seconds - 1296.0).abs() < 1e-9);
        assert_eq!(r.downtime_per_incident_seconds, 1050.0);
        assert_eq!(r.whole_incidents_fitting_window_budget, Limit::AtMost(1.0));
        // Yearly budget 0.0005 × 31 556 952 = 15 778.476 s over 6 × 0.5.
        let max = r.max_time_to_restore_seconds.value().unwrap();
        assert!((max - 15_778.476 / 3.0).abs() < 1e-6);
    }

    #[test]
    fn hostile_inputs_give_finite_reports() {
        let inputs = IncidentInputs {
            incidents_per_year: f64::NAN,
            time_to_detect_seconds: f64::INFINITY,
            time_to_recover_seconds: -5.0,
            scope: 7.0,
            history: vec![PastIncident {
                start: at("2026-11-05"),
                duration_seconds: f64::INFINITY,
                scope: f64::NAN,
                note: String::new(),
            }],
            ..IncidentInputs::default()
        };
        let ctx = TargetContext {
            unavailability: f64::INFINITY,
            window_seconds: f64::NAN,
            year_seconds: 0.0,
        };
        let r = evaluate(&inputs, &ctx, &story(), &MeasuredTime::ALWAYS);
        assert!(r.expected_downtime_per_year_seconds.is_finite());
        assert!(r.budget_per_year_seconds.is_finite());
        assert!(r.log.window.downtime_seconds.is_finite());
        assert!(!r.notes.is_empty());
        let mut figures = r.clone();
        figures.notes.clear();
        let debug = format!("{figures:?}");
        assert!(!debug.contains("inf") && !debug.contains("NaN"), "{debug}");
    }

    /// Detection alone can break the target, and the output says so. 100
    /// full-scope incidents a year at 99.95% may each
    /// last 0.0005 × 31 556 952 / 100 = 157.78 s (2m 38s); detecting one
    /// takes an hour, so no recovery time is left. Before the fix the page
    /// said "longest recovery once detected 0s".
    #[test]
    fn detection_alone_can_break_the_target() {
        let inputs = IncidentInputs {
            incidents_per_year: 100.0,
            time_to_detect_seconds: 3600.0,
            scope: 1.0,
            ..IncidentInputs::default()
        };
        let r = evaluate(
            &inputs,
            &TargetContext::default(),
            &story(),
            &MeasuredTime::ALWAYS,
        );
        assert!(r.detection_alone_breaks_target);
        assert_eq!(r.max_time_to_recover_seconds, Limit::AtMost(0.0));
        assert!(!r.meets_target);
        assert_eq!(
            r.display.max_time_to_recover,
            "none: detection alone (1h) uses up the budget of 2m 38s per incident; faster detection is the first lever"
        );
    }
}
