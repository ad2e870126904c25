//! *Your scenarios*: save the current scenario under a name, reopen, rename
//! or delete it (a rename or a delete can be undone), and compare two side
//! by side with the differences marked.
//!
//! What is stored, and every rule that keeps it from being lost, is
//! `crate::library`'s; this section renders the list and turns each click
//! into a [`Change`] of it, with one message saying what happened and what
//! the user can do.

use std::rc::Rc;

use nines_core::link::compare;
use nines_core::quote::one_line;
use nines_core::scenario::{evaluate, Report, Scenario};
use yew::prelude::*;

use super::disclosure::Fold;
use super::field::{commit, non_empty, Commit, TextField};
use super::SectionProps;
use crate::library::{self, Library, Saved, Undo};
use crate::state::{Action, State};

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

/// What one side of the comparison shows. A saved scenario is chosen by its
/// name (names are unique), not by its place in the list, so deleting or
/// adding another entry never swaps it for a different one; one that is gone
/// or renamed leaves the current scenario in its place.
#[derive(Clone, PartialEq)]
enum Pick {
    Current,
    /// The first saved scenario, whichever it is (the second side's default).
    FirstSaved,
    Named(String),
}

impl Pick {
    /// The saved scenario picked, if it is (still) in the list.
    fn saved(&self, library: &Library) -> Option<Saved> {
        let mut shown = library.shown().map(|(_, s)| s);
        match self {
            Pick::Current => None,
            Pick::FirstSaved => shown.next(),
            Pick::Named(name) => shown.find(|s| s.name == *name),
        }
        .cloned()
    }
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

/// A name inside a message: in quotes, on one line and bounded.
fn quote(name: &str) -> String {
    format!("“{}”", one_line(name, 80))
}

/// How a message reads.
#[derive(Clone, Copy, PartialEq)]
enum Tone {
    /// Done as asked.
    Done,
    /// Done, or shown, with something to know.
    Note,
    /// Not done.
    Failed,
}

/// The one message of the section: what happened, and what the user can
/// do (an Undo button after a delete or a rename).
#[derive(Clone, PartialEq)]
struct Message {
    text: String,
    tone: Tone,
    undo: Option<Offer>,
}

/// An Undo on offer: what it puts back, what it then says, and the element
/// that then gets the focus (the restored entry's field or button).
#[derive(Clone, PartialEq)]
struct Offer {
    undo: Undo,
    said: String,
    focus: String,
}

impl Message {
    fn new(tone: Tone, text: String) -> Message {
        Message {
            text,
            tone,
            undo: None,
        }
    }
}

/// The list as stored, the message about the last change, and where the
/// focus goes after it: the Undo button after a Delete (the button pressed
/// is gone, and a second Enter must not delete the next entry), the entry
/// put back after an Undo.
#[derive(PartialEq)]
struct Shelf {
    library: Library,
    message: Option<Message>,
    focus: Option<String>,
    /// Counts the changes, so the focus moves once after each, not on every render.
    changes: u32,
}

impl Shelf {
    fn then(&self, library: Library, message: Message, focus: Option<String>) -> Rc<Shelf> {
        Rc::new(Shelf {
            library,
            message: Some(message),
            focus,
            changes: self.changes.wrapping_add(1),
        })
    }
}

/// What the user (or another tab) did to the list.
enum Change {
    /// Save a scenario (its link query) under a name.
    Save { name: String, link: String },
    /// Rename the entry at an index.
    Rename { at: usize, name: String },
    /// Delete the entry at an index.
    Delete(usize),
    /// Undo a delete or a rename.
    Undo(Offer),
    /// Another tab changed the stored list: show it.
    Reload,
}

/// What a change does once it is stored: the message then and where the
/// focus goes; if storing fails, the start of the message then and the Undo
/// that stays on offer.
struct Planned {
    done: Message,
    focus: Option<String>,
    failed: String,
    retry: Option<Offer>,
}

/// Saves the scenario's link under `name`, or a free form of it.
fn save(next: &mut Library, name: String, link: String) -> Planned {
    let used = next.save(&name, link);
    let done = if used == name {
        let text = format!("Saved {}. Open, rename or delete it below.", quote(&used));
        Message::new(Tone::Done, text)
    } else {
        let text = format!(
            "Saved as {}: the name was taken. You can rename it below.",
            quote(&used)
        );
        Message::new(Tone::Note, text)
    };
    Planned {
        done,
        focus: None,
        failed: format!("{} was not saved", quote(&name)),
        retry: None,
    }
}

/// Deletes the entry at `at`, with an Undo; none when there is no entry.
fn delete(next: &mut Library, at: usize) -> Option<Planned> {
    let (gone, undo) = next.delete(at)?;
    let name = quote(&gone.name);
    let offer = Offer {
        undo,
        said: format!("Undone: {name} is back in the list."),
        focus: format!("saved-{at}-delete"),
    };
    let done = Message {
        text: format!("Deleted {name}."),
        tone: Tone::Done,
        undo: Some(offer),
    };
    Some(Planned {
        done,
        focus: Some("library-undo".to_string()),
        failed: format!("{name} was not deleted"),
        retry: None,
    })
}

/// Puts back what the offer undoes.
fn undo(next: &mut Library, offer: Offer) -> Planned {
    next.undo(offer.undo.clone());
    Planned {
        done: Message::new(Tone::Done, offer.said.clone()),
        focus: Some(offer.focus.clone()),
        failed: "Nothing was undone".to_string(),
        retry: Some(offer),
    }
}

impl Shelf {
    /// Another tab changed the stored list: show it.
    fn reload(&self) -> Rc<Shelf> {
        let (library, problem) = library::load();
        let text = problem.unwrap_or_else(|| {
            "Your saved scenarios were changed in another tab; this list now shows them."
                .to_string()
        });
        self.then(library, Message::new(Tone::Note, text), None)
    }

