//! ExecuteStatement through the `DynamoDb` trait: rows of (statement, parameters, the items it
//! returns or DynamoDB's exact error) on a seeded table, and what the writes leave in the table.

use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::ScalarAttributeType::{N, S};
use ddbmock_core::operation::*;
use ddbmock_core::{item, set};
use ddbmock_engine::{DynamoDb, Engine, Error};

fn seed() -> Vec<Item> {
    vec![
        item! {
            "pk" => "a", "sk" => 1, "n" => 5, "tags" => set!["x", "y"],
            "m" => AttributeValue::M(item! { "l" => AttributeValue::L(vec![AttributeValue::from(1), AttributeValue::M(item! { "c" => "deep" })]) }),
        },
        item! { "pk" => "a", "sk" => 2, "n" => 7, "txt" => "hello" },
        item! { "pk" => "b", "sk" => 1, "n" => 5, "flag" => AttributeValue::Null(true) },
    ]
}

async fn engine() -> Engine {
    let db = Engine::memory();
    let mut create = CreateTableInput::new("tbl", "pk", S).range("sk", N);
    create
        .attribute_definitions
        .get_or_insert_default()
        .push(AttributeDefinition {
            attribute_name: Some("n".into()),
            attribute_type: Some(N),
        });
    create.global_secondary_indexes = Some(vec![GlobalSecondaryIndex {
        index_name: Some("by_n".into()),
        key_schema: Some(vec![KeySchemaElement {
            attribute_name: Some("n".into()),
            key_type: Some(KeyType::Hash),
        }]),
        projection: Some(Projection {
            projection_type: Some(ProjectionType::All),
            non_key_attributes: None,
        }),
        ..Default::default()
    }]);
    db.create_table(create).await.unwrap();
    for i in seed() {
        db.put_item(PutItemInput::new("tbl", i)).await.unwrap();
    }
    db
}

async fn run(
    db: &Engine,
    statement: &str,
    params: Vec<AttributeValue>,
) -> Result<ExecuteStatementOutput, Error> {
    db.execute_statement(ExecuteStatementInput {
        statement: Some(statement.into()),
        parameters: (!params.is_empty()).then_some(params),
        ..Default::default()
    })
    .await
}

/// Items in a stable order, for comparing scans.
fn sorted(mut items: Vec<Item>) -> Vec<Item> {
    items.sort_by_key(|i| format!("{:?}{:?}", i.get("pk"), i.get("sk")));
    items
}

fn keys(pairs: &[(&str, i64)]) -> Vec<Item> {
    sorted(
        seed()
            .into_iter()
            .filter(|i| {
                pairs.iter().any(|(p, s)| {
                    i["pk"] == AttributeValue::from(*p) && i["sk"] == AttributeValue::from(*s)
                })
            })
            .collect(),
    )
}

enum Want {
    Items(Vec<Item>),
    Err(&'static str, &'static str),
}

