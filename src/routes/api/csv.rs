//! `/clarifications.csv`: every clarification a search finds, in the
//! columns of `clarion export`, so that a download can be imported again.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use super::searching;
use crate::domain::search::RawFilters;
use crate::error::AppError;
use crate::models::register;
use crate::transfer;
use crate::web::AppState;
use crate::web::page_cache::RegisterVersion;

impl From<&register::Clarification> for transfer::Clarification {
    fn from(item: &register::Clarification) -> Self {
        transfer::Clarification {
            reference: item.reference.clone(),
            standard: item.standard_slug.clone(),
            standard_designation: item.standard_designation.clone(),
            standard_edition: item.standard_edition,
            group: item.group_code.clone().unwrap_or_default(),
            clause: item.clause.clone(),
            // The plain texts: a search's marked excerpts are for pages.
            question: item.question.clone(),
            answer: item.answer.clone(),
            decided_at: item.decided_at.map(transfer::timestamp).unwrap_or_default(),
            published_at: transfer::timestamp(item.published_at),
            consider_at_revision: item.consider_at_revision,
            status: item.status().as_str().to_owned(),
            status_note: item.publication_flag_note.clone().unwrap_or_default(),
            sample: item.is_sample,
        }
    }
}

/// A file is built in memory: beyond this many rows, ask for less rather
/// than hand over a part as if it were the whole.
const MAX_ROWS: i64 = 50_000;

pub async fn download(
    state: web::Data<AppState>,
    query: web::Query<RawFilters>,
    version: Option<web::ReqData<RegisterVersion>>,
) -> Result<HttpResponse, AppError> {
    let index = state.search_index.clone();
    let version = version.map(|version| version.0);
    let searched = searching(&state, &query, move |conn, filters| {
        Ok(register::search_all(
            conn, &index, version, filters, MAX_ROWS,
        )?)
    })
    .await?;
    let results = match searched {
        Ok((_, results)) if results.total > MAX_ROWS => {
            return Ok(refusal(&format!(
                "More than {MAX_ROWS} clarifications match: narrow the search, e.g. by \
                 standard or year.\n"
            )));
        }
        Ok((_, results)) => results,
        Err(errors) => {
            let message: String = errors
                .as_slice()
                .iter()
                .map(|(field, message)| format!("{field}: {message}\n"))
                .collect();
            return Ok(refusal(&message));
        }
    };
    let records = results.items.iter().map(transfer::Clarification::from);
    let mut body = Vec::new();
    transfer::write_csv(records, &mut body)
        .map_err(|e| AppError::Internal(format!("writing CSV: {e}")))?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8; header=present")
        .insert_header((
            "content-disposition",
            "attachment; filename=\"clarifications.csv\"",
        ))
        .body(body))
}

/// What was wrong with the request, as text: whoever asked for a file reads
/// it in a browser tab or a terminal.
fn refusal(message: &str) -> HttpResponse {
    HttpResponse::build(StatusCode::UNPROCESSABLE_ENTITY)
        .content_type("text/plain; charset=utf-8")
        .body(message.to_owned())
}
