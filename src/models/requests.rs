//! Clarification requests. The lifecycle rules live in `domain`; this is
//! storage.

use chrono::NaiveDateTime;
use diesel::dsl;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{clarification_translations, request_contacts, requests, standards};
use crate::domain::lifecycle::{Action, ClosureReason, State};
use crate::domain::submission::Submission;
use crate::models::translations::{self, Translated};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable, serde::Serialize)]
#[diesel(table_name = requests)]
pub struct Request {
    pub id: String,
    pub reference: Option<String>,
    pub state: State,
    pub closure_reason: Option<ClosureReason>,
    pub not_admissible_reason: Option<String>,
    pub closure_note: Option<String>,
    pub referred_committee_id: Option<String>,
    pub duplicate_of_id: Option<String>,
    pub standard_id: String,
    pub group_id: Option<String>,
    pub clause: String,
    pub question: String,
    pub background: Option<String>,
    pub proposed_answer: Option<String>,
    pub submitter_country: String,
    pub submitter_category: String,
    /// A keyed hash of the client, for the submission throttle only.
    #[serde(skip)]
    pub submitted_from: Option<String>,
    pub answer: Option<String>,
    pub consider_at_revision: bool,
    pub publication_flag: Option<String>,
    pub publication_flag_note: Option<String>,
    pub is_sample: bool,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub confirmed_at: Option<NaiveDateTime>,
    pub decided_at: Option<NaiveDateTime>,
    pub published_at: Option<NaiveDateTime>,
    pub closed_at: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
    pub personal_data_erased_at: Option<NaiveDateTime>,
    /// The language the submitter used on the form (a tag), which their
    /// mails follow.
    pub language: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = request_contacts)]
pub struct Contact {
    pub request_id: String,
    pub name: String,
    pub email: String,
    pub organization: Option<String>,
}

/// A new request as the form sent it, waiting for confirmation.
#[derive(Insertable)]
#[diesel(table_name = requests, treat_none_as_default_value = false)]
pub struct NewSubmission {
    pub id: String,
    state: State,
    standard_id: String,
    clause: String,
    question: String,
    background: Option<String>,
    proposed_answer: Option<String>,
    submitter_country: String,
    submitter_category: String,
    submitted_from: String,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    language: Option<String>,
}

/// Who sent a new request, kept apart from it.
#[derive(Insertable)]
#[diesel(table_name = request_contacts, treat_none_as_default_value = false)]
pub struct NewContact {
    request_id: String,
    name: String,
    email: String,
    organization: Option<String>,
}

impl NewSubmission {
    /// The rows of a checked submission, with a new request id.
    pub fn new(
        submission: &Submission,
        standard_id: &str,
        submitted_from: &str,
        now: NaiveDateTime,
    ) -> (NewSubmission, NewContact) {
        let id = crate::db::new_id();
        let contact = NewContact {
            request_id: id.clone(),
            name: submission.name.clone(),
            email: submission.email.as_str().to_owned(),
            organization: submission.organization.clone(),
        };
        let request = NewSubmission {
            id,
            state: State::PendingConfirmation,
            standard_id: standard_id.to_owned(),
            clause: submission.clause.clone(),
            question: submission.question.clone(),
            background: submission.background.clone(),
            proposed_answer: submission.proposed_answer.clone(),
            submitter_country: submission.country.to_owned(),
            submitter_category: submission.category.as_str().to_owned(),
            submitted_from: submitted_from.to_owned(),
            created_at: now,
            updated_at: now,
            language: submission.language.clone(),
        };
        (request, contact)
    }
}

impl NewSubmission {
    /// The rows of a request that follows `original`, on its standard,
    /// clause and public question, with a new request id; `country` and
    /// `category` say who asks, as far as is known.
    pub fn following(
        original: &Request,
        asking: Asking<'_>,
        submitted_from: &str,
        now: NaiveDateTime,
    ) -> (NewSubmission, NewContact) {
        let id = crate::db::new_id();
        let contact = NewContact {
            request_id: id.clone(),
            name: asking.name.to_owned(),
            email: asking.email.to_owned(),
            organization: asking.organization.map(str::to_owned),
        };
        let request = NewSubmission {
            id,
            state: State::PendingConfirmation,
            standard_id: original.standard_id.clone(),
            clause: original.clause.clone(),
            question: original.question.clone(),
            background: None,
            proposed_answer: None,
            submitter_country: asking.country.to_owned(),
            submitter_category: asking.category.to_owned(),
            submitted_from: submitted_from.to_owned(),
            created_at: now,
            updated_at: now,
            language: asking.language.map(str::to_owned),
        };
        (request, contact)
    }

