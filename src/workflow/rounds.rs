//! Consensus rounds and decisions: open a round with its voter list, vote,
//! answer oppositions, close it with consensus when the closing rules allow
//! (on the voted text, an editorially changed one open to objection, or a
//! new round for a substantive change) or without, give up, publish or
//! send back.

use crate::i18n::Msg;
use chrono::{NaiveDateTime, TimeDelta};

use super::subscriptions::{self, News};
use super::webhooks::{self, Happened};
use super::workspace::{
    Acting, Permit, Telling, confirmed, group_of_request, permit, record, request_url, required,
    secretariat_emails, send_each, summary, tell_submitter, tell_workspace, transition,
};
use super::{Ctx, WorkflowError};
use crate::db::{self, DbConn};
use crate::domain::consensus::{
    self, ChangeClass, Kind, Outcome, Position, Quorum, RoundFacts, RoundRefusal, Tally,
};
use crate::domain::lifecycle::{self, Action, Actor, State};
use crate::domain::markdown;
use crate::domain::webhook::EventType;
use crate::mail::Said;
use crate::mail::messages::{DecisionStands, EditorialChange, ObjectionRaised, OppositionRaised};
use crate::models::groups::Group;
use crate::models::register::Clarification;
use crate::models::requests::{Change, Request};
use crate::models::rounds::{Closing, ListedVoter, NewRound, Round, VoteView};
use crate::models::standards::Standard;
use crate::models::users::User;
use crate::models::{
    events, groups, links, numbers, references, requests, rounds, standards, translations,
};

/// How long a round runs unless the convenor says otherwise.
pub const DEFAULT_ROUND: TimeDelta = TimeDelta::days(21);
/// Members who have not voted hear this long before the deadline.
pub const REMINDER_BEFORE: TimeDelta = TimeDelta::days(3);

pub(super) fn group_of(request: &Request) -> Result<String, WorkflowError> {
    request
        .group_id
        .clone()
        .ok_or_else(|| WorkflowError::Invalid(Msg::new("form-round-no-group")))
}

/// The deadline typed as a date (the end of that day, UTC), or by default
/// `DEFAULT_ROUND` from now.
fn deadline_of(text: &str, now: NaiveDateTime) -> Result<NaiveDateTime, WorkflowError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(now + DEFAULT_ROUND);
    }
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(|d| d.and_hms_opt(23, 59, 59).expect("a valid time"))
        .map_err(|_| WorkflowError::Field {
            field: "deadline",
            message: Msg::new("form-deadline-date"),
        })
}

/// Circulates a draft answer for consensus until `deadline` (a date, or
/// empty for the default).
pub fn open(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    draft: &str,
    deadline: &str,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let permit = permit(conn, acting, Action::OpenRound)?;
        let draft = required(draft, "draft", "what-draft")?;
        let deadline = deadline_of(deadline, ctx.now)?;
        if deadline <= ctx.now {
            return Err(WorkflowError::Field {
                field: "deadline",
                message: Msg::new("form-deadline-future"),
            });
        }
        let request = permit.request();
        let event = transition(conn, ctx, acting.user, &permit, Change::default(), None)?;
        circulate(
            conn,
            ctx,
            acting.user,
            request,
            &event,
            draft,
            deadline,
            None,
        )
    })
}

/// Opens a round on `draft` whose voters are the group's voting members
/// today, and asks them to vote; `follows`: the round it replaces.
#[allow(clippy::too_many_arguments)]
fn circulate(
    conn: &mut DbConn,
    ctx: &Ctx,
    convenor: &User,
    request: &Request,
    event: &str,
    draft: &str,
    deadline: NaiveDateTime,
    follows: Option<&str>,
) -> Result<(), WorkflowError> {
    let group = groups::find(conn, &group_of(request)?)?;
    let voters = groups::voters_on(conn, &group, ctx.now)?;
    let round = rounds::open(
        conn,
        &NewRound {
            request_id: &request.id,
            draft,
            deadline,
            opened_by: &convenor.id,
            follows,
        },
        &voters,
        ctx.now,
    )?;
    super::conflicts::flag_voters(conn, request, &group.id, &round)?;
    let voters = rounds::voter_emails(conn, &round)?;
    tell_workspace(
        conn,
        ctx,
        request,
        event,
        &voters,
        Telling {
            headline: Said::new("mail-round-opened-headline").with_day("deadline", deadline),
            intro: Said::new("mail-round-opened-intro")
                .with("convenor", convenor.name.clone())
                .with_day("deadline", deadline),
            note: Some(draft),
            note_label: "mail-note-draft-answer",
        },
    )
}

