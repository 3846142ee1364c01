//! The integration suite: one binary, shared helpers in `support`.
mod harness;
mod support;
