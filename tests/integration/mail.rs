//! The outbox and its worker against a real SMTP server on loopback.

use std::future::ready;
use std::time::Duration;

use chrono::TimeDelta;
use clarion::db::schema::outbox;
use clarion::mail::messages::Welcome;
use clarion::mail::{self, Message, Outgoing};
use diesel::prelude::*;

use crate::on_both_databases;
use crate::support::app::{Backend, TestApp};
use crate::support::eventually::{BOUND, eventually};

/// Queues one message per recipient, as a state change would.
fn queue(app: &TestApp, event: &str, recipients: &[&str]) {
    let mut conn = app.db();
    for recipient in recipients {
        let rendered = Welcome {
            ctx: app.state.mail_context(),
            name: recipient.to_string(),
            login_url: app.state.settings.url("/login"),
        }
        .render(&clarion::i18n::Lang::english())
        .unwrap();
        mail::enqueue(
            &mut conn,
            &app.state.mail_host(),
            Outgoing {
                event_key: event,
                request_id: None,
                recipient,
                rendered,
                list_unsubscribe: None,
            },
            app.clock.now(),
        )
        .unwrap();
    }
    app.state.wake_mail_worker();
}

fn statuses(app: &TestApp) -> Vec<(String, i32)> {
    outbox::table
        .select((outbox::status, outbox::attempts))
        .order(outbox::recipient)
        .load(&mut app.db())
        .unwrap()
}

async fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    eventually(BOUND, || {
        ready(done().then_some(()).ok_or(format!("waiting until {what}")))
    })
    .await
}

on_both_databases!(
    mail_survives_an_smtp_outage_and_arrives_exactly_once,
    mail_is_given_up_after_a_day_of_failures,
    without_an_smtp_server_mail_is_written_as_files,
    a_person_reached_twice_by_one_event_gets_one_message,
);

async fn mail_survives_an_smtp_outage_and_arrives_exactly_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.mail.stop();
    let recipients = ["a@example.org", "b@example.org", "c@example.org"];
    queue(&app, "event-outage", &recipients);

    wait_until("every message has failed once", || {
        statuses(&app)
            .iter()
            .all(|(status, attempts)| status == "pending" && *attempts >= 1)
    })
    .await;
    assert!(app.mail.received().is_empty());

    app.mail.resume();
    // Past the backoff, the worker tries again.
    app.clock.advance(TimeDelta::minutes(2));
    app.state.wake_mail_worker();
    let delivered = app.mail.wait_for(3, Duration::from_secs(20)).await;
    wait_until("the outbox records the deliveries", || {
        statuses(&app).iter().all(|(status, _)| status == "sent")
    })
    .await;

    // Later passes of the worker send nothing again.
    app.clock.advance(TimeDelta::hours(2));
    app.run_worker_once().await;
    let all = app.mail.received();
    assert_eq!(
        all.len(),
        3,
        "each message exactly once: {:?}",
        all.iter().map(|m| &m.message_id).collect::<Vec<_>>()
    );
    let mut ids: Vec<&str> = delivered.iter().map(|m| m.message_id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 3);
    for recipient in recipients {
        let mine = app.mail.to(recipient);
        assert_eq!(mine.len(), 1, "{recipient}");
        assert_eq!(
            mine[0].message_id,
            mail::outbox::message_id("event-outage", recipient, &app.state.mail_host())
        );
        assert!(!mine[0].text.is_empty() && !mine[0].html.is_empty());
    }
}

async fn a_person_reached_twice_by_one_event_gets_one_message(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    // Queued twice, as when the submitter is also of the secretariat and
    // each role is told of the same event (the address's case differing):
    // the second is dropped, and the change that queued it is not refused.
    queue(
        &app,
        "event-twice",
        &["sam@example.org", "b@example.org", "Sam@Example.org"],
    );
    let delivered = app.mail.wait_for(2, Duration::from_secs(20)).await;
    wait_until("the outbox records the deliveries", || {
        statuses(&app).iter().all(|(status, _)| status == "sent")
    })
    .await;
    assert_eq!(statuses(&app).len(), 2);
    app.run_worker_once().await;
    assert_eq!(app.mail.received().len(), 2, "{delivered:?}");
    assert_eq!(app.mail.to("sam@example.org").len(), 1);
}

async fn mail_is_given_up_after_a_day_of_failures(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.mail.stop();
    queue(&app, "event-doomed", &["x@example.org"]);
    wait_until("a first attempt failed", || statuses(&app)[0].1 >= 1).await;
    app.clock.advance(TimeDelta::hours(25));
    app.state.wake_mail_worker();
    wait_until("the message is marked failed", || {
        statuses(&app)[0].0 == "failed"
    })
    .await;
    let error: Option<String> = outbox::table
        .select(outbox::last_error)
        .first(&mut app.db())
        .unwrap();
    assert!(error.is_some_and(|e| !e.is_empty()));
}

async fn without_an_smtp_server_mail_is_written_as_files(backend: Backend) {
    let app = TestApp::spawn_with(backend, &[("CLARION_SMTP_URL", String::new())]).await;
    queue(&app, "event-files", &["files@example.org"]);
    let dir = app.data_dir.join("mail");
    let mut found = Vec::new();
    wait_until("an .eml file appears", || {
        found = std::fs::read_dir(&dir)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "eml"))
                    .collect()
            })
            .unwrap_or_default();
        !found.is_empty()
    })
    .await;
    let raw = std::fs::read_to_string(&found[0]).unwrap();
    assert!(raw.contains("To: files@example.org"), "{raw}");
    assert!(raw.contains("Subject: Your Clarion secretariat account is ready"));
    assert!(raw.contains("multipart/alternative"));
    assert!(app.mail.received().is_empty());
}

