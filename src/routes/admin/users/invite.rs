//! Inviting someone: an account without a password, and a mail with the
//! link to choose one (sent through the outbox by the mail worker).

use actix_web::{HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use crate::domain::email::EmailAddress;
use crate::domain::fields::FieldErrors;
use crate::error::AppError;
use crate::models::groups::{self, Group};
use crate::models::users;
use crate::routes::admin::{
    Secretariat, group_options, required, role_options, see_other, ticked, tidy, unprocessable,
    valid_role,
};
use crate::web::{AppState, Csrf, CsrfForm, Page};
use crate::workflow::accounts::{self, Invitee};

#[derive(Debug, Deserialize)]
#[serde(default)]
pub struct InviteInput {
    name: String,
    email: String,
    secretariat: Option<String>,
    group: String,
    role: String,
}

impl Default for InviteInput {
    fn default() -> Self {
        Self {
            name: String::new(),
            email: String::new(),
            secretariat: None,
            group: String::new(),
            role: "member".to_owned(),
        }
    }
}

/// Someone to invite, but for whether the address already has an account.
struct Invitation {
    name: String,
    email: EmailAddress,
    secretariat: bool,
    /// Group id and role.
    membership: Option<(String, String)>,
}

impl Invitation {
    fn parse(input: &InviteInput, groups: &[Group]) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = required(
            &tidy(&input.name),
            200,
            "Enter the full name of the person.",
            "Enter a name of at most 200 characters.",
        )
        .map_err(|m| errors.add("name", m));
        let email = if input.email.trim().is_empty() {
            errors.add("email", "Enter the e-mail address of the person.");
            None
        } else {
            EmailAddress::parse(&input.email)
                .map_err(|m| errors.add("email", m))
                .ok()
        };
        let membership = match input.group.trim() {
            "" => None,
            id => match groups.iter().find(|g| g.id == id) {
                None => {
                    errors.add("group", "Choose a group from the list, or none.");
                    None
                }
                Some(_) if !valid_role(&input.role) => {
                    errors.add("role", "Choose convenor or member.");
                    None
                }
                Some(group) => Some((group.id.clone(), input.role.clone())),
            },
        };
        match (name, email) {
            (Ok(name), Some(email)) if errors.is_empty() => Ok(Self {
                name,
                email,
                secretariat: ticked(&input.secretariat),
                membership,
            }),
            _ => Err(errors),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/users/invite.html")]
pub struct InvitePage {
    page: Page,
    csrf: Csrf,
    input: InviteInput,
    errors: FieldErrors,
    groups: Vec<(String, String)>,
    roles: Vec<(String, String)>,
}

pub async fn show(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
) -> Result<InvitePage, AppError> {
    let groups = state.db(|conn| Ok(groups::all(conn)?)).await?;
    Ok(InvitePage {
        page: admin.page(&state),
        csrf,
        input: InviteInput::default(),
        errors: FieldErrors::default(),
        groups: group_options(&groups),
        roles: role_options(),
    })
}

pub async fn invite(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    CsrfForm(input): CsrfForm<InviteInput>,
) -> Result<HttpResponse, AppError> {
    let ctx = state.workflow();
    let (input, groups, errors) = state
        .db(move |conn| {
            let groups = groups::all(conn)?;
            let errors = match Invitation::parse(&input, &groups) {
                Err(errors) => errors,
                Ok(invitation) => {
                    let mut errors = FieldErrors::default();
                    if users::find_by_email(conn, invitation.email.as_str())?.is_some() {
                        errors.add("email", "An account with this address already exists.");
                    } else {
                        accounts::invite(
                            conn,
                            &ctx,
                            Invitee {
                                email: &invitation.email,
                                name: &invitation.name,
                                secretariat: invitation.secretariat,
                                membership: invitation
                                    .membership
                                    .as_ref()
                                    .map(|(group, role)| (group.as_str(), role.as_str())),
                            },
                        )?;
                    }
                    errors
                }
            };
            Ok((input, groups, errors))
        })
        .await?;
    if errors.is_empty() {
        state.wake_mail_worker();
        return Ok(see_other("/admin/users?done=invited"));
    }
    unprocessable(&InvitePage {
        page: admin.page(&state),
        csrf,
        input,
        errors,
        groups: group_options(&groups),
        roles: role_options(),
    })
}
