//! The bounds of every list a scenario holds: how many
//! dependencies, group members, levels of groups, custom alerts, past
//! incidents and cost levels Nines holds, in one place. A link (or a saved
//! scenario) holding more is cut to them when it is read
//! ([`crate::scenario::bound`], called by [`crate::link::decode`]), with a
//! [`Cut`] naming what was cut; the page's editors and the CLI refuse to go
//! beyond them; [`crate::scenario::evaluate`] evaluates a scenario built
//! beyond them as `bound` would cut it.
//!
//! Each bound is generous for real use and small enough for the page to
//! show its first figures within a second with every list at its bound
//! (`tests/e2e/bounds.test.mjs`). Ground floor: it imports only `digits`.

use std::fmt;

/// Most critical dependencies in the list (real services have a handful to
/// a few dozen).
pub const MAX_DEPENDENCIES: usize = 100;

/// Most members of one group (redundant copies, k of n, all needed): a
/// 100-node cluster, or a group of all-needed members as long as the list.
pub const MAX_MEMBERS: usize = 100;

/// Most levels of dependencies: a dependency of the list is at the first
/// level, a member of its group at the second, a member of a group nested
/// there at the third, and so on (the page nests three).
pub const MAX_NESTING: usize = 8;

/// Most entries of the dependencies in all, components and groups at every
/// level counted: without it, groups of [`MAX_MEMBERS`] nested
/// [`MAX_NESTING`] deep would hold 100⁸.
pub const MAX_DEPENDENCY_ENTRIES: usize = 500;

/// Most rows of a custom alert policy (the catalogues have two to four).
pub const MAX_CUSTOM_ALERTS: usize = 20;

/// Most incidents in the incident log (about three a day for a year).
pub const MAX_INCIDENTS: usize = 1_000;

/// Most levels of the cost model's marginal table (the model spans 0 to 12
/// nines: every tenth of a nine is 121).
pub const MAX_COST_LEVELS: usize = 100;

/// Most points of the cost chart (more than its width in pixels).
pub const MAX_CURVE_SAMPLES: usize = 1_000;

/// A list of a scenario with a bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum List {
    /// The critical dependencies ([`MAX_DEPENDENCIES`]).
    Dependencies,
    /// The members of one group ([`MAX_MEMBERS`]).
    Members,
    /// The levels of groups within groups ([`MAX_NESTING`]).
    Nesting,
    /// Components and groups at every level ([`MAX_DEPENDENCY_ENTRIES`]).
    DependencyEntries,
    /// The outage scope of each dependency, one per dependency
    /// ([`MAX_DEPENDENCIES`]).
    Scopes,
    /// The rows of a custom alert policy ([`MAX_CUSTOM_ALERTS`]).
    CustomAlerts,
    /// The incident log ([`MAX_INCIDENTS`]).
    Incidents,
    /// The cost model's marginal levels ([`MAX_COST_LEVELS`]).
    CostLevels,
    /// The cost chart's points ([`MAX_CURVE_SAMPLES`]).
    CurveSamples,
}

impl List {
    /// Every list, in the order of the scenario.
    pub const ALL: [List; 9] = [
        List::CustomAlerts,
        List::Incidents,
        List::Dependencies,
        List::Members,
        List::Nesting,
        List::DependencyEntries,
        List::Scopes,
        List::CostLevels,
        List::CurveSamples,
    ];

    /// Its bound.
    ///
    /// ```
    /// use nines_core::bounds::{List, MAX_DEPENDENCIES};
    /// assert_eq!(List::Dependencies.max(), MAX_DEPENDENCIES);
    /// ```
    pub fn max(self) -> usize {
        match self {
            List::Dependencies | List::Scopes => MAX_DEPENDENCIES,
            List::Members => MAX_MEMBERS,
            List::Nesting => MAX_NESTING,
            List::DependencyEntries => MAX_DEPENDENCY_ENTRIES,
            List::CustomAlerts => MAX_CUSTOM_ALERTS,
            List::Incidents => MAX_INCIDENTS,
            List::CostLevels => MAX_COST_LEVELS,
            List::CurveSamples => MAX_CURVE_SAMPLES,
        }
    }

    /// Whether `n` of it are within the bound.
    ///
    /// ```
    /// use nines_core::bounds::List;
    /// assert!(List::CustomAlerts.holds(20) && !List::CustomAlerts.holds(21));
    /// ```
    pub fn holds(self, n: usize) -> bool {
        n <= self.max()
    }

    /// How many more fit beside `n` of it: what an editor may still add
    /// (`0`: its add button is off), and what a paste is cut to.
    ///
    /// ```
    /// use nines_core::bounds::List;
    /// assert_eq!(List::CustomAlerts.room(18), 2);
    /// assert_eq!(List::CustomAlerts.room(20), 0);
    /// assert_eq!(List::CustomAlerts.room(25), 0);
    /// ```
    pub fn room(self, n: usize) -> usize {
        self.max().saturating_sub(n)
    }

