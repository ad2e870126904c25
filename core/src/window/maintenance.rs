//! Planned maintenance: excluded from the SLO or counted against it.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Convention, Period, ServiceHours};
use crate::choice::Choice;
use crate::duration::format_seconds_plain;
use crate::parse_error::{Expected, ParseError, Problem};
use crate::ratio::Ratio;

/// How planned maintenance is treated (docs/DOMAIN.md §1.6: excluded from the SLO
/// or counted, by choice).
///
/// * `Excluded` (the default, as most SLAs write it): maintenance time is
///   removed from the measured window, so the budget is `U × (window −
///   maintenance)`: slightly smaller, and maintenance itself costs nothing.
/// * `Counted`: maintenance is downtime like any other, so it is spent out
///   of the budget: the downtime allowed is `U × window − maintenance`,
///   never below zero (when the maintenance alone exceeds the budget, the
///   reports say so and by how much).
///
/// Either way only the part of the maintenance inside the service hours
/// matters: see [`crate::clock::MeasuredTime`], where the rule is kept.
///
/// The SRE book's Appendix A table assumes no planned downtime at all.
///
/// ```
/// use nines_core::window::Maintenance;
/// assert_eq!(Maintenance::default(), Maintenance::Excluded);
/// assert_eq!(serde_json::to_string(&Maintenance::Counted).unwrap(), "\"counted\"");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Maintenance {
    /// Planned maintenance does not count against the SLO.
    #[default]
    Excluded,
    /// Planned maintenance counts as downtime.
    Counted,
}

impl Choice for Maintenance {
    const OPTIONS: &'static [Self] = &[Maintenance::Excluded, Maintenance::Counted];

    fn choice_id(self) -> &'static str {
        match self {
            Maintenance::Excluded => "excluded",
            Maintenance::Counted => "counted",
        }
    }

    fn choice_label(self) -> &'static str {
        match self {
            Maintenance::Excluded => "excluded from the target (not downtime)",
            Maintenance::Counted => "counted against the budget",
        }
    }
}

/// Planned maintenance: how it is treated and how much there is per month
/// (scaled in proportion to other periods under the convention in force).
///
/// ```
/// use nines_core::window::{Convention, Maintenance, Period, PlannedMaintenance};
/// let m = PlannedMaintenance::new(Maintenance::Counted, 3_600.0).unwrap();
/// assert_eq!(m.seconds_in(Period::Month, Convention::SreBook), 3_600.0);
/// assert_eq!(m.seconds_in(Period::Days(90), Convention::SreBook), 10_800.0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlannedMaintenance {
    /// Excluded or counted.
    pub treatment: Maintenance,
    /// Planned maintenance per month, in seconds (read when there is no
    /// weekly window).
    pub seconds_per_month: f64,
    /// A window every week, e.g. `Sun 02:00-04:00`: when set,
    /// the maintenance is its hours every week and `seconds_per_month` is
    /// not read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekly: Option<ServiceHours>,
}

impl Default for PlannedMaintenance {
    /// No planned maintenance, excluded.
    fn default() -> Self {
        PlannedMaintenance {
            treatment: Maintenance::Excluded,
            seconds_per_month: 0.0,
            weekly: None,
        }
    }
}

impl PlannedMaintenance {
    /// Checked constructor: the monthly time must be finite, not negative
    /// and no longer than a month under any convention (the Gregorian mean
    /// month, 730h 29m 6s, the longest; [`PlannedMaintenance::check`] holds
    /// it to the convention in force).
    ///
    /// ```
    /// use nines_core::window::{Maintenance, PlannedMaintenance};
    /// assert!(PlannedMaintenance::new(Maintenance::Excluded, -1.0).is_err());
    /// // 800 h is more than any month (at most 730.485 h).
    /// let e = PlannedMaintenance::new(Maintenance::Excluded, 800.0 * 3_600.0).unwrap_err();
    /// assert!(e.to_string().contains("at most a month"), "{e}");
    /// ```
    pub fn new(treatment: Maintenance, seconds_per_month: f64) -> Result<Self, ParseError> {
        let shown = format_seconds_plain(seconds_per_month);
        if seconds_per_month.is_nan() || seconds_per_month.is_infinite() {
            return Err(ParseError::new(
                &shown,
                Expected::Maintenance,
                Problem::NotANumber,
            ));
        }
        if seconds_per_month < 0.0 {
            return Err(ParseError::new(
                &shown,
                Expected::Maintenance,
                Problem::Negative,
            ));
        }
        let m = PlannedMaintenance {
            treatment,
            seconds_per_month,
            weekly: None,
        };
        m.check(Convention::GregorianMean)?;
        Ok(m)
    }

