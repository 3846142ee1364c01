//! `/admin/users`: the accounts, 50 a page, found by name or e-mail
//! address, with their groups and whether they are active.

use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;

use crate::domain::paging::{PER_PAGE, Paging, offset, searched};
use crate::error::AppError;
use crate::models::users::{self, UserSummary};
use crate::routes::admin::admin_page;
use crate::web::flash::Flash;
use crate::web::input::ListQuery;
use crate::web::{AppState, Csrf, Page};
use crate::workflow::registry::Secretariat;

const PATH: &str = "/admin/users";

#[derive(Template, WebTemplate)]
#[template(path = "admin/users/list.html")]
pub struct ListPage {
    page: Page,
    csrf: Csrf,
    /// The person looking, who cannot deactivate themselves.
    me: String,
    /// The words looked for, empty for every account.
    words: String,
    paged: Paging,
    users: Vec<UserSummary>,
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
    let shown = admin_page(&state, &admin, &csrf).showing(flash);
    let lang = shown.lang.clone();
    let (total, users) = state
        .db(move |conn| {
            let total = users::count_matching(conn, &looked_for)?;
            let rows = users::summaries(conn, &looked_for, &lang, PER_PAGE, offset(page))?;
            Ok((total, rows))
        })
        .await?;
    Ok(ListPage {
        page: shown,
        csrf,
        me: admin.user().id.clone(),
        paged: Paging::new(page, total, searched(PATH, &words)),
        words,
        users,
    })
}
