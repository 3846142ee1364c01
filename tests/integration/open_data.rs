//! Feeds and open data (issue 5, items 4 and 6): Atom feeds read by a feed
//! library, the JSON API with its OpenAPI description, the CSV download,
//! conditional GETs and cross-origin reads, and no submitter in any of them.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use clarion::db::schema::{request_contacts, requests};
use diesel::prelude::*;
use reqwest::Response;
use serde_json::Value;

use crate::on_both_databases;
use crate::support::app::{Backend, TestApp};
use crate::support::eventually::{BOUND, eventually};
use crate::support::register::{Published, noon, publish};

on_both_databases!(
    feeds_carry_the_newest_answers_under_their_permanent_addresses,
    the_api_lists_filters_and_pages_like_the_register,
    the_api_answers_mistakes_in_json_that_names_the_field,
    the_api_may_be_read_from_any_site,
    the_standards_api_counts_what_each_standard_has,
    the_openapi_document_describes_what_the_api_answers,
    the_csv_holds_every_match_and_reads_back,
    a_copy_already_held_is_answered_not_modified_until_something_changes,
    no_submitter_appears_in_feeds_api_or_csv,
    an_answer_is_read_with_its_links_and_without_remote_images,
    a_whole_register_streams_and_downloads_beyond_the_limit_are_asked_to_wait,
);

