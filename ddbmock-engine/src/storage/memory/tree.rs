//! One keyspace of the memory store: its entries in key order.

use std::collections::BTreeSet;
use std::ops::Bound;

use super::entry::Entry;

/// A keyspace's entries, in one B-tree ordered by key. Point reads descend the same tree: the heads
/// beside the pointers keep the descent within the tree's nodes (see `entry`), so a hash index beside
/// it would cost its memory for no faster read.
#[derive(Clone, Default)]
pub(super) struct Tree {
    entries: BTreeSet<Entry>,
}

impl Tree {
    /// The entry at `key`.
    pub(super) fn get(&self, key: &[u8]) -> Option<&Entry> {
        self.entries.get(&Entry::probe(key))
    }

    /// Inserts `entry`, replacing the one at its key.
    pub(super) fn put(&mut self, entry: Entry) {
        self.entries.replace(entry);
    }

    /// Removes the entry at `key`, if any.
    pub(super) fn remove(&mut self, key: &[u8]) {
        self.entries.remove(&Entry::probe(key));
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
