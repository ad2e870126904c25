//! Dependencies: composing availability, the rule of the extra nine, and the
//! budget a service has left after its critical dependencies.
//!
//! Source: Ben Treynor, Mike Dahlin, Vivek Rau, Betsy Beyer, "The Calculus
//! of Service Availability: You're only as available as the sum of your
//! dependencies", ACM Queue 15(2), 2017
//! (<https://queue.acm.org/detail.cfm?id=3096459>). The article's method:
//!
//! 1. a service cannot be more available than the intersection of its
//!    critical dependencies, whose unavailability is spent out of the
//!    service's budget;
//! 2. *the rule of the extra 9*: each critical dependency should offer one
//!    more nine than the service promises;
//! 3. what is left of the budget, divided by the expected number of outages,
//!    bounds the time to detect and recover per outage.
//!
//! Numerics. Unavailability `U` is the primary quantity, because the nines
//! live in its leading digits: `1.0 - 0.99999` in `f64` is
//! `1.0000000000065512e-5`, not `1e-5`. So a [`Component`] holds its
//! unavailability, and
//! * parallel (redundant, independent) groups multiply unavailabilities,
//!   `U = Π u_i` (no `1 − Π(1 − …)` cancellation);
//! * serial groups compute `U = 1 − Π(1 − u_i)` as
//!   `−expm1(Σ ln_1p(−u_i))`, exact to the last digit at many nines;
//! * k-of-n groups sum the probabilities of the failing cases only, by the
//!   binomial sum for identical components or by dynamic programming over
//!   the Poisson-binomial distribution for distinct ones: all terms positive,
//!   nothing cancels.
//!
//! **Independence is an assumption, and usually a generous one.** Redundant
//! copies share deployments, configuration, regions, load and operators;
//! correlated failures make real redundancy far worse than these formulas
//! (see [`CORRELATION_WARNING`]).

use crate::bounds::{Cut, List, MAX_DEPENDENCY_ENTRIES, MAX_MEMBERS, MAX_NESTING, cut_list};
use crate::display::{availability, count, format_fraction_percent, limit_duration};
use crate::duration::format_duration;
use crate::quantity::Availability;
use crate::target::{
    DAY_SECONDS, Limit, OpsError, TargetContext, check_fraction, check_non_negative, checked_ratio,
    clamp_fraction, clamp_non_negative, nines_of,
};
use serde::{Deserialize, Serialize};

/// Shown with every composed figure: the formulas assume independent
/// failures.
pub const CORRELATION_WARNING: &str = "These figures assume components fail independently. \
Real redundant copies share code, deployments, configuration, regions, load and people, so \
their failures are correlated, and correlated failures make real redundancy far worse than \
the independence formula: treat parallel and k-of-n figures as an upper bound.";

/// The deepest place a composition's figures are computed at, counting the
/// dependency itself as 0: [`MAX_NESTING`] levels (guards the recursion;
/// a scenario read from a link is cut to it already).
const DEEPEST: usize = MAX_NESTING - 1;

