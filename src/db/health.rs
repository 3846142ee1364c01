//! Whether the database can serve: which errors mean it cannot right now,
//! which pooled connections to doubt after a connection was lost, and
//! whether the last write failed.
//!
//! Every pooled connection reports its queries here (a diesel
//! instrumentation), and the pool reports which connections it opens,
//! hands out and closes (an r2d2 event handler). A lost connection makes
//! every connection open at that moment doubtful: each is tried with a
//! `SELECT 1` when next handed out, so that a database restart costs the
//! request that found the first broken connection rather than one request
//! per pooled connection. Nothing is tried while nothing is in doubt.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use diesel::connection::{Instrumentation, InstrumentationEvent};
use diesel::r2d2::HandleEvent;
use diesel::r2d2::event::{AcquireEvent, CheckoutEvent, ReleaseEvent};
use diesel::result::{DatabaseErrorKind, Error};

/// What an error says when the database cannot serve right now: SQLite's
/// messages for SQLITE_BUSY and SQLITE_LOCKED (past the busy timeout),
/// SQLITE_FULL, SQLITE_READONLY, SQLITE_IOERR and SQLITE_CANTOPEN;
/// PostgreSQL's for a full disk, which diesel gives no kind of its own;
/// and ours for a SQLite file deleted or replaced under the instance.
const UNAVAILABLE: [&str; 10] = [
    "database is locked",
    "database table is locked",
    "database schema is locked",
    "database or disk is full",
    "attempt to write a readonly database",
    "disk I/O error",
    "unable to open database file",
    "No space left on device",
    "could not extend file",
    FILE_LOST,
];

/// The message of the error a write gets once the SQLite file it would go
/// to is no longer the one at the database's path.
pub const FILE_LOST: &str = "the database file was deleted or replaced";

/// Whether `e` means the database cannot serve right now (unreachable, its
/// session ended, locked past the timeout, full, read-only, a failing
/// disk) rather than a mistake in a query or a rule the data broke: the
/// first is answered 503, "try again in a minute", the second 500.
pub fn is_unavailable(e: &Error) -> bool {
    match e {
        Error::DatabaseError(DatabaseErrorKind::ReadOnlyTransaction, _) => true,
        Error::DatabaseError(_, info) => {
            is_connection_lost(e) || UNAVAILABLE.iter().any(|text| info.message().contains(text))
        }
        Error::RollbackErrorOnCommit { commit_error, .. } => is_unavailable(commit_error),
        other => is_connection_lost(other),
    }
}

/// Whether the connection that gave `e` is gone (PostgreSQL restarted, the
/// session ended, the network cut); diesel then also marks it broken.
fn is_connection_lost(e: &Error) -> bool {
    matches!(
        e,
        Error::DatabaseError(
            DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
            _
        ) | Error::BrokenTransactionManager
    )
}

/// What one pool's connections have reported.
#[derive(Debug, Default)]
pub struct Health {
    /// Set by a failed write (or a query that found the database gone),
    /// cleared by the next commit.
    writes_failing: AtomicBool,
    /// Whether `doubts.doubted` is non-empty, read on every checkout.
    doubting: AtomicBool,
    doubts: Mutex<Doubts>,
}

#[derive(Debug, Default)]
struct Doubts {
    /// The pool's open connections, by r2d2's id.
    open: HashSet<u64>,
    /// Those not tried since a connection was lost.
    doubted: HashSet<u64>,
}

impl Health {
    /// Whether a write failed because the database could not serve, and
    /// none has been committed since.
    pub fn writes_failing(&self) -> bool {
        self.writes_failing.load(Ordering::Relaxed)
    }

    /// Whether connections handed out should be tried first.
    pub fn doubting(&self) -> bool {
        self.doubting.load(Ordering::Relaxed)
    }

    fn failed(&self, e: &Error) {
        if !is_unavailable(e) {
            return;
        }
        self.writes_failing.store(true, Ordering::Relaxed);
        if is_connection_lost(e) {
            let mut doubts = self.doubts();
            doubts.doubted = doubts.open.clone();
            self.doubting.store(true, Ordering::Relaxed);
        }
    }

    fn committed(&self) {
        if self.writes_failing() {
            self.writes_failing.store(false, Ordering::Relaxed);
            tracing::info!("the database takes writes again");
        }
    }

    fn doubts(&self) -> MutexGuard<'_, Doubts> {
        self.doubts
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn settle(&self, doubts: &Doubts) {
        self.doubting
            .store(!doubts.doubted.is_empty(), Ordering::Relaxed);
    }
}

/// The pool's side: which connections exist and which were tried.
#[derive(Debug)]
pub struct PoolEvents(pub Arc<Health>);

impl HandleEvent for PoolEvents {
    fn handle_acquire(&self, event: AcquireEvent) {
        self.0.doubts().open.insert(event.connection_id());
    }

    fn handle_release(&self, event: ReleaseEvent) {
        let mut doubts = self.0.doubts();
        doubts.open.remove(&event.connection_id());
        doubts.doubted.remove(&event.connection_id());
        self.0.settle(&doubts);
    }

    /// A connection handed out while doubting has just passed its try
    /// (r2d2 tries it before handing it out, and reports it after).
    fn handle_checkout(&self, event: CheckoutEvent) {
        if self.0.doubting() {
            let mut doubts = self.0.doubts();
            doubts.doubted.remove(&event.connection_id());
            self.0.settle(&doubts);
        }
    }
}

/// A connection's side: the outcome of its queries and commits.
pub struct Watch {
    health: Arc<Health>,
    /// Between a top-level COMMIT's start and its outcome.
    committing: bool,
}

impl Watch {
    pub fn new(health: Arc<Health>) -> Self {
        Self {
            health,
            committing: false,
        }
    }
}

impl Instrumentation for Watch {
    fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
        match event {
            InstrumentationEvent::CommitTransaction { depth, .. } => {
                self.committing = depth.get() == 1;
            }
            InstrumentationEvent::FinishQuery { error, .. } => {
                match error {
                    Some(e) => self.health.failed(e),
                    None if self.committing => self.health.committed(),
                    None => {}
                }
                self.committing = false;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(kind: DatabaseErrorKind, message: &str) -> Error {
        Error::DatabaseError(kind, Box::new(message.to_owned()))
    }

    #[test]
    fn outages_are_unavailable_and_mistakes_are_not() {
        for unavailable in [
            error(
                DatabaseErrorKind::ClosedConnection,
                "server closed the connection",
            ),
            error(
                DatabaseErrorKind::UnableToSendCommand,
                "no connection to the server",
            ),
            error(
                DatabaseErrorKind::ReadOnlyTransaction,
                "cannot execute INSERT",
            ),
            error(DatabaseErrorKind::Unknown, "database is locked"),
            error(DatabaseErrorKind::Unknown, "database or disk is full"),
            error(
                DatabaseErrorKind::Unknown,
                "could not extend file \"base/1/2\": No space left on device",
            ),
            Error::BrokenTransactionManager,
        ] {
            assert!(is_unavailable(&unavailable), "{unavailable:?}");
        }
        for mistake in [
            error(
                DatabaseErrorKind::UniqueViolation,
                "UNIQUE constraint failed",
            ),
            error(DatabaseErrorKind::Unknown, "no such table: nowhere"),
            Error::NotFound,
        ] {
            assert!(!is_unavailable(&mistake), "{mistake:?}");
        }
    }
}
