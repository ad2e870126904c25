//! The recommendation: the essays' rules applied to the target, the
//! product demand, the traffic's criticality and the number of services,
//! with why each other method was not chosen; the criticality a revenue per
//! day suggests; the conditions the product adds to the essays' rules.

use super::SupportMethod;
use crate::amount::Currency;
use crate::digits::shortest;
use crate::display::{count, money_in};
use crate::target::clamp_non_negative;
use serde::{Deserialize, Serialize};

/// How critical the service's user traffic is.
///
/// ```
/// use nines_core::support::TrafficCriticality;
/// assert_eq!(TrafficCriticality::default(), TrafficCriticality::Normal);
/// ```
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum TrafficCriticality {
    /// Little traffic, or traffic that can wait.
    Low,
    /// Ordinary product traffic.
    #[default]
    Normal,
    /// Critical user traffic: a large failure hurts the organisation.
    Critical,
}

/// Each criticality with its id (in links and the page's select) and what
/// a person reads, in order: the page's Who runs it section and the
/// portfolio view offer these.
pub const CRITICALITY_CHOICES: [(TrafficCriticality, &str, &str); 3] = [
    (
        TrafficCriticality::Low,
        "low",
        "Low: an internal or occasional service",
    ),
    (
        TrafficCriticality::Normal,
        "normal",
        "Normal: customers notice an outage",
    ),
    (
        TrafficCriticality::Critical,
        "critical",
        "Critical: an outage could jeopardise the organisation",
    ),
];

/// A method considered and not chosen, and why.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Alternative {
    /// The method.
    pub method: SupportMethod,
    /// Its name in the essays ([`SupportMethod::name`]).
    pub method_name: &'static str,
    /// Why it was not chosen, citing the essay.
    pub reason: String,
}

/// The recommended method, the rule applied and the alternatives.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Recommendation {
    /// The method recommended.
    pub method: SupportMethod,
    /// Its name in the essays ([`SupportMethod::name`]).
    pub method_name: &'static str,
    /// The essays' rule applied, quoted, with the essay's name.
    pub reason: String,
    /// Every other method, with why not.
    pub alternatives: Vec<Alternative>,
    /// Inputs that were repaired, and caveats.
    pub notes: Vec<String>,
}

/// Deployments a week for people, one rule everywhere (the support
/// section, its reasons, the measures export): one decimal, trailing zeros
/// trimmed; but never a figure rounded onto 0 or 1 (weekly, the line the
/// rules turn on) that is not exactly that: then as many decimals as it
/// takes to show the difference, up to 6.
///
/// ```
/// use nines_core::support::deployments_per_week;
/// assert_eq!(deployments_per_week(7.0 / 30.436875), "0.2"); // 0.22998…
/// assert_eq!(deployments_per_week(10.0), "10");
/// assert_eq!(deployments_per_week(1.04), "1.04"); // not "1": it is more than weekly
/// assert_eq!(deployments_per_week(0.96), "0.96");
/// assert_eq!(deployments_per_week(0.02), "0.02"); // not "0"
/// ```
pub fn deployments_per_week(x: f64) -> String {
    let mut decimals = 1;
    loop {
        let s = count(x, decimals);
        let misleading = (s == "1" && x != 1.0) || (s == "0" && x != 0.0);
        if !misleading || decimals >= 6 {
            return s;
        }
        decimals += 1;
    }
}

const OPS_RULE: &str = "\"You Build It Ops Run It\": \"if product demand calls for more than weekly deployments then You Build It Ops Run It can only lead to Discontinuous Delivery.\"";
const SRE_RULE: &str = "\"Aim for Operability, not SRE as a Cult\": You Build It SRE Run It \"is only warranted when multiple services exist with critical user traffic, and at an availability level of four nines or more.\"";
const YRI_RULE: &str = "\"Aim for Operability, not SRE as a Cult\": You Build It You Run It \"is a cost effective method of revenue protection, from two nines to five nines of availability\"; \"You Build It SRE Run It\": \"All product teams do You Build It You Run It by default\".";
const SOMETIMES_RULE: &str = "\"You Build It Ops Sometimes Run It\": a hybrid \"doomed to fail at scale\" that drifts back to Ops Run It, when \"all the disadvantages of You Build It Ops Run It At Scale are assured\". Never recommended.";

