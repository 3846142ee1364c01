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

/// Titles are long ("Conformity assessment — Requirements for …").
const TITLE_MAX: usize = 300;

/// The title of a standard as typed, or what to say about it.
fn parse_title(text: &str) -> Result<String, String> {
    super::required(
        &super::tidy(text),
        TITLE_MAX,
        "Enter the title of the standard.",
        "Enter a title of at most 300 characters.",
    )
}

/// The responsible group chosen in a select: none, or one of `groups`.
fn parse_group(
    id: &str,
    groups: &[crate::models::groups::Group],
) -> Result<Option<String>, String> {
    let id = id.trim();
    if id.is_empty() {
        return Ok(None);
    }
    groups
        .iter()
        .find(|g| g.id == id)
        .map(|g| Some(g.id.clone()))
        .ok_or_else(|| "Choose a group from the list, or none.".to_owned())
}
