//! The cost per nine chapter, and the scenario's one currency.

use nines_core::amount::Currency;
use nines_core::scenario::Scenario;

/// A change to the cost per nine chapter.
#[derive(Debug, Clone, PartialEq)]
pub enum CostAction {
    /// Money per year, fractions, nines.
    Revenue(f64),
    Impact(f64),
    ReferenceCost(f64),
    ReferenceNines(f64),
    CostFactor(f64),
    TolerableLoss(f64),
    /// The scenario's one currency.
    Currency(Currency),
    /// An amount typed in another currency (its currency, the text): the
    /// scenario switches to it and a notice says so.
    CurrencyFromAmount(Currency, String),
}

impl CostAction {
    /// Apply the change to the scenario (the currency is the scenario's,
    /// shared by every chapter), telling the page in `notices` when the
    /// currency changed because of an amount typed in it.
    pub fn apply(self, s: &mut Scenario, notices: &mut Vec<String>) {
        let m = &mut s.cost.model;
        match self {
            Self::Revenue(x) => m.revenue_per_year = x,
            Self::Impact(x) => m.impact_fraction = x,
            Self::ReferenceCost(x) => m.reference_cost_per_year = x,
            Self::ReferenceNines(x) => m.reference_nines = x,
            Self::CostFactor(x) => m.cost_factor_per_nine = x,
            Self::TolerableLoss(x) => s.cost.tolerable_loss_per_year = x,
            Self::Currency(c) => s.currency = c,
            Self::CurrencyFromAmount(c, typed) => {
                if c != s.currency {
                    notices.push(format!(
                        "Money is now in {} (Currency, in Cost per nine): \"{}\" was typed in it. \
                         Every amount is labelled in it; none is converted.",
                        c.label(),
                        typed.trim()
                    ));
                    s.currency = c;
                }
            }
        }
    }
}
