//! `/admin/organisations`: member bodies by country, then liaison
//! organisations; `?q=` narrows both to what matches.

use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use crate::error::AppError;
use crate::models::organisations::{self, Organisation};
use crate::routes::admin::admin_page;
use crate::web::flash::Flash;
use crate::web::{AppState, Csrf, Page};
use crate::workflow::registry::Secretariat;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    q: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/organisations/list.html")]
pub struct ListPage {
    page: Page,
    query: String,
    /// How many the registry holds, whatever the search.
    total: usize,
    member_bodies: Vec<Organisation>,
    liaisons: Vec<Organisation>,
}

pub async fn show(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    query: web::Query<ListQuery>,
    flash: Flash,
) -> Result<ListPage, AppError> {
    let ListQuery { q } = query.into_inner();
    let all = state.db(|conn| Ok(organisations::all(conn)?)).await?;
    let total = all.len();
    let (member_bodies, liaisons) = all
        .into_iter()
        .filter(|o| o.matches(&q))
        .partition(Organisation::is_member_body);
    Ok(ListPage {
        page: admin_page(&state, &admin, &csrf).showing(flash),
        query: q.trim().to_owned(),
        total,
        member_bodies,
        liaisons,
    })
}
