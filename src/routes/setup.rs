//! First run: the one-time link printed in the log creates the first
//! secretariat account.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use crate::db;
use crate::domain::email::EmailAddress;
use crate::domain::fields::FieldErrors;
use crate::domain::password;
use crate::domain::person::{NameProblem, PersonName};
use crate::error::AppError;
use crate::mail::{self, Message, Outgoing, messages::Welcome};
use crate::models::tokens::{self, Purpose};
use crate::models::users::{self, NewUser};
use crate::web::{AppState, Csrf, CsrfForm, Page};

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
#[template(path = "setup/done.html")]
pub struct DonePage {
    page: Page,
    name: String,
    email: String,
}

/// Is this a live setup link? Anything else is a plain 404.
async fn check_token(state: &AppState, token: String) -> Result<String, AppError> {
    let now = state.clock.now();
    state
        .db(move |conn| {
            tokens::find_valid(conn, &token, Purpose::Setup, now)?
                .map(|t| t.token_hash)
                .ok_or(AppError::NotFound)
        })
        .await
}

async fn show(
    state: web::Data<AppState>,
    token: web::Path<String>,
    csrf: Csrf,
) -> Result<SetupPage, AppError> {
    let token = token.into_inner();
    check_token(&state, token.clone()).await?;
    Ok(SetupPage {
        page: state.page(""),
        csrf,
        action: format!("/setup/{token}"),
        form: SetupForm::default(),
        errors: FieldErrors::default(),
    })
}

async fn create(
    state: web::Data<AppState>,
    token: web::Path<String>,
    csrf: Csrf,
    CsrfForm(form): CsrfForm<SetupForm>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let token_hash = check_token(&state, token.clone()).await?;

    let mut errors = FieldErrors::default();
    let name = PersonName::parse(&form.name).map_err(|problem| match problem {
        NameProblem::HiddenFormatting => errors.add(
            "name",
            "Enter your name as plain text: it holds invisible formatting characters.",
        ),
        NameProblem::Missing | NameProblem::TooLong => {
            errors.add("name", "Enter your full name (at most 200 characters).")
        }
    });
    let email = EmailAddress::parse(&form.email);
    if let Err(message) = &email {
        errors.add("email", *message);
    }
    if let Err(message) = password::check_new(&form.password, &form.password_confirmation) {
        errors.add("password", message);
    }
    let (name, email) = match (name, email) {
        (Ok(name), Ok(email)) if errors.is_empty() => (name.into_string(), email),
        _ => return rerender(&state, csrf, token, form, errors),
    };

    let hash = password::hash(&form.password);
    let now = state.clock.now();
    let mail_host = state.mail_host();
    let welcome = Welcome {
        ctx: state.mail_context(),
        name: name.clone(),
        login_url: state.settings.url("/login"),
    }
    .render()?;
    let address = email.as_str().to_owned();
    let (name_for_page, email_for_page) = (name.clone(), address.clone());
    state
        .db(move |conn| {
            db::write_transaction(conn, |conn| {
                // Two tabs racing on one link: only one consumes it.
                if !tokens::consume(conn, &token_hash, now)? {
                    return Err(AppError::NotFound);
                }
                let id = db::new_id();
                users::insert(
                    conn,
                    &NewUser {
                        id: &id,
                        email: &address,
                        name: &name,
                        password_hash: Some(&hash),
                        is_secretariat: true,
                        active: true,
                        created_at: now,
                    },
                )?;
                tokens::revoke_unused(conn, Purpose::Setup)?;
                mail::enqueue(
                    conn,
                    &mail_host,
                    Outgoing {
                        event_key: &format!("setup-{id}"),
                        request_id: None,
                        recipient: &address,
                        rendered: welcome,
                        list_unsubscribe: None,
                    },
                    now,
                )?;
                Ok(())
            })
        })
        .await?;
    state.wake_mail_worker();
    tracing::info!("the first secretariat account was created; the setup link is spent");
    Ok(DonePage {
        page: state.page(""),
        name: name_for_page,
        email: email_for_page,
    }
    .render()
    .map(|body| {
        HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .body(body)
    })?)
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

/// On a database without accounts, issues a fresh setup link (revoking
/// older ones) for the log; returns None when someone already has an account.
pub fn issue_link_if_needed(
    conn: &mut db::DbConn,
    base_url: &str,
    now: chrono::NaiveDateTime,
) -> Result<Option<String>, diesel::result::Error> {
    db::write_transaction(conn, |conn| {
        if users::count(conn)? > 0 {
            return Ok(None);
        }
        tokens::revoke_unused(conn, Purpose::Setup)?;
        let token = tokens::issue(
            conn,
            Purpose::Setup,
            tokens::Subject::default(),
            now,
            Some(now + chrono::TimeDelta::days(7)),
        )?;
        Ok(Some(format!("{base_url}/setup/{token}")))
    })
}
