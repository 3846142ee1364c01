//! `/track/{token}`: the submitter's private view of their request, where
//! they reply to the secretariat and may withdraw.

use crate::i18n::Msg;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use super::see_other;
use crate::domain::fields::FieldErrors;
use crate::domain::follow_up::{Kind, Window};
use crate::domain::lifecycle::{ClosureReason, State};
use crate::error::AppError;
use crate::models::requests::Request;
use crate::models::standards::Standard;
use crate::web::flash::{self, Done, Flash};
use crate::web::{AppState, Csrf, CsrfForm, Page, private_page};
use crate::workflow::WorkflowError;
use crate::workflow::follow_ups::{self, OnTracking, Reconsidered};
use crate::workflow::submitter::{self, Exchange, Progress, Stage, Step, Tracking};
use crate::workflow::wording::Submitted;

#[derive(Template, WebTemplate)]
#[template(path = "track/show.html")]
pub struct TrackPage {
    page: Page,
    csrf: Csrf,
    token: String,
    request: Request,
    standard: Standard,
    submitted_wording: Option<Submitted>,
    state: State,
    closure: Option<ClosureReason>,
    steps: Vec<Step>,
    exchanges: Vec<Exchange>,
    follow_ups: OnTracking,
    appeal_notice: Option<crate::models::appeals::Appeal>,
    with_liaisons: Option<chrono::NaiveDateTime>,
    reply: String,
    /// Why the reply was not taken, when not for its text.
    reply_refused: Option<Msg>,
    /// The reasons typed for a reconsideration.
    reasons: String,
    errors: FieldErrors,
    /// A reconsideration asked for when it could not be: why.
    refused: Option<Window>,
    /// Why the request was not withdrawn: it changed or closed meanwhile.
    withdrawal_refused: Option<Msg>,
    /// How long after a decision reconsideration may be asked for.
    days: u32,
}

impl TrackPage {
    fn at(&self, moment: &chrono::NaiveDateTime) -> String {
        super::at_time(&self.page, moment)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "track/withdraw.html")]
pub struct WithdrawPage {
    page: Page,
    csrf: Csrf,
    token: String,
    request: Request,
    standard: Standard,
}

const REPLY_MAX: usize = 10_000;

async fn load(state: &AppState, token: &str) -> Result<Tracking, AppError> {
    let (token, now) = (token.to_owned(), state.clock.now());
    let days = state.settings.reconsideration_days;
    state
        .db(move |conn| Ok(submitter::tracking(conn, &token, now, days)?))
        .await
}

/// What a form of the tracking page sent, shown again when it is refused.
#[derive(Default)]
struct Sent {
    reply: String,
    /// Why the reply was not taken, when not for its text.
    reply_refused: Option<Msg>,
    reasons: String,
    errors: FieldErrors,
    refused: Option<Window>,
    withdrawal_refused: Option<Msg>,
}

async fn render(
    state: &AppState,
    csrf: Csrf,
    flash: Flash,
    token: String,
    sent: Sent,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let Tracking {
        request,
        standard,
        submitted_wording,
        steps,
        exchanges,
        follow_ups,
        appeal_notice,
        with_liaisons,
    } = load(state, &token).await?;
    let body = TrackPage {
        page: state.page("").showing(flash),
        csrf,
        token,
        closure: request.closure_reason,
        steps,
        exchanges,
        appeal_notice,
        with_liaisons,
        submitted_wording,
        state: request.state,
        request,
        standard,
        follow_ups,
        reply: sent.reply,
        reply_refused: sent.reply_refused,
        reasons: sent.reasons,
        errors: sent.errors,
        refused: sent.refused,
        withdrawal_refused: sent.withdrawal_refused,
        days: state.settings.reconsideration_days,
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
    render(
        &state,
        csrf,
        flash,
        token.into_inner(),
        Sent::default(),
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize)]
pub struct ReplyForm {
    #[serde(default)]
    reply: String,
    #[serde(default)]
    version: i32,
}

pub async fn reply(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    csrf: Csrf,
    CsrfForm(form): CsrfForm<ReplyForm>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let text = form.reply.trim().to_owned();
    let mut errors = FieldErrors::default();
    if text.is_empty() {
        errors.add("reply", Msg::new("form-reply-missing"));
    } else if text.chars().count() > REPLY_MAX {
        errors.add("reply", Msg::new("form-reply-too-long"));
    }
    let (status, sent) = if errors.is_empty() {
        let ctx = state.workflow();
        let (lookup, version) = (token.clone(), form.version);
        let sent = state
            .db(move |conn| Ok(submitter::reply(conn, &ctx, &lookup, version, &text)))
            .await?;
        match sent {
            Ok(()) => {
                state.wake_mail_worker();
                return Ok(flash::see_other(
                    &req,
                    &format!("/track/{token}"),
                    Done::Replied,
                ));
            }
            // The secretariat moved the request on while the reply was
            // being written: the page shows it as it is now, the reply kept.
            Err(e @ (WorkflowError::Changed | WorkflowError::Refused(_))) => (
                StatusCode::CONFLICT,
                Sent {
                    reply: form.reply,
                    reply_refused: Some(e.message()),
                    ..Sent::default()
                },
            ),
            Err(e) => return Err(e.into()),
        }
    } else {
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Sent {
                reply: form.reply,
                errors,
                ..Sent::default()
            },
        )
    };
    render(&state, csrf, Flash(None), token, sent, status).await
}

