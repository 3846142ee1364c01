//! Conflicts of interest in a consensus round (issue 19, item 7): who is
//! flagged when the round opens, what a voter declares, and how a vote
//! under a declared conflict counts.

use diesel::sql_types::Text;
use diesel::{AsExpression, FromSqlRow};

use super::consensus::{Position, RoundRefusal};
use super::stored::stored_as_text;

/// Where a voter stands on a conflict of interest in one round
/// (`round_voters.conflict`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, AsExpression, FromSqlRow)]
#[diesel(sql_type = Text)]
pub enum Conflict {
    /// Nothing known; the voter may still declare one.
    None,
    /// Flagged when the round opened: the voter declares or confirms none
    /// before voting.
    Flagged,
    /// Declared: the vote counts as an abstention unless the convenor
    /// allows it.
    Declared,
    /// Flagged, and the voter confirmed they have no conflict.
    Cleared,
}

impl Conflict {
    pub const ALL: [Conflict; 4] = [
        Conflict::None,
        Conflict::Flagged,
        Conflict::Declared,
        Conflict::Cleared,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Conflict::None => "none",
            Conflict::Flagged => "flagged",
            Conflict::Declared => "declared",
            Conflict::Cleared => "cleared",
        }
    }

    pub fn parse(text: &str) -> Option<Conflict> {
        Conflict::ALL.into_iter().find(|c| c.as_str() == text)
    }
}

/// Why a voter was flagged (`round_voters.conflict_reason`); when several
/// apply, the first of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, AsExpression, FromSqlRow)]
#[diesel(sql_type = Text)]
pub enum FlagReason {
    /// The body that nominated them has the name (or acronym) of the
    /// submitter's organisation.
    SameOrganisation,
    /// Their account's address has the domain of the submitter's.
    SameMailDomain,
    /// They declared interests on their membership.
    DeclaredInterests,
}

impl FlagReason {
    pub const ALL: [FlagReason; 3] = [
        FlagReason::SameOrganisation,
        FlagReason::SameMailDomain,
        FlagReason::DeclaredInterests,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FlagReason::SameOrganisation => "same_organisation",
            FlagReason::SameMailDomain => "same_mail_domain",
            FlagReason::DeclaredInterests => "declared_interests",
        }
    }

    /// The message saying why a voter was flagged.
    pub fn key(self) -> &'static str {
        match self {
            FlagReason::SameOrganisation => "ws-flag-same-organisation",
            FlagReason::SameMailDomain => "ws-flag-same-mail-domain",
            FlagReason::DeclaredInterests => "ws-flag-declared-interests",
        }
    }

    pub fn parse(text: &str) -> Option<FlagReason> {
        FlagReason::ALL.into_iter().find(|r| r.as_str() == text)
    }
}

stored_as_text!(Conflict, FlagReason);

/// What is known of the person who asked, when a round opens; none of it
/// is shown beside a flag.
#[derive(Debug, Clone, Copy)]
pub struct Submitter<'a> {
    pub organisation: Option<&'a str>,
    pub email: &'a str,
}

/// A voter as the flags see them.
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'a> {
    pub email: &'a str,
    /// The acronym and the name of the body that nominated them.
    pub body: Option<(&'a str, &'a str)>,
    pub interests: Option<&'a str>,
}

/// An organisation's name as people type it: case and spacing aside.
fn same_name(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    let a = words(a);
    !a.is_empty() && a == words(b)
}

fn mail_domain(address: &str) -> Option<String> {
    let (_, domain) = address.trim().rsplit_once('@')?;
    let domain = domain.trim_end_matches('.').to_lowercase();
    (!domain.is_empty()).then_some(domain)
}

/// Why `voter` is flagged on a request from `submitter` (none when the
/// submitter's contact is erased and the voter declared nothing), if at all.
pub fn flag(submitter: Option<Submitter<'_>>, voter: Candidate<'_>) -> Option<FlagReason> {
    if let Some(submitter) = submitter {
        let same_body = match (submitter.organisation, voter.body) {
            (Some(organisation), Some((acronym, name))) => {
                same_name(organisation, acronym) || same_name(organisation, name)
            }
            _ => false,
        };
        if same_body {
            return Some(FlagReason::SameOrganisation);
        }
        if mail_domain(submitter.email).is_some_and(|d| mail_domain(voter.email) == Some(d)) {
            return Some(FlagReason::SameMailDomain);
        }
    }
    voter
        .interests
        .is_some_and(|i| !i.trim().is_empty())
        .then_some(FlagReason::DeclaredInterests)
}

