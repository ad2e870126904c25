//! The page around the scenario: none of it is in the link or saved with
//! the scenario, and only the app shell reads it.

use std::rc::Rc;

use nines_core::scenario::Scenario;

use crate::sections::Section;

/// What the page shows around the scenario: it is not part of the scenario
/// (not in the link, not saved with it), and only the app shell reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// What to tell the user about the link or the saved scenario the page
    /// started from, until dismissed.
    pub notices: Vec<String>,
    /// Another tab saved a different scenario: its link query, until the
    /// user chooses which to keep (this tab does not write over it meanwhile).
    pub other_tab: Option<String>,
    /// What the last "Copy link" or "Copy embed code" did.
    pub copied: Option<String>,
    /// The section the embed code is for.
    pub embed_section: Section,
    /// The theme chosen with the toggle; `None` follows the system.
    pub theme: Option<String>,
    /// Opened from a link while the reader keeps a scenario of their own:
    /// (the link's scenario, the reader's own), until the reader edits,
    /// makes the link's theirs, or goes back to their own.
    pub visit: Option<Rc<(Scenario, Scenario)>>,
    /// The browser refused the last write of the scenario (storage full or
    /// blocked): edits are not being kept, until a write works again.
    pub unkept: bool,
}

impl Default for Page {
    fn default() -> Self {
        Page {
            notices: Vec::new(),
            other_tab: None,
            copied: None,
            embed_section: Section::Target,
            theme: None,
            visit: None,
            unkept: false,
        }
    }
}

/// A change to the page alone: the scenario stays as it is.
#[derive(Debug, Clone, PartialEq)]
pub enum PageAction {
    /// Dismiss the notices about the link or the saved scenario.
    DismissNotices,
    /// Another tab saved a different scenario (its link query): ask which
    /// one to keep.
    OtherTabSaved(String),
    /// Keep this tab's scenario (the page writes it over the other's).
    KeepThisTab,
    /// What the last copy to the clipboard did, for the user.
    Copied(String),
    /// The section the embed code is for.
    EmbedSection(Section),
    /// The theme chosen with the toggle (`light` / `dark`).
    Theme(String),
    /// The link's scenario is now the reader's own (the saver wrote it).
    KeepVisit,
    /// Whether the browser kept the last write of the scenario.
    StorageKept(bool),
}

impl PageAction {
    /// Apply the change to the page.
    pub fn apply(self, page: &mut Page) {
        match self {
            Self::DismissNotices => page.notices.clear(),
            Self::OtherTabSaved(theirs) => page.other_tab = Some(theirs),
            Self::KeepThisTab => page.other_tab = None,
            Self::Copied(message) => page.copied = Some(message),
            Self::EmbedSection(section) => page.embed_section = section,
            Self::Theme(theme) => page.theme = Some(theme),
            Self::KeepVisit => page.visit = None,
            Self::StorageKept(kept) => page.unkept = !kept,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::*;
    use nines_core::quantity::Availability;
    use nines_core::window::Convention;

    #[test]
    fn the_pages_own_actions_leave_the_scenario_and_its_report() {
        let mut state = State::default();
        state.page.notices = vec!["Your saved scenario: target was not read".into()];
        let next = state
            .apply(Action::Page(PageAction::Copied("Link copied".into())))
            .apply(Action::Page(PageAction::EmbedSection(
                crate::sections::Section::Cost,
            )))
            .apply(Action::Page(PageAction::Theme("dark".into())))
            .apply(Action::Page(PageAction::DismissNotices));
        assert_eq!(
            next.page,
            Page {
                notices: Vec::new(),
                other_tab: None,
                copied: Some("Link copied".into()),
                embed_section: crate::sections::Section::Cost,
                theme: Some("dark".into()),
                visit: None,
                unkept: false,
            }
        );
        assert_eq!(next.scenario, state.scenario);
        assert_eq!(next.report, state.report);
        // What the sections compare: a page change is no change to them.
        assert!(next == state);
    }

    #[test]
    fn the_other_tabs_scenario_is_adopted_or_set_aside() {
        // The other tab saved a 99.9% target (link key `target`).
        let asked = State::default().apply(Action::Page(PageAction::OtherTabSaved(
            "target=99.9".into(),
        )));
        assert_eq!(asked.page.other_tab.as_deref(), Some("target=99.9"));
        assert_eq!(asked.scenario, State::default().scenario);

        let adopted = asked.apply(Action::AdoptOtherTab);
        let target: Availability = "99.9".parse().unwrap();
        assert_eq!(adopted.scenario.target, target);
        assert_eq!(adopted.page.other_tab, None);
        assert_eq!(
            adopted.report,
            evaluate(&adopted.scenario, nines_core::budget::STORY_NOW)
        );

        let kept = asked.apply(Action::Page(PageAction::KeepThisTab));
        assert_eq!(kept.page.other_tab, None);
        assert_eq!(kept.scenario, asked.scenario);
        // Nothing to adopt: nothing changes.
        let same = kept.apply(Action::AdoptOtherTab);
        assert_eq!(same.scenario, kept.scenario);
    }

    #[test]
    fn a_new_scenario_keeps_the_page() {
        let state = State::default().apply(Action::Page(PageAction::Theme("light".into())));
        let next = state.apply(Action::Target(TargetAction::Convention(
            Convention::SreBook,
        )));
        assert_eq!(next.page.theme.as_deref(), Some("light"));
        assert_eq!(next.page.embed_section, crate::sections::Section::Target);
    }
}
