//! Instants and UTC offsets as people type them, and an instant written
//! both for JSON and for people.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::display::{format_instant, format_instant_iso};
use crate::parse_error::{Expected, ParseError, Problem};

/// A fixed offset from UTC, whole minutes, −14:00 to +14:00 (the range of
/// the world's time zones). Written `+01:00`, `-05:30`, `UTC`; read also as
/// `+1`, `UTC+1`, `GMT-3`, `Z`.
///
/// ```
/// use nines_core::clock::UtcOffset;
/// let o: UtcOffset = "UTC+5:30".parse().unwrap();
/// assert_eq!(o.minutes(), 330);
/// assert_eq!(o.to_string(), "+05:30");
/// assert_eq!("Z".parse::<UtcOffset>().unwrap().to_string(), "UTC");
/// assert!("+15:00".parse::<UtcOffset>().is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct UtcOffset(i32);

/// The widest offset in use (Kiribati's +14:00), minutes.
const MAX_OFFSET_MINUTES: i32 = 14 * 60;

impl UtcOffset {
    /// UTC itself.
    pub const UTC: UtcOffset = UtcOffset(0);

    /// An offset of `minutes` east of UTC, if within ±14:00.
    ///
    /// ```
    /// use nines_core::clock::UtcOffset;
    /// assert_eq!(UtcOffset::from_minutes(-300).unwrap().to_string(), "-05:00");
    /// assert!(UtcOffset::from_minutes(900).is_none());
    /// ```
    pub fn from_minutes(minutes: i32) -> Option<UtcOffset> {
        (minutes.abs() <= MAX_OFFSET_MINUTES).then_some(UtcOffset(minutes))
    }

    /// Minutes east of UTC.
    pub fn minutes(self) -> i32 {
        self.0
    }

    pub(super) fn duration(self) -> Duration {
        Duration::minutes(i64::from(self.0))
    }

    /// `UTC` or `UTC+01:00`, for sentences.
    ///
    /// ```
    /// use nines_core::clock::UtcOffset;
    /// assert_eq!(UtcOffset::from_minutes(60).unwrap().label(), "UTC+01:00");
    /// assert_eq!(UtcOffset::UTC.label(), "UTC");
    /// ```
    pub fn label(self) -> String {
        if self.0 == 0 {
            "UTC".into()
        } else {
            ["UTC", &self.to_string()].concat()
        }
    }
}

impl std::fmt::Display for UtcOffset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0 == 0 {
            return f.write_str("UTC");
        }
        let sign = if self.0 < 0 { '-' } else { '+' };
        let m = self.0.abs();
        write!(f, "{sign}{:02}:{:02}", m / 60, m % 60)
    }
}

impl std::str::FromStr for UtcOffset {
    type Err = ParseError;

    fn from_str(text: &str) -> Result<UtcOffset, ParseError> {
        let err = |p| ParseError::new(text, Expected::UtcOffset, p);
        let t = text.trim();
        if t.is_empty() {
            return Err(err(Problem::Empty));
        }
        let upper = t.to_ascii_uppercase();
        let rest = upper
            .strip_prefix("UTC")
            .or_else(|| upper.strip_prefix("GMT"))
            .unwrap_or(&upper)
            .trim();
        if rest.is_empty() || rest == "Z" {
            return Ok(UtcOffset::UTC);
        }
        let (sign, digits) = if let Some(d) = rest.strip_prefix('+') {
            (1, d)
        } else if let Some(d) = rest.strip_prefix(['-', '−']) {
            (-1, d)
        } else {
            return Err(err(Problem::Unrecognised));
        };
        if !digits.bytes().all(|b| b.is_ascii_digit() || b == b':') {
            return Err(err(Problem::Unrecognised));
        }
        let (h, m) = match digits.split_once(':') {
            Some((h, m)) => (h, m),
            None if digits.len() == 4 => digits.split_at(2),
            None => (digits, "0"),
        };
        let number = |s: &str, max: i32| {
            (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<i32>().ok())
                .flatten()
                .filter(|&x| x <= max)
        };
        let (Some(h), Some(m)) = (number(h, 99), number(m, 59)) else {
            return Err(err(Problem::Unrecognised));
        };
        UtcOffset::from_minutes(sign * (h * 60 + m)).ok_or_else(|| err(Problem::TooLarge("±14:00")))
    }
}

