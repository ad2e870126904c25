//! Named scenarios kept in localStorage: saved, reopened, renamed, deleted.
//!
//! Stored as `{"v":1,"scenarios":[{"name":…,"link":…}]}` where `link` is the
//! scenario's link query (`nines_core::link`), so every saved scenario is
//! versioned and migrated exactly like a shared link.

use nines_core::link;
use nines_core::scenario::Scenario;
use serde::{Deserialize, Serialize};

use crate::browser::{storage, LIBRARY_KEY};

const VERSION: u32 = 1;
const NO_STORAGE: &str = "This browser does not allow saving scenarios here (no localStorage).";

/// One saved scenario.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Saved {
    pub name: String,
    pub link: String,
}

impl Saved {
    /// The scenario this entry holds (bad parts at their defaults).
    pub fn scenario(&self) -> Scenario {
        link::decode(&self.link).scenario
    }
}

#[derive(Serialize, Deserialize)]
struct Stored {
    v: u32,
    scenarios: Vec<Saved>,
}

/// The saved scenarios, and a notice when what was stored could not be read
/// (it is then left untouched until the next save replaces it).
pub fn load() -> (Vec<Saved>, Option<String>) {
    let Some(storage) = storage() else {
        return (Vec::new(), Some(NO_STORAGE.into()));
    };
    let Some(text) = storage.get_item(LIBRARY_KEY).ok().flatten() else {
        return (Vec::new(), None);
    };
    match serde_json::from_str::<Stored>(&text) {
        Ok(stored) if stored.v == VERSION => (stored.scenarios, None),
        Ok(stored) => (
            Vec::new(),
            Some(format!(
                "Saved scenarios were written by a newer version (v{}); they are kept but not shown.",
                stored.v
            )),
        ),
        Err(_) => (
            Vec::new(),
            Some("Saved scenarios could not be read; they are ignored until you save again.".into()),
        ),
    }
}

/// Store the list; `Err` carries a message for the user.
pub fn store(scenarios: &[Saved]) -> Result<(), String> {
    let storage = storage().ok_or(NO_STORAGE)?;
    let text = serde_json::to_string(&Stored {
        v: VERSION,
        scenarios: scenarios.to_vec(),
    })
    .map_err(|e| e.to_string())?;
    storage
        .set_item(LIBRARY_KEY, &text)
        .map_err(|_| "Could not save: the browser's storage is full or blocked.".to_string())
}
