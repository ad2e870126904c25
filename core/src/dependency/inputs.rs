//! The dependency inputs: the critical dependencies, their outage scopes
//! and the service's own outages, and the edits a front end makes at a
//! place in the tree.

use super::{Component, Composition, check_k, members_mut};
use crate::target::{OpsError, check_fraction};
use serde::{Deserialize, Serialize};

/// The dependency model of the service: its critical dependencies (all
/// needed, i.e. in series with the service) and how often the service's
/// own failures cause outages.
///
/// Defaults for the checkout service of the default story (target 99.95%,
/// so the rule of the extra nine asks 99.995% of each dependency):
/// * "payment providers": two providers at 99.9% each, either will do
///   (parallel: 99.9999%);
/// * "orders database": 99.99% — one nine short of the rule, on purpose: the
///   report flags it;
/// * "session cache": 2 of 3 replicas at 99.9% needed;
/// * "inventory service": 99.995%, exactly the extra nine;
/// * `outages_per_year: 6.0` of the service's own, `outage_scope: 1.0`
///   (counted as full outages, the article's simplification).
///
/// ```
/// use nines_core::dependency::DependencyInputs;
/// assert_eq!(DependencyInputs::default().dependencies.len(), 4);
/// ```
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct DependencyInputs {
    /// Critical dependencies; each may itself be a redundant group (at most
    /// [`crate::bounds::MAX_DEPENDENCIES`], with the bounds on groups of
    /// [`DependencyInputs::bound`]).
    pub dependencies: Vec<Composition>,
    /// Outages per year caused by the service itself. In a scenario this is
    /// the incident model's rate (`IncidentInputs::incidents_per_year`, one
    /// source for one figure, so every section counts the same outages): it
    /// is not an input of its own
    /// there, and not in links.
    #[serde(skip)]
    pub outages_per_year: f64,
    /// Fraction of users such an outage affects, `0..=1`. In a scenario
    /// this is the incident model's scope (`IncidentInputs::scope`, 50% by
    /// default), so that the two time-to-restore limits agree: not an
    /// input of its own there, and not in links (version 4 moved it).
    #[serde(skip)]
    pub outage_scope: f64,
    /// The outage scope of each dependency of the list, by position: the
    /// share of the service's users an outage of it affects, `0..=1`. A
    /// dependency's unavailability counts × its scope in the service's
    /// (see [`evaluate`](super::evaluate)). Missing entries (and the whole
    /// list, by default) are 1, every user; the edit methods keep it in
    /// step with `dependencies` and drop trailing ones, so a link only
    /// carries it when some scope is not 100%.
    pub scopes: Vec<f64>,
}

impl Default for DependencyInputs {
    fn default() -> Self {
        let replica = |i: u32| Composition::component(format!("session cache replica {i}"), 0.001);
        DependencyInputs {
            dependencies: vec![
                Composition::Parallel(vec![
                    Composition::component("payment provider A", 0.001),
                    Composition::component("payment provider B", 0.001),
                ]),
                Composition::component("orders database", 0.0001),
                Composition::KOfN {
                    k: 2,
                    of: vec![replica(1), replica(2), replica(3)],
                },
                Composition::component("inventory service", 0.00005),
            ],
            outages_per_year: 6.0,
            outage_scope: 1.0,
            scopes: Vec::new(),
        }
    }
}

/// Editing the list: the rules a front end applies when people add, group,
/// edit and remove dependencies (the page's reducer calls these). An
/// `item` is an index into `dependencies`; a `path` a place in the tree
/// ([`DependencyInputs::at`]). Places that do not exist change nothing.
impl DependencyInputs {
    /// The unavailability a new dependency starts with: 99.99% available.
    pub const NEW_UNAVAILABILITY: f64 = 0.0001;

