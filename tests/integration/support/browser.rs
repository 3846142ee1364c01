//! A real browser for tests: headless Chromium driven over WebDriver.
//!
//! One chromedriver serves the whole test process. It is started on first use
//! and the kernel kills it when the process dies, however it dies; at a normal
//! exit the sessions still open are ended first, then chromedriver is stopped.
//! Each [`Browser`] is a new session: a fresh Chromium with its own empty
//! profile, ended by [`Browser::close`] or, when the test panics before that,
//! by dropping the `Browser`. At most [`MAX_SESSIONS`] run at once.
//!
//! A machine without Chromium, chromedriver or axe-core fails these tests with
//! the command that installs them; they are never skipped.

use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{self, Command};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde::Deserialize;
use serde_json::{Value, json};
use tokio::sync::{Semaphore, SemaphorePermit};

use super::child::{ExitWatch, Spawner, free_port, lock, log_tail, log_to};
use super::eventually::eventually;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const INSTALL_HINT: &str = "apt-get install chromium chromium-driver";
const AXE_PATH: &str = "tests/browser/node_modules/axe-core/axe.min.js";
const DIR_PREFIX: &str = "clarion-chrome-";
const START_TIMEOUT: Duration = Duration::from_secs(30);
const START_ATTEMPTS: usize = 3;
/// How long chromedriver may take to end a session (it quits Chromium).
const END_SESSION_TIMEOUT: Duration = Duration::from_secs(15);
/// How long a click may take to bring the next page, on a machine busy
/// with the rest of the tests.
pub const NAVIGATION_TIMEOUT: Duration = Duration::from_secs(30);

/// Sessions open at once in this process; more wait in [`Browser::open`].
/// Each is a Chromium of a few hundred megabytes.
pub const MAX_SESSIONS: usize = 4;

const CHROMIUM_ARGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--window-size=1280,1000",
];

/// WCAG 2.0, 2.1 and 2.2 levels A and AA, and axe's best practices.
const AXE_TAGS: &[&str] = &[
    "wcag2a",
    "wcag2aa",
    "wcag21a",
    "wcag21aa",
    "wcag22aa",
    "best-practice",
];

/// Runs axe on the whole document and reports its violations as plain data;
/// the last argument is WebDriver's completion callback.
const AXE_RUN: &str = r#"
const [tags, done] = arguments;
window.axe
  .run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] })
  .then(
    (results) => done({
      violations: results.violations.map((v) => ({
        id: v.id,
        impact: v.impact || "",
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({
          target: n.target.map((t) => (Array.isArray(t) ? t.join(" >>> ") : String(t))).join(", "),
          html: n.html,
          summary: n.failureSummary || "",
        })),
      })),
    }),
    (error) => done({ error: String((error && error.stack) || error) }),
  );
"#;

static DRIVER: OnceLock<Result<Driver, String>> = OnceLock::new();
static SLOTS: Semaphore = Semaphore::const_new(MAX_SESSIONS);
static PROFILES: AtomicUsize = AtomicUsize::new(0);
static AXE_SOURCE: OnceLock<Result<String, String>> = OnceLock::new();

/// One headless Chromium session.
pub struct Browser {
    /// The WebDriver session, for whatever the helpers do not cover.
    pub client: Client,
    session: String,
    profile: PathBuf,
    closed: bool,
    // Released after the session has ended (fields drop after `drop`).
    _slot: SemaphorePermit<'static>,
}

impl Browser {
    /// Starts a new headless Chromium with an empty profile (and chromedriver,
    /// on first use). Panics with instructions when either is not installed.
    pub async fn open() -> Browser {
        Browser::open_with(&[]).await
    }

    /// [`Browser::open`] with more Chromium switches, which win over the
    /// defaults: `--force-dark-mode` for the dark colour scheme,
    /// `--window-size=390,844` for a phone's viewport.
    pub async fn open_with(extra_args: &[&str]) -> Browser {
        Browser::start(extra_args, None).await
    }

