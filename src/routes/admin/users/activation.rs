//! Deactivating and reactivating an account.

use actix_web::{HttpRequest, HttpResponse, web};

use crate::error::AppError;
use crate::web::flash::{self, Done};
use crate::web::{AppState, CsrfForm, NoFields};
use crate::workflow::registry::Secretariat;
use crate::workflow::registry::users as registry;

pub async fn deactivate(
    req: HttpRequest,
    state: web::Data<AppState>,
    admin: Secretariat,
    id: web::Path<String>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<HttpResponse, AppError> {
    state
        .db(move |conn| Ok(registry::deactivate(conn, &admin, &id)?))
        .await?;
    Ok(flash::see_other(
        &req,
        "/admin/users",
        Done::UserDeactivated,
    ))
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
