//! Reads answered as JSON (`DynamoDb::get_item_json`, `query_json`, `scan_json`: what the wire
//! protocol sends) say what the typed answers say, serialized: on both stores, for items of every
//! type (escapes, binaries, nesting, numbers), found or not, billed or not, and for the requests
//! that take the typed path underneath (projections, filters, counts, indexes, eventual reads).

use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::*;
use ddbmock_engine::{Clock, Consistency, DynamoDb, Engine, Staleness};
use proptest::prelude::*;
use serde_json::Value;
use std::time::Duration;

fn block<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("runtime")
        .block_on(f)
}

fn engines() -> Vec<Engine> {
    vec![Engine::memory(), Engine::temp_sqlite().expect("sqlite")]
}

fn s(v: &str) -> AttributeValue {
    AttributeValue::S(v.to_owned())
}

/// Attribute values of every type, nested a few levels.
fn value() -> impl Strategy<Value = AttributeValue> {
    let leaf = prop_oneof![
        "(.|[\"\\\\\u{0}-\u{1f}]){1,8}".prop_map(AttributeValue::S),
        "-?[1-9][0-9]{0,5}(\\.[0-9]{0,3}[1-9])?".prop_map(AttributeValue::N),
        proptest::collection::vec(any::<u8>(), 1..40).prop_map(AttributeValue::B),
        proptest::collection::btree_set("[a-z\"\\\\]{1,4}", 1..4)
            .prop_map(|set| AttributeValue::Ss(set.into_iter().collect())),
        proptest::collection::btree_set(1u32..1000, 1..4)
            .prop_map(|set| AttributeValue::Ns(set.iter().map(u32::to_string).collect())),
        proptest::collection::btree_set(proptest::collection::vec(any::<u8>(), 1..4), 1..4)
            .prop_map(|set| AttributeValue::Bs(set.into_iter().collect())),
        Just(AttributeValue::Null(true)),
        any::<bool>().prop_map(AttributeValue::Bool),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(AttributeValue::L),
            proptest::collection::hash_map(".{1,4}", inner, 0..4).prop_map(AttributeValue::M),
        ]
    })
}

async fn table(db: &Engine) {
    let input: CreateTableInput = serde_json::from_value(serde_json::json!({
        "TableName": "tbl",
        "AttributeDefinitions": [
            {"AttributeName": "pk", "AttributeType": "S"},
            {"AttributeName": "sk", "AttributeType": "S"}
        ],
        "KeySchema": [
            {"AttributeName": "pk", "KeyType": "HASH"},
            {"AttributeName": "sk", "KeyType": "RANGE"}
        ],
        "BillingMode": "PAY_PER_REQUEST"
    }))
    .expect("a valid request");
    db.create_table(input).await.expect("table");
}

async fn put(db: &Engine, item: Item) {
    db.put_item(PutItemInput {
        table_name: Some("tbl".into()),
        item: Some(item),
        ..Default::default()
    })
    .await
    .expect("put");
}

/// The typed answer's JSON and the JSON answer, parsed.
async fn both_gets(db: &Engine, input: GetItemInput) -> (Value, Value) {
    let typed = serde_json::to_value(db.get_item(input.clone()).await.expect("get")).unwrap();
    let json = db.get_item_json(input).await.expect("get json");
    (typed, serde_json::from_slice(&json).expect("valid JSON"))
}

