//! Corrected versions of a published clarification (issue 21, item 3).
//! The secretariat fixes the wording of the question or the answer
//! editorially, with a note; a correction that alters the meaning is the
//! group's to decide, and is issued through [`issue_version`] once decided.
//! Either way the request's columns take the new text (what every page,
//! feed and API answer shows), and every version keeps its number and its
//! permanent address: the first correction stores the publication as
//! version 1, beside the new one.

use super::subscriptions::{self, News};
use super::webhooks::{self, Happened};
use super::workspace::{Acting, Permit, Visible, permit, required, transition, visible};
use super::{Ctx, WorkflowError};
use crate::db::{self, DbConn};
use crate::domain::lifecycle::Action;
use crate::domain::markdown;
use crate::domain::webhook::EventType;
use crate::i18n::Msg;
use crate::models::register::{self, Clarification};
use crate::models::requests::{self, Change, Request};
use crate::models::users::User;
use crate::models::versions::{self, Current, Named, Version};

/// Whether a correction changes the wording only, or what the
/// clarification means (which the group decides).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Editorial,
    Substantive,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Editorial => "editorial",
            Kind::Substantive => "substantive",
        }
    }
}

/// A corrected version: its question and answer (Markdown) in full, and
/// the note that says what changed and why.
#[derive(Debug, Clone, Copy)]
pub struct Correction<'a> {
    pub question: &'a str,
    pub answer: &'a str,
    pub note: &'a str,
    pub kind: Kind,
}

/// The correction checked: its texts trimmed, and different from the
/// version in force.
pub(super) struct Checked<'a> {
    pub(super) question: &'a str,
    pub(super) answer: &'a str,
    pub(super) note: &'a str,
}

pub(super) fn check<'a>(
    request: &Request,
    correction: &Correction<'a>,
) -> Result<Checked<'a>, WorkflowError> {
    let question = required(correction.question, "question", "what-question")?;
    let answer = required(correction.answer, "answer", "what-answer")?;
    let note = required(correction.note, "note", "what-correction-note")?;
    // A browser sends a textarea's line breaks as CRLF: the same text
    // sent back is no correction.
    let same = |typed: &str, published: &str| {
        typed.replace("\r\n", "\n") == published.trim().replace("\r\n", "\n")
    };
    if same(question, &request.question)
        && same(answer, request.answer.as_deref().unwrap_or_default())
    {
        return Err(WorkflowError::Field {
            field: "answer",
            message: Msg::new("form-correction-unchanged"),
        });
    }
    Ok(Checked {
        question,
        answer,
        note,
    })
}

/// The published clarification `user` may correct now, as the correction
/// form starts from it: the version in force, and the request's version
/// for the form's lock.
pub fn page(
    conn: &mut DbConn,
    user: &User,
    reference: &str,
) -> Result<(Clarification, i32), WorkflowError> {
    let Visible {
        request, standing, ..
    } = visible(conn, user, reference)?;
    standing.decide(request.state, Action::CorrectPublication)?;
    let item = register::find(conn, reference)?.ok_or(WorkflowError::NotFound)?;
    Ok((item, request.version))
}

/// The public page the clarification would have once corrected, for the
/// secretariat to read before confirming; nothing is stored.
pub fn preview(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    correction: &Correction<'_>,
) -> Result<Clarification, WorkflowError> {
    let permit = permit(conn, acting, Action::CorrectPublication)?;
    let checked = check(permit.request(), correction)?;
    let mut item = register::find(conn, acting.reference)?.ok_or(WorkflowError::NotFound)?;
    Clarification::with_french(conn, std::slice::from_mut(&mut item))?;
    item.question = checked.question.to_owned();
    item.answer = checked.answer.to_owned();
    item.published_html = None;
    item.version += 1;
    item.corrected_at = Some(ctx.now);
    item.correction_note = Some(checked.note.to_owned());
    Ok(item)
}

/// Issues an editorial correction from the secretariat's form; returns
/// the new version's number.
pub fn correct(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    correction: &Correction<'_>,
) -> Result<i32, WorkflowError> {
    db::write_transaction(conn, |conn| {
        let permit = permit(conn, acting, Action::CorrectPublication)?;
        issue(conn, ctx, acting.user, &permit, correction)
    })
}

/// Issues a corrected version of the published clarification `reference`
/// as `by` (the secretariat) publishes it: for a correction that alters
/// the meaning, once the group decided it (`kind` Substantive). Checked as
/// the form is (a published request, a secretariat account, a note, a
/// changed text); runs in the caller's transaction if there is one.
/// Returns the new version's number.
pub fn issue_version(
    conn: &mut DbConn,
    ctx: &Ctx,
    by: &User,
    reference: &str,
    correction: &Correction<'_>,
) -> Result<i32, WorkflowError> {
    db::write_transaction(conn, |conn| {
        let current =
            requests::find_by_reference(conn, reference)?.ok_or(WorkflowError::NotFound)?;
        let acting = Acting {
            user: by,
            reference,
            version: current.version,
        };
        let permit = permit(conn, &acting, Action::CorrectPublication)?;
        issue(conn, ctx, by, &permit, correction)
    })
}

