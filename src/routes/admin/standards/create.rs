//! Adding a standard, or a new edition of one that may supersede the
//! edition in force.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use crate::domain::fields::FieldErrors;
use crate::error::AppError;
use crate::models::groups;
use crate::models::standards::{self, Standard};
use crate::routes::admin::{admin_page, group_options, unprocessable};
use crate::web::flash::{self, Done};
use crate::web::{AppState, Csrf, CsrfForm, Page};
use crate::workflow::registry::Secretariat;
use crate::workflow::registry::standards::{self as registry, Addition, StandardInput};

#[derive(Template, WebTemplate)]
#[template(path = "admin/standards/new.html")]
pub struct NewPage {
    page: Page,
    csrf: Csrf,
    input: StandardInput,
    errors: FieldErrors,
    groups: Vec<(String, String)>,
    /// The edition in force that the new one may supersede.
    offer: Option<Standard>,
    supersede_checked: bool,
}

#[derive(Deserialize)]
pub struct NewQuery {
    /// Slug of a standard whose next edition is being added.
    #[serde(default)]
    edition_of: String,
}

pub async fn show(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    query: web::Query<NewQuery>,
) -> Result<NewPage, AppError> {
    let slug = query.into_inner().edition_of;
    let (groups, previous) = state
        .db(move |conn| {
            let groups = groups::all(conn)?;
            let previous = match slug.as_str() {
                "" => None,
                slug => standards::find_by_slug(conn, slug)?.map(|(s, _)| s),
            };
            Ok((groups, previous))
        })
        .await?;
    let offer = previous.clone().filter(Standard::is_current);
    let input = match &previous {
        Some(previous) => StandardInput {
            designation: previous.designation.clone(),
            title: previous.title.clone(),
            title_fr: previous.title_fr.clone().unwrap_or_default(),
            group: previous.group_id.clone().unwrap_or_default(),
            offered: previous.id.clone(),
            ..StandardInput::default()
        },
        None => StandardInput::default(),
    };
    Ok(NewPage {
        page: admin_page(&state, &admin, &csrf),
        csrf,
        input,
        errors: FieldErrors::default(),
        groups: group_options(&groups),
        offer,
        supersede_checked: true,
    })
}

pub async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    CsrfForm(input): CsrfForm<StandardInput>,
) -> Result<HttpResponse, AppError> {
    let (now, acting) = (state.clock.now(), admin.clone());
    let (input, groups, outcome) = state
        .db(move |conn| {
            let outcome = registry::add(conn, &acting, &input, now)?;
            Ok((input, groups::all(conn)?, outcome))
        })
        .await?;
    match outcome {
        Addition::Added { superseded: true } => Ok(flash::see_other(
            &req,
            "/admin/standards",
            Done::EditionAdded,
        )),
        Addition::Added { superseded: false } => Ok(flash::see_other(
            &req,
            "/admin/standards",
            Done::StandardAdded,
        )),
        Addition::Refused { errors, offer } => {
            let offer = offer.map(|offer| *offer);
            // The box is ticked by default when it first appears.
            let supersede_checked = match &offer {
                Some(offer) if input.offered == offer.id => input.supersedes.is_some(),
                _ => true,
            };
            let input = StandardInput {
                offered: offer.as_ref().map(|s| s.id.clone()).unwrap_or_default(),
                ..input
            };
            unprocessable(&NewPage {
                page: admin_page(&state, &admin, &csrf),
                csrf,
                input,
                errors,
                groups: group_options(&groups),
                offer,
                supersede_checked,
            })
        }
    }
}