/// Casts or changes the acting member's vote in the open round, if the
/// round's voter list names them. A vote does not move the request, so it
/// leaves its version alone; but a vote from a page older than the
/// request's last change (another round, or this one closed) is refused,
/// as is a vote reaching a round closed meanwhile. A new or changed
/// opposition is mailed to the convenors at once.
pub fn vote(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    position: &str,
    comment: &str,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let permit = permit(conn, acting, Action::Vote)?;
        // Held while voting: a round being closed is waited for, and then
        // found closed.
        let round =
            rounds::lock_open_round(conn, &permit.request().id)?.ok_or(WorkflowError::Changed)?;
        if !rounds::is_listed(conn, &round.id, &acting.user.id)? {
            return Err(RoundRefusal::NotOnVoterList.into());
        }
        super::conflicts::may_vote(conn, &round.id, &acting.user.id)?;
        let position = Position::parse(position.trim()).ok_or_else(|| WorkflowError::Field {
            field: "position",
            message: Msg::new("form-vote-position"),
        })?;
        let comment = comment.trim();
        if position.is_opposition() && comment.is_empty() {
            return Err(WorkflowError::Field {
                field: "comment",
                message: Msg::new("form-vote-opposition-comment"),
            });
        }
        let comment = (!comment.is_empty()).then_some(comment);
        let before = rounds::cast(conn, &round.id, &acting.user.id, position, comment, ctx.now)?;
        let event = record(conn, ctx, acting.user, &permit, Some(position.as_str()))?;
        let unchanged = before.is_some_and(|(p, c)| p == position && c.as_deref() == comment);
        if let (true, false, Some(comment)) = (position.is_opposition(), unchanged, comment) {
            let request = permit.request();
            let mut convenors = groups::convenor_emails(conn, &group_of(request)?)?;
            convenors.retain(|address| *address != acting.user.email);
            let message = OppositionRaised {
                ctx: ctx.mail.clone(),
                request: summary(conn, request)?,
                voter: acting.user.name.clone(),
                comment: comment.to_owned(),
                link_url: request_url(ctx, request),
            };
            send_each(conn, ctx, request, &event, &convenors, &message)?;
        }
        Ok(())
    })
}

/// Records the convenor's response to the opposition `vote_id` of the open
/// round, during the round; a second response replaces the first, and the
/// timeline keeps both.
pub fn respond(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    vote_id: &str,
    response: &str,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let permit = permit(conn, acting, Action::RespondToOpposition)?;
        let round =
            rounds::lock_open_round(conn, &permit.request().id)?.ok_or(WorkflowError::Changed)?;
        let opposition = rounds::votes(conn, &round.id)?
            .into_iter()
            .find(|v| v.id == vote_id.trim() && v.position.is_opposition())
            .ok_or(RoundRefusal::NoSuchOpposition)?;
        let response = required(response, "response", "what-opposition-response")?;
        rounds::respond(conn, &opposition.id, response, &acting.user.id, ctx.now)?;
        record(conn, ctx, acting.user, &permit, Some(response))?;
        Ok(())
    })
}

