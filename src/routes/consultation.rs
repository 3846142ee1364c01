//! `/consultation/{token}`: a consulted liaison's private review of a
//! decided answer, where it records "no objection" or its comments, once.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::domain::consultation::{Closed, Refusal, ReplyProblem};
use crate::domain::markdown;
use crate::error::AppError;
use crate::i18n::Msg;
use crate::web::flash::{self, Done, Flash};
use crate::web::{AppState, Csrf, CsrfForm, Page, private_page};
use crate::workflow::WorkflowError;
use crate::workflow::consultations::{self, Review};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/consultation/{token}", web::get().to(show))
        .route("/consultation/{token}", web::post().to(answer));
}

#[derive(Template)]
#[template(path = "consultation/review.html")]
struct ReviewPage {
    page: Page,
    csrf: Csrf,
    token: String,
    review: Review,
    form: AnswerForm,
    /// What to correct in the form, if it was refused.
    problem: Option<ReplyProblem>,
    /// The answer came when it could no longer be taken: why.
    closed: Option<Closed>,
}

impl ReviewPage {
    fn at(&self, moment: &chrono::NaiveDateTime) -> String {
        crate::routes::submit::at_time(&self.page, moment)
    }

    fn answer_html(&self) -> String {
        markdown::to_safe_html(self.review.request.answer.as_deref().unwrap_or_default())
    }

    fn errors(&self) -> Vec<(String, Msg)> {
        self.problem
            .map(|problem| {
                let field = match problem {
                    ReplyProblem::NoChoice => "answer-no_objection",
                    _ => "comments",
                };
                (field.to_owned(), self.message())
            })
            .into_iter()
            .collect()
    }

    fn message(&self) -> Msg {
        match self.problem {
            Some(ReplyProblem::NoChoice) => Msg::new("form-review-choose"),
            Some(ReplyProblem::NoComments) => Msg::new("form-review-comments-missing"),
            Some(ReplyProblem::TooLong) => Msg::new("form-review-comments-too-long"),
            None => Msg::default(),
        }
    }

    fn comments_error(&self) -> Msg {
        match self.problem {
            Some(ReplyProblem::NoComments | ReplyProblem::TooLong) => self.message(),
            _ => Msg::default(),
        }
    }

    fn choice_error(&self) -> Msg {
        match self.problem {
            Some(ReplyProblem::NoChoice) => self.message(),
            _ => Msg::default(),
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AnswerForm {
    answer: String,
    comments: String,
}

async fn render(
    state: &AppState,
    csrf: Csrf,
    flash: Flash,
    token: String,
    form: AnswerForm,
    refusal: Option<Refusal>,
) -> Result<HttpResponse, AppError> {
    let (lookup, now) = (token.clone(), state.clock.now());
    let review = state
        .db(move |conn| Ok(consultations::review(conn, &lookup, now)?))
        .await?;
    let (status, problem, closed) = match refusal {
        Some(Refusal::Reply(problem)) => (StatusCode::UNPROCESSABLE_ENTITY, Some(problem), None),
        Some(Refusal::Closed(closed)) => (StatusCode::CONFLICT, None, Some(closed)),
        Some(Refusal::Hold(_)) | None => (StatusCode::OK, None, None),
    };
    let body = ReviewPage {
        page: state.page("").showing(flash),
        csrf,
        token,
        review,
        form,
        problem,
        closed,
    }
    .render()?;
    Ok(private_page(status, body))
}

pub async fn show(
    state: web::Data<AppState>,
    token: web::Path<String>,
    csrf: Csrf,
    flash: Flash,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    render(&state, csrf, flash, token, AnswerForm::default(), None).await
}

pub async fn answer(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    csrf: Csrf,
    CsrfForm(form): CsrfForm<AnswerForm>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let (ctx, lookup) = (state.workflow(), token.clone());
    let (choice, comments) = (form.answer.clone(), form.comments.clone());
    let outcome = state
        .db(move |conn| {
            Ok(consultations::answer(
                conn, &ctx, &lookup, &choice, &comments,
            ))
        })
        .await?;
    match outcome {
        Ok(()) => {
            state.wake_mail_worker();
            Ok(flash::see_other(
                &req,
                &format!("/consultation/{token}"),
                Done::LiaisonAnswered,
            ))
        }
        Err(WorkflowError::Consultation(refusal)) => {
            render(&state, csrf, Flash(None), token, form, Some(refusal)).await
        }
        Err(e) => Err(e.into()),
    }
}
