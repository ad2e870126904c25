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
//!
//! One file a job, every public item re-exported here:
//!
//! * `recommend.rs`: the recommendation ([`recommend`]) and its rules, the
//!   criticality a revenue suggests ([`suggest_criticality`]), the product's
//!   own conditions;
//! * `on_call.rs`: each method's rota and its on-call cost
//!   ([`on_call_cost`]);
//! * `insurance.rs`: every method as revenue insurance
//!   ([`MethodComparison`]): downtime, budget, lost revenue, total cost, the
//!   cheapest that fits, and the assumptions with their sources;
//! * `organisation.rs`: the organisation and its culture, and the conflicts
//!   the essays expect in it;
//! * this file: the inputs, the report and [`evaluate`], which reads the
//!   inputs once and joins the four.

mod insurance;
mod on_call;
mod organisation;
mod recommend;

pub use insurance::*;
pub use on_call::*;
pub use organisation::*;
pub use recommend::*;

use crate::amount::Currency;
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
    let mut notes = Vec::new();
    let on_call = one_team_at_least(&inputs.on_call, service, &mut notes);
    let mut recommendation = recommend(
        target_nines.unwrap_or(f64::INFINITY),
        deployments_per_week,
        inputs.criticality,
        on_call.teams,
    );
    recommendation.notes.splice(0..0, ctx_notes);
    let read = read_inputs(on_call, inputs, service, &mut notes);
    recommendation.notes.extend(notes);

    let on_call_costs: Vec<OnCallCost> = SupportMethod::ALL
        .iter()
        .map(|&m| on_call_cost(m, &read.on_call))
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
    let year = year(&ctx, &read);
    let (methods, cheapest_fitting) = compare(
        &on_call_costs,
        &read,
        &year,
        recommendation.method,
        inputs.organisation,
        currency,
    );
    let days = ctx.year_seconds / DAY_SECONDS;
    let revenue_per_day = if days > 0.0 { read.revenue / days } else { 0.0 };
    let mut report = SupportReport {
        target_nines,
        recommended_on_call_cost_per_year,
        deployments_per_week,
        currency,
        budget_per_year_seconds: year.budget,
        loss_per_hour: year.loss_per_second * 3_600.0,
        services: year.services,
        cheapest_fitting,
        revenue_per_day,
        suggested_criticality: suggest_criticality(revenue_per_day),
        organisation: inputs.organisation,
        culture: inputs.culture,
        conflicts: conflicts(inputs.culture, recommendation.method),
        warnings: warnings(&methods),
        product_conditions: product_conditions(deployments_per_week),
        assumptions: assumptions(&read, currency),
        display: SupportDisplay::default(),
        recommendation,
        on_call_costs,
        methods,
    };
    report.display = display(&report, &read, &ctx, inputs.criticality);
    report
}

/// Every input the comparison reads, repaired.
struct Read {
    /// The on-call model: one team at least, every figure non-negative.
    on_call: OnCallInputs,
    /// You Build It You Run It's investment a team a year.
    investment_per_team: f64,
    /// How many times that an SRE team costs.
    sre_factor: f64,
    /// This service's incidents a year.
    incidents: f64,
    /// The incident model's time to restore, seconds, with no handoff.
    base_restore: f64,
    /// Share of users an incident reaches, `0..=1`.
    scope: f64,
    /// Revenue a year through the service.
    revenue: f64,
    /// Share of revenue lost while it is down, `0..=1`.
    impact: f64,
}

/// Reading the inputs, first: one team at least, this service's own. With 0
/// the lost revenue was counted over one service and its incidents while the
/// on-call pay, callouts, investment and recommendation counted none (You
/// Build It You Run It at $0). Every figure now counts the one team, whose
/// callouts are this service's incidents (`teams ×` the service's rate).
fn one_team_at_least(
    on_call: &OnCallInputs,
    service: &ServiceModel,
    notes: &mut Vec<String>,
) -> OnCallInputs {
    let mut oc = on_call.clone();
    if oc.teams == 0 {
        oc.teams = 1;
        oc.incidents_per_year = service.incidents_per_year;
        notes.push(format!(
            "Delivery teams (0) is below 1: 1 team, this service's, is used instead, with \
             its {} incidents a year.",
            count(service.incidents_per_year.max(0.0), 2)
        ));
    }
    oc
}

