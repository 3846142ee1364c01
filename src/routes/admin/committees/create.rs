//! Adding an external committee.

use actix_web::{HttpRequest, HttpResponse, web};

use super::FormPage;
use crate::domain::fields::FieldErrors;
use crate::error::AppError;
use crate::routes::admin::{admin_page, unprocessable};
use crate::web::flash::{self, Done};
use crate::web::{AppState, Csrf, CsrfForm};
use crate::workflow::registry::committees::{self as registry, CommitteeInput};
use crate::workflow::registry::{Outcome, Secretariat};

fn page(
    state: &AppState,
    admin: &Secretariat,
    csrf: Csrf,
    input: CommitteeInput,
    errors: FieldErrors,
) -> FormPage {
    FormPage {
        page: admin_page(state, admin, &csrf),
        csrf,
        editing: None,
        action: "/admin/committees".to_owned(),
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
    req: HttpRequest,
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    CsrfForm(input): CsrfForm<CommitteeInput>,
) -> Result<HttpResponse, AppError> {
    let (now, acting) = (state.clock.now(), admin.clone());
    let (input, outcome) = state
        .db(move |conn| {
            let outcome = registry::add(conn, &acting, &input, now)?;
            Ok((input, outcome))
        })
        .await?;
    match outcome {
        Outcome::Done(moved) => Ok(flash::see_other(
            &req,
            "/admin/committees",
            Done::CommitteeAdded { moved },
        )),
        Outcome::Refused(errors) => unprocessable(&page(&state, &admin, csrf, input, errors)),
    }
}
