//! The page of a form about one request that edits stored fields (its
//! public wording, its French version): read for the person asking,
//! prefilled with what is stored, or shown again after a refusal with
//! what was typed and a message per field, answered 422.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use askama::Template;

use crate::db::DbConn;
use crate::domain::fields::FieldErrors;
use crate::error::AppError;
use crate::models::users::User;
use crate::web::{AppState, Csrf, Page, Viewer, private_page};
use crate::workflow::WorkflowError;

/// A form page about one request.
pub trait RequestForm: Template + Sized {
    /// What the page shows of the request.
    type View: Send + 'static;
    /// The form's fields.
    type Input;

    /// The request as the form shows it to `user`, refused as the workflow
    /// refuses (not found, not theirs to edit).
    fn read(conn: &mut DbConn, user: &User, reference: &str) -> Result<Self::View, WorkflowError>;

    /// The fields as stored, which the form starts from.
    fn stored(view: &Self::View) -> Self::Input;

    fn new(
        page: Page,
        csrf: Csrf,
        view: Self::View,
        input: Self::Input,
        errors: FieldErrors,
    ) -> Self;
}

/// The page of the form `F` about `reference`, private to the person: with
/// `typed` and why it was refused, else with the stored fields.
pub async fn answer<F: RequestForm>(
    state: &AppState,
    user: User,
    csrf: Csrf,
    reference: String,
    typed: Option<(F::Input, FieldErrors)>,
) -> Result<HttpResponse, AppError> {
    let viewer = Viewer(Some(user.clone()));
    let view = state
        .db(move |conn| Ok(F::read(conn, &user, &reference)?))
        .await?;
    let (status, input, errors) = match typed {
        Some((input, errors)) => (StatusCode::UNPROCESSABLE_ENTITY, input, errors),
        None => (StatusCode::OK, F::stored(&view), FieldErrors::default()),
    };
    let page = state.page_as("workspace", &viewer, &csrf);
    let body = F::new(page, csrf, view, input, errors).render()?;
    Ok(private_page(status, body))
}
