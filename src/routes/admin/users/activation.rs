//! Deactivating and reactivating an account.

use actix_web::{HttpResponse, web};

use crate::error::AppError;
use crate::routes::admin::see_other;
use crate::web::{AppState, CsrfForm, NoFields};
use crate::workflow::registry::Secretariat;
use crate::workflow::registry::users as registry;

pub async fn deactivate(
    state: web::Data<AppState>,
    admin: Secretariat,
    id: web::Path<String>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<HttpResponse, AppError> {
    state
        .db(move |conn| Ok(registry::deactivate(conn, &admin, &id)?))
        .await?;
    Ok(see_other("/admin/users?done=deactivated"))
}

pub async fn reactivate(
    state: web::Data<AppState>,
    admin: Secretariat,
    id: web::Path<String>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<HttpResponse, AppError> {
    state
        .db(move |conn| Ok(registry::reactivate(conn, &admin, &id)?))
        .await?;
    Ok(see_other("/admin/users?done=reactivated"))
}
