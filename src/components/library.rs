//! *Your scenarios*: save the current scenario under a name, reopen, rename
//! or delete it, and compare two side by side with the differences marked.

use nines_core::link::compare;
use nines_core::scenario::{evaluate, Report, Scenario};
use yew::prelude::*;

use super::field::{commit, non_empty, TextField};
use super::SectionProps;
use crate::library::{self, Saved};
use crate::state::Action;

/// Reads one figure off a report, as the page shows it.
type Read = fn(&Report) -> String;

/// The figures compared side by side: label and how to read it off a report.
const FIGURES: [(&str, Read); 7] = [
    ("Availability target", |r| {
        r.target.availability_percent.clone()
    }),
    ("Allowed downtime per month", |r| {
        r.target
            .downtime
            .iter()
            .find(|row| row.period.id() == "month")
            .map(|row| row.display.clone())
            .unwrap_or_default()
    }),
    ("Error budget", |r| r.budget.allowed_display.clone()),
    ("Budget spent", |r| r.budget.consumed_display.clone()),
    ("Expected incident downtime a year", |r| {
        r.incidents.display.expected_downtime_per_year.clone()
    }),
    ("Total cost a year at the target", |r| {
        r.cost.display.total_cost_at_target.clone()
    }),
    ("Recommended support method", |r| {
        r.support.recommendation.method_name.to_string()
    }),
];

/// A saved scenario with its report (none: the current scenario).
fn evaluate_saved(saved: &Option<Saved>) -> Option<(String, Scenario, Report)> {
    saved.as_ref().map(|s| {
        let scenario = s.scenario();
        let report = evaluate(&scenario, crate::state::now());
        (s.name.clone(), scenario, report)
    })
}

/// One side of the comparison: a saved scenario, or the current one.
fn side<'a>(
    saved: &'a Option<(String, Scenario, Report)>,
    current: (&'a str, &'a Scenario, &'a Report),
) -> (&'a str, &'a Scenario, &'a Report) {
    match saved {
        Some((name, scenario, report)) => (name, scenario, report),
        None => current,
    }
}