    /// Add a critical dependency, named after its place in the list;
    /// nothing when the list is at a bound ([`DependencyInputs::add_blocked`]).
    ///
    /// ```
    /// use nines_core::dependency::{Composition, DependencyInputs};
    /// let mut d = DependencyInputs::default();
    /// d.add();
    /// assert_eq!(d.dependencies[4], Composition::component("dependency 5", 0.0001));
    /// ```
    pub fn add(&mut self) {
        if self.add_blocked(&self.shape()).is_some() {
            return;
        }
        let n = self.dependencies.len() + 1;
        self.dependencies.push(Composition::component(
            format!("dependency {n}"),
            Self::NEW_UNAVAILABILITY,
        ));
    }

    /// The dependency at `path`: `[item]` for one of the list, `[item, m]`
    /// for member `m` of its group, `[item, m, n]` for member `n` of a group
    /// nested there, and so on; `None` for a place that does not exist.
    ///
    /// ```
    /// use nines_core::dependency::{Composition, DependencyInputs};
    /// let d = DependencyInputs::default();
    /// assert_eq!(d.at(&[1]).map(Composition::name).as_deref(), Some("orders database"));
    /// assert_eq!(d.at(&[0, 1]).map(Composition::name).as_deref(), Some("payment provider B"));
    /// assert!(d.at(&[1, 0]).is_none() && d.at(&[]).is_none());
    /// ```
    pub fn at(&self, path: &[usize]) -> Option<&Composition> {
        let (first, rest) = path.split_first()?;
        rest.iter()
            .try_fold(self.dependencies.get(*first)?, |c, &m| match c {
                Composition::Component(_) => None,
                Composition::Parallel(of)
                | Composition::Serial(of)
                | Composition::KOfN { of, .. } => of.get(m),
            })
    }

    /// [`DependencyInputs::at`], to change it.
    pub fn at_mut(&mut self, path: &[usize]) -> Option<&mut Composition> {
        let (first, rest) = path.split_first()?;
        let mut at = self.dependencies.get_mut(*first)?;
        for &m in rest {
            at = members_mut(at)?.get_mut(m)?;
        }
        Some(at)
    }

    /// The component at `path` ([`DependencyInputs::at`]), to edit its name
    /// or unavailability; `None` for a group or a place that does not exist.
    pub fn component_at_mut(&mut self, path: &[usize]) -> Option<&mut Component> {
        match self.at_mut(path)? {
            Composition::Component(c) => Some(c),
            _ => None,
        }
    }

    /// Remove the dependency at `path` ([`DependencyInputs::at`]): one of
    /// the list (its scope goes with it), or a member of a group at any
    /// depth. A group left with one member becomes that member; a k-of-n
    /// group keeps `1 ≤ k ≤ n` (k shrinks with it).
    ///
    /// ```
    /// use nines_core::dependency::{Composition, DependencyInputs};
    /// let mut d = DependencyInputs::default();
    /// d.remove_at(&[2, 0]); // a replica of the 2-of-3 session cache
    /// assert!(matches!(&d.dependencies[2], Composition::KOfN { k: 2, of } if of.len() == 2));
    /// ```
    pub fn remove_at(&mut self, path: &[usize]) {
        let Some((&last, parent)) = path.split_last() else {
            return;
        };
        if parent.is_empty() {
            if last < self.dependencies.len() {
                self.dependencies.remove(last);
                if last < self.scopes.len() {
                    self.scopes.remove(last);
                }
                while self.scopes.last() == Some(&1.0) {
                    self.scopes.pop();
                }
            }
            return;
        }
        let Some(group) = self.at_mut(parent) else {
            return;
        };
        let Some(members) = members_mut(group) else {
            return;
        };
        if last >= members.len() {
            return;
        }
        members.remove(last);
        if members.len() == 1 {
            let only = members.remove(0);
            *group = only;
        } else if let Composition::KOfN { k, of } = group {
            *k = (*k).min(of.len()).max(1);
        }
    }

