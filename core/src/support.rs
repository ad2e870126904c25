//! Who runs it: the production support methods of Steve Smith's "Who Runs
//! It" series, a recommendation that names the rule it applied, and the
//! on-call cost of each method.
//!
//! The rules, from the essays (quoted):
//! * "You Build It Ops Run It": "If weekly or fewer deployments are
//!   sufficient to meet demand, then Continuous Delivery is possible.
//!   However, if product demand calls for more than weekly deployments then
//!   You Build It Ops Run It can only lead to Discontinuous Delivery." The
//!   series summary: "Ops Run It remains relevant when product demand is
//!   low."
//! * "Aim for Operability, not SRE as a Cult": You Build It SRE Run It "is
//!   only warranted when multiple services exist with critical user traffic,
//!   and at an availability level of four nines or more"; You Build It You
//!   Run It "is a cost effective method of revenue protection, from two nines
//!   to five nines of availability".
//! * "You Build It SRE Run It": "All product teams do You Build It You Run
//!   It by default".
//! * "You Build It Ops Sometimes Run It": "doomed to fail at scale"; it
//!   drifts until "all the disadvantages of You Build It Ops Run It At Scale
//!   are assured". Never recommended.
//!
//! Where the essays leave a gap, this module decides and says so: Ops Run It
//! is recommended only when demand is low (weekly or fewer deployments)
//! *and* the target is below two nines, the floor of You Run It's
//! cost-effective range; exactly one deployment a week counts as "weekly or
//! fewer".

use crate::amount::Currency;
use crate::digits::shortest;
use crate::display::{count, money_in};
use crate::target::{TargetContext, clamp_non_negative, nines_of};
use serde::{Deserialize, Serialize};

/// A production support method.
///
/// ```
/// use nines_core::support::SupportMethod;
/// assert_eq!(SupportMethod::YouBuildItYouRunIt.name(), "You Build It You Run It");
/// ```
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SupportMethod {
    /// Ops Bridge (L1) and Application Operations (L2) on call, the delivery
    /// team L3 on best endeavours.
    YouBuildItOpsRunIt,
    /// The delivery team is L1 on call for its own service.
    YouBuildItYouRunIt,
    /// An SRE team is L1 on call for critical services, delivery teams L2.
    YouBuildItSreRunIt,
    /// A monitoring team runs the lower-availability services, delivery
    /// teams the rest. Never recommended.
    YouBuildItOpsSometimesRunIt,
}

impl SupportMethod {
    /// Every method, in the essays' order.
    pub const ALL: [SupportMethod; 4] = [
        SupportMethod::YouBuildItOpsRunIt,
        SupportMethod::YouBuildItYouRunIt,
        SupportMethod::YouBuildItSreRunIt,
        SupportMethod::YouBuildItOpsSometimesRunIt,
    ];

    /// The essays' name.
    ///
    /// ```
    /// use nines_core::support::SupportMethod;
    /// assert_eq!(SupportMethod::YouBuildItSreRunIt.name(), "You Build It SRE Run It");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            SupportMethod::YouBuildItOpsRunIt => "You Build It Ops Run It",
            SupportMethod::YouBuildItYouRunIt => "You Build It You Run It",
            SupportMethod::YouBuildItSreRunIt => "You Build It SRE Run It",
            SupportMethod::YouBuildItOpsSometimesRunIt => "You Build It Ops Sometimes Run It",
        }
    }
}

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

/// The standby hours of the on-call cost, with the convention they come
/// from: the default is a fixed 365-day year (8 760 h) less 52 working
/// weeks of 40 h, whatever the calendar convention of the rest.
///
/// ```
/// use nines_core::support::standby_hours_display;
/// assert_eq!(
///     standby_hours_display(6_680.0),
///     "6,680 standby hours a person a year: a 365-day year (8,760 h) less 52 working weeks of 40 h"
/// );
/// assert_eq!(standby_hours_display(4_000.0), "4,000 standby hours a person a year (as given)");
/// ```
pub fn standby_hours_display(hours: f64) -> String {
    if hours == DEFAULT_STANDBY_HOURS {
        [
            count(hours, 0).as_str(),
            " standby hours a person a year: a 365-day year (8,760 h) less 52 working weeks of \
             40 h",
        ]
        .concat()
    } else {
        [
            count(hours, 2).as_str(),
            " standby hours a person a year (as given)",
        ]
        .concat()
    }
}

