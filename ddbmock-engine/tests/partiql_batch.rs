//! BatchExecuteStatement through the `DynamoDb` trait: reads and writes in batches, each
//! statement's own error in its response, the errors that fail the whole batch, and the capacity
//! the batch reports.

use ddbmock_core::item;
use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::ScalarAttributeType::{N, S};
use ddbmock_core::operation::*;
use ddbmock_engine::{DynamoDb, Engine, Error};

async fn engine() -> Engine {
    let db = Engine::memory();
    db.create_table(CreateTableInput::new("tbl", "pk", S).range("sk", N))
        .await
        .unwrap();
    db.create_table(CreateTableInput::new("other", "id", S))
        .await
        .unwrap();
    for i in [
        item! { "pk" => "a", "sk" => 1, "n" => 5, "txt" => "hello" },
        item! { "pk" => "a", "sk" => 2, "n" => 7 },
    ] {
        db.put_item(PutItemInput::new("tbl", i)).await.unwrap();
    }
    db
}

fn stmt(text: &str, params: Vec<AttributeValue>) -> BatchStatementRequest {
    BatchStatementRequest {
        statement: Some(text.into()),
        parameters: (!params.is_empty()).then_some(params),
        ..Default::default()
    }
}

async fn batch(
    db: &Engine,
    statements: Vec<BatchStatementRequest>,
) -> Result<Vec<BatchStatementResponse>, Error> {
    let out = db
        .batch_execute_statement(BatchExecuteStatementInput {
            statements: Some(statements),
            ..Default::default()
        })
        .await?;
    Ok(out.responses.unwrap_or_default())
}

fn ok(table: &str, item: Option<Item>) -> BatchStatementResponse {
    BatchStatementResponse {
        error: None,
        table_name: Some(table.into()),
        item,
    }
}

fn err(
    table: Option<&str>,
    code: BatchStatementErrorCode,
    message: &str,
) -> BatchStatementResponse {
    BatchStatementResponse {
        error: Some(BatchStatementError {
            code: Some(code),
            message: Some(message.into()),
            item: None,
        }),
        table_name: table.map(Into::into),
        item: None,
    }
}

async fn get(db: &Engine, pk: &str, sk: i64) -> Option<Item> {
    db.get_item(GetItemInput::new("tbl", item! { "pk" => pk, "sk" => sk }))
        .await
        .unwrap()
        .item
}

