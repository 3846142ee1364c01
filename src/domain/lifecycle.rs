//! The lifecycle of a request (SPEC §2): its states, the actions on it, and
//! the one function that decides whether an action is allowed for an actor
//! in a state. Every workflow step asks `decide` (through
//! `access::Standing`) before it changes anything, so this table is the
//! whole lifecycle: routes and templates never compare states.

use std::fmt;

use diesel::sql_types::Text;
use diesel::{AsExpression, FromSqlRow};

use super::stored::stored_as_text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, AsExpression, FromSqlRow)]
#[diesel(sql_type = Text)]
pub enum State {
    PendingConfirmation,
    /// Confirmed, waiting for its sponsor (a member body or liaison) to
    /// endorse it, answer it locally or decline it.
    AwaitingEndorsement,
    Screening,
    AwaitingSubmitter,
    InGroup,
    Balloting,
    /// Consensus recorded, open to objection for a while: the final text
    /// differs editorially from the voted one, or the decision was taken
    /// at a meeting.
    Confirming,
    Decided,
    Published,
    Closed,
}

impl State {
    pub const ALL: [State; 10] = [
        State::PendingConfirmation,
        State::AwaitingEndorsement,
        State::Screening,
        State::AwaitingSubmitter,
        State::InGroup,
        State::Balloting,
        State::Confirming,
        State::Decided,
        State::Published,
        State::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            State::PendingConfirmation => "pending_confirmation",
            State::AwaitingEndorsement => "awaiting_endorsement",
            State::Screening => "screening",
            State::AwaitingSubmitter => "awaiting_submitter",
            State::InGroup => "in_group",
            State::Balloting => "balloting",
            State::Confirming => "confirming",
            State::Decided => "decided",
            State::Published => "published",
            State::Closed => "closed",
        }
    }

    pub fn parse(text: &str) -> Option<State> {
        State::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Confirmed by its submitter: one waiting for confirmation is no
    /// request yet, which nobody reads and no list shows.
    pub fn is_confirmed(self) -> bool {
        self != State::PendingConfirmation
    }

    /// Confirmed, and neither published nor closed: the submitter may still
    /// withdraw it.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            State::AwaitingEndorsement
                | State::Screening
                | State::AwaitingSubmitter
                | State::InGroup
                | State::Balloting
                | State::Confirming
                | State::Decided
        )
    }

    /// The message id of its name, for badges and lists ("Screening").
    pub fn key(self) -> String {
        message_id("state", self.as_str())
    }

    /// The message id of where it stands, in words for the person who asked.
    pub fn submitter_key(self) -> String {
        message_id("state-for-submitter", self.as_str())
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, AsExpression, FromSqlRow)]
#[diesel(sql_type = Text)]
pub enum ClosureReason {
    NotAdmissible,
    Referred,
    Duplicate,
    NoConsensus,
    Withdrawn,
    Expired,
    /// A correction's follow-up, published as the next version of the
    /// clarification it corrects.
    Corrected,
    /// The sponsor answered the request itself, at national level.
    AnsweredLocally,
    EndorsementDeclined,
    /// The sponsor did not answer in time.
    EndorsementExpired,
}

impl ClosureReason {
    pub const ALL: [ClosureReason; 10] = [
        ClosureReason::NotAdmissible,
        ClosureReason::Referred,
        ClosureReason::Duplicate,
        ClosureReason::NoConsensus,
        ClosureReason::Withdrawn,
        ClosureReason::Expired,
        ClosureReason::Corrected,
        ClosureReason::AnsweredLocally,
        ClosureReason::EndorsementDeclined,
        ClosureReason::EndorsementExpired,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ClosureReason::NotAdmissible => "not_admissible",
            ClosureReason::Referred => "referred",
            ClosureReason::Duplicate => "duplicate",
            ClosureReason::NoConsensus => "no_consensus",
            ClosureReason::Withdrawn => "withdrawn",
            ClosureReason::Expired => "expired",
            ClosureReason::Corrected => "corrected",
            ClosureReason::AnsweredLocally => "answered_locally",
            ClosureReason::EndorsementDeclined => "endorsement_declined",
            ClosureReason::EndorsementExpired => "endorsement_expired",
        }
    }

    /// The message naming it, as a badge shows it.
    pub fn key(self) -> &'static str {
        match self {
            ClosureReason::NotAdmissible => "ws-closure-not-admissible",
            ClosureReason::Referred => "ws-closure-referred",
            ClosureReason::Duplicate => "ws-closure-duplicate",
            ClosureReason::NoConsensus => "ws-closure-no-consensus",
            ClosureReason::Withdrawn => "ws-closure-withdrawn",
            ClosureReason::Expired => "ws-closure-expired",
            ClosureReason::Corrected => "ws-closure-corrected",
            ClosureReason::AnsweredLocally => "ws-closure-answered-locally",
            ClosureReason::EndorsementDeclined => "ws-closure-endorsement-declined",
            ClosureReason::EndorsementExpired => "ws-closure-endorsement-expired",
        }
    }

    pub fn parse(text: &str) -> Option<ClosureReason> {
        ClosureReason::ALL.into_iter().find(|r| r.as_str() == text)
    }

    /// The message id of why it closed, in words for the person who asked.
    pub fn submitter_key(self) -> String {
        message_id("closure-for-submitter", self.as_str())
    }
}

