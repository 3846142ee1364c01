//! Intake through member bodies and liaisons (issue 22): a request from the
//! public names its sponsor, which is mailed a private link once the
//! request is confirmed, and endorses it (on to screening), answers it
//! locally or declines it; unanswered, it is reminded once and the request
//! lapses. Each link is single-use, expires, and is stored as a hash only.

use diesel::OptionalExtension;

use super::workspace::{Telling, summary, tell_submitter};
use super::{Ctx, WorkflowError};
use crate::db::{self, DbConn};
use crate::domain::intake::{Answer, Decision, Intake};
use crate::domain::lifecycle::{self, Action, Actor};
use crate::domain::paging::{PER_PAGE, Paging};
use crate::domain::submission::Submission;
use crate::mail::Said;
use crate::mail::messages::Update;
use crate::models::endorsements::{self, Endorsement};
use crate::models::organisations::{self, Organisation};
use crate::models::requests::{self, Change, Contact, Request};
use crate::models::{events, standards, tokens, users};

/// The form named no sponsor that takes requests, and the installation
/// asks for one.
#[derive(Debug)]
pub struct SponsorNeeded;

/// The sponsors a request from the public may name, when the installation
/// asks for one: the organisations with an address for requests, the
/// member body of `country` first.
fn sponsors(
    conn: &mut DbConn,
    ctx: &Ctx,
    country: &str,
) -> Result<Option<Vec<Organisation>>, WorkflowError> {
    if !ctx.intake.mode.public_needs_endorsement() {
        return Ok(None);
    }
    let mut all: Vec<Organisation> = organisations::all(conn)?
        .into_iter()
        .filter(|o| o.contact_email.is_some())
        .collect();
    // A stable sort keeps the registry's order after the country's body.
    all.sort_by_key(|o| o.country.as_deref() != Some(country));
    Ok(Some(all))
}

/// The sponsor a request names, and the account that endorsed it as it
/// was sent (none when the sponsor is yet to be asked).
#[derive(Debug, Clone)]
pub struct Sponsorship {
    pub sponsor_id: String,
    pub endorsed_by: Option<String>,
}

/// The member body or liaison the account `user_id` speaks for, if it is
/// an active sponsor's account.
pub fn organisation_of(
    conn: &mut DbConn,
    user_id: &str,
) -> Result<Option<Organisation>, WorkflowError> {
    let user = users::find(conn, user_id).optional()?;
    match user
        .filter(|u| u.active)
        .and_then(|u| u.sponsor_organisation_id)
    {
        Some(id) => Ok(Some(organisations::find(conn, &id)?)),
        None => Ok(None),
    }
}

/// The sponsor a submission names: the organisation of the sponsor's
/// account that sent it, endorsed already, whatever the mode; else, when
/// the installation asks for one, an organisation with an address for
/// requests, to be asked.
pub fn sponsor_for(
    conn: &mut DbConn,
    ctx: &Ctx,
    submission: &Submission,
) -> Result<Result<Option<Sponsorship>, SponsorNeeded>, WorkflowError> {
    if let Some(account) = submission.account.as_deref()
        && let Some(own) = organisation_of(conn, account)?
    {
        return Ok(Ok(Some(Sponsorship {
            sponsor_id: own.id,
            endorsed_by: Some(account.to_owned()),
        })));
    }
    if !ctx.intake.mode.public_needs_endorsement() {
        return Ok(Ok(None));
    }
    let Some(id) = submission.sponsor.as_deref() else {
        return Ok(Err(SponsorNeeded));
    };
    Ok(match organisations::find(conn, id).optional()? {
        Some(sponsor) if sponsor.contact_email.is_some() => Ok(Some(Sponsorship {
            sponsor_id: sponsor.id,
            endorsed_by: None,
        })),
        _ => Err(SponsorNeeded),
    })
}

