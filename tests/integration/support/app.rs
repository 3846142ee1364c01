//! A running Clarion for one test: its own database (a SQLite file or a
//! fresh PostgreSQL database), its own SMTP server, a browser-like client.

use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use actix_web::web::Data;
use clarion::clock::Clock;
use clarion::config::Settings;
use clarion::db::PooledConn;
use clarion::startup::Application;
use clarion::web::AppState;
use clarion::worker::MailWorker;
use reqwest::Response;

use super::eventually::{BOUND, eventually};
use super::postgres;
use super::smtp::MailServer;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// A database URL for a brand-new, empty database.
    pub fn new_database_url(self, dir: &std::path::Path) -> String {
        match self {
            Backend::Sqlite => dir.join("clarion.db").to_string_lossy().into_owned(),
            Backend::Postgres => postgres::new_database_url(),
        }
    }

    /// A database URL for a new database the application starts on: on
    /// PostgreSQL one already migrated (see
    /// [`postgres::new_migrated_database_url`]), on SQLite an empty file.
    fn new_app_database_url(self, dir: &std::path::Path) -> String {
        match self {
            Backend::Sqlite => self.new_database_url(dir),
            Backend::Postgres => postgres::new_migrated_database_url(),
        }
    }
}

/// A browser-like client with its own cookies: one person using the site.
#[derive(Clone)]
pub struct Person {
    pub client: reqwest::Client,
    address: String,
}

impl Person {
    pub fn new(address: &str) -> Person {
        Self::with_headers(address, reqwest::header::HeaderMap::new())
    }

    /// Someone whose requests pass a proxy on 127.0.0.1 that names them
    /// `client` in `X-Forwarded-For`, as the server sees them when it
    /// trusts that proxy (`CLARION_TRUSTED_PROXIES`).
    pub fn behind_proxy(address: &str, client: &str) -> Person {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("x-forwarded-for", client.parse().unwrap());
        Self::with_headers(address, headers)
    }

    pub fn with_headers(address: &str, headers: reqwest::header::HeaderMap) -> Person {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .default_headers(headers)
            .timeout(Duration::from_secs(30))
            .build()
            .unwrap();
        Person {
            client,
            address: address.to_owned(),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("GET answered")
    }

    /// Status and body of a page.
    pub async fn page(&self, path: &str) -> (u16, String) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (status, response.text().await.unwrap())
    }

    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        self.client
            .post(self.url(path))
            .form(fields)
            .send()
            .await
            .expect("POST answered")
    }

    /// Opens a page as a person would and sends its form with `fields` and
    /// the page's CSRF token.
    pub async fn submit_form(&self, page: &str, action: &str, fields: &[(&str, &str)]) -> Response {
        let (status, body) = self.page(page).await;
        assert_eq!(status, 200, "{page} should show its form");
        let token = csrf_token_in(&body);
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        all.push(("csrf_token", &token));
        self.post_form(action, &all).await
    }
}

pub struct TestApp {
    pub address: String,
    pub state: Data<AppState>,
    pub clock: Clock,
    pub mail: MailServer,
    pub client: reqwest::Client,
    /// The anonymous visitor most tests act as.
    pub visitor: Person,
    pub data_dir: PathBuf,
    /// A worker of the app's settings that the test runs itself.
    worker: MailWorker,
    server: actix_web::dev::ServerHandle,
    running: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
    _dir: tempfile::TempDir,
}

impl Drop for TestApp {
    /// Stops the server and waits for it, so that each test's database
    /// connections close when it ends instead of piling up on PostgreSQL.
    fn drop(&mut self) {
        let stopping = self.server.stop(false);
        let running = self.running.take();
        let runtime = tokio::runtime::Handle::current();
        if runtime.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread {
            tokio::task::block_in_place(|| {
                runtime.block_on(async {
                    stopping.await;
                    if let Some(running) = running {
                        let _ = running.await;
                    }
                })
            });
        }
    }
}

/// Settings for a test instance; `extra` may override any variable.
pub fn test_settings(
    backend: Backend,
    dir: &std::path::Path,
    base_url: &str,
    extra: &[(&str, String)],
) -> Settings {
    let mut vars = vec![
        (
            "CLARION_DATA_DIR".to_owned(),
            dir.to_string_lossy().into_owned(),
        ),
        ("CLARION_BASE_URL".to_owned(), base_url.to_owned()),
        ("CLARION_SECRET_KEY".to_owned(), "5e".repeat(32)),
        ("CLARION_WORKERS".to_owned(), "1".to_owned()),
        ("CLARION_POOL_SIZE".to_owned(), "4".to_owned()),
        ("CLARION_MAIL_POLL_MS".to_owned(), "50".to_owned()),
        // Tests change the register behind the server's back and look at once.
        ("CLARION_REGISTER_REVALIDATE_MS".to_owned(), "0".to_owned()),
    ];
    for (key, value) in extra {
        vars.retain(|(k, _)| k != key);
        vars.push(((*key).to_owned(), value.clone()));
    }
    if !vars.iter().any(|(k, _)| k == "CLARION_DATABASE_URL") {
        vars.push((
            "CLARION_DATABASE_URL".to_owned(),
            backend.new_app_database_url(dir),
        ));
    }
    Settings::from_sources(None, vars).expect("test settings are valid")
}