/// The facts the closing rules look at: the round's voter list and its
/// votes, under the group's quorum; an opposition counted as an abstention
/// (a declared conflict) waits for no response.
pub fn facts_of(
    round: &Round,
    quorum: Quorum,
    voters: &[ListedVoter],
    votes: &[VoteView],
) -> RoundFacts {
    let listed = |vote: &&VoteView| voters.iter().any(|v| v.user_id == vote.user_id);
    RoundFacts {
        deadline: round.deadline_at,
        eligible: voters.len(),
        voted: votes.iter().filter(listed).count(),
        quorum,
        unanswered: unanswered_oppositions(voters, votes)
            .map(|v| v.voter.clone())
            .collect(),
    }
}

/// The oppositions the convenor has still to answer: votes of listed
/// voters that count as oppositions (not those a declared conflict turns
/// into abstentions) and have no response to what they now say.
pub fn unanswered_oppositions<'a>(
    voters: &'a [ListedVoter],
    votes: &'a [VoteView],
) -> impl Iterator<Item = &'a VoteView> {
    votes.iter().filter(|vote| {
        vote.awaits_response()
            && voters.iter().any(|voter| {
                voter.user_id == vote.user_id && voter.counted(&vote.position).is_opposition()
            })
    })
}

/// The tally of a round: each listed voter's vote as it counts, by the
/// body that nominated them.
pub fn tally_of(voters: &[ListedVoter], votes: &[VoteView]) -> Tally {
    let counted: Vec<(Option<String>, Position)> = voters
        .iter()
        .filter_map(|voter| {
            let vote = votes.iter().find(|v| v.user_id == voter.user_id)?;
            Some((voter.body.clone(), voter.counted(&vote.position)))
        })
        .collect();
    consensus::tally(&counted)
}

/// What the convenor sends to close a round with consensus: the final
/// text, and, if it differs from the voted one, how (`change_class`:
/// `editorial` or `substantive`) and why.
#[derive(Debug, Default, Clone)]
pub struct Decision<'a> {
    pub final_answer: &'a str,
    pub change_class: &'a str,
    pub change_reason: &'a str,
}

/// Records consensus, if the closing rules allow it now. On the voted text
/// the request is decided; with an editorial change it is open to the
/// voters' objection for the group's `objection_days`; a substantive
/// change opens a new round on the new text instead, whatever the rules.
pub fn close_with_consensus(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    decision: &Decision<'_>,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let permit = permit(conn, acting, Action::CloseWithConsensus)?;
        // Held before the votes are read: a vote under way is counted, and
        // one sent later finds the round closed.
        let round =
            rounds::lock_open_round(conn, &permit.request().id)?.ok_or(WorkflowError::Changed)?;
        let final_answer = required(decision.final_answer, "final_answer", "what-final-answer")?;
        let class = consensus::classify(
            &round.draft_answer,
            final_answer,
            decision.change_class,
            decision.change_reason,
        )?;
        let reason = Some(decision.change_reason.trim()).filter(|r| !r.is_empty());
        if class == ChangeClass::Substantive {
            let permit =
                super::workspace::permit(conn, acting, Action::CloseWithSubstantiveChange)?;
            return replace_round(
                conn,
                ctx,
                acting.user,
                &permit,
                &round,
                final_answer,
                reason,
            );
        }
        let request = permit.request();
        let group = groups::find(conn, &group_of(request)?)?;
        let voters = rounds::voter_list(conn, &round.id)?;
        let votes = rounds::votes(conn, &round.id)?;
        consensus::may_close(&facts_of(&round, group.quorum(), &voters, &votes), ctx.now)
            .map_err(RoundRefusal::CannotClose)?;
        if class == ChangeClass::Editorial {
            let permit = super::workspace::permit(conn, acting, Action::CloseWithEditorialChange)?;
            let reason = reason.unwrap_or_default();
            return decide_editorially(
                conn,
                ctx,
                acting.user,
                &permit,
                &group,
                &round,
                final_answer,
                reason,
            );
        }
        // The voted text, as voted: a change of spacing is no change.
        let final_answer = round.draft_answer.as_str();
        let change = Change {
            answer: Some(final_answer),
            decided_at: Some(ctx.now),
            ..Change::default()
        };
        let event = transition(conn, ctx, acting.user, &permit, change, None)?;
        rounds::close(
            conn,
            &round.id,
            &Closing {
                outcome: Outcome::Consensus,
                final_answer: Some(final_answer),
                change_class: Some(ChangeClass::None),
                change_reason: None,
                objections_until: None,
            },
            &acting.user.id,
            ctx.now,
        )?;
        super::consultations::open(conn, ctx, request, &event)?;
        let mut recipients = secretariat_emails(conn)?;
        recipients.extend(groups::member_emails(conn, &group.id)?);
        tell_workspace(
            conn,
            ctx,
            request,
            &event,
            &recipients,
            Telling {
                headline: Said::new("mail-consensus-headline"),
                intro: Said::new("mail-consensus-intro").with("convenor", acting.user.name.clone()),
                note: Some(final_answer),
                note_label: "mail-note-final-answer",
            },
        )
    })
}

