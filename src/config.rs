//! Settings: defaults, then an optional TOML file, then `CLARION_*`
//! environment variables, later ones winning. Everything is checked here, so
//! a bad value stops the program at start with one clear line.

use std::collections::HashMap;
use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::db::{DatabaseUrl, redact_url};

/// A value that must never reach a log line or a `Debug` dump.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret<T>(T);

impl<T> Secret<T> {
    pub fn new(value: T) -> Self {
        Self(value)
    }

    pub fn expose(&self) -> &T {
        &self.0
    }
}

impl<T> fmt::Debug for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

#[derive(Debug, thiserror::Error)]
#[error("configuration: {0}")]
pub struct ConfigError(pub String);

/// The settings a file or the environment may give; every one optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Layer {
    data_dir: Option<String>,
    database_url: Option<String>,
    bind: Option<String>,
    base_url: Option<String>,
    smtp_url: Option<String>,
    mail_from: Option<String>,
    secret_key: Option<String>,
    site_name: Option<String>,
    publisher: Option<String>,
    workers: Option<usize>,
    pool_size: Option<u32>,
    sqlite_map_mb: Option<u32>,
    db_timeout_ms: Option<u64>,
    log_format: Option<String>,
    access_log: Option<String>,
    submissions_per_hour: Option<u32>,
    retention_days: Option<u32>,
    mail_poll_ms: Option<u64>,
    page_cache_mb: Option<u32>,
    register_revalidate_ms: Option<u64>,
    trusted_proxies: Option<String>,
    languages: Option<String>,
    locales_dir: Option<String>,
    metrics: Option<String>,
    metrics_token: Option<String>,
    connections_per_client: Option<u32>,
    body_timeout_ms: Option<u64>,
    downloads: Option<u32>,
    reconsideration_days: Option<u32>,
    consultation_days: Option<u32>,
    appeal_acknowledge_days: Option<u32>,
    appeal_decision_days: Option<u32>,
    appeal_body: Option<String>,
    intake: Option<String>,
    endorsement_reminder_days: Option<u32>,
    endorsement_expiry_days: Option<u32>,
    group_sees_submitter: Option<String>,
    webhook_disable_days: Option<u32>,
    webhook_private_targets: Option<String>,
}

