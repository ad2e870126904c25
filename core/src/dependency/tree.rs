//! The dependencies as a tree: a named [`Component`] with its
//! unavailability, and groups of them ([`Composition`]: all needed, any
//! one enough, k of n) with their names, sizes and composed
//! unavailability.

use super::{k_of_n_unavailability, parallel_unavailability, serial_unavailability};
use crate::bounds::{List, MAX_NESTING};
use crate::target::{OpsError, check_fraction};
use serde::{Deserialize, Serialize};

/// The deepest place a composition's figures are computed at, counting the
/// dependency itself as 0: [`MAX_NESTING`] levels (guards the recursion;
/// a scenario read from a link is cut to it already).
pub(super) const DEEPEST: usize = MAX_NESTING - 1;

/// [`OpsError::InvalidComposition`]'s reasons for a tree beyond the bounds
/// (the numbers are [`MAX_NESTING`] and
/// [`MAX_MEMBERS`](crate::bounds::MAX_MEMBERS); a test checks).
const TOO_DEEP: &str = "nested deeper than 8 levels";
const TOO_WIDE: &str = "a group holds more than 100 members";

/// A named component with its unavailability.
///
/// Build it from an availability with [`Component::from_availability`] when
/// that is what you have; the unavailability is stored because it is exact
/// when parsed from a decimal target (see the module notes).
///
/// ```
/// use nines_core::dependency::Component;
/// let db = Component::new("orders database", 0.0001);
/// assert_eq!(db.availability(), 0.9999);
/// ```
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct Component {
    /// What it is.
    pub name: String,
    /// Its unavailability, a fraction in `0..=1` (`0.0001` for 99.99%).
    pub unavailability: f64,
}

impl Component {
    /// A component from its unavailability.
    ///
    /// ```
    /// use nines_core::dependency::Component;
    /// assert_eq!(Component::new("cache", 0.001).unavailability, 0.001);
    /// ```
    pub fn new(name: impl Into<String>, unavailability: f64) -> Self {
        Component {
            name: name.into(),
            unavailability,
        }
    }

    /// A component from its availability (`1 − A` is rounded once).
    ///
    /// ```
    /// use nines_core::dependency::Component;
    /// let c = Component::from_availability("cdn", 0.999);
    /// assert!((c.unavailability - 0.001).abs() < 1e-15);
    /// ```
    pub fn from_availability(name: impl Into<String>, availability: f64) -> Self {
        Component {
            name: name.into(),
            unavailability: 1.0 - availability,
        }
    }

    /// Its availability, `1 − U`.
    ///
    /// ```
    /// use nines_core::dependency::Component;
    /// assert_eq!(Component::new("x", 0.5).availability(), 0.5);
    /// ```
    pub fn availability(&self) -> f64 {
        1.0 - self.unavailability
    }
}

/// How components combine, as a tree.
///
/// * `Serial`: all are needed (critical dependencies). Empty: availability 1.
/// * `Parallel`: any one suffices (independent redundant copies). Empty:
///   availability 0 (nothing can serve).
/// * `KOfN`: at least `k` of the members are needed, `1 ≤ k ≤ n`; any
///   other `k` (none needed, or more than there are) is refused as an
///   error, never read as 100% or 0%.
///
/// ```
/// use nines_core::dependency::{Component, Composition};
/// let payments = Composition::Parallel(vec![
///     Composition::Component(Component::new("provider A", 0.001)),
///     Composition::Component(Component::new("provider B", 0.001)),
/// ]);
/// assert!((payments.unavailability().unwrap() - 1e-6).abs() < 1e-21);
/// ```
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub enum Composition {
    /// One component.
    Component(Component),
    /// All members needed.
    Serial(Vec<Composition>),
    /// Any one member suffices.
    Parallel(Vec<Composition>),
    /// At least `k` members needed.
    KOfN {
        /// Members needed.
        k: usize,
        /// The members.
        of: Vec<Composition>,
    },
}

impl Default for Composition {
    fn default() -> Self {
        Composition::Serial(Vec::new())
    }
}

impl Composition {
    /// A leaf.
    ///
    /// ```
    /// use nines_core::dependency::Composition;
    /// assert_eq!(Composition::component("db", 0.001).unavailability(), Ok(0.001));
    /// ```
    pub fn component(name: impl Into<String>, unavailability: f64) -> Self {
        Composition::Component(Component::new(name, unavailability))
    }

