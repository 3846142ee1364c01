//! A throwaway PostgreSQL server shared by the whole test process.
//!
//! The server is started on first use from the system binaries and lives as
//! long as the test process: the kernel kills it when the process dies, however
//! it dies. Each caller of [`new_database_url`] gets its own empty database, so
//! tests never see each other's rows. A test that must stop and restart
//! PostgreSQL starts an [`OwnServer`] instead.

use std::fs;
use std::io;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{self, Command};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

use diesel::{Connection, PgConnection, RunQueryDsl};

use super::child::{ExitWatch, Spawner, free_port, lock, log_tail, log_to};

const PG_ROOT: &str = "/usr/lib/postgresql";
const DIR_PREFIX: &str = "clarion-pg-";
const START_TIMEOUT: Duration = Duration::from_secs(30);
const START_ATTEMPTS: usize = 3;

/// Creates a new, empty database on the shared test server (starting the
/// server on first call) and returns its URL,
/// `postgres://postgres@127.0.0.1:PORT/t_<32 hex digits>`.
///
/// Panics with instructions when PostgreSQL is not installed.
pub fn new_database_url() -> String {
    let server = server();
    let name = format!("t_{}", uuid::Uuid::new_v4().simple());
    server.create_database(&name, "template1");
    server.url(&name)
}

/// Like [`new_database_url`], with Clarion's migrations already applied: a
/// copy of a database migrated once per process. Copying is as quick as
/// creating, so a test that starts the application on PostgreSQL is spared
/// the migrations' quarter of a second; the tests of migrating itself take
/// an empty database.
pub fn new_migrated_database_url() -> String {
    let server = server();
    let template = MIGRATED.get_or_init(|| {
        server.create_database(MIGRATED_TEMPLATE, "template1");
        let url = clarion::db::DatabaseUrl::parse(&server.url(MIGRATED_TEMPLATE)).unwrap();
        // The connection closes at the end of the closure: a database is
        // copied only while no one is connected to it.
        clarion::db::establish(&url)
            .map_err(|e| e.to_string())
            .and_then(|mut conn| clarion::db::migrate(&mut conn))
            .unwrap_or_else(|e| panic!("cannot migrate the template database: {e}"));
        MIGRATED_TEMPLATE
    });
    let name = format!("t_{}", uuid::Uuid::new_v4().simple());
    server.create_database(&name, template);
    server.url(&name)
}

const MIGRATED_TEMPLATE: &str = "clarion_migrated";
static MIGRATED: OnceLock<&str> = OnceLock::new();

fn server() -> &'static Server {
    match SERVER.get_or_init(Server::start) {
        Ok(server) => server,
        Err(message) => panic!("{message}"),
    }
}

// The outcome is cached, failure included, so that a missing installation
// costs one attempt and one clear message per test rather than a 30 s retry
// in every test.
static SERVER: OnceLock<Result<Server, String>> = OnceLock::new();

struct Server {
    port: u16,
    dir: PathBuf,
    exit: Arc<ExitWatch>,
    // One connection to the `postgres` database, reused for every CREATE
    // DATABASE; the mutex also keeps concurrent creations from racing for the
    // template database.
    admin: Mutex<Option<PgConnection>>,
}

impl Server {
    fn start() -> Result<Server, String> {
        let bin = find_bin_dir()?;
        let user = postgres_user()?;
        remove_leftovers();

        let dir = std::env::temp_dir().join(format!("{DIR_PREFIX}{}", process::id()));
        init(&bin, user, &dir)?;
        // SAFETY: `at_exit` only touches statics that outlive the process.
        unsafe { libc::atexit(at_exit) };

        let spawner = Spawner::start("clarion-postgres")
            .map_err(|e| format!("cannot start the PostgreSQL spawner thread: {e}"))?;
        let mut last_failure = String::new();
        for _ in 0..START_ATTEMPTS {
            let port = free_port()?;
            match launch(&spawner, &bin, user, &dir, port) {
                Ok((exit, admin)) => {
                    return Ok(Server {
                        port,
                        dir,
                        exit,
                        admin: Mutex::new(Some(admin)),
                    });
                }
                Err(failure) => last_failure = failure,
            }
            // Picking a port by binding port 0 and releasing it is racy:
            // another process may take it before postgres binds. Only that
            // failure is worth another try.
            if !log_tail(&dir.join("postgres.log")).contains("could not bind") {
                break;
            }
        }
        Err(format!("PostgreSQL failed to start: {last_failure}"))
    }

