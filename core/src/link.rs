//! Scenario links: every input of a [`Scenario`] in a readable, versioned
//! query string, so a product manager can send the exact scenario to a tech
//! lead.
//!
//! ```
//! use nines_core::link::{decode, encode};
//! use nines_core::scenario::Scenario;
//! use nines_core::window::Convention;
//!
//! assert_eq!(encode(&Scenario::default()), "v=5");
//! let s = Scenario {
//!     target: "99.9%".parse().unwrap(),
//!     convention: Convention::SreBook,
//!     ..Scenario::default()
//! };
//! let query = encode(&s);
//! assert_eq!(query, "v=5&target=99.9%25&convention=sre-book");
//! let back = decode(&query);
//! assert_eq!(back.scenario, s);
//! assert!(back.notices.is_empty());
//! ```
//!
//! # The format
//!
//! * `v=<LINK_VERSION>` first; a link without `v` is read as the current
//!   version.
//! * Then one `key=value` pair per input that differs from
//!   [`Scenario::default`], in the order the scenario's fields are declared.
//!   The default scenario is just `v=5`.
//! * Keys are the scenario's serde field names, nested structs joined with
//!   dots: `target`, `reverse.period`, `cost.model.revenue_per_year`. The
//!   key `v` is reserved for the version.
//! * Values are what the scenario's JSON holds at that key, written raw:
//!   strings as they are (`99.9%`, `sre-book`, `Mon-Fri 08:00-20:00`),
//!   numbers in Rust's shortest round-trip form (`14400`, `0.001`, `1e-7`),
//!   booleans as `true`/`false`.
//! * Lists (the dependencies, an incident history, custom alerts) are one key
//!   holding compact JSON: `alerts.custom=[]`. Indexed keys
//!   (`deps.0.name`) would not survive an element being removed or a
//!   dependency group changing shape, so a list travels whole. The same goes
//!   for any value whose shape differs from the default's (an enum switched
//!   to another variant, an option set to none): its nearest enclosing key is
//!   written as JSON.
//! * Keys and values are percent-encoded for a URL query component
//!   ([`encode_component`]): letters, digits and `-._~:/,` stay readable;
//!   `%` is `%25`, a space `%20`, `&` `%26`.
//!
//! [`encode`] checks its own output: it decodes the link and, if any input
//! would not come back exactly (two fields only valid together, a string that
//! reads as another type), writes the enclosing struct as JSON instead,
//! moving outwards until the scenario round-trips.
//!
//! # Reading a link
//!
//! [`decode`] never panics and never lets one bad value cost another: each
//! pair is checked on its own against the default scenario, an unknown key
//! or an invalid value becomes a [`Notice`] and leaves that one field at its
//! default. A key given twice: the last one wins. A `%` that does not start
//! an escape is kept as a literal `%`, as the URL Standard's
//! percent-decoding does, so a hand-typed `target=99.9%` means 99.9%.
//!
//! # Versions
//!
//! The format is versioned by [`LINK_VERSION`]. Renaming or reshaping an
//! input means bumping it and adding one step to [`migrate`], which rewrites
//! an older link's pairs into the current names, so links already pasted in
//! wikis keep working (and saved scenarios, which are stored as links).
//! Adding a field needs neither: old links simply lack it and get its
//! default.

use std::collections::BTreeSet;
use std::fmt;
use std::string::FromUtf8Error;
use std::sync::OnceLock;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use crate::quote::{one_line, quoted};
use crate::scenario::Scenario;

/// The version [`encode`] writes as `v=`.
///
/// History:
/// * 0: hypothetical draft naming, `slo` for `target` and `conv` for
///   `convention`; no release wrote it, it is here so that [`migrate`] is
///   exercised by tests.
/// * 1: the scenario's serde field names, dotted (this module's format).
/// * 2: the deployment frequency is one rate as written,
///   `delivery.deployment_frequency=10 per week`, instead of a count
///   `delivery.deployments` per `delivery.deployment_period_seconds`.
/// * 3: the incident log is dated: each incident of `incidents.history` is
///   one string `WHEN,DURATION,SCOPE[,NOTE]`
///   (`2027-03-01T10:00:00Z,30m,100%,database failover`) instead of an
///   undated `{"downtime_seconds":…,"scope":…}`, and
///   `incidents.history_period_seconds` is gone (the log is measured over
///   the SLO window and the last year); the service's own outages a year
///   (`dependencies.outages_per_year`) and the on-call incidents of all
///   teams (`support.on_call.incidents_per_year`) are no longer inputs of
///   their own: both follow `incidents.incidents_per_year`.
/// * 4: the service's own outage scope is the incident model's.
/// * 5: a time-based budget's bad time comes from the incident log unless
///   `budget.bad_time_source=typed`, and `budget.bad_seconds` defaults to
///   0 (it was 600, the example's ten minutes).
pub const LINK_VERSION: u32 = 5;

/// What [`decode`] made of a link: the scenario, and what the UI should tell
/// the user about the parts it could not use.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    /// The scenario, every unusable input at its default.
    pub scenario: Scenario,
    /// One notice per list cut to its bound, then one per ignored key or
    /// value, in the order they were found.
    pub notices: Vec<Notice>,
}

/// Something in a link that [`decode`] could not use as it was.
///
/// Its `Display` is one line for the UI.
///
/// ```
/// use nines_core::link::Notice;
/// let n = Notice::UnknownKey { key: "foo".into() };
/// assert_eq!(n.to_string(), "Ignored unknown setting \"foo\" in the link");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A key that names no input (a typo, or a setting of a newer version).
    UnknownKey {
        /// The key as decoded.
        key: String,
    },
    /// A value that is not valid for its input; the input keeps its default.
    InvalidValue {
        /// The key.
        key: String,
        /// The value as decoded.
        value: String,
        /// Why it was rejected.
        message: String,
        /// The default used instead, written as a link would write it.
        default: String,
    },
    /// The link was written by a newer version; what this version
    /// understands was read, the rest was reported as unknown.
    NewerVersion {
        /// The link's `v`.
        version: u32,
    },
    /// The link was written by an older version, and [`migrate`] rewrote
    /// some of its settings (an old link that names none of the renamed or
    /// reshaped inputs is read as it is, without a notice).
    Migrated {
        /// The link's `v`.
        from: u32,
    },
    /// A list longer than Nines holds, cut to its bound
    /// ([`crate::scenario::bound`]): which, how many it had,
    /// how many are kept.
    Cut(crate::bounds::Cut),
    /// More than [`MAX_NOTICES`] notices: the rest are counted, not listed
    /// (a hand-made link with 50,000 unknown keys gives one line, not
    /// 50,000).
    More {
        /// How many were left out.
        count: usize,
    },
}

