//! The secretariat's and the groups' actions on a request, and what the
//! request page shows. Each action makes one check (`permit`: the reader may
//! see the request, their page is current, the lifecycle lets them act now),
//! then reads its own inputs, stores, records the event and queues mail, all
//! in one transaction.

use crate::i18n::Msg;
use chrono::{NaiveDateTime, TimeDelta};

use super::follow_ups::FollowUps;
use super::wording::{Revision, Submitted};
use super::{Ctx, WorkflowError};
use crate::db::{self, DbConn};
use crate::domain::access::{Standing, WORKSPACE_ACTIONS};
use crate::domain::conflicts::Conflict;
use crate::domain::consensus::{self, ChangeClass, Piece, Position, RoundFacts, Tally, Unmet};
use crate::domain::lifecycle::{self, Action, Actor, Refusal, State, Transition};
use crate::domain::submission::Category;
use crate::mail::messages::{RequestSummary, Update};
use crate::mail::{Message, Said};
use crate::models::comments::Comment;
use crate::models::committees::Committee;
use crate::models::events::Event;
use crate::models::follow_ups::{self, Listed};
use crate::models::groups::Group;
use crate::models::meetings::Meeting;
use crate::models::requests::{self, Change, Contact, Request};
use crate::models::rounds::{ListedVoter, ObjectionView, Round, VoteView};
use crate::models::standards::Standard;
use crate::models::tokens::{self, Purpose};
use crate::models::users::User;
use crate::models::{comments, committees, events, groups, meetings, rounds, standards, users};

/// A request as one signed-in person may see it.
pub struct Visible {
    pub request: Request,
    pub standing: Standing,
    /// Which of its records it has, and whether it reached its group.
    pub holds: requests::Holdings,
}

impl Visible {
    /// Whether the request was ever handed to its group.
    pub fn reached_group(&self) -> bool {
        self.holds.seen
    }
}

/// An appeal allowed against a closing in screening hands the request to
/// its group for the first time, as an acceptance does.
const HANDED_TO_GROUP: [Action; 2] = [Action::Accept, Action::AllowAppeal];

/// Loads a request by reference for `user`; a request they may not read is
/// "not found", so its existence is not disclosed.
pub fn visible(conn: &mut DbConn, user: &User, reference: &str) -> Result<Visible, WorkflowError> {
    let request = requests::find_by_reference(conn, reference)?.ok_or(WorkflowError::NotFound)?;
    let group_role = match &request.group_id {
        Some(group_id) => groups::role_of(conn, group_id, &user.id)?,
        None => None,
    };
    let standing = Standing {
        secretariat: user.is_secretariat,
        group_role,
    };
    let visible = Visible {
        holds: requests::holdings(conn, &request.id, &HANDED_TO_GROUP)?,
        request,
        standing,
    };
    if !visible
        .standing
        .can_read(visible.request.state, visible.reached_group())
    {
        return Err(WorkflowError::NotFound);
    }
    Ok(visible)
}

pub fn summary(conn: &mut DbConn, request: &Request) -> Result<RequestSummary, WorkflowError> {
    let standard = standards::find_by_id(conn, &request.standard_id)?;
    Ok(RequestSummary {
        reference: request.reference.clone(),
        standard: standard.label(),
        clause: request.clause.clone(),
        question: request.question.clone(),
        follows: super::follow_ups::follows(conn, &request.id)?,
    })
}

/// Who acts, on which request, having seen which version of it.
pub struct Acting<'a> {
    pub user: &'a User,
    pub reference: &'a str,
    pub version: i32,
}

/// What the check of an action found: the request as it was read, the role
/// this person acts in, and where the action leads. Only `permit` makes one,
/// and `transition` and `record` take one, so no step goes unchecked.
pub struct Permit {
    request: Request,
    action: Action,
    actor: Actor,
    transition: Transition,
}

impl Permit {
    /// The request as it was when the action was allowed.
    pub fn request(&self) -> &Request {
        &self.request
    }
}

/// The one check of an action, made inside its transaction before its own
/// inputs are read, so that someone who may not act is told so rather than
/// asked to correct a field.
pub fn permit(
    conn: &mut DbConn,
    acting: &Acting<'_>,
    action: Action,
) -> Result<Permit, WorkflowError> {
    let Visible {
        request, standing, ..
    } = visible(conn, acting.user, acting.reference)?;
    // A page out of date is told so first: what it offered may not apply.
    if request.version != acting.version {
        return Err(WorkflowError::Changed);
    }
    let (actor, transition) = standing.decide(request.state, action)?;
    Ok(Permit {
        request,
        action,
        actor,
        transition,
    })
}

/// Records the permitted action as an event; returns its id (which keys
/// the mail it causes).
pub fn record(
    conn: &mut DbConn,
    ctx: &Ctx,
    user: &User,
    permit: &Permit,
    note: Option<&str>,
) -> Result<String, WorkflowError> {
    Ok(events::record(
        conn,
        events::NewEvent {
            request_id: &permit.request.id,
            actor_user_id: Some(&user.id),
            actor_kind: permit.actor.kind(),
            action: permit.action,
            from_state: Some(permit.request.state),
            to_state: permit.transition.to,
            note,
        },
        ctx.now,
    )?)
}

