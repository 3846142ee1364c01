//! Maintenance groups and their members. Events and votes name users, not
//! memberships, so removing a member keeps every past record intact.

use chrono::NaiveDateTime;
use serde::Deserialize;

use super::{Outcome, Secretariat, required, tidy};
use crate::db::{self, DbConn};
use crate::domain::access::GroupRole;
use crate::domain::fields::FieldErrors;
use crate::models::groups::{self, NewGroup};
use crate::models::users;
use crate::workflow::WorkflowError;

/// The new-group form as typed.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct GroupInput {
    pub code: String,
    pub name: String,
}

/// The add-member form as typed.
#[derive(Debug, Deserialize)]
#[serde(default)]
pub struct MemberInput {
    /// The account's id.
    pub user: String,
    pub role: String,
}

impl Default for MemberInput {
    fn default() -> Self {
        Self {
            user: String::new(),
            role: "member".to_owned(),
        }
    }
}

const ROLE_MESSAGE: &str = "Choose convenor or member.";

/// A role a member may hold, or what to say about it.
pub(super) fn parse_role(role: &str) -> Result<&str, &'static str> {
    GroupRole::parse(role).map(|_| role).ok_or(ROLE_MESSAGE)
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

/// Adds a group, unless another has its code (whatever the case).
pub fn add(
    conn: &mut DbConn,
    _: &Secretariat,
    input: &GroupInput,
    now: NaiveDateTime,
) -> Result<Outcome, WorkflowError> {
    let group = match NewGroupInput::try_from(input) {
        Ok(group) => group,
        Err(errors) => return Ok(Outcome::Refused(errors)),
    };
    db::write_transaction(conn, |conn| {
        if groups::code_exists(conn, &group.code)? {
            let mut errors = FieldErrors::default();
            errors.add(
                "code",
                format!("A group with the code {} already exists.", group.code),
            );
            return Ok(Outcome::Refused(errors));
        }
        groups::insert(
            conn,
            &NewGroup {
                id: &db::new_id(),
                code: &group.code,
                name: &group.name,
                created_at: now,
            },
        )?;
        Ok(Outcome::Done(()))
    })
}

/// Adds an active account that is not yet a member to group `group_id`.
pub fn add_member(
    conn: &mut DbConn,
    _: &Secretariat,
    group_id: &str,
    input: &MemberInput,
    now: NaiveDateTime,
) -> Result<Outcome, WorkflowError> {
    let user_id = input.user.trim();
    db::write_transaction(conn, |conn| {
        groups::find(conn, group_id)?;
        let mut errors = FieldErrors::default();
        if user_id.is_empty() {
            errors.add("user", "Choose the person to add.");
        } else {
            match users::find(conn, user_id) {
                Ok(user) if !user.active => errors.add(
                    "user",
                    "This account is deactivated; reactivate it before adding it to a group.",
                ),
                Ok(user) if groups::role_of(conn, group_id, &user.id)?.is_some() => errors.add(
                    "user",
                    format!("{} is already a member of this group.", user.name),
                ),
                Ok(_) => {}
                Err(diesel::result::Error::NotFound) => {
                    errors.add("user", "Choose a person from the list.")
                }
                Err(e) => return Err(e.into()),
            }
        }
        let role = parse_role(&input.role).map_err(|m| errors.add("role", m));
        match role {
            Ok(role) if errors.is_empty() => {
                groups::add_member(conn, group_id, user_id, role, now)?;
                Ok(Outcome::Done(()))
            }
            _ => Ok(Outcome::Refused(errors)),
        }
    })
}

/// Gives member `user_id` of group `group_id` another role; refused, the
/// error is the `role` field's.
pub fn change_role(
    conn: &mut DbConn,
    _: &Secretariat,
    group_id: &str,
    user_id: &str,
    role: &str,
) -> Result<Outcome, WorkflowError> {
    let role = match parse_role(role) {
        Ok(role) => role,
        Err(message) => {
            groups::role_of(conn, group_id, user_id)?.ok_or(WorkflowError::NotFound)?;
            let mut errors = FieldErrors::default();
            errors.add("role", message);
            return Ok(Outcome::Refused(errors));
        }
    };
    if !db::write_transaction(conn, |conn| groups::set_role(conn, group_id, user_id, role))? {
        return Err(WorkflowError::NotFound);
    }
    Ok(Outcome::Done(()))
}

/// Ends the membership of `user_id` in group `group_id`; the account stays.
pub fn remove_member(
    conn: &mut DbConn,
    _: &Secretariat,
    group_id: &str,
    user_id: &str,
) -> Result<(), WorkflowError> {
    if !db::write_transaction(conn, |conn| groups::remove_member(conn, group_id, user_id))? {
        return Err(WorkflowError::NotFound);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_are_convenors_or_members() {
        assert_eq!(parse_role("convenor"), Ok("convenor"));
        assert_eq!(parse_role("member"), Ok("member"));
        for bad in ["", "chair", "Convenor"] {
            assert_eq!(parse_role(bad), Err(ROLE_MESSAGE), "{bad:?}");
        }
    }

    #[test]
    fn a_group_needs_a_code_and_a_name() {
        let group = NewGroupInput::try_from(&GroupInput {
            code: " MG  17025 ".into(),
            name: "Maintenance group".into(),
        })
        .ok()
        .unwrap();
        assert_eq!(group.code, "MG 17025");
        let errors = NewGroupInput::try_from(&GroupInput {
            code: "C".repeat(51),
            name: " ".into(),
        })
        .err()
        .unwrap();
        assert_eq!(errors.get("code"), "Enter a code of at most 50 characters.");
        assert_eq!(errors.get("name"), "Enter the name of the group.");
    }
}