    /// Add a redundant copy of the dependency at `path`
    /// ([`DependencyInputs::at`]): a group gets a copy of its last member;
    /// a component (or a serial group) becomes a redundant pair of itself,
    /// any one of which is enough, so on a member of a group the pair is
    /// nested in the group (a group inside a group). Nothing when the copy
    /// would pass a bound ([`DependencyInputs::copy_blocked`]).
    ///
    /// ```
    /// use nines_core::dependency::{Composition, DependencyInputs};
    /// let mut d = DependencyInputs::default();
    /// d.add_redundant_copy_at(&[2, 0]);
    /// assert!(matches!(d.at(&[2, 0]), Some(Composition::Parallel(of)) if of.len() == 2));
    /// ```
    pub fn add_redundant_copy_at(&mut self, path: &[usize]) {
        if self.copy_blocked(path, &self.shape()).is_some() {
            return;
        }
        let Some(dep) = self.at_mut(path) else {
            return;
        };
        match dep {
            Composition::Parallel(of) | Composition::KOfN { of, .. } => {
                if let Some(copy) = of.last().cloned() {
                    of.push(copy);
                }
            }
            other => {
                let copy = other.clone();
                *other = Composition::Parallel(vec![copy.clone(), copy]);
            }
        }
    }

    /// Set how many members of the k-of-n group at `path` are needed.
    /// Refused, with the group unchanged, for a `k` outside `1..=n` (the
    /// message names the field and what is allowed) or a place that is not
    /// a k-of-n group.
    ///
    /// ```
    /// use nines_core::dependency::{Composition, DependencyInputs};
    /// let mut d = DependencyInputs::default();
    /// assert_eq!(
    ///     d.set_k(&[2], 4).unwrap_err().to_string(),
    ///     "K (the members needed) must be between 1 and 3"
    /// );
    /// d.set_k(&[2], 3).unwrap();
    /// assert!(matches!(&d.dependencies[2], Composition::KOfN { k: 3, .. }));
    /// ```
    pub fn set_k(&mut self, path: &[usize], k: usize) -> Result<(), OpsError> {
        match self.at_mut(path) {
            Some(Composition::KOfN { k: at, of }) => {
                check_k(k, of.len())?;
                *at = k;
                Ok(())
            }
            _ => Err(OpsError::InvalidComposition {
                reason: "only a k-of-n group has a number of members needed",
            }),
        }
    }

    /// Turn the group at `path` into another kind, keeping its members:
    /// any one enough (`Parallel`, "1 of n"), `k` of them (`KOfN`: from
    /// "any one" it starts at 1, from "all" at n, so the figures do not
    /// change until k does), or all needed (`Serial`). A component is left
    /// as it is.
    ///
    /// ```
    /// use nines_core::dependency::{Composition, DependencyInputs, GroupKind};
    /// let mut d = DependencyInputs::default();
    /// d.set_group_kind(&[0], GroupKind::KOfN); // the payment providers: 1 of 2
    /// assert!(matches!(&d.dependencies[0], Composition::KOfN { k: 1, of } if of.len() == 2));
    /// ```
    pub fn set_group_kind(&mut self, path: &[usize], kind: GroupKind) {
        let Some(group) = self.at_mut(path) else {
            return;
        };
        let of = match group {
            Composition::Component(_) => return,
            Composition::Parallel(of) | Composition::Serial(of) | Composition::KOfN { of, .. } => {
                std::mem::take(of)
            }
        };
        let was = GroupKind::of(group);
        *group = match kind {
            GroupKind::Any => Composition::Parallel(of),
            GroupKind::All => Composition::Serial(of),
            GroupKind::KOfN => {
                let k = match (was, &*group) {
                    (_, Composition::KOfN { k, .. }) => *k,
                    (Some(GroupKind::All), _) => of.len(),
                    _ => 1,
                };
                Composition::KOfN {
                    k: k.clamp(1, of.len().max(1)),
                    of,
                }
            }
        };
    }

    /// The outage scope of the dependency at `item` (1 when not set).
    ///
    /// ```
    /// use nines_core::dependency::DependencyInputs;
    /// assert_eq!(DependencyInputs::default().scope(0), 1.0);
    /// ```
    pub fn scope(&self, item: usize) -> f64 {
        self.scopes.get(item).copied().unwrap_or(1.0)
    }

