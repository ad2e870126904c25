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
//! [`TargetContext`], [`Limit`], [`OpsError`], checks and clamps) is in
//! [`crate::target`].

use std::fmt;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::clock::{Instant, MeasuredTime, WindowFrame, parse_instant};
use crate::display::{
    ABSENT, availability, count as count_text, format_fraction_percent, format_instant,
    limit_count, limit_duration,
};
use crate::duration::{MAX_SECONDS, format_duration, parse_duration};
use crate::quantity::parse_fraction;

use crate::target::{
    DAY_SECONDS, Limit, OpsError, TargetContext, check_fraction, check_non_negative,
    check_positive, check_result, checked_ratio, clamp_fraction, clamp_non_negative,
};

/// Steady-state availability `A = MTTF / (MTTF + MTTR)`.
///
/// Both durations in the same unit, finite, non-negative, and not both zero.
/// See [`unavailability_from_mttf_mttr`] for the unavailability, which keeps
/// full precision at many nines.
///
/// Source: the classic renewal-process formula, restated in "The Calculus of
/// Service Availability" (ACM Queue 15(2), 2017).
///
/// ```
/// use nines_core::incident::availability_from_mttf_mttr;
/// // MTTF 999 h, MTTR 1 h → 999/1000 = 99.9%.
/// assert!((availability_from_mttf_mttr(999.0, 1.0).unwrap() - 0.999).abs() < 1e-15);
/// assert!(availability_from_mttf_mttr(0.0, 0.0).is_err());
/// ```
pub fn availability_from_mttf_mttr(mttf: f64, mttr: f64) -> Result<f64, OpsError> {
    let mttf = check_non_negative("mttf", mttf)?;
    let mttr = check_non_negative("mttr", mttr)?;
    let total = check_result("mttf + mttr", mttf + mttr)?;
    if total == 0.0 {
        return Err(OpsError::NotPositive {
            field: "mttf + mttr",
        });
    }
    Ok(mttf / total)
}

/// Steady-state unavailability `U = MTTR / (MTTF + MTTR)`, computed
/// directly (not as `1 − A`) so that small values keep full precision.
///
/// ```
/// use nines_core::incident::unavailability_from_mttf_mttr;
/// assert_eq!(unavailability_from_mttf_mttr(999.0, 1.0).unwrap(), 0.001);
/// ```
pub fn unavailability_from_mttf_mttr(mttf: f64, mttr: f64) -> Result<f64, OpsError> {
    let mttf = check_non_negative("mttf", mttf)?;
    let mttr = check_non_negative("mttr", mttr)?;
    let total = check_result("mttf + mttr", mttf + mttr)?;
    if total == 0.0 {
        return Err(OpsError::NotPositive {
            field: "mttf + mttr",
        });
    }
    Ok(mttr / total)
}

/// Expected user-weighted downtime in seconds:
/// `incidents × (time to detect + time to recover) × scope`.
///
/// `incidents` is a count in the period of interest (a year, a window);
/// durations in seconds; `scope` the fraction of users affected (`0..=1`).
///
/// Source: Treynor, Dahlin, Rau, Beyer, "The Calculus of Service
/// Availability", ACM Queue 15(2), 2017.
///
/// ```
/// use nines_core::incident::expected_downtime_seconds;
/// // 6 incidents a year, 5 min to detect, 30 min to recover, half the users:
/// // 6 × 2100 s × 0.5 = 6300 s (1 h 45 m).
/// assert_eq!(expected_downtime_seconds(6.0, 300.0, 1800.0, 0.5).unwrap(), 6300.0);
/// ```
pub fn expected_downtime_seconds(
    incidents: f64,
    time_to_detect_seconds: f64,
    time_to_recover_seconds: f64,
    scope: f64,
) -> Result<f64, OpsError> {
    let n = check_non_negative("incidents", incidents)?;
    let ttd = check_non_negative("time_to_detect_seconds", time_to_detect_seconds)?;
    let ttr = check_non_negative("time_to_recover_seconds", time_to_recover_seconds)?;
    let scope = check_fraction("scope", scope)?;
    check_result("expected downtime", n * (ttd + ttr) * scope)
}

