//! Appeals (issue 21, item 6; ISO/IEC Directives, Part 1, clause 5): who
//! appeals which decision, the steps an appeal goes through and the
//! deadlines that follow from the configured time limits. The appeal's own
//! state machine lives here; the lifecycle of its request only says who may
//! record a step, and where an allowed appeal takes the request.

use chrono::{NaiveDate, TimeDelta};
use diesel::sql_types::Text;
use diesel::{AsExpression, FromSqlRow};

use super::lifecycle::{Action, ClosureReason, State};
use super::stored::stored_as_text;

/// Who sent the appeal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, AsExpression, FromSqlRow)]
#[diesel(sql_type = Text)]
pub enum AppellantKind {
    /// An ISO member body of the registry.
    MemberBody,
    /// A liaison organisation of the registry.
    Liaison,
    /// The person who submitted the request.
    Submitter,
}

impl AppellantKind {
    pub const ALL: [AppellantKind; 3] = [
        AppellantKind::MemberBody,
        AppellantKind::Liaison,
        AppellantKind::Submitter,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AppellantKind::MemberBody => "member_body",
            AppellantKind::Liaison => "liaison",
            AppellantKind::Submitter => "submitter",
        }
    }

    pub fn parse(text: &str) -> Option<AppellantKind> {
        AppellantKind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// Whether the appellant is one of the registry's organisations.
    pub fn is_organisation(self) -> bool {
        self != AppellantKind::Submitter
    }
}

/// The decision an appeal is against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, AsExpression, FromSqlRow)]
#[diesel(sql_type = Text)]
pub enum Appealed {
    /// The clarification as published.
    Publication,
    NotAdmissible,
    NoConsensus,
    Duplicate,
    Referral,
}

impl Appealed {
    pub const ALL: [Appealed; 5] = [
        Appealed::Publication,
        Appealed::NotAdmissible,
        Appealed::NoConsensus,
        Appealed::Duplicate,
        Appealed::Referral,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Appealed::Publication => "publication",
            Appealed::NotAdmissible => "not_admissible",
            Appealed::NoConsensus => "no_consensus",
            Appealed::Duplicate => "duplicate",
            Appealed::Referral => "referral",
        }
    }

    pub fn parse(text: &str) -> Option<Appealed> {
        Appealed::ALL.into_iter().find(|d| d.as_str() == text)
    }

    /// The decision a request in `state` (closed for `closure`) stands
    /// by, if it is one that can be appealed: a request withdrawn by its
    /// submitter, or closed for want of a reply, was decided by nobody;
    /// one still on its way has no decision yet.
    pub fn of(state: State, closure: Option<ClosureReason>) -> Option<Appealed> {
        match (state, closure) {
            (State::Published, _) => Some(Appealed::Publication),
            (State::Closed, Some(ClosureReason::NotAdmissible)) => Some(Appealed::NotAdmissible),
            (State::Closed, Some(ClosureReason::NoConsensus)) => Some(Appealed::NoConsensus),
            (State::Closed, Some(ClosureReason::Duplicate)) => Some(Appealed::Duplicate),
            (State::Closed, Some(ClosureReason::Referred)) => Some(Appealed::Referral),
            _ => None,
        }
    }

    pub fn is_publication(self) -> bool {
        self == Appealed::Publication
    }
}

/// Where an appeal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, AsExpression, FromSqlRow)]
#[diesel(sql_type = Text)]
pub enum Step {
    Lodged,
    Acknowledged,
    /// With the body that considers appeals.
    Considering,
    /// Conciliation between the appellant and the group, chosen by the
    /// body considering the appeal.
    Conciliation,
    Decided,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::Lodged,
        Step::Acknowledged,
        Step::Considering,
        Step::Conciliation,
        Step::Decided,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Step::Lodged => "lodged",
            Step::Acknowledged => "acknowledged",
            Step::Considering => "considering",
            Step::Conciliation => "conciliation",
            Step::Decided => "decided",
        }
    }

    pub fn parse(text: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.as_str() == text)
    }

    pub fn is_decided(self) -> bool {
        self == Step::Decided
    }

    /// The date the next step is due by: the acknowledgement, then the
    /// decision; none once decided.
    pub fn due_by(self, acknowledge_by: NaiveDate, decide_by: NaiveDate) -> Option<NaiveDate> {
        match self {
            Step::Lodged => Some(acknowledge_by),
            Step::Acknowledged | Step::Considering | Step::Conciliation => Some(decide_by),
            Step::Decided => None,
        }
    }

    /// The moves an appeal at this step may make next, for a decision of
    /// this kind, in the order a page offers them.
    pub fn next(self, appealed: Appealed) -> Vec<Move> {
        let decisions = Outcome::fitting(appealed).into_iter().map(Move::Decide);
        match self {
            Step::Lodged => vec![Move::Acknowledge],
            Step::Acknowledged => vec![Move::Consider],
            Step::Considering => std::iter::once(Move::Conciliate).chain(decisions).collect(),
            Step::Conciliation => decisions.collect(),
            Step::Decided => Vec::new(),
        }
    }
}