/// Recommends a production support method.
///
/// * `target_nines`: the availability target in nines (`f64::INFINITY` for
///   100%; NaN counts as 0).
/// * `deployments_per_week`: product demand (NaN or negative counts as 0).
/// * `criticality`: of the user traffic.
/// * `services`: the number of services (or teams) in the organisation.
///
/// Rules, in order:
/// 1. SRE Run It when traffic is critical, the target is four nines or more
///    and there are at least two services;
/// 2. Ops Run It when deployments are weekly or fewer and the target is below
///    two nines;
/// 3. otherwise You Build It You Run It, the default.
///
/// ```
/// use nines_core::support::{recommend, SupportMethod, TrafficCriticality};
/// let r = recommend(3.3, 10.0, TrafficCriticality::Normal, 3);
/// assert_eq!(r.method, SupportMethod::YouBuildItYouRunIt);
/// assert!(r.reason.contains("more than weekly"));
/// let r = recommend(4.0, 10.0, TrafficCriticality::Critical, 5);
/// assert_eq!(r.method, SupportMethod::YouBuildItSreRunIt);
/// let r = recommend(1.5, 1.0, TrafficCriticality::Low, 1);
/// assert_eq!(r.method, SupportMethod::YouBuildItOpsRunIt);
/// ```
pub fn recommend(
    target_nines: f64,
    deployments_per_week: f64,
    criticality: TrafficCriticality,
    services: u32,
) -> Recommendation {
    let mut notes = Vec::new();
    let facts = facts(
        target_nines,
        deployments_per_week,
        criticality,
        services,
        &mut notes,
    );
    let method = if facts.sre_ok {
        SupportMethod::YouBuildItSreRunIt
    } else if facts.ops_ok {
        SupportMethod::YouBuildItOpsRunIt
    } else {
        SupportMethod::YouBuildItYouRunIt
    };
    let reason = reason(&facts, method, &mut notes);
    let alternatives = SupportMethod::ALL
        .iter()
        .filter(|&&m| m != method)
        .map(|&m| Alternative {
            method: m,
            method_name: m.name(),
            reason: why_not(&facts, m),
        })
        .collect();
    Recommendation {
        method,
        method_name: method.name(),
        reason,
        alternatives,
        notes,
    }
}

/// What the rules turn on, read from the repaired inputs.
struct Facts {
    nines: f64,
    deploys: f64,
    services: u32,
    more_than_weekly: bool,
    critical: bool,
    four_nines: bool,
    multiple: bool,
    sre_ok: bool,
    ops_ok: bool,
    /// The target in words: `3.3 nines`, `100%`.
    target_text: String,
}

/// The recommendation's first step: the inputs repaired (a note for each
/// repair) and the facts the rules turn on.
fn facts(
    target_nines: f64,
    deployments_per_week: f64,
    criticality: TrafficCriticality,
    services: u32,
    notes: &mut Vec<String>,
) -> Facts {
    let nines = if target_nines.is_nan() {
        notes.push("The target's nines are not a number: 0 is used instead.".to_string());
        0.0
    } else {
        target_nines.max(0.0)
    };
    let deploys = clamp_non_negative("Deployments per week", deployments_per_week, notes);
    let more_than_weekly = deploys > 1.0;
    let critical = criticality == TrafficCriticality::Critical;
    let multiple = services >= 2;
    let four_nines = nines >= 4.0 - 1e-9;
    let two_nines = nines >= 2.0 - 1e-9;
    // A 100% target has infinitely many nines: name it, never "inf nines".
    let target_text = if nines.is_finite() {
        [
            crate::quantity::format_nines_count(nines).as_str(),
            " nines",
        ]
        .concat()
    } else {
        "100%".to_string()
    };
    Facts {
        nines,
        deploys,
        services,
        more_than_weekly,
        critical,
        four_nines,
        multiple,
        sre_ok: critical && four_nines && multiple,
        ops_ok: !more_than_weekly && !two_nines,
        target_text,
    }
}