const LAB: &str = "iso-iec-17025-2017";
const CERTIFICATION: &str = "iso-iec-17065-2012";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn header(response: &Response, name: &str) -> String {
    response
        .headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

/// Status, headers and JSON body of an API answer.
async fn api(app: &TestApp, path: &str) -> (u16, reqwest::header::HeaderMap, Value) {
    let response = app.get(path).await;
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    assert!(
        header(&response, "content-type").starts_with("application/json"),
        "{path}: {headers:?}"
    );
    (status, headers, response.json().await.unwrap())
}

async fn feed(app: &TestApp, path: &str) -> feed_rs::model::Feed {
    let response = app.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    assert!(header(&response, "content-type").starts_with("application/atom+xml"));
    let body = response.bytes().await.unwrap();
    let feed = feed_rs::parser::parse(&body[..]).expect("a feed a feed reader reads");
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
    feed
}

fn entry_ids(feed: &feed_rs::model::Feed) -> Vec<String> {
    feed.entries.iter().map(|e| e.id.clone()).collect()
}

async fn feeds_carry_the_newest_answers_under_their_permanent_addresses(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut conn = app.db();
    let older = publish(
        &mut conn,
        Published {
            published_on: day(2025, 1, 10),
            ..Published::default()
        },
    );
    let newer = publish(
        &mut conn,
        Published {
            clause: "6.4",
            published_on: day(2025, 5, 20),
            ..Published::default()
        },
    );
    let other = publish(
        &mut conn,
        Published {
            standard: CERTIFICATION,
            clause: "7.4.5",
            question: "May evaluation results from before the application be used?",
            answer: "Yes, when the body takes **responsibility** for them. <script>alert(1)</script>",
            published_on: day(2025, 3, 2),
            flag: Some("withdrawn"),
            ..Published::default()
        },
    );
    drop(conn);

    let everything = feed(&app, "/feeds/clarifications.atom").await;
    let permalink = |reference: &str| app.url(&format!("/clarifications/{reference}"));
    assert_eq!(
        entry_ids(&everything),
        [permalink(&newer), permalink(&other), permalink(&older)],
        "newest first, each under its permanent address"
    );
    assert_eq!(everything.id, app.url("/feeds/clarifications.atom"));
    assert_eq!(everything.updated, Some(noon(day(2025, 5, 20)).and_utc()));
    assert!(everything.links.iter().any(
        |l| l.rel.as_deref() == Some("self") && l.href == app.url("/feeds/clarifications.atom")
    ));
    let again = feed(&app, "/feeds/clarifications.atom").await;
    assert_eq!(entry_ids(&again), entry_ids(&everything), "ids are stable");

    let withdrawn = &everything.entries[1];
    assert_eq!(
        withdrawn.title.as_ref().unwrap().content,
        format!("{other} — ISO/IEC 17065:2012, clause 7.4.5")
    );
    assert_eq!(withdrawn.links[0].href, permalink(&other));
    assert_eq!(
        withdrawn.summary.as_ref().unwrap().content,
        "May evaluation results from before the application be used?"
    );
    assert_eq!(withdrawn.categories[0].term, CERTIFICATION);
    assert_eq!(
        withdrawn.authors[0].name.as_deref(),
        Some("MG 17065 — Maintenance group for ISO/IEC 17065")
    );
    assert_eq!(withdrawn.published, Some(noon(day(2025, 3, 2)).and_utc()));
    let html = withdrawn.content.as_ref().unwrap().body.clone().unwrap();
    assert!(html.contains("<strong>responsibility</strong>"), "{html}");
    assert!(!html.contains("<script"), "sanitised: {html}");
    assert!(html.contains("Withdrawn."), "the status: {html}");
    assert!(html.contains("binds no one"), "the notice: {html}");

    let lab = feed(&app, &format!("/feeds/standards/{LAB}.atom")).await;
    assert_eq!(entry_ids(&lab), [permalink(&newer), permalink(&older)]);
    assert!(lab.entries.iter().all(|e| e.categories[0].term == LAB));
    assert_eq!(
        lab.title.unwrap().content,
        "Clarion: clarifications of ISO/IEC 17025:2017"
    );
    let quiet = feed(&app, "/feeds/standards/iso-iec-17020-2012.atom").await;
    assert!(quiet.entries.is_empty(), "a standard without answers");

    for missing in ["no-such-standard", "iso%20iec", "ISO-IEC-17025-2017"] {
        let (status, _) = app.page(&format!("/feeds/standards/{missing}.atom")).await;
        assert_eq!(status, 404, "{missing}");
    }
    let (status, _) = app.page("/feeds/standards/%00.atom").await;
    assert_eq!(status, 400, "control characters are refused");
}

/// Publishes `count` clarifications of ISO/IEC 17025:2017, a day apart.
fn publish_many(app: &TestApp, count: u32) -> Vec<String> {
    let mut conn = app.db();
    (0..count)
        .map(|n| {
            publish(
                &mut conn,
                Published {
                    clause: "7.7.1",
                    published_on: day(2024, 1, 1) + chrono::Days::new(u64::from(n)),
                    ..Published::default()
                },
            )
        })
        .collect()
}

async fn the_api_lists_filters_and_pages_like_the_register(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let many = publish_many(&app, 45);
    let other = publish(
        &mut app.db(),
        Published {
            standard: CERTIFICATION,
            clause: "7.4.5",
            question: "May evaluation results from before the application be used?",
            answer: "Yes, when the body takes **responsibility** for them.",
            published_on: day(2025, 3, 2),
            flag: Some("superseded"),
            consider_at_revision: false,
        },
    );

    let list = format!("/api/v1/clarifications?standard={LAB}");
    let (status, headers, page) = api(&app, &format!("{list}&page=2")).await;
    assert_eq!(status, 200);
    assert_eq!(page["total"], 45);
    assert_eq!(page["page"], 2);
    assert_eq!(page["per_page"], 20);
    assert_eq!(page["pages"], 3);
    assert_eq!(page["items"].as_array().unwrap().len(), 20);
    assert_eq!(
        page["items"][0]["reference"], many[24],
        "newest first: the 25th newest opens page 2"
    );
    let at = |query: &str| app.url(&format!("/api/v1/clarifications?{query}"));
    assert_eq!(
        page["links"],
        serde_json::json!({
            "self": at(&format!("standard={LAB}&page=2")),
            "first": at(&format!("standard={LAB}")),
            "prev": at(&format!("standard={LAB}")),
            "next": at(&format!("standard={LAB}&page=3")),
            "last": at(&format!("standard={LAB}&page=3")),
        })
    );
    let link = headers["link"].to_str().unwrap();
    assert!(
        link.contains(&format!(
            "<{}>; rel=\"next\"",
            at(&format!("standard={LAB}&page=3"))
        )),
        "{link}"
    );
    let (_, _, last) = api(&app, &format!("{list}&page=3")).await;
    assert_eq!(last["items"].as_array().unwrap().len(), 5);
    assert_eq!(last["links"]["next"], Value::Null);

    // A mirror asks for up to 100 a page; the links keep its page size.
    let (status, _, big) = api(&app, &format!("{list}&per_page=40&page=2")).await;
    assert_eq!(status, 200);
    assert_eq!(big["per_page"], 40);
    assert_eq!(big["pages"], 2);
    let references: Vec<&str> = big["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["reference"].as_str().unwrap())
        .collect();
    let oldest: Vec<&str> = many[..5].iter().rev().map(String::as_str).collect();
    assert_eq!(references, oldest, "the 41st to 45th newest");
    assert_eq!(
        big["links"]["prev"],
        at(&format!("standard={LAB}&per_page=40"))
    );
    let (_, _, all) = api(&app, &format!("{list}&per_page=100")).await;
    assert_eq!(all["items"].as_array().unwrap().len(), 45);
    assert_eq!(all["links"]["next"], Value::Null);
    for refused in ["101", "0", "many", "1000000"] {
        let (status, _, body) = api(&app, &format!("{list}&per_page={refused}")).await;
        assert_eq!(status, 422, "per_page={refused}");
        assert_eq!(body["fields"]["per_page"], "Ask for 1 to 100 items a page.");
    }

    // The other filters of the list page.
    let (_, _, found) = api(&app, "/api/v1/clarifications?status=superseded").await;
    assert_eq!(found["total"], 1);
    let item = &found["items"][0];
    assert_eq!(item["reference"], other.as_str());
    assert_eq!(item["url"], app.url(&format!("/clarifications/{other}")));
    assert_eq!(
        item["standard"],
        serde_json::json!({
            "slug": CERTIFICATION,
            "designation": "ISO/IEC 17065",
            "edition": 2012,
            "title": item["standard"]["title"],
            "label": "ISO/IEC 17065:2012",
            "current": true,
        })
    );
    assert_eq!(item["clause"], "7.4.5");
    assert_eq!(
        item["answer"],
        "Yes, when the body takes **responsibility** for them."
    );
    assert!(
        item["answer_html"]
            .as_str()
            .unwrap()
            .contains("<strong>responsibility</strong>")
    );
    assert_eq!(item["status"], "superseded");
    assert_eq!(item["status_note"], "See the new edition.");
    assert_eq!(item["consider_at_revision"], false);
    assert_eq!(item["group"]["code"], "MG 17065");
    assert_eq!(item["published_at"], "2025-03-02T12:00:00Z");
    assert_eq!(item["decided_at"], "2025-03-02T12:00:00Z");
    assert_eq!(item["sample"], false);
    let (_, _, by_year) = api(&app, "/api/v1/clarifications?year=2025").await;
    assert_eq!(by_year["total"], 1);
    let (_, _, by_clause) = api(&app, &format!("{list}&clause=7.7")).await;
    assert_eq!(by_clause["total"], 45, "7.7 holds 7.7.1");

    // Found by words: the plain question, never the marked excerpt.
    let (_, _, searched) = api(&app, "/api/v1/clarifications?q=evaluation+results").await;
    assert_eq!(searched["total"], 1);
    assert_eq!(
        searched["items"][0]["question"],
        "May evaluation results from before the application be used?"
    );

    // One by its reference, as the list has it.
    let (status, _, one) = api(&app, &format!("/api/v1/clarifications/{other}")).await;
    assert_eq!(status, 200);
    assert_eq!(&one, item);
    let (status, _, same) = api(
        &app,
        &format!("/api/v1/clarifications/{}", other.to_lowercase()),
    )
    .await;
    assert_eq!((status, &same), (200, item), "typed loosely");
    for (missing, expected) in [
        ("CR-2019-0001", 404),
        ("nonsense", 404),
        ("CR-2025-0001%00", 400),
    ] {
        let (status, _, body) = api(&app, &format!("/api/v1/clarifications/{missing}")).await;
        assert_eq!(status, expected, "{missing}");
        assert!(
            body["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{body}"
        );
    }
}

async fn the_api_answers_mistakes_in_json_that_names_the_field(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (status, _, body) = api(
        &app,
        &format!(
            "/api/v1/clarifications?year=last+year&status=open&page=0&clause={}",
            "7".repeat(51)
        ),
    )
    .await;
    assert_eq!(status, 422);
    let fields: BTreeSet<&str> = body["fields"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        fields,
        BTreeSet::from(["clause", "page", "status", "year"]),
        "{body}"
    );
    assert_eq!(
        body["fields"]["year"],
        "Enter a year of publication such as 2024."
    );
    let (status, _, body) = api(&app, "/api/v1/clarifications?standard=iso-9001-2015").await;
    assert_eq!(status, 422);
    assert!(
        body["fields"]["standard"]
            .as_str()
            .unwrap()
            .contains("no such standard")
    );
    let (status, _, body) = api(&app, "/api/v1/clarifications?q=a&q=b").await;
    assert_eq!(status, 400, "a parameter twice: {body}");
    let said = body["error"].as_str().unwrap();
    assert!(
        said.starts_with("The address cannot be read") && said.contains("duplicate field `q`"),
        "{said}"
    );
    let (status, _, body) = api(&app, "/api/v1/clarifications?clause=%01").await;
    assert_eq!(status, 400, "control characters: {body}");
    let said = body["error"].as_str().unwrap();
    assert!(said.contains("control characters"), "{said}");
    let (status, _, body) = api(&app, "/api/v2/nothing-here").await;
    assert_eq!(status, 404);
    assert_eq!(body, serde_json::json!({"error": "Not Found"}));
}

async fn the_api_may_be_read_from_any_site(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for path in [
        "/api/v1/clarifications",
        "/api/v1/clarifications?year=x",
        "/api/v1/clarifications/CR-2019-0001",
        "/api/v1/standards",
        "/api/openapi.json",
        "/api/nothing",
    ] {
        let response = app
            .client
            .get(app.url(path))
            .header("origin", "https://example.org")
            .send()
            .await
            .unwrap();
        assert_eq!(
            header(&response, "access-control-allow-origin"),
            "*",
            "{path}"
        );
        assert!(header(&response, "access-control-expose-headers").contains("ETag"));
        assert_eq!(header(&response, "access-control-allow-credentials"), "");
    }
    let preflight = app
        .client
        .request(reqwest::Method::OPTIONS, app.url("/api/v1/clarifications"))
        .header("origin", "https://example.org")
        .header("access-control-request-method", "GET")
        .header("access-control-request-headers", "if-none-match")
        .send()
        .await
        .unwrap();
    assert_eq!(preflight.status(), 204);
    assert_eq!(header(&preflight, "access-control-allow-origin"), "*");
    assert_eq!(
        header(&preflight, "access-control-allow-methods"),
        "GET, HEAD"
    );
    assert!(header(&preflight, "access-control-allow-headers").contains("If-None-Match"));
    assert_eq!(header(&preflight, "access-control-max-age"), "86400");

    let page = app
        .client
        .get(app.url("/clarifications"))
        .header("origin", "https://example.org")
        .send()
        .await
        .unwrap();
    assert_eq!(
        header(&page, "access-control-allow-origin"),
        "",
        "pages stay same-origin"
    );
    let head = app
        .client
        .head(app.url("/api/v1/standards"))
        .send()
        .await
        .unwrap();
    assert_eq!(head.status(), 200);
    assert_eq!(header(&head, "access-control-allow-origin"), "*");
}

async fn the_standards_api_counts_what_each_standard_has(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut conn = app.db();
    publish(&mut conn, Published::default());
    publish(
        &mut conn,
        Published {
            consider_at_revision: false,
            ..Published::default()
        },
    );
    publish(
        &mut conn,
        Published {
            flag: Some("incorporated"),
            ..Published::default()
        },
    );
    drop(conn);
    let (status, _, body) = api(&app, "/api/v1/standards").await;
    assert_eq!(status, 200);
    let items = body["items"].as_array().unwrap();
    let find = |slug: &str| {
        items
            .iter()
            .find(|s| s["slug"] == slug)
            .unwrap_or_else(|| panic!("{slug} in {body}"))
    };
    let lab = find(LAB);
    assert_eq!(lab["designation"], "ISO/IEC 17025");
    assert_eq!(lab["edition"], 2017);
    assert_eq!(lab["label"], "ISO/IEC 17025:2017");
    assert_eq!(lab["current"], true);
    assert_eq!(lab["superseded_by"], Value::Null);
    assert_eq!(lab["group"]["code"], "MG 17025");
    assert_eq!(lab["published"], 3);
    assert_eq!(
        lab["backlog"], 1,
        "flagged, and neither incorporated nor withdrawn"
    );
    assert_eq!(
        lab["links"],
        serde_json::json!({
            "html": app.url(&format!("/standards/{LAB}")),
            "feed": app.url(&format!("/feeds/standards/{LAB}.atom")),
            "clarifications": app.url(&format!("/api/v1/clarifications?standard={LAB}")),
            "pdf": app.url(&format!("/standards/{LAB}/clarifications.pdf")),
        })
    );
    let old = find("iso-iec-17025-2005");
    assert_eq!(old["current"], false);
    assert_eq!(old["superseded_by"], LAB);
    assert_eq!(old["published"], 0);
    let (_, _, listed) = api(
        &app,
        lab["links"]["clarifications"]
            .as_str()
            .unwrap()
            .strip_prefix(&app.address)
            .unwrap(),
    )
    .await;
    assert_eq!(listed["total"], 3, "the link lists its clarifications");
}

/// Follows a local `$ref` of the document.
fn resolve<'a>(document: &'a Value, reference: &str) -> Option<&'a Value> {
    document.pointer(reference.strip_prefix('#')?)
}

/// Every `$ref` under `value`.
fn refs(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                match (key.as_str(), inner) {
                    ("$ref", Value::String(target)) => found.push(target.clone()),
                    _ => refs(inner, found),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|inner| refs(inner, found)),
        _ => {}
    }
}

