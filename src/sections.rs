//! The page's sections, once: each one's anchor, title, whether it can be
//! embedded on its own and the component that draws it. The menu's links,
//! the page's order, the embed picker and embed mode all read this list, so
//! a new section is one variant here and its component.

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

/// Drawing a section needs the page's components (wasm only); the list
/// above is plain data the state reads natively too.
#[cfg(target_arch = "wasm32")]
mod view {
    use yew::prelude::*;

    use super::Section;
    use crate::components::budget::BudgetSection;
    use crate::components::cost::CostSection;
    use crate::components::dependencies::DependenciesSection;
    use crate::components::export::ExportSection;
    use crate::components::incidents::IncidentsSection;
    use crate::components::library::LibrarySection;
    use crate::components::measures::MeasuresCard;
    use crate::components::support::SupportSection;
    use crate::components::target::TargetSection;
    use crate::state::State;

    impl Section {
        /// The section drawn, keyed by its anchor. The page's sections are a
        /// keyed list: unkeyed, Yew matches a longer list against a shorter
        /// one from the end, so when the sections below the fold arrived after
        /// the first paint, the first section was patched into the last one
        /// and built anew (its fields, charts and focus lost) instead of being
        /// kept.
        pub fn view(self, state: &UseReducerHandle<State>) -> Html {
            let (key, state) = (self.anchor(), state.clone());
            match self {
                Section::Target => html! { <TargetSection {key} {state} /> },
                Section::Budget => html! { <BudgetSection {key} {state} /> },
                Section::Incidents => html! { <IncidentsSection {key} {state} /> },
                Section::Dependencies => html! { <DependenciesSection {key} {state} /> },
                Section::Cost => html! { <CostSection {key} {state} /> },
                Section::Support => html! { <SupportSection {key} {state} /> },
                Section::Measures => html! { <MeasuresCard {key} {state} /> },
                Section::Library => html! { <LibrarySection {key} {state} /> },
                Section::Export => html! { <ExportSection {key} {state} /> },
            }
        }
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
