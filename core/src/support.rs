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
use crate::choice::Choice;
use crate::digits::shortest;
use crate::display::{availability, count, format_fraction_percent, money_in};
use crate::duration::format_duration;
use crate::target::{DAY_SECONDS, TargetContext, clamp_non_negative, nines_of};
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

/// How the organisation sees IT ("Aim for Operability, not SRE as a
/// Cult": "A successful Digital transformation is predicated on a
/// transition from IT as a Cost Centre to IT as a Business
/// Differentiator"). Default: a Cost Centre, the organisations the "Who Runs
/// It" series is written for ("production support methods in IT as a Cost
/// Centre").
///
/// ```
/// use nines_core::choice::Choice;
/// use nines_core::support::Organisation;
/// assert_eq!(Organisation::from_id("cost-centre"), Some(Organisation::CostCentre));
/// ```
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Organisation {
    /// Segregated Delivery (CapEx) and Operations (OpEx) functions.
    #[default]
    CostCentre,
    /// IT as a core tenet of the business, as at Google.
    BusinessDifferentiator,
}

impl Choice for Organisation {
    const OPTIONS: &'static [Self] = &[
        Organisation::CostCentre,
        Organisation::BusinessDifferentiator,
    ];
    fn choice_id(self) -> &'static str {
        match self {
            Organisation::CostCentre => "cost-centre",
            Organisation::BusinessDifferentiator => "business-differentiator",
        }
    }
    fn choice_label(self) -> &'static str {
        match self {
            Organisation::CostCentre => "IT as a Cost Centre",
            Organisation::BusinessDifferentiator => "IT as a Business Differentiator",
        }
    }
}

/// The organisation's culture, in Ron Westrum's typology as the essays use
/// it ("power, rule, or performance-oriented"). Default: bureaucratic, the
/// product's assumption for a cost centre ("A majority of organisations
/// mired in Discontinuous Delivery have IT as a Cost Centre", with "a power
/// or rule-oriented culture").
///
/// ```
/// use nines_core::choice::Choice;
/// use nines_core::support::Culture;
/// assert_eq!(Culture::ids(), "pathological, bureaucratic, generative");
/// ```
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Culture {
    /// Power-oriented: low cooperation, responsibilities shirked, bridging
    /// discouraged, failure leads to scapegoating.
    Pathological,
    /// Rule-oriented: modest cooperation, narrow responsibilities, bridging
    /// tolerated, failure leads to justice.
    #[default]
    Bureaucratic,
    /// Performance-oriented: high cooperation, risks shared, bridging
    /// encouraged, failure leads to inquiry.
    Generative,
}

impl Choice for Culture {
    const OPTIONS: &'static [Self] = &[
        Culture::Pathological,
        Culture::Bureaucratic,
        Culture::Generative,
    ];
    fn choice_id(self) -> &'static str {
        match self {
            Culture::Pathological => "pathological",
            Culture::Bureaucratic => "bureaucratic",
            Culture::Generative => "generative",
        }
    }
    fn choice_label(self) -> &'static str {
        match self {
            Culture::Pathological => "Pathological (power-oriented)",
            Culture::Bureaucratic => "Bureaucratic (rule-oriented)",
            Culture::Generative => "Generative (performance-oriented)",
        }
    }
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

/// The services the on-call rota covers, in words: `the 3 teams' services`,
/// and `the one team's service` for a rota of one team.
///
/// ```
/// use nines_core::support::teams_services;
/// assert_eq!(teams_services(3), "the 3 teams' services");
/// assert_eq!(teams_services(1), "the one team's service");
/// ```
pub fn teams_services(teams: u32) -> String {
    if teams == 1 {
        "the one team's service".into()
    } else {
        format!("the {teams} teams' services")
    }
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
/// than You Build It You Run It itself") are not on-call cost: they are the
/// team investment of [`MethodComparison`].
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
    /// Default 2 h, the product's assumption at the low end of the essays'
    /// range ("You Build It Ops Run It": handoffs "can increase incident
    /// resolution time by hours, days, or even weeks").
    pub ops_handoff_delay_seconds: f64,
    /// Time to restore added by handoffs under Ops Sometimes Run It,
    /// seconds. Default 2 h, as Ops Run It's: the essay says its "Long time
    /// to restore" is "inherited" ("support ticket handoffs between
    /// Monitoring and Delivery teams will delay availability restoration");
    /// the same figure is the product's assumption.
    pub ops_sometimes_handoff_delay_seconds: f64,
    /// Time to restore added under SRE Run It, seconds. Default 0: "no
    /// handoffs to the SRE on-call team" and "Incident response from the
    /// SRE on-call team is rapid and effective" ("You Build It SRE Run
    /// It"); an escalation to the L2 delivery team can be costed here.
    pub sre_handoff_delay_seconds: f64,
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
            ops_sometimes_handoff_delay_seconds: 7200.0,
            sre_handoff_delay_seconds: 0.0,
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
    /// The part paid from Operations' OpEx budget.
    pub opex_cost_per_year: f64,
    /// The part paid from Delivery's CapEx budget.
    pub capex_cost_per_year: f64,
    /// Who is on call without pay, if anyone ("L3 Delivery team members on
    /// best endeavours are not paid").
    pub unpaid: &'static str,
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
    let delay = |x: f64| clamp_non_negative("Handoff delay", x, &mut Vec::new());
    let escalation = {
        let e = inputs.sre_escalation_fraction;
        if e.is_nan() { 0.0 } else { e.clamp(0.0, 1.0) }
    };
    let sometimes_teams = f64::from(inputs.ops_sometimes_delivery_teams.min(inputs.teams));
    // (OpEx people, CapEx people, OpEx callouts an incident, CapEx callouts
    // an incident, added to time to restore, who is unpaid, structure). An
    // SRE team "in Delivery will be funded by a capex Delivery budget", in
    // Operations by OpEx: the product assumes Delivery.
    let (opex_people, capex_people, opex_callouts, capex_callouts, penalty, unpaid, structure) =
        match method {
            SupportMethod::YouBuildItOpsRunIt => (
                2.0,
                0.0,
                2.0,
                0.0,
                delay(inputs.ops_handoff_delay_seconds),
                "the delivery team (L3, best endeavours)",
                "Ops Bridge (L1) and Application Operations (L2), one person each, paid from OpEx; delivery team L3 on best endeavours, unpaid.".to_string(),
            ),
            SupportMethod::YouBuildItYouRunIt => (
                0.0,
                teams,
                0.0,
                1.0,
                0.0,
                "",
                [
                    "One on-call engineer per team (",
                    &shortest(teams),
                    "), L1 for their own service, paid standby and callout from CapEx.",
                ]
                .concat(),
            ),
            SupportMethod::YouBuildItSreRunIt => (
                0.0,
                1.0 + teams,
                0.0,
                1.0 + escalation,
                delay(inputs.sre_handoff_delay_seconds),
                "",
                [
                    "One on-call SRE (L1) for the critical services, plus one engineer per delivery team (",
                    &shortest(teams),
                    ") on call at L2; CapEx (an SRE team in Delivery).",
                ]
                .concat(),
            ),
            SupportMethod::YouBuildItOpsSometimesRunIt => (
                1.0,
                sometimes_teams,
                1.0,
                0.0,
                delay(inputs.ops_sometimes_handoff_delay_seconds),
                "L2 delivery engineers (best endeavours)",
                [
                    "One monitoring person (L1, OpEx) for the lower-availability services and ",
                    &shortest(sometimes_teams),
                    " delivery engineer(s) on call for the higher-availability ones (CapEx); L2 delivery on best endeavours, unpaid.",
                ]
                .concat(),
            ),
        };
    let people = opex_people + capex_people;
    let callouts_per_incident = opex_callouts + capex_callouts;
    let standby = people * rate * hours;
    let paid_callouts = incidents * callouts_per_incident;
    let callout_cost = paid_callouts * callout;
    let opex = opex_people * rate * hours + incidents * opex_callouts * callout;
    let capex = capex_people * rate * hours + incidents * capex_callouts * callout;
    OnCallCost {
        method,
        method_name: method.name(),
        structure,
        paid_people_on_rota: people,
        standby_cost_per_year: standby,
        paid_callouts_per_year: paid_callouts,
        callout_cost_per_year: callout_cost,
        total_cost_per_year: standby + callout_cost,
        opex_cost_per_year: opex,
        capex_cost_per_year: capex,
        unpaid,
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
    /// What a delivery team's You Build It You Run It costs a year beyond
    /// on-call pay (training, telemetry, automation): the product's
    /// assumption, $10,000 a team (about three weeks of an engineer); the
    /// essays give no figure.
    pub investment_per_team_per_year: f64,
    /// How many times You Build It You Run It's investment an SRE team
    /// costs. Default 10: "The amount of investment required in employee
    /// training, organisational change, and task automation to run an SRE
    /// team alongside You Build It You Run It teams is an order of
    /// magnitude more than You Build It You Run It itself" ("Aim for
    /// Operability, not SRE as a Cult"); exactly 10 is the product's
    /// reading of "an order of magnitude".
    pub sre_investment_factor: f64,
    /// IT as a Cost Centre or as a Business Differentiator.
    pub organisation: Organisation,
    /// The organisation's culture (Westrum).
    pub culture: Culture,
}

impl Default for SupportInputs {
    fn default() -> Self {
        SupportInputs {
            criticality: TrafficCriticality::Normal,
            on_call: OnCallInputs::default(),
            investment_per_team_per_year: 10_000.0,
            sre_investment_factor: 10.0,
            organisation: Organisation::CostCentre,
            culture: Culture::Bureaucratic,
        }
    }
}

/// What the comparison of methods needs from the rest of the scenario: the
/// service's incident model (*Incidents and delivery*) and its revenue
/// (*Cost per nine*). `scenario::evaluate` passes the scenario's; the
/// default is the default story's (6 incidents a year, 5 min to detect and
/// 30 min to recover, 50% of users; $20M a year, 80% lost while down).
///
/// ```
/// use nines_core::support::ServiceModel;
/// assert_eq!(ServiceModel::default().time_to_restore_seconds, 2_100.0);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct ServiceModel {
    /// This service's incidents a year.
    pub incidents_per_year: f64,
    /// Time to detect plus time to recover, seconds: the time to restore
    /// with no handoff (the product's reading: You Build It You Run It's
    /// "single-level swarming"); each method adds its handoff delay.
    pub time_to_restore_seconds: f64,
    /// Share of users an incident reaches, `0..=1`.
    pub scope: f64,
    /// Revenue a year through the service.
    pub revenue_per_year: f64,
    /// Share of revenue lost while it is down, `0..=1`.
    pub impact_fraction: f64,
}

