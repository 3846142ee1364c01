//! `/admin/groups/{id}`: a group's members on the terms of their
//! membership, its closing rules, and the forms that change them.

use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;
use chrono::NaiveDateTime;

use super::Choices;
use crate::domain::fields::FieldErrors;
use crate::error::AppError;
use crate::models::groups::{self, Group, Member};
use crate::models::{organisations, users};
use crate::routes::admin::admin_page;
use crate::web::flash::Flash;
use crate::web::{AppState, Csrf, Page};
use crate::workflow::registry::Secretariat;
use crate::workflow::registry::groups::{ClosingRulesInput, MemberInput};

#[derive(Template, WebTemplate)]
#[template(path = "admin/groups/show.html")]
pub struct GroupPage {
    pub page: Page,
    pub csrf: Csrf,
    pub group: Group,
    pub members: Vec<Member>,
    pub now: NaiveDateTime,
    /// Active accounts that could join: (id, "Name (email)").
    pub candidates: Vec<(String, String)>,
    pub choices: Choices,
    /// The add-member form.
    pub input: MemberInput,
    /// The closing-rules form.
    pub rules: ClosingRulesInput,
    /// The errors of whichever form was sent: their field names differ.
    pub errors: FieldErrors,
}

impl GroupPage {
    /// The page of group `id` as it stands, its forms filled as they are.
    pub async fn load(
        state: &AppState,
        admin: &Secretariat,
        csrf: Csrf,
        id: String,
    ) -> Result<Self, AppError> {
        let now = state.clock.now();
        let (group, mut members, mut candidates, organisations) = state
            .db(move |conn| {
                let group = groups::find(conn, &id)?;
                let members = groups::members_of(conn, &id)?;
                let candidates = users::active_non_members(conn, &id)?
                    .into_iter()
                    .map(|u| (u.id, format!("{} ({})", u.name, u.email)))
                    .collect::<Vec<_>>();
                Ok((group, members, candidates, organisations::all(conn)?))
            })
            .await?;
        let page = admin_page(state, admin, &csrf);
        // People by name as the reader's language orders names; the
        // convenors first.
        page.lang
            .sort_by(&mut candidates, |(_, label)| label.clone());
        page.lang.sort_by(&mut members, |m| m.user.name.clone());
        members.sort_by_key(|m| !m.is_convenor());
        Ok(Self {
            choices: Choices::new(&organisations, &page.lang),
            page,
            csrf,
            rules: ClosingRulesInput::of(&group),
            group,
            members,
            now,
            candidates,
            input: MemberInput::starting(now.date()),
            errors: FieldErrors::default(),
        })
    }
}

pub async fn show(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    id: web::Path<String>,
    flash: Flash,
) -> Result<GroupPage, AppError> {
    let mut page = GroupPage::load(&state, &admin, csrf, id.into_inner()).await?;
    page.page = page.page.showing(flash);
    Ok(page)
}
