//! What the incident log achieved: its rows, the availability of the SLO
//! window so far, of the period logged and of the last year, counted in
//! service time, and how it compares with the model's assumptions.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{LoggedPeriod, PastIncident, counts_in, logged_downtime_seconds, seconds_between};
use super::{overlapping_pairs, spans_in, swept};
use crate::clock::{Instant, MeasuredTime, WindowFrame};
use crate::display::{
    ABSENT, availability, count as count_text, format_fraction_percent, format_instant,
};
use crate::duration::format_duration;
use crate::target::{DAY_SECONDS, checked_ratio};

/// What the incident log achieved, and how it compares with the model (so
/// a product manager sees when the assumptions are optimistic).
///
/// Counting rule: an incident counts for the part of it inside each period
/// (the SLO window so far, the period logged, the last year), weighted by
/// the share of users it affected, a moment once: when incidents overlap,
/// the share at that moment is the sum of their scopes, at most 100%
/// ([`logged_downtime_seconds`]; overlaps are noted). One still going on at
/// now counts up to now; one dated after now counts nowhere (and is
/// noted). The incidents a period counts (its rate) are those with some of
/// them in it ([`counts_in`]), the same whose time its downtime counts.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct IncidentLogReport {
    /// One row per logged incident, in the log's order.
    pub rows: Vec<LoggedIncident>,
    /// Over the SLO window, from its start to now (to its end when it has
    /// ended).
    pub window: Achieved,
    /// Over the period logged ([`LoggedPeriod`]), up to now: what the page
    /// and the exports show.
    pub period: Achieved,
    /// Over the last year of the scenario's convention, up to now, a time
    /// without logged incidents counted as up: for scripts that read it
    /// (the CLI's `achieved_availability_last_year`); it overstates
    /// availability when the log covers less than the year, which is why
    /// people are shown [`IncidentLogReport::period`].
    pub year: Achieved,
    /// The window's user-weighted downtime over the window's whole budget
    /// (`U × window`, both in service time); `None` for a 100% target.
    /// A time-based error budget counted from the log spends exactly this.
    pub window_budget_spent: Option<f64>,
    /// Logged incidents that count in the window so far ([`counts_in`]:
    /// some of each falls in it, the incidents its downtime counts).
    pub incidents_in_window: usize,
    /// Incidents that count in the period logged ([`counts_in`]).
    pub incidents_logged: usize,
    /// Incidents that count in the last year ([`counts_in`]; see
    /// [`IncidentLogReport::year`]): the same incidents whose time its
    /// downtime counts.
    pub incidents_last_year: usize,
    /// Their rate a year (over the period logged's length).
    pub logged_per_year: Option<f64>,
    /// Their mean duration (start to restoration), seconds; `None` without
    /// any.
    pub mean_time_to_restore_seconds: Option<f64>,
    /// The model's rate, incidents a year.
    pub model_incidents_per_year: f64,
    /// The model's time to restore, detect + recover, seconds.
    pub model_time_to_restore_seconds: f64,
    /// True when the log shows more incidents a year, or a longer mean time
    /// to restore, than the model assumes.
    pub assumptions_optimistic: bool,
    /// The figures for people.
    pub display: IncidentLogDisplay,
}

/// One logged incident, as the table shows it.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct LoggedIncident {
    /// When it started.
    pub start: Instant,
    /// How long it lasted, seconds.
    pub duration_seconds: f64,
    /// The share of users it affected.
    pub scope: f64,
    /// The note.
    pub note: String,
    /// The incident as one line, `WHEN,DURATION,SCOPE[,NOTE]`.
    pub line: String,
    /// The seconds of it inside the SLO window so far.
    pub in_window_seconds: f64,
    /// Duration (`40m`), share of users (`25%`), and how much of it the
    /// window holds (`all`, `12m of 40m`, `no`).
    pub display: LoggedIncidentDisplay,
}

/// [`LoggedIncident`] for people.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct LoggedIncidentDisplay {
    /// `40m`.
    pub duration: String,
    /// `25%`.
    pub scope: String,
    /// `all`, `12m of 40m` or `no`.
    pub in_window: String,
}

/// The availability a log achieved over one period.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Achieved {
    /// The period's start.
    pub from: Instant,
    /// Its end (now).
    pub to: Instant,
    /// Its length, seconds.
    pub seconds: f64,
    /// The user-weighted downtime logged in it, seconds.
    pub downtime_seconds: f64,
    /// Downtime over length, capped at 1; `None` when nothing of the period
    /// has elapsed.
    pub unavailability: Option<f64>,
    /// `1 − unavailability`.
    pub availability: Option<f64>,
    /// Whether it meets the target.
    pub meets_target: Option<bool>,
    /// The figures for people.
    pub display: AchievedDisplay,
}