/// At most this many notices are listed for one link; [`Notice::More`]
/// counts the rest.
pub const MAX_NOTICES: usize = 20;

/// How much of a key or value a notice quotes (characters); the rest is
/// counted.
const QUOTED: usize = 60;

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::UnknownKey { key } => {
                write!(
                    f,
                    "Ignored unknown setting {} in the link",
                    quoted(key, QUOTED)
                )
            }
            Notice::InvalidValue {
                key,
                value,
                message,
                default,
            } => write!(
                f,
                "The link's value for {} ({}) is invalid: {} — using the default {}",
                quoted(key, QUOTED),
                quoted(value, QUOTED),
                one_line(message, 2 * QUOTED),
                one_line(default, QUOTED)
            ),
            Notice::Cut(cut) => write!(f, "{cut}"),
            Notice::More { count } => write!(
                f,
                "… and {count} more problems with this link, not listed (the first {MAX_NOTICES} are)"
            ),
            Notice::NewerVersion { version } => write!(
                f,
                "This link comes from a newer version of Nines (link version {version}); \
                 settings this version does not know were ignored"
            ),
            Notice::Migrated { from } => write!(
                f,
                "This link comes from an older version of Nines (link version {from}); \
                 its settings were carried over"
            ),
        }
    }
}

// ---------------------------------------------------------------------------
// Encoding
// ---------------------------------------------------------------------------

/// The scenario as a query string (no leading `?`): `v=5` and the inputs
/// that differ from the default. See the module notes for the format.
///
/// ```
/// use nines_core::link::encode;
/// use nines_core::scenario::Scenario;
/// use nines_core::window::Period;
/// let mut s = Scenario::default();
/// s.reverse.period = Period::Days(28);
/// s.reverse.downtime_seconds = 90.0;
/// assert_eq!(encode(&s), "v=5&reverse.downtime_seconds=90&reverse.period=28d");
/// ```
pub fn encode(s: &Scenario) -> String {
    let version = format!("v={LINK_VERSION}");
    let (Some(current), Some(default)) = (ordered(s), default_value()) else {
        // Unreachable: a scenario always serializes to a JSON object.
        return version;
    };
    let wanted = current.to_value();
    // Paths written whole as JSON because their leaves did not round-trip.
    let mut whole = BTreeSet::new();
    loop {
        let mut pairs = Vec::new();
        changes(&current, Some(default), "", &whole, &mut pairs);
        let mut notices = Vec::new();
        let back = decode_pairs(pairs.clone(), default, &mut notices);
        let mut wrong = Vec::new();
        if let Some(got) = to_value(&back) {
            differences(&got, &wanted, &mut Vec::new(), &mut wrong);
        }
        for notice in &notices {
            if let Notice::UnknownKey { key } | Notice::InvalidValue { key, .. } = notice {
                wrong.push(key.split('.').map(str::to_owned).collect());
            }
        }
        let mut progress = false;
        for path in wrong {
            // The outermost path already written whole that holds this one,
            // else the path itself; its parent is written whole next time.
            let anchor = (1..=path.len())
                .map(|n| path[..n].join("."))
                .find(|p| whole.contains(p))
                .unwrap_or_else(|| path.join("."));
            if let Some((parent, _)) = anchor.rsplit_once('.') {
                progress |= whole.insert(parent.to_owned());
            }
        }
        if !progress {
            let mut query = version;
            for (key, value) in &pairs {
                query.push('&');
                query.push_str(&encode_component(key));
                query.push('=');
                query.push_str(&encode_component(value));
            }
            return query;
        }
    }
}

/// The default scenario as JSON, computed once (it is what every link is
/// read against).
fn default_value() -> Option<&'static Value> {
    static DEFAULT: OnceLock<Option<Value>> = OnceLock::new();
    DEFAULT
        .get_or_init(|| to_value(&Scenario::default()))
        .as_ref()
}

/// The scenario's JSON, through [`ordered`]: one way of writing a scenario
/// as JSON in the page, not two (serde's value serializer would be a
/// second copy of every input's `Serialize` in the wasm).
fn to_value(s: &Scenario) -> Option<Value> {
    ordered(s).map(|t| t.to_value())
}

/// The scenario's JSON with its object keys in serialization order (the
/// struct's field order), whether or not serde_json's `preserve_order`
/// feature is on somewhere in the build.
fn ordered(s: &Scenario) -> Option<Tree> {
    let json = serde_json::to_string(s).ok()?;
    serde_json::from_str::<Tree>(&json)
        .ok()
        .filter(|t| matches!(t, Tree::Object(_)))
}

/// A JSON value whose objects keep their keys in order.
enum Tree {
    Leaf(Value),
    Object(Vec<(String, Tree)>),
}

impl Tree {
    fn to_value(&self) -> Value {
        match self {
            Tree::Leaf(v) => v.clone(),
            Tree::Object(entries) => {
                // Inserted one by one: collecting sorts the pairs first, a
                // stable sort of (String, Value) that costs the page's
                // module about 4 KB for nothing (the map orders its keys).
                let mut map = Map::new();
                for (k, t) in entries {
                    map.insert(k.clone(), t.to_value());
                }
                Value::Object(map)
            }
        }
    }
}

impl<'de> Deserialize<'de> for Tree {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Tree, D::Error> {
        d.deserialize_any(TreeVisitor)
    }
}

struct TreeVisitor;

