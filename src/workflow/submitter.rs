//! The submitter's journey: submit, confirm, reply, withdraw; and the
//! erasure of requests never confirmed.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDateTime, TimeDelta};

use super::endorsements::Sponsorship;
use super::{Ctx, WorkflowError};
use crate::db::{self, DbConn};
use crate::domain::intake::Decision;
use crate::domain::lifecycle::{self, Action, Actor, State};
use crate::domain::submission::Submission;
use crate::mail::Said;
use crate::mail::messages::{
    Acknowledgement, ConfirmRequest, NewRequestNotice, ReplyReceived, RequestSummary, Withdrawn,
};
use crate::mail::outbox::{self, NewMessage};
use crate::models::endorsements::{self, NewEndorsement};
use crate::models::requests::{self, Change, NewContact, NewSubmission, Request};
use crate::models::standards::Standard;
use crate::models::tokens::{self, NewToken, Purpose};
use crate::models::{events, groups, references, standards, users};

/// How long a confirmation link works; unconfirmed requests are erased then.
pub const CONFIRMATION_WINDOW: TimeDelta = TimeDelta::hours(72);

pub enum Submitted {
    Stored,
    /// Too many stored submissions from this address in the last hour.
    Throttled,
    /// The standard is unknown or no longer current (superseded since the
    /// form was filled in): nothing was stored.
    StandardNotCurrent,
    /// The installation asks for a sponsor and none that takes requests
    /// was chosen: nothing was stored.
    SponsorNeeded,
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
    endorsements: Vec<NewEndorsement>,
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
        let sponsor = match super::endorsements::sponsor_for(conn, ctx, submission)? {
            Ok(sponsor) => sponsor,
            Err(_) => return Ok(Submitted::SponsorNeeded),
        };
        let earlier = self.taken_from.get(submitted_from).copied().unwrap_or(0);
        if throttled(conn, ctx, submitted_from, per_hour, earlier)? {
            return Ok(Submitted::Throttled);
        }
        self.rows
            .add(ctx, submission, standard, submitted_from, sponsor)?;
        *self
            .taken_from
            .entry(submitted_from.to_owned())
            .or_default() += 1;
        Ok(Submitted::Stored)
    }

    /// Stores what was taken, in the transaction that took it.
    pub fn store(self, conn: &mut DbConn) -> Result<(), WorkflowError> {
        self.rows.store(conn)
    }
}

/// Stores one checked submission on `standard` as `NewSubmissions` does,
/// without asking whether the standard is current or the address
/// throttled: for replaying a past in which the standard took requests
/// (the demo). `sponsor` is the id of the organisation asked to endorse
/// it. Returns the request's id and its confirmation token.
pub fn store_submission(
    conn: &mut DbConn,
    ctx: &Ctx,
    submission: &Submission,
    standard: &Standard,
    submitted_from: &str,
    sponsor: Option<String>,
) -> Result<(String, String), WorkflowError> {
    let mut rows = Rows::default();
    let sponsor = sponsor.map(|sponsor_id| Sponsorship {
        sponsor_id,
        endorsed_by: None,
    });
    let stored = rows.add(ctx, submission, standard, submitted_from, sponsor)?;
    rows.store(conn)?;
    Ok(stored)
}

impl Rows {
    /// Returns the request's id and its confirmation token.
    fn add(
        &mut self,
        ctx: &Ctx,
        submission: &Submission,
        standard: &Standard,
        submitted_from: &str,
        sponsor: Option<Sponsorship>,
    ) -> Result<(String, String), WorkflowError> {
        let (request, contact) =
            NewSubmission::new(submission, &standard.id, submitted_from, ctx.now);
        if let Some(Sponsorship {
            sponsor_id,
            endorsed_by,
        }) = sponsor
        {
            // Sent by one of the sponsor's accounts: endorsed as it is sent,
            // so its confirmation takes it straight to screening.
            let endorsed = endorsed_by.is_some();
            self.endorsements.push(NewEndorsement {
                request_id: request.id.clone(),
                sponsor_id,
                decision: endorsed.then_some(Decision::Endorsed.as_str()),
                decided_at: endorsed.then_some(ctx.now),
                decided_by: endorsed_by,
            });
        }
        let summary = RequestSummary {
            reference: None,
            standard: standard.label(),
            clause: submission.clause.clone(),
            question: submission.question.clone(),
            follows: None,
        };
        let to = (submission.name.as_str(), submission.email.as_str());
        self.add_rows(ctx, request, contact, to, summary)
    }

