//! The house has no import loop: every module of `core/src` imports only
//! modules that stand before it in the floors written in
//! `docs/ARCHITECTURE.md`, and the modules of `src/` import each other
//! without a loop. Read from the sources themselves (every `crate::…` path
//! outside comments, and `super::…` inside `src/components/`).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The floors block of the architecture note: the core's modules, lowest
/// first, in the order a module may import them.
fn floors() -> Vec<String> {
    let note = fs::read_to_string(Path::new(ROOT).join("docs/ARCHITECTURE.md"))
        .expect("docs/ARCHITECTURE.md");
    let block = note
        .split("```floors\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a ```floors block in docs/ARCHITECTURE.md");
    block
        .lines()
        .filter_map(|line| line.split_once(':'))
        .flat_map(|(_, modules)| modules.split(',').map(|m| m.trim().to_string()))
        .filter(|m| !m.is_empty())
        .collect()
}

/// The modules a source names through `crate::…` paths outside comments
/// (and, for a file in the subfolder `sub`, through `super::…`), among
/// `known`: `crate::a::b::C` counts as `a::b` when that is a module, else `a`;
/// braces are followed (`use crate::{a::X, b::Y}`).
fn imports(source: &str, known: &BTreeSet<String>, sub: Option<&str>) -> BTreeSet<String> {
    let code: String = source
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut found = BTreeSet::new();
    for (root, base) in [("crate::", None), ("super::", sub)] {
        if root == "super::" && sub.is_none() {
            continue;
        }
        for (at, _) in code.match_indices(root) {
            let after = &code[at + root.len()..];
            let paths: Vec<&str> = match after.strip_prefix('{') {
                Some(inner) => inner[..inner.find('}').unwrap_or(inner.len())]
                    .split(',')
                    .collect(),
                None => vec![after],
            };
            for path in paths {
                let mut segments: Vec<String> = base.map(String::from).into_iter().collect();
                for segment in path.trim().split("::").take(2) {
                    let end = segment
                        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                        .unwrap_or(segment.len());
                    segments.push(segment[..end].to_string());
                    if end < segment.len() {
                        break;
                    }
                }
                let two = segments
                    .iter()
                    .take(2)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("::");
                let one = segments.first().cloned().unwrap_or_default();
                if let Some(name) = [two, one].into_iter().find(|c| known.contains(c)) {
                    found.insert(name);
                }
            }
        }
    }
    found
}

/// Module name → source, for the `.rs` files of `dir`, its subfolder `sub`
/// and its folder modules.
fn modules(dir: &Path, sub: Option<&str>) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut add = |sub: &str, prefix: &str| {
        let Ok(entries) = fs::read_dir(dir.join(sub)) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "rs") {
                let stem = path.file_stem().unwrap().to_string_lossy().to_string();
                let name = if stem == "mod" && !prefix.is_empty() {
                    prefix.trim_end_matches("::").to_string()
                } else {
                    format!("{prefix}{stem}")
                };
                out.insert(name, fs::read_to_string(&path).unwrap());
            }
        }
    };
    add("", "");
    if let Some(sub) = sub {
        add(sub, &format!("{sub}::"));
    }
    fold_folders(dir, sub, &mut out);
    out
}

/// A module kept as a folder (`import/mod.rs` with a file per reader,
/// `export/mod.rs` with a file per format) is
/// one module on its floor: its files' sources together, under its name.
fn fold_folders(dir: &Path, sub: Option<&str>, out: &mut BTreeMap<String, String>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let folder = entry.path();
        let read_apart = sub.is_some_and(|s| folder.ends_with(s));
        if read_apart || !folder.join("mod.rs").is_file() {
            continue;
        }
        let mut files: Vec<_> = fs::read_dir(&folder)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "rs"))
            .collect();
        files.sort();
        let source: String = files
            .iter()
            .map(|p| fs::read_to_string(p).unwrap())
            .collect::<Vec<_>>()
            .join("\n");
        let name = folder.file_name().unwrap().to_string_lossy().to_string();
        out.insert(name, source);
    }
}

fn graph(dir: &Path, sub: Option<&str>) -> BTreeMap<String, BTreeSet<String>> {
    let sources = modules(dir, sub);
    let known: BTreeSet<String> = sources.keys().cloned().collect();
    sources
        .iter()
        .map(|(name, source)| {
            let in_sub = sub.filter(|s| name.starts_with(&format!("{s}::")));
            let mut uses = imports(source, &known, in_sub);
            uses.remove(name);
            (name.clone(), uses)
        })
        .collect()
}

/// A loop in the graph, as the modules around it, if there is one.
fn find_loop(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, stack, done) {
                return Some(cycle);
            }
        }
        stack.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|n| visit(n, graph, &mut Vec::new(), &mut done))
}

#[test]
fn core_modules_import_only_the_floors_below_them() {
    let order = floors();
    let core = graph(&Path::new(ROOT).join("core/src"), None);
    let mut problems = Vec::new();
    for (module, uses) in &core {
        if module == "lib" {
            continue;
        }
        let Some(mine) = order.iter().position(|m| m == module) else {
            problems.push(format!(
                "core/src/{module}.rs is on no floor of docs/ARCHITECTURE.md"
            ));
            continue;
        };
        for used in uses {
            match order.iter().position(|m| m == used) {
                Some(theirs) if theirs < mine => {}
                Some(_) => problems.push(format!(
                    "core/src/{module}.rs imports {used}, which stands above it (or beside it, later)"
                )),
                None => problems.push(format!("{used} (imported by {module}) is on no floor")),
            }
        }
    }
    for listed in &order {
        if !core.contains_key(listed) {
            problems.push(format!(
                "docs/ARCHITECTURE.md names {listed}, which is not in core/src"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_import_loop_in_the_core_or_the_app() {
    for (dir, sub) in [
        ("core/src", None),
        ("src", Some("components")),
        ("cli/src", Some("commands")),
        ("portfolio/src", Some("view")),
    ] {
        let g = graph(&Path::new(ROOT).join(dir), sub);
        assert!(g.len() > 3, "{dir}: read {} modules", g.len());
        if let Some(cycle) = find_loop(&g) {
            panic!("{dir}: import loop {}", cycle.join(" -> "));
        }
    }
}

/// The reader finds what it must: a made-up loop is reported, a climb
/// through an inline path (not only `use` lines) is seen, comments are not.
#[test]
fn the_reader_sees_loops_and_inline_paths() {
    let known: BTreeSet<String> = ["a", "b", "components", "components::x"]
        .into_iter()
        .map(String::from)
        .collect();
    let set = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<BTreeSet<_>>();
    let uses = imports(
        "use crate::a::{One, Two};\n    let x = crate::b::f();\n// crate::components::x\n",
        &known,
        None,
    );
    assert_eq!(uses, set(&["a", "b"]));
    assert_eq!(
        imports("use crate::{a::X,\n b};", &known, None),
        set(&["a", "b"])
    );
    assert_eq!(
        imports("use crate::components::x::Y;", &known, None),
        set(&["components::x"])
    );
    let sib = imports("use super::x::Thing;", &known, Some("components"));
    assert_eq!(sib, set(&["components::x"]));
    let mut g = BTreeMap::new();
    g.insert("a".to_string(), ["b".to_string()].into_iter().collect());
    g.insert("b".to_string(), ["a".to_string()].into_iter().collect());
    assert!(find_loop(&g).is_some());
    g.insert("b".to_string(), BTreeSet::new());
    assert!(find_loop(&g).is_none());
}
