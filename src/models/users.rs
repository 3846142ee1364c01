use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{groups, memberships, users};
use crate::db::sql::{containing, lower};
use crate::db::{DbConn, MultiBackend};
use crate::domain::access::Capacity;
use crate::i18n::Lang;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = users)]
pub struct User {
    pub id: String,
    pub email: String,
    pub name: String,
    pub password_hash: Option<String>,
    pub is_secretariat: bool,
    pub active: bool,
    pub created_at: NaiveDateTime,
    pub last_login_at: Option<NaiveDateTime>,
    /// The member body or liaison a sponsor's account speaks for.
    pub sponsor_organisation_id: Option<String>,
    /// The language chosen with the switch while signed in (a tag).
    pub language: Option<String>,
}

#[derive(Insertable)]
#[diesel(table_name = users)]
pub struct NewUser<'a> {
    pub id: &'a str,
    pub email: &'a str,
    pub name: &'a str,
    pub password_hash: Option<&'a str>,
    pub is_secretariat: bool,
    pub active: bool,
    pub created_at: NaiveDateTime,
    pub sponsor_organisation_id: Option<&'a str>,
}

pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
    users::table.count().get_result(conn)
}

pub fn insert(conn: &mut DbConn, user: &NewUser<'_>) -> QueryResult<()> {
    diesel::insert_into(users::table)
        .values(user)
        .execute(conn)
        .map(drop)
}

/// Addresses are stored lower-cased, so lookups are too.
pub fn find_by_email(conn: &mut DbConn, email: &str) -> QueryResult<Option<User>> {
    users::table
        .filter(users::email.eq(email.trim().to_lowercase()))
        .select(User::as_select())
        .first(conn)
        .optional()
}

/// The language the account with this address chose, if there is one
/// and it chose.
pub fn language_of(conn: &mut DbConn, email: &str) -> QueryResult<Option<String>> {
    users::table
        .filter(users::email.eq(email.trim().to_lowercase()))
        .select(users::language)
        .first(conn)
        .optional()
        .map(Option::flatten)
}

/// Active secretariat accounts, who hear of new requests.
pub fn secretariat(conn: &mut DbConn) -> QueryResult<Vec<User>> {
    users::table
        .filter(users::is_secretariat.eq(true))
        .filter(users::active.eq(true))
        .order(users::email)
        .select(User::as_select())
        .load(conn)
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<User> {
    users::table.find(id).select(User::as_select()).first(conn)
}

pub fn set_password(conn: &mut DbConn, id: &str, hash: &str) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set(users::password_hash.eq(hash))
        .execute(conn)
        .map(drop)
}

pub fn set_language(conn: &mut DbConn, id: &str, tag: &str) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set(users::language.eq(tag))
        .execute(conn)
        .map(drop)
}

pub fn record_login(conn: &mut DbConn, id: &str, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set(users::last_login_at.eq(now))
        .execute(conn)
        .map(drop)
}

/// An account as the registry's list shows it, with its groups as (code,
/// role, capacity).
pub struct UserSummary {
    pub user: User,
    pub groups: Vec<(String, String, Capacity)>,
}

/// The accounts whose name or e-mail address holds `words`, case aside;
/// all of them when `words` is empty.
fn matching(words: &str) -> users::BoxedQuery<'static, MultiBackend> {
    let query = users::table.into_boxed();
    if words.is_empty() {
        return query;
    }
    let pattern = containing(words);
    query.filter(
        lower(users::name)
            .like(pattern.clone())
            .escape('\\')
            .or(lower(users::email).like(pattern).escape('\\')),
    )
}

/// How many accounts [`summaries`] finds for `words`.
pub fn count_matching(conn: &mut DbConn, words: &str) -> QueryResult<i64> {
    matching(words).count().get_result(conn)
}

/// A page of the accounts that hold `words`, active ones first, then by
/// name as `lang` orders names ("Émile" among the E's), with their groups:
/// three queries whatever the number of accounts.
pub fn summaries(
    conn: &mut DbConn,
    words: &str,
    lang: &Lang,
    limit: i64,
    offset: i64,
) -> QueryResult<Vec<UserSummary>> {
    // Databases order by bytes or by their own collation, not by the
    // reader's language: the names are sorted here, which at tens of
    // thousands of accounts is still a few milliseconds. The address and
    // the id break ties, so a page holds the same accounts whenever read.
    let mut order: Vec<(bool, String, String, String)> = matching(words)
        .select((users::active, users::name, users::email, users::id))
        .load(conn)?;
    order.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| lang.compare(&a.1, &b.1))
            .then_with(|| a.2.cmp(&b.2))
            .then_with(|| a.3.cmp(&b.3))
    });
    let ids: Vec<String> = order
        .into_iter()
        .skip(usize::try_from(offset).unwrap_or(usize::MAX))
        .take(usize::try_from(limit).unwrap_or(0))
        .map(|(_, _, _, id)| id)
        .collect();
    let mut page: Vec<User> = users::table
        .filter(users::id.eq_any(&ids))
        .select(User::as_select())
        .load(conn)?;
    crate::models::register::in_order_of(&ids, &mut page, |user| user.id.as_str());
    let roles: Vec<(String, String, String, Capacity)> = memberships::table
        .inner_join(groups::table)
        .filter(memberships::user_id.eq_any(&ids))
        .order(groups::code)
        .select((
            memberships::user_id,
            groups::code,
            memberships::role,
            memberships::capacity,
        ))
        .load(conn)?;
    Ok(page
        .into_iter()
        .map(|user| UserSummary {
            groups: roles
                .iter()
                .filter(|(u, _, _, _)| *u == user.id)
                .map(|(_, code, role, capacity)| (code.clone(), role.clone(), *capacity))
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