/// Everything that can happen to a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, AsExpression, FromSqlRow)]
#[diesel(sql_type = Text)]
pub enum Action {
    Confirm,
    Accept,
    AskForInformation,
    Reply,
    ExpireUnanswered,
    NotAdmissible,
    Refer,
    Duplicate,
    Reassign,
    /// The public form of the question, standard or clause is edited
    /// before publication; the submitter's own is kept.
    EditWording,
    OpenRound,
    Vote,
    Remind,
    /// The convenor answers an opposition, during the round.
    RespondToOpposition,
    /// A voter declares a conflict of interest: their vote counts as an
    /// abstention unless the convenor allows it.
    DeclareConflict,
    /// A voter flagged for a possible conflict of interest confirms they
    /// have none.
    ConfirmNoConflict,
    /// The convenor lets a vote under a declared conflict count as cast.
    AllowConflictedVote,
    /// Consensus on the voted text, unchanged.
    CloseWithConsensus,
    /// Consensus, with a final text the convenor changed editorially: the
    /// voters may object for a while.
    CloseWithEditorialChange,
    /// The convenor changed the text substantively: a new round on the new
    /// text replaces this one.
    CloseWithSubstantiveChange,
    /// The convenor records a decision the group took at a minuted
    /// meeting: the members who did not attend may object for a while.
    RecordMeetingDecision,
    /// A voter other than the convenor, who recorded it, objects to the
    /// editorial change, or a member who did not attend to the meeting's
    /// decision: back to the group.
    Object,
    /// The objection window ended without objection: the decision stands.
    ConfirmDecision,
    CloseWithoutConsensus,
    CloseNoConsensus,
    Publish,
    SendBack,
    Withdraw,
    MarkPublication,
    /// A follow-up request (a reconsideration, new information) reached
    /// screening: recorded on the request it follows.
    FollowUpLodged,
    /// A follow-up request ended: its outcome, recorded on the request it
    /// follows.
    FollowUpSettled,
    /// The secretariat issues a corrected version of a published
    /// clarification: editorial on its own, or as the group decided.
    CorrectPublication,
    /// The secretariat or the group's convenor enters the French version
    /// of the question and answer, once decided: it goes public with the
    /// publication, or at once if published.
    Translate,
    /// The secretariat lodges an appeal against the request's decision
    /// (`domain::appeal`), and records each of the appeal's steps.
    LodgeAppeal,
    AcknowledgeAppeal,
    ConsiderAppeal,
    ConciliateAppeal,
    /// The appeal is not allowed: the decision stands.
    UpholdAppeal,
    /// The appeal is allowed: a closed request goes back to its group; a
    /// published clarification stays published, to be marked withdrawn or
    /// superseded.
    AllowAppeal,
    /// The decided answer of a correction's follow-up becomes the next
    /// version of the clarification it corrects; the follow-up closes.
    PublishCorrection,
    /// The submitter confirms a request that needs its sponsor's
    /// endorsement before it is screened.
    ConfirmForEndorsement,
    /// The sponsor vouches for the request: on to screening.
    Endorse,
    /// The sponsor answers the request itself.
    AnswerLocally,
    DeclineEndorsement,
    /// The sponsor has not answered for a while and is reminded.
    RemindSponsor,
    /// The sponsor did not answer in time.
    ExpireEndorsement,
}