    /// Refuses maintenance longer than its period under `convention`: an
    /// amount a month longer than the month (720h under the SRE book, 730h
    /// under a 365-day year, 730h 29m 6s under the Gregorian mean). A weekly
    /// window is never longer than its week (the whole week is refused
    /// when read).
    ///
    /// ```
    /// use nines_core::window::{Convention, PlannedMaintenance};
    /// let m: PlannedMaintenance = "725h per month excluded".parse().unwrap();
    /// assert!(m.check(Convention::GregorianMean).is_ok());
    /// let e = m.check(Convention::SreBook).unwrap_err().to_string();
    /// assert!(e.contains("at most a month, 720h under the SRE book"), "{e}");
    /// ```
    pub fn check(&self, convention: Convention) -> Result<(), ParseError> {
        let month = convention.month_seconds() as f64;
        if self.weekly.is_none() && self.seconds_per_month > month {
            let limit = match convention {
                Convention::GregorianMean => "a month, 730h 29m 6s under the Gregorian mean",
                Convention::SreBook => "a month, 720h under the SRE book",
                Convention::Calendar365 => "a month, 730h under a 365-day year",
            };
            return Err(ParseError::new(
                &self.to_string(),
                Expected::Maintenance,
                Problem::TooLarge(limit),
            ));
        }
        Ok(())
    }

    /// A window every week, e.g. `Sun 02:00-04:00`, excluded or counted.
    ///
    /// ```
    /// use nines_core::window::{Convention, Maintenance, Period, PlannedMaintenance};
    /// let m = PlannedMaintenance::weekly(Maintenance::Counted, "Sun 02:00-04:00".parse().unwrap());
    /// // 2 h a week: 2 × 3 600 × 30 / 7 s in a 30-day month.
    /// assert_eq!(m.seconds_in(Period::Week, Convention::SreBook), 7_200.0);
    /// assert!((m.seconds_in(Period::Month, Convention::SreBook) - 30_857.142857).abs() < 1e-6);
    /// ```
    pub fn weekly(treatment: Maintenance, window: ServiceHours) -> PlannedMaintenance {
        PlannedMaintenance {
            treatment,
            seconds_per_month: 0.0,
            weekly: Some(window),
        }
    }

    /// Planned maintenance in `period`: the monthly time × period / month
    /// under `convention`. Invalid stored values (negative, NaN) count as 0.
    ///
    /// ```
    /// use nines_core::window::{Convention, Period, PlannedMaintenance};
    /// assert_eq!(PlannedMaintenance::default().seconds_in(Period::Year, Convention::GregorianMean), 0.0);
    /// ```
    pub fn seconds_in(&self, period: Period, convention: Convention) -> f64 {
        if let Some(w) = &self.weekly {
            // Its weekly minutes × period / week, exactly.
            let weekly = u128::from(w.weekly_minutes()) * 60;
            return Ratio::new(weekly * u128::from(period.seconds(convention)), 604_800)
                .map_or(0.0, Ratio::to_f64);
        }
        let per_month = if self.seconds_per_month.is_finite() && self.seconds_per_month > 0.0 {
            self.seconds_per_month
        } else {
            return 0.0;
        };
        let fraction = Ratio::new(
            u128::from(period.seconds(convention)),
            u128::from(convention.month_seconds()),
        );
        let exact = Ratio::from_f64(per_month)
            .zip(fraction)
            .and_then(|(m, f)| m.checked_mul(f));
        match exact {
            Some(r) => r.to_f64(),
            None => {
                per_month * period.seconds(convention) as f64 / convention.month_seconds() as f64
            }
        }
    }