/// The recommendation's reason: the rule that chose `method`, quoted (a
/// note when the target is beyond the five nines the essays cover).
fn reason(f: &Facts, method: SupportMethod, notes: &mut Vec<String>) -> String {
    let target_text = &f.target_text;
    match method {
        SupportMethod::YouBuildItSreRunIt => format!(
            "Critical traffic, a target of {target_text} and {} services. {SRE_RULE} The service must also pass a readiness review, and on-call goes back to the delivery team if the error budget is repeatedly blown (\"You Build It SRE Run It\").",
            f.services
        ),
        SupportMethod::YouBuildItOpsRunIt => format!(
            "Demand is low ({} deployments a week, weekly or fewer) and the target ({target_text}) is below the two nines where You Build It You Run It becomes \"a cost effective method of revenue protection\". The series summary: \"Ops Run It remains relevant when product demand is low.\" Expect ticket handoffs to add hours to time to restore (\"You Build It Ops Run It\": \"Those handoffs can increase incident resolution time by hours, days, or even weeks\").",
            deployments_per_week(f.deploys)
        ),
        _ => {
            let mut r = if f.more_than_weekly {
                [
                    &deployments_per_week(f.deploys),
                    " deployments a week is more than weekly, which rules out Ops Run It. ",
                    OPS_RULE,
                    " ",
                    YRI_RULE,
                ]
                .concat()
            } else {
                ["The default. ", YRI_RULE].concat()
            };
            if f.nines > 5.0 + 1e-9 {
                r.push_str(" Beyond five nines the essays name no cost-effective method; an SRE team would need critical traffic across multiple services.");
                notes.push(
                    "The target is above five nines, beyond the range the essays cover.".into(),
                );
            }
            r
        }
    }
}

/// An alternative's reason: why the rules did not choose `m`.
fn why_not(f: &Facts, m: SupportMethod) -> String {
    match m {
        SupportMethod::YouBuildItSreRunIt => {
            let mut missing = Vec::new();
            if !f.critical {
                missing.push("the traffic is not critical");
            }
            if !f.four_nines {
                missing.push("the target is below four nines");
            }
            if !f.multiple {
                missing.push("there is only one service");
            }
            ["Not chosen because ", &missing.join(", "), ". ", SRE_RULE].concat()
        }
        SupportMethod::YouBuildItOpsRunIt if f.more_than_weekly => [
            "Not chosen: ",
            &deployments_per_week(f.deploys),
            " deployments a week is more than weekly. ",
            OPS_RULE,
        ]
        .concat(),
        SupportMethod::YouBuildItOpsRunIt if f.sre_ok => {
            format!("Not chosen: the service qualifies for an SRE team. {SRE_RULE}")
        }
        SupportMethod::YouBuildItOpsRunIt => format!(
            "Not chosen: at {} the target is within You Build It You Run It's cost-effective range, which starts at two nines. {YRI_RULE}",
            f.target_text
        ),
        SupportMethod::YouBuildItYouRunIt => {
            format!("The default, set aside because a more specific rule applied. {YRI_RULE}")
        }
        SupportMethod::YouBuildItOpsSometimesRunIt => SOMETIMES_RULE.to_string(),
    }
}

/// From this much revenue a day, traffic is suggested as critical: "an SME
/// or enterprise organisation will earn tens of millions in product
/// revenues each day, its reliability needs will be extreme" ("Aim for
/// Operability, not SRE as a Cult"). In the scenario's currency, not
/// converted.
pub const CRITICAL_REVENUE_PER_DAY: f64 = 10_000_000.0;

/// Below this much revenue a day, traffic is suggested as low: the
/// product's own threshold (the essays give none).
pub const LOW_REVENUE_PER_DAY: f64 = 1_000.0;

/// The criticality a revenue per day suggests: critical from
/// [`CRITICAL_REVENUE_PER_DAY`], low below [`LOW_REVENUE_PER_DAY`], normal
/// between (not a number: low).
///
/// ```
/// use nines_core::support::{suggest_criticality, TrafficCriticality};
/// assert_eq!(suggest_criticality(54_758.0), TrafficCriticality::Normal);
/// assert_eq!(suggest_criticality(25e6), TrafficCriticality::Critical);
/// assert_eq!(suggest_criticality(0.0), TrafficCriticality::Low);
/// ```
pub fn suggest_criticality(revenue_per_day: f64) -> TrafficCriticality {
    if revenue_per_day >= CRITICAL_REVENUE_PER_DAY {
        TrafficCriticality::Critical
    } else if revenue_per_day >= LOW_REVENUE_PER_DAY {
        TrafficCriticality::Normal
    } else {
        TrafficCriticality::Low
    }
}

/// A criticality in words: `low`, `normal`, `critical`.
fn criticality_name(c: TrafficCriticality) -> &'static str {
    match c {
        TrafficCriticality::Low => "low",
        TrafficCriticality::Normal => "normal",
        TrafficCriticality::Critical => "critical",
    }
}