    /// Renames the entry at `at`, with an Undo; `Err` is the shelf shown
    /// when there is nothing to store.
    fn rename(
        self: &Rc<Self>,
        next: &mut Library,
        at: usize,
        name: String,
    ) -> Result<Planned, Rc<Shelf>> {
        let Some(renamed) = next.rename(at, &name) else {
            // Nothing to store: the same name, or a taken one whose
            // free form is the entry's own name.
            return Err(match self.library.get(at).filter(|s| s.name != name) {
                Some(s) => {
                    let text = format!(
                        "The name {} is taken, so {} keeps its name. Choose another name.",
                        quote(&name),
                        quote(&s.name)
                    );
                    self.then(next.clone(), Message::new(Tone::Failed, text), None)
                }
                None => Rc::clone(self),
            });
        };
        let (from, to) = (quote(&renamed.from), quote(&renamed.to));
        let text = if renamed.to == name {
            format!("Renamed {from} to {to}.")
        } else {
            format!(
                "Renamed {from} to {to}: the name {} was taken.",
                quote(&name)
            )
        };
        let offer = Offer {
            undo: renamed.undo,
            said: format!("Undone: {to} is called {from} again."),
            focus: format!("saved-{at}-name"),
        };
        let done = Message {
            text,
            tone: Tone::Done,
            undo: Some(offer),
        };
        Ok(Planned {
            done,
            focus: None,
            failed: format!("{from} was not renamed"),
            retry: None,
        })
    }

    /// Stores the changed list and says what happened: the list shown is
    /// the one stored, so when storing fails only the message changes.
    fn store(&self, mut next: Library, planned: Planned) -> Rc<Shelf> {
        let Planned {
            done,
            focus,
            failed,
            retry,
        } = planned;
        match library::store(&mut next) {
            Ok(None) => self.then(next, done, focus),
            Ok(Some(key)) => {
                let text = format!(
                    "{} The saved scenarios this page could not read were first copied to {} \
                     in this browser's storage, where they are kept (the browser's developer \
                     tools show it under Local storage).",
                    done.text,
                    quote(&key)
                );
                let message = Message {
                    text,
                    tone: Tone::Note,
                    ..done
                };
                self.then(next, message, focus)
            }
            Err(reason) => {
                let message = Message {
                    text: format!("{failed}: {reason}"),
                    tone: Tone::Failed,
                    undo: retry,
                };
                self.then(self.library.clone(), message, None)
            }
        }
    }
}

impl Reducible for Shelf {
    type Action = Change;