/// Carries out a permitted transition: `change` adds the columns particular
/// to the action; the optimistic lock refuses it if someone changed the
/// request since the check. Returns the event id.
pub fn transition(
    conn: &mut DbConn,
    ctx: &Ctx,
    user: &User,
    permit: &Permit,
    change: Change<'_>,
    note: Option<&str>,
) -> Result<String, WorkflowError> {
    let Transition { to, closure } = permit.transition;
    let change = Change {
        state: Some(to),
        closure_reason: closure,
        closed_at: if closure.is_some() {
            Some(ctx.now)
        } else {
            change.closed_at
        },
        updated_at: Some(ctx.now),
        ..change
    };
    let request = &permit.request;
    if !requests::apply(conn, &request.id, request.version, &change)? {
        return Err(WorkflowError::Changed);
    }
    let event = record(conn, ctx, user, permit, note)?;
    super::follow_ups::settle(conn, ctx, &request.id, (request.state, to), Some(user))?;
    Ok(event)
}

/// The longest text an action takes.
const TEXT_MAX: usize = 10_000;

/// A text the action needs, trimmed; `field` is its input on the form,
/// `what` is the id of the message naming it.
pub fn required<'t>(
    text: &'t str,
    field: &'static str,
    what: &str,
) -> Result<&'t str, WorkflowError> {
    let text = text.trim();
    if text.is_empty() {
        Err(WorkflowError::Field {
            field,
            message: Msg::new("form-write").with("what", Msg::new(what.to_owned())),
        })
    } else if text.chars().count() > TEXT_MAX {
        Err(WorkflowError::Field {
            field,
            message: Msg::new("form-shorten").with("what", Msg::new(what.to_owned())),
        })
    } else {
        Ok(text)
    }
}

/// A destructive action goes ahead only once its form's `confirm` box is
/// ticked; `what` is the id of the message saying what would happen.
pub fn confirmed(confirm: bool, what: &str) -> Result<(), WorkflowError> {
    if confirm {
        Ok(())
    } else {
        Err(WorkflowError::Field {
            field: "confirm",
            message: Msg::new("form-tick-to-confirm").with("what", Msg::new(what.to_owned())),
        })
    }
}

/// What a mail about this request says; the recipient decides the link.
pub struct Telling<'a> {
    pub headline: Said,
    pub intro: Said,
    pub note: Option<&'a str>,
    /// The message id of the note's heading.
    pub note_label: &'static str,
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
        dear: Some(contact.name),
        intro: telling.intro,
        request: summary(conn, request)?,
        note: telling.note.map(str::to_owned),
        note_label: telling.note_label,
        link_label: "mail-follow-your-request",
        link_url: ctx.url(&format!("/track/{token}")),
    };
    ctx.send_to_submitter(conn, request, event, &contact.email, &message)
}

/// The address of the request's page in the workspace, for mail.
pub fn request_url(ctx: &Ctx, request: &Request) -> String {
    ctx.url(&format!(
        "/workspace/requests/{}",
        request.reference.as_deref().unwrap_or_default()
    ))
}

/// Mails one message about a request to each of `recipients`, once.
pub fn send_each(
    conn: &mut DbConn,
    ctx: &Ctx,
    request: &Request,
    event: &str,
    recipients: &[String],
    message: &impl Message,
) -> Result<(), WorkflowError> {
    let mut recipients = recipients.to_vec();
    recipients.sort();
    recipients.dedup();
    for recipient in recipients {
        ctx.send_about(conn, &request.id, event, &recipient, message)?;
    }
    Ok(())
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
        dear: None,
        intro: telling.intro,
        request: summary(conn, request)?,
        note: telling.note.map(str::to_owned),
        note_label: telling.note_label,
        link_label: "mail-open-the-request",
        link_url: request_url(ctx, request),
    };
    send_each(conn, ctx, request, event, recipients, &message)
}

pub fn secretariat_emails(conn: &mut DbConn) -> Result<Vec<String>, WorkflowError> {
    Ok(users::secretariat(conn)?
        .into_iter()
        .map(|u| u.email)
        .collect())
}

/// What a group lacks to take a request forward.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// Nobody to open and close its rounds: no convenor with an active
    /// account and a current membership.
    Convenor,
    /// Nobody to vote in its rounds: no expert (nor a liaison, where the
    /// group lets liaisons vote) with an active account and a current
    /// membership.
    Voter,
}

/// A group that cannot take a request now, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unanswerable {
    pub group_id: String,
    pub code: String,
    pub missing: Missing,
}

/// A request goes to a group to be answered (accepted, or reassigned
/// while with a group) only if someone there can take it forward: a
/// convenor to run its rounds, and at least one member who may vote in
/// them. Otherwise it would wait for nobody. A request reassigned while
/// the secretariat screens it waits for the secretariat, and accepting it
/// asks again.
pub(super) fn able_to_answer(
    conn: &mut DbConn,
    permit: &Permit,
    group: &Group,
    now: NaiveDateTime,
) -> Result<(), WorkflowError> {
    if !lifecycle::awaits_convenor(permit.transition.to) {
        return Ok(());
    }
    let missing = if !groups::convened_on(conn, now)?.contains(&group.id) {
        Missing::Convenor
    } else if groups::voters_on(conn, group, now)?.is_empty() {
        Missing::Voter
    } else {
        return Ok(());
    };
    Err(WorkflowError::GroupCannotAnswer(Unanswerable {
        group_id: group.id.clone(),
        code: group.code.clone(),
        missing,
    }))
}

