//! Conflicts of interest on a round's voter list: the flags set when it
//! opens, what each voter declared, and the convenor's allowances.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::round_voters;
use crate::domain::conflicts::{Conflict, FlagReason};

/// Where one listed voter stands, and the note they declared.
#[derive(Debug, Clone, Queryable)]
pub struct Standing {
    pub conflict: Conflict,
    pub note: Option<String>,
}

/// Where `user_id` stands in the round; none if the voter list does not
/// name them.
pub fn standing(conn: &mut DbConn, round_id: &str, user_id: &str) -> QueryResult<Option<Standing>> {
    round_voters::table
        .find((round_id, user_id))
        .select((round_voters::conflict, round_voters::conflict_note))
        .first(conn)
        .optional()
}

/// Flags a voter of a round that just opened.
pub fn flag(
    conn: &mut DbConn,
    round_id: &str,
    user_id: &str,
    reason: FlagReason,
) -> QueryResult<()> {
    diesel::update(round_voters::table.find((round_id, user_id)))
        .set((
            round_voters::conflict.eq(Conflict::Flagged),
            round_voters::conflict_reason.eq(reason),
        ))
        .execute(conn)
        .map(drop)
}

/// Stores what the voter declared; an allowance given for an earlier
/// declaration no longer stands.
pub fn declare(
    conn: &mut DbConn,
    round_id: &str,
    user_id: &str,
    conflict: Conflict,
    note: Option<&str>,
) -> QueryResult<()> {
    diesel::update(round_voters::table.find((round_id, user_id)))
        .set((
            round_voters::conflict.eq(conflict),
            round_voters::conflict_note.eq(note),
            round_voters::allowed_by.eq(None::<String>),
            round_voters::allowed_reason.eq(None::<String>),
        ))
        .execute(conn)
        .map(drop)
}

/// The convenor `by` lets the voter's vote count as cast, for `reason`.
pub fn allow(
    conn: &mut DbConn,
    round_id: &str,
    user_id: &str,
    by: &str,
    reason: &str,
) -> QueryResult<()> {
    diesel::update(round_voters::table.find((round_id, user_id)))
        .set((
            round_voters::allowed_by.eq(by),
            round_voters::allowed_reason.eq(reason),
        ))
        .execute(conn)
        .map(drop)
}
