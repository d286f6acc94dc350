//! Transaction scenarios: TransactWriteItems and TransactGetItems.

use ddbmock_core::error::CancellationReason;
use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::*;
use ddbmock_core::{DynamoDb, Error};

use super::support::*;

fn put_action(table: &str, it: Item) -> TransactWriteItem {
    TransactWriteItem {
        put: Some(Put {
            table_name: Some(table.to_owned()),
            item: Some(it),
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn delete_action(table: &str, k: Item) -> TransactWriteItem {
    TransactWriteItem {
        delete: Some(Delete {
            table_name: Some(table.to_owned()),
            key: Some(k),
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn get_action(table: &str, k: Item) -> TransactGetItem {
    TransactGetItem {
        get: Some(Get {
            table_name: Some(table.to_owned()),
            key: Some(k),
            ..Default::default()
        }),
    }
}

async fn write(
    db: &dyn DynamoDb,
    items: Vec<TransactWriteItem>,
) -> Result<TransactWriteItemsOutput, Error> {
    db.transact_write_items(TransactWriteItemsInput {
        transact_items: Some(items),
        ..Default::default()
    })
    .await
}

async fn read(db: &dyn DynamoDb, gets: Vec<TransactGetItem>) -> Result<Vec<Option<Item>>, Error> {
    let out = db
        .transact_get_items(TransactGetItemsInput {
            transact_items: Some(gets),
            ..Default::default()
        })
        .await?;
    Ok(out
        .responses
        .unwrap_or_default()
        .into_iter()
        .map(|r| r.item)
        .collect())
}

/// Puts and deletes over two tables in one transaction, then reads them back in order, a missing
/// item as an empty response.
pub async fn transact_write_and_get(db: &dyn DynamoDb) {
    let a = new_table(db, "ta", false).await;
    let b = new_table(db, "tb", true).await;
    put(db, &a, item(&[("pk", s("gone"))])).await;
    write(
        db,
        vec![
            put_action(&a, item(&[("pk", s("x")), ("v", n("1"))])),
            delete_action(&a, item(&[("pk", s("gone"))])),
            put_action(&b, item(&[("pk", s("y")), ("sk", n("2.50"))])),
            delete_action(&b, item(&[("pk", s("never")), ("sk", n("1"))])),
        ],
    )
    .await
    .expect("transaction");
    let got = read(
        db,
        vec![
            get_action(&b, item(&[("pk", s("y")), ("sk", n("2.5"))])),
            get_action(&a, item(&[("pk", s("gone"))])),
            get_action(&a, item(&[("pk", s("x"))])),
        ],
    )
    .await
    .expect("transact get");
    assert_eq!(
        got,
        vec![
            Some(item(&[("pk", s("y")), ("sk", n("2.5"))])),
            None,
            Some(item(&[("pk", s("x")), ("v", n("1"))])),
        ]
    );
}

/// Request-level rules of TransactWriteItems, each rejected whole, writing nothing.
pub async fn transact_write_validation(db: &dyn DynamoDb) {
    let t = new_table(db, "tv", false).await;
    let ok = || put_action(&t, item(&[("pk", s("ok"))]));
    assert_error(
        write(db, vec![]).await,
        "ValidationException",
        "1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    assert_error(
        db.transact_write_items(TransactWriteItemsInput::default())
            .await,
        "ValidationException",
        "1 validation error detected: Value null at 'transactItems' failed to satisfy constraint: Member must not be null",
    );
    let many: Vec<_> = (0..101)
        .map(|i| put_action(&t, item(&[("pk", s(&format!("k{i}")))])))
        .collect();
    match write(db, many).await {
        Err(Error::Validation(m)) => {
            assert!(
                m.starts_with("1 validation error detected: Value '[com.amazonaws.dynamodb.v20120810.TransactWriteItem@")
                    && m.ends_with("]' at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100"),
                "{m}"
            );
        }
        other => panic!("expected ValidationException, got {other:?}"),
    }
    assert_error(
        write(db, vec![ok(), TransactWriteItem::default()]).await,
        "ValidationException",
        "Invalid Request: TransactWriteRequest should contain Delete or Put or Update request",
    );
    let mut two = ok();
    two.delete = Some(Delete {
        table_name: Some(t.clone()),
        key: Some(item(&[("pk", s("other"))])),
        ..Default::default()
    });
    assert_error(
        write(db, vec![two]).await,
        "ValidationException",
        "TransactItems can only contain one of Check, Put, Update or Delete",
    );
    assert_error(
        write(
            db,
            vec![
                put_action(&t, item(&[("pk", s("same")), ("v", n("1"))])),
                ok(),
                delete_action(&t, item(&[("pk", s("same"))])),
            ],
        )
        .await,
        "ValidationException",
        "Transaction request cannot include multiple operations on one item",
    );
    assert_error(
        write(
            db,
            vec![ok(), put_action("no-such-table", item(&[("pk", s("x"))]))],
        )
        .await,
        "ResourceNotFoundException",
        "Requested resource not found",
    );
    assert_error(
        write(db, vec![ok(), put_action(&t, item(&[("pk", n("1"))]))]).await,
        "ValidationException",
        "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N",
    );
    assert_error(
        write(
            db,
            vec![ok(), delete_action(&t, item(&[("other", s("x"))]))],
        )
        .await,
        "ValidationException",
        "The provided key element does not match the schema",
    );
    assert_error(
        write(
            db,
            vec![TransactWriteItem {
                put: Some(Put {
                    // An item operation's table name may be an ARN: 1 to 1024 characters, no
                    // pattern, so only an empty one breaks it.
                    table_name: Some(String::new()),
                    return_values_on_condition_check_failure: Some(
                        ReturnValuesOnConditionCheckFailure::Unknown("SOME".to_owned()),
                    ),
                    ..Default::default()
                }),
                ..Default::default()
            }],
        )
        .await,
        "ValidationException",
        "3 validation errors detected: Value '' at 'transactItems.1.member.put.tableName' failed to satisfy constraint: Member must have length greater than or equal to 1; Value 'SOME' at 'transactItems.1.member.put.returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]; Value null at 'transactItems.1.member.put.item' failed to satisfy constraint: Member must not be null",
    );
    let big = "x".repeat(390 * 1024);
    let fat: Vec<_> = (0..11)
        .map(|i| put_action(&t, item(&[("pk", s(&format!("f{i}"))), ("v", s(&big))])))
        .collect();
    assert_error(
        write(db, fat).await,
        "ValidationException",
        "Collection size of items exceeded, which can also be caused by the aggregate size of the items in the transaction exceeding the 4MB limit",
    );
    assert_eq!(
        get(db, &t, item(&[("pk", s("ok"))])).await,
        None,
        "a rejected transaction writes nothing"
    );
    assert_eq!(describe(db, &t).await.item_count, Some(0));
}

/// A `ClientRequestToken` makes a retry answer as the first call did without writing again; the same
/// token with another request is refused; a failed transaction does not bind its token.
pub async fn transact_write_idempotency(db: &dyn DynamoDb) {
    let t = new_table(db, "ti", false).await;
    let token = unique_name("tok");
    let request = |v: &str| TransactWriteItemsInput {
        transact_items: Some(vec![put_action(&t, item(&[("pk", s("k")), ("v", s(v))]))]),
        client_request_token: Some(token.clone()),
        ..Default::default()
    };
    let first = db.transact_write_items(request("1")).await.expect("first");
    put(db, &t, item(&[("pk", s("k")), ("v", s("changed"))])).await;
    let again = db.transact_write_items(request("1")).await.expect("retry");
    assert_eq!(first, again);
    assert_eq!(
        get(db, &t, item(&[("pk", s("k"))])).await,
        Some(item(&[("pk", s("k")), ("v", s("changed"))])),
        "a retry with the same token does not write again"
    );
    assert_error(
        db.transact_write_items(request("2")).await,
        "IdempotentParameterMismatchException",
        "The request uses the same client token as a previous, but non-identical request.",
    );

    let long = TransactWriteItemsInput {
        client_request_token: Some("x".repeat(37)),
        ..request("1")
    };
    assert_error(
        db.transact_write_items(long).await,
        "ValidationException",
        &format!(
            "1 validation error detected: Value '{}' at 'clientRequestToken' failed to satisfy constraint: Member must have length less than or equal to 36",
            "x".repeat(37)
        ),
    );
}

/// Request-level rules of TransactGetItems.
pub async fn transact_get_validation(db: &dyn DynamoDb) {
    let t = new_table(db, "tg", false).await;
    assert_error(
        read(db, vec![]).await,
        "ValidationException",
        "1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    let many: Vec<_> = (0..101)
        .map(|i| get_action(&t, item(&[("pk", s(&format!("k{i}")))])))
        .collect();
    match read(db, many).await {
        Err(Error::Validation(m)) => assert!(
            m.starts_with("1 validation error detected: Value '[com.amazonaws.dynamodb.v20120810.TransactGetItem@"),
            "{m}"
        ),
        other => panic!("expected ValidationException, got {other:?}"),
    }
    assert_error(
        read(
            db,
            vec![
                get_action(&t, item(&[("pk", s("a"))])),
                get_action(&t, item(&[("pk", s("a"))])),
            ],
        )
        .await,
        "ValidationException",
        "Transaction request cannot include multiple operations on one item",
    );
    assert_error(
        read(db, vec![TransactGetItem { get: None }]).await,
        "ValidationException",
        "1 validation error detected: Value null at 'transactItems.1.member.get' failed to satisfy constraint: Member must not be null",
    );
    assert_error(
        read(
            db,
            vec![get_action("no-such-table", item(&[("pk", s("a"))]))],
        )
        .await,
        "ResourceNotFoundException",
        "Requested resource not found",
    );
    assert_error(
        read(db, vec![get_action(&t, item(&[("pk", n("1"))]))]).await,
        "ValidationException",
        "The provided key element does not match the schema",
    );
}

fn check_action(
    table: &str,
    k: Item,
    condition: &str,
    values: &[(&str, AttributeValue)],
) -> TransactWriteItem {
    TransactWriteItem {
        condition_check: Some(ConditionCheck {
            table_name: Some(table.to_owned()),
            key: Some(k),
            condition_expression: Some(condition.to_owned()),
            expression_attribute_values: (!values.is_empty()).then(|| item(values)),
            return_values_on_condition_check_failure: Some(
                ReturnValuesOnConditionCheckFailure::AllOld,
            ),
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn update_action(
    table: &str,
    k: Item,
    update: &str,
    condition: Option<&str>,
    values: &[(&str, AttributeValue)],
) -> TransactWriteItem {
    TransactWriteItem {
        update: Some(Update {
            table_name: Some(table.to_owned()),
            key: Some(k),
            update_expression: Some(update.to_owned()),
            condition_expression: condition.map(str::to_owned),
            expression_attribute_values: (!values.is_empty()).then(|| item(values)),
            ..Default::default()
        }),
        ..Default::default()
    }
}

#[track_caller]
fn assert_cancelled(
    result: Result<TransactWriteItemsOutput, Error>,
    expected: &[CancellationReason],
) {
    let codes: Vec<&str> = expected
        .iter()
        .map(|r| r.code.as_deref().unwrap_or_default())
        .collect();
    match result {
        Err(Error::TransactionCanceled { message, reasons }) => {
            assert_eq!(
                message,
                format!(
                    "Transaction cancelled, please refer cancellation reasons for specific reasons [{}]",
                    codes.join(", ")
                )
            );
            assert_eq!(reasons, expected);
        }
        other => panic!("expected TransactionCanceledException, got {other:?}"),
    }
}

fn reason(code: &str, message: Option<&str>, it: Option<Item>) -> CancellationReason {
    CancellationReason {
        code: Some(code.to_owned()),
        message: message.map(str::to_owned),
        item: it,
    }
}

/// Conditions decide the whole transaction: one false condition cancels every action, with one
/// reason per action in order, the item when `ALL_OLD` asks for it, and nothing written.
pub async fn transact_conditions(db: &dyn DynamoDb) {
    let t = new_table(db, "tc", false).await;
    put(db, &t, item(&[("pk", s("a")), ("n", n("1"))])).await;
    put(db, &t, item(&[("pk", s("b")), ("n", n("5"))])).await;
    let one = [(":one", n("1"))];

    assert_cancelled(
        write(
            db,
            vec![
                update_action(&t, item(&[("pk", s("a"))]), "SET n = n + :one", None, &one),
                check_action(&t, item(&[("pk", s("b"))]), "n < :one", &one),
                put_action(&t, item(&[("pk", s("c"))])),
                check_action(&t, item(&[("pk", s("none"))]), "attribute_exists(pk)", &[]),
            ],
        )
        .await,
        &[
            reason("None", None, None),
            reason(
                "ConditionalCheckFailed",
                Some("The conditional request failed"),
                Some(item(&[("pk", s("b")), ("n", n("5"))])),
            ),
            reason("None", None, None),
            reason(
                "ConditionalCheckFailed",
                Some("The conditional request failed"),
                None,
            ),
        ],
    );
    assert_eq!(
        get(db, &t, item(&[("pk", s("a"))])).await,
        Some(item(&[("pk", s("a")), ("n", n("1"))])),
        "a cancelled transaction writes nothing"
    );
    assert_eq!(get(db, &t, item(&[("pk", s("c"))])).await, None);

    write(
        db,
        vec![
            update_action(
                &t,
                item(&[("pk", s("a"))]),
                "SET n = n + :one",
                Some("n = :one"),
                &one,
            ),
            check_action(&t, item(&[("pk", s("b"))]), "n > :one", &one),
            update_action(&t, item(&[("pk", s("new"))]), "SET n = :one", None, &one),
        ],
    )
    .await
    .expect("every condition holds");
    assert_eq!(
        get(db, &t, item(&[("pk", s("a"))])).await,
        Some(item(&[("pk", s("a")), ("n", n("2"))]))
    );
    assert_eq!(
        get(db, &t, item(&[("pk", s("new"))])).await,
        Some(item(&[("pk", s("new")), ("n", n("1"))]))
    );

    assert_error(
        write(
            db,
            vec![TransactWriteItem {
                condition_check: Some(ConditionCheck {
                    table_name: Some(t.clone()),
                    key: Some(item(&[("pk", s("a"))])),
                    ..Default::default()
                }),
                ..Default::default()
            }],
        )
        .await,
        "ValidationException",
        "1 validation error detected: Value null at 'transactItems.1.member.conditionCheck.conditionExpression' failed to satisfy constraint: Member must not be null",
    );
}

/// An action whose result breaks a rule cancels the transaction with a `ValidationError` reason.
pub async fn transact_validation_reasons(db: &dyn DynamoDb) {
    let t = new_table(db, "tr", false).await;
    put(db, &t, item(&[("pk", s("str")), ("n", s("text"))])).await;
    put(
        db,
        &t,
        item(&[("pk", s("big")), ("v", s(&"x".repeat(300 * 1024)))]),
    )
    .await;
    let result = write(
        db,
        vec![
            put_action(&t, item(&[("pk", s("ok"))])),
            update_action(&t, item(&[("pk", s("big"))]), "SET w = v", None, &[]),
        ],
    )
    .await;
    assert_cancelled(
        result,
        &[
            reason("None", None, None),
            reason(
                "ValidationError",
                Some("Item size has exceeded the maximum allowed size"),
                None,
            ),
        ],
    );
    match write(
        db,
        vec![update_action(
            &t,
            item(&[("pk", s("str"))]),
            "SET n = n + :one",
            None,
            &[(":one", n("1"))],
        )],
    )
    .await
    {
        Err(Error::TransactionCanceled { message, reasons }) => {
            assert_eq!(
                message,
                "Transaction cancelled, please refer cancellation reasons for specific reasons [ValidationError]"
            );
            assert_eq!(reasons[0].code.as_deref(), Some("ValidationError"));
            assert_eq!(
                reasons[0].message.as_deref(),
                Some("An operand in the update expression has an incorrect data type")
            );
        }
        other => panic!("expected TransactionCanceledException, got {other:?}"),
    }
    assert_eq!(get(db, &t, item(&[("pk", s("ok"))])).await, None);
}

/// TransactGetItems projects each item by its own `ProjectionExpression`.
pub async fn transact_get_projection(db: &dyn DynamoDb) {
    let t = new_table(db, "tp", false).await;
    put(
        db,
        &t,
        item(&[("pk", s("a")), ("x", n("1")), ("y", n("2"))]),
    )
    .await;
    put(db, &t, item(&[("pk", s("b")), ("x", n("3"))])).await;
    let got = read(
        db,
        vec![
            TransactGetItem {
                get: Some(Get {
                    table_name: Some(t.clone()),
                    key: Some(item(&[("pk", s("a"))])),
                    projection_expression: Some("#y".to_owned()),
                    expression_attribute_names: Some(
                        [("#y".to_owned(), "y".to_owned())].into_iter().collect(),
                    ),
                }),
            },
            get_action(&t, item(&[("pk", s("b"))])),
        ],
    )
    .await
    .expect("transact get");
    assert_eq!(
        got,
        vec![
            Some(item(&[("y", n("2"))])),
            Some(item(&[("pk", s("b")), ("x", n("3"))])),
        ]
    );
}
