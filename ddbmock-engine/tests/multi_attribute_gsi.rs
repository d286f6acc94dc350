//! Global secondary indexes with multi-attribute keys (up to four partition and four sort
//! attributes): their creation and its validation, index membership as items change, Query with
//! each condition shape and each error, paging, and the backfill of one added by UpdateTable.

use std::collections::HashMap;

use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::*;
use ddbmock_engine::{DynamoDb, Engine};

fn s(v: &str) -> AttributeValue {
    AttributeValue::S(v.into())
}
fn n(v: i64) -> AttributeValue {
    AttributeValue::N(v.to_string())
}
fn def(name: &str, ty: ScalarAttributeType) -> AttributeDefinition {
    AttributeDefinition {
        attribute_name: Some(name.into()),
        attribute_type: Some(ty),
    }
}
fn hash(name: &str) -> KeySchemaElement {
    KeySchemaElement {
        attribute_name: Some(name.into()),
        key_type: Some(KeyType::Hash),
    }
}
fn range(name: &str) -> KeySchemaElement {
    KeySchemaElement {
        attribute_name: Some(name.into()),
        key_type: Some(KeyType::Range),
    }
}
fn all() -> Option<Projection> {
    Some(Projection {
        projection_type: Some(ProjectionType::All),
        non_key_attributes: None,
    })
}

/// The index used throughout: partition `(tenant S, area S)`, sort `(round N, bracket S, seq N)`.
fn gsi_schema() -> Vec<KeySchemaElement> {
    vec![
        hash("tenant"),
        hash("area"),
        range("round"),
        range("bracket"),
        range("seq"),
    ]
}

fn defs() -> Vec<AttributeDefinition> {
    use ScalarAttributeType::{N, S};
    vec![
        def("id", S),
        def("tenant", S),
        def("area", S),
        def("round", N),
        def("bracket", S),
        def("seq", N),
    ]
}

fn create_input(gsi_key: Vec<KeySchemaElement>) -> CreateTableInput {
    CreateTableInput {
        table_name: Some("tbl".into()),
        attribute_definitions: Some(defs()),
        key_schema: Some(vec![hash("id")]),
        billing_mode: Some(BillingMode::PayPerRequest),
        global_secondary_indexes: Some(vec![GlobalSecondaryIndex {
            index_name: Some("gsi".into()),
            key_schema: Some(gsi_key),
            projection: all(),
            ..Default::default()
        }]),
        ..Default::default()
    }
}

async fn table() -> Engine {
    let db = Engine::memory();
    db.create_table(create_input(gsi_schema())).await.unwrap();
    db
}

