//! The incident log, inside the Incidents section: the
//! incidents that happened, each with its start, duration, share of users
//! and a note (add, edit, remove, or paste CSV lines), and what they
//! achieved over the SLO window and the period logged (from "Logged since",
//! else the first incident, to now) against the target and the incident
//! model. Every figure is the core's (`report.incidents.log`).

use nines_core::bounds::List;
use nines_core::clock::{parse_instant, DateTime, Utc};
use nines_core::incident::{read_incident_csv, IncidentLogReport, PastIncident};
use yew::prelude::*;

use super::field::{commit, Kind, NumberField, TextField};
use super::figure::Figure;
use super::SectionProps;
use crate::state::{Action, IncidentEdit, IncidentsAction, State};

#[derive(Properties, PartialEq)]
struct RowProps {
    dispatch: UseReducerDispatcher<State>,
    index: usize,
    start: AttrValue,
    start_display: AttrValue,
    duration_seconds: f64,
    scope: f64,
    note: AttrValue,
    in_window: AttrValue,
}

/// One incident's row: its four fields, how much of it the window holds,
/// and a remove button. Its own component with callbacks made once, so Yew
/// skips the rows an edit leaves unchanged.
#[function_component(IncidentRow)]
fn incident_row(props: &RowProps) -> Html {
    let index = props.index;
    let deps = (props.dispatch.clone(), index);
    let on_duration = use_memo(deps.clone(), |(d, index)| {
        let (d, index) = (d.clone(), *index);
        Callback::from(move |x| {
            d.dispatch(Action::Incidents(IncidentsAction::Edit {
                index,
                edit: IncidentEdit::Duration(x),
            }))
        })
    });
    let on_scope = use_memo(deps.clone(), |(d, index)| {
        let (d, index) = (d.clone(), *index);
        Callback::from(move |x| {
            d.dispatch(Action::Incidents(IncidentsAction::Edit {
                index,
                edit: IncidentEdit::Scope(x),
            }))
        })
    });
    let on_start = use_memo(deps.clone(), |(d, index)| {
        let (d, index) = (d.clone(), *index);
        commit(parse_instant, move |t| {
            d.dispatch(Action::Incidents(IncidentsAction::Edit {
                index,
                edit: IncidentEdit::Start(t),
            }))
        })
    });
    let on_note = use_memo(deps.clone(), |(d, index)| {
        let (d, index) = (d.clone(), *index);
        commit(
            |t: &str| Ok::<String, String>(t.trim().to_string()),
            move |n| {
                d.dispatch(Action::Incidents(IncidentsAction::Edit {
                    index,
                    edit: IncidentEdit::Note(n),
                }))
            },
        )
    });
    let remove = use_memo(deps, |(d, index)| {
        let (d, index) = (d.clone(), *index);
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::Incidents(IncidentsAction::Remove(index)))
        })
    });
    let n = index + 1;
    let key = format!("incident-{index}");
    html! {
        <li class="dep-row incident-row">
            <TextField id={format!("{key}-start")} label={format!("Start of incident {n}")}
                value={props.start.clone()} on_commit={(*on_start).clone()}
                hint="a date, or a date and time (UTC): 2026-11-05 14:00" />
            <NumberField id={format!("{key}-duration")} label={format!("Duration of incident {n}")}
                kind={Kind::Duration} value={props.duration_seconds} on_value={(*on_duration).clone()} />
            <NumberField id={format!("{key}-scope")} label={format!("Users affected by incident {n}")}
                kind={Kind::Fraction} value={props.scope} on_value={(*on_scope).clone()} />
            <TextField id={format!("{key}-note")} label={format!("Note on incident {n}")}
                value={props.note.clone()} on_commit={(*on_note).clone()} />
            <div class="dep-actions">
                <span class="hint" id={format!("{key}-in-window")}>{ "In the SLO window: " }{ &props.in_window }</span>
                <button type="button" onclick={(*remove).clone()}
                    aria-label={format!("Remove incident {n} ({})", props.start_display)}>{ "Remove" }</button>
            </div>
        </li>
    }
}

/// A new incident: a 30-minute full outage that started an hour before
/// `now`, to the minute, for the user to edit.
fn new_incident(now: DateTime<Utc>) -> PastIncident {
    let minute = (now.timestamp() - 3600).div_euclid(60) * 60;
    PastIncident {
        start: DateTime::from_timestamp(minute, 0).unwrap_or(now),
        duration_seconds: 1800.0,
        scope: 1.0,
        note: String::new(),
    }
}

