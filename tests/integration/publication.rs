//! Preview before publishing (issue 21, item 2): the secretariat reads the
//! public page a decided request would have, stores nothing, then
//! publishes from it; the request page then links to the public page.

use clarion::db::schema::{events, requests};
use diesel::prelude::*;

use crate::consensus::{DRAFT, balloting, everyone_agrees};
use crate::on_both_databases;
use crate::support::app::{Backend, TestApp, csrf_token_in, text_of, version_in};
use crate::support::workspace::{act, state_of};

on_both_databases!(
    the_secretariat_previews_the_public_page_then_publishes,
    only_who_may_publish_previews,
);

/// A request decided on the draft; returns its reference.
pub async fn decided(app: &TestApp) -> String {
    let reference = balloting(app).await;
    everyone_agrees(app, &reference).await;
    let carla = app.signed_in("carla@example.org").await;
    let consensus = act(&carla, &reference, "consensus", &[("final_answer", DRAFT)]).await;
    assert_eq!(consensus.status(), 303);
    assert_eq!(state_of(app).0, "decided");
    reference
}

fn event_count(app: &TestApp) -> i64 {
    events::table.count().get_result(&mut app.db()).unwrap()
}

async fn the_secretariat_previews_the_public_page_then_publishes(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = decided(&app).await;
    let sam = app.signed_in("sam@example.org").await;
    let before = event_count(&app);

    let preview = act(
        &sam,
        &reference,
        "publish",
        &[("preview", "1"), ("consider_at_revision", "on")],
    )
    .await;
    assert_eq!(preview.status(), 200);
    let page = preview.text().await.unwrap();
    assert!(
        text_of(&page, "#preview-notice")
            .unwrap()
            .starts_with("Preview: not published yet")
    );
    assert_eq!(text_of(&page, "#answer-heading + .prose").unwrap(), DRAFT);
    let citation = text_of(&page, "#cite-heading + .code").unwrap();
    assert!(
        citation.starts_with(&format!(
            "ISO/CASCO, clarification {reference} on ISO/IEC 17025:2017"
        )),
        "{citation}"
    );
    assert!(
        page.contains("To be considered"),
        "the revision flag as chosen"
    );
    // Nothing happened: no event, no mail, no public page.
    assert_eq!(state_of(&app).0, "decided");
    assert_eq!(event_count(&app), before);
    app.run_worker_once().await;
    assert!(
        !app.mail
            .received()
            .iter()
            .any(|m| m.subject.contains("published")),
        "nobody is told of a preview"
    );
    let (status, _) = app.page(&format!("/clarifications/{reference}")).await;
    assert_eq!(status, 404);

    // The preview's own button publishes.
    let fields = [
        ("csrf_token", csrf_token_in(&page)),
        ("version", version_in(&page)),
        ("consider_at_revision", "on".to_owned()),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let published = sam
        .post_form(&format!("/workspace/requests/{reference}/publish"), &fields)
        .await;
    assert_eq!(published.status(), 303);
    assert_eq!(state_of(&app).0, "published");
    // The answer is rendered once, as published, for every page and
    // record that shows it.
    let stored: Option<String> = requests::table
        .select(requests::answer_html)
        .first(&mut app.db())
        .unwrap();
    let rendered = clarion::domain::markdown::to_safe_html(DRAFT);
    assert_eq!(stored.as_deref(), Some(rendered.as_str()));
    let (status, public) = app.page(&format!("/clarifications/{reference}")).await;
    assert_eq!(status, 200);
    assert_eq!(text_of(&public, "#answer-heading + .prose").unwrap(), DRAFT);
    let record: serde_json::Value = app
        .get(&format!("/api/v1/clarifications/{reference}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(record["answer_html"], rendered.as_str());
    let (_, request_page) = sam.page(&format!("/workspace/requests/{reference}")).await;
    assert_eq!(
        text_of(&request_page, "#public-page").unwrap(),
        "The published clarification"
    );
}

async fn only_who_may_publish_previews(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = decided(&app).await;
    let sam = app.signed_in("sam@example.org").await;
    let (_, request_page) = sam.page(&format!("/workspace/requests/{reference}")).await;
    let token = csrf_token_in(&request_page);
    let carla = app.signed_in("carla@example.org").await;
    let (_, carlas_page) = carla
        .page(&format!("/workspace/requests/{reference}"))
        .await;
    let carlas = [
        ("csrf_token", csrf_token_in(&carlas_page)),
        ("version", version_in(&carlas_page)),
        ("preview", "1".to_owned()),
    ];
    let carlas: Vec<(&str, &str)> = carlas.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = carla
        .post_form(&format!("/workspace/requests/{reference}/publish"), &carlas)
        .await;
    assert_eq!(refused.status(), 409, "the convenor does not publish");
    // A page out of date is told so, not shown an old preview.
    let stale = [
        ("csrf_token", token.as_str()),
        ("version", "0"),
        ("preview", "1"),
    ];
    let answered = sam
        .post_form(&format!("/workspace/requests/{reference}/publish"), &stale)
        .await;
    assert_eq!(answered.status(), 409);
    assert_eq!(state_of(&app).0, "decided");
}
