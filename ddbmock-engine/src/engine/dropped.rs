//! What a request answers when a keyspace it reads or writes is dropped under it.
//!
//! Reads take no lock, and a write looks its table up before it stores its batch, so DeleteTable
//! (which drops the keyspaces of a table and its indexes) and UpdateTable deleting a global secondary
//! index (which drops the index's) can run in between; the store then fails with
//! [`StorageError::NoSuchSpace`]. Such a request answers what DynamoDB answers one that arrives just
//! after the deletion: `ResourceNotFoundException` when the table is gone, and the
//! `ValidationException` of an unknown index when only the index is. The store applies a batch all or
//! nothing, so a write refused this way has changed nothing.
//!
//! Both DeleteTable and UpdateTable drop keyspaces while they hold the catalog's write lock, and
//! publish the catalog without them in the same critical section; so the catalog read here, after the
//! store's refusal, already shows the deletion. Nothing of this runs unless the store has failed.

use super::table::Table;
use super::{Engine, storage_error};
use crate::storage::StorageError;
use ddbmock_core::error::{Error, msg};

impl Engine {
    /// The answer to `e`, a store failure of a request on `tables` (the versions it looked up):
    /// `InternalServerError` unless a deletion explains it.
    #[cold]
    #[inline(never)]
    pub(crate) fn dropped<'a>(
        &self,
        tables: impl IntoIterator<Item = &'a Table>,
        e: StorageError,
    ) -> Error {
        let StorageError::NoSuchSpace(space) = e else {
            return storage_error(e);
        };
        let Some(table) = tables
            .into_iter()
            .find(|t| t.space == space || t.indexes.iter().any(|i| i.space == space))
        else {
            return storage_error(e);
        };
        let Some(current) = self.current_version(table) else {
            return msg::table_not_found();
        };
        let index = table.indexes.iter().find(|i| i.space == space);
        match index {
            Some(index) if !current.indexes.iter().any(|i| i.space == space) => {
                msg::query::no_such_index(&index.name)
            }
            // The catalog says the keyspace exists: the store lost it.
            _ => storage_error(e),
        }
    }
}

#[cfg(test)]
mod tests {
    //! The races made deterministic: a request's table version looked up, the deletion, then the
    //! request's store access.

    use std::ops::{Bound, ControlFlow};

    use super::*;
    use ddbmock_core::model::AttributeValue;
    use ddbmock_core::operation::*;

    fn engine() -> Engine {
        let engine = Engine::memory();
        create(&engine);
        engine
    }

    fn create(engine: &Engine) {
        engine
            .create_table_now(
                serde_json::from_value(serde_json::json!({
                    "TableName": "tbl",
                    "AttributeDefinitions": [
                        {"AttributeName": "pk", "AttributeType": "S"},
                        {"AttributeName": "g", "AttributeType": "S"}
                    ],
                    "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
                    "GlobalSecondaryIndexes": [{
                        "IndexName": "by_g",
                        "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
                        "Projection": {"ProjectionType": "ALL"}
                    }],
                    "BillingMode": "PAY_PER_REQUEST"
                }))
                .unwrap(),
            )
            .unwrap();
    }

    fn scan_index(engine: &Engine, table: &Table) -> ddbmock_core::error::Result<()> {
        let index = table.index("by_g").unwrap();
        engine
            .storage()
            .scan(
                index.space,
                Bound::Unbounded,
                Bound::Unbounded,
                false,
                &mut |_, _| ControlFlow::Continue(()),
            )
            .map_err(|e| engine.dropped([table], e))
    }

    #[track_caller]
    fn assert_error<T: std::fmt::Debug>(
        result: ddbmock_core::error::Result<T>,
        expected: (&str, &str),
    ) {
        let e = result.expect_err("refused");
        assert_eq!((e.type_name(), e.message().as_str()), expected);
    }

    const TABLE_GONE: (&str, &str) = ("ResourceNotFoundException", "Requested resource not found");
    const INDEX_GONE: (&str, &str) = (
        "ValidationException",
        "The table does not have the specified index: by_g",
    );

    #[test]
    fn a_read_of_a_deleted_table_is_not_found() {
        let engine = engine();
        let table = engine.table("tbl").unwrap();
        engine
            .delete_table_now(DeleteTableInput {
                table_name: Some("tbl".into()),
            })
            .unwrap();
        assert_error(engine.read(&table, b"k"), TABLE_GONE);
        assert_error(scan_index(&engine, &table), TABLE_GONE);
        // Not even a table of the same name created since makes the old keyspaces readable.
        create(&engine);
        assert_error(engine.read(&table, b"k"), TABLE_GONE);
    }

    #[test]
    fn a_read_of_a_deleted_index_names_it() {
        let engine = engine();
        let table = engine.table("tbl").unwrap();
        engine
            .update_table_now(
                serde_json::from_value(serde_json::json!({
                    "TableName": "tbl",
                    "GlobalSecondaryIndexUpdates": [{"Delete": {"IndexName": "by_g"}}]
                }))
                .unwrap(),
            )
            .unwrap();
        assert_error(scan_index(&engine, &table), INDEX_GONE);
        assert_eq!(
            engine.read(&table, b"k").unwrap(),
            None,
            "the table is still there"
        );
    }

    #[test]
    fn a_backfill_whose_table_is_deleted_stops() {
        let engine = engine();
        let table = engine.table("tbl").unwrap();
        let item: ddbmock_core::model::Item = [
            ("pk".to_owned(), AttributeValue::S("a".into())),
            ("g".to_owned(), AttributeValue::S("x".into())),
        ]
        .into();
        engine
            .put_item_now(PutItemInput {
                table_name: Some("tbl".into()),
                item: Some(item),
                ..Default::default()
            })
            .unwrap();
        engine
            .delete_table_now(DeleteTableInput {
                table_name: Some("tbl".into()),
            })
            .unwrap();
        engine.backfill(&table, "by_g").unwrap();
    }

    #[test]
    fn a_write_to_a_deleted_table_changes_nothing() {
        let engine = engine();
        let table = engine.table("tbl").unwrap();
        engine
            .delete_table_now(DeleteTableInput {
                table_name: Some("tbl".into()),
            })
            .unwrap();
        let item: ddbmock_core::model::Item = [
            ("pk".to_owned(), AttributeValue::S("a".into())),
            ("g".to_owned(), AttributeValue::S("x".into())),
        ]
        .into();
        let key = super::super::keys::item_storage_key(&table.key, &item).unwrap();
        let change = super::super::change::Change::new(
            table.clone(),
            key,
            None,
            Some(std::sync::Arc::new(item)),
        );
        assert_error(engine.commit(std::slice::from_ref(&change)), TABLE_GONE);
        assert_eq!(table.stats.items(), 0);
    }
}
