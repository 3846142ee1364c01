//! Who may see a request and act on it (SPEC §3), apart from what the
//! lifecycle allows in each state.

use diesel::sql_types::Text;
use diesel::{AsExpression, FromSqlRow};

use super::lifecycle::{self, Action, Actor, State};
use super::stored::stored_as_text;

/// A signed-in person's standing towards one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    pub secretariat: bool,
    /// Convenor or member of the request's group.
    pub group_role: Option<GroupRole>,
}

/// A person's role in a maintenance group (`memberships.role`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, AsExpression, FromSqlRow)]
#[diesel(sql_type = Text)]
pub enum GroupRole {
    Convenor,
    Member,
}

impl GroupRole {
    pub const ALL: [GroupRole; 2] = [GroupRole::Convenor, GroupRole::Member];

    pub fn as_str(self) -> &'static str {
        match self {
            GroupRole::Convenor => "convenor",
            GroupRole::Member => "member",
        }
    }

    pub fn parse(text: &str) -> Option<GroupRole> {
        GroupRole::ALL.into_iter().find(|r| r.as_str() == text)
    }
}

/// In what capacity a member sits in a group (`memberships.capacity`): an
/// expert votes; an observer reads and comments; a liaison's representative
/// reads and comments, and votes only where the group lets liaisons vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, AsExpression, FromSqlRow)]
#[diesel(sql_type = Text)]
pub enum Capacity {
    Expert,
    Observer,
    Liaison,
}

impl Capacity {
    pub const ALL: [Capacity; 3] = [Capacity::Expert, Capacity::Observer, Capacity::Liaison];

    pub fn as_str(self) -> &'static str {
        match self {
            Capacity::Expert => "expert",
            Capacity::Observer => "observer",
            Capacity::Liaison => "liaison",
        }
    }

    pub fn parse(text: &str) -> Option<Capacity> {
        Capacity::ALL.into_iter().find(|c| c.as_str() == text)
    }

    /// Whether someone in this capacity votes, in a group that does or
    /// does not let liaisons vote.
    pub fn votes(self, liaisons_vote: bool) -> bool {
        match self {
            Capacity::Expert => true,
            Capacity::Observer => false,
            Capacity::Liaison => liaisons_vote,
        }
    }
}

stored_as_text!(GroupRole, Capacity);

impl Standing {
    /// The secretariat reads every confirmed request; the group reads its
    /// requests once they reached it (`reached_group`: accepted at some point).
    pub fn can_read(self, state: State, reached_group: bool) -> bool {
        state.is_confirmed() && (self.secretariat || (self.group_role.is_some() && reached_group))
    }

    /// The roles this person acts in, most specific first.
    pub fn actors(self) -> Vec<Actor> {
        let mut actors = Vec::new();
        match self.group_role {
            Some(GroupRole::Convenor) => actors.push(Actor::Convenor),
            Some(GroupRole::Member) => actors.push(Actor::Member),
            None => {}
        }
        if self.secretariat {
            actors.push(Actor::Secretariat);
        }
        actors
    }

    /// The role in which this person may take `action` now, or why not.
    pub fn decide(
        self,
        state: State,
        action: Action,
    ) -> Result<(Actor, lifecycle::Transition), lifecycle::Refusal> {
        let mut refusal = lifecycle::Refusal::WrongActor;
        for actor in self.actors() {
            match lifecycle::decide(state, action, actor) {
                Ok(transition) => return Ok((actor, transition)),
                Err(e @ lifecycle::Refusal::WrongState(_)) => refusal = e,
                Err(_) => {}
            }
        }
        Err(refusal)
    }

    /// Internal comments are the group's (SPEC §3); the secretariat reads
    /// them and comments only if it is also in the group.
    pub fn can_comment(self, state: State, reached_group: bool) -> bool {
        self.group_role.is_some() && self.can_read(state, reached_group)
    }
}

/// Actions taken from the workspace, in the order the page offers them.
pub const WORKSPACE_ACTIONS: [Action; 20] = [
    Action::Accept,
    Action::AskForInformation,
    Action::NotAdmissible,
    Action::Refer,
    Action::Duplicate,
    Action::Reassign,
    Action::OpenRound,
    Action::RecordMeetingDecision,
    Action::Vote,
    Action::RespondToOpposition,
    Action::AllowConflictedVote,
    Action::CloseWithConsensus,
    Action::CloseWithoutConsensus,
    Action::CloseNoConsensus,
    Action::Publish,
    Action::SendBack,
    Action::Object,
    Action::MarkPublication,
    Action::CorrectPublication,
    Action::Translate,
];

#[cfg(test)]
mod tests {
    use super::*;

    const SECRETARIAT: Standing = Standing {
        secretariat: true,
        group_role: None,
    };
    const CONVENOR: Standing = Standing {
        secretariat: false,
        group_role: Some(GroupRole::Convenor),
    };
    const MEMBER: Standing = Standing {
        secretariat: false,
        group_role: Some(GroupRole::Member),
    };
    const OUTSIDER: Standing = Standing {
        secretariat: false,
        group_role: None,
    };

    #[test]
    fn roles_round_trip_through_text() {
        for role in GroupRole::ALL {
            assert_eq!(GroupRole::parse(role.as_str()), Some(role));
        }
        assert_eq!(GroupRole::parse("chair"), None);
    }

    #[test]
    fn experts_vote_observers_never_liaisons_where_the_group_says() {
        for liaisons_vote in [false, true] {
            assert!(Capacity::Expert.votes(liaisons_vote));
            assert!(!Capacity::Observer.votes(liaisons_vote));
            assert_eq!(Capacity::Liaison.votes(liaisons_vote), liaisons_vote);
        }
        for capacity in Capacity::ALL {
            assert_eq!(Capacity::parse(capacity.as_str()), Some(capacity));
        }
    }

    #[test]
    fn the_group_reads_only_what_reached_it() {
        assert!(SECRETARIAT.can_read(State::Screening, false));
        assert!(!MEMBER.can_read(State::Screening, false));
        assert!(MEMBER.can_read(State::InGroup, true));
        assert!(CONVENOR.can_read(State::Closed, true));
        assert!(!CONVENOR.can_read(State::Closed, false));
        assert!(!OUTSIDER.can_read(State::Published, true));
        assert!(!SECRETARIAT.can_read(State::PendingConfirmation, false));
    }

    #[test]
    fn each_role_gets_its_own_actions() {
        assert!(SECRETARIAT.decide(State::Screening, Action::Accept).is_ok());
        assert!(CONVENOR.decide(State::Screening, Action::Accept).is_err());
        assert!(CONVENOR.decide(State::InGroup, Action::OpenRound).is_ok());
        assert!(MEMBER.decide(State::InGroup, Action::OpenRound).is_err());
        assert_eq!(
            MEMBER.decide(State::Balloting, Action::Vote).unwrap().0,
            Actor::Member
        );
        let both = Standing {
            secretariat: true,
            group_role: Some(GroupRole::Convenor),
        };
        assert!(both.decide(State::Decided, Action::Publish).is_ok());
        assert!(
            both.decide(State::Balloting, Action::CloseWithConsensus)
                .is_ok()
        );
        assert_eq!(
            MEMBER.decide(State::Decided, Action::Vote),
            Err(lifecycle::Refusal::WrongState(State::Decided))
        );
    }
}
