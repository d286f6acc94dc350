//! What a SQLite commit costs next to moving it off an async worker: the numbers behind the
//! "Why commits run on the caller's thread" section of `SqliteStorage`'s documentation.
//!
//! `cargo run --release -p ddbmock-engine --example sqlite_commit_latency`. Prints, three times: a
//! one-item commit at each durability, a point read, a `spawn_blocking` round trip on a two-worker
//! runtime, and a whole PutItem through the engine on SQLite, in microseconds per operation.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Instant;

use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::PutItemInput;
use ddbmock_engine::storage::{Durability, SqliteOptions, SqliteStorage, Storage, Write};
use ddbmock_engine::{DynamoDb, Engine};

/// A ~200-byte item.
fn item(n: u64) -> Item {
    Item::from([
        ("pk".to_owned(), AttributeValue::S(format!("user#{n:010}"))),
        ("bio".to_owned(), AttributeValue::S("x".repeat(180))),
    ])
}

fn put(n: u64) -> Write {
    Write::Put {
        space: 1,
        key: n.to_be_bytes().to_vec(),
        item: Arc::new(item(n)),
    }
}

fn per_op(n: u64, started: Instant) -> f64 {
    started.elapsed().as_secs_f64() * 1e6 / n as f64
}

fn commits(durability: Durability, n: u64) -> f64 {
    let store =
        SqliteStorage::temp_with(SqliteOptions::default().durability(durability)).expect("a store");
    store
        .write(vec![Write::CreateSpace(1)])
        .expect("a keyspace");
    let started = Instant::now();
    for i in 0..n {
        store.write(vec![put(i)]).expect("a commit");
    }
    per_op(n, started)
}

fn gets(n: u64) -> f64 {
    let store = SqliteStorage::temp().expect("a store");
    store
        .write(vec![Write::CreateSpace(1)])
        .expect("a keyspace");
    store.write((0..1000).map(put).collect()).expect("a commit");
    let started = Instant::now();
    for i in 0..n {
        black_box(store.get(1, &(i % 1000).to_be_bytes()).expect("a read"));
    }
    per_op(n, started)
}

async fn spawn_blocking_round_trips(n: u64) -> f64 {
    let started = Instant::now();
    for i in 0..n {
        black_box(
            tokio::task::spawn_blocking(move || black_box(i))
                .await
                .expect("the task"),
        );
    }
    per_op(n, started)
}

async fn put_items(n: u64) -> f64 {
    let db = Engine::temp_sqlite().expect("an engine");
    db.create_table(
        serde_json::from_value(serde_json::json!({
            "TableName": "bench",
            "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
            "BillingMode": "PAY_PER_REQUEST"
        }))
        .expect("a request"),
    )
    .await
    .expect("a table");
    let started = Instant::now();
    for i in 0..n {
        db.put_item(PutItemInput {
            table_name: Some("bench".into()),
            item: Some(item(i)),
            ..Default::default()
        })
        .await
        .expect("a put");
    }
    per_op(n, started)
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime");
    for round in 1..=3 {
        println!("round {round} (µs per operation)");
        println!(
            "  commit of one put, NORMAL  {:8.2}",
            commits(Durability::Normal, 20_000)
        );
        println!(
            "  commit of one put, FULL    {:8.2}",
            commits(Durability::Full, 2_000)
        );
        println!("  point read                 {:8.2}", gets(100_000));
        println!(
            "  spawn_blocking round trip  {:8.2}",
            rt.block_on(spawn_blocking_round_trips(100_000))
        );
        println!(
            "  PutItem on SQLite, inline  {:8.2}",
            rt.block_on(put_items(20_000))
        );
    }
}
