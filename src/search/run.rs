//! Running a search: the index held in memory finds and ranks the
//! clarifications, then the page of their rows is read. Once the index and
//! the form's choices are held at the search's version, the rows are all
//! it needs of the database, and the quickest way to read them depends on
//! the backend.

use std::sync::Arc;

use chrono::NaiveDateTime;
use diesel::dsl;
use diesel::prelude::*;

use super::index::{Choices, SearchIndex};
use super::rank::{Found, Index, StandardList};
use crate::db::DbConn;
use crate::db::schema::{clarification_numbers, corrected_clarifications, requests};
use crate::domain::clauses;
use crate::domain::excerpt;
use crate::domain::search::Filters;
use crate::models::register::{self, Clarification, Listed, Window};

/// What a search page shows: the choices of its form, and its results when
/// there were valid filters naming no unknown standard.
pub struct Searched {
    pub choices: Arc<Choices>,
    pub results: Option<Results>,
}

/// One page of a search.
#[derive(Debug, Clone)]
pub struct Results {
    pub total: i64,
    pub per_page: i64,
    pub items: Vec<Clarification>,
    /// No clarification holds every word, so these hold some of them.
    pub broadened: bool,
}

impl Results {
    pub fn pages(&self) -> i64 {
        (self.total + self.per_page - 1) / self.per_page
    }
}

pub fn knows_its_standard(choices: &Choices, filters: &Filters) -> bool {
    filters
        .standard
        .as_deref()
        .is_none_or(|slug| choices.knows(slug))
}

/// A page of published clarifications: by relevance when there are words
/// to look for, newest first otherwise. When every word together finds
/// nothing, clarifications with any of them are offered instead. Both are
/// picked and counted by the index in memory, then only the page's rows
/// are read. `version` is the register's if the caller has just read it.
pub fn search(
    conn: &mut DbConn,
    index: &SearchIndex,
    version: Option<i64>,
    filters: &Filters,
) -> QueryResult<Results> {
    let terms = filters.terms();
    let version = match version {
        Some(version) => version,
        None => register::version(conn)?,
    };
    let words = index.current(conn, Some(version))?;
    let (found, broadened) = matching(&words, &terms, filters, Window::page(filters));
    let names = index.choices(conn, version)?;
    let (names, rows) = named_rows(conn, names, &found.ids)?;
    Ok(Results {
        total: found.total as i64,
        per_page: filters.per_page,
        items: marked(&names, rows, &found.ids, &terms),
        broadened,
    })
}

/// A page of a search on PostgreSQL, by `words` and `names` held in memory:
/// its rows are its only query, sent without a thread to wait for the
/// answer (see [`crate::db::reads`]). None when the search needs more of
/// the database: a row naming a standard or group added since `names` were
/// read.
pub async fn search_held(
    conn: &diesel_async::AsyncPgConnection,
    words: &Index,
    names: &Choices,
    filters: &Filters,
) -> QueryResult<Option<Results>> {
    let terms = filters.terms();
    let (found, broadened) = matching(words, &terms, filters, Window::page(filters));
    let query = requests::table
        .left_join(corrected_clarifications::table)
        .left_join(clarification_numbers::table)
        .select(ById::as_select())
        .filter(requests::id.eq_any(&found.ids));
    let rows: Vec<ById> = diesel_async::RunQueryDsl::load(query, &mut &*conn).await?;
    if !rows.iter().all(|row| row.is_named(names)) {
        return Ok(None);
    }
    Ok(Some(Results {
        total: found.total as i64,
        per_page: filters.per_page,
        items: marked(names, rows, &found.ids, &terms),
        broadened,
    }))
}

/// The clarifications in `window` of those holding every word of `terms`,
/// or if none does, of those holding any; and whether it came to that.
pub(super) fn matching(
    words: &Index,
    terms: &[String],
    filters: &Filters,
    window: Window,
) -> (Found, bool) {
    let (offset, limit) = (window.offset as usize, window.limit as usize);
    if terms.is_empty() {
        return (words.newest(filters, offset, limit), false);
    }
    let found = words.search(terms, true, filters, offset, limit);
    if found.total == 0 && terms.len() > 1 {
        let any = words.search(terms, false, filters, offset, limit);
        let broadened = any.total > 0;
        return (any, broadened);
    }
    (found, false)
}