/// [`Achieved`] for people.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct AchievedDisplay {
    /// `99.9653%`, or `—` when nothing has elapsed.
    pub availability: String,
    /// The same to the digits that tell it from the target
    /// ([`crate::display::availability_near`]), as the page shows it.
    pub availability_short: String,
    /// Which period, with its dates and its length:
    /// `the SLO window so far: Sun 1 Nov 2026, 00:00 UTC to Wed 11 Nov 2026, 00:00 UTC (10d of 30 days)`.
    pub period: String,
    /// `meets the 99.95% target`, `misses the 99.95% target`.
    pub verdict: String,
    /// The user-weighted downtime, `5m`.
    pub downtime: String,
}

/// The log's comparisons for people.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct IncidentLogDisplay {
    /// `23.15% of the 30 days window's budget (5m of 21m 36s)`.
    pub window_budget_spent: String,
    /// `2 incidents logged in the last year; the model assumes 6 a year`.
    pub rate: String,
    /// `30m mean time to restore logged; the model assumes 35m (5m to detect + 30m to recover)`.
    pub time_to_restore: String,
    /// A sentence when the model's assumptions look optimistic.
    pub optimistic: Option<String>,
    /// How incidents are counted.
    pub counting_rule: String,
}

/// The counting rule, as the page and the exports state it.
pub const COUNTING_RULE: &str = "Each incident counts for the part of it inside the period \
     (the SLO window so far, the period logged) and inside the service hours, weighted by the \
     share of users it affected; a moment counts once: when incidents overlap, the share of \
     users then is the sum of theirs, at most 100%. One still going on counts up to now, one \
     dated after now is not counted. A period's incidents, and its rate, are those with some \
     of their time in it. The period logged runs from \"Logged since\" (else the first \
     incident) to now.";

/// The model's side of the comparison with the log.
pub(super) struct Model {
    pub(super) unavailability: f64,
    pub(super) incidents_per_year: f64,
    pub(super) time_to_detect: f64,
    pub(super) time_to_recover: f64,
    pub(super) from_log: bool,
    pub(super) year_seconds: f64,
}

/// The user-weighted downtime of `log` in `[from, to]` counted in
/// `measured` time only, by the rule of [`logged_downtime_seconds`]: the
/// period is cut where an incident starts or ends into pieces of constant
/// share of users (the scopes going on, capped at 100%), and each piece
/// counts its share times its measured seconds (inside the service hours,
/// less excluded maintenance).
fn measured_downtime_seconds(
    log: &[PastIncident],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    measured: &MeasuredTime,
) -> f64 {
    if measured.is_always() {
        return logged_downtime_seconds(log, from, to);
    }
    // The same sweep in seconds after `from`, each constant-share piece
    // weighed by the service time it holds.
    let at = |x: f64| crate::clock::after(from, x).unwrap_or(to);
    let spans = spans_in(log, from, seconds_between(from, to));
    swept(&spans, &|a, b| measured.between(at(a), at(b)))
}

/// What the period `[from, to]` achieved, its `label` naming it, counted
/// in `measured` time.
fn achieved(
    log: &[PastIncident],
    (from, to): (DateTime<Utc>, DateTime<Utc>),
    label: String,
    unavailability: f64,
    measured: &MeasuredTime,
) -> Achieved {
    let downtime = measured_downtime_seconds(log, from, to, measured).min(f64::MAX);
    let length = measured.between(from, to);
    let u = (length > 0.0).then(|| (downtime / length).min(1.0));
    let meets = u.map(|a| a <= unavailability * (1.0 + 1e-12));
    let target = availability(unavailability);
    let verdict = match meets {
        Some(true) => format!("meets the {target} target"),
        Some(false) => format!("misses the {target} target"),
        None => "nothing of it has elapsed yet".to_owned(),
    };
    Achieved {
        from: Instant::of(from),
        to: Instant::of(to),
        seconds: seconds_between(from, to).max(0.0),
        downtime_seconds: downtime,
        unavailability: u,
        availability: u.map(|u| 1.0 - u),
        meets_target: meets,
        display: AchievedDisplay {
            availability: u.map_or_else(|| ABSENT.to_owned(), availability),
            availability_short: u.map_or_else(
                || ABSENT.to_owned(),
                |u| crate::display::availability_near(u, unavailability),
            ),
            period: format!(
                "{label}: {} to {}",
                format_instant(from),
                format_instant(to)
            ),
            verdict,
            downtime: format_duration(downtime),
        },
    }
}