    /// Takes a request and its contact waiting for confirmation, with the
    /// mail to `to` (name, address) that carries the link; returns the
    /// request's id and its confirmation token.
    fn add_rows(
        &mut self,
        ctx: &Ctx,
        request: NewSubmission,
        contact: NewContact,
        (name, email): (&str, &str),
        summary: RequestSummary,
    ) -> Result<(String, String), WorkflowError> {
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
            name: name.to_owned(),
            request: summary,
            confirm_url: ctx.url(&format!("/requests/confirm/{token}")),
        };
        let mail = ctx.message(
            &format!("submit-{}", request.id),
            Some(&request.id),
            email,
            &ctx.mail.language(request.language()),
            &message,
            None,
        )?;
        let stored = (request.id.clone(), token);
        self.requests.push(request);
        self.contacts.push(contact);
        self.tokens.push(token_row);
        self.mail.extend(mail);
        Ok(stored)
    }

    fn store(self, conn: &mut DbConn) -> Result<(), WorkflowError> {
        requests::insert_submissions(conn, &self.requests, &self.contacts)?;
        endorsements::insert_all(conn, &self.endorsements)?;
        tokens::insert_all(conn, &self.tokens)?;
        outbox::insert_all(conn, &self.mail)?;
        Ok(())
    }
}

/// Stores a request waiting for its confirmation by e-mail, as a
/// submission is: the confirmation flow of the request form, for requests
/// made elsewhere (a follow-up). `to` is the name and address the link
/// goes to. Returns the request's id.
pub(super) fn store_pending(
    conn: &mut DbConn,
    ctx: &Ctx,
    request: NewSubmission,
    contact: NewContact,
    to: (&str, &str),
    summary: RequestSummary,
) -> Result<String, WorkflowError> {
    let mut rows = Rows::default();
    let (id, _token) = rows.add_rows(ctx, request, contact, to, summary)?;
    rows.store(conn)?;
    Ok(id)
}

/// Whether `submitted_from` may store one more submission now (see
/// `NewSubmissions::take`).
pub(super) fn may_submit(
    conn: &mut DbConn,
    ctx: &Ctx,
    submitted_from: &str,
    per_hour: u32,
) -> Result<bool, WorkflowError> {
    Ok(!throttled(conn, ctx, submitted_from, per_hour, 0)?)
}

/// What a confirmation link opens.
pub enum ConfirmationLink {
    /// Waiting for the button: the request, its standard's label, and
    /// what it follows if it is a follow-up.
    Pending(Box<Request>, String, Option<super::follow_ups::Followed>),
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
    let follows = super::follow_ups::followed(conn, &request.id)?;
    Ok(ConfirmationLink::Pending(Box::new(request), label, follows))
}

pub enum Confirmed {
    /// The plain tracking token, for the redirect to the tracking page,
    /// and the reference just allocated.
    Now {
        track_token: String,
        reference: String,
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
        let Some((track_token, reference)) = lodge(conn, ctx, &request)? else {
            return Ok(Confirmed::Before);
        };
        tokens::consume(conn, &found.token_hash, ctx.now)?;
        Ok(Confirmed::Now {
            track_token,
            reference,
        })
    })
}