/// Whether a form's sponsor (an organisation's id as typed) would be
/// refused, so a form refused for other reasons says so too; a sponsor's
/// account (`account`) names its own.
pub fn sponsor_refused(
    conn: &mut DbConn,
    ctx: &Ctx,
    sponsor: &str,
    account: Option<&str>,
) -> Result<bool, WorkflowError> {
    if !ctx.intake.mode.public_needs_endorsement() {
        return Ok(false);
    }
    if let Some(account) = account
        && organisation_of(conn, account)?.is_some()
    {
        return Ok(false);
    }
    let found = organisations::find(conn, sponsor.trim()).optional()?;
    Ok(found.is_none_or(|o| o.contact_email.is_none()))
}

/// What the request form asks of its sender about the sponsor.
pub enum SponsorChoice {
    /// Nothing: the installation asks for no sponsor.
    NotAsked,
    /// To choose among these, the member body of their country first.
    Among(Vec<Organisation>),
    /// Nothing: a sponsor's account sends requests its organisation
    /// endorses.
    Own(Organisation),
}

/// What the form asks `account` (the signed-in sender, if any) from
/// `country` about the sponsor.
pub fn sponsor_choice(
    conn: &mut DbConn,
    ctx: &Ctx,
    country: &str,
    account: Option<&str>,
) -> Result<SponsorChoice, WorkflowError> {
    if let Some(account) = account
        && let Some(own) = organisation_of(conn, account)?
    {
        return Ok(SponsorChoice::Own(own));
    }
    Ok(match sponsors(conn, ctx, country)? {
        Some(list) => SponsorChoice::Among(list),
        None => SponsorChoice::NotAsked,
    })
}

/// Mails the request's sponsor the link to its endorsement page: asked
/// the first time, reminded after. Any earlier link stops working.
fn mail_sponsor(
    conn: &mut DbConn,
    ctx: &Ctx,
    request: &Request,
    event: &str,
    reminder: bool,
) -> Result<(), WorkflowError> {
    let sponsor = endorsements::sponsor_of(conn, &request.id)?.ok_or(WorkflowError::NotFound)?;
    let token = tokens::generate();
    endorsements::send_link(conn, &request.id, &tokens::hash(&token), ctx.now, reminder)?;
    let Some(address) = sponsor.contact_email.clone() else {
        // The address was removed since the request named it: the request
        // still lapses in time, and the secretariat sees it waiting.
        return Ok(());
    };
    let days = ctx.intake.expiry_days;
    let message = Update {
        ctx: ctx.mail.clone(),
        headline: Said::new(if reminder {
            "mail-endorse-reminder-headline"
        } else {
            "mail-endorse-headline"
        }),
        dear: None,
        intro: Said::new(if reminder {
            "mail-endorse-reminder-intro"
        } else {
            "mail-endorse-intro"
        })
        .with("sponsor", sponsor.acronym.clone())
        .with("ago", ctx.intake.reminder_days)
        .with("days", days),
        request: summary(conn, request)?,
        note: None,
        note_label: "",
        link_label: "mail-endorse-link",
        link_url: ctx.url(&format!("/endorse/{token}")),
    };
    ctx.send_about(conn, &request.id, event, &address, &message)
}

/// Asks the sponsor of a request just confirmed for its endorsement.
pub(super) fn ask_sponsor(
    conn: &mut DbConn,
    ctx: &Ctx,
    request: &Request,
    event: &str,
) -> Result<(), WorkflowError> {
    mail_sponsor(conn, ctx, request, event, false)
}

/// A request as its sponsor's endorsement page shows it.
pub struct Addressed {
    pub request: Request,
    pub standard: String,
    pub sponsor: Organisation,
    /// Who asked; none once their personal data is erased.
    pub submitter: Option<Contact>,
    /// Until when the link works.
    pub until: chrono::NaiveDateTime,
}

/// The request awaiting this sponsor's decision behind `token`, or
/// `NotFound` for a link used, expired, made up, or whose request moved on
/// (withdrawn).
fn awaited(
    conn: &mut DbConn,
    intake: &Intake,
    token: &str,
    now: chrono::NaiveDateTime,
) -> Result<(Endorsement, Request), WorkflowError> {
    if !tokens::is_well_formed(token) {
        return Err(WorkflowError::NotFound);
    }
    let endorsement = endorsements::awaited_by_link(conn, &tokens::hash(token))?
        .ok_or(WorkflowError::NotFound)?;
    let asked = endorsement.requested_at.ok_or(WorkflowError::NotFound)?;
    if intake.link_expires(asked) <= now {
        return Err(WorkflowError::NotFound);
    }
    let request = requests::find(conn, &endorsement.request_id)?;
    if lifecycle::decide(request.state, Action::Endorse, Actor::Sponsor).is_err() {
        return Err(WorkflowError::NotFound);
    }
    Ok((endorsement, request))
}

