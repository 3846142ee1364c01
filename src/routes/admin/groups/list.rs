//! `/admin/groups`: the maintenance groups, 50 a page, found by code or
//! name, with their member counts.

use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;

use crate::domain::paging::{PER_PAGE, Paging, offset, searched};
use crate::error::AppError;
use crate::models::groups::{self, GroupSummary};
use crate::routes::admin::admin_page;
use crate::web::flash::Flash;
use crate::web::input::ListQuery;
use crate::web::{AppState, Csrf, Page};
use crate::workflow::registry::Secretariat;

const PATH: &str = "/admin/groups";

#[derive(Template, WebTemplate)]
#[template(path = "admin/groups/list.html")]
pub struct ListPage {
    page: Page,
    /// The words looked for, empty for every group.
    words: String,
    paged: Paging,
    groups: Vec<GroupSummary>,
}

pub async fn show(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    query: web::Query<ListQuery>,
    flash: Flash,
) -> Result<ListPage, AppError> {
    let now = state.clock.now();
    let (words, page) = (query.words(), query.page()?);
    let looked_for = words.clone();
    let (total, groups) = state
        .db(move |conn| {
            let total = groups::count_matching(conn, &looked_for)?;
            let rows = groups::summaries(conn, now, &looked_for, PER_PAGE, offset(page))?;
            Ok((total, rows))
        })
        .await?;
    Ok(ListPage {
        page: admin_page(&state, &admin, &csrf).showing(flash),
        paged: Paging::new(page, total, searched(PATH, &words)),
        words,
        groups,
    })
}
