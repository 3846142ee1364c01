//! The confirmation step of what cannot be undone in the registry: the
//! first press of the button shows what would happen and asks again.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use crate::error::AppError;
use crate::web::{Csrf, Page, private_page};

/// The form of such a step: `confirm` is sent by the confirmation page.
#[derive(Debug, Default, Deserialize)]
pub struct Confirmation {
    #[serde(default)]
    confirm: Option<String>,
}

impl Confirmation {
    pub fn given(&self) -> bool {
        self.confirm.is_some()
    }
}

/// What is to be confirmed.
pub enum Confirming {
    Deactivate { name: String },
    RemoveMember { name: String, group: String },
    RemoveWebhook { url: String },
    RenewWebhookSecret { url: String },
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/confirm.html")]
pub struct ConfirmPage {
    pub page: Page,
    pub csrf: Csrf,
    pub what: Confirming,
    /// Where the confirmed form posts, and where "Cancel" leads.
    pub action: String,
    pub back: String,
}

impl ConfirmPage {
    pub fn answer(&self) -> Result<HttpResponse, AppError> {
        Ok(private_page(StatusCode::OK, self.render()?))
    }
}
