//! Appeals (issue 21, item 6). The secretariat lodges an appeal a member
//! body, a liaison or the submitter sent against a request's decision,
//! with the deadlines the configured time limits give, and records each of
//! its steps: acknowledged, referred to the body that considers appeals,
//! to conciliation when that body chooses it, and decided. Each step is an
//! event of the request with mail to the appellant and the group. An
//! allowed appeal takes a closed request back to its group through the
//! lifecycle, or marks a published clarification withdrawn or superseded
//! through the publication's own mark.

use chrono::NaiveDate;

use super::rounds::{MarkedTo, mark_publication};
use super::workspace::{
    self, Acting, Permit, Visible, able_to_answer, group_of_request, permit, record, summary,
    transition,
};
use super::{Ctx, WorkflowError};
use crate::db::{self, DbConn};
use crate::domain::appeal::{self, Appealed, AppellantKind, Move, Outcome, Step};
use crate::domain::email::EmailAddress;
use crate::domain::lifecycle::Action;
use crate::domain::person::{NameProblem, PersonName};
use crate::mail::messages::AppealNews;
use crate::models::appeals::{self, Appeal};
use crate::models::organisations::{self, Organisation};
use crate::models::requests::{self, Change, Request};
use crate::models::users::User;
use crate::models::{events, groups};

/// The form lodging an appeal, as sent.
#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(default)]
pub struct LodgeForm {
    pub version: i32,
    /// `member_body`, `liaison` or `submitter`.
    pub appellant_kind: String,
    /// The organisation's id, for a member body or a liaison.
    pub organisation: String,
    /// The person writing for the appellant, or the submitter.
    pub name: String,
    pub email: String,
    pub grounds: String,
    /// `YYYY-MM-DD`.
    pub received_on: String,
    /// The public pages say the decision is under appeal.
    pub public_notice: Option<String>,
}

/// What the page lodging an appeal shows.
pub struct LodgeView {
    pub request: Request,
    pub appealed: Appealed,
    /// Member bodies and liaisons, to choose the appellant from.
    pub organisations: Vec<Organisation>,
    /// The submitter's name and address, to fill in for them.
    pub submitter: Option<(String, String)>,
    pub limits: appeal::Limits,
    pub today: NaiveDate,
}

/// The decision of the permitted request that an appeal is against, or why
/// it has none to appeal.
fn appealed(permit: &Permit) -> Result<Appealed, WorkflowError> {
    let request = permit.request();
    Appealed::of(request.state, request.closure_reason).ok_or_else(|| {
        WorkflowError::Invalid(
            "This request ended without a decision of the committee (it was withdrawn, or nobody replied): there is no decision to appeal.".into(),
        )
    })
}

/// The page lodging an appeal against `reference`'s decision, for whoever
/// may lodge one now.
pub fn lodge_page(
    conn: &mut DbConn,
    ctx: &Ctx,
    user: &User,
    reference: &str,
) -> Result<LodgeView, WorkflowError> {
    let Visible { request, .. } = workspace::visible(conn, user, reference)?;
    let acting = Acting {
        user,
        reference,
        version: request.version,
    };
    let permit = permit(conn, &acting, Action::LodgeAppeal)?;
    let appealed = appealed(&permit)?;
    let submitter = requests::contact(conn, &request.id)?.map(|c| (c.name, c.email));
    Ok(LodgeView {
        request,
        appealed,
        organisations: organisations::all(conn)?,
        submitter,
        limits: ctx.appeals.clone(),
        today: ctx.now.date(),
    })
}

/// The appellant as the form names them: the organisation (for a member
/// body or a liaison), the name and the address to write to.
struct Appellant {
    kind: AppellantKind,
    organisation: Option<Organisation>,
    name: String,
    email: String,
}

