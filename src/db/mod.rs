//! One binary, two databases: the connection enum, its pool, SQLite's
//! pragmas, the embedded migrations and a write-transaction helper.

pub mod backup;
pub mod reads;
pub mod schema;

use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Postgres(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}

pub type Pool = r2d2::Pool<ConnectionManager>;
pub type PooledConn = r2d2::PooledConnection<ConnectionManager>;

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// The database a URL names. The derived `establish` would try each backend
/// in turn and hide the real error, so the scheme decides here.
#[derive(Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    Postgres(String),
    Sqlite(String),
}

impl DatabaseUrl {
    pub fn parse(url: &str) -> Result<Self, String> {
        let url = url.trim();
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Self::Postgres(url.to_owned()))
        } else if let Some(path) = url.strip_prefix("sqlite://") {
            Self::sqlite_path(path)
        } else if let Some(path) = url.strip_prefix("sqlite:") {
            Self::sqlite_path(path)
        } else if url.contains("://") {
            Err(format!(
                "unsupported database URL scheme in {:?}: use postgres://… or a SQLite file path",
                redact_url(url)
            ))
        } else {
            Self::sqlite_path(url)
        }
    }

    fn sqlite_path(path: &str) -> Result<Self, String> {
        if path.is_empty() || path == ":memory:" {
            // Each pooled connection would get its own empty database.
            return Err("the SQLite database must be a file path, not empty or :memory:".into());
        }
        Ok(Self::Sqlite(path.to_owned()))
    }

    pub fn backend(&self) -> &'static str {
        match self {
            Self::Postgres(_) => "postgres",
            Self::Sqlite(_) => "sqlite",
        }
    }
}

impl std::fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Postgres(url) => write!(f, "Postgres({})", redact_url(url)),
            Self::Sqlite(path) => write!(f, "Sqlite({path})"),
        }
    }
}

/// A URL with its password replaced, for logs and error messages.
pub fn redact_url(url: &str) -> String {
    match password_span(url) {
        Some(span) => format!("{}[redacted]{}", &url[..span.start], &url[span.end..]),
        None => url.to_owned(),
    }
}

/// The URL without its password, and the password percent-decoded: a
/// child process gets the password in its environment, where other users
/// cannot read it, rather than on its command line, where they can.
pub fn take_password(url: &str) -> (String, Option<String>) {
    match password_span(url) {
        Some(span) => (
            format!("{}{}", &url[..span.start - 1], &url[span.end..]),
            Some(
                percent_encoding::percent_decode_str(&url[span])
                    .decode_utf8_lossy()
                    .into_owned(),
            ),
        ),
        None => (url.to_owned(), None),
    }
}

/// Where the password lies in `scheme://user:password@host/…`.
fn password_span(url: &str) -> Option<std::ops::Range<usize>> {
    let start = url.find("://")? + 3;
    let end = url[start..].find('/').map_or(url.len(), |i| start + i);
    let at = start + url[start..end].rfind('@')?;
    let colon = start + url[start..at].find(':')?;
    Some(colon + 1..at)
}

pub fn establish(url: &DatabaseUrl) -> ConnectionResult<DbConn> {
    match url {
        DatabaseUrl::Postgres(url) => diesel::PgConnection::establish(url).map(DbConn::Postgres),
        DatabaseUrl::Sqlite(path) => {
            let mut conn = diesel::SqliteConnection::establish(path)?;
            // busy_timeout first, so that even switching to WAL waits for a lock.
            // A small page cache per connection: any write empties the caches
            // of the other connections, and the operating system keeps the
            // file's pages anyway, so a large one costs memory for little.
            conn.batch_execute(
                "PRAGMA busy_timeout = 10000;
                 PRAGMA journal_mode = WAL;
                 PRAGMA synchronous = NORMAL;
                 PRAGMA foreign_keys = ON;
                 PRAGMA cache_size = -512;",
            )
            .map_err(ConnectionError::CouldntSetupConfiguration)?;
            Ok(DbConn::Sqlite(conn))
        }
    }
}

pub struct ConnectionManager {
    url: DatabaseUrl,
}

impl ManageConnection for ConnectionManager {
    type Connection = DbConn;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConn, r2d2::Error> {
        establish(&self.url).map_err(r2d2::Error::ConnectionError)
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), r2d2::Error> {
        conn.batch_execute("SELECT 1")
            .map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, _conn: &mut DbConn) -> bool {
        false
    }
}

pub fn pool(url: &DatabaseUrl, max_size: u32) -> Result<Pool, String> {
    if let DatabaseUrl::Sqlite(path) = url
        && let Some(parent) = std::path::Path::new(path).parent()
        && !parent.as_os_str().is_empty()
    {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create the directory {}: {e}", parent.display()))?;
    }
    r2d2::Pool::builder()
        .max_size(max_size)
        .connection_timeout(Duration::from_secs(10))
        .test_on_check_out(false)
        .build(ConnectionManager { url: url.clone() })
        .map_err(|e| format!("cannot connect to the database {url:?}: {e}"))
}

