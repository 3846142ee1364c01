//! The public register's rows: published clarifications as its pages,
//! lists, feeds and the API read them, newest first or by standard, and
//! narrowed by filters. Finding them by words is [`crate::search`]'s.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::dsl;
use diesel::expression::{AppearsOnTable, Expression, ValidGrouping};
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::query_builder::{
    AstPass, BoxedSelectStatement, FromClause, Query, QueryFragment, QueryId,
};
use diesel::query_source::{AppearsInFromClause, Once, QuerySource};
use diesel::sql_types::Text;
use diesel::sqlite::Sqlite;

use crate::db::schema::{
    clarification_numbers, clarification_translations, corrected_clarifications, groups, requests,
    standards,
};
use crate::db::sql::{self, Substr, lower, one_of, substr};
use crate::db::{DbConn, MultiBackend};
use crate::domain::lifecycle::State;
use crate::domain::search::{Filters, Status};
use crate::domain::{clauses, excerpt, markdown};
use crate::i18n::Lang;
use crate::models::groups::Group;
use crate::models::requests::Request;
use crate::models::standards::Standard;
use crate::models::translations::{self, FRENCH, Translated, Translation};

/// A published clarification with everything the public may see of it, and
/// when it was found by words, its question and an excerpt of its answer
/// with the matched words marked (see [`excerpt`]).
#[derive(Debug, Clone)]
pub struct Clarification {
    /// The request's id: what other tables know it by.
    pub id: String,
    pub reference: String,
    pub clause: String,
    pub question: String,
    pub answer: String,
    /// The answer as rendered when it was published; none before that,
    /// and for answers published before it was kept.
    pub published_html: Option<String>,
    pub publication_flag: Option<String>,
    pub publication_flag_note: Option<String>,
    pub consider_at_revision: bool,
    pub is_sample: bool,
    pub decided_at: Option<NaiveDateTime>,
    pub published_at: NaiveDateTime,
    pub standard_slug: String,
    pub standard_designation: String,
    pub standard_edition: i32,
    pub standard_title: String,
    pub standard_title_fr: Option<String>,
    pub standard_is_current: bool,
    pub group_code: Option<String>,
    pub group_name: Option<String>,
    pub group_name_fr: Option<String>,
    pub question_marked: Option<String>,
    pub answer_marked: Option<String>,
    /// The version in force (1 until corrected), when it was issued if it
    /// corrects an earlier one, and the note saying why.
    pub version: i32,
    pub corrected_at: Option<NaiveDateTime>,
    pub correction_note: Option<String>,
    /// Its number within its standard and edition, given at publication;
    /// none in a preview before it.
    pub number: Option<i32>,
    /// Its French version, where a page reads it (see
    /// [`Clarification::with_french`]); none otherwise.
    pub french: Option<Translation>,
}

impl Clarification {
    /// The clarification `request` becomes once published `at`: what the
    /// secretariat previews before publishing.
    pub fn once_published(
        request: &Request,
        standard: &Standard,
        group: Option<&Group>,
        at: NaiveDateTime,
        consider_at_revision: bool,
    ) -> Clarification {
        Clarification {
            id: request.id.clone(),
            reference: request.reference.clone().unwrap_or_default(),
            clause: request.clause.clone(),
            question: request.question.clone(),
            answer: request.answer.clone().unwrap_or_default(),
            published_html: None,
            publication_flag: None,
            publication_flag_note: None,
            consider_at_revision,
            is_sample: request.is_sample,
            decided_at: request.decided_at,
            published_at: at,
            standard_slug: standard.slug.clone(),
            standard_designation: standard.designation.clone(),
            standard_edition: standard.edition,
            standard_title: standard.title.clone(),
            standard_title_fr: standard.title_fr.clone(),
            standard_is_current: standard.is_current(),
            group_code: group.map(|g| g.code.clone()),
            group_name: group.map(|g| g.name.clone()),
            group_name_fr: group.and_then(|g| g.name_fr.clone()),
            question_marked: None,
            answer_marked: None,
            version: 1,
            corrected_at: None,
            correction_note: None,
            number: None,
            french: None,
        }
    }

    pub fn status(&self) -> Status {
        Status::of_flag(self.publication_flag.as_deref())
    }

