//! Follow-up requests (issue 21, item 5): a request with its own reference
//! that asks again about an earlier one, the original. Its kind says why;
//! when it ends, its outcome is recorded on the original. The rules here
//! are when a decision may be reconsidered and what a follow-up must say.

use chrono::{NaiveDateTime, TimeDelta};
use diesel::sql_types::Text;
use diesel::{AsExpression, FromSqlRow};
use serde::Deserialize;

use super::email::EmailAddress;
use super::fields::FieldErrors;
use super::lifecycle::{ClosureReason, State};
use super::person::{NameProblem, PersonName};
use super::stored::stored_as_text;

/// Why a follow-up was asked for. Stored as text: a kind is a variant
/// here and an arm where an outcome is carried out, not a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, AsExpression, FromSqlRow)]
#[diesel(sql_type = Text)]
pub enum Kind {
    /// The submitter contests the decision on their request.
    Reconsideration,
    /// Anyone brings information bearing on a published clarification.
    NewInformation,
    /// The secretariat proposes a correction that alters the meaning of a
    /// published answer: the group decides it, and its answer becomes the
    /// original's next version rather than a clarification of its own.
    Correction,
}

impl Kind {
    pub const ALL: [Kind; 3] = [
        Kind::Reconsideration,
        Kind::NewInformation,
        Kind::Correction,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Reconsideration => "reconsideration",
            Kind::NewInformation => "new_information",
            Kind::Correction => "correction",
        }
    }

    pub fn parse(text: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

stored_as_text!(Kind);

/// How a follow-up ended, as recorded on the original.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Closed without a new answer (not admissible, withdrawn, no
    /// consensus …): the original decision stands.
    Stands,
    /// Published: the follow-up's answer replaces the original decision.
    Revised,
}

impl Outcome {
    /// The outcome of a follow-up now in `state`, closed for `closure`;
    /// none while it is open. A correction the group decided is closed
    /// once published as the original's new version.
    pub fn of(state: State, closure: Option<ClosureReason>) -> Option<Outcome> {
        match (state, closure) {
            (State::Published, _) | (State::Closed, Some(ClosureReason::Corrected)) => {
                Some(Outcome::Revised)
            }
            (State::Closed, _) => Some(Outcome::Stands),
            _ => None,
        }
    }
}

/// When a request was decided, if it was: published, or closed by a
/// decision of the secretariat or the group (not admissible, referred, a
/// duplicate, no consensus possible). A request its submitter withdrew,
/// or let expire without replying, ended without a decision.
pub fn decided_at(
    state: State,
    closure: Option<ClosureReason>,
    published_at: Option<NaiveDateTime>,
    closed_at: Option<NaiveDateTime>,
) -> Option<NaiveDateTime> {
    match (state, closure) {
        (State::Published, _) => published_at,
        (
            State::Closed,
            Some(
                ClosureReason::NotAdmissible
                | ClosureReason::Referred
                | ClosureReason::Duplicate
                | ClosureReason::NoConsensus,
            ),
        ) => closed_at,
        _ => None,
    }
}

/// Whether the submitter may ask for a request's decision to be
/// reconsidered, and until when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    /// Nothing was decided (yet, or ever): nothing to reconsider.
    NotDecided,
    /// Open until this moment included.
    Open { until: NaiveDateTime },
    /// The time to ask ended at this moment.
    Closed { ended: NaiveDateTime },
    /// A reconsideration was asked for already: a decision is reconsidered
    /// once.
    Asked,
    /// The decision on a reconsideration is final here; an appeal is the
    /// next step.
    Final,
}

/// Days after a decision during which reconsideration may be asked for,
/// unless configured otherwise.
pub const DEFAULT_WINDOW_DAYS: u32 = 60;

/// The window for asking to reconsider a request decided at `decided_at`:
/// `days` long from the decision; `asked`: a reconsideration of it exists;
/// `is_reconsideration`: the request is itself one.
pub fn window(
    decided_at: Option<NaiveDateTime>,
    asked: bool,
    is_reconsideration: bool,
    days: u32,
    now: NaiveDateTime,
) -> Window {
    let Some(decided_at) = decided_at else {
        return Window::NotDecided;
    };
    if is_reconsideration {
        return Window::Final;
    }
    if asked {
        return Window::Asked;
    }
    let until = decided_at + TimeDelta::days(i64::from(days));
    if now <= until {
        Window::Open { until }
    } else {
        Window::Closed { ended: until }
    }
}

/// The longest reasons or information a follow-up takes.
pub const STATEMENT_MAX: usize = 5_000;

/// What is wrong with a follow-up's reasons or information as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatementProblem {
    Missing,
    TooLong,
}

/// Reasons or information as typed: trimmed, 1 to 5,000 characters.
pub fn parse_statement(text: &str) -> Result<&str, StatementProblem> {
    let statement = text.trim();
    if statement.is_empty() {
        Err(StatementProblem::Missing)
    } else if statement.chars().count() > STATEMENT_MAX {
        Err(StatementProblem::TooLong)
    } else {
        Ok(statement)
    }
}

/// The "new information" form of a published clarification, as typed.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct NewInformationInput {
    pub name: String,
    pub email: String,
    pub information: String,
    /// The honeypot, as on the request form.
    pub website: String,
}

/// New information that passed every rule.
#[derive(Debug, Clone)]
pub struct NewInformation {
    pub name: String,
    pub email: EmailAddress,
    pub information: String,
    /// The language of the form it was sent from, as
    /// [`crate::domain::submission::Submission::language`].
    pub language: Option<String>,
}