/// The names of the properties a schema declares, through `allOf`.
fn properties(document: &Value, schema: &Value) -> BTreeSet<String> {
    let schema = match schema["$ref"].as_str() {
        Some(target) => resolve(document, target).unwrap(),
        None => schema,
    };
    let mut names: BTreeSet<String> = schema["properties"]
        .as_object()
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default();
    for part in schema["allOf"].as_array().into_iter().flatten() {
        names.extend(properties(document, part));
    }
    names
}

fn keys(value: &Value) -> BTreeSet<String> {
    value.as_object().unwrap().keys().cloned().collect()
}

async fn the_openapi_document_describes_what_the_api_answers(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = publish(&mut app.db(), Published::default());
    let (status, _, document) = api(&app, "/api/openapi.json").await;
    assert_eq!(status, 200);
    assert!(document["openapi"].as_str().unwrap().starts_with("3."));
    assert!(document["info"]["title"].is_string() && document["info"]["version"].is_string());
    let paths = keys(&document["paths"]);
    assert_eq!(
        paths,
        BTreeSet::from([
            "/api/v1/clarifications".to_owned(),
            "/api/v1/clarifications/{reference}".to_owned(),
            "/api/v1/clarifications/{reference}/versions/{number}".to_owned(),
            "/api/v1/standards".to_owned(),
        ])
    );
    let list = &document["paths"]["/api/v1/clarifications"]["get"];
    let query: BTreeSet<&str> = list["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["in"] == "query")
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        query,
        BTreeSet::from([
            "clause", "page", "per_page", "q", "standard", "status", "year"
        ])
    );
    let per_page = list["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "per_page")
        .unwrap();
    assert_eq!(per_page["schema"]["maximum"], 100, "{per_page}");
    let statuses = |operation: &Value| keys(&operation["responses"]);
    assert!(
        ["200", "304", "400", "422"]
            .iter()
            .all(|s| statuses(list).contains(*s))
    );
    let show = &document["paths"]["/api/v1/clarifications/{reference}"]["get"];
    assert!(
        ["200", "304", "404"]
            .iter()
            .all(|s| statuses(show).contains(*s))
    );
    let mut all = Vec::new();
    refs(&document, &mut all);
    assert!(!all.is_empty());
    for target in &all {
        assert!(resolve(&document, target).is_some(), "{target} resolves");
    }

    // What the API answers is what the document says it answers.
    let schema_of = |operation: &Value, status: &str| {
        operation["responses"][status]["content"]["application/json"]["schema"].clone()
    };
    let (_, _, page) = api(&app, "/api/v1/clarifications").await;
    let page_schema = schema_of(list, "200");
    assert_eq!(keys(&page), properties(&document, &page_schema));
    let record = resolve(&document, "#/components/schemas/ClarificationRecord").unwrap();
    assert_eq!(keys(&page["items"][0]), properties(&document, record));
    let (_, _, one) = api(&app, &format!("/api/v1/clarifications/{reference}")).await;
    assert_eq!(keys(&one), properties(&document, &schema_of(show, "200")));
    let version = &document["paths"]["/api/v1/clarifications/{reference}/versions/{number}"]["get"];
    assert!(
        ["200", "304", "404"]
            .iter()
            .all(|s| statuses(version).contains(*s))
    );
    let (_, _, first) = api(
        &app,
        &format!("/api/v1/clarifications/{reference}/versions/1"),
    )
    .await;
    assert_eq!(
        keys(&first),
        properties(&document, &schema_of(version, "200"))
    );
    assert_eq!(first["version"], 1);
    let (_, _, standards) = api(&app, "/api/v1/standards").await;
    let standards_op = &document["paths"]["/api/v1/standards"]["get"];
    assert_eq!(
        keys(&standards),
        properties(&document, &schema_of(standards_op, "200"))
    );
    let standard = resolve(&document, "#/components/schemas/StandardRecord").unwrap();
    assert_eq!(
        keys(&standards["items"][0]),
        properties(&document, standard)
    );
    let (_, _, refused) = api(&app, "/api/v1/clarifications?year=x").await;
    let error = schema_of(list, "422");
    assert!(keys(&refused).is_subset(&properties(&document, &error)));
}

async fn the_csv_holds_every_match_and_reads_back(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    publish_many(&app, 25);
    let tricky = "Does \"competence\", as 6.2 uses it, cover:\nsupervision, and training?";
    let reference = publish(
        &mut app.db(),
        Published {
            standard: CERTIFICATION,
            clause: "6.1",
            question: tricky,
            answer: "Yes, \"both\".",
            ..Published::default()
        },
    );

    let response = app.get("/clarifications.csv").await;
    assert_eq!(response.status(), 200);
    assert!(header(&response, "content-type").starts_with("text/csv; charset=utf-8"));
    assert_eq!(
        header(&response, "content-disposition"),
        "attachment; filename=\"clarifications.csv\""
    );
    let text = response.text().await.unwrap();
    // The columns of `clarion export`, then the version and its note.
    let columns: Vec<&str> = clarion::transfer::COLUMNS
        .iter()
        .chain(&clarion::transfer::DOWNLOAD_COLUMNS)
        .copied()
        .collect();
    assert!(text.starts_with(&format!("{}\r\n", columns.join(","))));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header_row: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header_row, columns);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 26, "every match, not one page of 20");
    let column = |name: &str| header_row.iter().position(|c| c == name).unwrap();
    let row = rows
        .iter()
        .find(|r| &r[column("reference")] == reference.as_str())
        .unwrap();
    assert_eq!(
        &row[column("question")],
        tricky,
        "quotes, commas and a line break"
    );
    assert_eq!(&row[column("answer")], "Yes, \"both\".");
    assert_eq!(&row[column("standard")], CERTIFICATION);
    assert_eq!(&row[column("status")], "current");
    assert_eq!(&row[column("version")], "1");
    assert_eq!(&row[column("correction_note")], "");
    assert_eq!(
        clarion::transfer::read_csv(text.as_bytes()).unwrap().len(),
        26,
        "what `clarion import` reads"
    );

    // The filters of the list page.
    let (status, text) = app
        .page(&format!(
            "/clarifications.csv?standard={CERTIFICATION}&q=competence"
        ))
        .await;
    assert_eq!(status, 200);
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        &rows[0][column("question")],
        tricky,
        "never a marked excerpt"
    );

    // A text a spreadsheet would run is defused, and read back as it was.
    let formula = "=HYPERLINK(\"https://evil.example\", \"Details\")";
    publish(
        &mut app.db(),
        Published {
            clause: "8.1",
            answer: formula,
            ..Published::default()
        },
    );
    let (_, text) = app.page("/clarifications.csv?clause=8.1").await;
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    assert_eq!(&rows[0][column("answer")], format!("'{formula}"));
    let read = clarion::transfer::read_csv(text.as_bytes()).unwrap();
    assert_eq!(read[0].answer, formula);

    let (status, text) = app.page("/clarifications.csv?year=soon").await;
    assert_eq!(status, 422);
    assert!(text.contains("year: Enter a year"), "{text}");
}

