//! Consensus rounds, their voter lists, votes, the convenor's responses to
//! oppositions, and objections to a decision.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{
    objections, opposition_responses, organisations, requests, round_voters, rounds, users, votes,
};
use crate::db::{self, DbConn};
use crate::domain::access::{Capacity, GroupRole};
use crate::domain::conflicts::{self, Conflict, FlagReason};
use crate::domain::consensus::{ChangeClass, Kind, Outcome, Position};
use crate::domain::lifecycle::State;
use crate::models::groups::Voter;

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
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
    pub outcome: Option<Outcome>,
    pub final_answer: Option<String>,
    pub kind: Kind,
    /// The round whose text this one's replaced by a substantive change.
    pub follows_round_id: Option<String>,
    pub change_class: Option<ChangeClass>,
    pub change_reason: Option<String>,
    /// Until when the voters may object to the decision.
    pub objections_until: Option<NaiveDateTime>,
}

/// A vote with its voter's name and, for an opposition, the response.
#[derive(Debug, Clone, Queryable, serde::Serialize)]
pub struct VoteView {
    pub id: String,
    pub round_id: String,
    pub user_id: String,
    pub voter: String,
    pub position: Position,
    pub comment: Option<String>,
    pub updated_at: NaiveDateTime,
    pub response: Option<String>,
    pub responded_at: Option<NaiveDateTime>,
}

impl VoteView {
    /// An opposition the convenor has not answered as it now reads: a
    /// response recorded before the voter last changed their vote answers
    /// an earlier text.
    pub fn awaits_response(&self) -> bool {
        self.position.is_opposition() && self.responded_at.is_none_or(|at| at < self.updated_at)
    }
}

/// Someone on a round's voter list, fixed when it opened.
#[derive(Debug, Clone, Queryable, serde::Serialize)]
pub struct ListedVoter {
    pub round_id: String,
    pub user_id: String,
    pub name: String,
    pub capacity: Capacity,
    /// The acronym and name of the body that nominated them, if any.
    pub body: Option<String>,
    pub body_name: Option<String>,
    pub is_convenor: bool,
    /// At a meeting, whether they attended; none for correspondence.
    pub attended: Option<bool>,
    /// Where they stand on a conflict of interest, why they were flagged,
    /// what they declared, and who allowed their vote to count and why.
    pub conflict: Conflict,
    pub conflict_reason: Option<FlagReason>,
    pub conflict_note: Option<String>,
    pub allowed_by: Option<String>,
    pub allowed_reason: Option<String>,
}

impl ListedVoter {
    /// The position their vote `cast` counts as.
    pub fn counted(&self, cast: &Position) -> Position {
        conflicts::counted(*cast, self.conflict, self.allowed_by.is_some())
    }
}

/// The next round of a request, on `draft` until `deadline`; `follows`: the
/// round it replaces after a substantive change of the text.
pub struct NewRound<'a> {
    pub request_id: &'a str,
    pub draft: &'a str,
    pub deadline: NaiveDateTime,
    pub opened_by: &'a str,
    pub follows: Option<&'a str>,
}

/// Opens a round with its voter list; returns the round's id.
pub fn open(
    conn: &mut DbConn,
    round: &NewRound<'_>,
    voters: &[Voter],
    now: NaiveDateTime,
) -> QueryResult<String> {
    let number = next_number(conn, round.request_id)?;
    let id = db::new_id();
    diesel::insert_into(rounds::table)
        .values((
            rounds::id.eq(&id),
            rounds::request_id.eq(round.request_id),
            rounds::number.eq(number),
            rounds::draft_answer.eq(round.draft),
            rounds::deadline_at.eq(round.deadline),
            rounds::opened_by.eq(round.opened_by),
            rounds::opened_at.eq(now),
            rounds::kind.eq(Kind::Correspondence),
            rounds::follows_round_id.eq(round.follows),
        ))
        .execute(conn)?;
    let listed: Vec<_> = voters
        .iter()
        .map(|voter| {
            (
                round_voters::round_id.eq(&id),
                round_voters::user_id.eq(&voter.user_id),
                round_voters::capacity.eq(voter.capacity),
                round_voters::nominated_by_id.eq(&voter.nominated_by_id),
                round_voters::is_convenor.eq(voter.role == GroupRole::Convenor),
            )
        })
        .collect();
    db::insert_rows!(conn, round_voters::table, listed)?;
    Ok(id)
}

/// The number the request's next round takes.
pub fn next_number(conn: &mut DbConn, request_id: &str) -> QueryResult<i32> {
    let held = rounds::table
        .filter(rounds::request_id.eq(request_id))
        .count()
        .get_result::<i64>(conn)?;
    Ok(held as i32 + 1)
}