    /// [`Browser::open`] with a viewport of `width` × `height` CSS pixels,
    /// emulated: headless Chromium's windows are never narrower than 500
    /// px, wider than a phone's 390.
    pub async fn open_sized(width: u32, height: u32) -> Browser {
        let window = format!("--window-size={},{height}", width.max(500));
        let metrics = json!({ "width": width, "height": height, "pixelRatio": 1 });
        Browser::start(&[window.as_str()], Some(metrics)).await
    }

    async fn start(extra_args: &[&str], device_metrics: Option<Value>) -> Browser {
        let driver = driver();
        let slot = SLOTS
            .acquire()
            .await
            .expect("the session semaphore is never closed");
        let profile = driver.dir.join(format!(
            "profile-{}",
            PROFILES.fetch_add(1, Ordering::Relaxed)
        ));
        let mut args: Vec<String> = CHROMIUM_ARGS
            .iter()
            .chain(extra_args)
            .map(|arg| arg.to_string())
            .collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("browserName".into(), json!("chrome"));
        let mut options = json!({ "binary": CHROMIUM, "args": args });
        if let Some(metrics) = device_metrics {
            options["mobileEmulation"] = json!({ "deviceMetrics": metrics });
        }
        capabilities.insert("goog:chromeOptions".into(), options);
        // Fail a stuck page or script within the test rather than after
        // WebDriver's default five minutes.
        capabilities.insert(
            "timeouts".into(),
            json!({ "pageLoad": 30_000, "script": 60_000, "implicit": 0 }),
        );

        let client = match ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&driver.url())
            .await
        {
            Ok(client) => client,
            Err(e) => {
                let _ = fs::remove_dir_all(&profile);
                panic!(
                    "chromedriver could not start a Chromium session: {e}; chromedriver log tail:\n{}",
                    log_tail(&driver.log_path())
                );
            }
        };
        let session = match client.session_id().await {
            Ok(Some(session)) => session,
            other => panic!("the new WebDriver session has no id: {other:?}"),
        };
        lock(&driver.sessions).insert(session.clone());
        Browser {
            client,
            session,
            profile,
            closed: false,
            _slot: slot,
        }
    }

    /// Ends the session: Chromium quits and its profile is removed.
    pub async fn close(mut self) {
        if self.client.clone().close().await.is_ok() {
            self.closed = true;
            if let Some(Ok(driver)) = DRIVER.get() {
                lock(&driver.sessions).remove(&self.session);
            }
        }
        // Otherwise `drop` ends the session with a request of its own.
    }

    /// Loads `url` and waits for the page to load.
    pub async fn goto(&self, url: &str) {
        if let Err(e) = self.client.goto(url).await {
            panic!("the browser could not load {url}: {e}");
        }
    }

    /// The address of the current page.
    pub async fn url(&self) -> String {
        match self.client.current_url().await {
            Ok(url) => url.to_string(),
            Err(e) => format!("(unknown address: {e})"),
        }
    }

    /// The title of the current page, as a tab shows it.
    pub async fn title(&self) -> String {
        match self.client.title().await {
            Ok(title) => title,
            Err(e) => panic!("no title on {}: {e}", self.url().await),
        }
    }

    /// The first element that matches the CSS selector `css`.
    pub async fn find(&self, css: &str) -> Element {
        match self.client.find(Locator::Css(css)).await {
            Ok(element) => element,
            Err(e) => panic!("no element matches `{css}` on {}: {e}", self.url().await),
        }
    }

    /// The text a person sees in the first element matching `css` (rendered
    /// text: hidden parts left out, line breaks where the layout has them,
    /// CSS `text-transform` applied).
    pub async fn text(&self, css: &str) -> String {
        let element = self.find(css).await;
        match element.text().await {
            Ok(text) => text,
            Err(e) => panic!(
                "cannot read the text of `{css}` on {}: {e}",
                self.url().await
            ),
        }
    }

    /// Clears the field matching `css` and types `value` into it.
    pub async fn fill(&self, css: &str, value: &str) {
        let field = self.find(css).await;
        if let Err(e) = field.clear().await {
            panic!("cannot clear `{css}` on {}: {e}", self.url().await);
        }
        if let Err(e) = field.send_keys(value).await {
            panic!("cannot type into `{css}` on {}: {e}", self.url().await);
        }
    }

    /// Clicks the element matching `css`, for what changes this page (a
    /// checkbox, an anchor within it); [`Browser::follow`] for what leads to
    /// another page.
    pub async fn click(&self, css: &str) {
        let element = self.find(css).await;
        if let Err(e) = element.click().await {
            panic!("cannot click `{css}` on {}: {e}", self.url().await);
        }
    }

    /// Clicks the link or button matching `css` and waits (up to
    /// [`NAVIGATION_TIMEOUT`]) until the page it leads to has replaced this
    /// one and loaded; returns its address. WebDriver's click may return
    /// before a form's submission has even started on a busy machine, so
    /// the old page is marked and the new one is known by lacking the mark.
    pub async fn follow(&self, css: &str) -> String {
        self.execute("window.clarionOldPage = true;", vec![]).await;
        self.click(css).await;
        eventually(NAVIGATION_TIMEOUT, || async {
            // While the new page replaces the old one, the script may fail:
            // that is one more reason to wait, not an error.
            let loaded = self
                .client
                .execute(
                    "return !window.clarionOldPage && document.readyState === 'complete';",
                    vec![],
                )
                .await;
            match loaded {
                Ok(Value::Bool(true)) => Ok(self.url().await),
                _ => Err(format!(
                    "clicking `{css}` led nowhere: still on {}",
                    self.url().await
                )),
            }
        })
        .await
    }

    /// Presses and releases one key, wherever the focus is.
    pub async fn press(&self, key: Key) {
        let keyboard = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: key.into() })
            .then(KeyAction::Up { value: key.into() });
        if let Err(e) = self.client.perform_actions(keyboard).await {
            panic!("cannot press {key:?} on {}: {e}", self.url().await);
        }
    }

    /// Runs `script` as the body of a function in the page (`arguments` holds
    /// `args`) and returns what it returns.
    pub async fn execute(&self, script: &str, args: Vec<Value>) -> Value {
        match self.client.execute(script, args).await {
            Ok(value) => value,
            Err(e) => panic!("script failed on {}: {e}\n{script}", self.url().await),
        }
    }

    /// Makes the viewport `width` by `height` CSS pixels until the session
    /// ends, as a phone's or a desktop's. `--window-size` cannot: headless
    /// Chromium keeps a window at least 500 pixels wide.
    pub async fn set_viewport(&self, width: u32, height: u32) {
        let command = json!({
            "cmd": "Emulation.setDeviceMetricsOverride",
            "params": { "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false },
        });
        let answer = reqwest::Client::new()
            .post(format!(
                "{}/session/{}/goog/cdp/execute",
                driver().url(),
                self.session
            ))
            .json(&command)
            .send()
            .await;
        match answer {
            Ok(answer) if answer.status().is_success() => {}
            Ok(answer) => panic!(
                "chromedriver refused a {width} px viewport: {}",
                answer.text().await.unwrap_or_default()
            ),
            Err(e) => panic!("chromedriver did not answer for a {width} px viewport: {e}"),
        }
    }

    /// Saves a PNG of the viewport to `path`.
    pub async fn screenshot(&self, path: impl AsRef<Path>) {
        let path = path.as_ref();
        let png = match self.client.screenshot().await {
            Ok(png) => png,
            Err(e) => panic!("cannot take a screenshot of {}: {e}", self.url().await),
        };
        if let Err(e) = fs::write(path, png) {
            panic!("cannot write {}: {e}", path.display());
        }
    }

    /// Runs axe-core on the current page against WCAG 2.x A and AA and axe's
    /// best practices, and returns the violations whose impact is serious or
    /// critical.
    pub async fn axe_violations(&self) -> Vec<AxeViolation> {
        let loaded = self
            .execute("return typeof window.axe?.run === 'function';", vec![])
            .await;
        if loaded != Value::Bool(true) {
            self.execute(axe_source(), vec![]).await;
        }
        let outcome = match self
            .client
            .execute_async(AXE_RUN, vec![json!(AXE_TAGS)])
            .await
        {
            Ok(outcome) => outcome,
            Err(e) => panic!("axe-core did not run on {}: {e}", self.url().await),
        };
        let outcome: AxeOutcome = match serde_json::from_value(outcome.clone()) {
            Ok(outcome) => outcome,
            Err(e) => panic!("unexpected answer from axe-core ({e}): {outcome}"),
        };
        if let Some(error) = outcome.error {
            panic!("axe-core failed on {}: {error}", self.url().await);
        }
        outcome
            .violations
            .into_iter()
            .filter(|violation| matches!(violation.impact.as_str(), "serious" | "critical"))
            .map(|violation| AxeViolation {
                id: violation.id,
                impact: violation.impact,
                help: violation.help,
                help_url: violation.help_url,
                nodes: violation
                    .nodes
                    .into_iter()
                    .map(|node| {
                        let mut text = format!("{}: {}", node.target, node.html);
                        if !node.summary.is_empty() {
                            text.push('\n');
                            text.push_str(&node.summary);
                        }
                        text
                    })
                    .collect(),
            })
            .collect()
    }

    /// Panics, listing them, when axe finds serious or critical violations on
    /// the current page.
    pub async fn assert_accessible(&self) {
        let violations = self.axe_violations().await;
        assert!(
            violations.is_empty(),
            "axe-core found {} serious or critical accessibility violation(s) on {}:\n\n{}",
            violations.len(),
            self.url().await,
            describe(&violations)
        );
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.closed {
            // The test ended without `close`, most likely by panicking. Drop
            // cannot await, and the test's runtime may be shutting down, so
            // end the session with a blocking request of its own.
            if let Some(Ok(driver)) = DRIVER.get() {
                driver.end_session(&self.session);
            }
        }
        let _ = fs::remove_dir_all(&self.profile);
    }
}

