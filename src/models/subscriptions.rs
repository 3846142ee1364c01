//! People who follow a standard by e-mail. An address is stored once per
//! standard, and only counts once its owner has confirmed it.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::subscriptions;
use crate::db::{self, DbConn};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = subscriptions)]
pub struct Subscription {
    pub id: String,
    pub email: String,
    pub standard_id: String,
    pub created_at: NaiveDateTime,
    pub confirmed_at: Option<NaiveDateTime>,
    /// The language it was asked for in (a tag), which its mails follow.
    pub language: Option<String>,
}

/// The subscription of `email` to a standard, stored as pending if there was
/// none. A pending one asked for again starts its confirmation window anew,
/// so that the erasure of stale ones does not overtake the new link, and
/// in the language (`language`, a tag) it is asked for in now.
pub fn request(
    conn: &mut DbConn,
    email: &str,
    standard_id: &str,
    language: &str,
    now: NaiveDateTime,
) -> QueryResult<Subscription> {
    // Two people (or two tabs) asking at once must not trip the unique key;
    // the multi-backend connection has no ON CONFLICT, each backend has.
    let insert = diesel::insert_into(subscriptions::table)
        .values((
            subscriptions::id.eq(db::new_id()),
            subscriptions::email.eq(email),
            subscriptions::standard_id.eq(standard_id),
            subscriptions::created_at.eq(now),
            subscriptions::language.eq(language),
        ))
        .on_conflict_do_nothing();
    match conn {
        DbConn::Postgres(pg) => insert.execute(pg)?,
        DbConn::Sqlite(lite) => insert.execute(lite)?,
    };
    diesel::update(
        subscriptions::table
            .filter(subscriptions::email.eq(email))
            .filter(subscriptions::standard_id.eq(standard_id))
            .filter(subscriptions::confirmed_at.is_null()),
    )
    .set((
        subscriptions::created_at.eq(now),
        subscriptions::language.eq(language),
    ))
    .execute(conn)?;
    subscriptions::table
        .filter(subscriptions::email.eq(email))
        .filter(subscriptions::standard_id.eq(standard_id))
        .select(Subscription::as_select())
        .first(conn)
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Subscription>> {
    subscriptions::table
        .find(id)
        .select(Subscription::as_select())
        .first(conn)
        .optional()
}

/// Marks it confirmed; a second confirmation keeps the first date.
pub fn confirm(conn: &mut DbConn, id: &str, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(
        subscriptions::table
            .find(id)
            .filter(subscriptions::confirmed_at.is_null()),
    )
    .set(subscriptions::confirmed_at.eq(now))
    .execute(conn)
    .map(drop)
}

/// Forgets the subscription (its tokens go with it); false if it was gone.
pub fn delete(conn: &mut DbConn, id: &str) -> QueryResult<bool> {
    Ok(diesel::delete(subscriptions::table.find(id)).execute(conn)? == 1)
}

/// The confirmed followers of a standard: (subscription id, address,
/// language).
pub fn confirmed_for_standard(
    conn: &mut DbConn,
    standard_id: &str,
) -> QueryResult<Vec<(String, String, Option<String>)>> {
    subscriptions::table
        .filter(subscriptions::standard_id.eq(standard_id))
        .filter(subscriptions::confirmed_at.is_not_null())
        .order(subscriptions::id)
        .select((
            subscriptions::id,
            subscriptions::email,
            subscriptions::language,
        ))
        .load(conn)
}

/// Erases the subscriptions never confirmed since `before`.
pub fn delete_unconfirmed_before(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(
        subscriptions::table
            .filter(subscriptions::confirmed_at.is_null())
            .filter(subscriptions::created_at.lt(before)),
    )
    .execute(conn)
}
