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
            fields: Some(
                errors
                    .as_slice()
                    .iter()
                    .map(|(field, message)| (field.clone(), message.english()))
                    .collect(),
            ),
        }
    }
}

/// What a person reads on an error page: message keys of
/// `locales/*/clarion.ftl`, the page's language chooses the words.
struct Explanation {
    title: &'static str,
    message: &'static str,
    /// Why a workflow refused the action, before the message.
    why: Option<crate::i18n::Msg>,
    /// A way back: the address and the key of its label.
    back: Option<(String, &'static str)>,
}

/// `path` is the address asked for, for a way back to the form.
fn explain(status: StatusCode, error: Option<&AppError>, path: &str) -> Explanation {
    let plain = |title, message| Explanation {
        title,
        message,
        why: None,
        back: None,
    };
    match (status.as_u16(), error) {
        (403, Some(AppError::CsrfRejected)) => Explanation {
            back: Some((path.to_owned(), "error-back-to-form")),
            ..plain("error-expired-title", "error-expired-text")
        },
        (409, Some(AppError::Conflict(why))) => Explanation {
            why: Some(why.clone()),
            ..plain("error-conflict-title", "error-conflict-text")
        },
        (404, _) => plain("error-not-found-title", "error-not-found-text"),
        (413, _) => plain("error-too-large-title", "error-too-large-text"),
        (422, _) => plain("error-unreadable-title", "error-unreadable-text"),
        (429, _) => plain("error-too-many-title", "error-too-many-text"),
        (400, _) => plain("error-bad-request-title", "error-bad-request-text"),
        (405, _) => plain("error-method-title", "error-method-text"),
        (503, _) => plain("error-unavailable-title", "error-unavailable-text"),
        _ => plain("error-internal-title", "error-internal-text"),
    }
}

/// The kinds of private link mailed to people. Such a link that no longer
/// works (used, replaced, expired, erased or mistyped) gets a page saying
/// why these links stop and where to go instead: a bare "Page not found"
/// left people who followed a link from our own mail with no idea what
/// happened. Still a 404: nothing is at that address any more.
#[derive(Clone, Copy)]
enum Link {
    /// To choose a new password.
    Reset,
    /// To accept an invitation and choose a first password.
    Invitation,
    /// To confirm a clarification request before it is sent.
    Confirmation,
    /// To confirm following a standard by mail.
    Subscription,
    /// To endorse a request as its sponsor.
    Endorsement,
    /// To follow one's own request.
    Tracking,
    /// A liaison's, to review a decided answer before publication.
    Review,
}

impl Link {
    /// The kind of link `path` is, if it is one; the forms the link's page
    /// sends to count too.
    fn at(path: &str) -> Option<Link> {
        [
            ("/password/reset/", Link::Reset),
            ("/invitation/", Link::Invitation),
            ("/requests/confirm/", Link::Confirmation),
            ("/subscriptions/confirm/", Link::Subscription),
            ("/endorse/", Link::Endorsement),
            ("/track/", Link::Tracking),
            ("/consultation/", Link::Review),
        ]
        .into_iter()
        .find_map(|(prefix, link)| path.starts_with(prefix).then_some(link))
    }
}

#[derive(Template)]
#[template(path = "errors/link_gone.html")]
struct LinkGonePage {
    page: Page,
    link: Link,
}

#[derive(Template)]
#[template(path = "errors/error.html")]
struct ErrorPage {
    page: Page,
    status: u16,
    title: &'static str,
    message: &'static str,
    why: Option<crate::i18n::Msg>,
    back_href: Option<String>,
    back_label: Option<&'static str>,
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
        // A program's author reads a 400 to find what is wrong with the
        // address (a parameter given twice, control characters): the
        // parser's own words say.
        let message = if status == StatusCode::BAD_REQUEST {
            format!("The address cannot be read: {error}.")
        } else {
            status.canonical_reason().unwrap_or("Error").to_owned()
        };
        let body = serde_json::to_string(&ErrorBody::new(&message)).unwrap_or_default();
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
    let page = match &state {
        Some(state) => state.page(""),
        None => Page::bare(),
    };
    let path = res.request().path();
    let body = match Link::at(path).filter(|_| status == StatusCode::NOT_FOUND) {
        Some(link) => {
            let fallback = page.t("error-not-found-title");
            LinkGonePage { page, link }.render().unwrap_or(fallback)
        }
        None => {
            let explanation = explain(status, error.as_error::<AppError>(), path);
            let (back_href, back_label) = match explanation.back {
                Some((href, label)) => (Some(href), Some(label)),
                None => (None, None),
            };
            let fallback = page.t(explanation.title);
            ErrorPage {
                page,
                status: status.as_u16(),
                title: explanation.title,
                message: explanation.message,
                why: explanation.why,
                back_href,
                back_label,
            }
            .render()
            .unwrap_or(fallback)
        }
    };
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
    async fn every_error_page_has_its_words_in_every_language() {
        let errors = [
            Some(AppError::CsrfRejected),
            Some(AppError::Conflict(crate::i18n::Msg::new("refusal-changed"))),
            None,
        ];
        for status in [400, 403, 404, 405, 409, 413, 422, 429, 500, 503] {
            for error in &errors {
                let status = StatusCode::from_u16(status).unwrap();
                let e = explain(status, error.as_ref(), "/form");
                let keys = [Some(e.title), Some(e.message), e.back.map(|b| b.1)];
                for lang in crate::i18n::Languages::default().all() {
                    for key in keys.iter().flatten() {
                        assert!(lang.has(key), "{} lacks {key}", lang.tag());
                    }
                }
            }
        }
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
