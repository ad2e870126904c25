//! The dependencies against their bounds (every list is bounded, so a
//! hand-made link cannot stall the page): their [`Shape`], the cut to the
//! bounds, and the bound an edit would pass.

use super::{Composition, DependencyInputs, members_mut};
use crate::bounds::{Cut, List, MAX_DEPENDENCY_ENTRIES, MAX_MEMBERS, MAX_NESTING, cut_list};

/// How large the dependencies are, measured against their bounds
/// ([`crate::bounds`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Shape {
    /// Dependencies in the list.
    pub dependencies: usize,
    /// Members of the largest group.
    pub widest: usize,
    /// Levels: 1 for a list of components, 2 when one of them is a group of
    /// components, and so on (0 without dependencies).
    pub levels: usize,
    /// Components and groups at every level.
    pub entries: usize,
    /// Outage scopes listed.
    pub scopes: usize,
}

/// The bounds of the dependencies (every list is bounded, so a hand-made
/// link cannot stall the page): measured, checked, cut to, and kept to when
/// people add.
impl DependencyInputs {
    /// Its [`Shape`], in one walk of the tree.
    ///
    /// ```
    /// use nines_core::dependency::{DependencyInputs, Shape};
    /// // Payments (a pair), the database, the 2-of-3 cache, inventory.
    /// let shape = DependencyInputs::default().shape();
    /// assert_eq!(shape, Shape { dependencies: 4, widest: 3, levels: 2, entries: 9, scopes: 0 });
    /// ```
    pub fn shape(&self) -> Shape {
        fn walk(c: &Composition, level: usize, shape: &mut Shape) {
            shape.entries += 1;
            shape.levels = shape.levels.max(level);
            if let Some(of) = c.members() {
                shape.widest = shape.widest.max(of.len());
                for member in of {
                    walk(member, level + 1, shape);
                }
            }
        }
        let mut shape = Shape {
            dependencies: self.dependencies.len(),
            scopes: self.scopes.len(),
            ..Shape::default()
        };
        for d in &self.dependencies {
            walk(d, 1, &mut shape);
        }
        shape
    }

    /// Whether every list of it is within its bound.
    ///
    /// ```
    /// use nines_core::dependency::{Composition, DependencyInputs};
    /// let mut d = DependencyInputs::default();
    /// assert!(d.within_bounds());
    /// d.dependencies[0] = Composition::Parallel(vec![Composition::component("copy", 0.1); 101]);
    /// assert!(!d.within_bounds());
    /// ```
    pub fn within_bounds(&self) -> bool {
        let shape = self.shape();
        List::Dependencies.holds(shape.dependencies)
            && List::Members.holds(shape.widest)
            && List::Nesting.holds(shape.levels)
            && List::DependencyEntries.holds(shape.entries)
            && List::Scopes.holds(shape.scopes)
    }

