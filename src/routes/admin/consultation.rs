//! `/admin/consultation`: the liaisons consulted on every decision before
//! publication, each at one or more addresses.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;

use super::{admin_page, unprocessable};
use crate::domain::fields::FieldErrors;
use crate::error::AppError;
use crate::models::organisations::{self, Organisation};
use crate::web::flash::{self, Done, Flash};
use crate::web::{AppState, Csrf, CsrfForm, Page};
use crate::workflow::consultations::{self, Configuration, ContactInput};
use crate::workflow::registry::{Outcome, Secretariat};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/consultation", web::get().to(show))
        .route("/consultation", web::post().to(add))
        .route("/consultation/remove", web::post().to(remove));
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/consultation/index.html")]
pub struct ConsultationPage {
    page: Page,
    csrf: Csrf,
    consulted: Vec<(Organisation, Vec<(String, String)>)>,
    liaisons: Vec<(String, String)>,
    days: u32,
    input: ContactInput,
    errors: FieldErrors,
}

fn page(
    state: &AppState,
    admin: &Secretariat,
    csrf: Csrf,
    configuration: Configuration,
    input: ContactInput,
    errors: FieldErrors,
) -> ConsultationPage {
    let page = admin_page(state, admin, &csrf);
    ConsultationPage {
        liaisons: organisations::choices(&configuration.liaisons, &page.lang),
        page,
        csrf,
        consulted: configuration.consulted,
        days: state.settings.consultation_days,
        input,
        errors,
    }
}

pub async fn show(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    flash: Flash,
) -> Result<ConsultationPage, AppError> {
    let acting = admin.clone();
    let configuration = state
        .db(move |conn| Ok(consultations::configuration(conn, &acting)?))
        .await?;
    let mut page = page(
        &state,
        &admin,
        csrf,
        configuration,
        ContactInput::default(),
        FieldErrors::default(),
    );
    page.page = page.page.showing(flash);
    Ok(page)
}

pub async fn add(
    req: HttpRequest,
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    CsrfForm(input): CsrfForm<ContactInput>,
) -> Result<HttpResponse, AppError> {
    let (now, acting) = (state.clock.now(), admin.clone());
    let (input, outcome, configuration) = state
        .db(move |conn| {
            let outcome = consultations::add_contact(conn, &acting, &input, now)?;
            let configuration = consultations::configuration(conn, &acting)?;
            Ok((input, outcome, configuration))
        })
        .await?;
    match outcome {
        Outcome::Done(()) => Ok(flash::see_other(
            &req,
            "/admin/consultation",
            Done::LiaisonAddressAdded,
        )),
        Outcome::Refused(errors) => {
            unprocessable(&page(&state, &admin, csrf, configuration, input, errors))
        }
    }
}

/// The address to remove, by its id.
#[derive(serde::Deserialize)]
pub struct RemoveForm {
    #[serde(default)]
    contact: String,
}

pub async fn remove(
    req: HttpRequest,
    state: web::Data<AppState>,
    admin: Secretariat,
    CsrfForm(form): CsrfForm<RemoveForm>,
) -> Result<HttpResponse, AppError> {
    state
        .db(move |conn| Ok(consultations::remove_contact(conn, &admin, &form.contact)?))
        .await?;
    Ok(flash::see_other(
        &req,
        "/admin/consultation",
        Done::LiaisonAddressRemoved,
    ))
}
