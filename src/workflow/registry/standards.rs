//! Standards: adding one, or a new edition that may supersede the edition
//! in force; editing the title and responsible group of one listed. The
//! designation and edition identify a standard (and its public address), so
//! they never change.

use crate::i18n::Msg;
use chrono::NaiveDateTime;
use diesel::result::DatabaseErrorKind::UniqueViolation;
use diesel::result::Error::DatabaseError;
use serde::Deserialize;

use super::{Outcome, Secretariat, required, tidy};
use crate::db::{self, DbConn};
use crate::domain::fields::FieldErrors;
use crate::models::committees;
use crate::models::groups::{self, Group};
use crate::models::standards::{self, NewStandard, Standard, StandardForm, slug_for};
use crate::workflow::WorkflowError;

/// The form of a new standard as typed; nothing here is trusted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StandardInput {
    pub designation: String,
    pub edition: String,
    pub title: String,
    /// The official French title; empty when there is none.
    pub title_fr: String,
    pub group: String,
    /// The "supersedes" checkbox: present when ticked.
    pub supersedes: Option<String>,
    /// Id of the edition the checkbox was offered for: the choice counts
    /// only for the edition the person saw.
    pub offered: String,
}

/// The form of an existing standard as typed.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EditInput {
    pub title: String,
    pub title_fr: String,
    pub group: String,
}

/// What became of a new standard.
#[derive(Debug)]
pub enum Addition {
    Added {
        superseded: bool,
    },
    Refused {
        errors: FieldErrors,
        /// The edition in force the new one may supersede, to offer again
        /// (boxed: a standard is large beside the other variant).
        offer: Option<Box<Standard>>,
    },
}

/// Editions are years.
const EDITIONS: std::ops::RangeInclusive<i32> = 1947..=2100;

/// Titles are long ("Conformity assessment — Requirements for …").
const TITLE_MAX: usize = 300;

/// A standard worth storing, apart from what only the database can tell.
struct NewEdition {
    designation: String,
    edition: i32,
    title: String,
    title_fr: Option<String>,
    group_id: Option<String>,
}

impl NewEdition {
    fn parse(input: &StandardInput, groups: &[Group]) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let designation = tidy(&input.designation);
        if designation.is_empty() {
            errors.add("designation", Msg::new("form-designation"));
        } else if designation.chars().count() > 100 {
            errors.add("designation", Msg::new("form-designation-too-long"));
        } else if !designation.chars().any(|c| c.is_ascii_digit()) {
            errors.add("designation", Msg::new("form-designation-number"));
        } else if designation.contains(':') {
            errors.add("designation", Msg::new("form-designation-year"));
        }
        let edition = match input.edition.trim().parse::<i32>() {
            Ok(year) if EDITIONS.contains(&year) => Some(year),
            _ if input.edition.trim().is_empty() => {
                errors.add("edition", Msg::new("form-edition"));
                None
            }
            _ => {
                errors.add("edition", Msg::new("form-edition-digits"));
                None
            }
        };
        let title = parse_title(&input.title).map_err(|m| errors.add("title", m));
        let title_fr = parse_title_fr(&input.title_fr).map_err(|m| errors.add("title_fr", m));
        let group_id = parse_group(&input.group, groups).map_err(|m| errors.add("group", m));
        match (edition, title, title_fr, group_id) {
            (Some(edition), Ok(title), Ok(title_fr), Ok(group_id)) if errors.is_empty() => {
                Ok(Self {
                    designation,
                    edition,
                    title,
                    title_fr,
                    group_id,
                })
            }
            _ => Err(errors),
        }
    }
}

/// The title of a standard as typed, or what to say about it.
fn parse_title(text: &str) -> Result<String, Msg> {
    required(
        &tidy(text),
        TITLE_MAX,
        Msg::new("form-standard-title"),
        Msg::new("form-title-too-long"),
    )
}

/// The official French title as typed: none when left empty.
fn parse_title_fr(text: &str) -> Result<Option<String>, Msg> {
    let title = tidy(text);
    if title.is_empty() {
        return Ok(None);
    }
    parse_title(&title).map(Some)
}

/// The responsible group chosen in a select: none, or one of `groups`.
fn parse_group(id: &str, groups: &[Group]) -> Result<Option<String>, Msg> {
    let id = id.trim();
    if id.is_empty() {
        return Ok(None);
    }
    groups
        .iter()
        .find(|g| g.id == id)
        .map(|g| Some(g.id.clone()))
        .ok_or_else(|| Msg::new("form-group-or-none"))
}

/// Adds a standard and, when the person ticked the box offered for it,
/// marks the edition it replaces as superseded.
pub fn add(
    conn: &mut DbConn,
    _: &Secretariat,
    input: &StandardInput,
    now: NaiveDateTime,
) -> Result<Addition, WorkflowError> {
    let errors = match NewEdition::parse(input, &groups::all(conn)?) {
        Ok(edition) => match db::write_transaction(conn, |conn| store(conn, input, edition, now)) {
            // Someone added the same edition at the same moment.
            Err(WorkflowError::Database(DatabaseError(UniqueViolation, _))) => {
                let mut errors = FieldErrors::default();
                errors.add("edition", Msg::new("form-edition-just-added"));
                errors
            }
            other => return other,
        },
        Err(errors) => errors,
    };
    Ok(Addition::Refused {
        offer: edition_in_force(conn, input)?.map(Box::new),
        errors,
    })
}

