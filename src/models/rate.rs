//! Attempts counted for throttling, by bucket and a keyed hash of who made
//! them (an address, an e-mail), so the table holds no personal data.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::rate_events;
use crate::db::{self, DbConn};

pub fn record(conn: &mut DbConn, bucket: &str, key: &str, now: NaiveDateTime) -> QueryResult<()> {
    diesel::insert_into(rate_events::table)
        .values((
            rate_events::id.eq(db::new_id()),
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
