//! One binary, two databases: the connection enum, its pool, SQLite's
//! pragmas, the embedded migrations and a write-transaction helper.

pub mod backup;
pub mod health;
pub mod reads;
pub mod schema;
pub mod sql;

use std::os::unix::fs::MetadataExt;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::Arc;
use std::time::Duration;

use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection, R2D2Connection};
use diesel::result::{DatabaseErrorKind, Error};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

pub use health::{Health, is_unavailable};

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

/// How long a request waits for the database (a pooled connection, a new
/// one, SQLite's write lock) unless `CLARION_DB_TIMEOUT_MS` says otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(5);

/// Opens a connection, for commands and tests; a missing SQLite file is
/// created, with its directory.
pub fn establish(url: &DatabaseUrl) -> ConnectionResult<DbConn> {
    if let DatabaseUrl::Sqlite(path) = url
        && let Some(parent) = std::path::Path::new(path).parent()
        && !parent.as_os_str().is_empty()
    {
        std::fs::create_dir_all(parent).map_err(|e| {
            ConnectionError::BadConnection(format!(
                "cannot create the directory {}: {e}",
                parent.display()
            ))
        })?;
    }
    open(url, DEFAULT_TIMEOUT, None, 0)
}

/// Which file a SQLite path named: after a deletion or a replacement the
/// same path names another file, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileId {
    device: u64,
    inode: u64,
}

impl FileId {
    fn of(path: &str) -> Option<Self> {
        let metadata = std::fs::metadata(path).ok()?;
        Some(Self {
            device: metadata.dev(),
            inode: metadata.ino(),
        })
    }
}

#[diesel::declare_sql_function]
extern "SQL" {
    /// Whether the SQLite file at the connection's path is still the one
    /// the connection writes to (see [`write_transaction`]).
    fn clarion_file_kept() -> diesel::sql_types::Bool;
}

/// Sets SQLite up for the whole process, once, before its first
/// connection opens (a later call changes nothing).
fn configure_sqlite() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        use libsqlite3_sys as ffi;
        // SQLite starts every page cache it opens with a block of twenty
        // pages, some 86 KiB: above the size glibc maps on its own (see
        // `allocator::tune`), so mapped, faulted in page by page and
        // unmapped again. A statement that sorts or reads a list of values
        // opens such a cache for its temporary table: a cold clarification
        // page did this several times, a third of its time (profiled).
        // Without the block, each page is a small allocation the heap
        // reuses. This must come before SQLite initialises, so first; if
        // something opened SQLite already, it is refused and harmless.
        // SAFETY: a null buffer with no lines, as sqlite3_config documents
        // for turning the first block off.
        unsafe {
            ffi::sqlite3_config(
                ffi::SQLITE_CONFIG_PAGECACHE,
                std::ptr::null_mut::<std::ffi::c_void>(),
                0 as std::ffi::c_int,
                0 as std::ffi::c_int,
            );
        }
        // SAFETY: `stable_plans` has the signature SQLite calls.
        unsafe {
            ffi::sqlite3_auto_extension(Some(stable_plans));
        }
    });
}

/// Run by SQLite on each connection it opens. SQLite plans a statement
/// again whenever a value it looked at while planning is bound anew, and
/// it looks at every `LIMIT ?`: each `.first()` and each page of a list
/// was compiled again at every use, a tenth of a cold clarification
/// page's time (profiled). With plans kept stable it compiles each once,
/// and plans as SQLite did before it looked at bound values: without a
/// limit's value, statistics (Clarion keeps none on SQLite) or a `LIKE`
/// prefix (Clarion's all start with `%`). The workspace and cold
/// benchmarks were measured so (`bench/README.md`).
unsafe extern "C" fn stable_plans(
    db: *mut libsqlite3_sys::sqlite3,
    _error: *mut *mut std::ffi::c_char,
    _api: *const libsqlite3_sys::sqlite3_api_routines,
) -> std::ffi::c_int {
    // SAFETY: `db` is the connection being opened; this option takes an
    // int to set and a pointer for the setting read back, which may be
    // null.
    unsafe {
        libsqlite3_sys::sqlite3_db_config(
            db,
            libsqlite3_sys::SQLITE_DBCONFIG_ENABLE_QPSG,
            1 as std::ffi::c_int,
            std::ptr::null_mut::<std::ffi::c_int>(),
        );
    }
    libsqlite3_sys::SQLITE_OK
}

