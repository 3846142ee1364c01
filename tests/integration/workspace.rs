//! The workspace (issue 4): the request page, screening actions with their
//! mail, internal comments, who may see what, and the optimistic lock.

use std::time::Duration;

use clarion::db::schema::{events, requests};
use diesel::prelude::*;

use crate::on_both_databases;
use crate::support::app::{Backend, TestApp, csrf_token_in, text_of, version_in};
use crate::support::workspace::{act, reply, screened_world, state_of};

on_both_databases!(
    the_secretariat_accepts_and_the_group_hears_of_it,
    the_secretariat_asks_and_the_submitter_replies_from_the_mail,
    a_request_closed_as_not_admissible_tells_the_submitter_why,
    a_referral_gives_the_submitter_the_committee_contact,
    a_duplicate_must_name_a_published_clarification,
    reassigning_tells_the_new_group,
    internal_comments_are_markdown_made_safe,
    only_the_right_people_see_and_act,
    two_people_acting_at_once_one_wins,
    every_stored_word_reads_back_and_an_unknown_one_is_refused,
);

async fn the_secretariat_accepts_and_the_group_hears_of_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (reference, _) = screened_world(&app).await;
    let sam = app.signed_in("sam@example.org").await;
    let (_, page) = sam.page(&format!("/workspace/requests/{reference}")).await;
    assert!(
        page.contains("ana.lima@lab.example"),
        "the secretariat sees the submitter's contact"
    );
    assert!(page.contains(">Accept it for a maintenance group</label>"));

    let response = act(&sam, &reference, "accept", &[]).await;
    assert_eq!(response.status(), 303);
    assert_eq!(state_of(&app).0, "in_group");
    let (_, page) = sam.page(&format!("/workspace/requests/{reference}")).await;
    let timeline = text_of(&page, ".timeline").unwrap();
    assert!(
        timeline.contains("Accepted for the group Sam Secretariat"),
        "{timeline}"
    );
    assert!(
        !page.contains(">Accept it for a maintenance group</label>"),
        "no longer offered"
    );

    let mail = app.mail.wait_for(5, Duration::from_secs(20)).await;
    let to_group: Vec<_> = mail
        .iter()
        .filter(|m| m.subject.ends_with("new request for MG 17025"))
        .collect();
    let mut recipients: Vec<_> = to_group
        .iter()
        .flat_map(|m| m.envelope_to.clone())
        .collect();
    recipients.sort();
    assert_eq!(recipients, ["carla@example.org", "mia@example.org"]);
    assert!(
        to_group[0]
            .links()
            .contains(&app.url(&format!("/workspace/requests/{reference}")))
    );
}

async fn the_secretariat_asks_and_the_submitter_replies_from_the_mail(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (reference, _) = screened_world(&app).await;
    let sam = app.signed_in("sam@example.org").await;
    let empty = act(&sam, &reference, "ask", &[("note", "  ")]).await;
    assert_eq!(empty.status(), 422);
    assert!(
        empty
            .text()
            .await
            .unwrap()
            .contains("Write your question to the submitter.")
    );
    assert_eq!(state_of(&app).0, "screening");

    let response = act(
        &sam,
        &reference,
        "ask",
        &[("note", "Which method standard do you apply?")],
    )
    .await;
    assert_eq!(response.status(), 303);
    assert_eq!(state_of(&app).0, "awaiting_submitter");

    let asked = app.mail.wait_for(4, Duration::from_secs(20)).await;
    let asked = asked
        .iter()
        .find(|m| m.subject.ends_with("asks for more information"))
        .unwrap();
    assert_eq!(asked.envelope_to, ["ana.lima@lab.example"]);
    assert!(asked.text.contains("Which method standard do you apply?"));
    let link = asked
        .links()
        .into_iter()
        .find(|l| l.contains("/track/"))
        .unwrap();
    let tracking = link.strip_prefix(&app.address).unwrap();

    assert_eq!(reply(&app, tracking, "ISO 5725-2.").await, 303);
    assert_eq!(state_of(&app).0, "screening");
    let (_, page) = sam.page(&format!("/workspace/requests/{reference}")).await;
    assert!(
        text_of(&page, ".timeline")
            .unwrap()
            .contains("The submitter replied The submitter")
    );
    assert!(page.contains("ISO 5725-2."));
}