#[tokio::test]
async fn selects_return_what_their_where_clause_matches() {
    use Want::*;
    let db = engine().await;
    let a1 = || keys(&[("a", 1)]);
    let cases: Vec<(&str, Vec<AttributeValue>, Want)> = vec![
        (
            r#"SELECT * FROM "tbl""#,
            vec![],
            Items(keys(&[("a", 1), ("a", 2), ("b", 1)])),
        ),
        (
            "SELECT * FROM tbl WHERE pk = 'a'",
            vec![],
            Items(keys(&[("a", 1), ("a", 2)])),
        ),
        (
            "select * from tbl where 'a' = pk and sk = 1",
            vec![],
            Items(a1()),
        ),
        (
            "SELECT * FROM tbl WHERE pk = ? AND sk > ?",
            vec!["a".into(), 1.into()],
            Items(keys(&[("a", 2)])),
        ),
        (
            "SELECT * FROM tbl WHERE pk = 'a' AND sk BETWEEN 2 AND 9",
            vec![],
            Items(keys(&[("a", 2)])),
        ),
        (
            "SELECT * FROM tbl WHERE n = 5",
            vec![],
            Items(keys(&[("a", 1), ("b", 1)])),
        ),
        (
            "SELECT * FROM tbl WHERE n <> 5",
            vec![],
            Items(keys(&[("a", 2)])),
        ),
        (
            "SELECT * FROM tbl WHERE n >= 6 OR pk = 'b'",
            vec![],
            Items(keys(&[("a", 2), ("b", 1)])),
        ),
        (
            "SELECT * FROM tbl WHERE NOT n < 6",
            vec![],
            Items(keys(&[("a", 2)])),
        ),
        (
            "SELECT * FROM tbl WHERE n IN [7, 8]",
            vec![],
            Items(keys(&[("a", 2)])),
        ),
        (
            "SELECT * FROM tbl WHERE n NOT IN (7, 8)",
            vec![],
            Items(keys(&[("a", 1), ("b", 1)])),
        ),
        (
            "SELECT * FROM tbl WHERE txt IS MISSING AND flag IS NOT MISSING",
            vec![],
            Items(keys(&[("b", 1)])),
        ),
        (
            "SELECT * FROM tbl WHERE txt IS NOT MISSING",
            vec![],
            Items(keys(&[("a", 2)])),
        ),
        (
            "SELECT * FROM tbl WHERE flag IS NULL AND pk = 'b'",
            vec![],
            Items(keys(&[("b", 1)])),
        ),
        (
            "SELECT * FROM tbl WHERE pk = 'b' AND flag IS NOT NULL",
            vec![],
            Items(vec![]),
        ),
        (
            "SELECT * FROM tbl WHERE begins_with(txt, 'he')",
            vec![],
            Items(keys(&[("a", 2)])),
        ),
        (
            "SELECT * FROM tbl WHERE contains(tags, 'y')",
            vec![],
            Items(a1()),
        ),
        (
            "SELECT * FROM tbl WHERE attribute_type(tags, 'SS')",
            vec![],
            Items(a1()),
        ),
        (
            "SELECT * FROM tbl WHERE size(txt) = 5",
            vec![],
            Items(keys(&[("a", 2)])),
        ),
        (
            r#"SELECT * FROM tbl WHERE m.l[1]."c" = 'deep'"#,
            vec![],
            Items(a1()),
        ),
        (
            "SELECT * FROM tbl WHERE tags = <<'y', 'x'>>",
            vec![],
            Items(a1()),
        ),
        (
            r#"SELECT * FROM "tbl"."by_n" WHERE n = 7"#,
            vec![],
            Items(keys(&[("a", 2)])),
        ),
        (
            "SELECT m.l[1].c, sk FROM tbl WHERE pk = 'a' AND sk = 1",
            vec![],
            Items(vec![
                item! { "sk" => 1, "m" => AttributeValue::M(item! { "l" => AttributeValue::L(vec![AttributeValue::M(item! { "c" => "deep" })]) }) },
            ]),
        ),
        (
            "SELECT * FROM tbl WHERE pk = ?",
            vec![],
            Err(
                "ValidationException",
                "Number of parameters in request and statement don't match.",
            ),
        ),
        (
            "SELECT * FROM nope",
            vec![],
            Err("ResourceNotFoundException", "Requested resource not found"),
        ),
        (
            "SELEC * FROM tbl",
            vec![],
            Err(
                "ValidationException",
                "Statement wasn't well formed, can't be processed: Expected data manipulation",
            ),
        ),
        (
            "SELECT * FROM tbl WHERE pk = 'a' AND",
            vec![],
            Err(
                "ValidationException",
                "Statement wasn't well formed, can't be processed: Unexpected end of statement",
            ),
        ),
        (
            "SELECT * FROM tbl WHERE WHERE",
            vec![],
            Err(
                "ValidationException",
                "Statement wasn't well formed, can't be processed: Unexpected keyword",
            ),
        ),
        (
            "SELECT *, a FROM tbl",
            vec![],
            Err(
                "ValidationException",
                "Other attributes should not be present in the projection when '*' is used.",
            ),
        ),
        (
            "SELECT * FROM tbl WHERE a = MISSING",
            vec![],
            Err(
                "ValidationException",
                "MISSING must be compared using IS operator",
            ),
        ),
        (
            "SELECT * FROM tbl WHERE nosuch(a)",
            vec![],
            Err("ValidationException", "Unrecognized function: nosuch"),
        ),
        (
            "SELECT * FROM tbl WHERE a = <<1, 'x'>>",
            vec![],
            Err(
                "ValidationException",
                "Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags",
            ),
        ),
    ];
    for (statement, params, want) in cases {
        let got = run(&db, statement, params).await;
        match (want, got) {
            (Items(want), Ok(out)) => {
                assert_eq!(sorted(out.items.unwrap()), want, "{statement}");
                assert_eq!(out.next_token, None, "{statement}");
            }
            (Err(ty, text), Result::Err(e)) => {
                assert_eq!(
                    (e.type_name(), e.message().as_str()),
                    (ty, text),
                    "{statement}"
                )
            }
            (_, got) => panic!("{statement}: {got:?}"),
        }
    }
}