/// A serious or critical accessibility problem that axe-core found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AxeViolation {
    /// The rule, e.g. `color-contrast`.
    pub id: String,
    /// `serious` or `critical`.
    pub impact: String,
    /// What the rule asks for, in a sentence.
    pub help: String,
    /// The rule's documentation.
    pub help_url: String,
    /// Each offending element: its selector, its HTML and, on the lines
    /// after, what to fix.
    pub nodes: Vec<String>,
}

impl fmt::Display for AxeViolation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "[{}] {}: {} ({})",
            self.impact, self.id, self.help, self.help_url
        )?;
        for node in &self.nodes {
            let mut lines = node.lines();
            if let Some(first) = lines.next() {
                writeln!(f, "  - {first}")?;
            }
            for line in lines {
                writeln!(f, "      {line}")?;
            }
        }
        Ok(())
    }
}

/// The violations one after the other, for an assertion message.
pub fn describe(violations: &[AxeViolation]) -> String {
    violations
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

#[derive(Deserialize)]
struct AxeOutcome {
    #[serde(default)]
    violations: Vec<RawViolation>,
    error: Option<String>,
}

#[derive(Deserialize)]
struct RawViolation {
    id: String,
    impact: String,
    help: String,
    #[serde(rename = "helpUrl")]
    help_url: String,
    nodes: Vec<RawNode>,
}

#[derive(Deserialize)]
struct RawNode {
    target: String,
    html: String,
    summary: String,
}

fn axe_source() -> &'static str {
    let source = AXE_SOURCE.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(AXE_PATH);
        fs::read_to_string(&path).map_err(|e| {
            format!(
                "cannot read {} ({e}): the accessibility checks need axe-core; \
                 install it with `npm ci --prefix tests/browser`",
                path.display()
            )
        })
    });
    match source {
        Ok(source) => source,
        Err(message) => panic!("{message}"),
    }
}