async fn a_request_closed_as_not_admissible_tells_the_submitter_why(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (reference, tracking) = screened_world(&app).await;
    let sam = app.signed_in("sam@example.org").await;
    let response = act(
        &sam,
        &reference,
        "not-admissible",
        &[
            ("reason", "specific_situation"),
            ("note", "Your question is about one assessment."),
            ("confirm", "on"),
        ],
    )
    .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        state_of(&app),
        ("closed".to_owned(), Some("not_admissible".to_owned()))
    );
    let reason: Option<String> = requests::table
        .select(requests::not_admissible_reason)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(reason.as_deref(), Some("specific_situation"));
    let mail = app.mail.wait_for(4, Duration::from_secs(20)).await;
    let closed = mail
        .iter()
        .find(|m| m.subject.ends_with("cannot be answered as a clarification"))
        .unwrap();
    assert!(
        closed
            .text
            .contains("a specific situation or for consultancy")
            && closed.text.contains("one assessment")
    );
    let (_, page) = app.page(&tracking).await;
    assert!(
        text_of(&page, ".lede")
            .unwrap()
            .contains("cannot be answered as a clarification")
    );
}

async fn a_referral_gives_the_submitter_the_committee_contact(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (reference, _) = screened_world(&app).await;
    let sam = app.signed_in("sam@example.org").await;
    let response = act(
        &sam,
        &reference,
        "refer",
        &[("committee", "ISO/TC 176"), ("note", "")],
    )
    .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        state_of(&app),
        ("closed".to_owned(), Some("referred".to_owned()))
    );
    let mail = app.mail.wait_for(4, Duration::from_secs(20)).await;
    let referred = mail
        .iter()
        .find(|m| {
            m.subject
                .contains("please send your question to ISO/TC 176")
        })
        .unwrap();
    assert!(
        referred
            .text
            .contains("Quality management and quality assurance"),
        "{}",
        referred.text
    );
}

async fn a_duplicate_must_name_a_published_clarification(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (reference, _) = screened_world(&app).await;
    let sam = app.signed_in("sam@example.org").await;
    let response = act(
        &sam,
        &reference,
        "duplicate",
        &[("duplicate_of", "CR-1999-0001")],
    )
    .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(
        page.contains("Enter the reference of a published clarification"),
        "{page}"
    );
    assert_eq!(state_of(&app).0, "screening", "nothing changed");
    let recorded: i64 = events::table.count().get_result(&mut app.db()).unwrap();
    assert_eq!(recorded, 1, "only the confirmation");
}

async fn reassigning_tells_the_new_group(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (reference, _) = screened_world(&app).await;
    let sam = app.signed_in("sam@example.org").await;
    let group_17065: String = clarion::db::schema::groups::table
        .filter(clarion::db::schema::groups::code.eq("MG 17065"))
        .select(clarion::db::schema::groups::id)
        .first(&mut app.db())
        .unwrap();
    let response = act(&sam, &reference, "reassign", &[("group", &group_17065)]).await;
    assert_eq!(response.status(), 303);
    assert_eq!(state_of(&app).0, "screening", "reassigning keeps the state");
    let mail = app.mail.wait_for(4, Duration::from_secs(20)).await;
    let told = mail
        .iter()
        .find(|m| m.subject.ends_with("reassigned to MG 17065"))
        .unwrap();
    assert_eq!(told.envelope_to, ["otto@example.org"]);
}

async fn internal_comments_are_markdown_made_safe(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (reference, _) = screened_world(&app).await;
    let sam = app.signed_in("sam@example.org").await;
    act(&sam, &reference, "accept", &[]).await;
    // The secretariat reads the group's discussion but does not take part.
    let (_, page) = sam.page(&format!("/workspace/requests/{reference}")).await;
    assert!(!page.contains("Add the comment"));
    let carla = app.signed_in("carla@example.org").await;
    let response = act(
        &carla,
        &reference,
        "comments",
        &[(
            "body",
            "**Check** clause 7.2.2 first. <script>alert('x')</script>",
        )],
    )
    .await;
    assert_eq!(response.status(), 303);
    let (_, page) = sam.page(&format!("/workspace/requests/{reference}")).await;
    assert!(page.contains("<strong>Check</strong> clause 7.2.2 first."));
    assert!(page.contains("Carla Convenor"));
    assert!(!page.contains("<script>alert"));
    // Comments never reach the submitter's page.
    let (_, tracking_page) = app.page(&confirmed_request_tracking(&app).await).await;
    assert!(!tracking_page.contains("Check"));
}

/// The tracking path of the one request, from its acknowledgement mail.
async fn confirmed_request_tracking(app: &TestApp) -> String {
    let mail = app.mail.wait_for(2, Duration::from_secs(20)).await;
    let link = mail
        .iter()
        .flat_map(|m| m.links())
        .find(|l| l.contains("/track/"))
        .unwrap();
    link.strip_prefix(&app.address).unwrap().to_owned()
}

