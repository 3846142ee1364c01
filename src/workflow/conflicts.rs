//! Conflicts of interest in a consensus round: voters are flagged when it
//! opens, declare a conflict or confirm none (with their vote, on the vote
//! form), and the convenor may let a conflicted vote count as cast.

use std::collections::HashMap;

use super::workspace::{Acting, permit, record, required};
use super::{Ctx, WorkflowError};
use crate::db::{self, DbConn};
use crate::domain::conflicts::{self, Candidate, Declaration, Submitter};
use crate::domain::consensus::RoundRefusal;
use crate::domain::lifecycle::Action;
use crate::models::requests::Request;
use crate::models::rounds::ListedVoter;
use crate::models::{conflicts as stored, groups, requests, rounds, users};

/// Flags the voters of the round `round_id`, just opened on `request`:
/// those nominated by the submitter's organisation, those whose address
/// shares the submitter's mail domain, and those who declared interests
/// on their membership of `group_id`.
pub fn flag_voters(
    conn: &mut DbConn,
    request: &Request,
    group_id: &str,
    round_id: &str,
) -> Result<(), WorkflowError> {
    let contact = requests::contact(conn, &request.id)?;
    let submitter = contact.as_ref().map(|c| Submitter {
        organisation: c.organization.as_deref(),
        email: &c.email,
    });
    let members: HashMap<String, groups::Member> = groups::members_of(conn, group_id)?
        .into_iter()
        .map(|m| (m.user.id.clone(), m))
        .collect();
    for voter in rounds::voter_list(conn, round_id)? {
        let Some(member) = members.get(&voter.user_id) else {
            continue;
        };
        let candidate = Candidate {
            email: &member.user.email,
            body: voter.body.as_deref().zip(voter.body_name.as_deref()),
            interests: member.interests.as_deref(),
        };
        if let Some(reason) = conflicts::flag(submitter, candidate) {
            stored::flag(conn, round_id, &voter.user_id, reason)?;
        }
    }
    Ok(())
}

/// Votes in the open round, having first recorded the voter's declaration
/// on a conflict of interest if the form carries one (`choice`: `none`,
/// `declared` with its `note`, or empty). A flagged voter's vote waits for
/// one; all of it is stored, or nothing.
pub fn vote(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    (choice, note): (&str, &str),
    position: &str,
    comment: &str,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        if !choice.trim().is_empty() {
            declare(conn, ctx, acting, choice, note)?;
        }
        super::rounds::vote(conn, ctx, acting, position, comment)
    })
}

/// Records a declaration; saying again what is on record changes nothing.
fn declare(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    choice: &str,
    note: &str,
) -> Result<(), WorkflowError> {
    let action = match choice.trim() {
        "none" => Action::ConfirmNoConflict,
        _ => Action::DeclareConflict,
    };
    let permit = permit(conn, acting, action)?;
    let round =
        rounds::lock_open_round(conn, &permit.request().id)?.ok_or(WorkflowError::Changed)?;
    let standing =
        stored::standing(conn, &round.id, &acting.user.id)?.ok_or(RoundRefusal::NotOnVoterList)?;
    let declaration = Declaration::parse(choice, note)?.ok_or(RoundRefusal::UnknownDeclaration)?;
    let next = conflicts::declare(standing.conflict, declaration)?;
    let note = match declaration {
        Declaration::Conflict { note } => {
            Some(required(note, "conflict_note", "what-conflict-note")?)
        }
        Declaration::NoConflict => None,
    };
    if next == standing.conflict && note == standing.note.as_deref() {
        return Ok(());
    }
    stored::declare(conn, &round.id, &acting.user.id, next, note)?;
    record(conn, ctx, acting.user, &permit, note)?;
    Ok(())
}

/// Whether the acting voter may vote in `round_id` as things stand: a
/// flagged voter declares or confirms first.
pub fn may_vote(conn: &mut DbConn, round_id: &str, user_id: &str) -> Result<(), WorkflowError> {
    let standing =
        stored::standing(conn, round_id, user_id)?.ok_or(RoundRefusal::NotOnVoterList)?;
    Ok(conflicts::may_vote(standing.conflict)?)
}

/// The convenor lets the vote of `voter_id`, cast under a declared
/// conflict, count as cast, for `reason` (kept in the record).
pub fn allow(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    voter_id: &str,
    reason: &str,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let permit = permit(conn, acting, Action::AllowConflictedVote)?;
        let round =
            rounds::lock_open_round(conn, &permit.request().id)?.ok_or(WorkflowError::Changed)?;
        let voter_id = voter_id.trim();
        let standing =
            stored::standing(conn, &round.id, voter_id)?.ok_or(RoundRefusal::NoDeclaredConflict)?;
        conflicts::may_allow(standing.conflict, &acting.user.id, voter_id)?;
        if reason.trim().is_empty() {
            return Err(RoundRefusal::AllowanceWithoutReason.into());
        }
        let reason = required(reason, "allowed_reason", "what-allowance-reason")?;
        stored::allow(conn, &round.id, voter_id, &acting.user.id, reason)?;
        let voter = users::find(conn, voter_id)?;
        record(
            conn,
            ctx,
            acting.user,
            &permit,
            Some(&format!("{}: {reason}", voter.name)),
        )?;
        Ok(())
    })
}

/// What the round page shows of conflicts besides the voter list: who
/// allowed each conflicted vote, and each flagged voter's declared
/// interests, by voter.
#[derive(Debug, Default, serde::Serialize)]
pub struct RoundConflicts {
    allowed_by: HashMap<String, String>,
    interests: HashMap<String, String>,
}

impl RoundConflicts {
    /// The name of the convenor who allowed this voter's conflicted vote.
    pub fn allowed_by(&self, user_id: &str) -> Option<&str> {
        self.allowed_by.get(user_id).map(String::as_str)
    }

    /// The interests this voter declared on their membership.
    pub fn interests(&self, user_id: &str) -> Option<&str> {
        self.interests.get(user_id).map(String::as_str)
    }
}

/// The conflicts of a round of `group` with these `voters`.
pub fn of_round(
    conn: &mut DbConn,
    group: &groups::Group,
    voters: &[ListedVoter],
) -> Result<RoundConflicts, WorkflowError> {
    let mut allowed_by = HashMap::new();
    for voter in voters {
        if let Some(by) = &voter.allowed_by {
            allowed_by.insert(voter.user_id.clone(), users::find(conn, by)?.name);
        }
    }
    let flagged = |user_id: &str| {
        voters
            .iter()
            .any(|v| v.user_id == user_id && v.conflict_reason.is_some())
    };
    let interests = groups::members_of(conn, &group.id)?
        .into_iter()
        .filter(|m| flagged(&m.user.id))
        .filter_map(|m| Some((m.user.id, m.interests?)))
        .collect();
    Ok(RoundConflicts {
        allowed_by,
        interests,
    })
}