    fn url(&self, database: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{database}", self.port)
    }

    /// Creates `name` as a copy of `template`.
    fn create_database(&self, name: &str, template: &str) {
        let mut admin = lock(&self.admin);
        let mut last_error = String::new();
        // A second attempt on a fresh connection covers an admin connection
        // that went stale; a dead server fails both.
        for _ in 0..2 {
            if admin.is_none() {
                match PgConnection::establish(&self.url("postgres")) {
                    Ok(connection) => *admin = Some(connection),
                    Err(e) => {
                        last_error = e.to_string();
                        continue;
                    }
                }
            }
            let connection = admin.as_mut().expect("connection was just established");
            let create = format!("CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
            match diesel::sql_query(create).execute(connection) {
                Ok(_) => return,
                Err(e) => {
                    last_error = e.to_string();
                    *admin = None;
                }
            }
        }
        let exited = match self.exit.status() {
            Some(status) => format!(" (the server has exited: {status})"),
            None => String::new(),
        };
        panic!(
            "cannot create test database {name}{exited}: {last_error}; log tail:\n{}",
            log_tail(&self.dir.join("postgres.log"))
        );
    }

    fn shut_down(&self) {
        stop(&self.exit);
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// A PostgreSQL server of one test's own, which the test may stop and start
/// again under a running Clarion, as an operator's `pg_ctl restart` does.
/// (The shared server serves every other test at the same time.) Stopped
/// and removed when dropped.
pub struct OwnServer {
    bin: PathBuf,
    user: Option<(u32, u32)>,
    dir: PathBuf,
    port: u16,
    spawner: Spawner,
    exit: Arc<ExitWatch>,
}

impl OwnServer {
    /// Starts a new server with one empty database, `clarion`.
    pub fn start() -> OwnServer {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let started = (|| {
            let bin = find_bin_dir()?;
            let user = postgres_user()?;
            let n = COUNT.fetch_add(1, Ordering::Relaxed);
            let dir = std::env::temp_dir().join(format!("{DIR_PREFIX}{}.{n}", process::id()));
            init(&bin, user, &dir)?;
            let spawner = Spawner::start("clarion-own-postgres")
                .map_err(|e| format!("cannot start a PostgreSQL spawner thread: {e}"))?;
            let mut last_failure = String::new();
            for _ in 0..START_ATTEMPTS {
                let port = free_port()?;
                match launch(&spawner, &bin, user, &dir, port) {
                    Ok((exit, mut admin)) => {
                        diesel::sql_query("CREATE DATABASE clarion")
                            .execute(&mut admin)
                            .map_err(|e| format!("cannot create the database: {e}"))?;
                        return Ok(OwnServer {
                            bin,
                            user,
                            dir,
                            port,
                            spawner,
                            exit,
                        });
                    }
                    Err(failure) => last_failure = failure,
                }
                if !log_tail(&dir.join("postgres.log")).contains("could not bind") {
                    break;
                }
            }
            Err(format!("PostgreSQL failed to start: {last_failure}"))
        })();
        started.unwrap_or_else(|message: String| panic!("{message}"))
    }

    /// The URL of its database.
    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/clarion", self.port)
    }

    /// A fast shutdown: sessions are ended and the server exits.
    pub fn stop(&self) {
        stop(&self.exit);
    }

    /// Starts the stopped server again, on the same port and data.
    pub fn start_again(&mut self) {
        self.exit = launch(&self.spawner, &self.bin, self.user, &self.dir, self.port)
            .map(|(exit, _)| exit)
            .unwrap_or_else(|failure| panic!("PostgreSQL did not start again: {failure}"));
    }
}

impl Drop for OwnServer {
    fn drop(&mut self) {
        stop(&self.exit);
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// Creates `dir`, owned by the server's user, and a cluster in `dir/data`.
fn init(bin: &Path, user: Option<(u32, u32)>, dir: &Path) -> Result<(), String> {
    let _ = fs::remove_dir_all(dir);
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    if let Some((uid, gid)) = user {
        std::os::unix::fs::chown(dir, Some(uid), Some(gid))
            .map_err(|e| format!("cannot chown {} to postgres: {e}", dir.display()))?;
    }
    let mut initdb = Command::new(bin.join("initdb"));
    initdb
        .arg("-D")
        .arg(dir.join("data"))
        .args(["-U", "postgres", "--auth=trust", "-E", "UTF8"])
        .args(["--locale=C.UTF-8", "--no-sync"])
        .current_dir(dir);
    run_as(&mut initdb, user);
    let output = initdb
        .output()
        .map_err(|e| format!("cannot run {}/initdb: {e}", bin.display()))?;
    if !output.status.success() {
        return Err(format!(
            "initdb failed ({}):\n{}{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(())
}

/// Starts the server of `dir` on `port` from the spawner's thread and waits
/// until it accepts connections; returns its exit watch and a connection
/// to its `postgres` database.
fn launch(
    spawner: &Spawner,
    bin: &Path,
    user: Option<(u32, u32)>,
    dir: &Path,
    port: u16,
) -> Result<(Arc<ExitWatch>, PgConnection), String> {
    let log_path = dir.join("postgres.log");
    let mut postgres = Command::new(bin.join("postgres"));
    postgres
        .arg("-D")
        .arg(dir.join("data"))
        .arg("-p")
        .arg(port.to_string())
        .arg("-k")
        .arg(dir)
        .args(["-c", "listen_addresses=127.0.0.1"])
        .args(["-c", "fsync=off"])
        .args(["-c", "synchronous_commit=off"])
        .args(["-c", "full_page_writes=off"])
        .args(["-c", "max_connections=300"])
        .current_dir(dir);
    log_to(&mut postgres, &log_path)?;
    run_as(&mut postgres, user);
    let exit = spawner
        .spawn(postgres)
        .map_err(|e| format!("cannot start {}/postgres: {e}", bin.display()))?;

    let url = format!("postgres://postgres@127.0.0.1:{port}/postgres");
    let deadline = Instant::now() + START_TIMEOUT;
    loop {
        if let Some(status) = exit.status() {
            return Err(format!(
                "postgres exited early ({status}); log tail:\n{}",
                log_tail(&log_path)
            ));
        }
        let last_error = match PgConnection::establish(&url) {
            Ok(admin) => return Ok((exit, admin)),
            Err(e) => e.to_string(),
        };
        if Instant::now() >= deadline {
            exit.signal(libc::SIGKILL);
            exit.wait(Duration::from_secs(5));
            return Err(format!(
                "PostgreSQL did not accept connections on port {port} within {}s \
                 (last error: {last_error}); log tail:\n{}",
                START_TIMEOUT.as_secs(),
                log_tail(&log_path)
            ));
        }
        thread::sleep(Duration::from_millis(50));
    }
}

/// SIGINT is PostgreSQL's "fast shutdown": it ends sessions, removes its
/// shared memory segment and exits within a fraction of a second.
fn stop(exit: &ExitWatch) {
    exit.signal(libc::SIGINT);
    if exit.wait(Duration::from_secs(5)).is_none() {
        exit.signal(libc::SIGKILL);
        exit.wait(Duration::from_secs(2));
    }
}

extern "C" fn at_exit() {
    if let Some(Ok(server)) = SERVER.get() {
        server.shut_down();
    }
}

fn find_bin_dir() -> Result<PathBuf, String> {
    let mut best: Option<(Vec<u32>, PathBuf)> = None;
    for entry in fs::read_dir(PG_ROOT).into_iter().flatten().flatten() {
        let version: Option<Vec<u32>> = entry
            .file_name()
            .to_str()
            .and_then(|name| name.split('.').map(|part| part.parse().ok()).collect());
        let bin = entry.path().join("bin");
        let usable = bin.join("postgres").is_file() && bin.join("initdb").is_file();
        if let (Some(version), true) = (version, usable)
            && best.as_ref().is_none_or(|(found, _)| version > *found)
        {
            best = Some((version, bin));
        }
    }
    best.map(|(_, bin)| bin).ok_or_else(|| {
        format!(
            "the integration tests need a PostgreSQL server installation, but no \
             {PG_ROOT}/<version>/bin/{{postgres,initdb}} was found; install it \
             (Debian/Ubuntu: `apt-get install postgresql`)"
        )
    })
}

/// The ids to run PostgreSQL as: `None` to run it as ourselves, since initdb
/// and postgres refuse to run as root.
fn postgres_user() -> Result<Option<(u32, u32)>, String> {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return Ok(None);
    }
    // SAFETY: passwd is plain data; getpwnam_r writes into it and into buf,
    // whose length it is told, and the strings it points to live in buf.
    let found = unsafe {
        let mut entry: libc::passwd = std::mem::zeroed();
        let mut buf = vec![0 as libc::c_char; 16 * 1024];
        let mut result: *mut libc::passwd = std::ptr::null_mut();
        let rc = libc::getpwnam_r(
            c"postgres".as_ptr(),
            &mut entry,
            buf.as_mut_ptr(),
            buf.len(),
            &mut result,
        );
        (rc == 0 && !result.is_null()).then_some((entry.pw_uid, entry.pw_gid))
    };
    match found {
        Some(ids) => Ok(Some(ids)),
        None => Err(
            "the tests run as root and PostgreSQL refuses to run as root, but \
                     there is no `postgres` system user to run it as; install the server \
                     (Debian/Ubuntu: `apt-get install postgresql`, which creates the user) \
                     or run the tests as a normal user"
                .to_string(),
        ),
    }
}

fn run_as(command: &mut Command, user: Option<(u32, u32)>) {
    if let Some((uid, gid)) = user {
        command.uid(uid).gid(gid);
    }
}

/// Removes the directories of earlier test processes that are gone (killed
/// before their exit hook ran), with the shared memory their server left.
fn remove_leftovers() {
    let Ok(entries) = fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for entry in entries.flatten() {
        let pid = entry
            .file_name()
            .to_str()
            .and_then(|name| name.strip_prefix(DIR_PREFIX))
            // A test's own servers live in `<pid>.<n>`.
            .and_then(|rest| rest.split('.').next()?.parse::<u32>().ok());
        let Some(pid) = pid else { continue };
        if pid == process::id() || process_exists(pid) {
            continue;
        }
        release_shared_memory(&entry.path().join("data").join("postmaster.pid"));
        let _ = fs::remove_dir_all(entry.path());
    }
}

/// A server killed with SIGKILL leaves its small System V segment behind;
/// they add up over many interrupted runs.
fn release_shared_memory(pid_file: &Path) {
    let Ok(contents) = fs::read_to_string(pid_file) else {
        return;
    };
    let lines: Vec<&str> = contents.lines().collect();
    let postmaster: Option<libc::pid_t> = lines.first().and_then(|l| l.trim().parse().ok());
    // Line 7 holds "<key> <shmid>".
    let shmid: Option<libc::c_int> = lines
        .get(6)
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|id| id.parse().ok());
    let (Some(postmaster), Some(shmid)) = (postmaster, shmid) else {
        return;
    };
    // SAFETY: shmid_ds is plain data that IPC_STAT fills in.
    unsafe {
        let mut stat: libc::shmid_ds = std::mem::zeroed();
        if libc::shmctl(shmid, libc::IPC_STAT, &mut stat) == 0
            && stat.shm_cpid == postmaster
            && stat.shm_nattch == 0
        {
            libc::shmctl(shmid, libc::IPC_RMID, std::ptr::null_mut());
        }
    }
}

fn process_exists(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 only checks that the process exists.
    let alive = unsafe { libc::kill(pid, 0) } == 0;
    alive || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}