on_both_databases!(
    delivered_and_given_up_mail_keeps_its_headers_and_outcome_only,
    the_secretariat_finds_what_became_of_the_mail_to_an_address,
);

/// What the outbox holds of each message: recipient, its hash, subject,
/// both bodies, status, last error.
type Kept = (
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
);

fn kept(app: &TestApp, event: &str) -> Kept {
    outbox::table
        .filter(outbox::message_id.like(format!("{event}.%")))
        .select((
            outbox::recipient,
            outbox::recipient_hash,
            outbox::subject,
            outbox::body_text,
            outbox::body_html,
            outbox::status,
            outbox::last_error,
        ))
        .first(&mut app.db())
        .unwrap()
}

/// Queues one message to `lost@example.org` with the SMTP server down,
/// once its first attempt has failed.
async fn failing(app: &TestApp) {
    app.mail.stop();
    queue(app, "event-lost", &["lost@example.org"]);
    wait_until("a first attempt failed", || {
        kept(app, "event-lost").6.is_some()
    })
    .await;
}

/// A day later, the worker gives the failing message up.
async fn given_up(app: &TestApp) {
    app.clock.advance(TimeDelta::hours(25));
    app.state.wake_mail_worker();
    wait_until("the message is given up", || {
        kept(app, "event-lost").5 == "failed"
    })
    .await;
}

async fn delivered_and_given_up_mail_keeps_its_headers_and_outcome_only(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    queue(&app, "event-kept", &["kept@example.org"]);
    app.mail.wait_for(1, Duration::from_secs(20)).await;
    wait_until("the delivery is recorded", || {
        kept(&app, "event-kept").5 == "sent"
    })
    .await;
    let subject = "Your Clarion secretariat account is ready";
    let hash = |address: &str| mail::outbox::recipient_hash(address);
    let (recipient, recipient_hash, kept_subject, text, html, _, error) = kept(&app, "event-kept");
    assert_eq!(
        (recipient.as_str(), text.as_str(), html.as_str()),
        ("", "", ""),
        "no address, no text"
    );
    assert_eq!(recipient_hash, hash("kept@example.org"));
    assert_eq!(kept_subject, subject);
    assert_eq!(error, None);
    // The Message-ID stays, with the same hash of the address.
    let message_id: String = outbox::table
        .filter(outbox::recipient_hash.eq(hash("kept@example.org")))
        .select(outbox::message_id)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(
        message_id,
        mail::outbox::message_id("event-kept", "kept@example.org", &app.state.mail_host())
    );

    // Waiting, a message holds what it must send; given up, no more.
    failing(&app).await;
    let (recipient, _, _, text, html, status, _) = kept(&app, "event-lost");
    assert_eq!(
        (recipient.as_str(), status.as_str()),
        ("lost@example.org", "pending")
    );
    assert!(text.contains("account") && html.contains("account"));
    given_up(&app).await;
    let (recipient, recipient_hash, kept_subject, text, html, _, error) = kept(&app, "event-lost");
    assert_eq!(
        (recipient.as_str(), text.as_str(), html.as_str()),
        ("", "", "")
    );
    assert_eq!(recipient_hash, hash("lost@example.org"));
    assert_eq!(kept_subject, subject);
    let error = error.expect("why it failed");
    assert!(
        !error.is_empty() && !error.contains("lost@example.org"),
        "{error}"
    );
}

async fn the_secretariat_finds_what_became_of_the_mail_to_an_address(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.add_user("sam@example.org", "Sam Secretariat", true, None);
    queue(&app, "event-found", &["found@example.org"]);
    app.mail.wait_for(1, Duration::from_secs(20)).await;
    wait_until("the delivery is recorded", || {
        kept(&app, "event-found").5 == "sent"
    })
    .await;
    failing(&app).await;
    given_up(&app).await;

    let sam = app.signed_in("sam@example.org").await;
    let (status, page) = sam.page("/admin/mail").await;
    assert_eq!(status, 200);
    let undelivered = crate::support::app::text_of(&page, "#undelivered").unwrap();
    assert!(
        undelivered.contains("Failed erased (fingerprint")
            && undelivered.contains("Your Clarion secretariat account is ready"),
        "{undelivered}"
    );
    assert!(!page.contains("lost@example.org"), "the address is erased");

    // Typed in, an address finds its messages again.
    let (_, page) = sam.page("/admin/mail?to=Lost%40Example.org").await;
    let found = crate::support::app::text_of(&page, "#sent").unwrap();
    assert!(
        found.starts_with(
            "Outcome Subject Attempts Last error Failed Your Clarion secretariat account is ready"
        ),
        "{found}"
    );
    let (_, page) = sam.page("/admin/mail?to=found%40example.org").await;
    let found = crate::support::app::text_of(&page, "#sent").unwrap();
    assert!(
        found.contains("Delivered Your Clarion secretariat account is ready"),
        "{found}"
    );
    let (_, page) = sam.page("/admin/mail?to=nobody%40example.org").await;
    assert!(page.contains("No message to this address is recorded."));

    // A member of a group is not shown the page.
    app.add_user(
        "mia@example.org",
        "Mia Member",
        false,
        Some(("MG 17025", "member")),
    );
    let mia = app.signed_in("mia@example.org").await;
    assert_eq!(mia.page("/admin/mail?to=found%40example.org").await.0, 404);
}
