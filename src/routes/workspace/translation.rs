//! `/workspace/requests/{ref}/translation`: the French version of a
//! decided or published clarification, which the secretariat or the
//! group's convenor enters or replaces.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::domain::fields::FieldErrors;
use crate::error::AppError;
use crate::models::users::User;
use crate::web::flash::{self, Done};
use crate::web::{AppState, Csrf, CsrfForm, Page, SignedIn, Viewer, private_page};
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
}

async fn answer(
    state: &AppState,
    user: User,
    csrf: Csrf,
    reference: String,
    typed: Option<(TranslationInput, FieldErrors)>,
) -> Result<HttpResponse, AppError> {
    let viewer = Viewer(Some(user.clone()));
    let view = state
        .db(move |conn| Ok(translations::page(conn, &user, &reference)?))
        .await?;
    let (status, input, errors) = match typed {
        Some((input, errors)) => (StatusCode::UNPROCESSABLE_ENTITY, input, errors),
        None => (StatusCode::OK, view.input(), FieldErrors::default()),
    };
    let body = TranslationPage {
        page: state.page_as("workspace", &viewer, &csrf),
        csrf,
        view,
        input,
        errors,
    }
    .render()?;
    Ok(private_page(status, body))
}

pub async fn show(
    state: web::Data<AppState>,
    SignedIn(user): SignedIn,
    csrf: Csrf,
    reference: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    answer(&state, user, csrf, reference.into_inner(), None).await
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
            let outcome = translations::enter(conn, &ctx, &acting, &input)?;
            Ok((input, outcome))
        })
        .await?;
    match outcome {
        Outcome::Done(public) => Ok(flash::see_other(
            &req,
            &format!("/workspace/requests/{reference}"),
            Done::Translated { public },
        )),
        Outcome::Refused(errors) => {
            answer(&state, user, csrf, reference, Some((input, errors))).await
        }
    }
}
