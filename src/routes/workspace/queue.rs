//! `/workspace`: what waits for me.

use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;

use crate::domain::lifecycle::State;
use crate::error::AppError;
use crate::models::requests;
use crate::models::users::User;
use crate::web::{AppState, Page, SignedIn, Viewer};

#[derive(Template, WebTemplate)]
#[template(path = "workspace/queue.html")]
pub struct QueuePage {
    page: Page,
    user: User,
    counts: Vec<(State, i64)>,
}

pub async fn show(
    state: web::Data<AppState>,
    SignedIn(user): SignedIn,
) -> Result<QueuePage, AppError> {
    // Counts over every request are the secretariat's view only.
    let counts = if user.is_secretariat {
        state.db(|conn| Ok(requests::count_by_state(conn)?)).await?
    } else {
        Vec::new()
    };
    let viewer = Viewer(Some(user.clone()));
    Ok(QueuePage {
        page: state.page_as("workspace", &viewer),
        user,
        counts,
    })
}
