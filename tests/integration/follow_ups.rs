//! Reconsideration and new information (issue 21, item 5): a follow-up is
//! a request of its own, linked to the one it follows, screened like any
//! other, and its outcome is recorded on both.

use chrono::TimeDelta;
use clarion::db::schema::{events, follow_ups, outbox, requests};
use diesel::prelude::*;

use crate::consensus::{DRAFT, everyone_agrees, wait_for_mail};
use crate::on_both_databases;
use crate::support::app::{Backend, Person, TestApp, csrf_token_in, text_of};
use crate::support::journey::{QUESTION, form_token, press_confirm, request_count};
use crate::support::workspace::{act, screened_world};

const REASONS: &str = "The note says the question concerns one assessment, but it asks what the clause requires of every laboratory.";
const INFORMATION: &str =
    "The 2024 amendment to ISO/IEC 17025 changed clause 7.2.1, which this answer relies on.";
const REVISED: &str =
    "Yes. Since the 2024 amendment, each method needs its own documented procedure.";

on_both_databases!(
    a_submitter_asks_for_reconsideration_within_the_window,
    after_the_window_the_tracking_page_says_so_and_nothing_is_stored,
    new_information_is_confirmed_by_mail_and_screened_as_a_linked_request,
    a_reconsideration_that_stands_is_recorded_on_both_requests,
    new_information_that_revises_the_answer_supersedes_it,
    a_change_of_meaning_is_decided_by_the_group_and_published_as_the_next_version,
);

/// The state of the request with this reference.
fn state_of(app: &TestApp, reference: &str) -> String {
    requests::table
        .filter(requests::reference.eq(reference))
        .select(requests::state)
        .first(&mut app.db())
        .unwrap()
}

fn event_count(app: &TestApp) -> i64 {
    events::table.count().get_result(&mut app.db()).unwrap()
}

fn outbox_count(app: &TestApp) -> i64 {
    outbox::table.count().get_result(&mut app.db()).unwrap()
}

/// Sam closes the request as not admissible.
async fn closed_as_not_admissible(app: &TestApp, reference: &str) {
    let sam = app.signed_in("sam@example.org").await;
    let close = [
        ("reason", "specific_situation"),
        ("note", "Your question is about one assessment."),
        ("confirm", "on"),
    ];
    let response = act(&sam, reference, "not-admissible", &close).await;
    assert_eq!(response.status(), 303);
    assert_eq!(state_of(app, reference), "closed");
}

/// The submitter sends the reconsideration form of their tracking page
/// (with this browser's form token, whether the page shows the form now or
/// not).
async fn ask_reconsideration(app: &TestApp, tracking: &str, reasons: &str) -> reqwest::Response {
    let token = form_token(&app.visitor).await;
    app.post_form(
        &format!("{tracking}/reconsideration"),
        &[("csrf_token", &token), ("reasons", reasons)],
    )
    .await
}

/// The reference of the request that follows `original`.
fn follow_up_of(app: &TestApp, original: &str) -> String {
    let original_id: String = requests::table
        .filter(requests::reference.eq(original))
        .select(requests::id)
        .first(&mut app.db())
        .unwrap();
    follow_ups::table
        .inner_join(requests::table.on(requests::id.eq(follow_ups::request_id)))
        .filter(follow_ups::original_id.eq(original_id))
        .select(requests::reference.assume_not_null())
        .first(&mut app.db())
        .unwrap()
}

/// A request closed as not admissible, and the submitter's reconsideration
/// of it in screening; returns both references and the tracking paths.
async fn reconsidered(app: &TestApp) -> (String, String, String, String) {
    let (original, tracking) = screened_world(app).await;
    closed_as_not_admissible(app, &original).await;
    let response = ask_reconsideration(app, &tracking, REASONS).await;
    assert_eq!(response.status(), 303, "the reconsideration is sent");
    let follow_tracking = response.headers()["location"].to_str().unwrap().to_owned();
    let follow_up = follow_up_of(app, &original);
    (original, tracking, follow_up, follow_tracking)
}

