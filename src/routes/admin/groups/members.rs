//! Adding a member to a group, changing a member's role, removing a member.
//! Events and votes name users, not memberships, so removing a member keeps
//! every past record intact.

use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::show::{GroupPage, MemberInput, role_field};
use crate::db;
use crate::domain::fields::FieldErrors;
use crate::error::AppError;
use crate::models::{admin, groups, users};
use crate::routes::admin::{Secretariat, see_other, unprocessable, valid_role};
use crate::web::{AppState, Csrf, CsrfForm, NoFields};

const ROLE_MESSAGE: &str = "Choose convenor or member.";

/// What the add-member form asks the database to do.
enum Added {
    Done,
    Refused(FieldErrors),
}

pub async fn add(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    group_id: web::Path<String>,
    CsrfForm(input): CsrfForm<MemberInput>,
) -> Result<HttpResponse, AppError> {
    let group_id = group_id.into_inner();
    let now = state.clock.now();
    let (user_id, role, id) = (
        input.user.trim().to_owned(),
        input.role.clone(),
        group_id.clone(),
    );
    let outcome = state
        .db(move |conn| {
            db::write_transaction(conn, |conn| {
                groups::find(conn, &id)?;
                let mut errors = FieldErrors::default();
                if user_id.is_empty() {
                    errors.add("user", "Choose the person to add.");
                } else {
                    match users::find(conn, &user_id) {
                        Ok(user) if !user.active => errors.add(
                            "user",
                            "This account is deactivated; reactivate it before adding it to a group.",
                        ),
                        Ok(user) if admin::role_in(conn, &id, &user.id)?.is_some() => errors.add(
                            "user",
                            format!("{} is already a member of this group.", user.name),
                        ),
                        Ok(_) => {}
                        Err(diesel::result::Error::NotFound) => {
                            errors.add("user", "Choose a person from the list.")
                        }
                        Err(e) => return Err(e.into()),
                    }
                }
                if !valid_role(&role) {
                    errors.add("role", ROLE_MESSAGE);
                }
                if !errors.is_empty() {
                    return Ok(Added::Refused(errors));
                }
                groups::add_member(conn, &id, &user_id, &role, now)?;
                Ok::<_, AppError>(Added::Done)
            })
        })
        .await?;
    match outcome {
        Added::Done => Ok(see_other(&format!("/admin/groups/{group_id}?done=added"))),
        Added::Refused(errors) => {
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
    let (group_id, user_id) = path.into_inner();
    if !valid_role(&input.role) {
        let mut page = GroupPage::load(&state, &admin, csrf, group_id).await?;
        if !page.members.iter().any(|m| m.user.id == user_id) {
            return Err(AppError::NotFound);
        }
        page.errors.add(&role_field(&user_id), ROLE_MESSAGE);
        return unprocessable(&page);
    }
    let (group, user) = (group_id.clone(), user_id.clone());
    let changed = state
        .db(move |conn| {
            db::write_transaction(conn, |conn| {
                Ok::<_, AppError>(admin::set_role(conn, &group, &user, &input.role)?)
            })
        })
        .await?;
    if !changed {
        return Err(AppError::NotFound);
    }
    Ok(see_other(&format!("/admin/groups/{group_id}?done=role")))
}

pub async fn remove(
    state: web::Data<AppState>,
    _admin: Secretariat,
    path: web::Path<(String, String)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<HttpResponse, AppError> {
    let (group_id, user_id) = path.into_inner();
    let group = group_id.clone();
    let removed = state
        .db(move |conn| {
            db::write_transaction(conn, |conn| {
                Ok::<_, AppError>(admin::remove_member(conn, &group, &user_id)?)
            })
        })
        .await?;
    if !removed {
        return Err(AppError::NotFound);
    }
    Ok(see_other(&format!("/admin/groups/{group_id}?done=removed")))
}
