//! The submitter's journey: submit, confirm, reply, withdraw; and the
//! erasure of requests never confirmed.

use std::collections::HashMap;

use chrono::{Datelike, TimeDelta};

use super::{Ctx, WorkflowError};
use crate::db::{self, DbConn};
use crate::domain::lifecycle::{self, Action, Actor, State};
use crate::domain::submission::Submission;
use crate::mail::messages::{
    Acknowledgement, ConfirmRequest, NewRequestNotice, ReplyReceived, RequestSummary, Withdrawn,
};
use crate::mail::outbox::{self, NewMessage};
use crate::models::requests::{self, Change, NewContact, NewSubmission, Request};
use crate::models::standards::Standard;
use crate::models::tokens::{self, NewToken, Purpose};
use crate::models::{events, groups, references, standards, users};

/// How long a confirmation link works; unconfirmed requests are erased then.
pub const CONFIRMATION_WINDOW: TimeDelta = TimeDelta::hours(72);

fn summary(conn: &mut DbConn, request: &Request) -> Result<RequestSummary, WorkflowError> {
    let standard = standards::find_by_id(conn, &request.standard_id)?;
    Ok(RequestSummary {
        reference: request.reference.clone(),
        standard: standard.label(),
        clause: request.clause.clone(),
        question: request.question.clone(),
    })
}

pub enum Submitted {
    Stored,
    /// Too many stored submissions from this address in the last hour.
    Throttled,
    /// The standard is unknown or no longer current (superseded since the
    /// form was filled in): nothing was stored.
    StandardNotCurrent,
}

/// The standard a submission names, if it takes new requests.
pub fn current_standard(conn: &mut DbConn, slug: &str) -> Result<Option<Standard>, WorkflowError> {
    Ok(standards::find_by_slug(conn, slug)?
        .map(|(standard, _)| standard)
        .filter(Standard::is_current))
}

/// Whether `submitted_from` has sent `per_hour` stored submissions in the
/// last hour, counting `earlier` ones about to be stored with this one
/// (0 turns the throttle off).
fn throttled(
    conn: &mut DbConn,
    ctx: &Ctx,
    submitted_from: &str,
    per_hour: u32,
    earlier: u32,
) -> Result<bool, WorkflowError> {
    if per_hour == 0 {
        return Ok(false);
    }
    let recent =
        requests::count_submitted_since(conn, submitted_from, ctx.now - TimeDelta::hours(1))?;
    Ok(recent + i64::from(earlier) >= i64::from(per_hour))
}

/// Checked submissions stored together as `pending_confirmation`, each
/// with the mail that carries its confirmation link: a few statements for
/// the lot (the intake stores a crowd's submissions in one transaction).
#[derive(Default)]
pub struct NewSubmissions {
    /// Each standard named, read once: a crowd mostly asks about a few.
    standards: HashMap<String, Option<Standard>>,
    /// Submissions from each address taken so far, not stored yet: they
    /// count towards its throttle.
    taken_from: HashMap<String, u32>,
    rows: Rows,
}

#[derive(Default)]
struct Rows {
    requests: Vec<NewSubmission>,
    contacts: Vec<NewContact>,
    tokens: Vec<NewToken>,
    mail: Vec<NewMessage>,
}

impl NewSubmissions {
    /// Takes a checked submission, unless its standard no longer takes
    /// requests or its address is throttled; call it inside the write
    /// transaction that stores them. `submitted_from` is a keyed hash of
    /// the address; `per_hour` 0 turns the throttle off.
    pub fn take(
        &mut self,
        conn: &mut DbConn,
        ctx: &Ctx,
        submission: &Submission,
        submitted_from: &str,
        per_hour: u32,
    ) -> Result<Submitted, WorkflowError> {
        let slug = &submission.standard_slug;
        if !self.standards.contains_key(slug) {
            let standard = current_standard(conn, slug)?;
            self.standards.insert(slug.clone(), standard);
        }
        let Some(Some(standard)) = self.standards.get(slug) else {
            return Ok(Submitted::StandardNotCurrent);
        };
        let earlier = self.taken_from.get(submitted_from).copied().unwrap_or(0);
        if throttled(conn, ctx, submitted_from, per_hour, earlier)? {
            return Ok(Submitted::Throttled);
        }
        self.rows.add(ctx, submission, standard, submitted_from)?;
        *self
            .taken_from
            .entry(submitted_from.to_owned())
            .or_default() += 1;
        Ok(Submitted::Stored)
    }

