//! `/admin/users`: every account, its groups and whether it is active.

use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;

use crate::error::AppError;
use crate::models::users::{self, UserSummary};
use crate::routes::admin::{Done, admin_page};
use crate::web::{AppState, Csrf, Page};
use crate::workflow::registry::Secretariat;

#[derive(Template, WebTemplate)]
#[template(path = "admin/users/list.html")]
pub struct ListPage {
    page: Page,
    csrf: Csrf,
    notice: Option<&'static str>,
    /// The person looking, who cannot deactivate themselves.
    me: String,
    users: Vec<UserSummary>,
}

pub async fn show(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    query: web::Query<Done>,
) -> Result<ListPage, AppError> {
    let users = state.db(|conn| Ok(users::summaries(conn)?)).await?;
    let notice = match query.done.as_str() {
        "invited" => Some(
            "The invitation was sent. The account becomes usable once its owner chooses a password.",
        ),
        "deactivated" => Some(
            "The account was deactivated and its sessions ended. Its name stays on everything it did.",
        ),
        "reactivated" => Some("The account was reactivated. Its owner can sign in again."),
        _ => None,
    };
    Ok(ListPage {
        page: admin_page(&state, &admin),
        csrf,
        notice,
        me: admin.user().id.clone(),
        users,
    })
}
