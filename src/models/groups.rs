use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::groups;
use crate::domain::access::GroupRole;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = groups)]
pub struct Group {
    pub id: String,
    pub code: String,
    pub name: String,
    pub created_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = groups)]
pub struct NewGroup<'a> {
    pub id: &'a str,
    pub code: &'a str,
    pub name: &'a str,
    pub created_at: NaiveDateTime,
}

pub fn all(conn: &mut DbConn) -> QueryResult<Vec<Group>> {
    groups::table
        .order(groups::code)
        .select(Group::as_select())
        .load(conn)
}

pub fn find_by_code(conn: &mut DbConn, code: &str) -> QueryResult<Option<Group>> {
    groups::table
        .filter(groups::code.eq(code))
        .select(Group::as_select())
        .first(conn)
        .optional()
}

pub fn add_member(
    conn: &mut DbConn,
    group_id: &str,
    user_id: &str,
    role: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    use crate::db::schema::memberships;
    diesel::insert_into(memberships::table)
        .values((
            memberships::group_id.eq(group_id),
            memberships::user_id.eq(user_id),
            memberships::role.eq(role),
            memberships::created_at.eq(now),
        ))
        .execute(conn)
        .map(drop)
}

/// Addresses of the active members (convenors included) of a group.
pub fn member_emails(conn: &mut DbConn, group_id: &str) -> QueryResult<Vec<String>> {
    use crate::db::schema::{memberships, users};
    memberships::table
        .inner_join(users::table)
        .filter(memberships::group_id.eq(group_id))
        .filter(users::active.eq(true))
        .order(users::email)
        .select(users::email)
        .load(conn)
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Group> {
    groups::table
        .find(id)
        .select(Group::as_select())
        .first(conn)
}

/// A user's role in a group, if any.
pub fn role_of(conn: &mut DbConn, group_id: &str, user_id: &str) -> QueryResult<Option<GroupRole>> {
    use crate::db::schema::memberships;
    memberships::table
        .find((group_id, user_id))
        .select(memberships::role)
        .first(conn)
        .optional()
}

/// Addresses of a group's active convenors.
pub fn convenor_emails(conn: &mut DbConn, group_id: &str) -> QueryResult<Vec<String>> {
    use crate::db::schema::{memberships, users};
    memberships::table
        .inner_join(users::table)
        .filter(memberships::group_id.eq(group_id))
        .filter(memberships::role.eq(GroupRole::Convenor))
        .filter(users::active.eq(true))
        .select(users::email)
        .load(conn)
}

/// The groups a user belongs to, with their role in each.
pub fn memberships_of(conn: &mut DbConn, user_id: &str) -> QueryResult<Vec<(String, GroupRole)>> {
    use crate::db::schema::memberships;
    memberships::table
        .filter(memberships::user_id.eq(user_id))
        .select((memberships::group_id, memberships::role))
        .load(conn)
}
