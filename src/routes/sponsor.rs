//! `/sponsor`: the page of a member body's or liaison's account, with its
//! organisation's requests and the queue of those awaiting its decision,
//! each answered as by the mailed link. Every other account gets 404.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;

use crate::error::AppError;
use crate::models::users::User;
use crate::routes::submit::endorse::{self, AnswerForm, Via};
use crate::web::flash::Flash;
use crate::web::input::ListQuery;
use crate::web::{AppState, Csrf, CsrfForm, Page, SignedIn, Viewer, private_page};
use crate::workflow::endorsements::{self, Desk};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/sponsor", web::get().to(show))
        .route("/sponsor/requests/{reference}", web::get().to(addressed))
        .route("/sponsor/requests/{reference}", web::post().to(answer));
}

#[derive(Template, WebTemplate)]
#[template(path = "sponsor/desk.html")]
pub struct DeskPage {
    page: Page,
    desk: Desk,
}

pub async fn show(
    state: web::Data<AppState>,
    SignedIn(user): SignedIn,
    csrf: Csrf,
    flash: Flash,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let page = query.page()?;
    let ctx = state.workflow();
    let user_id = user.id.clone();
    let desk = state
        .db(move |conn| Ok(endorsements::desk(conn, &ctx, &user_id, page, "/sponsor")?))
        .await?;
    let body = DeskPage {
        page: state
            .page_as("sponsor", &Viewer(Some(user)), &csrf)
            .showing(flash),
        desk,
    }
    .render()?;
    Ok(private_page(StatusCode::OK, body))
}

fn via(user: User, reference: String) -> Via {
    Via::Account { user, reference }
}

pub async fn addressed(
    state: web::Data<AppState>,
    SignedIn(user): SignedIn,
    csrf: Csrf,
    reference: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    endorse::page_via(&state, csrf, via(user, reference.into_inner())).await
}

pub async fn answer(
    req: HttpRequest,
    state: web::Data<AppState>,
    SignedIn(user): SignedIn,
    csrf: Csrf,
    reference: web::Path<String>,
    CsrfForm(form): CsrfForm<AnswerForm>,
) -> Result<HttpResponse, AppError> {
    endorse::answer_via(&req, &state, csrf, via(user, reference.into_inner()), form).await
}
