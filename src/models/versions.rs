//! The versions of a published clarification: each one a correction
//! replaced or put, under its permanent number. Appended, never changed.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{
    clarification_versions, corrected_clarifications, events, standards, users,
};
use crate::domain::lifecycle::Action;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = clarification_versions)]
pub struct Version {
    pub request_id: String,
    pub number: i32,
    /// The event that issued it; for version 1, its publication.
    pub event_id: Option<String>,
    pub standard_id: String,
    pub clause: String,
    pub question: String,
    pub answer: String,
    pub answer_html: String,
    /// `editorial` or `substantive`; none for the first publication.
    pub kind: Option<String>,
    pub note: Option<String>,
    pub published_at: NaiveDateTime,
    pub published_by: Option<String>,
}

/// A version with its standard as people cite it and the name of whoever
/// issued it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Named {
    #[serde(flatten)]
    pub version: Version,
    pub standard: String,
    pub by: Option<String>,
}

pub fn insert(conn: &mut DbConn, version: &Version) -> QueryResult<()> {
    diesel::insert_into(clarification_versions::table)
        .values(version)
        .execute(conn)
        .map(drop)
}

/// A request's stored versions, oldest first; none before its first
/// correction.
pub fn for_request(conn: &mut DbConn, request_id: &str) -> QueryResult<Vec<Named>> {
    let rows: Vec<(Version, String, i32, Option<String>)> = clarification_versions::table
        .inner_join(standards::table)
        .left_join(users::table.on(clarification_versions::published_by.eq(users::id.nullable())))
        .filter(clarification_versions::request_id.eq(request_id))
        .order(clarification_versions::number)
        .select((
            Version::as_select(),
            standards::designation,
            standards::edition,
            users::name.nullable(),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(version, designation, edition, by)| Named {
            version,
            standard: format!("{designation}:{edition}"),
            by,
        })
        .collect())
}

/// One stored version of a request.
pub fn find(conn: &mut DbConn, request_id: &str, number: i32) -> QueryResult<Option<Version>> {
    clarification_versions::table
        .find((request_id, number))
        .select(Version::as_select())
        .first(conn)
        .optional()
}

/// The event that published the request and who acted in it, if it was
/// published in Clarion (imported answers were not).
pub fn publication(
    conn: &mut DbConn,
    request_id: &str,
) -> QueryResult<Option<(String, Option<String>)>> {
    events::table
        .filter(events::request_id.eq(request_id))
        .filter(events::action.eq(Action::Publish))
        .order((events::created_at.desc(), events::id.desc()))
        .select((events::id, events::actor_user_id))
        .first(conn)
        .optional()
}

/// The version in force of a corrected clarification.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = corrected_clarifications)]
pub struct Current {
    pub request_id: String,
    pub version: i32,
    pub corrected_at: NaiveDateTime,
    pub note: String,
}

/// The number of the version in force: 1 until a correction.
pub fn current_number(conn: &mut DbConn, request_id: &str) -> QueryResult<i32> {
    let number: Option<i32> = corrected_clarifications::table
        .find(request_id)
        .select(corrected_clarifications::version)
        .first(conn)
        .optional()?;
    Ok(number.unwrap_or(1))
}

/// Makes `current` the version in force of its clarification.
pub fn set_current(conn: &mut DbConn, current: &Current) -> QueryResult<()> {
    let updated = diesel::update(corrected_clarifications::table.find(&current.request_id))
        .set(current)
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(corrected_clarifications::table)
            .values(current)
            .execute(conn)?;
    }
    Ok(())
}