/// Every variable the program reads, with what it means; `--help` shows this.
pub const VARIABLES: &[(&str, &str)] = &[
    (
        "CLARION_CONFIG",
        "optional TOML file with the settings below (lower-case names without the prefix)",
    ),
    (
        "CLARION_DATA_DIR",
        "directory for the SQLite database, mail files and the generated secret key [default: ./data]",
    ),
    (
        "CLARION_DATABASE_URL",
        "postgres://user:password@host/db, or a SQLite file path [default: $CLARION_DATA_DIR/clarion.db]",
    ),
    (
        "CLARION_BIND",
        "address and port to listen on [default: 127.0.0.1:8080]",
    ),
    (
        "CLARION_BASE_URL",
        "public address used in every absolute link, e.g. https://clarion.example.org [default: http://$CLARION_BIND]",
    ),
    (
        "CLARION_SMTP_URL",
        "smtp://user:password@host:587?tls=required (STARTTLS), smtps://…:465 (TLS) or smtp://127.0.0.1:25 (plain, loopback); unset: mail is written as .eml files under $CLARION_DATA_DIR/mail",
    ),
    (
        "CLARION_MAIL_FROM",
        "sender of every message [default: Clarion <clarion@HOST of the base URL>]",
    ),
    (
        "CLARION_SECRET_KEY",
        "64 hex characters keying CSRF tokens and hashes [default: generated once into $CLARION_DATA_DIR/secret.key]",
    ),
    (
        "CLARION_SITE_NAME",
        "name shown in pages and mail [default: Clarion]",
    ),
    (
        "CLARION_PUBLISHER",
        "who publishes the clarifications, named in citations [default: ISO/CASCO]",
    ),
    (
        "CLARION_WORKERS",
        "HTTP worker threads [default: number of CPUs]",
    ),
    (
        "CLARION_POOL_SIZE",
        "database connections in the pool [default: 8]",
    ),
    (
        "CLARION_SQLITE_MAP_MB",
        "how much of the SQLite file each connection reads through a mapping of it instead of copying, in MB, up to 2047; faster first askings of pages, but the resident size then counts the file's pages read [default: 0]",
    ),
    (
        "CLARION_DB_TIMEOUT_MS",
        "how long a request waits for the database (a connection, SQLite's write lock) before it is answered 503 \"try again in a minute\", in milliseconds [default: 5000]",
    ),
    (
        "CLARION_LOG_FORMAT",
        "text or json [default: text]; the level comes from RUST_LOG [default: info]",
    ),
    (
        "CLARION_ACCESS_LOG",
        "on or off: one line per request at info level; errors are logged either way [default: on]",
    ),
    (
        "CLARION_SUBMISSIONS_PER_HOUR",
        "stored submissions allowed per address and hour; 0 turns the throttle off [default: 5]",
    ),
    (
        "CLARION_RETENTION_DAYS",
        "days after closing before a request's personal data is erased [default: 365]",
    ),
    (
        "CLARION_MAIL_POLL_MS",
        "how often the mail worker looks for due messages, in milliseconds [default: 2000]",
    ),
    (
        "CLARION_PAGE_CACHE_MB",
        "memory for public register pages kept ready to serve, in MB, and as much again for the workspace's; 0 turns both off [default: 16]",
    ),
    (
        "CLARION_REGISTER_REVALIDATE_MS",
        "how long kept pages are served before the database is asked whether the register or the workspace changed and whether a session is still open, in milliseconds; changes made by another instance show after at most this long [default: 250]",
    ),
    (
        "CLARION_TRUSTED_PROXIES",
        "comma-separated addresses or CIDR networks of the reverse proxies in front; only from them is X-Forwarded-For (or Forwarded) believed [default: none]",
    ),
    (
        "CLARION_LANGUAGES",
        "the languages pages and mail are offered in, comma-separated, the default first; en and fr are built in, any other is read at start from $CLARION_LOCALES_DIR/<language>/*.ftl [default: en,fr]",
    ),
    (
        "CLARION_LOCALES_DIR",
        "directory of the message files of languages not built in, one sub-directory per language (ru/clarion.ftl, …) [default: $CLARION_DATA_DIR/locales]",
    ),
    (
        "CLARION_METRICS",
        "who may read /metrics: loopback (requests made on this machine, through no proxy), token (with CLARION_METRICS_TOKEN as a bearer token) or off [default: loopback]",
    ),
    (
        "CLARION_METRICS_TOKEN",
        "the bearer token /metrics asks for when CLARION_METRICS=token, at least 32 characters",
    ),
    (
        "CLARION_CONNECTIONS_PER_CLIENT",
        "open connections allowed per client address (per /64 for IPv6), trusted proxies excepted; 0 turns the cap off [default: 64]",
    ),
    (
        "CLARION_BODY_TIMEOUT_MS",
        "time a client has to send a request's whole body, in milliseconds [default: 15000]",
    ),
    (
        "CLARION_DOWNLOADS",
        "CSV downloads of the register served at once; more are asked to retry later (429) [default: 4]",
    ),
    (
        "CLARION_RECONSIDERATION_DAYS",
        "days after a decision (publication, or closing as not admissible, referred, duplicate or without consensus) during which its submitter may ask for reconsideration [default: 60]",
    ),
    (
        "CLARION_CONSULTATION_DAYS",
        "days the consulted liaisons have to answer on a decided clarification before it may be published [default: 30]",
    ),
    (
        "CLARION_APPEAL_ACKNOWLEDGE_DAYS",
        "days from an appeal's receipt to acknowledge it [default: 14]",
    ),
    (
        "CLARION_APPEAL_DECISION_DAYS",
        "days from an appeal's receipt to decide it [default: 90]",
    ),
    (
        "CLARION_APPEAL_BODY",
        "who considers appeals, as a sentence names them [default: the CASCO chair and secretary]",
    ),
    (
        "CLARION_INTAKE",
        "open (anyone's request goes to screening), endorsed (every request needs its member body's or liaison's endorsement) or both (sponsors' accounts submit endorsed requests; the public's need an endorsement) [default: open]",
    ),
    (
        "CLARION_ENDORSEMENT_REMINDER_DAYS",
        "days after a sponsor is asked to endorse a request before it is reminded [default: 14]",
    ),
    (
        "CLARION_ENDORSEMENT_EXPIRY_DAYS",
        "days after a sponsor is asked before the request closes unendorsed [default: 60]",
    ),
    (
        "CLARION_GROUP_SEES_SUBMITTER",
        "on: group members see a request's submitter and organisation; off: only its sponsor (the secretariat always sees both) [default: on]",
    ),
    (
        "CLARION_WEBHOOK_DISABLE_DAYS",
        "days a webhook endpoint's deliveries may fail before it is turned off and the secretariat mailed [default: 3]",
    ),
    (
        "CLARION_WEBHOOK_PRIVATE_TARGETS",
        "allow (on) or refuse (off) webhook endpoints on this machine or a private network [default: off]",
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

/// Who may read `/metrics`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetricsAccess {
    /// Requests made on this machine, through no proxy.
    Loopback,
    /// Whoever sends this bearer token.
    Token(Secret<String>),
    Off,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub data_dir: PathBuf,
    /// Whether the data directory was absent or empty when the settings
    /// were read (before a secret key was generated into it): only then
    /// does `serve` create a missing SQLite database.
    pub data_dir_was_new: bool,
    pub database_url: DatabaseUrl,
    pub bind: SocketAddr,
    pub base_url: String,
    pub smtp_url: Option<Secret<String>>,
    pub mail_from: lettre::message::Mailbox,
    pub secret_key: Secret<[u8; 32]>,
    pub site_name: String,
    /// Who publishes the clarifications: the citation names it.
    pub publisher: String,
    pub workers: usize,
    pub pool_size: u32,
    /// How much of the SQLite file each connection maps (see `db::pool`).
    pub sqlite_map_mb: u32,
    pub db_timeout_ms: u64,
    pub log_format: LogFormat,
    /// One line per request answered, at info level.
    pub access_log: bool,
    pub submissions_per_hour: u32,
    pub retention_days: u32,
    pub mail_poll_ms: u64,
    pub page_cache_mb: u32,
    pub register_revalidate_ms: u64,
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// The languages pages and mail are offered in, the default first.
    pub languages: crate::i18n::Languages,
    pub metrics: MetricsAccess,
    /// 0: no cap.
    pub connections_per_client: u32,
    pub body_timeout_ms: u64,
    pub downloads: u32,
    /// Days after a decision during which its submitter may ask for it to
    /// be reconsidered.
    pub reconsideration_days: u32,
    /// Days the consulted liaisons have to answer on a decision.
    pub consultation_days: u32,
    /// The time limits of appeals and who considers them.
    pub appeals: crate::domain::appeal::Limits,
    /// How requests come in, and how long a sponsor has to endorse one.
    pub intake: crate::domain::intake::Intake,
    /// How long a webhook endpoint may fail before it is turned off.
    pub webhook_disable_days: u32,
    /// Whether webhook endpoints may be on loopback or private networks.
    pub webhook_private_targets: bool,
}

impl Settings {
    /// Reads the file named by `CLARION_CONFIG` (or `file`) and the process
    /// environment.
    pub fn load(file: Option<&Path>) -> Result<Self, ConfigError> {
        Self::from_sources(file, std::env::vars())
    }

    pub fn from_sources(
        file: Option<&Path>,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Self, ConfigError> {
        let env: HashMap<String, String> = env
            .into_iter()
            .filter(|(k, _)| k.starts_with("CLARION_"))
            .collect();
        let file = file
            .map(Path::to_path_buf)
            .or_else(|| env.get("CLARION_CONFIG").map(PathBuf::from));
        let mut layer = match &file {
            Some(path) => read_file(path)?,
            None => Layer::default(),
        };
        layer.apply_env(&env)?;
        layer.resolve(load_or_create_key)
    }

    /// How long a request waits for the database.
    pub fn db_timeout(&self) -> std::time::Duration {
        std::time::Duration::from_millis(self.db_timeout_ms)
    }

    /// Does the public address use TLS (and so may cookies be `Secure`)?
    pub fn is_https(&self) -> bool {
        self.base_url.starts_with("https://")
    }

    /// An absolute link to a path of this site.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }
}

fn read_file(path: &Path) -> Result<Layer, ConfigError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| ConfigError(format!("cannot read {}: {e}", path.display())))?;
    toml::from_str(&text).map_err(|e| {
        ConfigError(format!(
            "{} is not a valid settings file: {}",
            path.display(),
            e.message()
        ))
    })
}

