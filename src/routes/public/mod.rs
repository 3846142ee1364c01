//! Pages for everyone.

pub mod clarifications;
mod documents;
pub mod feeds;
pub mod home;
mod new_information;
pub mod standards;
mod subscriptions;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.configure(subscriptions::configure)
        .route("/", web::get().to(home::show))
        .route("/clarifications", web::get().to(clarifications::index))
        // Before the clarification's pattern, which "CR-….pdf" would match.
        .route(
            "/clarifications/{reference}.pdf",
            web::get().to(documents::clarification),
        )
        .route(
            "/clarifications/{reference}",
            web::get().to(clarifications::show),
        )
        .route(
            "/clarifications/{reference}/new-information",
            web::get().to(new_information::show),
        )
        .route(
            "/clarifications/{reference}/new-information",
            web::post().to(new_information::create),
        )
        // Before the versions' pattern, which "versions" would match.
        .route(
            "/clarifications/{reference}/versions",
            web::get().to(clarifications::versions),
        )
        .route(
            "/clarifications/{reference}/v{number}.pdf",
            web::get().to(documents::version),
        )
        .route(
            "/clarifications/{reference}/v{number}",
            web::get().to(clarifications::version),
        )
        .route("/standards", web::get().to(standards::index))
        .route("/standards/{slug}", web::get().to(standards::show))
        .route(
            "/standards/{slug}/clarifications.pdf",
            web::get().to(documents::standard),
        )
        .route(
            "/standards/{slug}/revision",
            web::get().to(standards::revision),
        )
        .route(
            "/feeds/clarifications.atom",
            web::get().to(feeds::everything),
        )
        .route(
            "/feeds/standards/{slug}.atom",
            web::get().to(feeds::of_standard),
        );
}
