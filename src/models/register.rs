//! The public register: published clarifications, found by words (in the
//! [`SearchIndex`] held in memory) and filters. Lists are SQL text built
//! here, with every value bound, since some conditions differ between the
//! backends.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::backend::Backend;
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::query_builder::{BoxedSqlQuery, SqlQuery};
use diesel::serialize::ToSql;
use diesel::sql_types::{BigInt, Bool, HasSqlType, Integer, Nullable, Text, Timestamp};
use diesel::sqlite::Sqlite;

use crate::db::DbConn;
use crate::db::schema::requests;
use crate::domain::lifecycle::State;
use crate::domain::search::{Filters, PER_PAGE, Status};
use crate::domain::{clauses, excerpt};
use crate::models::search_index::{Choices, Found, Index, SearchIndex};

/// A published clarification with everything the public may see of it, and
/// when it was found by words, its question and an excerpt of its answer
/// with the matched words marked (see [`excerpt`]).
#[derive(Debug, Clone, QueryableByName)]
pub struct Clarification {
    #[diesel(sql_type = Text)]
    pub reference: String,
    #[diesel(sql_type = Text)]
    pub clause: String,
    #[diesel(sql_type = Text)]
    pub question: String,
    #[diesel(sql_type = Text)]
    pub answer: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub publication_flag: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub publication_flag_note: Option<String>,
    #[diesel(sql_type = Bool)]
    pub consider_at_revision: bool,
    #[diesel(sql_type = Bool)]
    pub is_sample: bool,
    #[diesel(sql_type = Nullable<Timestamp>)]
    pub decided_at: Option<NaiveDateTime>,
    #[diesel(sql_type = Timestamp)]
    pub published_at: NaiveDateTime,
    #[diesel(sql_type = Text)]
    pub standard_slug: String,
    #[diesel(sql_type = Text)]
    pub standard_designation: String,
    #[diesel(sql_type = Integer)]
    pub standard_edition: i32,
    #[diesel(sql_type = Text)]
    pub standard_title: String,
    #[diesel(sql_type = Bool)]
    pub standard_is_current: bool,
    #[diesel(sql_type = Nullable<Text>)]
    pub group_code: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub group_name: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub question_marked: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub answer_marked: Option<String>,
}

impl Clarification {
    pub fn status(&self) -> Status {
        Status::of_flag(self.publication_flag.as_deref())
    }

    /// "ISO/IEC 17025:2017".
    pub fn standard_label(&self) -> String {
        format!("{}:{}", self.standard_designation, self.standard_edition)
    }

    pub fn path(&self) -> String {
        format!("/clarifications/{}", self.reference)
    }

    /// The question as a list shows it, matched words highlighted.
    pub fn question_html(&self) -> String {
        excerpt::to_html(
            self.question_marked.as_deref().unwrap_or(&self.question),
            300,
        )
    }

    /// The start of the answer, or where it matched the words searched.
    pub fn answer_html(&self) -> String {
        excerpt::to_html(self.answer_marked.as_deref().unwrap_or(&self.answer), 280)
    }

    /// On the next revision's list: flagged for it, and neither incorporated
    /// yet nor withdrawn.
    pub fn in_revision_backlog(&self) -> bool {
        in_revision_backlog(self.consider_at_revision, self.status())
    }
}

fn in_revision_backlog(consider_at_revision: bool, status: Status) -> bool {
    consider_at_revision && matches!(status, Status::Current | Status::Superseded)
}

/// One page of a search.
#[derive(Debug, Clone)]
pub struct Results {
    pub total: i64,
    pub items: Vec<Clarification>,
    /// No clarification holds every word, so these hold some of them.
    pub broadened: bool,
}

impl Results {
    pub fn pages(&self) -> i64 {
        (self.total + PER_PAGE - 1) / PER_PAGE
    }
}

const COLUMNS: &str = "r.reference AS reference, r.clause AS clause, r.question AS question, \
     coalesce(r.answer, '') AS answer, r.publication_flag AS publication_flag, \
     r.publication_flag_note AS publication_flag_note, \
     r.consider_at_revision AS consider_at_revision, r.is_sample AS is_sample, \
     r.decided_at AS decided_at, r.published_at AS published_at, \
     s.slug AS standard_slug, s.designation AS standard_designation, \
     s.edition AS standard_edition, s.title AS standard_title, \
     s.superseded_by_id IS NULL AS standard_is_current, \
     g.code AS group_code, g.name AS group_name";

