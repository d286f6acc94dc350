//! The sizes of a table's item collections, kept at run time beside the table, and the growth a
//! write reserves in them until it is stored (see `item_collections` for what they measure).

use std::collections::HashMap;
use std::sync::Arc;

use parking_lot::Mutex;

/// The sizes of one table's item collections, by partition key.
///
/// One lock for the table: it is held for one hash lookup per collection a write touches, and a
/// batch or transaction takes the locks of all its tables together (in address order, so two never
/// deadlock) to check and add its growth as one step.
#[derive(Debug, Default)]
pub(crate) struct ItemCollections {
    pub(crate) sizes: Mutex<HashMap<Vec<u8>, u64>>,
}

impl ItemCollections {
    /// The size of the collection `key`, in bytes.
    pub(crate) fn size(&self, key: &[u8]) -> u64 {
        self.sizes.lock().get(key).copied().unwrap_or(0)
    }
}

/// Adds `delta` to the collection `key`, forgetting it when it empties.
pub(crate) fn add(sizes: &mut HashMap<Vec<u8>, u64>, key: &[u8], delta: i64) {
    let current = sizes.get(key).copied().unwrap_or(0);
    let next = current.saturating_add_signed(delta);
    if next == 0 {
        sizes.remove(key);
    } else if let Some(size) = sizes.get_mut(key) {
        *size = next;
    } else {
        sizes.insert(key.to_vec(), next);
    }
}

/// Growth added to item collections for writes not yet stored. Kept once the writes are stored;
/// dropped otherwise, when it is taken back.
#[must_use]
#[derive(Default)]
pub(crate) struct Reservation {
    pub(crate) held: Vec<(Arc<ItemCollections>, Vec<u8>, i64)>,
}

impl Reservation {
    /// The writes were stored: the sizes stand.
    pub(crate) fn keep(mut self) {
        self.held.clear();
    }
}

impl Drop for Reservation {
    fn drop(&mut self) {
        for (collections, key, delta) in self.held.drain(..) {
            add(&mut collections.sizes.lock(), &key, -delta);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_grow_shrink_and_forget_empty_collections() {
        let mut sizes = HashMap::new();
        add(&mut sizes, b"a", 10);
        add(&mut sizes, b"a", 5);
        assert_eq!(sizes.get(b"a".as_slice()), Some(&15));
        add(&mut sizes, b"a", -15);
        assert!(sizes.is_empty());
    }
}
