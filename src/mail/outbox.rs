//! The outbox table: written with the change, read by the worker.

use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;
use sha2::{Digest, Sha256};

use super::Rendered;
use crate::db::schema::outbox;
use crate::db::sql::{containing, lower};
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
    /// As in the Message-ID: what remains of the address once the message
    /// is delivered or given up.
    pub recipient_hash: String,
}

/// One message for one recipient, caused by one event.
pub struct Outgoing<'a> {
    /// Identifies the cause (usually an event id); with the recipient it
    /// fixes the Message-ID.
    pub event_key: &'a str,
    /// The request it is about, if any: erasing the request's personal
    /// data erases the message while it waits to be sent.
    pub request_id: Option<&'a str>,
    pub recipient: &'a str,
    pub rendered: Rendered,
    pub list_unsubscribe: Option<String>,
}

/// `<event.recipient-hash@host>`: the same for every retry of a message.
pub fn message_id(event_key: &str, recipient: &str, host: &str) -> String {
    format!("{event_key}.{}@{host}", recipient_hash(recipient))
}

/// 16 hex digits that tell an address's messages apart without holding
/// the address.
pub fn recipient_hash(recipient: &str) -> String {
    let digest = Sha256::digest(recipient.trim().to_lowercase().as_bytes());
    hex::encode(digest)[..16].to_owned()
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
    request_id: Option<String>,
    recipient_hash: String,
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
            request_id: message.request_id.map(str::to_owned),
            recipient_hash: recipient_hash(message.recipient),
        }
    }
}

/// Queues messages; call it inside the transaction of the change.
///
/// One event sends one message to a person even when they are reached in
/// two ways (the submitter who is also of the secretariat, a member
/// twice nominated): the message id is fixed per event and recipient, and
/// the first message queued for it stands. A second must not fail the
/// change it reports.
pub fn insert_all(conn: &mut DbConn, rows: &[NewMessage]) -> QueryResult<()> {
    db::insert_rows!(conn, outbox::table, rows, on_conflict_do_nothing)
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

type Cleared = (
    diesel::dsl::Eq<outbox::recipient, &'static str>,
    diesel::dsl::Eq<outbox::body_text, &'static str>,
    diesel::dsl::Eq<outbox::body_html, &'static str>,
);

/// What a message keeps once it is delivered or given up: no text and no
/// address, which would outlive the erasure of the request they name.
fn cleared() -> Cleared {
    (
        outbox::recipient.eq(""),
        outbox::body_text.eq(""),
        outbox::body_html.eq(""),
    )
}

pub fn mark_sent(conn: &mut DbConn, ids: &[&str], now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(outbox::table.filter(outbox::id.eq_any(ids)))
        .set((
            cleared(),
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
    let row = outbox::table.find(&message.id);
    let attempt = (
        outbox::attempts.eq(attempts),
        outbox::next_attempt_at.eq(now + backoff(attempts)),
        outbox::locked_until.eq(None::<NaiveDateTime>),
    );
    if !give_up {
        return diesel::update(row)
            .set((attempt, outbox::last_error.eq(error)))
            .execute(conn)
            .map(drop);
    }
    // Servers quote the address they refused; the error stays, the
    // address goes with the rest.
    let error = without(error, &message.recipient);
    diesel::update(row)
        .set((
            attempt,
            cleared(),
            outbox::status.eq("failed"),
            outbox::last_error.eq(error),
        ))
        .execute(conn)
        .map(drop)
}

/// `text` with every occurrence of `address` (in any case) left out.
fn without(text: &str, address: &str) -> String {
    if address.is_empty() {
        return text.to_owned();
    }
    // Lower-casing ASCII moves no byte, so where the address is in the
    // lowered text is where it is in the text.
    let lowered = text.to_ascii_lowercase();
    let mut kept = String::with_capacity(text.len());
    let mut from = 0;
    for (at, _) in lowered.match_indices(&address.to_ascii_lowercase()) {
        kept.push_str(&text[from..at]);
        kept.push_str("[address]");
        from = at + address.len();
    }
    kept.push_str(&text[from..]);
    kept
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

/// Messages not yet delivered (pending or failed) whose recipient or
/// subject holds `words`, case aside; all of them when `words` is empty.
fn undelivered_matching(words: &str) -> outbox::BoxedQuery<'static, db::MultiBackend> {
    let query = outbox::table.filter(outbox::status.ne("sent")).into_boxed();
    if words.is_empty() {
        return query;
    }
    let pattern = containing(words);
    query.filter(
        lower(outbox::recipient)
            .like(pattern.clone())
            .escape('\\')
            .or(lower(outbox::subject).like(pattern).escape('\\')),
    )
}

/// How many messages [`undelivered`] finds for `words`.
pub fn count_undelivered(conn: &mut DbConn, words: &str) -> QueryResult<i64> {
    undelivered_matching(words).count().get_result(conn)
}

/// A page of the messages not yet delivered that hold `words`, failed ones
/// first, then oldest first, for the admin page.
pub fn undelivered(
    conn: &mut DbConn,
    words: &str,
    limit: i64,
    offset: i64,
) -> QueryResult<Vec<OutboxMessage>> {
    undelivered_matching(words)
        .order((outbox::status, outbox::created_at, outbox::id))
        .limit(limit)
        .offset(offset)
        .select(OutboxMessage::as_select())
        .load(conn)
}

/// The messages to one address, newest first, whatever became of them.
pub fn to_address(conn: &mut DbConn, address: &str, limit: i64) -> QueryResult<Vec<OutboxMessage>> {
    outbox::table
        .filter(outbox::recipient_hash.eq(recipient_hash(address)))
        .order(outbox::created_at.desc())
        .limit(limit)
        .select(OutboxMessage::as_select())
        .load(conn)
}

/// Deletes the messages about these requests still waiting to be sent:
/// their personal data is being erased.
pub fn erase_queued(conn: &mut DbConn, request_ids: &[String]) -> QueryResult<usize> {
    diesel::delete(
        outbox::table
            .filter(outbox::request_id.eq_any(request_ids))
            .filter(outbox::status.eq("pending")),
    )
    .execute(conn)
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
    fn an_address_is_left_out_of_an_error_in_any_case() {
        assert_eq!(
            without(
                "550 5.1.1 <Ann@Example.org>: unknown; ann@example.org",
                "ann@example.org"
            ),
            "550 5.1.1 <[address]>: unknown; [address]"
        );
        assert_eq!(without("timed out", "ann@example.org"), "timed out");
        assert_eq!(
            without("é ann@example.org é", "ann@example.org"),
            "é [address] é"
        );
    }

    #[test]
    fn backoff_doubles_up_to_an_hour() {
        assert_eq!(backoff(1), TimeDelta::seconds(15));
        assert_eq!(backoff(2), TimeDelta::seconds(30));
        assert_eq!(backoff(30), TimeDelta::hours(1));
    }
}