const JOINS: &str =
    "JOIN standards s ON s.id = r.standard_id LEFT JOIN groups g ON g.id = r.group_id";

/// A page of published clarifications: by relevance when there are words
/// to look for, newest first otherwise. When every word together finds
/// nothing, clarifications with any of them are offered instead.
/// `version` is the register's if the caller has just read it; otherwise
/// it is read only when there are words to look up in the index.
pub fn search(
    conn: &mut DbConn,
    index: &SearchIndex,
    version: Option<i64>,
    filters: &Filters,
) -> QueryResult<Results> {
    run(conn, index, version, filters, Window::page(filters))
}

/// Every clarification a search finds, in the order of its pages, read a
/// few hundred at a time: what a download holds, however large, without
/// holding it all in memory.
pub struct Download {
    filters: Filters,
    order: Order,
}

enum Order {
    /// Newest first, as a list without words: the rows after the last one
    /// read, by its publication and reference (keyset paging, so each
    /// page costs the same however far the download has gone).
    Newest {
        after: Option<(NaiveDateTime, String)>,
        done: bool,
    },
    /// By relevance, as ranked once at the start: the ids, how many of
    /// them are read, and names for their standards and groups.
    Ranked {
        ids: Vec<String>,
        read: usize,
        names: Arc<Choices>,
    },
}

impl Download {
    /// A download of what `filters` find in the register as of `version`
    /// (read now if none).
    pub fn start(
        conn: &mut DbConn,
        index: &SearchIndex,
        version: Option<i64>,
        filters: Filters,
    ) -> QueryResult<Download> {
        let terms = filters.terms();
        if terms.is_empty() {
            let order = Order::Newest {
                after: None,
                done: false,
            };
            return Ok(Download { filters, order });
        }
        let version = match version {
            Some(version) => version,
            None => self::version(conn)?,
        };
        let words = index.at(conn, version)?;
        let everything = Window {
            limit: i64::MAX,
            offset: 0,
        };
        let (found, _) = matching(&words, &terms, &filters, everything);
        let order = Order::Ranked {
            ids: found.ids,
            read: 0,
            names: index.choices(conn, version)?,
        };
        Ok(Download { filters, order })
    }

    /// The next clarifications, at most `count`; none once every one was
    /// read.
    pub fn next(
        &mut self,
        conn: &mut DbConn,
        count: usize,
    ) -> QueryResult<Option<Vec<Clarification>>> {
        match &mut self.order {
            Order::Newest { done: true, .. } => Ok(None),
            Order::Newest { after, done } => {
                let window = Window {
                    limit: count as i64,
                    offset: 0,
                };
                let page = newest(conn, &self.filters, after.as_ref(), window)?;
                *done = page.len() < count;
                if let Some(last) = page.last() {
                    *after = Some((last.published_at, last.reference.clone()));
                }
                Ok(Some(page).filter(|page| !page.is_empty()))
            }
            Order::Ranked { ids, read, names } => loop {
                if *read == ids.len() {
                    return Ok(None);
                }
                let chunk = &ids[*read..ids.len().min(*read + count)];
                *read += chunk.len();
                let (named, rows) = named_rows(conn, names.clone(), chunk)?;
                *names = named;
                let page = ordered(names, rows, chunk);
                // Every one of a chunk may be gone since it was ranked.
                if !page.is_empty() {
                    return Ok(Some(page));
                }
            },
        }
    }
}

/// Which rows of the ordered matches to load.
#[derive(Clone, Copy)]
struct Window {
    limit: i64,
    offset: i64,
}

impl Window {
    fn page(filters: &Filters) -> Window {
        Window {
            limit: PER_PAGE,
            offset: filters.offset(),
        }
    }
}