impl Layer {
    fn apply_env(&mut self, env: &HashMap<String, String>) -> Result<(), ConfigError> {
        let text = |name: &str| env.get(name).filter(|v| !v.is_empty()).cloned();
        fn number<N: std::str::FromStr>(
            env: &HashMap<String, String>,
            name: &str,
        ) -> Result<Option<N>, ConfigError> {
            match env.get(name).filter(|v| !v.is_empty()) {
                None => Ok(None),
                Some(v) => {
                    v.trim().parse().map(Some).map_err(|_| {
                        ConfigError(format!("{name} must be a whole number, not {v:?}"))
                    })
                }
            }
        }
        macro_rules! overlay_text {
            ($($field:ident = $var:literal),* $(,)?) => {
                $(if let Some(v) = text($var) { self.$field = Some(v); })*
            };
        }
        overlay_text!(
            data_dir = "CLARION_DATA_DIR",
            database_url = "CLARION_DATABASE_URL",
            bind = "CLARION_BIND",
            base_url = "CLARION_BASE_URL",
            smtp_url = "CLARION_SMTP_URL",
            mail_from = "CLARION_MAIL_FROM",
            secret_key = "CLARION_SECRET_KEY",
            site_name = "CLARION_SITE_NAME",
            publisher = "CLARION_PUBLISHER",
            log_format = "CLARION_LOG_FORMAT",
            access_log = "CLARION_ACCESS_LOG",
            trusted_proxies = "CLARION_TRUSTED_PROXIES",
            languages = "CLARION_LANGUAGES",
            locales_dir = "CLARION_LOCALES_DIR",
            metrics = "CLARION_METRICS",
            metrics_token = "CLARION_METRICS_TOKEN",
            appeal_body = "CLARION_APPEAL_BODY",
            intake = "CLARION_INTAKE",
            group_sees_submitter = "CLARION_GROUP_SEES_SUBMITTER",
            webhook_private_targets = "CLARION_WEBHOOK_PRIVATE_TARGETS",
        );
        macro_rules! overlay_number {
            ($($field:ident = $var:literal),* $(,)?) => {
                $(if let Some(v) = number(env, $var)? { self.$field = Some(v); })*
            };
        }
        overlay_number!(
            workers = "CLARION_WORKERS",
            pool_size = "CLARION_POOL_SIZE",
            sqlite_map_mb = "CLARION_SQLITE_MAP_MB",
            db_timeout_ms = "CLARION_DB_TIMEOUT_MS",
            submissions_per_hour = "CLARION_SUBMISSIONS_PER_HOUR",
            retention_days = "CLARION_RETENTION_DAYS",
            mail_poll_ms = "CLARION_MAIL_POLL_MS",
            page_cache_mb = "CLARION_PAGE_CACHE_MB",
            register_revalidate_ms = "CLARION_REGISTER_REVALIDATE_MS",
            connections_per_client = "CLARION_CONNECTIONS_PER_CLIENT",
            body_timeout_ms = "CLARION_BODY_TIMEOUT_MS",
            downloads = "CLARION_DOWNLOADS",
            reconsideration_days = "CLARION_RECONSIDERATION_DAYS",
            consultation_days = "CLARION_CONSULTATION_DAYS",
            appeal_acknowledge_days = "CLARION_APPEAL_ACKNOWLEDGE_DAYS",
            appeal_decision_days = "CLARION_APPEAL_DECISION_DAYS",
            endorsement_reminder_days = "CLARION_ENDORSEMENT_REMINDER_DAYS",
            endorsement_expiry_days = "CLARION_ENDORSEMENT_EXPIRY_DAYS",
            webhook_disable_days = "CLARION_WEBHOOK_DISABLE_DAYS",
        );
        Ok(())
    }

