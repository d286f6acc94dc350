//! Helpers shared by the tests that race requests against table and index changes, and by the crash
//! test: both stores, a deterministic generator, index changes, and reading a whole table or index.

#![allow(dead_code, unreachable_pub)]

use std::sync::Arc;

use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::ScanInput;
use ddbmock_engine::storage::{MemoryStorage, SqliteStorage, Storage};
use ddbmock_engine::{Clock, DynamoDb, Engine, EngineConfig};
use serde_json::{Value, json};

pub fn wire<T: serde::de::DeserializeOwned>(v: Value) -> T {
    serde_json::from_value(v).expect("a valid request")
}

/// An engine on each store, named.
pub fn engines() -> Vec<(&'static str, Engine)> {
    let on = |storage: Arc<dyn Storage>| {
        Engine::with_storage(storage, Clock::system(), EngineConfig::default()).unwrap()
    };
    vec![
        ("memory", on(Arc::new(MemoryStorage::new()))),
        ("sqlite", on(Arc::new(SqliteStorage::temp().unwrap()))),
    ]
}

/// A small xorshift generator: the tests need only a reproducible spread, one per thread.
pub struct Rng(pub u64);

impl Rng {
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// Applies one `GlobalSecondaryIndexUpdates` entry to `table`, whose indexes are keyed on `g`.
pub async fn change_index(db: &Engine, table: &str, update: Value) {
    db.update_table(wire(json!({
        "TableName": table,
        "AttributeDefinitions": [{"AttributeName": "g", "AttributeType": "S"}],
        "GlobalSecondaryIndexUpdates": [update]
    })))
    .await
    .expect("update table");
}

/// The update creating the index `by_g` on `g`, projecting everything.
pub fn create_index() -> Value {
    json!({"Create": {
        "IndexName": "by_g",
        "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
        "Projection": {"ProjectionType": "ALL"}
    }})
}

/// The update deleting the index `by_g`.
pub fn delete_index() -> Value {
    json!({"Delete": {"IndexName": "by_g"}})
}

/// Every entry of `table` (read consistently) or of its `index`, by `pk`.
pub async fn scan_all(db: &Engine, table: &str, index: Option<&str>) -> Vec<Item> {
    let mut items = Vec::new();
    let mut start = None;
    loop {
        let out = db
            .scan(ScanInput {
                table_name: Some(table.into()),
                index_name: index.map(str::to_owned),
                exclusive_start_key: start.take(),
                consistent_read: index.is_none().then_some(true),
                ..Default::default()
            })
            .await
            .expect("scan");
        items.extend(out.items.unwrap_or_default());
        match out.last_evaluated_key {
            Some(k) => start = Some(k),
            None => break,
        }
    }
    let pk = |i: &Item| match i.get("pk") {
        Some(AttributeValue::S(s)) => s.clone(),
        _ => String::new(),
    };
    items.sort_by_key(pk);
    items
}

/// Asserts that the index `by_g` of `table` holds exactly the table's items that have `g`, and that
/// DescribeTable counts both; `label` names the store (and round) in a failure.
pub async fn assert_index_matches(db: &Engine, table: &str, label: &str) {
    let items = scan_all(db, table, None).await;
    let expected: Vec<Item> = items
        .iter()
        .filter(|i| i.contains_key("g"))
        .cloned()
        .collect();
    assert_eq!(scan_all(db, table, Some("by_g")).await, expected, "{label}");
    let d = db
        .describe_table(wire(json!({"TableName": table})))
        .await
        .unwrap()
        .table
        .unwrap();
    assert_eq!(d.item_count, Some(items.len() as i64), "{label}");
    let g = &d.global_secondary_indexes.unwrap()[0];
    assert_eq!(g.item_count, Some(expected.len() as i64), "{label}");
}
