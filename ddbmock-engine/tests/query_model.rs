//! Query and Scan against a reference model: for random items and random key conditions, Query
//! returns what a plain filter-and-sort over all items gives; paging through `LastEvaluatedKey`
//! visits each item exactly once, and each page answered as JSON (what the wire protocol sends) is
//! the typed page serialized; the segments of a parallel scan add up to a full scan.

use std::cmp::Ordering;
use std::collections::BTreeSet;

use ddbmock_core::model::{AttributeValue, Item, Number};
use ddbmock_core::operation::*;
use ddbmock_engine::{DynamoDb, Engine};
use proptest::prelude::*;

fn block<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime")
        .block_on(f)
}

/// Sort keys of the three types, drawn from small pools so that conditions hit and miss.
fn sort_value(ty: u8) -> BoxedStrategy<AttributeValue> {
    match ty {
        0 => prop_oneof![
            (-50i32..50).prop_map(|i| AttributeValue::N(i.to_string())),
            (-50i32..50).prop_map(|i| AttributeValue::N(format!("{i}.5"))),
            Just(AttributeValue::N("1e30".into())),
            Just(AttributeValue::N("-1e-30".into())),
        ]
        .boxed(),
        1 => proptest::string::string_regex("[ab\u{e9}\u{4e2d}]{1,4}")
            .expect("regex")
            .prop_map(AttributeValue::S)
            .boxed(),
        _ => proptest::collection::vec(
            prop_oneof![Just(0u8), Just(1), Just(0x7f), Just(0xff)],
            1..4,
        )
        .prop_map(AttributeValue::B)
        .boxed(),
    }
}

fn type_name(ty: u8) -> ScalarAttributeType {
    match ty {
        0 => ScalarAttributeType::N,
        1 => ScalarAttributeType::S,
        _ => ScalarAttributeType::B,
    }
}

fn cmp(a: &AttributeValue, b: &AttributeValue) -> Ordering {
    match (a, b) {
        (AttributeValue::N(x), AttributeValue::N(y)) => {
            let (x, y) = (Number::parse(x).unwrap(), Number::parse(y).unwrap());
            let (mut bx, mut by) = (Vec::new(), Vec::new());
            x.write_ordered_bytes(&mut bx);
            y.write_ordered_bytes(&mut by);
            bx.cmp(&by)
        }
        (AttributeValue::S(x), AttributeValue::S(y)) => x.as_bytes().cmp(y.as_bytes()),
        (AttributeValue::B(x), AttributeValue::B(y)) => x.cmp(y),
        _ => Ordering::Equal,
    }
}

fn starts_with(v: &AttributeValue, p: &AttributeValue) -> bool {
    match (v, p) {
        (AttributeValue::S(x), AttributeValue::S(y)) => x.starts_with(y.as_str()),
        (AttributeValue::B(x), AttributeValue::B(y)) => x.starts_with(y),
        _ => false,
    }
}

#[derive(Clone, Debug)]
enum Op {
    All,
    Eq,
    Lt,
    Le,
    Gt,
    Ge,
    Between,
    BeginsWith,
}

#[derive(Debug)]
struct Case {
    ty: u8,
    items: Vec<(u8, AttributeValue, i32)>,
    partition: u8,
    op: Op,
    a: AttributeValue,
    b: AttributeValue,
    forward: bool,
    limit: Option<i32>,
    index: bool,
    filter_odd: bool,
    segments: i32,
}

fn case() -> impl Strategy<Value = Case> {
    (0u8..3).prop_flat_map(|ty| {
        let ops = prop_oneof![
            Just(Op::All),
            Just(Op::Eq),
            Just(Op::Lt),
            Just(Op::Le),
            Just(Op::Gt),
            Just(Op::Ge),
            Just(Op::Between),
            Just(Op::BeginsWith),
        ];
        (
            proptest::collection::vec((0u8..4, sort_value(ty), 0i32..4), 0..60),
            0u8..4,
            ops,
            sort_value(ty),
            sort_value(ty),
            any::<bool>(),
            proptest::option::of(1i32..8),
            any::<bool>(),
            any::<bool>(),
            1i32..6,
        )
            .prop_map(
                move |(items, partition, op, a, b, forward, limit, index, filter_odd, segments)| {
                    Case {
                        ty,
                        items,
                        partition,
                        op,
                        a,
                        b,
                        forward,
                        limit,
                        index,
                        filter_odd,
                        segments,
                    }
                },
            )
    })
}