/// Opens a connection that waits up to `timeout` for SQLite's locks. With
/// `kept`, the SQLite file must exist and writes go to it only while it is
/// that file; without, a missing file is created and the file opened is
/// the one kept. The first `map_mb` MB of the file are read through a
/// mapping of it (see [`pool`]).
fn open(
    url: &DatabaseUrl,
    timeout: Duration,
    kept: Option<FileId>,
    map_mb: u32,
) -> ConnectionResult<DbConn> {
    let path = match url {
        DatabaseUrl::Postgres(url) => {
            return diesel::PgConnection::establish(url).map(DbConn::Postgres);
        }
        DatabaseUrl::Sqlite(path) => path,
    };
    configure_sqlite();
    let mut conn = match kept {
        None => diesel::SqliteConnection::establish(path)?,
        // `mode=rw`: a file deleted meanwhile is not created afresh.
        Some(_) => diesel::SqliteConnection::establish(&format!(
            "file:{}?mode=rw",
            path.replace('%', "%25")
                .replace('?', "%3f")
                .replace('#', "%23")
        ))?,
    };
    let kept = kept
        .or_else(|| FileId::of(path))
        .ok_or_else(|| ConnectionError::BadConnection(format!("the database {path} is missing")))?;
    // busy_timeout first, so that even switching to WAL waits for a lock.
    // A small page cache per connection: any write empties the caches
    // of the other connections, and the operating system keeps the
    // file's pages anyway, so a large one costs memory for little.
    conn.batch_execute(&format!(
        "PRAGMA busy_timeout = {};
         PRAGMA journal_mode = WAL;
         PRAGMA synchronous = NORMAL;
         PRAGMA foreign_keys = ON;
         PRAGMA cache_size = -512;
         PRAGMA mmap_size = {};",
        timeout.as_millis(),
        u64::from(map_mb) << 20
    ))
    .map_err(ConnectionError::CouldntSetupConfiguration)?;
    let path = path.clone();
    let mut told = false;
    clarion_file_kept_utils::register_nondeterministic_impl(&conn, move || {
        let same = FileId::of(&path) == Some(kept);
        if !same && !told {
            told = true;
            tracing::error!(
                "{path} was deleted or replaced while Clarion was running: writes are refused \
                 until the database is back at that path and Clarion is restarted"
            );
        }
        same
    })
    .map_err(ConnectionError::CouldntSetupConfiguration)?;
    Ok(DbConn::Sqlite(conn))
}

pub struct ConnectionManager {
    url: DatabaseUrl,
    timeout: Duration,
    /// The SQLite file the pool serves, as found when it was made.
    file: Option<FileId>,
    map_mb: u32,
    health: Arc<Health>,
}

impl ManageConnection for ConnectionManager {
    type Connection = DbConn;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConn, r2d2::Error> {
        let mut conn = open(&self.url, self.timeout, self.file, self.map_mb)
            .map_err(r2d2::Error::ConnectionError)?;
        conn.set_instrumentation(health::Watch::new(self.health.clone()));
        Ok(conn)
    }

    /// Tries a connection before it is handed out, only while connections
    /// are in doubt (see [`health`]): otherwise this costs nothing.
    fn is_valid(&self, conn: &mut DbConn) -> Result<(), r2d2::Error> {
        if !self.health.doubting() {
            return Ok(());
        }
        conn.batch_execute("SELECT 1")
            .map_err(r2d2::Error::QueryError)
    }

    /// Diesel marks a connection broken when its session was lost or a
    /// transaction could not be ended; the pool then closes it and opens
    /// another rather than hand it out again.
    fn has_broken(&self, conn: &mut DbConn) -> bool {
        std::thread::panicking() || conn.is_broken()
    }
}

