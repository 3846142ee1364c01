//! CSRF protection for every form, in one line each side:
//! a handler takes `Csrf` to render `{{ csrf }}` into a hidden field, and
//! takes `CsrfForm<T>` instead of `web::Form<T>` to accept the post.
//!
//! The browser holds a random value in an HttpOnly cookie; the form carries
//! HMAC(secret key, value). A forged post from another site has neither the
//! cookie's value nor the key, and a cookie planted by a sibling domain has
//! no matching token. Each page carries the HMAC masked afresh (a random
//! mask, then the HMAC XORed with it), so that the bytes of the token
//! differ on every response and a compressed page cannot be made to
//! reveal them a guess at a time (BREACH).

use std::future::Future;
use std::pin::Pin;

use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use futures_util::StreamExt;
use hmac::{Hmac, Mac};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use sha2::Sha256;
use subtle::ConstantTimeEq;

use crate::error::AppError;
use crate::web::AppState;

/// The cookie's name: `__Host-` over https, as for the session
/// ([`super::session::cookie_name`]).
pub fn cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-clarion_csrf"
    } else {
        "clarion_csrf"
    }
}
pub const FIELD: &str = "csrf_token";
/// Every form carries at most 64 KiB of text (SPEC §5), counted as the
/// text it holds rather than as sent: the fields' limits count characters,
/// and a browser sends each byte of a letter outside ASCII as three, so a
/// request written in Greek or Japanese within every limit would be
/// refused if its encoding were counted.
pub const MAX_FORM_BYTES: usize = 64 * 1024;
/// What a form holding that much text may take on the wire.
const MAX_SENT_BYTES: usize = 3 * MAX_FORM_BYTES;

/// The token to put in this page's forms, masked for this response.
pub struct Csrf(String);

impl std::fmt::Display for Csrf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A cookie value this request must set, because the browser had none.
#[derive(Clone)]
struct NewCookie(String);

/// The secret the forms of this browser prove they know.
fn secret_for(key: &[u8; 32], cookie_value: &str) -> [u8; 32] {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(cookie_value.as_bytes());
    mac.finalize().into_bytes().into()
}

/// A fresh mask, then the secret XORed with it, in hex.
fn masked(secret: &[u8; 32]) -> String {
    let mask: [u8; 32] = rand::random();
    let hidden: Vec<u8> = mask.iter().zip(secret).map(|(m, s)| m ^ s).collect();
    hex::encode([mask.as_slice(), &hidden].concat())
}

/// The secret a masked token carries, if it is one.
fn unmasked(token: &str) -> Option<[u8; 32]> {
    let bytes = hex::decode(token).ok().filter(|b| b.len() == 64)?;
    let (mask, hidden) = bytes.split_at(32);
    let secret: Vec<u8> = mask.iter().zip(hidden).map(|(m, h)| m ^ h).collect();
    secret.try_into().ok()
}

fn well_formed(value: &str) -> bool {
    value.len() == 32 && value.bytes().all(|b| b.is_ascii_hexdigit())
}

fn state(req: &HttpRequest) -> Result<web::Data<AppState>, AppError> {
    req.app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| AppError::Internal("application state missing".into()))
}

impl FromRequest for Csrf {
    type Error = AppError;
    type Future = std::future::Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(state(req).map(|state| {
            let key = state.settings.secret_key.expose();
            let existing = req
                .cookie(cookie_name(state.settings.is_https()))
                .map(|c| c.value().to_owned())
                .filter(|v| well_formed(v));
            let value = existing.unwrap_or_else(|| {
                let fresh = hex::encode(rand::random::<[u8; 16]>());
                req.extensions_mut().insert(NewCookie(fresh.clone()));
                fresh
            });
            let token = masked(&secret_for(key, &value));
            req.extensions_mut()
                .get_or_insert_with(|| Handed(Vec::new()))
                .0
                .push(token.clone());
            Csrf(token)
        }))
    }
}

/// The masked tokens handed to this request's page, so that a page kept
/// in memory can carry tokens masked afresh each time it is served.
#[derive(Clone)]
pub struct Handed(pub Vec<String>);

