//! Building the application: database, migrations, registry, the HTTP
//! server and the mail worker. Tests call `Application::build` with port 0.

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::middleware::{Compress, from_fn};
use actix_web::{App, HttpServer, web};
use tokio::sync::Notify;
use tracing_actix_web::TracingLogger;

use crate::clock::Clock;
use crate::config::Settings;
use crate::db::{self, Pool};
use crate::seed::registry;
use crate::telemetry::RequestSpan;
use crate::web::{AppState, metrics::Metrics, page_cache::PageCache, private_pages::PrivatePages};
use crate::worker::MailWorker;
use crate::{routes, web as site};

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct StartupError(pub String);

impl From<String> for StartupError {
    fn from(message: String) -> Self {
        Self(message)
    }
}

/// Opens the pool and brings the database up to date: migrations, then the
/// registry and the organisations if the database has none. A missing SQLite file is created only
/// in a new data directory: in one used before, it was lost, and an empty
/// database in its place would take submissions while the real one is
/// elsewhere.
pub fn prepare_database(
    settings: &Settings,
    clock: &Clock,
) -> Result<(Pool, Arc<db::Health>), StartupError> {
    if let db::DatabaseUrl::Sqlite(path) = &settings.database_url
        && !std::path::Path::new(path).exists()
    {
        if !settings.data_dir_was_new {
            return Err(StartupError(format!(
                "the database {path} is missing, but the data directory {} was used before; \
                 Clarion does not start on an empty database in its place. Restore the file \
                 (or set CLARION_DATABASE_URL to where it is), or create a new one on purpose \
                 with `clarion migrate`",
                settings.data_dir.display()
            )));
        }
        db::establish(&settings.database_url)
            .map_err(|e| format!("cannot create the database {path}: {e}"))?;
    }
    let (pool, health) = db::pool(
        &settings.database_url,
        settings.pool_size,
        settings.sqlite_map_mb,
        settings.db_timeout(),
    )?;
    let mut conn = pool.get().map_err(|e| {
        format!(
            "cannot connect to the database {:?}: {e}",
            settings.database_url
        )
    })?;
    db::with_startup_lock(&mut conn, |conn| {
        let applied = db::migrate(conn)?;
        if !applied.is_empty() {
            tracing::info!(count = applied.len(), "applied database migrations");
        }
        let report = registry::fill_empty(conn, clock.now())
            .map_err(|e| format!("seeding the registry: {e}"))?;
        if report != registry::SeedReport::default() {
            tracing::info!(
                standards = report.standards,
                groups = report.groups,
                committees = report.committees,
                organisations = report.organisations,
                "seeded the registry"
            );
        }
        Ok(())
    })?;
    Ok((pool, health))
}

pub struct Application {
    port: u16,
    server: Server,
    state: web::Data<AppState>,
    worker: MailWorker,
}

impl Application {
    /// Listens on `settings.bind`.
    pub async fn build(settings: Settings, clock: Clock) -> Result<Self, StartupError> {
        let listener = TcpListener::bind(settings.bind)
            .map_err(|e| format!("cannot listen on {}: {e}", settings.bind))?;
        Self::build_with_listener(settings, clock, listener).await
    }