impl Action {
    pub const ALL: [Action; 46] = [
        Action::Confirm,
        Action::Accept,
        Action::AskForInformation,
        Action::Reply,
        Action::ExpireUnanswered,
        Action::NotAdmissible,
        Action::Refer,
        Action::Duplicate,
        Action::Reassign,
        Action::EditWording,
        Action::OpenRound,
        Action::Vote,
        Action::Remind,
        Action::RespondToOpposition,
        Action::DeclareConflict,
        Action::ConfirmNoConflict,
        Action::AllowConflictedVote,
        Action::CloseWithConsensus,
        Action::CloseWithEditorialChange,
        Action::CloseWithSubstantiveChange,
        Action::RecordMeetingDecision,
        Action::Object,
        Action::ConfirmDecision,
        Action::CloseWithoutConsensus,
        Action::CloseNoConsensus,
        Action::Publish,
        Action::SendBack,
        Action::Withdraw,
        Action::MarkPublication,
        Action::FollowUpLodged,
        Action::FollowUpSettled,
        Action::CorrectPublication,
        Action::Translate,
        Action::LodgeAppeal,
        Action::AcknowledgeAppeal,
        Action::ConsiderAppeal,
        Action::ConciliateAppeal,
        Action::UpholdAppeal,
        Action::AllowAppeal,
        Action::PublishCorrection,
        Action::ConfirmForEndorsement,
        Action::Endorse,
        Action::AnswerLocally,
        Action::DeclineEndorsement,
        Action::RemindSponsor,
        Action::ExpireEndorsement,
    ];

    pub fn parse(text: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.as_str() == text)
    }

    /// The message id of what happened, as a timeline shows it.
    pub fn past_tense_key(self) -> String {
        message_id("action-done", self.as_str())
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Action::Confirm => "confirm",
            Action::Accept => "accept",
            Action::AskForInformation => "ask_for_information",
            Action::Reply => "reply",
            Action::ExpireUnanswered => "expire",
            Action::NotAdmissible => "not_admissible",
            Action::Refer => "refer",
            Action::Duplicate => "duplicate",
            Action::Reassign => "reassign",
            Action::EditWording => "edit_wording",
            Action::OpenRound => "open_round",
            Action::Vote => "vote",
            Action::Remind => "remind",
            Action::RespondToOpposition => "respond_to_opposition",
            Action::DeclareConflict => "declare_conflict",
            Action::ConfirmNoConflict => "confirm_no_conflict",
            Action::AllowConflictedVote => "allow_conflicted_vote",
            Action::CloseWithConsensus => "close_with_consensus",
            Action::CloseWithEditorialChange => "close_with_editorial_change",
            Action::CloseWithSubstantiveChange => "close_with_substantive_change",
            Action::RecordMeetingDecision => "record_meeting_decision",
            Action::Object => "object",
            Action::ConfirmDecision => "confirm_decision",
            Action::CloseWithoutConsensus => "close_without_consensus",
            Action::CloseNoConsensus => "close_no_consensus",
            Action::Publish => "publish",
            Action::SendBack => "send_back",
            Action::Withdraw => "withdraw",
            Action::MarkPublication => "mark_publication",
            Action::FollowUpLodged => "follow_up_lodged",
            Action::FollowUpSettled => "follow_up_settled",
            Action::CorrectPublication => "correct_publication",
            Action::Translate => "translate",
            Action::LodgeAppeal => "lodge_appeal",
            Action::AcknowledgeAppeal => "acknowledge_appeal",
            Action::ConsiderAppeal => "consider_appeal",
            Action::ConciliateAppeal => "conciliate_appeal",
            Action::UpholdAppeal => "uphold_appeal",
            Action::AllowAppeal => "allow_appeal",
            Action::PublishCorrection => "publish_correction",
            Action::ConfirmForEndorsement => "confirm_for_endorsement",
            Action::Endorse => "endorse",
            Action::AnswerLocally => "answer_locally",
            Action::DeclineEndorsement => "decline_endorsement",
            Action::RemindSponsor => "remind_sponsor",
            Action::ExpireEndorsement => "expire_endorsement",
        }
    }
}

/// Who acts, in relation to this request: a convenor or member of the
/// request's group, not of any group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    Submitter,
    Secretariat,
    Convenor,
    Member,
    /// The member body or liaison the request is addressed to, by its
    /// private link or its accounts.
    Sponsor,
    System,
}