    /// Set the outage scope of the dependency at `item`: the share of the
    /// service's users an outage of it affects, a fraction in `0..=1`;
    /// anything else is refused (message naming the field), as is a place
    /// that does not exist.
    ///
    /// ```
    /// use nines_core::dependency::DependencyInputs;
    /// let mut d = DependencyInputs::default();
    /// d.set_scope(1, 0.25).unwrap();
    /// assert_eq!(d.scopes, [1.0, 0.25]);
    /// assert!(d.set_scope(1, 1.5).is_err());
    /// d.set_scope(1, 1.0).unwrap();
    /// assert!(d.scopes.is_empty()); // every scope 100%: nothing to carry
    /// ```
    pub fn set_scope(&mut self, item: usize, scope: f64) -> Result<(), OpsError> {
        let scope = check_fraction(SCOPE_FIELD, scope)?;
        if item >= self.dependencies.len() {
            return Err(OpsError::InvalidComposition {
                reason: "there is no such dependency",
            });
        }
        if self.scopes.len() <= item {
            self.scopes.resize(item + 1, 1.0);
        }
        self.scopes[item] = scope;
        while self.scopes.last() == Some(&1.0) {
            self.scopes.pop();
        }
        Ok(())
    }
}

/// The field a dependency's outage scope is named by in messages.
pub const SCOPE_FIELD: &str = "Outage scope (the share of users an outage of it affects)";

/// What a group needs of its members.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupKind {
    /// Any one is enough (redundant copies).
    Any,
    /// At least `k` of the `n` are needed.
    KOfN,
    /// All are needed.
    All,
}

impl GroupKind {
    /// The kind of `c`; `None` for a component.
    ///
    /// ```
    /// use nines_core::dependency::{Composition, GroupKind};
    /// assert_eq!(GroupKind::of(&Composition::Serial(vec![])), Some(GroupKind::All));
    /// ```
    pub fn of(c: &Composition) -> Option<GroupKind> {
        match c {
            Composition::Component(_) => None,
            Composition::Parallel(_) => Some(GroupKind::Any),
            Composition::KOfN { .. } => Some(GroupKind::KOfN),
            Composition::Serial(_) => Some(GroupKind::All),
        }
    }

    /// A stable id (for a form's `<option>`): `any`, `k-of-n`, `all`.
    pub fn id(self) -> &'static str {
        match self {
            GroupKind::Any => "any",
            GroupKind::KOfN => "k-of-n",
            GroupKind::All => "all",
        }
    }

    /// The kind with that [`GroupKind::id`].
    ///
    /// ```
    /// use nines_core::dependency::GroupKind;
    /// assert_eq!(GroupKind::from_id("k-of-n"), Some(GroupKind::KOfN));
    /// assert_eq!(GroupKind::from_id("some"), None);
    /// ```
    pub fn from_id(id: &str) -> Option<GroupKind> {
        [GroupKind::Any, GroupKind::KOfN, GroupKind::All]
            .into_iter()
            .find(|g| g.id() == id)
    }

    /// What it means, for people: `any one is enough (redundant)`, …
    pub fn label(self) -> &'static str {
        match self {
            GroupKind::Any => "any one is enough (redundant)",
            GroupKind::KOfN => "k of n needed",
            GroupKind::All => "all needed",
        }
    }
}

/// A number of members needed, as typed (`2`), for a group of `n`: a whole
/// number from 1 to `n`, else a message naming the field and what is
/// allowed.
///
/// ```
/// use nines_core::dependency::parse_k;
/// assert_eq!(parse_k(" 2 ", 3), Ok(2));
/// assert_eq!(parse_k("4", 3).unwrap_err(), "K (the members needed) must be between 1 and 3");
/// assert_eq!(
///     parse_k("two", 3).unwrap_err(),
///     "K (the members needed) must be a whole number between 1 and 3"
/// );
/// ```
pub fn parse_k(text: &str, n: usize) -> Result<usize, String> {
    let k = text.trim().parse::<usize>().map_err(|_| {
        let mut s = String::from("K (the members needed) must be a whole number between 1 and ");
        crate::digits::push_u64(&mut s, n as u64);
        s
    })?;
    check_k(k, n).map_err(|e| e.to_string())
}

