//! The workspace of the secretariat and the maintenance groups.

mod queue;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/workspace", web::get().to(queue::show));
}
