//! Which index set a write maintains while UpdateTable adds or removes a global secondary index.
//!
//! A write looks its table up, then locks its item, then commits to the indexes of the table version
//! it looked up. When UpdateTable publishes a version with another index set in between, a write
//! holding the older version would miss the new index (leaving its entry stale or missing once the
//! backfill has passed the item), or write into the keyspace of an index just dropped. So:
//!
//! - every version of a table carries the epoch of its index set, and all versions share the
//!   current epoch;
//! - UpdateTable changes the index set holding every item stripe (`ItemLocks::lock_every_stripe`,
//!   taken before the catalog lock, in the order writes take them): it advances the epoch,
//!   publishes the version and drops keyspaces inside that window;
//! - a write holds its item's stripe from its read to its commit, so at commit an epoch equal to the
//!   current one stays current until its batch is stored; a different one makes it take the index
//!   set of the catalog's version instead (rare: only writes that raced an index change);
//! - the backfill of a new index does the same for each item, and stops when its index is gone.
//!
//! The check costs a write one relaxed load of a word written only by index changes.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// The epoch of one version's index set, and the table's current one (shared by all versions).
#[derive(Clone, Debug, Default)]
pub(crate) struct IndexEpoch {
    current: Arc<AtomicU64>,
    own: u64,
}

impl IndexEpoch {
    /// Whether no index set has been published since this version's.
    pub(crate) fn is_current(&self) -> bool {
        // Relaxed is enough: the epoch changes only while every item stripe is held, and callers
        // hold one, whose mutex orders this load after any change they must see.
        self.current.load(Ordering::Relaxed) == self.own
    }

    /// A new epoch, made current at once: called holding every item stripe, for the version about
    /// to be published with the changed index set.
    pub(crate) fn advance(&self) -> IndexEpoch {
        let own = self.current.fetch_add(1, Ordering::Relaxed) + 1;
        IndexEpoch {
            current: self.current.clone(),
            own,
        }
    }
}