fn match_item(id: &str, tenant: &str, area: &str, round: i64, bracket: &str, seq: i64) -> Item {
    [
        ("id", s(id)),
        ("tenant", s(tenant)),
        ("area", s(area)),
        ("round", n(round)),
        ("bracket", s(bracket)),
        ("seq", n(seq)),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

async fn put(db: &Engine, item: Item) {
    db.put_item(PutItemInput {
        table_name: Some("tbl".into()),
        item: Some(item),
        ..Default::default()
    })
    .await
    .unwrap();
}

/// Items of partition `(w, eu)` in index order, and decoys in other partitions.
async fn seed(db: &Engine) {
    // Written out of order, so that the index's order is its own doing.
    let rows = [
        ("m5", 2, "upper", 1),
        ("m1", 1, "lower", 1),
        ("m3", 1, "upper", 1),
        ("m2", 1, "lower", 7),
        ("m6", 10, "final", 1),
        ("m4", 1, "upper2", 0),
    ];
    for (id, round, bracket, seq) in rows {
        put(db, match_item(id, "w", "eu", round, bracket, seq)).await;
    }
    // Same values spread differently: another partition each.
    put(db, match_item("x1", "w", "us", 1, "lower", 1)).await;
    // ("we", "u") concatenates to the same text as ("w", "eu"), and is still another partition.
    put(db, match_item("x2", "we", "u", 1, "lower", 1)).await;
}

struct Q {
    cond: &'static str,
    values: Vec<(&'static str, AttributeValue)>,
    forward: bool,
}

fn q(cond: &'static str, values: Vec<(&'static str, AttributeValue)>) -> Q {
    Q {
        cond,
        values,
        forward: true,
    }
}

fn query_input(query: &Q) -> QueryInput {
    QueryInput {
        table_name: Some("tbl".into()),
        index_name: Some("gsi".into()),
        key_condition_expression: Some(query.cond.into()),
        expression_attribute_values: Some(
            query
                .values
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
        ),
        scan_index_forward: Some(query.forward),
        ..Default::default()
    }
}

async fn ids(db: &Engine, query: &Q) -> Result<Vec<String>, String> {
    db.query(query_input(query))
        .await
        .map(|out| {
            out.items
                .unwrap_or_default()
                .iter()
                .map(|i| match &i["id"] {
                    AttributeValue::S(v) => v.clone(),
                    other => panic!("{other:?}"),
                })
                .collect()
        })
        .map_err(|e| e.message())
}

fn part() -> Vec<(&'static str, AttributeValue)> {
    vec![(":t", s("w")), (":r", s("eu"))]
}
fn with(
    mut v: Vec<(&'static str, AttributeValue)>,
    more: &[(&'static str, AttributeValue)],
) -> Vec<(&'static str, AttributeValue)> {
    v.extend(more.iter().cloned());
    v
}

#[tokio::test]
async fn describe_table_lists_every_key_attribute_in_order() {
    let db = table().await;
    let d = db
        .describe_table(DescribeTableInput {
            table_name: Some("tbl".into()),
        })
        .await
        .unwrap()
        .table
        .unwrap();
    let g = &d.global_secondary_indexes.unwrap()[0];
    assert_eq!(g.key_schema.as_deref(), Some(&gsi_schema()[..]));
}

#[tokio::test]
async fn key_schema_validation_texts() {
    let cases: Vec<(&str, Vec<KeySchemaElement>, &str)> = vec![
        (
            "five partition attributes",
            vec![
                hash("tenant"),
                hash("area"),
                hash("round"),
                hash("bracket"),
                hash("seq"),
            ],
            "Invalid KeySchema: A global secondary index supports up to 4 HASH KeySchemaElements",
        ),
        (
            "a partition attribute after a sort attribute",
            vec![hash("tenant"), range("round"), hash("area")],
            "Invalid KeySchema: A HASH KeySchemaElement follows a RANGE KeySchemaElement",
        ),
        (
            "an attribute twice",
            vec![hash("tenant"), hash("area"), range("tenant")],
            "Invalid KeySchema: The attribute tenant appears more than once in the KeySchema",
        ),
        (
            "a sort attribute first",
            vec![range("round"), hash("tenant"), hash("area")],
            "Invalid KeySchema: The first KeySchemaElement is not a HASH key type",
        ),
        (
            "an undefined attribute",
            vec![hash("tenant"), hash("nowhere"), range("round")],
            "One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [tenant, nowhere, round], AttributeDefinitions: [id, tenant, area, round, bracket, seq]",
        ),
        (
            // Two elements keep their one-attribute-each meaning and text.
            "the same attribute as partition and sort key",
            vec![hash("tenant"), range("tenant")],
            "Both the Hash Key and the Range Key element in the KeySchema have the same name",
        ),
    ];
    for (what, key, text) in cases {
        let db = Engine::memory();
        let err = db.create_table(create_input(key)).await.unwrap_err();
        assert_eq!(err.message(), text, "{what}");
        assert!(
            db.list_tables(ListTablesInput::default())
                .await
                .unwrap()
                .table_names
                .unwrap_or_default()
                .is_empty(),
            "{what}: nothing created"
        );
    }
}

#[tokio::test]
async fn five_sort_attributes_are_refused() {
    use ScalarAttributeType::S;
    let db = Engine::memory();
    let mut input = create_input(vec![
        hash("tenant"),
        range("a1"),
        range("a2"),
        range("a3"),
        range("a4"),
        range("a5"),
    ]);
    input.attribute_definitions = Some(
        ["id", "tenant", "a1", "a2", "a3", "a4", "a5"]
            .iter()
            .map(|a| def(a, S))
            .collect(),
    );
    let err = db.create_table(input.clone()).await.unwrap_err();
    assert_eq!(
        err.message(),
        "Invalid KeySchema: A global secondary index supports up to 4 RANGE KeySchemaElements"
    );
    // Four of each is the limit, and accepted.
    let mut four = input;
    four.attribute_definitions
        .as_mut()
        .unwrap()
        .push(def("a6", S));
    four.global_secondary_indexes.as_mut().unwrap()[0].key_schema = Some(vec![
        hash("tenant"),
        hash("a5"),
        hash("id"),
        hash("a6"),
        range("a1"),
        range("a2"),
        range("a3"),
        range("a4"),
    ]);
    db.create_table(four).await.unwrap();
}

#[tokio::test]
async fn tables_and_local_indexes_keep_two_elements() {
    let db = Engine::memory();
    let mut input = create_input(gsi_schema());
    input.key_schema = Some(vec![hash("id"), range("round"), range("seq")]);
    let err = db.create_table(input).await.unwrap_err();
    assert_eq!(
        err.message(),
        "1 validation error detected: Value '[KeySchemaElement(attributeName=id, keyType=HASH), KeySchemaElement(attributeName=round, keyType=RANGE), KeySchemaElement(attributeName=seq, keyType=RANGE)]' at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2"
    );

    let mut input = create_input(gsi_schema());
    input.key_schema = Some(vec![hash("tenant"), range("id")]);
    input.local_secondary_indexes = Some(vec![LocalSecondaryIndex {
        index_name: Some("lsi".into()),
        key_schema: Some(vec![hash("tenant"), range("round"), range("seq")]),
        projection: all(),
    }]);
    let err = db.create_table(input).await.unwrap_err();
    assert_eq!(
        err.message(),
        "1 validation error detected: Value '[KeySchemaElement(attributeName=tenant, keyType=HASH), KeySchemaElement(attributeName=round, keyType=RANGE), KeySchemaElement(attributeName=seq, keyType=RANGE)]' at 'localSecondaryIndexes.1.member.keySchema' failed to satisfy constraint: Member must have length less than or equal to 2"
    );
}

async fn index_count(db: &Engine) -> i64 {
    db.describe_table(DescribeTableInput {
        table_name: Some("tbl".into()),
    })
    .await
    .unwrap()
    .table
    .unwrap()
    .global_secondary_indexes
    .unwrap()[0]
        .item_count
        .unwrap()
}

#[tokio::test]
async fn entries_only_for_items_with_every_key_attribute() {
    let db = table().await;
    let everything = || q("tenant = :t AND area = :r", part());
    put(&db, match_item("m1", "w", "eu", 1, "lower", 1)).await;
    assert_eq!(ids(&db, &everything()).await.unwrap(), ["m1"]);
    assert_eq!(index_count(&db).await, 1);

    // Each key attribute's removal takes the item out; putting it back brings it in again.
    for attr in ["tenant", "area", "round", "bracket", "seq"] {
        db.update_item(UpdateItemInput {
            table_name: Some("tbl".into()),
            key: Some([("id".to_owned(), s("m1"))].into()),
            update_expression: Some(format!("REMOVE {attr}")),
            ..Default::default()
        })
        .await
        .unwrap();
        assert!(ids(&db, &everything()).await.unwrap().is_empty(), "{attr}");
        assert_eq!(index_count(&db).await, 0, "{attr}");
        put(&db, match_item("m1", "w", "eu", 1, "lower", 1)).await;
        assert_eq!(ids(&db, &everything()).await.unwrap(), ["m1"], "{attr}");
    }

    // A key attribute of the wrong type is refused, as for any index key.
    let mut wrong = match_item("m2", "w", "eu", 1, "lower", 1);
    wrong.insert("seq".into(), s("one"));
    let err = db
        .put_item(PutItemInput {
            table_name: Some("tbl".into()),
            item: Some(wrong),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(
        err.message(),
        "One or more parameter values were invalid: Type mismatch for Index Key seq Expected: N Actual: S IndexName: gsi"
    );

    // Changing a partition attribute moves the entry to another partition.
    put(&db, match_item("m1", "w", "us", 1, "lower", 1)).await;
    assert!(ids(&db, &everything()).await.unwrap().is_empty());
    assert_eq!(
        ids(
            &db,
            &q(
                "tenant = :t AND area = :r",
                vec![(":t", s("w")), (":r", s("us"))]
            )
        )
        .await
        .unwrap(),
        ["m1"]
    );
    assert_eq!(index_count(&db).await, 1);
}

#[tokio::test]
async fn query_shapes_select_and_order_by_the_sort_attributes_in_turn() {
    let db = table().await;
    seed(&db).await;
    let cases: Vec<(&str, Q, Vec<&str>)> = vec![
        (
            "partition only: ordered by round, then bracket, then seq",
            q("tenant = :t AND area = :r", part()),
            vec!["m1", "m2", "m3", "m4", "m5", "m6"],
        ),
        (
            "first sort attribute equal",
            q(
                "tenant = :t AND area = :r AND round = :a",
                with(part(), &[(":a", n(1))]),
            ),
            vec!["m1", "m2", "m3", "m4"],
        ),
        (
            "first sort attribute in a range (numbers by value, not text)",
            q(
                "tenant = :t AND area = :r AND round > :a",
                with(part(), &[(":a", n(1))]),
            ),
            vec!["m5", "m6"],
        ),
        (
            "BETWEEN on the first",
            q(
                "tenant = :t AND area = :r AND round BETWEEN :a AND :b",
                with(part(), &[(":a", n(2)), (":b", n(10))]),
            ),
            vec!["m5", "m6"],
        ),
        (
            "equal, then begins_with",
            q(
                "tenant = :t AND area = :r AND round = :a AND begins_with(bracket, :b)",
                with(part(), &[(":a", n(1)), (":b", s("upper"))]),
            ),
            vec!["m3", "m4"],
        ),
        (
            "equal, equal, then <= on the last",
            q(
                "area = :r AND seq <= :c AND tenant = :t AND bracket = :b AND round = :a",
                with(part(), &[(":a", n(1)), (":b", s("lower")), (":c", n(6))]),
            ),
            vec!["m1"],
        ),
        (
            "every attribute equal",
            q(
                "tenant = :t AND area = :r AND round = :a AND bracket = :b AND seq = :c",
                with(part(), &[(":a", n(1)), (":b", s("lower")), (":c", n(7))]),
            ),
            vec!["m2"],
        ),
        (
            "equal then < on the second, whose prefix is a shorter value",
            q(
                "tenant = :t AND area = :r AND round = :a AND bracket < :b",
                with(part(), &[(":a", n(1)), (":b", s("upper2"))]),
            ),
            vec!["m1", "m2", "m3"],
        ),
        (
            "equal then >= on the second",
            q(
                "tenant = :t AND area = :r AND round = :a AND bracket >= :b",
                with(part(), &[(":a", n(1)), (":b", s("upper"))]),
            ),
            vec!["m3", "m4"],
        ),
        (
            "another partition with the same values",
            q(
                "tenant = :t AND area = :r",
                vec![(":t", s("w")), (":r", s("us"))],
            ),
            vec!["x1"],
        ),
    ];
    for (what, query, want) in cases {
        assert_eq!(ids(&db, &query).await.unwrap(), want, "{what}");
        let mut reversed = query;
        reversed.forward = false;
        let mut want = want;
        want.reverse();
        assert_eq!(ids(&db, &reversed).await.unwrap(), want, "{what}, backward");
    }
}

#[tokio::test]
async fn query_errors() {
    let db = table().await;
    seed(&db).await;
    let cases: Vec<(&str, Q, &str)> = vec![
        (
            "a partition attribute missing",
            q("tenant = :t", vec![(":t", s("w"))]),
            "Query condition missed key schema element: area",
        ),
        (
            "a partition attribute missing, with a sort condition",
            q(
                "area = :r AND round = :a",
                vec![(":r", s("eu")), (":a", n(1))],
            ),
            "Query condition missed key schema element: tenant",
        ),
        (
            "a partition attribute compared by range",
            q(
                "tenant = :t AND area > :r",
                vec![(":t", s("w")), (":r", s("a"))],
            ),
            "Query key condition not supported",
        ),
        (
            "a skipped sort attribute",
            q(
                "tenant = :t AND area = :r AND bracket = :b",
                with(part(), &[(":b", s("lower"))]),
            ),
            "Query condition missed key schema element: round",
        ),
        (
            "a skipped sort attribute in the middle",
            q(
                "tenant = :t AND area = :r AND round = :a AND seq = :c",
                with(part(), &[(":a", n(1)), (":c", n(1))]),
            ),
            "Query condition missed key schema element: bracket",
        ),
        (
            "a range condition before another condition",
            q(
                "tenant = :t AND area = :r AND round > :a AND bracket = :b",
                with(part(), &[(":a", n(1)), (":b", s("lower"))]),
            ),
            "Query key condition not supported",
        ),
        (
            "a condition on an attribute outside the key",
            q(
                "tenant = :t AND area = :r AND xyz = :a",
                with(part(), &[(":a", n(1))]),
            ),
            "Query condition missed key schema element: round",
        ),
        (
            "a value of the wrong type",
            q(
                "tenant = :t AND area = :r AND round = :a",
                with(part(), &[(":a", s("1"))]),
            ),
            "One or more parameter values were invalid: Condition parameter type does not match schema type",
        ),
        (
            "begins_with on a number",
            q(
                "tenant = :t AND area = :r AND begins_with(round, :a)",
                with(part(), &[(":a", n(1))]),
            ),
            "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N",
        ),
    ];
    for (what, query, text) in cases {
        assert_eq!(ids(&db, &query).await.unwrap_err(), text, "{what}");
    }
}

#[tokio::test]
async fn paging_carries_every_key_attribute() {
    let db = table().await;
    seed(&db).await;
    for forward in [true, false] {
        let mut seen = Vec::new();
        let mut start: Option<HashMap<String, AttributeValue>> = None;
        loop {
            let mut input = query_input(&Q {
                cond: "tenant = :t AND area = :r AND round = :a",
                values: with(part(), &[(":a", n(1))]),
                forward,
            });
            input.limit = Some(1);
            input.exclusive_start_key = start.take();
            let out = db.query(input).await.unwrap();
            for item in out.items.unwrap_or_default() {
                seen.push(item["id"].clone());
            }
            match out.last_evaluated_key {
                Some(k) => {
                    let mut names: Vec<&str> = k.keys().map(String::as_str).collect();
                    names.sort_unstable();
                    assert_eq!(names, ["area", "bracket", "id", "round", "seq", "tenant"]);
                    start = Some(k);
                }
                None => break,
            }
        }
        let mut want = vec![s("m1"), s("m2"), s("m3"), s("m4")];
        if !forward {
            want.reverse();
        }
        assert_eq!(seen, want, "forward {forward}");
    }
}

#[tokio::test]
async fn a_start_key_outside_the_condition_is_refused() {
    let db = table().await;
    seed(&db).await;
    let start = |round: i64| {
        // Sorts after m3 (1, upper, 1) and before m4 (1, upper2, 0).
        match_item("m5", "w", "eu", round, "upper", 5)
    };
    let mut input = query_input(&q(
        "tenant = :t AND area = :r AND round = :a AND bracket > :b",
        with(part(), &[(":a", n(1)), (":b", s("a"))]),
    ));
    input.exclusive_start_key = Some(start(2));
    assert_eq!(
        db.query(input.clone()).await.unwrap_err().message(),
        "The provided starting key does not match the range key predicate"
    );
    input.exclusive_start_key = Some(start(1));
    assert_eq!(
        db.query(input).await.unwrap().items.unwrap().len(),
        1,
        "after (1, upper, 5): m4 only"
    );
}

#[tokio::test]
async fn update_table_backfills_a_multi_attribute_index() {
    let db = Engine::memory();
    db.create_table(CreateTableInput {
        table_name: Some("tbl".into()),
        attribute_definitions: Some(vec![def("id", ScalarAttributeType::S)]),
        key_schema: Some(vec![hash("id")]),
        billing_mode: Some(BillingMode::PayPerRequest),
        ..Default::default()
    })
    .await
    .unwrap();
    seed(&db).await;
    let mut partial = match_item("p", "w", "eu", 1, "lower", 1);
    partial.remove("seq");
    put(&db, partial).await;
    db.update_table(UpdateTableInput {
        table_name: Some("tbl".into()),
        attribute_definitions: Some(defs()),
        global_secondary_index_updates: Some(vec![GlobalSecondaryIndexUpdate {
            create: Some(CreateGlobalSecondaryIndexAction {
                index_name: Some("gsi".into()),
                key_schema: Some(gsi_schema()),
                projection: all(),
                ..Default::default()
            }),
            ..Default::default()
        }]),
        ..Default::default()
    })
    .await
    .unwrap();
    assert_eq!(
        ids(&db, &q("tenant = :t AND area = :r", part()))
            .await
            .unwrap(),
        ["m1", "m2", "m3", "m4", "m5", "m6"]
    );
    // With the two decoys of other partitions; without the item lacking `seq`.
    assert_eq!(index_count(&db).await, 8);

    // UpdateTable checks a new index's key schema as CreateTable does.
    let err = db
        .update_table(UpdateTableInput {
            table_name: Some("tbl".into()),
            attribute_definitions: Some(defs()),
            global_secondary_index_updates: Some(vec![GlobalSecondaryIndexUpdate {
                create: Some(CreateGlobalSecondaryIndexAction {
                    index_name: Some("gsi2".into()),
                    key_schema: Some(vec![hash("tenant"), range("round"), hash("area")]),
                    projection: all(),
                    ..Default::default()
                }),
                ..Default::default()
            }]),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(
        err.message(),
        "Invalid KeySchema: A HASH KeySchemaElement follows a RANGE KeySchemaElement"
    );
}

#[tokio::test]
async fn a_reopened_file_keeps_the_index_key_and_its_entries() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("db.sqlite");
    {
        let db = Engine::sqlite(&path).expect("a new database");
        db.create_table(create_input(gsi_schema())).await.unwrap();
        seed(&db).await;
    }
    let db = Engine::sqlite(&path).expect("the database reopens");
    let d = db
        .describe_table(DescribeTableInput {
            table_name: Some("tbl".into()),
        })
        .await
        .unwrap()
        .table
        .unwrap();
    let g = &d.global_secondary_indexes.unwrap()[0];
    assert_eq!(g.key_schema.as_deref(), Some(&gsi_schema()[..]));
    assert_eq!(g.item_count, Some(8));
    assert_eq!(
        ids(
            &db,
            &q(
                "tenant = :t AND area = :r AND round = :a AND bracket > :b",
                with(part(), &[(":a", n(1)), (":b", s("lower"))]),
            )
        )
        .await
        .unwrap(),
        ["m3", "m4"]
    );
    // Writes after reopening maintain the index with the same key.
    put(&db, match_item("m0", "w", "eu", 0, "a", 0)).await;
    assert_eq!(
        ids(&db, &q("tenant = :t AND area = :r", part()))
            .await
            .unwrap()[0],
        "m0"
    );
}

#[tokio::test]
async fn parallel_scan_pages_visit_every_entry_once() {
    let db = table().await;
    seed(&db).await;
    for total in [1, 3] {
        let mut seen = Vec::new();
        for segment in 0..total {
            let mut start = None;
            loop {
                let out = db
                    .scan(ScanInput {
                        table_name: Some("tbl".into()),
                        index_name: Some("gsi".into()),
                        limit: Some(1),
                        segment: Some(segment),
                        total_segments: Some(total),
                        exclusive_start_key: start.take(),
                        ..Default::default()
                    })
                    .await
                    .unwrap();
                for item in out.items.unwrap_or_default() {
                    seen.push(match &item["id"] {
                        AttributeValue::S(v) => v.clone(),
                        other => panic!("{other:?}"),
                    });
                }
                match out.last_evaluated_key {
                    Some(k) => start = Some(k),
                    None => break,
                }
            }
        }
        seen.sort();
        assert_eq!(
            seen,
            ["m1", "m2", "m3", "m4", "m5", "m6", "x1", "x2"],
            "{total} segments"
        );
    }
}

#[tokio::test]
async fn legacy_key_conditions_take_the_same_shapes() {
    let db = table().await;
    seed(&db).await;
    let cond = |op, values: Vec<AttributeValue>| Condition {
        attribute_value_list: Some(values),
        comparison_operator: Some(op),
    };
    let query = |conditions: Vec<(&str, Condition)>| QueryInput {
        table_name: Some("tbl".into()),
        index_name: Some("gsi".into()),
        key_conditions: Some(
            conditions
                .into_iter()
                .map(|(k, c)| (k.to_owned(), c))
                .collect(),
        ),
        ..Default::default()
    };
    let out = db
        .query(query(vec![
            ("tenant", cond(ComparisonOperator::Eq, vec![s("w")])),
            ("area", cond(ComparisonOperator::Eq, vec![s("eu")])),
            ("round", cond(ComparisonOperator::Eq, vec![n(1)])),
            (
                "bracket",
                cond(ComparisonOperator::BeginsWith, vec![s("upper")]),
            ),
        ]))
        .await
        .unwrap();
    let ids: Vec<_> = out.items.unwrap().iter().map(|i| i["id"].clone()).collect();
    assert_eq!(ids, [s("m3"), s("m4")]);

    let err = db
        .query(query(vec![
            ("tenant", cond(ComparisonOperator::Eq, vec![s("w")])),
            ("area", cond(ComparisonOperator::Eq, vec![s("eu")])),
            ("bracket", cond(ComparisonOperator::Eq, vec![s("upper")])),
        ]))
        .await
        .unwrap_err();
    assert_eq!(
        err.message(),
        "Query condition missed key schema element: round"
    );
}

#[tokio::test]
async fn a_key_of_partition_attributes_only() {
    let db = Engine::memory();
    let mut input = create_input(vec![hash("tenant"), hash("area")]);
    input.attribute_definitions = Some(
        ["id", "tenant", "area"]
            .iter()
            .map(|a| def(a, ScalarAttributeType::S))
            .collect(),
    );
    db.create_table(input).await.unwrap();
    seed(&db).await;
    let mut got = ids(&db, &q("tenant = :t AND area = :r", part()))
        .await
        .unwrap();
    got.sort();
    assert_eq!(got, ["m1", "m2", "m3", "m4", "m5", "m6"]);
    assert_eq!(
        ids(
            &db,
            &q(
                "tenant = :t AND area = :r AND round = :a",
                with(part(), &[(":a", n(1))])
            )
        )
        .await
        .unwrap_err(),
        // Every key attribute has its condition: the extra one is beyond the key.
        "Query key condition not supported"
    );
}
