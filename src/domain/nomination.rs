//! Who may nominate a member in each capacity (ISO/IEC Directives, Part 1,
//! 1.12 and 2.5.6): experts come from the member bodies, the
//! representatives of liaison organisations sit as liaisons, and an
//! observer may come from either. A liaison's vote then follows the
//! group's rule on liaisons, which an expert seat would get round.

use diesel::sql_types::Text;
use diesel::{AsExpression, FromSqlRow};

use super::access::Capacity;
use super::stored::stored_as_text;

/// What an organisation of the registry is (`organisations.kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, AsExpression, FromSqlRow)]
#[diesel(sql_type = Text)]
pub enum OrganisationKind {
    /// An ISO member body: the national standards body of one country.
    MemberBody,
    /// An international organisation in liaison with the committee.
    Liaison,
}

impl OrganisationKind {
    pub const ALL: [OrganisationKind; 2] =
        [OrganisationKind::MemberBody, OrganisationKind::Liaison];

    pub fn as_str(self) -> &'static str {
        match self {
            OrganisationKind::MemberBody => "member_body",
            OrganisationKind::Liaison => "liaison",
        }
    }

    pub fn parse(text: &str) -> Option<OrganisationKind> {
        OrganisationKind::ALL
            .into_iter()
            .find(|k| k.as_str() == text)
    }
}

stored_as_text!(OrganisationKind);

/// Why a nomination does not fit the capacity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NominationProblem {
    /// A liaison seat names no liaison organisation.
    LiaisonWithoutOrganisation,
    /// A liaison seat named by a member body.
    LiaisonFromMemberBody,
    /// An expert named by a liaison organisation.
    ExpertFromLiaison,
}

/// Whether someone nominated by an organisation of `by` (or by none, as
/// the secretariat's own staff are) may sit in `capacity`.
pub fn check(capacity: Capacity, by: Option<OrganisationKind>) -> Result<(), NominationProblem> {
    use NominationProblem::*;
    use OrganisationKind::*;
    match (capacity, by) {
        (Capacity::Liaison, None) => Err(LiaisonWithoutOrganisation),
        (Capacity::Liaison, Some(MemberBody)) => Err(LiaisonFromMemberBody),
        (Capacity::Expert, Some(Liaison)) => Err(ExpertFromLiaison),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn member_bodies_nominate_experts_and_liaisons_their_representatives() {
        use OrganisationKind::*;
        assert_eq!(check(Capacity::Expert, Some(MemberBody)), Ok(()));
        assert_eq!(check(Capacity::Expert, None), Ok(()));
        assert_eq!(
            check(Capacity::Expert, Some(Liaison)),
            Err(NominationProblem::ExpertFromLiaison)
        );
        assert_eq!(check(Capacity::Liaison, Some(Liaison)), Ok(()));
        assert_eq!(
            check(Capacity::Liaison, Some(MemberBody)),
            Err(NominationProblem::LiaisonFromMemberBody)
        );
        assert_eq!(
            check(Capacity::Liaison, None),
            Err(NominationProblem::LiaisonWithoutOrganisation)
        );
        for by in [None, Some(MemberBody), Some(Liaison)] {
            assert_eq!(check(Capacity::Observer, by), Ok(()), "{by:?}");
        }
    }

    #[test]
    fn kinds_round_trip_through_text() {
        for kind in OrganisationKind::ALL {
            assert_eq!(OrganisationKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(OrganisationKind::parse("Liaison"), None);
    }
}