/// Accept: admissible, to the group (`group_id` chooses it; empty keeps the
/// request's). Answers the group's code.
pub fn accept(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    group_id: &str,
) -> Result<String, WorkflowError> {
    db::write_transaction(conn, |conn| {
        let permit = permit(conn, acting, Action::Accept)?;
        let group_id = Some(group_id.trim())
            .filter(|g| !g.is_empty())
            .or(permit.request.group_id.as_deref())
            .map(str::to_owned);
        let Some(group_id) = group_id else {
            return Err(WorkflowError::Field {
                field: "group",
                message: Msg::new("form-group-missing"),
            });
        };
        let group = groups::find(conn, &group_id).map_err(|_| WorkflowError::Field {
            field: "group",
            message: Msg::new("form-group-from-list"),
        })?;
        able_to_answer(conn, &permit, &group, ctx.now)?;
        let change = Change {
            group_id: Some(&group.id),
            ..Change::default()
        };
        let event = transition(conn, ctx, acting.user, &permit, change, None)?;
        let members = groups::member_emails(conn, &group.id)?;
        tell_workspace(
            conn,
            ctx,
            &permit.request,
            &event,
            &members,
            Telling {
                headline: Said::new("mail-accepted-headline").with("group", group.code.clone()),
                intro: Said::new("mail-accepted-intro")
                    .with("group", group.code.clone())
                    .with("name", group.name.clone()),
                note: None,
                note_label: "",
            },
        )?;
        Ok(group.code)
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
        let permit = permit(conn, acting, Action::AskForInformation)?;
        let question = required(question, "question", "what-question-submitter")?;
        let event = transition(
            conn,
            ctx,
            acting.user,
            &permit,
            Change::default(),
            Some(question),
        )?;
        tell_submitter(
            conn,
            ctx,
            &permit.request,
            &event,
            Telling {
                headline: Said::new("mail-asked-headline"),
                intro: Said::new("mail-asked-intro")
                    .with("days", super::submitter::REPLY_WINDOW.num_days()),
                note: Some(question),
                note_label: "mail-note-secretariat-question",
            },
        )
    })
}