impl<'de> Visitor<'de> for TreeVisitor {
    type Value = Tree;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Tree, E> {
        Ok(Tree::Leaf(Value::Bool(b)))
    }
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Tree, E> {
        Ok(Tree::Leaf(Value::from(n)))
    }
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Tree, E> {
        Ok(Tree::Leaf(Value::from(n)))
    }
    fn visit_f64<E: de::Error>(self, x: f64) -> Result<Tree, E> {
        Ok(Tree::Leaf(
            Number::from_f64(x).map_or(Value::Null, Value::Number),
        ))
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Tree, E> {
        Ok(Tree::Leaf(Value::String(s.to_owned())))
    }
    fn visit_string<E: de::Error>(self, s: String) -> Result<Tree, E> {
        Ok(Tree::Leaf(Value::String(s)))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Tree, E> {
        Ok(Tree::Leaf(Value::Null))
    }
    fn visit_none<E: de::Error>(self) -> Result<Tree, E> {
        Ok(Tree::Leaf(Value::Null))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Tree, D::Error> {
        Tree::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Tree, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Value>()? {
            items.push(item);
        }
        Ok(Tree::Leaf(Value::Array(items)))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tree, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry::<String, Tree>()? {
            entries.push(entry);
        }
        Ok(Tree::Object(entries))
    }
}

/// Whether a link can address each key of this object by a dotted path.
fn addressable<'a>(mut keys: impl Iterator<Item = &'a String>) -> bool {
    keys.all(|k| !k.is_empty() && !k.contains('.'))
}

/// Collects `(dotted key, text)` for every leaf of `current` that differs
/// from `default`. Objects are descended into only when the default has the
/// same keys (same struct, or same enum variant) and the path is not marked
/// to be written whole.
fn changes(
    current: &Tree,
    default: Option<&Value>,
    path: &str,
    whole: &BTreeSet<String>,
    out: &mut Vec<(String, String)>,
) {
    let same_shape = match (current, default) {
        (Tree::Object(entries), Some(Value::Object(def))) => {
            entries.len() == def.len()
                && entries.iter().all(|(k, _)| def.contains_key(k))
                && addressable(def.keys())
        }
        _ => false,
    };
    match current {
        Tree::Object(entries) if same_shape && (path.is_empty() || !whole.contains(path)) => {
            for (key, child) in entries {
                let child_path = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                let child_default = default.and_then(|d| d.get(key));
                changes(child, child_default, &child_path, whole, out);
            }
        }
        _ => {
            let value = current.to_value();
            if Some(&value) != default {
                out.push((path.to_owned(), leaf_text(&value)));
            }
        }
    }
}

/// Where `got` differs from `wanted`, descending while both are objects
/// with the same keys.
fn differences(got: &Value, wanted: &Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match (got, wanted) {
        (Value::Object(g), Value::Object(w))
            if g.len() == w.len() && g.keys().all(|k| w.contains_key(k)) =>
        {
            for (key, g_child) in g {
                if let Some(w_child) = w.get(key) {
                    path.push(key.clone());
                    differences(g_child, w_child, path, out);
                    path.pop();
                }
            }
        }
        _ if got != wanted => out.push(path.clone()),
        _ => {}
    }
}

/// A value as the link writes it: strings raw, numbers shortest, booleans
/// as words, anything else as compact JSON.
fn leaf_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => number_text(n),
        Value::Bool(b) => b.to_string(),
        Value::Null | Value::Array(_) | Value::Object(_) => value.to_string(),
    }
}

/// Integers as integers; floats in Rust's shortest round-trip form, in
/// exponent notation outside `1e-5..1e16` so that `1e300` is not 301 digits.
fn number_text(n: &Number) -> String {
    if let Some(u) = n.as_u64() {
        return u.to_string();
    }
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    let x = n.as_f64().unwrap_or(0.0);
    let a = x.abs();
    if a == 0.0 || (1e-5..1e16).contains(&a) {
        format!("{x}")
    } else {
        format!("{x:e}")
    }
}

// ---------------------------------------------------------------------------
// Percent-encoding
// ---------------------------------------------------------------------------

/// Percent-encodes text for a URL query component (a key or a value).
///
/// RFC 3986's unreserved characters (letters, digits, `-._~`) stay, and so
/// do `:`, `/` and `,`, which a query may hold unescaped (RFC 3986 §3.4) and
/// which keep times, ratios and amounts readable. Every other byte of the
/// UTF-8 text becomes `%XX` (upper-case hex), including `&`, `=`, `+`, `#`,
/// `%` and the space.
///
/// ```
/// use nines_core::link::encode_component;
/// assert_eq!(encode_component("99.9%"), "99.9%25");
/// assert_eq!(encode_component("Mon-Fri 08:00-20:00"), "Mon-Fri%2008:00-20:00");
/// assert_eq!(encode_component("a&b=c+d"), "a%26b%3Dc%2Bd");
/// assert_eq!(encode_component("café"), "caf%C3%A9");
/// ```
pub fn encode_component(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b':' | b'/' | b',')
        {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xF)]));
        }
    }
    out
}

/// Decodes a query component as `application/x-www-form-urlencoded` does
/// (URL Standard §5.1): `+` is a space, `%XX` a byte, and a `%` not followed
/// by two hex digits is kept as it is. Fails only when the bytes are not
/// UTF-8.
///
/// ```
/// use nines_core::link::decode_component;
/// assert_eq!(decode_component("99.9%25").unwrap(), "99.9%");
/// assert_eq!(decode_component("a+b%20c").unwrap(), "a b c");
/// assert_eq!(decode_component("99.9%").unwrap(), "99.9%");
/// assert_eq!(decode_component("caf%C3%A9").unwrap(), "café");
/// assert!(decode_component("%FF").is_err());
/// ```
pub fn decode_component(text: &str) -> Result<String, FromUtf8Error> {
    fn hex(b: u8) -> Option<u8> {
        match b {
            b'0'..=b'9' => Some(b - b'0'),
            b'a'..=b'f' => Some(b - b'a' + 10),
            b'A'..=b'F' => Some(b - b'A' + 10),
            _ => None,
        }
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let escaped = match (b, bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) => hex(h).zip(hex(l)).map(|(h, l)| h << 4 | l),
            _ => None,
        };
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(if b == b'+' { b' ' } else { b });
                i += 1;
            }
        }
    }
    String::from_utf8(out)
}

// ---------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------

