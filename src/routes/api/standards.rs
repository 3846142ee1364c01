//! `/api/v1/standards`: the registry with the count of clarifications of
//! each standard, as the standards page shows it.

use std::collections::HashMap;

use actix_web::{HttpResponse, web};

use super::records::{GroupRef, StandardLinks, StandardList, StandardRecord, StandardRef};
use crate::error::AppError;
use crate::models::{groups, standards};
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
    let (rows, groups, words) = state
        .db(move |conn| {
            Ok((
                standards::all_with_groups(conn)?,
                groups::all(conn)?,
                index.current(conn, version)?,
            ))
        })
        .await?;
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
    let settings = &state.settings;
    let items = rows
        .iter()
        .map(|(standard, _)| {
            let (published, backlog) = words.counts_of(&standard.slug);
            StandardRecord {
                standard: StandardRef::from(standard),
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
    Ok(HttpResponse::Ok().json(StandardList { items }))
}
