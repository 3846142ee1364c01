//! A request's sponsor (the member body or liaison that vouches for it)
//! and its endorsement: the hash of the link the sponsor was sent, when it
//! was asked and reminded, and what it decided.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{endorsements, organisations, requests};
use crate::domain::intake::Decision;
use crate::domain::lifecycle::State;
use crate::models::organisations::Organisation;
use crate::models::requests::Request;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = endorsements)]
pub struct Endorsement {
    pub request_id: String,
    pub sponsor_id: String,
    pub requested_at: Option<NaiveDateTime>,
    pub reminded_at: Option<NaiveDateTime>,
    pub decision: Option<String>,
    pub decided_at: Option<NaiveDateTime>,
    pub note: Option<String>,
}

/// A request naming its sponsor, stored with the request; decided already
/// when one of the sponsor's accounts sent it.
#[derive(Insertable)]
#[diesel(table_name = endorsements, treat_none_as_default_value = false)]
pub struct NewEndorsement {
    pub request_id: String,
    pub sponsor_id: String,
    pub decision: Option<&'static str>,
    pub decided_at: Option<NaiveDateTime>,
    pub decided_by: Option<String>,
}

pub fn insert_all(conn: &mut DbConn, rows: &[NewEndorsement]) -> QueryResult<()> {
    crate::db::insert_rows!(conn, endorsements::table, rows)
}

/// The request's endorsement, if it names a sponsor.
pub fn of(conn: &mut DbConn, request_id: &str) -> QueryResult<Option<Endorsement>> {
    endorsements::table
        .find(request_id)
        .select(Endorsement::as_select())
        .first(conn)
        .optional()
}

/// The request's sponsor, if it names one.
pub fn sponsor_of(conn: &mut DbConn, request_id: &str) -> QueryResult<Option<Organisation>> {
    endorsements::table
        .inner_join(organisations::table)
        .filter(endorsements::request_id.eq(request_id))
        .select(Organisation::as_select())
        .first(conn)
        .optional()
}