fn run(
    conn: &mut DbConn,
    index: &SearchIndex,
    version: Option<i64>,
    filters: &Filters,
    window: Window,
) -> QueryResult<Results> {
    let terms = filters.terms();
    if terms.is_empty() {
        return browse(conn, filters, window);
    }
    let version = match version {
        Some(version) => version,
        None => self::version(conn)?,
    };
    let words = index.at(conn, version)?;
    let (found, broadened) = matching(&words, &terms, filters, window);
    let names = index.choices(conn, version)?;
    let (names, rows) = named_rows(conn, names, &found.ids)?;
    Ok(Results {
        total: found.total as i64,
        items: marked(&names, rows, &found.ids, &terms),
        broadened,
    })
}

/// The rows of `ids` (see [`by_ids`]) and names for them: `names`, read at
/// the search's version, miss a standard or group added since; they are
/// read again then, rather than a row shown without them.
fn named_rows(
    conn: &mut DbConn,
    names: Arc<Choices>,
    ids: &[String],
) -> QueryResult<(Arc<Choices>, Vec<ById>)> {
    let rows = by_ids(conn, ids)?;
    if rows.iter().all(|row| row.is_named(&names)) {
        Ok((names, rows))
    } else {
        Ok((Arc::new(Choices::read(conn)?), rows))
    }
}

/// A page of a search on PostgreSQL, by `words` and `names` held in memory:
/// its rows are its only query, sent without a thread to wait for the
/// answer (see [`crate::db::reads`]). None when the search needs more of
/// the database: a list without words, or a row naming a standard or group
/// added since `names` were read.
pub async fn search_held(
    conn: &diesel_async::AsyncPgConnection,
    words: &Index,
    names: &Choices,
    filters: &Filters,
) -> QueryResult<Option<Results>> {
    let terms = filters.terms();
    if terms.is_empty() {
        return Ok(None);
    }
    let (found, broadened) = matching(words, &terms, filters, Window::page(filters));
    let query = requests::table
        .select(ById::as_select())
        .filter(requests::id.eq_any(&found.ids));
    let rows: Vec<ById> = diesel_async::RunQueryDsl::load(query, &mut &*conn).await?;
    if !rows.iter().all(|row| row.is_named(names)) {
        return Ok(None);
    }
    Ok(Some(Results {
        total: found.total as i64,
        items: marked(names, rows, &found.ids, &terms),
        broadened,
    }))
}

/// The clarifications in `window` of those holding every word of `terms`,
/// or if none does, of those holding any; and whether it came to that.
fn matching(words: &Index, terms: &[String], filters: &Filters, window: Window) -> (Found, bool) {
    let (offset, limit) = (window.offset as usize, window.limit as usize);
    let found = words.search(terms, true, filters, offset, limit);
    if found.total == 0 && terms.len() > 1 {
        let any = words.search(terms, false, filters, offset, limit);
        let broadened = any.total > 0;
        return (any, broadened);
    }
    (found, false)
}

fn browse(conn: &mut DbConn, filters: &Filters, window: Window) -> QueryResult<Results> {
    // No filter needs the joined tables: the count is read from indexes.
    let mut count = Statement::new("SELECT count(*) AS n FROM requests r ");
    count.push(" WHERE r.state = 'published'");
    narrow(&mut count, filters);
    let total = count.count(conn)?;
    Ok(Results {
        total,
        items: newest(conn, filters, None, window)?,
        broadened: false,
    })
}

/// The filters' clarifications, newest first (after the one published at
/// this moment with this reference, if any), without counting them.
fn newest(
    conn: &mut DbConn,
    filters: &Filters,
    after: Option<&(NaiveDateTime, String)>,
    window: Window,
) -> QueryResult<Vec<Clarification>> {
    let mut page = Statement::new("SELECT ");
    page.push(COLUMNS);
    page.push(", NULL AS question_marked, NULL AS answer_marked FROM requests r ");
    page.push(JOINS);
    page.push(" WHERE r.state = 'published'");
    narrow(&mut page, filters);
    if let Some((published_at, reference)) = after {
        // The first condition alone reads a range of the index by date.
        page.push(" AND r.published_at <= ");
        page.bind(Value::Time(*published_at));
        page.push(" AND (r.published_at < ");
        page.bind(Value::Time(*published_at));
        page.push(" OR r.reference < ");
        page.bind(Value::Text(reference.clone()));
        page.push(")");
    }
    page.push(" ORDER BY r.published_at DESC, r.reference DESC");
    page.limit(window.limit, window.offset);
    page.load(conn)
}

