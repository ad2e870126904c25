//! Measured time: the service hours less excluded maintenance, walked
//! calendar day by calendar day.

use chrono::{DateTime, Datelike, Duration, NaiveTime, Utc};

use super::UtcOffset;
use super::frame::{after, seconds_between};
use crate::ratio::Ratio;
use crate::window::{Convention, Maintenance, Period, PlannedMaintenance, ServiceHours};

/// When the budget's clock runs: the service hours,
/// less planned maintenance excluded from the target, read in a fixed UTC
/// offset. Outside them nothing is measured: no budget accrues, no time
/// elapses and no budget runs out. 24/7 with nothing excluded is plain
/// time, and every figure is the one without service hours.
///
/// The one rule of planned maintenance, read here by every figure (the
/// downtime table, the error budget, the alerts): **only the part of the
/// maintenance inside the service hours is excluded or counted**.
///
/// * A weekly window is cut to the service hours: beside Mon–Fri
///   09:00–17:00, `Sun 02:00-04:00` touches nothing and `Wed 16:00-18:00`
///   takes its one hour before 17:00.
/// * An amount a month has no time of day: it is taken to fall inside the
///   service hours (it is the maintenance the service sees), spread evenly
///   over them, and never more than they hold.
/// * Excluded, that part is not measured. Counted, it is measured like any
///   time and spent from the budget as downtime
///   ([`MeasuredTime::counted_between`]): the downtime allowed is the
///   budget less it, never below zero.
///
/// A period shorter than a week has a figure only when every day measures
/// the same time and holds the same maintenance ([`MeasuredTime::in_period`]);
/// otherwise it is not defined, whichever of the two differs.
///
/// Worked by hand: Mon–Fri 09:00–17:00 holds 40 h a week; from Friday
/// 16:00 to Monday 10:00 it measures 1 h + 1 h = 2 h.
///
/// ```
/// use nines_core::clock::{parse_instant, MeasuredTime, UtcOffset};
/// use nines_core::window::{Convention, PlannedMaintenance};
/// let office = MeasuredTime::new(
///     "Mon-Fri 09:00-17:00".parse().unwrap(),
///     &PlannedMaintenance::default(),
///     UtcOffset::UTC,
///     Convention::GregorianMean,
/// );
/// let fri = parse_instant("2026-11-13T16:00Z").unwrap();
/// let mon = parse_instant("2026-11-16T10:00Z").unwrap();
/// assert_eq!(office.between(fri, mon), 7_200.0);
/// assert_eq!(office.after(fri, 7_200.0), Some(mon));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MeasuredTime {
    hours: ServiceHours,
    /// The weekly maintenance window, excluded or counted.
    window: Option<ServiceHours>,
    /// Planned maintenance a month when there is no weekly window (0:
    /// none).
    monthly_seconds: f64,
    treatment: Maintenance,
    convention: Convention,
    offset: UtcOffset,
}

impl Default for MeasuredTime {
    /// 24/7, nothing excluded.
    fn default() -> Self {
        MeasuredTime::ALWAYS
    }
}

/// A week of the schedule, in exact seconds (see [`MeasuredTime::week`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ServiceWeek {
    /// Time in service.
    pub service: Ratio,
    /// Planned maintenance inside the service hours, whatever its
    /// treatment.
    pub maintenance: Ratio,
    /// The time measured: the service time less excluded maintenance.
    pub measured: Ratio,
    /// Maintenance counted against the budget: downtime spent from it.
    pub counted: Ratio,
}

/// The measured time of a period and the maintenance counted in it, exact
/// seconds (see [`MeasuredTime::in_period`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PeriodTime {
    /// Seconds measured (the budget is `U ×` them).
    pub measured: Ratio,
    /// Seconds of counted maintenance, spent from that budget.
    pub counted: Ratio,
}

/// Why a period shorter than a week has no figure: its days do not all
/// measure the same time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnevenDays {
    /// The service hours differ from day to day.
    ServiceHours,
    /// The service hours are alike but the planned maintenance inside them
    /// is not (a weekly window on some days only).
    Maintenance,
}

/// Which part of the schedule a walk over the calendar follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    /// The service hours less an excluded window.
    Measured,
    /// The service hours.
    Service,
    /// The weekly window inside the service hours.
    Window,
}

/// `r × num / den`, exactly when it fits, else through `f64`.
fn scaled(r: Ratio, num: u128, den: u128) -> Ratio {
    Ratio::new(num, den)
        .and_then(|s| r.checked_mul(s))
        .or_else(|| Ratio::from_f64(r.to_f64() * num as f64 / den as f64))
        .unwrap_or(Ratio::ZERO)
}

/// The parts of `a` inside `b`, both sorted and disjoint.
fn intersect(a: &[(u32, u32)], b: &[(u32, u32)]) -> Vec<(u32, u32)> {
    a.iter()
        .flat_map(|&(s, e)| {
            b.iter().filter_map(move |&(c, d)| {
                let (x, y) = (s.max(c), e.min(d));
                (x < y).then_some((x, y))
            })
        })
        .collect()
}

/// The parts of `a` outside `b`, both sorted and disjoint.
fn subtract(a: &[(u32, u32)], b: &[(u32, u32)]) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    for &(s, e) in a {
        let mut from = s;
        for &(c, d) in b.iter().filter(|(c, d)| *d > s && *c < e) {
            if c > from {
                out.push((from, c));
            }
            from = from.max(d);
        }
        if from < e {
            out.push((from, e));
        }
    }
    out
}

/// `a − b`, zero when `b` is larger.
fn less(a: Ratio, b: Ratio) -> Ratio {
    a.checked_sub(b).unwrap_or(Ratio::ZERO)
}

impl MeasuredTime {
    /// Every second counts.
    pub const ALWAYS: MeasuredTime = MeasuredTime {
        hours: ServiceHours::always(),
        window: None,
        monthly_seconds: 0.0,
        treatment: Maintenance::Excluded,
        convention: Convention::GregorianMean,
        offset: UtcOffset::UTC,
    };

