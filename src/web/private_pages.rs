//! Each person's workspace and admin pages kept in memory. A workspace page
//! asks the database a dozen questions and renders a large template; asked
//! again unchanged, it is served as it was, after one check: the number
//! every change a workspace or admin page can show raises
//! (`workspace_version`, by triggers, whichever instance wrote) is read with
//! the session. A page is served from memory only when that number, the
//! session, the browser's CSRF cookie, the language and the address are
//! all the same as when it was rendered, and the clock has not reached the
//! moment the page turns (pages say how long things have waited): the end
//! of its second, or later where the page says so with [`HeldUntil`].
//!
//! What the database said of the number and of a session is believed for
//! the register's revalidation period (`CLARION_REGISTER_REVALIDATE_MS`),
//! as the public page cache believes its own number: on PostgreSQL the
//! check is a round trip, and asked at every answer it held a kept page to
//! the pace of the database. Any change made through this instance (a
//! successful POST: an action, a sign-out, a password changed) is seen at
//! the next answer; one made by another instance, within the period.
//!
//! Pages carry CSRF tokens masked afresh for each response (see
//! [`super::csrf`]): a kept page remembers where its tokens were and is
//! served with new ones. A page showing a banner, a session whose last-seen
//! time is due to be written, and an answer setting a cookie pass through.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use actix_web::body::{BodySize, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderMap};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::web::{Bytes, BytesMut, Data};
use actix_web::{HttpMessage, HttpResponse, HttpResponseBuilder};
use chrono::{NaiveDateTime, TimeDelta, Timelike};

use super::kept_pages::{KeptPages, Renderings, Weighed, may_have_changed};
use crate::models::sessions;
use crate::models::users::User;
use crate::web::{AppState, Viewer, csrf, flash, session};
use crate::workflow::accounts::IDLE_TIMEOUT;

/// Whether an address is a signed-in person's page kept here.
fn is_private(path: &str) -> bool {
    ["/workspace", "/admin"].iter().any(|top| {
        path.strip_prefix(top)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    })
}

/// Put on its response by a page that reads the same until then if nothing
/// stored changes: it is kept that long rather than for its second.
pub struct HeldUntil(pub NaiveDateTime);

/// `response`, kept until `until` at most.
pub fn held_until(mut response: HttpResponse, until: NaiveDateTime) -> HttpResponse {
    response.extensions_mut().insert(HeldUntil(until));
    response
}

struct Kept {
    version: i64,
    /// The moment it may no longer be served.
    until: NaiveDateTime,
    status: StatusCode,
    headers: HeaderMap,
    /// The body cut where its CSRF tokens were.
    pieces: Vec<Bytes>,
}

impl Weighed for Kept {
    fn size(&self) -> usize {
        self.pieces.iter().map(Bytes::len).sum()
    }
}

impl Kept {
    /// The page with `token` wherever its tokens were.
    fn respond(&self, token: &str) -> HttpResponse {
        let mut body = BytesMut::with_capacity(self.size() + token.len() * self.pieces.len());
        for (n, piece) in self.pieces.iter().enumerate() {
            if n > 0 {
                body.extend_from_slice(token.as_bytes());
            }
            body.extend_from_slice(piece);
        }
        let mut response = HttpResponseBuilder::new(self.status).body(body.freeze());
        for (name, value) in &self.headers {
            response.headers_mut().append(name.clone(), value.clone());
        }
        response
    }
}

/// `body` cut at every occurrence of any of `tokens`, the first listed
/// winning where two begin at the same place. Each token is looked for with
/// a substring search: comparing every token at every byte of a page cost
/// a tenth of a first render.
fn cut(body: &Bytes, tokens: &[String]) -> Vec<Bytes> {
    let mut found: Vec<(usize, usize, usize)> = tokens
        .iter()
        .enumerate()
        .filter(|(_, token)| !token.is_empty())
        .flat_map(|(rank, token)| {
            memchr::memmem::find_iter(body, token.as_bytes()).map(move |at| (at, rank, token.len()))
        })
        .collect();
    found.sort_unstable();
    let mut pieces = Vec::with_capacity(found.len() + 1);
    let mut start = 0;
    for (at, _, len) in found {
        // One overlapping an earlier cut is inside what was cut out.
        if at >= start {
            pieces.push(body.slice(start..at));
            start = at + len;
        }
    }
    pieces.push(body.slice(start..));
    pieces
}