#[tokio::test]
async fn a_partition_key_equality_reads_one_partition_and_a_scan_bills_the_table() {
    let db = engine().await;
    let big = "x".repeat(10_000);
    db.put_item(PutItemInput::new(
        "tbl",
        item! { "pk" => "z", "sk" => 1, "big" => big.as_str() },
    ))
    .await
    .unwrap();
    let units = |statement: &'static str| {
        let db = db.clone();
        async move {
            db.execute_statement(ExecuteStatementInput {
                statement: Some(statement.into()),
                return_consumed_capacity: Some(ReturnConsumedCapacity::Total),
                ..Default::default()
            })
            .await
            .unwrap()
            .consumed_capacity
            .unwrap()
            .capacity_units
            .unwrap()
        }
    };
    assert_eq!(
        units("SELECT * FROM tbl WHERE pk = 'a' AND n = 5").await,
        0.5
    );
    assert_eq!(units("SELECT * FROM tbl WHERE n = 5").await, 1.5);
}

#[tokio::test]
async fn next_token_pages_through_a_query() {
    let db = engine().await;
    let page = |token: Option<String>| {
        let db = db.clone();
        async move {
            db.execute_statement(ExecuteStatementInput {
                statement: Some("SELECT sk FROM tbl WHERE pk = 'a'".into()),
                limit: Some(1),
                next_token: token,
                ..Default::default()
            })
            .await
            .unwrap()
        }
    };
    let first = page(None).await;
    assert_eq!(first.items.unwrap(), vec![item! { "sk" => 1 }]);
    assert_eq!(
        first.last_evaluated_key,
        Some(item! { "pk" => "a", "sk" => 1 })
    );
    let second = page(first.next_token).await;
    assert_eq!(second.items.unwrap(), vec![item! { "sk" => 2 }]);
    let third = page(second.next_token).await;
    assert_eq!(third.items.unwrap(), Vec::<Item>::new());
    assert_eq!(third.next_token, None);

    let bad = db
        .execute_statement(ExecuteStatementInput {
            statement: Some("SELECT * FROM tbl".into()),
            next_token: Some("not a token".into()),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(bad.message(), "Invalid NextToken");
}

async fn get(db: &Engine, pk: &str, sk: i64) -> Option<Item> {
    db.get_item(GetItemInput::new("tbl", item! { "pk" => pk, "sk" => sk }))
        .await
        .unwrap()
        .item
}

#[tokio::test]
async fn insert_adds_a_new_key_and_refuses_an_existing_one() {
    let db = engine().await;
    let out = run(
        &db,
        "INSERT INTO \"tbl\" VALUE {'pk': 'c', 'sk': ?, 'l': [1, 'two', TRUE, NULL], 'm': {'k': <<1.5, 2>>}, 'b': ?}",
        vec![3.into(), AttributeValue::B(vec![1, 2])],
    )
    .await
    .unwrap();
    assert_eq!(out.items, Some(vec![]));
    assert_eq!(
        get(&db, "c", 3).await.unwrap(),
        item! {
            "pk" => "c", "sk" => 3, "b" => AttributeValue::B(vec![1, 2]),
            "l" => AttributeValue::L(vec![1.into(), "two".into(), true.into(), AttributeValue::Null(true)]),
            "m" => AttributeValue::M(item! { "k" => AttributeValue::Ns(vec!["1.5".into(), "2".into()]) }),
        }
    );
    let dup = run(
        &db,
        "INSERT INTO tbl VALUE {'pk': 'a', 'sk': 1, 'n': 0}",
        vec![],
    )
    .await
    .unwrap_err();
    assert_eq!(
        (dup.type_name(), dup.message().as_str()),
        (
            "DuplicateItemException",
            "Duplicate primary key exists in table"
        )
    );
    assert_eq!(get(&db, "a", 1).await.unwrap()["n"], 5.into());

    let errors: &[(&str, &str)] = &[
        (
            "INSERT INTO tbl VALUE [1]",
            "Unsupported format in item expression. Please use struct format {...} to express item values for insert statement.",
        ),
        (
            "INSERT INTO tbl VALUE {'pk': 'q', 'sk': 1, 'a': 1, 'a': 2}",
            "Duplicate keys in tuple. Key: a under item",
        ),
        (
            "INSERT INTO tbl VALUE {'pk': 'q', 'sk': 1} RETURNING ALL OLD *",
            "RETURNING is not supported in INSERT",
        ),
        (
            r#"INSERT INTO "tbl"."by_n" VALUE {'pk': 'q', 'sk': 1}"#,
            "This operation is not supported on an index",
        ),
    ];
    for (statement, text) in errors {
        let e = run(&db, statement, vec![]).await.unwrap_err();
        assert_eq!(e.message(), *text, "{statement}");
    }
}

#[tokio::test]
async fn update_changes_an_existing_item_named_by_its_whole_key() {
    let db = engine().await;
    let out = run(
        &db,
        "UPDATE tbl SET n = n + 1 SET txt = 'bye', l = list_append([0], [1]) REMOVE m SET tags = set_add(tags, <<'z'>>) WHERE pk = 'a' AND sk = 1 AND n = 5 RETURNING MODIFIED NEW *",
        vec![],
    )
    .await
    .unwrap();
    assert_eq!(
        out.items.unwrap(),
        vec![
            item! { "n" => 6, "txt" => "bye", "l" => AttributeValue::L(vec![0.into(), 1.into()]), "tags" => set!["x", "y", "z"] }
        ]
    );
    assert!(!get(&db, "a", 1).await.unwrap().contains_key("m"));

    let fails = |statement: &'static str| {
        let db = db.clone();
        async move { run(&db, statement, vec![]).await.unwrap_err() }
    };
    let e = fails("UPDATE tbl SET n = 0 WHERE pk = 'a' AND sk = 1 AND n = 5").await;
    assert_eq!(e.type_name(), "ConditionalCheckFailedException");
    let e = fails("UPDATE tbl SET n = 0 WHERE pk = 'nope' AND sk = 1").await;
    assert_eq!(e.type_name(), "ConditionalCheckFailedException");
    assert_eq!(get(&db, "nope", 1).await, None);
    for (statement, text) in [
        (
            "UPDATE tbl SET n = 0 WHERE pk = 'a'",
            "Where clause does not contain a mandatory equality on all key attributes",
        ),
        (
            "UPDATE tbl SET n = 0",
            "Where clause does not contain a mandatory equality on all key attributes",
        ),
        (
            "UPDATE tbl SET n = 0 WHERE pk = 'a' AND sk = 1 AND sk = 2",
            "Multiple conditions on same key sk. Only single item Update/Insert/Delete are supported",
        ),
        (
            "UPDATE tbl SET n = set_add(tags, <<'z'>>) WHERE pk = 'a' AND sk = 1",
            "The first argument to SET_ADD must equal the assignment value",
        ),
        (
            "UPDATE tbl SET n = 1 WHERE pk = 'a' AND sk = 1 RETURNING ALL NEW",
            "Expected '*' after ( MODIFIED | ALL ) ( NEW | OLD ) in RETURNING clause",
        ),
    ] {
        assert_eq!(fails(statement).await.message(), text, "{statement}");
    }
    assert_eq!(get(&db, "a", 1).await.unwrap()["n"], 6.into());
}

#[tokio::test]
async fn delete_removes_the_keyed_item_when_the_rest_of_the_where_clause_holds() {
    let db = engine().await;
    let e = run(
        &db,
        "DELETE FROM tbl WHERE pk = 'a' AND sk = 1 AND n = 99",
        vec![],
    )
    .await
    .unwrap_err();
    assert_eq!(e.type_name(), "ConditionalCheckFailedException");
    assert!(get(&db, "a", 1).await.is_some());
    // No such item: success, nothing deleted.
    let out = run(
        &db,
        "DELETE FROM tbl WHERE pk = 'q' AND sk = 1 AND n = 99",
        vec![],
    )
    .await
    .unwrap();
    assert_eq!(out.items, Some(vec![]));
    let out = run(
        &db,
        "DELETE FROM tbl WHERE pk = ? AND sk = ? RETURNING ALL OLD *",
        vec!["b".into(), 1.into()],
    )
    .await
    .unwrap();
    assert_eq!(out.items.unwrap(), keys(&[("b", 1)]));
    assert_eq!(get(&db, "b", 1).await, None);
    let e = run(
        &db,
        "DELETE FROM tbl WHERE pk = 'a' AND sk = 1 RETURNING ALL NEW *",
        vec![],
    )
    .await
    .unwrap_err();
    assert_eq!(
        e.message(),
        "Invalid returning clause: RETURNING ALL NEW. Only RETURNING ALL OLD * is allowed in DELETE statements."
    );
}

#[tokio::test]
async fn the_statement_member_is_required() {
    let db = engine().await;
    let e = db
        .execute_statement(ExecuteStatementInput::default())
        .await
        .unwrap_err();
    assert_eq!(
        e.message(),
        "1 validation error detected: Value null at 'statement' failed to satisfy constraint: Member must not be null"
    );
}
