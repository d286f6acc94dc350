//! Item locks: what makes each item's read-check-write atomic without a lock around the engine,
//! and what transactions use to be isolated and to detect conflicts.
//!
//! A fixed array of mutexes striped by a hash of (table, key): writes to different items almost never
//! share a stripe, so they run in parallel; writes to one item serialize. A transaction takes the
//! stripes of all its items in ascending stripe order, so two transactions cannot deadlock: every
//! holder of several stripes waits only for stripes above all those it holds.
//!
//! While a write transaction holds its stripes, its items are also registered as *in flight*. A
//! request that finds a stripe taken looks there: if the very item it wants is being written by a
//! transaction, it reports DynamoDB's conflict instead of waiting (see `transact_write` for the
//! model); otherwise the holder is a short single-item request or another item sharing the stripe,
//! and it waits.

use std::collections::HashSet;

use parking_lot::{Mutex, MutexGuard};

use super::keys::fast_hash;
use crate::storage::SpaceId;

const STRIPES: usize = 1024;

/// An item, as the locks know it: its table's keyspace and its storage key.
pub(crate) type ItemId = (SpaceId, Vec<u8>);

/// The striped item locks of one engine.
pub(crate) struct ItemLocks {
    stripes: Box<[Mutex<()>]>,
    /// The items of the write transactions now holding their stripes.
    in_flight: Mutex<HashSet<ItemId>>,
}

impl Default for ItemLocks {
    fn default() -> Self {
        ItemLocks {
            stripes: (0..STRIPES).map(|_| Mutex::new(())).collect(),
            in_flight: Mutex::new(HashSet::new()),
        }
    }
}

/// The locks held on a set of items; released on drop (after the items leave the in-flight set, so
/// no request sees a conflict with a transaction that has finished).
pub(crate) struct Held<'a> {
    registered: Option<(&'a ItemLocks, Vec<ItemId>)>,
    _guards: Vec<MutexGuard<'a, ()>>,
}

impl Drop for Held<'_> {
    fn drop(&mut self) {
        if let Some((locks, items)) = self.registered.take() {
            let mut in_flight = locks.in_flight.lock();
            for item in &items {
                in_flight.remove(item);
            }
        }
    }
}

/// The positions (in the caller's list) of the items a write transaction is writing now.
#[derive(Debug)]
pub(crate) struct Conflicts(pub(crate) Vec<usize>);

impl ItemLocks {
    fn stripe(space: SpaceId, key: &[u8]) -> usize {
        let h = fast_hash(key) ^ space.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        // The modulus keeps the value below STRIPES, so the cast cannot truncate.
        (h % STRIPES as u64) as usize
    }

    fn is_in_flight(&self, space: SpaceId, key: &[u8]) -> bool {
        self.in_flight.lock().contains(&(space, key.to_vec()))
    }

    /// Locks one item for a single-item write, or reports that a transaction is writing it.
    pub(crate) fn lock_single(&self, space: SpaceId, key: &[u8]) -> Result<Held<'_>, Conflicts> {
        let stripe = &self.stripes[Self::stripe(space, key)];
        // Uncontended is the common case and needs no look at the in-flight set.
        if let Some(guard) = stripe.try_lock() {
            return Ok(Held {
                registered: None,
                _guards: vec![guard],
            });
        }
        if self.is_in_flight(space, key) {
            return Err(Conflicts(vec![0]));
        }
        Ok(Held {
            registered: None,
            _guards: vec![stripe.lock()],
        })
    }

    /// Locks every stripe, in order, so that no item write is under way while the guard lives: for
    /// changes to what every write of a table does (its index set, see `index_epoch`). Taking them
    /// in ascending order, like transactions, cannot deadlock.
    pub(crate) fn lock_every_stripe(&self) -> Held<'_> {
        Held {
            registered: None,
            _guards: self.stripes.iter().map(|s| s.lock()).collect(),
        }
    }

    /// Locks every item of a transaction, in stripe order. A write transaction (`register`)
    /// publishes its items as in flight until the returned guard drops. Fails, holding nothing, with
    /// the positions of the items another write transaction is writing, if one is met.
    pub(crate) fn lock_all(
        &self,
        items: &[(SpaceId, &[u8])],
        register: bool,
    ) -> Result<Held<'_>, Conflicts> {
        let mut stripes: Vec<usize> = items.iter().map(|(s, k)| Self::stripe(*s, k)).collect();
        stripes.sort_unstable();
        stripes.dedup();
        let mut guards = Vec::with_capacity(stripes.len());
        for &i in &stripes {
            let stripe = &self.stripes[i];
            if let Some(guard) = stripe.try_lock() {
                guards.push(guard);
                continue;
            }
            let conflicts: Vec<usize> = items
                .iter()
                .enumerate()
                .filter(|(_, (s, k))| self.is_in_flight(*s, k))
                .map(|(pos, _)| pos)
                .collect();
            if !conflicts.is_empty() {
                return Err(Conflicts(conflicts));
            }
            // Waiting here while holding lower stripes is safe: see the module doc.
            guards.push(stripe.lock());
        }
        let registered = register.then(|| {
            let ids: Vec<ItemId> = items.iter().map(|(s, k)| (*s, k.to_vec())).collect();
            self.in_flight.lock().extend(ids.iter().cloned());
            (self, ids)
        });
        Ok(Held {
            registered,
            _guards: guards,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_transaction_conflicts_with_writers_of_its_items_only() {
        let locks = ItemLocks::default();
        let held = locks
            .lock_all(&[(1, b"a".as_slice()), (1, b"b".as_slice())], true)
            .expect("uncontended");
        assert!(locks.lock_single(1, b"a").is_err());
        let other = locks.lock_all(&[(1, b"c".as_slice()), (1, b"b".as_slice())], false);
        assert_eq!(other.err().map(|c| c.0), Some(vec![1]));
        drop(held);
        assert!(locks.lock_single(1, b"a").is_ok());
        assert!(locks.in_flight.lock().is_empty());
    }

    #[test]
    fn a_read_transaction_registers_nothing() {
        let locks = ItemLocks::default();
        let _held = locks
            .lock_all(&[(1, b"a".as_slice())], false)
            .expect("uncontended");
        assert!(locks.in_flight.lock().is_empty());
    }
}
