//! A clarification that no longer stands names where it went: the
//! clarification that replaces it, or the edition (and clause) that
//! superseded or took it in; both pages link to each other and the API
//! carries the links.

use chrono::NaiveDate;
use clarion::db::schema::{publication_links, requests};
use diesel::prelude::*;
use serde_json::Value;

use crate::on_both_databases;
use crate::support::app::{Backend, Person, TestApp, text_of};
use crate::support::register::{Published, publish};
use crate::support::workspace::{act, add_the_people};

on_both_databases!(
    a_superseded_clarification_and_its_successor_link_to_each_other,
    an_incorporated_clarification_names_the_edition_and_clause,
    a_mark_without_a_valid_target_changes_nothing,
    the_record_words_a_mark_in_the_installations_language,
);

fn on(standard: &'static str, clause: &'static str, day: u32) -> Published<'static> {
    Published {
        standard,
        clause,
        published_on: NaiveDate::from_ymd_opt(2025, 3, day).unwrap(),
        ..Published::default()
    }
}

async fn mark(sam: &Person, reference: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    let mut all = vec![("note", "Answered again after the revision.")];
    all.extend_from_slice(fields);
    act(sam, reference, "mark", &all).await
}

async fn record(app: &TestApp, reference: &str) -> Value {
    let response = app
        .get(&format!("/api/v1/clarifications/{reference}"))
        .await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

/// The item of `reference` on the API's list of its standard.
async fn listed(app: &TestApp, standard: &str, reference: &str) -> Value {
    let response = app
        .get(&format!("/api/v1/clarifications?standard={standard}"))
        .await;
    let page: Value = response.json().await.unwrap();
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["reference"] == reference)
        .cloned()
        .unwrap_or_else(|| panic!("{reference} is not listed: {page}"))
}

async fn a_superseded_clarification_and_its_successor_link_to_each_other(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_the_people(&app);
    let (old, new) = {
        let mut conn = app.db();
        (
            publish(&mut conn, on("iso-iec-17025-2017", "7.2.1", 1)),
            publish(&mut conn, on("iso-iec-17025-2017", "7.2.1", 20)),
        )
    };
    let sam = app.signed_in("sam@example.org").await;
    let typed = new.to_lowercase();
    let marked = mark(
        &sam,
        &old,
        &[("reason", "superseded"), ("successor", &typed)],
    )
    .await;
    assert_eq!(
        marked.status(),
        303,
        "a reference typed in lower case is read"
    );

    let (_, page) = app.page(&format!("/clarifications/{old}")).await;
    let banner = text_of(&page, ".banner").unwrap();
    assert!(
        banner.contains("This clarification is superseded")
            && banner.contains(&format!("It is replaced by clarification {new}")),
        "{banner}"
    );
    assert!(page.contains(&format!("href=\"/clarifications/{new}\"")));
    let (_, page) = app.page(&format!("/clarifications/{new}")).await;
    assert!(
        page.contains(&format!(
            "<dt>Supersedes</dt><dd><a href=\"/clarifications/{old}\">{old}</a></dd>"
        )),
        "the successor links back"
    );

    let url = |reference: &str| app.url(&format!("/clarifications/{reference}"));
    let old_record = record(&app, &old).await;
    assert_eq!(
        old_record["superseded_by"],
        serde_json::json!({ "reference": new, "url": url(&new) })
    );
    assert_eq!(old_record["supersedes"], serde_json::json!([]));
    assert_eq!(old_record["new_edition"], Value::Null);
    let new_record = record(&app, &new).await;
    assert_eq!(new_record["superseded_by"], Value::Null);
    assert_eq!(
        new_record["supersedes"],
        serde_json::json!([{ "reference": old, "url": url(&old) }])
    );
    let item = listed(&app, "iso-iec-17025-2017", &new).await;
    assert_eq!(
        item["supersedes"], new_record["supersedes"],
        "the list says so too"
    );

    // A later mark replaces the link: withdrawn, it names nothing.
    assert_eq!(
        mark(&sam, &old, &[("reason", "withdrawn")]).await.status(),
        303
    );
    assert_eq!(record(&app, &old).await["superseded_by"], Value::Null);
    assert_eq!(
        record(&app, &new).await["supersedes"],
        serde_json::json!([])
    );
    let (_, page) = app.page(&format!("/clarifications/{new}")).await;
    assert!(!page.contains("<dt>Supersedes</dt>"));
}

