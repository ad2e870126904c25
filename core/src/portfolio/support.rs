//! Who runs the estate: the "Who Runs It" rules applied across the
//! portfolio's services rather than to one service at a time.
//!
//! * **SRE Run It's "multiple services" condition, across the estate.** "It
//!   is only warranted when multiple services exist with critical user
//!   traffic, and at an availability level of four nines or more" ("Aim for
//!   Operability, not SRE as a Cult"). A single scenario has to be told how
//!   many services the organisation runs; the estate counts them: the
//!   services whose traffic is critical and whose target is four nines or
//!   more. Each service's method is the single service's recommendation
//!   ([`crate::support::recommend`]) with that count as its services.
//! * **One rota a method.** The services recommended the same method are
//!   that method's teams, costed as the single service costs `teams` of
//!   them ([`crate::support::on_call_cost`]): a You Build It You Run It
//!   engineer for each service (a rota each), one Ops Bridge and one
//!   Application Operations person for all Ops Run It services, one SRE
//!   for all the SRE Run It services plus their delivery teams at L2. The
//!   callouts are every service's own incidents. The rates are the first
//!   such service's (in the portfolio's order); a service's share is its
//!   method's cost (on-call and investment) split evenly.
//! * **One rota or several.** Beside a rota each, the You Build It You Run
//!   It services' cost on one shared rota: one engineer on standby for all
//!   of them, the same callouts.
//! * **The investment** of each method as the single service counts it
//!   ([`crate::support::team_investment`]) for its teams: an SRE team's is
//!   shared by the services it runs.
//! * **The at-scale warnings** of each method for its number of services
//!   ([`crate::support::method_warnings`]: Ops Run It at 10 or more, SRE
//!   Run It for a single service or in IT as a Cost Centre).
//!
//! Revenue insurance, as for one service: on-call pay + investment + the
//! revenue each service's expected downtime loses, totalled over the
//! estate.

use serde::Serialize;

use super::Portfolio;
use crate::amount::Currency;
use crate::display::money_short_in;
use crate::scenario::{Report, Scenario};
use crate::support::{
    OnCallInputs, Recommendation, SupportMethod, TrafficCriticality, method_warnings, on_call_cost,
    recommend, team_investment,
};

/// One service's part in the estate's support.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct ServiceSupport {
    /// The service.
    pub service: String,
    /// The method recommended for it within the estate.
    pub method: SupportMethod,
    /// Its name in the essays.
    pub method_name: &'static str,
    /// The rule that chose it, quoted.
    pub reason: String,
    /// Its share of its method's on-call cost a year.
    pub on_call_per_year: f64,
    /// Revenue its expected downtime loses a year.
    pub lost_revenue_per_year: f64,
    /// Its share of its method's investment a year.
    pub investment_per_year: f64,
    /// On-call + investment + revenue lost, its revenue insurance a year.
    pub total_per_year: f64,
}

/// The services of one method, as one rota.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct MethodGroup {
    /// The method.
    pub method: SupportMethod,
    /// Its name in the essays.
    pub method_name: &'static str,
    /// Its services, in the portfolio's order.
    pub services: Vec<String>,
    /// Who is on call, in words.
    pub structure: String,
    /// On-call pay a year (standby and callouts).
    pub on_call_per_year: f64,
    /// Team investment a year beyond on-call pay.
    pub investment_per_year: f64,
    /// The essays' warnings for this method with this many services.
    pub warnings: Vec<String>,
}

/// Who runs the estate, and what it costs as revenue insurance.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct EstateSupport {
    /// Each service, in the portfolio's order.
    pub services: Vec<ServiceSupport>,
    /// Each method recommended, in the essays' order.
    pub groups: Vec<MethodGroup>,
    /// The services with critical traffic at four nines or more.
    pub sre_candidates: Vec<String>,
    /// Whether SRE Run It's condition holds across the estate, in words.
    pub sre_condition: String,
    /// The You Build It You Run It services' on-call pay a year with a rota
    /// each, and on one shared rota (`None` without such services).
    pub rotas: Option<(f64, f64)>,
    /// On-call pay + investment + revenue lost, a year, over the estate;
    /// `None` when the services price in different currencies.
    pub total_per_year: Option<f64>,
    /// The same, for people.
    pub display: EstateSupportDisplay,
}

