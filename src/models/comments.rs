//! Internal comments on a request, in Markdown, never shown publicly.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{comments, users};
use crate::db::{self, DbConn};

#[derive(Debug, Clone, Queryable, serde::Serialize)]
pub struct Comment {
    pub id: String,
    pub body: String,
    pub created_at: NaiveDateTime,
    pub author: String,
}

pub fn add(
    conn: &mut DbConn,
    request_id: &str,
    author_id: &str,
    body: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(comments::table)
        .values((
            comments::id.eq(db::new_id()),
            comments::request_id.eq(request_id),
            comments::author_id.eq(author_id),
            comments::body.eq(body),
            comments::created_at.eq(now),
        ))
        .execute(conn)
        .map(drop)
}

pub fn for_request(conn: &mut DbConn, request_id: &str) -> QueryResult<Vec<Comment>> {
    comments::table
        .inner_join(users::table)
        .filter(comments::request_id.eq(request_id))
        .order((comments::created_at, comments::id))
        .select((
            comments::id,
            comments::body,
            comments::created_at,
            users::name,
        ))
        .load(conn)
}
