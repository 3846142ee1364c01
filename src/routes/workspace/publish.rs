//! "Preview before publishing": the public page a decided request would
//! have, with the button that publishes it. Nothing is stored.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;

use crate::domain::markdown;
use crate::error::AppError;
use crate::models::links::Links;
use crate::models::register::Clarification;
use crate::models::translations::Translated;
use crate::models::users::User;
use crate::search;
use crate::web::{AppState, Csrf, Page, Viewer, private_page};
use crate::workflow::rounds;
use crate::workflow::workspace::Acting;

#[derive(Template)]
#[template(path = "workspace/publish_preview.html")]
struct PreviewPage {
    page: Page,
    csrf: Csrf,
    /// The version of the request the preview shows, for the button.
    version: i32,
    item: Clarification,
    answer_html: String,
    related: search::Related,
    /// None yet: only a published clarification is superseded or named as
    /// a successor.
    links: Links,
    permalink: String,
    publisher: String,
}

pub async fn preview(
    state: &web::Data<AppState>,
    user: User,
    csrf: Csrf,
    reference: String,
    version: i32,
    consider_at_revision: bool,
) -> Result<HttpResponse, AppError> {
    let ctx = state.workflow();
    let index = state.search_index.clone();
    let viewer = Viewer(Some(user.clone()));
    let (item, related) = state
        .db(move |conn| {
            let acting = Acting {
                user: &user,
                reference: &reference,
                version,
            };
            let item = rounds::publication_preview(conn, &ctx, &acting, consider_at_revision)?;
            let related = search::related(conn, &index, None, &item)?;
            Ok((item, related))
        })
        .await?;
    let body = PreviewPage {
        page: state.page_as("workspace", &viewer, &csrf),
        csrf,
        version,
        answer_html: markdown::to_safe_html(&item.answer),
        permalink: format!("{}{}", state.settings.base_url, item.path()),
        publisher: state.settings.publisher.clone(),
        item,
        related,
        links: Links::default(),
    }
    .render()?;
    Ok(private_page(StatusCode::OK, body))
}
