//! `/track/{token}`: the submitter's private view of their request, where
//! they reply to the secretariat and may withdraw.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use chrono::NaiveDateTime;
use serde::Deserialize;

use super::see_other;
use crate::domain::fields::FieldErrors;
use crate::domain::lifecycle::{Action, ClosureReason, State};
use crate::error::AppError;
use crate::models::requests::Request;
use crate::models::standards::Standard;
use crate::models::{events, standards};
use crate::web::{AppState, Csrf, CsrfForm, Page};
use crate::workflow::submitter;

/// One step of the simple timeline.
pub struct Step {
    pub label: &'static str,
    /// "done", "current" or "todo"
    pub status: &'static str,
    pub at: Option<NaiveDateTime>,
}

/// A message between the secretariat and the submitter.
pub struct Exchange {
    pub from_secretariat: bool,
    pub text: String,
    pub at: NaiveDateTime,
}

#[derive(Template, WebTemplate)]
#[template(path = "track/show.html")]
pub struct TrackPage {
    page: Page,
    csrf: Csrf,
    token: String,
    request: Request,
    standard: Standard,
    state: State,
    closure: Option<ClosureReason>,
    steps: Vec<Step>,
    exchanges: Vec<Exchange>,
    reply: String,
    errors: FieldErrors,
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

fn steps(request: &Request, state: State, history: &[events::Event]) -> Vec<Step> {
    let at = |action: Action| {
        history
            .iter()
            .rev()
            .find(|e| e.action == action.as_str())
            .map(|e| e.created_at)
    };
    let reached = |s: State| match s {
        State::Screening => request.confirmed_at.is_some(),
        State::InGroup => at(Action::Accept).is_some(),
        State::Decided => request.decided_at.is_some(),
        _ => false,
    };
    let current = match state {
        State::PendingConfirmation | State::Screening | State::AwaitingSubmitter => 1,
        State::InGroup | State::Balloting => 2,
        State::Decided => 3,
        State::Published | State::Closed => 4,
    };
    let status = |index: usize, done: bool| match (index, done) {
        (i, _) if i == current && state != State::Published && state != State::Closed => "current",
        (_, true) => "done",
        (i, _) if i < current => "done",
        _ => "todo",
    };
    let last = match state {
        State::Closed => "Closed",
        _ => "Published",
    };
    vec![
        Step {
            label: "Received",
            status: "done",
            at: Some(request.created_at),
        },
        Step {
            label: "Screening by the secretariat",
            status: status(1, reached(State::Screening)),
            at: request.confirmed_at,
        },
        Step {
            label: "With the maintenance group",
            status: status(2, reached(State::InGroup)),
            at: at(Action::Accept),
        },
        Step {
            label: "Decided",
            status: status(3, reached(State::Decided)),
            at: request.decided_at,
        },
        Step {
            label: last,
            status: if current == 4 { "done" } else { "todo" },
            at: request.published_at.or(request.closed_at),
        },
    ]
}

fn exchanges(history: &[events::Event]) -> Vec<Exchange> {
    history
        .iter()
        .filter_map(|e| {
            let from_secretariat = e.action == Action::AskForInformation.as_str();
            let from_submitter = e.action == Action::Reply.as_str();
            match (&e.note, from_secretariat || from_submitter) {
                (Some(text), true) => Some(Exchange {
                    from_secretariat,
                    text: text.clone(),
                    at: e.created_at,
                }),
                _ => None,
            }
        })
        .collect()
}

async fn load(
    state: &AppState,
    token: &str,
) -> Result<(Request, Standard, Vec<events::Event>), AppError> {
    let (token, now) = (token.to_owned(), state.clock.now());
    state
        .db(move |conn| {
            let request = submitter::tracked(conn, &token, now)?;
            let standard = standards::find_by_id(conn, &request.standard_id)?;
            let history = events::for_request(conn, &request.id)?;
            Ok((request, standard, history))
        })
        .await
}

async fn render(
    state: &AppState,
    csrf: Csrf,
    token: String,
    reply: String,
    errors: FieldErrors,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let (request, standard, history) = load(state, &token).await?;
    let current = request.state();
    let body = TrackPage {
        page: state.page(""),
        csrf,
        token,
        closure: request
            .closure_reason
            .as_deref()
            .and_then(ClosureReason::parse),
        steps: steps(&request, current, &history),
        exchanges: exchanges(&history),
        state: current,
        request,
        standard,
        reply,
        errors,
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
        String::new(),
        FieldErrors::default(),
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
    state: web::Data<AppState>,
    token: web::Path<String>,
    csrf: Csrf,
    CsrfForm(form): CsrfForm<ReplyForm>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let text = form.reply.trim().to_owned();
    let mut errors = FieldErrors::default();
    if text.is_empty() {
        errors.add("reply", "Write your reply to the secretariat.");
    } else if text.chars().count() > REPLY_MAX {
        errors.add("reply", "Shorten your reply to at most 10,000 characters.");
    }
    if !errors.is_empty() {
        return render(
            &state,
            csrf,
            token,
            form.reply,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let ctx = state.workflow();
    let lookup = token.clone();
    state
        .db(move |conn| Ok(submitter::reply(conn, &ctx, &lookup, form.version, &text)?))
        .await?;
    state.wake_mail_worker();
    Ok(see_other(&format!("/track/{token}")))
}

pub async fn confirm_withdrawal(
    state: web::Data<AppState>,
    token: web::Path<String>,
    csrf: Csrf,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let (request, standard, _) = load(&state, &token).await?;
    if !request.state().is_open() {
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
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header(("cache-control", "private, no-store"))
        .body(body))
}

#[derive(Deserialize)]
pub struct WithdrawForm {
    #[serde(default)]
    version: i32,
}

pub async fn withdraw(
    state: web::Data<AppState>,
    token: web::Path<String>,
    CsrfForm(form): CsrfForm<WithdrawForm>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let ctx = state.workflow();
    let lookup = token.clone();
    state
        .db(move |conn| Ok(submitter::withdraw(conn, &ctx, &lookup, form.version)?))
        .await?;
    state.wake_mail_worker();
    Ok(see_other(&format!("/track/{token}")))
}
