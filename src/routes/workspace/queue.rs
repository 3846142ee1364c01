//! `/workspace`: what waits for me, by task, most urgent first, a page at
//! a time.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use chrono::NaiveDateTime;
use serde::Deserialize;

use crate::domain::follow_up::Kind;
use crate::domain::paging::page_number;
use crate::error::AppError;
use crate::models::users::User;
use crate::web::flash::Flash;
use crate::web::private_pages::held_until;
use crate::web::{AppState, Csrf, Page, SignedIn, Viewer};
use crate::workflow::queue::{self, QueuePage, Task};

#[derive(Debug, Default, Deserialize)]
pub struct PageQuery {
    page: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "workspace/queue.html")]
pub struct QueueView {
    page: Page,
    user: User,
    queue: QueuePage,
    /// `?page=` was no page number.
    bad_page: bool,
    csrf: Csrf,
    now: NaiveDateTime,
}

impl QueueView {
    /// "3 days", "5 hours": how long an item has waited.
    fn age(&self, since: &NaiveDateTime) -> String {
        let waited = self.now - *since;
        match (waited.num_days(), waited.num_hours()) {
            (0, 0) => self.page.t("ws-age-under-an-hour"),
            (0, hours) => self.page.t_with("ws-age-hours", &[("count", hours.into())]),
            (days, _) => self.page.t_with("ws-age-days", &[("count", days.into())]),
        }
    }

    /// "3 days": how long until a deadline.
    fn age_until(&self, until: &NaiveDateTime) -> String {
        match (*until - self.now).num_days().max(0) {
            0 => self.page.t("ws-age-under-a-day"),
            days => self.page.t_with("ws-age-days", &[("count", days.into())]),
        }
    }

    fn page_address(&self, page: usize) -> String {
        if page > 1 {
            format!("/workspace?page={page}")
        } else {
            "/workspace".to_owned()
        }
    }
}

pub async fn show(
    state: web::Data<AppState>,
    SignedIn(user): SignedIn,
    query: web::Query<PageQuery>,
    csrf: Csrf,
    flash: Flash,
) -> Result<HttpResponse, AppError> {
    let now = state.clock.now();
    let me = user.clone();
    let mail_server = state.settings.smtp_url.is_some();
    let asked = page_number(query.page.as_deref());
    let number = asked.and_then(|n| usize::try_from(n).ok()).unwrap_or(1);
    let held = state.request_index.clone();
    let queue = state
        .db(move |conn| Ok(queue::page(conn, &held, &me, now, mail_server, number)?))
        .await?;
    let viewer = Viewer(Some(user.clone()));
    let holds_until = queue.holds_until;
    let view = QueueView {
        page: state.page_as("workspace", &viewer, &csrf).showing(flash),
        user,
        queue,
        bad_page: asked.is_none(),
        csrf,
        now,
    };
    let status = if view.bad_page {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let response = HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(view.render()?);
    Ok(held_until(response, holds_until))
}
