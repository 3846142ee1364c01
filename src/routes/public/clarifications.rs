//! `/clarifications`: the published answers, searched and filtered, and
//! one clarification on its own page, with its versions.

use crate::i18n::Msg;
use crate::models::translations::Translated;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;

use crate::config::Settings;
use crate::db::DbConn;
use crate::domain::fields::FieldErrors;
use crate::domain::search::{Filters, RawFilters, Status};
use crate::error::AppError;
use crate::models::links::{self, Links};
use crate::models::register::{self, Clarification};
use crate::models::versions::Named;
use crate::search::{self, Results, SearchIndex, Searched};
use crate::web::page_cache::RegisterVersion;
use crate::web::{AppState, Page};
use crate::workflow::corrections;

#[derive(Template, WebTemplate)]
#[template(path = "clarifications/index.html")]
pub struct IndexPage {
    page: Page,
    /// What was typed, shown again as it was.
    input: RawFilters,
    errors: FieldErrors,
    /// The checked search, when it could be run.
    filters: Filters,
    results: Option<Results>,
    standards: Vec<(String, String)>,
    years: Vec<(String, String)>,
    statuses: Vec<(String, String)>,
}

impl IndexPage {
    fn value<'a>(&self, field: &'a Option<String>) -> &'a str {
        field.as_deref().unwrap_or_default()
    }

    /// Where the results this page shows start and end: 21 and 40.
    fn shown(&self, results: &Results) -> (i64, i64) {
        let offset = self.filters.offset();
        (offset + 1, offset + results.items.len() as i64)
    }

    fn page_address(&self, page: i64) -> String {
        self.filters.address("/clarifications", page)
    }

    /// The page numbers to offer: the first, the last and those around the
    /// current one; 0 stands for a gap.
    fn page_numbers(&self, results: &Results) -> Vec<i64> {
        let last = results.pages();
        let current = self.filters.page;
        let mut numbers = Vec::new();
        for n in 1..=last {
            if n == 1 || n == last || (n - current).abs() <= 2 {
                numbers.push(n);
            } else if numbers.last() != Some(&0) {
                numbers.push(0);
            }
        }
        numbers
    }

    /// The same search as a feed, CSV or API answer.
    fn data_address(&self, path: &str) -> String {
        self.filters.address(path, 1)
    }
}

impl IndexPage {
    /// The list page of `filters`, as `input` asked for it, with what was
    /// wrong with it (`errors`) and what the search found.
    pub fn new(
        page: Page,
        input: RawFilters,
        mut errors: FieldErrors,
        filters: Filters,
        searched: Searched,
    ) -> IndexPage {
        if errors.is_empty() && searched.results.is_none() {
            errors.add("standard", Msg::new("form-no-such-standard"));
        }
        let (choices, results) = (searched.choices, searched.results);
        // The select macro shows its options as given: they are put in the
        // page's language here.
        let standards = choices
            .standards
            .iter()
            .map(|(s, _)| {
                let label = if s.is_current() {
                    s.label()
                } else {
                    page.t_with(
                        "register-superseded-option",
                        &[("standard", s.label().into())],
                    )
                };
                (s.slug.clone(), label)
            })
            .collect();
        let statuses = Status::ALL
            .into_iter()
            .map(|s| (s.as_str().to_owned(), page.t(s.key())))
            .collect();
        IndexPage {
            page,
            input,
            errors,
            filters,
            results,
            standards,
            years: choices
                .years
                .iter()
                .map(|y| (y.to_string(), y.to_string()))
                .collect(),
            statuses,
        }
    }
}