    /// `load_key` supplies the key when none is configured.
    fn resolve(
        self,
        load_key: impl FnOnce(&Path) -> Result<[u8; 32], ConfigError>,
    ) -> Result<Settings, ConfigError> {
        let data_dir = PathBuf::from(self.data_dir.unwrap_or_else(|| "./data".into()));
        let data_dir_was_new =
            std::fs::read_dir(&data_dir).map_or(true, |mut entries| entries.next().is_none());
        let database_url = match self.database_url {
            Some(url) => DatabaseUrl::parse(&url)
                .map_err(|e| ConfigError(format!("CLARION_DATABASE_URL: {e}")))?,
            None => DatabaseUrl::Sqlite(data_dir.join("clarion.db").to_string_lossy().into_owned()),
        };
        let bind_text = self.bind.unwrap_or_else(|| "127.0.0.1:8080".into());
        let bind: SocketAddr = bind_text.parse().map_err(|_| {
            ConfigError(format!(
                "CLARION_BIND must be an address and port such as 127.0.0.1:8080, not {bind_text:?}"
            ))
        })?;
        let base_url = parse_base_url(self.base_url.unwrap_or_else(|| format!("http://{bind}")))?;
        let smtp_url = match self.smtp_url {
            Some(url) => {
                lettre::AsyncSmtpTransport::<lettre::Tokio1Executor>::from_url(&url).map_err(
                    |e| {
                        ConfigError(format!(
                            "CLARION_SMTP_URL {} is not usable: {e}",
                            redact_url(&url)
                        ))
                    },
                )?;
                Some(Secret::new(url))
            }
            None => None,
        };
        let mail_from_text = self
            .mail_from
            .unwrap_or_else(|| format!("Clarion <clarion@{}>", host_of(&base_url)));
        let mail_from = mail_from_text.parse().map_err(|_| {
            ConfigError(format!(
                "CLARION_MAIL_FROM must be an address such as \"Clarion <clarion@example.org>\", not {mail_from_text:?}"
            ))
        })?;
        let secret_key = match self.secret_key {
            Some(hex) => parse_key(&hex).ok_or_else(|| {
                ConfigError(
                    "CLARION_SECRET_KEY must be 64 hexadecimal characters (32 bytes)".into(),
                )
            })?,
            None => load_key(&data_dir)?,
        };
        let log_format = match self.log_format.as_deref().unwrap_or("text") {
            "text" => LogFormat::Text,
            "json" => LogFormat::Json,
            other => {
                return Err(ConfigError(format!(
                    "CLARION_LOG_FORMAT must be text or json, not {other:?}"
                )));
            }
        };
        let access_log = switch("CLARION_ACCESS_LOG", self.access_log.as_deref(), true)?;
        let workers = self.workers.unwrap_or_else(|| {
            std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get)
        });
        // Eight keep two cores busy (one writer, the rest readers); each more
        // costs its own page cache and statements for no more throughput.
        let pool_size = self.pool_size.unwrap_or(8);
        let db_timeout_ms = self
            .db_timeout_ms
            .unwrap_or(crate::db::DEFAULT_TIMEOUT.as_millis() as u64);
        if workers == 0 || pool_size == 0 || db_timeout_ms == 0 {
            return Err(ConfigError(
                "CLARION_WORKERS, CLARION_POOL_SIZE and CLARION_DB_TIMEOUT_MS must be at least 1"
                    .into(),
            ));
        }
        // SQLite maps no more than this (SQLITE_MAX_MMAP_SIZE), and would
        // take a larger value without a word.
        let sqlite_map_mb = self.sqlite_map_mb.unwrap_or(0);
        if sqlite_map_mb > 2047 {
            return Err(ConfigError(
                "CLARION_SQLITE_MAP_MB must be at most 2047".into(),
            ));
        }
        let trusted_proxies = parse_networks(self.trusted_proxies.as_deref().unwrap_or(""))?;
        let locales_dir = self
            .locales_dir
            .map_or_else(|| data_dir.join("locales"), PathBuf::from);
        let languages = match self.languages.as_deref() {
            None => crate::i18n::Languages::default(),
            Some(list) => crate::i18n::Languages::load(list, &locales_dir)
                .map_err(|e| ConfigError(format!("CLARION_LANGUAGES: {e}")))?,
        };
        let metrics = metrics_access(self.metrics.as_deref(), self.metrics_token)?;
        // A download streams a page of rows at a time, so each costs little
        // memory; the bound is on the work and connections they share.
        let downloads = self.downloads.unwrap_or(4);
        if downloads == 0 {
            return Err(ConfigError("CLARION_DOWNLOADS must be at least 1".into()));
        }
        let webhook_private_targets = switch(
            "CLARION_WEBHOOK_PRIVATE_TARGETS",
            self.webhook_private_targets.as_deref(),
            false,
        )?;
        let webhook_disable_days = self.webhook_disable_days.unwrap_or(3);
        if webhook_disable_days == 0 {
            return Err(ConfigError(
                "CLARION_WEBHOOK_DISABLE_DAYS must be at least 1".into(),
            ));
        }
        let appeals = appeal_limits(
            self.appeal_acknowledge_days,
            self.appeal_decision_days,
            self.appeal_body,
        )?;
        let intake = intake(
            self.intake.as_deref(),
            self.endorsement_reminder_days,
            self.endorsement_expiry_days,
            self.group_sees_submitter.as_deref(),
        )?;
        Ok(Settings {
            data_dir,
            data_dir_was_new,
            database_url,
            bind,
            base_url,
            smtp_url,
            mail_from,
            secret_key: Secret::new(secret_key),
            site_name: self.site_name.unwrap_or_else(|| "Clarion".into()),
            publisher: self.publisher.unwrap_or_else(|| "ISO/CASCO".into()),
            workers,
            pool_size,
            sqlite_map_mb,
            db_timeout_ms,
            log_format,
            access_log,
            submissions_per_hour: self.submissions_per_hour.unwrap_or(5),
            retention_days: self.retention_days.unwrap_or(365),
            mail_poll_ms: self.mail_poll_ms.unwrap_or(2000).max(10),
            // Room for a few thousand clarification pages (about 7 KB each)
            // besides the lists, within the 100 MB a server of 100,000
            // clarifications is meant to hold.
            page_cache_mb: self.page_cache_mb.unwrap_or(16),
            register_revalidate_ms: self.register_revalidate_ms.unwrap_or(250),
            trusted_proxies,
            languages,
            metrics,
            // A browser opens at most six connections to a site; this
            // leaves room for a few people behind one address.
            connections_per_client: self.connections_per_client.unwrap_or(64),
            body_timeout_ms: self.body_timeout_ms.unwrap_or(15_000).max(1),
            downloads,
            reconsideration_days: self
                .reconsideration_days
                .unwrap_or(crate::domain::follow_up::DEFAULT_WINDOW_DAYS),
            consultation_days: self
                .consultation_days
                .unwrap_or(crate::domain::consultation::DEFAULT_DAYS)
                .max(1),
            appeals,
            intake,
            webhook_disable_days,
            webhook_private_targets,
        })
    }
}

