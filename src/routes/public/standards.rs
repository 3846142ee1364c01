use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;

use crate::error::AppError;
use crate::models::requests::{self, PublishedSummary};
use crate::models::standards::{self, Standard};
use crate::web::{AppState, Page};

/// A standard as lists show it.
pub struct StandardRow {
    pub standard: Standard,
    pub group_code: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "standards/index.html")]
pub struct IndexPage {
    page: Page,
    current: Vec<StandardRow>,
    superseded: Vec<StandardRow>,
}

pub async fn index(state: web::Data<AppState>) -> Result<IndexPage, AppError> {
    let rows = state
        .db(|conn| Ok(standards::all_with_groups(conn)?))
        .await?;
    let (current, superseded) = rows
        .into_iter()
        .map(|(standard, group_code)| StandardRow {
            standard,
            group_code,
        })
        .partition(|row| row.standard.is_current());
    Ok(IndexPage {
        page: state.page("standards"),
        current,
        superseded,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "standards/show.html")]
pub struct ShowPage {
    page: Page,
    standard: Standard,
    group_code: Option<String>,
    superseded_by: Option<Standard>,
    other_editions: Vec<Standard>,
    clarifications: Vec<PublishedSummary>,
}

pub async fn show(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<ShowPage, AppError> {
    let slug = slug.into_inner();
    let (standard, group_code, superseded_by, other_editions, clarifications) = state
        .db(move |conn| {
            let (standard, group_code) =
                standards::find_by_slug(conn, &slug)?.ok_or(AppError::NotFound)?;
            let superseded_by = standard
                .superseded_by_id
                .as_deref()
                .map(|id| standards::find_by_id(conn, id))
                .transpose()?;
            let other_editions = standards::editions_of(conn, &standard.designation)?
                .into_iter()
                .filter(|s| s.id != standard.id)
                .collect();
            let clarifications = requests::published_for_standard(conn, &standard.id)?;
            Ok((
                standard,
                group_code,
                superseded_by,
                other_editions,
                clarifications,
            ))
        })
        .await?;
    Ok(ShowPage {
        page: state.page("standards"),
        standard,
        group_code,
        superseded_by,
        other_editions,
        clarifications,
    })
}
