//! Named scenarios kept in localStorage: saved, reopened, renamed, deleted,
//! and put back (undo).
//!
//! Stored as `{"v":1,"scenarios":[{"name":…,"link":…}]}` where `link` is the
//! scenario's link query (`nines_core::link`), so every saved scenario is
//! versioned and migrated exactly like a shared link.
//!
//! Nothing stored is lost here:
//! - entries are read one by one: one that is not a string `name` with a
//!   string `link` is not shown (and reported), but it is written back as it
//!   was, at its place, whenever the list is written; so are the members of
//!   an entry or of the list this version does not know;
//! - storage that cannot be read at all (not JSON, not a list, or written by
//!   a newer version) is copied to a backup key before the first write
//!   replaces it ([`store`]);
//! - a name already in the list gets a suffix, on save and on rename
//!   ([`Library::free_name`]), so no save ever replaces another entry;
//! - delete and rename give an [`Undo`].
//!
//! Everything but [`load`] and [`store`] is plain Rust over the stored text;
//! the module is compiled for wasm32 only (see `lib.rs`), so the end-to-end
//! test `tests/e2e/library.test.mjs` is what exercises it.

use nines_core::link;
use nines_core::scenario::Scenario;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::browser::{storage, LIBRARY_KEY};

const VERSION: u64 = 1;

/// Where stored scenarios this version cannot read are copied before the
/// first write replaces them; when that key is taken, the first free of
/// `….2`, `….3`, ….
pub const BACKUP_KEY: &str = "nines.library.unreadable";

const NO_STORAGE: &str = "Scenarios cannot be saved by name here: this page has no storage \
     (it is in a frame of another page, or the browser blocks site data). Open Nines in its own \
     tab to save them.";
const NO_STORAGE_REASON: &str = "this page has no storage (it is in a frame of another page, or \
     the browser blocks site data). Open Nines in its own tab, or copy the link to keep the \
     scenario.";
const FULL: &str = "the browser's storage is full or blocked. Delete saved scenarios you no \
     longer need, or free some of this site's storage, and try again.";
const BACKUP_FAILED: &str = "the saved scenarios this page cannot read must first be copied to a \
     backup, and the browser's storage refused the copy (it is full or blocked). Nothing was \
     changed; free some of this site's storage and try again.";
const KEPT: &str = "They are kept as they are: saving here first copies them to a backup in \
     this browser's storage, so nothing is lost.";

/// One saved scenario.
#[derive(Clone, Debug, PartialEq)]
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

/// One stored entry: exactly as stored, and what this version reads of it
/// (`None`: not a string `name` with a string `link`; kept, not shown).
#[derive(Clone, Debug, PartialEq)]
struct Entry {
    raw: Value,
    saved: Option<Saved>,
}

impl Entry {
    fn read(raw: Value) -> Entry {
        let text = |key: &str| raw.get(key).and_then(Value::as_str).map(str::to_string);
        let saved = match (text("name"), text("link")) {
            (Some(name), Some(link)) => Some(Saved { name, link }),
            _ => None,
        };
        Entry { raw, saved }
    }

    fn new(saved: Saved) -> Entry {
        let mut raw = Map::new();
        raw.insert("name".into(), saved.name.clone().into());
        raw.insert("link".into(), saved.link.clone().into());
        Entry {
            raw: Value::Object(raw),
            saved: Some(saved),
        }
    }

    /// Rename a readable entry (its other members stay as they are).
    fn set_name(&mut self, name: &str) {
        if let (Some(saved), Some(raw)) = (&mut self.saved, self.raw.as_object_mut()) {
            saved.name = name.to_string();
            raw.insert("name".into(), name.into());
        }
    }
}

/// What puts a deleted entry back, or a renamed one's name, at its place.
#[derive(Clone, Debug, PartialEq)]
pub struct Undo(Put);

#[derive(Clone, Debug, PartialEq)]
enum Put {
    /// A deleted entry: insert it again at its index.
    Insert(usize, Entry),
    /// A renamed entry: the entry as it was before, at its index.
    Replace(usize, Entry),
}

/// A rename done: the old name, the new one (the wanted one, or it with a
/// suffix when that was taken) and how to undo it.
pub struct Renamed {
    pub from: String,
    pub to: String,
    pub undo: Undo,
}

