//! `/requests/new`: the request form, the check for answers already given,
//! and its submission.

use crate::i18n::Msg;
use crate::models::translations::Translated;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use super::see_other;
use crate::domain::fields::FieldErrors;
use crate::domain::submission::{Category, SubmissionInput, normalise_clause};
use crate::error::AppError;
use crate::models::requests::{self, PublishedSummary};
use crate::models::standards;
use crate::web::session::Viewer;
use crate::web::{AppState, Csrf, CsrfForm, Page, client_key, language};
use crate::workflow::endorsements::{self, SponsorChoice};
use crate::workflow::submitter::{self, Submitted};

/// Published answers on the chosen standard and clause.
pub struct Existing {
    pub standard: String,
    pub clause: String,
    pub items: Vec<PublishedSummary>,
}

#[derive(Template, WebTemplate)]
#[template(path = "requests/new.html")]
pub struct FormPage {
    page: Page,
    csrf: Csrf,
    input: SubmissionInput,
    errors: FieldErrors,
    /// The current editions by designation, as (slug, short label).
    standards: Vec<(String, String)>,
    countries: Vec<(String, String)>,
    categories: Vec<(String, String)>,
    /// The member bodies and liaisons that may sponsor the request, as
    /// (id, label), when the installation asks for a sponsor.
    sponsors: Option<Vec<(String, String)>>,
    /// The organisation a signed-in sponsor's account sends for, labelled.
    own_sponsor: Option<String>,
    existing: Option<Existing>,
    /// A message above the form.
    notice: Option<Notice>,
}

/// Why the form comes back with a message above it.
pub enum Notice {
    /// Too many submissions from this address in the last hour.
    Throttled,
    /// The database cannot store it right now.
    Unavailable,
}

#[derive(Template, WebTemplate)]
#[template(path = "requests/sent.html")]
pub struct SentPage {
    page: Page,
}

/// Every country as (code, name), named and ordered as the page's
/// language does.
fn countries(page: &Page) -> Vec<(String, String)> {
    let mut list: Vec<(String, String)> = isocountry::CountryCode::iter()
        .map(|c| (c.alpha2().to_owned(), page.lang.country(c.alpha2())))
        .collect();
    page.lang.sort_by(&mut list, |(_, name)| name.clone());
    list
}

/// What the page needs from the database besides the input.
struct Lookups {
    standards: Vec<(String, String)>,
    sponsors: Option<Vec<(String, String)>>,
    own_sponsor: Option<String>,
    existing: Option<Existing>,
}

async fn lookups(
    state: &AppState,
    input: &SubmissionInput,
    account: Option<String>,
) -> Result<Lookups, AppError> {
    let (standard, clause) = (
        input.standard.trim().to_owned(),
        normalise_clause(&input.clause),
    );
    let country = input.country.trim().to_owned();
    let ctx = state.workflow();
    let lang = language::reader().lang;
    state
        .db(move |conn| {
            let (sponsors, own_sponsor) =
                match endorsements::sponsor_choice(conn, &ctx, &country, account.as_deref())? {
                    SponsorChoice::NotAsked => (None, None),
                    SponsorChoice::Among(list) => (
                        Some(
                            list.iter()
                                .map(|o| (o.id.clone(), o.label_in(&lang)))
                                .collect(),
                        ),
                        None,
                    ),
                    SponsorChoice::Own(own) => (None, Some(own.label_in(&lang))),
                };
            let all = standards::all_with_groups(conn)?;
            let options = all
                .iter()
                .filter(|(s, _)| s.is_current())
                .map(|(s, _)| {
                    (
                        s.slug.clone(),
                        format!("{} — {}", s.label(), s.short_title()),
                    )
                })
                .collect();
            let existing = match all
                .iter()
                .find(|(s, _)| s.slug == standard && s.is_current())
            {
                Some((s, _)) if !clause.is_empty() => Some(Existing {
                    standard: s.label(),
                    items: requests::published_on_clause(conn, &s.id, &clause)?,
                    clause: clause.clone(),
                }),
                _ => None,
            };
            Ok(Lookups {
                standards: options,
                sponsors,
                own_sponsor,
                existing,
            })
        })
        .await
}

/// The categories of submitter, labelled in the page's language.
fn categories(page: &Page) -> Vec<(String, String)> {
    Category::ALL
        .iter()
        .map(|&c| (c.as_str().to_owned(), page.t(c.key())))
        .collect()
}

async fn render(
    state: &AppState,
    csrf: Csrf,
    viewer: &Viewer,
    input: SubmissionInput,
    errors: FieldErrors,
    notice: Option<Notice>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let Lookups {
        standards,
        sponsors,
        own_sponsor,
        existing,
    } = lookups(state, &input, account(viewer)).await?;
    let page = state.page("submit");
    let body = FormPage {
        categories: categories(&page),
        countries: countries(&page),
        page,
        csrf,
        input,
        errors,
        standards,
        sponsors,
        own_sponsor,
        existing,
        notice,
    }
    .render()?;
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(body))
}