/// `10.0.0.0/8, 192.0.2.7, fd00::/8`: networks, a bare address being its own.
fn parse_networks(list: &str) -> Result<Vec<ipnet::IpNet>, ConfigError> {
    list.split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| {
            item.parse::<ipnet::IpNet>()
                .or_else(|_| item.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                .map(|net| net.trunc())
                .map_err(|_| {
                    ConfigError(format!(
                        "CLARION_TRUSTED_PROXIES must list addresses or networks such as 10.0.0.0/8, not {item:?}"
                    ))
                })
        })
        .collect()
}

fn metrics_access(mode: Option<&str>, token: Option<String>) -> Result<MetricsAccess, ConfigError> {
    let access = match (mode.unwrap_or("loopback"), token) {
        ("token", Some(token)) if token.trim().chars().count() >= 32 => {
            MetricsAccess::Token(Secret::new(token.trim().to_owned()))
        }
        ("token", _) => {
            return Err(ConfigError(
                "CLARION_METRICS=token needs CLARION_METRICS_TOKEN of at least 32 characters"
                    .into(),
            ));
        }
        (_, Some(_)) => {
            return Err(ConfigError(
                "CLARION_METRICS_TOKEN is read only with CLARION_METRICS=token".into(),
            ));
        }
        ("loopback", None) => MetricsAccess::Loopback,
        ("off", None) => MetricsAccess::Off,
        (other, None) => {
            return Err(ConfigError(format!(
                "CLARION_METRICS must be loopback, token or off, not {other:?}"
            )));
        }
    };
    Ok(access)
}

