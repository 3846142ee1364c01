//! Adding an organisation by hand.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;

use crate::domain::fields::FieldErrors;
use crate::error::AppError;
use crate::routes::admin::{Options, admin_page, unprocessable};
use crate::web::flash::{self, Done};
use crate::web::{AppState, Csrf, CsrfForm, Page};
use crate::workflow::registry::organisations::{self as registry, OrganisationInput};
use crate::workflow::registry::{Outcome, Secretariat};

#[derive(Template, WebTemplate)]
#[template(path = "admin/organisations/new.html")]
pub struct NewPage {
    page: Page,
    csrf: Csrf,
    kinds: Options,
    input: OrganisationInput,
    errors: FieldErrors,
}

fn page(
    state: &AppState,
    admin: &Secretariat,
    csrf: Csrf,
    input: OrganisationInput,
    errors: FieldErrors,
) -> NewPage {
    NewPage {
        page: admin_page(state, admin, &csrf),
        csrf,
        kinds: Options::of(&[
            ("member_body", "admin-kind-member-body"),
            ("liaison", "admin-kind-liaison"),
        ]),
        input,
        errors,
    }
}

pub async fn show(state: web::Data<AppState>, admin: Secretariat, csrf: Csrf) -> NewPage {
    page(
        &state,
        &admin,
        csrf,
        OrganisationInput::default(),
        FieldErrors::default(),
    )
}

pub async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    CsrfForm(input): CsrfForm<OrganisationInput>,
) -> Result<HttpResponse, AppError> {
    let (now, acting) = (state.clock.now(), admin.clone());
    let (input, outcome) = state
        .db(move |conn| {
            let outcome = registry::add(conn, &acting, &input, now)?;
            Ok((input, outcome))
        })
        .await?;
    match outcome {
        Outcome::Done(()) => Ok(flash::see_other(
            &req,
            "/admin/organisations",
            Done::OrganisationAdded,
        )),
        Outcome::Refused(errors) => unprocessable(&page(&state, &admin, csrf, input, errors)),
    }
}
