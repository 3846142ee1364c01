//! `clarion import`: published clarifications from a file into the
//! database, all or nothing; and the rows that import and synthetic data
//! write many at a time.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::{CURRENT, Clarification, FLAGS, parse_timestamp, published, timestamp};
use crate::db::schema::{events, reference_counters, request_contacts, requests};
use crate::db::{self, DbConn};
use crate::domain::lifecycle::{Action, State};
use crate::domain::markdown;
use crate::domain::submission::Category;
use crate::models::{numbers, references};

// ---------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    pub imported: usize,
    /// Records whose reference exists already with the same content.
    pub already_present: usize,
}

/// What is wrong with one record of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1 for the first record (the line after a CSV header).
    pub record: usize,
    pub reference: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.reference.trim().is_empty() {
            write!(f, "record {}: {}", self.record, self.message)
        } else {
            write!(
                f,
                "record {} ({}): {}",
                self.record, self.reference, self.message
            )
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{} problem(s) in the file; nothing was imported", .0.len())]
    Invalid(Vec<Problem>),
    #[error("database: {0}")]
    Database(#[from] diesel::result::Error),
}

/// What the import stores for the submitter, of whom the file says nothing.
const UNKNOWN_COUNTRY: &str = "";
const IMPORT_NOTE: &str = "imported";

/// Imports records in one write transaction: every record is checked first
/// and, if any is wrong, nothing is stored. A reference that exists already
/// is skipped when its clarification is identical and refused otherwise.
pub fn import(
    conn: &mut DbConn,
    records: &[Clarification],
    now: NaiveDateTime,
) -> Result<Report, ImportError> {
    db::write_transaction(conn, |conn| {
        let registered = Registered::load(conn)?;
        let mut problems = Vec::new();
        let mut parsed = Vec::with_capacity(records.len());
        let mut seen = HashSet::new();
        for (index, record) in records.iter().enumerate() {
            let number = index + 1;
            let mut complain = |message: String| {
                problems.push(Problem {
                    record: number,
                    reference: record.reference.clone(),
                    message,
                })
            };
            match registered.check(record) {
                Ok(incoming) if !seen.insert(incoming.record.reference.clone()) => {
                    complain("the same reference appears earlier in the file".into())
                }
                Ok(incoming) => parsed.push((number, incoming)),
                Err(messages) => messages.into_iter().for_each(complain),
            }
        }
        let existing = existing(conn, &parsed)?;
        let mut report = Report::default();
        let mut fresh = Vec::with_capacity(parsed.len());
        for (number, incoming) in parsed {
            match existing.get(&incoming.record.reference) {
                None => fresh.push(incoming),
                Some(Some(stored)) if *stored == incoming.record => report.already_present += 1,
                Some(stored) => problems.push(Problem {
                    record: number,
                    reference: incoming.record.reference.clone(),
                    message: match stored {
                        Some(_) => {
                            "this reference is already published here with a different content"
                                .into()
                        }
                        None => {
                            "this reference belongs to a request here that is not published".into()
                        }
                    },
                }),
            }
        }
        if !problems.is_empty() {
            problems.sort_by_key(|p| p.record);
            return Err(ImportError::Invalid(problems));
        }
        let rows: Vec<RequestRow> = fresh.iter().map(|c| c.row(now)).collect();
        let events: Vec<EventRow> = rows
            .iter()
            .map(|row| EventRow::new(row, Action::Publish, None, Some(IMPORT_NOTE), now))
            .collect();
        insert_requests(conn, &rows)?;
        insert_events(conn, &events)?;
        numbers::number_the_unnumbered(conn)?;
        let mut highest: BTreeMap<i32, i32> = BTreeMap::new();
        for incoming in &fresh {
            let (year, sequence) = incoming.sequence;
            let top = highest.entry(year).or_insert(sequence);
            *top = (*top).max(sequence);
        }
        for (year, sequence) in highest {
            raise_counter(conn, year, sequence)?;
        }
        report.imported = fresh.len();
        Ok(report)
    })
}

/// For each reference of the file that exists here: its published
/// clarification, or `None` when the request is not published.
fn existing(
    conn: &mut DbConn,
    parsed: &[(usize, Incoming)],
) -> QueryResult<HashMap<String, Option<Clarification>>> {
    let references: Vec<String> = parsed
        .iter()
        .map(|(_, incoming)| incoming.record.reference.clone())
        .collect();
    let mut found = HashMap::new();
    for chunk in references.chunks(BATCH) {
        let present: Vec<Option<String>> = requests::table
            .filter(requests::reference.eq_any(chunk))
            .select(requests::reference)
            .load(conn)?;
        if present.is_empty() {
            continue;
        }
        let present: Vec<String> = present.into_iter().flatten().collect();
        found.extend(present.iter().map(|r| (r.clone(), None)));
        for record in published(conn, Some(&present))? {
            found.insert(record.reference.clone(), Some(record));
        }
    }
    Ok(found)
}

/// The standards and groups records refer to.
struct Registered {
    standards: HashMap<String, crate::models::standards::Standard>,
    groups: HashMap<String, String>,
}

/// A record that passed every check, with what its row needs.
struct Incoming {
    /// As an export of the stored row would write it.
    record: Clarification,
    sequence: (i32, i32),
    standard_id: String,
    group_id: Option<String>,
    decided_at: Option<NaiveDateTime>,
    published_at: NaiveDateTime,
}

impl Registered {
    fn load(conn: &mut DbConn) -> QueryResult<Registered> {
        Ok(Registered {
            standards: crate::models::standards::all_with_groups(conn)?
                .into_iter()
                .map(|(standard, _)| (standard.slug.clone(), standard))
                .collect(),
            groups: crate::models::groups::all(conn)?
                .into_iter()
                .map(|group| (group.code, group.id))
                .collect(),
        })
    }

    /// Every problem of a record, or the record ready to store.
    fn check(&self, record: &Clarification) -> Result<Incoming, Vec<String>> {
        let mut problems = Vec::new();
        let sequence = references::parse(&record.reference);
        if sequence.is_none() {
            problems.push(format!(
                "the reference {:?} is not of the form CR-YYYY-NNNN",
                record.reference
            ));
        }
        let standard = self.standards.get(&record.standard);
        match standard {
            None => problems.push(format!(
                "the standard {:?} is not in the registry",
                record.standard
            )),
            Some(s)
                if s.designation != record.standard_designation
                    || s.edition != record.standard_edition =>
            {
                problems.push(format!(
                    "the standard {:?} is {} here, not {}:{}",
                    record.standard,
                    s.label(),
                    record.standard_designation,
                    record.standard_edition
                ))
            }
            Some(_) => {}
        }
        let group_id = match record.group.as_str() {
            "" => None,
            code => {
                let id = self.groups.get(code).cloned();
                if id.is_none() {
                    problems.push(format!("there is no group {code:?}"));
                }
                id
            }
        };
        for (name, text) in [
            ("clause", &record.clause),
            ("question", &record.question),
            ("answer", &record.answer),
        ] {
            if text.trim().is_empty() {
                problems.push(format!("the {name} is missing"));
            }
        }
        if record.clause.chars().count() > 50 {
            problems.push("the clause has more than 50 characters".into());
        }
        let published_at = parse_timestamp(&record.published_at);
        if published_at.is_none() {
            problems.push(format!(
                "published_at {:?} is not a date (RFC 3339 or YYYY-MM-DD)",
                record.published_at
            ));
        }
        let decided_at = match record.decided_at.trim() {
            "" => None,
            text => {
                let at = parse_timestamp(text);
                if at.is_none() {
                    problems.push(format!(
                        "decided_at {text:?} is not a date (RFC 3339 or YYYY-MM-DD)"
                    ));
                }
                at
            }
        };
        if record.status != CURRENT && !FLAGS.contains(&record.status.as_str()) {
            problems.push(format!(
                "the status {:?} is not one of current, superseded, incorporated, withdrawn",
                record.status
            ));
        }
        match (problems.is_empty(), sequence, standard, published_at) {
            (true, Some(sequence), Some(standard), Some(published_at)) => Ok(Incoming {
                record: Clarification {
                    decided_at: decided_at.map(timestamp).unwrap_or_default(),
                    published_at: timestamp(published_at),
                    ..record.clone()
                },
                sequence,
                standard_id: standard.id.clone(),
                group_id,
                decided_at,
                published_at,
            }),
            _ => Err(problems),
        }
    }
}

impl Incoming {
    fn row(&self, now: NaiveDateTime) -> RequestRow {
        let record = &self.record;
        let began = self.decided_at.unwrap_or(self.published_at);
        RequestRow {
            id: db::new_id(),
            reference: record.reference.clone(),
            state: State::Published.as_str(),
            standard_id: self.standard_id.clone(),
            group_id: self.group_id.clone(),
            clause: record.clause.clone(),
            question: record.question.clone(),
            answer: Some(record.answer.clone()),
            answer_html: Some(markdown::to_safe_html(&record.answer)),
            submitter_country: UNKNOWN_COUNTRY.to_owned(),
            submitter_category: Category::Other.as_str(),
            consider_at_revision: record.consider_at_revision,
            publication_flag: FLAGS.into_iter().find(|f| *f == record.status),
            publication_flag_note: Some(record.status_note.clone()).filter(|n| !n.is_empty()),
            is_sample: record.sample,
            created_at: began,
            confirmed_at: None,
            decided_at: self.decided_at,
            published_at: Some(self.published_at),
            updated_at: now,
            personal_data_erased_at: Some(now),
        }
    }
}

// ---------------------------------------------------------------------------
// Rows written many at a time (import and synthetic data)
// ---------------------------------------------------------------------------

/// Rows per INSERT: at most 21 columns each, well under SQLite's 32,766
/// bound parameters (PostgreSQL allows 65,535).
pub(crate) const BATCH: usize = 1_000;

/// A request as import and synthetic data store it; the columns left out
/// keep their defaults (version 0, no closure).
#[derive(Insertable)]
#[diesel(table_name = requests, treat_none_as_default_value = false)]
pub(crate) struct RequestRow {
    pub id: String,
    pub reference: String,
    pub state: &'static str,
    pub standard_id: String,
    pub group_id: Option<String>,
    pub clause: String,
    pub question: String,
    pub answer: Option<String>,
    /// The answer rendered, as publishing stores it.
    pub answer_html: Option<String>,
    pub submitter_country: String,
    pub submitter_category: &'static str,
    pub consider_at_revision: bool,
    pub publication_flag: Option<&'static str>,
    pub publication_flag_note: Option<String>,
    pub is_sample: bool,
    pub created_at: NaiveDateTime,
    pub confirmed_at: Option<NaiveDateTime>,
    pub decided_at: Option<NaiveDateTime>,
    pub published_at: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
    /// Set when stored without a submitter (an imported or generated
    /// clarification): nothing personal is held, so the retention job has
    /// nothing to erase and need not rewrite every such row on its first
    /// pass.
    pub personal_data_erased_at: Option<NaiveDateTime>,
}

#[derive(Insertable)]
#[diesel(table_name = events, treat_none_as_default_value = false)]
pub(crate) struct EventRow {
    pub id: String,
    pub request_id: String,
    pub actor_user_id: Option<String>,
    pub actor_kind: &'static str,
    pub action: &'static str,
    pub from_state: Option<&'static str>,
    pub to_state: &'static str,
    pub note: Option<&'static str>,
    pub created_at: NaiveDateTime,
}

impl EventRow {
    /// The event that brought `row` into its state, recorded by Clarion.
    pub(crate) fn new(
        row: &RequestRow,
        action: Action,
        from: Option<State>,
        note: Option<&'static str>,
        at: NaiveDateTime,
    ) -> EventRow {
        EventRow {
            id: db::new_id(),
            request_id: row.id.clone(),
            actor_user_id: None,
            actor_kind: "system",
            action: action.as_str(),
            from_state: from.map(State::as_str),
            to_state: row.state,
            note,
            created_at: at,
        }
    }
}

#[derive(Insertable)]
#[diesel(table_name = request_contacts, treat_none_as_default_value = false)]
pub(crate) struct ContactRow {
    pub request_id: String,
    pub name: String,
    pub email: String,
    pub organization: Option<String>,
}

pub(crate) fn insert_requests(conn: &mut DbConn, rows: &[RequestRow]) -> QueryResult<()> {
    db::insert_rows!(conn, requests::table, rows)
}

pub(crate) fn insert_events(conn: &mut DbConn, rows: &[EventRow]) -> QueryResult<()> {
    db::insert_rows!(conn, events::table, rows)
}

pub(crate) fn insert_contacts(conn: &mut DbConn, rows: &[ContactRow]) -> QueryResult<()> {
    db::insert_rows!(conn, request_contacts::table, rows)
}

// ---------------------------------------------------------------------------
// Reference counters
// ---------------------------------------------------------------------------

fn ensure_counter(conn: &mut DbConn, year: i32) -> QueryResult<()> {
    // As in `references::allocate`: both backends accept it, `year` is a number.
    diesel::sql_query(format!(
        "INSERT INTO reference_counters (year, last_value) VALUES ({year}, 0) ON CONFLICT DO NOTHING"
    ))
    .execute(conn)
    .map(drop)
}

/// Moves the counter of `year` to at least `sequence`, so that references
/// allocated later follow the imported ones.
fn raise_counter(conn: &mut DbConn, year: i32, sequence: i32) -> QueryResult<()> {
    ensure_counter(conn, year)?;
    diesel::update(
        reference_counters::table
            .find(year)
            .filter(reference_counters::last_value.lt(sequence)),
    )
    .set(reference_counters::last_value.eq(sequence))
    .execute(conn)
    .map(drop)
}

/// Reserves `count` consecutive references of `year` in one step and
/// returns the first sequence. Call it inside a write transaction.
pub(crate) fn reserve_references(conn: &mut DbConn, year: i32, count: i32) -> QueryResult<i32> {
    ensure_counter(conn, year)?;
    diesel::update(reference_counters::table.find(year))
        .set(reference_counters::last_value.eq(reference_counters::last_value + count))
        .execute(conn)?;
    let last: i32 = reference_counters::table
        .find(year)
        .select(reference_counters::last_value)
        .first(conn)?;
    Ok(last - count + 1)
}
