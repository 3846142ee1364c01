//! Edits of a request's public wording, each beside the event that records
//! it: what it replaced and what it put. Appended, never changed.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{events, wording_edits};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = wording_edits)]
pub struct WordingEdit {
    pub event_id: String,
    pub request_id: String,
    pub question_before: String,
    pub question_after: String,
    pub clause_before: String,
    pub clause_after: String,
    pub standard_before_id: String,
    pub standard_after_id: String,
}

pub fn insert(conn: &mut DbConn, edit: &WordingEdit) -> QueryResult<()> {
    diesel::insert_into(wording_edits::table)
        .values(edit)
        .execute(conn)
        .map(drop)
}

/// A request's edits, oldest first.
pub fn for_request(conn: &mut DbConn, request_id: &str) -> QueryResult<Vec<WordingEdit>> {
    wording_edits::table
        .inner_join(events::table)
        .filter(wording_edits::request_id.eq(request_id))
        .order((events::created_at, events::id))
        .select(WordingEdit::as_select())
        .load(conn)
}
