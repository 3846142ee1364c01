//! Adding a standard, or a new edition of one that may supersede the
//! edition in force.

use actix_web::{HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use diesel::result::DatabaseErrorKind::UniqueViolation;
use diesel::result::Error::DatabaseError;
use serde::Deserialize;

use super::{parse_group, parse_title};
use crate::db::{self, DbConn};
use crate::domain::fields::FieldErrors;
use crate::error::AppError;
use crate::models::groups::{self, Group};
use crate::models::standards::{self, NewStandard, Standard, StandardForm, slug_for};
use crate::models::{admin, committees};
use crate::routes::admin::{Secretariat, group_options, see_other, ticked, tidy, unprocessable};
use crate::web::{AppState, Csrf, CsrfForm, Page};

/// What was typed, kept as typed for the page.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StandardInput {
    designation: String,
    edition: String,
    title: String,
    group: String,
    /// The "supersedes" checkbox.
    supersedes: Option<String>,
    /// Id of the edition the checkbox was offered for: the choice counts
    /// only for the edition the person saw.
    offered: String,
}

/// A standard worth storing, apart from what only the database can tell.
struct NewEdition {
    designation: String,
    edition: i32,
    title: String,
    group_id: Option<String>,
}

/// Editions are years.
const EDITIONS: std::ops::RangeInclusive<i32> = 1947..=2100;

