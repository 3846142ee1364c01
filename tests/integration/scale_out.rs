//! Scale-out (issue 6, item 6): two `clarion` processes on one PostgreSQL
//! database and nothing else shared, as behind a load balancer. They start
//! together on an empty database, take submissions and confirmations at
//! once, and both run their mail workers: every request is stored once,
//! every reference is unique and gapless, every message is sent once —
//! reminders from the timed jobs that every worker runs included.

use std::collections::BTreeMap;
use std::future::ready;
use std::sync::{Arc, Barrier};
use std::time::Duration;

use chrono::TimeDelta;
use clarion::db::schema::{outbox, request_contacts, requests};
use clarion::db::{DatabaseUrl, DbConn};
use clarion::models::{references, users};
use diesel::prelude::*;

use crate::on_both_databases;
use crate::support::app::{Backend, Person, TestApp, csrf_token_in};
use crate::support::eventually::{BOUND, eventually};
use crate::support::journey::{confirmed_request, valid_form, with};
use crate::support::postgres;
use crate::support::server::Instance;
use crate::support::smtp::MailServer;
use crate::support::workspace::{act, add_the_people};

const SUBMISSIONS: usize = 200;
const CONFIRMATIONS: usize = 100;
const CLIENTS: usize = 16;
/// The load balancer's address, which every instance is given as its own.
const BASE_URL: &str = "http://clarion.test";

// PostgreSQL only, so not `on_both_databases!`: a SQLite file serves one
// instance (README, "Running several instances").
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_on_one_database_store_and_mail_everything_once() {
    let dir = tempfile::tempdir().unwrap();
    let database_url = postgres::new_database_url();
    let mail = MailServer::start();
    let env = [
        ("CLARION_DATABASE_URL", database_url.clone()),
        ("CLARION_SMTP_URL", mail.url()),
        ("CLARION_BASE_URL", BASE_URL.to_owned()),
    ];
    // Started together on the empty database: both migrate and seed at once.
    let (a, b) = tokio::join!(
        Instance::start("a", dir.path(), &env),
        Instance::start("b", dir.path(), &env),
    );
    let mut conn = clarion::db::establish(&DatabaseUrl::parse(&database_url).unwrap()).unwrap();
    users::insert(
        &mut conn,
        &users::NewUser {
            id: &clarion::db::new_id(),
            email: "sam@example.org",
            name: "Sam Secretariat",
            password_hash: None,
            is_secretariat: true,
            active: true,
            created_at: chrono::Utc::now().naive_utc(),
            sponsor_organisation_id: None,
        },
    )
    .unwrap();
    let addresses: Arc<[String; 2]> = Arc::new([a.address.clone(), b.address.clone()]);

    // Each person reads the form from one instance and sends it to the
    // other: the CSRF key is the same everywhere.
    let submitting: Vec<_> = (0..CLIENTS)
        .map(|client| {
            let addresses = addresses.clone();
            tokio::spawn(async move {
                let person = Person::new(&addresses[0]);
                for n in (client..SUBMISSIONS).step_by(CLIENTS) {
                    let form = with(valid_form(), "email", &format!("scale-{n}@example.org"));
                    let fields: Vec<(&str, &str)> =
                        form.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    let response = send_across(
                        &person,
                        &addresses,
                        n,
                        "/requests/new",
                        "/requests",
                        &fields,
                    )
                    .await;
                    assert_eq!(response.headers()["location"], "/requests/sent");
                }
            })
        })
        .collect();
    for client in submitting {
        client.await.unwrap();
    }

    let links: Vec<String> = mail
        .wait_for(SUBMISSIONS, Duration::from_secs(60))
        .await
        .iter()
        .flat_map(|m| m.links())
        .filter_map(|link| Some(link.strip_prefix(BASE_URL)?.to_owned()))
        .filter(|path| path.starts_with("/requests/confirm/"))
        .take(CONFIRMATIONS)
        .collect();
    assert_eq!(links.len(), CONFIRMATIONS, "confirmation links in the mail");
    let links = Arc::new(links);
    let confirming: Vec<_> = (0..CLIENTS)
        .map(|client| {
            let (addresses, links) = (addresses.clone(), links.clone());
            tokio::spawn(async move {
                let person = Person::new(&addresses[0]);
                for n in (client..CONFIRMATIONS).step_by(CLIENTS) {
                    let response =
                        send_across(&person, &addresses, n, &links[n], &links[n], &[]).await;
                    let location = response.headers()["location"].to_str().unwrap();
                    assert!(location.starts_with("/track/"), "{location}");
                }
            })
        })
        .collect();
    for client in confirming {
        client.await.unwrap();
    }

    // A confirmation mail each, then an acknowledgement and a notice to
    // the secretariat for each confirmed request.
    let expected = SUBMISSIONS + 2 * CONFIRMATIONS;
    let received = mail.wait_for(expected, Duration::from_secs(60)).await;
    eventually(BOUND, || {
        ready(match undelivered(&mut conn) {
            0 => Ok(()),
            n => Err(format!("{n} messages are left undelivered")),
        })
    })
    .await;
    // Give a late duplicate the time to arrive.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let received_later = mail.received();
    assert_eq!(received_later.len(), received.len(), "nothing sent twice");

    let mut queued: Vec<String> = outbox::table
        .select(outbox::message_id)
        .load(&mut conn)
        .unwrap();
    queued.sort();
    assert_eq!(queued.len(), expected);
    let mut delivered: Vec<&str> = received_later
        .iter()
        .map(|m| m.message_id.as_str())
        .collect();
    delivered.sort();
    assert_eq!(delivered, queued, "each message at the server exactly once");
    for (name, instance) in [("a", &a), ("b", &b)] {
        assert!(
            instance.log().contains("mail delivered"),
            "instance {name}'s worker delivered mail too"
        );
    }

    assert_every_request_stored_once(&mut conn);
    assert_references_unique_and_gapless(&mut conn);
}

