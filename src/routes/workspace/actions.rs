//! The actions of the request page, one handler each: read the form, call
//! the workflow, and either go back to the page or show it again with why
//! the action was refused (nothing changed then).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

use super::request::{Problem, Typed, render};
use crate::domain::consensus::RoundRefusal;
use crate::domain::lifecycle::Action;
use crate::domain::meeting::MeetingForm;
use crate::error::AppError;
use crate::models::users::User;
use crate::web::flash::{self, Done, Flash};
use crate::web::{AppState, Csrf, CsrfForm, SignedIn};
use crate::workflow::rounds::{Decision, MarkedTo};
use crate::workflow::workspace::{self, Acting, Screened, ScreeningForm};
use crate::workflow::{WorkflowError, conflicts, consultations, meetings, rounds};

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
    /// With the vote: `none` (no conflict of interest), `declared` (with
    /// its note), or empty.
    conflict: String,
    conflict_note: String,
    /// The voter whose conflicted vote the convenor allows, and why.
    voter: String,
    allowed_reason: String,
    /// The opposition answered, and the answer.
    vote: String,
    response: String,
    /// The liaison's comments responded to (its answer's id).
    liaison: String,
    final_answer: String,
    change_class: String,
    change_reason: String,
    /// Where a marked clarification went: its successor's reference, or
    /// the standard (slug) and clause it was incorporated into.
    successor: String,
    standard: String,
    clause: String,
    /// Sent by a "Preview" button: show the page, store nothing.
    preview: Option<String>,
    /// The box a destructive action must have ticked.
    confirm: Option<String>,
    consider_at_revision: Option<String>,
}

impl ActionForm {
    fn typed(&self) -> Typed {
        Typed {
            note: self.note.clone(),
            draft: self.draft.clone(),
            deadline: self.deadline.clone(),
            comment: Some(self.comment.clone()).filter(|_| !self.position.is_empty()),
            position: self.position.clone(),
            conflict: self.conflict.clone(),
            conflict_note: self.conflict_note.clone(),
            allowance: Some((self.voter.clone(), self.allowed_reason.clone()))
                .filter(|(voter, _)| !voter.is_empty()),
            response: Some((self.vote.clone(), self.response.clone()))
                .filter(|(vote, _)| !vote.is_empty()),
            liaison_response: Some((self.liaison.clone(), self.response.clone()))
                .filter(|(liaison, _)| !liaison.is_empty()),
            final_answer: self.final_answer.clone(),
            change_class: self.change_class.clone(),
            change_reason: self.change_reason.clone(),
            body: self.body.clone(),
            confirm: self.confirm.is_some(),
            preview: self.preview.is_some(),
            meeting: MeetingForm::default(),
            successor: self.successor.clone(),
            edition: self.standard.clone(),
            clause: self.clause.clone(),
            screening: ScreeningForm::default(),
        }
    }

    /// The screening question as the one-action address of `choice`
    /// answers it: its fields in the question's names.
    fn screening(&self, choice: Action) -> ScreeningForm {
        ScreeningForm {
            version: self.version,
            choice: choice.as_str().to_owned(),
            group: self.group.clone(),
            question: self.note.clone(),
            reason: self.reason.clone(),
            note: self.note.clone(),
            confirm: self.confirm.clone(),
            committee: self.committee.clone(),
            referral_note: self.note.clone(),
            duplicate_of: self.duplicate_of.clone(),
            reassign_to: self.group.clone(),
        }
    }

    fn decision(&self) -> Decision<'_> {
        Decision {
            final_answer: &self.final_answer,
            change_class: &self.change_class,
            change_reason: &self.change_reason,
        }
    }
}

pub async fn show(
    state: web::Data<AppState>,
    SignedIn(user): SignedIn,
    csrf: Csrf,
    flash: Flash,
    reference: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    render(
        &state,
        user,
        csrf,
        flash,
        reference.into_inner(),
        None,
        Typed::default(),
    )
    .await
}

