use crate::i18n::Msg;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use crate::domain::fields::FieldErrors;
use crate::error::AppError;
use crate::models::sessions;
use crate::web::flash::{self, Done, Flash};
use crate::web::session;
use crate::web::{AppState, Csrf, CsrfForm, NoFields, Page, Viewer, client_key};
use crate::workflow::accounts::{self, Login};

#[derive(Template, WebTemplate)]
#[template(path = "account/login.html")]
pub struct LoginPage {
    page: Page,
    csrf: Csrf,
    email: String,
    next: String,
    problem: Option<Msg>,
    /// Fields left empty, each said beside it.
    errors: FieldErrors,
}

#[derive(Deserialize)]
pub struct Query {
    #[serde(default)]
    next: String,
}

/// Only a path of this site is followed after signing in: a relative
/// reference starting with one slash, in printable ASCII without a
/// backslash. Browsers drop tabs and line breaks from an address and read a
/// backslash as a slash, so `/\t/evil.example` would lead to another site;
/// and a line break cannot go into a header at all.
fn safe_next(next: &str) -> String {
    local_path(next).unwrap_or("/workspace").to_owned()
}

/// `next` if it is a path of this site (see [`safe_next`]).
pub(crate) fn local_path(next: &str) -> Option<&str> {
    let printable = next.bytes().all(|b| b.is_ascii_graphic() && b != b'\\');
    let local = printable
        && next.starts_with('/')
        && !next.starts_with("//")
        && next
            .parse::<actix_web::http::Uri>()
            .is_ok_and(|uri| uri.scheme().is_none() && uri.authority().is_none());
    local.then_some(next)
}

pub async fn show(
    state: web::Data<AppState>,
    csrf: Csrf,
    flash: Flash,
    query: web::Query<Query>,
) -> LoginPage {
    LoginPage {
        page: state.page("").showing(flash),
        csrf,
        email: String::new(),
        next: safe_next(&query.next),
        problem: None,
        errors: FieldErrors::default(),
    }
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    csrf: Csrf,
    CsrfForm(form): CsrfForm<LoginForm>,
) -> Result<HttpResponse, AppError> {
    let email = form.email.trim().to_lowercase();
    let client = client_key(&req, &state.settings);
    let https = state.settings.is_https();
    let previous = req
        .cookie(session::cookie_name(https))
        .map(|c| c.value().to_owned());
    let ctx = state.workflow();
    let password = form.password.clone();
    let outcome = state
        .db(move |conn| {
            Ok(accounts::login(
                conn,
                &ctx,
                &email,
                &password,
                &client,
                previous.as_deref(),
            )?)
        })
        .await?;
    let (status, problem, errors) = match outcome {
        Login::SignedIn(token) => {
            let mut response = HttpResponse::SeeOther();
            response.insert_header(("location", safe_next(&form.next)));
            response.cookie(session::cookie(token, https));
            return Ok(response.finish());
        }
        Login::Refused => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some(Msg::new("form-sign-in-wrong")),
            FieldErrors::default(),
        ),
        Login::Throttled => (
            StatusCode::TOO_MANY_REQUESTS,
            Some(Msg::new("form-sign-in-paused")),
            FieldErrors::default(),
        ),
        Login::Missing(errors) => (StatusCode::UNPROCESSABLE_ENTITY, None, errors),
    };
    let body = LoginPage {
        page: state.page(""),
        csrf,
        email: form.email,
        next: safe_next(&form.next),
        problem,
        errors,
    }
    .render()?;
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(body))
}

#[derive(Template, WebTemplate)]
#[template(path = "account/logout.html")]
pub struct LogoutPage {
    page: Page,
    csrf: Csrf,
}

/// `GET /logout` changes nothing: the sign-out button for someone signed
/// in (the header has the same one), the sign-in page for anyone else.
pub async fn show_logout(
    state: web::Data<AppState>,
    viewer: Viewer,
    csrf: Csrf,
) -> Result<HttpResponse, AppError> {
    if viewer.0.is_none() {
        return Ok(HttpResponse::SeeOther()
            .insert_header(("location", "/login"))
            .finish());
    }
    let body = LogoutPage {
        page: state.page_as("", &viewer, &csrf),
        csrf,
    }
    .render()?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(body))
}

pub async fn logout(
    state: web::Data<AppState>,
    req: HttpRequest,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<HttpResponse, AppError> {
    let https = state.settings.is_https();
    if let Some(token) = req
        .cookie(session::cookie_name(https))
        .map(|c| c.value().to_owned())
    {
        state
            .db(move |conn| Ok(sessions::close(conn, &token)?))
            .await?;
    }
    let mut response = flash::see_other(&req, "/login", Done::SignedOut);
    let _ = response.add_cookie(&session::removal(https));
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_paths_of_this_site_are_followed() {
        for kept in [
            "/workspace",
            "/workspace?tab=mine",
            "/workspace/requests/CR-2026-0001#votes",
            "/admin/users?done=invited",
        ] {
            assert_eq!(safe_next(kept), kept);
        }
        for refused in [
            "",
            "workspace",
            "//evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/workspace\r\nSet-Cookie: a=b",
            "/ /evil.example",
            "https://evil.example/",
            "javascript:alert(1)",
            "/caf\u{e9}",
            "/\u{202e}moc.live",
        ] {
            assert_eq!(safe_next(refused), "/workspace", "{refused:?}");
        }
    }
}
