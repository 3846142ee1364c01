//! `/admin/users`: accounts, invitations, deactivation. Accounts are never
//! deleted: events name their actors, and those names stay.

mod activation;
mod invite;
mod list;

use actix_web::web;

use super::see_other;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/users", web::get().to(list::show))
        .route("/users/invite", web::get().to(invite::show))
        .route("/users/invite", web::post().to(invite::invite))
        .route(
            "/users/{id}/deactivate",
            web::post().to(activation::deactivate),
        )
        .route(
            "/users/{id}/reactivate",
            web::post().to(activation::reactivate),
        )
        // Where a refused post leads back to.
        .route(
            "/users/{id}/{action}",
            web::get().to(|| async { see_other("/admin/users") }),
        );
}