    /// What it counts, in the plural.
    fn noun(self) -> &'static str {
        match self {
            List::Dependencies => "dependencies",
            List::Members => "members in a group",
            List::Nesting => "levels of groups within groups",
            List::DependencyEntries => "dependencies and group members in all",
            List::Scopes => "outage scopes (one per dependency)",
            List::CustomAlerts => "custom alerts",
            List::Incidents => "incidents in the log",
            List::CostLevels => "cost levels",
            List::CurveSamples => "points on the cost chart",
        }
    }

    /// The bound in words, for a message: `at most 100 dependencies`.
    ///
    /// ```
    /// use nines_core::bounds::List;
    /// assert_eq!(List::Incidents.at_most(), "at most 1,000 incidents in the log");
    /// ```
    pub fn at_most(self) -> String {
        [
            "at most ",
            &crate::digits::group(self.max() as u64),
            " ",
            self.noun(),
        ]
        .concat()
    }

    /// The bound as a hint beside a button it disables: `At most 100
    /// dependencies.`
    ///
    /// ```
    /// use nines_core::bounds::List;
    /// assert_eq!(List::Dependencies.hint(), "At most 100 dependencies.");
    /// ```
    pub fn hint(self) -> String {
        ["At", &self.at_most()[2..], "."].concat()
    }

    /// A front end's refusal of `given` of it, naming where they came from
    /// (an option): `--alert: 21 given; at most 20 custom alerts`.
    ///
    /// ```
    /// use nines_core::bounds::List;
    /// assert_eq!(
    ///     List::Members.refusal("--serial", 101),
    ///     "--serial: 101 given; at most 100 members in a group"
    /// );
    /// ```
    pub fn refusal(self, source: &str, given: usize) -> String {
        [
            source,
            ": ",
            &crate::digits::group(given as u64),
            " given; ",
            &self.at_most(),
        ]
        .concat()
    }
}

/// A list cut to its bound when a scenario was read: which, how many it
/// had, how many are kept. Its `Display` is one line for the link's
/// notices.
///
/// ```
/// use nines_core::bounds::{Cut, List};
/// let cut = Cut { list: List::Dependencies, had: 2_000, kept: 100 };
/// assert_eq!(
///     cut.to_string(),
///     "The link had 2,000 dependencies; the first 100 are kept (the most Nines holds)"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cut {
    /// The list.
    pub list: List,
    /// How many it had: entries, or for [`List::Members`] the largest
    /// group's members, for [`List::Nesting`] the deepest level.
    pub had: usize,
    /// How many are kept: its bound.
    pub kept: usize,
}

impl fmt::Display for Cut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (had, kept) = (
            crate::digits::group(self.had as u64),
            crate::digits::group(self.kept as u64),
        );
        match self.list {
            List::Dependencies => write!(
                f,
                "The link had {had} dependencies; the first {kept} are kept (the most Nines holds)"
            ),
            List::Members => write!(
                f,
                "A group in the link had {had} members; each group keeps its first {kept} \
                 (the most Nines holds)"
            ),
            List::Nesting => write!(
                f,
                "The link's groups were nested {had} levels deep; each group at level {kept} is \
                 kept as one component with the group's availability ({kept} levels are the \
                 most Nines holds)"
            ),
            List::DependencyEntries => write!(
                f,
                "The link's dependencies had {had} entries (components and groups at every \
                 level); the first {kept} are kept (the most Nines holds)"
            ),
            List::Scopes => write!(
                f,
                "The link had {had} outage scopes; the first {kept} are kept (one per \
                 dependency, the most Nines holds)"
            ),
            List::CustomAlerts => write!(
                f,
                "The link had {had} custom alerts; the first {kept} are kept (the most Nines holds)"
            ),
            List::Incidents => write!(
                f,
                "The link's incident log had {had} incidents; the latest {kept} are kept (the \
                 most Nines holds)"
            ),
            List::CostLevels => write!(
                f,
                "The link had {had} cost levels; the first {kept} are kept (the most Nines holds)"
            ),
            List::CurveSamples => write!(
                f,
                "The link asked for {had} points on the cost chart; {kept} are drawn (the most \
                 Nines draws)"
            ),
        }
    }
}

/// Cuts `items` to the first [`List::max`] of `list`, saying so in `cuts`.
///
/// ```
/// use nines_core::bounds::{cut_list, Cut, List};
/// let mut levels = vec![3.0; 150];
/// let mut cuts = Vec::new();
/// cut_list(&mut levels, List::CostLevels, &mut cuts);
/// assert_eq!(levels.len(), 100);
/// assert_eq!(cuts, [Cut { list: List::CostLevels, had: 150, kept: 100 }]);
/// ```
pub fn cut_list<T>(items: &mut Vec<T>, list: List, cuts: &mut Vec<Cut>) {
    if !list.holds(items.len()) {
        cuts.push(Cut {
            list,
            had: items.len(),
            kept: list.max(),
        });
        items.truncate(list.max());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cut_reads_as_one_line_naming_both_numbers() {
        for list in List::ALL {
            let cut = Cut {
                list,
                had: 123_456,
                kept: list.max(),
            };
            let text = cut.to_string();
            assert!(!text.contains('\n') && !text.ends_with('.'), "{text}");
            assert!(text.contains("123,456"), "{text}");
            assert!(
                text.contains(&crate::digits::group(list.max() as u64)),
                "{text}"
            );
            assert!(list.hint().starts_with("At most ") && list.hint().ends_with('.'));
        }
    }
}