fn appellant(conn: &mut DbConn, form: &LodgeForm) -> Result<Appellant, WorkflowError> {
    let field = |field, message: &str| WorkflowError::Field {
        field,
        message: message.into(),
    };
    let kind = AppellantKind::parse(form.appellant_kind.trim()).ok_or_else(|| {
        field(
            "appellant_kind",
            "Choose who appeals: a member body, a liaison or the submitter.",
        )
    })?;
    let organisation = if kind.is_organisation() {
        let chosen = organisations::find(conn, form.organisation.trim())
            .ok()
            .filter(|o| o.is_member_body() == (kind == AppellantKind::MemberBody));
        Some(chosen.ok_or_else(|| {
            field(
                "organisation",
                if kind == AppellantKind::MemberBody {
                    "Choose the member body that appeals."
                } else {
                    "Choose the liaison organisation that appeals."
                },
            )
        })?)
    } else {
        None
    };
    let name = PersonName::parse(&form.name).map_err(|problem| {
        field(
            "name",
            match problem {
                NameProblem::Missing => "Write the name of the person who sent the appeal.",
                NameProblem::TooLong => "Shorten the name to at most 200 characters.",
                NameProblem::HiddenFormatting => {
                    "Remove the invisible formatting characters from the name."
                }
            },
        )
    })?;
    let email = EmailAddress::parse(&form.email).map_err(|message| field("email", message))?;
    let name = match &organisation {
        Some(organisation) => format!("{} ({})", organisation.acronym, name.as_str()),
        None => name.into_string(),
    };
    Ok(Appellant {
        kind,
        organisation,
        name,
        email: email.as_str().to_owned(),
    })
}

/// The date the appeal arrived: a real date, not in the future.
fn received_on(typed: &str, today: NaiveDate) -> Result<NaiveDate, WorkflowError> {
    let date =
        NaiveDate::parse_from_str(typed.trim(), "%Y-%m-%d").map_err(|_| WorkflowError::Field {
            field: "received_on",
            message: "Give the date the appeal was received, such as 2026-03-02.".into(),
        })?;
    if date > today {
        return Err(WorkflowError::Field {
            field: "received_on",
            message: "The appeal cannot have been received after today.".into(),
        });
    }
    Ok(date)
}

/// Lodges an appeal against the decision on `acting`'s request; answers
/// its number. Nothing is stored when any field is wrong.
pub fn lodge(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    form: &LodgeForm,
) -> Result<i32, WorkflowError> {
    db::write_transaction(conn, |conn| {
        let permit = permit(conn, acting, Action::LodgeAppeal)?;
        let appealed = appealed(&permit)?;
        let appellant = appellant(conn, form)?;
        let grounds = workspace::required(&form.grounds, "grounds", "the grounds of the appeal")?;
        let received = received_on(&form.received_on, ctx.now.date())?;
        let (acknowledge_by, decide_by) = ctx.appeals.deadlines(received);
        let request = permit.request();
        let appeal = Appeal {
            id: db::new_id(),
            request_id: request.id.clone(),
            number: appeals::next_number(conn, &request.id)?,
            appellant_kind: appellant.kind,
            organisation_id: appellant.organisation.map(|o| o.id),
            appellant_name: appellant.name,
            appellant_email: appellant.email,
            grounds: grounds.to_owned(),
            decision_appealed: appealed,
            received_on: received,
            acknowledge_by,
            decide_by,
            step: Step::Lodged,
            outcome: None,
            public_notice: form.public_notice.is_some(),
            lodged_at: ctx.now,
            decided_at: None,
            appellant_erased_at: None,
        };
        appeals::insert(conn, &appeal)?;
        // No note: the appellant's name would outlive its erasure in the
        // append-only timeline; the appeal's own record names them.
        let event = record(conn, ctx, acting.user, &permit, None)?;
        appeals::add_step(conn, &event, &appeal.id)?;
        tell(
            conn,
            ctx,
            request,
            &appeal,
            (&event, Action::LodgeAppeal),
            Some(grounds),
        )?;
        Ok(appeal.number)
    })
}

/// The form of an appeal's next step.
#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(default)]
pub struct StepForm {
    pub version: i32,
    /// The move, as `Move::as_str` names it.
    pub step: String,
    pub note: String,
    /// Superseded: the clarification or the edition that replaces it.
    pub successor: String,
    pub standard: String,
    pub clause: String,
}

