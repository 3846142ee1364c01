//! Work nobody asks for: run by the worker on every pass, so each job is a
//! cheap indexed query when there is nothing to do.

use chrono::NaiveDateTime;

use crate::db::DbConn;
use crate::workflow::submitter;

pub fn run_due(conn: &mut DbConn, now: NaiveDateTime) -> Result<(), String> {
    let erased = submitter::erase_unconfirmed(conn, now).map_err(|e| e.to_string())?;
    if erased > 0 {
        tracing::info!(count = erased, "erased requests never confirmed");
    }
    Ok(())
}
