//! First run: the one-time link printed in the log creates the first
//! secretariat account and signs its owner in; used again, it says so.

use crate::i18n::Msg;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use crate::domain::email::EmailAddress;
use crate::domain::fields::FieldErrors;
use crate::domain::password;
use crate::domain::person::{NameProblem, PersonName};
use crate::error::AppError;
use crate::web::flash::{self, Done};
use crate::web::{AppState, Csrf, CsrfForm, Page, session};
use crate::workflow::accounts::{self, SetupLink};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/setup/{token}", web::get().to(show))
        .route("/setup/{token}", web::post().to(create));
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SetupForm {
    name: String,
    email: String,
    password: String,
    password_confirmation: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "setup/form.html")]
pub struct SetupPage {
    page: Page,
    csrf: Csrf,
    action: String,
    form: SetupForm,
    errors: FieldErrors,
}

#[derive(Template, WebTemplate)]
#[template(path = "setup/used.html")]
pub struct UsedPage {
    page: Page,
}

/// Is this a live setup link, or a spent one? Anything else is a plain 404.
async fn check_token(state: &AppState, token: String) -> Result<SetupLink, AppError> {
    let now = state.clock.now();
    state
        .db(move |conn| Ok(accounts::check_setup_link(conn, &token, now)?))
        .await
}

/// A spent link: 410, and the way to sign in.
fn used(state: &AppState) -> Result<HttpResponse, AppError> {
    let body = UsedPage {
        page: state.page(""),
    }
    .render()?;
    Ok(HttpResponse::build(StatusCode::GONE)
        .content_type("text/html; charset=utf-8")
        .body(body))
}

async fn show(
    state: web::Data<AppState>,
    token: web::Path<String>,
    csrf: Csrf,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    if check_token(&state, token.clone()).await? == SetupLink::Used {
        return used(&state);
    }
    let body = SetupPage {
        page: state.page(""),
        csrf,
        action: format!("/setup/{token}"),
        form: SetupForm::default(),
        errors: FieldErrors::default(),
    }
    .render()?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(body))
}

async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    csrf: Csrf,
    CsrfForm(form): CsrfForm<SetupForm>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    if check_token(&state, token.clone()).await? == SetupLink::Used {
        return used(&state);
    }

    let mut errors = FieldErrors::default();
    let name = PersonName::parse(&form.name).map_err(|problem| match problem {
        NameProblem::HiddenFormatting => errors.add("name", Msg::new("form-setup-name-formatting")),
        NameProblem::Missing | NameProblem::TooLong => {
            errors.add("name", Msg::new("form-setup-name"))
        }
    });
    let email = EmailAddress::parse(&form.email);
    if let Err(message) = &email {
        errors.add("email", message.clone());
    }
    if let Err(message) = password::check_new(&form.password, &form.password_confirmation) {
        errors.add("password", message);
    }
    let (name, email) = match (name, email) {
        (Ok(name), Ok(email)) if errors.is_empty() => (name.into_string(), email),
        _ => return rerender(&state, csrf, token, form, errors),
    };

    let ctx = state.workflow();
    let password = form.password;
    let session_token = state
        .db(move |conn| {
            let account = accounts::FirstAccount {
                name: &name,
                email: &email,
                password: &password,
            };
            Ok(accounts::create_first_account(conn, &ctx, &token, account)?)
        })
        .await?;
    state.wake_mail_worker();
    tracing::info!("the first secretariat account was created; the setup link is spent");
    let mut response = flash::see_other(&req, "/workspace", Done::FirstAccount);
    let _ = response.add_cookie(&session::cookie(session_token, state.settings.is_https()));
    Ok(response)
}

fn rerender(
    state: &AppState,
    csrf: Csrf,
    token: String,
    form: SetupForm,
    errors: FieldErrors,
) -> Result<HttpResponse, AppError> {
    let body = SetupPage {
        page: state.page(""),
        csrf,
        action: format!("/setup/{token}"),
        form: SetupForm {
            // Passwords are never sent back into a page.
            password: String::new(),
            password_confirmation: String::new(),
            ..form
        },
        errors,
    }
    .render()?;
    Ok(HttpResponse::build(StatusCode::UNPROCESSABLE_ENTITY)
        .content_type("text/html; charset=utf-8")
        .body(body))
}
