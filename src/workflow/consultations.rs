//! Liaison consultation (issue 23, item 1): the liaisons the secretariat
//! configured review each decided answer through a private link before it
//! is published. The request stays `decided`; that the answer is with the
//! liaisons is worked out from its latest consultation (`domain::consultation`).

use crate::i18n::Msg;
use std::collections::HashMap;

use chrono::{NaiveDateTime, TimeDelta};
use diesel::OptionalExtension;

use super::registry::{Outcome, Secretariat};
use super::workspace::{Acting, permit, request_url, secretariat_emails, send_each, summary};
use super::{Ctx, WorkflowError};
use crate::db::{self, DbConn};
use crate::domain::consultation::{self, Closed, Hold, Refusal, Reply, TEXT_MAX};
use crate::domain::email::EmailAddress;
use crate::domain::fields::FieldErrors;
use crate::domain::lifecycle::{Action, State};
use crate::domain::nomination::OrganisationKind;
use crate::mail::messages::{ConsultationRequested, LiaisonCommented};
use crate::models::consultations::{
    self as stored, Consultation, LiaisonAnswer, NewAnswer, NewConsultation, NewContact,
};
use crate::models::organisations::{self, Organisation};
use crate::models::requests::{self, Request};
use crate::models::standards::{self, Standard};
use crate::models::{groups, tokens, users};

/// The liaisons consulted, each with its addresses, and the liaison
/// organisations of the registry one may add.
pub struct Configuration {
    pub consulted: Vec<(Organisation, Vec<(String, String)>)>,
    pub liaisons: Vec<Organisation>,
}

/// The admin page's lists.
pub fn configuration(
    conn: &mut DbConn,
    _admin: &Secretariat,
) -> Result<Configuration, WorkflowError> {
    let mut consulted: Vec<(Organisation, Vec<(String, String)>)> = Vec::new();
    for (contact, organisation) in stored::contacts(conn)? {
        let address = (contact.id, contact.email);
        match consulted.last_mut() {
            Some((last, addresses)) if last.id == organisation.id => addresses.push(address),
            _ => consulted.push((organisation, vec![address])),
        }
    }
    let liaisons = organisations::all(conn)?
        .into_iter()
        .filter(|o| o.kind == OrganisationKind::Liaison)
        .collect();
    Ok(Configuration {
        consulted,
        liaisons,
    })
}

/// What the form to add an address sent.
#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(default)]
pub struct ContactInput {
    pub organisation: String,
    pub email: String,
}

/// Adds an address at which a liaison is consulted; the liaison is
/// consulted from the next decision on.
pub fn add_contact(
    conn: &mut DbConn,
    _admin: &Secretariat,
    input: &ContactInput,
    now: NaiveDateTime,
) -> Result<Outcome, WorkflowError> {
    db::write_transaction(conn, |conn| {
        let mut errors = FieldErrors::default();
        let organisation = organisations::all(conn)?
            .into_iter()
            .find(|o| o.id == input.organisation && o.kind == OrganisationKind::Liaison);
        if organisation.is_none() {
            errors.add("organisation", Msg::new("form-liaison-from-registry"));
        }
        let email = EmailAddress::parse(&input.email);
        if email.is_err() {
            errors.add("email", Msg::new("form-liaison-email"));
        }
        let (Some(organisation), Ok(email)) = (organisation, email) else {
            return Ok(Outcome::Refused(errors));
        };
        if stored::has_contact(conn, &organisation.id, email.as_str())? {
            errors.add(
                "email",
                Msg::new("form-liaison-address-taken")
                    .with("organisation", organisation.acronym.as_str()),
            );
            return Ok(Outcome::Refused(errors));
        }
        stored::add_contact(
            conn,
            &NewContact {
                id: &db::new_id(),
                organisation_id: &organisation.id,
                email: email.as_str(),
                created_at: now,
            },
        )?;
        Ok(Outcome::Done(()))
    })
}

/// Removes one address; a liaison without addresses is no longer consulted.
pub fn remove_contact(
    conn: &mut DbConn,
    _admin: &Secretariat,
    id: &str,
) -> Result<(), WorkflowError> {
    if stored::remove_contact(conn, id)? {
        Ok(())
    } else {
        Err(WorkflowError::NotFound)
    }
}

