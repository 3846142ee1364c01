//! Maintenance groups and their members. Events and votes name users, not
//! memberships, so removing a member keeps every past record intact.

use crate::i18n::Msg;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::Deserialize;

use super::{Outcome, Secretariat, Step, required, tidy};
use crate::db::{self, DbConn};
use crate::domain::access::{Capacity, GroupRole};
use crate::domain::fields::{FieldErrors, has_hidden_formatting};
use crate::domain::nomination::{self, NominationProblem};
use crate::models::groups::{self, ClosingRules, Group, Member, MembershipForm, NewGroup};
use crate::models::organisations::{self, Organisation};
use crate::models::users;
use crate::workflow::WorkflowError;

/// The new-group form as typed.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct GroupInput {
    pub code: String,
    pub name: String,
    /// The French name; empty when there is none.
    pub name_fr: String,
}

/// The membership form as typed: adding someone (`user`), or changing the
/// terms of a member.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct MemberInput {
    /// The account's id, when adding.
    pub user: String,
    pub role: String,
    /// Empty for an expert.
    pub capacity: String,
    /// An organisation's id, or empty for none.
    pub nominated_by: String,
    /// Dates as `YYYY-MM-DD`; an empty start when adding means today.
    pub starts_on: String,
    pub ends_on: String,
    pub interests: String,
}

impl Default for MemberInput {
    fn default() -> Self {
        Self {
            user: String::new(),
            role: GroupRole::Member.as_str().to_owned(),
            capacity: Capacity::Expert.as_str().to_owned(),
            nominated_by: String::new(),
            starts_on: String::new(),
            ends_on: String::new(),
            interests: String::new(),
        }
    }
}

impl MemberInput {
    /// The empty add-member form: a member, an expert, from `today`.
    pub fn starting(today: NaiveDate) -> Self {
        Self {
            starts_on: day_text(today),
            ..Self::default()
        }
    }

    /// The terms of a membership as its form shows them.
    pub fn of(member: &Member) -> Self {
        Self {
            user: member.user.id.clone(),
            role: member.role.as_str().to_owned(),
            capacity: member.capacity.as_str().to_owned(),
            nominated_by: member
                .nominated_by
                .as_ref()
                .map(|o| o.id.clone())
                .unwrap_or_default(),
            starts_on: day_text(member.starts_at.date()),
            ends_on: member
                .ends_at
                .map(|at| day_text(at.date()))
                .unwrap_or_default(),
            interests: member.interests.clone().unwrap_or_default(),
        }
    }
}

