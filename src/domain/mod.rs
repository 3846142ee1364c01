//! Rules of the process and validated types; no I/O.

pub mod email;
pub mod fields;
pub mod lifecycle;
pub mod password;
pub mod submission;
