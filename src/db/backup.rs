//! `clarion backup` and `clarion restore`.
//!
//! A backup is one file, taken while the server runs: on SQLite a
//! consistent copy made by `VACUUM INTO`, on PostgreSQL `pg_dump`'s custom
//! format. It is written under a temporary name beside its final one and
//! renamed once complete and on disk, so a file bearing the final name is
//! always whole; and it is readable by its owner only, as it holds
//! personal data.
//!
//! A restore checks the whole backup and its schema version before it
//! changes anything, and replaces a database holding data only when told
//! to. On SQLite the restored file is prepared beside the database and
//! renamed over it; on PostgreSQL `pg_restore` runs in one transaction. A
//! backup from an older schema is brought up to date; one from a newer
//! schema is refused.

use std::ffi::{OsStr, OsString};
use std::fmt;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use diesel::backend::Backend;
use diesel::connection::SimpleConnection;
use diesel::migration::MigrationSource;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use tempfile::NamedTempFile;

use super::schema::{outbox, requests, users};
use super::{DatabaseUrl, DbConn, redact_url};
use crate::domain::lifecycle::State;

/// What a database holds, as the backup and restore reports show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contents {
    /// The latest migration applied.
    pub schema_version: String,
    pub requests: i64,
    pub published: i64,
    pub accounts: i64,
    pub outbox: i64,
}

impl fmt::Display for Contents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "schema version {}: {} requests ({} published clarifications), {} accounts, {} outbox messages",
            self.schema_version, self.requests, self.published, self.accounts, self.outbox
        )
    }
}

pub struct BackupReport {
    pub database: String,
    pub file: PathBuf,
    pub bytes: u64,
    pub contents: Contents,
}

impl fmt::Display for BackupReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "backed up the {} to {} ({:.1} MB)",
            self.database,
            self.file.display(),
            self.bytes as f64 / 1e6
        )?;
        write!(f, "{}", self.contents)
    }
}

pub struct RestoreReport {
    pub database: String,
    pub file: PathBuf,
    /// The schema version the backup was taken at.
    pub backup_version: String,
    /// Migrations applied after restoring a backup of an older schema.
    pub migrated: Vec<String>,
    pub contents: Contents,
}

impl fmt::Display for RestoreReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "restored {} into the {}",
            self.file.display(),
            self.database
        )?;
        if !self.migrated.is_empty() {
            writeln!(
                f,
                "the backup had schema version {}, older than this Clarion's",
                self.backup_version
            )?;
            for version in &self.migrated {
                writeln!(f, "applied migration {version}")?;
            }
        }
        write!(f, "{}", self.contents)
    }
}

/// `clarion backup FILE`: refuses an existing FILE unless `replace`.
pub fn backup(url: &DatabaseUrl, file: &Path, replace: bool) -> Result<BackupReport, String> {
    if !replace && file.exists() {
        return Err(already_exists(file));
    }
    let partial = beside(file, "partial")?;
    let contents = match url {
        DatabaseUrl::Sqlite(path) => sqlite::backup(Path::new(path), file, partial.path())?,
        DatabaseUrl::Postgres(url) => postgres::backup(url, partial.path())?,
    };
    let bytes = partial
        .as_file()
        .metadata()
        .map_err(|e| format!("cannot read {}: {e}", partial.path().display()))?
        .len();
    install(partial, file, replace)?;
    Ok(BackupReport {
        database: describe(url),
        file: file.to_owned(),
        bytes,
        contents,
    })
}

/// `clarion restore FILE`: refuses a database holding data unless
/// `replace`.
pub fn restore(url: &DatabaseUrl, file: &Path, replace: bool) -> Result<RestoreReport, String> {
    let restored = match (url, Kind::of(file)?) {
        (DatabaseUrl::Sqlite(path), Kind::Sqlite) => {
            sqlite::restore(url, Path::new(path), file, replace)?
        }
        (DatabaseUrl::Postgres(postgres_url), Kind::PgDump) => {
            postgres::restore(url, postgres_url, file, replace)?
        }
        (_, kind) => {
            return Err(format!(
                "{} is a backup of a {} database, but Clarion is configured for the {}: \
                 a backup restores into the kind of database it was taken from",
                file.display(),
                kind.name(),
                describe(url)
            ));
        }
    };
    Ok(RestoreReport {
        database: describe(url),
        file: file.to_owned(),
        backup_version: restored.backup_version,
        migrated: restored.migrated,
        contents: restored.contents,
    })
}

