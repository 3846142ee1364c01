//! Decisions taken at a meeting: a round of kind `meeting`, decided when
//! it is recorded, whose voter list is the group's voting members that day
//! (each marked attended or not), whose votes are the attendees' positions,
//! and its meeting row (the day and the minutes).

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::{meetings, round_voters, rounds, users, votes};
use crate::db::{self, DbConn};
use crate::domain::access::GroupRole;
use crate::domain::consensus::{ChangeClass, Kind, Outcome, Position};
use crate::models::groups::Voter;

/// A meeting's decision as the convenor records it.
pub struct NewMeeting<'a> {
    pub request_id: &'a str,
    pub held_on: NaiveDate,
    pub answer: &'a str,
    pub minutes_reference: Option<&'a str>,
    pub minutes_text: Option<&'a str>,
    pub recorded_by: &'a str,
    /// Until when those who did not attend may object.
    pub objections_until: NaiveDateTime,
}

/// The meeting row of a round.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = meetings)]
pub struct Meeting {
    pub id: String,
    pub round_id: String,
    pub held_at: NaiveDateTime,
    pub minutes_reference: Option<String>,
    pub minutes_text: Option<String>,
    pub created_at: NaiveDateTime,
}

/// Stores the decision: the round, decided now on `answer`, with
/// `voters` listed (those in `attended` as present, with their positions
/// as votes) and its meeting row. Returns the round's id.
pub fn record(
    conn: &mut DbConn,
    meeting: &NewMeeting<'_>,
    voters: &[Voter],
    attended: &[(&str, Position)],
    now: NaiveDateTime,
) -> QueryResult<String> {
    let number = super::rounds::next_number(conn, meeting.request_id)?;
    let held_at = meeting.held_on.and_hms_opt(0, 0, 0).expect("midnight");
    let id = db::new_id();
    diesel::insert_into(rounds::table)
        .values((
            rounds::id.eq(&id),
            rounds::request_id.eq(meeting.request_id),
            rounds::number.eq(number),
            rounds::draft_answer.eq(meeting.answer),
            // The meeting was its only chance to vote.
            rounds::deadline_at.eq(held_at),
            rounds::opened_by.eq(meeting.recorded_by),
            rounds::opened_at.eq(now),
            rounds::closed_at.eq(now),
            rounds::closed_by.eq(meeting.recorded_by),
            rounds::outcome.eq(Outcome::Consensus),
            rounds::final_answer.eq(meeting.answer),
            rounds::kind.eq(Kind::Meeting),
            rounds::change_class.eq(ChangeClass::None),
            rounds::objections_until.eq(meeting.objections_until),
        ))
        .execute(conn)?;
    let present = |user_id: &str| attended.iter().any(|(id, _)| *id == user_id);
    let listed: Vec<_> = voters
        .iter()
        .map(|voter| {
            (
                round_voters::round_id.eq(&id),
                round_voters::user_id.eq(&voter.user_id),
                round_voters::capacity.eq(voter.capacity),
                round_voters::nominated_by_id.eq(&voter.nominated_by_id),
                round_voters::is_convenor.eq(voter.role == GroupRole::Convenor),
                round_voters::attended.eq(present(&voter.user_id)),
            )
        })
        .collect();
    db::insert_rows!(conn, round_voters::table, listed)?;
    let positions: Vec<_> = attended
        .iter()
        .map(|(user_id, position)| {
            (
                votes::id.eq(db::new_id()),
                votes::round_id.eq(&id),
                votes::user_id.eq(*user_id),
                votes::position.eq(*position),
                votes::created_at.eq(now),
                votes::updated_at.eq(now),
            )
        })
        .collect();
    db::insert_rows!(conn, votes::table, positions)?;
    diesel::insert_into(meetings::table)
        .values((
            meetings::id.eq(db::new_id()),
            meetings::round_id.eq(&id),
            meetings::held_at.eq(held_at),
            meetings::minutes_reference.eq(meeting.minutes_reference),
            meetings::minutes_text.eq(meeting.minutes_text),
            meetings::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(id)
}

/// The meeting of a round, if it was held at one.
pub fn of_round(conn: &mut DbConn, round_id: &str) -> QueryResult<Option<Meeting>> {
    meetings::table
        .filter(meetings::round_id.eq(round_id))
        .select(Meeting::as_select())
        .first(conn)
        .optional()
}

/// Addresses of the round's voters, with active accounts, who did not
/// attend: those told of the decision, who may object to it.
pub fn absentee_emails(conn: &mut DbConn, round_id: &str) -> QueryResult<Vec<String>> {
    round_voters::table
        .inner_join(users::table)
        .filter(round_voters::round_id.eq(round_id))
        .filter(round_voters::attended.eq(false))
        .filter(users::active.eq(true))
        .order(users::email)
        .select(users::email)
        .load(conn)
}
