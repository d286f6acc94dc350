//! The engine's clock: the only reader of system time, so tests can freeze and advance it.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Wall-clock time for the engine: the system's, or a manual one that moves only when told.
///
/// Cloning shares the clock, so advancing a clone advances the engine's.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    /// Microseconds since the epoch when manual; `None` for the system clock.
    manual: Option<Arc<AtomicI64>>,
}

impl Clock {
    /// The system clock.
    pub fn system() -> Self {
        Clock { manual: None }
    }

    /// A manual clock stopped at `at`.
    pub fn manual(at: SystemTime) -> Self {
        Clock {
            manual: Some(Arc::new(AtomicI64::new(micros(at)))),
        }
    }

    /// Whether this clock moves only when told.
    pub fn is_manual(&self) -> bool {
        self.manual.is_some()
    }

    /// The current time.
    pub fn now(&self) -> SystemTime {
        match &self.manual {
            None => SystemTime::now(),
            Some(m) => {
                let us = m.load(Ordering::SeqCst);
                UNIX_EPOCH + Duration::from_micros(u64::try_from(us).unwrap_or(0))
            }
        }
    }

    /// The current time in epoch seconds with a fraction, as DynamoDB's timestamps are.
    pub fn epoch_seconds(&self) -> f64 {
        self.now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs_f64())
            .unwrap_or(0.0)
    }

    /// Moves a manual clock forward; a system clock ignores this and returns `false`.
    pub fn advance(&self, by: Duration) -> bool {
        match &self.manual {
            None => false,
            Some(m) => {
                let by = i64::try_from(by.as_micros()).unwrap_or(i64::MAX);
                m.fetch_add(by, Ordering::SeqCst);
                true
            }
        }
    }

    /// Sets a manual clock; a system clock ignores this and returns `false`.
    pub fn set(&self, at: SystemTime) -> bool {
        match &self.manual {
            None => false,
            Some(m) => {
                m.store(micros(at), Ordering::SeqCst);
                true
            }
        }
    }
}

fn micros(at: SystemTime) -> i64 {
    at.duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_micros()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_clock_moves_only_when_told() {
        let start = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let clock = Clock::manual(start);
        assert_eq!(clock.now(), start);
        assert!(clock.clone().advance(Duration::from_secs(5)));
        assert_eq!(clock.now(), start + Duration::from_secs(5));
        assert_eq!(clock.epoch_seconds(), 1_700_000_005.0);
        assert!(!Clock::system().advance(Duration::from_secs(1)));
    }
}
