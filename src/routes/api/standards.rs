//! `/api/v1/standards`: the registry with the count of clarifications of
//! each standard, as the standards page shows it.

use std::collections::HashMap;

use actix_web::{HttpResponse, web};

use super::records::{GroupRef, StandardLinks, StandardList, StandardRecord, StandardRef};
use crate::config::Settings;
use crate::db::DbConn;
use crate::error::AppError;
use crate::models::{groups, standards};
use crate::search::SearchIndex;
use crate::web::AppState;
use crate::web::page_cache::RegisterVersion;

/// Every standard, current and superseded, in the order of the standards page.
#[utoipa::path(
    get,
    path = "/api/v1/standards",
    tag = "standards",
    operation_id = "listStandards",
    params(
        ("If-None-Match" = Option<String>, Header,
            description = "The ETag of a copy already held."),
    ),
    responses(
        (status = 200, description = "The standards.", body = StandardList,
            headers(("ETag" = String, description = "Validator for If-None-Match."))),
        (status = 304, description = "Not modified: the copy with this ETag is still current."),
    )
)]
pub async fn index(
    state: web::Data<AppState>,
    version: Option<web::ReqData<RegisterVersion>>,
) -> Result<HttpResponse, AppError> {
    let index = state.search_index.clone();
    let version = version.map(|version| version.0);
    let shared = state.clone();
    let list = state
        .db(move |conn| list(conn, &index, version, &shared.settings))
        .await?;
    Ok(HttpResponse::Ok().json(list))
}

/// Every standard as of `version` (now, if none), in the order of the
/// standards page.
pub fn list(
    conn: &mut DbConn,
    index: &SearchIndex,
    version: Option<i64>,
    settings: &Settings,
) -> Result<StandardList, AppError> {
    let rows = standards::all_with_groups(conn)?;
    let groups = groups::all(conn)?;
    let words = index.current(conn, version)?;
    let groups: HashMap<String, GroupRef> = groups
        .into_iter()
        .map(|g| {
            (
                g.id,
                GroupRef {
                    code: g.code,
                    name: g.name,
                },
            )
        })
        .collect();
    let slugs: HashMap<&str, &str> = rows
        .iter()
        .map(|(s, _)| (s.id.as_str(), s.slug.as_str()))
        .collect();
    let items = rows
        .iter()
        .map(|(standard, _)| {
            let (published, backlog) = words.counts_of(&standard.slug);
            StandardRecord {
                standard: StandardRef::from(standard),
                title_fr: standard.title_fr.clone(),
                superseded_by: standard
                    .superseded_by_id
                    .as_deref()
                    .and_then(|id| slugs.get(id))
                    .map(|slug| (*slug).to_owned()),
                group: standard
                    .group_id
                    .as_ref()
                    .and_then(|id| groups.get(id))
                    .cloned(),
                published,
                backlog,
                links: StandardLinks {
                    html: settings.url(&format!("/standards/{}", standard.slug)),
                    feed: settings.url(&format!("/feeds/standards/{}.atom", standard.slug)),
                    pdf: settings.url(&format!("/standards/{}/clarifications.pdf", standard.slug)),
                    clarifications: settings.url(&format!(
                        "/api/v1/clarifications?standard={}",
                        standard.slug
                    )),
                },
            }
        })
        .collect();
    Ok(StandardList { items })
}
