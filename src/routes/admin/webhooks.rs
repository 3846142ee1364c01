//! `/admin/webhooks`: the endpoints told of every publication, correction,
//! mark and withdrawal; adding one (its secret shown once), its delivery
//! log, turning it off and on, a new secret, and removing it (the last two
//! confirmed first).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use super::confirm_step::{ConfirmPage, Confirmation, Confirming};
use super::{admin_page, plain_key, see_other, unprocessable};
use crate::domain::fields::FieldErrors;
use crate::domain::webhook::EventType;
use crate::error::AppError;
use crate::models::webhooks::Endpoint;
use crate::web::flash::{self, Done, Flash};
use crate::web::{AppState, Csrf, CsrfForm, NoFields, Page, private_page};
use crate::workflow::WorkflowError;
use crate::workflow::registry::{Secretariat, Step};
use crate::workflow::webhooks::{self as workflow, EndpointForm, EndpointPage, Renewal};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/webhooks", web::get().to(list))
        .route("/webhooks", web::post().to(create))
        .route("/webhooks/{id}", web::get().to(show))
        .route("/webhooks/{id}/enable", web::post().to(enable))
        .route("/webhooks/{id}/disable", web::post().to(disable))
        .route("/webhooks/{id}/secret", web::post().to(renew_secret))
        .route("/webhooks/{id}/remove", web::post().to(remove))
        // Where a refused post leads back to.
        .route(
            "/webhooks/{id}/{action}",
            web::get().to(|id: web::Path<(String, String)>| async move {
                see_other(&format!("/admin/webhooks/{}", id.into_inner().0))
            }),
        );
}

/// The form as sent: one checkbox per event type.
#[derive(Debug, Default, Deserialize)]
pub struct Input {
    #[serde(default)]
    url: String,
    #[serde(default)]
    description: String,
    published: Option<String>,
    corrected: Option<String>,
    marked: Option<String>,
    withdrawn: Option<String>,
}

impl Input {
    /// What a new form starts with: every event ticked.
    fn fresh() -> Input {
        let on = || Some("on".to_owned());
        Input {
            published: on(),
            corrected: on(),
            marked: on(),
            withdrawn: on(),
            ..Input::default()
        }
    }

    fn ticked(&self, event: EventType) -> bool {
        match event {
            EventType::Published => self.published.is_some(),
            EventType::Corrected => self.corrected.is_some(),
            EventType::Marked => self.marked.is_some(),
            EventType::Withdrawn => self.withdrawn.is_some(),
        }
    }

