//! Work nobody asks for: run by the worker on every pass, so each job is a
//! cheap indexed query when there is nothing to do.

use crate::db::DbConn;
use crate::models::{appeals, rate, requests, sessions, stats};
use crate::workflow::accounts::IDLE_TIMEOUT;
use crate::workflow::accounts::{LOGIN_WINDOW, RESET_WINDOW};
use crate::workflow::{Ctx, consultations, endorsements, rounds, submitter, subscriptions};

pub fn run_due(conn: &mut DbConn, ctx: &Ctx, retention_days: u32) -> Result<(), String> {
    let now = ctx.now;
    let erased = submitter::erase_unconfirmed(conn, now).map_err(|e| e.to_string())?;
    if erased > 0 {
        tracing::info!(count = erased, "erased requests never confirmed");
    }
    subscriptions::erase_unconfirmed(conn, now).map_err(|e| e.to_string())?;
    let expired = submitter::expire_unanswered(conn, ctx).map_err(|e| e.to_string())?;
    let reminded = rounds::send_reminders(conn, ctx).map_err(|e| e.to_string())?;
    let confirmed = rounds::confirm_decisions(conn, ctx).map_err(|e| e.to_string())?;
    // Expiry first: a sponsor past both limits is not reminded too.
    let lapsed = endorsements::expire(conn, ctx).map_err(|e| e.to_string())?;
    let nudged = endorsements::send_reminders(conn, ctx).map_err(|e| e.to_string())?;
    let liaisons = consultations::send_reminders(conn, ctx).map_err(|e| e.to_string())?;
    if liaisons > 0 {
        tracing::info!(count = liaisons, "reminded liaisons that have not answered");
    }
    if lapsed + nudged > 0 {
        tracing::info!(
            lapsed,
            nudged,
            "closed requests their sponsors did not endorse in time and reminded sponsors"
        );
    }
    if expired + reminded + confirmed > 0 {
        tracing::info!(
            expired,
            reminded,
            confirmed,
            "closed unanswered requests, reminded voters and confirmed decisions nobody objected to"
        );
    }
    let retention = chrono::TimeDelta::days(i64::from(retention_days));
    let erased =
        requests::erase_personal_data(conn, now - retention, now).map_err(|e| e.to_string())?;
    let appellants =
        appeals::erase_appellants(conn, now - retention, now).map_err(|e| e.to_string())?;
    if erased + appellants > 0 {
        tracing::info!(
            requests = erased,
            appellants,
            "erased the personal data of requests and appeals past their retention"
        );
    }
    sessions::purge_idle(conn, now - IDLE_TIMEOUT).map_err(|e| e.to_string())?;
    // Attempts older than the longest throttle window count for nothing.
    let oldest_needed = now
        - LOGIN_WINDOW
            .max(RESET_WINDOW)
            .max(chrono::TimeDelta::hours(1));
    rate::purge_before(conn, oldest_needed).map_err(|e| e.to_string())?;
    if stats::refresh(conn, now).map_err(|e| e.to_string())? {
        tracing::info!("computed the statistics");
    }
    Ok(())
}
