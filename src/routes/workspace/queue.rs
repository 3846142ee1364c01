//! `/workspace`: what waits for me, most urgent first.

use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;
use chrono::NaiveDateTime;

use crate::domain::lifecycle::State;
use crate::error::AppError;
use crate::models::groups::Group;
use crate::models::users::User;
use crate::web::flash::Flash;
use crate::web::{AppState, Csrf, Page, SignedIn, Viewer};
use crate::workflow::queue::{self, Checklist, Item, Task};

#[derive(Template, WebTemplate)]
#[template(path = "workspace/queue.html")]
pub struct QueuePage {
    page: Page,
    user: User,
    items: Vec<Item>,
    counts: Vec<(State, i64)>,
    unconvened: Vec<(Group, Vec<String>)>,
    checklist: Option<Checklist>,
    csrf: Csrf,
    now: NaiveDateTime,
}

impl QueuePage {
    /// "3 days", "5 hours": how long an item has waited.
    fn age(&self, since: &NaiveDateTime) -> String {
        let waited = self.now - *since;
        match (waited.num_days(), waited.num_hours()) {
            (0, 0) => "less than an hour".to_owned(),
            (0, 1) => "1 hour".to_owned(),
            (0, h) => format!("{h} hours"),
            (1, _) => "1 day".to_owned(),
            (d, _) => format!("{d} days"),
        }
    }
}

pub async fn show(
    state: web::Data<AppState>,
    SignedIn(user): SignedIn,
    csrf: Csrf,
    flash: Flash,
) -> Result<QueuePage, AppError> {
    let now = state.clock.now();
    let me = user.clone();
    let mail_server = state.settings.smtp_url.is_some();
    let queue = state
        .db(move |conn| Ok(queue::queue(conn, &me, now, mail_server)?))
        .await?;
    let viewer = Viewer(Some(user.clone()));
    Ok(QueuePage {
        page: state.page_as("workspace", &viewer, &csrf).showing(flash),
        user,
        items: queue.items,
        counts: queue.counts,
        unconvened: queue.unconvened,
        checklist: queue.checklist,
        csrf,
        now,
    })
}
