//! Keyed hashes: a value (an address, an e-mail, a subscription) turned
//! into a digest only the holder of the instance's secret can produce, for
//! counting attempts without storing who made them and for links whose MAC
//! is their credential.

use hmac::{Hmac, Mac};

/// The keyed hash of `value`; `purpose` keeps the hashes of different uses
/// apart.
pub fn keyed_hash(secret: &[u8; 32], purpose: &str, value: &str) -> String {
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret).expect("HMAC takes any key length");
    mac.update(purpose.as_bytes());
    mac.update(b":");
    mac.update(value.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}
