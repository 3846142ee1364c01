//! The real `clarion` binary as a child process, for the tests that must
//! kill a server (crash) or run several of them on one database (scale-out).
//! In-process apps cannot be killed without killing the test.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::app::Person;
use super::child::{ExitWatch, Spawner, free_port, lock, log_tail, log_to};

const START_TIMEOUT: Duration = Duration::from_secs(30);
const START_ATTEMPTS: usize = 3;

/// Spawner threads whose child has exited. A spawner watches one child at a
/// time and its thread lives as long as the process, so they are reused
/// rather than started anew for every restart.
static IDLE_SPAWNERS: Mutex<Vec<Spawner>> = Mutex::new(Vec::new());

/// One running `clarion serve`; killed when dropped.
pub struct Instance {
    /// `http://127.0.0.1:PORT`, where this instance listens.
    pub address: String,
    exit: Arc<ExitWatch>,
    spawner: Option<Spawner>,
    log: PathBuf,
}

impl Instance {
    /// Starts `clarion serve` with its data directory `dir/data` and waits
    /// until `/readyz` answers 200. `env` adds or overrides `CLARION_*`
    /// variables; `CLARION_DATABASE_URL` and `CLARION_SMTP_URL` are expected
    /// there. The output goes to `dir/<name>.log`, appended across restarts
    /// (beside the data directory: a data directory with files in it and no
    /// database is one whose database went missing).
    pub async fn start(name: &str, dir: &Path, env: &[(&str, String)]) -> Instance {
        let log = dir.join(format!("{name}.log"));
        let spawner = lock(&IDLE_SPAWNERS)
            .pop()
            .unwrap_or_else(|| Spawner::start("clarion-server").expect("a spawner thread"));
        let mut instance = None;
        for _ in 0..START_ATTEMPTS {
            let port = free_port().expect("a free port");
            let address = format!("http://127.0.0.1:{port}");
            let mut command = Command::new(env!("CARGO_BIN_EXE_clarion"));
            command.arg("serve").current_dir(dir);
            // The developer's own settings must not leak into the test.
            for (key, _) in std::env::vars().filter(|(k, _)| k.starts_with("CLARION_")) {
                command.env_remove(key);
            }
            command
                .env("CLARION_DATA_DIR", dir.join("data"))
                .env("CLARION_BIND", format!("127.0.0.1:{port}"))
                .env("CLARION_BASE_URL", &address)
                .env("CLARION_SECRET_KEY", "5e".repeat(32))
                .env("CLARION_WORKERS", "2")
                .env("CLARION_POOL_SIZE", "8")
                .env("CLARION_MAIL_POLL_MS", "50")
                // Every test client comes from 127.0.0.1: the throttle
                // would refuse all but the first few submissions.
                .env("CLARION_SUBMISSIONS_PER_HOUR", "0");
            for (key, value) in env {
                command.env(key, value);
            }
            log_to(&mut command, &log).expect("a log file");
            let exit = spawner.spawn(command).expect("clarion starts");
            match wait_until_ready(&address, &exit).await {
                Ok(()) => {
                    instance = Some(Instance {
                        address,
                        exit,
                        spawner: None,
                        log: log.clone(),
                    });
                    break;
                }
                Err(status) => {
                    // Another process may have taken the port between
                    // free_port and the bind: only that is worth a retry.
                    if status.is_none() || !log_tail(&log).contains("cannot listen") {
                        exit.signal(libc::SIGKILL);
                        exit.wait(Duration::from_secs(5));
                        let why = match status {
                            Some(status) => format!("exited ({status})"),
                            None => format!("was not ready within {START_TIMEOUT:?}"),
                        };
                        panic!("clarion ({name}) {why}; log tail:\n{}", log_tail(&log));
                    }
                }
            }
        }
        let mut instance = instance.unwrap_or_else(|| {
            panic!(
                "clarion ({name}) could not listen; log tail:\n{}",
                log_tail(&log)
            )
        });
        instance.spawner = Some(spawner);
        instance
    }

    /// A new person with their own cookies, visiting this instance.
    pub fn person(&self) -> Person {
        Person::new(&self.address)
    }

    /// SIGKILL: no shutdown, no flushing, as when the machine loses power
    /// to the process.
    pub fn kill(&self) -> ExitStatus {
        self.exit.signal(libc::SIGKILL);
        self.exit
            .wait(Duration::from_secs(10))
            .expect("a killed server exits")
    }

    /// SIGTERM, as an operator stops the service; the exit status. Panics
    /// if the server still runs well after it may take to finish the
    /// answers under way (10 s).
    pub fn stop(&self) -> ExitStatus {
        self.exit.signal(libc::SIGTERM);
        self.exit.wait(Duration::from_secs(20)).unwrap_or_else(|| {
            panic!(
                "the server had not stopped 20 s after SIGTERM; log tail:\n{}",
                log_tail(&self.log)
            )
        })
    }

    /// The instance's output so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        self.exit.signal(libc::SIGKILL);
        if self.exit.wait(Duration::from_secs(10)).is_some()
            && let Some(spawner) = self.spawner.take()
        {
            lock(&IDLE_SPAWNERS).push(spawner);
        }
    }
}

/// Polls `/readyz`; `Err` with the exit status if the process ended first
/// (`Err(None)` if it still runs at the deadline).
async fn wait_until_ready(address: &str, exit: &ExitWatch) -> Result<(), Option<ExitStatus>> {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(2))
        .build()
        .unwrap();
    let deadline = Instant::now() + START_TIMEOUT;
    while Instant::now() < deadline {
        if let Some(status) = exit.status() {
            return Err(Some(status));
        }
        if let Ok(response) = client.get(format!("{address}/readyz")).send().await
            && response.status() == 200
        {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    Err(None)
}
