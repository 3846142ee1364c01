//! English and French (docs/languages.md): the language a reader gets,
//! the switch, the account's preference, the page cache, and the message
//! files against what the templates and the code ask of them.

use std::collections::BTreeSet;
use std::path::Path;

use reqwest::header::{ACCEPT_LANGUAGE, HeaderMap, HeaderValue};

use crate::on_both_databases;
use crate::support::app::{Backend, Person, TestApp, csrf_token_in, text_of};

on_both_databases!(
    a_swiss_reader_gets_french_and_the_switch_beats_the_browser,
    the_language_chosen_follows_the_account_wherever_it_signs_in,
    the_page_cache_never_serves_a_page_in_the_other_language,
    the_switch_on_a_refused_form_comes_back_to_the_forms_page,
);

pub(crate) fn reader_of(app: &TestApp, accept_language: &str) -> Person {
    let mut headers = HeaderMap::new();
    headers.insert(
        ACCEPT_LANGUAGE,
        HeaderValue::from_str(accept_language).unwrap(),
    );
    Person::with_headers(&app.address, headers)
}

/// The `lang` of a page's `<html>`.
pub(crate) fn lang_of(html: &str) -> String {
    let document = scraper::Html::parse_document(html);
    let html = scraper::Selector::parse("html").unwrap();
    let element = document.select(&html).next().unwrap();
    element.value().attr("lang").unwrap_or_default().to_owned()
}