/// Takes the next step of appeal `number` of `acting`'s request; a step
/// out of order, or an outcome that does not fit the decision appealed,
/// is refused and changes nothing.
pub fn take_step(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    number: i32,
    form: &StepForm,
) -> Result<Move, WorkflowError> {
    db::write_transaction(conn, |conn| {
        // Who may act is asked first, whatever they chose.
        let chosen = Move::parse(form.step.trim());
        let permit = permit(
            conn,
            acting,
            chosen.map_or(Action::AcknowledgeAppeal, Move::action),
        )?;
        let request = permit.request().clone();
        let appeal = appeals::find(conn, &request.id, number)?.ok_or(WorkflowError::NotFound)?;
        let mv = chosen.ok_or_else(|| WorkflowError::Field {
            field: "step",
            message: "Choose the appeal's next step.".into(),
        })?;
        let to = appeal::take(appeal.step, mv, appeal.decision_appealed)
            .map_err(|refusal| WorkflowError::Invalid(refusal.to_string().into()))?;
        let note = match mv {
            Move::Decide(_) => Some(workspace::required(
                &form.note,
                "note",
                "the reasons of the decision on the appeal",
            )?),
            _ => Some(form.note.trim()).filter(|n| !n.is_empty()),
        };
        let outcome = match mv {
            Move::Decide(outcome) => Some(outcome),
            _ => None,
        };
        let decided_at = outcome.map(|_| ctx.now);
        if !appeals::advance(conn, &appeal.id, appeal.step, to, outcome, decided_at)? {
            return Err(WorkflowError::Changed);
        }
        let event = match outcome {
            Some(Outcome::BackToGroup) => back_to_group(conn, ctx, acting.user, &permit, note)?,
            _ => record(conn, ctx, acting.user, &permit, note)?,
        };
        appeals::add_step(conn, &event, &appeal.id)?;
        let flag = match outcome {
            Some(Outcome::Withdrawn) => Some("withdrawn"),
            Some(Outcome::Superseded) => Some("superseded"),
            _ => None,
        };
        if let Some(flag) = flag {
            let to = MarkedTo {
                successor: &form.successor,
                standard: &form.standard,
                clause: &form.clause,
            };
            let reason = note.unwrap_or_default();
            mark_publication(conn, ctx, acting, flag, to, reason)?;
        }
        let appeal = Appeal {
            step: to,
            outcome,
            decided_at,
            ..appeal
        };
        tell(conn, ctx, &request, &appeal, (&event, mv.action()), note)?;
        Ok(mv)
    })
}

/// An allowed appeal takes the closed request back to its group, which
/// must be able to take it forward.
fn back_to_group(
    conn: &mut DbConn,
    ctx: &Ctx,
    user: &User,
    permit: &Permit,
    note: Option<&str>,
) -> Result<String, WorkflowError> {
    let group = group_of_request(conn, permit.request())?.ok_or_else(|| {
        WorkflowError::Invalid(
            "This request has no maintenance group to go back to; the appeal cannot be allowed this way.".into(),
        )
    })?;
    able_to_answer(conn, permit, &group, ctx.now).map_err(|e| match e {
        WorkflowError::GroupCannotAnswer(unable) => WorkflowError::Invalid(format!(
            "{} has no convenor, or no member who may vote, to take the request again: add one on the group's page first.",
            unable.code
        ).into()),
        e => e,
    })?;
    let event = transition(conn, ctx, user, permit, Change::default(), note)?;
    requests::reopen(conn, &permit.request().id)?;
    Ok(event)
}

/// Shows or hides the public notice of appeal `number`.
pub fn set_public_notice(
    conn: &mut DbConn,
    user: &User,
    reference: &str,
    number: i32,
    public: bool,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let Visible {
            request, standing, ..
        } = workspace::visible(conn, user, reference)?;
        let appeal = appeals::find(conn, &request.id, number)?.ok_or(WorkflowError::NotFound)?;
        if !standing.secretariat {
            return Err(crate::domain::lifecycle::Refusal::WrongActor.into());
        }
        appeals::set_public_notice(conn, &appeal.id, public)?;
        Ok(())
    })
}

