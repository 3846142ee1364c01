//! The workspace's list of requests: which requests pass a narrowing the
//! workflow worked out (who may read what, the filters), counted and read a
//! page at a time, two queries whatever the register holds.

use chrono::NaiveDateTime;
use diesel::dsl;
use diesel::prelude::*;

use super::register::{Boxed, within_clause};
use crate::db::schema::{comments, events, groups, requests, standards};
use crate::db::sql::{Substr, containing, lower, substr};
use crate::db::{DbConn, MultiBackend};
use crate::domain::lifecycle::{Action, State};
use crate::domain::request_list::Sort;

/// Which requests to list, every condition already resolved to stored
/// values.
#[derive(Debug, Clone, Default)]
pub struct Narrowing {
    /// Only requests in these states (none listed: no request).
    pub states: Vec<State>,
    /// Only requests of these groups, when given.
    pub groups: Option<Vec<String>>,
    /// Only requests accepted for a group at some point.
    pub accepted: bool,
    /// Only requests with these references, when given.
    pub references: Option<Vec<String>>,
    pub standard_id: Option<String>,
    pub clause: Option<String>,
    /// Submitted at or after…
    pub submitted_from: Option<NaiveDateTime>,
    /// …and before.
    pub submitted_before: Option<NaiveDateTime>,
    /// Text looked for, case aside, in the question, the background, the
    /// reference and the group's comments.
    pub words: Option<String>,
}

/// A line of the list.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = requests, check_for_backend(MultiBackend))]
pub struct Listed {
    #[diesel(select_expression = requests::reference.assume_not_null())]
    #[diesel(select_expression_type = dsl::AssumeNotNull<requests::reference>)]
    pub reference: String,
    pub state: State,
    pub clause: String,
    /// The start of the question, one character more than the list shows.
    #[diesel(select_expression = substr(requests::question, 1, 161))]
    #[diesel(select_expression_type = Substr<requests::question, i32, i32>)]
    pub question: String,
    #[diesel(select_expression = standards::designation)]
    pub standard_designation: String,
    #[diesel(select_expression = standards::edition)]
    pub standard_edition: i32,
    #[diesel(select_expression = groups::code.nullable())]
    #[diesel(select_expression_type = dsl::Nullable<groups::code>)]
    pub group_code: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// Requests with their standards and groups.
type Source = dsl::LeftJoinQuerySource<
    dsl::InnerJoinQuerySource<requests::table, standards::table>,
    groups::table,
    dsl::Eq<requests::group_id, dsl::Nullable<groups::id>>,
>;

#[dsl::auto_type(no_type_alias)]
fn source() -> _ {
    requests::table
        .inner_join(standards::table)
        .left_join(groups::table.on(requests::group_id.eq(groups::id.nullable())))
}

/// `query` narrowed as `narrowing` says.
fn narrowed<'a, ST>(query: Boxed<'a, ST, Source>, narrowing: &Narrowing) -> Boxed<'a, ST, Source> {
    let mut query = query.filter(requests::state.eq_any(narrowing.states.clone()));
    if let Some(groups) = &narrowing.groups {
        query = query.filter(requests::group_id.eq_any(groups.clone()));
    }
    if narrowing.accepted {
        let accepted = events::table
            .filter(events::action.eq(Action::Accept))
            .select(events::request_id);
        query = query.filter(requests::id.eq_any(accepted));
    }
    if let Some(references) = &narrowing.references {
        query = query.filter(requests::reference.eq_any(references.clone()));
    }
    if let Some(standard_id) = &narrowing.standard_id {
        query = query.filter(requests::standard_id.eq(standard_id.clone()));
    }
    if let Some(clause) = &narrowing.clause {
        query = within_clause(query, clause);
    }
    if let Some(from) = narrowing.submitted_from {
        query = query.filter(requests::created_at.ge(from));
    }
    if let Some(before) = narrowing.submitted_before {
        query = query.filter(requests::created_at.lt(before));
    }
    if let Some(words) = &narrowing.words {
        let pattern = containing(words);
        let commented = comments::table
            .filter(lower(comments::body).like(pattern.clone()).escape('\\'))
            .select(comments::request_id);
        query = query.filter(
            lower(requests::question)
                .like(pattern.clone())
                .escape('\\')
                .or(lower(requests::background.assume_not_null())
                    .like(pattern.clone())
                    .escape('\\'))
                .or(lower(requests::reference.assume_not_null())
                    .like(pattern)
                    .escape('\\'))
                .or(requests::id.eq_any(commented)),
        );
    }
    query
}

/// How many requests the narrowing lets through.
pub fn count(conn: &mut DbConn, narrowing: &Narrowing) -> QueryResult<i64> {
    narrowed(source().select(dsl::count_star()).into_boxed(), narrowing).get_result(conn)
}

/// One page of them, in `sort` order.
pub fn page(
    conn: &mut DbConn,
    narrowing: &Narrowing,
    sort: Sort,
    limit: i64,
    offset: i64,
) -> QueryResult<Vec<Listed>> {
    let query = source().select(Listed::as_select()).into_boxed();
    let query = narrowed(query, narrowing);
    // Each order ends on the id, so that a page holds the same rows
    // whenever it is read.
    let query = match sort {
        Sort::Newest => query.order((requests::created_at.desc(), requests::id.desc())),
        Sort::Oldest => query.order((requests::created_at.asc(), requests::id.asc())),
        Sort::Reference => query.order((requests::reference.asc(), requests::id.asc())),
        Sort::Changed => query.order((requests::updated_at.desc(), requests::id.desc())),
    };
    query.limit(limit).offset(offset).load(conn)
}