/// A token for the forms of the browser holding `cookie_value`, masked for
/// this response; `None` for a value no `Csrf` would have set.
pub fn token_for(state: &AppState, cookie_value: &str) -> Option<String> {
    well_formed(cookie_value).then(|| {
        masked(&secret_for(
            state.settings.secret_key.expose(),
            cookie_value,
        ))
    })
}

/// Middleware step: sets the cookie a `Csrf` extractor asked for.
pub fn set_cookie_if_new(
    req: &HttpRequest,
    response: &mut actix_web::HttpResponse<impl actix_web::body::MessageBody>,
    https: bool,
) {
    if let Some(NewCookie(value)) = req.extensions().get::<NewCookie>().cloned() {
        let cookie = Cookie::build(cookie_name(https), value)
            .path("/")
            .http_only(true)
            .secure(https)
            .same_site(SameSite::Lax)
            .max_age(CookieDuration::days(365))
            .finish();
        let _ = response.add_cookie(&cookie);
    }
}

/// A url-encoded form whose CSRF token has been checked.
pub struct CsrfForm<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for CsrfForm<T> {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let mut payload = payload.take();
        Box::pin(async move {
            let declared = req
                .headers()
                .get(header::CONTENT_LENGTH)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse::<usize>().ok());
            if declared.is_some_and(|n| n > MAX_SENT_BYTES) {
                return Err(AppError::PayloadTooLarge);
            }
            let mut body = web::BytesMut::new();
            while let Some(chunk) = payload.next().await {
                let chunk = chunk.map_err(|e| AppError::BadForm(e.to_string()))?;
                if body.len() + chunk.len() > MAX_SENT_BYTES {
                    return Err(AppError::PayloadTooLarge);
                }
                body.extend_from_slice(&chunk);
            }
            let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&body)
                .map_err(|e| AppError::BadForm(e.to_string()))?;
            if pairs.iter().map(|(k, v)| k.len() + v.len()).sum::<usize>() > MAX_FORM_BYTES {
                return Err(AppError::PayloadTooLarge);
            }
            let sent = pairs
                .iter()
                .find(|(k, _)| k == FIELD)
                .map(|(_, v)| v.as_str())
                .unwrap_or_default();
            let state = state(&req)?;
            let cookie = req
                .cookie(cookie_name(state.settings.is_https()))
                .map(|c| c.value().to_owned());
            let valid = cookie
                .filter(|c| well_formed(c))
                .zip(unmasked(sent))
                .is_some_and(|(c, secret)| {
                    let expected = secret_for(state.settings.secret_key.expose(), &c);
                    expected.ct_eq(&secret).into()
                });
            if !valid {
                return Err(AppError::CsrfRejected);
            }
            if pairs
                .iter()
                .any(|(k, v)| k.chars().chain(v.chars()).any(super::input::refused))
            {
                return Err(AppError::BadForm("control characters in the form".into()));
            }
            serde_urlencoded::from_bytes(&body)
                .map(CsrfForm)
                .map_err(|e| AppError::BadForm(e.to_string()))
        })
    }
}

/// The form of a button that sends nothing but its token: confirm, retry,
/// sign out, deactivate.
#[derive(Deserialize)]
pub struct NoFields {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_masking_differs_and_carries_the_same_secret() {
        let secret = secret_for(&[7; 32], "0123456789abcdef0123456789abcdef");
        let (first, second) = (masked(&secret), masked(&secret));
        assert_ne!(first, second);
        assert_eq!(first.len(), 128);
        assert!(!first.contains(&hex::encode(secret)));
        assert_eq!(unmasked(&first), Some(secret));
        assert_eq!(unmasked(&second), Some(secret));
        let other = secret_for(&[7; 32], "fedcba9876543210fedcba9876543210");
        assert_ne!(unmasked(&masked(&other)), Some(secret));
        for junk in ["", "forged", &hex::encode(secret), &"zz".repeat(64)] {
            assert_ne!(unmasked(junk), Some(secret), "{junk}");
        }
    }
}