/// A live session's person and when the session was last seen.
type Signed = Option<(User, NaiveDateTime)>;

struct Inner {
    pages: KeptPages<Kept>,
    /// The highest version seen: pages of older ones are dropped.
    version: i64,
    /// When the version was last read, and the sessions read since then.
    read_at: Option<Instant>,
    sessions: HashMap<String, Signed>,
    /// How many changes were made through this instance: an answer asked
    /// for before one of them may not show it.
    changes: u64,
}

/// The pages, bounded in bytes; none when the bound is 0.
pub struct PrivatePages {
    inner: Mutex<Inner>,
    rendering: Renderings,
    revalidate_after: Duration,
}

impl PrivatePages {
    /// Pages of at most `max_bytes`, the database's word believed for
    /// `revalidate_after` (0: asked before every answer).
    pub fn new(max_bytes: usize, revalidate_after: Duration) -> PrivatePages {
        PrivatePages {
            inner: Mutex::new(Inner {
                pages: KeptPages::new(max_bytes),
                version: 0,
                read_at: None,
                sessions: HashMap::new(),
                changes: 0,
            }),
            rendering: Renderings::default(),
            revalidate_after,
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock leaves plain data behind; keep going.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn is_on(&self) -> bool {
        self.lock().pages.is_on()
    }

    /// The version and what `session` is, if the database said so
    /// recently enough.
    fn known(&self, session: &str) -> Option<(i64, Signed)> {
        let inner = self.lock();
        let fresh = self.is_fresh(&inner);
        let signed = inner.sessions.get(session).filter(|_| fresh)?;
        Some((inner.version, signed.clone()))
    }

    /// Whether the database was asked within the revalidation period.
    fn is_fresh(&self, inner: &Inner) -> bool {
        inner
            .read_at
            .is_some_and(|at| at.elapsed() < self.revalidate_after)
    }

    /// The changes made through this instance so far: taken before
    /// asking the database, handed to [`Self::learn`] with its answer.
    fn changes(&self) -> u64 {
        self.lock().changes
    }

    /// What the database said of the version and of `session` when asked
    /// after `changes` changes here. Asked before a later one, its answer
    /// may not show it: it serves the page it was asked for, and is not
    /// believed for the next.
    fn learn(&self, changes: u64, session: String, version: i64, signed: Signed) {
        let mut inner = self.lock();
        if version > inner.version {
            inner.pages.clear();
            inner.version = version;
        }
        if changes != inner.changes {
            return;
        }
        if !self.is_fresh(&inner) {
            inner.sessions.clear();
            inner.read_at = Some(Instant::now());
        }
        inner.sessions.insert(session, signed);
    }

    /// This instance changed something: ask the database again before
    /// the next answer.
    fn changed(&self) {
        let mut inner = self.lock();
        inner.changes += 1;
        inner.read_at = None;
        inner.sessions.clear();
    }

    /// `session`'s last-seen time was written: read it again.
    fn forget(&self, session: &str) {
        self.lock().sessions.remove(session);
    }

    fn get(&self, key: &str, version: i64, now: NaiveDateTime) -> Option<Arc<Kept>> {
        self.lock()
            .pages
            .get(key)
            .filter(|kept| kept.version == version && now < kept.until)
            .cloned()
    }

    fn keep(&self, key: String, kept: Kept) {
        let mut inner = self.lock();
        if kept.version >= inner.version {
            inner.pages.keep(key, kept);
        }
    }
}

/// Middleware inside the security headers (which every answer, kept or
/// not, then carries) and outside the error pages.
pub async fn serve_from_memory(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let Some(state) = req.app_data::<Data<AppState>>().cloned() else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let pages = &state.private_pages;
    if !matches!(*req.method(), Method::GET | Method::HEAD) {
        let method = req.method().clone();
        let response = next.call(req).await?;
        if may_have_changed(&method, response.status()) {
            pages.changed();
        }
        return Ok(response.map_into_boxed_body());
    }
    let https = state.settings.is_https();
    let cookie = |name: &str| req.cookie(name).map(|c| c.value().to_owned());
    let session = cookie(session::cookie_name(https));
    let browser = cookie(csrf::cookie_name(https));
    let banner = req.cookie(flash::cookie_name(https)).is_some();
    let (Some(session), Some(browser)) = (session, browser) else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    if req.method() != Method::GET || !pages.is_on() || banner || !is_private(req.path()) {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    let Some(token) = csrf::token_for(&state, &browser) else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let now = state.clock.now();
    let (version, found) = match pages.known(&session) {
        Some(known) => known,
        None => {
            let changes = pages.changes();
            let asked = session.clone();
            let (version, found) = state
                .read(move |conn| {
                    Ok(sessions::workspace_version_for(
                        conn,
                        &asked,
                        now - IDLE_TIMEOUT,
                    )?)
                })
                .await?;
            pages.learn(changes, session.clone(), version, found.clone());
            (version, found)
        }
    };
    // Signed out, or due for its last-seen time to be written: the page's
    // own handler answers.
    let Some((user, _)) = found.filter(|(_, seen)| now - *seen <= session::TOUCH_EVERY) else {
        let response = next.call(req).await?;
        pages.forget(&session);
        return Ok(response.map_into_boxed_body());
    };
    let lang = req
        .extensions()
        .get::<crate::i18n::Lang>()
        .map(crate::i18n::Lang::tag)
        .unwrap_or_default();
    let address = req.uri().path_and_query().map_or("", |p| p.as_str());
    let key = format!("{session} {browser} {lang} {address}");
    if let Some(kept) = pages.get(&key, version, now) {
        return Ok(req.into_response(kept.respond(&token)));
    }
    // Kept for a second or so: rendered once at a time, so that a page
    // slower than that does not leave everyone asking to render it anew.
    let _turn = pages.rendering.turn(&key).await;
    if let Some(kept) = pages.get(&key, version, now) {
        return Ok(req.into_response(kept.respond(&token)));
    }
    // The handler needs not look the session up again.
    req.extensions_mut().insert(Viewer(Some(user)));
    let response = next.call(req).await?;
    let streamed = matches!(response.response().body().size(), BodySize::Stream);
    if response.status() != StatusCode::OK
        || response.headers().contains_key(header::SET_COOKIE)
        || streamed
    {
        return Ok(response.map_into_boxed_body());
    }
    let (req, response) = response.into_parts();
    let handed = req
        .extensions()
        .get::<csrf::Handed>()
        .map(|handed| handed.0.clone())
        .unwrap_or_default();
    let next_second = now.with_nanosecond(0).unwrap_or(now) + TimeDelta::seconds(1);
    let until = response
        .extensions()
        .get::<HeldUntil>()
        .map_or(next_second, |held| held.0);
    let status = response.status();
    let headers = response.headers().clone();
    let body = actix_web::body::to_bytes(response.into_body())
        .await
        .map_err(|_| crate::error::AppError::Internal("reading a response body".into()))?;
    let kept = Kept {
        version,
        until,
        status,
        headers,
        pieces: cut(&Bytes::copy_from_slice(&body), &handed),
    };
    let mut answer = HttpResponseBuilder::new(status).body(body);
    for (name, value) in &kept.headers {
        answer.headers_mut().append(name.clone(), value.clone());
    }
    pages.keep(key, kept);
    Ok(ServiceResponse::new(req, answer))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_page_is_served_with_new_tokens_where_its_tokens_were() {
        let body =
            Bytes::from_static(b"<form><input value=\"aaaa\"></form><button value=\"aaaa\">x");
        let pieces = cut(&body, &["aaaa".to_owned()]);
        assert_eq!(pieces.len(), 3);
        let kept = Kept {
            version: 1,
            until: NaiveDateTime::MIN,
            status: StatusCode::OK,
            headers: HeaderMap::new(),
            pieces,
        };
        let served = kept.respond("bbbb");
        let bytes = actix_web::body::MessageBody::try_into_bytes(served.into_body()).unwrap();
        assert_eq!(
            &bytes[..],
            b"<form><input value=\"bbbb\"></form><button value=\"bbbb\">x"
        );
        assert_eq!(cut(&body, &[]).len(), 1);
    }

    #[test]
    fn tokens_are_cut_out_where_they_first_begin_none_twice() {
        let body = Bytes::from_static(b"abcabcab-xy-abc");
        let pieces = |tokens: &[&str]| -> Vec<String> {
            let tokens: Vec<String> = tokens.iter().map(|t| (*t).to_owned()).collect();
            cut(&body, &tokens)
                .iter()
                .map(|piece| String::from_utf8(piece.to_vec()).unwrap())
                .collect()
        };
        assert_eq!(pieces(&["abc"]), ["", "", "ab-xy-", ""]);
        assert_eq!(
            pieces(&["cab"]),
            ["ab", "", "-xy-abc"],
            "overlapping itself"
        );
        assert_eq!(
            pieces(&["abca", "ab"]),
            ["", "bc", "-xy-", "c"],
            "the first listed where both begin"
        );
        assert_eq!(pieces(&["", "xy"]), ["abcabcab-", "-abc"], "an empty token");
        assert_eq!(pieces(&["zz"]), ["abcabcab-xy-abc"]);
    }

    #[test]
    fn a_page_is_served_only_at_its_version_and_before_it_turns() {
        let pages = PrivatePages::new(1 << 20, Duration::ZERO);
        let at = |second| chrono::DateTime::UNIX_EPOCH.naive_utc() + TimeDelta::seconds(second);
        let page = |version, until| Kept {
            version,
            until: at(until),
            status: StatusCode::OK,
            headers: HeaderMap::new(),
            pieces: vec![Bytes::from_static(b"page")],
        };
        assert!(pages.get("a", 1, at(10)).is_none());
        pages.keep("a".into(), page(1, 70));
        assert!(pages.get("a", 1, at(10)).is_some());
        assert!(pages.get("a", 1, at(69)).is_some(), "until it turns");
        assert!(pages.get("a", 1, at(70)).is_none(), "once it turned");
        pages.learn(0, "s".into(), 2, None);
        assert!(pages.get("a", 2, at(10)).is_none(), "after a change");
        pages.keep("a".into(), page(1, 70));
        assert!(
            pages.get("a", 1, at(10)).is_none(),
            "rendered before the change"
        );
    }

    #[test]
    fn the_database_is_believed_for_the_period_until_a_change_here() {
        let pages = PrivatePages::new(1 << 20, Duration::from_secs(3600));
        assert!(pages.known("s").is_none(), "never asked");
        pages.learn(pages.changes(), "s".into(), 7, None);
        assert!(matches!(pages.known("s"), Some((7, None))));
        assert!(pages.known("t").is_none(), "another session is read");
        pages.learn(pages.changes(), "t".into(), 8, None);
        assert!(
            matches!(pages.known("s"), Some((8, None))),
            "the newer version"
        );
        pages.forget("s");
        assert!(pages.known("s").is_none(), "its last-seen time was written");
        pages.changed();
        assert!(pages.known("t").is_none(), "a change made here");
        let asked = pages.changes();
        pages.changed();
        pages.learn(asked, "t".into(), 9, None);
        assert!(
            pages.known("t").is_none(),
            "an answer asked for before a change made here"
        );
        pages.learn(pages.changes(), "t".into(), 9, None);
        assert!(matches!(pages.known("t"), Some((9, None))));

        let always = PrivatePages::new(1 << 20, Duration::ZERO);
        always.learn(0, "s".into(), 7, None);
        assert!(always.known("s").is_none(), "a period of 0 asks every time");
    }

    #[test]
    fn only_workspace_and_admin_pages_are_kept() {
        assert!(is_private("/workspace"));
        assert!(is_private("/workspace/requests/CR-1"));
        assert!(is_private("/admin"));
        assert!(is_private("/admin/stats"));
        assert!(!is_private("/workspaces"));
        assert!(!is_private("/clarifications"));
    }
}
