//! Waiting for what happens in the background (mail arriving, a worker's
//! pass, a server coming back) without putting timings in the tests.

use std::future::Future;
use std::time::Duration;

use tokio::time::Instant;

/// How long something the application does in the background may take on
/// a machine busy with the rest of the suite: generous, since only a
/// failing test waits that long.
pub const BOUND: Duration = Duration::from_secs(20);

const POLL: Duration = Duration::from_millis(25);

/// Polls `check` until it gives `Ok`, and returns that value; after `bound`,
/// panics with the reason `check` last gave for "not yet".
///
/// ```ignore
/// let link = eventually(BOUND, || async {
///     app.mail.to(address).iter().flat_map(|m| m.links()).next()
///         .ok_or(format!("no link mailed to {address}"))
/// }).await;
/// ```
pub async fn eventually<T, F, Fut>(bound: Duration, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, String>>,
{
    let give_up = Instant::now() + bound;
    loop {
        match check().await {
            Ok(value) => return value,
            Err(why) if Instant::now() >= give_up => panic!("not within {bound:?}: {why}"),
            Err(_) => tokio::time::sleep(POLL).await,
        }
    }
}
