//! ExecuteTransaction through the `DynamoDb` trait: write transactions (with EXISTS checks) and
//! read transactions, their cancellation reasons, the request's errors, idempotency, capacity and
//! the stream records a PartiQL transaction writes.

mod streams_support;

use ddbmock_core::error::CancellationReason;
use ddbmock_core::item;
use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::*;
use ddbmock_engine::{DynamoDb, Engine, Error};
use streams_support::{assert_error, create, events, read_all};

/// Table `tbl` keyed by `pk` (a stream of both images), holding `a` and `b`.
async fn seeded() -> (Engine, String) {
    let db = streams_support::engine();
    let arn = create(&db, "tbl", Some(StreamViewType::NewAndOldImages))
        .await
        .latest_stream_arn
        .unwrap();
    for i in [
        item! { "pk" => "a", "n" => 1 },
        item! { "pk" => "b", "n" => 2 },
    ] {
        db.put_item(PutItemInput::new("tbl", i)).await.unwrap();
    }
    (db, arn)
}

fn stmt(text: &str) -> ParameterizedStatement {
    ParameterizedStatement {
        statement: Some(text.into()),
        ..Default::default()
    }
}

async fn run(
    db: &Engine,
    statements: Vec<ParameterizedStatement>,
) -> Result<ExecuteTransactionOutput, Error> {
    db.execute_transaction(ExecuteTransactionInput {
        transact_statements: Some(statements),
        ..Default::default()
    })
    .await
}

async fn get(db: &Engine, pk: &str) -> Option<Item> {
    db.get_item(GetItemInput::new("tbl", item! { "pk" => pk }))
        .await
        .unwrap()
        .item
}

fn reason(code: &str, message: Option<&str>) -> CancellationReason {
    CancellationReason {
        code: Some(code.into()),
        message: message.map(Into::into),
        item: None,
    }
}

