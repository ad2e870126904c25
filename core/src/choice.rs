//! [`Choice`]: an input picked from a fixed list (a calendar convention, an
//! alert policy, how the budget is counted, …). Each one says, once, which
//! options a person is offered and in what order, the id links, JSON and
//! the CLI use, and the label a person reads; the page shows every choice
//! with one select and the CLI checks its flags against the same ids.

/// An input picked from a fixed list.
///
/// ```
/// use nines_core::choice::Choice;
/// use nines_core::window::Convention;
/// assert_eq!(Convention::from_id("sre-book"), Some(Convention::SreBook));
/// assert_eq!(Convention::from_id("julian"), None);
/// assert_eq!(Convention::ids(), "gregorian, sre-book, 365d");
/// ```
pub trait Choice: Copy + PartialEq + Sized + 'static {
    /// The options offered, in order.
    const OPTIONS: &'static [Self];

    /// The id links, JSON and the CLI use: `sre-book`.
    fn choice_id(self) -> &'static str;

    /// What a person reads in the list.
    fn choice_label(self) -> &'static str;

    /// The offered option with this id.
    fn from_id(id: &str) -> Option<Self> {
        Self::OPTIONS.iter().copied().find(|c| c.choice_id() == id)
    }

    /// The offered ids, for "allowed: …" messages.
    fn ids() -> String {
        let mut out = String::with_capacity(48);
        for (i, c) in Self::OPTIONS.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(c.choice_id());
        }
        out
    }
}