/// One row of the log's table.
fn logged_row(i: &PastIncident, frame: &WindowFrame, window_to: DateTime<Utc>) -> LoggedIncident {
    let whole = [PastIncident {
        scope: 1.0,
        ..i.clone()
    }];
    let in_window = logged_downtime_seconds(&whole, frame.start, window_to);
    let duration = format_duration(i.duration_seconds);
    let in_window_text = if in_window <= 0.0 {
        "no".to_owned()
    } else if in_window >= i.duration_seconds {
        "all".to_owned()
    } else {
        format!("{} of {duration}", format_duration(in_window))
    };
    LoggedIncident {
        start: Instant::of(i.start),
        duration_seconds: i.duration_seconds,
        scope: i.scope,
        note: i.note.clone(),
        line: i.to_string(),
        in_window_seconds: in_window,
        display: LoggedIncidentDisplay {
            duration,
            scope: format_fraction_percent(i.scope),
            in_window: in_window_text,
        },
    }
}

/// The log's report: its rows, what it achieved in the window and over the
/// period logged, and how it compares with the model.
pub(super) fn log_report(
    log: &[PastIncident],
    frame: &WindowFrame,
    model: &Model,
    period: &LoggedPeriod,
    measured: &MeasuredTime,
    notes: &mut Vec<String>,
) -> IncidentLogReport {
    let now = frame.now;
    let window_to = frame.end.min(now).max(frame.start);
    let [window, logged, year] = achieved_periods(log, frame, model, period, measured);
    // One rule for every count: an incident counts in a period when some
    // of it falls in it (the incidents whose time its downtime counts).
    let year_from = year_start(now, model);
    let incidents_last_year = log.iter().filter(|i| counts_in(i, year_from, now)).count();
    let rows: Vec<LoggedIncident> = log
        .iter()
        .map(|i| logged_row(i, frame, window_to))
        .collect();
    let incidents_in_window = log
        .iter()
        .filter(|i| counts_in(i, frame.start, window_to.min(now)))
        .count();
    overlap_and_future_notes(log, now, notes);

    let mean_restore = period.mean_restore_seconds;
    let model_restore = model.time_to_detect + model.time_to_recover;
    let more_incidents = period
        .per_year
        .is_some_and(|y| y > model.incidents_per_year * (1.0 + 1e-9));
    let longer_restore = mean_restore.is_some_and(|m| m > model_restore * (1.0 + 1e-9));
    let budget = model.unavailability * measured.between(frame.start, frame.end);
    let spent = checked_ratio(window.downtime_seconds, budget);
    let window_budget_spent = budget_spent_text(spent, window.downtime_seconds, budget, frame);
    IncidentLogReport {
        rows,
        window,
        period: logged,
        year,
        incidents_last_year,
        window_budget_spent: spent,
        incidents_in_window,
        incidents_logged: period.incidents,
        logged_per_year: period.per_year,
        mean_time_to_restore_seconds: mean_restore,
        model_incidents_per_year: model.incidents_per_year,
        model_time_to_restore_seconds: model_restore,
        assumptions_optimistic: more_incidents || longer_restore,
        display: IncidentLogDisplay {
            window_budget_spent,
            rate: format!(
                "{}; {} {} a year",
                period.rate_text(),
                assumed(model),
                count_text(model.incidents_per_year, 2)
            ),
            time_to_restore: restore_text(model, mean_restore),
            optimistic: optimistic_text(model, period, more_incidents, longer_restore),
            counting_rule: COUNTING_RULE.to_owned(),
        },
    }
}

/// The year before `now`, as the model's convention counts it.
fn year_start(now: DateTime<Utc>, model: &Model) -> DateTime<Utc> {
    now.checked_sub_signed(chrono::Duration::milliseconds(
        (model.year_seconds * 1000.0) as i64,
    ))
    .unwrap_or(DateTime::<Utc>::MIN_UTC)
}

/// The log report's first step: what the log achieved in the SLO window so
/// far, over the period logged and over the last year.
fn achieved_periods(
    log: &[PastIncident],
    frame: &WindowFrame,
    model: &Model,
    period: &LoggedPeriod,
    measured: &MeasuredTime,
) -> [Achieved; 3] {
    let now = frame.now;
    let window_to = frame.end.min(now).max(frame.start);
    let window = achieved(
        log,
        (frame.start, window_to),
        format!(
            "the SLO window so far ({} of {})",
            format_duration(seconds_between(frame.start, window_to).max(0.0)),
            frame.window.name()
        ),
        model.unavailability,
        measured,
    );
    let logged = achieved(
        log,
        (period.from, now),
        format!(
            "the period logged ({})",
            format_duration(seconds_between(period.from, now).max(0.0))
        ),
        model.unavailability,
        measured,
    );
    let year = achieved(
        log,
        (year_start(now, model), now),
        format!("the last year ({} days)", model.year_seconds / DAY_SECONDS),
        model.unavailability,
        measured,
    );
    [window, logged, year]
}