impl Serialize for UtcOffset {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for UtcOffset {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<UtcOffset, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// Read an instant in a scenario (serde `deserialize_with`) with
/// [`parse_instant`], which takes every RFC 3339 instant chrono's own
/// reader does that a scenario holds (chrono writes them: `2026-11-01T00:00:00Z`,
/// with a fraction when there is one), without chrono's format parser in
/// the page.
pub fn read_instant<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    let text = String::deserialize(d)?;
    parse_instant(&text).map_err(serde::de::Error::custom)
}

/// [`read_instant`] of an optional instant: `null` (or a missing field,
/// with `#[serde(default)]`) is `None`.
pub fn read_optional_instant<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<DateTime<Utc>>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(text) => parse_instant(&text)
            .map(Some)
            .map_err(serde::de::Error::custom),
    }
}

/// What an instant's offset may be, for [`parse_instant`]'s refusal.
const OFFSET_RANGE: &str =
    "its offset from UTC must be between -14:00 and +14:00, with minutes 00 to 59";

/// An instant as a person or a flag gives it: RFC 3339
/// (`2027-03-10T00:00:00Z`, `2027-03-10T09:30:00+01:00`), the same without
/// seconds or offset (read as UTC), or a date (`2027-03-10`, midnight UTC).
/// An offset is one of the world's time zones', as [`UtcOffset`] takes
/// them: −14:00 to +14:00, minutes 00 to 59 (`+25:00` is refused).
///
/// ```
/// use nines_core::clock::parse_instant;
/// assert_eq!(parse_instant("2027-03-10").unwrap().to_rfc3339(), "2027-03-10T00:00:00+00:00");
/// assert_eq!(
///     parse_instant("2027-03-01T10:00:00+01:00").unwrap().to_rfc3339(),
///     "2027-03-01T09:00:00+00:00"
/// );
/// assert_eq!(parse_instant("2027-03-01 10:00").unwrap().to_rfc3339(), "2027-03-01T10:00:00+00:00");
/// assert!(parse_instant("next tuesday").unwrap_err().to_string().contains("2027-03-10"));
/// assert!(parse_instant("2027-02-30").unwrap_err().to_string().contains("no such day"));
/// // Offsets as the world's time zones have them: ±14:00, minutes below 60.
/// assert!(parse_instant("2027-03-10T09:30:00+25:00").unwrap_err().to_string().contains("-14:00 and +14:00"));
/// ```
pub fn parse_instant(text: &str) -> Result<DateTime<Utc>, ParseError> {
    let t = text.trim();
    let err = |p| ParseError::new(text, Expected::Instant, p);
    if t.is_empty() {
        return Err(err(Problem::Empty));
    }
    // Read by hand rather than with chrono's format parser, which costs
    // about 20 KB in the page: `YYYY-MM-DD`, then optionally `T` or a space
    // and `HH:MM[:SS[.fraction]]`, then optionally `Z` or `±HH:MM`.
    let b = t.as_bytes();
    let digits = |from: usize, n: usize| -> Option<u32> {
        let part = b.get(from..from + n)?;
        part.iter().all(u8::is_ascii_digit).then(|| {
            part.iter()
                .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'))
        })
    };
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    let (Some(year), true, Some(month), true, Some(day)) = (
        digits(0, 4),
        at(4, b'-'),
        digits(5, 2),
        at(7, b'-'),
        digits(8, 2),
    ) else {
        return Err(err(Problem::Unrecognised));
    };
    let date = NaiveDate::from_ymd_opt(year as i32, month, day)
        .ok_or_else(|| err(Problem::Invalid("there is no such day")))?;
    let mut i = 10;
    let mut time = NaiveTime::MIN;
    if i < b.len() && (at(i, b'T') || at(i, b't') || at(i, b' ')) {
        let (Some(h), true, Some(m)) = (digits(i + 1, 2), at(i + 3, b':'), digits(i + 4, 2)) else {
            return Err(err(Problem::Unrecognised));
        };
        i += 6;
        let mut sec = 0;
        let mut milli = 0;
        if at(i, b':') {
            sec = digits(i + 1, 2).ok_or_else(|| err(Problem::Unrecognised))?;
            i += 3;
            if at(i, b'.') || at(i, b',') {
                i += 1;
                let from = i;
                while b.get(i).is_some_and(u8::is_ascii_digit) {
                    i += 1;
                }
                if i == from {
                    return Err(err(Problem::Unrecognised));
                }
                // Milliseconds: the first three digits, padded.
                milli = (0..3).fold(0, |acc, k| {
                    acc * 10
                        + b.get(from + k)
                            .filter(|_| from + k < i)
                            .map_or(0, |d| u32::from(d - b'0'))
                });
            }
        }
        time = NaiveTime::from_hms_milli_opt(h, m, sec, milli)
            .ok_or_else(|| err(Problem::Invalid("there is no such time of day")))?;
    }
    let local = date.and_time(time);
    let offset_minutes = match &t[i..] {
        "" | "Z" | "z" => 0,
        rest => {
            let sign = match rest.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return Err(err(Problem::Unrecognised)),
            };
            let (Some(h), true, Some(m), 6) = (
                digits(i + 1, 2),
                at(i + 3, b':'),
                digits(i + 4, 2),
                rest.len(),
            ) else {
                return Err(err(Problem::Unrecognised));
            };
            // The offsets of the world's time zones, as `--utc-offset`
            // takes them (`UtcOffset`): ±14:00 at most, minutes 00 to 59.
            // `+25:00` or `+00:60` would silently shift the instant.
            if m >= 60 {
                return Err(err(Problem::Invalid(OFFSET_RANGE)));
            }
            let minutes = sign * (h * 60 + m) as i32;
            if UtcOffset::from_minutes(minutes).is_none() {
                return Err(err(Problem::Invalid(OFFSET_RANGE)));
            }
            minutes
        }
    };
    local
        .checked_sub_signed(Duration::minutes(i64::from(offset_minutes)))
        .map(|x| x.and_utc())
        .ok_or_else(|| err(Problem::TooLarge("a date between years 0 and 9999")))
}

