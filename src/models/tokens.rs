//! Credentials sent by mail or printed: 128 random bits, given to the person
//! once and stored only as a SHA-256 hash.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use sha2::{Digest, Sha256};

use crate::db::DbConn;
use crate::db::schema::tokens;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Setup,
    Confirm,
    Track,
    Reset,
    Invite,
    Subscribe,
    Unsubscribe,
}

impl Purpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Setup => "setup",
            Self::Confirm => "confirm",
            Self::Track => "track",
            Self::Reset => "reset",
            Self::Invite => "invite",
            Self::Subscribe => "subscribe",
            Self::Unsubscribe => "unsubscribe",
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = tokens)]
pub struct Token {
    pub token_hash: String,
    pub purpose: String,
    pub request_id: Option<String>,
    pub user_id: Option<String>,
    pub subscription_id: Option<String>,
    pub created_at: NaiveDateTime,
    pub expires_at: Option<NaiveDateTime>,
    pub used_at: Option<NaiveDateTime>,
}

/// What a token opens; at most one of these is usually set.
#[derive(Default)]
pub struct Subject<'a> {
    pub request_id: Option<&'a str>,
    pub user_id: Option<&'a str>,
    pub subscription_id: Option<&'a str>,
}

/// 32 lower-case hex characters.
pub fn generate() -> String {
    hex::encode(rand::random::<[u8; 16]>())
}

pub fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Is this shaped like a token we issued? Lets routes answer 404 to junk
/// without a database round trip.
pub fn is_well_formed(token: &str) -> bool {
    token.len() == 32
        && token
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// A token about to be stored (as its hash only).
#[derive(Insertable)]
#[diesel(table_name = tokens, treat_none_as_default_value = false)]
pub struct NewToken {
    token_hash: String,
    purpose: &'static str,
    request_id: Option<String>,
    user_id: Option<String>,
    subscription_id: Option<String>,
    created_at: NaiveDateTime,
    expires_at: Option<NaiveDateTime>,
}

impl NewToken {
    /// A new random token: the plain token, to send, and its row.
    pub fn new(
        purpose: Purpose,
        subject: Subject<'_>,
        now: NaiveDateTime,
        expires_at: Option<NaiveDateTime>,
    ) -> (String, NewToken) {
        let token = generate();
        let row = NewToken {
            token_hash: hash(&token),
            purpose: purpose.as_str(),
            request_id: subject.request_id.map(str::to_owned),
            user_id: subject.user_id.map(str::to_owned),
            subscription_id: subject.subscription_id.map(str::to_owned),
            created_at: now,
            expires_at,
        };
        (token, row)
    }
}

pub fn insert_all(conn: &mut DbConn, rows: &[NewToken]) -> QueryResult<()> {
    crate::db::insert_rows!(conn, tokens::table, rows)
}

/// Stores a new token and returns its plain text, which exists nowhere else.
pub fn issue(
    conn: &mut DbConn,
    purpose: Purpose,
    subject: Subject<'_>,
    now: NaiveDateTime,
    expires_at: Option<NaiveDateTime>,
) -> QueryResult<String> {
    let (token, row) = NewToken::new(purpose, subject, now, expires_at);
    insert_all(conn, &[row])?;
    Ok(token)
}

/// The unused, unexpired token of this purpose, if `token` is one.
pub fn find_valid(
    conn: &mut DbConn,
    token: &str,
    purpose: Purpose,
    now: NaiveDateTime,
) -> QueryResult<Option<Token>> {
    if !is_well_formed(token) {
        return Ok(None);
    }
    let found = tokens::table
        .find(hash(token))
        .filter(tokens::purpose.eq(purpose.as_str()))
        .filter(tokens::used_at.is_null())
        .select(Token::as_select())
        .first(conn)
        .optional()?;
    Ok(found.filter(|t| t.expires_at.is_none_or(|at| at > now)))
}

/// Marks a token used; false if it already was (someone else got there first).
pub fn consume(conn: &mut DbConn, token_hash: &str, now: NaiveDateTime) -> QueryResult<bool> {
    let updated = diesel::update(
        tokens::table
            .find(token_hash)
            .filter(tokens::used_at.is_null()),
    )
    .set(tokens::used_at.eq(now))
    .execute(conn)?;
    Ok(updated == 1)
}

/// Forgets every unused token of a purpose, e.g. older setup links.
pub fn revoke_unused(conn: &mut DbConn, purpose: Purpose) -> QueryResult<usize> {
    diesel::delete(
        tokens::table
            .filter(tokens::purpose.eq(purpose.as_str()))
            .filter(tokens::used_at.is_null()),
    )
    .execute(conn)
}

/// Forgets the unused tokens of these purposes that open a user's account.
pub fn revoke_unused_of_user(
    conn: &mut DbConn,
    user_id: &str,
    purposes: &[Purpose],
) -> QueryResult<usize> {
    let purposes: Vec<&str> = purposes.iter().map(|p| p.as_str()).collect();
    diesel::delete(
        tokens::table
            .filter(tokens::user_id.eq(user_id))
            .filter(tokens::purpose.eq_any(purposes))
            .filter(tokens::used_at.is_null()),
    )
    .execute(conn)
}

/// Forgets every token of these requests: the links mailed for them stop
/// working.
pub fn revoke_for_requests(conn: &mut DbConn, request_ids: &[String]) -> QueryResult<usize> {
    diesel::delete(tokens::table.filter(tokens::request_id.eq_any(request_ids))).execute(conn)
}

/// A token of this purpose whether used or expired, so that a second click
/// on a confirmation link can be told apart from a made-up one.
pub fn find_any(conn: &mut DbConn, token: &str, purpose: Purpose) -> QueryResult<Option<Token>> {
    if !is_well_formed(token) {
        return Ok(None);
    }
    tokens::table
        .find(hash(token))
        .filter(tokens::purpose.eq(purpose.as_str()))
        .select(Token::as_select())
        .first(conn)
        .optional()
}