fn driver() -> &'static Driver {
    // The outcome is cached, failure included: one attempt, then the same
    // clear message in every browser test.
    match DRIVER.get_or_init(Driver::start) {
        Ok(driver) => driver,
        Err(message) => panic!("{message}"),
    }
}

/// The chromedriver of this process.
struct Driver {
    port: u16,
    /// Holds chromedriver's log and the profile of every session; named
    /// after this process so that a later run can clean up after it.
    dir: PathBuf,
    exit: Arc<ExitWatch>,
    /// Sessions not yet ended, ended at exit.
    sessions: Mutex<HashSet<String>>,
}

impl Driver {
    fn start() -> Result<Driver, String> {
        for (path, what) in [(CHROMIUM, "Chromium"), (CHROMEDRIVER, "chromedriver")] {
            if !Path::new(path).is_file() {
                return Err(format!(
                    "the browser tests need {what} at {path}, which is missing; install \
                     Chromium and its WebDriver (Debian: `{INSTALL_HINT}`)"
                ));
            }
        }
        remove_leftovers();

        let dir = std::env::temp_dir().join(format!("{DIR_PREFIX}{}", process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let log_path = dir.join("chromedriver.log");

        // SAFETY: `at_exit` only touches statics that outlive the process.
        unsafe { libc::atexit(at_exit) };

        let spawner = Spawner::start("clarion-chromedriver")
            .map_err(|e| format!("cannot start the chromedriver spawner thread: {e}"))?;
        let mut last_failure = String::new();
        for _ in 0..START_ATTEMPTS {
            let port = free_port()?;
            let mut command = Command::new(CHROMEDRIVER);
            command
                .arg(format!("--port={port}"))
                .arg("--allowed-ips=127.0.0.1")
                .current_dir(&dir);
            log_to(&mut command, &log_path)?;

            let exit = spawner
                .spawn(command)
                .map_err(|e| format!("cannot start {CHROMEDRIVER}: {e}"))?;

            let deadline = Instant::now() + START_TIMEOUT;
            let mut last_error: String;
            loop {
                if let Some(status) = exit.status() {
                    last_failure = format!("chromedriver exited early ({status})");
                    break;
                }
                match http(port, "GET", "/status", Duration::from_secs(2)) {
                    Ok((200, body)) if body.contains(r#""ready":true"#) => {
                        return Ok(Driver {
                            port,
                            dir,
                            exit,
                            sessions: Mutex::new(HashSet::new()),
                        });
                    }
                    Ok((status, body)) => last_error = format!("{status}: {body}"),
                    Err(e) => last_error = e.to_string(),
                }
                if Instant::now() >= deadline {
                    exit.signal(libc::SIGKILL);
                    exit.wait(Duration::from_secs(5));
                    return Err(format!(
                        "chromedriver was not ready on port {port} within {}s (last \
                         answer to /status: {last_error}); log tail:\n{}",
                        START_TIMEOUT.as_secs(),
                        log_tail(&log_path)
                    ));
                }
                thread::sleep(Duration::from_millis(50));
            }
            // Binding port 0 and releasing it is racy: another process may
            // take the port first. Only that failure is worth another try.
            let tail = log_tail(&log_path);
            if !tail.contains("Address already in use") && !tail.contains("Port not available") {
                break;
            }
        }
        Err(format!(
            "chromedriver failed to start: {last_failure}; log tail:\n{}",
            log_tail(&log_path)
        ))
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn log_path(&self) -> PathBuf {
        self.dir.join("chromedriver.log")
    }

    /// Ends a session with a blocking request: chromedriver quits its
    /// Chromium before it answers. Never panics (it runs in `drop`).
    fn end_session(&self, session: &str) {
        let _ = http(
            self.port,
            "DELETE",
            &format!("/session/{session}"),
            END_SESSION_TIMEOUT,
        );
        lock(&self.sessions).remove(session);
    }

    fn shut_down(&self) {
        let open: Vec<String> = lock(&self.sessions).iter().cloned().collect();
        for session in open {
            self.end_session(&session);
        }
        self.exit.signal(libc::SIGTERM);
        if self.exit.wait(Duration::from_secs(3)).is_none() {
            self.exit.signal(libc::SIGKILL);
            self.exit.wait(Duration::from_secs(2));
        }
        // A Chromium whose session could not be ended outlives chromedriver.
        kill_chromium_under(&self.dir);
        let _ = fs::remove_dir_all(&self.dir);
    }
}

extern "C" fn at_exit() {
    if let Some(Ok(driver)) = DRIVER.get() {
        driver.shut_down();
    }
}

/// A minimal blocking HTTP/1.1 request to chromedriver: its status and body.
/// Usable where async is not: in `drop`, at exit.
fn http(port: u16, method: &str, path: &str, timeout: Duration) -> io::Result<(u16, String)> {
    let address = SocketAddr::from(([127, 0, 0, 1], port));
    let stream = TcpStream::connect_timeout(&address, timeout)?;
    stream.set_read_timeout(Some(timeout))?;
    stream.set_write_timeout(Some(timeout))?;
    write!(
        &stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
         Content-Length: 0\r\nConnection: close\r\n\r\n"
    )?;
    // chromedriver answers `Connection: close` but keeps the connection
    // open: read the head, then exactly Content-Length bytes.
    let invalid = |what: &str| io::Error::new(io::ErrorKind::InvalidData, what.to_owned());
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let status = line
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| invalid("not an HTTP response"))?;
    let mut length = 0;
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Err(invalid("the response ended in its head"));
        }
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value
                .trim()
                .parse()
                .map_err(|_| invalid("bad Content-Length"))?;
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    Ok((status, String::from_utf8_lossy(&body).into_owned()))
}

/// Removes what earlier test processes left behind when they were killed
/// before their exit hook ran: chromedriver died with them, but a Chromium
/// outlives its chromedriver.
fn remove_leftovers() {
    let Ok(entries) = fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for entry in entries.flatten() {
        let pid = entry
            .file_name()
            .to_str()
            .and_then(|name| name.strip_prefix(DIR_PREFIX))
            .and_then(|pid| pid.parse::<libc::pid_t>().ok());
        let Some(pid) = pid else { continue };
        // A zombie counts as gone: it will never end its sessions.
        if pid as u32 == process::id() || running(pid) {
            continue;
        }
        kill_chromium_under(&entry.path());
        let _ = fs::remove_dir_all(entry.path());
    }
}

/// Kills every process started with a profile under `dir` (only the
/// Chromiums of this suite have one there) and waits for them to be gone,
/// so that none writes into `dir` after it is removed.
fn kill_chromium_under(dir: &Path) {
    let needle = format!("--user-data-dir={}/", dir.display());
    let Ok(entries) = fs::read_dir("/proc") else {
        return;
    };
    let mut killed = Vec::new();
    for entry in entries.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|name| name.parse::<libc::pid_t>().ok())
        else {
            continue;
        };
        let Ok(cmdline) = fs::read(entry.path().join("cmdline")) else {
            continue;
        };
        if cmdline
            .split(|byte| *byte == 0)
            .any(|arg| arg.starts_with(needle.as_bytes()))
        {
            // SAFETY: kill has no memory effects; at worst the process has
            // already gone.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            killed.push(pid);
        }
    }
    let deadline = Instant::now() + Duration::from_secs(5);
    while killed.iter().any(|pid| running(*pid)) && Instant::now() < deadline {
        thread::sleep(Duration::from_millis(20));
    }
}

/// Whether a process exists and is not a zombie.
fn running(pid: libc::pid_t) -> bool {
    let Ok(stat) = fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return false;
    };
    // "pid (name) state ...": the name may itself contain ") ".
    let state = stat
        .rsplit_once(") ")
        .and_then(|(_, rest)| rest.chars().next());
    !matches!(state, None | Some('Z' | 'X'))
}