/// What the last paste did: how many were added, each bad line, and how
/// many the log had no room for.
type Pasted = Option<(usize, Vec<String>, usize)>;

#[function_component(IncidentLog)]
pub fn incident_log(props: &SectionProps) -> Html {
    let s = &props.state.scenario;
    let log = &props.state.report.incidents.log;
    // Empty text: logging began with the first incident.
    let on_since = super::field::use_commit(
        &props.state,
        |t: &str| match t.trim() {
            "" => Ok(None),
            t => parse_instant(t).map(Some),
        },
        |x| Action::Incidents(IncidentsAction::LoggedSince(x)),
    );
    // The period logged's start in force: typed, else the first incident's
    // (typing it back pins it; emptying the field unpins it).
    let since_text = log.period.from.iso.clone();
    let csv = use_state(String::new);
    let pasted = use_state(|| Pasted::None);
    let logged = s.incidents.history.len();
    let full = List::Incidents.room(logged) == 0;
    let add = {
        let d = props.state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::Incidents(IncidentsAction::Add(vec![new_incident(
                crate::state::now(),
            )])))
        })
    };
    let rows = s.incidents.history.iter().enumerate().map(|(index, i)| {
        let shown = log.rows.get(index);
        html! {
            <IncidentRow key={index} dispatch={props.state.dispatcher()} {index}
                start={i.start_text()}
                start_display={shown.map(|r| r.start.display.clone()).unwrap_or_default()}
                duration_seconds={i.duration_seconds} scope={i.scope} note={i.note.clone()}
                in_window={shown.map(|r| r.display.in_window.clone()).unwrap_or_default()} />
        }
    });
    html! {
        <div id="incident-log-part">
            <h3 id="incident-log-heading">{ "Incidents that happened" }</h3>
            <p class="convention">
                { "The incident log: what actually happened, against the target and the assumptions above. " }
                { &log.display.counting_rule }
            </p>
            <ul class="dep-list" id="incident-log" aria-labelledby="incident-log-heading">{ for rows }</ul>
            if s.incidents.history.is_empty() {
                <p id="incident-log-empty">{ "No incidents logged." }</p>
            }
            <button type="button" id="add-incident" onclick={add} disabled={full}
                aria-describedby={full.then_some(AttrValue::Static("incident-log-limit"))}>{ "Add an incident" }</button>
            if full {
                <p class="hint" id="incident-log-limit">{ List::Incidents.hint() }</p>
            }
            { csv_field(props.state.dispatcher(), &csv, &pasted, logged) }
            <div class="fields">
                <TextField id="logged-since" label="Logged since" value={since_text}
                    on_commit={on_since}
                    hint={if s.incidents.logged_since.is_some() { "when logging began, as typed (empty it to start at the first incident); rates and achieved availability are over the period from it to now" } else { "when logging began: the first incident until you type a date; rates and achieved availability are over the period from it to now" }} />
            </div>
            { achieved(log, props.state.report.budget.window_seconds) }
            <p id="incident-log-rate">{ &log.display.rate }{ "." }</p>
            <p id="incident-log-restore">{ &log.display.time_to_restore }{ "." }</p>
            if let Some(warning) = &log.display.optimistic {
                <p class="status bad" id="incident-log-optimistic">{ warning }</p>
            }
        </div>
    }
}

/// Adds the incidents pasted as CSV lines, as many as the log has room for.
fn add_pasted(
    d: UseReducerDispatcher<State>,
    csv: &UseStateHandle<String>,
    pasted: &UseStateHandle<Pasted>,
    logged: usize,
) -> Callback<MouseEvent> {
    let (csv, pasted) = (csv.clone(), pasted.clone());
    Callback::from(move |_: MouseEvent| {
        let mut read = read_incident_csv(&csv);
        // Only as many as the log has room for, the first pasted.
        let room = List::Incidents.room(logged);
        let no_room = read.incidents.len().saturating_sub(room);
        read.incidents.truncate(room);
        let added = read.incidents.len();
        if added > 0 {
            d.dispatch(Action::Incidents(IncidentsAction::Add(read.incidents)));
        }
        // The box keeps only the lines not added, to correct them or
        // add them once there is room, in the order they were pasted.
        let lines: Vec<&str> = csv.lines().collect();
        let mut left_lines: Vec<usize> = read.errors.iter().map(|e| e.line).collect();
        left_lines.extend(&read.lines[added..]);
        nines_core::sort::sort_by(&mut left_lines, |a, b| a.cmp(b));
        let left: Vec<&str> = left_lines
            .iter()
            .filter_map(|&line| lines.get(line - 1).copied())
            .collect();
        let errors = read
            .errors
            .iter()
            .map(|e| match lines.get(e.line - 1) {
                Some(text) => format!("{e} (the line was {:?})", text.trim()),
                None => e.to_string(),
            })
            .collect();
        csv.set(left.join("\n"));
        pasted.set(Some((added, errors, no_room)));
    })
}

