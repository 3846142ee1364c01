//! Published clarifications in and out of the database, as CSV or JSON:
//! `clarion export`, `clarion import` and the public CSV download.
//!
//! A [`Clarification`] holds what is public about a published request and
//! nothing about who asked. Dates are RFC 3339 in UTC, to the microsecond
//! at most, which both databases store exactly: exporting what was imported
//! gives back the same bytes.

use std::borrow::{Borrow, Cow};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{Read, Write};

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, SecondsFormat, SubsecRound};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::db::schema::{
    events, groups, reference_counters, request_contacts, requests, standards,
};
use crate::db::{self, DbConn};
use crate::domain::lifecycle::{Action, State};
use crate::domain::submission::Category;
use crate::models::references;

/// One published clarification, as files and the public download carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clarification {
    /// `CR-YYYY-NNNN`
    pub reference: String,
    /// The slug of the standard, e.g. `iso-iec-17025-2017`.
    pub standard: String,
    pub standard_designation: String,
    pub standard_edition: i32,
    /// The code of the responsible maintenance group; empty when none.
    #[serde(default)]
    pub group: String,
    pub clause: String,
    pub question: String,
    pub answer: String,
    /// RFC 3339 (a plain `YYYY-MM-DD` is read as midnight UTC); may be empty.
    #[serde(default)]
    pub decided_at: String,
    pub published_at: String,
    pub consider_at_revision: bool,
    /// `current`, `superseded`, `incorporated` or `withdrawn`.
    pub status: String,
    #[serde(default)]
    pub status_note: String,
    /// Demo or synthetic data rather than a real clarification.
    #[serde(default)]
    pub sample: bool,
}

/// The CSV header, in the order of [`Clarification`]'s fields.
pub const COLUMNS: [&str; 14] = [
    "reference",
    "standard",
    "standard_designation",
    "standard_edition",
    "group",
    "clause",
    "question",
    "answer",
    "decided_at",
    "published_at",
    "consider_at_revision",
    "status",
    "status_note",
    "sample",
];