impl Default for ServiceModel {
    fn default() -> Self {
        ServiceModel {
            incidents_per_year: 6.0,
            time_to_restore_seconds: 2_100.0,
            scope: 0.5,
            revenue_per_year: 20_000_000.0,
            impact_fraction: 0.8,
        }
    }
}

/// One method, costed as revenue insurance ("You Build It SRE Run It":
/// "Production support is revenue insurance"): how fast it restores, the
/// downtime and lost revenue that follow, and what it costs to run.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct MethodComparison {
    /// The method.
    pub method: SupportMethod,
    /// Its name in the essays ([`SupportMethod::name`]).
    pub method_name: &'static str,
    /// Handoff delay added to each incident, seconds.
    pub handoff_delay_seconds: f64,
    /// Time to restore an incident: the incident model's plus the handoff.
    pub time_to_restore_seconds: f64,
    /// Incidents a year × time to restore × scope, for this service.
    pub expected_downtime_per_year_seconds: f64,
    /// That downtime as a share of the year's error budget (`None` at
    /// 100%, which has none).
    pub budget_consumed: Option<f64>,
    /// Whether the downtime fits the year's error budget.
    pub fits_budget: bool,
    /// Revenue this service loses a year: revenue × impact × downtime ÷
    /// year.
    pub revenue_lost_per_service_per_year: f64,
    /// Revenue lost across the teams' services, each earning as much as
    /// this one: the basis the on-call cost (which covers every team) is
    /// compared on.
    pub revenue_lost_per_year: f64,
    /// On-call pay a year ([`on_call_cost`]).
    pub on_call_cost_per_year: f64,
    /// Of which Operations' OpEx.
    pub on_call_opex_per_year: f64,
    /// Of which Delivery's CapEx.
    pub on_call_capex_per_year: f64,
    /// Team investment a year beyond on-call pay.
    pub investment_per_year: f64,
    /// On-call + investment + revenue lost.
    pub total_cost_per_year: f64,
    /// The method the rules recommend.
    pub recommended: bool,
    /// The cheapest method whose downtime fits the budget.
    pub cheapest_fitting: bool,
    /// What the essays say it does to deployment lead time.
    pub lead_time: &'static str,
    /// The essays' warnings that apply to it here.
    pub warnings: Vec<String>,
    /// The figures for people.
    pub display: MethodDisplay,
}

/// One method's figures for people.
#[derive(Serialize, Clone, Debug, PartialEq, Default)]
pub struct MethodDisplay {
    /// `2h`, `0s`.
    pub handoff_delay: String,
    /// `2h 35m`.
    pub time_to_restore: String,
    /// `7h 45m`.
    pub expected_downtime: String,
    /// `no: 177% of the budget`, `yes: 39.9% of the budget`.
    pub fits_budget: String,
    /// Across the teams' services: `$42,438`.
    pub revenue_lost: String,
    /// This service alone: `$14,146`.
    pub revenue_lost_per_service: String,
    /// `$72,200`.
    pub on_call_cost: String,
    /// `OpEx $72,200, CapEx $0; unpaid: the delivery team (L3, best
    /// endeavours)`.
    pub on_call_split: String,
    /// `$30,000`.
    pub investment: String,
    /// `$142,483`.
    pub total_cost: String,
}

/// Conflicts the essays expect when cooperation is low ("Aim for
/// Operability, not SRE as a Cult"), one topic with the condition under
/// which they arise.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct ConflictGroup {
    /// `availability levels`, `service level objectives`, `error budgets`,
    /// `You Build It SRE Run It`.
    pub topic: &'static str,
    /// The essay's condition: `if failure leads to scapegoating or justice`.
    pub condition: &'static str,
    /// What the chosen culture does that meets it (Westrum): `failure leads
    /// to justice`.
    pub culture_trait: &'static str,
    /// The methods it concerns (`None`: every method).
    pub method: Option<SupportMethod>,
    /// Whether it concerns the recommended method.
    pub applies_to_recommended: bool,
    /// The essay's list, quoted.
    pub items: &'static [&'static str],
}