    /// Cuts the dependencies to their bounds, saying what was cut in
    /// `cuts`, in this order:
    ///
    /// 1. the list to its first [`crate::bounds::MAX_DEPENDENCIES`];
    /// 2. each group to its first [`MAX_MEMBERS`] members (a k-of-n group
    ///    needing more needs them all);
    /// 3. each group at level [`MAX_NESTING`] (whose members would be
    ///    deeper) to one component with the group's availability, so the
    ///    figures do not change (one whose figures cannot be computed, an
    ///    invalid `k`, counts as never available);
    /// 4. the first [`MAX_DEPENDENCY_ENTRIES`] components and groups, in
    ///    the order they are listed (a group is kept with the members that
    ///    fit; one none of whose members fit goes);
    /// 5. the outage scopes to the dependencies kept, and to
    ///    [`crate::bounds::MAX_DEPENDENCIES`].
    ///
    /// ```
    /// use nines_core::bounds::{Cut, List};
    /// use nines_core::dependency::{Composition, DependencyInputs};
    /// let mut d = DependencyInputs::default();
    /// d.dependencies = vec![Composition::component("db", 0.001); 150];
    /// let mut cuts = Vec::new();
    /// d.bound(&mut cuts);
    /// assert_eq!(d.dependencies.len(), 100);
    /// assert_eq!(cuts, [Cut { list: List::Dependencies, had: 150, kept: 100 }]);
    /// ```
    pub fn bound(&mut self, cuts: &mut Vec<Cut>) {
        let listed = self.dependencies.len();
        cut_list(&mut self.dependencies, List::Dependencies, cuts);
        let widest = self.shape().widest;
        if !List::Members.holds(widest) {
            self.dependencies.iter_mut().for_each(cut_members);
            cuts.push(Cut {
                list: List::Members,
                had: widest,
                kept: MAX_MEMBERS,
            });
        }
        let levels = self.shape().levels;
        if !List::Nesting.holds(levels) {
            for d in &mut self.dependencies {
                flatten_below(d, 1);
            }
            cuts.push(Cut {
                list: List::Nesting,
                had: levels,
                kept: MAX_NESTING,
            });
        }
        let entries = self.shape().entries;
        if !List::DependencyEntries.holds(entries) {
            let mut room = MAX_DEPENDENCY_ENTRIES;
            keep_entries(&mut self.dependencies, &mut room);
            cuts.push(Cut {
                list: List::DependencyEntries,
                had: entries,
                kept: MAX_DEPENDENCY_ENTRIES - room,
            });
        }
        if self.dependencies.len() < listed {
            // The scopes of the dependencies cut go with them.
            self.scopes.truncate(self.dependencies.len());
        }
        cut_list(&mut self.scopes, List::Scopes, cuts);
    }

    /// The bound adding a dependency would pass, if any: `shape` is
    /// [`DependencyInputs::shape`] (measured once for every button).
    ///
    /// ```
    /// use nines_core::bounds::List;
    /// use nines_core::dependency::{Composition, DependencyInputs};
    /// let mut d = DependencyInputs::default();
    /// assert_eq!(d.add_blocked(&d.shape()), None);
    /// d.dependencies = vec![Composition::component("db", 0.001); 100];
    /// assert_eq!(d.add_blocked(&d.shape()), Some(List::Dependencies));
    /// ```
    pub fn add_blocked(&self, shape: &Shape) -> Option<List> {
        if List::Dependencies.room(shape.dependencies) == 0 {
            Some(List::Dependencies)
        } else if List::DependencyEntries.room(shape.entries) == 0 {
            Some(List::DependencyEntries)
        } else {
            None
        }
    }

    /// The bound a redundant copy at `path`
    /// ([`DependencyInputs::add_redundant_copy_at`]) would pass, if any: a
    /// group's members, the levels (a component or a serial group becomes a
    /// pair one level deeper), or the entries in all.
    ///
    /// ```
    /// use nines_core::bounds::List;
    /// use nines_core::dependency::{Composition, DependencyInputs};
    /// let mut d = DependencyInputs::default();
    /// assert_eq!(d.copy_blocked(&[0], &d.shape()), None);
    /// d.dependencies[0] = Composition::Parallel(vec![Composition::component("copy", 0.1); 100]);
    /// assert_eq!(d.copy_blocked(&[0], &d.shape()), Some(List::Members));
    /// ```
    pub fn copy_blocked(&self, path: &[usize], shape: &Shape) -> Option<List> {
        let at = self.at(path)?;
        let (added, levels) = match at {
            Composition::Parallel(of) | Composition::KOfN { of, .. } => {
                if List::Members.room(of.len()) == 0 {
                    return Some(List::Members);
                }
                (of.last().map_or(0, Composition::entries), 0)
            }
            other => (1 + other.entries(), path.len() + other.levels()),
        };
        if !List::Nesting.holds(levels) {
            Some(List::Nesting)
        } else if !List::DependencyEntries.holds(shape.entries + added) {
            Some(List::DependencyEntries)
        } else {
            None
        }
    }
}

/// Each group in `c` cut to its first [`MAX_MEMBERS`] members.
fn cut_members(c: &mut Composition) {
    if let Composition::KOfN { k, of } = c
        && of.len() > MAX_MEMBERS
    {
        *k = (*k).min(MAX_MEMBERS);
    }
    if let Some(of) = members_mut(c) {
        of.truncate(MAX_MEMBERS);
        of.iter_mut().for_each(cut_members);
    }
}