fn day_text(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// A role a member may hold, or what to say about it.
pub(super) fn parse_role(role: &str) -> Result<GroupRole, Msg> {
    GroupRole::parse(role).ok_or_else(|| Msg::new("form-role"))
}

/// Declared interests are a few sentences at most.
const INTERESTS_MAX: usize = 2_000;

/// The terms of a membership worth storing.
#[derive(Debug, PartialEq)]
struct Terms {
    role: GroupRole,
    capacity: Capacity,
    /// The nominating organisation's id.
    nominated_by: Option<String>,
    starts_on: NaiveDate,
    ends_on: Option<NaiveDate>,
    interests: Option<String>,
}

impl Terms {
    /// Reads the form against the organisations of the registry. An empty
    /// start is `default_start` when there is one (adding: today).
    fn parse(
        input: &MemberInput,
        organisations: &[Organisation],
        default_start: Option<NaiveDate>,
    ) -> Result<Terms, FieldErrors> {
        let mut errors = FieldErrors::default();
        let role = parse_role(input.role.trim())
            .map_err(|m| errors.add("role", m))
            .ok();
        let capacity = match input.capacity.trim() {
            "" => Some(Capacity::Expert),
            text => Capacity::parse(text),
        };
        if capacity.is_none() {
            errors.add("capacity", Msg::new("form-capacity"));
        }
        let body = match input.nominated_by.trim() {
            "" => Ok(None),
            id => organisations
                .iter()
                .find(|o| o.id == id)
                .map(Some)
                .ok_or(()),
        };
        match (capacity, &body) {
            (_, Err(())) => errors.add("nominated_by", Msg::new("form-nominated-by")),
            (Some(capacity), Ok(body)) => {
                if let Err(problem) = nomination::check(capacity, body.map(|o| o.kind)) {
                    errors.add("nominated_by", nomination_message(problem, *body));
                }
            }
            (None, Ok(_)) => {}
        }
        let starts_on = match (input.starts_on.trim(), default_start) {
            ("", Some(today)) => Some(today),
            ("", None) => {
                errors.add("starts_on", Msg::new("form-starts-on-missing"));
                None
            }
            (text, _) => parse_day(text).or_else(|| {
                errors.add("starts_on", Msg::new("form-starts-on-date"));
                None
            }),
        };
        let ends_on = match input.ends_on.trim() {
            "" => None,
            text => match parse_day(text) {
                None => {
                    errors.add("ends_on", Msg::new("form-ends-on-date"));
                    None
                }
                Some(end) if starts_on.is_some_and(|start| end <= start) => {
                    errors.add("ends_on", Msg::new("form-ends-on-order"));
                    None
                }
                Some(end) => Some(end),
            },
        };
        let interests = input.interests.trim();
        if interests.chars().count() > INTERESTS_MAX {
            errors.add("interests", Msg::new("form-interests-too-long"));
        } else if has_hidden_formatting(interests) {
            errors.add("interests", Msg::new("form-interests-formatting"));
        }
        match (role, capacity, body, starts_on) {
            (Some(role), Some(capacity), Ok(body), Some(starts_on)) if errors.is_empty() => {
                Ok(Terms {
                    role,
                    capacity,
                    nominated_by: body.map(|o| o.id.clone()),
                    starts_on,
                    ends_on,
                    interests: (!interests.is_empty()).then(|| interests.to_owned()),
                })
            }
            _ => Err(errors),
        }
    }

    fn form(&self) -> MembershipForm<'_> {
        MembershipForm {
            role: self.role,
            capacity: self.capacity,
            nominated_by_id: self.nominated_by.as_deref(),
            starts_at: self.starts_on.and_time(NaiveTime::MIN),
            ends_at: self.ends_on.map(|day| day.and_time(NaiveTime::MIN)),
            interests: self.interests.as_deref(),
        }
    }
}

/// A date as a date input sends it, within the years a membership can
/// have.
fn parse_day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .filter(|day| (1947..=2100).contains(&chrono::Datelike::year(day)))
}

/// What to say about a nomination that does not fit the capacity.
fn nomination_message(problem: NominationProblem, body: Option<&Organisation>) -> Msg {
    let acronym = body.map_or("", |o| o.acronym.as_str());
    match problem {
        NominationProblem::LiaisonWithoutOrganisation => Msg::new("form-liaison-represented"),
        NominationProblem::LiaisonFromMemberBody => {
            Msg::new("form-nomination-member-body").with("acronym", acronym)
        }
        NominationProblem::ExpertFromLiaison => {
            Msg::new("form-nomination-liaison").with("acronym", acronym)
        }
    }
}

/// A group worth storing, but for the uniqueness of its code.
struct NewGroupInput {
    code: String,
    name: String,
    name_fr: Option<String>,
}

impl TryFrom<&GroupInput> for NewGroupInput {
    type Error = FieldErrors;