async fn a_submitter_asks_for_reconsideration_within_the_window(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (original, tracking) = screened_world(&app).await;

    let refused = ask_reconsideration(&app, &tracking, REASONS).await;
    assert_eq!(refused.status(), 409, "nothing is decided yet");
    let page = refused.text().await.unwrap();
    assert!(
        page.contains("there is no decision to reconsider"),
        "{}",
        text_of(&page, "#reconsideration-refused").unwrap_or_default()
    );
    assert_eq!(request_count(&app), 1);

    closed_as_not_admissible(&app, &original).await;
    let (_, page) = app.page(&tracking).await;
    let offer = text_of(&page, "#reconsideration").expect("the offer to reconsider");
    assert!(offer.contains("until"), "{offer}");

    let (events_before, mail_before) = (event_count(&app), outbox_count(&app));
    let empty = ask_reconsideration(&app, &tracking, "   ").await;
    assert_eq!(empty.status(), 422);
    let page = empty.text().await.unwrap();
    assert!(
        page.contains("Give your reasons for asking."),
        "the field says why"
    );
    let too_long = ask_reconsideration(&app, &tracking, &"r".repeat(5_001)).await;
    assert_eq!(too_long.status(), 422);
    assert_eq!(request_count(&app), 1, "bad reasons store nothing");
    assert_eq!(
        (event_count(&app), outbox_count(&app)),
        (events_before, mail_before)
    );

    let response = ask_reconsideration(&app, &tracking, REASONS).await;
    assert_eq!(response.status(), 303);
    let follow_tracking = response.headers()["location"].to_str().unwrap().to_owned();
    assert!(follow_tracking.starts_with("/track/"), "{follow_tracking}");
    let follow_up = follow_up_of(&app, &original);
    assert_ne!(follow_up, original, "a reference of its own");
    assert_eq!(state_of(&app, &follow_up), "screening");

    let (status, page) = app.page(&follow_tracking).await;
    assert_eq!(status, 200);
    let banner = text_of(&page, "#banner").unwrap();
    assert!(banner.contains(&follow_up), "{banner}");
    let follows = text_of(&page, "#follows").unwrap();
    assert!(
        follows.contains(&format!("reconsideration of {original}")),
        "{follows}"
    );
    assert!(page.contains(REASONS), "the reasons are on the page");

    let subject =
        format!("{follow_up}: your request for reconsideration of {original} is received");
    wait_for_mail(&app, &subject, 1).await;
    let acknowledgement = app
        .mail
        .to("ana.lima@lab.example")
        .into_iter()
        .find(|m| m.subject == subject)
        .unwrap();
    assert!(
        acknowledgement
            .text
            .contains(&format!("Reconsideration of: {original}")),
        "{}",
        acknowledgement.text
    );

    // Once: the original's page says it was asked, and a second post
    // changes nothing.
    let (_, page) = app.page(&tracking).await;
    let said = text_of(&page, "#reconsideration").unwrap();
    assert!(
        said.contains("You asked for reconsideration already"),
        "{said}"
    );
    assert!(said.contains(&follow_up), "{said}");
    let again = ask_reconsideration(&app, &tracking, REASONS).await;
    assert_eq!(again.status(), 409);
    assert_eq!(request_count(&app), 2);

    // The secretariat screens it with the original in view.
    let sam = app.signed_in("sam@example.org").await;
    let (_, queue) = sam.page("/workspace").await;
    let row = text_of(&queue, ".follows").expect("the queue names what it follows");
    assert_eq!(row, format!("Reconsideration of {original}"));
    let (status, page) = sam.page(&format!("/workspace/requests/{follow_up}")).await;
    assert_eq!(status, 200);
    assert_eq!(
        text_of(&page, "#follows-line").unwrap(),
        format!("Reconsideration of {original}")
    );
    assert!(page.contains(&format!("href=\"/workspace/requests/{original}\"")));
    let in_view = text_of(&page, "#original").unwrap();
    for part in [QUESTION, "Closed as not admissible", "one assessment"] {
        assert!(in_view.contains(part), "{part} in {in_view}");
    }
    assert!(text_of(&page, "#follows").unwrap().contains(REASONS));
    assert!(
        text_of(&page, "#screening").is_some(),
        "screened as any request"
    );
    let (_, page) = sam.page(&format!("/workspace/requests/{original}")).await;
    let timeline = text_of(&page, ".timeline").unwrap();
    assert!(
        timeline.contains(&format!("Reconsideration requested: {follow_up}")),
        "{timeline}"
    );
}