/// 8 760 h (a 365-day year) less 52 × 40 working hours: 6 680 h.
const DEFAULT_STANDBY_HOURS: f64 = 365.0 * 24.0 - 52.0 * 40.0;

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
    let nines = if target_nines.is_nan() {
        notes.push("The target's nines are not a number: 0 is used instead.".to_string());
        0.0
    } else {
        target_nines.max(0.0)
    };
    let deploys = clamp_non_negative("Deployments per week", deployments_per_week, &mut notes);
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

    let sre_ok = critical && four_nines && multiple;
    let ops_ok = !more_than_weekly && !two_nines;
    let method = if sre_ok {
        SupportMethod::YouBuildItSreRunIt
    } else if ops_ok {
        SupportMethod::YouBuildItOpsRunIt
    } else {
        SupportMethod::YouBuildItYouRunIt
    };

    let sre_why_not = {
        let mut missing = Vec::new();
        if !critical {
            missing.push("the traffic is not critical");
        }
        if !four_nines {
            missing.push("the target is below four nines");
        }
        if !multiple {
            missing.push("there is only one service");
        }
        ["Not chosen because ", &missing.join(", "), ". ", SRE_RULE].concat()
    };
    let ops_why_not = if more_than_weekly {
        [
            "Not chosen: ",
            &self::deployments_per_week(deploys),
            " deployments a week is more than weekly. ",
            OPS_RULE,
        ]
        .concat()
    } else if sre_ok {
        format!("Not chosen: the service qualifies for an SRE team. {SRE_RULE}")
    } else {
        format!(
            "Not chosen: at {target_text} the target is within You Build It You Run It's cost-effective range, which starts at two nines. {YRI_RULE}"
        )
    };

    let reason = match method {
        SupportMethod::YouBuildItSreRunIt => format!(
            "Critical traffic, a target of {target_text} and {services} services. {SRE_RULE} The service must also pass a readiness review, and on-call goes back to the delivery team if the error budget is repeatedly blown (\"You Build It SRE Run It\")."
        ),
        SupportMethod::YouBuildItOpsRunIt => format!(
            "Demand is low ({} deployments a week, weekly or fewer) and the target ({target_text}) is below the two nines where You Build It You Run It becomes \"a cost effective method of revenue protection\". The series summary: \"Ops Run It remains relevant when product demand is low.\" Expect ticket handoffs to add hours to time to restore (\"You Build It Ops Run It\": \"Those handoffs can increase incident resolution time by hours, days, or even weeks\").",
            self::deployments_per_week(deploys)
        ),
        _ => {
            let mut r = if more_than_weekly {
                [
                    &self::deployments_per_week(deploys),
                    " deployments a week is more than weekly, which rules out Ops Run It. ",
                    OPS_RULE,
                    " ",
                    YRI_RULE,
                ]
                .concat()
            } else {
                ["The default. ", YRI_RULE].concat()
            };
            if nines > 5.0 + 1e-9 {
                r.push_str(" Beyond five nines the essays name no cost-effective method; an SRE team would need critical traffic across multiple services.");
                notes.push(
                    "The target is above five nines, beyond the range the essays cover.".into(),
                );
            }
            r
        }
    };

    let alternatives = SupportMethod::ALL
        .iter()
        .filter(|&&m| m != method)
        .map(|&m| Alternative {
            method: m,
            method_name: m.name(),
            reason: match m {
                SupportMethod::YouBuildItSreRunIt => sre_why_not.clone(),
                SupportMethod::YouBuildItOpsRunIt => ops_why_not.clone(),
                SupportMethod::YouBuildItYouRunIt => format!(
                    "The default, set aside because a more specific rule applied. {YRI_RULE}"
                ),
                SupportMethod::YouBuildItOpsSometimesRunIt => SOMETIMES_RULE.to_string(),
            },
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

/// The on-call cost model.
///
/// On-call cost of a method = people on its paid rota × standby rate ×
/// standby hours + paid callouts × callout rate, where paid callouts =
/// incidents × paid responders per incident. The rota structure of each
/// method, from the essays:
/// * Ops Run It: one Ops Bridge (L1) and one Application Operations (L2)
///   person on call for all services, both paid from OpEx; the delivery team
///   is L3 "on best endeavours" and not paid. Each incident calls out L1 and
///   L2 (two paid callouts), and ticket handoffs add `ops_handoff_delay_seconds`
///   to time to restore.
/// * You Run It: "1 on-call engineer per team", paid standby and callout
///   (CapEx); one callout per incident, single-level swarming.
/// * SRE Run It: "1 on-call SRE for critical services" plus the delivery
///   teams L2 on call; one SRE callout per incident and a delivery callout
///   on the `sre_escalation_fraction` of incidents escalated.
/// * Ops Sometimes Run It: one monitoring person (L1, OpEx) for the
///   lower-availability services plus one on-call engineer for each of the
///   `ops_sometimes_delivery_teams` teams running higher-availability ones;
///   L2 delivery on best endeavours, unpaid. Incidents pay one callout and,
///   on monitored services, suffer the handoff delay (counted in full here).
///
/// Assumptions: one standby rate and one callout rate for everybody;
/// standby hours are the out-of-hours hours of a year; training, salaries
/// and the SRE team's investment (the essays: "an order of magnitude more
/// than You Build It You Run It itself") are not on-call cost and are left
/// out.
///
/// Defaults for the default story: 3 teams (checkout, basket, payments);
/// 6 incidents a year each, 18 in all; $5 an hour standby; $150 a callout;
/// 6 680 standby hours (8 760 hours a year less 52 weeks × 40 working
/// hours); a 2-hour handoff delay; half the SRE incidents escalated; one
/// team of three doing its own on-call under Ops Sometimes Run It.
///
/// ```
/// use nines_core::support::OnCallInputs;
/// assert_eq!(OnCallInputs::default().teams, 3);
/// ```
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct OnCallInputs {
    /// Delivery teams, one service each.
    pub teams: u32,
    /// Incidents per year across all the teams' services. In a scenario
    /// this is `teams ×` the incident model's rate (each team runs a service
    /// like this one; issue 19 §4): not an input of its own there, and not
    /// in links.
    #[serde(skip)]
    pub incidents_per_year: f64,
    /// Standby pay per person per hour.
    pub standby_rate_per_hour: f64,
    /// Hours on standby per year (out of hours).
    pub standby_hours_per_year: f64,
    /// Pay per callout.
    pub callout_rate: f64,
    /// Time to restore added by ticket handoffs under Ops Run It, seconds.
    pub ops_handoff_delay_seconds: f64,
    /// Fraction of SRE incidents escalated to the delivery team (`0..=1`).
    pub sre_escalation_fraction: f64,
    /// Teams on call for their own services under Ops Sometimes Run It.
    pub ops_sometimes_delivery_teams: u32,
}

impl Default for OnCallInputs {
    fn default() -> Self {
        OnCallInputs {
            teams: 3,
            incidents_per_year: 18.0,
            standby_rate_per_hour: 5.0,
            standby_hours_per_year: DEFAULT_STANDBY_HOURS,
            callout_rate: 150.0,
            ops_handoff_delay_seconds: 7200.0,
            sre_escalation_fraction: 0.5,
            ops_sometimes_delivery_teams: 1,
        }
    }
}

/// The on-call cost of one method.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct OnCallCost {
    /// The method.
    pub method: SupportMethod,
    /// Its name in the essays ([`SupportMethod::name`]).
    pub method_name: &'static str,
    /// Who is on call, in words.
    pub structure: String,
    /// Paid people on standby at any time.
    pub paid_people_on_rota: f64,
    /// Standby pay per year.
    pub standby_cost_per_year: f64,
    /// Paid callouts per year.
    pub paid_callouts_per_year: f64,
    /// Callout pay per year.
    pub callout_cost_per_year: f64,
    /// Standby plus callouts.
    pub total_cost_per_year: f64,
    /// Time to restore this method adds per incident, seconds.
    pub time_to_restore_penalty_seconds: f64,
}

/// The on-call cost of a method under the model of [`OnCallInputs`].
///
/// ```
/// use nines_core::support::{on_call_cost, OnCallInputs, SupportMethod};
/// let c = on_call_cost(SupportMethod::YouBuildItYouRunIt, &OnCallInputs::default());
/// // 3 engineers × $5 × 6680 h + 18 callouts × $150.
/// assert_eq!(c.standby_cost_per_year, 100_200.0);
/// assert_eq!(c.callout_cost_per_year, 2_700.0);
/// assert_eq!(c.total_cost_per_year, 102_900.0);
/// ```
pub fn on_call_cost(method: SupportMethod, inputs: &OnCallInputs) -> OnCallCost {
    let mut ignored = Vec::new();
    let teams = f64::from(inputs.teams);
    let incidents = clamp_non_negative("Incidents", inputs.incidents_per_year, &mut ignored);
    let rate = clamp_non_negative("Standby rate", inputs.standby_rate_per_hour, &mut ignored);
    let hours = clamp_non_negative("Standby hours", inputs.standby_hours_per_year, &mut ignored)
        .min(8784.0);
    let callout = clamp_non_negative("Callout rate", inputs.callout_rate, &mut ignored);
    let handoff = clamp_non_negative(
        "Handoff delay",
        inputs.ops_handoff_delay_seconds,
        &mut ignored,
    );
    let escalation = {
        let e = inputs.sre_escalation_fraction;
        if e.is_nan() { 0.0 } else { e.clamp(0.0, 1.0) }
    };
    let sometimes_teams = f64::from(inputs.ops_sometimes_delivery_teams.min(inputs.teams));
    let (people, callouts_per_incident, penalty, structure) = match method {
        SupportMethod::YouBuildItOpsRunIt => (
            2.0,
            2.0,
            handoff,
            "Ops Bridge (L1) and Application Operations (L2), one person each, paid from OpEx; delivery team L3 on best endeavours, unpaid.".to_string(),
        ),
        SupportMethod::YouBuildItYouRunIt => (
            teams,
            1.0,
            0.0,
            [
                "One on-call engineer per team (",
                &shortest(teams),
                "), L1 for their own service, paid standby and callout from CapEx.",
            ]
            .concat(),
        ),
        SupportMethod::YouBuildItSreRunIt => (
            1.0 + teams,
            1.0 + escalation,
            0.0,
            [
                "One on-call SRE (L1) for the critical services, plus one engineer per delivery team (",
                &shortest(teams),
                ") on call at L2.",
            ]
            .concat(),
        ),
        SupportMethod::YouBuildItOpsSometimesRunIt => (
            1.0 + sometimes_teams,
            1.0,
            handoff,
            [
                "One monitoring person (L1, OpEx) for the lower-availability services and ",
                &shortest(sometimes_teams),
                " delivery engineer(s) on call for the higher-availability ones; L2 delivery on best endeavours, unpaid.",
            ]
            .concat(),
        ),
    };
    let standby = people * rate * hours;
    let paid_callouts = incidents * callouts_per_incident;
    let callout_cost = paid_callouts * callout;
    OnCallCost {
        method,
        method_name: method.name(),
        structure,
        paid_people_on_rota: people,
        standby_cost_per_year: standby,
        paid_callouts_per_year: paid_callouts,
        callout_cost_per_year: callout_cost,
        total_cost_per_year: standby + callout_cost,
        time_to_restore_penalty_seconds: penalty,
    }
}

/// The support inputs: criticality and the on-call model. Product demand
/// (deployments per week) is not here: it is the delivery section's
/// deployment frequency, passed to [`evaluate`], so the two cannot disagree.
///
/// Defaults for the default story: normal traffic
/// (a $20M shop's checkout matters, but a failure does not "jeopardise the
/// organisation itself", the essays' bar for SRE), and the
/// [`OnCallInputs`] defaults.
///
/// ```
/// use nines_core::support::SupportInputs;
/// let s: SupportInputs = serde_json::from_str(r#"{"criticality": "Critical"}"#).unwrap();
/// assert_eq!(s.on_call.teams, 3);
/// ```
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct SupportInputs {
    /// Criticality of the user traffic.
    pub criticality: TrafficCriticality,
    /// The on-call model (its `teams` is also the number of services).
    pub on_call: OnCallInputs,
}

impl Default for SupportInputs {
    fn default() -> Self {
        SupportInputs {
            criticality: TrafficCriticality::Normal,
            on_call: OnCallInputs::default(),
        }
    }
}

/// Every support figure the UI shows.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct SupportReport {
    /// The target's nines, `None` for 100%.
    pub target_nines: Option<f64>,
    /// The recommendation.
    pub recommendation: Recommendation,
    /// The on-call cost of every method, in the essays' order.
    pub on_call_costs: Vec<OnCallCost>,
    /// The on-call cost of the recommended method per year.
    pub recommended_on_call_cost_per_year: f64,
    /// Product demand, deployments a week, as the recommendation read it
    /// (repaired as [`recommend`] repairs it).
    pub deployments_per_week: f64,
    /// The currency every money figure is written in (the scenario's).
    pub currency: Currency,
    /// The figures above as people read them: the page and the CLI show
    /// these, so each is formatted here once. The per-method money is
    /// written by `export::support_cost_table`.
    pub display: SupportDisplay,
}

