//! Rules of the process and validated types; no I/O.

pub mod access;
pub mod email;
pub mod fields;
pub mod lifecycle;
pub mod markdown;
pub mod password;
pub mod submission;
