//! Revenue insurance ("You Build It SRE Run It": "Production support is
//! revenue insurance"): every method's time to restore, the downtime and
//! lost revenue that follow, the budget it spends and what it costs to run;
//! the cheapest method that fits; the assumptions the comparison rests on.

use super::{
    OnCallCost, Organisation, Read, SupportInputs, SupportMethod, fraction, teams_services,
};
use crate::amount::Currency;
use crate::display::{count, format_fraction_percent, money_in};
use crate::duration::format_duration;
use crate::target::TargetContext;
use serde::Serialize;

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
    /// On-call pay a year ([`on_call_cost`](super::on_call_cost)).
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

const AT_SCALE: &str = "\"You Build It Ops Run It at scale\": with 10+ delivery teams and applications \"the Application Operations workload will become intolerable\", and handoffs \"will delay availability restoration on failure\".";
const DOOMED: &str = "\"You Build It Ops Sometimes Run It\" is \"doomed to fail at scale\": \"there will be a drift to the Monitoring team taking over\" until \"all the disadvantages of You Build It Ops Run It At Scale are assured\".";
const SINGLE_SERVICE: &str = "For a single service: You Build It SRE Run It \"is only warranted when multiple services exist with critical user traffic\" (\"Aim for Operability, not SRE as a Cult\").";
const DIFFICULT_FIT: &str = "In IT as a Cost Centre: You Build It SRE Run It \"is a difficult fit for an IT as a Cost Centre organisation, and is not cost effective at all availability levels\" (\"Aim for Operability, not SRE as a Cult\").";

/// The essays' warnings that apply to `method` with `teams` delivery teams
/// in `organisation` (a portfolio asks them of each method's services).
pub(crate) fn method_warnings(
    method: SupportMethod,
    teams: u32,
    organisation: Organisation,
) -> Vec<String> {
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

/// The year every method is measured over: its error budget, what a full
/// outage loses a second, and the services lost revenue is counted across.
pub(super) struct Year {
    /// The target's unavailability × the convention's year, seconds.
    pub(super) budget: f64,
    /// Revenue × impact ÷ the year's seconds.
    pub(super) loss_per_second: f64,
    /// The teams, at least 1.
    pub(super) services: u32,
}

/// The comparison's first step: the year's budget and loss rate.
pub(super) fn year(ctx: &TargetContext, read: &Read) -> Year {
    let year = ctx.year_seconds;
    Year {
        budget: ctx.unavailability * year,
        loss_per_second: if year > 0.0 {
            read.revenue * read.impact / year
        } else {
            0.0
        },
        services: read.on_call.teams.max(1),
    }
}

/// The comparison's second step: every method's row, from its on-call cost,
/// in the essays' order, and the cheapest method that fits (marked on its
/// row).
pub(super) fn compare(
    on_call_costs: &[OnCallCost],
    read: &Read,
    year: &Year,
    recommended: SupportMethod,
    organisation: Organisation,
    currency: Currency,
) -> (Vec<MethodComparison>, Option<SupportMethod>) {
    let mut methods: Vec<MethodComparison> = on_call_costs
        .iter()
        .map(|c| method_row(c, read, year, recommended, organisation, currency))
        .collect();
    let cheapest_fitting = cheapest(&methods, true);
    for m in &mut methods {
        m.cheapest_fitting = Some(m.method) == cheapest_fitting;
    }
    (methods, cheapest_fitting)
}

/// One method's row, from its on-call cost `c` (not yet marked the
/// cheapest that fits).
fn method_row(
    c: &OnCallCost,
    read: &Read,
    year: &Year,
    recommended: SupportMethod,
    organisation: Organisation,
    currency: Currency,
) -> MethodComparison {
    let money = |x: f64| money_in(x, currency);
    let handoff = c.time_to_restore_penalty_seconds;
    let restore = read.base_restore + handoff;
    let downtime = read.incidents * restore * read.scope;
    let consumed = (year.budget > 0.0).then(|| downtime / year.budget);
    let fits = downtime <= year.budget;
    let lost_here = downtime * year.loss_per_second;
    let lost = lost_here * f64::from(year.services);
    let investment = investment(c.method, read);
    let total = c.total_cost_per_year + investment + lost;
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
        recommended: c.method == recommended,
        cheapest_fitting: false,
        lead_time: lead_time(c.method),
        warnings: method_warnings(c.method, read.on_call.teams, organisation),
        display: MethodDisplay {
            handoff_delay: format_duration(handoff),
            time_to_restore: format_duration(restore),
            expected_downtime: format_duration(downtime),
            fits_budget: fits_display(consumed, fits),
            revenue_lost: money(lost),
            revenue_lost_per_service: money(lost_here),
            on_call_cost: money(c.total_cost_per_year),
            on_call_split: on_call_split(c, currency),
            investment: money(investment),
            total_cost: money(total),
        },
    }
}

