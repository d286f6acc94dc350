//! A table's change log for point-in-time recovery: one entry per committed item change, holding
//! the item's state before the change.
//!
//! An entry's key is `commit time (epoch microseconds, big-endian) ‖ sequence (big-endian)`, so
//! the log is in commit order and the changes after a moment are one key range. Its value is an
//! item `{"k": B(the item's storage key), "o": M(the item before)}`, without `o` when the change
//! created the item. Entries are stored by the same `Storage` as the table (a keyspace of its own),
//! written in the change's own batch, so the log is exactly as durable and atomic as the table.
//!
//! Trimming: at most once a minute of the engine's clock per log, a commit also deletes the entries
//! older than the restorable window, so a log holds the writes of the recovery period and about a
//! minute more.

use std::collections::BTreeMap;
use std::ops::{Bound, ControlFlow};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::UNIX_EPOCH;

use crate::engine::extras::PitrRecord;
use crate::engine::write::Change;
use crate::engine::{Engine, storage_error};
use crate::storage::{SpaceId, StorageError, Write, WriteBatch};
use ddbmock_core::error::Result;
use ddbmock_core::model::{AttributeValue, Item};

/// How often, on the engine's clock, a log is trimmed.
const TRIM_EVERY_SECONDS: f64 = 60.0;

/// The key of the entry written at `micros` with sequence number `seq`.
pub(crate) fn entry_key(micros: u64, seq: u64) -> Vec<u8> {
    let mut key = Vec::with_capacity(16);
    key.extend_from_slice(&micros.to_be_bytes());
    key.extend_from_slice(&seq.to_be_bytes());
    key
}

/// Epoch microseconds of epoch second `seconds` (rounded: an `f64` of today's epoch seconds
/// carries microseconds to within a fraction of one).
pub(crate) fn micros_of(seconds: f64) -> u64 {
    if seconds <= 0.0 {
        0
    } else {
        (seconds * 1e6).round() as u64
    }
}

/// The entry recording that the item at `key` was `old` before a change.
fn entry(key: &[u8], old: Option<&Item>) -> Item {
    let mut item = Item::with_capacity(2);
    item.insert("k".to_owned(), AttributeValue::B(key.to_vec()));
    if let Some(old) = old {
        item.insert("o".to_owned(), AttributeValue::M(old.clone()));
    }
    item
}

/// The storage key and previous state an entry records; `None` for an entry this build did not
/// write.
pub(crate) fn read_entry(item: &Item) -> Option<(Vec<u8>, Option<Item>)> {
    let Some(AttributeValue::B(key)) = item.get("k") else {
        return None;
    };
    let old = match item.get("o") {
        Some(AttributeValue::M(old)) => Some(old.clone()),
        _ => None,
    };
    Some((key.clone(), old))
}

impl Engine {
    /// Appends to `batch` a log entry for each change to a table with point-in-time recovery on,
    /// and the trimming of its log when due.
    pub(crate) fn log_for_recovery(
        &self,
        changes: &[Change],
        batch: &mut WriteBatch,
    ) -> Result<()> {
        let mut micros = None;
        for c in changes {
            let Some(p) = c.table.extras.pitr.as_ref().filter(|p| p.enabled) else {
                continue;
            };
            let now = *micros.get_or_insert_with(|| self.clock_micros());
            let seq = self.inner.backups.log_seq.fetch_add(1, Ordering::Relaxed);
            batch.push(Write::Put {
                space: p.log_space,
                key: entry_key(now, seq),
                item: Arc::new(entry(&c.key, c.old.as_deref())),
            });
            self.trim_if_due(p, batch)?;
        }
        Ok(())
    }

    fn clock_micros(&self) -> u64 {
        self.inner
            .clock
            .now()
            .duration_since(UNIX_EPOCH)
            .map(|d| u64::try_from(d.as_micros()).unwrap_or(u64::MAX))
            .unwrap_or(0)
    }