impl TestApp {
    pub async fn spawn(backend: Backend) -> TestApp {
        Self::spawn_with(backend, &[]).await
    }

    /// Starts the app with extra `CLARION_*` settings. Mail goes to a fresh
    /// SMTP server unless `CLARION_SMTP_URL` is given as "" (then files).
    pub async fn spawn_with(backend: Backend, extra: &[(&str, String)]) -> TestApp {
        let dir = tempfile::tempdir().expect("temporary directory");
        let mail = MailServer::start();
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
        let port = listener.local_addr().unwrap().port();
        let address = format!("http://127.0.0.1:{port}");
        let mut vars = vec![("CLARION_SMTP_URL", mail.url())];
        vars.extend(extra.iter().cloned());
        let settings = test_settings(backend, dir.path(), &address, &vars);
        let clock = Clock::default();
        let app = Application::build_with_listener(settings, clock.clone(), listener)
            .await
            .expect("the application starts");
        let state = app.state();
        let worker = MailWorker::new(
            state.pool.clone(),
            &state.settings,
            clock.clone(),
            Arc::default(),
        )
        .expect("a mail worker for the test");
        let server = app.handle();
        let running = Some(tokio::spawn(app.run_until_stopped()));
        let visitor = Person::new(&address);
        TestApp {
            client: visitor.client.clone(),
            visitor,
            address,
            state,
            clock,
            mail,
            data_dir: dir.path().to_path_buf(),
            worker,
            server,
            running,
            _dir: dir,
        }
    }

    pub fn url(&self, path: &str) -> String {
        self.visitor.url(path)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.visitor.get(path).await
    }

    pub async fn page(&self, path: &str) -> (u16, String) {
        self.visitor.page(path).await
    }

    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        self.visitor.post_form(path, fields).await
    }

    pub async fn submit_form(&self, page: &str, action: &str, fields: &[(&str, &str)]) -> Response {
        self.visitor.submit_form(page, action, fields).await
    }

    /// An account with a password, optionally in a group with a role.
    pub fn add_user(
        &self,
        email: &str,
        name: &str,
        secretariat: bool,
        group: Option<(&str, &str)>,
    ) {
        use clarion::models::{groups, users};
        let mut conn = self.db();
        let id = clarion::db::new_id();
        users::insert(
            &mut conn,
            &users::NewUser {
                id: &id,
                email,
                name,
                password_hash: Some(&test_password_hash()),
                is_secretariat: secretariat,
                active: true,
                created_at: self.clock.now(),
                sponsor_organisation_id: None,
            },
        )
        .unwrap();
        if let Some((code, role)) = group {
            let group = groups::find_by_code(&mut conn, code)
                .unwrap()
                .expect("a group of the registry");
            groups::add_member(&mut conn, &group.id, &id, role, self.clock.now()).unwrap();
        }
    }

    /// The id of the group with this code.
    pub fn group_id(&self, code: &str) -> String {
        use clarion::db::schema::groups;
        use diesel::prelude::*;
        groups::table
            .filter(groups::code.eq(code))
            .select(groups::id)
            .first(&mut self.db())
            .unwrap()
    }

    /// The id of the account with this address.
    pub fn user_id(&self, email: &str) -> String {
        use clarion::db::schema::users;
        use diesel::prelude::*;
        users::table
            .filter(users::email.eq(email))
            .select(users::id)
            .first(&mut self.db())
            .unwrap()
    }

    /// A new person who signs in as `email` (with [`PASSWORD`]).
    pub async fn signed_in(&self, email: &str) -> Person {
        self.sign_in(Person::new(&self.address), email).await
    }

    /// `person` (with headers of their own) once signed in as `email`.
    pub async fn sign_in(&self, person: Person, email: &str) -> Person {
        let response = person
            .submit_form(
                "/login",
                "/login",
                &[
                    ("email", email),
                    ("password", PASSWORD),
                    ("next", "/workspace"),
                ],
            )
            .await;
        assert_eq!(response.status(), 303, "{email} signs in");
        person
    }

    pub fn db(&self) -> PooledConn {
        self.state.pool.get().expect("a database connection")
    }
}

/// The password of every account made by [`TestApp::add_user`].
pub const PASSWORD: &str = "correct horse battery staple";

/// Hashing is deliberately slow: hash the test password once per process.
fn test_password_hash() -> String {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| clarion::domain::password::hash(PASSWORD))
        .clone()
}

