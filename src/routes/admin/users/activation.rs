//! Deactivating and reactivating an account. Deactivation ends every
//! session at once; the account, its memberships and its name in the
//! history stay.

use actix_web::{HttpResponse, web};

use crate::db;
use crate::error::AppError;
use crate::models::{admin, sessions};
use crate::routes::admin::{Secretariat, see_other};
use crate::web::{AppState, CsrfForm, NoFields};

pub async fn deactivate(
    state: web::Data<AppState>,
    admin: Secretariat,
    id: web::Path<String>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    if id == admin.0.id {
        return Err(AppError::Conflict(
            "You cannot deactivate your own account; another member of the secretariat can.".into(),
        ));
    }
    set_active(&state, id, false).await?;
    Ok(see_other("/admin/users?done=deactivated"))
}

pub async fn reactivate(
    state: web::Data<AppState>,
    _admin: Secretariat,
    id: web::Path<String>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<HttpResponse, AppError> {
    set_active(&state, id.into_inner(), true).await?;
    Ok(see_other("/admin/users?done=reactivated"))
}

async fn set_active(state: &AppState, id: String, active: bool) -> Result<(), AppError> {
    state
        .db(move |conn| {
            db::write_transaction(conn, |conn| {
                if !admin::set_active(conn, &id, active)? {
                    return Err(AppError::NotFound);
                }
                if !active {
                    sessions::close_all(conn, &id)?;
                }
                Ok(())
            })
        })
        .await
}
