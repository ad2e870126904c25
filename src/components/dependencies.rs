//! Section 4, *Dependencies*: critical dependencies in series, redundant
//! groups, the rule of the extra nine, and the budget they leave to the
//! service itself (Treynor, Dahlin, Rau, Beyer, "The Calculus of Service
//! Availability", ACM Queue 2017).

use std::cell::RefCell;

use nines_core::bounds::List;
use nines_core::dependency::{
    parse_k, parse_scope, Composition, DependencyInputs, GroupKind, Shape,
};
use nines_core::display::format_fraction_percent;
use nines_core::export::dependencies_table_near;
use nines_core::quantity::Availability;
use yew::prelude::*;

use super::disclosure::Fold;
use super::field::{commit, non_empty, TextField};
use super::figure::{Figure, Notes};
use super::table::TableView;
use super::SectionProps;
use crate::geometry::LinearScale;
use crate::state::{Action, DependenciesAction, DependencyEdit, State};

/// Deepest place a member can still be made a redundant pair of its own:
/// members of a group in the list (`[item, member]`) and of a group nested
/// there (`[item, member, nested]`).
const NEST_DEPTH: usize = 3;

/// The id of the hint that names the bounds a disabled button met.
const LIMIT_ID: &str = "dependency-limit";

/// The bounds the section's add buttons are held to: the
/// dependencies' shape, measured once a render, and the bounds the
/// disabled buttons met, named once under the list.
struct Limits {
    shape: Shape,
    reached: RefCell<Vec<List>>,
}

impl Limits {
    fn new(d: &DependencyInputs) -> Self {
        Limits {
            shape: d.shape(),
            reached: RefCell::new(Vec::new()),
        }
    }

    /// Whether adding a dependency is held back.
    fn add(&self, d: &DependencyInputs) -> bool {
        self.note(d.add_blocked(&self.shape))
    }

    /// Whether a redundant copy at `path` is held back.
    fn copy(&self, d: &DependencyInputs, path: &[usize]) -> bool {
        self.note(d.copy_blocked(path, &self.shape))
    }

    fn note(&self, blocked: Option<List>) -> bool {
        let Some(list) = blocked else {
            return false;
        };
        let mut reached = self.reached.borrow_mut();
        if !reached.contains(&list) {
            reached.push(list);
        }
        true
    }

    /// `At most 100 dependencies.`, for each bound met.
    fn hint(&self) -> String {
        self.reached
            .borrow()
            .iter()
            .map(|l| l.hint())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// What a button held back by a bound carries: disabled, and described by
/// the hint naming the bound.
fn held(blocked: bool) -> Option<AttrValue> {
    blocked.then_some(AttrValue::Static(LIMIT_ID))
}

/// The canonical availability text of an unavailability (what a field shows).
fn availability_text(u: f64) -> String {
    Availability::from_unavailability(u)
        .map(|a| a.to_string())
        .unwrap_or_else(|_| "—".into())
}

/// "2" for the second dependency, "3.1" for the first member of the third,
/// "3.1.2" for the second member of a group nested there.
fn position(path: &[usize]) -> String {
    path.iter()
        .map(|i| (i + 1).to_string())
        .collect::<Vec<_>>()
        .join(".")
}

/// The ids' stem: `dep-2`, `dep-2-0`, `dep-2-0-1`.
fn key_of(path: &[usize]) -> String {
    let mut key = String::from("dep");
    for i in path {
        key.push('-');
        key.push_str(&i.to_string());
    }
    key
}

#[derive(Properties, PartialEq)]
struct RowProps {
    dispatch: UseReducerDispatcher<State>,
    path: Vec<usize>,
    name: AttrValue,
    unavailability: f64,
    /// Making it a redundant pair would pass a bound.
    nest_held: bool,
}

/// One component's row: its name, availability, a remove button and (for a
/// member of a group, not too deep) a button making it a redundant pair
/// nested in the group. Its own component with callbacks made once, so Yew
/// skips the rows an edit leaves unchanged.
#[function_component(DependencyRow)]
fn dependency_row(props: &RowProps) -> Html {
    let deps = (props.dispatch.clone(), props.path.clone());
    let on_name = use_memo(deps.clone(), |(d, path)| {
        let (d, path) = (d.clone(), path.clone());
        commit(non_empty("a dependency needs a name"), move |n| {
            d.dispatch(Action::Dependencies(DependenciesAction::Edit {
                path: path.clone(),
                edit: DependencyEdit::Name(n),
            }))
        })
    });
    let on_availability = use_memo(deps.clone(), |(d, path)| {
        let (d, path) = (d.clone(), path.clone());
        commit(Availability::parse, move |a| {
            d.dispatch(Action::Dependencies(DependenciesAction::Edit {
                path: path.clone(),
                edit: DependencyEdit::Availability(a),
            }))
        })
    });
    let remove = use_memo(deps.clone(), |(d, path)| {
        let (d, path) = (d.clone(), path.clone());
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::Dependencies(DependenciesAction::Remove(
                path.clone(),
            )))
        })
    });
    let nest = use_memo(deps, |(d, path)| {
        let (d, path) = (d.clone(), path.clone());
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::Dependencies(DependenciesAction::AddRedundantCopy(
                path.clone(),
            )))
        })
    });
    let path = &props.path;
    let key = key_of(path);
    let name = &props.name;
    html! {
        <div class="dep-row">
            <TextField id={format!("{key}-name")} label={format!("Name of dependency {}", position(path))}
                value={name.clone()} on_commit={(*on_name).clone()} />
            <TextField id={format!("{key}-availability")} label={format!("Availability of {name}")}
                value={availability_text(props.unavailability)} on_commit={(*on_availability).clone()} />
            <div class="dep-actions">
                <button type="button" id={format!("{key}-remove")} onclick={(*remove).clone()}
                    aria-label={format!("Remove {name}")}>{ "Remove" }</button>
                if path.len() > 1 && path.len() < NEST_DEPTH {
                    <button type="button" id={format!("{key}-nest")} onclick={(*nest).clone()}
                        disabled={props.nest_held} aria-describedby={held(props.nest_held)}
                        aria-label={format!("Make it a redundant pair: {name}, inside its group")}>
                        { "Make it a redundant pair" }
                    </button>
                }
            </div>
        </div>
    }
}