/// What a backend's restore did.
struct Restored {
    backup_version: String,
    migrated: Vec<String>,
    contents: Contents,
}

/// The kind of backup a file holds, from its first bytes.
#[derive(Clone, Copy)]
enum Kind {
    Sqlite,
    PgDump,
}

impl Kind {
    fn of(file: &Path) -> Result<Kind, String> {
        let mut start = Vec::with_capacity(16);
        File::open(file)
            .and_then(|f| f.take(16).read_to_end(&mut start))
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        if start.starts_with(b"SQLite format 3\0") {
            Ok(Kind::Sqlite)
        } else if start.starts_with(b"PGDMP") {
            Ok(Kind::PgDump)
        } else {
            Err(format!(
                "{} is not a Clarion backup: it is neither a SQLite database nor a pg_dump archive",
                file.display()
            ))
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Sqlite => "SQLite",
            Kind::PgDump => "PostgreSQL",
        }
    }
}

fn describe(url: &DatabaseUrl) -> String {
    match url {
        DatabaseUrl::Sqlite(path) => format!("SQLite database {path}"),
        DatabaseUrl::Postgres(url) => format!("PostgreSQL database {}", redact_url(url)),
    }
}

fn already_exists(file: &Path) -> String {
    format!(
        "{} already exists; choose another name, or add --force to replace it",
        file.display()
    )
}

fn not_empty(database: &str, contents: Option<Contents>) -> String {
    let holding = contents.map_or_else(|| "it has tables".to_owned(), |c| c.to_string());
    format!(
        "the {database} is not empty ({holding}); a restore replaces all of it: \
         stop the server, then run again with --force"
    )
}

fn in_use(database: &str) -> String {
    format!(
        "the {database} is in use: stop `clarion serve` and anything else using it, then run again"
    )
}

fn damaged(file: &Path, detail: impl fmt::Display) -> String {
    format!(
        "{} is damaged or incomplete ({detail}); nothing was restored",
        file.display()
    )
}

/// An empty file with a hidden, temporary name beside `target`, removed
/// unless [`install`]ed.
fn beside(target: &Path, purpose: &str) -> Result<NamedTempFile, String> {
    let name = target
        .file_name()
        .ok_or_else(|| format!("{} names no file", target.display()))?;
    let dir = directory_of(target);
    let mut prefix = OsString::from(".");
    prefix.push(name);
    prefix.push(format!(".{purpose}-"));
    tempfile::Builder::new()
        .prefix(&prefix)
        .tempfile_in(dir)
        .map_err(|e| format!("cannot write in {}: {e}", dir.display()))
}

fn directory_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Puts a complete file in place under its final name: on disk first, then
/// renamed, then the rename itself on disk.
fn install(file: NamedTempFile, target: &Path, replace: bool) -> Result<(), String> {
    file.as_file()
        .sync_all()
        .map_err(|e| format!("cannot write {}: {e}", file.path().display()))?;
    let installed = if replace {
        file.persist(target)
    } else {
        file.persist_noclobber(target)
    };
    installed.map_err(|e| match e.error.kind() {
        std::io::ErrorKind::AlreadyExists => already_exists(target),
        _ => format!("cannot write {}: {}", target.display(), e.error),
    })?;
    File::open(directory_of(target))
        .and_then(|dir| dir.sync_all())
        .map_err(|e| format!("cannot write {}: {e}", target.display()))
}

/// Refuses a backup of a schema newer than this binary's (it would have
/// tables and columns this binary does not know); returns its version.
fn check_versions(file: &Path, in_backup: &[String], known: &[String]) -> Result<String, String> {
    let newest_known = known.last().cloned().unwrap_or_default();
    if let Some(unknown) = in_backup.iter().rev().find(|v| !known.contains(v)) {
        return Err(format!(
            "{} was taken by a newer Clarion: its schema version {unknown} is unknown to this \
             one, which knows up to {newest_known}; restore it with the newer Clarion",
            file.display()
        ));
    }
    in_backup.last().cloned().ok_or_else(|| {
        format!(
            "{} is not a Clarion backup: it records no migrations",
            file.display()
        )
    })
}

/// The versions of the migrations embedded in this binary, oldest first.
fn embedded_versions<DB: Backend>(
    source: &impl MigrationSource<DB>,
) -> Result<Vec<String>, String> {
    let mut versions: Vec<String> = source
        .migrations()
        .map_err(|e| format!("cannot read the embedded migrations: {e}"))?
        .iter()
        .map(|m| m.name().version().to_string())
        .collect();
    versions.sort();
    Ok(versions)
}

