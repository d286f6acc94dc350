//! Item collections of tables with local secondary indexes: all the items that share a partition key
//! value, with their entries in the table's local secondary indexes. DynamoDB caps each collection's
//! size (10 GB; `EngineConfig::item_collection_size_limit`) and reports it to writes that ask for
//! `ReturnItemCollectionMetrics: SIZE`.
//!
//! A collection's size is DynamoDB's (Developer Guide, "Local secondary indexes"): the size of its
//! items, plus for each entry in a local secondary index the size of the table's key, the index key
//! and the projected attributes, plus 100 bytes of overhead per entry. The engine keeps every
//! collection's size and changes it by each write's difference, checked against the limit and added
//! in one step: a write costs O(its indexes), never a scan of its collection. Tables without local
//! secondary indexes keep nothing, and their writes pay one branch.
//!
//! Sizes are not persisted: opening a store recounts them with the tables' other counters.

use std::collections::HashMap;
use std::ops::{Bound, ControlFlow};
use std::sync::Arc;

use parking_lot::MutexGuard;

use super::Engine;
use super::change::Change;
use super::collection_sizes::{ItemCollections, Reservation, add};
use super::keys::partition_prefix;
use super::table::Table;
use crate::storage::{Storage, StorageError};
use ddbmock_core::error::{Error, Result, msg};
use ddbmock_core::model::{AttributeValue, Item, attribute_value_size, item_size};
use ddbmock_core::operation::{ItemCollectionMetrics, ReturnItemCollectionMetrics};

/// DynamoDB's item collection size limit, 10 GB. DynamoDB's sizes are binary (its KB is 1,024
/// bytes), so the GB is taken as 2^30 bytes; the exact byte count is not documented.
pub const DEFAULT_COLLECTION_LIMIT: u64 = 10 << 30;

/// The overhead DynamoDB counts for each entry of a local secondary index ("100 bytes of overhead
/// per index item", Developer Guide, "Storage considerations for local secondary indexes").
const LSI_ENTRY_OVERHEAD: u64 = 100;

/// Bytes in the gigabyte of `SizeEstimateRangeGB`.
const GB: f64 = (1u64 << 30) as f64;

/// Why growth was not reserved.
pub(crate) enum Refused {
    /// These changes (positions in the caller's list) would take their collection over the limit.
    Full(Vec<usize>),
    /// A change's partition key could not be encoded.
    Invalid(Error),
}

impl From<Refused> for Error {
    fn from(r: Refused) -> Error {
        match r {
            Refused::Full(_) => msg::item::collection_size_exceeded(),
            Refused::Invalid(e) => e,
        }
    }
}

/// The growth of one collection in a list of changes.
struct Growth {
    collections: Arc<ItemCollections>,
    key: Vec<u8>,
    delta: i64,
    positions: Vec<usize>,
}

/// The collection `item` belongs to: its encoded partition key.
fn collection_key(table: &Table, item: &Item) -> Result<Vec<u8>> {
    let pk = item
        .get(&table.key.hash.name)
        .ok_or_else(msg::item::key_schema_mismatch)?;
    partition_prefix(pk)
}

/// What `item` adds to its collection: its own size and that of each of its local index entries.
fn footprint(table: &Table, item: &Item) -> u64 {
    let mut total = to_u64(item_size(item));
    for index in table.indexes.iter().filter(|i| i.local) {
        if !index.key.attrs().all(|a| item.contains_key(&a.name)) {
            continue;
        }
        let entry: usize = item
            .iter()
            .filter(|(name, _)| index.projects(&table.key, name))
            .map(|(name, value)| name.len().saturating_add(attribute_value_size(value)))
            .sum();
        total = total
            .saturating_add(to_u64(entry))
            .saturating_add(LSI_ENTRY_OVERHEAD);
    }
    total
}