/// Reads a query string (with or without the leading `?`) into a scenario.
///
/// Never panics. Unknown keys and invalid values become [`Notice`]s and
/// leave their input at its default; every other input is kept. Empty pairs
/// (`&&`) are skipped; a key given twice takes its last value; a link
/// without `v` is read as the current version, a newer one as far as it is
/// understood, an older one through [`migrate`]. A list longer than Nines
/// holds is cut to its bound ([`crate::bounds`]) with a [`Notice::Cut`].
///
/// ```
/// use nines_core::link::{decode, Notice};
/// use nines_core::scenario::Scenario;
/// let d = decode("?v=5&target=250%25&convention=sre-book&foo=1");
/// assert_eq!(d.scenario.target, Scenario::default().target);
/// assert_eq!(d.scenario.convention.id(), "sre-book");
/// assert_eq!(d.notices.len(), 2);
/// assert!(d.notices[0].to_string().starts_with("The link's value for \"target\" (\"250%\") is invalid: "));
/// assert!(d.notices[0].to_string().ends_with(" — using the default 99.95%"));
/// assert_eq!(d.notices[1], Notice::UnknownKey { key: "foo".into() });
/// ```
pub fn decode(query: &str) -> Decoded {
    let mut notices = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    // No pairs at all (a first visit): the defaults, without the JSON
    // round trip below (it is on the page's path to its first figures).
    if query.split('&').all(str::is_empty) {
        return Decoded {
            scenario: Scenario::default(),
            notices,
        };
    }
    let Some(default) = default_value() else {
        return Decoded {
            scenario: Scenario::default(),
            notices,
        };
    };
    let mut pairs = Vec::new();
    for piece in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = piece.split_once('=').unwrap_or((piece, ""));
        let Ok(key) = decode_component(raw_key) else {
            notices.push(Notice::UnknownKey {
                key: String::from_utf8_lossy(raw_key.as_bytes()).into_owned(),
            });
            continue;
        };
        match decode_component(raw_value) {
            Ok(value) => pairs.push((key, value)),
            Err(_) => notices.push(match lookup(default, &key) {
                Some(leaf) => Notice::InvalidValue {
                    value: raw_value.to_owned(),
                    message: "it is not UTF-8 text once percent-decoded".to_owned(),
                    default: leaf_text(leaf),
                    key,
                },
                None if key == "v" => Notice::InvalidValue {
                    key,
                    value: raw_value.to_owned(),
                    message: "it is not a link version".to_owned(),
                    default: LINK_VERSION.to_string(),
                },
                None => Notice::UnknownKey { key },
            }),
        }
    }

    let mut version = LINK_VERSION;
    if let Some(text) = pairs.iter().rev().find(|(k, _)| k == "v").map(|(_, v)| v) {
        match text.parse::<u32>() {
            Ok(v) => version = v,
            Err(_) => notices.push(Notice::InvalidValue {
                key: "v".to_owned(),
                value: text.clone(),
                message: "it is not a link version".to_owned(),
                default: LINK_VERSION.to_string(),
            }),
        }
    }
    pairs.retain(|(k, _)| k != "v");
    if version < LINK_VERSION {
        // Said only when the link names an input that was renamed or reshaped since.
        if pairs
            .iter()
            .any(|(k, _)| RENAMED.iter().any(|&(v, old)| v >= version && k == old))
        {
            notices.push(Notice::Migrated { from: version });
        }
        pairs = migrate(version, pairs);
    } else if version > LINK_VERSION {
        notices.push(Notice::NewerVersion { version });
    }

    let mut scenario = decode_pairs(pairs, default, &mut notices);
    // Every list within its bound; what was cut is said first, so that the
    // limit on notices never hides it (at most one per list).
    let cuts = crate::scenario::bound(&mut scenario);
    notices.splice(0..0, cuts.into_iter().map(Notice::Cut));
    if notices.len() > MAX_NOTICES {
        let count = notices.len() - MAX_NOTICES;
        notices.truncate(MAX_NOTICES);
        notices.push(Notice::More { count });
    }
    Decoded { scenario, notices }
}

/// One migration step per link version: `STEPS[n]` rewrites a version-`n`
/// link's pairs as version `n + 1` pairs. Its length is [`LINK_VERSION`],
/// so bumping the version without adding a step does not compile.
const STEPS: [Step; LINK_VERSION as usize] = [v0_to_v1, v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5];

/// The keys [`STEPS`] rewrite, each with the version that had it.
const RENAMED: [(u32, &str); 10] = [
    (0, "slo"),
    (0, "conv"),
    (1, V1_DEPLOYMENTS),
    (1, V1_PERIOD),
    (2, V2_HISTORY),
    (2, V2_HISTORY_PERIOD),
    (2, "incidents"),
    (2, V2_OUTAGES),
    (2, V2_CALLOUTS),
    (3, V3_OUTAGE_SCOPE),
];

/// Version 2's own-outage rate of the dependencies section, and the on-call
/// incidents across all teams: version 3 reads both from the incident
/// model's rate.
const V2_OUTAGES: &str = "dependencies.outages_per_year";
const V2_CALLOUTS: &str = "support.on_call.incidents_per_year";

/// A link's `(key, value)` pairs, decoded, without `v`.
type Pairs = Vec<(String, String)>;

/// One migration step.
type Step = fn(Pairs) -> Pairs;

/// Rewrites the pairs of a version-`from` link (without its `v`) as the
/// current version's, one step per version; pairs of the current or a newer
/// version are returned as they are.
///
/// Steps:
/// * 0 → 1: `slo` is `target`, `conv` is `convention` (a hypothetical draft
///   naming, see [`LINK_VERSION`]).
/// * 1 → 2: `delivery.deployments` per `delivery.deployment_period_seconds`
///   is the rate `delivery.deployment_frequency` (either may be missing:
///   it had version 1's default, 10 per 604 800 s); the period stays a
///   fixed number of seconds, so the figures are the same.
/// * 2 → 3: an undated incident `{"downtime_seconds":2400,"scope":1}` of
///   `incidents.history` becomes a dated one that ends at
///   2026-11-11T00:00:00Z (`budget::STORY_NOW`, the instant the page
///   evaluated at when version-2 links were written; the old history sat
///   in the period before it), its note saying it was undated:
///   `2026-11-10T23:20:00Z,40m,100%,undated in an older link`.
///   `incidents.history_period_seconds` is dropped: the log is now measured
///   over the SLO window and the last year. A list that is not version 2's
///   is left for the decoder to refuse with its reason. One incident rate:
///   `dependencies.outages_per_year` (else
///   `support.on_call.incidents_per_year` ÷ `support.on_call.teams`, 3 by
///   default) becomes `incidents.incidents_per_year` unless the link sets
///   that itself; both keys are dropped.
///
/// ```
/// use nines_core::link::migrate;
/// let pairs = vec![("slo".to_string(), "99.9".to_string()), ("conv".into(), "365d".into())];
/// let migrated = migrate(0, pairs);
/// assert_eq!(migrated[0], ("target".to_string(), "99.9".to_string()));
/// assert_eq!(migrated[1], ("convention".to_string(), "365d".to_string()));
/// let pairs = vec![("delivery.deployments".to_string(), "2".to_string())];
/// let migrated = migrate(1, pairs);
/// assert_eq!(migrated[0].0, "delivery.deployment_frequency");
/// assert_eq!(migrated[0].1, "2 per 604800s"); // 2 per week
/// let pairs = vec![
///     ("incidents.history".to_string(), r#"[{"downtime_seconds":2400,"scope":1}]"#.to_string()),
///     ("incidents.history_period_seconds".into(), "2592000".into()),
/// ];
/// let migrated = migrate(2, pairs);
/// assert_eq!(migrated.len(), 1);
/// assert_eq!(migrated[0].1, r#"["2026-11-10T23:20:00Z,40m,100%,undated in an older link"]"#);
/// ```
pub fn migrate(from: u32, pairs: Vec<(String, String)>) -> Vec<(String, String)> {
    STEPS
        .iter()
        .skip(usize::try_from(from).unwrap_or(usize::MAX))
        .fold(pairs, |pairs, step| step(pairs))
}

