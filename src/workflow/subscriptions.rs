//! Following a standard by e-mail: ask, confirm through a link and a button
//! (double opt-in), stop through a link that needs nothing stored; and the
//! mail followers receive when a clarification is published, marked or
//! corrected.

use chrono::{NaiveDateTime, TimeDelta};
use subtle::ConstantTimeEq;

use super::submitter::CONFIRMATION_WINDOW;
use super::workspace::summary;
use super::{Ctx, WorkflowError};
use crate::db::{self, DbConn};
use crate::domain::email::EmailAddress;
use crate::i18n::Lang;
use crate::mail::messages::{
    ClarificationCorrected, ClarificationMarked, ClarificationPublished, ConfirmSubscription,
    RequestSummary,
};
use crate::models::rate;
use crate::models::requests::Request;
use crate::models::standards::{self, Standard};
use crate::models::subscriptions::{self, Subscription};
use crate::models::tokens::{self, Purpose};
use crate::models::translations::{self, FRENCH};

/// Addresses one client may ask to follow a standard, per hour.
pub const PER_CLIENT_PER_HOUR: i64 = 20;
/// Confirmation mails for one address and standard, per hour: asking again
/// resends the link, but nobody can fill someone's inbox with them.
pub const MAILS_PER_SUBSCRIPTION_PER_HOUR: i64 = 3;

pub enum Asked {
    /// Whatever happened; the page says the same either way.
    Done,
    /// Too many requests from this client in the last hour.
    Throttled,
}

/// Stores the wish of `email` to follow `standard` and mails a link to
/// confirm it, unless the address already follows it. Nothing in the result
/// tells which, so the page cannot reveal who follows what.
pub fn subscribe(
    conn: &mut DbConn,
    ctx: &Ctx,
    standard: &Standard,
    email: &EmailAddress,
    lang: &Lang,
    client: &str,
) -> Result<Asked, WorkflowError> {
    let hour_ago = ctx.now - TimeDelta::hours(1);
    db::write_transaction(conn, |conn| {
        if rate::count_since(conn, "subscribe-client", client, hour_ago)? >= PER_CLIENT_PER_HOUR {
            return Ok(Asked::Throttled);
        }
        rate::record(conn, "subscribe-client", client, ctx.now)?;
        let subscription =
            subscriptions::request(conn, email.as_str(), &standard.id, &lang.tag(), ctx.now)?;
        if subscription.confirmed_at.is_some()
            || rate::count_since(conn, "subscribe-mail", &subscription.id, hour_ago)?
                >= MAILS_PER_SUBSCRIPTION_PER_HOUR
        {
            return Ok(Asked::Done);
        }
        rate::record(conn, "subscribe-mail", &subscription.id, ctx.now)?;
        let token = tokens::issue(
            conn,
            Purpose::Subscribe,
            tokens::Subject {
                subscription_id: Some(&subscription.id),
                ..Default::default()
            },
            ctx.now,
            Some(ctx.now + CONFIRMATION_WINDOW),
        )?;
        let message = ConfirmSubscription {
            ctx: ctx.mail.clone(),
            standard: standard.label(),
            confirm_url: ctx.url(&format!("/subscriptions/confirm/{token}")),
        };
        ctx.send_listed(
            conn,
            &format!("subscribe-{}", tokens::hash(&token)),
            email.as_str(),
            lang,
            &message,
            None,
        )?;
        Ok(Asked::Done)
    })
}

/// What a confirmation link opens.
pub enum Confirmation {
    /// Waiting for the button.
    Pending(Standard),
    /// Confirmed (now or before): the standard and where to stop following it.
    Following {
        standard: Standard,
        unsubscribe_path: String,
    },
}

/// The subscription behind a confirmation link: a used link still opens it,
/// an expired unused one does not.
fn linked(
    conn: &mut DbConn,
    token: &str,
    now: NaiveDateTime,
) -> Result<(tokens::Token, Subscription), WorkflowError> {
    let found =
        tokens::find_any(conn, token, Purpose::Subscribe)?.ok_or(WorkflowError::NotFound)?;
    if found.used_at.is_none() && found.expires_at.is_some_and(|at| at <= now) {
        return Err(WorkflowError::NotFound);
    }
    let id = found
        .subscription_id
        .as_deref()
        .ok_or(WorkflowError::NotFound)?;
    let subscription = subscriptions::find(conn, id)?.ok_or(WorkflowError::NotFound)?;
    Ok((found, subscription))
}

/// Looks a confirmation link up without changing anything (GET).
pub fn confirmation(
    conn: &mut DbConn,
    ctx: &Ctx,
    token: &str,
) -> Result<Confirmation, WorkflowError> {
    let (_, subscription) = linked(conn, token, ctx.now)?;
    let standard = standards::find_by_id(conn, &subscription.standard_id)?;
    Ok(match subscription.confirmed_at {
        Some(_) => Confirmation::Following {
            standard,
            unsubscribe_path: unsubscribe_path(ctx.secret_key.expose(), &subscription.id),
        },
        None => Confirmation::Pending(standard),
    })
}

/// The button on the confirmation page. Pressing it twice is harmless.
pub fn confirm(conn: &mut DbConn, ctx: &Ctx, token: &str) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let (found, subscription) = linked(conn, token, ctx.now)?;
        subscriptions::confirm(conn, &subscription.id, ctx.now)?;
        tokens::consume(conn, &found.token_hash, ctx.now)?;
        Ok(())
    })
}

fn mac(key: &[u8; 32], subscription_id: &str) -> String {
    crate::domain::keyed::keyed_hash(key, "unsubscribe", subscription_id)
}