/// The log report's notes: logged incidents that overlap in time, and
/// those that start after now (not counted).
fn overlap_and_future_notes(log: &[PastIncident], now: DateTime<Utc>, notes: &mut Vec<String>) {
    let (pairs, first) = overlapping_pairs(log, now, 3);
    if pairs > 0 {
        let mut named: Vec<String> = first
            .iter()
            .map(|&(a, b)| format!("{} and {}", format_instant(a), format_instant(b)))
            .collect();
        if pairs > first.len() {
            named.push(format!(
                "{} more",
                count_text((pairs - first.len()) as f64, 0)
            ));
        }
        notes.push(format!(
            "{} of logged incidents {} in time (starting {}): a moment is counted once, \
             at the sum of the shares of users of the incidents going on then, at most 100%.",
            if pairs == 1 {
                "1 pair".to_owned()
            } else {
                format!("{} pairs", count_text(pairs as f64, 0))
            },
            if pairs == 1 { "overlaps" } else { "overlap" },
            named.join("; "),
        ));
    }
    let after_now = log.iter().filter(|i| i.start > now).count();
    if after_now > 0 {
        notes.push(format!(
            "{after_now} logged incident{} after now ({}) and {} not counted.",
            if after_now == 1 { " starts" } else { "s start" },
            format_instant(now),
            if after_now == 1 { "is" } else { "are" },
        ));
    }
}

/// The share of the window's budget the log spent (`spent` of `budget`,
/// `downtime`), for people.
fn budget_spent_text(
    spent: Option<f64>,
    downtime: f64,
    budget: f64,
    frame: &WindowFrame,
) -> String {
    match spent {
        Some(s) => format!(
            "{} of the budget of the {} window ({} of {})",
            format_fraction_percent(s),
            frame.window.name(),
            format_duration(downtime),
            format_duration(budget)
        ),
        None => "no budget to spend: a 100% target allows no downtime at all".to_owned(),
    }
}

/// How the model's figures are named: taken from the log, or assumed.
fn assumed(model: &Model) -> &'static str {
    if model.from_log {
        "the model uses"
    } else {
        "the model assumes"
    }
}

/// The mean time to restore logged against the model's, for people.
fn restore_text(model: &Model, mean_restore: Option<f64>) -> String {
    let model_restore_text = format!(
        "{} ({} to detect + {} to recover)",
        format_duration(model.time_to_detect + model.time_to_recover),
        format_duration(model.time_to_detect),
        format_duration(model.time_to_recover)
    );
    match mean_restore {
        Some(m) => format!(
            "{} mean time to restore logged; {} {model_restore_text}",
            format_duration(m),
            assumed(model)
        ),
        None => format!(
            "no incident logged in the period; the model assumes {model_restore_text} to restore"
        ),
    }
}