/// [`OpsError::InvalidComposition`]'s reasons for a tree beyond the bounds
/// (the numbers are [`MAX_NESTING`] and [`MAX_MEMBERS`]; a test checks).
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
    fn members(&self) -> Option<&[Composition]> {
        match self {
            Composition::Parallel(of) | Composition::KOfN { of, .. } | Composition::Serial(of) => {
                Some(of)
            }
            Composition::Component(_) => None,
        }
    }

    /// Its entries: 1 for a component, 1 and its members' for a group
    /// (what [`MAX_DEPENDENCY_ENTRIES`] counts).
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
    /// [`MAX_MEMBERS`], or a k-of-n group whose `k` is not between 1 and its
    /// number of members.
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

    fn unavailability_at(&self, depth: usize) -> Result<f64, OpsError> {
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

/// Unavailability of components in series (all needed):
/// `1 − Π(1 − u_i)`, computed as `−expm1(Σ ln_1p(−u_i))` to keep many nines
/// exact. Empty: 0. Inputs must be fractions in `0..=1` (others are clamped
/// into it; NaN counts as 1, fully unavailable).
///
/// ```
/// use nines_core::dependency::serial_unavailability;
/// // Two 99.9% components: 1 − 0.999² = 0.001999.
/// assert!((serial_unavailability(&[0.001, 0.001]) - 0.001999).abs() < 1e-18);
/// assert_eq!(serial_unavailability(&[]), 0.0);
/// assert_eq!(serial_unavailability(&[0.2, 1.0]), 1.0);
/// ```
pub fn serial_unavailability(unavailabilities: &[f64]) -> f64 {
    let log_up: f64 = unavailabilities
        .iter()
        .map(|&u| (-fraction_or_one(u)).ln_1p())
        .sum();
    (-log_up.exp_m1()).clamp(0.0, 1.0)
}

/// Unavailability of independent redundant copies (any one suffices):
/// `Π u_i`. Empty: 1 (nothing can serve). NaN counts as 1.
///
/// ```
/// use nines_core::dependency::parallel_unavailability;
/// // Two 99.9% copies: 0.001² = 1e-6, i.e. 99.9999%.
/// assert!((parallel_unavailability(&[0.001, 0.001]) - 1e-6).abs() < 1e-21);
/// assert_eq!(parallel_unavailability(&[]), 1.0);
/// ```
pub fn parallel_unavailability(unavailabilities: &[f64]) -> f64 {
    unavailabilities
        .iter()
        .map(|&u| fraction_or_one(u))
        .product::<f64>()
        .clamp(0.0, 1.0)
}

/// Unavailability of a k-of-n group of distinct independent components:
/// the probability that fewer than `k` work, i.e. that more than `n − k`
/// fail, by dynamic programming over the Poisson-binomial distribution of
/// the number of failures (O(n²), all terms positive).
///
/// `k = 0`: 0. `k > n`: 1. `k = 1` is the parallel formula, `k = n` the
/// serial one.
///
/// ```
/// use nines_core::dependency::k_of_n_unavailability;
/// // 2 of 3 at u = 0.1: P(≥ 2 fail) = 3 × 0.01 × 0.9 + 0.001 = 0.028.
/// assert!((k_of_n_unavailability(2, &[0.1, 0.1, 0.1]) - 0.028).abs() < 1e-15);
/// assert_eq!(k_of_n_unavailability(0, &[0.5]), 0.0);
/// assert_eq!(k_of_n_unavailability(2, &[0.5]), 1.0);
/// ```
pub fn k_of_n_unavailability(k: usize, unavailabilities: &[f64]) -> f64 {
    let n = unavailabilities.len();
    if k == 0 {
        return 0.0;
    }
    if k > n {
        return 1.0;
    }
    // The group fails when at least `n − k + 1` members fail.
    let threshold = n - k + 1;
    // fail[j] = P(exactly j failures so far), for j < threshold; `beyond`
    // accumulates P(at least `threshold` failures), which is the answer.
    let mut fail = vec![0.0_f64; threshold];
    fail[0] = 1.0;
    let mut beyond = 0.0_f64;
    for &u in unavailabilities {
        let u = fraction_or_one(u);
        let a = 1.0 - u;
        beyond += fail[threshold - 1] * u;
        for j in (1..threshold).rev() {
            fail[j] = fail[j] * a + fail[j - 1] * u;
        }
        fail[0] *= a;
    }
    beyond.clamp(0.0, 1.0)
}

/// Unavailability of a k-of-n group of `n` identical independent components
/// of unavailability `u`, by the binomial sum
/// `Σ_{f = n−k+1..=n} C(n, f) u^f (1 − u)^(n − f)`, evaluated term by term
/// in logarithms (no overflow of `C(n, f)`).
///
/// ```
/// use nines_core::dependency::k_of_n_identical_unavailability;
/// // 2 of 3 at 99%: 3 × 1e-4 × 0.99 + 1e-6 = 2.98e-4.
/// let u = k_of_n_identical_unavailability(2, 3, 0.01);
/// assert!((u - 2.98e-4).abs() < 1e-18);
/// ```
pub fn k_of_n_identical_unavailability(k: usize, n: usize, u: f64) -> f64 {
    if k == 0 {
        return 0.0;
    }
    if k > n {
        return 1.0;
    }
    let u = fraction_or_one(u);
    if u == 0.0 {
        return 0.0;
    }
    if u == 1.0 {
        return 1.0;
    }
    let first = n - k + 1;
    let (ln_u, ln_a) = (u.ln(), (-u).ln_1p());
    // ln C(n, first)
    let mut ln_c: f64 = (0..first)
        .map(|i| ((n - i) as f64).ln() - ((i + 1) as f64).ln())
        .sum();
    let mut total = 0.0;
    for f in first..=n {
        total += (ln_c + f as f64 * ln_u + (n - f) as f64 * ln_a).exp();
        if f < n {
            ln_c += ((n - f) as f64).ln() - ((f + 1) as f64).ln();
        }
    }
    total.clamp(0.0, 1.0)
}

fn fraction_or_one(u: f64) -> f64 {
    if u.is_nan() { 1.0 } else { u.clamp(0.0, 1.0) }
}

/// Whether a dependency obeys the rule of the extra nine: its
/// unavailability is at most a tenth of the service's (one more nine).
/// A relative tolerance of 1e-9 absorbs rounding (`0.0001 / 10` is not
/// exactly `1e-5` in `f64`).
///
/// Source: "The Calculus of Service Availability", ACM Queue 2017, "Rule of
/// the extra 9".
///
/// ```
/// use nines_core::dependency::meets_extra_nine;
/// assert!(meets_extra_nine(1e-5, 1e-4));  // 99.999% under a 99.99% service
/// assert!(!meets_extra_nine(1e-4, 1e-4)); // same nines: violates
/// ```
pub fn meets_extra_nine(dependency_unavailability: f64, service_unavailability: f64) -> bool {
    dependency_unavailability <= service_unavailability / 10.0 * (1.0 + 1e-9)
}

/// The unavailability left to the service's own failures after its critical
/// dependencies: `U_service − U_dependencies` (the article's subtraction).
/// Negative means the dependencies alone break the target.
///
/// The exact share, from `1 − U_s = (1 − U_d)(1 − U_own)`, is
/// `(U_s − U_d) / (1 − U_d)`: see [`own_unavailability_exact`]. The two
/// differ by a factor `1 − U_d`, negligible at any useful target.
///
/// ```
/// use nines_core::dependency::own_unavailability_budget;
/// assert!((own_unavailability_budget(1e-4, 5e-5) - 5e-5).abs() < 1e-20);
/// assert!(own_unavailability_budget(1e-4, 2e-4) < 0.0);
/// ```
pub fn own_unavailability_budget(
    service_unavailability: f64,
    dependencies_unavailability: f64,
) -> f64 {
    service_unavailability - dependencies_unavailability
}

/// The exact own share `(U_s − U_d) / (1 − U_d)`; `None` when the
/// dependencies are fully unavailable (`U_d = 1`).
///
/// ```
/// use nines_core::dependency::own_unavailability_exact;
/// let exact = own_unavailability_exact(0.5, 0.25).unwrap();
/// assert!((exact - 1.0 / 3.0).abs() < 1e-15); // 0.5 = 1 − 0.75 × (1 − 1/3)
/// assert_eq!(own_unavailability_exact(0.5, 1.0), None);
/// ```
pub fn own_unavailability_exact(
    service_unavailability: f64,
    dependencies_unavailability: f64,
) -> Option<f64> {
    let up = 1.0 - dependencies_unavailability;
    (up > 0.0).then(|| (service_unavailability - dependencies_unavailability) / up)
}

/// The longest time to detect and recover per outage that the service's own
/// budget allows: `own U × period / (outages per period × scope)`.
/// `AtMost(0)` when the own budget is zero or negative; unlimited when no
/// outages are expected.
///
/// Source: "The Calculus of Service Availability", ACM Queue 2017,
/// "Practical Application".
///
/// ```
/// use nines_core::dependency::detect_and_recover_allowed_seconds;
/// use nines_core::target::Limit;
/// // Own budget 0.005% of a 365-day year = 1576.8 s; 4 full outages a year:
/// // 394.2 s (6.57 min) each.
/// let t = detect_and_recover_allowed_seconds(5e-5, 31_536_000.0, 4.0, 1.0).unwrap();
/// assert!((t.value().unwrap() - 394.2).abs() < 1e-9);
/// ```
pub fn detect_and_recover_allowed_seconds(
    own_unavailability: f64,
    period_seconds: f64,
    outages_per_period: f64,
    scope: f64,
) -> Result<Limit, OpsError> {
    if !own_unavailability.is_finite() {
        return Err(OpsError::NotFinite {
            field: "own_unavailability",
        });
    }
    let p = check_non_negative("period_seconds", period_seconds)?;
    let n = check_non_negative("outages_per_period", outages_per_period)?;
    let s = check_fraction("scope", scope)?;
    let budget = (own_unavailability.max(0.0) * p).min(f64::MAX);
    Ok(Limit::ratio(budget, n * s))
}

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
    /// (see [`evaluate`]). Missing entries (and the whole list, by default)
    /// are 1, every user; the edit methods keep it in step with
    /// `dependencies` and drop trailing ones, so a link only carries it
    /// when some scope is not 100%.
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

/// `k` for a group of `n`, checked: `1 ≤ k ≤ n`.
fn check_k(k: usize, n: usize) -> Result<usize, OpsError> {
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

/// The members of a group; `None` for a component.
fn members_mut(c: &mut Composition) -> Option<&mut Vec<Composition>> {
    match c {
        Composition::Parallel(of) | Composition::KOfN { of, .. } | Composition::Serial(of) => {
            Some(of)
        }
        Composition::Component(_) => None,
    }
}

/// One critical dependency checked against the rule of the extra nine.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct ExtraNineCheck {
    /// The dependency's name (a group is described).
    pub name: String,
    /// Its unavailability as the service's users see it: its composed
    /// unavailability × its outage scope (the share of users its outages
    /// reach). The budget shares and the rule of the extra nine use this.
    pub unavailability: f64,
    /// Its availability as the service's users see it, `1 − unavailability`.
    pub availability: f64,
    /// Its composed unavailability, before its scope.
    pub own_unavailability: f64,
    /// Its outage scope, `0..=1` (1: an outage of it reaches every user).
    pub scope: f64,
    /// Its nines, `None` for a perfect dependency.
    pub nines: Option<f64>,
    /// The most unavailability the rule allows: a tenth of the service's.
    pub required_unavailability: f64,
    /// The nines the rule asks for (service nines + 1), `None` for a 100%
    /// service.
    pub required_nines: Option<f64>,
    /// Whether it obeys the rule.
    pub meets_rule: bool,
}

/// Every dependency figure the UI shows.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct DependencyReport {
    /// Unavailability of all critical dependencies together (serial).
    pub dependencies_unavailability: f64,
    /// Their availability.
    pub dependencies_availability: f64,
    /// Their nines, `None` when perfect (or none).
    pub dependencies_nines: Option<f64>,
    /// The service's own share, `U_service − U_dependencies` (negative when
    /// the dependencies alone break the target).
    pub own_unavailability: f64,
    /// The exact own share `(U_s − U_d) / (1 − U_d)`.
    pub own_unavailability_exact: Option<f64>,
    /// Fraction of the service's budget the dependencies consume; `None` for
    /// a 100% target.
    pub dependencies_budget_share: Option<f64>,
    /// The own share per SLO window, seconds (negative when overspent).
    pub own_budget_per_window_seconds: f64,
    /// The own share per year, seconds (negative when overspent).
    pub own_budget_per_year_seconds: f64,
    /// True when the dependencies alone use up more than the whole budget.
    pub dependencies_break_target: bool,
    /// Longest detect + recover per own outage (the article's method).
    pub max_detect_and_recover_seconds: Limit,
    /// Each critical dependency against the rule of the extra nine: each
    /// item of the list, and each member of a serial group (all of them
    /// are needed, so each is a critical dependency of its own).
    pub extra_nine: Vec<ExtraNineCheck>,
    /// Names of the dependencies that break the rule.
    pub extra_nine_violations: Vec<String>,
    /// Whether every critical dependency obeys the rule (true when there
    /// are none).
    pub meets_extra_nine: bool,
    /// The highest round target the dependencies leave room for
    /// ([`Availability::round_target_covering`] of their unavailability):
    /// no service can promise more than what it needs is available.
    pub most_promisable: Option<Availability>,
    /// Redundant groups that are *less* available than one of their copies
    /// (a "2 of 2 needed" group left after removing a copy), in words.
    pub group_warnings: Vec<String>,
    /// A plain-words summary.
    pub summary: String,
    /// Always shown: independence is assumed ([`CORRELATION_WARNING`]).
    pub correlation_warning: String,
    /// Inputs that were repaired or ignored, in words.
    pub notes: Vec<String>,
    /// The figures above as people read them, formatted here once.
    pub display: DependencyDisplay,
}

