//! A decision taken at a minuted meeting (issue 19, item 6): what the
//! convenor records of it, and the checks it passes before anything is
//! stored. Every problem found is reported at once, each with the field of
//! the form it concerns; the page says it in words.

use chrono::NaiveDate;

use super::consensus::{Position, Quorum};

/// The longest answer, as for every text of an action.
const ANSWER_MAX: usize = 10_000;
/// A minutes reference is a document number or a link.
const REFERENCE_MAX: usize = 500;
/// Minutes pasted in full; the form itself carries at most 64 KiB of text.
const MINUTES_MAX: usize = 40_000;

/// What the convenor sent, as typed.
#[derive(Debug, Default, Clone)]
pub struct MeetingForm {
    /// `YYYY-MM-DD`.
    pub held_on: String,
    /// Each member the form offered, by account id, with the position they
    /// took at the meeting (`Position::as_str`), or empty when they did not
    /// attend.
    pub attendance: Vec<(String, String)>,
    pub minutes_reference: String,
    pub minutes_text: String,
    /// Markdown.
    pub answer: String,
}

impl MeetingForm {
    /// The position typed for this member, empty if none.
    pub fn position_of(&self, user_id: &str) -> &str {
        self.attendance
            .iter()
            .find(|(id, _)| id == user_id)
            .map_or("", |(_, position)| position.as_str())
    }
}

/// A meeting record that passed the checks, trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting<'a> {
    pub held_on: NaiveDate,
    /// Who attended, each with their position, in the order of the form.
    pub attended: Vec<(&'a str, Position)>,
    pub minutes_reference: Option<&'a str>,
    pub minutes_text: Option<&'a str>,
    pub answer: &'a str,
}

/// What is wrong with a meeting record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MeetingProblem {
    NoDate,
    UnreadableDate,
    FutureDate,
    /// Held before the request was received: it cannot have decided it.
    BeforeRequest {
        received: NaiveDate,
    },
    NoAttendee,
    UnknownPosition {
        user_id: String,
    },
    /// Marked present but not a voting member of the group that day.
    NotAVoter {
        user_id: String,
    },
    /// Fewer attended than the group's quorum needs of its voters that day.
    NoQuorum {
        attended: usize,
        needed: usize,
        eligible: usize,
    },
    NoMinutes,
    ReferenceTooLong,
    MinutesTooLong,
    NoAnswer,
    AnswerTooLong,
}

impl MeetingProblem {
    /// The form field it concerns: the control's id is `field-NAME`.
    pub fn field(&self) -> &'static str {
        match self {
            MeetingProblem::NoDate
            | MeetingProblem::UnreadableDate
            | MeetingProblem::FutureDate
            | MeetingProblem::BeforeRequest { .. } => "held_on",
            MeetingProblem::NoAttendee
            | MeetingProblem::UnknownPosition { .. }
            | MeetingProblem::NotAVoter { .. }
            | MeetingProblem::NoQuorum { .. } => "attendance",
            MeetingProblem::NoMinutes | MeetingProblem::ReferenceTooLong => "minutes_reference",
            MeetingProblem::MinutesTooLong => "minutes_text",
            MeetingProblem::NoAnswer | MeetingProblem::AnswerTooLong => "meeting_answer",
        }
    }
}

/// The day the meeting was held: a date, not after `today`, not before the
/// request was `received`.
pub fn held_on(
    text: &str,
    today: NaiveDate,
    received: NaiveDate,
) -> Result<NaiveDate, MeetingProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(MeetingProblem::NoDate);
    }
    let day =
        NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| MeetingProblem::UnreadableDate)?;
    if day > today {
        Err(MeetingProblem::FutureDate)
    } else if day < received {
        Err(MeetingProblem::BeforeRequest { received })
    } else {
        Ok(day)
    }
}

fn optional(text: &str) -> Option<&str> {
    Some(text.trim()).filter(|t| !t.is_empty())
}

