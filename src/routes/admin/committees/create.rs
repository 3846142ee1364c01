//! Adding an external committee.

use actix_web::{HttpResponse, web};

use super::{CommitteeInput, FormPage, ValidCommittee, check, saved};
use crate::db;
use crate::domain::fields::FieldErrors;
use crate::error::AppError;
use crate::models::admin;
use crate::models::committees::NewCommittee;
use crate::routes::admin::{Secretariat, unprocessable};
use crate::web::{AppState, Csrf, CsrfForm};

fn page(
    state: &AppState,
    admin: &Secretariat,
    csrf: Csrf,
    input: CommitteeInput,
    errors: FieldErrors,
) -> FormPage {
    FormPage {
        page: admin.page(state),
        csrf,
        heading: "Add an external committee".to_owned(),
        action: "/admin/committees".to_owned(),
        button: "Add the committee",
        input,
        errors,
    }
}

pub async fn show(state: web::Data<AppState>, admin: Secretariat, csrf: Csrf) -> FormPage {
    page(
        &state,
        &admin,
        csrf,
        CommitteeInput::default(),
        FieldErrors::default(),
    )
}

pub async fn create(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    CsrfForm(input): CsrfForm<CommitteeInput>,
) -> Result<HttpResponse, AppError> {
    let committee = match ValidCommittee::try_from(&input) {
        Ok(committee) => committee,
        Err(errors) => return unprocessable(&page(&state, &admin, csrf, input, errors)),
    };
    let now = state.clock.now();
    let (errors, moved) = state
        .db(move |conn| {
            db::write_transaction(conn, |conn| {
                let (errors, moved) = check(conn, &committee, None)?;
                if errors.is_empty() {
                    let id = db::new_id();
                    admin::insert_committee(
                        conn,
                        &NewCommittee {
                            id: &id,
                            form: committee.form(),
                            created_at: now,
                        },
                    )?;
                    admin::replace_designations(conn, &id, &committee.designations)?;
                }
                Ok::<_, AppError>((errors, moved))
            })
        })
        .await?;
    if errors.is_empty() {
        Ok(saved("added", moved))
    } else {
        unprocessable(&page(&state, &admin, csrf, input, errors))
    }
}