/// The dependency figures for people (the page, the CLI and the exports
/// show these as they are).
#[derive(Serialize, Clone, Debug, PartialEq, Default)]
pub struct DependencyDisplay {
    /// The dependencies together: `99.8001%`, `≈99.995%`.
    pub dependencies_availability: String,
    /// The same to the digits that tell it from the target
    /// ([`crate::display::availability_near`]), as the page shows it.
    pub dependencies_availability_short: String,
    /// Their nines: `2.7 nines`.
    pub dependencies_nines: String,
    /// The service's own share per SLO window (negative when overspent).
    pub own_budget_per_window: String,
    /// Longest detect + recover per own outage: `4m 23s`, `no limit`.
    pub max_detect_and_recover: String,
    /// The rule of the extra nine, what it asks and who misses it.
    pub extra_nine: String,
    /// `99.98%`, or `—` without dependencies.
    pub most_promisable: String,
    /// The service's own outages the bound assumes: `6 a year`.
    pub own_outages: String,
    /// What the dependencies allow the service to promise, in a sentence.
    pub most_promisable_sentence: String,
}

/// The groups of `deps` (at any depth) that are less available than their
/// most available member: needing `k` of `n` copies is then worse than
/// having one. A serial group is not a set of copies and is not checked.
fn group_warnings(deps: &[Composition], out: &mut Vec<String>) {
    for d in deps {
        let (k, of) = match d {
            Composition::Parallel(of) => (1, of),
            Composition::KOfN { k, of } => (*k, of),
            Composition::Serial(of) => {
                group_warnings(of, out);
                continue;
            }
            Composition::Component(_) => continue,
        };
        group_warnings(of, out);
        let best = of
            .iter()
            .filter_map(|m| m.unavailability().ok())
            .fold(f64::INFINITY, f64::min);
        if let Ok(u) = d.unavailability() {
            if best.is_finite() && u > best * (1.0 + 1e-12) {
                let (group, one) = (availability(u), availability(best));
                out.push(format!(
                    "\"{}\" needs {k} of its {} copies, which makes it less available than one copy ({group} against {one}): the more copies must all work, the more often one failure takes the group down. Need fewer at once, or add a copy.",
                    d.name(),
                    of.len(),
                ));
            }
        }
    }
}