fn v0_to_v1(pairs: Pairs) -> Pairs {
    pairs
        .into_iter()
        .map(|(key, value)| {
            let key = match key.as_str() {
                "slo" => "target".to_owned(),
                "conv" => "convention".to_owned(),
                _ => key,
            };
            (key, value)
        })
        .collect()
}

/// Version 1's deployment count and period (defaults: 10 per 604 800 s).
const V1_DEPLOYMENTS: &str = "delivery.deployments";
const V1_PERIOD: &str = "delivery.deployment_period_seconds";

fn v1_to_v2(pairs: Pairs) -> Pairs {
    // Only the dotted keys: version 1's encoder never wrote `delivery`
    // whole (its numbers and its one enum always read back). The last of
    // each wins, as in `decode`; the rate takes the place of the later one.
    let (mut count, mut period, mut at) = (None, None, None);
    let mut out = Vec::with_capacity(pairs.len());
    for (key, value) in pairs {
        match key.as_str() {
            V1_DEPLOYMENTS => count = Some(value),
            V1_PERIOD => period = Some(value),
            _ => {
                out.push((key, value));
                continue;
            }
        }
        at = Some(out.len());
    }
    if let Some(at) = at {
        let rate = v1_rate(count.as_deref(), period.as_deref());
        out.insert(at, ("delivery.deployment_frequency".to_owned(), rate));
    }
    out
}

/// A version-1 count per period in seconds as a rate's text (`10 per
/// 604800s`, read as 10 per week); values that make no rate are left for
/// the rate's parser to refuse with its reason.
fn v1_rate(count: Option<&str>, period: Option<&str>) -> String {
    format!(
        "{} per {}s",
        count.unwrap_or("10").trim(),
        period.unwrap_or("604800").trim()
    )
}

/// Version 2's undated incident log and the period it covered.
const V2_HISTORY: &str = "incidents.history";
const V2_HISTORY_PERIOD: &str = "incidents.history_period_seconds";

fn v2_to_v3(mut pairs: Pairs) -> Pairs {
    // One incident rate: a version-2 link's own outages (or, failing that,
    // its callouts across the teams, divided by the teams) become the
    // incident model's rate unless the link sets that rate itself.
    let value = |pairs: &Pairs, key: &str| {
        pairs
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .and_then(|(_, v)| v.parse::<f64>().ok())
    };
    let has_rate = pairs
        .iter()
        .any(|(k, _)| k == "incidents.incidents_per_year" || k == "incidents");
    if !has_rate {
        let teams = value(&pairs, "support.on_call.teams").unwrap_or(3.0);
        let rate = value(&pairs, V2_OUTAGES).or_else(|| {
            value(&pairs, V2_CALLOUTS)
                .filter(|_| teams > 0.0)
                .map(|x| x / teams)
        });
        if let Some(rate) = rate {
            pairs.push(("incidents.incidents_per_year".into(), rate.to_string()));
        }
    }
    pairs
        .into_iter()
        .filter(|(key, _)| key != V2_HISTORY_PERIOD && key != V2_OUTAGES && key != V2_CALLOUTS)
        .map(|(key, value)| {
            let value = match key.as_str() {
                V2_HISTORY => v2_history(&value).unwrap_or(value),
                // Written whole: the same inside the object.
                "incidents" => serde_json::from_str::<Value>(&value)
                    .ok()
                    .and_then(|mut v| {
                        let o = v.as_object_mut()?;
                        o.remove("history_period_seconds");
                        if let Some(h) = o.get("history").map(Value::to_string) {
                            o.insert(
                                "history".into(),
                                serde_json::from_str(&v2_history(&h)?).ok()?,
                            );
                        }
                        Some(v.to_string())
                    })
                    .unwrap_or(value),
                _ => value,
            };
            (key, value)
        })
        .collect()
}

/// Version 3's scope of the service's own outages, a second input for the
/// incident model's scope.
const V3_OUTAGE_SCOPE: &str = "dependencies.outage_scope";

fn v3_to_v4(mut pairs: Pairs) -> Pairs {
    // One outage scope: a version-3 link's scope of the
    // service's own outages becomes the incident model's scope unless the
    // link sets that itself; inside a whole `dependencies` object too.
    let mut moved = None;
    for (key, value) in &mut pairs {
        if key == V3_OUTAGE_SCOPE {
            moved = Some(value.clone());
        } else if key == "dependencies" {
            if let Ok(Value::Object(mut o)) = serde_json::from_str::<Value>(value) {
                if let Some(scope) = o.remove("outage_scope") {
                    moved = Some(leaf_text(&scope));
                    *value = Value::Object(o).to_string();
                }
            }
        }
    }
    let has_scope = pairs.iter().any(|(k, v)| {
        k == "incidents.scope"
            || (k == "incidents"
                && serde_json::from_str::<Value>(v)
                    .ok()
                    .is_some_and(|v| v.get("scope").is_some()))
    });
    pairs.retain(|(k, _)| k != V3_OUTAGE_SCOPE);
    if let (Some(scope), false) = (moved, has_scope) {
        pairs.push(("incidents.scope".into(), scope));
    }
    pairs
}

