//! Editing an external committee and the list of designations it owns.

use actix_web::{HttpRequest, HttpResponse, web};

use super::FormPage;
use crate::domain::fields::FieldErrors;
use crate::error::AppError;
use crate::models::committees::{self, Committee};
use crate::routes::admin::{admin_page, unprocessable};
use crate::web::flash::{self, Done};
use crate::web::{AppState, Csrf, CsrfForm};
use crate::workflow::registry::committees::{self as registry, CommitteeInput};
use crate::workflow::registry::{Outcome, Secretariat};

fn page(
    state: &AppState,
    admin: &Secretariat,
    csrf: Csrf,
    committee: &Committee,
    input: CommitteeInput,
    errors: FieldErrors,
) -> FormPage {
    FormPage {
        page: admin_page(state, admin, &csrf),
        csrf,
        editing: Some(committee.code.clone()),
        action: format!("/admin/committees/{}", committee.id),
        input,
        errors,
    }
}

pub async fn show(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    id: web::Path<String>,
) -> Result<FormPage, AppError> {
    let id = id.into_inner();
    let (committee, designations) = state
        .db(move |conn| {
            let committee = committees::find(conn, &id)?;
            let designations = committees::designations_of(conn, &id)?;
            Ok((committee, designations))
        })
        .await?;
    let input = CommitteeInput {
        code: committee.code.clone(),
        name: committee.name.clone(),
        contact: committee.contact.clone(),
        url: committee.url.clone(),
        designations: designations.join("\n"),
    };
    Ok(page(
        &state,
        &admin,
        csrf,
        &committee,
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
    CsrfForm(input): CsrfForm<CommitteeInput>,
) -> Result<HttpResponse, AppError> {
    let acting = admin.clone();
    let (committee, input, outcome) = state
        .db(move |conn| {
            let outcome = registry::update(conn, &acting, &id, &input)?;
            Ok((committees::find(conn, &id)?, input, outcome))
        })
        .await?;
    match outcome {
        Outcome::Done(moved) => Ok(flash::see_other(
            &req,
            "/admin/committees",
            Done::CommitteeSaved { moved },
        )),
        Outcome::Refused(errors) => {
            unprocessable(&page(&state, &admin, csrf, &committee, input, errors))
        }
    }
}