    /// Stores what was taken, in the transaction that took it.
    pub fn store(self, conn: &mut DbConn) -> Result<(), WorkflowError> {
        let Rows {
            requests,
            contacts,
            tokens,
            mail,
        } = self.rows;
        requests::insert_submissions(conn, &requests, &contacts)?;
        tokens::insert_all(conn, &tokens)?;
        outbox::insert_all(conn, &mail)?;
        Ok(())
    }
}

impl Rows {
    fn add(
        &mut self,
        ctx: &Ctx,
        submission: &Submission,
        standard: &Standard,
        submitted_from: &str,
    ) -> Result<(), WorkflowError> {
        let (request, contact) =
            NewSubmission::new(submission, &standard.id, submitted_from, ctx.now);
        let (token, token_row) = NewToken::new(
            Purpose::Confirm,
            tokens::Subject {
                request_id: Some(&request.id),
                ..Default::default()
            },
            ctx.now,
            Some(ctx.now + CONFIRMATION_WINDOW),
        );
        let message = ConfirmRequest {
            ctx: ctx.mail.clone(),
            name: submission.name.clone(),
            request: RequestSummary {
                reference: None,
                standard: standard.label(),
                clause: submission.clause.clone(),
                question: submission.question.clone(),
            },
            confirm_url: ctx.url(&format!("/requests/confirm/{token}")),
        };
        let mail = ctx.message(
            &format!("submit-{}", request.id),
            Some(&request.id),
            submission.email.as_str(),
            &message,
            None,
        )?;
        self.requests.push(request);
        self.contacts.push(contact);
        self.tokens.push(token_row);
        self.mail.push(mail);
        Ok(())
    }
}

/// What a confirmation link opens.
pub enum ConfirmationLink {
    /// Waiting for the button.
    Pending(Box<Request>, String),
    /// Already used: the request was confirmed before.
    Used,
}

/// Looks a confirmation link up without changing anything (GET).
pub fn confirmation_link(
    conn: &mut DbConn,
    token: &str,
    now: chrono::NaiveDateTime,
) -> Result<ConfirmationLink, WorkflowError> {
    let found = tokens::find_any(conn, token, Purpose::Confirm)?.ok_or(WorkflowError::NotFound)?;
    if found.used_at.is_some() {
        return Ok(ConfirmationLink::Used);
    }
    if found.expires_at.is_some_and(|at| at <= now) {
        return Err(WorkflowError::NotFound);
    }
    let request = requests::find(
        conn,
        found.request_id.as_deref().ok_or(WorkflowError::NotFound)?,
    )?;
    let label = standards::find_by_id(conn, &request.standard_id)?.label();
    Ok(ConfirmationLink::Pending(Box::new(request), label))
}

pub enum Confirmed {
    /// The plain tracking token, for the redirect to the tracking page.
    Now {
        track_token: String,
    },
    Before,
}

