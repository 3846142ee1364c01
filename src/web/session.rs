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

pub const COOKIE: &str = "clarion_session";
/// A session unused this long ends.
pub const IDLE_TIMEOUT: TimeDelta = TimeDelta::hours(8);
/// Last-seen times are written at most this often, not on every request.
const TOUCH_EVERY: TimeDelta = TimeDelta::minutes(5);

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
            let Some(token) = req.cookie(COOKIE).map(|c| c.value().to_owned()) else {
                return Ok(Viewer(None));
            };
            let state = req
                .app_data::<web::Data<AppState>>()
                .cloned()
                .ok_or_else(|| AppError::Internal("application state missing".into()))?;
            let now = state.clock.now();
            let user = state
                .db(move |conn| {
                    let found = sessions::find_user(conn, &token, now - IDLE_TIMEOUT)?;
                    if let Some((_, seen)) = &found
                        && now - *seen > TOUCH_EVERY
                    {
                        sessions::touch(conn, &token, now)?;
                    }
                    Ok(found.map(|(user, _)| user))
                })
                .await?;
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

pub fn cookie(token: String, secure: bool) -> Cookie<'static> {
    Cookie::build(COOKIE, token)
        .path("/")
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Lax)
        .max_age(CookieDuration::hours(IDLE_TIMEOUT.num_hours()))
        .finish()
}

pub fn removal(secure: bool) -> Cookie<'static> {
    let mut cookie = cookie(String::new(), secure);
    cookie.make_removal();
    cookie
}