/// Mails the appellant and the request's group (convenor and members)
/// about a step of `appeal`, recorded as `event` by `action`.
fn tell(
    conn: &mut DbConn,
    ctx: &Ctx,
    request: &Request,
    appeal: &Appeal,
    (event, action): (&str, Action),
    note: Option<&str>,
) -> Result<(), WorkflowError> {
    let request_summary = summary(conn, request)?;
    let news = |to_group: bool, link_url: Option<String>| AppealNews {
        ctx: ctx.mail.clone(),
        request: request_summary.clone(),
        number: appeal.number,
        step: action.as_str(),
        outcome: appeal.outcome.map(Outcome::as_str),
        appellant: appeal.appellant_name.clone(),
        body: ctx.appeals.body.clone(),
        due_by: appeal.due_by(),
        note: note.map(str::to_owned),
        to_group,
        link_url,
    };
    let reference = request.reference.as_deref().unwrap_or_default();
    let public = appeal
        .decision_appealed
        .is_publication()
        .then(|| ctx.url(&format!("/clarifications/{reference}")));
    ctx.send_about(
        conn,
        &request.id,
        event,
        &appeal.appellant_email,
        &news(false, public),
    )?;
    if let Some(group) = group_of_request(conn, request)? {
        let members: Vec<String> = groups::member_emails(conn, &group.id)?
            .into_iter()
            .filter(|address| *address != appeal.appellant_email)
            .collect();
        let link = workspace::request_url(ctx, request);
        workspace::send_each(conn, ctx, request, event, &members, &news(true, Some(link)))?;
    }
    Ok(())
}

/// One appeal as its page and the case file show it.
#[derive(serde::Serialize)]
pub struct AppealRecord {
    #[serde(flatten)]
    pub appeal: Appeal,
    /// Its steps, oldest first, each with who recorded it.
    pub steps: Vec<workspace::Entry>,
}

/// A request's appeals with their steps, oldest first.
pub fn records(conn: &mut DbConn, request_id: &str) -> Result<Vec<AppealRecord>, WorkflowError> {
    let mut records = Vec::new();
    let mut timeline = events::timeline(conn, request_id)?;
    for appeal in appeals::for_request(conn, request_id)? {
        let ids = appeals::step_ids(conn, &appeal.id)?;
        let (steps, rest) = timeline
            .into_iter()
            .partition(|(event, _)| ids.contains(&event.id));
        timeline = rest;
        records.push(AppealRecord {
            appeal,
            steps: steps
                .into_iter()
                .map(|(event, by)| workspace::Entry {
                    event,
                    by,
                    wording: None,
                    follow_up: None,
                })
                .collect(),
        });
    }
    Ok(records)
}

/// What an appeal's page shows one person.
pub struct AppealView {
    pub request: Request,
    pub record: AppealRecord,
    /// The steps this person may take next, in the order offered.
    pub next: Vec<Move>,
    /// May this person show or hide the public notice?
    pub secretariat: bool,
    /// Who considers appeals.
    pub body: String,
    /// For a clarification superseded on appeal: the editions it may
    /// name.
    pub editions: Vec<crate::models::standards::Standard>,
    pub today: NaiveDate,
}

/// Appeal `number` of `reference`, for whoever may read the request.
pub fn appeal_page(
    conn: &mut DbConn,
    ctx: &Ctx,
    user: &User,
    reference: &str,
    number: i32,
) -> Result<AppealView, WorkflowError> {
    let Visible {
        request, standing, ..
    } = workspace::visible(conn, user, reference)?;
    let record = records(conn, &request.id)?
        .into_iter()
        .find(|r| r.appeal.number == number)
        .ok_or(WorkflowError::NotFound)?;
    let appeal = &record.appeal;
    let next: Vec<Move> = appeal
        .step
        .next(appeal.decision_appealed)
        .into_iter()
        .filter(|mv| standing.decide(request.state, mv.action()).is_ok())
        .collect();
    let editions = if next.contains(&Move::Decide(Outcome::Superseded)) {
        crate::models::standards::all_with_groups(conn)?
            .into_iter()
            .map(|(edition, _group)| edition)
            .filter(|edition| edition.id != request.standard_id)
            .collect()
    } else {
        Vec::new()
    };
    Ok(AppealView {
        next,
        secretariat: standing.secretariat,
        body: ctx.appeals.body.clone(),
        editions,
        today: ctx.now.date(),
        record,
        request,
    })
}

/// Whether this person may lodge an appeal against the request's decision
/// now (the request page offers it then).
pub fn may_lodge(standing: crate::domain::access::Standing, request: &Request) -> bool {
    standing.decide(request.state, Action::LodgeAppeal).is_ok()
        && Appealed::of(request.state, request.closure_reason).is_some()
}

/// What the public pages say of a request's appeal, when the secretariat
/// made it public: under appeal since the day it was received, or how it
/// was decided.
pub fn public_notice(conn: &mut DbConn, reference: &str) -> Result<Option<Appeal>, WorkflowError> {
    Ok(appeals::public_notice(conn, reference)?)
}
