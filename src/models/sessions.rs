//! Signed-in sessions: the cookie holds a random token, the table its hash.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{sessions, users, workspace_version};
use crate::models::tokens;
use crate::models::users::User;

/// Opens a session and returns the cookie's token.
pub fn open(conn: &mut DbConn, user_id: &str, now: NaiveDateTime) -> QueryResult<String> {
    let token = hex::encode(rand::random::<[u8; 32]>());
    diesel::insert_into(sessions::table)
        .values((
            sessions::token_hash.eq(tokens::hash(&token)),
            sessions::user_id.eq(user_id),
            sessions::created_at.eq(now),
            sessions::last_seen_at.eq(now),
        ))
        .execute(conn)?;
    Ok(token)
}

/// The active user of a live session (seen after `idle_since`), with when
/// the session was last seen.
pub fn find_user(
    conn: &mut DbConn,
    token: &str,
    idle_since: NaiveDateTime,
) -> QueryResult<Option<(User, NaiveDateTime)>> {
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    sessions::table
        .inner_join(users::table)
        .filter(sessions::token_hash.eq(tokens::hash(token)))
        .filter(sessions::last_seen_at.gt(idle_since))
        .filter(users::active.eq(true))
        .select((User::as_select(), sessions::last_seen_at))
        .first(conn)
        .optional()
}

/// The number raised by every change a workspace or admin page can show
/// (see the `workspace_version` migration), with the user of a live
/// session and when it was last seen: what a page kept for this session
/// needs to be served again.
pub fn workspace_version_for(
    conn: &mut DbConn,
    token: &str,
    idle_since: NaiveDateTime,
) -> QueryResult<(i64, Option<(User, NaiveDateTime)>)> {
    let version = workspace_version::table
        .select(workspace_version::version)
        .first(conn)?;
    Ok((version, find_user(conn, token, idle_since)?))
}

pub fn touch(conn: &mut DbConn, token: &str, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(sessions::table.find(tokens::hash(token)))
        .set(sessions::last_seen_at.eq(now))
        .execute(conn)
        .map(drop)
}

pub fn close(conn: &mut DbConn, token: &str) -> QueryResult<()> {
    diesel::delete(sessions::table.find(tokens::hash(token)))
        .execute(conn)
        .map(drop)
}

/// Ends every session of a user (after a password change or deactivation).
pub fn close_all(conn: &mut DbConn, user_id: &str) -> QueryResult<usize> {
    diesel::delete(sessions::table.filter(sessions::user_id.eq(user_id))).execute(conn)
}

pub fn purge_idle(conn: &mut DbConn, idle_since: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(sessions::table.filter(sessions::last_seen_at.le(idle_since))).execute(conn)
}
