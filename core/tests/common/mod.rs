//! Helpers shared by the integration tests (`mod common;`): detectors for
//! numbers that must never reach the screen.

/// Whether text shows a non-finite number: `NaN` anywhere, or `inf` as a
/// word of its own (`-inf`, `inf%`; "information" is fine).
pub fn shows_non_finite(text: &str) -> bool {
    text.contains("NaN")
        || text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case("inf") || w.eq_ignore_ascii_case("infinity"))
}

/// Whether text shows a negative zero (`-0`, `-0s`, `-0.00%`): a minus
/// sign, not a hyphen after a word or a date, before a number whose digits
/// are all zero.
pub fn shows_negative_zero(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().any(|(i, &c)| {
        if !(c == '-' || c == '−') || (i > 0 && chars[i - 1].is_alphanumeric()) {
            return false;
        }
        let number: Vec<char> = chars[i + 1..]
            .iter()
            .copied()
            .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
            .collect();
        number.first().is_some_and(char::is_ascii_digit)
            && number.iter().all(|&d| d == '0' || d == '.' || d == ',')
    })
}