/// The support figures for people.
#[derive(Serialize, Clone, Debug, PartialEq, Default)]
pub struct SupportDisplay {
    /// Deployments a week ([`deployments_per_week`]): `10`, `2.3`.
    pub deployments_per_week: String,
    /// The recommended method's on-call cost a year: `$102,900`.
    pub recommended_on_call_cost: String,
    /// The standby hours the costs use, with their convention: `6,680
    /// standby hours a person a year: a 365-day year (8,760 h) less 52
    /// working weeks of 40 h`.
    pub standby_hours: String,
    /// The incidents the callouts count, across the teams: `18 incidents a
    /// year across the 3 teams' services`.
    pub callouts: String,
}

/// Recommends a method for the target and the product demand
/// (`deployments_per_week`), and costs every method.
///
/// ```
/// use nines_core::support::{evaluate, SupportInputs, SupportMethod};
/// use nines_core::target::TargetContext;
/// let r = evaluate(&SupportInputs::default(), &TargetContext::default(), 10.0);
/// assert_eq!(r.recommendation.method, SupportMethod::YouBuildItYouRunIt);
/// assert_eq!(r.on_call_costs.len(), 4);
/// ```
pub fn evaluate(
    inputs: &SupportInputs,
    ctx: &TargetContext,
    deployments_per_week: f64,
) -> SupportReport {
    evaluate_in(inputs, ctx, deployments_per_week, Currency::default())
}