/// A dependency's outage scope as typed (`25%`, `0.25`): a fraction of
/// users from 0% to 100%, else a message naming the field.
///
/// ```
/// use nines_core::dependency::parse_scope;
/// assert_eq!(parse_scope("25%"), Ok(0.25));
/// assert!(parse_scope("120%").unwrap_err().starts_with("Outage scope"));
/// assert!(parse_scope("some").unwrap_err().starts_with("Outage scope"));
/// ```
pub fn parse_scope(text: &str) -> Result<f64, String> {
    crate::quantity::parse_fraction(text)
        .map_err(|e| e.to_string())
        .and_then(|x| check_fraction(SCOPE_FIELD, x).map_err(|e| e.to_string()))
        .map_err(|e| {
            if e.starts_with(SCOPE_FIELD) {
                e
            } else {
                format!("{SCOPE_FIELD}: {e}")
            }
        })
}

#[cfg(test)]
mod tests {
    use super::super::tests::editable;
    use super::super::*;
    use crate::target::TargetContext;

    #[test]
    fn a_new_dependency_is_named_after_its_place_at_four_nines() {
        let mut d = editable();
        d.add();
        assert_eq!(d.dependencies.len(), 4);
        assert_eq!(
            d.dependencies[3],
            Composition::component("dependency 4", 0.0001)
        );
    }

    #[test]
    fn only_components_are_edited_in_place() {
        let mut d = editable();
        d.component_at_mut(&[0]).unwrap().name = "orders db".into();
        d.component_at_mut(&[1, 2]).unwrap().unavailability = 0.5;
        assert_eq!(
            d.dependencies[0],
            Composition::component("orders db", 0.001)
        );
        let Composition::KOfN { of, .. } = &d.dependencies[1] else {
            panic!("still a group: {:?}", d.dependencies[1]);
        };
        assert_eq!(of[2], Composition::component("r3", 0.5));
        // A group itself, a member of a component, and places past the end.
        assert!(d.component_at_mut(&[1]).is_none());
        assert!(d.component_at_mut(&[0, 0]).is_none());
        assert!(d.component_at_mut(&[1, 3]).is_none());
        assert!(d.component_at_mut(&[3]).is_none());
    }

    #[test]
    fn removing_members_keeps_k_within_the_group_and_unwraps_a_group_of_one() {
        let mut d = editable();
        // 2 of 3 → 2 of 2: k still fits.
        d.remove_at(&[1, 0]);
        assert!(
            matches!(&d.dependencies[1], Composition::KOfN { k: 2, of } if of.len() == 2),
            "{:?}",
            d.dependencies[1]
        );
        // 2 of 2 → one member left: the group is that member.
        d.remove_at(&[1, 0]);
        assert_eq!(d.dependencies[1], Composition::component("r3", 0.03));
        d.remove_at(&[1]);
        assert_eq!(d.dependencies.len(), 2);
        assert_eq!(d.dependencies[1], Composition::component("cdn", 0.002));
    }

    #[test]
    fn k_shrinks_when_the_group_gets_smaller_than_k() {
        let member = |n: &str| Composition::component(n, 0.1);
        let mut d = DependencyInputs {
            dependencies: vec![Composition::KOfN {
                k: 3,
                of: vec![member("a"), member("b"), member("c")],
            }],
            ..DependencyInputs::default()
        };
        d.add_redundant_copy_at(&[0]);
        // 3 of 4 → 3 of 3 → (a member out) 2 of 2.
        d.remove_at(&[0, 3]);
        d.remove_at(&[0, 0]);
        assert_eq!(
            d.dependencies[0],
            Composition::KOfN {
                k: 2,
                of: vec![member("b"), member("c")]
            }
        );
    }

