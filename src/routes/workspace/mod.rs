//! The workspace of the secretariat and the maintenance groups.

mod actions;
mod appeals;
mod case;
mod correction;
mod list;
mod publish;
mod queue;
mod request;
mod request_form;
mod translation;
mod wording;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/workspace", web::get().to(queue::show))
        .route("/workspace/requests", web::get().to(list::show))
        .route(
            "/workspace/requests/{reference}",
            web::get().to(actions::show),
        )
        .route(
            "/workspace/requests/{reference}/case",
            web::get().to(case::show),
        )
        .route(
            "/workspace/requests/{reference}/case.json",
            web::get().to(case::json),
        )
        .route(
            "/workspace/requests/{reference}/screen",
            web::post().to(actions::screen),
        )
        .route(
            "/workspace/requests/{reference}/wording",
            web::get().to(wording::show),
        )
        .route(
            "/workspace/requests/{reference}/wording",
            web::post().to(wording::update),
        )
        .route(
            "/workspace/requests/{reference}/translation",
            web::get().to(translation::show),
        )
        .route(
            "/workspace/requests/{reference}/translation",
            web::post().to(translation::update),
        )
        .route(
            "/workspace/requests/{reference}/accept",
            web::post().to(actions::accept),
        )
        .route(
            "/workspace/requests/{reference}/ask",
            web::post().to(actions::ask),
        )
        .route(
            "/workspace/requests/{reference}/not-admissible",
            web::post().to(actions::not_admissible),
        )
        .route(
            "/workspace/requests/{reference}/refer",
            web::post().to(actions::refer),
        )
        .route(
            "/workspace/requests/{reference}/duplicate",
            web::post().to(actions::duplicate),
        )
        .route(
            "/workspace/requests/{reference}/reassign",
            web::post().to(actions::reassign),
        )
        .route(
            "/workspace/requests/{reference}/comments",
            web::post().to(actions::comment),
        )
        .route(
            "/workspace/requests/{reference}/rounds",
            web::post().to(actions::open_round),
        )
        .route(
            "/workspace/requests/{reference}/meeting",
            web::post().to(actions::record_meeting),
        )
        .route(
            "/workspace/requests/{reference}/vote",
            web::post().to(actions::vote),
        )
        .route(
            "/workspace/requests/{reference}/allowances",
            web::post().to(actions::allow_conflicted_vote),
        )
        .route(
            "/workspace/requests/{reference}/responses",
            web::post().to(actions::respond),
        )
        .route(
            "/workspace/requests/{reference}/consensus",
            web::post().to(actions::close_with_consensus),
        )
        .route(
            "/workspace/requests/{reference}/no-consensus-yet",
            web::post().to(actions::close_without_consensus),
        )
        .route(
            "/workspace/requests/{reference}/no-consensus",
            web::post().to(actions::close_no_consensus),
        )
        .route(
            "/workspace/requests/{reference}/publish",
            web::post().to(actions::publish),
        )
        .route(
            "/workspace/requests/{reference}/liaison-responses",
            web::post().to(actions::respond_to_liaison),
        )
        .route(
            "/workspace/requests/{reference}/mark",
            web::post().to(actions::mark_publication),
        )
        .route(
            "/workspace/requests/{reference}/correct",
            web::get().to(correction::show),
        )
        .route(
            "/workspace/requests/{reference}/correct",
            web::post().to(correction::submit),
        )
        .route(
            "/workspace/requests/{reference}/objections",
            web::post().to(actions::object),
        )
        .route(
            "/workspace/requests/{reference}/send-back",
            web::post().to(actions::send_back),
        )
        .configure(appeals::configure);
}