/// Two fractions in percent for a sentence that compares them: six
/// decimals once floating-point noise is removed, trailing zeros trimmed
/// (`0.1999%` against `0.1%`, never `0.199900%` against `0.100000%`);
/// twelve when six would show two different figures as one. Below 10^-6 %
/// two significant digits (`0.0000000001%` for twelve nines), never `0%`.
fn percents(a: f64, b: f64) -> (String, String) {
    let (a, b) = (crate::digits::tidy(a), crate::digits::tidy(b));
    let write = |x: f64, decimals: u32| {
        let p = x * 100.0;
        if p != 0.0 && p.abs() < 1e-6 {
            return format_fraction_percent(x);
        }
        let mut s = String::with_capacity(24);
        crate::digits::push_fixed(&mut s, p, decimals);
        crate::digits::trim_decimal_in_place(&mut s, 0);
        s.push('%');
        s
    };
    let d = if a != b && write(a, 6) == write(b, 6) {
        12
    } else {
        6
    };
    (write(a, d), write(b, d))
}

/// The summary's clause on the service's own outages.
fn own_outages(max_dr: Limit, outages: f64, scope: f64) -> String {
    match max_dr {
        Limit::Unlimited => "with no own outages expected, there is no limit on each".to_string(),
        Limit::AtMost(s) => format!(
            "at {} own outages a year{}, each must be detected and recovered within {}",
            count(outages, 2),
            if scope < 1.0 {
                format!(" reaching {} of users", format_fraction_percent(scope))
            } else {
                String::new()
            },
            format_duration(s)
        ),
    }
}