/// The outage scope of the dependency at `item`: the share of the
/// service's users an outage of it reaches.
fn scope_field(state: &UseReducerHandle<State>, item: usize, name: &str, scope: f64) -> Html {
    let d = state.dispatcher();
    let on_commit = commit(parse_scope, move |scope| {
        d.dispatch(Action::Dependencies(DependenciesAction::Scope {
            item,
            scope,
        }))
    });
    html! {
        <TextField id={format!("dep-{item}-scope")}
            label={format!("Outage scope of {name} (users an outage of it affects)")}
            value={format_fraction_percent(scope)} {on_commit} />
    }
}

/// A group at `path`: what it needs of its members (any one, k of n, all),
/// `k` for a k-of-n group, its members (components, or groups nested in
/// it), and a button adding a copy of its last member.
fn group_view(
    state: &UseReducerHandle<State>,
    limits: &Limits,
    path: &[usize],
    group: &Composition,
) -> Html {
    let (
        Some(kind),
        Composition::Parallel(of) | Composition::Serial(of) | Composition::KOfN { of, .. },
    ) = (GroupKind::of(group), group)
    else {
        return Html::default();
    };
    let n = of.len();
    let pos = position(path);
    let key = key_of(path);
    let label = match group {
        Composition::Parallel(_) => format!("Redundant group {pos}: any 1 of {n} is enough"),
        Composition::KOfN { k, .. } => format!("Redundant group {pos}: {k} of {n} needed"),
        _ => format!("Group {pos}: all {n} needed"),
    };
    let on_kind = {
        let (d, path) = (state.dispatcher(), path.to_vec());
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(kind) = GroupKind::from_id(&select.value()) {
                d.dispatch(Action::Dependencies(DependenciesAction::GroupKind {
                    path: path.clone(),
                    kind,
                }));
            }
        })
    };
    let k_field = if let Composition::KOfN { k, .. } = group {
        let (d, p) = (state.dispatcher(), path.to_vec());
        let on_commit = commit(
            move |t: &str| parse_k(t, n),
            move |k| {
                d.dispatch(Action::Dependencies(DependenciesAction::GroupK {
                    path: p.clone(),
                    k,
                }))
            },
        );
        html! {
            <TextField id={format!("{key}-k")} label={format!("k of n: members of group {pos} needed (1 to {n})")}
                value={k.to_string()} {on_commit} />
        }
    } else {
        Html::default()
    };
    let grow = {
        let (d, path) = (state.dispatcher(), path.to_vec());
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::Dependencies(DependenciesAction::AddRedundantCopy(
                path.clone(),
            )))
        })
    };
    let grow_held = path.len() > 1 && limits.copy(&state.scenario.dependencies, path);
    let kind_id = format!("{key}-kind");
    html! {
        <div class="dep-group" role="group" aria-label={label.clone()}>
            <p class="dep-group-label" id={format!("{key}-label")}>{ label }</p>
            <div class="field">
                <label for={kind_id.clone()}>{ format!("Kind of group {pos}") }</label>
                <select id={kind_id} onchange={on_kind}>
                    { for [GroupKind::Any, GroupKind::KOfN, GroupKind::All].into_iter().map(|g| html! {
                        <option value={g.id()} selected={g == kind}>{ g.label() }</option>
                    }) }
                </select>
            </div>
            { k_field }
            // In a wrapper: the members are a list whose length changes.
            <div class="dep-members">
                { for of.iter().enumerate().map(|(m, member)| {
                    let mut at = path.to_vec();
                    at.push(m);
                    node_view(state, limits, at, member)
                }) }
            </div>
            if path.len() > 1 {
                <button type="button" id={format!("{key}-grow")} onclick={grow}
                    disabled={grow_held} aria-describedby={held(grow_held)}>
                    { format!("Add a copy to group {pos}") }
                </button>
            }
        </div>
    }
}

