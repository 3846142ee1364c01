//! The integration suite: one binary, shared helpers in `support`. Every
//! test that touches a database runs on SQLite and on PostgreSQL.
mod support;

mod access;
mod accounts;
mod admin;
mod backup;
mod browser;
mod browser_register;
mod browser_submission;
mod browser_workspace;
mod cli;
mod consensus;
mod crash;
mod database;
mod demo;
mod harness;
mod hostile;
mod mail;
mod open_data;
mod ops;
mod outage;
mod queue;
mod register;
mod resilience;
mod routes;
mod scale_out;
mod security;
mod setup;
mod shell;
mod stats;
mod submission;
mod subscriptions;
mod transfer;
mod workspace;
