//! The queries behind the secretariat's registry pages: standards, groups and
//! their members, external committees and their designations, accounts.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{
    external_committees, external_designations, groups, memberships, standards, users,
};
use crate::models::committees::{self, Committee, CommitteeForm, NewCommittee};
use crate::models::groups::{Group, NewGroup};
use crate::models::standards::{NewStandard, Standard, slug_for};
use crate::models::users::User;

// ---------------------------------------------------------------------------
// Standards
// ---------------------------------------------------------------------------

/// Every edition of the designation that `designation` names, however it is
/// spelled (`iso/iec  17025` finds `ISO/IEC 17025`), newest first.
pub fn editions_matching(conn: &mut DbConn, designation: &str) -> QueryResult<Vec<Standard>> {
    let wanted = slug_for(designation, 0);
    let mut found: Vec<Standard> = standards::table
        .select(Standard::as_select())
        .load(conn)?
        .into_iter()
        .filter(|s| slug_for(&s.designation, 0) == wanted)
        .collect();
    found.sort_by_key(|s| std::cmp::Reverse(s.edition));
    Ok(found)
}

pub fn standard_slug_exists(conn: &mut DbConn, slug: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        standards::table.filter(standards::slug.eq(slug)),
    ))
    .get_result(conn)
}

pub fn insert_standard(conn: &mut DbConn, standard: &NewStandard<'_>) -> QueryResult<()> {
    diesel::insert_into(standards::table)
        .values(standard)
        .execute(conn)
        .map(drop)
}

/// Records that `newer_id` replaces `older_id`.
pub fn supersede(conn: &mut DbConn, older_id: &str, newer_id: &str) -> QueryResult<()> {
    diesel::update(standards::table.find(older_id))
        .set(standards::superseded_by_id.eq(newer_id))
        .execute(conn)
        .map(drop)
}

/// The editable part of a standard: its title and responsible group.
pub fn update_standard(
    conn: &mut DbConn,
    id: &str,
    title: &str,
    group_id: Option<&str>,
) -> QueryResult<()> {
    diesel::update(standards::table.find(id))
        .set((standards::title.eq(title), standards::group_id.eq(group_id)))
        .execute(conn)
        .map(drop)
}

// ---------------------------------------------------------------------------
// Groups and members
// ---------------------------------------------------------------------------

/// A group as the list shows it.
pub struct GroupSummary {
    pub group: Group,
    pub members: usize,
    pub convenors: usize,
    pub standards: Vec<String>,
}

