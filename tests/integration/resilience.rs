//! Hardening (issue 17, items 1 and 2). The database going away for a
//! moment — PostgreSQL restarted, a SQLite file locked by another program —
//! costs seconds, not minutes; while it is away, a change that cannot be
//! stored is answered 503 "try again in a minute", never 500, and nothing is
//! half-written. A SQLite file deleted or replaced under a running instance
//! stops its writes with a clear log line, and `serve` does not create an
//! empty database in place of one that went missing.

use std::path::Path;
use std::time::{Duration, Instant};

use actix_web::ResponseError;
use clarion::db::{self, DatabaseUrl, DbConn};
use clarion::error::AppError;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::Integer;

use crate::on_both_databases;
use crate::support::app::{Backend, Person, TestApp};
use crate::support::eventually::eventually;
use crate::support::journey::{QUESTION, form_token, send_as, stored_contacts};
use crate::support::postgres::{self, OwnServer};
use crate::support::server::Instance;
use crate::support::smtp::MailServer;

/// Longer than any recovery may take, far shorter than the ten minutes an
/// instance once needed after a PostgreSQL restart.
const RECOVERY_BOUND: Duration = Duration::from_secs(30);

/// Pages that each need the database: the home page, the request form (its
/// list of standards), a search (on PostgreSQL read over the worker's own
/// connection) and the standards.
const PAGES: [&str; 4] = [
    "/",
    "/requests/new",
    "/clarifications?q=procedure",
    "/standards",
];

on_both_databases!(
    a_database_outage_costs_seconds_not_minutes,
    during_an_outage_a_submission_is_answered_503_and_nothing_is_stored,
    failures_of_the_database_are_503_and_mistakes_stay_500,
);

/// An app whose database can be taken away: PostgreSQL stopped (a server
/// of the test's own), or SQLite's write lock held by another connection.
struct Outage {
    app: TestApp,
    own: Option<OwnServer>,
    locker: Option<diesel::SqliteConnection>,
}

impl Outage {
    async fn prepare(backend: Backend) -> Outage {
        let own = (backend == Backend::Postgres).then(OwnServer::start);
        let mut extra = vec![("CLARION_DB_TIMEOUT_MS", "500".to_owned())];
        if let Some(server) = &own {
            extra.push(("CLARION_DATABASE_URL", server.url()));
        }
        let app = TestApp::spawn_with(backend, &extra).await;
        Outage {
            app,
            own,
            locker: None,
        }
    }

    fn begin(&mut self) {
        match &self.own {
            Some(server) => server.stop(),
            None => {
                let DatabaseUrl::Sqlite(path) = &self.app.state.settings.database_url else {
                    unreachable!("a SQLite app")
                };
                let mut locker = diesel::SqliteConnection::establish(path).unwrap();
                locker
                    .batch_execute("PRAGMA busy_timeout = 10000; BEGIN IMMEDIATE")
                    .unwrap();
                self.locker = Some(locker);
            }
        }
    }

    fn end(&mut self) {
        match (&mut self.own, self.locker.take()) {
            (Some(server), _) => server.start_again(),
            (None, Some(mut locker)) => locker.batch_execute("ROLLBACK").unwrap(),
            (None, None) => unreachable!("the outage began"),
        }
    }

    /// Polls `paths` until each answers 200, within [`RECOVERY_BOUND`] of
    /// the database's return; returns how long that took.
    async fn wait_until_served(&self, paths: &[&str]) -> Duration {
        let back = Instant::now();
        eventually(RECOVERY_BOUND, || async {
            let mut answers = Vec::new();
            for path in paths {
                answers.push(((*path).to_owned(), self.app.visitor.page(path).await.0));
            }
            match answers.iter().all(|(_, status)| *status == 200) {
                true => Ok(back.elapsed()),
                false => Err(format!(
                    "serving again once the database is back: {answers:?}"
                )),
            }
        })
        .await
    }
}

async fn a_database_outage_costs_seconds_not_minutes(backend: Backend) {
    let mut outage = Outage::prepare(backend).await;
    let person = &outage.app.visitor.clone();
    for path in PAGES {
        assert_eq!(person.page(path).await.0, 200, "{path} before the outage");
    }
    assert_eq!(
        submit(person, "before@example.org").await.status(),
        303,
        "a submission before the outage"
    );
    outage.app.mail.wait_for(1, RECOVERY_BOUND).await;

    // The page holding the form was opened before the outage began.
    let token = form_token(person).await;
    outage.begin();
    let during = send_as(person, &token, "during@example.org").await;
    assert_ne!(during.status(), 303, "nothing is received while it is away");
    outage.end();

    let mut paths = PAGES.to_vec();
    paths.push("/readyz");
    let took = outage.wait_until_served(&paths).await;
    eprintln!("{backend:?}: every page answered {took:?} after the database returned");
    assert_eq!(
        submit(person, "after@example.org").await.status(),
        303,
        "a submission after the outage"
    );
    // The app's own worker: a pass run by the test would prove nothing.
    eventually(RECOVERY_BOUND, || async {
        match outage.app.mail.to("after@example.org").len() {
            1 => Ok(()),
            n => Err(format!(
                "the mail worker kept running and delivers after the outage: {n} messages"
            )),
        }
    })
    .await;
}

