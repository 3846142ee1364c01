//! Liaison consultation (issue 23): before a decided answer is published,
//! the liaisons the secretariat configured may object or comment within a
//! period. These are the rules of when publication waits and when a
//! liaison may still answer; the request stays `decided` throughout.

use chrono::NaiveDateTime;

/// Days the liaisons have unless `CLARION_CONSULTATION_DAYS` says otherwise.
pub const DEFAULT_DAYS: u32 = 30;
/// The most a liaison's comments, or the response to them, may hold.
pub const TEXT_MAX: usize = 10_000;

/// When a liaison that has not answered is reminded, once: with a quarter
/// of its period left (some seven days of the default thirty).
pub fn remind_at(opened_at: NaiveDateTime, ends_at: NaiveDateTime) -> NaiveDateTime {
    ends_at - (ends_at - opened_at) / 4
}

/// One consulted liaison's part, as the rules see it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Answer {
    pub answered: bool,
    /// It answered with comments rather than "no objection".
    pub commented: bool,
    /// The secretariat recorded a response to its comments.
    pub responded: bool,
}

/// A consultation of one decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    pub ends_at: NaiveDateTime,
    /// The answer went back to the group: this consultation is over.
    pub sent_back: bool,
    pub answers: Vec<Answer>,
}

/// Why a decided answer may not be published yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hold {
    /// The period runs until `until` and `silent` liaisons have not answered.
    WithLiaisons { until: NaiveDateTime, silent: usize },
    /// `comments` liaisons' comments have no recorded response.
    Unresponded { comments: usize },
}

/// Why a liaison's answer is not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closed {
    /// It answered already: an answer is given once.
    Answered,
    /// The period ended, the answer went back to the group, or the request
    /// is no longer decided.
    Over,
}

impl Facts {
    fn silent(&self) -> usize {
        self.answers.iter().filter(|a| !a.answered).count()
    }

    /// Is the answer with the liaisons at `now`: the period runs and one of
    /// them has not answered yet?
    pub fn with_liaisons(&self, now: NaiveDateTime) -> bool {
        !self.sent_back && now < self.ends_at && self.silent() > 0
    }

    /// What keeps the answer from being published at `now`, if anything:
    /// the period, unless every liaison answered, then any comment without
    /// a response.
    pub fn hold(&self, now: NaiveDateTime) -> Option<Hold> {
        if self.sent_back {
            return None;
        }
        if self.with_liaisons(now) {
            return Some(Hold::WithLiaisons {
                until: self.ends_at,
                silent: self.silent(),
            });
        }
        let comments = self
            .answers
            .iter()
            .filter(|a| a.commented && !a.responded)
            .count();
        (comments > 0).then_some(Hold::Unresponded { comments })
    }

    /// May a liaison whose part is `mine` answer at `now`, while its
    /// request is decided (`decided`)?
    pub fn may_answer(
        &self,
        mine: Answer,
        decided: bool,
        now: NaiveDateTime,
    ) -> Result<(), Closed> {
        if mine.answered {
            Err(Closed::Answered)
        } else if self.sent_back || !decided || now >= self.ends_at {
            Err(Closed::Over)
        } else {
            Ok(())
        }
    }
}

/// Why a consultation refuses what was asked of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Publication waits.
    Hold(Hold),
    /// A liaison's answer is no longer taken.
    Closed(Closed),
    /// A liaison's form needs correcting.
    Reply(ReplyProblem),
}

/// What a liaison sends: no objection, or comments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    NoObjection,
    Comments(String),
}

/// Why a liaison's form is refused, field by field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplyProblem {
    /// Neither choice was made.
    NoChoice,
    /// "Comments" chosen with none written.
    NoComments,
    TooLong,
}

