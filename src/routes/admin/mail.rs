//! `/admin/mail`: mail delivery — what is waiting, what was given up and
//! why, 50 a page, found by recipient or subject; and what became of the
//! mail sent to one address.

use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use super::admin_page;
use crate::domain::paging::{PER_PAGE, Paging, offset, searched};
use crate::error::AppError;
use crate::mail::outbox::{self, OutboxMessage};
use crate::web::input::ListQuery;
use crate::web::{AppState, Csrf, Page};
use crate::workflow::registry::Secretariat;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/mail", web::get().to(show));
}

const PATH: &str = "/admin/mail";

/// Messages to one address listed at most.
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
    /// The words looked for in the messages not delivered.
    words: String,
    paged: Paging,
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
    query: web::Query<ListQuery>,
) -> Result<MailPage, AppError> {
    let address = lookup.into_inner().to.trim().to_lowercase();
    let (words, page) = (query.words(), query.page()?);
    let looked_for = words.clone();
    let (depth, total, messages, sent) = state
        .db(move |conn| {
            let sent = if address.is_empty() {
                None
            } else {
                let messages = outbox::to_address(conn, &address, LISTED)?;
                Some(Sent { address, messages })
            };
            Ok((
                outbox::depth(conn)?,
                outbox::count_undelivered(conn, &looked_for)?,
                outbox::undelivered(conn, &looked_for, PER_PAGE, offset(page))?,
                sent,
            ))
        })
        .await?;
    Ok(MailPage {
        page: admin_page(&state, &admin, &csrf),
        depth,
        paged: Paging::new(page, total, searched(PATH, &words)),
        words,
        messages,
        sent,
        mail_server: state.settings.smtp_url.is_some(),
    })
}