/// How many incidents of a given length and scope fit the error budget of a
/// window: `U × window / ((TTD + TTR) × scope)`, fractional; use
/// [`Limit::whole`] for a whole count. Unlimited when an incident costs
/// nothing (zero length or zero scope).
///
/// ```
/// use nines_core::incident::incidents_fitting_budget;
/// use nines_core::target::Limit;
/// // 99.9% over 30 days is 2592 s; an incident of 10 + 20 min at full scope
/// // costs 1800 s: 1.44 of them fit, so 1 whole incident.
/// let fit = incidents_fitting_budget(0.001, 2_592_000.0, 600.0, 1200.0, 1.0).unwrap();
/// assert!((fit.value().unwrap() - 1.44).abs() < 1e-12);
/// assert_eq!(fit.whole(), Limit::AtMost(1.0));
/// ```
pub fn incidents_fitting_budget(
    unavailability: f64,
    window_seconds: f64,
    time_to_detect_seconds: f64,
    time_to_recover_seconds: f64,
    scope: f64,
) -> Result<Limit, OpsError> {
    let u = check_fraction("unavailability", unavailability)?;
    let w = check_non_negative("window_seconds", window_seconds)?;
    let cost =
        expected_downtime_seconds(1.0, time_to_detect_seconds, time_to_recover_seconds, scope)?;
    let budget = check_result("budget", u * w)?;
    Ok(Limit::ratio(budget, cost))
}

/// The longest time to restore (detect + recover) per incident that still
/// meets the target at a given incident rate:
/// `U × period / (incidents per period × scope)`. Unlimited when there are no
/// incidents or they affect nobody.
///
/// ```
/// use nines_core::incident::max_time_to_restore_seconds;
/// use nines_core::target::Limit;
/// // 99.95% over a 365-day year is 15 768 s; at 4 full-scope incidents a year
/// // each may last 3942 s (65.7 min).
/// let max = max_time_to_restore_seconds(0.0005, 31_536_000.0, 4.0, 1.0).unwrap();
/// assert!((max.value().unwrap() - 3942.0).abs() < 1e-9);
/// assert_eq!(max_time_to_restore_seconds(0.0005, 31_536_000.0, 0.0, 1.0).unwrap(), Limit::Unlimited);
/// ```
pub fn max_time_to_restore_seconds(
    unavailability: f64,
    period_seconds: f64,
    incidents_per_period: f64,
    scope: f64,
) -> Result<Limit, OpsError> {
    let u = check_fraction("unavailability", unavailability)?;
    let p = check_non_negative("period_seconds", period_seconds)?;
    let n = check_non_negative("incidents_per_period", incidents_per_period)?;
    let scope = check_fraction("scope", scope)?;
    let budget = check_result("budget", u * p)?;
    Ok(Limit::ratio(budget, n * scope))
}

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

/// One line of an incident CSV that could not be read.
///
/// ```
/// use nines_core::incident::read_incident_csv;
/// let read = read_incident_csv("2027-03-01,30m,100%\n2027-03-02,soon,50%");
/// assert_eq!(read.errors[0].line, 2);
/// assert!(read.errors[0].to_string().starts_with("line 2, duration: \"soon\" is not a duration"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvLineError {
    /// The line's number, counting from 1.
    pub line: usize,
    /// What was wrong: the field and what is allowed.
    pub error: IncidentError,
}

impl fmt::Display for CsvLineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, {}", self.line, self.error)
    }
}

/// What [`read_incident_csv`] read: the incidents, in the file's order, and
/// one error per line it could not read.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CsvRead {
    /// The incidents read.
    pub incidents: Vec<PastIncident>,
    /// The line of each incident read, counting from 1, in step with
    /// `incidents` (a page that adds only some of them can leave the rest
    /// for the person to see).
    pub lines: Vec<usize>,
    /// One error per bad line.
    pub errors: Vec<CsvLineError>,
}

