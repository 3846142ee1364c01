//! Conditional GETs for every page and document: the ETag is a hash of the
//! body, so a client (or a cache) that already holds this body is answered
//! 304 without it. Done once here rather than by each handler, which would
//! have to guess what changes its output.

use actix_web::HttpResponse;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, EntityTag, HeaderMap, HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use xxhash_rust::xxh3::xxh3_128;

pub async fn revalidate(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    if !matches!(*req.method(), Method::GET | Method::HEAD) {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    let held = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    // A body that depends on the visitor's cookies (a form's token, a
    // signed-in name) may be kept by their browser only.
    let personal = req.headers().contains_key(header::COOKIE);
    let res = next.call(req).await?;
    if !applies_to(res.response()) {
        return Ok(res.map_into_boxed_body());
    }
    let (req, response) = res.into_parts();
    let (mut head, body) = response.into_parts();
    // Streamed bodies are not held in memory to be hashed.
    let bytes = match body.try_into_bytes() {
        Ok(bytes) => bytes,
        Err(body) => {
            return Ok(ServiceResponse::new(
                req,
                head.set_body(body).map_into_boxed_body(),
            ));
        }
    };
    // Weak: the same content may travel compressed or not. A fast hash
    // rather than a cryptographic one: it only tells versions of a page
    // apart, and SHA-256 took a twentieth of an API page's time.
    let tag = EntityTag::new_weak(format!("{:032x}", xxh3_128(&bytes)));
    let headers = head.headers_mut();
    headers.insert(
        header::ETAG,
        HeaderValue::from_str(&tag.to_string())
            .map_err(actix_web::error::ErrorInternalServerError)?,
    );
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(if personal {
                "private, no-cache"
            } else {
                "no-cache"
            }),
        );
    }
    if held.as_deref().is_some_and(|held| matches(held, &tag)) {
        return Ok(ServiceResponse::new(req, not_modified(head.headers())));
    }
    Ok(ServiceResponse::new(
        req,
        head.set_body(bytes).map_into_boxed_body(),
    ))
}

/// Does the request's `If-None-Match` name this `ETag` header's tag?
pub fn still_held(request: &HeaderMap, etag: Option<&HeaderValue>) -> bool {
    let held = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok());
    let tag = etag
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<EntityTag>().ok());
    matches!((held, tag), (Some(held), Some(tag)) if matches(held, &tag))
}

/// The 304 for an answer with these headers: the validators and caching
/// headers stay, what describes the body goes.
pub fn not_modified<'a>(
    headers: impl IntoIterator<Item = (&'a HeaderName, &'a HeaderValue)>,
) -> HttpResponse {
    let mut not_modified = HttpResponse::NotModified();
    for (name, value) in headers {
        if !matches!(
            *name,
            header::CONTENT_TYPE | header::CONTENT_LENGTH | header::CONTENT_ENCODING
        ) {
            not_modified.append_header((name.clone(), value.clone()));
        }
    }
    not_modified.finish()
}

/// Successful answers that handlers did not validate themselves, that set
/// no cookie (the body would belong to that new cookie) and that may be
/// stored at all.
fn applies_to<B>(response: &HttpResponse<B>) -> bool {
    let headers = response.headers();
    response.status() == StatusCode::OK
        && !headers.contains_key(header::ETAG)
        && !headers.contains_key(header::SET_COOKIE)
        && !headers
            .get(header::CACHE_CONTROL)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("no-store"))
}

/// `If-None-Match` compares weakly: `*` or any listed tag with the same
/// opaque value.
fn matches(held: &str, tag: &EntityTag) -> bool {
    held.split(',').map(str::trim).any(|candidate| {
        candidate == "*"
            || candidate
                .parse::<EntityTag>()
                .is_ok_and(|candidate| candidate.weak_eq(tag))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_listed_tag_matches_weakly() {
        let tag = EntityTag::new_weak("abc".into());
        assert!(matches("W/\"abc\"", &tag));
        assert!(matches("\"abc\"", &tag));
        assert!(matches("\"x\", W/\"abc\"", &tag));
        assert!(matches("*", &tag));
        assert!(!matches("\"abcd\"", &tag));
        assert!(!matches("abc", &tag), "an unquoted tag is no tag");
        assert!(!matches("", &tag));
    }
}
