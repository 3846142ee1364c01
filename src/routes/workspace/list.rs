//! `/workspace/requests`: every request the viewer may read, filtered,
//! sorted and a page at a time.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;

use crate::domain::paging::Paging;
use crate::domain::request_list::{Filters, RawFilters, Sort, listed_states};
use crate::error::AppError;
use crate::web::{AppState, Csrf, Page, SignedIn, Viewer};
use crate::workflow::request_list::{self, Listing};

const PATH: &str = "/workspace/requests";

#[derive(Template, WebTemplate)]
#[template(path = "workspace/requests.html")]
pub struct ListPage {
    page: Page,
    /// What was typed, shown again as it was.
    input: RawFilters,
    listing: Listing,
    paged: Paging,
    secretariat: bool,
    states: Vec<(String, String)>,
}

impl ListPage {
    fn value<'a>(&self, field: &'a Option<String>) -> &'a str {
        field.as_deref().unwrap_or_default()
    }

    fn filters(&self) -> &Filters {
        &self.listing.filters
    }

    /// The same list in another order.
    fn sorted_address(&self, sort: &str) -> String {
        let sort = Sort::parse(sort).unwrap_or_default();
        self.filters().sorted(sort).address(PATH, 1)
    }

    /// The order shown, as its query value.
    fn sort(&self) -> &'static str {
        self.filters().sort.as_str()
    }
}

pub async fn show(
    state: web::Data<AppState>,
    SignedIn(user): SignedIn,
    csrf: Csrf,
    query: web::Query<RawFilters>,
) -> Result<HttpResponse, AppError> {
    let input = query.into_inner();
    let now = state.clock.now();
    let mail_server = state.settings.smtp_url.is_some();
    let (me, raw, index) = (user.clone(), input.clone(), state.request_index.clone());
    let listing = state
        .db(move |conn| {
            Ok(request_list::list(
                conn,
                &index,
                &me,
                &raw,
                now,
                mail_server,
            )?)
        })
        .await?;
    let status = if listing.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let paged = Paging::new(
        listing.filters.page,
        listing.total,
        listing.filters.address(PATH, 1),
    );
    let secretariat = user.is_secretariat;
    let page = state.page_as("workspace", &Viewer(Some(user)), &csrf);
    let page = ListPage {
        paged,
        secretariat,
        states: listed_states()
            .map(|s| (s.as_str().to_owned(), page.t(s.key())))
            .collect(),
        page,
        input,
        listing,
    };
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(page.render()?))
}
