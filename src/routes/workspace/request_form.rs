//! The page of a form about one request that edits stored fields (its
//! public wording, its French version): read for the person asking,
//! prefilled with what is stored, or shown again after a refusal with
//! what was typed and a message per field, answered 422. And how every
//! form about one request is shown again when refused ([`Refused`]).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

use crate::db::DbConn;
use crate::domain::fields::FieldErrors;
use crate::error::AppError;
use crate::i18n::Msg;
use crate::models::users::User;
use crate::web::flash::{self, Done};
use crate::web::{AppState, Csrf, Page, Viewer, private_page};
use crate::workflow::registry::Outcome;
use crate::workflow::workspace::Acting;
use crate::workflow::{Ctx, WorkflowError};

/// What a form about one request was refused for: a field to correct, or
/// why it could not be done (nothing changed either way).
pub enum Refused {
    Fields(FieldErrors),
    Said(StatusCode, Msg),
}

/// A refused form as shown again: its status, what was typed, the fields'
/// messages and what the page says.
pub type Shown<I> = (StatusCode, I, FieldErrors, Option<Msg>);

impl Refused {
    /// Splits a refusal a form's page shows from an error answered with a
    /// page of its own.
    pub fn of(e: WorkflowError) -> Result<Refused, AppError> {
        match e {
            WorkflowError::Field { field, message } => {
                let mut errors = FieldErrors::default();
                errors.add(field, message);
                Ok(Refused::Fields(errors))
            }
            e @ WorkflowError::Invalid(_) => {
                Ok(Refused::Said(StatusCode::UNPROCESSABLE_ENTITY, e.message()))
            }
            e @ (WorkflowError::Changed
            | WorkflowError::Refused(_)
            | WorkflowError::GroupCannotAnswer(_)) => {
                Ok(Refused::Said(StatusCode::CONFLICT, e.message()))
            }
            e => Err(e.into()),
        }
    }

    /// The form shown again with what was typed. After a conflict (the
    /// request changed meanwhile), the page shows the request as it is now
    /// and `current` puts the form on its current version, so that sending
    /// it again acts on what the page shows; after a mistake the version
    /// read stays, so that a change made meanwhile is still told.
    pub fn shown<I>(self, typed: I, current: impl FnOnce(I) -> I) -> Shown<I> {
        match self {
            Refused::Fields(errors) => (StatusCode::UNPROCESSABLE_ENTITY, typed, errors, None),
            Refused::Said(status, said) => {
                let typed = if status == StatusCode::CONFLICT {
                    current(typed)
                } else {
                    typed
                };
                (status, typed, FieldErrors::default(), Some(said))
            }
        }
    }
}

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

    /// The version of the request the form was filled in on.
    fn version(input: &Self::Input) -> i32;

    /// What was typed, on the version of the request `view` shows.
    fn at_version_of(typed: Self::Input, view: &Self::View) -> Self::Input;

    fn new(page: Page, csrf: Csrf, view: Self::View, shown: Shown<Self::Input>) -> Self;
}

/// The page of the form `F` about `reference`, private to the person: with
/// `typed` and why it was refused, else with the stored fields.
pub async fn answer<F: RequestForm>(
    state: &AppState,
    user: User,
    csrf: Csrf,
    reference: String,
    typed: Option<(F::Input, Refused)>,
) -> Result<HttpResponse, AppError> {
    let viewer = Viewer(Some(user.clone()));
    let view = state
        .db(move |conn| Ok(F::read(conn, &user, &reference)?))
        .await?;
    let shown = match typed {
        Some((input, why)) => why.shown(input, |typed| F::at_version_of(typed, &view)),
        None => (
            StatusCode::OK,
            F::stored(&view),
            FieldErrors::default(),
            None,
        ),
    };
    let status = shown.0;
    let page = state.page_as("workspace", &viewer, &csrf);
    let body = F::new(page, csrf, view, shown).render()?;
    Ok(private_page(status, body))
}

/// Sends the form `F` about `reference` to `step`: once done, back to the
/// request's page with the banner `done` names; refused, the form again
/// with what was typed and why.
#[allow(clippy::too_many_arguments)]
pub async fn save<F, T>(
    req: &HttpRequest,
    state: &AppState,
    user: User,
    csrf: Csrf,
    reference: String,
    input: F::Input,
    step: impl FnOnce(&mut DbConn, &Ctx, &Acting<'_>, &F::Input) -> Result<Outcome<T>, WorkflowError>
    + Send
    + 'static,
    done: impl FnOnce(T) -> Done,
) -> Result<HttpResponse, AppError>
where
    F: RequestForm,
    F::Input: Send + 'static,
    T: Send + 'static,
{
    let ctx = state.workflow();
    let (actor, target) = (user.clone(), reference.clone());
    let (input, outcome) = state
        .db(move |conn| {
            let acting = Acting {
                user: &actor,
                reference: &target,
                version: F::version(&input),
            };
            let outcome = step(conn, &ctx, &acting, &input);
            Ok((input, outcome))
        })
        .await?;
    let why = match outcome {
        Ok(Outcome::Done(result)) => {
            state.wake_mail_worker();
            return Ok(flash::see_other(
                req,
                &format!("/workspace/requests/{reference}"),
                done(result),
            ));
        }
        Ok(Outcome::Refused(errors)) => Refused::Fields(errors),
        Err(e) => Refused::of(e)?,
    };
    answer::<F>(state, user, csrf, reference, Some((input, why))).await
}
