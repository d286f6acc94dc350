//! Closing idle connections: a keep-alive connection with no request for [`Limits::idle_timeout`],
//! and one whose request headers take that long.
//!
//! Why not hyper's `header_read_timeout`, which did this before: hyper arms it for every request
//! head it reads, so each request registered a timer entry, polled it and removed it again (about
//! 800 instructions of a 39,000-instruction GetItem). Here each connection has one timer that
//! ticks a few times per timeout, and a request costs two counter increments.
//!
//! [`Limits::idle_timeout`]: crate::Limits::idle_timeout

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::time::Duration;

use tokio::time::MissedTickBehavior;

/// Checks per timeout: an idle connection is closed between one timeout and one and a quarter after
/// its last answer (or its opening).
const CHECKS: u32 = 4;

/// What one connection's requests have done: counted as the service takes and answers them, read by
/// [`expired`].
#[derive(Default)]
pub(crate) struct Activity {
    /// Requests whose heads were complete, so that hyper called the service.
    begun: AtomicU64,
    /// Requests the service has answered (or that were dropped unanswered).
    answered: AtomicU64,
}

impl Activity {
    /// Counts a request begun; the guard counts it answered when dropped.
    pub(crate) fn begin(self: &Arc<Self>) -> Answered {
        self.begun.fetch_add(1, Relaxed);
        Answered(Arc::clone(self))
    }
}

/// Counts its request answered when dropped.
pub(crate) struct Answered(Arc<Activity>);

impl Drop for Answered {
    fn drop(&mut self) {
        self.0.answered.fetch_add(1, Relaxed);
    }
}

/// Completes once the connection has been idle for `timeout`: over [`CHECKS`] checks in a row,
/// `timeout / CHECKS` apart, no request was in flight and none began. Headers still arriving
/// are no request yet, so a client that takes the timeout to send them is closed too.
pub(crate) async fn expired(activity: &Activity, timeout: Duration) {
    let step = (timeout / CHECKS).max(Duration::from_millis(1));
    let mut ticks = tokio::time::interval_at(tokio::time::Instant::now() + step, step);
    ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);
    let (mut seen, mut quiet) = (0, 0);
    loop {
        ticks.tick().await;
        let begun = activity.begun.load(Relaxed);
        let idle = begun == seen && begun == activity.answered.load(Relaxed);
        quiet = if idle { quiet + 1 } else { 0 };
        if quiet >= CHECKS {
            return;
        }
        seen = begun;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_connection_is_idle_after_the_timeout_with_nothing_in_flight() {
        let timeout = Duration::from_secs(8);
        let activity = Arc::new(Activity::default());
        let started = tokio::time::Instant::now();
        expired(&activity, timeout).await;
        assert_eq!(started.elapsed(), timeout);

        // A request in flight keeps it open, however long it takes.
        let answered = activity.begin();
        let waited = tokio::time::timeout(timeout * 3, expired(&activity, timeout)).await;
        assert!(waited.is_err());
        // Answered: idle again a timeout (to a quarter more) later.
        drop(answered);
        let started = tokio::time::Instant::now();
        expired(&activity, timeout).await;
        assert!(started.elapsed() >= timeout && started.elapsed() <= timeout * 5 / 4);
    }
}