async fn only_the_right_people_see_and_act(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (reference, _) = screened_world(&app).await;
    let path = format!("/workspace/requests/{reference}");
    let (sam, carla, mia, otto) = (
        app.signed_in("sam@example.org").await,
        app.signed_in("carla@example.org").await,
        app.signed_in("mia@example.org").await,
        app.signed_in("otto@example.org").await,
    );
    // While screening, only the secretariat sees it.
    assert_eq!(sam.page(&path).await.0, 200);
    for person in [&carla, &mia, &otto] {
        assert_eq!(person.page(&path).await.0, 404);
    }
    let anonymous = app.get(&path).await;
    assert_eq!(anonymous.status(), 303);
    assert!(
        anonymous.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/login?next=")
    );

    act(&sam, &reference, "accept", &[]).await;
    // Once with the group, its members see it; other groups still do not.
    assert_eq!(carla.page(&path).await.0, 200);
    assert_eq!(mia.page(&path).await.0, 200);
    assert_eq!(otto.page(&path).await.0, 404);
    assert_eq!(sam.page("/workspace/requests/CR-1999-0001").await.0, 404);

    // A member who may read but not act is refused and nothing changes.
    let (_, page) = mia.page(&path).await;
    assert!(
        !page.contains("/reassign"),
        "no secretariat actions offered to a member"
    );
    let token = csrf_token_in(&page);
    let response = mia
        .post_form(
            &format!("{path}/reassign"),
            &[("csrf_token", &token), ("version", "2"), ("group", "x")],
        )
        .await;
    assert_eq!(response.status(), 409);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("You are not the person who can do this.")
    );
    // Someone outside the group cannot even learn that the request exists.
    let (_, page) = otto.page("/logout").await;
    let token = csrf_token_in(&page);
    let response = otto
        .post_form(
            &format!("{path}/comments"),
            &[("csrf_token", &token), ("body", "hi")],
        )
        .await;
    assert_eq!(response.status(), 404);
    assert_eq!(state_of(&app).0, "in_group");
}

async fn two_people_acting_at_once_one_wins(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (reference, _) = screened_world(&app).await;
    app.add_user("sasha@example.org", "Sasha Secretariat", true, None);
    let (sam, sasha) = (
        app.signed_in("sam@example.org").await,
        app.signed_in("sasha@example.org").await,
    );
    let path = format!("/workspace/requests/{reference}");
    // Both open the page at the same version.
    let (_, sam_page) = sam.page(&path).await;
    let (_, sasha_page) = sasha.page(&path).await;
    let sam_post = sam
        .post_form(
            &format!("{path}/accept"),
            &[
                ("csrf_token", &csrf_token_in(&sam_page)),
                ("version", &version_in(&sam_page)),
            ],
        )
        .await;
    assert_eq!(sam_post.status(), 303);
    let sasha_post = sasha
        .post_form(
            &format!("{path}/ask"),
            &[
                ("csrf_token", &csrf_token_in(&sasha_page)),
                ("version", &version_in(&sasha_page)),
                ("note", "Which method?"),
            ],
        )
        .await;
    assert_eq!(sasha_post.status(), 409);
    let page = sasha_post.text().await.unwrap();
    assert!(text_of(&page, "title").unwrap().starts_with("Error: "));
    assert!(
        page.contains("This request changed while you were looking at it."),
        "{page}"
    );
    assert!(
        text_of(&page, ".badges")
            .unwrap()
            .contains("With the group"),
        "shows the new state"
    );
    assert_eq!(state_of(&app).0, "in_group");
    let asked: i64 = events::table
        .filter(events::action.eq("ask_for_information"))
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(asked, 0);
}

/// States, closure reasons, actions, actors, roles and positions are stored
/// as words; each reads back as itself on both databases, and a word Clarion
/// does not know fails to load instead of passing for some state.
async fn every_stored_word_reads_back_and_an_unknown_one_is_refused(backend: Backend) {
    use clarion::domain::access::GroupRole;
    use clarion::domain::consensus::Position;
    use clarion::domain::lifecycle::{Action, ActorKind, ClosureReason, State};
    use diesel::dsl::sql;
    use diesel::sql_types::Text;

    let app = TestApp::spawn(backend).await;
    let conn = &mut *app.db();
    macro_rules! reads_back {
        ($($kind:ident),+) => {$(
            for value in $kind::ALL {
                let read: $kind = diesel::select(value.into_sql::<Text>())
                    .get_result(conn)
                    .unwrap();
                assert_eq!(read, value);
                let stored: String = diesel::select(value.into_sql::<Text>())
                    .get_result(conn)
                    .unwrap();
                assert_eq!(stored, value.as_str());
            }
        )+};
    }
    reads_back!(State, ClosureReason, Action, ActorKind, GroupRole, Position);

    let unknown = diesel::select(sql::<Text>("'Closed'")).get_result::<State>(conn);
    let error = unknown.expect_err("a word that is no state");
    let cause = std::iter::successors(Some(&error as &dyn std::error::Error), |e| e.source())
        .last()
        .unwrap()
        .to_string();
    assert_eq!(cause, "\"Closed\" is not a stored State");
    assert!(
        diesel::select(sql::<Text>("'chair'"))
            .get_result::<GroupRole>(conn)
            .is_err()
    );
}