async fn a_copy_already_held_is_answered_not_modified_until_something_changes(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = publish(&mut app.db(), Published::default());
    let changing = [
        "/clarifications".to_owned(),
        "/standards".to_owned(),
        format!("/standards/{LAB}"),
        "/feeds/clarifications.atom".to_owned(),
        format!("/feeds/standards/{LAB}.atom"),
        "/clarifications.csv".to_owned(),
        "/api/v1/clarifications".to_owned(),
        "/api/v1/standards".to_owned(),
    ];
    let steady = [
        format!("/clarifications/{reference}"),
        format!("/api/v1/clarifications/{reference}"),
        "/api/openapi.json".to_owned(),
    ];
    let mut tags = Vec::new();
    for path in changing.iter().chain(&steady) {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        let tag = header(&response, "etag");
        assert!(tag.starts_with("W/\""), "{path}: {tag:?}");
        assert!(
            header(&response, "cache-control").contains("no-cache"),
            "{path}"
        );
        let held = app
            .client
            .get(app.url(path))
            .header("if-none-match", &tag)
            .send()
            .await
            .unwrap();
        assert_eq!(held.status(), 304, "{path}");
        assert_eq!(header(&held, "etag"), tag);
        assert!(held.bytes().await.unwrap().is_empty(), "{path}: no body");
        tags.push(tag);
    }

    publish(
        &mut app.db(),
        Published {
            clause: "4.1",
            published_on: day(2025, 6, 1),
            ..Published::default()
        },
    );
    for (path, tag) in changing.iter().chain(&steady).zip(&tags) {
        let response = app
            .client
            .get(app.url(path))
            .header("if-none-match", tag)
            .send()
            .await
            .unwrap();
        if changing.contains(path) {
            assert_eq!(response.status(), 200, "{path} changed");
            assert_ne!(&header(&response, "etag"), tag, "{path}");
        } else {
            assert_eq!(response.status(), 304, "{path} did not change");
        }
    }

    // The stylesheet keeps its own long-lived validator.
    let (_, home) = app.page("/").await;
    let stylesheet = home
        .split("href=\"")
        .find_map(|rest| rest.split('"').next().filter(|h| h.ends_with(".css")))
        .unwrap()
        .to_owned();
    let response = app.get(&stylesheet).await;
    let tag = header(&response, "etag");
    assert!(!tag.starts_with("W/"), "{tag}");
    assert!(header(&response, "cache-control").contains("immutable"));
}

