//! Follow-up requests (issue 21, item 5): the submitter asks for a decision
//! to be reconsidered from their tracking page; anyone sends new
//! information on a published clarification, confirmed by e-mail as a
//! request is. Either becomes a request of its own, linked to the original,
//! screened like any other. When it is lodged and when it ends, an event on
//! the original says so; what its outcome does to the original is decided
//! here, in `settle`, and nowhere else.

use chrono::NaiveDateTime;

use super::corrections::{Correction, Kind as CorrectionKind};
use super::submitter;
use super::workspace::{Acting, Entry, Permit, permit, transition};
use super::{Ctx, WorkflowError};
use crate::db::{self, DbConn};
use crate::domain::follow_up::{self, Kind, NewInformation, Outcome, StatementProblem, Window};
use crate::domain::lifecycle::{Action, Actor, State};
use crate::domain::submission::Category;
use crate::i18n::Msg;
use crate::mail::messages::{Follows, RequestSummary};
use crate::models::follow_ups::{self, Link, Listed};
use crate::models::register::Clarification;
use crate::models::requests::{self, Asking, Change, NewSubmission, Request};
use crate::models::users::User;
use crate::models::{events, standards};

/// The request `request_id` follows, if it is a follow-up.
pub(super) fn original_of(
    conn: &mut DbConn,
    request_id: &str,
) -> Result<Option<Request>, WorkflowError> {
    match follow_ups::of(conn, request_id)? {
        Some(link) => Ok(Some(requests::find(conn, &link.original_id)?)),
        None => Ok(None),
    }
}

/// What a mail about `request_id` says it follows, if anything.
pub(super) fn follows(
    conn: &mut DbConn,
    request_id: &str,
) -> Result<Option<Follows>, WorkflowError> {
    let Some(link) = follow_ups::of(conn, request_id)? else {
        return Ok(None);
    };
    let original = requests::find(conn, &link.original_id)?;
    Ok(original.reference.map(|reference| Follows {
        kind: link.kind,
        reference,
    }))
}

/// Records on `original` that the follow-up `reference` reached screening.
pub(super) fn record_lodged(
    conn: &mut DbConn,
    ctx: &Ctx,
    original: &Request,
    reference: &str,
) -> Result<(), WorkflowError> {
    record_on_original(conn, ctx, original, Action::FollowUpLodged, reference)
}

fn record_on_original(
    conn: &mut DbConn,
    ctx: &Ctx,
    original: &Request,
    action: Action,
    reference: &str,
) -> Result<(), WorkflowError> {
    let transition = crate::domain::lifecycle::decide(original.state, action, Actor::System)?;
    events::record(
        conn,
        events::NewEvent {
            request_id: &original.id,
            actor_user_id: None,
            actor_kind: Actor::System.kind(),
            action,
            from_state: Some(original.state),
            to_state: transition.to,
            note: Some(reference),
        },
        ctx.now,
    )?;
    Ok(())
}

/// What happens when a request moved from `from` to `to`, if it is a
/// follow-up that this ended: its outcome is recorded on the original and,
/// when its published answer revises a published original, the original
/// is marked superseded by it (`by`, the secretariat who published, marks
/// it). Called by every step that can end a request, inside its
/// transaction.
pub(super) fn settle(
    conn: &mut DbConn,
    ctx: &Ctx,
    request_id: &str,
    (from, to): (State, State),
    by: Option<&User>,
) -> Result<(), WorkflowError> {
    if !from.is_open() || to.is_open() {
        return Ok(());
    }
    let Some(link) = follow_ups::of(conn, request_id)? else {
        return Ok(());
    };
    let follow_up = requests::find(conn, request_id)?;
    let Some(outcome) = Outcome::of(to, follow_up.closure_reason) else {
        return Ok(());
    };
    let reference = follow_up.reference.clone().unwrap_or_default();
    let original = requests::find(conn, &link.original_id)?;
    if let (Outcome::Revised, State::Published, Some(user)) = (outcome, original.state, by) {
        match link.kind {
            Kind::Reconsideration => {
                let note = ctx.for_the_record(
                    &Msg::new("record-revised-on-reconsideration")
                        .with("reference", reference.as_str()),
                );
                supersede(conn, ctx, user, &original, &reference, &note)?;
            }
            Kind::NewInformation => {
                let note = ctx.for_the_record(
                    &Msg::new("record-revised-on-new-information")
                        .with("reference", reference.as_str()),
                );
                supersede(conn, ctx, user, &original, &reference, &note)?;
            }
            // Already the original's new version (`publish_correction`).
            Kind::Correction => {}
        }
    }
    let original = requests::find(conn, &link.original_id)?;
    record_on_original(conn, ctx, &original, Action::FollowUpSettled, &reference)
}