/// What a voter says about a conflict of interest, as the vote form sends
/// it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Declaration<'a> {
    /// "I have no conflict of interest on this request."
    NoConflict,
    /// "I declare a conflict of interest", with a note saying what it is.
    Conflict { note: &'a str },
}

impl<'a> Declaration<'a> {
    /// The form's choice (`none`, `declared`, or empty for no answer) and
    /// note, trimmed; a declared conflict needs its note.
    pub fn parse(choice: &str, note: &'a str) -> Result<Option<Self>, RoundRefusal> {
        match choice.trim() {
            "" => Ok(None),
            "none" => Ok(Some(Declaration::NoConflict)),
            "declared" if note.trim().is_empty() => Err(RoundRefusal::ConflictWithoutNote),
            "declared" => Ok(Some(Declaration::Conflict { note: note.trim() })),
            _ => Err(RoundRefusal::UnknownDeclaration),
        }
    }
}

/// Where a voter stands after `declaration`: a declared conflict stays in
/// the record (its note may be reworded); anyone may declare one.
pub fn declare(current: Conflict, declaration: Declaration<'_>) -> Result<Conflict, RoundRefusal> {
    match (current, declaration) {
        (Conflict::Declared, Declaration::NoConflict) => Err(RoundRefusal::ConflictStands),
        (_, Declaration::NoConflict) => Ok(Conflict::Cleared),
        (_, Declaration::Conflict { .. }) => Ok(Conflict::Declared),
    }
}

/// A flagged voter answers the flag before their vote is taken.
pub fn may_vote(current: Conflict) -> Result<(), RoundRefusal> {
    match current {
        Conflict::Flagged => Err(RoundRefusal::ConflictUnanswered),
        Conflict::None | Conflict::Declared | Conflict::Cleared => Ok(()),
    }
}

/// The position a vote counts as: an abstention under a declared conflict
/// the convenor did not allow, else the one cast.
pub fn counted(cast: Position, conflict: Conflict, allowed: bool) -> Position {
    if conflict == Conflict::Declared && !allowed {
        Position::Abstain
    } else {
        cast
    }
}