#[derive(Deserialize)]
pub struct Preselect {
    #[serde(default)]
    standard: String,
    #[serde(default)]
    clause: String,
}

/// The signed-in sender's account: a sponsor's sends requests its
/// organisation endorses.
fn account(viewer: &Viewer) -> Option<String> {
    viewer.0.as_ref().map(|u| u.id.clone())
}

pub async fn show(
    state: web::Data<AppState>,
    csrf: Csrf,
    viewer: Viewer,
    query: web::Query<Preselect>,
) -> Result<HttpResponse, AppError> {
    let Preselect { standard, clause } = query.into_inner();
    let input = SubmissionInput {
        standard,
        clause,
        ..SubmissionInput::default()
    };
    render(
        &state,
        csrf,
        &viewer,
        input,
        FieldErrors::default(),
        None,
        StatusCode::OK,
    )
    .await
}

/// The form's fields and which of its two buttons was pressed.
#[derive(Deserialize)]
pub struct Posted {
    #[serde(flatten)]
    input: SubmissionInput,
    #[serde(default)]
    intent: String,
}

pub async fn create(
    state: web::Data<AppState>,
    req: HttpRequest,
    csrf: Csrf,
    viewer: Viewer,
    CsrfForm(posted): CsrfForm<Posted>,
) -> Result<HttpResponse, AppError> {
    let Posted { input, intent } = posted;
    // A robot filled the hidden field: answer as if all went well.
    if !input.website.is_empty() {
        tracing::info!("a submission filled the honeypot; nothing stored");
        return Ok(see_other("/requests/sent"));
    }
    if intent == "check" {
        return render(
            &state,
            csrf,
            &viewer,
            input,
            FieldErrors::default(),
            None,
            StatusCode::OK,
        )
        .await;
    }
    // Whether the standard is current is checked where the submission is
    // stored, in the same transaction, rather than in a read of its own;
    // a form refused anyway is checked here, so it lists every mistake.
    let mut submission = match input.validate(|_| true) {
        Ok(submission) => submission,
        Err(_) => {
            let slug = input.standard.trim().to_owned();
            let sponsor = input.sponsor.clone();
            let ctx = state.workflow();
            let sender = account(&viewer);
            let (current, sponsor_refused) = state
                .db(move |conn| {
                    Ok((
                        submitter::current_standard(conn, &slug)?.is_some(),
                        endorsements::sponsor_refused(conn, &ctx, &sponsor, sender.as_deref())?,
                    ))
                })
                .await?;
            return refuse(&state, csrf, &viewer, input, current, sponsor_refused).await;
        }
    };
    submission.account = account(&viewer);
    // The submitter's mail follows the language they read the form in.
    submission.language = Some(language::reader().lang.tag());
    let ctx = state.workflow();
    let from = client_key(&req, &state.settings);
    let per_hour = state.settings.submissions_per_hour;
    let outcome = match state.intake.submit(ctx, submission, from, per_hour).await {
        // The form again with what was typed, when the database still
        // reads (SQLite locked by another program, a full disk); else the
        // error page.
        Err(AppError::Unavailable(why)) => {
            let notice = Some(Notice::Unavailable);
            let again = render(
                &state,
                csrf,
                &viewer,
                input,
                FieldErrors::default(),
                notice,
                StatusCode::SERVICE_UNAVAILABLE,
            )
            .await;
            return again.map_err(|_| AppError::Unavailable(why));
        }
        outcome => outcome?,
    };
    match outcome {
        Submitted::Stored => {
            state.wake_mail_worker();
            Ok(see_other("/requests/sent"))
        }
        Submitted::StandardNotCurrent => refuse(&state, csrf, &viewer, input, false, false).await,
        Submitted::SponsorNeeded => refuse(&state, csrf, &viewer, input, true, true).await,
        Submitted::Throttled => {
            render(
                &state,
                csrf,
                &viewer,
                input,
                FieldErrors::default(),
                Some(Notice::Throttled),
                StatusCode::TOO_MANY_REQUESTS,
            )
            .await
        }
    }
}

/// The form again with a message beside each mistake; `current` says
/// whether the chosen standard takes new requests, `sponsor_refused`
/// whether the sponsor chosen (if any) cannot be asked.
async fn refuse(
    state: &AppState,
    csrf: Csrf,
    viewer: &Viewer,
    input: SubmissionInput,
    current: bool,
    sponsor_refused: bool,
) -> Result<HttpResponse, AppError> {
    let mut errors = input.validate(|_| current).err().unwrap_or_default();
    if sponsor_refused {
        errors.add("sponsor", Msg::new("form-sponsor-missing"));
    }
    render(
        state,
        csrf,
        viewer,
        input,
        errors,
        None,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

pub async fn sent(state: web::Data<AppState>) -> SentPage {
    SentPage {
        page: state.page("submit"),
    }
}