impl Actor {
    /// How an event records this actor: the group's roles and the
    /// secretariat are signed-in users.
    pub fn kind(self) -> ActorKind {
        match self {
            Actor::Submitter => ActorKind::Submitter,
            Actor::System => ActorKind::System,
            Actor::Sponsor => ActorKind::Sponsor,
            Actor::Secretariat | Actor::Convenor | Actor::Member => ActorKind::User,
        }
    }
}

/// Who an event says acted: the submitter (through their private links), a
/// signed-in user (named by the event), or Clarion itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, AsExpression, FromSqlRow)]
#[diesel(sql_type = Text)]
pub enum ActorKind {
    Submitter,
    User,
    System,
    Sponsor,
}

impl ActorKind {
    pub const ALL: [ActorKind; 4] = [
        ActorKind::Submitter,
        ActorKind::User,
        ActorKind::System,
        ActorKind::Sponsor,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Submitter => "submitter",
            ActorKind::User => "user",
            ActorKind::System => "system",
            ActorKind::Sponsor => "sponsor",
        }
    }

    pub fn parse(text: &str) -> Option<ActorKind> {
        ActorKind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

stored_as_text!(State, ClosureReason, Action, ActorKind);

/// What an allowed action leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Transition {
    pub to: State,
    pub closure: Option<ClosureReason>,
}

/// The Fluent id of one of a kind's values: `state-pending-confirmation`.
fn message_id(kind: &str, value: &str) -> String {
    format!("{kind}-{}", value.replace('_', "-"))
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("This cannot be done while the request is {}.", .0.as_str())]
    WrongState(State),
    #[error("You are not the person who can do this.")]
    WrongActor,
}

impl Refusal {
    /// Why, for the person refused, in their language.
    pub fn message(&self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self {
            Refusal::WrongState(state) => {
                Msg::new("refusal-wrong-state").with("state", Msg::new(state.key()))
            }
            Refusal::WrongActor => Msg::new("refusal-wrong-actor"),
        }
    }
}