async fn during_an_outage_a_submission_is_answered_503_and_nothing_is_stored(backend: Backend) {
    let mut outage = Outage::prepare(backend).await;
    let person = &outage.app.visitor.clone();
    let token = form_token(person).await;
    outage.begin();

    let refused = send_as(person, &token, "during@example.org").await;
    assert_eq!(refused.status(), 503, "a submission during the outage");
    let page = refused.text().await.unwrap();
    assert!(page.contains("try again in a minute"), "{page}");
    if backend == Backend::Sqlite {
        // SQLite still reads while another holds the write lock: the form
        // comes back with what was typed.
        assert!(
            page.contains(QUESTION) && page.contains("during@example.org"),
            "the form keeps its input: {page}"
        );
    }
    assert_eq!(
        person.page("/readyz").await.0,
        503,
        "not ready while writes fail"
    );

    outage.end();
    outage.wait_until_served(&["/readyz"]).await;
    assert_eq!(
        stored_contacts(&mut outage.app.db()),
        Vec::<String>::new(),
        "the refused submission left nothing behind"
    );
}

/// Opens the request form and sends it with `email`.
async fn submit(person: &Person, email: &str) -> reqwest::Response {
    let token = form_token(person).await;
    send_as(person, &token, email).await
}

async fn failures_of_the_database_are_503_and_mistakes_stay_500(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let url = DatabaseUrl::parse(&backend.new_database_url(dir.path())).unwrap();
    let mut conn = db::establish(&url).unwrap();
    db::migrate(&mut conn).unwrap();
    let status = |e: diesel::result::Error| AppError::from(e).status_code().as_u16();

    let mistake = diesel::sql_query("SELECT * FROM no_such_table")
        .execute(&mut conn)
        .unwrap_err();
    assert_eq!(status(mistake), 500, "a broken query is our fault");

    match backend {
        Backend::Sqlite => {
            let mut locker = db::establish(&url).unwrap();
            locker.batch_execute("BEGIN IMMEDIATE").unwrap();
            conn.batch_execute("PRAGMA busy_timeout = 50").unwrap();
            let locked = add_rate_event(&mut conn).unwrap_err();
            assert_eq!(status(locked), 503, "locked past the busy timeout");
            locker.batch_execute("ROLLBACK").unwrap();

            conn.batch_execute("PRAGMA query_only = ON").unwrap();
            let read_only = add_rate_event(&mut conn).unwrap_err();
            assert_eq!(status(read_only), 503, "a read-only database");
            conn.batch_execute("PRAGMA query_only = OFF").unwrap();

            // The file may not grow: as when the disk is full.
            conn.batch_execute("PRAGMA max_page_count = 1").unwrap();
            let full = (0..10_000)
                .find_map(|_| add_rate_event(&mut conn).err())
                .expect("the file fills up");
            assert_eq!(status(full), 503, "a full disk");
        }
        Backend::Postgres => {
            #[derive(QueryableByName)]
            struct Pid {
                #[diesel(sql_type = Integer)]
                pid: i32,
            }
            let pid = diesel::sql_query("SELECT pg_backend_pid() AS pid")
                .get_result::<Pid>(&mut conn)
                .unwrap()
                .pid;
            let mut admin = db::establish(&url).unwrap();
            diesel::sql_query(format!("SELECT pg_terminate_backend({pid})"))
                .execute(&mut admin)
                .unwrap();
            let lost = add_rate_event(&mut conn).unwrap_err();
            assert_eq!(status(lost), 503, "the connection was ended");

            admin
                .batch_execute("SET default_transaction_read_only = on")
                .unwrap();
            let read_only = add_rate_event(&mut admin).unwrap_err();
            assert_eq!(status(read_only), 503, "a read-only database");
        }
    }
}

fn add_rate_event(conn: &mut DbConn) -> QueryResult<()> {
    use clarion::db::schema::rate_events;
    db::write_transaction(conn, |conn| {
        diesel::insert_into(rate_events::table)
            .values((
                rate_events::id.eq(db::new_id()),
                rate_events::bucket.eq("test"),
                rate_events::key_hash.eq("x".repeat(64)),
                rate_events::created_at.eq(chrono::Utc::now().naive_utc()),
            ))
            .execute(conn)
            .map(drop)
    })
}

