//! Query returning the 10 items of one partition of a 100,000-item table, in-process.

// criterion's macros generate public functions without docs.
#![allow(missing_docs)]

use std::future::Future;
use std::hint::black_box;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::*;
use ddbmock_engine::{DynamoDb, Engine};

/// The engine's futures never wait: one poll completes them, so no runtime is measured.
fn now<F: Future>(f: F) -> F::Output {
    let mut f = pin!(f);
    match f.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(v) => v,
        Poll::Pending => panic!("the engine's futures complete at once"),
    }
}

fn table() -> Engine {
    let db = Engine::memory();
    let def = |n: &str, t| AttributeDefinition {
        attribute_name: Some(n.into()),
        attribute_type: Some(t),
    };
    let key = |n: &str, t| KeySchemaElement {
        attribute_name: Some(n.into()),
        key_type: Some(t),
    };
    now(db.create_table(CreateTableInput {
        table_name: Some("bench".into()),
        attribute_definitions: Some(vec![
            def("pk", ScalarAttributeType::S),
            def("sk", ScalarAttributeType::N),
        ]),
        key_schema: Some(vec![key("pk", KeyType::Hash), key("sk", KeyType::Range)]),
        billing_mode: Some(BillingMode::PayPerRequest),
        ..Default::default()
    }))
    .unwrap();
    // `cargo test` runs this once to check that it works (criterion measures only under `--bench`):
    // a table of 1,000 items is enough there and spares the test command 100,000 debug-build puts.
    let partitions = if std::env::args().any(|arg| arg == "--bench") {
        10_000
    } else {
        100
    };
    for p in 0..partitions {
        for s in 0..10 {
            let item: Item = [
                ("pk".to_owned(), AttributeValue::S(format!("user#{p}"))),
                ("sk".to_owned(), AttributeValue::N(s.to_string())),
                ("name".to_owned(), AttributeValue::S("some name".into())),
                ("n".to_owned(), AttributeValue::N("12345".into())),
            ]
            .into();
            now(db.put_item(PutItemInput {
                table_name: Some("bench".into()),
                item: Some(item),
                ..Default::default()
            }))
            .unwrap();
        }
    }
    db
}

fn bench(c: &mut Criterion) {
    let db = table();
    let input = QueryInput {
        table_name: Some("bench".into()),
        key_condition_expression: Some("pk = :p".into()),
        expression_attribute_values: Some(
            [(":p".to_owned(), AttributeValue::S("user#42".into()))].into(),
        ),
        ..Default::default()
    };
    let mut group = c.benchmark_group("query");
    group.throughput(Throughput::Elements(1));
    group.bench_function("10 items of one partition, 100k-item table", |b| {
        // The request is built by the caller; what is measured is the engine answering it,
        // dropping the request and building the response.
        b.iter_batched(
            || input.clone(),
            |input| {
                let out = now(db.query(black_box(input))).unwrap();
                debug_assert_eq!(out.count, Some(10));
                out
            },
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