/// The rows of `ids` (see [`by_ids`]) and names for them: `names`, read at
/// the search's version, miss a standard or group added since; they are
/// read again then, rather than a row shown without them.
pub(super) fn named_rows(
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

/// The clarifications of `ids`, in that order, from their `rows`, named
/// from `names`, with the words of `terms` (if any) marked in their
/// question and the excerpt of their answer.
fn marked(
    names: &Choices,
    rows: Vec<ById>,
    ids: &[String],
    terms: &[String],
) -> Vec<Clarification> {
    if terms.is_empty() {
        return ordered(names, rows, ids);
    }
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
pub(super) fn ordered(names: &Choices, mut rows: Vec<ById>, ids: &[String]) -> Vec<Clarification> {
    register::in_order_of(ids, &mut rows, |row| row.id.as_str());
    rows.into_iter()
        .filter_map(|row| row.named(names))
        .collect()
}

/// A published clarification's own columns, as [`by_ids`] reads them.
#[derive(Queryable, Selectable)]
#[diesel(table_name = requests)]
pub(super) struct ById {
    id: String,
    reference: Option<String>,
    clause: String,
    question: String,
    answer: Option<String>,
    answer_html: Option<String>,
    publication_flag: Option<String>,
    publication_flag_note: Option<String>,
    consider_at_revision: bool,
    is_sample: bool,
    decided_at: Option<NaiveDateTime>,
    published_at: Option<NaiveDateTime>,
    standard_id: String,
    group_id: Option<String>,
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
            id: self.id,
            reference: self.reference?,
            clause: self.clause,
            question: self.question,
            answer: self.answer.unwrap_or_default(),
            published_html: self.answer_html,
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
            standard_title_fr: standard.title_fr.clone(),
            standard_is_current: standard.is_current(),
            group_code: group.map(|g| g.code.clone()),
            group_name: group.map(|g| g.name.clone()),
            group_name_fr: group.and_then(|g| g.name_fr.clone()),
            question_marked: None,
            answer_marked: None,
            version: self.version.unwrap_or(1),
            corrected_at: self.corrected_at,
            correction_note: self.correction_note,
            number: self.number,
            french: None,
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
                    .left_join(corrected_clarifications::table)
                    .left_join(clarification_numbers::table)
                    .select(ById::as_select())
                    .filter(requests::id.eq(id))
                    .get_result(conn);
                rows.extend(row.optional()?);
            }
            Ok(rows)
        }),
        DbConn::Postgres(conn) => requests::table
            .left_join(corrected_clarifications::table)
            .left_join(clarification_numbers::table)
            .select(ById::as_select())
            .filter(requests::id.eq_any(ids))
            .load(conn),
    }
}

/// How many related clarifications a clarification's page shows: a few
/// of the newest, and a link to the list of them all. Each one shown is a
/// row read at every first asking of the page.
pub const RELATED_SHOWN: usize = 8;

/// Other clarifications of the same standard on the same clause or under
/// it, as a clarification's page shows them.
pub struct Related {
    /// The newest of them, in clause order.
    pub shown: Vec<Listed>,
    /// How many the register's list on that standard and clause holds
    /// (the clarification itself among them once it is published).
    pub in_list: u64,
    /// That list's address.
    pub list_path: String,
}

impl Related {
    /// Whether the list holds more than the page shows of it.
    pub fn more_in_list(&self) -> bool {
        self.in_list > self.shown.len() as u64 + 1
    }
}

/// Up to [`RELATED_SHOWN`] other clarifications of the same standard on
/// the same clause or under it: the newest of them, in clause order. The
/// index picks them, so that a clause with thousands under it costs no
/// more than one with a few. `version` is the register's, if the caller
/// has just read it.
pub fn related(
    conn: &mut DbConn,
    index: &SearchIndex,
    version: Option<i64>,
    to: &Clarification,
) -> QueryResult<Related> {
    let filters = Filters {
        standard: Some(to.standard_slug.clone()),
        clause: Some(to.clause.clone()),
        page: 1,
        ..Filters::default()
    };
    // One more, in case it is `to` itself.
    let found = index
        .current(conn, version)?
        .newest(&filters, 0, RELATED_SHOWN + 1);
    let mut shown = register::listed(conn, &found.ids)?;
    shown.retain(|c| c.reference != to.reference);
    shown.truncate(RELATED_SHOWN);
    shown.sort_by(|a, b| clauses::compare(&a.clause, &b.clause));
    Ok(Related {
        shown,
        in_list: found.total,
        list_path: filters.address("/clarifications", 1),
    })
}

/// How many clarifications a standard's `list` holds, and `limit` of them
/// from the `offset`-th as lists show them, in clause order. The index
/// holds the order, so only the rows shown are read, on any page.
pub fn in_clause_order(
    conn: &mut DbConn,
    words: &Index,
    slug: &str,
    list: StandardList,
    offset: usize,
    limit: usize,
) -> QueryResult<(usize, Vec<Listed>)> {
    let found = words.in_clause_order(slug, list, offset, limit);
    Ok((found.total as usize, register::listed(conn, &found.ids)?))
}