#[derive(QueryableByName)]
struct Applied {
    #[diesel(sql_type = Text)]
    version: String,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// The migrations applied to a database, oldest first. Read with a plain
/// query: diesel's own would first create the table if missing, which a
/// read-only transaction refuses.
fn applied_versions(conn: &mut DbConn) -> QueryResult<Vec<String>> {
    Ok(
        diesel::sql_query("SELECT version FROM __diesel_schema_migrations ORDER BY version")
            .load::<Applied>(conn)?
            .into_iter()
            .map(|applied| applied.version)
            .collect(),
    )
}

fn contents(conn: &mut DbConn) -> QueryResult<Contents> {
    Ok(Contents {
        schema_version: applied_versions(conn)?.pop().unwrap_or_default(),
        requests: requests::table.count().get_result(conn)?,
        published: requests::table
            .filter(requests::state.eq(State::Published.as_str()))
            .count()
            .get_result(conn)?,
        accounts: users::table.count().get_result(conn)?,
        outbox: outbox::table.count().get_result(conn)?,
    })
}

mod sqlite {
    use super::*;

    /// A connection to a SQLite file that leaves its journal mode alone.
    fn open(path: &Path) -> Result<diesel::SqliteConnection, String> {
        let name = path
            .to_str()
            .ok_or_else(|| format!("{} is not a UTF-8 path", path.display()))?;
        let mut conn = diesel::SqliteConnection::establish(name)
            .map_err(|e| format!("cannot open {name}: {e}"))?;
        conn.batch_execute("PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON;")
            .map_err(|e| format!("cannot open {name}: {e}"))?;
        Ok(conn)
    }

    pub(super) fn backup(source: &Path, file: &Path, partial: &Path) -> Result<Contents, String> {
        if !source.is_file() {
            return Err(format!("there is no database at {}", source.display()));
        }
        let same = std::fs::canonicalize(file)
            .and_then(|file| Ok(file == std::fs::canonicalize(source)?))
            .unwrap_or(false);
        if same {
            return Err(format!(
                "{} is the database itself; write the backup elsewhere",
                file.display()
            ));
        }
        let mut conn = open(source)?;
        // One read transaction: a snapshot that writers, in WAL mode, do not wait for.
        diesel::sql_query("VACUUM INTO ?")
            .bind::<Text, _>(partial.to_string_lossy())
            .execute(&mut conn)
            .map_err(|e| format!("cannot copy {}: {e}", source.display()))?;
        drop(conn);
        let mut copy = DbConn::Sqlite(open(partial)?);
        contents(&mut copy)
            .map_err(|e| format!("{} is not a Clarion database: {e}", source.display()))
    }

    pub(super) fn restore(
        url: &DatabaseUrl,
        target: &Path,
        file: &Path,
        replace: bool,
    ) -> Result<Restored, String> {
        let database = describe(url);
        let exists = target.exists();
        if exists {
            let mut conn = DbConn::Sqlite(open(target)?);
            let tables =
                diesel::sql_query("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'")
                    .get_result::<Count>(&mut conn)
                    .map_err(|e| format!("cannot read the {database}: {e}"))?
                    .n;
            if tables > 0 && !replace {
                return Err(not_empty(&database, contents(&mut conn).ok()));
            }
        } else if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }

        // The restore is prepared on a copy beside the database; the
        // backup itself is never opened for writing.
        let mut copy = beside(target, "restore")?;
        File::open(file)
            .and_then(|mut backup| std::io::copy(&mut backup, copy.as_file_mut()))
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let restored = prepare(copy.path(), file)?;

        if exists {
            take_over(target, &database)?;
            // The database keeps the permissions its owner gave it.
            std::fs::metadata(target)
                .and_then(|m| std::fs::set_permissions(copy.path(), m.permissions()))
                .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
        }
        install(copy, target, exists)?;
        Ok(restored)
    }

