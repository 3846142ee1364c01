//! The confirmation step of what cannot be undone in the registry: the
//! first press of the button shows what would happen and asks again.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use crate::error::AppError;
use crate::i18n::Arg;
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

impl Confirming {
    /// The message ids that describe it: the question asked, what follows
    /// and the button's words.
    pub fn question(&self) -> &'static str {
        match self {
            Self::Deactivate { .. } => "admin-confirm-deactivate",
            Self::RemoveMember { .. } => "admin-confirm-remove-member",
            Self::RemoveWebhook { .. } => "admin-confirm-remove-webhook",
            Self::RenewWebhookSecret { .. } => "admin-confirm-renew-secret",
        }
    }

    pub fn consequence(&self) -> String {
        format!("{}-consequence", self.question())
    }

    pub fn button(&self) -> String {
        format!("{}-button", self.question())
    }

    /// The variables of those messages.
    pub fn args(&self) -> Vec<(&'static str, Arg<'_>)> {
        match self {
            Self::Deactivate { name } => vec![("name", name.as_str().into())],
            Self::RemoveMember { name, group } => vec![
                ("name", name.as_str().into()),
                ("group", group.as_str().into()),
            ],
            Self::RemoveWebhook { url } | Self::RenewWebhookSecret { url } => {
                vec![("url", url.as_str().into())]
            }
        }
    }
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
