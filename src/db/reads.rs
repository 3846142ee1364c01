//! Short PostgreSQL reads sent from the worker that serves the request,
//! without a thread to wait for the answer.
//!
//! Diesel's connections block, so a read normally runs on the blocking
//! pool: the worker hands it over and is woken when it is done. For a
//! search, those two hand-overs cost more than the query itself. Here each
//! worker keeps one connection of its own, which sends its queries as they
//! come and lets the worker serve other requests until the answer is in;
//! queries of one worker sent together are pipelined on it.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use diesel::{ConnectionError, ConnectionResult};
use diesel_async::{AsyncConnection, AsyncPgConnection};

thread_local! {
    static HELD: RefCell<Option<Rc<AsyncPgConnection>>> = const { RefCell::new(None) };
}

/// This worker's connection to the database at `url`, opened at first use
/// (and after a failure, see [`forget`]) within `timeout`, as long as the
/// pool waits for one.
pub async fn connection(url: &str, timeout: Duration) -> ConnectionResult<Rc<AsyncPgConnection>> {
    if let Some(held) = HELD.with_borrow(Clone::clone) {
        return Ok(held);
    }
    let opened = tokio::time::timeout(timeout, AsyncPgConnection::establish(url))
        .await
        .map_err(|_| ConnectionError::BadConnection(format!("no answer within {timeout:?}")))??;
    let opened = Rc::new(opened);
    // Two requests may have opened one each meanwhile; the first stays.
    Ok(HELD.with_borrow_mut(|held| held.get_or_insert(opened).clone()))
}

/// Drops this worker's connection after a failed read, so that the next one
/// opens another rather than try a broken one again.
pub fn forget() {
    HELD.with_borrow_mut(|held| *held = None);
}