pub async fn index(
    state: web::Data<AppState>,
    query: web::Query<RawFilters>,
    version: Option<web::ReqData<RegisterVersion>>,
) -> Result<HttpResponse, AppError> {
    let input = query.into_inner();
    let (filters, errors) = match Filters::parse(&input) {
        Ok(filters) => (filters, FieldErrors::default()),
        Err(errors) => (Filters::default(), errors),
    };
    if let Some(reference) = errors.is_empty().then(|| asked_for(&filters)).flatten() {
        let wanted = reference.clone();
        if state
            .read(move |conn| Ok(register::find(conn, &wanted)?.is_some()))
            .await?
        {
            return Ok(HttpResponse::SeeOther()
                .insert_header(("location", format!("/clarifications/{reference}")))
                .finish());
        }
    }
    let checked = errors.is_empty().then(|| filters.clone());
    let mut searched = state
        .search(version.map(|version| version.0), checked)
        .await?;
    let page = state.page("clarifications");
    // A French list shows the French versions: read for its page of
    // results only, and only for French readers.
    if let Some(results) = searched
        .results
        .as_mut()
        .filter(|_| !page.lang.is_english())
    {
        let mut items = std::mem::take(&mut results.items);
        results.items = state
            .read(move |conn| {
                Clarification::with_french(conn, &mut items)?;
                Ok(items)
            })
            .await?;
    }
    let page = IndexPage::new(page, input, errors, filters, searched);
    let status = if page.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(page.render()?))
}

/// The clarification a search asks for by its reference alone: a person
/// who has one, from a citation or a mail, types it into the search box
/// to open it, and no clarification's text holds it.
fn asked_for(filters: &Filters) -> Option<String> {
    let typed = filters.q.trim().to_uppercase();
    let alone = filters.standard.is_none()
        && filters.clause.is_none()
        && filters.year.is_none()
        && filters.status.is_none()
        && filters.page == 1;
    (alone && crate::models::references::parse(&typed).is_some()).then_some(typed)
}

#[derive(Template, WebTemplate)]
#[template(path = "clarifications/show.html")]
pub struct ShowPage {
    page: Page,
    item: Clarification,
    answer_html: String,
    related: search::Related,
    links: Links,
    permalink: String,
    /// Who publishes it (`CLARION_PUBLISHER`), for the citation.
    publisher: String,
    /// The appeal the secretariat says publicly it is under, or decided.
    appeal_notice: Option<crate::models::appeals::Appeal>,
}

impl ShowPage {
    /// The page of the published clarification `reference`, as of the
    /// register's `version` if the caller has just read it.
    pub fn load(
        conn: &mut DbConn,
        index: &SearchIndex,
        version: Option<i64>,
        settings: &Settings,
        page: Page,
        reference: &str,
    ) -> Result<ShowPage, AppError> {
        let (mut item, beside) =
            register::find_with_beside(conn, reference)?.ok_or(AppError::NotFound)?;
        if beside.french {
            Clarification::with_french(conn, std::slice::from_mut(&mut item))?;
        }
        let related = search::related(conn, index, version, &item)?;
        let links = if beside.links {
            links::of(conn, &[reference])?
                .remove(reference)
                .unwrap_or_default()
        } else {
            Links::default()
        };
        let appeal_notice = if beside.appeal_notice {
            crate::workflow::appeals::public_notice(conn, reference)?
        } else {
            None
        };
        Ok(ShowPage {
            page,
            answer_html: item.rendered_answer(),
            permalink: settings.url(&item.path()),
            publisher: settings.publisher.clone(),
            item,
            related,
            links,
            appeal_notice,
        })
    }
}

pub async fn show(
    state: web::Data<AppState>,
    reference: web::Path<String>,
    version: Option<web::ReqData<RegisterVersion>>,
) -> Result<HttpResponse, AppError> {
    let reference = reference.into_inner();
    if let Some(moved) = canonical(&reference, "")? {
        return Ok(moved);
    }
    let page = state.page("clarifications");
    let shared = state.clone();
    let version = version.map(|version| version.0);
    let page = state
        .read_at(version, move |conn| {
            ShowPage::load(
                conn,
                &shared.search_index,
                version,
                &shared.settings,
                page,
                &reference,
            )
        })
        .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(page.render()?))
}

