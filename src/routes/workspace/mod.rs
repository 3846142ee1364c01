//! The workspace of the secretariat and the maintenance groups.

mod actions;
mod queue;
mod request;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/workspace", web::get().to(queue::show))
        .route(
            "/workspace/requests/{reference}",
            web::get().to(actions::show),
        )
        .route(
            "/workspace/requests/{reference}/accept",
            web::post().to(actions::accept),
        )
        .route(
            "/workspace/requests/{reference}/ask",
            web::post().to(actions::ask),
        )
        .route(
            "/workspace/requests/{reference}/not-admissible",
            web::post().to(actions::not_admissible),
        )
        .route(
            "/workspace/requests/{reference}/refer",
            web::post().to(actions::refer),
        )
        .route(
            "/workspace/requests/{reference}/duplicate",
            web::post().to(actions::duplicate),
        )
        .route(
            "/workspace/requests/{reference}/reassign",
            web::post().to(actions::reassign),
        )
        .route(
            "/workspace/requests/{reference}/comments",
            web::post().to(actions::comment),
        );
}