    /// The whole answer as sanitised HTML: as rendered at publication, or
    /// now.
    pub fn rendered_answer(&self) -> String {
        match &self.published_html {
            Some(html) => html.clone(),
            None => markdown::to_safe_html(&self.answer),
        }
    }

    /// Its standard's title as a page in `lang` shows it.
    pub fn standard_title_in(&self, lang: &crate::i18n::Lang) -> &str {
        crate::models::standards::in_lang(
            lang,
            &self.standard_title,
            self.standard_title_fr.as_deref(),
        )
    }

    /// Its group's name as a page in `lang` shows it.
    pub fn group_name_in(&self, lang: &crate::i18n::Lang) -> Option<&str> {
        let english = self.group_name.as_deref()?;
        Some(crate::models::standards::in_lang(
            lang,
            english,
            self.group_name_fr.as_deref(),
        ))
    }

    /// "ISO/IEC 17025:2017".
    pub fn standard_label(&self) -> String {
        format!("{}:{}", self.standard_designation, self.standard_edition)
    }

    pub fn path(&self) -> String {
        format!("/clarifications/{}", self.reference)
    }

    /// When its text last changed: its publication or its latest
    /// correction.
    pub fn last_changed(&self) -> NaiveDateTime {
        self.corrected_at.unwrap_or(self.published_at)
    }

    /// The permanent address of the version shown.
    pub fn version_path(&self) -> String {
        format!("/clarifications/{}/v{}", self.reference, self.version)
    }

    /// Where the version in force is a PDF document.
    pub fn pdf_path(&self) -> String {
        format!("/clarifications/{}.pdf", self.reference)
    }

    /// Where the version shown is a PDF document.
    pub fn version_pdf_path(&self) -> String {
        format!("{}.pdf", self.version_path())
    }

    /// How the numbered document is cited: "ISO/IEC 17065:2012
    /// Clarification 3"; none before publication.
    pub fn designation(&self) -> Option<String> {
        self.number
            .map(|number| format!("{} Clarification {number}", self.standard_label()))
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

    /// Its French version, if `lang` is French and it has one: what a
    /// list in that language shows instead of the English.
    pub fn french_in(&self, lang: &Lang) -> Option<&Translation> {
        self.french.as_ref().filter(|_| lang.tag() == FRENCH)
    }

    /// The question as a list in `lang` shows it: its French version on a
    /// French page, else as [`Clarification::question_html`].
    pub fn question_html_in(&self, lang: &Lang) -> String {
        match self.french_in(lang) {
            Some(french) => excerpt::to_html(&french.question, 300),
            None => self.question_html(),
        }
    }

    /// The start of the answer as a list in `lang` shows it.
    pub fn answer_html_in(&self, lang: &Lang) -> String {
        match self.french_in(lang) {
            Some(french) => excerpt::to_html(&french.answer, 280),
            None => self.answer_html(),
        }
    }

    /// Whether its French version translates another version of the
    /// English than the one shown: a correction came since.
    pub fn french_translates_another_version(&self) -> bool {
        self.french
            .as_ref()
            .is_some_and(|french| french.of_version != self.version)
    }

    /// `items`, published clarifications, with their French versions,
    /// read in one query.
    pub fn with_french(conn: &mut DbConn, items: &mut [Clarification]) -> QueryResult<()> {
        let ids: Vec<&str> = items.iter().map(|item| item.id.as_str()).collect();
        let mut french = translations::of_requests(conn, &ids, FRENCH)?;
        for item in items {
            item.french = french.remove(&item.id);
        }
        Ok(())
    }

    /// On the next revision's list: flagged for it, and neither incorporated
    /// yet nor withdrawn.
    pub fn in_revision_backlog(&self) -> bool {
        in_revision_backlog(self.consider_at_revision, self.status())
    }
}

impl Translated for Clarification {
    fn english_question(&self) -> &str {
        &self.question
    }

