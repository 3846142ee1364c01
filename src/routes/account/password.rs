//! Choosing a password: after "forgot my password", or to accept an invitation.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use crate::domain::fields::FieldErrors;
use crate::domain::password;
use crate::error::AppError;
use crate::models::tokens::Purpose;
use crate::web::flash::{self, Done};
use crate::web::{AppState, Csrf, CsrfForm, Page, client_key};
use crate::workflow::accounts::{self, ResetAsked};

#[derive(Template, WebTemplate)]
#[template(path = "account/forgot.html")]
pub struct ForgotPage {
    page: Page,
    csrf: Csrf,
    sent: bool,
    throttled: bool,
    email: String,
    errors: FieldErrors,
}

pub async fn forgot(state: web::Data<AppState>, csrf: Csrf) -> ForgotPage {
    ForgotPage {
        page: state.page(""),
        csrf,
        sent: false,
        throttled: false,
        email: String::new(),
        errors: FieldErrors::default(),
    }
}

#[derive(Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    email: String,
}

/// The same answer whether or not the address has an account.
pub async fn send_reset(
    state: web::Data<AppState>,
    req: HttpRequest,
    csrf: Csrf,
    CsrfForm(form): CsrfForm<ForgotForm>,
) -> Result<HttpResponse, AppError> {
    let ctx = state.workflow();
    let client = client_key(&req, &state.settings);
    let email = form.email.clone();
    let asked = state
        .db(move |conn| Ok(accounts::request_reset(conn, &ctx, &email, &client)?))
        .await?;
    let mut page = ForgotPage {
        page: state.page(""),
        csrf,
        sent: false,
        throttled: false,
        email: form.email,
        errors: FieldErrors::default(),
    };
    let status = match asked {
        ResetAsked::Done => {
            state.wake_mail_worker();
            page.sent = true;
            StatusCode::OK
        }
        ResetAsked::Throttled => {
            page.throttled = true;
            StatusCode::TOO_MANY_REQUESTS
        }
        ResetAsked::NotAnAddress(message) => {
            page.errors.add("email", message);
            StatusCode::UNPROCESSABLE_ENTITY
        }
    };
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(page.render()?))
}

#[derive(Template, WebTemplate)]
#[template(path = "account/set_password.html")]
pub struct SetPasswordPage {
    page: Page,
    csrf: Csrf,
    action: String,
    link: Link,
    name: String,
    email: String,
    errors: FieldErrors,
}

/// The two kinds of link that lead to the "choose a password" form.
#[derive(Clone, Copy)]
enum Link {
    Reset,
    Invitation,
}

impl Link {
    fn purpose(self) -> Purpose {
        match self {
            Link::Reset => Purpose::Reset,
            Link::Invitation => Purpose::Invite,
        }
    }

    fn path(self, token: &str) -> String {
        match self {
            Link::Reset => format!("/password/reset/{token}"),
            Link::Invitation => format!("/invitation/{token}"),
        }
    }
}

async fn show(
    state: &AppState,
    csrf: Csrf,
    link: Link,
    token: String,
) -> Result<SetPasswordPage, AppError> {
    let now = state.clock.now();
    let lookup = token.clone();
    let user = state
        .db(move |conn| {
            Ok(accounts::account_for_link(
                conn,
                &lookup,
                link.purpose(),
                now,
            )?)
        })
        .await?;
    Ok(SetPasswordPage {
        page: state.page(""),
        csrf,
        action: link.path(&token),
        link,
        name: user.name,
        email: user.email,
        errors: FieldErrors::default(),
    })
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirmation: String,
}

async fn set(
    req: &HttpRequest,
    state: &AppState,
    csrf: Csrf,
    link: Link,
    token: String,
    form: PasswordForm,
) -> Result<HttpResponse, AppError> {
    if let Err(message) = password::check_new(&form.password, &form.password_confirmation) {
        let mut page = show(state, csrf, link, token).await?;
        page.errors.add("password", message);
        return Ok(HttpResponse::build(StatusCode::UNPROCESSABLE_ENTITY)
            .content_type("text/html; charset=utf-8")
            .body(page.render()?));
    }
    let now = state.clock.now();
    state
        .db(move |conn| {
            Ok(accounts::set_password_by_link(
                conn,
                &token,
                link.purpose(),
                &form.password,
                now,
            )?)
        })
        .await?;
    Ok(flash::see_other(req, "/login", Done::PasswordSet))
}

pub async fn show_reset(
    state: web::Data<AppState>,
    csrf: Csrf,
    token: web::Path<String>,
) -> Result<SetPasswordPage, AppError> {
    show(&state, csrf, Link::Reset, token.into_inner()).await
}

pub async fn reset(
    req: HttpRequest,
    state: web::Data<AppState>,
    csrf: Csrf,
    token: web::Path<String>,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> Result<HttpResponse, AppError> {
    set(&req, &state, csrf, Link::Reset, token.into_inner(), form).await
}

pub async fn show_invitation(
    state: web::Data<AppState>,
    csrf: Csrf,
    token: web::Path<String>,
) -> Result<SetPasswordPage, AppError> {
    show(&state, csrf, Link::Invitation, token.into_inner()).await
}

pub async fn accept_invitation(
    req: HttpRequest,
    state: web::Data<AppState>,
    csrf: Csrf,
    token: web::Path<String>,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> Result<HttpResponse, AppError> {
    set(
        &req,
        &state,
        csrf,
        Link::Invitation,
        token.into_inner(),
        form,
    )
    .await
}
