use std::collections::HashSet;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{groups, memberships, organisations, standards, users};
use crate::db::sql::{containing, lower};
use crate::db::{DbConn, MultiBackend};
use crate::domain::access::{Capacity, GroupRole};
use crate::domain::consensus::Quorum;
use crate::models::organisations::Organisation;
use crate::models::users::User;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable, serde::Serialize)]
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
    /// The group's French name, when the registry has it.
    pub name_fr: Option<String>,
}

impl Group {
    /// The name a page in `lang` shows.
    pub fn name_in(&self, lang: &crate::i18n::Lang) -> &str {
        crate::models::standards::in_lang(lang, &self.name, self.name_fr.as_deref())
    }

    /// The quorum of the group's rounds.
    pub fn quorum(&self) -> Quorum {
        Quorum {
            percent: u32::try_from(self.quorum_percent).unwrap_or(0),
            minimum: u32::try_from(self.quorum_minimum).unwrap_or(1),
        }
    }
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
            name_fr: None,
        }
    }
}

#[derive(Insertable)]
#[diesel(table_name = groups)]
pub struct NewGroup<'a> {
    pub id: &'a str,
    pub code: &'a str,
    pub name: &'a str,
    pub name_fr: Option<&'a str>,
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
    /// It has a convenor now (see [`convened_on`]).
    pub convened: bool,
    /// The standards in force it answers for, as "ISO/IEC 17025:2017".
    pub standards: Vec<String>,
}

/// The groups whose code or name holds `words`, case aside; all of them
/// when `words` is empty.
fn matching(words: &str) -> groups::BoxedQuery<'static, MultiBackend> {
    let query = groups::table.into_boxed();
    if words.is_empty() {
        return query;
    }
    let pattern = containing(words);
    query.filter(
        lower(groups::code)
            .like(pattern.clone())
            .escape('\\')
            .or(lower(groups::name).like(pattern).escape('\\')),
    )
}

/// How many groups [`summaries`] finds for `words`.
pub fn count_matching(conn: &mut DbConn, words: &str) -> QueryResult<i64> {
    matching(words).count().get_result(conn)
}

/// A page of the groups that hold `words`, by code, as the registry's
/// list shows them at `now`.
pub fn summaries(
    conn: &mut DbConn,
    now: NaiveDateTime,
    words: &str,
    limit: i64,
    offset: i64,
) -> QueryResult<Vec<GroupSummary>> {
    let page: Vec<Group> = matching(words)
        .order((groups::code, groups::id))
        .limit(limit)
        .offset(offset)
        .select(Group::as_select())
        .load(conn)?;
    let ids: Vec<&str> = page.iter().map(|g| g.id.as_str()).collect();
    let member_of: Vec<String> = memberships::table
        .filter(memberships::group_id.eq_any(&ids))
        .select(memberships::group_id)
        .load(conn)?;
    let convened = convened_on(conn, now)?;
    let responsible = responsibilities(conn)?;
    Ok(page
        .into_iter()
        .map(|group| {
            let members = member_of.iter().filter(|g| **g == group.id).count();
            let standards = standards_of(&responsible, &group.id);
            GroupSummary {
                convened: convened.contains(&group.id),
                group,
                members,
                standards,
            }
        })
        .collect())
}

/// Each standard in force that a group answers for: (group id,
/// "ISO/IEC 17025:2017").
pub fn responsibilities(conn: &mut DbConn) -> QueryResult<Vec<(String, String)>> {
    let rows: Vec<(Option<String>, String, i32)> = standards::table
        .filter(standards::superseded_by_id.is_null())
        .filter(standards::group_id.is_not_null())
        .select((
            standards::group_id,
            standards::designation,
            standards::edition,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(group, designation, edition)| {
            group.map(|group| (group, format!("{designation}:{edition}")))
        })
        .collect())
}

/// The standards of `responsibilities` that group `group_id` answers for.
pub fn standards_of(responsibilities: &[(String, String)], group_id: &str) -> Vec<String> {
    responsibilities
        .iter()
        .filter(|(g, _)| g == group_id)
        .map(|(_, label)| label.clone())
        .collect()
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

/// A membership's terms: the role and capacity someone sits in, who
/// nominated them, from when until when (the end excluded: from that day on
/// they no longer sit), and the interests they declared.
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = memberships, treat_none_as_null = true)]
pub struct MembershipForm<'a> {
    pub role: GroupRole,
    pub capacity: Capacity,
    pub nominated_by_id: Option<&'a str>,
    pub starts_at: NaiveDateTime,
    pub ends_at: Option<NaiveDateTime>,
    pub interests: Option<&'a str>,
}

impl MembershipForm<'_> {
    /// An expert nominated by nobody in particular, from `now` on.
    pub fn expert(role: GroupRole, now: NaiveDateTime) -> Self {
        MembershipForm {
            role,
            capacity: Capacity::Expert,
            nominated_by_id: None,
            starts_at: now,
            ends_at: None,
            interests: None,
        }
    }
}

/// Adds someone to a group on the terms of `form`.
pub fn insert_membership(
    conn: &mut DbConn,
    group_id: &str,
    user_id: &str,
    form: &MembershipForm<'_>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(memberships::table)
        .values((
            memberships::group_id.eq(group_id),
            memberships::user_id.eq(user_id),
            memberships::created_at.eq(now),
            memberships::role.eq(form.role),
            memberships::capacity.eq(form.capacity),
            memberships::nominated_by_id.eq(form.nominated_by_id),
            memberships::starts_at.eq(form.starts_at),
            memberships::ends_at.eq(form.ends_at),
            memberships::interests.eq(form.interests),
        ))
        .execute(conn)
        .map(drop)
}