/// The stored list: every entry, readable or not, in stored order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Library {
    /// The stored object's members other than `v` and `scenarios`.
    rest: Map<String, Value>,
    entries: Vec<Entry>,
    /// The stored text, when it could not be read at all: it is copied to a
    /// backup key before the first write replaces it ([`store`]).
    unreadable: Option<String>,
}

/// What is written: the version first, the entries as they are, and the
/// members this version does not know.
#[derive(Serialize)]
struct Stored<'a> {
    v: u64,
    scenarios: Vec<&'a Value>,
    #[serde(flatten)]
    rest: &'a Map<String, Value>,
}

impl Library {
    /// Read the stored text (`None`: nothing stored yet), entry by entry,
    /// with a notice for the user when some or all of it cannot be read.
    pub fn read(text: Option<&str>) -> (Library, Option<String>) {
        let Some(text) = text else {
            return (Library::default(), None);
        };
        let unreadable = |why: String| {
            let library = Library {
                unreadable: Some(text.to_string()),
                ..Library::default()
            };
            (library, Some(format!("{why} {KEPT}")))
        };
        let Ok(Value::Object(mut top)) = serde_json::from_str::<Value>(text) else {
            return unreadable(
                "Your saved scenarios could not be read (they are not in the form this page writes), so none are shown.".into(),
            );
        };
        match top.get("v").and_then(Value::as_u64) {
            Some(VERSION) => {}
            Some(v) if v > VERSION => {
                return unreadable(format!(
                    "Your saved scenarios were written by a newer version of Nines (v{v}), so this page cannot show them."
                ))
            }
            _ => {
                return unreadable(
                    "Your saved scenarios could not be read (their version is missing or unknown), so none are shown.".into(),
                )
            }
        }
        let Some(Value::Array(list)) = top.remove("scenarios") else {
            return unreadable(
                "Your saved scenarios could not be read (the list itself is missing), so none are shown.".into(),
            );
        };
        top.remove("v");
        let entries: Vec<Entry> = list.into_iter().map(Entry::read).collect();
        let notice = match entries.iter().filter(|e| e.saved.is_none()).count() {
            0 => None,
            1 => Some(
                "1 saved entry could not be read; it is kept as it was (not shown), and the others are shown below."
                    .to_string(),
            ),
            n => Some(format!(
                "{n} saved entries could not be read; they are kept as they were (not shown), and the others are shown below."
            )),
        };
        let library = Library {
            rest: top,
            entries,
            unreadable: None,
        };
        (library, notice)
    }

    /// The entries shown, with their index in the stored list (the index
    /// every other method takes).
    pub fn shown(&self) -> impl Iterator<Item = (usize, &Saved)> {
        self.entries
            .iter()
            .enumerate()
            .filter_map(|(at, e)| e.saved.as_ref().map(|s| (at, s)))
    }

    /// The shown entry at `at`.
    pub fn get(&self, at: usize) -> Option<&Saved> {
        self.entries.get(at)?.saved.as_ref()
    }

    /// `wanted` if no shown entry (but the one at `except`) has that name,
    /// else the first free of `base (n)`, counting on from the number
    /// `wanted` already ends with (`My scenario` → `My scenario (2)`,
    /// `Plan (2)` → `Plan (3)`). The one rule for saving and renaming.
    pub fn free_name(&self, wanted: &str, except: Option<usize>) -> String {
        let taken = |name: &str| {
            self.shown()
                .any(|(at, s)| Some(at) != except && s.name == name)
        };
        let (base, from) = numbered(wanted);
        // Among as many distinct names as there are entries, plus one, one is free.
        let limit = self.entries.len() + 1;
        let candidate = |n: usize| match n {
            1 => wanted.to_string(),
            n => format!("{base} ({})", from + n - 1),
        };
        first_free(limit, candidate, |name| !taken(name)).unwrap_or_else(|| wanted.to_string())
    }

    /// Add the scenario (its link query) at the end under `wanted`, or
    /// under a free name if that is taken; the name it got.
    pub fn save(&mut self, wanted: &str, link: String) -> String {
        let name = self.free_name(wanted, None);
        self.entries.push(Entry::new(Saved {
            name: name.clone(),
            link,
        }));
        name
    }

    /// Rename the entry at `at` to `wanted` (with a suffix when taken);
    /// `None` when that leaves its name as it was, or there is no such entry.
    pub fn rename(&mut self, at: usize, wanted: &str) -> Option<Renamed> {
        let from = self.get(at)?.name.clone();
        let to = self.free_name(wanted, Some(at));
        if to == from {
            return None;
        }
        let entry = self.entries.get_mut(at)?;
        let before = entry.clone();
        entry.set_name(&to);
        Some(Renamed {
            from,
            to,
            undo: Undo(Put::Replace(at, before)),
        })
    }