    fn try_from(input: &GroupInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let code = required(
            &tidy(&input.code),
            50,
            Msg::new("form-group-code"),
            Msg::new("form-code-too-long"),
        )
        .map_err(|m| errors.add("code", m));
        let name = required(
            &tidy(&input.name),
            300,
            Msg::new("form-group-name"),
            Msg::new("form-name-300"),
        )
        .map_err(|m| errors.add("name", m));
        let name_fr = tidy(&input.name_fr);
        let name_fr = if name_fr.is_empty() {
            Ok(None)
        } else {
            required(
                &name_fr,
                300,
                Msg::new("form-group-name"),
                Msg::new("form-name-300"),
            )
            .map(Some)
            .map_err(|m| errors.add("name_fr", m))
        };
        match (code, name, name_fr) {
            (Ok(code), Ok(name), Ok(name_fr)) => Ok(Self {
                code,
                name,
                name_fr,
            }),
            _ => Err(errors),
        }
    }
}

/// Adds a group, unless another has its code (whatever the case).
pub fn add(
    conn: &mut DbConn,
    _: &Secretariat,
    input: &GroupInput,
    now: NaiveDateTime,
) -> Result<Outcome, WorkflowError> {
    let group = match NewGroupInput::try_from(input) {
        Ok(group) => group,
        Err(errors) => return Ok(Outcome::Refused(errors)),
    };
    db::write_transaction(conn, |conn| {
        if groups::code_exists(conn, &group.code)? {
            let mut errors = FieldErrors::default();
            errors.add(
                "code",
                Msg::new("form-group-code-taken").with("code", group.code.as_str()),
            );
            return Ok(Outcome::Refused(errors));
        }
        groups::insert(
            conn,
            &NewGroup {
                id: &db::new_id(),
                code: &group.code,
                name: &group.name,
                name_fr: group.name_fr.as_deref(),
                created_at: now,
            },
        )?;
        Ok(Outcome::Done(()))
    })
}

/// Adds an active account that is not yet a member to group `group_id`,
/// on the terms typed; an empty start date is `now`'s day.
pub fn add_member(
    conn: &mut DbConn,
    _: &Secretariat,
    group_id: &str,
    input: &MemberInput,
    now: NaiveDateTime,
) -> Result<Outcome, WorkflowError> {
    let user_id = input.user.trim();
    db::write_transaction(conn, |conn| {
        groups::find(conn, group_id)?;
        let mut errors = FieldErrors::default();
        if user_id.is_empty() {
            errors.add("user", Msg::new("form-member-user"));
        } else {
            match users::find(conn, user_id) {
                Ok(user) if !user.active => errors.add("user", Msg::new("form-member-deactivated")),
                Ok(user) if groups::role_of(conn, group_id, &user.id)?.is_some() => errors.add(
                    "user",
                    Msg::new("form-already-member").with("name", user.name.as_str()),
                ),
                Ok(_) => {}
                Err(diesel::result::Error::NotFound) => {
                    errors.add("user", Msg::new("form-person-from-list"))
                }
                Err(e) => return Err(e.into()),
            }
        }
        let terms =
            Terms::parse(input, &organisations::all(conn)?, Some(now.date())).map_err(|more| {
                for (field, message) in more.as_slice() {
                    errors.add(field, message.clone());
                }
            });
        match terms {
            Ok(terms) if errors.is_empty() => {
                groups::insert_membership(conn, group_id, user_id, &terms.form(), now)?;
                Ok(Outcome::Done(()))
            }
            _ => Ok(Outcome::Refused(errors)),
        }
    })
}

/// Changes the terms of member `user_id` of group `group_id`: role,
/// capacity, nominating body, dates and declared interests.
pub fn update_member(
    conn: &mut DbConn,
    _: &Secretariat,
    group_id: &str,
    user_id: &str,
    input: &MemberInput,
) -> Result<Outcome, WorkflowError> {
    db::write_transaction(conn, |conn| {
        groups::member(conn, group_id, user_id)?.ok_or(WorkflowError::NotFound)?;
        match Terms::parse(input, &organisations::all(conn)?, None) {
            Ok(terms) => {
                groups::update_membership(conn, group_id, user_id, &terms.form())?;
                Ok(Outcome::Done(()))
            }
            Err(errors) => Ok(Outcome::Refused(errors)),
        }
    })
}

