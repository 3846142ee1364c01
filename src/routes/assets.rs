//! Static assets compiled into the binary, served under a name that carries
//! a hash of their content, so browsers may cache them forever.

use std::sync::OnceLock;

use actix_web::http::header::{self, CacheControl, CacheDirective, ETag, EntityTag};
use actix_web::{HttpRequest, HttpResponse, web};
use sha2::{Digest, Sha256};

use crate::error::AppError;

const STYLESHEET: &str = include_str!("../../static/clarion.css");

struct Asset {
    path: String,
    etag: String,
}

fn stylesheet() -> &'static Asset {
    static ASSET: OnceLock<Asset> = OnceLock::new();
    ASSET.get_or_init(|| {
        let digest = hex::encode(Sha256::digest(STYLESHEET.as_bytes()));
        Asset {
            path: format!("/static/clarion.{}.css", &digest[..12]),
            etag: digest[..24].to_owned(),
        }
    })
}

/// The stylesheet's address for `<link>`.
pub fn stylesheet_path() -> &'static str {
    &stylesheet().path
}

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
        .body(STYLESHEET))
}