/// A component's row or a group, at `path`.
fn node_view(
    state: &UseReducerHandle<State>,
    limits: &Limits,
    path: Vec<usize>,
    node: &Composition,
) -> Html {
    let key = key_of(&path);
    match node {
        Composition::Component(c) => {
            let nest_held = path.len() > 1
                && path.len() < NEST_DEPTH
                && limits.copy(&state.scenario.dependencies, &path);
            html! {
                <DependencyRow key={key} dispatch={state.dispatcher()} path={path}
                    name={c.name.clone()} unavailability={c.unavailability} {nest_held} />
            }
        }
        group => {
            html! { <div key={key} class="dep-node">{ group_view(state, limits, &path, group) }</div> }
        }
    }
}

#[function_component(DependenciesSection)]
pub fn dependencies_section(props: &SectionProps) -> Html {
    let s = &props.state.scenario;
    let r = &props.state.report.dependencies;
    html! {
        <section class="card" id="dependencies" aria-labelledby="dependencies-heading">
            <h2 id="dependencies-heading">{ "Dependencies" }</h2>
            { headline(&props.state) }
            <p id="deps-summary">{ &r.summary }</p>
            <p id="deps-promise">
                { &r.display.most_promisable_sentence }
                { " The most you can promise: " }
                <strong id="deps-most-promisable">{ &props.state.report.spend.most_promisable_display }</strong>
                { " (the answers at the top of the page)." }
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
            // A blank scenario: an empty list says
            // what it means and how to fill it.
            if s.dependencies.dependencies.is_empty() {
                <p class="needs" id="deps-empty">
                    { "This service has no critical dependency listed. Add each service it cannot work \
                       without (its database, a payment provider): open “The dependencies” below and use “Add a dependency”." }
                </p>
            }
            { edit_fold(&props.state) }
            { budget_chart(&props.state) }
            <Notes notes={r.notes.clone()} />
        </section>
    }
}

/// What the dependencies allow: together, what they leave to the service,
/// and its longest time to restore.
fn headline(state: &UseReducerHandle<State>) -> Html {
    let s = &state.scenario;
    let r = &state.report.dependencies;
    html! {
        <div class="headline">
            <Figure id="deps-availability" value={r.display.dependencies_availability_short.clone()}
                exact={Some(AttrValue::from(r.display.dependencies_availability.clone()))}
                label="the dependencies together"
                why="The best the service can do if it never fails itself." />
            <Figure id="deps-own-budget" value={r.display.own_budget_per_window.clone()}
                label={format!("left to the service itself per {}", s.slo_window.name())}
                why="The target's budget minus what the dependencies spend."
                tone={Some(if r.dependencies_break_target { "bad" } else { "good" })} />
            <Figure id="deps-detect-recover" value={state.report.spend.max_time_to_restore_display.clone()}
                label="longest time to restore per outage of its own that meets the target"
                why={format!("The service's own budget, less the failed deployments' expected share, divided by its outages (the same figure in Incidents). With the dependencies alone spending: {}.", r.display.max_detect_and_recover)} />
        </div>
    }
}