/// The clarifications of `ids`, in that order, from their `rows`, named
/// from `names`, with the words of `terms` marked in their question and the
/// excerpt of their answer.
fn marked(
    names: &Choices,
    rows: Vec<ById>,
    ids: &[String],
    terms: &[String],
) -> Vec<Clarification> {
    let mut marker = excerpt::Marker::new(terms);
    let mut found = ordered(names, rows, ids);
    for found in &mut found {
        found.question_marked = Some(marker.mark(&found.question));
        found.answer_marked = Some(excerpt::from_first_mark(&marker.mark(&found.answer)));
    }
    found
}

/// The clarifications of `ids`, in that order, from their `rows`, named
/// from `names`.
fn ordered(names: &Choices, mut rows: Vec<ById>, ids: &[String]) -> Vec<Clarification> {
    let order: HashMap<&str, usize> = ids
        .iter()
        .enumerate()
        .map(|(at, id)| (id.as_str(), at))
        .collect();
    rows.sort_by_key(|row| order.get(row.id.as_str()).copied());
    rows.into_iter()
        .filter_map(|row| row.named(names))
        .collect()
}

/// A published clarification's own columns, as [`by_ids`] reads them.
#[derive(Queryable, Selectable)]
#[diesel(table_name = requests)]
struct ById {
    id: String,
    reference: Option<String>,
    clause: String,
    question: String,
    answer: Option<String>,
    publication_flag: Option<String>,
    publication_flag_note: Option<String>,
    consider_at_revision: bool,
    is_sample: bool,
    decided_at: Option<NaiveDateTime>,
    published_at: Option<NaiveDateTime>,
    standard_id: String,
    group_id: Option<String>,
}

impl ById {
    /// Whether `names` holds its standard and group.
    fn is_named(&self, names: &Choices) -> bool {
        names.standard(&self.standard_id).is_some()
            && self
                .group_id
                .as_ref()
                .is_none_or(|id| names.group(id).is_some())
    }

    /// The clarification with its standard and group named; none if they
    /// are not in `names`, or it has no reference or date of publication.
    fn named(self, names: &Choices) -> Option<Clarification> {
        let standard = names.standard(&self.standard_id)?;
        let group = match &self.group_id {
            Some(id) => Some(names.group(id)?),
            None => None,
        };
        Some(Clarification {
            reference: self.reference?,
            clause: self.clause,
            question: self.question,
            answer: self.answer.unwrap_or_default(),
            publication_flag: self.publication_flag,
            publication_flag_note: self.publication_flag_note,
            consider_at_revision: self.consider_at_revision,
            is_sample: self.is_sample,
            decided_at: self.decided_at,
            published_at: self.published_at?,
            standard_slug: standard.slug.clone(),
            standard_designation: standard.designation.clone(),
            standard_edition: standard.edition,
            standard_title: standard.title.clone(),
            standard_is_current: standard.is_current(),
            group_code: group.map(|g| g.code.clone()),
            group_name: group.map(|g| g.name.clone()),
            question_marked: None,
            answer_marked: None,
        })
    }
}

/// The clarifications of `ids`, in no order. A statement written as text
/// is prepared again at every use, which cost a search as much as reading
/// its rows; these are prepared once per connection. SQLite binds a list
/// of values as one statement per length, so there each is read on its
/// own; PostgreSQL binds the list as one array. By id alone: the ids come
/// from the register, and a condition on the state made PostgreSQL's plan
/// for any list, before the table had statistics, read the state's index
/// whole. Without joins: the standards and groups are few and already in
/// memory, while each join was two more index descents per row.
fn by_ids(conn: &mut DbConn, ids: &[String]) -> QueryResult<Vec<ById>> {
    // `as_select` names the backend, so each arm builds its own.
    match conn {
        // In one transaction: each statement on its own would take and
        // release SQLite's read lock, a system call either way.
        DbConn::Sqlite(conn) => conn.transaction(|conn| {
            let mut rows = Vec::with_capacity(ids.len());
            for id in ids {
                let row = requests::table
                    .select(ById::as_select())
                    .filter(requests::id.eq(id))
                    .get_result(conn);
                rows.extend(row.optional()?);
            }
            Ok(rows)
        }),
        DbConn::Postgres(conn) => requests::table
            .select(ById::as_select())
            .filter(requests::id.eq_any(ids))
            .load(conn),
    }
}

