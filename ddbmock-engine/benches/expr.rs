//! Parse + resolve + evaluate a typical update and a three-clause condition.

// criterion's macros generate public functions without docs.
#![allow(missing_docs)]

use std::collections::HashMap;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_engine::expr::{ConditionKind, ExprContext};

fn bench(c: &mut Criterion) {
    let names = HashMap::from([
        ("#a".to_owned(), "name".to_owned()),
        ("#b".to_owned(), "count".to_owned()),
    ]);
    let values = HashMap::from([
        (":a".to_owned(), AttributeValue::S("x".into())),
        (":one".to_owned(), AttributeValue::N("1".into())),
    ]);
    let item: Item = HashMap::from([
        ("pk".to_owned(), AttributeValue::S("k".into())),
        ("count".to_owned(), AttributeValue::N("41".into())),
        ("name".to_owned(), AttributeValue::S("y".into())),
    ]);
    c.bench_function("update SET #a = :a, #b = #b + :one", |b| {
        b.iter(|| {
            let mut cx = ExprContext::new(Some(&names), Some(&values));
            let u = cx.update(black_box("SET #a = :a, #b = #b + :one")).unwrap();
            cx.finish().unwrap();
            let mut it = item.clone();
            u.apply(&mut it).unwrap();
            it
        })
    });
    c.bench_function("condition, three clauses", |b| {
        b.iter(|| {
            let mut cx = ExprContext::new(Some(&names), Some(&values));
            let cond = cx
                .condition(
                    black_box("attribute_exists(pk) AND #b < :one OR begins_with(#a, :a)"),
                    ConditionKind::Condition,
                )
                .unwrap();
            cx.finish().unwrap();
            cond.evaluate(Some(&item)).unwrap()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