#[tokio::test]
async fn writes_commit_together_and_record_their_streams() {
    let (db, arn) = seeded().await;
    let before = read_all(&db, &arn).await.len();
    let out = run(
        &db,
        vec![
            stmt(r#"EXISTS(SELECT * FROM "tbl" WHERE pk = 'a' AND n = 1)"#),
            stmt(r#"INSERT INTO "tbl" VALUE {'pk': 'c', 'n': 3}"#),
            stmt(r#"UPDATE "tbl" SET n = n + 10 WHERE pk = 'b'"#),
            ParameterizedStatement {
                statement: Some(r#"DELETE FROM "tbl" WHERE pk = ?"#.into()),
                parameters: Some(vec![AttributeValue::from("zz")]),
                ..Default::default()
            },
        ],
    )
    .await
    .unwrap();
    assert_eq!(out.responses, Some(vec![]));
    assert_eq!(out.consumed_capacity, None);
    assert_eq!(get(&db, "c").await, Some(item! { "pk" => "c", "n" => 3 }));
    assert_eq!(get(&db, "b").await, Some(item! { "pk" => "b", "n" => 12 }));

    let records = read_all(&db, &arn).await;
    let new = &records[before..];
    let mut seen = events(new);
    seen.sort();
    assert_eq!(
        seen,
        vec![
            ("INSERT".to_owned(), "c".to_owned()),
            ("MODIFY".to_owned(), "b".to_owned())
        ]
    );
    let modify = new
        .iter()
        .find(|r| r.event_name.as_ref().map(|e| e.as_str()) == Some("MODIFY"))
        .and_then(|r| r.dynamodb.as_ref())
        .unwrap();
    assert_eq!(modify.old_image, Some(item! { "pk" => "b", "n" => 2 }));
    assert_eq!(modify.new_image, Some(item! { "pk" => "b", "n" => 12 }));
}

#[tokio::test]
async fn a_failed_check_cancels_everything() {
    let (db, arn) = seeded().await;
    db.put_item(PutItemInput::new("tbl", item! { "pk" => "c" }))
        .await
        .unwrap();
    let before = read_all(&db, &arn).await.len();
    let mut check = stmt(r#"EXISTS(SELECT * FROM "tbl" WHERE pk = 'a' AND n = 99)"#);
    check.return_values_on_condition_check_failure =
        Some(ReturnValuesOnConditionCheckFailure::AllOld);
    let r = run(
        &db,
        vec![
            stmt(r#"UPDATE "tbl" SET n = 0 WHERE pk = 'b'"#),
            check,
            stmt(r#"INSERT INTO "tbl" VALUE {'pk': 'c'}"#),
            stmt(r#"EXISTS(SELECT * FROM "tbl" WHERE pk = 'nobody' AND n = 1)"#),
        ],
    )
    .await;
    let Err(Error::TransactionCanceled { message, reasons }) = r else {
        panic!("not cancelled: {r:?}");
    };
    assert_eq!(
        message,
        "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed, ValidationError, ConditionalCheckFailed]"
    );
    assert_eq!(
        reasons,
        vec![
            reason("None", None),
            CancellationReason {
                item: Some(item! { "pk" => "a", "n" => 1 }),
                ..reason(
                    "ConditionalCheckFailed",
                    Some("The conditional request failed")
                )
            },
            reason(
                "ValidationError",
                Some("Duplicate primary key exists in table")
            ),
            reason(
                "ConditionalCheckFailed",
                Some("The conditional request failed")
            ),
        ]
    );
    assert_eq!(get(&db, "b").await, Some(item! { "pk" => "b", "n" => 2 }));
    assert_eq!(read_all(&db, &arn).await.len(), before);
}

#[tokio::test]
async fn reads_answer_in_order() {
    let (db, _) = seeded().await;
    let out = db
        .execute_transaction(ExecuteTransactionInput {
            transact_statements: Some(vec![
                stmt(r#"SELECT n FROM "tbl" WHERE pk = 'b'"#),
                stmt(r#"SELECT * FROM "tbl" WHERE pk = 'none'"#),
                stmt(r#"SELECT * FROM "tbl" WHERE pk = 'a'"#),
            ]),
            return_consumed_capacity: Some(ReturnConsumedCapacity::Total),
            ..Default::default()
        })
        .await
        .unwrap();
    let items: Vec<_> = out.responses.unwrap().into_iter().map(|r| r.item).collect();
    assert_eq!(
        items,
        vec![
            Some(item! { "n" => 2 }),
            None,
            Some(item! { "pk" => "a", "n" => 1 })
        ]
    );
    // Transactional reads cost double a consistent read: 2 units an item.
    let c = &out.consumed_capacity.unwrap()[0];
    assert_eq!(c.read_capacity_units, Some(6.0));
}

#[tokio::test]
async fn writes_cost_double() {
    let (db, _) = seeded().await;
    let out = db
        .execute_transaction(ExecuteTransactionInput {
            transact_statements: Some(vec![
                stmt(r#"INSERT INTO "tbl" VALUE {'pk': 'x'}"#),
                stmt(r#"DELETE FROM "tbl" WHERE pk = 'a'"#),
            ]),
            return_consumed_capacity: Some(ReturnConsumedCapacity::Total),
            ..Default::default()
        })
        .await
        .unwrap();
    let c = &out.consumed_capacity.unwrap()[0];
    assert_eq!(
        (c.table_name.as_deref(), c.write_capacity_units),
        (Some("tbl"), Some(4.0))
    );
}

#[tokio::test]
async fn errors_of_the_request() {
    let (db, _) = seeded().await;
    let cases: Vec<(Vec<ParameterizedStatement>, &str, &str)> = vec![
        (
            vec![
                stmt(r#"SELECT * FROM "tbl" WHERE pk = 'a'"#),
                stmt(r#"DELETE FROM "tbl" WHERE pk = 'b'"#),
            ],
            "ValidationException",
            "ExecuteTransaction API does not support both read and write operations in the same request.",
        ),
        (
            vec![
                stmt(r#"SELECT * FROM "tbl" WHERE pk = 'a'"#),
                stmt(r#"EXISTS(SELECT * FROM "tbl" WHERE pk = 'b')"#),
            ],
            "ValidationException",
            "ExecuteTransaction API does not support both read and write operations in the same request.",
        ),
        (
            vec![
                stmt(r#"DELETE FROM "tbl" WHERE pk = 'b'"#),
                stmt(r#"UPDATE "tbl" SET n = 1 WHERE pk = 'a' RETURNING ALL NEW *"#),
            ],
            "ValidationException",
            "Validation failed in TransactStatements[1]: RETURNING clause is not supported in ExecuteTransaction.",
        ),
        (
            vec![stmt(r#"SELECT * FROM "tbl" WHERE n = 1"#)],
            "ValidationException",
            "Validation failed in TransactStatements[0]: Select statements within ExecuteTransaction must specify the primary key in the where clause.",
        ),
        (
            vec![stmt(r#"SELECT * FROM "tbl"."i" WHERE pk = 'a'"#)],
            "ValidationException",
            "Validation failed in TransactStatements[0]: Reads on indices are not supported within transactions.",
        ),
        (
            vec![stmt(r#"DELETE FROM "tbl" WHERE pk = ?"#)],
            "ValidationException",
            "Validation failed in TransactStatements[0]: Number of parameters in request and statement don't match.",
        ),
        (
            vec![stmt(r#"DELETE FROM "missing" WHERE pk = 'a'"#)],
            "ResourceNotFoundException",
            "Requested resource not found",
        ),
        (
            vec![stmt("DELETE tbl")],
            "ValidationException",
            "Statement wasn't well formed, can't be processed: Unexpected token",
        ),
        (
            vec![stmt(r#"EXISTS(DELETE FROM "tbl" WHERE pk = 'a')"#)],
            "ValidationException",
            "Statement wasn't well formed, can't be processed: Unexpected keyword",
        ),
        (
            vec![
                stmt(r#"DELETE FROM "tbl" WHERE pk = 'a'"#),
                stmt(r#"UPDATE "tbl" SET n = 1 WHERE pk = 'a'"#),
            ],
            "ValidationException",
            "Transaction request cannot include multiple operations on one item",
        ),
        (
            vec![],
            "ValidationException",
            "1 validation error detected: Value '[]' at 'transactStatements' failed to satisfy constraint: Member must have length greater than or equal to 1",
        ),
    ];
    for (statements, exception, message) in cases {
        assert_error(run(&db, statements).await, exception, message);
    }
    assert_error(
        db.execute_transaction(ExecuteTransactionInput {
            transact_statements: Some(vec![stmt(r#"DELETE FROM "tbl" WHERE pk = 'a'"#)]),
            client_request_token: Some("x".repeat(37)),
            ..Default::default()
        })
        .await,
        "ValidationException",
        &format!(
            "1 validation error detected: Value '{}' at 'clientRequestToken' failed to satisfy constraint: Member must have length less than or equal to 36",
            "x".repeat(37)
        ),
    );
    let many = (0..101)
        .map(|_| stmt(r#"DELETE FROM "tbl" WHERE pk = 'a'"#))
        .collect();
    let e = run(&db, many).await.unwrap_err();
    assert!(
        e.message().ends_with("]' at 'transactStatements' failed to satisfy constraint: Member must have length less than or equal to 100"),
        "{e}"
    );
    // A WHERE clause without the key cancels the statement's place.
    let r = run(
        &db,
        vec![
            stmt(r#"DELETE FROM "tbl" WHERE pk = 'a'"#),
            stmt(r#"UPDATE "tbl" SET n = 1 WHERE n = 2"#),
        ],
    )
    .await;
    let Err(Error::TransactionCanceled { reasons, .. }) = r else {
        panic!("not cancelled: {r:?}");
    };
    assert_eq!(
        reasons,
        vec![
            reason("None", None),
            reason(
                "ValidationError",
                Some("Where clause does not contain a mandatory equality on all key attributes")
            ),
        ]
    );
    // Nothing ran.
    assert_eq!(get(&db, "a").await, Some(item! { "pk" => "a", "n" => 1 }));
}

#[tokio::test]
async fn a_client_request_token_runs_the_transaction_once() {
    let (db, _) = seeded().await;
    let input = |text: &str| ExecuteTransactionInput {
        transact_statements: Some(vec![stmt(text)]),
        client_request_token: Some("token-1".into()),
        ..Default::default()
    };
    let bump = r#"UPDATE "tbl" SET n = n + 1 WHERE pk = 'a'"#;
    db.execute_transaction(input(bump)).await.unwrap();
    db.execute_transaction(input(bump)).await.unwrap();
    assert_eq!(get(&db, "a").await, Some(item! { "pk" => "a", "n" => 2 }));
    assert_error(
        db.execute_transaction(input(r#"UPDATE "tbl" SET n = n + 2 WHERE pk = 'a'"#))
            .await,
        "IdempotentParameterMismatchException",
        "The request uses the same client token as a previous, but non-identical request.",
    );
    assert_eq!(get(&db, "a").await, Some(item! { "pk" => "a", "n" => 2 }));
}