    /// Deletes (in `batch`) the entries of `p`'s log older than its restorable window, at most
    /// once a minute of the engine's clock.
    fn trim_if_due(&self, p: &PitrRecord, batch: &mut WriteBatch) -> Result<()> {
        let now = self.inner.clock.epoch_seconds();
        {
            let mut next = self.inner.backups.next_trim.lock();
            let due = next.entry(p.log_space).or_insert(0.0);
            if now < *due {
                return Ok(());
            }
            *due = now + TRIM_EVERY_SECONDS;
        }
        let (earliest, _) = super::window(p, now);
        let end = entry_key(micros_of(earliest), 0);
        let mut keys = Vec::new();
        self.inner
            .storage
            .scan(
                p.log_space,
                Bound::Unbounded,
                Bound::Excluded(&end),
                false,
                &mut |k, _| {
                    keys.push(k.to_vec());
                    ControlFlow::Continue(())
                },
            )
            .map_err(storage_error)?;
        batch.extend(keys.into_iter().map(|key| Write::Delete {
            space: p.log_space,
            key,
        }));
        Ok(())
    }

    /// Deletes every entry of the log `space` (recovery was turned off).
    pub(crate) fn clear_log(&self, space: SpaceId) -> Result<()> {
        let mut keys = Vec::new();
        self.inner
            .storage
            .scan(
                space,
                Bound::Unbounded,
                Bound::Unbounded,
                false,
                &mut |k, _| {
                    keys.push(k.to_vec());
                    ControlFlow::Continue(())
                },
            )
            .map_err(storage_error)?;
        self.inner
            .storage
            .write(
                keys.into_iter()
                    .map(|key| Write::Delete { space, key })
                    .collect(),
            )
            .map_err(storage_error)
    }

    /// The state, at epoch second `at`, of each item the log `space` records a change of after
    /// `at`: the previous state recorded by the first such change.
    pub(crate) fn states_at(
        &self,
        space: SpaceId,
        at: f64,
    ) -> Result<BTreeMap<Vec<u8>, Option<Item>>> {
        let start = entry_key(micros_of(at).saturating_add(1), 0);
        let mut states = BTreeMap::new();
        self.inner
            .storage
            .scan(
                space,
                Bound::Included(&start),
                Bound::Unbounded,
                false,
                &mut |_, e| {
                    if let Some((key, old)) = read_entry(e) {
                        states.entry(key).or_insert(old);
                    }
                    ControlFlow::Continue(())
                },
            )
            .map_err(storage_error)?;
        Ok(states)
    }

    /// Moves the log sequence past every log's last entry, so a reopened store's new entries
    /// never take an old entry's key.
    pub(crate) fn resume_log_sequence(&self) -> Result<(), StorageError> {
        let tables: Vec<_> = self.inner.tables.read().values().cloned().collect();
        for table in tables {
            let Some(p) = &table.extras.pitr else {
                continue;
            };
            let mut last = None;
            self.inner.storage.scan(
                p.log_space,
                Bound::Unbounded,
                Bound::Unbounded,
                true,
                &mut |k, _| {
                    last = k.get(8..16).and_then(|s| <[u8; 8]>::try_from(s).ok());
                    ControlFlow::Break(())
                },
            )?;
            if let Some(seq) = last {
                self.inner
                    .backups
                    .log_seq
                    .fetch_max(u64::from_be_bytes(seq) + 1, Ordering::Relaxed);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_sort_by_time_then_sequence() {
        assert!(entry_key(1, 9) < entry_key(2, 0));
        assert!(entry_key(2, 0) < entry_key(2, 1));
        assert!(entry_key(255, 0) < entry_key(256, 0));
    }

    #[test]
    fn an_entry_reads_back_what_it_records() {
        let old = Item::from([("a".to_owned(), AttributeValue::S("x".into()))]);
        assert_eq!(
            read_entry(&entry(b"key", Some(&old))),
            Some((b"key".to_vec(), Some(old)))
        );
        assert_eq!(
            read_entry(&entry(b"key", None)),
            Some((b"key".to_vec(), None))
        );
        assert_eq!(read_entry(&Item::new()), None);
    }

    #[test]
    fn microseconds_survive_epoch_seconds() {
        let micros = 1_780_000_000_123_456;
        assert_eq!(micros_of(micros as f64 / 1e6), micros);
        assert_eq!(micros_of(-1.0), 0);
    }
}