pub fn group_summaries(conn: &mut DbConn) -> QueryResult<Vec<GroupSummary>> {
    let all: Vec<Group> = groups::table
        .order(groups::code)
        .select(Group::as_select())
        .load(conn)?;
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

pub fn group_code_exists(conn: &mut DbConn, code: &str) -> QueryResult<bool> {
    let code = code.to_lowercase();
    Ok(groups::table
        .select(groups::code)
        .load::<String>(conn)?
        .iter()
        .any(|c| c.to_lowercase() == code))
}

pub fn insert_group(conn: &mut DbConn, group: &NewGroup<'_>) -> QueryResult<()> {
    diesel::insert_into(groups::table)
        .values(group)
        .execute(conn)
        .map(drop)
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

/// The role of a user in a group, if they are a member.
pub fn role_in(conn: &mut DbConn, group_id: &str, user_id: &str) -> QueryResult<Option<String>> {
    memberships::table
        .find((group_id, user_id))
        .select(memberships::role)
        .first(conn)
        .optional()
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

// ---------------------------------------------------------------------------
// External committees
// ---------------------------------------------------------------------------

/// A committee with the designations it owns, in alphabetical order.
pub struct CommitteeWithDesignations {
    pub committee: Committee,
    pub designations: Vec<String>,
}

pub fn committees_with_designations(
    conn: &mut DbConn,
) -> QueryResult<Vec<CommitteeWithDesignations>> {
    let all = committees::all(conn)?;
    let mut owned: HashMap<String, Vec<String>> = HashMap::new();
    let rows: Vec<(String, String)> = external_designations::table
        .order(external_designations::designation)
        .select((
            external_designations::committee_id,
            external_designations::designation,
        ))
        .load(conn)?;
    for (committee_id, designation) in rows {
        owned.entry(committee_id).or_default().push(designation);
    }
    Ok(all
        .into_iter()
        .map(|committee| CommitteeWithDesignations {
            designations: owned.remove(&committee.id).unwrap_or_default(),
            committee,
        })
        .collect())
}

pub fn find_committee(conn: &mut DbConn, id: &str) -> QueryResult<Committee> {
    external_committees::table
        .find(id)
        .select(Committee::as_select())
        .first(conn)
}

pub fn designations_of(conn: &mut DbConn, committee_id: &str) -> QueryResult<Vec<String>> {
    external_designations::table
        .filter(external_designations::committee_id.eq(committee_id))
        .order(external_designations::designation)
        .select(external_designations::designation)
        .load(conn)
}

/// Another committee (not `except_id`) whose code is `code`, ignoring case.
pub fn committee_code_taken(
    conn: &mut DbConn,
    code: &str,
    except_id: Option<&str>,
) -> QueryResult<bool> {
    let code = code.to_lowercase();
    Ok(external_committees::table
        .select((external_committees::id, external_committees::code))
        .load::<(String, String)>(conn)?
        .iter()
        .any(|(id, c)| c.to_lowercase() == code && Some(id.as_str()) != except_id))
}

pub fn insert_committee(conn: &mut DbConn, committee: &NewCommittee<'_>) -> QueryResult<()> {
    diesel::insert_into(external_committees::table)
        .values(committee)
        .execute(conn)
        .map(drop)
}

pub fn update_committee(conn: &mut DbConn, id: &str, form: &CommitteeForm<'_>) -> QueryResult<()> {
    diesel::update(external_committees::table.find(id))
        .set(form)
        .execute(conn)
        .map(drop)
}

/// Which committee owns each of these (normalised) designations now, other
/// than `committee_id`: (designation, owner's code).
pub fn owned_elsewhere(
    conn: &mut DbConn,
    designations: &[String],
    committee_id: Option<&str>,
) -> QueryResult<Vec<(String, String)>> {
    let mut query = external_designations::table
        .inner_join(external_committees::table)
        .filter(external_designations::designation.eq_any(designations))
        .select((
            external_designations::designation,
            external_committees::code,
        ))
        .order(external_designations::designation)
        .into_boxed();
    if let Some(id) = committee_id {
        query = query.filter(external_designations::committee_id.ne(id.to_owned()));
    }
    query.load(conn)
}

/// Makes `designations` (already normalised) exactly the list of this
/// committee: those no longer listed are dropped, those owned by another
/// committee move here.
pub fn replace_designations(
    conn: &mut DbConn,
    committee_id: &str,
    designations: &[String],
) -> QueryResult<()> {
    diesel::delete(
        external_designations::table
            .filter(external_designations::committee_id.eq(committee_id))
            .filter(external_designations::designation.ne_all(designations)),
    )
    .execute(conn)?;
    for designation in designations {
        committees::assign_designation(conn, designation, committee_id)?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Accounts
// ---------------------------------------------------------------------------

/// An account as the list shows it, with its groups as (code, role).
pub struct UserSummary {
    pub user: User,
    pub groups: Vec<(String, String)>,
}

/// Every account, active ones first, then by name.
pub fn user_summaries(conn: &mut DbConn) -> QueryResult<Vec<UserSummary>> {
    let mut all: Vec<User> = users::table.select(User::as_select()).load(conn)?;
    all.sort_by(|a, b| {
        (!a.active, a.name.to_lowercase(), &a.email).cmp(&(
            !b.active,
            b.name.to_lowercase(),
            &b.email,
        ))
    });
    let roles: Vec<(String, String, String)> = memberships::table
        .inner_join(groups::table)
        .order(groups::code)
        .select((memberships::user_id, groups::code, memberships::role))
        .load(conn)?;
    Ok(all
        .into_iter()
        .map(|user| UserSummary {
            groups: roles
                .iter()
                .filter(|(u, _, _)| *u == user.id)
                .map(|(_, code, role)| (code.clone(), role.clone()))
                .collect(),
            user,
        })
        .collect())
}

/// Active accounts that are not members of `group_id`, by name.
pub fn active_non_members(conn: &mut DbConn, group_id: &str) -> QueryResult<Vec<User>> {
    let members = memberships::table
        .filter(memberships::group_id.eq(group_id))
        .select(memberships::user_id);
    users::table
        .filter(users::active.eq(true))
        .filter(users::id.ne_all(members))
        .order((users::name, users::email))
        .select(User::as_select())
        .load(conn)
}

/// Turns an account on or off; false when there is no such account.
/// Accounts are never deleted, so events keep the names of their actors.
pub fn set_active(conn: &mut DbConn, user_id: &str, active: bool) -> QueryResult<bool> {
    diesel::update(users::table.find(user_id))
        .set(users::active.eq(active))
        .execute(conn)
        .map(|n| n > 0)
}
