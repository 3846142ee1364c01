//! The secretariat's registry (SPEC §3): standards, maintenance groups and
//! their members, the organisations that nominate them, external
//! committees, accounts. Each step takes the
//! secretariat's standing as proof that it may act, checks what was typed
//! and what only the database knows, and stores in one transaction; a
//! refusal says what to fix, field by field, and stores nothing.

pub mod committees;
pub mod groups;
pub mod organisations;
pub mod standards;
pub mod users;

use crate::i18n::Msg;
use chrono::NaiveDateTime;

use super::WorkflowError;
use crate::db::DbConn;
use crate::domain::fields::FieldErrors;
use crate::models::settings::{self, Key};
use crate::models::users::User;

/// Proof that the person acting is of the secretariat. Only
/// [`Secretariat::of`] makes one and every step of the registry asks for
/// one, so no change reaches the registry without the check.
#[derive(Debug, Clone)]
pub struct Secretariat(User);

impl Secretariat {
    /// Anyone else is told "not found": the registry does not even admit
    /// it exists to them.
    pub fn of(user: User) -> Result<Self, WorkflowError> {
        if user.is_secretariat {
            Ok(Self(user))
        } else {
            Err(WorkflowError::NotFound)
        }
    }

    pub fn user(&self) -> &User {
        &self.0
    }
}

/// Records that the secretariat checked the registry the installation came
/// with (standards, groups, committees): the first-run checklist ticks it.
pub fn confirm_registry(
    conn: &mut DbConn,
    admin: &Secretariat,
    now: NaiveDateTime,
) -> Result<(), WorkflowError> {
    settings::put(conn, Key::RegistryChecked, &admin.user().id, now)?;
    Ok(())
}

/// What became of a step that cannot be undone: carried out, or, not yet
/// confirmed, what the person must confirm (nothing changed).
#[derive(Debug)]
pub enum Step<T> {
    Done,
    Confirm(T),
}

/// What became of a form: stored (with what the answer should say), or
/// refused with what to fix, nothing stored.
#[derive(Debug)]
pub enum Outcome<T = ()> {
    Done(T),
    Refused(FieldErrors),
}

/// Trimmed text with runs of whitespace collapsed to one space.
fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text typed in a required field: trimmed, then checked for presence and length.
fn required(text: &str, max: usize, missing: Msg, too_long: Msg) -> Result<String, Msg> {
    let text = text.trim();
    if text.is_empty() {
        Err(missing)
    } else if text.chars().count() > max {
        Err(too_long)
    } else {
        Ok(text.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(is_secretariat: bool) -> User {
        User {
            id: "u1".into(),
            email: "sam@example.org".into(),
            name: "Sam".into(),
            password_hash: None,
            is_secretariat,
            active: true,
            created_at: chrono::NaiveDateTime::default(),
            last_login_at: None,
            sponsor_organisation_id: None,
            language: None,
        }
    }

    #[test]
    fn only_the_secretariat_gets_the_standing() {
        assert_eq!(Secretariat::of(user(true)).unwrap().user().id, "u1");
        assert!(matches!(
            Secretariat::of(user(false)),
            Err(WorkflowError::NotFound)
        ));
    }

    #[test]
    fn required_text_is_trimmed_and_bounded() {
        assert_eq!(
            required(
                "  MG 1 ",
                5,
                Msg::new("form-group-name"),
                Msg::new("form-name-300")
            ),
            Ok("MG 1".into())
        );
        assert_eq!(
            required(
                "   ",
                5,
                Msg::new("form-group-name"),
                Msg::new("form-name-300")
            ),
            Err(Msg::new("form-group-name"))
        );
        assert_eq!(
            required(
                "MG 17025",
                5,
                Msg::new("form-group-name"),
                Msg::new("form-name-300")
            ),
            Err(Msg::new("form-name-300"))
        );
        assert_eq!(tidy("  ISO/IEC \n 17025 "), "ISO/IEC 17025");
    }
}
