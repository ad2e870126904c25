//! The shared reader: YAML nodes, a document's reader that records every
//! path it reads (so that what is left can be listed), and errors.

use std::collections::BTreeSet;

use saphyr::{MarkedYaml, Scalar, YamlData};

use super::ImportError;
use crate::ratio::Ratio;

/// The node under a tag, if tagged.
pub(super) fn untag<'a, 'i>(node: &'a MarkedYaml<'i>) -> &'a MarkedYaml<'i> {
    match &node.data {
        YamlData::Tagged(_, inner) => inner,
        _ => node,
    }
}

pub(super) fn get<'a, 'i>(node: &'a MarkedYaml<'i>, key: &str) -> Option<&'a MarkedYaml<'i>> {
    match &untag(node).data {
        YamlData::Mapping(map) => map
            .iter()
            .find(|(k, _)| plain_text(k).as_deref() == Some(key))
            .map(|(_, v)| v),
        _ => None,
    }
}

pub(super) fn items<'a, 'i>(node: &'a MarkedYaml<'i>) -> Option<&'a [MarkedYaml<'i>]> {
    match &untag(node).data {
        YamlData::Sequence(seq) => Some(seq),
        _ => None,
    }
}

/// A scalar's text as parsed (numbers as Rust writes them).
pub(super) fn plain_text(node: &MarkedYaml<'_>) -> Option<String> {
    match &untag(node).data {
        YamlData::Value(Scalar::String(s)) => Some(s.to_string()),
        YamlData::Value(Scalar::Integer(i)) => Some(i.to_string()),
        YamlData::Value(Scalar::FloatingPoint(f)) => Some(f.0.to_string()),
        YamlData::Value(Scalar::Boolean(b)) => Some(b.to_string()),
        YamlData::Representation(s, _, _) => Some(s.to_string()),
        _ => None,
    }
}

/// The line a node starts on, from 1.
pub(super) fn line_of(node: &MarkedYaml<'_>) -> usize {
    node.span.start.line().max(1)
}

/// The input, to read numbers as they were written.
pub(super) struct Source<'t> {
    pub(super) text: &'t str,
}

impl Source<'_> {
    /// A scalar's text; a number as written in the source (`99.95`, not
    /// its nearest binary float) when its span reads back as the same
    /// number.
    pub(super) fn text(&self, node: &MarkedYaml<'_>) -> Option<String> {
        let node = untag(node);
        let YamlData::Value(value) = &node.data else {
            return plain_text(node);
        };
        let number = match value {
            Scalar::Integer(i) => *i as f64,
            Scalar::FloatingPoint(f) => f.0,
            _ => return plain_text(node),
        };
        let (from, to) = (node.span.start.index(), node.span.end.index());
        let byte = |chars: usize| {
            self.text
                .char_indices()
                .nth(chars)
                .map_or(self.text.len(), |(b, _)| b)
        };
        let raw = (from < to)
            .then(|| self.text.get(byte(from)..byte(to)))
            .flatten()
            .map(str::trim);
        match raw {
            Some(raw)
                if Ratio::parse_decimal(raw).is_ok() && raw.parse::<f64>().ok() == Some(number) =>
            {
                Some(raw.to_string())
            }
            _ => plain_text(node),
        }
    }
}
// ---------------------------------------------------------------------------
// What was read, what was not
// ---------------------------------------------------------------------------

#[derive(Default)]
pub(super) struct Out {
    /// The first [`MAX_LISTED`] things not carried, one line each.
    pub(super) not_carried: Vec<String>,
    /// How many more were not carried (counted, not written).
    pub(super) not_carried_more: usize,
    pub(super) assumed: Vec<String>,
    /// Whether the request and error series were read.
    pub(super) series: bool,
}

/// The most entries of a list the importer writes out (what was not
/// carried, the SLOs a file holds): the rest are counted. A file of 70,000
/// keys left unread gave 1.24 MB of text to show.
pub const MAX_LISTED: usize = 50;

/// The most characters of a name (a key, an SLO's name) a line quotes.
pub const NAME_CHARS: usize = 60;

impl Out {
    /// One more thing not carried: written while fewer than [`MAX_LISTED`]
    /// are, counted after.
    pub(super) fn not_carry(&mut self, line: impl FnOnce() -> String) {
        if self.not_carried.len() < MAX_LISTED {
            self.not_carried.push(line());
        } else {
            self.not_carried_more += 1;
        }
    }
}

/// Names for a line: the first [`MAX_LISTED`], each `shown` to
/// [`NAME_CHARS`] characters (`quote::quoted` in a message,
/// `quote::one_line` in a summary), then how many more.
pub(super) fn names_listed<'n>(
    names: impl IntoIterator<Item = &'n str>,
    shown_as: fn(&str, usize) -> String,
) -> String {
    let mut shown = Vec::new();
    let mut more = 0usize;
    for name in names {
        if shown.len() < MAX_LISTED {
            shown.push(shown_as(name, NAME_CHARS));
        } else {
            more += 1;
        }
    }
    let mut out = shown.join(", ");
    if more > 0 {
        out.push_str(&format!(" … and {more} more"));
    }
    out
}

/// One document being read: every path read is recorded, so that what is
/// left can be listed.
pub(super) struct Reader<'a, 'i> {
    root: &'a MarkedYaml<'i>,
    /// Prefixed to the paths listed (`AlertWindows document 2: `).
    label: String,
    used: BTreeSet<String>,
}

impl<'a, 'i> Reader<'a, 'i> {
    pub(super) fn new(root: &'a MarkedYaml<'i>, label: String) -> Self {
        Reader {
            root,
            label,
            used: BTreeSet::new(),
        }
    }