/// The appeals' limits: each at least a day, the acknowledgement due before
/// the decision.
fn appeal_limits(
    acknowledge_days: Option<u32>,
    decision_days: Option<u32>,
    body: Option<String>,
) -> Result<crate::domain::appeal::Limits, ConfigError> {
    let default = crate::domain::appeal::Limits::default();
    let limits = crate::domain::appeal::Limits {
        acknowledge_days: acknowledge_days.unwrap_or(default.acknowledge_days),
        decision_days: decision_days.unwrap_or(default.decision_days),
        body: body
            .map(|b| b.trim().to_owned())
            .filter(|b| !b.is_empty())
            .unwrap_or(default.body),
    };
    if limits.acknowledge_days == 0 || limits.decision_days < limits.acknowledge_days {
        return Err(ConfigError(
            "CLARION_APPEAL_ACKNOWLEDGE_DAYS must be at least 1 and CLARION_APPEAL_DECISION_DAYS at least as many".into(),
        ));
    }
    Ok(limits)
}

/// A setting that is `on` or `off`, in any case and with spaces around
/// (`ON` in a unit file means on); `default` when unset.
fn switch(name: &str, value: Option<&str>, default: bool) -> Result<bool, ConfigError> {
    let Some(value) = value else {
        return Ok(default);
    };
    match value.trim().to_ascii_lowercase().as_str() {
        "on" => Ok(true),
        "off" => Ok(false),
        _ => Err(ConfigError(format!(
            "{name} must be on or off, not {value:?}"
        ))),
    }
}

fn intake(
    mode: Option<&str>,
    reminder_days: Option<u32>,
    expiry_days: Option<u32>,
    group_sees_submitter: Option<&str>,
) -> Result<crate::domain::intake::Intake, ConfigError> {
    use crate::domain::intake::{Intake, Mode};
    let default = Intake::default();
    let mode = match mode {
        None => default.mode,
        Some(text) => Mode::parse(text).ok_or_else(|| {
            ConfigError(format!(
                "CLARION_INTAKE must be open, endorsed or both, not {text:?}"
            ))
        })?,
    };
    let group_sees_submitter = switch("CLARION_GROUP_SEES_SUBMITTER", group_sees_submitter, true)?;
    let intake = Intake {
        mode,
        reminder_days: reminder_days.unwrap_or(default.reminder_days),
        expiry_days: expiry_days.unwrap_or(default.expiry_days),
        group_sees_submitter,
    };
    if intake.reminder_days == 0 || intake.expiry_days <= intake.reminder_days {
        return Err(ConfigError(
            "CLARION_ENDORSEMENT_REMINDER_DAYS must be at least 1 and CLARION_ENDORSEMENT_EXPIRY_DAYS more".into(),
        ));
    }
    Ok(intake)
}

/// The key kept in `$CLARION_DATA_DIR/secret.key`, created (readable by the
/// owner only) on first start.
fn load_or_create_key(data_dir: &Path) -> Result<[u8; 32], ConfigError> {
    let path = data_dir.join("secret.key");
    match std::fs::read_to_string(&path) {
        Ok(text) => parse_key(&text).ok_or_else(|| {
            ConfigError(format!(
                "{} does not hold 64 hexadecimal characters",
                path.display()
            ))
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let key: [u8; 32] = rand::random();
            write_private(&path, &hex::encode(key))
                .map_err(|e| ConfigError(format!("cannot write {}: {e}", path.display())))?;
            Ok(key)
        }
        Err(e) => Err(ConfigError(format!("cannot read {}: {e}", path.display()))),
    }
}

fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(contents.as_bytes())?;
    file.sync_all()
}

