//! Following a standard by e-mail: the form, the confirmation link with its
//! button, and the unsubscribe link that every follower's message carries.

use crate::i18n::Msg;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use crate::domain::email::EmailAddress;
use crate::domain::fields::FieldErrors;
use crate::error::AppError;
use crate::models::standards::{self, Standard};
use crate::routes::submit::see_other;
use crate::web::{AppState, Csrf, CsrfForm, NoFields, Page, client_key};
use crate::workflow::subscriptions::{self, Asked, Confirmation};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/standards/{slug}/subscribe", web::get().to(show))
        .route("/standards/{slug}/subscribe", web::post().to(subscribe))
        .route("/standards/{slug}/subscribe/sent", web::get().to(sent))
        .route(
            "/subscriptions/confirm/{token}",
            web::get().to(confirmation),
        )
        .route("/subscriptions/confirm/{token}", web::post().to(confirm))
        .route(
            "/subscriptions/unsubscribe/{id}/{mac}",
            web::get().to(unsubscribe_page),
        )
        .route(
            "/subscriptions/unsubscribe/{id}/{mac}",
            web::post().to(unsubscribe),
        );
}

#[derive(Template, WebTemplate)]
#[template(path = "subscriptions/new.html")]
pub struct FormPage {
    page: Page,
    csrf: Csrf,
    standard: Standard,
    email: String,
    errors: FieldErrors,
    /// A message above the form (the throttle).
    notice: Option<Msg>,
}

#[derive(Template, WebTemplate)]
#[template(path = "subscriptions/sent.html")]
pub struct SentPage {
    page: Page,
    standard: Standard,
}

#[derive(Template, WebTemplate)]
#[template(path = "subscriptions/confirm.html")]
pub struct ConfirmPage {
    page: Page,
    csrf: Csrf,
    action: String,
    standard: Standard,
}

#[derive(Template, WebTemplate)]
#[template(path = "subscriptions/following.html")]
pub struct FollowingPage {
    page: Page,
    standard: Standard,
    unsubscribe_path: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "subscriptions/unsubscribe.html")]
pub struct UnsubscribePage {
    page: Page,
    action: String,
    standard: Standard,
}

#[derive(Template, WebTemplate)]
#[template(path = "subscriptions/unsubscribed.html")]
pub struct UnsubscribedPage {
    page: Page,
    /// None when the subscription had ended before.
    standard: Option<Standard>,
}

async fn standard(state: &AppState, slug: String) -> Result<Standard, AppError> {
    state
        .db(move |conn| {
            standards::find_by_slug(conn, &slug)?
                .map(|(standard, _)| standard)
                .ok_or(AppError::NotFound)
        })
        .await
}

fn form(
    state: &AppState,
    csrf: Csrf,
    standard: Standard,
    email: String,
    errors: FieldErrors,
    notice: Option<Msg>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let body = FormPage {
        page: state.page("standards"),
        csrf,
        standard,
        email,
        errors,
        notice,
    }
    .render()?;
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(body))
}

// Superseded editions may be followed too: their clarifications can still
// be marked incorporated or withdrawn.
pub async fn show(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    csrf: Csrf,
) -> Result<HttpResponse, AppError> {
    let standard = standard(&state, slug.into_inner()).await?;
    form(
        &state,
        csrf,
        standard,
        String::new(),
        FieldErrors::default(),
        None,
        StatusCode::OK,
    )
}

#[derive(Deserialize)]
pub struct SubscribeForm {
    #[serde(default)]
    email: String,
    /// The honeypot: people leave it empty.
    #[serde(default)]
    website: String,
}

