//! Nothing left untranslated (issue 24, item 6): every page of the route
//! table, read in French by someone allowed to read it, says `lang="fr"`,
//! asks for no message French lacks and shows no English sentence.
//!
//! The pages are those of the access table (access.rs) walked in its order,
//! each in the states it lists, its posts carried out by whoever may, so
//! that the requests, appeals and consultations the pages show exist; the
//! public pages are read about a published clarification; the pages of
//! mailed links are read at the links the walk's mail carried.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use reqwest::header::{ACCEPT_LANGUAGE, HeaderMap, HeaderValue};

use crate::access::{At, EMAILS, PEOPLE, World, expected};
use crate::languages::files;
use crate::on_both_databases;
use crate::support::app::{Backend, Person};
use crate::support::routes::{self, Audience, Method};

on_both_databases!(every_page_reads_in_french_without_english_or_a_missing_message);

/// The GET addresses not read as pages, and why.
const NOT_READ: &[&str] = &[
    // Not HTML: documents, data, feeds and probes.
    "/clarifications/{reference}.pdf",
    "/clarifications/{reference}/v1.pdf",
    "/standards/{slug}/clarifications.pdf",
    "/clarifications.csv",
    "/feeds/clarifications.atom",
    "/feeds/standards/{slug}.atom",
    "/api/openapi.json",
    "/api/v1/clarifications",
    "/api/v1/clarifications/{reference}",
    "/api/v1/clarifications/{reference}/versions/1",
    "/api/v1/standards",
    "/workspace/requests/{reference}/case.json",
    "/healthz",
    "/readyz",
    "/metrics",
    // Addresses that lead back to a page read elsewhere.
    "/requests",
    "/logout",
    "/admin/standards/{slug}",
    "/admin/groups/{group}/members",
    "/admin/groups/{group}/members/{user}/remove",
    "/admin/groups/{group}/rules",
    "/admin/organisations/{organisation}",
    "/admin/committees/{committee}",
    "/admin/users/{user}/deactivate",
    "/admin/webhooks/{webhook}/remove",
    // Links no mail of this walk carries: an unsubscription (in mail about
    // a new clarification), an endorsement (intake through sponsors), a
    // liaison's consultation and the first set-up (the command line).
    "/subscriptions/unsubscribe/{subscription}/{mac}",
    "/endorse/{token}",
    "/consultation/{token}",
    "/setup/{token}",
];

fn french_headers() -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(ACCEPT_LANGUAGE, HeaderValue::from_static("fr"));
    headers
}

/// Runs of a message's own text (between its variables), whitespace
/// collapsed: `(id, text)`.
fn runs_of(language: &Path) -> BTreeMap<String, Vec<String>> {
    use fluent_syntax::ast::{Entry, PatternElement};
    let mut found = Vec::new();
    files(language, &[".ftl"], &mut found);
    let mut runs = BTreeMap::new();
    for file in found {
        let source = std::fs::read_to_string(&file).unwrap();
        let resource = fluent_syntax::parser::parse(source.as_str()).unwrap();
        for entry in &resource.body {
            let Entry::Message(message) = entry else {
                continue;
            };
            let Some(pattern) = &message.value else {
                continue;
            };
            let mut texts = vec![String::new()];
            for element in &pattern.elements {
                match element {
                    PatternElement::TextElement { value } => {
                        texts.last_mut().unwrap().push_str(value)
                    }
                    PatternElement::Placeable { .. } => texts.push(String::new()),
                }
            }
            runs.insert(
                message.id.name.to_owned(),
                texts.iter().map(|t| collapsed(t)).collect(),
            );
        }
    }
    runs
}

fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// English phrases French says otherwise: runs of at least two words of an
/// English message that its French message does not contain, with the id.
fn english_only_phrases() -> Vec<(String, String)> {
    let locales = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let english = runs_of(&locales.join("en"));
    let french = runs_of(&locales.join("fr"));
    let mut phrases = Vec::new();
    // Country names are also parts of organisations' names; their French
    // names are tested where lists show them (languages_sorting.rs).
    for (id, runs) in english
        .into_iter()
        .filter(|(id, _)| !id.starts_with("country-"))
    {
        let french_text = french.get(&id).map(|r| r.join(" ")).unwrap_or_default();
        for run in runs {
            let run = run.trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
            if run
                .split(' ')
                .filter(|w| w.chars().any(char::is_alphabetic))
                .count()
                >= 2
                && !french_text.contains(&run)
            {
                phrases.push((run, id.clone()));
            }
        }
    }
    phrases
}