/// An input the comparison rests on, its value, its default and where the
/// default comes from (an essay, quoted, or the product's own assumption).
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Assumption {
    /// The input, as the page names it.
    pub input: &'static str,
    /// Its value now, for people.
    pub value: String,
    /// Its default, for people.
    pub default: String,
    /// The source of the default.
    pub source: &'static str,
    /// `true` when the default is the product's own assumption.
    pub product: bool,
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
    /// Every method as revenue insurance, in the essays' order.
    pub methods: Vec<MethodComparison>,
    /// The year's error budget, seconds: the target's unavailability × the
    /// convention's year (24/7, as the incident model counts).
    pub budget_per_year_seconds: f64,
    /// Revenue lost per hour of full outage: revenue × impact ÷ hours in
    /// the year.
    pub loss_per_hour: f64,
    /// Services the lost revenue is counted across (the teams, at least 1).
    pub services: u32,
    /// The cheapest method whose downtime fits the budget, if any.
    pub cheapest_fitting: Option<SupportMethod>,
    /// Revenue per day through the service.
    pub revenue_per_day: f64,
    /// The criticality the revenue per day suggests ([`suggest_criticality`]).
    pub suggested_criticality: TrafficCriticality,
    /// The organisation, as given.
    pub organisation: Organisation,
    /// The culture, as given.
    pub culture: Culture,
    /// The conflicts to expect in this culture (none when generative).
    pub conflicts: Vec<ConflictGroup>,
    /// The essays' warnings that apply, each naming its method.
    pub warnings: Vec<String>,
    /// Where the product adds a condition of its own, checked against the
    /// essays.
    pub product_conditions: Vec<String>,
    /// The inputs the comparison rests on, with their sources.
    pub assumptions: Vec<Assumption>,
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
    /// `4h 22m 58s a year at 99.95% (…)`.
    pub budget_per_year: String,
    /// `$1,825 an hour of full outage (…)`.
    pub loss_per_hour: String,
    /// How the comparison is made, in one sentence.
    pub basis: String,
    /// The cheapest method that fits, or that none does.
    pub cheapest_fitting: String,
    /// Ops Run It against You Build It You Run It: on-call pay saved,
    /// revenue lost.
    pub revenue_insurance: String,
    /// `$54,758 a day`.
    pub revenue_per_day: String,
    /// The suggested criticality and why.
    pub suggested_criticality: String,
    /// What the organisation and culture mean here.
    pub organisation: String,
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

fn criticality_name(c: TrafficCriticality) -> &'static str {
    match c {
        TrafficCriticality::Low => "low",
        TrafficCriticality::Normal => "normal",
        TrafficCriticality::Critical => "critical",
    }
}

const AVAILABILITY_CONFLICTS: &[&str] = &[
    "Heads of Product/Delivery/Operations might not agree 100% reliability is unachievable.",
    "Heads of Product/Delivery/Operations might not accept an additional nine of reliability means an order of magnitude more engineering effort.",
    "Heads of Delivery/Operations might not consent to availability levels being owned by product managers.",
];
const SLO_CONFLICTS: &[&str] = &[
    "Product managers might decline to take on responsibility for service availability.",
    "Product managers will need help from Delivery teams to uncover user expectations, calculate service revenue potential, and check competitor availability levels.",
    "Sysadmins might object to developers wiring automated, fine-grained measurements into their own production alerts.",
];
const ERROR_BUDGET_CONFLICTS: &[&str] = &[
    "Product manager/developers/sysadmins might disagree on availability levels and the maths behind error budgets.",
    "Heads of Product/Development might not accept a block on deployments when an error budget is 0%.",
    "A Head of Operations might not accept deployments at all hours when an error budget is above 0%.",
    "Product managers/developers might accuse sysadmins of blocking deployments unnecessarily",
    "Sysadmins might accuse product managers/developers of jeopardising reliability",
    "A Head of Operations might arbitrarily block production deployments",
    "A Head of Development might escalate a block on production deployments",
    "A Head of Product might override a block on production deployments",
];
const SRE_CONFLICTS: &[&str] = &[
    "A Head of Operations might not consent to on-call Delivery teams on their opex budget",
    "A Head of Development might not consent to on-call Delivery teams on their capex budget",
    "A Head of Operations might be unable to afford months of software engineering training for their sysadmins on an opex budget",
    "Sysadmins might not want to undergo training, or be rebadged as SREs",
    "Developers might not want to do on-call for their services, or be rebadged as SREs",
    "Delivery teams will find it hard to collaborate with an Operations SRE team on errors and incident management",
    "A Head of Operations might be unable to transfer an unreliable service back to the original Delivery team, if it was disbanded when its capex funding ended",
];

/// The conflicts "Aim for Operability, not SRE as a Cult" lists for "an IT
/// as a Cost Centre organisation with a bureaucratic or pathological
/// culture", each under the essay's condition; none in a generative one.
/// Availability levels, SLOs and error budgets concern every method (the
/// page sets all three whoever runs the service); the last group concerns
/// You Build It SRE Run It.
fn conflicts(culture: Culture, recommended: SupportMethod) -> Vec<ConflictGroup> {
    let pathological = match culture {
        Culture::Generative => return Vec::new(),
        Culture::Pathological => true,
        Culture::Bureaucratic => false,
    };
    let pick = |p: &'static str, b: &'static str| if pathological { p } else { b };
    let group =
        |topic, condition, culture_trait, method: Option<SupportMethod>, items| ConflictGroup {
            topic,
            condition,
            culture_trait,
            method,
            applies_to_recommended: method.is_none_or(|m| m == recommended),
            items,
        };
    vec![
        group(
            "availability levels",
            "if failure leads to scapegoating or justice",
            pick("failure leads to scapegoating", "failure leads to justice"),
            None,
            AVAILABILITY_CONFLICTS,
        ),
        group(
            "service level objectives",
            "if responsibilities are shirked or discouraged",
            pick(
                "responsibilities are shirked",
                "responsibilities are narrow",
            ),
            None,
            SLO_CONFLICTS,
        ),
        group(
            "error budgets",
            "if cooperation is modest or low",
            pick("cooperation is low", "cooperation is modest"),
            None,
            ERROR_BUDGET_CONFLICTS,
        ),
        group(
            "You Build It SRE Run It",
            "if bridging is merely tolerated or discouraged",
            pick("bridging is discouraged", "bridging is tolerated"),
            Some(SupportMethod::YouBuildItSreRunIt),
            SRE_CONFLICTS,
        ),
    ]
}

const AT_SCALE: &str = "\"You Build It Ops Run It at scale\": with 10+ delivery teams and applications \"the Application Operations workload will become intolerable\", and handoffs \"will delay availability restoration on failure\".";
const DOOMED: &str = "\"You Build It Ops Sometimes Run It\" is \"doomed to fail at scale\": \"there will be a drift to the Monitoring team taking over\" until \"all the disadvantages of You Build It Ops Run It At Scale are assured\".";
const SINGLE_SERVICE: &str = "For a single service: You Build It SRE Run It \"is only warranted when multiple services exist with critical user traffic\" (\"Aim for Operability, not SRE as a Cult\").";
const DIFFICULT_FIT: &str = "In IT as a Cost Centre: You Build It SRE Run It \"is a difficult fit for an IT as a Cost Centre organisation, and is not cost effective at all availability levels\" (\"Aim for Operability, not SRE as a Cult\").";

