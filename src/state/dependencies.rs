//! The dependencies chapter: the components the service needs, their
//! redundant groups at any depth, and each one's outage scope.

use nines_core::dependency::{DependencyInputs, GroupKind};
use nines_core::quantity::Availability;

/// A change to the dependencies chapter. A dependency is addressed by its
/// path at any depth: `[item]`, `[item, member]`, `[item, member, nested
/// member]` (`DependencyInputs::at`).
#[derive(Debug, Clone, PartialEq)]
pub enum DependenciesAction {
    /// A component at the end of the list.
    Add,
    Edit {
        path: Vec<usize>,
        edit: DependencyEdit,
    },
    Remove(Vec<usize>),
    /// A group gets a copy of its last member; a component becomes a
    /// redundant pair (nested when it is a member of a group).
    AddRedundantCopy(Vec<usize>),
    /// What the group at `path` needs of its members.
    GroupKind {
        path: Vec<usize>,
        kind: GroupKind,
    },
    /// The members a k-of-n group needs (the page checks `1..=n` first; an
    /// out-of-range `k` changes nothing).
    GroupK {
        path: Vec<usize>,
        k: usize,
    },
    /// The outage scope of the dependency at `item` (a fraction; outside
    /// `0..=1` changes nothing).
    Scope {
        item: usize,
        scope: f64,
    },
}

/// A change to one dependency.
#[derive(Debug, Clone, PartialEq)]
pub enum DependencyEdit {
    Name(String),
    Availability(Availability),
}

impl DependenciesAction {
    /// Apply the change to the scenario's dependencies.
    pub fn apply(self, d: &mut DependencyInputs) {
        match self {
            Self::Add => d.add(),
            Self::Edit { path, edit } => {
                if let Some(c) = d.component_at_mut(&path) {
                    match edit {
                        DependencyEdit::Name(n) => c.name = n,
                        DependencyEdit::Availability(a) => c.unavailability = a.unavailability(),
                    }
                }
            }
            Self::Remove(path) => d.remove_at(&path),
            Self::AddRedundantCopy(path) => d.add_redundant_copy_at(&path),
            Self::GroupKind { path, kind } => d.set_group_kind(&path, kind),
            Self::GroupK { path, k } => {
                // Refused (unchanged) outside 1..=n; the page said why.
                let _ = d.set_k(&path, k);
            }
            Self::Scope { item, scope } => {
                let _ = d.set_scope(item, scope);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::*;
    use nines_core::dependency::Composition;

    #[test]
    fn dependencies_can_be_edited_grouped_and_removed() {
        let state = State::default();
        let before = state.scenario.dependencies.dependencies.len();
        let next = state.apply(Action::Dependencies(DependenciesAction::Add));
        assert_eq!(next.scenario.dependencies.dependencies.len(), before + 1);
        let last = before;
        let a: Availability = "99.9".parse().unwrap();
        let next = next.apply(Action::Dependencies(DependenciesAction::Edit {
            path: vec![last],
            edit: DependencyEdit::Availability(a),
        }));
        let next = next.apply(Action::Dependencies(DependenciesAction::AddRedundantCopy(
            vec![last],
        )));
        match &next.scenario.dependencies.dependencies[last] {
            Composition::Parallel(of) => {
                assert_eq!(of.len(), 2);
                assert_eq!(of[1].unavailability().unwrap(), a.unavailability());
            }
            other => panic!("expected a redundant pair, got {other:?}"),
        }
        // Removing one member of a pair leaves the plain component.
        let next = next.apply(Action::Dependencies(DependenciesAction::Remove(vec![
            last, 0,
        ])));
        assert!(matches!(
            next.scenario.dependencies.dependencies[last],
            Composition::Component(_)
        ));
        let next = next.apply(Action::Dependencies(DependenciesAction::Remove(vec![last])));
        assert_eq!(next.scenario.dependencies.dependencies.len(), before);
        // Out-of-range edits change nothing.
        let same = next.apply(Action::Dependencies(DependenciesAction::Remove(vec![
            99, 3,
        ])));
        assert_eq!(same.scenario, next.scenario);
    }

    #[test]
    fn groups_are_made_k_of_n_nested_and_scoped() {
        use nines_core::dependency::GroupKind;
        // The default's "orders database" (99.99%) made a 2-of-3 group of
        // copies: 3 × 1e-4² × 0.9999 + 1e-4³ = 2.9998e-8.
        let mut state = State::default();
        for action in [
            Action::Dependencies(DependenciesAction::AddRedundantCopy(vec![1])),
            Action::Dependencies(DependenciesAction::AddRedundantCopy(vec![1])),
            Action::Dependencies(DependenciesAction::GroupKind {
                path: vec![1],
                kind: GroupKind::KOfN,
            }),
            Action::Dependencies(DependenciesAction::GroupK {
                path: vec![1],
                k: 2,
            }),
        ] {
            state = state.apply(action);
        }
        let u = state.scenario.dependencies.dependencies[1]
            .unavailability()
            .unwrap();
        assert!((u - 2.9998e-8).abs() < 1e-20, "{u:e}");
        // k = 4 of 3 changes nothing.
        let same = state.apply(Action::Dependencies(DependenciesAction::GroupK {
            path: vec![1],
            k: 4,
        }));
        assert_eq!(same.scenario, state.scenario);
        // A group inside the group, and its member edited.
        let state = state
            .apply(Action::Dependencies(DependenciesAction::AddRedundantCopy(
                vec![1, 0],
            )))
            .apply(Action::Dependencies(DependenciesAction::Edit {
                path: vec![1, 0, 1],
                edit: DependencyEdit::Name("standby".into()),
            }));
        assert_eq!(
            state
                .scenario
                .dependencies
                .at(&[1, 0, 1])
                .map(Composition::name),
            Some("standby".to_string())
        );
        // Half the users behind the inventory service (5e-5): it counts
        // 2.5e-5 in the report.
        let state = state.apply(Action::Dependencies(DependenciesAction::Scope {
            item: 3,
            scope: 0.5,
        }));
        let check = &state.report.dependencies.extra_nine[3];
        assert_eq!((check.scope, check.unavailability), (0.5, 2.5e-5));
        // k, the nested group and the scope travel in a link (a list key
        // of their own; no link version bump: old links lack it, 100%).
        let link = nines_core::link::encode(&state.scenario);
        assert!(link.contains("&dependencies.scopes="), "{link}");
        let back = nines_core::link::decode(&link);
        assert!(back.notices.is_empty(), "{:?}", back.notices);
        assert_eq!(back.scenario.dependencies, state.scenario.dependencies);
        let state = state.apply(Action::Dependencies(DependenciesAction::Remove(vec![
            1, 0, 1,
        ])));
        assert!(matches!(
            state.scenario.dependencies.at(&[1, 0]),
            Some(Composition::Component(_))
        ));
    }
}
