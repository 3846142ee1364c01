//! The link from a follow-up request to the request it follows, both ways.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{follow_ups, requests};
use crate::domain::follow_up::{Kind, Outcome};
use crate::domain::lifecycle::{ClosureReason, State};

/// A follow-up's own link.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = follow_ups)]
pub struct Link {
    pub request_id: String,
    pub original_id: String,
    pub kind: Kind,
    /// The reasons, or the information.
    pub statement: String,
}

pub fn insert(conn: &mut DbConn, link: &Link) -> QueryResult<()> {
    diesel::insert_into(follow_ups::table)
        .values(link)
        .execute(conn)
        .map(drop)
}

/// The link of `request_id`, if it follows another request.
pub fn of(conn: &mut DbConn, request_id: &str) -> QueryResult<Option<Link>> {
    follow_ups::table
        .find(request_id)
        .select(Link::as_select())
        .first(conn)
        .optional()
}

/// A follow-up as its original lists it.
#[derive(Debug, Clone, Queryable, serde::Serialize)]
pub struct Listed {
    pub reference: String,
    pub kind: Kind,
    pub state: State,
    pub closure_reason: Option<ClosureReason>,
    pub created_at: NaiveDateTime,
}

impl Listed {
    /// How it ended, once it did.
    pub fn outcome(&self) -> Option<Outcome> {
        Outcome::of(self.state, self.closure_reason)
    }
}

/// The confirmed follow-ups of `original_id`, oldest first.
pub fn of_original(conn: &mut DbConn, original_id: &str) -> QueryResult<Vec<Listed>> {
    follow_ups::table
        .inner_join(requests::table.on(requests::id.eq(follow_ups::request_id)))
        .filter(follow_ups::original_id.eq(original_id))
        .filter(requests::reference.is_not_null())
        .order((requests::created_at, requests::id))
        .select((
            requests::reference.assume_not_null(),
            follow_ups::kind,
            requests::state,
            requests::closure_reason,
            requests::created_at,
        ))
        .load(conn)
}

/// Whether the submitter asked for `original_id` to be reconsidered.
pub fn reconsideration_asked(conn: &mut DbConn, original_id: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        follow_ups::table
            .filter(follow_ups::original_id.eq(original_id))
            .filter(follow_ups::kind.eq(Kind::Reconsideration)),
    ))
    .get_result(conn)
}

/// For each of `request_ids` that follows another request: its id, kind
/// and the original's reference, in one query (a page of a list).
pub fn originals_of(
    conn: &mut DbConn,
    request_ids: &[&str],
) -> QueryResult<Vec<(String, Kind, String)>> {
    follow_ups::table
        .inner_join(requests::table.on(requests::id.eq(follow_ups::original_id)))
        .filter(follow_ups::request_id.eq_any(request_ids))
        .filter(requests::reference.is_not_null())
        .select((
            follow_ups::request_id,
            follow_ups::kind,
            requests::reference.assume_not_null(),
        ))
        .load(conn)
}