pub async fn subscribe(
    state: web::Data<AppState>,
    req: HttpRequest,
    slug: web::Path<String>,
    csrf: Csrf,
    CsrfForm(posted): CsrfForm<SubscribeForm>,
) -> Result<HttpResponse, AppError> {
    let standard = standard(&state, slug.into_inner()).await?;
    let sent = format!("/standards/{}/subscribe/sent", standard.slug);
    if !posted.website.is_empty() {
        tracing::info!("a subscription filled the honeypot; nothing stored");
        return Ok(see_other(&sent));
    }
    let address = match EmailAddress::parse(&posted.email) {
        Ok(address) => address,
        Err(message) => {
            let mut errors = FieldErrors::default();
            errors.add("email", message);
            return form(
                &state,
                csrf,
                standard,
                posted.email,
                errors,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    let ctx = state.workflow();
    let client = client_key(&req, &state.settings);
    let following = standard.clone();
    let lang = crate::web::language::reader().lang;
    let outcome = state
        .db(move |conn| {
            Ok(subscriptions::subscribe(
                conn, &ctx, &following, &address, &lang, &client,
            )?)
        })
        .await?;
    match outcome {
        Asked::Done => {
            state.wake_mail_worker();
            Ok(see_other(&sent))
        }
        Asked::Throttled => form(
            &state,
            csrf,
            standard,
            posted.email,
            FieldErrors::default(),
            Some(Msg::new("form-subscriptions-throttled")),
            StatusCode::TOO_MANY_REQUESTS,
        ),
    }
}

/// The same page whether the address was new, pending or already following.
pub async fn sent(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<SentPage, AppError> {
    Ok(SentPage {
        page: state.page("standards"),
        standard: standard(&state, slug.into_inner()).await?,
    })
}

/// Changes nothing: mail scanners follow links, only people press buttons.
pub async fn confirmation(
    state: web::Data<AppState>,
    token: web::Path<String>,
    csrf: Csrf,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let ctx = state.workflow();
    let lookup = token.clone();
    let found = state
        .db(move |conn| Ok(subscriptions::confirmation(conn, &ctx, &lookup)?))
        .await?;
    let body = match found {
        Confirmation::Pending(standard) => ConfirmPage {
            page: state.page("standards"),
            csrf,
            action: format!("/subscriptions/confirm/{token}"),
            standard,
        }
        .render()?,
        Confirmation::Following {
            standard,
            unsubscribe_path,
        } => FollowingPage {
            page: state.page("standards"),
            standard,
            unsubscribe_path,
        }
        .render()?,
    };
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(body))
}

/// Confirms, then shows the link's page again, which now says so.
pub async fn confirm(
    state: web::Data<AppState>,
    token: web::Path<String>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let ctx = state.workflow();
    let lookup = token.clone();
    state
        .db(move |conn| Ok(subscriptions::confirm(conn, &ctx, &lookup)?))
        .await?;
    Ok(see_other(&format!("/subscriptions/confirm/{token}")))
}

/// The subscription id of a genuine unsubscribe link; 404 for any other.
fn genuine(state: &AppState, path: web::Path<(String, String)>) -> Result<String, AppError> {
    let (id, mac) = path.into_inner();
    if subscriptions::is_genuine(state.settings.secret_key.expose(), &id, &mac) {
        Ok(id)
    } else {
        Err(AppError::NotFound)
    }
}

pub async fn unsubscribe_page(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let id = genuine(&state, path)?;
    let followed = state
        .db(move |conn| Ok(subscriptions::followed(conn, &id)?))
        .await?;
    let body = match followed {
        Some(standard) => UnsubscribePage {
            page: state.page("standards"),
            action: req.path().to_owned(),
            standard,
        }
        .render()?,
        None => UnsubscribedPage {
            page: state.page("standards"),
            standard: None,
        }
        .render()?,
    };
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(body))
}

/// The button of the page above, and the one-click unsubscribe of mail
/// programs (RFC 8058: a POST with `List-Unsubscribe=One-Click`, from no
/// page of ours). No CSRF token: the link's MAC is the credential, and the
/// body is not read, so any form encoding works.
pub async fn unsubscribe(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<UnsubscribedPage, AppError> {
    let id = genuine(&state, path)?;
    let standard = state
        .db(move |conn| Ok(subscriptions::unsubscribe(conn, &id)?))
        .await?;
    Ok(UnsubscribedPage {
        page: state.page("standards"),
        standard,
    })
}