async fn no_submitter_appears_in_feeds_api_or_csv(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut conn = app.db();
    let reference = publish(&mut conn, Published::default());
    let id: String = requests::table
        .filter(requests::reference.eq(&reference))
        .select(requests::id)
        .first(&mut conn)
        .unwrap();
    diesel::insert_into(request_contacts::table)
        .values((
            request_contacts::request_id.eq(id),
            request_contacts::name.eq("Zebulon Quartermaine"),
            request_contacts::email.eq("zebulon@example.net"),
            request_contacts::organization.eq(Some("Quartermaine Testing Ltd")),
        ))
        .execute(&mut conn)
        .unwrap();
    drop(conn);
    for path in [
        "/feeds/clarifications.atom".to_owned(),
        format!("/feeds/standards/{LAB}.atom"),
        "/api/v1/clarifications".to_owned(),
        format!("/api/v1/clarifications/{reference}"),
        "/clarifications.csv".to_owned(),
    ] {
        let (status, body) = app.page(&path).await;
        assert_eq!(status, 200, "{path}");
        assert!(body.contains(&reference), "{path} shows the clarification");
        for private in ["Zebulon", "zebulon@example.net", "Quartermaine"] {
            assert!(!body.contains(private), "{path} must not show {private}");
        }
    }
}

