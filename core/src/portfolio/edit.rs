//! What a person edits in a portfolio, and the edits: each service's name,
//! target, incident model, deployments and traffic criticality (what who
//! runs it turns on), and top-level dependencies (a typed
//! availability, or another service of the portfolio), read off its
//! scenario's link ([`inputs`]) and written back into it ([`apply`]). The
//! page's `#portfolio` view shows the inputs and dispatches the edits; a
//! service's other inputs are edited in the calculator, by its link.

use super::{MAX_SERVICES, MAX_USES, Portfolio, Service, Takes, Use, dependency_order};
use crate::amount::{Count, Rate};
use crate::clock::{DateTime, Utc};
use crate::dependency::Composition;
use crate::import::NAME_CHARS;
use crate::quantity::Availability;
use crate::quote::quoted;
use crate::scenario::Scenario;
use crate::support::TrafficCriticality;

/// One service's inputs as the portfolio view shows them.
#[derive(Clone, Debug, PartialEq)]
pub struct ServiceInputs {
    /// Its name.
    pub name: String,
    /// Its target as typed (`99.95%`).
    pub target: String,
    /// Expected incidents a year.
    pub incidents_per_year: String,
    /// Mean time from detection to restoration (`30m`).
    pub time_to_restore: String,
    /// Deployments (`2 per week`), product demand for who runs it.
    pub deployments: String,
    /// The criticality of its traffic, for who runs it.
    pub criticality: TrafficCriticality,
    /// Its top-level dependencies that are single components.
    pub dependencies: Vec<DependencyInput>,
    /// How many of its top-level dependencies are groups (edited in the
    /// calculator).
    pub groups: usize,
    /// Its scenario's link (`v=5&…`).
    pub link: String,
    /// What its scenario could not carry from an SLO spec.
    pub not_carried: Vec<String>,
}

/// One top-level dependency of a service.
#[derive(Clone, Debug, PartialEq)]
pub struct DependencyInput {
    /// Its place in the scenario's dependency list.
    pub index: usize,
    /// Its name.
    pub name: String,
    /// Its availability as typed (`99.98%`); a dependency that is a
    /// service shows the figure it took when last stored.
    pub availability: String,
    /// The service of the portfolio it is, if any, and what it takes.
    pub service: Option<(String, Takes)>,
}

/// A change to a portfolio. Services are addressed by their place in the
/// portfolio, dependencies by their place in the service's list.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// The portfolio's name.
    PortfolioName(String),
    /// A new blank service at the end.
    AddService,
    /// Remove a service (the dependencies that were it keep its last
    /// figure as a typed one).
    RemoveService(usize),
    /// A service's name (its dependents follow).
    Name(usize, String),
    /// A service's target, as typed.
    Target(usize, String),
    /// Expected incidents a year, as typed.
    IncidentsPerYear(usize, String),
    /// Mean time to restore, as typed.
    TimeToRestore(usize, String),
    /// Deployments, as typed (`2 per week`).
    Deployments(usize, String),
    /// The criticality of a service's traffic.
    Criticality(usize, TrafficCriticality),
    /// A new typed dependency of a service.
    AddDependency(usize),
    /// Remove a dependency of a service.
    RemoveDependency(usize, usize),
    /// A dependency's name.
    DependencyName(usize, usize, String),
    /// A typed dependency's availability, as typed.
    DependencyAvailability(usize, usize, String),
    /// Make a dependency another service (and what it takes), or typed
    /// again (`None`: it keeps the figure it last took).
    DependencyService(usize, usize, Option<(String, Takes)>),
    /// Replace a service's scenario by a calculator's link (an address or
    /// its query); its links to other services are kept where the
    /// dependency is still there.
    Link(usize, String),
}

/// Every service's inputs, in the portfolio's order.
pub fn inputs(p: &Portfolio) -> Vec<ServiceInputs> {
    p.services.iter().map(service_inputs).collect()
}