/// How a running instance's SQLite file goes away.
#[derive(Debug, Clone, Copy)]
enum Loss {
    /// `rm data/clarion.db*`
    Deleted,
    /// A copy moved over it, as a restore made while the instance runs.
    Replaced,
}

// SQLite only, so not `on_both_databases!`: a PostgreSQL database has no
// file that can be deleted from under the instance.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sqlite_file_deleted_or_replaced_while_serving_stops_its_writes() {
    for loss in [Loss::Deleted, Loss::Replaced] {
        let dir = tempfile::tempdir().unwrap();
        let database = dir.path().join("data").join("clarion.db");
        let mail = MailServer::start();
        let env = [
            (
                "CLARION_DATABASE_URL",
                database.to_string_lossy().into_owned(),
            ),
            ("CLARION_SMTP_URL", mail.url()),
        ];
        let server = Instance::start("lost", dir.path(), &env).await;
        let person = server.person();
        assert_eq!(submit(&person, "before@example.org").await.status(), 303);

        match loss {
            Loss::Deleted => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", database.display()));
                }
            }
            Loss::Replaced => {
                let copy = dir.path().join("copy.db");
                std::fs::copy(&database, &copy).unwrap();
                std::fs::rename(&copy, &database).unwrap();
            }
        }

        let refused = submit(&person, "after@example.org").await;
        assert_eq!(refused.status(), 503, "{loss:?}: a submission is refused");
        let page = refused.text().await.unwrap();
        assert!(page.contains("try again in a minute"), "{loss:?}: {page}");
        assert_eq!(person.page("/readyz").await.0, 503, "{loss:?}: not ready");
        let log = server.log();
        let named = format!("{} was deleted or replaced", database.display());
        assert!(
            log.lines()
                .any(|line| line.contains("ERROR") && line.contains(&named)),
            "{loss:?}: an error line says what happened:\n{log}"
        );
        match loss {
            Loss::Deleted => assert!(
                !database.exists(),
                "no empty database was created in place of the deleted one"
            ),
            Loss::Replaced => {
                let url = DatabaseUrl::parse(&database.to_string_lossy()).unwrap();
                let mut conn = db::establish(&url).unwrap();
                assert!(
                    !stored_contacts(&mut conn).contains(&"after@example.org".to_owned()),
                    "nothing was written to the file put in its place"
                );
            }
        }
        server.kill();
    }
}

#[test]
fn serve_creates_no_empty_database_in_place_of_a_missing_one() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(data.join("mail")).unwrap();
    std::fs::write(data.join("secret.key"), "5e".repeat(32)).unwrap();

    let mut serving = clarion_in(dir.path(), &data, &["serve"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("clarion runs");
    let deadline = Instant::now() + RECOVERY_BOUND;
    while serving.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            serving.kill().unwrap();
            serving.wait().unwrap();
            panic!("serve started on an empty database instead of refusing");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let serve = serving.wait_with_output().unwrap();
    assert!(!serve.status.success(), "{serve:?}");
    let stderr = String::from_utf8(serve.stderr).unwrap();
    let database = data.join("clarion.db");
    assert!(
        stderr.contains(&format!("{} is missing", database.display())),
        "the refusal names the file: {stderr}"
    );
    assert!(!database.exists(), "nothing was created");

    // Creating it is an operator's deliberate step.
    let migrate = clarion_in(dir.path(), &data, &["migrate"])
        .output()
        .expect("clarion runs");
    assert!(migrate.status.success(), "{migrate:?}");
    assert!(database.exists());
}

/// `clarion ARGS` run in `dir` with the data directory `data`.
fn clarion_in(dir: &Path, data: &Path, args: &[&str]) -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_clarion"));
    command.args(args).current_dir(dir);
    for (key, _) in std::env::vars().filter(|(k, _)| k.starts_with("CLARION_")) {
        command.env_remove(key);
    }
    command
        .env("CLARION_DATA_DIR", data)
        .env("CLARION_BIND", "127.0.0.1:0");
    command
}

/// The shared server serves the other tests; this one checks that the
/// helper for a test's own server stops and starts it for real.
#[test]
fn a_tests_own_postgresql_stops_and_starts_again() {
    let mut server = OwnServer::start();
    let url = server.url();
    assert_ne!(url, postgres::new_database_url());
    let mut conn = PgConnection::establish(&url).unwrap();
    conn.batch_execute("CREATE TABLE kept (n INTEGER)").unwrap();
    server.stop();
    assert!(PgConnection::establish(&url).is_err(), "stopped");
    assert!(conn.batch_execute("SELECT 1").is_err(), "sessions ended");
    server.start_again();
    let mut again = PgConnection::establish(&url).unwrap();
    again.batch_execute("SELECT n FROM kept").unwrap();
}
