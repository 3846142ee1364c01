//! Editing a standard: its title and responsible group. The designation and
//! edition identify it (and its public address), so they stay as they are.

use actix_web::{HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use super::{parse_group, parse_title};
use crate::db;
use crate::domain::fields::FieldErrors;
use crate::error::AppError;
use crate::models::admin;
use crate::models::groups::{self, Group};
use crate::models::standards::{self, Standard};
use crate::routes::admin::{Secretariat, group_options, see_other, unprocessable};
use crate::web::{AppState, Csrf, CsrfForm, Page};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EditInput {
    title: String,
    group: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/standards/edit.html")]
pub struct EditPage {
    page: Page,
    csrf: Csrf,
    standard: Standard,
    input: EditInput,
    errors: FieldErrors,
    groups: Vec<(String, String)>,
}

async fn load(state: &AppState, slug: String) -> Result<(Standard, Vec<Group>), AppError> {
    state
        .db(move |conn| {
            let (standard, _) = standards::find_by_slug(conn, &slug)?.ok_or(AppError::NotFound)?;
            Ok((standard, groups::all(conn)?))
        })
        .await
}

pub async fn show(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    slug: web::Path<String>,
) -> Result<EditPage, AppError> {
    let (standard, groups) = load(&state, slug.into_inner()).await?;
    Ok(EditPage {
        page: admin.page(&state),
        csrf,
        input: EditInput {
            title: standard.title.clone(),
            group: standard.group_id.clone().unwrap_or_default(),
        },
        standard,
        errors: FieldErrors::default(),
        groups: group_options(&groups),
    })
}

pub async fn update(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    slug: web::Path<String>,
    CsrfForm(input): CsrfForm<EditInput>,
) -> Result<HttpResponse, AppError> {
    let (standard, groups) = load(&state, slug.into_inner()).await?;
    let mut errors = FieldErrors::default();
    let title = parse_title(&input.title).map_err(|m| errors.add("title", m));
    let group_id = parse_group(&input.group, &groups).map_err(|m| errors.add("group", m));
    let (Ok(title), Ok(group_id)) = (title, group_id) else {
        return unprocessable(&EditPage {
            page: admin.page(&state),
            csrf,
            standard,
            input,
            errors,
            groups: group_options(&groups),
        });
    };
    let id = standard.id;
    state
        .db(move |conn| {
            db::write_transaction(conn, |conn| {
                Ok(admin::update_standard(
                    conn,
                    &id,
                    &title,
                    group_id.as_deref(),
                )?)
            })
        })
        .await?;
    Ok(see_other("/admin/standards?done=saved"))
}