    /// A one-line description for reports.
    ///
    /// ```
    /// use nines_core::window::PlannedMaintenance;
    /// assert_eq!(PlannedMaintenance::default().describe(), "no planned maintenance");
    /// ```
    pub fn describe(&self) -> String {
        let amount = match &self.weekly {
            Some(w) => format!(
                "{w} every week ({} a week)",
                crate::duration::format_duration(f64::from(w.weekly_minutes()) * 60.0)
            ),
            None if self.seconds_per_month.is_nan() || self.seconds_per_month <= 0.0 => {
                return "no planned maintenance".into();
            }
            None => format!(
                "{} a month",
                crate::duration::format_duration(self.seconds_per_month)
            ),
        };
        match self.treatment {
            Maintenance::Excluded => format!(
                "{amount} of planned maintenance, excluded from the SLO: it is not downtime, and the budget is the target's share of the time left"
            ),
            Maintenance::Counted => format!(
                "{amount} of planned maintenance, counted against the budget: the unplanned downtime allowed is the budget less the maintenance"
            ),
        }
    }
}

/// Written as it is read: `Sun 02:00-04:00 excluded`, `4h per month
/// counted`, `none`.
///
/// ```
/// use nines_core::window::PlannedMaintenance;
/// for text in ["Sun 02:00-04:00 excluded", "4h per month counted", "none"] {
///     assert_eq!(text.parse::<PlannedMaintenance>().unwrap().to_string(), text);
/// }
/// ```
impl fmt::Display for PlannedMaintenance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let treatment = self.treatment.choice_id();
        match &self.weekly {
            Some(w) => write!(f, "{w} {treatment}"),
            None if self.seconds_per_month.is_finite() && self.seconds_per_month > 0.0 => write!(
                f,
                "{} per month {treatment}",
                crate::duration::format_duration(self.seconds_per_month)
            ),
            None => f.write_str("none"),
        }
    }
}

/// Read as `<when> [excluded|counted]`: `<when>` a weekly window in the
/// service-hours grammar (`Sun 02:00-04:00`, `Sat-Sun 01:00-03:00`) or an
/// amount a month (`4h per month`, `30m a month`); `none` for no
/// maintenance. Without a treatment, excluded.
///
/// ```
/// use nines_core::window::{Maintenance, PlannedMaintenance};
/// let m: PlannedMaintenance = "Sun 02:00-04:00 excluded".parse().unwrap();
/// assert_eq!(m.weekly.unwrap().to_string(), "Sun 02:00-04:00");
/// let m: PlannedMaintenance = "4h per month counted".parse().unwrap();
/// assert_eq!((m.treatment, m.seconds_per_month), (Maintenance::Counted, 14_400.0));
/// assert!("always".parse::<PlannedMaintenance>().is_err());
/// ```
impl std::str::FromStr for PlannedMaintenance {
    type Err = ParseError;

    fn from_str(text: &str) -> Result<PlannedMaintenance, ParseError> {
        let t = text.trim();
        let err = |p| ParseError::new(text, Expected::Maintenance, p);
        if t.is_empty() {
            return Err(err(Problem::Empty));
        }
        if t.eq_ignore_ascii_case("none") {
            return Ok(PlannedMaintenance::default());
        }
        let lower = t.to_ascii_lowercase();
        let (when, treatment) = if let Some(w) = lower.strip_suffix("counted") {
            (&t[..w.len()], Maintenance::Counted)
        } else if let Some(w) = lower.strip_suffix("excluded") {
            (&t[..w.len()], Maintenance::Excluded)
        } else {
            (t, Maintenance::Excluded)
        };
        let when = when.trim();
        let lower_when = when.to_ascii_lowercase();
        for suffix in ["per month", "a month"] {
            if let Some(amount) = lower_when.strip_suffix(suffix) {
                let seconds = crate::duration::parse_duration(&when[..amount.len()])
                    .map_err(|_| err(Problem::Unrecognised))?;
                // Refused as typed: `"800h per month excluded"`.
                return PlannedMaintenance::new(treatment, seconds)
                    .map_err(|e| err(e.problem().clone()));
            }
        }
        // The hours' own reason (an overlap, a time past 24:00) says more
        // than "not recognised".
        let window: ServiceHours = when
            .parse()
            .map_err(|e: ParseError| err(e.problem().clone()))?;
        if window.is_always() {
            return Err(err(Problem::Invalid(
                "maintenance cannot take the whole week",
            )));
        }
        Ok(PlannedMaintenance::weekly(treatment, window))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A maintenance window reads the same grammar: across midnight and in
    /// several pieces.
    #[test]
    fn maintenance_windows_cross_midnight() {
        let m: PlannedMaintenance = "Tue 23:00-01:00 excluded".parse().unwrap();
        assert_eq!(m.to_string(), "Tue 23:00-01:00 excluded");
        assert_eq!(m.weekly.unwrap().weekly_minutes(), 120);
        let e = "Sun 01:00-03:00,02:00-04:00 counted"
            .parse::<PlannedMaintenance>()
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("Sun 01:00-03:00 and Sun 02:00-04:00 overlap at Sun 02:00-03:00"),
            "{e}"
        );
    }

