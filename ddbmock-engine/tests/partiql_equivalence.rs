//! PartiQL is the API by another name: a random sequence of statements on one engine and the
//! equivalent GetItem/Query/Scan/PutItem/UpdateItem/DeleteItem requests on a twin give the same
//! items, the same errors, the same consumed capacity, the same table and the same stream
//! records.

mod streams_support;

use ddbmock_core::item;
use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::ScalarAttributeType::{N, S};
use ddbmock_core::operation::*;
use ddbmock_engine::{DynamoDb, Engine, Error};
use proptest::prelude::*;
use streams_support::{describe, engine, read_all};

#[derive(Clone, Debug)]
enum Op {
    Get(&'static str, i64),
    Query(&'static str, Option<(&'static str, i64)>, bool),
    In(Vec<&'static str>),
    Scan(i64),
    Insert(&'static str, i64, i64),
    Update(&'static str, i64, i64, Option<i64>),
    Delete(&'static str, i64, Option<i64>),
}

fn op() -> impl Strategy<Value = Op> {
    let pk = || prop::sample::select(vec!["a", "b", "c"]);
    let sk = || 1i64..4;
    let n = || 0i64..4;
    prop_oneof![
        (pk(), sk()).prop_map(|(p, s)| Op::Get(p, s)),
        (
            pk(),
            prop::option::of((prop::sample::select(vec!["=", "<", ">=", "<="]), sk())),
            any::<bool>()
        )
            .prop_map(|(p, r, d)| Op::Query(p, r, d)),
        prop::collection::vec(pk(), 2..4).prop_map(|ps| {
            let mut unique = Vec::new();
            for p in ps {
                if !unique.contains(&p) {
                    unique.push(p);
                }
            }
            Op::In(unique)
        }),
        n().prop_map(Op::Scan),
        (pk(), sk(), n()).prop_map(|(p, s, v)| Op::Insert(p, s, v)),
        (pk(), sk(), n(), prop::option::of(n())).prop_map(|(p, s, v, c)| Op::Update(p, s, v, c)),
        (pk(), sk(), prop::option::of(n())).prop_map(|(p, s, c)| Op::Delete(p, s, c)),
    ]
}

/// An outcome both engines must agree on: items and capacity, or an error. An INSERT of an
/// existing key is DynamoDB's `DuplicateItemException` where PutItem's condition fails.
#[derive(Debug, PartialEq)]
enum Outcome {
    Items(Vec<Item>, Option<ConsumedCapacity>),
    Failed(String, String),
}

fn failed(e: Error) -> Outcome {
    match e.type_name() {
        "DuplicateItemException" => Outcome::Failed("duplicate".into(), String::new()),
        t => Outcome::Failed(t.to_owned(), e.message()),
    }
}

const TOTAL: Option<ReturnConsumedCapacity> = Some(ReturnConsumedCapacity::Total);

fn s(v: &str) -> AttributeValue {
    v.into()
}

fn num(v: i64) -> AttributeValue {
    v.into()
}

async fn partiql(db: &Engine, op: &Op) -> Outcome {
    let (text, params): (String, Vec<AttributeValue>) = match op {
        Op::Get(p, k) => (
            "SELECT * FROM tbl WHERE pk = ? AND sk = ?".into(),
            vec![s(p), num(*k)],
        ),
        Op::Query(p, r, desc) => {
            let mut text = "SELECT * FROM tbl WHERE pk = ?".to_owned();
            let mut params = vec![s(p)];
            if let Some((cmp, k)) = r {
                text.push_str(&format!(" AND sk {cmp} ?"));
                params.push(num(*k));
            }
            if *desc {
                text.push_str(" ORDER BY sk DESC");
            }
            (text, params)
        }
        Op::In(ps) => (
            format!(
                "SELECT * FROM tbl WHERE pk IN [{}]",
                vec!["?"; ps.len()].join(", ")
            ),
            ps.iter().map(|p| s(p)).collect(),
        ),
        Op::Scan(v) => ("SELECT * FROM tbl WHERE n >= ?".into(), vec![num(*v)]),
        Op::Insert(p, k, v) => (
            "INSERT INTO tbl VALUE {'pk': ?, 'sk': ?, 'n': ?}".into(),
            vec![s(p), num(*k), num(*v)],
        ),
        Op::Update(p, k, v, c) => {
            let mut text = "UPDATE tbl SET n = ? WHERE pk = ? AND sk = ?".to_owned();
            let mut params = vec![num(*v), s(p), num(*k)];
            if let Some(c) = c {
                text.push_str(" AND n = ?");
                params.push(num(*c));
            }
            text.push_str(" RETURNING ALL NEW *");
            (text, params)
        }
        Op::Delete(p, k, c) => {
            let mut text = "DELETE FROM tbl WHERE pk = ? AND sk = ?".to_owned();
            let mut params = vec![s(p), num(*k)];
            if let Some(c) = c {
                text.push_str(" AND n = ?");
                params.push(num(*c));
            }
            text.push_str(" RETURNING ALL OLD *");
            (text, params)
        }
    };
    match db
        .execute_statement(ExecuteStatementInput {
            statement: Some(text),
            parameters: Some(params),
            return_consumed_capacity: TOTAL,
            ..Default::default()
        })
        .await
    {
        Ok(out) => Outcome::Items(out.items.unwrap_or_default(), out.consumed_capacity),
        Err(e) => failed(e),
    }
}

fn values(pairs: &[(&str, AttributeValue)]) -> Option<Item> {
    Some(
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect(),
    )
}

async fn query(
    db: &Engine,
    p: &str,
    r: Option<(&str, i64)>,
    desc: bool,
) -> Result<QueryOutput, Error> {
    let mut key = "pk = :p".to_owned();
    let mut vals = vec![(":p", s(p))];
    if let Some((cmp, k)) = r {
        key.push_str(&format!(" AND sk {cmp} :s"));
        vals.push((":s", num(k)));
    }
    db.query(QueryInput {
        table_name: Some("tbl".into()),
        key_condition_expression: Some(key),
        expression_attribute_values: values(&vals),
        scan_index_forward: desc.then_some(false),
        return_consumed_capacity: TOTAL,
        ..Default::default()
    })
    .await
}

async fn api(db: &Engine, op: &Op) -> Outcome {
    let key = |p: &str, k: i64| item! { "pk" => p, "sk" => k };
    let out = match op {
        Op::Get(p, k) => db
            .get_item(GetItemInput {
                return_consumed_capacity: TOTAL,
                ..GetItemInput::new("tbl", key(p, *k))
            })
            .await
            .map(|o| (o.item.into_iter().collect(), o.consumed_capacity)),
        Op::Query(p, r, desc) => query(db, p, *r, *desc)
            .await
            .map(|o| (o.items.unwrap_or_default(), o.consumed_capacity)),
        Op::In(ps) => {
            let mut items = Vec::new();
            let mut units = 0.0;
            for p in ps {
                let o = query(db, p, None, false).await.unwrap();
                items.extend(o.items.unwrap_or_default());
                units += o.consumed_capacity.unwrap().capacity_units.unwrap();
            }
            Ok((
                items,
                Some(ConsumedCapacity {
                    table_name: Some("tbl".into()),
                    capacity_units: Some(units),
                    read_capacity_units: Some(units),
                    ..Default::default()
                }),
            ))
        }
        Op::Scan(v) => db
            .scan(ScanInput {
                table_name: Some("tbl".into()),
                filter_expression: Some("n >= :n".into()),
                expression_attribute_values: values(&[(":n", num(*v))]),
                return_consumed_capacity: TOTAL,
                ..Default::default()
            })
            .await
            .map(|o| (o.items.unwrap_or_default(), o.consumed_capacity)),
        Op::Insert(p, k, v) => db
            .put_item(PutItemInput {
                condition_expression: Some("attribute_not_exists(pk)".into()),
                return_consumed_capacity: TOTAL,
                ..PutItemInput::new("tbl", item! { "pk" => *p, "sk" => *k, "n" => *v })
            })
            .await
            .map(|o| (vec![], o.consumed_capacity)),
        Op::Update(p, k, v, c) => {
            let mut vals = vec![(":v", num(*v))];
            let mut cond = "attribute_exists(pk)".to_owned();
            if let Some(c) = c {
                cond.push_str(" AND n = :c");
                vals.push((":c", num(*c)));
            }
            db.update_item(UpdateItemInput {
                table_name: Some("tbl".into()),
                key: Some(key(p, *k)),
                update_expression: Some("SET n = :v".into()),
                condition_expression: Some(cond),
                expression_attribute_values: values(&vals),
                return_values: Some(ReturnValue::AllNew),
                return_consumed_capacity: TOTAL,
                ..Default::default()
            })
            .await
            .map(|o| (o.attributes.into_iter().collect(), o.consumed_capacity))
        }
        Op::Delete(p, k, c) => db
            .delete_item(DeleteItemInput {
                table_name: Some("tbl".into()),
                key: Some(key(p, *k)),
                condition_expression: c.map(|_| "attribute_not_exists(pk) OR n = :c".into()),
                expression_attribute_values: c.and_then(|c| values(&[(":c", num(c))])),
                return_values: Some(ReturnValue::AllOld),
                return_consumed_capacity: TOTAL,
                ..Default::default()
            })
            .await
            .map(|o| (o.attributes.into_iter().collect(), o.consumed_capacity)),
    };
    match out {
        Ok((items, capacity)) => Outcome::Items(items, capacity),
        // INSERT's condition is that the key is new.
        Err(e)
            if matches!(op, Op::Insert(..))
                && e.type_name() == "ConditionalCheckFailedException" =>
        {
            Outcome::Failed("duplicate".into(), String::new())
        }
        Err(e) => failed(e),
    }
}

async fn twin() -> Engine {
    let db = engine();
    db.create_table(CreateTableInput {
        stream_specification: Some(StreamSpecification {
            stream_enabled: Some(true),
            stream_view_type: Some(StreamViewType::NewAndOldImages),
        }),
        ..CreateTableInput::new("tbl", "pk", S).range("sk", N)
    })
    .await
    .unwrap();
    for (p, k) in [("a", 1), ("a", 2), ("b", 1)] {
        db.put_item(PutItemInput::new(
            "tbl",
            item! { "pk" => p, "sk" => k, "n" => k },
        ))
        .await
        .unwrap();
    }
    db
}

/// What a consumer sees of each record, without the ids, sequence numbers and times that differ
/// between any two engines.
async fn stream(
    db: &Engine,
) -> Vec<(
    Option<OperationType>,
    Option<Item>,
    Option<Item>,
    Option<Item>,
    Option<i64>,
)> {
    let arn = describe(db, "tbl").await.latest_stream_arn.unwrap();
    read_all(db, &arn)
        .await
        .into_iter()
        .map(|r| {
            let d = r.dynamodb.unwrap();
            (r.event_name, d.keys, d.new_image, d.old_image, d.size_bytes)
        })
        .collect()
}

fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
        .block_on(f)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn statements_and_their_operations_agree(ops in prop::collection::vec(op(), 1..16)) {
        block_on(async {
            let (a, b) = (twin().await, twin().await);
            for op in &ops {
                let (x, y) = (partiql(&a, op).await, api(&b, op).await);
                assert_eq!(x, y, "{op:?}");
            }
            let all = |db: Engine| async move {
                db.scan(ScanInput { table_name: Some("tbl".into()), ..Default::default() })
                    .await
                    .unwrap()
                    .items
            };
            assert_eq!(all(a.clone()).await, all(b.clone()).await);
            assert_eq!(stream(&a).await, stream(&b).await);
        });
    }
}
