use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{groups, memberships, standards, users};
use crate::domain::access::{Capacity, GroupRole};
use crate::models::users::User;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = groups)]
pub struct Group {
    pub id: String,
    pub code: String,
    pub name: String,
    pub created_at: NaiveDateTime,
    /// Closing rules: at least this share of the eligible voters must have
    /// voted, and at least `quorum_minimum` of them.
    pub quorum_percent: i32,
    pub quorum_minimum: i32,
    /// Whether members sitting for a liaison organisation vote.
    pub liaisons_vote: bool,
    /// Days voters have to object to an editorial change of the voted text.
    pub objection_days: i32,
    /// Days members who did not attend have to object to a meeting's decision.
    pub meeting_objection_days: i32,
}

#[cfg(test)]
impl Group {
    /// A group with the default closing rules, for unit tests of rules that
    /// take a group.
    pub(crate) fn example(id: &str) -> Group {
        Group {
            id: id.into(),
            code: "MG 17025".into(),
            name: "Maintenance group".into(),
            created_at: NaiveDateTime::default(),
            quorum_percent: 50,
            quorum_minimum: 2,
            liaisons_vote: false,
            objection_days: 7,
            meeting_objection_days: 14,
        }
    }
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

/// A group as the registry's list shows it.
pub struct GroupSummary {
    pub group: Group,
    pub members: usize,
    pub convenors: usize,
    /// The standards in force it answers for, as "ISO/IEC 17025:2017".
    pub standards: Vec<String>,
}

pub fn summaries(conn: &mut DbConn) -> QueryResult<Vec<GroupSummary>> {
    let all = all(conn)?;
    let roles: Vec<(String, String)> = memberships::table
        .select((memberships::group_id, memberships::role))
        .load(conn)?;
    let responsible: Vec<(Option<String>, String, i32)> = standards::table
        .filter(standards::superseded_by_id.is_null())
        .filter(standards::group_id.is_not_null())
        .select((
            standards::group_id,
            standards::designation,
            standards::edition,
        ))
        .load(conn)?;
    Ok(all
        .into_iter()
        .map(|group| {
            let mine = roles.iter().filter(|(g, _)| *g == group.id);
            let members = mine.clone().count();
            let convenors = mine.filter(|(_, role)| role == "convenor").count();
            let standards = responsible
                .iter()
                .filter(|(g, _, _)| g.as_deref() == Some(group.id.as_str()))
                .map(|(_, designation, edition)| format!("{designation}:{edition}"))
                .collect();
            GroupSummary {
                group,
                members,
                convenors,
                standards,
            }
        })
        .collect())
}

/// Whether a group has this code, ignoring case.
pub fn code_exists(conn: &mut DbConn, code: &str) -> QueryResult<bool> {
    let code = code.to_lowercase();
    Ok(groups::table
        .select(groups::code)
        .load::<String>(conn)?
        .iter()
        .any(|c| c.to_lowercase() == code))
}

pub fn insert(conn: &mut DbConn, group: &NewGroup<'_>) -> QueryResult<()> {
    diesel::insert_into(groups::table)
        .values(group)
        .execute(conn)
        .map(drop)
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
    diesel::insert_into(memberships::table)
        .values((
            memberships::group_id.eq(group_id),
            memberships::user_id.eq(user_id),
            memberships::role.eq(role),
            memberships::created_at.eq(now),
            memberships::starts_at.eq(now),
        ))
        .execute(conn)
        .map(drop)
}

/// Addresses of the active members (convenors included) of a group.
pub fn member_emails(conn: &mut DbConn, group_id: &str) -> QueryResult<Vec<String>> {
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
    memberships::table
        .find((group_id, user_id))
        .select(memberships::role)
        .first(conn)
        .optional()
}

/// A member of a group with their role.
pub struct Member {
    pub user: User,
    pub role: String,
    pub since: NaiveDateTime,
}

/// Members of a group, convenors first, then by name.
pub fn members_of(conn: &mut DbConn, group_id: &str) -> QueryResult<Vec<Member>> {
    let rows: Vec<(User, String, NaiveDateTime)> = memberships::table
        .inner_join(users::table)
        .filter(memberships::group_id.eq(group_id))
        .select((
            User::as_select(),
            memberships::role,
            memberships::created_at,
        ))
        .load(conn)?;
    let mut members: Vec<Member> = rows
        .into_iter()
        .map(|(user, role, since)| Member { user, role, since })
        .collect();
    members.sort_by(|a, b| {
        (a.role != "convenor", a.user.name.to_lowercase())
            .cmp(&(b.role != "convenor", b.user.name.to_lowercase()))
    });
    Ok(members)
}

/// Changes a member's role; false when they are not a member.
pub fn set_role(conn: &mut DbConn, group_id: &str, user_id: &str, role: &str) -> QueryResult<bool> {
    diesel::update(memberships::table.find((group_id, user_id)))
        .set(memberships::role.eq(role))
        .execute(conn)
        .map(|n| n > 0)
}

/// Ends a membership; false when there was none. Events name users, not
/// memberships, so the history of the group's requests is unchanged.
pub fn remove_member(conn: &mut DbConn, group_id: &str, user_id: &str) -> QueryResult<bool> {
    diesel::delete(memberships::table.find((group_id, user_id)))
        .execute(conn)
        .map(|n| n > 0)
}

/// Addresses of a group's active convenors.
pub fn convenor_emails(conn: &mut DbConn, group_id: &str) -> QueryResult<Vec<String>> {
    memberships::table
        .inner_join(users::table)
        .filter(memberships::group_id.eq(group_id))
        .filter(memberships::role.eq(GroupRole::Convenor))
        .filter(users::active.eq(true))
        .select(users::email)
        .load(conn)
}

/// A member who may vote in the group's rounds on a given day.
#[derive(Debug, Clone, Queryable)]
pub struct Voter {
    pub user_id: String,
    pub role: GroupRole,
    pub capacity: Capacity,
    pub nominated_by_id: Option<String>,
}

/// The group's voting members at `on`: active accounts whose membership has
/// begun and not ended, as experts, or as liaisons where the group lets
/// liaisons vote.
pub fn voters_on(conn: &mut DbConn, group: &Group, on: NaiveDateTime) -> QueryResult<Vec<Voter>> {
    let mut capacities = vec![Capacity::Expert];
    if group.liaisons_vote {
        capacities.push(Capacity::Liaison);
    }
    memberships::table
        .inner_join(users::table)
        .filter(memberships::group_id.eq(&group.id))
        .filter(users::active.eq(true))
        .filter(memberships::capacity.eq_any(capacities))
        .filter(memberships::starts_at.le(on))
        .filter(
            memberships::ends_at
                .is_null()
                .or(memberships::ends_at.gt(on)),
        )
        .order(users::name)
        .select((
            memberships::user_id,
            memberships::role,
            memberships::capacity,
            memberships::nominated_by_id,
        ))
        .load(conn)
}

/// The groups a user belongs to, with their role in each.
pub fn memberships_of(conn: &mut DbConn, user_id: &str) -> QueryResult<Vec<(String, GroupRole)>> {
    memberships::table
        .filter(memberships::user_id.eq(user_id))
        .select((memberships::group_id, memberships::role))
        .load(conn)
}
