//! Query on a multi-attribute global secondary index against a reference model: for random items
//! (some lacking key attributes) and random key conditions, Query returns what a plain
//! filter-and-sort over all items gives, in order by the sort attributes in turn, and paging
//! through `LastEvaluatedKey` visits each of them exactly once.
//!
//! The index: partition `(a S, b N)`, sort `(c N, d S)`, over a table keyed by `id`.

use std::cmp::Ordering;

use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::*;
use ddbmock_engine::{DynamoDb, Engine};
use proptest::prelude::*;

fn block<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime")
        .block_on(f)
}

/// One item's optional index attributes, from small pools so that conditions hit and miss.
#[derive(Clone, Debug)]
struct Row {
    a: Option<String>,
    b: Option<i32>,
    c: Option<i32>,
    d: Option<String>,
}

fn text() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[xy\u{e9}]{1,3}").expect("regex")
}

fn row() -> impl Strategy<Value = Row> {
    (
        proptest::option::weighted(0.9, prop_oneof![Just("p".to_owned()), Just("q".to_owned())]),
        proptest::option::weighted(0.9, 0i32..2),
        proptest::option::weighted(0.9, -3i32..4),
        proptest::option::weighted(0.9, text()),
    )
        .prop_map(|(a, b, c, d)| Row { a, b, c, d })
}

/// The sort condition of a query: none, on `c` alone, or `c` equal and one on `d`.
#[derive(Clone, Debug)]
enum Sort {
    None,
    C(Op, i32, i32),
    CThenD(i32, Op, String, String),
}

#[derive(Clone, Copy, Debug)]
enum Op {
    Eq,
    Lt,
    Le,
    Gt,
    Ge,
    Between,
    BeginsWith,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        Just(Op::Eq),
        Just(Op::Lt),
        Just(Op::Le),
        Just(Op::Gt),
        Just(Op::Ge),
        Just(Op::Between),
        Just(Op::BeginsWith),
    ]
}

fn sort() -> impl Strategy<Value = Sort> {
    prop_oneof![
        Just(Sort::None),
        (
            op().prop_filter("numbers", |o| !matches!(o, Op::BeginsWith)),
            -3i32..4,
            -3i32..4
        )
            .prop_map(|(o, x, y)| Sort::C(o, x.min(y), x.max(y))),
        (-3i32..4, op(), text(), text()).prop_map(|(c, o, x, y)| {
            let (x, y) = if x <= y { (x, y) } else { (y, x) };
            Sort::CThenD(c, o, x, y)
        }),
    ]
}

#[derive(Debug)]
struct Case {
    rows: Vec<Row>,
    a: String,
    b: i32,
    sort: Sort,
    forward: bool,
    limit: Option<i32>,
}

fn case() -> impl Strategy<Value = Case> {
    (
        proptest::collection::vec(row(), 0..40),
        prop_oneof![Just("p".to_owned()), Just("q".to_owned())],
        0i32..2,
        sort(),
        any::<bool>(),
        proptest::option::of(1i32..6),
    )
        .prop_map(|(rows, a, b, sort, forward, limit)| Case {
            rows,
            a,
            b,
            sort,
            forward,
            limit,
        })
}

fn op_text(op: Op, name: &str) -> String {
    match op {
        Op::Eq => format!("{name} = :x"),
        Op::Lt => format!("{name} < :x"),
        Op::Le => format!("{name} <= :x"),
        Op::Gt => format!("{name} > :x"),
        Op::Ge => format!("{name} >= :x"),
        Op::Between => format!("{name} BETWEEN :x AND :y"),
        Op::BeginsWith => format!("begins_with({name}, :x)"),
    }
}

fn holds<T: Ord>(op: Op, v: &T, x: &T, y: &T, starts: impl Fn() -> bool) -> bool {
    match op {
        Op::Eq => v == x,
        Op::Lt => v < x,
        Op::Le => v <= x,
        Op::Gt => v > x,
        Op::Ge => v >= x,
        Op::Between => x <= v && v <= y,
        Op::BeginsWith => starts(),
    }
}

/// The model: the rows indexed (every attribute present), of the partition, meeting the sort
/// condition, ordered by `c` then by `d`'s UTF-8 bytes (Rust's `String` order).
fn model(c: &Case) -> Vec<(i32, String, usize)> {
    let mut out: Vec<(i32, String, usize)> = c
        .rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some((r.a.as_ref()?, r.b?, r.c?, r.d.clone()?, i)))
        .filter(|(a, b, ..)| **a == c.a && *b == c.b)
        .filter(|(_, _, vc, vd, _)| match &c.sort {
            Sort::None => true,
            Sort::C(op, x, y) => holds(*op, vc, x, y, || false),
            Sort::CThenD(cv, op, x, y) => {
                vc == cv && holds(*op, vd, x, y, || vd.starts_with(x.as_str()))
            }
        })
        .map(|(_, _, vc, vd, i)| (vc, vd, i))
        .collect();
    out.sort_by(|l, r| l.0.cmp(&r.0).then_with(|| l.1.cmp(&r.1)));
    if !c.forward {
        out.reverse();
    }
    out
}

