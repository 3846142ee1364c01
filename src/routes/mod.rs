//! Handlers, one action per function, registered area by area.

pub mod account;
pub mod admin;
pub mod api;
pub mod assets;
pub mod consultation;
pub mod ops;
pub mod public;
pub mod setup;
pub mod sponsor;
pub mod submit;
pub mod workspace;

use actix_web::web;

use crate::error::AppError;

pub fn configure(cfg: &mut web::ServiceConfig) {
    ops::configure(cfg);
    account::configure(cfg);
    admin::configure(cfg);
    api::configure(cfg);
    assets::configure(cfg);
    consultation::configure(cfg);
    public::configure(cfg);
    setup::configure(cfg);
    sponsor::configure(cfg);
    submit::configure(cfg);
    workspace::configure(cfg);
}

/// Everything no route claims.
pub async fn not_found() -> Result<actix_web::HttpResponse, AppError> {
    Err(AppError::NotFound)
}
