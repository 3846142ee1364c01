//! For operators and their monitoring: liveness, readiness, metrics.

use actix_web::{HttpRequest, HttpResponse, web};

use crate::db;
use crate::error::AppError;
use crate::mail::outbox;
use crate::web::AppState;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/healthz", web::get().to(healthz))
        .route("/readyz", web::get().to(readyz))
        .route("/metrics", web::get().to(metrics));
}

/// The process answers.
async fn healthz() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .insert_header(("cache-control", "no-store"))
        .body("ok\n")
}

/// The database takes writes too (see [`db::probe`]).
async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    let health = state.health.clone();
    let ready = state
        .db(move |conn| db::probe(conn, &health).map_err(AppError::from))
        .await;
    let (mut response, body) = match ready {
        Ok(()) => (HttpResponse::Ok(), "ready\n"),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            (HttpResponse::ServiceUnavailable(), "database unavailable\n")
        }
    };
    response
        .content_type("text/plain; charset=utf-8")
        .insert_header(("cache-control", "no-store"))
        .body(body)
}

/// Answers only whom the operator allows (`CLARION_METRICS`); everyone
/// else finds nothing here.
async fn metrics(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    if !crate::web::metrics::may_read(&req, &state.settings) {
        return Err(AppError::NotFound);
    }
    let depth = state.db(|conn| Ok(outbox::depth(conn)?)).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .insert_header(("cache-control", "no-store"))
        .body(
            state
                .metrics
                .render(&state.pool, &depth, state.search_index.loads()),
        ))
}
