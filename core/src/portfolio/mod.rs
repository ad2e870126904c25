//! A portfolio: several services, each a whole scenario (kept as its
//! link), whose dependencies may be other services of the portfolio. A
//! dependency that names another service takes that service's **expected**
//! availability (or, chosen per edge, its target), so a change to one
//! service moves the figures of every service that depends on it. The
//! services are evaluated in dependency order (a cycle is refused, with the
//! services named), and the estate is one row a service, sorted by what
//! needs attention first.
//!
//! The portfolio is a JSON or YAML document:
//!
//! ```json
//! {"name": "shop", "services": [
//!   {"name": "ledger", "link": "v=5&target=99.95", "uses": [
//!     {"dependency": "database", "service": "database"}]}
//! ]}
//! ```
//!
//! `uses` links one top-level dependency of the service's scenario (a
//! component, by its name) to a service of the portfolio; `takes` is
//! `expected` (the default) or `target`.

pub mod edit;
pub mod exports;
pub mod graph;
pub mod link;
pub mod support;
pub mod table;

use serde::{Deserialize, Serialize};

use crate::budget::PolicyStatus;
use crate::clock::{DateTime, Utc};
use crate::dependency::Composition;
use crate::import::NAME_CHARS;
use crate::quote::quoted;
use crate::scenario::{Report, Scenario, evaluate as evaluate_scenario};

/// The most services a portfolio holds.
pub const MAX_SERVICES: usize = 20;
/// The most links between services a portfolio holds.
pub const MAX_USES: usize = 100;

/// Several services under one name.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Portfolio {
    /// The portfolio's name.
    #[serde(default)]
    pub name: String,
    /// The services, each with its own scenario.
    pub services: Vec<Service>,
}

/// One service: its name, its scenario as a link, and which of its
/// dependencies are services of the portfolio.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Service {
    /// The service's name, unique in the portfolio.
    pub name: String,
    /// Its scenario, as a link query (`v=5&target=99.9…`).
    pub link: String,
    /// Its dependencies that are services of the portfolio.
    #[serde(default)]
    pub uses: Vec<Use>,
    /// What its scenario could not carry when it was read from an SLO spec
    /// (for people; the evaluation reads only the link).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_carried: Vec<String>,
}

/// A dependency of a service that is another service of the portfolio.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Use {
    /// The top-level component of the scenario's dependencies, by name.
    pub dependency: String,
    /// The service it is.
    pub service: String,
    /// Which of that service's figures it takes.
    #[serde(default)]
    pub takes: Takes,
}

/// Which availability of a service its dependents take.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Takes {
    /// What it is expected to achieve (its report's expected availability).
    #[default]
    Expected,
    /// What it promises (its target).
    Target,
}

/// Where a service stands, in the order of attention.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// What is expected to fail does not fit the target's budget.
    NotAchievable,
    /// It fits, but the budget runs out before the window ends, or has.
    AtRisk,
    /// It fits, and the budget lasts.
    Achievable,
}

impl Standing {
    /// In words.
    pub fn label(self) -> &'static str {
        match self {
            Standing::NotAchievable => "not achievable",
            Standing::AtRisk => "at risk",
            Standing::Achievable => "achievable",
        }
    }
}

/// One service's row of the estate, every figure written by its report.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Row {
    /// The service.
    pub service: String,
    /// Its target, `99.95%`.
    pub target: String,
    /// What it is expected to achieve through its dependencies.
    pub expected: String,
    /// The expected unavailability, exact as computed.
    pub expected_unavailability: f64,
    /// Where it stands.
    pub standing: Standing,
    /// The budget spent in the window so far, `40%`.
    pub budget_spent: String,
    /// When the budget runs out at this burn rate, in words.
    pub runs_out: String,
    /// The most it can promise.
    pub most_promisable: String,
    /// The support method recommended within the estate ([`support`]).
    pub who_runs_it: &'static str,
    /// Its share of its method's on-call cost a year, within the estate.
    pub on_call_per_year: String,
    /// Revenue lost a year to the expected downtime.
    pub lost_revenue_per_year: String,
    /// Its revenue insurance a year within the estate: its shares of its
    /// method's on-call and investment, and the revenue it loses.
    pub total_per_year: String,
    /// The services it depends on, by name.
    pub depends_on: Vec<String>,
    /// Those of them that miss the rule of the extra nine against its
    /// target (each dependency should offer one more nine than the service
    /// promises), checked along every edge.
    pub extra_nine_missed: Vec<String>,
    /// Its scenario as the estate evaluates it, a link's query: each
    /// dependency that is another service carries that service's figure,
    /// so the calculator opened on it shows what the estate shows.
    pub link: String,
}

