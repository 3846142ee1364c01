//! The page a private link leads to once it no longer works: used,
//! replaced, expired or mistyped. A bare "Page not found" left people who
//! followed a link from our own mail with no idea what happened or what
//! to do; this page says why such links stop and leads on. Still a 404:
//! nothing is at that address any more.

use actix_web::HttpResponse;
use askama::Template;
use askama_web::WebTemplate;

use crate::error::AppError;
use crate::web::{AppState, Page};

/// The kinds of private link mailed to people.
#[derive(Clone, Copy)]
pub enum Link {
    /// To choose a new password.
    Reset,
    /// To accept an invitation and choose a first password.
    Invitation,
    /// To confirm a clarification request before it is sent.
    Confirmation,
    /// To confirm following a standard by mail.
    Subscription,
    /// To endorse a request as its sponsor.
    Endorsement,
    /// To follow one's own request.
    Tracking,
    /// A liaison's, to review a decided answer before publication.
    Review,
}

#[derive(Template, WebTemplate)]
#[template(path = "errors/link_gone.html")]
struct LinkGonePage {
    page: Page,
    link: Link,
}

/// `answer`, unless the link was not found: then the page for a link that
/// no longer works.
pub fn or_gone(
    state: &AppState,
    link: Link,
    answer: Result<HttpResponse, AppError>,
) -> Result<HttpResponse, AppError> {
    let Err(AppError::NotFound) = answer else {
        return answer;
    };
    let body = LinkGonePage {
        page: state.page(""),
        link,
    }
    .render()?;
    Ok(HttpResponse::NotFound()
        .content_type("text/html; charset=utf-8")
        .body(body))
}
