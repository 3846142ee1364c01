//! The organisations that nominate members: ISO's member bodies and the
//! liaison organisations. `clarion seed` keeps those of
//! `seed/organisations.toml` in line with the file; the secretariat adds
//! others by hand and keeps each one's contact address, which seeding
//! never touches. Organisations are never deleted: memberships and votes
//! name them.

use crate::i18n::{Languages, Msg};
use chrono::NaiveDateTime;
use serde::Deserialize;

use super::{Outcome, Secretariat, required, tidy};
use crate::db::{self, DbConn};
use crate::domain::email::EmailAddress;
use crate::domain::fields::{FieldErrors, has_hidden_formatting};
use crate::domain::nomination::OrganisationKind;
use crate::domain::submission::country;
use crate::models::organisations::{self, NewOrganisation, OrganisationForm};
use crate::workflow::WorkflowError;

/// The add-organisation form as typed.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct OrganisationInput {
    /// `member_body` or `liaison`.
    pub kind: String,
    pub acronym: String,
    pub name: String,
    /// ISO 3166-1 alpha-2, for a member body.
    pub country: String,
    pub contact_email: String,
}

impl Default for OrganisationInput {
    fn default() -> Self {
        Self {
            kind: OrganisationKind::MemberBody.as_str().to_owned(),
            acronym: String::new(),
            name: String::new(),
            country: String::new(),
            contact_email: String::new(),
        }
    }
}

/// The contact form of an organisation as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ContactInput {
    pub contact_email: String,
    /// The language of mail to that address (a tag offered), or empty for
    /// the default.
    pub language: String,
}

/// An organisation worth storing, but for whether its acronym is free.
#[derive(Debug, PartialEq)]
struct ValidOrganisation {
    kind: OrganisationKind,
    acronym: String,
    name: String,
    country: Option<String>,
    contact_email: Option<String>,
}

/// An optional contact address: empty for none.
fn parse_contact(text: &str) -> Result<Option<String>, Msg> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    EmailAddress::parse(text)
        .map(|email| Some(email.as_str().to_owned()))
        .map_err(|_| Msg::new("form-org-contact"))
}

/// Plain text of a required field: tidied, bounded, without hidden formatting.
fn plain(text: &str, max: usize, missing: Msg, too_long: Msg) -> Result<String, Msg> {
    let text = required(&tidy(text), max, missing, too_long)?;
    if has_hidden_formatting(&text) {
        return Err(Msg::new("form-plain-text"));
    }
    Ok(text)
}

impl TryFrom<&OrganisationInput> for ValidOrganisation {
    type Error = FieldErrors;

    fn try_from(input: &OrganisationInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let kind = OrganisationKind::parse(input.kind.trim());
        if kind.is_none() {
            errors.add("kind", Msg::new("form-org-kind"));
        }
        let acronym = plain(
            &input.acronym,
            30,
            Msg::new("form-org-acronym"),
            Msg::new("form-org-acronym-too-long"),
        )
        .map_err(|m| errors.add("acronym", m));
        let name = plain(
            &input.name,
            200,
            Msg::new("form-org-name"),
            Msg::new("form-name-too-long"),
        )
        .map_err(|m| errors.add("name", m));
        let code = input.country.trim();
        let country = match (kind, code) {
            (Some(OrganisationKind::MemberBody), "") => {
                errors.add("country", Msg::new("form-org-country-missing"));
                None
            }
            (Some(OrganisationKind::MemberBody), code) => match country(code) {
                Some(found) => Some(found.alpha2().to_owned()),
                None => {
                    errors.add("country", Msg::new("form-org-country-code"));
                    None
                }
            },
            (Some(OrganisationKind::Liaison), "") | (None, _) => None,
            (Some(OrganisationKind::Liaison), _) => {
                errors.add("country", Msg::new("form-org-liaison-country"));
                None
            }
        };
        let contact_email =
            parse_contact(&input.contact_email).map_err(|m| errors.add("contact_email", m));
        match (kind, acronym, name, contact_email) {
            (Some(kind), Ok(acronym), Ok(name), Ok(contact_email)) if errors.is_empty() => {
                Ok(Self {
                    kind,
                    acronym,
                    name,
                    country,
                    contact_email,
                })
            }
            _ => Err(errors),
        }
    }
}