/// Rounds of a request, newest first.
pub fn for_request(conn: &mut DbConn, request_id: &str) -> QueryResult<Vec<Round>> {
    rounds::table
        .filter(rounds::request_id.eq(request_id))
        .order(rounds::number.desc())
        .select(Round::as_select())
        .load(conn)
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Round> {
    rounds::table
        .find(id)
        .select(Round::as_select())
        .first(conn)
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

/// How a round closes.
pub struct Closing<'a> {
    pub outcome: Outcome,
    pub final_answer: Option<&'a str>,
    pub change_class: Option<ChangeClass>,
    pub change_reason: Option<&'a str>,
    pub objections_until: Option<NaiveDateTime>,
}

pub fn close(
    conn: &mut DbConn,
    round_id: &str,
    closing: &Closing<'_>,
    closed_by: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(rounds::table.find(round_id))
        .set((
            rounds::outcome.eq(closing.outcome),
            rounds::final_answer.eq(closing.final_answer),
            rounds::change_class.eq(closing.change_class),
            rounds::change_reason.eq(closing.change_reason),
            rounds::objections_until.eq(closing.objections_until),
            rounds::closed_by.eq(closed_by),
            rounds::closed_at.eq(now),
        ))
        .execute(conn)
        .map(drop)
}

/// A decision objected to: the round's outcome says so.
pub fn mark_objected(conn: &mut DbConn, round_id: &str) -> QueryResult<()> {
    diesel::update(rounds::table.find(round_id))
        .set(rounds::outcome.eq(Outcome::Objected))
        .execute(conn)
        .map(drop)
}

/// Casts or changes a vote; call it holding the round
/// ([`lock_open_round`]), so that a second first vote finds the first.
/// Returns the vote as it was before, if any.
pub fn cast(
    conn: &mut DbConn,
    round_id: &str,
    user_id: &str,
    position: Position,
    comment: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<Option<(Position, Option<String>)>> {
    let mine = || {
        votes::table
            .filter(votes::round_id.eq(round_id))
            .filter(votes::user_id.eq(user_id))
    };
    let before: Option<(Position, Option<String>)> = mine()
        .select((votes::position, votes::comment))
        .first(conn)
        .optional()?;
    if before.is_some() {
        diesel::update(mine())
            .set((
                votes::position.eq(position),
                votes::comment.eq(comment),
                votes::updated_at.eq(now),
            ))
            .execute(conn)?;
    } else {
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
    Ok(before)
}

type VoteColumns = (
    votes::id,
    votes::round_id,
    votes::user_id,
    users::name,
    votes::position,
    votes::comment,
    votes::updated_at,
    diesel::dsl::Nullable<opposition_responses::response>,
    diesel::dsl::Nullable<opposition_responses::created_at>,
);

fn vote_columns() -> VoteColumns {
    (
        votes::id,
        votes::round_id,
        votes::user_id,
        users::name,
        votes::position,
        votes::comment,
        votes::updated_at,
        opposition_responses::response.nullable(),
        opposition_responses::created_at.nullable(),
    )
}

pub fn votes(conn: &mut DbConn, round_id: &str) -> QueryResult<Vec<VoteView>> {
    votes::table
        .inner_join(users::table)
        .left_join(opposition_responses::table)
        .filter(votes::round_id.eq(round_id))
        .order(users::name)
        .select(vote_columns())
        .load(conn)
}

/// The votes of every open round, in one query.
pub fn votes_in_open_rounds(conn: &mut DbConn) -> QueryResult<Vec<VoteView>> {
    votes::table
        .inner_join(users::table)
        .inner_join(rounds::table)
        .left_join(opposition_responses::table)
        .filter(rounds::closed_at.is_null())
        .order(users::name)
        .select(vote_columns())
        .load(conn)
}

/// Records the convenor's response to an opposition, in place of an
/// earlier one (the events keep every response given).
pub fn respond(
    conn: &mut DbConn,
    vote_id: &str,
    response: &str,
    by: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let replaced = diesel::update(opposition_responses::table.find(vote_id))
        .set((
            opposition_responses::response.eq(response),
            opposition_responses::responded_by.eq(by),
            opposition_responses::created_at.eq(now),
        ))
        .execute(conn)?;
    if replaced == 0 {
        diesel::insert_into(opposition_responses::table)
            .values((
                opposition_responses::vote_id.eq(vote_id),
                opposition_responses::response.eq(response),
                opposition_responses::responded_by.eq(by),
                opposition_responses::created_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

type VoterColumns = (
    round_voters::round_id,
    round_voters::user_id,
    users::name,
    round_voters::capacity,
    diesel::dsl::Nullable<organisations::acronym>,
    diesel::dsl::Nullable<organisations::name>,
    round_voters::is_convenor,
    round_voters::attended,
    round_voters::conflict,
    round_voters::conflict_reason,
    round_voters::conflict_note,
    round_voters::allowed_by,
    round_voters::allowed_reason,
);

fn voter_columns() -> VoterColumns {
    (
        round_voters::round_id,
        round_voters::user_id,
        users::name,
        round_voters::capacity,
        organisations::acronym.nullable(),
        organisations::name.nullable(),
        round_voters::is_convenor,
        round_voters::attended,
        round_voters::conflict,
        round_voters::conflict_reason,
        round_voters::conflict_note,
        round_voters::allowed_by,
        round_voters::allowed_reason,
    )
}

/// A round's voter list, by name.
pub fn voter_list(conn: &mut DbConn, round_id: &str) -> QueryResult<Vec<ListedVoter>> {
    round_voters::table
        .inner_join(users::table)
        .left_join(organisations::table)
        .filter(round_voters::round_id.eq(round_id))
        .order(users::name)
        .select(voter_columns())
        .load(conn)
}

/// The voter lists of every open round, in one query.
pub fn voter_lists_of_open_rounds(conn: &mut DbConn) -> QueryResult<Vec<ListedVoter>> {
    round_voters::table
        .inner_join(users::table)
        .inner_join(rounds::table)
        .left_join(organisations::table)
        .filter(rounds::closed_at.is_null())
        .order(users::name)
        .select(voter_columns())
        .load(conn)
}

/// Whether the round's voter list names this user.
pub fn is_listed(conn: &mut DbConn, round_id: &str, user_id: &str) -> QueryResult<bool> {
    let found: i64 = round_voters::table
        .filter(round_voters::round_id.eq(round_id))
        .filter(round_voters::user_id.eq(user_id))
        .count()
        .get_result(conn)?;
    Ok(found > 0)
}

/// The rounds whose voter list names this user.
pub fn listing(conn: &mut DbConn, user_id: &str) -> QueryResult<Vec<String>> {
    round_voters::table
        .filter(round_voters::user_id.eq(user_id))
        .select(round_voters::round_id)
        .load(conn)
}

/// Whether the user is on the round's voter list and, at a meeting, did
/// not attend: who may object to its decision. Those at a correspondence
/// round all "did not attend" (`attended` is none).
pub fn may_object(conn: &mut DbConn, round_id: &str, user_id: &str) -> QueryResult<bool> {
    let attended: Option<Option<bool>> = round_voters::table
        .find((round_id, user_id))
        .select(round_voters::attended)
        .first(conn)
        .optional()?;
    Ok(matches!(attended, Some(None | Some(false))))
}

/// The rounds whose decision this user may object to, by
/// [`may_object`]'s rule.
pub fn objectable_by(conn: &mut DbConn, user_id: &str) -> QueryResult<Vec<String>> {
    round_voters::table
        .filter(round_voters::user_id.eq(user_id))
        .filter(
            round_voters::attended
                .is_null()
                .or(round_voters::attended.eq(false)),
        )
        .select(round_voters::round_id)
        .load(conn)
}

/// Addresses of the round's voters whose accounts are active.
pub fn voter_emails(conn: &mut DbConn, round_id: &str) -> QueryResult<Vec<String>> {
    round_voters::table
        .inner_join(users::table)
        .filter(round_voters::round_id.eq(round_id))
        .filter(users::active.eq(true))
        .order(users::email)
        .select(users::email)
        .load(conn)
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

/// Addresses of the round's listed voters, with active accounts, who have
/// not voted.
pub fn not_voted(conn: &mut DbConn, round_id: &str) -> QueryResult<Vec<String>> {
    let voted: Vec<String> = votes::table
        .filter(votes::round_id.eq(round_id))
        .select(votes::user_id)
        .load(conn)?;
    round_voters::table
        .inner_join(users::table)
        .filter(round_voters::round_id.eq(round_id))
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

/// The decided rounds of requests open to objection, each the request's
/// latest: one query however many there are.
pub fn open_to_objection(conn: &mut DbConn) -> QueryResult<Vec<Round>> {
    rounds::table
        .inner_join(requests::table)
        .filter(requests::state.eq(State::Confirming))
        .filter(rounds::outcome.eq(Outcome::Consensus))
        .filter(rounds::objections_until.is_not_null())
        .select(Round::as_select())
        .load(conn)
}

/// Decisions open to objection whose window ended by `now`.
pub fn objection_window_ended(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<Vec<Round>> {
    rounds::table
        .inner_join(requests::table)
        .filter(rounds::objections_until.le(now))
        .filter(requests::state.eq(State::Confirming))
        .filter(rounds::outcome.eq(Outcome::Consensus))
        .select(Round::as_select())
        .load(conn)
}

/// An objection to a round's decision, with who made it.
#[derive(Debug, Clone, Queryable, serde::Serialize)]
pub struct ObjectionView {
    pub user_id: String,
    pub name: String,
    pub reason: String,
    pub created_at: NaiveDateTime,
}

/// Records an objection (the request leaves the state that allows one,
/// so each voter objects once).
pub fn object(
    conn: &mut DbConn,
    round_id: &str,
    user_id: &str,
    reason: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(objections::table)
        .values((
            objections::id.eq(db::new_id()),
            objections::round_id.eq(round_id),
            objections::user_id.eq(user_id),
            objections::reason.eq(reason),
            objections::created_at.eq(now),
        ))
        .execute(conn)
        .map(drop)
}

pub fn objections(conn: &mut DbConn, round_id: &str) -> QueryResult<Vec<ObjectionView>> {
    objections::table
        .inner_join(users::table)
        .filter(objections::round_id.eq(round_id))
        .order(objections::created_at)
        .select((
            objections::user_id,
            users::name,
            objections::reason,
            objections::created_at,
        ))
        .load(conn)
}