/// Not admissible, with one of the reasons of SPEC §2 and a note; it
/// closes the request, so only once confirmed.
pub fn not_admissible(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    reason: &str,
    note: &str,
    confirm: bool,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let permit = permit(conn, acting, Action::NotAdmissible)?;
        let note = required(note, "note", "what-note-submitter")?;
        let explanation = match reason {
            "specific_situation" => "mail-inadmissible-specific-situation",
            "new_requirement" => "mail-inadmissible-new-requirement",
            "unclear" => "mail-inadmissible-unclear",
            "other" => "mail-inadmissible-other",
            _ => {
                return Err(WorkflowError::Field {
                    field: "reason",
                    message: Msg::new("form-not-admissible-reason"),
                });
            }
        };
        confirmed(confirm, "confirm-not-admissible")?;
        let change = Change {
            not_admissible_reason: Some(reason),
            closure_note: Some(note),
            ..Change::default()
        };
        let event = transition(conn, ctx, acting.user, &permit, change, Some(note))?;
        tell_submitter(
            conn,
            ctx,
            &permit.request,
            &event,
            Telling {
                headline: Said::new("mail-inadmissible-headline"),
                intro: Said::new(explanation),
                note: Some(note),
                note_label: "mail-note-secretariat",
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
    db::write_transaction(conn, |conn| {
        let permit = permit(conn, acting, Action::Refer)?;
        let note = note.trim();
        let committee = committees::find_by_code(conn, committee_code)?.ok_or_else(|| {
            WorkflowError::Field {
                field: "committee",
                message: Msg::new("form-refer-committee"),
            }
        })?;
        let change = Change {
            referred_committee_id: Some(&committee.id),
            closure_note: Some(note),
            ..Change::default()
        };
        let event = transition(conn, ctx, acting.user, &permit, change, Some(note))?;
        let contact = format!(
            "{} — {}\n{}\n{}",
            committee.code, committee.name, committee.contact, committee.url
        );
        tell_submitter(
            conn,
            ctx,
            &permit.request,
            &event,
            Telling {
                headline: Said::new("mail-referred-headline")
                    .with("committee", committee.code.clone()),
                intro: Said::new(if note.is_empty() {
                    "mail-referred-intro"
                } else {
                    "mail-referred-intro-noted"
                })
                .with("committee", committee.code.clone())
                .with("note", note.to_owned()),
                note: Some(&contact),
                note_label: "mail-note-whom-to-contact",
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
    db::write_transaction(conn, |conn| {
        let permit = permit(conn, acting, Action::Duplicate)?;
        let published_reference = required(
            published_reference,
            "duplicate_of",
            "what-published-reference",
        )?;
        let original = requests::find_by_reference(conn, published_reference)?
            .filter(|r| r.state == State::Published)
            .ok_or_else(|| WorkflowError::Field {
                field: "duplicate_of",
                message: Msg::new("form-published-reference"),
            })?;
        let change = Change {
            duplicate_of_id: Some(&original.id),
            ..Change::default()
        };
        let link = ctx.url(&format!(
            "/clarifications/{}",
            original.reference.as_deref().unwrap_or_default()
        ));
        let event = transition(
            conn,
            ctx,
            acting.user,
            &permit,
            change,
            original.reference.as_deref(),
        )?;
        tell_submitter(
            conn,
            ctx,
            &permit.request,
            &event,
            Telling {
                headline: Said::new("mail-duplicate-headline"),
                intro: Said::new("mail-duplicate-intro"),
                note: Some(&link),
                note_label: "mail-note-published-clarification",
            },
        )
    })
}

/// Reassign to another group; the state stays. Answers the group's code.
pub fn reassign(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    group_id: &str,
) -> Result<String, WorkflowError> {
    db::write_transaction(conn, |conn| {
        let permit = permit(conn, acting, Action::Reassign)?;
        let group = groups::find(conn, group_id).map_err(|_| WorkflowError::Field {
            field: "reassign_to",
            message: Msg::new("form-group-from-list"),
        })?;
        reroute(conn, ctx, acting.user, &permit, &group, Change::default())
    })
}

/// Moves a request to `group` under a permit to reassign it, with what
/// else `change` sets (the new standard that moved it): the group must be
/// able to answer; the reassignment is recorded and the new group told,
/// with the request as it now reads. Answers the group's code.
pub(super) fn reroute(
    conn: &mut DbConn,
    ctx: &Ctx,
    user: &User,
    permit: &Permit,
    group: &Group,
    change: Change<'_>,
) -> Result<String, WorkflowError> {
    able_to_answer(conn, permit, group, ctx.now)?;
    let note = format!("to {}", group.code);
    let change = Change {
        group_id: Some(&group.id),
        ..change
    };
    let event = transition(conn, ctx, user, permit, change, Some(&note))?;
    let request = requests::find(conn, &permit.request.id)?;
    let members = groups::member_emails(conn, &group.id)?;
    tell_workspace(
        conn,
        ctx,
        &request,
        &event,
        &members,
        Telling {
            headline: Said::new("mail-reassigned-headline").with("group", group.code.clone()),
            intro: Said::new("mail-reassigned-intro")
                .with("group", group.code.clone())
                .with("name", group.name.clone()),
            note: None,
            note_label: "",
        },
    )?;
    Ok(group.code.clone())
}

/// The choices of the screening question ("what do you want to do?"), in
/// the order the page offers those this person may make.
pub const SCREENING: [Action; 6] = [
    Action::Accept,
    Action::AskForInformation,
    Action::NotAdmissible,
    Action::Refer,
    Action::Duplicate,
    Action::Reassign,
];

/// The screening question as sent: the choice (an action's name) and the
/// fields of every choice, each named apart since they share one form.
#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(default)]
pub struct ScreeningForm {
    pub version: i32,
    pub choice: String,
    /// The group to accept for.
    pub group: String,
    /// The question to the submitter.
    pub question: String,
    /// Why it is not admissible, the note to the submitter, and the box
    /// confirming the closure.
    pub reason: String,
    pub note: String,
    pub confirm: Option<String>,
    pub committee: String,
    pub referral_note: String,
    pub duplicate_of: String,
    pub reassign_to: String,
}

impl ScreeningForm {
    pub fn chose(&self, action: Action) -> bool {
        self.choice == action.as_str()
    }
}

/// What the screening did.
#[derive(Debug)]
pub enum Screened {
    Accepted { group: String },
    Asked,
    NotAdmissible,
    Referred,
    Duplicate,
    Reassigned { group: String },
}

/// The secretariat's answer to the screening question: the action chosen,
/// with its own fields.
pub fn screen(
    conn: &mut DbConn,
    ctx: &Ctx,
    user: &User,
    reference: &str,
    form: &ScreeningForm,
) -> Result<Screened, WorkflowError> {
    let acting = Acting {
        user,
        reference,
        version: form.version,
    };
    match Action::parse(&form.choice).filter(|a| SCREENING.contains(a)) {
        Some(Action::Accept) => {
            accept(conn, ctx, &acting, &form.group).map(|group| Screened::Accepted { group })
        }
        Some(Action::AskForInformation) => {
            ask(conn, ctx, &acting, &form.question).map(|()| Screened::Asked)
        }
        Some(Action::NotAdmissible) => not_admissible(
            conn,
            ctx,
            &acting,
            &form.reason,
            &form.note,
            form.confirm.is_some(),
        )
        .map(|()| Screened::NotAdmissible),
        Some(Action::Refer) => refer(conn, ctx, &acting, &form.committee, &form.referral_note)
            .map(|()| Screened::Referred),
        Some(Action::Duplicate) => {
            duplicate(conn, ctx, &acting, &form.duplicate_of).map(|()| Screened::Duplicate)
        }
        Some(Action::Reassign) => reassign(conn, ctx, &acting, &form.reassign_to)
            .map(|group| Screened::Reassigned { group }),
        _ => {
            // Someone who may not read the request learns nothing of it.
            visible(conn, user, reference)?;
            Err(WorkflowError::Field {
                field: "choice",
                message: Msg::new("form-screen-choice"),
            })
        }
    }
}

/// An internal comment (Markdown); no state change, no mail. Not an action
/// of the lifecycle: the group comments whenever it may read the request.
pub fn comment(
    conn: &mut DbConn,
    ctx: &Ctx,
    user: &User,
    reference: &str,
    body: &str,
) -> Result<(), WorkflowError> {
    let visible = visible(conn, user, reference)?;
    if !visible
        .standing
        .can_comment(visible.request.state, visible.reached_group())
    {
        return Err(Refusal::WrongActor.into());
    }
    let body = required(body, "body", "what-comment")?;
    comments::add(conn, &visible.request.id, &user.id, body, ctx.now)?;
    Ok(())
}

/// Everything the request page shows one person.
pub struct RequestView {
    pub request: Request,
    pub standard: Standard,
    pub group: Option<Group>,
    /// None once erased, or kept from the group (`submitter_hidden`).
    pub contact: Option<Contact>,
    pub submitter_hidden: bool,
    /// The member body or liaison that sponsors it: "AFNOR (FR)".
    pub sponsor: Option<String>,
    /// The submitter's country (its ISO 3166 code, which pages name in
    /// their language) and category, in words.
    pub country: String,
    pub category: String,
    /// The id of the category's name, for pages to say it in their
    /// language (none for a category no longer known).
    pub category_key: Option<&'static str>,
    /// Each event with the name of whoever acted, oldest first.
    pub timeline: Vec<Entry>,
    /// The submitter's own wording, once the public wording was edited.
    pub submitted_wording: Option<Submitted>,
    pub comments: Vec<Comment>,
    /// What this person may do now, in the order the page offers it.
    pub actions: Vec<Action>,
    /// May this person add internal comments?
    pub commenter: bool,
    /// May this person edit the public wording now (on its own page)?
    pub wording_editor: bool,
    /// Whether its French version translates English that changed since
    /// (told to those who may enter it).
    pub french_outdated: bool,
    /// The latest round, open or closed, and what is known of it.
    pub round: Option<RoundView>,
    /// The choices of the forms.
    pub groups: Vec<Group>,
    pub committees: Vec<Committee>,
    /// For marking a publication: the other editions of the registry that
    /// may have superseded or taken it in, the standard's own first.
    pub editions: Vec<Standard>,
    /// The deadline the round form proposes.
    pub default_deadline: NaiveDateTime,
    /// For the convenor's record of a meeting: the group's voting members
    /// today (id, name), whom the form offers as attendees, and today.
    pub meeting_voters: Vec<(String, String)>,
    pub today: chrono::NaiveDate,
    /// While it is screened: other open or published requests on the same
    /// standard and clause, newest first, a few.
    pub similar: Vec<requests::Similar>,
    /// What it follows, with the original in view, and what follows it.
    pub follow_ups: FollowUps,
    /// Appeals against its decision, oldest first, and whether this person
    /// may lodge one now.
    pub appeals: Vec<crate::models::appeals::Appeal>,
    pub may_lodge_appeal: bool,
    /// The latest liaison consultation of its decision, if it had one.
    pub consultation: Option<super::consultations::ConsultationView>,
    /// Until when the page reads the same if nothing stored changes.
    pub holds_until: NaiveDateTime,
}

/// A round as its page and its decision record show it; written out in the
/// case file without what is worked out from it (the closing rules' facts,
/// the difference, this viewer's vote).
#[derive(serde::Serialize)]
pub struct RoundView {
    pub round: Round,
    /// Everyone on the voter list, by name.
    pub voters: Vec<ListedVoter>,
    pub votes: Vec<VoteView>,
    #[serde(skip)]
    pub my_vote: Option<VoteView>,
    /// This person's place on the voter list, if they have one.
    #[serde(skip)]
    pub me: Option<ListedVoter>,
    pub tally: Tally,
    /// Participation and oppositions, as the closing rules see them.
    #[serde(skip)]
    pub facts: RoundFacts,
    /// While it is open, the closing rules it does not meet yet.
    #[serde(skip)]
    pub unmet: Vec<Unmet>,
    /// Closed on a changed text: how it differs from the voted one.
    #[serde(skip)]
    pub difference: Vec<Piece>,
    /// The round it replaced after a substantive change, if any.
    #[serde(skip)]
    pub follows: Option<Round>,
    pub objections: Vec<ObjectionView>,
    /// Who closed it.
    pub closed_by: Option<String>,
    /// Conflicts of interest: who allowed each conflicted vote, and the
    /// interests voters declared on their memberships, by voter.
    pub conflicts: super::conflicts::RoundConflicts,
    /// The meeting it was decided at, for a round of kind meeting.
    pub meeting: Option<Meeting>,
}

impl RoundView {
    pub fn is_open(&self) -> bool {
        self.round.closed_at.is_none()
    }

    pub fn vote_of(&self, user_id: &str) -> Option<&VoteView> {
        self.votes.iter().find(|v| v.user_id == user_id)
    }

    pub fn voter(&self, user_id: &str) -> Option<&ListedVoter> {
        self.voters.iter().find(|v| v.user_id == user_id)
    }

    /// The convenors on the voter list.
    pub fn convenors(&self) -> Vec<&ListedVoter> {
        self.voters.iter().filter(|v| v.is_convenor).collect()
    }

    /// The voters who declared a conflict, and the flagged ones, by name.
    pub fn conflicted(&self) -> Vec<&ListedVoter> {
        self.voters
            .iter()
            .filter(|v| v.conflict != Conflict::None)
            .collect()
    }

    /// The oppositions, for the convenor to answer.
    pub fn oppositions(&self) -> Vec<&VoteView> {
        self.votes
            .iter()
            .filter(|v| v.position.is_opposition())
            .collect()
    }

    /// Those on the voter list who attended the meeting, with their
    /// positions.
    pub fn attendees(&self) -> Vec<(&ListedVoter, Option<&VoteView>)> {
        self.voters
            .iter()
            .filter(|v| v.attended == Some(true))
            .map(|v| (v, self.vote_of(&v.user_id)))
            .collect()
    }

    /// The quorum its voter list needs.
    pub fn needed(&self) -> usize {
        self.facts.quorum.needed(self.facts.eligible)
    }
}

impl RequestView {
    pub fn can(&self, action: Action) -> bool {
        self.actions.contains(&action)
    }

    pub fn round_is_open(&self) -> bool {
        self.round.as_ref().is_some_and(RoundView::is_open)
    }

    /// The choices of the screening question this person may make now.
    pub fn screening(&self) -> Vec<Action> {
        SCREENING.into_iter().filter(|a| self.can(*a)).collect()
    }
}

/// The request's latest round as `user` sees it at `now`, if it has one.
fn round_view(
    conn: &mut DbConn,
    request: &Request,
    group: Option<&Group>,
    user: &User,
    now: NaiveDateTime,
) -> Result<Option<RoundView>, WorkflowError> {
    let all = rounds::for_request(conn, &request.id)?;
    match (all.first(), group) {
        (Some(round), Some(group)) => Ok(Some(view_of(conn, round, &all, group, user, now)?)),
        _ => Ok(None),
    }
}

/// One of the request's rounds (`all`, newest first) with its voter list,
/// votes, tally and objections.
fn view_of(
    conn: &mut DbConn,
    round: &Round,
    all: &[Round],
    group: &Group,
    user: &User,
    now: NaiveDateTime,
) -> Result<RoundView, WorkflowError> {
    let round = round.clone();
    let voters = rounds::voter_list(conn, &round.id)?;
    let votes = rounds::votes(conn, &round.id)?;
    let facts = super::rounds::facts_of(&round, group.quorum(), &voters, &votes);
    let unmet = match (round.closed_at, consensus::may_close(&facts, now)) {
        (None, Err(unmet)) => unmet,
        _ => Vec::new(),
    };
    let difference = match (&round.change_class, &round.final_answer) {
        (Some(ChangeClass::Editorial | ChangeClass::Substantive), Some(final_answer)) => {
            consensus::word_difference(&round.draft_answer, final_answer)
        }
        _ => Vec::new(),
    };
    let follows = round
        .follows_round_id
        .as_ref()
        .and_then(|id| all.iter().find(|earlier| earlier.id == *id))
        .cloned();
    let conflicts = super::conflicts::of_round(conn, group, &voters)?;
    let closed_by = match &round.closed_by {
        Some(id) => Some(users::find(conn, id)?.name),
        None => None,
    };
    Ok(RoundView {
        meeting: meetings::of_round(conn, &round.id)?,
        tally: super::rounds::tally_of(&voters, &votes),
        my_vote: votes.iter().find(|v| v.user_id == user.id).cloned(),
        me: voters.iter().find(|v| v.user_id == user.id).cloned(),
        objections: rounds::objections(conn, &round.id)?,
        round,
        voters,
        votes,
        facts,
        unmet,
        difference,
        follows,
        closed_by,
        conflicts,
    })
}

/// How many similar requests the screening shows.
const SIMILAR_SHOWN: i64 = 5;

/// How late a workspace page may show what only the clock changes on it
/// (an item waiting an hour longer, a deadline passing) when the page
/// does not name that moment itself. A change anyone makes is seen at
/// once whatever this says: it raises the workspace version every kept
/// page is checked against.
const CLOCK_SLACK: TimeDelta = TimeDelta::minutes(1);

/// Until when a workspace page rendered at `now` reads the same, nothing
/// stored having changed: the first of `moments` still ahead (when
/// something on it turns with the clock, such as a vote closing), the
/// next midnight (its dates and overdue marks), and [`CLOCK_SLACK`].
pub fn holds_until(
    now: NaiveDateTime,
    moments: impl IntoIterator<Item = NaiveDateTime>,
) -> NaiveDateTime {
    let midnight = now
        .date()
        .succ_opt()
        .map_or(now, |day| day.and_time(chrono::NaiveTime::MIN));
    moments
        .into_iter()
        .chain([midnight, now + CLOCK_SLACK])
        .filter(|moment| *moment >= now)
        .min()
        .unwrap_or(now)
}

/// Who asked, for this reader: the secretariat always sees it; the group
/// unless the installation shows it only the sponsor
/// (`CLARION_GROUP_SEES_SUBMITTER`). True when it is kept from them.
fn submitter_for(
    conn: &mut DbConn,
    standing: &Standing,
    request: &Request,
    group_sees_submitter: bool,
) -> Result<(Option<Contact>, bool), WorkflowError> {
    if !standing.secretariat && !group_sees_submitter {
        return Ok((None, true));
    }
    Ok((requests::contact(conn, &request.id)?, false))
}

/// The request page of `reference` for `user`, at `now`.
pub fn request_page(
    conn: &mut DbConn,
    user: &User,
    reference: &str,
    now: NaiveDateTime,
    group_sees_submitter: bool,
) -> Result<RequestView, WorkflowError> {
    let visible = visible(conn, user, reference)?;
    let commenter = visible
        .standing
        .can_comment(visible.request.state, visible.reached_group());
    let Visible {
        request,
        standing,
        holds,
    } = visible;
    let group = group_of_request(conn, &request)?;
    let round = if holds.rounds {
        round_view(conn, &request, group.as_ref(), user, now)?
    } else {
        None
    };
    // The lifecycle knows roles; a round's lists say who of the group votes
    // in it, and who may object to its decision.
    let listed = match &round {
        Some(view) => rounds::may_object(conn, &view.round.id, &user.id)?,
        None => false,
    };
    let objection_open = round
        .as_ref()
        .and_then(|view| view.round.objections_until)
        .is_some_and(|until| now <= until);
    let actions: Vec<Action> = WORKSPACE_ACTIONS
        .into_iter()
        .filter(|a| standing.decide(request.state, *a).is_ok())
        .filter(|a| match a {
            Action::Vote => listed,
            Action::Object => listed && objection_open,
            _ => true,
        })
        .collect();
    let meeting_voters = match &group {
        Some(group) if actions.contains(&Action::RecordMeetingDecision) => {
            groups::voters_on(conn, group, now)?
                .into_iter()
                .map(|voter| (voter.user_id, voter.name))
                .collect()
        }
        _ => Vec::new(),
    };
    let timeline = timeline(conn, &request.id)?;
    let standard = standards::find_by_id(conn, &request.standard_id)?;
    let editions = if actions.contains(&Action::MarkPublication) {
        let mut editions: Vec<Standard> = standards::all_with_groups(conn)?
            .into_iter()
            .map(|(edition, _group)| edition)
            .filter(|edition| edition.id != standard.id)
            .collect();
        editions.sort_by_key(|edition| edition.designation != standard.designation);
        editions
    } else {
        Vec::new()
    };
    // Only the screening's choices list the groups and committees.
    let screening = actions.iter().any(|action| SCREENING.contains(action));
    let similar = if actions.contains(&Action::Accept) {
        requests::similar(conn, &request, SIMILAR_SHOWN)?
    } else {
        Vec::new()
    };
    let (contact, submitter_hidden) =
        submitter_for(conn, &standing, &request, group_sees_submitter)?;
    let french_outdated = actions.contains(&Action::Translate)
        && crate::models::translations::french_is_outdated(conn, &request.id)?;
    let consultation = if holds.consultations {
        super::consultations::view(conn, &request, now)?
    } else {
        None
    };
    // The moments its open round, its objection period and its liaisons'
    // period end: the page offers other things from then on.
    let ends = round
        .iter()
        .flat_map(|view| [Some(view.round.deadline_at), view.round.objections_until])
        .chain(consultation.iter().map(|c| Some(c.consultation.ends_at)))
        .flatten();
    Ok(RequestView {
        holds_until: holds_until(now, ends),
        follow_ups: FollowUps {
            follows: if holds.follows {
                super::follow_ups::original_in_view(conn, &request)?
            } else {
                None
            },
            followed_by: timeline.followed_by,
        },
        appeals: if holds.appeals {
            crate::models::appeals::for_request(conn, &request.id)?
        } else {
            Vec::new()
        },
        may_lodge_appeal: super::appeals::may_lodge(standing, &request),
        consultation,
        similar,
        standard,
        editions,
        group,
        contact,
        submitter_hidden,
        sponsor: if holds.sponsor {
            super::endorsements::sponsor_line(conn, &request.id)?
        } else {
            None
        },
        country: request.submitter_country.clone(),
        category: category_of(&request),
        category_key: Category::parse(&request.submitter_category).map(Category::key),
        timeline: timeline.entries,
        submitted_wording: timeline.submitted,
        comments: if holds.comments {
            comments::for_request(conn, &request.id)?
        } else {
            Vec::new()
        },
        actions,
        commenter,
        wording_editor: standing.decide(request.state, Action::EditWording).is_ok(),
        french_outdated,
        round,
        groups: if screening {
            groups::all(conn)?
        } else {
            Vec::new()
        },
        committees: if screening {
            committees::all(conn)?
        } else {
            Vec::new()
        },
        default_deadline: now + super::rounds::DEFAULT_ROUND,
        meeting_voters,
        today: now.date(),
        request,
    })
}

/// The request's group, if it has one.
pub(super) fn group_of_request(
    conn: &mut DbConn,
    request: &Request,
) -> Result<Option<Group>, WorkflowError> {
    Ok(request
        .group_id
        .as_deref()
        .map(|id| groups::find(conn, id))
        .transpose()?)
}

/// The submitter's category in words (as stored when it is no longer known).
fn category_of(request: &Request) -> String {
    Category::parse(&request.submitter_category)
        .map_or(request.submitter_category.clone(), |c| c.label().to_owned())
}

/// The complete record of one request, for an appeal panel or an audit:
/// what the request page shows, with every round (oldest first) rather
/// than the latest.
#[derive(serde::Serialize)]
pub struct CaseFile {
    pub request: Request,
    pub standard: Standard,
    pub group: Option<Group>,
    /// None once erased, or kept from the group (`submitter_hidden`).
    pub contact: Option<Contact>,
    pub submitter_hidden: bool,
    /// The member body or liaison that sponsors it: "AFNOR (FR)".
    pub sponsor: Option<String>,
    /// The submitter's country (its ISO 3166 code, which pages name in
    /// their language) and category, in words.
    pub country: String,
    pub category: String,
    /// The id of the category's name, for pages to say it in their
    /// language (none for a category no longer known).
    pub category_key: Option<&'static str>,
    pub timeline: Vec<Entry>,
    /// The submitter's own wording, once the public wording was edited.
    pub submitted_wording: Option<Submitted>,
    pub comments: Vec<Comment>,
    pub rounds: Vec<RoundView>,
    /// Reconsiderations and new information, both ways.
    pub follow_ups: FollowUps,
    /// The published versions, oldest first, once it was corrected.
    pub versions: Vec<crate::models::versions::Named>,
    /// The appeals against its decisions, each with its steps.
    pub appeals: Vec<super::appeals::AppealRecord>,
    /// The liaisons' reviews of its decisions, the first first.
    pub consultations: Vec<super::consultations::ConsultationRecord>,
    /// When this record was put together.
    pub compiled_at: NaiveDateTime,
}

/// An event of the timeline with the name of whoever acted.
#[derive(serde::Serialize)]
pub struct Entry {
    #[serde(flatten)]
    pub event: Event,
    pub by: Option<String>,
    /// An edit of the public wording: what it replaced and what it put.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wording: Option<Revision>,
    /// A follow-up lodged or ended: which, and where it stands.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<Listed>,
}

impl Entry {
    /// The position of a vote, which the event records by its name, to
    /// be shown in words.
    pub fn vote(&self) -> Option<Position> {
        match (self.event.action, &self.event.note) {
            (Action::Vote, Some(note)) => Position::parse(note),
            _ => None,
        }
    }
}

/// A request's history as its pages show it.
pub(super) struct Timeline {
    /// Its events, oldest first, each with who acted, the edit of the
    /// wording it made and the follow-up it names.
    pub entries: Vec<Entry>,
    /// The submitter's wording, if it was edited.
    pub submitted: Option<Submitted>,
    /// The follow-ups lodged against it, oldest first.
    pub followed_by: Vec<Listed>,
}

pub(super) fn timeline(conn: &mut DbConn, request_id: &str) -> Result<Timeline, WorkflowError> {
    let events = events::timeline(conn, request_id)?;
    // Most requests are never edited nor followed up: what those events
    // name is read only when the timeline holds one (a follow-up lodged
    // always records one on its original).
    let holds = |actions: &[Action]| events.iter().any(|(e, _)| actions.contains(&e.action));
    let mut revisions = if holds(&[Action::EditWording]) {
        super::wording::revisions(conn, request_id)?
    } else {
        Vec::new()
    };
    let submitted = super::wording::submitted(&revisions);
    let followed_by = if holds(&[Action::FollowUpLodged, Action::FollowUpSettled]) {
        follow_ups::of_original(conn, request_id)?
    } else {
        Vec::new()
    };
    let entries = events
        .into_iter()
        .map(|(event, by)| {
            let wording = revisions
                .iter()
                .position(|(id, _)| *id == event.id)
                .map(|at| revisions.swap_remove(at).1);
            let follow_up = match event.action {
                Action::FollowUpLodged | Action::FollowUpSettled => followed_by
                    .iter()
                    .find(|listed| event.note.as_deref() == Some(listed.reference.as_str()))
                    .cloned(),
                _ => None,
            };
            Entry {
                event,
                by,
                wording,
                follow_up,
            }
        })
        .collect();
    Ok(Timeline {
        entries,
        submitted,
        followed_by,
    })
}

/// The case file of `reference`, for whoever may read its request page.
pub fn case_file(
    conn: &mut DbConn,
    user: &User,
    reference: &str,
    now: NaiveDateTime,
    group_sees_submitter: bool,
) -> Result<CaseFile, WorkflowError> {
    let Visible {
        request, standing, ..
    } = visible(conn, user, reference)?;
    let (contact, submitter_hidden) =
        submitter_for(conn, &standing, &request, group_sees_submitter)?;
    let group = group_of_request(conn, &request)?;
    let all = rounds::for_request(conn, &request.id)?;
    let mut round_views = Vec::with_capacity(all.len());
    if let Some(group) = &group {
        for round in all.iter().rev() {
            round_views.push(view_of(conn, round, &all, group, user, now)?);
        }
    }
    let timeline = timeline(conn, &request.id)?;
    Ok(CaseFile {
        standard: standards::find_by_id(conn, &request.standard_id)?,
        group,
        contact,
        submitter_hidden,
        sponsor: super::endorsements::sponsor_line(conn, &request.id)?,
        country: request.submitter_country.clone(),
        category: category_of(&request),
        category_key: Category::parse(&request.submitter_category).map(Category::key),
        timeline: timeline.entries,
        submitted_wording: timeline.submitted,
        comments: comments::for_request(conn, &request.id)?,
        rounds: round_views,
        follow_ups: FollowUps {
            follows: super::follow_ups::original_in_view(conn, &request)?,
            followed_by: timeline.followed_by,
        },
        versions: crate::models::versions::for_request(conn, &request.id)?,
        appeals: super::appeals::records(conn, &request.id)?,
        consultations: super::consultations::records(conn, &request.id)?,
        compiled_at: now,
        request,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(hour: u32, minute: u32, second: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 3, 9)
            .unwrap()
            .and_hms_opt(hour, minute, second)
            .unwrap()
    }

    #[test]
    fn a_page_holds_until_the_first_moment_it_turns() {
        let now = at(10, 0, 0);
        assert_eq!(holds_until(now, []), at(10, 1, 0), "the clock's slack");
        assert_eq!(
            holds_until(now, [at(10, 0, 20), at(10, 0, 40)]),
            at(10, 0, 20),
            "a deadline before it"
        );
        assert_eq!(
            holds_until(now, [at(9, 0, 0)]),
            at(10, 1, 0),
            "a deadline past"
        );
        assert_eq!(
            holds_until(at(23, 59, 30), []),
            at(0, 0, 0) + TimeDelta::days(1),
            "midnight"
        );
    }
}
