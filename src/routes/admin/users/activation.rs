//! Deactivating and reactivating an account.

use actix_web::{HttpRequest, HttpResponse, web};

use crate::error::AppError;
use crate::routes::admin::admin_page;
use crate::routes::admin::confirm_step::{ConfirmPage, Confirmation, Confirming};
use crate::web::flash::{self, Done};
use crate::web::{AppState, Csrf, CsrfForm, NoFields};
use crate::workflow::registry::users as registry;
use crate::workflow::registry::{Secretariat, Step};

/// Deactivates the account once confirmed; the first press asks.
pub async fn deactivate(
    req: HttpRequest,
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    id: web::Path<String>,
    CsrfForm(form): CsrfForm<Confirmation>,
) -> Result<HttpResponse, AppError> {
    let (id, acting) = (id.into_inner(), admin.clone());
    let target = id.clone();
    let step = state
        .db(move |conn| Ok(registry::deactivate(conn, &acting, &target, form.given())?))
        .await?;
    match step {
        Step::Done => Ok(flash::see_other(
            &req,
            "/admin/users",
            Done::UserDeactivated,
        )),
        Step::Confirm(user) => ConfirmPage {
            page: admin_page(&state, &admin, &csrf),
            csrf,
            what: Confirming::Deactivate { name: user.name },
            action: format!("/admin/users/{id}/deactivate"),
            back: "/admin/users".to_owned(),
        }
        .answer(),
    }
}

pub async fn reactivate(
    req: HttpRequest,
    state: web::Data<AppState>,
    admin: Secretariat,
    id: web::Path<String>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<HttpResponse, AppError> {
    state
        .db(move |conn| Ok(registry::reactivate(conn, &admin, &id)?))
        .await?;
    Ok(flash::see_other(
        &req,
        "/admin/users",
        Done::UserReactivated,
    ))
}
