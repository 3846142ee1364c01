//! Consensus rounds, their votes and the convenor's responses to
//! oppositions.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{memberships, opposition_responses, rounds, users, votes};
use crate::db::{self, DbConn};
use crate::domain::consensus::Position;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = rounds)]
pub struct Round {
    pub id: String,
    pub request_id: String,
    pub number: i32,
    pub draft_answer: String,
    pub deadline_at: NaiveDateTime,
    pub opened_by: String,
    pub opened_at: NaiveDateTime,
    pub reminder_sent_at: Option<NaiveDateTime>,
    pub closed_at: Option<NaiveDateTime>,
    pub closed_by: Option<String>,
    pub outcome: Option<String>,
    pub final_answer: Option<String>,
}

/// A vote with its voter's name and, for an opposition, the response.
#[derive(Debug, Clone, Queryable)]
pub struct VoteView {
    pub id: String,
    pub user_id: String,
    pub voter: String,
    pub position: Position,
    pub comment: Option<String>,
    pub updated_at: NaiveDateTime,
    pub response: Option<String>,
}

pub fn open(
    conn: &mut DbConn,
    request_id: &str,
    draft: &str,
    deadline: NaiveDateTime,
    opened_by: &str,
    now: NaiveDateTime,
) -> QueryResult<String> {
    let number = rounds::table
        .filter(rounds::request_id.eq(request_id))
        .count()
        .get_result::<i64>(conn)? as i32
        + 1;
    let id = db::new_id();
    diesel::insert_into(rounds::table)
        .values((
            rounds::id.eq(&id),
            rounds::request_id.eq(request_id),
            rounds::number.eq(number),
            rounds::draft_answer.eq(draft),
            rounds::deadline_at.eq(deadline),
            rounds::opened_by.eq(opened_by),
            rounds::opened_at.eq(now),
        ))
        .execute(conn)?;
    Ok(id)
}

/// Rounds of a request, newest first.
pub fn for_request(conn: &mut DbConn, request_id: &str) -> QueryResult<Vec<Round>> {
    rounds::table
        .filter(rounds::request_id.eq(request_id))
        .order(rounds::number.desc())
        .select(Round::as_select())
        .load(conn)
}

pub fn open_round(conn: &mut DbConn, request_id: &str) -> QueryResult<Option<Round>> {
    rounds::table
        .filter(rounds::request_id.eq(request_id))
        .filter(rounds::closed_at.is_null())
        .select(Round::as_select())
        .first(conn)
        .optional()
}

/// The request's open round, held until the transaction ends. A vote and
/// the closing of a round each take it first, so on PostgreSQL one waits
/// for the other: a vote is never counted after the convenor read the
/// votes, nor stored in a round closed meanwhile (the second finds it
/// closed), and a member's votes sent together are stored one after the
/// other. On SQLite the write transaction holds the whole database already.
pub fn lock_open_round(conn: &mut DbConn, request_id: &str) -> QueryResult<Option<Round>> {
    let open = || {
        rounds::table
            .filter(rounds::request_id.eq(request_id))
            .filter(rounds::closed_at.is_null())
    };
    match conn {
        DbConn::Postgres(pg) => open()
            .select(Round::as_select())
            .for_update()
            .first(pg)
            .optional(),
        DbConn::Sqlite(_) => open().select(Round::as_select()).first(conn).optional(),
    }
}

pub fn close(
    conn: &mut DbConn,
    round_id: &str,
    outcome: &str,
    final_answer: Option<&str>,
    closed_by: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(rounds::table.find(round_id))
        .set((
            rounds::outcome.eq(outcome),
            rounds::final_answer.eq(final_answer),
            rounds::closed_by.eq(closed_by),
            rounds::closed_at.eq(now),
        ))
        .execute(conn)
        .map(drop)
}

/// Casts or changes a vote; call it holding the round
/// ([`lock_open_round`]), so that a second first vote finds the first.
pub fn cast(
    conn: &mut DbConn,
    round_id: &str,
    user_id: &str,
    position: Position,
    comment: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let updated = diesel::update(
        votes::table
            .filter(votes::round_id.eq(round_id))
            .filter(votes::user_id.eq(user_id)),
    )
    .set((
        votes::position.eq(position),
        votes::comment.eq(comment),
        votes::updated_at.eq(now),
    ))
    .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(votes::table)
            .values((
                votes::id.eq(db::new_id()),
                votes::round_id.eq(round_id),
                votes::user_id.eq(user_id),
                votes::position.eq(position),
                votes::comment.eq(comment),
                votes::created_at.eq(now),
                votes::updated_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn votes(conn: &mut DbConn, round_id: &str) -> QueryResult<Vec<VoteView>> {
    votes::table
        .inner_join(users::table)
        .left_join(opposition_responses::table)
        .filter(votes::round_id.eq(round_id))
        .order(users::name)
        .select((
            votes::id,
            votes::user_id,
            users::name,
            votes::position,
            votes::comment,
            votes::updated_at,
            opposition_responses::response.nullable(),
        ))
        .load(conn)
}

pub fn respond(
    conn: &mut DbConn,
    vote_id: &str,
    response: &str,
    by: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(opposition_responses::table)
        .values((
            opposition_responses::vote_id.eq(vote_id),
            opposition_responses::response.eq(response),
            opposition_responses::responded_by.eq(by),
            opposition_responses::created_at.eq(now),
        ))
        .execute(conn)
        .map(drop)
}

/// Open rounds whose deadline is within `within` and whose reminder is not
/// sent yet.
pub fn due_for_reminder(conn: &mut DbConn, by: NaiveDateTime) -> QueryResult<Vec<Round>> {
    rounds::table
        .filter(rounds::closed_at.is_null())
        .filter(rounds::reminder_sent_at.is_null())
        .filter(rounds::deadline_at.le(by))
        .select(Round::as_select())
        .load(conn)
}

/// Takes the round's reminder for this caller; false if another worker
/// (another instance) took it first. On PostgreSQL the second update waits
/// for the first to commit and then finds the column set.
pub fn claim_reminder(conn: &mut DbConn, round_id: &str, now: NaiveDateTime) -> QueryResult<bool> {
    let claimed = diesel::update(
        rounds::table
            .find(round_id)
            .filter(rounds::reminder_sent_at.is_null()),
    )
    .set(rounds::reminder_sent_at.eq(now))
    .execute(conn)?;
    Ok(claimed == 1)
}

/// Addresses of the group's active members (convenors too) who have not
/// voted in a round.
pub fn not_voted(conn: &mut DbConn, group_id: &str, round_id: &str) -> QueryResult<Vec<String>> {
    let voted: Vec<String> = votes::table
        .filter(votes::round_id.eq(round_id))
        .select(votes::user_id)
        .load(conn)?;
    memberships::table
        .inner_join(users::table)
        .filter(memberships::group_id.eq(group_id))
        .filter(users::active.eq(true))
        .filter(users::id.ne_all(voted))
        .select(users::email)
        .load(conn)
}

/// Every open round.
pub fn all_open(conn: &mut DbConn) -> QueryResult<Vec<Round>> {
    rounds::table
        .filter(rounds::closed_at.is_null())
        .select(Round::as_select())
        .load(conn)
}

/// The rounds a user has voted in.
pub fn voted_by(conn: &mut DbConn, user_id: &str) -> QueryResult<Vec<String>> {
    votes::table
        .filter(votes::user_id.eq(user_id))
        .select(votes::round_id)
        .load(conn)
}
