//! Crash test (issue 6, item 3): people keep submitting while the server is
//! killed with SIGKILL at random moments, several times. A submission that
//! was answered "received" must survive every crash, stored once, whole,
//! with its confirmation mail in the outbox; the database stays intact and
//! the restarted server serves again.

use std::time::Duration;

use clarion::db::schema::{outbox, request_contacts, requests};
use clarion::db::{DatabaseUrl, DbConn};
use diesel::prelude::*;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::on_both_databases;
use crate::support::app::{Backend, Person};
use crate::support::journey::{form_token, submit_unless_cut_off};
use crate::support::operator::sqlite_integrity;
use crate::support::server::Instance;
use crate::support::smtp::MailServer;

const ROUNDS: usize = 4;
const CLIENTS: usize = 8;

on_both_databases!(a_server_killed_under_load_loses_no_answered_submission);

async fn a_server_killed_under_load_loses_no_answered_submission(backend: Backend) {
    let seed: u64 = std::env::var("CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(rand::random);
    // Shown with the failure: CRASH_SEED replays the same kill timings.
    eprintln!("crash test on {backend:?}: CRASH_SEED={seed}");
    let mut rng = StdRng::seed_from_u64(seed);
    let dir = tempfile::tempdir().unwrap();
    let database_url = backend.new_database_url(dir.path());
    let mail = MailServer::start();
    let env = [
        ("CLARION_DATABASE_URL", database_url.clone()),
        ("CLARION_SMTP_URL", mail.url()),
    ];

    let mut answered: Vec<String> = Vec::new();
    for round in 0..ROUNDS {
        let server = Instance::start("crash", dir.path(), &env).await;
        // Each person reads the form before the clock starts, so that the
        // kill falls among submissions rather than page views.
        let mut clients = Vec::new();
        for client in 0..CLIENTS {
            let person = server.person();
            let token = form_token(&person).await;
            clients.push(tokio::spawn(submit_until_cut_off(
                person, token, round, client,
            )));
        }
        let delay = rng.random_range(100..=600);
        tokio::time::sleep(Duration::from_millis(delay)).await;
        server.kill();
        let before = answered.len();
        for client in clients {
            answered.extend(client.await.expect("a client ran to the crash"));
        }
        eprintln!(
            "round {round}: killed after {delay} ms, {} submissions answered",
            answered.len() - before
        );
    }
    assert!(
        !answered.is_empty(),
        "no submission was answered before the kills (seed {seed})"
    );

    let server = Instance::start("crash", dir.path(), &env).await;
    let person = server.person();
    let (status, body) = person.page("/readyz").await;
    assert_eq!((status, body.as_str()), (200, "ready\n"));
    let last = "after-the-crashes@example.org".to_owned();
    let token = form_token(&person).await;
    assert!(
        submit_unless_cut_off(&person, &token, &last).await,
        "the restarted server takes a new submission"
    );
    answered.push(last);
    server.kill();

    if backend == Backend::Sqlite {
        assert_eq!(sqlite_integrity(&database_url), ["ok"], "seed {seed}");
    }
    let mut conn = clarion::db::establish(&DatabaseUrl::parse(&database_url).unwrap()).unwrap();
    assert_every_answer_stored_once_and_whole(&mut conn, &answered, seed);
}

/// One person submitting again and again until the server goes away;
/// returns the addresses of the submissions answered "received".
async fn submit_until_cut_off(
    person: Person,
    token: String,
    round: usize,
    client: usize,
) -> Vec<String> {
    let mut answered = Vec::new();
    for n in 0.. {
        let email = format!("crash-{round}-{client}-{n}@example.org");
        if !submit_unless_cut_off(&person, &token, &email).await {
            break;
        }
        answered.push(email);
    }
    answered
}

fn assert_every_answer_stored_once_and_whole(conn: &mut DbConn, answered: &[String], seed: u64) {
    let stored: Vec<(String, Option<String>)> = requests::table
        .left_join(request_contacts::table)
        .select((requests::id, request_contacts::email.nullable()))
        .load(conn)
        .unwrap();
    // A delivered message keeps only a hash of its address.
    let mail: Vec<(String, String)> = outbox::table
        .select((outbox::message_id, outbox::recipient_hash))
        .load(conn)
        .unwrap();

    for email in answered {
        let copies = stored
            .iter()
            .filter(|(_, contact)| contact.as_deref() == Some(email.as_str()))
            .count();
        assert_eq!(copies, 1, "{email} answered \"received\" (seed {seed})");
    }
    for (id, contact) in &stored {
        let contact = contact
            .as_deref()
            .unwrap_or_else(|| panic!("request {id} has no contact (seed {seed})"));
        let confirmations: Vec<&String> = mail
            .iter()
            .filter(|(message_id, _)| message_id.starts_with(&format!("submit-{id}.")))
            .map(|(_, recipient)| recipient)
            .collect();
        assert_eq!(
            confirmations,
            [&clarion::mail::outbox::recipient_hash(contact)],
            "request {id}: one confirmation mail (seed {seed})"
        );
    }
    let confirmations = mail
        .iter()
        .filter(|(message_id, _)| message_id.starts_with("submit-"))
        .count();
    assert_eq!(
        confirmations,
        stored.len(),
        "no confirmation mail without its request (seed {seed})"
    );
}