/// Version 4 counted a time-based budget's bad time as typed, 10 minutes
/// when the link did not say: a version-4 link in time mode keeps exactly
/// that (`budget.bad_time_source=typed`, and `budget.bad_seconds=600`
/// when it had the default); inside a whole `budget` object too.
///
/// ```
/// use nines_core::budget::BadTimeSource;
/// use nines_core::link::decode;
/// let s = decode("v=4&budget.mode=time").scenario;
/// assert_eq!((s.budget.bad_time_source, s.budget.bad_seconds), (BadTimeSource::Typed, 600.0));
/// let s = decode("v=4&budget.mode=time&budget.bad_seconds=60").scenario;
/// assert_eq!((s.budget.bad_time_source, s.budget.bad_seconds), (BadTimeSource::Typed, 60.0));
/// let s = decode("v=5&budget.mode=time").scenario;
/// assert_eq!((s.budget.bad_time_source, s.budget.bad_seconds), (BadTimeSource::Log, 0.0));
/// ```
fn v4_to_v5(mut pairs: Pairs) -> Pairs {
    const V4_BAD_SECONDS: &str = "600";
    let mut time = false;
    let mut has_seconds = false;
    for (key, value) in &mut pairs {
        match key.as_str() {
            "budget.mode" => time = value == "time",
            "budget.bad_seconds" => has_seconds = true,
            "budget" => {
                if let Ok(Value::Object(mut o)) = serde_json::from_str::<Value>(value) {
                    if o.get("mode").and_then(Value::as_str) == Some("time") {
                        o.insert("bad_time_source".into(), Value::from("typed"));
                        o.entry("bad_seconds").or_insert_with(|| Value::from(600));
                        *value = Value::Object(o).to_string();
                    }
                }
            }
            _ => {}
        }
    }
    if time {
        pairs.push(("budget.bad_time_source".into(), "typed".into()));
        if !has_seconds {
            pairs.push(("budget.bad_seconds".into(), V4_BAD_SECONDS.into()));
        }
    }
    pairs
}

/// A version-2 history (a JSON list of `{"downtime_seconds", "scope"}`) as
/// version 3's dated list; `None` when it is not one.
fn v2_history(json: &str) -> Option<String> {
    let Value::Array(items) = serde_json::from_str::<Value>(json).ok()? else {
        return None;
    };
    let end = crate::budget::STORY_NOW;
    let lines = items
        .iter()
        .map(|item| {
            let o = item.as_object()?;
            let seconds = o.get("downtime_seconds").map_or(Some(0.0), Value::as_f64)?;
            let scope = o.get("scope").map_or(Some(1.0), Value::as_f64)?;
            let start = (seconds.is_finite() && seconds >= 0.0)
                .then(|| {
                    end.checked_sub_signed(chrono::Duration::milliseconds(
                        (seconds * 1000.0) as i64,
                    ))
                })
                .flatten()?;
            let incident = crate::incident::PastIncident {
                start,
                duration_seconds: seconds,
                scope,
                note: "undated in an older link".into(),
            };
            Some(Value::String(incident.to_string()))
        })
        .collect::<Option<Vec<Value>>>()?;
    Some(Value::Array(lines).to_string())
}

/// The default's value at a dotted key, if the key names one.
fn lookup<'a>(default: &'a Value, key: &str) -> Option<&'a Value> {
    key.split('.')
        .try_fold(default, |node, segment| node.as_object()?.get(segment))
}

/// Replaces the value at a dotted key; false if the key names no value.
fn set(root: &mut Value, key: &str, value: Value) -> bool {
    let mut node = root;
    for segment in key.split('.') {
        match node.as_object_mut().and_then(|o| o.get_mut(segment)) {
            Some(child) => node = child,
            None => return false,
        }
    }
    *node = value;
    true
}

/// A change that is valid on its own.
struct Change {
    key: String,
    text: String,
    value: Value,
}

/// Applies `(key, value)` pairs of the current version to the default
/// scenario, each checked alone, then together.
fn decode_pairs(
    pairs: Vec<(String, String)>,
    default: &Value,
    notices: &mut Vec<Notice>,
) -> Scenario {
    // Last one wins: keep each key's last occurrence, in link order. A
    // B-tree set, as `whole` above: a hash set of strings would add its own
    // table code (about 2 KB) to the page.
    let mut seen = BTreeSet::new();
    let mut pairs: Vec<_> = pairs
        .into_iter()
        .rev()
        .filter(|(k, _)| seen.insert(k.clone()))
        .collect();
    pairs.reverse();

    let valid_alone = |key: &str, value: &Value| -> Result<(), String> {
        let mut trial = default.clone();
        if !set(&mut trial, key, value.clone()) {
            return Err("it names no setting".to_owned());
        }
        serde_json::from_value::<Scenario>(trial)
            .map(drop)
            .map_err(|e| e.to_string())
    };

    let mut accepted = Vec::new();
    for (key, text) in pairs {
        let Some(leaf) = lookup(default, &key) else {
            notices.push(Notice::UnknownKey { key });
            continue;
        };
        let first = typed(&text, leaf).and_then(|v| valid_alone(&key, &v).map(|()| v));
        let chosen = match first {
            Ok(v) => Ok(v),
            Err(e) => match fallback(&text, leaf) {
                Some(v) if valid_alone(&key, &v).is_ok() => Ok(v),
                _ => Err(e),
            },
        };
        match chosen {
            Ok(value) => accepted.push(Change { key, text, value }),
            Err(message) => notices.push(Notice::InvalidValue {
                key,
                value: text,
                message,
                default: leaf_text(leaf),
            }),
        }
    }

    let mut merged = default.clone();
    for c in &accepted {
        set(&mut merged, &c.key, c.value.clone());
    }
    if let Ok(s) = serde_json::from_value::<Scenario>(merged) {
        return s;
    }
    // A combination is invalid: add the changes one at a time, dropping
    // any that breaks what came before, so one bad field resets only itself.
    let mut merged = default.clone();
    for c in accepted {
        let mut trial = merged.clone();
        let result = if set(&mut trial, &c.key, c.value) {
            serde_json::from_value::<Scenario>(trial.clone()).map_err(|e| e.to_string())
        } else {
            Err("another setting in the link replaced it".to_owned())
        };
        match result {
            Ok(_) => merged = trial,
            Err(e) => notices.push(Notice::InvalidValue {
                default: lookup(default, &c.key).map(leaf_text).unwrap_or_default(),
                key: c.key,
                value: c.text,
                message: format!("it conflicts with other settings in the link ({e})"),
            }),
        }
    }
    serde_json::from_value(merged).unwrap_or_default()
}

/// The text read as the JSON type of the default at its key.
fn typed(text: &str, default: &Value) -> Result<Value, String> {
    match default {
        Value::String(_) => Ok(Value::String(text.to_owned())),
        Value::Bool(_) => match text {
            "true" => Ok(Value::Bool(true)),
            "false" => Ok(Value::Bool(false)),
            _ => Err("expected true or false".to_owned()),
        },
        Value::Number(n) => number(text, n),
        Value::Null | Value::Array(_) | Value::Object(_) => {
            serde_json::from_str(text).map_err(|e| format!("it is not valid JSON ({e})"))
        }
    }
}