/// The essays' warnings that apply to `method` with `teams` delivery teams
/// in `organisation`.
fn method_warnings(method: SupportMethod, teams: u32, organisation: Organisation) -> Vec<String> {
    let mut w = Vec::new();
    match method {
        SupportMethod::YouBuildItOpsRunIt if teams >= 10 => w.push(AT_SCALE.to_string()),
        SupportMethod::YouBuildItOpsSometimesRunIt => w.push(DOOMED.to_string()),
        SupportMethod::YouBuildItSreRunIt => {
            if teams < 2 {
                w.push(SINGLE_SERVICE.to_string());
            }
            if organisation == Organisation::CostCentre {
                w.push(DIFFICULT_FIT.to_string());
            }
        }
        _ => {}
    }
    w
}

/// What the essays say each method does to deployment lead time.
fn lead_time(method: SupportMethod) -> &'static str {
    match method {
        SupportMethod::YouBuildItOpsRunIt => {
            "Longer: handoffs with Application Operations add \"hours or days\" to lead times (\"You Build It Ops Run It\")."
        }
        SupportMethod::YouBuildItYouRunIt => {
            "Shortest: \"It unlocks daily deployments, by eliminating handoffs between Delivery and Operations teams\" (\"Aim for Operability, not SRE as a Cult\")."
        }
        SupportMethod::YouBuildItSreRunIt => {
            "Short: \"Lead times are minimised as there are no handoffs to the SRE on-call team\" (\"You Build It SRE Run It\")."
        }
        SupportMethod::YouBuildItOpsSometimesRunIt => {
            "Not named in its essay; it inherits \"many of the disadvantages of You Build It Ops Run It\"."
        }
    }
}

