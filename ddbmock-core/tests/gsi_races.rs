//! Writes racing UpdateTable's creation (with its backfill) and deletion of a global secondary
//! index, on both stores: no write fails, none reaches a dropped index, and once the writers stop,
//! the index holds exactly the table's items that have its key, and counts them.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::*;
use ddbmock_core::storage::{MemoryStorage, SqliteStorage, Storage};
use ddbmock_core::{Clock, DynamoDb, Engine, EngineConfig};
use serde_json::{Value, json};

const WRITERS: u64 = 4;
const KEYS: u64 = 48;

fn wire<T: serde::de::DeserializeOwned>(v: Value) -> T {
    serde_json::from_value(v).expect("a valid request")
}

fn block<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
        .block_on(f)
}

fn engines() -> Vec<(&'static str, Engine)> {
    let on = |storage: Arc<dyn Storage>| {
        Engine::with_storage(storage, Clock::system(), EngineConfig::default()).unwrap()
    };
    vec![
        ("memory", on(Arc::new(MemoryStorage::new()))),
        ("sqlite", on(Arc::new(SqliteStorage::temp().unwrap()))),
    ]
}

/// A small deterministic generator, one per writer.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// Puts, updates (setting or removing the index key `g`) and deletes random items until `stop`;
/// counts itself in `started` at its first write.
fn write_until(db: &Engine, seed: u64, stop: &AtomicBool, started: &AtomicU64) -> u64 {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (seed + 1));
    let mut writes = 0;
    while !stop.load(Ordering::Relaxed) {
        let pk = json!({"S": format!("k{}", rng.below(KEYS))});
        let g = json!({"S": format!("g{}", rng.below(3))});
        let result = match rng.below(5) {
            0 | 1 => block(db.put_item(wire(json!({
                "TableName": "races",
                "Item": {"pk": pk, "g": g, "v": {"N": writes.to_string()}}
            }))))
            .map(drop),
            2 => block(db.put_item(wire(json!({
                "TableName": "races",
                "Item": {"pk": pk, "v": {"N": writes.to_string()}}
            }))))
            .map(drop),
            3 => {
                let update = if rng.below(2) == 0 {
                    json!({
                        "TableName": "races",
                        "Key": {"pk": pk},
                        "UpdateExpression": "SET g = :g",
                        "ExpressionAttributeValues": {":g": g}
                    })
                } else {
                    json!({"TableName": "races", "Key": {"pk": pk}, "UpdateExpression": "REMOVE g"})
                };
                block(db.update_item(wire(update))).map(drop)
            }
            _ => block(db.delete_item(wire(json!({"TableName": "races", "Key": {"pk": pk}}))))
                .map(drop),
        };
        if let Err(e) = result {
            panic!("a write racing the index changes failed: {e:?}");
        }
        if writes == 0 {
            started.fetch_add(1, Ordering::Relaxed);
        }
        writes += 1;
    }
    writes
}

async fn change_index(db: &Engine, update: Value) {
    db.update_table(wire(json!({
        "TableName": "races",
        "AttributeDefinitions": [{"AttributeName": "g", "AttributeType": "S"}],
        "GlobalSecondaryIndexUpdates": [update]
    })))
    .await
    .expect("update table");
}

fn create() -> Value {
    json!({"Create": {
        "IndexName": "by_g",
        "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
        "Projection": {"ProjectionType": "ALL"}
    }})
}

fn delete() -> Value {
    json!({"Delete": {"IndexName": "by_g"}})
}

async fn scan_all(db: &Engine, index: Option<&str>) -> Vec<Item> {
    let mut items = Vec::new();
    let mut start = None;
    loop {
        let out = db
            .scan(ScanInput {
                table_name: Some("races".into()),
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

#[test]
fn writes_racing_index_creation_and_deletion_keep_the_index_exact() {
    for (store, db) in engines() {
        block(db.create_table(wire(json!({
            "TableName": "races",
            "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
            "BillingMode": "PAY_PER_REQUEST"
        }))))
        .unwrap();
        for round in 0..3 {
            let stop = Arc::new(AtomicBool::new(false));
            let started = Arc::new(AtomicU64::new(0));
            let writers: Vec<_> = (0..WRITERS)
                .map(|w| {
                    let (db, stop, started) = (db.clone(), stop.clone(), started.clone());
                    std::thread::spawn(move || {
                        write_until(&db, round * WRITERS + w, &stop, &started)
                    })
                })
                .collect();
            for _ in 0..8 {
                block(change_index(&db, create()));
                std::thread::yield_now();
                block(change_index(&db, delete()));
            }
            block(change_index(&db, create()));
            for _ in 0..200 {
                std::thread::yield_now();
            }
            // On a loaded machine a writer may not have run yet: wait for each to have written.
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
            while started.load(Ordering::Relaxed) < WRITERS {
                assert!(std::time::Instant::now() < deadline, "a writer never wrote");
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
            stop.store(true, Ordering::Relaxed);
            for w in writers {
                assert!(w.join().expect("a writer panicked") > 0);
            }

            let table = block(scan_all(&db, None));
            let expected: Vec<Item> = table
                .iter()
                .filter(|i| i.contains_key("g"))
                .cloned()
                .collect();
            let index = block(scan_all(&db, Some("by_g")));
            assert_eq!(index, expected, "{store}, round {round}");
            let d = block(db.describe_table(wire(json!({"TableName": "races"}))))
                .unwrap()
                .table
                .unwrap();
            assert_eq!(d.item_count, Some(table.len() as i64), "{store}");
            let g = &d.global_secondary_indexes.unwrap()[0];
            assert_eq!(g.item_count, Some(expected.len() as i64), "{store}");
            block(change_index(&db, delete()));
        }
    }
}