async fn after_the_window_the_tracking_page_says_so_and_nothing_is_stored(backend: Backend) {
    let app = TestApp::spawn_with(backend, &[("CLARION_RECONSIDERATION_DAYS", "10".into())]).await;
    let (original, tracking) = screened_world(&app).await;
    closed_as_not_admissible(&app, &original).await;

    app.clock.advance(TimeDelta::days(9));
    let (_, page) = app.page(&tracking).await;
    assert!(
        page.contains("action=\"/track/") && page.contains("/reconsideration\""),
        "on the ninth day of ten the form is offered"
    );

    app.clock.advance(TimeDelta::days(2));
    let (status, page) = app.page(&tracking).await;
    assert_eq!(status, 200);
    let said = text_of(&page, "#reconsideration").unwrap();
    assert!(
        said.contains("The time to ask for reconsideration ended on"),
        "{said}"
    );
    assert!(said.contains("10 days after the decision"), "{said}");
    assert!(!page.contains("/reconsideration\""), "no form any more");

    let (events_before, mail_before) = (event_count(&app), outbox_count(&app));
    let refused = ask_reconsideration(&app, &tracking, REASONS).await;
    assert_eq!(refused.status(), 409);
    let page = refused.text().await.unwrap();
    let notice = text_of(&page, "#reconsideration-refused").unwrap();
    assert!(notice.contains("ended on"), "{notice}");
    assert!(text_of(&page, "title").unwrap().starts_with("Error: "));
    assert!(notice.contains("Nothing was changed."), "{notice}");
    assert_eq!(request_count(&app), 1);
    assert_eq!(
        (event_count(&app), outbox_count(&app)),
        (events_before, mail_before)
    );

    // Only the tracking link asks for reconsideration, and new information
    // is taken on published clarifications only.
    let token = form_token(&app.visitor).await;
    let stranger = app
        .post_form(
            "/track/0123456789abcdef0123456789abcdef/reconsideration",
            &[("csrf_token", &token), ("reasons", REASONS)],
        )
        .await;
    assert_eq!(stranger.status(), 404);
    let closed = format!("/clarifications/{original}/new-information");
    assert_eq!(app.get(&closed).await.status(), 404);
    let fields = [
        ("csrf_token", token.as_str()),
        ("name", "Kai Reader"),
        ("email", "kai@reader.example"),
        ("information", INFORMATION),
        ("website", ""),
    ];
    assert_eq!(app.post_form(&closed, &fields).await.status(), 404);
    assert_eq!(request_count(&app), 1);
    assert_eq!(
        (event_count(&app), outbox_count(&app)),
        (events_before, mail_before)
    );
}

/// A request accepted, agreed and published; returns its reference and
/// its submitter's tracking path.
pub async fn published(app: &TestApp) -> (String, String) {
    let (reference, tracking) = screened_world(app).await;
    app.add_user(
        "nils@example.org",
        "Nils Member",
        false,
        Some(("MG 17025", "member")),
    );
    let sam = app.signed_in("sam@example.org").await;
    assert_eq!(act(&sam, &reference, "accept", &[]).await.status(), 303);
    let carla = app.signed_in("carla@example.org").await;
    let round = [("draft", DRAFT), ("deadline", "")];
    assert_eq!(
        act(&carla, &reference, "rounds", &round).await.status(),
        303
    );
    everyone_agrees(app, &reference).await;
    let decided = act(&carla, &reference, "consensus", &[("final_answer", DRAFT)]).await;
    assert_eq!(decided.status(), 303);
    let publish = [("consider_at_revision", "on")];
    assert_eq!(
        act(&sam, &reference, "publish", &publish).await.status(),
        303
    );
    assert_eq!(state_of(app, &reference), "published");
    (reference, tracking)
}

