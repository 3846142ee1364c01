//! Webhooks (issue 23, item 3): the secretariat registers endpoints; each
//! publication, correction, mark and withdrawal is written as an event in
//! the transaction of the change, queued for every endpoint that asked for
//! its type, and delivered by the worker, which records here what each try
//! gave: retried with backoff, and an endpoint failing for days turned off
//! with mail to the secretariat.

use chrono::{NaiveDateTime, SecondsFormat, TimeDelta};
use serde_json::json;

use super::registry::Step;
use super::workspace::secretariat_emails;
use super::{Ctx, WorkflowError};
use crate::db::{self, DbConn};
use crate::domain::webhook::{self, EndpointUrl, EventType, UrlRefusal};
use crate::mail::messages::WebhookDisabled;
use crate::models::register;
use crate::models::requests::Request;
use crate::models::users::User;
use crate::models::webhooks::{self, Due, Endpoint, NewEndpoint, NewEvent};

/// Longest description kept.
const MAX_DESCRIPTION: usize = 200;

/// An endpoint as the secretariat's form gives it.
pub struct EndpointForm<'a> {
    pub url: &'a str,
    pub description: &'a str,
    /// The names of the event types ticked.
    pub events: &'a [String],
}

/// Registers an endpoint with a new secret; returns its page, whose
/// endpoint holds the secret to show this once.
pub fn register(
    conn: &mut DbConn,
    ctx: &Ctx,
    by: &User,
    form: &EndpointForm<'_>,
    allow_private: bool,
) -> Result<EndpointPage, WorkflowError> {
    let url = EndpointUrl::parse(form.url, allow_private).map_err(|refusal| {
        WorkflowError::Field {
            field: "url",
            message: match refusal {
                UrlRefusal::NotHttp => "Give the full address of the receiver, starting with https:// (or http://), at most 2,000 characters.",
                UrlRefusal::Credentials => "Leave the user name and password out of the address: the signature tells the receiver the delivery is genuine.",
                UrlRefusal::Private => "This address is on this machine or a private network; give the public address of the receiver.",
            }
            .into(),
        }
    })?;
    let events: Option<Vec<EventType>> = form
        .events
        .iter()
        .map(|name| EventType::parse(name))
        .collect();
    let events =
        events
            .filter(|events| !events.is_empty())
            .ok_or_else(|| WorkflowError::Field {
                field: "events",
                message: "Tick at least one event to send.".into(),
            })?;
    let description = form.description.trim();
    if description.chars().count() > MAX_DESCRIPTION || description.chars().any(char::is_control) {
        return Err(WorkflowError::Field {
            field: "description",
            message: format!(
                "Describe the receiver in one line of at most {MAX_DESCRIPTION} characters."
            )
            .into(),
        });
    }
    let secret = new_secret();
    let id = db::new_id();
    webhooks::insert_endpoint(
        conn,
        &NewEndpoint {
            id: &id,
            url: url.as_str(),
            secret: &secret,
            events: &webhook::events_list(&events),
            description,
            enabled: true,
            created_at: ctx.now,
            created_by: Some(&by.id),
        },
    )?;
    endpoint_page(conn, &id)
}

/// A signing secret, random, in the form receivers are given it.
fn new_secret() -> String {
    let key: [u8; webhook::SECRET_BYTES] = rand::random();
    webhook::serialize_secret(&key)
}

/// Turns an endpoint on again: its failures are forgotten and what waited
/// for it is sent at once.
pub fn enable(conn: &mut DbConn, ctx: &Ctx, id: &str) -> Result<(), WorkflowError> {
    match webhooks::set_disabled(conn, id, None, ctx.now)? {
        0 => Err(WorkflowError::NotFound),
        _ => Ok(()),
    }
}

/// Turns an endpoint off by hand, as days of failure would: events wait
/// for it until it is turned on again.
pub fn disable(conn: &mut DbConn, ctx: &Ctx, id: &str) -> Result<(), WorkflowError> {
    match webhooks::set_disabled(conn, id, Some(ctx.now), ctx.now)? {
        0 => Err(WorkflowError::NotFound),
        _ => Ok(()),
    }
}

