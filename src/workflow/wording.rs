//! The public wording of a request (issue 21, item 1). Before publication
//! the secretariat, and the group's convenor while the group has the
//! request, may rephrase the question (to remove names, or to ask it as a
//! yes/no question), correct the clause or move the request to another
//! standard. The request holds the wording in force, which is what is
//! published; each edit is an event with what it replaced, so the
//! submitter's own words stay in the record. A new standard answered by
//! another group moves the request there as a reassignment does.

use std::collections::HashMap;

use super::registry::Outcome;
use super::workspace::{self, Acting, Missing, Visible, permit, record, reroute};
use super::{Ctx, WorkflowError};
use crate::db::{self, DbConn};
use crate::domain::consensus::{Piece, word_difference};
use crate::domain::fields::FieldErrors;
use crate::domain::lifecycle::Action;
use crate::domain::wording::{Wording, WordingInput};
use crate::i18n::Msg;
use crate::models::groups;
use crate::models::requests::{self, Change, Request};
use crate::models::standards::{self, Standard, WithGroup};
use crate::models::users::User;
use crate::models::wording_edits::{self, WordingEdit};

/// The submitter's own wording, as the record keeps it once the public
/// wording was edited.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Submitted {
    /// The standard, as people cite it.
    pub standard: String,
    pub clause: String,
    pub question: String,
}

/// One edit of the wording as the timeline and the case file show it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Revision {
    pub standard_before: String,
    pub standard_after: String,
    pub clause_before: String,
    pub clause_after: String,
    pub question_before: String,
    pub question_after: String,
}

impl Revision {
    /// The question's change, word by word (all of it the same when only
    /// the standard or the clause changed).
    pub fn question_difference(&self) -> Vec<Piece> {
        word_difference(&self.question_before, &self.question_after)
    }

    pub fn moved_standard(&self) -> bool {
        self.standard_before != self.standard_after
    }

    pub fn moved_clause(&self) -> bool {
        self.clause_before != self.clause_after
    }
}

/// A request's edits, oldest first, each with the id of its event.
pub fn revisions(
    conn: &mut DbConn,
    request_id: &str,
) -> Result<Vec<(String, Revision)>, WorkflowError> {
    let edits = wording_edits::for_request(conn, request_id)?;
    let mut labels: HashMap<String, String> = HashMap::new();
    let mut label = |conn: &mut DbConn, id: &str| -> Result<String, WorkflowError> {
        if let Some(label) = labels.get(id) {
            return Ok(label.clone());
        }
        let label = standards::find_by_id(conn, id)?.label();
        labels.insert(id.to_owned(), label.clone());
        Ok(label)
    };
    let mut revisions = Vec::with_capacity(edits.len());
    for edit in edits {
        revisions.push((
            edit.event_id,
            Revision {
                standard_before: label(conn, &edit.standard_before_id)?,
                standard_after: label(conn, &edit.standard_after_id)?,
                clause_before: edit.clause_before,
                clause_after: edit.clause_after,
                question_before: edit.question_before,
                question_after: edit.question_after,
            },
        ));
    }
    Ok(revisions)
}

/// The submitter's wording, from the first edit's "before": none while
/// nobody edited it (the request's own columns are the submitter's then).
pub fn submitted(revisions: &[(String, Revision)]) -> Option<Submitted> {
    revisions.first().map(|(_, first)| Submitted {
        standard: first.standard_before.clone(),
        clause: first.clause_before.clone(),
        question: first.question_before.clone(),
    })
}

/// What the wording page shows.
pub struct WordingView {
    pub request: Request,
    pub standard: Standard,
    pub submitted_wording: Option<Submitted>,
    /// The standards it may be moved to (slug, label with its group).
    pub standards: Vec<(String, String)>,
}

impl WordingView {
    /// The form prefilled with the wording in force.
    pub fn input(&self) -> WordingInput {
        WordingInput::of(
            &wording_of(&self.request, &self.standard),
            self.request.version,
        )
    }
}

fn wording_of(request: &Request, standard: &Standard) -> Wording {
    Wording {
        standard_slug: standard.slug.clone(),
        clause: request.clause.clone(),
        question: request.question.clone(),
    }
}

/// A request may be about a current edition, or stay on its own.
fn choosable<'a>(all: &'a [WithGroup], request: &Request) -> Vec<&'a WithGroup> {
    all.iter()
        .filter(|(s, _)| s.is_current() || s.id == request.standard_id)
        .collect()
}

