//! `/workspace/requests/{ref}/appeals…`: lodging an appeal against a
//! request's decision, an appeal's page with its steps, the next step, and
//! whether the public pages say the decision is under appeal.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::request_form::Refused;
use crate::domain::appeal::{Appealed, AppellantKind, Move, Outcome, Step};
use crate::domain::fields::FieldErrors;
use crate::error::AppError;
use crate::i18n::Msg;
use crate::models::users::User;
use crate::web::flash::{self, Done, Flash};
use crate::web::{AppState, Csrf, CsrfForm, Page, SignedIn, Viewer, private_page};
use crate::workflow::appeals::{self, AppealView, LodgeForm, LodgeView, StepForm};
use crate::workflow::workspace::Acting;

#[derive(Template)]
#[template(path = "workspace/appeal_new.html")]
struct LodgePage {
    page: Page,
    csrf: Csrf,
    view: LodgeView,
    form: LodgeForm,
    errors: FieldErrors,
    problem: Option<Msg>,
}

impl LodgePage {
    fn reference(&self) -> &str {
        self.view.request.reference.as_deref().unwrap_or_default()
    }

    /// The member bodies or the liaisons, to choose from.
    fn organisations(&self) -> Vec<(String, String)> {
        self.view
            .organisations
            .iter()
            .map(|o| {
                let kind = if o.is_member_body() {
                    "ws-organisation-member-body"
                } else {
                    "ws-organisation-liaison"
                };
                let kind = self
                    .page
                    .t_with(kind, &[("name", o.label_in(&self.page.lang).into())]);
                (o.id.clone(), kind)
            })
            .collect()
    }
}

async fn lodge_form(
    state: &AppState,
    user: User,
    csrf: Csrf,
    reference: String,
    typed: Option<(LodgeForm, Refused)>,
) -> Result<HttpResponse, AppError> {
    let viewer = Viewer(Some(user.clone()));
    let ctx = state.workflow();
    let view = state
        .db(move |conn| Ok(appeals::lodge_page(conn, &ctx, &user, &reference)?))
        .await?;
    let version = view.request.version;
    let (status, form, errors, problem) = match typed {
        None => (
            StatusCode::OK,
            LodgeForm {
                version,
                received_on: view.today.to_string(),
                ..LodgeForm::default()
            },
            FieldErrors::default(),
            None,
        ),
        Some((form, why)) => why.shown(form, |typed| LodgeForm { version, ..typed }),
    };
    let body = LodgePage {
        page: state.page_as("workspace", &viewer, &csrf),
        csrf,
        view,
        form,
        errors,
        problem,
    }
    .render()?;
    Ok(private_page(status, body))
}

pub async fn new(
    state: web::Data<AppState>,
    SignedIn(user): SignedIn,
    csrf: Csrf,
    reference: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    lodge_form(&state, user, csrf, reference.into_inner(), None).await
}

pub async fn lodge(
    req: HttpRequest,
    state: web::Data<AppState>,
    SignedIn(user): SignedIn,
    csrf: Csrf,
    reference: web::Path<String>,
    CsrfForm(form): CsrfForm<LodgeForm>,
) -> Result<HttpResponse, AppError> {
    let reference = reference.into_inner();
    let ctx = state.workflow();
    let (actor, target) = (user.clone(), reference.clone());
    let (form, outcome) = state
        .db(move |conn| {
            let acting = Acting {
                user: &actor,
                reference: &target,
                version: form.version,
            };
            let outcome = appeals::lodge(conn, &ctx, &acting, &form);
            Ok((form, outcome))
        })
        .await?;
    match outcome {
        Ok(number) => {
            state.wake_mail_worker();
            Ok(flash::see_other(
                &req,
                &format!("/workspace/requests/{reference}/appeals/{number}"),
                Done::AppealLodged,
            ))
        }
        Err(e) => {
            let why = Refused::of(e)?;
            lodge_form(&state, user, csrf, reference, Some((form, why))).await
        }
    }
}