/// How an appeal was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, AsExpression, FromSqlRow)]
#[diesel(sql_type = Text)]
pub enum Outcome {
    /// Not allowed: the decision stands.
    Upheld,
    /// Allowed: the request goes back to its group (a decision other than
    /// a publication).
    BackToGroup,
    /// Allowed: the published clarification is withdrawn…
    Withdrawn,
    /// …or superseded.
    Superseded,
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [
        Outcome::Upheld,
        Outcome::BackToGroup,
        Outcome::Withdrawn,
        Outcome::Superseded,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Upheld => "upheld",
            Outcome::BackToGroup => "back_to_group",
            Outcome::Withdrawn => "withdrawn",
            Outcome::Superseded => "superseded",
        }
    }

    pub fn parse(text: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.as_str() == text)
    }

    pub fn is_allowed(self) -> bool {
        self != Outcome::Upheld
    }

    /// The outcomes an appeal of this decision may have: a published
    /// clarification is withdrawn or superseded, any other decision is
    /// taken again by the group.
    pub fn fitting(appealed: Appealed) -> Vec<Outcome> {
        if appealed.is_publication() {
            vec![Outcome::Upheld, Outcome::Withdrawn, Outcome::Superseded]
        } else {
            vec![Outcome::Upheld, Outcome::BackToGroup]
        }
    }
}

/// A step taken on an appeal after it was lodged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Acknowledge,
    /// Refer it to the body that considers appeals.
    Consider,
    Conciliate,
    Decide(Outcome),
}

impl Move {
    /// How a form names the move.
    pub fn as_str(self) -> &'static str {
        match self {
            Move::Acknowledge => "acknowledge",
            Move::Consider => "consider",
            Move::Conciliate => "conciliate",
            Move::Decide(outcome) => outcome.as_str(),
        }
    }

    pub fn parse(text: &str) -> Option<Move> {
        match text {
            "acknowledge" => Some(Move::Acknowledge),
            "consider" => Some(Move::Consider),
            "conciliate" => Some(Move::Conciliate),
            _ => Outcome::parse(text).map(Move::Decide),
        }
    }

    /// The request's action that records it (who may, and where an
    /// allowed appeal takes the request, is the lifecycle's table).
    pub fn action(self) -> Action {
        match self {
            Move::Acknowledge => Action::AcknowledgeAppeal,
            Move::Consider => Action::ConsiderAppeal,
            Move::Conciliate => Action::ConciliateAppeal,
            Move::Decide(Outcome::Upheld) => Action::UpholdAppeal,
            Move::Decide(_) => Action::AllowAppeal,
        }
    }
}

/// Why a step cannot be taken on an appeal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AppealRefusal {
    #[error("This appeal is already decided.")]
    Decided,
    #[error(
        "This appeal is not at that step: it is acknowledged once lodged, then referred for consideration, possibly to conciliation, and decided last."
    )]
    OutOfOrder,
    #[error(
        "A published clarification whose appeal is allowed is withdrawn or superseded; it does not go back to the group."
    )]
    PublishedStaysPublished,
    #[error(
        "Only a published clarification is withdrawn or superseded; an allowed appeal sends this request back to its group."
    )]
    NothingPublished,
}

impl AppealRefusal {
    /// Why, for the person refused, in their language.
    pub fn message(self) -> crate::i18n::Msg {
        crate::i18n::Msg::new(match self {
            AppealRefusal::Decided => "form-appeal-decided",
            AppealRefusal::OutOfOrder => "form-appeal-wrong-step",
            AppealRefusal::PublishedStaysPublished => "form-appeal-published-stays",
            AppealRefusal::NothingPublished => "form-appeal-unpublished",
        })
    }
}

/// Where `mv` takes an appeal at `step` against `appealed`, or why it
/// may not be taken.
pub fn take(step: Step, mv: Move, appealed: Appealed) -> Result<Step, AppealRefusal> {
    if step.is_decided() {
        return Err(AppealRefusal::Decided);
    }
    if let Move::Decide(outcome) = mv
        && !Outcome::fitting(appealed).contains(&outcome)
    {
        return Err(if appealed.is_publication() {
            AppealRefusal::PublishedStaysPublished
        } else {
            AppealRefusal::NothingPublished
        });
    }
    if !step.next(appealed).contains(&mv) {
        return Err(AppealRefusal::OutOfOrder);
    }
    Ok(match mv {
        Move::Acknowledge => Step::Acknowledged,
        Move::Consider => Step::Considering,
        Move::Conciliate => Step::Conciliation,
        Move::Decide(_) => Step::Decided,
    })
}

/// The time limits of appeals, from the configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Days from receipt to acknowledge an appeal.
    pub acknowledge_days: u32,
    /// Days from receipt to decide it.
    pub decision_days: u32,
    /// Who considers appeals, as a sentence names them ("the CASCO chair
    /// and secretary").
    pub body: String,
}