/// The suggested criticality for people: what the revenue per day suggests
/// and why, and whether the `chosen` one differs.
pub(super) fn suggested_criticality_display(
    suggested: TrafficCriticality,
    chosen: TrafficCriticality,
    revenue_per_day: f64,
    revenue: f64,
    days: f64,
    currency: Currency,
) -> String {
    let mut out = format!(
        "{}: {} of revenue a day ({} a year over {} days)",
        criticality_name(suggested),
        money_in(revenue_per_day, currency),
        money_in(revenue, currency),
        shortest(days)
    );
    out.push_str(match suggested {
        TrafficCriticality::Critical => "; the essays: \"tens of millions in product revenues each day\" make reliability needs \"extreme\".",
        TrafficCriticality::Normal => "; critical from 10 million a day (the essays' \"tens of millions\"), low below 1,000 (the product's threshold).",
        TrafficCriticality::Low => "; below 1,000 a day (the product's threshold).",
    });
    if suggested != chosen {
        out.push_str(&format!(
            " The chosen criticality, {}, differs.",
            criticality_name(chosen)
        ));
    }
    out
}

/// The conditions the product adds to the essays' rules, each checked
/// against them.
pub(super) fn product_conditions(deployments_per_week: f64) -> Vec<String> {
    let mut weekly = "The product's own condition: exactly one deployment a week counts as \"weekly or fewer\", as in \"You Build It Ops Run It\" (\"If weekly or fewer deployments are sufficient to meet demand, then Continuous Delivery is possible\"). The series summary disagrees at exactly weekly: You Build It You Run It \"is required for weekly deploys or more\".".to_string();
    if deployments_per_week == 1.0 {
        weekly.push_str(" It matters here: at exactly 1 deployment a week the summary would require You Build It You Run It.");
    }
    vec![
        "The product's own condition: You Build It Ops Run It is recommended only below two nines. The essays bound it by demand alone (\"Ops Run It remains relevant when product demand is low\"); the product adds the floor of You Build It You Run It's range (\"a cost effective method of revenue protection, from two nines to five nines\").".to_string(),
        weekly,
        "The product's own condition: a revenue of 10 million a day or more suggests critical traffic (the essays: \"tens of millions in product revenues each day\"), below 1,000 a day low (the product's threshold), normal between; in the scenario's currency, not converted.".to_string(),
        "The product's own reading: revenue lost is counted across the teams' services, each earning as much as this one, to compare with on-call pay, which covers every team; the time to restore of the incident model is the time with no handoff (You Build It You Run It's \"single-level swarming\").".to_string(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ops_sometimes_is_never_recommended() {
        for &n in &[0.0, 1.0, 2.0, 3.5, 4.0, 5.0, 9.0, f64::INFINITY, f64::NAN] {
            for &d in &[0.0, 0.5, 1.0, 1.5, 100.0, f64::NAN, -1.0] {
                for c in [
                    TrafficCriticality::Low,
                    TrafficCriticality::Normal,
                    TrafficCriticality::Critical,
                ] {
                    for s in [0, 1, 2, 50] {
                        let r = recommend(n, d, c, s);
                        assert_ne!(r.method, SupportMethod::YouBuildItOpsSometimesRunIt);
                        assert_eq!(r.alternatives.len(), 3);
                        if d > 1.0 {
                            assert_ne!(r.method, SupportMethod::YouBuildItOpsRunIt);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn exactly_weekly_is_weekly_or_fewer() {
        assert_eq!(
            recommend(1.0, 1.0, TrafficCriticality::Low, 1).method,
            SupportMethod::YouBuildItOpsRunIt
        );
        assert_eq!(
            recommend(1.0, 1.01, TrafficCriticality::Low, 1).method,
            SupportMethod::YouBuildItYouRunIt
        );
    }

    #[test]
    fn sre_needs_all_three_conditions() {
        assert_eq!(
            recommend(4.0, 10.0, TrafficCriticality::Critical, 1).method,
            SupportMethod::YouBuildItYouRunIt
        );
        assert_eq!(
            recommend(3.9, 10.0, TrafficCriticality::Critical, 9).method,
            SupportMethod::YouBuildItYouRunIt
        );
        assert_eq!(
            recommend(5.0, 10.0, TrafficCriticality::Normal, 9).method,
            SupportMethod::YouBuildItYouRunIt
        );
    }
}