impl NewEdition {
    fn parse(input: &StandardInput, groups: &[Group]) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let designation = tidy(&input.designation);
        if designation.is_empty() {
            errors.add(
                "designation",
                "Enter the designation, for example ISO/IEC 17025.",
            );
        } else if designation.chars().count() > 100 {
            errors.add(
                "designation",
                "Enter a designation of at most 100 characters.",
            );
        } else if !designation.chars().any(|c| c.is_ascii_digit()) {
            errors.add(
                "designation",
                "Enter the designation with its number, for example ISO/IEC 17025.",
            );
        } else if designation.contains(':') {
            errors.add(
                "designation",
                "Enter the designation without the edition year; the year goes in its own field.",
            );
        }
        let edition = match input.edition.trim().parse::<i32>() {
            Ok(year) if EDITIONS.contains(&year) => Some(year),
            _ if input.edition.trim().is_empty() => {
                errors.add(
                    "edition",
                    "Enter the year of the edition, for example 2017.",
                );
                None
            }
            _ => {
                errors.add(
                    "edition",
                    "Enter the year of the edition as four digits, for example 2017.",
                );
                None
            }
        };
        let title = parse_title(&input.title).map_err(|m| errors.add("title", m));
        let group_id = parse_group(&input.group, groups).map_err(|m| errors.add("group", m));
        match (edition, title, group_id) {
            (Some(edition), Ok(title), Ok(group_id)) if errors.is_empty() => Ok(Self {
                designation,
                edition,
                title,
                group_id,
            }),
            _ => Err(errors),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/standards/new.html")]
pub struct NewPage {
    page: Page,
    csrf: Csrf,
    input: StandardInput,
    errors: FieldErrors,
    groups: Vec<(String, String)>,
    /// The edition in force that the new one may supersede.
    offer: Option<Standard>,
    /// "Supersedes ISO/IEC 17025:2017".
    supersede_label: String,
    supersede_checked: bool,
}

fn supersede_label(offer: &Option<Standard>) -> String {
    offer
        .as_ref()
        .map(|s| format!("Supersedes {}", s.label()))
        .unwrap_or_default()
}

#[derive(Deserialize)]
pub struct NewQuery {
    /// Slug of a standard whose next edition is being added.
    #[serde(default)]
    edition_of: String,
}

pub async fn show(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    query: web::Query<NewQuery>,
) -> Result<NewPage, AppError> {
    let slug = query.into_inner().edition_of;
    let (groups, previous) = state
        .db(move |conn| {
            let groups = groups::all(conn)?;
            let previous = match slug.as_str() {
                "" => None,
                slug => standards::find_by_slug(conn, slug)?.map(|(s, _)| s),
            };
            Ok((groups, previous))
        })
        .await?;
    let offer = previous.clone().filter(Standard::is_current);
    let input = match &previous {
        Some(previous) => StandardInput {
            designation: previous.designation.clone(),
            title: previous.title.clone(),
            group: previous.group_id.clone().unwrap_or_default(),
            offered: previous.id.clone(),
            ..StandardInput::default()
        },
        None => StandardInput::default(),
    };
    Ok(NewPage {
        page: admin.page(&state),
        csrf,
        input,
        errors: FieldErrors::default(),
        groups: group_options(&groups),
        supersede_label: supersede_label(&offer),
        offer,
        supersede_checked: true,
    })
}

/// What became of a submitted standard.
enum Outcome {
    Added {
        superseded: bool,
    },
    Refused {
        errors: FieldErrors,
        offer: Option<Standard>,
    },
}

pub async fn create(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
    CsrfForm(input): CsrfForm<StandardInput>,
) -> Result<HttpResponse, AppError> {
    let now = state.clock.now();
    let (input, groups, outcome) = state
        .db(move |conn| {
            let groups = groups::all(conn)?;
            let outcome = match NewEdition::parse(&input, &groups) {
                Ok(edition) => {
                    match db::write_transaction(conn, |conn| store(conn, &input, edition, now)) {
                        // Someone added the same edition at the same moment.
                        Err(AppError::Database(DatabaseError(UniqueViolation, _))) => {
                            let mut errors = FieldErrors::default();
                            errors.add(
                                "edition",
                                "This edition was added to the registry a moment ago.",
                            );
                            Outcome::Refused {
                                offer: edition_in_force(conn, &input)?,
                                errors,
                            }
                        }
                        other => other?,
                    }
                }
                Err(errors) => Outcome::Refused {
                    offer: edition_in_force(conn, &input)?,
                    errors,
                },
            };
            Ok((input, groups, outcome))
        })
        .await?;
    match outcome {
        Outcome::Added { superseded: true } => Ok(see_other("/admin/standards?done=superseded")),
        Outcome::Added { superseded: false } => Ok(see_other("/admin/standards?done=added")),
        Outcome::Refused { errors, offer } => {
            // The box is ticked by default when it first appears.
            let supersede_checked = match &offer {
                Some(offer) if input.offered == offer.id => ticked(&input.supersedes),
                _ => true,
            };
            let input = StandardInput {
                offered: offer.as_ref().map(|s| s.id.clone()).unwrap_or_default(),
                ..input
            };
            unprocessable(&NewPage {
                page: admin.page(&state),
                csrf,
                input,
                errors,
                groups: group_options(&groups),
                supersede_label: supersede_label(&offer),
                offer,
                supersede_checked,
            })
        }
    }
}

/// The newest edition in force of the designation typed, older than the
/// edition typed (any edition in force when no valid year was typed yet).
fn edition_in_force(
    conn: &mut DbConn,
    input: &StandardInput,
) -> Result<Option<Standard>, AppError> {
    let designation = tidy(&input.designation);
    if designation.is_empty() {
        return Ok(None);
    }
    let year = input.edition.trim().parse::<i32>().ok();
    Ok(admin::editions_matching(conn, &designation)?
        .into_iter()
        .filter(Standard::is_current)
        .find(|s| year.is_none_or(|year| s.edition < year)))
}

/// Checks what only the database knows, then stores the standard and, when
/// asked, marks the edition it replaces as superseded.
fn store(
    conn: &mut DbConn,
    input: &StandardInput,
    new: NewEdition,
    now: chrono::NaiveDateTime,
) -> Result<Outcome, AppError> {
    let mut errors = FieldErrors::default();
    let editions = admin::editions_matching(conn, &new.designation)?;
    // Spelled the way the registry already spells it.
    let designation = editions
        .first()
        .map_or(new.designation.clone(), |s| s.designation.clone());
    let slug = slug_for(&designation, new.edition);
    if let Some(same) = editions.iter().find(|s| s.edition == new.edition) {
        errors.add(
            "edition",
            format!("{} is already in the registry.", same.label()),
        );
    } else if admin::standard_slug_exists(conn, &slug)? {
        errors.add(
            "designation",
            format!(
                "Another standard already has the address /standards/{slug}; check the designation."
            ),
        );
    }
    if let Some(owner) = committees::owner_of(conn, &designation)? {
        errors.add(
            "designation",
            format!(
                "{designation} belongs to {}, an external committee. Remove it from that committee first if it is handled here now.",
                owner.code
            ),
        );
    }
    let offer = editions
        .iter()
        .filter(|s| s.is_current())
        .find(|s| s.edition < new.edition)
        .cloned();
    if let Some(previous) = &offer
        && input.offered != previous.id
        && errors.is_empty()
    {
        errors.add(
            "supersedes",
            format!(
                "{} is in the registry. Say whether this edition supersedes it, then add the standard again.",
                previous.label()
            ),
        );
    }
    if !errors.is_empty() {
        return Ok(Outcome::Refused { errors, offer });
    }

    let id = db::new_id();
    admin::insert_standard(
        conn,
        &NewStandard {
            id: &id,
            form: StandardForm {
                slug: &slug,
                designation: &designation,
                edition: new.edition,
                title: &new.title,
                group_id: new.group_id.as_deref(),
                superseded_by_id: None,
            },
            created_at: now,
        },
    )?;
    let superseded = match &offer {
        Some(previous) if ticked(&input.supersedes) => {
            admin::supersede(conn, &previous.id, &id)?;
            true
        }
        _ => false,
    };
    Ok(Outcome::Added { superseded })
}