impl Default for Limits {
    /// Two weeks to acknowledge, three months to decide: the Directives
    /// give a body months, not weeks, to decide an appeal.
    fn default() -> Self {
        Limits {
            acknowledge_days: 14,
            decision_days: 90,
            body: "the CASCO chair and secretary".into(),
        }
    }
}

impl Limits {
    /// The dates an appeal received on `received` is to be acknowledged
    /// and decided by.
    pub fn deadlines(&self, received: NaiveDate) -> (NaiveDate, NaiveDate) {
        let after = |days: u32| received + TimeDelta::days(i64::from(days));
        (after(self.acknowledge_days), after(self.decision_days))
    }
}

stored_as_text!(AppellantKind, Appealed, Step, Outcome);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_appeal_is_acknowledged_considered_and_decided_in_that_order() {
        let appealed = Appealed::NotAdmissible;
        let mut step = Step::Lodged;
        for (mv, to) in [
            (Move::Acknowledge, Step::Acknowledged),
            (Move::Consider, Step::Considering),
            (Move::Conciliate, Step::Conciliation),
            (Move::Decide(Outcome::BackToGroup), Step::Decided),
        ] {
            step = take(step, mv, appealed).unwrap();
            assert_eq!(step, to, "{mv:?}");
        }
        assert_eq!(
            take(Step::Considering, Move::Decide(Outcome::Upheld), appealed),
            Ok(Step::Decided),
            "conciliation is chosen, not required"
        );
    }

    #[test]
    fn steps_out_of_order_are_refused() {
        let appealed = Appealed::Publication;
        for (step, mv) in [
            (Step::Lodged, Move::Consider),
            (Step::Lodged, Move::Decide(Outcome::Upheld)),
            (Step::Acknowledged, Move::Acknowledge),
            (Step::Acknowledged, Move::Conciliate),
            (Step::Acknowledged, Move::Decide(Outcome::Withdrawn)),
            (Step::Conciliation, Move::Conciliate),
            (Step::Conciliation, Move::Consider),
        ] {
            assert_eq!(
                take(step, mv, appealed),
                Err(AppealRefusal::OutOfOrder),
                "{step:?} {mv:?}"
            );
        }
        for mv in [Move::Acknowledge, Move::Decide(Outcome::Upheld)] {
            assert_eq!(
                take(Step::Decided, mv, appealed),
                Err(AppealRefusal::Decided)
            );
        }
    }

    #[test]
    fn the_outcome_fits_the_decision_appealed() {
        assert_eq!(
            take(
                Step::Considering,
                Move::Decide(Outcome::BackToGroup),
                Appealed::Publication
            ),
            Err(AppealRefusal::PublishedStaysPublished)
        );
        for outcome in [Outcome::Withdrawn, Outcome::Superseded] {
            assert_eq!(
                take(
                    Step::Considering,
                    Move::Decide(outcome),
                    Appealed::NoConsensus
                ),
                Err(AppealRefusal::NothingPublished)
            );
            assert_eq!(
                take(
                    Step::Conciliation,
                    Move::Decide(outcome),
                    Appealed::Publication
                ),
                Ok(Step::Decided)
            );
        }
    }

    #[test]
    fn only_decisions_taken_by_someone_are_appealed() {
        assert_eq!(
            Appealed::of(State::Published, None),
            Some(Appealed::Publication)
        );
        assert_eq!(
            Appealed::of(State::Closed, Some(ClosureReason::NoConsensus)),
            Some(Appealed::NoConsensus)
        );
        for reason in [ClosureReason::Withdrawn, ClosureReason::Expired] {
            assert_eq!(Appealed::of(State::Closed, Some(reason)), None);
        }
        for state in [State::Screening, State::InGroup, State::Decided] {
            assert_eq!(Appealed::of(state, None), None);
        }
    }

    #[test]
    fn the_next_step_is_due_by_its_deadline() {
        let limits = Limits::default();
        let received = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let (acknowledge, decide) = limits.deadlines(received);
        assert_eq!(acknowledge, NaiveDate::from_ymd_opt(2026, 3, 16).unwrap());
        assert_eq!(decide, NaiveDate::from_ymd_opt(2026, 5, 31).unwrap());
        assert_eq!(Step::Lodged.due_by(acknowledge, decide), Some(acknowledge));
        assert_eq!(Step::Conciliation.due_by(acknowledge, decide), Some(decide));
        assert_eq!(Step::Decided.due_by(acknowledge, decide), None);
    }

    #[test]
    fn moves_and_stored_names_round_trip() {
        for step in Step::ALL {
            assert_eq!(Step::parse(step.as_str()), Some(step));
            for mv in step.next(Appealed::Publication) {
                assert_eq!(Move::parse(mv.as_str()), Some(mv));
            }
        }
        for kind in AppellantKind::ALL {
            assert_eq!(AppellantKind::parse(kind.as_str()), Some(kind));
        }
        for appealed in Appealed::ALL {
            assert_eq!(Appealed::parse(appealed.as_str()), Some(appealed));
        }
        assert_eq!(Move::parse("allow"), None);
    }
}
