//! What every handler shares: the application state, the page context for
//! templates, CSRF, security headers and metrics.

pub mod client;
pub mod conditional;
pub mod csrf;
pub mod error_pages;
pub mod flash;
pub mod head;
pub mod input;
pub mod intake;
mod kept_pages;
pub mod language;
pub mod metrics;
pub mod page_cache;
pub mod private_pages;
pub mod search;
pub mod security;
pub mod session;
pub mod slow_clients;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use tokio::sync::Notify;

use crate::clock::Clock;
use crate::config::Settings;
use crate::db::{DatabaseUrl, DbConn, Pool};
use crate::error::AppError;
use crate::mail::MailContext;

pub use csrf::{Csrf, CsrfForm, NoFields};
pub use session::{SignedIn, Viewer};

pub struct AppState {
    pub settings: Settings,
    pub pool: Pool,
    /// What the pool's connections report: whether writes fail.
    pub health: Arc<crate::db::Health>,
    pub clock: Clock,
    /// Wakes the mail worker when a transaction has queued mail.
    pub mail_wake: Arc<Notify>,
    pub metrics: metrics::Metrics,
    pub page_cache: page_cache::PageCache,
    /// Each person's workspace and admin pages (`private_pages`).
    pub private_pages: private_pages::PrivatePages,
    pub search_index: Arc<crate::search::SearchIndex>,
    /// The workspace's list of requests (`crate::search::RequestIndex`).
    pub request_index: Arc<crate::search::RequestIndex>,
    /// Stores submissions of the request form in groups.
    pub intake: intake::Intake,
    /// One permit per pooled connection: a request waits for its turn here,
    /// as a parked future, rather than as a blocking thread of its own
    /// waiting on the pool, so a crowd costs memory per request, not per
    /// thread.
    pub db_turns: tokio::sync::Semaphore,
    /// One permit per CSV download served at once (`CLARION_DOWNLOADS`).
    pub downloads: Arc<tokio::sync::Semaphore>,
}

impl AppState {
    /// Runs blocking database work on the blocking thread pool.
    pub async fn db<T, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let _turn = self
            .db_turns
            .acquire()
            .await
            .expect("the semaphore is never closed");
        let pool = self.pool.clone();
        actix_web::web::block(move || {
            let mut conn = pool.get()?;
            f(&mut conn)
        })
        .await?
    }

    /// Runs a short read: on SQLite right here on the worker, on PostgreSQL
    /// as [`AppState::db`] does.
    ///
    /// Handing a search to the blocking pool and back woke two threads
    /// per request and left the cores idle a seventh of the time between;
    /// run here, searches on SQLite went half as fast again. A SQLite read
    /// in WAL mode waits for no writer, only for its own work and the
    /// operating system's page cache, so it holds the worker no longer than
    /// that work. Hence only for reads bounded by a page: anything that can
    /// take long (building the search index, an export) would stall the
    /// worker's other connections, and goes to [`AppState::db`]. So does
    /// every PostgreSQL read, which waits on the network.
    pub async fn read<T, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        if let DatabaseUrl::Sqlite(_) = self.settings.database_url {
            let turn = self
                .db_turns
                .acquire()
                .await
                .expect("the semaphore is never closed");
            // The mail worker and jobs take connections without a turn; if
            // none is free now, wait for one off the worker.
            if let Some(mut conn) = self.pool.try_get() {
                // As the blocking pool would: a panic answers this request
                // with an error rather than bringing the worker down.
                return catch_unwind(AssertUnwindSafe(|| f(&mut conn))).unwrap_or_else(|_| {
                    Err(AppError::Internal("a database read panicked".into()))
                });
            }
            drop(turn);
        }
        self.db(f).await
    }

    pub fn page(&self, section: &'static str) -> Page {
        Page::public(&self.settings, section)
    }

    /// The page context for someone signed in (or not); `csrf` signs the
    /// header's sign-out button.
    pub fn page_as(&self, section: &'static str, viewer: &Viewer, csrf: &Csrf) -> Page {
        let page = self.page(section);
        // The account's own choice beats the browser's.
        let preference = viewer.0.as_ref().and_then(|u| u.language.as_deref());
        Page {
            sign_out: viewer.0.as_ref().map(|_| csrf.to_string()),
            user_name: viewer.name(),
            lang: preference
                .and_then(|tag| self.settings.languages.offered(tag))
                .unwrap_or(page.lang.clone()),
            ..page
        }
    }

    pub fn mail_context(&self) -> MailContext {
        MailContext::from(&self.settings)
    }

    /// The domain of Message-IDs.
    pub fn mail_host(&self) -> String {
        crate::config::host_of(&self.settings.base_url)
    }

    pub fn wake_mail_worker(&self) {
        self.mail_wake.notify_one();
    }
}

