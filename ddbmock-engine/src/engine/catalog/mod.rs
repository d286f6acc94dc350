//! A table's catalog entry as the store keeps it: the metadata blob `table/<name>`, the JSON of a
//! versioned [`record::TableRecord`].
//!
//! Version policy: a build writes [`record::VERSION`] and reads every version up to it. A blob with
//! no `version` is the unversioned entry of earlier builds (the serde JSON of the engine's `Table`
//! of that time, read by the frozen types of `legacy`): it is migrated when the store is opened,
//! and rewritten as the current record. A version above this build's is refused with
//! [`StorageError::UnsupportedCatalogVersion`], before anything is written, so that an older build
//! never misreads (or rewrites) a newer file. A change to the record's types is a new version, with
//! the previous one kept readable the way `legacy` keeps the unversioned one.
//!
//! The version also names the storage keys' layout. Unversioned entries and version 1 records
//! belong to stores whose keys lead with the FNV hash, and version 2 records to stores whose local
//! index entries with equal index keys are in the table's sort key order; their tables are
//! `rekey`ed (every item and index entry moved to its current key) in the same atomic batch that
//! rewrites the entry, so a store is never half migrated. Re-keying reads the whole table once, on
//! the first open only.

mod convert;
mod legacy;
mod record;

use serde::Deserialize;

use super::table::Table;
use crate::storage::StorageError;

/// The blob to store for `table`.
pub(crate) fn encode(table: &Table) -> Result<Vec<u8>, serde_json::Error> {
    serde_json::to_vec(&record::TableRecord::of(table))
}

/// A table read from its blob; `migrated` when the blob was in an older format and must be
/// rewritten, `rekey` when the table's storage keys are of an older layout too.
pub(crate) struct Decoded {
    pub(crate) table: Table,
    pub(crate) migrated: bool,
    pub(crate) rekey: bool,
}