/// Reads an incident log as CSV: one incident a line,
/// `date,duration,scope[,note]`, each field as [`PastIncident::parse`]
/// reads it (a note with commas is kept whole, quoted or not).
///
/// Rules: fields are separated by commas, or by tabs on a line with no
/// comma (a paste from a spreadsheet); a field may be quoted as RFC 4180
/// says (`"a, b"`, `""` for a quote); blank lines and lines starting with
/// `#` are skipped. The first other line is a header, and skipped, only
/// when it names the columns ([`names_the_columns`]:
/// `date,duration,scope,note`, in any case); every other line, the first
/// included, gives an incident or one error naming its line number and
/// field (`garbage`, `yesterday,1h,100%` or a line of NUL bytes is an
/// error, never a header). A text with neither incidents nor errors (empty,
/// or only blank lines, comments and a header) reads as no incidents: the
/// caller says so.
///
/// ```
/// use nines_core::incident::read_incident_csv;
/// let csv = "date,duration,scope,note\n\
///            2026-10-14T09:00:00Z,40m,100%,\"checkout down, all regions\"\n\
///            2026-11-05 14:00,20m,0.25\n\
///            2026-11-06,20m\n";
/// let read = read_incident_csv(csv);
/// assert_eq!(read.incidents.len(), 2);
/// assert_eq!(read.incidents[0].note, "checkout down, all regions");
/// assert_eq!(read.incidents[1].scope, 0.25);
/// assert_eq!(read.errors.len(), 1);
/// assert!(read.errors[0].to_string().starts_with("line 4, incident: the scope is missing"));
/// ```
pub fn read_incident_csv(text: &str) -> CsvRead {
    let mut read = CsvRead::default();
    let mut first = true;
    // A spreadsheet's byte order mark is not part of the first field.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let fields = csv_fields(trimmed);
        if std::mem::take(&mut first) && names_the_columns(&fields) {
            continue;
        }
        let result = match fields.as_slice() {
            [when, duration, scope, note @ ..] => {
                PastIncident::from_fields(when, duration, scope, &note.join(","))
            }
            [_, _] => Err(IncidentError {
                field: "incident",
                message: format!("the scope is missing; write {INCIDENT_FORM}"),
            }),
            _ => Err(IncidentError {
                field: "incident",
                message: format!("the duration and the scope are missing; write {INCIDENT_FORM}"),
            }),
        };
        match result {
            Ok(incident) => {
                read.incidents.push(incident);
                read.lines.push(index + 1);
            }
            Err(error) => read.errors.push(CsvLineError {
                line: index + 1,
                error,
            }),
        }
    }
    read
}

/// Whether a CSV line's fields name the columns of an incident log, so
/// that it is a header: its first three fields, spaces around them and
/// case aside, are the start (`date`, `when`, `start`, `started`,
/// `start time` or `timestamp`), the duration (`duration`, `length` or
/// `time to restore`) and the scope (`scope`, `share` or
/// `share of users`); a fourth field, if any, names the note (any text).
///
/// ```
/// use nines_core::incident::names_the_columns;
/// let fields = |line: &str| line.split(',').map(str::to_owned).collect::<Vec<_>>();
/// assert!(names_the_columns(&fields("Date, Duration, Scope, What happened")));
/// assert!(names_the_columns(&fields("WHEN,DURATION,SCOPE")));
/// assert!(!names_the_columns(&fields("garbage")));
/// assert!(!names_the_columns(&fields("yesterday,1h,100%")));
/// assert!(!names_the_columns(&fields("date,duration")));
/// ```
pub fn names_the_columns(fields: &[String]) -> bool {
    const START: &[&str] = &[
        "date",
        "when",
        "start",
        "started",
        "start time",
        "timestamp",
    ];
    const DURATION: &[&str] = &["duration", "length", "time to restore"];
    const SCOPE: &[&str] = &["scope", "share", "share of users"];
    let names = |field: Option<&String>, names: &[&str]| {
        field.is_some_and(|f| names.iter().any(|n| f.trim().eq_ignore_ascii_case(n)))
    };
    names(fields.first(), START) && names(fields.get(1), DURATION) && names(fields.get(2), SCOPE)
}