    /// Serves on a listener bound by the caller: tests bind port 0 first so
    /// that the base URL can name the real port.
    pub async fn build_with_listener(
        settings: Settings,
        clock: Clock,
        listener: TcpListener,
    ) -> Result<Self, StartupError> {
        let (pool, health) = {
            let (settings, clock) = (settings.clone(), clock.clone());
            tokio::task::spawn_blocking(move || prepare_database(&settings, &clock))
                .await
                .map_err(|e| StartupError(e.to_string()))??
        };
        let setup_link = {
            let (pool, base_url, now) = (pool.clone(), settings.base_url.clone(), clock.now());
            tokio::task::spawn_blocking(move || -> Result<Option<String>, String> {
                let mut conn = pool.get().map_err(|e| e.to_string())?;
                crate::workflow::accounts::issue_setup_link(&mut conn, &base_url, now)
                    .map_err(|e| e.to_string())
            })
            .await
            .map_err(|e| StartupError(e.to_string()))??
        };
        if let Some(link) = setup_link {
            tracing::warn!("no account exists yet: create the first secretariat account at {link}");
        }

        let mail_wake = Arc::new(Notify::new());
        let worker = MailWorker::new(pool.clone(), &settings, clock.clone(), mail_wake.clone())?;
        tracing::info!(database = settings.database_url.backend(), mail = %worker.transport.describe(), "starting");

        let port = listener.local_addr().map_err(|e| e.to_string())?.port();
        let workers = settings.workers;
        let intake = site::intake::Intake::start(pool.clone())
            .map_err(|e| format!("cannot start the intake: {e}"))?;
        let revalidate_after = Duration::from_millis(settings.register_revalidate_ms);
        let state = web::Data::new(AppState {
            db_turns: tokio::sync::Semaphore::new(pool.max_size() as usize),
            downloads: Arc::new(tokio::sync::Semaphore::new(settings.downloads as usize)),
            pool,
            health,
            clock,
            mail_wake,
            metrics: Metrics::new(),
            page_cache: PageCache::new(
                settings.page_cache_mb as usize * 1024 * 1024,
                revalidate_after,
            ),
            // As much again for the workspace's pages: one setting turns
            // both off (the benchmark's cold mode).
            private_pages: PrivatePages::new(
                settings.page_cache_mb as usize * 1024 * 1024,
                revalidate_after,
            ),
            search_index: Default::default(),
            request_index: Default::default(),
            intake,
            settings,
        });
        let app_state = state.clone();
        let connections = site::slow_clients::Connections::new(
            state.settings.connections_per_client,
            &state.settings.trusted_proxies,
        );
        let server = HttpServer::new(move || {
            App::new()
                .app_data(app_state.clone())
                .app_data(web::PayloadConfig::new(site::csrf::MAX_FORM_BYTES))
                .app_data(web::FormConfig::default().limit(site::csrf::MAX_FORM_BYTES))
                .app_data(web::JsonConfig::default().limit(site::csrf::MAX_FORM_BYTES))
                .configure(routes::configure)
                .default_service(web::to(routes::not_found))
                // Listed innermost first: HEAD is routed as GET, addresses
                // with control characters are refused before any handler,
                // errors become pages before a person's pages are kept and
                // before headers, pages kept in memory carry their headers
                // and ETag, a slow body and a client over
                // its connections are cut short, metrics and the request span
                // see the final response, which carries its own request id
                // even when kept.
                .wrap(from_fn(site::head::as_get))
                .wrap(from_fn(site::input::refuse_control_characters))
                .wrap(from_fn(site::error_pages::render_error_pages))
                .wrap(from_fn(site::private_pages::serve_from_memory))
                .wrap(from_fn(site::security::headers))
                .wrap(from_fn(site::conditional::revalidate))
                .wrap(from_fn(site::page_cache::serve_from_memory))
                .wrap(from_fn(site::language::choose))
                .wrap(Compress::default())
                .wrap(from_fn(site::slow_clients::time_bodies))
                .wrap(from_fn(site::slow_clients::cap_connections))
                .wrap(from_fn(site::metrics::track))
                .wrap(from_fn(site::security::request_id))
                .wrap(TracingLogger::<RequestSpan>::new())
        })
        .on_connect(move |connection, data| connections.opened(connection, data))
        .workers(workers)
        .shutdown_timeout(10)
        .listen(listener)
        .map_err(|e| format!("cannot serve: {e}"))?
        .run();
        Ok(Self {
            port,
            server,
            state,
            worker,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Stops the server from outside, as tests do when they end: the
    /// server's workers run on their own threads and would otherwise keep
    /// the database pool, and its connections, alive.
    pub fn handle(&self) -> actix_web::dev::ServerHandle {
        self.server.handle()
    }

    /// The shared state, for tests that look behind the pages.
    pub fn state(&self) -> web::Data<AppState> {
        self.state.clone()
    }

    /// Serves until the server is stopped (SIGINT/SIGTERM), with the mail
    /// worker running beside it.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let worker = tokio::spawn(self.worker.run());
        // Built now, the search index is ready for the first search rather
        // than making it wait (a large register takes a second or two), and
        // the index of the workspace's list for the first list.
        let state = self.state.clone();
        tokio::spawn(async move {
            let index = state.search_index.clone();
            if let Err(error) = state
                .db(move |conn| Ok(index.current(conn, None).map(drop)?))
                .await
            {
                tracing::warn!(%error, "the search index could not be built ahead of the first search");
            }
            let requests = state.request_index.clone();
            if let Err(error) = state.db(move |conn| Ok(requests.prepare(conn)?)).await {
                tracing::warn!(%error, "the list of requests could not be indexed ahead of the first list");
            }
        });
        let result = self.server.await;
        worker.abort();
        result
    }
}
