//! `/admin/groups`: maintenance groups, their members on the terms of their
//! membership, and their closing rules. A group's page is keyed by its id,
//! which never changes and needs no escaping.

mod create;
mod list;
mod members;
mod rules;
mod show;

use actix_web::web;

use super::{Options, plain_key, role_options, see_other};
use crate::i18n::Lang;
use crate::models::organisations::{self, Organisation};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/groups", web::get().to(list::show))
        .route("/groups/new", web::get().to(create::show))
        .route("/groups", web::post().to(create::create))
        .route("/groups/{group}", web::get().to(show::show))
        .route("/groups/{group}/rules", web::post().to(rules::update))
        .route("/groups/{group}/members", web::post().to(members::add))
        .route(
            "/groups/{group}/members/{user}",
            web::get().to(members::edit),
        )
        .route(
            "/groups/{group}/members/{user}",
            web::post().to(members::update),
        )
        .route(
            "/groups/{group}/members/{user}/remove",
            web::post().to(members::remove),
        )
        // Where a refused post leads back to.
        .route("/groups/{group}/members", web::get().to(back_to_group))
        .route("/groups/{group}/rules", web::get().to(back_to_group))
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

/// What the membership forms offer to choose from, as (value, text).
pub struct Choices {
    pub roles: Options,
    pub capacities: Options,
    /// The member bodies by country name, then the liaison organisations.
    pub member_bodies: Vec<(String, String)>,
    pub liaisons: Vec<(String, String)>,
}

impl Choices {
    /// `organisations` in the registry's order, as a page in `lang` names
    /// and orders them.
    fn new(organisations: &[Organisation], lang: &Lang) -> Self {
        let (member_bodies, liaisons): (Vec<_>, Vec<_>) = organisations
            .iter()
            .cloned()
            .partition(Organisation::is_member_body);
        let options = |list: Vec<Organisation>| organisations::choices(&list, lang);
        Self {
            roles: role_options(),
            capacities: Options::of(&[
                ("expert", "admin-capacity-expert"),
                ("observer", "admin-capacity-observer"),
                ("liaison", "admin-capacity-liaison"),
            ]),
            member_bodies: options(member_bodies),
            liaisons: options(liaisons),
        }
    }
}