/// Looks an endorsement link up without changing anything (GET).
pub fn by_link(conn: &mut DbConn, ctx: &Ctx, token: &str) -> Result<Addressed, WorkflowError> {
    let (endorsement, request) = awaited(conn, &ctx.intake, token, ctx.now)?;
    addressed(conn, ctx, endorsement, request)
}

/// The request `reference` and its endorsement, when it names the
/// organisation of the sponsor's account `user_id` as its sponsor, decided
/// or not; `NotFound` for anyone else's.
fn addressed_to_own(
    conn: &mut DbConn,
    user_id: &str,
    reference: &str,
) -> Result<(Endorsement, Request), WorkflowError> {
    let own = organisation_of(conn, user_id)?.ok_or(WorkflowError::NotFound)?;
    let request = requests::find_by_reference(conn, reference)?.ok_or(WorkflowError::NotFound)?;
    let endorsement = endorsements::of(conn, &request.id)?
        .filter(|e| e.sponsor_id == own.id)
        .ok_or(WorkflowError::NotFound)?;
    Ok((endorsement, request))
}

/// Whether the request still awaits its sponsor's decision: `NotFound`
/// for one decided, or one that moved on.
fn still_awaited(endorsement: &Endorsement, request: &Request) -> Result<(), WorkflowError> {
    if endorsement.decision.is_some()
        || lifecycle::decide(request.state, Action::Endorse, Actor::Sponsor).is_err()
    {
        return Err(WorkflowError::NotFound);
    }
    Ok(())
}

/// Looks up, for one of its sponsor's accounts, a request awaiting its
/// organisation's decision (GET).
pub fn by_account(
    conn: &mut DbConn,
    ctx: &Ctx,
    user_id: &str,
    reference: &str,
) -> Result<Addressed, WorkflowError> {
    let (endorsement, request) = addressed_to_own(conn, user_id, reference)?;
    still_awaited(&endorsement, &request)?;
    addressed(conn, ctx, endorsement, request)
}

fn addressed(
    conn: &mut DbConn,
    ctx: &Ctx,
    endorsement: Endorsement,
    request: Request,
) -> Result<Addressed, WorkflowError> {
    let sponsor = organisations::find(conn, &endorsement.sponsor_id)?;
    let standard = standards::find_by_id(conn, &request.standard_id)?.label();
    let submitter = requests::contact(conn, &request.id)?;
    let until = ctx
        .intake
        .link_expires(endorsement.requested_at.unwrap_or(ctx.now));
    Ok(Addressed {
        request,
        standard,
        sponsor,
        submitter,
        until,
    })
}

/// What the sponsor decided, for the page that follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Endorsed,
    AnsweredLocally,
    Declined,
}

/// The sponsor's answer through its link, which then stops working.
pub fn answer_by_link(
    conn: &mut DbConn,
    ctx: &Ctx,
    token: &str,
    answer: &Answer,
) -> Result<(Outcome, Option<String>), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let (endorsement, request) = awaited(conn, &ctx.intake, token, ctx.now)?;
        let outcome = decide(conn, ctx, &request, &endorsement, answer, None)?;
        Ok((outcome, request.reference))
    })
}

/// The answer of a sponsor's account (`user_id`) to a request awaiting
/// its organisation's decision; any earlier link stops working.
pub fn answer_by_account(
    conn: &mut DbConn,
    ctx: &Ctx,
    user_id: &str,
    reference: &str,
    answer: &Answer,
) -> Result<(Outcome, Option<String>), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let (endorsement, request) = addressed_to_own(conn, user_id, reference)?;
        if let Some(decided) = &endorsement.decision {
            return answered_alike(decided, answer).map(|outcome| (outcome, request.reference));
        }
        still_awaited(&endorsement, &request)?;
        let outcome = decide(conn, ctx, &request, &endorsement, answer, Some(user_id))?;
        Ok((outcome, request.reference))
    })
}

