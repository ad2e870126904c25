//! The incidents chapter: the incident model's figures and the incident
//! log.

use nines_core::bounds::List;
use nines_core::clock::{DateTime, Utc};
use nines_core::incident::{IncidentInputs, ModelSource, PastIncident};

/// A change to the incidents chapter.
#[derive(Debug, Clone, PartialEq)]
pub enum IncidentsAction {
    /// Rate, times (seconds) and scope (fraction).
    PerYear(f64),
    Detect(f64),
    Recover(f64),
    Scope(f64),
    /// The incident model's figures: typed, or from the log; and when the
    /// log began (`None`: its first incident).
    ModelSource(ModelSource),
    LoggedSince(Option<DateTime<Utc>>),
    /// The incident log: add incidents at its end (one, or the lines of a
    /// pasted CSV), edit one field of one, remove one (by position).
    Add(Vec<PastIncident>),
    Edit {
        index: usize,
        edit: IncidentEdit,
    },
    Remove(usize),
}

/// A change to one logged incident.
#[derive(Debug, Clone, PartialEq)]
pub enum IncidentEdit {
    Start(DateTime<Utc>),
    /// Seconds.
    Duration(f64),
    /// A fraction of users.
    Scope(f64),
    Note(String),
}

impl IncidentsAction {
    /// Apply the change to the scenario's incidents.
    pub fn apply(self, incidents: &mut IncidentInputs) {
        match self {
            Self::PerYear(x) => incidents.incidents_per_year = x,
            Self::Detect(x) => incidents.time_to_detect_seconds = x,
            Self::Recover(x) => incidents.time_to_recover_seconds = x,
            Self::Scope(x) => incidents.scope = x,
            Self::ModelSource(x) => incidents.model_source = x,
            Self::LoggedSince(x) => incidents.logged_since = x,
            Self::Add(mut added) => {
                // The editors stop at a list's bound; the reducer holds it too.
                added.truncate(List::Incidents.room(incidents.history.len()));
                incidents.history.append(&mut added);
            }
            Self::Edit { index, edit } => {
                if let Some(i) = incidents.history.get_mut(index) {
                    match edit {
                        IncidentEdit::Start(t) => i.start = t,
                        IncidentEdit::Duration(d) => i.duration_seconds = d,
                        IncidentEdit::Scope(x) => i.scope = x,
                        IncidentEdit::Note(n) => i.note = n,
                    }
                }
            }
            Self::Remove(index) => {
                if index < incidents.history.len() {
                    incidents.history.remove(index);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::*;

    #[test]
    fn the_incident_log_can_be_added_to_edited_and_removed_from() {
        use nines_core::incident::PastIncident;
        // The default log at 2026-11-11: 300 s in the window (see
        // nines_core::incident's tests). A 30-minute full outage on 9 Nov
        // adds 1 800 s: 2 100 s, then at half scope 900 + 300 = 1 200 s.
        let state = State::default();
        let window = |s: &State| s.report.incidents.log.window.downtime_seconds;
        assert_eq!(window(&state), 300.0);
        let added = PastIncident::parse("2026-11-09T12:00:00Z,30m,100%,new").unwrap();
        let next = state.apply(Action::Incidents(IncidentsAction::Add(vec![added])));
        assert_eq!(next.scenario.incidents.history.len(), 3);
        assert_eq!(window(&next), 2100.0);
        let next = next.apply(Action::Incidents(IncidentsAction::Edit {
            index: 2,
            edit: IncidentEdit::Scope(0.5),
        }));
        assert_eq!(window(&next), 1200.0);
        let next = next.apply(Action::Incidents(IncidentsAction::Edit {
            index: 2,
            edit: IncidentEdit::Note("edited".into()),
        }));
        assert_eq!(next.scenario.incidents.history[2].note, "edited");
        let next = next.apply(Action::Incidents(IncidentsAction::Remove(1)));
        assert_eq!(window(&next), 900.0);
        // Out of range: nothing changes.
        let same = next
            .apply(Action::Incidents(IncidentsAction::Remove(9)))
            .apply(Action::Incidents(IncidentsAction::Edit {
                index: 9,
                edit: IncidentEdit::Duration(1.0),
            }));
        assert!(same == next);
    }
}