/// The reference as typed, when it is one in its canonical form; else
/// where the canonical address is, or not found.
pub(super) fn canonical(reference: &str, rest: &str) -> Result<Option<HttpResponse>, AppError> {
    let canonical = reference.trim().to_uppercase();
    if crate::models::references::parse(&canonical).is_none() {
        return Err(AppError::NotFound);
    }
    if canonical != reference {
        return Ok(Some(
            HttpResponse::MovedPermanently()
                .insert_header(("location", format!("/clarifications/{canonical}{rest}")))
                .finish(),
        ));
    }
    Ok(None)
}

#[derive(Template, WebTemplate)]
#[template(path = "clarifications/version.html")]
pub struct VersionPage {
    page: Page,
    item: Clarification,
    answer_html: String,
    related: search::Related,
    links: Links,
    permalink: String,
    publisher: String,
    /// The number of the version in force, when it is a later one.
    newer: Option<i32>,
}

impl VersionPage {
    /// Version `number` of the published clarification `reference`.
    pub fn load(
        conn: &mut DbConn,
        index: &SearchIndex,
        settings: &Settings,
        page: Page,
        reference: &str,
        number: i32,
    ) -> Result<VersionPage, AppError> {
        let (mut item, history) =
            corrections::version_page(conn, reference, number)?.ok_or(AppError::NotFound)?;
        Clarification::with_french(conn, std::slice::from_mut(&mut item))?;
        let in_force = history.last().map_or(1, |v| v.version.number);
        let related = search::related(conn, index, None, &item)?;
        let links = links::of(conn, &[reference])?
            .remove(reference)
            .unwrap_or_default();
        Ok(VersionPage {
            page,
            answer_html: item.rendered_answer(),
            permalink: settings.url(&item.version_path()),
            publisher: settings.publisher.clone(),
            newer: (in_force != item.version).then_some(in_force),
            item,
            related,
            links,
        })
    }
}

/// `/clarifications/{reference}/v{number}`: one version at its permanent
/// address, saying so when a newer one is in force.
pub async fn version(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (reference, number) = path.into_inner();
    if let Some(moved) = canonical(&reference, &format!("/v{number}"))? {
        return Ok(moved);
    }
    let number: i32 = number.parse().map_err(|_| AppError::NotFound)?;
    let page = state.page("clarifications");
    let shared = state.clone();
    let page = state
        .db(move |conn| {
            VersionPage::load(
                conn,
                &shared.search_index,
                &shared.settings,
                page,
                &reference,
                number,
            )
        })
        .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(page.render()?))
}

#[derive(Template, WebTemplate)]
#[template(path = "clarifications/versions.html")]
pub struct VersionsPage {
    page: Page,
    item: Clarification,
    /// Newest first.
    versions: Vec<Named>,
}

impl VersionsPage {
    /// Every version of the published clarification `reference`.
    pub fn load(conn: &mut DbConn, page: Page, reference: &str) -> Result<VersionsPage, AppError> {
        let item = register::find(conn, reference)?.ok_or(AppError::NotFound)?;
        let mut versions = corrections::history(conn, &item)?;
        versions.reverse();
        Ok(VersionsPage {
            page,
            item,
            versions,
        })
    }

    /// The numbers of its versions, oldest first.
    pub fn numbers(&self) -> impl Iterator<Item = i32> + '_ {
        self.versions.iter().rev().map(|v| v.version.number)
    }
}

/// `/clarifications/{reference}/versions`: every version, newest first.
pub async fn versions(
    state: web::Data<AppState>,
    reference: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let reference = reference.into_inner();
    if let Some(moved) = canonical(&reference, "/versions")? {
        return Ok(moved);
    }
    let page = state.page("clarifications");
    let page = state
        .db(move |conn| VersionsPage::load(conn, page, &reference))
        .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(page.render()?))
}