/// The value of the hidden `csrf_token` field of a page.
pub fn csrf_token_in(html: &str) -> String {
    let document = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse("input[name=csrf_token]").unwrap();
    document
        .select(&selector)
        .next()
        .and_then(|input| input.value().attr("value"))
        .expect("the page has a CSRF field")
        .to_owned()
}

/// The `version` a page's action forms carry (the optimistic lock).
pub fn version_in(html: &str) -> String {
    let document = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse("input[name=version]").unwrap();
    document
        .select(&selector)
        .next()
        .and_then(|input| input.value().attr("value"))
        .expect("the page has a form with a version")
        .to_owned()
}

/// The ids `html` gives more than one element, which a link or a label
/// can then not tell apart.
pub fn duplicate_ids(html: &str) -> Vec<String> {
    let document = scraper::Html::parse_document(html);
    let mut seen = std::collections::HashSet::new();
    let mut twice: Vec<String> = document
        .select(&scraper::Selector::parse("[id]").unwrap())
        .filter_map(|element| element.value().id())
        .filter(|id| !seen.insert(*id))
        .map(str::to_owned)
        .collect();
    twice.sort_unstable();
    twice.dedup();
    twice
}

/// Text of the first element matching `selector`, whitespace collapsed.
pub fn text_of(html: &str, selector: &str) -> Option<String> {
    let document = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse(selector).unwrap();
    document.select(&selector).next().map(|element| {
        element
            .text()
            .collect::<Vec<_>>()
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// The value attribute of the first control named `name`, as the browser
/// would send it (entities decoded).
pub fn value_of(html: &str, name: &str) -> Option<String> {
    let document = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse(&format!("[name=\"{name}\"]")).unwrap();
    document
        .select(&selector)
        .next()
        .and_then(|e| e.value().attr("value").map(str::to_owned))
}

/// The addresses of the links matching `selector`.
pub fn links(html: &str, selector: &str) -> Vec<String> {
    let document = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse(selector).unwrap();
    document
        .select(&selector)
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect()
}

/// Texts of every element matching `selector`, as [`text_of`] reads one.
pub fn texts_of(html: &str, selector: &str) -> Vec<String> {
    let document = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse(selector).unwrap();
    document
        .select(&selector)
        .map(|element| element.text().collect::<Vec<_>>().join(" "))
        .map(|text| text.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// Runs an async test once on SQLite and once on PostgreSQL:
/// `on_both_databases!(a_person_reads_the_home_page);` makes
/// `a_person_reads_the_home_page::sqlite` and `…::postgres`.
#[macro_export]
macro_rules! on_both_databases {
    ($($test:ident),* $(,)?) => {
        $(
            mod $test {

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    super::$test($crate::support::app::Backend::Sqlite).await
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    super::$test($crate::support::app::Backend::Postgres).await
                }
            }
        )*
    };
}

/// Declares tests that drive pages in headless Chromium, each run on
/// SQLite alone, as `<test>::sqlite`. What a browser adds to the HTTP tests
/// is how it reads, lays out and scripts the pages, which does not depend
/// on the database; every rule and query those journeys pass through is
/// tested on both databases over HTTP. Run once, they take half the time
/// they took on both, which keeps CI within its budget.
#[macro_export]
macro_rules! in_a_browser {
    ($($test:ident),* $(,)?) => {
        $(
            mod $test {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    super::$test($crate::support::app::Backend::Sqlite).await
                }
            }
        )*
    };
}

impl TestApp {
    /// An active secretariat account, as setup or `clarion user add` makes.
    pub fn add_secretariat(&self, email: &str) {
        clarion::models::users::insert(
            &mut self.db(),
            &clarion::models::users::NewUser {
                id: &clarion::db::new_id(),
                email,
                name: "Sam Secretariat",
                password_hash: None,
                is_secretariat: true,
                active: true,
                created_at: self.clock.now(),
                sponsor_organisation_id: None,
            },
        )
        .unwrap();
    }

    /// Runs the mail worker once to its end beside the app's own, at the
    /// test clock's time: the jobs due, then every message due. It then
    /// waits for the messages the app's worker was sending to be recorded,
    /// so that mail not received afterwards was never sent.
    pub async fn run_worker_once(&self) {
        use clarion::db::schema::outbox;
        use diesel::prelude::*;
        self.worker
            .run_once()
            .await
            .expect("a pass of the mail worker");
        eventually(BOUND, || async {
            let sending: i64 = outbox::table
                .filter(outbox::status.eq("pending"))
                .filter(outbox::next_attempt_at.le(self.clock.now()))
                .count()
                .get_result(&mut self.db())
                .unwrap();
            match sending {
                0 => Ok(()),
                n => Err(format!("{n} messages due are still unsent")),
            }
        })
        .await;
    }
}
