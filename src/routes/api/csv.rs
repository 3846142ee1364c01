//! `/clarifications.csv`: every clarification a search finds, in the
//! columns of `clarion export`, so that a download can be imported again,
//! then its version, correction note and number.
//! The file is streamed a page of rows at a time, however large, and only
//! `CLARION_DOWNLOADS` are served at once.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, EntityTag, HeaderValue};
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use futures_util::Stream;
use sha2::{Digest, Sha256};
use tokio::sync::OwnedSemaphorePermit;

use super::searching;
use crate::domain::search::RawFilters;
use crate::error::AppError;
use crate::models::register;
use crate::search::Download;
use crate::transfer;
use crate::web::AppState;
use crate::web::conditional;
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

impl From<&register::Clarification> for transfer::Download {
    fn from(item: &register::Clarification) -> Self {
        transfer::Download {
            record: transfer::Clarification::from(item),
            version: item.version,
            correction_note: item.correction_note.clone().unwrap_or_default(),
            number: item.number,
            question_fr: item
                .french
                .as_ref()
                .map(|french| french.question.clone())
                .unwrap_or_default(),
            answer_fr: item
                .french
                .as_ref()
                .map(|french| french.answer.clone())
                .unwrap_or_default(),
            fr_of_version: item.french.as_ref().map(|french| french.of_version),
        }
    }
}

/// Rows read and written at a time: a few hundred kilobytes of CSV.
const ROWS_PER_CHUNK: usize = 500;

/// What a download turned away is told to wait: about what a download of
/// a large register takes.
const RETRY_AFTER_SECONDS: u32 = 5;

#[derive(Template)]
#[template(path = "errors/downloads_busy.txt")]
struct Busy {
    lang: crate::i18n::Lang,
    retry_after: u32,
}

pub async fn download(
    state: web::Data<AppState>,
    request: HttpRequest,
    query: web::Query<RawFilters>,
    version: Option<web::ReqData<RegisterVersion>>,
) -> Result<HttpResponse, AppError> {
    let version = match version {
        Some(version) => version.0,
        None => state.read(|conn| Ok(register::version(conn)?)).await?,
    };
    // A file is streamed before its end is known, so it cannot be
    // hashed like a page: its validator is the register's version, which
    // every change the file could show raises, and the address.
    let tag = etag(version, request.query_string());
    if conditional::still_held(request.headers(), Some(&tag)) {
        return Ok(conditional::not_modified([
            (&header::ETAG, &tag),
            (
                &header::CACHE_CONTROL,
                &HeaderValue::from_static("no-cache"),
            ),
        ]));
    }
    let Ok(permit) = state.downloads.clone().try_acquire_owned() else {
        return Ok(HttpResponse::build(StatusCode::TOO_MANY_REQUESTS)
            .content_type("text/plain; charset=utf-8")
            .insert_header((header::RETRY_AFTER, RETRY_AFTER_SECONDS))
            .body(
                Busy {
                    lang: crate::web::language::reader().lang,
                    retry_after: RETRY_AFTER_SECONDS,
                }
                .render()?,
            ));
    };
    let index = state.search_index.clone();
    let started = searching(&state, &query, move |conn, filters| {
        Ok(Download::start(
            conn,
            &index,
            Some(version),
            filters.clone(),
        )?)
    })
    .await?;
    let download = match started {
        Ok((_, download)) => download,
        Err(errors) => {
            let message: String = errors
                .as_slice()
                .iter()
                .map(|(field, message)| format!("{field}: {}\n", message.english()))
                .collect();
            return Ok(refusal(&message));
        }
    };
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8; header=present")
        .insert_header((
            "content-disposition",
            "attachment; filename=\"clarifications.csv\"",
        ))
        .insert_header((header::ETAG, tag))
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .streaming(chunks(state, download, permit)))
}

/// A weak validator for the file of this address at this register version.
fn etag(version: i64, query: &str) -> HeaderValue {
    let digest = hex::encode(Sha256::digest(format!("csv {version} {query}")));
    HeaderValue::from_str(&EntityTag::new_weak(digest[..32].to_owned()).to_string())
        .expect("hex digits make a header value")
}

/// The file: its header and a chunk of rows per step, each read on the
/// blocking pool when the client has taken the one before, so that a slow
/// client holds one chunk, and no connection, while it reads. The permit
/// goes when the file ends or the client leaves.
fn chunks(
    state: web::Data<AppState>,
    download: Download,
    permit: OwnedSemaphorePermit,
) -> impl Stream<Item = Result<Bytes, AppError>> {
    let start = (Some(download), true, permit);
    futures_util::stream::try_unfold(start, move |(download, first, permit)| {
        let state = state.clone();
        async move {
            let Some(mut download) = download else {
                return Ok(None);
            };
            let (download, rows) = state
                .db(move |conn| {
                    let rows = download.next(conn, ROWS_PER_CHUNK)?;
                    Ok((download, rows))
                })
                .await
                .inspect_err(|e| tracing::warn!(error = %e, "a CSV download broke off"))?;
            let (rows, download) = match rows {
                Some(rows) => (rows, Some(download)),
                // An empty file still has its header.
                None if first => (Vec::new(), None),
                None => return Ok(None),
            };
            let rows = rows.iter().map(transfer::Download::from);
            let mut chunk = Vec::new();
            transfer::write_download(rows, first, &mut chunk)
                .map_err(|e| AppError::Internal(format!("writing CSV: {e}")))?;
            Ok(Some((Bytes::from(chunk), (download, false, permit))))
        }
    })
}

/// What was wrong with the request, as text: whoever asked for a file reads
/// it in a browser tab or a terminal.
fn refusal(message: &str) -> HttpResponse {
    HttpResponse::build(StatusCode::UNPROCESSABLE_ENTITY)
        .content_type("text/plain; charset=utf-8")
        .body(message.to_owned())
}