/// The closing-rules form as typed; the checkbox is present when ticked.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ClosingRulesInput {
    pub quorum_percent: String,
    pub quorum_minimum: String,
    pub liaisons_vote: Option<String>,
    pub objection_days: String,
    pub meeting_objection_days: String,
}

impl ClosingRulesInput {
    /// The group's rules as the form shows them.
    pub fn of(group: &Group) -> Self {
        let rules = group.closing_rules();
        Self {
            quorum_percent: rules.quorum_percent.to_string(),
            quorum_minimum: rules.quorum_minimum.to_string(),
            liaisons_vote: rules.liaisons_vote.then(|| "on".to_owned()),
            objection_days: rules.objection_days.to_string(),
            meeting_objection_days: rules.meeting_objection_days.to_string(),
        }
    }
}

impl TryFrom<&ClosingRulesInput> for ClosingRules {
    type Error = FieldErrors;

    fn try_from(input: &ClosingRulesInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let mut whole =
            |field: &str, text: &str, range: std::ops::RangeInclusive<i32>, message: Msg| {
                text.trim()
                    .parse::<i32>()
                    .ok()
                    .filter(|n| range.contains(n))
                    .ok_or_else(|| errors.add(field, message))
            };
        let quorum_percent = whole(
            "quorum_percent",
            &input.quorum_percent,
            0..=100,
            Msg::new("form-percent"),
        );
        let quorum_minimum = whole(
            "quorum_minimum",
            &input.quorum_minimum,
            1..=1_000,
            Msg::new("form-voters"),
        );
        let objection_days = whole(
            "objection_days",
            &input.objection_days,
            1..=365,
            Msg::new("form-days"),
        );
        let meeting_objection_days = whole(
            "meeting_objection_days",
            &input.meeting_objection_days,
            1..=365,
            Msg::new("form-days"),
        );
        match (
            quorum_percent,
            quorum_minimum,
            objection_days,
            meeting_objection_days,
        ) {
            (Ok(quorum_percent), Ok(quorum_minimum), Ok(objection_days), Ok(meeting)) => {
                Ok(ClosingRules {
                    quorum_percent,
                    quorum_minimum,
                    liaisons_vote: input.liaisons_vote.is_some(),
                    objection_days,
                    meeting_objection_days: meeting,
                })
            }
            _ => Err(errors),
        }
    }
}

/// Sets the closing rules of group `group_id`. Rounds already open keep
/// the voter list fixed when they opened.
pub fn set_closing_rules(
    conn: &mut DbConn,
    _: &Secretariat,
    group_id: &str,
    input: &ClosingRulesInput,
) -> Result<Outcome, WorkflowError> {
    groups::find(conn, group_id)?;
    let rules = match ClosingRules::try_from(input) {
        Ok(rules) => rules,
        Err(errors) => return Ok(Outcome::Refused(errors)),
    };
    if !db::write_transaction(conn, |conn| {
        groups::set_closing_rules(conn, group_id, &rules)
    })? {
        return Err(WorkflowError::NotFound);
    }
    Ok(Outcome::Done(()))
}