fn attr(name: &str, ty: ScalarAttributeType) -> AttributeDefinition {
    AttributeDefinition {
        attribute_name: Some(name.into()),
        attribute_type: Some(ty),
    }
}

fn key(name: &str, ty: KeyType) -> KeySchemaElement {
    KeySchemaElement {
        attribute_name: Some(name.into()),
        key_type: Some(ty),
    }
}

async fn run(c: Case) -> Result<(), TestCaseError> {
    let db = Engine::memory();
    let sk_ty = type_name(c.ty);
    db.create_table(CreateTableInput {
        table_name: Some("tbl".into()),
        attribute_definitions: Some(vec![
            attr("pk", ScalarAttributeType::S),
            attr("sk", sk_ty.clone()),
            attr("g", ScalarAttributeType::S),
        ]),
        key_schema: Some(vec![key("pk", KeyType::Hash), key("sk", KeyType::Range)]),
        // The index has the same shape under other names, keyed by `g` / `sk`; items with id 3
        // lack `g` (sparse), and the index's ties on `sk` are broken by the table key.
        global_secondary_indexes: Some(vec![GlobalSecondaryIndex {
            index_name: Some("idx".into()),
            key_schema: Some(vec![key("g", KeyType::Hash), key("sk", KeyType::Range)]),
            projection: Some(Projection {
                projection_type: Some(ProjectionType::All),
                non_key_attributes: None,
            }),
            ..Default::default()
        }]),
        billing_mode: Some(BillingMode::PayPerRequest),
        ..Default::default()
    })
    .await
    .unwrap();
    // The model: the last write of each key wins.
    let mut model: Vec<Item> = Vec::new();
    for (p, sk, v) in &c.items {
        // The model holds numbers as DynamoDB returns them.
        let sk = &match sk {
            AttributeValue::N(n) => AttributeValue::N(Number::parse(n).unwrap().to_string()),
            other => other.clone(),
        };
        let mut it: Item = [
            ("pk".to_owned(), AttributeValue::S(format!("p{p}"))),
            ("sk".to_owned(), sk.clone()),
            ("v".to_owned(), AttributeValue::N(v.to_string())),
        ]
        .into();
        if *v != 3 {
            it.insert("g".into(), AttributeValue::S(format!("p{p}")));
        }
        db.put_item(PutItemInput {
            table_name: Some("tbl".into()),
            item: Some(it.clone()),
            ..Default::default()
        })
        .await
        .unwrap();
        model.retain(|m| !(m["pk"] == it["pk"] && cmp(&m["sk"], sk) == Ordering::Equal));
        model.push(it);
    }

    let part = AttributeValue::S(format!("p{}", c.partition));
    let (lo, hi) = if cmp(&c.a, &c.b) == Ordering::Greater {
        (c.b.clone(), c.a.clone())
    } else {
        (c.a.clone(), c.b.clone())
    };
    let op = match (&c.op, c.ty) {
        (Op::BeginsWith, 0) => Op::Ge,
        (op, _) => op.clone(),
    };
    let (cond, values): (&str, Vec<(&str, AttributeValue)>) = match op {
        Op::All => ("", vec![]),
        Op::Eq => (" AND sk = :a", vec![(":a", lo.clone())]),
        Op::Lt => (" AND sk < :a", vec![(":a", lo.clone())]),
        Op::Le => (" AND sk <= :a", vec![(":a", lo.clone())]),
        Op::Gt => (" AND sk > :a", vec![(":a", lo.clone())]),
        Op::Ge => (" AND sk >= :a", vec![(":a", lo.clone())]),
        Op::Between => (
            " AND sk BETWEEN :a AND :b",
            vec![(":a", lo.clone()), (":b", hi.clone())],
        ),
        Op::BeginsWith => (" AND begins_with(sk, :a)", vec![(":a", lo.clone())]),
    };
    let hash = if c.index { "g" } else { "pk" };
    let keep = |it: &Item| {
        let sk = &it["sk"];
        let o = cmp(sk, &lo);
        let in_range = match op {
            Op::All => true,
            Op::Eq => o == Ordering::Equal,
            Op::Lt => o == Ordering::Less,
            Op::Le => o != Ordering::Greater,
            Op::Gt => o == Ordering::Greater,
            Op::Ge => o != Ordering::Less,
            Op::Between => o != Ordering::Less && cmp(sk, &hi) != Ordering::Greater,
            Op::BeginsWith => starts_with(sk, &lo),
        };
        it.get(hash) == Some(&part) && in_range
    };
    let mut expected: Vec<Item> = model.iter().filter(|i| keep(i)).cloned().collect();
    expected.sort_by(|a, b| cmp(&a["sk"], &b["sk"]));
    if !c.forward {
        expected.reverse();
    }
    let read_before_filter = expected.len();
    if c.filter_odd {
        expected.retain(|i| i["v"] != AttributeValue::N("1".into()));
    }

    let mut vals: Item = values.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
    vals.insert(":p".into(), part.clone());
    let mut input = QueryInput {
        table_name: Some("tbl".into()),
        index_name: c.index.then(|| "idx".into()),
        key_condition_expression: Some(format!("{hash} = :p{cond}")),
        scan_index_forward: Some(c.forward),
        limit: c.limit,
        ..Default::default()
    };
    if c.filter_odd {
        input.filter_expression = Some("v <> :one".into());
        vals.insert(":one".into(), AttributeValue::N("1".into()));
    }
    input.expression_attribute_values = Some(vals);

    let mut got = Vec::new();
    let mut scanned = 0;
    let mut pages = 0;
    loop {
        let out = db.query(input.clone()).await.unwrap();
        // The wire protocol's answer says the same.
        let json: serde_json::Value =
            serde_json::from_slice(&db.query_json(input.clone()).await.unwrap()).unwrap();
        prop_assert_eq!(json, serde_json::to_value(&out).unwrap());
        pages += 1;
        scanned += out.scanned_count.unwrap_or(0);
        let items = out.items.unwrap_or_default();
        prop_assert_eq!(out.count, Some(items.len() as i32));
        if let Some(l) = c.limit {
            prop_assert!(out.scanned_count.unwrap() <= l);
        }
        got.extend(items);
        match out.last_evaluated_key {
            Some(k) => input.exclusive_start_key = Some(k),
            None => break,
        }
        prop_assert!(pages <= 200, "paging does not end");
    }
    prop_assert_eq!(
        scanned as usize,
        read_before_filter,
        "each item read exactly once"
    );
    let key_of = |i: &Item| (format!("{:?}", i["pk"]), format!("{:?}", i["sk"]));
    // On the index, items with equal `sk` may come in any order: compare sort keys in order, and
    // the items as sets.
    prop_assert_eq!(
        got.iter()
            .map(|i| format!("{:?}", i["sk"]))
            .collect::<Vec<_>>(),
        expected
            .iter()
            .map(|i| format!("{:?}", i["sk"]))
            .collect::<Vec<_>>()
    );
    prop_assert_eq!(
        got.iter().map(key_of).collect::<BTreeSet<_>>(),
        expected.iter().map(key_of).collect::<BTreeSet<_>>()
    );
    prop_assert_eq!(got.len(), expected.len());

    // Parallel scan: the segments' union is the full scan, with no item twice.
    let mut seen = Vec::new();
    for segment in 0..c.segments {
        let mut input = ScanInput {
            table_name: Some("tbl".into()),
            index_name: c.index.then(|| "idx".into()),
            segment: Some(segment),
            total_segments: Some(c.segments),
            limit: c.limit,
            ..Default::default()
        };
        loop {
            let out = db.scan(input.clone()).await.unwrap();
            seen.extend(out.items.unwrap_or_default().iter().map(key_of));
            match out.last_evaluated_key {
                Some(k) => input.exclusive_start_key = Some(k),
                None => break,
            }
        }
    }
    let all: BTreeSet<_> = model
        .iter()
        .filter(|i| !c.index || i.contains_key("g"))
        .map(key_of)
        .collect();
    prop_assert_eq!(seen.len(), all.len());
    prop_assert_eq!(seen.into_iter().collect::<BTreeSet<_>>(), all);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn query_matches_the_model(c in case()) {
        block(run(c))?;
    }
}