fn to_u64(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

fn difference(new: u64, old: u64) -> i64 {
    let d = i128::from(new) - i128::from(old);
    i64::try_from(d).unwrap_or(if d < 0 { i64::MIN } else { i64::MAX })
}

/// `SizeEstimateRangeGB` of a collection of `bytes`: the whole gigabytes below and above it. The
/// documented example shows `[0.0, 1.0]` for a small collection; DynamoDB does not document the
/// bounds of larger ones, and these are not confirmed against it.
pub(crate) fn estimate(bytes: u64) -> Vec<f64> {
    let low = (bytes as f64 / GB).floor();
    vec![low, low + 1.0]
}

impl Engine {
    /// Adds the growth of `changes` to their item collections, unless one would go over the limit.
    /// Every change is one item moving from `old` to `new` under its item lock, so the sizes stay
    /// exact. Shrinking a collection is always allowed, even over the limit, as on DynamoDB.
    pub(crate) fn reserve_collections(&self, changes: &[Change]) -> Result<Reservation, Refused> {
        if !changes.iter().any(|c| c.table.has_local_indexes()) {
            return Ok(Reservation::default());
        }
        let mut growth: Vec<Growth> = Vec::new();
        for (pos, c) in changes.iter().enumerate() {
            let table = &c.table;
            if !table.has_local_indexes() {
                continue;
            }
            let Some(any) = c.new.as_deref().or(c.old.as_deref()) else {
                continue;
            };
            let key = collection_key(table, any).map_err(Refused::Invalid)?;
            let size = |i: Option<&Item>| i.map_or(0, |i| footprint(table, i));
            let delta = difference(size(c.new.as_deref()), size(c.old.as_deref()));
            let collections = &table.live.collections;
            match growth
                .iter_mut()
                .find(|g| Arc::ptr_eq(&g.collections, collections) && g.key == key)
            {
                Some(g) => {
                    g.delta = g.delta.saturating_add(delta);
                    g.positions.push(pos);
                }
                None => growth.push(Growth {
                    collections: collections.clone(),
                    key,
                    delta,
                    positions: vec![pos],
                }),
            }
        }

        let mut locked: Vec<Arc<ItemCollections>> = Vec::new();
        for g in &growth {
            if !locked.iter().any(|c| Arc::ptr_eq(c, &g.collections)) {
                locked.push(g.collections.clone());
            }
        }
        locked.sort_by_key(Arc::as_ptr);
        let mut guards: Vec<MutexGuard<'_, HashMap<Vec<u8>, u64>>> =
            locked.iter().map(|c| c.sizes.lock()).collect();
        let slot = |g: &Growth| {
            locked
                .iter()
                .position(|c| Arc::ptr_eq(c, &g.collections))
                .unwrap_or(0)
        };

        let limit = self.inner.config.item_collection_size_limit;
        let mut full: Vec<usize> = Vec::new();
        for g in &growth {
            let current = guards[slot(g)].get(&g.key).copied().unwrap_or(0);
            if g.delta > 0 && current.saturating_add_signed(g.delta) > limit {
                full.extend(&g.positions);
            }
        }
        if !full.is_empty() {
            full.sort_unstable();
            return Err(Refused::Full(full));
        }
        let mut held = Vec::with_capacity(growth.len());
        for g in growth {
            add(&mut guards[slot(&g)], &g.key, g.delta);
            held.push((g.collections, g.key, g.delta));
        }
        Ok(Reservation { held })
    }

    /// `ItemCollectionMetrics` of a write to the item with key (or attributes) `item` in `table`,
    /// when the request asked for them and the table has local secondary indexes.
    pub(crate) fn collection_metrics(
        &self,
        table: &Table,
        item: &Item,
        mode: Option<&ReturnItemCollectionMetrics>,
    ) -> Option<ItemCollectionMetrics> {
        if !matches!(mode, Some(ReturnItemCollectionMetrics::Size)) || !table.has_local_indexes() {
            return None;
        }
        metrics_of(table, item)
    }

    /// `ItemCollectionMetrics` of a batch or transaction, per table: one entry per collection
    /// written, in the order first written. `None` when the request did not ask, or none of its
    /// tables has local secondary indexes.
    pub(crate) fn collection_metrics_by_table<'a>(
        &self,
        writes: impl IntoIterator<Item = (&'a Table, &'a Item)>,
        mode: Option<&ReturnItemCollectionMetrics>,
    ) -> Option<HashMap<String, Vec<ItemCollectionMetrics>>> {
        if !matches!(mode, Some(ReturnItemCollectionMetrics::Size)) {
            return None;
        }
        let mut out: HashMap<String, Vec<ItemCollectionMetrics>> = HashMap::new();
        for (table, item) in writes {
            if !table.has_local_indexes() {
                continue;
            }
            let Some(m) = metrics_of(table, item) else {
                continue;
            };
            let list = out.entry(table.name().to_owned()).or_default();
            if !list
                .iter()
                .any(|x| x.item_collection_key == m.item_collection_key)
            {
                list.push(m);
            }
        }
        (!out.is_empty()).then_some(out)
    }
}