/// Adds someone as an expert nominated by nobody in particular, from `now`.
pub fn add_member(
    conn: &mut DbConn,
    group_id: &str,
    user_id: &str,
    role: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let role = GroupRole::parse(role).ok_or_else(|| {
        diesel::result::Error::QueryBuilderError(format!("{role:?} is not a role").into())
    })?;
    insert_membership(
        conn,
        group_id,
        user_id,
        &MembershipForm::expert(role, now),
        now,
    )
}

/// Changes the terms of a membership; false when there is none.
pub fn update_membership(
    conn: &mut DbConn,
    group_id: &str,
    user_id: &str,
    form: &MembershipForm<'_>,
) -> QueryResult<bool> {
    diesel::update(memberships::table.find((group_id, user_id)))
        .set(form)
        .execute(conn)
        .map(|n| n > 0)
}

/// A group's closing rules as the secretariat sets them.
#[derive(Debug, Clone, PartialEq, Eq, AsChangeset)]
#[diesel(table_name = groups)]
pub struct ClosingRules {
    pub quorum_percent: i32,
    pub quorum_minimum: i32,
    pub liaisons_vote: bool,
    pub objection_days: i32,
    pub meeting_objection_days: i32,
}

impl Group {
    pub fn closing_rules(&self) -> ClosingRules {
        ClosingRules {
            quorum_percent: self.quorum_percent,
            quorum_minimum: self.quorum_minimum,
            liaisons_vote: self.liaisons_vote,
            objection_days: self.objection_days,
            meeting_objection_days: self.meeting_objection_days,
        }
    }
}

/// Sets a group's closing rules; false when there is no such group.
pub fn set_closing_rules(conn: &mut DbConn, id: &str, rules: &ClosingRules) -> QueryResult<bool> {
    diesel::update(groups::table.find(id))
        .set(rules)
        .execute(conn)
        .map(|n| n > 0)
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

/// A member of a group on the terms of their membership.
pub struct Member {
    pub user: User,
    pub role: GroupRole,
    pub capacity: Capacity,
    pub nominated_by: Option<Organisation>,
    pub starts_at: NaiveDateTime,
    /// From this moment on they no longer sit in the group.
    pub ends_at: Option<NaiveDateTime>,
    pub interests: Option<String>,
}

impl Member {
    pub fn is_convenor(&self) -> bool {
        self.role == GroupRole::Convenor
    }

    /// Whether the membership has ended at `now`.
    pub fn has_ended(&self, now: NaiveDateTime) -> bool {
        self.ends_at.is_some_and(|end| end <= now)
    }

    /// Whether the membership has yet to begin at `now`.
    pub fn is_future(&self, now: NaiveDateTime) -> bool {
        self.starts_at > now
    }
}

type MemberRow = (
    User,
    GroupRole,
    Capacity,
    Option<Organisation>,
    NaiveDateTime,
    Option<NaiveDateTime>,
    Option<String>,
);

fn member_of(
    (user, role, capacity, nominated_by, starts_at, ends_at, interests): MemberRow,
) -> Member {
    Member {
        user,
        role,
        capacity,
        nominated_by,
        starts_at,
        ends_at,
        interests,
    }
}

/// Members of a group, convenors first, then by name.
pub fn members_of(conn: &mut DbConn, group_id: &str) -> QueryResult<Vec<Member>> {
    let rows: Vec<MemberRow> = memberships::table
        .inner_join(users::table)
        .left_join(organisations::table)
        .filter(memberships::group_id.eq(group_id))
        .select((
            User::as_select(),
            memberships::role,
            memberships::capacity,
            Option::<Organisation>::as_select(),
            memberships::starts_at,
            memberships::ends_at,
            memberships::interests,
        ))
        .load(conn)?;
    let mut members: Vec<Member> = rows.into_iter().map(member_of).collect();
    members.sort_by_cached_key(|m| (!m.is_convenor(), m.user.name.to_lowercase()));
    Ok(members)
}

/// One member of a group, if they are one.
pub fn member(conn: &mut DbConn, group_id: &str, user_id: &str) -> QueryResult<Option<Member>> {
    Ok(members_of(conn, group_id)?
        .into_iter()
        .find(|m| m.user.id == user_id))
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
    pub name: String,
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
            users::name,
        ))
        .load(conn)
}

/// The ids of the groups that have a convenor at `on`: an active account
/// whose membership has begun and not ended.
pub fn convened_on(conn: &mut DbConn, on: NaiveDateTime) -> QueryResult<HashSet<String>> {
    let ids: Vec<String> = memberships::table
        .inner_join(users::table)
        .filter(memberships::role.eq(GroupRole::Convenor))
        .filter(users::active.eq(true))
        .filter(memberships::starts_at.le(on))
        .filter(
            memberships::ends_at
                .is_null()
                .or(memberships::ends_at.gt(on)),
        )
        .select(memberships::group_id)
        .distinct()
        .load(conn)?;
    Ok(ids.into_iter().collect())
}

/// The groups a user belongs to, with their role in each.
pub fn memberships_of(conn: &mut DbConn, user_id: &str) -> QueryResult<Vec<(String, GroupRole)>> {
    memberships::table
        .filter(memberships::user_id.eq(user_id))
        .select((memberships::group_id, memberships::role))
        .load(conn)
}
