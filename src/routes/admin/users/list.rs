//! `/admin/users`: every account, its groups and whether it is active.

use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;

use crate::error::AppError;
use crate::models::users::{self, UserSummary};
use crate::routes::admin::admin_page;
use crate::web::flash::Flash;
use crate::web::{AppState, Csrf, Page};
use crate::workflow::registry::Secretariat;

#[derive(Template, WebTemplate)]
#[template(path = "admin/users/list.html")]
pub struct ListPage {
    page: Page,
    csrf: Csrf,
    /// The person looking, who cannot deactivate themselves.
    me: String,
    users: Vec<UserSummary>,
}

pub async fn show(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    flash: Flash,
) -> Result<ListPage, AppError> {
    let users = state.db(|conn| Ok(users::summaries(conn)?)).await?;
    Ok(ListPage {
        page: admin_page(&state, &admin, &csrf).showing(flash),
        csrf,
        me: admin.user().id.clone(),
        users,
    })
}