/// Opens a consultation of the decision `request` just reached, if any
/// liaison is configured: each liaison gets its own private link, mailed
/// to each of its addresses. Called in the decision's transaction.
pub fn open(
    conn: &mut DbConn,
    ctx: &Ctx,
    request: &Request,
    event: &str,
) -> Result<(), WorkflowError> {
    let consulted = stored::consulted(conn)?;
    if consulted.is_empty() {
        return Ok(());
    }
    let consultation = db::new_id();
    let until = ctx.now + TimeDelta::days(i64::from(ctx.consultation_days));
    stored::open(
        conn,
        &NewConsultation {
            id: &consultation,
            request_id: &request.id,
            opened_at: ctx.now,
            ends_at: until,
        },
    )?;
    let request_summary = summary(conn, request)?;
    for (organisation, addresses) in consulted {
        let token = tokens::generate();
        stored::add_answer(
            conn,
            &NewAnswer {
                id: &db::new_id(),
                consultation_id: &consultation,
                organisation_id: &organisation.id,
                token_hash: &tokens::hash(&token),
            },
        )?;
        let message = ConsultationRequested {
            ctx: ctx.mail.clone(),
            request: request_summary.clone(),
            liaison: organisation.label(),
            until,
            review_url: ctx.url(&format!("/consultation/{token}")),
            reminder: false,
        };
        let key = format!("{event}:{}", organisation.id);
        for address in addresses {
            ctx.send(conn, &key, &address, &message)?;
        }
    }
    Ok(())
}

/// Reminds, once and with a new link (the first stops working), each
/// liaison that has not answered when a quarter of its period is left;
/// returns how many liaisons were reminded.
pub fn send_reminders(conn: &mut DbConn, ctx: &Ctx) -> Result<usize, WorkflowError> {
    let due: Vec<_> = stored::unreminded(conn, ctx.now)?
        .into_iter()
        .filter(|part| consultation::remind_at(part.opened_at, part.ends_at) <= ctx.now)
        .collect();
    let mut reminded = 0;
    for part in due {
        let done = db::write_transaction(conn, |conn| {
            let token = tokens::generate();
            if !stored::remind(conn, &part.answer_id, &tokens::hash(&token), ctx.now)? {
                return Ok::<bool, WorkflowError>(false);
            }
            let request = requests::find(conn, &part.request_id)?;
            let message = ConsultationRequested {
                ctx: ctx.mail.clone(),
                request: summary(conn, &request)?,
                liaison: part.organisation.label(),
                until: part.ends_at,
                review_url: ctx.url(&format!("/consultation/{token}")),
                reminder: true,
            };
            let key = format!("consultation-reminder:{}", part.answer_id);
            for address in stored::addresses_of(conn, &part.organisation.id)? {
                ctx.send(conn, &key, &address, &message)?;
            }
            Ok(true)
        })?;
        reminded += usize::from(done);
    }
    Ok(reminded)
}

/// Opens, as of its decision, the consultation of a decided request that
/// has none, as if the liaisons configured since had been then (the demo):
/// in the past, nobody is mailed.
pub fn open_since_decision(conn: &mut DbConn, request: &Request) -> Result<(), WorkflowError> {
    if request.state != State::Decided || stored::latest(conn, &request.id)?.is_some() {
        return Ok(());
    }
    let decided = request.decided_at.unwrap_or(request.updated_at);
    open(conn, &Ctx::replay(decided), request, "decided")
}

/// The liaisons' parts in a consultation, each with its liaison.
type Parts = Vec<(LiaisonAnswer, Organisation)>;

/// The request's latest consultation with its liaisons' parts, if it had one.
fn latest(
    conn: &mut DbConn,
    request_id: &str,
) -> Result<Option<(Consultation, Parts)>, WorkflowError> {
    Ok(match stored::latest(conn, request_id)? {
        Some(consultation) => {
            let answers = stored::answers(conn, &consultation.id)?;
            Some((consultation, answers))
        }
        None => None,
    })
}