/// Whether the log says the model's assumptions are optimistic, and why.
fn optimistic_text(
    model: &Model,
    period: &LoggedPeriod,
    more_incidents: bool,
    longer_restore: bool,
) -> Option<String> {
    let model_restore = model.time_to_detect + model.time_to_recover;
    let mut reasons = Vec::new();
    if more_incidents {
        reasons.push(format!(
            "the log shows {} against the {} a year it assumes",
            period.rate_text(),
            count_text(model.incidents_per_year, 2)
        ));
    }
    if let (true, Some(m)) = (longer_restore, period.mean_restore_seconds) {
        reasons.push(format!(
            "a mean time to restore of {} against its {}",
            format_duration(m),
            format_duration(model_restore)
        ));
    }
    (!reasons.is_empty()).then(|| {
        format!(
            "The model's assumptions look optimistic: {}. Its expected downtime is likely too low; take the model from what happened, or set the incident rate and times above to it.",
            reasons.join(", and ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::{at, frame, story, with_log};
    use super::super::{IncidentInputs, ModelSource, evaluate};
    use super::*;
    use crate::clock::UtcOffset;
    use crate::target::TargetContext;
    use crate::window::Convention;

    /// The default log at 2026-11-11, worked by hand. The window so far is
    /// 1 Nov – 11 Nov (864 000 s): only the 5 November incident is in it,
    /// 1 200 s × 0.25 = 300 s, so 1 − 300 / 864 000 = 99.965277…%
    /// (shown ≈99.96528%, the core's rounding of long decimals), within 99.95%; of the window's budget
    /// 0.0005 × 2 592 000 = 1 296 s it spends 300 / 1 296 = 23.15%. The
    /// mean time to restore is (40 + 20) / 2 = 30 min against the model's
    /// 5 + 30 = 35 min.
    #[test]
    fn the_default_log_worked_by_hand() {
        let r = evaluate(
            &IncidentInputs::default(),
            &TargetContext::default(),
            &story(),
            &MeasuredTime::ALWAYS,
        );
        assert!(r.notes.is_empty(), "{:?}", r.notes);
        let log = &r.log;
        assert_eq!(log.window.seconds, 864_000.0);
        assert_eq!(log.window.downtime_seconds, 300.0);
        assert_eq!(log.window.unavailability, Some(300.0 / 864_000.0));
        assert_eq!(log.window.display.availability, "≈99.96528%");
        assert_eq!(log.window.display.verdict, "meets the 99.95% target");
        assert_eq!(
            log.window.display.period,
            "the SLO window so far (10d of 30 days): Sun 1 Nov 2026, 00:00 UTC to Wed 11 Nov 2026, 00:00 UTC"
        );
        assert_eq!(log.window_budget_spent, Some(300.0 / 1296.0));
        assert_eq!(
            log.display.window_budget_spent,
            "23.15% of the budget of the 30 days window (5m of 21m 36s)"
        );
        // The period logged: from the first incident (14 Oct 09:00) to now
        // (11 Nov 00:00), 27d 15h = 2 386 800 s, holds both: 2 700 s,
        // 1 − 2 700 / 2 386 800 = 99.886878…%, a miss; two incidents in it
        // are 2 × 31 556 952 / 2 386 800 = 26.44 a year against the
        // model's 6: optimistic.
        assert_eq!(log.period.downtime_seconds, 2700.0);
        assert_eq!(log.period.seconds, 2_386_800.0);
        assert_eq!(log.period.unavailability, Some(2700.0 / 2_386_800.0));
        assert_eq!(
            log.period.display.period,
            "the period logged (27d 15h): Wed 14 Oct 2026, 09:00 UTC to Wed 11 Nov 2026, 00:00 UTC"
        );
        assert_eq!(log.period.meets_target, Some(false));
        assert_eq!(log.incidents_logged, 2);
        assert_eq!(log.mean_time_to_restore_seconds, Some(1800.0));
        assert_eq!(
            log.display.rate,
            "2 incidents logged in 27d 15h (26.44 a year); the model assumes 6 a year"
        );
        assert_eq!(
            log.display.time_to_restore,
            "30m mean time to restore logged; the model assumes 35m (5m to detect + 30m to recover)"
        );
        assert!(log.assumptions_optimistic);
        let rows: Vec<_> = log
            .rows
            .iter()
            .map(|r| r.display.in_window.as_str())
            .collect();
        assert_eq!(rows, ["no", "all"]);
        assert_eq!(log.rows[0].start.iso, "2026-10-14T09:00:00Z");
    }

    /// The incident log's reference vector, by hand: a 30-minute full
    /// outage and a 2-hour outage for 25% of users in a (fully elapsed)
    /// 30-day window:
    /// (1 800 + 7 200 × 0.25) / 2 592 000 = 3 600 / 2 592 000 = 0.13888…%
    /// unavailable, 99.86111…% achieved (shown ≈99.8611%), which misses
    /// 99.95%; it spends 3 600 / 1 296 = 277.78% of the window's budget.
    #[test]
    fn a_full_window_with_two_outages() {
        let inputs = with_log(&[
            "2026-11-03T10:00:00Z,30m,100%",
            "2026-11-20T08:00:00Z,2h,25%,one region",
        ]);
        let r = evaluate(
            &inputs,
            &TargetContext::default(),
            &frame("2026-12-01", 30.0),
            &MeasuredTime::ALWAYS,
        );
        let w = &r.log.window;
        assert_eq!(w.seconds, 2_592_000.0);
        assert_eq!(w.downtime_seconds, 3600.0);
        assert_eq!(w.unavailability, Some(3600.0 / 2_592_000.0));
        assert!((w.availability.unwrap() - 0.998_611_111_111_111).abs() < 1e-15);
        assert_eq!(w.display.availability, "≈99.8611%");
        assert_eq!(w.meets_target, Some(false));
        assert_eq!(w.display.verdict, "misses the 99.95% target");
        assert_eq!(
            r.log.display.window_budget_spent,
            "277.78% of the budget of the 30 days window (1h of 21m 36s)"
        );
    }

    /// An incident crossing the window's start counts only its part inside:
    /// a 2-hour full outage from 31 Oct 23:00 leaves 1 hour in a window
    /// that starts on 1 Nov 00:00, so 3 600 s in the window; the year
    /// counts all 7 200 s.
    #[test]
    fn an_incident_across_the_window_start_counts_its_part_inside() {
        let inputs = with_log(&["2026-10-31T23:00:00Z,2h,100%"]);
        let r = evaluate(
            &inputs,
            &TargetContext::default(),
            &story(),
            &MeasuredTime::ALWAYS,
        );
        assert_eq!(r.log.window.downtime_seconds, 3600.0);
        assert_eq!(r.log.period.downtime_seconds, 7200.0);
        assert_eq!(r.log.rows[0].display.in_window, "1h of 2h");
        // One still going on at now counts up to now; one after now nowhere.
        let inputs = with_log(&["2026-11-10T23:00:00Z,3h,50%", "2026-11-12,1h,100%"]);
        let r = evaluate(
            &inputs,
            &TargetContext::default(),
            &story(),
            &MeasuredTime::ALWAYS,
        );
        assert_eq!(r.log.window.downtime_seconds, 1800.0);
        assert_eq!(
            r.notes,
            ["1 logged incident starts after now (Wed 11 Nov 2026, 00:00 UTC) and is not counted."]
        );
    }

    /// Optimistic assumptions: 8 incidents logged from 15 Jan to 15 Aug 2026
    /// and now 11 Nov 2026: the period logged is 15 Jan 12:00 to 11 Nov
    /// 00:00, 299d 12h = 25 876 800 s, so 8 × 31 556 952 / 25 876 800 =
    /// 9.76 a year against the model's 6, with a mean of 45 min to restore
    /// against its 35 min.
    #[test]
    fn the_log_says_when_the_model_is_optimistic() {
        let log: Vec<String> = (1..=8)
            .map(|m| format!("2026-{m:02}-15T12:00:00Z,45m,50%"))
            .collect();
        let log: Vec<&str> = log.iter().map(String::as_str).collect();
        let r = evaluate(
            &with_log(&log),
            &TargetContext::default(),
            &story(),
            &MeasuredTime::ALWAYS,
        );
        assert_eq!(r.log.incidents_logged, 8);
        assert_eq!(r.log.period.seconds, 25_876_800.0);
        assert_eq!(r.log.mean_time_to_restore_seconds, Some(2700.0));
        assert!(r.log.assumptions_optimistic);
        assert_eq!(
            r.log.display.optimistic.as_deref(),
            Some(
                "The model's assumptions look optimistic: the log shows 8 incidents logged in 299d 12h \
                 (9.76 a year) against the 6 a year it assumes, and a mean time to restore of 45m against \
                 its 35m. Its expected downtime is likely too low; take the model from what happened, or \
                 set the incident rate and times above to it."
            )
        );
        // "Logged since" 1 Jan 2026 00:00: 314 days, 8 × 365.2425 / 314 =
        // 9.31 a year.
        let mut inputs = with_log(&log);
        inputs.logged_since = Some(at("2026-01-01"));
        let r = evaluate(
            &inputs,
            &TargetContext::default(),
            &story(),
            &MeasuredTime::ALWAYS,
        );
        assert_eq!(r.log.period.seconds, 314.0 * DAY_SECONDS);
        assert_eq!(
            r.log.display.rate,
            "8 incidents logged in 314d (9.31 a year); the model assumes 6 a year"
        );
        // Taken from the log, the model has the log's rate, restore time
        // and scope; its time to detect stays 5 min.
        inputs.model_source = ModelSource::Log;
        let r = evaluate(
            &inputs,
            &TargetContext::default(),
            &story(),
            &MeasuredTime::ALWAYS,
        );
        assert!((r.model.incidents_per_year - 8.0 * 365.2425 / 314.0).abs() < 1e-9);
        assert_eq!(r.time_to_restore_seconds, 2700.0);
        assert_eq!(r.model.time_to_detect_seconds, 300.0);
        assert_eq!(r.model.scope, 0.5);
        assert!(!r.log.assumptions_optimistic);
        assert_eq!(
            r.log.display.rate,
            "8 incidents logged in 314d (9.31 a year); the model uses 9.31 a year"
        );
    }

    #[test]
    fn an_empty_log_achieves_everything_and_a_window_not_begun_nothing() {
        let r = evaluate(
            &with_log(&[]),
            &TargetContext::default(),
            &story(),
            &MeasuredTime::ALWAYS,
        );
        assert_eq!(r.log.window.availability, Some(1.0));
        assert_eq!(
            r.log.display.time_to_restore,
            "no incident logged in the period; the model assumes 35m (5m to detect + 30m to recover) to restore"
        );
        let r = evaluate(
            &IncidentInputs::default(),
            &TargetContext::default(),
            &frame("2026-11-11", 0.0),
            &MeasuredTime::ALWAYS,
        );
        assert_eq!(r.log.window.availability, None);
        assert_eq!(r.log.window.display.availability, "—");
        assert_eq!(
            r.log.window.display.verdict,
            "nothing of it has elapsed yet"
        );
    }

    /// Worked by hand: two full
    /// outages, 1 Mar 2027 00:00 for 2 h and 01:00 for 2 h, cover 00:00 to
    /// 03:00, 3 h = 10 800 s, not 4 h (14 400 s, the old sum). Over the 30
    /// days ending 31 Mar (1 Mar to 31 Mar, 2 592 000 s) that is
    /// 1 − 10 800 / 2 592 000 = 99.58333…%; of the window's budget
    /// 0.0005 × 2 592 000 = 1 296 s it spends 10 800 / 1 296 = 833.33%
    /// (what a time-based error budget spends). The period logged (from
    /// 1 Mar 00:00) and the last year hold the same 10 800 s, and the
    /// overlap is noted.
    #[test]
    fn overlapping_full_outages_count_a_moment_once() {
        let inputs = with_log(&[
            "2027-03-01T00:00:00Z,2h,100%",
            "2027-03-01T01:00:00Z,2h,100%",
        ]);
        assert_eq!(
            logged_downtime_seconds(&inputs.history, at("2027-03-01"), at("2027-03-31")),
            10_800.0
        );
        let r = evaluate(
            &inputs,
            &TargetContext::default(),
            &frame("2027-03-31", 30.0),
            &MeasuredTime::ALWAYS,
        );
        let log = &r.log;
        assert_eq!(log.window.seconds, 2_592_000.0);
        assert_eq!(log.window.downtime_seconds, 10_800.0);
        assert_eq!(log.window.unavailability, Some(10_800.0 / 2_592_000.0));
        assert_eq!(log.window.display.downtime, "3h");
        assert_eq!(log.window_budget_spent, Some(10_800.0 / 1_296.0));
        assert!(
            log.display
                .window_budget_spent
                .starts_with("833.33% of the budget"),
            "{}",
            log.display.window_budget_spent
        );
        assert_eq!(log.period.downtime_seconds, 10_800.0);
        assert_eq!(log.year.downtime_seconds, 10_800.0);
        // The rows keep their own figures: each is all in the window.
        assert_eq!(log.rows[0].in_window_seconds, 7_200.0);
        assert_eq!(log.rows[1].in_window_seconds, 7_200.0);
        assert_eq!(
            r.notes,
            [
                "1 pair of logged incidents overlaps in time (starting Mon 1 Mar 2027, 00:00 UTC and \
              Mon 1 Mar 2027, 01:00 UTC): a moment is counted once, at the sum of the shares of \
              users of the incidents going on then, at most 100%."
            ]
        );
        assert!(COUNTING_RULE.contains("a moment counts once"));
    }

    /// Two overlapping 40-day
    /// full outages, from 1 Jan 2027 and 2 Jan 2027, over the 30 days
    /// ending 1 Feb (2 Jan to 1 Feb): both cover all of it, so 30d =
    /// 2 592 000 s of downtime, 0% available, not the old 60d. The last
    /// year (to 1 Feb) holds 1 Jan 00:00 to 1 Feb 00:00, 31d = 2 678 400 s
    /// (not 31d + 30d = 5 270 400 s); the period logged is that month too,
    /// wholly down.
    #[test]
    fn two_overlapping_long_outages_are_not_sixty_days_in_thirty() {
        let inputs = with_log(&[
            "2027-01-01T00:00:00Z,40d,100%",
            "2027-01-02T00:00:00Z,40d,100%",
        ]);
        let r = evaluate(
            &inputs,
            &TargetContext::default(),
            &frame("2027-02-01", 30.0),
            &MeasuredTime::ALWAYS,
        );
        assert_eq!(r.log.window.downtime_seconds, 2_592_000.0);
        assert_eq!(r.log.window.display.downtime, "30d");
        assert_eq!(r.log.window.availability, Some(0.0));
        assert_eq!(r.log.year.downtime_seconds, 2_678_400.0);
        assert_eq!(r.log.period.seconds, 2_678_400.0);
        assert_eq!(r.log.period.unavailability, Some(1.0));
        assert_eq!(r.notes.len(), 1, "{:?}", r.notes);
    }

    /// In service hours (Mon–Fri 09:00–17:00 UTC; 1 Mar 2027 is a Monday)
    /// the sweep weighs each piece's measured seconds: a full outage
    /// 08:00–11:00 and a 50% one 10:00–13:00 give 08–09 nothing (closed),
    /// 09–10 at 100% (3 600 s), 10–11 at 150% capped to 100% (3 600 s),
    /// 11–13 at 50% (3 600 s): 10 800 s, not the per-incident sum
    /// 7 200 + 10 800 × 0.5 = 12 600 s. The window's figure follows.
    #[test]
    fn overlaps_in_service_hours_count_once_too() {
        use crate::window::PlannedMaintenance;
        let office = MeasuredTime::new(
            "Mon-Fri 09:00-17:00".parse().unwrap(),
            &PlannedMaintenance::default(),
            UtcOffset::UTC,
            Convention::GregorianMean,
        );
        let inputs = with_log(&[
            "2027-03-01T08:00:00Z,3h,100%",
            "2027-03-01T10:00:00Z,3h,50%",
        ]);
        assert_eq!(
            measured_downtime_seconds(&inputs.history, at("2027-03-01"), at("2027-03-31"), &office),
            10_800.0
        );
        let r = evaluate(
            &inputs,
            &TargetContext::default(),
            &frame("2027-03-31", 30.0),
            &office,
        );
        assert_eq!(r.log.window.downtime_seconds, 10_800.0);
        assert_eq!(r.notes.len(), 1, "{:?}", r.notes);
    }

    /// Five 1-hour full outages starting 10 minutes apart all overlap: 10
    /// pairs (5 × 4 / 2); the note names the first three (by the earlier
    /// start) and counts the other 7. They cover 00:00 to 01:40, 6 000 s.
    #[test]
    fn many_overlaps_are_noted_briefly() {
        let inputs = with_log(&[
            "2027-03-01T00:00:00Z,1h,100%",
            "2027-03-01T00:10:00Z,1h,100%",
            "2027-03-01T00:20:00Z,1h,100%",
            "2027-03-01T00:30:00Z,1h,100%",
            "2027-03-01T00:40:00Z,1h,100%",
        ]);
        let r = evaluate(
            &inputs,
            &TargetContext::default(),
            &frame("2027-03-31", 30.0),
            &MeasuredTime::ALWAYS,
        );
        assert_eq!(r.log.window.downtime_seconds, 6_000.0);
        assert_eq!(
            r.notes,
            [
                "10 pairs of logged incidents overlap in time (starting Mon 1 Mar 2027, 00:00 UTC and \
              Mon 1 Mar 2027, 00:10 UTC; Mon 1 Mar 2027, 00:00 UTC and Mon 1 Mar 2027, 00:20 UTC; \
              Mon 1 Mar 2027, 00:00 UTC and Mon 1 Mar 2027, 00:30 UTC; 7 more): a moment is \
              counted once, at the sum of the shares of users of the incidents going on then, at \
              most 100%."
            ]
        );
    }

    /// One rule for the rate and
    /// the downtime: an incident counts in a period when some of it falls in
    /// it. At the story's now, 11 Nov 2026 00:00, the last Gregorian year
    /// (31 556 952 s = 365d 5h 49m 12s) began 10 Nov 2025 18:10:48. An
    /// outage from 17:00 that day for 2 h has 49m 12s (2 952 s) in it, so
    /// it counts in the rate too (before: in the downtime only); one from
    /// 16:00 for 1 h ended before and counts in neither. With the 40-minute
    /// outage of 14 Oct 2026: 2 incidents, 2 952 + 2 400 = 5 352 s.
    #[test]
    fn an_incident_across_the_year_start_counts_in_its_rate() {
        let inputs = with_log(&[
            "2025-11-10T17:00:00Z,2h,100%",
            "2025-11-10T16:00:00Z,1h,100%",
            "2026-10-14T09:00:00Z,40m,100%",
        ]);
        let r = evaluate(
            &inputs,
            &TargetContext::default(),
            &story(),
            &MeasuredTime::ALWAYS,
        );
        assert_eq!(r.log.year.from.iso, "2025-11-10T18:10:48Z");
        assert_eq!(r.log.year.downtime_seconds, 5_352.0);
        assert_eq!(r.log.incidents_last_year, 2);
    }

    /// The period logged follows the same rule. Logged since 1 Nov 2026,
    /// now 11 Nov: a 2-hour outage from 31 Oct 23:00 has its last hour in
    /// the period (3 600 s), so it is the period's one incident: 1 in 10
    /// days is 365.2425 / 10 = 36.52 a year, restored in its whole 2 h
    /// (7 200 s); the window so far (1 to 11 Nov) counts it too. Logged
    /// since 1 Nov 01:00, when it ended, nothing of it is in the period:
    /// no incident, no downtime.
    #[test]
    fn an_incident_across_logged_since_counts_in_the_period() {
        let mut inputs = with_log(&["2026-10-31T23:00:00Z,2h,100%"]);
        inputs.logged_since = Some(at("2026-11-01"));
        let r = evaluate(
            &inputs,
            &TargetContext::default(),
            &story(),
            &MeasuredTime::ALWAYS,
        );
        assert_eq!(r.log.period.downtime_seconds, 3_600.0);
        assert_eq!(r.log.incidents_logged, 1);
        assert_eq!(r.log.mean_time_to_restore_seconds, Some(7_200.0));
        assert_eq!(
            r.log.display.rate,
            "1 incident logged in 10d (36.52 a year); the model assumes 6 a year"
        );
        assert_eq!(r.log.incidents_in_window, 1);
        inputs.logged_since = Some(at("2026-11-01T01:00:00Z"));
        let r = evaluate(
            &inputs,
            &TargetContext::default(),
            &story(),
            &MeasuredTime::ALWAYS,
        );
        assert_eq!(r.log.period.downtime_seconds, 0.0);
        assert_eq!(r.log.incidents_logged, 0);
        // The window (from 1 Nov 00:00) still holds its hour.
        assert_eq!(r.log.incidents_in_window, 1);
        assert_eq!(r.log.window.downtime_seconds, 3_600.0);
    }
}
