//! The French version of a clarification (issue 24, item 4). Once the
//! answer is decided, the secretariat or the group's convenor may enter
//! the question and answer in French: entered before publication, it goes
//! public with it; entered after, at once. Entering it again replaces the
//! text. The English stays the reference text, and the translation keeps
//! the number of the English version it translates, so that pages say so
//! when a correction came after it. Each entry is an event in the
//! request's history; the request's version moves on, so that two people
//! entering at once do not overwrite each other unseen.

use super::registry::Outcome;
use super::workspace::{Acting, Visible, record, visible};
use super::{Ctx, WorkflowError};
use crate::db::{self, DbConn};
use crate::domain::fields::{FieldErrors, has_hidden_formatting};
use crate::domain::lifecycle::{Action, State};
use crate::domain::markdown;
use crate::i18n::Msg;
use crate::models::requests::{self, Change, Request};
use crate::models::translations::{self, FRENCH, Translation};
use crate::models::users::User;
use crate::models::versions;

/// The longest question or answer a translation takes, as for the
/// English.
const TEXT_MAX: usize = 10_000;

/// The form as typed.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct TranslationInput {
    #[serde(default)]
    pub question: String,
    #[serde(default)]
    pub answer: String,
    /// The request's version the form was read at.
    #[serde(default)]
    pub version: i32,
}

/// What the form page shows: the English it translates, and the French
/// entered so far.
pub struct TranslationView {
    pub request: Request,
    pub translation: Option<Translation>,
    /// The English version in force.
    pub english_version: i32,
    /// Whether the English question was reworded since the French was
    /// entered.
    pub question_reworded: bool,
}

impl TranslationView {
    pub fn reference(&self) -> &str {
        self.request.reference.as_deref().unwrap_or_default()
    }

    /// The form prefilled with the French entered so far.
    pub fn input(&self) -> TranslationInput {
        let (question, answer) = match &self.translation {
            Some(t) => (t.question.clone(), t.answer.clone()),
            None => (String::new(), String::new()),
        };
        TranslationInput {
            question,
            answer,
            version: self.request.version,
        }
    }

    pub fn is_published(&self) -> bool {
        self.request.state == State::Published
    }

    /// Whether the English was corrected since the French was entered.
    pub fn is_corrected_since(&self) -> bool {
        self.translation
            .as_ref()
            .is_some_and(|t| t.of_version < self.english_version)
    }

    /// Whether the English changed since the French was entered.
    pub fn is_outdated(&self) -> bool {
        self.is_corrected_since() || self.question_reworded
    }
}

/// The translation page of `reference`, for someone who may translate it.
pub fn page(
    conn: &mut DbConn,
    user: &User,
    reference: &str,
) -> Result<TranslationView, WorkflowError> {
    let Visible {
        request, standing, ..
    } = visible(conn, user, reference)?;
    standing.decide(request.state, Action::Translate)?;
    let translation = translations::of_request(conn, &request.id, FRENCH)?;
    let english_version = versions::current_number(conn, &request.id)?;
    let question_reworded = match &translation {
        Some(french) => {
            translations::question_reworded_since(conn, &request.id, french.entered_at)?
        }
        None => false,
    };
    Ok(TranslationView {
        request,
        translation,
        english_version,
        question_reworded,
    })
}

/// The form's texts trimmed, or what to fix, field by field.
fn check(input: &TranslationInput) -> Result<(&str, &str), FieldErrors> {
    let mut errors = FieldErrors::default();
    let mut field = |name: &str, text: &str, [missing, too_long]: [&'static str; 2]| {
        let text = text.trim();
        let problem = if text.is_empty() {
            Some(Msg::new(missing))
        } else if text.chars().count() > TEXT_MAX {
            Some(Msg::new(too_long))
        } else if has_hidden_formatting(text) {
            Some(Msg::new("tr-form-hidden-formatting"))
        } else {
            None
        };
        if let Some(problem) = problem {
            errors.add(name, problem);
        }
    };
    field(
        "question",
        &input.question,
        ["tr-form-question-missing", "tr-form-question-too-long"],
    );
    field(
        "answer",
        &input.answer,
        ["tr-form-answer-missing", "tr-form-answer-too-long"],
    );
    if errors.is_empty() {
        Ok((input.question.trim(), input.answer.trim()))
    } else {
        Err(errors)
    }
}

/// Stores the French version typed, replacing any entered before;
/// refused field by field with nothing stored. Says whether it is public
/// now (the clarification is published) or goes public with it.
pub fn enter(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    input: &TranslationInput,
) -> Result<Outcome<bool>, WorkflowError> {
    db::write_transaction(conn, |conn| {
        let permit = super::workspace::permit(conn, acting, Action::Translate)?;
        let (question, answer) = match check(input) {
            Ok(texts) => texts,
            Err(errors) => return Ok(Outcome::Refused(errors)),
        };
        let request = permit.request();
        let translation = Translation {
            request_id: request.id.clone(),
            language: FRENCH.to_owned(),
            question: question.to_owned(),
            answer: answer.to_owned(),
            answer_html: markdown::to_safe_html(answer),
            of_version: versions::current_number(conn, &request.id)?,
            entered_by: Some(acting.user.id.clone()),
            entered_at: ctx.now,
        };
        translations::put(conn, &translation)?;
        // The request's version moves on, and with it the register's
        // (pages kept in memory, the search index) once it is published;
        // nothing else of it changes, not when it last moved on
        // (`updated_at`), as for the wording.
        if !requests::apply(conn, &request.id, request.version, &Change::default())? {
            return Err(WorkflowError::Changed);
        }
        record(conn, ctx, acting.user, &permit, None)?;
        Ok(Outcome::Done(request.state == State::Published))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_field_is_checked_on_its_own() {
        let typed = |question: &str, answer: &str| TranslationInput {
            question: question.into(),
            answer: answer.into(),
            version: 1,
        };
        let errors = check(&typed(" ", "")).unwrap_err();
        assert_eq!(
            errors.get("question"),
            &Msg::new("tr-form-question-missing")
        );
        assert_eq!(errors.get("answer"), &Msg::new("tr-form-answer-missing"));
        let long = "é".repeat(TEXT_MAX + 1);
        let errors = check(&typed("Une question ?", &long)).unwrap_err();
        assert!(errors.get("question").is_empty());
        assert_eq!(errors.get("answer"), &Msg::new("tr-form-answer-too-long"));
        let errors = check(&typed("7.2.1\u{202E}", "Oui.")).unwrap_err();
        assert_eq!(
            errors.get("question"),
            &Msg::new("tr-form-hidden-formatting")
        );
        assert_eq!(
            check(&typed("  Une question ?\n", "Oui. ")).unwrap(),
            ("Une question ?", "Oui.")
        );
    }
}
