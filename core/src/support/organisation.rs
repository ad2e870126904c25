//! The organisation around the service, as the essays frame it: IT as a
//! Cost Centre or as a Business Differentiator, its culture (Westrum), and
//! the conflicts "Aim for Operability, not SRE as a Cult" expects when
//! cooperation is low.

use super::SupportMethod;
use crate::choice::Choice;
use serde::{Deserialize, Serialize};

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
pub(super) fn conflicts(culture: Culture, recommended: SupportMethod) -> Vec<ConflictGroup> {
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

/// What the organisation and its culture mean here, quoting the essays.
pub(super) fn organisation_display(organisation: Organisation, culture: Culture) -> String {
    [
        match organisation {
            Organisation::CostCentre => "IT as a Cost Centre: \"A Delivery team will be budgeted under Capital Expenditure (CapEx), whereas Operations teams will be under Operational Expenditure (OpEx)\"; You Build It SRE Run It \"is a difficult fit\".",
            Organisation::BusinessDifferentiator => "IT as a Business Differentiator: \"an SRE on-call team is a product team like any other development team\" (\"You Build It SRE Run It\").",
        },
        " ",
        match culture {
            Culture::Generative => "A generative culture (Westrum): the essays expect none of their conflicts (\"the Google culture can be described as generative\").",
            Culture::Bureaucratic => "A bureaucratic culture (Westrum): expect the conflicts below (\"fundamental challenges with applying SRE to an IT as a Cost Centre organisation with a bureaucratic or pathological culture\").",
            Culture::Pathological => "A pathological culture (Westrum): expect the conflicts below (\"fundamental challenges with applying SRE to an IT as a Cost Centre organisation with a bureaucratic or pathological culture\").",
        },
    ]
    .concat()
}
