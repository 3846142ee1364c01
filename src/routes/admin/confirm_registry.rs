//! The first-run checklist's "the registry is right": back to the queue,
//! where the item now shows as done.

use actix_web::{HttpRequest, HttpResponse, web};

use crate::error::AppError;
use crate::web::flash::{self, Done};
use crate::web::{AppState, CsrfForm, NoFields};
use crate::workflow::registry::{self, Secretariat};

pub async fn confirm(
    req: HttpRequest,
    state: web::Data<AppState>,
    admin: Secretariat,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<HttpResponse, AppError> {
    let now = state.clock.now();
    state
        .db(move |conn| Ok(registry::confirm_registry(conn, &admin, now)?))
        .await?;
    Ok(flash::see_other(&req, "/workspace", Done::RegistryChecked))
}