    /// `hours` in `offset` with `maintenance`, months as `convention` has
    /// them.
    pub fn new(
        hours: ServiceHours,
        maintenance: &PlannedMaintenance,
        offset: UtcOffset,
        convention: Convention,
    ) -> MeasuredTime {
        let monthly = maintenance.seconds_per_month;
        MeasuredTime {
            hours,
            window: maintenance.weekly,
            monthly_seconds: if maintenance.weekly.is_none() && monthly.is_finite() && monthly > 0.0
            {
                monthly
            } else {
                0.0
            },
            treatment: maintenance.treatment,
            convention,
            offset,
        }
    }

    /// Whether every second is measured (24/7, nothing excluded).
    pub fn is_always(&self) -> bool {
        self.hours.is_always()
            && (self.treatment == Maintenance::Counted
                || (self.window.is_none() && self.monthly_seconds == 0.0))
    }

    /// The offset the hours are read in.
    pub fn offset(&self) -> UtcOffset {
        self.offset
    }

    /// Whether the planned maintenance is excluded or counted.
    pub fn treatment(&self) -> Maintenance {
        self.treatment
    }

    /// The pieces of weekday `day` (0 = Monday) that `part` follows,
    /// seconds after local midnight, in order. A range across midnight is
    /// its evening on one day and its morning on the next, and a weekly
    /// maintenance window is cut the same way, so the part of it inside the
    /// service hours is found day by day.
    fn pieces(&self, day: usize, part: Part) -> Vec<(u32, u32)> {
        let seconds = |h: &ServiceHours| -> Vec<(u32, u32)> {
            h.day_ranges(day)
                .map(|r| {
                    (
                        u32::from(r.start_minute()) * 60,
                        u32::from(r.end_minute()) * 60,
                    )
                })
                .collect()
        };
        let service = seconds(&self.hours);
        let window = match (&self.window, part) {
            (_, Part::Service) | (None, _) => return service,
            (Some(w), _) => seconds(w),
        };
        match part {
            Part::Window => intersect(&service, &window),
            Part::Measured if self.treatment == Maintenance::Excluded => {
                subtract(&service, &window)
            }
            _ => service,
        }
    }

    /// Seconds of `part` on weekday `day`.
    fn day_seconds(&self, day: usize, part: Part) -> u64 {
        self.pieces(day, part)
            .iter()
            .map(|(a, b)| u64::from(b.saturating_sub(*a)))
            .sum()
    }

    /// Seconds of `part` a week.
    fn weekly(&self, part: Part) -> u64 {
        (0..7).map(|d| self.day_seconds(d, part)).sum()
    }

    /// The planned maintenance inside the service hours, seconds a week:
    /// the window's part inside them, or the monthly amount's weekly share
    /// (× 7 days / the month), at most the service time.
    fn maintenance_week(&self) -> Ratio {
        if self.window.is_some() {
            return Ratio::from_integer(u128::from(self.weekly(Part::Window)));
        }
        if self.monthly_seconds <= 0.0 {
            return Ratio::ZERO;
        }
        let service = Ratio::from_integer(u128::from(self.weekly(Part::Service)));
        let month = u128::from(self.convention.month_seconds());
        let share = Ratio::from_f64(self.monthly_seconds)
            .map(|m| scaled(m, 604_800, month))
            .unwrap_or(service);
        if share < service { share } else { service }
    }

    /// A week of the schedule, exactly: its service time, the maintenance
    /// inside it, what is measured and what counted maintenance spends.
    ///
    /// ```
    /// use nines_core::clock::{MeasuredTime, UtcOffset};
    /// use nines_core::ratio::Ratio;
    /// use nines_core::window::{Convention, PlannedMaintenance};
    /// // Mon–Fri 09:00–17:00 (40 h) and Wed 16:00–18:00 excluded: only
    /// // 16:00–17:00 is inside the service hours, so 39 h are measured.
    /// let m = MeasuredTime::new(
    ///     "Mon-Fri 09:00-17:00".parse().unwrap(),
    ///     &"Wed 16:00-18:00 excluded".parse::<PlannedMaintenance>().unwrap(),
    ///     UtcOffset::UTC,
    ///     Convention::GregorianMean,
    /// );
    /// let w = m.week();
    /// assert_eq!(w.maintenance, Ratio::from_integer(3_600));
    /// assert_eq!(w.measured, Ratio::from_integer(39 * 3_600));
    /// assert_eq!(w.counted, Ratio::ZERO);
    /// ```
    pub fn week(&self) -> ServiceWeek {
        let service = Ratio::from_integer(u128::from(self.weekly(Part::Service)));
        let maintenance = self.maintenance_week();
        let (measured, counted) = match self.treatment {
            Maintenance::Excluded => (less(service, maintenance), Ratio::ZERO),
            Maintenance::Counted => (service, maintenance),
        };
        ServiceWeek {
            service,
            maintenance,
            measured,
            counted,
        }
    }

    /// Whether nothing at all is measured: closed service hours, or
    /// excluded maintenance that takes every service hour.
    pub fn is_empty(&self) -> bool {
        self.week().measured.is_zero()
    }

