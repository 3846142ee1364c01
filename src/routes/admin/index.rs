//! `/admin`: the way into each part of the registry.

use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;

use super::Secretariat;
use crate::web::{AppState, Page};

#[derive(Template, WebTemplate)]
#[template(path = "admin/index.html")]
pub struct IndexPage {
    page: Page,
}

pub async fn show(state: web::Data<AppState>, admin: Secretariat) -> IndexPage {
    IndexPage {
        page: admin.page(&state),
    }
}
