//! Consensus rounds and decisions: open a round, vote, close it with or
//! without consensus, give up, publish or send back.

use chrono::{NaiveDateTime, TimeDelta};

use super::subscriptions::{self, News};
use super::workspace::{
    Acting, Telling, permit, record, required, secretariat_emails, tell_submitter, tell_workspace,
    transition,
};
use super::{Ctx, WorkflowError};
use crate::db::{self, DbConn};
use crate::domain::consensus::Position;
use crate::domain::lifecycle::{self, Action, Actor};
use crate::models::requests::Change;
use crate::models::{events, groups, requests, rounds};

/// How long a round runs unless the convenor says otherwise.
pub const DEFAULT_ROUND: TimeDelta = TimeDelta::days(21);
/// Members who have not voted hear this long before the deadline.
pub const REMINDER_BEFORE: TimeDelta = TimeDelta::days(3);

fn group_of(request: &requests::Request) -> Result<String, WorkflowError> {
    request
        .group_id
        .clone()
        .ok_or_else(|| WorkflowError::Invalid("This request has no group.".into()))
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
        .map_err(|_| {
            WorkflowError::Invalid("Enter the deadline as a date, like 2026-12-31.".into())
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
        let draft = required(draft, "the draft answer")?;
        let deadline = deadline_of(deadline, ctx.now)?;
        if deadline <= ctx.now {
            return Err(WorkflowError::Invalid(
                "Choose a deadline in the future.".into(),
            ));
        }
        let request = permit.request();
        let event = transition(conn, ctx, acting.user, &permit, Change::default(), None)?;
        rounds::open(conn, &request.id, draft, deadline, &acting.user.id, ctx.now)?;
        let group = group_of(request)?;
        let members = groups::member_emails(conn, &group)?;
        tell_workspace(
            conn,
            ctx,
            request,
            &event,
            &members,
            Telling {
                headline: format!(
                    "draft answer for your vote by {}",
                    deadline.format("%-d %B %Y")
                ),
                intro: format!(
                    "{} circulated a draft answer for consensus. Please vote (agree, agree with comments, oppose with a comment, or abstain) by {}.",
                    acting.user.name,
                    deadline.format("%-d %B %Y")
                ),
                note: Some(draft),
                note_label: "The draft answer",
            },
        )
    })
}

/// Casts or changes the acting member's vote in the open round. A vote does
/// not move the request, so it leaves its version alone; but a vote from a
/// page older than the request's last change (another round, or this one
/// closed) is refused, as is a vote reaching a round closed meanwhile.
pub fn vote(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    position: &str,
    comment: &str,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let permit = permit(conn, acting, Action::Vote)?;
        let position = Position::parse(position.trim())
            .ok_or_else(|| WorkflowError::Invalid("Choose your position.".into()))?;
        let comment = comment.trim();
        if position.is_opposition() && comment.is_empty() {
            return Err(WorkflowError::Invalid(
                "An opposition needs a comment saying what must change.".into(),
            ));
        }
        // Held while voting: a round being closed is waited for, and then
        // found closed.
        let round =
            rounds::lock_open_round(conn, &permit.request().id)?.ok_or(WorkflowError::Changed)?;
        let comment = (!comment.is_empty()).then_some(comment);
        rounds::cast(conn, &round.id, &acting.user.id, position, comment, ctx.now)?;
        record(conn, ctx, acting.user, &permit, Some(position.as_str()))?;
        Ok(())
    })
}

/// Records consensus: the final answer, and a response to every opposition.
pub fn close_with_consensus(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    final_answer: &str,
    responses: &[(String, String)],
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let permit = permit(conn, acting, Action::CloseWithConsensus)?;
        let final_answer = required(final_answer, "the final answer")?;
        let request = permit.request();
        // Held before the votes are read: a vote under way is counted, and
        // one sent later finds the round closed.
        let round = rounds::lock_open_round(conn, &request.id)?.ok_or(WorkflowError::Changed)?;
        let votes = rounds::votes(conn, &round.id)?;
        let missing: Vec<&str> = votes
            .iter()
            .filter(|v| v.position.is_opposition())
            .filter(|v| {
                !responses
                    .iter()
                    .any(|(id, text)| *id == v.id && !text.trim().is_empty())
            })
            .map(|v| v.voter.as_str())
            .collect();
        if !missing.is_empty() {
            return Err(WorkflowError::Invalid(format!(
                "Consensus cannot be recorded while an opposition has no response: answer {}.",
                missing.join(", ")
            )));
        }
        let change = Change {
            answer: Some(final_answer),
            decided_at: Some(ctx.now),
            ..Change::default()
        };
        let event = transition(conn, ctx, acting.user, &permit, change, None)?;
        for vote in votes.iter().filter(|v| v.position.is_opposition()) {
            let text = responses
                .iter()
                .find(|(id, _)| *id == vote.id)
                .map(|(_, t)| t.trim())
                .unwrap_or_default();
            rounds::respond(conn, &vote.id, text, &acting.user.id, ctx.now)?;
        }
        rounds::close(
            conn,
            &round.id,
            "consensus",
            Some(final_answer),
            &acting.user.id,
            ctx.now,
        )?;
        let mut recipients = secretariat_emails(conn)?;
        recipients.extend(groups::member_emails(conn, &group_of(request)?)?);
        tell_workspace(
            conn,
            ctx,
            request,
            &event,
            &recipients,
            Telling {
                headline: "consensus recorded; ready to publish".into(),
                intro: format!(
                    "{} recorded the group's consensus. The secretariat may now publish the clarification.",
                    acting.user.name
                ),
                note: Some(final_answer),
                note_label: "The final answer",
            },
        )
    })
}

