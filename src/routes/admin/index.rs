//! `/admin`: the way into each part of the registry.

use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;

use super::admin_page;
use crate::web::{AppState, Csrf, Page};
use crate::workflow::registry::Secretariat;

#[derive(Template, WebTemplate)]
#[template(path = "admin/index.html")]
pub struct IndexPage {
    page: Page,
}

pub async fn show(state: web::Data<AppState>, admin: Secretariat, csrf: Csrf) -> IndexPage {
    IndexPage {
        page: admin_page(&state, &admin, &csrf),
    }
}