/// The estate: a row a service, what needs attention first.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Estate {
    /// The portfolio's name.
    pub name: String,
    /// The rows, not achievable first, then at risk, then achievable; by
    /// expected unavailability over the target's within each.
    pub rows: Vec<Row>,
    /// Who runs the estate and what it costs ([`support`]).
    pub support: support::EstateSupport,
}

/// Evaluate every service of `portfolio` at `now`, each through the
/// services it depends on, or say why the portfolio cannot be read.
///
/// ```
/// use nines_core::portfolio::{evaluate, Portfolio};
/// let p: Portfolio = serde_json::from_str(r#"{"services": [
///   {"name": "a", "link": "v=5", "uses": [{"dependency": "x", "service": "b"}]},
///   {"name": "b", "link": "v=5", "uses": [{"dependency": "y", "service": "a"}]}]}"#).unwrap();
/// let err = evaluate(&p, nines_core::budget::STORY_NOW).unwrap_err();
/// assert_eq!(err, r#"the services "a", "b" depend on each other in a cycle: a dependency cannot be its own dependent"#);
/// ```
pub fn evaluate(portfolio: &Portfolio, now: DateTime<Utc>) -> Result<Estate, String> {
    let evaluated = evaluated(portfolio, now)?;
    let support = support::estate_support(portfolio, &evaluated);
    let mut rows: Vec<Row> = portfolio
        .services
        .iter()
        .zip(&evaluated)
        .zip(&support.services)
        .map(|((service, (s, r)), who)| row(service, s, r, who))
        .collect();
    crate::sort::sort_by(&mut rows, |a, b| {
        a.standing.cmp(&b.standing).then(
            b.expected_unavailability
                .total_cmp(&a.expected_unavailability),
        )
    });
    Ok(Estate {
        name: portfolio.name.clone(),
        rows,
        support,
    })
}

/// The Prometheus rules of every service in one file, each service's
/// groups under its own header: every rule selects its service's series by
/// the `service` and `slo` labels its production names give, so two
/// services never page each other, which is why two services with the
/// same labels are refused.
pub fn estate_rules(portfolio: &Portfolio, now: DateTime<Utc>) -> Result<String, String> {
    let evaluated = evaluated(portfolio, now)?;
    exports::distinct_production_names(portfolio, &evaluated)?;
    let mut out = format!(
        "# Prometheus rules of the portfolio {}: {} services, each selecting its own series by its service and slo labels.\ngroups:\n",
        quoted(&portfolio.name, NAME_CHARS),
        portfolio.services.len()
    );
    for (service, (s, r)) in portfolio.services.iter().zip(&evaluated) {
        let rules = crate::export::prometheus_rules(r, &s.production)
            .map_err(|e| format!("{}: {e}", quoted(&service.name, NAME_CHARS)))?;
        let (head, groups) = rules.split_once("\ngroups:\n").ok_or_else(|| {
            format!(
                "{}: its rules hold no groups",
                quoted(&service.name, NAME_CHARS)
            )
        })?;
        out.push_str(&format!(
            "  # The service {}:\n",
            quoted(&service.name, NAME_CHARS)
        ));
        for line in head.lines() {
            out.push_str(&format!("  {line}\n"));
        }
        out.push_str(groups);
        if !groups.ends_with('\n') {
            out.push('\n');
        }
    }
    Ok(out)
}

