//! Long-lived helper processes (PostgreSQL, chromedriver) that die with the
//! test process, however it dies, and whose exit can be watched and waited
//! for without ever signalling a recycled pid.

use std::fs;
use std::io;
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{self, Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, mpsc};
use std::thread;
use std::time::Duration;

/// Watches a child of a [`Spawner`] from the spawner's thread.
pub struct ExitWatch {
    pid: libc::pid_t,
    status: Mutex<Option<ExitStatus>>,
    changed: Condvar,
}

impl ExitWatch {
    /// How the child exited, or `None` while it runs.
    pub fn status(&self) -> Option<ExitStatus> {
        *lock(&self.status)
    }

    /// Waits for the child to exit and records how. The child is reaped
    /// under the status lock, so `signal` can never reach a recycled pid.
    fn watch(&self, child: &mut Child) {
        // SAFETY: waitid only writes into `info`; WNOWAIT leaves the child a
        // zombie, so its pid stays ours until `child.wait()` below.
        unsafe {
            let mut info: libc::siginfo_t = std::mem::zeroed();
            while libc::waitid(
                libc::P_PID,
                self.pid as libc::id_t,
                &mut info,
                libc::WEXITED | libc::WNOWAIT,
            ) != 0
                && io::Error::last_os_error().kind() == io::ErrorKind::Interrupted
            {}
        }
        let mut status = lock(&self.status);
        if let Ok(exit) = child.wait() {
            *status = Some(exit);
        }
        self.changed.notify_all();
    }

    /// Sends `signal` to the child unless it has already exited.
    pub fn signal(&self, signal: libc::c_int) {
        let status = lock(&self.status);
        if status.is_none() {
            // SAFETY: the child has not been reaped (we hold the lock that
            // reaping takes), so the pid is still our child's.
            unsafe { libc::kill(self.pid, signal) };
        }
    }

    /// Waits up to `timeout` for the child to exit; `None` if it still runs.
    pub fn wait(&self, timeout: Duration) -> Option<ExitStatus> {
        let guard = lock(&self.status);
        let (guard, _) = self
            .changed
            .wait_timeout_while(guard, timeout, |status| status.is_none())
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *guard
    }
}

type SpawnReply = io::Result<Arc<ExitWatch>>;

/// A thread that spawns children and then lives as long as the process.
/// PR_SET_PDEATHSIG fires when the spawning *thread* exits, and the test
/// harness ends each test's thread when the test returns, so a child that
/// must outlive the test that started it must not be spawned from a test
/// thread.
pub struct Spawner {
    name: String,
    requests: mpsc::Sender<(Command, mpsc::Sender<SpawnReply>)>,
}

impl Spawner {
    /// Starts the spawner thread, named `name`.
    pub fn start(name: &str) -> io::Result<Spawner> {
        let (tx, rx) = mpsc::channel::<(Command, mpsc::Sender<SpawnReply>)>();
        thread::Builder::new().name(name.into()).spawn(move || {
            for (mut command, reply) in rx {
                match command.spawn() {
                    Ok(mut child) => {
                        let exit = Arc::new(ExitWatch {
                            pid: child.id() as libc::pid_t,
                            status: Mutex::new(None),
                            changed: Condvar::new(),
                        });
                        let _ = reply.send(Ok(Arc::clone(&exit)));
                        exit.watch(&mut child);
                    }
                    Err(e) => {
                        let _ = reply.send(Err(e));
                    }
                }
            }
            loop {
                thread::park();
            }
        })?;
        Ok(Spawner {
            name: name.to_owned(),
            requests: tx,
        })
    }

    /// Spawns `command` from the spawner thread as a child that the kernel
    /// kills (SIGKILL) when this process dies, and watches it. Blocks until
    /// the child is started or has failed to start.
    pub fn spawn(&self, mut command: Command) -> io::Result<Arc<ExitWatch>> {
        die_with_parent(&mut command);
        let gone = || io::Error::other(format!("the {} spawner thread is gone", self.name));
        let (reply_tx, reply_rx) = mpsc::channel::<SpawnReply>();
        self.requests
            .send((command, reply_tx))
            .map_err(|_| gone())?;
        reply_rx.recv().map_err(|_| gone())?
    }
}

fn die_with_parent(command: &mut Command) {
    let parent = process::id();
    // SAFETY: the closure runs between fork and exec, so it only makes
    // async-signal-safe calls and does not allocate.
    unsafe {
        command.pre_exec(move || {
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) != 0 {
                return Err(io::Error::last_os_error());
            }
            // The parent may have died before prctl took effect; the child
            // would then outlive it for good.
            if libc::getppid() as u32 != parent {
                return Err(io::Error::from_raw_os_error(libc::ESRCH));
            }
            Ok(())
        });
    }
}

/// Locks `mutex`, poisoned or not: a panicking test must not take a shared
/// server or driver down with it.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A port that was free a moment ago, for a child server to listen on.
/// Binding port 0 and releasing it is racy: another process may take the
/// port first, so a caller retries when its child cannot bind.
pub fn free_port() -> Result<u16, String> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .map_err(|e| format!("cannot pick a free port: {e}"))
}

/// Gives `command` no stdin and appends its stdout and stderr to `log_path`.
pub fn log_to(command: &mut Command, log_path: &Path) -> Result<(), String> {
    let log = fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log_path)
        .map_err(|e| format!("cannot open {}: {e}", log_path.display()))?;
    let log_err = log.try_clone().map_err(|e| e.to_string())?;
    command.stdin(Stdio::null()).stdout(log).stderr(log_err);
    Ok(())
}

/// The last 30 lines of a child's log, for an error message.
pub fn log_tail(path: &Path) -> String {
    let log = fs::read_to_string(path).unwrap_or_else(|e| format!("(no log: {e})"));
    let lines: Vec<&str> = log.lines().collect();
    lines[lines.len().saturating_sub(30)..].join("\n")
}