/// Adds an organisation, unless another has its acronym (whatever the
/// case: the acronym is how seeding and `clarion user --nominated-by` find
/// it).
pub fn add(
    conn: &mut DbConn,
    _: &Secretariat,
    input: &OrganisationInput,
    now: NaiveDateTime,
) -> Result<Outcome, WorkflowError> {
    let organisation = match ValidOrganisation::try_from(input) {
        Ok(organisation) => organisation,
        Err(errors) => return Ok(Outcome::Refused(errors)),
    };
    db::write_transaction(conn, |conn| {
        if let Some(same) = organisations::find_by_acronym_caseless(conn, &organisation.acronym)? {
            let mut errors = FieldErrors::default();
            errors.add(
                "acronym",
                Msg::new("form-organisation-taken")
                    .with("acronym", same.acronym.as_str())
                    .with("name", same.name.as_str()),
            );
            return Ok(Outcome::Refused(errors));
        }
        organisations::insert(
            conn,
            &NewOrganisation {
                id: &db::new_id(),
                form: OrganisationForm {
                    kind: organisation.kind,
                    acronym: &organisation.acronym,
                    name: &organisation.name,
                    country: organisation.country.as_deref(),
                },
                contact_email: organisation.contact_email.as_deref(),
                created_at: now,
            },
        )?;
        Ok(Outcome::Done(()))
    })
}

/// Sets or clears the contact address of organisation `id`, and the
/// language of mail to it (one of `languages`, or the default).
pub fn set_contact(
    conn: &mut DbConn,
    _: &Secretariat,
    languages: &Languages,
    id: &str,
    input: &ContactInput,
) -> Result<Outcome, WorkflowError> {
    organisations::find(conn, id)?;
    let mut errors = FieldErrors::default();
    let email = parse_contact(&input.contact_email).map_err(|m| errors.add("contact_email", m));
    let language = match input.language.trim() {
        "" => Ok(None),
        tag => languages
            .offered(tag)
            .map(|lang| Some(lang.tag()))
            .ok_or_else(|| errors.add("language", Msg::new("form-language-offered"))),
    };
    let (Ok(email), Ok(language)) = (email, language) else {
        return Ok(Outcome::Refused(errors));
    };
    if !db::write_transaction(conn, |conn| {
        Ok::<_, diesel::result::Error>(
            organisations::set_contact_email(conn, id, email.as_deref())?
                && organisations::set_language(conn, id, language.as_deref())?,
        )
    })? {
        return Err(WorkflowError::NotFound);
    }
    Ok(Outcome::Done(()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(kind: &str, acronym: &str, country: &str, contact: &str) -> OrganisationInput {
        OrganisationInput {
            kind: kind.into(),
            acronym: acronym.into(),
            name: " Example   Standards Body ".into(),
            country: country.into(),
            contact_email: contact.into(),
        }
    }

    #[test]
    fn an_organisation_is_read_tidily() {
        let body =
            ValidOrganisation::try_from(&typed("member_body", " XSB ", "fr", " Clar@XSB.example "))
                .unwrap();
        assert_eq!(
            body,
            ValidOrganisation {
                kind: OrganisationKind::MemberBody,
                acronym: "XSB".into(),
                name: "Example Standards Body".into(),
                country: Some("FR".into()),
                contact_email: Some("clar@xsb.example".into()),
            }
        );
        let liaison = ValidOrganisation::try_from(&typed("liaison", "XLO", " ", "")).unwrap();
        assert_eq!((liaison.country, liaison.contact_email), (None, None));
    }

    #[test]
    fn each_field_of_an_organisation_says_what_is_wrong_with_it() {
        let errors = ValidOrganisation::try_from(&OrganisationInput {
            kind: "club".into(),
            acronym: "A".repeat(31),
            name: " ".into(),
            country: "".into(),
            contact_email: "nobody".into(),
        })
        .unwrap_err();
        assert_eq!(
            errors.get("kind").english(),
            "Choose member body or liaison organisation."
        );
        assert_eq!(
            errors.get("acronym").english(),
            "Enter an acronym of at most 30 characters."
        );
        assert_eq!(
            errors.get("name").english(),
            "Enter the full name of the organisation."
        );
        assert_eq!(
            errors.get("contact_email").english(),
            "Enter the contact address in the form name@example.org, or leave it empty."
        );

        let errors = ValidOrganisation::try_from(&typed("member_body", "", "XX", "")).unwrap_err();
        assert_eq!(
            errors.get("acronym").english(),
            "Enter the acronym, for example AFNOR or ILAC."
        );
        assert_eq!(
            errors.get("country").english(),
            "Enter a two-letter country code of ISO 3166, for example FR."
        );
        let errors = ValidOrganisation::try_from(&typed("member_body", "X", "", "")).unwrap_err();
        assert!(
            errors
                .get("country")
                .english()
                .starts_with("Enter the country")
        );
        let errors = ValidOrganisation::try_from(&typed("liaison", "X", "FR", "")).unwrap_err();
        assert_eq!(
            errors.get("country").english(),
            "A liaison organisation is international: leave the country empty."
        );
        let errors =
            ValidOrganisation::try_from(&typed("liaison", "X\u{200B}Y", "", "")).unwrap_err();
        assert!(
            errors
                .get("acronym")
                .english()
                .contains("invisible formatting")
        );
    }
}