/// Adds the filters' conditions to a statement whose WHERE is open.
fn narrow(statement: &mut Statement, filters: &Filters) {
    if let Some(slug) = &filters.standard {
        // By the request's own column, so that its index narrows the rows
        // before any join.
        statement.push(" AND r.standard_id = (SELECT id FROM standards WHERE slug = ");
        statement.bind(Value::Text(slug.clone()));
        statement.push(")");
    }
    if let Some(clause) = &filters.clause {
        // The clause itself, or a clause under it. Every such clause lies in
        // one range, from `7.2` up to `7.2/` (the separators sort before
        // `/`), which the clause index answers; within it, the clause
        // itself or one range per separator (`7.2.` up to `7.2/`).
        let wanted = clause.trim().to_lowercase();
        let after = |separator: char| {
            let next = char::from_u32(separator as u32 + 1).unwrap_or(char::MAX);
            format!("{wanted}{next}")
        };
        let within = |statement: &mut Statement, from: String, to: String| {
            statement.push(CLAUSE_KEY);
            statement.push(" >= ");
            statement.bind(Value::Text(from));
            statement.push(" AND ");
            statement.push(CLAUSE_KEY);
            statement.push(" < ");
            statement.bind(Value::Text(to));
        };
        let last = clauses::SEPARATORS.into_iter().max().unwrap_or('.');
        statement.push(" AND ");
        within(statement, wanted.clone(), after(last));
        statement.push(" AND (");
        statement.push(CLAUSE_KEY);
        statement.push(" = ");
        statement.bind(Value::Text(wanted.clone()));
        for separator in clauses::SEPARATORS {
            statement.push(" OR (");
            within(statement, format!("{wanted}{separator}"), after(separator));
            statement.push(")");
        }
        statement.push(")");
    }
    if let Some(year) = filters.year {
        let start = |year: i32| {
            NaiveDate::from_ymd_opt(year, 1, 1)
                .unwrap_or(NaiveDate::MAX)
                .and_hms_opt(0, 0, 0)
                .unwrap_or(NaiveDateTime::MAX)
        };
        statement.push(" AND r.published_at >= ");
        statement.bind(Value::Time(start(year)));
        statement.push(" AND r.published_at < ");
        statement.bind(Value::Time(start(year + 1)));
    }
    match filters.status.map(Status::flag) {
        None => {}
        Some(None) => statement.push(" AND r.publication_flag IS NULL"),
        Some(Some(flag)) => {
            statement.push(" AND r.publication_flag = ");
            statement.bind(Value::Text(flag.to_owned()));
        }
    }
}

/// One published clarification by its reference.
pub fn find(conn: &mut DbConn, reference: &str) -> QueryResult<Option<Clarification>> {
    let mut statement = Statement::new("SELECT ");
    statement.push(COLUMNS);
    statement.push(", NULL AS question_marked, NULL AS answer_marked FROM requests r ");
    statement.push(JOINS);
    statement.push(" WHERE r.state = 'published' AND r.reference = ");
    statement.bind(Value::Text(reference.to_owned()));
    Ok(statement.load(conn)?.into_iter().next())
}

/// Other clarifications of the same standard on the same clause or under
/// it: the newest of them, in clause order. The index picks them, so that
/// a clause with thousands under it costs no more than one with a few.
pub fn related(
    conn: &mut DbConn,
    index: &SearchIndex,
    to: &Clarification,
) -> QueryResult<Vec<Listed>> {
    let filters = Filters {
        standard: Some(to.standard_slug.clone()),
        clause: Some(to.clause.clone()),
        page: 1,
        ..Filters::default()
    };
    // One more, in case it is `to` itself.
    let ids = index.current(conn)?.newest(&filters, PER_PAGE as usize + 1);
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut statement = Statement::new("SELECT ");
    statement.push(LISTED_COLUMNS);
    // By id alone: with a condition on the state as well, SQLite reads
    // every published request through the state's index instead.
    statement.push(" FROM requests r WHERE r.id IN (");
    statement.bind_list(&ids);
    statement.push(")");
    let mut found: Vec<Listed> = statement.load(conn)?;
    found.retain(|c| c.reference != to.reference);
    found.sort_by(|a, b| (b.published_at, &b.reference).cmp(&(a.published_at, &a.reference)));
    found.truncate(PER_PAGE as usize);
    found.sort_by(|a, b| clauses::compare(&a.clause, &b.clause));
    Ok(found)
}

