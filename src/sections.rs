//! The page's sections, once: each one's anchor, title and whether it can
//! be embedded on its own (the component that draws each is `app`'s
//! `section_view`). The menu's links, the page's order, the embed picker and
//! embed mode all read this list, so a new section is one variant here, its
//! arm there and its component. Plain data: the state reads it natively,
//! and it imports nothing of the app.

/// A section of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Target,
    Budget,
    Incidents,
    Dependencies,
    Cost,
    Support,
    Measures,
    Library,
    Export,
}

impl Section {
    /// Every section, in story order.
    pub const ALL: [Section; 9] = [
        Section::Target,
        Section::Budget,
        Section::Incidents,
        Section::Dependencies,
        Section::Cost,
        Section::Support,
        Section::Measures,
        Section::Library,
        Section::Export,
    ];

    /// The anchor (`#budget`), also the embed's `?embed=` value.
    pub fn anchor(self) -> &'static str {
        match self {
            Section::Target => "target",
            Section::Budget => "budget",
            Section::Incidents => "incidents",
            Section::Dependencies => "dependencies",
            Section::Cost => "cost",
            Section::Support => "support",
            Section::Measures => "measures",
            Section::Library => "library",
            Section::Export => "export",
        }
    }

    /// The title the menu shows.
    pub fn title(self) -> &'static str {
        match self {
            Section::Target => "Target",
            Section::Budget => "Error budget and alerts",
            Section::Incidents => "Incidents and delivery",
            Section::Dependencies => "Dependencies",
            Section::Cost => "Cost per nine",
            Section::Support => "Who runs it",
            Section::Measures => "Target measures",
            Section::Library => "Your scenarios",
            Section::Export => "Export",
        }
    }

    /// Whether it can be embedded on its own: not the reader's saved
    /// scenarios, nor the exports, which belong to the full page.
    pub fn embeddable(self) -> bool {
        !matches!(self, Section::Library | Section::Export)
    }

    /// The section with this anchor.
    pub fn from_anchor(anchor: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.anchor() == anchor)
    }

    /// The embeddable sections' anchors, for a message: `target, budget, …`.
    pub fn embeddable_anchors() -> String {
        let anchors: Vec<&str> = Section::ALL
            .into_iter()
            .filter(|s| s.embeddable())
            .map(Section::anchor)
            .collect();
        anchors.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_are_unique_and_read_back() {
        for s in Section::ALL {
            assert_eq!(Section::from_anchor(s.anchor()), Some(s));
        }
        assert_eq!(Section::from_anchor("nope"), None);
        assert_eq!(
            Section::embeddable_anchors(),
            "target, budget, incidents, dependencies, cost, support, measures"
        );
    }
}
