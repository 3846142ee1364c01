//! Consensus rounds (SPEC §2): the positions a member may vote.

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

    /// As the vote form and the tally show it.
    pub fn label(self) -> &'static str {
        match self {
            Position::Agree => "Agree",
            Position::AgreeWithComments => "Agree, with comments",
            Position::Oppose => "Oppose (sustained opposition)",
            Position::Abstain => "Abstain",
        }
    }
}

stored_as_text!(Position);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_round_trip_through_text() {
        for position in Position::ALL {
            assert_eq!(Position::parse(position.as_str()), Some(position));
        }
        assert_eq!(Position::parse("against"), None);
    }

    #[test]
    fn only_an_opposition_needs_an_answer() {
        let oppositions: Vec<Position> = Position::ALL
            .into_iter()
            .filter(|p| p.is_opposition())
            .collect();
        assert_eq!(oppositions, [Position::Oppose]);
    }
}