fn issue(
    conn: &mut DbConn,
    ctx: &Ctx,
    by: &User,
    permit: &Permit,
    correction: &Correction<'_>,
) -> Result<i32, WorkflowError> {
    let request = permit.request();
    let checked = check(request, correction)?;
    let in_force = versions::current_number(conn, &request.id)?;
    if in_force == 1 {
        keep_first_version(conn, request)?;
    }
    let number = in_force + 1;
    let answer_html = markdown::to_safe_html(checked.answer);
    let change = Change {
        question: Some(checked.question),
        answer: Some(checked.answer),
        answer_html: Some(&answer_html),
        ..Change::default()
    };
    let label = format!(
        "version {number} ({}): {}",
        correction.kind.as_str(),
        checked.note
    );
    let event = transition(conn, ctx, by, permit, change, Some(&label))?;
    versions::insert(
        conn,
        &Version {
            request_id: request.id.clone(),
            number,
            event_id: Some(event.clone()),
            standard_id: request.standard_id.clone(),
            clause: request.clause.clone(),
            question: checked.question.to_owned(),
            answer: checked.answer.to_owned(),
            answer_html,
            kind: Some(correction.kind.as_str().to_owned()),
            note: Some(checked.note.to_owned()),
            published_at: ctx.now,
            published_by: Some(by.id.clone()),
        },
    )?;
    versions::set_current(
        conn,
        &Current {
            request_id: request.id.clone(),
            version: number,
            corrected_at: ctx.now,
            note: checked.note.to_owned(),
        },
    )?;
    let corrected = requests::find(conn, &request.id)?;
    webhooks::announce(
        conn,
        ctx,
        &corrected,
        &event,
        Happened {
            event_type: EventType::Corrected,
            note: Some(checked.note),
        },
    )?;
    subscriptions::tell_followers(
        conn,
        ctx,
        &corrected,
        &event,
        News::Corrected {
            version: number,
            substantive: correction.kind == Kind::Substantive,
            note: checked.note,
            answer: checked.answer,
        },
    )?;
    Ok(number)
}

/// Stores the clarification as first published, as version 1, before its
/// first correction replaces it in the request's columns.
fn keep_first_version(conn: &mut DbConn, request: &Request) -> Result<(), WorkflowError> {
    let publication = versions::publication(conn, &request.id)?;
    let answer = request.answer.clone().unwrap_or_default();
    let reference = request.reference.as_deref().unwrap_or_default();
    let published_html = register::find(conn, reference)?
        .map(|item| item.rendered_answer())
        .unwrap_or_else(|| markdown::to_safe_html(&answer));
    let (event_id, published_by) = publication.unzip();
    versions::insert(
        conn,
        &Version {
            request_id: request.id.clone(),
            number: 1,
            event_id,
            standard_id: request.standard_id.clone(),
            clause: request.clause.clone(),
            question: request.question.clone(),
            answer,
            answer_html: published_html,
            kind: None,
            note: None,
            published_at: request.published_at.unwrap_or(request.updated_at),
            published_by: published_by.flatten(),
        },
    )?;
    Ok(())
}

/// A published clarification's versions, oldest first: those stored, or,
/// before any correction, the publication itself as version 1.
pub fn history(conn: &mut DbConn, item: &Clarification) -> Result<Vec<Named>, WorkflowError> {
    let request =
        requests::find_by_reference(conn, &item.reference)?.ok_or(WorkflowError::NotFound)?;
    let stored = versions::for_request(conn, &request.id)?;
    if !stored.is_empty() {
        return Ok(stored);
    }
    let by = match versions::publication(conn, &request.id)? {
        Some((_, Some(user))) => Some(crate::models::users::find(conn, &user)?.name),
        _ => None,
    };
    Ok(vec![Named {
        version: Version {
            request_id: request.id,
            number: 1,
            event_id: None,
            standard_id: request.standard_id,
            clause: item.clause.clone(),
            question: item.question.clone(),
            answer: item.answer.clone(),
            answer_html: item.rendered_answer(),
            kind: None,
            note: None,
            published_at: item.published_at,
            published_by: None,
        },
        standard: item.standard_label(),
        by,
    }])
}

/// Version `number` of the published clarification `reference`, as its
/// permanent address shows it: the version in force with a note of the
/// newer one, if there is one. None for a number it never had.
pub fn version_page(
    conn: &mut DbConn,
    reference: &str,
    number: i32,
) -> Result<Option<(Clarification, Vec<Named>)>, WorkflowError> {
    let Some(mut item) = register::find(conn, reference)? else {
        return Ok(None);
    };
    let history = history(conn, &item)?;
    let Some(found) = history.iter().find(|v| v.version.number == number) else {
        return Ok(None);
    };
    if number != item.version {
        let version = &found.version;
        item.question = version.question.clone();
        item.answer = version.answer.clone();
        item.published_html = Some(version.answer_html.clone());
        item.clause = version.clause.clone();
        item.version = version.number;
        item.corrected_at = version.kind.is_some().then_some(version.published_at);
        item.correction_note = version.note.clone();
    }
    Ok(Some((item, history)))
}