/// The conditions the product adds to the essays' rules, each checked
/// against them.
fn product_conditions(deployments_per_week: f64) -> Vec<String> {
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

/// The sources of the comparison's defaults.
const SRC_OPS_HANDOFF: &str = "The product's assumption, at the low end of \"You Build It Ops Run It\": handoffs \"can increase incident resolution time by hours, days, or even weeks\".";
const SRC_SOMETIMES_HANDOFF: &str = "The product's assumption: Ops Run It's, as \"You Build It Ops Sometimes Run It\" inherits its \"Long time to restore\".";
const SRC_SRE_HANDOFF: &str = "\"You Build It SRE Run It\": \"no handoffs to the SRE on-call team\"; \"Incident response from the SRE on-call team is rapid and effective\".";
const SRC_YRI_HANDOFF: &str = "\"You Build It SRE Run It\": You Build It You Run It \"eliminates handoffs between developers and sysadmins\" (fixed, not an input).";
const SRC_STANDBY_RATE: &str = "The product's assumption; the essays: \"a flat standby rate and a per-incident callout rate\".";
const SRC_CALLOUT_RATE: &str = "The product's assumption.";
const SRC_STANDBY_HOURS: &str =
    "The product's assumption: the out-of-hours hours of a 365-day year.";
const SRC_ESCALATION: &str = "The product's assumption; the essays: the SRE team \"can escalate issues to the L2 Delivery teams\" \"when necessary\".";
const SRC_INVESTMENT: &str = "The product's assumption (about three weeks of an engineer a team); the essays give no figure.";
const SRC_FACTOR: &str = "\"Aim for Operability, not SRE as a Cult\": an SRE team's investment \"is an order of magnitude more than You Build It You Run It itself\"; 10 is the product's reading.";

/// Recommends a method for the target and the product demand
/// (`deployments_per_week`), and costs every method, on the default
/// story's service ([`ServiceModel::default`]).
///
/// ```
/// use nines_core::support::{evaluate, SupportInputs, SupportMethod};
/// use nines_core::target::TargetContext;
/// let r = evaluate(&SupportInputs::default(), &TargetContext::default(), 10.0);
/// assert_eq!(r.recommendation.method, SupportMethod::YouBuildItYouRunIt);
/// assert_eq!(r.on_call_costs.len(), 4);
/// assert_eq!(r.methods.len(), 4);
/// ```
pub fn evaluate(
    inputs: &SupportInputs,
    ctx: &TargetContext,
    deployments_per_week: f64,
) -> SupportReport {
    evaluate_in(
        inputs,
        ctx,
        deployments_per_week,
        Currency::default(),
        &ServiceModel::default(),
    )
}

/// [`evaluate`] for `service`, with every money figure written in
/// `currency`.
///
/// ```
/// use nines_core::support::{evaluate_in, ServiceModel, SupportInputs};
/// use nines_core::target::TargetContext;
/// let r = evaluate_in(&SupportInputs::default(), &TargetContext::default(), 10.0,
///     "EUR".parse().unwrap(), &ServiceModel::default());
/// assert!(r.display.recommended_on_call_cost.starts_with('€'));
/// ```
pub fn evaluate_in(
    inputs: &SupportInputs,
    ctx: &TargetContext,
    deployments_per_week: f64,
    currency: Currency,
    service: &ServiceModel,
) -> SupportReport {
    let mut ctx_notes = Vec::new();
    let ctx = ctx.sanitised(&mut ctx_notes);
    let target_nines = nines_of(ctx.unavailability);
    let mut oc = inputs.on_call.clone();
    let mut notes = Vec::new();
    // One team at least: this service's own. With 0 the lost revenue was
    // counted over one service and its incidents while the on-call pay,
    // callouts, investment and recommendation counted none (You Build It
    // You Run It at $0). Every figure now counts the one team, whose
    // callouts are this service's incidents (`teams ×` the service's rate).
    if oc.teams == 0 {
        oc.teams = 1;
        oc.incidents_per_year = service.incidents_per_year;
        notes.push(format!(
            "Delivery teams (0) is below 1: 1 team, this service's, is used instead, with \
             its {} incidents a year.",
            count(service.incidents_per_year.max(0.0), 2)
        ));
    }
    let mut recommendation = recommend(
        target_nines.unwrap_or(f64::INFINITY),
        deployments_per_week,
        inputs.criticality,
        oc.teams,
    );
    recommendation.notes.splice(0..0, ctx_notes);
    oc.incidents_per_year =
        clamp_non_negative("Incidents per year", oc.incidents_per_year, &mut notes);
    oc.standby_rate_per_hour =
        clamp_non_negative("Standby rate", oc.standby_rate_per_hour, &mut notes);
    oc.standby_hours_per_year =
        clamp_non_negative("Standby hours", oc.standby_hours_per_year, &mut notes);
    oc.callout_rate = clamp_non_negative("Callout rate", oc.callout_rate, &mut notes);
    oc.ops_handoff_delay_seconds = clamp_non_negative(
        "Ops Run It handoff delay",
        oc.ops_handoff_delay_seconds,
        &mut notes,
    );
    oc.ops_sometimes_handoff_delay_seconds = clamp_non_negative(
        "Ops Sometimes Run It handoff delay",
        oc.ops_sometimes_handoff_delay_seconds,
        &mut notes,
    );
    oc.sre_handoff_delay_seconds = clamp_non_negative(
        "SRE Run It handoff delay",
        oc.sre_handoff_delay_seconds,
        &mut notes,
    );
    let investment_per_team = clamp_non_negative(
        "Investment per team",
        inputs.investment_per_team_per_year,
        &mut notes,
    );
    let sre_factor = clamp_non_negative(
        "SRE investment factor",
        inputs.sre_investment_factor,
        &mut notes,
    );
    let incidents = clamp_non_negative(
        "Incidents per year (this service)",
        service.incidents_per_year,
        &mut notes,
    );
    let base_restore = clamp_non_negative(
        "Time to restore",
        service.time_to_restore_seconds,
        &mut notes,
    );
    let scope = fraction(service.scope);
    let revenue = clamp_non_negative("Revenue per year", service.revenue_per_year, &mut notes);
    let impact = fraction(service.impact_fraction);
    recommendation.notes.extend(notes);

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

    // Revenue insurance: each method's time to restore sets its downtime,
    // the budget it spends and the revenue it loses.
    let year = ctx.year_seconds;
    let budget = ctx.unavailability * year;
    let loss_per_second = if year > 0.0 {
        revenue * impact / year
    } else {
        0.0
    };
    let services = oc.teams.max(1);
    let teams = f64::from(oc.teams);
    let money = |x: f64| money_in(x, currency);
    let mut methods: Vec<MethodComparison> = on_call_costs
        .iter()
        .map(|c| {
            let handoff = c.time_to_restore_penalty_seconds;
            let restore = base_restore + handoff;
            let downtime = incidents * restore * scope;
            let consumed = (budget > 0.0).then(|| downtime / budget);
            let fits = downtime <= budget;
            let lost_here = downtime * loss_per_second;
            let lost = lost_here * f64::from(services);
            let investment = match c.method {
                SupportMethod::YouBuildItOpsRunIt => 0.0,
                SupportMethod::YouBuildItYouRunIt => investment_per_team * teams,
                SupportMethod::YouBuildItSreRunIt => sre_factor * investment_per_team * teams,
                SupportMethod::YouBuildItOpsSometimesRunIt => {
                    investment_per_team * f64::from(oc.ops_sometimes_delivery_teams.min(oc.teams))
                }
            };
            let total = c.total_cost_per_year + investment + lost;
            let fits_display = match consumed {
                Some(f) => [
                    if fits { "yes: " } else { "no: " },
                    &format_fraction_percent(f),
                    " of the budget",
                ]
                .concat(),
                None if fits => "yes: no downtime".to_string(),
                None => "no: a 100% target allows no downtime".to_string(),
            };
            let mut split = [
                "OpEx ",
                &money(c.opex_cost_per_year),
                ", CapEx ",
                &money(c.capex_cost_per_year),
            ]
            .concat();
            if !c.unpaid.is_empty() {
                split.push_str("; unpaid: ");
                split.push_str(c.unpaid);
            }
            MethodComparison {
                method: c.method,
                method_name: c.method.name(),
                handoff_delay_seconds: handoff,
                time_to_restore_seconds: restore,
                expected_downtime_per_year_seconds: downtime,
                budget_consumed: consumed,
                fits_budget: fits,
                revenue_lost_per_service_per_year: lost_here,
                revenue_lost_per_year: lost,
                on_call_cost_per_year: c.total_cost_per_year,
                on_call_opex_per_year: c.opex_cost_per_year,
                on_call_capex_per_year: c.capex_cost_per_year,
                investment_per_year: investment,
                total_cost_per_year: total,
                recommended: c.method == recommendation.method,
                cheapest_fitting: false,
                lead_time: lead_time(c.method),
                warnings: method_warnings(c.method, oc.teams, inputs.organisation),
                display: MethodDisplay {
                    handoff_delay: format_duration(handoff),
                    time_to_restore: format_duration(restore),
                    expected_downtime: format_duration(downtime),
                    fits_budget: fits_display,
                    revenue_lost: money(lost),
                    revenue_lost_per_service: money(lost_here),
                    on_call_cost: money(c.total_cost_per_year),
                    on_call_split: split,
                    investment: money(investment),
                    total_cost: money(total),
                },
            }
        })
        .collect();
    let cheapest_of = |fitting: bool| {
        methods
            .iter()
            .filter(|m| !fitting || m.fits_budget)
            .min_by(|a, b| a.total_cost_per_year.total_cmp(&b.total_cost_per_year))
            .map(|m| m.method)
    };
    let cheapest_fitting = cheapest_of(true);
    let cheapest = cheapest_of(false);
    for m in &mut methods {
        m.cheapest_fitting = Some(m.method) == cheapest_fitting;
    }
    let row = |method: SupportMethod| methods.iter().find(|m| m.method == method);
    let budget_text = format_duration(budget);
    let cheapest_fitting_display = match cheapest_fitting.and_then(row) {
        Some(m) => {
            let mut out = [
                m.method_name,
                ": ",
                &m.display.total_cost,
                " a year in all, the cheapest method whose downtime fits the budget",
            ]
            .concat();
            if let Some(c) = cheapest
                .filter(|c| Some(*c) != cheapest_fitting)
                .and_then(row)
            {
                out.push_str(&format!(
                    " ({} costs less, {}, but its {} of downtime a year is over the {} budget)",
                    c.method_name, c.display.total_cost, c.display.expected_downtime, budget_text
                ));
            }
            out.push('.');
            out
        }
        None => format!(
            "No method fits the budget of {budget_text} a year: the incidents alone spend more (the incident model in Incidents and delivery)."
        ),
    };
    let revenue_insurance = match (
        row(SupportMethod::YouBuildItOpsRunIt),
        row(SupportMethod::YouBuildItYouRunIt),
    ) {
        (Some(ops), Some(yri)) => {
            let saving = yri.on_call_cost_per_year - ops.on_call_cost_per_year;
            let pay = if saving >= 0.0 {
                ["saves ", &money(saving), " of on-call pay a year"].concat()
            } else {
                ["costs ", &money(-saving), " more on-call pay a year"].concat()
            };
            let extra_down =
                ops.expected_downtime_per_year_seconds - yri.expected_downtime_per_year_seconds;
            format!(
                "Against You Build It You Run It, You Build It Ops Run It {pay}, but its {} handoff adds {} of downtime a year to this service: {} more lost revenue, {} across {} if each earns as much.",
                ops.display.handoff_delay,
                format_duration(extra_down),
                money(
                    ops.revenue_lost_per_service_per_year - yri.revenue_lost_per_service_per_year
                ),
                money(ops.revenue_lost_per_year - yri.revenue_lost_per_year),
                teams_services(services),
            )
        }
        _ => String::new(),
    };
    let days = year / DAY_SECONDS;
    let revenue_per_day = if days > 0.0 { revenue / days } else { 0.0 };
    let suggested = suggest_criticality(revenue_per_day);
    let mut suggested_display = format!(
        "{}: {} of revenue a day ({} a year over {} days)",
        criticality_name(suggested),
        money(revenue_per_day),
        money(revenue),
        shortest(days)
    );
    suggested_display.push_str(match suggested {
        TrafficCriticality::Critical => "; the essays: \"tens of millions in product revenues each day\" make reliability needs \"extreme\".",
        TrafficCriticality::Normal => "; critical from 10 million a day (the essays' \"tens of millions\"), low below 1,000 (the product's threshold).",
        TrafficCriticality::Low => "; below 1,000 a day (the product's threshold).",
    });
    if suggested != inputs.criticality {
        suggested_display.push_str(&format!(
            " The chosen criticality, {}, differs.",
            criticality_name(inputs.criticality)
        ));
    }
    let organisation_display = [
        match inputs.organisation {
            Organisation::CostCentre => "IT as a Cost Centre: \"A Delivery team will be budgeted under Capital Expenditure (CapEx), whereas Operations teams will be under Operational Expenditure (OpEx)\"; You Build It SRE Run It \"is a difficult fit\".",
            Organisation::BusinessDifferentiator => "IT as a Business Differentiator: \"an SRE on-call team is a product team like any other development team\" (\"You Build It SRE Run It\").",
        },
        " ",
        match inputs.culture {
            Culture::Generative => "A generative culture (Westrum): the essays expect none of their conflicts (\"the Google culture can be described as generative\").",
            Culture::Bureaucratic => "A bureaucratic culture (Westrum): expect the conflicts below (\"fundamental challenges with applying SRE to an IT as a Cost Centre organisation with a bureaucratic or pathological culture\").",
            Culture::Pathological => "A pathological culture (Westrum): expect the conflicts below (\"fundamental challenges with applying SRE to an IT as a Cost Centre organisation with a bureaucratic or pathological culture\").",
        },
    ]
    .concat();
    let warnings = methods
        .iter()
        .flat_map(|m| {
            m.warnings
                .iter()
                .map(move |w| [m.method_name, ": ", w].concat())
        })
        .collect();
    let duration_default = |x: f64, d: f64| (format_duration(x), format_duration(d));
    let d = SupportInputs::default();
    let assumption = |input, (value, default): (String, String), source, product| Assumption {
        input,
        value,
        default,
        source,
        product,
    };
    let assumptions = vec![
        assumption(
            "Ops Run It handoff delay",
            duration_default(
                oc.ops_handoff_delay_seconds,
                d.on_call.ops_handoff_delay_seconds,
            ),
            SRC_OPS_HANDOFF,
            true,
        ),
        assumption(
            "Ops Sometimes Run It handoff delay",
            duration_default(
                oc.ops_sometimes_handoff_delay_seconds,
                d.on_call.ops_sometimes_handoff_delay_seconds,
            ),
            SRC_SOMETIMES_HANDOFF,
            true,
        ),
        assumption(
            "SRE Run It handoff delay",
            duration_default(
                oc.sre_handoff_delay_seconds,
                d.on_call.sre_handoff_delay_seconds,
            ),
            SRC_SRE_HANDOFF,
            false,
        ),
        assumption(
            "You Run It handoff delay",
            duration_default(0.0, 0.0),
            SRC_YRI_HANDOFF,
            false,
        ),
        assumption(
            "Standby pay per hour",
            (
                money(oc.standby_rate_per_hour),
                money(d.on_call.standby_rate_per_hour),
            ),
            SRC_STANDBY_RATE,
            true,
        ),
        assumption(
            "Pay per callout",
            (money(oc.callout_rate), money(d.on_call.callout_rate)),
            SRC_CALLOUT_RATE,
            true,
        ),
        assumption(
            "Standby hours a person a year",
            (
                count(oc.standby_hours_per_year, 2),
                count(d.on_call.standby_hours_per_year, 2),
            ),
            SRC_STANDBY_HOURS,
            true,
        ),
        assumption(
            "SRE incidents escalated to the delivery team",
            (
                format_fraction_percent(fraction(oc.sre_escalation_fraction)),
                format_fraction_percent(d.on_call.sre_escalation_fraction),
            ),
            SRC_ESCALATION,
            true,
        ),
        assumption(
            "You Run It investment per team a year",
            (
                money(investment_per_team),
                money(d.investment_per_team_per_year),
            ),
            SRC_INVESTMENT,
            true,
        ),
        assumption(
            "SRE Run It investment, times You Run It's",
            (count(sre_factor, 2), count(d.sre_investment_factor, 2)),
            SRC_FACTOR,
            false,
        ),
    ];
    SupportReport {
        target_nines,
        recommended_on_call_cost_per_year,
        deployments_per_week,
        currency,
        budget_per_year_seconds: budget,
        loss_per_hour: loss_per_second * 3_600.0,
        services,
        cheapest_fitting,
        revenue_per_day,
        suggested_criticality: suggested,
        organisation: inputs.organisation,
        culture: inputs.culture,
        conflicts: conflicts(inputs.culture, recommendation.method),
        warnings,
        product_conditions: product_conditions(deployments_per_week),
        assumptions,
        display: SupportDisplay {
            deployments_per_week: self::deployments_per_week(deployments_per_week),
            recommended_on_call_cost: money(recommended_on_call_cost_per_year),
            standby_hours: standby_hours_display(oc.standby_hours_per_year),
            callouts: format!(
                "{} incidents a year across {}",
                count(oc.incidents_per_year, 2),
                teams_services(oc.teams)
            ),
            budget_per_year: format!(
                "{budget_text} a year at {} (the target's unavailability × a {}-day year, 24/7 as the incident model counts)",
                availability(ctx.unavailability),
                shortest(days)
            ),
            loss_per_hour: format!(
                "{} an hour of full outage (revenue × {} lost while down ÷ {} hours a year)",
                money(loss_per_second * 3_600.0),
                format_fraction_percent(impact),
                count(year / 3_600.0, 2)
            ),
            basis: format!(
                "Each method: {} incidents a year × (the incident model's {} to restore + the method's handoff delay) × {} of users; revenue lost across {}, each earning as much as this one; total = on-call pay + team investment + lost revenue.",
                count(incidents, 2),
                format_duration(base_restore),
                format_fraction_percent(scope),
                teams_services(services)
            ),
            cheapest_fitting: cheapest_fitting_display,
            revenue_insurance,
            revenue_per_day: [money(revenue_per_day).as_str(), " a day"].concat(),
            suggested_criticality: suggested_display,
            organisation: organisation_display,
        },
        recommendation,
        on_call_costs,
        methods,
    }
}

/// A fraction clamped into `0..=1`; not a number: 0.
fn fraction(x: f64) -> f64 {
    if x.is_nan() { 0.0 } else { x.clamp(0.0, 1.0) }
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
                ops_sometimes_handoff_delay_seconds: -1.0,
                sre_handoff_delay_seconds: f64::INFINITY,
                sre_escalation_fraction: f64::INFINITY,
                ops_sometimes_delivery_teams: u32::MAX,
            },
            investment_per_team_per_year: f64::MAX,
            sre_investment_factor: f64::NAN,
            ..SupportInputs::default()
        };
        let r = evaluate(&inputs, &TargetContext::default(), f64::INFINITY);
        assert!(
            r.on_call_costs
                .iter()
                .all(|c| c.total_cost_per_year.is_finite())
        );
        assert!(r.methods.iter().all(|m| m.total_cost_per_year.is_finite()
            && m.expected_downtime_per_year_seconds.is_finite()));
        assert!(!r.recommendation.notes.is_empty());
    }

    /// The row of `method`.
    fn row(r: &SupportReport, method: SupportMethod) -> &MethodComparison {
        r.methods.iter().find(|m| m.method == method).unwrap()
    }

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    /// Issue 16's worked comparison on the default story, by hand.
    ///
    /// Budget: 0.05% of a 365.2425-day year = 0.0005 × 31,556,952 s =
    /// 15,778.476 s = 4h 22m 58s ("4h 23m").
    /// Loss: $20M × 80% ÷ 31,556,952 s = $0.507020 a second = $1,825.27 an
    /// hour of full outage.
    /// You Run It: 6 incidents × (5m + 30m = 2,100 s) × 50% = 6,300 s
    /// (1h 45m), 39.93% of the budget: fits. Lost: 6,300 × 0.507020 =
    /// $3,194.22 here, × 3 teams' services = $9,582.67.
    /// Ops Run It: 6 × (2,100 + 7,200 = 9,300 s, 2h 35m) × 50% = 27,900 s
    /// (7h 45m), 176.82% of the budget: does not fit. Lost: 27,900 ×
    /// 0.507020 = $14,145.85 here, $42,437.56 across 3.
    /// Extra lost revenue: $10,951.63 here ("about $11k"), $32,854.88
    /// across the 3 teams ("about $33k"), against the on-call saving of
    /// $102,900 − $72,200 = $30,700 ("$30.7k").
    #[test]
    fn revenue_insurance_of_the_default_story() {
        let r = evaluate(&SupportInputs::default(), &TargetContext::default(), 10.0);
        assert!(close(r.budget_per_year_seconds, 15_778.476, 1e-6));
        assert!(
            r.display
                .budget_per_year
                .starts_with("4h 22m 58s a year at 99.95%")
        );
        assert!(close(r.loss_per_hour, 1_825.271_338, 1e-5));
        assert!(r.display.loss_per_hour.starts_with("$1,825 an hour"));

        let yri = row(&r, SupportMethod::YouBuildItYouRunIt);
        assert_eq!(yri.time_to_restore_seconds, 2_100.0);
        assert_eq!(yri.expected_downtime_per_year_seconds, 6_300.0);
        assert_eq!(yri.display.expected_downtime, "1h 45m");
        assert!(yri.fits_budget);
        assert_eq!(yri.display.fits_budget, "yes: 39.93% of the budget");
        assert!(close(
            yri.revenue_lost_per_service_per_year,
            3_194.224_841,
            1e-5
        ));
        assert!(close(yri.revenue_lost_per_year, 9_582.674_524, 1e-5));

        let ops = row(&r, SupportMethod::YouBuildItOpsRunIt);
        assert_eq!(ops.handoff_delay_seconds, 7_200.0);
        assert_eq!(ops.display.time_to_restore, "2h 35m");
        assert_eq!(ops.expected_downtime_per_year_seconds, 27_900.0);
        assert_eq!(ops.display.expected_downtime, "7h 45m");
        assert!(!ops.fits_budget);
        assert_eq!(ops.display.fits_budget, "no: 176.82% of the budget");
        assert!(close(
            ops.revenue_lost_per_service_per_year,
            14_145.852_869,
            1e-5
        ));
        assert!(close(ops.revenue_lost_per_year, 42_437.558_608, 1e-5));
        // The issue's comparison: the extra lost revenue outweighs the saving.
        let extra_here =
            ops.revenue_lost_per_service_per_year - yri.revenue_lost_per_service_per_year;
        let extra = ops.revenue_lost_per_year - yri.revenue_lost_per_year;
        let saving = yri.on_call_cost_per_year - ops.on_call_cost_per_year;
        assert!(close(extra_here, 10_951.628, 1e-3));
        assert!(close(extra, 32_854.884, 1e-3));
        assert_eq!(saving, 30_700.0);
        assert!(extra > saving);
        assert_eq!(
            r.display.revenue_insurance,
            "Against You Build It You Run It, You Build It Ops Run It saves $30,700 of on-call pay \
             a year, but its 2h handoff adds 6h of downtime a year to this service: $10,952 more \
             lost revenue, $32,855 across the 3 teams' services if each earns as much."
        );
    }

    /// On-call split, investment and totals of the default story, by hand.
    ///
    /// Standby is $5 × 6,680 h = $33,400 a person; callouts $150 each on
    /// 18 incidents. Investment: $10,000 a team.
    /// * Ops Run It: OpEx 2 × $33,400 + 36 × $150 = $72,200; investment $0;
    ///   total $72,200 + $0 + $42,437.56 = $114,637.56.
    /// * You Run It: CapEx 3 × $33,400 + 18 × $150 = $102,900; investment
    ///   3 × $10,000 = $30,000; total $142,482.67.
    /// * SRE Run It: CapEx 4 × $33,400 + 18 × 1.5 × $150 = $137,650;
    ///   investment 10 × $30,000 = $300,000; total $447,232.67.
    /// * Ops Sometimes Run It: OpEx $33,400 + 18 × $150 = $36,100, CapEx
    ///   $33,400 (one team); investment $10,000; total $69,500 + $10,000 +
    ///   $42,437.56 = $121,937.56.
    ///
    /// The cheapest is Ops Run It, but its downtime is over the budget: the
    /// cheapest that fits is You Run It.
    #[test]
    fn totals_of_the_default_story() {
        let r = evaluate(&SupportInputs::default(), &TargetContext::default(), 10.0);
        let expect = [
            (
                SupportMethod::YouBuildItOpsRunIt,
                72_200.0,
                0.0,
                0.0,
                114_637.558_608,
            ),
            (
                SupportMethod::YouBuildItYouRunIt,
                0.0,
                102_900.0,
                30_000.0,
                142_482.674_524,
            ),
            (
                SupportMethod::YouBuildItSreRunIt,
                0.0,
                137_650.0,
                300_000.0,
                447_232.674_524,
            ),
            (
                SupportMethod::YouBuildItOpsSometimesRunIt,
                36_100.0,
                33_400.0,
                10_000.0,
                121_937.558_608,
            ),
        ];
        for (m, opex, capex, investment, total) in expect {
            let c = row(&r, m);
            assert_eq!(c.on_call_opex_per_year, opex, "{m:?}");
            assert_eq!(c.on_call_capex_per_year, capex, "{m:?}");
            assert_eq!(c.on_call_cost_per_year, opex + capex, "{m:?}");
            assert_eq!(c.investment_per_year, investment, "{m:?}");
            assert!(
                close(c.total_cost_per_year, total, 1e-5),
                "{m:?} {}",
                c.total_cost_per_year
            );
        }
        assert_eq!(r.cheapest_fitting, Some(SupportMethod::YouBuildItYouRunIt));
        assert!(row(&r, SupportMethod::YouBuildItYouRunIt).cheapest_fitting);
        assert_eq!(
            r.display.cheapest_fitting,
            "You Build It You Run It: $142,483 a year in all, the cheapest method whose downtime \
             fits the budget (You Build It Ops Run It costs less, $114,638, but its 7h 45m of \
             downtime a year is over the 4h 22m 58s budget)."
        );
        assert_eq!(
            row(&r, SupportMethod::YouBuildItOpsRunIt)
                .display
                .on_call_split,
            "OpEx $72,200, CapEx $0; unpaid: the delivery team (L3, best endeavours)"
        );
    }

    /// Moving the inputs moves the figures as the arithmetic says.
    #[test]
    fn inputs_move_the_comparison() {
        let ctx = TargetContext::default();
        // A 1-hour Ops Run It handoff: 6 × (2,100 + 3,600) × 50% = 17,100 s
        // (4h 45m), still over the 15,778 s budget.
        let mut inputs = SupportInputs::default();
        inputs.on_call.ops_handoff_delay_seconds = 3_600.0;
        let r = evaluate(&inputs, &ctx, 10.0);
        let ops = row(&r, SupportMethod::YouBuildItOpsRunIt);
        assert_eq!(ops.expected_downtime_per_year_seconds, 17_100.0);
        assert!(!ops.fits_budget);
        // 30 minutes: 6 × 3,900 × 50% = 11,700 s (3h 15m): fits, and at
        // $114,637.56 − (27,900 − 11,700) × 3 × $0.507020 = $89,996.40 Ops
        // Run It is now the cheapest that fits.
        inputs.on_call.ops_handoff_delay_seconds = 1_800.0;
        let r = evaluate(&inputs, &ctx, 10.0);
        let ops = row(&r, SupportMethod::YouBuildItOpsRunIt);
        assert_eq!(ops.expected_downtime_per_year_seconds, 11_700.0);
        assert!(ops.fits_budget);
        assert!(close(ops.total_cost_per_year, 89_996.395_547, 1e-4));
        assert_eq!(r.cheapest_fitting, Some(SupportMethod::YouBuildItOpsRunIt));
        // At 99.99% the budget is 3,155.7 s a year (52m 36s): nothing fits 6,300 s.
        let strict = TargetContext {
            unavailability: 1e-4,
            ..ctx
        };
        let r = evaluate(&SupportInputs::default(), &strict, 10.0);
        assert_eq!(r.cheapest_fitting, None);
        assert!(
            r.display
                .cheapest_fitting
                .starts_with("No method fits the budget of 52m 36s")
        );
        // Twice the revenue, twice the lost revenue: You Run It loses
        // 2 × $9,582.67 = $19,165.35.
        let service = ServiceModel {
            revenue_per_year: 40e6,
            ..ServiceModel::default()
        };
        let r = evaluate_in(
            &SupportInputs::default(),
            &ctx,
            10.0,
            Currency::default(),
            &service,
        );
        assert!(close(
            row(&r, SupportMethod::YouBuildItYouRunIt).revenue_lost_per_year,
            19_165.349_049,
            1e-5
        ));
        // 12 incidents: twice the downtime, 12,600 s, still within budget.
        let service = ServiceModel {
            incidents_per_year: 12.0,
            ..ServiceModel::default()
        };
        let r = evaluate_in(
            &SupportInputs::default(),
            &ctx,
            10.0,
            Currency::default(),
            &service,
        );
        assert_eq!(
            row(&r, SupportMethod::YouBuildItYouRunIt).expected_downtime_per_year_seconds,
            12_600.0
        );
        // Money in pounds: the same figures, labelled.
        let r = evaluate_in(
            &SupportInputs::default(),
            &ctx,
            10.0,
            "GBP".parse().unwrap(),
            &ServiceModel::default(),
        );
        assert_eq!(
            row(&r, SupportMethod::YouBuildItYouRunIt)
                .display
                .total_cost,
            "£142,483"
        );
    }

    #[test]
    fn criticality_organisation_culture_and_warnings() {
        let ctx = TargetContext::default();
        // $20M over 365.2425 days = $54,758 a day: normal.
        let r = evaluate(&SupportInputs::default(), &ctx, 10.0);
        assert_eq!(r.suggested_criticality, TrafficCriticality::Normal);
        assert_eq!(r.display.revenue_per_day, "$54,758 a day");

        // $5B a year = $13.7M a day: "tens of millions" territory.
        let service = ServiceModel {
            revenue_per_year: 5e9,
            ..ServiceModel::default()
        };
        let r = evaluate_in(
            &SupportInputs::default(),
            &ctx,
            10.0,
            Currency::default(),
            &service,
        );
        assert_eq!(r.suggested_criticality, TrafficCriticality::Critical);
        assert!(r.display.suggested_criticality.contains("differs"));
        // A bureaucratic cost centre (the defaults): four groups of
        // conflicts, the SRE one not for the recommended You Run It.
        let r = evaluate(&SupportInputs::default(), &ctx, 10.0);
        assert_eq!(r.conflicts.len(), 4);
        assert_eq!(r.conflicts[0].culture_trait, "failure leads to justice");
        assert!(!r.conflicts[3].applies_to_recommended);
        assert!(r.conflicts[..3].iter().all(|c| c.applies_to_recommended));
        // Ops Sometimes Run It is always doomed; SRE Run It is a difficult fit
        // for a cost centre.
        assert!(
            r.warnings
                .iter()
                .any(|w| w.contains("doomed to fail at scale"))
        );
        assert!(r.warnings.iter().any(|w| w.contains("difficult fit")));
        assert!(
            !r.warnings
                .iter()
                .any(|w| w.contains("at scale\": with 10+"))
        );
        // Generative and a business differentiator: no conflicts, no
        // difficult fit; 12 teams: Ops Run It at scale; 1 team: SRE Run It
        // for a single service.
        let mut inputs = SupportInputs {
            culture: Culture::Generative,
            organisation: Organisation::BusinessDifferentiator,
            ..SupportInputs::default()
        };
        inputs.on_call.teams = 12;
        let r = evaluate(&inputs, &ctx, 10.0);
        assert!(r.conflicts.is_empty());
        assert!(!r.warnings.iter().any(|w| w.contains("difficult fit")));
        assert!(
            row(&r, SupportMethod::YouBuildItOpsRunIt).warnings[0].contains("10+ delivery teams")
        );
        inputs.on_call.teams = 1;
        let r = evaluate(&inputs, &ctx, 10.0);
        assert!(row(&r, SupportMethod::YouBuildItSreRunIt).warnings[0].contains("single service"));
        // Pathological: scapegoating.
        inputs.culture = Culture::Pathological;
        assert_eq!(
            evaluate(&inputs, &ctx, 10.0).conflicts[0].culture_trait,
            "failure leads to scapegoating"
        );
        // Exactly weekly: the product's condition is flagged as deciding.
        let r = evaluate(&SupportInputs::default(), &ctx, 1.0);
        assert!(r.product_conditions[1].contains("It matters here"));
        assert!(r.assumptions.iter().all(|a| !a.source.is_empty()));
    }

    /// A 100% target has no budget: a method fits only with no downtime.
    #[test]
    fn hundred_percent_has_no_budget() {
        let ctx = TargetContext {
            unavailability: 0.0,
            ..TargetContext::default()
        };
        let r = evaluate(&SupportInputs::default(), &ctx, 10.0);
        assert_eq!(r.budget_per_year_seconds, 0.0);
        assert!(
            r.methods
                .iter()
                .all(|m| !m.fits_budget && m.budget_consumed.is_none())
        );
        assert_eq!(
            r.methods[1].display.fits_budget,
            "no: a 100% target allows no downtime"
        );
    }
}