/// Ends the membership of `user_id` in group `group_id` once `confirm`ed
/// (else answers the group and the member to confirm); the account stays.
pub fn remove_member(
    conn: &mut DbConn,
    _: &Secretariat,
    group_id: &str,
    user_id: &str,
    confirm: bool,
) -> Result<Step<(Group, Member)>, WorkflowError> {
    if !confirm {
        let member = groups::member(conn, group_id, user_id)?.ok_or(WorkflowError::NotFound)?;
        return Ok(Step::Confirm((groups::find(conn, group_id)?, member)));
    }
    if !db::write_transaction(conn, |conn| groups::remove_member(conn, group_id, user_id))? {
        return Err(WorkflowError::NotFound);
    }
    Ok(Step::Done)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::nomination::OrganisationKind;

    #[test]
    fn members_are_convenors_or_members() {
        assert_eq!(parse_role("convenor"), Ok(GroupRole::Convenor));
        assert_eq!(parse_role("member"), Ok(GroupRole::Member));
        for bad in ["", "chair", "Convenor"] {
            assert_eq!(parse_role(bad), Err(Msg::new("form-role")), "{bad:?}");
        }
    }

    #[test]
    fn a_group_needs_a_code_and_a_name() {
        let group = NewGroupInput::try_from(&GroupInput {
            code: " MG  17025 ".into(),
            name: "Maintenance group".into(),
            ..GroupInput::default()
        })
        .ok()
        .unwrap();
        assert_eq!(group.code, "MG 17025");
        let errors = NewGroupInput::try_from(&GroupInput {
            code: "C".repeat(51),
            name: " ".into(),
            ..GroupInput::default()
        })
        .err()
        .unwrap();
        assert_eq!(
            errors.get("code").english(),
            "Enter a code of at most 50 characters."
        );
        assert_eq!(errors.get("name").english(), "Enter the name of the group.");
    }

    fn organisation(id: &str, kind: OrganisationKind, acronym: &str) -> Organisation {
        Organisation {
            id: id.into(),
            kind,
            acronym: acronym.into(),
            name: format!("{acronym} in full"),
            country: (kind == OrganisationKind::MemberBody).then(|| "FR".to_owned()),
            contact_email: None,
            language: None,
            created_at: NaiveDateTime::default(),
        }
    }

    fn registry() -> Vec<Organisation> {
        vec![
            organisation("o-afnor", OrganisationKind::MemberBody, "AFNOR"),
            organisation("o-ilac", OrganisationKind::Liaison, "ILAC"),
        ]
    }

    fn typed(capacity: &str, nominated_by: &str, starts_on: &str, ends_on: &str) -> MemberInput {
        MemberInput {
            user: "u1".into(),
            role: "member".into(),
            capacity: capacity.into(),
            nominated_by: nominated_by.into(),
            starts_on: starts_on.into(),
            ends_on: ends_on.into(),
            interests: "  Assessor for Example Accreditation ".into(),
        }
    }

    fn day(text: &str) -> NaiveDate {
        parse_day(text).unwrap()
    }

    #[test]
    fn the_terms_of_a_membership_are_read_from_the_form() {
        let terms = Terms::parse(
            &typed("liaison", "o-ilac", "2027-01-01", "2029-01-01"),
            &registry(),
            None,
        )
        .unwrap();
        assert_eq!(
            terms,
            Terms {
                role: GroupRole::Member,
                capacity: Capacity::Liaison,
                nominated_by: Some("o-ilac".into()),
                starts_on: day("2027-01-01"),
                ends_on: Some(day("2029-01-01")),
                interests: Some("Assessor for Example Accreditation".into()),
            }
        );
        // Adding: an expert from today unless the form says otherwise.
        let today = day("2026-12-05");
        let terms = Terms::parse(&typed("", "", "", ""), &registry(), Some(today)).unwrap();
        assert_eq!(terms.capacity, Capacity::Expert);
        assert_eq!((terms.starts_on, terms.ends_on), (today, None));
        assert_eq!(terms.nominated_by, None);
    }

    #[test]
    fn a_liaison_seat_needs_a_liaison_organisation_and_an_expert_a_member_body() {
        let refused = |capacity: &str, by: &str| {
            Terms::parse(&typed(capacity, by, "2027-01-01", ""), &registry(), None)
                .unwrap_err()
                .get("nominated_by")
                .english()
        };
        assert_eq!(
            refused("liaison", "o-afnor"),
            "AFNOR is a member body; a member in liaison capacity represents a liaison organisation. Choose one, or another capacity."
        );
        assert_eq!(
            refused("liaison", ""),
            "Choose the liaison organisation this member represents."
        );
        assert_eq!(
            refused("expert", "o-ilac"),
            "ILAC is a liaison organisation; its representatives sit in liaison capacity. Choose that capacity, or a member body."
        );
        assert_eq!(
            refused("observer", "o-gone"),
            "Choose a nominating body from the list, or none."
        );
        assert!(
            Terms::parse(
                &typed("observer", "o-ilac", "2027-01-01", ""),
                &registry(),
                None
            )
            .is_ok()
        );
    }

    #[test]
    fn each_field_of_a_membership_says_what_is_wrong_with_it() {
        let mut input = typed("chair", "", "31/01/2027", "soon");
        input.role = "boss".into();
        input.interests = "x".repeat(2_001);
        let errors = Terms::parse(&input, &registry(), None).unwrap_err();
        assert_eq!(errors.get("role").english(), "Choose convenor or member.");
        assert_eq!(
            errors.get("capacity").english(),
            "Choose expert, observer or liaison."
        );
        assert_eq!(
            errors.get("starts_on").english(),
            "Enter the start date as a date, for example 2027-01-31."
        );
        assert_eq!(
            errors.get("ends_on").english(),
            "Enter the end date as a date, for example 2027-01-31, or leave it empty."
        );
        assert_eq!(
            errors.get("interests").english(),
            "Enter declared interests of at most 2,000 characters."
        );

        for (starts, ends) in [("2027-01-31", "2027-01-31"), ("2027-01-31", "2026-12-31")] {
            let errors =
                Terms::parse(&typed("expert", "", starts, ends), &registry(), None).unwrap_err();
            assert_eq!(
                errors.get("ends_on").english(),
                "The end date must be after the start date."
            );
        }
        let errors = Terms::parse(&typed("expert", "", "", ""), &registry(), None).unwrap_err();
        assert_eq!(
            errors.get("starts_on").english(),
            "Enter the date the membership starts."
        );
        let errors =
            Terms::parse(&typed("expert", "", "12027-01-01", ""), &registry(), None).unwrap_err();
        assert!(!errors.get("starts_on").english().is_empty());
        let mut hidden = typed("expert", "", "2027-01-01", "");
        hidden.interests = "Example\u{202E}Lab".into();
        let errors = Terms::parse(&hidden, &registry(), None).unwrap_err();
        assert!(
            errors
                .get("interests")
                .english()
                .contains("invisible formatting")
        );
    }

    fn rules(percent: &str, minimum: &str, days: &str, meeting: &str) -> ClosingRulesInput {
        ClosingRulesInput {
            quorum_percent: percent.into(),
            quorum_minimum: minimum.into(),
            liaisons_vote: Some("on".into()),
            objection_days: days.into(),
            meeting_objection_days: meeting.into(),
        }
    }

    #[test]
    fn closing_rules_are_whole_numbers_within_their_bounds() {
        assert_eq!(
            ClosingRules::try_from(&rules(" 0 ", "1", "1", "365")).unwrap(),
            ClosingRules {
                quorum_percent: 0,
                quorum_minimum: 1,
                liaisons_vote: true,
                objection_days: 1,
                meeting_objection_days: 365,
            }
        );
        let errors = ClosingRules::try_from(&rules("101", "0", "", "2.5")).unwrap_err();
        assert_eq!(
            errors.get("quorum_percent").english(),
            "Enter a whole number from 0 to 100."
        );
        assert_eq!(
            errors.get("quorum_minimum").english(),
            "Enter a whole number of voters from 1 to 1,000."
        );
        assert_eq!(
            errors.get("objection_days").english(),
            "Enter a number of days from 1 to 365."
        );
        assert_eq!(
            errors.get("meeting_objection_days").english(),
            "Enter a number of days from 1 to 365."
        );
        let group = Group::example("g1");
        let shown = ClosingRulesInput::of(&group);
        assert_eq!(
            ClosingRules::try_from(&shown).unwrap(),
            group.closing_rules(),
            "the form shows the rules as they stand"
        );
    }
}