/// The button on the confirmation page: allocates the reference, routes the
/// request to its group, and tells the submitter and the secretariat.
pub fn confirm(conn: &mut DbConn, ctx: &Ctx, token: &str) -> Result<Confirmed, WorkflowError> {
    db::write_transaction(conn, |conn| {
        let found =
            tokens::find_any(conn, token, Purpose::Confirm)?.ok_or(WorkflowError::NotFound)?;
        if found.used_at.is_some() {
            return Ok(Confirmed::Before);
        }
        if found.expires_at.is_some_and(|at| at <= ctx.now) {
            return Err(WorkflowError::NotFound);
        }
        let request = requests::find(
            conn,
            found.request_id.as_deref().ok_or(WorkflowError::NotFound)?,
        )?;
        let transition = match lifecycle::decide(request.state(), Action::Confirm, Actor::Submitter)
        {
            Ok(transition) => transition,
            Err(_) => return Ok(Confirmed::Before),
        };
        let standard = standards::find_by_id(conn, &request.standard_id)?;
        let reference = references::allocate(conn, request.created_at.year())?;
        let change = Change {
            state: Some(transition.to.as_str()),
            reference: Some(&reference),
            group_id: standard.group_id.as_deref(),
            confirmed_at: Some(ctx.now),
            updated_at: Some(ctx.now),
            ..Change::default()
        };
        if !requests::apply(conn, &request.id, request.version, &change)? {
            return Ok(Confirmed::Before);
        }
        let event = events::record(
            conn,
            events::NewEvent {
                request_id: &request.id,
                actor_user_id: None,
                actor_kind: "submitter",
                action: Action::Confirm.as_str(),
                from_state: Some(request.state.as_str()),
                to_state: transition.to.as_str(),
                note: None,
            },
            ctx.now,
        )?;
        tokens::consume(conn, &found.token_hash, ctx.now)?;
        let track_token = tokens::issue(
            conn,
            Purpose::Track,
            tokens::Subject {
                request_id: Some(&request.id),
                ..Default::default()
            },
            ctx.now,
            None,
        )?;

        let request = requests::find(conn, &request.id)?;
        let contact = requests::contact(conn, &request.id)?.ok_or(WorkflowError::NotFound)?;
        let summary = summary(conn, &request)?;
        let acknowledgement = Acknowledgement {
            ctx: ctx.mail.clone(),
            name: contact.name.clone(),
            request: summary.clone(),
            tracking_url: ctx.url(&format!("/track/{track_token}")),
        };
        ctx.send_about(conn, &request.id, &event, &contact.email, &acknowledgement)?;
        let group = match &request.group_id {
            Some(id) => {
                let group = groups::find(conn, id)?;
                Some(format!("{} ({})", group.code, group.name))
            }
            None => None,
        };
        let notice = NewRequestNotice {
            ctx: ctx.mail.clone(),
            request: summary,
            group,
            submitter_category: crate::domain::submission::Category::parse(
                &request.submitter_category,
            )
            .map_or(request.submitter_category.clone(), |c| c.label().to_owned()),
            submitter_country: crate::domain::submission::country(&request.submitter_country)
                .map_or(request.submitter_country.clone(), |c| c.name().to_owned()),
            workspace_url: ctx.url(&format!("/workspace/requests/{reference}")),
        };
        for secretariat in users::secretariat(conn)? {
            ctx.send_about(conn, &request.id, &event, &secretariat.email, &notice)?;
        }
        Ok(Confirmed::Now { track_token })
    })
}

/// The request behind a tracking link.
pub fn tracked(
    conn: &mut DbConn,
    token: &str,
    now: chrono::NaiveDateTime,
) -> Result<Request, WorkflowError> {
    let found =
        tokens::find_valid(conn, token, Purpose::Track, now)?.ok_or(WorkflowError::NotFound)?;
    Ok(requests::find(
        conn,
        found.request_id.as_deref().ok_or(WorkflowError::NotFound)?,
    )?)
}

/// The submitter answers the secretariat's question; back to screening.
pub fn reply(
    conn: &mut DbConn,
    ctx: &Ctx,
    token: &str,
    version: i32,
    text: &str,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let request = tracked(conn, token, ctx.now)?;
        let transition = lifecycle::decide(request.state(), Action::Reply, Actor::Submitter)?;
        let change = Change {
            state: Some(transition.to.as_str()),
            updated_at: Some(ctx.now),
            ..Change::default()
        };
        if request.version != version
            || !requests::apply(conn, &request.id, request.version, &change)?
        {
            return Err(WorkflowError::Changed);
        }
        let event = record_submitter_event(
            conn,
            ctx,
            &request,
            Action::Reply,
            transition.to,
            Some(text),
        )?;
        let message = ReplyReceived {
            ctx: ctx.mail.clone(),
            request: summary(conn, &request)?,
            reply: text.to_owned(),
            workspace_url: workspace_url(ctx, &request),
        };
        for secretariat in users::secretariat(conn)? {
            ctx.send_about(conn, &request.id, &event, &secretariat.email, &message)?;
        }
        Ok(())
    })
}

