//! The organisations shipped in `seed/organisations.toml`: ISO's member
//! bodies and CASCO's liaison organisations. Loading is idempotent: each is
//! matched on its acronym and brought up to date from the file; none is
//! ever deleted, and the contact address the secretariat keeps is never
//! touched.

use chrono::NaiveDateTime;
use diesel::QueryResult;
use serde::Deserialize;

use crate::db::{self, DbConn};
use crate::domain::nomination::OrganisationKind;
use crate::domain::submission::country;
use crate::models::organisations::{self, NewOrganisation, OrganisationForm};

pub const BUILT_IN: &str = include_str!("../../seed/organisations.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisations {
    #[serde(default)]
    pub member_bodies: Vec<MemberBodyEntry>,
    #[serde(default)]
    pub liaisons: Vec<LiaisonEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberBodyEntry {
    pub country: String,
    pub acronym: String,
    pub name: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LiaisonEntry {
    pub acronym: String,
    pub name: String,
}

impl Organisations {
    pub fn parse(text: &str) -> Result<Self, String> {
        let file: Self = toml::from_str(text).map_err(|e| format!("organisations: {e}"))?;
        file.check()?;
        Ok(file)
    }

    pub fn built_in() -> Self {
        Self::parse(BUILT_IN).expect("seed/organisations.toml is checked by the tests")
    }

    /// How many organisations the file holds.
    pub fn count(&self) -> usize {
        self.member_bodies.len() + self.liaisons.len()
    }

    /// Every entry as the row it becomes.
    fn forms(&self) -> impl Iterator<Item = OrganisationForm<'_>> {
        let bodies = self.member_bodies.iter().map(|b| OrganisationForm {
            kind: OrganisationKind::MemberBody,
            acronym: &b.acronym,
            name: &b.name,
            country: Some(&b.country),
        });
        let liaisons = self.liaisons.iter().map(|l| OrganisationForm {
            kind: OrganisationKind::Liaison,
            acronym: &l.acronym,
            name: &l.name,
            country: None,
        });
        bodies.chain(liaisons)
    }

    /// Acronyms are unique across the file, whatever the case (the registry
    /// page refuses one that differs only in case); every member body has a
    /// country ISO 3166 knows, written as the code.
    fn check(&self) -> Result<(), String> {
        let mut seen = std::collections::HashSet::new();
        for form in self.forms() {
            let acronym = form.acronym.trim();
            if acronym.is_empty() || form.name.trim().is_empty() {
                return Err(format!(
                    "organisations: every entry needs an acronym and a name ({acronym:?})"
                ));
            }
            if !seen.insert(acronym.to_lowercase()) {
                return Err(format!("organisations: {acronym} appears twice"));
            }
            if let Some(code) = form.country
                && country(code).is_none_or(|c| c.alpha2() != code)
            {
                return Err(format!(
                    "organisations: {acronym} has the country {code:?}, not an ISO 3166 code in capitals"
                ));
            }
        }
        Ok(())
    }

    /// Brings the database in line with this file in one transaction;
    /// returns how many organisations the file holds.
    pub fn load(&self, conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<usize> {
        db::write_transaction(conn, |conn| {
            for form in self.forms() {
                match organisations::find_by_acronym(conn, form.acronym)? {
                    Some(existing) => organisations::update(conn, &existing.id, &form)?,
                    None => organisations::insert(
                        conn,
                        &NewOrganisation {
                            id: &db::new_id(),
                            form,
                            contact_email: None,
                            created_at: now,
                        },
                    )?,
                }
            }
            Ok(self.count())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_organisations_are_consistent() {
        let file = Organisations::parse(BUILT_IN).unwrap();
        let afnor = file
            .member_bodies
            .iter()
            .find(|b| b.acronym == "AFNOR")
            .unwrap();
        assert_eq!(afnor.country, "FR");
        for liaison in ["IAF", "ILAC", "IIOC", "IQNet", "IPC"] {
            assert!(
                file.liaisons.iter().any(|l| l.acronym == liaison),
                "{liaison}"
            );
        }
        assert!(
            file.member_bodies.len() > 50,
            "{}",
            file.member_bodies.len()
        );
    }

    #[test]
    fn a_twice_listed_acronym_or_an_unknown_country_is_refused() {
        let twice = "[[member_bodies]]\ncountry = \"FR\"\nacronym = \"AFNOR\"\nname = \"a\"\n\
                     [[liaisons]]\nacronym = \"afnor\"\nname = \"b\"\n";
        let err = Organisations::parse(twice).unwrap_err();
        assert!(err.contains("afnor appears twice"), "{err}");
        for code in ["XX", "fr", "FRA"] {
            let text =
                format!("[[member_bodies]]\ncountry = \"{code}\"\nacronym = \"A\"\nname = \"a\"\n");
            let err = Organisations::parse(&text).unwrap_err();
            assert!(err.contains(code), "{err}");
        }
    }
}