/// Consensus on an editorially changed text: open to the voters'
/// objection, each mailed the change, its reason and the deadline.
#[allow(clippy::too_many_arguments)]
fn decide_editorially(
    conn: &mut DbConn,
    ctx: &Ctx,
    convenor: &User,
    permit: &Permit,
    group: &Group,
    round: &Round,
    final_answer: &str,
    reason: &str,
) -> Result<(), WorkflowError> {
    let until = ctx.now + TimeDelta::days(i64::from(group.objection_days));
    let change = Change {
        answer: Some(final_answer),
        ..Change::default()
    };
    let event = transition(conn, ctx, convenor, permit, change, Some(reason))?;
    rounds::close(
        conn,
        &round.id,
        &Closing {
            outcome: Outcome::Consensus,
            final_answer: Some(final_answer),
            change_class: Some(ChangeClass::Editorial),
            change_reason: Some(reason),
            objections_until: Some(until),
        },
        &convenor.id,
        ctx.now,
    )?;
    let request = permit.request();
    let message = EditorialChange {
        ctx: ctx.mail.clone(),
        request: summary(conn, request)?,
        convenor: convenor.name.clone(),
        reason: reason.to_owned(),
        voted_text: round.draft_answer.clone(),
        final_text: final_answer.to_owned(),
        difference: consensus::word_difference(&round.draft_answer, final_answer),
        until,
        link_url: request_url(ctx, request),
    };
    let voters = rounds::voter_emails(conn, &round.id)?;
    send_each(conn, ctx, request, &event, &voters, &message)
}

/// A substantive change: the round is replaced by a new one on the new
/// text, linked to it, with the group's voters of today.
fn replace_round(
    conn: &mut DbConn,
    ctx: &Ctx,
    convenor: &User,
    permit: &Permit,
    round: &Round,
    new_text: &str,
    reason: Option<&str>,
) -> Result<(), WorkflowError> {
    let event = transition(conn, ctx, convenor, permit, Change::default(), reason)?;
    rounds::close(
        conn,
        &round.id,
        &Closing {
            outcome: Outcome::Replaced,
            final_answer: Some(new_text),
            change_class: Some(ChangeClass::Substantive),
            change_reason: reason,
            objections_until: None,
        },
        &convenor.id,
        ctx.now,
    )?;
    let deadline = ctx.now + DEFAULT_ROUND;
    circulate(
        conn,
        ctx,
        convenor,
        permit.request(),
        &event,
        new_text,
        deadline,
        Some(&round.id),
    )
}