/// The link that stops a subscription. It is a MAC of the subscription id,
/// so it works for as long as the subscription exists and nothing is stored.
pub fn unsubscribe_path(key: &[u8; 32], subscription_id: &str) -> String {
    format!(
        "/subscriptions/unsubscribe/{subscription_id}/{}",
        mac(key, subscription_id)
    )
}

/// Was this unsubscribe link made by us?
pub fn is_genuine(key: &[u8; 32], subscription_id: &str, given: &str) -> bool {
    mac(key, subscription_id)
        .as_bytes()
        .ct_eq(given.as_bytes())
        .into()
}

/// The standard a subscription follows, or None once it is gone.
pub fn followed(
    conn: &mut DbConn,
    subscription_id: &str,
) -> Result<Option<Standard>, WorkflowError> {
    match subscriptions::find(conn, subscription_id)? {
        Some(subscription) => Ok(Some(standards::find_by_id(
            conn,
            &subscription.standard_id,
        )?)),
        None => Ok(None),
    }
}

/// Ends a subscription (checked by `is_genuine` first); returns the standard
/// it followed, or None if it had already ended.
pub fn unsubscribe(
    conn: &mut DbConn,
    subscription_id: &str,
) -> Result<Option<Standard>, WorkflowError> {
    db::write_transaction(conn, |conn| {
        let standard = followed(conn, subscription_id)?;
        subscriptions::delete(conn, subscription_id)?;
        Ok(standard)
    })
}

/// Erases the addresses of subscriptions never confirmed in time.
pub fn erase_unconfirmed(conn: &mut DbConn, now: NaiveDateTime) -> Result<usize, WorkflowError> {
    Ok(subscriptions::delete_unconfirmed_before(
        conn,
        now - CONFIRMATION_WINDOW,
    )?)
}

/// What followers are told about a clarification.
#[derive(Clone, Copy)]
pub enum News<'a> {
    Published,
    /// `flag` is superseded, incorporated or withdrawn.
    Marked {
        flag: &'a str,
        note: &'a str,
    },
    /// Version `version` replaces the one before, for the reason `note`.
    Corrected {
        version: i32,
        substantive: bool,
        note: &'a str,
        answer: &'a str,
    },
}

/// Queues one message per confirmed follower of the request's standard,
/// in the transaction of the event: each one addressed to a single person,
/// with their own unsubscribe link and `List-Unsubscribe` header.
pub fn tell_followers(
    conn: &mut DbConn,
    ctx: &Ctx,
    request: &Request,
    event: &str,
    news: News<'_>,
) -> Result<(), WorkflowError> {
    let followers = subscriptions::confirmed_for_standard(conn, &request.standard_id)?;
    if followers.is_empty() {
        return Ok(());
    }
    let summary = summary(conn, request)?;
    let french = match news {
        News::Published => translations::of_request(conn, &request.id, FRENCH)?,
        _ => None,
    };
    let clarification_url = ctx.url(&format!(
        "/clarifications/{}",
        request.reference.as_deref().unwrap_or_default()
    ));
    // The submitter may follow the standard too: their two messages about
    // this event need different Message-IDs.
    let event_key = format!("{event}-follow");
    for (id, email, language) in followers {
        let lang = ctx.mail.language(language.as_deref());
        let unsubscribe_url = ctx.url(&unsubscribe_path(ctx.secret_key.expose(), &id));
        let listed = Some(unsubscribe_url.clone());
        match news {
            News::Published => {
                // A follower reading French gets the French version
                // entered before publication, said to be translated.
                let french = french.as_ref().filter(|_| lang.tag() == FRENCH);
                let message = ClarificationPublished {
                    ctx: ctx.mail.clone(),
                    request: match french {
                        Some(french) => RequestSummary {
                            question: french.question.clone(),
                            ..summary.clone()
                        },
                        None => summary.clone(),
                    },
                    answer: french.map_or_else(
                        || request.answer.clone().unwrap_or_default(),
                        |french| french.answer.clone(),
                    ),
                    translated: french.is_some(),
                    clarification_url: clarification_url.clone(),
                    unsubscribe_url,
                };
                ctx.send_listed(conn, &event_key, &email, &lang, &message, listed)?;
            }
            News::Marked { flag, note } => {
                let message = ClarificationMarked {
                    ctx: ctx.mail.clone(),
                    request: summary.clone(),
                    mark: flag.to_owned(),
                    note: note.to_owned(),
                    clarification_url: clarification_url.clone(),
                    unsubscribe_url,
                };
                ctx.send_listed(conn, &event_key, &email, &lang, &message, listed)?;
            }
            News::Corrected {
                version,
                substantive,
                note,
                answer,
            } => {
                let message = ClarificationCorrected {
                    ctx: ctx.mail.clone(),
                    request: summary.clone(),
                    version,
                    substantive,
                    note: note.to_owned(),
                    answer: answer.to_owned(),
                    clarification_url: clarification_url.clone(),
                    previous_url: format!("{clarification_url}/v{}", version - 1),
                    unsubscribe_url,
                };
                ctx.send_listed(conn, &event_key, &email, &lang, &message, listed)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unsubscribe_link_is_bound_to_its_subscription_and_key() {
        let key = [7; 32];
        let path = unsubscribe_path(&key, "sub-1");
        let (id, given) = path
            .strip_prefix("/subscriptions/unsubscribe/")
            .and_then(|rest| rest.split_once('/'))
            .unwrap();
        assert_eq!(id, "sub-1");
        assert!(is_genuine(&key, "sub-1", given));
        assert!(!is_genuine(&key, "sub-2", given));
        assert!(!is_genuine(&[8; 32], "sub-1", given));
        assert!(!is_genuine(&key, "sub-1", &given[1..]));
    }
}
