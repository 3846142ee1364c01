//! `/admin/committees`: every external committee and what it owns.

use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;

use crate::error::AppError;
use crate::models::committees::{self, WithDesignations};
use crate::routes::admin::{Done, admin_page};
use crate::web::{AppState, Page};
use crate::workflow::registry::Secretariat;

#[derive(Template, WebTemplate)]
#[template(path = "admin/committees/list.html")]
pub struct ListPage {
    page: Page,
    notice: Option<String>,
    committees: Vec<WithDesignations>,
}

pub async fn show(
    state: web::Data<AppState>,
    admin: Secretariat,
    query: web::Query<Done>,
) -> Result<ListPage, AppError> {
    let committees = state
        .db(|conn| Ok(committees::all_with_designations(conn)?))
        .await?;
    let done = match query.done.as_str() {
        "added" => Some("The committee was added."),
        "saved" => Some("The committee was saved."),
        _ => None,
    };
    let notice = done.map(|done| match query.moved {
        0 => done.to_owned(),
        1 => format!("{done} One designation moved to it from another committee."),
        n => format!("{done} {n} designations moved to it from other committees."),
    });
    Ok(ListPage {
        page: admin_page(&state, &admin),
        notice,
        committees,
    })
}
