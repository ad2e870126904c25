//! Tables and the measures card as text: CSV, Markdown and Confluence
//! wiki markup, each escaped for where it lands.

use super::*;
use crate::amount::Currency;
use crate::scenario::Report;

/// The table as CSV (RFC 4180): a header record then one record per row,
/// each ended by CRLF; a field containing a comma, a double quote, CR or LF
/// is enclosed in double quotes, with its quotes doubled. Neither the title
/// nor the [`Table::warning`] is written: CSV has no place for them (a
/// record above the header would be read as the header).
///
/// Spreadsheets read a cell that starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return as a formula, and a name from a shared link could be
/// one (`=HYPERLINK(…)`, `+cmd|' /C calc'!A0`): such a cell is written
/// with a `'` in front, the guard of OWASP's "CSV Injection" page, which
/// spreadsheets show as text; so is a cell starting with NUL, which the
/// OWASP ASVS 5.0 adds (requirement 1.2.10). One exception keeps the
/// report's figures usable: a cell that is a negative figure as Nines
/// writes them, and nothing else ([`is_negative_figure`]: `-5`, `-0.1%`,
/// `-1,250`, `-£1.80`, `-$1.2B`, `-2,000,000 CHF`), is written as is: a
/// `-`, a currency symbol, digits and an ISO code hold no formula. So a
/// dependency named `-strike-` or `-1+2` is guarded, and `-5` is not.
///
/// ```
/// use nines_core::export::{to_csv, Table};
/// let t = Table {
///     title: "t".into(),
///     headers: vec!["Name".into(), "Note".into()],
///     rows: vec![
///         vec!["a, b".into(), "say \"hi\"".into()],
///         vec!["=1+2".into(), "-$165,600".into()],
///         vec!["@SUM(1)".into(), "-1h".into()],
///     ],
///     warning: Some("Not achievable: …".into()),
/// };
/// assert_eq!(
///     to_csv(&t),
///     "Name,Note\r\n\"a, b\",\"say \"\"hi\"\"\"\r\n'=1+2,\"-$165,600\"\r\n'@SUM(1),'-1h\r\n"
/// );
/// ```
pub fn to_csv(table: &Table) -> String {
    let mut out = String::new();
    for record in std::iter::once(&table.headers).chain(&table.rows) {
        for (i, field) in record.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let guarded;
            let field = if field.starts_with(FORMULA_STARTS) && !is_negative_figure(field) {
                guarded = ["'", field].concat();
                &guarded
            } else {
                field
            };
            if field.contains([',', '"', '\r', '\n']) {
                out.push('"');
                out.push_str(&field.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(field);
            }
        }
        out.push_str("\r\n");
    }
    out
}

/// The first characters that make a spreadsheet read a cell as a formula
/// (OWASP, "CSV Injection"), and NUL (OWASP ASVS 5.0, 1.2.10).
pub(super) const FORMULA_STARTS: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\0'];

/// Whether `cell` is a negative figure as Nines writes them, and nothing
/// else: `-`, an optional currency symbol of [`Currency::ALL`], digits
/// (the first a digit) with `,` separators, an optional `.` and fraction
/// digits, then optionally one of `%`, `B` (billions) or `T` (trillions),
/// and optionally a space and an ISO 4217 code of [`Currency::ALL`]. No
/// letter but the suffix, no parenthesis, quote, `!`, `|`, `&` or operator
/// after the sign: nothing a spreadsheet could run. [`to_csv`] writes such a
/// cell without the `'` guard.
///
/// ```
/// use nines_core::export::is_negative_figure;
/// for ok in ["-5", "-0.1%", "-1,250", "-£1.80", "-$1.2B", "-$20T", "-2,000,000 CHF", "-1.500 KWD"] {
///     assert!(is_negative_figure(ok), "{ok}");
/// }
/// for bad in ["-", "-.5", "-5.", "-1h", "-A1", "-1+2", "-$", "-5 usd", "-5 XYZ", "-2-1", "5", "--5", "-5%%"] {
///     assert!(!is_negative_figure(bad), "{bad}");
/// }
/// ```
pub fn is_negative_figure(cell: &str) -> bool {
    let Some(rest) = cell.strip_prefix('-') else {
        return false;
    };
    let rest = match rest.chars().next() {
        Some(c) if Currency::ALL.iter().any(|k| k.symbol() == Some(c)) => &rest[c.len_utf8()..],
        _ => rest,
    };
    let rest = match rest.rsplit_once(' ') {
        Some((amount, code)) if Currency::ALL.iter().any(|k| k.code() == code) => amount,
        _ => rest,
    };
    let rest = rest.strip_suffix(['%', 'B', 'T']).unwrap_or(rest);
    let (whole, fraction) = match rest.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (rest, None),
    };
    whole.starts_with(|c: char| c.is_ascii_digit())
        && whole.bytes().all(|b| b.is_ascii_digit() || b == b',')
        && fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// The table as a GitHub-flavoured Markdown pipe table, preceded by its
