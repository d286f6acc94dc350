//! In-process throughput of the engine on the memory store: PutItem, GetItem, and a new engine with
//! one CreateTable. Items are ~200 bytes, as in the server harness. Then the eventual consistency
//! simulation on: GetItem and PutItem with every item of the table written within the lag.

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::*;
use ddbmock_engine::{Clock, Consistency, DynamoDb, Engine};

fn table_input() -> CreateTableInput {
    CreateTableInput {
        table_name: Some("bench".into()),
        attribute_definitions: Some(vec![
            AttributeDefinition {
                attribute_name: Some("pk".into()),
                attribute_type: Some(ScalarAttributeType::S),
            },
            AttributeDefinition {
                attribute_name: Some("sk".into()),
                attribute_type: Some(ScalarAttributeType::S),
            },
        ]),
        key_schema: Some(vec![
            KeySchemaElement {
                attribute_name: Some("pk".into()),
                key_type: Some(KeyType::Hash),
            },
            KeySchemaElement {
                attribute_name: Some("sk".into()),
                key_type: Some(KeyType::Range),
            },
        ]),
        billing_mode: Some(BillingMode::PayPerRequest),
        ..Default::default()
    }
}

fn item(i: u64) -> Item {
    Item::from([
        (
            "pk".to_owned(),
            AttributeValue::S(format!("p{:06}", i / 10)),
        ),
        (
            "sk".to_owned(),
            AttributeValue::S(format!("s{:02}", i % 10)),
        ),
        ("data".to_owned(), AttributeValue::S("x".repeat(170))),
        ("n".to_owned(), AttributeValue::N(i.to_string())),
    ])
}

fn key(i: u64) -> Item {
    Item::from([
        (
            "pk".to_owned(),
            AttributeValue::S(format!("p{:06}", i / 10)),
        ),
        (
            "sk".to_owned(),
            AttributeValue::S(format!("s{:02}", i % 10)),
        ),
    ])
}

/// Drives the engine's futures directly: they never wait, so no runtime is needed, and the bench
/// measures the engine rather than a scheduler.
fn run<F: std::future::Future>(f: F) -> F::Output {
    let mut f = std::pin::pin!(f);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

/// A memory engine with the table `bench` holding `size` items.
fn loaded(size: u64) -> Engine {
    fill(Engine::memory(), size)
}

/// `engine` with the table `bench` holding `size` items.
fn fill(engine: Engine, size: u64) -> Engine {
    run(engine.create_table(table_input())).unwrap();
    put_all(&engine, size);
    engine
}

/// Puts items 0 to `size` into `bench`.
fn put_all(engine: &Engine, size: u64) {
    for i in 0..size {
        run(engine.put_item(PutItemInput {
            table_name: Some("bench".into()),
            item: Some(item(i)),
            ..Default::default()
        }))
        .unwrap();
    }
}

fn benches(c: &mut Criterion) {
    // Inputs are built, and outputs dropped, outside the measured time (`iter_batched`), 100 at a
    // time: the figures are the engine's, not the caller's allocations, and the batch is small
    // enough that inputs are still in the cache and outputs do not pile up, as for a real caller. Two table sizes, because the cost of
    // a read is mostly cache misses on the stored item: a test's table of a thousand items stays in
    // the CPU's caches, ten thousand do not.
    for size in [1_000u64, 10_000] {
        let engine = loaded(size);
        let mut j = 0u64;
        c.bench_function(&format!("get_item/{size}_items"), |b| {
            b.iter_batched(
                || {
                    j = (j + 7919) % size;
                    GetItemInput {
                        table_name: Some("bench".into()),
                        key: Some(key(j)),
                        ..Default::default()
                    }
                },
                |input| run(engine.get_item(black_box(input))).unwrap(),
                BatchSize::NumIterations(100),
            )
        });

        // Steady state: each put replaces one of the items, as a test's working set does.
        let mut i = 0u64;
        c.bench_function(&format!("put_item/{size}_items"), |b| {
            b.iter_batched(
                || {
                    i = (i + 7919) % size;
                    PutItemInput {
                        table_name: Some("bench".into()),
                        item: Some(item(i)),
                        ..Default::default()
                    }
                },
                |input| run(engine.put_item(black_box(input))).unwrap(),
                BatchSize::NumIterations(100),
            )
        });
    }

    // Growth: every put is a new item, so the table grows by as many items as criterion iterates.
    let engine = loaded(10_000);
    let mut n = 10_000u64;
    c.bench_function("put_item_new", |b| {
        b.iter_batched(
            || {
                n += 1;
                PutItemInput {
                    table_name: Some("bench".into()),
                    item: Some(item(n)),
                    ..Default::default()
                }
            },
            |input| run(engine.put_item(black_box(input))).unwrap(),
            BatchSize::NumIterations(100),
        )
    });

    // The simulation on, in its worst case: every item was written again within the lag, so each
    // read looks its key up among 1,000 recent writes and answers the item as it was before.
    let lag = std::time::Duration::from_secs(1);
    let clock = Clock::manual(std::time::UNIX_EPOCH + std::time::Duration::from_secs(1 << 30));
    let engine = fill(
        Engine::builder()
            .clock(clock.clone())
            .consistency(Consistency::oldest(lag))
            .build()
            .expect("engine"),
        1_000,
    );
    clock.advance(lag);
    put_all(&engine, 1_000);
    let mut j = 0u64;
    c.bench_function("get_item_eventual/1000_items_1000_recent_writes", |b| {
        b.iter_batched(
            || {
                j = (j + 7919) % 1_000;
                GetItemInput {
                    table_name: Some("bench".into()),
                    key: Some(key(j)),
                    ..Default::default()
                }
            },
            |input| run(engine.get_item(black_box(input))).unwrap(),
            BatchSize::NumIterations(100),
        )
    });

    c.bench_function("new_engine_and_create_table", |b| {
        b.iter(|| {
            let e = Engine::memory();
            run(e.create_table(black_box(table_input()))).unwrap();
            e
        })
    });
}

criterion_group!(engine, benches);
criterion_main!(engine);
