//! Writes racing UpdateTable's creation (with its backfill) and deletion of a global secondary
//! index, on both stores: no write fails, none reaches a dropped index, and once the writers stop,
//! the index holds exactly the table's items that have its key, and counts them.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use ddbmock_engine::{DynamoDb, Engine};
use serde_json::json;

mod race_support;
use race_support::{
    Rng, assert_index_matches, change_index, create_index, delete_index, engines, wire,
};

const WRITERS: u64 = 4;
const KEYS: u64 = 48;

fn block<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
        .block_on(f)
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
                block(change_index(&db, "races", create_index()));
                std::thread::yield_now();
                block(change_index(&db, "races", delete_index()));
            }
            block(change_index(&db, "races", create_index()));
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

            block(assert_index_matches(
                &db,
                "races",
                &format!("{store}, round {round}"),
            ));
            block(change_index(&db, "races", delete_index()));
        }
    }
}