/// The same answer sent again by one of the organisation's accounts (a
/// double click, or the form sent again from the browser's history): the
/// first stands and this one changes nothing. Another answer than the
/// one recorded (`decided`) is told the request changed.
fn answered_alike(decided: &str, answer: &Answer) -> Result<Outcome, WorkflowError> {
    let (_, decision, _, outcome) = recorded(answer);
    if decided != decision.as_str() {
        return Err(WorkflowError::Changed);
    }
    Ok(outcome)
}

/// A sponsor's answer to a request addressed to it, given in the
/// application rather than by link (replayed by the demo).
pub fn answer_request(
    conn: &mut DbConn,
    ctx: &Ctx,
    request_id: &str,
    answer: &Answer,
    by_user: Option<&str>,
) -> Result<Outcome, WorkflowError> {
    db::write_transaction(conn, |conn| {
        let endorsement = endorsements::of(conn, request_id)?
            .filter(|e| e.decision.is_none())
            .ok_or(WorkflowError::NotFound)?;
        let request = requests::find(conn, request_id)?;
        decide(conn, ctx, &request, &endorsement, answer, by_user)
    })
}

/// What an answer records: its action, the decision with its note, and
/// the outcome the sponsor is shown.
fn recorded(answer: &Answer) -> (Action, Decision, Option<&str>, Outcome) {
    match answer {
        Answer::Endorse => (Action::Endorse, Decision::Endorsed, None, Outcome::Endorsed),
        Answer::AnswerLocally(text) => (
            Action::AnswerLocally,
            Decision::AnsweredLocally,
            Some(text.as_str()),
            Outcome::AnsweredLocally,
        ),
        Answer::Decline(reason) => (
            Action::DeclineEndorsement,
            Decision::Declined,
            Some(reason.as_str()),
            Outcome::Declined,
        ),
    }
}

/// Applies the sponsor's answer to a request addressed to it: the state,
/// the event, the decision on the endorsement, and the mail.
fn decide(
    conn: &mut DbConn,
    ctx: &Ctx,
    request: &Request,
    endorsement: &Endorsement,
    answer: &Answer,
    by_user: Option<&str>,
) -> Result<Outcome, WorkflowError> {
    let (action, decision, note, outcome) = recorded(answer);
    let transition = lifecycle::decide(request.state, action, Actor::Sponsor)?;
    let ends = transition.closure.is_some();
    let change = Change {
        state: Some(transition.to),
        closure_reason: transition.closure,
        closed_at: ends.then_some(ctx.now),
        updated_at: Some(ctx.now),
        ..Change::default()
    };
    if !requests::apply(conn, &request.id, request.version, &change)?
        || !endorsements::decide(conn, &request.id, decision, by_user, note, ctx.now)?
    {
        return Err(WorkflowError::Changed);
    }
    let event = events::record(
        conn,
        events::NewEvent {
            request_id: &request.id,
            actor_user_id: by_user,
            actor_kind: Actor::Sponsor.kind(),
            action,
            from_state: Some(request.state),
            to_state: transition.to,
            note,
        },
        ctx.now,
    )?;
    let sponsor = organisations::find(conn, &endorsement.sponsor_id)?;
    let request = requests::find(conn, &request.id)?;
    let submitter_email = requests::contact(conn, &request.id)?
        .map(|c| c.email)
        .unwrap_or_default();
    match answer {
        Answer::Endorse => {
            tell_submitter(
                conn,
                ctx,
                &request,
                &event,
                Telling {
                    headline: Said::new("mail-endorsed-headline")
                        .with("sponsor", sponsor.acronym.clone()),
                    intro: Said::new("mail-endorsed-intro")
                        .with("sponsor", sponsor.acronym.clone()),
                    note: None,
                    note_label: "",
                },
            )?;
            super::submitter::tell_secretariat(conn, ctx, &request, &event, &submitter_email)?;
        }
        Answer::AnswerLocally(text) => {
            tell_submitter(
                conn,
                ctx,
                &request,
                &event,
                Telling {
                    headline: Said::new("mail-answered-locally-headline")
                        .with("sponsor", sponsor.acronym.clone()),
                    intro: Said::new("mail-answered-locally-intro")
                        .with("sponsor", sponsor.acronym.clone()),
                    note: Some(text),
                    note_label: "mail-note-their-answer",
                },
            )?;
            let copy = Update {
                ctx: ctx.mail.clone(),
                headline: Said::new("mail-answered-locally-copy-headline")
                    .with("sponsor", sponsor.acronym.clone()),
                dear: None,
                intro: Said::new("mail-answered-locally-copy-intro")
                    .with("sponsor", sponsor.acronym.clone()),
                request: summary(conn, &request)?,
                note: Some(text.clone()),
                note_label: "mail-note-their-answer",
                link_label: "mail-request-in-workspace",
                link_url: super::workspace::request_url(ctx, &request),
            };
            for secretariat in users::secretariat(conn)? {
                ctx.send_about(conn, &request.id, &event, &secretariat.email, &copy)?;
            }
        }
        Answer::Decline(reason) => {
            tell_submitter(
                conn,
                ctx,
                &request,
                &event,
                Telling {
                    headline: Said::new("mail-declined-headline")
                        .with("sponsor", sponsor.acronym.clone()),
                    intro: Said::new("mail-declined-intro")
                        .with("sponsor", sponsor.acronym.clone()),
                    note: Some(reason),
                    note_label: "mail-note-their-reason",
                },
            )?;
        }
    }
    Ok(outcome)
}

