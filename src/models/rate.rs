//! Attempts counted for throttling, by bucket and a keyed hash of who made
//! them (an address, an e-mail), so the table holds no personal data.

use chrono::NaiveDateTime;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;

use crate::db::schema::rate_events;
use crate::db::{self, DbConn};

/// At most `max` attempts in `bucket` by `key` after `since`.
pub struct Limit<'a> {
    pub bucket: &'static str,
    pub key: &'a str,
    pub max: i64,
    pub since: NaiveDateTime,
}

/// Records one attempt under every limit, unless one of them is reached
/// already: the ids of the rows recorded, or `None` (nothing recorded).
///
/// Counting and recording are one step, so that attempts made in parallel
/// are counted one after the other instead of all reading the same count.
/// Run it in [`db::write_transaction`]: SQLite's write lock orders the
/// steps; on PostgreSQL a transaction-scoped advisory lock does.
pub fn reserve(
    conn: &mut DbConn,
    limits: &[Limit<'_>],
    now: NaiveDateTime,
) -> QueryResult<Option<Vec<String>>> {
    /// Any constant: the lock of every reservation.
    const LOCK: i64 = 0x7261_7465;
    if !db::is_sqlite(conn) {
        conn.batch_execute(&format!("SELECT pg_advisory_xact_lock({LOCK})"))?;
    }
    for limit in limits {
        if count_since(conn, limit.bucket, limit.key, limit.since)? >= limit.max {
            return Ok(None);
        }
    }
    let mut ids = Vec::with_capacity(limits.len());
    for limit in limits {
        let id = db::new_id();
        insert(conn, &id, limit.bucket, limit.key, now)?;
        ids.push(id);
    }
    Ok(Some(ids))
}

/// Takes back attempts [`reserve`] recorded, once they proved harmless.
pub fn forget(conn: &mut DbConn, ids: &[String]) -> QueryResult<()> {
    diesel::delete(rate_events::table.filter(rate_events::id.eq_any(ids)))
        .execute(conn)
        .map(drop)
}

pub fn record(conn: &mut DbConn, bucket: &str, key: &str, now: NaiveDateTime) -> QueryResult<()> {
    insert(conn, &db::new_id(), bucket, key, now)
}

fn insert(
    conn: &mut DbConn,
    id: &str,
    bucket: &str,
    key: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(rate_events::table)
        .values((
            rate_events::id.eq(id),
            rate_events::bucket.eq(bucket),
            rate_events::key_hash.eq(key),
            rate_events::created_at.eq(now),
        ))
        .execute(conn)
        .map(drop)
}

pub fn count_since(
    conn: &mut DbConn,
    bucket: &str,
    key: &str,
    since: NaiveDateTime,
) -> QueryResult<i64> {
    rate_events::table
        .filter(rate_events::bucket.eq(bucket))
        .filter(rate_events::key_hash.eq(key))
        .filter(rate_events::created_at.gt(since))
        .count()
        .get_result(conn)
}

pub fn clear(conn: &mut DbConn, bucket: &str, key: &str) -> QueryResult<()> {
    diesel::delete(
        rate_events::table
            .filter(rate_events::bucket.eq(bucket))
            .filter(rate_events::key_hash.eq(key)),
    )
    .execute(conn)
    .map(drop)
}

pub fn purge_before(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(rate_events::table.filter(rate_events::created_at.lt(before))).execute(conn)
}
