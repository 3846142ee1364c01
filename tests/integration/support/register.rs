//! Published clarifications written straight into the database, as an
//! import would: for tests of what the public reads, not of how it got
//! published (the workflow tests cover that).

use chrono::{NaiveDate, NaiveDateTime};
use clarion::db::schema::{requests, standards};
use clarion::db::{DbConn, new_id};
use clarion::models::references;
use diesel::prelude::*;

/// A clarification to publish; `..Published::default()` fills the rest.
pub struct Published<'a> {
    pub standard: &'a str,
    pub clause: &'a str,
    pub question: &'a str,
    pub answer: &'a str,
    pub published_on: NaiveDate,
    pub flag: Option<&'a str>,
    pub consider_at_revision: bool,
}

impl Default for Published<'_> {
    fn default() -> Self {
        Published {
            standard: "iso-iec-17025-2017",
            clause: "7.2.1",
            question: "Does the laboratory have to validate methods it developed itself?",
            answer: "Yes. Clause 7.2.2 applies to methods the laboratory developed.",
            published_on: NaiveDate::from_ymd_opt(2025, 3, 14).unwrap(),
            flag: None,
            consider_at_revision: true,
        }
    }
}

pub fn noon(day: NaiveDate) -> NaiveDateTime {
    day.and_hms_opt(12, 0, 0).unwrap()
}

/// Stores a published clarification and returns its reference.
pub fn publish(conn: &mut DbConn, item: Published<'_>) -> String {
    use chrono::Datelike;
    let (standard_id, group_id): (String, Option<String>) = standards::table
        .filter(standards::slug.eq(item.standard))
        .select((standards::id, standards::group_id))
        .first(conn)
        .expect("the standard is in the registry");
    let at = noon(item.published_on);
    let reference = references::allocate(conn, at.year()).unwrap();
    diesel::insert_into(requests::table)
        .values((
            requests::id.eq(new_id()),
            requests::reference.eq(&reference),
            requests::state.eq("published"),
            requests::standard_id.eq(standard_id),
            requests::group_id.eq(group_id),
            requests::clause.eq(item.clause),
            requests::question.eq(item.question),
            requests::answer.eq(item.answer),
            requests::submitter_country.eq("NO"),
            requests::submitter_category.eq("accreditation_body"),
            requests::consider_at_revision.eq(item.consider_at_revision),
            requests::publication_flag.eq(item.flag),
            requests::publication_flag_note.eq(item.flag.map(|_| "See the new edition.")),
            requests::created_at.eq(at),
            requests::confirmed_at.eq(at),
            requests::decided_at.eq(at),
            requests::published_at.eq(at),
            requests::updated_at.eq(at),
        ))
        .execute(conn)
        .unwrap();
    reference
}
