//! The time-to-live sweeper: deletes items whose TTL attribute is in the past, as DynamoDB's
//! background process does.
//!
//! On a manual clock the sweeper runs inside `Clock::advance`/`Clock::set`, so a test sees expired
//! items gone as soon as it moved the clock. On the system clock a background thread sweeps every
//! `EngineConfig::ttl_sweep_interval`; it starts when a table first enables TTL (no thread, and no
//! async runtime, for engines that never do) and holds only a weak reference to the engine, so it
//! ends at its next wake-up after the last clone of the engine is dropped.

use std::collections::HashMap;
use std::ops::{Bound, ControlFlow};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Weak};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use parking_lot::Mutex;

use super::clock::Listener;
use super::table::Table;
use super::{Engine, Inner};
use ddbmock_core::error::Result;
use ddbmock_core::model::{AttributeValue, Item};

/// DynamoDB leaves alone items whose TTL is more than five years in the past (documented: such
/// values are taken for something other than an expiry time).
const FIVE_YEARS: f64 = 5.0 * 365.0 * 86_400.0;

/// The engine's TTL machinery.
pub(crate) struct TtlState {
    /// Runs a sweep when a manual clock moves; the clock holds it weakly.
    listener: Arc<Listener>,
    /// Whether the system-clock thread was started.
    thread_started: AtomicBool,
    /// When each table (by table id) last changed its TTL setting: DynamoDB refuses a second change
    /// within the hour.
    pub(crate) changed: Mutex<HashMap<String, SystemTime>>,
}

impl TtlState {
    /// The TTL state of the engine whose internals `inner` will point to.
    pub(crate) fn new(inner: Weak<Inner>) -> Self {
        let listener: Arc<Listener> = Arc::new(move || {
            if let Some(inner) = inner.upgrade() {
                // A failing sweep (a storage error) leaves the items for the next one, as DynamoDB's
                // best-effort deletion would.
                let _ = Engine { inner }.sweep_expired_items();
            }
        });
        TtlState {
            listener,
            thread_started: AtomicBool::new(false),
            changed: Mutex::new(HashMap::new()),
        }
    }
}

/// Whether `item` has expired under TTL attribute `attr` at `now` with deletion `delay` (seconds).
fn expired(item: &Item, attr: &str, now: f64, delay: f64) -> bool {
    let Some(AttributeValue::N(text)) = item.get(attr) else {
        return false;
    };
    let Ok(at) = text.parse::<f64>() else {
        return false;
    };
    at + delay < now && now - at <= FIVE_YEARS
}

fn ttl_attribute(table: &Table) -> Option<&str> {
    table
        .ttl
        .as_ref()
        .filter(|s| s.enabled == Some(true))
        .and_then(|s| s.attribute_name.as_deref())
}

impl Engine {
    /// Registers the sweeper with a manual clock, or starts the system-clock thread if a table
    /// already has TTL enabled. Called once the engine is assembled.
    pub(crate) fn start_ttl(&self) {
        let inner = &self.inner;
        if !inner.clock.listen(&inner.ttl.listener)
            && inner
                .tables
                .read()
                .values()
                .any(|t| ttl_attribute(t).is_some())
        {
            self.ensure_ttl_thread();
        }
    }

    /// Starts the system-clock sweeper thread, once per engine.
    pub(crate) fn ensure_ttl_thread(&self) {
        let inner = &self.inner;
        if inner.clock.is_manual() || inner.ttl.thread_started.swap(true, Ordering::SeqCst) {
            return;
        }
        let weak = Arc::downgrade(inner);
        let interval = inner
            .config
            .ttl_sweep_interval
            .max(Duration::from_millis(1));
        let spawned = std::thread::Builder::new()
            .name("ddbmock-ttl".to_owned())
            .spawn(move || {
                loop {
                    std::thread::sleep(interval);
                    let Some(inner) = weak.upgrade() else { break };
                    let _ = Engine { inner }.sweep_expired_items();
                }
            });
        if spawned.is_err() {
            // No thread: let a later UpdateTimeToLive try again.
            inner.ttl.thread_started.store(false, Ordering::SeqCst);
        }
    }

