//! The layout's rule, checked on the source: the core (`dataset`, `query`, `rows`, `output` and
//! the helpers they share) knows nothing of the command line, and no module of `src/` imports one
//! that imports it back.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The top-level modules that must not know the command line, and the helpers they share.
const CORE: &[&str] = &["dataset", "query", "rows", "output", "text", "error"];

/// What the core must not name: the command-line layers and clap.
const FORBIDDEN: &[&str] = &[
    "crate::cli",
    "crate::commands",
    "crate::app",
    "clap::",
    "use clap",
];

/// Every Rust file under `src/`, with the top-level module it belongs to.
fn sources() -> Vec<(String, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    let mut folders = vec![root.clone()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("src/ is readable") {
            let path = entry.expect("a readable entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|extension| extension == "rs") {
                let relative = path.strip_prefix(&root).expect("under src/");
                let first = relative.components().next().expect("a component");
                let module = first
                    .as_os_str()
                    .to_string_lossy()
                    .trim_end_matches(".rs")
                    .to_owned();
                found.push((module, path));
            }
        }
    }
    found.sort();
    found
}

/// The code of a file without its comment lines, so prose about a module does not count.
fn code(path: &Path) -> String {
    std::fs::read_to_string(path)
        .expect("a readable source file")
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules a piece of code names as `crate::module`.
fn imports(code: &str) -> BTreeSet<String> {
    code.match_indices("crate::")
        .map(|(start, _)| {
            code[start + "crate::".len()..]
                .chars()
                .take_while(|character| character.is_alphanumeric() || *character == '_')
                .collect::<String>()
        })
        .filter(|name| !name.is_empty())
        .collect()
}

/// The module graph: each top-level module with the top-level modules it imports.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, path) in sources() {
        let entry = graph.entry(module.clone()).or_default();
        entry.extend(
            imports(&code(&path))
                .into_iter()
                .filter(|name| *name != module),
        );
    }
    graph
}

/// A cycle in the graph, as the modules along it, if there is one.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        module: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|seen| seen == module) {
            let mut cycle = path[start..].to_vec();
            cycle.push(module.to_owned());
            return Some(cycle);
        }
        if done.contains(module) {
            return None;
        }
        path.push(module.to_owned());
        for next in graph.get(module).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(module.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|module| visit(module, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_core_knows_nothing_of_the_command_line() {
    let mut broken = Vec::new();
    for (module, path) in sources() {
        if !CORE.contains(&module.as_str()) {
            continue;
        }
        let code = code(&path);
        for forbidden in FORBIDDEN {
            if code.contains(forbidden) {
                broken.push(format!("{} names `{forbidden}`", path.display()));
            }
        }
    }
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let graph = graph();
    assert!(graph.contains_key("query") && graph["commands"].contains("query"));
    assert_eq!(cycle(&graph), None, "{graph:#?}");
}

#[test]
fn the_checks_find_what_they_look_for() {
    let mut graph = graph();
    graph
        .entry(String::from("query"))
        .or_default()
        .insert(String::from("cli"));
    assert!(
        cycle(&graph).is_some(),
        "query -> cli -> ... -> query is a cycle"
    );
    assert_eq!(
        imports("use crate::cli::Config;\nlet x = crate::rows::names(y);"),
        {
            let mut expected = BTreeSet::new();
            expected.insert(String::from("cli"));
            expected.insert(String::from("rows"));
            expected
        }
    );
}
