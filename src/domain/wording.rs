//! The public wording of a request (issue 21, item 1): the standard, clause
//! and question as they will be published, which the secretariat (or the
//! group's convenor) may edit before publication, by the rules of the
//! request form.

use serde::Deserialize;

use super::fields::{FieldErrors, has_hidden_formatting};
use super::submission::{TextProblem, parse_clause, parse_question};

/// The wording form as typed; nothing here is trusted.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct WordingInput {
    /// The version of the request the form was filled in on.
    pub version: i32,
    pub standard: String,
    pub clause: String,
    pub question: String,
    /// Why the wording changed, for the record (optional).
    pub note: String,
}

/// A wording that passes the rules of the request form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wording {
    pub standard_slug: String,
    pub clause: String,
    pub question: String,
}

/// A checked edit: the new wording and its note, if one was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub wording: Wording,
    pub note: Option<String>,
}

pub const NOTE_MAX: usize = 2_000;

impl WordingInput {
    /// The form prefilled with the wording in force.
    pub fn of(wording: &Wording, version: i32) -> Self {
        Self {
            version,
            standard: wording.standard_slug.clone(),
            clause: wording.clause.clone(),
            question: wording.question.clone(),
            note: String::new(),
        }
    }

    /// Checks every field, in the order of the form: `is_choosable` says
    /// whether a slug names a standard the request may be about; an edit
    /// must change something of `current`, the wording in force.
    pub fn validate(
        &self,
        is_choosable: impl Fn(&str) -> bool,
        current: &Wording,
    ) -> Result<Edit, FieldErrors> {
        let mut errors = FieldErrors::default();
        let standard = self.standard.trim();
        if !is_choosable(standard) {
            errors.add(
                "standard",
                "Choose a standard from the list: a current edition, or the request's own.",
            );
        }
        let clause = parse_clause(&self.clause).map_err(|problem| {
            errors.add(
                "clause",
                match problem {
                    TextProblem::Missing => {
                        "Enter the clause the question is about, for example 7.2.1 or Annex A.2."
                    }
                    TextProblem::TooLong => {
                        "Enter a clause number of at most 50 characters, for example 7.2.1."
                    }
                    TextProblem::TooShort | TextProblem::NotPlain => {
                        "Enter the clause number only, for example 7.2.1."
                    }
                },
            )
        });
        let question = parse_question(&self.question).map_err(|problem| {
            errors.add(
                "question",
                match problem {
                    TextProblem::Missing => "Enter the question as it is to be published.",
                    TextProblem::TooShort | TextProblem::NotPlain => {
                        "Write the question in at least 20 characters, as a full sentence."
                    }
                    TextProblem::TooLong => "Shorten the question to at most 5,000 characters.",
                },
            )
        });
        let note = self.note.trim();
        if note.chars().count() > NOTE_MAX {
            errors.add("note", "Shorten the note to at most 2,000 characters.");
        } else if has_hidden_formatting(note) {
            errors.add(
                "note",
                "Write the note as plain text: it holds invisible formatting characters.",
            );
        }
        let (Ok(clause), Ok(question)) = (clause, question) else {
            return Err(errors);
        };
        let wording = Wording {
            standard_slug: standard.to_owned(),
            clause,
            question: question.to_owned(),
        };
        if errors.is_empty() && wording == *current {
            errors.add(
                "question",
                "Change the question, the standard or the clause: this is the wording in force already.",
            );
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Edit {
            wording,
            note: (!note.is_empty()).then(|| note.to_owned()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn current() -> Wording {
        Wording {
            standard_slug: "iso-iec-17025-2017".into(),
            clause: "7.2.1".into(),
            question: "Dr Ana Lima of Lab X asks whether 7.2.1 needs a procedure per method."
                .into(),
        }
    }

    fn choosable(slug: &str) -> bool {
        ["iso-iec-17025-2017", "iso-iec-17020-2012"].contains(&slug)
    }

    fn rephrased() -> WordingInput {
        WordingInput {
            question: " Does 7.2.1 require one documented procedure per method? ".into(),
            ..WordingInput::of(&current(), 3)
        }
    }

    #[test]
    fn a_rephrased_question_is_kept_trimmed_with_its_note() {
        let input = WordingInput {
            note: "  Names removed. ".into(),
            ..rephrased()
        };
        let edit = input.validate(choosable, &current()).unwrap();
        assert_eq!(
            edit.wording.question,
            "Does 7.2.1 require one documented procedure per method?"
        );
        assert_eq!(edit.note.as_deref(), Some("Names removed."));
        let without_note = rephrased().validate(choosable, &current()).unwrap();
        assert_eq!(without_note.note, None);
    }

    #[test]
    fn each_field_follows_the_rules_of_the_request_form() {
        let refused = |input: WordingInput| input.validate(choosable, &current()).unwrap_err();
        let errors = refused(WordingInput {
            question: "   ".into(),
            clause: String::new(),
            standard: "iso-9001-2015".into(),
            ..rephrased()
        });
        let fields: Vec<&str> = errors.as_slice().iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, ["standard", "clause", "question"], "in form order");
        assert!(
            !refused(WordingInput {
                question: "Too short?".into(),
                ..rephrased()
            })
            .get("question")
            .english()
            .is_empty()
        );
        assert!(
            !refused(WordingInput {
                clause: "7.2\u{202E}1".into(),
                ..rephrased()
            })
            .get("clause")
            .english()
            .is_empty()
        );
        assert!(
            !refused(WordingInput {
                note: "n".repeat(NOTE_MAX + 1),
                ..rephrased()
            })
            .get("note")
            .english()
            .is_empty()
        );
    }

    #[test]
    fn an_edit_must_change_something() {
        let same = WordingInput::of(&current(), 3);
        let errors = same.validate(choosable, &current()).unwrap_err();
        assert!(
            errors
                .get("question")
                .english()
                .contains("wording in force")
        );
        let moved = WordingInput {
            standard: "iso-iec-17020-2012".into(),
            ..WordingInput::of(&current(), 3)
        };
        assert_eq!(
            moved
                .validate(choosable, &current())
                .unwrap()
                .wording
                .standard_slug,
            "iso-iec-17020-2012"
        );
    }
}