/// A voter of the decided round objects to its editorial change, or a
/// voting member who did not attend to a meeting's decision, within the
/// window: the request goes back to the group, and the convenors and the
/// secretariat hear of it.
pub fn object(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    reason: &str,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let permit = permit(conn, acting, Action::Object)?;
        let request = permit.request();
        let round = rounds::for_request(conn, &request.id)?
            .into_iter()
            .next()
            .ok_or(WorkflowError::Changed)?;
        if !rounds::may_object(conn, &round.id, &acting.user.id)? {
            return Err(RoundRefusal::NotAnObjector.into());
        }
        let until = round.objections_until.ok_or(WorkflowError::Changed)?;
        if ctx.now > until {
            return Err(RoundRefusal::ObjectionWindowClosed { until }.into());
        }
        let reason = required(reason, "note", "what-objection")?;
        let event = transition(
            conn,
            ctx,
            acting.user,
            &permit,
            Change::default(),
            Some(reason),
        )?;
        rounds::object(conn, &round.id, &acting.user.id, reason, ctx.now)?;
        rounds::mark_objected(conn, &round.id)?;
        let mut recipients = secretariat_emails(conn)?;
        recipients.extend(groups::convenor_emails(conn, &group_of(request)?)?);
        let message = ObjectionRaised {
            ctx: ctx.mail.clone(),
            request: summary(conn, request)?,
            objector: acting.user.name.clone(),
            reason: reason.to_owned(),
            at_meeting: round.kind == Kind::Meeting,
            link_url: request_url(ctx, request),
        };
        send_each(conn, ctx, request, &event, &recipients, &message)
    })
}

/// Decisions whose objection window ended without objection stand: each
/// request becomes decided, and the secretariat and the group hear that it
/// may be published. Run by the worker; returns how many it confirmed.
pub fn confirm_decisions(conn: &mut DbConn, ctx: &Ctx) -> Result<usize, WorkflowError> {
    let due = rounds::objection_window_ended(conn, ctx.now)?;
    let mut confirmed = 0;
    for round in due {
        let done = db::write_transaction(conn, |conn| {
            let request = requests::find(conn, &round.request_id)?;
            let Ok(transition) =
                lifecycle::decide(request.state, Action::ConfirmDecision, Actor::System)
            else {
                return Ok(false);
            };
            // Every instance's worker runs this job: the request's version
            // lets one of them confirm it, and the others find it changed.
            let change = Change {
                state: Some(transition.to),
                decided_at: Some(ctx.now),
                updated_at: Some(ctx.now),
                ..Change::default()
            };
            if !requests::apply(conn, &request.id, request.version, &change)? {
                return Ok(false);
            }
            let event = events::record(
                conn,
                events::NewEvent::by_system(&request, Action::ConfirmDecision, transition.to),
                ctx.now,
            )?;
            super::consultations::open(conn, ctx, &request, &event)?;
            let mut recipients = secretariat_emails(conn)?;
            recipients.extend(groups::member_emails(conn, &group_of(&request)?)?);
            let message = DecisionStands {
                ctx: ctx.mail.clone(),
                request: summary(conn, &request)?,
                final_text: round.final_answer.clone().unwrap_or_default(),
                at_meeting: round.kind == Kind::Meeting,
                link_url: request_url(ctx, &request),
            };
            send_each(conn, ctx, &request, &event, &recipients, &message)?;
            Ok::<bool, WorkflowError>(true)
        })?;
        confirmed += usize::from(done);
    }
    Ok(confirmed)
}

/// Ends the round without consensus: back to the group for another draft.
pub fn close_without_consensus(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    note: &str,
    confirm: bool,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let permit = permit(conn, acting, Action::CloseWithoutConsensus)?;
        confirmed(confirm, "confirm-close-round")?;
        let note = required(note, "note", "what-note-group")?;
        let request = permit.request();
        // The round before the request, in the order consensus takes them:
        // the other order could deadlock with it on PostgreSQL.
        let round = rounds::lock_open_round(conn, &request.id)?;
        let event = transition(
            conn,
            ctx,
            acting.user,
            &permit,
            Change::default(),
            Some(note),
        )?;
        let round = round.ok_or(WorkflowError::Changed)?;
        rounds::close(
            conn,
            &round.id,
            &Closing {
                outcome: Outcome::NoConsensusYet,
                final_answer: None,
                change_class: None,
                change_reason: None,
                objections_until: None,
            },
            &acting.user.id,
            ctx.now,
        )?;
        let members = groups::member_emails(conn, &group_of(request)?)?;
        tell_workspace(
            conn,
            ctx,
            request,
            &event,
            &members,
            Telling {
                headline: Said::new("mail-no-consensus-round-headline"),
                intro: Said::new("mail-no-consensus-round-intro")
                    .with("convenor", acting.user.name.clone()),
                note: Some(note),
                note_label: "mail-note-convenor",
            },
        )
    })
}