    /// Checks the copy of a backup whole, brings its schema up to date and
    /// counts what it holds.
    fn prepare(copy: &Path, file: &Path) -> Result<Restored, String> {
        let mut conn = open(copy)?;
        // A single file: the copy is renamed into place, and a WAL beside it
        // would be left behind.
        conn.batch_execute("PRAGMA journal_mode = DELETE")
            .map_err(|e| damaged(file, e))?;
        let problems: Vec<String> = diesel::sql_query("PRAGMA integrity_check")
            .load::<IntegrityCheck>(&mut conn)
            .map_err(|e| damaged(file, e))?
            .into_iter()
            .map(|row| row.integrity_check)
            .collect();
        if problems != ["ok"] {
            return Err(damaged(file, problems.join("; ")));
        }
        let mut conn = DbConn::Sqlite(conn);
        let in_backup = applied_versions(&mut conn).map_err(|e| {
            format!(
                "{} is not a Clarion backup: no migration table ({e})",
                file.display()
            )
        })?;
        let known = embedded_versions::<diesel::sqlite::Sqlite>(&super::super::SQLITE_MIGRATIONS)?;
        let backup_version = check_versions(file, &in_backup, &known)?;
        let migrated = super::super::migrate(&mut conn)?;
        let contents = contents(&mut conn)
            .map_err(|e| format!("{} is not a Clarion backup: {e}", file.display()))?;
        Ok(Restored {
            backup_version,
            migrated,
            contents,
        })
    }

    /// Makes sure nothing else has the database open, and leaves it one
    /// file: leaving WAL mode needs every other connection closed, and
    /// folds the WAL into the file, so no WAL of the old database remains
    /// to be applied to the new one.
    fn take_over(target: &Path, database: &str) -> Result<(), String> {
        let mut conn = open(target)?;
        conn.batch_execute("PRAGMA busy_timeout = 1000")
            .map_err(|e| format!("cannot open the {database}: {e}"))?;
        let mode = diesel::sql_query("PRAGMA journal_mode = DELETE")
            .get_result::<JournalMode>(&mut conn)
            .map_err(|_| in_use(database))?;
        if mode.journal_mode != "delete" {
            return Err(in_use(database));
        }
        Ok(())
    }

    #[derive(QueryableByName)]
    struct IntegrityCheck {
        #[diesel(sql_type = Text)]
        integrity_check: String,
    }

    #[derive(QueryableByName)]
    struct JournalMode {
        #[diesel(sql_type = Text)]
        journal_mode: String,
    }
}

mod postgres {
    use std::process::Command;

    use super::*;

    const CLIENT_ROOT: &str = "/usr/lib/postgresql";

    fn connect(url: &DatabaseUrl) -> Result<DbConn, String> {
        super::super::establish(url)
            .map_err(|e| format!("cannot connect to the {}: {e}", describe(url)))
    }

    pub(super) fn backup(url: &str, partial: &Path) -> Result<Contents, String> {
        let pg_dump = client("pg_dump")?;
        let database = DatabaseUrl::Postgres(url.to_owned());
        let mut conn = connect(&database)?;
        let failed =
            |e: diesel::result::Error| format!("cannot read the {}: {e}", describe(&database));
        // pg_dump reads in the snapshot of this transaction, which stays
        // open until it is done: the counts are those of the backup.
        conn.batch_execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            .map_err(failed)?;
        let snapshot = diesel::sql_query("SELECT pg_export_snapshot() AS id")
            .get_result::<Snapshot>(&mut conn)
            .map_err(failed)?;
        let contents = contents(&mut conn)
            .map_err(|e| format!("the {} is not a Clarion database: {e}", describe(&database)))?;
        run(
            &pg_dump,
            Some(url),
            &[
                OsStr::new("--format=custom"),
                OsStr::new("--snapshot"),
                OsStr::new(&snapshot.id),
                OsStr::new("--file"),
                partial.as_os_str(),
            ],
        )?;
        conn.batch_execute("COMMIT").map_err(failed)?;
        Ok(contents)
    }

