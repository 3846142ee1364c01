//! Open data: the register as JSON under `/api` (described by the OpenAPI
//! document at `/api/openapi.json` and readable from any origin) and as a
//! CSV file.

mod clarifications;
mod csv;
mod openapi;
pub mod records;
pub mod standards;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::{Next, from_fn};
use actix_web::{FromRequest, Handler, HttpResponse, Resource, Responder, guard, web};

use crate::db::DbConn;
use crate::domain::fields::FieldErrors;
use crate::domain::search::{Filters, RawFilters};
use crate::error::AppError;
use crate::models::standards as registry;
use crate::web::AppState;

pub use records::ErrorBody;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/api")
            .wrap(from_fn(cross_origin_reads))
            .service(readable("/openapi.json", openapi::document))
            .service(readable("/v1/clarifications", clarifications::index))
            .service(readable(
                "/v1/clarifications/{reference}",
                clarifications::show,
            ))
            .service(readable(
                "/v1/clarifications/{reference}/versions/{number}",
                clarifications::version,
            ))
            .service(readable("/v1/standards", standards::index))
            // Inside the scope, so that its errors allow other origins too.
            .default_service(web::to(crate::routes::not_found)),
    )
    .route("/clarifications.csv", web::get().to(csv::download));
}

/// The API is public data: any site may read it from a browser, without
/// credentials, and a preflight is answered here for every API address.
async fn cross_origin_reads(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    if req.method() == Method::OPTIONS {
        let preflight = HttpResponse::NoContent()
            .insert_header(("access-control-allow-origin", "*"))
            .insert_header(("access-control-allow-methods", "GET, HEAD"))
            .insert_header((
                "access-control-allow-headers",
                "Accept, Accept-Language, Content-Language, If-None-Match",
            ))
            .insert_header(("access-control-max-age", "86400"))
            .insert_header(("allow", "GET, HEAD, OPTIONS"))
            .finish();
        return Ok(req.into_response(preflight));
    }
    let mut res = next.call(req).await?;
    let headers = res.headers_mut();
    headers.insert(
        HeaderName::from_static("access-control-allow-origin"),
        HeaderValue::from_static("*"),
    );
    // Scripts may read the validator and the pagination links too.
    headers.insert(
        HeaderName::from_static("access-control-expose-headers"),
        HeaderValue::from_static("ETag, Link"),
    );
    Ok(res.map_into_boxed_body())
}

/// A resource read with GET, or HEAD by clients that check before they
/// fetch; any other method is told which ones it may use.
fn readable<F, Args>(path: &str, handler: F) -> Resource
where
    F: Handler<Args>,
    Args: FromRequest + 'static,
    F::Output: Responder + 'static,
{
    web::resource(path)
        .route(
            web::route()
                .guard(guard::Any(guard::Get()).or(guard::Head()))
                .to(handler),
        )
        .default_service(web::to(|| async {
            HttpResponse::MethodNotAllowed()
                .insert_header(("allow", "GET, HEAD, OPTIONS"))
                .json(ErrorBody::new("Method Not Allowed"))
        }))
}

/// A JSON answer.
fn json<T: serde::Serialize>(status: StatusCode, body: &T) -> HttpResponse {
    HttpResponse::build(status).json(body)
}

/// The filters of `raw`, or what is wrong with them.
fn checked(raw: &RawFilters) -> Result<Filters, FieldErrors> {
    let mut errors = exact(raw);
    match Filters::parse(raw) {
        Ok(filters) if errors.is_empty() => Ok(filters),
        Ok(_) => Err(errors),
        Err(refused) => {
            for (field, message) in refused.as_slice() {
                errors.add(field, message.clone());
            }
            Err(errors)
        }
    }
}

/// As on the list page, a standard the registry does not know is a mistake
/// to point out, not an empty result.
fn no_such_standard() -> FieldErrors {
    let mut errors = FieldErrors::default();
    errors.add(
        "standard",
        "There is no such standard; see /api/v1/standards for their slugs.",
    );
    errors
}

/// Runs `search` with checked filters on the blocking pool, or names what
/// is wrong with them.
async fn searching<T, F>(
    state: &AppState,
    raw: &RawFilters,
    search: F,
) -> Result<Result<(Filters, T), FieldErrors>, AppError>
where
    T: Send + 'static,
    F: FnOnce(&mut DbConn, &Filters) -> Result<T, AppError> + Send + 'static,
{
    let filters = match checked(raw) {
        Ok(filters) => filters,
        Err(errors) => return Ok(Err(errors)),
    };
    state
        .db(move |conn| {
            if let Some(slug) = &filters.standard
                && registry::find_by_slug(conn, slug)?.is_none()
            {
                return Ok(Err(no_such_standard()));
            }
            let found = search(conn, &filters)?;
            Ok(Ok((filters, found)))
        })
        .await
}

/// The list page's form sends its empty choices as empty values; a program
/// names only the filters it means. So the API takes its enumerated and
/// numeric parameters exactly as the OpenAPI document declares them.
fn exact(raw: &RawFilters) -> FieldErrors {
    let mut errors = FieldErrors::default();
    for (field, value) in [
        ("standard", &raw.standard),
        ("year", &raw.year),
        ("status", &raw.status),
        ("page", &raw.page),
        ("per_page", &raw.per_page),
    ] {
        if value
            .as_deref()
            .is_some_and(|v| v.is_empty() || v.trim() != v)
        {
            errors.add(
                field,
                "Leave the parameter out, or give it a value without spaces.",
            );
        }
    }
    errors
}
