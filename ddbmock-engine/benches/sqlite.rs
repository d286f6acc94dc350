//! PutItem and GetItem through the engine on the SQLite store, with ~200-byte items.
//!
//! `cargo bench -p ddbmock-engine --bench sqlite`. The targets of issue 24 are PutItem of new items
//! ≥ 50,000/s and GetItem ≥ 300,000/s on one thread; the memory engine runs alongside as the
//! reference. On a machine shared with other work the wall clock here swings by 2× between runs;
//! `examples/sqlite_put_rate.rs` runs the same workloads and also prints the thread's CPU time.

#![allow(missing_docs)] // criterion's macros generate undocumented functions.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::{CreateTableInput, GetItemInput, PutItemInput};
use ddbmock_engine::{DynamoDb, Engine};
use tokio::runtime::Runtime;

const TABLE: &str = "bench";
/// Items loaded before measuring GetItem.
const PRELOAD: u64 = 10_000;

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

fn key(n: u64) -> Item {
    Item::from([("pk".to_owned(), AttributeValue::S(format!("user#{n:010}")))])
}

fn engine(rt: &Runtime, make: fn() -> Engine) -> Engine {
    let db = make();
    let input: CreateTableInput = serde_json::from_value(serde_json::json!({
        "TableName": TABLE,
        "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
        "BillingMode": "PAY_PER_REQUEST"
    }))
    .expect("a valid request");
    rt.block_on(db.create_table(input)).expect("create table");
    db
}

fn put(rt: &Runtime, db: &Engine, n: u64) {
    rt.block_on(db.put_item(PutItemInput {
        table_name: Some(TABLE.to_owned()),
        item: Some(item(n)),
        ..Default::default()
    }))
    .expect("put item");
}

fn bench(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    type MakeEngine = fn() -> Engine;
    let stores: [(&str, MakeEngine); 2] = [
        ("sqlite", || {
            Engine::temp_sqlite().expect("a temporary database")
        }),
        ("memory", Engine::memory),
    ];
    for (store, make) in stores {
        let mut group = c.benchmark_group(store);
        group.throughput(Throughput::Elements(1));

        // Growth: every put is a new item, so the table grows by as many items as criterion
        // iterates (a few hundred thousand), and pages fall out of the page cache as it does.
        let db = engine(&rt, make);
        let mut n = 0;
        group.bench_function("PutItem new", |b| {
            b.iter(|| {
                n += 1;
                put(&rt, &db, n);
            });
        });

        let db = engine(&rt, make);
        for n in 0..PRELOAD {
            put(&rt, &db, n);
        }
        // Steady state: each put replaces one of the preloaded items, as a test's working set does.
        let mut n = 0;
        group.bench_function("PutItem", |b| {
            b.iter(|| {
                n = (n + 7919) % PRELOAD;
                put(&rt, &db, n);
            });
        });
        let mut n = 0;
        group.bench_function("GetItem", |b| {
            b.iter(|| {
                // A stride coprime to PRELOAD visits every item in a scattered order.
                n = (n + 7919) % PRELOAD;
                let out = rt
                    .block_on(db.get_item(GetItemInput {
                        table_name: Some(TABLE.to_owned()),
                        key: Some(key(n)),
                        ..Default::default()
                    }))
                    .expect("get item");
                black_box(out.item.expect("a stored item"));
            });
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
