//! The dated log: one incident that happened ([`PastIncident`]) and its
//! one-line form, which incidents count in a period, the period logged,
//! and the sweep that counts a moment once however many incidents overlap
//! it.

use std::fmt;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::clock::parse_instant;
use crate::display::count as count_text;
use crate::duration::{format_duration, parse_duration};
use crate::quantity::parse_fraction;
use crate::target::{OpsError, check_positive, check_result};

/// One incident that happened, as the incident log holds it: when it
/// started, how long it lasted (from its start to restoration), the share
/// of users it affected and a note.
///
/// It is written, in a link, a saved scenario and the CLI's
/// `--incident`, as one line of text, `WHEN,DURATION,SCOPE[,NOTE]`
/// ([`PastIncident::parse`] reads it, `Display` writes it):
///
/// ```
/// use nines_core::incident::PastIncident;
/// let i = PastIncident::parse("2027-03-01T10:00:00Z,30m,100%,database failover, then a restart").unwrap();
/// assert_eq!(i.duration_seconds, 1800.0);
/// assert_eq!(i.scope, 1.0);
/// assert_eq!(i.note, "database failover, then a restart");
/// assert_eq!(i.to_string(), "2027-03-01T10:00:00Z,30m,100%,database failover, then a restart");
/// assert_eq!(PastIncident::parse(&i.to_string()).unwrap(), i);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct PastIncident {
    /// When it started.
    pub start: DateTime<Utc>,
    /// How long it lasted, from its start to restoration, seconds.
    pub duration_seconds: f64,
    /// The fraction of users it affected, `0..=1`.
    pub scope: f64,
    /// What happened, in a few words (may be empty).
    pub note: String,
}

/// Why a logged incident could not be read: the field and what is allowed.
///
/// ```
/// use nines_core::incident::PastIncident;
/// let e = PastIncident::parse("2027-03-01,30m,150%").unwrap_err();
/// assert_eq!(e.field, "scope");
/// assert!(e.to_string().starts_with("scope: \"150%\" is not a fraction: it is above 100%"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IncidentError {
    /// `date`, `duration`, `scope`, or `incident` when fields are missing.
    pub field: &'static str,
    /// What was wrong and what is allowed.
    pub message: String,
}

impl fmt::Display for IncidentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for IncidentError {}

/// The form of one incident, for error messages.
pub const INCIDENT_FORM: &str = "WHEN,DURATION,SCOPE[,NOTE], e.g. 2027-03-01T10:00:00Z,30m,100%,database failover \
     (WHEN a date or an RFC 3339 instant, SCOPE the share of users affected)";

impl PastIncident {
    /// When it ended: its start plus its duration (a negative duration is
    /// none; one past the calendar's end is the calendar's end).
    ///
    /// ```
    /// use nines_core::incident::PastIncident;
    /// let i = PastIncident::parse("2027-03-01T23:30:00Z,1h,100%").unwrap();
    /// assert_eq!(i.end().to_rfc3339(), "2027-03-02T00:30:00+00:00");
    /// ```
    pub fn end(&self) -> DateTime<Utc> {
        crate::clock::after(self.start, self.duration_seconds.max(0.0))
            .unwrap_or(DateTime::<Utc>::MAX_UTC)
    }

    /// Reads `WHEN,DURATION,SCOPE[,NOTE]`: WHEN by
    /// [`crate::clock::parse_instant`] (a date or an RFC 3339 instant),
    /// DURATION by [`parse_duration`], SCOPE by [`parse_fraction`]
    /// (`100%`, `0.5`); the note is the rest of the text, commas included,
    /// its surrounding spaces removed.
    pub fn parse(text: &str) -> Result<PastIncident, IncidentError> {
        let mut fields = text.splitn(4, ',');
        let when = fields.next().unwrap_or_default();
        let (Some(duration), Some(scope)) = (fields.next(), fields.next()) else {
            let missing = if text.split(',').count() < 2 {
                "the duration and the scope are missing"
            } else {
                "the scope is missing"
            };
            return Err(IncidentError {
                field: "incident",
                message: format!("{missing}; write {INCIDENT_FORM}"),
            });
        };
        PastIncident::from_fields(when, duration, scope, fields.next().unwrap_or_default())
    }

