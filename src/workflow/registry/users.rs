//! Accounts: inviting someone, deactivating and reactivating an account.
//! Accounts are never deleted: events name their actors, and those names
//! stay.

use crate::i18n::{Languages, Msg};
use serde::Deserialize;

use super::groups::parse_role;
use super::{Outcome, Secretariat, Step};
use crate::db::{self, DbConn};
use crate::domain::access::GroupRole;
use crate::domain::email::EmailAddress;
use crate::domain::fields::FieldErrors;
use crate::domain::person::{NameProblem, PersonName};
use crate::models::groups::{self, Group, MembershipForm};
use crate::models::organisations::{self, Organisation};
use crate::models::users::User;
use crate::models::{sessions, users};
use crate::workflow::accounts::{self, Invitee};
use crate::workflow::{Ctx, WorkflowError};

/// The invitation form as typed.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct InviteInput {
    pub name: String,
    pub email: String,
    /// The "member of the secretariat" checkbox: present when ticked.
    pub secretariat: Option<String>,
    /// A group's id, or empty for none.
    pub group: String,
    pub role: String,
    /// The id of the member body or liaison a sponsor's account speaks
    /// for, or empty for none.
    pub sponsor: String,
    /// The language of the account's mail and pages until it chooses
    /// (a tag offered), or empty for the default.
    pub language: String,
}

impl Default for InviteInput {
    fn default() -> Self {
        Self {
            name: String::new(),
            email: String::new(),
            secretariat: None,
            group: String::new(),
            role: "member".to_owned(),
            sponsor: String::new(),
            language: String::new(),
        }
    }
}

/// Someone to invite, but for whether the address already has an account.
struct Invitation<'a> {
    name: PersonName,
    email: EmailAddress,
    secretariat: bool,
    /// Group id and role.
    membership: Option<(&'a str, GroupRole)>,
    sponsor: Option<&'a Organisation>,
    language: Option<String>,
}

impl<'a> Invitation<'a> {
    fn parse(
        input: &'a InviteInput,
        groups: &'a [Group],
        sponsors: &'a [Organisation],
        languages: &Languages,
    ) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = PersonName::parse(&input.name).map_err(|problem| match problem {
            NameProblem::Missing => errors.add("name", Msg::new("form-user-name")),
            NameProblem::TooLong => errors.add("name", Msg::new("form-name-too-long")),
            NameProblem::HiddenFormatting => {
                errors.add("name", Msg::new("form-user-name-formatting"))
            }
        });
        let email = if input.email.trim().is_empty() {
            errors.add("email", Msg::new("form-user-email"));
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
                    errors.add("group", Msg::new("form-group-or-none"));
                    None
                }
                Some(group) => parse_role(&input.role)
                    .map(|role| (group.id.as_str(), role))
                    .map_err(|m| errors.add("role", m))
                    .ok(),
            },
        };
        let sponsor = match input.sponsor.trim() {
            "" => None,
            id => match sponsors.iter().find(|o| o.id == id) {
                None => {
                    errors.add("sponsor", Msg::new("form-organisation-or-none"));
                    None
                }
                // A sponsor's account speaks for its organisation alone:
                // it never screens nor votes.
                Some(_) if input.secretariat.is_some() || membership.is_some() => {
                    errors.add("sponsor", Msg::new("form-sponsor-account"));
                    None
                }
                found => found,
            },
        };
        let language = match input.language.trim() {
            "" => None,
            tag => match languages.offered(tag) {
                Some(lang) => Some(lang.tag()),
                None => {
                    errors.add("language", Msg::new("form-language-offered"));
                    None
                }
            },
        };
        match (name, email) {
            (Ok(name), Some(email)) if errors.is_empty() => Ok(Self {
                name,
                email,
                secretariat: input.secretariat.is_some(),
                membership,
                sponsor,
                language,
            }),
            _ => Err(errors),
        }
    }
}

/// Invites someone who has no account yet: an account without a password,
/// and a mail (through the outbox) with the link to choose one.
pub fn invite(
    conn: &mut DbConn,
    ctx: &Ctx,
    _: &Secretariat,
    input: &InviteInput,
) -> Result<Outcome, WorkflowError> {
    let groups = groups::all(conn)?;
    let sponsors = organisations::all(conn)?;
    let invitation = match Invitation::parse(input, &groups, &sponsors, &ctx.mail.languages) {
        Ok(invitation) => invitation,
        Err(errors) => return Ok(Outcome::Refused(errors)),
    };
    if users::find_by_email(conn, invitation.email.as_str())?.is_some() {
        let mut errors = FieldErrors::default();
        errors.add("email", Msg::new("form-email-taken"));
        return Ok(Outcome::Refused(errors));
    }
    accounts::invite(
        conn,
        ctx,
        Invitee {
            email: &invitation.email,
            name: invitation.name.as_str(),
            secretariat: invitation.secretariat,
            membership: invitation
                .membership
                .map(|(group_id, role)| (group_id, MembershipForm::expert(role, ctx.now))),
            sponsor: invitation.sponsor,
            language: invitation.language.as_deref(),
        },
    )?;
    Ok(Outcome::Done(()))
}

