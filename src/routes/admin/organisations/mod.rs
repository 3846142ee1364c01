//! `/admin/organisations`: the member bodies and liaison organisations that
//! nominate the groups' members, with the address clarification requests
//! for each go to.

mod create;
mod list;
mod update;

use actix_web::web;

use super::{plain_key, see_other};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/organisations", web::get().to(list::show))
        .route("/organisations/new", web::get().to(create::show))
        .route("/organisations", web::post().to(create::create))
        .route("/organisations/{id}/edit", web::get().to(update::show))
        .route("/organisations/{id}", web::post().to(update::update))
        // Where a refused post leads back to.
        .route(
            "/organisations/{id}",
            web::get().to(|id: web::Path<String>| async move {
                if plain_key(&id) {
                    see_other(&format!("/admin/organisations/{id}/edit"))
                } else {
                    see_other("/admin/organisations")
                }
            }),
        );
}