async fn a_swiss_reader_gets_french_and_the_switch_beats_the_browser(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let swiss = reader_of(&app, "fr-CH, de;q=0.8, en;q=0.5");
    let response = swiss.get("/standards").await;
    let vary: Vec<_> = response.headers().get_all("vary").iter().collect();
    assert!(
        vary.iter()
            .any(|v| v.to_str().unwrap().contains("Accept-Language")),
        "pages vary with the language asked for: {vary:?}"
    );
    let page = response.text().await.unwrap();
    assert_eq!(lang_of(&page), "fr");
    assert_eq!(
        text_of(&page, ".site-nav a[href='/requests/new']").unwrap(),
        "Demander une clarification"
    );

    let (_, home) = swiss.page("/").await;
    assert_eq!(
        text_of(&home, "h1").unwrap(),
        "Trouver le sens d’une exigence"
    );
    let (status, missing) = swiss.page("/no/such/page").await;
    assert_eq!(status, 404);
    assert_eq!(text_of(&missing, "h1").unwrap(), "Page introuvable");

    // The footer's switch leads to a form that comes back to the page.
    let (status, switch) = swiss.page("/language?back=/standards").await;
    assert_eq!(status, 200);
    let response = swiss
        .post_form(
            "/language",
            &[
                ("language", "en"),
                ("back", "/standards"),
                ("csrf_token", &csrf_token_in(&switch)),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/standards");
    let (_, page) = swiss.page("/standards").await;
    assert_eq!(
        lang_of(&page),
        "en",
        "the switch's choice beats Accept-Language"
    );
    assert_eq!(
        text_of(&page, ".site-nav a[href='/requests/new']").unwrap(),
        "Ask for a clarification"
    );

    // A language not offered, a forged post, another site's address: refused.
    let token = csrf_token_in(&swiss.page("/language").await.1);
    let refused = swiss
        .post_form(
            "/language",
            &[("language", "ru"), ("back", "/"), ("csrf_token", &token)],
        )
        .await;
    assert_eq!(refused.status(), 422);
    let forged = swiss
        .post_form("/language", &[("language", "fr"), ("back", "/")])
        .await;
    assert_eq!(forged.status(), 403);
    let elsewhere = swiss
        .post_form(
            "/language",
            &[
                ("language", "fr"),
                ("back", "//evil.example"),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(elsewhere.headers()["location"], "/");
    let unknown = reader_of(&app, "de-DE");
    assert_eq!(lang_of(&unknown.page("/").await.1), "en");
}

async fn the_language_chosen_follows_the_account_wherever_it_signs_in(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.add_user("amelie@example.org", "Amélie", false, None);
    let at_work = app.signed_in("amelie@example.org").await;
    let (_, workspace) = at_work.page("/workspace").await;
    assert_eq!(lang_of(&workspace), "en");
    // The footer of a signed-in page carries the switch itself.
    let response = at_work
        .post_form(
            "/language",
            &[
                ("language", "fr"),
                ("back", "/workspace"),
                ("csrf_token", &csrf_token_in(&workspace)),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(lang_of(&at_work.page("/workspace").await.1), "fr");
    let stored: Option<String> = {
        use clarion::db::schema::users;
        use diesel::prelude::*;
        users::table
            .filter(users::email.eq("amelie@example.org"))
            .select(users::language)
            .first(&mut app.db())
            .unwrap()
    };
    assert_eq!(stored.as_deref(), Some("fr"));

    // Another browser, asking for English: the account's choice wins.
    let at_home = reader_of(&app, "en-GB");
    let response = at_home
        .submit_form(
            "/login",
            "/login",
            &[
                ("email", "amelie@example.org"),
                ("password", crate::support::app::PASSWORD),
                ("next", "/workspace"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let (_, page) = at_home.page("/workspace").await;
    assert_eq!(lang_of(&page), "fr");
    assert_eq!(
        text_of(&page, ".site-nav a[href='/workspace']").unwrap(),
        "Espace de travail"
    );
}

async fn the_page_cache_never_serves_a_page_in_the_other_language(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    // Cookie-less readers, as the page cache serves them.
    let ask = |lang: &'static str| {
        let client = reqwest::Client::new();
        let url = app.url("/clarifications");
        async move {
            let page = client
                .get(url)
                .header(ACCEPT_LANGUAGE, lang)
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            lang_of(&page)
        }
    };
    for _ in 0..3 {
        assert_eq!(ask("fr-CA").await, "fr");
        assert_eq!(ask("en-US").await, "en");
        assert_eq!(ask("").await, "en");
    }
}

/// Message ids of a language's Fluent files (every `.ftl` of its folder),
/// each defined once.
fn ids_of(language: &Path) -> BTreeSet<String> {
    let mut files_found = Vec::new();
    files(language, &[".ftl"], &mut files_found);
    let mut ids = BTreeSet::new();
    for file in files_found {
        let source = std::fs::read_to_string(&file).unwrap();
        let resource = fluent_syntax::parser::parse(source.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", file.display()));
        for entry in &resource.body {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                assert!(
                    ids.insert(m.id.name.to_owned()),
                    "{} defines {} again",
                    file.display(),
                    m.id.name
                );
            }
        }
    }
    ids
}

/// Every file under `dir` whose name ends with one of `endings`.
pub(crate) fn files(dir: &Path, endings: &[&str], found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, endings, found);
        } else if endings.iter().any(|e| path.to_string_lossy().ends_with(e)) {
            found.push(path);
        }
    }
}

/// The keys asked for with `.t("…")` or `.t_with("…"` in templates and code.
fn keys_used() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = Vec::new();
    files(&root.join("templates"), &[".html", ".txt"], &mut sources);
    files(&root.join("src"), &[".rs"], &mut sources);
    let mut keys = BTreeSet::new();
    for path in sources {
        let text = std::fs::read_to_string(&path).unwrap();
        for call in [".t(\"", ".t_with(\"", "Msg::new(\""] {
            for (at, _) in text.match_indices(call) {
                let rest = &text[at + call.len()..];
                let key = &rest[..rest.find('"').unwrap()];
                if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                    keys.insert(key.to_owned());
                }
            }
        }
        // Mail composed in Rust names its sentences by id: `Said::new("mail-…")`.
        for (at, _) in text.match_indices("\"mail-") {
            let rest = &text[at + 1..];
            let key = &rest[..rest.find('"').unwrap()];
            if key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                keys.insert(key.to_owned());
            }
        }
    }
    use clarion::domain::lifecycle::{Action, ClosureReason, State};
    keys.extend(State::ALL.iter().flat_map(|s| [s.key(), s.submitter_key()]));
    keys.extend(ClosureReason::ALL.iter().map(|r| r.submitter_key()));
    keys.extend(Action::ALL.iter().map(|a| a.past_tense_key()));
    keys
}

#[test]
fn every_message_asked_for_is_in_every_language_and_french_adds_none() {
    let locales = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let english = ids_of(&locales.join("en"));
    let used = keys_used();
    assert!(
        used.contains("nav-clarifications"),
        "the search for keys finds the layout's"
    );
    for entry in std::fs::read_dir(&locales).unwrap() {
        let language = entry.unwrap().path();
        let ids = ids_of(&language);
        let missing: Vec<_> = used.difference(&ids).collect();
        assert!(
            missing.is_empty(),
            "{} lacks {missing:?}",
            language.display()
        );
        let extra: Vec<_> = ids.difference(&english).collect();
        assert!(
            extra.is_empty(),
            "{} has keys English lacks: {extra:?}",
            language.display()
        );
    }
}

/// A refused form is shown again at the address it was sent to; the
/// switch there leads back to the page the form was on (as the browser's
/// Referer says, when it is this site), never to the form's address.
async fn the_switch_on_a_refused_form_comes_back_to_the_forms_page(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let visitor = Person::new(&app.address);
    let (_, form) = visitor.page("/requests/new").await;
    let token = csrf_token_in(&form);
    let refused = |referer: Option<String>| {
        let mut post = visitor
            .client
            .post(app.url("/requests"))
            .form(&[("csrf_token", token.as_str()), ("question", "")]);
        if let Some(referer) = referer {
            post = post.header(reqwest::header::REFERER, referer);
        }
        async move {
            let response = post.send().await.unwrap();
            assert_eq!(response.status(), 422);
            response.text().await.unwrap()
        }
    };
    let page = refused(Some(app.url("/requests/new?standard=iso-iec-17025-2017"))).await;
    assert!(
        page.contains("/language?back=/requests/new%3Fstandard%3Diso-iec-17025-2017\""),
        "{page}"
    );
    let page = refused(Some("https://elsewhere.example/requests/new".to_owned())).await;
    assert!(
        page.contains("/language?back=/\""),
        "another site's page is not followed"
    );
    let page = refused(None).await;
    assert!(page.contains("/language?back=/\""));
    assert!(!page.contains("back=/requests\""));
}

/// What a template says in its own words, outside the messages it asks
/// for: its text with the template's tags, code samples, addresses, file
/// names and settings taken out.
fn own_words(template: &str, html: bool) -> Vec<String> {
    let mut spoken = Vec::new();
    let mut text = String::new();
    let mut rest = template;
    while let Some(at) = rest.find(['{']) {
        text.push_str(&rest[..at]);
        let after = &rest[at..];
        let close = match after.get(..2) {
            Some("{{") => "}}",
            Some("{%") => "%}",
            Some("{#") => "#}",
            // Typst code in the documents' sources: `{page}`.
            _ => "}",
        };
        match after.find(close) {
            Some(end) => {
                if close != "#}" {
                    phrases_in_code(&after[..end], &mut spoken);
                }
                text.push(' ');
                rest = &after[end + close.len()..];
            }
            None => {
                rest = "";
            }
        }
    }
    text.push_str(rest);
    let mut found = spoken;
    let mut take = |words: &str| {
        for word in words.split_whitespace() {
            let is_name = word.contains(['/', '_', '.', '@', '=']);
            let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
            let is_acronym = letters.chars().all(char::is_uppercase);
            if !is_name && !is_acronym && letters.chars().count() > 2 && letters != "Clarion" {
                found.push(word.to_owned());
            }
        }
    };
    if !html {
        take(&text);
        return found;
    }
    let fragment = scraper::Html::parse_fragment(&text);
    for node in fragment.tree.nodes() {
        match node.value() {
            scraper::Node::Text(words) => {
                let in_sample = node.ancestors().any(|a| {
                    a.value().as_element().is_some_and(|e| {
                        matches!(e.name(), "code" | "kbd" | "pre" | "script" | "style")
                    })
                });
                if !in_sample {
                    take(words);
                }
            }
            scraper::Node::Element(element) => {
                for name in ["aria-label", "title", "placeholder", "alt", "data-label"] {
                    if let Some(value) = element.attr(name) {
                        take(value);
                    }
                }
            }
            _ => {}
        }
    }
    found
}

/// Sentences written as string literals in a template's code (a label
/// passed to a form macro), rather than asked for by message id.
fn phrases_in_code(code: &str, found: &mut Vec<String>) {
    for (n, literal) in code.split('"').enumerate() {
        let words = literal
            .split_whitespace()
            .filter(|w| w.chars().filter(|c| c.is_lowercase()).count() > 2)
            .count();
        if n % 2 == 1 && words > 1 && !literal.contains(['<', '%', '/']) {
            found.push(literal.to_owned());
        }
    }
}

#[test]
fn no_template_says_words_of_its_own() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut templates = Vec::new();
    files(&root, &[".html", ".txt"], &mut templates);
    assert!(templates.len() > 100, "the templates are found");
    let mut untranslated = Vec::new();
    for path in templates {
        let source = std::fs::read_to_string(&path).unwrap();
        let html = path.extension().is_some_and(|e| e == "html");
        let words = own_words(&source, html);
        if !words.is_empty() {
            untranslated.push(format!("{}: {words:?}", path.display()));
        }
    }
    assert!(
        untranslated.is_empty(),
        "words outside the message files:\n{}",
        untranslated.join("\n")
    );
    assert_eq!(
        own_words(
            "<p>Read <code>clarion serve</code> {{ page.t(\"x\") }}</p>",
            true
        ),
        ["Read"],
        "the check sees words a page would show"
    );
}
