use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{external_committees, external_designations};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = external_committees)]
pub struct Committee {
    pub id: String,
    pub code: String,
    pub name: String,
    pub contact: String,
    pub url: String,
    pub created_at: NaiveDateTime,
}

#[derive(Insertable, AsChangeset)]
#[diesel(table_name = external_committees)]
pub struct CommitteeForm<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub contact: &'a str,
    pub url: &'a str,
}

#[derive(Insertable)]
#[diesel(table_name = external_committees)]
pub struct NewCommittee<'a> {
    pub id: &'a str,
    #[diesel(embed)]
    pub form: CommitteeForm<'a>,
    pub created_at: NaiveDateTime,
}

/// A designation as stored for lookup: upper case, single spaces, without
/// an edition year (`iso/iec 27001:2022` → `ISO/IEC 27001`).
pub fn normalise_designation(text: &str) -> String {
    let without_year = text.split(':').next().unwrap_or(text);
    without_year
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase()
}

pub fn all(conn: &mut DbConn) -> QueryResult<Vec<Committee>> {
    external_committees::table
        .order(external_committees::code)
        .select(Committee::as_select())
        .load(conn)
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Committee> {
    external_committees::table
        .find(id)
        .select(Committee::as_select())
        .first(conn)
}

/// A committee with the designations it owns, in alphabetical order.
pub struct WithDesignations {
    pub committee: Committee,
    pub designations: Vec<String>,
}

pub fn all_with_designations(conn: &mut DbConn) -> QueryResult<Vec<WithDesignations>> {
    let all = all(conn)?;
    let mut owned: HashMap<String, Vec<String>> = HashMap::new();
    let rows: Vec<(String, String)> = external_designations::table
        .order(external_designations::designation)
        .select((
            external_designations::committee_id,
            external_designations::designation,
        ))
        .load(conn)?;
    for (committee_id, designation) in rows {
        owned.entry(committee_id).or_default().push(designation);
    }
    Ok(all
        .into_iter()
        .map(|committee| WithDesignations {
            designations: owned.remove(&committee.id).unwrap_or_default(),
            committee,
        })
        .collect())
}

pub fn designations_of(conn: &mut DbConn, committee_id: &str) -> QueryResult<Vec<String>> {
    external_designations::table
        .filter(external_designations::committee_id.eq(committee_id))
        .order(external_designations::designation)
        .select(external_designations::designation)
        .load(conn)
}

/// Another committee (not `except_id`) whose code is `code`, ignoring case.
pub fn code_taken(conn: &mut DbConn, code: &str, except_id: Option<&str>) -> QueryResult<bool> {
    let code = code.to_lowercase();
    Ok(external_committees::table
        .select((external_committees::id, external_committees::code))
        .load::<(String, String)>(conn)?
        .iter()
        .any(|(id, c)| c.to_lowercase() == code && Some(id.as_str()) != except_id))
}

pub fn insert(conn: &mut DbConn, committee: &NewCommittee<'_>) -> QueryResult<()> {
    diesel::insert_into(external_committees::table)
        .values(committee)
        .execute(conn)
        .map(drop)
}

pub fn update(conn: &mut DbConn, id: &str, form: &CommitteeForm<'_>) -> QueryResult<()> {
    diesel::update(external_committees::table.find(id))
        .set(form)
        .execute(conn)
        .map(drop)
}

pub fn find_by_code(conn: &mut DbConn, code: &str) -> QueryResult<Option<Committee>> {
    external_committees::table
        .filter(external_committees::code.eq(code))
        .select(Committee::as_select())
        .first(conn)
        .optional()
}

/// The committee owning a designation, if the registry knows it.
pub fn owner_of(conn: &mut DbConn, designation: &str) -> QueryResult<Option<Committee>> {
    external_designations::table
        .inner_join(external_committees::table)
        .filter(external_designations::designation.eq(normalise_designation(designation)))
        .select(Committee::as_select())
        .first(conn)
        .optional()
}

/// Gives `designation` to `committee_id`, moving it if another committee had it.
pub fn assign_designation(
    conn: &mut DbConn,
    designation: &str,
    committee_id: &str,
) -> QueryResult<()> {
    let designation = normalise_designation(designation);
    let updated = diesel::update(external_designations::table.find(&designation))
        .set(external_designations::committee_id.eq(committee_id))
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(external_designations::table)
            .values((
                external_designations::designation.eq(&designation),
                external_designations::committee_id.eq(committee_id),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Which committee owns each of these (normalised) designations now, other
/// than `committee_id`: (designation, owner's code).
pub fn owned_elsewhere(
    conn: &mut DbConn,
    designations: &[String],
    committee_id: Option<&str>,
) -> QueryResult<Vec<(String, String)>> {
    let mut query = external_designations::table
        .inner_join(external_committees::table)
        .filter(external_designations::designation.eq_any(designations))
        .select((
            external_designations::designation,
            external_committees::code,
        ))
        .order(external_designations::designation)
        .into_boxed();
    if let Some(id) = committee_id {
        query = query.filter(external_designations::committee_id.ne(id.to_owned()));
    }
    query.load(conn)
}

/// Makes `designations` (already normalised) exactly the list of this
/// committee: those no longer listed are dropped, those owned by another
/// committee move here.
pub fn replace_designations(
    conn: &mut DbConn,
    committee_id: &str,
    designations: &[String],
) -> QueryResult<()> {
    diesel::delete(
        external_designations::table
            .filter(external_designations::committee_id.eq(committee_id))
            .filter(external_designations::designation.ne_all(designations)),
    )
    .execute(conn)?;
    for designation in designations {
        assign_designation(conn, designation, committee_id)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::normalise_designation;

    #[test]
    fn designations_are_normalised_for_lookup() {
        assert_eq!(
            normalise_designation(" iso/iec  27001:2022 "),
            "ISO/IEC 27001"
        );
        assert_eq!(normalise_designation("ISO 9001"), "ISO 9001");
    }
}
