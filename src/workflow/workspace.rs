//! The secretariat's and the groups' actions on a request. Each one: check
//! the reader may see it, ask the lifecycle whether this person may act now,
//! check nobody changed it meanwhile, store, record the event, queue mail.

use super::{Ctx, WorkflowError};
use crate::db::{self, DbConn};
use crate::domain::access::{GroupRole, Standing};
use crate::domain::lifecycle::{Action, Actor, State, Transition};
use crate::mail::messages::{RequestSummary, Update};
use crate::models::requests::{self, Change, Request};
use crate::models::tokens::{self, Purpose};
use crate::models::users::User;
use crate::models::{comments, committees, events, groups, standards, users};

/// A request as one signed-in person may see it.
pub struct Visible {
    pub request: Request,
    pub standing: Standing,
    pub reached_group: bool,
}

/// Loads a request by reference for `user`; a request they may not read is
/// "not found", so its existence is not disclosed.
pub fn visible(conn: &mut DbConn, user: &User, reference: &str) -> Result<Visible, WorkflowError> {
    let request = requests::find_by_reference(conn, reference)?.ok_or(WorkflowError::NotFound)?;
    let group_role = match &request.group_id {
        Some(group_id) => groups::role_of(conn, group_id, &user.id)?
            .as_deref()
            .and_then(GroupRole::parse),
        None => None,
    };
    let standing = Standing {
        secretariat: user.is_secretariat,
        group_role,
    };
    let reached_group = events::has_action(conn, &request.id, Action::Accept.as_str())?;
    if !standing.can_read(request.state(), reached_group) {
        return Err(WorkflowError::NotFound);
    }
    Ok(Visible {
        request,
        standing,
        reached_group,
    })
}

pub fn summary(conn: &mut DbConn, request: &Request) -> Result<RequestSummary, WorkflowError> {
    let standard = standards::find_by_id(conn, &request.standard_id)?;
    Ok(RequestSummary {
        reference: request.reference.clone(),
        standard: standard.label(),
        clause: request.clause.clone(),
        question: request.question.clone(),
    })
}

/// Who acts, on which request, having seen which version of it.
pub struct Acting<'a> {
    pub user: &'a User,
    pub reference: &'a str,
    pub version: i32,
}

/// The checks and the record every transition shares; `change` adds the
/// columns particular to the action. Returns the request as it was, the
/// transition and the event id (which keys the mail).
pub fn transition(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    action: Action,
    change: Change<'_>,
    note: Option<&str>,
) -> Result<(Request, Transition, String), WorkflowError> {
    let Visible {
        request, standing, ..
    } = visible(conn, acting.user, acting.reference)?;
    // A page out of date is told so first: what it offered may not apply.
    if request.version != acting.version {
        return Err(WorkflowError::Changed);
    }
    let (actor, transition) = standing.decide(request.state(), action)?;
    let closed = transition.to == State::Closed;
    let change = Change {
        state: Some(transition.to.as_str()),
        closure_reason: transition.closure.map(|r| r.as_str()),
        closed_at: if closed {
            Some(ctx.now)
        } else {
            change.closed_at
        },
        updated_at: Some(ctx.now),
        ..change
    };
    if !requests::apply(conn, &request.id, request.version, &change)? {
        return Err(WorkflowError::Changed);
    }
    let event = events::record(
        conn,
        events::NewEvent {
            request_id: &request.id,
            actor_user_id: Some(&acting.user.id),
            actor_kind: if actor == Actor::System {
                "system"
            } else {
                "user"
            },
            action: action.as_str(),
            from_state: Some(request.state.as_str()),
            to_state: transition.to.as_str(),
            note,
        },
        ctx.now,
    )?;
    Ok((request, transition, event))
}

/// Refuses early, before reading the action's own inputs, anyone who may
/// not take `action` on this request now.
fn authorize(conn: &mut DbConn, acting: &Acting<'_>, action: Action) -> Result<(), WorkflowError> {
    let Visible {
        request, standing, ..
    } = visible(conn, acting.user, acting.reference)?;
    if request.version != acting.version {
        return Err(WorkflowError::Changed);
    }
    standing.decide(request.state(), action)?;
    Ok(())
}

/// What a mail about this request says; the recipient decides the link.
pub struct Telling<'a> {
    pub headline: String,
    pub intro: String,
    pub note: Option<&'a str>,
    pub note_label: &'a str,
}

