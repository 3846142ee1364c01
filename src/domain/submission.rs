//! A clarification request as the public form sends it (SPEC §5), and the
//! checked submission it becomes.

use crate::i18n::Msg;
use serde::Deserialize;

use super::email::EmailAddress;
use super::fields::{FieldErrors, has_hidden_formatting};
use super::person::{NameProblem, PersonName};

/// Who the submitter speaks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    IsoMemberBody,
    LiaisonOrganization,
    AccreditationBody,
    ConformityAssessmentBody,
    Regulator,
    IndustryOrUser,
    Other,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::IsoMemberBody,
        Category::LiaisonOrganization,
        Category::AccreditationBody,
        Category::ConformityAssessmentBody,
        Category::Regulator,
        Category::IndustryOrUser,
        Category::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::IsoMemberBody => "iso_member_body",
            Category::LiaisonOrganization => "liaison_organization",
            Category::AccreditationBody => "accreditation_body",
            Category::ConformityAssessmentBody => "conformity_assessment_body",
            Category::Regulator => "regulator",
            Category::IndustryOrUser => "industry_or_user",
            Category::Other => "other",
        }
    }

    /// The id of the category's name in the message files.
    pub fn key(self) -> &'static str {
        match self {
            Category::IsoMemberBody => "submit-category-iso-member-body",
            Category::LiaisonOrganization => "submit-category-liaison-organization",
            Category::AccreditationBody => "submit-category-accreditation-body",
            Category::ConformityAssessmentBody => "submit-category-conformity-assessment-body",
            Category::Regulator => "submit-category-regulator",
            Category::IndustryOrUser => "submit-category-industry-or-user",
            Category::Other => "submit-category-other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Category::IsoMemberBody => "ISO member body",
            Category::LiaisonOrganization => "Liaison organization",
            Category::AccreditationBody => "Accreditation body",
            Category::ConformityAssessmentBody => "Conformity assessment body",
            Category::Regulator => "Regulator",
            Category::IndustryOrUser => "Industry or user",
            Category::Other => "Other",
        }
    }

    pub fn parse(text: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == text)
    }
}

/// What the form sends, every field as typed; nothing here is trusted.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct SubmissionInput {
    pub name: String,
    pub email: String,
    pub organization: String,
    pub country: String,
    pub category: String,
    pub standard: String,
    pub clause: String,
    pub question: String,
    pub background: String,
    pub proposed_answer: String,
    /// The id of the member body or liaison asked to endorse the request,
    /// when the installation asks for one.
    pub sponsor: String,
    pub confirm_intent: Option<String>,
    pub confirm_not_specific_case: Option<String>,
    pub confirm_not_new_requirement: Option<String>,
    pub confirm_publication: Option<String>,
    /// The honeypot: people leave it empty, form-filling robots do not.
    pub website: String,
}

/// A request that passed every rule of SPEC §5.
#[derive(Debug, Clone)]
pub struct Submission {
    pub name: String,
    pub email: EmailAddress,
    pub organization: Option<String>,
    pub country: &'static str,
    pub category: Category,
    pub standard_slug: String,
    pub clause: String,
    pub question: String,
    pub background: Option<String>,
    pub proposed_answer: Option<String>,
    /// Whether a sponsor is needed, and which exists, is the workflow's
    /// question.
    pub sponsor: Option<String>,
    /// The signed-in account that sent it, if any: a sponsor's account
    /// sends requests its organisation already endorses.
    pub account: Option<String>,
    /// The language of the form they filled in (a tag), which their mails
    /// follow; set by whoever took the form.
    pub language: Option<String>,
}

pub const QUESTION_MIN: usize = 20;
pub const QUESTION_MAX: usize = 5_000;

/// A clause reference as stored and compared: trimmed, single spaces.
pub fn normalise_clause(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What is wrong with a clause or a question as typed; each form says it
/// in its own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextProblem {
    Missing,
    TooShort,
    TooLong,
    /// Control characters or invisible formatting in a clause.
    NotPlain,
}

pub const CLAUSE_MAX: usize = 50;

/// A clause reference as typed: normalised, at most 50 characters of
/// plain text.
pub fn parse_clause(text: &str) -> Result<String, TextProblem> {
    let clause = normalise_clause(text);
    if clause.is_empty() {
        Err(TextProblem::Missing)
    } else if chars(&clause) > CLAUSE_MAX {
        Err(TextProblem::TooLong)
    } else if clause.chars().any(char::is_control) || has_hidden_formatting(&clause) {
        Err(TextProblem::NotPlain)
    } else {
        Ok(clause)
    }
}

