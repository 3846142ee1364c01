//! `/workspace/requests/{ref}/translation`: the French version of a
//! decided or published clarification, which the secretariat or the
//! group's convenor enters or replaces.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::request_form::{RequestForm, Shown, answer, save};
use crate::db::DbConn;
use crate::domain::fields::FieldErrors;
use crate::error::AppError;
use crate::i18n::Msg;
use crate::models::users::User;
use crate::web::flash::Done;
use crate::web::{AppState, Csrf, CsrfForm, Page, SignedIn};
use crate::workflow::WorkflowError;
use crate::workflow::translations::{self, TranslationInput, TranslationView};

#[derive(Template)]
#[template(path = "workspace/translation.html")]
struct TranslationPage {
    page: Page,
    csrf: Csrf,
    view: TranslationView,
    input: TranslationInput,
    errors: FieldErrors,
    /// Why the form was refused, when not for a field.
    problem: Option<Msg>,
}

impl RequestForm for TranslationPage {
    type View = TranslationView;
    type Input = TranslationInput;

    fn read(
        conn: &mut DbConn,
        user: &User,
        reference: &str,
    ) -> Result<TranslationView, WorkflowError> {
        translations::page(conn, user, reference)
    }

    fn stored(view: &TranslationView) -> TranslationInput {
        view.input()
    }

    fn version(input: &TranslationInput) -> i32 {
        input.version
    }

    fn at_version_of(typed: TranslationInput, view: &TranslationView) -> TranslationInput {
        TranslationInput {
            version: view.request.version,
            ..typed
        }
    }

    fn new(
        page: Page,
        csrf: Csrf,
        view: TranslationView,
        (_, input, errors, problem): Shown<TranslationInput>,
    ) -> Self {
        TranslationPage {
            page,
            csrf,
            view,
            input,
            errors,
            problem,
        }
    }
}

pub async fn show(
    state: web::Data<AppState>,
    SignedIn(user): SignedIn,
    csrf: Csrf,
    reference: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    answer::<TranslationPage>(&state, user, csrf, reference.into_inner(), None).await
}

pub async fn update(
    req: HttpRequest,
    state: web::Data<AppState>,
    SignedIn(user): SignedIn,
    csrf: Csrf,
    reference: web::Path<String>,
    CsrfForm(input): CsrfForm<TranslationInput>,
) -> Result<HttpResponse, AppError> {
    save::<TranslationPage, _>(
        &req,
        &state,
        user,
        csrf,
        reference.into_inner(),
        input,
        translations::enter,
        |public| Done::Translated { public },
    )
    .await
}
