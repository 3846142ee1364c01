//! Editing a standard: its title and responsible group.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;

use crate::domain::fields::FieldErrors;
use crate::error::AppError;
use crate::models::groups::{self, Group};
use crate::models::standards::{self, Standard};
use crate::routes::admin::{admin_page, group_options, unprocessable};
use crate::web::flash::{self, Done};
use crate::web::{AppState, Csrf, CsrfForm, Page};
use crate::workflow::registry::standards::{self as registry, EditInput};
use crate::workflow::registry::{Outcome, Secretariat};

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
        page: admin_page(&state, &admin, &csrf),
        csrf,
        input: EditInput {
            title: standard.title.clone(),
            title_fr: standard.title_fr.clone().unwrap_or_default(),
            group: standard.group_id.clone().unwrap_or_default(),
        },
        standard,
        errors: FieldErrors::default(),
        groups: group_options(&groups),
    })
}

pub async fn update(
    req: HttpRequest,
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    slug: web::Path<String>,
    CsrfForm(input): CsrfForm<EditInput>,
) -> Result<HttpResponse, AppError> {
    let (slug, acting) = (slug.into_inner(), admin.clone());
    let (slug, input, outcome) = state
        .db(move |conn| {
            let outcome = registry::edit(conn, &acting, &slug, &input)?;
            Ok((slug, input, outcome))
        })
        .await?;
    let Outcome::Refused(errors) = outcome else {
        return Ok(flash::see_other(
            &req,
            "/admin/standards",
            Done::StandardSaved,
        ));
    };
    let (standard, groups) = load(&state, slug).await?;
    unprocessable(&EditPage {
        page: admin_page(&state, &admin, &csrf),
        csrf,
        standard,
        input,
        errors,
        groups: group_options(&groups),
    })
}
