//! The top-level modules of src/ call one way only: a module that uses
//! another is never used by it, directly or around a loop. Read from the
//! source, so a new `crate::` path that closes a loop fails here with the
//! loop and the lines that make it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
    found
}

/// The source without its comments: a doc link to another module is not a
/// use of it. Good enough for this code base, which puts no `//` in
/// strings next to a `crate::` path.
fn code_of(source: &str) -> String {
    source
        .lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules named after each `crate::` in `code`, with the
/// line each is on: `crate::web::x` names `web`, and `crate::{db, web::x}`
/// names `db` and `web`.
fn named_modules(code: &str) -> Vec<(String, usize)> {
    let mut named = Vec::new();
    let line_of = |at: usize| code[..at].matches('\n').count() + 1;
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // Names at the group's first level, each after `{` or `,`.
            let mut depth = 1;
            let mut expecting = true;
            let mut name = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 1 => break,
                    '}' => depth -= 1,
                    ',' if depth == 1 => expecting = true,
                    c if depth == 1 && expecting && (c.is_alphanumeric() || c == '_') => {
                        name.push(c)
                    }
                    _ if !name.is_empty() => {
                        named.push((std::mem::take(&mut name), line_of(at)));
                        expecting = false;
                    }
                    _ => {}
                }
            }
            if !name.is_empty() {
                named.push((name, line_of(at)));
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            named.push((name, line_of(at)));
        }
    }
    named
}

/// For each top-level module, the modules it uses, each with where.
fn module_graph(src: &Path) -> BTreeMap<String, BTreeMap<String, String>> {
    let top_of = |path: &Path| -> String {
        let first = path.strip_prefix(src).unwrap().components().next().unwrap();
        let name = first.as_os_str().to_str().unwrap();
        name.trim_end_matches(".rs").to_owned()
    };
    let files = sources(src);
    let modules: BTreeSet<String> = files
        .iter()
        .map(|f| top_of(f))
        .filter(|m| m != "main" && m != "lib")
        .collect();
    let mut graph: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for file in &files {
        let from = top_of(file);
        if !modules.contains(&from) {
            continue;
        }
        let code = code_of(&std::fs::read_to_string(file).unwrap());
        for (to, line) in named_modules(&code) {
            if to != from && modules.contains(&to) {
                let place = format!("{}:{line}", file.strip_prefix(src).unwrap().display());
                graph
                    .entry(from.clone())
                    .or_default()
                    .entry(to)
                    .or_insert(place);
            }
        }
    }
    graph
}

/// A loop through the graph, as the modules along it, if there is one.
fn a_loop(graph: &BTreeMap<String, BTreeMap<String, String>>) -> Option<Vec<String>> {
    fn visit(
        module: &str,
        graph: &BTreeMap<String, BTreeMap<String, String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|m| m == module) {
            let mut found = path[start..].to_vec();
            found.push(module.to_owned());
            return Some(found);
        }
        if done.contains(module) {
            return None;
        }
        path.push(module.to_owned());
        for next in graph.get(module).into_iter().flat_map(|uses| uses.keys()) {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
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
fn paths_are_read_as_the_modules_they_name() {
    let code = "use crate::db::{self, DbConn};\nuse crate::{\n    error::AppError,\n    web::{AppState, Page},\n};\nlet x = crate::clock::Clock::default();";
    let named: Vec<_> = named_modules(code)
        .into_iter()
        .map(|(name, line)| format!("{name}@{line}"))
        .collect();
    assert_eq!(named, ["db@1", "error@2", "web@2", "clock@6"]);
    assert_eq!(code_of("a(); // see crate::web\n"), "a(); ");
}

#[test]
fn a_loop_is_found_and_shown() {
    let graph: BTreeMap<String, BTreeMap<String, String>> = [
        ("mail", vec![("db", "mail/outbox.rs:3")]),
        ("web", vec![("workflow", "web/mod.rs:9")]),
        (
            "workflow",
            vec![("mail", "workflow/mod.rs:4"), ("web", "workflow/x.rs:2")],
        ),
    ]
    .into_iter()
    .map(|(from, uses)| {
        let uses = uses
            .into_iter()
            .map(|(to, at)| (to.to_owned(), at.to_owned()))
            .collect();
        (from.to_owned(), uses)
    })
    .collect();
    assert_eq!(a_loop(&graph).unwrap(), ["web", "workflow", "web"]);
}

#[test]
fn the_top_level_modules_call_one_way_only() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = module_graph(&src);
    assert!(
        graph
            .get("routes")
            .is_some_and(|uses| uses.contains_key("web")),
        "the source was read: {graph:?}"
    );
    if let Some(found) = a_loop(&graph) {
        let steps: Vec<String> = found
            .windows(2)
            .map(|pair| {
                format!(
                    "{} uses {} at {}",
                    pair[0], pair[1], graph[&pair[0]][&pair[1]]
                )
            })
            .collect();
        panic!(
            "the modules {} form a loop:\n{}",
            found.join(" → "),
            steps.join("\n")
        );
    }
}