fn facts_of(
    consultation: &Consultation,
    answers: &[(LiaisonAnswer, Organisation)],
) -> crate::domain::consultation::Facts {
    let parts: Vec<LiaisonAnswer> = answers.iter().map(|(a, _)| a.clone()).collect();
    consultation.facts(&parts)
}

/// What keeps a decided request from publication at `now`, if anything.
pub fn hold(
    conn: &mut DbConn,
    request: &Request,
    now: NaiveDateTime,
) -> Result<Option<Hold>, WorkflowError> {
    if request.state != State::Decided {
        return Ok(None);
    }
    Ok(latest(conn, &request.id)?.and_then(|(c, answers)| facts_of(&c, &answers).hold(now)))
}

/// Refuses publication while the consultation holds it.
pub(super) fn allow_publication(
    conn: &mut DbConn,
    request: &Request,
    now: NaiveDateTime,
) -> Result<(), WorkflowError> {
    match hold(conn, request, now)? {
        Some(hold) => Err(WorkflowError::Consultation(Refusal::Hold(hold))),
        None => Ok(()),
    }
}

/// The answer went back to the group: its consultation is over.
pub(super) fn end_on_send_back(
    conn: &mut DbConn,
    request: &Request,
    now: NaiveDateTime,
) -> Result<(), WorkflowError> {
    if let Some(consultation) = stored::latest(conn, &request.id)?
        && consultation.sent_back_at.is_none()
    {
        stored::mark_sent_back(conn, &consultation.id, now)?;
    }
    Ok(())
}

/// The consultation as the request page shows it.
pub struct ConsultationView {
    pub consultation: Consultation,
    pub answers: Vec<(LiaisonAnswer, Organisation)>,
    /// What keeps publication waiting now, while decided.
    pub hold: Option<Hold>,
    pub with_liaisons: bool,
}

/// The request's latest consultation as its page shows it at `now`.
pub fn view(
    conn: &mut DbConn,
    request: &Request,
    now: NaiveDateTime,
) -> Result<Option<ConsultationView>, WorkflowError> {
    let decided = request.state == State::Decided;
    Ok(latest(conn, &request.id)?.map(|(consultation, answers)| {
        let facts = facts_of(&consultation, &answers);
        ConsultationView {
            hold: facts.hold(now).filter(|_| decided),
            with_liaisons: decided && facts.with_liaisons(now),
            consultation,
            answers,
        }
    }))
}

/// Until when the answer to a decided request is with the liaisons, if it is.
pub fn with_liaisons_until(
    conn: &mut DbConn,
    request: &Request,
    now: NaiveDateTime,
) -> Result<Option<NaiveDateTime>, WorkflowError> {
    if request.state != State::Decided {
        return Ok(None);
    }
    Ok(latest(conn, &request.id)?
        .filter(|(c, answers)| facts_of(c, answers).with_liaisons(now))
        .map(|(c, _)| c.ends_at))
}

/// One consultation of a request as its case file records it: each
/// liaison's answer, and the response to comments with who recorded it.
#[derive(serde::Serialize)]
pub struct ConsultationRecord {
    #[serde(flatten)]
    pub consultation: Consultation,
    pub answers: Vec<AnswerRecord>,
}

#[derive(serde::Serialize)]
pub struct AnswerRecord {
    pub liaison: String,
    #[serde(flatten)]
    pub answer: LiaisonAnswer,
    /// The name of whoever recorded the response.
    pub responded_by_name: Option<String>,
}

/// Every consultation of the request, the first first.
pub fn records(
    conn: &mut DbConn,
    request_id: &str,
) -> Result<Vec<ConsultationRecord>, WorkflowError> {
    let mut records = Vec::new();
    for consultation in stored::of_request(conn, request_id)? {
        let mut answers = Vec::new();
        for (answer, liaison) in stored::answers(conn, &consultation.id)? {
            let responded_by_name = match &answer.responded_by {
                Some(id) => users::find(conn, id).optional()?.map(|user| user.name),
                None => None,
            };
            answers.push(AnswerRecord {
                liaison: liaison.label(),
                answer,
                responded_by_name,
            });
        }
        records.push(ConsultationRecord {
            consultation,
            answers,
        });
    }
    Ok(records)
}

