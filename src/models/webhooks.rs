//! Webhook endpoints, the events of the register written for them, and
//! their deliveries: queued with the change, claimed and recorded by the
//! worker.

use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;

use crate::db::schema::{webhook_deliveries, webhook_endpoints, webhook_events};
use crate::db::{self, DbConn};

/// How long a worker may hold a claimed delivery before another may try
/// it: longer than a request may take.
pub const LEASE: TimeDelta = TimeDelta::minutes(2);

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = webhook_endpoints)]
pub struct Endpoint {
    pub id: String,
    pub url: String,
    pub secret: String,
    pub events: String,
    pub description: String,
    pub enabled: bool,
    pub failing_since: Option<NaiveDateTime>,
    pub disabled_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub created_by: Option<String>,
}

#[derive(Insertable)]
#[diesel(table_name = webhook_endpoints)]
pub struct NewEndpoint<'a> {
    pub id: &'a str,
    pub url: &'a str,
    pub secret: &'a str,
    pub events: &'a str,
    pub description: &'a str,
    pub enabled: bool,
    pub created_at: NaiveDateTime,
    pub created_by: Option<&'a str>,
}

pub fn insert_endpoint(conn: &mut DbConn, endpoint: &NewEndpoint<'_>) -> QueryResult<()> {
    diesel::insert_into(webhook_endpoints::table)
        .values(endpoint)
        .execute(conn)
        .map(drop)
}

pub fn endpoints(conn: &mut DbConn) -> QueryResult<Vec<Endpoint>> {
    webhook_endpoints::table
        .order((webhook_endpoints::created_at, webhook_endpoints::id))
        .select(Endpoint::as_select())
        .load(conn)
}

pub fn find_endpoint(conn: &mut DbConn, id: &str) -> QueryResult<Option<Endpoint>> {
    webhook_endpoints::table
        .find(id)
        .select(Endpoint::as_select())
        .first(conn)
        .optional()
}

/// Turns an endpoint off (`at`) or on again (None): on again, its
/// failures are forgotten and what waited for it is due at once.
pub fn set_disabled(
    conn: &mut DbConn,
    id: &str,
    at: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let changed = diesel::update(webhook_endpoints::table.find(id))
        .set((
            webhook_endpoints::enabled.eq(at.is_none()),
            webhook_endpoints::disabled_at.eq(at),
            webhook_endpoints::failing_since.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)?;
    if at.is_none() {
        diesel::update(
            webhook_deliveries::table
                .filter(webhook_deliveries::endpoint_id.eq(id))
                .filter(webhook_deliveries::status.eq("pending")),
        )
        .set(webhook_deliveries::next_attempt_at.eq(now))
        .execute(conn)?;
    }
    Ok(changed)
}

/// Removes an endpoint with its deliveries, sent or waiting; false when
/// there was no such endpoint.
pub fn delete_endpoint(conn: &mut DbConn, id: &str) -> QueryResult<bool> {
    diesel::delete(webhook_deliveries::table.filter(webhook_deliveries::endpoint_id.eq(id)))
        .execute(conn)?;
    diesel::delete(webhook_endpoints::table.find(id))
        .execute(conn)
        .map(|n| n == 1)
}

/// Replaces an endpoint's signing secret; false when there was no such
/// endpoint.
pub fn set_secret(conn: &mut DbConn, id: &str, secret: &str) -> QueryResult<bool> {
    diesel::update(webhook_endpoints::table.find(id))
        .set(webhook_endpoints::secret.eq(secret))
        .execute(conn)
        .map(|n| n == 1)
}

/// Records that an endpoint answered: its failures are over.
pub fn mark_answering(conn: &mut DbConn, ids: &[&str]) -> QueryResult<()> {
    diesel::update(webhook_endpoints::table.filter(webhook_endpoints::id.eq_any(ids)))
        .set(webhook_endpoints::failing_since.eq(None::<NaiveDateTime>))
        .execute(conn)
        .map(drop)
}

/// Records that an endpoint failed at `now`, unless it was failing
/// already; returns since when it fails.
pub fn mark_failing(conn: &mut DbConn, id: &str, now: NaiveDateTime) -> QueryResult<NaiveDateTime> {
    diesel::update(
        webhook_endpoints::table
            .find(id)
            .filter(webhook_endpoints::failing_since.is_null()),
    )
    .set(webhook_endpoints::failing_since.eq(now))
    .execute(conn)?;
    webhook_endpoints::table
        .find(id)
        .select(webhook_endpoints::failing_since)
        .first::<Option<NaiveDateTime>>(conn)
        .map(|since| since.unwrap_or(now))
}

#[derive(Insertable)]
#[diesel(table_name = webhook_events)]
pub struct NewEvent<'a> {
    pub id: &'a str,
    pub event_type: &'a str,
    pub payload: &'a str,
    pub created_at: NaiveDateTime,
}

/// Writes an event and queues it for `endpoint_ids`, due at once; call it
/// in the transaction of the change.
pub fn enqueue(
    conn: &mut DbConn,
    event: &NewEvent<'_>,
    endpoint_ids: &[String],
) -> QueryResult<()> {
    diesel::insert_into(webhook_events::table)
        .values(event)
        .execute(conn)?;
    let rows: Vec<_> = endpoint_ids
        .iter()
        .map(|endpoint_id| {
            (
                webhook_deliveries::id.eq(db::new_id()),
                webhook_deliveries::event_id.eq(event.id),
                webhook_deliveries::endpoint_id.eq(endpoint_id),
                webhook_deliveries::status.eq("pending"),
                webhook_deliveries::attempts.eq(0),
                webhook_deliveries::next_attempt_at.eq(event.created_at),
                webhook_deliveries::created_at.eq(event.created_at),
            )
        })
        .collect();
    db::insert_rows!(conn, webhook_deliveries::table, &rows)
}

