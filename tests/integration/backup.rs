//! `clarion backup` and `clarion restore` (issue 18, item 6), as an
//! operator runs them: a backup taken while people keep submitting holds
//! every submission answered before it began, whole, and restores into a
//! new database that serves; a restore changes nothing unless the backup is
//! whole, of a schema this Clarion knows, and the database it replaces is
//! empty, or `--force`d and not in use.

use std::path::Path;
use std::process::Output;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use clarion::db::schema::{outbox, request_contacts, requests, users};
use clarion::db::{DatabaseUrl, DbConn};
use diesel::prelude::*;

use crate::on_both_databases;
use crate::support::app::Backend;
use crate::support::eventually::eventually;
use crate::support::journey::{form_token, submit_unless_cut_off};
use crate::support::operator::{clarion, sqlite_integrity};
use crate::support::server::Instance;
use crate::support::smtp::MailServer;

const CLIENTS: usize = 6;

on_both_databases!(
    a_backup_taken_under_load_restores_every_acknowledged_submission,
    a_restore_replaces_a_database_holding_data_only_when_forced,
    a_restore_refuses_a_database_a_running_server_uses,
    a_damaged_backup_is_refused_and_changes_nothing,
    a_backup_never_overwrites_a_file_unless_forced,
    an_older_backup_is_brought_up_to_date_and_a_newer_one_refused,
);

/// A data directory and its database, as one operator's installation.
struct Site {
    dir: tempfile::TempDir,
    url: String,
    backend: Backend,
}