/// Someone sends the new-information form of a published clarification.
async fn send_information(
    person: &Person,
    original: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let form = format!("/clarifications/{original}/new-information");
    person.submit_form(&form, &form, fields).await
}

/// Kai sends new information on `original` and confirms it from the mail;
/// returns the follow-up's reference and its tracking path.
async fn informed(app: &TestApp, original: &str) -> (String, String) {
    let kai = Person::new(&app.address);
    let fields = [
        ("name", "Kai Reader"),
        ("email", "kai@reader.example"),
        ("information", INFORMATION),
        ("website", ""),
    ];
    let response = send_information(&kai, original, &fields).await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/requests/sent");
    let link = app
        .mail
        .link_to("kai@reader.example", "/requests/confirm/")
        .await;
    let confirm = link.strip_prefix(&app.address).unwrap();
    let (_, page) = app.page(confirm).await;
    let shown = text_of(&page, ".definition-list").unwrap();
    assert!(
        shown.contains(&format!("New information on {original}")) && shown.contains(INFORMATION),
        "the confirmation page shows what is sent: {shown}"
    );
    let confirmed = press_confirm(app, confirm).await;
    assert_eq!(confirmed.status(), 303);
    let tracking = confirmed.headers()["location"].to_str().unwrap().to_owned();
    (follow_up_of(app, original), tracking)
}

async fn new_information_is_confirmed_by_mail_and_screened_as_a_linked_request(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (original, _) = published(&app).await;

    let (status, page) = app.page(&format!("/clarifications/{original}")).await;
    assert_eq!(status, 200);
    assert!(page.contains(&format!(
        "href=\"/clarifications/{original}/new-information\""
    )));
    let (status, page) = app
        .page(&format!("/clarifications/{original}/new-information"))
        .await;
    assert_eq!(status, 200);
    assert!(page.contains(QUESTION), "the question it bears on");
    let (_, again) = app
        .page(&format!("/clarifications/{original}/new-information"))
        .await;
    assert_ne!(
        csrf_token_in(&page),
        csrf_token_in(&again),
        "a form is never served from the register's page cache"
    );
    let (status, _) = app
        .page("/clarifications/CR-1999-0001/new-information")
        .await;
    assert_eq!(status, 404, "only a published clarification takes it");

    let (requests_before, mail_before) = (request_count(&app), outbox_count(&app));
    let visitor = Person::new(&app.address);
    let bad = [
        ("name", ""),
        ("email", "kai@"),
        ("information", ""),
        ("website", ""),
    ];
    let response = send_information(&visitor, &original, &bad).await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    let summary = text_of(&page, ".error-summary").unwrap();
    for field in ["name", "e-mail", "information"] {
        assert!(summary.to_lowercase().contains(field), "{field}: {summary}");
    }
    assert!(page.contains("kai@"), "what was typed stays");
    let robot = [
        ("name", "Robot"),
        ("email", "robot@example.net"),
        ("information", INFORMATION),
        ("website", "https://spam.example"),
    ];
    let response = send_information(&visitor, &original, &robot).await;
    assert_eq!(
        response.status(),
        303,
        "a robot is answered as if all went well"
    );
    assert_eq!(
        (request_count(&app), outbox_count(&app)),
        (requests_before, mail_before),
        "bad input and robots store nothing"
    );

    let (follow_up, tracking) = informed(&app, &original).await;
    let confirmation = app
        .mail
        .to("kai@reader.example")
        .into_iter()
        .find(|m| m.text.contains("/requests/confirm/"))
        .unwrap();
    assert!(
        confirmation
            .text
            .contains(&format!("New information on: {original}")),
        "{}",
        confirmation.text
    );
    assert_eq!(state_of(&app, &follow_up), "screening");
    let (status, page) = app.page(&tracking).await;
    assert_eq!(status, 200);
    let follows = text_of(&page, "#follows").unwrap();
    assert!(
        follows.contains(&format!("new information on {original}")),
        "{follows}"
    );
    wait_for_mail(
        &app,
        &format!("{follow_up}: your new information on {original} is received"),
        1,
    )
    .await;

    let sam = app.signed_in("sam@example.org").await;
    let (_, queue) = sam.page("/workspace").await;
    assert_eq!(
        text_of(&queue, ".follows").unwrap(),
        format!("New information on {original}")
    );
    let (_, page) = sam.page(&format!("/workspace/requests/{follow_up}")).await;
    assert!(text_of(&page, "#follows").unwrap().contains(INFORMATION));
    let in_view = text_of(&page, "#original").unwrap();
    assert!(in_view.contains(DRAFT), "the published answer: {in_view}");
    assert!(in_view.contains("Published"), "{in_view}");
    let contact = text_of(&page, ".task-side .card").unwrap();
    assert!(contact.contains("Kai Reader"), "{contact}");
}

