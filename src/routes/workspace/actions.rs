//! The actions of the request page, one handler each: read the form, call
//! the workflow, and either go back to the page or show it again with why
//! the action was refused (nothing changed then).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::request::{Typed, render};
use crate::domain::lifecycle::Action;
use crate::error::AppError;
use crate::models::users::User;
use crate::web::{AppState, Csrf, CsrfForm, SignedIn};
use crate::workflow::rounds;
use crate::workflow::workspace::{self, Acting};
use crate::workflow::{Ctx, WorkflowError};

/// Every field any action form sends; each handler reads its own.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ActionForm {
    version: i32,
    note: String,
    reason: String,
    committee: String,
    duplicate_of: String,
    group: String,
    body: String,
    draft: String,
    deadline: String,
    position: String,
    comment: String,
    final_answer: String,
    consider_at_revision: Option<String>,
    /// `response_<vote id>`: the convenor's answer to each opposition.
    #[serde(flatten)]
    rest: std::collections::HashMap<String, String>,
}

impl ActionForm {
    fn typed(&self) -> Typed {
        Typed {
            note: self.note.clone(),
            draft: self.draft.clone(),
            comment: Some(self.comment.clone()).filter(|_| !self.position.is_empty()),
            final_answer: self.final_answer.clone(),
            body: self.body.clone(),
            responses: self.responses().into_iter().collect(),
        }
    }

    fn responses(&self) -> Vec<(String, String)> {
        self.rest
            .iter()
            .filter_map(|(k, v)| {
                k.strip_prefix("response_")
                    .map(|id| (id.to_owned(), v.clone()))
            })
            .collect()
    }

    /// The deadline typed as a date (end of that day, UTC), or the default.
    fn deadline(&self, now: chrono::NaiveDateTime) -> Result<chrono::NaiveDateTime, String> {
        if self.deadline.trim().is_empty() {
            return Ok(now + rounds::DEFAULT_ROUND);
        }
        chrono::NaiveDate::parse_from_str(self.deadline.trim(), "%Y-%m-%d")
            .map(|d| d.and_hms_opt(23, 59, 59).expect("a valid time"))
            .map_err(|_| "Enter the deadline as a date, like 2026-12-31.".to_owned())
    }
}

const NOTE_MAX: usize = 10_000;

pub async fn show(
    state: web::Data<AppState>,
    SignedIn(user): SignedIn,
    csrf: Csrf,
    reference: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    render(
        &state,
        user,
        csrf,
        reference.into_inner(),
        None,
        Typed::default(),
    )
    .await
}

/// What an action form asks: the permission it needs, what was typed (to
/// show again if refused) and the check of its own fields.
struct Attempt {
    permission: Option<Action>,
    version: i32,
    typed: Typed,
    check: Result<(), String>,
}

