//! The public register's answers kept in memory. A published clarification
//! never changes except by a mark, and every change the register can show
//! raises one number in the database (`register_version`), so a kept page
//! is served as long as that number stays the same. The number is read at
//! most every `revalidate_after` (0: before every answer), and at once
//! after this instance changed something; other instances notice within
//! that interval. Bounded in bytes: the oldest pages go first.

use std::collections::HashSet;
use std::hash::BuildHasher;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use actix_web::body::{BodySize, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderMap, HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::web::{Bytes, Data};
use actix_web::{HttpMessage, HttpResponse, HttpResponseBuilder};

use super::kept_pages::{KeptPages, Renderings, Weighed, may_have_changed};
use crate::web::{AppState, conditional};

/// Whether an address is part of the public register: the same for
/// everyone, with no form (and so no CSRF token) on it.
fn is_register(path: &str) -> bool {
    path == "/"
        || path == "/clarifications"
        || path == "/clarifications.csv"
        || path == "/standards"
        || (path.starts_with("/clarifications/") && !path.ends_with("/new-information"))
        || path.starts_with("/feeds/")
        || path.starts_with("/api/")
        || (path.starts_with("/standards/") && !path.ends_with("/subscribe"))
}

/// The query parameters a register page reads, by its route pattern, for
/// the key it is kept under: parameters a page does not read (`utm_source`,
/// a random one to bust the cache) then neither make a copy of their own
/// nor make the page rendered again. `None` for a page not listed here:
/// every parameter counts.
fn parameters_read(pattern: &str) -> Option<&'static [&'static str]> {
    use crate::domain::search::RawFilters;
    use crate::web::input::PageQuery;
    match pattern {
        "/clarifications" | "/clarifications.csv" | "/api/v1/clarifications" => {
            fields_of::<RawFilters>()
        }
        "/standards/{slug}" | "/standards/{slug}/revision" => fields_of::<PageQuery>(),
        "/"
        | "/standards"
        | "/clarifications/{reference}"
        | "/clarifications/{reference}/v{number}"
        | "/clarifications/{reference}/versions"
        | "/clarifications/{reference}.pdf"
        | "/clarifications/{reference}/v{number}.pdf"
        | "/standards/{slug}/clarifications.pdf"
        | "/feeds/clarifications.atom"
        | "/feeds/standards/{slug}.atom"
        | "/api/openapi.json"
        | "/api/v1/clarifications/{reference}"
        | "/api/v1/clarifications/{reference}/versions/{number}"
        | "/api/v1/standards" => Some(&[]),
        _ => None,
    }
}