/// The estate's support figures, written for people.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct EstateSupportDisplay {
    /// Each group's on-call pay and investment, in its order.
    pub groups: Vec<(String, String)>,
    /// A rota each against one shared rota (`—` without such services).
    pub rotas: (String, String),
    /// On-call pay, investment and revenue lost over the estate, then the
    /// total (`—` when the currencies differ).
    pub on_call: String,
    /// Investment over the estate.
    pub investment: String,
    /// Revenue lost over the estate.
    pub lost_revenue: String,
    /// The total.
    pub total: String,
    /// Why there is no total, if there is none.
    pub currency_note: Option<String>,
    /// A rota each against one shared rota, in a sentence (`None` without
    /// You Build It You Run It services).
    pub rotas_line: Option<String>,
    /// The estate's revenue insurance in a sentence.
    pub insurance_line: String,
}

/// The estate's support, from each service's scenario and report in the
/// portfolio's order.
pub(super) fn estate_support(p: &Portfolio, evaluated: &[(Scenario, Report)]) -> EstateSupport {
    let (sre_candidates, recommended) = recommendations(p, evaluated);
    let groups: Vec<(MethodGroup, Vec<usize>)> = SupportMethod::ALL
        .iter()
        .filter_map(|&method| {
            let members: Vec<usize> = (0..evaluated.len())
                .filter(|&i| recommended[i].method == method)
                .collect();
            let first = &evaluated[*members.first()?].0;
            Some((group(p, evaluated, method, first, &members), members))
        })
        .collect();
    let mut services: Vec<ServiceSupport> = p
        .services
        .iter()
        .zip(evaluated)
        .zip(recommended)
        .map(|((service, (_, r)), rec)| ServiceSupport {
            service: service.name.clone(),
            method: rec.method,
            method_name: rec.method_name,
            reason: rec.reason,
            on_call_per_year: 0.0,
            lost_revenue_per_year: lost_revenue(r),
            investment_per_year: 0.0,
            total_per_year: 0.0,
        })
        .collect();
    for (g, members) in &groups {
        for &i in members {
            let share = |x: f64| x / members.len() as f64;
            let s = &mut services[i];
            s.on_call_per_year = share(g.on_call_per_year);
            s.investment_per_year = share(g.investment_per_year);
            s.total_per_year = s.on_call_per_year + s.investment_per_year + s.lost_revenue_per_year;
        }
    }
    let rotas = groups
        .iter()
        .find(|(g, _)| g.method == SupportMethod::YouBuildItYouRunIt)
        .map(|(g, members)| {
            let first = &evaluated[members[0]].0;
            let shared = on_call_cost(g.method, &rota_inputs(first, evaluated, members, 1));
            (g.on_call_per_year, shared.total_cost_per_year)
        });
    let currency = evaluated
        .first()
        .map(|(s, _)| s.currency)
        .unwrap_or_default();
    let one_currency = evaluated.iter().all(|(s, _)| s.currency == currency);
    let groups: Vec<MethodGroup> = groups.into_iter().map(|(g, _)| g).collect();
    let parts = [
        groups.iter().map(|g| g.on_call_per_year).sum(),
        groups.iter().map(|g| g.investment_per_year).sum(),
        services.iter().map(|s| s.lost_revenue_per_year).sum(),
    ];
    EstateSupport {
        sre_condition: sre_condition(&sre_candidates),
        sre_candidates,
        display: written(
            &groups,
            rotas,
            parts,
            one_currency.then_some(currency),
            currency,
        ),
        services,
        groups,
        rotas,
        total_per_year: one_currency.then(|| parts.iter().sum()),
    }
}

/// The services with critical traffic at four nines or more, and each
/// service's recommendation with their count as the services.
fn recommendations(
    p: &Portfolio,
    evaluated: &[(Scenario, Report)],
) -> (Vec<String>, Vec<Recommendation>) {
    let nines = |r: &Report| r.support.target_nines.unwrap_or(f64::INFINITY);
    let candidates: Vec<String> = p
        .services
        .iter()
        .zip(evaluated)
        .filter(|(_, (s, r))| {
            s.support.criticality == TrafficCriticality::Critical && nines(r) >= 4.0 - 1e-9
        })
        .map(|(service, _)| service.name.clone())
        .collect();
    let count = u32::try_from(candidates.len()).unwrap_or(u32::MAX);
    let recommended = evaluated
        .iter()
        .map(|(s, r)| {
            recommend(
                nines(r),
                r.support.deployments_per_week,
                s.support.criticality,
                count,
            )
        })
        .collect();
    (candidates, recommended)
}