/// The rule of the extra nine in words: what it asks of each critical
/// dependency (a tenth of the service's unavailability), and who misses it.
fn extra_nine_sentence(checks: &[ExtraNineCheck], service_unavailability: f64) -> String {
    let required = service_unavailability / 10.0;
    let missed: Vec<String> = checks
        .iter()
        .filter(|c| !c.meets_rule)
        .map(|c| {
            if c.scope < 1.0 {
                format!(
                    "{} ({} over its {} of users)",
                    c.name,
                    availability(c.unavailability),
                    format_fraction_percent(c.scope)
                )
            } else {
                format!("{} ({})", c.name, availability(c.unavailability))
            }
        })
        .collect();
    let verdict = match (checks.len(), missed.len()) {
        (0, _) => {
            return "Rule of the extra nine: there are no critical dependencies to check.".into();
        }
        (1, 0) => "met".to_string(),
        (n, 0) => format!("met by all {n}"),
        (1, _) => format!("not met by {}", missed.join("")),
        (n, m) => format!("not met by {m} of {n}: {}", missed.join(", ")),
    };
    format!(
        "Rule of the extra nine: each critical dependency should offer {} or more, one nine more than the service; {verdict}.",
        availability(required)
    )
}

/// The critical dependencies in `d`: `d` itself, or each member of a serial
/// group (all are needed, so each is critical on its own; the article's
/// rule is per critical dependency, not on their product), each with its
/// depth in the tree (the depth guard counts from the list).
fn push_critical<'a>(d: &'a Composition, depth: usize, out: &mut Vec<(&'a Composition, usize)>) {
    match d {
        Composition::Serial(of) if depth < DEEPEST && List::Members.holds(of.len()) => {
            for member in of {
                push_critical(member, depth + 1, out);
            }
        }
        _ => out.push((d, depth)),
    }
}

/// Evaluates the critical dependencies against a target.
///
/// A dependency that cannot be evaluated (a component's unavailability not a
/// fraction, a tree too deep or too wide) is left out and named in `notes`.
///
/// ```
/// use nines_core::dependency::{evaluate, DependencyInputs};
/// use nines_core::target::TargetContext;
/// let r = evaluate(&DependencyInputs::default(), &TargetContext::default());
/// assert_eq!(r.extra_nine_violations, vec!["orders database".to_string()]);
/// assert!(!r.dependencies_break_target);
/// ```
pub fn evaluate(inputs: &DependencyInputs, ctx: &TargetContext) -> DependencyReport {
    let mut notes = Vec::new();
    let ctx = ctx.sanitised(&mut notes);
    let outages = clamp_non_negative("Outages per year", inputs.outages_per_year, &mut notes);
    let scope = clamp_fraction("Outage scope", inputs.outage_scope, &mut notes);
    let us = ctx.unavailability;
    let checks = extra_nine_checks(inputs, us, &mut notes);
    let dep_us: Vec<f64> = checks.iter().map(|c| c.unavailability).collect();
    let ud = serial_unavailability(&dep_us);
    let own = own_unavailability_budget(us, ud);
    let max_dr = Limit::ratio(own.max(0.0) * ctx.year_seconds, outages * scope);
    let violations: Vec<String> = checks
        .iter()
        .filter(|c| !c.meets_rule)
        .map(|c| c.name.clone())
        .collect();
    let summary = summary(inputs, ud, us, &ctx, own_outages(max_dr, outages, scope));
    let promise = Availability::round_target_covering(ud);
    let mut warnings = Vec::new();
    group_warnings(&inputs.dependencies, &mut warnings);
    let display = DependencyDisplay {
        most_promisable: promise.as_ref().map_or_else(
            || crate::display::ABSENT.into(),
            Availability::format_percent,
        ),
        own_outages: format!(
            "{} a year, each reaching {} of users",
            count(outages, 2),
            format_fraction_percent(scope)
        ),
        most_promisable_sentence: promise_sentence(promise.as_ref(), ud, us, dep_us.is_empty()),
        dependencies_availability: availability(ud),
        dependencies_availability_short: crate::display::availability_near(ud, us),
        dependencies_nines: Availability::from_unavailability(crate::digits::tidy(ud))
            .map_or_else(|_| crate::display::ABSENT.into(), |a| a.format_nines()),
        own_budget_per_window: format_duration(own * ctx.window_seconds),
        max_detect_and_recover: limit_duration(max_dr),
        extra_nine: extra_nine_sentence(&checks, us),
    };
    DependencyReport {
        dependencies_unavailability: ud,
        dependencies_availability: 1.0 - ud,
        dependencies_nines: nines_of(ud),
        own_unavailability: own,
        own_unavailability_exact: own_unavailability_exact(us, ud),
        dependencies_budget_share: checked_ratio(ud, us),
        own_budget_per_window_seconds: own * ctx.window_seconds,
        own_budget_per_year_seconds: own * ctx.year_seconds,
        dependencies_break_target: own < 0.0,
        max_detect_and_recover_seconds: max_dr,
        meets_extra_nine: violations.is_empty(),
        most_promisable: promise,
        group_warnings: warnings,
        extra_nine: checks,
        extra_nine_violations: violations,
        summary,
        correlation_warning: CORRELATION_WARNING.to_string(),
        notes,
        display,
    }
}

