//! My queue (issue 4, item 3): each role sees what waits for it.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::TimeDelta;
use clarion::db::schema::{requests, rounds};
use clarion::models::users;
use clarion::workflow::queue::{self, Task};
use diesel::connection::{Connection, InstrumentationEvent};
use diesel::prelude::*;

use crate::consensus::balloting;
use crate::on_both_databases;
use crate::support::app::{Backend, Person, TestApp, csrf_token_in, text_of};
use crate::support::journey::{confirmed_request, valid_form};
use crate::support::workspace::{act, add_the_people, reply, screened_world};

async fn queue(person: &Person) -> String {
    let (status, page) = person.page("/workspace").await;
    assert_eq!(status, 200);
    text_of(&page, "main").unwrap()
}

on_both_databases!(
    each_role_finds_its_work_in_the_queue,
    the_queue_reads_as_many_queries_for_many_requests_as_for_one,
    a_page_seen_again_shows_what_others_changed_meanwhile,
    a_page_seen_again_turns_when_its_round_closes,
    what_the_database_said_is_believed_until_this_instance_changes_something,
);

async fn each_role_finds_its_work_in_the_queue(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (reference, _) = screened_world(&app).await;
    app.add_user(
        "nils@example.org",
        "Nils Member",
        false,
        Some(("MG 17025", "member")),
    );
    let (sam, carla, mia, otto) = (
        app.signed_in("sam@example.org").await,
        app.signed_in("carla@example.org").await,
        app.signed_in("mia@example.org").await,
        app.signed_in("otto@example.org").await,
    );
    let for_sam = queue(&sam).await;
    assert!(
        for_sam.contains(&format!("{reference} ISO/IEC 17025:2017 7.2.1 Screen")),
        "{for_sam}"
    );
    assert!(
        for_sam.contains("1 Screening"),
        "counts per state: {for_sam}"
    );
    assert!(queue(&carla).await.contains("Nothing waits for you"));

    act(&sam, &reference, "accept", &[]).await;
    assert!(queue(&sam).await.contains("Nothing waits for you"));
    assert!(
        queue(&carla)
            .await
            .contains("Draft an answer and open a round")
    );
    assert!(queue(&mia).await.contains("Nothing waits for you"));

    act(
        &carla,
        &reference,
        "rounds",
        &[("draft", "Yes."), ("deadline", "")],
    )
    .await;
    assert!(queue(&mia).await.contains("Vote on the draft answer"));
    assert!(
        queue(&otto).await.contains("Nothing waits for you"),
        "another group's member"
    );
    act(
        &mia,
        &reference,
        "vote",
        &[("position", "agree"), ("comment", "")],
    )
    .await;
    assert!(queue(&mia).await.contains("Nothing waits for you"));
    // A second vote reaches the quorum; the convenor's own is not needed.
    let nils = app.signed_in("nils@example.org").await;
    let agree = [("position", "agree"), ("comment", "")];
    assert_eq!(act(&nils, &reference, "vote", &agree).await.status(), 303);

    app.clock.advance(TimeDelta::days(22));
    // Sessions end after 8 idle hours: sign in again.
    let (sam, carla) = (
        app.signed_in("sam@example.org").await,
        app.signed_in("carla@example.org").await,
    );
    let for_carla = queue(&carla).await;
    assert!(
        for_carla.contains("Overdue Deadline passed: close the round"),
        "{for_carla}"
    );
    assert!(
        queue(&sam)
            .await
            .contains("Overdue Round past its deadline")
    );
}

/// The tasks in `email`'s queue now, and how many queries reading it took.
fn tasks_and_queries(app: &TestApp, email: &str) -> (Vec<Task>, usize) {
    let mut conn = app.db();
    let user = users::find_by_email(&mut conn, email).unwrap().unwrap();
    // The requests held in memory are brought up to date first: what is
    // counted is the queue's own reading.
    let held = &app.state.request_index;
    held.prepare(&mut conn).unwrap();
    let queries = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&queries);
    conn.set_instrumentation(move |event: InstrumentationEvent<'_>| {
        if matches!(event, InstrumentationEvent::StartQuery { .. }) {
            counter.fetch_add(1, Ordering::Relaxed);
        }
    });
    let mail_server = app.state.settings.smtp_url.is_some();
    let read = queue::queue(&mut conn, held, &user, app.clock.now(), mail_server).unwrap();
    // The connection goes back to the pool: stop counting.
    conn.set_instrumentation(|_: InstrumentationEvent<'_>| {});
    let tasks = read.items.iter().map(|item| item.task()).collect();
    (tasks, queries.load(Ordering::Relaxed))
}

async fn the_queue_reads_as_many_queries_for_many_requests_as_for_one(backend: Backend) {
    let app = TestApp::spawn_with(backend, &[("CLARION_SUBMISSIONS_PER_HOUR", "0".into())]).await;
    add_the_people(&app);
    confirmed_request(&app, &valid_form()).await;
    let (for_sam, sam_queries) = tasks_and_queries(&app, "sam@example.org");
    assert_eq!(for_sam, [Task::Screen]);
    let (for_carla, carla_queries) = tasks_and_queries(&app, "carla@example.org");
    assert!(for_carla.is_empty());

    // More requests: one answered after a question, one with the group.
    let sam = app.signed_in("sam@example.org").await;
    let asked = confirmed_request(&app, &valid_form()).await;
    confirmed_request(&app, &valid_form()).await;
    confirmed_request(&app, &valid_form()).await;
    let references: Vec<String> = requests::table
        .select(requests::reference.assume_not_null())
        .order(requests::reference)
        .load(&mut app.db())
        .unwrap();
    act(&sam, &references[0], "accept", &[]).await;
    act(&sam, &references[1], "ask", &[("note", "Which method?")]).await;
    assert_eq!(reply(&app, &asked, "Method A.").await, 303);

    let (for_sam, queries) = tasks_and_queries(&app, "sam@example.org");
    assert_eq!(for_sam.len(), 3, "{for_sam:?}");
    assert!(for_sam.contains(&Task::ScreenReply), "{for_sam:?}");
    assert_eq!(queries, sam_queries, "the secretariat's queue");
    let (for_carla, queries) = tasks_and_queries(&app, "carla@example.org");
    assert_eq!(for_carla, [Task::OpenRound]);
    assert_eq!(queries, carla_queries, "the convenor's queue");
}

