//! External committees: the committees that own standards outside this
//! registry, with the contact a referred submitter receives and the
//! designations each owns (what a referral looks up). A designation belongs
//! to one committee at a time: listed by another, it moves.

use crate::i18n::Msg;
use chrono::NaiveDateTime;
use serde::Deserialize;

use super::{Outcome, Secretariat, required, tidy};
use crate::db::{self, DbConn};
use crate::domain::fields::FieldErrors;
use crate::models::committees::{self, CommitteeForm, NewCommittee, normalise_designation};
use crate::models::standards;
use crate::workflow::WorkflowError;

/// The committee form as typed; designations one per line.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CommitteeInput {
    pub code: String,
    pub name: String,
    pub contact: String,
    pub url: String,
    pub designations: String,
}

/// A committee worth storing, but for what only the database can tell.
struct ValidCommittee {
    code: String,
    name: String,
    contact: String,
    url: String,
    /// Normalised, without duplicates, in the order typed.
    designations: Vec<String>,
}

impl ValidCommittee {
    fn form(&self) -> CommitteeForm<'_> {
        CommitteeForm {
            code: &self.code,
            name: &self.name,
            contact: &self.contact,
            url: &self.url,
        }
    }
}

impl TryFrom<&CommitteeInput> for ValidCommittee {
    type Error = FieldErrors;

    fn try_from(input: &CommitteeInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let code = required(
            &tidy(&input.code),
            50,
            Msg::new("form-committee-code"),
            Msg::new("form-code-too-long"),
        )
        .map_err(|m| errors.add("code", m));
        let name = required(
            &tidy(&input.name),
            200,
            Msg::new("form-committee-name"),
            Msg::new("form-name-too-long"),
        )
        .map_err(|m| errors.add("name", m));
        let contact = required(
            &input.contact,
            2000,
            Msg::new("form-committee-contact"),
            Msg::new("form-contact-too-long"),
        )
        .map_err(|m| errors.add("contact", m));
        let url = parse_url(&input.url).map_err(|m| errors.add("url", m));
        let mut designations: Vec<String> = Vec::new();
        for line in input.designations.lines() {
            let designation = normalise_designation(line);
            if designation.is_empty() || designations.contains(&designation) {
                continue;
            }
            if designation.chars().count() > 100 {
                errors.add("designations", Msg::new("form-designations-too-long"));
            }
            designations.push(designation);
        }
        match (code, name, contact, url) {
            (Ok(code), Ok(name), Ok(contact), Ok(url)) if errors.is_empty() => Ok(Self {
                code,
                name,
                contact,
                url,
                designations,
            }),
            _ => Err(errors),
        }
    }
}

fn parse_url(text: &str) -> Result<String, Msg> {
    let url = text.trim();
    if url.is_empty() {
        return Err(Msg::new("form-committee-url"));
    }
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(rest)
            if rest.len() > 2
                && rest.contains('.')
                && url.len() <= 500
                && !url.chars().any(|c| c.is_whitespace() || c.is_control()) =>
        {
            Ok(url.to_owned())
        }
        _ => Err(Msg::new("form-committee-url-form")),
    }
}

/// Checks what only the database knows: the code is free, and no designation
/// is one of the standards handled here. Designations owned by another
/// committee are allowed: they move. Returns the errors, and how many
/// designations move.
fn check(
    conn: &mut DbConn,
    committee: &ValidCommittee,
    committee_id: Option<&str>,
) -> Result<(FieldErrors, usize), WorkflowError> {
    let mut errors = FieldErrors::default();
    if committees::code_taken(conn, &committee.code, committee_id)? {
        errors.add(
            "code",
            Msg::new("form-committee-code-taken").with("code", committee.code.as_str()),
        );
    }
    let ours: Vec<String> = standards::all_with_groups(conn)?
        .into_iter()
        .map(|(s, _)| normalise_designation(&s.designation))
        .collect();
    if let Some(clash) = committee.designations.iter().find(|d| ours.contains(d)) {
        errors.add(
            "designations",
            Msg::new("form-designation-handled-here").with("designation", clash.as_str()),
        );
    }
    let moving = committees::owned_elsewhere(conn, &committee.designations, committee_id)?.len();
    Ok((errors, moving))
}

