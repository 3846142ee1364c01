//! The first account, signing in and out, password resets and invitations.

use std::sync::OnceLock;

use chrono::TimeDelta;

use super::{Ctx, WorkflowError};
use crate::db::{self, DbConn};
use crate::domain::email::EmailAddress;
use crate::domain::fields::FieldErrors;
use crate::domain::keyed::keyed_hash;
use crate::domain::password;
use crate::i18n::Msg;
use crate::mail::Said;
use crate::mail::messages::{Invitation, PasswordReset, Welcome};
use crate::models::groups::{self, MembershipForm};
use crate::models::organisations::Organisation;
use crate::models::rate::{self, Limit};
use crate::models::sessions;
use crate::models::tokens::{self, Purpose};
use crate::models::users::{self, NewUser, User};

/// Failed sign-ins are counted over this window, three ways: for one
/// account from one client, for one client whatever the account, and for
/// one account from everywhere. The last is higher than one client can
/// reach alone (it is paused before), so nobody locks an account holder
/// out from elsewhere without many addresses; and it still bounds a guess
/// spread over many.
/// A session unused this long ends; the browser is told so again whenever
/// its session is used, so that it slides too.
pub const IDLE_TIMEOUT: TimeDelta = TimeDelta::hours(8);

pub const LOGIN_WINDOW: TimeDelta = TimeDelta::minutes(15);
pub const LOGIN_FAILURES_PER_ACCOUNT_AND_CLIENT: i64 = 5;
pub const LOGIN_FAILURES_PER_CLIENT: i64 = 20;
pub const LOGIN_FAILURES_PER_ACCOUNT: i64 = 100;
/// Reset links asked for, per address and per client, over this window.
pub const RESET_WINDOW: TimeDelta = TimeDelta::hours(1);
pub const RESETS_PER_ADDRESS: i64 = 3;
pub const RESETS_PER_CLIENT: i64 = 10;
pub const RESET_VALIDITY: TimeDelta = TimeDelta::hours(1);
pub const INVITATION_VALIDITY: TimeDelta = TimeDelta::days(7);

pub enum Login {
    /// The session token for the new cookie.
    SignedIn(String),
    Refused,
    Throttled,
    /// The address or the password left empty: said beside each, and not
    /// counted as a failure (it tells nothing about accounts).
    Missing(FieldErrors),
}

/// A hash to verify against when the address has no account, so that an
/// unknown address takes as long as a wrong password.
fn decoy_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| password::hash("decoy password never used"))
}

/// Checks a password and opens a fresh session; the old session of this
/// browser (if any) is closed, so a session id is never reused across a
/// sign-in. `client_key` is the keyed hash of who is asking
/// ([`crate::web::client_key`]).
///
/// The attempt is counted as a failure before the password is checked,
/// and forgotten if it was right: attempts made in parallel cannot all
/// pass a count that none of them has raised yet.
pub fn login(
    conn: &mut DbConn,
    ctx: &Ctx,
    email: &str,
    password_text: &str,
    client_key: &str,
    previous_session: Option<&str>,
) -> Result<Login, WorkflowError> {
    let mut missing = FieldErrors::default();
    if email.trim().is_empty() {
        missing.add("email", Msg::new("form-email-missing"));
    }
    if password_text.is_empty() {
        missing.add("password", Msg::new("form-password-missing"));
    }
    if !missing.is_empty() {
        return Ok(Login::Missing(missing));
    }
    let secret = ctx.secret_key.expose();
    let account = keyed_hash(secret, "login-account", email);
    let account_and_client = keyed_hash(
        secret,
        "login-account-client",
        &(account.clone() + client_key),
    );
    let since = ctx.now - LOGIN_WINDOW;
    let limits = [
        Limit {
            bucket: "login-account-client",
            key: &account_and_client,
            max: LOGIN_FAILURES_PER_ACCOUNT_AND_CLIENT,
            since,
        },
        Limit {
            bucket: "login-client",
            key: client_key,
            max: LOGIN_FAILURES_PER_CLIENT,
            since,
        },
        Limit {
            bucket: "login-account",
            key: &account,
            max: LOGIN_FAILURES_PER_ACCOUNT,
            since,
        },
    ];
    let Some(attempt) = db::write_transaction(conn, |conn| rate::reserve(conn, &limits, ctx.now))?
    else {
        return Ok(Login::Throttled);
    };
    let user = users::find_by_email(conn, email)?.filter(|u| u.active);
    let stored = user.as_ref().and_then(|u| u.password_hash.clone());
    let valid = password::verify(password_text, stored.as_deref().unwrap_or(decoy_hash()))
        && stored.is_some();
    let Some(user) = user.filter(|_| valid) else {
        return Ok(Login::Refused);
    };
    let token = db::write_transaction(conn, |conn| {
        if let Some(previous) = previous_session {
            sessions::close(conn, previous)?;
        }
        rate::forget(conn, &attempt)?;
        rate::clear(conn, "login-account-client", &account_and_client)?;
        users::record_login(conn, &user.id, ctx.now)?;
        sessions::open(conn, &user.id, ctx.now)
    })?;
    Ok(Login::SignedIn(token))
}

