//! Adding a maintenance group.

use actix_web::{HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use crate::db::{self, DbConn};
use crate::domain::fields::FieldErrors;
use crate::error::AppError;
use crate::models::admin;
use crate::models::groups::NewGroup;
use crate::routes::admin::{Secretariat, required, see_other, tidy, unprocessable};
use crate::web::{AppState, Csrf, CsrfForm, Page};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct GroupInput {
    code: String,
    name: String,
}

/// A group worth storing, but for the uniqueness of its code.
struct NewGroupInput {
    code: String,
    name: String,
}

impl TryFrom<&GroupInput> for NewGroupInput {
    type Error = FieldErrors;

    fn try_from(input: &GroupInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let code = required(
            &tidy(&input.code),
            50,
            "Enter the code of the group, for example MG 17025.",
            "Enter a code of at most 50 characters.",
        )
        .map_err(|m| errors.add("code", m));
        let name = required(
            &tidy(&input.name),
            300,
            "Enter the name of the group.",
            "Enter a name of at most 300 characters.",
        )
        .map_err(|m| errors.add("name", m));
        match (code, name) {
            (Ok(code), Ok(name)) => Ok(Self { code, name }),
            _ => Err(errors),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/groups/new.html")]
pub struct NewPage {
    page: Page,
    csrf: Csrf,
    input: GroupInput,
    errors: FieldErrors,
}

pub async fn show(state: web::Data<AppState>, admin: Secretariat, csrf: Csrf) -> NewPage {
    NewPage {
        page: admin.page(&state),
        csrf,
        input: GroupInput::default(),
        errors: FieldErrors::default(),
    }
}

pub async fn create(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    CsrfForm(input): CsrfForm<GroupInput>,
) -> Result<HttpResponse, AppError> {
    let errors = match NewGroupInput::try_from(&input) {
        Ok(group) => {
            let now = state.clock.now();
            state
                .db(move |conn| db::write_transaction(conn, |conn| store(conn, &group, now)))
                .await?
        }
        Err(errors) => errors,
    };
    if errors.is_empty() {
        return Ok(see_other("/admin/groups?done=added"));
    }
    unprocessable(&NewPage {
        page: admin.page(&state),
        csrf,
        input,
        errors,
    })
}

/// Stores the group unless its code is taken; returns what was wrong.
fn store(
    conn: &mut DbConn,
    group: &NewGroupInput,
    now: chrono::NaiveDateTime,
) -> Result<FieldErrors, AppError> {
    let mut errors = FieldErrors::default();
    if admin::group_code_exists(conn, &group.code)? {
        errors.add(
            "code",
            format!("A group with the code {} already exists.", group.code),
        );
        return Ok(errors);
    }
    admin::insert_group(
        conn,
        &NewGroup {
            id: &db::new_id(),
            code: &group.code,
            name: &group.name,
            created_at: now,
        },
    )?;
    Ok(errors)
}