/// Marks the published `original` superseded by its follow-up `reference`,
/// as the secretariat would by hand: its page links to the new answer and
/// its followers are told.
fn supersede(
    conn: &mut DbConn,
    ctx: &Ctx,
    user: &User,
    original: &Request,
    reference: &str,
    note: &str,
) -> Result<(), WorkflowError> {
    let acting = Acting {
        user,
        reference: original.reference.as_deref().unwrap_or_default(),
        version: original.version,
    };
    let permit = permit(conn, &acting, Action::MarkPublication)?;
    super::rounds::mark(
        conn,
        ctx,
        user,
        &permit,
        "superseded",
        super::rounds::MarkedTo {
            successor: reference,
            ..Default::default()
        },
        note,
    )
}

/// The secretariat proposes a correction that alters the meaning of the
/// published clarification `acting.reference`: checked as an editorial
/// correction is, it becomes a follow-up request in screening, linked to
/// the clarification, asking the corrected question with the corrected
/// answer proposed, for the group to decide like any request. Returns the
/// follow-up's reference.
pub fn propose_correction(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    correction: &Correction<'_>,
) -> Result<String, WorkflowError> {
    db::write_transaction(conn, |conn| {
        let permit = permit(conn, acting, Action::CorrectPublication)?;
        let original = permit.request();
        let checked = super::corrections::check(original, correction)?;
        let (request, contact) = NewSubmission::following(
            original,
            Asking {
                name: &acting.user.name,
                email: &acting.user.email,
                organization: None,
                country: "",
                category: Category::Other.as_str(),
                language: acting.user.language.as_deref(),
            },
            "",
            ctx.now,
        );
        let request = request.proposing(checked.question, checked.answer);
        let id = request.id.clone();
        requests::insert_submissions(conn, &[request], &[contact])?;
        follow_ups::insert(
            conn,
            &Link {
                request_id: id.clone(),
                original_id: original.id.clone(),
                kind: Kind::Correction,
                statement: checked.note.to_owned(),
            },
        )?;
        let pending = requests::find(conn, &id)?;
        let (_, reference) =
            submitter::lodge(conn, ctx, &pending)?.ok_or(WorkflowError::Changed)?;
        Ok(reference)
    })
}

/// Publishes the decided request `acting.reference` if it is a correction's
/// follow-up: its answer becomes the next version of the clarification it
/// corrects, a correction decided by the group, and the follow-up closes
/// as corrected. Returns the version's number; none for any other request.
pub(super) fn publish_correction(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
) -> Result<Option<i32>, WorkflowError> {
    let Some((permit, link, original)) = correcting(conn, acting)? else {
        return Ok(None);
    };
    super::consultations::allow_publication(conn, permit.request(), ctx.now)?;
    let corrected = original.reference.unwrap_or_default();
    let number = super::corrections::issue_version(
        conn,
        ctx,
        acting.user,
        &corrected,
        &decided_correction(permit.request(), &link),
    )?;
    transition(
        conn,
        ctx,
        acting.user,
        &permit,
        Change::default(),
        Some(&corrected),
    )?;
    Ok(Some(number))
}

/// The clarification a correction's follow-up corrects, as publishing the
/// follow-up would make it; none for any other request.
pub(super) fn correction_preview(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
) -> Result<Option<Clarification>, WorkflowError> {
    let Some((permit, link, original)) = correcting(conn, acting)? else {
        return Ok(None);
    };
    let corrected = Acting {
        user: acting.user,
        reference: original.reference.as_deref().unwrap_or_default(),
        version: original.version,
    };
    let correction = decided_correction(permit.request(), &link);
    Ok(Some(super::corrections::preview(
        conn,
        ctx,
        &corrected,
        &correction,
    )?))
}

/// The decided request `acting.reference`, if it is a correction's
/// follow-up that may be published now: with its link and the published
/// clarification it corrects.
fn correcting(
    conn: &mut DbConn,
    acting: &Acting<'_>,
) -> Result<Option<(Permit, Link, Request)>, WorkflowError> {
    let Some(request) = requests::find_by_reference(conn, acting.reference)? else {
        return Ok(None);
    };
    let Some(link) = follow_ups::of(conn, &request.id)?.filter(|l| l.kind == Kind::Correction)
    else {
        return Ok(None);
    };
    let permit = permit(conn, acting, Action::PublishCorrection)?;
    let original = requests::find(conn, &link.original_id)?;
    Ok(Some((permit, link, original)))
}