fn num(v: i32) -> AttributeValue {
    AttributeValue::N(v.to_string())
}

fn run(c: &Case) -> Vec<(i32, String, usize)> {
    let db = Engine::memory();
    let def = |n: &str, t| AttributeDefinition {
        attribute_name: Some(n.into()),
        attribute_type: Some(t),
    };
    let key = |n: &str, t| KeySchemaElement {
        attribute_name: Some(n.into()),
        key_type: Some(t),
    };
    use ScalarAttributeType::{N, S};
    block(db.create_table(CreateTableInput {
        table_name: Some("tbl".into()),
        attribute_definitions: Some(vec![
            def("id", N),
            def("a", S),
            def("b", N),
            def("c", N),
            def("d", S),
        ]),
        key_schema: Some(vec![key("id", KeyType::Hash)]),
        billing_mode: Some(BillingMode::PayPerRequest),
        global_secondary_indexes: Some(vec![GlobalSecondaryIndex {
            index_name: Some("gsi".into()),
            key_schema: Some(vec![
                key("a", KeyType::Hash),
                key("b", KeyType::Hash),
                key("c", KeyType::Range),
                key("d", KeyType::Range),
            ]),
            projection: Some(Projection {
                projection_type: Some(ProjectionType::KeysOnly),
                non_key_attributes: None,
            }),
            ..Default::default()
        }]),
        ..Default::default()
    }))
    .unwrap();
    for (i, r) in c.rows.iter().enumerate() {
        let mut item = Item::new();
        item.insert("id".into(), num(i32::try_from(i).unwrap()));
        if let Some(a) = &r.a {
            item.insert("a".into(), AttributeValue::S(a.clone()));
        }
        if let Some(b) = r.b {
            item.insert("b".into(), num(b));
        }
        if let Some(v) = r.c {
            item.insert("c".into(), num(v));
        }
        if let Some(d) = &r.d {
            item.insert("d".into(), AttributeValue::S(d.clone()));
        }
        block(db.put_item(PutItemInput {
            table_name: Some("tbl".into()),
            item: Some(item),
            ..Default::default()
        }))
        .unwrap();
    }
    let mut cond = "a = :a AND b = :b".to_owned();
    let mut values: Item = [
        (":a".to_owned(), AttributeValue::S(c.a.clone())),
        (":b".to_owned(), num(c.b)),
    ]
    .into();
    match &c.sort {
        Sort::None => {}
        Sort::C(op, x, y) => {
            cond += &format!(" AND {}", op_text(*op, "c"));
            values.insert(":x".into(), num(*x));
            if matches!(op, Op::Between) {
                values.insert(":y".into(), num(*y));
            }
        }
        Sort::CThenD(cv, op, x, y) => {
            cond += &format!(" AND c = :c AND {}", op_text(*op, "d"));
            values.insert(":c".into(), num(*cv));
            values.insert(":x".into(), AttributeValue::S(x.clone()));
            if matches!(op, Op::Between) {
                values.insert(":y".into(), AttributeValue::S(y.clone()));
            }
        }
    }
    let mut got = Vec::new();
    let mut start = None;
    for _ in 0..=c.rows.len() + 1 {
        let out = block(db.query(QueryInput {
            table_name: Some("tbl".into()),
            index_name: Some("gsi".into()),
            key_condition_expression: Some(cond.clone()),
            expression_attribute_values: Some(values.clone()),
            scan_index_forward: Some(c.forward),
            limit: c.limit,
            exclusive_start_key: start.take(),
            ..Default::default()
        }))
        .unwrap();
        for item in out.items.unwrap_or_default() {
            let n = |k: &str| match &item[k] {
                AttributeValue::N(v) => v.parse::<i32>().unwrap(),
                other => panic!("{other:?}"),
            };
            let AttributeValue::S(d) = &item["d"] else {
                panic!("d")
            };
            got.push((n("c"), d.clone(), usize::try_from(n("id")).unwrap()));
        }
        match out.last_evaluated_key {
            Some(k) => {
                assert_eq!(k.len(), 5, "every key attribute: {k:?}");
                start = Some(k);
            }
            None => return got,
        }
    }
    panic!("paging did not end")
}

/// Compares by index key in order, and by the set of items within one index key (ties are in
/// the table key's storage order, which the model does not restate).
fn same(mut got: Vec<(i32, String, usize)>, mut want: Vec<(i32, String, usize)>) -> bool {
    let keys =
        |v: &[(i32, String, usize)]| v.iter().map(|r| (r.0, r.1.clone())).collect::<Vec<_>>();
    if keys(&got) != keys(&want) {
        return false;
    }
    let by = |l: &(i32, String, usize), r: &(i32, String, usize)| -> Ordering { l.cmp(r) };
    got.sort_by(by);
    want.sort_by(by);
    got == want
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn query_matches_the_model(c in case()) {
        let want = model(&c);
        let got = run(&c);
        prop_assert!(same(got.clone(), want.clone()), "got {got:?}\nwant {want:?}");
    }
}
