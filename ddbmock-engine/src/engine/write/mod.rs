//! The one write pipeline. Every item write (PutItem, UpdateItem, DeleteItem, each BatchWriteItem
//! request, each TransactWriteItems action, TTL deletions) is an [`Action`] on one item (its table,
//! key, effect and condition), planned by its operation and applied here: lock, read, condition
//! (billing a failed one), the effect, item collections, then [`Engine::commit`], which turns the
//! changes into one atomic storage batch over the table and its indexes, updates counters and
//! records stream records.
//!
//! - `action`: what an action is and what it turns an item into;
//! - `apply`: applying actions one at a time ([`Engine::apply_one`]) or together
//!   ([`Engine::apply_together`]);
//! - this file: the commit of item changes, shared by both.

mod action;
mod apply;
mod legacy_updates;

pub(crate) use super::change::{Change, check_item};
pub(crate) use action::{Action, Effect, Touched, Update};
pub(crate) use apply::{Applied, Outcome, Together, cancel_for_conflicts};

use std::borrow::Cow;
use std::ops::{Bound, ControlFlow};
use std::sync::Arc;

use super::Engine;
use super::collection_sizes::Reservation;
use super::key_hash::key_hash;
use super::keys::{self, KeySchema};
use super::streams::Origin;
use super::table::{Index, Table};
use crate::storage::{SpaceId, Storage, StorageError, Write, WriteBatch};
use ddbmock_core::error::{Result, msg};
use ddbmock_core::model::{Item, item_size};

/// The storage key of `item`'s entry in `index`:
/// `hash ‖ esc(index pk) ‖ esc(index sk) ‖ [tie] ‖ table key`, where a multi-attribute key's pk is
/// its partition attributes' escaped values in order and its sk each sort attribute's escaped value
/// in order (see `keys`). The table key makes entries unique, since index keys need not be. Entries
/// with the same index key are ordered as DynamoDB orders them, by the hash of the whole table key
/// (`tie`, see `key_hash`), on a local index as on a global one: dynalite's index keys end with
/// that hash for both kinds (`createIndexKey`), and its recorded orders are DynamoDB's.
pub(crate) fn index_entry_key(
    index: &Index,
    table: &KeySchema,
    table_key: &[u8],
    item: &Item,
) -> Result<Vec<u8>> {
    let get = |name: &str| item.get(name).ok_or_else(msg::item::key_schema_mismatch);
    let pk = index
        .key
        .hash_attrs()
        .map(|a| get(&a.name))
        .collect::<Result<Vec<_>>>()?;
    let mut out = keys::composite_partition_prefix(&pk)?;
    for r in index.key.range_attrs() {
        keys::escape_scalar_into(get(&r.name)?, &mut out)?;
    }
    let table_pk = item
        .get(&table.hash.name)
        .ok_or_else(msg::item::key_schema_mismatch)?;
    let table_sk = match &table.range {
        Some(r) => Some(
            item.get(&r.name)
                .ok_or_else(msg::item::key_schema_mismatch)?,
        ),
        None => None,
    };
    out.extend_from_slice(&key_hash(table_pk, table_sk)?);
    out.extend_from_slice(table_key);
    Ok(out)
}

impl Engine {
    /// Applies `changes` as one atomic storage batch, maintaining every index and counter, and
    /// records them in the tables' streams.
    pub(crate) fn commit(&self, changes: &[Change]) -> Result<()> {
        self.commit_as(changes, Origin::Request)
    }

    /// [`Engine::commit`], on behalf of `origin` (a request, or the TTL sweeper).
    pub(crate) fn commit_as(&self, changes: &[Change], origin: Origin) -> Result<()> {
        let growth = self.reserve_collections(changes)?;
        self.commit_reserved(changes, origin, growth)
    }