#[function_component(LibrarySection)]
pub fn library_section(props: &SectionProps) -> Html {
    let loaded = use_memo((), |_| library::load());
    let saved = use_state(|| loaded.0.clone());
    let message = use_state(|| loaded.1.clone());
    let name = use_state(|| "My scenario".to_string());
    // Compare: indices into `saved`; None is "the current scenario".
    let left = use_state(|| None::<usize>);
    let right = use_state(|| Some(0usize));

    // Another tab saved, renamed or deleted: show its list, so the next
    // change here starts from it instead of overwriting it.
    {
        let saved = saved.clone();
        let message = message.clone();
        use_effect_with((), move |_| {
            let listener = crate::persist::watch_other_tabs(move |change| {
                if let crate::persist::OtherTab::Library = change {
                    let (list, problem) = library::load();
                    saved.set(list);
                    message.set(Some(problem.unwrap_or_else(|| {
                        "Your saved scenarios were changed in another tab; this list now shows them."
                            .to_string()
                    })));
                }
            });
            move || drop(listener)
        });
    }
    let update = {
        let saved = saved.clone();
        let message = message.clone();
        move |next: Vec<Saved>| {
            match library::store(&next) {
                Ok(()) => message.set(None),
                Err(e) => message.set(Some(e)),
            }
            saved.set(next);
        }
    };
    // Made once: setting a state handle needs no later copy of it.
    let on_name = use_memo((), {
        let name = name.clone();
        move |_| commit(non_empty("give the scenario a name"), move |n| name.set(n))
    });
    let save_current = {
        let saved = saved.clone();
        let name = name.clone();
        let update = update.clone();
        let scenario = props.state.scenario.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next: Vec<Saved> = (*saved).clone();
            // Saving under an existing name replaces it.
            next.retain(|s| s.name != *name);
            next.push(Saved {
                name: (*name).clone(),
                link: nines_core::link::encode(&scenario),
            });
            update(next);
        })
    };

    // The current scenario's report is the page's; a saved one is evaluated
    // once per choice, not on every edit of the current one.
    let chosen = |which: Option<usize>| which.and_then(|i| saved.get(i)).cloned();
    let left_saved = use_memo(chosen(*left), evaluate_saved);
    let right_saved = use_memo(chosen(*right), evaluate_saved);
    let current = (
        "Current scenario",
        &props.state.scenario,
        &props.state.report,
    );
    let (a_name, a, ra) = side(&left_saved, current);
    let (b_name, b, rb) = side(&right_saved, current);
    let inputs = compare(a, b);
    let chooser = |id: &'static str, label: &'static str, state: UseStateHandle<Option<usize>>| {
        let onchange = {
            let state = state.clone();
            Callback::from(move |e: Event| {
                let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                state.set(select.value().parse::<usize>().ok());
            })
        };
        html! {
            <div class="field">
                <label for={id}>{ label }</label>
                <select {id} {onchange}>
                    <option value="current" selected={state.is_none()}>{ "Current scenario" }</option>
                    { for saved.iter().enumerate().map(|(i, s)| html! {
                        <option value={i.to_string()} selected={*state == Some(i)}>{ &s.name }</option>
                    }) }
                </select>
            </div>
        }
    };

    html! {
        <section class="card" id="library" aria-labelledby="library-heading">
            <h2 id="library-heading">{ "Your scenarios" }</h2>
            <p class="convention">{ "Kept in this browser only; nothing is sent anywhere." }</p>
            <div class="fields">
                <TextField id="scenario-name" label="Scenario name" value={(*name).clone()} on_commit={(*on_name).clone()} />
                <div class="field">
                    <span class="label-spacer" aria-hidden="true">{ "\u{a0}" }</span>
                    <button type="button" id="save-scenario" onclick={save_current}>{ "Save the current scenario" }</button>
                </div>
            </div>
            if let Some(m) = &*message {
                <p class="error" role="status" id="library-message">{ m }</p>
            }
            <ul class="dep-list" id="saved-scenarios">
                { for saved.iter().enumerate().map(|(i, s)| {
                    let open = {
                        let d = props.state.dispatcher();
                        let s = s.clone();
                        Callback::from(move |_: MouseEvent| d.dispatch(Action::Replace(Box::new(s.scenario()))))
                    };
                    let delete = {
                        let saved = saved.clone();
                        let update = update.clone();
                        Callback::from(move |_: MouseEvent| {
                            let mut next: Vec<Saved> = (*saved).clone();
                            if i < next.len() {
                                next.remove(i);
                            }
                            update(next);
                        })
                    };
                    let rename = {
                        let saved = saved.clone();
                        let update = update.clone();
                        commit(
                            non_empty("a name cannot be empty"),
                            move |n| {
                                let mut next: Vec<Saved> = (*saved).clone();
                                if let Some(entry) = next.get_mut(i) {
                                    entry.name = n;
                                }
                                update(next);
                            },
                        )
                    };
                    html! {
                        <li key={format!("{i}-{}", s.name)}>
                            <div class="dep-row">
                                <TextField id={format!("saved-{i}-name")} label={format!("Rename \"{}\"", s.name)}
                                    value={s.name.clone()} on_commit={rename} />
                                <div class="dep-actions">
                                    <button type="button" onclick={open} aria-label={format!("Open {}", s.name)}>{ "Open" }</button>
                                    <button type="button" onclick={delete} aria-label={format!("Delete {}", s.name)}>{ "Delete" }</button>
                                </div>
                            </div>
                        </li>
                    }
                }) }
            </ul>
            <h3>{ "Compare" }</h3>
            <div class="fields">
                { chooser("compare-a", "First", left.clone()) }
                { chooser("compare-b", "Second", right.clone()) }
            </div>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Compare two scenarios">
            <table id="compare-table" class="wide">
                <caption>{ "Differences are marked ≠" }</caption>
                <thead><tr>
                    <th scope="col">{ "Figure or input" }</th>
                    <th scope="col">{ a_name }</th>
                    <th scope="col">{ b_name }</th>
                </tr></thead>
                <tbody>
                    { for FIGURES.iter().map(|(label, read)| {
                        let (x, y) = (read(ra), read(rb));
                        let differs = x != y;
                        html! { <tr class={classes!(differs.then_some("diff"))}>
                            <th scope="row">{ if differs { format!("≠ {label}") } else { label.to_string() } }</th>
                            <td class="num">{ x }</td><td class="num">{ y }</td>
                        </tr> }
                    }) }
                    { for inputs.iter().map(|d| html! { <tr class="diff input">
                        <th scope="row">{ format!("≠ input {}", d.key) }</th>
                        <td>{ &d.a }</td><td>{ &d.b }</td>
                    </tr> }) }
                </tbody>
            </table>
            </div>
        </section>
    }
}
