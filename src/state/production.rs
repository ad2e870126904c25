//! The production chapter (the exported rules): the names they use, what
//! the second series counts, and the error-budget policy written with them.

use nines_core::production::{BudgetPolicy, Counted, ProductionInputs};

/// A change to the names the exported rules use.
#[derive(Debug, Clone, PartialEq)]
pub enum ProductionAction {
    /// The service, the series of all and of bad requests, the recording
    /// rules' name.
    Service(String),
    RequestsSeries(String),
    ErrorsSeries(String),
    /// Whether the second series counts the bad or the good requests.
    Counted(Counted),
    GoodSeries(String),
    Recording(String),
    /// The SLO's name within the service, a label of every exported rule.
    SloName(String),
}

impl ProductionAction {
    /// Apply the change to the scenario's production names.
    pub fn apply(self, p: &mut ProductionInputs) {
        match self {
            Self::Service(x) => p.service = x,
            Self::RequestsSeries(x) => p.requests = x,
            Self::ErrorsSeries(x) => p.errors = x,
            Self::Counted(c) => p.counted = c,
            Self::GoodSeries(x) => p.good = x,
            Self::Recording(x) => p.recording = x,
            Self::SloName(x) => p.slo = x,
        }
    }
}

/// An edit of one field of the error-budget policy, already read.
#[derive(Clone, Debug, PartialEq)]
pub enum PolicyEdit {
    CautionBelow(f64),
    Normal(String),
    Caution(String),
    Exhausted(String),
    OverrideBy(String),
    PostmortemShare(f64),
    HandbackWindows(u32),
}

impl PolicyEdit {
    /// Apply the edit to the scenario's error-budget policy.
    pub fn apply(self, p: &mut BudgetPolicy) {
        match self {
            Self::CautionBelow(x) => p.caution_below = x,
            Self::Normal(x) => p.normal = x,
            Self::Caution(x) => p.caution = x,
            Self::Exhausted(x) => p.exhausted = x,
            Self::OverrideBy(x) => p.override_by = x,
            Self::PostmortemShare(x) => p.postmortem_share = x,
            Self::HandbackWindows(x) => p.handback_windows = x,
        }
    }
}
