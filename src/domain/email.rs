//! An e-mail address that has been checked.

use std::str::FromStr;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub const MAX_LENGTH: usize = 254;

    /// Trims, checks the syntax (RFC 5321/5322 as lettre reads it) and
    /// lower-cases the address; the message says what to do.
    pub fn parse(input: &str) -> Result<Self, &'static str> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err("Enter your e-mail address.");
        }
        if trimmed.len() > Self::MAX_LENGTH {
            return Err("Enter an e-mail address of at most 254 characters.");
        }
        let address = lettre::Address::from_str(trimmed)
            .map_err(|_| "Enter an e-mail address in the form name@example.org.")?;
        if !address.domain().contains('.') && address.domain() != "localhost" {
            return Err("Enter an e-mail address in the form name@example.org.");
        }
        Ok(Self(trimmed.to_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::EmailAddress;

    #[test]
    fn addresses_are_checked_and_normalised() {
        assert_eq!(
            EmailAddress::parse(" Ann@Example.ORG ").unwrap().as_str(),
            "ann@example.org"
        );
        for bad in [
            "",
            "ann",
            "ann@",
            "@example.org",
            "ann@example",
            "a b@example.org",
        ] {
            assert!(EmailAddress::parse(bad).is_err(), "{bad:?}");
        }
        let long = format!("{}@example.org", "a".repeat(250));
        assert!(EmailAddress::parse(&long).is_err());
    }
}
