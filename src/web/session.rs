//! Who is signed in: the `Viewer` extractor reads the session cookie;
//! `SignedIn` insists on someone and sends everyone else to the login page.

use std::future::Future;
use std::pin::Pin;

use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use chrono::TimeDelta;

use crate::error::AppError;
use crate::models::sessions;
use crate::models::users::User;
use crate::web::AppState;
use crate::workflow::accounts::IDLE_TIMEOUT;

/// The session cookie's name. Over https it takes the `__Host-` prefix:
/// browsers then keep it only as set by this very host, Secure, for the
/// whole site, so a sibling subdomain cannot plant or overwrite it.
pub fn cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-clarion_session"
    } else {
        "clarion_session"
    }
}

/// Last-seen times are written at most this often, not on every request.
pub(crate) const TOUCH_EVERY: TimeDelta = TimeDelta::minutes(5);

/// The signed-in user, if any.
#[derive(Clone)]
pub struct Viewer(pub Option<User>);

impl Viewer {
    pub fn name(&self) -> Option<String> {
        self.0.as_ref().map(|u| u.name.clone())
    }
}

impl FromRequest for Viewer {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            if let Some(viewer) = req.extensions().get::<Viewer>() {
                return Ok(viewer.clone());
            }
            let state = req
                .app_data::<web::Data<AppState>>()
                .cloned()
                .ok_or_else(|| AppError::Internal("application state missing".into()))?;
            let name = cookie_name(state.settings.is_https());
            let Some(token) = req.cookie(name).map(|c| c.value().to_owned()) else {
                return Ok(Viewer(None));
            };
            let now = state.clock.now();
            let touched = token.clone();
            // Every signed-in page asks this first: a read on the worker,
            // and the rare renewal, a write, on the blocking pool.
            let found = state
                .read(move |conn| Ok(sessions::find_user(conn, &touched, now - IDLE_TIMEOUT)?))
                .await?;
            let renewed = found
                .as_ref()
                .is_some_and(|(_, seen)| now - *seen > TOUCH_EVERY);
            if renewed {
                let touched = token.clone();
                state
                    .db(move |conn| Ok(sessions::touch(conn, &touched, now)?))
                    .await?;
            }
            let user = found.map(|(user, _)| user);
            if renewed {
                req.extensions_mut().insert(Renewed(token));
            }
            let viewer = Viewer(user);
            req.extensions_mut().insert(viewer.clone());
            Ok(viewer)
        })
    }
}

/// A signed-in user; anonymous visitors are sent to the login page.
pub struct SignedIn(pub User);

impl FromRequest for SignedIn {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let viewer = Viewer::from_request(req, payload);
        let next = match req.query_string() {
            "" => req.path().to_owned(),
            query => format!("{}?{query}", req.path()),
        };
        Box::pin(async move {
            match viewer.await? {
                Viewer(Some(user)) => Ok(SignedIn(user)),
                Viewer(None) => Err(AppError::LoginRequired { next }),
            }
        })
    }
}

/// A session this request used, and whose cookie must last again.
#[derive(Clone)]
struct Renewed(String);

/// Middleware step: gives a session just used its full lifetime again in
/// the browser, unless the response sets the cookie itself.
pub fn renew_cookie_if_used(
    req: &HttpRequest,
    response: &mut actix_web::HttpResponse<impl actix_web::body::MessageBody>,
    https: bool,
) {
    let Some(Renewed(token)) = req.extensions().get::<Renewed>().cloned() else {
        return;
    };
    if response.cookies().any(|c| c.name() == cookie_name(https)) {
        return;
    }
    let _ = response.add_cookie(&cookie(token, https));
}

pub fn cookie(token: String, https: bool) -> Cookie<'static> {
    Cookie::build(cookie_name(https), token)
        .path("/")
        .http_only(true)
        .secure(https)
        .same_site(SameSite::Lax)
        .max_age(CookieDuration::hours(IDLE_TIMEOUT.num_hours()))
        .finish()
}

pub fn removal(https: bool) -> Cookie<'static> {
    let mut cookie = cookie(String::new(), https);
    cookie.make_removal();
    cookie
}
