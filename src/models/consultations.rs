//! The liaisons consulted before publication, by their addresses, and each
//! decision's consultation with every liaison's answer.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{
    consultation_answers, consultations, liaison_contacts, organisations, requests,
};
use crate::domain::consultation::{Answer, Facts};
use crate::domain::lifecycle::State;
use crate::models::organisations::Organisation;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = liaison_contacts)]
pub struct Contact {
    pub id: String,
    pub organisation_id: String,
    pub email: String,
    pub created_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = liaison_contacts)]
pub struct NewContact<'a> {
    pub id: &'a str,
    pub organisation_id: &'a str,
    pub email: &'a str,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = consultations)]
pub struct Consultation {
    pub id: String,
    pub request_id: String,
    pub opened_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub sent_back_at: Option<NaiveDateTime>,
}

#[derive(Insertable)]
#[diesel(table_name = consultations)]
pub struct NewConsultation<'a> {
    pub id: &'a str,
    pub request_id: &'a str,
    pub opened_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
}

/// A liaison's part in a consultation. The token's hash is not read back.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = consultation_answers)]
pub struct LiaisonAnswer {
    pub id: String,
    pub consultation_id: String,
    pub organisation_id: String,
    pub answered_at: Option<NaiveDateTime>,
    /// None with `answered_at`: no objection.
    pub comments: Option<String>,
    pub response: Option<String>,
    pub responded_by: Option<String>,
    pub responded_at: Option<NaiveDateTime>,
}

impl LiaisonAnswer {
    pub fn facts(&self) -> Answer {
        Answer {
            answered: self.answered_at.is_some(),
            commented: self.comments.is_some(),
            responded: self.response.is_some(),
        }
    }
}

impl Consultation {
    pub fn facts(&self, answers: &[LiaisonAnswer]) -> Facts {
        Facts {
            ends_at: self.ends_at,
            sent_back: self.sent_back_at.is_some(),
            answers: answers.iter().map(LiaisonAnswer::facts).collect(),
        }
    }
}

#[derive(Insertable)]
#[diesel(table_name = consultation_answers)]
pub struct NewAnswer<'a> {
    pub id: &'a str,
    pub consultation_id: &'a str,
    pub organisation_id: &'a str,
    pub token_hash: &'a str,
}

/// Every configured address with its organisation, by acronym then address.
pub fn contacts(conn: &mut DbConn) -> QueryResult<Vec<(Contact, Organisation)>> {
    liaison_contacts::table
        .inner_join(organisations::table)
        .order((organisations::acronym.asc(), liaison_contacts::email.asc()))
        .select((Contact::as_select(), Organisation::as_select()))
        .load(conn)
}

pub fn has_contact(conn: &mut DbConn, organisation_id: &str, email: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        liaison_contacts::table
            .filter(liaison_contacts::organisation_id.eq(organisation_id))
            .filter(liaison_contacts::email.eq(email)),
    ))
    .get_result(conn)
}

pub fn add_contact(conn: &mut DbConn, contact: &NewContact<'_>) -> QueryResult<()> {
    diesel::insert_into(liaison_contacts::table)
        .values(contact)
        .execute(conn)
        .map(drop)
}

/// Removes one address; false if it was not there.
pub fn remove_contact(conn: &mut DbConn, id: &str) -> QueryResult<bool> {
    diesel::delete(liaison_contacts::table.find(id))
        .execute(conn)
        .map(|n| n > 0)
}

pub fn open(conn: &mut DbConn, consultation: &NewConsultation<'_>) -> QueryResult<()> {
    diesel::insert_into(consultations::table)
        .values(consultation)
        .execute(conn)
        .map(drop)
}

pub fn add_answer(conn: &mut DbConn, answer: &NewAnswer<'_>) -> QueryResult<()> {
    diesel::insert_into(consultation_answers::table)
        .values(answer)
        .execute(conn)
        .map(drop)
}

/// The request's latest consultation, if it had one.
pub fn latest(conn: &mut DbConn, request_id: &str) -> QueryResult<Option<Consultation>> {
    consultations::table
        .filter(consultations::request_id.eq(request_id))
        .order(consultations::opened_at.desc())
        .select(Consultation::as_select())
        .first(conn)
        .optional()
}

/// Every consultation of the request, the first first.
pub fn of_request(conn: &mut DbConn, request_id: &str) -> QueryResult<Vec<Consultation>> {
    consultations::table
        .filter(consultations::request_id.eq(request_id))
        .order(consultations::opened_at.asc())
        .select(Consultation::as_select())
        .load(conn)
}

/// The liaisons' parts in a consultation, by acronym.
pub fn answers(
    conn: &mut DbConn,
    consultation_id: &str,
) -> QueryResult<Vec<(LiaisonAnswer, Organisation)>> {
    consultation_answers::table
        .inner_join(organisations::table)
        .filter(consultation_answers::consultation_id.eq(consultation_id))
        .order(organisations::acronym.asc())
        .select((LiaisonAnswer::as_select(), Organisation::as_select()))
        .load(conn)
}

/// The part a review link opens, by its token's hash, with its consultation.
pub fn by_token_hash(
    conn: &mut DbConn,
    hash: &str,
) -> QueryResult<Option<(LiaisonAnswer, Consultation)>> {
    consultation_answers::table
        .inner_join(consultations::table)
        .filter(consultation_answers::token_hash.eq(hash))
        .select((LiaisonAnswer::as_select(), Consultation::as_select()))
        .first(conn)
        .optional()
}

