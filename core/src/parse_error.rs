//! [`ParseError`], the one error type of every parser in the crate: what
//! was expected ([`Expected`]), what was wrong ([`Problem`]) and what is
//! allowed.

use std::fmt;

use crate::quote::quoted;
use crate::ratio::MAX_DECIMALS;

// ---------------------------------------------------------------------------
// ParseError
// ---------------------------------------------------------------------------

/// What a parser was asked to read; names the value in error messages and
/// supplies the "what is allowed" part.
///
/// ```
/// use nines_core::parse_error::Expected;
/// assert!(Expected::Duration.help().contains("4h 30m"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Expected {
    /// An availability target.
    Availability,
    /// A duration.
    Duration,
    /// A period or rolling window.
    Period,
    /// A window convention.
    Convention,
    /// A service-hours schedule.
    ServiceHours,
    /// A planned-maintenance setting.
    Maintenance,
    /// A count of events, e.g. requests (see `crate::amount`).
    Count,
    /// A rate: a count per period (see `crate::amount`).
    Rate,
    /// An amount of money (see `crate::amount`).
    Money,
    /// An alert policy preset (see `crate::alerts`).
    AlertPolicy,
    /// A fraction of a whole, e.g. a scope or a change failure rate.
    Fraction,
    /// An instant: a date or an RFC 3339 date and time (see `crate::clock`).
    Instant,
    /// A fixed offset from UTC (see `crate::clock`).
    UtcOffset,
}

impl Expected {
    /// The value's name with its article, e.g. "an availability".
    ///
    /// ```
    /// use nines_core::parse_error::Expected;
    /// assert_eq!(Expected::Period.noun(), "a period");
    /// ```
    pub fn noun(&self) -> &'static str {
        match self {
            Expected::Availability => "an availability",
            Expected::Duration => "a duration",
            Expected::Period => "a period",
            Expected::Convention => "a convention",
            Expected::ServiceHours => "a service-hours schedule",
            Expected::Maintenance => "a maintenance setting",
            Expected::Count => "a count",
            Expected::Rate => "a rate",
            Expected::Money => "an amount of money",
            Expected::AlertPolicy => "an alert policy",
            Expected::Fraction => "a fraction",
            Expected::Instant => "a date or an instant",
            Expected::UtcOffset => "an offset from UTC",
        }
    }

    /// What is allowed, phrased as advice.
    ///
    /// ```
    /// use nines_core::parse_error::Expected;
    /// assert!(Expected::Convention.help().contains("sre-book"));
    /// ```
    pub fn help(&self) -> &'static str {
        match self {
            Expected::Availability => {
                "use a percentage like 99.95 or 99.95%, nines like 3.5 nines, \
                 or an unavailability ratio like 1/1000"
            }
            Expected::Duration => {
                "use amounts with units like 4h 30m, 43.2 min, 1.5 hours, 500ms, \
                 or ISO 8601 like PT4H30M (units: ns, µs, ms, s, m, h, d, w)"
            }
            Expected::Period => {
                "use hour, day, week, month, quarter, year, or a rolling window like 28d or 4w"
            }
            Expected::Convention => "use gregorian, sre-book or 365d",
            Expected::ServiceHours => {
                "use 24/7, or days and hours like Mon-Fri 08:00-20:00, Sat 10:00-14:00; a range \
                 may end the next morning (Mon-Fri 22:00-06:00), a day may have several \
                 (Mon 09:00-12:00,13:00-17:00)"
            }
            Expected::Maintenance => {
                "use a weekly window like Sun 02:00-04:00 or an amount like 4h per month, then \
                 excluded or counted (none for no maintenance)"
            }
            Expected::Fraction => {
                "use a percentage from 0% to 100% like 25%, or a decimal from 0 to 1 like 0.25"
            }
            Expected::Count => {
                "use a whole or decimal number like 1000, 1,000,000, 2.5k, 3M, 1.2B or 1e6 \
                 (suffixes k, M, B, T; commas only between groups of three digits)"
            }
            Expected::Rate => {
                "use a count per period like 1000 rps, 1000/s, 50 per minute, 3M per 28d, \
                 2 per week or 12 per year"
            }
            Expected::Money => {
                "use an amount with an optional currency like $20M, 20,000,000, €1.5k \
                 or 1.2M USD (suffixes k, M, B, T)"
            }
            Expected::AlertPolicy => "use workbook, sloth or pyrra",
            Expected::Instant => {
                "use a date like 2027-03-10, or an RFC 3339 instant like \
                 2027-03-10T09:30:00Z or 2027-03-10T09:30:00+01:00 (without an offset, UTC)"
            }
            Expected::UtcOffset => {
                "use an offset from UTC between -14:00 and +14:00, like +01:00, -05:30 or UTC"
            }
        }
    }
}