    /// The incident from its four fields, each read as [`PastIncident::parse`]
    /// says.
    pub fn from_fields(
        when: &str,
        duration: &str,
        scope: &str,
        note: &str,
    ) -> Result<PastIncident, IncidentError> {
        let field = |field, e: crate::parse_error::ParseError| IncidentError {
            field,
            message: e.to_string(),
        };
        Ok(PastIncident {
            start: parse_instant(when).map_err(|e| field("date", e))?,
            duration_seconds: parse_duration(duration).map_err(|e| field("duration", e))?,
            scope: parse_fraction(scope).map_err(|e| field("scope", e))?,
            note: note.trim().to_owned(),
        })
    }

    /// The start as an RFC 3339 instant in UTC, with fractions of a second
    /// only when it has them: `2027-03-01T10:00:00Z`.
    pub fn start_text(&self) -> String {
        self.start.to_rfc3339_opts(SecondsFormat::AutoSi, true)
    }

    /// The duration as the link writes it: without spaces (`1h30m`), exact.
    ///
    /// ```
    /// use nines_core::incident::PastIncident;
    /// let mut i = PastIncident::parse("2027-03-01,90m,1").unwrap();
    /// assert_eq!(i.duration_text(), "1h30m");
    /// i.duration_seconds = 0.25;
    /// assert_eq!(i.duration_text(), "0.25s");
    /// ```
    pub fn duration_text(&self) -> String {
        let d = self.duration_seconds;
        if d.fract() == 0.0 && (0.0..1e15).contains(&d) {
            format_duration(d).replace(' ', "")
        } else {
            format!("{d}s")
        }
    }

    /// The scope as the link writes it: the shortest percentage that reads
    /// back exactly (`25%`, `7%` for 0.07), else the decimal fraction.
    ///
    /// ```
    /// use nines_core::incident::PastIncident;
    /// let mut i = PastIncident::parse("2027-03-01,1h,25%").unwrap();
    /// assert_eq!(i.scope_text(), "25%");
    /// i.scope = 0.07;
    /// assert_eq!(i.scope_text(), "7%");
    /// ```
    pub fn scope_text(&self) -> String {
        let percent = self.scope * 100.0;
        (0..=17)
            .map(|decimals| format!("{percent:.decimals$}%"))
            .find(|text| parse_fraction(text) == Ok(self.scope))
            .unwrap_or_else(|| format!("{}", self.scope))
    }
}

impl fmt::Display for PastIncident {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{},{},{}",
            self.start_text(),
            self.duration_text(),
            self.scope_text()
        )?;
        if !self.note.is_empty() {
            write!(f, ",{}", self.note)?;
        }
        Ok(())
    }
}

impl std::str::FromStr for PastIncident {
    type Err = IncidentError;

    fn from_str(text: &str) -> Result<PastIncident, IncidentError> {
        PastIncident::parse(text)
    }
}