/// The submitter withdraws an open request.
pub fn withdraw(
    conn: &mut DbConn,
    ctx: &Ctx,
    token: &str,
    version: i32,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let request = tracked(conn, token, ctx.now)?;
        let transition = lifecycle::decide(request.state(), Action::Withdraw, Actor::Submitter)?;
        let change = Change {
            state: Some(transition.to.as_str()),
            closure_reason: transition.closure.map(|r| r.as_str()),
            closed_at: Some(ctx.now),
            updated_at: Some(ctx.now),
            ..Change::default()
        };
        if request.version != version
            || !requests::apply(conn, &request.id, request.version, &change)?
        {
            return Err(WorkflowError::Changed);
        }
        let event =
            record_submitter_event(conn, ctx, &request, Action::Withdraw, transition.to, None)?;
        let message = Withdrawn {
            ctx: ctx.mail.clone(),
            request: summary(conn, &request)?,
            workspace_url: workspace_url(ctx, &request),
        };
        let mut recipients: Vec<String> = users::secretariat(conn)?
            .into_iter()
            .map(|u| u.email)
            .collect();
        // The group hears of it only once it had the request in hand.
        let group_had_it = matches!(
            request.state(),
            State::InGroup | State::Balloting | State::Decided
        );
        if let (true, Some(group_id)) = (group_had_it, &request.group_id) {
            recipients.extend(groups::member_emails(conn, group_id)?);
        }
        recipients.sort();
        recipients.dedup();
        for recipient in recipients {
            ctx.send_about(conn, &request.id, &event, &recipient, &message)?;
        }
        Ok(())
    })
}

fn record_submitter_event(
    conn: &mut DbConn,
    ctx: &Ctx,
    request: &Request,
    action: Action,
    to: State,
    note: Option<&str>,
) -> Result<String, WorkflowError> {
    Ok(events::record(
        conn,
        events::NewEvent {
            request_id: &request.id,
            actor_user_id: None,
            actor_kind: "submitter",
            action: action.as_str(),
            from_state: Some(request.state.as_str()),
            to_state: to.as_str(),
            note,
        },
        ctx.now,
    )?)
}

fn workspace_url(ctx: &Ctx, request: &Request) -> String {
    ctx.url(&format!(
        "/workspace/requests/{}",
        request.reference.as_deref().unwrap_or_default()
    ))
}

/// Erases requests whose confirmation window has passed.
pub fn erase_unconfirmed(
    conn: &mut DbConn,
    now: chrono::NaiveDateTime,
) -> Result<usize, WorkflowError> {
    Ok(requests::erase_unconfirmed(
        conn,
        now - CONFIRMATION_WINDOW,
    )?)
}

/// How long the secretariat waits for the submitter's reply.
pub const REPLY_WINDOW: TimeDelta = TimeDelta::days(30);

/// Closes requests whose submitter did not answer within 30 days.
pub fn expire_unanswered(conn: &mut DbConn, ctx: &Ctx) -> Result<usize, WorkflowError> {
    let stale = requests::in_state_since(conn, State::AwaitingSubmitter, ctx.now - REPLY_WINDOW)?;
    let mut expired = 0;
    for request in stale {
        let done = db::write_transaction(conn, |conn| {
            let transition =
                lifecycle::decide(request.state(), Action::ExpireUnanswered, Actor::System)?;
            let change = Change {
                state: Some(transition.to.as_str()),
                closure_reason: transition.closure.map(|r| r.as_str()),
                closed_at: Some(ctx.now),
                updated_at: Some(ctx.now),
                ..Change::default()
            };
            // Someone acted meanwhile: leave it.
            if !requests::apply(conn, &request.id, request.version, &change)? {
                return Ok(false);
            }
            let event = events::record(
                conn,
                events::NewEvent {
                    request_id: &request.id,
                    actor_user_id: None,
                    actor_kind: "system",
                    action: Action::ExpireUnanswered.as_str(),
                    from_state: Some(request.state.as_str()),
                    to_state: transition.to.as_str(),
                    note: None,
                },
                ctx.now,
            )?;
            super::workspace::tell_submitter(conn, ctx, &request, &event, super::workspace::Telling {
                headline: "closed: no reply within 30 days".into(),
                intro: "The secretariat asked you for more information 30 days ago and no reply arrived, so your request is closed. You are welcome to send a new request with the information.".into(),
                note: None,
                note_label: "",
            })?;
            Ok::<bool, WorkflowError>(true)
        })?;
        expired += usize::from(done);
    }
    Ok(expired)
}
