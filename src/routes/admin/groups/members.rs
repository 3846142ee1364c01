//! Adding a member to a group, changing the terms of a membership (its own
//! page), removing a member.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;

use super::Choices;
use super::show::GroupPage;
use crate::domain::fields::FieldErrors;
use crate::error::AppError;
use crate::models::groups::{self, Group, Member};
use crate::models::organisations;
use crate::routes::admin::confirm_step::{ConfirmPage, Confirmation, Confirming};
use crate::routes::admin::{admin_page, unprocessable};
use crate::web::flash::{self, Done};
use crate::web::{AppState, Csrf, CsrfForm, Page};
use crate::workflow::registry::groups::{self as registry, MemberInput};
use crate::workflow::registry::{Outcome, Secretariat, Step};

pub async fn add(
    req: HttpRequest,
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
        Outcome::Done(()) => Ok(flash::see_other(
            &req,
            &format!("/admin/groups/{group_id}"),
            Done::MemberAdded,
        )),
        Outcome::Refused(errors) => {
            let mut page = GroupPage::load(&state, &admin, csrf, group_id).await?;
            page.input = input;
            page.errors = errors;
            unprocessable(&page)
        }
    }
}

/// `/admin/groups/{group}/members/{user}`: the terms of one membership.
#[derive(Template, WebTemplate)]
#[template(path = "admin/groups/member.html")]
pub struct MemberPage {
    page: Page,
    csrf: Csrf,
    group: Group,
    member: Member,
    choices: Choices,
    input: MemberInput,
    errors: FieldErrors,
}

impl MemberPage {
    /// The form of the membership as it stands; 404 when there is none.
    async fn load(
        state: &AppState,
        admin: &Secretariat,
        csrf: Csrf,
        (group_id, user_id): (String, String),
    ) -> Result<Self, AppError> {
        let (group, member, organisations) = state
            .db(move |conn| {
                let group = groups::find(conn, &group_id)?;
                let member =
                    groups::member(conn, &group_id, &user_id)?.ok_or(AppError::NotFound)?;
                Ok((group, member, organisations::all(conn)?))
            })
            .await?;
        let page = admin_page(state, admin, &csrf);
        Ok(Self {
            choices: Choices::new(&organisations, &page.lang),
            page,
            csrf,
            input: MemberInput::of(&member),
            group,
            member,
            errors: FieldErrors::default(),
        })
    }
}

pub async fn edit(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    path: web::Path<(String, String)>,
) -> Result<MemberPage, AppError> {
    MemberPage::load(&state, &admin, csrf, path.into_inner()).await
}

pub async fn update(
    req: HttpRequest,
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    path: web::Path<(String, String)>,
    CsrfForm(input): CsrfForm<MemberInput>,
) -> Result<HttpResponse, AppError> {
    let ((group_id, user_id), acting) = (path.into_inner(), admin.clone());
    let (group_id, user_id, input, outcome) = state
        .db(move |conn| {
            let outcome = registry::update_member(conn, &acting, &group_id, &user_id, &input)?;
            Ok((group_id, user_id, input, outcome))
        })
        .await?;
    match outcome {
        Outcome::Done(()) => Ok(flash::see_other(
            &req,
            &format!("/admin/groups/{group_id}"),
            Done::MembershipSaved,
        )),
        Outcome::Refused(errors) => {
            let mut page = MemberPage::load(&state, &admin, csrf, (group_id, user_id)).await?;
            page.input = input;
            page.errors = errors;
            unprocessable(&page)
        }
    }
}

/// Removes the member once confirmed; the first press asks.
pub async fn remove(
    req: HttpRequest,
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<Confirmation>,
) -> Result<HttpResponse, AppError> {
    let (group_id, user_id) = path.into_inner();
    let (group, member, acting) = (group_id.clone(), user_id.clone(), admin.clone());
    let step = state
        .db(move |conn| {
            Ok(registry::remove_member(
                conn,
                &acting,
                &group,
                &member,
                form.given(),
            )?)
        })
        .await?;
    match step {
        Step::Done => Ok(flash::see_other(
            &req,
            &format!("/admin/groups/{group_id}"),
            Done::MemberRemoved,
        )),
        Step::Confirm((group, member)) => ConfirmPage {
            page: admin_page(&state, &admin, &csrf),
            csrf,
            what: Confirming::RemoveMember {
                name: member.user.name,
                group: group.code,
            },
            action: format!("/admin/groups/{group_id}/members/{user_id}/remove"),
            back: format!("/admin/groups/{group_id}/members/{user_id}"),
        }
        .answer(),
    }
}
