//! `/workspace/requests/{ref}/correct`: a corrected version of a published
//! clarification, written on a form, previewed as the public page it
//! would give, then confirmed. Only editorial fixes are made here; the
//! page says that a change of meaning goes to the group.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::request_form::Refused;
use crate::domain::fields::FieldErrors;
use crate::error::AppError;
use crate::i18n::Msg;
use crate::models::links::{self, Links};
use crate::models::register::Clarification;
use crate::models::translations::Translated;
use crate::models::users::User;
use crate::search;
use crate::web::flash::{self, Done};
use crate::web::{AppState, Csrf, CsrfForm, Page, SignedIn, Viewer, private_page};
use crate::workflow::WorkflowError;
use crate::workflow::corrections::{self, Correction, Kind};
use crate::workflow::follow_ups;
use crate::workflow::workspace::Acting;

/// The form as sent.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct CorrectionForm {
    version: i32,
    question: String,
    answer: String,
    note: String,
    /// Sent by "Preview": show the public page it would give, store nothing.
    preview: Option<String>,
    /// Sent by "Send to the group": the change alters the meaning.
    to_group: Option<String>,
}

impl CorrectionForm {
    fn correction(&self) -> Correction<'_> {
        Correction {
            question: &self.question,
            answer: &self.answer,
            note: &self.note,
            kind: Kind::Editorial,
        }
    }
}

#[derive(Template)]
#[template(path = "workspace/correction.html")]
struct FormPage {
    page: Page,
    csrf: Csrf,
    item: Clarification,
    input: CorrectionForm,
    errors: FieldErrors,
    /// Why nothing was done, when it is not one field's fault.
    problem: Option<Msg>,
}

#[derive(Template)]
#[template(path = "workspace/correction_preview.html")]
struct PreviewPage {
    page: Page,
    csrf: Csrf,
    input: CorrectionForm,
    item: Clarification,
    answer_html: String,
    related: search::Related,
    links: Links,
    permalink: String,
    publisher: String,
}

/// What the form's post came to.
enum Answer {
    Preview(Box<(Clarification, search::Related, Links)>),
    Issued(i32),
    /// Sent to the group as the follow-up with this reference.
    Proposed(String),
    Refused(WorkflowError),
}

/// The form: the version in force, or what was typed with why it was
/// refused.
async fn form(
    state: &AppState,
    user: User,
    csrf: Csrf,
    reference: String,
    typed: Option<(CorrectionForm, Refused)>,
) -> Result<HttpResponse, AppError> {
    let viewer = Viewer(Some(user.clone()));
    let (item, version) = state
        .db(move |conn| Ok(corrections::page(conn, &user, &reference)?))
        .await?;
    let (status, input, errors, problem) = match typed {
        Some((input, why)) => why.shown(input, |typed| CorrectionForm { version, ..typed }),
        None => {
            let input = CorrectionForm {
                version,
                question: item.question.clone(),
                answer: item.answer.clone(),
                ..CorrectionForm::default()
            };
            (StatusCode::OK, input, FieldErrors::default(), None)
        }
    };
    let body = FormPage {
        page: state.page_as("workspace", &viewer, &csrf),
        csrf,
        item,
        input,
        errors,
        problem,
    }
    .render()?;
    Ok(private_page(status, body))
}

pub async fn show(
    state: web::Data<AppState>,
    SignedIn(user): SignedIn,
    csrf: Csrf,
    reference: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    form(&state, user, csrf, reference.into_inner(), None).await
}

/// "Preview" shows the corrected public page with the button that issues
/// it; that button issues it.
pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    SignedIn(user): SignedIn,
    csrf: Csrf,
    reference: web::Path<String>,
    CsrfForm(input): CsrfForm<CorrectionForm>,
) -> Result<HttpResponse, AppError> {
    let reference = reference.into_inner();
    let ctx = state.workflow();
    let index = state.search_index.clone();
    let previewing = input.preview.is_some();
    let (actor, target, sent) = (user.clone(), reference.clone(), input.clone());
    let answer = state
        .db(move |conn| {
            let acting = Acting {
                user: &actor,
                reference: &target,
                version: sent.version,
            };
            let correction = sent.correction();
            if sent.to_group.is_some() {
                return Ok(
                    match follow_ups::propose_correction(conn, &ctx, &acting, &correction) {
                        Ok(follow_up) => Answer::Proposed(follow_up),
                        Err(e) => Answer::Refused(e),
                    },
                );
            }
            if !previewing {
                return Ok(
                    match corrections::correct(conn, &ctx, &acting, &correction) {
                        Ok(version) => Answer::Issued(version),
                        Err(e) => Answer::Refused(e),
                    },
                );
            }
            let item = match corrections::preview(conn, &ctx, &acting, &correction) {
                Ok(item) => item,
                Err(e) => return Ok(Answer::Refused(e)),
            };
            let related = search::related(conn, &index, None, &item)?;
            let links = links::of(conn, &[&target])?
                .remove(&target)
                .unwrap_or_default();
            Ok(Answer::Preview(Box::new((item, related, links))))
        })
        .await?;
    let refused = match answer {
        Answer::Preview(preview) => {
            let (item, related, links) = *preview;
            let body = PreviewPage {
                page: state.page_as("workspace", &Viewer(Some(user)), &csrf),
                csrf,
                answer_html: item.rendered_answer(),
                permalink: format!("{}{}", state.settings.base_url, item.path()),
                publisher: state.settings.publisher.clone(),
                input,
                item,
                related,
                links,
            }
            .render()?;
            return Ok(private_page(StatusCode::OK, body));
        }
        Answer::Issued(version) => {
            state.wake_mail_worker();
            return Ok(flash::see_other(
                &req,
                &format!("/workspace/requests/{reference}"),
                Done::Corrected { version },
            ));
        }
        Answer::Proposed(follow_up) => {
            state.wake_mail_worker();
            return Ok(flash::see_other(
                &req,
                &format!("/workspace/requests/{follow_up}"),
                Done::CorrectionProposed {
                    reference: follow_up,
                },
            ));
        }
        Answer::Refused(e) => Refused::of(e)?,
    };
    form(&state, user, csrf, reference, Some((input, refused))).await
}
