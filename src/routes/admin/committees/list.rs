//! `/admin/committees`: every external committee and what it owns.

use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;

use crate::error::AppError;
use crate::models::committees::{self, WithDesignations};
use crate::routes::admin::admin_page;
use crate::web::flash::Flash;
use crate::web::{AppState, Csrf, Page};
use crate::workflow::registry::Secretariat;

#[derive(Template, WebTemplate)]
#[template(path = "admin/committees/list.html")]
pub struct ListPage {
    page: Page,
    committees: Vec<WithDesignations>,
}

pub async fn show(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    flash: Flash,
) -> Result<ListPage, AppError> {
    let committees = state
        .db(|conn| Ok(committees::all_with_designations(conn)?))
        .await?;
    Ok(ListPage {
        page: admin_page(&state, &admin, &csrf).showing(flash),
        committees,
    })
}