/// Mails the submitter, with a fresh private link to the tracking page (only
/// hashes of earlier links are stored, so each mail carries its own).
pub fn tell_submitter(
    conn: &mut DbConn,
    ctx: &Ctx,
    request: &Request,
    event: &str,
    telling: Telling<'_>,
) -> Result<(), WorkflowError> {
    let Some(contact) = requests::contact(conn, &request.id)? else {
        // Personal data already erased: nobody to tell.
        return Ok(());
    };
    let token = tokens::issue(
        conn,
        Purpose::Track,
        tokens::Subject {
            request_id: Some(&request.id),
            ..Default::default()
        },
        ctx.now,
        None,
    )?;
    let message = Update {
        ctx: ctx.mail.clone(),
        headline: telling.headline,
        intro: format!("Dear {},\n\n{}", contact.name, telling.intro),
        request: summary(conn, request)?,
        note: telling.note.map(str::to_owned),
        note_label: telling.note_label.to_owned(),
        link_label: "Follow your request".into(),
        link_url: ctx.url(&format!("/track/{token}")),
    };
    ctx.send_about(conn, &request.id, event, &contact.email, &message)
}

/// Mails people of the workspace (the secretariat, a group) a link to the
/// request's page.
pub fn tell_workspace(
    conn: &mut DbConn,
    ctx: &Ctx,
    request: &Request,
    event: &str,
    recipients: &[String],
    telling: Telling<'_>,
) -> Result<(), WorkflowError> {
    let message = Update {
        ctx: ctx.mail.clone(),
        headline: telling.headline,
        intro: telling.intro,
        request: summary(conn, request)?,
        note: telling.note.map(str::to_owned),
        note_label: telling.note_label.to_owned(),
        link_label: "Open the request".into(),
        link_url: ctx.url(&format!(
            "/workspace/requests/{}",
            request.reference.as_deref().unwrap_or_default()
        )),
    };
    let mut recipients = recipients.to_vec();
    recipients.sort();
    recipients.dedup();
    for recipient in recipients {
        ctx.send_about(conn, &request.id, event, &recipient, &message)?;
    }
    Ok(())
}

pub fn secretariat_emails(conn: &mut DbConn) -> Result<Vec<String>, WorkflowError> {
    Ok(users::secretariat(conn)?
        .into_iter()
        .map(|u| u.email)
        .collect())
}

/// Accept: admissible, to the group (`group_id` chooses or confirms it).
pub fn accept(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    group_id: Option<&str>,
) -> Result<(), WorkflowError> {
    authorize(conn, acting, Action::Accept)?;
    db::write_transaction(conn, |conn| {
        let current =
            requests::find_by_reference(conn, acting.reference)?.ok_or(WorkflowError::NotFound)?;
        let group_id = group_id
            .filter(|g| !g.is_empty())
            .or(current.group_id.as_deref())
            .map(str::to_owned);
        let Some(group_id) = group_id else {
            return Err(WorkflowError::Invalid(
                "Choose the maintenance group that will answer this request.".into(),
            ));
        };
        let group = groups::find(conn, &group_id)
            .map_err(|_| WorkflowError::Invalid("Choose a group from the list.".into()))?;
        let change = Change {
            group_id: Some(&group.id),
            ..Change::default()
        };
        let (request, _, event) = transition(conn, ctx, acting, Action::Accept, change, None)?;
        let members = groups::member_emails(conn, &group.id)?;
        tell_workspace(
            conn,
            ctx,
            &request,
            &event,
            &members,
            Telling {
                headline: format!("new request for {}", group.code),
                intro: format!(
                    "The secretariat accepted this clarification request for {} ({}). The convenor may now prepare a draft answer.",
                    group.code, group.name
                ),
                note: None,
                note_label: "",
            },
        )
    })
}

/// Ask the submitter for more information.
pub fn ask(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    question: &str,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let (request, _, event) = transition(
            conn,
            ctx,
            acting,
            Action::AskForInformation,
            Change::default(),
            Some(question),
        )?;
        tell_submitter(conn, ctx, &request, &event, Telling {
            headline: "the secretariat asks for more information".into(),
            intro: "The secretariat needs more information before your request can go to the maintenance group. Please reply on your request's page within 30 days; without a reply the request closes.".into(),
            note: Some(question),
            note_label: "The secretariat's question",
        })
    })
}

/// Not admissible, with one of the reasons of SPEC §2 and a note.
pub fn not_admissible(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    reason: &str,
    note: &str,
) -> Result<(), WorkflowError> {
    authorize(conn, acting, Action::NotAdmissible)?;
    let explanation = match reason {
        "specific_situation" => {
            "it asks about a specific situation or for consultancy, which a clarification cannot give"
        }
        "new_requirement" => {
            "it proposes a new or changed requirement, which only a revision of the standard can bring"
        }
        "unclear" => "the question could not be understood well enough to answer",
        "other" => "it cannot be answered as a clarification",
        _ => {
            return Err(WorkflowError::Invalid(
                "Choose why the request is not admissible.".into(),
            ));
        }
    };
    db::write_transaction(conn, |conn| {
        let change = Change {
            not_admissible_reason: Some(reason),
            closure_note: Some(note),
            ..Change::default()
        };
        let (request, _, event) =
            transition(conn, ctx, acting, Action::NotAdmissible, change, Some(note))?;
        tell_submitter(
            conn,
            ctx,
            &request,
            &event,
            Telling {
                headline: "your request cannot be answered as a clarification".into(),
                intro: format!("The secretariat closed your request because {explanation}."),
                note: Some(note),
                note_label: "The secretariat's note",
            },
        )
    })
}