    /// The document's root node.
    pub(super) fn root(&self) -> &'a MarkedYaml<'i> {
        self.root
    }

    /// The node at a path (`spec.objectives[0].target`), not marked read.
    pub(super) fn peek(&self, path: &str) -> Option<&'a MarkedYaml<'i>> {
        let mut node = self.root;
        for part in path.split('.') {
            let (key, index) = match part.split_once('[') {
                Some((key, rest)) => (key, rest.trim_end_matches(']').parse::<usize>().ok()),
                None => (part, None),
            };
            if !key.is_empty() {
                node = get(node, key)?;
            }
            if let Some(i) = index {
                node = items(node)?.get(i)?;
            }
        }
        Some(node)
    }

    /// The node at a path, marked read.
    pub(super) fn take(&mut self, path: &str) -> Option<&'a MarkedYaml<'i>> {
        let node = self.peek(path)?;
        self.used.insert(path.to_string());
        Some(node)
    }

    /// Marks a path read when its text is `expected` (what Nines' own
    /// export writes there, so nothing is lost).
    pub(super) fn take_if(&mut self, path: &str, expected: &str) {
        if self.peek(path).and_then(plain_text).as_deref() == Some(expected) {
            self.used.insert(path.to_string());
        }
    }

    /// Marks a path read, with a line saying why it is not carried.
    pub(super) fn not_carried(&mut self, path: &str, why: &str, out: &mut Out) {
        if let Some(node) = self.peek(path) {
            self.used.insert(path.to_string());
            out.not_carry(|| format!("{}{path}: {} ({why})", self.label, summary(node)));
        }
    }

    pub(super) fn line(&self, path: &str) -> Option<usize> {
        self.peek(path).map(line_of)
    }

    /// Lists everything not read.
    pub(super) fn leftovers(&self, out: &mut Out) {
        self.walk(self.root, String::new(), out);
    }

    fn walk(&self, node: &MarkedYaml<'_>, path: String, out: &mut Out) {
        if self.used.contains(&path) {
            return;
        }
        let below = path.is_empty()
            || self.used.iter().any(|u| {
                u.starts_with(&path) && matches!(u.as_bytes().get(path.len()), Some(b'.' | b'['))
            });
        // A node not read is one line when its children are scalars or
        // when it has too many leaves to list; otherwise each leaf is
        // listed, so that nothing (`page_alert.disable: true`) hides under a
        // key's name.
        let scalar = |v: &MarkedYaml<'_>| plain_text(v).is_some();
        let open = match &untag(node).data {
            YamlData::Mapping(map) => {
                map.len() == 1 || (!map.values().all(scalar) && leaves(node) <= 6)
            }
            YamlData::Sequence(seq) => !seq.iter().all(scalar) && leaves(node) <= 6,
            _ => false,
        };
        match &untag(node).data {
            YamlData::Mapping(map) if below || open => {
                for (k, v) in map {
                    // A key is quoted to its first characters: a path is a
                    // line of what was not carried, never a flood.
                    let key = plain_text(k)
                        .map_or_else(|| "?".into(), |k| crate::quote::one_line(&k, NAME_CHARS));
                    let child = if path.is_empty() {
                        key
                    } else {
                        format!("{path}.{key}")
                    };
                    self.walk(v, child, out);
                }
            }
            YamlData::Sequence(seq) if below || open => {
                for (i, v) in seq.iter().enumerate() {
                    self.walk(v, format!("{path}[{i}]"), out);
                }
            }
            _ if path.is_empty() => {}
            _ => out.not_carry(|| format!("{}{path}: {}", self.label, summary(node))),
        }
    }
}

/// The scalars under a node, counted up to 7.
pub(super) fn leaves(node: &MarkedYaml<'_>) -> usize {
    fn count(node: &MarkedYaml<'_>, n: &mut usize) {
        if *n > 6 {
            return;
        }
        match &untag(node).data {
            YamlData::Mapping(map) => map.values().for_each(|v| count(v, n)),
            YamlData::Sequence(seq) => seq.iter().for_each(|v| count(v, n)),
            _ => *n += 1,
        }
    }
    let mut n = 0;
    count(node, &mut n);
    n
}

/// A node in a few words: a scalar's text, a mapping's keys (with their
/// values when all are scalars), a list's items or their number.
pub(super) fn summary(node: &MarkedYaml<'_>) -> String {
    fn short(s: &str) -> String {
        let one: String = s
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .take(81)
            .collect();
        if one.chars().count() > 80 {
            [one.chars().take(79).collect::<String>().as_str(), "…"].concat()
        } else {
            one
        }
    }
    match &untag(node).data {
        YamlData::Mapping(map) => {
            let pairs: Option<Vec<String>> = map
                .iter()
                .map(|(k, v)| Some(format!("{}: {}", plain_text(k)?, plain_text(v)?)))
                .collect();
            let keys = pairs.unwrap_or_else(|| {
                map.keys()
                    .map(|k| plain_text(k).unwrap_or_default())
                    .collect()
            });
            short(&["{", &keys.join(", "), "}"].concat())
        }
        YamlData::Sequence(seq) => {
            let texts: Option<Vec<String>> = seq.iter().map(plain_text).collect();
            match texts {
                Some(t) if !t.is_empty() => short(&["[", &t.join(", "), "]"].concat()),
                _ if seq.len() == 1 => "1 item".into(),
                _ => format!("{} items", seq.len()),
            }
        }
        _ => short(&plain_text(node).unwrap_or_else(|| "null".into())),
    }
}

pub(super) fn error(line: Option<usize>, message: impl Into<String>) -> ImportError {
    ImportError {
        line,
        message: message.into(),
    }
}
