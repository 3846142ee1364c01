//! `/refer`: which committee owns a standard that is not ours.

use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use crate::error::AppError;
use crate::models::committees::{self, Committee, normalise_designation};
use crate::models::standards::{self, Standard};
use crate::web::{AppState, Page};

pub enum Answer {
    /// Nothing asked yet.
    None,
    /// One of the standards handled here.
    Ours(Standard),
    Theirs(Committee),
    Unknown,
}

#[derive(Template, WebTemplate)]
#[template(path = "refer/show.html")]
pub struct ReferPage {
    page: Page,
    designation: String,
    answer: Answer,
}

#[derive(Deserialize)]
pub struct Query {
    #[serde(default)]
    designation: String,
}

pub async fn show(
    state: web::Data<AppState>,
    query: web::Query<Query>,
) -> Result<ReferPage, AppError> {
    let designation = query
        .into_inner()
        .designation
        .trim()
        .chars()
        .take(100)
        .collect::<String>();
    let wanted = normalise_designation(&designation);
    let answer = if wanted.is_empty() {
        Answer::None
    } else {
        state
            .db(move |conn| {
                let ours = standards::all_with_groups(conn)?
                    .into_iter()
                    .map(|(s, _)| s)
                    .filter(|s| s.is_current())
                    .find(|s| normalise_designation(&s.designation) == wanted);
                Ok(match ours {
                    Some(standard) => Answer::Ours(standard),
                    None => match committees::owner_of(conn, &wanted)? {
                        Some(committee) => Answer::Theirs(committee),
                        None => Answer::Unknown,
                    },
                })
            })
            .await?
    };
    Ok(ReferPage {
        page: state.page("submit"),
        designation,
        answer,
    })
}