/// Records a liaison's answer (`comments`: None for no objection) unless
/// one was recorded already; false then.
pub fn record_answer(
    conn: &mut DbConn,
    id: &str,
    comments: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(
        consultation_answers::table
            .find(id)
            .filter(consultation_answers::answered_at.is_null()),
    )
    .set((
        consultation_answers::answered_at.eq(now),
        consultation_answers::comments.eq(comments),
    ))
    .execute(conn)
    .map(|n| n == 1)
}

/// A liaison's unanswered part in a consultation still open on a decided
/// request, not reminded yet, with when its consultation opened and ends.
pub struct Unreminded {
    pub answer_id: String,
    pub organisation: Organisation,
    pub request_id: String,
    pub opened_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
}

/// The addresses the review links of `organisation_id` go to now.
pub fn addresses_of(conn: &mut DbConn, organisation_id: &str) -> QueryResult<Vec<String>> {
    liaison_contacts::table
        .filter(liaison_contacts::organisation_id.eq(organisation_id))
        .order(liaison_contacts::email.asc())
        .select(liaison_contacts::email)
        .load(conn)
}

/// The liaisons' parts that may still be reminded at `now`.
pub fn unreminded(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<Vec<Unreminded>> {
    let rows: Vec<(String, Organisation, String, NaiveDateTime, NaiveDateTime)> =
        consultation_answers::table
            .inner_join(consultations::table)
            .inner_join(organisations::table)
            .filter(consultation_answers::answered_at.is_null())
            .filter(consultation_answers::reminded_at.is_null())
            .filter(consultations::sent_back_at.is_null())
            .filter(consultations::ends_at.gt(now))
            .filter(
                consultations::request_id.eq_any(
                    requests::table
                        .filter(requests::state.eq(State::Decided))
                        .select(requests::id),
                ),
            )
            .select((
                consultation_answers::id,
                Organisation::as_select(),
                consultations::request_id,
                consultations::opened_at,
                consultations::ends_at,
            ))
            .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(answer_id, organisation, request_id, opened_at, ends_at)| Unreminded {
                answer_id,
                organisation,
                request_id,
                opened_at,
                ends_at,
            },
        )
        .collect())
}

/// Marks a liaison's part reminded with a new link (the old one stops
/// working) unless it was reminded or answered meanwhile; false then.
pub fn remind(
    conn: &mut DbConn,
    id: &str,
    token_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(
        consultation_answers::table
            .find(id)
            .filter(consultation_answers::reminded_at.is_null())
            .filter(consultation_answers::answered_at.is_null()),
    )
    .set((
        consultation_answers::reminded_at.eq(now),
        consultation_answers::token_hash.eq(token_hash),
    ))
    .execute(conn)
    .map(|n| n == 1)
}

/// Records the response to a liaison's comments of `consultation_id`,
/// unless it has one already or has no comments; false then.
pub fn respond(
    conn: &mut DbConn,
    consultation_id: &str,
    id: &str,
    response: &str,
    by: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(
        consultation_answers::table
            .find(id)
            .filter(consultation_answers::consultation_id.eq(consultation_id))
            .filter(consultation_answers::comments.is_not_null())
            .filter(consultation_answers::response.is_null()),
    )
    .set((
        consultation_answers::response.eq(response),
        consultation_answers::responded_by.eq(by),
        consultation_answers::responded_at.eq(now),
    ))
    .execute(conn)
    .map(|n| n == 1)
}

pub fn mark_sent_back(conn: &mut DbConn, id: &str, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(consultations::table.find(id))
        .set(consultations::sent_back_at.eq(now))
        .execute(conn)
        .map(drop)
}

/// The latest consultation of every decided request, with its liaisons'
/// parts: two queries however many there are.
pub fn of_decided(conn: &mut DbConn) -> QueryResult<Vec<(Consultation, Vec<LiaisonAnswer>)>> {
    let all: Vec<Consultation> = consultations::table
        .inner_join(requests::table)
        .filter(requests::state.eq(State::Decided))
        .order((consultations::request_id, consultations::opened_at.desc()))
        .select(Consultation::as_select())
        .load(conn)?;
    let mut latest: Vec<Consultation> = Vec::new();
    for consultation in all {
        if latest
            .last()
            .is_none_or(|last| last.request_id != consultation.request_id)
        {
            latest.push(consultation);
        }
    }
    let ids: Vec<&str> = latest.iter().map(|c| c.id.as_str()).collect();
    let mut answers: Vec<LiaisonAnswer> = consultation_answers::table
        .filter(consultation_answers::consultation_id.eq_any(&ids))
        .select(LiaisonAnswer::as_select())
        .load(conn)?;
    Ok(latest
        .into_iter()
        .map(|consultation| {
            let (mine, rest) = answers
                .drain(..)
                .partition(|a| a.consultation_id == consultation.id);
            answers = rest;
            (consultation, mine)
        })
        .collect())
}

/// The organisations with addresses, each with its addresses.
pub fn consulted(conn: &mut DbConn) -> QueryResult<Vec<(Organisation, Vec<String>)>> {
    let mut grouped: Vec<(Organisation, Vec<String>)> = Vec::new();
    for (contact, organisation) in contacts(conn)? {
        match grouped.last_mut() {
            Some((last, emails)) if last.id == organisation.id => emails.push(contact.email),
            _ => grouped.push((organisation, vec![contact.email])),
        }
    }
    Ok(grouped)
}