/// The evaluation's first step: every critical component's check against
/// the rule of the extra nine, as the service's users see it (`us`, the
/// target's unavailability); a component that cannot be evaluated is left
/// out and named in `notes`.
fn extra_nine_checks(
    inputs: &DependencyInputs,
    us: f64,
    notes: &mut Vec<String>,
) -> Vec<ExtraNineCheck> {
    let mut checks = Vec::new();
    let mut critical = Vec::new();
    for (i, d) in inputs.dependencies.iter().enumerate() {
        // Each dependency's scope: what share of the service's users its
        // outages reach. A bad one is named and counted as every user.
        let scope = match check_fraction(SCOPE_FIELD, inputs.scope(i)) {
            Ok(s) => s,
            Err(e) => {
                notes.push(format!(
                    "Dependency \"{}\": {e}; 100% is used instead.",
                    d.name()
                ));
                1.0
            }
        };
        critical.clear();
        push_critical(d, 0, &mut critical);
        for &(c, depth) in &critical {
            match c.unavailability_at(depth) {
                Ok(own) => {
                    // As the service's users see it: an outage reaching a
                    // share `scope` of them costs that share of its time.
                    let u = own * scope;
                    checks.push(ExtraNineCheck {
                        name: c.name(),
                        unavailability: u,
                        availability: 1.0 - u,
                        nines: nines_of(u),
                        required_unavailability: us / 10.0,
                        required_nines: nines_of(us).map(|n| n + 1.0),
                        meets_rule: meets_extra_nine(u, us),
                        scope,
                        own_unavailability: own,
                    });
                }
                Err(e) => notes.push(format!("Dependency \"{}\" is left out: {e}.", c.name())),
            }
        }
    }
    checks
}

/// The evaluation's summary: whether the dependencies (`ud`) leave the
/// target (`us`) a budget, and what the service's own outages may take
/// (`per`, [`own_outages`]).
fn summary(
    inputs: &DependencyInputs,
    ud: f64,
    us: f64,
    ctx: &TargetContext,
    per: String,
) -> String {
    let own = own_unavailability_budget(us, ud);
    let breaks = own < 0.0;
    // "A year" under the convention in force, named by its length.
    let per_year = format!(
        "{} per {}-day year",
        format_duration(own * ctx.year_seconds),
        count(ctx.year_seconds / DAY_SECONDS, 4)
    );
    let (ud_percent, us_percent) = percents(ud, us);
    if breaks && us == 0.0 {
        format!(
            "A 100% target leaves no budget, and the critical dependencies alone are unavailable {ud_percent} of the time: the target cannot be met while the service depends on them.",
        )
    } else if breaks {
        format!(
            "The critical dependencies alone are unavailable {ud_percent} of the time, more than the target's whole budget of {us_percent}: the target cannot be met until they improve or become redundant.",
        )
    } else if inputs.dependencies.is_empty() {
        format!(
            "There are no critical dependencies: the whole budget, {per_year}, is the service's own; {per}."
        )
    } else {
        format!(
            "The critical dependencies use {} of the budget, leaving {per_year} for the service's own outages; {per}.",
            format_fraction_percent(checked_ratio(ud, us).unwrap_or(0.0)),
        )
    }
}