    /// The warning when nothing is measured, naming why and what to
    /// change; `None` when some time is measured.
    ///
    /// ```
    /// use nines_core::clock::{MeasuredTime, UtcOffset};
    /// use nines_core::window::{Convention, PlannedMaintenance};
    /// let m = MeasuredTime::new(
    ///     "Mon-Fri 09:00-17:00".parse().unwrap(),
    ///     &"Mon-Fri 08:00-18:00 excluded".parse::<PlannedMaintenance>().unwrap(),
    ///     UtcOffset::UTC,
    ///     Convention::GregorianMean,
    /// );
    /// assert!(m.nothing_measured_note().unwrap().starts_with("Nothing is left to measure"));
    /// ```
    pub fn nothing_measured_note(&self) -> Option<String> {
        let week = self.week();
        if week.service.is_zero() {
            return Some(
                "Nothing is left to measure: the service hours are closed, so no downtime is \
                 allowed and no error budget accrues; give the hours the service is meant to \
                 be up."
                    .to_string(),
            );
        }
        if !week.measured.is_zero() {
            return None;
        }
        let what = match self.window {
            Some(w) => w.to_string(),
            None => [
                &crate::duration::format_duration(self.monthly_seconds),
                " a month",
            ]
            .concat(),
        };
        Some(
            [
                "Nothing is left to measure: the planned maintenance excluded (",
                &what,
                ") takes every service hour (",
                &self.hours.to_string(),
                "), so no downtime is allowed and no error budget accrues; shorten the \
                 maintenance, or count it against the budget.",
            ]
            .concat(),
        )
    }

    /// The measured seconds of `period` and the counted maintenance in it,
    /// exactly. A week or longer: the week's figures × period / week (a
    /// mean, since months do not hold whole weeks). A day (or a rolling
    /// window under a week): only when every day measures the same time
    /// with the same maintenance; an hour: only around the clock without a
    /// weekly window. Otherwise which of the two differs by day.
    ///
    /// ```
    /// use nines_core::clock::{MeasuredTime, UnevenDays, UtcOffset};
    /// use nines_core::ratio::Ratio;
    /// use nines_core::window::{Convention, Period, PlannedMaintenance, ServiceHours};
    /// let sunday: PlannedMaintenance = "Sun 02:00-04:00 excluded".parse().unwrap();
    /// let m = MeasuredTime::new(ServiceHours::always(), &sunday, UtcOffset::UTC, Convention::SreBook);
    /// // Sunday measures 22 h, the other days 24 h: a day is not defined.
    /// assert_eq!(m.in_period(Period::Day), Err(UnevenDays::Maintenance));
    /// // 30 days: (604 800 − 7 200) × 30 / 7 s.
    /// let month = m.in_period(Period::Month).unwrap();
    /// assert_eq!(month.measured, Ratio::new(597_600 * 30, 7).unwrap());
    /// ```
    pub fn in_period(&self, period: Period) -> Result<PeriodTime, UnevenDays> {
        let seconds = u128::from(period.seconds(self.convention));
        let week = self.week();
        let whole_weeks = |week: &ServiceWeek| PeriodTime {
            measured: scaled(week.measured, seconds, 604_800),
            counted: scaled(week.counted, seconds, 604_800),
        };
        match period {
            Period::Hour if !self.hours.is_always() => return Err(UnevenDays::ServiceHours),
            Period::Hour if self.window.is_some() => return Err(UnevenDays::Maintenance),
            // Around the clock with nothing or an even share cut: every
            // hour alike.
            Period::Hour => return Ok(whole_weeks(&week)),
            Period::Day => {}
            Period::Days(n) if n < 7 => {}
            _ => return Ok(whole_weeks(&week)),
        }
        // Every day alike: its service time and its maintenance.
        let service: Vec<u64> = (0..7).map(|d| self.day_seconds(d, Part::Service)).collect();
        if service.iter().any(|s| *s != service[0]) {
            return Err(UnevenDays::ServiceHours);
        }
        let window: Vec<u64> = (0..7).map(|d| self.day_seconds(d, Part::Window)).collect();
        if window.iter().any(|w| *w != window[0]) {
            return Err(UnevenDays::Maintenance);
        }
        // Then a day is a seventh of the week, exactly.
        let days = seconds / 86_400;
        Ok(PeriodTime {
            measured: scaled(week.measured, days, 7),
            counted: scaled(week.counted, days, 7),
        })
    }

    /// The share of the service time that is measured after excluding a
    /// monthly amount (1 when there is none, or a weekly window instead).
    fn monthly_factor(&self) -> f64 {
        if self.treatment == Maintenance::Counted || self.window.is_some() {
            return 1.0;
        }
        let week = self.week();
        if week.service.is_zero() {
            return 0.0;
        }
        (week.measured.to_f64() / week.service.to_f64()).clamp(0.0, 1.0)
    }

    /// The share of all time that is measured: 1 for 24/7; 5/21 for Mon–Fri
    /// 09:00–17:00 (40 h of 168).
    ///
    /// ```
    /// use nines_core::clock::{MeasuredTime, UtcOffset};
    /// use nines_core::window::{Convention, PlannedMaintenance};
    /// let m = MeasuredTime::new("Mon-Fri 09:00-17:00".parse().unwrap(), &PlannedMaintenance::default(), UtcOffset::UTC, Convention::GregorianMean);
    /// assert_eq!(m.fraction(), 40.0 / 168.0);
    /// ```
    pub fn fraction(&self) -> f64 {
        if self.is_always() {
            return 1.0;
        }
        self.weekly(Part::Measured) as f64 / 604_800.0 * self.monthly_factor()
    }

    /// `t` as a local date and time in the offset.
    fn local(&self, t: DateTime<Utc>) -> chrono::NaiveDateTime {
        t.naive_utc() + self.offset.duration()
    }

    /// Measured seconds in `[from, to)` (0 when `to` is not after `from`).
    pub fn between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> f64 {
        if to <= from {
            return 0.0;
        }
        if self.is_always() {
            return seconds_between(from, to);
        }
        self.walk_between(from, to, Part::Measured) * self.monthly_factor()
    }

