//! Facts about this installation that the secretariat records, by key.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::settings;

/// What a row of `settings` records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// The id of the account that confirmed the registry is right.
    RegistryChecked,
}

impl Key {
    fn as_str(self) -> &'static str {
        match self {
            Key::RegistryChecked => "registry_checked",
        }
    }
}

pub fn get(conn: &mut DbConn, key: Key) -> QueryResult<Option<String>> {
    settings::table
        .find(key.as_str())
        .select(settings::value)
        .first(conn)
        .optional()
}

/// Records `value` under `key`, replacing what was there: two people
/// recording at once must not trip the primary key, and the multi-backend
/// connection has no ON CONFLICT, each backend has.
pub fn put(conn: &mut DbConn, key: Key, value: &str, now: NaiveDateTime) -> QueryResult<()> {
    let row = (
        settings::key.eq(key.as_str()),
        settings::value.eq(value),
        settings::updated_at.eq(now),
    );
    let upsert = diesel::insert_into(settings::table)
        .values(row)
        .on_conflict(settings::key)
        .do_update()
        .set((settings::value.eq(value), settings::updated_at.eq(now)));
    match conn {
        DbConn::Postgres(pg) => upsert.execute(pg)?,
        DbConn::Sqlite(lite) => upsert.execute(lite)?,
    };
    Ok(())
}
