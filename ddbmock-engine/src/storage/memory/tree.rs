//! One keyspace of the memory store: its entries in key order.

use std::collections::BTreeSet;
use std::ops::Bound;
use std::sync::Arc;

use super::entry::Entry;

/// A keyspace's entries, in one B-tree ordered by key. Point reads descend the same tree: the heads
/// beside the pointers keep the descent within the tree's nodes (see `entry`), so a hash index beside
/// it would cost its memory for no faster read.
///
/// The tree sits behind an `Arc` so that a copy (a fork of the store, a backup's snapshot) is O(1):
/// copies share it until one of them is written, which then clones the nodes once (entries are
/// shared pointers, so never their items).
#[derive(Clone, Default)]
pub(super) struct Tree {
    entries: Arc<BTreeSet<Entry>>,
}

impl Tree {
    /// The entry at `key`.
    pub(super) fn get(&self, key: &[u8]) -> Option<&Entry> {
        self.entries.get(&Entry::probe(key))
    }

    /// Inserts `entry`, replacing the one at its key.
    pub(super) fn put(&mut self, entry: Entry) {
        Arc::make_mut(&mut self.entries).replace(entry);
    }

    /// Removes the entry at `key`, if any.
    pub(super) fn remove(&mut self, key: &[u8]) {
        let probe = Entry::probe(key);
        // A key that is absent costs no clone of a shared tree.
        if self.entries.contains(&probe) {
            Arc::make_mut(&mut self.entries).remove(&probe);
        }
    }

    /// The entries with keys in `(start, end)`, in key order; none when the range is empty or
    /// inverted (where `BTreeSet::range` would panic).
    pub(super) fn range<'a>(
        &'a self,
        start: Bound<&[u8]>,
        end: Bound<&[u8]>,
    ) -> impl DoubleEndedIterator<Item = &'a Entry> + 'a {
        if let (Bound::Included(s) | Bound::Excluded(s), Bound::Included(e) | Bound::Excluded(e)) =
            (start, end)
        {
            let inclusive = matches!((start, end), (Bound::Included(_), Bound::Included(_)));
            if s > e || (s == e && !inclusive) {
                return None.into_iter().flatten();
            }
        }
        let bounds = (start.map(Entry::probe), end.map(Entry::probe));
        Some(self.entries.range(bounds)).into_iter().flatten()
    }
}
