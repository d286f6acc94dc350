//! The service's retry policy: throttling and internal errors are retried with exponential backoff,
//! everything else is returned at once.

use std::future::Future;
use std::time::Duration;

use ddbmock::Error;

/// How many times to try, and the first backoff (doubled after each failure).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Retry {
    /// Attempts in all, the first included.
    pub(crate) attempts: u32,
    /// The delay before the first retry.
    pub(crate) base_delay: Duration,
}

impl Default for Retry {
    fn default() -> Self {
        Retry {
            attempts: 4,
            base_delay: Duration::from_millis(1),
        }
    }
}

/// Whether DynamoDB asks the caller to try again.
pub(crate) fn retryable(e: &Error) -> bool {
    e.is_throttling() || matches!(e, Error::InternalServerError(_))
}

impl Retry {
    /// The delay before attempt `attempt` (from 1 for the first retry).
    pub(crate) fn delay(&self, attempt: u32) -> Duration {
        self.base_delay * 2u32.saturating_pow(attempt.saturating_sub(1))
    }

    /// Runs `op` until it succeeds, fails with an error that is not retryable, or runs out of attempts.
    pub(crate) async fn run<T, F, Fut>(&self, mut op: F) -> Result<T, Error>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, Error>>,
    {
        let mut attempt = 1;
        loop {
            match op().await {
                Err(e) if retryable(&e) && attempt < self.attempts => {
                    tokio::time::sleep(self.delay(attempt)).await;
                    attempt += 1;
                }
                other => return other,
            }
        }
    }
}
