//! The "who runs it" chapter: on-call, its costs, and the organisation.

use nines_core::support::{Culture, Organisation, SupportInputs, TrafficCriticality};

/// A change to the "who runs it" chapter.
#[derive(Debug, Clone, PartialEq)]
pub enum SupportAction {
    Criticality(TrafficCriticality),
    Teams(u32),
    StandbyRate(f64),
    CalloutRate(f64),
    /// As revenue insurance: handoff delays (seconds), team investment,
    /// organisation and culture.
    OpsHandoff(f64),
    OpsSometimesHandoff(f64),
    SreHandoff(f64),
    InvestmentPerTeam(f64),
    SreInvestmentFactor(f64),
    Organisation(Organisation),
    Culture(Culture),
}

impl SupportAction {
    /// Apply the change to the scenario's support.
    pub fn apply(self, s: &mut SupportInputs) {
        let on_call = &mut s.on_call;
        match self {
            Self::Criticality(c) => s.criticality = c,
            Self::Teams(n) => on_call.teams = n,
            Self::StandbyRate(x) => on_call.standby_rate_per_hour = x,
            Self::CalloutRate(x) => on_call.callout_rate = x,
            Self::OpsHandoff(x) => on_call.ops_handoff_delay_seconds = x,
            Self::OpsSometimesHandoff(x) => on_call.ops_sometimes_handoff_delay_seconds = x,
            Self::SreHandoff(x) => on_call.sre_handoff_delay_seconds = x,
            Self::InvestmentPerTeam(x) => s.investment_per_team_per_year = x,
            Self::SreInvestmentFactor(x) => s.sre_investment_factor = x,
            Self::Organisation(o) => s.organisation = o,
            Self::Culture(c) => s.culture = c,
        }
    }
}
