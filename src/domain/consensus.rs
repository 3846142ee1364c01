//! Consensus rounds (SPEC §2, issue 19): the positions a member may vote,
//! the rules a round must meet before consensus is recorded, its tally, and
//! how the agreed text differs from the voted one.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use diesel::sql_types::Text;
use diesel::{AsExpression, FromSqlRow};

use super::stored::stored_as_text;

/// A member's vote on a draft answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, AsExpression, FromSqlRow)]
#[diesel(sql_type = Text)]
pub enum Position {
    Agree,
    AgreeWithComments,
    /// Sustained opposition: consensus waits for the convenor's response.
    Oppose,
    Abstain,
}

impl Position {
    /// In the order the vote form offers them.
    pub const ALL: [Position; 4] = [
        Position::Agree,
        Position::AgreeWithComments,
        Position::Oppose,
        Position::Abstain,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Position::Agree => "agree",
            Position::AgreeWithComments => "agree_with_comments",
            Position::Oppose => "oppose",
            Position::Abstain => "abstain",
        }
    }

    pub fn parse(text: &str) -> Option<Position> {
        Position::ALL.into_iter().find(|p| p.as_str() == text)
    }

    /// An opposition says what must change, and the convenor answers it
    /// before recording consensus.
    pub fn is_opposition(self) -> bool {
        self == Position::Oppose
    }

    /// The message naming it, as the vote form and the tally show it.
    pub fn key(self) -> &'static str {
        match self {
            Position::Agree => "ws-position-agree",
            Position::AgreeWithComments => "ws-position-agree-with-comments",
            Position::Oppose => "ws-position-oppose",
            Position::Abstain => "ws-position-abstain",
        }
    }

    /// As the mails about a meeting name it.
    pub fn label(self) -> &'static str {
        match self {
            Position::Agree => "Agree",
            Position::AgreeWithComments => "Agree, with comments",
            Position::Oppose => "Oppose (sustained opposition)",
            Position::Abstain => "Abstain",
        }
    }
}

/// How a round ended (`rounds.outcome`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, AsExpression, FromSqlRow)]
#[diesel(sql_type = Text)]
pub enum Outcome {
    Consensus,
    /// Closed without consensus: the group drafts again.
    NoConsensusYet,
    RequestClosed,
    /// A substantive change of the text opened a new round in its place.
    Replaced,
    /// A voter objected to the editorial change: back to the group.
    Objected,
}

impl Outcome {
    pub const ALL: [Outcome; 5] = [
        Outcome::Consensus,
        Outcome::NoConsensusYet,
        Outcome::RequestClosed,
        Outcome::Replaced,
        Outcome::Objected,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Consensus => "consensus",
            Outcome::NoConsensusYet => "no_consensus_yet",
            Outcome::RequestClosed => "request_closed",
            Outcome::Replaced => "replaced",
            Outcome::Objected => "objected",
        }
    }

    pub fn parse(text: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.as_str() == text)
    }
}

/// How a round is held (`rounds.kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, AsExpression, FromSqlRow)]
#[diesel(sql_type = Text)]
pub enum Kind {
    /// Circulated for votes by correspondence, until a deadline.
    Correspondence,
    /// Decided at a minuted meeting, by those who attended.
    Meeting,
}

impl Kind {
    pub const ALL: [Kind; 2] = [Kind::Correspondence, Kind::Meeting];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Correspondence => "correspondence",
            Kind::Meeting => "meeting",
        }
    }

    pub fn parse(text: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// How the final text differs from the voted one (`rounds.change_class`),
/// as the convenor classified it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, AsExpression, FromSqlRow)]
#[diesel(sql_type = Text)]
pub enum ChangeClass {
    /// The final text is the voted text.
    None,
    /// Wording only: the voters may object for a while.
    Editorial,
    /// A change of substance: a new round votes on the new text.
    Substantive,
}

impl ChangeClass {
    pub const ALL: [ChangeClass; 3] = [
        ChangeClass::None,
        ChangeClass::Editorial,
        ChangeClass::Substantive,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ChangeClass::None => "none",
            ChangeClass::Editorial => "editorial",
            ChangeClass::Substantive => "substantive",
        }
    }

    pub fn parse(text: &str) -> Option<ChangeClass> {
        ChangeClass::ALL.into_iter().find(|c| c.as_str() == text)
    }
}

stored_as_text!(Position, Outcome, Kind, ChangeClass);

/// A group's quorum: at least `percent` of the eligible voters must have
/// voted, and at least `minimum` of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quorum {
    pub percent: u32,
    pub minimum: u32,
}

impl Quorum {
    /// How many of `eligible` voters must have voted.
    pub fn needed(self, eligible: usize) -> usize {
        let share = (eligible * self.percent as usize).div_ceil(100);
        share.max(self.minimum as usize)
    }
}