impl Site {
    /// A new data directory with a new, empty database.
    fn new(backend: Backend) -> Site {
        let dir = tempfile::tempdir().unwrap();
        let url = match backend {
            // Where `clarion` puts it in `cli::clarion`'s data directory.
            Backend::Sqlite => dir.path().join("data/clarion.db").display().to_string(),
            Backend::Postgres => crate::support::postgres::new_database_url(),
        };
        Site { dir, url, backend }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Runs `clarion ARGS` on this site.
    fn clarion(&self, args: &[&str]) -> Output {
        clarion(self.path(), args, &[("CLARION_DATABASE_URL", &self.url)])
    }

    /// A site with the demo: published clarifications, accounts, requests.
    fn with_demo(backend: Backend) -> Site {
        let site = Site::new(backend);
        succeeded(site.clarion(&["seed", "--demo"]));
        site
    }

    fn conn(&self) -> DbConn {
        clarion::db::establish(&DatabaseUrl::parse(&self.url).unwrap()).unwrap()
    }

    /// How many tables the database has; a SQLite file not created counts none.
    fn tables(&self) -> i64 {
        #[derive(QueryableByName)]
        struct Count {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        let sql = match self.backend {
            Backend::Sqlite if !Path::new(&self.url).exists() => return 0,
            Backend::Sqlite => "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'",
            Backend::Postgres => {
                "SELECT count(*) AS n FROM pg_tables \
                 WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
            }
        };
        diesel::sql_query(sql)
            .get_result::<Count>(&mut self.conn())
            .unwrap()
            .n
    }

    fn accounts(&self) -> Vec<String> {
        users::table
            .select(users::email)
            .order(users::email)
            .load(&mut self.conn())
            .unwrap()
    }

    /// Runs `clarion serve` on this site.
    async fn serve(&self, name: &str, mail: &MailServer) -> Instance {
        Instance::start(
            name,
            self.path(),
            &[
                ("CLARION_DATABASE_URL", self.url.clone()),
                ("CLARION_SMTP_URL", mail.url()),
            ],
        )
        .await
    }
}

/// The standard output of a command that must succeed.
fn succeeded(output: Output) -> String {
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// The one-line complaint of a command that must be refused.
fn refused(output: Output) -> String {
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    stderr
}

/// The line of a backup or restore report that says what the database
/// holds: its schema version and counts.
fn holdings(report: &str) -> &str {
    report
        .lines()
        .last()
        .filter(|line| line.starts_with("schema version "))
        .unwrap_or_else(|| panic!("a report ends with what it holds: {report}"))
}

fn file_in(dir: &Path, name: &str) -> String {
    dir.join(name).display().to_string()
}

/// The names in a directory, hidden ones included.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

async fn a_backup_taken_under_load_restores_every_acknowledged_submission(backend: Backend) {
    let source = Site::with_demo(backend);
    let mail = MailServer::start();
    let server = source.serve("source", &mail).await;

    let acknowledged: Arc<Mutex<Vec<String>>> = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let mut clients = Vec::new();
    for client in 0..CLIENTS {
        let person = server.person();
        let token = form_token(&person).await;
        let (acknowledged, stop) = (acknowledged.clone(), stop.clone());
        clients.push(tokio::spawn(async move {
            for n in 0.. {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                let email = format!("backup-{client}-{n}@example.org");
                assert!(
                    submit_unless_cut_off(&person, &token, &email).await,
                    "the server answers while a backup is taken"
                );
                acknowledged.lock().unwrap().push(email);
            }
        }));
    }
    let answered = || acknowledged.lock().unwrap().len();
    wait_for("submissions before the backup", || answered() >= 50).await;

    let before: Vec<String> = acknowledged.lock().unwrap().clone();
    let file = file_in(source.path(), "under-load.backup");
    let backup = {
        let (dir, url, file) = (source.path().to_owned(), source.url.clone(), file.clone());
        tokio::task::spawn_blocking(move || {
            clarion(&dir, &["backup", &file], &[("CLARION_DATABASE_URL", &url)])
        })
        .await
        .unwrap()
    };
    let during = answered() - before.len();
    let after_backup = answered();
    wait_for("submissions after the backup", || {
        answered() >= after_backup + 20
    })
    .await;
    stop.store(true, Ordering::Relaxed);
    for client in clients {
        client.await.expect("a client kept submitting");
    }
    drop(server);
    let backup = succeeded(backup);
    eprintln!(
        "{backend:?}: {} submissions answered before the backup, {during} while it ran\n{backup}",
        before.len()
    );
    assert!(backup.starts_with("backed up the "), "{backup}");
    let mode =
        std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&file).unwrap().permissions());
    assert_eq!(mode & 0o077, 0, "a backup is readable by its owner only");

    let restored = Site::new(backend);
    let restore = succeeded(restored.clarion(&["restore", &file]));
    assert!(restore.starts_with("restored "), "{restore}");
    assert_eq!(
        holdings(&restore),
        holdings(&backup),
        "the restored database holds what the backup reported"
    );
    if backend == Backend::Sqlite {
        assert_eq!(sqlite_integrity(&restored.url), ["ok"]);
    }

    let mut conn = restored.conn();
    let stored: Vec<(String, String)> = requests::table
        .inner_join(request_contacts::table)
        .filter(request_contacts::email.like("backup-%"))
        .select((requests::id, request_contacts::email))
        .load(&mut conn)
        .unwrap();
    for email in &before {
        let copies = stored.iter().filter(|(_, e)| e == email).count();
        assert_eq!(copies, 1, "{email} was answered before the backup began");
    }
    // The backup is one moment of the database: each submission it holds
    // has the confirmation mail written in the same transaction, and no
    // mail is there without its submission.
    let confirmations: Vec<String> = outbox::table
        .filter(outbox::message_id.like("submit-%"))
        .select(outbox::message_id)
        .load(&mut conn)
        .unwrap();
    for (id, email) in &stored {
        let mails = confirmations
            .iter()
            .filter(|m| m.starts_with(&format!("submit-{id}.")))
            .count();
        assert_eq!(mails, 1, "{email}: its confirmation mail is in the backup");
    }
    assert_eq!(
        confirmations.len(),
        stored.len(),
        "no mail without its submission"
    );

    let reference: String = requests::table
        .filter(requests::state.eq("published"))
        .select(requests::reference.assume_not_null())
        .first(&mut conn)
        .unwrap();
    let server = restored.serve("restored", &mail).await;
    let person = server.person();
    let (status, page) = person.page(&format!("/clarifications/{reference}")).await;
    assert_eq!(status, 200, "a published clarification is served");
    assert!(page.contains(&reference));
    let token = form_token(&person).await;
    assert!(
        submit_unless_cut_off(&person, &token, "after-the-restore@example.org").await,
        "the restored database takes new submissions"
    );
}

async fn a_restore_replaces_a_database_holding_data_only_when_forced(backend: Backend) {
    let site = Site::with_demo(backend);
    let file = file_in(site.path(), "demo.backup");
    let backup = succeeded(site.clarion(&["backup", &file]));
    succeeded(site.clarion(&[
        "user",
        "invite",
        "--email",
        "late.comer@example.org",
        "--name",
        "Late Comer",
    ]));
    let accounts = site.accounts();
    assert!(accounts.contains(&"late.comer@example.org".to_owned()));

    let refusal = refused(site.clarion(&["restore", &file]));
    assert!(
        refusal.contains("is not empty") && refusal.contains("--force"),
        "{refusal}"
    );
    assert_eq!(site.accounts(), accounts, "nothing changed");

    let restore = succeeded(site.clarion(&["restore", "--force", &file]));
    assert_eq!(holdings(&restore), holdings(&backup));
    assert!(
        !site
            .accounts()
            .contains(&"late.comer@example.org".to_owned()),
        "the database is the backup's again"
    );
    let invitations: i64 = outbox::table.count().get_result(&mut site.conn()).unwrap();
    assert_eq!(invitations, 0, "the invitation came after the backup");
}

async fn a_restore_refuses_a_database_a_running_server_uses(backend: Backend) {
    let site = Site::with_demo(backend);
    let mail = MailServer::start();
    let server = site.serve("running", &mail).await;
    let file = file_in(site.path(), "running.backup");
    succeeded(site.clarion(&["backup", &file]));

    let refusal = refused(site.clarion(&["restore", "--force", &file]));
    assert!(
        refusal.contains("is in use") && refusal.contains("stop `clarion serve`"),
        "{refusal}"
    );
    let (status, _) = server.person().page("/readyz").await;
    assert_eq!(status, 200, "the server goes on serving");
}

async fn a_damaged_backup_is_refused_and_changes_nothing(backend: Backend) {
    let source = Site::with_demo(backend);
    let file = file_in(source.path(), "whole.backup");
    let backup = succeeded(source.clarion(&["backup", &file]));
    let whole = std::fs::read(&file).unwrap();
    let truncated = file_in(source.path(), "truncated.backup");
    std::fs::write(&truncated, &whole[..whole.len() / 2]).unwrap();

    let target = Site::new(backend);
    let refusal = refused(target.clarion(&["restore", &truncated]));
    assert!(
        refusal.contains("truncated.backup is damaged or incomplete")
            && refusal.contains("nothing was restored"),
        "{refusal}"
    );
    assert_eq!(target.tables(), 0, "the new database stays empty");
    if backend == Backend::Sqlite {
        let data = target.path().join("data");
        assert_eq!(names_in(&data), ["secret.key"], "no file left behind");
    }

    let accounts = source.accounts();
    refused(source.clarion(&["restore", "--force", &truncated]));
    assert_eq!(source.accounts(), accounts, "the database is as it was");
    let restore = succeeded(source.clarion(&["restore", "--force", &file]));
    assert_eq!(
        holdings(&restore),
        holdings(&backup),
        "the whole one restores"
    );
}

async fn a_backup_never_overwrites_a_file_unless_forced(backend: Backend) {
    let site = Site::with_demo(backend);
    let dir = site.path().join("backups");
    std::fs::create_dir(&dir).unwrap();
    let file = file_in(&dir, "monday.backup");
    std::fs::write(&file, "last Monday's backup").unwrap();

    let refusal = refused(site.clarion(&["backup", &file]));
    assert!(
        refusal.contains("monday.backup already exists") && refusal.contains("--force"),
        "{refusal}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "last Monday's backup"
    );
    assert_eq!(names_in(&dir), ["monday.backup"], "no partial file left");

    succeeded(site.clarion(&["backup", "--force", &file]));
    let magic: &[u8] = match backend {
        Backend::Sqlite => b"SQLite format 3\0",
        Backend::Postgres => b"PGDMP",
    };
    assert!(std::fs::read(&file).unwrap().starts_with(magic));
    assert_eq!(names_in(&dir), ["monday.backup"]);
}

async fn an_older_backup_is_brought_up_to_date_and_a_newer_one_refused(backend: Backend) {
    let site = Site::new(backend);
    succeeded(site.clarion(&["migrate"]));
    let reverted = succeeded(site.clarion(&["migrate", "--revert"]));
    let latest = reverted
        .trim()
        .strip_prefix("reverted migration ")
        .unwrap_or_else(|| panic!("{reverted}"))
        .to_owned();
    let older = file_in(site.path(), "older.backup");
    let backup = succeeded(site.clarion(&["backup", &older]));
    assert!(!holdings(&backup).contains(&latest), "{backup}");

    let target = Site::new(backend);
    let restore = succeeded(target.clarion(&["restore", &older]));
    assert!(
        restore.contains(&format!("applied migration {latest}")),
        "{restore}"
    );
    assert!(
        holdings(&restore).starts_with(&format!("schema version {latest}:")),
        "{restore}"
    );

    succeeded(site.clarion(&["migrate"]));
    diesel::sql_query("INSERT INTO __diesel_schema_migrations (version) VALUES ('29991231000001')")
        .execute(&mut site.conn())
        .unwrap();
    let newer = file_in(site.path(), "newer.backup");
    succeeded(site.clarion(&["backup", &newer]));
    let target = Site::new(backend);
    let refusal = refused(target.clarion(&["restore", &newer]));
    assert!(
        refusal.contains("was taken by a newer Clarion") && refusal.contains("29991231000001"),
        "{refusal}"
    );
    assert_eq!(target.tables(), 0, "nothing was restored");
}

/// Polls `done` until it holds, failing after a generous bound.
async fn wait_for(what: &str, done: impl Fn() -> bool) {
    eventually(Duration::from_secs(60), || async {
        done().then_some(()).ok_or(format!("no {what}"))
    })
    .await
}