/// The group cannot answer: the request closes (kept for the next revision).
pub fn close_no_consensus(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    note: &str,
    confirm: bool,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let permit = permit(conn, acting, Action::CloseNoConsensus)?;
        confirmed(confirm, "confirm-close-request")?;
        let note = required(note, "note", "what-no-consensus")?;
        let request = permit.request();
        let change = Change {
            closure_note: Some(note),
            ..Change::default()
        };
        let event = transition(conn, ctx, acting.user, &permit, change, Some(note))?;
        tell_submitter(
            conn,
            ctx,
            request,
            &event,
            Telling {
                headline: Said::new("mail-no-consensus-headline"),
                intro: Said::new("mail-no-consensus-intro"),
                note: Some(note),
                note_label: "mail-note-group",
            },
        )?;
        let secretariat = secretariat_emails(conn)?;
        tell_workspace(
            conn,
            ctx,
            request,
            &event,
            &secretariat,
            Telling {
                headline: Said::new("mail-closed-no-consensus-headline"),
                intro: Said::new("mail-closed-no-consensus-intro")
                    .with("convenor", acting.user.name.clone()),
                note: Some(note),
                note_label: "mail-note-convenor",
            },
        )
    })
}

/// Publishes the decided answer.
pub fn publish(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    consider_at_revision: bool,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        if super::follow_ups::publish_correction(conn, ctx, acting)?.is_some() {
            return Ok(());
        }
        let permit = permit(conn, acting, Action::Publish)?;
        let request = permit.request();
        super::consultations::allow_publication(conn, request, ctx.now)?;
        let answer_html = markdown::to_safe_html(request.answer.as_deref().unwrap_or_default());
        let change = Change {
            published_at: Some(ctx.now),
            answer_html: Some(&answer_html),
            consider_at_revision: Some(consider_at_revision),
            ..Change::default()
        };
        let event = transition(conn, ctx, acting.user, &permit, change, None)?;
        numbers::assign(conn, &request.id, &request.standard_id)?;
        let link = ctx.url(&format!(
            "/clarifications/{}",
            request.reference.as_deref().unwrap_or_default()
        ));
        tell_submitter(
            conn,
            ctx,
            request,
            &event,
            Telling {
                headline: Said::new("mail-published-headline"),
                intro: Said::new("mail-published-intro"),
                note: Some(&link),
                note_label: "mail-note-published-clarification",
            },
        )?;
        webhooks::announce(
            conn,
            ctx,
            request,
            &event,
            Happened {
                event_type: EventType::Published,
                note: None,
            },
        )?;
        subscriptions::tell_followers(conn, ctx, request, &event, News::Published)
    })
}

/// The public page `acting`'s request would have if published now, for
/// the secretariat to read before publishing; nothing is stored.
pub fn publication_preview(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    consider_at_revision: bool,
) -> Result<Clarification, WorkflowError> {
    if let Some(corrected) = super::follow_ups::correction_preview(conn, ctx, acting)? {
        return Ok(corrected);
    }
    let permit = permit(conn, acting, Action::Publish)?;
    let request = permit.request();
    let standard = standards::find_by_id(conn, &request.standard_id)?;
    let group = group_of_request(conn, request)?;
    let mut item = Clarification::once_published(
        request,
        &standard,
        group.as_ref(),
        ctx.now,
        consider_at_revision,
    );
    // A French version entered before goes public with it.
    item.french = translations::of_request(conn, &request.id, translations::FRENCH)?;
    Ok(item)
}