/// What the closing rules look at, for one round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundFacts {
    pub deadline: NaiveDateTime,
    /// The voter list, fixed when the round opened.
    pub eligible: usize,
    /// Those on it who have voted, whether or not they are still members.
    pub voted: usize,
    pub quorum: Quorum,
    /// Who opposed with no response recorded since, by name.
    pub unanswered: Vec<String>,
}

/// A closing rule the round does not meet yet, with the numbers the page
/// explains it by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unmet {
    /// (a) Before its deadline a round closes only once every eligible
    /// voter has voted.
    BeforeDeadline {
        voted: usize,
        eligible: usize,
        deadline: NaiveDateTime,
    },
    /// (b) Fewer have voted than the group's quorum needs.
    NoQuorum {
        voted: usize,
        needed: usize,
        eligible: usize,
    },
    /// (c) Every opposition needs a recorded response.
    UnansweredOppositions { names: Vec<String> },
}

impl Unmet {
    /// The voter list is shorter than the quorum: no vote can reach it in
    /// this round.
    pub fn out_of_reach(&self) -> bool {
        matches!(self, Unmet::NoQuorum { needed, eligible, .. } if eligible < needed)
    }
}

/// Whether consensus may be recorded at `now`; if not, every rule unmet.
/// Closing without consensus is always open to the convenor: these rules
/// are not asked then.
pub fn may_close(facts: &RoundFacts, now: NaiveDateTime) -> Result<(), Vec<Unmet>> {
    let mut unmet = Vec::new();
    if now <= facts.deadline && facts.voted < facts.eligible {
        unmet.push(Unmet::BeforeDeadline {
            voted: facts.voted,
            eligible: facts.eligible,
            deadline: facts.deadline,
        });
    }
    let needed = facts.quorum.needed(facts.eligible);
    if facts.voted < needed {
        unmet.push(Unmet::NoQuorum {
            voted: facts.voted,
            needed,
            eligible: facts.eligible,
        });
    }
    if !facts.unanswered.is_empty() {
        unmet.push(Unmet::UnansweredOppositions {
            names: facts.unanswered.clone(),
        });
    }
    if unmet.is_empty() { Ok(()) } else { Err(unmet) }
}

/// Why the rules of a round refuse what was asked; the page says it in
/// words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RoundRefusal {
    /// Only the voters listed when the round opened vote in it.
    #[error("not on the voter list of this round")]
    NotOnVoterList,
    #[error("the closing rules are not met")]
    CannotClose(Vec<Unmet>),
    /// The final text differs from the voted one: the convenor says how.
    #[error("the change of the text is not classified")]
    UnclassifiedChange,
    #[error("an editorial change needs its reason")]
    EditorialWithoutReason,
    /// The vote answered is no opposition of the open round.
    #[error("no such opposition")]
    NoSuchOpposition,
    /// Only the voters of the round object to its decision.
    #[error("not a voter of the decided round")]
    NotAnObjector,
    #[error("the time to object ended")]
    ObjectionWindowClosed { until: NaiveDateTime },
    /// A flagged voter declares a conflict or confirms none before voting.
    #[error("the conflict of interest is not answered")]
    ConflictUnanswered,
    #[error("a declared conflict needs its note")]
    ConflictWithoutNote,
    #[error("no such declaration")]
    UnknownDeclaration,
    /// A declared conflict stays in the record.
    #[error("the conflict was declared")]
    ConflictStands,
    /// The convenor allows only a declared conflict's vote.
    #[error("no conflict declared")]
    NoDeclaredConflict,
    /// Nobody allows their own conflicted vote.
    #[error("one's own conflict")]
    OwnConflict,
    #[error("allowing a conflicted vote needs its reason")]
    AllowanceWithoutReason,
    /// A meeting's decision recorded with fields to correct.
    #[error("the meeting record is incomplete")]
    Meeting(Vec<super::meeting::MeetingProblem>),
}

/// Whether two texts say the same words: a change of spacing or of line
/// endings (a browser sends the draft back with CRLF) is no change.
pub fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// What closing a round with `final_text` means, given the convenor's
/// classification (`class`, empty when not chosen) and reason: unchanged
/// words need none; a change needs its class, and an editorial one its
/// reason.
pub fn classify(
    draft: &str,
    final_text: &str,
    class: &str,
    reason: &str,
) -> Result<ChangeClass, RoundRefusal> {
    if same_words(draft, final_text) {
        return Ok(ChangeClass::None);
    }
    match ChangeClass::parse(class.trim()) {
        Some(ChangeClass::Editorial) if reason.trim().is_empty() => {
            Err(RoundRefusal::EditorialWithoutReason)
        }
        Some(class @ (ChangeClass::Editorial | ChangeClass::Substantive)) => Ok(class),
        Some(ChangeClass::None) | None => Err(RoundRefusal::UnclassifiedChange),
    }
}