/// One dependency of the list: its row or group, its outage scope, a
/// redundant copy, and (a group) its remove button.
fn item_view(
    state: &UseReducerHandle<State>,
    limits: &Limits,
    i: usize,
    dep: &Composition,
) -> Html {
    let s = &state.scenario;
    let redundant = {
        let d = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::Dependencies(DependenciesAction::AddRedundantCopy(
                vec![i],
            )))
        })
    };
    let remove_group = {
        let d = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::Dependencies(DependenciesAction::Remove(vec![i])))
        })
    };
    let name = match dep {
        Composition::Component(c) => c.name.clone(),
        _ => format!("group {}", i + 1),
    };
    let copy_held = limits.copy(&s.dependencies, &[i]);
    html! {
        <li key={i}>
            { node_view(state, limits, vec![i], dep) }
            { scope_field(state, i, &name, s.dependencies.scope(i)) }
            <button type="button" id={format!("dep-{i}-copy")} onclick={redundant}
                disabled={copy_held} aria-describedby={held(copy_held)}>{ "Add a redundant copy" }</button>
            if !matches!(dep, Composition::Component(_)) {
                <button type="button" id={format!("dep-{i}-remove")} onclick={remove_group}>{ format!("Remove group {}", i + 1) }</button>
            }
        </li>
    }
}

/// The dependencies, edited: how they combine, the list, the add button
/// and the bounds it met.
fn edit_fold(state: &UseReducerHandle<State>) -> Html {
    let s = &state.scenario;
    let r = &state.report.dependencies;
    let add = {
        let d = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::Dependencies(DependenciesAction::Add))
        })
    };
    let limits = Limits::new(&s.dependencies);
    let add_held = limits.add(&s.dependencies);
    let items = s
        .dependencies
        .dependencies
        .iter()
        .enumerate()
        .map(|(i, dep)| item_view(state, &limits, i, dep));
    // Built now, so that the bounds the list's buttons met are known below.
    let list = html! { <ul class="dep-list" id="dependency-list">{ for items }</ul> };
    let limit_hint = limits.hint();
    html! {
        <Fold id="deps-edit" summary={format!("The dependencies ({} listed): edit them, and how they combine", s.dependencies.dependencies.len())}>
        <p class="convention">
            { "Critical dependencies in series multiply: A = ∏ Aᵢ; a redundant group fails only when all its \
               copies do: U = ∏ Uᵢ; a k-of-n group fails when fewer than k of its n members work. Each \
               critical dependency should offer one more nine than the service (the rule of the extra nine)." }
        </p>
        <p class="convention" id="deps-scope-rule">
            { "Outage scope: the share of the service's users an outage of a dependency reaches. A dependency's \
               unavailability counts × its scope (a 99.9% dependency whose outages reach 25% of users costs \
               0.1% × 25% = 0.025% of the time), in the dependencies together, the budget shares and the rule \
               of the extra nine. The service's own outages are counted at the scope shown below, not the \
               incident model's." }
        </p>
        { list }
        <button type="button" id="add-dependency" onclick={add}
            disabled={add_held} aria-describedby={held(add_held)}>{ "Add a dependency" }</button>
        if !limit_hint.is_empty() {
            <p class="hint" id={LIMIT_ID}>{ limit_hint }</p>
        }
        <p class="convention" id="deps-own-outages">
            { "The service's own outages: " }{ &r.display.own_outages }{ " (Incidents per year in " }
            <a href="#incidents">{ "Incidents and delivery" }</a>{ ")." }
        </p>
        </Fold>
    }
}

/// Who spends the error budget, as bars and as the core's table.
fn budget_chart(state: &UseReducerHandle<State>) -> Html {
    let r = &state.report.dependencies;
    let service_u = state.report.target.unavailability;
    // Budget bars: each dependency's share of the service's unavailability budget, then the service's own.
    // One bar per row of the core's table (each dependency, then the
    // service itself), labelled with the table's own share column.
    let shares = dependencies_table_near(&state.report);
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
        <Fold id="deps-chart" summary="Chart: who spends the budget, and the assumption behind it">
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
        </Fold>
    }
}