/// The other reading, for a value whose type differs from the default's
/// (an option set to none, an enum switched to a unit variant).
fn fallback(text: &str, default: &Value) -> Option<Value> {
    match default {
        Value::Null | Value::Array(_) | Value::Object(_) => Some(Value::String(text.to_owned())),
        // Not a number for a string input: its text was refused, and the
        // number would be a lossy f64 of it (`100.000…001`, refused as a
        // target, would read as 100%).
        Value::String(_) => serde_json::from_str(text)
            .ok()
            .filter(|v: &Value| !v.is_number()),
        Value::Bool(_) | Value::Number(_) => serde_json::from_str(text).ok(),
    }
}

/// A number like the default: an integer where the default is one, else a
/// finite float.
fn number(text: &str, default: &Number) -> Result<Value, String> {
    if default.is_u64() {
        if let Ok(u) = text.parse::<u64>() {
            return Ok(Value::from(u));
        }
    }
    if default.is_i64() {
        if let Ok(i) = text.parse::<i64>() {
            return Ok(Value::from(i));
        }
    }
    match text.parse::<f64>() {
        Ok(x) => Number::from_f64(x)
            .map(Value::Number)
            .ok_or_else(|| "it is not a finite number".to_owned()),
        Err(_) => Err("it is not a number".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::window::Convention;

    #[test]
    fn a_link_without_pairs_decodes_as_the_general_path_would() {
        let mut notices = Vec::new();
        let general = decode_pairs(Vec::new(), default_value().unwrap(), &mut notices);
        for query in ["", "?", "&&", "?&"] {
            let d = decode(query);
            assert_eq!(d.scenario, general, "{query:?}");
            assert!(d.notices.is_empty() && notices.is_empty(), "{query:?}");
        }
    }

    #[test]
    fn encode_component_escapes_all_but_the_readable_set() {
        let all: String = (0u8..=127).map(char::from).collect();
        let encoded = encode_component(&all);
        let kept: String = encoded
            .split('%')
            .map(|c| c.get(2..).unwrap_or(""))
            .collect();
        assert_eq!(
            kept,
            ",-./0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~"
        );
        assert_eq!(encode_component(" %&=+#?"), "%20%25%26%3D%2B%23%3F");
        assert_eq!(encode_component(""), "");
    }

    #[test]
    fn decode_component_follows_the_url_standard() {
        assert_eq!(decode_component("%2b+%2B").unwrap(), "+ +");
        assert_eq!(decode_component("%").unwrap(), "%");
        assert_eq!(decode_component("%4").unwrap(), "%4");
        assert_eq!(decode_component("%zz%41").unwrap(), "%zzA");
        assert_eq!(decode_component("é").unwrap(), "é");
        assert!(decode_component("%C3").is_err());
        assert!(decode_component("%C3%28").is_err());
    }

    #[test]
    fn components_round_trip() {
        for text in ["", "a b", "100%", "&=+?#", "日本語", "\u{0}\u{7f}", "%41"] {
            assert_eq!(decode_component(&encode_component(text)).unwrap(), text);
        }
    }

    #[test]
    fn numbers_are_shortest_and_exact() {
        let n = |x: f64| number_text(&Number::from_f64(x).unwrap());
        assert_eq!(n(14_400.0), "14400");
        assert_eq!(n(0.1), "0.1");
        assert_eq!(n(-0.5), "-0.5");
        assert_eq!(n(1e300), "1e300");
        assert_eq!(n(1.5e-7), "1.5e-7");
        assert_eq!(n(0.0), "0");
        assert_eq!(number_text(&Number::from(61u64)), "61");
        for x in [
            0.1 + 0.2,
            1.0 / 3.0,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            123_456.789,
        ] {
            assert_eq!(n(x).parse::<f64>().unwrap(), x);
        }
    }

    /// A custom alert row keeps the form it was stated in (by
    /// budget fraction or by time to exhaustion) through a link, and a link
    /// written before rows could be stated by time still reads.
    #[test]
    fn custom_alerts_keep_their_stated_form() {
        use crate::alerts::{BurnAlert, PolicyChoice, Severity};
        let mut s = Scenario::default();
        s.alerts.policy = PolicyChoice::Custom;
        s.alerts.custom = ["page exhausts 2d 1h 5m", "ticket 10% 3d 6h"]
            .iter()
            .map(|t| t.parse().unwrap())
            .collect();
        let link = encode(&s);
        // 2 d = 172,800 s, on the first row only.
        assert_eq!(link.matches("exhaustion_seconds").count(), 1, "{link}");
        assert!(link.contains("exhaustion_seconds%22:172800"), "{link}");
        let back = decode(&link);
        assert!(back.notices.is_empty(), "{:?}", back.notices);
        let lines: Vec<String> = back
            .scenario
            .alerts
            .custom
            .iter()
            .map(|a| a.to_string())
            .collect();
        assert_eq!(lines, ["page exhausts 2d 1h 5m", "ticket 10% 3d 6h"]);
        assert_eq!(back.scenario, s);
        // As a link of the earlier encoder wrote the Workbook's first row.
        let old = r#"[{"budget_fraction":0.02,"fixed_burn_rate":null,"for_seconds":null,"long_window_seconds":3600.0,"severity":"page","short_window_seconds":300.0}]"#;
        let old = format!(
            "v=5&alerts.policy=custom&alerts.custom={}",
            encode_component(old)
        );
        let back = decode(&old);
        assert!(back.notices.is_empty(), "{:?}", back.notices);
        assert_eq!(
            back.scenario.alerts.custom,
            [BurnAlert::new(Severity::Page, 0.02, 3_600.0, 300.0)]
        );
        // A row stated by fraction is written as before (no new key).
        s.alerts.custom = back.scenario.alerts.custom;
        assert_eq!(encode(&s), old);
    }

    #[test]
    fn version_key_is_free() {
        // `v` is the link's version; a scenario field of that name would be
        // unreachable from a link.
        let default = default_value().unwrap();
        assert!(default.get("v").is_none());
    }

    #[test]
    fn lookup_and_set_walk_dotted_keys() {
        let mut v = serde_json::json!({"a": {"b": 1}, "c": "x"});
        assert_eq!(lookup(&v, "a.b"), Some(&Value::from(1)));
        assert_eq!(lookup(&v, "a"), Some(&serde_json::json!({"b": 1})));
        assert_eq!(lookup(&v, "a.b.c"), None);
        assert_eq!(lookup(&v, "c.len"), None);
        assert_eq!(lookup(&v, ""), None);
        assert_eq!(lookup(&v, "a..b"), None);
        assert!(set(&mut v, "a.b", Value::from(2)));
        assert!(!set(&mut v, "a.z", Value::from(2)));
        assert_eq!(v, serde_json::json!({"a": {"b": 2}, "c": "x"}));
    }

    #[test]
    fn typed_reads_the_default_type() {
        let num = Value::from(1.5);
        assert_eq!(typed("2", &num), Ok(Value::from(2.0)));
        assert!(typed("NaN", &num).is_err());
        assert!(typed("inf", &num).is_err());
        assert!(typed("1e999", &num).is_err());
        assert_eq!(typed("7", &Value::from(3u64)), Ok(Value::from(7u64)));
        assert_eq!(typed("true", &Value::Bool(false)), Ok(Value::Bool(true)));
        assert!(typed("yes", &Value::Bool(false)).is_err());
        assert_eq!(
            typed("null", &Value::String("x".into())),
            Ok(Value::from("null"))
        );
        assert_eq!(
            fallback("null", &Value::String("x".into())),
            Some(Value::Null)
        );
        assert_eq!(
            typed("[1]", &Value::Array(vec![])),
            Ok(serde_json::json!([1]))
        );
        assert_eq!(fallback("month", &Value::Null), Some(Value::from("month")));
    }

    #[test]
    fn only_differences_are_written() {
        let s = Scenario {
            convention: Convention::Calendar365,
            ..Scenario::default()
        };
        assert_eq!(encode(&s), "v=5&convention=365d");
    }

    #[test]
    fn a_later_key_wins() {
        let d = decode("convention=365d&convention=sre-book");
        assert_eq!(d.scenario.convention, Convention::SreBook);
        assert!(d.notices.is_empty());
        // The last value counts even when it is invalid.
        let d = decode("convention=365d&convention=lunar");
        assert_eq!(d.scenario.convention, Convention::GregorianMean);
        assert_eq!(d.notices.len(), 1);
    }

    #[test]
    fn a_whole_struct_may_be_given_as_json() {
        let d = decode("reverse=%7B%22downtime_seconds%22:60,%22period%22:%22day%22%7D");
        assert!(d.notices.is_empty(), "{:?}", d.notices);
        assert_eq!(d.scenario.reverse.downtime_seconds, 60.0);
        assert_eq!(d.scenario.reverse.period, crate::window::Period::Day);
    }

    /// A 1 MB value gave a notice of 1,000,209 characters and
    /// 50,000 unknown keys 50,000 notices. Worked by hand: at most 60
    /// characters of a value are quoted, at most 120 of a parser's message,
    /// at most 20 notices and one line counting the rest; bidirectional
    /// overrides show as escapes.
    #[test]
    fn hostile_links_give_few_short_notices() {
        let huge = "x".repeat(1_000_000);
        let d = decode(&format!("v=5&convention={huge}"));
        assert_eq!(d.notices.len(), 1);
        let text = d.notices[0].to_string();
        assert!(text.len() < 600, "{} characters", text.len());
        assert!(text.contains("… (999940 more characters)"), "{text}");

        let many: Vec<String> = (0..50_000).map(|i| format!("k{i}=1")).collect();
        let d = decode(&many.join("&"));
        assert_eq!(d.notices.len(), MAX_NOTICES + 1);
        assert_eq!(d.notices[MAX_NOTICES], Notice::More { count: 50_000 - 20 });
        assert_eq!(
            d.notices[MAX_NOTICES].to_string(),
            "… and 49980 more problems with this link, not listed (the first 20 are)"
        );

        let n = Notice::UnknownKey {
            key: "abc\u{202E}fed".into(),
        };
        assert_eq!(
            n.to_string(),
            "Ignored unknown setting \"abc\\u{202e}fed\" in the link"
        );
    }

    #[test]
    fn notices_read_as_one_line() {
        let n = Notice::InvalidValue {
            key: "target".into(),
            value: "x".repeat(100),
            message: "not a percentage".into(),
            default: "99.95%".into(),
        };
        let text = n.to_string();
        assert!(!text.contains('\n'));
        assert!(
            text.contains(&format!("(\"{}\"… (40 more characters))", "x".repeat(60))),
            "{text}"
        );
        assert!(text.ends_with("is invalid: not a percentage — using the default 99.95%"));
        assert_eq!(
            Notice::NewerVersion { version: 2 }.to_string(),
            "This link comes from a newer version of Nines (link version 2); \
             settings this version does not know were ignored"
        );
        assert!(
            Notice::Migrated { from: 0 }
                .to_string()
                .contains("version 0")
        );
        let n = Notice::UnknownKey {
            key: "a\nb\u{0}".into(),
        };
        assert_eq!(
            n.to_string(),
            r#"Ignored unknown setting "a\nb\0" in the link"#
        );
    }

    #[test]
    fn json_floats_read_back_exactly() {
        // serde_json's default float parser may be one ulp off; the
        // `float_roundtrip` feature makes lists of numbers exact.
        let x = 0.49193954107731075_f64;
        let v: Value = serde_json::from_str(&Value::from(x).to_string()).unwrap();
        assert_eq!(v.as_f64(), Some(x));
    }
}

/// One input that differs between two scenarios, as a link writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputDifference {
    /// The dotted key (`cost.model.revenue_per_year`).
    pub key: String,
    /// The first scenario's value.
    pub a: String,
    /// The second scenario's value.
    pub b: String,
}

/// The inputs that differ between two scenarios, in the scenario's field
/// order (for comparing saved scenarios side by side).
///
/// ```
/// use nines_core::link::compare;
/// use nines_core::scenario::Scenario;
/// let a = Scenario::default();
/// let mut b = a.clone();
/// b.target = "99.9".parse().unwrap();
/// let d = compare(&a, &b);
/// assert_eq!(d.len(), 1);
/// assert_eq!((d[0].key.as_str(), d[0].a.as_str(), d[0].b.as_str()), ("target", "99.95%", "99.9%"));
/// assert!(compare(&a, &a).is_empty());
/// ```
pub fn compare(a: &Scenario, b: &Scenario) -> Vec<InputDifference> {
    // Equal scenarios (the page compares the current one with itself by
    // default, on every edit) need no encoding.
    if a == b {
        return Vec::new();
    }
    let (Some(va), Some(vb)) = (to_value(a), to_value(b)) else {
        return Vec::new();
    };
    let mut paths = Vec::new();
    differences(&va, &vb, &mut Vec::new(), &mut paths);
    paths
        .into_iter()
        .map(|path| {
            let text = |root: &Value| {
                path.iter()
                    .try_fold(root, |v, k| v.get(k))
                    .map(leaf_text)
                    .unwrap_or_default()
            };
            InputDifference {
                key: path.join("."),
                a: text(&va),
                b: text(&vb),
            }
        })
        .collect()
}