    /// Seconds of maintenance counted against the budget in `[from, to)`,
    /// inside the service hours: a weekly window's part inside them, or the
    /// monthly amount spread evenly over the service time; 0 when the
    /// maintenance is excluded (or none).
    ///
    /// ```
    /// use nines_core::clock::{parse_instant, MeasuredTime, UtcOffset};
    /// use nines_core::window::{Convention, PlannedMaintenance};
    /// let m = MeasuredTime::new(
    ///     "Mon-Fri 09:00-17:00".parse().unwrap(),
    ///     &"Wed 16:00-18:00 counted".parse::<PlannedMaintenance>().unwrap(),
    ///     UtcOffset::UTC,
    ///     Convention::GregorianMean,
    /// );
    /// let mon = parse_instant("2026-11-09").unwrap();
    /// // Wednesday 11 November, 16:00–17:00: one hour a week.
    /// assert_eq!(m.counted_between(mon, parse_instant("2026-11-16").unwrap()), 3_600.0);
    /// assert_eq!(m.counted_between(mon, parse_instant("2026-11-11T16:30Z").unwrap()), 1_800.0);
    /// ```
    pub fn counted_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> f64 {
        if self.treatment != Maintenance::Counted || to <= from {
            return 0.0;
        }
        if self.window.is_some() {
            return self.walk_between(from, to, Part::Window);
        }
        let week = self.week();
        if week.service.is_zero() || week.counted.is_zero() {
            return 0.0;
        }
        let share = week.counted.to_f64() / week.service.to_f64();
        let service = if self.hours.is_always() {
            seconds_between(from, to)
        } else {
            self.walk_between(from, to, Part::Service)
        };
        service * share
    }

    /// Seconds of `part` in `[from, to)`: whole weeks, then the rest day
    /// by day.
    fn walk_between(&self, from: DateTime<Utc>, to: DateTime<Utc>, part: Part) -> f64 {
        if to <= from {
            return 0.0;
        }
        let weeks = (to - from).num_weeks();
        let whole = weeks as f64 * self.weekly(part) as f64;
        let rest = Duration::try_weeks(weeks)
            .and_then(|w| from.checked_add_signed(w))
            .map_or(0.0, |start| self.within_week(start, to, part));
        whole + rest
    }

