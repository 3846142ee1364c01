//! `/admin/committees`: the committees that own standards outside this
//! registry, with the contact a referred submitter receives and the
//! designations each owns (what `/refer` looks up).

mod create;
mod list;
mod update;

use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use super::{plain_key, required, see_other, tidy};
use crate::db::DbConn;
use crate::domain::fields::FieldErrors;
use crate::error::AppError;
use crate::models::committees::{CommitteeForm, normalise_designation};
use crate::models::{admin, standards};
use crate::web::{Csrf, Page};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/committees", web::get().to(list::show))
        .route("/committees/new", web::get().to(create::show))
        .route("/committees", web::post().to(create::create))
        .route("/committees/{id}/edit", web::get().to(update::show))
        .route("/committees/{id}", web::post().to(update::update))
        // Where a refused post leads back to.
        .route(
            "/committees/{id}",
            web::get().to(|id: web::Path<String>| async move {
                if plain_key(&id) {
                    see_other(&format!("/admin/committees/{id}/edit"))
                } else {
                    see_other("/admin/committees")
                }
            }),
        );
}

/// The committee form as typed; designations one per line.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CommitteeInput {
    code: String,
    name: String,
    contact: String,
    url: String,
    designations: String,
}

/// A committee worth storing, but for what only the database can tell.
pub struct ValidCommittee {
    code: String,
    name: String,
    contact: String,
    url: String,
    /// Normalised, without duplicates, in the order typed.
    designations: Vec<String>,
}

impl ValidCommittee {
    fn form(&self) -> CommitteeForm<'_> {
        CommitteeForm {
            code: &self.code,
            name: &self.name,
            contact: &self.contact,
            url: &self.url,
        }
    }
}

impl TryFrom<&CommitteeInput> for ValidCommittee {
    type Error = FieldErrors;

    fn try_from(input: &CommitteeInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let code = required(
            &tidy(&input.code),
            50,
            "Enter the code of the committee, for example ISO/TC 176.",
            "Enter a code of at most 50 characters.",
        )
        .map_err(|m| errors.add("code", m));
        let name = required(
            &tidy(&input.name),
            200,
            "Enter the name of the committee.",
            "Enter a name of at most 200 characters.",
        )
        .map_err(|m| errors.add("name", m));
        let contact = required(
            &input.contact,
            2000,
            "Enter how a submitter reaches this committee.",
            "Enter a contact of at most 2,000 characters.",
        )
        .map_err(|m| errors.add("contact", m));
        let url = parse_url(&input.url).map_err(|m| errors.add("url", m));
        let mut designations: Vec<String> = Vec::new();
        for line in input.designations.lines() {
            let designation = normalise_designation(line);
            if designation.is_empty() || designations.contains(&designation) {
                continue;
            }
            if designation.chars().count() > 100 {
                errors.add(
                    "designations",
                    "Enter designations of at most 100 characters each, one per line.",
                );
            }
            designations.push(designation);
        }
        match (code, name, contact, url) {
            (Ok(code), Ok(name), Ok(contact), Ok(url)) if errors.is_empty() => Ok(Self {
                code,
                name,
                contact,
                url,
                designations,
            }),
            _ => Err(errors),
        }
    }
}

fn parse_url(text: &str) -> Result<String, &'static str> {
    let url = text.trim();
    if url.is_empty() {
        return Err("Enter the address of the committee's public page.");
    }
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(rest)
            if rest.len() > 2
                && rest.contains('.')
                && url.len() <= 500
                && !url.chars().any(|c| c.is_whitespace() || c.is_control()) =>
        {
            Ok(url.to_owned())
        }
        _ => Err(
            "Enter a web address starting with https://, for example https://www.iso.org/committee/45306.html.",
        ),
    }
}

/// Checks what only the database knows: the code is free, and no designation
/// is one of the standards handled here. Designations owned by another
/// committee are allowed: they move. Returns the errors, and how many
/// designations move.
fn check(
    conn: &mut DbConn,
    committee: &ValidCommittee,
    committee_id: Option<&str>,
) -> Result<(FieldErrors, usize), AppError> {
    let mut errors = FieldErrors::default();
    if admin::committee_code_taken(conn, &committee.code, committee_id)? {
        errors.add(
            "code",
            format!(
                "A committee with the code {} already exists.",
                committee.code
            ),
        );
    }
    let ours: Vec<String> = standards::all_with_groups(conn)?
        .into_iter()
        .map(|(s, _)| normalise_designation(&s.designation))
        .collect();
    if let Some(clash) = committee.designations.iter().find(|d| ours.contains(d)) {
        errors.add(
            "designations",
            format!("{clash} is one of the standards handled here; remove it from the list."),
        );
    }
    let moving = admin::owned_elsewhere(conn, &committee.designations, committee_id)?.len();
    Ok((errors, moving))
}

/// Where a save leads: the list, saying how many designations moved.
fn saved(done: &str, moved: usize) -> actix_web::HttpResponse {
    if moved > 0 {
        see_other(&format!("/admin/committees?done={done}&moved={moved}"))
    } else {
        see_other(&format!("/admin/committees?done={done}"))
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/committees/form.html")]
pub struct FormPage {
    page: Page,
    csrf: Csrf,
    heading: String,
    action: String,
    button: &'static str,
    input: CommitteeInput,
    errors: FieldErrors,
}
