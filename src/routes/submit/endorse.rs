//! `/endorse/{token}`: the private page mailed to a request's sponsor,
//! where it endorses the request, answers it locally, or declines it. The
//! link works once; a link used, expired or made up answers 404.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use crate::domain::fields::FieldErrors;
use crate::domain::intake::{Answer, AnswerProblem};
use crate::error::AppError;
use crate::web::{AppState, Csrf, CsrfForm, Page};
use crate::workflow::endorsements::{self, Addressed, Outcome};

#[derive(Template, WebTemplate)]
#[template(path = "endorse/show.html")]
pub struct EndorsePage {
    page: Page,
    csrf: Csrf,
    action: String,
    addressed: Addressed,
    /// What a refused form said, by the id of its field.
    errors: FieldErrors,
    answer_note: String,
    decline_note: String,
    /// A form with none of the three choices (not one of the page's).
    unknown_choice: bool,
}

/// What a refused answer shows again.
#[derive(Default)]
struct Refused {
    errors: FieldErrors,
    answer_note: String,
    decline_note: String,
    unknown_choice: bool,
}

impl Refused {
    fn new(choice: &str, note: String, problem: AnswerProblem) -> Self {
        let mut refused = Refused::default();
        let (field, text) = match choice {
            "decline" => ("decline-note", &mut refused.decline_note),
            _ => ("answer-note", &mut refused.answer_note),
        };
        *text = note;
        match problem {
            AnswerProblem::UnknownChoice => refused.unknown_choice = true,
            AnswerProblem::NoteMissing if field == "decline-note" => refused.errors.add(
                field,
                "Write why you decline to endorse the request; the submitter receives it.",
            ),
            AnswerProblem::NoteMissing => refused
                .errors
                .add(field, "Write your answer; the submitter receives it."),
            AnswerProblem::NoteTooLong => refused
                .errors
                .add(field, "Shorten the text to at most 5,000 characters."),
        }
        refused
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "endorse/done.html")]
pub struct DonePage {
    page: Page,
    outcome: Outcome,
    reference: Option<String>,
}

async fn render(
    state: &AppState,
    csrf: Csrf,
    token: String,
    refused: Refused,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let ctx = state.workflow();
    let lookup = token.clone();
    let addressed = state
        .db(move |conn| Ok(endorsements::by_link(conn, &ctx, &lookup)?))
        .await?;
    let body = EndorsePage {
        page: state.page(""),
        csrf,
        action: format!("/endorse/{token}"),
        addressed,
        errors: refused.errors,
        answer_note: refused.answer_note,
        decline_note: refused.decline_note,
        unknown_choice: refused.unknown_choice,
    }
    .render()?;
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        // A private page: never stored by shared caches.
        .insert_header(("cache-control", "private, no-store"))
        .body(body))
}

pub async fn show(
    state: web::Data<AppState>,
    token: web::Path<String>,
    csrf: Csrf,
) -> Result<HttpResponse, AppError> {
    render(
        &state,
        csrf,
        token.into_inner(),
        Refused::default(),
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    choice: String,
    #[serde(default)]
    note: String,
}

pub async fn answer(
    state: web::Data<AppState>,
    token: web::Path<String>,
    csrf: Csrf,
    CsrfForm(form): CsrfForm<AnswerForm>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let answer = match Answer::parse(&form.choice, &form.note) {
        Ok(answer) => answer,
        Err(problem) => {
            return render(
                &state,
                csrf,
                token,
                Refused::new(&form.choice, form.note, problem),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let ctx = state.workflow();
    let (outcome, reference) = state
        .db(move |conn| Ok(endorsements::answer_by_link(conn, &ctx, &token, &answer)?))
        .await?;
    state.wake_mail_worker();
    let body = DonePage {
        page: state.page(""),
        outcome,
        reference,
    }
    .render()?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header(("cache-control", "private, no-store"))
        .body(body))
}