/// The group's decision on a correction, as the next version says it.
fn decided_correction<'a>(decided: &'a Request, link: &'a Link) -> Correction<'a> {
    Correction {
        question: &decided.question,
        answer: decided.answer.as_deref().unwrap_or_default(),
        note: &link.statement,
        kind: CorrectionKind::Substantive,
    }
}

/// The follow-up side of a tracking page.
pub struct OnTracking {
    /// Whether the submitter may ask for reconsideration, until when.
    pub window: Window,
    /// The reconsideration they asked for, once they did.
    pub reconsideration: Option<Listed>,
    /// What this request follows, if it is a follow-up.
    pub follows: Option<Followed>,
}

/// The original of a follow-up, as the follow-up's pages name it.
#[derive(serde::Serialize)]
pub struct Followed {
    pub kind: Kind,
    pub reference: String,
    /// The reasons, or the information.
    pub statement: String,
}

/// The window for reconsidering `request`, `days` long.
fn window_of(
    conn: &mut DbConn,
    request: &Request,
    link: Option<&Link>,
    days: u32,
    now: NaiveDateTime,
) -> Result<Window, WorkflowError> {
    let decided = follow_up::decided_at(
        request.state,
        request.closure_reason,
        request.published_at,
        request.closed_at,
    );
    let asked = follow_ups::reconsideration_asked(conn, &request.id)?;
    let is_reconsideration = link.is_some_and(|link| link.kind == Kind::Reconsideration);
    Ok(follow_up::window(
        decided,
        asked,
        is_reconsideration,
        days,
        now,
    ))
}

/// What `request_id` follows, if it is a follow-up.
pub(super) fn followed(
    conn: &mut DbConn,
    request_id: &str,
) -> Result<Option<Followed>, WorkflowError> {
    let link = follow_ups::of(conn, request_id)?;
    followed_by_link(conn, link)
}

fn followed_by_link(
    conn: &mut DbConn,
    link: Option<Link>,
) -> Result<Option<Followed>, WorkflowError> {
    let Some(link) = link else {
        return Ok(None);
    };
    let original = requests::find(conn, &link.original_id)?;
    Ok(Some(Followed {
        kind: link.kind,
        reference: original.reference.unwrap_or_default(),
        statement: link.statement,
    }))
}

pub(super) fn on_tracking(
    conn: &mut DbConn,
    request: &Request,
    days: u32,
    now: NaiveDateTime,
) -> Result<OnTracking, WorkflowError> {
    let link = follow_ups::of(conn, &request.id)?;
    let window = window_of(conn, request, link.as_ref(), days, now)?;
    let reconsideration = follow_ups::of_original(conn, &request.id)?
        .into_iter()
        .find(|listed| listed.kind == Kind::Reconsideration);
    Ok(OnTracking {
        window,
        reconsideration,
        follows: followed_by_link(conn, link)?,
    })
}

/// What the submitter's request for reconsideration led to.
pub enum Reconsidered {
    /// Lodged: the new request's plain tracking token and reference.
    Now {
        track_token: String,
        reference: String,
    },
    /// Not now, and why: nothing was stored.
    Refused(Window),
}

/// The submitter behind the tracking link `token` asks for their
/// request's decision to be reconsidered, for `reasons`, within `days` of
/// it. The reconsideration is a new request in screening, linked to the
/// original, with its own reference and tracking link.
pub fn reconsider(
    conn: &mut DbConn,
    ctx: &Ctx,
    token: &str,
    reasons: &str,
    days: u32,
) -> Result<Reconsidered, WorkflowError> {
    db::write_transaction(conn, |conn| {
        let original = submitter::tracked(conn, token, ctx.now)?;
        let link = follow_ups::of(conn, &original.id)?;
        let window = window_of(conn, &original, link.as_ref(), days, ctx.now)?;
        if !matches!(window, Window::Open { .. }) {
            return Ok(Reconsidered::Refused(window));
        }
        let reasons =
            follow_up::parse_statement(reasons).map_err(|problem| WorkflowError::Field {
                field: "reasons",
                message: match problem {
                    StatementProblem::Missing => Msg::new("form-reasons-missing"),
                    StatementProblem::TooLong => Msg::new("form-reasons-too-long"),
                },
            })?;
        let contact = requests::contact(conn, &original.id)?.ok_or(WorkflowError::NotFound)?;
        let (request, contact_row) = NewSubmission::following(
            &original,
            Asking {
                name: &contact.name,
                email: &contact.email,
                organization: contact.organization.as_deref(),
                country: &original.submitter_country,
                category: &original.submitter_category,
                language: original.language.as_deref(),
            },
            original.submitted_from.as_deref().unwrap_or_default(),
            ctx.now,
        );
        let id = request.id.clone();
        requests::insert_submissions(conn, &[request], &[contact_row])?;
        follow_ups::insert(
            conn,
            &Link {
                request_id: id.clone(),
                original_id: original.id.clone(),
                kind: Kind::Reconsideration,
                statement: reasons.to_owned(),
            },
        )?;
        let pending = requests::find(conn, &id)?;
        let (track_token, reference) =
            submitter::lodge(conn, ctx, &pending)?.ok_or(WorkflowError::Changed)?;
        Ok(Reconsidered::Now {
            track_token,
            reference,
        })
    })
}

