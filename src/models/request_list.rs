//! The workspace's list of requests: what the list's index holds of each
//! request and the changes that bring it forward (the index itself is the
//! search module's), the requests whose words hold a text, and the lines
//! of a page, read by id.

use chrono::NaiveDateTime;
use diesel::dsl;
use diesel::prelude::*;

use diesel::sql_types::{BigInt, Text};

use crate::db::schema::{events, groups, request_changes, request_keys, requests, standards};
use crate::db::sql::{Substr, anywhere, one_of, substr};
use crate::db::{DbConn, MultiBackend};
use crate::domain::lifecycle::{Action, State};

/// A line of the list.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = requests, check_for_backend(MultiBackend))]
pub struct Listed {
    #[diesel(select_expression = requests::id)]
    pub id: String,
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

#[dsl::auto_type(no_type_alias)]
fn source() -> _ {
    requests::table
        .inner_join(standards::table)
        .left_join(groups::table.on(requests::group_id.eq(groups::id.nullable())))
}

/// What the list's index holds of a request: everything a narrowing and
/// an order look at, and the number its words are found by (see
/// [`matching`]).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = requests, check_for_backend(MultiBackend))]
pub struct Indexed {
    pub id: String,
    #[diesel(select_expression = request_keys::key)]
    pub key: i64,
    pub reference: Option<String>,
    pub state: State,
    pub group_id: Option<String>,
    pub standard_id: String,
    pub clause: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// Up to `limit` of every request, or of those with these ids, in the
/// order of their ids from the first after `after`.
pub fn indexed(
    conn: &mut DbConn,
    ids: Option<&[String]>,
    after: &str,
    limit: i64,
) -> QueryResult<Vec<Indexed>> {
    let mut query = requests::table
        .inner_join(request_keys::table)
        .filter(requests::id.gt(after))
        .order(requests::id)
        .limit(limit)
        .select(Indexed::as_select())
        .into_boxed();
    if let Some(ids) = ids {
        query = query.filter(one_of(requests::id, ids));
    }
    query.load(conn)
}

#[derive(QueryableByName)]
struct Key {
    #[diesel(sql_type = BigInt)]
    key: i64,
}

/// The keys (see [`Indexed::key`]) of the requests whose question,
/// background, reference or one comment holds `text`, case aside, as the
/// triggers of `request_words` keep them. On SQLite the trigram table finds
/// three characters or more; a shorter text is looked for in every
/// request's texts, with SQLite's LIKE, which tells case apart outside
/// ASCII. On PostgreSQL both the words and the pattern go through its
/// lower(), so they are lowered alike.
pub fn matching(conn: &mut DbConn, text: &str) -> QueryResult<Vec<i64>> {
    // No text holds either: PostgreSQL refuses NUL, and the record
    // separator ends each text in the words (a match never spans two).
    if text.contains(['\0', '\u{1e}']) {
        return Ok(Vec::new());
    }
    let found = match conn {
        DbConn::Sqlite(lite) if text.chars().count() >= 3 => {
            diesel::sql_query("SELECT rowid AS key FROM request_words WHERE request_words MATCH ?")
                .bind::<Text, _>(format!("\"{}\"", text.replace('"', "\"\"")))
                .load::<Key>(lite)?
        }
        DbConn::Sqlite(lite) => diesel::sql_query(
            "SELECT key FROM request_keys JOIN request_texts USING (request_id) \
             WHERE request_texts.words LIKE ? ESCAPE '\\'",
        )
        .bind::<Text, _>(anywhere(text))
        .load::<Key>(lite)?,
        DbConn::Postgres(pg) => {
            diesel::sql_query("SELECT key FROM request_words WHERE words LIKE lower($1)")
                .bind::<Text, _>(anywhere(text))
                .load::<Key>(pg)?
        }
    };
    Ok(found.into_iter().map(|found| found.key).collect())
}

/// Which of every request, or of those with these ids, were accepted for a
/// group at some point.
pub fn accepted(conn: &mut DbConn, ids: Option<&[String]>) -> QueryResult<Vec<String>> {
    let mut query = events::table
        .filter(events::action.eq(Action::Accept))
        .select(events::request_id)
        .distinct()
        .into_boxed();
    if let Some(ids) = ids {
        query = query.filter(one_of(events::request_id, ids));
    }
    query.load(conn)
}

/// Where the changes to requests stand: the commit order of the last one
/// (0 before the first). Changes are read in the order their transactions
/// committed, not the order they were numbered in, which on PostgreSQL can
/// differ: a change read after another was committed before it.
pub fn last_change(conn: &mut DbConn) -> QueryResult<i64> {
    request_changes::table
        .select(dsl::max(request_changes::commit_seq))
        .get_result::<Option<i64>>(conn)
        .map(Option::unwrap_or_default)
}

/// The changes committed after `commit_seq`, in commit order, at most
/// `limit`, as (commit order, request id).
pub fn changes_since(
    conn: &mut DbConn,
    commit_seq: i64,
    limit: i64,
) -> QueryResult<Vec<(i64, String)>> {
    request_changes::table
        .filter(request_changes::commit_seq.gt(commit_seq))
        .order((
            request_changes::commit_seq.asc(),
            request_changes::seq.asc(),
        ))
        .limit(limit)
        .select((
            request_changes::commit_seq.assume_not_null(),
            request_changes::request_id,
        ))
        .load(conn)
}

/// The lines of these requests, in the order of `ids`.
pub fn lines(conn: &mut DbConn, ids: &[String]) -> QueryResult<Vec<Listed>> {
    let mut found: Vec<Listed> = source()
        .select(Listed::as_select())
        .filter(one_of(requests::id, ids))
        .load(conn)?;
    found.sort_by_key(|line| ids.iter().position(|id| *id == line.id));
    Ok(found)
}
