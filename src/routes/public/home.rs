use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;

use crate::error::AppError;
use crate::models::requests::PublishedSummary;
use crate::models::{requests, standards};
use crate::web::{AppState, Page};

#[derive(Template, WebTemplate)]
#[template(path = "public/home.html")]
pub struct HomePage {
    page: Page,
    standards_count: i64,
    latest: Vec<PublishedSummary>,
}

pub async fn show(state: web::Data<AppState>) -> Result<HomePage, AppError> {
    let (standards_count, latest) = state
        .db(|conn| {
            Ok((
                standards::count_current(conn)?,
                requests::latest_published(conn, 5)?,
            ))
        })
        .await?;
    Ok(HomePage {
        page: state.page("home"),
        standards_count,
        latest,
    })
}
