//! The case file of a request: its whole record, every round included, on
//! one printable page or as JSON, for an appeal panel or an audit.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;

use crate::domain::access::Capacity;
use crate::domain::appeal::{Appealed, Step};
use crate::domain::conflicts::Conflict;
use crate::domain::consensus::{ChangeClass, Outcome, Piece, Position};
use crate::domain::follow_up::{Kind, Outcome as FollowUpOutcome};
use crate::domain::lifecycle::{Action, ActorKind, State};
use crate::domain::markdown::to_safe_html;
use crate::error::AppError;
use crate::web::{AppState, Csrf, Page, SignedIn, Viewer, private, private_page};
use crate::workflow::workspace::{self, CaseFile};

#[derive(Template)]
#[template(path = "workspace/case.html")]
struct CasePage {
    page: Page,
    view: CaseFile,
}

impl CasePage {
    fn markdown(&self, text: &str) -> String {
        to_safe_html(text)
    }
}

async fn case_file(
    state: &AppState,
    user: crate::models::users::User,
    reference: String,
) -> Result<CaseFile, AppError> {
    let now = state.clock.now();
    let group_sees_submitter = state.settings.intake.group_sees_submitter;
    state
        .db(move |conn| {
            Ok(workspace::case_file(
                conn,
                &user,
                &reference,
                now,
                group_sees_submitter,
            )?)
        })
        .await
}

pub async fn show(
    state: web::Data<AppState>,
    SignedIn(user): SignedIn,
    csrf: Csrf,
    reference: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let viewer = Viewer(Some(user.clone()));
    let view = case_file(&state, user, reference.into_inner()).await?;
    let body = CasePage {
        page: state.page_as("workspace", &viewer, &csrf),
        view,
    }
    .render()?;
    Ok(private_page(StatusCode::OK, body))
}

pub async fn json(
    state: web::Data<AppState>,
    SignedIn(user): SignedIn,
    reference: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let view = case_file(&state, user, reference.into_inner()).await?;
    let body = serde_json::to_string_pretty(&view)
        .map_err(|e| AppError::Internal(format!("the case file as JSON: {e}")))?;
    // The case file names the submitter.
    Ok(private(StatusCode::OK, "application/json", body))
}
