//! Each service's inputs: its name, target, incident model, deployments and
//! traffic criticality (what who runs it turns on), and its top-level
//! dependencies, each typed or another service of the portfolio
//! (taking its expected availability or its target). Everything else of
//! its scenario is edited in the calculator: the service opens there by
//! its link, and a link from there can be pasted back.

use nines_core::portfolio::edit::{DependencyInput, Edit, ServiceInputs};
use nines_core::portfolio::{Takes, MAX_SERVICES};
use nines_core::support::{TrafficCriticality, CRITICALITY_CHOICES};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::state::{Action, State};
use crate::view::dispatch::Dispatch;
use crate::view::field::Field;

/// A callback that turns what is typed into an edit of the field `key`.
fn on_edit(
    dispatch: &Dispatch,
    key: String,
    edit: impl Fn(String) -> Edit + 'static,
) -> Callback<String> {
    let dispatch = dispatch.clone();
    Callback::from(move |text: String| {
        dispatch.dispatch(Action::Edit {
            key: key.clone(),
            edit: edit(text),
        })
    })
}

/// A button's callback that dispatches `edit`.
fn on_click(dispatch: &Dispatch, key: String, edit: Edit) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_: MouseEvent| {
        dispatch.dispatch(Action::Edit {
            key: key.clone(),
            edit: edit.clone(),
        })
    })
}

pub fn view(s: &State, dispatch: Dispatch) -> Html {
    let full = s.portfolio.services.len() >= MAX_SERVICES;
    let names: Vec<String> = s.inputs.iter().map(|x| x.name.clone()).collect();
    html! {
        <section class="card" id="portfolio-services" aria-labelledby="portfolio-services-heading">
            <h2 id="portfolio-services-heading">{ "The services" }</h2>
            <p class="convention">
                { "Each service is a whole Nines scenario. Here: its target, its incidents, its \
                   deployments and traffic (what who runs it turns on) and its dependencies; a \
                   dependency may be another service of the portfolio. Everything else opens in the \
                   calculator." }
            </p>
            { for s.inputs.iter().enumerate().map(|(i, x)| service(s, &dispatch, i, x, &names)) }
            <div class="toolbar">
                <button type="button" id="portfolio-add" disabled={full}
                    onclick={on_click(&dispatch, "add".into(), Edit::AddService)}>
                    { "Add a service" }
                </button>
            </div>
            if full {
                <p class="notes" id="portfolio-full" role="status">
                    { format!("A portfolio holds at most {MAX_SERVICES} services: remove one to add another.") }
                </p>
            }
            if let Some(why) = s.error("add") {
                <p class="error" role="alert">{ why }</p>
            }
        </section>
    }
}

