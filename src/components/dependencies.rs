//! Section 4, *Dependencies*: critical dependencies in series, redundant
//! groups, the rule of the extra nine, and the budget they leave to the
//! service itself (Treynor, Dahlin, Rau, Beyer, "The Calculus of Service
//! Availability", ACM Queue 2017).

use nines_core::dependency::Composition;
use nines_core::export::dependencies_table;
use nines_core::quantity::Availability;
use yew::prelude::*;

use super::field::{commit, non_empty, TextField};
use super::figure::{Figure, Notes};
use super::table::TableView;
use super::SectionProps;
use crate::geometry::LinearScale;
use crate::state::{Action, DependencyEdit, State};

/// The canonical availability text of an unavailability (what a field shows).
fn availability_text(u: f64) -> String {
    Availability::from_unavailability(u)
        .map(|a| a.to_string())
        .unwrap_or_else(|_| "—".into())
}

/// "2" for the second dependency, "3.1" for the first member of the third.
fn position(item: usize, member: Option<usize>) -> String {
    match member {
        Some(m) => format!("{}.{}", item + 1, m + 1),
        None => (item + 1).to_string(),
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    dispatch: UseReducerDispatcher<State>,
    item: usize,
    member: Option<usize>,
    name: AttrValue,
    unavailability: f64,
}

/// One component's row: its name, availability and a remove button. Its own
/// component with callbacks made once, so Yew skips the rows an edit leaves
/// unchanged.
#[function_component(DependencyRow)]
fn dependency_row(props: &RowProps) -> Html {
    let (item, member) = (props.item, props.member);
    let deps = (props.dispatch.clone(), item, member);
    let on_name = use_memo(deps.clone(), |(d, item, member)| {
        let (d, item, member) = (d.clone(), *item, *member);
        commit(non_empty("a dependency needs a name"), move |n| {
            d.dispatch(Action::EditDependency {
                item,
                member,
                edit: DependencyEdit::Name(n),
            })
        })
    });
    let on_availability = use_memo(deps.clone(), |(d, item, member)| {
        let (d, item, member) = (d.clone(), *item, *member);
        commit(Availability::parse, move |a| {
            d.dispatch(Action::EditDependency {
                item,
                member,
                edit: DependencyEdit::Availability(a),
            })
        })
    });
    let remove = use_memo(deps, |(d, item, member)| {
        let (d, item, member) = (d.clone(), *item, *member);
        Callback::from(move |_: MouseEvent| d.dispatch(Action::RemoveDependency { item, member }))
    });
    let key = match member {
        Some(m) => format!("dep-{item}-{m}"),
        None => format!("dep-{item}"),
    };
    let name = &props.name;
    html! {
        <div class="dep-row">
            <TextField id={format!("{key}-name")} label={format!("Name of dependency {}", position(item, member))}
                value={name.clone()} on_commit={(*on_name).clone()} />
            <TextField id={format!("{key}-availability")} label={format!("Availability of {name}")}
                value={availability_text(props.unavailability)} on_commit={(*on_availability).clone()} />
            <div class="dep-actions">
                <button type="button" onclick={(*remove).clone()} aria-label={format!("Remove {name}")}>{ "Remove" }</button>
            </div>
        </div>
    }
}

/// The row of a component (`member` set when it is inside a group).
fn component_row(
    state: &UseReducerHandle<State>,
    item: usize,
    member: Option<usize>,
    c: &nines_core::dependency::Component,
) -> Html {
    html! {
        <DependencyRow key={format!("{item}-{member:?}")} dispatch={state.dispatcher()} {item} {member}
            name={c.name.clone()} unavailability={c.unavailability} />
    }
}

#[function_component(DependenciesSection)]
pub fn dependencies_section(props: &SectionProps) -> Html {
    let s = &props.state.scenario;
    let r = &props.state.report.dependencies;
    let service_u = props.state.report.target.unavailability;
    let add = {
        let d = props.state.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::AddDependency))
    };
    let items = s.dependencies.dependencies.iter().enumerate().map(|(i, dep)| {
        let redundant = {
            let d = props.state.dispatcher();
            Callback::from(move |_: MouseEvent| d.dispatch(Action::AddRedundantCopy { item: i }))
        };
        let body = match dep {
            Composition::Component(c) => component_row(&props.state, i, None, c),
            Composition::Parallel(of) | Composition::Serial(of) | Composition::KOfN { of, .. } => {
                let label = match dep {
                    Composition::Parallel(_) => format!("Redundant group: any 1 of {} is enough", of.len()),
                    Composition::KOfN { k, .. } => format!("Redundant group: {k} of {} needed", of.len()),
                    _ => format!("Group: all {} needed", of.len()),
                };
                html! { <>
                    <p class="dep-group-label">{ label }</p>
                    { for of.iter().enumerate().map(|(m, member)| match member {
                        Composition::Component(c) => component_row(&props.state, i, Some(m), c),
                        nested => html! { <p class="dep-group-label">{ nested.name() }{ " (edit through a link or the CLI)" }</p> },
                    }) }
                </> }
            }
        };
        html! {
            <li key={i}>
                { body }
                <button type="button" onclick={redundant}>{ "Add a redundant copy" }</button>
            </li>
        }
    });

    // Budget bars: each dependency's share of the service's unavailability budget, then the service's own.
    // One bar per row of the core's table (each dependency, then the
    // service itself), labelled with the table's own share column.
    let shares = dependencies_table(&props.state.report);
    let unavailabilities: Vec<f64> = r
        .extra_nine
        .iter()
        .map(|c| c.unavailability)
        .chain([r.own_unavailability.max(0.0)])
        .collect();
    // (who, availability, share, unavailability), the texts as the table writes them.
    let bars: Vec<(&str, &str, &str, f64)> = shares
        .rows
        .iter()
        .zip(&unavailabilities)
        .map(|(row, u)| (row[0].as_str(), row[1].as_str(), row[2].as_str(), *u))
        .collect();
    let total: f64 = unavailabilities.iter().sum::<f64>().max(service_u);
    let scale = LinearScale::new((0.0, if total > 0.0 { total } else { 1.0 }), (0.0, 100.0));
    let row_h = 38.0;
    let height = row_h * bars.len() as f64 + 8.0;

    html! {
        <section class="card" id="dependencies" aria-labelledby="dependencies-heading">
            <h2 id="dependencies-heading">{ "Dependencies" }</h2>
            <p class="convention">
                { "Critical dependencies in series multiply: A = ∏ Aᵢ; a redundant group fails only when all its \
                   copies do: U = ∏ Uᵢ. Each critical dependency should offer one more nine than the service \
                   (the rule of the extra nine)." }
            </p>
            <ul class="dep-list" id="dependency-list">{ for items }</ul>
            <button type="button" id="add-dependency" onclick={add}>{ "Add a dependency" }</button>
            <p class="convention" id="deps-own-outages">
                { "The service's own outages: " }{ &r.display.own_outages }{ " (Incidents per year in " }
                <a href="#incidents">{ "Incidents and delivery" }</a>{ ")." }
            </p>
            <div class="headline">
                <Figure id="deps-availability" value={r.display.dependencies_availability.clone()}
                    label="the dependencies together"
                    why="The best the service can do if it never fails itself." />
                <Figure id="deps-own-budget" value={r.display.own_budget_per_window.clone()}
                    label={format!("left to the service itself per {}", s.slo_window.name())}
                    why="The target's budget minus what the dependencies spend."
                    tone={Some(if r.dependencies_break_target { "bad" } else { "good" })} />
                <Figure id="deps-detect-recover" value={r.display.max_detect_and_recover.clone()}
                    label="to detect and recover, per outage"
                    why="The service's own budget divided by its outages: the time each may take." />
            </div>
            <p id="deps-summary">{ &r.summary }</p>
            <p id="deps-promise">
                { &r.display.most_promisable_sentence }
                if let Some(p) = r.most_promisable.filter(|p| *p != s.target) {
                    { " " }
                    <button type="button" id="deps-adopt"
                        onclick={let d = props.state.dispatcher(); Callback::from(move |_: MouseEvent| d.dispatch(Action::SetTarget(p)))}>
                        { format!("Use {} as the target", r.display.most_promisable) }
                    </button>
                }
            </p>
            // In a wrapper: `for` children are flattened into the parent, and a
            // count that changes there makes Yew rebuild the siblings before it
            // (the dependency list, and the field being typed in).
            <div class="group-warnings">
                { for r.group_warnings.iter().map(|w| html! { <p class="status bad group-warning" role="alert">{ w }</p> }) }
            </div>
            if !r.meets_extra_nine {
                <p class="status bad" id="extra-nine-violations">{ &r.display.extra_nine }</p>
            }
            <figure class="chart" id="dependency-bars">
                <figcaption>{ "Who spends the error budget: each dependency's share, and what is left to the service" }</figcaption>
                <svg viewBox={format!("0 0 640 {height}")} role="img" tabindex="0" class="chart-svg"
                    aria-label="Bars of each dependency's share of the service's error budget; the table below has the figures">
                    { for bars.iter().enumerate().map(|(i, (name, available, share, u))| {
                        let y = 4.0 + row_h * i as f64;
                        let w = scale.map(*u) / 100.0 * 560.0;
                        html! { <g>
                            <title>{ format!("{name}: {share} of the budget ({available})") }</title>
                            <text x="0" y={(y + 11.0).to_string()} class="tick">{ name }</text>
                            <rect x="0" y={(y + 16.0).to_string()} width={w.max(0.5).to_string()} height="14"
                                class={if i + 1 == bars.len() { "s3" } else { "s1" }} />
                            <text x={(6.0 + w).to_string()} y={(y + 28.0).to_string()} class="tick">{ *share }</text>
                        </g> }
                    }) }
                </svg>
                <TableView id="dependency-shares" table={shares.clone()} numeric={vec![1, 2]} />
            </figure>
            <p class="convention">{ &r.correlation_warning }</p>
            <Notes notes={r.notes.clone()} />
        </section>
    }
}