/// A run of words of a difference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Same(String),
    Deleted(String),
    Inserted(String),
}

/// How `new` differs from `old`, word by word, in runs.
pub fn word_difference(old: &str, new: &str) -> Vec<Piece> {
    use similar::{ChangeTag, TextDiff};
    let diff = TextDiff::from_words(old, new);
    let mut pieces: Vec<Piece> = Vec::new();
    for change in diff.iter_all_changes() {
        let text = change.value();
        match (pieces.last_mut(), change.tag()) {
            (Some(Piece::Same(run)), ChangeTag::Equal)
            | (Some(Piece::Deleted(run)), ChangeTag::Delete)
            | (Some(Piece::Inserted(run)), ChangeTag::Insert) => run.push_str(text),
            (_, ChangeTag::Equal) => pieces.push(Piece::Same(text.to_owned())),
            (_, ChangeTag::Delete) => pieces.push(Piece::Deleted(text.to_owned())),
            (_, ChangeTag::Insert) => pieces.push(Piece::Inserted(text.to_owned())),
        }
    }
    pieces
}

/// Votes per position, every position listed.
pub type Counts = Vec<(Position, usize)>;

fn counts<'p>(positions: impl Iterator<Item = &'p Position>) -> Counts {
    let positions: Vec<Position> = positions.copied().collect();
    Position::ALL
        .into_iter()
        .map(|p| (p, positions.iter().filter(|q| **q == p).count()))
        .collect()
}

/// A round's votes counted in total and by nominating body.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Tally {
    pub total: Counts,
    /// By the body that nominated each voter, in the order of their
    /// names; voters nominated by none last (`None`).
    pub by_body: Vec<(Option<String>, Counts)>,
}