/// Every service's scenario, its dependencies on services given their
/// figures, and its report, in the portfolio's order.
fn evaluated(portfolio: &Portfolio, now: DateTime<Utc>) -> Result<Vec<(Scenario, Report)>, String> {
    check_bounds(portfolio)?;
    let order = dependency_order(portfolio)?;
    let mut reports: Vec<Option<(Scenario, Report)>> = vec![None; portfolio.services.len()];
    for &i in &order {
        let service = &portfolio.services[i];
        let mut scenario = crate::link::decode(&service.link).scenario;
        for edge in &service.uses {
            let used = index_of(portfolio, &edge.service)?;
            let Some((their_scenario, their_report)) = &reports[used] else {
                return Err(format!(
                    "{} was not evaluated before {}",
                    quoted(&edge.service, NAME_CHARS),
                    quoted(&service.name, NAME_CHARS)
                ));
            };
            let unavailability = match edge.takes {
                Takes::Expected => their_report.spend.expected_unavailability,
                Takes::Target => their_scenario.target.unavailability(),
            };
            set_component(&mut scenario, edge, unavailability, &service.name)?;
        }
        let report = evaluate_scenario(&scenario, now);
        reports[i] = Some((scenario, report));
    }
    Ok(reports.into_iter().flatten().collect())
}

/// The example estate ("Start from the example"; docs/examples/portfolio-shop.json
/// is this, written out): a database on disks at 0.0002, the ledger on the
/// database, payments on the ledger and a card network at 0.0005, and
/// checkout ($20M a year) on payments and the same database. Each service
/// is the blank scenario with its dependencies and its own production
/// names (its requests labelled `service="<name>"`), so its expected
/// availability comes from its dependencies alone and its rules select its
/// own series. core/tests/portfolio.rs works its figures by hand.
pub fn example() -> Portfolio {
    let service = |name: &str, target: &str, deps: &[(&str, f64)], uses: &[&str]| {
        let mut service = edit::blank_service(name);
        let mut s = crate::link::decode(&service.link).scenario;
        s.target = target.parse().unwrap_or(s.target);
        s.dependencies.dependencies = deps
            .iter()
            .map(|(n, u)| Composition::component(*n, *u))
            .collect();
        if name == "checkout" {
            s.cost.model.revenue_per_year = 20_000_000.0;
        }
        service.link = crate::link::encode(&s);
        service.uses = uses
            .iter()
            .map(|u| Use {
                dependency: (*u).into(),
                service: (*u).into(),
                takes: Takes::Expected,
            })
            .collect();
        service
    };
    Portfolio {
        name: "shop".into(),
        services: vec![
            service("database", "99.95", &[("disks", 0.0002)], &[]),
            service("ledger", "99.95", &[("database", 0.0)], &["database"]),
            service(
                "payments",
                "99.95",
                &[("ledger", 0.0), ("card network", 0.0005)],
                &["ledger"],
            ),
            service(
                "checkout",
                "99.9",
                &[("payments", 0.0), ("database", 0.0)],
                &["payments", "database"],
            ),
        ],
    }
}

/// A portfolio of the SLOs an SLO spec holds (a Sloth file's `slos`,
/// several OpenSLO documents), one service an SLO, named as the file names
/// them, each with what its scenario could not carry; no links between
/// them yet (a spec does not say which SLO depends on which).
///
/// ```
/// let spec = "version: \"prometheus/v1\"\nservice: shop\nslos:\n  - name: cart\n    objective: 99.9\n    sli: {events: {error_query: \"sum(rate(e[{{.window}}]))\", total_query: \"sum(rate(t[{{.window}}]))\"}}\n    alerting: {name: A}\n  - name: pay\n    objective: 99.5\n    sli: {events: {error_query: \"sum(rate(e[{{.window}}]))\", total_query: \"sum(rate(t[{{.window}}]))\"}}\n    alerting: {name: B}\n";
/// let p = nines_core::portfolio::from_spec(spec, "shop").unwrap();
/// let names: Vec<&str> = p.services.iter().map(|s| s.name.as_str()).collect();
/// assert_eq!(names, ["cart", "pay"]);
/// assert!(p.services[1].link.contains("target=99.5%25"));
/// ```
pub fn from_spec(text: &str, name: &str) -> Result<Portfolio, String> {
    let first = crate::import::import_slo(text, None).map_err(|e| e.to_string())?;
    if first.slos.len() > MAX_SERVICES {
        return Err(format!(
            "the file holds {} SLOs: a portfolio holds at most {MAX_SERVICES} services",
            first.slos.len()
        ));
    }
    let mut services = Vec::with_capacity(first.slos.len());
    for (i, slo) in first.slos.iter().enumerate() {
        let read = if i == first.chosen {
            first.clone()
        } else {
            crate::import::import_slo(text, Some(slo)).map_err(|e| e.to_string())?
        };
        let mut not_carried = read.not_carried;
        if read.not_carried_more > 0 {
            not_carried.push(format!("… and {} more", read.not_carried_more));
        }
        services.push(Service {
            name: slo.clone(),
            link: crate::link::encode(&read.scenario),
            uses: Vec::new(),
            not_carried,
        });
    }
    Ok(Portfolio {
        name: name.to_string(),
        services,
    })
}

