//! The integration suite: one binary, shared helpers in `support`. Every
//! test that touches a database runs on SQLite and on PostgreSQL.
mod support;

mod access;
mod accounts;
mod admin;
mod browser;
mod browser_register;
mod browser_submission;
mod browser_workspace;
mod cli;
mod consensus;
mod database;
mod demo;
mod harness;
mod mail;
mod ops;
mod queue;
mod register;
mod setup;
mod shell;
mod submission;
mod subscriptions;
mod workspace;
