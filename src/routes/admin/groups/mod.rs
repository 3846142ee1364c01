//! `/admin/groups`: maintenance groups and their convenors and members. A
//! group's page is keyed by its id, which never changes and needs no escaping.

mod create;
mod list;
mod members;
mod show;

use actix_web::web;

use super::{plain_key, see_other};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/groups", web::get().to(list::show))
        .route("/groups/new", web::get().to(create::show))
        .route("/groups", web::post().to(create::create))
        .route("/groups/{group}", web::get().to(show::show))
        .route("/groups/{group}/members", web::post().to(members::add))
        .route(
            "/groups/{group}/members/{user}/role",
            web::post().to(members::change_role),
        )
        .route(
            "/groups/{group}/members/{user}/remove",
            web::post().to(members::remove),
        )
        // Where a refused post leads back to.
        .route("/groups/{group}/members", web::get().to(back_to_group))
        .route(
            "/groups/{group}/members/{user}/{action}",
            web::get().to(back_to_group),
        );
}

async fn back_to_group(req: actix_web::HttpRequest) -> actix_web::HttpResponse {
    match req.match_info().get("group").filter(|id| plain_key(id)) {
        Some(id) => see_other(&format!("/admin/groups/{id}")),
        None => see_other("/admin/groups"),
    }
}