const ROUNDS: usize = 5;

on_both_databases!(workers_running_their_jobs_at_once_remind_each_voter_once);

/// Every instance's worker runs the timed jobs. Two runs start together
/// here, on two connections, as two instances' workers would when the
/// reminder date comes; the time is moved on this process's clock.
async fn workers_running_their_jobs_at_once_remind_each_voter_once(backend: Backend) {
    let app = TestApp::spawn_with(backend, &[("CLARION_SUBMISSIONS_PER_HOUR", "0".into())]).await;
    add_the_people(&app);
    let sam = app.signed_in("sam@example.org").await;
    let carla = app.signed_in("carla@example.org").await;
    for _ in 0..ROUNDS {
        confirmed_request(&app, &valid_form()).await;
    }
    let open: Vec<String> = requests::table
        .select(requests::reference.assume_not_null())
        .order(requests::reference)
        .load(&mut app.db())
        .unwrap();
    let draft = [
        ("draft", "Yes: one procedure may cover several methods."),
        ("deadline", ""),
    ];
    for reference in &open {
        assert_eq!(act(&sam, reference, "accept", &[]).await.status(), 303);
        assert_eq!(act(&carla, reference, "rounds", &draft).await.status(), 303);
    }

    // Three days before the default 21-day deadline.
    app.clock.advance(TimeDelta::days(19));
    let ctx = app.state.workflow();
    let start = Barrier::new(2);
    std::thread::scope(|scope| {
        let runs: Vec<_> = (0..2)
            .map(|_| {
                let (ctx, start) = (&ctx, &start);
                let mut conn = app.db();
                scope.spawn(move || {
                    start.wait();
                    clarion::worker::jobs::run_due(&mut conn, ctx, 365)
                })
            })
            .collect();
        for run in runs {
            run.join().unwrap().expect("the jobs run");
        }
    });
    app.run_worker_once().await;
    assert_eq!(undelivered(&mut app.db()), 0, "every reminder was sent");

    for voter in ["carla@example.org", "mia@example.org"] {
        let mut reminded: Vec<String> = app
            .mail
            .to(voter)
            .into_iter()
            .filter_map(|m| Some(m.subject.split_once(": please vote by")?.0.to_owned()))
            .collect();
        reminded.sort();
        assert_eq!(reminded, open, "{voter} is reminded once per round");
    }
}

/// Opens `page` on one instance and sends its form, with the page's CSRF
/// token, to `action` on the other; `n` chooses which is which. The answer
/// must be a redirect.
async fn send_across(
    person: &Person,
    addresses: &[String; 2],
    n: usize,
    page: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let (from, to) = (&addresses[n % 2], &addresses[(n + 1) % 2]);
    let form = person
        .client
        .get(format!("{from}{page}"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = csrf_token_in(&form);
    let mut fields = fields.to_vec();
    fields.push(("csrf_token", &token));
    let response = person
        .client
        .post(format!("{to}{action}"))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303, "{action} on {to}");
    response
}

/// Messages of the outbox not yet sent.
fn undelivered(conn: &mut DbConn) -> i64 {
    outbox::table
        .filter(outbox::status.ne("sent"))
        .count()
        .get_result(conn)
        .unwrap()
}

fn assert_every_request_stored_once(conn: &mut DbConn) {
    let mut emails: Vec<String> = requests::table
        .inner_join(request_contacts::table)
        .select(request_contacts::email)
        .load(conn)
        .unwrap();
    emails.sort();
    let mut expected: Vec<String> = (0..SUBMISSIONS)
        .map(|n| format!("scale-{n}@example.org"))
        .collect();
    expected.sort();
    assert_eq!(emails, expected);
}

fn assert_references_unique_and_gapless(conn: &mut DbConn) {
    let allocated: Vec<String> = requests::table
        .filter(requests::reference.is_not_null())
        .select(requests::reference.assume_not_null())
        .load(conn)
        .unwrap();
    assert_eq!(allocated.len(), CONFIRMATIONS);
    // A run across New Year starts a second sequence.
    let mut by_year: BTreeMap<i32, Vec<i32>> = BTreeMap::new();
    for reference in &allocated {
        let (year, sequence) = references::parse(reference).expect("CR-YYYY-NNNN");
        by_year.entry(year).or_default().push(sequence);
    }
    for (year, mut sequences) in by_year {
        sequences.sort();
        let expected: Vec<i32> = (1..=sequences.len() as i32).collect();
        assert_eq!(sequences, expected, "the references of {year}");
    }
}
