//! PartiQL batch and transaction scenarios: BatchExecuteStatement and ExecuteTransaction.

use ddbmock_core::error::CancellationReason;
use ddbmock_core::model::AttributeValue;
use ddbmock_core::operation::*;
use ddbmock_core::{DynamoDb, Error};

use super::support::*;

fn statement(text: String, parameters: Vec<AttributeValue>) -> BatchStatementRequest {
    BatchStatementRequest {
        statement: Some(text),
        parameters: (!parameters.is_empty()).then_some(parameters),
        ..Default::default()
    }
}

fn parameterized(text: String) -> ParameterizedStatement {
    ParameterizedStatement {
        statement: Some(text),
        ..Default::default()
    }
}

async fn batch(
    db: &dyn DynamoDb,
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

/// A batch of writes answers each statement on its own (an INSERT of an existing key as
/// `DuplicateItem`), a batch of reads returns each item with its table, and a batch mixing both
/// is refused whole.
pub async fn partiql_batches(db: &dyn DynamoDb) {
    let t = new_table(db, "pql", true).await;
    put(db, &t, item(&[("pk", s("a")), ("sk", n("1"))])).await;
    put(db, &t, item(&[("pk", s("c")), ("sk", n("3"))])).await;
    let written = batch(
        db,
        vec![
            statement(
                format!(r#"INSERT INTO "{t}" VALUE {{'pk': 'b', 'sk': 2, 'v': ?}}"#),
                vec![s("x")],
            ),
            statement(
                format!(r#"INSERT INTO "{t}" VALUE {{'pk': 'a', 'sk': 1}}"#),
                vec![],
            ),
            statement(
                format!(r#"UPDATE "{t}" SET v = 'y' WHERE pk = 'c' AND sk = 3"#),
                vec![],
            ),
        ],
    )
    .await
    .expect("batch of writes");
    let done = |item| BatchStatementResponse {
        error: None,
        table_name: Some(t.clone()),
        item,
    };
    assert_eq!(
        written,
        vec![
            done(None),
            BatchStatementResponse {
                error: Some(BatchStatementError {
                    code: Some(BatchStatementErrorCode::DuplicateItem),
                    message: Some("Duplicate primary key exists in table".into()),
                    item: None,
                }),
                table_name: Some(t.clone()),
                item: None,
            },
            done(None),
        ]
    );

    let read = batch(
        db,
        vec![
            statement(
                format!(r#"SELECT v FROM "{t}" WHERE pk = 'b' AND sk = 2"#),
                vec![],
            ),
            statement(
                format!(r#"SELECT * FROM "{t}" WHERE pk = ? AND sk = 3"#),
                vec![s("c")],
            ),
            statement(
                format!(r#"SELECT * FROM "{t}" WHERE pk = 'none' AND sk = 1"#),
                vec![],
            ),
        ],
    )
    .await
    .expect("batch of reads");
    assert_eq!(
        read,
        vec![
            done(Some(item(&[("v", s("x"))]))),
            done(Some(item(&[("pk", s("c")), ("sk", n("3")), ("v", s("y"))]))),
            done(None),
        ]
    );

    assert_error(
        batch(
            db,
            vec![
                statement(
                    format!(r#"SELECT * FROM "{t}" WHERE pk = 'a' AND sk = 1"#),
                    vec![],
                ),
                statement(
                    format!(r#"DELETE FROM "{t}" WHERE pk = 'a' AND sk = 1"#),
                    vec![],
                ),
            ],
        )
        .await,
        "ValidationException",
        "Read and write requests together in the same batch is not supported.",
    );
    assert!(
        get(db, &t, item(&[("pk", s("a")), ("sk", n("1"))]))
            .await
            .is_some()
    );
}

/// A write transaction with an `EXISTS` check commits together; a failed check cancels it with
/// TransactWriteItems' reasons and writes nothing; a read transaction answers in order; a reused
/// token with other statements is refused.
pub async fn partiql_transactions(db: &dyn DynamoDb) {
    let t = new_table(db, "pqt", false).await;
    put(db, &t, item(&[("pk", s("a")), ("n", n("1"))])).await;
    let run = |statements: Vec<String>, token: Option<&str>| {
        db.execute_transaction(ExecuteTransactionInput {
            transact_statements: Some(statements.into_iter().map(parameterized).collect()),
            client_request_token: token.map(Into::into),
            ..Default::default()
        })
    };
    run(
        vec![
            format!(r#"EXISTS(SELECT * FROM "{t}" WHERE pk = 'a' AND n = 1)"#),
            format!(r#"INSERT INTO "{t}" VALUE {{'pk': 'b', 'n': 2}}"#),
        ],
        Some("tok-1"),
    )
    .await
    .expect("write transaction");
    assert_eq!(
        get(db, &t, item(&[("pk", s("b"))])).await,
        Some(item(&[("pk", s("b")), ("n", n("2"))]))
    );

    let cancelled = run(
        vec![
            format!(r#"UPDATE "{t}" SET n = 5 WHERE pk = 'b'"#),
            format!(r#"EXISTS(SELECT * FROM "{t}" WHERE pk = 'a' AND n = 9)"#),
        ],
        None,
    )
    .await;
    match cancelled {
        Err(Error::TransactionCanceled { message, reasons }) => {
            assert_eq!(
                message,
                "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]"
            );
            assert_eq!(
                reasons,
                vec![
                    CancellationReason {
                        code: Some("None".into()),
                        ..Default::default()
                    },
                    CancellationReason {
                        code: Some("ConditionalCheckFailed".into()),
                        message: Some("The conditional request failed".into()),
                        item: None,
                    },
                ]
            );
        }
        other => panic!("expected a cancellation, got {other:?}"),
    }
    assert_eq!(
        get(db, &t, item(&[("pk", s("b"))])).await,
        Some(item(&[("pk", s("b")), ("n", n("2"))]))
    );

    let read = run(
        vec![
            format!(r#"SELECT n FROM "{t}" WHERE pk = 'b'"#),
            format!(r#"SELECT * FROM "{t}" WHERE pk = 'zz'"#),
        ],
        None,
    )
    .await
    .expect("read transaction");
    let items: Vec<_> = read
        .responses
        .unwrap_or_default()
        .into_iter()
        .map(|r| r.item)
        .collect();
    assert_eq!(items, vec![Some(item(&[("n", n("2"))])), None]);

    assert_error(
        run(
            vec![format!(r#"DELETE FROM "{t}" WHERE pk = 'b'"#)],
            Some("tok-1"),
        )
        .await,
        "IdempotentParameterMismatchException",
        "The request uses the same client token as a previous, but non-identical request.",
    );
    assert_error(
        run(
            vec![
                format!(r#"SELECT * FROM "{t}" WHERE pk = 'a'"#),
                format!(r#"DELETE FROM "{t}" WHERE pk = 'b'"#),
            ],
            None,
        )
        .await,
        "ValidationException",
        "ExecuteTransaction API does not support both read and write operations in the same request.",
    );
}
