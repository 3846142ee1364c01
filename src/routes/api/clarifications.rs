//! `/api/v1/clarifications`: the list with the filters of the list page,
//! paginated, one clarification by its reference, and each of its
//! versions.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use super::records::{ClarificationPage, ClarificationRecord, ErrorBody, PageLinks};
use super::{checked, json, no_such_standard};
use crate::domain::fields::FieldErrors;
use crate::domain::search::{RawFilters, Status};
use crate::error::AppError;
use crate::models::register::Clarification;
use crate::models::{links, references, register};
use crate::web::AppState;
use crate::web::page_cache::RegisterVersion;
use crate::workflow::corrections;

const PATH: &str = "/api/v1/clarifications";

/// Published clarifications, newest first, or by relevance when `q` has
/// words to look for.
#[utoipa::path(
    get,
    path = "/api/v1/clarifications",
    tag = "clarifications",
    operation_id = "listClarifications",
    // Addresses with control characters are refused before any handler
    // (`web::input`): the patterns of the texts say so.
    params(
        ("q" = Option<String>, Query, max_length = 200,
            pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$",
            description = "Words to look for in the clause, question, answer and standard."),
        ("standard" = Option<String>, Query,
            description = "The slug of a standard, as listed by /api/v1/standards."),
        ("clause" = Option<String>, Query, max_length = 50,
            pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$",
            description = "A clause; its subclauses are included (7.2 finds 7.2.1)."),
        ("year" = Option<i32>, Query, minimum = 1900, maximum = 9999,
            description = "The year of publication."),
        ("status" = inline(Option<Status>), Query,
            description = "Whether it still stands: current, superseded, incorporated or withdrawn."),
        ("page" = Option<i64>, Query, minimum = 1, maximum = 1000000000,
            description = "The page, from 1."),
        ("per_page" = Option<i64>, Query, minimum = 1, maximum = 100,
            description = "Clarifications a page, up to 100 [default: 20]."),
        ("If-None-Match" = Option<String>, Header,
            description = "The ETag of a copy already held."),
    ),
    responses(
        (status = 200, description = "A page of clarifications.", body = ClarificationPage,
            headers(
                ("ETag" = String, description = "Validator for If-None-Match."),
                ("Link" = String, description = "The first, prev, next and last pages (RFC 8288)."),
            )),
        (status = 304, description = "Not modified: the copy with this ETag is still current."),
        (status = 400, description = "The address cannot be read: a parameter given twice, \
            or control characters.", body = ErrorBody),
        (status = 422, description = "A parameter is not valid; `fields` says why, by name.",
            body = ErrorBody),
    )
)]
pub async fn index(
    state: web::Data<AppState>,
    query: web::Query<RawFilters>,
    version: Option<web::ReqData<RegisterVersion>>,
) -> Result<HttpResponse, AppError> {
    let invalid = |errors: FieldErrors| {
        json(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ErrorBody::invalid(&errors),
        )
    };
    let filters = match checked(&query) {
        Ok(filters) => filters,
        Err(errors) => return Ok(invalid(errors)),
    };
    let searched = state
        .search(version.map(|version| version.0), Some(filters.clone()))
        .await?;
    let Some(mut results) = searched.results else {
        return Ok(invalid(no_such_standard()));
    };
    let items = std::mem::take(&mut results.items);
    // Rows of the page by reference: a short read.
    let (items, linked) = state
        .read(move |conn| {
            let mut items = items;
            Clarification::with_french(conn, &mut items)?;
            let references: Vec<&str> = items.iter().map(|item| item.reference.as_str()).collect();
            let linked = links::of(conn, &references)?;
            Ok((items, linked))
        })
        .await?;
    results.items = items;
    let settings = &state.settings;
    let pages = results.pages();
    let at = |page: i64| settings.url(&filters.address(PATH, page));
    let links = PageLinks {
        this: at(filters.page),
        first: at(1),
        prev: (filters.page > 1).then(|| at(filters.page - 1)),
        next: (filters.page < pages).then(|| at(filters.page + 1)),
        last: at(pages.max(1)),
    };
    let link_header = [
        ("first", Some(&links.first)),
        ("prev", links.prev.as_ref()),
        ("next", links.next.as_ref()),
        ("last", Some(&links.last)),
    ]
    .into_iter()
    .filter_map(|(rel, url)| url.map(|url| format!("<{url}>; rel=\"{rel}\"")))
    .collect::<Vec<_>>()
    .join(", ");
    let body = ClarificationPage {
        total: results.total,
        page: filters.page,
        per_page: filters.per_page,
        pages,
        broadened: results.broadened,
        items: results
            .items
            .iter()
            .map(|item| ClarificationRecord::new(item, linked.get(&item.reference), settings))
            .collect(),
        links,
    };
    Ok(HttpResponse::Ok()
        .insert_header(("link", link_header))
        .json(body))
}

