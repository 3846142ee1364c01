//! Passwords: argon2id with the crate's recommended parameters, stored as a
//! PHC string that carries its own salt and parameters.

use crate::i18n::Msg;
use argon2::{Argon2, PasswordHasher, PasswordVerifier};

pub const MIN_LENGTH: usize = 12;
pub const MAX_LENGTH: usize = 256;

/// Why a new password is refused, in words for the person choosing it.
pub fn check_new(password: &str, confirmation: &str) -> Result<(), Msg> {
    let length = password.chars().count();
    if length < MIN_LENGTH {
        Err(Msg::new("form-password-too-short"))
    } else if length > MAX_LENGTH {
        Err(Msg::new("form-password-too-long"))
    } else if password != confirmation {
        Err(Msg::new("form-password-differ"))
    } else {
        Ok(())
    }
}

pub fn hash(password: &str) -> String {
    Argon2::default()
        .hash_password(password.as_bytes())
        .expect("argon2id with default parameters accepts any password up to MAX_LENGTH")
        .to_string()
}

/// Constant-time check of a password against a stored hash; a malformed
/// hash never matches.
pub fn verify(password: &str, stored: &str) -> bool {
    Argon2::default()
        .verify_password(password.as_bytes(), stored)
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_is_argon2id_and_verifies_only_its_password() {
        let stored = hash("correct horse battery");
        assert!(stored.starts_with("$argon2id$"), "{stored}");
        assert!(verify("correct horse battery", &stored));
        assert!(!verify("correct horse batterY", &stored));
        assert!(!verify("anything", "not a hash"));
    }

    #[test]
    fn new_passwords_are_checked() {
        assert!(check_new("short", "short").is_err());
        assert!(check_new("long enough pass", "long enough pasS").is_err());
        assert!(check_new("long enough pass", "long enough pass").is_ok());
    }
}