async fn a_reconsideration_that_stands_is_recorded_on_both_requests(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (original, tracking, follow_up, follow_tracking) = reconsidered(&app).await;
    let sam = app.signed_in("sam@example.org").await;
    let close = [
        ("reason", "other"),
        (
            "note",
            "The first decision stands: the question asks for advice.",
        ),
        ("confirm", "on"),
    ];
    let response = act(&sam, &follow_up, "not-admissible", &close).await;
    assert_eq!(response.status(), 303);
    assert_eq!(state_of(&app, &follow_up), "closed");
    assert_eq!(state_of(&app, &original), "closed", "the original stays");

    // Text nodes read apart: the reference is a link.
    let stands = format!("Reconsideration {follow_up} : decision stands");
    let (_, page) = sam.page(&format!("/workspace/requests/{original}")).await;
    let timeline = text_of(&page, ".task-side .timeline").unwrap();
    assert!(timeline.contains(&stands), "{timeline}");
    let listed = text_of(&page, "#followed-by").unwrap();
    assert!(listed.contains("the decision stands"), "{listed}");
    let (_, page) = sam.page(&format!("/workspace/requests/{follow_up}")).await;
    let in_view = text_of(&page, "#original").unwrap();
    assert!(in_view.contains(&stands), "{in_view}");

    let (status, case) = sam
        .page(&format!("/workspace/requests/{original}/case"))
        .await;
    assert_eq!(status, 200);
    let section = text_of(&case, "#case-follow-ups").unwrap();
    assert!(section.contains(&follow_up), "{section}");
    assert!(section.contains("the decision stands"), "{section}");
    let json: serde_json::Value = sam
        .get(&format!("/workspace/requests/{original}/case.json"))
        .await
        .json()
        .await
        .unwrap();
    let followed_by = &json["follow_ups"]["followed_by"][0];
    assert_eq!(followed_by["reference"], follow_up.as_str());
    assert_eq!(followed_by["kind"], "reconsideration");
    assert_eq!(followed_by["state"], "closed");
    let json: serde_json::Value = sam
        .get(&format!("/workspace/requests/{follow_up}/case.json"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        json["follow_ups"]["follows"]["reference"],
        original.as_str()
    );
    assert_eq!(json["follow_ups"]["follows"]["statement"], REASONS);
    let actions: Vec<&str> = json["follow_ups"]["follows"]["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(
        actions.ends_with(&["follow_up_lodged", "follow_up_settled"]),
        "{actions:?}"
    );

    // The submitter is told, as for any request closed so.
    wait_for_mail(
        &app,
        "your request cannot be answered as a clarification",
        2,
    )
    .await;
    let (_, page) = app.page(&follow_tracking).await;
    let said = text_of(&page, "#reconsideration").unwrap();
    assert!(said.contains("not reconsidered again"), "{said}");
    let (_, page) = app.page(&tracking).await;
    assert!(
        text_of(&page, "#reconsideration")
            .unwrap()
            .contains(&follow_up)
    );
}

async fn new_information_that_revises_the_answer_supersedes_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (original, _) = published(&app).await;
    let (follow_up, _) = informed(&app, &original).await;

    let sam = app.signed_in("sam@example.org").await;
    let (_, page) = sam.page(&format!("/workspace/requests/{follow_up}")).await;
    let group = text_of(&page, "#field-screen-group option[selected]").unwrap();
    assert!(
        group.contains("MG 17025"),
        "the original's group by default: {group}"
    );
    assert_eq!(act(&sam, &follow_up, "accept", &[]).await.status(), 303);
    let carla = app.signed_in("carla@example.org").await;
    let round = [("draft", REVISED), ("deadline", "")];
    assert_eq!(
        act(&carla, &follow_up, "rounds", &round).await.status(),
        303
    );
    everyone_agrees(&app, &follow_up).await;
    let decided = act(
        &carla,
        &follow_up,
        "consensus",
        &[("final_answer", REVISED)],
    )
    .await;
    assert_eq!(decided.status(), 303);
    let publish = [("consider_at_revision", "on")];
    assert_eq!(
        act(&sam, &follow_up, "publish", &publish).await.status(),
        303
    );
    assert_eq!(state_of(&app, &follow_up), "published");

    let (_, page) = app.page(&format!("/clarifications/{original}")).await;
    let banner = text_of(&page, ".banner").expect("the superseded banner");
    assert!(banner.contains(&follow_up), "{banner}");
    assert!(
        banner.contains(&format!("Answer revised on new information: {follow_up}.")),
        "{banner}"
    );
    assert!(page.contains(&format!("href=\"/clarifications/{follow_up}\"")));
    let (_, page) = app.page(&format!("/clarifications/{follow_up}")).await;
    assert!(page.contains(REVISED));
    assert!(
        page.contains(&format!("href=\"/clarifications/{original}\"")),
        "supersedes it"
    );

    let (_, page) = sam.page(&format!("/workspace/requests/{original}")).await;
    let timeline = text_of(&page, ".task-side .timeline").unwrap();
    assert!(
        timeline.contains(&format!(
            "New information {follow_up} : answer revised, see {follow_up}"
        )),
        "{timeline}"
    );
    assert!(timeline.contains("Marked the publication"), "{timeline}");
    assert!(
        timeline.contains(&format!(
            "Superseded by {follow_up}: Answer revised on new information"
        )),
        "{timeline}"
    );
    let listed = text_of(&page, "#followed-by").unwrap();
    assert!(listed.contains("the answer is revised"), "{listed}");
}

