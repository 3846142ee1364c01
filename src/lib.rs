//! Clarion: the clarification process for standards, as a library so that
//! the binary and the tests drive the same application.

pub mod allocator;
pub mod assets;
pub mod cli;
pub mod clock;
pub mod config;
pub mod db;
pub mod documents;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod mail;
pub mod models;
pub mod routes;
pub mod search;
pub mod seed;
pub mod site;
pub mod startup;
pub mod telemetry;
pub mod transfer;
pub mod web;
pub mod worker;
pub mod workflow;
