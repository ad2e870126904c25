//! User text inside messages (ground floor: imports nothing of the crate).
//! A value someone typed or a link carried is quoted on one line, its
//! control and invisible characters escaped, and cut to a bounded length,
//! so no input can reshape a message or make it huge.
//! Every parser's error ([`crate::parse_error`]), the link's notices and the
//! CLI's messages quote through here.

/// Characters that are not control characters but still change how a line
/// reads: bidirectional overrides and isolates (a name can read backwards),
/// line and paragraph separators (they break lines in YAML and some
/// terminals), the byte-order mark and the noncharacters `U+FFFE`/`U+FFFF`.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{FFFE}'
            | '\u{FFFF}'
    )
}

/// User text inside a message: on one line (control and invisible
/// characters written as escapes, `\n`, `\u{202e}`) and at most `max`
/// characters of it, the rest counted, so a hostile value can neither
/// reshape the message nor make it huge.
///
/// ```
/// use nines_core::quote::one_line;
/// assert_eq!(one_line("a\nb\u{202E}c", 80), "a\\nb\\u{202e}c");
/// assert_eq!(one_line("abcdef", 3), "abc… (3 more characters)");
/// ```
pub fn one_line(text: &str, max: usize) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == max {
            let more = text.chars().count() - max;
            out.push_str(&format!("… ({more} more characters)"));
            break;
        }
        if c.is_control() || invisible(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    out
}

/// User text quoted in a message: [`one_line`] in double quotes, with the
/// quotes and backslashes inside escaped, so it reads as one value.
///
/// ```
/// use nines_core::quote::quoted;
/// assert_eq!(quoted("9\"9", 40), "\"9\\\"9\"");
/// assert_eq!(quoted("99.9% \u{2028}", 40), "\"99.9% \\u{2028}\"");
/// assert_eq!(quoted("abcdef", 3), "\"abc\"… (3 more characters)");
/// ```
pub fn quoted(text: &str, max: usize) -> String {
    let (head, rest) = match text.char_indices().nth(max) {
        Some((end, _)) => (&text[..end], text[end..].chars().count()),
        None => (text, 0),
    };
    let escaped = one_line(&head.replace('\\', "\\\\").replace('"', "\\\""), usize::MAX);
    if rest == 0 {
        format!("\"{escaped}\"")
    } else {
        format!("\"{escaped}\"… ({rest} more characters)")
    }
}