    /// Apply the change to a copy of the list and store that (Yew runs a
    /// reducer once per dispatch, so it is stored once).
    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut next = self.library.clone();
        let planned = match change {
            Change::Reload => return self.reload(),
            Change::Save { name, link } => save(&mut next, name, link),
            Change::Rename { at, name } => match self.rename(&mut next, at, name) {
                Ok(planned) => planned,
                Err(shown) => return shown,
            },
            Change::Delete(at) => match delete(&mut next, at) {
                Some(planned) => planned,
                None => return self,
            },
            Change::Undo(offer) => undo(&mut next, offer),
        };
        self.store(next, planned)
    }
}

#[function_component(LibrarySection)]
pub fn library_section(props: &SectionProps) -> Html {
    let shelf = use_reducer(|| {
        let (library, problem) = library::load();
        let message = problem.map(|text| Message::new(Tone::Note, text));
        Shelf {
            library,
            message,
            focus: None,
            changes: 0,
        }
    });
    let name = use_state(|| "My scenario".to_string());
    let left = use_state(|| Pick::Current);
    let right = use_state(|| Pick::FirstSaved);

    // Another tab saved, renamed or deleted: show its list, so the next
    // change here starts from it instead of overwriting it.
    {
        let d = shelf.dispatcher();
        use_effect_with((), move |_| {
            let listener = crate::persist::watch_other_tabs(move |change| {
                if let crate::persist::OtherTab::Library = change {
                    d.dispatch(Change::Reload);
                }
            });
            move || drop(listener)
        });
    }
    {
        let focus = shelf.focus.clone();
        use_effect_with(shelf.changes, move |_| {
            use wasm_bindgen::JsCast;
            let element = focus.and_then(|id| gloo::utils::document().get_element_by_id(&id));
            if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = element.focus();
            }
        });
    }
    // Made once: setting a state handle needs no later copy of it.
    let on_name = use_memo((), {
        let name = name.clone();
        move |_| commit(non_empty("give the scenario a name"), move |n| name.set(n))
    });

    // The current scenario's report is the page's; a saved one is evaluated
    // once per choice, not on every edit of the current one.
    let left_saved = use_memo(left.saved(&shelf.library), evaluate_saved);
    let right_saved = use_memo(right.saved(&shelf.library), evaluate_saved);
    let current = (
        "Current scenario",
        &props.state.scenario,
        &props.state.report,
    );
    let sides = [side(&left_saved, current), side(&right_saved, current)];

    html! {
        <section class="card" id="library" aria-labelledby="library-heading">
            <h2 id="library-heading">{ "Your scenarios" }</h2>
            <p class="convention">{ "Kept in this browser only; nothing is sent anywhere." }</p>
            { save_fields(&props.state, &shelf, &name, &on_name) }
            // Always there, so screen readers announce each new message.
            <div role="status" id="library-message">{ message_view(&shelf) }</div>
            <ul class="dep-list" id="saved-scenarios">
                { for shelf.library.shown().map(|(at, s)| saved_row(&props.state, &shelf, [&left, &right], at, s)) }
            </ul>
            <Fold id="library-compare" summary="Compare two scenarios, figure by figure">
            <div class="fields">
                { chooser(&shelf.library, "compare-a", "First", &left, shown(&left_saved)) }
                { chooser(&shelf.library, "compare-b", "Second", &right, shown(&right_saved)) }
            </div>
            { compare_table(sides) }
            </Fold>
        </section>
    }
}

/// The name to save under, and the button saving the current scenario.
fn save_fields(
    state: &UseReducerHandle<State>,
    shelf: &UseReducerHandle<Shelf>,
    name: &str,
    on_name: &Commit,
) -> Html {
    let save_current = {
        let d = shelf.dispatcher();
        let name = name.to_string();
        let shown = state.clone();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Change::Save {
                name: name.clone(),
                link: nines_core::link::encode(&shown.scenario),
            })
        })
    };
    html! {
        <div class="fields">
            <TextField id="scenario-name" label="Scenario name" value={name.to_string()} on_commit={on_name.clone()} />
            <div class="field">
                <span class="label-spacer" aria-hidden="true">{ "\u{a0}" }</span>
                <button type="button" id="save-scenario" onclick={save_current}>{ "Save the current scenario" }</button>
            </div>
        </div>
    }
}