/// Whether a reset link was asked for too often to send another.
pub enum ResetAsked {
    /// Sent if the address has an account; nobody is told which.
    Done,
    Throttled,
    /// Not an address at all (empty, or no mail could be sent to it):
    /// saying so tells nothing about accounts, and counts no asking.
    NotAnAddress(Msg),
}

/// Mails a reset link if an active account has this address; says nothing
/// either way, so the page cannot reveal who has an account. Every asking
/// counts, for the address typed and for the client (`client_key`),
/// whether or not an account has that address.
/// The language an account chose with the switch: its pages and mail
/// follow it wherever it signs in.
pub fn choose_language(conn: &mut DbConn, user_id: &str, tag: &str) -> Result<(), WorkflowError> {
    Ok(users::set_language(conn, user_id, tag)?)
}

pub fn request_reset(
    conn: &mut DbConn,
    ctx: &Ctx,
    email: &str,
    client_key: &str,
) -> Result<ResetAsked, WorkflowError> {
    let address = match EmailAddress::parse(email) {
        Ok(address) => address,
        Err(message) => return Ok(ResetAsked::NotAnAddress(message)),
    };
    let typed = keyed_hash(ctx.secret_key.expose(), "reset-address", address.as_str());
    let since = ctx.now - RESET_WINDOW;
    let limits = [
        Limit {
            bucket: "reset-address",
            key: &typed,
            max: RESETS_PER_ADDRESS,
            since,
        },
        Limit {
            bucket: "reset-client",
            key: client_key,
            max: RESETS_PER_CLIENT,
            since,
        },
    ];
    db::write_transaction(conn, |conn| {
        if rate::reserve(conn, &limits, ctx.now)?.is_none() {
            return Ok(ResetAsked::Throttled);
        }
        let Some(user) = users::find_by_email(conn, address.as_str())?.filter(|u| u.active) else {
            return Ok(ResetAsked::Done);
        };
        let token = tokens::issue(
            conn,
            Purpose::Reset,
            tokens::Subject {
                user_id: Some(&user.id),
                ..Default::default()
            },
            ctx.now,
            Some(ctx.now + RESET_VALIDITY),
        )?;
        let message = PasswordReset {
            ctx: ctx.mail.clone(),
            name: user.name.clone(),
            reset_url: ctx.url(&format!("/password/reset/{token}")),
        };
        ctx.send(
            conn,
            &format!("reset-{}", tokens::hash(&token)),
            &user.email,
            &message,
        )?;
        Ok(ResetAsked::Done)
    })
}

/// The account a reset or invitation link opens, if the link is live.
pub fn account_for_link(
    conn: &mut DbConn,
    token: &str,
    purpose: Purpose,
    now: chrono::NaiveDateTime,
) -> Result<User, WorkflowError> {
    let found = tokens::find_valid(conn, token, purpose, now)?.ok_or(WorkflowError::NotFound)?;
    let user = users::find(
        conn,
        found.user_id.as_deref().ok_or(WorkflowError::NotFound)?,
    )?;
    if !user.active {
        return Err(WorkflowError::NotFound);
    }
    Ok(user)
}

/// Sets the password through a reset or invitation link, spends the link,
/// revokes the account's other such links and ends every existing session
/// of the account: a link left in a mailbox opens nothing any more.
pub fn set_password_by_link(
    conn: &mut DbConn,
    token: &str,
    purpose: Purpose,
    new_password: &str,
    now: chrono::NaiveDateTime,
) -> Result<User, WorkflowError> {
    let hash = password::hash(new_password);
    db::write_transaction(conn, |conn| {
        let user = account_for_link(conn, token, purpose, now)?;
        if !tokens::consume(conn, &tokens::hash(token), now)? {
            return Err(WorkflowError::NotFound);
        }
        tokens::revoke_unused_of_user(conn, &user.id, &[Purpose::Reset, Purpose::Invite])?;
        users::set_password(conn, &user.id, &hash)?;
        sessions::close_all(conn, &user.id)?;
        Ok(user)
    })
}

/// Who to invite, and into which group.
pub struct Invitee<'a> {
    pub email: &'a EmailAddress,
    pub name: &'a str,
    pub secretariat: bool,
    /// A group id and the terms of the membership in it.
    pub membership: Option<(&'a str, MembershipForm<'a>)>,
    /// The member body or liaison a sponsor's account speaks for.
    pub sponsor: Option<&'a Organisation>,
    /// The language chosen for it, before it chooses one itself.
    pub language: Option<&'a str>,
}