/// Confirms a request waiting for confirmation: allocates its reference,
/// routes it to its group (a follow-up to its original's), records it on
/// the original it follows, and tells the submitter and the secretariat.
/// Returns the plain tracking token and the reference; none when it was
/// confirmed before.
pub(super) fn lodge(
    conn: &mut DbConn,
    ctx: &Ctx,
    request: &Request,
) -> Result<Option<(String, String)>, WorkflowError> {
    // A request naming a sponsor that has not decided waits for it.
    let sponsor = endorsements::of(conn, &request.id)?.filter(|e| e.decision.is_none());
    let action = match sponsor {
        Some(_) => Action::ConfirmForEndorsement,
        None => Action::Confirm,
    };
    let Ok(transition) = lifecycle::decide(request.state, action, Actor::Submitter) else {
        return Ok(None);
    };
    let standard = standards::find_by_id(conn, &request.standard_id)?;
    // A follow-up goes where its original went, by default.
    let original = super::follow_ups::original_of(conn, &request.id)?;
    let group_id = original
        .as_ref()
        .and_then(|original| original.group_id.clone())
        .or(standard.group_id);
    let reference = references::allocate(conn, request.created_at.year())?;
    let change = Change {
        state: Some(transition.to),
        reference: Some(&reference),
        group_id: group_id.as_deref(),
        confirmed_at: Some(ctx.now),
        updated_at: Some(ctx.now),
        ..Change::default()
    };
    if !requests::apply(conn, &request.id, request.version, &change)? {
        return Ok(None);
    }
    let event = events::record(
        conn,
        events::NewEvent {
            request_id: &request.id,
            actor_user_id: None,
            actor_kind: Actor::Submitter.kind(),
            action,
            from_state: Some(request.state),
            to_state: transition.to,
            note: None,
        },
        ctx.now,
    )?;
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
    let summary = super::workspace::summary(conn, &request)?;
    let acknowledgement = Acknowledgement {
        ctx: ctx.mail.clone(),
        name: contact.name.clone(),
        request: summary.clone(),
        tracking_url: ctx.url(&format!("/track/{track_token}")),
    };
    ctx.send_to_submitter(conn, &request, &event, &contact.email, &acknowledgement)?;
    if sponsor.is_some() {
        super::endorsements::ask_sponsor(conn, ctx, &request, &event)?;
    } else {
        tell_secretariat(conn, ctx, &request, &event, &contact.email)?;
    }
    if let Some(original) = &original {
        super::follow_ups::record_lodged(conn, ctx, original, &reference)?;
    }
    Ok(Some((track_token, reference)))
}

/// Tells the secretariat of a new request to screen, except a member of it
/// who asked (`submitter_email`): they have the acknowledgement.
pub(super) fn tell_secretariat(
    conn: &mut DbConn,
    ctx: &Ctx,
    request: &Request,
    event: &str,
    submitter_email: &str,
) -> Result<(), WorkflowError> {
    let summary = super::workspace::summary(conn, request)?;
    let reference = request.reference.as_deref().unwrap_or_default();
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
        submitter_category: request.submitter_category.clone(),
        submitter_country: request.submitter_country.clone(),
        sponsor: super::endorsements::sponsor_line(conn, &request.id)?,
        workspace_url: ctx.url(&format!("/workspace/requests/{reference}")),
    };
    // A secretariat member who asked (a correction they send to the group,
    // or a request under their own address) has the acknowledgement: one
    // message per person and event.
    for secretariat in users::secretariat(conn)? {
        if !secretariat.email.eq_ignore_ascii_case(submitter_email) {
            ctx.send_about(conn, &request.id, event, &secretariat.email, &notice)?;
        }
    }
    Ok(())
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

/// A stage of the submitter's simple timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Received,
    Screening,
    WithGroup,
    Decided,
    /// The last stage: published, or closed without an answer.
    Published,
    Closed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    Done,
    Current,
    Todo,
}

/// One step of the timeline: where it stands and when it was reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub stage: Stage,
    pub progress: Progress,
    pub at: Option<NaiveDateTime>,
}

/// A message between the secretariat and the submitter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exchange {
    pub from_secretariat: bool,
    pub text: String,
    pub at: NaiveDateTime,
}

/// Everything the tracking page shows the submitter.
pub struct Tracking {
    pub request: Request,
    pub standard: Standard,
    /// The submitter's own wording, when the public one was edited (the
    /// request then holds the wording to be published).
    pub submitted_wording: Option<super::wording::Submitted>,
    pub steps: Vec<Step>,
    pub exchanges: Vec<Exchange>,
    /// Reconsideration: whether it may be asked for, and what this request
    /// follows.
    pub follow_ups: super::follow_ups::OnTracking,
    /// The appeal the secretariat says publicly the decision is under.
    pub appeal_notice: Option<crate::models::appeals::Appeal>,
    /// Until when the decided answer is with the liaisons, while it is.
    pub with_liaisons: Option<NaiveDateTime>,
}

