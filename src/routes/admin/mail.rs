//! `/admin/mail`: mail delivery — what is waiting, what was given up and
//! why, and what became of the mail sent to one address.

use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use super::admin_page;
use crate::error::AppError;
use crate::mail::outbox::{self, OutboxMessage};
use crate::web::{AppState, Csrf, Page};
use crate::workflow::registry::Secretariat;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/mail", web::get().to(show));
}

/// Messages listed at most, in either table.
const LISTED: i64 = 200;

#[derive(Deserialize)]
pub struct Lookup {
    #[serde(default)]
    to: String,
}

/// The mail to one address: found by the hash of the address, which is
/// all a delivered or given-up message keeps of it.
pub struct Sent {
    address: String,
    messages: Vec<OutboxMessage>,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/mail.html")]
pub struct MailPage {
    page: Page,
    depth: Vec<(String, i64)>,
    messages: Vec<OutboxMessage>,
    sent: Option<Sent>,
    /// Mail goes to a mail server, not into files.
    mail_server: bool,
}

impl MailPage {
    fn count(&self, status: &str) -> i64 {
        self.depth
            .iter()
            .find(|(s, _)| s == status)
            .map_or(0, |(_, n)| *n)
    }
}

pub async fn show(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    lookup: web::Query<Lookup>,
) -> Result<MailPage, AppError> {
    let address = lookup.into_inner().to.trim().to_lowercase();
    let (depth, messages, sent) = state
        .db(move |conn| {
            let sent = if address.is_empty() {
                None
            } else {
                let messages = outbox::to_address(conn, &address, LISTED)?;
                Some(Sent { address, messages })
            };
            Ok((
                outbox::depth(conn)?,
                outbox::undelivered(conn, LISTED)?,
                sent,
            ))
        })
        .await?;
    Ok(MailPage {
        page: admin_page(&state, &admin, &csrf),
        depth,
        messages,
        sent,
        mail_server: state.settings.smtp_url.is_some(),
    })
}