    /// Delete the entry at `at`: what it was, and how to put it back.
    pub fn delete(&mut self, at: usize) -> Option<(Saved, Undo)> {
        let saved = self.get(at)?.clone();
        let entry = self.entries.remove(at);
        Some((saved, Undo(Put::Insert(at, entry))))
    }

    /// Put back what a delete or a rename changed.
    pub fn undo(&mut self, undo: Undo) {
        match undo.0 {
            Put::Insert(at, entry) => self.entries.insert(at.min(self.entries.len()), entry),
            Put::Replace(at, entry) => {
                if let Some(slot) = self.entries.get_mut(at) {
                    *slot = entry;
                }
            }
        }
    }

    /// The text to store: every entry as it is, unreadable ones included.
    fn text(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string(&Stored {
            v: VERSION,
            scenarios: self.entries.iter().map(|e| &e.raw).collect(),
            rest: &self.rest,
        })
    }
}

/// `name` split into its base and the number of its ` (n)` suffix (n ≥ 2),
/// or itself and 1.
fn numbered(name: &str) -> (&str, usize) {
    let suffixed = name
        .strip_suffix(')')
        .and_then(|s| s.rsplit_once(" ("))
        .and_then(|(base, n)| {
            let digits = !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit());
            let n = n.parse::<usize>().ok().filter(|n| digits && *n >= 2)?;
            Some((base, n))
        });
    suffixed.unwrap_or((name, 1))
}

/// The first of `candidate(1)`, … `candidate(limit)` that `free` accepts:
/// a free name for a scenario, a free key for a backup.
fn first_free(
    limit: usize,
    candidate: impl Fn(usize) -> String,
    mut free: impl FnMut(&str) -> bool,
) -> Option<String> {
    (1..=limit).map(candidate).find(|c| free(c))
}

/// The saved scenarios, and a notice when some or all of what was stored
/// could not be read (it is kept; see [`Library::read`]).
pub fn load() -> (Library, Option<String>) {
    let Some(storage) = storage() else {
        return (Library::default(), Some(NO_STORAGE.into()));
    };
    let text = storage.get_item(LIBRARY_KEY).ok().flatten();
    Library::read(text.as_deref())
}

/// Store the list. When what was stored could not be read at all, it is
/// first copied to a backup key, and `Ok` names that key.
///
/// Why a backup and not a refusal to save: a refusal would leave the user
/// unable to save any scenario in this browser, with nothing on the page
/// that could ever lift it (the unreadable text is as likely corrupt as
/// newer), while the backup keeps every byte of it, under a key named in the
/// message, and lets the work go on. A backup key that already holds exactly
/// that text is used again (a second attempt, or another tab), so retries
/// do not pile up copies. `Err` is the reason, for the user; on `Err`
/// nothing stored under [`LIBRARY_KEY`] changed.
pub fn store(library: &mut Library) -> Result<Option<String>, String> {
    let storage = storage().ok_or(NO_STORAGE_REASON)?;
    let kept = match &library.unreadable {
        Some(text) => Some(back_up(&storage, text).ok_or(BACKUP_FAILED)?),
        None => None,
    };
    let text = library.text().map_err(|e| e.to_string())?;
    storage
        .set_item(LIBRARY_KEY, &text)
        .map_err(|_| FULL.to_string())?;
    library.unreadable = None;
    Ok(kept)
}

/// Copy `text` to the first backup key that is free or already holds it;
/// the key, or `None` when the browser refused.
fn back_up(storage: &web_sys::Storage, text: &str) -> Option<String> {
    let mut there = false;
    // Among as many distinct keys as are stored, plus one, one is free.
    let limit = storage.length().ok()? as usize + 1;
    let key = |n: usize| match n {
        1 => BACKUP_KEY.to_string(),
        n => format!("{BACKUP_KEY}.{n}"),
    };
    let key = first_free(limit, key, |key| match storage.get_item(key) {
        Ok(None) => true,
        Ok(Some(kept)) => {
            there = kept == text;
            there
        }
        Err(_) => false,
    })?;
    if !there {
        storage.set_item(&key, text).ok()?;
    }
    Some(key)
}