/// The wording page of `reference`, for someone who may edit it now.
pub fn page(conn: &mut DbConn, user: &User, reference: &str) -> Result<WordingView, WorkflowError> {
    let Visible {
        request, standing, ..
    } = workspace::visible(conn, user, reference)?;
    standing.decide(request.state, Action::EditWording)?;
    let all = standards::all_with_groups(conn)?;
    let options = choosable(&all, &request)
        .into_iter()
        .map(|(s, group)| {
            let label = match group {
                Some(code) => format!("{} ({code}) — {}", s.label(), s.short_title()),
                None => format!("{} — {}", s.label(), s.short_title()),
            };
            (s.slug.clone(), label)
        })
        .collect();
    Ok(WordingView {
        standard: standards::find_by_id(conn, &request.standard_id)?,
        submitted_wording: submitted(&revisions(conn, &request.id)?),
        standards: options,
        request,
    })
}

/// What an edit did: the group it moved the request to, if it did.
#[derive(Debug)]
pub struct Edited {
    pub moved_to: Option<String>,
}

/// Saves a new public wording of the request: refused field by field
/// (nothing stored) when it breaks a rule of the request form, or when
/// its standard is another group's and this person may not move the
/// request there now.
pub fn edit(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    input: &WordingInput,
) -> Result<Outcome<Edited>, WorkflowError> {
    db::write_transaction(conn, |conn| {
        let permit = permit(conn, acting, Action::EditWording)?;
        let request = permit.request().clone();
        let all = standards::all_with_groups(conn)?;
        let choices = choosable(&all, &request);
        let find = |slug: &str| choices.iter().find(|(s, _)| s.slug == slug).map(|(s, _)| s);
        let before = standards::find_by_id(conn, &request.standard_id)?;
        let checked = input.validate(|slug| find(slug).is_some(), &wording_of(&request, &before));
        let edit = match checked {
            Ok(edit) => edit,
            Err(errors) => return Ok(Outcome::Refused(errors)),
        };
        let standard = find(&edit.wording.standard_slug)
            .cloned()
            .ok_or(WorkflowError::NotFound)?;
        // The group that answers the new standard, if it is another.
        let new_group = match &standard.group_id {
            Some(id) if request.group_id.as_ref() != Some(id) => Some(groups::find(conn, id)?),
            _ => None,
        };
        let moving = match &new_group {
            Some(group) => match movable(conn, ctx, acting, group, &standard)? {
                Ok(permit) => Some((permit, group)),
                Err(errors) => return Ok(Outcome::Refused(errors)),
            },
            None => None,
        };
        let event = record(conn, ctx, acting.user, &permit, edit.note.as_deref())?;
        wording_edits::insert(
            conn,
            &WordingEdit {
                event_id: event,
                request_id: request.id.clone(),
                question_before: request.question.clone(),
                question_after: edit.wording.question.clone(),
                clause_before: request.clause.clone(),
                clause_after: edit.wording.clause.clone(),
                standard_before_id: request.standard_id.clone(),
                standard_after_id: standard.id.clone(),
            },
        )?;
        let change = Change {
            standard_id: Some(&standard.id),
            clause: Some(&edit.wording.clause),
            question: Some(&edit.wording.question),
            ..Change::default()
        };
        let moved_to = match moving {
            Some((reassign, group)) => {
                Some(reroute(conn, ctx, acting.user, &reassign, group, change)?)
            }
            // The same people wait for the same step: the wording changes
            // nothing of when the request last moved (`updated_at`).
            None if requests::apply(conn, &request.id, request.version, &change)? => None,
            None => return Err(WorkflowError::Changed),
        };
        Ok(Outcome::Done(Edited { moved_to }))
    })
}

/// Whether this person may move the request to `group` now, as a
/// reassignment: the permit to, or what to tell them on the form.
fn movable(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    group: &groups::Group,
    standard: &Standard,
) -> Result<Result<workspace::Permit, FieldErrors>, WorkflowError> {
    let mut errors = FieldErrors::default();
    let permit = match permit(conn, acting, Action::Reassign) {
        Ok(permit) => permit,
        Err(WorkflowError::Refused(_)) => {
            errors.add(
                "standard",
                Msg::new("form-wording-other-group")
                    .with("standard", standard.label())
                    .with("group", group.code.as_str()),
            );
            return Ok(Err(errors));
        }
        Err(e) => return Err(e),
    };
    match workspace::able_to_answer(conn, &permit, group, ctx.now) {
        Ok(()) => Ok(Ok(permit)),
        Err(WorkflowError::GroupCannotAnswer(unable)) => {
            let missing = match unable.missing {
                Missing::Convenor => "convenor",
                Missing::Voter => "voter",
            };
            errors.add(
                "standard",
                Msg::new("form-wording-group-cannot-answer")
                    .with("standard", standard.label())
                    .with("group", group.code.as_str())
                    .with("missing", missing),
            );
            Ok(Err(errors))
        }
        Err(e) => Err(e),
    }
}
