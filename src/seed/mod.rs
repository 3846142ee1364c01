//! What `clarion seed` writes: the registry of standards and groups, the
//! organisations that nominate members, the demo, and synthetic data for
//! load tests.

pub mod demo;
pub mod organisations;
pub mod registry;
pub mod synthetic;