fn service_inputs(service: &Service) -> ServiceInputs {
    let s = crate::link::decode(&service.link).scenario;
    let mut dependencies = Vec::new();
    let mut groups = 0;
    for (index, d) in s.dependencies.dependencies.iter().enumerate() {
        match d {
            Composition::Component(c) => dependencies.push(DependencyInput {
                index,
                name: c.name.clone(),
                availability: crate::display::availability(c.unavailability),
                service: service
                    .uses
                    .iter()
                    .find(|u| u.dependency == c.name)
                    .map(|u| (u.service.clone(), u.takes)),
            }),
            _ => groups += 1,
        }
    }
    ServiceInputs {
        name: service.name.clone(),
        target: s.target.to_string(),
        incidents_per_year: crate::digits::tidy(s.incidents.incidents_per_year).to_string(),
        time_to_restore: crate::duration::format_duration(s.incidents.time_to_recover_seconds),
        deployments: s.delivery.deployment_frequency.to_string(),
        criticality: s.support.criticality,
        dependencies,
        groups,
        link: service.link.clone(),
        not_carried: service.not_carried.clone(),
    }
}

/// A blank service named `name`: no incidents, no dependencies, and its
/// own production names (its requests labelled `service="<name>"`), so its
/// rules select its own series.
pub fn blank_service(name: &str) -> Service {
    let mut s = Scenario::blank();
    s.production.service = name.into();
    s.production.requests = format!(r#"http_requests_total{{service="{name}"}}"#);
    s.production.errors = format!(r#"http_requests_total{{service="{name}",code=~"5.."}}"#);
    s.production.good = format!(r#"http_requests_total{{service="{name}",code!~"5.."}}"#);
    Service {
        name: name.into(),
        link: crate::link::encode(&s),
        uses: Vec::new(),
        not_carried: Vec::new(),
    }
}

/// Apply `edit` to `p`, or say why not (naming the service and the field,
/// and what is allowed); a refused edit leaves `p` as it was. `now` is the
/// instant the figures a dependency keeps, when it stops being a service,
/// are evaluated at.
///
/// ```
/// use nines_core::portfolio::{edit::{apply, Edit}, example};
/// let mut p = example();
/// let err = apply(&mut p, Edit::Target(0, "101%".into()), nines_core::budget::STORY_NOW).unwrap_err();
/// assert!(err.starts_with("\"database\"'s target: "), "{err}");
/// assert_eq!(p, example());
/// ```
pub fn apply(p: &mut Portfolio, edit: Edit, now: DateTime<Utc>) -> Result<(), String> {
    let mut changed = p.clone();
    change(&mut changed, edit, now)?;
    // An edit may not make a loop or a use of no service; one that came
    // in a link is left for the edits that mend it (the estate says why it
    // cannot be evaluated meanwhile).
    if dependency_order(p).is_ok() {
        dependency_order(&changed)?;
    }
    *p = changed;
    Ok(())
}

fn change(p: &mut Portfolio, edit: Edit, now: DateTime<Utc>) -> Result<(), String> {
    match edit {
        Edit::PortfolioName(name) => p.name = name,
        Edit::AddService => add_service(p)?,
        Edit::RemoveService(i) => {
            let gone = service(p, i)?.name.clone();
            keep_figures_of(p, &gone, now);
            p.services.remove(i);
        }
        Edit::Name(i, name) => rename(p, i, name)?,
        Edit::Target(i, text) => {
            let target = Availability::parse(&text).map_err(|e| field(p, i, "target", e))?;
            scenario_edit(p, i, |s| s.target = target)?;
        }
        Edit::IncidentsPerYear(i, text) => {
            let count = Count::parse(&text).map_err(|e| field(p, i, "incidents a year", e))?;
            scenario_edit(p, i, |s| s.incidents.incidents_per_year = count.to_f64())?;
        }
        Edit::TimeToRestore(i, text) => {
            let seconds = crate::duration::parse_duration(&text)
                .map_err(|e| field(p, i, "time to restore", e))?;
            scenario_edit(p, i, |s| s.incidents.time_to_recover_seconds = seconds)?;
        }
        Edit::Deployments(i, text) => {
            let rate = Rate::parse(&text).map_err(|e| field(p, i, "deployments", e))?;
            scenario_edit(p, i, |s| s.delivery.deployment_frequency = rate)?;
        }
        Edit::Criticality(i, criticality) => {
            scenario_edit(p, i, |s| s.support.criticality = criticality)?;
        }
        Edit::AddDependency(i) => add_dependency(p, i)?,
        Edit::RemoveDependency(i, d) => {
            let name = component(p, i, d)?;
            scenario_edit(p, i, |s| s.dependencies.remove_at(&[d]))?;
            p.services[i].uses.retain(|u| u.dependency != name);
        }
        Edit::DependencyName(i, d, name) => rename_dependency(p, i, d, name)?,
        Edit::DependencyAvailability(i, d, text) => type_dependency(p, i, d, &text)?,
        Edit::DependencyService(i, d, chosen) => {
            let name = component(p, i, d)?;
            match chosen {
                None => {
                    keep_figure(p, i, &name, now);
                    p.services[i].uses.retain(|u| u.dependency != name);
                }
                Some((used, takes)) => link_service(p, i, name, used, takes)?,
            }
        }
        Edit::Link(i, text) => replace_scenario(p, i, &text)?,
    }
    Ok(())
}

/// A blank service at the end, named `service N` with the first free N.
fn add_service(p: &mut Portfolio) -> Result<(), String> {
    if p.services.len() >= MAX_SERVICES {
        return Err(format!(
            "a portfolio holds at most {MAX_SERVICES} services: remove one to add another"
        ));
    }
    let name = (p.services.len() + 1..)
        .map(|n| format!("service {n}"))
        .find(|n| p.services.iter().all(|s| &s.name != n))
        .unwrap_or_default();
    p.services.push(blank_service(&name));
    Ok(())
}

/// A new typed dependency of service `i`, within the scenario's bound.
fn add_dependency(p: &mut Portfolio, i: usize) -> Result<(), String> {
    let mut s = scenario(p, i)?;
    let before = s.dependencies.dependencies.len();
    s.dependencies.add();
    if s.dependencies.dependencies.len() == before {
        return Err(format!(
            "{}'s dependencies are at their bound ({} at most): remove one to add another",
            quoted(&p.services[i].name, NAME_CHARS),
            crate::bounds::MAX_DEPENDENCIES
        ));
    }
    p.services[i].link = crate::link::encode(&s);
    Ok(())
}

/// Service `i`'s dependency `d` renamed; its link to a service follows.
fn rename_dependency(p: &mut Portfolio, i: usize, d: usize, name: String) -> Result<(), String> {
    let old = component(p, i, d)?;
    let name = name.trim().to_string();
    if name.is_empty() {
        return Err(format!(
            "{}'s dependency {}: a name is needed",
            quoted(&p.services[i].name, NAME_CHARS),
            quoted(&old, NAME_CHARS)
        ));
    }
    scenario_edit(p, i, |s| {
        if let Some(c) = s.dependencies.component_at_mut(&[d]) {
            c.name = name.clone();
        }
    })?;
    for u in p.services[i]
        .uses
        .iter_mut()
        .filter(|u| u.dependency == old)
    {
        u.dependency = name.clone();
    }
    Ok(())
}

/// Service `i`'s typed dependency `d` at the availability `text`; one that
/// takes a service's figure is refused.
fn type_dependency(p: &mut Portfolio, i: usize, d: usize, text: &str) -> Result<(), String> {
    let name = component(p, i, d)?;
    if let Some(u) = p.services[i].uses.iter().find(|u| u.dependency == name) {
        return Err(format!(
            "{}'s dependency {} takes the service {}'s figure: make it typed to type one",
            quoted(&p.services[i].name, NAME_CHARS),
            quoted(&name, NAME_CHARS),
            quoted(&u.service, NAME_CHARS)
        ));
    }
    let a = Availability::parse(text).map_err(|e| {
        field(
            p,
            i,
            &format!("dependency {}", quoted(&name, NAME_CHARS)),
            e,
        )
    })?;
    scenario_edit(p, i, |s| {
        if let Some(c) = s.dependencies.component_at_mut(&[d]) {
            c.unavailability = a.unavailability();
        }
    })
}

/// Service `i`'s scenario replaced by a calculator's address (or its
/// query); its links to services are kept where the dependency still is.
fn replace_scenario(p: &mut Portfolio, i: usize, text: &str) -> Result<(), String> {
    service(p, i)?;
    let query = text.split('#').next().unwrap_or_default();
    let query = query.split_once('?').map_or(query, |(_, q)| q);
    let s = crate::link::decode(query).scenario;
    let names: Vec<String> = s
        .dependencies
        .dependencies
        .iter()
        .filter_map(|d| match d {
            Composition::Component(c) => Some(c.name.clone()),
            _ => None,
        })
        .collect();
    p.services[i].link = crate::link::encode(&s);
    p.services[i].uses.retain(|u| names.contains(&u.dependency));
    Ok(())
}

fn rename(p: &mut Portfolio, i: usize, name: String) -> Result<(), String> {
    let old = service(p, i)?.name.clone();
    let name = name.trim().to_string();
    if name.is_empty() {
        return Err(format!(
            "the service {}: a name is needed",
            quoted(&old, NAME_CHARS)
        ));
    }
    if p.services
        .iter()
        .enumerate()
        .any(|(j, s)| j != i && s.name == name)
    {
        return Err(format!(
            "another service is named {}: each name once",
            quoted(&name, NAME_CHARS)
        ));
    }
    for u in p.services.iter_mut().flat_map(|s| s.uses.iter_mut()) {
        if u.service == old {
            u.service = name.clone();
        }
    }
    p.services[i].name = name;
    Ok(())
}

fn link_service(
    p: &mut Portfolio,
    i: usize,
    dependency: String,
    used: String,
    takes: Takes,
) -> Result<(), String> {
    let this = &p.services[i].name;
    if used == *this {
        return Err(format!(
            "{} cannot depend on itself",
            quoted(this, NAME_CHARS)
        ));
    }
    super::index_of(p, &used)?;
    let uses = &mut p.services[i].uses;
    if let Some(u) = uses.iter_mut().find(|u| u.dependency == dependency) {
        u.service = used;
        u.takes = takes;
        return Ok(());
    }
    let total: usize = p.services.iter().map(|s| s.uses.len()).sum();
    if total >= MAX_USES {
        return Err(format!(
            "a portfolio links services at most {MAX_USES} times: make another dependency typed to link this one"
        ));
    }
    p.services[i].uses.push(Use {
        dependency,
        service: used,
        takes,
    });
    Ok(())
}

/// Every dependency that is the service `gone` keeps, as a typed figure,
/// what it takes from it at `now`.
fn keep_figures_of(p: &mut Portfolio, gone: &str, now: DateTime<Utc>) {
    let users: Vec<(usize, String)> = p
        .services
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            s.uses
                .iter()
                .filter(|u| u.service == gone)
                .map(move |u| (i, u.dependency.clone()))
        })
        .collect();
    for (i, dependency) in users {
        keep_figure(p, i, &dependency, now);
        p.services[i].uses.retain(|u| u.dependency != dependency);
    }
}

/// Service `i`'s dependency `name` keeps, as a typed figure, the figure it
/// takes at `now` (unchanged when the portfolio cannot be evaluated).
fn keep_figure(p: &mut Portfolio, i: usize, name: &str, now: DateTime<Utc>) {
    let Ok(evaluated) = super::evaluated(p, now) else {
        return;
    };
    let taken = evaluated[i]
        .0
        .dependencies
        .dependencies
        .iter()
        .find_map(|d| match d {
            Composition::Component(c) if c.name == name => Some(c.unavailability),
            _ => None,
        });
    if let Some(u) = taken {
        let _ = scenario_edit(p, i, |s| {
            for d in &mut s.dependencies.dependencies {
                if let Composition::Component(c) = d {
                    if c.name == name {
                        c.unavailability = u;
                    }
                }
            }
        });
    }
}

fn service(p: &Portfolio, i: usize) -> Result<&Service, String> {
    p.services
        .get(i)
        .ok_or_else(|| format!("the portfolio has no service number {}", i + 1))
}

fn scenario(p: &Portfolio, i: usize) -> Result<Scenario, String> {
    Ok(crate::link::decode(&service(p, i)?.link).scenario)
}

fn scenario_edit(p: &mut Portfolio, i: usize, f: impl FnOnce(&mut Scenario)) -> Result<(), String> {
    let mut s = scenario(p, i)?;
    f(&mut s);
    p.services[i].link = crate::link::encode(&s);
    Ok(())
}

/// The name of service `i`'s top-level component `d`.
fn component(p: &Portfolio, i: usize, d: usize) -> Result<String, String> {
    let s = scenario(p, i)?;
    match s.dependencies.dependencies.get(d) {
        Some(Composition::Component(c)) => Ok(c.name.clone()),
        _ => Err(format!(
            "{} has no dependency number {} that is a single component",
            quoted(&p.services[i].name, NAME_CHARS),
            d + 1
        )),
    }
}

fn field(p: &Portfolio, i: usize, what: &str, e: impl std::fmt::Display) -> String {
    let name = p.services.get(i).map_or("", |s| s.name.as_str());
    format!("{}'s {what}: {e}", quoted(name, NAME_CHARS))
}
