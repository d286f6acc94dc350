//! The memory store alone, under the engine: point reads, 10-entry range scans and replacing puts on
//! a keyspace of 100,000 ~200-byte items keyed as the engine keys them (the harness's shape). What the
//! store costs per operation, without the engine's validation, expressions and billing around it.

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;
use std::ops::{Bound, ControlFlow};
use std::sync::Arc;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_engine::engine::keys::entry_key;
use ddbmock_engine::storage::{MemoryStorage, Storage, Write};

const ITEMS: u64 = 100_000;

fn pk(i: u64) -> AttributeValue {
    AttributeValue::S(format!("p{:06}", i / 10))
}

fn sk(i: u64) -> AttributeValue {
    AttributeValue::S(format!("s{:02}", i % 10))
}

fn item(i: u64) -> Arc<Item> {
    Arc::new(Item::from([
        ("pk".to_owned(), pk(i)),
        ("sk".to_owned(), sk(i)),
        ("data".to_owned(), AttributeValue::S("x".repeat(170))),
        ("n".to_owned(), AttributeValue::N(i.to_string())),
    ]))
}

fn key(i: u64) -> Vec<u8> {
    entry_key(&pk(i), Some(&sk(i))).unwrap()
}

fn loaded() -> MemoryStorage {
    let store = MemoryStorage::new();
    store.write(vec![Write::CreateSpace(1)]).unwrap();
    for i in 0..ITEMS {
        store
            .write(vec![Write::Put {
                space: 1,
                key: key(i),
                item: item(i),
            }])
            .unwrap();
    }
    store
}

fn benches(c: &mut Criterion) {
    let store = loaded();
    let mut j = 0u64;
    c.bench_function("memory_store/get/100000_items", |b| {
        b.iter_batched(
            || {
                j = (j + 7919) % ITEMS;
                key(j)
            },
            |k| store.get(1, black_box(&k)).unwrap(),
            BatchSize::NumIterations(100),
        )
    });
    let mut p = 0u64;
    c.bench_function("memory_store/scan_partition/100000_items", |b| {
        b.iter_batched(
            || {
                p = (p + 7919) % ITEMS;
                let start = entry_key(&pk(p), None).unwrap();
                let mut end = start.clone();
                end.push(0xff);
                (start, end)
            },
            |(start, end)| {
                let mut out = Vec::with_capacity(10);
                store
                    .scan(
                        1,
                        Bound::Included(&start),
                        Bound::Excluded(&end),
                        false,
                        &mut |_, item| {
                            out.push(item.clone());
                            ControlFlow::Continue(())
                        },
                    )
                    .unwrap();
                assert_eq!(out.len(), 10);
                out
            },
            BatchSize::NumIterations(100),
        )
    });
    let mut r = 0u64;
    c.bench_function("memory_store/put_replace/100000_items", |b| {
        b.iter_batched(
            || {
                r = (r + 7919) % ITEMS;
                vec![Write::Put {
                    space: 1,
                    key: key(r),
                    item: item(r),
                }]
            },
            |batch| store.write(black_box(batch)).unwrap(),
            BatchSize::NumIterations(100),
        )
    });
}

criterion_group!(memory_store, benches);
criterion_main!(memory_store);