/// A method's team investment a year beyond on-call pay.
fn investment(method: SupportMethod, read: &Read) -> f64 {
    team_investment(
        method,
        read.on_call.teams,
        read.investment_per_team,
        read.sre_factor,
        read.on_call.ops_sometimes_delivery_teams,
    )
}

/// A method's team investment a year beyond on-call pay, for `teams`
/// delivery teams: none for Ops Run It (its pay is OpEx on-call); You
/// Build It You Run It's `per_team` for each team; an SRE team `sre_factor`
/// times that ("an order of magnitude more than You Build It You Run It
/// itself"); Ops Sometimes Run It's teams that run their own services.
///
/// ```
/// use nines_core::support::{team_investment, SupportMethod};
/// assert_eq!(team_investment(SupportMethod::YouBuildItSreRunIt, 2, 10_000.0, 10.0, 1), 200_000.0);
/// assert_eq!(team_investment(SupportMethod::YouBuildItOpsRunIt, 12, 10_000.0, 10.0, 1), 0.0);
/// ```
pub fn team_investment(
    method: SupportMethod,
    teams: u32,
    per_team: f64,
    sre_factor: f64,
    sometimes_teams: u32,
) -> f64 {
    let teams_f = f64::from(teams);
    match method {
        SupportMethod::YouBuildItOpsRunIt => 0.0,
        SupportMethod::YouBuildItYouRunIt => per_team * teams_f,
        SupportMethod::YouBuildItSreRunIt => sre_factor * per_team * teams_f,
        SupportMethod::YouBuildItOpsSometimesRunIt => {
            per_team * f64::from(sometimes_teams.min(teams))
        }
    }
}

/// Whether a row fits the budget, for people: `yes: 39.93% of the budget`.
fn fits_display(consumed: Option<f64>, fits: bool) -> String {
    match consumed {
        Some(f) => [
            if fits { "yes: " } else { "no: " },
            &format_fraction_percent(f),
            " of the budget",
        ]
        .concat(),
        None if fits => "yes: no downtime".to_string(),
        None => "no: a 100% target allows no downtime".to_string(),
    }
}

/// A row's on-call pay split between OpEx and CapEx, and who is unpaid.
fn on_call_split(c: &OnCallCost, currency: Currency) -> String {
    let mut split = [
        "OpEx ",
        &money_in(c.opex_cost_per_year, currency),
        ", CapEx ",
        &money_in(c.capex_cost_per_year, currency),
    ]
    .concat();
    if !c.unpaid.is_empty() {
        split.push_str("; unpaid: ");
        split.push_str(c.unpaid);
    }
    split
}

/// The row of `method`, if there is one.
fn row(methods: &[MethodComparison], method: SupportMethod) -> Option<&MethodComparison> {
    methods.iter().find(|m| m.method == method)
}

/// The comparison's third step: the cheapest method in all, or the cheapest
/// whose downtime fits the budget (`fitting`).
pub(super) fn cheapest(methods: &[MethodComparison], fitting: bool) -> Option<SupportMethod> {
    methods
        .iter()
        .filter(|m| !fitting || m.fits_budget)
        .min_by(|a, b| a.total_cost_per_year.total_cmp(&b.total_cost_per_year))
        .map(|m| m.method)
}

