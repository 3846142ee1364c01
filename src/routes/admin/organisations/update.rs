//! An organisation's page: what the registry holds about it, and the form
//! for its contact address.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;

use crate::domain::fields::FieldErrors;
use crate::error::AppError;
use crate::models::organisations::{self, Organisation};
use crate::routes::admin::{admin_page, default_language, language_options, unprocessable};
use crate::web::flash::{self, Done};
use crate::web::{AppState, Csrf, CsrfForm, Page};
use crate::workflow::registry::organisations::{self as registry, ContactInput};
use crate::workflow::registry::{Outcome, Secretariat};

#[derive(Template, WebTemplate)]
#[template(path = "admin/organisations/edit.html")]
pub struct EditPage {
    page: Page,
    csrf: Csrf,
    organisation: Organisation,
    input: ContactInput,
    errors: FieldErrors,
    languages: Vec<(String, String)>,
    default_language: String,
}

impl EditPage {
    fn new(
        page: Page,
        csrf: Csrf,
        organisation: Organisation,
        input: ContactInput,
        errors: FieldErrors,
    ) -> Self {
        Self {
            languages: language_options(&page),
            default_language: default_language(&page),
            page,
            csrf,
            organisation,
            input,
            errors,
        }
    }
}

pub async fn show(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    id: web::Path<String>,
) -> Result<EditPage, AppError> {
    let id = id.into_inner();
    let organisation = state
        .db(move |conn| Ok(organisations::find(conn, &id)?))
        .await?;
    let input = ContactInput {
        contact_email: organisation.contact_email.clone().unwrap_or_default(),
        language: organisation.language.clone().unwrap_or_default(),
    };
    Ok(EditPage::new(
        admin_page(&state, &admin, &csrf),
        csrf,
        organisation,
        input,
        FieldErrors::default(),
    ))
}

pub async fn update(
    req: HttpRequest,
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    id: web::Path<String>,
    CsrfForm(input): CsrfForm<ContactInput>,
) -> Result<HttpResponse, AppError> {
    let (acting, languages) = (admin.clone(), state.settings.languages.clone());
    let (organisation, input, outcome) = state
        .db(move |conn| {
            let outcome = registry::set_contact(conn, &acting, &languages, &id, &input)?;
            Ok((organisations::find(conn, &id)?, input, outcome))
        })
        .await?;
    match outcome {
        Outcome::Done(()) => Ok(flash::see_other(
            &req,
            "/admin/organisations",
            Done::OrganisationSaved,
        )),
        Outcome::Refused(errors) => unprocessable(&EditPage::new(
            admin_page(&state, &admin, &csrf),
            csrf,
            organisation,
            input,
            errors,
        )),
    }
}