/// Sends the decision back to the group with a note for the convenor.
pub fn send_back(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    note: &str,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let permit = permit(conn, acting, Action::SendBack)?;
        let note = required(note, "note", "what-note-convenor")?;
        let request = permit.request();
        super::consultations::end_on_send_back(conn, request, ctx.now)?;
        let event = transition(
            conn,
            ctx,
            acting.user,
            &permit,
            Change::default(),
            Some(note),
        )?;
        let convenors = groups::convenor_emails(conn, &group_of(request)?)?;
        tell_workspace(
            conn,
            ctx,
            request,
            &event,
            &convenors,
            Telling {
                headline: Said::new("mail-sent-back-headline"),
                intro: Said::new("mail-sent-back-intro").with("who", acting.user.name.clone()),
                note: Some(note),
                note_label: "mail-note-secretariat",
            },
        )
    })
}

/// Reminds the voters of a round who have not voted, once per round, 3
/// days before the deadline. Run by the worker.
pub fn send_reminders(conn: &mut DbConn, ctx: &Ctx) -> Result<usize, WorkflowError> {
    let due = rounds::due_for_reminder(conn, ctx.now + REMINDER_BEFORE)?;
    let mut reminded = 0;
    for round in due {
        let sent = db::write_transaction(conn, |conn| {
            // Every instance's worker runs this job: one claims the round.
            if !rounds::claim_reminder(conn, &round.id, ctx.now)? {
                return Ok(false);
            }
            let request = requests::find(conn, &round.request_id)?;
            let Ok(transition) = lifecycle::decide(request.state, Action::Remind, Actor::System)
            else {
                return Ok(false);
            };
            let waiting = rounds::not_voted(conn, &round.id)?;
            let event = events::record(
                conn,
                events::NewEvent::by_system(&request, Action::Remind, transition.to),
                ctx.now,
            )?;
            tell_workspace(
                conn,
                ctx,
                &request,
                &event,
                &waiting,
                Telling {
                    headline: Said::new("mail-vote-reminder-headline")
                        .with_day("deadline", round.deadline_at),
                    intro: Said::new("mail-vote-reminder-intro")
                        .with_day("deadline", round.deadline_at),
                    note: Some(&round.draft_answer),
                    note_label: "mail-note-draft-answer",
                },
            )?;
            Ok::<bool, WorkflowError>(true)
        })?;
        reminded += usize::from(sent);
    }
    Ok(reminded)
}

/// Where a marked clarification went, as typed: the reference of the one
/// that supersedes it, or the new edition of the standard (its slug) and
/// its clause. Only the fields the chosen mark needs are read.
#[derive(Debug, Default, Clone, Copy)]
pub struct MarkedTo<'a> {
    pub successor: &'a str,
    pub standard: &'a str,
    pub clause: &'a str,
}

/// Marks a published clarification superseded (naming its successor or
/// the new edition), incorporated into a new edition (naming it and the
/// clause), or withdrawn. The answer itself is never edited: the mark and its note are
/// a new event, shown as a banner, and the pages link both ways.
pub fn mark_publication(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    flag: &str,
    to: MarkedTo<'_>,
    note: &str,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let permit = permit(conn, acting, Action::MarkPublication)?;
        mark(conn, ctx, acting.user, &permit, flag, to, note)
    })
}