/// Whether the convenor `by` may allow the vote of `voter`, who stands at
/// `conflict`: only a declared conflict is allowed, and never one's own.
pub fn may_allow(conflict: Conflict, by: &str, voter: &str) -> Result<(), RoundRefusal> {
    if by == voter {
        Err(RoundRefusal::OwnConflict)
    } else if conflict != Conflict::Declared {
        Err(RoundRefusal::NoDeclaredConflict)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANA: Submitter<'static> = Submitter {
        organisation: Some("Lab  example "),
        email: "ana.lima@Lab.Example",
    };

    fn voter(email: &'static str) -> Candidate<'static> {
        Candidate {
            email,
            body: None,
            interests: None,
        }
    }

    #[test]
    fn stored_words_round_trip_through_text() {
        for conflict in Conflict::ALL {
            assert_eq!(Conflict::parse(conflict.as_str()), Some(conflict));
        }
        for reason in FlagReason::ALL {
            assert_eq!(FlagReason::parse(reason.as_str()), Some(reason));
        }
        assert_eq!(Conflict::parse("Declared"), None);
    }

    #[test]
    fn the_submitters_organisation_flags_by_name_acronym_or_mail_domain() {
        let nominated = |acronym, name| Candidate {
            body: Some((acronym, name)),
            ..voter("pat@elsewhere.example")
        };
        assert_eq!(
            flag(Some(ANA), nominated("LABEX", "LAB EXAMPLE")),
            Some(FlagReason::SameOrganisation),
            "case and spacing aside"
        );
        let afnor = Submitter {
            organisation: Some("afnor"),
            email: "x@y.example",
        };
        assert_eq!(
            flag(
                Some(afnor),
                nominated("AFNOR", "Association Française de Normalisation")
            ),
            Some(FlagReason::SameOrganisation),
            "by acronym"
        );
        assert_eq!(
            flag(Some(ANA), nominated("DIN", "Deutsches Institut")),
            None
        );
        assert_eq!(
            flag(Some(ANA), voter("lee@lab.example")),
            Some(FlagReason::SameMailDomain),
            "the domain's case aside"
        );
        assert_eq!(
            flag(Some(ANA), voter("lee@sub.lab.example")),
            None,
            "another domain"
        );
        let no_organisation = Submitter {
            organisation: Some("  "),
            email: "ana@lab.example",
        };
        assert_eq!(
            flag(Some(no_organisation), nominated("X", "")),
            None,
            "an empty name matches nothing"
        );
    }

    #[test]
    fn declared_interests_flag_even_without_the_submitters_contact() {
        let declared = Candidate {
            interests: Some("Assessor for Example Accreditation"),
            ..voter("pat@elsewhere.example")
        };
        assert_eq!(flag(None, declared), Some(FlagReason::DeclaredInterests));
        assert_eq!(
            flag(Some(ANA), declared),
            Some(FlagReason::DeclaredInterests)
        );
        let blank = Candidate {
            interests: Some(" "),
            ..declared
        };
        assert_eq!(flag(Some(ANA), blank), None);
        assert_eq!(flag(None, voter("lee@lab.example")), None, "erased contact");
        let both = Candidate {
            email: "lee@lab.example",
            ..declared
        };
        assert_eq!(
            flag(Some(ANA), both),
            Some(FlagReason::SameMailDomain),
            "the first reason that applies"
        );
    }

    #[test]
    fn a_flagged_voter_declares_or_confirms_before_voting() {
        assert_eq!(
            may_vote(Conflict::Flagged),
            Err(RoundRefusal::ConflictUnanswered)
        );
        for answered in [Conflict::None, Conflict::Declared, Conflict::Cleared] {
            assert_eq!(may_vote(answered), Ok(()));
        }
        assert_eq!(
            declare(Conflict::Flagged, Declaration::NoConflict),
            Ok(Conflict::Cleared)
        );
        let conflict = Declaration::Conflict {
            note: "I work there.",
        };
        for from in Conflict::ALL {
            assert_eq!(declare(from, conflict), Ok(Conflict::Declared), "{from:?}");
        }
        assert_eq!(
            declare(Conflict::Declared, Declaration::NoConflict),
            Err(RoundRefusal::ConflictStands),
            "a declared conflict stays in the record"
        );
    }

    #[test]
    fn the_vote_form_says_which_declaration() {
        assert_eq!(Declaration::parse("", "ignored"), Ok(None));
        assert_eq!(
            Declaration::parse("none", ""),
            Ok(Some(Declaration::NoConflict))
        );
        assert_eq!(
            Declaration::parse("declared", "  "),
            Err(RoundRefusal::ConflictWithoutNote)
        );
        assert_eq!(
            Declaration::parse("declared", " I consult for them. "),
            Ok(Some(Declaration::Conflict {
                note: "I consult for them."
            }))
        );
        assert_eq!(
            Declaration::parse("maybe", ""),
            Err(RoundRefusal::UnknownDeclaration)
        );
    }

    #[test]
    fn a_declared_conflict_counts_as_abstention_until_allowed() {
        assert_eq!(
            counted(Position::Agree, Conflict::Declared, false),
            Position::Abstain
        );
        assert_eq!(
            counted(Position::Oppose, Conflict::Declared, true),
            Position::Oppose
        );
        for conflict in [Conflict::None, Conflict::Flagged, Conflict::Cleared] {
            assert_eq!(counted(Position::Agree, conflict, false), Position::Agree);
        }
    }

    #[test]
    fn the_convenor_allows_only_anothers_declared_conflict() {
        assert_eq!(may_allow(Conflict::Declared, "carla", "mia"), Ok(()));
        assert_eq!(
            may_allow(Conflict::Declared, "carla", "carla"),
            Err(RoundRefusal::OwnConflict)
        );
        for conflict in [Conflict::None, Conflict::Flagged, Conflict::Cleared] {
            assert_eq!(
                may_allow(conflict, "carla", "mia"),
                Err(RoundRefusal::NoDeclaredConflict)
            );
        }
    }
}