    fn french_question(&self) -> Option<&str> {
        self.french.as_ref().map(|french| french.question.as_str())
    }
}

/// Whether a clarification is on its standard's next revision's list:
/// flagged for it, and neither incorporated yet nor withdrawn.
pub fn in_revision_backlog(consider_at_revision: bool, status: Status) -> bool {
    consider_at_revision && matches!(status, Status::Current | Status::Superseded)
}

/// A published clarification as a list reads it, with its standard and
/// group joined.
#[derive(Queryable, Selectable)]
#[diesel(table_name = requests)]
struct Row {
    id: String,
    #[diesel(select_expression = requests::reference.assume_not_null())]
    #[diesel(select_expression_type = dsl::AssumeNotNull<requests::reference>)]
    reference: String,
    clause: String,
    question: String,
    answer: Option<String>,
    answer_html: Option<String>,
    publication_flag: Option<String>,
    publication_flag_note: Option<String>,
    consider_at_revision: bool,
    is_sample: bool,
    decided_at: Option<NaiveDateTime>,
    #[diesel(select_expression = requests::published_at.assume_not_null())]
    #[diesel(select_expression_type = dsl::AssumeNotNull<requests::published_at>)]
    published_at: NaiveDateTime,
    #[diesel(select_expression = standards::slug)]
    standard_slug: String,
    #[diesel(select_expression = standards::designation)]
    standard_designation: String,
    #[diesel(select_expression = standards::edition)]
    standard_edition: i32,
    #[diesel(select_expression = standards::title)]
    standard_title: String,
    #[diesel(select_expression = standards::title_fr)]
    standard_title_fr: Option<String>,
    #[diesel(select_expression = standards::superseded_by_id.is_null())]
    #[diesel(select_expression_type = dsl::IsNull<standards::superseded_by_id>)]
    standard_is_current: bool,
    #[diesel(select_expression = groups::code.nullable())]
    #[diesel(select_expression_type = dsl::Nullable<groups::code>)]
    group_code: Option<String>,
    #[diesel(select_expression = groups::name.nullable())]
    #[diesel(select_expression_type = dsl::Nullable<groups::name>)]
    group_name: Option<String>,
    #[diesel(select_expression = groups::name_fr.nullable())]
    #[diesel(select_expression_type = dsl::Nullable<groups::name_fr>)]
    group_name_fr: Option<String>,
    #[diesel(select_expression = corrected_clarifications::version.nullable())]
    #[diesel(select_expression_type = dsl::Nullable<corrected_clarifications::version>)]
    version: Option<i32>,
    #[diesel(select_expression = corrected_clarifications::corrected_at.nullable())]
    #[diesel(select_expression_type = dsl::Nullable<corrected_clarifications::corrected_at>)]
    corrected_at: Option<NaiveDateTime>,
    #[diesel(select_expression = corrected_clarifications::note.nullable())]
    #[diesel(select_expression_type = dsl::Nullable<corrected_clarifications::note>)]
    correction_note: Option<String>,
    #[diesel(select_expression = clarification_numbers::number.nullable())]
    #[diesel(select_expression_type = dsl::Nullable<clarification_numbers::number>)]
    number: Option<i32>,
}

impl From<Row> for Clarification {
    fn from(row: Row) -> Self {
        Clarification {
            id: row.id,
            reference: row.reference,
            clause: row.clause,
            question: row.question,
            answer: row.answer.unwrap_or_default(),
            published_html: row.answer_html,
            publication_flag: row.publication_flag,
            publication_flag_note: row.publication_flag_note,
            consider_at_revision: row.consider_at_revision,
            is_sample: row.is_sample,
            decided_at: row.decided_at,
            published_at: row.published_at,
            standard_slug: row.standard_slug,
            standard_designation: row.standard_designation,
            standard_edition: row.standard_edition,
            standard_title: row.standard_title,
            standard_title_fr: row.standard_title_fr,
            standard_is_current: row.standard_is_current,
            group_code: row.group_code,
            group_name: row.group_name,
            group_name_fr: row.group_name_fr,
            question_marked: None,
            answer_marked: None,
            version: row.version.unwrap_or(1),
            corrected_at: row.corrected_at,
            correction_note: row.correction_note,
            number: row.number,
            french: None,
        }
    }
}

/// Requests with their standard and group, as [`Row`] reads them.
#[dsl::auto_type]
fn with_names() -> _ {
    requests::table
        .inner_join(standards::table)
        .left_join(groups::table.on(requests::group_id.eq(groups::id.nullable())))
        .left_join(corrected_clarifications::table)
        .left_join(clarification_numbers::table)
}

/// Which rows of the ordered matches to load.
#[derive(Clone, Copy)]
pub struct Window {
    pub limit: i64,
    pub offset: i64,
}

impl Window {
    /// The page of results the filters ask for.
    pub fn page(filters: &Filters) -> Window {
        Window {
            limit: filters.per_page,
            offset: filters.offset(),
        }
    }
}

/// The filters' clarifications, newest first (after the one published at
/// this moment with this reference, if any), without counting them.
pub fn newest(
    conn: &mut DbConn,
    filters: &Filters,
    after: Option<&(NaiveDateTime, String)>,
    window: Window,
) -> QueryResult<Vec<Clarification>> {
    let mut page = narrowed(with_names().select(Row::as_select()).into_boxed(), filters);
    if let Some((published_at, reference)) = after {
        // The first condition alone reads a range of the index by date.
        page = page
            .filter(requests::published_at.le(*published_at))
            .filter(
                requests::published_at
                    .lt(*published_at)
                    .or(requests::reference.lt(reference.clone())),
            );
    }
    let page = page
        .order((requests::published_at.desc(), requests::reference.desc()))
        .limit(window.limit)
        .offset(window.offset);
    // SQLite plans a statement the same whatever its values: it keeps it.
    let rows: Vec<Row> = match conn {
        DbConn::Sqlite(_) => page.load(conn)?,
        DbConn::Postgres(_) => Uncached(page).load(conn)?,
    };
    Ok(rows.into_iter().map(Clarification::from).collect())
}

/// A boxed query of requests, alone or with their standards and groups.
pub type Boxed<'a, ST, QS> = BoxedSelectStatement<'a, ST, FromClause<QS>, MultiBackend>;

/// `query` narrowed to the published clarifications that pass the filters.
fn narrowed<'a, ST, QS>(query: Boxed<'a, ST, QS>, filters: &Filters) -> Boxed<'a, ST, QS>
where
    QS: QuerySource + AppearsInFromClause<requests::table, Count = Once>,
{
    let mut query = query.filter(requests::state.eq(State::Published.as_str()));
    if let Some(slug) = &filters.standard {
        // By the request's own column, so that its index narrows the rows
        // before any join.
        query = query.filter(requests::standard_id.nullable().eq(standard_id(slug)));
    }
    if let Some(clause) = &filters.clause {
        query = within_clause(query, clause);
    }
    if let Some(year) = filters.year {
        let start = |year: i32| {
            NaiveDate::from_ymd_opt(year, 1, 1)
                .unwrap_or(NaiveDate::MAX)
                .and_hms_opt(0, 0, 0)
                .unwrap_or(NaiveDateTime::MAX)
        };
        query = query
            .filter(requests::published_at.ge(start(year)))
            .filter(requests::published_at.lt(start(year + 1)));
    }
    match filters.status.map(Status::flag) {
        None => query,
        Some(None) => query.filter(requests::publication_flag.is_null()),
        Some(Some(flag)) => query.filter(requests::publication_flag.eq(flag)),
    }
}

