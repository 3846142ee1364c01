//! `/admin/committees`: the committees that own standards outside this
//! registry, with the contact a referred submitter receives and the
//! designations each owns (what `/refer` looks up).

mod create;
mod list;
mod update;

use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;

use super::{plain_key, see_other};
use crate::domain::fields::FieldErrors;
use crate::web::{Csrf, Page};
use crate::workflow::registry::committees::CommitteeInput;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/committees", web::get().to(list::show))
        .route("/committees/new", web::get().to(create::show))
        .route("/committees", web::post().to(create::create))
        .route("/committees/{id}/edit", web::get().to(update::show))
        .route("/committees/{id}", web::post().to(update::update))
        // Where a refused post leads back to.
        .route(
            "/committees/{id}",
            web::get().to(|id: web::Path<String>| async move {
                if plain_key(&id) {
                    see_other(&format!("/admin/committees/{id}/edit"))
                } else {
                    see_other("/admin/committees")
                }
            }),
        );
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/committees/form.html")]
pub struct FormPage {
    page: Page,
    csrf: Csrf,
    /// The code of the committee being edited; None when adding one.
    editing: Option<String>,
    action: String,
    input: CommitteeInput,
    errors: FieldErrors,
}