fn get(sk: &str) -> GetItemInput {
    GetItemInput {
        table_name: Some("tbl".into()),
        key: Some([("pk".to_owned(), s("p")), ("sk".to_owned(), s(sk))].into()),
        ..Default::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn get_item_json_is_the_typed_answer(
        attrs in proptest::collection::hash_map("[a-z\"é]{1,5}", value(), 0..5),
        capacity in any::<bool>(),
    ) {
        block(async {
            for db in engines() {
                table(&db).await;
                let mut item: Item = attrs.clone();
                item.insert("pk".into(), s("p"));
                item.insert("sk".into(), s("a"));
                put(&db, item).await;
                for sk in ["a", "missing"] {
                    let mut input = get(sk);
                    if capacity {
                        input.return_consumed_capacity = Some(ReturnConsumedCapacity::Total);
                    }
                    let (typed, json) = both_gets(&db, input).await;
                    prop_assert_eq!(json, typed);
                }
            }
            Ok(())
        })?;
    }
}

/// Projections and errors take the typed path, and errors are the typed path's errors.
#[test]
fn projected_and_refused_gets_match() {
    block(async {
        for db in engines() {
            table(&db).await;
            let item: Item = [
                ("pk".to_owned(), s("p")),
                ("sk".to_owned(), s("a")),
                ("x".to_owned(), s("1")),
                ("y".to_owned(), s("2")),
            ]
            .into();
            put(&db, item).await;
            let mut projected = get("a");
            projected.projection_expression = Some("x".into());
            let (typed, json) = both_gets(&db, projected).await;
            assert_eq!(json, typed);
            assert_eq!(json, serde_json::json!({"Item": {"x": {"S": "1"}}}));

            let mut missing_table = get("a");
            missing_table.table_name = Some("nope".into());
            let typed = db.get_item(missing_table.clone()).await.unwrap_err();
            let json = db.get_item_json(missing_table).await.unwrap_err();
            assert_eq!(json.message(), typed.message());
            assert_eq!(json.message(), "Requested resource not found");
        }
    });
}

/// An eventually consistent read of simulated replicas sees what the typed read sees: the item as
/// it was before a write still inside the lag.
#[test]
fn eventual_reads_of_the_simulation_match() {
    block(async {
        let clock =
            Clock::manual(std::time::SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000));
        let db = Engine::builder()
            .clock(clock.clone())
            .consistency(Consistency::Eventual {
                lag: Duration::from_secs(1),
                staleness: Staleness::Oldest,
            })
            .build()
            .expect("engine");
        table(&db).await;
        for v in ["old", "new"] {
            let item: Item = [
                ("pk".to_owned(), s("p")),
                ("sk".to_owned(), s("a")),
                ("v".to_owned(), s(v)),
            ]
            .into();
            put(&db, item).await;
            if v == "old" {
                // Past the lag: the eventual read made after the second write sees the first.
                clock.advance(Duration::from_secs(2));
            }
        }
        let (typed, json) = both_gets(&db, get("a")).await;
        assert_eq!(json, typed);
        assert_eq!(json["Item"]["v"], serde_json::json!({"S": "old"}));
    });
}

/// Both answers to `input`, parsed.
async fn both_queries(db: &Engine, input: QueryInput) -> (Value, Value) {
    let typed = serde_json::to_value(db.query(input.clone()).await.expect("query")).unwrap();
    let json = db.query_json(input).await.expect("query json");
    (typed, serde_json::from_slice(&json).expect("valid JSON"))
}

/// The table, a keys-only index on `sk`, 30 items of every type in partition `p`, and one item
/// in each of 20 more partitions (so that scan segments split them).
async fn fill(db: &Engine) {
    table(db).await;
    let index: UpdateTableInput = serde_json::from_value(serde_json::json!({
        "TableName": "tbl",
        "GlobalSecondaryIndexUpdates": [{"Create": {
            "IndexName": "by_sk",
            "KeySchema": [{"AttributeName": "sk", "KeyType": "HASH"}],
            "Projection": {"ProjectionType": "KEYS_ONLY"}
        }}]
    }))
    .expect("a valid request");
    db.update_table(index).await.expect("index");
    for n in 0..30 {
        let item: Item = [
            ("pk".to_owned(), s("p")),
            ("sk".to_owned(), s(&format!("s{n:02}"))),
            ("n".to_owned(), AttributeValue::N(format!("{n}.5"))),
            (
                "text".to_owned(),
                s(&format!("\"quoted\"\n{}", "é".repeat(n))),
            ),
            ("b".to_owned(), AttributeValue::B(vec![n as u8; n % 5 + 1])),
            (
                "m".to_owned(),
                AttributeValue::M(
                    [(
                        "l".to_owned(),
                        AttributeValue::L(vec![AttributeValue::Bool(n % 2 == 0)]),
                    )]
                    .into(),
                ),
            ),
        ]
        .into();
        put(db, item).await;
    }
    for n in 0..20 {
        put(
            db,
            [
                ("pk".to_owned(), s(&format!("q{n}"))),
                ("sk".to_owned(), s("s")),
            ]
            .into(),
        )
        .await;
    }
}

/// Every page of `input`'s Query or Scan, answered both ways, until the last: `both` gives the
/// typed answer and the JSON answer, parsed.
async fn every_page<I: Clone + std::fmt::Debug>(
    mut input: I,
    both: impl AsyncFn(I) -> (Value, Value),
    resume: impl Fn(&mut I, Option<Item>),
) {
    for _ in 0..60 {
        let (typed, json) = both(input.clone()).await;
        assert_eq!(json, typed, "{input:?}");
        let last = typed
            .get("LastEvaluatedKey")
            .map(|k| serde_json::from_value::<Item>(k.clone()).expect("a key"));
        let more = last.is_some();
        resume(&mut input, last);
        if !more {
            return;
        }
    }
    panic!("paging does not end: {input:?}");
}

