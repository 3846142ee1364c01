//! `/admin/groups`: every maintenance group with its member counts.

use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;

use crate::error::AppError;
use crate::models::groups::{self, GroupSummary};
use crate::routes::admin::admin_page;
use crate::web::flash::Flash;
use crate::web::{AppState, Csrf, Page};
use crate::workflow::registry::Secretariat;

#[derive(Template, WebTemplate)]
#[template(path = "admin/groups/list.html")]
pub struct ListPage {
    page: Page,
    groups: Vec<GroupSummary>,
}

pub async fn show(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    flash: Flash,
) -> Result<ListPage, AppError> {
    let now = state.clock.now();
    let groups = state
        .db(move |conn| Ok(groups::summaries(conn, now)?))
        .await?;
    Ok(ListPage {
        page: admin_page(&state, &admin, &csrf).showing(flash),
        groups,
    })
}