/// Runs one workflow step for the signed-in user, then answers: back to
/// the page with a banner of what was done, else the page again with why
/// (`typed` keeps what was typed; `form` names the form on the page whose
/// field a problem points at).
#[allow(clippy::too_many_arguments)]
async fn act<F>(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: User,
    csrf: Csrf,
    reference: String,
    form: &'static str,
    typed: Typed,
    step: F,
) -> Result<HttpResponse, AppError>
where
    F: FnOnce(
            &mut crate::db::DbConn,
            &crate::workflow::Ctx,
            &User,
            &str,
        ) -> Result<Done, WorkflowError>
        + Send
        + 'static,
{
    let ctx = state.workflow();
    let (actor, target) = (user.clone(), reference.clone());
    let outcome = state
        .db(move |conn| Ok(step(conn, &ctx, &actor, &target)))
        .await?;
    let (status, message) = match outcome {
        Ok(done) => {
            state.wake_mail_worker();
            let location = format!("/workspace/requests/{reference}");
            return Ok(flash::see_other(&req, &location, done));
        }
        Err(WorkflowError::NotFound) => return Err(AppError::NotFound),
        Err(WorkflowError::Field { field, message }) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Problem::Field {
                form,
                field,
                message,
            },
        ),
        Err(e @ WorkflowError::Invalid(_)) => {
            (StatusCode::UNPROCESSABLE_ENTITY, Problem::Said(e.message()))
        }
        Err(e @ (WorkflowError::Refused(_) | WorkflowError::Changed)) => {
            (StatusCode::CONFLICT, Problem::Said(e.message()))
        }
        Err(WorkflowError::Round(refusal)) => {
            // Not this person's to do (409), or not yet (422).
            let status = match refusal {
                RoundRefusal::NotOnVoterList
                | RoundRefusal::NotAnObjector
                | RoundRefusal::OwnConflict
                | RoundRefusal::ConflictStands
                | RoundRefusal::ObjectionWindowClosed { .. } => StatusCode::CONFLICT,
                _ => StatusCode::UNPROCESSABLE_ENTITY,
            };
            (status, Problem::Round(refusal))
        }
        Err(WorkflowError::Consultation(refusal)) => {
            (StatusCode::CONFLICT, Problem::Consultation(refusal))
        }
        Err(WorkflowError::GroupCannotAnswer(group)) => {
            (StatusCode::CONFLICT, Problem::GroupCannotAnswer(group))
        }
        Err(e) => return Err(e.into()),
    };
    render(
        &state,
        user,
        csrf,
        Flash(None),
        reference,
        Some((status, message)),
        typed,
    )
    .await
}