/// The newest edition in force of the designation typed, older than the
/// edition typed (any edition in force when no valid year was typed yet).
fn edition_in_force(
    conn: &mut DbConn,
    input: &StandardInput,
) -> Result<Option<Standard>, WorkflowError> {
    let designation = tidy(&input.designation);
    if designation.is_empty() {
        return Ok(None);
    }
    let year = input.edition.trim().parse::<i32>().ok();
    Ok(standards::editions_matching(conn, &designation)?
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
    now: NaiveDateTime,
) -> Result<Addition, WorkflowError> {
    let mut errors = FieldErrors::default();
    let editions = standards::editions_matching(conn, &new.designation)?;
    // Spelled the way the registry already spells it.
    let designation = editions
        .first()
        .map_or(new.designation.clone(), |s| s.designation.clone());
    let slug = slug_for(&designation, new.edition);
    if let Some(same) = editions.iter().find(|s| s.edition == new.edition) {
        errors.add(
            "edition",
            Msg::new("form-edition-taken").with("standard", same.label()),
        );
    } else if standards::slug_exists(conn, &slug)? {
        errors.add(
            "designation",
            Msg::new("form-slug-taken").with("slug", slug.as_str()),
        );
    }
    if let Some(owner) = committees::owner_of(conn, &designation)? {
        errors.add(
            "designation",
            Msg::new("form-designation-elsewhere")
                .with("designation", designation.as_str())
                .with("committee", owner.code.as_str()),
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
            Msg::new("form-say-supersedes").with("standard", previous.label()),
        );
    }
    if !errors.is_empty() {
        return Ok(Addition::Refused {
            errors,
            offer: offer.map(Box::new),
        });
    }

    let id = db::new_id();
    standards::insert(
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
    standards::set_title_fr(conn, &id, new.title_fr.as_deref())?;
    let superseded = match &offer {
        Some(previous) if input.supersedes.is_some() => {
            standards::supersede(conn, &previous.id, &id)?;
            true
        }
        _ => false,
    };
    Ok(Addition::Added { superseded })
}

/// Changes the title and responsible group of the standard at `slug`.
pub fn edit(
    conn: &mut DbConn,
    _: &Secretariat,
    slug: &str,
    input: &EditInput,
) -> Result<Outcome, WorkflowError> {
    let (standard, _) = standards::find_by_slug(conn, slug)?.ok_or(WorkflowError::NotFound)?;
    let mut errors = FieldErrors::default();
    let title = parse_title(&input.title).map_err(|m| errors.add("title", m));
    let title_fr = parse_title_fr(&input.title_fr).map_err(|m| errors.add("title_fr", m));
    let group_id =
        parse_group(&input.group, &groups::all(conn)?).map_err(|m| errors.add("group", m));
    let (Ok(title), Ok(title_fr), Ok(group_id)) = (title, title_fr, group_id) else {
        return Ok(Outcome::Refused(errors));
    };
    db::write_transaction(conn, |conn| {
        standards::update(
            conn,
            &standard.id,
            &title,
            title_fr.as_deref(),
            group_id.as_deref(),
        )
    })?;
    Ok(Outcome::Done(()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(id: &str) -> Group {
        Group::example(id)
    }

    fn typed(designation: &str, edition: &str, title: &str, group: &str) -> StandardInput {
        StandardInput {
            designation: designation.into(),
            edition: edition.into(),
            title: title.into(),
            group: group.into(),
            ..StandardInput::default()
        }
    }

    #[test]
    fn a_new_edition_is_read_tidily() {
        let groups = [group("g1")];
        let edition = NewEdition::parse(
            &typed(" ISO/IEC   17025 ", " 2017 ", "General  requirements", "g1"),
            &groups,
        )
        .unwrap();
        assert_eq!(edition.designation, "ISO/IEC 17025");
        assert_eq!(edition.edition, 2017);
        assert_eq!(edition.title, "General requirements");
        assert_eq!(edition.group_id.as_deref(), Some("g1"));
        let without_group = NewEdition::parse(&typed("ISO 9001", "2015", "QMS", ""), &groups);
        assert_eq!(without_group.unwrap().group_id, None);
    }

    #[test]
    fn each_field_says_what_is_wrong_with_it() {
        let errors = NewEdition::parse(
            &typed("ISO/IEC 17025:2017", "17", "", "nowhere"),
            &[group("g1")],
        )
        .err()
        .unwrap();
        assert_eq!(
            errors.get("designation").english(),
            "Enter the designation without the edition year; the year goes in its own field."
        );
        assert_eq!(
            errors.get("edition").english(),
            "Enter the year of the edition as four digits, for example 2017."
        );
        assert_eq!(
            errors.get("title").english(),
            "Enter the title of the standard."
        );
        assert_eq!(
            errors.get("group").english(),
            "Choose a group from the list, or none."
        );

        let errors = NewEdition::parse(&typed("ISO/IEC", "", &"t".repeat(301), ""), &[])
            .err()
            .unwrap();
        assert_eq!(
            errors.get("designation").english(),
            "Enter the designation with its number, for example ISO/IEC 17025."
        );
        assert_eq!(
            errors.get("edition").english(),
            "Enter the year of the edition, for example 2017."
        );
        assert_eq!(
            errors.get("title").english(),
            "Enter a title of at most 300 characters."
        );
    }

    #[test]
    fn editions_are_years_of_the_standards_era() {
        for year in ["1946", "2101", "twenty"] {
            assert!(NewEdition::parse(&typed("ISO 9001", year, "QMS", ""), &[]).is_err());
        }
        for year in ["1947", "2100"] {
            assert!(NewEdition::parse(&typed("ISO 9001", year, "QMS", ""), &[]).is_ok());
        }
    }
}