/// An instant for JSON (`2026-11-22T14:24:00Z`) and for people
/// (`Sun 22 Nov 2026, 14:24 UTC`).
///
/// ```
/// use nines_core::clock::{parse_instant, Instant};
/// let i = Instant::of(parse_instant("2026-11-22T14:24:00Z").unwrap());
/// assert_eq!(i.iso, "2026-11-22T14:24:00Z");
/// assert_eq!(i.display, "Sun 22 Nov 2026, 14:24 UTC");
/// ```
#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct Instant {
    /// ISO 8601 UTC, to the second.
    pub iso: String,
    /// For people.
    pub display: String,
}

impl Instant {
    /// `t` both ways.
    pub fn of(t: DateTime<Utc>) -> Instant {
        Instant {
            iso: format_instant_iso(t),
            display: format_instant(t),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_read_by_hand() {
        let ok = [
            ("2027-03-10", "2027-03-10T00:00:00+00:00"),
            ("2027-03-10T09:30", "2027-03-10T09:30:00+00:00"),
            ("2027-03-10 09:30:15", "2027-03-10T09:30:15+00:00"),
            ("2027-03-10T09:30:15Z", "2027-03-10T09:30:15+00:00"),
            ("2027-03-10T09:30:15.25Z", "2027-03-10T09:30:15.250+00:00"),
            ("2027-03-10T00:30:00+01:00", "2027-03-09T23:30:00+00:00"),
            ("2027-03-09T19:00:00-05:30", "2027-03-10T00:30:00+00:00"),
            (" 2028-02-29 ", "2028-02-29T00:00:00+00:00"),
        ];
        for (text, want) in ok {
            assert_eq!(parse_instant(text).unwrap().to_rfc3339(), want, "{text}");
        }
        for bad in [
            "2027-3-10",
            "2027-03-10T9:30",
            "2027-03-10T09:30+1",
            "2027-03-10X",
            "2027-13-01",
            "2027-03-10T24:00",
            "2027-03-10T09:30:15.",
            "20270310",
            "2027-03-10T09:30:15+01:00x",
            "é027-03-10",
            "2027-03-10T09:30:15+01:0é",
        ] {
            assert!(parse_instant(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn offsets_read_and_refused() {
        for (text, minutes) in [
            ("+01:00", 60),
            ("-0530", -330),
            ("UTC", 0),
            ("gmt-3", -180),
            ("+14", 840),
        ] {
            assert_eq!(
                text.parse::<UtcOffset>().unwrap().minutes(),
                minutes,
                "{text}"
            );
        }
        let e = "+14:30".parse::<UtcOffset>().unwrap_err().to_string();
        assert!(e.contains("±14:00"), "{e}");
        assert!("Europe/Paris".parse::<UtcOffset>().is_err());
        assert!("+1:75".parse::<UtcOffset>().is_err());
        // Not ASCII after the sign: refused, never split inside a character.
        for text in ["+é12", "−0130", "+1é", "-", "+", "UTC+"] {
            let _ = text.parse::<UtcOffset>();
        }
        assert_eq!("−01:30".parse::<UtcOffset>().unwrap().minutes(), -90);
        assert!("+é12".parse::<UtcOffset>().is_err());
    }
}