/// Marks the publication under `permit` (to mark it), as
/// `mark_publication` says.
pub(super) fn mark(
    conn: &mut DbConn,
    ctx: &Ctx,
    user: &User,
    permit: &Permit,
    flag: &str,
    to: MarkedTo<'_>,
    note: &str,
) -> Result<(), WorkflowError> {
    {
        let flag = flag.trim();
        let reference = permit.request().reference.clone().unwrap_or_default();
        let label = match flag {
            "superseded" if !to.successor.trim().is_empty() => {
                let successor = successor(conn, &reference, to.successor)?;
                links::set(
                    conn,
                    &reference,
                    Some(links::Target::Successor {
                        reference: &successor,
                    }),
                )?;
                Msg::new("record-superseded-by").with("reference", successor)
            }
            "superseded" | "incorporated" => {
                let standard = new_edition(conn, permit.request(), flag, to.standard)?;
                let clause = clause_named(to.clause, flag == "incorporated")?;
                links::set(
                    conn,
                    &reference,
                    Some(links::Target::Edition {
                        standard_id: &standard.id,
                        clause,
                    }),
                )?;
                let id = match (flag, clause) {
                    ("superseded", None) => "record-superseded-by-edition",
                    ("superseded", Some(_)) => "record-superseded-by-clause",
                    (_, None) => "record-incorporated-into-edition",
                    (_, Some(_)) => "record-incorporated-into-clause",
                };
                Msg::new(id)
                    .with("standard", standard.label())
                    .with("clause", clause.unwrap_or_default())
            }
            "withdrawn" => {
                links::set(conn, &reference, None)?;
                Msg::new("record-withdrawn")
            }
            _ => {
                return Err(WorkflowError::Field {
                    field: "reason",
                    message: Msg::new("form-mark-change"),
                });
            }
        };
        let note = required(note, "note", "what-change-note")?;
        let change = Change {
            publication_flag: Some(flag),
            publication_flag_note: Some(note),
            ..Change::default()
        };
        let label = ctx.for_the_record(
            &Msg::new("record-marked")
                .with("what", label)
                .with("note", note),
        );
        let event = transition(conn, ctx, user, permit, change, Some(&label))?;
        webhooks::announce(
            conn,
            ctx,
            permit.request(),
            &event,
            Happened {
                event_type: EventType::of_mark(flag),
                note: Some(note),
            },
        )?;
        subscriptions::tell_followers(
            conn,
            ctx,
            permit.request(),
            &event,
            News::Marked { flag, note },
        )
    }
}

/// The reference of the published clarification named by `typed` that is
/// to supersede `reference`: another one, not itself superseded by it.
fn successor(conn: &mut DbConn, reference: &str, typed: &str) -> Result<String, WorkflowError> {
    let successor = typed.trim().to_uppercase();
    let published = references::parse(&successor)
        .map(|_| requests::find_by_reference(conn, &successor))
        .transpose()?
        .flatten()
        .is_some_and(|found| found.state == State::Published);
    if !published {
        return Err(WorkflowError::Field {
            field: "successor",
            message: Msg::new("form-no-such-published").with("reference", successor),
        });
    }
    if successor == reference {
        return Err(WorkflowError::Field {
            field: "successor",
            message: Msg::new("form-supersede-itself"),
        });
    }
    if links::successor_of(conn, &successor)?.as_deref() == Some(reference) {
        return Err(WorkflowError::Field {
            field: "successor",
            message: Msg::new("form-supersede-each-other").with("reference", successor),
        });
    }
    Ok(successor)
}

/// The edition of the registry, chosen by its slug, that superseded or
/// took in a clarification of `request`: another one than its own.
fn new_edition(
    conn: &mut DbConn,
    request: &Request,
    flag: &str,
    slug: &str,
) -> Result<Standard, WorkflowError> {
    let choose = || WorkflowError::Field {
        field: "standard",
        message: if flag == "superseded" {
            Msg::new("form-supersede-missing")
        } else {
            Msg::new("form-incorporated-edition")
        },
    };
    let standard = standards::find_by_slug(conn, slug.trim())?
        .map(|(standard, _group)| standard)
        .ok_or_else(choose)?;
    if standard.id == request.standard_id {
        return Err(choose());
    }
    Ok(standard)
}

/// The clause of the new edition: needed to say where a clarification was
/// incorporated, optional when an edition superseded it.
fn clause_named(typed: &str, needed: bool) -> Result<Option<&str>, WorkflowError> {
    let clause = typed.trim();
    if clause.is_empty() && !needed {
        return Ok(None);
    }
    if clause.is_empty() || clause.chars().count() > 50 || clause.chars().any(char::is_control) {
        return Err(WorkflowError::Field {
            field: "clause",
            message: Msg::new("form-incorporated-clause"),
        });
    }
    Ok(Some(clause))
}