/// The pool, and the health its connections report. A SQLite file must
/// exist (see `startup::prepare_database`); the pool serves that file only.
///
/// Each SQLite connection reads the first `map_mb` of the file through a
/// mapping of it (SQLite caps it near 2 GB), rather than copying each page
/// it reads out of the operating system's cache with pread. A cold page
/// reads a few hundred pages scattered over the file: the copies took a
/// sixth of a clarification page's time and a third of a standard page's
/// (profiled: bench/README.md, "fifteenth"). Off unless asked for: the
/// mapped pages are that same cache, but the process's resident size
/// counts them, once per connection, and a file cut short under a running
/// instance then stops it instead of failing a read.
pub fn pool(
    url: &DatabaseUrl,
    max_size: u32,
    map_mb: u32,
    timeout: Duration,
) -> Result<(Pool, Arc<Health>), String> {
    let file = match url {
        DatabaseUrl::Sqlite(path) => {
            Some(FileId::of(path).ok_or_else(|| format!("the database {path} is missing"))?)
        }
        DatabaseUrl::Postgres(_) => None,
    };
    let health = Arc::new(Health::default());
    let pool = r2d2::Pool::builder()
        .max_size(max_size)
        .connection_timeout(timeout)
        .test_on_check_out(true)
        .event_handler(Box::new(health::PoolEvents(health.clone())))
        .build(ConnectionManager {
            url: url.clone(),
            timeout,
            file,
            map_mb,
            health: health.clone(),
        })
        .map_err(|e| format!("cannot connect to the database {url:?}: {e}"))?;
    Ok((pool, health))
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
///
/// On SQLite it commits only while the file at the database's path is the
/// one written to: a write to a file deleted or replaced meanwhile would be
/// acknowledged and lost. Such a connection then refuses every write.
///
/// Inside a transaction already, it is a savepoint of that one, which holds
/// the lock and decides the commit: the demo plays many steps, each its own
/// transaction in the application, as one.
pub fn write_transaction<T, E, F>(conn: &mut DbConn, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConn) -> Result<T, E>,
    E: From<Error>,
{
    if !is_sqlite(conn) || in_transaction(conn)? {
        return conn.transaction(f);
    }
    // Through diesel's transaction manager, so that a transaction that
    // cannot be ended marks the connection broken for the pool.
    AnsiTransactionManager::begin_transaction_sql(sqlite(conn), "BEGIN IMMEDIATE")?;
    match catch_unwind(AssertUnwindSafe(|| f(conn))) {
        Ok(Ok(value)) => commit_to_kept_file(sqlite(conn))
            .map(|()| value)
            .map_err(E::from),
        Ok(Err(e)) => {
            // SQLite may have ended the transaction itself (a full disk).
            let _ = AnsiTransactionManager::rollback_transaction(sqlite(conn));
            Err(e)
        }
        Err(panic) => {
            let _ = AnsiTransactionManager::rollback_transaction(sqlite(conn));
            resume_unwind(panic)
        }
    }
}

fn in_transaction(conn: &mut DbConn) -> QueryResult<bool> {
    Ok(
        <DbConn as TransactionManager<DbConn>>::transaction_manager_status_mut(conn)
            .transaction_depth()?
            .is_some(),
    )
}

fn sqlite(conn: &mut DbConn) -> &mut diesel::SqliteConnection {
    match conn {
        DbConn::Sqlite(conn) => conn,
        DbConn::Postgres(_) => unreachable!("called for SQLite connections only"),
    }
}

fn commit_to_kept_file(conn: &mut diesel::SqliteConnection) -> QueryResult<()> {
    if diesel::select(clarion_file_kept()).get_result(conn)? {
        return AnsiTransactionManager::commit_transaction(conn);
    }
    let _ = AnsiTransactionManager::rollback_transaction(conn);
    conn.batch_execute("PRAGMA query_only = ON")?;
    Err(Error::DatabaseError(
        DatabaseErrorKind::Unknown,
        Box::new(health::FILE_LOST.to_owned()),
    ))
}

/// Whether the database takes writes now: on SQLite its write lock can be
/// taken and its file is the one the instance started with; after a write
/// failed because the database could not serve, a real write must succeed
/// (a row rewritten unchanged); otherwise a PostgreSQL connection answers.
pub fn probe(conn: &mut DbConn, health: &Health) -> QueryResult<()> {
    if health.writes_failing() {
        write_transaction(conn, |conn| {
            diesel::sql_query("UPDATE register_version SET version = version")
                .execute(conn)
                .map(drop)
        })
    } else if is_sqlite(conn) {
        write_transaction(conn, |_| Ok(()))
    } else {
        conn.batch_execute("SELECT 1")
    }
}

/// Rows per multi-row INSERT: within both backends' limits on parameters
/// for the widest table inserted so.
pub const ROWS_PER_INSERT: usize = 1_000;

/// Inserts a slice of rows with as few statements as `ROWS_PER_INSERT`
/// allows. Diesel's MultiConnection cannot send a multi-row INSERT, so each
/// goes to the backend's own connection.
macro_rules! insert_rows {
    ($conn:expr, $table:expr, $rows:expr $(, $on_conflict:ident)?) => {{
        for chunk in $rows.chunks($crate::db::ROWS_PER_INSERT) {
            let insert = diesel::insert_into($table).values(chunk)$(.$on_conflict())?;
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

    #[test]
    fn a_write_transaction_inside_another_is_undone_alone_and_kept_with_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested.db");
        let url = DatabaseUrl::parse(path.to_str().unwrap()).unwrap();
        let mut conn = establish(&url).unwrap();
        conn.batch_execute("CREATE TABLE steps (n INTEGER)")
            .unwrap();
        write_transaction(&mut conn, |conn| {
            conn.batch_execute("INSERT INTO steps VALUES (1)")?;
            let refused: Result<(), Error> = write_transaction(conn, |conn| {
                conn.batch_execute("INSERT INTO steps VALUES (2)")?;
                Err(Error::RollbackTransaction)
            });
            assert!(refused.is_err());
            write_transaction(conn, |conn| {
                conn.batch_execute("INSERT INTO steps VALUES (3)")
            })?;
            assert_eq!(steps(conn), 2, "the refused step left nothing");
            Ok::<_, Error>(())
        })
        .unwrap();
        assert_eq!(steps(&mut conn), 2, "the outer transaction kept the rest");
    }

    #[test]
    fn a_mapped_sqlite_file_sees_what_another_connection_wrote() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mapped.db");
        let url = DatabaseUrl::parse(path.to_str().unwrap()).unwrap();
        let mut unmapped = establish(&url).unwrap();
        let (pool, _) = pool(&url, 2, 64, DEFAULT_TIMEOUT).unwrap();
        let mut reader = pool.get().unwrap();
        let mut writer = pool.get().unwrap();
        let mapped = |conn: &mut DbConn| -> i64 {
            diesel::sql_query("PRAGMA mmap_size")
                .get_result::<MmapSize>(conn)
                .unwrap()
                .mmap_size
        };
        assert_eq!(mapped(&mut unmapped), 0, "off unless asked for");
        assert_eq!(mapped(&mut reader), 64 << 20);
        writer
            .batch_execute("CREATE TABLE steps (n INTEGER, text TEXT)")
            .unwrap();
        assert_eq!(steps(&mut reader), 0);
        // Enough rows to grow the file by many pages, then moved from the
        // WAL into the file the reader has mapped.
        writer
            .batch_execute(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
                 INSERT INTO steps SELECT i, printf('%.200c', 'x') FROM n;
                 PRAGMA wal_checkpoint(TRUNCATE);",
            )
            .unwrap();
        assert_eq!(steps(&mut reader), 5000);
    }

    #[derive(QueryableByName)]
    struct MmapSize {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        mmap_size: i64,
    }

    /// How many rows the tests' table `steps` holds.
    fn steps(conn: &mut DbConn) -> i64 {
        diesel::sql_query("SELECT count(*) AS n FROM steps")
            .get_result::<Count>(conn)
            .unwrap()
            .n
    }

    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
}
