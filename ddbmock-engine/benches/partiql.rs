//! A point SELECT against the GetItem it runs as, in process on the memory store: the statement
//! `SELECT * FROM bench WHERE pk = ? AND sk = ?` (cached parse, planning, the GetItem) and the
//! GetItem alone, on 1,000 items of ~200 bytes. The target is at most twice a GetItem. A third
//! figure, the statement with its text new each time, shows what the parse cache saves.

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::*;
use ddbmock_engine::{DynamoDb, Engine};

const SIZE: u64 = 1_000;

fn pk(i: u64) -> AttributeValue {
    AttributeValue::S(format!("p{:06}", i / 10))
}

fn sk(i: u64) -> AttributeValue {
    AttributeValue::S(format!("s{:02}", i % 10))
}

/// Drives the engine's futures directly: they never wait, so no runtime is needed.
fn run<F: std::future::Future>(f: F) -> F::Output {
    let mut f = std::pin::pin!(f);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

fn loaded() -> Engine {
    let engine = Engine::memory();
    run(engine.create_table(
        CreateTableInput::new("bench", "pk", ScalarAttributeType::S)
            .range("sk", ScalarAttributeType::S),
    ))
    .unwrap();
    for i in 0..SIZE {
        let item = Item::from([
            ("pk".to_owned(), pk(i)),
            ("sk".to_owned(), sk(i)),
            ("data".to_owned(), AttributeValue::S("x".repeat(170))),
            ("n".to_owned(), AttributeValue::N(i.to_string())),
        ]);
        run(engine.put_item(PutItemInput::new("bench", item))).unwrap();
    }
    engine
}

fn benches(c: &mut Criterion) {
    let engine = loaded();
    let mut j = 0u64;
    c.bench_function("partiql/get_item", |b| {
        b.iter_batched(
            || {
                j = (j + 7919) % SIZE;
                GetItemInput::new(
                    "bench",
                    Item::from([("pk".to_owned(), pk(j)), ("sk".to_owned(), sk(j))]),
                )
            },
            |input| run(engine.get_item(black_box(input))).unwrap(),
            BatchSize::NumIterations(100),
        )
    });
    c.bench_function("partiql/point_select", |b| {
        b.iter_batched(
            || {
                j = (j + 7919) % SIZE;
                ExecuteStatementInput {
                    statement: Some("SELECT * FROM bench WHERE pk = ? AND sk = ?".into()),
                    parameters: Some(vec![pk(j), sk(j)]),
                    ..Default::default()
                }
            },
            |input| run(engine.execute_statement(black_box(input))).unwrap(),
            BatchSize::NumIterations(100),
        )
    });
    // Literal keys make a thousand texts, visited in turn, more than the cache keeps: the parser
    // runs each time, the cost a statement without parameters pays the first time.
    c.bench_function("partiql/point_select_uncached", |b| {
        b.iter_batched(
            || {
                j = (j + 7919) % SIZE;
                let (AttributeValue::S(p), AttributeValue::S(s)) = (pk(j), sk(j)) else {
                    unreachable!()
                };
                ExecuteStatementInput {
                    statement: Some(format!(
                        "SELECT * FROM bench WHERE pk = '{p}' AND sk = '{s}'"
                    )),
                    ..Default::default()
                }
            },
            |input| run(engine.execute_statement(black_box(input))).unwrap(),
            BatchSize::NumIterations(100),
        )
    });
}

criterion_group!(partiql, benches);
criterion_main!(partiql);