/// [`evaluate`] with every money figure written in `currency`.
///
/// ```
/// use nines_core::support::{evaluate_in, SupportInputs};
/// use nines_core::target::TargetContext;
/// let r = evaluate_in(&SupportInputs::default(), &TargetContext::default(), 10.0, "EUR".parse().unwrap());
/// assert!(r.display.recommended_on_call_cost.starts_with('€'));
/// ```
pub fn evaluate_in(
    inputs: &SupportInputs,
    ctx: &TargetContext,
    deployments_per_week: f64,
    currency: Currency,
) -> SupportReport {
    let mut ctx_notes = Vec::new();
    let ctx = ctx.sanitised(&mut ctx_notes);
    let target_nines = nines_of(ctx.unavailability);
    let mut recommendation = recommend(
        target_nines.unwrap_or(f64::INFINITY),
        deployments_per_week,
        inputs.criticality,
        inputs.on_call.teams,
    );
    recommendation.notes.splice(0..0, ctx_notes);
    let mut oc = inputs.on_call.clone();
    let mut cost_notes = Vec::new();
    oc.incidents_per_year =
        clamp_non_negative("Incidents per year", oc.incidents_per_year, &mut cost_notes);
    oc.standby_rate_per_hour =
        clamp_non_negative("Standby rate", oc.standby_rate_per_hour, &mut cost_notes);
    oc.standby_hours_per_year =
        clamp_non_negative("Standby hours", oc.standby_hours_per_year, &mut cost_notes);
    oc.callout_rate = clamp_non_negative("Callout rate", oc.callout_rate, &mut cost_notes);
    oc.ops_handoff_delay_seconds = clamp_non_negative(
        "Handoff delay",
        oc.ops_handoff_delay_seconds,
        &mut cost_notes,
    );
    recommendation.notes.extend(cost_notes);
    let on_call_costs: Vec<OnCallCost> = SupportMethod::ALL
        .iter()
        .map(|&m| on_call_cost(m, &oc))
        .collect();
    let recommended_on_call_cost_per_year = on_call_costs
        .iter()
        .find(|c| c.method == recommendation.method)
        .map_or(0.0, |c| c.total_cost_per_year);
    // The demand `recommend` read (its note, if repaired, is already there).
    let deployments_per_week = clamp_non_negative(
        "Deployments per week",
        deployments_per_week,
        &mut Vec::new(),
    );
    SupportReport {
        target_nines,
        recommendation,
        on_call_costs,
        recommended_on_call_cost_per_year,
        deployments_per_week,
        currency,
        display: SupportDisplay {
            deployments_per_week: self::deployments_per_week(deployments_per_week),
            recommended_on_call_cost: money_in(recommended_on_call_cost_per_year, currency),
            standby_hours: standby_hours_display(oc.standby_hours_per_year),
            callouts: format!(
                "{} incidents a year across the {} teams' services",
                crate::display::count(oc.incidents_per_year, 2),
                oc.teams
            ),
        },
    }
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

    #[test]
    fn ops_run_it_costs_and_penalty() {
        let c = on_call_cost(SupportMethod::YouBuildItOpsRunIt, &OnCallInputs::default());
        // 2 × 5 × 6680 + 18 × 2 × 150.
        assert_eq!(c.total_cost_per_year, 66_800.0 + 5_400.0);
        assert_eq!(c.time_to_restore_penalty_seconds, 7200.0);
    }

    #[test]
    fn figures_for_people() {
        // Ten deployments a week, You Run It recommended: 3 engineers × $5 ×
        // 6680 h + 18 callouts × $150 = $102,900.
        let r = evaluate(&SupportInputs::default(), &TargetContext::default(), 10.0);
        assert_eq!(r.display.deployments_per_week, "10");
        assert_eq!(r.display.recommended_on_call_cost, "$102,900");
        assert_eq!(r.recommendation.method_name, "You Build It You Run It");
        assert!(
            r.on_call_costs
                .iter()
                .all(|c| c.method_name == c.method.name())
        );
        // One deployment every 30 days: 7 / 30 = 0.2333 a week, shown 0.2.
        let r = evaluate(
            &SupportInputs::default(),
            &TargetContext::default(),
            7.0 / 30.0,
        );
        assert_eq!(r.display.deployments_per_week, "0.2");
        // A demand that is not a number is read as none, as the rule reads it.
        let r = evaluate(
            &SupportInputs::default(),
            &TargetContext::default(),
            f64::NAN,
        );
        assert_eq!(r.deployments_per_week, 0.0);
        assert_eq!(r.display.deployments_per_week, "0");
    }

    #[test]
    fn hostile_on_call_inputs() {
        let inputs = SupportInputs {
            criticality: TrafficCriticality::Critical,
            on_call: OnCallInputs {
                teams: u32::MAX,
                incidents_per_year: f64::NAN,
                standby_rate_per_hour: f64::INFINITY,
                standby_hours_per_year: -4.0,
                callout_rate: f64::MAX,
                ops_handoff_delay_seconds: f64::NAN,
                sre_escalation_fraction: f64::INFINITY,
                ops_sometimes_delivery_teams: u32::MAX,
            },
        };
        let r = evaluate(&inputs, &TargetContext::default(), f64::INFINITY);
        assert!(
            r.on_call_costs
                .iter()
                .all(|c| c.total_cost_per_year.is_finite())
        );
        assert!(!r.recommendation.notes.is_empty());
    }
}