async fn an_incorporated_clarification_names_the_edition_and_clause(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_the_people(&app);
    let (inspection, laboratory) = {
        let mut conn = app.db();
        (
            publish(&mut conn, on("iso-iec-17020-2012", "6.1.3", 2)),
            publish(&mut conn, on("iso-iec-17025-2005", "5.4.5", 3)),
        )
    };
    let sam = app.signed_in("sam@example.org").await;
    let superseded = mark(
        &sam,
        &inspection,
        &[("reason", "superseded"), ("standard", "iso-iec-17020-2026")],
    )
    .await;
    assert_eq!(superseded.status(), 303, "an edition alone may supersede");
    let incorporated = mark(
        &sam,
        &laboratory,
        &[
            ("reason", "incorporated"),
            ("standard", "iso-iec-17025-2017"),
            ("clause", " 7.2.2 "),
        ],
    )
    .await;
    assert_eq!(incorporated.status(), 303);

    let (_, page) = app.page(&format!("/clarifications/{inspection}")).await;
    let banner = text_of(&page, ".banner").unwrap();
    assert!(
        banner.contains("It is replaced by ISO/IEC 17020:2026"),
        "{banner}"
    );
    assert!(page.contains("href=\"/standards/iso-iec-17020-2026\""));
    let (_, page) = app.page(&format!("/clarifications/{laboratory}")).await;
    let banner = text_of(&page, ".banner").unwrap();
    assert!(
        banner.contains("Incorporated into a new edition of the standard")
            && banner.contains("It is now part of ISO/IEC 17025:2017 , clause 7.2.2."),
        "{banner}"
    );

    let edition = &record(&app, &laboratory).await["new_edition"];
    assert_eq!(edition["standard"]["slug"], "iso-iec-17025-2017");
    assert_eq!(edition["standard"]["label"], "ISO/IEC 17025:2017");
    assert_eq!(edition["clause"], "7.2.2");
    let edition = &listed(&app, "iso-iec-17020-2012", &inspection).await["new_edition"];
    assert_eq!(edition["standard"]["slug"], "iso-iec-17020-2026");
    assert_eq!(edition["clause"], Value::Null);

    // The request's timeline says where it went.
    let (_, page) = sam.page(&format!("/workspace/requests/{laboratory}")).await;
    assert!(
        page.contains("Incorporated into ISO/IEC 17025:2017, clause 7.2.2: "),
        "the event names the edition"
    );
}

async fn a_mark_without_a_valid_target_changes_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_the_people(&app);
    let (first, second, unpublished) = {
        let mut conn = app.db();
        let first = publish(&mut conn, on("iso-iec-17025-2017", "7.2.1", 4));
        let second = publish(&mut conn, on("iso-iec-17025-2017", "7.2.1", 5));
        let unpublished = publish(&mut conn, on("iso-iec-17025-2017", "7.2.1", 6));
        diesel::update(requests::table.filter(requests::reference.eq(&unpublished)))
            .set(requests::state.eq("decided"))
            .execute(&mut conn)
            .unwrap();
        (first, second, unpublished)
    };
    let sam = app.signed_in("sam@example.org").await;
    assert_eq!(
        mark(
            &sam,
            &second,
            &[("reason", "superseded"), ("successor", &first)]
        )
        .await
        .status(),
        303
    );
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (
            vec![("reason", "superseded")],
            "Give the reference of the clarification that supersedes this one, or choose the new edition of the standard that does.",
        ),
        (
            vec![("reason", "superseded"), ("successor", &second)],
            "is marked superseded by this clarification; two clarifications cannot supersede each other.",
        ),
        (
            vec![("reason", "superseded"), ("successor", &unpublished)],
            "give the reference of one, such as CR-2026-0042.",
        ),
        (
            vec![("reason", "superseded"), ("successor", "CR-99")],
            "There is no published clarification CR-99",
        ),
        (
            vec![("reason", "superseded"), ("standard", "iso-iec-17025-2017")],
            "or choose the new edition of the standard that does.",
        ),
        (
            vec![
                ("reason", "incorporated"),
                ("standard", "iso-iec-17025-2005"),
            ],
            "Give the clause of the new edition that includes it",
        ),
        (
            vec![("reason", "incorporated"), ("clause", "7.2")],
            "Choose the edition of the standard that now includes the clarification.",
        ),
    ];
    let stored = |app: &TestApp| -> (Option<String>, i64) {
        let mut conn = app.db();
        let flag = requests::table
            .filter(requests::reference.eq(&first))
            .select(requests::publication_flag)
            .first(&mut conn)
            .unwrap();
        let links = publication_links::table
            .count()
            .get_result(&mut conn)
            .unwrap();
        (flag, links)
    };
    for (fields, message) in cases {
        let response = mark(&sam, &first, &fields).await;
        assert_eq!(response.status(), 422, "{fields:?}");
        let page = response.text().await.unwrap();
        assert!(page.contains(message), "{fields:?}: {message}");
        assert_eq!(stored(&app), (None, 1), "{fields:?} stored nothing");
    }
    let self_superseding = mark(
        &sam,
        &first,
        &[("reason", "superseded"), ("successor", &first)],
    )
    .await;
    assert_eq!(self_superseding.status(), 422);
    assert!(
        self_superseding
            .text()
            .await
            .unwrap()
            .contains("A clarification cannot supersede itself")
    );
    assert_eq!(stored(&app), (None, 1));
}

/// The timeline's summary of a mark is written by the system, not typed:
/// an installation whose first language is French keeps it in French, as
/// its secretariat writes its notes.
async fn the_record_words_a_mark_in_the_installations_language(backend: Backend) {
    let app = TestApp::spawn_with(backend, &[("CLARION_LANGUAGES", "fr,en".to_owned())]).await;
    add_the_people(&app);
    let laboratory = publish(&mut app.db(), on("iso-iec-17025-2005", "5.4.5", 3));
    let sam = app.signed_in("sam@example.org").await;
    let marked = act(
        &sam,
        &laboratory,
        "mark",
        &[
            ("reason", "incorporated"),
            ("standard", "iso-iec-17025-2017"),
            ("clause", "7.2.2"),
            ("note", "Repris dans la révision."),
        ],
    )
    .await;
    assert_eq!(marked.status(), 303);
    let (_, page) = sam.page(&format!("/workspace/requests/{laboratory}")).await;
    let timeline = text_of(&page, ".task-side .timeline").unwrap();
    assert!(
        timeline
            .contains("Intégrée à ISO/IEC 17025:2017, article 7.2.2 : Repris dans la révision."),
        "{timeline}"
    );
}
