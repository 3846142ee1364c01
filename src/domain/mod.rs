//! Rules of the process and validated types; no I/O.

pub mod email;
pub mod password;