fn parse_key(text: &str) -> Option<[u8; 32]> {
    hex::decode(text.trim()).ok()?.try_into().ok()
}

fn parse_base_url(url: String) -> Result<String, ConfigError> {
    let trimmed = url.trim().trim_end_matches('/').to_owned();
    let rest = trimmed
        .strip_prefix("https://")
        .or_else(|| trimmed.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.contains(char::is_whitespace) => Ok(trimmed),
        _ => Err(ConfigError(format!(
            "CLARION_BASE_URL must start with http:// or https:// and name a host, not {url:?}"
        ))),
    }
}

/// The host part of a base URL, for the default sender and Message-IDs.
pub fn host_of(base_url: &str) -> String {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    let authority = rest.split('/').next().unwrap_or(rest);
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(v6),
        None => host.split(':').next().unwrap_or(host),
    };
    if host.is_empty() || host.parse::<std::net::IpAddr>().is_ok() {
        // A mail domain cannot be a bare IP address.
        "localhost".into()
    } else {
        host.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn defaults_use_sqlite_in_the_data_dir() {
        let s = Layer::default().resolve(|_| Ok([7; 32])).unwrap();
        assert_eq!(s.data_dir, PathBuf::from("./data"));
        assert_eq!(
            s.database_url,
            DatabaseUrl::Sqlite("./data/clarion.db".into())
        );
        assert_eq!(s.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(s.base_url, "http://127.0.0.1:8080");
        assert!(s.smtp_url.is_none());
        assert_eq!(s.mail_from.email.to_string(), "clarion@localhost");
    }

    #[test]
    fn the_environment_wins_over_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("clarion.toml");
        std::fs::write(
            &file,
            "bind = \"127.0.0.1:9000\"\nsite_name = \"From file\"\n",
        )
        .unwrap();
        let s = Settings::from_sources(
            Some(&file),
            env(&[
                ("CLARION_BIND", "0.0.0.0:7000"),
                ("CLARION_BASE_URL", "https://clarion.example.org/"),
            ]),
        )
        .unwrap();
        assert_eq!(s.bind.to_string(), "0.0.0.0:7000");
        assert_eq!(s.site_name, "From file");
        assert_eq!(s.base_url, "https://clarion.example.org");
        assert!(s.is_https());
        assert_eq!(s.mail_from.email.to_string(), "clarion@clarion.example.org");
    }

    #[test]
    fn bad_values_are_named_in_one_line() {
        for (var, value, expect) in [
            ("CLARION_BIND", "localhost", "CLARION_BIND"),
            ("CLARION_BASE_URL", "ftp://x", "CLARION_BASE_URL"),
            (
                "CLARION_DATABASE_URL",
                "mysql://x/y",
                "unsupported database URL",
            ),
            ("CLARION_POOL_SIZE", "many", "CLARION_POOL_SIZE"),
            ("CLARION_SQLITE_MAP_MB", "all", "CLARION_SQLITE_MAP_MB"),
            ("CLARION_SQLITE_MAP_MB", "4096", "at most 2047"),
            ("CLARION_LOG_FORMAT", "xml", "CLARION_LOG_FORMAT"),
            ("CLARION_ACCESS_LOG", "sometimes", "CLARION_ACCESS_LOG"),
            ("CLARION_ACCESS_LOG", "true", "must be on or off"),
            (
                "CLARION_GROUP_SEES_SUBMITTER",
                "no",
                "CLARION_GROUP_SEES_SUBMITTER",
            ),
            ("CLARION_MAIL_FROM", "not an address", "CLARION_MAIL_FROM"),
            (
                "CLARION_TRUSTED_PROXIES",
                "10.0.0.0/8, 10.0.0.0/33",
                "CLARION_TRUSTED_PROXIES",
            ),
            ("CLARION_METRICS", "public", "CLARION_METRICS"),
            ("CLARION_METRICS", "token", "CLARION_METRICS_TOKEN"),
            ("CLARION_METRICS_TOKEN", "abc", "CLARION_METRICS=token"),
            (
                "CLARION_APPEAL_DECISION_DAYS",
                "7",
                "CLARION_APPEAL_DECISION_DAYS at least as many",
            ),
            ("CLARION_APPEAL_ACKNOWLEDGE_DAYS", "0", "at least 1"),
            (
                "CLARION_APPEAL_ACKNOWLEDGE_DAYS",
                "soon",
                "CLARION_APPEAL_ACKNOWLEDGE_DAYS must be a whole number",
            ),
        ] {
            let err = Settings::from_sources(
                None,
                env(&[(var, value), ("CLARION_SECRET_KEY", &"cd".repeat(32))]),
            )
            .map(|_| ())
            .unwrap_err()
            .to_string();
            assert!(err.contains(expect), "{var}={value}: {err}");
            assert!(!err.contains('\n'), "{err}");
        }
    }

    #[test]
    fn switches_are_read_in_any_case() {
        for (value, expect) in [("on", true), ("OFF", false), (" On ", true), ("off", false)] {
            let s = Settings::from_sources(
                None,
                env(&[
                    ("CLARION_ACCESS_LOG", value),
                    ("CLARION_WEBHOOK_PRIVATE_TARGETS", value),
                    ("CLARION_GROUP_SEES_SUBMITTER", value),
                    ("CLARION_SECRET_KEY", &"cd".repeat(32)),
                ]),
            )
            .unwrap();
            assert_eq!(s.access_log, expect, "{value:?}");
            assert_eq!(s.webhook_private_targets, expect, "{value:?}");
            assert_eq!(s.intake.group_sees_submitter, expect, "{value:?}");
        }
        let s =
            Settings::from_sources(None, env(&[("CLARION_SECRET_KEY", &"cd".repeat(32))])).unwrap();
        assert!(s.access_log && !s.webhook_private_targets && s.intake.group_sees_submitter);
    }

    #[test]
    fn trusted_proxies_and_metrics_access_are_read() {
        let s = Settings::from_sources(
            None,
            env(&[
                ("CLARION_SECRET_KEY", &"cd".repeat(32)),
                (
                    "CLARION_TRUSTED_PROXIES",
                    " 10.1.2.3/8, 192.0.2.7 ,fd00::/8",
                ),
                ("CLARION_METRICS", "off"),
            ]),
        )
        .unwrap();
        let proxies: Vec<String> = s.trusted_proxies.iter().map(ToString::to_string).collect();
        assert_eq!(proxies, ["10.0.0.0/8", "192.0.2.7/32", "fd00::/8"]);
        assert_eq!(s.metrics, MetricsAccess::Off);
        let defaults = Layer::default().resolve(|_| Ok([7; 32])).unwrap();
        assert!(defaults.trusted_proxies.is_empty());
        assert_eq!(defaults.metrics, MetricsAccess::Loopback);
    }

    #[test]
    fn a_malformed_key_is_refused() {
        let err = Settings::from_sources(None, env(&[("CLARION_SECRET_KEY", "abc")]))
            .map(|_| ())
            .unwrap_err()
            .to_string();
        assert!(err.contains("CLARION_SECRET_KEY"), "{err}");
    }

    #[test]
    fn unknown_keys_in_the_file_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("clarion.toml");
        std::fs::write(&file, "bnid = \"127.0.0.1:9000\"\n").unwrap();
        let err = Settings::from_sources(Some(&file), env(&[]))
            .map(|_| ())
            .unwrap_err()
            .to_string();
        assert!(err.contains("bnid"), "{err}");
    }

    #[test]
    fn secrets_never_show_in_debug() {
        let s = Settings::from_sources(
            None,
            env(&[
                ("CLARION_SMTP_URL", "smtp://mailer:hunter2@127.0.0.1:2525"),
                ("CLARION_SECRET_KEY", &"ab".repeat(32)),
                (
                    "CLARION_DATABASE_URL",
                    "postgres://clarion:s3cret@db/clarion",
                ),
                ("CLARION_METRICS", "token"),
                (
                    "CLARION_METRICS_TOKEN",
                    "scrape-me-with-this-long-token-0123",
                ),
            ]),
        )
        .unwrap();
        let dump = format!("{s:?}");
        assert!(
            !dump.contains("hunter2")
                && !dump.contains("abab")
                && !dump.contains("s3cret")
                && !dump.contains("scrape-me"),
            "{dump}"
        );
        assert!(dump.contains("[redacted]"));
    }

    #[test]
    fn the_generated_key_is_kept_in_the_data_dir() {
        let dir = tempfile::tempdir().unwrap();
        let vars = env(&[("CLARION_DATA_DIR", dir.path().to_str().unwrap())]);
        let first = Settings::from_sources(None, vars.clone()).unwrap();
        let second = Settings::from_sources(None, vars).unwrap();
        assert_eq!(first.secret_key.expose(), second.secret_key.expose());
        assert_ne!(first.secret_key.expose(), &[0; 32]);
    }

    #[test]
    fn a_data_dir_is_new_until_a_start_has_left_something_in_it() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let vars = env(&[("CLARION_DATA_DIR", data.to_str().unwrap())]);
        let first = Settings::from_sources(None, vars.clone()).unwrap();
        assert!(first.data_dir_was_new, "absent");
        assert!(data.join("secret.key").exists(), "the key was generated");
        let second = Settings::from_sources(None, vars).unwrap();
        assert!(!second.data_dir_was_new, "it holds the key now");
        let empty = env(&[("CLARION_DATA_DIR", dir.path().to_str().unwrap())]);
        std::fs::remove_dir_all(&data).unwrap();
        assert!(
            Settings::from_sources(None, empty)
                .unwrap()
                .data_dir_was_new
        );
    }
}
