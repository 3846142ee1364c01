//! Setting a group's closing rules, from its page.

use actix_web::{HttpRequest, HttpResponse, web};

use super::show::GroupPage;
use crate::error::AppError;
use crate::routes::admin::unprocessable;
use crate::web::flash::{self, Done};
use crate::web::{AppState, Csrf, CsrfForm};
use crate::workflow::registry::groups::{self as registry, ClosingRulesInput};
use crate::workflow::registry::{Outcome, Secretariat};

pub async fn update(
    req: HttpRequest,
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    group_id: web::Path<String>,
    CsrfForm(input): CsrfForm<ClosingRulesInput>,
) -> Result<HttpResponse, AppError> {
    let (group_id, acting) = (group_id.into_inner(), admin.clone());
    let (group_id, input, outcome) = state
        .db(move |conn| {
            let outcome = registry::set_closing_rules(conn, &acting, &group_id, &input)?;
            Ok((group_id, input, outcome))
        })
        .await?;
    match outcome {
        Outcome::Done(()) => Ok(flash::see_other(
            &req,
            &format!("/admin/groups/{group_id}"),
            Done::RulesSaved,
        )),
        Outcome::Refused(errors) => {
            let mut page = GroupPage::load(&state, &admin, csrf, group_id).await?;
            page.rules = input;
            page.errors = errors;
            unprocessable(&page)
        }
    }
}