/// What a reader of the page reads: its text and the attributes read out or
/// shown, outside anything marked as another language, collapsed.
fn read_text(html: &str) -> String {
    let document = scraper::Html::parse_document(html);
    let mut text = Vec::new();
    for node in document.root_element().descendants() {
        let in_other_language = node.ancestors().chain([node]).any(|n| {
            n.value()
                .as_element()
                .and_then(|e| e.attr("lang"))
                .is_some_and(|lang| lang != "fr")
        });
        if in_other_language {
            continue;
        }
        match node.value() {
            scraper::Node::Text(t) => {
                let within = node
                    .parent()
                    .and_then(|p| p.value().as_element().map(|e| e.name().to_owned()));
                if !matches!(within.as_deref(), Some("script" | "style" | "textarea")) {
                    text.push(t.to_string());
                }
            }
            scraper::Node::Element(e) => {
                for attribute in ["title", "aria-label", "placeholder", "alt"] {
                    text.extend(e.attr(attribute).map(str::to_owned));
                }
            }
            _ => {}
        }
    }
    collapsed(&text.join(" "))
}

fn lang_of(html: &str) -> String {
    crate::languages::lang_of(html)
}

/// Whether `phrase` is in `text` as whole words.
fn says(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// What is wrong with a page read in French, if anything. `data` is what
/// the registry holds and people typed, in English: not the page's words.
fn problems_of(
    what: &str,
    html: &str,
    phrases: &[(String, String)],
    missed: &BTreeSet<String>,
    data: &[String],
) -> Vec<String> {
    let mut problems = Vec::new();
    let lang = lang_of(html);
    if lang != "fr" {
        problems.push(format!("{what}: <html lang={lang:?}>, not fr"));
    }
    for id in missed {
        problems.push(format!("{what}: asks for {id}, which French lacks"));
    }
    let mut text = read_text(html);
    for said in data {
        text = text.replace(said.as_str(), " ");
    }
    for (phrase, id) in phrases {
        if says(&text, phrase) {
            problems.push(format!("{what}: English left: {phrase:?} ({id})"));
        }
    }
    problems
}

fn french_misses() -> BTreeSet<String> {
    clarion::i18n::misses()
        .into_iter()
        .filter(|(tag, _)| tag == "fr")
        .map(|(_, id)| id)
        .collect()
}

struct Reader {
    phrases: Vec<(String, String)>,
    problems: Vec<String>,
    read: BTreeSet<&'static str>,
}

impl Reader {
    /// Reads `path` as `person` and notes what is wrong, if it is an HTML
    /// page.
    async fn read(
        &mut self,
        world: &World,
        person: &Person,
        who: &str,
        example: &'static str,
        path: &str,
    ) {
        let missed_before = french_misses();
        let response = person.get(path).await;
        let status = response.status().as_u16();
        let html = response
            .headers()
            .get("content-type")
            .is_some_and(|t| t.to_str().unwrap().starts_with("text/html"));
        let what = format!("GET {path} as {who} ({status})");
        if status >= 500 {
            self.problems.push(format!("{what}: a server error"));
            return;
        }
        if !html {
            return;
        }
        let page = response.text().await.unwrap();
        let missed: BTreeSet<String> = french_misses()
            .difference(&missed_before)
            .cloned()
            .collect();
        self.read.insert(example);
        self.problems.extend(problems_of(
            &what,
            &page,
            &self.phrases,
            &missed,
            &english_data(world),
        ));
    }
}

/// The English the registry holds (names of groups, organisations,
/// committees and people, titles of standards, the subjects of mail sent
/// in its reader's language) and the texts the walk types into forms,
/// longest first: pages show them as they are.
fn english_data(world: &World) -> Vec<String> {
    use clarion::db::schema::{
        external_committees, groups, organisations, outbox, standards, users,
    };
    use diesel::prelude::*;
    let conn = &mut world.app.db();
    let mut data: Vec<String> = groups::table.select(groups::name).load(conn).unwrap();
    data.extend(
        organisations::table
            .select(organisations::name)
            .load::<String>(conn)
            .unwrap(),
    );
    data.extend(
        external_committees::table
            .select(external_committees::name)
            .load::<String>(conn)
            .unwrap(),
    );
    data.extend(
        standards::table
            .select(standards::title)
            .load::<String>(conn)
            .unwrap(),
    );
    data.extend(
        users::table
            .select(users::name)
            .load::<String>(conn)
            .unwrap(),
    );
    data.extend(
        outbox::table
            .select(outbox::subject)
            .load::<String>(conn)
            .unwrap(),
    );
    for &(method, route, _, _) in expected::TABLE {
        if method == Method::Post {
            data.extend(world.inputs(route).into_iter().map(|(_, value)| value));
        }
    }
    for &(_, _, at, _) in expected::TABLE {
        if !matches!(at, At::NoRequest | At::Unknown) {
            for (_, _, fields) in crate::access::steps_to(at) {
                data.extend(fields.iter().map(|(_, value)| (*value).to_owned()));
            }
        }
    }
    let mut data: Vec<String> = data
        .iter()
        .map(|d| collapsed(d))
        .filter(|d| d.len() > 3)
        .collect();
    data.sort_by_key(|d| std::cmp::Reverse(d.len()));
    data.dedup();
    data
}

/// Whether `link` is an address of `example`: the same segments, each
/// placeholder standing for any one segment.
fn matches(example: &str, link: &str) -> bool {
    let link = link.split(['?', '#']).next().unwrap();
    let (a, b): (Vec<_>, Vec<_>) = (example.split('/').collect(), link.split('/').collect());
    a.len() == b.len()
        && a.iter()
            .zip(&b)
            .all(|(x, y)| x == y || (x.starts_with('{') && x.ends_with('}')))
}

async fn every_page_reads_in_french_without_english_or_a_missing_message(backend: Backend) {
    let mut world = World::new(backend).await;
    let anonymous = Person::with_headers(&world.app.address, french_headers());
    let mut people = vec![anonymous];
    for email in EMAILS {
        let person = Person::with_headers(&world.app.address, french_headers());
        people.push(world.app.sign_in(person, email).await);
    }
    let phrases = english_only_phrases();
    assert!(
        phrases.iter().any(|(_, id)| id == "footer-what-text"),
        "the phrases to look for include the layout's"
    );
    let mut reader = Reader {
        phrases,
        problems: Vec::new(),
        read: BTreeSet::new(),
    };

    // The public pages, about a published clarification.
    let published = world.request_at(At::Published).await;
    let public = routes::ROUTES
        .iter()
        .filter(|r| r.method == Method::Get && r.audience == Audience::Public);
    for route in public {
        let path = routes::fill(route.example, |kind| match kind {
            "reference" => published.clone(),
            "slug" => "iso-iec-17025-2017".to_owned(),
            _ => "clarion.css".to_owned(),
        });
        reader
            .read(&world, &people[0], PEOPLE[0], route.example, &path)
            .await;
    }

    // The access table's rows, in order.
    for &(method, route, at, answers) in expected::TABLE {
        let reference = match at {
            At::NoRequest => None,
            At::Unknown => Some("CR-1999-0001".to_owned()),
            at => Some(world.request_at(at).await),
        };
        let path = world.address(route, reference.as_deref());
        match method {
            Method::Get => {
                if let Some(who) = answers.iter().position(|a| *a == crate::access::Answer::Ok) {
                    reader
                        .read(&world, &people[who], PEOPLE[who], route, &path)
                        .await;
                }
            }
            Method::Post => {
                if let Some(who) = answers.iter().position(|a| a.acts()) {
                    world
                        .attempt(who, method, route, &path, reference.as_deref())
                        .await;
                }
            }
        }
        if let Some(reference) = reference.filter(|_| at != At::Unknown) {
            world.moved(at, &reference);
        }
    }

    // The pages of mailed links, at the links mail carried: besides the
    // walk's, a reset of Mia's password and a follower of a standard.
    let visitor = &people[0];
    let forgot = visitor
        .submit_form(
            "/password/forgot",
            "/password/forgot",
            &[("email", EMAILS[0])],
        )
        .await;
    assert!(forgot.status().as_u16() < 400, "a reset is asked for");
    let subscribe = "/standards/iso-iec-17025-2017/subscribe";
    let followed = visitor
        .submit_form(subscribe, subscribe, &[("email", "follower@example.org")])
        .await;
    assert!(followed.status().as_u16() < 400, "a standard is followed");
    world.app.run_worker_once().await;
    let links: Vec<String> = world
        .app
        .mail
        .received()
        .iter()
        .flat_map(|m| m.links())
        .filter_map(|l| l.strip_prefix(&world.app.address).map(str::to_owned))
        // A tracking page's link leads on to its withdrawal page.
        .flat_map(|l| {
            let withdraw = l.starts_with("/track/").then(|| format!("{l}/withdraw"));
            [Some(l), withdraw].into_iter().flatten()
        })
        .collect();
    let linked = routes::ROUTES
        .iter()
        .filter(|r| r.method == Method::Get && r.audience == Audience::LinkHolder);
    for route in linked {
        if let Some(link) = links.iter().find(|l| matches(route.example, l)) {
            reader
                .read(&world, &people[0], "the link's holder", route.example, link)
                .await;
        }
    }

    let unread: Vec<_> = routes::ROUTES
        .iter()
        .filter(|r| r.method == Method::Get && !reader.read.contains(r.example))
        .map(|r| r.example)
        .filter(|example| !NOT_READ.contains(example))
        .collect();
    assert!(
        unread.is_empty(),
        "pages no one read in French: {unread:?} (read them, or say in NOT_READ why not)"
    );
    assert!(
        reader.problems.is_empty(),
        "{} problems on French pages:\n{}",
        reader.problems.len(),
        reader.problems.join("\n")
    );
}