    /// Deletes, now, every item whose TTL has expired (its TTL attribute, a number of epoch seconds,
    /// plus `EngineConfig::ttl_deletion_delay` is before the clock's time), in every table with TTL
    /// enabled; returns how many were deleted. Each deletion is a REMOVE stream record with the
    /// TTL service's `userIdentity`, and is not a consumed write.
    ///
    /// The sweeper calls this by itself; tests on the system clock can call it to sweep without
    /// waiting. A table deleted while it is swept is passed over.
    pub fn sweep_expired_items(&self) -> Result<usize> {
        let now = self
            .inner
            .clock
            .now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs_f64())
            .unwrap_or(0.0);
        let delay = self.inner.config.ttl_deletion_delay.as_secs_f64();
        let tables: Vec<Arc<Table>> = self.inner.tables.read().values().cloned().collect();
        let mut deleted = 0;
        for table in tables {
            let Some(attr) = ttl_attribute(&table) else {
                continue;
            };
            match self.sweep_table(&table, attr, (now, delay), &mut deleted) {
                Err(_) if self.current_version(&table).is_none() => {}
                other => other?,
            }
        }
        Ok(deleted)
    }

    /// Deletes the expired items of `table`, counting them in `deleted`; `now` is the sweep's time
    /// and `delay` the `EngineConfig::ttl_deletion_delay`, in seconds.
    fn sweep_table(
        &self,
        table: &Arc<Table>,
        attr: &str,
        (now, delay): (f64, f64),
        deleted: &mut usize,
    ) -> Result<()> {
        let mut candidates = Vec::new();
        self.inner
            .storage
            .scan(
                table.space,
                Bound::Unbounded,
                Bound::Unbounded,
                false,
                &mut |key, item| {
                    if expired(item, attr, now, delay) {
                        candidates.push(key.to_vec());
                    }
                    ControlFlow::Continue(())
                },
            )
            .map_err(|e| self.dropped([&**table], e))?;
        for key in candidates {
            // A write since the scan may have moved the expiry: `expire` checks it again.
            if self.expire(table, key, |item| expired(item, attr, now, delay))? {
                *deleted += 1;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(v: AttributeValue) -> Item {
        [("exp".to_owned(), v)].into()
    }

    #[test]
    fn the_sweeper_thread_does_not_keep_the_engine_alive() {
        let config = crate::EngineConfig {
            ttl_sweep_interval: Duration::from_secs(3600),
            ..Default::default()
        };
        let engine = Engine::memory_with_config(crate::Clock::system(), config);
        engine.ensure_ttl_thread();
        assert!(engine.inner.ttl.thread_started.load(Ordering::SeqCst));
        let weak = Arc::downgrade(&engine.inner);
        drop(engine);
        assert!(weak.upgrade().is_none());
    }

    #[test]
    fn a_manual_clock_starts_no_thread() {
        let engine = Engine::memory_with_clock(crate::Clock::manual(UNIX_EPOCH));
        engine.ensure_ttl_thread();
        assert!(!engine.inner.ttl.thread_started.load(Ordering::SeqCst));
    }

    #[test]
    fn only_past_numbers_within_five_years_expire() {
        let now = 1_700_000_000.0;
        let n = |s: &str| item(AttributeValue::N(s.to_owned()));
        assert!(expired(&n("1699999999"), "exp", now, 0.0));
        assert!(
            !expired(&n("1700000000"), "exp", now, 0.0),
            "not at the second itself"
        );
        assert!(!expired(&n("1700000001"), "exp", now, 0.0));
        assert!(
            !expired(&n("1699999999"), "exp", now, 10.0),
            "the delay holds it"
        );
        assert!(
            !expired(&n("1000"), "exp", now, 0.0),
            "older than five years"
        );
        assert!(
            expired(&n("1542320000"), "exp", now, 0.0),
            "within five years"
        );
        assert!(!expired(
            &item(AttributeValue::S("1".into())),
            "exp",
            now,
            0.0
        ));
        assert!(!expired(&n("1"), "other", now, 0.0));
    }
}
