//! `/endorse/{token}`: the private page mailed to a request's sponsor,
//! where it endorses the request, answers it locally, or declines it. The
//! link works once; a link used, expired or made up answers 404.

use crate::i18n::Msg;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use crate::domain::fields::FieldErrors;
use crate::domain::intake::{Answer, AnswerProblem};
use crate::error::AppError;
use crate::models::users::User;
use crate::web::flash::{self, Done};
use crate::web::{AppState, Csrf, CsrfForm, Page, Viewer, private_page};
use crate::workflow::endorsements::{self, Addressed, Outcome};

#[derive(Template, WebTemplate)]
#[template(path = "endorse/show.html")]
pub struct EndorsePage {
    page: Page,
    csrf: Csrf,
    action: String,
    /// Came by the mailed link rather than signed in.
    by_link: bool,
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
            AnswerProblem::NoteMissing if field == "decline-note" => refused
                .errors
                .add(field, Msg::new("form-endorse-decline-note")),
            AnswerProblem::NoteMissing => {
                refused.errors.add(field, Msg::new("form-endorse-answer"))
            }
            AnswerProblem::NoteTooLong => {
                refused.errors.add(field, Msg::new("form-endorse-too-long"))
            }
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

/// How the sponsor came: by the private link mailed to it, or signed in
/// to one of its accounts (the queue of `/sponsor`).
pub enum Via {
    Link(String),
    Account { user: User, reference: String },
}

impl Via {
    fn action(&self) -> String {
        match self {
            Via::Link(token) => format!("/endorse/{token}"),
            Via::Account { reference, .. } => format!("/sponsor/requests/{reference}"),
        }
    }

    fn page(&self, state: &AppState, csrf: &Csrf) -> Page {
        match self {
            Via::Link(_) => state.page(""),
            Via::Account { user, .. } => {
                state.page_as("sponsor", &Viewer(Some(user.clone())), csrf)
            }
        }
    }
}

async fn render(
    state: &AppState,
    csrf: Csrf,
    via: Via,
    refused: Refused,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let ctx = state.workflow();
    let addressed = match &via {
        Via::Link(token) => {
            let token = token.clone();
            state
                .db(move |conn| Ok(endorsements::by_link(conn, &ctx, &token)?))
                .await?
        }
        Via::Account { user, reference } => {
            let (user_id, reference) = (user.id.clone(), reference.clone());
            state
                .db(move |conn| Ok(endorsements::by_account(conn, &ctx, &user_id, &reference)?))
                .await?
        }
    };
    let body = EndorsePage {
        page: via.page(state, &csrf),
        csrf,
        action: via.action(),
        by_link: matches!(via, Via::Link(_)),
        addressed,
        errors: refused.errors,
        answer_note: refused.answer_note,
        decline_note: refused.decline_note,
        unknown_choice: refused.unknown_choice,
    }
    .render()?;
    Ok(private_page(status, body))
}

/// The endorsement page, by link or from a sponsor's queue.
pub async fn page_via(state: &AppState, csrf: Csrf, via: Via) -> Result<HttpResponse, AppError> {
    render(state, csrf, via, Refused::default(), StatusCode::OK).await
}

pub async fn show(
    state: web::Data<AppState>,
    token: web::Path<String>,
    csrf: Csrf,
) -> Result<HttpResponse, AppError> {
    page_via(&state, csrf, Via::Link(token.into_inner())).await
}

#[derive(Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    choice: String,
    #[serde(default)]
    note: String,
}

/// The sponsor's answer, by link or from its queue.
pub async fn answer_via(
    req: &HttpRequest,
    state: &AppState,
    csrf: Csrf,
    via: Via,
    form: AnswerForm,
) -> Result<HttpResponse, AppError> {
    let answer = match Answer::parse(&form.choice, &form.note) {
        Ok(answer) => answer,
        Err(problem) => {
            return render(
                state,
                csrf,
                via,
                Refused::new(&form.choice, form.note, problem),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let ctx = state.workflow();
    let (outcome, reference) = match &via {
        Via::Link(token) => {
            let token = token.clone();
            state
                .db(move |conn| Ok(endorsements::answer_by_link(conn, &ctx, &token, &answer)?))
                .await?
        }
        Via::Account { user, reference } => {
            let (user_id, reference) = (user.id.clone(), reference.clone());
            state
                .db(move |conn| {
                    Ok(endorsements::answer_by_account(
                        conn, &ctx, &user_id, &reference, &answer,
                    )?)
                })
                .await?
        }
    };
    state.wake_mail_worker();
    if let Via::Account { .. } = via {
        // Signed in: back to the queue, which no longer lists it.
        let reference = reference.unwrap_or_default();
        let done = match outcome {
            Outcome::Endorsed => Done::SponsorEndorsed { reference },
            Outcome::AnsweredLocally => Done::SponsorAnswered { reference },
            Outcome::Declined => Done::SponsorDeclined { reference },
        };
        return Ok(flash::see_other(req, "/sponsor", done));
    }
    let body = DonePage {
        page: via.page(state, &csrf),
        outcome,
        reference,
    }
    .render()?;
    Ok(private_page(StatusCode::OK, body))
}

pub async fn answer(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    csrf: Csrf,
    CsrfForm(form): CsrfForm<AnswerForm>,
) -> Result<HttpResponse, AppError> {
    answer_via(&req, &state, csrf, Via::Link(token.into_inner()), form).await
}
