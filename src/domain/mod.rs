//! Rules of the process and validated types; no I/O.

pub mod access;
pub mod appeal;
pub mod charts;
pub mod clauses;
pub mod conflicts;
pub mod consensus;
pub mod consultation;
pub mod email;
pub mod excerpt;
pub mod fields;
pub mod follow_up;
pub mod intake;
pub mod keyed;
pub mod lifecycle;
pub mod markdown;
pub mod meeting;
pub mod nomination;
pub mod paging;
pub mod password;
pub mod person;
pub mod request_list;
pub mod search;
mod stored;
pub mod submission;
pub mod webhook;
pub mod wording;