/// Runs one workflow step for the signed-in user, then answers.
async fn act<F>(
    state: web::Data<AppState>,
    user: User,
    csrf: Csrf,
    reference: String,
    attempt: Attempt,
    step: F,
) -> Result<HttpResponse, AppError>
where
    F: FnOnce(&mut crate::db::DbConn, &Ctx, &User, &str) -> Result<(), WorkflowError>
        + Send
        + 'static,
{
    let Attempt {
        permission,
        version,
        typed,
        check,
    } = attempt;
    let (who, which) = (user.clone(), reference.clone());
    let allowed = state
        .db(move |conn| Ok(workspace::may(conn, &who, &which, permission, version)))
        .await?;
    match allowed {
        Ok(()) => {}
        Err(WorkflowError::NotFound) => return Err(AppError::NotFound),
        Err(e) => {
            let message = format!("{e} Nothing was changed.");
            return render(
                &state,
                user,
                csrf,
                reference,
                Some((StatusCode::CONFLICT, message)),
                typed,
            )
            .await;
        }
    }
    if let Err(message) = check {
        return render(
            &state,
            user,
            csrf,
            reference,
            Some((StatusCode::UNPROCESSABLE_ENTITY, message)),
            typed,
        )
        .await;
    }
    let ctx = state.workflow();
    let (actor, target) = (user.clone(), reference.clone());
    let outcome = state
        .db(move |conn| Ok(step(conn, &ctx, &actor, &target)))
        .await?;
    match outcome {
        Ok(()) => {
            state.wake_mail_worker();
            Ok(HttpResponse::SeeOther()
                .insert_header(("location", format!("/workspace/requests/{reference}")))
                .finish())
        }
        Err(WorkflowError::NotFound) => Err(AppError::NotFound),
        Err(
            e @ (WorkflowError::Refused(_) | WorkflowError::Changed | WorkflowError::Invalid(_)),
        ) => {
            let status = match e {
                WorkflowError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
                _ => StatusCode::CONFLICT,
            };
            render(
                &state,
                user,
                csrf,
                reference,
                Some((status, format!("{e} Nothing was changed."))),
                typed,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

fn required(text: &str, what: &str) -> Result<(), String> {
    let text = text.trim();
    if text.is_empty() {
        Err(format!("Write {what}."))
    } else if text.chars().count() > NOTE_MAX {
        Err(format!("Shorten {what} to at most 10,000 characters."))
    } else {
        Ok(())
    }
}

macro_rules! action {
    ($name:ident, $permission:expr, |$form:ident| $check:expr, |$conn:ident, $ctx:ident, $acting:ident| $step:expr) => {
        pub async fn $name(
            state: web::Data<AppState>,
            SignedIn(user): SignedIn,
            csrf: Csrf,
            reference: web::Path<String>,
            CsrfForm($form): CsrfForm<ActionForm>,
        ) -> Result<HttpResponse, AppError> {
            let check = $check;
            let typed = $form.typed();
            act(
                state,
                user,
                csrf,
                reference.into_inner(),
                Attempt {
                    permission: $permission,
                    version: $form.version,
                    typed,
                    check,
                },
                move |$conn, $ctx, user, reference| {
                    let $acting = Acting {
                        user,
                        reference,
                        version: $form.version,
                    };
                    $step
                },
            )
            .await
        }
    };
}

action!(
    accept,
    Some(Action::Accept),
    |form| Ok(()),
    |conn, ctx, acting| workspace::accept(conn, ctx, &acting, Some(form.group.as_str()))
);

action!(
    ask,
    Some(Action::AskForInformation),
    |form| required(&form.note, "your question to the submitter"),
    |conn, ctx, acting| workspace::ask(conn, ctx, &acting, form.note.trim())
);

action!(
    not_admissible,
    Some(Action::NotAdmissible),
    |form| required(&form.note, "a note for the submitter"),
    |conn, ctx, acting| workspace::not_admissible(
        conn,
        ctx,
        &acting,
        &form.reason,
        form.note.trim()
    )
);

action!(
    refer,
    Some(Action::Refer),
    |form| Ok(()),
    |conn, ctx, acting| workspace::refer(conn, ctx, &acting, &form.committee, form.note.trim())
);

action!(
    duplicate,
    Some(Action::Duplicate),
    |form| required(
        &form.duplicate_of,
        "the reference of the published clarification"
    ),
    |conn, ctx, acting| workspace::duplicate(conn, ctx, &acting, &form.duplicate_of)
);

action!(
    reassign,
    Some(Action::Reassign),
    |form| Ok(()),
    |conn, ctx, acting| workspace::reassign(conn, ctx, &acting, &form.group)
);

action!(
    comment,
    None,
    |form| required(&form.body, "your comment"),
    |conn, ctx, acting| workspace::comment(
        conn,
        ctx,
        acting.user,
        acting.reference,
        form.body.trim()
    )
);

action!(
    open_round,
    Some(Action::OpenRound),
    |form| required(&form.draft, "the draft answer"),
    |conn, ctx, acting| match form.deadline(ctx.now) {
        Ok(deadline) => rounds::open(conn, ctx, &acting, form.draft.trim(), deadline),
        Err(message) => Err(WorkflowError::Invalid(message)),
    }
);

action!(
    vote,
    Some(Action::Vote),
    |form| Ok(()),
    |conn, ctx, acting| rounds::vote(
        conn,
        ctx,
        &acting,
        form.position.trim(),
        form.comment.trim()
    )
);

action!(
    close_with_consensus,
    Some(Action::CloseWithConsensus),
    |form| required(&form.final_answer, "the final answer"),
    |conn, ctx, acting| rounds::close_with_consensus(
        conn,
        ctx,
        &acting,
        form.final_answer.trim(),
        &form.responses()
    )
);

action!(
    close_without_consensus,
    Some(Action::CloseWithoutConsensus),
    |form| required(&form.note, "a note for the group"),
    |conn, ctx, acting| rounds::close_without_consensus(conn, ctx, &acting, form.note.trim())
);

action!(
    close_no_consensus,
    Some(Action::CloseNoConsensus),
    |form| required(&form.note, "why no consensus is possible"),
    |conn, ctx, acting| rounds::close_no_consensus(conn, ctx, &acting, form.note.trim())
);

action!(
    publish,
    Some(Action::Publish),
    |form| Ok(()),
    |conn, ctx, acting| rounds::publish(conn, ctx, &acting, form.consider_at_revision.is_some())
);

action!(
    send_back,
    Some(Action::SendBack),
    |form| required(&form.note, "a note for the convenor"),
    |conn, ctx, acting| rounds::send_back(conn, ctx, &acting, form.note.trim())
);

action!(
    mark_publication,
    Some(Action::MarkPublication),
    |form| required(&form.note, "a note explaining the change"),
    |conn, ctx, acting| rounds::mark_publication(
        conn,
        ctx,
        &acting,
        form.reason.trim(),
        form.note.trim()
    )
);