/// Reads the blob of the table `name`.
pub(crate) fn decode(name: &str, blob: &[u8]) -> Result<Decoded, StorageError> {
    /// Just the version, whatever else the blob holds.
    #[derive(Deserialize)]
    struct Probe {
        version: Option<u64>,
    }
    let corrupt =
        |e: serde_json::Error| StorageError::Backend(format!("table metadata table/{name}: {e}"));
    let probe: Probe = serde_json::from_slice(blob).map_err(corrupt)?;
    let (record, migrated) = match probe.version {
        None => {
            let old: legacy::LegacyTable = serde_json::from_slice(blob).map_err(corrupt)?;
            (old.into_record(), true)
        }
        Some(v)
            if v == u64::from(record::VERSION)
                || v == u64::from(record::FNV_KEYS)
                || v == u64::from(record::UNTIED_LOCAL_KEYS) =>
        {
            (
                serde_json::from_slice::<record::TableRecord>(blob).map_err(corrupt)?,
                v != u64::from(record::VERSION),
            )
        }
        Some(found) => {
            return Err(StorageError::UnsupportedCatalogVersion {
                table: name.to_owned(),
                found,
                supported: u64::from(record::VERSION),
            });
        }
    };
    Ok(Decoded {
        table: record.into_table(),
        migrated,
        // Every older format keyed some entries otherwise: by the FNV hash before version 2, local
        // index ties by the table's sort key in version 2.
        rekey: migrated,
    })
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, UNIX_EPOCH};

    use super::*;
    use crate::engine::{Clock, Engine, EngineConfig};

    fn wire<T: serde::de::DeserializeOwned>(v: serde_json::Value) -> T {
        serde_json::from_value(v).expect("a valid request")
    }

    /// Encodes and decodes the catalog's table `name`, checking that nothing is lost.
    fn round_trip(engine: &Engine, name: &str) {
        let table = engine.table_any(name).expect("the table");
        let blob = encode(&table).expect("encodes");
        let back = decode(name, &blob).expect("decodes");
        assert!(!back.migrated);
        let back = back.table;
        assert_eq!(back.name(), table.name());
        assert_eq!(back.arn(), table.arn());
        assert_eq!(back.description, table.description);
        assert_eq!(back.key, table.key);
        assert_eq!(back.space, table.space);
        assert_eq!(back.tags, table.tags);
        assert_eq!(back.ttl, table.ttl);
        assert_eq!(back.transition, table.transition);
        let index = |i: &crate::engine::Index| {
            (
                i.name.clone(),
                i.local,
                i.key.clone(),
                i.projected.clone(),
                i.space,
                i.active_at,
            )
        };
        assert_eq!(
            back.indexes.iter().map(index).collect::<Vec<_>>(),
            table.indexes.iter().map(index).collect::<Vec<_>>()
        );
        let deleting = |t: &Table| {
            t.deleting
                .iter()
                .map(|d| (d.description.clone(), d.until))
                .collect::<Vec<_>>()
        };
        assert_eq!(deleting(&back), deleting(&table));
        assert_eq!(encode(&back).expect("encodes"), blob, "a stable encoding");
    }

    #[test]
    fn a_version_2_record_is_rewritten_and_its_table_rekeyed() {
        let engine = Engine::memory();
        engine
            .create_table_now(wire(serde_json::json!({
                "TableName": "old",
                "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
                "BillingMode": "PAY_PER_REQUEST"
            })))
            .expect("created");
        let table = engine.table_any("old").expect("the table");
        let mut record: serde_json::Value =
            serde_json::from_slice(&encode(&table).expect("encodes")).expect("JSON");
        assert_eq!(record["version"], 3);
        let current = decode("old", &serde_json::to_vec(&record).expect("JSON")).expect("decodes");
        assert!(!current.migrated && !current.rekey);
        // Version 2 kept a local index's equal keys in the table's sort key order.
        record["version"] = serde_json::json!(2);
        let old = decode("old", &serde_json::to_vec(&record).expect("JSON")).expect("decodes");
        assert!(old.migrated && old.rekey);
    }

    #[test]
    fn a_record_keeps_everything_a_table_holds() {
        let config = EngineConfig {
            table_status_delay: Duration::from_secs(60),
            index_creation_delay: Duration::from_secs(60),
            ..EngineConfig::default()
        };
        let clock = Clock::manual(UNIX_EPOCH + Duration::from_secs(1_800_000_000));
        let engine = Engine::memory_with_config(clock.clone(), config);
        engine
            .create_table_now(wire(serde_json::json!({
                "TableName": "tbl",
                "AttributeDefinitions": [
                    {"AttributeName": "pk", "AttributeType": "S"},
                    {"AttributeName": "sk", "AttributeType": "N"},
                    {"AttributeName": "l", "AttributeType": "B"},
                    {"AttributeName": "g", "AttributeType": "S"}
                ],
                "KeySchema": [
                    {"AttributeName": "pk", "KeyType": "HASH"},
                    {"AttributeName": "sk", "KeyType": "RANGE"}
                ],
                "LocalSecondaryIndexes": [{
                    "IndexName": "local",
                    "KeySchema": [
                        {"AttributeName": "pk", "KeyType": "HASH"},
                        {"AttributeName": "l", "KeyType": "RANGE"}
                    ],
                    "Projection": {"ProjectionType": "INCLUDE"}
                }],
                "GlobalSecondaryIndexes": [{
                    "IndexName": "gone",
                    "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
                    "Projection": {"ProjectionType": "KEYS_ONLY"}
                }],
                "BillingMode": "PAY_PER_REQUEST",
                "OnDemandThroughput": {"MaxWriteRequestUnits": 9},
                "StreamSpecification": {"StreamEnabled": true, "StreamViewType": "NEW_IMAGE"},
                "TableClass": "SOMEDAY_CLASS",
                "Tags": [{"Key": "a", "Value": "1"}, {"Key": "b", "Value": ""}]
            })))
            .expect("create");
        round_trip(&engine, "tbl");
        clock.advance(Duration::from_secs(61));
        engine
            .update_table_now(wire(serde_json::json!({
                "TableName": "tbl",
                "GlobalSecondaryIndexUpdates": [{"Delete": {"IndexName": "gone"}}]
            })))
            .expect("delete an index");
        let table = engine.table_any("tbl").expect("the table");
        assert!(table.transition.is_some() && !table.deleting.is_empty());
        round_trip(&engine, "tbl");
        clock.advance(Duration::from_secs(61));
        engine
            .update_table_now(wire(serde_json::json!({
                "TableName": "tbl",
                "AttributeDefinitions": [{"AttributeName": "h", "AttributeType": "N"}],
                "GlobalSecondaryIndexUpdates": [{"Create": {
                    "IndexName": "added",
                    "KeySchema": [{"AttributeName": "h", "KeyType": "HASH"}],
                    "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["x"]},
                    "OnDemandThroughput": {"MaxReadRequestUnits": 5}
                }}]
            })))
            .expect("add an index");
        round_trip(&engine, "tbl");
        clock.advance(Duration::from_secs(200));
        engine
            .update_table_now(wire(serde_json::json!({
                "TableName": "tbl",
                "BillingMode": "PROVISIONED",
                "ProvisionedThroughput": {"ReadCapacityUnits": 2, "WriteCapacityUnits": 3},
                "GlobalSecondaryIndexUpdates": [{"Update": {
                    "IndexName": "added",
                    "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}
                }}]
            })))
            .expect("switch to provisioned");
        clock.advance(Duration::from_secs(61));
        engine
            .update_table_now(wire(serde_json::json!({
                "TableName": "tbl",
                "StreamSpecification": {"StreamEnabled": false},
                "DeletionProtectionEnabled": true
            })))
            .expect("disable the stream");
        engine
            .update_time_to_live_now(wire(serde_json::json!({
                "TableName": "tbl",
                "TimeToLiveSpecification": {"Enabled": true, "AttributeName": "exp"}
            })))
            .expect("ttl");
        round_trip(&engine, "tbl");
    }

    #[test]
    fn a_record_keeps_a_multi_attribute_key_live_and_deleting() {
        let config = EngineConfig {
            table_status_delay: Duration::from_secs(60),
            ..EngineConfig::default()
        };
        let clock = Clock::manual(UNIX_EPOCH + Duration::from_secs(1_800_000_000));
        let engine = Engine::memory_with_config(clock.clone(), config);
        let key = serde_json::json!([
            {"AttributeName": "a", "KeyType": "HASH"},
            {"AttributeName": "b", "KeyType": "HASH"},
            {"AttributeName": "c", "KeyType": "RANGE"},
            {"AttributeName": "d", "KeyType": "RANGE"}
        ]);
        engine
            .create_table_now(wire(serde_json::json!({
                "TableName": "tbl",
                "AttributeDefinitions": [
                    {"AttributeName": "pk", "AttributeType": "S"},
                    {"AttributeName": "a", "AttributeType": "S"},
                    {"AttributeName": "b", "AttributeType": "N"},
                    {"AttributeName": "c", "AttributeType": "B"},
                    {"AttributeName": "d", "AttributeType": "S"}
                ],
                "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
                "GlobalSecondaryIndexes": [{
                    "IndexName": "multi",
                    "KeySchema": key,
                    "Projection": {"ProjectionType": "KEYS_ONLY"}
                }],
                "BillingMode": "PAY_PER_REQUEST"
            })))
            .expect("create");
        round_trip(&engine, "tbl");
        let table = engine.table_any("tbl").expect("the table");
        assert_eq!(table.indexes[0].key.more_hash.len(), 1);
        assert_eq!(table.indexes[0].key.more_range.len(), 1);
        clock.advance(Duration::from_secs(61));
        engine
            .update_table_now(wire(serde_json::json!({
                "TableName": "tbl",
                "GlobalSecondaryIndexUpdates": [{"Delete": {"IndexName": "multi"}}]
            })))
            .expect("delete the index");
        let table = engine.table_any("tbl").expect("the table");
        let deleting = &table.deleting[0].description;
        assert_eq!(
            deleting.key_schema,
            Some(wire::<Vec<ddbmock_core::operation::KeySchemaElement>>(key))
        );
        round_trip(&engine, "tbl");
    }
}