async fn an_answer_is_read_with_its_links_and_without_remote_images(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = publish(
        &mut app.db(),
        Published {
            answer: "Yes: see ![the flow chart](https://tracker.example/pixel.png) and \
                     [the guide](https://guide.example/methods).",
            ..Published::default()
        },
    );
    let (_, _, record) = api(&app, &format!("/api/v1/clarifications/{reference}")).await;
    let answer_html = record["answer_html"].as_str().unwrap();
    let (_, _, list) = api(&app, "/api/v1/clarifications").await;
    let (_, feed) = app.page("/feeds/clarifications.atom").await;
    let (_, standard_feed) = app.page(&format!("/feeds/standards/{LAB}.atom")).await;
    let (_, page) = app.page(&format!("/clarifications/{reference}")).await;
    for (what, body) in [
        ("answer_html", answer_html.to_owned()),
        (
            "the API's list",
            list["items"][0]["answer_html"].as_str().unwrap().to_owned(),
        ),
        ("the feed", feed),
        ("the standard's feed", standard_feed),
        ("the page", page),
    ] {
        assert!(!body.contains("tracker.example"), "{what}: {body}");
        assert!(
            body.contains("https://guide.example/methods"),
            "{what}: {body}"
        );
        assert!(
            body.contains("the flow chart"),
            "{what} keeps the description"
        );
    }
    assert!(
        answer_html.contains("<a href=\"https://guide.example/methods\""),
        "{answer_html}"
    );
    // The Markdown as written stays what the API calls the answer.
    assert!(
        record["answer"]
            .as_str()
            .unwrap()
            .contains("![the flow chart]")
    );
}