    #[test]
    fn a_redundant_copy_makes_a_pair_or_grows_the_group() {
        let mut d = editable();
        d.add_redundant_copy_at(&[0]);
        assert_eq!(
            d.dependencies[0],
            Composition::Parallel(vec![
                Composition::component("db", 0.001),
                Composition::component("db", 0.001),
            ])
        );
        // Two independent copies at 0.1% fail together 0.1% × 0.1% = 1e-6
        // of the time.
        let u = d.dependencies[0].unavailability().unwrap();
        assert!((u - 1e-6).abs() < 1e-21, "{u:e}");
        d.add_redundant_copy_at(&[1]);
        let Composition::KOfN { k, of } = &d.dependencies[1] else {
            panic!("still a group: {:?}", d.dependencies[1]);
        };
        assert_eq!((*k, of.len()), (2, 4));
        assert_eq!(of[3], Composition::component("r3", 0.03));
    }

    #[test]
    fn k_is_set_within_one_to_n_and_refused_outside() {
        let mut d = editable();
        // 2 of 3 → 3 of 3: all three replicas needed, 1 − 0.99 × 0.98 × 0.97
        // = 1 − 0.941094 = 0.058906 unavailable, worse than r1 alone (0.01):
        // the group warning says so.
        d.set_k(&[1], 3).unwrap();
        let u = d.dependencies[1].unavailability().unwrap();
        assert!((u - 0.058906).abs() < 1e-15, "{u}");
        let r = evaluate(&d, &TargetContext::default());
        assert_eq!(r.group_warnings.len(), 1, "{:?}", r.group_warnings);
        assert!(r.group_warnings[0].contains("less available than one copy"));
        // 4 of 3 and 0 of 3 are refused and change nothing.
        let before = d.clone();
        for k in [0, 4] {
            assert_eq!(
                d.set_k(&[1], k).unwrap_err().to_string(),
                "K (the members needed) must be between 1 and 3"
            );
        }
        assert_eq!(
            parse_k("4", 3).unwrap_err(),
            "K (the members needed) must be between 1 and 3"
        );
        assert!(
            parse_k("", 3)
                .unwrap_err()
                .contains("whole number between 1 and 3")
        );
        // Not a k-of-n group: a component, a serial group, nowhere.
        assert!(d.set_k(&[0], 1).is_err());
        assert!(d.set_k(&[9], 1).is_err());
        assert_eq!(d, before);
    }

    #[test]
    fn a_group_turns_k_of_n_and_back_keeping_its_members() {
        let mut d = editable();
        d.add_redundant_copy_at(&[0]); // db ‖ db: 0.001² = 1e-6
        d.add_redundant_copy_at(&[0]); // three copies: 1e-9
        d.set_group_kind(&[0], GroupKind::KOfN);
        // From "any one" k starts at 1: the figure does not change.
        assert!(matches!(&d.dependencies[0], Composition::KOfN { k: 1, of } if of.len() == 3));
        let u = d.dependencies[0].unavailability().unwrap();
        assert!((u - 1e-9).abs() < 1e-22, "{u:e}");
        // 2 of 3 at 0.001: 3 × 0.001² × 0.999 + 0.001³ = 2.998e-6.
        d.set_k(&[0], 2).unwrap();
        let u = d.dependencies[0].unavailability().unwrap();
        assert!((u - 2.998e-6).abs() < 1e-18, "{u:e}");
        // Back to redundant (any one), then all needed, then k of n from
        // "all": k = n = 3, 1 − 0.999³ = 0.002997001.
        d.set_group_kind(&[0], GroupKind::Any);
        assert!(matches!(&d.dependencies[0], Composition::Parallel(of) if of.len() == 3));
        d.set_group_kind(&[0], GroupKind::All);
        d.set_group_kind(&[0], GroupKind::KOfN);
        assert!(matches!(&d.dependencies[0], Composition::KOfN { k: 3, .. }));
        let u = d.dependencies[0].unavailability().unwrap();
        assert!((u - 0.002997001).abs() < 1e-15, "{u:e}");
        // A component has no kind to change.
        let before = d.clone();
        d.set_group_kind(&[2], GroupKind::KOfN);
        d.set_group_kind(&[1, 0], GroupKind::Any);
        assert_eq!(d, before);
    }