/// The lifecycle table of SPEC §2.
pub fn decide(state: State, action: Action, actor: Actor) -> Result<Transition, Refusal> {
    use Action as A;
    use Actor::*;
    use State as S;
    let to = |to| Transition { to, closure: None };
    let close = |reason| Transition {
        to: S::Closed,
        closure: Some(reason),
    };
    // (states it applies in, who may do it, result)
    let (from, who, result): (&[State], &[Actor], Transition) = match action {
        A::Confirm => (&[S::PendingConfirmation], &[Submitter], to(S::Screening)),
        A::ConfirmForEndorsement => (
            &[S::PendingConfirmation],
            &[Submitter],
            to(S::AwaitingEndorsement),
        ),
        // Whether this sponsor is the one the request is addressed to is
        // `workflow::endorsements`' question.
        A::Endorse => (&[S::AwaitingEndorsement], &[Sponsor], to(S::Screening)),
        A::AnswerLocally => (
            &[S::AwaitingEndorsement],
            &[Sponsor],
            close(ClosureReason::AnsweredLocally),
        ),
        A::DeclineEndorsement => (
            &[S::AwaitingEndorsement],
            &[Sponsor],
            close(ClosureReason::EndorsementDeclined),
        ),
        A::RemindSponsor => (&[S::AwaitingEndorsement], &[System], to(state)),
        A::ExpireEndorsement => (
            &[S::AwaitingEndorsement],
            &[System],
            close(ClosureReason::EndorsementExpired),
        ),
        A::Accept => (&[S::Screening], &[Secretariat], to(S::InGroup)),
        A::AskForInformation => (&[S::Screening], &[Secretariat], to(S::AwaitingSubmitter)),
        A::Reply => (&[S::AwaitingSubmitter], &[Submitter], to(S::Screening)),
        A::ExpireUnanswered => (
            &[S::AwaitingSubmitter],
            &[System],
            close(ClosureReason::Expired),
        ),
        A::NotAdmissible => (
            &[S::Screening],
            &[Secretariat],
            close(ClosureReason::NotAdmissible),
        ),
        A::Refer => (
            &[S::Screening],
            &[Secretariat],
            close(ClosureReason::Referred),
        ),
        A::Duplicate => (
            &[S::Screening, S::InGroup],
            &[Secretariat],
            close(ClosureReason::Duplicate),
        ),
        A::Reassign => (&[S::Screening, S::InGroup], &[Secretariat], to(state)),
        // The convenor words what the group has; the secretariat words
        // anything not yet published (and not ended).
        A::EditWording if actor == Convenor => {
            (&[S::InGroup, S::Balloting], &[Convenor], to(state))
        }
        A::EditWording => (
            &[
                S::Screening,
                S::AwaitingSubmitter,
                S::InGroup,
                S::Balloting,
                S::Confirming,
                S::Decided,
            ],
            &[Secretariat],
            to(state),
        ),
        A::OpenRound => (&[S::InGroup], &[Convenor], to(S::Balloting)),
        A::Vote => (&[S::Balloting], &[Member, Convenor], to(S::Balloting)),
        A::Remind => (&[S::Balloting], &[System], to(S::Balloting)),
        A::RespondToOpposition => (&[S::Balloting], &[Convenor], to(S::Balloting)),
        // Whether the member is on the round's voter list is the
        // workflow's question, as for a vote.
        A::DeclareConflict | A::ConfirmNoConflict => {
            (&[S::Balloting], &[Member, Convenor], to(S::Balloting))
        }
        A::AllowConflictedVote => (&[S::Balloting], &[Convenor], to(S::Balloting)),
        A::CloseWithConsensus => (&[S::Balloting], &[Convenor], to(S::Decided)),
        A::CloseWithEditorialChange => (&[S::Balloting], &[Convenor], to(S::Confirming)),
        A::CloseWithSubstantiveChange => (&[S::Balloting], &[Convenor], to(S::Balloting)),
        A::RecordMeetingDecision => (&[S::InGroup], &[Convenor], to(S::Confirming)),
        // The other voters object to what the convenor recorded; whether
        // this member was a voter of the round is the workflow's question:
        // the lifecycle knows roles, not lists.
        A::Object => (&[S::Confirming], &[Member], to(S::InGroup)),
        A::ConfirmDecision => (&[S::Confirming], &[System], to(S::Decided)),
        A::CloseWithoutConsensus => (&[S::Balloting], &[Convenor], to(S::InGroup)),
        A::CloseNoConsensus => (
            &[S::InGroup],
            &[Convenor],
            close(ClosureReason::NoConsensus),
        ),
        A::Publish => (&[S::Decided], &[Secretariat], to(S::Published)),
        // Which decided requests are corrections is `follow_up`'s question.
        A::PublishCorrection => (
            &[S::Decided],
            &[Secretariat],
            close(ClosureReason::Corrected),
        ),
        A::SendBack => (&[S::Decided], &[Secretariat], to(S::InGroup)),
        A::Withdraw => (
            &[
                S::AwaitingEndorsement,
                S::Screening,
                S::AwaitingSubmitter,
                S::InGroup,
                S::Balloting,
                S::Confirming,
                S::Decided,
            ],
            &[Submitter],
            close(ClosureReason::Withdrawn),
        ),
        A::MarkPublication => (&[S::Published], &[Secretariat], to(S::Published)),
        // Recorded on the original, which stays as it is: whether a
        // follow-up may be asked for is `follow_up::window`'s question.
        A::FollowUpLodged | A::FollowUpSettled => {
            (&[S::Published, S::Closed], &[System], to(state))
        }
        A::CorrectPublication => (&[S::Published], &[Secretariat], to(S::Published)),
        A::Translate => (
            &[S::Decided, S::Published],
            &[Secretariat, Convenor],
            to(state),
        ),
        // Which decisions of these states may be appealed, and in which
        // order an appeal's steps come, is `domain::appeal`'s question.
        A::LodgeAppeal
        | A::AcknowledgeAppeal
        | A::ConsiderAppeal
        | A::ConciliateAppeal
        | A::UpholdAppeal => (&[S::Published, S::Closed], &[Secretariat], to(state)),
        A::AllowAppeal if state == S::Closed => (&[S::Closed], &[Secretariat], to(S::InGroup)),
        A::AllowAppeal => (&[S::Published], &[Secretariat], to(S::Published)),
    };
    if !who.contains(&actor) {
        Err(Refusal::WrongActor)
    } else if !from.contains(&state) {
        Err(Refusal::WrongState(state))
    } else {
        Ok(result)
    }
}

/// Whether a request in `state` waits for its group's convenor: with a
/// group that has none, it would wait for nobody. What the convenor may do
/// to a decided or published clarification (translate it) is no wait.
pub fn awaits_convenor(state: State) -> bool {
    Action::ALL
        .into_iter()
        .filter(|action| *action != Action::Translate)
        .any(|action| decide(state, action, Actor::Convenor).is_ok())
}