/// The names of the fields a query type reads, as its `Deserialize` tells
/// them to a deserializer; `None` unless it is a plain struct.
fn fields_of<'de, T: serde::Deserialize<'de>>() -> Option<&'static [&'static str]> {
    use serde::de::{Error, Visitor, value};
    struct Names<'a>(&'a mut Option<&'static [&'static str]>);
    impl<'de> serde::Deserializer<'de> for Names<'_> {
        type Error = value::Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(Error::custom("not a struct"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = Some(fields);
            Err(Error::custom("only the names were asked for"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map enum
            identifier ignored_any
        }
    }
    let mut names = None;
    let _ = T::deserialize(Names(&mut names));
    names
}

/// The key a page is kept under: its path, and of its query only the
/// parameters the page reads (`read`; all when `None`), decoded as the
/// page decodes them (so that `%71=…` is the `q` it is) and in order of
/// their names.
fn key_of(path: &str, query: &str, read: Option<&[&str]>) -> String {
    let raw = || format!("{path}?{query}");
    if query.is_empty() {
        return path.to_owned();
    }
    let Some(read) = read else {
        return raw();
    };
    let Ok(mut pairs) = serde_urlencoded::from_str::<Vec<(String, String)>>(query) else {
        return raw();
    };
    pairs.retain(|(name, _)| read.contains(&name.as_str()));
    // Stable: a parameter given twice keeps its order, and its refusal.
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    match serde_urlencoded::to_string(&pairs) {
        Ok(kept) if kept.is_empty() => path.to_owned(),
        Ok(kept) => format!("{path}?{kept}"),
        Err(_) => raw(),
    }
}

/// The register version an answer from the register is made at, as this
/// middleware last read it: a handler needs not read it again.
#[derive(Clone, Copy)]
pub struct RegisterVersion(pub i64);

/// How many addresses asked for once are remembered (8 bytes each).
const ASKED_ONCE_REMEMBERED: usize = 10_000;

struct Kept {
    version: i64,
    status: StatusCode,
    /// All but the ETag: the same for every page of a kind, so shared. A
    /// header map of its own cost a kept page half as much again as its
    /// body.
    headers: Arc<HeaderMap>,
    etag: Option<HeaderValue>,
    body: Bytes,
}

impl Kept {
    fn headers(&self) -> impl Iterator<Item = (&HeaderName, &HeaderValue)> {
        self.headers
            .iter()
            .chain(self.etag.iter().map(|etag| (&header::ETAG, etag)))
    }
}

/// Header sets told apart at most: pages come in a few kinds, and past
/// this many a header must vary per page, and sharing would not pay.
const HEADER_SETS_SHARED: usize = 16;

struct Inner {
    pages: KeptPages<Kept>,
    version: Option<i64>,
    checked_at: Option<Instant>,
    /// Addresses with a query string asked for once and not kept yet: a
    /// search is kept from its second asking, since most searches are
    /// asked once and would push out pages asked again and again.
    asked_once: HashSet<u64>,
    /// The header sets of kept pages, each kept once.
    header_sets: Vec<Arc<HeaderMap>>,
}

pub struct PageCache {
    revalidate_after: Duration,
    inner: Mutex<Inner>,
    rendering: Renderings,
}

impl PageCache {
    pub fn new(max_bytes: usize, revalidate_after: Duration) -> PageCache {
        PageCache {
            revalidate_after,
            inner: Mutex::new(Inner {
                pages: KeptPages::new(max_bytes),
                version: None,
                checked_at: None,
                asked_once: HashSet::new(),
                header_sets: Vec::new(),
            }),
            rendering: Renderings::default(),
        }
    }

    fn is_on(&self) -> bool {
        self.lock().pages.is_on()
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock leaves plain data behind; keep going.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The register version if it was read recently enough.
    fn fresh_version(&self) -> Option<i64> {
        let inner = self.lock();
        match (inner.version, inner.checked_at) {
            (Some(version), Some(at)) if at.elapsed() < self.revalidate_after => Some(version),
            _ => None,
        }
    }

    fn set_version(&self, version: i64) {
        let mut inner = self.lock();
        if inner.version != Some(version) {
            inner.pages.clear();
        }
        inner.version = Some(version);
        inner.checked_at = Some(Instant::now());
    }

    /// This instance changed something: read the version before the next
    /// answer.
    fn changed(&self) {
        self.lock().checked_at = None;
    }

    fn get(&self, key: &str, version: i64) -> Option<Arc<Kept>> {
        self.lock()
            .pages
            .get(key)
            .filter(|kept| kept.version == version)
            .cloned()
    }

    /// `headers` as a set already shared, if one is the same.
    fn shared(&self, headers: HeaderMap) -> Arc<HeaderMap> {
        let same = |held: &HeaderMap| {
            held.len() == headers.len()
                && headers
                    .iter()
                    .all(|(name, value)| held.get_all(name).any(|v| v == value))
        };
        let mut inner = self.lock();
        if let Some(held) = inner.header_sets.iter().find(|held| same(held)) {
            return held.clone();
        }
        let headers = Arc::new(headers);
        if inner.header_sets.len() < HEADER_SETS_SHARED {
            inner.header_sets.push(headers.clone());
        }
        headers
    }

    fn keep(&self, key: String, kept: Kept) {
        let mut inner = self.lock();
        if !inner.pages.admits(&key, kept.body.len())
            || inner.version != Some(kept.version)
            || inner.pages.contains(&key)
        {
            return;
        }
        if key.contains('?') {
            let hash = rustc_hash::FxBuildHasher.hash_one(&key);
            if !inner.asked_once.remove(&hash) {
                // Forgetting them all now and then bounds the set; an
                // address asked again soon after is kept the time after.
                if inner.asked_once.len() >= ASKED_ONCE_REMEMBERED {
                    inner.asked_once.clear();
                }
                inner.asked_once.insert(hash);
                return;
            }
        }
        inner.pages.keep(key, kept);
    }
}

impl Weighed for Kept {
    fn size(&self) -> usize {
        self.body.len()
    }
}

fn respond(kept: &Kept) -> HttpResponse {
    let mut response = HttpResponseBuilder::new(kept.status).body(kept.body.clone());
    for (name, value) in kept.headers() {
        response.headers_mut().append(name.clone(), value.clone());
    }
    response
}

/// Middleware over the whole application.
pub async fn serve_from_memory(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let Some(state) = req.app_data::<Data<AppState>>().cloned() else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let cache = &state.page_cache;
    let method = req.method().clone();
    // A visitor with cookies may be signed in, and pages name who is.
    let anonymous = !req.headers().contains_key(header::COOKIE);
    if method != Method::GET || !anonymous || !is_register(req.path()) {
        let response = next.call(req).await?;
        if may_have_changed(&method, response.status()) {
            cache.changed();
        }
        return Ok(response.map_into_boxed_body());
    }
    let version = match cache.fresh_version() {
        Some(version) => version,
        None => {
            let version = state
                .read(|conn| Ok(crate::models::register::version(conn)?))
                .await?;
            cache.set_version(version);
            version
        }
    };
    req.extensions_mut().insert(RegisterVersion(version));
    // Without kept pages the version is still worth handing on: a page
    // made at a version whose index is held reads only its own rows, on
    // the worker, where a handler reading the version itself would go to
    // the blocking pool for that one number (profiled cold).
    if !cache.is_on() {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    let read = req
        .match_pattern()
        .and_then(|pattern| parameters_read(&pattern));
    // The same address is a page in each language (see `language`).
    let lang = req
        .extensions()
        .get::<crate::i18n::Lang>()
        .map(crate::i18n::Lang::tag)
        .unwrap_or_default();
    let key = format!("{lang}:{}", key_of(req.path(), req.query_string(), read));
    let from_memory = |kept: &Kept, req: ServiceRequest| {
        let answer = if conditional::still_held(req.headers(), kept.etag.as_ref()) {
            conditional::not_modified(kept.headers())
        } else {
            respond(kept)
        };
        req.into_response(answer)
    };
    if let Some(kept) = cache.get(&key, version) {
        return Ok(from_memory(&kept, req));
    }
    let _turn = cache.rendering.turn(&key).await;
    if let Some(kept) = cache.get(&key, version) {
        return Ok(from_memory(&kept, req));
    }
    render_and_keep(cache, key, version, req, next).await
}

async fn render_and_keep(
    cache: &PageCache,
    key: String,
    version: i64,
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let response = next.call(req).await?;
    // A streamed answer (a download) would be read whole into memory to be
    // kept: it passes through.
    let streamed = matches!(response.response().body().size(), BodySize::Stream);
    if response.status() != StatusCode::OK
        || response.headers().contains_key(header::SET_COOKIE)
        || streamed
    {
        return Ok(response.map_into_boxed_body());
    }
    let (req, response) = response.into_parts();
    let status = response.status();
    let mut headers = response.headers().clone();
    let etag = headers.remove(header::ETAG).next();
    let body = actix_web::body::to_bytes(response.into_body())
        .await
        .map_err(|_| crate::error::AppError::Internal("reading a response body".into()))?;
    // A rendered page's buffer has grown by doubling; kept for long, only
    // its length should count.
    let body = Bytes::copy_from_slice(&body);
    let kept = Kept {
        version,
        status,
        headers: cache.shared(headers),
        etag,
        body,
    };
    let answer = respond(&kept);
    cache.keep(key, kept);
    Ok(ServiceResponse::new(req, answer))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(version: i64) -> Kept {
        Kept {
            version,
            status: StatusCode::OK,
            headers: Arc::default(),
            etag: None,
            body: Bytes::from_static(b"<p>a page</p>"),
        }
    }

    #[test]
    fn pages_of_a_kind_share_their_headers_and_keep_their_own_etag() {
        let cache = PageCache::new(1 << 20, Duration::from_secs(60));
        let answered = |etag: &'static str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
            headers.insert(header::ETAG, HeaderValue::from_static(etag));
            headers
        };
        let kept = |mut headers: HeaderMap| {
            let etag = headers.remove(header::ETAG).next();
            Kept {
                headers: cache.shared(headers),
                etag,
                ..page(1)
            }
        };
        let first = kept(answered("\"a\""));
        let second = kept(answered("\"b\""));
        assert!(Arc::ptr_eq(&first.headers, &second.headers));
        let response = respond(&second);
        assert_eq!(response.headers().get(header::ETAG).unwrap(), "\"b\"");
        assert_eq!(
            response.headers().get(header::CONTENT_TYPE).unwrap(),
            "text/html"
        );

        let mut json = answered("\"c\"");
        json.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        assert!(!Arc::ptr_eq(&kept(json).headers, &first.headers));
    }

    #[test]
    fn only_the_parameters_a_page_reads_make_its_key() {
        let filters = parameters_read("/clarifications").unwrap();
        assert_eq!(
            filters,
            [
                "q", "standard", "clause", "year", "status", "page", "per_page"
            ]
        );
        assert_eq!(
            parameters_read("/standards/{slug}").unwrap(),
            ["page"].as_slice()
        );
        assert_eq!(parameters_read("/").unwrap(), [""; 0].as_slice());
        assert!(parameters_read("/login").is_none());

        let key = |query| key_of("/clarifications", query, Some(filters));
        assert_eq!(key(""), "/clarifications");
        assert_eq!(key("utm_source=mail&x=1"), "/clarifications");
        assert_eq!(key("q=ab+c&page=2&utm=1"), "/clarifications?page=2&q=ab+c");
        assert_eq!(key("page=2&q=ab%20c"), key("q=ab+c&page=2&utm=1"));
        assert_eq!(key("%71=calibration"), "/clarifications?q=calibration");
        assert_ne!(key("q=a&q=b"), key("q=b&q=a"), "refused alike, kept apart");
        assert_eq!(
            key("q=%FF"),
            key("q=%EF%BF%BD"),
            "decoded as the page decodes it"
        );
        assert_eq!(
            key_of("/login", "next=%2Fworkspace", None),
            "/login?next=%2Fworkspace"
        );
        assert_eq!(key_of("/", "utm_source=a", Some(&[])), "/");
    }

    #[test]
    fn a_search_is_kept_from_its_second_asking_a_page_from_its_first() {
        let cache = PageCache::new(1 << 20, Duration::from_secs(60));
        cache.set_version(7);
        cache.keep("/clarifications/CASCO-2026-0001".into(), page(7));
        assert!(cache.get("/clarifications/CASCO-2026-0001", 7).is_some());

        let search = "/clarifications?q=uncertainty";
        cache.keep(search.into(), page(7));
        assert!(cache.get(search, 7).is_none(), "asked once");
        cache.keep("/clarifications?q=sampling".into(), page(7));
        cache.keep(search.into(), page(7));
        assert!(cache.get(search, 7).is_some(), "asked twice");
        assert!(cache.get("/clarifications?q=sampling", 7).is_none());
    }
}
