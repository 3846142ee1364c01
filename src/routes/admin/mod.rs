//! `/admin`: the secretariat's registry of standards, maintenance groups,
//! the organisations that nominate their members, external committees and
//! accounts (SPEC §3: only the secretariat manages
//! them). Everyone else signed in gets 404 for every address under `/admin`,
//! never 403; anonymous visitors are sent to sign in.

mod committees;
mod confirm_registry;
mod confirm_step;
mod consultation;
mod groups;
mod index;
mod mail;
mod organisations;
mod standards;
mod stats;
mod users;
mod webhooks;

use std::future::Future;
use std::pin::Pin;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::middleware::{Next, from_fn};
use actix_web::{FromRequest, HttpMessage, HttpRequest, HttpResponse, web};
use askama::Template;

use crate::error::AppError;
use crate::models::groups::Group;
use crate::web::{AppState, Csrf, Page, SignedIn, Viewer};
use crate::workflow::registry::Secretariat;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/admin")
            .wrap(from_fn(only_secretariat))
            .route("", web::get().to(index::show))
            .route(
                "/registry/checked",
                web::post().to(confirm_registry::confirm),
            )
            .configure(standards::configure)
            .configure(groups::configure)
            .configure(organisations::configure)
            .configure(consultation::configure)
            .configure(committees::configure)
            .configure(users::configure)
            .configure(mail::configure)
            .configure(stats::configure)
            .configure(webhooks::configure),
    );
}

/// Anyone signed in but the secretariat gets 404, so the registry pages do
/// not even admit they exist. The standing is checked once per request, by
/// the scope's middleware, and kept for the handler.
impl FromRequest for Secretariat {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let signed_in = SignedIn::from_request(&req, payload);
        Box::pin(async move {
            if let Some(admin) = req.extensions().get::<Secretariat>() {
                return Ok(admin.clone());
            }
            let SignedIn(user) = signed_in.await?;
            let admin = Secretariat::of(user)?;
            req.extensions_mut().insert(admin.clone());
            Ok(admin)
        })
    }
}

/// The page context of the registry: the header shows who is signed in.
fn admin_page(state: &AppState, admin: &Secretariat, csrf: &Csrf) -> Page {
    state.page_as("workspace", &Viewer(Some(admin.user().clone())), csrf)
}

/// Middleware of the whole scope: the check runs before any handler reads a
/// form, so a member's post gets the same 404 as their visit, whatever its
/// CSRF token, and an address that does not exist reveals nothing either.
async fn only_secretariat(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    match req.extract::<Secretariat>().await {
        Ok(_) => Ok(next.call(req).await?.map_into_boxed_body()),
        Err(refusal) => Ok(req.error_response(refusal).map_into_boxed_body()),
    }
}

/// After a successful post: back to a list, so that reloading sends nothing twice.
fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header(("location", location))
        .finish()
}

/// An id or slug that can go back into an address as it is.
fn plain_key(key: &str) -> bool {
    !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// A form page rendered again with its errors: 422, nothing stored.
fn unprocessable(page: &impl Template) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::build(StatusCode::UNPROCESSABLE_ENTITY)
        .content_type("text/html; charset=utf-8")
        .body(page.render()?))
}

/// The options of a select whose texts are message ids, as (value, id):
/// the page shows them in its language.
pub struct Options(Vec<(&'static str, &'static str)>);

impl Options {
    pub fn of(options: &[(&'static str, &'static str)]) -> Self {
        Self(options.to_vec())
    }

    /// (value, text) in the page's language, for `forms::select_field`.
    pub fn shown(&self, page: &Page) -> Vec<(String, String)> {
        self.0
            .iter()
            .map(|(value, id)| ((*value).to_owned(), page.t(id)))
            .collect()
    }
}

/// The roles a member can hold in a group.
fn role_options() -> Options {
    Options::of(&[
        ("member", "admin-role-member"),
        ("convenor", "admin-role-convenor"),
    ])
}

/// The languages offered, as options of a select: (tag, the language's
/// name for itself); choosing none means the default.
fn language_options(page: &Page) -> Vec<(String, String)> {
    page.languages
        .iter()
        .map(|lang| (lang.tag(), lang.t("language-name")))
        .collect()
}

/// What choosing no language means: "The default (English)".
fn default_language(page: &Page) -> String {
    let default = page.languages.first().map(|l| l.t("language-name"));
    page.t_with(
        "admin-language-default",
        &[("language", default.unwrap_or_default().into())],
    )
}

/// Groups as options of a select: (id, "MG 17025 — name").
fn group_options(groups: &[Group]) -> Vec<(String, String)> {
    groups
        .iter()
        .map(|g| (g.id.clone(), format!("{} — {}", g.code, g.name)))
        .collect()
}
