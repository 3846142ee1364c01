//! Mail outage test (issue 6, item 4): the SMTP server is down while a
//! request goes through its whole lifecycle, then comes back; every message
//! the lifecycle wrote arrives exactly once, none lost.

use chrono::TimeDelta;
use clarion::db::schema::{outbox, requests};
use diesel::prelude::*;

use crate::on_both_databases;
use crate::support::app::{Backend, TestApp};
use crate::support::eventually::{BOUND, eventually};
use crate::support::journey::{press_confirm, send, valid_form};
use crate::support::workspace::{act, reply, state_of};

on_both_databases!(mail_held_up_by_an_outage_arrives_exactly_once_when_it_ends);

async fn mail_held_up_by_an_outage_arrives_exactly_once_when_it_ends(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.add_user("sam@example.org", "Sam Secretariat", true, None);
    for (email, name, role) in [
        ("carla@example.org", "Carla Convenor", "convenor"),
        ("mia@example.org", "Mia Member", "member"),
        ("nils@example.org", "Nils Member", "member"),
    ] {
        app.add_user(email, name, false, Some(("MG 17025", role)));
    }
    app.mail.stop();

    // The submitter files and confirms; the link is read from the outbox,
    // since no mail gets through.
    assert_eq!(send(&app, &valid_form()).await.status(), 303);
    let confirmed = press_confirm(&app, &confirmation_path(&app)).await;
    assert_eq!(confirmed.status(), 303);
    let tracking = confirmed.headers()["location"].to_str().unwrap().to_owned();
    let reference: String = requests::table
        .select(requests::reference.assume_not_null())
        .first(&mut app.db())
        .unwrap();

    let sam = app.signed_in("sam@example.org").await;
    let asked = act(
        &sam,
        &reference,
        "ask",
        &[("note", "Which method standard do you apply?")],
    )
    .await;
    assert_eq!(asked.status(), 303);
    assert_eq!(reply(&app, &tracking, "ISO 5725-2.").await, 303);
    assert_eq!(act(&sam, &reference, "accept", &[]).await.status(), 303);

    let carla = app.signed_in("carla@example.org").await;
    let draft = [
        ("draft", "Yes: one procedure may cover several methods."),
        ("deadline", ""),
    ];
    assert_eq!(
        act(&carla, &reference, "rounds", &draft).await.status(),
        303
    );
    // Every voter agrees, so the round may close before its deadline.
    for member in ["carla@example.org", "mia@example.org", "nils@example.org"] {
        let member = app.signed_in(member).await;
        let agree = [("position", "agree"), ("comment", "")];
        assert_eq!(act(&member, &reference, "vote", &agree).await.status(), 303);
    }
    let consensus = [("final_answer", draft[0].1)];
    assert_eq!(
        act(&carla, &reference, "consensus", &consensus)
            .await
            .status(),
        303
    );
    assert_eq!(act(&sam, &reference, "publish", &[]).await.status(), 303);
    assert_eq!(state_of(&app).0, "published");

    wait_for_outbox(&app, "every message has failed at least once", |rows| {
        rows.iter()
            .all(|(_, status, attempts)| status == "pending" && *attempts >= 1)
    })
    .await;
    assert!(app.mail.received().is_empty(), "the server was down");

    app.mail.resume();
    // Past the longest backoff, every message is due again.
    app.clock.advance(TimeDelta::hours(2));
    app.state.wake_mail_worker();
    wait_for_outbox(&app, "every message is sent", |rows| {
        rows.iter().all(|(_, status, _)| status == "sent")
    })
    .await;
    // Later passes of the worker send nothing again.
    app.clock.advance(TimeDelta::hours(2));
    app.run_worker_once().await;

    let mut queued: Vec<String> = outbox_rows(&app).into_iter().map(|row| row.0).collect();
    queued.sort();
    let received = app.mail.received();
    let mut delivered: Vec<&str> = received.iter().map(|m| m.message_id.as_str()).collect();
    delivered.sort();
    assert_eq!(
        delivered, queued,
        "each queued message arrived exactly once"
    );
    let mut ids = queued.clone();
    ids.dedup();
    assert_eq!(ids.len(), queued.len(), "Message-IDs are unique");

    let mut recipients: Vec<&str> = received
        .iter()
        .flat_map(|m| m.envelope_to.iter().map(String::as_str))
        .collect();
    recipients.sort();
    recipients.dedup();
    assert_eq!(
        recipients,
        [
            "ana.lima@lab.example",
            "carla@example.org",
            "mia@example.org",
            "nils@example.org",
            "sam@example.org",
        ],
        "everyone the lifecycle names heard of it"
    );
    let submitter: Vec<String> = app
        .mail
        .to("ana.lima@lab.example")
        .into_iter()
        .map(|m| m.subject)
        .collect();
    for subject in [
        "Confirm your clarification request on ISO/IEC 17025:2017".to_owned(),
        format!("{reference}: your clarification request is received"),
    ] {
        assert!(submitter.contains(&subject), "{subject} in {submitter:?}");
    }
}

/// The path of the confirmation link in the queued mail.
fn confirmation_path(app: &TestApp) -> String {
    let bodies: Vec<String> = outbox::table
        .filter(outbox::recipient.eq("ana.lima@lab.example"))
        .select(outbox::body_text)
        .load(&mut app.db())
        .unwrap();
    let prefix = app.url("/requests/confirm/");
    bodies
        .iter()
        .find_map(|body| {
            let link = &body[body.find(&prefix)?..];
            let end = link.find(char::is_whitespace).unwrap_or(link.len());
            Some(link[app.address.len()..end].to_owned())
        })
        .expect("the confirmation mail is queued")
}

/// Every outbox message: Message-ID, status, attempts.
fn outbox_rows(app: &TestApp) -> Vec<(String, String, i32)> {
    outbox::table
        .select((outbox::message_id, outbox::status, outbox::attempts))
        .load(&mut app.db())
        .unwrap()
}

async fn wait_for_outbox(
    app: &TestApp,
    what: &str,
    done: impl Fn(&[(String, String, i32)]) -> bool,
) {
    eventually(BOUND, || async {
        let rows = outbox_rows(app);
        if !rows.is_empty() && done(&rows) {
            return Ok(());
        }
        Err(format!("waiting until {what}: {rows:?}"))
    })
    .await
}