/// The fields of one CSV line, unquoted (RFC 4180 quoting; tabs separate
/// fields on a line without commas).
fn csv_fields(line: &str) -> Vec<String> {
    let separator = if !line.contains(',') && line.contains('\t') {
        '\t'
    } else {
        ','
    };
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' if quoted => quoted = false,
            '"' if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            c if c == separator && !quoted => fields.push(std::mem::take(&mut field)),
            c => field.push(c),
        }
    }
    fields.push(field);
    fields
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
fn spans_in(log: &[PastIncident], from: DateTime<Utc>, length: f64) -> Vec<(f64, f64, f64)> {
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
fn swept(spans: &[(f64, f64, f64)], weigh: &dyn Fn(f64, f64) -> f64) -> f64 {
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
type Instants = (DateTime<Utc>, DateTime<Utc>);

/// The pairs of logged incidents that overlap in time (each starting by
/// `now`, with a duration and a share of users above 0): how many, and
/// the starts of the first `shown` of them (by the earlier start, then
/// the later).
fn overlapping_pairs(
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
fn seconds_between(from: DateTime<Utc>, to: DateTime<Utc>) -> f64 {
    to.signed_duration_since(from).num_milliseconds() as f64 / 1000.0
}

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
/// [`IncidentInputs::logged_since`], else its first incident, to now): the
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

/// The incident model in force: the typed figures, or the log's
/// ([`ModelSource::Log`]); every section that uses an incident rate, a
/// time to restore or a scope reads them from here.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct IncidentModel {
    /// Incidents a year.
    pub incidents_per_year: f64,
    /// Time to detect, seconds.
    pub time_to_detect_seconds: f64,
    /// Time from detection to restoration, seconds.
    pub time_to_recover_seconds: f64,
    /// Share of users an incident affects.
    pub scope: f64,
    /// True when the figures come from the log.
    pub from_log: bool,
    /// Where the figures come from, for people.
    pub source: String,
}

impl IncidentModel {
    /// The model `inputs` choose at `now`. From the log, the time to detect
    /// stays as typed (the log has only the time to restore), capped at the
    /// logged mean, and the rest of the mean is the time to recover. A log
    /// with no incident in its period leaves the typed figures, and says so.
    ///
    /// ```
    /// use nines_core::clock::parse_instant;
    /// use nines_core::incident::{IncidentInputs, IncidentModel, ModelSource, PastIncident};
    /// let mut i = IncidentInputs::default();
    /// i.model_source = ModelSource::Log;
    /// i.history = vec![PastIncident::parse("2026-05-11T00:00:00Z,1h,50%").unwrap()];
    /// i.logged_since = Some(parse_instant("2026-05-11").unwrap());
    /// // One incident in 184 days; 1 h to restore, 5 min of it to detect.
    /// let m = IncidentModel::of(&i, parse_instant("2026-11-11").unwrap(), 31_556_952.0);
    /// assert!((m.incidents_per_year - 365.2425 / 184.0).abs() < 1e-9);
    /// assert_eq!((m.time_to_detect_seconds, m.time_to_recover_seconds, m.scope), (300.0, 3_300.0, 0.5));
    /// assert!(m.from_log);
    /// ```
    pub fn of(inputs: &IncidentInputs, now: DateTime<Utc>, year_seconds: f64) -> IncidentModel {
        let p = LoggedPeriod::of(&inputs.history, inputs.logged_since, now, year_seconds);
        IncidentModel::over(inputs, &p)
    }

    /// [`IncidentModel::of`] with the period logged `p` already read (from
    /// the inputs' log, repaired, as [`evaluate`] reads it once for the
    /// model and the log's report alike).
    fn over(inputs: &IncidentInputs, p: &LoggedPeriod) -> IncidentModel {
        let typed = IncidentModel {
            incidents_per_year: inputs.incidents_per_year,
            time_to_detect_seconds: inputs.time_to_detect_seconds,
            time_to_recover_seconds: inputs.time_to_recover_seconds,
            scope: inputs.scope,
            from_log: false,
            source: "as typed here".into(),
        };
        if inputs.model_source == ModelSource::Typed {
            return typed;
        }
        let (Some(per_year), Some(restore)) = (p.per_year, p.mean_restore_seconds) else {
            return IncidentModel {
                source: format!(
                    "as typed here: the log has no incident in its period ({}), so it gives no rate",
                    p.rate_text()
                ),
                ..typed
            };
        };
        let detect = inputs.time_to_detect_seconds.clamp(0.0, restore);
        let scope = p.scope.unwrap_or(inputs.scope);
        IncidentModel {
            incidents_per_year: per_year,
            time_to_detect_seconds: detect,
            time_to_recover_seconds: restore - detect,
            scope,
            from_log: true,
            source: format!(
                "from what happened: {}, {} mean time to restore, {} of users (weighted by duration)",
                p.rate_text(),
                format_duration(restore),
                format_fraction_percent(scope)
            ),
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

/// The model's side of the comparison with the log.
struct Model {
    unavailability: f64,
    incidents_per_year: f64,
    time_to_detect: f64,
    time_to_recover: f64,
    from_log: bool,
    year_seconds: f64,
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
fn log_report(
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
    use crate::clock::{Alignment, UtcOffset, WeekStart, window_frame};
    use crate::window::{Convention, Period};

    fn at(text: &str) -> DateTime<Utc> {
        parse_instant(text).unwrap()
    }

    /// A rolling 30-day window (Gregorian mean) `elapsed_days` into it at `now`.
    fn frame(now: &str, elapsed_days: f64) -> WindowFrame {
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
    fn story() -> WindowFrame {
        frame("2026-11-11", 10.0)
    }

    fn with_log(log: &[&str]) -> IncidentInputs {
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

    /// A CSV with a header, a quoted note, a tab-separated line, a comment,
    /// a blank line and three bad lines (numbered as in the text).
    #[test]
    fn csv_lines_read_or_refused_one_by_one() {
        let csv = "When,Duration,Scope,Note\n\
                   2026-10-14T09:00:00Z,40m,100%,\"TLS, again \"\"expired\"\"\"\n\
                   \n\
                   # a comment\n\
                   2026-11-05\t20m\t25%\n\
                   2026-11-06,20m,150%\n\
                   2026-11-07\n\
                   2026-13-01,1h,1\n";
        let read = read_incident_csv(csv);
        assert_eq!(read.incidents.len(), 2);
        assert_eq!(read.incidents[0].note, "TLS, again \"expired\"");
        assert_eq!(read.incidents[1].scope, 0.25);
        let lines: Vec<usize> = read.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [6, 7, 8]);
        let fields: Vec<&str> = read.errors.iter().map(|e| e.error.field).collect();
        assert_eq!(fields, ["scope", "incident", "date"]);
        assert!(
            read.errors[0]
                .to_string()
                .starts_with("line 6, scope: \"150%\" is not a fraction")
        );
        // Without a header the first line is data.
        assert_eq!(read_incident_csv("2026-11-05,20m,25%").incidents.len(), 1);
    }

    #[test]
    fn mttf_mttr_rejects_bad_input() {
        assert!(availability_from_mttf_mttr(f64::NAN, 1.0).is_err());
        assert!(availability_from_mttf_mttr(1.0, f64::INFINITY).is_err());
        assert!(availability_from_mttf_mttr(f64::MAX, f64::MAX).is_err());
        assert_eq!(availability_from_mttf_mttr(0.0, 5.0), Ok(0.0));
        assert_eq!(availability_from_mttf_mttr(5.0, 0.0), Ok(1.0));
    }

    #[test]
    fn expected_downtime_rejects_bad_scope_and_overflow() {
        assert!(expected_downtime_seconds(1.0, 1.0, 1.0, 1.5).is_err());
        assert!(expected_downtime_seconds(f64::MAX, f64::MAX, 1.0, 1.0).is_err());
    }

    #[test]
    fn zero_cost_incidents_are_unlimited() {
        assert_eq!(
            incidents_fitting_budget(0.001, 100.0, 0.0, 0.0, 1.0),
            Ok(Limit::Unlimited)
        );
        assert_eq!(
            incidents_fitting_budget(0.001, 100.0, 10.0, 10.0, 0.0),
            Ok(Limit::Unlimited)
        );
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

    /// Only a line that names
    /// the columns is a header. `garbage`, `yesterday,1h,100%` and a line
    /// of NUL bytes are errors of line 1, not headers; a header alone, or
    /// only comments and blank lines, reads as no incidents and no errors
    /// (the CLI says so); a spreadsheet's byte order mark is no part of the
    /// header.
    #[test]
    fn only_a_line_naming_the_columns_is_a_header() {
        let read = read_incident_csv("garbage");
        assert!(read.incidents.is_empty());
        assert_eq!(read.errors.len(), 1);
        assert_eq!(read.errors[0].line, 1);
        assert_eq!(read.errors[0].error.field, "incident");
        let read = read_incident_csv("yesterday,1h,100%\n2027-03-01,1h,100%");
        assert_eq!(read.errors.len(), 1);
        assert_eq!(
            (read.errors[0].line, read.errors[0].error.field),
            (1, "date")
        );
        assert_eq!(read.lines, [2]);
        let nul = "\0".repeat(1 << 20);
        let read = read_incident_csv(&nul);
        assert_eq!(read.errors.len(), 1);
        assert_eq!(read.errors[0].line, 1);
        assert!(read.errors[0].to_string().len() < 1_000);
        for empty in ["", "\n\n", "# nothing yet\n", "date,duration,scope,note\n"] {
            assert_eq!(read_incident_csv(empty), CsvRead::default(), "{empty:?}");
        }
        let read = read_incident_csv("\u{feff}Start;x\n");
        assert_eq!(read.errors.len(), 1);
        let read = read_incident_csv("\u{feff}Start,Duration,Share of users\n2027-03-01,1h,1\n");
        assert!(read.errors.is_empty(), "{:?}", read.errors);
        assert_eq!(read.lines, [2]);
        // A header is only the first line: later, it is a line that does
        // not read.
        let read = read_incident_csv("2027-03-01,1h,1\ndate,duration,scope\n");
        assert_eq!(read.errors[0].line, 2);
    }
}