/// The box to paste CSV lines into, its button, and what the last paste did.
fn csv_field(
    d: UseReducerDispatcher<State>,
    csv: &UseStateHandle<String>,
    pasted: &UseStateHandle<Pasted>,
    logged: usize,
) -> Html {
    let on_csv = {
        let csv = csv.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            csv.set(area.value());
        })
    };
    let add_csv = add_pasted(d, csv, pasted, logged);
    html! {
        <div class="field">
            <label for="incident-csv">{ "Paste incidents as CSV: date, duration, scope[, note], one a line" }</label>
            <textarea id="incident-csv" rows="4" spellcheck="false" value={(**csv).clone()}
                placeholder="2026-11-05T14:00:00Z,20m,25%,card payments failing"
                aria-describedby="incident-csv-result" oninput={on_csv} />
            <button type="button" id="add-incident-csv" onclick={add_csv}>{ "Add these incidents" }</button>
            <div id="incident-csv-result" role="status">
                { paste_result(pasted) }
            </div>
        </div>
    }
}

/// What the last paste did.
fn paste_result(pasted: &UseStateHandle<Pasted>) -> Html {
    html! {
        if let Some((added, errors, no_room)) = &**pasted {
            <p>{ format!("{added} {} added.", if *added == 1 { "incident" } else { "incidents" }) }</p>
            if *no_room > 0 {
                <p class="status bad" id="incident-csv-no-room">
                    { format!(
                        "{no_room} more {} not added and {} left in the box. {}",
                        if *no_room == 1 { "was" } else { "were" },
                        if *no_room == 1 { "is" } else { "are" },
                        List::Incidents.hint(),
                    ) }
                </p>
            }
            if !errors.is_empty() {
                <ul class="notes error" id="incident-csv-errors">
                    { for errors.iter().map(|e| html! { <li>{ e }</li> }) }
                </ul>
            }
        }
    }
}

/// What the logged incidents achieved over the window and the period
/// logged, and what they spent of the window's budget.
fn achieved(log: &IncidentLogReport, window_seconds: f64) -> Html {
    // The window's share elapsed: spending faster than it is a warning.
    let elapsed_share = log.window.seconds / window_seconds;
    let spent_tone = match log.window_budget_spent {
        Some(x) if x > 1.0 => "bad",
        Some(x) if x > elapsed_share => "warn",
        _ => "good",
    };
    let tone = |meets: Option<bool>| match meets {
        Some(true) => Some("good"),
        Some(false) => Some("bad"),
        None => None,
    };
    html! {
        <div class="headline">
            <Figure id="incident-achieved-window" value={log.window.display.availability_short.clone()}
                exact={Some(AttrValue::from(log.window.display.availability.clone()))}
                label={format!("achieved over {}: {}", log.window.display.period, log.window.display.verdict)}
                why="1 − logged downtime × share of users ÷ the time measured."
                tone={tone(log.window.meets_target)} />
            <Figure id="incident-achieved-period" value={log.period.display.availability_short.clone()}
                exact={Some(AttrValue::from(log.period.display.availability.clone()))}
                label={format!("achieved over {}: {}", log.period.display.period, log.period.display.verdict)}
                why="The same over the period logged: never extrapolated beyond it."
                tone={tone(log.period.meets_target)} />
            <Figure id="incident-log-budget" value={log.display.window_budget_spent.clone()}
                label="spent by the logged incidents"
                why="Their user-weighted downtime in the window so far, against the window's whole budget; a time-based error budget counts exactly this."
                tone={Some(spent_tone)} />
        </div>
    }
}
