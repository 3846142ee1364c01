//! Clarification requests. The lifecycle rules live in `domain`; this is
//! storage.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{requests, standards};

/// A published clarification as lists show it.
#[derive(Debug, Clone, Queryable)]
pub struct PublishedSummary {
    pub reference: Option<String>,
    pub clause: String,
    pub question: String,
    pub published_at: Option<NaiveDateTime>,
    pub standard_slug: String,
    pub standard_designation: String,
    pub standard_edition: i32,
}

type SummaryColumns = (
    requests::reference,
    requests::clause,
    requests::question,
    requests::published_at,
    standards::slug,
    standards::designation,
    standards::edition,
);

const SUMMARY: SummaryColumns = (
    requests::reference,
    requests::clause,
    requests::question,
    requests::published_at,
    standards::slug,
    standards::designation,
    standards::edition,
);

pub fn latest_published(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<PublishedSummary>> {
    requests::table
        .inner_join(standards::table)
        .filter(requests::state.eq("published"))
        .order(requests::published_at.desc())
        .limit(limit)
        .select(SUMMARY)
        .load(conn)
}

pub fn published_for_standard(
    conn: &mut DbConn,
    standard_id: &str,
) -> QueryResult<Vec<PublishedSummary>> {
    requests::table
        .inner_join(standards::table)
        .filter(requests::state.eq("published"))
        .filter(requests::standard_id.eq(standard_id))
        .order(requests::published_at.desc())
        .select(SUMMARY)
        .load(conn)
}