    /// Its members; `None` for a component.
    pub(super) fn members(&self) -> Option<&[Composition]> {
        match self {
            Composition::Parallel(of) | Composition::KOfN { of, .. } | Composition::Serial(of) => {
                Some(of)
            }
            Composition::Component(_) => None,
        }
    }

    /// Its entries: 1 for a component, 1 and its members' for a group
    /// (what
    /// [`MAX_DEPENDENCY_ENTRIES`](crate::bounds::MAX_DEPENDENCY_ENTRIES)
    /// counts).
    ///
    /// ```
    /// use nines_core::dependency::Composition;
    /// let g = Composition::KOfN { k: 2, of: vec![Composition::component("a", 0.1); 3] };
    /// assert_eq!(g.entries(), 4);
    /// ```
    pub fn entries(&self) -> usize {
        1 + self
            .members()
            .map_or(0, |of| of.iter().map(Composition::entries).sum())
    }

    /// Its levels: 1 for a component (or an empty group), 1 more than its
    /// deepest member for a group (what [`MAX_NESTING`] bounds).
    ///
    /// ```
    /// use nines_core::dependency::Composition;
    /// let pair = Composition::Parallel(vec![Composition::component("a", 0.1); 2]);
    /// assert_eq!(pair.levels(), 2);
    /// assert_eq!(Composition::Serial(vec![pair]).levels(), 3);
    /// ```
    pub fn levels(&self) -> usize {
        1 + self.members().map_or(0, |of| {
            of.iter().map(Composition::levels).max().unwrap_or(0)
        })
    }

    /// A display name: the component's name, or a description of the group.
    ///
    /// ```
    /// use nines_core::dependency::Composition;
    /// let g = Composition::KOfN { k: 2, of: vec![Composition::component("a", 0.1); 3] };
    /// assert_eq!(g.name(), "2 of 3 (a, a, a)");
    /// ```
    pub fn name(&self) -> String {
        match self {
            Composition::Component(c) => c.name.clone(),
            group => {
                let mut s = String::with_capacity(128);
                group.push_name(&mut s);
                s
            }
        }
    }

    /// [`Composition::name`], appended to `out`.
    fn push_name(&self, out: &mut String) {
        let list = |out: &mut String, v: &[Composition]| {
            out.push('(');
            for (i, member) in v.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                member.push_name(out);
            }
            out.push(')');
        };
        match self {
            Composition::Component(c) => out.push_str(&c.name),
            Composition::Serial(v) => {
                out.push_str("all of ");
                list(out, v);
            }
            Composition::Parallel(v) => {
                out.push_str("any of ");
                list(out, v);
            }
            Composition::KOfN { k, of } => {
                crate::digits::push_u64(out, *k as u64);
                out.push_str(" of ");
                crate::digits::push_u64(out, of.len() as u64);
                out.push(' ');
                list(out, of);
            }
        }
    }

    /// The unavailability of the composition, assuming independent failures.
    ///
    /// Errors for a component whose unavailability is not a fraction, a tree
    /// deeper than [`MAX_NESTING`] levels, a group larger than
    /// [`MAX_MEMBERS`](crate::bounds::MAX_MEMBERS), or a k-of-n group whose
    /// `k` is not between 1 and its number of members.
    ///
    /// ```
    /// use nines_core::dependency::Composition;
    /// let c = Composition::Serial(vec![
    ///     Composition::component("a", 1e-5),
    ///     Composition::component("b", 1e-5),
    /// ]);
    /// // 1 − (1 − 1e-5)² = 2e-5 − 1e-10
    /// assert!((c.unavailability().unwrap() - 1.99999e-5).abs() < 1e-19);
    /// // 4 of 3 cannot be: refused, not 0%.
    /// let k = Composition::KOfN { k: 4, of: vec![Composition::component("a", 0.01); 3] };
    /// assert_eq!(
    ///     k.unavailability().unwrap_err().to_string(),
    ///     "K (the members needed) must be between 1 and 3"
    /// );
    /// ```
    pub fn unavailability(&self) -> Result<f64, OpsError> {
        self.unavailability_at(0)
    }

    /// The availability, `1 − U`.
    ///
    /// ```
    /// use nines_core::dependency::Composition;
    /// assert_eq!(Composition::Serial(vec![]).availability(), Ok(1.0));
    /// ```
    pub fn availability(&self) -> Result<f64, OpsError> {
        self.unavailability().map(|u| 1.0 - u)
    }

    pub(super) fn unavailability_at(&self, depth: usize) -> Result<f64, OpsError> {
        if depth > DEEPEST {
            return Err(OpsError::InvalidComposition { reason: TOO_DEEP });
        }
        let members = |v: &[Composition]| -> Result<Vec<f64>, OpsError> {
            if !List::Members.holds(v.len()) {
                return Err(OpsError::InvalidComposition { reason: TOO_WIDE });
            }
            v.iter().map(|c| c.unavailability_at(depth + 1)).collect()
        };
        match self {
            Composition::Component(c) => check_fraction("unavailability", c.unavailability),
            Composition::Serial(v) => Ok(serial_unavailability(&members(v)?)),
            Composition::Parallel(v) => Ok(parallel_unavailability(&members(v)?)),
            Composition::KOfN { of, .. } if of.is_empty() => Err(OpsError::InvalidComposition {
                reason: "a k-of-n group has no members",
            }),
            Composition::KOfN { k, of } => {
                check_k(*k, of.len())?;
                Ok(k_of_n_unavailability(*k, &members(of)?))
            }
        }
    }
}