/// Applies every pending migration of this connection's backend.
pub fn migrate(conn: &mut DbConn) -> Result<Vec<String>, String> {
    let applied = match conn {
        DbConn::Postgres(c) => c.run_pending_migrations(POSTGRES_MIGRATIONS),
        DbConn::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS),
    }
    .map_err(|e| format!("migration failed: {e}"))?;
    Ok(applied.iter().map(ToString::to_string).collect())
}

/// Runs `f` while this connection holds a PostgreSQL advisory lock, so that
/// instances starting together on one database migrate and seed one after
/// the other instead of racing to create the same tables and rows. SQLite
/// serves one instance and needs none. The lock ends with the session if
/// the process dies.
pub fn with_startup_lock<T>(
    conn: &mut DbConn,
    f: impl FnOnce(&mut DbConn) -> Result<T, String>,
) -> Result<T, String> {
    if is_sqlite(conn) {
        return f(conn);
    }
    const KEY: i64 = 0x0063_6c61_7269_6f6e; // "clarion" in ASCII
    conn.batch_execute(&format!("SELECT pg_advisory_lock({KEY})"))
        .map_err(|e| format!("cannot take the startup lock: {e}"))?;
    let result = f(conn);
    // The connection returns to the pool, so the lock must not stay with it.
    let unlocked = conn
        .batch_execute(&format!("SELECT pg_advisory_unlock({KEY})"))
        .map_err(|e| format!("cannot release the startup lock: {e}"));
    result.and_then(|value| unlocked.map(|()| value))
}

/// Reverts the most recent migration (the `down.sql`), for `clarion migrate --revert`.
pub fn revert_last(conn: &mut DbConn) -> Result<String, String> {
    match conn {
        DbConn::Postgres(c) => c.revert_last_migration(POSTGRES_MIGRATIONS),
        DbConn::Sqlite(c) => c.revert_last_migration(SQLITE_MIGRATIONS),
    }
    .map(|v| v.to_string())
    .map_err(|e| format!("revert failed: {e}"))
}

pub fn is_sqlite(conn: &DbConn) -> bool {
    matches!(conn, DbConn::Sqlite(_))
}

/// Runs `f` in a transaction that holds the write lock from its first
/// statement. On SQLite a deferred transaction that reads and then writes can
/// fail with SQLITE_BUSY without waiting, so it begins IMMEDIATE; PostgreSQL
/// takes row locks as it goes and needs nothing special.
pub fn write_transaction<T, E, F>(conn: &mut DbConn, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConn) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    if !is_sqlite(conn) {
        return conn.transaction(f);
    }
    conn.batch_execute("BEGIN IMMEDIATE")?;
    match catch_unwind(AssertUnwindSafe(|| f(conn))) {
        Ok(Ok(value)) => match conn.batch_execute("COMMIT") {
            Ok(()) => Ok(value),
            Err(e) => {
                let _ = conn.batch_execute("ROLLBACK");
                Err(e.into())
            }
        },
        Ok(Err(e)) => {
            conn.batch_execute("ROLLBACK")?;
            Err(e)
        }
        Err(panic) => {
            let _ = conn.batch_execute("ROLLBACK");
            resume_unwind(panic)
        }
    }
}

/// Rows per multi-row INSERT: within both backends' limits on parameters
/// for the widest table inserted so.
pub const ROWS_PER_INSERT: usize = 1_000;

/// Inserts a slice of rows with as few statements as `ROWS_PER_INSERT`
/// allows. Diesel's MultiConnection cannot send a multi-row INSERT, so each
/// goes to the backend's own connection.
macro_rules! insert_rows {
    ($conn:expr, $table:expr, $rows:expr) => {{
        for chunk in $rows.chunks($crate::db::ROWS_PER_INSERT) {
            let insert = diesel::insert_into($table).values(chunk);
            match &mut *$conn {
                $crate::db::DbConn::Postgres(c) => insert.execute(c),
                $crate::db::DbConn::Sqlite(c) => insert.execute(c),
            }?;
        }
        diesel::QueryResult::Ok(())
    }};
}
pub(crate) use insert_rows;

/// A new time-ordered identifier, as text on both backends.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_leaves_the_url_decoded_and_is_redacted_in_place() {
        let url = "postgres://clarion:s%40cret:x@db.example:5432/clarion?sslmode=require";
        assert_eq!(
            take_password(url),
            (
                "postgres://clarion@db.example:5432/clarion?sslmode=require".to_owned(),
                Some("s@cret:x".to_owned())
            )
        );
        assert_eq!(
            redact_url(url),
            "postgres://clarion:[redacted]@db.example:5432/clarion?sslmode=require"
        );
        let without = "postgres://clarion@db/clarion";
        assert_eq!(take_password(without), (without.to_owned(), None));
        assert_eq!(redact_url(without), without);
    }
}
