//! `/api/openapi.json`: the API described from its own handlers and
//! records, so that the description is what the server does.

use actix_web::{HttpResponse, web};
use utoipa::OpenApi;
use utoipa::openapi::schema::{ObjectBuilder, Type};

use super::clarifications;
use super::standards;
use crate::error::AppError;
use crate::models::standards as registry;
use crate::web::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Clarion open data",
        version = "1",
        description = "The published clarifications of the register and its standards. \
            Read-only, no key needed, readable from any origin. Answers carry an ETag: send it \
            back in If-None-Match to be answered 304 while nothing changed. Errors are JSON \
            objects with an `error` sentence.",
    ),
    paths(
        clarifications::index,
        clarifications::show,
        clarifications::version,
        standards::index,
    ),
    tags(
        (name = "clarifications", description = "Published clarifications."),
        (name = "standards", description = "The standards of the registry."),
    )
)]
struct ApiDoc;

pub async fn document(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let slugs: Vec<String> = state
        .db(|conn| Ok(registry::all_with_groups(conn)?))
        .await?
        .into_iter()
        .map(|(standard, _)| standard.slug)
        .collect();
    let mut document = ApiDoc::openapi();
    name_the_standards(&mut document, slugs);
    let json = document
        .to_pretty_json()
        .map_err(|e| AppError::Internal(format!("OpenAPI document: {e}")))?;
    Ok(HttpResponse::Ok()
        .content_type("application/json")
        .body(json))
}

/// The standards live in the database, not in the code: the list's
/// `standard` filter is given their slugs here, so that clients (and API
/// fuzzers) know which values exist.
fn name_the_standards(document: &mut utoipa::openapi::OpenApi, slugs: Vec<String>) {
    let standard = document
        .paths
        .paths
        .get_mut("/api/v1/clarifications")
        .and_then(|item| item.get.as_mut())
        .and_then(|operation| operation.parameters.as_mut())
        .and_then(|parameters| parameters.iter_mut().find(|p| p.name == "standard"));
    if let Some(parameter) = standard {
        parameter.schema = Some(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .enum_values(Some(slugs))
                .into(),
        );
    }
}
