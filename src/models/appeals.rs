//! Appeals against a request's decision, and which of the request's
//! events are the steps of which appeal.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::{appeal_steps, appeals, organisations, requests};
use crate::db::{DbConn, sql};
use crate::domain::appeal::{Appealed, AppellantKind, Outcome, Step};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = appeals)]
pub struct Appeal {
    pub id: String,
    pub request_id: String,
    /// 1 for a request's first appeal.
    pub number: i32,
    pub appellant_kind: AppellantKind,
    pub organisation_id: Option<String>,
    /// The organisation's name, or the person's.
    pub appellant_name: String,
    pub appellant_email: String,
    pub grounds: String,
    pub decision_appealed: Appealed,
    pub received_on: NaiveDate,
    pub acknowledge_by: NaiveDate,
    pub decide_by: NaiveDate,
    pub step: Step,
    pub outcome: Option<Outcome>,
    /// Whether the public pages say the decision is under appeal.
    pub public_notice: bool,
    pub lodged_at: NaiveDateTime,
    pub decided_at: Option<NaiveDateTime>,
    /// When the retention job erased the appellant's address (and a
    /// person's name): the appeal itself stays on the case file.
    pub appellant_erased_at: Option<NaiveDateTime>,
}

impl Appeal {
    /// When its next step is due, while it is not decided.
    pub fn due_by(&self) -> Option<NaiveDate> {
        self.step.due_by(self.acknowledge_by, self.decide_by)
    }

    /// Decided, and not allowed.
    pub fn is_upheld(&self) -> bool {
        self.outcome == Some(Outcome::Upheld)
    }

    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.due_by().is_some_and(|due| due < today)
    }
}

pub fn insert(conn: &mut DbConn, appeal: &Appeal) -> QueryResult<()> {
    diesel::insert_into(appeals::table)
        .values(appeal)
        .execute(conn)
        .map(drop)
}

/// The number the request's next appeal takes.
pub fn next_number(conn: &mut DbConn, request_id: &str) -> QueryResult<i32> {
    let last: Option<i32> = appeals::table
        .filter(appeals::request_id.eq(request_id))
        .select(diesel::dsl::max(appeals::number))
        .first(conn)?;
    Ok(last.unwrap_or(0) + 1)
}

/// A request's appeals, oldest first.
pub fn for_request(conn: &mut DbConn, request_id: &str) -> QueryResult<Vec<Appeal>> {
    appeals::table
        .filter(appeals::request_id.eq(request_id))
        .order(appeals::number)
        .select(Appeal::as_select())
        .load(conn)
}

pub fn find(conn: &mut DbConn, request_id: &str, number: i32) -> QueryResult<Option<Appeal>> {
    appeals::table
        .filter(appeals::request_id.eq(request_id))
        .filter(appeals::number.eq(number))
        .select(Appeal::as_select())
        .first(conn)
        .optional()
}

/// Moves an appeal on from `from` (refused, false, if someone moved it
/// first); `decided` with its outcome.
pub fn advance(
    conn: &mut DbConn,
    id: &str,
    from: Step,
    to: Step,
    outcome: Option<Outcome>,
    decided_at: Option<NaiveDateTime>,
) -> QueryResult<bool> {
    let updated = diesel::update(
        appeals::table
            .filter(appeals::id.eq(id))
            .filter(appeals::step.eq(from)),
    )
    .set((
        appeals::step.eq(to),
        appeals::outcome.eq(outcome),
        appeals::decided_at.eq(decided_at),
    ))
    .execute(conn)?;
    Ok(updated == 1)
}

pub fn set_public_notice(conn: &mut DbConn, id: &str, public: bool) -> QueryResult<()> {
    diesel::update(appeals::table.filter(appeals::id.eq(id)))
        .set(appeals::public_notice.eq(public))
        .execute(conn)
        .map(drop)
}

/// Records that the event is a step of the appeal.
pub fn add_step(conn: &mut DbConn, event_id: &str, appeal_id: &str) -> QueryResult<()> {
    diesel::insert_into(appeal_steps::table)
        .values((
            appeal_steps::event_id.eq(event_id),
            appeal_steps::appeal_id.eq(appeal_id),
        ))
        .execute(conn)
        .map(drop)
}

/// Erases the appellant's address and the person's name from the appeals
/// decided before `before`: personal data kept no longer than a
/// submitter's. An organisation's acronym stays, as the case file's record
/// of who appealed. Appeals are few, so they are read and written one by
/// one.
pub fn erase_appellants(
    conn: &mut DbConn,
    before: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    crate::db::write_transaction(conn, |conn| {
        let due: Vec<(String, Option<String>)> = appeals::table
            .left_join(organisations::table)
            .filter(appeals::decided_at.lt(before))
            .filter(appeals::appellant_erased_at.is_null())
            .select((appeals::id, organisations::acronym.nullable()))
            .load(conn)?;
        for (id, acronym) in &due {
            diesel::update(appeals::table.find(id))
                .set((
                    appeals::appellant_name.eq(acronym.as_deref().unwrap_or_default()),
                    appeals::appellant_email.eq(""),
                    appeals::appellant_erased_at.eq(now),
                ))
                .execute(conn)?;
        }
        Ok(due.len())
    })
}

/// The ids of the events that are the appeal's steps.
pub fn step_ids(conn: &mut DbConn, appeal_id: &str) -> QueryResult<Vec<String>> {
    appeal_steps::table
        .filter(appeal_steps::appeal_id.eq(appeal_id))
        .select(appeal_steps::event_id)
        .load(conn)
}

/// Every appeal not yet decided, with its request's reference, for the
/// secretariat's queue.
pub fn undecided(conn: &mut DbConn) -> QueryResult<Vec<(Appeal, Option<String>)>> {
    appeals::table
        .inner_join(requests::table)
        .filter(appeals::step.ne(Step::Decided))
        .select((Appeal::as_select(), requests::reference))
        .load(conn)
}

/// The appeal a public page mentions for the request of `reference`: the
/// latest the secretariat made public, if any.
pub fn public_notice(conn: &mut DbConn, reference: &str) -> QueryResult<Option<Appeal>> {
    sql::on_own_backend!(conn, |own| appeals::table
        .inner_join(requests::table)
        .filter(requests::reference.eq(reference))
        .filter(appeals::public_notice.eq(true))
        .order(appeals::number.desc())
        .select(Appeal::as_select())
        .first(own)
        .optional())
}