/// The most characters of a group's description kept as the name of the
/// component it becomes ([`flatten_below`]).
const FLAT_NAME: usize = 120;

/// `c`, at `level`, with every group at level [`MAX_NESTING`] or deeper
/// made one component with the group's availability (bottom up, so each
/// is computed from components).
fn flatten_below(c: &mut Composition, level: usize) {
    let Some(of) = members_mut(c) else {
        return;
    };
    for member in of.iter_mut() {
        flatten_below(member, level + 1);
    }
    if level >= MAX_NESTING {
        let u = c.unavailability().unwrap_or(1.0);
        let mut name = c.name();
        if let Some((end, _)) = name.char_indices().nth(FLAT_NAME) {
            name.truncate(end);
            name.push('…');
        }
        *c = Composition::component(name, u);
    }
}

/// Keeps the first `room` entries of `list` (components and groups, in
/// the order they are listed, each group before its members), counting
/// `room` down.
fn keep_entries(list: &mut Vec<Composition>, room: &mut usize) {
    let mut kept = 0;
    for c in list.iter_mut() {
        if *room == 0 {
            break;
        }
        *room -= 1;
        if let Some(of) = members_mut(c) {
            let had = !of.is_empty();
            keep_entries(of, room);
            if had && of.is_empty() {
                // None of its members fit: the group goes too.
                *room += 1;
                break;
            }
            let n = of.len();
            if let Composition::KOfN { k, .. } = c {
                *k = (*k).min(n.max(1));
            }
        }
        kept += 1;
    }
    list.truncate(kept);
}

#[cfg(test)]
mod tests {
    use super::super::tests::chain;
    use super::*;

    /// Nesting cut to its bound, worked by hand. A chain of 10 levels: the
    /// pair at level 9 (the deepest 0.1 and a side of 0.5) becomes a component of 0.05,
    /// the pair at level 8 holding it and a side of 0.5 one of 0.025; the
    /// figures stay what they were: 0.1 × 0.5⁹ = 1.953125e-4.
    #[test]
    fn groups_below_the_deepest_level_become_one_component_each() {
        let mut d = DependencyInputs {
            dependencies: vec![chain(10)],
            ..DependencyInputs::default()
        };
        let before = 0.1 * 0.5_f64.powi(9);
        assert_eq!(d.shape().levels, 10);
        let mut cuts = Vec::new();
        d.bound(&mut cuts);
        assert_eq!(
            cuts,
            [Cut {
                list: List::Nesting,
                had: 10,
                kept: 8
            }]
        );
        assert_eq!(d.shape().levels, 8);
        let at8 = d.at(&[0; 8]).unwrap();
        let Composition::Component(c) = at8 else {
            panic!("{at8:?}")
        };
        assert!((c.unavailability - 0.025).abs() < 1e-15, "{c:?}");
        assert_eq!(c.name, "any of (any of (deepest, side), side)");
        let after = d.dependencies[0].unavailability().unwrap();
        assert!((after - before).abs() < 1e-18, "{after} {before}");
    }

    /// 120 groups of 150 members (k = 140) under 100 dependencies: the
    /// list keeps 100, each group 100 members and k 100; then 100 × 101 =
    /// 10,100 entries are cut to the first 500: four whole groups (404) and
    /// a fifth with its group entry and 95 members (96), k 95; the scopes
    /// follow the five dependencies kept.
    #[test]
    fn a_huge_tree_is_cut_list_members_then_entries() {
        let group = Composition::KOfN {
            k: 140,
            of: vec![Composition::component("replica", 0.01); 150],
        };
        let mut d = DependencyInputs {
            dependencies: vec![group; 120],
            scopes: vec![0.5; 120],
            ..DependencyInputs::default()
        };
        let mut cuts = Vec::new();
        d.bound(&mut cuts);
        let cut = |list, had, kept| Cut { list, had, kept };
        assert_eq!(
            cuts,
            [
                cut(List::Dependencies, 120, 100),
                cut(List::Members, 150, 100),
                cut(List::DependencyEntries, 10_100, 500),
            ]
        );
        assert_eq!(d.dependencies.len(), 5);
        assert!(matches!(&d.dependencies[3], Composition::KOfN { k: 100, of } if of.len() == 100));
        assert!(matches!(&d.dependencies[4], Composition::KOfN { k: 95, of } if of.len() == 95));
        assert_eq!(d.scopes.len(), 5);
        assert_eq!(d.shape().entries, 500);
        assert!(d.within_bounds());
        // Cut once, it stays as it is.
        let again = d.clone();
        let mut cuts = Vec::new();
        d.bound(&mut cuts);
        assert!(cuts.is_empty());
        assert_eq!(d, again);
    }