    /// [`Engine::commit_as`] of changes whose item collection growth is already reserved.
    pub(crate) fn commit_reserved(
        &self,
        changes: &[Change],
        origin: Origin,
        growth: Reservation,
    ) -> Result<()> {
        let mut batch: WriteBatch = Vec::with_capacity(changes.len() * 2);
        let mut index_sizes = Vec::new();
        let mut recent = self
            .simulates_consistency()
            .then(|| Vec::with_capacity(changes.len()));
        for c in changes {
            let mut replaced = recent
                .is_some()
                .then(|| vec![(c.table.space, c.key.clone(), c.old.clone())]);
            match &c.new {
                Some(item) => batch.push(Write::Put {
                    space: c.table.space,
                    key: c.key.clone(),
                    item: item.clone(),
                }),
                None => batch.push(Write::Delete {
                    space: c.table.space,
                    key: c.key.clone(),
                }),
            }
            let table = self.indexed_version(c)?;
            for index in &table.indexes {
                let mut old = index_entry(index, &table.key, &c.key, c.old.as_deref())?;
                if index.is_filling() {
                    old = self.stored_entry(&table, index, old)?;
                }
                let new = index_entry(index, &table.key, &c.key, c.new.as_deref())?;
                if let Some(replaced) = replaced.as_mut() {
                    replaced.extend(index_replaced(index, old.as_ref(), new.as_ref()));
                }
                if let Some((k, _)) = &old {
                    batch.push(Write::Delete {
                        space: index.space,
                        key: k.clone(),
                    });
                }
                let sizes = (
                    old.map(|(_, e)| item_size(&e)),
                    new.as_ref().map(|(_, e)| item_size(e)),
                );
                if let Some((key, entry)) = new {
                    batch.push(Write::Put {
                        space: index.space,
                        key,
                        item: Arc::new(entry),
                    });
                }
                index_sizes.push((index.stats.clone(), sizes.0, sizes.1));
            }
            if let (Some(recent), Some(replaced)) = (recent.as_mut(), replaced) {
                recent.push(replaced);
            }
        }
        self.log_for_recovery(changes, &mut batch)?;
        if let Some(recent) = recent {
            self.record_recent(recent);
        }
        // All or nothing: a batch that meets a keyspace dropped meanwhile stores none of its writes.
        self.inner
            .storage
            .write(batch)
            .map_err(|e| self.dropped(changes.iter().map(|c| &*c.table), e))?;
        growth.keep();
        for c in changes {
            c.table.stats.apply(
                c.old.as_ref().map(|_| c.old_size),
                c.new.as_ref().map(|_| c.new_size),
            );
        }
        for (stats, old, new) in index_sizes {
            stats.apply(old, new);
        }
        self.record_changes(changes, origin);
        self.replicate(changes, origin);
        Ok(())
    }

    /// The version of `change`'s table whose indexes its commit maintains: its own, unless the index
    /// set changed since it was looked up. Called holding the change's item stripe.
    pub(crate) fn indexed_version<'a>(&self, change: &'a Change) -> Result<Cow<'a, Arc<Table>>> {
        if change.table.live.epoch.is_current() {
            return Ok(Cow::Borrowed(&change.table));
        }
        let Some(current) = self.current_version(&change.table) else {
            return Ok(Cow::Borrowed(&change.table));
        };
        // The item was checked against the older version's indexes only.
        if let Some(new) = &change.new {
            check_item(&current, new)?;
        }
        Ok(Cow::Owned(current))
    }

    /// The item at `key` in `table`.
    pub(crate) fn read(&self, table: &Table, key: &[u8]) -> Result<Option<Arc<Item>>> {
        self.inner
            .storage
            .get(table.space, key)
            .map_err(|e| self.dropped([table], e))
    }
}

/// The entry `item` has in `index`, with its storage key; `None` when the item is absent or sparse.
pub(crate) fn index_entry(
    index: &Index,
    table_key: &KeySchema,
    storage_key: &[u8],
    item: Option<&Item>,
) -> Result<Option<(Vec<u8>, Item)>> {
    let Some(item) = item else { return Ok(None) };
    match index.project(table_key, item) {
        Some(entry) => Ok(Some((
            index_entry_key(index, table_key, storage_key, item)?,
            entry,
        ))),
        None => Ok(None),
    }
}

/// The index entries a change writes, with the entry each key held before, for the eventual
/// consistency simulation: the item's old entry, and its new one's key (which held nothing, since
/// an entry key ends with its item's key) when the index key changed.
fn index_replaced(
    index: &Index,
    old: Option<&(Vec<u8>, Item)>,
    new: Option<&(Vec<u8>, Item)>,
) -> Vec<(SpaceId, Vec<u8>, Option<Arc<Item>>)> {
    let mut out = Vec::with_capacity(2);
    if let Some((key, entry)) = old {
        out.push((index.space, key.clone(), Some(Arc::new(entry.clone()))));
    }
    if let Some((key, _)) = new
        && old.is_none_or(|(k, _)| k != key)
    {
        out.push((index.space, key.clone(), None));
    }
    out
}

/// Recomputes a restored table's counters from its stored entries.
pub(crate) fn recount(storage: &dyn Storage, table: &Table) -> Result<(), StorageError> {
    let count = |space, stats: &super::Stats| {
        storage.scan(
            space,
            Bound::Unbounded,
            Bound::Unbounded,
            false,
            &mut |_, item| {
                stats.apply(None, Some(item_size(item)));
                ControlFlow::Continue(())
            },
        )
    };
    count(table.space, &table.stats)?;
    for i in &table.indexes {
        count(i.space, &i.stats)?;
    }
    Ok(())
}
