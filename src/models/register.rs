//! The public register: published clarifications, found by words and
//! filters. Full-text search is backend-specific (FTS5 on SQLite, a
//! weighted `tsvector` on PostgreSQL, both kept by triggers), so the
//! queries are SQL text built here, with every value bound.

use std::collections::HashMap;

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
pub fn search(conn: &mut DbConn, filters: &Filters) -> QueryResult<Results> {
    run(conn, filters, Window::page(filters))
}

/// Every clarification a search finds, up to `limit`, in the order of its
/// pages: what a download holds, read at once rather than page by page.
pub fn search_all(conn: &mut DbConn, filters: &Filters, limit: i64) -> QueryResult<Results> {
    run(conn, filters, Window { limit, offset: 0 })
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

fn run(conn: &mut DbConn, filters: &Filters, window: Window) -> QueryResult<Results> {
    let terms = filters.terms();
    if terms.is_empty() {
        return browse(conn, filters, window);
    }
    let all = matching(conn, filters, &terms, Join::All, window)?;
    if all.total > 0 || terms.len() == 1 {
        return Ok(all);
    }
    let mut any = matching(conn, filters, &terms, Join::Any, window)?;
    any.broadened = any.total > 0;
    Ok(any)
}

fn browse(conn: &mut DbConn, filters: &Filters, window: Window) -> QueryResult<Results> {
    // No filter needs the joined tables: the count is read from indexes.
    let mut count = Statement::new("SELECT count(*) AS n FROM requests r ");
    count.push(" WHERE r.state = 'published'");
    narrow(&mut count, filters);
    let total = count.count(conn)?;
    Ok(Results {
        total,
        items: newest(conn, filters, window)?,
        broadened: false,
    })
}

/// The filters' clarifications, newest first, without counting them.
fn newest(conn: &mut DbConn, filters: &Filters, window: Window) -> QueryResult<Vec<Clarification>> {
    let mut page = Statement::new("SELECT ");
    page.push(COLUMNS);
    page.push(", NULL AS question_marked, NULL AS answer_marked FROM requests r ");
    page.push(JOINS);
    page.push(" WHERE r.state = 'published'");
    narrow(&mut page, filters);
    page.push(" ORDER BY r.published_at DESC, r.reference DESC");
    page.limit(window.limit, window.offset);
    page.load(conn)
}

#[derive(Clone, Copy)]
enum Join {
    All,
    Any,
}

fn matching(
    conn: &mut DbConn,
    filters: &Filters,
    terms: &[String],
    join: Join,
    window: Window,
) -> QueryResult<Results> {
    let facets = facets(filters);
    if matches!(conn, DbConn::Sqlite(_)) {
        let words = terms
            .iter()
            .map(|t| format!("\"{t}\""))
            .collect::<Vec<_>>()
            .join(match join {
                Join::All => " ",
                Join::Any => " OR ",
            });
        let mut expression = format!("{{clause question answer standard title}} : ({words})");
        if !facets.is_empty() {
            expression.push_str(&format!(" AND facets : ({})", facets.join(" AND ")));
        }
        return ranked_by_index_alone(conn, &expression, terms, window);
    }
    let words = terms.join(match join {
        Join::All => " & ",
        Join::Any => " | ",
    });
    // The words rank; the facets only narrow.
    let from_matches = |statement: &mut Statement| {
        statement.push(" FROM clarification_search f, to_tsquery('english', ");
        statement.bind(Value::Text(words.clone()));
        statement.push(") AS q(query) WHERE f.document @@ (q.query");
        if !facets.is_empty() {
            statement.push(" && ");
            statement.bind(Value::Text(facets.join(" & ")));
            statement.push("::tsquery");
        }
        statement.push(")");
    };
    let mut count = Statement::new("SELECT count(*) AS n");
    from_matches(&mut count);
    let total = count.count(conn)?;

    // As on SQLite, the newest matches are ranked, at least RANKED of them;
    // the page is then cut, so that only its rows pay for the excerpts.
    let mut newest = Statement::new("SELECT f.request_id, f.document, f.published_at, q.query");
    from_matches(&mut newest);
    newest.push(" ORDER BY f.published_at DESC LIMIT ");
    newest.bind(Value::Int(RANKED.max(window.offset + window.limit)));
    let mut ranked = Statement::new(
        "SELECT n.request_id, n.query, ts_rank(n.document, n.query) AS score FROM (",
    );
    ranked.append(newest);
    ranked.push(") n ORDER BY score DESC, n.published_at DESC");
    ranked.limit(window.limit, window.offset);
    let mut page = Statement::new("SELECT ");
    page.push(COLUMNS);
    page.push(
        ", ts_headline('english', r.question, m.query, \
         'HighlightAll=true, StartSel=' || chr(57344) || ', StopSel=' || chr(57345)) AS question_marked, \
         ts_headline('english', coalesce(r.answer, ''), m.query, \
         'MaxWords=45, MinWords=20, StartSel=' || chr(57344) || ', StopSel=' || chr(57345)) AS answer_marked \
         FROM (",
    );
    page.append(ranked);
    page.push(") m JOIN requests r ON r.id = m.request_id ");
    page.push(JOINS);
    page.push(" ORDER BY m.score DESC, r.published_at DESC");
    Ok(Results {
        total,
        items: page.load(conn)?,
        broadened: false,
    })
}

/// The filters as words of the full-text index (see the `search_facets`
/// migrations, which write the same words for each clarification): one
/// per filter given, in hexadecimal so that no tokenizer splits it.
fn facets(filters: &Filters) -> Vec<String> {
    let hex = |value: &str| {
        value
            .bytes()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    let mut facets = Vec::new();
    if let Some(slug) = &filters.standard {
        facets.push(format!("zs{}0", hex(slug)));
    }
    if let Some(clause) = &filters.clause {
        facets.push(format!("zc{}0", hex(&clause.trim().to_lowercase())));
    }
    if let Some(year) = filters.year {
        facets.push(format!("zy{year}"));
    }
    if let Some(status) = filters.status {
        facets.push(format!("zf{}0", hex(status.as_str())));
    }
    facets
}

/// SQLite's relevance: columns of the index are 1 clause, 2 question,
/// 3 answer, 4 standard, 5 title; the clause and the standard weigh most,
/// the title least, since every clarification of a standard shares it.
const BM25: &str = "bm25(clarification_search, 0.0, 4.0, 2.0, 1.0, 4.0, 0.2)";

#[derive(QueryableByName)]
struct Row {
    #[diesel(sql_type = BigInt)]
    rowid: i64,
    #[diesel(embed)]
    clarification: Clarification,
}

#[derive(QueryableByName)]
struct RowId {
    #[diesel(sql_type = BigInt)]
    rowid: i64,
}

/// How many of the newest matches a search ranks by relevance.
const RANKED: i64 = 2000;

/// A search on SQLite: counted and ranked in the index, filters included
/// (as facets), without reading a clarification; only the page's rows are
/// then read with their excerpts. Joining every match to its clarification first
/// costs far more than the ranking once a word is common.
fn ranked_by_index_alone(
    conn: &mut DbConn,
    expression: &str,
    terms: &[String],
    window: Window,
) -> QueryResult<Results> {
    let mut count = Statement::new(
        "SELECT count(*) AS n FROM clarification_search WHERE clarification_search MATCH ",
    );
    count.bind(Value::Text(expression.to_owned()));
    let total = count.count(conn)?;
    // A common word matches a large share of the register, and ranking
    // costs a little for every match: the newest matches are ranked, at
    // least RANKED of them, and as many as the page asked for needs.
    let ranked_matches = RANKED.max(window.offset + window.limit);
    let mut ranked = Statement::new("SELECT rowid FROM (SELECT rowid, ");
    ranked.push(BM25);
    ranked.push(" AS score FROM clarification_search WHERE clarification_search MATCH ");
    ranked.bind(Value::Text(expression.to_owned()));
    // Rows enter the index as they are published: newest last.
    ranked.push(" ORDER BY rowid DESC LIMIT ");
    ranked.bind(Value::Int(ranked_matches));
    ranked.push(") ORDER BY score, rowid DESC");
    ranked.limit(window.limit, window.offset);
    let order: Vec<i64> = ranked
        .load::<RowId>(conn)?
        .into_iter()
        .map(|r| r.rowid)
        .collect();
    if order.is_empty() {
        return Ok(Results {
            total,
            items: Vec::new(),
            broadened: false,
        });
    }
    // The page's rows by their ids alone: FTS5's highlight() and snippet()
    // would need the search again for each row, which reads every match
    // of its words (a millisecond a row for a common word), so the words
    // are marked here instead.
    let mut page = Statement::new("SELECT f.rowid AS rowid, ");
    page.push(COLUMNS);
    page.push(", NULL AS question_marked, NULL AS answer_marked ");
    page.push("FROM clarification_search f CROSS JOIN requests r ON r.id = f.request_id ");
    page.push(JOINS);
    page.push(" WHERE f.rowid IN (");
    for (i, rowid) in order.iter().enumerate() {
        if i > 0 {
            page.push(", ");
        }
        page.bind(Value::Int(*rowid));
    }
    page.push(")");
    let mut rows = page.load::<Row>(conn)?;
    rows.sort_by_key(|row| order.iter().position(|id| *id == row.rowid));
    Ok(Results {
        total,
        items: rows
            .into_iter()
            .map(|row| {
                let mut found = row.clarification;
                found.question_marked = Some(excerpt::mark(&found.question, terms));
                found.answer_marked = Some(excerpt::from_first_mark(&excerpt::mark(
                    &found.answer,
                    terms,
                )));
                found
            })
            .collect(),
        broadened: false,
    })
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

/// Other clarifications of the same standard on the same clause or under it.
pub fn related(conn: &mut DbConn, to: &Clarification) -> QueryResult<Vec<Clarification>> {
    let filters = Filters {
        standard: Some(to.standard_slug.clone()),
        clause: Some(to.clause.clone()),
        page: 1,
        ..Filters::default()
    };
    let mut found = newest(conn, &filters, Window::page(&filters))?;
    found.retain(|c| c.reference != to.reference);
    found.sort_by(|a, b| clauses::compare(&a.clause, &b.clause));
    Ok(found)
}

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
    let mut statement = Statement::new(
        "SELECT r.reference AS reference, r.clause AS clause, \
         substr(r.question, 1, 201) AS question, r.publication_flag AS publication_flag, \
         r.consider_at_revision AS consider_at_revision, r.is_sample AS is_sample, \
         r.published_at AS published_at \
         FROM requests r WHERE r.state = 'published' \
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
    newest(conn, &filters, Window { limit, offset: 0 })
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

    /// Adds another statement's text and values, e.g. as a subquery.
    fn append(&mut self, other: Statement) {
        self.sql.push_str(&other.sql);
        self.values.extend(other.values);
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
