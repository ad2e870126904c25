//! An incident log read from CSV: one incident a line, a header only when
//! it names the columns, and one error per line that does not read.

use std::fmt;

use super::{INCIDENT_FORM, IncidentError, PastIncident};

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

#[cfg(test)]
mod tests {
    use super::*;

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
