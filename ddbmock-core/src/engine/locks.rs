//! Item locks: what makes each item's read-check-write atomic without a lock around the engine.
//!
//! A fixed array of mutexes striped by a hash of (table, key): writes to different items almost never
//! share a stripe, so they run in parallel; writes to one item serialize. A transaction takes the
//! stripes of all its items in index order, so two transactions cannot deadlock.

use parking_lot::{Mutex, MutexGuard};

use super::keys::partition_hash;
use crate::storage::SpaceId;

const STRIPES: usize = 1024;

/// The striped item locks of one engine.
pub(crate) struct ItemLocks {
    stripes: Box<[Mutex<()>]>,
}

impl Default for ItemLocks {
    fn default() -> Self {
        ItemLocks {
            stripes: (0..STRIPES).map(|_| Mutex::new(())).collect(),
        }
    }
}

/// The locks held on a set of items; released on drop.
pub(crate) struct Held<'a> {
    _guards: Vec<MutexGuard<'a, ()>>,
}

impl ItemLocks {
    fn stripe(space: SpaceId, key: &[u8]) -> usize {
        let h = partition_hash(key) ^ space.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        // The modulus keeps the value below STRIPES, so the cast cannot truncate.
        (h % STRIPES as u64) as usize
    }

    /// Locks one item.
    pub(crate) fn lock(&self, space: SpaceId, key: &[u8]) -> Held<'_> {
        Held {
            _guards: vec![self.stripes[Self::stripe(space, key)].lock()],
        }
    }
}
