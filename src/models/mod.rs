//! Rows, insert forms and queries. Functions take `&mut DbConn` and know
//! nothing of HTTP.

pub mod appeals;
pub mod comments;
pub mod committees;
pub mod conflicts;
pub mod consultations;
pub mod endorsements;
pub mod events;
pub mod follow_ups;
pub mod groups;
pub mod links;
pub mod meetings;
pub mod numbers;
pub mod organisations;
pub mod rate;
pub mod references;
pub mod register;
pub mod request_list;
pub mod requests;
pub mod rounds;
pub mod sessions;
pub mod settings;
pub mod standards;
pub mod stats;
pub mod subscriptions;
pub mod tokens;
pub mod translations;
pub mod users;
pub mod versions;
pub mod webhooks;
pub mod wording_edits;