impl Serialize for PastIncident {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PastIncident {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<PastIncident, D::Error> {
        let text = String::deserialize(d)?;
        PastIncident::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// The user-weighted downtime of logged incidents inside `[from, to]`, in
/// seconds: the integral over the period of the share of users affected.
///
/// Rule: a moment of time is
/// counted once. At any instant the share of users affected is the sum of
/// the scopes of the incidents going on then, capped at 100%: two full
/// outages that overlap count once, and partial ones add up to at most
/// everyone. An incident runs from its start for its duration; one crossing
/// either end of the period counts only its part inside it, one still
/// going on at `to` counts up to `to`, one outside counts nothing. Without
/// overlaps this is `Σ overlap_i × scope_i`.
///
/// ```
/// use nines_core::clock::parse_instant;
/// use nines_core::incident::{logged_downtime_seconds, PastIncident};
/// let log = [PastIncident::parse("2026-10-31T23:30:00Z,1h,50%").unwrap()];
/// // Half an hour of it falls after 1 November, for half the users: 900 s.
/// let from = parse_instant("2026-11-01").unwrap();
/// let to = parse_instant("2026-11-11").unwrap();
/// assert_eq!(logged_downtime_seconds(&log, from, to), 900.0);
/// // Two 2-hour full outages from 00:00 and 01:00 cover 3 hours, not 4:
/// // 10 800 s.
/// let log = [
///     PastIncident::parse("2027-03-01T00:00:00Z,2h,100%").unwrap(),
///     PastIncident::parse("2027-03-01T01:00:00Z,2h,100%").unwrap(),
/// ];
/// let (from, to) = (parse_instant("2027-03-01").unwrap(), parse_instant("2027-03-31").unwrap());
/// assert_eq!(logged_downtime_seconds(&log, from, to), 10_800.0);
/// ```
pub fn logged_downtime_seconds(
    log: &[PastIncident],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> f64 {
    let length = seconds_between(from, to);
    swept(&spans_in(log, from, length), &|a, b| b - a)
}

/// Each incident of `log` as `(start, end, scope)` in seconds after
/// `from`, clipped to the period `[0, length]`.
pub(super) fn spans_in(
    log: &[PastIncident],
    from: DateTime<Utc>,
    length: f64,
) -> Vec<(f64, f64, f64)> {
    log.iter()
        .map(|i| {
            let start = seconds_between(from, i.start);
            let end = start + i.duration_seconds.max(0.0);
            (start.max(0.0), end.min(length), i.scope)
        })
        .collect()
}

/// The sweep of [`logged_downtime_seconds`] over incidents already placed
/// in the period, each `(start, end, scope)` (clipped to the period; one
/// with `end <= start`, or a scope that is not above 0, counts nothing):
/// the share of users affected is constant between two consecutive starts
/// or ends, the sum of the scopes going on then capped at 1, and each such
/// piece counts `share × weigh(piece's start, piece's end)` seconds.
pub(super) fn swept(spans: &[(f64, f64, f64)], weigh: &dyn Fn(f64, f64) -> f64) -> f64 {
    // (when, is a start, scope): ends sort before starts at the same
    // instant, so that the sum of one incident alone is its scope exactly.
    let mut events: Vec<(f64, bool, f64)> = Vec::new();
    for &(start, end, scope) in spans {
        if end > start && scope > 0.0 {
            let scope = scope.min(1.0);
            events.push((start, true, scope));
            events.push((end, false, scope));
        }
    }
    crate::sort::sort_by(&mut events, |a, b| {
        a.0.partial_cmp(&b.0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.1.cmp(&b.1))
    });
    let (mut active, mut share, mut total) = (0usize, 0.0f64, 0.0f64);
    let mut last: Option<f64> = None;
    for (when, starts, scope) in events {
        if let Some(previous) = last.filter(|p| active > 0 && when > *p) {
            total += share.min(1.0) * weigh(previous, when);
        }
        if starts {
            active += 1;
            share += scope;
        } else {
            active = active.saturating_sub(1);
            // Back to exactly nothing when no incident is going on.
            share = if active == 0 { 0.0 } else { share - scope };
        }
        last = Some(when);
    }
    total
}

/// Two instants: an incident's start and end, or the starts of two.
pub(super) type Instants = (DateTime<Utc>, DateTime<Utc>);

/// The pairs of logged incidents that overlap in time (each starting by
/// `now`, with a duration and a share of users above 0): how many, and
/// the starts of the first `shown` of them (by the earlier start, then
/// the later).
pub(super) fn overlapping_pairs(
    log: &[PastIncident],
    now: DateTime<Utc>,
    shown: usize,
) -> (usize, Vec<Instants>) {
    let mut spans: Vec<Instants> = log
        .iter()
        .filter(|i| i.start <= now && i.duration_seconds > 0.0 && i.scope > 0.0)
        .map(|i| (i.start, i.end()))
        .collect();
    crate::sort::sort_by(&mut spans, |a, b| a.cmp(b));
    let mut pairs = 0usize;
    let mut first = Vec::new();
    for (k, &(start, end)) in spans.iter().enumerate() {
        // Sorted by start: the later ones that start before this one ends.
        let later = &spans[k + 1..];
        let overlapping = later.partition_point(|(s, _)| *s < end);
        pairs = pairs.saturating_add(overlapping);
        let room = shown.saturating_sub(first.len()).min(overlapping);
        first.extend(later[..room].iter().map(|&(other, _)| (start, other)));
    }
    (pairs, first)
}

/// The unavailability a log achieved over `[from, to]`:
/// [`logged_downtime_seconds`] over the period's length (at most 1: a
/// moment counts once, however many incidents overlap it). The achieved
/// availability is `1 − result`.
///
/// A 30-minute full outage and a 2-hour outage for 25% of users in a
/// 30-day window: (1 800 + 7 200 × 0.25) / 2 592 000 = 3 600 / 2 592 000,
/// an availability of 99.8611…%.
///
/// ```
/// use nines_core::clock::parse_instant;
/// use nines_core::incident::{achieved_unavailability, PastIncident};
/// let log = [
///     PastIncident::parse("2026-11-03T10:00:00Z,30m,100%").unwrap(),
///     PastIncident::parse("2026-11-20T08:00:00Z,2h,25%").unwrap(),
/// ];
/// let (from, to) = (parse_instant("2026-11-01").unwrap(), parse_instant("2026-12-01").unwrap());
/// assert_eq!(achieved_unavailability(&log, from, to).unwrap(), 3600.0 / 2_592_000.0);
/// assert!(achieved_unavailability(&log, to, from).is_err());
/// ```
pub fn achieved_unavailability(
    log: &[PastIncident],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<f64, OpsError> {
    let p = check_positive("period_seconds", seconds_between(from, to))?;
    let weighted = check_result("logged downtime", logged_downtime_seconds(log, from, to))?;
    Ok((weighted / p).min(1.0))
}

/// `to − from` in seconds, to the millisecond.
pub(super) fn seconds_between(from: DateTime<Utc>, to: DateTime<Utc>) -> f64 {
    to.signed_duration_since(from).num_milliseconds() as f64 / 1000.0
}

/// Whether incident `i` counts in the period `[from, to]` (`to` at most
/// now): some of it falls inside the period. It started by `to`, and
/// either started in the period or was still going on when the period
/// began. The one rule of every incident count (the period logged, the
/// last year, the SLO window so far): the same incidents whose time counts
/// in the period's downtime, plus an incident of no length dated in it.
///
/// ```
/// use nines_core::clock::parse_instant;
/// use nines_core::incident::{counts_in, PastIncident};
/// let (from, to) = (parse_instant("2027-01-01").unwrap(), parse_instant("2027-02-01").unwrap());
/// // 31 Dec 23:00 for 2 h: its last hour falls in January, so it counts.
/// assert!(counts_in(&PastIncident::parse("2026-12-31T23:00:00Z,2h,100%").unwrap(), from, to));
/// // 31 Dec 22:00 for 2 h ends as January begins: nothing of it is in it.
/// assert!(!counts_in(&PastIncident::parse("2026-12-31T22:00:00Z,2h,100%").unwrap(), from, to));
/// assert!(!counts_in(&PastIncident::parse("2027-02-02,1h,100%").unwrap(), from, to));
/// ```
pub fn counts_in(i: &PastIncident, from: DateTime<Utc>, to: DateTime<Utc>) -> bool {
    i.start <= to && (i.start >= from || i.end().min(to) > from)
}

/// What the log shows over the period logged (from
/// [`IncidentInputs::logged_since`](super::IncidentInputs::logged_since),
/// else its first incident, to now): the
/// incidents that count in it (some of each falls in it, [`counts_in`]:
/// the same incidents whose time counts in its downtime), their rate a
/// year, mean time to restore (each incident's whole duration) and
/// duration-weighted share of users.
///
/// Worked by hand (the case of a checkout service): incidents on 3 Oct
/// 2026 (45 min, all users), 20 Oct (2 h, 20%) and 15 Nov (20 min, all),
/// now 7 Dec 2026 00:00: logged since 3 Oct 10:00, 64d 14h; 3 incidents
/// are 3 × 365.2425 / 64.583 = 16.97 a year; mean restore (45 + 120 + 20)
/// / 3 = 61 min 40 s; scope (45 + 24 + 20) / 185 = 48.11%.
///
/// ```
/// use nines_core::clock::parse_instant;
/// use nines_core::incident::{LoggedPeriod, PastIncident};
/// let log: Vec<PastIncident> = ["2026-10-03T10:00:00Z,45m,100%", "2026-10-20T09:00:00Z,2h,20%", "2026-11-15T18:00:00Z,20m,100%"]
///     .iter().map(|l| PastIncident::parse(l).unwrap()).collect();
/// let p = LoggedPeriod::of(&log, None, parse_instant("2026-12-07").unwrap(), 31_556_952.0);
/// assert_eq!(p.incidents, 3);
/// assert_eq!(p.mean_restore_seconds, Some(3_700.0));
/// assert!((p.per_year.unwrap() - 3.0 * 365.2425 / (64.0 + 14.0 / 24.0)).abs() < 1e-9);
/// assert!((p.scope.unwrap() - 89.0 / 185.0).abs() < 1e-12);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LoggedPeriod {
    /// When the period logged starts.
    pub from: DateTime<Utc>,
    /// Now.
    pub to: DateTime<Utc>,
    /// Incidents that count in it ([`counts_in`]: some of them falls in
    /// it, none after now).
    pub incidents: usize,
    /// Their rate a year: incidents × year / the period's length; `None`
    /// without incidents or without a period.
    pub per_year: Option<f64>,
    /// Their mean duration, seconds.
    pub mean_restore_seconds: Option<f64>,
    /// Their share of users, weighted by duration: Σ duration × scope /
    /// Σ duration (so rate × restore × scope is the downtime they caused
    /// when none of them overlap and all of each is in the period).
    pub scope: Option<f64>,
}

impl LoggedPeriod {
    /// The period of `log` up to `now`, from `since` (else the first
    /// incident that started by now; with neither, an empty period at now).
    pub fn of(
        log: &[PastIncident],
        since: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
        year_seconds: f64,
    ) -> LoggedPeriod {
        let first = log.iter().map(|i| i.start).filter(|t| *t <= now).min();
        let from = since.or(first).unwrap_or(now).min(now);
        let counted: Vec<&PastIncident> = log.iter().filter(|i| counts_in(i, from, now)).collect();
        let n = counted.len();
        let length = seconds_between(from, now);
        let durations: f64 = counted.iter().map(|i| i.duration_seconds.max(0.0)).sum();
        let weighted: f64 = counted
            .iter()
            .map(|i| i.duration_seconds.max(0.0) * i.scope.clamp(0.0, 1.0))
            .sum();
        let finite = |x: f64| Some(x).filter(|x| x.is_finite());
        LoggedPeriod {
            from,
            to: now,
            incidents: n,
            per_year: (n > 0 && length > 0.0)
                .then(|| n as f64 * year_seconds / length)
                .and_then(finite),
            mean_restore_seconds: (n > 0).then(|| durations / n as f64).and_then(finite),
            scope: (durations > 0.0)
                .then(|| weighted / durations)
                .and_then(finite),
        }
    }

    /// `3 incidents logged in 64d 14h (16.97 a year)`, for people.
    pub fn rate_text(&self) -> String {
        let n = self.incidents;
        let days = format_duration(seconds_between(self.from, self.to));
        let noun = if n == 1 { "incident" } else { "incidents" };
        match self.per_year {
            Some(y) => format!("{n} {noun} logged in {days} ({} a year)", count_text(y, 2)),
            None => format!("{n} {noun} logged in {days}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{at, with_log};
    use super::*;

    #[test]
    fn incidents_read_back_as_written() {
        for line in [
            "2026-10-14T09:00:00Z,40m,100%,checkout down: expired TLS certificate",
            "2026-11-05T14:00:00Z,1h0m5s,25%",
            "2026-11-05T14:00:00.500Z,0.25s,12.3456789%,a, b, c",
        ] {
            let i = PastIncident::parse(line).unwrap();
            assert_eq!(i.to_string(), line);
            let json = serde_json::to_string(&i).unwrap();
            assert_eq!(serde_json::from_str::<PastIncident>(&json).unwrap(), i);
        }
        // Forms people type, normalised.
        let i = PastIncident::parse(" 2027-03-01 10:00 , 1.5 hours , 0.5 ,  note ").unwrap();
        assert_eq!(i.to_string(), "2027-03-01T10:00:00Z,1h30m,50%,note");
    }

    #[test]
    fn bad_incidents_name_the_field_and_what_is_allowed() {
        let e = PastIncident::parse("yesterday,30m,100%").unwrap_err();
        assert_eq!(e.field, "date");
        assert!(e.message.contains("2027-03-10"), "{e}");
        let e = PastIncident::parse("2027-03-01,30,100%").unwrap_err();
        assert_eq!(e.field, "duration");
        assert!(e.message.contains("needs a unit"), "{e}");
        let e = PastIncident::parse("2027-03-01,30m").unwrap_err();
        assert_eq!(e.field, "incident");
        assert!(
            e.message
                .starts_with("the scope is missing; write WHEN,DURATION,SCOPE[,NOTE]")
        );
        assert!(serde_json::from_str::<PastIncident>(r#""2027-03-01""#).is_err());
    }

    /// Partial scopes that overlap add up, to at most everyone. 50% from
    /// 00:00 for 2 h and 75% from 01:00 for 2 h: 00:00–01:00 at 50%
    /// (1 800 s), 01:00–02:00 at 125% capped to 100% (3 600 s), 02:00–03:00
    /// at 75% (2 700 s): 8 100 s, not 3 600 + 5 400 = 9 000 s. Two 25%
    /// outages the same way: 900 + 1 800 + 900 = 3 600 s, their plain sum
    /// (no cap reached).
    #[test]
    fn overlapping_partial_scopes_add_up_to_at_most_everyone() {
        let (from, to) = (at("2027-03-01"), at("2027-03-02"));
        let log = with_log(&["2027-03-01T00:00:00Z,2h,50%", "2027-03-01T01:00:00Z,2h,75%"]);
        assert_eq!(logged_downtime_seconds(&log.history, from, to), 8_100.0);
        let log = with_log(&["2027-03-01T00:00:00Z,2h,25%", "2027-03-01T01:00:00Z,2h,25%"]);
        assert_eq!(logged_downtime_seconds(&log.history, from, to), 3_600.0);
        // Touching is not overlapping: 00:00–01:00 and 01:00–02:00.
        let log = with_log(&[
            "2027-03-01T00:00:00Z,1h,100%",
            "2027-03-01T01:00:00Z,1h,100%",
        ]);
        assert_eq!(logged_downtime_seconds(&log.history, from, to), 7_200.0);
        assert_eq!(overlapping_pairs(&log.history, to, 3).0, 0);
        // A scope of 0 or a duration of 0 counts nothing, and NaN neither.
        let mut log = with_log(&["2027-03-01T00:00:00Z,1h,0%", "2027-03-01T00:30:00Z,0s,100%"]);
        log.history.push(PastIncident {
            scope: f64::NAN,
            ..log.history[0].clone()
        });
        assert_eq!(logged_downtime_seconds(&log.history, from, to), 0.0);
    }
}
