//! `/admin/standards`: every standard with its group and status.

use std::collections::HashMap;

use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;

use crate::error::AppError;
use crate::models::standards::{self, Standard};
use crate::routes::admin::admin_page;
use crate::web::flash::Flash;
use crate::web::{AppState, Csrf, Page};
use crate::workflow::registry::Secretariat;

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
    rows: Vec<Row>,
}

pub async fn show(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    flash: Flash,
) -> Result<ListPage, AppError> {
    let all = state
        .db(|conn| Ok(standards::all_with_groups(conn)?))
        .await?;
    let labels: HashMap<String, String> =
        all.iter().map(|(s, _)| (s.id.clone(), s.label())).collect();
    let rows = all
        .into_iter()
        .map(|(standard, group_code)| Row {
            superseded_by: standard
                .superseded_by_id
                .as_ref()
                .and_then(|id| labels.get(id).cloned()),
            standard,
            group_code,
        })
        .collect();
    Ok(ListPage {
        page: admin_page(&state, &admin, &csrf).showing(flash),
        rows,
    })
}