/// The confirmed requests naming `sponsor_id`, with their endorsements,
/// the latest first: `limit` of them after the first `offset`.
pub fn of_sponsor(
    conn: &mut DbConn,
    sponsor_id: &str,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<(Endorsement, Request)>> {
    endorsements::table
        .inner_join(requests::table)
        .filter(endorsements::sponsor_id.eq(sponsor_id))
        .filter(requests::reference.is_not_null())
        .order((requests::confirmed_at.desc(), requests::id.desc()))
        .select((Endorsement::as_select(), Request::as_select()))
        .offset(offset)
        .limit(limit)
        .load(conn)
}

/// How many confirmed requests name `sponsor_id`.
pub fn count_of_sponsor(conn: &mut DbConn, sponsor_id: &str) -> QueryResult<i64> {
    endorsements::table
        .inner_join(requests::table)
        .filter(endorsements::sponsor_id.eq(sponsor_id))
        .filter(requests::reference.is_not_null())
        .count()
        .get_result(conn)
}

/// The confirmed requests naming `sponsor_id` whose endorsement is not
/// decided yet, the oldest first: those its account may still be asked
/// to answer.
pub fn undecided_of_sponsor(
    conn: &mut DbConn,
    sponsor_id: &str,
) -> QueryResult<Vec<(Endorsement, Request)>> {
    endorsements::table
        .inner_join(requests::table)
        .filter(endorsements::sponsor_id.eq(sponsor_id))
        .filter(endorsements::decision.is_null())
        .filter(requests::reference.is_not_null())
        .order((requests::confirmed_at.asc(), requests::id.asc()))
        .select((Endorsement::as_select(), Request::as_select()))
        .load(conn)
}

/// The sponsors of the requests with these references, by reference.
pub fn sponsors_by_reference(
    conn: &mut DbConn,
    references: &[&str],
) -> QueryResult<Vec<(String, Organisation)>> {
    endorsements::table
        .inner_join(requests::table)
        .inner_join(organisations::table)
        .filter(requests::reference.eq_any(references))
        .select((
            requests::reference.assume_not_null(),
            Organisation::as_select(),
        ))
        .load(conn)
}

/// The undecided endorsement whose link has this hash.
pub fn awaited_by_link(conn: &mut DbConn, token_hash: &str) -> QueryResult<Option<Endorsement>> {
    endorsements::table
        .filter(endorsements::token_hash.eq(token_hash))
        .filter(endorsements::decision.is_null())
        .select(Endorsement::as_select())
        .first(conn)
        .optional()
}

/// Records that the sponsor was sent a link (its hash) at `now`: asked
/// the first time, reminded after.
pub fn send_link(
    conn: &mut DbConn,
    request_id: &str,
    token_hash: &str,
    now: NaiveDateTime,
    reminder: bool,
) -> QueryResult<()> {
    let target = endorsements::table.find(request_id);
    if reminder {
        diesel::update(target)
            .set((
                endorsements::token_hash.eq(token_hash),
                endorsements::reminded_at.eq(now),
            ))
            .execute(conn)
    } else {
        diesel::update(target)
            .set((
                endorsements::token_hash.eq(token_hash),
                endorsements::requested_at.eq(now),
            ))
            .execute(conn)
    }
    .map(drop)
}

/// Claims the reminder of the request's awaited endorsement; false when
/// it was reminded or decided meanwhile. Every instance's worker runs the
/// reminders: without the claim two would each mail one, the second
/// link replacing the first.
pub fn claim_reminder(
    conn: &mut DbConn,
    request_id: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let claimed = diesel::update(
        endorsements::table
            .find(request_id)
            .filter(endorsements::reminded_at.is_null())
            .filter(endorsements::decision.is_null()),
    )
    .set(endorsements::reminded_at.eq(now))
    .execute(conn)?;
    Ok(claimed == 1)
}

/// Records the sponsor's decision and forgets its link; false when it was
/// decided before (someone else got there first).
pub fn decide(
    conn: &mut DbConn,
    request_id: &str,
    decision: Decision,
    decided_by: Option<&str>,
    note: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let updated = diesel::update(
        endorsements::table
            .find(request_id)
            .filter(endorsements::decision.is_null()),
    )
    .set((
        endorsements::decision.eq(decision.as_str()),
        endorsements::decided_at.eq(now),
        endorsements::decided_by.eq(decided_by),
        endorsements::note.eq(note),
        endorsements::token_hash.eq(None::<String>),
    ))
    .execute(conn)?;
    Ok(updated == 1)
}

/// Endorsements awaited since before `asked_before`; not reminded yet
/// if `unreminded`.
pub fn awaited_since(
    conn: &mut DbConn,
    asked_before: NaiveDateTime,
    unreminded: bool,
) -> QueryResult<Vec<Endorsement>> {
    let mut query = endorsements::table
        .inner_join(requests::table)
        .filter(endorsements::decision.is_null())
        .filter(endorsements::requested_at.lt(asked_before))
        .filter(requests::state.eq(State::AwaitingEndorsement))
        .select(Endorsement::as_select())
        .into_boxed();
    if unreminded {
        query = query.filter(endorsements::reminded_at.is_null());
    }
    query.load(conn)
}

/// How many confirmed requests each sponsor has, by acronym and country,
/// most first.
pub fn count_by_sponsor(conn: &mut DbConn) -> QueryResult<Vec<(String, Option<String>, i64)>> {
    let mut counts: Vec<(String, Option<String>, i64)> = endorsements::table
        .inner_join(organisations::table)
        .inner_join(requests::table)
        .filter(requests::reference.is_not_null())
        .group_by((organisations::acronym, organisations::country))
        .select((
            organisations::acronym,
            organisations::country,
            diesel::dsl::count_star(),
        ))
        .load(conn)?;
    counts.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    Ok(counts)
}
