//! The submitter's pages: the request form, confirmation, tracking, referral.

mod confirm;
pub(crate) mod endorse;
mod form;
mod refer;
mod track;

use actix_web::{HttpResponse, web};

use crate::web::Page;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/requests/new", web::get().to(form::show))
        .route("/requests", web::post().to(form::create))
        // Where a refused post of the form leads back to.
        .route(
            "/requests",
            web::get().to(|| async { see_other("/requests/new") }),
        )
        .route("/requests/sent", web::get().to(form::sent))
        .route("/requests/confirm/{token}", web::get().to(confirm::show))
        .route(
            "/requests/confirm/{token}",
            web::post().to(confirm::confirm),
        )
        .route("/track/{token}", web::get().to(track::show))
        .route("/track/{token}/reply", web::post().to(track::reply))
        .route(
            "/track/{token}/withdraw",
            web::get().to(track::confirm_withdrawal),
        )
        .route("/track/{token}/withdraw", web::post().to(track::withdraw))
        .route(
            "/track/{token}/reconsideration",
            web::post().to(track::reconsider),
        )
        .route("/endorse/{token}", web::get().to(endorse::show))
        .route("/endorse/{token}", web::post().to(endorse::answer))
        .route("/refer", web::get().to(refer::show));
}

/// A redirect after a successful post, so that reloading sends nothing twice.
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header(("location", location))
        .finish()
}

/// A moment in a sentence, in the page's language: "5 December 2026,
/// 14:00 UTC".
pub(crate) fn at_time(page: &Page, moment: &chrono::NaiveDateTime) -> String {
    page.t_with(
        "submit-at-time",
        &[
            ("date", page.long_date(moment).into()),
            ("time", moment.format("%H:%M").to_string().into()),
        ],
    )
}
