//! Request bodies: read whole (DynamoDB bodies are small and always buffered), at most 16 MB; and
//! the rest of a refused body read and discarded, so that its client sees the answer.
//!
//! Reading is bounded by [`Limits`](crate::Limits): a deadline for the whole body, a minimum average
//! rate once a grace period has passed, and a budget of bytes shared by every body being buffered.
//! A body reserves its declared length from the budget before its first byte is read (more as it
//! goes when it has none, or sends more than it declared), and gives it back when the request is
//! answered. Shutdown abandons bodies still arriving.

use std::sync::Arc;

use bytes::{Bytes, BytesMut};
use http_body_util::BodyExt;
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};
use tokio::time::Instant;

use ddbmock_core::protocol::MAX_REQUEST_BYTES;

use crate::Limits;

/// A request body as the server reads it: a connection's (`hyper::body::Incoming`), or one
/// already in memory ([`crate::InProcess`]).
pub(crate) trait RequestBody: hyper::body::Body<Data = Bytes> + Unpin {}

impl<B: hyper::body::Body<Data = Bytes> + Unpin> RequestBody for B {}

/// How often a body still arriving is checked against the minimum rate.
const RATE_CHECK: std::time::Duration = std::time::Duration::from_millis(250);

/// Why a body could not be read.
#[derive(Debug)]
pub(crate) enum BodyError {
    /// Over DynamoDB's 16 MB, sent or decompressed.
    TooLarge,
    /// The connection failed while reading.
    Io,
    /// Past the deadline, or slower than the minimum rate.
    TimedOut,
    /// No room in the budget in time.
    Busy,
    /// The server is shutting down.
    Closing,
}

/// A body read whole, and its share of the budget (given back on drop).
pub(crate) struct Buffered {
    pub(crate) bytes: Bytes,
    _share: OwnedSemaphorePermit,
}

/// What bounds a read.
pub(crate) struct Bounds<'a> {
    pub(crate) limits: &'a Limits,
    pub(crate) budget: &'a Arc<Semaphore>,
    pub(crate) closing: watch::Receiver<bool>,
}

/// Reads `body` whole within `bounds`, refusing more than [`MAX_REQUEST_BYTES`]; `declared` is
/// its `Content-Length`, if any.
pub(crate) async fn read(
    body: &mut impl RequestBody,
    declared: Option<u64>,
    mut bounds: Bounds<'_>,
) -> Result<Buffered, BodyError> {
    let pace = Pace::new(bounds.limits);
    // The caller refused declarations over the maximum, so this fits.
    let declared = declared.map(|n| n.min(MAX_REQUEST_BYTES as u64) as usize);
    let mut reserved = declared.unwrap_or(0);
    let mut share = reserve(bounds.budget, reserved, bounds.limits, &mut bounds.closing).await?;
    // Capacity that is reserved but not yet written costs address space, not resident memory.
    let mut buffer = BytesMut::with_capacity(reserved);
    let timer = tokio::time::sleep_until(pace.first());
    tokio::pin!(timer);
    loop {
        let data = tokio::select! {
            // Data first: a body already in must not lose to a deadline or a shutdown that
            // happen to be ready in the same poll.
            biased;
            frame = body.frame() => match frame {
                None => break,
                Some(Err(_)) => return Err(BodyError::Io),
                Some(Ok(frame)) => match frame.into_data() {
                    Ok(data) => data,
                    Err(_) => continue,
                },
            },
            () = &mut timer => match pace.next(buffer.len(), declared, bounds.limits) {
                Some(next) => {
                    timer.as_mut().reset(next);
                    continue;
                }
                None => return Err(BodyError::TimedOut),
            },
            _ = bounds.closing.wait_for(|closing| *closing) => return Err(BodyError::Closing),
        };
        let total = buffer.len() + data.len();
        if total > MAX_REQUEST_BYTES {
            return Err(BodyError::TooLarge);
        }
        if total > reserved {
            // Chunked, or more than declared: reserve as it comes, in steps of at least 64 KiB so
            // that a trickle does not take the semaphore per byte.
            let more = (total - reserved)
                .max(64 * 1024)
                .min(MAX_REQUEST_BYTES - reserved);
            let extra = reserve(bounds.budget, more, bounds.limits, &mut bounds.closing).await?;
            share.merge(extra);
            reserved += more;
        }
        buffer.extend_from_slice(&data);
    }
    Ok(Buffered {
        bytes: buffer.freeze(),
        _share: share,
    })
}