fn service(s: &State, dispatch: &Dispatch, i: usize, x: &ServiceInputs, names: &[String]) -> Html {
    let key = |field: &str| format!("{i}.{field}");
    let error = |field: &str| s.error(&key(field)).map(AttrValue::from);
    let id = |field: &str| format!("svc{i}-{field}");
    html! {
        <fieldset class="service" id={id("service")} data-service={x.name.clone()}>
            <legend>{ &x.name }</legend>
            <div class="fields">
                <Field id={id("name")} label="Name" value={x.name.clone()} error={error("name")}
                    on_edit={on_edit(dispatch, key("name"), move |t| Edit::Name(i, t))} />
                <Field id={id("target")} label="Target" value={x.target.clone()} error={error("target")}
                    hint="99.9%, 3 nines or 1/1000"
                    on_edit={on_edit(dispatch, key("target"), move |t| Edit::Target(i, t))} />
                <Field id={id("incidents")} label="Incidents a year" value={x.incidents_per_year.clone()}
                    error={error("incidents")}
                    on_edit={on_edit(dispatch, key("incidents"), move |t| Edit::IncidentsPerYear(i, t))} />
                <Field id={id("restore")} label="Time to restore" value={x.time_to_restore.clone()}
                    error={error("restore")} hint="after detection: 30m, 1h 30m"
                    on_edit={on_edit(dispatch, key("restore"), move |t| Edit::TimeToRestore(i, t))} />
                <Field id={id("deployments")} label="Deployments" value={x.deployments.clone()}
                    error={error("deployments")} hint="2 per week, 1 per day: more than weekly rules out Ops Run It"
                    on_edit={on_edit(dispatch, key("deployments"), move |t| Edit::Deployments(i, t))} />
                { criticality(dispatch, i, x.criticality) }
            </div>
            <h3>{ "Dependencies" }</h3>
            <ul class="dep-list">
                { for x.dependencies.iter().map(|d| dependency(s, dispatch, i, &x.name, d, names)) }
            </ul>
            if x.groups > 0 {
                <p class="notes">{ format!("{} grouped dependencies (redundant or k of n): edit them in the calculator.", x.groups) }</p>
            }
            if let Some(why) = error("dependencies") {
                <p class="error" role="alert">{ why }</p>
            }
            if !x.not_carried.is_empty() {
                <details class="notes">
                    <summary>{ format!("What its SLO spec held that Nines could not carry ({})", x.not_carried.len()) }</summary>
                    <ul>{ for x.not_carried.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                </details>
            }
            <Field id={id("link")} label="Scenario from the calculator (paste its address)"
                value={format!("./?{}", x.link)} error={error("link")}
                on_edit={on_edit(dispatch, key("link"), move |t| Edit::Link(i, t))} />
            <div class="toolbar">
                <button type="button" onclick={on_click(dispatch, key("dependencies"), Edit::AddDependency(i))}>
                    { "Add a dependency" }
                </button>
                <a href={format!("./?{}", estate_link(s, &x.name).unwrap_or(&x.link))} target="_blank" rel="noopener">
                    { format!("Open {} in the calculator", x.name) }
                </a>
                <button type="button" onclick={on_click(dispatch, key("remove"), Edit::RemoveService(i))}>
                    { format!("Remove {}", x.name) }
                </button>
            </div>
            if let Some(why) = error("remove") {
                <p class="error" role="alert">{ why }</p>
            }
        </fieldset>
    }
}

/// One dependency: its name, then what it is (typed, or a service of the
/// portfolio) and its figure or what it takes.
fn dependency(
    s: &State,
    dispatch: &Dispatch,
    i: usize,
    owner: &str,
    d: &DependencyInput,
    names: &[String],
) -> Html {
    let n = d.index;
    let key = |field: &str| format!("{i}.{n}.{field}");
    let id = |field: &str| format!("svc{i}-dep{n}-{field}");
    let error = |field: &str| s.error(&key(field)).map(AttrValue::from);
    let chosen = d.service.as_ref().map(|(name, _)| name.as_str());
    let takes = d.service.as_ref().map_or(Takes::Expected, |(_, t)| *t);
    let on_is = {
        let dispatch = dispatch.clone();
        let key = key("is");
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let service = value
                .strip_prefix("service:")
                .map(|name| (name.to_string(), takes));
            dispatch.dispatch(Action::Edit {
                key: key.clone(),
                edit: Edit::DependencyService(i, n, service),
            })
        })
    };
    let on_takes = {
        let dispatch = dispatch.clone();
        let key = key("is");
        let service = chosen.map(str::to_string);
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let takes = if value == "target" {
                Takes::Target
            } else {
                Takes::Expected
            };
            dispatch.dispatch(Action::Edit {
                key: key.clone(),
                edit: Edit::DependencyService(i, n, service.clone().map(|s| (s, takes))),
            })
        })
    };
    html! {
        <li class="dep-row" data-dependency={d.name.clone()}>
            <Field id={id("name")} label="Dependency" value={d.name.clone()} error={error("name")}
                on_edit={on_edit(dispatch, key("name"), move |t| Edit::DependencyName(i, n, t))} />
            <div class="field">
                <label for={id("is")}>{ "Is" }</label>
                <select id={id("is")} onchange={on_is}>
                    <option value="typed" selected={chosen.is_none()}>{ "typed here" }</option>
                    { for names.iter().filter(|name| name.as_str() != owner).map(|name| html! {
                        <option value={format!("service:{name}")} selected={chosen == Some(name.as_str())}>
                            { format!("the service {name}") }
                        </option>
                    }) }
                    // A use a link gave of a service the portfolio does not
                    // hold: shown, so choosing "typed here" can mend it.
                    if let Some(missing) = chosen.filter(|c| !names.iter().any(|n| n == c)) {
                        <option value={format!("service:{missing}")} selected=true>
                            { format!("the service {missing} (not in the portfolio)") }
                        </option>
                    }
                </select>
            </div>
            if chosen.is_some() {
                <div class="field">
                    <label for={id("takes")}>{ "Takes its" }</label>
                    <select id={id("takes")} onchange={on_takes}>
                        <option value="expected" selected={takes == Takes::Expected}>{ "expected availability" }</option>
                        <option value="target" selected={takes == Takes::Target}>{ "target" }</option>
                    </select>
                </div>
            } else {
                <Field id={id("availability")} label="Availability" value={d.availability.clone()}
                    error={error("availability")}
                    on_edit={on_edit(dispatch, key("availability"), move |t| Edit::DependencyAvailability(i, n, t))} />
            }
            if let Some(why) = error("is") {
                <p class="error" role="alert">{ why }</p>
            }
            <div class="dep-actions">
                <button type="button" aria-label={format!("Remove the dependency {}", d.name)}
                    onclick={on_click(dispatch, key("remove"), Edit::RemoveDependency(i, n))}>
                    { "Remove" }
                </button>
            </div>
        </li>
    }
}

/// The traffic's criticality, a choice.
fn criticality(dispatch: &Dispatch, i: usize, chosen: TrafficCriticality) -> Html {
    let onchange = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some((c, _, _)) = CRITICALITY_CHOICES.iter().find(|(_, id, _)| *id == value) {
                dispatch.dispatch(Action::Edit {
                    key: format!("{i}.criticality"),
                    edit: Edit::Criticality(i, *c),
                })
            }
        })
    };
    let id = format!("svc{i}-criticality");
    html! {
        <div class="field">
            <label for={id.clone()}>{ "Traffic criticality" }</label>
            <select {id} {onchange}>
                { for CRITICALITY_CHOICES.iter().map(|(c, id, label)| html! {
                    <option value={*id} selected={*c == chosen}>{ *label }</option>
                }) }
            </select>
        </div>
    }
}

/// The service's scenario as the estate evaluates it (its dependencies on
/// other services at their figures), for the calculator.
fn estate_link<'a>(s: &'a State, service: &str) -> Option<&'a str> {
    let estate = s.estate.as_ref()?;
    let row = estate.rows.iter().find(|r| r.service == service)?;
    Some(&row.link)
}
