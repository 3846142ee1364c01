//! `/admin/groups/{id}`: a group's members, with the forms that change them.

use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;

use crate::domain::fields::FieldErrors;
use crate::error::AppError;
use crate::models::groups::{self, Group, Member};
use crate::models::users;
use crate::routes::admin::{Done, admin_page, role_options};
use crate::web::{AppState, Csrf, Page};
use crate::workflow::registry::Secretariat;
use crate::workflow::registry::groups::MemberInput;

#[derive(Template, WebTemplate)]
#[template(path = "admin/groups/show.html")]
pub struct GroupPage {
    pub page: Page,
    pub csrf: Csrf,
    pub notice: Option<&'static str>,
    pub group: Group,
    pub members: Vec<Member>,
    /// Active accounts that could join: (id, "Name (email)").
    pub candidates: Vec<(String, String)>,
    pub roles: Vec<(String, String)>,
    pub input: MemberInput,
    pub errors: FieldErrors,
}

impl GroupPage {
    /// The error of the role form of one member ("" when none).
    pub fn role_error(&self, user_id: &str) -> &str {
        self.errors.get(&role_field(user_id))
    }

    /// The page of group `id` as it stands, with an empty add-member form.
    pub async fn load(
        state: &AppState,
        admin: &Secretariat,
        csrf: Csrf,
        id: String,
    ) -> Result<Self, AppError> {
        let (group, members, candidates) = state
            .db(move |conn| {
                let group = groups::find(conn, &id)?;
                let members = groups::members_of(conn, &id)?;
                let candidates = users::active_non_members(conn, &id)?
                    .into_iter()
                    .map(|u| (u.id, format!("{} ({})", u.name, u.email)))
                    .collect::<Vec<_>>();
                Ok((group, members, candidates))
            })
            .await?;
        Ok(Self {
            page: admin_page(state, admin),
            csrf,
            notice: None,
            group,
            members,
            candidates,
            roles: role_options(),
            input: MemberInput::default(),
            errors: FieldErrors::default(),
        })
    }
}

pub async fn show(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    id: web::Path<String>,
    query: web::Query<Done>,
) -> Result<GroupPage, AppError> {
    let mut page = GroupPage::load(&state, &admin, csrf, id.into_inner()).await?;
    page.notice = match query.done.as_str() {
        "added" => Some("The member was added."),
        "role" => Some("The role was changed."),
        "removed" => Some(
            "The member was removed from the group. Their past votes and comments stay on record.",
        ),
        _ => None,
    };
    Ok(page)
}

/// The field name of a member's role select: `role-{user id}`.
pub fn role_field(user_id: &str) -> String {
    format!("role-{user_id}")
}
