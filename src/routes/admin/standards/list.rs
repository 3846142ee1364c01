//! `/admin/standards`: the standards, 50 a page, found by designation or
//! title, with their groups and status.

use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;

use crate::domain::paging::{PER_PAGE, Paging, offset, searched};
use crate::error::AppError;
use crate::models::standards::{self, Standard};
use crate::routes::admin::admin_page;
use crate::web::flash::Flash;
use crate::web::input::ListQuery;
use crate::web::{AppState, Csrf, Page};
use crate::workflow::registry::Secretariat;

const PATH: &str = "/admin/standards";

pub struct Row {
    pub standard: Standard,
    pub group_code: Option<String>,
    /// "ISO/IEC 17025:2017" of the edition that replaced this one.
    pub superseded_by: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/standards/list.html")]
pub struct ListPage {
    page: Page,
    /// The words looked for, empty for every standard.
    words: String,
    paged: Paging,
    rows: Vec<Row>,
}

pub async fn show(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    query: web::Query<ListQuery>,
    flash: Flash,
) -> Result<ListPage, AppError> {
    let (words, page) = (query.words(), query.page()?);
    let looked_for = words.clone();
    let (total, shown, labels) = state
        .db(move |conn| {
            let total = standards::count_matching(conn, &looked_for)?;
            let shown = standards::page_with_groups(conn, &looked_for, PER_PAGE, offset(page))?;
            let newer: Vec<String> = shown
                .iter()
                .filter_map(|(s, _)| s.superseded_by_id.clone())
                .collect();
            let labels = standards::labels(conn, &newer)?;
            Ok((total, shown, labels))
        })
        .await?;
    let rows = shown
        .into_iter()
        .map(|(standard, group_code)| Row {
            superseded_by: labels
                .iter()
                .find(|(id, _)| Some(id) == standard.superseded_by_id.as_ref())
                .map(|(_, label)| label.clone()),
            standard,
            group_code,
        })
        .collect();
    Ok(ListPage {
        page: admin_page(&state, &admin, &csrf).showing(flash),
        paged: Paging::new(page, total, searched(PATH, &words)),
        words,
        rows,
    })
}