/// Creates an account without a password and mails the link to set one.
pub fn invite(conn: &mut DbConn, ctx: &Ctx, invitee: Invitee<'_>) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        if users::find_by_email(conn, invitee.email.as_str())?.is_some() {
            return Err(WorkflowError::Internal(format!(
                "an account for {} already exists",
                invitee.email.as_str()
            )));
        }
        let id = db::new_id();
        users::insert(
            conn,
            &NewUser {
                id: &id,
                email: invitee.email.as_str(),
                name: invitee.name,
                password_hash: None,
                is_secretariat: invitee.secretariat,
                active: true,
                created_at: ctx.now,
                sponsor_organisation_id: invitee.sponsor.map(|o| o.id.as_str()),
            },
        )?;
        // Stored before the invitation is written: it is in this language.
        if let Some(tag) = invitee.language {
            users::set_language(conn, &id, tag)?;
        }
        let mut roles = Vec::new();
        if invitee.secretariat {
            roles.push(Said::new("mail-role-secretariat"));
        }
        if let Some(sponsor) = invitee.sponsor {
            roles.push(Said::new("mail-role-sponsor").with("sponsor", sponsor.acronym.clone()));
        }
        if let Some((group_id, terms)) = &invitee.membership {
            groups::insert_membership(conn, group_id, &id, terms, ctx.now)?;
            roles.push(
                Said::new("mail-role-in-group")
                    .with("role", terms.role.as_str())
                    .with("group", groups::find(conn, group_id)?.code),
            );
        }
        if roles.is_empty() {
            roles.push(Said::new("mail-role-reader"));
        }
        let token = tokens::issue(
            conn,
            Purpose::Invite,
            tokens::Subject {
                user_id: Some(&id),
                ..Default::default()
            },
            ctx.now,
            Some(ctx.now + INVITATION_VALIDITY),
        )?;
        let message = Invitation {
            ctx: ctx.mail.clone(),
            name: invitee.name.to_owned(),
            roles,
            accept_url: ctx.url(&format!("/invitation/{token}")),
        };
        ctx.send(
            conn,
            &format!("invite-{id}"),
            invitee.email.as_str(),
            &message,
        )
    })
}

/// How long a setup link printed in the log stays usable.
pub const SETUP_VALIDITY: TimeDelta = TimeDelta::days(7);

/// On a database without accounts, issues a fresh setup link (revoking
/// older ones) to print in the log; none when someone already has an
/// account.
pub fn issue_setup_link(
    conn: &mut DbConn,
    base_url: &str,
    now: chrono::NaiveDateTime,
) -> Result<Option<String>, WorkflowError> {
    db::write_transaction(conn, |conn| {
        if users::count(conn)? > 0 {
            return Ok(None);
        }
        tokens::revoke_unused(conn, Purpose::Setup)?;
        let token = tokens::issue(
            conn,
            Purpose::Setup,
            tokens::Subject::default(),
            now,
            Some(now + SETUP_VALIDITY),
        )?;
        Ok(Some(format!("{base_url}/setup/{token}")))
    })
}

/// What a setup link is now.
#[derive(Debug, PartialEq, Eq)]
pub enum SetupLink {
    Live,
    /// It created the first account: whoever holds it should sign in.
    Used,
}

/// Whether a setup link is live or spent; anything else is not found.
pub fn check_setup_link(
    conn: &mut DbConn,
    token: &str,
    now: chrono::NaiveDateTime,
) -> Result<SetupLink, WorkflowError> {
    if tokens::find_valid(conn, token, Purpose::Setup, now)?.is_some() {
        return Ok(SetupLink::Live);
    }
    match tokens::find_any(conn, token, Purpose::Setup)? {
        Some(spent) if spent.used_at.is_some() => Ok(SetupLink::Used),
        _ => Err(WorkflowError::NotFound),
    }
}

/// The first account, as typed on the setup page.
pub struct FirstAccount<'a> {
    pub name: &'a str,
    pub email: &'a EmailAddress,
    pub password: &'a str,
}

/// Creates the first secretariat account through a live setup link: the
/// link is spent (of two tabs racing on one link, only one wins), every
/// other setup link revoked, and the newcomer welcomed by mail and signed
/// in. Answers the new session's token.
pub fn create_first_account(
    conn: &mut DbConn,
    ctx: &Ctx,
    token: &str,
    account: FirstAccount<'_>,
) -> Result<String, WorkflowError> {
    let hash = password::hash(account.password);
    db::write_transaction(conn, |conn| {
        if !tokens::consume(conn, &tokens::hash(token), ctx.now)? {
            return Err(WorkflowError::NotFound);
        }
        let id = db::new_id();
        users::insert(
            conn,
            &NewUser {
                id: &id,
                email: account.email.as_str(),
                name: account.name,
                password_hash: Some(&hash),
                is_secretariat: true,
                active: true,
                created_at: ctx.now,
                sponsor_organisation_id: None,
            },
        )?;
        tokens::revoke_unused(conn, Purpose::Setup)?;
        let welcome = Welcome {
            ctx: ctx.mail.clone(),
            name: account.name.to_owned(),
            login_url: ctx.url("/login"),
        };
        ctx.send(
            conn,
            &format!("setup-{id}"),
            account.email.as_str(),
            &welcome,
        )?;
        users::record_login(conn, &id, ctx.now)?;
        Ok(sessions::open(conn, &id, ctx.now)?)
    })
}