/// Asks for a download until `done` says its status is what was awaited;
/// a download answered is read to its end, which makes its room again.
async fn download_until(app: &TestApp, what: &str, done: impl Fn(u16) -> bool) {
    eventually(BOUND, || async {
        let response = app
            .get("/clarifications.csv?standard=iso-iec-17025-2017")
            .await;
        let status = response.status().as_u16();
        response.bytes().await.unwrap();
        if done(status) {
            Ok(())
        } else {
            Err(format!("not yet {what}: {status}"))
        }
    })
    .await;
}

async fn a_whole_register_streams_and_downloads_beyond_the_limit_are_asked_to_wait(
    backend: Backend,
) {
    let app = TestApp::spawn_with(backend, &[("CLARION_DOWNLOADS", "1".into())]).await;
    // Several megabytes of CSV: more than the sockets between server and
    // client hold, so a download nobody reads stays open.
    let volume = clarion::seed::synthetic::Volume {
        published: 12_000,
        ..Default::default()
    };
    clarion::seed::synthetic::seed(&mut app.db(), volume, "clarion-demo", app.clock.now()).unwrap();

    let unread = app.get("/clarifications.csv").await;
    assert_eq!(unread.status(), 200);
    assert_eq!(
        header(&unread, "content-length"),
        "",
        "streamed, not built whole"
    );
    let refused = app.get("/clarifications.csv?year=2025").await;
    assert_eq!(refused.status(), 429, "one download at a time here");
    assert_eq!(header(&refused, "retry-after"), "5");
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("try again in 5 seconds")
    );
    // The rest of the register answers meanwhile.
    let (status, _) = app.page("/clarifications?q=competence").await;
    assert_eq!(status, 200);
    let (status, _) = app.page("/api/v1/clarifications").await;
    assert_eq!(status, 200);

    // Read to its end, the file holds every clarification, newest first.
    let text = unread.text().await.unwrap();
    let records = clarion::transfer::read_csv(text.as_bytes()).unwrap();
    assert_eq!(records.len(), 12_000);
    assert!(text.len() > 8_000_000, "{} bytes", text.len());
    let order: Vec<(&str, &str)> = records
        .iter()
        .map(|r| (r.published_at.as_str(), r.reference.as_str()))
        .collect();
    assert!(
        order.windows(2).all(|pair| pair[0] > pair[1]),
        "newest first"
    );
    let references: BTreeSet<&str> = records.iter().map(|r| r.reference.as_str()).collect();
    assert_eq!(references.len(), 12_000, "each once");
    download_until(&app, "the finished download makes room", |status| {
        status == 200
    })
    .await;

    // A client that leaves half-way makes room too.
    let left = app.get("/clarifications.csv").await;
    assert_eq!(left.status(), 200);
    download_until(&app, "the open download keeps its place", |status| {
        status == 429
    })
    .await;
    drop(left);
    download_until(&app, "the abandoned download makes room", |status| {
        status == 200
    })
    .await;
}