/// `query` narrowed to requests on `clause` or a clause under it (`7.2`
/// finds `7.2` and `7.2.1`, not `7.20`), read from the clause index.
pub fn within_clause<'a, ST, QS>(query: Boxed<'a, ST, QS>, clause: &str) -> Boxed<'a, ST, QS>
where
    QS: QuerySource + AppearsInFromClause<requests::table, Count = Once>,
{
    // The clause itself, or a clause under it. Every such clause lies in
    // one range, from `7.2` up to `7.2/` (the separators sort before
    // `/`), which the clause index answers; within it, the clause
    // itself or one range per separator (`7.2.` up to `7.2/`).
    let wanted = clause.trim().to_lowercase();
    let after = |separator: char| {
        let next = char::from_u32(separator as u32 + 1).unwrap_or(char::MAX);
        format!("{wanted}{next}")
    };
    let key = || ByteOrder(lower(requests::clause));
    let within = |from: String, to: String| key().ge(from).and(key().lt(to));
    let last = clauses::SEPARATORS.into_iter().max().unwrap_or('.');
    // A separator added fails to compile here rather than go unread.
    let [a, b, c, d] = clauses::SEPARATORS
        .map(|separator| within(format!("{wanted}{separator}"), after(separator)));
    query
        .filter(within(wanted.clone(), after(last)))
        .filter(key().eq(wanted.clone()).or(a).or(b).or(c).or(d))
}

