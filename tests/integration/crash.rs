//! Crash test (issue 6, item 3): people keep submitting while the server is
//! killed with SIGKILL at random moments, several times. A submission that
//! was answered "received" must survive every crash, stored once, whole,
//! with its confirmation mail in the outbox; the database stays intact and
//! the restarted server serves again. And the orderly stop an operator
//! asks for (SIGTERM) under the same load: the server finishes what it took
//! and exits, cleanly.

use std::process::ExitStatus;
use std::time::{Duration, Instant};

use clarion::db::schema::{outbox, request_contacts, requests};
use clarion::db::{DatabaseUrl, DbConn};
use diesel::prelude::*;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::on_both_databases;
use crate::support::app::{Backend, Person};
use crate::support::journey::{form_token, stored_contacts, submit_unless_cut_off};
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
    let setting = Setting::new(backend);

    let mut answered: Vec<String> = Vec::new();
    for round in 0..ROUNDS {
        let server = setting.start("crash").await;
        let delay = rng.random_range(100..=600);
        let load = under_load(&server, round, delay, Instance::kill).await;
        eprintln!(
            "round {round}: killed after {delay} ms, {} submissions answered",
            load.answered.len()
        );
        answered.extend(load.answered);
    }
    assert!(
        !answered.is_empty(),
        "no submission was answered before the kills (seed {seed})"
    );

    let server = setting.start("crash").await;
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

    let mut conn = setting.database();
    assert_every_answer_stored_once_and_whole(&mut conn, &answered, &format!("seed {seed}"));
}

on_both_databases!(a_server_stopped_under_load_answers_all_it_took_and_exits_cleanly);

/// SIGTERM is how systemd, a container runtime or `kill` stops the
/// service. Unlike a crash, it leaves no one in doubt: every submission the
/// server read is answered before it exits, so a sender without an answer
/// can send again without filing twice. Nor does it wait for its shutdown
/// timeout (10 s), past which it would cut off the requests under way:
/// connections idle between requests are closed at once, busy ones after
/// their answer.
async fn a_server_stopped_under_load_answers_all_it_took_and_exits_cleanly(backend: Backend) {
    let setting = Setting::new(backend);
    let mut answered = Vec::new();
    for round in 0..2 {
        let server = setting.start("stopped").await;
        let load = under_load(&server, round, 300, Instance::stop).await;
        let log = server.log();
        assert!(
            load.status.success(),
            "round {round}: the server exits with status 0, not {}; its log:\n{log}",
            load.status
        );
        assert!(
            load.ended_in < Duration::from_secs(10),
            "round {round}: the server took {:?} to stop, as long as its shutdown timeout",
            load.ended_in
        );
        assert!(
            !log.contains("ERROR") && !log.contains("panicked"),
            "round {round}: nothing went wrong on the way out:\n{log}"
        );
        assert!(
            log.lines()
                .last()
                .is_some_and(|line| line.ends_with("stopped")),
            "round {round}: the log's last line says the server stopped:\n{log}"
        );
        assert!(
            !load.answered.is_empty(),
            "round {round}: submissions were answered"
        );
        answered.extend(load.answered);
    }
    let mut conn = setting.database();
    let case = format!("{backend:?}");
    assert_every_answer_stored_once_and_whole(&mut conn, &answered, &case);
    // Sorted here: PostgreSQL's collation need not order them as Rust does.
    let mut stored = stored_contacts(&mut conn);
    stored.sort();
    answered.sort();
    assert_eq!(stored, answered, "every submission stored was answered");
}

/// What the servers of one test share: a data directory, a database and a
/// mail server.
struct Setting {
    backend: Backend,
    dir: tempfile::TempDir,
    database_url: String,
    env: [(&'static str, String); 2],
    /// Runs as long as the setting, so that the servers can send their mail.
    _mail: MailServer,
}

impl Setting {
    fn new(backend: Backend) -> Setting {
        let dir = tempfile::tempdir().unwrap();
        let database_url = backend.new_database_url(dir.path());
        let mail = MailServer::start();
        let env = [
            ("CLARION_DATABASE_URL", database_url.clone()),
            ("CLARION_SMTP_URL", mail.url()),
        ];
        Setting {
            backend,
            dir,
            database_url,
            env,
            _mail: mail,
        }
    }

    /// A server on this setting, its log named `name`.
    async fn start(&self, name: &str) -> Instance {
        Instance::start(name, self.dir.path(), &self.env).await
    }

    /// The database once its servers are gone: on SQLite, first checked
    /// whole.
    fn database(&self) -> DbConn {
        if self.backend == Backend::Sqlite {
            assert_eq!(sqlite_integrity(&self.database_url), ["ok"]);
        }
        clarion::db::establish(&DatabaseUrl::parse(&self.database_url).unwrap()).unwrap()
    }
}

/// `CLIENTS` people submitting to `server` until, `delay_ms` after they
/// start, `end` stops it.
async fn under_load(
    server: &Instance,
    round: usize,
    delay_ms: u64,
    end: fn(&Instance) -> ExitStatus,
) -> Load {
    // Each person reads the form before the clock starts, so that the end
    // falls among submissions rather than page views.
    let mut clients = Vec::new();
    for client in 0..CLIENTS {
        let person = server.person();
        let token = form_token(&person).await;
        clients.push(tokio::spawn(submit_until_cut_off(
            person, token, round, client,
        )));
    }
    tokio::time::sleep(Duration::from_millis(delay_ms)).await;
    let ending = Instant::now();
    let status = end(server);
    let ended_in = ending.elapsed();
    let mut answered = Vec::new();
    for client in clients {
        answered.extend(client.await.expect("a client ran to the end"));
    }
    Load {
        answered,
        status,
        ended_in,
    }
}

/// What became of the people submitting under [`under_load`].
struct Load {
    /// The addresses answered "received".
    answered: Vec<String>,
    /// How the server exited, and how long after `end` was called.
    status: ExitStatus,
    ended_in: Duration,
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

/// `case` names the run in a failure's message.
fn assert_every_answer_stored_once_and_whole(conn: &mut DbConn, answered: &[String], case: &str) {
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
        assert_eq!(copies, 1, "{email} answered \"received\" ({case})");
    }
    for (id, contact) in &stored {
        let contact = contact
            .as_deref()
            .unwrap_or_else(|| panic!("request {id} has no contact ({case})"));
        let confirmations: Vec<&String> = mail
            .iter()
            .filter(|(message_id, _)| message_id.starts_with(&format!("submit-{id}.")))
            .map(|(_, recipient)| recipient)
            .collect();
        assert_eq!(
            confirmations,
            [&clarion::mail::outbox::recipient_hash(contact)],
            "request {id}: one confirmation mail ({case})"
        );
    }
    let confirmations = mail
        .iter()
        .filter(|(message_id, _)| message_id.starts_with("submit-"))
        .count();
    assert_eq!(
        confirmations,
        stored.len(),
        "no confirmation mail without its request ({case})"
    );
}