/// Reads and discards the rest of `body`, within the body deadline and the minimum rate (counted
/// from now) and until shutdown begins.
///
/// A request refused before its body is read (over 16 MB, or headers DynamoDB will not take) is
/// answered only after this: a server that answers and closes while the client is still sending
/// resets the connection, and the client sees a broken pipe instead of the answer. Nothing is
/// buffered, so draining costs time, not memory; what is not drained when a bound is hit is left
/// to the closing connection.
pub(crate) async fn drain(
    body: &mut impl RequestBody,
    limits: &Limits,
    mut closing: watch::Receiver<bool>,
) {
    let pace = Pace::new(limits);
    let timer = tokio::time::sleep_until(pace.first());
    tokio::pin!(timer);
    let mut received = 0usize;
    loop {
        tokio::select! {
            biased;
            frame = body.frame() => match frame {
                Some(Ok(frame)) => {
                    if let Some(data) = frame.data_ref() {
                        received = received.saturating_add(data.len());
                    }
                }
                None | Some(Err(_)) => return,
            },
            () = &mut timer => match pace.next(received, None, limits) {
                Some(next) => timer.as_mut().reset(next),
                None => return,
            },
            _ = closing.wait_for(|closing| *closing) => return,
        }
    }
}

/// The clock of one body: its deadline, and the rate checks every [`RATE_CHECK`] before it.
///
/// Why one timer for both rather than a deadline and an interval: a body nearly always arrives in
/// the poll after the one that finds it pending (the connection hands it over), so each timer is
/// registered and removed again unused, per request; one timer halves that, and an interval also
/// allocated.
struct Pace {
    started: Instant,
    deadline: Instant,
}

impl Pace {
    fn new(limits: &Limits) -> Self {
        let started = Instant::now();
        Pace {
            started,
            deadline: started + limits.body_timeout,
        }
    }

    /// The first wake-up: the first rate check, or the deadline if that comes first.
    fn first(&self) -> Instant {
        (self.started + RATE_CHECK).min(self.deadline)
    }

    /// At a wake-up with `received` bytes in: the next wake-up, or `None` when the body is late
    /// (past its deadline, or under the minimum rate).
    fn next(&self, received: usize, declared: Option<usize>, limits: &Limits) -> Option<Instant> {
        let now = Instant::now();
        if now >= self.deadline || too_slow(received, declared, now - self.started, limits) {
            return None;
        }
        Some((now + RATE_CHECK).min(self.deadline))
    }
}

/// Whether `received` bytes after `elapsed` is under the minimum rate. Never before the grace
/// period, and never asking for more than was declared.
fn too_slow(
    received: usize,
    declared: Option<usize>,
    elapsed: std::time::Duration,
    limits: &Limits,
) -> bool {
    let Some(late) = elapsed.checked_sub(limits.rate_grace) else {
        return false;
    };
    let wanted = (limits.body_min_rate as f64 * late.as_secs_f64()) as usize;
    received < declared.map_or(wanted, |n| wanted.min(n))
}

/// `bytes` of the budget, waiting at most `limits.budget_wait`.
async fn reserve(
    budget: &Arc<Semaphore>,
    bytes: usize,
    limits: &Limits,
    closing: &mut watch::Receiver<bool>,
) -> Result<OwnedSemaphorePermit, BodyError> {
    let bytes = u32::try_from(bytes).map_err(|_| BodyError::TooLarge)?;
    // Nearly always the budget has room: take it without arming a timer and a shutdown watch
    // (a timer entry and a notification list each, about 800 instructions a request).
    if !*closing.borrow()
        && let Ok(permit) = Arc::clone(budget).try_acquire_many_owned(bytes)
    {
        return Ok(permit);
    }
    tokio::select! {
        acquired = tokio::time::timeout(limits.budget_wait, Arc::clone(budget).acquire_many_owned(bytes)) => match acquired {
            Ok(Ok(permit)) => Ok(permit),
            _ => Err(BodyError::Busy),
        },
        _ = closing.wait_for(|closing| *closing) => Err(BodyError::Closing),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_timer_wakes_for_each_rate_check_and_at_the_deadline() {
        let limits = Limits {
            body_timeout: std::time::Duration::from_millis(600),
            ..Limits::default()
        };
        let pace = Pace::new(&limits);
        assert_eq!(pace.first(), pace.started + RATE_CHECK);
        let next = pace
            .next(0, None, &limits)
            .expect("in time, within the grace");
        assert!(next >= pace.started + RATE_CHECK && next <= pace.deadline);
        let short = Limits {
            body_timeout: std::time::Duration::from_millis(100),
            ..Limits::default()
        };
        let pace = Pace::new(&short);
        assert_eq!(pace.first(), pace.deadline);
        std::thread::sleep(std::time::Duration::from_millis(110));
        assert_eq!(pace.next(0, None, &short), None);
    }

    #[test]
    fn the_minimum_rate_starts_after_the_grace_and_asks_no_more_than_declared() {
        let limits = Limits {
            body_min_rate: 1000,
            rate_grace: std::time::Duration::from_secs(2),
            ..Limits::default()
        };
        let secs = std::time::Duration::from_secs_f64;
        assert!(!too_slow(0, None, secs(1.9), &limits));
        assert!(too_slow(0, None, secs(2.5), &limits));
        assert!(!too_slow(500, None, secs(2.5), &limits));
        assert!(too_slow(499, None, secs(2.5), &limits));
        // A 100-byte body is on time once its 100 bytes are in, however late.
        assert!(!too_slow(100, Some(100), secs(60.0), &limits));
        assert!(too_slow(99, Some(100), secs(60.0), &limits));
    }
}
