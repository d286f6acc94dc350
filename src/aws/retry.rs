//! The bridge's retries: the SDK's standard strategy, with no wait between attempts.
//!
//! The SDK waits between attempts with its `AsyncSleep`: a random share of one second before the
//! first retry, doubling after each, on the wall clock. Against the in-process engine the wait
//! protects nothing, and it made a test of one throttled call take from 43 to 824 ms. So the
//! bridge's retry configuration starts the backoff at zero, and its sleep returns at once for a
//! zero wait; every other wait (timeouts, a backoff a test configures) still runs on tokio's timer.

use std::time::Duration;

use aws_sdk_dynamodb::config::retry::RetryConfig;
use aws_sdk_dynamodb::config::{AsyncSleep, Sleep};

/// The retry configuration of the bridge's clients: the SDK's standard one (the same attempts, the
/// same errors retried), with a backoff of zero, so retries follow each other at once.
///
/// Change it from here rather than from `RetryConfig::standard()`, which brings the SDK's
/// one-second backoff back:
///
/// ```
/// let engine = ddbmock::Engine::memory();
/// let config = ddbmock::aws::config(&engine)
///     .to_builder()
///     .retry_config(ddbmock::aws::retry_config().with_max_attempts(5))
///     .build();
/// let retry = config.retry_config().unwrap();
/// assert_eq!((retry.max_attempts(), retry.initial_backoff()), (5, std::time::Duration::ZERO));
/// ```
pub fn retry_config() -> RetryConfig {
    RetryConfig::standard().with_initial_backoff(Duration::ZERO)
}

/// The bridge's `AsyncSleep`: tokio's, except that a zero wait returns at once. Tokio rounds every
/// wait up to its timer's next millisecond tick, so a zero-length tokio sleep would still cost a
/// millisecond or more per retry.
#[derive(Debug, Default)]
pub(super) struct NoZeroWait;

impl AsyncSleep for NoZeroWait {
    fn sleep(&self, duration: Duration) -> Sleep {
        if duration.is_zero() {
            Sleep::new(std::future::ready(()))
        } else {
            Sleep::new(tokio::time::sleep(duration))
        }
    }
}
