//! Pages for everyone.

mod clarifications;
mod home;
mod standards;
mod subscriptions;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.configure(subscriptions::configure)
        .route("/", web::get().to(home::show))
        .route("/clarifications", web::get().to(clarifications::index))
        .route(
            "/clarifications/{reference}",
            web::get().to(clarifications::show),
        )
        .route("/standards", web::get().to(standards::index))
        .route("/standards/{slug}", web::get().to(standards::show));
}