/// Reading the inputs, then: every figure repaired (a note for each repair).
fn read_inputs(
    mut oc: OnCallInputs,
    inputs: &SupportInputs,
    service: &ServiceModel,
    notes: &mut Vec<String>,
) -> Read {
    oc.incidents_per_year = clamp_non_negative("Incidents per year", oc.incidents_per_year, notes);
    oc.standby_rate_per_hour = clamp_non_negative("Standby rate", oc.standby_rate_per_hour, notes);
    oc.standby_hours_per_year =
        clamp_non_negative("Standby hours", oc.standby_hours_per_year, notes);
    oc.callout_rate = clamp_non_negative("Callout rate", oc.callout_rate, notes);
    oc.ops_handoff_delay_seconds = clamp_non_negative(
        "Ops Run It handoff delay",
        oc.ops_handoff_delay_seconds,
        notes,
    );
    oc.ops_sometimes_handoff_delay_seconds = clamp_non_negative(
        "Ops Sometimes Run It handoff delay",
        oc.ops_sometimes_handoff_delay_seconds,
        notes,
    );
    oc.sre_handoff_delay_seconds = clamp_non_negative(
        "SRE Run It handoff delay",
        oc.sre_handoff_delay_seconds,
        notes,
    );
    Read {
        investment_per_team: clamp_non_negative(
            "Investment per team",
            inputs.investment_per_team_per_year,
            notes,
        ),
        sre_factor: clamp_non_negative(
            "SRE investment factor",
            inputs.sre_investment_factor,
            notes,
        ),
        incidents: clamp_non_negative(
            "Incidents per year (this service)",
            service.incidents_per_year,
            notes,
        ),
        base_restore: clamp_non_negative("Time to restore", service.time_to_restore_seconds, notes),
        scope: fraction(service.scope),
        revenue: clamp_non_negative("Revenue per year", service.revenue_per_year, notes),
        impact: fraction(service.impact_fraction),
        on_call: oc,
    }
}

/// The report's last step: its figures as people read them (`chosen`, the
/// criticality as given).
fn display(
    r: &SupportReport,
    read: &Read,
    ctx: &TargetContext,
    chosen: TrafficCriticality,
) -> SupportDisplay {
    let money = |x: f64| money_in(x, r.currency);
    let year = ctx.year_seconds;
    let days = year / DAY_SECONDS;
    let budget_text = format_duration(r.budget_per_year_seconds);
    SupportDisplay {
        deployments_per_week: deployments_per_week(r.deployments_per_week),
        recommended_on_call_cost: money(r.recommended_on_call_cost_per_year),
        standby_hours: standby_hours_display(read.on_call.standby_hours_per_year),
        callouts: format!(
            "{} incidents a year across {}",
            count(read.on_call.incidents_per_year, 2),
            teams_services(read.on_call.teams)
        ),
        budget_per_year: format!(
            "{budget_text} a year at {} (the target's unavailability × a {}-day year, 24/7 as the incident model counts)",
            availability(ctx.unavailability),
            shortest(days)
        ),
        loss_per_hour: format!(
            "{} an hour of full outage (revenue × {} lost while down ÷ {} hours a year)",
            money(r.loss_per_hour),
            format_fraction_percent(read.impact),
            count(year / 3_600.0, 2)
        ),
        basis: format!(
            "Each method: {} incidents a year × (the incident model's {} to restore + the method's handoff delay) × {} of users; revenue lost across {}, each earning as much as this one; total = on-call pay + team investment + lost revenue.",
            count(read.incidents, 2),
            format_duration(read.base_restore),
            format_fraction_percent(read.scope),
            teams_services(r.services)
        ),
        cheapest_fitting: cheapest_fitting_display(&r.methods, r.cheapest_fitting, &budget_text),
        revenue_insurance: revenue_insurance(&r.methods, r.services, r.currency),
        revenue_per_day: [money(r.revenue_per_day).as_str(), " a day"].concat(),
        suggested_criticality: suggested_criticality_display(
            r.suggested_criticality,
            chosen,
            r.revenue_per_day,
            read.revenue,
            days,
            r.currency,
        ),
        organisation: organisation_display(r.organisation, r.culture),
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
    pub(super) fn row(r: &SupportReport, method: SupportMethod) -> &MethodComparison {
        r.methods.iter().find(|m| m.method == method).unwrap()
    }

    /// Whether `a` is within `tolerance` of `b`.
    pub(super) fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
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
}
