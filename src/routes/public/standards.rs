use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;

use crate::error::AppError;
use crate::models::register::Listed;
use crate::models::standards::{self, Standard};
use crate::search;
use crate::web::input::PageQuery;
use crate::web::page_cache::RegisterVersion;
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

pub async fn index(
    state: web::Data<AppState>,
    version: Option<web::ReqData<RegisterVersion>>,
) -> Result<IndexPage, AppError> {
    let index = state.search_index.clone();
    let version = version.map(|version| version.0);
    let (rows, words) = state
        .db(move |conn| {
            Ok((
                standards::all_with_groups(conn)?,
                index.current(conn, version)?,
            ))
        })
        .await?;
    let (current, superseded) = rows
        .into_iter()
        .map(|(standard, group_code)| {
            let (published, backlog) = words.counts_of(&standard.slug);
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
    list: ClauseList,
    /// The first of those flagged for the next revision and not yet
    /// incorporated, of `backlog_total`.
    backlog: Vec<Listed>,
    backlog_total: usize,
}

/// A page of clarifications in clause order, as
/// `standards/_clarifications.html` shows it.
pub struct ClauseList {
    /// How many the whole list has.
    total: usize,
    items: Vec<Listed>,
    number: usize,
    pages: usize,
    /// The address of the list's first page.
    path: String,
    label: &'static str,
}

impl ClauseList {
    /// Which rows page `number` of a list shows.
    fn window(number: usize) -> (usize, usize) {
        ((number - 1).saturating_mul(PER_PAGE), PER_PAGE)
    }

    /// Page `number` of a list of `total`, showing `items`; the page must
    /// exist.
    fn page(
        (total, items): (usize, Vec<Listed>),
        number: usize,
        path: String,
        label: &'static str,
    ) -> Result<ClauseList, AppError> {
        let pages = total.div_ceil(PER_PAGE).max(1);
        if number > pages {
            return Err(AppError::NotFound);
        }
        Ok(ClauseList {
            total,
            items,
            number,
            pages,
            path,
            label,
        })
    }
}

/// How many of the next revision's list a standard's page shows; the rest
/// are on the list's own page.
const BACKLOG_SHOWN: usize = 10;

pub async fn show(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<PageQuery>,
    version: Option<web::ReqData<RegisterVersion>>,
) -> Result<ShowPage, AppError> {
    let slug = slug.into_inner();
    let page_number = query.number()?;
    let index = state.search_index.clone();
    let version = version.map(|version| version.0);
    let (standard, group_code, superseded_by, other_editions, page, backlog) = state
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
            let words = index.current(conn, version)?;
            let (offset, limit) = ClauseList::window(page_number);
            let page = search::in_clause_order(
                conn,
                &words,
                &standard.slug,
                search::StandardList::Every,
                offset,
                limit,
            )?;
            let backlog = search::in_clause_order(
                conn,
                &words,
                &standard.slug,
                search::StandardList::Backlog,
                0,
                BACKLOG_SHOWN,
            )?;
            Ok((
                standard,
                group_code,
                superseded_by,
                other_editions,
                page,
                backlog,
            ))
        })
        .await?;
    let (backlog_total, backlog) = backlog;
    let list = ClauseList::page(
        page,
        page_number,
        format!("/standards/{}", standard.slug),
        "Clarifications by clause",
    )?;
    Ok(ShowPage {
        page: state.page("standards"),
        standard,
        group_code,
        superseded_by,
        other_editions,
        list,
        backlog,
        backlog_total,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "standards/revision.html")]
pub struct RevisionPage {
    page: Page,
    standard: Standard,
    list: ClauseList,
}

/// The next revision's list of a standard: its published clarifications
/// flagged for the revision and not yet incorporated, in clause order.
pub async fn revision(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<PageQuery>,
    version: Option<web::ReqData<RegisterVersion>>,
) -> Result<RevisionPage, AppError> {
    let slug = slug.into_inner();
    let page_number = query.number()?;
    let index = state.search_index.clone();
    let version = version.map(|version| version.0);
    let (standard, page) = state
        .db(move |conn| {
            let (standard, _) = standards::find_by_slug(conn, &slug)?.ok_or(AppError::NotFound)?;
            let words = index.current(conn, version)?;
            let (offset, limit) = ClauseList::window(page_number);
            let page = search::in_clause_order(
                conn,
                &words,
                &standard.slug,
                search::StandardList::Backlog,
                offset,
                limit,
            )?;
            Ok((standard, page))
        })
        .await?;
    let list = ClauseList::page(
        page,
        page_number,
        format!("/standards/{}/revision", standard.slug),
        "For the next revision, by clause",
    )?;
    Ok(RevisionPage {
        page: state.page("standards"),
        standard,
        list,
    })
}
