//! The outbox table: written with the change, read by the worker.

use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;
use sha2::{Digest, Sha256};

use super::Rendered;
use crate::db::schema::outbox;
use crate::db::{self, DbConn};

/// How long a worker may hold a claimed message before another may retry it.
pub const LEASE: TimeDelta = TimeDelta::minutes(5);
/// After this long without delivery a message is given up as failed.
pub const GIVE_UP_AFTER: TimeDelta = TimeDelta::hours(24);

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = outbox)]
pub struct OutboxMessage {
    pub id: String,
    pub message_id: String,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub list_unsubscribe: Option<String>,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub locked_until: Option<NaiveDateTime>,
    pub last_error: Option<String>,
    pub created_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
}

/// One message for one recipient, caused by one event.
pub struct Outgoing<'a> {
    /// Identifies the cause (usually an event id); with the recipient it
    /// fixes the Message-ID.
    pub event_key: &'a str,
    pub recipient: &'a str,
    pub rendered: Rendered,
    pub list_unsubscribe: Option<String>,
}

/// `<event.recipient-hash@host>`: the same for every retry of a message.
pub fn message_id(event_key: &str, recipient: &str, host: &str) -> String {
    let digest = Sha256::digest(recipient.trim().to_lowercase().as_bytes());
    format!("{event_key}.{}@{host}", &hex::encode(digest)[..16])
}

/// A message about to be queued.
#[derive(Insertable)]
#[diesel(table_name = outbox, treat_none_as_default_value = false)]
pub struct NewMessage {
    id: String,
    message_id: String,
    recipient: String,
    subject: String,
    body_text: String,
    body_html: String,
    list_unsubscribe: Option<String>,
    status: &'static str,
    attempts: i32,
    next_attempt_at: NaiveDateTime,
    created_at: NaiveDateTime,
}

impl NewMessage {
    /// The row of a rendered message, due at once.
    pub fn new(mail_host: &str, message: Outgoing<'_>, now: NaiveDateTime) -> NewMessage {
        NewMessage {
            id: db::new_id(),
            message_id: message_id(message.event_key, message.recipient, mail_host),
            recipient: message.recipient.to_owned(),
            subject: message.rendered.subject,
            body_text: message.rendered.text,
            body_html: message.rendered.html,
            list_unsubscribe: message.list_unsubscribe,
            status: "pending",
            attempts: 0,
            next_attempt_at: now,
            created_at: now,
        }
    }
}

/// Queues messages; call it inside the transaction of the change.
pub fn insert_all(conn: &mut DbConn, rows: &[NewMessage]) -> QueryResult<()> {
    db::insert_rows!(conn, outbox::table, rows)
}

/// Queues a message; call it inside the transaction of the change.
pub fn enqueue(
    conn: &mut DbConn,
    mail_host: &str,
    message: Outgoing<'_>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    insert_all(conn, &[NewMessage::new(mail_host, message, now)])
}

/// Takes up to `limit` due messages for this worker: they are leased, so
/// another worker (or instance) leaves them alone until the lease ends.
pub fn claim_due(
    conn: &mut DbConn,
    now: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<OutboxMessage>> {
    db::write_transaction(conn, |conn| {
        let due = || {
            outbox::table
                .filter(outbox::status.eq("pending"))
                .filter(outbox::next_attempt_at.le(now))
                .filter(
                    outbox::locked_until
                        .is_null()
                        .or(outbox::locked_until.le(now)),
                )
                .order(outbox::next_attempt_at)
                .limit(limit)
        };
        // On PostgreSQL several instances claim at once; SKIP LOCKED lets
        // each take different rows. SQLite has one writer at a time anyway.
        let rows = match conn {
            DbConn::Postgres(pg) => due()
                .select(OutboxMessage::as_select())
                .for_update()
                .skip_locked()
                .load(pg)?,
            DbConn::Sqlite(_) => due().select(OutboxMessage::as_select()).load(conn)?,
        };
        let ids: Vec<&str> = rows.iter().map(|m| m.id.as_str()).collect();
        diesel::update(outbox::table.filter(outbox::id.eq_any(&ids)))
            .set(outbox::locked_until.eq(now + LEASE))
            .execute(conn)?;
        Ok(rows)
    })
}

pub fn mark_sent(conn: &mut DbConn, ids: &[&str], now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(outbox::table.filter(outbox::id.eq_any(ids)))
        .set((
            outbox::status.eq("sent"),
            outbox::sent_at.eq(now),
            outbox::locked_until.eq(None::<NaiveDateTime>),
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::last_error.eq(None::<String>),
        ))
        .execute(conn)
        .map(drop)
}

/// Records a failed attempt: retried later with backoff, or given up when
/// the failure is permanent or the message is older than a day.
pub fn mark_failed_attempt(
    conn: &mut DbConn,
    message: &OutboxMessage,
    error: &str,
    permanent: bool,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let attempts = message.attempts + 1;
    let give_up = permanent || now - message.created_at >= GIVE_UP_AFTER;
    diesel::update(outbox::table.find(&message.id))
        .set((
            outbox::status.eq(if give_up { "failed" } else { "pending" }),
            outbox::attempts.eq(attempts),
            outbox::next_attempt_at.eq(now + backoff(attempts)),
            outbox::locked_until.eq(None::<NaiveDateTime>),
            outbox::last_error.eq(error),
        ))
        .execute(conn)
        .map(drop)
}

/// 15 s, 30 s, 1 min … doubling up to an hour between attempts.
pub fn backoff(attempts: i32) -> TimeDelta {
    let exponent = attempts.clamp(1, 9) - 1;
    (TimeDelta::seconds(15) * 2_i32.pow(exponent as u32)).min(TimeDelta::hours(1))
}

/// Messages by status, for `/metrics` and the admin page.
pub fn depth(conn: &mut DbConn) -> QueryResult<Vec<(String, i64)>> {
    outbox::table
        .group_by(outbox::status)
        .select((outbox::status, diesel::dsl::count_star()))
        .load(conn)
}

/// Messages not yet delivered (pending or failed), oldest first, and the
/// latest delivered ones, for the admin page.
pub fn undelivered(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<OutboxMessage>> {
    outbox::table
        .filter(outbox::status.ne("sent"))
        .order((outbox::status, outbox::created_at))
        .limit(limit)
        .select(OutboxMessage::as_select())
        .load(conn)
}

/// Puts a failed message back in the queue, due now.
pub fn retry(conn: &mut DbConn, id: &str, now: NaiveDateTime) -> QueryResult<bool> {
    let updated = diesel::update(outbox::table.find(id).filter(outbox::status.eq("failed")))
        .set((
            outbox::status.eq("pending"),
            outbox::next_attempt_at.eq(now),
            // The 24-hour window counts again from now.
            outbox::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(updated == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_id_is_fixed_per_event_and_recipient() {
        let a = message_id("ev1", "Ann@Example.org", "clarion.example.org");
        assert_eq!(
            a,
            message_id("ev1", "ann@example.org", "clarion.example.org")
        );
        assert_ne!(
            a,
            message_id("ev1", "bob@example.org", "clarion.example.org")
        );
        assert_ne!(
            a,
            message_id("ev2", "ann@example.org", "clarion.example.org")
        );
        assert!(a.ends_with("@clarion.example.org"));
    }

    #[test]
    fn backoff_doubles_up_to_an_hour() {
        assert_eq!(backoff(1), TimeDelta::seconds(15));
        assert_eq!(backoff(2), TimeDelta::seconds(30));
        assert_eq!(backoff(30), TimeDelta::hours(1));
    }
}
