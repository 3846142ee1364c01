//! A static copy of the register (`clarion export --site DIR`), published
//! in a folder of a plain web server (Python's `http.server`, not
//! Clarion), read as a visitor would: every page from the home page on,
//! every link followed.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use clarion::db::schema::{clarification_translations, corrected_clarifications, requests};
use clarion::db::{self, DatabaseUrl};
use diesel::prelude::*;
use scraper::{Html, Selector};

use crate::support::app::Backend;
use crate::support::browser::Browser;
use crate::support::child::free_port;
use crate::support::eventually::{BOUND, eventually};
use crate::support::operator::clarion;
use crate::{in_a_browser, on_both_databases};

/// The live site the copy is made of: what needs the server links there.
const LIVE: &str = "https://clarifications.example.org";

on_both_databases!(
    the_static_copy_of_the_register_has_every_page_and_no_broken_link,
    an_export_into_a_folder_that_holds_files_changes_nothing,
    a_copy_in_french_reads_in_french,
);
in_a_browser!(someone_searches_the_copy_opened_from_disk,);

/// A web server that serves the files of a folder and nothing else.
struct FileServer {
    child: Child,
    port: u16,
}

impl FileServer {
    async fn serving(dir: &Path) -> FileServer {
        let port = free_port().unwrap();
        let child = Command::new("python3")
            .args(["-m", "http.server", "--bind", "127.0.0.1", "--directory"])
            .arg(dir)
            .arg(port.to_string())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 serves a folder: install it (apt-get install python3)");
        let server = FileServer { child, port };
        let root = server.url("/");
        eventually(BOUND, || {
            let root = root.clone();
            async move {
                reqwest::get(&root)
                    .await
                    .map(|_| ())
                    .map_err(|e| format!("the file server does not answer yet: {e}"))
            }
        })
        .await;
        server
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

impl Drop for FileServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The register of the demo, exported by the command into `dir/copy`.
fn exported_demo(backend: Backend, dir: &Path) -> String {
    let url = backend.new_database_url(dir);
    let database = [("CLARION_DATABASE_URL", url.as_str())];
    let seeded = clarion(dir, &["seed", "--demo"], &database);
    assert!(seeded.status.success(), "{seeded:?}");
    let exported = clarion(
        dir,
        &["export", "--site", "copy"],
        &[database[0], ("CLARION_BASE_URL", LIVE)],
    );
    assert!(exported.status.success(), "{exported:?}");
    let said = String::from_utf8_lossy(&exported.stdout);
    assert!(said.contains("clarifications in"), "{said}");
    url
}

/// What the live site alone can do: ask, sign in, follow a standard, send
/// new information, typeset a PDF, and the pages around them.
fn needs_the_server(path: &str) -> bool {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    matches!(
        path,
        "/requests/new" | "/login" | "/refer" | "/api/openapi.json"
    ) || (path.starts_with("/clarifications/") && path.ends_with("/new-information"))
        || (path.starts_with("/standards/") && path.ends_with("/subscribe"))
        || ((path.starts_with("/clarifications/") || path.starts_with("/standards/"))
            && path.ends_with(".pdf"))
}

/// Every file the crawl reached, by address, with its body; and every link
/// to the live site.
struct Crawl {
    bodies: BTreeMap<String, String>,
    live: BTreeSet<String>,
}

impl Crawl {
    fn page(&self, server: &FileServer, path: &str) -> &str {
        let url = server.url(path);
        self.bodies
            .get(&url)
            .unwrap_or_else(|| panic!("the crawl never reached {url}"))
    }
}

/// Reads the copy from its home page, following every link, source and
/// form of every page and feed; fails on a link that is broken, leaves the
/// copy, needs a directory listing or leads to the live site for what the
/// copy holds.
async fn crawl(server: &FileServer, home: &str) -> Crawl {
    let client = reqwest::Client::new();
    let copy = server.url(home.trim_end_matches("index.html"));
    let mut queue = VecDeque::from([server.url(home)]);
    let mut seen = BTreeSet::from([server.url(home)]);
    let mut crawl = Crawl {
        bodies: BTreeMap::new(),
        live: BTreeSet::new(),
    };
    let links = Selector::parse("[href], [src], form[action]").unwrap();
    while let Some(url) = queue.pop_front() {
        let response = client.get(&url).send().await.unwrap();
        assert_eq!(response.status(), 200, "{url} is a broken link");
        let body = response.text().await.unwrap();
        let base = reqwest::Url::parse(&url).unwrap();
        let file = url.split('?').next().unwrap_or_default();
        let hrefs: Vec<String> = if file.ends_with(".html") {
            let html = Html::parse_document(&body);
            let mut hrefs = Vec::new();
            for element in html.select(&links) {
                let element = element.value();
                if element.name() == "form" {
                    assert_ne!(
                        element.attr("method").map(str::to_lowercase).as_deref(),
                        Some("post"),
                        "{url} has a form only the server can take"
                    );
                }
                hrefs.extend(
                    ["href", "src", "action"]
                        .iter()
                        .filter_map(|a| element.attr(a))
                        .map(str::to_owned),
                );
            }
            hrefs
        } else if file.ends_with(".atom") {
            // A feed's links are relative to the feed; its ids stay the
            // live site's permanent addresses.
            let feed = feed_rs::parser::parse(body.as_bytes()).unwrap();
            for entry in &feed.entries {
                assert!(entry.id.starts_with(LIVE), "{}", entry.id);
            }
            feed.links
                .iter()
                .chain(feed.entries.iter().flat_map(|e| &e.links))
                .map(|l| l.href.clone())
                .collect()
        } else {
            Vec::new()
        };
        crawl.bodies.insert(url.clone(), body);
        for href in hrefs {
            follow(&base, &href, &copy, &mut crawl.live, &mut seen, &mut queue);
        }
    }
    crawl
}

/// Queues `href`, read on the page at `base`, if it is a file of the copy
/// not seen yet; notes it if it leads to the live site.
fn follow(
    base: &reqwest::Url,
    href: &str,
    copy: &str,
    live: &mut BTreeSet<String>,
    seen: &mut BTreeSet<String>,
    queue: &mut VecDeque<String>,
) {
    if href.starts_with('#') || href.starts_with("data:") {
        return;
    }
    if let Some(path) = href.strip_prefix(LIVE) {
        assert!(
            needs_the_server(path),
            "{base} links the live site for {path}, which the copy holds"
        );
        live.insert(path.to_owned());
        return;
    }
    assert!(
        !href.starts_with('/') && !href.contains("://"),
        "{base} has a link that is not relative: {href}"
    );
    let mut url = base.join(href).unwrap();
    url.set_fragment(None);
    let url = url.to_string();
    assert!(
        url.starts_with(copy),
        "{base} links {href}, out of the copy"
    );
    let file = url.split('?').next().unwrap_or_default();
    let name = file.rsplit('/').next().unwrap_or_default();
    assert!(
        name.contains('.'),
        "{base} links {href}: a folder, which a page opened from disk cannot follow"
    );
    if seen.insert(url.clone()) {
        queue.push_back(url);
    }
}

/// The text a visitor reads on a page, its whitespace run together.
fn text(html: &str) -> String {
    let page = Html::parse_document(html);
    let main = Selector::parse("main").unwrap();
    let words: Vec<&str> = page
        .select(&main)
        .flat_map(|m| m.text())
        .flat_map(str::split_whitespace)
        .collect();
    words.join(" ")
}

fn spaced(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

async fn the_static_copy_of_the_register_has_every_page_and_no_broken_link(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let url = exported_demo(backend, dir.path());
    let mut conn = db::establish(&DatabaseUrl::parse(&url).unwrap()).unwrap();
    let published: Vec<(String, String)> = requests::table
        .filter(requests::state.eq("published"))
        .select((requests::reference.assume_not_null(), requests::question))
        .load(&mut conn)
        .unwrap();
    assert!(published.len() > 20, "the demo publishes about thirty");
    let (corrected, version, note): (String, i32, String) = corrected_clarifications::table
        .inner_join(requests::table)
        .filter(corrected_clarifications::note.like("Editorial:%"))
        .select((
            requests::reference.assume_not_null(),
            corrected_clarifications::version,
            corrected_clarifications::note,
        ))
        .first(&mut conn)
        .unwrap();
    assert_eq!(version, 2);
    let (marked, flag_note): (String, String) = requests::table
        .filter(requests::publication_flag.eq("superseded"))
        .select((
            requests::reference.assume_not_null(),
            requests::publication_flag_note.assume_not_null(),
        ))
        .first(&mut conn)
        .unwrap();

    // Served from a folder of the server, not its root: the copy's links
    // hold wherever it is put.
    let server = FileServer::serving(dir.path()).await;
    let crawl = crawl(&server, "/copy/index.html").await;

    // Every clarification and each of its versions is a page reached from
    // the home page, with its JSON record; the list has a page per twenty.
    let second = text(crawl.page(&server, "/copy/clarifications/page/2/index.html"));
    assert!(second.contains("showing 21–"), "{second}");
    for (reference, _) in &published {
        crawl.page(
            &server,
            &format!("/copy/clarifications/{reference}/index.html"),
        );
        crawl.page(
            &server,
            &format!("/copy/clarifications/{reference}/v1/index.html"),
        );
        crawl.page(
            &server,
            &format!("/copy/api/v1/clarifications/{reference}.json"),
        );
    }
    let question = |reference: &str| {
        published
            .iter()
            .find(|(r, _)| r == reference)
            .map(|(_, q)| spaced(q))
            .unwrap()
    };
    let page = text(crawl.page(
        &server,
        &format!("/copy/clarifications/{corrected}/index.html"),
    ));
    assert!(page.contains(&question(&corrected)), "{page}");
    assert!(page.contains("(version 2)"), "{page}");
    assert!(page.contains(&spaced(&note)), "{page}");
    let first = text(crawl.page(
        &server,
        &format!("/copy/clarifications/{corrected}/v1/index.html"),
    ));
    assert!(
        first.contains("This is version 1, kept at its permanent address"),
        "{first}"
    );
    let versions = text(crawl.page(
        &server,
        &format!("/copy/clarifications/{corrected}/versions/index.html"),
    ));
    assert!(versions.contains("Version 2 (current)"), "{versions}");
    let page = text(crawl.page(
        &server,
        &format!("/copy/clarifications/{marked}/index.html"),
    ));
    assert!(page.contains("This clarification is superseded"), "{page}");
    assert!(page.contains(&spaced(&flag_note)), "{page}");

    // The standard of the corrected clarification lists it.
    let record: serde_json::Value = serde_json::from_str(crawl.page(
        &server,
        &format!("/copy/api/v1/clarifications/{corrected}.json"),
    ))
    .unwrap();
    assert_eq!(record["version"], 2, "{record}");
    assert_eq!(record["url"], format!("{LIVE}/clarifications/{corrected}"));
    let slug = record["standard"]["slug"].as_str().unwrap();
    let standard = text(crawl.page(&server, &format!("/copy/standards/{slug}/index.html")));
    assert!(standard.contains(&corrected), "{standard}");

    // The feed's entries are the newest clarifications, and the JSON and
    // the CSV hold them all.
    let feed = feed_rs::parser::parse(
        crawl
            .page(&server, "/copy/feeds/clarifications.atom")
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(feed.entries.len(), published.len().min(50));
    let everything: Vec<serde_json::Value> =
        serde_json::from_str(crawl.page(&server, "/copy/api/v1/clarifications.json")).unwrap();
    let references: BTreeSet<&str> = published.iter().map(|(r, _)| r.as_str()).collect();
    let in_json: BTreeSet<&str> = everything
        .iter()
        .map(|r| r["reference"].as_str().unwrap())
        .collect();
    assert_eq!(in_json, references);
    let csv = crawl.page(&server, "/copy/clarifications.csv");
    assert_eq!(
        csv.lines().count(),
        published.len() + 1,
        "a header, then a row each"
    );

    // The search page's index holds every clarification, its words and
    // questions in files of their own; without JavaScript the page lists
    // the standards, which the crawl followed.
    let index = std::fs::read_to_string(dir.path().join("copy/search/index.js")).unwrap();
    let json = index
        .strip_prefix("window.clarionSearch = ")
        .and_then(|rest| rest.trim_end().strip_suffix(';'))
        .expect("the index is JSON assigned to window.clarionSearch");
    let index: serde_json::Value = serde_json::from_str(json).unwrap();
    let in_index: BTreeSet<&str> = index["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item[0].as_str().unwrap())
        .collect();
    assert_eq!(in_index, references);
    let word_files = std::fs::read_dir(dir.path().join("copy/search/words")).unwrap();
    assert_eq!(
        word_files.count(),
        index["words"].as_array().unwrap().len(),
        "a file for each first two characters of the words held"
    );
    let search = Html::parse_document(crawl.page(&server, "/copy/search/index.html"));
    let standards = Selector::parse("main a[href$='/index.html']").unwrap();
    assert!(
        search
            .select(&standards)
            .any(|a| a.value().attr("href") == Some(&format!("../standards/{slug}/index.html"))),
        "the search page links the standards"
    );

    // Asking, following, signing in and the PDFs lead to the live site.
    for path in [
        "/requests/new".to_owned(),
        "/login".to_owned(),
        format!("/clarifications/{corrected}/v{version}.pdf"),
    ] {
        assert!(crawl.live.contains(&path), "{:?}", crawl.live);
    }
    assert!(
        crawl
            .live
            .contains(&format!("/clarifications/{corrected}/new-information")),
        "{:?}",
        crawl.live
    );
}

async fn an_export_into_a_folder_that_holds_files_changes_nothing(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let url = exported_demo(backend, dir.path());
    let home = std::fs::read_to_string(dir.path().join("copy/index.html")).unwrap();
    let again = clarion(
        dir.path(),
        &["export", "--site", "copy"],
        &[("CLARION_DATABASE_URL", &url)],
    );
    assert!(!again.status.success());
    let said = String::from_utf8_lossy(&again.stderr);
    assert!(said.contains("copy is not empty"), "{said}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("copy/index.html")).unwrap(),
        home
    );
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("partial"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

async fn someone_searches_the_copy_opened_from_disk(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    exported_demo(backend, dir.path());
    let browser = Browser::open().await;
    browser
        .goto(&format!("file://{}/copy/index.html", dir.path().display()))
        .await;
    browser.fill("#home-search", "uncertainty").await;
    let landed = browser.follow(".search-form button").await;
    assert!(
        landed.ends_with("/copy/search/index.html?q=uncertainty"),
        "{landed}"
    );
    let found = browser.text("#search-results [role=status]").await;
    assert!(found.ends_with("clarifications match."), "{found}");
    let question = browser.text("#search-results h3 a").await;
    assert!(question.contains("uncertainty"), "{question}");
    browser.assert_accessible().await;

    let page = browser.follow("#search-results h3 a").await;
    assert!(
        page.starts_with("file://") && page.ends_with("/index.html"),
        "{page}"
    );
    assert!(browser.text("main").await.contains(&question));

    // The page loads only the parts of the index a query needs, and finds
    // every clarification of which each word typed starts a word of the
    // clause, question or answer (common words aside), newest first.
    let records = std::fs::read_to_string(dir.path().join("copy/api/v1/clarifications.json"));
    let records: Vec<serde_json::Value> = serde_json::from_str(&records.unwrap()).unwrap();
    let slug = records[0]["standard"]["slug"].as_str().unwrap().to_owned();
    for (q, standard) in [
        ("uncertainty", ""),
        ("calibrat", ""),
        ("c", ""),
        ("impartiality risk", ""),
        ("", slug.as_str()),
        ("the", slug.as_str()),
        ("zzyzx", ""),
    ] {
        let expected: Vec<(String, String)> = records
            .iter()
            .filter(|record| standard.is_empty() || record["standard"]["slug"] == standard)
            .filter(|record| holds_every_word(record, q))
            .map(|record| {
                let field = |name: &str| record[name].as_str().unwrap().to_owned();
                (field("reference"), field("question"))
            })
            .collect();
        let address = format!(
            "file://{}/copy/search/index.html?q={q}&standard={standard}",
            dir.path().display()
        );
        browser.goto(&address).await;
        let shown = eventually(BOUND, || async {
            let listed = browser
                .execute(
                    "if (!document.querySelector('#search-results [role=status]')) return null;
                     return Array.from(document.querySelectorAll('#search-results li'), li =>
                       [li.querySelector('[data-field=reference]').textContent,
                        li.querySelector('[data-field=question]').textContent]);",
                    vec![],
                )
                .await;
            serde_json::from_value::<Vec<(String, String)>>(listed)
                .map_err(|_| format!("no results yet on {address}"))
        })
        .await;
        assert_eq!(
            shown, expected,
            "searching the copy for {q:?} in {standard:?}"
        );
        let said = browser.text("#search-results [role=status]").await;
        let count = expected.len().to_string();
        assert!(
            said.starts_with(&count) || (expected.is_empty() && said.starts_with("No ")),
            "{said}"
        );
    }
    browser.close().await;
}

/// Whether each word of `q` starts a word of the record's clause, question
/// or answer that the search keeps.
fn holds_every_word(record: &serde_json::Value, q: &str) -> bool {
    use clarion::domain::search::{searchable, words};
    let held: Vec<String> = ["clause", "question", "answer"]
        .iter()
        .flat_map(|field| words(record[field].as_str().unwrap()))
        .filter_map(searchable)
        .collect();
    words(&q.to_lowercase()).all(|typed| held.iter().any(|word| word.starts_with(typed)))
}

async fn a_copy_in_french_reads_in_french(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let url = backend.new_database_url(dir.path());
    let database = ("CLARION_DATABASE_URL", url.as_str());
    assert!(
        clarion(dir.path(), &["seed", "--demo"], &[database])
            .status
            .success()
    );

    // A language the instance does not offer is refused, and nothing is
    // written.
    let refused = clarion(
        dir.path(),
        &["export", "--site", "kopie", "--language", "de"],
        &[database],
    );
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(
        said.contains("--language de") && said.contains("en, fr"),
        "{said}"
    );
    assert!(!dir.path().join("kopie").exists());

    let exported = clarion(
        dir.path(),
        &["export", "--site", "copie", "--language", "fr"],
        &[database, ("CLARION_BASE_URL", LIVE)],
    );
    assert!(exported.status.success(), "{exported:?}");
    let read = |file: &str| std::fs::read_to_string(dir.path().join("copie").join(file)).unwrap();
    let home = read("index.html");
    assert!(home.contains("<html lang=\"fr\">"));
    assert!(text(&home).contains("Dernières clarifications"));

    // A clarification with a French version reads in French, its English
    // a click away; its French question is what the copy's search shows.
    let mut conn = db::establish(&DatabaseUrl::parse(&url).unwrap()).unwrap();
    let (reference, question_fr): (String, String) = clarification_translations::table
        .inner_join(requests::table)
        .filter(requests::state.eq("published"))
        .select((
            requests::reference.assume_not_null(),
            clarification_translations::question,
        ))
        .first(&mut conn)
        .unwrap();
    let page = text(&read(&format!("clarifications/{reference}/index.html")));
    assert!(page.contains("Traduit de l’anglais"), "{page}");
    assert!(page.contains(&spaced(&question_fr)), "{page}");
    let questions: String = std::fs::read_dir(dir.path().join("copie/search/questions"))
        .unwrap()
        .map(|file| std::fs::read_to_string(file.unwrap().path()).unwrap())
        .collect();
    let in_json = serde_json::to_string(&question_fr).unwrap();
    assert!(questions.contains(in_json.trim_matches('"')));
}