/// A portfolio document, JSON or YAML (the same keys), or why not (with
/// its line when known). At most [`crate::import::MAX_INPUT_BYTES`].
///
/// ```
/// use nines_core::portfolio::read_document;
/// let yaml = "name: shop\nservices:\n  - name: ledger\n    link: v=5\n    uses: []\n";
/// let p = read_document(yaml).unwrap();
/// assert_eq!(p.services[0].name, "ledger");
/// assert_eq!(p, read_document(r#"{"name": "shop", "services": [{"name": "ledger", "link": "v=5"}]}"#).unwrap());
/// assert!(read_document("name: shop\n").unwrap_err().contains("services"));
/// ```
pub fn read_document(text: &str) -> Result<Portfolio, String> {
    const SHAPE: &str = "expected a portfolio: a name, and services each with a name, a link and \
                         uses (dependency, service, takes)";
    if text.len() > crate::import::MAX_INPUT_BYTES {
        return Err(format!(
            "the document is {} bytes: at most {}",
            text.len(),
            crate::import::MAX_INPUT_BYTES
        ));
    }
    if text.trim_start().starts_with('{') {
        return serde_json::from_str(text).map_err(|e| format!("line {}: {SHAPE} ({e})", e.line()));
    }
    use saphyr::LoadableYamlNode;
    let docs = saphyr::MarkedYaml::load_from_str(text)
        .map_err(|e| format!("line {}: not valid YAML: {}", e.marker().line(), e.info()))?;
    let Some(doc) = docs.first() else {
        return Err(SHAPE.into());
    };
    let value = json_of(doc)?;
    serde_json::from_value(value).map_err(|e| format!("{SHAPE} ({e})"))
}

/// A YAML node as the JSON value of the same shape: scalars as written
/// (strings, numbers, booleans, null), lists and mappings.
fn json_of(node: &saphyr::MarkedYaml<'_>) -> Result<serde_json::Value, String> {
    use saphyr::{Scalar, YamlData};
    use serde_json::Value;
    Ok(match &node.data {
        YamlData::Tagged(_, inner) => json_of(inner)?,
        YamlData::Value(Scalar::String(s)) => Value::String(s.to_string()),
        YamlData::Representation(s, _, _) => Value::String(s.to_string()),
        YamlData::Value(Scalar::Integer(i)) => Value::from(*i),
        YamlData::Value(Scalar::FloatingPoint(f)) => Value::from(f.0),
        YamlData::Value(Scalar::Boolean(b)) => Value::Bool(*b),
        YamlData::Value(Scalar::Null) => Value::Null,
        YamlData::Sequence(items) => {
            Value::Array(items.iter().map(json_of).collect::<Result<_, _>>()?)
        }
        YamlData::Mapping(map) => {
            let mut object = serde_json::Map::new();
            for (k, v) in map {
                let key = match json_of(k)? {
                    Value::String(s) => s,
                    other => other.to_string(),
                };
                object.insert(key, json_of(v)?);
            }
            Value::Object(object)
        }
        _ => {
            return Err(format!(
                "line {}: a value a portfolio cannot hold",
                node.span.start.line().max(1)
            ));
        }
    })
}

fn check_bounds(p: &Portfolio) -> Result<(), String> {
    if p.services.is_empty() {
        return Err("a portfolio holds at least one service".into());
    }
    if p.services.len() > MAX_SERVICES {
        return Err(format!(
            "the portfolio holds {} services: at most {MAX_SERVICES}",
            p.services.len()
        ));
    }
    let uses: usize = p.services.iter().map(|s| s.uses.len()).sum();
    if uses > MAX_USES {
        return Err(format!(
            "the portfolio links services {uses} times: at most {MAX_USES}"
        ));
    }
    for (i, s) in p.services.iter().enumerate() {
        if p.services[..i].iter().any(|t| t.name == s.name) {
            return Err(format!(
                "two services are named {}: each name once",
                quoted(&s.name, NAME_CHARS)
            ));
        }
    }
    Ok(())
}

