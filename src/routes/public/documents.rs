//! The register as PDF documents: a clarification (the version in force,
//! or one version at its permanent address) and a standard's published
//! clarifications in number order. Public and the same for everyone, so
//! the page cache keeps them until the register changes (a publication,
//! correction or mark raises its version).

use actix_web::http::header::{ContentDisposition, DispositionParam, DispositionType};
use actix_web::{HttpResponse, web};
use askama::Template;

use super::clarifications::canonical;
use crate::documents::Typesetter;
use crate::domain::markdown;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::models::numbers;
use crate::models::register::{self, Clarification};
use crate::models::standards::{self, Standard};
use crate::web::AppState;
use crate::workflow::corrections;

/// One clarification in the typesetter's markup.
#[derive(Template)]
#[template(path = "documents/clarification.txt")]
struct Entry<'a> {
    lang: &'a Lang,
    /// On its own, rather than one of its standard's set.
    alone: bool,
    publisher: &'a str,
    item: &'a Clarification,
    /// The answer as plain text.
    answer: String,
    /// Its French version's answer as plain text, in a French document.
    french_answer: Option<String>,
    permalink: String,
}

impl<'a> Entry<'a> {
    fn new(
        lang: &'a Lang,
        item: &'a Clarification,
        alone: bool,
        publisher: &'a str,
        permalink: String,
    ) -> Self {
        Entry {
            lang,
            alone,
            publisher,
            item,
            answer: markdown::to_plain_text(&item.answer),
            french_answer: item
                .french_in(lang)
                .map(|french| markdown::to_plain_text(&french.answer)),
            permalink,
        }
    }

    /// "ISO/IEC 17065:2012 Clarification 3", or its reference before it
    /// has a number.
    fn designation(&self) -> String {
        self.item
            .designation()
            .unwrap_or_else(|| self.item.reference.clone())
    }
}

/// The opening of a standard's set.
#[derive(Template)]
#[template(path = "documents/standard.txt")]
struct Opening<'a> {
    lang: &'a Lang,
    publisher: &'a str,
    standard: &'a Standard,
    count: i64,
    compiled_at: chrono::NaiveDateTime,
    address: String,
}

/// Clarifications read and typeset at a time in a standard's set.
const SET_CHUNK: i64 = 500;

/// The language of the reader asking for a document: its words follow it.
fn reader_lang() -> Lang {
    crate::web::language::reader().lang
}

/// `bytes` as a PDF named `filename`, shown in the browser.
fn pdf(bytes: Vec<u8>, filename: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header(("vary", "Accept-Language, Cookie"))
        .insert_header(ContentDisposition {
            disposition: DispositionType::Inline,
            parameters: vec![DispositionParam::Filename(filename)],
        })
        .body(bytes)
}

/// `item` on its own, citing `path`, in `lang`.
fn typeset_one(
    lang: &Lang,
    item: &Clarification,
    path: &str,
    state: &AppState,
) -> Result<Vec<u8>, AppError> {
    let mut document = Typesetter::new();
    let permalink = state.settings.url(path);
    document.add(&Entry::new(lang, item, true, &state.settings.publisher, permalink).render()?);
    document
        .finish()
        .map_err(|e| AppError::Internal(e.to_string()))
}

/// `/clarifications/{reference}.pdf`: the version in force.
pub async fn clarification(
    state: web::Data<AppState>,
    reference: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let reference = reference.into_inner();
    if let Some(moved) = canonical(&reference, ".pdf")? {
        return Ok(moved);
    }
    let item = state
        .db(move |conn| {
            let mut item = register::find(conn, &reference)?.ok_or(AppError::NotFound)?;
            Clarification::with_french(conn, std::slice::from_mut(&mut item))?;
            Ok(item)
        })
        .await?;
    let filename = format!("{}.pdf", item.reference);
    let lang = reader_lang();
    let bytes = web::block(move || typeset_one(&lang, &item, &item.path(), &state))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))??;
    Ok(pdf(bytes, filename))
}

/// `/clarifications/{reference}/v{number}.pdf`: one version.
pub async fn version(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (reference, number) = path.into_inner();
    if let Some(moved) = canonical(&reference, &format!("/v{number}.pdf"))? {
        return Ok(moved);
    }
    let number: i32 = number.parse().map_err(|_| AppError::NotFound)?;
    let item = state
        .db(move |conn| {
            let (item, _) =
                corrections::version_page(conn, &reference, number)?.ok_or(AppError::NotFound)?;
            Ok(item)
        })
        .await?;
    let filename = format!("{}-v{}.pdf", item.reference, item.version);
    let lang = reader_lang();
    let bytes = web::block(move || typeset_one(&lang, &item, &item.version_path(), &state))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))??;
    Ok(pdf(bytes, filename))
}

/// `/standards/{slug}/clarifications.pdf`: every published clarification
/// of the standard, in number order, read and typeset a part at a time.
pub async fn standard(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let slug = slug.into_inner();
    let settings = state.settings.clone();
    let compiled_at = state.clock.now();
    let lang = reader_lang();
    let (bytes, slug) = state
        .db(move |conn| {
            let (standard, _) = standards::find_by_slug(conn, &slug)?.ok_or(AppError::NotFound)?;
            let mut document = Typesetter::new();
            document.add(
                &Opening {
                    lang: &lang,
                    publisher: &settings.publisher,
                    standard: &standard,
                    count: numbers::count_of(conn, &standard.id)?,
                    compiled_at,
                    address: settings.url(&format!("/standards/{}", standard.slug)),
                }
                .render()?,
            );
            let mut after = 0;
            loop {
                let mut items = register::numbered_after(conn, &standard.id, after, SET_CHUNK)?;
                Clarification::with_french(conn, &mut items)?;
                for item in &items {
                    let permalink = settings.url(&item.path());
                    let entry = Entry::new(&lang, item, false, &settings.publisher, permalink);
                    document.add(&entry.render()?);
                }
                match items.last().and_then(|item| item.number) {
                    Some(last) => after = last,
                    None => break,
                }
            }
            let bytes = document
                .finish()
                .map_err(|e| AppError::Internal(e.to_string()))?;
            Ok((bytes, standard.slug))
        })
        .await?;
    Ok(pdf(bytes, format!("{slug}-clarifications.pdf")))
}
