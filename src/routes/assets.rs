//! Serves the static assets (see [`crate::assets`]) under their hashed
//! names, cached by browsers for a year.

use actix_web::http::header::{self, CacheControl, CacheDirective, ETag, EntityTag};
use actix_web::{HttpRequest, HttpResponse, web};

use crate::assets::stylesheet;
use crate::error::AppError;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/static/{name}", web::get().to(serve));
}

async fn serve(req: HttpRequest, name: web::Path<String>) -> Result<HttpResponse, AppError> {
    let asset = stylesheet();
    if req.path() != asset.path || name.is_empty() {
        return Err(AppError::NotFound);
    }
    let etag = EntityTag::new_strong(asset.etag.clone());
    let cache = CacheControl(vec![
        CacheDirective::Public,
        CacheDirective::MaxAge(31_536_000),
        CacheDirective::Extension("immutable".into(), None),
    ]);
    let matches = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .any(|t| t.trim().trim_start_matches("W/") == etag.to_string())
        });
    if matches {
        return Ok(HttpResponse::NotModified()
            .insert_header(ETag(etag))
            .insert_header(cache)
            .finish());
    }
    Ok(HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header(ETag(etag))
        .insert_header(cache)
        .body(asset.body))
}