async fn a_change_of_meaning_is_decided_by_the_group_and_published_as_the_next_version(
    backend: Backend,
) {
    const MEANING: &str = "The answer wrongly said one procedure could cover several methods.";
    let app = TestApp::spawn(backend).await;
    let (original, _) = published(&app).await;
    let sam = app.signed_in("sam@example.org").await;

    // The correction form sends a change of meaning to the group: a
    // follow-up in screening, linked to the clarification, which stays as
    // it was.
    let form = format!("/workspace/requests/{original}/correct");
    let (_, page) = sam.page(&form).await;
    let token = csrf_token_in(&page);
    let question = text_of(&page, "#field-question").unwrap();
    let version = page
        .split("name=\"version\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_owned();
    let send = |note: &'static str| {
        vec![
            ("csrf_token", token.clone()),
            ("version", version.clone()),
            ("question", question.clone()),
            ("answer", REVISED.to_owned()),
            ("note", note.to_owned()),
            ("to_group", "1".to_owned()),
        ]
    };
    let events_before = event_count(&app);
    let empty = send("");
    let empty: Vec<(&str, &str)> = empty.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = sam.post_form(&form, &empty).await;
    assert_eq!(refused.status(), 422, "a note is required");
    let page = refused.text().await.unwrap();
    assert!(page.contains(REVISED), "the typed answer is kept");
    assert_eq!(event_count(&app), events_before, "nothing stored");

    let meant = send(MEANING);
    let meant: Vec<(&str, &str)> = meant.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let sent = sam.post_form(&form, &meant).await;
    assert_eq!(sent.status(), 303);
    let follow_up = follow_up_of(&app, &original);
    assert_eq!(
        sent.headers()["location"],
        format!("/workspace/requests/{follow_up}").as_str()
    );
    assert_eq!(state_of(&app, &follow_up), "screening");
    let kind: String = follow_ups::table
        .select(follow_ups::kind)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(kind, "correction");
    let (_, page) = app.page(&format!("/clarifications/{original}")).await;
    assert!(page.contains(DRAFT) && !page.contains(REVISED), "not yet");
    let (_, page) = sam.page(&format!("/workspace/requests/{follow_up}")).await;
    let follows = text_of(&page, "#follows").unwrap();
    assert!(
        follows.contains(&format!("Correction of {original}")),
        "{follows}"
    );
    assert!(page.contains(MEANING));

    // The group decides it by consensus, as any request.
    assert_eq!(act(&sam, &follow_up, "accept", &[]).await.status(), 303);
    let carla = app.signed_in("carla@example.org").await;
    let round = [("draft", REVISED), ("deadline", "")];
    assert_eq!(
        act(&carla, &follow_up, "rounds", &round).await.status(),
        303
    );
    // The example accounts share the secretariat's domain: each voter
    // confirms the flagged conflict of interest is none.
    for email in ["carla@example.org", "mia@example.org", "nils@example.org"] {
        let voter = app.signed_in(email).await;
        let agree = [("position", "agree"), ("comment", ""), ("conflict", "none")];
        assert_eq!(act(&voter, &follow_up, "vote", &agree).await.status(), 303);
    }
    let decided = act(
        &carla,
        &follow_up,
        "consensus",
        &[("final_answer", REVISED)],
    )
    .await;
    assert_eq!(decided.status(), 303);

    // Publishing it shows, and then makes, the clarification's version 2.
    let preview = act(&sam, &follow_up, "publish", &[("preview", "1")]).await;
    assert_eq!(preview.status(), 200);
    let shown = preview.text().await.unwrap();
    assert!(
        shown.contains(REVISED) && shown.contains(&original),
        "the corrected page"
    );
    assert_eq!(
        state_of(&app, &follow_up),
        "decided",
        "a preview stores nothing"
    );
    let publish = [("consider_at_revision", "on")];
    assert_eq!(
        act(&sam, &follow_up, "publish", &publish).await.status(),
        303
    );
    assert_eq!(state_of(&app, &follow_up), "closed");
    let reason: Option<String> = requests::table
        .filter(requests::reference.eq(&follow_up))
        .select(requests::closure_reason)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(reason.as_deref(), Some("corrected"));
    assert_eq!(state_of(&app, &original), "published");

    let (_, current) = app.page(&format!("/clarifications/{original}")).await;
    assert_eq!(
        text_of(&current, "#answer-heading + .prose").unwrap(),
        REVISED
    );
    let notice = text_of(&current, "#correction").unwrap();
    assert!(
        notice.contains("version 2") && notice.contains(MEANING),
        "{notice}"
    );
    let (_, first) = app.page(&format!("/clarifications/{original}/v1")).await;
    assert_eq!(text_of(&first, "#answer-heading + .prose").unwrap(), DRAFT);
    let (status, _) = app.page(&format!("/clarifications/{follow_up}")).await;
    assert_eq!(status, 404, "not a clarification of its own");

    // Both records say how it ended.
    let (_, page) = sam.page(&format!("/workspace/requests/{original}")).await;
    let timeline = text_of(&page, ".task-side .timeline").unwrap();
    assert!(
        timeline.contains("Issued a corrected version"),
        "{timeline}"
    );
    assert!(
        timeline.contains(&format!("Correction {follow_up} : answer revised")),
        "{timeline}"
    );
    let (_, case) = sam
        .page(&format!("/workspace/requests/{original}/case"))
        .await;
    let versions = text_of(&case, "#versions").unwrap();
    assert!(
        versions.contains("Correction decided by the group") && versions.contains(MEANING),
        "{versions}"
    );
}