/// Whether `actor` is the one a request in `state` waits for: an action of
/// theirs takes it on to another state without ending it. Closing or
/// withdrawing ends a request; voting or reassigning leaves it where it is.
pub fn moved_on_by(state: State, actor: Actor) -> bool {
    Action::ALL.into_iter().any(|action| {
        decide(state, action, actor)
            .is_ok_and(|transition| transition.to != state && transition.closure.is_none())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_convenor_is_awaited_while_the_group_has_the_request() {
        let awaited: Vec<State> = State::ALL
            .into_iter()
            .filter(|s| awaits_convenor(*s))
            .collect();
        assert_eq!(awaited, [State::InGroup, State::Balloting]);
    }

    #[test]
    fn each_open_request_waits_for_one_side() {
        let waiting_for = |actor| -> Vec<State> {
            State::ALL
                .into_iter()
                .filter(|s| s.is_open() && moved_on_by(*s, actor))
                .collect()
        };
        assert_eq!(
            waiting_for(Actor::Secretariat),
            [State::Screening, State::Decided]
        );
        assert_eq!(waiting_for(Actor::Submitter), [State::AwaitingSubmitter]);
        assert_eq!(
            waiting_for(Actor::Convenor),
            [State::InGroup, State::Balloting]
        );
        assert_eq!(waiting_for(Actor::Member), [State::Confirming]);
        assert_eq!(waiting_for(Actor::Sponsor), [State::AwaitingEndorsement]);
    }

    #[test]
    fn the_submitter_confirms_replies_and_withdraws() {
        assert_eq!(
            decide(
                State::PendingConfirmation,
                Action::Confirm,
                Actor::Submitter
            )
            .unwrap()
            .to,
            State::Screening
        );
        assert_eq!(
            decide(State::AwaitingSubmitter, Action::Reply, Actor::Submitter)
                .unwrap()
                .to,
            State::Screening
        );
        for state in State::ALL {
            let withdrawn = decide(state, Action::Withdraw, Actor::Submitter);
            assert_eq!(withdrawn.is_ok(), state.is_open(), "{state}");
        }
        assert_eq!(
            decide(State::Screening, Action::Withdraw, Actor::Submitter)
                .unwrap()
                .closure,
            Some(ClosureReason::Withdrawn)
        );
    }

    #[test]
    fn nobody_else_may_act_as_the_submitter() {
        for actor in [
            Actor::Secretariat,
            Actor::Convenor,
            Actor::Member,
            Actor::Sponsor,
            Actor::System,
        ] {
            assert_eq!(
                decide(State::Screening, Action::Withdraw, actor),
                Err(Refusal::WrongActor)
            );
            assert_eq!(
                decide(State::PendingConfirmation, Action::Confirm, actor),
                Err(Refusal::WrongActor)
            );
        }
    }

    #[test]
    fn a_refused_action_says_why() {
        let refusal = decide(State::Published, Action::Reply, Actor::Submitter).unwrap_err();
        assert_eq!(refusal, Refusal::WrongState(State::Published));
        assert_eq!(
            refusal.message().english(),
            "This cannot be done while the request is “Published”."
        );
        let french = crate::i18n::Lang::provided("fr").unwrap();
        assert_eq!(
            french.msg(&refusal.message()),
            "Ce n’est pas possible tant que la demande est «\u{a0}Publiée\u{a0}»."
        );
    }

    #[test]
    fn every_path_of_the_table() {
        use Action as A;
        use Actor::*;
        use State as S;
        let allowed = [
            (S::Screening, A::Accept, Secretariat, S::InGroup),
            (
                S::Screening,
                A::AskForInformation,
                Secretariat,
                S::AwaitingSubmitter,
            ),
            (S::AwaitingSubmitter, A::ExpireUnanswered, System, S::Closed),
            (S::Screening, A::NotAdmissible, Secretariat, S::Closed),
            (S::Screening, A::Refer, Secretariat, S::Closed),
            (S::InGroup, A::Duplicate, Secretariat, S::Closed),
            (S::InGroup, A::Reassign, Secretariat, S::InGroup),
            (S::Screening, A::Reassign, Secretariat, S::Screening),
            (S::InGroup, A::OpenRound, Convenor, S::Balloting),
            (S::Balloting, A::Vote, Member, S::Balloting),
            (S::Balloting, A::Vote, Convenor, S::Balloting),
            (S::Balloting, A::RespondToOpposition, Convenor, S::Balloting),
            (S::Balloting, A::DeclareConflict, Member, S::Balloting),
            (S::Balloting, A::DeclareConflict, Convenor, S::Balloting),
            (S::Balloting, A::ConfirmNoConflict, Member, S::Balloting),
            (S::Balloting, A::ConfirmNoConflict, Convenor, S::Balloting),
            (S::Balloting, A::AllowConflictedVote, Convenor, S::Balloting),
            (S::Balloting, A::CloseWithConsensus, Convenor, S::Decided),
            (
                S::Balloting,
                A::CloseWithEditorialChange,
                Convenor,
                S::Confirming,
            ),
            (
                S::Balloting,
                A::CloseWithSubstantiveChange,
                Convenor,
                S::Balloting,
            ),
            (
                S::InGroup,
                A::RecordMeetingDecision,
                Convenor,
                S::Confirming,
            ),
            (S::Confirming, A::Object, Member, S::InGroup),
            (S::Confirming, A::ConfirmDecision, System, S::Decided),
            (S::Balloting, A::CloseWithoutConsensus, Convenor, S::InGroup),
            (S::InGroup, A::CloseNoConsensus, Convenor, S::Closed),
            (S::Decided, A::Publish, Secretariat, S::Published),
            (S::Decided, A::SendBack, Secretariat, S::InGroup),
            (S::Published, A::MarkPublication, Secretariat, S::Published),
            (S::Published, A::FollowUpLodged, System, S::Published),
            (S::Closed, A::FollowUpSettled, System, S::Closed),
            (
                S::Published,
                A::CorrectPublication,
                Secretariat,
                S::Published,
            ),
            (S::Screening, A::EditWording, Secretariat, S::Screening),
            (S::Decided, A::Translate, Secretariat, S::Decided),
            (S::Published, A::Translate, Convenor, S::Published),
            (S::Decided, A::EditWording, Secretariat, S::Decided),
            (S::InGroup, A::EditWording, Convenor, S::InGroup),
            (S::Balloting, A::EditWording, Convenor, S::Balloting),
            (S::Published, A::LodgeAppeal, Secretariat, S::Published),
            (S::Closed, A::LodgeAppeal, Secretariat, S::Closed),
            (S::Closed, A::ConsiderAppeal, Secretariat, S::Closed),
            (S::Published, A::UpholdAppeal, Secretariat, S::Published),
            (S::Closed, A::AllowAppeal, Secretariat, S::InGroup),
            (S::Published, A::AllowAppeal, Secretariat, S::Published),
            (S::Decided, A::PublishCorrection, Secretariat, S::Closed),
            (
                S::PendingConfirmation,
                A::ConfirmForEndorsement,
                Submitter,
                S::AwaitingEndorsement,
            ),
            (S::AwaitingEndorsement, A::Endorse, Sponsor, S::Screening),
            (S::AwaitingEndorsement, A::AnswerLocally, Sponsor, S::Closed),
            (
                S::AwaitingEndorsement,
                A::DeclineEndorsement,
                Sponsor,
                S::Closed,
            ),
            (
                S::AwaitingEndorsement,
                A::RemindSponsor,
                System,
                S::AwaitingEndorsement,
            ),
            (
                S::AwaitingEndorsement,
                A::ExpireEndorsement,
                System,
                S::Closed,
            ),
            (S::AwaitingEndorsement, A::Withdraw, Submitter, S::Closed),
        ];
        for (from, action, actor, to) in allowed {
            assert_eq!(
                decide(from, action, actor).map(|t| t.to),
                Ok(to),
                "{from} {action:?} {actor:?}"
            );
        }
        assert_eq!(
            decide(S::InGroup, A::OpenRound, Member),
            Err(Refusal::WrongActor)
        );
        assert_eq!(
            decide(S::Balloting, A::Publish, Secretariat),
            Err(Refusal::WrongState(S::Balloting))
        );
        assert_eq!(
            decide(S::InGroup, A::RecordMeetingDecision, Member),
            Err(Refusal::WrongActor),
            "the convenor records what the meeting decided"
        );
        assert_eq!(
            decide(S::Balloting, A::RecordMeetingDecision, Convenor),
            Err(Refusal::WrongState(S::Balloting)),
            "not while a round is open"
        );
        assert_eq!(
            decide(S::Balloting, A::RespondToOpposition, Member),
            Err(Refusal::WrongActor),
            "only the convenor answers an opposition"
        );
        assert_eq!(
            decide(S::Balloting, A::AllowConflictedVote, Member),
            Err(Refusal::WrongActor),
            "only the convenor allows a conflicted vote"
        );
        assert_eq!(
            decide(S::Balloting, A::DeclareConflict, Secretariat),
            Err(Refusal::WrongActor),
            "the secretariat does not vote"
        );
        assert_eq!(
            decide(S::Decided, A::DeclareConflict, Member),
            Err(Refusal::WrongState(S::Decided)),
            "declared while the round is open"
        );
        for actor in [Secretariat, Convenor] {
            assert_eq!(
                decide(S::Confirming, A::Object, actor),
                Err(Refusal::WrongActor),
                "the secretariat did not vote; the convenor recorded the decision"
            );
        }
        assert_eq!(
            decide(S::Confirming, A::ConfirmDecision, Convenor),
            Err(Refusal::WrongActor),
            "the window ends by itself"
        );
        assert_eq!(
            decide(S::Confirming, A::Publish, Secretariat),
            Err(Refusal::WrongState(S::Confirming)),
            "nothing is published while it is open to objection"
        );
        for (state, actor) in [
            (S::Published, Secretariat),
            (S::Closed, Secretariat),
            (S::Confirming, Convenor),
            (S::Decided, Convenor),
        ] {
            assert_eq!(
                decide(state, A::EditWording, actor),
                Err(Refusal::WrongState(state)),
                "the wording is published as it stands once it leaves the group"
            );
        }
        assert_eq!(
            decide(S::InGroup, A::EditWording, Member),
            Err(Refusal::WrongActor),
            "a member comments on the wording; the convenor edits it"
        );
        assert_eq!(
            decide(S::Published, A::Translate, Member),
            Err(Refusal::WrongActor),
            "the convenor or the secretariat enters the French version"
        );
        assert_eq!(
            decide(S::InGroup, A::Translate, Convenor),
            Err(Refusal::WrongState(S::InGroup)),
            "what is translated is the decided text"
        );
        assert_eq!(
            decide(S::Closed, A::Accept, Secretariat),
            Err(Refusal::WrongState(S::Closed))
        );
        for actor in [Convenor, Member, Submitter] {
            assert_eq!(
                decide(S::Published, A::LodgeAppeal, actor),
                Err(Refusal::WrongActor),
                "the secretariat records appeals"
            );
        }
        for actor in [Secretariat, Convenor, Member, Submitter] {
            assert_eq!(
                decide(S::AwaitingEndorsement, A::Endorse, actor),
                Err(Refusal::WrongActor),
                "only the sponsor endorses"
            );
        }
        assert_eq!(
            decide(S::Screening, A::Endorse, Sponsor),
            Err(Refusal::WrongState(S::Screening)),
            "an endorsement is given once"
        );
        assert_eq!(
            decide(S::AwaitingEndorsement, A::Accept, Secretariat),
            Err(Refusal::WrongState(S::AwaitingEndorsement)),
            "the secretariat screens what the sponsor endorsed"
        );
        assert_eq!(
            decide(S::InGroup, A::LodgeAppeal, Secretariat),
            Err(Refusal::WrongState(S::InGroup)),
            "an appeal is against a decision taken"
        );
    }

    #[test]
    fn states_reasons_actions_and_actors_round_trip_through_text() {
        for state in State::ALL {
            assert_eq!(State::parse(state.as_str()), Some(state));
        }
        for reason in ClosureReason::ALL {
            assert_eq!(ClosureReason::parse(reason.as_str()), Some(reason));
        }
        for action in Action::ALL {
            assert_eq!(Action::parse(action.as_str()), Some(action));
        }
        for kind in ActorKind::ALL {
            assert_eq!(ActorKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(State::parse("Closed"), None, "text is matched exactly");
    }

    #[test]
    fn events_record_people_of_the_workspace_as_users() {
        assert_eq!(Actor::Submitter.kind(), ActorKind::Submitter);
        assert_eq!(Actor::System.kind(), ActorKind::System);
        for actor in [Actor::Secretariat, Actor::Convenor, Actor::Member] {
            assert_eq!(actor.kind(), ActorKind::User);
        }
    }
}