/// What a published clarification that carries no publication flag is.
const CURRENT: &str = "current";
const FLAGS: [&str; 3] = ["superseded", "incorporated", "withdrawn"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

impl Format {
    pub fn parse(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    /// The format a file name's extension announces.
    pub fn of_path(path: &std::path::Path) -> Option<Format> {
        Format::parse(path.extension()?.to_str()?)
    }
}

// ---------------------------------------------------------------------------
// Reading the database
// ---------------------------------------------------------------------------

/// A published request as the export reads it, column for column.
#[derive(Queryable)]
struct Stored {
    reference: Option<String>,
    slug: String,
    designation: String,
    edition: i32,
    group: Option<String>,
    clause: String,
    question: String,
    answer: Option<String>,
    decided_at: Option<NaiveDateTime>,
    published_at: Option<NaiveDateTime>,
    consider_at_revision: bool,
    flag: Option<String>,
    flag_note: Option<String>,
    sample: bool,
}

/// Every published clarification, in the order of their references.
pub fn load_published(conn: &mut DbConn) -> QueryResult<Vec<Clarification>> {
    published(conn, None)
}

/// Published clarifications, all of them or those with one of `only`'s
/// references, ordered by year and sequence (text order would put
/// CR-2025-10000 before CR-2025-1001).
fn published(conn: &mut DbConn, only: Option<&[String]>) -> QueryResult<Vec<Clarification>> {
    let mut query = requests::table
        .inner_join(standards::table)
        .left_join(groups::table)
        .filter(requests::state.eq(State::Published.as_str()))
        .select((
            requests::reference,
            standards::slug,
            standards::designation,
            standards::edition,
            groups::code.nullable(),
            requests::clause,
            requests::question,
            requests::answer,
            requests::decided_at,
            requests::published_at,
            requests::consider_at_revision,
            requests::publication_flag,
            requests::publication_flag_note,
            requests::is_sample,
        ))
        .into_boxed();
    if let Some(references) = only {
        query = query.filter(requests::reference.eq_any(references));
    }
    let rows: Vec<Stored> = query.load(conn)?;
    let mut records: Vec<Clarification> = rows.into_iter().map(Clarification::from).collect();
    records.sort_by_cached_key(|r| (references::parse(&r.reference), r.reference.clone()));
    Ok(records)
}

impl From<Stored> for Clarification {
    fn from(row: Stored) -> Clarification {
        Clarification {
            reference: row.reference.unwrap_or_default(),
            standard: row.slug,
            standard_designation: row.designation,
            standard_edition: row.edition,
            group: row.group.unwrap_or_default(),
            clause: row.clause,
            question: row.question,
            answer: row.answer.unwrap_or_default(),
            decided_at: row.decided_at.map(timestamp).unwrap_or_default(),
            published_at: row.published_at.map(timestamp).unwrap_or_default(),
            consider_at_revision: row.consider_at_revision,
            status: row.flag.unwrap_or_else(|| CURRENT.to_owned()),
            status_note: row.flag_note.unwrap_or_default(),
            sample: row.sample,
        }
    }
}

/// A stored moment as RFC 3339, e.g. `2025-03-04T09:15:00Z`.
pub fn timestamp(at: NaiveDateTime) -> String {
    at.and_utc()
        .trunc_subsecs(6)
        .to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

fn parse_timestamp(text: &str) -> Option<NaiveDateTime> {
    let text = text.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Some(at.naive_utc().trunc_subsecs(6));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .map(|day| day.and_time(NaiveTime::MIN))
}

// ---------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------

/// What a spreadsheet reads as the start of a formula in a cell (OWASP's
/// list for CSV injection): an answer beginning `=HYPERLINK(…)` or a
/// Markdown list's `- ` would be run, not shown.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text as a CSV cell carries it: prefixed with `'` when a spreadsheet
/// would take it for a formula. A text whose leading `'`s come before such
/// a character gets one more, so that [`restored`] takes off exactly what
/// was added and a file reads back as it was written.
fn defused(text: &str) -> Cow<'_, str> {
    if text.trim_start_matches('\'').starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A CSV cell's text, without the `'` that [`defused`] added.
fn restored(cell: &str) -> Cow<'_, str> {
    match cell.strip_prefix('\'') {
        Some(text) if text.trim_start_matches('\'').starts_with(FORMULA_STARTS) => {
            Cow::Borrowed(text)
        }
        _ => Cow::Borrowed(cell),
    }
}

impl Clarification {
    /// The record with `f` applied to each of its texts.
    fn with_texts(&self, f: impl Fn(&str) -> Cow<'_, str>) -> Clarification {
        let text = |value: &String| f(value).into_owned();
        Clarification {
            reference: text(&self.reference),
            standard: text(&self.standard),
            standard_designation: text(&self.standard_designation),
            standard_edition: self.standard_edition,
            group: text(&self.group),
            clause: text(&self.clause),
            question: text(&self.question),
            answer: text(&self.answer),
            decided_at: text(&self.decided_at),
            published_at: text(&self.published_at),
            consider_at_revision: self.consider_at_revision,
            status: text(&self.status),
            status_note: text(&self.status_note),
            sample: self.sample,
        }
    }
}

/// RFC 4180 CSV: a header row, then one row per record, CRLF line endings.
/// No cell starts a formula (see [`defused`]).
pub fn write_csv<I>(records: I, out: impl Write) -> std::io::Result<()>
where
    I: IntoIterator,
    I::Item: Borrow<Clarification>,
{
    let mut writer = csv_writer(out);
    // The header is written by hand: serde would write none for no records.
    writer.write_record(COLUMNS)?;
    write_rows(&mut writer, records)
}

/// The rows of [`write_csv`] without its header: the rest of a file whose
/// start was written before.
pub fn write_csv_rows<I>(records: I, out: impl Write) -> std::io::Result<()>
where
    I: IntoIterator,
    I::Item: Borrow<Clarification>,
{
    write_rows(&mut csv_writer(out), records)
}

fn csv_writer<W: Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .has_headers(false)
        .terminator(csv::Terminator::CRLF)
        .from_writer(out)
}

fn write_rows<I, W>(writer: &mut csv::Writer<W>, records: I) -> std::io::Result<()>
where
    I: IntoIterator,
    I::Item: Borrow<Clarification>,
    W: Write,
{
    for record in records {
        writer.serialize(record.borrow().with_texts(defused))?;
    }
    writer.flush()
}

/// A pretty-printed JSON array of records.
pub fn write_json<I>(records: I, mut out: impl Write) -> std::io::Result<()>
where
    I: IntoIterator,
    I::Item: Borrow<Clarification>,
{
    let records: Vec<I::Item> = records.into_iter().collect();
    let records: Vec<&Clarification> = records.iter().map(Borrow::borrow).collect();
    serde_json::to_writer_pretty(&mut out, &records)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Reads what [`write_csv`] writes, the `'` before would-be formulas taken
/// off again.
pub fn read_csv(input: impl Read) -> Result<Vec<Clarification>, String> {
    csv::Reader::from_reader(input)
        .deserialize()
        .map(|record| record.map(|record: Clarification| record.with_texts(restored)))
        .collect::<Result<_, _>>()
        .map_err(csv_problem)
}

/// A CSV error in the terms of the import: the record number (1 for the
/// line after the header) and the column by name.
fn csv_problem(error: csv::Error) -> String {
    let detail = match error.kind() {
        csv::ErrorKind::Deserialize { err, .. } => match err.field() {
            Some(field) => format!(
                "{}: {}",
                usize::try_from(field)
                    .ok()
                    .and_then(|i| COLUMNS.get(i))
                    .unwrap_or(&"a column"),
                err.kind()
            ),
            None => err.kind().to_string(),
        },
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("{len} fields where the header has {expected_len}"),
        _ => error.to_string(),
    };
    match error.position().map(csv::Position::record) {
        Some(record) if record > 0 => format!("record {record}: {detail}"),
        _ => detail,
    }
}

pub fn read_json(input: impl Read) -> Result<Vec<Clarification>, String> {
    serde_json::from_reader(std::io::BufReader::new(input))
        .map_err(|e| format!("not a JSON array of clarifications: {e}"))
}

pub fn read(format: Format, input: impl Read) -> Result<Vec<Clarification>, String> {
    match format {
        Format::Csv => read_csv(input),
        Format::Json => read_json(input),
    }
}

pub fn write<I>(format: Format, records: I, out: impl Write) -> std::io::Result<()>
where
    I: IntoIterator,
    I::Item: Borrow<Clarification>,
{
    match format {
        Format::Csv => write_csv(records, out),
        Format::Json => write_json(records, out),
    }
}

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

/// Rows per INSERT: at most 20 columns each, well under SQLite's 32,766
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

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> Clarification {
        Clarification {
            reference: "CR-2025-0042".into(),
            standard: "iso-iec-17025-2017".into(),
            standard_designation: "ISO/IEC 17025".into(),
            standard_edition: 2017,
            group: "MG 17025".into(),
            clause: "7.2.1".into(),
            question: "Does 7.2.1 apply?".into(),
            answer: "Yes, it applies.".into(),
            decided_at: "2025-03-01T09:00:00Z".into(),
            published_at: "2025-03-04T10:30:00.125Z".into(),
            consider_at_revision: true,
            status: "current".into(),
            status_note: String::new(),
            sample: false,
        }
    }

    fn csv_of(records: &[Clarification]) -> String {
        let mut out = Vec::new();
        write_csv(records, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_header_names_every_field_in_order() {
        let mut out = Vec::new();
        let mut writer = csv::Writer::from_writer(&mut out);
        writer.serialize(record()).unwrap();
        drop(writer);
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.lines().next().unwrap(), COLUMNS.join(","));
        assert_eq!(
            csv_of(&[]),
            format!("{}\r\n", COLUMNS.join(",")),
            "a header even without records"
        );
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted_and_read_back() {
        let tricky = Clarification {
            answer: "Yes, \"where applicable\" means:\r\n- one\n- two, three".into(),
            status_note: "Superseded, see CR-2026-0001".into(),
            ..record()
        };
        let text = csv_of(std::slice::from_ref(&tricky));
        assert!(
            text.contains("\"Yes, \"\"where applicable\"\" means:\r\n- one\n- two, three\""),
            "{text}"
        );
        assert!(
            text.contains(",\"Superseded, see CR-2026-0001\","),
            "{text}"
        );
        assert!(text.ends_with(",false\r\n"), "rows end in CRLF: {text:?}");
        assert_eq!(read_csv(text.as_bytes()).unwrap(), vec![tricky]);
    }

    #[test]
    fn no_cell_starts_a_formula_and_the_file_reads_back_unchanged() {
        let hostile = Clarification {
            clause: "=1+1".into(),
            question: "+SUM(A1:A9)?".into(),
            answer: "- one\n- two".into(),
            status_note: "@cmd".into(),
            group: "\tMG".into(),
            standard_designation: "\rISO".into(),
            ..record()
        };
        let quoted = Clarification {
            question: "'=already quoted".into(),
            answer: "''-twice".into(),
            status_note: "'plain, with a quote".into(),
            ..record()
        };
        let text = csv_of(&[hostile.clone(), quoted.clone()]);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        for row in reader.records() {
            for cell in row.unwrap().iter() {
                assert!(!cell.starts_with(FORMULA_STARTS), "{cell:?} in {text}");
            }
        }
        assert!(text.contains(",'=1+1,"), "{text}");
        assert!(text.contains(",'+SUM(A1:A9)?,"), "{text}");
        assert!(text.contains(",\"'- one\n- two\","), "{text}");
        assert!(text.contains(",''=already quoted,"), "{text}");
        assert!(text.contains(",\"'plain, with a quote\","), "{text}");
        assert_eq!(read_csv(text.as_bytes()).unwrap(), vec![hostile, quoted]);
    }

    #[test]
    fn plain_fields_are_not_quoted() {
        let text = csv_of(&[record()]);
        let row = text.lines().nth(1).unwrap();
        assert_eq!(
            row,
            "CR-2025-0042,iso-iec-17025-2017,ISO/IEC 17025,2017,MG 17025,7.2.1,Does 7.2.1 apply?,\
             \"Yes, it applies.\",2025-03-01T09:00:00Z,2025-03-04T10:30:00.125Z,true,current,,false"
        );
    }

    #[test]
    fn json_reads_back_and_optional_fields_may_be_left_out() {
        let mut out = Vec::new();
        write_json([record()], &mut out).unwrap();
        assert_eq!(read_json(out.as_slice()).unwrap(), vec![record()]);
        let short = r#"[{"reference": "CR-2025-0042", "standard": "iso-iec-17025-2017",
            "standard_designation": "ISO/IEC 17025", "standard_edition": 2017,
            "clause": "7.2.1", "question": "Q?", "answer": "A.",
            "published_at": "2025-03-04", "consider_at_revision": false, "status": "current"}]"#;
        let read = read_json(short.as_bytes()).unwrap();
        assert_eq!(
            (
                read[0].group.as_str(),
                read[0].decided_at.as_str(),
                read[0].sample
            ),
            ("", "", false)
        );
    }

    #[test]
    fn a_broken_file_says_where() {
        let mut text = csv_of(&[record(), record()]);
        text.push_str("CR-2025-0001,too,few\r\n");
        assert_eq!(
            read_csv(text.as_bytes()).unwrap_err(),
            "record 3: 3 fields where the header has 14"
        );
        let text = csv_of(&[record()]).replace(",2017,", ",MMXVII,");
        assert_eq!(
            read_csv(text.as_bytes()).unwrap_err(),
            "record 1: standard_edition: invalid digit found in string"
        );
        assert!(read_json(&b"{\"reference\": 1}"[..]).is_err());
    }

    #[test]
    fn dates_are_rfc3339_to_the_microsecond() {
        let at = NaiveDate::from_ymd_opt(2025, 3, 4)
            .unwrap()
            .and_hms_nano_opt(10, 30, 0, 123_456_789)
            .unwrap();
        assert_eq!(timestamp(at), "2025-03-04T10:30:00.123456Z");
        assert_eq!(
            parse_timestamp("2025-03-04T12:30:00.123456789+02:00").map(timestamp),
            Some("2025-03-04T10:30:00.123456Z".into())
        );
        assert_eq!(
            parse_timestamp("2025-03-04").map(timestamp),
            Some("2025-03-04T00:00:00Z".into())
        );
        assert_eq!(parse_timestamp("4 March 2025"), None);
    }

    #[test]
    fn formats_follow_names_and_extensions() {
        assert_eq!(Format::parse("JSON"), Some(Format::Json));
        assert_eq!(
            Format::of_path(std::path::Path::new("out/all.csv")),
            Some(Format::Csv)
        );
        assert_eq!(Format::of_path(std::path::Path::new("all")), None);
    }
}