/// Reminds once the sponsors asked `reminder_days` ago that have not
/// answered; returns how many.
pub fn send_reminders(conn: &mut DbConn, ctx: &Ctx) -> Result<usize, WorkflowError> {
    let due = endorsements::awaited_since(conn, ctx.intake.remind_if_asked_before(ctx.now), true)?;
    let mut reminded = 0;
    for endorsement in due {
        let done = db::write_transaction(conn, |conn| {
            if !endorsements::claim_reminder(conn, &endorsement.request_id, ctx.now)? {
                return Ok::<bool, WorkflowError>(false);
            }
            let request = requests::find(conn, &endorsement.request_id)?;
            let Ok(transition) =
                lifecycle::decide(request.state, Action::RemindSponsor, Actor::System)
            else {
                return Ok::<bool, WorkflowError>(false);
            };
            let event = events::record(
                conn,
                events::NewEvent::by_system(&request, Action::RemindSponsor, transition.to),
                ctx.now,
            )?;
            mail_sponsor(conn, ctx, &request, &event, true)?;
            Ok(true)
        })?;
        reminded += usize::from(done);
    }
    Ok(reminded)
}

/// Closes the requests whose sponsor did not answer within
/// `expiry_days`, telling their submitters; returns how many.
pub fn expire(conn: &mut DbConn, ctx: &Ctx) -> Result<usize, WorkflowError> {
    let due = endorsements::awaited_since(conn, ctx.intake.expire_if_asked_before(ctx.now), false)?;
    let mut expired = 0;
    for endorsement in due {
        let done = db::write_transaction(conn, |conn| {
            let request = requests::find(conn, &endorsement.request_id)?;
            let transition =
                lifecycle::decide(request.state, Action::ExpireEndorsement, Actor::System)?;
            let change = Change {
                state: Some(transition.to),
                closure_reason: transition.closure,
                closed_at: Some(ctx.now),
                updated_at: Some(ctx.now),
                ..Change::default()
            };
            // The sponsor answered meanwhile: leave it.
            if !requests::apply(conn, &request.id, request.version, &change)?
                || !endorsements::decide(conn, &request.id, Decision::Expired, None, None, ctx.now)?
            {
                return Ok::<bool, WorkflowError>(false);
            }
            let event = events::record(
                conn,
                events::NewEvent::by_system(&request, Action::ExpireEndorsement, transition.to),
                ctx.now,
            )?;
            let sponsor = organisations::find(conn, &endorsement.sponsor_id)?;
            tell_submitter(
                conn,
                ctx,
                &request,
                &event,
                Telling {
                    headline: Said::new("mail-endorsement-expired-headline"),
                    intro: Said::new("mail-endorsement-expired-intro")
                        .with("sponsor", sponsor.acronym.clone())
                        .with("days", ctx.intake.expiry_days),
                    note: None,
                    note_label: "",
                },
            )?;
            Ok(true)
        })?;
        expired += usize::from(done);
    }
    Ok(expired)
}