/// The id of the standard with this slug, as a subquery. Boxed: diesel
/// refuses a plain subquery on a table its query joins, though SQL reads
/// the two apart.
fn standard_id(
    slug: &str,
) -> dsl::SingleValue<BoxedSelectStatement<'static, Text, FromClause<standards::table>, MultiBackend>>
{
    standards::table
        .select(standards::id)
        .filter(standards::slug.eq(slug.to_owned()))
        .into_boxed()
        .single_value()
}

/// An expression compared in byte order, as the clause index holds its
/// keys so that a clause's ranges hold: SQLite compares so by default,
/// PostgreSQL with the "C" collation. The one part of the register's
/// queries that differs between the backends.
#[derive(Clone, Copy, QueryId, ValidGrouping)]
struct ByteOrder<E>(E);

impl<E: Expression> Expression for ByteOrder<E> {
    type SqlType = E::SqlType;
}

impl<E: AppearsOnTable<QS>, QS> AppearsOnTable<QS> for ByteOrder<E> {}

impl<E: QueryFragment<Sqlite>> QueryFragment<Sqlite> for ByteOrder<E> {
    fn walk_ast<'b>(&'b self, pass: AstPass<'_, 'b, Sqlite>) -> QueryResult<()> {
        self.0.walk_ast(pass)
    }
}

impl<E: QueryFragment<Pg>> QueryFragment<Pg> for ByteOrder<E> {
    fn walk_ast<'b>(&'b self, mut pass: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        self.0.walk_ast(pass.reborrow())?;
        pass.push_sql(" COLLATE \"C\"");
        Ok(())
    }
}

impl<E> QueryFragment<MultiBackend> for ByteOrder<E>
where
    Self: QueryFragment<Sqlite> + QueryFragment<Pg>,
{
    fn walk_ast<'b>(&'b self, pass: AstPass<'_, 'b, MultiBackend>) -> QueryResult<()> {
        MultiBackend::walk_variant_ast(self, pass)
    }
}

/// A query prepared afresh at every use on PostgreSQL, as the register's
/// lists were while written as SQL text, rather than kept by the
/// connection. A list whose best plan depends on how many rows its filters
/// hold is then planned with its values: kept, PostgreSQL settles after
/// five uses on one plan for all values, which on the benchmark's register
/// counted the current clarifications in 86 ms instead of 47. Lookups by a
/// unique key are kept.
struct Uncached<Q>(Q);

impl<Q: Query> Query for Uncached<Q> {
    type SqlType = Q::SqlType;
}

impl<Q> QueryId for Uncached<Q> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q: QueryFragment<MultiBackend>> QueryFragment<MultiBackend> for Uncached<Q> {
    fn walk_ast<'b>(&'b self, mut pass: AstPass<'_, 'b, MultiBackend>) -> QueryResult<()> {
        pass.unsafe_to_cache_prepared();
        self.0.walk_ast(pass)
    }
}

impl<Q> RunQueryDsl<DbConn> for Uncached<Q> {}

/// The published clarification `reference`, with its standard and group.
#[dsl::auto_type(no_type_alias)]
fn published_named<'a>(reference: &'a str) -> _ {
    let published: &'static str = State::Published.as_str();
    with_names()
        .filter(requests::state.eq(published))
        .filter(requests::reference.eq(reference))
}

/// One published clarification by its reference.
pub fn find(conn: &mut DbConn, reference: &str) -> QueryResult<Option<Clarification>> {
    let row: Option<Row> = sql::on_own_backend!(conn, |own| published_named(reference)
        .select(Row::as_select())
        .get_result(own)
        .optional())?;
    Ok(row.map(Clarification::from))
}

/// Which of the records a clarification's page shows beside it the
/// clarification has. Most have none, so its page reads only those it has.
#[derive(Clone, Copy, Debug, Default)]
pub struct Beside {
    pub french: bool,
    pub links: bool,
    pub appeal_notice: bool,
}