/// The message about the last change, with its Undo when one is on offer.
fn message_view(shelf: &UseReducerHandle<Shelf>) -> Option<Html> {
    let m = shelf.message.as_ref()?;
    let class = match m.tone {
        Tone::Done => "status good",
        Tone::Note => "status warn",
        Tone::Failed => "status bad",
    };
    let undo = m.undo.clone().map(|offer| {
        let d = shelf.dispatcher();
        let onclick = Callback::from(move |_: MouseEvent| d.dispatch(Change::Undo(offer.clone())));
        html! { <>{ " " }<button type="button" id="library-undo" {onclick}>{ "Undo" }</button></> }
    });
    Some(html! { <p {class}>{ &m.text }{ for undo }</p> })
}

/// One saved scenario: its name (renamed in place), Open and Delete.
fn saved_row(
    state: &UseReducerHandle<State>,
    shelf: &UseReducerHandle<Shelf>,
    picks: [&UseStateHandle<Pick>; 2],
    at: usize,
    s: &Saved,
) -> Html {
    let open = {
        let d = state.dispatcher();
        let s = s.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Replace(Box::new(s.scenario()))))
    };
    let delete = {
        let d = shelf.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(Change::Delete(at)))
    };
    // Renamed when the user is done with the name (Enter,
    // or leaving the field), not on every key: one rename,
    // one Undo, and the free-name rule applied to the name
    // meant, never to half of it.
    let rename = {
        let d = shelf.dispatcher();
        let picks = picks.map(|pick| pick.clone());
        let current = s.name.clone();
        Callback::from(move |text: String| {
            let wanted = text.trim();
            if wanted.is_empty() {
                return Err(format!(
                    "A name cannot be empty; {} keeps its name until you type one.",
                    quote(&current)
                ));
            }
            if wanted != current {
                d.dispatch(Change::Rename {
                    at,
                    name: wanted.to_string(),
                });
                // A side comparing this scenario follows it
                // (a taken name gets a suffix: that side
                // then shows the current scenario).
                for pick in &picks {
                    if **pick == Pick::Named(current.clone()) {
                        pick.set(Pick::Named(wanted.to_string()));
                    }
                }
            }
            Ok(())
        })
    };
    html! {
        <li key={at}>
            <div class="dep-row">
                <TextField id={format!("saved-{at}-name")} label={format!("Rename \"{}\"", s.name)}
                    value={s.name.clone()} on_commit={rename} settle=true />
                <div class="dep-actions">
                    <button type="button" onclick={open} aria-label={format!("Open {}", s.name)}>{ "Open" }</button>
                    <button type="button" id={format!("saved-{at}-delete")} onclick={delete} aria-label={format!("Delete {}", s.name)}>{ "Delete" }</button>
                </div>
            </div>
        </li>
    }
}

/// The name of the saved scenario a side shows (none: the current one).
fn shown(saved: &Option<(String, Scenario, Report)>) -> Option<&str> {
    saved.as_ref().map(|(name, _, _)| name.as_str())
}

/// Chooses what one side of the comparison shows.
fn chooser(
    library: &Library,
    id: &'static str,
    label: &'static str,
    state: &UseStateHandle<Pick>,
    shown: Option<&str>,
) -> Html {
    let onchange = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            // The options' values: "current", or "saved:" and a name.
            let value = select.value();
            state.set(match value.strip_prefix("saved:") {
                Some(name) => Pick::Named(name.to_string()),
                None => Pick::Current,
            });
        })
    };
    html! {
        <div class="field">
            <label for={id}>{ label }</label>
            <select {id} {onchange}>
                <option value="current" selected={shown.is_none()}>{ "Current scenario" }</option>
                { for library.shown().map(|(_, s)| html! {
                    <option value={format!("saved:{}", s.name)} selected={shown == Some(s.name.as_str())}>{ &s.name }</option>
                }) }
            </select>
        </div>
    }
}

/// The two sides figure by figure, then every input that differs.
fn compare_table([(a_name, a, ra), (b_name, b, rb)]: [(&str, &Scenario, &Report); 2]) -> Html {
    let inputs = compare(a, b);
    html! {
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
    }
}