/// "AFNOR (FR)", or the liaison's acronym alone: how pages name a
/// request's sponsor.
fn sponsor_label(sponsor: Organisation) -> String {
    match &sponsor.country {
        Some(country) => format!("{} ({country})", sponsor.acronym),
        None => sponsor.acronym,
    }
}

/// The request's sponsor, as pages name it.
pub fn sponsor_line(conn: &mut DbConn, request_id: &str) -> Result<Option<String>, WorkflowError> {
    Ok(endorsements::sponsor_of(conn, request_id)?.map(sponsor_label))
}

/// The sponsors of the requests with these references, as pages name
/// them, by reference: for the workspace's lists.
pub fn sponsor_lines(
    conn: &mut DbConn,
    references: &[&str],
) -> Result<std::collections::HashMap<String, String>, WorkflowError> {
    Ok(endorsements::sponsors_by_reference(conn, references)?
        .into_iter()
        .map(|(reference, sponsor)| (reference, sponsor_label(sponsor)))
        .collect())
}

/// A request of a sponsor's organisation, as its page lists it.
#[derive(Clone)]
pub struct Sponsored {
    pub reference: String,
    pub standard: String,
    pub clause: String,
    pub question: String,
    pub state: lifecycle::State,
    pub confirmed_at: Option<chrono::NaiveDateTime>,
    /// Until when the organisation may answer, while it is awaited.
    pub awaited_until: Option<chrono::NaiveDateTime>,
}

/// What a sponsor's account sees: its organisation, the requests awaiting
/// its decision, and one page of all of its requests with their states.
pub struct Desk {
    pub organisation: Organisation,
    pub awaiting: Vec<Sponsored>,
    pub requests: Vec<Sponsored>,
    /// Where `requests` stands in the list of all of them.
    pub paging: Paging,
}

/// Page `page` of the desk of the sponsor's account `user_id`, whose
/// first page is at `address`; `NotFound` for any other account.
pub fn desk(
    conn: &mut DbConn,
    ctx: &Ctx,
    user_id: &str,
    page: i64,
    address: &str,
) -> Result<Desk, WorkflowError> {
    let organisation = organisation_of(conn, user_id)?.ok_or(WorkflowError::NotFound)?;
    let paging = Paging::new(
        page,
        endorsements::count_of_sponsor(conn, &organisation.id)?,
        address.to_owned(),
    );
    let mut labels = std::collections::HashMap::new();
    let mut row = |conn: &mut DbConn, (endorsement, request): (Endorsement, Request)| {
        if !labels.contains_key(&request.standard_id) {
            let label = standards::find_by_id(conn, &request.standard_id)?.label();
            labels.insert(request.standard_id.clone(), label);
        }
        let awaited = endorsement.decision.is_none()
            && lifecycle::decide(request.state, Action::Endorse, Actor::Sponsor).is_ok();
        Ok::<_, WorkflowError>(Sponsored {
            standard: labels[&request.standard_id].clone(),
            reference: request.reference.unwrap_or_default(),
            clause: request.clause,
            question: request.question,
            state: request.state,
            confirmed_at: request.confirmed_at,
            awaited_until: awaited.then(|| {
                ctx.intake
                    .link_expires(endorsement.requested_at.unwrap_or(ctx.now))
            }),
        })
    };
    let mut awaiting = Vec::new();
    for found in endorsements::undecided_of_sponsor(conn, &organisation.id)? {
        let sponsored = row(conn, found)?;
        if sponsored.awaited_until.is_some() {
            awaiting.push(sponsored);
        }
    }
    let mut requests = Vec::new();
    for found in endorsements::of_sponsor(conn, &organisation.id, paging.offset(), PER_PAGE)? {
        requests.push(row(conn, found)?);
    }
    Ok(Desk {
        organisation,
        awaiting,
        requests,
        paging,
    })
}