/// What holds each decided request's publication at `now`, by request id.
pub fn holds(
    conn: &mut DbConn,
    now: NaiveDateTime,
) -> Result<HashMap<String, Hold>, WorkflowError> {
    Ok(stored::of_decided(conn)?
        .into_iter()
        .filter_map(|(consultation, answers)| {
            consultation
                .facts(&answers)
                .hold(now)
                .map(|hold| (consultation.request_id, hold))
        })
        .collect())
}

/// What a review link opens.
pub struct Review {
    pub liaison: Organisation,
    pub request: Request,
    pub standard: Standard,
    pub consultation: Consultation,
    pub answer: LiaisonAnswer,
    /// Whether an answer is taken now, else why not.
    pub open: Result<(), Closed>,
}

/// The part a review link opens at `now`; not found for any other text.
pub fn review(conn: &mut DbConn, token: &str, now: NaiveDateTime) -> Result<Review, WorkflowError> {
    if !tokens::is_well_formed(token) {
        return Err(WorkflowError::NotFound);
    }
    let (answer, consultation) =
        stored::by_token_hash(conn, &tokens::hash(token))?.ok_or(WorkflowError::NotFound)?;
    let request = requests::find(conn, &consultation.request_id)?;
    let standard = standards::find_by_id(conn, &request.standard_id)?;
    let liaison = organisations::find(conn, &answer.organisation_id)?;
    let open =
        consultation
            .facts(&[])
            .may_answer(answer.facts(), request.state == State::Decided, now);
    Ok(Review {
        liaison,
        request,
        standard,
        consultation,
        answer,
        open,
    })
}

/// A liaison records its answer through its link, once: comments go to
/// the secretariat and the group's convenors.
pub fn answer(
    conn: &mut DbConn,
    ctx: &Ctx,
    token: &str,
    choice: &str,
    comments: &str,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let review = review(conn, token, ctx.now)?;
        review
            .open
            .map_err(|closed| WorkflowError::Consultation(Refusal::Closed(closed)))?;
        let reply = Reply::parse(choice, comments)
            .map_err(|problem| WorkflowError::Consultation(Refusal::Reply(problem)))?;
        let comments = match &reply {
            Reply::NoObjection => None,
            Reply::Comments(text) => Some(text.as_str()),
        };
        if !stored::record_answer(conn, &review.answer.id, comments, ctx.now)? {
            return Err(WorkflowError::Consultation(Refusal::Closed(
                Closed::Answered,
            )));
        }
        let Some(comments) = comments else {
            return Ok(());
        };
        let request = &review.request;
        let mut recipients = secretariat_emails(conn)?;
        if let Some(group) = &request.group_id {
            recipients.extend(groups::convenor_emails(conn, group)?);
        }
        let message = LiaisonCommented {
            ctx: ctx.mail.clone(),
            request: summary(conn, request)?,
            liaison: review.liaison.label(),
            comments: comments.to_owned(),
            link_url: request_url(ctx, request),
        };
        let key = format!("comments:{}", review.answer.id);
        send_each(conn, ctx, request, &key, &recipients, &message)
    })
}

/// Records the response to one liaison's comments on `acting`'s request:
/// whoever may publish it answers for the decision.
pub fn respond(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    answer_id: &str,
    response: &str,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let permit = permit(conn, acting, Action::Publish)?;
        let response = response.trim();
        if response.is_empty() || response.chars().count() > TEXT_MAX {
            return Err(WorkflowError::Field {
                field: "response",
                message: Msg::new("form-liaison-response"),
            });
        }
        let consultation =
            stored::latest(conn, &permit.request().id)?.ok_or(WorkflowError::Changed)?;
        if !stored::respond(
            conn,
            &consultation.id,
            answer_id,
            response,
            &acting.user.id,
            ctx.now,
        )? {
            return Err(WorkflowError::Changed);
        }
        Ok(())
    })
}