/// The endpoint `id`, to confirm an action on it.
fn found(conn: &mut DbConn, id: &str) -> Result<Endpoint, WorkflowError> {
    webhooks::find_endpoint(conn, id)?.ok_or(WorkflowError::NotFound)
}

/// Removes an endpoint and its delivery log once confirmed; nothing more
/// is sent to it.
pub fn remove(conn: &mut DbConn, id: &str, confirm: bool) -> Result<Step<Endpoint>, WorkflowError> {
    if !confirm {
        return Ok(Step::Confirm(found(conn, id)?));
    }
    db::write_transaction(conn, |conn| match webhooks::delete_endpoint(conn, id)? {
        true => Ok(Step::Done),
        false => Err(WorkflowError::NotFound),
    })
}

/// What asking for a new secret gave.
pub enum Renewal {
    /// Asked once: the endpoint, to confirm on.
    Confirm(Endpoint),
    /// Confirmed: the endpoint's page, whose endpoint holds the new secret
    /// to show this once.
    Renewed(EndpointPage),
}

/// Gives an endpoint a new signing secret once confirmed: every delivery
/// from then on, retries included, is signed with it.
pub fn renew_secret(conn: &mut DbConn, id: &str, confirm: bool) -> Result<Renewal, WorkflowError> {
    if !confirm {
        return Ok(Renewal::Confirm(found(conn, id)?));
    }
    db::write_transaction(conn, |conn| {
        if !webhooks::set_secret(conn, id, &new_secret())? {
            return Err(WorkflowError::NotFound);
        }
        Ok(Renewal::Renewed(endpoint_page(conn, id)?))
    })
}

/// What happened, for the payload: the type and its note (the mark's or
/// the correction's), if any.
pub struct Happened<'a> {
    pub event_type: EventType,
    pub note: Option<&'a str>,
}

/// Writes the event `event_id` (the request's event that made the change)
/// about the published clarification of `request`, and queues it for
/// every endpoint that asked for its type; an endpoint turned off keeps it
/// until it is turned on. Call it in the transaction of the change.
pub fn announce(
    conn: &mut DbConn,
    ctx: &Ctx,
    request: &Request,
    event_id: &str,
    happened: Happened<'_>,
) -> Result<(), WorkflowError> {
    // A made-up past (the demo) announces nothing.
    if !ctx.sends_mail {
        return Ok(());
    }
    let wanting: Vec<String> = webhooks::endpoints(conn)?
        .into_iter()
        .filter(|endpoint| {
            webhook::parse_events_list(&endpoint.events).contains(&happened.event_type)
        })
        .map(|endpoint| endpoint.id)
        .collect();
    if wanting.is_empty() {
        return Ok(());
    }
    let reference = request.reference.as_deref().unwrap_or_default();
    let item = register::find(conn, reference)?.ok_or(WorkflowError::NotFound)?;
    let payload = json!({
        "type": happened.event_type.type_name(),
        "timestamp": ctx.now.and_utc().to_rfc3339_opts(SecondsFormat::Micros, true),
        "data": {
            "reference": item.reference,
            "url": ctx.url(&item.path()),
            "api_url": ctx.url(&format!("/api/v1/clarifications/{}", item.reference)),
            "version": item.version,
            "version_url": ctx.url(&item.version_path()),
            "standard": {
                "slug": item.standard_slug,
                "label": item.standard_label(),
                "title": item.standard_title,
            },
            "clause": item.clause,
            "question": item.question,
            "status": item.status().as_str(),
            "note": happened.note,
        },
    });
    webhooks::enqueue(
        conn,
        &NewEvent {
            id: event_id,
            event_type: happened.event_type.type_name(),
            payload: &payload.to_string(),
            created_at: ctx.now,
        },
        &wanting,
    )?;
    Ok(())
}

