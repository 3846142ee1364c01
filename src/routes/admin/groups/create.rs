//! Adding a maintenance group.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;

use crate::domain::fields::FieldErrors;
use crate::error::AppError;
use crate::routes::admin::{admin_page, unprocessable};
use crate::web::flash::{self, Done};
use crate::web::{AppState, Csrf, CsrfForm, Page};
use crate::workflow::registry::groups::{self as registry, GroupInput};
use crate::workflow::registry::{Outcome, Secretariat};

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
        page: admin_page(&state, &admin, &csrf),
        csrf,
        input: GroupInput::default(),
        errors: FieldErrors::default(),
    }
}

pub async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    CsrfForm(input): CsrfForm<GroupInput>,
) -> Result<HttpResponse, AppError> {
    let (now, acting) = (state.clock.now(), admin.clone());
    let (input, outcome) = state
        .db(move |conn| {
            let outcome = registry::add(conn, &acting, &input, now)?;
            Ok((input, outcome))
        })
        .await?;
    match outcome {
        Outcome::Done(()) => Ok(flash::see_other(&req, "/admin/groups", Done::GroupAdded)),
        Outcome::Refused(errors) => unprocessable(&NewPage {
            page: admin_page(&state, &admin, &csrf),
            csrf,
            input,
            errors,
        }),
    }
}