/// The request behind a tracking link, with its progress and messages;
/// its decision may be reconsidered within `reconsideration_days`.
pub fn tracking(
    conn: &mut DbConn,
    token: &str,
    now: NaiveDateTime,
    reconsideration_days: u32,
) -> Result<Tracking, WorkflowError> {
    let request = tracked(conn, token, now)?;
    let standard = standards::find_by_id(conn, &request.standard_id)?;
    let history = events::for_request(conn, &request.id)?;
    Ok(Tracking {
        submitted_wording: super::wording::submitted(&super::wording::revisions(
            conn,
            &request.id,
        )?),
        steps: steps(&request, &history),
        exchanges: exchanges(&history),
        follow_ups: super::follow_ups::on_tracking(conn, &request, reconsideration_days, now)?,
        appeal_notice: match &request.reference {
            Some(reference) => super::appeals::public_notice(conn, reference)?,
            None => None,
        },
        with_liaisons: super::consultations::with_liaisons_until(conn, &request, now)?,
        request,
        standard,
    })
}

fn steps(request: &Request, history: &[events::Event]) -> Vec<Step> {
    let accepted_at = history
        .iter()
        .rev()
        .find(|e| e.action == Action::Accept)
        .map(|e| e.created_at);
    let current = match request.state {
        State::PendingConfirmation
        | State::AwaitingEndorsement
        | State::Screening
        | State::AwaitingSubmitter => 1,
        // Open to objection, the answer may still go back to the group.
        State::InGroup | State::Balloting | State::Confirming => 2,
        State::Decided => 3,
        State::Published | State::Closed => 4,
    };
    let step = |index: usize, stage: Stage, reached: bool, at: Option<NaiveDateTime>| {
        let progress = if index == current && current < 4 {
            Progress::Current
        } else if reached || index < current {
            Progress::Done
        } else {
            Progress::Todo
        };
        Step {
            stage,
            progress,
            at,
        }
    };
    let last = match request.state {
        State::Closed => Stage::Closed,
        _ => Stage::Published,
    };
    vec![
        step(0, Stage::Received, true, Some(request.created_at)),
        step(
            1,
            Stage::Screening,
            request.confirmed_at.is_some(),
            request.confirmed_at,
        ),
        step(2, Stage::WithGroup, accepted_at.is_some(), accepted_at),
        step(
            3,
            Stage::Decided,
            request.decided_at.is_some(),
            request.decided_at,
        ),
        Step {
            stage: last,
            progress: if current == 4 {
                Progress::Done
            } else {
                Progress::Todo
            },
            at: request.published_at.or(request.closed_at),
        },
    ]
}