fn index_of(p: &Portfolio, name: &str) -> Result<usize, String> {
    p.services
        .iter()
        .position(|s| s.name == name)
        .ok_or_else(|| {
            format!(
                "no service named {} in the portfolio",
                quoted(name, NAME_CHARS)
            )
        })
}

/// The services in an order where each comes after those it uses (Kahn's
/// algorithm), or the services left in a cycle.
fn dependency_order(p: &Portfolio) -> Result<Vec<usize>, String> {
    let n = p.services.len();
    let mut waiting = vec![0usize; n];
    let mut users: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, s) in p.services.iter().enumerate() {
        for edge in &s.uses {
            let used = index_of(p, &edge.service)?;
            waiting[i] += 1;
            users[used].push(i);
        }
    }
    let mut ready: Vec<usize> = (0..n).filter(|&i| waiting[i] == 0).collect();
    let mut order = Vec::with_capacity(n);
    while let Some(i) = ready.pop() {
        order.push(i);
        for &user in &users[i] {
            waiting[user] -= 1;
            if waiting[user] == 0 {
                ready.push(user);
            }
        }
    }
    if order.len() < n {
        let stuck: Vec<String> = (0..n)
            .filter(|i| waiting[*i] > 0)
            .map(|i| quoted(&p.services[i].name, NAME_CHARS))
            .collect();
        return Err(format!(
            "the services {} depend on each other in a cycle: a dependency cannot be its own dependent",
            stuck.join(", ")
        ));
    }
    Ok(order)
}

/// Give the top-level component `edge.dependency` of `scenario` the
/// `unavailability` of the service it is.
fn set_component(
    scenario: &mut Scenario,
    edge: &Use,
    unavailability: f64,
    service: &str,
) -> Result<(), String> {
    let component = scenario
        .dependencies
        .dependencies
        .iter_mut()
        .find_map(|d| match d {
            Composition::Component(c) if c.name == edge.dependency => Some(c),
            _ => None,
        })
        .ok_or_else(|| {
            format!(
                "{} has no dependency named {} to take {}'s figure",
                quoted(service, NAME_CHARS),
                quoted(&edge.dependency, NAME_CHARS),
                quoted(&edge.service, NAME_CHARS)
            )
        })?;
    component.unavailability = unavailability;
    Ok(())
}

fn row(service: &Service, s: &Scenario, r: &Report, who: &support::ServiceSupport) -> Row {
    let standing = match (r.spend.fits, r.budget.policy) {
        (Some(false), _) => Standing::NotAchievable,
        (_, PolicyStatus::AtRisk | PolicyStatus::Frozen) => Standing::AtRisk,
        _ => Standing::Achievable,
    };
    let currency = r.cost.currency;
    Row {
        service: service.name.clone(),
        target: s.target.format_percent(),
        expected: r.spend.expected_availability_display.clone(),
        expected_unavailability: r.spend.expected_unavailability,
        standing,
        budget_spent: r.budget.consumed_display.clone(),
        runs_out: r.budget.exhaustion_display.clone(),
        most_promisable: r.spend.most_promisable_display.clone(),
        who_runs_it: who.method_name,
        on_call_per_year: crate::display::money_short_in(who.on_call_per_year, currency),
        lost_revenue_per_year: crate::display::money_short_in(who.lost_revenue_per_year, currency),
        total_per_year: crate::display::money_short_in(who.total_per_year, currency),
        depends_on: service.uses.iter().map(|u| u.service.clone()).collect(),
        extra_nine_missed: service
            .uses
            .iter()
            .filter(|u| {
                r.dependencies
                    .extra_nine
                    .iter()
                    .any(|c| c.name == u.dependency && !c.meets_rule)
            })
            .map(|u| u.service.clone())
            .collect(),
        link: crate::link::encode(s),
    }
}
