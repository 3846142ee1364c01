//! Pages for everyone.

mod home;
mod standards;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(home::show))
        .route("/standards", web::get().to(standards::index))
        .route("/standards/{slug}", web::get().to(standards::show));
}
