//! Editing an external committee and the list of designations it owns.

use actix_web::{HttpResponse, web};

use super::{CommitteeInput, FormPage, ValidCommittee, check, saved};
use crate::db;
use crate::domain::fields::FieldErrors;
use crate::error::AppError;
use crate::models::admin;
use crate::models::committees::Committee;
use crate::routes::admin::{Secretariat, unprocessable};
use crate::web::{AppState, Csrf, CsrfForm};

fn page(
    state: &AppState,
    admin: &Secretariat,
    csrf: Csrf,
    committee: &Committee,
    input: CommitteeInput,
    errors: FieldErrors,
) -> FormPage {
    FormPage {
        page: admin.page(state),
        csrf,
        heading: format!("Edit {}", committee.code),
        action: format!("/admin/committees/{}", committee.id),
        button: "Save the committee",
        input,
        errors,
    }
}

async fn load(state: &AppState, id: String) -> Result<(Committee, Vec<String>), AppError> {
    state
        .db(move |conn| {
            let committee = admin::find_committee(conn, &id)?;
            let designations = admin::designations_of(conn, &id)?;
            Ok((committee, designations))
        })
        .await
}

pub async fn show(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    id: web::Path<String>,
) -> Result<FormPage, AppError> {
    let (committee, designations) = load(&state, id.into_inner()).await?;
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
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    id: web::Path<String>,
    CsrfForm(input): CsrfForm<CommitteeInput>,
) -> Result<HttpResponse, AppError> {
    let (committee, _) = load(&state, id.into_inner()).await?;
    let valid = match ValidCommittee::try_from(&input) {
        Ok(valid) => valid,
        Err(errors) => {
            return unprocessable(&page(&state, &admin, csrf, &committee, input, errors));
        }
    };
    let id = committee.id.clone();
    let (errors, moved) = state
        .db(move |conn| {
            db::write_transaction(conn, |conn| {
                let (errors, moved) = check(conn, &valid, Some(&id))?;
                if errors.is_empty() {
                    admin::update_committee(conn, &id, &valid.form())?;
                    admin::replace_designations(conn, &id, &valid.designations)?;
                }
                Ok::<_, AppError>((errors, moved))
            })
        })
        .await?;
    if errors.is_empty() {
        Ok(saved("saved", moved))
    } else {
        unprocessable(&page(&state, &admin, csrf, &committee, input, errors))
    }
}
