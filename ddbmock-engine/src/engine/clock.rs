//! The engine's clock: the only reader of system time, so tests can freeze and advance it.
//!
//! A manual clock also tells whoever listens when it moves: the engine registers its TTL sweeper
//! there, so `advance` and `set` run the sweeper deterministically before they return.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Weak};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use parking_lot::Mutex;

/// Something to run after a manual clock moved (the engine's TTL sweeper).
pub(crate) type Listener = dyn Fn() + Send + Sync;

/// Wall-clock time for the engine: the system's, or a manual one that moves only when told.
///
/// Cloning shares the clock, so advancing a clone advances the engine's.
#[derive(Clone, Default)]
pub struct Clock {
    /// `None` for the system clock.
    manual: Option<Arc<Manual>>,
}

struct Manual {
    /// Microseconds since the epoch.
    micros: AtomicI64,
    /// Weak, so a clock shared with a test never keeps a dropped engine's sweeper alive.
    listeners: Mutex<Vec<Weak<Listener>>>,
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.manual {
            None => f.write_str("Clock::system()"),
            Some(_) => write!(f, "Clock::manual({:?})", self.now()),
        }
    }
}

impl Clock {
    /// The system clock.
    pub fn system() -> Self {
        Clock { manual: None }
    }

    /// A manual clock stopped at `at`.
    pub fn manual(at: SystemTime) -> Self {
        Clock {
            manual: Some(Arc::new(Manual {
                micros: AtomicI64::new(micros(at)),
                listeners: Mutex::new(Vec::new()),
            })),
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
                let us = m.micros.load(Ordering::SeqCst);
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

    /// The current time in whole epoch microseconds (the manual clock's own unit).
    pub(crate) fn epoch_micros(&self) -> u64 {
        match &self.manual {
            None => u64::try_from(micros(SystemTime::now())).unwrap_or(0),
            Some(m) => u64::try_from(m.micros.load(Ordering::SeqCst)).unwrap_or(0),
        }
    }

    /// Moves a manual clock forward, then runs what listens to it (the TTL sweeper of each engine
    /// on this clock); a system clock ignores this and returns `false`.
    pub fn advance(&self, by: Duration) -> bool {
        match &self.manual {
            None => false,
            Some(m) => {
                let by = i64::try_from(by.as_micros()).unwrap_or(i64::MAX);
                m.micros.fetch_add(by, Ordering::SeqCst);
                m.notify();
                true
            }
        }
    }

    /// Sets a manual clock, then runs what listens to it; a system clock ignores this and returns
    /// `false`.
    pub fn set(&self, at: SystemTime) -> bool {
        match &self.manual {
            None => false,
            Some(m) => {
                m.micros.store(micros(at), Ordering::SeqCst);
                m.notify();
                true
            }
        }
    }

    /// Registers `listener` to run each time this manual clock moves; the clock keeps it only as
    /// long as someone else holds it. Returns `false` (and keeps nothing) on the system clock.
    pub(crate) fn listen(&self, listener: &Arc<Listener>) -> bool {
        match &self.manual {
            None => false,
            Some(m) => {
                let mut listeners = m.listeners.lock();
                listeners.retain(|l| l.strong_count() > 0);
                listeners.push(Arc::downgrade(listener));
                true
            }
        }
    }
}

impl Manual {
    fn notify(&self) {
        // Upgrade under the lock, run outside it: a listener may read the clock or register more.
        let live: Vec<Arc<Listener>> = self
            .listeners
            .lock()
            .iter()
            .filter_map(Weak::upgrade)
            .collect();
        for listener in live {
            listener();
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
    use std::sync::atomic::AtomicUsize;

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

    #[test]
    fn listeners_run_on_each_move_until_dropped() {
        let clock = Clock::manual(UNIX_EPOCH);
        let count = Arc::new(AtomicUsize::new(0));
        let c = count.clone();
        let listener: Arc<Listener> = Arc::new(move || {
            c.fetch_add(1, Ordering::SeqCst);
        });
        assert!(clock.listen(&listener));
        clock.advance(Duration::from_secs(1));
        clock.set(UNIX_EPOCH);
        assert_eq!(count.load(Ordering::SeqCst), 2);
        drop(listener);
        clock.advance(Duration::from_secs(1));
        assert_eq!(count.load(Ordering::SeqCst), 2);
        assert!(!Clock::system().listen(&(Arc::new(|| {}) as Arc<Listener>)));
    }
}
