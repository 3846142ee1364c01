//! `/workspace/requests/{ref}/wording`: the public wording of a request
//! (standard, clause, question), which the secretariat, or the group's
//! convenor while the group has it, may edit before publication.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::request_form::{RequestForm, Shown, answer, save};
use crate::db::DbConn;
use crate::domain::fields::FieldErrors;
use crate::domain::wording::WordingInput;
use crate::error::AppError;
use crate::i18n::Msg;
use crate::models::users::User;
use crate::web::flash::Done;
use crate::web::{AppState, Csrf, CsrfForm, Page, SignedIn};
use crate::workflow::WorkflowError;
use crate::workflow::wording::{self, WordingView};

#[derive(Template)]
#[template(path = "workspace/wording.html")]
struct WordingPage {
    page: Page,
    csrf: Csrf,
    view: WordingView,
    input: WordingInput,
    errors: FieldErrors,
    /// Why the form was refused, when not for a field.
    problem: Option<Msg>,
}

impl WordingPage {
    fn reference(&self) -> &str {
        self.view.request.reference.as_deref().unwrap_or_default()
    }
}

// The page is private: it shows the submitter's own words.
impl RequestForm for WordingPage {
    type View = WordingView;
    type Input = WordingInput;

    fn read(conn: &mut DbConn, user: &User, reference: &str) -> Result<WordingView, WorkflowError> {
        wording::page(conn, user, reference)
    }

    fn stored(view: &WordingView) -> WordingInput {
        view.input()
    }

    fn version(input: &WordingInput) -> i32 {
        input.version
    }

    fn at_version_of(typed: WordingInput, view: &WordingView) -> WordingInput {
        WordingInput {
            version: view.request.version,
            ..typed
        }
    }

    fn new(
        page: Page,
        csrf: Csrf,
        view: WordingView,
        (_, input, errors, problem): Shown<WordingInput>,
    ) -> Self {
        WordingPage {
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
    answer::<WordingPage>(&state, user, csrf, reference.into_inner(), None).await
}

pub async fn update(
    req: HttpRequest,
    state: web::Data<AppState>,
    SignedIn(user): SignedIn,
    csrf: Csrf,
    reference: web::Path<String>,
    CsrfForm(input): CsrfForm<WordingInput>,
) -> Result<HttpResponse, AppError> {
    save::<WordingPage, _>(
        &req,
        &state,
        user,
        csrf,
        reference.into_inner(),
        input,
        wording::edit,
        |edited| Done::WordingEdited {
            moved_to: edited.moved_to,
        },
    )
    .await
}
