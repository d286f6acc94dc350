//! The catalog's file format: a database written before catalog records were versioned opens, is
//! migrated, and describes its tables exactly as before; a record of a future version is refused.
//!
//! `fixtures/catalog-v0.sqlite` was written by the engine of that time (three tables: local and
//! global indexes, an index added by UpdateTable, throughput history, a stream disabled after
//! being enabled, table classes, tags, TTL, and a global index `DELETING` for a century);
//! `catalog-v0.describe.json` is what that engine's DescribeTable answered for them after a reopen.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use ddbmock_core::operation::{DescribeTableInput, GetItemInput, ScanInput};
use ddbmock_engine::storage::{SqliteStorage, Storage, StorageError, Write};
use ddbmock_engine::{DynamoDb, Engine};

const TABLES: [&str; 3] = ["orders", "ondemand", "slow"];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A copy of the legacy database, which opening rewrites.
fn legacy_copy(dir: &tempfile::TempDir) -> PathBuf {
    let path = dir.path().join("db.sqlite");
    std::fs::copy(fixture("catalog-v0.sqlite"), &path).expect("copy the fixture");
    path
}

async fn describe_all(db: &Engine) -> serde_json::Value {
    let mut all = serde_json::Map::new();
    for t in TABLES {
        let out = db
            .describe_table(DescribeTableInput {
                table_name: Some(t.to_owned()),
            })
            .await
            .expect("describe table");
        all.insert(t.to_owned(), serde_json::to_value(out).expect("serializes"));
    }
    serde_json::Value::Object(all)
}

async fn item_count(db: &Engine, table: &str) -> usize {
    let out = db
        .scan(ScanInput {
            table_name: Some(table.to_owned()),
            ..Default::default()
        })
        .await
        .expect("scan");
    out.items.unwrap_or_default().len()
}

/// The legacy store's items were re-keyed on open: each one is found by GetItem on its key.
async fn every_item_is_found_by_its_key(db: &Engine, table: &str) {
    let schema = db
        .describe_table(DescribeTableInput {
            table_name: Some(table.to_owned()),
        })
        .await
        .expect("describe table")
        .table
        .and_then(|t| t.key_schema)
        .expect("a key schema");
    let items = db
        .scan(ScanInput {
            table_name: Some(table.to_owned()),
            ..Default::default()
        })
        .await
        .expect("scan")
        .items
        .unwrap_or_default();
    for item in items {
        let key = schema
            .iter()
            .filter_map(|k| k.attribute_name.clone())
            .map(|name| (name.clone(), item[&name].clone()))
            .collect();
        let got = db
            .get_item(GetItemInput {
                table_name: Some(table.to_owned()),
                key: Some(key),
                consistent_read: Some(true),
                ..Default::default()
            })
            .await
            .expect("get item");
        assert_eq!(got.item, Some(item), "{table}");
    }
}

fn versions(storage: &dyn Storage) -> Vec<(String, Option<u64>)> {
    storage
        .metadata()
        .expect("metadata")
        .into_iter()
        .filter(|(name, _)| name.starts_with("table/"))
        .map(|(name, blob)| {
            let v: serde_json::Value = serde_json::from_slice(&blob).expect("JSON");
            (name, v.get("version").and_then(serde_json::Value::as_u64))
        })
        .collect()
}

#[tokio::test]
async fn a_legacy_database_is_migrated_and_describes_its_tables_as_before() {
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(fixture("catalog-v0.describe.json")).expect("the fixture"),
    )
    .expect("JSON");
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = legacy_copy(&dir);
    assert!(
        versions(&SqliteStorage::open(&path).expect("opens"))
            .iter()
            .all(|(_, v)| v.is_none()),
        "the fixture is in the unversioned format"
    );

    let db = Engine::sqlite(&path).expect("the legacy database opens");
    assert_eq!(describe_all(&db).await, expected);
    assert_eq!(item_count(&db, "orders").await, 3);
    assert_eq!(item_count(&db, "ondemand").await, 1);
    assert_eq!(item_count(&db, "slow").await, 1);
    assert_eq!(
        versions(&**db.storage()),
        [
            ("table/ondemand".to_owned(), Some(3)),
            ("table/orders".to_owned(), Some(3)),
            ("table/slow".to_owned(), Some(3)),
        ],
        "every entry was rewritten as a version 3 record"
    );
    for t in TABLES {
        every_item_is_found_by_its_key(&db, t).await;
    }
    drop(db);

    // And the records read back the same: the round trip through version 3.
    let db = Engine::sqlite(&path).expect("the migrated database opens");
    assert_eq!(describe_all(&db).await, expected);
    assert_eq!(item_count(&db, "orders").await, 3);
}

#[test]
fn a_future_record_version_is_refused_and_the_store_left_untouched() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = legacy_copy(&dir);
    let future = br#"{"version": 4, "name": "next", "shape": "unknown"}"#.to_vec();
    {
        let storage = SqliteStorage::open(&path).expect("opens");
        storage
            .write(vec![Write::Meta {
                name: "table/next".to_owned(),
                value: Some(future.clone()),
            }])
            .expect("write the future entry");
    }
    let err = Engine::sqlite(&path).expect_err("a future version is refused");
    assert!(matches!(
        err,
        StorageError::UnsupportedCatalogVersion { found: 4, .. }
    ));
    assert_eq!(
        err.to_string(),
        "table next is stored as catalog record version 4, but this build reads only versions up to 3; the store was left untouched"
    );
    let storage: Arc<dyn Storage> = Arc::new(SqliteStorage::open(&path).expect("opens"));
    let meta = storage.metadata().expect("metadata");
    assert!(meta.contains(&("table/next".to_owned(), future)));
    assert!(
        versions(&*storage)
            .iter()
            .all(|(name, v)| name == "table/next" || v.is_none()),
        "no legacy entry was migrated"
    );
}
