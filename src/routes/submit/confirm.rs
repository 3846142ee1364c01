//! `/requests/confirm/{token}`: the link in the confirmation mail opens a
//! page; only its button confirms, so mail scanners change nothing.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;

use super::see_other;
use crate::domain::follow_up::Kind;
use crate::error::AppError;
use crate::models::requests::Request;
use crate::web::flash::{self, Done};
use crate::web::{AppState, Csrf, CsrfForm, NoFields, Page};
use crate::workflow::follow_ups::Followed;
use crate::workflow::submitter::{self, ConfirmationLink, Confirmed};

#[derive(Template, WebTemplate)]
#[template(path = "requests/confirm.html")]
pub struct ConfirmPage {
    page: Page,
    csrf: Csrf,
    action: String,
    request: Box<Request>,
    standard: String,
    follows: Option<Followed>,
}

#[derive(Template, WebTemplate)]
#[template(path = "requests/already_confirmed.html")]
pub struct AlreadyConfirmedPage {
    page: Page,
}

pub async fn show(
    state: web::Data<AppState>,
    token: web::Path<String>,
    csrf: Csrf,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let now = state.clock.now();
    let lookup = token.clone();
    let link = state
        .db(move |conn| Ok(submitter::confirmation_link(conn, &lookup, now)?))
        .await?;
    let body = match link {
        ConfirmationLink::Pending(request, standard, follows) => ConfirmPage {
            page: state.page("submit"),
            csrf,
            action: format!("/requests/confirm/{token}"),
            request,
            standard,
            follows,
        }
        .render()?,
        ConfirmationLink::Used => AlreadyConfirmedPage {
            page: state.page("submit"),
        }
        .render()?,
    };
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(body))
}

/// Confirms, then to the tracking page, which says the request was sent;
/// a second press goes back to the link's page, which says it was.
pub async fn confirm(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let ctx = state.workflow();
    let lookup = token.clone();
    let outcome = state
        .db(move |conn| Ok(submitter::confirm(conn, &ctx, &lookup)?))
        .await?;
    match outcome {
        Confirmed::Now {
            track_token,
            reference,
        } => {
            state.wake_mail_worker();
            let location = format!("/track/{track_token}");
            Ok(flash::see_other(
                &req,
                &location,
                Done::RequestSent { reference },
            ))
        }
        Confirmed::Before => Ok(see_other(&format!("/requests/confirm/{token}"))),
    }
}