fn exchanges(history: &[events::Event]) -> Vec<Exchange> {
    history
        .iter()
        .filter_map(|e| {
            let from_secretariat = e.action == Action::AskForInformation;
            let from_submitter = e.action == Action::Reply;
            match (&e.note, from_secretariat || from_submitter) {
                (Some(text), true) => Some(Exchange {
                    from_secretariat,
                    text: text.clone(),
                    at: e.created_at,
                }),
                _ => None,
            }
        })
        .collect()
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
        let transition = lifecycle::decide(request.state, Action::Reply, Actor::Submitter)?;
        let change = Change {
            state: Some(transition.to),
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
            request: super::workspace::summary(conn, &request)?,
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
        let transition = lifecycle::decide(request.state, Action::Withdraw, Actor::Submitter)?;
        let change = Change {
            state: Some(transition.to),
            closure_reason: transition.closure,
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
        super::follow_ups::settle(conn, ctx, &request.id, (request.state, transition.to), None)?;
        let message = Withdrawn {
            ctx: ctx.mail.clone(),
            request: super::workspace::summary(conn, &request)?,
            workspace_url: workspace_url(ctx, &request),
        };
        let mut recipients: Vec<String> = users::secretariat(conn)?
            .into_iter()
            .map(|u| u.email)
            .collect();
        // The group hears of it only once it had the request in hand.
        let group_had_it = matches!(
            request.state,
            State::InGroup | State::Balloting | State::Confirming | State::Decided
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
            actor_kind: Actor::Submitter.kind(),
            action,
            from_state: Some(request.state),
            to_state: to,
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
                lifecycle::decide(request.state, Action::ExpireUnanswered, Actor::System)?;
            let change = Change {
                state: Some(transition.to),
                closure_reason: transition.closure,
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
                events::NewEvent::by_system(&request, Action::ExpireUnanswered, transition.to),
                ctx.now,
            )?;
            super::follow_ups::settle(
                conn,
                ctx,
                &request.id,
                (request.state, transition.to),
                None,
            )?;
            super::workspace::tell_submitter(
                conn,
                ctx,
                &request,
                &event,
                super::workspace::Telling {
                    headline: Said::new("mail-unanswered-headline")
                        .with("days", REPLY_WINDOW.num_days()),
                    intro: Said::new("mail-unanswered-intro").with("days", REPLY_WINDOW.num_days()),
                    note: None,
                    note_label: "",
                },
            )?;
            Ok::<bool, WorkflowError>(true)
        })?;
        expired += usize::from(done);
    }
    Ok(expired)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lifecycle::{ActorKind, ClosureReason};

    fn at(day: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 3, day)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
    }

    fn request(state: State) -> Request {
        Request {
            id: "request".into(),
            reference: Some("CR-2026-0001".into()),
            state,
            closure_reason: None,
            not_admissible_reason: None,
            closure_note: None,
            referred_committee_id: None,
            duplicate_of_id: None,
            standard_id: "standard".into(),
            group_id: None,
            clause: "7.2.1".into(),
            question: "Does the clause require one procedure per method?".into(),
            background: None,
            proposed_answer: None,
            submitter_country: "BR".into(),
            submitter_category: "other".into(),
            submitted_from: None,
            answer: None,
            consider_at_revision: false,
            publication_flag: None,
            publication_flag_note: None,
            is_sample: false,
            version: 1,
            created_at: at(1),
            confirmed_at: Some(at(1)),
            decided_at: None,
            published_at: None,
            closed_at: None,
            updated_at: at(1),
            personal_data_erased_at: None,
            language: None,
        }
    }

    fn event(action: Action, to: State, day: u32, note: Option<&str>) -> events::Event {
        events::Event {
            id: format!("event-{day}"),
            request_id: "request".into(),
            actor_user_id: None,
            actor_kind: ActorKind::User,
            action,
            from_state: None,
            to_state: to,
            note: note.map(str::to_owned),
            created_at: at(day),
        }
    }

    fn progress(steps: &[Step]) -> Vec<(Stage, Progress)> {
        steps.iter().map(|s| (s.stage, s.progress)).collect()
    }

    #[test]
    fn the_timeline_marks_where_the_request_stands() {
        use Progress::*;
        let accepted = [event(Action::Accept, State::InGroup, 3, None)];
        let in_group = steps(&request(State::InGroup), &accepted);
        assert_eq!(
            progress(&in_group),
            [
                (Stage::Received, Done),
                (Stage::Screening, Done),
                (Stage::WithGroup, Current),
                (Stage::Decided, Todo),
                (Stage::Published, Todo),
            ]
        );
        assert_eq!(in_group[2].at, Some(at(3)), "reached when accepted");

        let closed = Request {
            closure_reason: Some(ClosureReason::NotAdmissible),
            closed_at: Some(at(2)),
            ..request(State::Closed)
        };
        let ended = steps(&closed, &[]);
        assert_eq!(
            progress(&ended),
            [
                (Stage::Received, Done),
                (Stage::Screening, Done),
                (Stage::WithGroup, Done),
                (Stage::Decided, Done),
                (Stage::Closed, Done),
            ]
        );
        assert_eq!(ended[4].at, Some(at(2)));
        assert_eq!(ended[2].at, None, "never reached the group");
    }

    #[test]
    fn the_exchanges_are_the_questions_and_replies() {
        let history = [
            event(Action::Confirm, State::Screening, 1, None),
            event(
                Action::AskForInformation,
                State::AwaitingSubmitter,
                2,
                Some("Which method?"),
            ),
            event(Action::Reply, State::Screening, 3, Some("Method A.")),
            event(Action::Accept, State::InGroup, 4, None),
        ];
        assert_eq!(
            exchanges(&history),
            [
                Exchange {
                    from_secretariat: true,
                    text: "Which method?".into(),
                    at: at(2),
                },
                Exchange {
                    from_secretariat: false,
                    text: "Method A.".into(),
                    at: at(3),
                },
            ]
        );
    }
}