/// The most the dependencies let the service promise, in a sentence
/// (`no_dependencies`: no critical component was evaluated).
fn promise_sentence(
    promise: Option<&Availability>,
    ud: f64,
    us: f64,
    no_dependencies: bool,
) -> String {
    match promise {
        Some(p) => format!(
            "These dependencies ({} available together) alone leave room for a target of at most {}, before any outage or failed deployment of the service's own (which the verdict's \"most you can promise\" counts too).",
            crate::display::availability_near(ud, us),
            p.format_percent()
        ),
        None if no_dependencies => "Without critical dependencies, the service's own outages alone decide what it can promise.".into(),
        None => "These dependencies are never expected to fail: they set no limit on the target.".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A chain of groups `levels` deep: a pair at each level, one side the
    /// next level, the deepest a component of 10% (nesting is bounded).
    fn chain(levels: usize) -> Composition {
        let mut c = Composition::component("deepest", 0.1);
        for _ in 1..levels {
            c = Composition::Parallel(vec![c, Composition::component("side", 0.5)]);
        }
        c
    }

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

    #[test]
    fn what_the_dependencies_let_the_service_promise() {
        // The default dependencies are unavailable 1.539924e-4 together
        // (worked by hand in scenario's verdict test): the next 1-2-5
        // budget up is 2e-4, so at most 99.98%.
        let r = evaluate(&DependencyInputs::default(), &TargetContext::default());
        assert_eq!(r.display.most_promisable, "99.98%");
        assert!(
            r.display
                .most_promisable_sentence
                .contains("alone leave room for a target of at most 99.98%")
        );
        assert!(r.group_warnings.is_empty(), "{:?}", r.group_warnings);
        // Remove one copy of the "2 of 3" session cache: 2 of 2 needed is
        // 1 − 0.999² = 0.1999% unavailable, worse than one copy's 0.1%.
        let mut d = DependencyInputs::default();
        d.remove_at(&[2, 2]);
        assert!(matches!(&d.dependencies[2], Composition::KOfN { k: 2, of } if of.len() == 2));
        let r = evaluate(&d, &TargetContext::default());
        assert_eq!(r.group_warnings.len(), 1, "{:?}", r.group_warnings);
        let w = &r.group_warnings[0];
        assert!(
            w.contains("needs 2 of its 2 copies") && w.contains("99.8001% against 99.9%"),
            "{w}"
        );
    }

    /// Three plain components and the default story's 2-of-3 cache group.
    fn editable() -> DependencyInputs {
        DependencyInputs {
            dependencies: vec![
                Composition::component("db", 0.001),
                Composition::KOfN {
                    k: 2,
                    of: vec![
                        Composition::component("r1", 0.01),
                        Composition::component("r2", 0.02),
                        Composition::component("r3", 0.03),
                    ],
                },
                Composition::component("cdn", 0.002),
            ],
            ..DependencyInputs::default()
        }
    }

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
    fn a_dependency_counts_times_its_scope() {
        // Target 99.9% (U = 0.001). "db" at 99.9% whose outages reach half
        // the users costs 0.001 × 0.5 = 0.0005; "cdn" at 99.98% reaches
        // everyone: 0.0002. Together 1 − (1 − 0.0005)(1 − 0.0002)
        // = 0.0007 − 1e-7 = 0.0006999, i.e. 99.93001% as the users see them,
        // leaving 0.001 − 0.0006999 = 0.0003001 to the service.
        let mut d = DependencyInputs {
            dependencies: vec![
                Composition::component("db", 0.001),
                Composition::component("cdn", 0.0002),
            ],
            ..DependencyInputs::default()
        };
        d.set_scope(0, 0.5).unwrap();
        assert_eq!(d.scopes, [0.5]);
        let ctx = TargetContext {
            unavailability: 0.001,
            ..TargetContext::default()
        };
        let r = evaluate(&d, &ctx);
        assert!((r.dependencies_unavailability - 0.0006999).abs() < 1e-17);
        assert_eq!(r.display.dependencies_availability, "99.93001%");
        assert!((r.own_unavailability - 0.0003001).abs() < 1e-17);
        assert_eq!(
            (r.extra_nine[0].scope, r.extra_nine[0].own_unavailability),
            (0.5, 0.001)
        );
        // The rule of the extra nine asks 0.0001 of each as the users see
        // it: db's 0.0005 misses, and the sentence says over how many users.
        assert!(
            r.display
                .extra_nine
                .contains("db (99.95% over its 50% of users)"),
            "{}",
            r.display.extra_nine
        );
        // Scope 0: its outages reach nobody, it costs nothing.
        d.set_scope(0, 0.0).unwrap();
        let r = evaluate(&d, &ctx);
        assert!((r.dependencies_unavailability - 0.0002).abs() < 1e-18);
        // Bad scopes are refused by the edit, and named (counted as 100%)
        // when they come another way (a hand-made link).
        assert!(d.set_scope(0, 1.5).is_err());
        assert!(d.set_scope(0, f64::NAN).is_err());
        assert!(d.set_scope(5, 0.5).is_err());
        d.scopes = vec![2.0];
        let r = evaluate(&d, &ctx);
        assert!((r.dependencies_unavailability - 0.0011998).abs() < 1e-16);
        assert_eq!(r.notes.len(), 1, "{:?}", r.notes);
        assert!(
            r.notes[0].starts_with("Dependency \"db\": Outage scope"),
            "{:?}",
            r.notes
        );
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

    #[test]
    fn serial_keeps_nine_nines() {
        // Nine nines each, three in series: 3e-9 − 3e-18 + 1e-27.
        let u = serial_unavailability(&[1e-9, 1e-9, 1e-9]);
        assert!((u - (3e-9 - 3e-18)).abs() < 1e-24, "{u:e}");
    }

    #[test]
    fn distinct_dp_matches_identical_binomial() {
        for n in 1..12 {
            for k in 0..=n + 1 {
                for &u in &[0.0, 1e-6, 0.01, 0.3, 0.9, 1.0] {
                    let a = k_of_n_unavailability(k, &vec![u; n]);
                    let b = k_of_n_identical_unavailability(k, n, u);
                    assert!(
                        (a - b).abs() <= 1e-12 * a.max(b).max(1e-300),
                        "k={k} n={n} u={u}: {a} vs {b}"
                    );
                }
            }
        }
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
    fn dependencies_can_break_the_target() {
        let inputs = DependencyInputs {
            dependencies: vec![Composition::component("flaky", 0.01)],
            ..DependencyInputs::default()
        };
        let r = evaluate(&inputs, &TargetContext::default());
        assert!(r.dependencies_break_target);
        assert_eq!(r.max_detect_and_recover_seconds, Limit::AtMost(0.0));
        assert!(r.own_budget_per_year_seconds < 0.0);
        assert!(r.summary.contains("cannot be met"));
    }

    /// Treynor, Dahlin, Rau, Beyer, "The Calculus of Service Availability"
    /// (ACM Queue 15(2), 2017), "Rule of the extra 9": a 99.99% service
    /// with five critical dependencies at 99.999% each. Each offers one more
    /// nine than the service, so the rule is met, although together they
    /// are only 1 − (1 − 1e-5)⁵ ≈ 99.995% available. Whether the five are
    /// listed one by one (the page) or as one serial group (`nines compose
    /// --serial`), the rule is checked on each.
    #[test]
    fn the_calculus_articles_five_dependencies_meet_the_extra_nine() {
        let ctx = TargetContext {
            unavailability: 1e-4,
            ..TargetContext::default()
        };
        let five = vec![Composition::component("99.999", 1e-5); 5];
        for dependencies in [five.clone(), vec![Composition::Serial(five)]] {
            let r = evaluate(
                &DependencyInputs {
                    dependencies,
                    ..DependencyInputs::default()
                },
                &ctx,
            );
            assert_eq!(r.extra_nine.len(), 5);
            assert!(r.extra_nine.iter().all(|c| c.meets_rule), "{r:?}");
            assert!(r.meets_extra_nine);
            assert!(r.extra_nine_violations.is_empty());
            assert!((r.dependencies_unavailability - 4.9999e-5).abs() < 1e-12);
            assert_eq!(
                r.display.extra_nine,
                "Rule of the extra nine: each critical dependency should offer 99.999% or more, \
                 one nine more than the service; met by all 5."
            );
        }
    }

    #[test]
    fn a_dependency_below_the_extra_nine_is_named_with_its_availability() {
        // 99.95% asks 99.995% (4.3 nines: −log10(5e-5) = 4.301) of each.
        let r = evaluate(&DependencyInputs::default(), &TargetContext::default());
        assert!(!r.meets_extra_nine);
        assert_eq!(
            r.display.extra_nine,
            "Rule of the extra nine: each critical dependency should offer 99.995% or more, \
             one nine more than the service; not met by 1 of 4: orders database (99.99%)."
        );
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

    #[test]
    fn the_summary_writes_percentages_without_float_artefacts() {
        // Two 99.9% in series under a 99.9% service: 1 − 0.999² = 0.1999%
        // unavailable against a budget of 0.1% (one rounding rule for
        // display, no float artefacts: it said 0.199900% and 0.100000%).
        let inputs = DependencyInputs {
            dependencies: vec![Composition::component("a", 0.001); 2],
            ..DependencyInputs::default()
        };
        let ctx = TargetContext {
            unavailability: 0.001,
            ..TargetContext::default()
        };
        let r = evaluate(&inputs, &ctx);
        assert_eq!(
            r.summary,
            "The critical dependencies alone are unavailable 0.1999% of the time, more than the \
             target's whole budget of 0.1%: the target cannot be met until they improve or become \
             redundant."
        );
        // Close figures stay apart: 0.05001% against 0.05%.
        assert_eq!(
            percents(0.0005001, 0.0005),
            ("0.05001%".to_string(), "0.05%".to_string())
        );
        assert_eq!(
            percents(0.000_500_000_01, 0.0005),
            ("0.050000001%".to_string(), "0.05%".to_string())
        );
        assert_eq!(percents(1e-12, 1e-4).0, "0.0000000001%");
    }

    #[test]
    fn a_year_names_the_convention_it_is_counted_in() {
        // 99.95% with no dependencies: the whole budget is the service's,
        // 0.0005 × 365 × 86 400 = 15 768 s = 4h 22m 48s in a 365-day year,
        // 0.0005 × 365.2425 × 86 400 = 15 778.476 s ≈ 4h 22m 58s in the
        // Gregorian mean year.
        let inputs = DependencyInputs {
            dependencies: vec![],
            ..DependencyInputs::default()
        };
        for (year_days, shown) in [
            (365.0, "4h 22m 48s per 365-day year"),
            (365.2425, "4h 22m 58s per 365.2425-day year"),
        ] {
            let ctx = TargetContext {
                year_seconds: year_days * DAY_SECONDS,
                ..TargetContext::default()
            };
            let r = evaluate(&inputs, &ctx);
            assert!(r.summary.contains(shown), "{}", r.summary);
        }
    }

    #[test]
    fn default_story() {
        let r = evaluate(&DependencyInputs::default(), &TargetContext::default());
        // payments 1e-6; db 1e-4; cache 2-of-3 at 1e-3: 3e-6 − 2e-9; inventory 5e-5.
        let expected = 1.0 - (1.0 - 1e-6) * (1.0 - 1e-4) * (1.0 - 2.998e-6) * (1.0 - 5e-5);
        assert!((r.dependencies_unavailability - expected).abs() < 1e-15);
        assert_eq!(r.extra_nine.len(), 4);
        assert!(r.extra_nine[3].meets_rule, "inventory at exactly +1 nine");
        assert!(r.notes.is_empty());
    }
}
