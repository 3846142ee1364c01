//! Which language a request is answered in: the account's preference for
//! someone signed in, else the switch's cookie, else the browser's
//! `Accept-Language`, negotiated against `CLARION_LANGUAGES`. Addresses
//! never carry the language, so pages say they vary with both headers.
//!
//! The choice is made once per request, here, and held for the request's
//! task, so that every `Page` (and error page) built while answering it
//! speaks it without each of the many handlers passing it along.

use actix_web::HttpMessage;
use actix_web::body::MessageBody;
use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::web::Data;

use super::AppState;
use crate::i18n::Lang;

/// The switch's cookie: a language tag, nothing secret.
pub const COOKIE: &str = "clarion_language";

/// The reader of the request being answered.
#[derive(Clone)]
pub struct Reader {
    pub lang: Lang,
    /// The address asked for, path and query: where the switch comes back to.
    pub here: String,
}

tokio::task_local! {
    static READER: Reader;
}

/// The reader this task answers; English and the home page outside a
/// request (the command line, the worker).
pub fn reader() -> Reader {
    READER.try_with(Clone::clone).unwrap_or_else(|_| Reader {
        lang: Lang::english(),
        here: "/".into(),
    })
}

/// The language of a request before anyone is known to be signed in: the
/// cookie's if offered, else the negotiated one.
pub fn of_request(req: &ServiceRequest, state: &AppState) -> Lang {
    let languages = &state.settings.languages;
    req.cookie(COOKIE)
        .and_then(|c| languages.offered(c.value()))
        .unwrap_or_else(|| {
            let accept = req
                .headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            languages.negotiate(accept)
        })
}

/// The cookie the switch sets, for a year.
pub fn cookie(lang: &Lang, https: bool) -> Cookie<'static> {
    Cookie::build(COOKIE, lang.tag())
        .path("/")
        .secure(https)
        .http_only(true)
        .same_site(SameSite::Lax)
        .max_age(CookieDuration::days(365))
        .finish()
}

/// Where the switch on this answer comes back to: the address asked for;
/// for a form's answer (a refusal shown again), the page the form was on
/// when the browser says it was on this site, else the home page, since
/// reading a form's address is not showing its page.
fn here(req: &ServiceRequest) -> String {
    if matches!(*req.method(), Method::GET | Method::HEAD) {
        return req
            .uri()
            .path_and_query()
            .map_or("/", |p| p.as_str())
            .to_owned();
    }
    let host = req.connection_info().host().to_owned();
    req.headers()
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|referer| url::Url::parse(referer).ok())
        .filter(|referer| {
            let port = referer.port().map(|p| format!(":{p}")).unwrap_or_default();
            referer
                .host_str()
                .is_some_and(|name| format!("{name}{port}") == host)
        })
        .map(|referer| match referer.query() {
            Some(query) => format!("{}?{query}", referer.path()),
            None => referer.path().to_owned(),
        })
        .unwrap_or_else(|| "/".to_owned())
}

/// Middleware over the whole application, outside the page cache (which
/// keys pages by the language found here).
pub async fn choose(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let Some(state) = req.app_data::<Data<AppState>>().cloned() else {
        return next.call(req).await;
    };
    let lang = of_request(&req, &state);
    req.extensions_mut().insert(lang.clone());
    let here = here(&req);
    let mut res = READER.scope(Reader { lang, here }, next.call(req)).await?;
    let html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if html {
        res.headers_mut().append(
            header::VARY,
            HeaderValue::from_static("Accept-Language, Cookie"),
        );
    }
    Ok(res)
}
