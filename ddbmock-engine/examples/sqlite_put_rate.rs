//! PutItem of new items and GetItem through the engine on SQLite, in both wall-clock and CPU time of
//! the calling thread: on a machine shared with other work the wall clock of `benches/sqlite.rs`
//! swings by 2× between runs, while the thread's CPU time (plus what the checkpoint thread spends)
//! says what the store costs.
//!
//! `cargo run --release -p ddbmock-engine --example sqlite_put_rate [items]`. Prints, per round, the
//! µs per new-item PutItem over `items` inserts (300,000 by default, about what criterion iterates),
//! and per GetItem over 10,000 preloaded items. A second row puts the same items into a named file
//! (`Engine::sqlite`) rather than a temporary database, which adds the syncs of
//! `synchronous = NORMAL`. Two more rows split a PutItem's cost: the same puts on
//! the memory engine (the engine's own share), and the store's share alone (a point read then a
//! one-item write of an encoded item, under keys scattered as the engine's hashed keys are). CPU time is read from `/proc/thread-self/schedstat`
//! (Linux); elsewhere only wall-clock time is printed.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Instant;

use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::{CreateTableInput, GetItemInput, PutItemInput};
use ddbmock_engine::storage::{SqliteStorage, Storage, Write};
use ddbmock_engine::{DynamoDb, Engine};

/// The same ~200-byte item as `benches/sqlite.rs`.
fn item(n: u64) -> Item {
    Item::from([
        ("pk".to_owned(), AttributeValue::S(format!("user#{n:010}"))),
        (
            "name".to_owned(),
            AttributeValue::S(format!("User number {n}")),
        ),
        (
            "score".to_owned(),
            AttributeValue::N((n * 7 % 1000).to_string()),
        ),
        (
            "active".to_owned(),
            AttributeValue::Bool(n.is_multiple_of(2)),
        ),
        ("bio".to_owned(), AttributeValue::S("x".repeat(140))),
    ])
}

/// A storage key shaped like the engine's: a 3-byte hash of the partition key, then the key.
fn storage_key(n: u64) -> Vec<u8> {
    let hash = n.wrapping_mul(0x9e37_79b9_7f4a_7c15).to_be_bytes();
    let mut key = hash[..3].to_vec();
    key.extend_from_slice(format!("user#{n:010}").as_bytes());
    key.push(0);
    key
}

fn key(n: u64) -> Item {
    Item::from([("pk".to_owned(), AttributeValue::S(format!("user#{n:010}")))])
}

/// CPU time of the calling thread in nanoseconds, where the system says it.
fn thread_cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// Times `n` calls of `op`: (wall µs, CPU µs of this thread) per call.
fn time(n: u64, mut op: impl FnMut(u64)) -> (f64, Option<f64>) {
    let cpu = thread_cpu_ns();
    let started = Instant::now();
    for i in 0..n {
        op(i);
    }
    let wall = started.elapsed().as_secs_f64() * 1e6 / n as f64;
    let cpu = cpu
        .zip(thread_cpu_ns())
        .map(|(a, b)| (b - a) as f64 / 1e3 / n as f64);
    (wall, cpu)
}

fn print(what: &str, (wall, cpu): (f64, Option<f64>)) {
    let cpu = cpu.map_or_else(|| "-".to_owned(), |c| format!("{c:.2}"));
    println!(
        "  {what:<24} wall {wall:7.2} µs ({:>7.0}/s)   thread CPU {cpu} µs",
        1e6 / wall
    );
}

fn main() {
    let items: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(300_000);
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    let engine_on = |db: Engine| {
        let input: CreateTableInput = serde_json::from_value(serde_json::json!({
            "TableName": "bench",
            "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
            "BillingMode": "PAY_PER_REQUEST"
        }))
        .expect("a request");
        rt.block_on(db.create_table(input)).expect("a table");
        db
    };
    let engine = || engine_on(Engine::temp_sqlite().expect("an engine"));
    let put = |db: &Engine, n: u64| {
        rt.block_on(db.put_item(PutItemInput {
            table_name: Some("bench".into()),
            item: Some(item(n)),
            ..Default::default()
        }))
        .expect("a put");
    };
    for round in 1..=3 {
        println!("round {round}");
        let db = engine();
        print("PutItem new", time(items, |n| put(&db, n)));
        drop(db);
        // A named file keeps `synchronous = NORMAL`'s syncs at checkpoints, which a temporary
        // database skips.
        let dir = tempfile::tempdir().expect("a directory");
        let db = engine_on(Engine::sqlite(dir.path().join("db.sqlite")).expect("an engine"));
        print("  in a named file", time(items, |n| put(&db, n)));
        drop(db);
        let db = engine_on(Engine::memory());
        print("  on the memory engine", time(items, |n| put(&db, n)));
        let store = SqliteStorage::temp().expect("a store");
        store
            .write(vec![Write::CreateSpace(1)])
            .expect("a keyspace");
        print(
            "  store: get + write",
            time(items, |n| {
                let key = storage_key(n);
                black_box(store.get(1, &key).expect("a read"));
                let item = Arc::new(item(n));
                store
                    .write(vec![Write::Put {
                        space: 1,
                        key,
                        item,
                    }])
                    .expect("a write");
            }),
        );
        let db = engine();
        for n in 0..10_000 {
            put(&db, n);
        }
        print(
            "GetItem",
            time(200_000, |i| {
                let out = rt
                    .block_on(db.get_item(GetItemInput {
                        table_name: Some("bench".into()),
                        key: Some(key(i * 7919 % 10_000)),
                        ..Default::default()
                    }))
                    .expect("a get");
                black_box(out.item.expect("a stored item"));
            }),
        );
    }
}