/// What one try of a delivery gave.
pub enum Outcome {
    /// A 2xx answer.
    Delivered { status: u16 },
    /// Any other answer (`status`), or none.
    Failed { status: Option<u16>, error: String },
}

/// Records the tries of a batch in one transaction. A failure is tried
/// again after the backoff (with up to a tenth more, so that retries do
/// not come in step) or given up after the last try; the endpoint that
/// failed for `disable_after` since it last answered, or answered 410
/// Gone, is turned off and the secretariat is mailed.
pub fn record(
    conn: &mut DbConn,
    ctx: &Ctx,
    outcomes: &[(Due, Outcome)],
    disable_after: TimeDelta,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let mut answering = Vec::new();
        for (due, outcome) in outcomes {
            match outcome {
                Outcome::Delivered { status } => {
                    webhooks::mark_delivered(conn, &due.id, *status, ctx.now)?;
                    answering.push(due.endpoint_id.as_str());
                }
                Outcome::Failed { status, error } => {
                    let attempts = due.attempts + 1;
                    let retry_at = (attempts < webhook::ATTEMPTS)
                        .then(|| ctx.now + with_jitter(webhook::backoff(attempts)));
                    webhooks::mark_failed_attempt(
                        conn, &due.id, *status, error, retry_at, ctx.now,
                    )?;
                    let since = webhooks::mark_failing(conn, &due.endpoint_id, ctx.now)?;
                    let gone = *status == Some(410);
                    if gone || ctx.now - since >= disable_after {
                        turn_off(conn, ctx, &due.endpoint_id, since, error)?;
                    }
                }
            }
        }
        webhooks::mark_answering(conn, &answering)?;
        Ok(())
    })
}

/// `wait` and up to a tenth more, at random.
fn with_jitter(wait: TimeDelta) -> TimeDelta {
    let tenth = wait.num_milliseconds() / 10;
    wait + TimeDelta::milliseconds(rand::random_range(0..=tenth))
}

/// Turns a failing endpoint off, once, and tells the secretariat.
fn turn_off(
    conn: &mut DbConn,
    ctx: &Ctx,
    endpoint_id: &str,
    since: NaiveDateTime,
    error: &str,
) -> Result<(), WorkflowError> {
    let Some(endpoint) = webhooks::find_endpoint(conn, endpoint_id)? else {
        return Ok(());
    };
    if !endpoint.enabled {
        return Ok(());
    }
    webhooks::set_disabled(conn, endpoint_id, Some(ctx.now), ctx.now)?;
    tracing::warn!(endpoint = %endpoint.id, "webhook endpoint turned off after failing deliveries");
    let message = WebhookDisabled {
        ctx: ctx.mail.clone(),
        url: endpoint.url,
        failing_since: since.format("%-d %B %Y %H:%M").to_string(),
        last_error: error.to_owned(),
        endpoint_url: ctx.url(&format!("/admin/webhooks/{endpoint_id}")),
    };
    let event_key = format!(
        "webhook-off-{endpoint_id}-{}",
        ctx.now.and_utc().timestamp()
    );
    for address in secretariat_emails(conn)? {
        ctx.send(conn, &event_key, &address, &message)?;
    }
    Ok(())
}

/// An endpoint and its latest deliveries, for its admin page.
pub struct EndpointPage {
    pub endpoint: Endpoint,
    pub events: Vec<EventType>,
    pub log: Vec<webhooks::Logged>,
}

/// Deliveries an endpoint's page lists.
const LOGGED: i64 = 100;

pub fn endpoint_page(conn: &mut DbConn, id: &str) -> Result<EndpointPage, WorkflowError> {
    let endpoint = webhooks::find_endpoint(conn, id)?.ok_or(WorkflowError::NotFound)?;
    Ok(EndpointPage {
        events: webhook::parse_events_list(&endpoint.events),
        log: webhooks::log(conn, id, LOGGED)?,
        endpoint,
    })
}