    fn events(&self) -> Vec<String> {
        EventType::ALL
            .into_iter()
            .filter(|event| self.ticked(*event))
            .map(|event| event.as_str().to_owned())
            .collect()
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/webhooks/list.html")]
pub struct ListPage {
    page: Page,
    csrf: Csrf,
    endpoints: Vec<Endpoint>,
    input: Input,
    errors: FieldErrors,
    /// Days of failure before an endpoint is turned off.
    disable_days: u32,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/webhooks/endpoint.html")]
pub struct ShowPage {
    page: Page,
    csrf: Csrf,
    shown: EndpointPage,
    /// The secret, on the page that answers its creation or renewal only.
    secret: Option<String>,
    /// The secret shown replaces an older one.
    renewed: bool,
}

async fn list_page(
    state: &AppState,
    admin: &Secretariat,
    csrf: Csrf,
    input: Input,
    errors: FieldErrors,
) -> Result<ListPage, AppError> {
    let endpoints = state
        .db(|conn| Ok(crate::models::webhooks::endpoints(conn)?))
        .await?;
    Ok(ListPage {
        page: admin_page(state, admin, &csrf),
        csrf,
        endpoints,
        input,
        errors,
        disable_days: state.settings.webhook_disable_days,
    })
}

pub async fn list(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    flash: Flash,
) -> Result<ListPage, AppError> {
    let mut listed =
        list_page(&state, &admin, csrf, Input::fresh(), FieldErrors::default()).await?;
    listed.page = listed.page.showing(flash);
    Ok(listed)
}

/// Registers the endpoint and answers with its page, the secret shown
/// this once and kept out of every cache.
pub async fn create(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    CsrfForm(input): CsrfForm<Input>,
) -> Result<HttpResponse, AppError> {
    let ctx = state.workflow();
    let allow_private = state.settings.webhook_private_targets;
    let (acting, events) = (admin.clone(), input.events());
    let (url, description) = (input.url.clone(), input.description.clone());
    let created = state
        .db(move |conn| {
            let form = EndpointForm {
                url: &url,
                description: &description,
                events: &events,
            };
            match workflow::register(conn, &ctx, acting.user(), &form, allow_private) {
                Ok(shown) => Ok(Ok(shown)),
                Err(WorkflowError::Field { field, message }) => Ok(Err((field, message))),
                Err(other) => Err(other.into()),
            }
        })
        .await?;
    match created {
        Ok(shown) => showing_secret(&state, &admin, csrf, shown, StatusCode::CREATED, false),
        Err((field, message)) => {
            let mut errors = FieldErrors::default();
            errors.add(field, message);
            unprocessable(&list_page(&state, &admin, csrf, input, errors).await?)
        }
    }
}

/// The endpoint's page with its secret, shown this once and kept out of
/// every cache.
fn showing_secret(
    state: &AppState,
    admin: &Secretariat,
    csrf: Csrf,
    shown: EndpointPage,
    status: StatusCode,
    renewed: bool,
) -> Result<HttpResponse, AppError> {
    let page = ShowPage {
        page: admin_page(state, admin, &csrf),
        csrf,
        secret: Some(shown.endpoint.secret.clone()),
        shown,
        renewed,
    };
    Ok(private_page(status, page.render()?))
}

pub async fn show(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    flash: Flash,
    id: web::Path<String>,
) -> Result<ShowPage, AppError> {
    let id = endpoint_id(id)?;
    let shown = state
        .db(move |conn| Ok(workflow::endpoint_page(conn, &id)?))
        .await?;
    Ok(ShowPage {
        page: admin_page(&state, &admin, &csrf).showing(flash),
        csrf,
        shown,
        secret: None,
        renewed: false,
    })
}

pub async fn enable(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<String>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<HttpResponse, AppError> {
    let id = endpoint_id(id)?;
    let ctx = state.workflow();
    let target = id.clone();
    state
        .db(move |conn| Ok(workflow::enable(conn, &ctx, &target)?))
        .await?;
    state.wake_mail_worker();
    Ok(flash::see_other(
        &req,
        &format!("/admin/webhooks/{id}"),
        Done::WebhookEnabled,
    ))
}

/// The endpoint's id from the address; junk is an address that does not
/// exist.
fn endpoint_id(id: web::Path<String>) -> Result<String, AppError> {
    let id = id.into_inner();
    if plain_key(&id) {
        Ok(id)
    } else {
        Err(AppError::NotFound)
    }
}

pub async fn disable(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<String>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<HttpResponse, AppError> {
    let id = endpoint_id(id)?;
    let (ctx, target) = (state.workflow(), id.clone());
    state
        .db(move |conn| Ok(workflow::disable(conn, &ctx, &target)?))
        .await?;
    Ok(flash::see_other(
        &req,
        &format!("/admin/webhooks/{id}"),
        Done::WebhookDisabled,
    ))
}

/// The confirmation page of an action on `endpoint`.
fn confirming(
    state: &AppState,
    admin: &Secretariat,
    csrf: Csrf,
    what: Confirming,
    endpoint: &Endpoint,
    action: &str,
) -> Result<HttpResponse, AppError> {
    ConfirmPage {
        page: admin_page(state, admin, &csrf),
        csrf,
        what,
        action: format!("/admin/webhooks/{}/{action}", endpoint.id),
        back: format!("/admin/webhooks/{}", endpoint.id),
    }
    .answer()
}

/// Makes a new secret once confirmed and shows it this once.
pub async fn renew_secret(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    id: web::Path<String>,
    CsrfForm(form): CsrfForm<Confirmation>,
) -> Result<HttpResponse, AppError> {
    let id = endpoint_id(id)?;
    let renewal = state
        .db(move |conn| Ok(workflow::renew_secret(conn, &id, form.given())?))
        .await?;
    match renewal {
        Renewal::Confirm(endpoint) => {
            let what = Confirming::RenewWebhookSecret {
                url: endpoint.url.clone(),
            };
            confirming(&state, &admin, csrf, what, &endpoint, "secret")
        }
        Renewal::Renewed(shown) => {
            showing_secret(&state, &admin, csrf, shown, StatusCode::OK, true)
        }
    }
}

/// Removes the endpoint once confirmed.
pub async fn remove(
    req: HttpRequest,
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    id: web::Path<String>,
    CsrfForm(form): CsrfForm<Confirmation>,
) -> Result<HttpResponse, AppError> {
    let id = endpoint_id(id)?;
    let step = state
        .db(move |conn| Ok(workflow::remove(conn, &id, form.given())?))
        .await?;
    match step {
        Step::Done => Ok(flash::see_other(
            &req,
            "/admin/webhooks",
            Done::WebhookRemoved,
        )),
        Step::Confirm(endpoint) => {
            let what = Confirming::RemoveWebhook {
                url: endpoint.url.clone(),
            };
            confirming(&state, &admin, csrf, what, &endpoint, "remove")
        }
    }
}
