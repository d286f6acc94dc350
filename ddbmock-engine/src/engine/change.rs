//! An item changing from one version to another (either may be absent), as the write pipeline
//! commits it, streams record it and billing and item collections measure it; and the rules every
//! written item satisfies.

use std::sync::Arc;

use super::table::Table;
use ddbmock_core::error::{Result, msg};
use ddbmock_core::model::{AttributeValue, Item, item_size, validate_item_names};

/// DynamoDB's maximum item size: 400 KB.
pub(crate) use ddbmock_core::limits::MAX_ITEM_BYTES;

/// One item changing from `old` to `new` in `table` (either may be absent).
pub(crate) struct Change {
    pub(crate) table: Arc<Table>,
    pub(crate) key: Vec<u8>,
    pub(crate) old: Option<Arc<Item>>,
    pub(crate) new: Option<Arc<Item>>,
    /// DynamoDB's sizes of `old` and `new` (0 when absent), walked once for counters and billing.
    pub(crate) old_size: usize,
    pub(crate) new_size: usize,
}

impl Change {
    pub(crate) fn new(
        table: Arc<Table>,
        key: Vec<u8>,
        old: Option<Arc<Item>>,
        new: Option<Arc<Item>>,
    ) -> Self {
        Change {
            old_size: old.as_deref().map_or(0, item_size),
            new_size: new.as_deref().map_or(0, item_size),
            table,
            key,
            old,
            new,
        }
    }
}

/// Checks what every written item must satisfy beyond its primary key: its names' lengths, the size
/// limit, and index key attributes of the declared type, non-empty and within the key size limits.
///
/// Names are checked here, on the item about to be written, rather than on each request member,
/// because an update builds names from several (a `SET` path, an `ExpressionAttributeNames` value,
/// the keys of a map value, `AttributeUpdates`): the result is the one place all of them meet.
pub(crate) fn check_item(table: &Table, item: &Item) -> Result<()> {
    check_unplaced(item)?;
    check_index_keys(table, item)
}

/// The part of [`check_item`] that needs no table: the names and the size. A put's item is checked
/// so before its table is looked up, as DynamoDB does: an oversized item sent to a missing table
/// gets the size error.
pub(crate) fn check_unplaced(item: &Item) -> Result<()> {
    validate_item_names(item)?;
    if item_size(item) > MAX_ITEM_BYTES {
        return Err(msg::item::item_too_large());
    }
    Ok(())
}

/// The part of [`check_item`] against the table's schema: index key attributes of the declared
/// type, non-empty and within the key size limits.
pub(crate) fn check_index_keys(table: &Table, item: &Item) -> Result<()> {
    for index in &table.indexes {
        for attr in index.key.attrs() {
            let Some(v) = item.get(&attr.name) else {
                continue;
            };
            if v.attribute_type() != attr.ty {
                return Err(msg::item::index_key_type_mismatch(
                    &attr.name,
                    attr.ty,
                    v.attribute_type(),
                    &index.name,
                ));
            }
            let empty = match v {
                AttributeValue::S(s) => s.is_empty(),
                AttributeValue::B(b) => b.is_empty(),
                _ => false,
            };
            if empty {
                return Err(msg::item::empty_index_key(&attr.name, attr.ty, &index.name));
            }
            super::keys::check_index_key_size(v, index.key.is_hash_attr(attr))?;
        }
    }
    Ok(())
}