/// A delivery as the worker sends it: with its event and its endpoint.
#[derive(Debug, Clone)]
pub struct Due {
    pub id: String,
    pub event_id: String,
    pub attempts: i32,
    pub payload: String,
    pub endpoint_id: String,
    pub url: String,
    pub secret: String,
}

/// Takes up to `limit` due deliveries to enabled endpoints for this
/// worker: leased, so that another worker (or instance) leaves them alone
/// until the lease ends.
pub fn claim_due(conn: &mut DbConn, now: NaiveDateTime, limit: i64) -> QueryResult<Vec<Due>> {
    db::write_transaction(conn, |conn| {
        let enabled = webhook_endpoints::table
            .filter(webhook_endpoints::enabled.eq(true))
            .select(webhook_endpoints::id);
        let due = || {
            webhook_deliveries::table
                .filter(webhook_deliveries::status.eq("pending"))
                .filter(webhook_deliveries::next_attempt_at.le(now))
                .filter(
                    webhook_deliveries::locked_until
                        .is_null()
                        .or(webhook_deliveries::locked_until.le(now)),
                )
                .filter(webhook_deliveries::endpoint_id.eq_any(enabled))
                .order(webhook_deliveries::next_attempt_at)
                .limit(limit)
                .select(webhook_deliveries::id)
        };
        // As the outbox: SKIP LOCKED lets PostgreSQL instances take
        // different rows; SQLite has one writer at a time anyway.
        let ids: Vec<String> = match conn {
            DbConn::Postgres(pg) => due().for_update().skip_locked().load(pg)?,
            DbConn::Sqlite(_) => due().load(conn)?,
        };
        diesel::update(webhook_deliveries::table.filter(webhook_deliveries::id.eq_any(&ids)))
            .set(webhook_deliveries::locked_until.eq(now + LEASE))
            .execute(conn)?;
        let rows: Vec<(String, String, i32, String, String, String, String)> =
            webhook_deliveries::table
                .inner_join(webhook_events::table)
                .inner_join(webhook_endpoints::table)
                .filter(webhook_deliveries::id.eq_any(&ids))
                .order(webhook_deliveries::next_attempt_at)
                .select((
                    webhook_deliveries::id,
                    webhook_deliveries::event_id,
                    webhook_deliveries::attempts,
                    webhook_events::payload,
                    webhook_endpoints::id,
                    webhook_endpoints::url,
                    webhook_endpoints::secret,
                ))
                .load(conn)?;
        Ok(rows
            .into_iter()
            .map(
                |(id, event_id, attempts, payload, endpoint_id, url, secret)| Due {
                    id,
                    event_id,
                    attempts,
                    payload,
                    endpoint_id,
                    url,
                    secret,
                },
            )
            .collect())
    })
}

pub fn mark_delivered(
    conn: &mut DbConn,
    id: &str,
    status_code: u16,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(webhook_deliveries::table.find(id))
        .set((
            webhook_deliveries::status.eq("delivered"),
            webhook_deliveries::attempts.eq(webhook_deliveries::attempts + 1),
            webhook_deliveries::last_attempt_at.eq(now),
            webhook_deliveries::last_status_code.eq(i32::from(status_code)),
            webhook_deliveries::last_error.eq(None::<String>),
            webhook_deliveries::locked_until.eq(None::<NaiveDateTime>),
            webhook_deliveries::delivered_at.eq(now),
        ))
        .execute(conn)
        .map(drop)
}

/// Records a failed try: due again at `retry_at`, or given up (None).
pub fn mark_failed_attempt(
    conn: &mut DbConn,
    id: &str,
    status_code: Option<u16>,
    error: &str,
    retry_at: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(webhook_deliveries::table.find(id))
        .set((
            webhook_deliveries::status.eq(if retry_at.is_some() {
                "pending"
            } else {
                "failed"
            }),
            webhook_deliveries::attempts.eq(webhook_deliveries::attempts + 1),
            webhook_deliveries::next_attempt_at.eq(retry_at.unwrap_or(now)),
            webhook_deliveries::last_attempt_at.eq(now),
            webhook_deliveries::last_status_code.eq(status_code.map(i32::from)),
            webhook_deliveries::last_error.eq(error),
            webhook_deliveries::locked_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)
        .map(drop)
}

/// One line of an endpoint's delivery log.
#[derive(Debug, Clone, Queryable)]
pub struct Logged {
    pub event_id: String,
    pub event_type: String,
    pub status: String,
    pub attempts: i32,
    pub last_status_code: Option<i32>,
    pub last_error: Option<String>,
    pub last_attempt_at: Option<NaiveDateTime>,
    pub next_attempt_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
}

/// The latest `limit` deliveries to an endpoint, newest first.
pub fn log(conn: &mut DbConn, endpoint_id: &str, limit: i64) -> QueryResult<Vec<Logged>> {
    webhook_deliveries::table
        .inner_join(webhook_events::table)
        .filter(webhook_deliveries::endpoint_id.eq(endpoint_id))
        .order((
            webhook_deliveries::created_at.desc(),
            webhook_deliveries::id.desc(),
        ))
        .limit(limit)
        .select((
            webhook_deliveries::event_id,
            webhook_events::event_type,
            webhook_deliveries::status,
            webhook_deliveries::attempts,
            webhook_deliveries::last_status_code,
            webhook_deliveries::last_error,
            webhook_deliveries::last_attempt_at,
            webhook_deliveries::next_attempt_at,
            webhook_deliveries::created_at,
        ))
        .load(conn)
}