impl Reply {
    /// The form's `answer` (`no_objection` or `comments`) and `comments`.
    pub fn parse(answer: &str, comments: &str) -> Result<Self, ReplyProblem> {
        let comments = comments.trim();
        match answer {
            "no_objection" => Ok(Self::NoObjection),
            "comments" if comments.is_empty() => Err(ReplyProblem::NoComments),
            "comments" if comments.chars().count() > TEXT_MAX => Err(ReplyProblem::TooLong),
            "comments" => Ok(Self::Comments(comments.to_owned())),
            _ => Err(ReplyProblem::NoChoice),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_liaison_is_reminded_with_a_quarter_of_its_time_left() {
        let opened = chrono::NaiveDate::from_ymd_opt(2026, 11, 1)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        let ends = opened + chrono::TimeDelta::days(30);
        assert_eq!(
            remind_at(opened, ends),
            opened + chrono::TimeDelta::days(22) + chrono::TimeDelta::hours(12)
        );
        let short = opened + chrono::TimeDelta::days(4);
        assert_eq!(
            remind_at(opened, short),
            opened + chrono::TimeDelta::days(3)
        );
    }
    use chrono::TimeDelta;

    fn day(n: i64) -> NaiveDateTime {
        NaiveDateTime::default() + TimeDelta::days(n)
    }

    const SILENT: Answer = Answer {
        answered: false,
        commented: false,
        responded: false,
    };
    const NO_OBJECTION: Answer = Answer {
        answered: true,
        commented: false,
        responded: false,
    };
    const COMMENTED: Answer = Answer {
        answered: true,
        commented: true,
        responded: false,
    };

    fn facts(answers: &[Answer]) -> Facts {
        Facts {
            ends_at: day(30),
            sent_back: false,
            answers: answers.to_vec(),
        }
    }

    #[test]
    fn publication_waits_for_the_period_unless_everyone_answered() {
        let waiting = facts(&[NO_OBJECTION, SILENT]);
        assert_eq!(
            waiting.hold(day(29)),
            Some(Hold::WithLiaisons {
                until: day(30),
                silent: 1
            })
        );
        assert!(waiting.with_liaisons(day(29)));
        assert_eq!(waiting.hold(day(30)), None, "the period ended");
        assert!(!waiting.with_liaisons(day(30)));
        assert_eq!(facts(&[NO_OBJECTION, NO_OBJECTION]).hold(day(1)), None);
    }

    #[test]
    fn comments_hold_publication_until_each_has_a_response() {
        let commented = facts(&[COMMENTED, NO_OBJECTION]);
        assert_eq!(
            commented.hold(day(1)),
            Some(Hold::Unresponded { comments: 1 })
        );
        assert_eq!(
            commented.hold(day(40)),
            Some(Hold::Unresponded { comments: 1 }),
            "the end of the period does not answer a comment"
        );
        let responded = Answer {
            responded: true,
            ..COMMENTED
        };
        assert_eq!(facts(&[responded, NO_OBJECTION]).hold(day(1)), None);
        let sent_back = Facts {
            sent_back: true,
            ..commented
        };
        assert_eq!(sent_back.hold(day(1)), None);
    }

    #[test]
    fn a_liaison_answers_once_within_the_period_while_decided() {
        let open = facts(&[SILENT]);
        assert_eq!(open.may_answer(SILENT, true, day(29)), Ok(()));
        assert_eq!(
            open.may_answer(NO_OBJECTION, true, day(1)),
            Err(Closed::Answered)
        );
        assert_eq!(open.may_answer(SILENT, true, day(30)), Err(Closed::Over));
        assert_eq!(open.may_answer(SILENT, false, day(1)), Err(Closed::Over));
        let sent_back = Facts {
            sent_back: true,
            ..open
        };
        assert_eq!(
            sent_back.may_answer(SILENT, true, day(1)),
            Err(Closed::Over)
        );
    }

    #[test]
    fn a_reply_is_no_objection_or_comments_written() {
        assert_eq!(Reply::parse("no_objection", " "), Ok(Reply::NoObjection));
        assert_eq!(
            Reply::parse("comments", "  Clause 7.2 reads otherwise. "),
            Ok(Reply::Comments("Clause 7.2 reads otherwise.".into()))
        );
        assert_eq!(
            Reply::parse("comments", "  "),
            Err(ReplyProblem::NoComments)
        );
        assert_eq!(
            Reply::parse("comments", &"x".repeat(TEXT_MAX + 1)),
            Err(ReplyProblem::TooLong)
        );
        assert_eq!(Reply::parse("", "text"), Err(ReplyProblem::NoChoice));
        assert_eq!(Reply::parse("maybe", ""), Err(ReplyProblem::NoChoice));
    }
}
