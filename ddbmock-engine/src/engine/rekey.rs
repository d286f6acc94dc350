//! Moving a table's items and index entries to this build's storage keys, for stores written with
//! an older key layout (see `catalog`): every entry is read once and its key rebuilt from its
//! attributes, which hold the whole table key (and, in an index, the index key).

use std::ops::{Bound, ControlFlow};
use std::sync::Arc;

use super::keys::item_storage_key;
use super::table::Table;
use super::write::index_entry_key;
use crate::storage::{SpaceId, Storage, StorageError, Write, WriteBatch};
use ddbmock_core::model::Item;

/// The writes that move every entry of `table` and its indexes to its current key: all deletions
/// first, then the puts, so that a new key equal to another entry's old key survives the batch.
pub(crate) fn rekey(storage: &dyn Storage, table: &Table) -> Result<WriteBatch, StorageError> {
    let mut deletes = Vec::new();
    let mut puts = Vec::new();
    let failed = |e: ddbmock_core::Error| {
        StorageError::Backend(format!(
            "re-keying table {}: an entry without its key: {}",
            table.name(),
            e.message()
        ))
    };
    let mut spaces: Vec<(SpaceId, Option<&super::table::Index>)> = vec![(table.space, None)];
    spaces.extend(table.indexes.iter().map(|i| (i.space, Some(i))));
    for (space, index) in spaces {
        for (old, item) in entries(storage, space)? {
            let table_key = item_storage_key(&table.key, &item).map_err(failed)?;
            let new = match index {
                None => table_key,
                Some(i) => index_entry_key(i, &table.key, &table_key, &item).map_err(failed)?,
            };
            if new != old {
                deletes.push(Write::Delete { space, key: old });
                puts.push(Write::Put {
                    space,
                    key: new,
                    item,
                });
            }
        }
    }
    deletes.extend(puts);
    Ok(deletes)
}

/// A stored entry: its key and its item.
type Entry = (Vec<u8>, Arc<Item>);

fn entries(storage: &dyn Storage, space: SpaceId) -> Result<Vec<Entry>, StorageError> {
    let mut out = Vec::new();
    storage.scan(
        space,
        Bound::Unbounded,
        Bound::Unbounded,
        false,
        &mut |key, item| {
            out.push((key.to_vec(), item.clone()));
            ControlFlow::Continue(())
        },
    )?;
    Ok(out)
}