/// Ends the round without consensus: back to the group for another draft.
pub fn close_without_consensus(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    note: &str,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let permit = permit(conn, acting, Action::CloseWithoutConsensus)?;
        let note = required(note, "a note for the group")?;
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
            "no_consensus_yet",
            None,
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
                headline: "round closed without consensus".into(),
                intro: format!(
                    "{} closed the round without consensus; the group continues on a new draft.",
                    acting.user.name
                ),
                note: Some(note),
                note_label: "The convenor's note",
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
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let permit = permit(conn, acting, Action::CloseNoConsensus)?;
        let note = required(note, "why no consensus is possible")?;
        let request = permit.request();
        let change = Change {
            closure_note: Some(note),
            ..Change::default()
        };
        let event = transition(conn, ctx, acting.user, &permit, change, Some(note))?;
        tell_submitter(conn, ctx, request, &event, Telling {
            headline: "no consensus could be reached".into(),
            intro: "The maintenance group could not reach consensus on an answer. Your question is kept for the next revision of the standard.".into(),
            note: Some(note),
            note_label: "The group's note",
        })?;
        let secretariat = secretariat_emails(conn)?;
        tell_workspace(
            conn,
            ctx,
            request,
            &event,
            &secretariat,
            Telling {
                headline: "closed without consensus".into(),
                intro: format!(
                    "{} closed the request: no consensus possible.",
                    acting.user.name
                ),
                note: Some(note),
                note_label: "The convenor's note",
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
        let permit = permit(conn, acting, Action::Publish)?;
        let request = permit.request();
        let change = Change {
            published_at: Some(ctx.now),
            consider_at_revision: Some(consider_at_revision),
            ..Change::default()
        };
        let event = transition(conn, ctx, acting.user, &permit, change, None)?;
        let link = ctx.url(&format!(
            "/clarifications/{}",
            request.reference.as_deref().unwrap_or_default()
        ));
        tell_submitter(conn, ctx, request, &event, Telling {
            headline: "the answer is published".into(),
            intro: "The maintenance group's answer to your request is published. Thank you for asking.".into(),
            note: Some(&link),
            note_label: "The published clarification",
        })?;
        subscriptions::tell_followers(conn, ctx, request, &event, News::Published)
    })
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
        let note = required(note, "a note for the convenor")?;
        let request = permit.request();
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
                headline: "decision sent back to the group".into(),
                intro: format!(
                    "{} sent the decision back to the group before publication.",
                    acting.user.name
                ),
                note: Some(note),
                note_label: "The secretariat's note",
            },
        )
    })
}

/// Reminds members who have not voted, once per round, 3 days before the
/// deadline. Run by the worker.
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
            let group = group_of(&request)?;
            let waiting = rounds::not_voted(conn, &group, &round.id)?;
            let event = events::record(
                conn,
                events::NewEvent {
                    request_id: &request.id,
                    actor_user_id: None,
                    actor_kind: Actor::System.kind(),
                    action: Action::Remind,
                    from_state: Some(request.state),
                    to_state: transition.to,
                    note: None,
                },
                ctx.now,
            )?;
            tell_workspace(
                conn,
                ctx,
                &request,
                &event,
                &waiting,
                Telling {
                    headline: format!("please vote by {}", round.deadline_at.format("%-d %B %Y")),
                    intro: format!(
                        "The consensus round on this request closes on {}, and your vote is not in yet.",
                        round.deadline_at.format("%-d %B %Y")
                    ),
                    note: Some(&round.draft_answer),
                    note_label: "The draft answer",
                },
            )?;
            Ok::<bool, WorkflowError>(true)
        })?;
        reminded += usize::from(sent);
    }
    Ok(reminded)
}

/// Marks a published clarification superseded, incorporated into a new
/// edition, or withdrawn. The answer itself is never edited: the mark and
/// its note are a new event, shown as a banner.
pub fn mark_publication(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    flag: &str,
    note: &str,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let permit = permit(conn, acting, Action::MarkPublication)?;
        let note = required(note, "a note explaining the change")?;
        let flag = flag.trim();
        if !matches!(flag, "superseded" | "incorporated" | "withdrawn") {
            return Err(WorkflowError::Invalid(
                "Choose how the clarification changed.".into(),
            ));
        }
        let change = Change {
            publication_flag: Some(flag),
            publication_flag_note: Some(note),
            ..Change::default()
        };
        let label = format!("{flag}: {note}");
        let event = transition(conn, ctx, acting.user, &permit, change, Some(&label))?;
        subscriptions::tell_followers(
            conn,
            ctx,
            permit.request(),
            &event,
            News::Marked { flag, note },
        )
    })
}
