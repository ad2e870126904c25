//! On-call: the rota each method pays for, from the essays, and what it
//! costs a year in standby and callout pay, split between Operations' OpEx
//! and Delivery's CapEx.

use super::SupportMethod;
use crate::digits::shortest;
use crate::display::count;
use crate::target::clamp_non_negative;
use serde::{Deserialize, Serialize};

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
/// team investment of [`MethodComparison`](super::MethodComparison).
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
    /// like this one, so the incidents are entered once, in the incident
    /// model, and every section counts the same ones): not an input of its
    /// own there, and not in links.
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
    let incidents = clamp_non_negative("Incidents", inputs.incidents_per_year, &mut ignored);
    let rate = clamp_non_negative("Standby rate", inputs.standby_rate_per_hour, &mut ignored);
    let hours = clamp_non_negative("Standby hours", inputs.standby_hours_per_year, &mut ignored)
        .min(8784.0);
    let callout = clamp_non_negative("Callout rate", inputs.callout_rate, &mut ignored);
    let r = rota(method, inputs);
    let people = r.opex_people + r.capex_people;
    let callouts_per_incident = r.opex_callouts + r.capex_callouts;
    let standby = people * rate * hours;
    let paid_callouts = incidents * callouts_per_incident;
    let callout_cost = paid_callouts * callout;
    let opex = r.opex_people * rate * hours + incidents * r.opex_callouts * callout;
    let capex = r.capex_people * rate * hours + incidents * r.capex_callouts * callout;
    OnCallCost {
        method,
        method_name: method.name(),
        structure: r.structure,
        paid_people_on_rota: people,
        standby_cost_per_year: standby,
        paid_callouts_per_year: paid_callouts,
        callout_cost_per_year: callout_cost,
        total_cost_per_year: standby + callout_cost,
        opex_cost_per_year: opex,
        capex_cost_per_year: capex,
        unpaid: r.unpaid,
        time_to_restore_penalty_seconds: r.penalty,
    }
}

/// Who a method puts on call and pays. An SRE team "in Delivery will be
/// funded by a capex Delivery budget", in Operations by OpEx: the product
/// assumes Delivery.
struct Rota {
    /// People on standby paid from OpEx.
    opex_people: f64,
    /// People on standby paid from CapEx.
    capex_people: f64,
    /// OpEx callouts an incident.
    opex_callouts: f64,
    /// CapEx callouts an incident.
    capex_callouts: f64,
    /// Added to time to restore, seconds.
    penalty: f64,
    /// Who is on call unpaid.
    unpaid: &'static str,
    /// Who is on call, in words.
    structure: String,
}

/// The on-call cost's first step: the rota of `method`.
fn rota(method: SupportMethod, inputs: &OnCallInputs) -> Rota {
    let teams = f64::from(inputs.teams);
    let delay = |x: f64| clamp_non_negative("Handoff delay", x, &mut Vec::new());
    let escalation = {
        let e = inputs.sre_escalation_fraction;
        if e.is_nan() { 0.0 } else { e.clamp(0.0, 1.0) }
    };
    let sometimes_teams = f64::from(inputs.ops_sometimes_delivery_teams.min(inputs.teams));
    // Each method's rota, in the order of `Rota`'s fields.
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
    Rota {
        opex_people,
        capex_people,
        opex_callouts,
        capex_callouts,
        penalty,
        unpaid,
        structure,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ops_run_it_costs_and_penalty() {
        let c = on_call_cost(SupportMethod::YouBuildItOpsRunIt, &OnCallInputs::default());
        // 2 × 5 × 6680 + 18 × 2 × 150.
        assert_eq!(c.total_cost_per_year, 66_800.0 + 5_400.0);
        assert_eq!(c.time_to_restore_penalty_seconds, 7200.0);
    }
}