    #[test]
    fn maintenance() {
        let m = PlannedMaintenance::new(Maintenance::Excluded, 7_200.0).unwrap();
        assert_eq!(
            m.seconds_in(Period::Year, Convention::GregorianMean),
            86_400.0
        );
        assert_eq!(
            m.seconds_in(Period::Week, Convention::SreBook),
            7_200.0 * 7.0 / 30.0
        );
        assert!(PlannedMaintenance::new(Maintenance::Counted, f64::NAN).is_err());
        assert_eq!(
            m.describe(),
            "2h a month of planned maintenance, excluded from the SLO: it is not downtime, \
             and the budget is the target's share of the time left"
        );
        // A weekly window, 2 h every Sunday night.
        let w: PlannedMaintenance = "Sun 02:00-04:00 counted".parse().unwrap();
        assert_eq!(
            w.describe(),
            "Sun 02:00-04:00 every week (2h a week) of planned maintenance, counted against \
             the budget: the unplanned downtime allowed is the budget less the maintenance"
        );
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(
            json,
            r#"{"treatment":"excluded","seconds_per_month":7200.0}"#
        );
    }

    /// Maintenance longer than
    /// its period is refused, saying what is allowed. A month is 2,629,746 s
    /// = 730h 29m 6s (Gregorian mean), 2,592,000 s = 720h (SRE book),
    /// 2,628,000 s = 730h (365-day year); 800 h = 2,880,000 s is more than
    /// any of them.
    #[test]
    fn maintenance_longer_than_its_period_is_refused() {
        let e = "800h per month excluded"
            .parse::<PlannedMaintenance>()
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("\"800h per month excluded\" is not a maintenance setting: it is too large (at most a month, 730h 29m 6s under the Gregorian mean)"),
            "{e}"
        );
        // 725 h fits a Gregorian month and a 365-day one, not a 30-day one.
        let m: PlannedMaintenance = "725h per month counted".parse().unwrap();
        assert!(m.check(Convention::GregorianMean).is_ok());
        assert!(m.check(Convention::Calendar365).is_ok());
        let sre = m.check(Convention::SreBook).unwrap_err().to_string();
        assert!(
            sre.contains("(at most a month, 720h under the SRE book)"),
            "{sre}"
        );
        // 730h 20m = 2,629,200 s: within 2,629,746 s, beyond 2,628,000 s.
        let m: PlannedMaintenance = "730h 20m per month counted".parse().unwrap();
        assert!(m.check(Convention::GregorianMean).is_ok());
        let e = m.check(Convention::Calendar365).unwrap_err().to_string();
        assert!(
            e.contains("(at most a month, 730h under a 365-day year)"),
            "{e}"
        );
        // Exactly a month is allowed (it leaves nothing: the reports say
        // so); a weekly window is never checked against a month.
        let whole = PlannedMaintenance::new(Maintenance::Excluded, 2_592_000.0).unwrap();
        assert!(whole.check(Convention::SreBook).is_ok());
        let w: PlannedMaintenance = "Mon-Sat 00:00-24:00 excluded".parse().unwrap();
        assert!(w.check(Convention::SreBook).is_ok());
    }
}
