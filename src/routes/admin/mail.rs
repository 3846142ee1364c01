//! `/admin/mail`: mail delivery — what is waiting, what failed and why, and
//! a way to try a failed message again.

use actix_web::{HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;

use super::{Done, admin_page, see_other};
use crate::error::AppError;
use crate::mail::outbox::{self, OutboxMessage};
use crate::web::{AppState, Csrf, CsrfForm, NoFields, Page};
use crate::workflow::registry::Secretariat;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/mail", web::get().to(show))
        .route("/mail/{id}/retry", web::post().to(retry))
        .route(
            "/mail/{id}/retry",
            web::get().to(|| async { see_other("/admin/mail") }),
        );
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/mail.html")]
pub struct MailPage {
    page: Page,
    csrf: Csrf,
    depth: Vec<(String, i64)>,
    messages: Vec<OutboxMessage>,
    retried: bool,
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
    done: web::Query<Done>,
) -> Result<MailPage, AppError> {
    let (depth, messages) = state
        .db(|conn| Ok((outbox::depth(conn)?, outbox::undelivered(conn, 200)?)))
        .await?;
    Ok(MailPage {
        page: admin_page(&state, &admin),
        csrf,
        depth,
        messages,
        retried: done.done == "retried",
    })
}

pub async fn retry(
    state: web::Data<AppState>,
    _admin: Secretariat,
    id: web::Path<String>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<HttpResponse, AppError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    let retried = state
        .db(move |conn| Ok(outbox::retry(conn, &id, now)?))
        .await?;
    if !retried {
        return Err(AppError::NotFound);
    }
    state.wake_mail_worker();
    Ok(see_other("/admin/mail?done=retried"))
}