/// One published clarification.
#[utoipa::path(
    get,
    path = "/api/v1/clarifications/{reference}",
    tag = "clarifications",
    operation_id = "getClarification",
    params(
        ("reference" = String, Path, pattern = "^CR-[0-9]{4}-[0-9]{4,9}$",
            description = "Its reference, e.g. CR-2025-0042."),
        ("If-None-Match" = Option<String>, Header,
            description = "The ETag of a copy already held."),
    ),
    responses(
        (status = 200, description = "The clarification.", body = ClarificationRecord,
            headers(("ETag" = String, description = "Validator for If-None-Match."))),
        (status = 304, description = "Not modified: the copy with this ETag is still current."),
        (status = 400, description = "The address holds control characters.", body = ErrorBody),
        (status = 404, description = "No published clarification has this reference.",
            body = ErrorBody),
    )
)]
pub async fn show(
    state: web::Data<AppState>,
    reference: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let reference = reference.trim().to_uppercase();
    let not_found = || {
        json(
            StatusCode::NOT_FOUND,
            &ErrorBody::new("No published clarification has this reference."),
        )
    };
    // Only a well-formed reference reaches the database.
    if references::parse(&reference).is_none() {
        return Ok(not_found());
    }
    let found = state
        .db(move |conn| {
            let Some(mut item) = register::find(conn, &reference)? else {
                return Ok(None);
            };
            Clarification::with_french(conn, std::slice::from_mut(&mut item))?;
            let links = links::of(conn, &[&reference])?.remove(&reference);
            Ok(Some((item, links)))
        })
        .await?;
    Ok(match found {
        Some((item, links)) => HttpResponse::Ok().json(ClarificationRecord::new(
            &item,
            links.as_ref(),
            &state.settings,
        )),
        None => not_found(),
    })
}

/// One version of a published clarification, at its permanent address:
/// what it said then, whatever was corrected since.
#[utoipa::path(
    get,
    path = "/api/v1/clarifications/{reference}/versions/{number}",
    tag = "clarifications",
    operation_id = "getClarificationVersion",
    params(
        ("reference" = String, Path, pattern = "^CR-[0-9]{4}-[0-9]{4,9}$",
            description = "Its reference, e.g. CR-2025-0042."),
        ("number" = i32, Path, minimum = 1,
            description = "The version, from 1 (as first published)."),
        ("If-None-Match" = Option<String>, Header,
            description = "The ETag of a copy already held."),
    ),
    responses(
        (status = 200, description = "The clarification as this version stated it.",
            body = ClarificationRecord,
            headers(("ETag" = String, description = "Validator for If-None-Match."))),
        (status = 304, description = "Not modified: the copy with this ETag is still current."),
        (status = 400, description = "The address holds control characters.", body = ErrorBody),
        (status = 404, description = "No published clarification has this reference and version.",
            body = ErrorBody),
    )
)]
pub async fn version(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (reference, number) = path.into_inner();
    let reference = reference.trim().to_uppercase();
    let not_found = || {
        json(
            StatusCode::NOT_FOUND,
            &ErrorBody::new("No published clarification has this reference and version."),
        )
    };
    let (Some(_), Ok(number)) = (references::parse(&reference), number.parse::<i32>()) else {
        return Ok(not_found());
    };
    let found = state
        .db(move |conn| {
            let Some((mut item, _history)) = corrections::version_page(conn, &reference, number)?
            else {
                return Ok(None);
            };
            Clarification::with_french(conn, std::slice::from_mut(&mut item))?;
            let links = links::of(conn, &[&reference])?.remove(&reference);
            Ok(Some((item, links)))
        })
        .await?;
    Ok(match found {
        Some((item, links)) => HttpResponse::Ok().json(ClarificationRecord::new(
            &item,
            links.as_ref(),
            &state.settings,
        )),
        None => not_found(),
    })
}
