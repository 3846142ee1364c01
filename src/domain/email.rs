//! An e-mail address that has been checked.

use crate::i18n::Msg;
use std::str::FromStr;

use lettre::message::Mailbox;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub const MAX_LENGTH: usize = 254;

    /// Trims, lower-cases and checks the address; the message says what to
    /// do. An address is accepted only if the mail transport reads it back
    /// as the same address ([`recipient`]): lettre's `Address` alone takes
    /// forms such as `"a b"@example.org` or `a@[127.0.0.1]` that the
    /// message builder then refuses, and a request whose confirmation can
    /// never be sent could never be confirmed.
    pub fn parse(input: &str) -> Result<Self, Msg> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(Msg::new("form-email-missing"));
        }
        if trimmed.len() > Self::MAX_LENGTH {
            return Err(Msg::new("form-email-too-long"));
        }
        let address = trimmed.to_lowercase();
        let mailable = recipient(&address)
            .is_ok_and(|mailbox| mailbox.name.is_none() && mailbox.email.to_string() == address);
        // Our own rule besides: a domain of the internet, not a host name
        // of someone's network.
        let internet = address
            .rsplit_once('@')
            .is_some_and(|(_, domain)| domain.contains('.') || domain == "localhost");
        if !mailable || !internet {
            return Err(Msg::new("form-email-invalid"));
        }
        Ok(Self(address))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A stored address as the mail transport reads it for the `To` header and
/// the envelope.
pub fn recipient(address: &str) -> Result<Mailbox, lettre::address::AddressError> {
    Mailbox::from_str(address)
}

#[cfg(test)]
mod tests {
    use super::{EmailAddress, recipient};

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
            "Ann <ann@example.org>",
        ] {
            assert!(EmailAddress::parse(bad).is_err(), "{bad:?}");
        }
        let long = format!("{}@example.org", "a".repeat(250));
        assert!(EmailAddress::parse(&long).is_err());
    }

    #[test]
    fn only_addresses_the_transport_can_send_to_are_accepted() {
        // lettre's Address takes these; its message builder does not.
        for unsendable in [
            "\"a b\"@example.org",
            "a@[127.0.0.1]",
            "\"ann\"@example.org",
        ] {
            assert!(unsendable.parse::<lettre::Address>().is_ok());
            assert!(
                EmailAddress::parse(unsendable).is_err(),
                "{unsendable:?} would fail in the transport forever"
            );
        }
        for fine in ["a.b+tag@example.org", "o'brien@example.ie", "ann@localhost"] {
            let address = EmailAddress::parse(fine).unwrap();
            let mailbox = recipient(address.as_str()).unwrap();
            assert_eq!(mailbox.email.to_string(), fine, "sent to as typed");
        }
    }
}
