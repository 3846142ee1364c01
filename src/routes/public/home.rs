use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;

use crate::db::DbConn;
use crate::error::AppError;
use crate::models::requests::PublishedSummary;
use crate::models::translations::Translated;
use crate::models::{requests, standards};
use crate::web::{AppState, Page};

#[derive(Template, WebTemplate)]
#[template(path = "public/home.html")]
pub struct HomePage {
    page: Page,
    standards_count: i64,
    latest: Vec<PublishedSummary>,
}

impl HomePage {
    /// The home page as it stands now; the static copy renders it too.
    pub fn load(conn: &mut DbConn, page: Page) -> Result<HomePage, AppError> {
        Ok(HomePage {
            page,
            standards_count: standards::count_current(conn)?,
            latest: requests::latest_published(conn, 5)?,
        })
    }
}

pub async fn show(state: web::Data<AppState>) -> Result<HomePage, AppError> {
    let page = state.page("home");
    state.db(move |conn| HomePage::load(conn, page)).await
}