#[tokio::test]
async fn reads_answer_each_item_with_its_table() {
    let db = engine().await;
    let out = batch(
        &db,
        vec![
            stmt(r#"SELECT * FROM "tbl" WHERE pk = 'a' AND sk = 2"#, vec![]),
            stmt(
                r#"SELECT txt, n FROM tbl WHERE sk = ? AND pk = ?"#,
                vec![AttributeValue::from(1), AttributeValue::from("a")],
            ),
            stmt(r#"SELECT * FROM "tbl" WHERE pk = 'zz' AND sk = 1"#, vec![]),
        ],
    )
    .await
    .unwrap();
    assert_eq!(
        out,
        vec![
            ok("tbl", Some(item! { "pk" => "a", "sk" => 2, "n" => 7 })),
            ok("tbl", Some(item! { "txt" => "hello", "n" => 5 })),
            ok("tbl", None),
        ]
    );
}

#[tokio::test]
async fn each_statement_fails_alone() {
    let db = engine().await;
    let out = batch(
        &db,
        vec![
            stmt("SELEC * FROM tbl", vec![]),
            stmt(r#"SELECT * FROM "tbl" WHERE pk = 'a'"#, vec![]),
            stmt(
                r#"SELECT * FROM "tbl" WHERE pk = 'a' AND sk = 1 AND n = 5"#,
                vec![],
            ),
            stmt(
                r#"SELECT * FROM "tbl"."idx" WHERE pk = 'a' AND sk = 1"#,
                vec![],
            ),
            stmt(r#"SELECT * FROM "nope" WHERE pk = 'a' AND sk = 1"#, vec![]),
            stmt(r#"SELECT * FROM "tbl" WHERE pk = ? AND sk = ?"#, vec![]),
            stmt(r#"SELECT * FROM "tbl" WHERE pk = 'a' AND sk = 1"#, vec![]),
        ],
    )
    .await
    .unwrap();
    use BatchStatementErrorCode::*;
    let single = "Only single item select is supported";
    assert_eq!(
        out,
        vec![
            err(
                None,
                ValidationError,
                "Statement wasn't well formed, can't be processed: Expected data manipulation"
            ),
            err(Some("tbl"), ValidationError, single),
            err(Some("tbl"), ValidationError, single),
            err(Some("tbl"), ValidationError, single),
            err(
                Some("nope"),
                ResourceNotFound,
                "Requested resource not found"
            ),
            err(
                Some("tbl"),
                ValidationError,
                "Number of parameters in request and statement don't match."
            ),
            ok(
                "tbl",
                Some(item! { "pk" => "a", "sk" => 1, "n" => 5, "txt" => "hello" })
            ),
        ]
    );
}

#[tokio::test]
async fn writes_run_as_their_single_item_operations() {
    let db = engine().await;
    let out = batch(
        &db,
        vec![
            stmt(
                r#"INSERT INTO "tbl" VALUE {'pk': 'b', 'sk': 1, 'v': ?}"#,
                vec![AttributeValue::from("new")],
            ),
            stmt(r#"INSERT INTO "tbl" VALUE {'pk': 'a', 'sk': 1}"#, vec![]),
            stmt(
                r#"UPDATE "tbl" SET n = n + 1 WHERE pk = 'a' AND sk = 2"#,
                vec![],
            ),
            stmt(
                r#"UPDATE "tbl" SET n = 1 WHERE pk = 'zz' AND sk = 2"#,
                vec![],
            ),
            stmt(r#"DELETE FROM "other" WHERE id = 'x'"#, vec![]),
            stmt(r#"DELETE FROM "tbl" WHERE pk = 'a'"#, vec![]),
            stmt(
                r#"UPDATE "tbl" SET n = 0 WHERE pk = 'c' AND sk = 3 RETURNING ALL NEW *"#,
                vec![],
            ),
        ],
    )
    .await
    .unwrap();
    use BatchStatementErrorCode::*;
    assert_eq!(
        out,
        vec![
            ok("tbl", None),
            err(
                Some("tbl"),
                DuplicateItem,
                "Duplicate primary key exists in table"
            ),
            ok("tbl", None),
            err(
                Some("tbl"),
                ConditionalCheckFailed,
                "The conditional request failed"
            ),
            ok("other", None),
            err(
                Some("tbl"),
                ValidationError,
                "Where clause does not contain a mandatory equality on all key attributes"
            ),
            err(
                Some("tbl"),
                ConditionalCheckFailed,
                "The conditional request failed"
            ),
        ]
    );
    assert_eq!(
        get(&db, "b", 1).await,
        Some(item! { "pk" => "b", "sk" => 1, "v" => "new" })
    );
    assert_eq!(
        get(&db, "a", 2).await.unwrap()["n"],
        AttributeValue::from(8)
    );
    assert_eq!(
        get(&db, "a", 1).await,
        Some(item! { "pk" => "a", "sk" => 1, "n" => 5, "txt" => "hello" })
    );
    assert_eq!(get(&db, "zz", 2).await, None);
}

#[tokio::test]
async fn a_failed_condition_returns_the_item_when_asked() {
    let db = engine().await;
    let mut update = stmt(
        r#"UPDATE "tbl" SET n = 0 WHERE pk = 'a' AND sk = 2 AND n = 100"#,
        vec![],
    );
    update.return_values_on_condition_check_failure =
        Some(ReturnValuesOnConditionCheckFailure::AllOld);
    let out = batch(&db, vec![update]).await.unwrap();
    let error = out[0].error.clone().unwrap();
    assert_eq!(
        error.code,
        Some(BatchStatementErrorCode::ConditionalCheckFailed)
    );
    assert_eq!(
        error.message.as_deref(),
        Some("The conditional request failed")
    );
    assert_eq!(error.item, Some(item! { "pk" => "a", "sk" => 2, "n" => 7 }));
}

#[tokio::test]
async fn errors_of_the_whole_batch() {
    let db = engine().await;
    let select = || stmt(r#"SELECT * FROM "tbl" WHERE pk = 'a' AND sk = 1"#, vec![]);
    let insert = || stmt(r#"INSERT INTO "tbl" VALUE {'pk': 'q', 'sk': 1}"#, vec![]);
    let cases: Vec<(Option<Vec<BatchStatementRequest>>, &str)> = vec![
        (
            Some(vec![select(), insert()]),
            "Read and write requests together in the same batch is not supported.",
        ),
        (
            Some(vec![select(), select()]),
            "Provided list of item keys contains duplicates",
        ),
        (
            Some(vec![
                insert(),
                stmt(r#"DELETE FROM "tbl" WHERE pk = 'q' AND sk = 1"#, vec![]),
            ]),
            "Provided list of item keys contains duplicates",
        ),
        (
            None,
            "1 validation error detected: Value null at 'statements' failed to satisfy constraint: Member must not be null",
        ),
        (
            Some(vec![]),
            "1 validation error detected: Value '[]' at 'statements' failed to satisfy constraint: Member must have length greater than or equal to 1",
        ),
        (
            Some(vec![BatchStatementRequest::default()]),
            "1 validation error detected: Value null at 'statements.1.member.statement' failed to satisfy constraint: Member must not be null",
        ),
    ];
    for (statements, message) in cases {
        let r = db
            .batch_execute_statement(BatchExecuteStatementInput {
                statements,
                ..Default::default()
            })
            .await;
        assert_eq!(r, Err(Error::Validation(message.into())));
    }
    let many: Vec<_> = (0..26).map(|_| select()).collect();
    let r = batch(&db, many).await.unwrap_err();
    assert!(
        r.message().starts_with("1 validation error detected: Value '[com.amazonaws.dynamodb.v20120810.BatchStatementRequest@")
            && r.message().ends_with("]' at 'statements' failed to satisfy constraint: Member must have length less than or equal to 25"),
        "{r}"
    );
    // Nothing ran.
    assert_eq!(get(&db, "q", 1).await, None);
}

#[tokio::test]
async fn exists_is_for_transactions_only() {
    let db = engine().await;
    let out = batch(
        &db,
        vec![
            stmt(
                r#"EXISTS(SELECT * FROM "tbl" WHERE pk = 'a' AND sk = 1)"#,
                vec![],
            ),
            stmt(r#"DELETE FROM "tbl" WHERE pk = 'zz' AND sk = 1"#, vec![]),
        ],
    )
    .await
    .unwrap();
    assert_eq!(
        out,
        vec![
            err(
                Some("tbl"),
                BatchStatementErrorCode::ValidationError,
                "EXISTS can only be used in ExecuteTransaction write requests."
            ),
            ok("tbl", None)
        ]
    );
}

#[tokio::test]
async fn capacity_is_summed_per_table() {
    let db = engine().await;
    let out = db
        .batch_execute_statement(BatchExecuteStatementInput {
            statements: Some(vec![
                stmt(r#"INSERT INTO "tbl" VALUE {'pk': 'x', 'sk': 1}"#, vec![]),
                stmt(r#"INSERT INTO "other" VALUE {'id': 'x'}"#, vec![]),
                stmt(r#"INSERT INTO "tbl" VALUE {'pk': 'x', 'sk': 2}"#, vec![]),
                // Fails: reported in its response, not in the batch's capacity.
                stmt(r#"INSERT INTO "nope" VALUE {'id': 'x'}"#, vec![]),
            ]),
            return_consumed_capacity: Some(ReturnConsumedCapacity::Total),
        })
        .await
        .unwrap();
    let units: Vec<_> = out
        .consumed_capacity
        .unwrap()
        .into_iter()
        .map(|c| {
            (
                c.table_name.unwrap(),
                c.capacity_units,
                c.write_capacity_units,
            )
        })
        .collect();
    assert_eq!(
        units,
        vec![
            ("tbl".to_owned(), Some(2.0), Some(2.0)),
            ("other".to_owned(), Some(1.0), Some(1.0)),
        ]
    );

    let mut consistent = stmt(r#"SELECT * FROM "tbl" WHERE pk = 'a' AND sk = 1"#, vec![]);
    consistent.consistent_read = Some(true);
    let out = db
        .batch_execute_statement(BatchExecuteStatementInput {
            statements: Some(vec![
                consistent,
                stmt(r#"SELECT * FROM "tbl" WHERE pk = 'a' AND sk = 2"#, vec![]),
            ]),
            return_consumed_capacity: Some(ReturnConsumedCapacity::Indexes),
        })
        .await
        .unwrap();
    let c = &out.consumed_capacity.unwrap()[0];
    assert_eq!(c.read_capacity_units, Some(1.5));
    assert_eq!(c.table.as_ref().unwrap().read_capacity_units, Some(1.5));

    let none = db
        .batch_execute_statement(BatchExecuteStatementInput {
            statements: Some(vec![stmt(
                r#"SELECT * FROM "tbl" WHERE pk = 'a' AND sk = 1"#,
                vec![],
            )]),
            return_consumed_capacity: Some(ReturnConsumedCapacity::None),
        })
        .await
        .unwrap();
    assert_eq!(none.consumed_capacity, None);
}
