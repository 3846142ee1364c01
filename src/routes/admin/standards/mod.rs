//! `/admin/standards`: the list, adding a standard or a new edition, and
//! editing a standard's title and group.

mod create;
mod list;
mod update;

use actix_web::web;

use super::{plain_key, see_other};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/standards", web::get().to(list::show))
        .route("/standards/new", web::get().to(create::show))
        .route("/standards", web::post().to(create::create))
        .route("/standards/{slug}/edit", web::get().to(update::show))
        .route("/standards/{slug}", web::post().to(update::update))
        // Where a refused post leads back to.
        .route(
            "/standards/{slug}",
            web::get().to(|slug: web::Path<String>| async move {
                if plain_key(&slug) {
                    see_other(&format!("/admin/standards/{slug}/edit"))
                } else {
                    see_other("/admin/standards")
                }
            }),
        );
}
