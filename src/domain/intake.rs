//! How requests from the public come in (issue 22): straight to screening,
//! or through the member body or liaison that sponsors them.

use chrono::{NaiveDateTime, TimeDelta};

/// What the installation asks of a request before it is screened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Anyone's confirmed request goes to screening (no sponsor asked).
    #[default]
    Open,
    /// Every request needs its sponsor's endorsement.
    Endorsed,
    /// The public's requests need an endorsement, as in `Endorsed`; the
    /// installation also has sponsors' accounts, whose own requests (in
    /// every mode) go straight to screening.
    Both,
}

impl Mode {
    pub fn parse(text: &str) -> Option<Mode> {
        match text {
            "open" => Some(Mode::Open),
            "endorsed" => Some(Mode::Endorsed),
            "both" => Some(Mode::Both),
            _ => None,
        }
    }

    /// Whether a request from the public names a sponsor and waits for its
    /// endorsement.
    pub fn public_needs_endorsement(self) -> bool {
        self != Mode::Open
    }
}

/// The intake settings: the mode and how long a sponsor has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Intake {
    pub mode: Mode,
    /// Days after the request to the sponsor before it is reminded once.
    pub reminder_days: u32,
    /// Days after the request to the sponsor before it lapses.
    pub expiry_days: u32,
    /// Whether the group's members see who submitted a request (name and
    /// organisation) or only its sponsor; the secretariat sees both.
    pub group_sees_submitter: bool,
}

impl Default for Intake {
    fn default() -> Self {
        Intake {
            mode: Mode::Open,
            reminder_days: 14,
            expiry_days: 60,
            group_sees_submitter: true,
        }
    }
}

impl Intake {
    /// Asked before this moment, and not reminded yet: due a reminder.
    pub fn remind_if_asked_before(&self, now: NaiveDateTime) -> NaiveDateTime {
        now - TimeDelta::days(i64::from(self.reminder_days))
    }

    /// Asked before this moment: lapsed.
    pub fn expire_if_asked_before(&self, now: NaiveDateTime) -> NaiveDateTime {
        now - TimeDelta::days(i64::from(self.expiry_days))
    }

    /// Until when a link sent at `asked` opens the endorsement page.
    pub fn link_expires(&self, asked: NaiveDateTime) -> NaiveDateTime {
        asked + TimeDelta::days(i64::from(self.expiry_days))
    }
}

/// What a sponsor decided about a request addressed to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Endorsed,
    AnsweredLocally,
    Declined,
    Expired,
}

impl Decision {
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Endorsed => "endorsed",
            Decision::AnsweredLocally => "answered_locally",
            Decision::Declined => "declined",
            Decision::Expired => "expired",
        }
    }
}

/// A sponsor's answer as its form sends it: endorse, answer locally (with
/// the answer) or decline (with the reason).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Endorse,
    AnswerLocally(String),
    Decline(String),
}

/// Why a sponsor's answer is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerProblem {
    /// None of the three buttons.
    UnknownChoice,
    /// A local answer or a refusal with nothing written.
    NoteMissing,
    NoteTooLong,
}

pub const NOTE_MAX: usize = 5_000;

impl Answer {
    /// `choice` is the button pressed, `note` the text beside it.
    pub fn parse(choice: &str, note: &str) -> Result<Answer, AnswerProblem> {
        let note = note.trim();
        let written = || {
            if note.is_empty() {
                Err(AnswerProblem::NoteMissing)
            } else if note.chars().count() > NOTE_MAX {
                Err(AnswerProblem::NoteTooLong)
            } else {
                Ok(note.to_owned())
            }
        };
        match choice {
            "endorse" => Ok(Answer::Endorse),
            "answer" => Ok(Answer::AnswerLocally(written()?)),
            "decline" => Ok(Answer::Decline(written()?)),
            _ => Err(AnswerProblem::UnknownChoice),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_modes_read_as_the_setting_writes_them() {
        assert_eq!(Mode::parse("open"), Some(Mode::Open));
        assert_eq!(Mode::parse("endorsed"), Some(Mode::Endorsed));
        assert_eq!(Mode::parse("both"), Some(Mode::Both));
        assert_eq!(Mode::parse("Open"), None);
        assert!(!Mode::Open.public_needs_endorsement());
        assert!(Mode::Endorsed.public_needs_endorsement());
        assert!(Mode::Both.public_needs_endorsement());
    }

    #[test]
    fn a_local_answer_or_a_refusal_says_something() {
        assert_eq!(Answer::parse("endorse", ""), Ok(Answer::Endorse));
        assert_eq!(
            Answer::parse("decline", "  Out of scope.  "),
            Ok(Answer::Decline("Out of scope.".into()))
        );
        assert_eq!(
            Answer::parse("answer", " \n "),
            Err(AnswerProblem::NoteMissing)
        );
        assert_eq!(
            Answer::parse("answer", &"x".repeat(NOTE_MAX + 1)),
            Err(AnswerProblem::NoteTooLong)
        );
        assert_eq!(
            Answer::parse("publish", "x"),
            Err(AnswerProblem::UnknownChoice)
        );
    }

    #[test]
    fn a_sponsor_is_reminded_then_the_request_lapses() {
        let intake = Intake::default();
        let now = chrono::NaiveDate::from_ymd_opt(2026, 6, 1)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        assert_eq!(
            now - intake.remind_if_asked_before(now),
            TimeDelta::days(14)
        );
        assert_eq!(
            now - intake.expire_if_asked_before(now),
            TimeDelta::days(60)
        );
        assert_eq!(intake.link_expires(now) - now, TimeDelta::days(60));
    }
}