fn metrics_of(table: &Table, item: &Item) -> Option<ItemCollectionMetrics> {
    let name = &table.key.hash.name;
    let pk: &AttributeValue = item.get(name)?;
    let key = partition_prefix(pk).ok()?;
    Some(ItemCollectionMetrics {
        item_collection_key: Some(Item::from([(name.clone(), pk.clone())])),
        size_estimate_range_gb: Some(estimate(table.live.collections.size(&key))),
    })
}

/// Recounts a restored table's item collection sizes from its stored items (tables with local
/// secondary indexes only).
pub(crate) fn recount(storage: &dyn Storage, table: &Table) -> Result<(), StorageError> {
    if !table.has_local_indexes() {
        return Ok(());
    }
    let mut sizes = table.live.collections.sizes.lock();
    storage.scan(
        table.space,
        Bound::Unbounded,
        Bound::Unbounded,
        false,
        &mut |_, item| {
            if let Ok(key) = collection_key(table, item) {
                add(&mut sizes, &key, difference(footprint(table, item), 0));
            }
            ControlFlow::Continue(())
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_estimate_brackets_the_size_by_whole_gigabytes() {
        assert_eq!(estimate(0), vec![0.0, 1.0]);
        assert_eq!(estimate(1), vec![0.0, 1.0]);
        assert_eq!(estimate((1 << 30) - 1), vec![0.0, 1.0]);
        assert_eq!(estimate(1 << 30), vec![1.0, 2.0]);
        assert_eq!(estimate(DEFAULT_COLLECTION_LIMIT), vec![10.0, 11.0]);
    }

    #[test]
    fn the_default_limit_is_ten_binary_gigabytes() {
        assert_eq!(DEFAULT_COLLECTION_LIMIT, 10_737_418_240);
    }

    #[test]
    fn footprints_count_lsi_entries_with_their_overhead() {
        use super::super::keys::{KeyAttr, KeySchema};
        use super::super::table::{Index, Projected};
        use ddbmock_core::model::AttributeType;
        let attr = |n: &str, ty| KeyAttr { name: n.into(), ty };
        let key = KeySchema::simple(
            attr("pk", AttributeType::S),
            Some(attr("sk", AttributeType::S)),
        );
        let lsi = |name: &str, projected| Index {
            name: name.into(),
            local: true,
            key: KeySchema::simple(
                attr("pk", AttributeType::S),
                Some(attr("l", AttributeType::S)),
            ),
            projected,
            space: 2,
            active_at: None,
            stats: Default::default(),
            filling: Default::default(),
        };
        let table = Table {
            name: String::new(),
            arn: String::new(),
            description: Default::default(),
            key,
            space: 1,
            indexes: vec![
                lsi("keys", Projected::KeysOnly),
                lsi("all", Projected::All),
                lsi("some", Projected::Include(vec!["x".into()])),
            ],
            stats: Default::default(),
            tags: vec![],
            ttl: None,
            extras: Default::default(),
            transition: None,
            live: Default::default(),
            deleting: Vec::new(),
        };
        let s = |v: &str| AttributeValue::S(v.into());
        // pk(2+1) sk(2+1) l(1+1) x(1+3) y(1+5) = 18 bytes.
        let item = Item::from([
            ("pk".to_owned(), s("a")),
            ("sk".to_owned(), s("b")),
            ("l".to_owned(), s("c")),
            ("x".to_owned(), s("xxx")),
            ("y".to_owned(), s("yyyyy")),
        ]);
        // keys: 3 + 3 + 2 = 8; all: 18; some: 8 + 4 = 12; each + 100.
        assert_eq!(
            footprint(&table, &item),
            18 + (8 + 100) + (18 + 100) + (12 + 100)
        );
        // Without the LSI sort key, the item is in no index.
        let sparse = Item::from([("pk".to_owned(), s("a")), ("sk".to_owned(), s("b"))]);
        assert_eq!(footprint(&table, &sparse), 6);
    }
}