/// A handler running `$step`, whose success `$done` names for the banner;
/// `$form` is the form on the page it answers. Marked `previewing`, its
/// form's "Preview" button shows the page again with what was typed,
/// storing nothing.
macro_rules! action {
    ($(#[$doc:meta])* previewing $name:ident, $form:literal, $done:expr, |$f:ident, $conn:ident, $ctx:ident, $acting:ident| $step:expr) => {
        action!(@ $(#[$doc])* $name, $form, true, $done, |$f, $conn, $ctx, $acting| $step);
    };
    ($(#[$doc:meta])* $name:ident, $form:literal, $done:expr, |$f:ident, $conn:ident, $ctx:ident, $acting:ident| $step:expr) => {
        action!(@ $(#[$doc])* $name, $form, false, $done, |$f, $conn, $ctx, $acting| $step);
    };
    (@ $(#[$doc:meta])* $name:ident, $form:literal, $previewing:expr, $done:expr, |$f:ident, $conn:ident, $ctx:ident, $acting:ident| $step:expr) => {
        $(#[$doc])*
        pub async fn $name(
            req: HttpRequest,
            state: web::Data<AppState>,
            SignedIn(user): SignedIn,
            csrf: Csrf,
            reference: web::Path<String>,
            CsrfForm($f): CsrfForm<ActionForm>,
        ) -> Result<HttpResponse, AppError> {
            let typed = $f.typed();
            if $previewing && $f.preview.is_some() {
                let reference = reference.into_inner();
                return render(&state, user, csrf, Flash(None), reference, None, typed).await;
            }
            act(
                req,
                state,
                user,
                csrf,
                reference.into_inner(),
                $form,
                typed,
                move |$conn, $ctx, user, reference| {
                    let $acting = Acting {
                        user,
                        reference,
                        version: $f.version,
                    };
                    $step.map($done)
                },
            )
            .await
        }
    };
}

/// The screening question answered: the action chosen, with its fields.
pub async fn screen(
    req: HttpRequest,
    state: web::Data<AppState>,
    SignedIn(user): SignedIn,
    csrf: Csrf,
    reference: web::Path<String>,
    CsrfForm(form): CsrfForm<ScreeningForm>,
) -> Result<HttpResponse, AppError> {
    screen_as(req, state, user, csrf, reference.into_inner(), form).await
}

async fn screen_as(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: User,
    csrf: Csrf,
    reference: String,
    form: ScreeningForm,
) -> Result<HttpResponse, AppError> {
    let typed = Typed {
        screening: form.clone(),
        ..Typed::default()
    };
    act(
        req,
        state,
        user,
        csrf,
        reference,
        "screen",
        typed,
        move |conn, ctx, user, reference| {
            workspace::screen(conn, ctx, user, reference, &form).map(|screened| match screened {
                Screened::Accepted { group } => Done::Accepted { group },
                Screened::Asked => Done::Asked,
                Screened::NotAdmissible => Done::NotAdmissible,
                Screened::Referred => Done::Referred,
                Screened::Duplicate => Done::Duplicate,
                Screened::Reassigned { group } => Done::Reassigned { group },
            })
        },
    )
    .await
}

/// A one-action address of the screening (`/accept`, `/ask`, …): the
/// screening question with that choice made.
macro_rules! screening_address {
    ($name:ident, $choice:expr) => {
        pub async fn $name(
            req: HttpRequest,
            state: web::Data<AppState>,
            SignedIn(user): SignedIn,
            csrf: Csrf,
            reference: web::Path<String>,
            CsrfForm(form): CsrfForm<ActionForm>,
        ) -> Result<HttpResponse, AppError> {
            let form = form.screening($choice);
            screen_as(req, state, user, csrf, reference.into_inner(), form).await
        }
    };
}

screening_address!(accept, Action::Accept);
screening_address!(ask, Action::AskForInformation);
screening_address!(not_admissible, Action::NotAdmissible);
screening_address!(refer, Action::Refer);
screening_address!(duplicate, Action::Duplicate);
screening_address!(reassign, Action::Reassign);

action!(
    comment,
    "comments",
    |()| Done::Commented,
    |form, conn, ctx, acting| {
        workspace::comment(conn, ctx, acting.user, acting.reference, &form.body)
    }
);

action!(
    /// Opens a round on the draft.
    previewing open_round,
    "rounds",
    |()| Done::RoundOpened,
    |form, conn, ctx, acting| rounds::open(conn, ctx, &acting, &form.draft, &form.deadline)
);

action!(vote, "vote", |()| Done::Voted, |form, conn, ctx, acting| {
    conflicts::vote(
        conn,
        ctx,
        &acting,
        (&form.conflict, &form.conflict_note),
        &form.position,
        &form.comment,
    )
});

action!(
    allow_conflicted_vote,
    "allowances",
    |()| Done::VoteAllowed,
    |form, conn, ctx, acting| conflicts::allow(
        conn,
        ctx,
        &acting,
        &form.voter,
        &form.allowed_reason
    )
);

action!(
    respond,
    "responses",
    |()| Done::Answered,
    |form, conn, ctx, acting| { rounds::respond(conn, ctx, &acting, &form.vote, &form.response) }
);

action!(
    /// Records consensus; "Preview the difference" shows how the typed
    /// text differs from the voted one.
    previewing close_with_consensus,
    "consensus",
    |()| Done::Consensus,
    |form, conn, ctx, acting| rounds::close_with_consensus(conn, ctx, &acting, &form.decision())
);

/// The meeting form as sent: its version and what it records. Each
/// member it offers has a field of their own (`attended-{id}`), so it is
/// read as pairs rather than into [`ActionForm`].
fn meeting_form(pairs: Vec<(String, String)>) -> (i32, MeetingForm) {
    let mut version = 0;
    let mut form = MeetingForm::default();
    for (name, value) in pairs {
        match name.as_str() {
            // Unreadable, it matches no version: the page is told it changed.
            "version" => version = value.trim().parse().unwrap_or(-1),
            "held_on" => form.held_on = value,
            "minutes_reference" => form.minutes_reference = value,
            "minutes_text" => form.minutes_text = value,
            "answer" => form.answer = value,
            _ => {
                if let Some(user_id) = name.strip_prefix("attended-") {
                    form.attendance.push((user_id.to_owned(), value));
                }
            }
        }
    }
    (version, form)
}

/// Records a decision taken at a meeting.
pub async fn record_meeting(
    req: HttpRequest,
    state: web::Data<AppState>,
    SignedIn(user): SignedIn,
    csrf: Csrf,
    reference: web::Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let (version, form) = meeting_form(pairs);
    let typed = Typed {
        meeting: form.clone(),
        ..Typed::default()
    };
    act(
        req,
        state,
        user,
        csrf,
        reference.into_inner(),
        "meeting",
        typed,
        move |conn, ctx, user, reference| {
            let acting = Acting {
                user,
                reference,
                version,
            };
            meetings::record(conn, ctx, &acting, &form).map(|()| Done::MeetingRecorded)
        },
    )
    .await
}

action!(
    object,
    "objections",
    |()| Done::Objected,
    |form, conn, ctx, acting| { rounds::object(conn, ctx, &acting, &form.note) }
);

action!(
    close_without_consensus,
    "no-consensus-yet",
    |()| Done::NoConsensusYet,
    |form, conn, ctx, acting| {
        rounds::close_without_consensus(conn, ctx, &acting, &form.note, form.confirm.is_some())
    }
);

action!(
    close_no_consensus,
    "no-consensus",
    |()| Done::NoConsensus,
    |form, conn, ctx, acting| {
        rounds::close_no_consensus(conn, ctx, &acting, &form.note, form.confirm.is_some())
    }
);

action!(
    publish_now,
    "publish",
    |()| Done::Published,
    |form, conn, ctx, acting| rounds::publish(
        conn,
        ctx,
        &acting,
        form.consider_at_revision.is_some()
    )
);

/// Publishes; or, for "Preview", shows the public page it would have,
/// storing nothing.
pub async fn publish(
    req: HttpRequest,
    state: web::Data<AppState>,
    SignedIn(user): SignedIn,
    csrf: Csrf,
    reference: web::Path<String>,
    form: CsrfForm<ActionForm>,
) -> Result<HttpResponse, AppError> {
    if form.0.preview.is_some() {
        let consider = form.0.consider_at_revision.is_some();
        let version = form.0.version;
        return super::publish::preview(
            &state,
            user,
            csrf,
            reference.into_inner(),
            version,
            consider,
        )
        .await;
    }
    publish_now(req, state, SignedIn(user), csrf, reference, form).await
}

action!(
    send_back,
    "send-back",
    |()| Done::SentBack,
    |form, conn, ctx, acting| { rounds::send_back(conn, ctx, &acting, &form.note) }
);

action!(
    respond_to_liaison,
    "liaison-response",
    |()| Done::LiaisonResponded,
    |form, conn, ctx, acting| {
        consultations::respond(conn, ctx, &acting, &form.liaison, &form.response)
    }
);

action!(
    mark_publication,
    "mark",
    |()| Done::Marked,
    |form, conn, ctx, acting| {
        let to = MarkedTo {
            successor: &form.successor,
            standard: &form.standard,
            clause: &form.clause,
        };
        rounds::mark_publication(conn, ctx, &acting, &form.reason, to, &form.note)
    }
);