/// A question as typed: trimmed, 20 to 5,000 characters.
pub fn parse_question(text: &str) -> Result<&str, TextProblem> {
    let question = text.trim();
    if question.is_empty() {
        Err(TextProblem::Missing)
    } else if chars(question) < QUESTION_MIN {
        Err(TextProblem::TooShort)
    } else if chars(question) > QUESTION_MAX {
        Err(TextProblem::TooLong)
    } else {
        Ok(question)
    }
}

fn chars(text: &str) -> usize {
    text.chars().count()
}

fn optional(text: &str) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// The country of an ISO 3166-1 alpha-2 code, if it is one.
pub fn country(code: &str) -> Option<isocountry::CountryCode> {
    let code = code.trim();
    (code.len() == 2)
        .then(|| isocountry::CountryCode::for_alpha2_caseless(code).ok())
        .flatten()
}

impl SubmissionInput {
    /// Checks every field; `is_current_standard` says whether a slug names a
    /// standard in force. The errors come in the order of the form.
    pub fn validate(
        &self,
        is_current_standard: impl Fn(&str) -> bool,
    ) -> Result<Submission, FieldErrors> {
        let mut errors = FieldErrors::default();

        let standard = self.standard.trim();
        if standard.is_empty() {
            errors.add("standard", Msg::new("form-standard-missing"));
        } else if !is_current_standard(standard) {
            errors.add("standard", Msg::new("form-standard-unknown"));
        }
        let clause = parse_clause(&self.clause).map_err(|problem| {
            errors.add(
                "clause",
                match problem {
                    TextProblem::Missing => Msg::new("form-clause-missing"),
                    TextProblem::TooLong => Msg::new("form-clause-too-long"),
                    TextProblem::TooShort | TextProblem::NotPlain => {
                        Msg::new("form-clause-not-plain")
                    }
                },
            )
        });
        let question = parse_question(&self.question).map_err(|problem| {
            errors.add(
                "question",
                match problem {
                    TextProblem::Missing => Msg::new("form-question-missing"),
                    TextProblem::TooShort | TextProblem::NotPlain => {
                        Msg::new("form-question-too-short")
                    }
                    TextProblem::TooLong => Msg::new("form-question-too-long"),
                },
            )
        });
        if chars(self.background.trim()) > 10_000 {
            errors.add("background", Msg::new("form-background-too-long"));
        }
        if chars(self.proposed_answer.trim()) > 5_000 {
            errors.add("proposed_answer", Msg::new("form-proposed-answer-too-long"));
        }
        let name = PersonName::parse(&self.name).map_err(|problem| match problem {
            NameProblem::Missing => errors.add("name", Msg::new("form-name-missing")),
            NameProblem::TooLong => errors.add("name", Msg::new("form-name-too-long")),
            NameProblem::HiddenFormatting => {
                errors.add("name", Msg::new("form-name-hidden-formatting"))
            }
        });
        let email = EmailAddress::parse(&self.email);
        if let Err(message) = &email {
            errors.add("email", message.clone());
        }
        if chars(self.organization.trim()) > 200 {
            errors.add("organization", Msg::new("form-organization-too-long"));
        } else if has_hidden_formatting(&self.organization) {
            errors.add(
                "organization",
                Msg::new("form-organization-hidden-formatting"),
            );
        }
        let country = country(&self.country);
        if country.is_none() {
            errors.add("country", Msg::new("form-country-missing"));
        }
        let category = Category::parse(self.category.trim());
        if category.is_none() {
            errors.add("category", Msg::new("form-category-missing"));
        }
        let confirmations = [
            (
                &self.confirm_intent,
                "confirm_intent",
                Msg::new("form-confirm-intent"),
            ),
            (
                &self.confirm_not_specific_case,
                "confirm_not_specific_case",
                Msg::new("form-confirm-not-specific-case"),
            ),
            (
                &self.confirm_not_new_requirement,
                "confirm_not_new_requirement",
                Msg::new("form-confirm-not-new-requirement"),
            ),
            (
                &self.confirm_publication,
                "confirm_publication",
                Msg::new("form-confirm-publication"),
            ),
        ];
        for (value, field, message) in confirmations {
            if value.as_deref().is_none_or(|v| v.is_empty()) {
                errors.add(field, message);
            }
        }

        match (name, email, country, category, clause, question) {
            (Ok(name), Ok(email), Some(country), Some(category), Ok(clause), Ok(question))
                if errors.is_empty() =>
            {
                Ok(Submission {
                    name: name.into_string(),
                    email,
                    organization: optional(&self.organization),
                    country: country.alpha2(),
                    category,
                    standard_slug: standard.to_owned(),
                    clause,
                    question: question.to_owned(),
                    background: optional(&self.background),
                    proposed_answer: optional(&self.proposed_answer),
                    sponsor: optional(&self.sponsor),
                    account: None,
                    language: None,
                })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> SubmissionInput {
        SubmissionInput {
            name: "Ana Lima".into(),
            email: "ana@lab.example".into(),
            organization: String::new(),
            country: "br".into(),
            category: "conformity_assessment_body".into(),
            standard: "iso-iec-17025-2017".into(),
            clause: " 7.2.1 ".into(),
            question: "Does 7.2.1 require a written procedure for every method?".into(),
            confirm_intent: Some("on".into()),
            confirm_not_specific_case: Some("on".into()),
            confirm_not_new_requirement: Some("on".into()),
            confirm_publication: Some("on".into()),
            ..SubmissionInput::default()
        }
    }

    fn current(slug: &str) -> bool {
        slug == "iso-iec-17025-2017"
    }

    #[test]
    fn a_complete_form_becomes_a_submission() {
        let s = valid().validate(current).unwrap();
        assert_eq!(s.country, "BR");
        assert_eq!(s.clause, "7.2.1");
        assert_eq!(s.organization, None);
        assert_eq!(s.category, Category::ConformityAssessmentBody);
    }

    /// Spoils one field of a valid form.
    type Breaker = Box<dyn Fn(&mut SubmissionInput)>;

    #[test]
    fn every_rule_has_its_message() {
        let cases: Vec<(&str, Breaker)> = vec![
            ("name", Box::new(|i| i.name = " ".into())),
            ("name", Box::new(|i| i.name = "n".repeat(201))),
            ("email", Box::new(|i| i.email = "ana@".into())),
            (
                "email",
                Box::new(|i| i.email = format!("{}@example.org", "a".repeat(250))),
            ),
            (
                "organization",
                Box::new(|i| i.organization = "o".repeat(201)),
            ),
            ("country", Box::new(|i| i.country = "XX".into())),
            ("country", Box::new(|i| i.country = "BRA".into())),
            ("category", Box::new(|i| i.category = "spy".into())),
            (
                "standard",
                Box::new(|i| i.standard = "iso-iec-17025-2005".into()),
            ),
            ("standard", Box::new(|i| i.standard = String::new())),
            ("clause", Box::new(|i| i.clause = String::new())),
            ("clause", Box::new(|i| i.clause = "1".repeat(51))),
            ("question", Box::new(|i| i.question = "Too short?".into())),
            ("question", Box::new(|i| i.question = "q".repeat(5_001))),
            (
                "background",
                Box::new(|i| i.background = "b".repeat(10_001)),
            ),
            (
                "proposed_answer",
                Box::new(|i| i.proposed_answer = "p".repeat(5_001)),
            ),
            ("confirm_intent", Box::new(|i| i.confirm_intent = None)),
            (
                "confirm_not_specific_case",
                Box::new(|i| i.confirm_not_specific_case = None),
            ),
            (
                "confirm_not_new_requirement",
                Box::new(|i| i.confirm_not_new_requirement = None),
            ),
            (
                "confirm_publication",
                Box::new(|i| i.confirm_publication = None),
            ),
        ];
        for (field, break_it) in cases {
            let mut input = valid();
            break_it(&mut input);
            let errors = input.validate(current).unwrap_err();
            assert_eq!(errors.as_slice().len(), 1, "{field}: {errors:?}");
            assert!(!errors.get(field).is_empty(), "{field}: {errors:?}");
        }
    }

    #[test]
    fn limits_count_characters_not_bytes() {
        let mut input = valid();
        input.name = "é".repeat(200);
        input.question = "ü".repeat(20);
        assert!(input.validate(current).is_ok());
    }
}
