//! The registry shipped in `seed/registry.toml`: standards, their maintenance
//! groups and the external committees used for referrals; with it, the
//! organisations of `seed/organisations.toml` that nominate the groups'
//! members, which every registry shares. Loading it is idempotent: rows are
//! matched by code, slug or acronym and brought up to date.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Deserialize;

use crate::db::schema::{external_committees, groups, standards};
use crate::db::{self, DbConn};
use crate::models::committees::{self, CommitteeForm, NewCommittee};
use crate::models::groups::NewGroup;
use crate::models::standards::{NewStandard, StandardForm, slug_for};
use crate::models::{organisations, standards as standard_rows};
use crate::seed::organisations::Organisations;

pub const BUILT_IN: &str = include_str!("../../seed/registry.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Registry {
    #[serde(default)]
    pub groups: Vec<GroupEntry>,
    #[serde(default)]
    pub standards: Vec<StandardEntry>,
    #[serde(default)]
    pub committees: Vec<CommitteeEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupEntry {
    pub code: String,
    pub name: String,
    pub name_fr: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StandardEntry {
    pub designation: String,
    pub edition: i32,
    pub title: String,
    pub title_fr: Option<String>,
    pub group: Option<String>,
    pub superseded_by: Option<String>,
}

impl StandardEntry {
    pub fn slug(&self) -> String {
        slug_for(&self.designation, self.edition)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommitteeEntry {
    pub code: String,
    pub name: String,
    pub contact: String,
    pub url: String,
    pub designations: Vec<String>,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct SeedReport {
    pub groups: usize,
    pub standards: usize,
    pub committees: usize,
    pub organisations: usize,
}

impl Registry {
    pub fn parse(text: &str) -> Result<Self, String> {
        let registry: Self = toml::from_str(text).map_err(|e| format!("registry: {e}"))?;
        registry.check()?;
        Ok(registry)
    }

    pub fn built_in() -> Self {
        Self::parse(BUILT_IN).expect("seed/registry.toml is checked by the tests")
    }

    /// Every reference inside the file points at something the file defines.
    fn check(&self) -> Result<(), String> {
        let slugs: Vec<String> = self.standards.iter().map(StandardEntry::slug).collect();
        for (entry, slug) in self.standards.iter().zip(&slugs) {
            if let Some(group) = &entry.group
                && !self.groups.iter().any(|g| &g.code == group)
            {
                return Err(format!(
                    "registry: {slug} names the unknown group {group:?}"
                ));
            }
            if let Some(newer) = &entry.superseded_by
                && !slugs.contains(newer)
            {
                return Err(format!(
                    "registry: {slug} is superseded by the unknown {newer:?}"
                ));
            }
            if slugs.iter().filter(|s| *s == slug).count() > 1 {
                return Err(format!("registry: {slug} appears twice"));
            }
        }
        Ok(())
    }

    /// Brings the database in line with this registry, and with the built-in
    /// organisations, in one transaction.
    pub fn load(&self, conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<SeedReport> {
        db::write_transaction(conn, |conn| {
            let mut group_ids = HashMap::new();
            for entry in &self.groups {
                let existing: Option<String> = groups::table
                    .filter(groups::code.eq(&entry.code))
                    .select(groups::id)
                    .first(conn)
                    .optional()?;
                let id = match existing {
                    Some(id) => {
                        diesel::update(groups::table.find(&id))
                            .set((
                                groups::name.eq(&entry.name),
                                groups::name_fr.eq(&entry.name_fr),
                            ))
                            .execute(conn)?;
                        id
                    }
                    None => {
                        let id = db::new_id();
                        diesel::insert_into(groups::table)
                            .values(NewGroup {
                                id: &id,
                                code: &entry.code,
                                name: &entry.name,
                                name_fr: entry.name_fr.as_deref(),
                                created_at: now,
                            })
                            .execute(conn)?;
                        id
                    }
                };
                group_ids.insert(entry.code.as_str(), id);
            }

            // Supersession links point both ways through the list, so they are
            // set once every standard exists.
            let mut standard_ids = HashMap::new();
            for entry in &self.standards {
                let slug = entry.slug();
                let form = StandardForm {
                    slug: &slug,
                    designation: &entry.designation,
                    edition: entry.edition,
                    title: &entry.title,
                    group_id: entry
                        .group
                        .as_deref()
                        .and_then(|g| group_ids.get(g))
                        .map(String::as_str),
                    superseded_by_id: None,
                };
                let existing: Option<String> = standards::table
                    .filter(standards::slug.eq(&slug))
                    .select(standards::id)
                    .first(conn)
                    .optional()?;
                let id = match existing {
                    Some(id) => {
                        diesel::update(standards::table.find(&id))
                            .set(&form)
                            .execute(conn)?;
                        id
                    }
                    None => {
                        let id = db::new_id();
                        diesel::insert_into(standards::table)
                            .values(NewStandard {
                                id: &id,
                                form,
                                created_at: now,
                            })
                            .execute(conn)?;
                        id
                    }
                };
                standard_rows::set_title_fr(conn, &id, entry.title_fr.as_deref())?;
                standard_ids.insert(slug, id);
            }
            for entry in &self.standards {
                if let Some(newer) = &entry.superseded_by {
                    diesel::update(standards::table.find(&standard_ids[&entry.slug()]))
                        .set(standards::superseded_by_id.eq(&standard_ids[newer]))
                        .execute(conn)?;
                }
            }

            for entry in &self.committees {
                let form = CommitteeForm {
                    code: &entry.code,
                    name: &entry.name,
                    contact: &entry.contact,
                    url: &entry.url,
                };
                let id = match committees::find_by_code(conn, &entry.code)? {
                    Some(existing) => {
                        diesel::update(external_committees::table.find(&existing.id))
                            .set(&form)
                            .execute(conn)?;
                        existing.id
                    }
                    None => {
                        let id = db::new_id();
                        diesel::insert_into(external_committees::table)
                            .values(NewCommittee {
                                id: &id,
                                form,
                                created_at: now,
                            })
                            .execute(conn)?;
                        id
                    }
                };
                for designation in &entry.designations {
                    committees::assign_designation(conn, designation, &id)?;
                }
            }
            Ok(SeedReport {
                groups: self.groups.len(),
                standards: self.standards.len(),
                committees: self.committees.len(),
                organisations: Organisations::built_in().load(conn, now)?,
            })
        })
    }
}

/// What a database gets when it starts without a registry: the built-in
/// registry when it has no standard, and the built-in organisations when it
/// has none (a database from before organisations were kept). Counts what
/// was loaded; nothing when both were there.
pub fn fill_empty(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<SeedReport> {
    db::write_transaction(conn, |conn| {
        if standard_rows::count(conn)? == 0 {
            Registry::built_in().load(conn, now)
        } else if organisations::count(conn)? == 0 {
            Ok(SeedReport {
                organisations: Organisations::built_in().load(conn, now)?,
                ..SeedReport::default()
            })
        } else {
            Ok(SeedReport::default())
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_registry_is_consistent() {
        let registry = Registry::parse(BUILT_IN).unwrap();
        assert!(
            registry
                .standards
                .iter()
                .any(|s| s.slug() == "iso-iec-17025-2017")
        );
        assert!(
            registry
                .committees
                .iter()
                .any(|c| c.code == "ISO/TC 176" && c.designations.iter().any(|d| d == "ISO 9001"))
        );
    }

    #[test]
    fn a_dangling_group_is_refused() {
        let err = Registry::parse(
            "[[standards]]\ndesignation = \"ISO/IEC 17025\"\nedition = 2017\ntitle = \"t\"\ngroup = \"MG X\"\n",
        )
        .unwrap_err();
        assert!(err.contains("MG X"), "{err}");
    }
}
