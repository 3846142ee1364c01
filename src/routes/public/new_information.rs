//! `/clarifications/{ref}/new-information`: anyone may send information
//! bearing on a published clarification; it becomes a request that
//! follows it, confirmed by e-mail as a request is.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;

use crate::domain::fields::FieldErrors;
use crate::domain::follow_up::{NewInformation, NewInformationInput};
use crate::error::AppError;
use crate::models::requests::Request;
use crate::routes::submit::see_other;
use crate::web::{AppState, Csrf, CsrfForm, Page, client_key, language};
use crate::workflow::follow_ups::{self, Sent};

#[derive(Template, WebTemplate)]
#[template(path = "follow_ups/new_information.html")]
pub struct FormPage {
    page: Page,
    csrf: Csrf,
    clarification: Request,
    input: NewInformationInput,
    errors: FieldErrors,
    /// Too many submissions from this address in the last hour.
    throttled: bool,
}

async fn render(
    state: &AppState,
    csrf: Csrf,
    reference: String,
    input: NewInformationInput,
    errors: FieldErrors,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let clarification = state
        .db(move |conn| Ok(follow_ups::published(conn, &reference)?))
        .await?;
    let body = FormPage {
        page: state.page("clarifications"),
        csrf,
        clarification,
        input,
        errors,
        throttled: status == StatusCode::TOO_MANY_REQUESTS,
    }
    .render()?;
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(body))
}

pub async fn show(
    state: web::Data<AppState>,
    reference: web::Path<String>,
    csrf: Csrf,
) -> Result<HttpResponse, AppError> {
    let input = NewInformationInput::default();
    let (errors, status) = (FieldErrors::default(), StatusCode::OK);
    render(&state, csrf, reference.into_inner(), input, errors, status).await
}

pub async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    reference: web::Path<String>,
    csrf: Csrf,
    CsrfForm(input): CsrfForm<NewInformationInput>,
) -> Result<HttpResponse, AppError> {
    let reference = reference.into_inner();
    // A robot filled the hidden field: answer as if all went well.
    if !input.website.is_empty() {
        tracing::info!("new information filled the honeypot; nothing stored");
        return Ok(see_other("/requests/sent"));
    }
    let information = match input.validate() {
        Ok(information) => NewInformation {
            language: Some(language::reader().lang.tag()),
            ..information
        },
        Err(errors) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return render(&state, csrf, reference, input, errors, status).await;
        }
    };
    let ctx = state.workflow();
    let from = client_key(&req, &state.settings);
    let per_hour = state.settings.submissions_per_hour;
    let lookup = reference.clone();
    let outcome = state
        .db(move |conn| {
            Ok(follow_ups::send_new_information(
                conn,
                &ctx,
                &lookup,
                &information,
                &from,
                per_hour,
            )?)
        })
        .await?;
    match outcome {
        Sent::Stored => {
            state.wake_mail_worker();
            Ok(see_other("/requests/sent"))
        }
        Sent::Throttled => {
            let (errors, status) = (FieldErrors::default(), StatusCode::TOO_MANY_REQUESTS);
            render(&state, csrf, reference, input, errors, status).await
        }
    }
}
