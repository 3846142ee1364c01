//! Error pages: any error response (ours or actix's) becomes a page in the
//! site's layout saying what happened and what to do, or JSON under
//! `/api/`, where programs read.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::web;
use askama::Template;
use serde::Serialize;
use utoipa::ToSchema;

use crate::domain::fields::FieldErrors;
use crate::error::AppError;
use crate::web::{AppState, Page};

/// What went wrong, as the API says it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// In a sentence.
    pub error: String,
    /// For refused query parameters: the message of each, by name.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub fields: Option<std::collections::BTreeMap<String, String>>,
}

impl ErrorBody {
    pub fn new(error: impl Into<String>) -> Self {
        ErrorBody {
            error: error.into(),
            fields: None,
        }
    }

    pub fn invalid(errors: &FieldErrors) -> Self {
        ErrorBody {
            error: "Some query parameters are not valid; see fields.".into(),
            fields: Some(errors.as_slice().iter().cloned().collect()),
        }
    }
}

/// What a person reads on an error page.
struct Explanation {
    title: &'static str,
    message: String,
    back: Option<(String, &'static str)>,
}

/// `path` is the address asked for, for a way back to the form.
fn explain(status: StatusCode, error: Option<&AppError>, path: &str) -> Explanation {
    let plain = |title, message: &str| Explanation {
        title,
        message: message.to_owned(),
        back: None,
    };
    match (status.as_u16(), error) {
        (403, Some(AppError::CsrfRejected)) => Explanation {
            title: "This form has expired",
            message: "For your protection, every form carries a security token tied to this browser, and the one sent did not match. This happens when a page was open for a long time, when cookies are blocked for this site, or when the form was sent from another site. Nothing was saved. Go back, reload the page and send the form again.".into(),
            back: Some((path.to_owned(), "Back to the form")),
        },
        (409, Some(AppError::Conflict(why))) => Explanation {
            title: "This could not be done",
            message: format!("{why} Nothing was changed."),
            back: None,
        },
        (404, _) => plain(
            "Page not found",
            "There is nothing at this address. If you typed it, check it; if you followed a link, it may be out of date. You can search the published clarifications or browse the standards instead.",
        ),
        (413, _) => plain(
            "What you sent is too large",
            "We accept at most 64 KiB of text in one form. Nothing was saved. Go back, shorten the longest fields and send the form again.",
        ),
        (422, _) => plain(
            "We could not read what was sent",
            "The form arrived in a shape we could not understand. Nothing was saved. Go back, reload the page and try again.",
        ),
        (429, _) => plain(
            "Too many attempts",
            "You have sent this too many times in a short while. Nothing more was saved. Please wait a while and try again.",
        ),
        (400, _) => plain(
            "We could not understand that request",
            "Part of the address or of what was sent is not valid. Nothing was saved.",
        ),
        (405, _) => plain(
            "That action is not available here",
            "This address does not accept that kind of request. Use the links and buttons on the pages.",
        ),
        (503, _) => plain(
            "Temporarily unavailable",
            "The service is busy or its database cannot be reached right now. Nothing was saved. Please try again in a minute.",
        ),
        _ => plain(
            "Something went wrong on our side",
            "We could not complete this. The problem has been logged and nothing was half-saved. Please try again later.",
        ),
    }
}

#[derive(Template)]
#[template(path = "errors/error.html")]
struct ErrorPage<'a> {
    page: Page,
    status: u16,
    title: &'a str,
    message: &'a str,
    back_href: Option<String>,
    back_label: Option<String>,
}

/// Middleware: replaces the body of every error response with the error
/// page. Responses a handler rendered on purpose (a form with errors, 422)
/// carry no error and pass through untouched.
pub async fn render_error_pages(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let res = next.call(req).await?;
    let status = res.status();
    let Some(error) = res.response().error() else {
        return Ok(res.map_into_boxed_body());
    };
    if !(status.is_client_error() || status.is_server_error()) {
        return Ok(res.map_into_boxed_body());
    }
    // Programs read the API: its errors are JSON, as its answers are.
    if res.request().path().starts_with("/api/") {
        let reason = status.canonical_reason().unwrap_or("Error");
        let body = serde_json::to_string(&ErrorBody::new(reason)).unwrap_or_default();
        let (req, mut response) = res.into_parts();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        return Ok(ServiceResponse::new(
            req,
            response.set_body(body).map_into_boxed_body(),
        ));
    }
    let explanation = explain(status, error.as_error::<AppError>(), res.request().path());
    let page = match &state {
        Some(state) => state.page(""),
        None => Page::bare(),
    };
    let (back_href, back_label) = match explanation.back {
        Some((href, label)) => (Some(href), Some(label.to_owned())),
        None => (None, None),
    };
    let body = ErrorPage {
        page,
        status: status.as_u16(),
        title: explanation.title,
        message: &explanation.message,
        back_href,
        back_label,
    }
    .render()
    .unwrap_or_else(|_| explanation.title.to_owned());
    let (req, mut response) = res.into_parts();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    let response = response.set_body(body).map_into_boxed_body();
    Ok(ServiceResponse::new(req, response))
}

#[cfg(test)]
mod tests {
    use actix_web::middleware::from_fn;
    use actix_web::{App, HttpResponse, test, web};

    use super::*;

    async fn fail_with(error: web::Path<String>) -> Result<HttpResponse, AppError> {
        Err(match error.as_str() {
            "internal" => AppError::Internal("secret detail: password=hunter2".into()),
            "database" => AppError::Database(diesel::result::Error::BrokenTransactionManager),
            "bad-form" => AppError::BadForm("missing field".into()),
            _ => AppError::NotFound,
        })
    }

    #[actix_web::test]
    async fn errors_become_pages_without_their_details() {
        let app = test::init_service(
            App::new()
                .route("/fail/{error}", web::get().to(fail_with))
                .wrap(from_fn(render_error_pages)),
        )
        .await;
        for (error, status, title) in [
            ("internal", 500, "Something went wrong on our side"),
            ("database", 500, "Something went wrong on our side"),
            ("bad-form", 422, "We could not read what was sent"),
            ("missing", 404, "Page not found"),
        ] {
            let request = test::TestRequest::get()
                .uri(&format!("/fail/{error}"))
                .to_request();
            let response = test::call_service(&app, request).await;
            assert_eq!(response.status().as_u16(), status, "{error}");
            assert_eq!(
                response.headers().get("content-type").unwrap(),
                "text/html; charset=utf-8"
            );
            let body = String::from_utf8(test::read_body(response).await.to_vec()).unwrap();
            assert!(
                body.contains(&format!("<h1>{title}</h1>")),
                "{error}: {body}"
            );
            assert!(
                !body.contains("hunter2") && !body.contains("missing field"),
                "{body}"
            );
        }
    }
}