#[derive(Template)]
#[template(path = "workspace/appeal.html")]
struct AppealPage {
    page: Page,
    csrf: Csrf,
    view: AppealView,
    form: StepForm,
    errors: FieldErrors,
    problem: Option<Msg>,
}

impl AppealPage {
    fn reference(&self) -> &str {
        self.view.request.reference.as_deref().unwrap_or_default()
    }

    /// The editions a superseded clarification may name, for the form.
    fn editions(&self) -> Vec<(String, String)> {
        self.view
            .editions
            .iter()
            .map(|s| (s.slug.clone(), s.label()))
            .collect()
    }
}

async fn appeal_page(
    state: &AppState,
    (user, csrf, flash): (User, Csrf, Flash),
    (reference, number): (String, i32),
    typed: Option<(StepForm, Refused)>,
) -> Result<HttpResponse, AppError> {
    let viewer = Viewer(Some(user.clone()));
    let ctx = state.workflow();
    let view = state
        .db(move |conn| Ok(appeals::appeal_page(conn, &ctx, &user, &reference, number)?))
        .await?;
    let version = view.request.version;
    let (status, form, errors, problem) = match typed {
        None => (
            StatusCode::OK,
            StepForm {
                version,
                ..StepForm::default()
            },
            FieldErrors::default(),
            None,
        ),
        Some((form, why)) => why.shown(form, |typed| StepForm { version, ..typed }),
    };
    let body = AppealPage {
        page: state.page_as("workspace", &viewer, &csrf).showing(flash),
        csrf,
        view,
        form,
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
    flash: Flash,
    path: web::Path<(String, i32)>,
) -> Result<HttpResponse, AppError> {
    appeal_page(&state, (user, csrf, flash), path.into_inner(), None).await
}

pub async fn step(
    req: HttpRequest,
    state: web::Data<AppState>,
    SignedIn(user): SignedIn,
    csrf: Csrf,
    path: web::Path<(String, i32)>,
    CsrfForm(form): CsrfForm<StepForm>,
) -> Result<HttpResponse, AppError> {
    let (reference, number) = path.into_inner();
    let ctx = state.workflow();
    let (actor, target) = (user.clone(), reference.clone());
    let (form, outcome) = state
        .db(move |conn| {
            let acting = Acting {
                user: &actor,
                reference: &target,
                version: form.version,
            };
            let outcome = appeals::take_step(conn, &ctx, &acting, number, &form);
            Ok((form, outcome))
        })
        .await?;
    match outcome {
        Ok(_) => {
            state.wake_mail_worker();
            Ok(flash::see_other(
                &req,
                &format!("/workspace/requests/{reference}/appeals/{number}"),
                Done::AppealStep,
            ))
        }
        Err(e) => {
            let why = Refused::of(e)?;
            appeal_page(
                &state,
                (user, csrf, Flash(None)),
                (reference, number),
                Some((form, why)),
            )
            .await
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NoticeForm {
    public_notice: Option<String>,
}

pub async fn notice(
    req: HttpRequest,
    state: web::Data<AppState>,
    SignedIn(user): SignedIn,
    path: web::Path<(String, i32)>,
    CsrfForm(form): CsrfForm<NoticeForm>,
) -> Result<HttpResponse, AppError> {
    let (reference, number) = path.into_inner();
    let target = reference.clone();
    let public = form.public_notice.is_some();
    state
        .db(move |conn| {
            Ok(appeals::set_public_notice(
                conn, &user, &target, number, public,
            )?)
        })
        .await?;
    Ok(flash::see_other(
        &req,
        &format!("/workspace/requests/{reference}/appeals/{number}"),
        Done::AppealNotice { public },
    ))
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/workspace/requests/{reference}/appeals/new",
        web::get().to(new),
    )
    .route(
        "/workspace/requests/{reference}/appeals",
        web::post().to(lodge),
    )
    .route(
        "/workspace/requests/{reference}/appeals/{number}",
        web::get().to(show),
    )
    .route(
        "/workspace/requests/{reference}/appeals/{number}/steps",
        web::post().to(step),
    )
    .route(
        "/workspace/requests/{reference}/appeals/{number}/notice",
        web::post().to(notice),
    );
}