/// Every page of every shape of Query, on both stores: whole items (written from the store),
/// and projections, filters, counts and index entries (through the typed output).
#[test]
fn query_json_pages_are_the_typed_pages() {
    block(async {
        for db in engines() {
            fill(&db).await;
            let base = QueryInput {
                table_name: Some("tbl".into()),
                key_condition_expression: Some("pk = :p AND sk > :s".into()),
                expression_attribute_values: Some(
                    [(":p".to_owned(), s("p")), (":s".to_owned(), s("s03"))].into(),
                ),
                ..Default::default()
            };
            let mut shapes = Vec::new();
            for forward in [true, false] {
                for limit in [None, Some(1), Some(7), Some(26), Some(27)] {
                    shapes.push(QueryInput {
                        scan_index_forward: Some(forward),
                        limit,
                        return_consumed_capacity: limit.map(|_| ReturnConsumedCapacity::Indexes),
                        consistent_read: Some(forward),
                        ..base.clone()
                    });
                }
            }
            shapes.push(QueryInput {
                projection_expression: Some("n, m.l".into()),
                ..base.clone()
            });
            shapes.push(QueryInput {
                filter_expression: Some("n > :n".into()),
                expression_attribute_values: Some(
                    [
                        (":p".to_owned(), s("p")),
                        (":s".to_owned(), s("s03")),
                        (":n".to_owned(), AttributeValue::N("10".into())),
                    ]
                    .into(),
                ),
                limit: Some(9),
                ..base.clone()
            });
            shapes.push(QueryInput {
                select: Some(Select::Count),
                ..base.clone()
            });
            shapes.push(QueryInput {
                table_name: Some("tbl".into()),
                index_name: Some("by_sk".into()),
                key_condition_expression: Some("sk = :s".into()),
                expression_attribute_values: Some([(":s".to_owned(), s("s05"))].into()),
                return_consumed_capacity: Some(ReturnConsumedCapacity::Total),
                ..Default::default()
            });
            for input in shapes {
                every_page(
                    input,
                    async |i| both_queries(&db, i).await,
                    |i, key| i.exclusive_start_key = key,
                )
                .await;
            }
        }
    });
}

/// Every page of every shape of Scan, on both stores, as for Query; and the segments of a parallel
/// scan.
#[test]
fn scan_json_pages_are_the_typed_pages() {
    block(async {
        for db in engines() {
            fill(&db).await;
            let base = ScanInput {
                table_name: Some("tbl".into()),
                ..Default::default()
            };
            let mut shapes = Vec::new();
            for limit in [None, Some(1), Some(7), Some(50)] {
                shapes.push(ScanInput {
                    limit,
                    return_consumed_capacity: limit.map(|_| ReturnConsumedCapacity::Indexes),
                    consistent_read: Some(limit.is_some()),
                    ..base.clone()
                });
            }
            for segment in 0..3 {
                shapes.push(ScanInput {
                    segment: Some(segment),
                    total_segments: Some(3),
                    limit: Some(4),
                    ..base.clone()
                });
            }
            shapes.push(ScanInput {
                projection_expression: Some("pk, m.l".into()),
                ..base.clone()
            });
            shapes.push(ScanInput {
                filter_expression: Some("attribute_exists(n)".into()),
                limit: Some(9),
                ..base.clone()
            });
            shapes.push(ScanInput {
                select: Some(Select::Count),
                ..base.clone()
            });
            shapes.push(ScanInput {
                index_name: Some("by_sk".into()),
                limit: Some(6),
                return_consumed_capacity: Some(ReturnConsumedCapacity::Total),
                ..base.clone()
            });
            for input in shapes {
                every_page(
                    input,
                    async |i| both_scans(&db, i).await,
                    |i, key| i.exclusive_start_key = key,
                )
                .await;
            }
        }
    });
}

async fn both_scans(db: &Engine, input: ScanInput) -> (Value, Value) {
    let typed = serde_json::to_value(db.scan(input.clone()).await.expect("scan")).unwrap();
    let json = db.scan_json(input).await.expect("scan json");
    (typed, serde_json::from_slice(&json).expect("valid JSON"))
}
