//! The language switch every page's footer offers (docs/languages.md).

use actix_web::{HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use super::login::local_path;
use crate::error::AppError;
use crate::web::language;
use crate::web::{AppState, Csrf, CsrfForm, Page, Viewer};
use crate::workflow::accounts;

#[derive(Template, WebTemplate)]
#[template(path = "account/language.html")]
pub struct LanguagePage {
    page: Page,
    csrf: Csrf,
    back: String,
}

#[derive(Deserialize)]
pub struct Back {
    #[serde(default)]
    back: String,
}

/// The switch as a page of its own, for pages that carry no form token
/// (the public register's, kept in the page cache for everyone).
pub async fn show(
    state: web::Data<AppState>,
    viewer: Viewer,
    csrf: Csrf,
    query: web::Query<Back>,
) -> LanguagePage {
    LanguagePage {
        page: state.page_as("", &viewer, &csrf),
        back: local_path(&query.back).unwrap_or("/").to_owned(),
        csrf,
    }
}

#[derive(Deserialize)]
pub struct Switch {
    language: String,
    #[serde(default)]
    back: String,
}

/// Keeps the language in a cookie, and as the account's preference for
/// someone signed in, then goes back to the page the switch was on.
pub async fn switch(
    state: web::Data<AppState>,
    viewer: Viewer,
    CsrfForm(form): CsrfForm<Switch>,
) -> Result<HttpResponse, AppError> {
    let Some(lang) = state.settings.languages.offered(&form.language) else {
        return Err(AppError::BadForm(
            "a language this site does not offer".into(),
        ));
    };
    if let Some(user) = viewer.0 {
        let tag = lang.tag();
        state
            .db(move |conn| Ok(accounts::choose_language(conn, &user.id, &tag)?))
            .await?;
    }
    Ok(HttpResponse::SeeOther()
        .insert_header(("location", local_path(&form.back).unwrap_or("/")))
        .cookie(language::cookie(&lang, state.settings.is_https()))
        .finish())
}