/// The published clarification `reference`, which new information may be
/// sent on; not found otherwise.
pub fn published(conn: &mut DbConn, reference: &str) -> Result<Request, WorkflowError> {
    requests::find_by_reference(conn, reference)?
        .filter(|request| request.state == State::Published)
        .ok_or(WorkflowError::NotFound)
}

/// What became of new information sent.
pub enum Sent {
    Stored,
    /// Too many submissions from this address in the last hour: nothing
    /// was stored.
    Throttled,
}

/// New information on the published clarification `reference`, stored as
/// a request that follows it and waits for its sender to confirm their
/// address, as a submission does (and throttled as one: `submitted_from`
/// is a keyed hash of the address, `per_hour` 0 turns the throttle off).
pub fn send_new_information(
    conn: &mut DbConn,
    ctx: &Ctx,
    reference: &str,
    information: &NewInformation,
    submitted_from: &str,
    per_hour: u32,
) -> Result<Sent, WorkflowError> {
    db::write_transaction(conn, |conn| {
        let original = published(conn, reference)?;
        if !submitter::may_submit(conn, ctx, submitted_from, per_hour)? {
            return Ok(Sent::Throttled);
        }
        let (request, contact) = NewSubmission::following(
            &original,
            Asking {
                name: &information.name,
                email: information.email.as_str(),
                organization: None,
                // Not asked on this form: nothing is known of the sender.
                country: "",
                category: Category::Other.as_str(),
                language: information.language.as_deref(),
            },
            submitted_from,
            ctx.now,
        );
        let summary = RequestSummary {
            reference: None,
            standard: standards::find_by_id(conn, &original.standard_id)?.label(),
            clause: original.clause.clone(),
            question: original.question.clone(),
            follows: Some(Follows {
                kind: Kind::NewInformation,
                reference: reference.to_owned(),
            }),
        };
        let to = (information.name.as_str(), information.email.as_str());
        let id = submitter::store_pending(conn, ctx, request, contact, to, summary)?;
        follow_ups::insert(
            conn,
            &Link {
                request_id: id,
                original_id: original.id.clone(),
                kind: Kind::NewInformation,
                statement: information.information.clone(),
            },
        )?;
        Ok(Sent::Stored)
    })
}

/// The original of a follow-up as the follow-up's page shows it: what it
/// asked and how it went, for the screening.
#[derive(serde::Serialize)]
pub struct OriginalInView {
    #[serde(flatten)]
    pub followed: Followed,
    pub request: Request,
    pub standard: String,
    pub timeline: Vec<Entry>,
}

/// A request's follow-ups, both ways, as the request page and the case
/// file show them.
#[derive(Default, serde::Serialize)]
pub struct FollowUps {
    /// What this request follows, with the original in view.
    pub follows: Option<OriginalInView>,
    /// The follow-ups of this request, oldest first.
    pub followed_by: Vec<Listed>,
}

/// What `request` follows, with the original in view.
pub(super) fn original_in_view(
    conn: &mut DbConn,
    request: &Request,
) -> Result<Option<OriginalInView>, WorkflowError> {
    let Some(link) = follow_ups::of(conn, &request.id)? else {
        return Ok(None);
    };
    let original = requests::find(conn, &link.original_id)?;
    let timeline = super::workspace::timeline(conn, &original.id)?;
    Ok(Some(OriginalInView {
        standard: standards::find_by_id(conn, &original.standard_id)?.label(),
        followed: Followed {
            kind: link.kind,
            reference: original.reference.clone().unwrap_or_default(),
            statement: link.statement,
        },
        request: original,
        timeline: timeline.entries,
    }))
}
