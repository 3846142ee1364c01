//! Adding a member to a group, changing a member's role, removing a member.

use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::show::{GroupPage, role_field};
use crate::error::AppError;
use crate::routes::admin::{see_other, unprocessable};
use crate::web::{AppState, Csrf, CsrfForm, NoFields};
use crate::workflow::registry::groups::{self as registry, MemberInput};
use crate::workflow::registry::{Outcome, Secretariat};

pub async fn add(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    group_id: web::Path<String>,
    CsrfForm(input): CsrfForm<MemberInput>,
) -> Result<HttpResponse, AppError> {
    let (group_id, now, acting) = (group_id.into_inner(), state.clock.now(), admin.clone());
    let (group_id, input, outcome) = state
        .db(move |conn| {
            let outcome = registry::add_member(conn, &acting, &group_id, &input, now)?;
            Ok((group_id, input, outcome))
        })
        .await?;
    match outcome {
        Outcome::Done(()) => Ok(see_other(&format!("/admin/groups/{group_id}?done=added"))),
        Outcome::Refused(errors) => {
            let mut page = GroupPage::load(&state, &admin, csrf, group_id).await?;
            page.input = input;
            page.errors = errors;
            unprocessable(&page)
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RoleInput {
    role: String,
}

pub async fn change_role(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    path: web::Path<(String, String)>,
    CsrfForm(input): CsrfForm<RoleInput>,
) -> Result<HttpResponse, AppError> {
    let ((group_id, user_id), acting) = (path.into_inner(), admin.clone());
    let (group_id, user_id, outcome) = state
        .db(move |conn| {
            let outcome = registry::change_role(conn, &acting, &group_id, &user_id, &input.role)?;
            Ok((group_id, user_id, outcome))
        })
        .await?;
    match outcome {
        Outcome::Done(()) => Ok(see_other(&format!("/admin/groups/{group_id}?done=role"))),
        Outcome::Refused(errors) => {
            let mut page = GroupPage::load(&state, &admin, csrf, group_id).await?;
            // Beside the select of the member concerned.
            page.errors.add(&role_field(&user_id), errors.get("role"));
            unprocessable(&page)
        }
    }
}

pub async fn remove(
    state: web::Data<AppState>,
    admin: Secretariat,
    path: web::Path<(String, String)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<HttpResponse, AppError> {
    let (group_id, user_id) = path.into_inner();
    let group = group_id.clone();
    state
        .db(move |conn| Ok(registry::remove_member(conn, &admin, &group, &user_id)?))
        .await?;
    Ok(see_other(&format!("/admin/groups/{group_id}?done=removed")))
}
