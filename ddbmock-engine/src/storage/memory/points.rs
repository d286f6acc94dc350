//! The memory store's point index: each keyspace's items by key, for reads of one item.
//!
//! Why shards: a hash table grows by moving every entry into a table twice the size, all at once,
//! while its keyspace's write lock is held. One table of 1.8 million items stalled the server for
//! half a second at each doubling (the harness's p99 went from 0.5 ms to 480 ms). Sixty-four tables,
//! each holding the keys whose hash falls in it, grow one at a time and 64 times smaller. The key is
//! hashed once, for both the shard and the slot.

use std::hash::BuildHasher;
use std::sync::Arc;

use hashbrown::{DefaultHashBuilder, HashTable};

use ddbmock_core::model::Item;

const SHARDS: usize = 64;

type Entry = (Arc<[u8]>, Arc<Item>);

/// Items by key, in [`SHARDS`] hash tables.
#[derive(Clone)]
pub(super) struct Points {
    hasher: DefaultHashBuilder,
    shards: Box<[HashTable<Entry>]>,
}

impl Default for Points {
    fn default() -> Self {
        Points {
            hasher: DefaultHashBuilder::default(),
            // Empty tables allocate nothing, so a small keyspace costs only this array.
            shards: (0..SHARDS).map(|_| HashTable::new()).collect(),
        }
    }
}

impl Points {
    fn locate(&self, key: &[u8]) -> (u64, usize) {
        let hash = self.hasher.hash_one(key);
        // The table itself uses the hash's low bits for the slot and its top seven as a tag; the
        // shard takes bits from the middle, so the three stay independent.
        let shard = (hash >> 32) as usize % SHARDS;
        (hash, shard)
    }

    pub(super) fn get(&self, key: &[u8]) -> Option<&Arc<Item>> {
        let (hash, shard) = self.locate(key);
        self.shards[shard]
            .find(hash, |(k, _)| **k == *key)
            .map(|(_, v)| v)
    }

    /// Sets the item at `key`; returns the key's shared allocation, new or kept.
    pub(super) fn insert(&mut self, key: Vec<u8>, item: Arc<Item>) -> Arc<[u8]> {
        let (hash, shard) = self.locate(&key);
        let hasher = &self.hasher;
        let table = &mut self.shards[shard];
        if let Some((k, v)) = table.find_mut(hash, |(k, _)| **k == *key) {
            *v = item;
            return k.clone();
        }
        let key: Arc<[u8]> = key.into();
        table.insert_unique(hash, (key.clone(), item), |(k, _)| hasher.hash_one(&**k));
        key
    }

    /// Removes the item at `key`; whether there was one.
    pub(super) fn remove(&mut self, key: &[u8]) -> bool {
        let (hash, shard) = self.locate(key);
        match self.shards[shard].find_entry(hash, |(k, _)| **k == *key) {
            Ok(entry) => {
                entry.remove();
                true
            }
            Err(_) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(n: u64) -> Arc<Item> {
        Arc::new(Item::from([(
            "n".to_owned(),
            ddbmock_core::model::AttributeValue::N(n.to_string()),
        )]))
    }

    #[test]
    fn keys_spread_over_the_shards_and_are_found_replaced_and_removed() {
        let mut points = Points::default();
        for n in 0..10_000u64 {
            points.insert(n.to_be_bytes().to_vec(), item(n));
        }
        // Every shard holds a share: no shard holds more than twice the mean.
        assert!(points.shards.iter().all(|s| s.len() < 2 * 10_000 / SHARDS));
        let key = 77u64.to_be_bytes();
        let kept = points.get(&key).cloned();
        assert_eq!(kept, Some(item(77)));
        points.insert(key.to_vec(), item(1));
        assert_eq!(points.get(&key), Some(&item(1)));
        assert!(points.remove(&key));
        assert!(!points.remove(&key));
        assert_eq!(points.get(&key), None);
        let total: usize = points.shards.iter().map(HashTable::len).sum();
        assert_eq!(total, 9_999);
    }
}