    /// The intervals of `part` from `from` on, in local time, in order, the
    /// first clipped to start at `from`: `days` days of them (the one walk
    /// of [`MeasuredTime::between`] and [`MeasuredTime::after`]).
    fn intervals(
        &self,
        from: chrono::NaiveDateTime,
        days: usize,
        part: Part,
    ) -> impl Iterator<Item = (chrono::NaiveDateTime, chrono::NaiveDateTime)> + '_ {
        std::iter::successors(Some(from.date()), |d| d.succ_opt())
            .take(days)
            .flat_map(move |day| {
                let midnight = day.and_time(NaiveTime::MIN);
                let weekday = day.weekday().num_days_from_monday() as usize;
                self.pieces(weekday, part).into_iter().map(move |(a, b)| {
                    (
                        (midnight + Duration::seconds(i64::from(a))).max(from),
                        midnight + Duration::seconds(i64::from(b)),
                    )
                })
            })
            .filter(|(s, e)| e > s)
    }

    /// Seconds of `part` in `[from, to)`, less than a week apart.
    fn within_week(&self, from: DateTime<Utc>, to: DateTime<Utc>, part: Part) -> f64 {
        let (lf, lt) = (self.local(from), self.local(to));
        self.intervals(lf, 8, part)
            .take_while(|(s, _)| *s < lt)
            .map(|(s, e)| (e.min(lt) - s).num_milliseconds() as f64 / 1000.0)
            .sum()
    }

    /// The instant at which `seconds` of measured time have passed since
    /// `from`; `None` when nothing is ever measured (closed), `seconds` is
    /// negative or not a number, or the instant is off the calendar.
    pub fn after(&self, from: DateTime<Utc>, seconds: f64) -> Option<DateTime<Utc>> {
        if self.is_always() {
            return after(from, seconds);
        }
        let weekly = self.weekly(Part::Measured) as f64;
        let factor = self.monthly_factor();
        if !(seconds.is_finite() && (0.0..=1e13).contains(&seconds))
            || weekly == 0.0
            || factor <= 0.0
        {
            return None;
        }
        let raw = seconds / factor;
        if raw == 0.0 {
            return Some(from);
        }
        // Whole weeks first, leaving (0, one week] to walk day by day.
        let weeks = ((raw / weekly).ceil() - 1.0).max(0.0);
        let mut left = raw - weeks * weekly;
        let start = from.checked_add_signed(Duration::try_weeks(weeks as i64)?)?;
        for (s, e) in self.intervals(self.local(start), 9, Part::Measured) {
            let length = (e - s).num_milliseconds() as f64 / 1000.0;
            if left <= length {
                let at = s + Duration::try_milliseconds((left * 1000.0).round() as i64)?;
                return Some(DateTime::from_naive_utc_and_offset(
                    at - self.offset.duration(),
                    Utc,
                ));
            }
            left -= length;
        }
        None
    }

    /// One sentence for reports, or `""` for plain time: `Counted in service
    /// time only: Mon-Fri 09:00-17:00 (UTC+01:00), 40 hours a week.`; the
    /// maintenance it excludes is the part inside the service hours.
    pub fn describe(&self) -> String {
        if self.is_always() {
            return String::new();
        }
        let hours = if self.hours.is_always() {
            "around the clock".to_string()
        } else {
            [&self.hours.to_string(), " (", &self.offset.label(), ")"].concat()
        };
        let week = self.week();
        let excluded = self.treatment == Maintenance::Excluded;
        let (less, aside) = match self.window {
            Some(w) if excluded && week.maintenance.is_zero() => (
                String::new(),
                [
                    " (the planned maintenance ",
                    &w.to_string(),
                    " falls outside them, so it excludes nothing)",
                ]
                .concat(),
            ),
            Some(w)
                if excluded && week.maintenance.to_f64() < f64::from(w.weekly_minutes()) * 60.0 =>
            {
                (
                    [
                        ", less the part of the planned maintenance ",
                        &w.to_string(),
                        " inside them (",
                        &crate::duration::format_duration(week.maintenance.to_f64()),
                        " a week)",
                    ]
                    .concat(),
                    String::new(),
                )
            }
            Some(w) if excluded => (
                [", less the planned maintenance ", &w.to_string()].concat(),
                String::new(),
            ),
            None if excluded && !week.maintenance.is_zero() => (
                ", less the planned maintenance (spread evenly over them)".to_string(),
                String::new(),
            ),
            _ => (String::new(), String::new()),
        };
        let hours_a_week = week.measured.to_f64() / 3_600.0;
        [
            "Counted in service time only: ",
            &hours,
            &less,
            ", ",
            &crate::display::count(hours_a_week, 2),
            " hours a week",
            &aside,
            ". Outside it no budget accrues and no time elapses.",
        ]
        .concat()
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::at;
    use super::*;

    fn office(offset: i32, maintenance: PlannedMaintenance) -> MeasuredTime {
        MeasuredTime::new(
            "Mon-Fri 09:00-17:00".parse().unwrap(),
            &maintenance,
            UtcOffset::from_minutes(offset).unwrap(),
            Convention::GregorianMean,
        )
    }

    #[test]
    fn service_time_counted_by_hand() {
        let m = office(0, PlannedMaintenance::default());
        // 2026-11-09 is a Monday. A week from any instant holds 40 h.
        assert_eq!(m.between(at("2026-11-09"), at("2026-11-16")), 144_000.0);
        assert_eq!(
            m.between(at("2026-11-11T13:30Z"), at("2026-11-18T13:30Z")),
            144_000.0
        );
        // 30 days from Sun 1 Nov 2026: 4 weeks (160 h) + Sun 29 and Mon 30
        // (8 h) = 168 h.
        assert_eq!(
            m.between(at("2026-11-01"), at("2026-12-01")),
            168.0 * 3_600.0
        );
        // Saturday to Sunday: nothing; backwards: nothing.
        assert_eq!(m.between(at("2026-11-14"), at("2026-11-16")), 0.0);
        assert_eq!(m.between(at("2026-11-16"), at("2026-11-14")), 0.0);
        // 32 h of service from Mon 00:00 is Thu 17:00 (8 h a day).
        assert_eq!(
            m.after(at("2026-11-09"), 32.0 * 3_600.0),
            Some(at("2026-11-12T17:00Z"))
        );
        // 40 h from Mon 00:00 ends Fri 17:00, and 41 h is next Mon 10:00.
        assert_eq!(
            m.after(at("2026-11-09"), 40.0 * 3_600.0),
            Some(at("2026-11-13T17:00Z"))
        );
        assert_eq!(
            m.after(at("2026-11-09"), 41.0 * 3_600.0),
            Some(at("2026-11-16T10:00Z"))
        );
        // 10 weeks and 1 h from Sat 14 Nov: Mon 25 Jan 2027, 10:00.
        assert_eq!(
            m.after(at("2026-11-14"), 401.0 * 3_600.0),
            Some(at("2027-01-25T10:00Z"))
        );
        // In UTC+01:00 the hours are 08:00-16:00 UTC.
        let paris = office(60, PlannedMaintenance::default());
        assert_eq!(
            paris.after(at("2026-11-09"), 32.0 * 3_600.0),
            Some(at("2026-11-12T16:00Z"))
        );
        assert_eq!(
            paris.between(at("2026-11-09T07:00Z"), at("2026-11-09T09:00Z")),
            3_600.0
        );
        // Closed: nothing is measured, nothing runs out.
        let closed = MeasuredTime::new(
            "closed".parse().unwrap(),
            &PlannedMaintenance::default(),
            UtcOffset::UTC,
            Convention::GregorianMean,
        );
        assert_eq!(closed.fraction(), 0.0);
        assert_eq!(closed.after(at("2026-11-09"), 1.0), None);
        assert_eq!(m.after(at("2026-11-09"), f64::NAN), None);
        assert_eq!(m.after(at("2026-11-09"), -1.0), None);
        assert!(MeasuredTime::ALWAYS.is_always());
        assert_eq!(MeasuredTime::ALWAYS.describe(), "");
    }

    #[test]
    fn excluded_maintenance_is_not_measured() {
        // Wednesday 12:00-13:00 excluded: 39 h a week.
        let weekly = |t| PlannedMaintenance::weekly(t, "Wed 12:00-13:00".parse().unwrap());
        let m = office(0, weekly(Maintenance::Excluded));
        assert_eq!(
            m.between(at("2026-11-09"), at("2026-11-16")),
            39.0 * 3_600.0
        );
        assert_eq!(m.fraction(), 39.0 / 168.0);
        // Wed 09:00 + 4 h of service: 12:00-13:00 is skipped, so 14:00.
        assert_eq!(
            m.after(at("2026-11-11T09:00Z"), 4.0 * 3_600.0),
            Some(at("2026-11-11T14:00Z"))
        );
        assert_eq!(
            m.describe(),
            "Counted in service time only: Mon-Fri 09:00-17:00 (UTC), less the planned \
             maintenance Wed 12:00-13:00, 39 hours a week. Outside it no budget accrues and \
             no time elapses."
        );
        // Counted maintenance is measured like any time.
        assert_eq!(
            office(0, weekly(Maintenance::Counted)).fraction(),
            40.0 / 168.0
        );
        // Outside the service hours an excluded window changes nothing.
        let night =
            PlannedMaintenance::weekly(Maintenance::Excluded, "Sun 02:00-04:00".parse().unwrap());
        assert_eq!(office(0, night).fraction(), 40.0 / 168.0);
        // 24/7 less 4 h a month spread evenly (Gregorian month 2 629 746 s):
        // a week measures 604 800 × (1 − 14 400 / 2 629 746).
        let monthly = MeasuredTime::new(
            ServiceHours::always(),
            &PlannedMaintenance::new(Maintenance::Excluded, 14_400.0).unwrap(),
            UtcOffset::UTC,
            Convention::GregorianMean,
        );
        let week = monthly.between(at("2026-11-09"), at("2026-11-16"));
        assert!((week - 604_800.0 * (1.0 - 14_400.0 / 2_629_746.0)).abs() < 1e-6);
        assert!(!monthly.is_always());
    }

    /// The one rule: only
    /// the maintenance inside the service hours is excluded or counted.
    /// Mon–Fri 09:00–17:00 holds 40 h = 144,000 s a week.
    #[test]
    fn maintenance_counts_only_inside_the_service_hours() {
        let weekly = |text: &str| office(0, text.parse().unwrap());
        // Sunday night: outside, nothing excluded or counted.
        for text in ["Sun 02:00-04:00 excluded", "Sun 02:00-04:00 counted"] {
            let w = weekly(text).week();
            assert_eq!(w.maintenance, Ratio::ZERO, "{text}");
            assert_eq!(w.measured, Ratio::from_integer(144_000), "{text}");
            assert_eq!(w.counted, Ratio::ZERO, "{text}");
        }
        // Wed 16:00–18:00: 16:00–17:00 inside, 3,600 s.
        let ex = weekly("Wed 16:00-18:00 excluded");
        assert_eq!(ex.week().measured, Ratio::from_integer(140_400));
        assert_eq!(
            ex.describe(),
            "Counted in service time only: Mon-Fri 09:00-17:00 (UTC), less the part of the \
             planned maintenance Wed 16:00-18:00 inside them (1h a week), 39 hours a week. \
             Outside it no budget accrues and no time elapses."
        );
        // Wed 11 Nov 2026: 16:00 + 1 h of service would be 17:00, but
        // 16:00–17:00 is excluded, so Thu 10:00.
        assert_eq!(
            ex.after(at("2026-11-11T16:00Z"), 3_600.0),
            Some(at("2026-11-12T10:00Z"))
        );
        let co = weekly("Wed 16:00-18:00 counted");
        assert_eq!(co.week().measured, Ratio::from_integer(144_000));
        assert_eq!(co.week().counted, Ratio::from_integer(3_600));
        // From Mon 9 Nov: by Wed 16:30, 30 min of it; over two weeks 2 h.
        assert_eq!(
            co.counted_between(at("2026-11-09"), at("2026-11-11T16:30Z")),
            1_800.0
        );
        assert_eq!(
            co.counted_between(at("2026-11-09"), at("2026-11-23")),
            7_200.0
        );
        assert_eq!(ex.counted_between(at("2026-11-09"), at("2026-11-23")), 0.0);
        let outside = weekly("Sun 02:00-04:00 excluded");
        assert!(outside.describe().contains(
            "40 hours a week (the planned maintenance Sun 02:00-04:00 falls outside them, so it \
             excludes nothing)"
        ));
    }

    /// An amount a month falls inside the service hours, spread evenly over
    /// them: 4 h a Gregorian month (2,629,746 s) is 4 × 3,600 × 604,800 /
    /// 2,629,746 = 3,311.766… s a week; beside 40 h, 144,000 − 3,311.766 =
    /// 140,688.23 s measured. Counted over 24/7 for 30 days: 14,400 × 30 ×
    /// 86,400 / 2,629,746 = 14,193.28 s.
    #[test]
    fn a_monthly_amount_falls_inside_the_service_hours() {
        let four_hours = |t| PlannedMaintenance::new(t, 14_400.0).unwrap();
        let m = office(0, four_hours(Maintenance::Excluded));
        let week = m.week();
        let inside = 14_400.0 * 604_800.0 / 2_629_746.0;
        assert!((week.maintenance.to_f64() - inside).abs() < 1e-9);
        assert!((week.measured.to_f64() - (144_000.0 - inside)).abs() < 1e-9);
        let measured = m.between(at("2026-11-09"), at("2026-11-16"));
        assert!((measured - (144_000.0 - inside)).abs() < 1e-6, "{measured}");
        let counted = MeasuredTime::new(
            ServiceHours::always(),
            &four_hours(Maintenance::Counted),
            UtcOffset::UTC,
            Convention::GregorianMean,
        );
        assert!(counted.is_always());
        let c = counted.counted_between(at("2026-11-01"), at("2026-12-01"));
        assert!(
            (c - 14_400.0 * 30.0 * 86_400.0 / 2_629_746.0).abs() < 1e-6,
            "{c}"
        );
        // More than the service hours hold (200 h a month ≈ 46 h a week
        // against 40 h): all of them, and nothing is left.
        let all = office(
            0,
            PlannedMaintenance::new(Maintenance::Excluded, 720_000.0).unwrap(),
        );
        assert!(all.is_empty());
        assert_eq!(all.between(at("2026-11-09"), at("2026-11-16")), 0.0);
        assert_eq!(all.after(at("2026-11-09"), 1.0), None);
        assert!(all.nothing_measured_note().is_some());
        assert!(m.nothing_measured_note().is_none());
    }

    /// Short periods: a day only when every day measures the same time; an
    /// hour only around the clock without a weekly window.
    #[test]
    fn short_periods_need_even_days() {
        let always = |m: &str| {
            MeasuredTime::new(
                ServiceHours::always(),
                &m.parse().unwrap(),
                UtcOffset::UTC,
                Convention::SreBook,
            )
        };
        let sunday = always("Sun 02:00-04:00 excluded");
        assert_eq!(sunday.in_period(Period::Day), Err(UnevenDays::Maintenance));
        assert_eq!(
            sunday.in_period(Period::Days(3)),
            Err(UnevenDays::Maintenance)
        );
        assert_eq!(sunday.in_period(Period::Hour), Err(UnevenDays::Maintenance));
        // 7 days is a week: 604,800 − 7,200 = 597,600 s.
        assert_eq!(
            sunday.in_period(Period::Days(7)).unwrap().measured,
            Ratio::from_integer(597_600)
        );
        // 2 h of maintenance every day, counted: 3 days measure 3 × 24 h
        // (counted time is measured) and charge 3 × 2 h.
        let daily = always("daily 02:00-04:00 counted");
        let three = daily.in_period(Period::Days(3)).unwrap();
        assert_eq!(three.measured, Ratio::from_integer(3 * 86_400));
        assert_eq!(three.counted, Ratio::from_integer(3 * 7_200));
        // 30 minutes a month (SRE book: 2,592,000 s) spread evenly: an
        // hour measures 3,600 × (1 − 1,800 / 2,592,000) = 3,597.5 s.
        let monthly = always("30m per month excluded");
        assert_eq!(
            monthly.in_period(Period::Hour).unwrap().measured,
            Ratio::new(7_195, 2).unwrap()
        );
        // Eight hours every day, at different times: a day is 8 h.
        let shifted = MeasuredTime::new(
            "Mon 09:00-17:00, Tue-Sun 10:00-18:00".parse().unwrap(),
            &PlannedMaintenance::default(),
            UtcOffset::UTC,
            Convention::SreBook,
        );
        assert_eq!(
            shifted.in_period(Period::Day).unwrap().measured,
            Ratio::from_integer(28_800)
        );
        let office = office(0, PlannedMaintenance::default());
        assert_eq!(office.in_period(Period::Day), Err(UnevenDays::ServiceHours));
        assert_eq!(
            office.in_period(Period::Hour),
            Err(UnevenDays::ServiceHours)
        );
    }

    /// `hours` read at `offset` minutes from UTC with `maintenance`, SRE
    /// book months.
    fn schedule(hours: &str, maintenance: &str, offset: i32) -> MeasuredTime {
        MeasuredTime::new(
            hours.parse().unwrap(),
            &maintenance.parse().unwrap(),
            UtcOffset::from_minutes(offset).unwrap(),
            Convention::SreBook,
        )
    }

    /// Night shifts, Mon–Fri 22:00–06:00 in UTC: 5 × 8 h = 40 h = 144,000 s
    /// a week. Mon 16 Nov 2026 is a Monday. Its morning is not in service
    /// (Sunday is not listed); the first hour is Mon 22:00–23:00, three
    /// hours end Tue 01:00, all 40 end Sat 21 Nov 06:00, and the 41st is
    /// the next Monday's 22:00–23:00.
    #[test]
    fn night_shifts_are_walked_across_midnight() {
        let m = schedule("Mon-Fri 22:00-06:00", "none", 0);
        assert_eq!(m.between(at("2026-11-16"), at("2026-11-23")), 144_000.0);
        assert_eq!(m.between(at("2026-11-16"), at("2026-11-16T22:00Z")), 0.0);
        // Fri 23:00 to Sat 07:00: Fri 23:00 to Sat 06:00, 7 h.
        assert_eq!(
            m.between(at("2026-11-20T23:00Z"), at("2026-11-21T07:00Z")),
            25_200.0
        );
        assert_eq!(m.fraction(), 40.0 / 168.0);
        for (hours, when) in [
            (1.0, "2026-11-16T23:00Z"),
            (3.0, "2026-11-17T01:00Z"),
            (40.0, "2026-11-21T06:00Z"),
            (41.0, "2026-11-23T23:00Z"),
        ] {
            assert_eq!(
                m.after(at("2026-11-16"), hours * 3_600.0),
                Some(at(when)),
                "{hours} h"
            );
        }
    }

    /// The same night shifts at UTC+05:30: local 22:00 is 16:30 UTC and
    /// local 06:00 is 00:30 UTC. From Mon 16 Nov 18:00 to Tue 00:00 UTC is
    /// local Mon 23:30 to Tue 05:30, all of it in service: 6 h = 21,600 s
    /// (in UTC the same instants hold Mon 22:00–24:00 only, 7,200 s). 8 h
    /// from Mon 00:00 UTC end at local Tue 06:00, Tue 00:30 UTC; 40 h at
    /// local Sat 06:00, Sat 21 Nov 00:30 UTC. Sun 22 Nov 18:00 UTC to Mon
    /// 00:00 UTC is local Sun 23:30 to Mon 05:30: no service at all.
    #[test]
    fn night_shifts_in_a_utc_offset() {
        let m = schedule("Mon-Fri 22:00-06:00", "none", 330);
        let (from, to) = (at("2026-11-16T18:00Z"), at("2026-11-17"));
        assert_eq!(m.between(from, to), 21_600.0);
        assert_eq!(
            schedule("Mon-Fri 22:00-06:00", "none", 0).between(from, to),
            7_200.0
        );
        assert_eq!(
            m.after(at("2026-11-16"), 8.0 * 3_600.0),
            Some(at("2026-11-17T00:30Z"))
        );
        assert_eq!(
            m.after(at("2026-11-16"), 40.0 * 3_600.0),
            Some(at("2026-11-21T00:30Z"))
        );
        assert_eq!(m.between(at("2026-11-22T18:00Z"), at("2026-11-23")), 0.0);
        assert_eq!(m.between(at("2026-11-16"), at("2026-11-23")), 144_000.0);
    }

    /// A maintenance window across midnight inside a night shift: Tue
    /// 23:00–Wed 01:00 lies wholly inside Tuesday's night (22:00–06:00), so
    /// 2 h = 7,200 s a week; excluded, 144,000 − 7,200 = 136,800 s (38 h)
    /// are measured, and 2 h of service from Tue 17 Nov 22:00 are 22:00–23:00
    /// then 01:00–02:00, ending Wed 02:00. Counted, from Tue 22:00 to Wed
    /// 00:30 it charges 23:00–00:30, 5,400 s. Sun 23:00–Mon 01:00 is
    /// outside (no Sunday night, no Monday morning): nothing. Sat
    /// 05:00–07:00 has 05:00–06:00 inside Friday's night: 3,600 s.
    #[test]
    fn maintenance_across_midnight_inside_a_night_shift() {
        let ex = schedule("Mon-Fri 22:00-06:00", "Tue 23:00-01:00 excluded", 0);
        assert_eq!(ex.week().maintenance, Ratio::from_integer(7_200));
        assert_eq!(ex.week().measured, Ratio::from_integer(136_800));
        assert_eq!(ex.between(at("2026-11-16"), at("2026-11-23")), 136_800.0);
        assert_eq!(
            ex.after(at("2026-11-17T22:00Z"), 7_200.0),
            Some(at("2026-11-18T02:00Z"))
        );
        let co = schedule("Mon-Fri 22:00-06:00", "Tue 23:00-01:00 counted", 0);
        assert_eq!(co.week().measured, Ratio::from_integer(144_000));
        assert_eq!(co.week().counted, Ratio::from_integer(7_200));
        assert_eq!(
            co.counted_between(at("2026-11-17T22:00Z"), at("2026-11-18T00:30Z")),
            5_400.0
        );
        let sunday = schedule("Mon-Fri 22:00-06:00", "Sun 23:00-01:00 excluded", 0);
        assert_eq!(sunday.week().maintenance, Ratio::ZERO);
        assert!(
            sunday.describe().contains(
                "(the planned maintenance Sun 23:00-01:00 falls outside them, so it excludes \
                 nothing)"
            ),
            "{}",
            sunday.describe()
        );
        let saturday = schedule("Mon-Fri 22:00-06:00", "Sat 05:00-07:00 counted", 0);
        assert_eq!(saturday.week().counted, Ratio::from_integer(3_600));
    }

    /// A split shift, Mon–Fri 09:00–12:00 and 13:00–17:00: 35 h = 126,000 s
    /// a week. Maintenance over the lunch gap (12:00–13:00) excludes
    /// nothing; 2 h of service from Mon 16 Nov 11:00 are 11:00–12:00 and
    /// 13:00–14:00. Wed 11:30–13:30 has 11:30–12:00 and 13:00–13:30 inside,
    /// 1 h: 122,400 s are measured.
    #[test]
    fn split_shifts_skip_the_gap() {
        let lunch = schedule(
            "Mon-Fri 09:00-12:00,13:00-17:00",
            "Mon-Fri 12:00-13:00 excluded",
            0,
        );
        assert_eq!(lunch.week().maintenance, Ratio::ZERO);
        assert_eq!(lunch.week().measured, Ratio::from_integer(126_000));
        assert_eq!(
            lunch.after(at("2026-11-16T11:00Z"), 7_200.0),
            Some(at("2026-11-16T14:00Z"))
        );
        let wed = schedule(
            "Mon-Fri 09:00-12:00,13:00-17:00",
            "Wed 11:30-13:30 excluded",
            0,
        );
        assert_eq!(wed.week().maintenance, Ratio::from_integer(3_600));
        assert_eq!(wed.week().measured, Ratio::from_integer(122_400));
        assert_eq!(wed.between(at("2026-11-16"), at("2026-11-23")), 122_400.0);
    }

    /// Weekend nights, Fri–Sun 22:00–06:00: 3 × 8 h = 24 h = 86,400 s a
    /// week. A week from Monday 00:00 starts inside Sunday's night: it
    /// holds Mon 00:00–06:00 (6 h), Fri 22–24 (2 h), Sat 00–06 and 22–24
    /// (8 h), Sun 00–06 and 22–24 (8 h) = 24 h. Across the boundary, Sun
    /// 23:00 to Mon 01:00 is 2 h; the new week's first 3 h are Mon
    /// 00:00–03:00.
    #[test]
    fn a_week_boundary_inside_a_night_shift() {
        let m = schedule("Fri-Sun 22:00-06:00", "none", 0);
        assert_eq!(m.between(at("2026-11-16"), at("2026-11-23")), 86_400.0);
        assert_eq!(
            m.between(at("2026-11-22T23:00Z"), at("2026-11-23T01:00Z")),
            7_200.0
        );
        assert_eq!(
            m.between(at("2026-11-23"), at("2026-11-23T03:00Z")),
            10_800.0
        );
        assert_eq!(
            m.after(at("2026-11-23"), 10_800.0),
            Some(at("2026-11-23T03:00Z"))
        );
    }

    /// A 30-day window from Sun 1 Nov 2026 00:00 UTC to Tue 1 Dec over
    /// Mon–Fri 22:00–06:00: the nights of Mon 2–Fri 6, 9–13, 16–20 and
    /// 23–27 Nov, 20 × 8 h = 160 h, and Mon 30 Nov's night up to Dec 1
    /// 00:00, 2 h: 162 h = 583,200 s. Oct 30's night ended Sat 31 Oct
    /// 06:00, before the window.
    #[test]
    fn thirty_days_of_night_shifts_counted_by_hand() {
        let m = schedule("Mon-Fri 22:00-06:00", "none", 0);
        assert_eq!(m.between(at("2026-11-01"), at("2026-12-01")), 583_200.0);
    }

    /// Per day with night shifts: Mon–Fri nights make Monday 2 h, Tuesday
    /// to Friday 8 h, Saturday 6 h and Sunday 0: a day is not defined.
    /// Every night: each day holds 00:00–06:00 and 22:00–24:00, 8 h =
    /// 28,800 s. Every night with Wed 23:00–Thu 01:00 excluded: Wednesday
    /// and Thursday lose an hour each, the other days none: not defined,
    /// because of the maintenance.
    #[test]
    fn per_day_with_night_shifts() {
        let weekdays = schedule("Mon-Fri 22:00-06:00", "none", 0);
        assert_eq!(
            weekdays.in_period(Period::Day),
            Err(UnevenDays::ServiceHours)
        );
        assert_eq!(
            weekdays.in_period(Period::Week).unwrap().measured,
            Ratio::from_integer(144_000)
        );
        let nightly = schedule("daily 22:00-06:00", "none", 0);
        assert_eq!(
            nightly.in_period(Period::Day).unwrap().measured,
            Ratio::from_integer(28_800)
        );
        let cut = schedule("daily 22:00-06:00", "Wed 23:00-01:00 excluded", 0);
        assert_eq!(cut.in_period(Period::Day), Err(UnevenDays::Maintenance));
    }
}