/// The cheapest method that fits, for people, naming a cheaper one over the
/// budget (`budget_text`), or that none fits.
pub(super) fn cheapest_fitting_display(
    methods: &[MethodComparison],
    cheapest_fitting: Option<SupportMethod>,
    budget_text: &str,
) -> String {
    let Some(m) = cheapest_fitting.and_then(|f| row(methods, f)) else {
        return format!(
            "No method fits the budget of {budget_text} a year: the incidents alone spend more (the incident model in Incidents and delivery)."
        );
    };
    let mut out = [
        m.method_name,
        ": ",
        &m.display.total_cost,
        " a year in all, the cheapest method whose downtime fits the budget",
    ]
    .concat();
    if let Some(c) = cheapest(methods, false)
        .filter(|c| Some(*c) != cheapest_fitting)
        .and_then(|c| row(methods, c))
    {
        out.push_str(&format!(
            " ({} costs less, {}, but its {} of downtime a year is over the {} budget)",
            c.method_name, c.display.total_cost, c.display.expected_downtime, budget_text
        ));
    }
    out.push('.');
    out
}

/// Ops Run It against You Build It You Run It, for people: the on-call pay
/// saved and the revenue its handoff loses across the `services`.
pub(super) fn revenue_insurance(
    methods: &[MethodComparison],
    services: u32,
    currency: Currency,
) -> String {
    let (Some(ops), Some(yri)) = (
        row(methods, SupportMethod::YouBuildItOpsRunIt),
        row(methods, SupportMethod::YouBuildItYouRunIt),
    ) else {
        return String::new();
    };
    let money = |x: f64| money_in(x, currency);
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
        money(ops.revenue_lost_per_service_per_year - yri.revenue_lost_per_service_per_year),
        money(ops.revenue_lost_per_year - yri.revenue_lost_per_year),
        teams_services(services),
    )
}

/// The essays' warnings that apply, each naming its method.
pub(super) fn warnings(methods: &[MethodComparison]) -> Vec<String> {
    methods
        .iter()
        .flat_map(|m| {
            m.warnings
                .iter()
                .map(move |w| [m.method_name, ": ", w].concat())
        })
        .collect()
}

/// One assumption: its input, its value and default, their source.
fn assumption(
    input: &'static str,
    (value, default): (String, String),
    source: &'static str,
    product: bool,
) -> Assumption {
    Assumption {
        input,
        value,
        default,
        source,
        product,
    }
}

/// The inputs the comparison rests on, their values as `read` and their
/// defaults, with the sources: the handoff delays, then the pay and
/// investment.
pub(super) fn assumptions(read: &Read, currency: Currency) -> Vec<Assumption> {
    let d = SupportInputs::default();
    let oc = &read.on_call;
    let delays = |x: f64, d: f64| (format_duration(x), format_duration(d));
    let mut out = vec![
        assumption(
            "Ops Run It handoff delay",
            delays(
                oc.ops_handoff_delay_seconds,
                d.on_call.ops_handoff_delay_seconds,
            ),
            SRC_OPS_HANDOFF,
            true,
        ),
        assumption(
            "Ops Sometimes Run It handoff delay",
            delays(
                oc.ops_sometimes_handoff_delay_seconds,
                d.on_call.ops_sometimes_handoff_delay_seconds,
            ),
            SRC_SOMETIMES_HANDOFF,
            true,
        ),
        assumption(
            "SRE Run It handoff delay",
            delays(
                oc.sre_handoff_delay_seconds,
                d.on_call.sre_handoff_delay_seconds,
            ),
            SRC_SRE_HANDOFF,
            false,
        ),
        assumption(
            "You Run It handoff delay",
            delays(0.0, 0.0),
            SRC_YRI_HANDOFF,
            false,
        ),
    ];
    out.extend(pay_assumptions(read, &d, currency));
    out
}

/// The pay and investment assumptions, against the defaults `d`.
fn pay_assumptions(read: &Read, d: &SupportInputs, currency: Currency) -> [Assumption; 6] {
    let money = |x: f64| money_in(x, currency);
    let oc = &read.on_call;
    [
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
                money(read.investment_per_team),
                money(d.investment_per_team_per_year),
            ),
            SRC_INVESTMENT,
            true,
        ),
        assumption(
            "SRE Run It investment, times You Run It's",
            (count(read.sre_factor, 2), count(d.sre_investment_factor, 2)),
            SRC_FACTOR,
            false,
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::super::tests::{close, row};
    use super::super::{evaluate, evaluate_in};
    use super::*;

    /// Revenue insurance worked on the default story, by hand: Ops Run It's
    /// handoff costs more lost revenue than its on-call pay saves.
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
        // Revenue insurance: the extra lost revenue outweighs the saving.
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