/// What was wrong with an input.
///
/// ```
/// use nines_core::parse_error::Problem;
/// assert_eq!(Problem::Negative.describe(), "it is negative");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// Nothing was given.
    Empty,
    /// The text does not match any accepted form.
    Unrecognised,
    /// A negative number where only non-negative ones make sense.
    Negative,
    /// NaN or infinity.
    NotANumber,
    /// An availability above 100%.
    AboveHundred,
    /// A bare number between 0 and 1, which is ambiguous between a ratio
    /// (0.999 = 99.9%) and a tiny percentage (0.999%).
    AmbiguousFraction,
    /// A ratio with a zero denominator.
    ZeroDenominator,
    /// An unavailability ratio above 1.
    RatioAboveOne,
    /// More digits than can be kept exact.
    TooManyDigits,
    /// A number too large to be meaningful (the limit is in the message).
    TooLarge(&'static str),
    /// A number without a unit.
    MissingUnit,
    /// A unit that is not known.
    UnknownUnit(String),
    /// A month or year unit inside a duration: their length depends on the
    /// convention.
    CalendarUnit(String),
    /// Any other specific rule, stated in words.
    Invalid(&'static str),
    /// Two parts of the input claim the same thing, named in the clause
    /// (e.g. two ranges of service hours covering the same minutes).
    Overlap(String),
}

impl Problem {
    /// A short clause describing the problem (empty for
    /// [`Problem::Unrecognised`] and [`Problem::Empty`], where the help says it
    /// all).
    ///
    /// ```
    /// use nines_core::parse_error::Problem;
    /// assert_eq!(Problem::UnknownUnit("parsecs".into()).describe(), "\"parsecs\" is not a unit");
    /// ```
    pub fn describe(&self) -> String {
        match self {
            Problem::Empty | Problem::Unrecognised => String::new(),
            Problem::Negative => "it is negative".into(),
            Problem::NotANumber => "it is not a finite number".into(),
            Problem::AboveHundred => "it is above 100%".into(),
            Problem::AmbiguousFraction => "a bare number below 1 is ambiguous \
                (write 99.9 for 99.9%, or add % if you really mean under 1%)"
                .into(),
            Problem::ZeroDenominator => "the ratio divides by zero".into(),
            Problem::RatioAboveOne => "an unavailability ratio cannot exceed 1".into(),
            Problem::TooManyDigits => {
                format!(
                    "it has more digits than can be kept exact (at most {MAX_DECIMALS} decimal places)"
                )
            }
            Problem::TooLarge(limit) => format!("it is too large (at most {limit})"),
            Problem::MissingUnit => "a number needs a unit".into(),
            Problem::UnknownUnit(u) => format!("{u:?} is not a unit"),
            Problem::CalendarUnit(u) => format!(
                "{u:?} has no fixed length (it depends on the convention); use days or weeks"
            ),
            Problem::Invalid(why) => (*why).into(),
            Problem::Overlap(what) => {
                format!("{what} (list each time once)")
            }
        }
    }
}

/// A typed parse error whose `Display` is one line naming what was wrong
/// and what is allowed, e.g.
/// `"99.9x" is not an availability: use a percentage like 99.95 or 99.95%, …`.
///
/// ```
/// use nines_core::quantity::Availability;
/// let err = Availability::parse("99.9x").unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "\"99.9x\" is not an availability: use a percentage like 99.95 or 99.95%, \
///      nines like 3.5 nines, or an unavailability ratio like 1/1000"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    input: String,
    expected: Expected,
    problem: Problem,
}

impl ParseError {
    /// A new error about `input`.
    ///
    /// ```
    /// use nines_core::parse_error::{Expected, ParseError, Problem};
    /// let e = ParseError::new("-3h", Expected::Duration, Problem::Negative);
    /// assert!(e.to_string().starts_with("\"-3h\" is not a duration: it is negative; use"));
    /// ```
    pub fn new(input: &str, expected: Expected, problem: Problem) -> ParseError {
        ParseError {
            input: input.to_string(),
            expected,
            problem,
        }
    }

    /// The text that was refused.
    ///
    /// ```
    /// use nines_core::quantity::Availability;
    /// assert_eq!(Availability::parse("abc").unwrap_err().input(), "abc");
    /// ```
    pub fn input(&self) -> &str {
        &self.input
    }

    /// What kind of value was expected.
    ///
    /// ```
    /// use nines_core::parse_error::Expected;
    /// use nines_core::quantity::Availability;
    /// assert_eq!(Availability::parse("abc").unwrap_err().expected(), Expected::Availability);
    /// ```
    pub fn expected(&self) -> Expected {
        self.expected
    }

    /// What was wrong.
    ///
    /// ```
    /// use nines_core::parse_error::Problem;
    /// use nines_core::quantity::Availability;
    /// assert_eq!(Availability::parse("101").unwrap_err().problem(), &Problem::AboveHundred);
    /// ```
    pub fn problem(&self) -> &Problem {
        &self.problem
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = self.input.trim();
        if shown.is_empty() {
            write!(f, "an empty value is not {}", self.expected.noun())?;
        } else {
            // Quoted on one line and cut, whatever the input.
            write!(f, "{} is not {}", quoted(shown, 40), self.expected.noun())?;
        }
        let reason = self.problem.describe();
        if reason.is_empty() {
            write!(f, ": {}", self.expected.help())
        } else {
            write!(f, ": {reason}; {}", self.expected.help())
        }
    }
}

impl std::error::Error for ParseError {}