    #[test]
    fn a_group_inside_a_group_is_edited_like_the_list() {
        let mut d = editable();
        // r1 becomes a redundant pair inside the 2-of-3 group.
        d.add_redundant_copy_at(&[1, 0]);
        assert_eq!(
            d.at(&[1, 0]),
            Some(&Composition::Parallel(vec![
                Composition::component("r1", 0.01),
                Composition::component("r1", 0.01),
            ]))
        );
        d.component_at_mut(&[1, 0, 1]).unwrap().unavailability = 0.02;
        // The pair fails 0.01 × 0.02 = 2e-4 of the time; 2 of (2e-4, 0.02,
        // 0.03) fails when at least two fail:
        // 2e-4·0.02·0.97 + 2e-4·0.98·0.03 + 0.9998·0.02·0.03 + 2e-4·0.02·0.03
        // = 3.88e-6 + 5.88e-6 + 5.9988e-4 + 1.2e-7 = 6.0976e-4.
        let u = d.dependencies[1].unavailability().unwrap();
        assert!((u - 6.0976e-4).abs() < 1e-15, "{u:e}");
        // Its kind and k change one level down too.
        d.set_group_kind(&[1, 0], GroupKind::KOfN);
        d.set_k(&[1, 0], 2).unwrap();
        assert!(d.set_k(&[1, 0], 3).is_err());
        // Removing a member of the nested pair unwraps it.
        d.remove_at(&[1, 0, 0]);
        assert_eq!(d.at(&[1, 0]), Some(&Composition::component("r1", 0.02)));
        assert!(d.at(&[1, 0, 0]).is_none());
        assert!(d.component_at_mut(&[1, 0, 0]).is_none());
    }

    #[test]
    fn scopes_follow_their_dependencies_when_one_is_removed() {
        let mut d = editable();
        d.set_scope(2, 0.1).unwrap();
        assert_eq!(d.scopes, [1.0, 1.0, 0.1]);
        d.remove_at(&[0]);
        assert_eq!((d.scope(0), d.scope(1)), (1.0, 0.1));
        d.remove_at(&[1]);
        assert!(d.scopes.is_empty(), "{:?}", d.scopes);
        assert_eq!(d.scope(1), 1.0);
    }

    #[test]
    fn scopes_k_and_nested_groups_serialise_and_old_inputs_read_as_full_scope() {
        let mut d = DependencyInputs::default();
        d.add_redundant_copy_at(&[2, 0]);
        d.set_k(&[2], 3).unwrap();
        d.set_scope(1, 0.25).unwrap();
        let json = serde_json::to_string(&d).unwrap();
        assert!(json.contains("\"scopes\":[1.0,0.25]"), "{json}");
        let back: DependencyInputs = serde_json::from_str(&json).unwrap();
        assert_eq!(back.dependencies, d.dependencies);
        assert_eq!(back.scopes, d.scopes);
        // Inputs written before scopes existed: every scope is 100%.
        let old: DependencyInputs = serde_json::from_str(
            r#"{"dependencies":[{"Component":{"name":"db","unavailability":0.001}}]}"#,
        )
        .unwrap();
        assert!(old.scopes.is_empty());
        assert_eq!(old.scope(0), 1.0);
    }

    #[test]
    fn places_that_do_not_exist_change_nothing() {
        let mut d = editable();
        let before = d.clone();
        d.remove_at(&[7]);
        d.remove_at(&[7, 0]);
        d.remove_at(&[0, 0]);
        d.remove_at(&[1, 9]);
        d.add_redundant_copy_at(&[7]);
        assert_eq!(d, before);
    }
}
