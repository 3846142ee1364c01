//! The route table of the suite (support/routes.rs) against the routes the
//! application registers. actix-web keeps no list of its routes to ask at
//! run time, so they are read from the `configure` functions of
//! src/routes; whatever way of registering a route that reading does not
//! know fails the check too, so that no route slips past it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::support::routes::{KINDS, Method, ROUTES, fill, matches};

/// Scopes and the folder whose `.route(…)` calls they hold; `None`: the
/// scope's resources are made by `readable(…)` (src/routes/api).
const SCOPES: &[(&str, Option<&str>)] = &[("/admin", Some("admin")), ("/api", None)];

/// What registers a route in actix-web, other than the forms read here.
const OTHER_REGISTRATIONS: &[&str] = &[
    ".service(",
    "web::to(",
    "web::put()",
    "web::delete()",
    "web::patch()",
    "web::head()",
    "web::method(",
    "web::resource(",
    "web::route()",
    "#[get(",
    "#[post(",
    "#[put(",
    "#[delete(",
    "#[patch(",
    "#[route(",
];

/// `readable` (src/routes/api) makes its GET-or-HEAD resource with these.
const READABLE_BODY: &[&str] = &["web::resource(path)", "web::route()"];

/// What answers where no route does, and the services that hold the routes
/// read here.
const KNOWN_SERVICES: &[&str] = &[
    ".default_service(web::to(",
    ".service(web::scope(",
    ".service(readable(",
];

#[test]
fn the_route_table_is_every_registered_route() {
    let registered = registered_routes();
    assert!(
        registered.len() >= 90,
        "the source was read: {registered:?}"
    );
    let mut tabled = BTreeSet::new();
    for route in ROUTES {
        assert!(
            tabled.insert((route.method, route.pattern.to_owned())),
            "{:?} {} is in the table twice",
            route.method,
            route.pattern
        );
    }
    let missing: Vec<_> = registered.difference(&tabled).collect();
    let stale: Vec<_> = tabled.difference(&registered).collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "add to support/routes.rs: {missing:?}\nno longer registered: {stale:?}"
    );
}

#[test]
fn every_example_of_the_route_table_is_an_address_of_its_route() {
    for route in ROUTES {
        let mut kinds = Vec::new();
        fill(route.example, |kind| {
            kinds.push(kind.to_owned());
            String::new()
        });
        for kind in kinds {
            assert!(
                KINDS.contains(&kind.as_str()),
                "{}: {{{kind}}} names nothing known",
                route.example
            );
        }
        assert!(
            matches(route.pattern, route.example),
            "{} is not an address of {}",
            route.example,
            route.pattern
        );
    }
}

/// The routes src/routes registers, as (method, full pattern).
fn registered_routes() -> BTreeSet<(Method, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/routes");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut routes = BTreeSet::new();
    for file in files {
        let name = file.strip_prefix(&root).unwrap().display().to_string();
        let folder_scope = SCOPES
            .iter()
            .find(|(_, folder)| folder.is_some_and(|f| name.starts_with(&format!("{f}/"))))
            .map_or("", |(scope, _)| scope);
        let mut source: String = std::fs::read_to_string(&file)
            .unwrap()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        for scope in literals_after(&source, "web::scope(") {
            assert!(
                SCOPES.iter().any(|(known, _)| *known == scope),
                "{name}: a scope {scope:?} this reading does not know"
            );
        }
        for method in [Method::Get, Method::Post] {
            let marker = match method {
                Method::Get => ",web::get()",
                Method::Post => ",web::post()",
            };
            for path in literals_after(&source.clone(), ".route(") {
                let registration = format!(".route(\"{path}\"{marker}");
                if source.contains(&registration) {
                    routes.insert((method, format!("{folder_scope}{path}")));
                    source = source.replace(&registration, "");
                }
            }
        }
        for path in literals_after(&source, "readable(") {
            routes.insert((Method::Get, format!("/api{path}")));
        }
        if name == "api/mod.rs" {
            for made in READABLE_BODY {
                assert_eq!(source.matches(made).count(), 1, "{name}: {made}");
                source = source.replace(made, "");
            }
        }
        for known in KNOWN_SERVICES {
            source = source.replace(known, "");
        }
        let unread: Vec<_> = OTHER_REGISTRATIONS
            .iter()
            .chain(&["web::get()", "web::post()"])
            .filter(|marker| source.contains(*marker))
            .collect();
        assert!(
            unread.is_empty(),
            "{name} registers routes in a way this reading does not know: {unread:?}"
        );
    }
    routes
}

/// The string literals right after each `opening` in whitespace-free source.
fn literals_after<'a>(source: &'a str, opening: &str) -> Vec<&'a str> {
    source
        .split(opening)
        .skip(1)
        .filter_map(|rest| rest.strip_prefix('"')?.split_once('"'))
        .map(|(literal, _)| literal)
        .collect()
}

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}
