use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;

use crate::db::DbConn;
use crate::error::AppError;
use crate::models::register::Listed;
use crate::models::standards::{self, Standard};
use crate::models::translations::Translated;
use crate::search::{self, SearchIndex};
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

impl IndexPage {
    /// Every standard of the register as of `version` (now, if none).
    pub fn load(
        conn: &mut DbConn,
        index: &SearchIndex,
        version: Option<i64>,
        page: Page,
    ) -> Result<IndexPage, AppError> {
        let rows = standards::all_with_groups(conn)?;
        let words = index.current(conn, version)?;
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
            page,
            current,
            superseded,
        })
    }

    /// Every standard, current then superseded.
    pub fn standards(&self) -> impl Iterator<Item = &Standard> {
        self.current
            .iter()
            .chain(&self.superseded)
            .map(|row| &row.standard)
    }
}

pub async fn index(
    state: web::Data<AppState>,
    version: Option<web::ReqData<RegisterVersion>>,
) -> Result<IndexPage, AppError> {
    let index = state.search_index.clone();
    let version = version.map(|version| version.0);
    let page = state.page("standards");
    state
        .read_at(version, move |conn| {
            IndexPage::load(conn, &index, version, page)
        })
        .await
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
    /// The message id of the list's name.
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

impl ShowPage {
    /// Page `number` of the standard `slug`, as of `version` (now, if none).
    pub fn load(
        conn: &mut DbConn,
        index: &SearchIndex,
        version: Option<i64>,
        page: Page,
        slug: &str,
        number: usize,
    ) -> Result<ShowPage, AppError> {
        let (standard, group_code) =
            standards::find_by_slug(conn, slug)?.ok_or(AppError::NotFound)?;
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
        let (offset, limit) = ClauseList::window(number);
        let list = search::in_clause_order(
            conn,
            &words,
            &standard.slug,
            search::StandardList::Every,
            offset,
            limit,
        )?;
        let (backlog_total, backlog) = search::in_clause_order(
            conn,
            &words,
            &standard.slug,
            search::StandardList::Backlog,
            0,
            BACKLOG_SHOWN,
        )?;
        let list = ClauseList::page(
            list,
            number,
            format!("/standards/{}", standard.slug),
            "register-by-clause-label",
        )?;
        Ok(ShowPage {
            page,
            standard,
            group_code,
            superseded_by,
            other_editions,
            list,
            backlog,
            backlog_total,
        })
    }

    /// How many pages its list of clarifications has.
    pub fn pages(&self) -> usize {
        self.list.pages
    }
}

pub async fn show(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<PageQuery>,
    version: Option<web::ReqData<RegisterVersion>>,
) -> Result<ShowPage, AppError> {
    let slug = slug.into_inner();
    let number = query.number()?;
    let index = state.search_index.clone();
    let version = version.map(|version| version.0);
    let page = state.page("standards");
    state
        .read_at(version, move |conn| {
            ShowPage::load(conn, &index, version, page, &slug, number)
        })
        .await
}

#[derive(Template, WebTemplate)]
#[template(path = "standards/revision.html")]
pub struct RevisionPage {
    page: Page,
    standard: Standard,
    list: ClauseList,
}

impl RevisionPage {
    /// Page `number` of the next revision's list of the standard `slug`.
    pub fn load(
        conn: &mut DbConn,
        index: &SearchIndex,
        version: Option<i64>,
        page: Page,
        slug: &str,
        number: usize,
    ) -> Result<RevisionPage, AppError> {
        let (standard, _) = standards::find_by_slug(conn, slug)?.ok_or(AppError::NotFound)?;
        let words = index.current(conn, version)?;
        let (offset, limit) = ClauseList::window(number);
        let list = search::in_clause_order(
            conn,
            &words,
            &standard.slug,
            search::StandardList::Backlog,
            offset,
            limit,
        )?;
        let list = ClauseList::page(
            list,
            number,
            format!("/standards/{}/revision", standard.slug),
            "register-revision-by-clause-label",
        )?;
        Ok(RevisionPage {
            page,
            standard,
            list,
        })
    }

    /// How many pages the list has.
    pub fn pages(&self) -> usize {
        self.list.pages
    }
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
    let number = query.number()?;
    let index = state.search_index.clone();
    let version = version.map(|version| version.0);
    let page = state.page("standards");
    state
        .read_at(version, move |conn| {
            RevisionPage::load(conn, &index, version, page, &slug, number)
        })
        .await
}
