//! `/admin/groups`: every maintenance group with its member counts.

use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;

use crate::error::AppError;
use crate::models::groups::{self, GroupSummary};
use crate::routes::admin::{Done, admin_page};
use crate::web::{AppState, Page};
use crate::workflow::registry::Secretariat;

#[derive(Template, WebTemplate)]
#[template(path = "admin/groups/list.html")]
pub struct ListPage {
    page: Page,
    notice: Option<&'static str>,
    groups: Vec<GroupSummary>,
}

pub async fn show(
    state: web::Data<AppState>,
    admin: Secretariat,
    query: web::Query<Done>,
) -> Result<ListPage, AppError> {
    let now = state.clock.now();
    let groups = state
        .db(move |conn| Ok(groups::summaries(conn, now)?))
        .await?;
    let notice = match query.done.as_str() {
        "added" => Some("The group was added. Add its convenor and members from its page."),
        _ => None,
    };
    Ok(ListPage {
        page: admin_page(&state, &admin),
        notice,
        groups,
    })
}