impl NewInformationInput {
    /// Checks every field; the errors come in the order of the form.
    pub fn validate(&self) -> Result<NewInformation, FieldErrors> {
        let mut errors = FieldErrors::default();
        let information = parse_statement(&self.information).map_err(|problem| {
            errors.add(
                "information",
                match problem {
                    StatementProblem::Missing => {
                        "Write the information the maintenance group should consider."
                    }
                    StatementProblem::TooLong => {
                        "Shorten the information to at most 5,000 characters."
                    }
                },
            )
        });
        let name = PersonName::parse(&self.name).map_err(|problem| match problem {
            NameProblem::Missing => errors.add("name", "Enter your name."),
            NameProblem::TooLong => errors.add("name", "Enter a name of at most 200 characters."),
            NameProblem::HiddenFormatting => errors.add(
                "name",
                "Enter your name as plain text: it holds invisible formatting characters, perhaps pasted with it.",
            ),
        });
        let email = EmailAddress::parse(&self.email);
        if let Err(message) = &email {
            errors.add("email", *message);
        }
        match (name, email, information) {
            (Ok(name), Ok(email), Ok(information)) => Ok(NewInformation {
                name: name.into_string(),
                email,
                information: information.to_owned(),
                language: None,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(n: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
            + TimeDelta::days(i64::from(n))
    }

    #[test]
    fn a_decision_is_a_publication_or_a_closure_someone_decided() {
        let (published, closed) = (Some(day(3)), Some(day(5)));
        assert_eq!(
            decided_at(State::Published, None, published, None),
            published
        );
        for reason in [
            ClosureReason::NotAdmissible,
            ClosureReason::Referred,
            ClosureReason::Duplicate,
            ClosureReason::NoConsensus,
        ] {
            assert_eq!(
                decided_at(State::Closed, Some(reason), None, closed),
                closed,
                "{reason:?}"
            );
        }
        for reason in [ClosureReason::Withdrawn, ClosureReason::Expired] {
            assert_eq!(
                decided_at(State::Closed, Some(reason), None, closed),
                None,
                "{reason:?} ended without a decision"
            );
        }
        for state in State::ALL.into_iter().filter(|s| s.is_open()) {
            assert_eq!(
                decided_at(state, None, None, None),
                None,
                "{state} is not decided yet: consensus waits for publication"
            );
        }
    }

    #[test]
    fn the_window_is_open_to_its_last_moment_and_closed_after() {
        let decided = Some(day(0));
        let until = day(60);
        assert_eq!(
            window(decided, false, false, 60, day(0)),
            Window::Open { until }
        );
        assert_eq!(
            window(decided, false, false, 60, until),
            Window::Open { until },
            "the sixtieth day's last moment is within"
        );
        assert_eq!(
            window(decided, false, false, 60, until + TimeDelta::seconds(1)),
            Window::Closed { ended: until }
        );
        assert_eq!(
            window(decided, false, false, 10, day(11)),
            Window::Closed { ended: day(10) },
            "the length is configured"
        );
    }

    #[test]
    fn a_decision_is_reconsidered_once_and_only_once_decided() {
        assert_eq!(window(None, false, false, 60, day(1)), Window::NotDecided);
        assert_eq!(window(Some(day(0)), true, false, 60, day(1)), Window::Asked);
        assert_eq!(
            window(Some(day(0)), false, true, 60, day(1)),
            Window::Final,
            "the decision on a reconsideration is not reconsidered again"
        );
    }

    #[test]
    fn an_outcome_is_known_once_the_follow_up_ends() {
        assert_eq!(Outcome::of(State::Published, None), Some(Outcome::Revised));
        let corrected = Some(ClosureReason::Corrected);
        assert_eq!(
            Outcome::of(State::Closed, corrected),
            Some(Outcome::Revised)
        );
        let refused = Some(ClosureReason::NotAdmissible);
        assert_eq!(Outcome::of(State::Closed, refused), Some(Outcome::Stands));
        assert_eq!(Outcome::of(State::Screening, None), None);
        assert_eq!(Outcome::of(State::Decided, None), None);
    }

    #[test]
    fn the_new_information_form_says_what_is_wrong_with_each_field() {
        let valid = NewInformationInput {
            name: "Kai Reader".into(),
            email: "kai@reader.example".into(),
            information: "The 2024 amendment changed the clause this relies on.".into(),
            website: String::new(),
        };
        assert_eq!(valid.validate().unwrap().name, "Kai Reader");
        let broken = NewInformationInput {
            name: " ".into(),
            email: "kai@".into(),
            information: "i".repeat(STATEMENT_MAX + 1),
            website: String::new(),
        };
        let errors = broken.validate().unwrap_err();
        for field in ["name", "email", "information"] {
            assert!(!errors.get(field).is_empty(), "{field}: {errors:?}");
        }
        assert_eq!(parse_statement("  why  "), Ok("why"));
        assert_eq!(parse_statement(" \n "), Err(StatementProblem::Missing));
        assert_eq!(
            parse_statement(&"é".repeat(STATEMENT_MAX)).map(|s| s.chars().count()),
            Ok(STATEMENT_MAX),
            "characters, not bytes"
        );
    }

    #[test]
    fn kinds_round_trip_through_text() {
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(Kind::parse("appeal"), None);
    }
}
