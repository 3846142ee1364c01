//! `/admin/organisations`: member bodies by country, then liaison
//! organisations, 50 a page; `?q=` narrows both to what matches.
//!
//! The registry holds at most a few hundred organisations, one per country
//! and liaison, and their order depends on country names the database does
//! not store, so the page is cut from the whole list in memory.

use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;

use crate::domain::paging::{PER_PAGE, Paging, searched};
use crate::error::AppError;
use crate::models::organisations::{self, Organisation};
use crate::routes::admin::admin_page;
use crate::web::flash::Flash;
use crate::web::input::ListQuery;
use crate::web::{AppState, Csrf, Page};
use crate::workflow::registry::Secretariat;

const PATH: &str = "/admin/organisations";

/// One kind of organisation on the page shown.
pub struct Section {
    /// How many of this kind match, on every page.
    pub matching: usize,
    pub shown: Vec<Organisation>,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/organisations/list.html")]
pub struct ListPage {
    page: Page,
    /// The words looked for, empty for every organisation.
    words: String,
    paged: Paging,
    /// How many the registry holds, whatever the search.
    total: usize,
    member_bodies: Section,
    liaisons: Section,
}

pub async fn show(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    query: web::Query<ListQuery>,
    flash: Flash,
) -> Result<ListPage, AppError> {
    let (words, page) = (query.words(), query.page()?);
    let page_shell = admin_page(&state, &admin, &csrf).showing(flash);
    let mut all = state.db(|conn| Ok(organisations::all(conn)?)).await?;
    organisations::sort_for(&mut all, &page_shell.lang);
    let total = all.len();
    let matching: Vec<Organisation> = all
        .into_iter()
        .filter(|o| o.matches(&words, &page_shell.lang))
        .collect();
    let paged = Paging::new(page, matching.len() as i64, searched(PATH, &words));
    let bodies = matching.iter().filter(|o| o.is_member_body()).count();
    let liaisons = matching.len() - bodies;
    let (shown_bodies, shown_liaisons) = matching
        .into_iter()
        .skip(paged.offset() as usize)
        .take(PER_PAGE as usize)
        .partition(Organisation::is_member_body);
    Ok(ListPage {
        page: page_shell,
        words,
        paged,
        total,
        member_bodies: Section {
            matching: bodies,
            shown: shown_bodies,
        },
        liaisons: Section {
            matching: liaisons,
            shown: shown_liaisons,
        },
    })
}