/// What the base layout needs on every page.
pub struct Page {
    pub stylesheet: &'static str,
    /// The navigation entry to mark as current: "home", "clarifications",
    /// "standards", "submit", "workspace" or "".
    pub section: &'static str,
    pub site_name: String,
    pub user_name: Option<String>,
    /// The CSRF token of the header's sign-out button, for someone signed in.
    pub sign_out: Option<String>,
    /// What the action before the redirect to this page did.
    pub flash: Option<flash::Done>,
    /// The language the page is in.
    pub lang: crate::i18n::Lang,
    /// The languages offered, for the switch.
    pub languages: Vec<crate::i18n::Lang>,
    /// This page's address, where the switch comes back to.
    pub here: String,
}

impl Page {
    /// A page as anyone who is not signed in sees it, in `section`.
    pub fn public(settings: &Settings, section: &'static str) -> Self {
        Self {
            section,
            site_name: settings.site_name.clone(),
            languages: settings.languages.all().collect(),
            ..Self::bare()
        }
    }

    /// For the rare page rendered without application state.
    pub fn bare() -> Self {
        let reader = language::reader();
        Self {
            stylesheet: crate::assets::stylesheet_path(),
            section: "",
            site_name: "Clarion".into(),
            user_name: None,
            sign_out: None,
            flash: None,
            lang: reader.lang,
            languages: Vec::new(),
            here: reader.here,
        }
    }

    /// This page with the banner its request brought.
    pub fn showing(self, flash::Flash(flash): flash::Flash) -> Self {
        Self { flash, ..self }
    }

    /// The message `key` in the page's language.
    pub fn t(&self, key: impl AsRef<str>) -> String {
        self.lang.t(key.as_ref())
    }

    /// A message Rust code handed over (a field's problem, a refusal).
    pub fn msg(&self, message: impl crate::i18n::Said) -> String {
        message.said_in(&self.lang)
    }

    /// The message `key` with its Fluent variables:
    /// `page.t_with("footer-using", [("site", name.into())])`.
    pub fn t_with(&self, key: &str, args: &[(&str, crate::i18n::Arg<'_>)]) -> String {
        self.lang.t_with(key, args)
    }

    /// A day in the page's language.
    pub fn date(&self, day: impl crate::i18n::Day) -> String {
        self.lang.date(day)
    }

    /// A day in a sentence, in the page's language.
    pub fn long_date(&self, day: impl crate::i18n::Day) -> String {
        self.lang.long_date(day)
    }

    /// A moment in a sentence, in the page's language: "5 December 2026,
    /// 14:05 UTC".
    pub fn moment(&self, at: &chrono::NaiveDateTime) -> String {
        format!("{}, {} UTC", self.lang.long_date(at), at.format("%H:%M"))
    }

    /// A count in the page's language.
    pub fn number(&self, n: impl crate::i18n::Count) -> String {
        self.lang.number(n.count())
    }

    /// The languages the switch offers besides this page's.
    pub fn other_languages(&self) -> impl Iterator<Item = &crate::i18n::Lang> {
        self.languages.iter().filter(|l| **l != self.lang)
    }

    /// The banner, rendered for the layout.
    pub fn banner(&self) -> Option<String> {
        let done = self.flash.as_ref()?;
        askama::Template::render(&flash::Banner { done, page: self }).ok()
    }
}

/// A document meant for one person (it names them, or it is reached by
/// their private link): no cache keeps it, not even their browser's.
pub fn private(
    status: actix_web::http::StatusCode,
    content_type: &str,
    body: impl actix_web::body::MessageBody + 'static,
) -> actix_web::HttpResponse {
    actix_web::HttpResponse::build(status)
        .content_type(content_type)
        .insert_header(("cache-control", "private, no-store"))
        .body(body)
}

/// A page meant for one person, as [`private`].
pub fn private_page(status: actix_web::http::StatusCode, body: String) -> actix_web::HttpResponse {
    private(status, "text/html; charset=utf-8", body)
}

/// A keyed hash of who the client is (see [`client`]), for throttles.
pub fn client_key(req: &actix_web::HttpRequest, settings: &Settings) -> String {
    let who = client::address(req, &settings.trusted_proxies)
        .map(client::bucket)
        .unwrap_or_default();
    crate::domain::keyed::keyed_hash(settings.secret_key.expose(), "client", &who)
}

impl AppState {
    /// The workflow context for an action happening now.
    pub fn workflow(&self) -> crate::workflow::Ctx {
        crate::workflow::Ctx::new(&self.settings, self.clock.now())
    }
}