/// The columns of [`Listed`], from `requests r`.
const LISTED_COLUMNS: &str = "r.reference AS reference, r.clause AS clause, \
     substr(r.question, 1, 201) AS question, r.publication_flag AS publication_flag, \
     r.consider_at_revision AS consider_at_revision, r.is_sample AS is_sample, \
     r.published_at AS published_at";

/// A line of a standard's list: what the list shows of a clarification,
/// the start of its question, not its answer.
#[derive(Debug, Clone, QueryableByName)]
pub struct Listed {
    #[diesel(sql_type = Text)]
    pub reference: String,
    #[diesel(sql_type = Text)]
    pub clause: String,
    /// The start of the question: one character more than lists show, so
    /// that they know when they cut it.
    #[diesel(sql_type = Text)]
    pub question: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub publication_flag: Option<String>,
    #[diesel(sql_type = Bool)]
    pub consider_at_revision: bool,
    #[diesel(sql_type = Bool)]
    pub is_sample: bool,
    #[diesel(sql_type = Timestamp)]
    pub published_at: NaiveDateTime,
}

impl Listed {
    pub fn status(&self) -> Status {
        Status::of_flag(self.publication_flag.as_deref())
    }

    pub fn path(&self) -> String {
        format!("/clarifications/{}", self.reference)
    }

    /// See [`Clarification::in_revision_backlog`].
    pub fn in_revision_backlog(&self) -> bool {
        in_revision_backlog(self.consider_at_revision, self.status())
    }
}

/// Every published clarification of a standard, in natural clause order.
/// A standard may have thousands: only what its list shows is read.
pub fn of_standard(conn: &mut DbConn, slug: &str) -> QueryResult<Vec<Listed>> {
    let mut statement = Statement::new("SELECT ");
    statement.push(LISTED_COLUMNS);
    statement.push(
        " FROM requests r WHERE r.state = 'published' \
         AND r.standard_id = (SELECT id FROM standards WHERE slug = ",
    );
    statement.bind(Value::Text(slug.to_owned()));
    statement.push(")");
    let mut all: Vec<Listed> = statement.load(conn)?;
    // Each clause's key is worked out once, not at every comparison.
    all.sort_by_cached_key(|c| {
        (
            clauses::ClauseKey::of(&c.clause),
            c.clause.clone(),
            c.reference.clone(),
        )
    });
    Ok(all)
}