/// Workspace pages asked again unchanged are served from memory
/// (`src/web/private_pages.rs`): a change by someone else, through this
/// instance or written to the database by another, shows on the next view,
/// each view carries a token of its own that forms accept, and a session
/// closed elsewhere is not shown a kept page.
async fn a_page_seen_again_shows_what_others_changed_meanwhile(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (reference, _) = screened_world(&app).await;
    let (sam, carla) = (
        app.signed_in("sam@example.org").await,
        app.signed_in("carla@example.org").await,
    );
    for _ in 0..2 {
        assert!(queue(&carla).await.contains("Nothing waits for you"));
    }
    act(&sam, &reference, "accept", &[]).await;
    assert!(
        queue(&carla)
            .await
            .contains("Draft an answer and open a round"),
        "the secretariat's acceptance"
    );

    let page = format!("/workspace/requests/{reference}");
    let (_, first) = carla.page(&page).await;
    let (_, second) = carla.page(&page).await;
    assert_ne!(
        csrf_token_in(&first),
        csrf_token_in(&second),
        "each view masks its token afresh"
    );
    let asked = "Does a kept page show a question changed by another instance?";
    diesel::update(requests::table)
        .set(requests::question.eq(asked))
        .execute(&mut app.db())
        .unwrap();
    let (status, shown) = carla.page(&page).await;
    assert_eq!(status, 200);
    assert!(shown.contains(asked), "a change written to the database");
    let draft = [("draft", "Yes."), ("deadline", "")];
    assert_eq!(
        act(&carla, &reference, "rounds", &draft).await.status(),
        303,
        "a form of a page served again"
    );
    assert!(carla.page(&page).await.1.contains("Yes."), "her own change");

    diesel::delete(clarion::db::schema::sessions::table)
        .execute(&mut app.db())
        .unwrap();
    let response = carla.get("/workspace").await;
    assert_eq!(response.status(), 303, "signed out elsewhere");
}

/// With the revalidation period an hour long, the workspace version and
/// the sessions are not read again before each answer: a change written
/// behind the server's back (as another instance writes) is not seen yet,
/// but an action through this instance shows at once, and so does an
/// account deactivated through it, whose browser is signed out.
async fn what_the_database_said_is_believed_until_this_instance_changes_something(
    backend: Backend,
) {
    let app = TestApp::spawn_with(
        backend,
        &[("CLARION_REGISTER_REVALIDATE_MS", "3600000".to_owned())],
    )
    .await;
    let (reference, _) = screened_world(&app).await;
    let (sam, carla) = (
        app.signed_in("sam@example.org").await,
        app.signed_in("carla@example.org").await,
    );
    let page = format!("/workspace/requests/{reference}");
    let (_, first) = carla.page(&page).await;
    assert!(queue(&carla).await.contains("Nothing waits for you"));
    let asked = "Is a change by another instance seen within the period?";
    diesel::update(requests::table)
        .set(requests::question.eq(asked))
        .execute(&mut app.db())
        .unwrap();
    let (_, kept) = carla.page(&page).await;
    assert!(!kept.contains(asked), "the kept page, within the hour");
    assert_eq!(text_of(&kept, "main"), text_of(&first, "main"));

    act(&sam, &reference, "accept", &[]).await;
    assert!(
        queue(&carla)
            .await
            .contains("Draft an answer and open a round"),
        "the secretariat's acceptance, through this instance"
    );
    assert!(carla.page(&page).await.1.contains(asked), "read again");

    let deactivate = format!(
        "/admin/users/{}/deactivate",
        app.user_id("carla@example.org")
    );
    let done = sam
        .submit_form("/admin/users", &deactivate, &[("confirm", "yes")])
        .await;
    assert_eq!(done.status(), 303);
    let response = carla.get("/workspace").await;
    assert_eq!(response.status(), 303, "signed out at once");
    assert!(
        response.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/login")
    );
}

/// A kept workspace page is kept no longer than the moment something on it
/// turns with the clock: the convenor's page of a round whose deadline
/// falls half a minute after her first view offers to close it once the
/// deadline has passed, though nothing was stored meanwhile.
async fn a_page_seen_again_turns_when_its_round_closes(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = balloting(&app).await;
    let deadline = app.clock.now() + TimeDelta::seconds(30);
    diesel::update(rounds::table)
        .set(rounds::deadline_at.eq(deadline))
        .execute(&mut app.db())
        .unwrap();
    let carla = app.signed_in("carla@example.org").await;
    let page = format!("/workspace/requests/{reference}");
    let rules = |page: &str| text_of(page, "#closing-rules").unwrap();
    for _ in 0..2 {
        let (_, shown) = carla.page(&page).await;
        assert!(
            rules(&shown).contains("The deadline has not passed"),
            "{}",
            rules(&shown)
        );
    }
    app.clock.advance(TimeDelta::seconds(31));
    let (_, shown) = carla.page(&page).await;
    assert!(
        !rules(&shown).contains("The deadline has not passed"),
        "{}",
        rules(&shown)
    );
}