/// `k` for a group of `n`, checked: `1 ≤ k ≤ n`.
pub(super) fn check_k(k: usize, n: usize) -> Result<usize, OpsError> {
    if k == 0 || k > n {
        Err(OpsError::OutOfRange {
            field: "K (the members needed)",
            min: 1.0,
            max: n as f64,
        })
    } else {
        Ok(k)
    }
}

/// The members of a group; `None` for a component.
pub(super) fn members_mut(c: &mut Composition) -> Option<&mut Vec<Composition>> {
    match c {
        Composition::Parallel(of) | Composition::KOfN { of, .. } | Composition::Serial(of) => {
            Some(of)
        }
        Composition::Component(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::chain;
    use super::super::*;
    use super::*;
    use crate::bounds::MAX_MEMBERS;
    use crate::target::TargetContext;

    #[test]
    fn the_guards_name_the_bounds() {
        assert_eq!(TOO_DEEP, format!("nested deeper than {MAX_NESTING} levels"));
        assert_eq!(
            TOO_WIDE,
            format!("a group holds more than {MAX_MEMBERS} members")
        );
        // Eight levels are computed; nine are refused, as the bound cuts them.
        assert!(chain(8).unavailability().is_ok());
        assert_eq!(
            chain(9).unavailability().unwrap_err().to_string(),
            format!("invalid composition: {TOO_DEEP}")
        );
        let wide = Composition::Parallel(vec![Composition::component("c", 0.5); 101]);
        assert!(wide.unavailability().is_err());
    }

    #[test]
    fn bad_components_are_errors_not_panics() {
        assert!(
            Composition::component("x", f64::NAN)
                .unavailability()
                .is_err()
        );
        assert!(Composition::component("x", 1.5).unavailability().is_err());
        let mut deep = Composition::component("leaf", 0.1);
        for _ in 0..100 {
            deep = Composition::Serial(vec![deep]);
        }
        assert!(deep.unavailability().is_err());
        let r = evaluate(
            &DependencyInputs {
                dependencies: vec![deep],
                outages_per_year: f64::NAN,
                outage_scope: -1.0,
                scopes: Vec::new(),
            },
            &TargetContext::default(),
        );
        assert_eq!(r.notes.len(), 3);
        assert_eq!(r.dependencies_unavailability, 0.0);
    }

    #[test]
    fn k_of_n_needs_k_between_one_and_n() {
        // 4 of 3 can never be met, 0 of 3 needs nothing: both are mistakes,
        // refused and named rather than answered 0% or 100%.
        for k in [0, 4] {
            let inputs = DependencyInputs {
                dependencies: vec![Composition::KOfN {
                    k,
                    of: vec![Composition::component("99", 0.01); 3],
                }],
                ..DependencyInputs::default()
            };
            let r = evaluate(&inputs, &TargetContext::default());
            assert!(r.extra_nine.is_empty());
            assert_eq!(
                r.notes,
                [format!(
                    "Dependency \"{k} of 3 (99, 99, 99)\" is left out: K (the members needed) must be between 1 and 3."
                )]
            );
        }
        let empty = Composition::KOfN { k: 1, of: vec![] };
        assert!(empty.unavailability().is_err());
    }
}
