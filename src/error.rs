//! The one error type of handlers, and the answer each kind of error gets:
//! its status (the page explaining it is [`crate::web::error_pages`]'s),
//! and how a workflow's refusal becomes one.

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpResponse, ResponseError};

use crate::i18n::Msg;
use crate::workflow::WorkflowError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    /// Anonymous visitor on a page for signed-in people.
    #[error("sign-in required")]
    LoginRequired { next: String },
    #[error("the request body is larger than allowed")]
    PayloadTooLarge,
    #[error("the form could not be read: {0}")]
    BadForm(String),
    /// Carries nothing of the request: its path may hold a token, and
    /// errors reach the log.
    #[error("the form's security token did not match")]
    CsrfRejected,
    #[error("too many requests")]
    TooManyRequests,
    /// The action is not possible now; the message says why to the person.
    #[error("{}", .0.english())]
    Conflict(Msg),
    #[error("database error: {0}")]
    Database(diesel::result::Error),
    #[error("database unavailable: {0}")]
    Unavailable(String),
    #[error("internal error: {0}")]
    Internal(String),
}

/// The one place where database errors get their answer: a missing row is
/// 404, a database that cannot serve right now (see
/// [`crate::db::is_unavailable`]) 503, anything else 500.
impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        match e {
            diesel::result::Error::NotFound => Self::NotFound,
            e if crate::db::is_unavailable(&e) => Self::Unavailable(e.to_string()),
            other => Self::Database(other),
        }
    }
}

impl From<diesel::r2d2::PoolError> for AppError {
    fn from(e: diesel::r2d2::PoolError) -> Self {
        Self::Unavailable(e.to_string())
    }
}

impl From<askama::Error> for AppError {
    fn from(e: askama::Error) -> Self {
        Self::Internal(format!("template: {e}"))
    }
}

impl From<actix_web::error::BlockingError> for AppError {
    fn from(e: actix_web::error::BlockingError) -> Self {
        Self::Internal(e.to_string())
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::LoginRequired { .. } => StatusCode::SEE_OTHER,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::BadForm(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::CsrfRejected => StatusCode::FORBIDDEN,
            Self::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            Self::Conflict(_) => StatusCode::CONFLICT,
            Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Database(_) | Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let Self::LoginRequired { next } = self {
            let location = format!(
                "/login?{}",
                serde_urlencoded::to_string([("next", next)]).unwrap_or_default()
            );
            return HttpResponse::SeeOther()
                .insert_header((header::LOCATION, location))
                .finish();
        }
        if self.status_code().is_server_error() {
            // The details go to the log only, never to the page.
            tracing::error!(error = %self, "request failed");
        }
        HttpResponse::build(self.status_code())
            .content_type("text/plain; charset=utf-8")
            .body(self.status_code().canonical_reason().unwrap_or("Error"))
    }
}

impl From<WorkflowError> for AppError {
    fn from(e: WorkflowError) -> Self {
        match e {
            WorkflowError::Refused(_)
            | WorkflowError::Changed
            | WorkflowError::Round(_)
            | WorkflowError::Consultation(_)
            | WorkflowError::GroupCannotAnswer(_) => AppError::Conflict(e.message()),
            WorkflowError::NotFound => AppError::NotFound,
            WorkflowError::Invalid(message) | WorkflowError::Field { message, .. } => {
                AppError::Conflict(message)
            }
            WorkflowError::Database(e) => AppError::from(e),
            WorkflowError::Internal(message) => AppError::Internal(message),
        }
    }
}
