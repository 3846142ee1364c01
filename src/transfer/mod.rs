//! Published clarifications in and out of the database, as CSV or JSON:
//! `clarion export`, `clarion import` and the public CSV download.
//!
//! A [`Clarification`] holds what is public about a published request and
//! nothing about who asked. Dates are RFC 3339 in UTC, to the microsecond
//! at most, which both databases store exactly: exporting what was imported
//! gives back the same bytes.

pub mod format;
pub mod import;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, SecondsFormat, SubsecRound};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::db::DbConn;
use crate::db::schema::{groups, requests, standards};
use crate::domain::lifecycle::State;
use crate::models::references;

pub use format::{
    DOWNLOAD_COLUMNS, Download, Format, read, read_csv, read_json, write, write_csv,
    write_download, write_json,
};
pub(crate) use import::{
    ContactRow, EventRow, RequestRow, insert_contacts, insert_events, insert_requests,
    reserve_references,
};
pub use import::{ImportError, Problem, Report, import};

/// One published clarification, as files and the public download carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clarification {
    /// `CR-YYYY-NNNN`
    pub reference: String,
    /// The slug of the standard, e.g. `iso-iec-17025-2017`.
    pub standard: String,
    pub standard_designation: String,
    pub standard_edition: i32,
    /// The code of the responsible maintenance group; empty when none.
    #[serde(default)]
    pub group: String,
    pub clause: String,
    pub question: String,
    pub answer: String,
    /// RFC 3339 (a plain `YYYY-MM-DD` is read as midnight UTC); may be empty.
    #[serde(default)]
    pub decided_at: String,
    pub published_at: String,
    pub consider_at_revision: bool,
    /// `current`, `superseded`, `incorporated` or `withdrawn`.
    pub status: String,
    #[serde(default)]
    pub status_note: String,
    /// Demo or synthetic data rather than a real clarification.
    #[serde(default)]
    pub sample: bool,
}

/// The CSV header, in the order of [`Clarification`]'s fields.
pub const COLUMNS: [&str; 14] = [
    "reference",
    "standard",
    "standard_designation",
    "standard_edition",
    "group",
    "clause",
    "question",
    "answer",
    "decided_at",
    "published_at",
    "consider_at_revision",
    "status",
    "status_note",
    "sample",
];

/// What a published clarification that carries no publication flag is.
const CURRENT: &str = "current";
const FLAGS: [&str; 3] = ["superseded", "incorporated", "withdrawn"];

// ---------------------------------------------------------------------------
// Reading the database
// ---------------------------------------------------------------------------

/// A published request as the export reads it, column for column.
#[derive(Queryable)]
struct Stored {
    reference: Option<String>,
    slug: String,
    designation: String,
    edition: i32,
    group: Option<String>,
    clause: String,
    question: String,
    answer: Option<String>,
    decided_at: Option<NaiveDateTime>,
    published_at: Option<NaiveDateTime>,
    consider_at_revision: bool,
    flag: Option<String>,
    flag_note: Option<String>,
    sample: bool,
}

/// Every published clarification, in the order of their references.
pub fn load_published(conn: &mut DbConn) -> QueryResult<Vec<Clarification>> {
    published(conn, None)
}

/// Published clarifications, all of them or those with one of `only`'s
/// references, ordered by year and sequence (text order would put
/// CR-2025-10000 before CR-2025-1001).
fn published(conn: &mut DbConn, only: Option<&[String]>) -> QueryResult<Vec<Clarification>> {
    let mut query = requests::table
        .inner_join(standards::table)
        .left_join(groups::table)
        .filter(requests::state.eq(State::Published.as_str()))
        .select((
            requests::reference,
            standards::slug,
            standards::designation,
            standards::edition,
            groups::code.nullable(),
            requests::clause,
            requests::question,
            requests::answer,
            requests::decided_at,
            requests::published_at,
            requests::consider_at_revision,
            requests::publication_flag,
            requests::publication_flag_note,
            requests::is_sample,
        ))
        .into_boxed();
    if let Some(references) = only {
        query = query.filter(requests::reference.eq_any(references));
    }
    let rows: Vec<Stored> = query.load(conn)?;
    let mut records: Vec<Clarification> = rows.into_iter().map(Clarification::from).collect();
    records.sort_by_cached_key(|r| (references::parse(&r.reference), r.reference.clone()));
    Ok(records)
}

impl From<Stored> for Clarification {
    fn from(row: Stored) -> Clarification {
        Clarification {
            reference: row.reference.unwrap_or_default(),
            standard: row.slug,
            standard_designation: row.designation,
            standard_edition: row.edition,
            group: row.group.unwrap_or_default(),
            clause: row.clause,
            question: row.question,
            answer: row.answer.unwrap_or_default(),
            decided_at: row.decided_at.map(timestamp).unwrap_or_default(),
            published_at: row.published_at.map(timestamp).unwrap_or_default(),
            consider_at_revision: row.consider_at_revision,
            status: row.flag.unwrap_or_else(|| CURRENT.to_owned()),
            status_note: row.flag_note.unwrap_or_default(),
            sample: row.sample,
        }
    }
}

/// A stored moment as RFC 3339, e.g. `2025-03-04T09:15:00Z`.
pub fn timestamp(at: NaiveDateTime) -> String {
    at.and_utc()
        .trunc_subsecs(6)
        .to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

fn parse_timestamp(text: &str) -> Option<NaiveDateTime> {
    let text = text.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Some(at.naive_utc().trunc_subsecs(6));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .map(|day| day.and_time(NaiveTime::MIN))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_rfc3339_to_the_microsecond() {
        let at = NaiveDate::from_ymd_opt(2025, 3, 4)
            .unwrap()
            .and_hms_nano_opt(10, 30, 0, 123_456_789)
            .unwrap();
        assert_eq!(timestamp(at), "2025-03-04T10:30:00.123456Z");
        assert_eq!(
            parse_timestamp("2025-03-04T12:30:00.123456789+02:00").map(timestamp),
            Some("2025-03-04T10:30:00.123456Z".into())
        );
        assert_eq!(
            parse_timestamp("2025-03-04").map(timestamp),
            Some("2025-03-04T00:00:00Z".into())
        );
        assert_eq!(parse_timestamp("4 March 2025"), None);
    }
}