/// The newest clarifications, for the home page and the feeds.
pub fn latest(
    conn: &mut DbConn,
    standard: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<Clarification>> {
    let filters = Filters {
        standard: standard.map(str::to_owned),
        page: 1,
        ..Filters::default()
    };
    newest(conn, &filters, None, Window { limit, offset: 0 })
}

/// Published clarifications per standard id: (all, in the revision backlog).
pub fn counts_by_standard(conn: &mut DbConn) -> QueryResult<HashMap<String, (i64, i64)>> {
    let rows: Vec<(String, bool, Option<String>)> = requests::table
        .filter(requests::state.eq(State::Published.as_str()))
        .select((
            requests::standard_id,
            requests::consider_at_revision,
            requests::publication_flag,
        ))
        .load(conn)?;
    let mut counts: HashMap<String, (i64, i64)> = HashMap::new();
    for (standard, consider, flag) in rows {
        let entry = counts.entry(standard).or_default();
        entry.0 += 1;
        if consider
            && matches!(
                Status::of_flag(flag.as_deref()),
                Status::Current | Status::Superseded
            )
        {
            entry.1 += 1;
        }
    }
    Ok(counts)
}

/// The years in which something was published, newest first.
pub fn years(conn: &mut DbConn) -> QueryResult<Vec<i32>> {
    use chrono::Datelike;
    // Two queries, because each of them alone reads one end of the index;
    // asked together, SQLite reads the whole of it.
    let published = || requests::table.filter(requests::state.eq(State::Published.as_str()));
    let first: Option<NaiveDateTime> = published()
        .select(diesel::dsl::min(requests::published_at))
        .first(conn)?;
    let last: Option<NaiveDateTime> = published()
        .select(diesel::dsl::max(requests::published_at))
        .first(conn)?;
    Ok(match (first, last) {
        (Some(first), Some(last)) => (first.year()..=last.year()).rev().collect(),
        _ => Vec::new(),
    })
}

/// The number triggers raise whenever anything the register shows changes
/// (see the `register_version` migration): pages kept in memory are right
/// as long as it stays the same.
pub fn version(conn: &mut DbConn) -> QueryResult<i64> {
    use crate::db::schema::register_version;
    register_version::table
        .select(register_version::version)
        .first(conn)
}

/// The clause as the clause index holds it. Its ranges hold in byte
/// order: SQLite's own, and PostgreSQL's "C" collation, which the comment
/// becomes there (see [`Statement::load`]).
const CLAUSE_KEY: &str = "lower(r.clause) /*C*/";

/// A value bound to a placeholder.
enum Value {
    Text(String),
    Int(i64),
    Time(NaiveDateTime),
}

/// SQL text with `?` placeholders (numbered `$n` for PostgreSQL when run)
/// and the values bound to them, in order.
struct Statement {
    sql: String,
    values: Vec<Value>,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

impl Statement {
    fn new(sql: &str) -> Statement {
        Statement {
            sql: sql.to_owned(),
            values: Vec::new(),
        }
    }

    fn push(&mut self, sql: &str) {
        self.sql.push_str(sql);
    }

    fn bind(&mut self, value: Value) {
        self.sql.push('?');
        self.values.push(value);
    }

    /// Binds each of `texts`, separated by commas: the inside of `IN (…)`,
    /// which must not be empty.
    fn bind_list(&mut self, texts: &[String]) {
        for (i, text) in texts.iter().enumerate() {
            if i > 0 {
                self.push(", ");
            }
            self.bind(Value::Text(text.clone()));
        }
    }

    fn limit(&mut self, limit: i64, offset: i64) {
        self.push(" LIMIT ");
        self.bind(Value::Int(limit));
        self.push(" OFFSET ");
        self.bind(Value::Int(offset));
    }

    fn count(self, conn: &mut DbConn) -> QueryResult<i64> {
        Ok(self.load::<Count>(conn)?.first().map_or(0, |count| count.n))
    }

    fn load<T>(self, conn: &mut DbConn) -> QueryResult<Vec<T>>
    where
        T: QueryableByName<Sqlite> + QueryableByName<Pg> + 'static,
    {
        match conn {
            DbConn::Sqlite(conn) => bound::<Sqlite>(self.sql, self.values).load(conn),
            DbConn::Postgres(conn) => {
                let sql = self.sql.replace("/*C*/", "COLLATE \"C\"");
                let mut numbered = String::with_capacity(sql.len() + 16);
                let mut n = 0;
                for c in sql.chars() {
                    if c == '?' {
                        n += 1;
                        numbered.push_str(&format!("${n}"));
                    } else {
                        numbered.push(c);
                    }
                }
                bound::<Pg>(numbered, self.values).load(conn)
            }
        }
    }
}

fn bound<DB>(sql: String, values: Vec<Value>) -> BoxedSqlQuery<'static, DB, SqlQuery>
where
    DB: Backend + HasSqlType<Text> + HasSqlType<BigInt> + HasSqlType<Timestamp>,
    String: ToSql<Text, DB>,
    i64: ToSql<BigInt, DB>,
    NaiveDateTime: ToSql<Timestamp, DB>,
{
    values.into_iter().fold(
        diesel::sql_query(sql).into_boxed(),
        |query, value| match value {
            Value::Text(text) => query.bind::<Text, _>(text),
            Value::Int(number) => query.bind::<BigInt, _>(number),
            Value::Time(at) => query.bind::<Timestamp, _>(at),
        },
    )
}