    /// A group none of whose members fit goes, and the cut stops there:
    /// 9 serial groups of 50 (459 entries) and 40 components leave one
    /// entry for the pair that follows, which needs three; it and the 10
    /// components after it go, 499 entries are kept.
    #[test]
    fn a_group_is_never_left_empty_by_the_cut() {
        let serial = Composition::Serial(vec![Composition::component("s", 0.1); 50]);
        let mut dependencies = vec![serial; 9];
        dependencies.extend(vec![Composition::component("c", 0.1); 40]);
        dependencies.push(Composition::Parallel(vec![
            Composition::component("p", 0.1);
            2
        ]));
        dependencies.extend(vec![Composition::component("after", 0.1); 10]);
        let mut d = DependencyInputs {
            dependencies,
            ..DependencyInputs::default()
        };
        assert_eq!(d.shape().entries, 512);
        let mut cuts = Vec::new();
        d.bound(&mut cuts);
        assert_eq!(
            cuts,
            [Cut {
                list: List::DependencyEntries,
                had: 512,
                kept: 499
            }]
        );
        assert_eq!(d.shape().entries, 499);
        assert_eq!(d.dependencies.len(), 49);
        assert!(d.dependencies.iter().all(|c| c.unavailability().is_ok()));
    }

    #[test]
    fn adding_stops_at_the_bounds() {
        let mut d = DependencyInputs {
            dependencies: vec![Composition::component("c", 0.1); 99],
            ..DependencyInputs::default()
        };
        d.add();
        assert_eq!(d.dependencies.len(), 100);
        assert_eq!(d.add_blocked(&d.shape()), Some(List::Dependencies));
        d.add();
        assert_eq!(d.dependencies.len(), 100);
        // A group of 100: no 101st copy.
        d.dependencies[0] = Composition::Parallel(vec![Composition::component("c", 0.1); 100]);
        assert_eq!(d.copy_blocked(&[0], &d.shape()), Some(List::Members));
        d.add_redundant_copy_at(&[0]);
        assert_eq!(d.at(&[0]).map(Composition::entries), Some(101));
        // The component at the deepest level of a chain cannot become a
        // pair (one level deeper).
        d.dependencies[1] = chain(8);
        let path = [1, 0, 0, 0, 0, 0, 0, 0];
        assert!(matches!(d.at(&path), Some(Composition::Component(_))));
        assert_eq!(d.copy_blocked(&path, &d.shape()), Some(List::Nesting));
        let shape = d.shape();
        d.add_redundant_copy_at(&path);
        assert_eq!(d.shape(), shape);
        // 40 components and 9 groups of 50: 40 + 9 × 51 = 499 entries. One
        // more dependency fits (500); a pair (2 more) does not.
        d.dependencies = vec![Composition::component("c", 0.1); 40];
        d.dependencies.extend(vec![
            Composition::Parallel(vec![
                Composition::component(
                    "c", 0.1
                );
                50
            ]);
            9
        ]);
        assert_eq!(d.shape().entries, 499);
        assert_eq!(d.add_blocked(&d.shape()), None);
        assert_eq!(
            d.copy_blocked(&[0], &d.shape()),
            Some(List::DependencyEntries)
        );
        d.add_redundant_copy_at(&[0]);
        assert_eq!(d.shape().entries, 499);
        d.add();
        assert_eq!(d.shape().entries, 500);
        assert_eq!(d.add_blocked(&d.shape()), Some(List::DependencyEntries));
    }
}
