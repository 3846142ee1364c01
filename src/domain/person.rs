//! A person's name as typed in any form or command: the request form, the
//! first setup, an invitation, `clarion user add|invite`.

use super::fields::has_hidden_formatting;

/// A name that has been checked: one line, trimmed, 1 to 200 characters,
/// with no invisible formatting characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName(String);

/// Which rule a name breaks; each caller says it in its own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameProblem {
    Missing,
    TooLong,
    /// Bidirectional overrides or zero-width characters, which make a name
    /// display as something other than what it holds.
    HiddenFormatting,
}

impl PersonName {
    pub const MAX_LENGTH: usize = 200;

    /// Runs of whitespace (line breaks included) become one space, so a
    /// name reads the same on a page, in a mail and in the register. Every
    /// rule on the characters of a name belongs here.
    pub fn parse(input: &str) -> Result<Self, NameProblem> {
        let name = input.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            Err(NameProblem::Missing)
        } else if name.chars().count() > Self::MAX_LENGTH {
            Err(NameProblem::TooLong)
        } else if has_hidden_formatting(&name) {
            Err(NameProblem::HiddenFormatting)
        } else {
            Ok(Self(name))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_one_trimmed_line() {
        assert_eq!(
            PersonName::parse("  Ana \t Lima\n").unwrap().as_str(),
            "Ana Lima"
        );
        assert_eq!(PersonName::parse("Ø").unwrap().as_str(), "Ø");
    }

    #[test]
    fn names_have_1_to_200_characters() {
        assert_eq!(PersonName::parse(""), Err(NameProblem::Missing));
        assert_eq!(PersonName::parse(" \n\t "), Err(NameProblem::Missing));
        let longest = "é".repeat(200);
        assert_eq!(PersonName::parse(&longest).unwrap().as_str(), longest);
        assert_eq!(
            PersonName::parse(&"é".repeat(201)),
            Err(NameProblem::TooLong)
        );
        assert_eq!(
            PersonName::parse("Ana\u{202E}Lima"),
            Err(NameProblem::HiddenFormatting)
        );
    }
}