/// Refer to the external committee owning the standard.
pub fn refer(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    committee_code: &str,
    note: &str,
) -> Result<(), WorkflowError> {
    authorize(conn, acting, Action::Refer)?;
    db::write_transaction(conn, |conn| {
        let committee = committees::find_by_code(conn, committee_code)?
            .ok_or_else(|| WorkflowError::Invalid("Choose the committee to refer to.".into()))?;
        let change = Change {
            referred_committee_id: Some(&committee.id),
            closure_note: Some(note),
            ..Change::default()
        };
        let (request, _, event) = transition(conn, ctx, acting, Action::Refer, change, Some(note))?;
        let contact = format!(
            "{} — {}\n{}\n{}",
            committee.code, committee.name, committee.contact, committee.url
        );
        tell_submitter(
            conn,
            ctx,
            &request,
            &event,
            Telling {
                headline: format!("please send your question to {}", committee.code),
                intro: format!(
                    "Your question concerns a standard of {}, which is not handled here. Please send it to that committee; its contact is below.{}",
                    committee.code,
                    if note.is_empty() {
                        String::new()
                    } else {
                        format!(" The secretariat adds: {note}")
                    }
                ),
                note: Some(&contact),
                note_label: "Whom to contact",
            },
        )
    })
}

/// Duplicate of a published clarification.
pub fn duplicate(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    published_reference: &str,
) -> Result<(), WorkflowError> {
    authorize(conn, acting, Action::Duplicate)?;
    db::write_transaction(conn, |conn| {
        let original = requests::find_by_reference(conn, published_reference.trim())?
            .filter(|r| r.state() == State::Published)
            .ok_or_else(|| {
                WorkflowError::Invalid(
                    "Enter the reference of a published clarification, like CR-2025-0012.".into(),
                )
            })?;
        let change = Change {
            duplicate_of_id: Some(&original.id),
            ..Change::default()
        };
        let link = ctx.url(&format!(
            "/clarifications/{}",
            original.reference.as_deref().unwrap_or_default()
        ));
        let (request, _, event) = transition(
            conn,
            ctx,
            acting,
            Action::Duplicate,
            change,
            original.reference.as_deref(),
        )?;
        tell_submitter(conn, ctx, &request, &event, Telling {
            headline: "already answered".into(),
            intro: "A published clarification already answers your question, so your request is closed. You can read it here:".into(),
            note: Some(&link),
            note_label: "The published clarification",
        })
    })
}

/// Reassign to another group; the state stays.
pub fn reassign(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    group_id: &str,
) -> Result<(), WorkflowError> {
    authorize(conn, acting, Action::Reassign)?;
    db::write_transaction(conn, |conn| {
        let group = groups::find(conn, group_id)
            .map_err(|_| WorkflowError::Invalid("Choose a group from the list.".into()))?;
        let note = format!("to {}", group.code);
        let change = Change {
            group_id: Some(&group.id),
            ..Change::default()
        };
        let (request, _, event) =
            transition(conn, ctx, acting, Action::Reassign, change, Some(&note))?;
        let members = groups::member_emails(conn, &group.id)?;
        tell_workspace(
            conn,
            ctx,
            &request,
            &event,
            &members,
            Telling {
                headline: format!("reassigned to {}", group.code),
                intro: format!(
                    "The secretariat assigned this clarification request to {} ({}).",
                    group.code, group.name
                ),
                note: None,
                note_label: "",
            },
        )
    })
}

/// May `user` take `action` on this request now (`None`: comment)? Checked
/// before the action's own inputs, so that someone who may not act is told
/// so rather than asked to correct a field.
pub fn may(
    conn: &mut DbConn,
    user: &User,
    reference: &str,
    action: Option<Action>,
    version: i32,
) -> Result<(), WorkflowError> {
    let Visible {
        request,
        standing,
        reached_group,
    } = visible(conn, user, reference)?;
    // A page out of date is told so first: what it offered may not apply.
    if action.is_some() && request.version != version {
        return Err(WorkflowError::Changed);
    }
    match action {
        Some(action) => {
            standing.decide(request.state(), action)?;
        }
        None if !standing.can_comment(request.state(), reached_group) => {
            return Err(crate::domain::lifecycle::Refusal::WrongActor.into());
        }
        None => {}
    }
    Ok(())
}

/// An internal comment (Markdown); no state change, no mail.
pub fn comment(
    conn: &mut DbConn,
    ctx: &Ctx,
    user: &User,
    reference: &str,
    body: &str,
) -> Result<(), WorkflowError> {
    may(conn, user, reference, None, 0)?;
    let request = requests::find_by_reference(conn, reference)?.ok_or(WorkflowError::NotFound)?;
    comments::add(conn, &request.id, &user.id, body, ctx.now)?;
    Ok(())
}