/// Counts the votes: each is the position counted and the name of the body
/// that nominated its voter.
pub fn tally(votes: &[(Option<String>, Position)]) -> Tally {
    let mut bodies: BTreeMap<(bool, Option<&String>), Vec<Position>> = BTreeMap::new();
    for (body, position) in votes {
        bodies
            .entry((body.is_none(), body.as_ref()))
            .or_default()
            .push(*position);
    }
    Tally {
        total: counts(votes.iter().map(|(_, p)| p)),
        by_body: bodies
            .into_iter()
            .map(|((_, body), positions)| (body.cloned(), counts(positions.iter())))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 3, day)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap()
    }

    const DEFAULT: Quorum = Quorum {
        percent: 50,
        minimum: 2,
    };

    fn facts(eligible: usize, voted: usize) -> RoundFacts {
        RoundFacts {
            deadline: at(21),
            eligible,
            voted,
            quorum: DEFAULT,
            unanswered: Vec::new(),
        }
    }

    #[test]
    fn stored_words_round_trip_through_text() {
        for position in Position::ALL {
            assert_eq!(Position::parse(position.as_str()), Some(position));
        }
        assert_eq!(Position::parse("against"), None);
        for outcome in Outcome::ALL {
            assert_eq!(Outcome::parse(outcome.as_str()), Some(outcome));
        }
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.as_str()), Some(kind));
        }
        for class in ChangeClass::ALL {
            assert_eq!(ChangeClass::parse(class.as_str()), Some(class));
        }
    }

    #[test]
    fn only_an_opposition_needs_an_answer() {
        let oppositions: Vec<Position> = Position::ALL
            .into_iter()
            .filter(|p| p.is_opposition())
            .collect();
        assert_eq!(oppositions, [Position::Oppose]);
    }

    #[test]
    fn the_quorum_is_half_the_voters_and_at_least_two() {
        assert_eq!(DEFAULT.needed(0), 2);
        assert_eq!(DEFAULT.needed(1), 2);
        assert_eq!(DEFAULT.needed(3), 2);
        assert_eq!(DEFAULT.needed(5), 3, "half of 5, rounded up");
        assert_eq!(DEFAULT.needed(10), 5);
        let strict = Quorum {
            percent: 100,
            minimum: 1,
        };
        assert_eq!(strict.needed(7), 7);
        let lax = Quorum {
            percent: 0,
            minimum: 1,
        };
        assert_eq!(lax.needed(40), 1);
    }

    #[test]
    fn consensus_is_refused_with_zero_votes_and_before_the_deadline() {
        let refused = may_close(&facts(4, 0), at(2)).unwrap_err();
        assert_eq!(
            refused,
            [
                Unmet::BeforeDeadline {
                    voted: 0,
                    eligible: 4,
                    deadline: at(21)
                },
                Unmet::NoQuorum {
                    voted: 0,
                    needed: 2,
                    eligible: 4
                },
            ]
        );
        assert!(!refused[1].out_of_reach());
        // Past the deadline, zero votes are still no quorum.
        assert_eq!(
            may_close(&facts(4, 0), at(22)).unwrap_err(),
            [Unmet::NoQuorum {
                voted: 0,
                needed: 2,
                eligible: 4
            }]
        );
    }

    #[test]
    fn after_the_deadline_the_quorum_is_enough() {
        assert_eq!(may_close(&facts(4, 2), at(22)), Ok(()));
        assert!(may_close(&facts(4, 2), at(20)).is_err(), "not before it");
        assert_eq!(
            may_close(&facts(5, 2), at(22)).unwrap_err(),
            [Unmet::NoQuorum {
                voted: 2,
                needed: 3,
                eligible: 5
            }]
        );
    }

    #[test]
    fn early_when_everyone_on_the_list_voted() {
        assert_eq!(may_close(&facts(3, 3), at(2)), Ok(()));
    }

    #[test]
    fn a_list_shorter_than_the_quorum_can_never_close_with_consensus() {
        for now in [at(2), at(22)] {
            let refused = may_close(&facts(1, 1), now).unwrap_err();
            assert_eq!(
                refused,
                [Unmet::NoQuorum {
                    voted: 1,
                    needed: 2,
                    eligible: 1
                }]
            );
            assert!(refused[0].out_of_reach());
        }
        let empty = may_close(&facts(0, 0), at(2)).unwrap_err();
        assert!(empty[0].out_of_reach(), "{empty:?}");
    }

    #[test]
    fn every_opposition_needs_a_response() {
        let opposed = RoundFacts {
            unanswered: vec!["Sofia Lindqvist".into()],
            ..facts(3, 3)
        };
        assert_eq!(
            may_close(&opposed, at(22)).unwrap_err(),
            [Unmet::UnansweredOppositions {
                names: vec!["Sofia Lindqvist".into()]
            }]
        );
    }

    #[test]
    fn unchanged_words_need_no_class_and_a_change_needs_one() {
        let draft = "No. One procedure\r\nmay cover several methods.";
        assert_eq!(
            classify(
                draft,
                " No.  One procedure\nmay cover several methods. ",
                "",
                ""
            ),
            Ok(ChangeClass::None)
        );
        assert_eq!(
            classify(draft, draft, "substantive", ""),
            Ok(ChangeClass::None),
            "a class for no change is ignored"
        );
        let changed = "No. One procedure may cover several named methods.";
        assert_eq!(
            classify(draft, changed, "", ""),
            Err(RoundRefusal::UnclassifiedChange)
        );
        assert_eq!(
            classify(draft, changed, "none", "x"),
            Err(RoundRefusal::UnclassifiedChange)
        );
        assert_eq!(
            classify(draft, changed, "editorial", "  "),
            Err(RoundRefusal::EditorialWithoutReason)
        );
        assert_eq!(
            classify(draft, changed, "editorial", "Clearer."),
            Ok(ChangeClass::Editorial)
        );
        assert_eq!(
            classify(draft, changed, "substantive", ""),
            Ok(ChangeClass::Substantive)
        );
    }

    #[test]
    fn the_difference_is_shown_word_by_word() {
        let pieces = word_difference(
            "One procedure may cover several methods.",
            "One procedure may cover several named methods.",
        );
        assert_eq!(
            pieces,
            [
                Piece::Same("One procedure may cover several ".into()),
                Piece::Inserted("named ".into()),
                Piece::Same("methods.".into()),
            ]
        );
        let replaced = word_difference("Yes, always.", "No, never.");
        assert!(
            replaced.contains(&Piece::Deleted("Yes,".into())),
            "{replaced:?}"
        );
        assert!(
            replaced.contains(&Piece::Inserted("No,".into())),
            "{replaced:?}"
        );
        assert_eq!(
            word_difference("Same.", "Same."),
            [Piece::Same("Same.".into())]
        );
    }

    #[test]
    fn the_tally_counts_in_total_and_by_body() {
        let afnor = Some("AFNOR".to_owned());
        let sis = Some("SIS".to_owned());
        let tally = tally(&[
            (sis.clone(), Position::Agree),
            (None, Position::Abstain),
            (afnor.clone(), Position::Oppose),
            (sis.clone(), Position::Agree),
        ]);
        assert_eq!(
            tally.total,
            [
                (Position::Agree, 2),
                (Position::AgreeWithComments, 0),
                (Position::Oppose, 1),
                (Position::Abstain, 1)
            ]
        );
        let bodies: Vec<_> = tally.by_body.iter().map(|(b, _)| b.clone()).collect();
        assert_eq!(bodies, [afnor, sis, None], "by name, the unnominated last");
        assert_eq!(tally.by_body[1].1[0], (Position::Agree, 2));
    }
}