pub async fn confirm_withdrawal(
    state: web::Data<AppState>,
    token: web::Path<String>,
    csrf: Csrf,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let Tracking {
        request, standard, ..
    } = load(&state, &token).await?;
    if !request.state.is_open() {
        return Ok(see_other(&format!("/track/{token}")));
    }
    let body = WithdrawPage {
        page: state.page(""),
        csrf,
        token,
        request,
        standard,
    }
    .render()?;
    Ok(private_page(StatusCode::OK, body))
}

#[derive(Deserialize)]
pub struct WithdrawForm {
    #[serde(default)]
    version: i32,
}

/// Withdraws the request; when it changed or closed since the
/// confirmation was shown, the tracking page as it is now says so.
pub async fn withdraw(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    csrf: Csrf,
    CsrfForm(form): CsrfForm<WithdrawForm>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let ctx = state.workflow();
    let lookup = token.clone();
    let withdrawn = state
        .db(move |conn| Ok(submitter::withdraw(conn, &ctx, &lookup, form.version)))
        .await?;
    match withdrawn {
        Ok(()) => {
            state.wake_mail_worker();
            Ok(flash::see_other(
                &req,
                &format!("/track/{token}"),
                Done::Withdrawn,
            ))
        }
        Err(e @ (WorkflowError::Changed | WorkflowError::Refused(_))) => {
            let sent = Sent {
                withdrawal_refused: Some(e.message()),
                ..Sent::default()
            };
            render(&state, csrf, Flash(None), token, sent, StatusCode::CONFLICT).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct ReconsiderationForm {
    #[serde(default)]
    reasons: String,
}

/// The submitter asks for the decision to be reconsidered: to the new
/// request's tracking page; the page again, saying why, when it cannot be.
pub async fn reconsider(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    csrf: Csrf,
    CsrfForm(form): CsrfForm<ReconsiderationForm>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let ctx = state.workflow();
    let days = state.settings.reconsideration_days;
    let (lookup, reasons) = (token.clone(), form.reasons.clone());
    let outcome = state
        .db(move |conn| {
            Ok(
                match follow_ups::reconsider(conn, &ctx, &lookup, &reasons, days) {
                    Err(WorkflowError::Field { field, message }) => {
                        let mut errors = FieldErrors::default();
                        errors.add(field, message);
                        Err(errors)
                    }
                    outcome => Ok(outcome?),
                },
            )
        })
        .await?;
    let refused = |errors, refused| Sent {
        reasons: form.reasons.clone(),
        errors,
        refused,
        ..Sent::default()
    };
    match outcome {
        Ok(Reconsidered::Now {
            track_token,
            reference,
        }) => {
            state.wake_mail_worker();
            Ok(flash::see_other(
                &req,
                &format!("/track/{track_token}"),
                Done::ReconsiderationAsked { reference },
            ))
        }
        Ok(Reconsidered::Refused(window)) => {
            let sent = refused(FieldErrors::default(), Some(window));
            render(&state, csrf, Flash(None), token, sent, StatusCode::CONFLICT).await
        }
        Err(errors) => {
            let sent = refused(errors, None);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            render(&state, csrf, Flash(None), token, sent, status).await
        }
    }
}