/// Deactivates an account, once `confirm`ed (else answers whose), and ends
/// every session of it at once; its memberships and its name in the history
/// stay. Nobody deactivates their own account: the secretariat would lock
/// itself out.
pub fn deactivate(
    conn: &mut DbConn,
    admin: &Secretariat,
    user_id: &str,
    confirm: bool,
) -> Result<Step<User>, WorkflowError> {
    if user_id == admin.user().id {
        return Err(WorkflowError::Invalid(Msg::new("form-deactivate-self")));
    }
    if !confirm {
        return match users::find(conn, user_id) {
            Ok(user) => Ok(Step::Confirm(user)),
            Err(diesel::NotFound) => Err(WorkflowError::NotFound),
            Err(e) => Err(e.into()),
        };
    }
    db::write_transaction(conn, |conn| {
        if !users::set_active(conn, user_id, false)? {
            return Err(WorkflowError::NotFound);
        }
        sessions::close_all(conn, user_id)?;
        Ok(Step::Done)
    })
}

/// Lets the owner of a deactivated account sign in again.
pub fn reactivate(conn: &mut DbConn, _: &Secretariat, user_id: &str) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        if !users::set_active(conn, user_id, true)? {
            return Err(WorkflowError::NotFound);
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group() -> Group {
        Group::example("g1")
    }

    #[test]
    fn an_invitation_names_a_person_an_address_and_maybe_a_group() {
        let groups = [group()];
        let input = InviteInput {
            name: " Ivo   Invited ".into(),
            email: "Ivo@Example.org".into(),
            secretariat: Some("on".into()),
            group: "g1".into(),
            role: "convenor".into(),
            sponsor: String::new(),
            language: "fr".into(),
        };
        let invitation = Invitation::parse(&input, &groups, &[], &Languages::default())
            .ok()
            .unwrap();
        assert_eq!(invitation.language.as_deref(), Some("fr"));
        assert_eq!(invitation.name.as_str(), "Ivo Invited");
        assert_eq!(invitation.email.as_str(), "ivo@example.org");
        assert!(invitation.secretariat);
        assert_eq!(invitation.membership, Some(("g1", GroupRole::Convenor)));
    }

    #[test]
    fn a_bad_invitation_says_what_to_fix() {
        let groups = [group()];
        let input = InviteInput {
            name: "n".repeat(201),
            email: " ".into(),
            group: "g1".into(),
            role: "chair".into(),
            ..InviteInput::default()
        };
        let errors = Invitation::parse(&input, &groups, &[], &Languages::default())
            .err()
            .unwrap();
        assert_eq!(
            errors.get("name").english(),
            "Enter a name of at most 200 characters."
        );
        assert_eq!(
            errors.get("email").english(),
            "Enter the e-mail address of the person."
        );
        assert_eq!(errors.get("role").english(), "Choose convenor or member.");

        let input = InviteInput {
            group: "elsewhere".into(),
            ..InviteInput::default()
        };
        let errors = Invitation::parse(&input, &groups, &[], &Languages::default())
            .err()
            .unwrap();
        assert_eq!(
            errors.get("name").english(),
            "Enter the full name of the person."
        );
        assert_eq!(
            errors.get("group").english(),
            "Choose a group from the list, or none."
        );
    }

    #[test]
    fn a_sponsor_account_speaks_for_one_organisation_and_nothing_else() {
        let groups = [group()];
        let afnor = Organisation {
            id: "o-afnor".into(),
            kind: crate::domain::nomination::OrganisationKind::MemberBody,
            acronym: "AFNOR".into(),
            name: "Association Française de Normalisation".into(),
            country: Some("FR".into()),
            contact_email: None,
            language: None,
            created_at: chrono::NaiveDateTime::default(),
        };
        let sponsors = [afnor];
        let input = InviteInput {
            name: "Pierre Martin".into(),
            email: "pierre@afnor.example".into(),
            sponsor: "o-afnor".into(),
            ..InviteInput::default()
        };
        let invitation = Invitation::parse(&input, &groups, &sponsors, &Languages::default())
            .ok()
            .unwrap();
        assert_eq!(
            invitation.sponsor.map(|o| o.acronym.as_str()),
            Some("AFNOR")
        );

        for input in [
            InviteInput {
                secretariat: Some("on".into()),
                ..input.clone()
            },
            InviteInput {
                group: "g1".into(),
                ..input.clone()
            },
        ] {
            let errors = Invitation::parse(&input, &groups, &sponsors, &Languages::default())
                .err()
                .unwrap();
            assert_eq!(
                errors.get("sponsor").english(),
                "A sponsor's account is neither in the secretariat nor in a group: choose one or the other."
            );
        }
        let unknown = InviteInput {
            sponsor: "o-din".into(),
            ..input
        };
        let errors = Invitation::parse(&unknown, &groups, &sponsors, &Languages::default())
            .err()
            .unwrap();
        assert_eq!(
            errors.get("sponsor").english(),
            "Choose an organisation from the list, or none."
        );
    }
}
