//! Accounts: sign in and out, password reset, invitations.

mod language;
mod login;
mod password;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/language", web::get().to(language::show))
        .route("/language", web::post().to(language::switch))
        .route("/login", web::get().to(login::show))
        .route("/login", web::post().to(login::login))
        .route("/logout", web::get().to(login::show_logout))
        .route("/logout", web::post().to(login::logout))
        .route("/password/forgot", web::get().to(password::forgot))
        .route("/password/forgot", web::post().to(password::send_reset))
        .route(
            "/password/reset/{token}",
            web::get().to(password::show_reset),
        )
        .route("/password/reset/{token}", web::post().to(password::reset))
        .route(
            "/invitation/{token}",
            web::get().to(password::show_invitation),
        )
        .route(
            "/invitation/{token}",
            web::post().to(password::accept_invitation),
        );
}