    pub(super) fn restore(
        database: &DatabaseUrl,
        url: &str,
        file: &Path,
        replace: bool,
    ) -> Result<Restored, String> {
        let pg_restore = client("pg_restore")?;
        let name = describe(database);
        let mut conn = connect(database)?;
        let failed = |e: diesel::result::Error| format!("cannot read the {name}: {e}");
        let tables = diesel::sql_query(
            "SELECT count(*) AS n FROM pg_catalog.pg_tables \
             WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
        )
        .get_result::<Count>(&mut conn)
        .map_err(failed)?
        .n;
        if tables > 0 && !replace {
            return Err(not_empty(&name, contents(&mut conn).ok()));
        }
        let others = diesel::sql_query(
            "SELECT count(*) AS n FROM pg_catalog.pg_stat_activity \
             WHERE datname = current_database() AND pid <> pg_backend_pid() \
             AND backend_type = 'client backend'",
        )
        .get_result::<Count>(&mut conn)
        .map_err(failed)?
        .n;
        if others > 0 {
            return Err(in_use(&name));
        }

        // Reading the whole archive finds a damaged or truncated one before
        // anything changes.
        run(
            &pg_restore,
            None,
            &[OsStr::new("--file=/dev/null"), file.as_os_str()],
        )
        .map_err(|e| damaged(file, e))?;
        let in_backup = migrations_in(&pg_restore, file)?;
        let known = embedded_versions::<diesel::pg::Pg>(&super::super::POSTGRES_MIGRATIONS)?;
        let backup_version = check_versions(file, &in_backup, &known)?;

        let mut args = vec![
            OsStr::new("--no-owner"),
            OsStr::new("--no-privileges"),
            OsStr::new("--single-transaction"),
            OsStr::new("--exit-on-error"),
        ];
        if tables > 0 {
            args.extend([OsStr::new("--clean"), OsStr::new("--if-exists")]);
        }
        args.push(file.as_os_str());
        run(&pg_restore, Some(url), &args).map_err(|e| {
            format!("{e}; the restore ran in one transaction, so the {name} is as it was")
        })?;

        // pg_restore leaves the planner without statistics.
        conn.batch_execute("ANALYZE").map_err(failed)?;
        let migrated = super::super::migrate(&mut conn)?;
        let contents = contents(&mut conn).map_err(failed)?;
        Ok(Restored {
            backup_version,
            migrated,
            contents,
        })
    }

    /// The migrations recorded in an archive, read from its copy of
    /// diesel's table without restoring anything.
    fn migrations_in(pg_restore: &Path, file: &Path) -> Result<Vec<String>, String> {
        let script = run(
            pg_restore,
            None,
            &[
                OsStr::new("--data-only"),
                OsStr::new("--table=__diesel_schema_migrations"),
                OsStr::new("--file=-"),
                file.as_os_str(),
            ],
        )
        .map_err(|e| damaged(file, e))?;
        let script = String::from_utf8_lossy(&script);
        let mut versions: Vec<String> = script
            .lines()
            .skip_while(|line| !line.starts_with("COPY "))
            .skip(1)
            .take_while(|line| *line != "\\.")
            .filter_map(|row| row.split('\t').next())
            .map(str::to_owned)
            .collect();
        versions.sort();
        Ok(versions)
    }

    /// Runs a PostgreSQL client program, connected to `url` if given and
    /// never prompting for a password; its output, or its complaint.
    fn run(program: &Path, url: Option<&str>, args: &[&OsStr]) -> Result<Vec<u8>, String> {
        let mut command = Command::new(program);
        command.arg("--no-password");
        if let Some(url) = url {
            let (url, password) = super::super::take_password(url);
            command.arg(format!("--dbname={url}"));
            if let Some(password) = password {
                command.env("PGPASSWORD", password);
            }
        }
        let output = command
            .args(args)
            .output()
            .map_err(|e| format!("cannot run {}: {e}", program.display()))?;
        if !output.status.success() {
            return Err(format!(
                "{} failed: {}",
                program.display(),
                String::from_utf8_lossy(&output.stderr).trim()
            ));
        }
        Ok(output.stdout)
    }

    /// A PostgreSQL client program: on the PATH, else from the newest
    /// version installed under /usr/lib/postgresql.
    fn client(name: &str) -> Result<PathBuf, String> {
        let on_path = std::env::var_os("PATH")
            .map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
            .unwrap_or_default()
            .into_iter()
            .map(|dir| dir.join(name))
            .find(|program| program.is_file());
        let installed = || {
            std::fs::read_dir(CLIENT_ROOT)
                .into_iter()
                .flatten()
                .flatten()
                .filter_map(|entry| {
                    let version: Vec<u32> = entry
                        .file_name()
                        .to_str()?
                        .split('.')
                        .map(|part| part.parse().ok())
                        .collect::<Option<_>>()?;
                    let program = entry.path().join("bin").join(name);
                    program.is_file().then_some((version, program))
                })
                .max()
                .map(|(_, program)| program)
        };
        on_path.or_else(installed).ok_or_else(|| {
            format!(
                "{name} is needed for a PostgreSQL database but was found neither on the PATH \
                 nor under {CLIENT_ROOT}/*/bin: install the PostgreSQL client of the server's \
                 version or newer (Debian: apt-get install postgresql-client)"
            )
        })
    }

    #[derive(QueryableByName)]
    struct Snapshot {
        #[diesel(sql_type = Text)]
        id: String,
    }
}
