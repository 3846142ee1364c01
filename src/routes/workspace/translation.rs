//! `/workspace/requests/{ref}/translation`: the French version of a
//! decided or published clarification, which the secretariat or the
//! group's convenor enters or replaces.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::request_form::{Refused, RequestForm, Shown, answer};
use crate::db::DbConn;
use crate::domain::fields::FieldErrors;
use crate::error::AppError;
use crate::i18n::Msg;
use crate::models::users::User;
use crate::web::flash::{self, Done};
use crate::web::{AppState, Csrf, CsrfForm, Page, SignedIn};
use crate::workflow::WorkflowError;
use crate::workflow::registry::Outcome;
use crate::workflow::translations::{self, TranslationInput, TranslationView};
use crate::workflow::workspace::Acting;

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
    let reference = reference.into_inner();
    let ctx = state.workflow();
    let (actor, target) = (user.clone(), reference.clone());
    let (input, outcome) = state
        .db(move |conn| {
            let acting = Acting {
                user: &actor,
                reference: &target,
                version: input.version,
            };
            let outcome = translations::enter(conn, &ctx, &acting, &input);
            Ok((input, outcome))
        })
        .await?;
    let why = match outcome {
        Ok(Outcome::Done(public)) => {
            return Ok(flash::see_other(
                &req,
                &format!("/workspace/requests/{reference}"),
                Done::Translated { public },
            ));
        }
        Ok(Outcome::Refused(errors)) => Refused::Fields(errors),
        Err(e) => Refused::of(e)?,
    };
    answer::<TranslationPage>(&state, user, csrf, reference, Some((input, why))).await
}