/// The estate's support figures for people: `parts` are on-call,
/// investment and revenue lost over the estate, written in `currency`
/// when every service prices in it (`None`: `—`); each group's in
/// `groups_currency`, its first service's.
fn written(
    groups: &[MethodGroup],
    rotas: Option<(f64, f64)>,
    parts: [f64; 3],
    currency: Option<Currency>,
    groups_currency: Currency,
) -> EstateSupportDisplay {
    let money = |x: f64| {
        currency.map_or_else(
            || crate::display::ABSENT.to_string(),
            |c| money_short_in(x, c),
        )
    };
    let [on_call, investment, lost] = parts.map(money);
    let total = money(parts.iter().sum());
    EstateSupportDisplay {
        groups: groups
            .iter()
            .map(|g| {
                (
                    money_short_in(g.on_call_per_year, groups_currency),
                    money_short_in(g.investment_per_year, groups_currency),
                )
            })
            .collect(),
        rotas: rotas.map_or_else(
            || (crate::display::ABSENT.into(), crate::display::ABSENT.into()),
            |(each, shared)| (money(each), money(shared)),
        ),
        currency_note: currency.is_none().then(|| {
            "The services price in different currencies: Nines never converts money, so the estate's totals are not added.".to_string()
        }),
        rotas_line: rotas.map(|(each, shared)| {
            format!(
                "The You Build It You Run It services on a rota each: {} a year; on one shared rota: {} (one engineer on standby for all of them, the same callouts).",
                money(each),
                money(shared)
            )
        }),
        insurance_line: format!(
            "Revenue insurance a year: on-call {on_call} + investment {investment} + revenue lost {lost} = {total}."
        ),
        on_call,
        investment,
        lost_revenue: lost,
        total,
    }
}

/// The services `members` of `method` as one rota, with the rates and
/// investment of `first`, the first of them.
fn group(
    p: &Portfolio,
    evaluated: &[(Scenario, Report)],
    method: SupportMethod,
    first: &Scenario,
    members: &[usize],
) -> MethodGroup {
    let teams = u32::try_from(members.len()).unwrap_or(u32::MAX);
    let cost = on_call_cost(method, &rota_inputs(first, evaluated, members, teams));
    MethodGroup {
        method,
        method_name: method.name(),
        services: members
            .iter()
            .map(|&i| p.services[i].name.clone())
            .collect(),
        structure: cost.structure,
        on_call_per_year: cost.total_cost_per_year,
        investment_per_year: team_investment(
            method,
            teams,
            first.support.investment_per_team_per_year.max(0.0),
            first.support.sre_investment_factor.max(0.0),
            first.support.on_call.ops_sometimes_delivery_teams,
        ),
        warnings: method_warnings(method, teams, first.support.organisation),
    }
}

/// The on-call model of `teams` teams on `first`'s rates, called out by
/// every incident of the services `members`.
fn rota_inputs(
    first: &Scenario,
    evaluated: &[(Scenario, Report)],
    members: &[usize],
    teams: u32,
) -> OnCallInputs {
    OnCallInputs {
        teams,
        incidents_per_year: members
            .iter()
            .map(|&i| evaluated[i].1.incidents.model.incidents_per_year.max(0.0))
            .sum(),
        ..first.support.on_call.clone()
    }
}

/// Revenue lost a year to the service's expected downtime.
pub(super) fn lost_revenue(r: &Report) -> f64 {
    r.cost.loss_per_downtime_minute * r.spend.expected_unavailability * r.cost.minutes_per_year
}

/// SRE Run It's condition across the estate, in words.
fn sre_condition(candidates: &[String]) -> String {
    const RULE: &str = "(\"Aim for Operability, not SRE as a Cult\": You Build It SRE Run It \"is only warranted when multiple services exist with critical user traffic, and at an availability level of four nines or more\")";
    let names = candidates
        .iter()
        .map(|n| crate::quote::quoted(n, crate::import::NAME_CHARS))
        .collect::<Vec<_>>()
        .join(", ");
    match candidates.len() {
        0 => format!(
            "No service has critical traffic at four nines or more, so no SRE team is warranted {RULE}."
        ),
        1 => format!(
            "Only {names} has critical traffic at four nines or more: one service does not warrant an SRE team {RULE}, so it stays You Build It You Run It."
        ),
        n => format!(
            "{n} services have critical traffic at four nines or more ({names}): an SRE team is warranted for them {RULE}, and its investment is shared by these {n} services."
        ),
    }
}