/// The published clarification `reference` and which records beside it
/// it has, in one statement: on a cold page, each statement saved is a
/// round trip on PostgreSQL and a compiled lookup on SQLite.
pub fn find_with_beside(
    conn: &mut DbConn,
    reference: &str,
) -> QueryResult<Option<(Clarification, Beside)>> {
    use crate::db::schema::{appeals, publication_links};
    let found: Option<(Row, bool, bool, bool)> =
        sql::on_own_backend!(conn, |own| published_named(reference)
            .select((
                Row::as_select(),
                dsl::exists(
                    clarification_translations::table
                        .filter(clarification_translations::request_id.eq(requests::id))
                        .filter(clarification_translations::language.eq(FRENCH)),
                ),
                dsl::exists(
                    publication_links::table.filter(
                        publication_links::reference
                            .eq(reference)
                            .or(publication_links::successor.eq(reference)),
                    ),
                ),
                dsl::exists(
                    appeals::table
                        .filter(appeals::request_id.eq(requests::id))
                        .filter(appeals::public_notice.eq(true)),
                ),
            ))
            .get_result(own)
            .optional())?;
    Ok(found.map(|(row, french, links, appeal_notice)| {
        (
            Clarification::from(row),
            Beside {
                french,
                links,
                appeal_notice,
            },
        )
    }))
}

/// Up to `limit` published clarifications of the standard `standard_id`
/// numbered after `after`, in number order: a standard's set read a
/// part at a time, however large.
pub fn numbered_after(
    conn: &mut DbConn,
    standard_id: &str,
    after: i32,
    limit: i64,
) -> QueryResult<Vec<Clarification>> {
    let rows: Vec<Row> = with_names()
        .filter(requests::state.eq(State::Published.as_str()))
        .filter(clarification_numbers::standard_id.eq(standard_id))
        .filter(clarification_numbers::number.gt(after))
        .order(clarification_numbers::number)
        .limit(limit)
        .select(Row::as_select())
        .load(conn)?;
    Ok(rows.into_iter().map(Clarification::from).collect())
}

/// A line of a standard's list: what the list shows of a clarification,
/// the start of its question, not its answer.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = requests)]
pub struct Listed {
    #[diesel(select_expression = requests::reference.assume_not_null())]
    #[diesel(select_expression_type = dsl::AssumeNotNull<requests::reference>)]
    pub reference: String,
    pub clause: String,
    /// The start of the question: one character more than lists show, so
    /// that they know when they cut it.
    #[diesel(select_expression = substr(requests::question, 1, 201))]
    #[diesel(select_expression_type = Substr<requests::question, i32, i32>)]
    pub question: String,
    pub publication_flag: Option<String>,
    pub consider_at_revision: bool,
    pub is_sample: bool,
    #[diesel(select_expression = requests::published_at.assume_not_null())]
    #[diesel(select_expression_type = dsl::AssumeNotNull<requests::published_at>)]
    pub published_at: NaiveDateTime,
    /// Its question in French, where it has a French version.
    #[diesel(select_expression = clarification_translations::question.nullable())]
    #[diesel(select_expression_type = dsl::Nullable<clarification_translations::question>)]
    pub french_question: Option<String>,
}

impl Translated for Listed {
    fn english_question(&self) -> &str {
        &self.question
    }

    fn french_question(&self) -> Option<&str> {
        self.french_question.as_deref()
    }
}

impl Listed {
    pub fn status(&self) -> Status {
        Status::of_flag(self.publication_flag.as_deref())
    }

    pub fn path(&self) -> String {
        format!("/clarifications/{}", self.reference)
    }
}

/// The clarifications of `ids` as lists show them, in the order of `ids`.
/// By id alone: with a condition on the state as well, SQLite reads every
/// published request through the state's index instead.
pub fn listed(conn: &mut DbConn, ids: &[String]) -> QueryResult<Vec<Listed>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut rows: Vec<(String, Listed)> = sql::on_own_backend!(conn, |own| requests::table
        .left_join(translations::french_of_request())
        .filter(one_of(requests::id, ids))
        .select((requests::id, Listed::as_select()))
        .load(own))?;
    in_order_of(ids, &mut rows, |(id, _)| id.as_str());
    Ok(rows.into_iter().map(|(_, listed)| listed).collect())
}

/// Sorts `rows`, read by id in no order, into the order of `ids`.
pub fn in_order_of<T>(ids: &[String], rows: &mut [T], id: impl Fn(&T) -> &str) {
    let order: HashMap<&str, usize> = ids
        .iter()
        .enumerate()
        .map(|(at, id)| (id.as_str(), at))
        .collect();
    rows.sort_by_key(|row| order.get(id(row)).copied());
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