/// title in bold and its [`Table::warning`], if any, as a paragraph. Cells
/// escape `\`, `|` and the inline markup characters (`*`, `_`, `` ` ``,
/// `[`, `]`, `<`, and `~`: GitHub's `~~strike~~`), and line breaks become
/// `<br>`.
///
/// ```
/// use nines_core::export::{to_markdown, Table};
/// let mut t = Table {
///     title: "Downtime".into(),
///     headers: vec!["Period".into(), "Allowed".into()],
///     rows: vec![vec!["per day".into(), "43s | rounded".into()]],
///     warning: None,
/// };
/// assert_eq!(
///     to_markdown(&t),
///     "**Downtime**\n\n| Period | Allowed |\n| --- | --- |\n| per day | 43s \\| rounded |\n"
/// );
/// t.warning = Some("Not achievable: expected to spend 145.13% of the budget".into());
/// assert!(to_markdown(&t).starts_with(
///     "**Downtime**\n\nNot achievable: expected to spend 145.13% of the budget\n\n| Period |"
/// ));
/// ```
pub fn to_markdown(table: &Table) -> String {
    let mut out = String::new();
    if !table.title.is_empty() {
        out.push_str(&format!("**{}**\n\n", markdown_escape(&table.title)));
    }
    if let Some(warning) = &table.warning {
        out.push_str(&markdown_block_start(&markdown_escape(warning)));
        out.push_str("\n\n");
    }
    let line = |cells: &mut dyn Iterator<Item = String>| {
        let cells: Vec<String> = cells.collect();
        format!("| {} |\n", cells.join(" | "))
    };
    out.push_str(&line(&mut table.headers.iter().map(|h| markdown_escape(h))));
    out.push_str(&line(&mut table.headers.iter().map(|_| "---".to_string())));
    for row in &table.rows {
        out.push_str(&line(&mut row.iter().map(|c| markdown_escape(c))));
    }
    out
}

pub(super) fn markdown_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("<br>");
            }
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

/// Escaped Markdown text, made unable to start a block: a leading `#`, `>`,
/// `-`, `+` or `=` gets a backslash, and the `.` or `)` after leading
/// digits (an ordered list item) is escaped (CommonMark 0.31, "Backslash
/// escapes": any ASCII punctuation may be escaped). `*`, `_`, `` ` ``, `<`,
/// `[`, `|` and `~` are escaped everywhere already.
pub(super) fn markdown_block_start(escaped: &str) -> String {
    if escaped.starts_with(['#', '>', '-', '+', '=']) {
        return ["\\", escaped].concat();
    }
    let digits = escaped.bytes().take_while(u8::is_ascii_digit).count();
    match escaped[digits..].chars().next() {
        Some('.' | ')') if digits > 0 => [&escaped[..digits], "\\", &escaped[digits..]].concat(),
        _ => escaped.to_string(),
    }
}

/// The table in Confluence wiki markup: the title as a bold line, the
/// [`Table::warning`], if any, as a line of text, a header row
/// `||h1||h2||` and rows `|a|b|`. Cells are escaped so that nothing in
/// them renders as markup (`confluence_escape`), and an empty cell is
/// written as one space (`||` would start a header cell).
///
/// ```
/// use nines_core::export::{to_confluence, Table};
/// let mut t = Table {
///     title: "Downtime".into(),
///     headers: vec!["Period".into(), "Allowed".into()],
///     rows: vec![vec!["per day".into(), "".into()]],
///     warning: None,
/// };
/// assert_eq!(to_confluence(&t), "*Downtime*\n||Period||Allowed||\n|per day| |\n");
/// t.warning = Some("Not achievable: 145.13% (x)".into());
/// assert!(to_confluence(&t).starts_with("*Downtime*\nNot achievable: 145.13\\% \\(x\\)\n||Period||"));
/// ```
pub fn to_confluence(table: &Table) -> String {
    let mut out = String::new();
    if !table.title.is_empty() {
        out.push_str(&format!("*{}*\n", confluence_escape(&table.title)));
    }
    if let Some(warning) = &table.warning {
        out.push_str(&confluence_escape(warning));
        out.push('\n');
    }
    let line = |cells: &[String], sep: &str| {
        let mut s = String::from(sep);
        for c in cells {
            let e = confluence_escape(c);
            s.push_str(if e.trim().is_empty() { " " } else { &e });
            s.push_str(sep);
        }
        s.push('\n');
        s
    };
    out.push_str(&line(&table.headers, "||"));
    for row in &table.rows {
        out.push_str(&line(row, "|"));
    }
    out
}

