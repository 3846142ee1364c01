//! Inviting someone: an account without a password, and a mail with the
//! link to choose one (sent through the outbox by the mail worker).

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;

use crate::domain::fields::FieldErrors;
use crate::error::AppError;
use crate::models::groups;
use crate::models::organisations;
use crate::routes::admin::{
    Options, admin_page, default_language, group_options, language_options, role_options,
    unprocessable,
};
use crate::web::flash::{self, Done};
use crate::web::{AppState, Csrf, CsrfForm, Page};
use crate::workflow::registry::users::{self as registry, InviteInput};
use crate::workflow::registry::{Outcome, Secretariat};

#[derive(Template, WebTemplate)]
#[template(path = "admin/users/invite.html")]
pub struct InvitePage {
    page: Page,
    csrf: Csrf,
    input: InviteInput,
    errors: FieldErrors,
    groups: Vec<(String, String)>,
    roles: Options,
    /// The member bodies and liaisons, as (id, label).
    sponsors: Vec<(String, String)>,
    languages: Vec<(String, String)>,
    default_language: String,
}

pub async fn show(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
) -> Result<InvitePage, AppError> {
    let (groups, sponsors) = state
        .db(|conn| Ok((groups::all(conn)?, organisations::all(conn)?)))
        .await?;
    let page = admin_page(&state, &admin, &csrf);
    Ok(InvitePage {
        sponsors: organisations::choices(&sponsors, &page.lang),
        languages: language_options(&page),
        default_language: default_language(&page),
        page,
        csrf,
        input: InviteInput::default(),
        errors: FieldErrors::default(),
        groups: group_options(&groups),
        roles: role_options(),
    })
}

pub async fn invite(
    req: HttpRequest,
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    CsrfForm(input): CsrfForm<InviteInput>,
) -> Result<HttpResponse, AppError> {
    let (ctx, acting) = (state.workflow(), admin.clone());
    let (input, groups, sponsors, outcome) = state
        .db(move |conn| {
            let outcome = registry::invite(conn, &ctx, &acting, &input)?;
            Ok((
                input,
                groups::all(conn)?,
                organisations::all(conn)?,
                outcome,
            ))
        })
        .await?;
    match outcome {
        Outcome::Done(()) => {
            state.wake_mail_worker();
            Ok(flash::see_other(&req, "/admin/users", Done::UserInvited))
        }
        Outcome::Refused(errors) => {
            let page = admin_page(&state, &admin, &csrf);
            unprocessable(&InvitePage {
                sponsors: organisations::choices(&sponsors, &page.lang),
                languages: language_options(&page),
                default_language: default_language(&page),
                page,
                csrf,
                input,
                errors,
                groups: group_options(&groups),
                roles: role_options(),
            })
        }
    }
}