    /// The language its submitter asks in (a tag).
    pub fn language(&self) -> Option<&str> {
        self.language.as_deref()
    }

    /// This submission asking `question` instead, with `answer` proposed.
    pub fn proposing(self, question: &str, answer: &str) -> NewSubmission {
        NewSubmission {
            question: question.to_owned(),
            proposed_answer: Some(answer.to_owned()),
            ..self
        }
    }
}

/// Who asks a follow-up: the original's submitter, or anyone.
pub struct Asking<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub organization: Option<&'a str>,
    pub country: &'a str,
    pub category: &'a str,
    /// The language they ask in (a tag), which their mails follow.
    pub language: Option<&'a str>,
}

/// Stores new requests and their contacts, a few statements for many.
pub fn insert_submissions(
    conn: &mut DbConn,
    requests: &[NewSubmission],
    contacts: &[NewContact],
) -> QueryResult<()> {
    crate::db::insert_rows!(conn, requests::table, requests)?;
    crate::db::insert_rows!(conn, request_contacts::table, contacts)
}

/// Marks a request as a sample (the demo's), which nobody mistakes for a
/// real one.
pub fn mark_sample(conn: &mut DbConn, id: &str) -> QueryResult<()> {
    diesel::update(requests::table.find(id))
        .set(requests::is_sample.eq(true))
        .execute(conn)
        .map(drop)
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Request> {
    requests::table
        .find(id)
        .select(Request::as_select())
        .first(conn)
}

pub fn contact(conn: &mut DbConn, request_id: &str) -> QueryResult<Option<Contact>> {
    request_contacts::table
        .find(request_id)
        .select(Contact::as_select())
        .first(conn)
        .optional()
}

/// Which of its own records a request has. Most requests have no round,
/// comment, appeal, consultation, sponsor or original they follow; asking
/// for them all in one statement lets a page read only those it holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Holdings {
    /// It has seen one of the actions asked about.
    pub seen: bool,
    pub rounds: bool,
    pub comments: bool,
    pub appeals: bool,
    pub consultations: bool,
    pub sponsor: bool,
    pub follows: bool,
}

pub fn holdings(conn: &mut DbConn, request_id: &str, seen: &[Action]) -> QueryResult<Holdings> {
    use crate::db::schema::{
        appeals, comments, consultations, endorsements, events, follow_ups, rounds,
    };
    let (seen, rounds, comments, appeals, consultations, sponsor, follows) = diesel::select((
        dsl::exists(
            events::table
                .filter(events::request_id.eq(request_id))
                .filter(events::action.eq_any(seen)),
        ),
        dsl::exists(rounds::table.filter(rounds::request_id.eq(request_id))),
        dsl::exists(comments::table.filter(comments::request_id.eq(request_id))),
        dsl::exists(appeals::table.filter(appeals::request_id.eq(request_id))),
        dsl::exists(consultations::table.filter(consultations::request_id.eq(request_id))),
        dsl::exists(endorsements::table.filter(endorsements::request_id.eq(request_id))),
        dsl::exists(follow_ups::table.filter(follow_ups::request_id.eq(request_id))),
    ))
    .get_result(conn)?;
    Ok(Holdings {
        seen,
        rounds,
        comments,
        appeals,
        consultations,
        sponsor,
        follows,
    })
}

/// Fields a transition may set besides the state; `None` leaves a column as
/// it is.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = requests)]
pub struct Change<'a> {
    pub state: Option<State>,
    pub closure_reason: Option<ClosureReason>,
    pub not_admissible_reason: Option<&'a str>,
    pub closure_note: Option<&'a str>,
    pub referred_committee_id: Option<&'a str>,
    pub duplicate_of_id: Option<&'a str>,
    pub reference: Option<&'a str>,
    pub group_id: Option<&'a str>,
    /// The public wording.
    pub standard_id: Option<&'a str>,
    pub clause: Option<&'a str>,
    pub question: Option<&'a str>,
    pub answer: Option<&'a str>,
    /// The answer rendered as published pages show it.
    pub answer_html: Option<&'a str>,
    pub consider_at_revision: Option<bool>,
    pub publication_flag: Option<&'a str>,
    pub publication_flag_note: Option<&'a str>,
    pub confirmed_at: Option<NaiveDateTime>,
    pub decided_at: Option<NaiveDateTime>,
    pub published_at: Option<NaiveDateTime>,
    pub closed_at: Option<NaiveDateTime>,
    pub updated_at: Option<NaiveDateTime>,
}

