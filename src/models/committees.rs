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
