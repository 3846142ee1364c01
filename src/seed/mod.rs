//! What `clarion seed` writes: the registry of standards and groups, the
//! demo, and synthetic data for load tests.

pub mod demo;
pub mod registry;
pub mod synthetic;
