use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;

use serde::Deserialize;

use crate::error::AppError;
use crate::models::register::{self, Clarification};
use crate::models::standards::{self, Standard};
use crate::web::{AppState, Page};

/// A standard as lists show it.
pub struct StandardRow {
    pub standard: Standard,
    pub group_code: Option<String>,
    pub published: i64,
    pub backlog: i64,
}

#[derive(Template, WebTemplate)]
#[template(path = "standards/index.html")]
pub struct IndexPage {
    page: Page,
    current: Vec<StandardRow>,
    superseded: Vec<StandardRow>,
}

pub async fn index(state: web::Data<AppState>) -> Result<IndexPage, AppError> {
    let (rows, mut counts) = state
        .db(|conn| {
            Ok((
                standards::all_with_groups(conn)?,
                register::counts_by_standard(conn)?,
            ))
        })
        .await?;
    let (current, superseded) = rows
        .into_iter()
        .map(|(standard, group_code)| {
            let (published, backlog) = counts.remove(&standard.id).unwrap_or_default();
            StandardRow {
                standard,
                group_code,
                published,
                backlog,
            }
        })
        .partition(|row| row.standard.is_current());
    Ok(IndexPage {
        page: state.page("standards"),
        current,
        superseded,
    })
}

/// Clarifications per page of a standard: its page stays quick to read and
/// to serve even for a standard with thousands.
const PER_PAGE: usize = 100;

#[derive(Template, WebTemplate)]
#[template(path = "standards/show.html")]
pub struct ShowPage {
    page: Page,
    standard: Standard,
    group_code: Option<String>,
    superseded_by: Option<Standard>,
    other_editions: Vec<Standard>,
    total: usize,
    /// This page of the clarifications, in natural clause order.
    clarifications: Vec<Clarification>,
    page_number: usize,
    pages: usize,
    /// Flagged for the next revision and not yet incorporated.
    backlog: Vec<Clarification>,
}

#[derive(Deserialize)]
pub struct PageQuery {
    page: Option<String>,
}

pub async fn show(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<PageQuery>,
) -> Result<ShowPage, AppError> {
    let slug = slug.into_inner();
    // A page that does not exist is an address that does not exist.
    let page_number = match query.page.as_deref() {
        None => 1,
        Some(text) => text
            .parse::<usize>()
            .ok()
            .filter(|n| *n >= 1)
            .ok_or(AppError::NotFound)?,
    };
    let (standard, group_code, superseded_by, other_editions, all) = state
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
            let all = register::of_standard(conn, &standard.slug)?;
            Ok((standard, group_code, superseded_by, other_editions, all))
        })
        .await?;
    let pages = all.len().div_ceil(PER_PAGE).max(1);
    if page_number > pages {
        return Err(AppError::NotFound);
    }
    let backlog = all
        .iter()
        .filter(|c| c.in_revision_backlog())
        .cloned()
        .collect();
    let total = all.len();
    let clarifications = all
        .into_iter()
        .skip((page_number - 1) * PER_PAGE)
        .take(PER_PAGE)
        .collect();
    Ok(ShowPage {
        page: state.page("standards"),
        standard,
        group_code,
        superseded_by,
        other_editions,
        total,
        clarifications,
        page_number,
        pages,
        backlog,
    })
}
