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
//!
//! One file a job, every public item re-exported here:
//!
//! * `tree.rs`: a [`Component`] and how components combine, as a tree
//!   ([`Composition`]): names, sizes and the composed unavailability;
//! * `maths.rs`: the formulas: serial, parallel and k-of-n
//!   unavailability, the rule of the extra nine, the service's own share
//!   of the budget and the time to restore it allows;
//! * `inputs.rs`: the inputs ([`DependencyInputs`]) and the edits a front
//!   end makes at a path in the tree (add, remove, copy, group kind, `k`,
//!   outage scopes);
//! * `bound.rs`: the inputs' [`Shape`] against their bounds, the cut to
//!   them, and the bound an edit would pass;
//! * this file: the report and [`evaluate`], which joins the others.

mod bound;
mod inputs;
mod maths;
mod tree;

pub use bound::*;
pub use inputs::*;
pub use maths::*;
pub use tree::*;

use crate::bounds::List;
use crate::display::{availability, count, format_fraction_percent, limit_duration};
use crate::duration::format_duration;
use crate::quantity::Availability;
use crate::target::{
    DAY_SECONDS, Limit, TargetContext, check_fraction, checked_ratio, clamp_fraction,
    clamp_non_negative, nines_of,
};
use serde::Serialize;

/// Shown with every composed figure: the formulas assume independent
/// failures.
pub const CORRELATION_WARNING: &str = "These figures assume components fail independently. \
Real redundant copies share code, deployments, configuration, regions, load and people, so \
their failures are correlated, and correlated failures make real redundancy far worse than \
the independence formula: treat parallel and k-of-n figures as an upper bound.";

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
    pub(super) fn chain(levels: usize) -> Composition {
        let mut c = Composition::component("deepest", 0.1);
        for _ in 1..levels {
            c = Composition::Parallel(vec![c, Composition::component("side", 0.5)]);
        }
        c
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
    pub(super) fn editable() -> DependencyInputs {
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