/// Adds a committee with its designations; done, it tells how many
/// designations moved to it from other committees.
pub fn add(
    conn: &mut DbConn,
    _: &Secretariat,
    input: &CommitteeInput,
    now: NaiveDateTime,
) -> Result<Outcome<usize>, WorkflowError> {
    let committee = match ValidCommittee::try_from(input) {
        Ok(committee) => committee,
        Err(errors) => return Ok(Outcome::Refused(errors)),
    };
    db::write_transaction(conn, |conn| {
        let (errors, moved) = check(conn, &committee, None)?;
        if !errors.is_empty() {
            return Ok(Outcome::Refused(errors));
        }
        let id = db::new_id();
        committees::insert(
            conn,
            &NewCommittee {
                id: &id,
                form: committee.form(),
                created_at: now,
            },
        )?;
        committees::replace_designations(conn, &id, &committee.designations)?;
        Ok(Outcome::Done(moved))
    })
}

/// Saves committee `id` and makes the designations typed exactly its list;
/// done, it tells how many designations moved to it from other committees.
pub fn update(
    conn: &mut DbConn,
    _: &Secretariat,
    id: &str,
    input: &CommitteeInput,
) -> Result<Outcome<usize>, WorkflowError> {
    committees::find(conn, id)?;
    let committee = match ValidCommittee::try_from(input) {
        Ok(committee) => committee,
        Err(errors) => return Ok(Outcome::Refused(errors)),
    };
    db::write_transaction(conn, |conn| {
        let (errors, moved) = check(conn, &committee, Some(id))?;
        if !errors.is_empty() {
            return Ok(Outcome::Refused(errors));
        }
        committees::update(conn, id, &committee.form())?;
        committees::replace_designations(conn, id, &committee.designations)?;
        Ok(Outcome::Done(moved))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(designations: &str) -> CommitteeInput {
        CommitteeInput {
            code: " ISO/TC  176 ".into(),
            name: "Quality management".into(),
            contact: "Write to the secretary.".into(),
            url: "https://www.iso.org/committee/53882.html".into(),
            designations: designations.into(),
        }
    }

    #[test]
    fn designations_are_normalised_once_each_in_the_order_typed() {
        let committee =
            ValidCommittee::try_from(&typed("iso 9004\n\n ISO  9001:2015 \nISO 9004\n")).unwrap();
        assert_eq!(committee.code, "ISO/TC 176");
        assert_eq!(committee.designations, ["ISO 9004", "ISO 9001"]);
    }

    #[test]
    fn each_field_says_what_is_wrong_with_it() {
        let input = CommitteeInput {
            code: String::new(),
            name: "n".repeat(201),
            contact: " ".into(),
            url: "www.iso.org".into(),
            designations: "X".repeat(101),
        };
        let errors = ValidCommittee::try_from(&input).err().unwrap();
        assert_eq!(
            errors.get("code").english(),
            "Enter the code of the committee, for example ISO/TC 176."
        );
        assert_eq!(
            errors.get("name").english(),
            "Enter a name of at most 200 characters."
        );
        assert_eq!(
            errors.get("contact").english(),
            "Enter how a submitter reaches this committee."
        );
        assert!(
            errors
                .get("url")
                .english()
                .starts_with("Enter a web address")
        );
        assert_eq!(
            errors.get("designations").english(),
            "Enter designations of at most 100 characters each, one per line."
        );
    }

    #[test]
    fn public_pages_are_web_addresses() {
        assert!(parse_url("http://iso.org").is_ok());
        for bad in [
            "",
            "https://",
            "https://x",
            "ftp://iso.org",
            "https://iso .org",
        ] {
            assert!(parse_url(bad).is_err(), "{bad:?}");
        }
    }
}