/// Checks a meeting record: `held_on` as [`held_on`] found it, `eligible`
/// the group's voting members on that day (none when the day is not
/// known), under the group's quorum.
pub fn check<'a>(
    form: &'a MeetingForm,
    held_on: Result<NaiveDate, MeetingProblem>,
    eligible: Option<&[String]>,
    quorum: Quorum,
) -> Result<Meeting<'a>, Vec<MeetingProblem>> {
    let mut problems = Vec::new();
    let held_on = held_on.map_err(|problem| problems.push(problem)).ok();

    let mut attended: Vec<(&str, Position)> = Vec::new();
    for (user_id, position) in &form.attendance {
        let position = position.trim();
        if position.is_empty() || attended.iter().any(|(id, _)| id == user_id) {
            continue;
        }
        let Some(position) = Position::parse(position) else {
            problems.push(MeetingProblem::UnknownPosition {
                user_id: user_id.clone(),
            });
            continue;
        };
        if eligible.is_some_and(|voters| !voters.contains(user_id)) {
            problems.push(MeetingProblem::NotAVoter {
                user_id: user_id.clone(),
            });
            continue;
        }
        attended.push((user_id, position));
    }
    if form.attendance.iter().all(|(_, p)| p.trim().is_empty()) {
        problems.push(MeetingProblem::NoAttendee);
    } else if let Some(voters) = eligible {
        let needed = quorum.needed(voters.len());
        if attended.len() < needed {
            problems.push(MeetingProblem::NoQuorum {
                attended: attended.len(),
                needed,
                eligible: voters.len(),
            });
        }
    }

    let minutes_reference = optional(&form.minutes_reference);
    let minutes_text = optional(&form.minutes_text);
    if minutes_reference.is_none() && minutes_text.is_none() {
        problems.push(MeetingProblem::NoMinutes);
    }
    if minutes_reference.is_some_and(|r| r.chars().count() > REFERENCE_MAX) {
        problems.push(MeetingProblem::ReferenceTooLong);
    }
    if minutes_text.is_some_and(|t| t.chars().count() > MINUTES_MAX) {
        problems.push(MeetingProblem::MinutesTooLong);
    }

    let answer = form.answer.trim();
    if answer.is_empty() {
        problems.push(MeetingProblem::NoAnswer);
    } else if answer.chars().count() > ANSWER_MAX {
        problems.push(MeetingProblem::AnswerTooLong);
    }

    match held_on {
        Some(held_on) if problems.is_empty() => Ok(Meeting {
            held_on,
            attended,
            minutes_reference,
            minutes_text,
            answer,
        }),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    const DEFAULT: Quorum = Quorum {
        percent: 50,
        minimum: 2,
    };

    fn voters() -> Vec<String> {
        vec!["ana".into(), "ben".into(), "cem".into()]
    }

    fn form() -> MeetingForm {
        MeetingForm {
            held_on: "2026-03-10".into(),
            attendance: vec![
                ("ana".into(), "agree".into()),
                ("ben".into(), "abstain".into()),
                ("cem".into(), String::new()),
            ],
            minutes_reference: " MG 17025 N 42 ".into(),
            minutes_text: String::new(),
            answer: " No. ".into(),
        }
    }

    #[test]
    fn the_day_is_a_date_neither_in_the_future_nor_before_the_request() {
        assert_eq!(held_on("2026-03-10", day(12), day(1)), Ok(day(10)));
        assert_eq!(
            held_on(" 2026-03-12 ", day(12), day(1)),
            Ok(day(12)),
            "today"
        );
        assert_eq!(held_on("", day(12), day(1)), Err(MeetingProblem::NoDate));
        assert_eq!(
            held_on("10/03/2026", day(12), day(1)),
            Err(MeetingProblem::UnreadableDate)
        );
        assert_eq!(
            held_on("2026-03-13", day(12), day(1)),
            Err(MeetingProblem::FutureDate)
        );
        assert_eq!(
            held_on("2026-02-28", day(12), day(1)),
            Err(MeetingProblem::BeforeRequest { received: day(1) })
        );
    }

    #[test]
    fn a_complete_record_is_trimmed_and_keeps_who_attended() {
        let form = form();
        let voters = voters();
        let meeting = check(&form, Ok(day(10)), Some(&voters), DEFAULT).unwrap();
        assert_eq!(
            meeting,
            Meeting {
                held_on: day(10),
                attended: vec![("ana", Position::Agree), ("ben", Position::Abstain)],
                minutes_reference: Some("MG 17025 N 42"),
                minutes_text: None,
                answer: "No.",
            }
        );
    }

    #[test]
    fn every_problem_is_reported_at_once_with_its_field() {
        let form = MeetingForm {
            held_on: "2026-04-01".into(),
            attendance: vec![("ana".into(), String::new())],
            minutes_reference: "  ".into(),
            minutes_text: "\n".into(),
            answer: " ".into(),
        };
        let problems = check(
            &form,
            held_on(&form.held_on, day(12), day(1)),
            None,
            DEFAULT,
        )
        .unwrap_err();
        assert_eq!(
            problems,
            [
                MeetingProblem::FutureDate,
                MeetingProblem::NoAttendee,
                MeetingProblem::NoMinutes,
                MeetingProblem::NoAnswer,
            ]
        );
        let fields: Vec<&str> = problems.iter().map(MeetingProblem::field).collect();
        assert_eq!(
            fields,
            [
                "held_on",
                "attendance",
                "minutes_reference",
                "meeting_answer"
            ]
        );
    }

    #[test]
    fn attendees_are_voters_of_that_day_and_reach_the_quorum() {
        let voters = voters();
        let mut alone = form();
        alone.attendance = vec![
            ("ana".into(), "agree".into()),
            ("ben".into(), String::new()),
        ];
        assert_eq!(
            check(&alone, Ok(day(10)), Some(&voters), DEFAULT).unwrap_err(),
            [MeetingProblem::NoQuorum {
                attended: 1,
                needed: 2,
                eligible: 3
            }]
        );
        let mut stranger = form();
        stranger.attendance.push(("dov".into(), "agree".into()));
        stranger.attendance.push(("ana".into(), "sideways".into()));
        assert_eq!(
            check(&stranger, Ok(day(10)), Some(&voters), DEFAULT).unwrap_err(),
            [MeetingProblem::NotAVoter {
                user_id: "dov".into()
            }],
            "a second position for the same member is ignored"
        );
        let mut odd = form();
        odd.attendance[1].1 = "sideways".into();
        assert!(
            check(&odd, Ok(day(10)), Some(&voters), DEFAULT)
                .unwrap_err()
                .contains(&MeetingProblem::UnknownPosition {
                    user_id: "ben".into()
                })
        );
    }

    #[test]
    fn pasted_minutes_stand_in_for_a_reference() {
        let mut pasted = form();
        pasted.minutes_reference = String::new();
        pasted.minutes_text = "1. CR-2026-0001: agreed.".into();
        let voters = voters();
        let meeting = check(&pasted, Ok(day(10)), Some(&voters), DEFAULT).unwrap();
        assert_eq!(meeting.minutes_reference, None);
        assert_eq!(meeting.minutes_text, Some("1. CR-2026-0001: agreed."));
        pasted.minutes_text = "x".repeat(MINUTES_MAX + 1);
        assert_eq!(
            check(&pasted, Ok(day(10)), Some(&voters), DEFAULT).unwrap_err(),
            [MeetingProblem::MinutesTooLong]
        );
    }
}