/// The characters Confluence's renderer reads a backslash escape of
/// (Atlassian renderer, `BackslashEscapeRendererComponent`: `escapeWiki`'s
/// list and `#`): each renders as itself once escaped.
pub(super) const CONFLUENCE_ESCAPED: [char; 18] = [
    '!', '[', ']', '^', '~', '+', '?', '%', '{', '}', '(', ')', '*', '_', '-', '|', '@', '#',
];

/// Text for Confluence wiki markup that renders as the text itself, never
/// as markup:
///
/// * a backslash before each of `! [ ] ^ ~ + ? % { } ( ) * _ - | @ #`, the
///   characters the renderer unescapes: no image (`!http://x/t.png!`),
///   link (`[x]`), macro (`{x}`), monospace (`{{x}}`), phrase (`*b*`,
///   `_em_`, `-del-`, `+ins+`, `^sup^`, `~sub~`, `??cite??`), emoticon
///   (`(!)`, `(i)`, `(/)`, `(x)`, `;)`), table cell (`|`), list (`*`, `#`,
///   `-`), horizontal rule or dash (`----`, `--`). A `-` between two ASCII
///   letters or digits is left as is (`Error-budget`, `2026-11-01`): the
///   renderer's phrases only open after, and close before, a character
///   that is not a letter or digit, so it can be neither;
/// * `:` before `P`, `D`, `p` or `d` as `&#58;` (the `:P` and `:D`
///   emoticons);
/// * at the start, a `h1.`–`h6.` heading or `bq.` quote marker with its
///   dot as `&#46;`;
/// * a backslash as `&#92;` (`\\` is a forced line break), and line
///   breaks as spaces, the Unicode ones too (Java's regular expressions,
///   which the renderer uses, end lines at U+0085, U+2028 and U+2029).
pub(super) fn confluence_escape(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let ascii_alnum = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(char::is_ascii_alphanumeric)
    };
    // The dot of a leading block marker: `h1.`–`h6.` or `bq.`.
    let start = chars.iter().take_while(|c| c.is_whitespace()).count();
    let block_dot = match &chars[start..] {
        ['h' | 'H', '1'..='6', '.', ..] | ['b' | 'B', 'q' | 'Q', '.', ..] => Some(start + 2),
        _ => None,
    };
    let mut out = String::with_capacity(s.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '-' if ascii_alnum(i.checked_sub(1)) && ascii_alnum(Some(i + 1)) => out.push(c),
            c if CONFLUENCE_ESCAPED.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            ':' if matches!(chars.get(i + 1), Some('P' | 'D' | 'p' | 'd')) => {
                out.push_str("&#58;");
            }
            '.' if block_dot == Some(i) => out.push_str("&#46;"),
            // `\\` is a forced line break in wiki markup.
            '\\' => out.push_str("&#92;"),
            '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The target measures card as Markdown a product manager can paste: a
/// heading, the five measures (deployment frequency, deployment lead time,
/// availability with its nines, time to restore, error budget per SLO
/// window) and the convention they were computed under; under the heading,
/// the [`not_achievable`] line when the target is not achievable.
///
/// ```
/// use nines_core::export::measures_markdown;
/// use nines_core::scenario::{evaluate, Scenario};
/// let md = measures_markdown(&evaluate(&Scenario::default(), nines_core::budget::STORY_NOW));
/// assert!(md.starts_with("## Target measures\n\nNot achievable: expected to spend 145.13% of"));
/// assert!(md.contains("| Availability | 99.95% (3.3 nines) |"));
/// assert!(md.contains("Convention: Gregorian mean (year 365.2425 days, month 30.436875 days)"));
/// ```
pub fn measures_markdown(report: &Report) -> String {
    let t = &report.target;
    let b = &report.budget;
    let mut table = measures_table(report);
    table.title.clear();
    let warning = table
        .warning
        .take()
        .map(|w| [markdown_block_start(&markdown_escape(&w)), "\n\n".into()].concat())
        .unwrap_or_default();
    format!(
        "## Target measures\n\n{warning}\
         The measures a product manager owns for this service, to hand to the team.\n\n\
         {}\n\
         The error budget is {} per {}: {}.\n\n\
         Convention: {}. {}.\n",
        to_markdown(&table),
        t.unavailability_percent,
        markdown_escape(&b.window_label),
        markdown_escape(&b.allowed_display),
        markdown_escape(&t.convention_label),
        markdown_escape(&capitalise(&t.rounding_note)),
    )
}