/// Applies a change if the request is still at `version` (optimistic lock);
/// false when someone else changed it first.
pub fn apply(conn: &mut DbConn, id: &str, version: i32, change: &Change<'_>) -> QueryResult<bool> {
    let updated = diesel::update(
        requests::table
            .filter(requests::id.eq(id))
            .filter(requests::version.eq(version)),
    )
    .set((change, requests::version.eq(requests::version + 1)))
    .execute(conn)?;
    Ok(updated == 1)
}

/// Forgets how a request was closed, when an allowed appeal takes it back
/// to its group: its events keep the record.
pub fn reopen(conn: &mut DbConn, id: &str) -> QueryResult<()> {
    diesel::update(requests::table.filter(requests::id.eq(id)))
        .set((
            requests::closure_reason.eq(None::<ClosureReason>),
            requests::closure_note.eq(None::<String>),
            requests::not_admissible_reason.eq(None::<String>),
            requests::referred_committee_id.eq(None::<String>),
            requests::duplicate_of_id.eq(None::<String>),
            requests::closed_at.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)
        .map(drop)
}

/// Stored submissions from one (hashed) address since a moment.
pub fn count_submitted_since(
    conn: &mut DbConn,
    from: &str,
    since: NaiveDateTime,
) -> QueryResult<i64> {
    requests::table
        .filter(requests::submitted_from.eq(from))
        .filter(requests::created_at.gt(since))
        .count()
        .get_result(conn)
}

/// Deletes requests never confirmed since `before`, with their tokens and
/// contact; they have no events yet. Returns how many.
pub fn erase_unconfirmed(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(
        requests::table
            .filter(requests::state.eq(State::PendingConfirmation))
            .filter(requests::created_at.lt(before)),
    )
    .execute(conn)
}

/// A published clarification as lists show it.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = requests)]
pub struct PublishedSummary {
    pub reference: Option<String>,
    pub clause: String,
    pub question: String,
    pub published_at: Option<NaiveDateTime>,
    #[diesel(select_expression = standards::slug)]
    #[diesel(select_expression_type = standards::slug)]
    pub standard_slug: String,
    #[diesel(select_expression = standards::designation)]
    #[diesel(select_expression_type = standards::designation)]
    pub standard_designation: String,
    #[diesel(select_expression = standards::edition)]
    #[diesel(select_expression_type = standards::edition)]
    pub standard_edition: i32,
    #[diesel(select_expression = clarification_translations::question.nullable())]
    #[diesel(select_expression_type = dsl::Nullable<clarification_translations::question>)]
    pub french_question: Option<String>,
}

impl Translated for PublishedSummary {
    fn english_question(&self) -> &str {
        &self.question
    }

    fn french_question(&self) -> Option<&str> {
        self.french_question.as_deref()
    }
}

pub fn latest_published(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<PublishedSummary>> {
    requests::table
        .inner_join(standards::table)
        .left_join(translations::french_of_request())
        .filter(requests::state.eq(State::Published))
        .order(requests::published_at.desc())
        .limit(limit)
        .select(PublishedSummary::as_select())
        .load(conn)
}

pub fn published_for_standard(
    conn: &mut DbConn,
    standard_id: &str,
) -> QueryResult<Vec<PublishedSummary>> {
    requests::table
        .inner_join(standards::table)
        .left_join(translations::french_of_request())
        .filter(requests::state.eq(State::Published))
        .filter(requests::standard_id.eq(standard_id))
        .order(requests::published_at.desc())
        .select(PublishedSummary::as_select())
        .load(conn)
}

/// Published clarifications of a standard whose clause is `clause` or lies
/// under it (`7.2` finds `7.2` and `7.2.1`, not `7.20`).
pub fn published_on_clause(
    conn: &mut DbConn,
    standard_id: &str,
    clause: &str,
) -> QueryResult<Vec<PublishedSummary>> {
    let rows = published_for_standard(conn, standard_id)?;
    Ok(rows
        .into_iter()
        .filter(|row| crate::domain::clauses::is_within(&row.clause, clause))
        .collect())
}

/// A request like another, as the screening of that one lists it.
#[derive(Debug, Clone, Queryable)]
pub struct Similar {
    pub reference: Option<String>,
    pub state: State,
    pub question: String,
}

/// Up to `limit` other requests on the same standard and clause, open or
/// published, newest first: what the secretariat checks for duplicates
/// while screening `request`.
pub fn similar(conn: &mut DbConn, request: &Request, limit: i64) -> QueryResult<Vec<Similar>> {
    let open_or_published: Vec<State> = State::ALL
        .into_iter()
        .filter(|s| s.is_open() || *s == State::Published)
        .collect();
    requests::table
        .filter(requests::standard_id.eq(&request.standard_id))
        .filter(requests::clause.eq(&request.clause))
        .filter(requests::id.ne(&request.id))
        .filter(requests::state.eq_any(open_or_published))
        .order(requests::created_at.desc())
        .limit(limit)
        .select((requests::reference, requests::state, requests::question))
        .load(conn)
}

/// How many requests are in each state (every state listed, zeros too).
pub fn count_by_state(conn: &mut DbConn) -> QueryResult<Vec<(State, i64)>> {
    let rows: Vec<(State, i64)> = requests::table
        .group_by(requests::state)
        .select((requests::state, diesel::dsl::count_star()))
        .load(conn)?;
    Ok(State::ALL
        .into_iter()
        .map(|s| {
            let count = rows.iter().find(|(state, _)| *state == s);
            (s, count.map_or(0, |(_, n)| *n))
        })
        .collect())
}

pub fn find_by_reference(conn: &mut DbConn, reference: &str) -> QueryResult<Option<Request>> {
    requests::table
        .filter(requests::reference.eq(reference))
        .select(Request::as_select())
        .first(conn)
        .optional()
}

/// Requests in a state whose last change is older than `before`.
pub fn in_state_since(
    conn: &mut DbConn,
    state: State,
    before: NaiveDateTime,
) -> QueryResult<Vec<Request>> {
    requests::table
        .filter(requests::state.eq(state))
        .filter(requests::updated_at.lt(before))
        .select(Request::as_select())
        .load(conn)
}

/// An open request as the queue weighs it: what its tasks depend on, not
/// what the page shows of it (see [`shown`]).
#[derive(Debug, Clone)]
pub struct QueueRow {
    pub id: String,
    pub reference: Option<String>,
    pub state: State,
    pub group_id: Option<String>,
    pub updated_at: NaiveDateTime,
}

/// What a list of work shows of a request.
#[derive(Debug, Clone, Queryable)]
pub struct Shown {
    pub id: String,
    pub clause: String,
    pub question: String,
    pub standard_designation: String,
    pub standard_edition: i32,
}

/// What the queue shows of the requests `ids`, in no order: read for one
/// page of it, not for every open request.
pub fn shown(conn: &mut DbConn, ids: &[&str]) -> QueryResult<Vec<Shown>> {
    requests::table
        .inner_join(standards::table)
        .filter(requests::id.eq_any(ids))
        .select((
            requests::id,
            requests::clause,
            requests::question,
            standards::designation,
            standards::edition,
        ))
        .load(conn)
}

/// Requests erased per transaction: within both databases' limits on
/// bound values, and a short hold of SQLite's write lock.
const ERASED_PER_TRANSACTION: i64 = 500;

/// Erases the submitter's identity from requests that ended (closed or
/// published) before `before`: their contact, their mail still queued and
/// every link mailed to them. The anonymous question and answer remain.
/// A register past its first retention period may hold tens of thousands
/// of them: taken in batches, each its own transaction, so that memory
/// stays small and submissions are not held up meanwhile.
pub fn erase_personal_data(
    conn: &mut DbConn,
    before: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let mut erased = 0;
    loop {
        let batch = crate::db::write_transaction(conn, |conn| {
            // One query per way of ending, each answered by its own index
            // of the requests not erased yet (see the retention migration).
            let unerased = |state: State| {
                requests::table
                    .filter(requests::state.eq(state))
                    .filter(requests::personal_data_erased_at.is_null())
                    .select(requests::id)
                    .limit(ERASED_PER_TRANSACTION)
            };
            let mut ids: Vec<String> = unerased(State::Published)
                .filter(requests::published_at.lt(before))
                .load(conn)?;
            ids.extend(
                unerased(State::Closed)
                    .filter(requests::closed_at.lt(before))
                    .load::<String>(conn)?,
            );
            if ids.is_empty() {
                return Ok(0);
            }
            diesel::delete(
                request_contacts::table.filter(request_contacts::request_id.eq_any(&ids)),
            )
            .execute(conn)?;
            // Mail still waiting carries the name, address and a tracking
            // link; old mail's tracking links must stop working too.
            crate::mail::outbox::erase_queued(conn, &ids)?;
            crate::models::tokens::revoke_for_requests(conn, &ids)?;
            diesel::update(requests::table.filter(requests::id.eq_any(&ids)))
                .set((
                    requests::personal_data_erased_at.eq(now),
                    requests::submitted_from.eq(None::<String>),
                ))
                .execute(conn)
        })?;
        erased += batch;
        // Each query took less than a batch: nothing is left.
        if (batch as i64) < ERASED_PER_TRANSACTION {
            return Ok(erased);
        }
    }
}
